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

/* Does this process hold CAP_IPC_LOCK (bit 14 of CapEff in
 * /proc/self/status)?  0 where the system shows no capabilities. */
static int holds_cap_ipc_lock(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	unsigned long long eff = 0;
	char line[256];

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &eff) == 1)
			break;
	if (f)
		fclose(f);
	return (eff >> 14) & 1;
}

/* Leave root for nobody, if we are root: the kernel ignores the limit
 * for a process with CAP_IPC_LOCK.  UNTESTED where the process keeps the
 * capability without being root. */
static void drop_root(void)
{
	const struct passwd *pw;
	uid_t uid = 65534;
	gid_t gid = 65534;

	if (geteuid() == 0 && (pw = getpwnam("nobody")) != NULL) {
		uid = pw->pw_uid;
		gid = pw->pw_gid;
	}
	if (geteuid() == 0 && (setgid(gid) < 0 || setuid(uid) < 0))
		UNTESTED("cannot leave root for uid %ld (%s): a root process is not "
			 "held to RLIMIT_MEMLOCK", (long)uid, errno_name(errno));
	if (holds_cap_ipc_lock())
		UNTESTED("the process holds CAP_IPC_LOCK without being root: "
			 "RLIMIT_MEMLOCK does not bind it");
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
