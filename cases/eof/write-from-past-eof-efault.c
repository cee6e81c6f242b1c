/*
 * The kernel honours end-of-file when it reads user memory itself:
 * write() whose buffer is a mapped page wholly past the end of the object
 * fails with EFAULT, and no SIGBUS is delivered (the fault happened in
 * the kernel, on the system call's behalf).  The destination is a pipe
 * with room for the bytes, so the source buffer is the only thing that
 * can go wrong.  Fails under a kernel that copies zeros (or stale data)
 * from the page, or that signals the process instead of failing the call.
 * EFAULT is a Linux promise (POSIX leaves invalid buffers undefined).
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "write() from a mapped page wholly past the end of the object "
		     "fails with EFAULT and delivers no SIGBUS.",
	.spec      = "Linux write(2): ERRORS, EFAULT (buf outside the accessible "
		     "address space); Linux mmap(2): SIGBUS",
	.profile   = "linux",
	.covers    = "C9",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *page = page_past_eof(PROT_READ);
	int fds[2];

	SAFE_PIPE(fds);
	sigbus_count_start();

	CHECK_FAILS(write(fds[1], page, 16), EFAULT);
	CHECK_EQ(*sigbus_count(), 0);
}
