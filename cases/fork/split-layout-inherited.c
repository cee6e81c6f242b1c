/*
 * Linux lists each piece of a split mapping as its own line of
 * /proc/self/maps; after fork() the child's lines for the range are the
 * parent's: the same pieces, at the same places, with the same protection,
 * object offset and file.  The parent maps five pages of an object, makes
 * the second read-only and unmaps the fourth - a split by mprotect() and
 * one by munmap() - and records the layout; the child, right after the
 * fork, records its own and compares.  A fork that merges the pieces,
 * re-creates the hole, or loses an offset fails, printing both layouts
 * (in pages from the start of the range, without addresses).
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After fork(), the child's /proc/self/maps shows a mapping "
		     "split by a partial mprotect() and a partial munmap() in the "
		     "same pieces as the parent's.",
	.spec      = "Linux proc_pid_maps(5); POSIX.1-2024 fork(): DESCRIPTION "
		     "(memory mappings are retained in the child)",
	.profile   = "linux",
);

static char parent_layout[1024], child_layout[1024];

static void child(void *arg)
{
	range_layout(arg, 5 * page_size, child_layout, sizeof(child_layout));
	if (strcmp(child_layout, parent_layout))
		FAIL("the child's layout '%s' differs from the parent's '%s'",
		     child_layout, parent_layout);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 5 * page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	SAFE_MPROTECT(map + page_size, page_size, PROT_READ);
	SAFE_MUNMAP(map + 3 * page_size, page_size);
	range_layout(map, 5 * page_size, parent_layout, sizeof(parent_layout));

	run_in_child(child, map);
}
