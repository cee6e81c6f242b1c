/*
 * A store through a MAP_PRIVATE mapping is not seen through a MAP_SHARED
 * mapping of the same object in the same process.  The shared mapping
 * shows the object itself, so it is the closest observer there is: a
 * kernel that let the private store reach the object's page (wrote into
 * the page cache instead of copying, or copied after the store) fails
 * here even if it later hides the change from read().
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping are not visible through "
		     "a MAP_SHARED mapping of the same object in the same process.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE "
		     "(\"modifications to the mapped data ... shall not change the "
		     "underlying object\")",
	.profile   = "posix",
	.covers_part = "B11",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *shared = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj.fd, 0);

	fill_pattern(priv, 0, len, 1);

	CHECK_PATTERN(shared, 0, len);
}
