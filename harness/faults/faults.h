/*
 * faults.h - the deliberate bugs of mmapcts-faults.so, one line each.
 *
 * `mmapcts --fault NAME` preloads the library into every case (never into
 * the runner) and names the fault; the library then misbehaves in exactly
 * that one way.  Each fault is a plausible kernel or libc bug, and each must
 * make at least one case FAIL: that is how the suite proves it can fail.
 * The group says which behaviour the fault is aimed at.
 */
#ifndef MMAPCTS_FAULTS_H
#define MMAPCTS_FAULTS_H

#define MMAPCTS_FAULT_ENV "MMAPCTS_FAULT"

#define MMAPCTS_FAULTS(X)                                                                 \
	X(PRIVATE_WRITES_REACH_FILE, "private-writes-reach-file", "private-file",           \
	  "MAP_PRIVATE file mappings are made MAP_SHARED: private stores reach the file")     \
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
	X(SHARED_FILE_COPIES, "shared-file-copies", "shared-file",                            \
	  "MAP_SHARED file mappings are made MAP_PRIVATE: stores never reach the file")       \
	X(RDONLY_FD_SHARED_WRITABLE, "rdonly-fd-shared-writable", "shared-file",              \
	  "PROT_WRITE|MAP_SHARED on a read-only descriptor succeeds (EACCES check missing)")  \
	X(WRITEBACK_ON_SYNC_ONLY, "writeback-on-sync-only", "shared-file",                    \
	  "MAP_SHARED file mappings are copies read at mmap() and written back only at msync() or munmap(), as in an emulated mmap") \
	X(EOF_NO_SIGBUS, "eof-no-sigbus", "eof",                                              \
	  "a file mapping past end-of-file extends the file instead of faulting")             \
	X(TRUNCATE_KEEPS_PAGES, "truncate-keeps-pages", "eof",                                \
	  "ftruncate() that shrinks a file leaves it (and its mapped pages) as they were")    \
	X(ANON_NOT_ZEROED, "anon-not-zeroed", "anon",                                         \
	  "new anonymous memory is filled with junk instead of zeroes")                       \
	X(ANON_STALE_REUSE, "anon-stale-reuse", "anon",                                       \
	  "unmapped anonymous memory is kept and handed out again with its old bytes")        \
	X(SHARED_ANON_PRIVATE, "shared-anon-private", "anon",                                 \
	  "MAP_SHARED|MAP_ANONYMOUS memory is made private: a child's stores are lost")       \
	X(SHARED_ANON_ALIASED, "shared-anon-aliased", "anon",                                 \
	  "every MAP_SHARED|MAP_ANONYMOUS call maps the same object")                         \
	X(ANON_PAGES_ALIASED, "anon-pages-aliased", "anon",                                   \
	  "every page of a private anonymous mapping is the same physical page")              \
	X(ZERO_LENGTH_ACCEPTED, "zero-length-accepted", "anon",                               \
	  "mmap() with length 0 maps a page instead of failing with EINVAL")                  \
	X(FORK_SHARES_PRIVATE, "fork-shares-private", "fork",                                 \
	  "fork() shares private anonymous memory with the child instead of copying on write") \
	X(FORK_DROPS_MAPPINGS, "fork-drops-mappings", "fork",                                 \
	  "mappings are not inherited by a child of fork() (as if MADV_DONTFORK were set)")   \
	X(FORK_WIPES_MEMORY, "fork-wipes-memory", "fork",                                     \
	  "a child of fork() gets zero-filled private anonymous memory (as if MADV_WIPEONFORK)") \
	X(FORK_LOSES_PROTECTION, "fork-loses-protection", "fork",                             \
	  "a child of fork() finds its read-only mappings writable")                          \
	X(EXEC_KEEPS_MAPPINGS, "exec-keeps-mappings", "exec",                                 \
	  "anonymous mappings survive execve() into the new image, contents and all")         \
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
	X(PROT_NONE_READABLE, "prot-none-readable", "protection",                             \
	  "PROT_NONE memory is readable (mapped or protected PROT_READ)")                     \
	X(READ_ONLY_WRITABLE, "read-only-writable", "protection",                             \
	  "PROT_READ memory is writable too (a private copy where the file is read-only)")    \
	X(PROT_NONE_DISCARDS, "prot-none-discards", "protection",                             \
	  "mprotect(PROT_NONE) of private anonymous memory throws its contents away")         \
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
	  "read() and write() ignore page protections instead of failing with EFAULT")

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
