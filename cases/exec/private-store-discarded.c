/*
 * Stores made through a MAP_PRIVATE file mapping are discarded when
 * execve() removes the mapping: the new process image reads the object's
 * original bytes.  A child maps the object - the only process that does -
 * stores a pattern into every page and re-executes itself without
 * munmap(); the new image opens the object again and reads it.  A kernel
 * whose exec teardown writes private pages back to the object (as it
 * should for shared ones) fails: read() returns the child's bytes.  The
 * exec happens in a child so that the case's own process keeps the object,
 * and removes it at the end.
 */
#include "mmapcts.h"

#include <stdio.h>

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping made before execve() "
		     "are not in the object when the new process image reads it.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (memory mappings are "
		     "unmapped); munmap(): DESCRIPTION (modifications of a private "
		     "mapping being removed shall be discarded)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static size_t len;

static void in_new_image(const char *path)
{
	struct object obj = { .backing = variant() };
	unsigned char *buf = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd;

	snprintf(obj.path, sizeof(obj.path), "%s", path);
	fd = reopen_object(&obj, O_RDONLY);
	SAFE_PREAD(fd, buf, len, 0);

	CHECK_PATTERN(buf, 0, len);
}

static void child(void *arg)
{
	struct object *obj = arg;
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
				       obj->fd, 0);

	fill_pattern(map, 0, len, 1);
	exec_self("new-image", obj->path);
}

static void run(void)
{
	struct object obj;

	len = 4 * page_size;
	if (exec_stage()) {
		in_new_image(exec_arg());
		return;
	}
	obj = make_object(len);

	run_in_child(child, &obj);
}
