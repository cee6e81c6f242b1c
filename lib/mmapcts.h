/*
 * mmapcts.h - the case library: everything a case includes.
 *
 * A case is one C file, cases/<group>/<name>.c, that checks one rule:
 *
 *	#include "mmapcts.h"
 *
 *	MMAPCTS_CASE(
 *		.assertion = "Stores through a MAP_PRIVATE mapping never reach the file.",
 *		.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE",
 *		.profile   = "posix",
 *		.covers    = "B3",
 *		.variants  = "file shm memfd",
 *	);
 *
 *	static void run(void)
 *	{
 *		...setup with SAFE_*, the action, one CHECK_*...
 *	}
 *
 * The library owns main(), the page size, the private temp directory, the
 * result channel to the runner and the exit status.  The case's id and group
 * come from its path (cases/<group>/<name>.c gives id <group>/<name>); every
 * other piece of metadata is the MMAPCTS_CASE() block, which the build also
 * reads (build-aux/gen-manifest) to write the manifest the runner uses.
 */
#ifndef MMAPCTS_H
#define MMAPCTS_H

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "compat.h"

/* The strict-POSIX build (configure --enable-strict-posix) proves here that
 * no extension came in: config.h was the first thing this file saw. */
#if defined(MMAPCTS_STRICT_POSIX) && MMAPCTS_STRICT_POSIX
#if defined(_GNU_SOURCE) || defined(_DEFAULT_SOURCE) || defined(_BSD_SOURCE) || \
	defined(__USE_GNU) || defined(__USE_MISC)
#error "strict-POSIX build: system extensions are on (a header came before mmapcts.h?)"
#endif
#endif

/* ------------------------------------------------------------------------
 * Results.  The one vocabulary of the project, and its exit statuses, which
 * follow automake's test protocol so a case also runs under plain `make
 * check` or any TAP/automake driver.
 *
 *   verdict       meaning                                       exit status
 *   PASS          the rule holds                                 0
 *   FAIL          the rule is broken                             1
 *   UNRESOLVED    setup broke; no verdict about the rule         99 (hard error)
 *   UNSUPPORTED   the feature is absent here (with the reason)   77 (skip)
 *   UNTESTED      the case cannot decide here (with the reason)  77 (skip)
 *
 * The runner adds TIMEOUT and CRASH (killed by a signal) from the outside.
 * UNSUPPORTED and UNTESTED share 77; the runner tells them apart by the
 * result channel.
 *
 * What each verdict promises, and so what the runner's exit status means
 * (README, "Running it"):
 *   - every behaviour a case relies on in its setup is itself the rule of
 *     some case that FAILs when it is broken (shared anonymous memory:
 *     anon/shared-mapping-made-and-shared; fork(): fork/child-runs-and-
 *     exits; ftruncate(): eof/ftruncate-sets-object-size; mlock():
 *     mlock/locks-counted), so a broken setup step turns the run red with
 *     that FAIL, and UNRESOLVED is red too (unless an expectation covers
 *     it): it says the setup broke, with the step and its errno;
 *   - UNSUPPORTED only where a probe that a broken implementation cannot
 *     pass says the feature is absent; the message names the feature and
 *     the probe (configure found no mremap(); RLIMIT_MEMLOCK, read and
 *     raised, is below what the lock needs);
 *   - UNTESTED only where this system gives the case nothing to decide
 *     with; the message says why (no VmLck in /proc/self/status).
 * Every non-PASS verdict carries its concrete reason: end with one of the
 * macros below, never with a bare exit status.
 * ------------------------------------------------------------------------ */
enum verdict {
	VERDICT_PASS = 0,
	VERDICT_FAIL,
	VERDICT_UNRESOLVED,
	VERDICT_UNSUPPORTED,
	VERDICT_UNTESTED,
};

#define MMAPCTS_EXIT_PASS        0
#define MMAPCTS_EXIT_FAIL        1
#define MMAPCTS_EXIT_SKIP        77
#define MMAPCTS_EXIT_HARD_ERROR  99

/*
 * The result channel.  Under the runner, MMAPCTS_RESULT_FD names a file
 * descriptor opened for appending; the library writes tab-separated lines:
 *	observe	<key>=<value>
 *	message	<VERDICT>	<file>:<line>: <text>
 *	verdict	<VERDICT>		(the case's own process only, once, at exit)
 * Without it (a case run by hand) messages go to stderr, observations to
 * stdout, and the verdict is the exit status.
 */
#define MMAPCTS_RESULT_FD_ENV "MMAPCTS_RESULT_FD"
#define MMAPCTS_TMPDIR_ENV    "MMAPCTS_TMPDIR"

const char *verdict_name(enum verdict v);
int verdict_exit_status(enum verdict v);

/* ------------------------------------------------------------------------
 * Metadata, declared once per case.
 * ------------------------------------------------------------------------ */
struct mmapcts_case {
	const char *assertion;	/* the rule, in one sentence */
	const char *spec;	/* "POSIX.1-2024 <interface>(): <section>" or "Linux <page>(2): ..." */
	const char *profile;	/* "posix" (required by POSIX) or "linux" (Linux promises it) */
	const char *needs;	/* space-separated: "root", or a feature probed by configure */
	const char *variants;	/* space-separated: backings (anon dev-zero file shm memfd)
				 * or other words */
	int timeout;		/* seconds, before the runner's multiplier; 0: the default */
	const char *no_fault;	/* why no fault of mmapcts-faults.so can reach the rule
				 * (kernel-only behaviour); for `make faults` */
	const char *covers;	/* space-separated rows of cases/catalogue.tsv this case
				 * checks, with the other cases naming them, wholly:
				 * it FAILs when that behaviour is broken */
	const char *covers_part; /* rows it checks only in part (a narrower setting,
				 * one clause of several, a weaker form); the
				 * catalogue page counts these as "partly" */
	void (*run)(void);
	const char *source;	/* __FILE__, filled in by the macro */
};

#define MMAPCTS_DEFAULT_TIMEOUT 10

#define MMAPCTS_CASE(...)                                                      \
	static void run(void);                                                 \
	const struct mmapcts_case mmapcts_case = {                             \
		.run = run, .source = __FILE__, __VA_ARGS__                    \
	}

extern const struct mmapcts_case mmapcts_case;

/* ------------------------------------------------------------------------
 * Ending a case.  Each of these ends the case at once (from a child made
 * with start_child(), the child ends and the parent takes over its verdict).
 * ------------------------------------------------------------------------ */
#define MMAPCTS_HERE __FILE__, __LINE__

#define FAIL(...)        mmapcts_end_(VERDICT_FAIL, MMAPCTS_HERE, __VA_ARGS__)
#define UNRESOLVED(...)  mmapcts_end_(VERDICT_UNRESOLVED, MMAPCTS_HERE, __VA_ARGS__)
#define UNSUPPORTED(...) mmapcts_end_(VERDICT_UNSUPPORTED, MMAPCTS_HERE, __VA_ARGS__)
#define UNTESTED(...)    mmapcts_end_(VERDICT_UNTESTED, MMAPCTS_HERE, __VA_ARGS__)

/* Record implementation-defined behaviour: OBSERVE("hint_honoured", "%s", "yes"). */
#define OBSERVE(key, ...) mmapcts_observe(key, __VA_ARGS__)

/* Run fn(arg) when the case's own process ends, whatever the verdict. */
void at_cleanup(void (*fn)(void *), void *arg);

/* ------------------------------------------------------------------------
 * Checks: each one is the case's assertion (or part of it).  On failure it
 * prints file:line, the expression, expected and actual, errno by name, and
 * ends the case with FAIL.
 * ------------------------------------------------------------------------ */
#define CHECK(cond)                                                            \
	mmapcts_check_(MMAPCTS_HERE, !!(cond), #cond)
#define CHECK_EQ(actual, expected)                                             \
	mmapcts_check_cmp_(MMAPCTS_HERE, "==", #actual, (intmax_t)(actual),    \
			   #expected, (intmax_t)(expected))
#define CHECK_NE(actual, other)                                                \
	mmapcts_check_cmp_(MMAPCTS_HERE, "!=", #actual, (intmax_t)(actual),    \
			   #other, (intmax_t)(other))
#define CHECK_LE(actual, bound)                                                \
	mmapcts_check_cmp_(MMAPCTS_HERE, "<=", #actual, (intmax_t)(actual),    \
			   #bound, (intmax_t)(bound))
#define CHECK_GE(actual, bound)                                                \
	mmapcts_check_cmp_(MMAPCTS_HERE, ">=", #actual, (intmax_t)(actual),    \
			   #bound, (intmax_t)(bound))
#define CHECK_PTR_EQ(actual, expected)                                         \
	mmapcts_check_ptr_(MMAPCTS_HERE, #actual, (const void *)(actual),      \
			   #expected, (const void *)(expected))

/* n bytes at actual equal n bytes at expected; names the first difference. */
#define CHECK_MEM_EQ(actual, expected, n)                                      \
	mmapcts_check_mem_(MMAPCTS_HERE, #actual, (actual), (expected), (n))
/* n bytes at addr equal the file pattern from file offset off (see below). */
#define CHECK_PATTERN(addr, off, n)                                            \
	mmapcts_check_pattern_(MMAPCTS_HERE, #addr, (addr), (off), (n), 0)
/* ... the pattern of another seed (data written by the case, not the setup). */
#define CHECK_PATTERN_SEED(addr, off, n, seed)                                 \
	mmapcts_check_pattern_(MMAPCTS_HERE, #addr, (addr), (off), (n), (seed))
/* n bytes at addr are all zero. */
#define CHECK_ZERO(addr, n)                                                    \
	mmapcts_check_zero_(MMAPCTS_HERE, #addr, (addr), (n))

/*
 * A call that must fail (-1, or MAP_FAILED for the pointer form) with errno
 * in the set the standard allows:
 *	CHECK_FAILS(munmap(p + 1, page_size), EINVAL);
 *	CHECK_MAP_FAILS(mmap(NULL, 0, PROT_READ, MAP_PRIVATE, fd, 0), EINVAL);
 *	CHECK_FAILS(mmap_dir(), ENODEV, EACCES);
 */
#define CHECK_FAILS(call, ...)                                                 \
	mmapcts_check_fails_(MMAPCTS_HERE, #call, (intmax_t)(call) == -1,      \
			     (const int[]){ __VA_ARGS__, 0 })
#define CHECK_MAP_FAILS(call, ...)                                             \
	mmapcts_check_fails_(MMAPCTS_HERE, #call, (call) == MAP_FAILED,        \
			     (const int[]){ __VA_ARGS__, 0 })
/* A call that must succeed: returns its result (int calls: not -1). */
#define CHECK_OK(call)                                                         \
	mmapcts_check_ok_(MMAPCTS_HERE, #call, (intmax_t)(call))
#define CHECK_MAP_OK(call)                                                     \
	mmapcts_check_map_ok_(MMAPCTS_HERE, #call, (call))

/* ------------------------------------------------------------------------
 * Fault probes: does an access raise SIGSEGV or SIGBUS, with which si_code
 * and si_addr?  The probe catches the signal; the case goes on.
 * ------------------------------------------------------------------------ */
struct fault {
	int sig;		/* 0: the access completed */
	int code;		/* si_code */
	const void *addr;	/* si_addr */
	unsigned char value;	/* the byte read, when a read completed */
};

struct fault probe_read(const volatile void *addr);
/* Read one byte of every page of [addr, addr+len); *at: where it faulted. */
struct fault probe_read_range(const volatile void *addr, size_t len, size_t *at);
struct fault probe_write(volatile void *addr, unsigned char value);

/* The read or write completes (a write stores value). */
#define CHECK_READ_OK(addr)                                                    \
	mmapcts_check_fault_(MMAPCTS_HERE, #addr, "read", probe_read(addr),    \
			     (addr), 0, 0)
#define CHECK_WRITE_OK(addr, value)                                            \
	mmapcts_check_fault_(MMAPCTS_HERE, #addr, "write",                     \
			     probe_write((addr), (value)), (addr), 0, 0)
/* The access raises sig with si_code code, si_addr in the page of addr. */
#define CHECK_READ_FAULTS(addr, sig, code)                                     \
	mmapcts_check_fault_(MMAPCTS_HERE, #addr, "read", probe_read(addr),    \
			     (addr), (sig), (code))
#define CHECK_WRITE_FAULTS(addr, sig, code)                                    \
	mmapcts_check_fault_(MMAPCTS_HERE, #addr, "write",                     \
			     probe_write((addr), 0x5a), (addr), (sig), (code))

/*
 * The access does not complete, by SIGSEGV or SIGBUS with si_addr in the
 * page of addr, whichever the system chose (POSIX forbids the access but
 * does not name the signal); the signal and si_code are recorded as the
 * observation "<access>_denied_by".  Linux-profile cases assert the exact
 * signal with CHECK_*_FAULTS instead.
 */
#define CHECK_READ_DENIED(addr)                                                \
	mmapcts_check_denied_(MMAPCTS_HERE, #addr, "read", probe_read(addr), (addr))
#define CHECK_WRITE_DENIED(addr)                                               \
	mmapcts_check_denied_(MMAPCTS_HERE, #addr, "write",                    \
			      probe_write((addr), 0x5a), (addr))

/*
 * The access raises exactly sig, with si_addr in the page of addr; the
 * si_code is recorded ("<access>_si_code"), not checked: where POSIX names
 * the signal (SIGBUS past the end of an object) but not the code.
 */
#define CHECK_READ_SIGNAL(addr, sig)                                           \
	mmapcts_check_signal_(MMAPCTS_HERE, #addr, "read", probe_read(addr),   \
			      (addr), (sig))
#define CHECK_WRITE_SIGNAL(addr, sig)                                          \
	mmapcts_check_signal_(MMAPCTS_HERE, #addr, "write",                    \
			      probe_write((addr), 0x5a), (addr), (sig))

/*
 * Every page of [addr, addr + len) is unmapped: a read and a store at the
 * first byte of each page, and a read of the last byte of the range, raise
 * SIGSEGV with SEGV_MAPERR and si_addr in that page.
 */
#define CHECK_UNMAPPED(addr, len)                                              \
	mmapcts_check_unmapped_(MMAPCTS_HERE, #addr, (addr), (len))
/*
 * Pages first .. first+n-1 counted from base are mapped and hold the
 * pattern of their offsets from base (of seed, for _SEED); each page is
 * probed before it is compared, so a page that went is a FAIL naming it.
 */
#define CHECK_INTACT(base, first, n)                                           \
	mmapcts_check_intact_(MMAPCTS_HERE, #base, (base), (first), (n), 0)
#define CHECK_INTACT_SEED(base, first, n, seed)                                \
	mmapcts_check_intact_(MMAPCTS_HERE, #base, (base), (first), (n), (seed))
/* Every page of [map, map + npages pages) but page skip (npages or more:
 * none skipped) takes a store at its first and at its last byte. */
#define CHECK_PAGES_WRITABLE(map, npages, skip)                                \
	mmapcts_check_pages_writable_(MMAPCTS_HERE, (map), (npages), (skip))
/*
 * A mapping call that POSIX lets either map or fail: if it maps (recorded
 * as key=yes) it is unmapped again; if it fails, errno must be in the set.
 */
#define CHECK_MAPS_OR_FAILS(call, len, key, ...)                               \
	mmapcts_check_maps_or_fails_(MMAPCTS_HERE, #call, (call), (len), (key),\
				     (const int[]){ __VA_ARGS__, 0 })
/*
 * Setup, not a check: every page of [addr, addr + len) is a hole (a read
 * faults with SEGV_MAPERR), else the case ends UNRESOLVED - a MAP_FIXED
 * mapping there would replace a mapping instead of filling a hole.
 */
#define REQUIRE_HOLE(addr, len) mmapcts_require_hole_(MMAPCTS_HERE, (addr), (len))

/* ------------------------------------------------------------------------
 * Setup calls.  A SAFE_ call that fails ends the case UNRESOLVED (never
 * FAIL), naming the call, its arguments and errno.  They return what the
 * call returns.
 * ------------------------------------------------------------------------ */
#define SAFE_MMAP(addr, len, prot, flags, fd, off)                             \
	safe_mmap_(MMAPCTS_HERE, (addr), (len), (prot), (flags), (fd), (off))
#define SAFE_MUNMAP(addr, len)      safe_munmap_(MMAPCTS_HERE, (addr), (len))
#define SAFE_MPROTECT(addr, len, prot)                                         \
	safe_mprotect_(MMAPCTS_HERE, (addr), (len), (prot))
#define SAFE_MSYNC(addr, len, flags) safe_msync_(MMAPCTS_HERE, (addr), (len), (flags))
#define SAFE_OPEN(path, ...)        safe_open_(MMAPCTS_HERE, (path), __VA_ARGS__, 0)
#define SAFE_CLOSE(fd)              safe_close_(MMAPCTS_HERE, (fd))
#define SAFE_UNLINK(path)           safe_unlink_(MMAPCTS_HERE, (path))
#define SAFE_FTRUNCATE(fd, len)     safe_ftruncate_(MMAPCTS_HERE, (fd), (len))
#define SAFE_FSTAT(fd, st)          safe_fstat_(MMAPCTS_HERE, (fd), (st))
#define SAFE_PREAD(fd, buf, n, off) safe_pread_(MMAPCTS_HERE, (fd), (buf), (n), (off))
#define SAFE_READ(fd, buf, n)       safe_read_(MMAPCTS_HERE, (fd), (buf), (n))
#define SAFE_WRITE(fd, buf, n)      safe_write_(MMAPCTS_HERE, (fd), (buf), (n))
#define SAFE_PWRITE(fd, buf, n, off) safe_pwrite_(MMAPCTS_HERE, (fd), (buf), (n), (off))
#define SAFE_PIPE(fds)              safe_pipe_(MMAPCTS_HERE, (fds))
#define SAFE_FUTIMENS(fd, times)    safe_futimens_(MMAPCTS_HERE, (fd), (times))
#define SAFE_FORK()                 safe_fork_(MMAPCTS_HERE)

/* ------------------------------------------------------------------------
 * The environment of a case.
 * ------------------------------------------------------------------------ */
extern size_t page_size;	/* sysconf(_SC_PAGESIZE): 4, 16 or 64 KiB, never a constant */

/* The case's private temp directory (also its working directory). */
const char *tmpdir(void);
/*
 * The variant this run covers, or NULL.  A case's .variants are words: the
 * backings "anon", "dev-zero", "file", "shm", "memfd" (SAFE_MAP_PATTERN()
 * uses them; make_object() the last three), or any other
 * words the body tells apart, e.g. "private shared" with variant_map_type().
 */
const char *variant(void);
int variant_is(const char *name);
/* MAP_PRIVATE or MAP_SHARED for the variants "private" and "shared". */
int variant_map_type(void);

/* ------------------------------------------------------------------------
 * Files and the recognisable pattern.  Byte n of a pattern file is
 * pattern_byte(n): never zero, and the same position differs between
 * neighbouring pages (the page shift repeats every 255 pages), so a wrong
 * offset, a zero fill or a stale page all show.
 * ------------------------------------------------------------------------ */
unsigned char pattern_byte(uint64_t off);
unsigned char pattern_byte_seed(uint64_t off, unsigned seed);
void fill_pattern(void *buf, uint64_t off, size_t n, unsigned seed);

/* Fault every page of [addr, addr+len) in by reading one byte of each. */
void touch_pages(const void *addr, size_t len);
/* A private anonymous read-write buffer of len bytes (read()/write() data). */
void *scratch(size_t len);

/* Create tmpdir()/name holding len pattern bytes; return it open O_RDWR. */
int make_file(const char *name, size_t len);

/*
 * A memory object to map, made on the backing the variant names:
 *	file	a regular file in tmpdir() (whatever filesystem that is)
 *	shm	a POSIX shared memory object (shm_open), unlinked at cleanup
 *	memfd	a Linux memfd_create() object
 * It holds len pattern bytes; fd is open O_RDWR.
 */
struct object {
	int fd;
	const char *backing;
	char path[128];		/* a name reopen_object() can open */
};
struct object make_object(size_t len);
/* Another descriptor for the same object, opened with flags. */
int reopen_object(const struct object *obj, int flags);
/* Remove the object's name, if it has one: unlink() a file, shm_unlink()
 * a shm object; a memfd has none. */
void unlink_object(const struct object *obj);
/* The object of this variant named path (obj.path), reopened with flags:
 * how an exec_self() image finds the object its predecessor made. */
struct object object_at(const char *path, int flags);
/* len bytes of the object from offset off, read with pread() into a fresh
 * scratch() buffer (file and memfd; read() of a shm object is unspecified). */
unsigned char *read_object(const struct object *obj, off_t off, size_t len);
/* The first len bytes the object holds now, through obj->fd: read_object(),
 * or a fresh read-only MAP_SHARED mapping for shm. */
const unsigned char *object_contents(const struct object *obj, size_t len);

/* ------------------------------------------------------------------------
 * Mappings: one way to map each backing, arguments in mmap()'s order.
 * Each ends the case UNRESOLVED at the case's line when the call fails.
 * ------------------------------------------------------------------------ */
/* mmap(addr, len, prot, flags | MAP_ANONYMOUS, -1, 0): zero-filled. */
#define SAFE_MAP_ANON(addr, len, prot, flags)                                  \
	safe_map_anon_(MMAPCTS_HERE, (addr), (len), (prot), (flags))
/* /dev/zero opened O_RDWR, mapped, closed again (UNSUPPORTED without it). */
#define SAFE_MAP_DEV_ZERO(addr, len, prot, flags)                              \
	safe_map_dev_zero_(MMAPCTS_HERE, (addr), (len), (prot), (flags))
/* /dev/zero opened with flags; UNSUPPORTED where the system has none. */
#define OPEN_DEV_ZERO(flags) open_dev_zero_(MMAPCTS_HERE, (flags))
/* mmap(addr, len, prot, flags, obj->fd, off) of an object of make_object(). */
#define SAFE_MAP_OBJECT(addr, len, prot, flags, obj, off)                      \
	safe_map_object_(MMAPCTS_HERE, (addr), (len), (prot), (flags), (obj), (off))
/*
 * A new mapping of len bytes holding the pattern (seed 0), on the backing
 * the variant names - anon, dev-zero, file, shm or memfd (file where the
 * variant names none, as make_object()); MAP_ANONYMOUS in flags makes it
 * anonymous whatever the variant.  Anonymous and /dev/zero memory is
 * written while writable and then given prot.  *obj, unless obj is NULL,
 * is the object (fd -1 for anon and dev-zero).
 */
#define SAFE_MAP_PATTERN(addr, len, prot, flags, obj)                          \
	safe_map_pattern_(MMAPCTS_HERE, (addr), (len), (prot), (flags), (obj))
/*
 * mprotect() for setup.  A protection with PROT_EXEC refused with ENOTSUP
 * (POSIX allows it) is UNSUPPORTED; with EACCES or EPERM it is UNSUPPORTED
 * only where a security policy that refuses executable memory is in force
 * (memory-deny-write-execute, a seccomp filter, SELinux enforcing, another
 * security module), FAIL where none is, UNTESTED where that cannot be
 * told; any other failure UNRESOLVED.
 */
#define set_prot(addr, len, prot) set_prot_(MMAPCTS_HERE, (addr), (len), (prot))
/* madvise(addr, len, advice).  EINVAL (or ENOSYS without madvise()) is
 * FEATURE_REFUSED(): FAIL where the running kernel is at least the release
 * that added the advice, UNSUPPORTED only where it is older. */
#define ADVISE(addr, len, advice)                                              \
	advise_(MMAPCTS_HERE, (addr), (len), (advice), #advice)

/* ------------------------------------------------------------------------
 * Absent, or broken?  UNSUPPORTED says a feature is absent, and only a
 * probe that a broken implementation cannot pass may say so: an error code
 * cannot (EINVAL is what an unknown flag gets, and also what a kernel or
 * emulator that breaks the flag returns).  The running kernel's release
 * can: a Linux feature exists on every kernel at or above the release that
 * added it.
 * ------------------------------------------------------------------------ */
/*
 * A call that would work where the feature exists failed with err as it
 * does where the feature is missing; ends the case:
 *	FAIL         the kernel (uname release) is at least since: the
 *	             feature is there, so the refusal is a deviation (under
 *	             qemu-user the release is the host's: qemu's gaps FAIL too)
 *	UNSUPPORTED  the kernel is older than since, or the system is not Linux
 *	UNTESTED     the release is no version number, or since is NULL
 *	FEATURE_REFUSED("MAP_SHARED_VALIDATE", "4.15", errno);
 */
#define FEATURE_REFUSED(feature, since, err)                                   \
	feature_refused_(MMAPCTS_HERE, (feature), (since), (err))
/* The running kernel's release (uname -r, read once); NULL if not Linux. */
const char *kernel_release(void);
/* Is the running kernel Linux at or above since ("4.15", "2.6.16")?  0 where
 * it is older, not Linux, or its release is no version number. */
int kernel_at_least(const char *since);

/* ------------------------------------------------------------------------
 * /proc/self/maps, parsed (Linux; maps_open() fails elsewhere).
 * ------------------------------------------------------------------------ */
struct maps_entry {
	uintptr_t start, end;
	char perms[8];		/* "rw-p" */
	unsigned long long offset;
	unsigned dev_major, dev_minor;
	unsigned long inode;
	char name[512];		/* a path, "[heap]", or "" for anonymous memory */
};
struct maps_iter {
	FILE *f;
};
/* 0, or -1 where the system has no /proc/self/maps. */
int maps_open(struct maps_iter *it);
/* The next mapping into *e: 1, or 0 after the last. */
int maps_next(struct maps_iter *it, struct maps_entry *e);
void maps_close(struct maps_iter *it);
/*
 * The layout of [map, map+len) without addresses: one "first-end perms
 * offset name" item per mapping that overlaps it, first and end in pages
 * from map, name the last part of the path.  Two processes with the same
 * mappings there get the same string.  UNTESTED without /proc/self/maps.
 */
const char *range_layout(const void *map, size_t len, char *buf, size_t n);

/* ------------------------------------------------------------------------
 * Linux observables: /proc figures and mincore(); each ends the case
 * UNTESTED (or UNRESOLVED) where the system does not give them.
 * ------------------------------------------------------------------------ */
/* /proc/sys/vm/overcommit_memory (0 heuristic, 1 always, 2 strict), also
 * recorded as the observation overcommit_memory. */
int overcommit_policy(void);
/* The value of a "Key:  N kB" line of /proc/meminfo, in bytes. */
unsigned long long meminfo_bytes(const char *key);
/* How many pages of [addr, addr + len) mincore() reports resident (cases
 * that use it declare .needs = "mincore"). */
size_t resident_pages(void *addr, size_t len);

/* ------------------------------------------------------------------------
 * Linux calls glibc has no portable form of (the cow group); elsewhere
 * each fails with ENOSYS.
 * ------------------------------------------------------------------------ */
/* vmsplice(fd, {addr, len}, 1, 0): loan the pages to the pipe at fd. */
ssize_t vmsplice_pages(int fd, void *addr, size_t len);
/* splice(from, NULL, to, NULL, len, 0): move up to len bytes (the pages
 * themselves, where the kernel can) from one descriptor to the other. */
ssize_t splice_bytes(int from, int to, size_t len);
/* ptrace(PTRACE_TRACEME) then raise(SIGSTOP): in a child, stop for the parent. */
int trace_me_and_stop(void);
/* In the tracer: wait for the stopped tracee, PTRACE_POKEDATA one word
 * (of long) at addr, and PTRACE_DETACH; returns the poke's result. */
int poke_word_and_detach(pid_t pid, void *addr, long word);

/* ------------------------------------------------------------------------
 * Address space.  MAP_FIXED is only ever used inside a range the case
 * reserved itself; SAFE_MMAP refuses a MAP_FIXED outside one.
 * ------------------------------------------------------------------------ */
/* Reserve len bytes of address space (PROT_NONE, no memory committed). */
void *reserve(size_t len);
/* ... with hint as mmap()'s addr (no MAP_FIXED): where the system puts it,
 * which need not be at the hint; the caller looks where it landed. */
void *reserve_near(void *hint, size_t len);
/* Is [addr, addr+len) inside a reservation of this process? */
int is_reserved(const void *addr, size_t len);
/*
 * Lay out a fresh reservation page by page: 'm' is a page of private
 * anonymous read-write memory holding the pattern of its offset from the
 * first page, '.' a hole with no mapping at all.  Nothing but the case can
 * map into the holes (MAP_FIXED is only ever used inside reservations), so
 * a hole stays a hole.  Neighbouring 'm' pages may merge into one mapping.
 */
#define lay_out(pages) lay_out_(MMAPCTS_HERE, (pages))
unsigned char *lay_out_(const char *file, int line, const char *pages);

/* ------------------------------------------------------------------------
 * Processes.  A child runs a function and ends with a verdict; the parent
 * takes it over: a child's FAIL is the case's FAIL.  Synchronise with
 * struct sync (pipes), never with sleep.
 * ------------------------------------------------------------------------ */
pid_t start_child(void (*fn)(void *), void *arg);
/* Wait for a child of start_child(); its non-PASS verdict ends the case. */
void wait_child(pid_t pid);
/* start_child() then wait_child(). */
void run_in_child(void (*fn)(void *), void *arg);

/*
 * One parent-child rendezvous.  sync_init() before start_child(); the fork
 * gives each side its ends.  A side whose peer has exited without posting
 * ends UNRESOLVED instead of hanging.
 */
struct sync {
	int to_child[2], to_parent[2];
	int rd, wr;		/* this side's ends, set by start_child() */
	int bound;
};
void sync_init(struct sync *s);
void sync_post(struct sync *s);			/* wake the peer */
void sync_wait(struct sync *s);			/* wait for the peer's post */
void sync_send(struct sync *s, const void *buf, size_t n);
void sync_recv(struct sync *s, void *buf, size_t n);

/*
 * Exec tests: the case re-executes its own binary; in the new image
 * exec_stage() returns the stage name and exec_arg() the argument.
 */
void exec_self(const char *stage, const char *arg);
const char *exec_stage(void);
const char *exec_arg(void);
/* The path of the case's own executable. */
const char *self_path(void);
/* exec_self() with an address as the argument, and its reading back. */
void exec_self_addr(const char *stage, const void *addr);
void *exec_arg_addr(void);
/* In a child: run before(arg) (may be NULL), then exec_self(stage, stage_arg).
 * Returns the child's pid for wait_child(); the case's own process keeps
 * its objects and cleanups. */
pid_t exec_self_in_child(const char *stage, const char *stage_arg,
			 void (*before)(void *), void *arg);

/*
 * Linux: the kibibytes of memory this process has locked (VmLck in
 * /proc/self/status).  Ends the case UNTESTED where the figure is missing:
 * no portable interface tells whether memory is locked.
 */
long locked_kb(void);
/*
 * Why mlock() of len more bytes may be refused here: RLIMIT_MEMLOCK (its
 * soft limit first raised to the hard one) is below what this process
 * would then have locked - the reason, for a message; NULL when nothing
 * allows a refusal.
 */
const char *memlock_refusal_reason(size_t len);
/*
 * mlock(addr, len) as setup, where the case relies on the lock and on
 * seeing it: returns the bytes VmLck counted before.  A refusal that
 * memlock_refusal_reason() explains is UNSUPPORTED with that reason; any
 * other refusal, or a VmLck that does not grow by len, is UNRESOLVED -
 * both are the rule of mlock/locks-counted, which FAILs on them.
 */
#define SAFE_MLOCK(addr, len) safe_mlock_(MMAPCTS_HERE, (addr), (len))
size_t safe_mlock_(const char *file, int line, void *addr, size_t len);
/* mlockall(flags) as setup: a refusal memlock_refusal_reason() explains is
 * UNSUPPORTED, any other UNRESOLVED (mlock/mlockall-future-locks-new-
 * mappings FAILs on it). */
#define SAFE_MLOCKALL(flags) safe_mlockall_(MMAPCTS_HERE, (flags))
void safe_mlockall_(const char *file, int line, int flags);

/* ------------------------------------------------------------------------
 * Running code (PROT_EXEC).  A function `int f(void) { return value; }` in
 * machine code for this CPU (lib/code.c: x86_64, i386, aarch64, ppc64
 * ELFv2, riscv64, s390x), a probe that calls it and reports the fault the
 * call raised, and whether this machine refuses to run code from a page
 * without PROT_EXEC.  value must be in [0, 2047] (the smallest immediate
 * field among the CPUs).  Elsewhere a case that needs code is UNTESTED.
 * ------------------------------------------------------------------------ */
/* Write the function at dst; return its length, or 0 without code here. */
size_t return_const_code(unsigned char *dst, int value);
/* ... and make the instruction cache see it; UNTESTED without code (the
 * suite, not the system, lacks it). */
void put_function(unsigned char *dst, int value);
/* A private anonymous page holding the function, then given prot (a
 * PROT_EXEC the system refuses by policy is UNSUPPORTED). */
unsigned char *function_page(int value, int prot);

/* Call the function at code, like probe_read(): sig 0 when the call
 * returned (its value in *result, if result is not NULL), otherwise the
 * signal (SIGSEGV, SIGBUS or SIGILL), si_code and si_addr. */
struct fault probe_call(const void *code, int *result);

/* The call completes and returns expected. */
#define CHECK_CALL_RETURNS(code, expected)                                     \
	mmapcts_check_call_returns_(MMAPCTS_HERE, #code, (code), (expected))
/* The call raises sig with si_code code, si_addr in the page of code. */
#define CHECK_CALL_FAULTS(code, sig, si_code)                                  \
	mmapcts_check_fault_(MMAPCTS_HERE, #code, "call", probe_call((code), NULL), \
			     (code), (sig), (si_code))
/* The call does not complete: SIGSEGV or SIGBUS in the page (observed as
 * "call_denied_by"). */
#define CHECK_CALL_DENIED(code)                                                \
	mmapcts_check_denied_(MMAPCTS_HERE, #code, "call", probe_call((code), NULL), \
			      (code))
/*
 * A call into code in a page without PROT_EXEC raises SIGSEGV with
 * SEGV_ACCERR in the page, where exec_not_enforced_reason() knows the
 * machine enforces PROT_EXEC.  Elsewhere the outcome is recorded as
 * "call_without_prot_exec" and the case ends UNTESTED with the reason.
 */
#define CHECK_CALL_FAULTS_WHERE_ENFORCED(code)                                 \
	mmapcts_check_call_faults_where_enforced_(MMAPCTS_HERE, #code, (code))

/* Setup: the function at code must return expected (else UNRESOLVED). */
#define require_call_returns(code, expected)                                   \
	mmapcts_require_call_returns_(MMAPCTS_HERE, (code), (expected))

/* NULL when this machine is known to refuse instruction fetches from a
 * page without PROT_EXEC, otherwise why not (for a message). */
const char *exec_not_enforced_reason(void);

/*
 * The si_code of a refused read of a PROT_EXEC-only page: on x86 with
 * protection keys, Linux makes such pages execute-only with a key
 * (pkeys(7)), and the read fails with SEGV_PKUERR; elsewhere SEGV_ACCERR.
 */
#ifdef SEGV_PKUERR
#define EXEC_ONLY_KEY_SI_CODE SEGV_PKUERR
#else
#define EXEC_ONLY_KEY_SI_CODE SEGV_ACCERR
#endif

/* Is the file open at fd on a filesystem mounted noexec?  (0 where the
 * system cannot tell: ST_NOEXEC is not POSIX.) */
int on_noexec_mount(int fd);
/*
 * Linux: mount a fresh tmpfs with MS_NOEXEC at tmpdir()/noexec, in a
 * mount namespace of the calling process's own, and return its path.
 * Call it in a child (run_in_child()): the namespace and the mount go away
 * with the child, and the case's own process can remove its temp
 * directory.  UNSUPPORTED where the system cannot (not Linux, no
 * permission to make namespaces or mounts, as in many containers).
 */
const char *noexec_tmpfs(void);
/* Linux: mount hugetlbfs (the default huge page size) at
 * tmpdir()/hugetlbfs in a mount namespace of the calling process's own,
 * as noexec_tmpfs() does (call it in a child), and return its path;
 * UNSUPPORTED where the system cannot. */
const char *hugetlbfs_mount(void);
/* Linux: does the kernel's brk() system call (not the libc's sbrk()) grow
 * the program break by len?  1 yes (the break is put back at once), 0 no,
 * -1 not Linux.  Tells a libc that refuses sbrk() from a kernel that does. */
int kernel_grows_break(size_t len);
/*
 * Linux: take capability cap (the number capabilities(7) gives it, e.g.
 * LINUX_CAP_SYS_RAWIO) out of this process's effective, permitted and
 * inheritable sets, with the capset system call (no glibc wrapper).  For
 * a child: there is no way back, and the process keeps its user ids (so
 * it can still write what root's files the case needs).  0, or -1 with
 * errno (ENOSYS where the system is not Linux).
 */
int drop_capability(int cap);
#define LINUX_CAP_IPC_LOCK 14
#define LINUX_CAP_SYS_RAWIO 17
/* A file of one page in a fresh noexec_tmpfs() (so: in a child), O_RDWR. */
int file_on_noexec_mount(void);
/* A memfd holding len pattern bytes, sealed with F_SEAL_WRITE (the case
 * declares .needs = "memfd_create F_SEAL_WRITE"). */
int write_sealed_memfd(size_t len);

/*
 * Linux system calls glibc 2.36 has no wrapper for, made with syscall()
 * (which mmapcts-faults.so can bend): each returns what the kernel returns,
 * -1 with errno ENOSYS where the system is not Linux.  The numbers are the
 * unified ones of Linux 5.x and later (SYS_mseal 462, SYS_process_mrelease
 * 448, SYS_memfd_secret 447; on MIPS offsets from the ABI's __NR_Linux)
 * where the headers lack them.  MMAPCTS_NO_MEMFD_SECRET, where defined,
 * says why the architecture has no memfd_secret at all (sys_memfd_secret()
 * is ENOSYS without a system call).
 *	sys_mseal()            mseal(2), Linux 6.10
 *	sys_process_mrelease() process_mrelease(2), Linux 5.15
 *	sys_memfd_secret()     memfd_secret(2), Linux 5.14
 *	sys_pidfd_open()       pidfd_open(2), Linux 5.3
 */
int sys_mseal(void *addr, size_t len, unsigned long flags);
int sys_process_mrelease(int pidfd, unsigned int flags);
int sys_memfd_secret(unsigned int flags);
#if defined(__linux__) && (defined(__arm__) || defined(__mips__))
/* Linux's memfd_secret depends on ARCH_HAS_SET_DIRECT_MAP (mm/Kconfig,
 * SECRETMEM), which neither 32-bit arm nor MIPS selects: their system call
 * tables skip 447 (the uapi <asm/unistd*.h> go from landlock_restrict_self,
 * 446, to process_mrelease, 448). */
#define MMAPCTS_NO_MEMFD_SECRET "Linux has no memfd_secret() on this architecture " \
	"(SECRETMEM depends on ARCH_HAS_SET_DIRECT_MAP, which 32-bit arm and MIPS " \
	"do not select; their system call tables skip number 447)"
#endif
int sys_pidfd_open(pid_t pid, unsigned int flags);
/* Linux: copy n bytes at src of this process to dst the ways a debugger
 * does - pread() of /proc/self/mem (read_proc_self_mem) and
 * process_vm_readv() on itself (read_vm_self); -1 with errno as they fail,
 * ENOSYS elsewhere. */
ssize_t read_proc_self_mem(void *dst, const void *src, size_t n);
ssize_t read_vm_self(void *dst, const void *src, size_t n);
/* The protection key of a SEGV_PKUERR signal (si_pkey); -1 where the
 * system has none. */
int siginfo_pkey(const siginfo_t *si);
/* Does the CPU have protection keys the kernel enabled ("pku" and "ospke"
 * among the /proc/cpuinfo flags on x86; "poe" among arm64's Features from
 * 6.12; ibm,processor-storage-keys in a pseries partition's device tree)?
 * 1 yes, 0 provably no, -1 cannot tell (another CPU, or nothing to read). */
int cpu_has_pkeys(void);
/* Does the user address space run to the top of the address space, short
 * of its last page?  1 on Linux s390x, where the kernel has an address
 * space of its own; 0 elsewhere (the kernel sits above the user limit). */
int user_space_reaches_top(void);
/* Is word among the "flags" of /proc/cpuinfo (x86: "la57", "pku")?  1 yes,
 * 0 no, -1 no /proc/cpuinfo. */
int cpu_flag(const char *word);
/*
 * Linux: the executable-stack policy of this image.  exec_stack_wanted():
 * does the running executable's PT_GNU_STACK header ask for an executable
 * stack, or the personality have READ_IMPLIES_EXEC (1), neither (0), or
 * can that not be told (-1: no such header, not Linux)?  set_mdwe(): prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN), and
 * get_mdwe(): prctl(PR_GET_MDWE) (Linux 6.3) - what the kernel returns,
 * -1 with errno ENOSYS where the system is not Linux.  MDWE_REFUSE_EXEC_GAIN
 * is the flag get_mdwe() reports.
 */
int exec_stack_wanted(void);
int set_mdwe(void);
int get_mdwe(void);
#define MDWE_REFUSE_EXEC_GAIN 1

void mmapcts_check_call_returns_(const char *file, int line, const char *expr,
				 const void *code, int expected);
void mmapcts_check_call_faults_where_enforced_(const char *file, int line,
					       const char *expr, const void *code);
void mmapcts_require_call_returns_(const char *file, int line, const void *code,
				   int expected);

/* ------------------------------------------------------------------------
 * Names, for messages that diff cleanly across libcs.
 * ------------------------------------------------------------------------ */
const char *errno_name(int err);		/* "EACCES"; "errno 1234" if unknown */
const char *signal_name(int sig);		/* "SIGSEGV" */
const char *si_code_name(int sig, int code);	/* "SEGV_ACCERR" */
const char *prot_string(int prot, char *buf, size_t size);
const char *map_flags_string(int flags, char *buf, size_t size);
const char *msync_flags_string(int flags, char *buf, size_t size);
/* What maps addr, for messages: "anonymous", "[heap]", a file name, or
 * "unmapped" (from /proc/self/maps on Linux; "unknown" elsewhere). */
const char *mapping_name(const void *addr, char *buf, size_t size);

/* ------------------------------------------------------------------------
 * Internals behind the macros above.
 * ------------------------------------------------------------------------ */
#if defined(__GNUC__) || defined(__clang__)
#define MMAPCTS_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define MMAPCTS_NORETURN __attribute__((noreturn))
#else
#define MMAPCTS_PRINTF(a, b)
#define MMAPCTS_NORETURN
#endif

MMAPCTS_NORETURN void mmapcts_end_(enum verdict v, const char *file, int line,
				   const char *fmt, ...) MMAPCTS_PRINTF(4, 5);
void mmapcts_observe(const char *key, const char *fmt, ...) MMAPCTS_PRINTF(2, 3);
MMAPCTS_NORETURN void mmapcts_exit(enum verdict v);

void mmapcts_check_(const char *file, int line, int ok, const char *expr);
void mmapcts_check_cmp_(const char *file, int line, const char *op,
			const char *aexpr, intmax_t a, const char *bexpr, intmax_t b);
void mmapcts_check_ptr_(const char *file, int line, const char *aexpr,
			const void *a, const char *bexpr, const void *b);
void mmapcts_check_mem_(const char *file, int line, const char *expr,
			const void *actual, const void *expected, size_t n);
void mmapcts_check_pattern_(const char *file, int line, const char *expr,
			    const void *addr, uint64_t off, size_t n, unsigned seed);
void mmapcts_check_zero_(const char *file, int line, const char *expr,
			 const void *addr, size_t n);
void mmapcts_check_fails_(const char *file, int line, const char *expr,
			  int failed, const int *allowed);
intmax_t mmapcts_check_ok_(const char *file, int line, const char *expr, intmax_t ret);
void *mmapcts_check_map_ok_(const char *file, int line, const char *expr, void *ret);
void mmapcts_check_fault_(const char *file, int line, const char *expr,
			  const char *access, struct fault f, const volatile void *addr,
			  int sig, int code);

void mmapcts_check_denied_(const char *file, int line, const char *expr,
			   const char *access, struct fault f, const volatile void *addr);

void mmapcts_check_signal_(const char *file, int line, const char *expr,
			   const char *access, struct fault f, const volatile void *addr,
			   int sig);
void mmapcts_check_unmapped_(const char *file, int line, const char *expr,
			     volatile unsigned char *addr, size_t len);
void mmapcts_check_intact_(const char *file, int line, const char *expr,
			   const unsigned char *base, size_t first, size_t n, unsigned seed);
void mmapcts_check_pages_writable_(const char *file, int line, unsigned char *map,
				   size_t npages, size_t skip);
void mmapcts_check_maps_or_fails_(const char *file, int line, const char *expr,
				  void *p, size_t len, const char *key, const int *allowed);
void mmapcts_require_hole_(const char *file, int line, const volatile unsigned char *addr,
			   size_t len);

void *safe_map_anon_(const char *file, int line, void *addr, size_t len, int prot,
		     int flags);
void *safe_map_dev_zero_(const char *file, int line, void *addr, size_t len, int prot,
			 int flags);
int open_dev_zero_(const char *file, int line, int flags);
void *safe_map_object_(const char *file, int line, void *addr, size_t len, int prot,
		       int flags, const struct object *obj, off_t off);
void *safe_map_pattern_(const char *file, int line, void *addr, size_t len, int prot,
			int flags, struct object *obj);
void set_prot_(const char *file, int line, void *addr, size_t len, int prot);
void advise_(const char *file, int line, void *addr, size_t len, int advice,
	     const char *name);
MMAPCTS_NORETURN void feature_refused_(const char *file, int line, const char *feature,
				       const char *since, int err);
/* Since which Linux release madvise() knows the advice named ("MADV_FREE"),
 * for feature_refused_(); NULL if the library does not know. */
const char *mmapcts_advice_since(const char *name);

void *safe_mmap_(const char *file, int line, void *addr, size_t len, int prot,
		 int flags, int fd, off_t off);
void safe_munmap_(const char *file, int line, void *addr, size_t len);
void safe_mprotect_(const char *file, int line, void *addr, size_t len, int prot);
void safe_msync_(const char *file, int line, void *addr, size_t len, int flags);
int safe_open_(const char *file, int line, const char *path, int flags, ...);
void safe_close_(const char *file, int line, int fd);
void safe_unlink_(const char *file, int line, const char *path);
void safe_ftruncate_(const char *file, int line, int fd, off_t len);
void safe_fstat_(const char *file, int line, int fd, struct stat *st);
void safe_pread_(const char *file, int line, int fd, void *buf, size_t n, off_t off);
void safe_pwrite_(const char *file, int line, int fd, const void *buf, size_t n, off_t off);
void safe_read_(const char *file, int line, int fd, void *buf, size_t n);
void safe_write_(const char *file, int line, int fd, const void *buf, size_t n);
void safe_pipe_(const char *file, int line, int fds[2]);
void safe_futimens_(const char *file, int line, int fd, const struct timespec times[2]);
pid_t safe_fork_(const char *file, int line);

/* The source name a message shows: "cases/anon/zero-fill.c", not a build path. */
const char *mmapcts_source_name(const char *file);

#endif /* MMAPCTS_H */
