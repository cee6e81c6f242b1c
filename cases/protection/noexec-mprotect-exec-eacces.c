/*
 * A mapping of a file on a noexec mount can never become executable:
 * mprotect() adding PROT_EXEC to a PROT_READ mapping of it fails with
 * EACCES.
 *
 * mmap() refuses PROT_EXEC on such a file with EPERM
 * (noexec-mmap-exec-eperm); a read-only mapping is allowed, but Linux
 * records that it may never gain execute permission, so the later
 * mprotect() fails like any request for an access the mapping may not
 * have (EACCES, "the memory cannot be given the specified access"), not
 * with mmap()'s EPERM.  A kernel that checked noexec only in mmap() lets
 * the upgrade through and fails.  The mount is made in a child, in its
 * own mount namespace (noexec_tmpfs()); needs root, UNSUPPORTED where
 * namespaces or mounts are refused.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mprotect() adding PROT_EXEC to a mapping of a file on a "
		     "noexec mount fails with EACCES.",
	.spec      = "Linux mprotect(2): ERRORS: EACCES (\"The memory cannot be "
		     "given the specified access\"); Linux mmap(2): ERRORS: EPERM "
		     "(PROT_EXEC on a no-exec filesystem)",
	.profile   = "linux",
	.covers    = "H8",
	.needs     = "root",
);

static void in_namespace(void *arg)
{
	int fd = file_on_noexec_mount();
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ, MAP_PRIVATE, fd, 0);

	(void)arg;
	CHECK_FAILS(mprotect(map, page_size, PROT_READ | PROT_EXEC), EACCES);
}

static void run(void)
{
	run_in_child(in_namespace, NULL);
}
