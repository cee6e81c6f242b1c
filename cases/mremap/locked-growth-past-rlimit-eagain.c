/*
 * Growing a locked mapping counts against RLIMIT_MEMLOCK: for a process
 * without CAP_IPC_LOCK whose locked memory would then exceed the limit,
 * mremap() fails with EAGAIN and the mapping stays as it was, locked.  The
 * case runs in a child that sets the limit to the two pages it locks and
 * gives up root (setuid to nobody, which drops every capability).
 * Catches a kernel that grows a locked mapping without counting it (the
 * limit is a lie), or grows it unlocked instead of refusing.
 */
#include "mremap.h"

#include <pwd.h>
#include <sys/resource.h>

MMAPCTS_CASE(
	.assertion = "mremap() that would grow a locked mapping past RLIMIT_MEMLOCK "
		     "in a process without CAP_IPC_LOCK fails with EAGAIN and leaves "
		     "the mapping as it was.",
	.spec      = "Linux mremap(2): ERRORS, EAGAIN (\"the caller tried to expand a "
		     "memory segment that is locked, but this was not possible without "
		     "exceeding the RLIMIT_MEMLOCK resource limit\")",
	.profile   = "linux",
	.covers    = "J14",
	.needs     = "mremap MREMAP_MAYMOVE mlock",
);

/* Leave root for nobody, if we are root: the kernel ignores the limit
 * for a process with CAP_IPC_LOCK. */
static void drop_root(void)
{
	const struct passwd *pw;
	uid_t uid = 65534;
	gid_t gid = 65534;

	if (geteuid() != 0)
		return;
	if ((pw = getpwnam("nobody")) != NULL) {
		uid = pw->pw_uid;
		gid = pw->pw_gid;
	}
	if (setgid(gid) < 0 || setuid(uid) < 0)
		UNTESTED("cannot leave root for uid %ld (%s): a root process is not "
			 "held to RLIMIT_MEMLOCK", (long)uid, errno_name(errno));
}

static void child(void *arg)
{
	size_t len = 2 * page_size;
	struct rlimit rl = { len, len };
	unsigned char *map = map_with_room(2, 2, 2);
	long locked;

	(void)arg;
	if (setrlimit(RLIMIT_MEMLOCK, &rl) < 0)
		UNRESOLVED("setrlimit(RLIMIT_MEMLOCK, %zu) failed: %s", len,
			   errno_name(errno));
	drop_root();
	SAFE_MLOCK(map, len);
	locked = locked_kb();

	CHECK_MAP_FAILS(mremap(map, len, 2 * len, MREMAP_MAYMOVE), EAGAIN);
	CHECK_INTACT(map, 0, 2);
	CHECK_UNMAPPED(map + len, len);
	CHECK_EQ(locked_kb(), locked);
}

static void run(void)
{
	run_in_child(child, NULL);
}
