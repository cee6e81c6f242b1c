/*
 * common.c - mmapcts-faults.so: a system under test that is broken on
 * purpose, in exactly one way, named by MMAPCTS_FAULT.
 *
 * Preloaded into the cases (never into the runner), it interposes the libc
 * interfaces the cases call (interpose.c) and bends one of them as a
 * plausible kernel or libc bug would.  Without MMAPCTS_FAULT it passes
 * every call through.  This file finds the real functions, keeps the
 * table of faults and picks the active one; internal.h says where a new
 * fault goes.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "internal.h"

const struct fault *active;
size_t pg;

void *(*real_mmap)(void *, size_t, int, int, int, off_t);
int (*real_munmap)(void *, size_t);
int (*real_mprotect)(void *, size_t, int);
int (*real_msync)(void *, size_t, int);
int (*real_ftruncate)(int, off_t);
int (*real_close)(int);
int (*real_madvise)(void *, size_t, int);
pid_t (*real_fork)(void);
int (*real_execv)(const char *, char *const[]);
int (*real_execve)(const char *, char *const[], char *const[]);
ssize_t (*real_read)(int, void *, size_t);
ssize_t (*real_write)(int, const void *, size_t);
void *(*real_sbrk)(intptr_t);
int (*real_mlock)(const void *, size_t);
int (*real_munlock)(const void *, size_t);
int (*real_mlockall)(int);
int (*real_munlockall)(void);
int (*real_mlock2)(const void *, size_t, unsigned int);
void *(*real_mremap)(void *, size_t, size_t, int, ...);
int (*real_mincore)(void *, size_t, unsigned char *);
int (*real_posix_madvise)(void *, size_t, int);
ssize_t (*real_process_madvise)(int, const struct iovec *, size_t, int, unsigned int);
int (*real_remap_file_pages)(void *, size_t, int, size_t, int);
int (*real_setrlimit)(rlimit_resource, const struct rlimit *);
int (*real_sigaction)(int, const struct sigaction *, struct sigaction *);
int (*real_memfd_create)(const char *, unsigned int);
int (*real_shmget)(key_t, size_t, int);

/* Called first by every interposer: the case may call one of them before
 * our constructor has run (another library's constructor). */
void resolve(void)
{
	if (real_mmap)
		return;
	real_munmap = (int (*)(void *, size_t))dlsym(RTLD_NEXT, "munmap");
	real_mprotect = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "mprotect");
	real_msync = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "msync");
	real_ftruncate = (int (*)(int, off_t))dlsym(RTLD_NEXT, "ftruncate");
	real_close = (int (*)(int))dlsym(RTLD_NEXT, "close");
	real_madvise = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "madvise");
	real_fork = (pid_t (*)(void))dlsym(RTLD_NEXT, "fork");
	real_execv = (int (*)(const char *, char *const[]))dlsym(RTLD_NEXT, "execv");
	real_execve = (int (*)(const char *, char *const[], char *const[]))
		dlsym(RTLD_NEXT, "execve");
	real_read = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	real_sbrk = (void *(*)(intptr_t))dlsym(RTLD_NEXT, "sbrk");
	real_mlock = (int (*)(const void *, size_t))dlsym(RTLD_NEXT, "mlock");
	real_munlock = (int (*)(const void *, size_t))dlsym(RTLD_NEXT, "munlock");
	real_mlockall = (int (*)(int))dlsym(RTLD_NEXT, "mlockall");
	real_munlockall = (int (*)(void))dlsym(RTLD_NEXT, "munlockall");
	real_mlock2 = (int (*)(const void *, size_t, unsigned int))dlsym(RTLD_NEXT, "mlock2");
	real_mremap = (void *(*)(void *, size_t, size_t, int, ...))dlsym(RTLD_NEXT, "mremap");
	real_mincore = (int (*)(void *, size_t, unsigned char *))dlsym(RTLD_NEXT, "mincore");
	real_memfd_create = (int (*)(const char *, unsigned int))dlsym(RTLD_NEXT, "memfd_create");
	real_shmget = (int (*)(key_t, size_t, int))dlsym(RTLD_NEXT, "shmget");
	real_posix_madvise = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "posix_madvise");
	real_process_madvise = (ssize_t (*)(int, const struct iovec *, size_t, int, unsigned int))
		dlsym(RTLD_NEXT, "process_madvise");
	real_remap_file_pages =
		(int (*)(void *, size_t, int, size_t, int))dlsym(RTLD_NEXT, "remap_file_pages");
	real_setrlimit = (int (*)(rlimit_resource, const struct rlimit *))dlsym(RTLD_NEXT, "setrlimit");
	real_sigaction = (int (*)(int, const struct sigaction *, struct sigaction *))
		dlsym(RTLD_NEXT, "sigaction");
	pg = (size_t)sysconf(_SC_PAGESIZE);
	real_mmap = (void *(*)(void *, size_t, int, int, int, off_t))dlsym(RTLD_NEXT, "mmap");
}

/* ------------------------------------------------------------ the table */
/* Built from faults.h: every fault there must have its one definition
 * somewhere, or the library does not link (the declarations are hidden,
 * so the dynamic linker cannot be left to find one later). */
#define FAULT_ENTRY(id, name, group, text) [FAULT_##id] = &fault_##id,
static const struct fault *const faults[FAULT_COUNT] = { MMAPCTS_FAULTS(FAULT_ENTRY) };
#undef FAULT_ENTRY

#define FAULT_HAS_TEXT(id, name, group, text) \
	_Static_assert(sizeof(text) > 1, "fault " name " has no description");
MMAPCTS_FAULTS(FAULT_HAS_TEXT)
#undef FAULT_HAS_TEXT

#define HOOK_NAME(name, ret, args) #name,
const char *const hook_names[HOOK_COUNT] = { FAULT_HOOKS(HOOK_NAME) };
#undef HOOK_NAME

/* Does fault f bend the interface of hook slot h? */
int hooks(const struct fault *f, enum hook h)
{
	switch (h) {
#define HOOK_CASE(name, ret, args) case HOOK_##name: return f->name != NULL;
	FAULT_HOOKS(HOOK_CASE)
#undef HOOK_CASE
	default:
		return 0;
	}
}

static int has_a_hook(const struct fault *f)
{
	for (int h = 0; h < HOOK_COUNT; h++)
		if (hooks(f, (enum hook)h))
			return 1;
	return 0;
}

/* What the linker cannot see: a fault that bends nothing. */
static const char *hookless_fault(void)
{
	for (int i = 0; i < FAULT_COUNT; i++)
		if (!has_a_hook(faults[i]))
			return mmapcts_fault_defs[i].name;
	return NULL;
}

/* MMAPCTS_FAULT=hooks: "NAME\tslot slot..." for every fault, for make faults. */
static void print_hooks(void)
{
	for (int i = 0; i < FAULT_COUNT; i++) {
		printf("%s\t", mmapcts_fault_defs[i].name);
		for (int h = 0, n = 0; h < HOOK_COUNT; h++)
			if (hooks(faults[i], (enum hook)h))
				printf("%s%s", n++ ? " " : "", hook_names[h]);
		if (faults[i]->armed_by != HOOK_start)
			printf(" armed_by:%s", hook_names[faults[i]->armed_by]);
		printf("\n");
	}
	fflush(stdout);
}

/* ---------------------------------------------------------------- trace */
int tracing;
const struct fault *asleep;	/* the active fault, until armed */
static unsigned long long noted;	/* the slots this process has noted (a child inherits it) */

/* The trace file stays open (on a high number, like the tracked dups), so
 * a process that gives up root (setuid to nobody, for RLIMIT_MEMLOCK) still
 * notes what it reaches; a forked child shares it, an exec'd image opens
 * it again. */
static int trace_fd = -1;

static void note(enum hook h)
{
	const char *dir = getenv(TRACE_DIR_ENV), *token = getenv("MMAPCTS_RUN_TOKEN");
	const char *kase = getenv(TRACE_CASE_ENV);
	char path[4096], line[4096];
	int saved = errno, fd, n;

	noted |= 1ull << h;
	if (!dir)
		return;
	n = snprintf(line, sizeof(line), "%s\t%s\n", kase ? kase : "?", hook_names[h]);
	if (trace_fd < 0) {
		snprintf(path, sizeof(path), "%s/%s", dir, token ? token : "no-token");
		fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
		trace_fd = fd < 0 ? -1 : fcntl(fd, F_DUPFD_CLOEXEC, 100);
		if (fd >= 0)
			real_close(fd);
	}
	if (trace_fd >= 0 && real_write(trace_fd, line, (size_t)n) != n) {
		/* a short trace: make faults finds the case's line missing */
	}
	errno = saved;
}

/* Does the fault's gate let its mmap hooks see this call?  errno kept. */
int mmap_gate(const struct fault *f, void *addr, size_t len, int prot, int flags, int fd,
	      off_t off)
{
	int saved = errno, r = !f->mmap_when || f->mmap_when(addr, len, prot, flags, fd, off);

	errno = saved;
	return r;
}

/* The trace: every gate asked of every call, each fault noted once per
 * process whose gate let a call through. */
void trace_mmap_gates(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	static unsigned char gate_noted[FAULT_COUNT];
	const char *dir = getenv(TRACE_DIR_ENV), *token = getenv("MMAPCTS_RUN_TOKEN");
	const char *kase = getenv(TRACE_CASE_ENV);
	char path[4096], line[4096];
	int saved = errno;

	for (int i = 0; i < FAULT_COUNT; i++) {
		int fd_trace, n;

		if (gate_noted[i] || !faults[i]->mmap_when ||
		    !mmap_gate(faults[i], addr, len, prot, flags, fd, off))
			continue;
		gate_noted[i] = 1;
		if (!dir)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, token ? token : "no-token");
		n = snprintf(line, sizeof(line), "%s\twhen:%s\n", kase ? kase : "?",
			     mmapcts_fault_defs[i].name);
		fd_trace = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
		if (fd_trace >= 0) {
			if (real_write(fd_trace, line, (size_t)n) != n) {
				/* a short trace: make faults finds the line missing */
			}
			real_close(fd_trace);
		}
	}
	errno = saved;
}

/* Called by every interposer, first: the real functions, and the trace. */
void reach(enum hook h)
{
	resolve();
	if (asleep && h == asleep->armed_by) {
		active = asleep;
		asleep = NULL;
	}
	if (tracing && !(noted & (1ull << h)))
		note(h);
}

__attribute__((constructor)) static void init(void)
{
	const char *name = getenv(MMAPCTS_FAULT_ENV), *hookless;

	resolve();
	if (!name || !*name)
		return;
	if ((hookless = hookless_fault()) != NULL) {
		fprintf(stderr, "mmapcts-faults: fault '%s' has no hook\n", hookless);
		_exit(99);
	}
	if (!strcmp(name, HOOKS_MODE)) {
		print_hooks();
		_exit(0);
	}
	if (!strcmp(name, TRACE_MODE)) {
		tracing = 1;
		reach(HOOK_start);
		return;
	}
	for (int i = 0; i < FAULT_COUNT; i++)
		if (!strcmp(name, mmapcts_fault_defs[i].name))
			active = faults[i];
	if (!active) {
		fprintf(stderr, "mmapcts-faults: unknown fault '%s'\n", name);
		_exit(99);
	}
	if (active->start)
		active->start();	/* preparation only, asleep or not */
	if (active->armed_by != HOOK_start) {
		asleep = active;
		active = NULL;
		return;
	}
	if (active->exec_start && getenv(EXECED_ENV)) {
		unsetenv(EXECED_ENV);
		active->exec_start();
	}
}

/* -------------------------------------------------------------- helpers */
size_t round_up(size_t n)
{
	return (n + pg - 1) / pg * pg;
}

int is_file(int flags, int fd)
{
	return !(flags & MAP_ANONYMOUS) && fd >= 0;
}

int open_mode(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	return fl < 0 ? -1 : fl & O_ACCMODE;
}

/* A descriptor of /dev/zero: Linux maps it as anonymous memory, so the
 * anonymous-memory faults bend it too. */
static int is_dev_zero(int fd)
{
	static dev_t zero_rdev;
	static int known;
	struct stat st, z;

	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISCHR(st.st_mode))
		return 0;
	if (!known) {
		if (stat("/dev/zero", &z) < 0)
			return 0;
		zero_rdev = z.st_rdev;
		known = 1;
	}
	return st.st_rdev == zero_rdev;
}

int is_anon(int flags, int fd)
{
	return (flags & MAP_ANONYMOUS) || is_dev_zero(fd);
}

int on_noexec_mount(int fd)
{
#ifdef ST_NOEXEC
	struct statvfs vfs;

	return fd >= 0 && fstatvfs(fd, &vfs) == 0 && (vfs.f_flag & ST_NOEXEC);
#else
	(void)fd;
	return 0;
#endif
}

/* A read-write descriptor of the file behind fd, for the faults whose
 * stores must reach a file the case opened read-only (root may). */
int reopen_rw(int fd)
{
	char self[64];

	snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
	return open(self, O_RDWR | O_CLOEXEC);
}

/* A bent mmap() that refuses before it maps anything. */
void *mmap_fails(int err)
{
	errno = err;
	return MAP_FAILED;
}

/* An unlinked scratch file of the library's own, open read-write. */
int temp_fd(const char *what)
{
	const char *tmp = getenv("TMPDIR");
	char name[512];
	int fd;

	snprintf(name, sizeof(name), "%s/mmapcts-fault-%s.XXXXXX", tmp ? tmp : "/tmp", what);
	fd = mkstemp(name);
	if (fd >= 0)
		unlink(name);
	return fd;
}

/* ----------------------------------------------------- tracked mappings */
struct tracked tracked[MAX_TRACKED];
int ntracked;

void track(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (ntracked == MAX_TRACKED)
		return;
	tracked[ntracked].addr = (uintptr_t)addr;
	tracked[ntracked].len = round_up(len);
	tracked[ntracked].prot = prot;
	tracked[ntracked].flags = flags;
	tracked[ntracked].fd = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 100) : -1;
	tracked[ntracked].user_fd = fd;
	tracked[ntracked].off = off;
	ntracked++;
}

struct tracked *find_tracked(uintptr_t a)
{
	for (int i = ntracked - 1; i >= 0; i--)
		if (a >= tracked[i].addr && a < tracked[i].addr + tracked[i].len)
			return &tracked[i];
	return NULL;
}

/* Forget what [a, a+len) covered (whole entries only; good enough here). */
void untrack(uintptr_t a, size_t len)
{
	for (int i = 0; i < ntracked; i++) {
		if (tracked[i].addr >= a && tracked[i].addr + tracked[i].len <= a + len) {
			if (tracked[i].fd >= 0)
				real_close(tracked[i].fd);
			tracked[i--] = tracked[--ntracked];
		}
	}
}

/* --------------------------------------------------------------- ranges */
void ranges_add(struct ranges *s, uintptr_t a, size_t len)
{
	if (s->n == MAX_RANGES)
		return;
	s->r[s->n].addr = a;
	s->r[s->n].len = len;
	s->n++;
}

/* Forget the ranges that lie wholly inside [a, a+len). */
void ranges_forget(struct ranges *s, uintptr_t a, size_t len)
{
	for (int i = 0; i < s->n; i++)
		if (s->r[i].addr >= a && s->r[i].addr + s->r[i].len <= a + len)
			s->r[i--] = s->r[--s->n];
}

int ranges_overlap(const struct ranges *s, uintptr_t a, size_t len)
{
	for (int i = 0; i < s->n; i++)
		if (a < s->r[i].addr + s->r[i].len && s->r[i].addr < a + len)
			return 1;
	return 0;
}
