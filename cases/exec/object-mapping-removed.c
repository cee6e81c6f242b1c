/*
 * execve() removes the old process image's mappings of objects, private
 * and shared: at their addresses the new image finds nothing mapped,
 * although the object lives on (the case's process holds it, and the
 * descriptor stays open across the exec, so an exec that kept mappings
 * whose object is still referenced would be tempted).  The old image (a
 * child of the case's process) maps the object's first page once
 * privately and once shared, stores a pattern through both and
 * re-executes itself; the new image probes both addresses, which must
 * raise SIGSEGV with SEGV_MAPERR.  A kernel that keeps either mapping
 * fails, naming it: the read completes with the stored bytes.  Should the
 * new image have mapped something of its own at one of the addresses,
 * the case cannot tell and ends UNTESTED (see exec.h: it is rare).
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "After execve() the addresses of the old process image's "
		     "MAP_PRIVATE and MAP_SHARED object mappings are not mapped: "
		     "reading them raises SIGSEGV with si_code SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (memory mappings created in "
		     "the process are unmapped before the address space is rebuilt "
		     "for the new process image)",
	.profile   = "posix",
	.covers    = "F1",
	.variants  = "file shm memfd",
);

static const struct old_mapping mappings[] = {
	{ "private object", MAP_PRIVATE, PROT_READ | PROT_WRITE },
	{ "shared object", MAP_SHARED, PROT_READ | PROT_WRITE },
};
enum { MAPPINGS = sizeof(mappings) / sizeof(mappings[0]) };

static void run(void)
{
	unsigned char *first = old_pages_after_exec(mappings, MAPPINGS);

	for (int i = 0; i < MAPPINGS; i++)
		check_old_page_gone(old_page(first, i), mappings[i].kind);
}
