/*
 * Execute permission grants no write permission: a store to a page whose
 * protection is PROT_EXEC or PROT_READ | PROT_EXEC does not succeed, and
 * the page keeps its bytes.  (PROT_NONE and PROT_READ, the other
 * protections without PROT_WRITE, have cases of their own.)
 *
 * An implementation that maps executable pages read-write-execute (a
 * single "code" permission, as some MMUs offer) lets the store through and
 * fails.  POSIX names no signal for the refusal, so it is checked with
 * CHECK_WRITE_DENIED.  UNSUPPORTED if the system refuses the protection
 * with ENOTSUP, or a security policy refuses it (set_prot()).
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "A store to a page whose protection is PROT_EXEC or "
		     "PROT_READ | PROT_EXEC does not complete, and the page keeps "
		     "its contents.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"no implementation shall "
		     "permit a write to succeed where PROT_WRITE has not been set\")",
	.profile   = "posix",
	.covers_part = "A7",
);

static void run(void)
{
	static const int prots[] = { PROT_EXEC, PROT_READ | PROT_EXEC };
	char what[64], prot[32];

	for (size_t i = 0; i < sizeof(prots) / sizeof(prots[0]); i++) {
		unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, prots[i],
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

		snprintf(what, sizeof(what), "a page with %s",
			 prot_string(prots[i], prot, sizeof(prot)));
		mmapcts_check_denied_(MMAPCTS_HERE, what, "write", probe_write(map, 0x5a),
				      map);
		SAFE_MPROTECT(map, page_size, PROT_READ);
		CHECK_PATTERN(map, 0, page_size);
	}
}
