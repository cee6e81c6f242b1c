/*
 * names.c - errno, signal and si_code names, and the decoding of mmap
 * arguments, so that messages read the same on every libc.  Built in the
 * system's own mode (system-mode.h): it names every flag the system has.
 */
#include "system-mode.h"
#include "mmapcts.h"

#include <stdio.h>

#define NAME(x) { x, #x }
struct name {
	int value;
	const char *name;
};

static const struct name errnos[] = {
	NAME(EPERM), NAME(ENOENT), NAME(ESRCH), NAME(EINTR), NAME(EIO),
	NAME(ENXIO), NAME(E2BIG), NAME(ENOEXEC), NAME(EBADF), NAME(ECHILD),
	NAME(EAGAIN), NAME(ENOMEM), NAME(EACCES), NAME(EFAULT), NAME(EBUSY),
	NAME(EEXIST), NAME(EXDEV), NAME(ENODEV), NAME(ENOTDIR), NAME(EISDIR),
	NAME(EINVAL), NAME(ENFILE), NAME(EMFILE), NAME(ENOTTY), NAME(ETXTBSY),
	NAME(EFBIG), NAME(ENOSPC), NAME(ESPIPE), NAME(EROFS), NAME(EMLINK),
	NAME(EPIPE), NAME(EDOM), NAME(ERANGE), NAME(EDEADLK), NAME(ENAMETOOLONG),
	NAME(ENOLCK), NAME(ENOSYS), NAME(ENOTEMPTY), NAME(ELOOP),
	NAME(EOVERFLOW), NAME(ENOTSUP), NAME(ETIMEDOUT),
#if defined(EOPNOTSUPP) && EOPNOTSUPP != ENOTSUP
	NAME(EOPNOTSUPP),
#endif
#if defined(EWOULDBLOCK) && EWOULDBLOCK != EAGAIN
	NAME(EWOULDBLOCK),
#endif
#ifdef EHWPOISON
	NAME(EHWPOISON),
#endif
};

static const struct name signals[] = {
	NAME(SIGHUP), NAME(SIGINT), NAME(SIGQUIT), NAME(SIGILL), NAME(SIGTRAP),
	NAME(SIGABRT), NAME(SIGBUS), NAME(SIGFPE), NAME(SIGKILL), NAME(SIGUSR1),
	NAME(SIGSEGV), NAME(SIGUSR2), NAME(SIGPIPE), NAME(SIGALRM), NAME(SIGTERM),
	NAME(SIGCHLD), NAME(SIGCONT), NAME(SIGSTOP), NAME(SIGTSTP), NAME(SIGTTIN),
	NAME(SIGTTOU), NAME(SIGURG), NAME(SIGXCPU), NAME(SIGXFSZ), NAME(SIGVTALRM),
	NAME(SIGPROF), NAME(SIGSYS),
};

static const struct name segv_codes[] = {
	NAME(SEGV_MAPERR), NAME(SEGV_ACCERR),
#ifdef SEGV_BNDERR
	NAME(SEGV_BNDERR),
#endif
#ifdef SEGV_PKUERR
	NAME(SEGV_PKUERR),
#endif
#ifdef SEGV_MTEAERR
	NAME(SEGV_MTEAERR),
#endif
#ifdef SEGV_MTESERR
	NAME(SEGV_MTESERR),
#endif
};

static const struct name bus_codes[] = {
	NAME(BUS_ADRALN), NAME(BUS_ADRERR), NAME(BUS_OBJERR),
#ifdef BUS_MCEERR_AR
	NAME(BUS_MCEERR_AR),
#endif
#ifdef BUS_MCEERR_AO
	NAME(BUS_MCEERR_AO),
#endif
};

static const char *lookup(const struct name *t, size_t n, int value)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].value == value)
			return t[i].name;
	return NULL;
}

#define LOOKUP(table, v) lookup(table, sizeof(table) / sizeof(table[0]), v)

const char *errno_name(int err)
{
	static char buf[32];
	const char *n = err ? LOOKUP(errnos, err) : "0";

	if (n)
		return n;
	snprintf(buf, sizeof(buf), "errno %d", err);
	return buf;
}

const char *signal_name(int sig)
{
	static char buf[32];
	const char *n = LOOKUP(signals, sig);

	if (n)
		return n;
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

const char *si_code_name(int sig, int code)
{
	static char buf[32];
	const char *n = NULL;

	if (sig == SIGSEGV)
		n = LOOKUP(segv_codes, code);
	else if (sig == SIGBUS)
		n = LOOKUP(bus_codes, code);
	if (!n && code == SI_USER)
		n = "SI_USER";
#ifdef SI_KERNEL
	if (!n && code == SI_KERNEL)
		n = "SI_KERNEL";
#endif
	if (n)
		return n;
	snprintf(buf, sizeof(buf), "si_code %d", code);
	return buf;
}

/* Append the names of the bits of value that the table knows, joined by '|'. */
static const char *bits_string(const struct name *t, size_t n, int value,
			       const char *none, char *buf, size_t size)
{
	size_t len = 0;
	int rest = value;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (t[i].value && (rest & t[i].value) == t[i].value) {
			len += snprintf(buf + len, len < size ? size - len : 0, "%s%s",
					len ? "|" : "", t[i].name);
			rest &= ~t[i].value;
		}
	}
	if (rest)
		len += snprintf(buf + len, len < size ? size - len : 0, "%s%#x",
				len ? "|" : "", (unsigned)rest);
	if (!len)
		snprintf(buf, size, "%s", none);
	return buf;
}

const char *prot_string(int prot, char *buf, size_t size)
{
	static const struct name prots[] = {
		NAME(PROT_READ), NAME(PROT_WRITE), NAME(PROT_EXEC),
	};
	return bits_string(prots, sizeof(prots) / sizeof(prots[0]), prot,
			   "PROT_NONE", buf, size);
}

const char *msync_flags_string(int flags, char *buf, size_t size)
{
	static const struct name syncs[] = {
		NAME(MS_SYNC), NAME(MS_ASYNC), NAME(MS_INVALIDATE),
	};
	return bits_string(syncs, sizeof(syncs) / sizeof(syncs[0]), flags, "0", buf, size);
}

const char *map_flags_string(int flags, char *buf, size_t size)
{
	static const struct name maps[] = {
		/* MAP_SHARED_VALIDATE contains MAP_SHARED: try it first. */
		NAME(MAP_SHARED_VALIDATE), NAME(MAP_SHARED), NAME(MAP_PRIVATE),
		NAME(MAP_FIXED_NOREPLACE), NAME(MAP_FIXED), NAME(MAP_ANONYMOUS),
		NAME(MAP_NORESERVE), NAME(MAP_POPULATE),
	};
	return bits_string(maps, sizeof(maps) / sizeof(maps[0]), flags, "0",
			   buf, size);
}
