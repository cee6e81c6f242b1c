/*
 * tree.c - remove a directory tree.  Shared by the case library (its own
 * temp directory, when run by hand) and the runner (each case's directory).
 *
 * The tree is the work of a case, which may be hostile: it is walked
 * through directory descriptors (openat, O_NOFOLLOW: a symbolic link is
 * removed, never followed) and never across a mount point (another st_dev,
 * or on Linux another mount id: a bind mount of the same file system), so
 * that a directory mounted into it keeps its files.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE	/* statx() */
#endif
#include "tree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where an open directory lives: its device and, where known, its mount. */
struct place {
	dev_t dev;
	uint64_t mnt;
};

static int place_of(int fd, struct place *p)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	p->dev = st.st_dev;
	p->mnt = 0;
#if defined(__linux__) && defined(STATX_MNT_ID)
	struct statx sx;
	if (statx(fd, "", AT_EMPTY_PATH, STATX_MNT_ID, &sx) == 0 && (sx.stx_mask & STATX_MNT_ID))
		p->mnt = sx.stx_mnt_id;
#endif
	return 0;
}

/* Empty the directory open as fd (it is closed), staying on top's mount. */
static void empty_dir(int fd, const struct place *top)
{
	DIR *d = fdopendir(fd);
	struct dirent *e;

	if (!d) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (unlinkat(dirfd(d), e->d_name, 0) == 0 || (errno != EISDIR && errno != EPERM))
			continue;
		/* A directory (EISDIR on Linux, EPERM elsewhere): make it ours
		 * to open, and go in only if it is on the same mount. */
		fchmodat(dirfd(d), e->d_name, 0700, AT_SYMLINK_NOFOLLOW);
		int sub = openat(dirfd(d), e->d_name,
				 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		struct place here;
		if (sub < 0)
			continue;
		if (place_of(sub, &here) < 0 || here.dev != top->dev || here.mnt != top->mnt) {
			close(sub);	/* a mount point: not ours to empty */
			continue;
		}
		empty_dir(sub, top);
		unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR);
	}
	closedir(d);
}

int remove_tree(const char *path)
{
	struct stat st;
	struct place top;
	int fd;

	if (lstat(path, &st) < 0)
		return -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	chmod(path, 0700);	/* a case may have left a directory unwritable */
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	/* The directory itself may be a mount point (a case can mount over
	 * its own directory): then it is on another mount than its parent. */
	int up = openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct place parent;
	int crossed = up < 0 || place_of(up, &parent) < 0 || place_of(fd, &top) < 0 ||
		      parent.dev != top.dev || parent.mnt != top.mnt;
	if (up >= 0)
		close(up);
	if (crossed) {
		close(fd);
		errno = EBUSY;
		return -1;
	}
	empty_dir(fd, &top);
	return rmdir(path);
}
