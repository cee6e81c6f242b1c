/*
 * Linux accepts MAP_POPULATE on a file mapping whatever its protection
 * and sharing: PROT_READ and PROT_READ|PROT_WRITE, MAP_PRIVATE and
 * MAP_SHARED each map (the call is asserted), show the object's bytes,
 * and the writable ones take a store (of the byte already there, so the
 * object stays as it was for the next mapping).  The prefault is only an
 * optimisation, so nothing about residency is asserted.  A kernel whose
 * prefault of a writable private mapping breaks copy-on-write and fails
 * (ENOMEM), or that refuses the flag for one combination, fails on the
 * call.  A mapping that runs past a short object is
 * eof/populate-past-eof-maps.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_POPULATE of a file succeeds for PROT_READ and "
		     "PROT_READ|PROT_WRITE, MAP_PRIVATE and MAP_SHARED, and the "
		     "mapping shows the object and takes stores where writable.",
	.spec      = "Linux mmap(2): MAP_POPULATE (populate (prefault) page tables "
		     "for a mapping; for a file mapping, read-ahead on the file)",
	.profile   = "linux",
	.covers    = "B8",
	.needs     = "MAP_POPULATE",
	.variants  = "file shm memfd",
);

static const struct {
	int prot, flags;
	const char *name;
} kinds[] = {
	{ PROT_READ, MAP_PRIVATE, "PROT_READ, MAP_PRIVATE" },
	{ PROT_READ, MAP_SHARED, "PROT_READ, MAP_SHARED" },
	{ PROT_READ | PROT_WRITE, MAP_PRIVATE, "PROT_READ|PROT_WRITE, MAP_PRIVATE" },
	{ PROT_READ | PROT_WRITE, MAP_SHARED, "PROT_READ|PROT_WRITE, MAP_SHARED" },
};

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		unsigned char *map = mmap(NULL, len, kinds[i].prot,
					  kinds[i].flags | MAP_POPULATE, obj.fd, 0);

		if (map == MAP_FAILED)
			FAIL("mmap(%s, MAP_POPULATE) failed with %s, expected success",
			     kinds[i].name, errno_name(errno));
		CHECK_PATTERN(map, 0, len);
		if (kinds[i].prot & PROT_WRITE)
			CHECK_WRITE_OK(map + page_size, pattern_byte(page_size));
		SAFE_MUNMAP(map, len);
	}
}
