/*
 * For a socket, mmap() support is unspecified, but a refusal must say
 * ENODEV.  The socket is one end of an AF_UNIX stream socketpair (open
 * for reading and writing), mapped PROT_READ, MAP_SHARED; whether it
 * mapped is recorded (socket_mappable).  AF_UNIX, because some socket
 * types legitimately support mmap() on Linux (TCP receive zero-copy,
 * packet rings); a Unix stream socket has nothing to map.  Fails on a
 * refusal with another errno (EINVAL, EOPNOTSUPP, EACCES).  (Linux says
 * ENODEV.)
 */
#include "file-args.h"

#include <sys/socket.h>

MMAPCTS_CASE(
	.assertion = "mmap() of an AF_UNIX stream socket either maps it or fails "
		     "with ENODEV.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (other file types: support "
		     "unspecified); ERRORS, [ENODEV] (type not supported)",
	.profile   = "posix",
	.covers_part = "C11",
);

static void run(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		UNRESOLVED("socketpair(AF_UNIX, SOCK_STREAM) failed: %s",
			   errno_name(errno));

	CHECK_MAPS_OR_ENODEV(sv[0], "socket");
}
