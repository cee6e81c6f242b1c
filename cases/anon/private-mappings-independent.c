/*
 * Two private anonymous mappings are independent: stores to one never
 * appear in the other.  The two mappings are made one right after the
 * other with the same protection and flags, so a kernel is likely to
 * place them next to each other and merge them into one region (Linux
 * does); a kernel whose merge or page lookup confuses the two (the second
 * mapping's pages resolving to the first one's) fails.  The first mapping
 * is filled before the second exists, and the second is then filled too,
 * so sharing shows whichever way it happens: the second must start at
 * zero, and the first must keep its own bytes.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "Two MAP_PRIVATE|MAP_ANONYMOUS mappings are independent: a "
		     "store to one is not seen in the other.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (each call "
		     "maps a new anonymous memory object), MAP_PRIVATE",
	.profile   = "posix",
);

static unsigned char *map_private_anonymous(size_t len)
{
	return SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
}

static void run(void)
{
	CHECK_MAPPINGS_SEPARATE(map_private_anonymous, 4 * page_size);
}
