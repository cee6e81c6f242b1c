/*
 * MAP_POPULATE asks Linux to fault the whole mapping in at mmap() time;
 * over a range longer than the object it still succeeds (population stops
 * at end-of-file, silently) and the pages past the end still raise SIGBUS
 * when referenced, while the object's pages show its bytes.  The object
 * is eof_size() bytes and the mapping four pages.  Fails under a kernel
 * whose prefault reports the SIGBUS of the pages past the end as an
 * mmap() error (EFAULT, ENOMEM, EIO), or that populates them with zero
 * pages so they no longer fault.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_POPULATE of a range longer than the object "
		     "succeeds, and the pages past its end still raise SIGBUS.",
	.spec      = "Linux mmap(2): MAP_POPULATE (prefault; read-ahead for a file "
		     "mapping), SIGBUS (access beyond the end of the file)",
	.profile   = "linux",
	.covers_part = "B8",
	.needs     = "MAP_POPULATE",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(eof_size());
	unsigned char *map = CHECK_MAP_OK(mmap(NULL, 4 * page_size, PROT_READ,
					       MAP_SHARED | MAP_POPULATE, obj.fd, 0));

	CHECK_PATTERN(map, 0, eof_size());
	CHECK_READ_FAULTS(map + 3 * page_size, SIGBUS, BUS_ADRERR);
}
