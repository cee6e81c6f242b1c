/*
 * MAP_FIXED places the mapping at addr exactly, low in the address space
 * or high: the call returns addr, the pages there become the new mapping
 * (zero-filled, writable) and the reservation's pages around it stay as
 * they were.  The case makes three reservations - one hinted below 4 GiB
 * (an address that fits in 32 bits), one hinted at 1 TiB (where the
 * address space is larger than 32 bits), one where the system puts it -
 * and maps with MAP_FIXED one page in from the start of each.  Where a
 * hint is not honoured the row is skipped (observation "<row>=skipped");
 * if no row is left the case is UNTESTED.  A MAP_FIXED taken as a hint
 * (the range is reserved, so the kernel places it elsewhere) or an
 * address cut to 32 bits fails, naming the row.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_FIXED returns exactly addr, for addresses "
		     "below 4 GiB and above it, and maps the new memory there.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_FIXED (\"the value of pa "
		     "shall be addr, exactly\")",
	.profile   = "posix",
	.covers    = "K1",
);

#define GIB ((uint64_t)1 << 30)

static void run(void)
{
	const size_t npages = 4, len = npages * page_size;
	const struct {
		const char *row;
		uint64_t hint, low, high;	/* the reservation must lie in [low, high) */
	} rows[] = {
		{ "below_4gib", GIB, 0, 4 * GIB },
		{ "above_4gib", (uint64_t)1 << 40, 4 * GIB, UINT64_MAX },
		{ "system_chosen", 0, 0, UINT64_MAX },
	};
	int tested = 0;

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		unsigned char *r, *at, *p;

		if (rows[i].hint > UINTPTR_MAX) {	/* a 32-bit address space */
			OBSERVE(rows[i].row, "%s", "skipped");
			continue;
		}
		r = reserve_near((void *)(uintptr_t)rows[i].hint, len);
		if ((uint64_t)(uintptr_t)r < rows[i].low ||
		    (uint64_t)(uintptr_t)r + len > rows[i].high) {
			OBSERVE(rows[i].row, "%s", "skipped");
			continue;
		}
		at = r + page_size;
		p = mmap(at, 2 * page_size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		if (p == MAP_FAILED)
			FAIL("%s: mmap(MAP_FIXED) inside a reservation failed: %s",
			     rows[i].row, errno_name(errno));
		if (p != at)
			FAIL("%s: mmap(MAP_FIXED) returned another address than addr "
			     "(%s)", rows[i].row,
			     (uint64_t)(uintptr_t)p == ((uint64_t)(uintptr_t)at & 0xffffffffu)
			     ? "addr cut to 32 bits" : "not the one asked for");
		OBSERVE(rows[i].row, "%s", "tested");
		CHECK_ZERO(p, 2 * page_size);
		CHECK_PAGES_WRITABLE(p, 2, 2);
		CHECK_READ_FAULTS(r, SIGSEGV, SEGV_ACCERR);
		CHECK_READ_FAULTS(r + 3 * page_size, SIGSEGV, SEGV_ACCERR);
		tested++;
	}
	if (!tested)
		UNTESTED("no reservation landed where a row needs it (hints not honoured)");
}
