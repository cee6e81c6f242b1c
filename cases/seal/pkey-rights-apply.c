/*
 * Protection-key rights belong to the thread that set them, are inherited
 * by a child of fork(), and are the interrupted thread's again after a
 * signal handler returns.  Variants:
 *	thread	rights that deny access set in a second thread leave the
 *		first thread's reads alone (a kernel that keeps one PKRU per
 *		process fails; the second thread sets them itself, since a new
 *		thread starts with its creator's rights);
 *	fork	a child of fork() inherits PKEY_DISABLE_WRITE: its store
 *		faults SEGV_PKUERR (a fork that resets the register fails);
 *	signal	after a handler returns, the interrupted thread's
 *		PKEY_DISABLE_WRITE is in force again (a kernel that leaves the
 *		handler's rights behind fails); the rights inside the handler
 *		are recorded as handler_rights.
 * UNSUPPORTED where the CPU has no protection keys.
 */
#include "seal.h"

#include <pthread.h>

MMAPCTS_CASE(
	.assertion = "Protection-key rights are per thread, inherited across fork(), "
		     "and restored when a signal handler returns.",
	.spec      = "Linux pkeys(7): \"each thread has its own set of PKRU\"; rights "
		     "are inherited by fork(); signal handlers (pkeys(7): Signal "
		     "Handler Behavior)",
	.profile   = "linux",
	.needs     = "pkey_alloc",
	.covers    = "O2",
	.variants  = "thread fork signal",
);

static unsigned char *map;
static int key;

static void *other_thread(void *arg)
{
	(void)arg;
	SET_PKEY(key, PKEY_DISABLE_ACCESS);
	CHECK_PKEY_DENIES(map, 0, key);
	return NULL;
}

static void child_store(void *arg)
{
	(void)arg;
	CHECK_PKEY_DENIES(map, 1, key);
}

static volatile int handler_rights = -1;

static void handler(int sig)
{
	(void)sig;
	handler_rights = pkey_get(key);
}

static void run(void)
{
	key = ALLOC_PKEY(0);
	map = KEYED_PAGE(key);

	if (variant_is("thread")) {
		pthread_t t;

		if (pthread_create(&t, NULL, other_thread, NULL))
			UNRESOLVED("pthread_create() failed");
		pthread_join(t, NULL);
		CHECK_PKEY_ALLOWS(map, 0, key);
	} else if (variant_is("fork")) {
		SET_PKEY(key, PKEY_DISABLE_WRITE);
		run_in_child(child_store, NULL);
	} else {
		SET_PKEY(key, PKEY_DISABLE_WRITE);
		signal(SIGUSR1, handler);
		raise(SIGUSR1);
		OBSERVE("handler_rights", "%d", handler_rights);
		CHECK_EQ(pkey_get(key), PKEY_DISABLE_WRITE);
		CHECK_PKEY_DENIES(map, 1, key);
	}
}
