/*
 * The new process image starts with its initialised static data as the
 * executable file says, whatever the old image stored there: the data
 * segment is a private mapping of the file, and the old image's stores to
 * it reached neither the file nor the new image.  The old image (the case's
 * own process) overwrites a large initialised array, and re-executes
 * itself; the new image checks every byte of the array against its
 * initialiser.  A kernel that writes the old image's private data pages
 * back to the executable, or lets the new image inherit them, fails.
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "In a new process image, an initialised static array holds "
		     "its initial values although the old image overwrote it.",
	.spec      = "ISO C (C17 6.7.9): objects with static storage duration are "
		     "initialised before program startup; POSIX.1-2024 exec: "
		     "DESCRIPTION (the new process image is constructed from the "
		     "file)",
	.profile   = "posix",
	.covers    = "F3",
	.no_fault  = "The kernel maps the new image's .data from the executable "
		     "before any preloaded code runs; no interposed libc call "
		     "takes part in building it.",
);

#define DATA_BYTES (128 * 1024)	/* several pages, whatever the page size */
#define INITIAL 0xa5

static unsigned char data[DATA_BYTES] = { [0 ... DATA_BYTES - 1] = INITIAL };

static void run(void)
{
	if (exec_stage()) {
		for (size_t i = 0; i < sizeof(data); i++)
			if (data[i] != INITIAL)
				FAIL("data[%zu] is %#x, expected its initial value %#x",
				     i, data[i], INITIAL);
		return;
	}
	memset(data, 0, sizeof(data));

	exec_self(NEW_IMAGE, "");
}
