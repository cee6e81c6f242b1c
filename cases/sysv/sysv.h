/*
 * sysv.h - what the System V shared memory cases share: a private segment
 * removed (IPC_RMID) when the case's own process ends, whatever the
 * verdict, its attachments as setup, and its attach count.
 *
 * Helpers take the case's file and line, so a verdict names the case's line.
 */
#ifndef SYSV_H
#define SYSV_H

#include "mmapcts.h"

#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>

static inline void remove_segment(void *arg)
{
	shmctl((int)(intptr_t)arg, IPC_RMID, NULL);
}

#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* A new private segment of len bytes (shmget(IPC_PRIVATE)), removed at the
 * case's end; UNRESOLVED when shmget() refuses (sysv/attachments-see-each-
 * other FAILs then). */
#define SHM_SEGMENT(len) shm_segment_(MMAPCTS_HERE, (len))
static inline int shm_segment_(const char *file, int line, size_t len)
{
	int id = shmget(IPC_PRIVATE, len, IPC_CREAT | 0600);

	if (id < 0)
		UNRESOLVED("shmget(IPC_PRIVATE, %zu, IPC_CREAT | 0600) failed: %s", len,
			   errno_name(errno));
	at_cleanup(remove_segment, (void *)(intptr_t)id);
	return id;
}

/* shmat(id, NULL, 0) as setup (sysv/attachments-see-each-other FAILs when
 * it is refused). */
#define SHM_ATTACH(id) shm_attach_(MMAPCTS_HERE, (id))
static inline unsigned char *shm_attach_(const char *file, int line, int id)
{
	void *p = shmat(id, NULL, 0);

	if (p == (void *)-1)
		UNRESOLVED("shmat(segment, NULL, 0) failed: %s", errno_name(errno));
	return p;
}

/* A new segment of len bytes (*id), attached, holding the pattern. */
#define SHM_PATTERN(len, id) shm_pattern_(MMAPCTS_HERE, (len), (id))
static inline unsigned char *shm_pattern_(const char *file, int line, size_t len, int *id)
{
	unsigned char *map;

	*id = shm_segment_(file, line, len);
	map = shm_attach_(file, line, *id);
	fill_pattern(map, 0, len, 0);
	return map;
}

/* The segment's shm_nattch (IPC_STAT). */
#define SHM_NATTCH(id) shm_nattch_(MMAPCTS_HERE, (id))
static inline long shm_nattch_(const char *file, int line, int id)
{
	struct shmid_ds ds;

	if (shmctl(id, IPC_STAT, &ds) < 0)
		UNRESOLVED("shmctl(segment, IPC_STAT) failed: %s", errno_name(errno));
	return (long)ds.shm_nattch;
}

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* SYSV_H */
