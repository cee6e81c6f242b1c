/*
 * mprotect() with a length of zero covers no page, so it changes no
 * protection: the page at addr stays writable, whether the call returns
 * 0 (Linux) or reports an error.  What the call returned is recorded as
 * zero_length.
 *
 * An implementation that rounded the empty range up to one page (treating
 * len 0 like len 1) makes the page read-only and fails.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect(addr, 0, PROT_READ) leaves the page at addr "
		     "writable.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"those whole pages "
		     "containing any part of the address space of the process "
		     "starting at address addr and continuing for len bytes\")",
	.profile   = "posix",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	if (mprotect(map, 0, PROT_READ) == 0)
		OBSERVE("zero_length", "0");
	else
		OBSERVE("zero_length", "%s", errno_name(errno));

	CHECK_WRITE_OK(map, 1);
}
