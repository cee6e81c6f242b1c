/*
 * brk() (through sbrk()) cannot grow the data segment past RLIMIT_DATA:
 * in a child whose soft RLIMIT_DATA is its present data size (VmData,
 * which since Linux 4.7 is what the limit is held against) plus 16
 * pages, sbrk() of 8 pages succeeds, sbrk() of 16 more fails with
 * ENOMEM, and the break stays where the first call left it.  A
 * setrlimit() that is ignored, or a brk() that never looks at the limit,
 * fails with a grown break; a limit counted too tightly fails on the
 * first call.  Only a refusal of the first call where the kernel's own
 * brk() grows no break at all is UNSUPPORTED (exec/heap-reads-zero FAILs
 * a refusing sbrk() otherwise).
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "With the soft RLIMIT_DATA at the process's data size plus 16 "
		     "pages, sbrk() of 8 pages succeeds and sbrk() of 16 more pages "
		     "fails with ENOMEM, leaving the break where it was.",
	.spec      = "Linux brk(2): ERRORS, ENOMEM; getrlimit(2): RLIMIT_DATA (the "
		     "maximum size of the data segment: initialized data, "
		     "uninitialized data and heap; affects brk(2), sbrk(2) and, since "
		     "Linux 4.7, mmap(2)); proc_pid_status(5): VmData",
	.profile   = "linux",
	.covers    = "L11",
);

static void in_child(void *arg)
{
	intptr_t within = (intptr_t)(8 * page_size), over = (intptr_t)(16 * page_size);
	void *brk_before;

	(void)arg;
	lower_rlimit(RLIMIT_DATA, status_bytes("VmData") + 16 * page_size);

	if (sbrk(within) == (void *)-1) {
		if (kernel_grows_break(page_size) == 0)
			UNSUPPORTED("sbrk() fails with %s and the kernel's own brk() "
				    "grows no break", errno_name(errno));
		FAIL("sbrk(%zu) within RLIMIT_DATA failed: %s", (size_t)within,
		     errno_name(errno));
	}
	brk_before = sbrk(0);
	CHECK_FAILS((intptr_t)sbrk(over), ENOMEM);
	CHECK_PTR_EQ(sbrk(0), brk_before);
}

static void run(void)
{
	run_in_child(in_child, NULL);
}
