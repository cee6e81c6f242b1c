/*
 * The new process image starts with its uninitialised static data (.bss)
 * all zero, whatever the old image left in memory: the loader must give
 * the new image demand-zero pages for it.  The old image
 * (the case's own process) fills a large .bss array with a pattern, so
 * that the physical pages it frees at the exec hold known non-zero bytes,
 * and re-executes itself; the new image checks the same array, before
 * anything writes it, for zero.  A kernel that hands the new image
 * recycled pages without clearing them, or maps .bss from the file
 * without zeroing it, fails.
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "In a new process image, an uninitialised static array "
		     "reads as zero although the old image filled it.",
	.spec      = "ISO C (C17 6.7.9): objects with static storage duration and "
		     "no initializer are initialised to zero; POSIX.1-2024 exec: "
		     "DESCRIPTION (the new process image is constructed from a "
		     "regular, executable file)",
	.profile   = "posix",
	.covers    = "F3",
	.no_fault  = "The kernel's ELF loader gives the new image its .bss as "
		     "demand-zero pages before any preloaded code runs; no "
		     "interposed libc call takes part in building it.",
);

/* Larger than any page size in use, so it spans several pages. */
static unsigned char bss[128 * 1024];

static void run(void)
{
	if (exec_stage()) {
		CHECK_ZERO(bss, sizeof(bss));
		return;
	}
	fill_pattern(bss, 0, sizeof(bss), STORED);

	exec_self(NEW_IMAGE, "");
}
