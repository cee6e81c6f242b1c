/*
 * code.c - running code (PROT_EXEC): a function `int f(void) { return
 * value; }` in machine code, one block per CPU, each with what that CPU
 * (under Linux) does about PROT_EXEC; and the checks that call it.
 *
 * A CPU gets a block here when someone could check its encoding; every
 * other machine gets the last block, which has no code, and a case that
 * needs code there is UNTESTED (the suite lacks the code, not the system
 * the feature).
 */
#include "mmapcts.h"
#include "internal.h"

/*
 * Each block defines
 *	CPU_CODE(v): the function's instructions, as an initializer of an
 *	    array of cpu_unit (the width the CPU's manual writes them in);
 *	cpu_exec_not_enforced(): NULL where a page without PROT_EXEC never
 *	    runs (the MMU has a no-execute bit and Linux sets it), else why;
 *	    or CPU_EXEC_ENFORCED where that holds without conditions.
 */

/* ---------------------------------------------------------------- x86 */
#if defined(__x86_64__) || defined(__i386__)
/* mov $v, %eax; ret */
#define CPU_CODE(v) { 0xb8, (v) & 0xff, ((v) >> 8) & 0xff, 0, 0, 0xc3 }
typedef unsigned char cpu_unit;

/* Enforced when the CPU has the NX bit (the "nx" flag of /proc/cpuinfo). */
static const char *cpu_exec_not_enforced(void)
{
	switch (mmapcts_proc_line_has_word("/proc/cpuinfo", "flags", "nx")) {
	case 1:
		return NULL;
	case 0:
		return "the CPU has no NX bit (no nx flag in /proc/cpuinfo)";
	default:
		return "/proc/cpuinfo cannot be read to look for the nx flag";
	}
}

/* ------------------------------------------------------------ aarch64 */
#elif defined(__aarch64__) && defined(__AARCH64EL__)
/* mov w0, #v; ret */
#define CPU_CODE(v) { 0x52800000u | (uint32_t)(v) << 5, 0xd65f03c0u }
typedef uint32_t cpu_unit;
/* Execute-never bits in every page table entry. */
#define CPU_EXEC_ENFORCED 1

/* ------------------------------------------------------ arm (32-bit) */
#elif defined(__arm__) && defined(__ARMEL__)
/* mov r0, #v; bx lr  (A32, v below 256: an 8-bit immediate unrotated).  A
 * call through a pointer is blx, which enters A32 state at an even address
 * from Thumb code, and bx lr goes back to the caller's state. */
#define CPU_CODE(v) { 0xe3a00000u | ((uint32_t)(v) & 0xffu), 0xe12fff1eu }
typedef uint32_t cpu_unit;
/* ARMv6 and later have an execute-never bit in small-page entries (short
 * and long descriptors), and Linux sets it (L_PTE_XN) in every user page
 * without PROT_EXEC; the suite's armhf builds need ARMv7. */
#define CPU_EXEC_ENFORCED 1

/* ------------------------------------------------------- mips (little) */
#elif defined(__mips__) && defined(__MIPSEL__)
/* addiu $v0, $zero, v; jr $ra; nop (the jump's delay slot) */
#define CPU_CODE(v) { 0x24020000u | ((uint32_t)(v) & 0xffffu), 0x03e00008u, 0u }
typedef uint32_t cpu_unit;

/* Enforced where the CPU has the execute-inhibit bit (RIXI: "rixi" among
 * the "Options implemented" of /proc/cpuinfo): Linux then sets _PAGE_NO_EXEC
 * in every page without PROT_EXEC; without it every readable page runs. */
static const char *cpu_exec_not_enforced(void)
{
	switch (mmapcts_proc_line_has_word("/proc/cpuinfo", "Options implemented", "rixi")) {
	case 1:
		return NULL;
	case 0:
		return "the CPU has no execute-inhibit bit (no rixi among the options "
		       "implemented in /proc/cpuinfo)";
	default:
		return "/proc/cpuinfo cannot be read to look for the rixi option";
	}
}

/* ------------------------------------------------------------ riscv64 */
#elif defined(__riscv) && __riscv_xlen == 64
/* addi a0, zero, v; jalr zero, 0(ra) */
#define CPU_CODE(v) { (uint32_t)(v) << 20 | 0x513u, 0x8067u }
typedef uint32_t cpu_unit;
/* An X bit in every page table entry. */
#define CPU_EXEC_ENFORCED 1

/* ------------------------------------------------------- ppc64 (ELFv2) */
#elif defined(__powerpc64__) && defined(_CALL_ELF) && _CALL_ELF == 2
/* li r3, v; blr  (ELFv2: a function pointer is the code address; ELFv1
 * would need a function descriptor, so it has no block) */
#define CPU_CODE(v) { 0x38600000u | (uint32_t)(v), 0x4e800020u }
typedef uint32_t cpu_unit;
/* No-execute page protection, with the hash and the radix MMU alike. */
#define CPU_EXEC_ENFORCED 1

/* -------------------------------------------------------------- s390x */
#elif defined(__s390x__)
/* lghi %r2, v; br %r14 */
#define CPU_CODE(v) { 0xa7, 0x29, ((v) >> 8) & 0xff, (v) & 0xff, 0x07, 0xfe }
typedef unsigned char cpu_unit;

/* Was the kernel booted with noexec=off (the last noexec= counts; any value
 * kstrtobool() reads as false)?  1 yes, 0 no, -1 unreadable. */
static int noexec_off(void)
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

/*
 * Enforced when the machine has the instruction-execution-protection
 * facility (facility 130, on the "facilities" line of /proc/cpuinfo, which
 * prints the kernel's STFLE list) and the kernel was not booted with
 * noexec=off: Linux then turns on instruction-execution protection (CR0
 * bit 20, machine.has_nx) and sets _PAGE_NOEXEC in every page without
 * PROT_EXEC; without the facility no page is ever refused.
 */
static const char *cpu_exec_not_enforced(void)
{
	switch (mmapcts_proc_line_has_word("/proc/cpuinfo", "facilities", "130")) {
	case 1:
		break;
	case 0:
		return "the machine has no instruction-execution-protection facility "
		       "(no 130 among the facilities in /proc/cpuinfo)";
	default:
		return "/proc/cpuinfo cannot be read to look for facility 130";
	}
	switch (noexec_off()) {
	case 0:
		return NULL;
	case 1:
		return "the kernel was booted with noexec=off";
	default:
		return "/proc/cmdline cannot be read to look for noexec=off";
	}
}
#endif
/* ------------------------------------------------------------------ */

#if defined(CPU_EXEC_ENFORCED)
static const char *cpu_exec_not_enforced(void)
{
	return NULL;
}
#elif !defined(CPU_CODE)
/* Any other machine: no code, so no case ever asks. */
static const char *cpu_exec_not_enforced(void)
{
	return "whether this machine enforces PROT_EXEC is not known to this library";
}
#endif

size_t return_const_code(unsigned char *dst, int value)
{
#ifdef CPU_CODE
	const cpu_unit code[] = CPU_CODE(value);

	memcpy(dst, code, sizeof(code));
	return sizeof(code);
#else
	(void)dst;
	(void)value;
	return 0;
#endif
}

void put_function(unsigned char *dst, int value)
{
	size_t n = return_const_code(dst, value);

	if (!n)
		UNTESTED("lib/code.c has no machine code for this architecture: the "
			 "suite, not the system, lacks it");
	__builtin___clear_cache((char *)dst, (char *)dst + n);
}

unsigned char *function_page(int value, int prot)
{
	unsigned char *page = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE,
					    MAP_PRIVATE);

	put_function(page, value);
	if (prot != (PROT_READ | PROT_WRITE))
		set_prot(page, page_size, prot);
	return page;
}

const char *exec_not_enforced_reason(void)
{
	const char *why = mmapcts_kernel_exec_not_enforced();

	return why ? why : cpu_exec_not_enforced();
}

void mmapcts_check_call_returns_(const char *file, int line, const char *expr,
				 const void *code, int expected)
{
	int value;
	struct fault f = probe_call(code, &value);

	mmapcts_check_fault_(file, line, expr, "call", f, code, 0, 0);
	mmapcts_check_cmp_(file, line, "==", "the value the call returned", value,
			   "expected", expected);
}

void mmapcts_require_call_returns_(const char *file, int line, const void *code,
				   int expected)
{
	int value;
	struct fault f = probe_call(code, &value);

	if (f.sig)
		mmapcts_end_(VERDICT_UNRESOLVED, file, line,
			     "calling the function in an executable page raised %s (%s)",
			     signal_name(f.sig), si_code_name(f.sig, f.code));
	if (value != expected)
		mmapcts_end_(VERDICT_UNRESOLVED, file, line,
			     "the function in an executable page returned %d, expected %d",
			     value, expected);
}

void mmapcts_check_call_faults_where_enforced_(const char *file, int line,
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
