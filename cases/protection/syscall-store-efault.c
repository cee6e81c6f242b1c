/*
 * The kernel honours page protections when a system call stores into user
 * memory: read() into a buffer mapped PROT_READ fails with EFAULT instead
 * of writing the page.
 *
 * The source is a pipe holding one byte, so read() has data to store and
 * nothing else can go wrong.  A kernel that copies out through its own
 * writable view of the page without checking the user mapping (the trap
 * of CPUs that ignore write protection in supervisor mode) stores the
 * byte and fails here; the buffer is also checked to be unchanged.
 * EFAULT is a Linux promise (POSIX leaves the detection of bad addresses
 * unreliable), hence the linux profile.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "read() into a buffer mapped PROT_READ fails with EFAULT and "
		     "leaves the buffer unchanged.",
	.spec      = "Linux read(2): ERRORS: EFAULT (\"buf is outside your "
		     "accessible address space\"); Linux mprotect(2): DESCRIPTION",
	.profile   = "linux",
);

static void run(void)
{
	int fds[2];
	unsigned char *buf = SAFE_MMAP(NULL, page_size, PROT_READ,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	SAFE_PIPE(fds);
	if (write(fds[1], "x", 1) != 1)
		UNRESOLVED("write(pipe, 1) failed: %s", errno_name(errno));

	CHECK_FAILS(read(fds[0], buf, 1), EFAULT);
	CHECK_ZERO(buf, page_size);
}
