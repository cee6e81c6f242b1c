/*
 * mincore() of a range that is not wholly mapped fails with ENOMEM: a
 * hole, a mapped page followed by a hole, a hole followed by a mapped
 * page (layouts in a fresh reservation, 'm' mapped, '.' a hole), and a
 * length running far past the end of the address space from a mapped
 * page.  A mincore() that reports holes as "not resident" and succeeds, as
 * some BSDs do, fails with the row.
 */
#include "mincore.h"

MMAPCTS_CASE(
	.assertion = "On Linux, mincore() of a range with unmapped pages, or "
		     "reaching past the address space, fails with ENOMEM.",
	.spec      = "Linux mincore(2): ERRORS (ENOMEM: \"length is greater than "
		     "(TASK_SIZE - addr) ... or addr to addr + length contained "
		     "unmapped memory\")",
	.profile   = "linux",
	.covers    = "M17",
	.needs     = "mincore",
);

static const char *const layouts[] = { ".", "m.", ".m" };

static void run(void)
{
	unsigned char *vec = scratch(4);
	unsigned char *map = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE,
					   MAP_PRIVATE);

	for (size_t row = 0; row < sizeof(layouts) / sizeof(layouts[0]); row++) {
		const char *layout = layouts[row];
		unsigned char *base = lay_out(layout);
		char what[48];

		snprintf(what, sizeof(what), "mincore() of layout \"%s\"", layout);
		mmapcts_check_fails_(MMAPCTS_HERE, what,
				     mincore(base, strlen(layout) * page_size, vec) == -1,
				     (const int[]){ ENOMEM, 0 });
	}
	CHECK_FAILS(mincore(map, (SIZE_MAX / 2) & ~(page_size - 1), vec), ENOMEM);
}
