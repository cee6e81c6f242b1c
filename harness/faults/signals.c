/*
 * signals.c - faults in the signal a bad reference raises.
 *
 * past-mapping-sigbus: the case's SIGSEGV handler sits behind ours, which
 * turns a SEGV_MAPERR in the page just past a file mapping into the SIGBUS
 * of a reference past end-of-file, as a kernel would whose fault handler
 * took that page for part of the mapping.
 */
#include "config.h"

#include <string.h>

#include "internal.h"

static struct sigaction case_segv;
static volatile sig_atomic_t segv_bent;

static int just_past_file_mapping(uintptr_t a)
{
	for (int i = 0; i < ntracked; i++) {
		const struct tracked *t = &tracked[i];
		if (t->fd >= 0 && !(t->flags & MAP_ANONYMOUS) && a >= t->addr + t->len &&
		    a < t->addr + t->len + pg)
			return 1;
	}
	return 0;
}

static void bend_segv(int sig, siginfo_t *si, void *uc)
{
	struct sigaction bus, dfl;

	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	if (si->si_code == SEGV_MAPERR && just_past_file_mapping((uintptr_t)si->si_addr)) {
		siginfo_t forged = *si;

		forged.si_signo = SIGBUS;
		forged.si_code = BUS_ADRERR;
		real_sigaction(SIGBUS, NULL, &bus);
		if ((bus.sa_flags & SA_SIGINFO) && bus.sa_sigaction) {
			bus.sa_sigaction(SIGBUS, &forged, uc);
			return;
		}
		if (bus.sa_handler != SIG_DFL && bus.sa_handler != SIG_IGN) {
			bus.sa_handler(SIGBUS);
			return;
		}
		real_sigaction(SIGBUS, &dfl, NULL);
		raise(SIGBUS);
		return;
	}
	if (case_segv.sa_flags & SA_SIGINFO)
		case_segv.sa_sigaction(sig, si, uc);
	else if (case_segv.sa_handler != SIG_DFL && case_segv.sa_handler != SIG_IGN)
		case_segv.sa_handler(sig);
	else
		real_sigaction(SIGSEGV, &dfl, NULL);	/* the access faults again, and kills */
}

static int past_mapping_sigbus_sigaction(int sig, const struct sigaction *act,
					 struct sigaction *old)
{
	struct sigaction before;
	int r;

	if (sig != SIGSEGV)
		return real_sigaction(sig, act, old);
	if (real_sigaction(SIGSEGV, NULL, &before) < 0)
		return -1;
	if (segv_bent && (before.sa_flags & SA_SIGINFO) && before.sa_sigaction == bend_segv)
		before = case_segv;
	if (act && (act->sa_flags & SA_SIGINFO ? act->sa_sigaction != NULL
					       : act->sa_handler != SIG_DFL &&
						 act->sa_handler != SIG_IGN)) {
		struct sigaction mine = *act;

		mine.sa_flags |= SA_SIGINFO;
		mine.sa_sigaction = bend_segv;
		segv_bent = 0;
		case_segv = *act;
		r = real_sigaction(SIGSEGV, &mine, NULL);
		segv_bent = r == 0;
	} else {
		r = act ? real_sigaction(SIGSEGV, act, NULL) : 0;
		if (act && r == 0)
			segv_bent = 0;
	}
	if (r == 0 && old)
		*old = before;
	return r;
}
FAULT(PAST_MAPPING_SIGBUS, .sigaction = past_mapping_sigbus_sigaction);
