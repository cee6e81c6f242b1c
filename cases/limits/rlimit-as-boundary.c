/*
 * RLIMIT_AS is a boundary, counted in pages: in a child whose soft
 * RLIMIT_AS is set to its present size (VmSize) plus 16 pages, a mapping
 * of exactly 16 pages succeeds, and once it is gone a mapping of 17
 * pages fails with ENOMEM.  A setrlimit() that is ignored fails on the
 * second mapping; an accounting that counts too much (or refuses every
 * mapping once a limit is set) fails on the first; an off-by-one in
 * either direction fails one of them.  The limit is lowered only in the
 * child, after every setup step; the figures are read without malloc().
 * The case of a limit below what the process already has is
 * anon/rlimit-as-enomem.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "With the soft RLIMIT_AS at the process's size plus 16 pages, "
		     "mmap() of 16 pages succeeds and mmap() of 17 pages fails with "
		     "ENOMEM.",
	.spec      = "POSIX.1-2024 setrlimit(): RLIMIT_AS (the maximum size of total "
		     "available memory; if this limit is exceeded, mmap() shall fail "
		     "with [ENOMEM]); Linux getrlimit(2): RLIMIT_AS; "
		     "proc_pid_status(5): VmSize",
	.profile   = "linux",
	.covers    = "A11",
);

static void in_child(void *arg)
{
	size_t room = 16 * page_size;
	void *within;

	(void)arg;
	lower_rlimit(RLIMIT_AS, status_bytes("VmSize") + room);

	within = CHECK_MAP_OK(mmap(NULL, room, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	SAFE_MUNMAP(within, room);
	CHECK_MAP_FAILS(mmap(NULL, room + page_size, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
}

static void run(void)
{
	run_in_child(in_child, NULL);
}
