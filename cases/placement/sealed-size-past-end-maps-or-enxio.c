/*
 * A range past the end of an object whose size can never change again
 * (a memfd sealed with F_SEAL_GROW and F_SEAL_SHRINK) is either mapped
 * (recorded: "past_sealed_end_mappable=yes"; its pages then raise SIGBUS)
 * or refused with ENXIO, the errno POSIX gives addresses "invalid for the
 * object".  Two calls: a range that starts past the end, and one that
 * runs over it.  Linux maps both, as it maps any range of a regular file,
 * shm or memfd object (POSIX lets [off, off+len) be possible, not current,
 * offsets).  Linux has no object whose range mmap() refuses with ENXIO:
 * the devices with a bounded range (PCI resource files, dma-buf, frame
 * buffers) say EINVAL and need hardware and privilege, and POSIX typed
 * memory objects do not exist there.  So this is the part of the rule
 * Linux can be held to: a refusal, if any, must be ENXIO.  Fails under an
 * implementation that checks the range against the fixed size and reports
 * EINVAL, ENOMEM or EOVERFLOW.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a range past the end of a size-sealed memfd maps, "
		     "or fails with ENXIO.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [ENXIO] (addresses in the range "
		     "[off,off+len) are invalid for the object); Linux memfd_create(2): "
		     "F_SEAL_GROW, F_SEAL_SHRINK",
	.profile   = "linux",
	.needs     = "memfd_create F_SEAL_WRITE",
	.covers_part = "L9",
);

static void run(void)
{
	int fd = memfd_create("mmapcts-sized", MFD_ALLOW_SEALING);

	if (fd < 0)
		UNRESOLVED("memfd_create(MFD_ALLOW_SEALING) failed: %s", errno_name(errno));
	SAFE_FTRUNCATE(fd, (off_t)page_size);
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK) < 0)
		UNRESOLVED("fcntl(F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK) failed: %s",
			   errno_name(errno));

	CHECK_MAPS_OR_FAILS(mmap(NULL, 2 * page_size, PROT_READ, MAP_SHARED, fd,
				 (off_t)(2 * page_size)),
			    2 * page_size, "past_sealed_end_mappable", ENXIO);
	CHECK_MAPS_OR_FAILS(mmap(NULL, 3 * page_size, PROT_READ, MAP_SHARED, fd, 0),
			    3 * page_size, "over_sealed_end_mappable", ENXIO);
}
