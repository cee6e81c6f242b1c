/*
 * Memory a new process image obtains by raising its program break (the
 * heap beyond .bss) reads as zero, whatever the old image stored at those
 * addresses.  The old image (the case's own process) raises its break,
 * fills the new memory with a pattern and re-executes itself; the new
 * image raises its break by the same amount and checks the new memory for
 * zero.  A kernel that gives the new heap recycled pages without clearing
 * them, or carries the old break area over, fails.  brk()/sbrk() were
 * removed from POSIX in 2001, hence a Linux-profile case; SUSv2 said
 * "Newly allocated space is set to zero".
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "Memory a new process image gets from sbrk() reads as zero "
		     "although the old image filled its heap with other bytes.",
	.spec      = "Linux brk(2) (increasing the program break allocates memory "
		     "to the process); SUSv2 brk(): DESCRIPTION (newly allocated "
		     "space is set to zero)",
	.profile   = "linux",
	.covers    = "F3",
);

static unsigned char *grow_heap(size_t len)
{
	void *p = sbrk((intptr_t)len);

	/* musl refuses every increment on purpose (its malloc owns the break):
	 * absent only where the kernel's own brk() shows the refusal is the
	 * libc's. */
	if (p == (void *)-1 && errno == ENOMEM && kernel_grows_break(len) == 1)
		UNSUPPORTED("sbrk(%zu) fails with ENOMEM though the kernel's brk() "
			    "grows the break by as much: this libc does not grow the "
			    "program break", len);
	if (p == (void *)-1)
		UNRESOLVED("sbrk(%zu) failed: %s", len, errno_name(errno));
	return p;
}

static void run(void)
{
	size_t len = 64 * page_size;
	unsigned char *heap = grow_heap(len);

	if (exec_stage()) {
		CHECK_ZERO(heap, len);
		return;
	}
	fill_pattern(heap, 0, len, STORED);

	exec_self(NEW_IMAGE, "");
}
