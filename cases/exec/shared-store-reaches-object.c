/*
 * Stores made through a MAP_SHARED mapping are in the mapped object once
 * execve() has removed the mapping: the new process image reads them back
 * with read().  A child maps the object - the only process that does - stores
 * a pattern into every page and re-executes itself without msync() or
 * munmap(), so exec's teardown drops the last reference to the dirty pages.
 * The new image opens the object again and reads it.  A kernel whose exec
 * discards dirty shared pages (treats them like private ones), or a mmap()
 * emulated in user space that writes back only at msync() or munmap(),
 * fails: read() returns the original bytes.  The exec happens in a child so
 * that the case's own process keeps the object, and removes it at the end.
 */
#include "mmapcts.h"

#include <stdio.h>

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_SHARED mapping made before execve() "
		     "are in the object when the new process image reads it.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (write references "
		     "change the underlying object); exec: DESCRIPTION (memory "
		     "mappings are unmapped)",
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

	CHECK_PATTERN_SEED(buf, 0, len, 1);
}

static void child(void *arg)
{
	struct object *obj = arg;
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
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
