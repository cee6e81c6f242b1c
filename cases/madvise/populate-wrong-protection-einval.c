/*
 * MADV_POPULATE_READ and MADV_POPULATE_WRITE populate only as the
 * protection allows: populating for writing what is not writable, or for
 * reading what is not readable, fails with EINVAL.  Each row maps fresh
 * private anonymous memory with one protection and gives one advice; the
 * case first populates a read-write mapping both ways, so EINVAL cannot be
 * the kernel not knowing the advice.  A kernel that ignores the protection
 * (returns 0, as for a hint, or faults pages in that the process may not
 * access) fails with the row.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, MADV_POPULATE_WRITE of memory without PROT_WRITE "
		     "and MADV_POPULATE_READ of memory without PROT_READ fail with "
		     "EINVAL.",
	.spec      = "Linux madvise(2): MADV_POPULATE_READ, MADV_POPULATE_WRITE "
		     "(\"populate (prefault) page tables readable/writable, faulting-in "
		     "all pages ... as if reading/writing\"; EINVAL where that "
		     "access is not permitted)",
	.profile   = "linux",
	.covers    = "M5",
	.needs     = "madvise",
);

static const struct {
	int prot, advice;
	const char *what;
} rows[] = {
	{ PROT_READ, MADV_POPULATE_WRITE, "MADV_POPULATE_WRITE of PROT_READ memory" },
	{ PROT_WRITE, MADV_POPULATE_READ, "MADV_POPULATE_READ of PROT_WRITE memory" },
	{ PROT_NONE, MADV_POPULATE_READ, "MADV_POPULATE_READ of PROT_NONE memory" },
	{ PROT_NONE, MADV_POPULATE_WRITE, "MADV_POPULATE_WRITE of PROT_NONE memory" },
};

static void run(void)
{
	unsigned char *rw = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE,
					  MAP_PRIVATE);

	ADVISE_OK(rw, page_size, MADV_POPULATE_READ);
	ADVISE_OK(rw, page_size, MADV_POPULATE_WRITE);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		unsigned char *p = SAFE_MAP_ANON(NULL, page_size, rows[i].prot,
						 MAP_PRIVATE);

		mmapcts_check_fails_(MMAPCTS_HERE, rows[i].what,
				     madvise(p, page_size, rows[i].advice) == -1,
				     (const int[]){ EINVAL, 0 });
	}
}
