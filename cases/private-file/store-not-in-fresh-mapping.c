/*
 * A store through a MAP_PRIVATE mapping is not seen by a MAP_PRIVATE
 * mapping of the same object made afterwards in the same process.  The
 * new mapping is made after the store and is read-only, so it can only
 * show what the object holds.  Fails under a kernel or libc that keeps
 * private copies by object and offset and hands the copy of one mapping
 * to the next (a cache of copied pages), or that wrote the store into the
 * object's page.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping are not visible through "
		     "a MAP_PRIVATE mapping of the same object made afterwards.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (a new mapping maps the "
		     "memory object), MAP_PRIVATE (modifications \"shall not change "
		     "the underlying object\")",
	.profile   = "posix",
	.covers_part = "B3",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj.fd, 0);
	unsigned char *fresh;

	fill_pattern(priv, 0, len, 1);
	fresh = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE, obj.fd, 0);

	CHECK_PATTERN(fresh, 0, len);
}
