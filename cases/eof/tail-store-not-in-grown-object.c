/*
 * What is stored to the tail of the last page past end-of-file is never
 * written to the object: after the stores, msync(MS_SYNC) and munmap(),
 * the object is grown with ftruncate() over the old tail, and a fresh
 * mapping of the grown object reads zero there (the extended area "shall
 * appear as if it were zero-filled").  The fresh mapping, not read(),
 * looks at the bytes so that the rule can be checked on every backing.
 *
 * Fails under a kernel that writes the whole last page back, or keeps the
 * stored tail in its cache and lets it reappear as data when the object
 * grows.  Linux does the latter for tmpfs (the shm and memfd variants):
 * the stores stay in the page cache page and become the object's bytes
 * when it grows.  Linux mmap(2), BUGS, says so itself ("the data stays in
 * the page cache ... subsequent mappings may see the modified content ...
 * msync(2) ... doesn't work on tmpfs(5)"); those variants FAIL here (Linux
 * 6.18), the file variant (ext4) passes.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "Bytes stored through a MAP_SHARED mapping past end-of-file in "
		     "the last page do not become object data when the object is "
		     "later grown with ftruncate(): they read as zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (modifications beyond the end "
		     "are never written out); ftruncate(): DESCRIPTION (an extended "
		     "area reads as zero)",
	.profile   = "posix",
	.covers    = "D3",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj;
	unsigned char *map = shared_tail_stored(&obj);

	SAFE_MSYNC(map, 2 * page_size, MS_SYNC);
	SAFE_MUNMAP(map, 2 * page_size);
	SAFE_FTRUNCATE(obj.fd, (off_t)(2 * page_size));
	map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ, MAP_SHARED, obj.fd, 0);

	CHECK_PATTERN(map, 0, eof_size());
	CHECK_ZERO(map + eof_size(), eof_tail());
}
