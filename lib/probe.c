/*
 * probe.c - access an address and report the fault it raised, if any,
 * without dying: SIGSEGV and SIGBUS are caught for the one access and
 * siglongjmp() brings the probe back.
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

struct probe_state {
	struct sigaction old_segv, old_bus;
};

static void arm(struct probe_state *st)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &st->old_segv);
	sigaction(SIGBUS, &sa, &st->old_bus);
	memset(&caught, 0, sizeof(caught));
}

static void disarm(struct probe_state *st)
{
	probing = 0;
	sigaction(SIGSEGV, &st->old_segv, NULL);
	sigaction(SIGBUS, &st->old_bus, NULL);
}

struct fault probe_read(const volatile void *addr)
{
	struct probe_state st;
	struct fault f;

	arm(&st);
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

	arm(&st);
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

	arm(&st);
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
