/*
 * A store through a MAP_PRIVATE mapping is not seen by another process
 * that maps the same object.  The child is forked before the parent maps
 * anything, so it inherits no mapping: it makes its own MAP_SHARED mapping
 * only after the parent has stored and posted, and that mapping shows the
 * object as it is.  Fails under a kernel that lets a private store land
 * in the object's own page (the page cache page instead of a copy), which
 * the other process then maps.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping are not visible to "
		     "another process that maps the same object afterwards.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE "
		     "(\"modifications to the mapped data by the calling process "
		     "shall be visible only to the calling process\")",
	.profile   = "posix",
	.covers_part = "B3",
	.variants  = "file shm memfd",
);

static struct object obj;
static struct sync stored;
static size_t len;

static void other_process(void *arg)
{
	unsigned char *map;

	sync_wait(&stored);
	map = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);
	CHECK_PATTERN(map, 0, len);
}

static void run(void)
{
	unsigned char *priv;
	pid_t pid;

	len = 2 * page_size;
	obj = make_object(len);
	sync_init(&stored);
	pid = start_child(other_process, NULL);

	priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, obj.fd, 0);
	fill_pattern(priv, 0, len, 1);
	sync_post(&stored);

	wait_child(pid);
}
