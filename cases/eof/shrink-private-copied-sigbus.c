/*
 * Even a page of a MAP_PRIVATE mapping that was already copied on write
 * is discarded when ftruncate() cuts the object before it: a later read
 * raises SIGBUS, although the private copy holds only the process's own
 * data.  POSIX makes no exception for private copies ("whole pages beyond
 * the new end were previously mapped ... shall be discarded"), and Linux
 * removes them on purpose (truncate_pagecache() unmaps private COW pages
 * too).  Fails under a kernel that keeps private copies alive past the
 * new end of the object, or raises SIGSEGV.  The si_code is recorded.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After ftruncate() shrinks a mapped object, a page of a "
		     "MAP_PRIVATE mapping past the new end that was already copied "
		     "on write raises SIGBUS when referenced.",
	.spec      = "POSIX.1-2024 ftruncate(): DESCRIPTION (whole pages beyond the "
		     "new end that were mapped are discarded, no exception for "
		     "private copies)",
	.profile   = "posix",
	.covers    = "B9",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(3 * page_size);
	unsigned char *map = SAFE_MMAP(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE, obj.fd, 0);

	fill_pattern(map + 2 * page_size, 2 * page_size, page_size, 1);
	SAFE_FTRUNCATE(obj.fd, (off_t)page_size);

	CHECK_READ_SIGNAL(map + 2 * page_size, SIGBUS);
}
