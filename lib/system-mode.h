/*
 * system-mode.h - the opt-out of the strict-POSIX build.
 *
 * configure --enable-strict-posix compiles every file with only
 * _POSIX_C_SOURCE=200809L and _XOPEN_SOURCE=700, which is what the POSIX
 * profile and the case library promise.  The few files whose job is
 * system-specific code (lib/linux.c, lib/names.c, harness/run.c and the
 * others CONTRIBUTING.md lists) include this header before anything else
 * and are built in the system's own mode, its extensions on, in every
 * build.  In other builds it changes nothing.
 */
#undef MMAPCTS_STRICT_POSIX
#undef _POSIX_C_SOURCE
#undef _XOPEN_SOURCE
