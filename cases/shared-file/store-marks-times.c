/*
 * A store through a MAP_SHARED, PROT_WRITE mapping marks the file's
 * st_mtime and st_ctime for update by the time msync(MS_SYNC) returns.
 * Timestamps may be coarse, so the case does not wait for the clock: it
 * first sets st_mtime far into the past with futimens(), so an update
 * shows as a jump forward of years.  st_ctime cannot be set back (the
 * futimens() itself sets it to now), so it is checked to be no earlier
 * than the new st_mtime: both fields are marked together and set at the
 * same update.  Fails under a kernel that does not update the times for
 * stores through a mapping (old Linux did not: kernel bugzilla 2645),
 * and, whenever the clock has ticked between futimens() and the store,
 * under one that updates st_mtime alone.
 *
 * File only: the rule is about files; shm and memfd times are not covered.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After a store through a MAP_SHARED PROT_WRITE mapping and "
		     "msync(MS_SYNC), the file's st_mtime and st_ctime have been "
		     "updated.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (st_ctime and st_mtime "
		     "\"shall be marked for update\" between a write reference and "
		     "the next msync())",
	.profile   = "posix",
);

static intmax_t nanoseconds(struct timespec ts)
{
	return (intmax_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void run(void)
{
	struct object obj = make_object(page_size);
	const struct timespec past[2] = {
		{ .tv_sec = 0, .tv_nsec = UTIME_OMIT },	/* st_atime as it is */
		{ .tv_sec = 1000000000, .tv_nsec = 0 },	/* st_mtime in 2001 */
	};
	struct stat before, after;
	unsigned char *map;

	if (futimens(obj.fd, past) < 0)
		UNRESOLVED("futimens(st_mtime into the past) failed: %s",
			   errno_name(errno));
	SAFE_FSTAT(obj.fd, &before);
	map = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, obj.fd, 0);

	map[0] = (unsigned char)~map[0];
	SAFE_MSYNC(map, page_size, MS_SYNC);
	SAFE_FSTAT(obj.fd, &after);

	CHECK_GE(after.st_mtime, before.st_mtime + 1);
	CHECK_GE(nanoseconds(after.st_ctim), nanoseconds(after.st_mtim));
}
