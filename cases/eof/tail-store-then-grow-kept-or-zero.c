/*
 * Bytes stored through a live MAP_SHARED mapping into the tail of the last
 * page, past end-of-file, and the object then grown with ftruncate() over
 * them: the mapping and the object must agree on what the tail now holds,
 * and it must be wholly the stored bytes or wholly zero, never a mixture
 * or other bytes.  Which one is recorded ("tail_store_kept_after_grow"),
 * not asserted: Linux answers per filesystem - tmpfs (shm, memfd, and a
 * file on tmpfs) keeps the stores as the object's data, as gVisor does,
 * while ext4 on Linux 6.18 zeroes the tail when the file grows - and
 * POSIX wants zero only for data never written out
 * (tail-store-not-in-grown-object).  The bytes before the old end must
 * be untouched.  Fails under a kernel whose mapping and object part ways
 * after the grow (a copy that the grow did not update), or that fills
 * the tail with something else.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After stores to the tail past end-of-file through a live "
		     "MAP_SHARED mapping and ftruncate() growing the object over "
		     "them, the mapping and the object both hold wholly the stored "
		     "bytes or wholly zero there, and the old bytes before.",
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
	int kept = 1, zero = 1;

	SAFE_FTRUNCATE(obj.fd, (off_t)len);
	object = object_contents(&obj, len);

	for (size_t i = eof_size(); i < len; i++) {
		kept &= map[i] == pattern_byte_seed(i, 1);
		zero &= map[i] == 0;
	}
	if (!kept && !zero)
		FAIL("the tail past the old end holds neither the stored bytes nor "
		     "zero after the grow");
	OBSERVE("tail_store_kept_after_grow", "%s", kept ? "yes" : "no");
	CHECK_PATTERN(map, 0, eof_size());
	CHECK_MEM_EQ(object, map, len);
}
