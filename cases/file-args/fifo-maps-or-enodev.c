/*
 * For a FIFO, mmap() support is unspecified, but a refusal must say
 * ENODEV.  The FIFO is made in the temp directory and opened O_RDONLY |
 * O_NONBLOCK (which returns at once without a writer), then mapped
 * PROT_READ, MAP_SHARED; whether it mapped is recorded (fifo_mappable).
 * A FIFO is reached by a path name like a regular file, so this is where
 * an implementation that tells file types apart by the path instead of
 * the vnode would go wrong.  Fails on a refusal with another errno
 * (ESPIPE, EINVAL, EACCES).  (Linux says ENODEV.)
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a FIFO either maps it or fails with ENODEV.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (other file types: support "
		     "unspecified); ERRORS, [ENODEV] (type not supported)",
	.profile   = "posix",
	.covers_part = "C11",
);

static void run(void)
{
	int fd;

	if (mkfifo("fifo", 0600) < 0)
		UNRESOLVED("mkfifo(fifo) failed: %s", errno_name(errno));
	fd = SAFE_OPEN("fifo", O_RDONLY | O_NONBLOCK);

	CHECK_MAPS_OR_ENODEV(fd, "fifo");
}
