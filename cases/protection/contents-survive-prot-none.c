/*
 * mprotect() changes access, never contents: data stored in anonymous
 * memory, private or shared, is still there after the pages went through
 * PROT_NONE and were made accessible again.
 *
 * There is no file to reload the data from.  Private pages are the
 * process's own; shared anonymous memory is an unnamed shared object
 * (shmem on Linux).  An implementation that freed or zeroed the pages
 * while they were inaccessible (treating PROT_NONE as a hint to discard,
 * like MADV_DONTNEED) gives zeroes and fails.  The variants private and
 * shared run the one body over both.  Two pages are used so a mix-up of
 * pages shows in the pattern too.  The round trip is
 * CHECK_SURVIVES_PROT_NONE() of protection.h, which
 * contents-survive-prot-none-object uses for object mappings.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "The contents of private and of shared anonymous mappings are "
		     "unchanged after mprotect(PROT_NONE) followed by "
		     "mprotect(PROT_READ | PROT_WRITE).",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (mprotect() changes the "
		     "access protections of the pages); mmap(): MAP_ANONYMOUS",
	.profile   = "posix",
	.covers    = "H1",
	.variants  = "private shared",
);

static void run(void)
{
	CHECK_SURVIVES_PROT_NONE(variant_map_type() | MAP_ANONYMOUS, -1);
}
