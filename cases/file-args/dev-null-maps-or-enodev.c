/*
 * For a character special file, mmap() support is unspecified, but a
 * refusal must name the reason POSIX gives: ENODEV (the file's type is
 * not supported) or, for a device whose type is supported but which has
 * nothing to map at those offsets, ENXIO ("Addresses in the range
 * [off,off+len) are invalid for the object").  /dev/null (one of the few
 * device files POSIX itself requires) is opened O_RDONLY and mapped
 * PROT_READ, MAP_SHARED; whether it mapped is recorded (dev_null_mappable).
 * Fails on a refusal with another errno (EINVAL, EACCES, EPERM).  (Linux
 * says ENODEV: /dev/null has no mmap operation.)
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of /dev/null either maps it or fails with ENODEV or "
		     "ENXIO.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (other file types: support "
		     "unspecified); ERRORS, [ENODEV], [ENXIO]; XBD 10.1 (/dev/null)",
	.profile   = "posix",
	.covers_part = "C11",
);

static void run(void)
{
	int fd = SAFE_OPEN("/dev/null", O_RDONLY);

	CHECK_MAPS_OR_FAILS(mmap(NULL, page_size, PROT_READ, MAP_SHARED, fd, 0),
			    page_size, "dev_null_mappable", ENODEV, ENXIO);
}
