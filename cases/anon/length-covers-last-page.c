/*
 * A length that is not a multiple of the page size maps the whole last
 * page: anonymous memory of 2 pages plus 1 byte gives 3 full pages, the
 * bytes past the length included, readable, writable and zero.  The case
 * reads every byte of the third page (the length covers only its first
 * byte), then stores into its last byte and reads the store back.  An
 * implementation that maps exactly len bytes - or takes the tail of the
 * page from a neighbouring allocation - fails with a fault or a non-zero
 * byte past the length.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A MAP_PRIVATE|MAP_ANONYMOUS mapping whose length is not a "
		     "page multiple includes the whole last page, readable, "
		     "writable and zero past the length.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (the system shall include, "
		     "in any mapping operation, any partial page specified by the "
		     "range starting at pa and continuing for len bytes)",
	.profile   = "posix",
	.covers_part = "A1",
);

static void run(void)
{
	unsigned char *p = SAFE_MMAP(NULL, 2 * page_size + 1, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *last = p + 3 * page_size - 1;

	CHECK_READ_OK(last);
	CHECK_ZERO(p + 2 * page_size, page_size);
	CHECK_WRITE_OK(last, 0x5a);
	CHECK_EQ(*last, 0x5a);
}
