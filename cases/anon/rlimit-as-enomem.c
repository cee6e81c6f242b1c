/*
 * A mapping that would take the process's address space past RLIMIT_AS
 * fails with ENOMEM.  The case first maps and unmaps 256 MiB of anonymous
 * memory to show the request succeeds without the limit, then lowers the
 * soft RLIMIT_AS of its own process to 256 MiB and asks again: with the
 * process's existing mappings the total is now over the limit, so the
 * only thing that changed between the two calls is the limit.  A kernel
 * that ignores RLIMIT_AS for mmap() (counting only brk(), say) fails
 * with a mapping; one that reports the refusal with another errno fails
 * too.  The limit is set after every setup step, and only in this
 * process.
 */
#include "mmapcts.h"

#include <sys/resource.h>

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_ANONYMOUS memory that would exceed the soft "
		     "RLIMIT_AS fails with ENOMEM.",
	.spec      = "POSIX.1-2024 setrlimit(): RLIMIT_AS (if this limit is "
		     "exceeded, mmap() shall fail with errno set to [ENOMEM])",
	.profile   = "posix",
	.covers    = "A11",
);

static void run(void)
{
	size_t len = (size_t)256 << 20;
	struct rlimit rl;
	void *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	SAFE_MUNMAP(p, len);
	if (getrlimit(RLIMIT_AS, &rl) < 0)
		UNRESOLVED("getrlimit(RLIMIT_AS) failed: %s", errno_name(errno));
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < len)
		UNTESTED("the hard RLIMIT_AS is below %zu bytes already", len);
	rl.rlim_cur = len;
	if (setrlimit(RLIMIT_AS, &rl) < 0)
		UNRESOLVED("setrlimit(RLIMIT_AS, %zu) failed: %s", len, errno_name(errno));

	CHECK_MAP_FAILS(mmap(NULL, len, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
}
