/*
 * A MAP_SHARED_VALIDATE mapping with only known flags is a MAP_SHARED
 * mapping: a store through it changes the object, as a second, plain
 * MAP_SHARED mapping shows.  MAP_SHARED_VALIDATE is 3, MAP_SHARED|
 * MAP_PRIVATE, so an implementation that tests the private bit first
 * would make it private.  A kernel older than 4.15 refuses the type with
 * EINVAL: UNSUPPORTED, but only where uname says the kernel is older
 * (FEATURE_REFUSED()); a 4.15 or later kernel, or an emulator on one,
 * that refuses it fails.  Fails under a kernel that maps
 * MAP_SHARED_VALIDATE privately.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_SHARED_VALIDATE mapping change the "
		     "object, as through a MAP_SHARED one.",
	.spec      = "Linux mmap(2): MAP_SHARED_VALIDATE (\"the same behavior as "
		     "MAP_SHARED\" apart from flag validation), since Linux 4.15",
	.profile   = "linux",
	.covers_part = "L4",
	.needs     = "MAP_SHARED_VALIDATE",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *plain = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);
	unsigned char *validated = mmap(NULL, len, PROT_READ | PROT_WRITE,
					MAP_SHARED_VALIDATE, obj.fd, 0);

	if (validated == MAP_FAILED && errno == EINVAL)
		FEATURE_REFUSED("mmap(MAP_SHARED_VALIDATE)", "4.15", errno);
	if (validated == MAP_FAILED)
		UNRESOLVED("mmap(MAP_SHARED_VALIDATE) failed: %s", errno_name(errno));

	touch_pages(plain, len);
	fill_pattern(validated, 0, len, 1);

	CHECK_PATTERN_SEED(plain, 0, len, 1);
}
