/*
 * partials.c - faults for the rules the partials branch added to rows that
 * were covered only in part (their list: MMAPCTS_FAULTS_PARTIALS in
 * faults.h): lengths, protections and flags that mmap() gets wrong in a
 * way no earlier fault did.
 */
#include "config.h"

#include <errno.h>

#include "internal.h"

#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif

/* anon-partial-length-einval: a length that is not a page multiple is
 * refused as an unaligned address would be. */
static int partial_length_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)prot, (void)flags, (void)fd, (void)off;
	return len % pg != 0;
}

static void *partial_length_einval_mmap(void *addr, size_t len, int prot, int flags, int fd,
					off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return mmap_fails(EINVAL);
}
FAULT(ANON_PARTIAL_LENGTH_EINVAL, .mmap_when = partial_length_when,
      .mmap_anon = partial_length_einval_mmap);

/* write-only-no-access: PROT_WRITE without PROT_READ becomes PROT_NONE. */
static int write_only_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)flags, (void)fd, (void)off;
	return (prot & (PROT_READ | PROT_WRITE)) == PROT_WRITE;
}

static void *write_only_no_access_mmap(void *addr, size_t len, int prot, int flags, int fd,
				       off_t off)
{
	return real_mmap(addr, len, prot & ~PROT_WRITE, flags, fd, off);
}
FAULT(WRITE_ONLY_NO_ACCESS, .mmap_when = write_only_when, .mmap = write_only_no_access_mmap);

/* populate-private-write-enomem: MAP_POPULATE of a writable private file
 * mapping is refused. */
static int populate_private_write_when(void *addr, size_t len, int prot, int flags, int fd,
				       off_t off)
{
	(void)addr, (void)len, (void)off;
	return MAP_POPULATE && (flags & MAP_POPULATE) && (prot & PROT_WRITE) &&
	       (flags & MAP_KIND) == MAP_PRIVATE && is_file(flags, fd);
}

static void *populate_private_write_enomem_mmap(void *addr, size_t len, int prot, int flags,
						int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return mmap_fails(ENOMEM);
}
FAULT(POPULATE_PRIVATE_WRITE_ENOMEM, .mmap_when = populate_private_write_when,
      .mmap_file = populate_private_write_enomem_mmap);
