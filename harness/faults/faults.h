/*
 * faults.h - the deliberate bugs of mmapcts-faults.so, one line each.
 *
 * `mmapcts --fault NAME` preloads the library into every case (never into
 * the runner) and names the fault; the library then misbehaves in exactly
 * that one way.  Each fault is a plausible kernel or libc bug, and each must
 * turn at least one passing case red (FAIL, TIMEOUT or CRASH; UNRESOLVED is
 * not enough): that is how the suite proves it can fail.
 * The group says which behaviour the fault is aimed at.  Each fault is
 * defined once, in the library file of the interface it bends (see
 * internal.h); the runner reads only this list.
 */
#ifndef MMAPCTS_FAULTS_H
#define MMAPCTS_FAULTS_H

#define MMAPCTS_FAULT_ENV "MMAPCTS_FAULT"

/* The faults of each later group, a list of its own so that groups grow
 * apart. */
#define MMAPCTS_FAULTS_MSYNC(X)                                                           \
	X(MSYNC_SYNC_ASYNC_OK, "msync-sync-async-ok", "msync",                                \
	  "msync() with both MS_SYNC and MS_ASYNC syncs (MS_ASYNC dropped) instead of failing with EINVAL") \
	X(MSYNC_UNKNOWN_FLAGS_OK, "msync-unknown-flags-ok", "msync",                          \
	  "msync() masks its flags down to the bits it knows instead of failing with EINVAL") \
	X(MSYNC_UNALIGNED_OK, "msync-unaligned-ok", "msync",                                  \
	  "msync() rounds an unaligned address down to its page instead of failing with EINVAL") \
	X(MSYNC_PARTIAL_LENGTH_EINVAL, "msync-partial-length-einval", "msync",                \
	  "msync() refuses a length that is not a multiple of the page size with EINVAL")     \
	X(MSYNC_LENGTH_ROUNDED_DOWN, "msync-length-rounded-down", "msync",                    \
	  "msync() rounds the length down to whole pages: a partial last page is left out")   \
	X(MSYNC_ZERO_LENGTH_ENOMEM, "msync-zero-length-enomem", "msync",                      \
	  "msync() looks up the mapping at addr before the length: an empty range at an unmapped address fails with ENOMEM") \
	X(MSYNC_NO_SYNC_FLAG_EINVAL, "msync-no-sync-flag-einval", "msync",                    \
	  "msync() flags with neither MS_SYNC nor MS_ASYNC fail with EINVAL (POSIX's rule enforced on Linux)") \
	X(MSYNC_INVALIDATE_EINVAL, "msync-invalidate-einval", "msync",                        \
	  "msync() refuses MS_INVALIDATE with EINVAL (an emulation without invalidation)")    \
	X(MSYNC_ANON_ENOMEM, "msync-anon-enomem", "msync",                                    \
	  "msync() of anonymous memory fails with ENOMEM (only mappings of files are looked up)") \
	X(MSYNC_HOLE_OK, "msync-hole-ok", "msync",                                            \
	  "msync() over unmapped pages succeeds instead of failing with ENOMEM (holes skipped silently)") \
	X(MSYNC_IGNORES_LOCKS, "msync-ignores-locks", "msync",                     \
	  "msync(MS_INVALIDATE) of locked memory succeeds instead of failing with EBUSY (the lock check missing)") \
	X(MSYNC_COPIES_UNSYNCED, "msync-copies-unsynced", "msync",                            \
	  "MAP_SHARED file mappings are copies written back only at munmap(): msync() writes nothing") \
	X(MSYNC_COPIES_HOLE_STOPS, "msync-copies-hole-stops", "msync",                        \
	  "MAP_SHARED file mappings are copies written back by msync(), which refuses a range with a hole (ENOMEM) before writing anything back") \
	X(MSYNC_INVALIDATE_DISCARDS, "msync-invalidate-discards", "msync",                    \
	  "MAP_SHARED file mappings are copies, and msync(MS_INVALIDATE) reads them from the file again without writing the stores back") \
	X(MSYNC_PRIVATE_COPIES_STALE, "msync-private-copies-stale", "msync",                  \
	  "MAP_PRIVATE file mappings are copies read at mmap(): MS_INVALIDATE does not read unwritten pages from the file again") \
	X(MAPPING_NO_ATIME, "mapping-no-atime", "msync",                                \
	  "references through a file mapping never mark st_atime (only read() does)")
#define MMAPCTS_FAULTS_MREMAP(X)                                                          \
	X(MREMAP_SAME_SIZE_MOVES, "mremap-same-size-moves", "mremap",                         \
	  "mremap() to the same size with no flags moves the mapping and returns a new address") \
	X(MREMAP_SHRINK_KEEPS_TAIL, "mremap-shrink-keeps-tail", "mremap",                     \
	  "mremap() shrinking in place returns old_address but leaves the cut-off pages mapped") \
	X(MREMAP_SHRINK_SPAN_EFAULT, "mremap-shrink-span-efault", "mremap",                   \
	  "mremap() shrinking an old range that holds a hole fails with EFAULT, as a growth would") \
	X(MREMAP_GROW_MOVES, "mremap-grow-moves", "mremap",                                   \
	  "mremap() without MREMAP_MAYMOVE grows a mapping by moving it to a new address")    \
	X(MREMAP_GROW_OVER_NEIGHBOUR, "mremap-grow-over-neighbour", "mremap",                 \
	  "mremap() growing in place does not check what follows: it replaces the neighbouring mapping") \
	X(MREMAP_MOVE_KEEPS_OLD, "mremap-move-keeps-old", "mremap",                           \
	  "mremap() that moves a mapping leaves the old range mapped (fresh zero pages), as a copying emulation would") \
	X(MREMAP_DROPS_PRIVATE_PAGES, "mremap-drops-private-pages", "mremap",                 \
	  "mremap() that moves or resizes a mapping drops its private pages: anonymous memory reads zero, a private file mapping shows the file again") \
	X(MREMAP_PMD_MOVE_DROPS, "mremap-pmd-move-drops", "mremap",                           \
	  "a move of 2 MiB or more loses the pages of its first PMD-aligned 2 MiB block (page-table level move drops the entries)") \
	X(MREMAP_SPLIT_HUGE_DROPS_REST, "mremap-split-huge-drops-rest", "mremap",             \
	  "a move of 2 MiB or more that starts inside a 2 MiB block loses the part of the block left behind (the huge page split drops it)") \
	X(MREMAP_FIXED_IGNORED, "mremap-fixed-ignored", "mremap",                             \
	  "MREMAP_FIXED is ignored: new_address is not used and nothing there is replaced")   \
	X(MREMAP_OVERLAP_ACCEPTED, "mremap-overlap-accepted", "mremap",                       \
	  "MREMAP_FIXED onto a range overlapping the old one is done (through a temporary place) instead of EINVAL") \
	X(MREMAP_UNALIGNED_ROUNDED, "mremap-unaligned-rounded", "mremap",                     \
	  "an unaligned old_address or new_address is rounded down to its page instead of EINVAL") \
	X(MREMAP_SPAN_FIRST_ONLY, "mremap-span-first-only", "mremap",                         \
	  "mremap() of an old range spanning several mappings resizes the first page only instead of EFAULT") \
	X(MREMAP_ZERO_SIZE_COPIES, "mremap-zero-size-copies", "mremap",                       \
	  "mremap() with old_size 0 makes a private copy of a shared mapping instead of a second view of its pages") \
	X(MREMAP_ZERO_SIZE_MAYMOVE_IMPLIED, "mremap-zero-size-maymove-implied", "mremap",     \
	  "mremap() with old_size 0 makes the second view even without MREMAP_MAYMOVE (instead of ENOMEM)") \
	X(MREMAP_DONTUNMAP_UNMAPS, "mremap-dontunmap-unmaps", "mremap",                       \
	  "MREMAP_DONTUNMAP is ignored: the source is unmapped as in a plain move")           \
	X(MREMAP_DONTUNMAP_COPIES, "mremap-dontunmap-copies", "mremap",                       \
	  "MREMAP_DONTUNMAP of private anonymous memory copies the pages: the source keeps its old bytes") \
	X(MREMAP_SHARED_GROWTH_ZERO_FILLED, "mremap-shared-growth-zero-filled", "mremap",     \
	  "a shared anonymous mapping grown by mremap() gets fresh zero pages past its object instead of SIGBUS") \
	X(MREMAP_DROPS_LOCK, "mremap-drops-lock", "mremap",                                   \
	  "mremap() that moves or grows a locked mapping drops the lock (VM_LOCKED not carried over)") \
	X(MREMAP_LOCK_LIMIT_IGNORED, "mremap-lock-limit-ignored", "mremap",                   \
	  "mremap() growing a locked mapping past RLIMIT_MEMLOCK grows it unlocked instead of EAGAIN")
#define MMAPCTS_FAULTS_LIMITS(X)                                                          \
	X(MAP_STACK_REFUSED, "map-stack-refused", "limits",                                  \
	  "mmap() refuses MAP_STACK with EINVAL (a flag the implementation does not know)")  \
	X(MAP_STACK_IGNORED, "map-stack-ignored", "limits",                                  \
	  "mmap() drops MAP_STACK: the mapping may be backed by transparent huge pages")     \
	X(SETRLIMIT_IGNORED, "setrlimit-ignored", "limits",                                  \
	  "setrlimit() reports success and leaves the limit as it was")                      \
	X(MPROTECT_PAST_MAP_COUNT, "mprotect-past-map-count", "limits",                      \
	  "mprotect() that would split past vm.max_map_count reports success without changing anything") \
	X(MUNMAP_PAST_MAP_COUNT, "munmap-past-map-count", "limits",                          \
	  "munmap() of the middle of a mapping at vm.max_map_count reports success and leaves the range mapped") \
	X(REMAP_FILE_PAGES_NOOP, "remap-file-pages-noop", "limits",                          \
	  "remap_file_pages() reports success and remaps nothing")                           \
	X(REMAP_FILE_PAGES_OFF_BY_ONE, "remap-file-pages-off-by-one", "limits",              \
	  "remap_file_pages() maps the page after the one pgoff names (an off-by-one in the emulation)") \
	X(REMAP_FILE_PAGES_PRIVATE_COPY, "remap-file-pages-private-copy", "limits",          \
	  "remap_file_pages() of a shared mapping maps the chosen pages MAP_PRIVATE: stores never reach the object") \
	X(REMAP_FILE_PAGES_UNCHECKED, "remap-file-pages-unchecked", "limits",                \
	  "remap_file_pages() skips the kernel's checks: private mappings, bad ranges and a nonzero prot report success") \
	X(READONLY_PRIVATE_COMMITTED, "readonly-private-committed", "limits",                \
	  "private anonymous memory is charged commit whatever its protection: a read-only mapping beyond RAM fails with ENOMEM") \
	X(MPROTECT_WRITE_UNCOMMITTED, "mprotect-write-uncommitted", "limits",                \
	  "mprotect() that makes private anonymous memory writable charges no commit (commit charged only at mmap() time)") \
	X(NORESERVE_LOST_ON_MPROTECT, "noreserve-lost-on-mprotect", "limits",                \
	  "mprotect() that makes a MAP_NORESERVE mapping writable charges its commit (the flag kept only at mmap() time)")
#define MMAPCTS_FAULTS_MLOCK(X)                                                           \
	X(MUNLOCK_NOOP, "munlock-noop", "mlock",                                              \
	  "munlock() reports success but unlocks nothing")                                    \
	X(MUNLOCK_WHOLE_MAPPING, "munlock-whole-mapping", "mlock",                            \
	  "munlock() of part of a mapping unlocks the whole mapping the range starts in (the VMA not split)") \
	X(NESTED_LOCKS_COUNTED, "nested-locks-counted", "mlock",                              \
	  "locks nest: a range locked twice stays locked until munlock() has been called twice") \
	X(MUNLOCK_UNLOCKED_REFUSED, "munlock-unlocked-refused", "mlock",                      \
	  "munlock() of memory that holds no lock fails with ENOMEM")                         \
	X(LOCK_HOLES_IGNORED, "lock-holes-ignored", "mlock",                                  \
	  "mlock() and munlock() over a range with a hole act on the mapped parts and return 0 (ENOMEM lost)") \
	X(LOCK_WRAP_ACCEPTED, "lock-wrap-accepted", "mlock",                                  \
	  "mlock() and munlock() of a range whose end wraps around the address space take it for empty and return 0") \
	X(PROT_NONE_LOCK_REFUSED, "prot-none-lock-refused", "mlock",                          \
	  "mlock() of PROT_NONE memory fails with ENOMEM without locking it (NetBSD's behaviour)") \
	X(MLOCK_NO_POPULATE, "mlock-no-populate", "mlock",                                    \
	  "mlock() locks the range without faulting it in (as MLOCK_ONFAULT)")                \
	X(MLOCK_IGNORES_RLIMIT, "mlock-ignores-rlimit", "mlock",                              \
	  "mlock() past RLIMIT_MEMLOCK without CAP_IPC_LOCK reports success (the limit check missing)") \
	X(MAP_LOCKED_IGNORED, "map-locked-ignored", "mlock",                                  \
	  "mmap() drops MAP_LOCKED: the mapping is made unlocked, also past RLIMIT_MEMLOCK")  \
	X(INVALIDATE_IGNORES_LOCKS, "invalidate-ignores-locks", "mlock",                      \
	  "msync(MS_INVALIDATE) of locked pages succeeds (the EBUSY check missing)")          \
	X(MLOCKALL_CURRENT_IGNORED, "mlockall-current-ignored", "mlock",                      \
	  "mlockall() drops MCL_CURRENT: the mappings that exist stay unlocked")              \
	X(MLOCKALL_ONFAULT_IGNORED, "mlockall-onfault-ignored", "mlock",                      \
	  "mlockall() drops MCL_ONFAULT and faults every mapping in")                         \
	X(MUNLOCKALL_NOOP, "munlockall-noop", "mlock",                                        \
	  "munlockall() reports success but leaves every lock, and MCL_FUTURE, in place")     \
	X(MLOCK2_ONFAULT_IGNORED, "mlock2-onfault-ignored", "mlock",                          \
	  "mlock2() drops MLOCK_ONFAULT and faults the whole range in, as mlock()")           \
	X(MLOCK2_FLAGS_UNCHECKED, "mlock2-flags-unchecked", "mlock",                          \
	  "mlock2() drops the flags it does not know instead of failing with EINVAL")         \
	X(TRUNCATE_SPARES_LOCKED, "truncate-spares-locked", "mlock",                          \
	  "a truncate skips the locked pages of a shared mapping: they come back with their old bytes when the object grows again")
#define MMAPCTS_FAULTS_MADVISE(X)                                                         \
	X(DONTNEED_KEEPS_PRIVATE_ANON, "dontneed-keeps-private-anon", "madvise",              \
	  "madvise(MADV_DONTNEED) of private anonymous memory returns 0 and keeps the pages (the advice taken as a hint)") \
	X(DONTNEED_DROPS_SHARED, "dontneed-drops-shared", "madvise",                          \
	  "madvise(MADV_DONTNEED) of a MAP_SHARED mapping replaces its pages with fresh zero pages, as for private anonymous memory") \
	X(DONTNEED_REFUSES_PROT_NONE, "dontneed-refuses-prot-none", "madvise",                \
	  "madvise(MADV_DONTNEED) checks access rights first and refuses PROT_NONE memory with EACCES") \
	X(DONTNEED_DROPS_LOCKED, "dontneed-drops-locked", "madvise",                          \
	  "madvise(MADV_DONTNEED) of mlock()ed memory drops the pages and returns 0 instead of EINVAL") \
	X(MADVISE_ROUNDS_ADDRESS, "madvise-rounds-address", "madvise",                        \
	  "madvise() rounds an unaligned address down to its page instead of failing with EINVAL") \
	X(MADVISE_ZERO_LENGTH_PAGE, "madvise-zero-length-page", "madvise",                    \
	  "madvise() with length 0 advises the page at addr (the length rounded up to at least a page)") \
	X(MADVISE_WRAP_ENOMEM, "madvise-wrap-enomem", "madvise",                              \
	  "madvise() with a length that wraps around the address space walks the range and fails with ENOMEM, not EINVAL") \
	X(MADVISE_ROUNDS_LENGTH_DOWN, "madvise-rounds-length-down", "madvise",                \
	  "madvise() rounds the length down to whole pages: a partial last page is not advised") \
	X(MADVISE_HOLES_SUCCEED, "madvise-holes-succeed", "madvise",                          \
	  "madvise() over a range with unmapped pages advises the mapped parts and returns 0 instead of ENOMEM") \
	X(MADVISE_HOLES_UNADVISED, "madvise-holes-unadvised", "madvise",                      \
	  "madvise() over a range with unmapped pages fails with ENOMEM before advising any of it") \
	X(POPULATE_IGNORED, "populate-ignored", "madvise",                                    \
	  "MADV_POPULATE_READ and MADV_POPULATE_WRITE return 0 and populate nothing (taken as hints)") \
	X(POPULATE_IGNORES_PROTECTION, "populate-ignores-protection", "madvise",              \
	  "MADV_POPULATE_READ/WRITE of memory whose protection forbids that access returns 0 instead of EINVAL") \
	X(FREE_SCRIBBLES, "free-scribbles", "madvise",                                        \
	  "MADV_FREE hands back pages that hold neither their old bytes nor zeroes (a poison fill)") \
	X(FREE_FORGETS_STORES, "free-forgets-stores", "madvise",                              \
	  "reclaim drops pages advised MADV_FREE even when they were stored to since: the later stores are lost") \
	X(GUARD_INSTALL_IGNORED, "guard-install-ignored", "madvise",                          \
	  "MADV_GUARD_INSTALL returns 0 and installs no guard: the page stays accessible") \
	X(GUARD_REMOVE_IGNORED, "guard-remove-ignored", "madvise",                            \
	  "MADV_GUARD_REMOVE returns 0 and leaves the guard: the page still faults") \
	X(PROCESS_MADVISE_FIRST_ONLY, "process-madvise-first-only", "madvise",                \
	  "process_madvise() advises only the first range of its vector and returns that length") \
	X(POSIX_DONTNEED_DISCARDS, "posix-dontneed-discards", "madvise",                      \
	  "posix_madvise(POSIX_MADV_DONTNEED) is passed on as Linux's destructive MADV_DONTNEED: private data is lost") \
	X(POSIX_MADVISE_MINUS_ONE, "posix-madvise-minus-one", "madvise",                      \
	  "posix_madvise() reports failure as -1 with errno, like madvise(), not by returning the error number") \
	X(MINCORE_ALL_RESIDENT, "mincore-all-resident", "mincore",                            \
	  "mincore() reports every page of a mapped range resident (a stub that assumes all memory is in core)") \
	X(MINCORE_NONE_RESIDENT, "mincore-none-resident", "mincore",                          \
	  "mincore() reports no page resident (a stub that clears the vector)") \
	X(MINCORE_ROUNDS_ADDRESS, "mincore-rounds-address", "mincore",                        \
	  "mincore() rounds an unaligned address down to its page instead of failing with EINVAL") \
	X(MINCORE_ROUNDS_LENGTH_DOWN, "mincore-rounds-length-down", "mincore",                \
	  "mincore() rounds the length down: no vector entry for a partial last page") \
	X(MINCORE_VECTOR_OVERRUN, "mincore-vector-overrun", "mincore",                        \
	  "mincore() writes one vector entry more than the range has pages") \
	X(MINCORE_HOLES_OK, "mincore-holes-ok", "mincore",                                    \
	  "mincore() of a range with unmapped pages reports them not resident and returns 0 instead of ENOMEM") \
	X(MINCORE_ZERO_LENGTH_EINVAL, "mincore-zero-length-einval", "mincore",                \
	  "mincore() refuses a length of 0 with EINVAL (NetBSD's answer, not Linux's)") \
	X(MINCORE_USERSPACE_VECTOR, "mincore-userspace-vector", "mincore",                    \
	  "mincore() is emulated in user space and stores to the vector itself: a bad vector kills the caller instead of EFAULT")
#define MMAPCTS_FAULTS_PLACEMENT(X)                                                       \
	X(FIXED_AS_HINT, "fixed-as-hint", "placement",                                       \
	  "MAP_FIXED is taken as a hint: over an existing mapping the new one is placed elsewhere") \
	X(FIXED_UNALIGNED_ROUNDED, "fixed-unaligned-rounded", "placement",                   \
	  "MAP_FIXED at an address that is not page-aligned rounds it down and maps, instead of EINVAL") \
	X(FIXED_PAST_LIMIT_MOVED, "fixed-past-limit-moved", "placement",                     \
	  "MAP_FIXED at a range above the user address limit maps elsewhere instead of failing") \
	X(NOREPLACE_CLOBBERS, "noreplace-clobbers", "placement",                             \
	  "MAP_FIXED_NOREPLACE acts as MAP_FIXED: it replaces the mapping it should refuse")  \
	X(NOREPLACE_IGNORED, "noreplace-ignored", "placement",                               \
	  "MAP_FIXED_NOREPLACE is dropped (a pre-4.17 kernel on a 4.17+ release): the address is a hint") \
	X(NOREPLACE_ADJACENT_EEXIST, "noreplace-adjacent-eexist", "placement",               \
	  "MAP_FIXED_NOREPLACE's overlap test is off by one page: a range touching a mapping gives EEXIST") \
	X(NOREPLACE_FIXED_CLOBBERS, "noreplace-fixed-clobbers", "placement",                 \
	  "MAP_FIXED_NOREPLACE together with MAP_FIXED lets MAP_FIXED win: the mapping is replaced") \
	X(NOREPLACE_UNALIGNED_ROUNDED, "noreplace-unaligned-rounded", "placement",           \
	  "MAP_FIXED_NOREPLACE at an address that is not page-aligned rounds it down instead of EINVAL") \
	X(NOREPLACE_ADDRESS_IGNORED, "noreplace-address-ignored", "placement",               \
	  "MAP_FIXED_NOREPLACE on a free range maps where the system chooses, not at addr")   \
	X(NULL_HINT_AT_ZERO, "null-hint-at-zero", "placement",                               \
	  "mmap(NULL) places the mapping at address 0 when that is free (a bottom-up search with no low limit)") \
	X(NULL_HINT_OVERLAPS, "null-hint-overlaps", "placement",                             \
	  "mmap(NULL) hands out the range of the process's latest mapping although it is still mapped (a stale free-area cache)") \
	X(LOW_ADDRESS_ALLOWED, "low-address-allowed", "placement",                           \
	  "MAP_FIXED below vm.mmap_min_addr is allowed without CAP_SYS_RAWIO (the check compiled out)") \
	X(LOW_LIMIT_IN_PAGES, "low-limit-in-pages", "placement",                             \
	  "vm.mmap_min_addr is applied in pages, not bytes: MAP_FIXED at the limit itself gives EPERM") \
	X(FAILURE_RETURNS_NULL, "failure-returns-null", "placement",                         \
	  "a failing mmap() returns 0 instead of MAP_FAILED (errno set as usual)")            \
	X(BOTH_SHARING_PRIVATE, "both-sharing-private", "placement",                         \
	  "flags with both MAP_SHARED and MAP_PRIVATE (MAP_SHARED_VALIDATE) make a private mapping (the private bit tested first)") \
	X(PRIVATE_UNKNOWN_FLAG_EINVAL, "private-unknown-flag-einval", "placement",           \
	  "MAP_PRIVATE with a flag bit the kernel does not know fails with EINVAL (flags validated, as on the BSDs)") \
	X(ANON_FD_HONOURED, "anon-fd-honoured", "anon",                                      \
	  "MAP_ANONYMOUS with the descriptor of an open file maps the file instead of anonymous memory") \
	X(NEGATIVE_OFFSET_WRAPS, "negative-offset-wraps", "placement",                       \
	  "a negative file offset wraps to the start of the object instead of failing with EOVERFLOW") \
	X(SEALED_PAST_END_EINVAL, "sealed-past-end-einval", "placement",                     \
	  "mmap() of a range past the end of a size-sealed object fails with EINVAL (as device drivers do) instead of mapping or ENXIO")
#define MMAPCTS_FAULTS_HUGEPAGES(X)                                                       \
	X(MAP_HUGETLB_IGNORED, "map-hugetlb-ignored", "hugepages",                           \
	  "mmap() drops MAP_HUGETLB and maps base pages (a libc or emulator that does not pass the flag on)") \
	X(HUGE_SIZE_IGNORED, "huge-size-ignored", "hugepages",                               \
	  "mmap() drops the MAP_HUGE_SHIFT size bits of MAP_HUGETLB and uses the default pool") \
	X(MFD_HUGETLB_IGNORED, "mfd-hugetlb-ignored", "hugepages",                           \
	  "memfd_create() drops MFD_HUGETLB and makes an ordinary tmpfs memfd")               \
	X(SHM_HUGETLB_IGNORED, "shm-hugetlb-ignored", "hugepages",                           \
	  "shmget() drops SHM_HUGETLB and makes an ordinary shared memory segment")          \
	X(THP_SPLIT_DISCARDS, "thp-split-discards", "hugepages",                             \
	  "mprotect() or munmap() of part of a transparent huge page discards the huge page instead of splitting it: the rest reads zero") \
	X(COLLAPSE_DROPS_DATA, "collapse-drops-data", "hugepages",                           \
	  "madvise(MADV_COLLAPSE) frees the small pages before copying them: the collapsed range reads zero") \
	X(COLLAPSE_NOOP, "collapse-noop", "hugepages",                                       \
	  "madvise(MADV_COLLAPSE) returns 0 without collapsing (taken as a hint)")            \
	X(NOHUGEPAGE_IGNORED, "nohugepage-ignored", "hugepages",                             \
	  "madvise(MADV_NOHUGEPAGE) returns 0 and leaves the range eligible for transparent huge pages")
#define MMAPCTS_FAULTS_SEAL(X)                                                            \
	X(MSEAL_NOOP, "mseal-noop", "seal",                                                   \
	  "mseal() returns 0 without sealing (a libc or emulator wrapper that stubs the call)") \
	X(MSEAL_FLAGS_IGNORED, "mseal-flags-ignored", "seal",                                 \
	  "mseal() ignores its flags argument instead of refusing non-zero flags with EINVAL") \
	X(SEALED_MUNMAP_SUCCEEDS, "sealed-munmap-succeeds", "seal",                           \
	  "munmap() of a sealed range reports success (EPERM lost) though nothing was unmapped") \
	X(MRELEASE_LIVE_OK, "mrelease-live-ok", "seal",                                       \
	  "process_mrelease() of a process that is not exiting returns 0 instead of EINVAL")  \
	X(MRELEASE_KILLED_REFUSED, "mrelease-killed-refused", "seal",                         \
	  "process_mrelease() of a SIGKILLed, not yet reaped process fails with EINVAL (only a reaped one counts as exiting)") \
	X(PKEY_DEFAULT_KEY_REFUSED, "pkey-default-key-refused", "seal",                       \
	  "pkey_mprotect() with key -1 fails with EINVAL instead of acting as mprotect()")    \
	X(PKEY_MPROTECT_IGNORES_KEY, "pkey-mprotect-ignores-key", "seal",                     \
	  "pkey_mprotect() changes the protection but never tags the pages with the key (a wrapper calling mprotect())") \
	X(PKEY_UNALLOCATED_ACCEPTED, "pkey-unallocated-accepted", "seal",                     \
	  "pkey_mprotect() with a key that was never allocated acts as mprotect() instead of failing with EINVAL") \
	X(SHMAT_PRIVATE_COPY, "shmat-private-copy", "sysv",                                   \
	  "shmat() attaches a private copy of the segment: stores through one attachment are not seen through another") \
	X(SHM_RMID_DETACHES, "shm-rmid-detaches", "sysv",                                     \
	  "shmctl(IPC_RMID) detaches the segment at once instead of when the last attachment goes") \
	X(SHMDT_NOOP, "shmdt-noop", "sysv",                                                   \
	  "shmdt() returns 0 and leaves the segment attached")                                \
	X(SHM_NOT_INHERITED, "shm-not-inherited", "sysv",                                     \
	  "a child of fork() starts without the parent's System V shared memory attachments") \
	X(MAP_32BIT_IGNORED, "map-32bit-ignored", "anon",                                     \
	  "mmap() ignores MAP_32BIT and places the mapping anywhere")                         \
	X(DROPPABLE_JUNK, "droppable-junk", "anon",                                           \
	  "a new MAP_DROPPABLE mapping holds stale bytes instead of zeroes")                  \
	X(HIGH_HINT_REFUSED, "high-hint-refused", "anon",                                     \
	  "an mmap() hint above the 47-bit address space fails with ENOMEM instead of being taken as a hint") \
	X(MEMFD_SECRET_PLAIN, "memfd-secret-plain", "anon",                                   \
	  "memfd_secret() returns an ordinary memfd: its memory is readable through /proc/pid/mem") \
	X(PIDFD_OPEN_SELF, "pidfd-open-self", "seal",                                         \
	  "pidfd_open() returns a descriptor of the calling process whatever pid it is given")
#define MMAPCTS_FAULTS_COW(X)                                                             \
	X(COW_FORK_SHARES_READONLY, "fork-shares-readonly-private", "cow",                  \
	  "fork() shares private anonymous memory that is read-only at the fork (nothing could write it), so a later mprotect(PROT_WRITE) upgrade writes into the page both processes map") \
	X(COW_HUGEPAGE_SHARED, "hugepage-fork-shares", "cow",                                \
	  "a private range advised MADV_HUGEPAGE is backed by a huge page that fork() maps in both processes without copy-on-write") \
	X(COW_PAGEOUT_SHARED, "pageout-swapin-shares", "cow",                               \
	  "private anonymous memory advised MADV_PAGEOUT comes back from swap as one page both processes of a later fork() write") \
	X(COW_READ_WRITES_THROUGH, "read-writes-through-cow", "cow",                        \
	  "read() into private memory shared copy-on-write after fork() writes the page the other process maps too (copy-out skips the copy-on-write check)") \
	X(COW_CHILD_MMAP_ENOMEM, "child-mmap-enomem", "cow",                                \
	  "a child of fork() can map nothing new: its address-space limit is set to what it inherited (accounting charged twice), so mmap() fails with ENOMEM") \
	X(COW_POPULATE_IGNORED, "private-populate-ignored", "cow",                          \
	  "MAP_POPULATE is dropped from private file mappings (as before Linux 2.6.23): the pages are mapped in only when touched") \
	X(COW_FORK_SHARES_IN_CHILD, "fork-shares-in-child", "cow",                          \
	  "a process that is itself a forked child shares its private anonymous memory with its own children (a collapsed chain of shadow objects)")
#define MMAPCTS_FAULTS_THREADS(X)                                                         \
	X(THREADS_STALE_TRANSLATIONS, "stale-in-other-threads", "threads",                  \
	  "in a multi-threaded process munmap(), mprotect(), a MAP_FIXED replacement of file pages and an mremap() move of them return without reaching the other threads (their TLB shootdown skipped): they keep the old pages and access")
/* Faults for the rows the partials branch finished, in the groups each rule
 * belongs to (defined in partials.c). */
#define MMAPCTS_FAULTS_PARTIALS(X)                                                        \
	X(ANON_PARTIAL_LENGTH_EINVAL, "anon-partial-length-einval", "anon",                   \
	  "anonymous mmap() refuses a length that is not a multiple of the page size with EINVAL (the length checked like an address)") \
	X(WRITE_ONLY_NO_ACCESS, "write-only-no-access", "protection",                         \
	  "mmap() with PROT_WRITE alone maps the memory PROT_NONE (no write-only entry in the protection table): neither a read nor a store completes") \
	X(POPULATE_PRIVATE_WRITE_ENOMEM, "populate-private-write-enomem", "private-file",     \
	  "mmap() of a writable MAP_PRIVATE file mapping with MAP_POPULATE fails with ENOMEM (the prefault's copy-on-write break refused)") \
	X(OWN_MAPPING_IO_EFAULT, "own-mapping-io-efault", "shared-file",                      \
	  "read() and write() with a buffer in a MAP_SHARED mapping of the file they transfer fail with EFAULT (the page locked for the call cannot be faulted in)") \
	X(TYPE_CHECKED_BEFORE_ACCESS, "type-checked-before-access", "file-args",              \
	  "mmap() of the write end of a pipe fails with ENODEV, not EACCES (the file type checked before the access mode)") \
	X(TRUNCATE_ONCE, "truncate-once", "eof",                                              \
	  "ftruncate() shrinking an object to a size it was shrunk to before reports success and does nothing (a stale cached size)") \
	X(GRANDCHILD_SHARES_PRIVATE, "grandchild-shares-private", "fork",                     \
	  "fork() in a process that was itself forked shares its private writable mappings with the new child (only the first generation copies on write)") \
	X(DONTNEED_ZAPS_PARENT, "dontneed-zaps-parent", "fork",                               \
	  "madvise(MADV_DONTNEED) in a forked child frees the private pages it still shares with its parent, for both: the parent reads zeros") \
	X(MDWE_IGNORED, "mdwe-ignored", "protection",                                         \
	  "where memory-deny-write-execute (PR_SET_MDWE) refuses PROT_EXEC, mmap() and mprotect() drop PROT_EXEC and report success") \
	X(EXEC_STACK_EXECUTABLE, "exec-stack-executable", "exec",                             \
	  "execve() ignores PT_GNU_STACK and maps the new image's stack executable") \
	X(SPLIT_NEVER_MERGES, "split-never-merges", "protection",                             \
	  "mprotect() that gives part of a mapping its old protection back leaves the pieces separate mappings (never merged again)") \
	X(UNKNOWN_PROT_BIT_WRITES, "unknown-prot-bit-writes", "protection",                   \
	  "mmap() takes an undefined protection bit as PROT_WRITE (a protection table indexed with the bits unmasked)") \
	X(OFFSET_MMAP2_LIMIT, "offset-mmap2-limit", "file-args",                              \
	  "mmap() of a file at an offset of 1 << 44 or more fails with EINVAL on a 64-bit ABI (the 32-bit mmap2 limit applied where it does not belong)")

#define MMAPCTS_FAULTS(X)                                                                 \
	X(PRIVATE_WRITES_REACH_FILE, "private-writes-reach-file", "private-file",           \
	  "MAP_PRIVATE file mappings are made MAP_SHARED (through a read-write descriptor): private stores reach the file") \
	X(DONTNEED_KEEPS_PRIVATE_FILE, "dontneed-keeps-private-file", "private-file",         \
	  "madvise(MADV_DONTNEED) keeps the written pages of a MAP_PRIVATE file mapping (the advice taken as a hint)") \
	X(OFFSET_IGNORED, "offset-ignored", "private-file",                                   \
	  "the offset argument of a file mapping is ignored (always 0)")                      \
	X(FILE_PAGES_MISORDERED, "file-pages-misordered", "private-file",                     \
	  "the pages of a multi-page file mapping show the file's pages in reverse order")    \
	X(PRIVATE_RDONLY_REFUSED, "private-rdonly-refused", "private-file",                   \
	  "PROT_WRITE|MAP_PRIVATE on a read-only descriptor fails with EACCES")               \
	X(CLOSE_UNMAPS, "close-unmaps", "private-file",                                       \
	  "close() of a descriptor unmaps the mappings made through it")                      \
	X(WRONLY_FD_MAPPABLE, "wronly-fd-mappable", "private-file",                           \
	  "a descriptor open only for writing can be mapped (EACCES missing)")                \
	X(LENGTH_ROUNDED_DOWN, "length-rounded-down", "private-file",                         \
	  "mmap() of a file rounds a length of more than a page down to whole pages: the partial last page is not mapped") \
	X(SHARED_FILE_COPIES, "shared-file-copies", "shared-file",                            \
	  "MAP_SHARED file mappings are made MAP_PRIVATE: stores never reach the file")       \
	X(RDONLY_FD_SHARED_WRITABLE, "rdonly-fd-shared-writable", "shared-file",              \
	  "PROT_WRITE|MAP_SHARED on a read-only descriptor succeeds (EACCES check missing)")  \
	X(WRITEBACK_ON_SYNC_ONLY, "writeback-on-sync-only", "shared-file",                    \
	  "MAP_SHARED file mappings are copies read at mmap() and written back only at msync() or munmap(), as in an emulated mmap") \
	X(VALIDATE_IGNORED, "validate-ignored", "shared-file",                                \
	  "MAP_SHARED_VALIDATE accepts unknown flags (drops them) instead of failing with EOPNOTSUPP") \
	X(MMAP_ERRNO_EINVAL, "mmap-errno-einval", "file-args",                                \
	  "a failing mmap() reports EINVAL whatever the error (errno clobbered in the wrapper)") \
	X(MMAP_ERRNO_KEPT, "mmap-errno-kept", "file-args",                                    \
	  "a failing mmap() leaves errno as it was before the call (the wrapper never stores the error)") \
	X(DEFAULT_PRIVATE, "default-private", "file-args",                                    \
	  "mmap() flags with neither MAP_SHARED nor MAP_PRIVATE are taken as MAP_PRIVATE (an old BSD default), not EINVAL") \
	X(RDONLY_FD_SHARED_REFUSED, "rdonly-fd-shared-refused", "file-args",                  \
	  "MAP_SHARED of a descriptor open only for reading fails with EACCES even without PROT_WRITE") \
	X(EOF_NO_SIGBUS, "eof-no-sigbus", "eof",                                              \
	  "a file mapping past end-of-file extends the file instead of faulting")             \
	X(TRUNCATE_KEEPS_PAGES, "truncate-keeps-pages", "eof",                                \
	  "ftruncate() that shrinks a file leaves it (and its mapped pages) as they were")    \
	X(PAST_EOF_REFUSED, "past-eof-refused", "eof",                                        \
	  "mmap() of pages past the end of the object fails with ENXIO (the size is checked at mmap() time)") \
	X(EOF_PAGE_SIGBUS, "eof-page-sigbus", "eof",                                          \
	  "in a MAP_PRIVATE file mapping the partial page at end-of-file raises SIGBUS (the object size rounded down)") \
	X(TRUNCATE_DROPS_LAST_PAGE, "truncate-drops-last-page", "eof",                        \
	  "ftruncate() that shrinks an object also discards the last page before the new end (off by one page)") \
	X(FTRUNCATE_FAILS, "ftruncate-fails", "eof",                                          \
	  "ftruncate() fails with EFBIG whatever the length (a wrapper passing a 64-bit length in the wrong registers)") \
	X(PAST_MAPPING_SIGBUS, "past-mapping-sigbus", "eof",                                  \
	  "a reference to the unmapped page just past a file mapping raises SIGBUS instead of SIGSEGV") \
	X(ANON_NOT_ZEROED, "anon-not-zeroed", "anon",                                         \
	  "new anonymous memory (MAP_ANONYMOUS or /dev/zero) is filled with junk instead of zeroes") \
	X(ANON_STALE_REUSE, "anon-stale-reuse", "anon",                                       \
	  "unmapped anonymous memory is kept and handed out again with its old bytes")        \
	X(SHARED_ANON_PRIVATE, "shared-anon-private", "anon",                                 \
	  "MAP_SHARED|MAP_ANONYMOUS memory is made private: a child's stores are lost")       \
	X(SHARED_ANON_ALIASED, "shared-anon-aliased", "anon",                                 \
	  "every shared anonymous mapping (MAP_ANONYMOUS or /dev/zero) maps the same object") \
	X(ANON_PAGES_ALIASED, "anon-pages-aliased", "anon",                                   \
	  "every page of a private anonymous (or /dev/zero) mapping is the same physical page") \
	X(ZERO_LENGTH_ACCEPTED, "zero-length-accepted", "anon",                               \
	  "mmap() with length 0 maps a page instead of failing with EINVAL")                  \
	X(ANON_RESULT_UNALIGNED, "anon-result-unaligned", "anon",                             \
	  "anonymous mmap() of a length that is not a page multiple returns an unaligned address (a malloc-based emulation)") \
	X(HINT_IS_FIXED, "hint-is-fixed", "anon",                                             \
	  "a non-null addr without MAP_FIXED is taken as MAP_FIXED: the hint replaces what is there") \
	X(NORESERVE_IGNORED, "noreserve-ignored", "anon",                                     \
	  "MAP_NORESERVE is ignored: a mapping larger than memory is refused although it reserves nothing") \
	X(OVERCOMMIT_ALWAYS, "overcommit-always", "anon",                                     \
	  "every mapping is made as if MAP_NORESERVE were given: heuristic overcommit never refuses") \
	X(SHARED_ANON_REFUSED, "shared-anon-refused", "anon",                                 \
	  "mmap(MAP_SHARED|MAP_ANONYMOUS) fails with ENOMEM (a kernel built without the shared memory filesystem behind it)") \
	X(FORK_SHARES_PRIVATE, "fork-shares-private", "fork",                                 \
	  "fork() shares private anonymous memory with the child instead of copying on write") \
	X(FORK_DROPS_MAPPINGS, "fork-drops-mappings", "fork",                                 \
	  "mappings are not inherited by a child of fork() (as if MADV_DONTFORK were set)")   \
	X(FORK_WIPES_MEMORY, "fork-wipes-memory", "fork",                                     \
	  "a child of fork() gets zero-filled private anonymous memory (as if MADV_WIPEONFORK)") \
	X(FORK_LOSES_PROTECTION, "fork-loses-protection", "fork",                             \
	  "a child of fork() finds its read-only mappings writable")                          \
	X(FORK_KEEPS_LOCKS, "fork-keeps-locks", "fork",                                       \
	  "a child of fork() inherits its parent's memory locks (mlock() ranges, mlockall() flags)") \
	X(FORK_SHARES_PROTECTION, "fork-shares-protection", "fork",                           \
	  "mprotect() of memory inherited across fork() changes it in the parent and the child alike (shared page tables)") \
	X(FORK_FAILS, "fork-fails", "fork",                                                   \
	  "fork() fails with EAGAIN whatever the process limits (a broken RLIMIT_NPROC accounting)") \
	X(EXEC_KEEPS_MAPPINGS, "exec-keeps-mappings", "exec",                                 \
	  "anonymous and file mappings survive execve() into the new image, contents and all") \
	X(EXEC_KEEPS_LOCKS, "exec-keeps-locks", "exec",                                       \
	  "memory locks survive execve(): an image started by a process that locked memory has its memory locked") \
	X(BRK_NOT_ZEROED, "brk-not-zeroed", "exec",                                           \
	  "memory sbrk() adds to the heap holds junk instead of zeroes")                      \
	X(MUNMAP_NOOP, "munmap-noop", "munmap",                                               \
	  "munmap() reports success but unmaps nothing")                                      \
	X(MUNMAP_FIRST_PAGE_ONLY, "munmap-first-page-only", "munmap",                         \
	  "munmap() removes only the first page of the range")                                \
	X(MUNMAP_OVERREACH, "munmap-overreach", "munmap",                                     \
	  "munmap() also removes the page after the range")                                   \
	X(MUNMAP_HOLE_EINVAL, "munmap-hole-einval", "munmap",                                 \
	  "munmap() of a range with unmapped pages fails with EINVAL instead of succeeding")  \
	X(MUNMAP_UNALIGNED_OK, "munmap-unaligned-ok", "munmap",                               \
	  "munmap() rounds an unaligned address down instead of failing with EINVAL")         \
	X(MUNMAP_ZERO_OK, "munmap-zero-ok", "munmap",                                         \
	  "munmap() with length 0 succeeds instead of failing with EINVAL")                   \
	X(MUNMAP_ROUNDS_DOWN, "munmap-rounds-down", "munmap",                                 \
	  "munmap() rounds the length down: a partial last page stays mapped")                \
	X(MUNMAP_KEEPS_LOCK, "munmap-keeps-lock", "munmap",                                   \
	  "munmap() leaves the memory lock of a range behind: a new mapping made there is locked") \
	X(MLOCK_NOOP, "mlock-noop", "munmap",                                                 \
	  "mlock() reports success but locks nothing (memory locking compiled out)") \
	X(MLOCKALL_FUTURE_IGNORED, "mlockall-future-ignored", "munmap",                       \
	  "mlockall(MCL_FUTURE) locks what is mapped now but not the mappings made later (the flag dropped)") \
	X(PROT_NONE_READABLE, "prot-none-readable", "protection",                             \
	  "PROT_NONE memory can be read and executed (mapped or protected PROT_READ|PROT_EXEC)") \
	X(READ_ONLY_WRITABLE, "read-only-writable", "protection",                             \
	  "PROT_READ memory is writable too (a private copy where the file is read-only)")    \
	X(PROT_NONE_DISCARDS, "prot-none-discards", "protection",                             \
	  "mprotect() that takes read access away (PROT_NONE, write- or exec-only) throws the contents away") \
	X(MPROTECT_NOOP, "mprotect-noop", "protection",                                       \
	  "mprotect() reports success but changes nothing")                                   \
	X(MPROTECT_WHOLE_MAPPING, "mprotect-whole-mapping", "protection",                     \
	  "mprotect() of part of a mapping changes the whole mapping (no split)")             \
	X(MPROTECT_HOLE_OK, "mprotect-hole-ok", "protection",                                 \
	  "mprotect() over unmapped pages succeeds instead of failing with ENOMEM")           \
	X(MPROTECT_UNALIGNED_OK, "mprotect-unaligned-ok", "protection",                       \
	  "mprotect() rounds an unaligned address down instead of failing with EINVAL")       \
	X(MPROTECT_RDONLY_SHARED_OK, "mprotect-rdonly-shared-ok", "protection",               \
	  "mprotect(PROT_WRITE) of a shared mapping of a read-only descriptor reports success") \
	X(SYSCALL_IGNORES_PROT, "syscall-ignores-prot", "protection",                         \
	  "read() and write() ignore page protections instead of failing with EFAULT")        \
	X(READ_IMPLIES_EXEC, "read-implies-exec", "protection",                               \
	  "every readable mapping is executable too (READ_IMPLIES_EXEC applied to a process that never asked)") \
	X(WRITE_ONLY_REFUSED, "write-only-refused", "protection",                             \
	  "mmap() and mprotect() refuse PROT_WRITE without PROT_READ with ENOTSUP")           \
	X(NOEXEC_IGNORED, "noexec-ignored", "protection",                                     \
	  "PROT_EXEC for a file on a noexec mount is not refused (the mapping is made without it)") \
	X(STALE_EXEC_PAGE, "stale-exec-page", "protection",                                   \
	  "a page made executable again runs the bytes it held when execute was taken away (stale executable translation)") \
	X(SEALED_PRIVATE_REFUSED, "sealed-private-refused", "protection",                     \
	  "a writable MAP_PRIVATE mapping of a write-sealed memfd is refused with EPERM, like a shared one") \
	MMAPCTS_FAULTS_MSYNC(X) \
	MMAPCTS_FAULTS_MREMAP(X) \
	MMAPCTS_FAULTS_PLACEMENT(X) \
	MMAPCTS_FAULTS_LIMITS(X) \
	MMAPCTS_FAULTS_MADVISE(X) \
	MMAPCTS_FAULTS_MLOCK(X) \
	MMAPCTS_FAULTS_HUGEPAGES(X) \
	MMAPCTS_FAULTS_COW(X) \
	MMAPCTS_FAULTS_THREADS(X) \
	MMAPCTS_FAULTS_SEAL(X) \
	MMAPCTS_FAULTS_PARTIALS(X)

#define MMAPCTS_FAULT_ENUM(id, name, group, text) FAULT_##id,
enum mmapcts_fault { FAULT_NONE = -1, MMAPCTS_FAULTS(MMAPCTS_FAULT_ENUM) FAULT_COUNT };
#undef MMAPCTS_FAULT_ENUM

struct mmapcts_fault_def {
	const char *name, *group, *description;
};

#define MMAPCTS_FAULT_DEF(id, name, group, text) { name, group, text },
static const struct mmapcts_fault_def mmapcts_fault_defs[FAULT_COUNT] = {
	MMAPCTS_FAULTS(MMAPCTS_FAULT_DEF)
};
#undef MMAPCTS_FAULT_DEF

#endif
