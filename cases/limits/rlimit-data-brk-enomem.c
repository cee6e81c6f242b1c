/*
 * brk() (through sbrk()) cannot grow the data segment past RLIMIT_DATA:
 * in a child whose soft RLIMIT_DATA is its present data size (VmData,
 * which since Linux 4.7 is what the limit is held against) plus 16
 * pages, sbrk() of 8 pages succeeds, sbrk() of 16 more fails with
 * ENOMEM, and the break stays where the first call left it.  A
 * setrlimit() that is ignored, or a brk() that never looks at the limit,
 * fails with a grown break; a limit counted too tightly fails on the
 * first call.  A refusal of the first call is UNSUPPORTED only where a
 * probe shows whose it is: the kernel's own brk() grows no break at all
 * (before the limit), or it grows one within the limit while the libc's
 * sbrk() refuses (musl: as exec/heap-reads-zero finds); a kernel brk()
 * that refuses within the limit FAILs.
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
	int kernel_brk = kernel_grows_break(page_size);	/* before the limit */

	lower_rlimit(RLIMIT_DATA, status_bytes("VmData") + 16 * page_size);
	if (sbrk(within) == (void *)-1) {
		int err = errno;

		if (kernel_brk == 0)
			UNSUPPORTED("the kernel's own brk() grows no break here, even "
				    "without the limit");
		if (kernel_grows_break(page_size) == 1)
			UNSUPPORTED("sbrk() fails with %s though the kernel's brk() grows "
				    "the break within the limit: this libc does not grow "
				    "the program break (musl's sbrk() refuses any increment)",
				    errno_name(err));
		FAIL("sbrk(%zu) within RLIMIT_DATA failed: %s, and so does the kernel's "
		     "brk()", (size_t)within, errno_name(err));
	}
	brk_before = sbrk(0);
	CHECK_FAILS((intptr_t)sbrk(over), ENOMEM);
	CHECK_PTR_EQ(sbrk(0), brk_before);
}

static void run(void)
{
	run_in_child(in_child, NULL);
}
