/*
 * Memory-deny-write-execute is part of the policy a new image is mapped
 * under: set in a process (prctl PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN,
 * Linux 6.3), it holds in the image that process executes - PR_GET_MDWE
 * reports it there, and mmap() of writable executable memory fails with
 * EACCES.  (Linux 6.6 added PR_MDWE_NO_INHERIT to opt out; without it the
 * flag is inherited.)  The flag is set in a child, which executes the
 * case again.  The prctl refused on 6.3 or later is FAIL, older
 * UNSUPPORTED.  Fails under a kernel that drops the flag at execve() (a
 * fresh mm without it) or an image whose mmap() lets the mapping
 * through.  The refusals themselves are protection/mdwe-refuses-exec-gain.
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "In an image executed by a process that set PR_SET_MDWE "
		     "PR_MDWE_REFUSE_EXEC_GAIN, PR_GET_MDWE reports the flag and "
		     "mmap() of writable executable memory fails with EACCES.",
	.spec      = "Linux prctl(2): PR_SET_MDWE (inherited on fork(2) and "
		     "preserved on execve(2) unless PR_MDWE_NO_INHERIT), PR_GET_MDWE; "
		     "Linux mmap(2): ERRORS, EACCES",
	.profile   = "linux",
	.covers    = "F3",
);

static void set_policy(void *arg)
{
	(void)arg;
	if (set_mdwe() < 0)
		FEATURE_REFUSED("PR_SET_MDWE", "6.3", errno);
}

static void run(void)
{
	if (exec_stage()) {
		CHECK_EQ(get_mdwe() & MDWE_REFUSE_EXEC_GAIN, MDWE_REFUSE_EXEC_GAIN);
		CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE | PROT_EXEC,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EACCES);
		return;
	}
	wait_child(exec_self_in_child(NEW_IMAGE, "", set_policy, NULL));
}
