/*
 * A range past the end of an object whose size can never change again
 * (a memfd sealed with F_SEAL_GROW and F_SEAL_SHRINK) is either mapped
 * (recorded: "past_sealed_end_mappable=yes"; its pages then raise SIGBUS)
 * or refused with ENXIO, the errno POSIX gives addresses "invalid for the
 * object".  Two calls: a range that starts past the end, and one that
 * runs over it.
 *
 * Why the row (L9) stays partly covered on Linux: POSIX asks only that
 * [off, off+len) be legitimate for the possible, not the current, offsets
 * of the object, so a regular file, a shm object or a memfd - each of
 * which could grow to any offset below the maximum (past that it is
 * EOVERFLOW, row L8) - never gives ENXIO; the objects with a fixed extent
 * POSIX has in mind are typed memory objects (posix_typed_mem_open()),
 * which neither Linux nor glibc provides.  Linux's own mmap() path
 * (do_mmap()) has no ENXIO and Linux mmap(2) lists none; a bounded object
 * is refused, if at all, by its driver's mmap handler, and the in-tree
 * ones with a fixed extent (PCI sysfs resource files, dma-buf, fbdev
 * through vm_iomap_memory(), /dev/mem past the physical range) say
 * EINVAL and need hardware and privilege.  Sealing fixes a memfd's size
 * but not the range it can be mapped over, so Linux maps both calls, as
 * it maps any range of a regular file, shm or memfd object.  What Linux
 * can be held to is this case's rule: a refusal, if any, must be ENXIO.
 * Fails under an implementation that checks the range against the fixed
 * size and reports EINVAL, ENOMEM or EOVERFLOW.
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
