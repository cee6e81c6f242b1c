/*
 * <sys/mman.h> declares what POSIX says it declares, usably: the mapping
 * functions with their prototypes (each assigned to a pointer of the
 * exact POSIX type, which -Werror builds refuse on a mismatch), the PROT_,
 * MAP_, MS_, MCL_ and POSIX_MADV_ constants with values a program can
 * combine (the bits of each set are distinct), and MAP_FAILED, which is
 * what a failing mmap() returns and never what a successful one does.
 * Whether MAP_FAILED is ((void *) -1), as everywhere in practice, is
 * recorded ("map_failed_is_minus_one").  A header with a missing or
 * misdeclared name does not build; one whose constants collide, or a
 * libc whose failing mmap() returns something else (0, as some
 * historical systems did), fails.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "<sys/mman.h> declares the mapping functions, constants and "
		     "MAP_FAILED; a failing mmap() returns MAP_FAILED and a "
		     "successful one never does.",
	.spec      = "POSIX.1-2024 <sys/mman.h>; mmap(): RETURN VALUE (\"Otherwise, "
		     "mmap() shall return a value of MAP_FAILED and set errno\")",
	.profile   = "posix",
	.covers    = "L13",
);

/* The prototypes, exactly as POSIX writes them. */
static int (*const p_mlock)(const void *, size_t) = mlock;
static int (*const p_mlockall)(int) = mlockall;
static void *(*const p_mmap)(void *, size_t, int, int, int, off_t) = mmap;
static int (*const p_mprotect)(void *, size_t, int) = mprotect;
static int (*const p_msync)(void *, size_t, int) = msync;
static int (*const p_munlock)(const void *, size_t) = munlock;
static int (*const p_munlockall)(void) = munlockall;
static int (*const p_munmap)(void *, size_t) = munmap;
static int (*const p_posix_madvise)(void *, size_t, int) = posix_madvise;
static int (*const p_shm_open)(const char *, int, mode_t) = shm_open;
static int (*const p_shm_unlink)(const char *) = shm_unlink;

/* The bits of a set that a program ORs together are distinct and not 0. */
static int disjoint(const long *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!v[i])
			return 0;
		for (size_t j = i + 1; j < n; j++)
			if (v[i] & v[j])
				return 0;
	}
	return 1;
}

#define DISJOINT(...) disjoint((const long[]){ __VA_ARGS__ },                  \
			       sizeof((const long[]){ __VA_ARGS__ }) / sizeof(long))

static void run(void)
{
	const long advice[] = { POSIX_MADV_NORMAL, POSIX_MADV_SEQUENTIAL,
				POSIX_MADV_RANDOM, POSIX_MADV_WILLNEED,
				POSIX_MADV_DONTNEED };
	void *p;

	CHECK(p_mlock && p_mlockall && p_mmap && p_mprotect && p_msync && p_munlock &&
	      p_munlockall && p_munmap && p_posix_madvise && p_shm_open && p_shm_unlink);
	CHECK(DISJOINT(PROT_READ, PROT_WRITE, PROT_EXEC));
	CHECK((PROT_NONE & (PROT_READ | PROT_WRITE | PROT_EXEC)) == 0);
	CHECK(DISJOINT(MAP_SHARED, MAP_PRIVATE, MAP_FIXED));
	CHECK(DISJOINT(MS_ASYNC, MS_SYNC, MS_INVALIDATE));
	CHECK(DISJOINT(MCL_CURRENT, MCL_FUTURE));
	for (size_t i = 0; i < sizeof(advice) / sizeof(advice[0]); i++)
		for (size_t j = i + 1; j < sizeof(advice) / sizeof(advice[0]); j++)
			CHECK_NE(advice[i], advice[j]);
	OBSERVE("map_failed_is_minus_one", "%s", MAP_FAILED == (void *)-1 ? "yes" : "no");

	errno = 0;
	p = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK_PTR_EQ(p, MAP_FAILED);
	CHECK_NE(errno, 0);

	p = mmap(NULL, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	SAFE_MUNMAP(p, page_size);
}
