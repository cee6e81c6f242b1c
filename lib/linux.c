/*
 * linux.c - the Linux-only observables and advice, behind one shim: plain
 * reads of /proc and madvise(), which compat.h stubs where it is missing.
 * Elsewhere each of them ends the case UNTESTED or UNSUPPORTED with the
 * reason, so the POSIX profile builds and runs on any system.
 */
#include "mmapcts.h"

#include <stdio.h>
#include <stdlib.h>

long locked_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmLck: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	if (kb < 0)
		UNTESTED("no VmLck in /proc/self/status: memory locks cannot be observed");
	return kb;
}

int overcommit_policy(void)
{
	FILE *f = fopen("/proc/sys/vm/overcommit_memory", "r");
	int policy = -1;

	if (!f)
		UNTESTED("/proc/sys/vm/overcommit_memory cannot be read (%s): the "
			 "overcommit policy is unknown", errno_name(errno));
	if (fscanf(f, "%d", &policy) != 1)
		policy = -1;
	fclose(f);
	if (policy < 0 || policy > 2)
		UNTESTED("/proc/sys/vm/overcommit_memory holds no known policy");
	OBSERVE("overcommit_memory", "%d", policy);
	return policy;
}

unsigned long long meminfo_bytes(const char *key)
{
	char line[256];
	size_t klen = strlen(key);
	unsigned long long kb = 0;
	int found = 0;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		UNTESTED("/proc/meminfo cannot be read: %s", errno_name(errno));
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, klen) && line[klen] == ':') {
			kb = strtoull(line + klen + 1, NULL, 10);
			found = 1;
		}
	fclose(f);
	if (!found)
		UNTESTED("/proc/meminfo has no %s line", key);
	return kb * 1024;
}

void advise_(const char *file, int line, void *addr, size_t len, int advice,
	     const char *name)
{
	if (madvise(addr, len, advice) == 0)
		return;
	/* ENOSYS: compat.h's stand-in, where the system has no madvise(). */
	if (errno == EINVAL || errno == ENOSYS)
		mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "madvise(%s) fails with %s: "
			     "this kernel does not know the advice", name, errno_name(errno));
	mmapcts_end_(VERDICT_UNRESOLVED, file, line, "madvise(%s) failed: %s", name,
		     errno_name(errno));
}

size_t resident_pages(void *addr, size_t len)
{
	size_t npages = (len + page_size - 1) / page_size, n = 0;
	unsigned char *vec = scratch(npages);

	if (mincore(addr, len, vec) < 0)
		UNRESOLVED("mincore(addr, %zu) failed: %s", len, errno_name(errno));
	for (size_t i = 0; i < npages; i++)
		n += vec[i] & 1;
	SAFE_MUNMAP(vec, npages);
	return n;
}
