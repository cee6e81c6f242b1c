/*
 * Bytes stored through a live MAP_SHARED mapping into the tail of the last
 * page, past end-of-file, and the object then grown with ftruncate() over
 * them: the mapping and the object must agree on what the tail now holds,
 * and each byte of it must be the byte stored there or zero, never other
 * bytes.  Which one is recorded ("tail_store_kept_after_grow": yes, no, or
 * partly), not asserted: Linux answers per filesystem and block size -
 * tmpfs (shm, memfd, and a file on tmpfs) keeps the stores as the object's
 * data, as gVisor does; ext4 on Linux 6.18 with 4 KiB blocks zeroes the
 * tail when the file grows; a filesystem whose blocks are smaller than the
 * page (ext4 with 1 KiB blocks, btrfs on 16 KiB pages) zeroes only to the
 * end of the block that held end-of-file and keeps the stores after it.
 * POSIX wants zero only for data never written out
 * (tail-store-not-in-grown-object).  The bytes before the old end must be
 * untouched.  Fails under a kernel whose mapping and object part ways after
 * the grow (a copy that the grow did not update), or that fills the tail
 * with something else.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After stores to the tail past end-of-file through a live "
		     "MAP_SHARED mapping and ftruncate() growing the object over "
		     "them, the mapping and the object agree, each byte there is the "
		     "stored byte or zero, and the old bytes before are untouched.",
	.spec      = "Linux mmap(2): BUGS (stores past end-of-file stay in the page "
		     "cache and may be seen); Linux truncate(2): DESCRIPTION; "
		     "POSIX.1-2024 ftruncate(): DESCRIPTION",
	.profile   = "linux",
	.covers    = "D7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map = shared_tail_stored(&obj);
	const unsigned char *object;
	size_t kept = 0;

	SAFE_FTRUNCATE(obj.fd, (off_t)len);
	object = object_contents(&obj, len);

	for (size_t i = eof_size(); i < len; i++) {
		int stored = map[i] == pattern_byte_seed(i, 1);

		if (!stored && map[i] != 0)
			FAIL("byte %zu of the tail past the old end holds %#x after the grow: "
			     "neither the byte stored there (%#x) nor zero", i - eof_size(),
			     map[i], pattern_byte_seed(i, 1));
		kept += stored;
	}
	OBSERVE("tail_store_kept_after_grow", "%s",
		kept == eof_tail() ? "yes" : kept == 0 ? "no" : "partly");
	CHECK_PATTERN(map, 0, eof_size());
	CHECK_MEM_EQ(object, map, len);
}
