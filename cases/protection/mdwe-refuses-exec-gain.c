/*
 * A process that set memory-deny-write-execute (prctl PR_SET_MDWE with
 * PR_MDWE_REFUSE_EXEC_GAIN, Linux 6.3) can no longer make memory both
 * writable and executable, nor make non-executable memory executable:
 * mmap(PROT_READ|PROT_WRITE|PROT_EXEC) fails with EACCES, and so do
 * mprotect() adding PROT_EXEC to a read-only mapping and turning a
 * read-write mapping into a read-execute one; PR_GET_MDWE reports the
 * flag.  A new read-execute mapping stays allowed (nothing is gained).
 * The flag cannot be cleared, so the case sets it in a child.  The prctl
 * refused on a kernel of 6.3 or later is FAIL (FEATURE_REFUSED), older
 * UNSUPPORTED.  Fails under a kernel or libc that lets either call
 * through, or makes the mapping without PROT_EXEC and reports success.
 * Noexec mounts are noexec-mmap-exec-eperm and
 * noexec-mprotect-exec-eacces.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN), mmap() of "
		     "writable executable memory and mprotect() making a mapping "
		     "executable fail with EACCES; a new read-execute mapping is made.",
	.spec      = "Linux prctl(2): PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN (new "
		     "mappings cannot be writable and executable, non-executable "
		     "mappings cannot become executable), PR_GET_MDWE; Linux mmap(2), "
		     "mprotect(2): ERRORS, EACCES",
	.profile   = "linux",
	.covers    = "H8",
);

static void refuse_exec_gain(void *arg)
{
	unsigned char *ro = SAFE_MAP_ANON(NULL, page_size, PROT_READ, MAP_PRIVATE);
	unsigned char *rw = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE,
					  MAP_PRIVATE);

	(void)arg;
	if (set_mdwe() < 0)
		FEATURE_REFUSED("PR_SET_MDWE", "6.3", errno);
	CHECK_EQ(get_mdwe() & MDWE_REFUSE_EXEC_GAIN, MDWE_REFUSE_EXEC_GAIN);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE | PROT_EXEC,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EACCES);
	CHECK_FAILS(mprotect(ro, page_size, PROT_READ | PROT_EXEC), EACCES);
	CHECK_FAILS(mprotect(rw, page_size, PROT_READ | PROT_EXEC), EACCES);
	CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ | PROT_EXEC,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
}

static void run(void)
{
	run_in_child(refuse_exec_gain, NULL);
}
