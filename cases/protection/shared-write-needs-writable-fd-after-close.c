/*
 * The access mode of the descriptor a MAP_SHARED mapping was made through
 * still counts after every descriptor of the object is closed: mprotect()
 * adding PROT_WRITE to the mapping fails with EACCES.
 *
 * The object is mapped PROT_READ through an O_RDONLY descriptor; then
 * both that descriptor and the object's read-write one are closed, so
 * the mapping is the process's only hold on the object.  A kernel that
 * checks write permission against the process's open descriptors (none
 * left to refuse it) instead of against the mapping's own open file lets
 * the upgrade through and fails.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect() adding PROT_WRITE to a MAP_SHARED mapping made "
		     "through an O_RDONLY descriptor fails with EACCES after all "
		     "descriptors of the object are closed.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (write permission is "
		     "needed \"regardless of whether the file descriptors used to map "
		     "the objects have since been closed\"); ERRORS, shall fail: "
		     "EACCES",
	.profile   = "posix",
	.covers    = "C4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int rdonly;
	unsigned char *map = map_through_rdonly_fd(&obj, MAP_SHARED, &rdonly);

	SAFE_CLOSE(rdonly);
	SAFE_CLOSE(obj.fd);

	CHECK_FAILS(mprotect(map, page_size, PROT_READ | PROT_WRITE), EACCES);
}
