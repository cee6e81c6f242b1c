/*
 * bench.c - `make bench`: how fast is the runner?
 *
 *   bench RUNNER TRIVIAL_CASE [N]
 *
 * Measures N bare fork/exec/wait cycles of a trivial case, the same N runs
 * through the runner one at a time (-j1) and in parallel, and prints cases
 * per second and the runner's per-case overhead as a ratio to the bare
 * cycle.  Speed targets live here, never in the unit tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int run_and_wait(char *const argv[], int quiet)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (quiet && !freopen("/dev/null", "w", stdout))
			_exit(127);
		execv(argv[0], argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static double runner_seconds(const char *runner, const char *kase, int n, const char *jobs)
{
	char repeat[32];
	char *argv[] = { (char *)runner, "--no-json", "--no-progress", "-j", (char *)jobs,
			 "--repeat", repeat, (char *)kase, NULL };
	double t;

	snprintf(repeat, sizeof(repeat), "%d", n);
	t = now();
	if (run_and_wait(argv, 1) != 0) {
		fprintf(stderr, "bench: the runner failed\n");
		exit(1);
	}
	return now() - t;
}

int main(int argc, char **argv)
{
	int n = argc > 3 ? atoi(argv[3]) : 500;
	char cpus[16];
	double t, bare, serial, parallel;

	if (argc < 3 || n <= 0) {
		fprintf(stderr, "usage: bench RUNNER TRIVIAL_CASE [N]\n");
		return 2;
	}
	snprintf(cpus, sizeof(cpus), "%ld", sysconf(_SC_NPROCESSORS_ONLN));

	char *bare_argv[] = { argv[2], NULL };
	t = now();
	for (int i = 0; i < n; i++)
		if (run_and_wait(bare_argv, 1) != 0) {
			fprintf(stderr, "bench: %s failed\n", argv[2]);
			return 1;
		}
	bare = (now() - t) / n;
	serial = runner_seconds(argv[1], argv[2], n, "1") / n;
	parallel = runner_seconds(argv[1], argv[2], n, cpus) / n;

	printf("cases: %d runs of %s\n", n, argv[2]);
	printf("bare fork/exec/wait:   %8.3f ms per case\n", bare * 1e3);
	printf("runner, -j1:           %8.3f ms per case (%.0f cases/s)\n", serial * 1e3,
	       1 / serial);
	printf("runner, -j%s:           %8.3f ms per case (%.0f cases/s)\n", cpus,
	       parallel * 1e3, 1 / parallel);
	printf("runner overhead per case: %.3f ms; ratio runner/bare (-j1): %.2f\n",
	       (serial - bare) * 1e3, serial / bare);
	return 0;
}
