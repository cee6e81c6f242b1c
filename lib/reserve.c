/*
 * reserve.c - address space the case owns, so that MAP_FIXED never lands on
 * memory that belongs to the libc, the loader or the stack.
 */
#include "mmapcts.h"
#include "internal.h"

#define MAX_RESERVATIONS 32
static struct {
	uintptr_t start, end;
} reservations[MAX_RESERVATIONS];
static int nreservations;

void *reserve(size_t len)
{
	return reserve_near(NULL, len);
}

void *reserve_near(void *hint, size_t len)
{
	void *p;

	if (nreservations == MAX_RESERVATIONS)
		UNRESOLVED("reserve: more than %d reservations", MAX_RESERVATIONS);
	p = SAFE_MMAP(hint, len, PROT_NONE,
		      MAP_PRIVATE | MAP_ANONYMOUS | mmapcts_noreserve_flag(), -1, 0);
	reservations[nreservations].start = (uintptr_t)p;
	reservations[nreservations].end = (uintptr_t)p + len;
	nreservations++;
	return p;
}

int is_reserved(const void *addr, size_t len)
{
	uintptr_t start = (uintptr_t)addr, end = start + len;

	if (end < start)
		return 0;
	for (int i = 0; i < nreservations; i++)
		if (start >= reservations[i].start && end <= reservations[i].end)
			return 1;
	return 0;
}

unsigned char *lay_out_(const char *file, int line, const char *pages)
{
	size_t n = strlen(pages);
	unsigned char *base = reserve(n * page_size);

	for (size_t i = 0; i < n; i++) {
		unsigned char *p = base + i * page_size;

		if (pages[i] == 'm') {
			safe_mmap_(file, line, p, page_size, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
			fill_pattern(p, i * page_size, page_size, 0);
		} else {
			safe_munmap_(file, line, p, page_size);
		}
	}
	return base;
}
