/*
 * Where mmap() passes the offset to the kernel as a 32-bit count of
 * 4096-byte units (the mmap2 system call of 32-bit Linux ABIs), an offset
 * of 1 << 44 or more cannot be expressed, and mmap() must fail with
 * EINVAL rather than truncate it and map another part of the file (glibc
 * bug 21270).  With a 64-bit off_t and a 64-bit ABI the same offset is an
 * ordinary one: the mapping of a one-page file at 1 << 44 is made, and
 * lies wholly past end-of-file, so a read of it raises SIGBUS rather
 * than show the file's first page.  The ABI decides which half is
 * asserted (this build: pointers of sizeof(void *) bytes).  Fails under
 * a libc or kernel that drops the high bits of the offset (the mapping
 * shows page 0), or refuses the offset on a 64-bit ABI.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a file at offset 1 << 44 fails with EINVAL on a "
		     "32-bit (mmap2) ABI, and on a 64-bit ABI maps a range past "
		     "end-of-file whose read raises SIGBUS.",
	.spec      = "Linux mmap(2): NOTES, C library/kernel differences (mmap2; "
		     "glibc returns EINVAL for an offset it cannot pass); ERRORS, "
		     "EINVAL; SIGBUS (beyond the end of the file)",
	.profile   = "linux",
	.covers    = "L8",
	.variants  = "file shm memfd",
);

static void run(void)
{
	uint64_t offset = (uint64_t)1 << 44;
	struct object obj = make_object(page_size);
	unsigned char *map;

	if (sizeof(off_t) < 8)
		UNTESTED("off_t has 32 bits in this build: 1 << 44 is no offset it "
			 "can pass");
	if (sizeof(void *) < 8) {
		CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ, MAP_SHARED, obj.fd,
				     (off_t)offset), EINVAL);
		return;
	}
	map = CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ, MAP_SHARED, obj.fd,
				(off_t)offset));

	CHECK_READ_FAULTS(map, SIGBUS, BUS_ADRERR);
}
