/*
 * The kernel honours page protections when a system call reads user
 * memory: write() from a buffer mapped PROT_NONE fails with EFAULT and
 * the file is unchanged.
 *
 * The buffer holds data (written before it was made PROT_NONE), so a
 * kernel that copied from the page through its own mapping without
 * checking the user's protection would find something to write; the
 * target is a regular file holding the pattern, written at offset 0.
 * Such a kernel writes the buffer's bytes into the file and fails on the
 * contents.  EFAULT is a Linux promise (POSIX leaves the detection of bad
 * addresses unreliable), hence the linux profile.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "write() from a buffer mapped PROT_NONE fails with EFAULT and "
		     "leaves the file unchanged.",
	.spec      = "Linux write(2): ERRORS: EFAULT (\"buf is outside your "
		     "accessible address space\"); Linux mprotect(2): DESCRIPTION",
	.profile   = "linux",
);

static void run(void)
{
	int fd = make_file("target", page_size);
	unsigned char *buf = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *file = scratch(page_size);
	struct stat st;

	memset(buf, 0x5a, page_size);
	SAFE_MPROTECT(buf, page_size, PROT_NONE);

	CHECK_FAILS(write(fd, buf, page_size), EFAULT);

	SAFE_FSTAT(fd, &st);
	CHECK_EQ(st.st_size, page_size);
	SAFE_PREAD(fd, file, page_size, 0);
	CHECK_PATTERN(file, 0, page_size);
}
