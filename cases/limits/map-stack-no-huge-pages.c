/*
 * mmap() accepts MAP_STACK and makes ordinary read-write private memory
 * of it, which since Linux 6.7 is never backed by transparent huge pages
 * (the mapping carries VM_NOHUGEPAGE, "nh" in the VmFlags of
 * /proc/self/smaps): a stack is mostly untouched, and a huge page would
 * commit 2 MiB for it.  A libc or kernel that refuses the flag (EINVAL
 * for a flag it does not know) fails on the call; one that accepts and
 * drops it fails on the flags, where the kernel is 6.7 or later and has
 * transparent huge pages at all; elsewhere the flags are only recorded
 * (observation "map_stack_nohugepage").
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_PRIVATE|MAP_ANONYMOUS|MAP_STACK memory succeeds, "
		     "every page takes a store, and (Linux 6.7 and later, with "
		     "transparent huge pages) the mapping is marked no-huge-page.",
	.spec      = "Linux mmap(2): MAP_STACK; Linux 6.7, mm/mmap: MAP_STACK maps to "
		     "VM_NOHUGEPAGE (commit c4608d1bf7c6); proc_pid_smaps(5): VmFlags nh",
	.profile   = "linux",
	.covers    = "A4",
);

static void run(void)
{
	size_t npages = 4;
	unsigned char *map = CHECK_MAP_OK(mmap(NULL, npages * page_size,
					       PROT_READ | PROT_WRITE,
					       MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK,
					       -1, 0));
	int nohuge;

	CHECK_PAGES_WRITABLE(map, npages, npages);
	nohuge = has_vm_flag(map, "nh");
	OBSERVE("map_stack_nohugepage", "%s", nohuge ? "yes" : "no");
	if (kernel_at_least("6.7") && access("/sys/kernel/mm/transparent_hugepage", F_OK) == 0)
		CHECK(nohuge);
}
