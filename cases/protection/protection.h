/*
 * protection.h - code shared by the cases of cases/protection/.
 *
 * Memory set up the way the protection cases need it (pattern-filled pages
 * given a protection after they were written, pages with a hole, pages
 * holding a tiny function), a probe that calls into a page and reports
 * the fault the call raised, and the few Linux-only steps some cases need
 * (a noexec tmpfs in a private mount namespace, a write-sealed memfd, the
 * question whether the hardware enforces PROT_EXEC) behind small shims, so
 * that the cases themselves carry no #if.
 */
#ifndef MMAPCTS_PROTECTION_H
#define MMAPCTS_PROTECTION_H

#include "mmapcts.h"

#include <setjmp.h>
#include <sys/statvfs.h>

#ifdef __linux__
#include <sched.h>
#include <sys/mount.h>
#include <sys/personality.h>
#endif

/* ------------------------------------------------------------------------
 * Memory.
 * ------------------------------------------------------------------------ */

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* npages filled writable pages, of which page `hole` is then unmapped. */
static inline unsigned char *pages_with_hole_(const char *file, int line, size_t npages,
					      size_t hole)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, npages * page_size,
					      PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map + hole * page_size, page_size);
	return map;
}
#define pages_with_hole(...) pages_with_hole_(MMAPCTS_HERE, __VA_ARGS__)

/* Three filled writable pages, of which page `which` is made PROT_READ. */
static inline unsigned char *three_pages_one_read_only_(const char *file, int line,
							size_t which)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MPROTECT(map + which * page_size, page_size, PROT_READ);
	return map;
}
#define three_pages_one_read_only(...)                                         \
	three_pages_one_read_only_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * Map two pages (flags, fd, offset 0; fd -1 with MAP_ANONYMOUS), store a
 * new pattern (seed 1) into them, take all access away with PROT_NONE,
 * give read and write back, and check that the pattern is still there:
 * mprotect() changes access, never contents.
 */
#define CHECK_SURVIVES_PROT_NONE(flags, fd)                                    \
	check_survives_prot_none_(MMAPCTS_HERE, (flags), (fd))

static inline void check_survives_prot_none_(const char *file, int line, int flags, int fd)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, flags, fd, 0);
	char what[80], names[48];

	fill_pattern(map, 0, len, 1);
	SAFE_MPROTECT(map, len, PROT_NONE);
	SAFE_MPROTECT(map, len, PROT_READ | PROT_WRITE);
	snprintf(what, sizeof(what), "the %s mapping",
		 map_flags_string(flags, names, sizeof(names)));
	mmapcts_check_pattern_(file, line, what, map, 0, len, 1);
	SAFE_MUNMAP(map, len);
}

/*
 * A PROT_READ mapping (MAP_SHARED or MAP_PRIVATE in flags) of the first
 * page of obj, made through a new descriptor opened O_RDONLY, which is
 * stored at *rdonly.
 */
static inline unsigned char *map_through_rdonly_fd_(const char *file, int line,
						    const struct object *obj, int flags,
						    int *rdonly)
{
	*rdonly = reopen_object(obj, O_RDONLY);
	return SAFE_MMAP(NULL, page_size, PROT_READ, flags, *rdonly, 0);
}
#define map_through_rdonly_fd(...) map_through_rdonly_fd_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * A MAP_SHARED mapping of the first len bytes of obj, made through its
 * read-write descriptor and stored to (pattern seed 1) while writable,
 * then made PROT_READ: the object's pages are present and dirty when
 * write access goes away.
 */
static inline unsigned char *shared_stored_then_read_only_(const char *file, int line,
							   const struct object *obj,
							   size_t len)
{
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				       obj->fd, 0);

	fill_pattern(map, 0, len, 1);
	SAFE_MPROTECT(map, len, PROT_READ);
	return map;
}
#define shared_stored_then_read_only(...)                                      \
	shared_stored_then_read_only_(MMAPCTS_HERE, __VA_ARGS__)
#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

/*
 * A read of addr where the protection does not grant PROT_READ but an
 * implementation "may permit accesses other than those specified": the
 * read either completes and returns expected, or raises SIGSEGV with
 * si_code code1 or code2 and si_addr in the page.  Which of the two is
 * recorded as the observation key (permitted, or the signal and code).
 */
#define CHECK_READ_PERMITTED_OR_REFUSED(key, addr, expected, code1, code2)     \
	check_read_permitted_or_refused_(MMAPCTS_HERE, (key), #addr, (addr),   \
					 (expected), (code1), (code2))

static inline void check_read_permitted_or_refused_(const char *file, int line,
						    const char *key, const char *expr,
						    const unsigned char *addr,
						    unsigned char expected, int code1,
						    int code2)
{
	struct fault f = probe_read(addr);

	if (!f.sig) {
		mmapcts_check_cmp_(file, line, "==", "the byte read", f.value,
				   "the byte stored", expected);
		OBSERVE(key, "permitted");
		return;
	}
	mmapcts_check_fault_(file, line, expr, "read", f, addr, SIGSEGV,
			     f.code == code2 ? code2 : code1);
	OBSERVE(key, "refused by %s/%s", signal_name(f.sig), si_code_name(f.sig, f.code));
}

/*
 * The si_code of a refused read of a PROT_EXEC-only page: on x86 with
 * protection keys, Linux makes such pages execute-only with a key
 * (pkeys(7)), and the read fails with SEGV_PKUERR; elsewhere SEGV_ACCERR.
 */
#ifdef SEGV_PKUERR
#define EXEC_ONLY_KEY_SI_CODE SEGV_PKUERR
#else
#define EXEC_ONLY_KEY_SI_CODE SEGV_ACCERR
#endif

/* ------------------------------------------------------------------------
 * Code.  A function `int f(void) { return value; }` in machine code for
 * the architectures this group knows; a case that needs one on another
 * architecture is UNSUPPORTED.  value must be in [0, 2047] (the smallest
 * immediate field among them).
 * ------------------------------------------------------------------------ */

/* Write the function at dst; return its length, or 0 without code here. */
static inline size_t return_const_code(unsigned char *dst, int value)
{
#if defined(__x86_64__) || defined(__i386__)
	/* mov $value, %eax; ret */
	const unsigned char code[] = { 0xb8, value & 0xff, (value >> 8) & 0xff, 0, 0, 0xc3 };
#elif defined(__aarch64__) && defined(__AARCH64EL__)
	/* mov w0, #value; ret */
	const uint32_t code[] = { 0x52800000u | (uint32_t)value << 5, 0xd65f03c0u };
#elif defined(__riscv) && __riscv_xlen == 64
	/* addi a0, zero, value; jalr zero, 0(ra) */
	const uint32_t code[] = { (uint32_t)value << 20 | 0x513u, 0x8067u };
#elif defined(__powerpc64__) && defined(_CALL_ELF) && _CALL_ELF == 2
	/* li r3, value; blr  (ELFv2: a function pointer is the code address) */
	const uint32_t code[] = { 0x38600000u | (uint32_t)value, 0x4e800020u };
#elif defined(__s390x__)
	/* lghi %r2, value; br %r14 */
	const unsigned char code[] = { 0xa7, 0x29, (value >> 8) & 0xff, value & 0xff, 0x07, 0xfe };
#else
#define PROTECTION_NO_CODE_FOR_THIS_MACHINE 1
#endif
#ifdef PROTECTION_NO_CODE_FOR_THIS_MACHINE
	(void)dst;
	(void)value;
	return 0;
#else
	memcpy(dst, code, sizeof(code));
	return sizeof(code);
#endif
}

/* Copy the function into writable memory at dst and make the instruction
 * cache see it; UNSUPPORTED where this group has no code for the machine. */
static inline void put_function(unsigned char *dst, int value)
{
	size_t n = return_const_code(dst, value);

	if (!n)
		UNSUPPORTED("cases/protection/protection.h has no machine code for this "
			    "architecture");
	__builtin___clear_cache((char *)dst, (char *)dst + n);
}

/* A private anonymous page holding the function, then given prot. */
static inline unsigned char *function_page(int value, int prot)
{
	unsigned char *page = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	put_function(page, value);
	if (prot != (PROT_READ | PROT_WRITE))
		set_prot(page, page_size, prot);
	return page;
}

/*
 * Call the function at code and report what happened, like probe_read():
 * sig 0 when the call returned (its value in *result), otherwise the
 * signal (SIGSEGV, SIGBUS or SIGILL), si_code and si_addr.
 */
struct call_probe {
	sigjmp_buf env;
	volatile sig_atomic_t active;
	struct fault fault;
};

static inline struct call_probe *call_probe_state(void)
{
	static struct call_probe state;

	return &state;
}

static inline void call_probe_handler(int sig, siginfo_t *si, void *uc)
{
	struct call_probe *p = call_probe_state();

	(void)uc;
	if (!p->active) {
		/* Not ours: die of it as if nobody had caught it. */
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	p->active = 0;
	p->fault.sig = sig;
	p->fault.code = si->si_code;
	p->fault.addr = si->si_addr;
	siglongjmp(p->env, 1);
}

static inline struct fault probe_call(const void *code, int *result)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL };
	struct call_probe *p = call_probe_state();
	struct sigaction sa, old[3];
	volatile int value = -1;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = call_probe_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
	memset(&p->fault, 0, sizeof(p->fault));
	if (sigsetjmp(p->env, 1) == 0) {
		int (*fn)(void) = (int (*)(void))(uintptr_t)code;

		p->active = 1;
		value = fn();
		p->active = 0;
	}
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	if (result)
		*result = value;
	return p->fault;
}

/* The call completes and returns expected. */
#define CHECK_CALL_RETURNS(code, expected)                                     \
	check_call_returns_(MMAPCTS_HERE, #code, (code), (expected))
/* The call raises sig with si_code code, si_addr in the page of code. */
#define CHECK_CALL_FAULTS(code, sig, si_code)                                  \
	mmapcts_check_fault_(MMAPCTS_HERE, #code, "call", probe_call((code), NULL), \
			     (code), (sig), (si_code))
/* The call does not complete: SIGSEGV or SIGBUS in the page (observed). */
#define CHECK_CALL_DENIED(code)                                                \
	mmapcts_check_denied_(MMAPCTS_HERE, #code, "call", probe_call((code), NULL), \
			      (code))

static inline void check_call_returns_(const char *file, int line, const char *expr,
				       const void *code, int expected)
{
	int value;
	struct fault f = probe_call(code, &value);

	mmapcts_check_fault_(file, line, expr, "call", f, code, 0, 0);
	mmapcts_check_cmp_(file, line, "==", "the value the call returned", value,
			   "expected", expected);
}

/* Setup: the function at code must return expected (else UNRESOLVED). */
static inline void require_call_returns(const void *code, int expected)
{
	int value;
	struct fault f = probe_call(code, &value);

	if (f.sig)
		UNRESOLVED("calling the function in an executable page raised %s (%s)",
			   signal_name(f.sig), si_code_name(f.sig, f.code));
	if (value != expected)
		UNRESOLVED("the function in an executable page returned %d, expected %d",
			   value, expected);
}

/*
 * NULL when this machine is known to refuse instruction fetches from a
 * page without PROT_EXEC, otherwise why not (for an observation):
 * x86_64 and i386 enforce it when the CPU has the NX bit (the "nx" flag
 * of /proc/cpuinfo) and the process does not run with the
 * READ_IMPLIES_EXEC personality; aarch64 always has execute-never bits,
 * 64-bit Power no-execute page protection (hash and radix MMUs alike) and
 * RISC-V an X bit in every page table entry.  s390x enforces it when the
 * machine has the instruction-execution-protection facility (facility
 * 130, listed on the "facilities" line of /proc/cpuinfo, which prints the
 * kernel's STFLE list) and the kernel was not booted with noexec=off:
 * Linux then turns on instruction-execution protection (CR0 bit 20,
 * machine.has_nx) and sets _PAGE_NOEXEC in every page without PROT_EXEC;
 * without the facility no page is ever refused.  Other machines may
 * enforce it too; this group does not know.
 */
#ifdef __linux__
/*
 * Does the first line of path that starts with key hold word among its
 * blank-separated words (after the key's colon, if any)?  1 yes, 0 no,
 * -1 when path cannot be read.  Lines of /proc/cpuinfo run long.
 */
static inline int proc_line_has_word(const char *path, const char *key, const char *word)
{
	char line[8192];
	int found = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char *save = NULL, *tok, *words = strchr(line, ':');

		if (strncmp(line, key, strlen(key)))
			continue;
		words = words ? words + 1 : line;
		for (tok = strtok_r(words, " \t\n", &save); tok && !found;
		     tok = strtok_r(NULL, " \t\n", &save))
			found = !strcmp(tok, word);
		break;
	}
	fclose(f);
	return found;
}
#endif

#if defined(__linux__) && defined(__s390x__)
/* Was the kernel booted with noexec=off (the last noexec= counts; any value
 * kstrtobool() reads as false)?  1 yes, 0 no, -1 unreadable. */
static inline int s390_noexec_off(void)
{
	char line[8192], *save = NULL, *tok;
	int off = 0;
	FILE *f = fopen("/proc/cmdline", "r");

	if (!f)
		return -1;
	if (fgets(line, sizeof(line), f))
		for (tok = strtok_r(line, " \t\n", &save); tok;
		     tok = strtok_r(NULL, " \t\n", &save)) {
			const char *v = tok + 7;

			if (!strncmp(tok, "noexec=", 7))
				off = (v[0] && strchr("nNfF0", v[0])) ||
				      ((v[0] == 'o' || v[0] == 'O') && (v[1] == 'f' || v[1] == 'F'));
		}
	fclose(f);
	return off;
}
#endif

static inline const char *exec_not_enforced_reason(void)
{
#ifdef __linux__
	if (personality(0xffffffff) & READ_IMPLIES_EXEC)
		return "the process runs with the READ_IMPLIES_EXEC personality";
#endif
#if defined(__linux__) && (defined(__x86_64__) || defined(__i386__))
	switch (proc_line_has_word("/proc/cpuinfo", "flags", "nx")) {
	case 1:
		return NULL;
	case 0:
		return "the CPU has no NX bit (no nx flag in /proc/cpuinfo)";
	default:
		return "/proc/cpuinfo cannot be read to look for the nx flag";
	}
#elif defined(__linux__) && defined(__s390x__)
	switch (proc_line_has_word("/proc/cpuinfo", "facilities", "130")) {
	case 1:
		break;
	case 0:
		return "the machine has no instruction-execution-protection facility "
		       "(no 130 among the facilities in /proc/cpuinfo)";
	default:
		return "/proc/cpuinfo cannot be read to look for facility 130";
	}
	switch (s390_noexec_off()) {
	case 0:
		return NULL;
	case 1:
		return "the kernel was booted with noexec=off";
	default:
		return "/proc/cmdline cannot be read to look for noexec=off";
	}
#elif defined(__linux__) && (defined(__aarch64__) || defined(__powerpc64__) || defined(__riscv))
	return NULL;
#else
	return "whether this machine enforces PROT_EXEC is not known to this group";
#endif
}

/*
 * A call into code in a page without PROT_EXEC raises SIGSEGV with
 * SEGV_ACCERR in the page, where exec_not_enforced_reason() knows the
 * machine enforces PROT_EXEC.  Elsewhere the outcome is recorded as
 * call_without_prot_exec and the case ends UNTESTED with the reason.
 */
#define CHECK_CALL_FAULTS_WHERE_ENFORCED(code)                                 \
	check_call_faults_where_enforced_(MMAPCTS_HERE, #code, (code))

static inline void check_call_faults_where_enforced_(const char *file, int line,
						     const char *expr, const void *code)
{
	const char *why = exec_not_enforced_reason();
	struct fault f = probe_call(code, NULL);

	if (why) {
		if (f.sig)
			OBSERVE("call_without_prot_exec", "%s/%s", signal_name(f.sig),
				si_code_name(f.sig, f.code));
		else
			OBSERVE("call_without_prot_exec", "completed");
		mmapcts_end_(VERDICT_UNTESTED, file, line,
			     "cannot tell whether PROT_EXEC is enforced here: %s", why);
	}
	mmapcts_check_fault_(file, line, expr, "call", f, code, SIGSEGV, SEGV_ACCERR);
}

/* Is the file open at fd on a filesystem mounted noexec?  (0 where the
 * system cannot tell: ST_NOEXEC is not POSIX.) */
static inline int on_noexec_mount(int fd)
{
#ifdef ST_NOEXEC
	struct statvfs vfs;

	return fstatvfs(fd, &vfs) == 0 && (vfs.f_flag & ST_NOEXEC);
#else
	(void)fd;
	return 0;
#endif
}

/* ------------------------------------------------------------------------
 * Linux-only setup.
 * ------------------------------------------------------------------------ */

/*
 * Mount a fresh tmpfs with MS_NOEXEC at tmpdir()/noexec, in a mount
 * namespace of the calling process's own, and return its path.  Call it
 * in a child (run_in_child()): the namespace and the mount go away with
 * the child, and the case's own process can remove its temp directory.
 * UNSUPPORTED where the system cannot do it (not Linux, no permission to
 * make namespaces or mounts, as in many containers).
 */
static inline const char *noexec_tmpfs(void)
{
#ifdef __linux__
	static const char dir[] = "noexec";

	if (unshare(CLONE_NEWNS) < 0)
		UNSUPPORTED("unshare(CLONE_NEWNS) failed: %s", errno_name(errno));
	/* Keep the mount below out of the namespace we came from. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		UNSUPPORTED("making / a private mount failed: %s", errno_name(errno));
	if (mkdir(dir, 0700) < 0)
		UNRESOLVED("mkdir(%s) failed: %s", dir, errno_name(errno));
	if (mount("mmapcts", dir, "tmpfs", MS_NOEXEC | MS_NOSUID | MS_NODEV, "size=1m") < 0)
		UNSUPPORTED("mounting a noexec tmpfs failed: %s", errno_name(errno));
	return dir;
#else
	UNSUPPORTED("noexec tmpfs mounts in a private namespace are Linux-only");
#endif
}

/* A file of one page in a fresh noexec tmpfs (noexec_tmpfs(), so call it
 * in a child), open O_RDWR. */
static inline int file_on_noexec_mount(void)
{
	char path[64];

	snprintf(path, sizeof(path), "%s/object", noexec_tmpfs());
	return make_file(path, page_size);
}

/* A memfd holding len pattern bytes, sealed with F_SEAL_WRITE (the case
 * declares .needs = "memfd_create F_SEAL_WRITE"). */
static inline int write_sealed_memfd(size_t len)
{
	unsigned char *buf = scratch(len);
	int fd = memfd_create("mmapcts-sealed", MFD_ALLOW_SEALING);

	if (fd < 0)
		UNRESOLVED("memfd_create(MFD_ALLOW_SEALING) failed: %s", errno_name(errno));
	fill_pattern(buf, 0, len, 0);
	SAFE_PWRITE(fd, buf, len, 0);
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) < 0)
		UNRESOLVED("fcntl(F_ADD_SEALS, F_SEAL_WRITE) failed: %s", errno_name(errno));
	SAFE_MUNMAP(buf, len);
	return fd;
}

#endif /* MMAPCTS_PROTECTION_H */
