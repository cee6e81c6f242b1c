/*
 * memfd_secret() memory (Linux 5.14) maps and works for its owner - stores
 * read back - but is out of reach of the ways one process reads another's
 * memory: pread() of /proc/self/mem and process_vm_readv() fail, even
 * from the owner itself (Linux gives EIO and EFAULT; either is accepted for
 * either, the man page names neither).  It catches a kernel or libc
 * that falls back to an ordinary memfd.  Kernels may leave it out
 * (CONFIG_SECRETMEM) or off (secretmem.enable=0, on the command line or as
 * the distribution's default): ENOSYS is UNSUPPORTED only with that proof.
 */
#include "linux-layout.h"

MMAPCTS_CASE(
	.assertion = "memfd_secret() memory, mapped MAP_SHARED, reads back its stores, "
		     "and pread() of /proc/self/mem and process_vm_readv() of it fail "
		     "(EIO or EFAULT).",
	.spec      = "Linux memfd_secret(2): DESCRIPTION (\"the memory areas ... are "
		     "visible only to the processes that have access to the file "
		     "descriptor\"; removed from the kernel direct map)",
	.profile   = "linux",
	.covers    = "A12",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map, *buf = scratch(len);
	int fd;

#ifdef MMAPCTS_NO_MEMFD_SECRET
	UNSUPPORTED("%s", MMAPCTS_NO_MEMFD_SECRET);
#endif
	fd = sys_memfd_secret(0);

	if (fd < 0 && errno == ENOSYS) {
		const char *why = secretmem_disabled_reason();

		if (!kernel_at_least("5.14"))
			FEATURE_REFUSED("memfd_secret()", "5.14", ENOSYS);
		if (why)
			UNSUPPORTED("memfd_secret() fails with ENOSYS: %s", why);
		UNTESTED("memfd_secret() fails with ENOSYS on Linux 5.14 or later, and neither "
			 "/proc/cmdline, /sys/module/secretmem nor /boot/config-<release> "
			 "says it was left out or switched off");
	}
	if (fd < 0)
		FAIL("memfd_secret(0) failed with %s", errno_name(errno));
	SAFE_FTRUNCATE(fd, len);
	map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	fill_pattern(map, 0, len, 0);
	CHECK_PATTERN(map, 0, len);

	CHECK_FAILS(read_proc_self_mem(buf, map, len), EIO, EFAULT);
	CHECK_FAILS(read_vm_self(buf, map, len), EFAULT, EIO);
}
