/*
 * Each entry of the vector mincore() fills says whether its own page is
 * resident: of eight pages of fresh private anonymous memory (small pages,
 * so a store brings in one page only), the case stores to pages 1, 3, 4
 * and 6, and the low bit of exactly those entries must be set.  Pages
 * never touched have no page behind them on Linux, which faults memory in
 * on demand.  A mincore() that reports every page resident, or none, or
 * shifts the vector by a page, fails naming the first entry that is wrong.
 */
#include "mincore.h"

MMAPCTS_CASE(
	.assertion = "On Linux, mincore() sets the resident bit of exactly the "
		     "entries of the private anonymous pages that were stored to.",
	.spec      = "Linux mincore(2): DESCRIPTION (\"the least significant bit of "
		     "each byte will be set if the corresponding page is currently "
		     "resident in memory\")",
	.profile   = "linux",
	.covers    = "M16",
	.needs     = "mincore",
);

static void run(void)
{
	static const char touched[] = ".t.tt.t.";
	size_t npages = sizeof(touched) - 1;
	unsigned char *p = small_pages(npages);
	unsigned char *vec = scratch(npages);

	for (size_t i = 0; i < npages; i++)
		if (touched[i] == 't')
			p[i * page_size] = 1;
	CHECK_OK(mincore(p, npages * page_size, vec));

	for (size_t i = 0; i < npages; i++)
		if ((vec[i] & 1) != (touched[i] == 't'))
			FAIL("mincore() entry %zu (a page %s) has the resident bit %s, "
			     "stores went to pages \"%s\" ('t')", i,
			     touched[i] == 't' ? "stored to" : "never touched",
			     vec[i] & 1 ? "set" : "clear", touched);
}
