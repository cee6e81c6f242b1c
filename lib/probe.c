/*
 * probe.c - access an address, or call code at it, and report the fault
 * it raised, if any, without dying: SIGSEGV and SIGBUS (and SIGILL for a
 * call) are caught for the one access and siglongjmp() brings the probe
 * back.
 */
#include "mmapcts.h"

#include <setjmp.h>

static sigjmp_buf probe_env;
static volatile sig_atomic_t probing;
static struct fault caught;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (!probing) {
		/* Not ours: die of it as if nobody had caught it. */
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	caught.sig = sig;
	caught.code = si->si_code;
	caught.addr = si->si_addr;
	siglongjmp(probe_env, 1);
}

/* A data access faults with SIGSEGV or SIGBUS; a call may also meet code
 * the CPU will not decode (SIGILL), so only probe_call() catches that. */
static const int probe_sigs[] = { SIGSEGV, SIGBUS, SIGILL };
#define DATA_SIGS 2
#define CALL_SIGS 3

struct probe_state {
	struct sigaction old[CALL_SIGS];
	int nsigs;
};

static void arm(struct probe_state *st, int nsigs)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	st->nsigs = nsigs;
	for (int i = 0; i < nsigs; i++)
		sigaction(probe_sigs[i], &sa, &st->old[i]);
	memset(&caught, 0, sizeof(caught));
}

static void disarm(struct probe_state *st)
{
	probing = 0;
	for (int i = 0; i < st->nsigs; i++)
		sigaction(probe_sigs[i], &st->old[i], NULL);
}

struct fault probe_read(const volatile void *addr)
{
	struct probe_state st;
	struct fault f;

	arm(&st, DATA_SIGS);
	if (sigsetjmp(probe_env, 1) == 0) {
		probing = 1;
		unsigned char v = *(const volatile unsigned char *)addr;
		probing = 0;
		caught.value = v;
	}
	disarm(&st);
	f = caught;
	return f;
}

struct fault probe_write(volatile void *addr, unsigned char value)
{
	struct probe_state st;
	struct fault f;

	arm(&st, DATA_SIGS);
	if (sigsetjmp(probe_env, 1) == 0) {
		probing = 1;
		*(volatile unsigned char *)addr = value;
		probing = 0;
	}
	disarm(&st);
	f = caught;
	return f;
}

struct fault probe_read_range(const volatile void *addr, size_t len, size_t *at)
{
	struct probe_state st;
	struct fault f;
	/* volatile: the value must survive siglongjmp() */
	volatile uintptr_t a = (uintptr_t)addr;
	uintptr_t end = (uintptr_t)addr + len;

	arm(&st, DATA_SIGS);
	if (sigsetjmp(probe_env, 1) == 0) {
		probing = 1;
		/* One byte in every page the range touches, the first included. */
		for (uintptr_t page = a - a % page_size; page < end; page += page_size) {
			a = page < (uintptr_t)addr ? (uintptr_t)addr : page;
			(void)*(const volatile unsigned char *)a;
		}
		probing = 0;
	}
	disarm(&st);
	f = caught;
	*at = f.sig ? (size_t)(a - (uintptr_t)addr) : 0;
	return f;
}

struct fault probe_call(const void *code, int *result)
{
	struct probe_state st;
	struct fault f;
	/* volatile: the value must survive siglongjmp() */
	volatile int value = -1;

	arm(&st, CALL_SIGS);
	if (sigsetjmp(probe_env, 1) == 0) {
		int (*fn)(void) = (int (*)(void))(uintptr_t)code;

		probing = 1;
		value = fn();
		probing = 0;
	}
	disarm(&st);
	f = caught;
	if (result)
		*result = value;
	return f;
}
