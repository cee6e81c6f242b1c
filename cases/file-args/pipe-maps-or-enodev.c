/*
 * For a pipe, mmap() support is unspecified, but a refusal must say
 * ENODEV.  The read end is used (open for reading: the write end would
 * meet EACCES, "fildes is not open for read", a different condition) and
 * mapped PROT_READ, MAP_SHARED; whether it mapped is recorded
 * (pipe_mappable).  Fails under an implementation that refuses with
 * ESPIPE, EINVAL or EACCES.  (Linux says ENODEV.)
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of the read end of a pipe either maps it or fails "
		     "with ENODEV.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (other file types: support "
		     "unspecified); ERRORS, [ENODEV] (type not supported)",
	.profile   = "posix",
	.covers_part = "C11",
);

static void run(void)
{
	int fds[2];

	SAFE_PIPE(fds);

	CHECK_MAPS_OR_ENODEV(fds[0], "pipe");
}
