/*
 * A MAP_LOCKED mapping is locked when mmap() returns: VmLck has grown by
 * its length and every page is resident, on anonymous memory and on the
 * shared mappings of a file, a shm object and a memfd.  Catches an mmap()
 * that ignores MAP_LOCKED (a libc or emulator that drops the flag, as
 * the BSDs, where it is undefined, do with unknown flags).
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_LOCKED returns a mapping already locked: the "
		     "locked memory of the process (VmLck) has grown by its length "
		     "and all its pages are resident.",
	.spec      = "Linux mmap(2): MAP_LOCKED; proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "M9",
	.needs     = "MAP_LOCKED mincore",
	.variants  = "anon file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	int anon = variant_is("anon");
	int fd = anon ? -1 : make_object(len).fd;
	int flags = anon ? MAP_PRIVATE | MAP_ANONYMOUS : MAP_SHARED;
	const char *why = memlock_refusal_reason(len);
	long before = locked_kb();
	void *map = mmap(NULL, len, PROT_READ | PROT_WRITE, flags | MAP_LOCKED, fd, 0);

	if (map == MAP_FAILED && why)
		UNSUPPORTED("mmap(MAP_LOCKED) of %zu bytes refused (%s): %s", len,
			    errno_name(errno), why);
	CHECK_MAP_OK(map);
	CHECK_EQ(locked_kb(), before + (long)(len / 1024));
	CHECK_EQ(resident_pages(map, len), len / page_size);
}
