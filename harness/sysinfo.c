/*
 * sysinfo.c - what the record says about the system the cases ran on.
 * Everything is read at run time on that system, never taken from the
 * build machine: a cross-built runner in a VM reports the VM.  Built in
 * the system's own mode (statfs(), the libc's own version interfaces).
 */
#include "../lib/system-mode.h"
#include "harness.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/vfs.h>
#else
#include <sys/mount.h>
#include <sys/param.h>
#endif
#ifdef HAVE_GNU_LIBC_VERSION_H
#include <gnu/libc-version.h>
#endif
#include <glob.h>

long online_cpus(void)
{
	return sysconf(_SC_NPROCESSORS_ONLN);
}

const char *fstype_name(unsigned long magic)
{
	static const struct {
		unsigned long magic;
		const char *name;
	} types[] = {
		{ 0xEF53, "ext4" },	/* ext2/3/4 share the magic */
		{ 0x01021994, "tmpfs" },
		{ 0x58465342, "xfs" },
		{ 0x9123683E, "btrfs" },
		{ 0x794c7630, "overlayfs" },
		{ 0x6969, "nfs" },
		{ 0x65735546, "fuse" },
		{ 0x01021997, "9p" },
		{ 0x2fc12fc1, "zfs" },
		{ 0xF2F52010, "f2fs" },
		{ 0x858458f6, "ramfs" },
		{ 0x73717368, "squashfs" },
		{ 0x4d44, "vfat" },
		{ 0x5346544e, "ntfs" },
		{ 0xca451a4e, "bcachefs" },
		{ 0x62656570, "configfs" },
		{ 0x6165676C, "pstorefs" },
	};
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (types[i].magic == magic)
			return types[i].name;
	return NULL;
}

static void read_first_line(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");

	out[0] = '\0';
	if (!f)
		return;
	if (fgets(out, (int)size, f))
		out[strcspn(out, "\n")] = '\0';
	fclose(f);
}

static void rlimit_string(int resource, char *out, size_t size)
{
	struct rlimit rl;

	if (getrlimit(resource, &rl) < 0)
		snprintf(out, size, "unknown");
	else if (rl.rlim_cur == RLIM_INFINITY)
		snprintf(out, size, "unlimited");
	else
		snprintf(out, size, "%llu", (unsigned long long)rl.rlim_cur);
}

#if defined(__linux__) && !defined(__GLIBC__)
/* musl says its version only when its dynamic loader runs as a program. */
static void musl_version(char *out, size_t size)
{
	glob_t g;

	out[0] = '\0';
	if (glob("/lib/ld-musl-*.so.1", 0, NULL, &g) != 0)
		return;
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "'%s' 2>&1", g.gl_pathv[0]);
	globfree(&g);
	FILE *p = popen(cmd, "r");
	if (!p)
		return;
	char line[256];
	while (fgets(line, sizeof(line), p)) {
		if (!strncmp(line, "Version ", 8)) {
			size_t n = strcspn(line + 8, "\n");
			if (n >= size)
				n = size - 1;
			memcpy(out, line + 8, n);
			out[n] = '\0';
		}
	}
	pclose(p);
}
#endif

static void detect_libc(struct sysinfo *s)
{
#if defined(__GLIBC__)
	snprintf(s->libc_name, sizeof(s->libc_name), "glibc");
	snprintf(s->libc_version, sizeof(s->libc_version), "%s", gnu_get_libc_version());
#elif defined(__linux__)
	/* No glibc on Linux: musl (which has no version macro on purpose). */
	snprintf(s->libc_name, sizeof(s->libc_name), "musl");
	musl_version(s->libc_version, sizeof(s->libc_version));
#ifdef MMAPCTS_BUILD_MUSL_VERSION
	/* No loader here (a static build in a bare initramfs): the version
	 * configure found, marked as such. */
	if (!s->libc_version[0]) {
		snprintf(s->libc_version, sizeof(s->libc_version), "%s",
			 MMAPCTS_BUILD_MUSL_VERSION);
		snprintf(s->libc_note, sizeof(s->libc_note), "no /lib/ld-musl-*.so.1 "
			 "at run time: the version is the one configure found at build time");
	}
#endif
#elif defined(__FreeBSD__)
	snprintf(s->libc_name, sizeof(s->libc_name), "freebsd-libc");
	snprintf(s->libc_version, sizeof(s->libc_version), "%s", s->kernel_release);
#elif defined(__APPLE__)
	snprintf(s->libc_name, sizeof(s->libc_name), "libSystem");
#else
	snprintf(s->libc_name, sizeof(s->libc_name), "unknown");
#endif
	if (!s->libc_version[0])
		snprintf(s->libc_version, sizeof(s->libc_version), "unknown");
}

void sysinfo_collect(struct sysinfo *s, const char *tmpdir)
{
	struct utsname u;

	memset(s, 0, sizeof(*s));
	s->as_root = geteuid() == 0;
	if (uname(&u) == 0) {
		snprintf(s->os, sizeof(s->os), "%s", u.sysname);
		snprintf(s->kernel_release, sizeof(s->kernel_release), "%s", u.release);
		snprintf(s->kernel_version, sizeof(s->kernel_version), "%s", u.version);
		snprintf(s->machine, sizeof(s->machine), "%s", u.machine);
	}
	detect_libc(s);
	s->page_size = sysconf(_SC_PAGESIZE);
	s->cpus = online_cpus();
	snprintf(s->tmpdir, sizeof(s->tmpdir), "%s", tmpdir);
	snprintf(s->tmpdir_fstype, sizeof(s->tmpdir_fstype), "unknown");
	struct statfs sf;
	if (statfs(tmpdir, &sf) == 0) {
#ifdef __linux__
		const char *name = fstype_name((unsigned long)sf.f_type);
		if (name)
			snprintf(s->tmpdir_fstype, sizeof(s->tmpdir_fstype), "%s", name);
		else
			snprintf(s->tmpdir_fstype, sizeof(s->tmpdir_fstype), "0x%lx",
				 (unsigned long)sf.f_type);
#else
		snprintf(s->tmpdir_fstype, sizeof(s->tmpdir_fstype), "%s", sf.f_fstypename);
#endif
	}
	read_first_line("/proc/sys/vm/overcommit_memory", s->overcommit_policy,
			sizeof(s->overcommit_policy));
	read_first_line("/proc/sys/vm/overcommit_ratio", s->overcommit_ratio,
			sizeof(s->overcommit_ratio));
	rlimit_string(RLIMIT_AS, s->rlimit_as, sizeof(s->rlimit_as));
	rlimit_string(RLIMIT_DATA, s->rlimit_data, sizeof(s->rlimit_data));
#ifdef RLIMIT_MEMLOCK
	rlimit_string(RLIMIT_MEMLOCK, s->rlimit_memlock, sizeof(s->rlimit_memlock));
#endif
	rlimit_string(RLIMIT_STACK, s->rlimit_stack, sizeof(s->rlimit_stack));
}

static void field(struct buf *b, const char *key, const char *value, int last)
{
	buf_printf(b, "\"%s\": ", key);
	json_string(b, value, strlen(value));
	buf_puts(b, last ? "" : ", ");
}

void sysinfo_json(struct buf *b, const struct sysinfo *s)
{
	buf_puts(b, "{");
	field(b, "os", s->os, 0);
	field(b, "kernel_release", s->kernel_release, 0);
	field(b, "kernel_version", s->kernel_version, 0);
	field(b, "machine", s->machine, 0);
	buf_puts(b, "\"libc\": {");
	field(b, "name", s->libc_name, 0);
	field(b, "version", s->libc_version, !s->libc_note[0]);
	if (s->libc_note[0])
		field(b, "note", s->libc_note, 1);
	buf_printf(b, "}, \"page_size\": %ld, \"cpus\": %ld, ", s->page_size, s->cpus);
	buf_puts(b, "\"tmpdir\": {");
	field(b, "path", s->tmpdir, 0);
	field(b, "fstype", s->tmpdir_fstype, 1);
	buf_puts(b, "}, \"overcommit\": {");
	field(b, "policy", s->overcommit_policy[0] ? s->overcommit_policy : "unknown", 0);
	field(b, "ratio", s->overcommit_ratio[0] ? s->overcommit_ratio : "unknown", 1);
	buf_puts(b, "}, \"rlimits\": {");
	field(b, "as", s->rlimit_as, 0);
	field(b, "data", s->rlimit_data, 0);
	field(b, "memlock", s->rlimit_memlock[0] ? s->rlimit_memlock : "unknown", 0);
	field(b, "stack", s->rlimit_stack, 1);
	buf_printf(b, "}, \"cases_as_root\": %s, ", s->as_root ? "true" : "false");
	field(b, "emulation", s->emulation, !s->emulation_version[0]);
	if (s->emulation_version[0])
		field(b, "emulation_version", s->emulation_version, 1);
	buf_puts(b, "}");
}

/*
 * QEMU's user-mode emulators print "qemu-aarch64 version 7.2.22 (Debian
 * 1:7.2+dfsg-7+deb12u18)": its version scopes known deviations to the
 * emulator that showed them.  Anything else (valgrind, env, the fault
 * library's wrapper) leaves out empty.
 */
void wrapper_version(char *out, size_t size, const char *wrapper)
{
	char cmd[1024], line[256];
	FILE *p;

	out[0] = '\0';
	if (snprintf(cmd, sizeof(cmd), "%s --version 2>/dev/null </dev/null", wrapper) >=
	    (int)sizeof(cmd))
		return;
	p = popen(cmd, "r");
	if (!p)
		return;
	while (fgets(line, sizeof(line), p)) {
		const char *v = strstr(line, " version ");
		size_t n;

		if (out[0] || strncmp(line, "qemu-", 5) || !v)
			continue;
		v += strlen(" version ");
		n = strspn(v, "0123456789.");
		if (n > 0 && n < size) {
			memcpy(out, v, n);
			out[n] = '\0';
		}
	}
	pclose(p);
}

/* Keep a file-name part to letters, digits, dots and dashes. */
static void name_part(char *out, size_t size, const char *s)
{
	size_t n = 0;

	for (; *s && n + 1 < size; s++)
		out[n++] = (isalnum((unsigned char)*s) || *s == '.' || *s == '-') ? *s : '_';
	out[n] = '\0';
}

void default_record_name(char *out, size_t size, const struct sysinfo *s)
{
	char os[64], rel[128], arch[64], libc[64], lver[64];

	name_part(os, sizeof(os), s->os);
	for (char *p = os; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	name_part(rel, sizeof(rel), s->kernel_release);
	name_part(arch, sizeof(arch), s->machine);
	name_part(libc, sizeof(libc), s->libc_name);
	name_part(lver, sizeof(lver), s->libc_version);
	snprintf(out, size, "mmapcts-%s-%s-%s-%s-%s.json", os, rel, arch, libc, lver);
}
