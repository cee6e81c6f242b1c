/*
 * On Linux, anonymous memory asked for with both MAP_SHARED and
 * MAP_PRIVATE in flags is refused with EINVAL, on every kernel: before
 * 4.15 the pair was no type at all, and since then it is the value of
 * MAP_SHARED_VALIDATE, a type the kernel accepts for file mappings only
 * (do_mmap() knows just MAP_SHARED and MAP_PRIVATE when there is no
 * file).  So a program cannot get memory whose sharing it did not decide.
 * (Neither flag: anon/neither-shared-nor-private-einval and file-args/
 * no-sharing-flag-einval; the pair on a file, a shared mapping:
 * shared-file/validate-acts-as-shared.)  A kernel or libc that resolves
 * the pair to one of the two - the private bit tested first, say - and
 * maps, fails.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_ANONYMOUS memory with both MAP_SHARED and "
		     "MAP_PRIVATE in flags fails with EINVAL.",
	.spec      = "Linux mmap(2): ERRORS, EINVAL (flags contained none of "
		     "MAP_PRIVATE, MAP_SHARED, or MAP_SHARED_VALIDATE - a file "
		     "mapping type); POSIX.1-2024 mmap(): DESCRIPTION (either "
		     "MAP_SHARED or MAP_PRIVATE can be specified, but not both)",
	.profile   = "linux",
	.covers    = "L2",
);

static void run(void)
{
	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE,
			     MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
}
