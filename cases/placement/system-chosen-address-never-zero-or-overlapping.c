/*
 * An address the system chooses (mmap() without MAP_FIXED and with addr
 * 0) is never 0 and never inside a mapping that exists: the new range
 * overlaps nothing the process has mapped.  The case keeps a filled
 * mapping and maps, in rounds, many small mappings of different lengths
 * (anonymous private and shared, and a file), each chosen by the system;
 * every result must be non-null and overlap neither the filled mapping
 * nor any earlier result still mapped.  Between rounds every other
 * mapping is removed, so later rounds choose among holes.  At the end the
 * filled mapping still holds its bytes.  A system that hands out address
 * 0 (a bottom-up search from 0 with no low limit), or a range still in
 * use (a stale free-area cache), fails.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with addr 0 and without MAP_FIXED never returns 0 "
		     "and never returns a range overlapping an existing mapping.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (\"When the implementation "
		     "selects a value for pa, it never places a mapping at address "
		     "0, nor does it replace any extant mapping\")",
	.profile   = "posix",
	.covers    = "K9",
);

#define NMAPS 24
#define ROUNDS 3

static void run(void)
{
	size_t keep_len = 8 * page_size;
	unsigned char *keep = SAFE_MMAP(NULL, keep_len, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct { unsigned char *p; size_t len; } maps[NMAPS] = { { NULL, 0 } };
	int fd = make_file("object", 4 * page_size);

	if (keep == NULL)
		FAIL("mmap() chose address 0 for the filled mapping");
	fill_pattern(keep, 0, keep_len, 1);
	for (int round = 0; round < ROUNDS; round++) {
		for (size_t i = 0; i < NMAPS; i++) {
			size_t len = (1 + (i + round) % 4) * page_size;
			int kind = i % 3 == 1 ? MAP_SHARED : MAP_PRIVATE;
			unsigned char *p;

			if (maps[i].p)
				continue;
			p = i % 3 == 2 ? mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0)
				       : mmap(NULL, len, PROT_READ | PROT_WRITE,
					      kind | MAP_ANONYMOUS, -1, 0);
			if (p == MAP_FAILED)
				UNRESOLVED("mmap(NULL, %zu pages) failed: %s",
					   len / page_size, errno_name(errno));
			if (p == NULL)
				FAIL("round %d, mapping %zu: mmap() chose address 0", round, i);
			if (ranges_meet(p, len, keep, keep_len))
				FAIL("round %d, mapping %zu: the range chosen overlaps the "
				     "filled mapping", round, i);
			for (size_t j = 0; j < NMAPS; j++)
				if (maps[j].p && ranges_meet(p, len, maps[j].p, maps[j].len))
					FAIL("round %d, mapping %zu: the range chosen "
					     "overlaps mapping %zu, still mapped", round, i, j);
			maps[i].p = p;
			maps[i].len = len;
		}
		for (size_t i = round % 2; i < NMAPS; i += 2) {
			SAFE_MUNMAP(maps[i].p, maps[i].len);
			maps[i].p = NULL;
		}
	}
	CHECK_PATTERN_SEED(keep, 0, keep_len, 1);
}
