/*
 * A store through a MAP_PRIVATE mapping does not reach pages of the object
 * loaned out before it: the mapping is read (so it shows the object's own
 * pages), its pages are loaned to a pipe with vmsplice() (the pipe now
 * holds those pages, not a copy, on Linux), and then every page is
 * overwritten through the mapping; the pipe must deliver the object's
 * bytes, and the object must still hold them.  Copy-on-write must give
 * the mapping a new page and leave the loaned one alone; a kernel that
 * writes into the object's page (a private fault that reuses a page
 * cache page because only one mapping maps it, not counting the pipe's
 * reference) fails here.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping made after its pages were "
		     "loaned to a pipe with vmsplice() reach neither the pipe's data nor "
		     "the object.",
	.spec      = "Linux mmap(2): MAP_PRIVATE (updates are not visible to other "
		     "processes mapping the same file, and are not carried through to "
		     "the underlying file); vmsplice(2)",
	.profile   = "linux",
	.covers_part = "B11",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	struct object obj = make_object(len);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj.fd, 0);
	unsigned char *piped = scratch(len);
	int fds[2];

	touch_pages(priv, len);
	SAFE_PIPE(fds);
	if (vmsplice_pages(fds[1], priv, len) != (ssize_t)len)
		UNRESOLVED("vmsplice() of %zu bytes failed: %s", len, errno_name(errno));

	fill_pattern(priv, 0, len, STORED);
	SAFE_READ(fds[0], piped, len);

	CHECK_PATTERN(piped, 0, len);
	CHECK_PATTERN(object_contents(&obj, len), 0, len);
}
