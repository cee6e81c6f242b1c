/*
 * Linux refuses an unprivileged MAP_FIXED mapping at address 0, and at
 * any address below vm.mmap_min_addr, with EPERM (EACCES where a security
 * module makes the refusal), and allows one at vm.mmap_min_addr itself.
 * The value of /proc/sys/vm/mmap_min_addr is recorded ("mmap_min_addr").
 * The checks run in a child that has given up CAP_SYS_RAWIO (which lifts
 * the limit; the child keeps its user ids): a mapping at 0 and at the
 * page just below the limit must be refused; one at the limit, asked for
 * with MAP_FIXED_NOREPLACE so that it replaces nothing, must land there
 * (or find the page taken: recorded as "at_limit=occupied").  What the
 * case's own privileged process gets at 0 is recorded
 * ("privileged_map_at_zero"), not asserted.  A kernel built without the
 * check (NULL-pointer dereferences become exploitable) fails, and so does
 * one that applies the limit in the wrong unit (refuses at the limit).
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "For a process without CAP_SYS_RAWIO, mmap(MAP_FIXED) below "
		     "vm.mmap_min_addr (address 0 included) fails with EPERM or "
		     "EACCES, and at vm.mmap_min_addr it maps.",
	.spec      = "Linux proc_sys_vm(5): mmap_min_addr (\"how much of a process's "
		     "virtual address space is protected from user mmap\"); "
		     "capabilities(7): CAP_SYS_RAWIO",
	.profile   = "linux",
	.covers    = "A10",
);

static uintptr_t min_addr;

static void unprivileged(void *arg)
{
	void *at_limit = (void *)min_addr, *p;

	(void)arg;
	drop_raw_io();

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), EPERM, EACCES);
	OBSERVE("at_zero_errno", "%s", errno_name(errno));
	CHECK_MAP_FAILS(mmap((void *)(min_addr - page_size), page_size,
			     PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), EPERM, EACCES);

	p = mmap(at_limit, page_size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p == MAP_FAILED && errno == EPERM)
		FAIL("mmap() at vm.mmap_min_addr itself fails with EPERM: the limit "
		     "is applied above the value set");
	OBSERVE("at_limit", "%s", p == at_limit ? "mapped" : p != MAP_FAILED
		? "placed elsewhere" : errno == EEXIST ? "occupied" : errno_name(errno));
}

static void run(void)
{
	char buf[64];
	unsigned long long v;
	int fd = open("/proc/sys/vm/mmap_min_addr", O_RDONLY);
	ssize_t n;
	void *p;

	if (fd < 0)
		UNTESTED("no /proc/sys/vm/mmap_min_addr: %s", errno_name(errno));
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	v = strtoull(buf, NULL, 10);
	OBSERVE("mmap_min_addr", "%llu", v);
	if (v == 0)
		UNTESTED("vm.mmap_min_addr is 0: there is no low-address limit here");
	min_addr = (uintptr_t)((v + page_size - 1) / page_size * page_size);

	p = mmap(NULL, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		 MAP_FIXED_NOREPLACE, -1, 0);
	OBSERVE("privileged_map_at_zero", "%s", p == NULL ? "mapped"
		: p == MAP_FAILED ? errno_name(errno) : "placed elsewhere");
	if (p != MAP_FAILED)
		SAFE_MUNMAP(p, page_size);

	run_in_child(unprivileged, NULL);
}
