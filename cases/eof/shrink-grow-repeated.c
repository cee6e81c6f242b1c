/*
 * Truncating a mapped object again and again is safe: 64 rounds of
 * ftruncate() down to the middle of the second page and back up to three
 * pages, with a MAP_SHARED mapping of all three pages in place, read and
 * written between the calls.  After every cut the bytes before the new
 * end are still the object's first bytes; after every grow the part past
 * the cut reads zero in the mapping, although the round before stored
 * into it.  Fails under a kernel that loses or corrupts the kept bytes
 * under repeated truncation, keeps a cut-off page alive across a later
 * round (stale data reappears), or stops honouring truncation after the
 * first time.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "In each of many rounds of ftruncate() of a mapped object down "
		     "into its second page and back up, the bytes before the cut "
		     "survive and the regrown part reads zero in a MAP_SHARED mapping.",
	.spec      = "POSIX.1-2024 ftruncate(): DESCRIPTION (data beyond the new end "
		     "is discarded; an extended area reads as zero); mmap(): "
		     "DESCRIPTION (references within the object)",
	.profile   = "posix",
	.covers    = "D9",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 3 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				       obj.fd, 0);

	for (unsigned round = 1; round <= 64; round++) {
		SAFE_FTRUNCATE(obj.fd, (off_t)eof_size());
		CHECK_PATTERN(map, 0, eof_size());
		SAFE_FTRUNCATE(obj.fd, (off_t)len);
		CHECK_ZERO(map + eof_size(), len - eof_size());
		fill_pattern(map + eof_size(), eof_size(), len - eof_size(), round);
	}
}
