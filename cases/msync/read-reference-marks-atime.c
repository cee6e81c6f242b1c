/*
 * A read reference through a file mapping marks the file's st_atime for
 * update, so fstat() afterwards shows it updated.  st_atime is first set
 * far into the past with futimens(), before the mapping is made, so the
 * update shows as a jump of years whatever the clock's granularity;
 * POSIX lets the mark come at any time from mmap() on, and the initial
 * reference must make it at the latest.  A filesystem that does not
 * update access times at all (a noatime mount) is told by pread(), which
 * marks st_atime too: if pread() leaves it unmarked, the case cannot
 * decide (UNTESTED).  Fails under a kernel that updates st_atime for
 * read() but never for references through a mapping.
 *
 * File only: the rule is about files; shm and memfd times are not covered.
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "After a read reference through a MAP_SHARED or MAP_PRIVATE "
		     "mapping of a file, the file's st_atime has been updated.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (\"The initial read or write "
		     "reference to a mapped region shall cause the file's st_atime "
		     "field to be marked for update\"); XBD 4.12 File Times Update "
		     "(marked fields are updated before fstat())",
	.profile   = "posix",
	.covers    = "C8",
	.variants  = "private shared",
);

static void run(void)
{
	static const struct timespec past[2] = {
		{ .tv_sec = 1000000000, .tv_nsec = 0 },	/* st_atime in 2001 */
		{ .tv_sec = 0, .tv_nsec = UTIME_OMIT },	/* st_mtime as it is */
	};
	struct object obj = make_object(page_size);
	unsigned char *map, byte;
	struct stat st;

	SAFE_FUTIMENS(obj.fd, past);
	SAFE_PREAD(obj.fd, &byte, 1, 0);
	SAFE_FSTAT(obj.fd, &st);
	if (st.st_atime <= past[0].tv_sec)
		UNTESTED("pread() does not update st_atime on this filesystem "
			 "either (mounted noatime?)");

	SAFE_FUTIMENS(obj.fd, past);
	SAFE_FSTAT(obj.fd, &st);
	if (st.st_atime != past[0].tv_sec)
		UNRESOLVED("futimens() did not set st_atime back");
	map = SAFE_MMAP(NULL, page_size, PROT_READ, variant_map_type(), obj.fd, 0);
	CHECK_READ_OK(map);
	SAFE_FSTAT(obj.fd, &st);

	CHECK_GE(st.st_atime, past[0].tv_sec + 1);
}
