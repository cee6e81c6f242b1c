/*
 * case.c - the life of a case: main(), metadata checks, the temp directory,
 * the result channel, observations, cleanups and the exit status.
 */
#include "mmapcts.h"
#include "internal.h"
#include "tree.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

size_t page_size;

static pid_t case_pid;		/* the case's own process: it owns cleanups */
static int result_fd = -1;
static const char *current_variant;
static const char *stage_name, *stage_arg;
static char self[PATH_MAX];
static char tmp_path[PATH_MAX];
static int tmp_owned;		/* created by this library, not by the runner */

#define MAX_CLEANUPS 32
static struct {
	void (*fn)(void *);
	void *arg;
} cleanups[MAX_CLEANUPS];
static int ncleanups;

static const char *const verdict_names[] = {
	[VERDICT_PASS] = "PASS",
	[VERDICT_FAIL] = "FAIL",
	[VERDICT_UNRESOLVED] = "UNRESOLVED",
	[VERDICT_UNSUPPORTED] = "UNSUPPORTED",
	[VERDICT_UNTESTED] = "UNTESTED",
};

const char *verdict_name(enum verdict v)
{
	if ((unsigned)v < sizeof(verdict_names) / sizeof(verdict_names[0]))
		return verdict_names[v];
	return "?";
}

int verdict_exit_status(enum verdict v)
{
	switch (v) {
	case VERDICT_PASS:
		return MMAPCTS_EXIT_PASS;
	case VERDICT_FAIL:
		return MMAPCTS_EXIT_FAIL;
	case VERDICT_UNSUPPORTED:
	case VERDICT_UNTESTED:
		return MMAPCTS_EXIT_SKIP;
	case VERDICT_UNRESOLVED:
	default:
		return MMAPCTS_EXIT_HARD_ERROR;
	}
}

enum verdict mmapcts_verdict_of_status(int status)
{
	if (WIFEXITED(status)) {
		switch (WEXITSTATUS(status)) {
		case MMAPCTS_EXIT_PASS:
			return VERDICT_PASS;
		case MMAPCTS_EXIT_SKIP:
			return VERDICT_UNSUPPORTED;
		case MMAPCTS_EXIT_HARD_ERROR:
			return VERDICT_UNRESOLVED;
		case MMAPCTS_EXIT_CHILD_UNTESTED:
			return VERDICT_UNTESTED;
		default:
			return VERDICT_FAIL;
		}
	}
	return VERDICT_FAIL;
}

const char *mmapcts_source_name(const char *file)
{
	const char *p, *best = NULL;

	/* Keep "cases/<group>/<name>.c" from wherever the build put the path:
	 * a whole "cases" component followed by exactly two more. */
	for (p = file; (p = strstr(p, "cases/")) != NULL; p++) {
		const char *rest = p + strlen("cases/"), *slash = strchr(rest, '/');
		if ((p == file || p[-1] == '/') && slash && slash > rest &&
		    !strchr(slash + 1, '/') && slash[1])
			best = p;
	}
	if (best)
		return best;
	p = strrchr(file, '/');
	return p ? p + 1 : file;
}

/* Write one whole line to the result channel (O_APPEND: one write, one line). */
static void result_line(const char *fmt, ...) MMAPCTS_PRINTF(1, 2);
static void result_line(const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	int n;

	if (result_fd < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	/* One record per line: a stray newline in a message must not split it. */
	for (int i = 0; i < n; i++)
		if (buf[i] == '\n' || buf[i] == '\r')
			buf[i] = ' ';
	buf[n++] = '\n';
	if (write(result_fd, buf, n) < 0) {
		/* Nothing sensible to do: the exit status still carries the verdict. */
	}
}

int mmapcts_in_case_process(void)
{
	return getpid() == case_pid;
}

void at_cleanup(void (*fn)(void *), void *arg)
{
	if (ncleanups == MAX_CLEANUPS)
		UNRESOLVED("at_cleanup: more than %d cleanups", MAX_CLEANUPS);
	cleanups[ncleanups].fn = fn;
	cleanups[ncleanups].arg = arg;
	ncleanups++;
}

static void run_cleanups(void)
{
	while (ncleanups > 0) {
		ncleanups--;
		cleanups[ncleanups].fn(cleanups[ncleanups].arg);
	}
	if (tmp_owned && tmp_path[0]) {
		if (chdir("/") == 0)
			remove_tree(tmp_path);
		tmp_owned = 0;
	}
}

#ifdef MMAPCTS_COVERAGE
/* Cases end with _exit(), which skips gcov's own dump at exit. */
void __gcov_dump(void);
#define COVERAGE_DUMP() __gcov_dump()
#else
#define COVERAGE_DUMP() ((void)0)
#endif

/* Which of two verdicts a case ends with: the one that says more is wrong. */
static enum verdict worse(enum verdict a, enum verdict b)
{
	static const int rank[] = {
		[VERDICT_UNTESTED] = 0, [VERDICT_UNSUPPORTED] = 1, [VERDICT_PASS] = 2,
		[VERDICT_UNRESOLVED] = 3, [VERDICT_FAIL] = 4,
	};
	return rank[b] > rank[a] ? b : a;
}

void mmapcts_exit(enum verdict v)
{
	static int ending;
	static enum verdict ending_verdict;

	/* A cleanup that ends the case again must not hide why it was ending. */
	if (ending)
		v = worse(ending_verdict, v);
	ending = 1;
	ending_verdict = v;
	fflush(stdout);
	fflush(stderr);
	if (mmapcts_in_case_process()) {
		run_cleanups();
		fflush(stdout);
		fflush(stderr);
		result_line("verdict\t%s", verdict_name(v));
	}
	COVERAGE_DUMP();
	if (!mmapcts_in_case_process() && v == VERDICT_UNTESTED)
		_exit(MMAPCTS_EXIT_CHILD_UNTESTED);	/* only wait_child() sees it */
	_exit(verdict_exit_status(v));
}

MMAPCTS_NORETURN static void vend(enum verdict v, const char *file, int line,
				  const char *fmt, va_list ap)
{
	char msg[1536];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	fprintf(stderr, "%s:%d: %s: %s\n", mmapcts_source_name(file), line,
		verdict_name(v), msg);
	result_line("message\t%s\t%s:%d: %s", verdict_name(v),
		    mmapcts_source_name(file), line, msg);
	mmapcts_exit(v);
}

void mmapcts_end_(enum verdict v, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vend(v, file, line, fmt, ap);
	va_end(ap);
}

void mmapcts_observe(const char *key, const char *fmt, ...)
{
	char value[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(value, sizeof(value), fmt, ap);
	va_end(ap);
	if (result_fd >= 0)
		result_line("observe\t%s=%s", key, value);
	else
		printf("observation: %s=%s\n", key, value);
}

const char *tmpdir(void)
{
	return tmp_path;
}

const char *variant(void)
{
	return current_variant;
}

const char *self_path(void)
{
	return self;
}

const char *exec_stage(void)
{
	return stage_name;
}

const char *exec_arg(void)
{
	return stage_arg;
}

void exec_self(const char *stage, const char *arg)
{
	char *argv[8];
	int n = 0;

	fflush(stdout);
	fflush(stderr);
	argv[n++] = self;
	if (current_variant) {
		argv[n++] = (char *)"--variant";
		argv[n++] = (char *)current_variant;
	}
	argv[n++] = (char *)"--stage";
	argv[n++] = (char *)stage;
	argv[n++] = (char *)(arg ? arg : "");
	argv[n] = NULL;
	execv(self, argv);
	if (errno == ENOEXEC)
		UNRESOLVED("execv(%s, --stage %s) failed: ENOEXEC: the kernel cannot run "
			   "this program's own image (a foreign architecture under "
			   "qemu-user with no binfmt_misc entry for it)", self, stage);
	UNRESOLVED("execv(%s, --stage %s) failed: %s", self, stage, errno_name(errno));
}

void exec_self_addr(const char *stage, const void *addr)
{
	char arg[32];

	snprintf(arg, sizeof(arg), "%p", addr);
	exec_self(stage, arg);
}

void *exec_arg_addr(void)
{
	void *addr = NULL;

	if (!stage_arg || sscanf(stage_arg, "%p", &addr) != 1)
		UNRESOLVED("the exec argument '%s' is no address", stage_arg ? stage_arg : "");
	return addr;
}

pid_t exec_self_in_child(const char *stage, const char *arg_for_stage,
			 void (*before)(void *), void *arg)
{
	pid_t pid = SAFE_FORK();

	if (pid == 0) {
		if (before)
			before(arg);
		exec_self(stage, arg_for_stage);
	}
	return pid;
}

/*
 * Whether a word from .needs is met here: 1, or 0 with *why and *v (the
 * verdict) set, or -1 for a word no one knows.  configure's probes look at
 * the build (headers, libc); a missing Linux feature is absent only where
 * the running kernel is older than the release that added it (since) -
 * on a newer kernel the build, not the system, lacks it: UNTESTED.
 */
static int need_met(const char *need, const char **why, enum verdict *v)
{
	static const struct {
		const char *name;
		int have;
		const char *since;	/* the Linux release that added it (man-pages 6.9: mmap(2), mremap(2), remap_file_pages(2)); NULL: libc */
	} features[] = {
		{ "shm_open", HAVE_SHM_OPEN, NULL },
		{ "posix_madvise", HAVE_POSIX_MADVISE, NULL },
		{ "mincore", HAVE_MINCORE, "2.4" },
		{ "madvise", HAVE_MADVISE, "2.4" },
		{ "process_madvise", HAVE_PROCESS_MADVISE, "5.10" },
		{ "mlock", HAVE_MLOCK, "2.0" },
		{ "mremap", HAVE_MREMAP, "2.0" },
		{ "memfd_create", HAVE_MEMFD_CREATE, "3.17" },
		{ "remap_file_pages", HAVE_REMAP_FILE_PAGES, "2.5.46" },
		{ "pkey_alloc", HAVE_PKEY_ALLOC, "4.9" },
		{ "MAP_FIXED_NOREPLACE", HAVE_MAP_FIXED_NOREPLACE, "4.17" },
		{ "MAP_SHARED_VALIDATE", HAVE_MAP_SHARED_VALIDATE, "4.15" },
		{ "MAP_NORESERVE", HAVE_MAP_NORESERVE, "2.0" },
		{ "MAP_POPULATE", HAVE_MAP_POPULATE, "2.5.46" },
		{ "MREMAP_MAYMOVE", HAVE_MREMAP_MAYMOVE, "2.0" },
		{ "MREMAP_FIXED", HAVE_MREMAP_FIXED, "2.3.31" },
		{ "MREMAP_DONTUNMAP", HAVE_MREMAP_DONTUNMAP, "5.7" },
		{ "MADV_DONTNEED", HAVE_MADV_DONTNEED, "2.4" },
		{ "MADV_DONTFORK", HAVE_MADV_DONTFORK, "2.6.16" },
		{ "MADV_WIPEONFORK", HAVE_MADV_WIPEONFORK, "4.14" },
		{ "F_SEAL_WRITE", HAVE_F_SEAL_WRITE, "3.17" },
		{ "O_PATH", HAVE_O_PATH, "2.6.39" },
		{ "mlock2", HAVE_MLOCK2, "4.4" },
		{ "MAP_LOCKED", HAVE_MAP_LOCKED, "2.6" },
		{ "MCL_ONFAULT", HAVE_MCL_ONFAULT, "4.4" },
	};
	static char reason[256];

	*v = VERDICT_UNSUPPORTED;
	if (!strcmp(need, "root")) {
		snprintf(reason, sizeof(reason), "needs root (euid is %ld)", (long)geteuid());
		*why = reason;
		return geteuid() == 0;
	}
	for (size_t i = 0; i < sizeof(features) / sizeof(features[0]); i++) {
		const char *since = features[i].since, *release = kernel_release();

		if (strcmp(need, features[i].name))
			continue;
		*why = reason;
		if (since && kernel_at_least(since)) {
			*v = VERDICT_UNTESTED;
			snprintf(reason, sizeof(reason), "%s: this build has none (configure "
				 "found none in its libc and headers), but this kernel, %s, has "
				 "had it since Linux %s: untested here; build with a libc and "
				 "headers that have it", need, release, since);
		} else if (since && release) {
			snprintf(reason, sizeof(reason), "%s is not available on this system "
				 "(configure found none, and this kernel, %s, is older than "
				 "Linux %s or no version)", need, release, since);
		} else {
			snprintf(reason, sizeof(reason),
				 "%s is not available on this system (configure found none)",
				 need);
		}
		return features[i].have;
	}
	snprintf(reason, sizeof(reason), "unknown need '%s' in the case's metadata", need);
	*why = reason;
	return -1;
}

/* Call fn on each space-separated word of list; stop at a non-zero return. */
static int each_word(const char *list, int (*fn)(const char *word, void *ctx), void *ctx)
{
	char word[64];
	const char *p = list;

	while (p && *p) {
		size_t n;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n == 0)
			break;
		if (n >= sizeof(word))
			n = sizeof(word) - 1;
		memcpy(word, p, n);
		word[n] = '\0';
		p += n;
		int r = fn(word, ctx);
		if (r)
			return r;
	}
	return 0;
}

void mmapcts_check_need(const char *need)
{
	const char *why;
	enum verdict v;
	int met = need_met(need, &why, &v);

	if (met < 0)
		UNRESOLVED("%s", why);
	if (!met)
		mmapcts_end_(v, MMAPCTS_HERE, "%s", why);
}

static int check_need(const char *need, void *ctx)
{
	(void)ctx;
	mmapcts_check_need(need);
	return 0;
}

static int variant_matches(const char *word, void *ctx)
{
	return !strcmp(word, (const char *)ctx);
}

static void setup_tmpdir(void)
{
	const char *given = getenv(MMAPCTS_TMPDIR_ENV);

	if (given && *given) {
		/* The runner's (or, after exec_self, our own earlier) directory. */
		snprintf(tmp_path, sizeof(tmp_path), "%s", given);
		if (chdir(tmp_path) < 0)
			UNRESOLVED("chdir(%s) failed: %s", tmp_path, errno_name(errno));
		const char *owner = getenv("MMAPCTS_TMPDIR_OWNER");
		tmp_owned = owner && atol(owner) == (long)getpid();
		return;
	}
	const char *base = getenv("TMPDIR");
	snprintf(tmp_path, sizeof(tmp_path), "%s/mmapcts.XXXXXX",
		 base && *base ? base : "/tmp");
	if (!mkdtemp(tmp_path))
		UNRESOLVED("mkdtemp(%s) failed: %s", tmp_path, errno_name(errno));
	if (chdir(tmp_path) < 0)
		UNRESOLVED("chdir(%s) failed: %s", tmp_path, errno_name(errno));
	tmp_owned = 1;
	/* An exec_self() image keeps the directory, and the duty to remove it. */
	char pid[32];
	snprintf(pid, sizeof(pid), "%ld", (long)getpid());
	setenv(MMAPCTS_TMPDIR_ENV, tmp_path, 1);
	setenv("MMAPCTS_TMPDIR_OWNER", pid, 1);
}

static void find_self(const char *argv0)
{
#ifdef __linux__
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		self[n] = '\0';
		return;
	}
#endif
	if (!realpath(argv0, self))
		snprintf(self, sizeof(self), "%s", argv0);
}

static void usage(const char *argv0)
{
	fprintf(stderr,
		"usage: %s [--variant NAME] [--describe]\n"
		"  %s\n  (%s; profile %s)\n",
		argv0, mmapcts_case.assertion, mmapcts_case.spec, mmapcts_case.profile);
	exit(2);
}

/* A case with variants run without --variant: every variant, in turn. */
static enum verdict run_all_variants(void)
{
	enum verdict worst = VERDICT_UNTESTED;
	char list[256];

	snprintf(list, sizeof(list), "%s", mmapcts_case.variants);
	for (char *save = NULL, *w = strtok_r(list, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		int status;
		pid_t pid = fork();

		if (pid < 0)
			UNRESOLVED("fork failed: %s", errno_name(errno));
		if (pid == 0) {
			unsetenv("MMAPCTS_CASE_PID");	/* each variant is a case of its own */
			execl(self, self, "--variant", w, (char *)NULL);
			_exit(MMAPCTS_EXIT_HARD_ERROR);
		}
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		enum verdict v = mmapcts_verdict_of_status(status);
		printf("%s[%s]: %s\n", mmapcts_source_name(mmapcts_case.source), w,
		       verdict_name(v));
		worst = worse(worst, v);
	}
	return worst;
}

void mmapcts_init(const char *argv0)
{
	const char *fd_env = getenv(MMAPCTS_RESULT_FD_ENV);
	long ps = sysconf(_SC_PAGESIZE);

	/* The case's own process keeps that role across exec_self(); a child
	 * that execs does not get it (its pid differs). */
	const char *owner = getenv("MMAPCTS_CASE_PID");
	case_pid = owner && *owner ? (pid_t)atol(owner) : getpid();
	if (!owner || !*owner) {
		char pid[32];
		snprintf(pid, sizeof(pid), "%ld", (long)case_pid);
		setenv("MMAPCTS_CASE_PID", pid, 1);
	}
	page_size = ps > 0 ? (size_t)ps : 0;
	result_fd = fd_env && *fd_env ? atoi(fd_env) : -1;
	find_self(argv0);
}

int mmapcts_main(int argc, char **argv)
{
	mmapcts_init(argv[0]);
	setvbuf(stdout, NULL, _IOLBF, 0);

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--variant") && i + 1 < argc) {
			current_variant = argv[++i];
		} else if (!strcmp(argv[i], "--stage") && i + 2 < argc) {
			stage_name = argv[++i];
			stage_arg = argv[++i];
		} else if (!strcmp(argv[i], "--describe")) {
			printf("assertion: %s\nspec: %s\nprofile: %s\nneeds: %s\n"
			       "variants: %s\ntimeout: %d\n",
			       mmapcts_case.assertion, mmapcts_case.spec,
			       mmapcts_case.profile,
			       mmapcts_case.needs ? mmapcts_case.needs : "",
			       mmapcts_case.variants ? mmapcts_case.variants : "",
			       mmapcts_case.timeout ? mmapcts_case.timeout
						    : MMAPCTS_DEFAULT_TIMEOUT);
			return 0;
		} else {
			usage(argv[0]);
		}
	}

	if (page_size == 0)
		UNRESOLVED("sysconf(_SC_PAGESIZE) failed");
#ifndef __linux__
	if (!strcmp(mmapcts_case.profile, "linux"))
		UNSUPPORTED("a Linux-profile case; this system is not Linux");
#endif
	if (mmapcts_case.needs)
		each_word(mmapcts_case.needs, check_need, NULL);

	if (mmapcts_case.variants && *mmapcts_case.variants) {
		if (!current_variant)
			mmapcts_exit(run_all_variants());
		if (!each_word(mmapcts_case.variants, variant_matches,
			       (void *)current_variant))
			UNRESOLVED("unknown variant '%s' (this case has: %s)",
				   current_variant, mmapcts_case.variants);
		mmapcts_check_backing(current_variant);
	} else if (current_variant) {
		UNRESOLVED("this case has no variants ('%s' given)", current_variant);
	}

	setup_tmpdir();
	mmapcts_case.run();
	mmapcts_exit(VERDICT_PASS);
}
