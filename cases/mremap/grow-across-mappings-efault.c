/*
 * mremap() that grows a range refuses an old range that is not one
 * mapping with EFAULT: two mappings of different protections, or a
 * mapping and a hole.  Three ways of asking (in place, MREMAP_MAYMOVE,
 * MREMAP_MAYMOVE|MREMAP_FIXED) for each layout; each leaves the old
 * mappings as they were.  With MREMAP_FIXED, whether the destination was
 * unmapped before the refusal (older kernels did so) is recorded as
 * fixed_efault_destination.  Catches a kernel that resizes only the first
 * mapping of the range, or that reports another error.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() growing an old range that spans two mappings, or a "
		     "mapping and a hole, fails with EFAULT and leaves the old "
		     "mappings as they were.",
	.spec      = "Linux mremap(2): ERRORS, EFAULT (\"some address in the range "
		     "old_address to old_address+old_size is an invalid virtual "
		     "memory address ... or those mappings are of different types\"); "
		     "DESCRIPTION (only a move or a shrink may span several mappings)",
	.profile   = "linux",
	.covers    = "J9",
	.needs     = "mremap MREMAP_MAYMOVE MREMAP_FIXED",
);

static const char *const layouts[] = { "mr", "m." };
static const struct {
	const char *how;
	int flags;
} ways[] = {
	{ "in place", 0 },
	{ "MREMAP_MAYMOVE", MREMAP_MAYMOVE },
	{ "MREMAP_MAYMOVE|MREMAP_FIXED", MREMAP_MAYMOVE | MREMAP_FIXED },
};

static void run(void)
{
	for (size_t l = 0; l < sizeof(layouts) / sizeof(layouts[0]); l++) {
		for (size_t w = 0; w < sizeof(ways) / sizeof(ways[0]); w++) {
			/* The destination first: reserved after the cut, it
			 * could take the layout's hole (bottom-up placement,
			 * as on User-Mode Linux, puts it there) and join the
			 * mapping before it. */
			unsigned char *dest = reserve(4 * page_size);
			unsigned char *base = lay_out_cut(layouts[l]);
			void *p;

			SAFE_MAP_ANON(dest, 4 * page_size, PROT_READ | PROT_WRITE,
				      MAP_PRIVATE | MAP_FIXED);
			fill_pattern(dest, 0, 4 * page_size, 1);
			p = mremap(base, 2 * page_size, 4 * page_size, ways[w].flags, dest);
			if (p != MAP_FAILED || errno != EFAULT)
				FAIL("layout \"%s\" grown %s: mremap() %s, expected EFAULT",
				     layouts[l], ways[w].how,
				     p == MAP_FAILED ? errno_name(errno) : "succeeded");
			CHECK_INTACT(base, 0, layouts[l][1] == 'r' ? 2 : 1);
			if (layouts[l][1] == '.')
				CHECK_UNMAPPED(base + page_size, page_size);
			if (ways[w].flags & MREMAP_FIXED)
				OBSERVE(l ? "fixed_efault_destination_hole"
					  : "fixed_efault_destination_split", "%s",
					probe_read(dest).sig ? "unmapped" : "kept");
			else
				CHECK_INTACT_SEED(dest, 0, 4, 1);
		}
	}
}
