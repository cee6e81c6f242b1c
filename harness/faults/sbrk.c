/*
 * sbrk.c - faults in the memory sbrk() adds to the heap.
 */
#include "config.h"

#include <string.h>

#include "internal.h"

static void *brk_not_zeroed_sbrk(intptr_t increment)
{
	void *p = real_sbrk(increment);

	if (p != (void *)-1 && increment > 0)
		memset(p, 0xa5, (size_t)increment);
	return p;
}
FAULT(BRK_NOT_ZEROED, .sbrk = brk_not_zeroed_sbrk);
