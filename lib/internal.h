/* internal.h - what the library's own files share; cases never include it. */
#ifndef MMAPCTS_INTERNAL_H
#define MMAPCTS_INTERNAL_H

#include <stdarg.h>

#include "mmapcts.h"

/* A child of the case (never the case itself) that ends UNTESTED. */
#define MMAPCTS_EXIT_CHILD_UNTESTED 78

/* The verdict a child's wait status stands for (exit status or signal). */
enum verdict mmapcts_verdict_of_status(int status);
/* Is this the case's own process (not a child it forked)? */
int mmapcts_in_case_process(void);
/* UNSUPPORTED when the backing a variant names is missing here. */
void mmapcts_check_backing(const char *backing);
/* The backing the variant names ("anon", "dev-zero", "file", "shm",
 * "memfd"); "file" when the variant names none. */
const char *mmapcts_backing(void);
/* Give every struct sync made by sync_init() its ends after a fork. */
void mmapcts_bind_syncs(int in_child);

/* Does the first line of path starting with key hold word among its words
 * (after the key's colon)?  1 yes, 0 no, -1 unreadable.  (lib/linux.c) */
int mmapcts_proc_line_has_word(const char *path, const char *key, const char *word);
/* Why the kernel may run code without PROT_EXEC whatever the CPU does, or NULL. */
const char *mmapcts_kernel_exec_not_enforced(void);

/* Is release ("6.18.44-fc-v1300") at least since ("4.15")?  1 yes, 0 no,
 * -1 when either is no version number.  (lib/linux.c) */
int mmapcts_version_at_least(const char *release, const char *since);
/* What FEATURE_REFUSED() ends with on a kernel of this release (NULL: not
 * Linux) for a feature Linux added in since (NULL: unknown). */
enum verdict mmapcts_refusal_verdict(const char *release, const char *since);
/* The Linux release that added the madvise() advice of this name, or NULL. */
const char *mmapcts_advice_since(const char *name);
/* End the case unless the build has the feature a .needs word names
 * (UNSUPPORTED, or UNTESTED where the kernel has it and the build not). */
void mmapcts_check_need(const char *need);

/* May a security policy refuse this process executable memory?  1 yes
 * (why names it), 0 no policy here can (why lists what was probed), -1
 * cannot tell (why says why).  (lib/linux.c) */
int mmapcts_exec_policy(char *why, size_t n);

/* The Linux steps of strict files (lib/linux.c): memfd_create(), which
 * fails with ENOSYS where there is none (the memfd backing), and the flag
 * that keeps reservations out of commit accounting (MAP_NORESERVE, or 0). */
int mmapcts_memfd_create(const char *name, unsigned int flags);
int mmapcts_noreserve_flag(void);

/* Set up the library's state (lib/main.c and the unit tests call it). */
void mmapcts_init(const char *argv0);
int mmapcts_main(int argc, char **argv);

#endif
