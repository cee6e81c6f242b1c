/*
 * execve() removes the mappings of the old process image: where the old
 * image had anonymous memory, the new image finds nothing mapped, and a
 * read raises SIGSEGV with SEGV_MAPERR.  The old image maps a region,
 * stores a pattern into one page and re-executes itself with that page's
 * address; the new image probes it.  A kernel (or an exec emulated
 * in user space) that carries mappings over into the new image fails: the
 * read completes and returns the old bytes.
 *
 * The new image might map memory of its own at that address by chance.
 * The case tells that apart from the old mapping: the old page holds a
 * pattern, so memory there that does not read back as that pattern belongs
 * to the new image, and the case ends UNTESTED, naming it from
 * /proc/self/maps where the system has that file.  It is rare: with
 * address space randomisation the new image's few megabytes land anywhere
 * in a range of terabytes; without it the new image repeats the old one's
 * layout up to run(), and what it maps beyond that lands next to the old
 * region, at its top or its bottom as the allocator grows - so the probe
 * takes the middle page of a region of many (untouched, uncommitted) pages.
 */
#include "mmapcts.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

MMAPCTS_CASE(
	.assertion = "After execve() the address of an anonymous mapping of the "
		     "old process image is not mapped: reading it raises SIGSEGV "
		     "with si_code SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (memory mappings created in "
		     "the process are unmapped before the address space is rebuilt "
		     "for the new process image)",
	.profile   = "posix",
);

#define REGION_PAGES 256

static int holds_old_pattern(const unsigned char *page)
{
	for (size_t i = 0; i < page_size; i++)
		if (page[i] != pattern_byte_seed(i, 1))
			return 0;
	return 1;
}

static void in_new_image(void)
{
	unsigned char *page = exec_arg_addr();
	struct fault f = probe_read(page);
	char what[256];

	if (f.sig == 0 && holds_old_pattern(page))
		FAIL("the old image's page is still mapped, with its bytes, after execve()");
	if (f.sig != SIGSEGV || f.code != SEGV_MAPERR)
		UNTESTED("the new image has %s at the address (a read: %s, not the "
			 "old bytes); run the case again",
			 mapping_name(page, what, sizeof(what)),
			 f.sig ? si_code_name(f.sig, f.code) : "other bytes");

	CHECK_READ_FAULTS(page, SIGSEGV, SEGV_MAPERR);
}

static void run(void)
{
	unsigned char *region, *page;

	if (exec_stage()) {
		in_new_image();
		return;
	}
	region = SAFE_MMAP(NULL, REGION_PAGES * page_size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	page = region + REGION_PAGES / 2 * page_size;
	fill_pattern(page, 0, page_size, 1);

	exec_self_addr("new-image", page);
}
