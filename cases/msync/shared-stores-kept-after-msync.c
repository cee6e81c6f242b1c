/*
 * msync() keeps what was stored through a MAP_SHARED mapping, whichever
 * valid flags it gets: after each of MS_SYNC, MS_ASYNC, MS_SYNC|
 * MS_INVALIDATE and MS_ASYNC|MS_INVALIDATE, the mapping still shows the
 * latest stores and read() of the object returns them.  Each round
 * stores a new pattern first, so a round that drops its stores shows the
 * previous round's bytes.  Fails under a system whose MS_INVALIDATE
 * throws away modified pages of a shared mapping instead of keeping them
 * (they are the object's data, not a stale copy), and under one whose
 * shared mappings are copies that msync() never writes back.
 *
 * No shm variant: POSIX leaves read() of a shared memory object unspecified.
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "After stores through a MAP_SHARED mapping and msync() with any "
		     "valid flags, the mapping and read() of the object both show "
		     "the stores.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"write references "
		     "shall change the underlying object\"); msync(): DESCRIPTION "
		     "(MS_INVALIDATE invalidates copies inconsistent with permanent "
		     "storage, after MS_SYNC or MS_ASYNC has written them)",
	.profile   = "posix",
	.covers_part = "I1 I7 I8",
	.variants  = "file memfd",
);

static const int flags[] = {
	MS_SYNC, MS_ASYNC, MS_SYNC | MS_INVALIDATE, MS_ASYNC | MS_INVALIDATE,
};

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, &obj);
	char name[64];

	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		unsigned seed = (unsigned)i + 1;

		fill_pattern(map, 0, len, seed);
		CHECK_OK(msync(map, len, flags[i]));
		if (memcmp(map, read_object(&obj, 0, len), len))
			FAIL("after msync(%s), read() does not return the bytes "
			     "stored through the mapping",
			     msync_flags_name(flags[i], name, sizeof(name)));
		CHECK_PATTERN_SEED(map, 0, len, seed);
	}
}
