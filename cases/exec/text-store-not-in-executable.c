/*
 * A process image's program text is a private mapping of its executable:
 * a store to the text (after mprotect() has made it writable) changes the
 * process's copy only, and the executable file keeps its bytes.  The case
 * reads its own executable, makes the page holding a function it never
 * calls writable (and still executable, because the rest of the page may
 * be code that runs), changes the first byte of that function in memory,
 * reads the executable again, restores the byte, and compares the two
 * readings.  Only bytes that are never executed are changed, so the case
 * runs on normally whatever the kernel does.  A kernel that maps program
 * text shared, or writes private text pages back, fails: the second
 * reading shows the change (read() sees the page cache at once, no
 * writeback needed).  A system that refuses writable text makes the case
 * UNSUPPORTED only where set_prot() finds the W^X policy that does it
 * (memory-deny-write-execute, a seccomp filter, SELinux execmod, ...).
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "A store to a process's program text, made writable with "
		     "mprotect(), does not change the executable file.",
	.spec      = "Linux execve(2) and proc_pid_maps(5): the loaded program's "
		     "segments are private (copy-on-write) mappings of the "
		     "executable; POSIX.1-2024 mmap(): MAP_PRIVATE",
	.profile   = "linux",
	.covers_part = "B3",
	.no_fault  = "The program text is mapped by the kernel at exec, not by an "
		     "interposed mmap(); a fault that carried the store to the "
		     "file would have to rewrite the suite's own executable.",
);

/* Never called: the case changes its first byte in memory. */
__attribute__((noinline, used)) static int never_called(int x)
{
	return x * 7 + 3;
}

static unsigned char *read_executable(size_t *len)
{
	int fd = SAFE_OPEN(self_path(), O_RDONLY);
	struct stat st;
	unsigned char *buf;

	SAFE_FSTAT(fd, &st);
	*len = (size_t)st.st_size;
	buf = scratch(*len);
	SAFE_PREAD(fd, buf, *len, 0);
	SAFE_CLOSE(fd);
	return buf;
}

static void run(void)
{
	unsigned char *code = (unsigned char *)(uintptr_t)never_called;
	unsigned char *page = code - (uintptr_t)code % page_size;
	unsigned char original;
	unsigned char *before, *after;
	size_t len_before, len_after;

	before = read_executable(&len_before);
	set_prot(page, page_size, PROT_READ | PROT_WRITE | PROT_EXEC);
	original = *code;
	*(volatile unsigned char *)code = (unsigned char)~original;

	after = read_executable(&len_after);
	*(volatile unsigned char *)code = original;

	CHECK_EQ(len_after, len_before);
	CHECK_MEM_EQ(after, before, len_before);
}
