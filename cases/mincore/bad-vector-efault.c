/*
 * mincore() with a vector the process cannot write fails with EFAULT: the
 * kernel checks the copy out, and the call neither succeeds nor kills the
 * caller.  The range is one mapped page; the vector is a hole in a fresh
 * reservation.  A mincore() emulated in user space, which stores to vec
 * itself, dies with SIGSEGV (CRASH); one that ignores the failed copy
 * returns 0 and fails at the call.
 */
#include "mincore.h"

MMAPCTS_CASE(
	.assertion = "On Linux, mincore() with a vector in unmapped memory fails "
		     "with EFAULT.",
	.spec      = "Linux mincore(2): ERRORS (EFAULT: \"vec points to an invalid "
		     "address\")",
	.profile   = "linux",
	.covers    = "M17",
	.needs     = "mincore",
);

static void run(void)
{
	unsigned char *p = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE,
					 MAP_PRIVATE);
	unsigned char *hole = lay_out(".");

	p[0] = 1;
	CHECK_FAILS(mincore(p, page_size, hole), EFAULT);
}
