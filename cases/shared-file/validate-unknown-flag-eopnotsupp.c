/*
 * MAP_SHARED_VALIDATE checks every flag it is given: with a flag bit the
 * kernel does not know, mmap() fails with EOPNOTSUPP.  The bit used is
 * defined by no architecture (UNKNOWN_MAP_FLAG), and everything else in
 * the call is valid: the same call without it must succeed first, which
 * also tells a kernel older than 4.15 (MAP_SHARED_VALIDATE is an invalid
 * mapping type there: EINVAL) apart - UNSUPPORTED only where uname says
 * the kernel is older (FEATURE_REFUSED()); EINVAL from a newer kernel, or
 * an emulator on one, fails.  Fails under a kernel that validates nothing
 * (the mapping is made, as MAP_SHARED would) or refuses with another errno.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_SHARED_VALIDATE and an unknown flag bit fails "
		     "with EOPNOTSUPP.",
	.spec      = "Linux mmap(2): MAP_SHARED_VALIDATE (\"the kernel verifies all "
		     "passed flags are known and fails the mapping with the error "
		     "EOPNOTSUPP for unknown flags\"), since Linux 4.15",
	.profile   = "linux",
	.covers    = "L4",
	.needs     = "MAP_SHARED_VALIDATE",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	void *known = mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED_VALIDATE,
			   obj.fd, 0);

	if (known == MAP_FAILED && errno == EINVAL)
		FEATURE_REFUSED("mmap(MAP_SHARED_VALIDATE)", "4.15", errno);
	if (known == MAP_FAILED)
		UNRESOLVED("mmap(MAP_SHARED_VALIDATE) without unknown flags failed: %s",
			   errno_name(errno));

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE,
			     MAP_SHARED_VALIDATE | UNKNOWN_MAP_FLAG, obj.fd, 0),
			EOPNOTSUPP);
}
