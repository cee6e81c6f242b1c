/*
 * An execve() that fails returns to the calling process image, and that
 * image is whole: its mappings are still there with their bytes.  The
 * case maps memory of each kind (private and shared, anonymous and
 * object), stores a pattern into all of it, and execs a file that has
 * execute permission but is no program (its bytes are the pattern
 * file's, neither an ELF header nor "#!"), which the kernel can only
 * reject once it has opened the file, read its header and set up the new
 * image's argument pages - well into the exec.  The call must fail
 * (ENOEXEC here; the errno is recorded); then every mapping is probed and
 * read.  A kernel that tears down the old address space before it knows
 * the new image can be loaded fails, naming the mapping (or, if the
 * process cannot come back at all, it dies, which the runner reports as
 * a crash).
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "When execve() fails, the calling process image keeps its "
		     "private and shared mappings with their contents.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (if one of the exec functions "
		     "returns to the calling process image, an error has "
		     "occurred); RETURN VALUE, ERRORS (ENOEXEC)",
	.profile   = "posix",
);

extern char **environ;

static void run(void)
{
	char *argv[] = { "not-a-program", NULL };
	size_t len = 4 * page_size;
	unsigned char *maps[KINDS];
	int fd = make_file("not-a-program", page_size);

	if (fchmod(fd, 0700))
		UNRESOLVED("fchmod(0700) failed: %s", errno_name(errno));
	SAFE_CLOSE(fd);
	map_each_kind(maps, len);

	execve("./not-a-program", argv, environ);
	OBSERVE("failed_exec_errno", "%s", errno_name(errno));

	check_each_kind_intact(maps, len);
}
