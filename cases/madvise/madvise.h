/*
 * madvise.h - what the madvise and mincore cases share: mappings laid out
 * page by page inside a reservation, fresh private anonymous memory in
 * small pages, memory holding the pattern, advice that must succeed, and a
 * guarded page.  The checks themselves are the library's.
 */
#ifndef MADVISE_H
#define MADVISE_H

#include "mmapcts.h"

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/*
 * Private anonymous read-write memory of npages pages, in small pages:
 * MADV_NOHUGEPAGE keeps a store from faulting in a larger folio that would
 * make its neighbours resident too.  A kernel without transparent huge
 * pages refuses that advice, and then has no larger pages to give.
 */
static inline unsigned char *small_pages_(const char *file, int line, size_t npages)
{
	unsigned char *p = SAFE_MAP_ANON(NULL, npages * page_size, PROT_READ | PROT_WRITE,
					 MAP_PRIVATE);

	(void)madvise(p, npages * page_size, MADV_NOHUGEPAGE);
	return p;
}
#define small_pages(npages) small_pages_(MMAPCTS_HERE, (npages))

/* npages pages of private anonymous memory holding the pattern, then
 * given prot (SAFE_MAP_PATTERN() writes it while writable). */
#define anon_pattern(npages, prot)                                             \
	((unsigned char *)SAFE_MAP_PATTERN(NULL, (npages) * page_size, (prot), \
					   MAP_PRIVATE | MAP_ANONYMOUS, NULL))

/* small_pages(), every page stored to (so resident). */
static inline unsigned char *stored_pages_(const char *file, int line, size_t npages)
{
	unsigned char *p = small_pages_(file, line, npages);

	memset(p, 1, npages * page_size);
	return p;
}
#define stored_pages(npages) stored_pages_(MMAPCTS_HERE, (npages))

/*
 * madvise(addr, len, advice) as the action under test: it must succeed.
 * EINVAL or ENOSYS, what a kernel without the advice answers, is
 * FEATURE_REFUSED (FAIL where the kernel is at least the release that added
 * it); any other error is a FAIL.
 */
static inline void advise_ok_(const char *file, int line, void *addr, size_t len,
			      int advice, const char *name)
{
	char what[64];

	if (madvise(addr, len, advice) == 0)
		return;
	snprintf(what, sizeof(what), "madvise(%s)", name);
	if (errno == EINVAL || errno == ENOSYS)
		feature_refused_(file, line, what, mmapcts_advice_since(name), errno);
	mmapcts_end_(VERDICT_FAIL, file, line, "%s of %zu bytes failed with %s, "
		     "expected success", what, len, errno_name(errno));
}
#define ADVISE_OK(addr, len, advice) advise_ok_(MMAPCTS_HERE, (addr), (len), (advice), #advice)

/* Three pages of anon_pattern(), the middle one made a guard with
 * MADV_GUARD_INSTALL (which must succeed: ADVISE_OK). */
static inline unsigned char *guard_middle_page_(const char *file, int line)
{
	unsigned char *p = anon_pattern(3, PROT_READ | PROT_WRITE);

	advise_ok_(file, line, p + page_size, page_size, MADV_GUARD_INSTALL,
		   "MADV_GUARD_INSTALL");
	return p;
}
#define guard_middle_page() guard_middle_page_(MMAPCTS_HERE)

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif
