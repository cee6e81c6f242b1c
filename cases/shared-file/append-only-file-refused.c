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
 *
 * The attribute word is an int: the ioctl numbers say long (a historical
 * accident kept for compatibility), but the kernel reads and writes 32
 * bits (fs/ioctl.c, ioctl_getflags()/ioctl_setflags(): unsigned int
 * __user *).  An earlier version of this case passed a long, which on a
 * 64-bit big-endian machine (s390x) read the flags into the high half,
 * set the bit in the low half and so wrote back the old flags: the file
 * never became append-only and the case FAILed on a kernel that is right.
 * The case now reads the attribute back after setting it and is
 * UNRESOLVED unless the bit took effect.
 */
#include "shared-file.h"

#include <sys/ioctl.h>

/* Linux's inode attribute ioctls and append-only bit (<linux/fs.h>),
 * spelled out so that the case builds on any system; elsewhere the ioctl
 * fails and the case is UNSUPPORTED.  The numbers encode long, exactly as
 * <linux/fs.h> does, but the argument is an int (see above). */
#define GET_INODE_FLAGS _IOR('f', 1, long)
#define SET_INODE_FLAGS _IOW('f', 2, long)
#define INODE_APPEND_FL 0x20

static int attr_fd = -1;
static int attr_flags;

static void clear_append_only(void *arg)
{
	int flags = attr_flags & ~INODE_APPEND_FL;

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
	int flags = 0;
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
	if (ioctl(attr_fd, GET_INODE_FLAGS, &flags) < 0)
		UNRESOLVED("cannot read the inode attributes back (FS_IOC_GETFLAGS: %s)",
			   errno_name(errno));
	if (!(flags & INODE_APPEND_FL))
		UNRESOLVED("FS_IOC_SETFLAGS succeeded but the file is not append-only "
			   "(attributes 0x%x)", (unsigned)flags);
	fd = reopen_object(&obj, O_RDWR | O_APPEND);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
			EACCES);
}
