/*
 * mlockall(MCL_FUTURE) - lock every mapping made from now on - does not
 * survive execve(): the new process image's own mappings (its program,
 * its libraries, its stack and heap, all made after the exec) are not
 * locked.  As in exec/mlock-dropped, the observable is Linux's VmLck
 * count.  A child of the case's process calls mlockall(MCL_FUTURE), maps
 * and touches a page and checks that the count shows it (else UNRESOLVED:
 * mlock/mlockall-future-locks-new-mappings asserts it),
 * then re-executes itself; the new image must count nothing locked.  A
 * kernel that keeps the lock-future default of the old address space for
 * the new one fails with every page of the new image locked.
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "A process image started by execve() after "
		     "mlockall(MCL_FUTURE) has none of its new mappings locked.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (memory locks established by "
		     "the calling process via calls to mlockall() or mlock() shall "
		     "be removed); mlockall(): MCL_FUTURE; Linux proc_pid_status(5): "
		     "VmLck",
	.profile   = "linux",
	.covers    = "F2",
	.needs     = "mlock",
);

static void lock_future_mappings(void *arg)
{
	SAFE_MLOCKALL(MCL_FUTURE);
	touch_pages(SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, NULL), page_size);
	if (locked_kb() < (long)(page_size / 1024))
		UNRESOLVED("VmLck does not count memory mapped after mlockall(MCL_FUTURE) "
			   "(mlock/mlockall-future-locks-new-mappings FAILs on that)");
}

static void run(void)
{
	if (exec_stage()) {
		CHECK_EQ(locked_kb(), 0);
		return;
	}

	wait_child(exec_self_in_child(NEW_IMAGE, "", lock_future_mappings, NULL));
}
