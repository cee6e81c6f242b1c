/*
 * mprotect.c - faults in what mprotect() changes, where, and what it
 * refuses.  (Faults in what a protection means, in mmap() and mprotect()
 * alike: protection.c.)
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int mprotect_noop(void *addr, size_t len, int prot)
{
	return 0;
}
FAULT(MPROTECT_NOOP, .mprotect = mprotect_noop);

static int whole_mapping_mprotect(void *addr, size_t len, int prot)
{
	const struct tracked *t = find_tracked((uintptr_t)addr);

	if (t)
		return real_mprotect((void *)t->addr, t->len, prot);
	return real_mprotect(addr, len, prot);
}
FAULT(MPROTECT_WHOLE_MAPPING, .mprotect = whole_mapping_mprotect);

/* mprotect-hole-ok: the mapped pages change, the holes are passed over. */
static int hole_ok_mprotect(void *addr, size_t len, int prot)
{
	if (real_mprotect(addr, len, prot) == 0)
		return 0;
	if (errno != ENOMEM)
		return -1;
	for (size_t off = 0; off < len; off += pg)
		real_mprotect((char *)addr + off, pg, prot);
	return 0;
}
FAULT(MPROTECT_HOLE_OK, .mprotect = hole_ok_mprotect);

static int unaligned_ok_mprotect(void *addr, size_t len, int prot)
{
	size_t skew = (uintptr_t)addr % pg;

	return real_mprotect((char *)addr - skew, len + skew, prot);
}
FAULT(MPROTECT_UNALIGNED_OK, .mprotect = unaligned_ok_mprotect);

static int rdonly_shared_ok_mprotect(void *addr, size_t len, int prot)
{
	if (real_mprotect(addr, len, prot) < 0 && errno != EACCES)
		return -1;
	return 0;
}
FAULT(MPROTECT_RDONLY_SHARED_OK, .mprotect = rdonly_shared_ok_mprotect);

/* prot-none-discards: the pages go as if zapped: a private mapping is
 * back to zero (or to its file), shared memory is punched out. */
static void discard(uintptr_t a, size_t len)
{
	const struct tracked *t = find_tracked(a);

	if (!t)
		return;
	if ((t->flags & MAP_KIND) == MAP_PRIVATE) {
		real_madvise((void *)a, len, MADV_DONTNEED);
		return;
	}
#ifdef MADV_REMOVE
	if (real_madvise((void *)a, len, MADV_REMOVE) == 0)
		return;
#endif
	if (real_mprotect((void *)a, len, PROT_READ | PROT_WRITE) == 0)
		memset((void *)a, 0, len);
}

static int prot_none_discards_mprotect(void *addr, size_t len, int prot)
{
	if (!(prot & PROT_READ))
		discard((uintptr_t)addr, len);
	return real_mprotect(addr, len, prot);
}
FAULT(PROT_NONE_DISCARDS, .mprotect = prot_none_discards_mprotect);

/* stale-exec-page: what an executable page held when it stopped being
 * executable; instruction fetch sees it again when execute comes back. */
#define MAX_STALE 8
static struct {
	uintptr_t addr;
	size_t len;
	void *bytes;
} stale[MAX_STALE];
static int nstale;

static void remember_exec_bytes(uintptr_t a, size_t len)
{
	const struct tracked *t = find_tracked(a);
	void *copy;

	if (!t || !(t->prot & PROT_EXEC) || !(t->prot & PROT_READ) || nstale == MAX_STALE ||
	    len > 16 * pg || (copy = malloc(len)) == NULL)
		return;
	memcpy(copy, (void *)a, len);
	stale[nstale].addr = a;
	stale[nstale].len = len;
	stale[nstale].bytes = copy;
	nstale++;
}

static void bring_back_exec_bytes(uintptr_t a, size_t len, int prot)
{
	for (int i = 0; i < nstale; i++) {
		if (stale[i].addr != a || stale[i].len != len)
			continue;
		if (real_mprotect((void *)a, len, PROT_READ | PROT_WRITE) == 0) {
			memcpy((void *)a, stale[i].bytes, len);
			real_mprotect((void *)a, len, prot);
		}
		free(stale[i].bytes);
		stale[i--] = stale[--nstale];
	}
}

static int stale_exec_page_mprotect(void *addr, size_t len, int prot)
{
	int r;

	if (!(prot & PROT_EXEC))
		remember_exec_bytes((uintptr_t)addr, len);
	r = real_mprotect(addr, len, prot);
	if (r == 0 && (prot & PROT_EXEC))
		bring_back_exec_bytes((uintptr_t)addr, len, prot);
	return r;
}
FAULT(STALE_EXEC_PAGE, .mprotect = stale_exec_page_mprotect);
