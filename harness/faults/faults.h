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
#define MMAPCTS_FAULTS_MSYNC(X)
#define MMAPCTS_FAULTS_MREMAP(X)
#define MMAPCTS_FAULTS_PLACEMENT(X)
#define MMAPCTS_FAULTS_LIMITS(X)
#define MMAPCTS_FAULTS_MADVISE(X)
#define MMAPCTS_FAULTS_MLOCK(X)
#define MMAPCTS_FAULTS_HUGEPAGES(X)
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
#define MMAPCTS_FAULTS_SEAL(X)

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
	MMAPCTS_FAULTS_SEAL(X)

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
