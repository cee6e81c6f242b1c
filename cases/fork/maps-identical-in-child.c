/*
 * Linux shows a process's mappings in /proc/self/maps; right after fork()
 * the child's list is the parent's, line for line: every mapping at the
 * same addresses, with the same protections, sharing mode, offset and
 * backing.  This is the whole-address-space form of the POSIX rule that
 * mappings are retained, including the protections, which no probe of a
 * few pages could cover.  The parent adds one mapping of each kind
 * (private and shared, anonymous and file, and a read-only one) and reads
 * the list into a buffer it made beforehand; the child reads its own with
 * read() (no allocation, so no new mapping) and compares.  A fork that
 * drops, moves, merges or re-protects any mapping fails, naming the first
 * line that differs (without its addresses).  The stack may legitimately
 * grow downwards in the child, so the [stack] line is compared from its
 * end address on.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "Right after fork(), the child's /proc/self/maps lists the "
		     "same mappings as the parent's, with the same addresses, "
		     "protections, offsets and backing.",
	.spec      = "Linux proc_pid_maps(5); POSIX.1-2024 fork(): DESCRIPTION "
		     "(memory mappings created in the parent shall be retained in "
		     "the child process)",
	.profile   = "linux",
);

#define MAPS_MAX 65536

static char *parent_maps, *child_maps;

static void read_maps(char *buf)
{
	int fd = SAFE_OPEN("/proc/self/maps", O_RDONLY);
	size_t used = 0;
	ssize_t n;

	while ((n = read(fd, buf + used, MAPS_MAX - 1 - used)) > 0)
		used += (size_t)n;
	if (n < 0 || used == MAPS_MAX - 1)
		UNRESOLVED("reading /proc/self/maps failed or it is too long");
	buf[used] = '\0';
	SAFE_CLOSE(fd);
}

/* The line from its end address on where it is the stack, else all of it. */
static const char *comparable(const char *line)
{
	return strstr(line, "[stack]") ? strchr(line, '-') : line;
}

static void child(void *arg)
{
	char *p, *c, *p_end, *c_end;
	int line = 1;

	read_maps(child_maps);
	for (p = parent_maps, c = child_maps; *p || *c; p = p_end + 1, c = c_end + 1, line++) {
		p_end = strchr(p, '\n');
		c_end = strchr(c, '\n');
		if (!p_end || !c_end)
			FAIL("the child's list has %s lines than the parent's",
			     p_end ? "fewer" : "more");
		*p_end = *c_end = '\0';
		if (strcmp(comparable(p), comparable(c)))
			FAIL("line %d differs%s: the parent's '%s', the child's '%s'",
			     line, strcmp(strchr(p, ' '), strchr(c, ' ')) ? "" : " in its addresses",
			     strchr(p, ' ') + 1, strchr(c, ' ') + 1);
	}
}

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *ro;

	parent_maps = scratch(MAPS_MAX);
	child_maps = scratch(MAPS_MAX);
	touch_pages(child_maps, MAPS_MAX);
	SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 NULL);
	SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			 NULL);
	SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, NULL);
	SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, NULL);
	ro = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	SAFE_MPROTECT(ro, len, PROT_READ);

	read_maps(parent_maps);
	run_in_child(child, NULL);
}
