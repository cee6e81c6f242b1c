/*
 * A store through a MAP_PRIVATE mapping does not reach pages of the object
 * loaned out before it: the mapping is read (so it shows the object's own
 * pages), its pages are loaned with vmsplice() to two pipes (which then
 * hold those pages, not a copy, on Linux), the second pipe's are spliced
 * on into a socket (a Unix stream socket takes the pages themselves since
 * Linux 6.5), and then every page is overwritten through the mapping; the
 * pipe and the socket must deliver the object's bytes, and the object
 * must still hold them.  Copy-on-write must give
 * the mapping a new page and leave the loaned one alone; a kernel that
 * writes into the object's page (a private fault that reuses a page
 * cache page because only one mapping maps it, not counting the pipe's
 * reference) fails here.
 */
#include "mmapcts.h"
#include "cow.h"

#include <sys/socket.h>

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping made after its pages were "
		     "loaned to a pipe with vmsplice() and on to a socket with splice() "
		     "reach neither the pipe's nor the socket's data nor the object.",
	.spec      = "Linux mmap(2): MAP_PRIVATE (updates are not visible to other "
		     "processes mapping the same file, and are not carried through to "
		     "the underlying file); vmsplice(2); splice(2)",
	.profile   = "linux",
	.covers    = "B11",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size, half = len / 2;
	struct object obj = make_object(len);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj.fd, 0);
	unsigned char *got = scratch(len);
	int held[2], via[2], sock[2];

	touch_pages(priv, len);
	SAFE_PIPE(held);
	SAFE_PIPE(via);
	CHECK_EQ(vmsplice_pages(held[1], priv, half), (ssize_t)half);
	CHECK_EQ(vmsplice_pages(via[1], priv + half, half), (ssize_t)half);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sock) < 0)
		UNRESOLVED("socketpair(AF_UNIX, SOCK_STREAM) failed: %s", errno_name(errno));
	CHECK_EQ(splice_bytes(via[0], sock[0], half), (ssize_t)half);

	fill_pattern(priv, 0, len, STORED);
	SAFE_READ(held[0], got, half);
	SAFE_READ(sock[1], got + half, half);

	CHECK_PATTERN(got, 0, len);
	CHECK_PATTERN(object_contents(&obj, len), 0, len);
}
