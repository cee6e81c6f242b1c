/*
 * MAP_POPULATE on a writable MAP_PRIVATE file mapping gives a mapping whose
 * pages are mapped in when mmap() returns (its Rss in /proc/self/smaps), shows the object's bytes and keeps its stores
 * private.  Whether it also breaks copy-on-write in advance (Linux
 * prefaults a writable private mapping with write faults, so each page is
 * already the process's own copy and a later change to the object through
 * a MAP_SHARED mapping and msync() is not seen) is observed as
 * "populate_copies_in_advance" (smaps counts every page Anonymous) and
 * "later_change_seen": mmap(2) promises only that the page tables
 * are populated, and POSIX leaves unspecified whether a private mapping
 * sees later changes to the object in pages it has not written.  A system
 * that does not populate (a page not mapped in after mmap() returns), or
 * whose prefault writes into the object's pages, fails here.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "A MAP_PRIVATE|MAP_POPULATE read-write mapping of an object has "
		     "every page mapped in when mmap() returns, shows the object's bytes, and its "
		     "stores do not reach the object.",
	.spec      = "Linux mmap(2): MAP_POPULATE (since 2.5.46; with private "
		     "mappings since 2.6.23: populate (prefault) page tables); "
		     "MAP_PRIVATE",
	.profile   = "linux",
	.covers_part = "B7",
	.variants  = "file shm memfd",
	.needs     = "MAP_POPULATE",
);

static void run(void)
{
	size_t len = 4 * page_size;
	struct object obj = make_object(len);
	unsigned char *shared = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
					  obj.fd, 0);
	unsigned char *priv = CHECK_MAP_OK(mmap(NULL, len, PROT_READ | PROT_WRITE,
						MAP_PRIVATE | MAP_POPULATE, obj.fd, 0));

	CHECK_EQ(smaps_kb(priv, "Rss") * 1024, len);
	OBSERVE("populate_copies_in_advance", "%s",
		smaps_kb(priv, "Anonymous") * 1024 == len ? "yes" : "no");
	CHECK_PATTERN(priv, 0, len);

	fill_pattern(shared, 0, page_size, STORED);
	SAFE_MSYNC(shared, page_size, MS_SYNC);
	OBSERVE("later_change_seen", "%s", priv[0] == pattern_byte(0) ? "no" : "yes");

	fill_pattern(priv + page_size, page_size, len - page_size, STORED + 1);
	CHECK_PATTERN(shared + page_size, page_size, len - page_size);
}
