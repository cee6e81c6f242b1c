/*
 * mmap() of a range longer than the object succeeds: the object is
 * eof_size() bytes and eight pages are asked for, with MAP_SHARED and
 * PROT_READ|PROT_WRITE so that nothing else could refuse the call.  What
 * the pages past the end do when touched is the business of the
 * *-past-eof-sigbus cases; here only the call is checked, and that the
 * object's bytes are at the start.  Fails under an implementation that
 * refuses mappings beyond the current size (ENXIO, EINVAL or ENOMEM).
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a range extending past the end of the object "
		     "succeeds and maps the object's bytes at its start.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION ([off,off+len) need only be "
		     "possible, not current, offsets of the object)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(eof_size());
	unsigned char *map = CHECK_MAP_OK(mmap(NULL, 8 * page_size,
					       PROT_READ | PROT_WRITE, MAP_SHARED,
					       obj.fd, 0));

	CHECK_PATTERN(map, 0, eof_size());
}
