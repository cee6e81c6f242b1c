/*
 * Linux refuses a writable MAP_SHARED mapping of an append-only file
 * (the inode attribute set with chattr +a, which only lets a descriptor
 * open for writing with O_APPEND): EACCES.  Stores through such a mapping
 * would change bytes in the middle of a file that may only grow.  The
 * descriptor is open O_RDWR|O_APPEND, the only way such a file opens for
 * writing, so every other condition of a writable shared mapping holds.
 * Fails under a kernel that checks only the descriptor's open mode and
 * so lets a mapping rewrite an append-only file.
 *
 * The O_APPEND flag of a descriptor alone does not count: Linux maps an
 * ordinary file opened O_RDWR|O_APPEND writable and shared.
 *
 * Setting the attribute needs root (CAP_LINUX_IMMUTABLE) and a filesystem
 * that has it (ext2/3/4, xfs, btrfs, ...): otherwise UNSUPPORTED, decided
 * at run time.  The attribute is cleared at cleanup so the file can be
 * removed.  File only: the attribute belongs to files.
 */
#include "shared-file.h"

#include <sys/ioctl.h>

/* Linux's inode attribute ioctls and append-only bit (<linux/fs.h>),
 * spelled out so that the case builds on any system; elsewhere the ioctl
 * fails and the case is UNSUPPORTED. */
#define GET_INODE_FLAGS _IOR('f', 1, long)
#define SET_INODE_FLAGS _IOW('f', 2, long)
#define INODE_APPEND_FL 0x20

static int attr_fd = -1;
static long attr_flags;

static void clear_append_only(void *arg)
{
	long flags = attr_flags & ~INODE_APPEND_FL;

	ioctl(attr_fd, SET_INODE_FLAGS, &flags);
}

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_WRITE and MAP_SHARED of an append-only file "
		     "fails with EACCES.",
	.spec      = "Linux mmap(2): ERRORS, EACCES (\"PROT_WRITE is set, but the "
		     "file is append-only\")",
	.profile   = "linux",
	.needs     = "root",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int fd;

	attr_fd = obj.fd;
	if (ioctl(attr_fd, GET_INODE_FLAGS, &attr_flags) < 0)
		UNSUPPORTED("the temp directory's filesystem has no inode attributes "
			    "(FS_IOC_GETFLAGS: %s)", errno_name(errno));
	attr_flags |= INODE_APPEND_FL;
	if (ioctl(attr_fd, SET_INODE_FLAGS, &attr_flags) < 0)
		UNSUPPORTED("cannot make the file append-only (FS_IOC_SETFLAGS: %s)",
			    errno_name(errno));
	at_cleanup(clear_append_only, NULL);
	fd = reopen_object(&obj, O_RDWR | O_APPEND);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
			EACCES);
}
