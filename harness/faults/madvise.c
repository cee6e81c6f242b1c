/*
 * madvise.c - faults in what advice does to the pages.
 */
#include "config.h"

#include "internal.h"

/* dontneed-keeps-private-file: the advice is accepted and ignored where
 * dropping the pages is visible without looking at memory use: a private
 * file mapping, whose copies would give way to the object's bytes again. */
static int dontneed_keeps_private_file(void *addr, size_t len, int advice)
{
	const struct tracked *t = find_tracked((uintptr_t)addr);

	if (advice == MADV_DONTNEED && t && t->fd >= 0 && (t->flags & MAP_KIND) == MAP_PRIVATE)
		return 0;
	return real_madvise(addr, len, advice);
}
FAULT(DONTNEED_KEEPS_PRIVATE_FILE, .madvise = dontneed_keeps_private_file);
