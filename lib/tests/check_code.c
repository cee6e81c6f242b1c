/*
 * check_code.c - unit tests of running code (lib/code.c, probe_call() in
 * lib/probe.c) and of the Linux-only steps (lib/linux.c), with check.
 *
 * What may end the process (a failing CHECK_CALL_*, UNSUPPORTED) runs in a
 * child of its own with unit.h's run_captured().
 */
#include "unit.h"

#include <limits.h>
#ifdef __linux__
#include <sys/personality.h>
#include <sys/prctl.h>
#endif

UNIT_TEST_METADATA("unit tests of running code");

/* Tests that need machine code pass on a machine without it: they check
 * that put_function() says so instead. */
static int have_code(void)
{
	unsigned char buf[64];

	return return_const_code(buf, 1) > 0;
}

/* ------------------------------------------------------------------------
 * The machine code
 * ------------------------------------------------------------------------ */
static void put_into(void *arg)
{
	(void)arg;
	put_function(scratch(page_size), 1);
}

START_TEST(no_code_is_unsupported)
{
	struct outcome o;

	run_captured(put_into, NULL, 0, &o);
	if (have_code()) {
		EXPECT_EXIT(&o, 0);
	} else {
		EXPECT_EXIT(&o, 77);
		EXPECT_SAID(&o, "has no machine code for this architecture");
	}
}
END_TEST

START_TEST(code_is_short_and_depends_on_the_value)
{
	unsigned char a[64], b[64];
	size_t n = return_const_code(a, 42);

	if (!n)
		return;
	ck_assert_uint_le(n, 16);
	ck_assert_uint_eq(return_const_code(b, 43), n);
	ck_assert_mem_ne(a, b, n);
}
END_TEST

/* The values at both ends of the range run and return themselves. */
START_TEST(function_page_returns_its_value)
{
	static const int values[] = { 0, 1, 42, 255, 256, 2047 };

	if (!have_code())
		return;
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		unsigned char *code = function_page(values[i], PROT_READ | PROT_EXEC);
		int result = -2;
		struct fault f = probe_call(code, &result);

		ck_assert_msg(f.sig == 0, "value %d: %s", values[i], signal_name(f.sig));
		ck_assert_int_eq(result, values[i]);
		ck_assert_int_eq(munmap(code, page_size), 0);
	}
}
END_TEST

/* A page rewritten with another function runs the new one. */
START_TEST(put_function_rewrites_code)
{
	unsigned char *code;
	int result;

	if (!have_code())
		return;
	code = function_page(7, PROT_READ | PROT_WRITE | PROT_EXEC);
	ck_assert_int_eq(probe_call(code, &result).sig, 0);
	ck_assert_int_eq(result, 7);
	put_function(code, 8);
	ck_assert_int_eq(probe_call(code, &result).sig, 0);
	ck_assert_int_eq(result, 8);
	/* Without PROT_EXEC asked for, the page stays writable. */
	code = function_page(9, PROT_READ | PROT_WRITE);
	ck_assert_int_eq(probe_write(code + page_size - 1, 1).sig, 0);
}
END_TEST

static void page_with_prot(void *arg)
{
	MARK(); function_page(1, *(const int *)arg);
}

START_TEST(function_page_bad_prot_is_unresolved)
{
	int prot = PROT_READ | PROT_EXEC | 0x1000000;	/* a bit no system defines */
	struct outcome o;

	if (!have_code())
		return;
	run_captured(page_with_prot, &prot, 0, &o);
	EXPECT_EXIT(&o, 99);
	EXPECT_SAID(&o, "failed: EINVAL");
}
END_TEST

#ifdef __linux__
#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65
#endif
#ifndef PR_MDWE_REFUSE_EXEC_GAIN
#define PR_MDWE_REFUSE_EXEC_GAIN 1
#endif
/* Linux 6.3's memory-deny-write-execute: a policy that refuses PROT_EXEC. */
static void page_under_mdwe(void *arg)
{
	if (prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) < 0) {
		printf("no MDWE here\n");
		return;
	}
	page_with_prot(arg);
}
#endif

START_TEST(function_page_exec_refused_by_policy_is_unsupported)
{
#ifdef __linux__
	int prot = PROT_READ | PROT_EXEC;
	struct outcome o;

	if (!have_code())
		return;
	run_captured(page_under_mdwe, &prot, 0, &o);
	if (said(&o, "no MDWE here"))
		return;
	EXPECT_EXIT(&o, 77);
	EXPECT_SAID(&o, "mprotect(PROT_READ|PROT_EXEC) is refused here: EACCES");
#endif
}
END_TEST

/* ------------------------------------------------------------------------
 * probe_call()
 * ------------------------------------------------------------------------ */
START_TEST(probe_call_null_result)
{
	unsigned char *code;

	if (!have_code())
		return;
	code = function_page(5, PROT_READ | PROT_EXEC);
	ck_assert_int_eq(probe_call(code, NULL).sig, 0);
}
END_TEST

START_TEST(probe_call_prot_none)
{
	unsigned char *code;
	int result = 3;
	struct fault f;

	if (!have_code())
		return;
	code = function_page(5, PROT_NONE);
	f = probe_call(code, &result);
	ck_assert_int_eq(f.sig, SIGSEGV);
	ck_assert_int_eq(f.code, SEGV_ACCERR);
	ck_assert_ptr_eq(f.addr, code);
	ck_assert_int_eq(result, -1);	/* no value: the call never returned */
}
END_TEST

START_TEST(probe_call_unmapped)
{
	unsigned char *p = map_anon(3 * page_size, PROT_READ | PROT_WRITE);
	struct fault f;

	ck_assert_int_eq(munmap(p + page_size, page_size), 0);
	f = probe_call(p + page_size, NULL);
	ck_assert_int_eq(f.sig, SIGSEGV);
	ck_assert_int_eq(f.code, SEGV_MAPERR);
	ck_assert_ptr_eq(f.addr, p + page_size);
}
END_TEST

/* A readable page without PROT_EXEC: SEGV_ACCERR where PROT_EXEC is enforced. */
START_TEST(probe_call_without_prot_exec)
{
	unsigned char *code;
	struct fault f;

	if (!have_code() || exec_not_enforced_reason())
		return;
	code = function_page(5, PROT_READ | PROT_WRITE);
	f = probe_call(code, NULL);
	ck_assert_int_eq(f.sig, SIGSEGV);
	ck_assert_int_eq(f.code, SEGV_ACCERR);
	ck_assert_ptr_eq(f.addr, code);
}
END_TEST

/* An instruction the CPU will not decode: SIGILL, which calls also catch. */
START_TEST(probe_call_illegal_instruction)
{
#if defined(__x86_64__) || defined(__i386__)
	static const unsigned char illegal[] = { 0x0f, 0x0b };	/* ud2 */
#else
	/* aarch64 udf #0, and an illegal opcode on ppc64, riscv64, s390x */
	static const unsigned char illegal[] = { 0, 0, 0, 0 };
#endif
	unsigned char *p = map_anon(page_size, PROT_READ | PROT_WRITE);
	struct fault f;

	if (!have_code())
		return;
	memcpy(p, illegal, sizeof(illegal));
	__builtin___clear_cache((char *)p, (char *)p + sizeof(illegal));
	ck_assert_int_eq(mprotect(p, page_size, PROT_READ | PROT_EXEC), 0);
	f = probe_call(p, NULL);
	ck_assert_int_eq(f.sig, SIGILL);
	ck_assert_ptr_eq(f.addr, p);
}
END_TEST

static void marker_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	(void)uc;
}

/* Every probe puts back the handlers it found, and a data probe leaves
 * SIGILL alone. */
START_TEST(probes_restore_signal_handlers)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL };
	unsigned char *none = map_anon(page_size, PROT_NONE);
	struct sigaction sa, now;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = marker_handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(sigaction(sigs[i], &sa, NULL), 0);
	ck_assert_int_eq(probe_call(none, NULL).sig, SIGSEGV);
	ck_assert_int_eq(probe_read(none).sig, SIGSEGV);
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(sigaction(sigs[i], NULL, &now), 0);
		ck_assert_msg(now.sa_sigaction == marker_handler, "%s handler not restored",
			      signal_name(sigs[i]));
	}
}
END_TEST

/* Calls and data probes take turns without leaving state behind. */
START_TEST(probes_in_a_row)
{
	unsigned char *none = map_anon(page_size, PROT_NONE);
	unsigned char *code;
	int result;

	if (!have_code())
		return;
	code = function_page(11, PROT_READ | PROT_EXEC);
	for (int i = 0; i < 50; i++) {
		ck_assert_int_eq(probe_call(none, NULL).sig, SIGSEGV);
		ck_assert_int_eq(probe_read(code).sig, 0);
		ck_assert_int_eq(probe_call(code, &result).sig, 0);
		ck_assert_int_eq(result, 11);
		ck_assert_int_eq(probe_write(none, 1).sig, SIGSEGV);
	}
}
END_TEST

/* ------------------------------------------------------------------------
 * CHECK_CALL_* and require_call_returns()
 * ------------------------------------------------------------------------ */
static void passing_call_checks(void *arg)
{
	unsigned char *code = function_page(42, PROT_READ | PROT_EXEC);
	unsigned char *none = function_page(42, PROT_NONE);

	(void)arg;
	CHECK_CALL_RETURNS(code, 42);
	require_call_returns(code, 42);
	CHECK_CALL_FAULTS(none, SIGSEGV, SEGV_ACCERR);
	CHECK_CALL_DENIED(none);
	if (!exec_not_enforced_reason())
		CHECK_CALL_FAULTS_WHERE_ENFORCED(function_page(42, PROT_READ | PROT_WRITE));
	printf("all passed\n");
}

START_TEST(call_checks_pass)
{
	struct outcome o;

	if (!have_code())
		return;
	run_captured(passing_call_checks, NULL, 0, &o);
	EXPECT_EXIT(&o, 0);
	EXPECT_SAID(&o, "all passed\n");
	EXPECT_SAID(&o, "observation: call_denied_by=SIGSEGV/SEGV_ACCERR\n");
}
END_TEST

static void failing_call_check(void *arg)
{
	unsigned char *code = function_page(42, PROT_READ | PROT_EXEC);
	unsigned char *none = function_page(42, PROT_NONE);

	switch (*(const int *)arg) {
	case 0: MARK(); CHECK_CALL_RETURNS(code, 43); break;
	case 1: MARK(); CHECK_CALL_RETURNS(none, 42); break;
	case 2: MARK(); CHECK_CALL_FAULTS(code, SIGSEGV, SEGV_ACCERR); break;
	case 3: MARK(); CHECK_CALL_FAULTS(none, SIGBUS, BUS_ADRERR); break;
	case 4: MARK(); CHECK_CALL_DENIED(code); break;
	case 5: MARK(); require_call_returns(code, 43); break;
	case 6: MARK(); require_call_returns(none, 42); break;
	case 7: MARK(); CHECK_CALL_FAULTS_WHERE_ENFORCED(code); break;
	}
}

START_TEST(call_checks_fail_at_the_callers_line)
{
	static const struct {
		int code;
		const char *verdict, *text;
	} want[] = {
		{ 1, "FAIL", "the value the call returned == expected: got 42, expected 43" },
		{ 1, "FAIL", "call of none: got SIGSEGV (SEGV_ACCERR), expected no fault" },
		{ 1, "FAIL", "call of code: got no fault, expected SIGSEGV (SEGV_ACCERR)" },
		{ 1, "FAIL", "call of none: got SIGSEGV (SEGV_ACCERR), expected SIGBUS (BUS_ADRERR)" },
		{ 1, "FAIL", "call of code: no fault, expected the access to be denied" },
		{ 99, "UNRESOLVED", "the function in an executable page returned 42, expected 43" },
		{ 99, "UNRESOLVED", "calling the function in an executable page raised SIGSEGV "
				    "(SEGV_ACCERR)" },
		{ 1, "FAIL", "call of code: got no fault, expected SIGSEGV (SEGV_ACCERR)" },
	};
	struct outcome o;

	if (!have_code())
		return;
	run_captured(failing_call_check, &_i, 0, &o);
	if (_i == 7 && exec_not_enforced_reason())
		return;	/* UNTESTED there: exec_enforcement_unknown covers it */
	EXPECT_END(&o, want[_i].code, want[_i].verdict, want[_i].text);
}
END_TEST

#ifdef __linux__
/* READ_IMPLIES_EXEC: every readable mapping made from now on is also
 * executable, so Linux no longer enforces PROT_EXEC for this process. */
static void read_implies_exec(void *arg)
{
	int none = *(const int *)arg;
	unsigned char *code;

	if (personality(personality(0xffffffff) | READ_IMPLIES_EXEC) < 0) {
		printf("no personality here\n");
		return;
	}
	code = function_page(42, none ? PROT_NONE : PROT_READ | PROT_WRITE);
	printf("reason: %s\n", exec_not_enforced_reason());
	MARK(); CHECK_CALL_FAULTS_WHERE_ENFORCED(code);
}
#endif

START_TEST(exec_enforcement_unknown)
{
#ifdef __linux__
	static const char *const observed[] = { "completed", "SIGSEGV/SEGV_ACCERR" };
	char want[128];
	struct outcome o;

	if (!have_code())
		return;
	run_captured(read_implies_exec, &_i, 0, &o);
	if (said(&o, "no personality here"))
		return;
	EXPECT_END(&o, 77, "UNTESTED", "cannot tell whether PROT_EXEC is enforced "
		   "here: the process runs with the READ_IMPLIES_EXEC personality");
	snprintf(want, sizeof(want), "observation: call_without_prot_exec=%s\n", observed[_i]);
	EXPECT_EXIT(&o, 77);
	EXPECT_SAID(&o, want);
#endif
}
END_TEST

/* ------------------------------------------------------------------------
 * Whether PROT_EXEC is enforced
 * ------------------------------------------------------------------------ */
START_TEST(exec_enforcement_known_here)
{
	const char *why = exec_not_enforced_reason();

#if defined(__linux__) && (defined(__x86_64__) || defined(__i386__))
	if (mmapcts_proc_line_has_word("/proc/cpuinfo", "flags", "nx") == 1)
		ck_assert_msg(!why, "x86 with nx: %s", why);
	else
		ck_assert_ptr_nonnull(why);
#else
	(void)why;
#endif
}
END_TEST

START_TEST(proc_line_words)
{
	FILE *f = fopen("cpuinfo", "w");

	ck_assert_ptr_nonnull(f);
	fputs("processor\t: 0\nflags\t\t: fpu nx\tsse2\nflags\t\t: later lines do not count\n"
	      "bare words here\n", f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(mmapcts_proc_line_has_word("cpuinfo", "flags", "nx"), 1);
	ck_assert_int_eq(mmapcts_proc_line_has_word("cpuinfo", "flags", "sse2"), 1);
	ck_assert_int_eq(mmapcts_proc_line_has_word("cpuinfo", "flags", "fp"), 0);
	ck_assert_int_eq(mmapcts_proc_line_has_word("cpuinfo", "flags", "later"), 0);
	ck_assert_int_eq(mmapcts_proc_line_has_word("cpuinfo", "flags", "flags"), 0);
	ck_assert_int_eq(mmapcts_proc_line_has_word("cpuinfo", "facilities", "130"), 0);
	/* A line without a colon: its words, the key among them. */
	ck_assert_int_eq(mmapcts_proc_line_has_word("cpuinfo", "bare", "here"), 1);
	ck_assert_int_eq(mmapcts_proc_line_has_word("no-such-file", "flags", "nx"), -1);
}
END_TEST

/* ------------------------------------------------------------------------
 * Linux-only steps
 * ------------------------------------------------------------------------ */
static void noexec_file(void *arg)
{
	int fd = file_on_noexec_mount();

	(void)arg;
	printf("noexec=%d\n", on_noexec_mount(fd));
	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0),
			EPERM);
	/* The test program runs, so its own filesystem is not noexec. */
	printf("program=%d\n", on_noexec_mount(SAFE_OPEN(self_path(), O_RDONLY)));
}

START_TEST(noexec_tmpfs_or_unsupported)
{
	struct outcome o;

	run_captured(noexec_file, NULL, 0, &o);
	if (WIFEXITED(o.status) && WEXITSTATUS(o.status) == 77) {
		EXPECT_SAID(&o, "UNSUPPORTED: ");
		return;	/* no permission for namespaces or mounts here */
	}
	EXPECT_EXIT(&o, 0);
	EXPECT_SAID(&o, "noexec=1\nprogram=0\n");
}
END_TEST

#ifdef __linux__
static void back_to_root(void *arg)
{
	(void)arg;
	if (seteuid(0) < 0)
		perror("seteuid(0)");
}

/* Without the privilege to make a mount namespace: UNSUPPORTED.  (Root
 * only lends its effective uid away, and a cleanup takes it back, so that
 * a coverage build can still write its counts at the end.) */
static void noexec_unprivileged(void *arg)
{
	(void)arg;
	if (geteuid() == 0) {
		if (seteuid(65534) < 0)
			UNRESOLVED("seteuid: %s", errno_name(errno));
		at_cleanup(back_to_root, NULL);
	}
	noexec_tmpfs();
}

/* Where ./noexec cannot be made, the setup broke: UNRESOLVED. */
static void noexec_dir_taken(void *arg)
{
	(void)arg;
	if (mkdir("taken", 0700) < 0 || chdir("taken") < 0 || close(make_file("noexec", 1)) < 0)
		UNRESOLVED("cannot prepare: %s", errno_name(errno));
	noexec_tmpfs();
}
#endif

START_TEST(noexec_tmpfs_failures)
{
#ifdef __linux__
	struct outcome o;

	run_captured(noexec_unprivileged, NULL, 0, &o);
	EXPECT_EXIT(&o, 77);
	EXPECT_SAID(&o, "UNSUPPORTED: no noexec mount can be made here: "
		   "unshare(CLONE_NEWNS) failed: EPERM\n");
	if (geteuid() != 0)
		return;
	run_captured(noexec_dir_taken, NULL, 0, &o);
	if (WIFEXITED(o.status) && WEXITSTATUS(o.status) == 77)
		return;	/* root without CAP_SYS_ADMIN, as in some containers */
	EXPECT_EXIT(&o, 99);
	EXPECT_SAID(&o, "UNRESOLVED: mkdir(noexec) failed: EEXIST\n");
#endif
}
END_TEST

static void sealed(void *arg)
{
	int fd = write_sealed_memfd(2 * page_size);
	unsigned char *map;

	(void)arg;
	CHECK_EQ(fcntl(fd, F_GET_SEALS) & F_SEAL_WRITE, F_SEAL_WRITE);
	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
			EPERM);
	map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ, MAP_SHARED, fd, 0);
	CHECK_PATTERN(map, 0, 2 * page_size);
	printf("sealed ok\n");
}

START_TEST(write_sealed_memfd_is_sealed)
{
	struct outcome o;

	if (!HAVE_MEMFD_CREATE || !HAVE_F_SEAL_WRITE)
		return;
	run_captured(sealed, NULL, 0, &o);
	EXPECT_EXIT(&o, 0);
	EXPECT_SAID(&o, "sealed ok\n");
}
END_TEST

static Suite *code_suite(void)
{
	Suite *s = suite_create("code");
	TCase *tc = tcase_create("machine code");

	tcase_add_test(tc, no_code_is_unsupported);
	tcase_add_test(tc, code_is_short_and_depends_on_the_value);
	tcase_add_test(tc, function_page_returns_its_value);
	tcase_add_test(tc, put_function_rewrites_code);
	tcase_add_test(tc, function_page_bad_prot_is_unresolved);
	tcase_add_test(tc, function_page_exec_refused_by_policy_is_unsupported);
	suite_add_tcase(s, tc);

	tc = tcase_create("probe_call");
	tcase_add_test(tc, probe_call_null_result);
	tcase_add_test(tc, probe_call_prot_none);
	tcase_add_test(tc, probe_call_unmapped);
	tcase_add_test(tc, probe_call_without_prot_exec);
	tcase_add_test(tc, probe_call_illegal_instruction);
	tcase_add_test(tc, probes_restore_signal_handlers);
	tcase_add_test(tc, probes_in_a_row);
	suite_add_tcase(s, tc);

	tc = tcase_create("checks");
	tcase_add_test(tc, call_checks_pass);
	tcase_add_loop_test(tc, call_checks_fail_at_the_callers_line, 0, 8);
	tcase_add_loop_test(tc, exec_enforcement_unknown, 0, 2);
	tcase_add_test(tc, exec_enforcement_known_here);
	tcase_add_test(tc, proc_line_words);
	suite_add_tcase(s, tc);

	tc = tcase_create("linux");
	tcase_add_test(tc, noexec_tmpfs_or_unsupported);
	tcase_add_test(tc, noexec_tmpfs_failures);
	tcase_add_test(tc, write_sealed_memfd_is_sealed);
	suite_add_tcase(s, tc);
	return s;
}

/* The temp directory and what the tests left in it. */
static void remove_tree(const char *dir)
{
	int status = -1;
	pid_t pid;

	if (chdir("/") < 0 || (pid = fork()) < 0)
		return;
	if (pid == 0) {
		execlp("rm", "rm", "-rf", "--", dir, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || status != 0)
		fprintf(stderr, "check_code: rm -rf %s failed\n", dir);
}

int main(int argc, char **argv)
{
	char workdir[PATH_MAX];
	const char *base = getenv("TMPDIR");
	int failed;
	SRunner *sr;

	(void)argc;
	/* Hermetic: not a case under the runner, whatever the environment says. */
	unsetenv(MMAPCTS_RESULT_FD_ENV);
	unsetenv(MMAPCTS_TMPDIR_ENV);
	unsetenv("MMAPCTS_TMPDIR_OWNER");
	unsetenv("MMAPCTS_CASE_PID");
	mmapcts_init(argv[0]);
	unsetenv("MMAPCTS_CASE_PID");
	prog = argv[0];
	me = mmapcts_source_name(__FILE__);
	line_mark = mmap(NULL, sizeof(*line_mark), PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	snprintf(workdir, sizeof(workdir), "%s/check_code.XXXXXX", base && *base ? base : "/tmp");
	if (line_mark == MAP_FAILED || !mkdtemp(workdir) || chdir(workdir) < 0) {
		perror("check_code: setup");
		return MMAPCTS_EXIT_HARD_ERROR;
	}

	sr = srunner_create(code_suite());
	srunner_set_fork_status(sr, CK_FORK);	/* the probes and checks rely on it */
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	remove_tree(workdir);
	return failed ? MMAPCTS_EXIT_FAIL : MMAPCTS_EXIT_PASS;
}
