/*
 * linux-layout.h - what the anon group's Linux-only layout cases share
 * (MAP_32BIT, hints above 128 TiB, MAP_DROPPABLE, memfd_secret()): the
 * x86-64 check, and why memfd_secret() may be absent on a kernel that
 * knows it.
 */
#ifndef LINUX_LAYOUT_H
#define LINUX_LAYOUT_H

#include "mmapcts.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>

#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* The case is about x86-64 address-space layout: UNSUPPORTED in any other
 * process (another machine, or a 32-bit or x32 process on x86-64). */
#define REQUIRE_X86_64(what) require_x86_64_(MMAPCTS_HERE, (what))
static inline void require_x86_64_(const char *file, int line, const char *what)
{
	struct utsname u;

	if (uname(&u) < 0)
		UNRESOLVED("uname() failed: %s", errno_name(errno));
	if (strcmp(u.machine, "x86_64") || sizeof(void *) != 8)
		UNSUPPORTED("%s is x86-64 only; this is a %zu-bit process on %s", what,
			    8 * sizeof(void *), u.machine);
}

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

/*
 * Why memfd_secret() fails with ENOSYS on a kernel of 5.14 or later, with
 * proof: the boot parameter secretmem.enable=0 (/proc/cmdline); the
 * parameter reading N in sysfs (/sys/module/secretmem/parameters/enable:
 * some distributions, Debian's 6.1 among them, build it in but leave it
 * off); or a kernel configuration without CONFIG_SECRETMEM
 * (/boot/config-<release>).  NULL where none says so.
 */
static inline const char *secretmem_disabled_reason(void)
{
	static char reason[224];
	char path[128], line[256];
	FILE *f = fopen("/proc/cmdline", "r");
	int off = 0;

	if (f) {
		if (fgets(line, sizeof(line), f) && strstr(line, "secretmem.enable=0"))
			off = 1;
		fclose(f);
	}
	if (off) {
		snprintf(reason, sizeof(reason), "the kernel was booted with "
			 "secretmem.enable=0 (/proc/cmdline)");
		return reason;
	}
	if ((f = fopen("/sys/module/secretmem/parameters/enable", "r"))) {
		if (fgets(line, sizeof(line), f) && (line[0] == 'N' || line[0] == '0'))
			off = 1;
		fclose(f);
	}
	if (off) {
		snprintf(reason, sizeof(reason), "secretmem is off: "
			 "/sys/module/secretmem/parameters/enable reads N");
		return reason;
	}
	snprintf(path, sizeof(path), "/boot/config-%s",
		 kernel_release() ? kernel_release() : "");
	if (!(f = fopen(path, "r")))
		return NULL;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "# CONFIG_SECRETMEM is not set", 29))
			off = 1;
	fclose(f);
	if (!off)
		return NULL;
	snprintf(reason, sizeof(reason), "the kernel was built without CONFIG_SECRETMEM (%s)",
		 path);
	return reason;
}

#endif /* LINUX_LAYOUT_H */
