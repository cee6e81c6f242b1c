/*
 * POSIX requires mmap() for regular files, shared memory objects and typed
 * memory only; for a directory, support is unspecified, but a refusal
 * must say ENODEV ("refers to a file whose type is not supported").  The
 * directory is the case's temp directory, opened O_RDONLY and mapped
 * PROT_READ, MAP_SHARED, so no other error condition applies; whether it
 * mapped is recorded (directory_mappable).  Fails under an implementation
 * that refuses with EACCES, EINVAL or EISDIR, none of which POSIX allows
 * for this.  (Linux says ENODEV.)
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a directory either maps it or fails with ENODEV.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (other file types: support "
		     "unspecified); ERRORS, [ENODEV] (type not supported)",
	.profile   = "posix",
	.covers_part = "C11",
);

static void run(void)
{
	int fd = SAFE_OPEN(".", O_RDONLY);

	CHECK_MAPS_OR_ENODEV(fd, "directory");
}
