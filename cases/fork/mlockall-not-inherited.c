/*
 * Locks set with mlockall() are not inherited either: neither the pages
 * it locked nor its promise to lock future mappings (MCL_FUTURE) - the
 * child starts with nothing locked and the memory it maps stays unlocked.
 * As in fork/mlock-not-inherited, the observable is Linux's VmLck count
 * (POSIX has none).  The parent calls mlockall(MCL_FUTURE) (not
 * MCL_CURRENT, which would lock and fault in its whole address space),
 * maps and touches a page - locked by that call - and checks that its
 * count includes it (else UNRESOLVED: mlock/mlockall-future-locks-new-
 * mappings asserts it); the child maps and touches a page of
 * its own and must count nothing locked.  A fork that copies the locked
 * state of the mappings fails on the inherited page; one that copies the
 * MCL_FUTURE default fails on the child's new page.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A child forked after mlockall(MCL_FUTURE) has no memory "
		     "locked, even after it maps new memory.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory locks established by "
		     "the parent process through calls to mlockall() or mlock() "
		     "shall not be inherited); Linux proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "E8",
	.needs     = "mlock",
);

static void child(void *arg)
{
	SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL);	/* mapped and written */

	CHECK_EQ(locked_kb(), 0);
}

static void run(void)
{
	SAFE_MLOCKALL(MCL_FUTURE);
	SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL);	/* mapped and written */
	if (locked_kb() < (long)(page_size / 1024))
		UNRESOLVED("VmLck does not count the memory mlockall(MCL_FUTURE) locked "
			   "(mlock/mlockall-future-locks-new-mappings FAILs on that)");

	run_in_child(child, NULL);
}
