/*
 * ftruncate() that shrinks a mapped object discards the whole pages past
 * the new end: a later reference to them raises SIGBUS, through a
 * MAP_SHARED mapping and through a MAP_PRIVATE one that still shows the
 * object (read, never written), both made before the truncation.  Both
 * mappings are read in full first, so the pages are present when the
 * object shrinks.  Fails under a kernel that leaves the pages mapped
 * (stale data after the truncation), that unmaps them from shared
 * mappings only, or that raises SIGSEGV.  The si_code is recorded.
 * (shrink-private-copied-sigbus covers private pages already written.)
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After ftruncate() shrinks a mapped object, references to "
		     "whole pages past the new end through existing MAP_SHARED and "
		     "unwritten MAP_PRIVATE mappings raise SIGBUS.",
	.spec      = "POSIX.1-2024 ftruncate(): DESCRIPTION (whole pages beyond the "
		     "new end are discarded; references to them give SIGBUS)",
	.profile   = "posix",
	.covers    = "D5",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 3 * page_size;
	struct object obj = make_object(len);
	unsigned char *shared = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE, obj.fd, 0);

	touch_pages(shared, len);
	touch_pages(priv, len);
	SAFE_FTRUNCATE(obj.fd, (off_t)page_size);

	CHECK_READ_SIGNAL(shared + page_size, SIGBUS);
	CHECK_READ_SIGNAL(priv + 2 * page_size, SIGBUS);
}
