/*
 * MADV_WIPEONFORK applies to private anonymous memory only; Linux refuses
 * it on a MAP_SHARED mapping with EINVAL (wiping memory shared with the
 * parent would wipe the parent's data).  Because EINVAL is also what a
 * kernel older than 4.14 returns for any use of the advice, the case first
 * advises a private anonymous mapping: if that fails on a kernel older
 * than 4.14 (uname), the kernel does not know the advice and the case is
 * UNSUPPORTED (on a newer kernel it fails, ADVISE()); only then is the refusal
 * on the shared mapping the rule at work.  A kernel that accepts the
 * advice on shared memory fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "madvise(MADV_WIPEONFORK) on a MAP_SHARED|MAP_ANONYMOUS "
		     "mapping fails with EINVAL.",
	.spec      = "Linux madvise(2): MADV_WIPEONFORK (applies only to private "
		     "anonymous pages); ERRORS, EINVAL (the range includes "
		     "MAP_SHARED ranges)",
	.profile   = "linux",
	.covers_part = "E12",
	.needs     = "madvise MADV_WIPEONFORK",
);

static void run(void)
{
	unsigned char *private_map = SAFE_MAP_PATTERN(NULL, page_size,
						      PROT_READ | PROT_WRITE,
						      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	unsigned char *shared_map = SAFE_MAP_PATTERN(NULL, page_size,
						     PROT_READ | PROT_WRITE,
						     MAP_SHARED | MAP_ANONYMOUS, NULL);

	ADVISE(private_map, page_size, MADV_WIPEONFORK);

	CHECK_FAILS(madvise(shared_map, page_size, MADV_WIPEONFORK), EINVAL);
}
