/*
 * exec detaches every System V shared memory segment: a process that
 * attached a segment and then exec'd no longer counts among its
 * attachments (shm_nattch drops to 0), while the segment itself remains.
 * It catches a system that carries attachments into the new image.
 */
#include "sysv.h"

MMAPCTS_CASE(
	.assertion = "After a process that attached a segment calls exec, the segment's "
		     "shm_nattch is 0 and the segment still exists.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (\"attached shared memory segments "
		     "shall be detached\")",
	.profile   = "posix",
	.covers    = "C13",
	.no_fault  = "the kernel's exec detaches the segments; no interposed call can "
		     "carry an attachment into the new image",
);

static void attach(void *arg)
{
	int id = (int)(intptr_t)arg;

	SHM_ATTACH(id);
	CHECK_EQ(SHM_NATTCH(id), 1);
}

static void run(void)
{
	char arg[32];
	int id;

	if (exec_stage()) {
		id = atoi(exec_arg());
		CHECK_EQ(SHM_NATTCH(id), 0);
		return;
	}
	id = SHM_SEGMENT(page_size);
	snprintf(arg, sizeof(arg), "%d", id);
	wait_child(exec_self_in_child("after", arg, attach, (void *)(intptr_t)id));
	CHECK_EQ(SHM_NATTCH(id), 0);
}
