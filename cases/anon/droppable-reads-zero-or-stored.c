/*
 * A MAP_DROPPABLE mapping (Linux 6.11) is accepted, reads zero when new,
 * and afterwards each page holds either what was stored in it or zeroes
 * (the kernel may drop its pages under memory pressure, never garble
 * them).  The pages dropped are recorded.  It catches a kernel or emulator
 * that refuses the flag though it has it, and one whose droppable pages
 * come back stale.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap(MAP_DROPPABLE | MAP_ANONYMOUS) succeeds on Linux 6.11 or "
		     "later; the mapping reads zero, and after stores each page reads "
		     "either the stored bytes or zeroes.",
	.spec      = "Linux mmap(2): MAP_DROPPABLE (since Linux 6.11)",
	.profile   = "linux",
	.covers    = "A12",
);

static void run(void)
{
	size_t npages = 8, len = npages * page_size, dropped = 0;
	unsigned char *map;

	if (!MAP_DROPPABLE)
		UNSUPPORTED("MAP_DROPPABLE is a Linux flag; this system has none");
	map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_DROPPABLE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED && (errno == EINVAL || errno == EOPNOTSUPP))
		FEATURE_REFUSED("MAP_DROPPABLE", "6.11", errno);
	CHECK_MAP_OK(map);
	CHECK_ZERO(map, len);
	fill_pattern(map, 0, len, 0);
	for (size_t i = 0; i < npages; i++) {
		unsigned char *page = map + i * page_size;

		if (page[0] == 0) {
			dropped++;
			CHECK_ZERO(page, page_size);
		} else {
			CHECK_PATTERN(page, i * page_size, page_size);
		}
	}
	OBSERVE("dropped_pages", "%zu", dropped);
}
