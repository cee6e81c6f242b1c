/*
 * execve() maps the new image's stack as its PT_GNU_STACK program header
 * asks: the suite's executables are linked without an executable stack
 * (no PF_X in PT_GNU_STACK), so the new image's [stack] mapping is
 * readable and writable but not executable, as /proc/self/maps shows.
 * Checked in an image the case executes, with the executable's own
 * header read from the auxiliary vector first: an executable that does
 * ask for an executable stack (a toolchain that links one) is UNTESTED,
 * and so is a process whose personality has READ_IMPLIES_EXEC.  Fails
 * under a loader that ignores PT_GNU_STACK and makes every stack
 * executable (the old default for binaries without the header).
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "An image whose PT_GNU_STACK header lacks PF_X starts with a "
		     "stack mapping that is readable and writable, not executable.",
	.spec      = "Linux execve(2): the ELF loader; elf(5): PT_GNU_STACK (\"the "
		     "p_flags member specifies the permissions on the segment "
		     "containing the stack\"); proc_pid_maps(5)",
	.profile   = "linux",
	.covers    = "F3",
);

static void run(void)
{
	struct maps_iter it;
	struct maps_entry e;
	int found = 0;

	if (!exec_stage())
		exec_self(NEW_IMAGE, "");
	if (exec_stack_wanted() != 0)
		UNTESTED("this executable's PT_GNU_STACK asks for an executable stack "
			 "(or it has none), or the personality has READ_IMPLIES_EXEC");
	if (maps_open(&it) < 0)
		UNTESTED("no /proc/self/maps to read the stack's protection from");
	while (maps_next(&it, &e))
		if (!strcmp(e.name, "[stack]")) {
			found = 1;
			break;
		}
	maps_close(&it);
	if (!found)
		UNTESTED("no [stack] mapping in /proc/self/maps");

	CHECK_EQ(e.perms[0], 'r');
	CHECK_EQ(e.perms[1], 'w');
	CHECK_EQ(e.perms[2], '-');
}
