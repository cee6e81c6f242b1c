/*
 * map.c - the one way a case makes a mapping of each backing (anonymous,
 * /dev/zero, regular file, POSIX shm, memfd), with arguments in mmap()'s
 * order; setup failures end UNRESOLVED at the case's own line.
 */
#include "mmapcts.h"
#include "internal.h"

#include <stdio.h>

void *safe_map_anon_(const char *file, int line, void *addr, size_t len, int prot,
		     int flags)
{
	return safe_mmap_(file, line, addr, len, prot, flags | MAP_ANONYMOUS, -1, 0);
}

int open_dev_zero_(const char *file, int line, int flags)
{
	int fd = open("/dev/zero", flags);

	if (fd < 0 && errno == ENOENT)
		mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "this system has no /dev/zero "
			     "(open: ENOENT)");
	if (fd < 0)
		mmapcts_end_(VERDICT_UNRESOLVED, file, line, "open(/dev/zero, %#o) failed: %s",
			     (unsigned)flags, errno_name(errno));
	return fd;
}

void *safe_map_dev_zero_(const char *file, int line, void *addr, size_t len, int prot,
			 int flags)
{
	/* Only a descriptor open for writing may back a writable shared mapping. */
	int fd = open_dev_zero_(file, line, O_RDWR);
	void *p = safe_mmap_(file, line, addr, len, prot, flags, fd, 0);

	safe_close_(file, line, fd);
	return p;
}

void *safe_map_object_(const char *file, int line, void *addr, size_t len, int prot,
		       int flags, const struct object *obj, off_t off)
{
	return safe_mmap_(file, line, addr, len, prot, flags, obj->fd, off);
}

void set_prot_(const char *file, int line, void *addr, size_t len, int prot)
{
	char buf[64], why[160];
	int err;

	if (mprotect(addr, len, prot) == 0)
		return;
	err = errno;
	prot_string(prot, buf, sizeof(buf));
	/* POSIX lets mprotect() refuse a combination the system does not
	 * support (ENOTSUP): absent by the standard's own word. */
	if ((prot & PROT_EXEC) && err == ENOTSUP)
		mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "mprotect(%s) is refused "
			     "with ENOTSUP: this system does not support the protection", buf);
	/* A security policy may refuse executable memory (EACCES, EPERM); the
	 * errno alone cannot tell that from a broken mprotect(): ask the policy. */
	if ((prot & PROT_EXEC) && (err == EACCES || err == EPERM)) {
		switch (mmapcts_exec_policy(why, sizeof(why))) {
		case 1:
			mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "mprotect(%s) is "
				     "refused here: %s, and %s", buf, errno_name(err), why);
		case 0:
			mmapcts_end_(VERDICT_FAIL, file, line, "mprotect(%s) fails with %s, "
				     "but no policy here refuses executable memory (%s)",
				     buf, errno_name(err), why);
		default:
			mmapcts_end_(VERDICT_UNTESTED, file, line, "mprotect(%s) fails with "
				     "%s, and whether a policy refuses executable memory here "
				     "cannot be told: %s", buf, errno_name(err), why);
		}
	}
	mmapcts_end_(VERDICT_UNRESOLVED, file, line, "mprotect(%zu bytes, %s) failed: %s",
		     len, buf, errno_name(err));
}

void *safe_map_pattern_(const char *file, int line, void *addr, size_t len, int prot,
			int flags, struct object *obj)
{
	const char *backing = (flags & MAP_ANONYMOUS) ? "anon" : mmapcts_backing();
	struct object made;
	unsigned char *map;

	memset(&made, 0, sizeof(made));
	made.fd = -1;
	made.backing = backing;
	if (!strcmp(backing, "anon") || !strcmp(backing, "dev-zero")) {
		/* Written while writable, so the pages exist and are dirty by the
		 * time they get the protection asked for. */
		int rw = PROT_READ | PROT_WRITE;

		map = !strcmp(backing, "anon")
		      ? safe_map_anon_(file, line, addr, len, rw, flags)
		      : safe_map_dev_zero_(file, line, addr, len, rw, flags);
		fill_pattern(map, 0, len, 0);
		if (prot != rw)
			set_prot_(file, line, map, len, prot);
	} else {
		made = make_object(len);
		map = safe_map_object_(file, line, addr, len, prot, flags, &made, 0);
	}
	if (obj)
		*obj = made;
	return map;
}
