/*
 * Linux refuses executable mappings of files on a filesystem mounted
 * noexec: mmap() with PROT_EXEC of such a file fails with EPERM.
 *
 * The case makes the mount itself, in a child: a new mount namespace
 * (unshare(CLONE_NEWNS)), / made private so nothing propagates back, and
 * a fresh tmpfs mounted MS_NOEXEC in the temp directory; the namespace
 * and mount vanish with the child.  That needs root (and a system that
 * lets root make namespaces): otherwise UNSUPPORTED.  The file is
 * readable through its descriptor, so noexec is the only reason to
 * refuse.  A kernel that checked noexec only at execve() maps the page
 * and fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_READ | PROT_EXEC of a file on a noexec mount "
		     "fails with EPERM.",
	.spec      = "Linux mmap(2): ERRORS: EPERM (\"The prot argument asks for "
		     "PROT_EXEC but the mapped area belongs to a file on a filesystem "
		     "that was mounted no-exec\")",
	.profile   = "linux",
	.covers    = "H8",
	.needs     = "root",
);

static void in_namespace(void *arg)
{
	int fd = file_on_noexec_mount();

	(void)arg;
	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0),
			EPERM);
}

static void run(void)
{
	run_in_child(in_namespace, NULL);
}
