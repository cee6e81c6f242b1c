/*
 * A mapping at offset off shows the object's bytes from off onwards.  The
 * object holds the pattern, which differs in every page and at every
 * position, so a mapping that ignored the offset (showing page 0), scaled
 * it wrongly (pages for bytes), or came up zero-filled shows wrong bytes.
 * The same object is also mapped at offset 0, so the offset is the one
 * thing that differs between the two mappings.  Fails under a kernel or
 * libc that drops off, or converts it wrongly on its way to the page
 * tables (bytes passed where the system call takes pages, or the reverse).
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A MAP_PRIVATE mapping of len bytes at a page-multiple offset "
		     "off shows the object's bytes off to off+len (and at offset 0, "
		     "its first bytes).",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (a mapping to the memory "
		     "object ... at offset off for len bytes)",
	.profile   = "posix",
	.covers    = "B1 B2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	off_t off = (off_t)(2 * page_size);
	struct object obj = make_object(len);
	unsigned char *whole = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE, obj.fd, 0);
	unsigned char *tail = SAFE_MMAP(NULL, 2 * page_size, PROT_READ, MAP_PRIVATE,
					obj.fd, off);

	CHECK_PATTERN(whole, 0, len);
	CHECK_PATTERN(tail, off, 2 * page_size);
}
