/*
 * Linux ignores the fd argument of a MAP_ANONYMOUS mapping: given the
 * descriptor of an open file full of pattern bytes, mmap() still returns
 * zero-filled anonymous memory, not the file.  Portable code passes -1
 * (POSIX leaves any other value unspecified, and BSDs refuse it); what
 * this system did with the open descriptor is recorded (observation
 * "anon_with_open_fd": "accepted" or the errno).  A kernel that maps the
 * file (honours fd when MAP_ANONYMOUS is set) fails with the file's first
 * byte; one that refuses the call fails on the Linux promise.  Both
 * sharing types (variants private and shared): a shared anonymous
 * mapping is backed by an object of the kernel's own, which a kernel
 * could mistake the descriptor's file for.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "On Linux, mmap() with MAP_ANONYMOUS and the descriptor of "
		     "an open file succeeds with zero-filled memory: fd is "
		     "ignored.",
	.spec      = "Linux mmap(2): MAP_ANONYMOUS (the fd argument is ignored; "
		     "portable applications pass -1)",
	.profile   = "linux",
	.covers    = "L6",
	.variants  = "private shared",
);

static void run(void)
{
	size_t len = 2 * page_size;
	int fd = make_file("pattern", len);
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
				variant_map_type() | MAP_ANONYMOUS, fd, 0);
	int err = errno;

	OBSERVE("anon_with_open_fd", "%s", p == MAP_FAILED ? errno_name(err) : "accepted");

	if (p == MAP_FAILED)
		FAIL("mmap(MAP_ANONYMOUS) with an open file's fd failed: %s",
		     errno_name(err));
	CHECK_ZERO(p, len);
}
