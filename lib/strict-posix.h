/*
 * strict-posix.h - what config.h includes last in a file built strict
 * (configure --enable-strict-posix, MMAPCTS_STRICT_POSIX): such a file sees
 * only what _POSIX_C_SOURCE=200809L and _XOPEN_SOURCE=700 give, so the
 * system extensions AC_USE_SYSTEM_EXTENSIONS enabled are taken back before
 * any system header is read.  (config.status would rewrite these lines in
 * config.h itself.)  The __STDC_WANT_* requests stay: they ask for ISO C
 * annexes, not system extensions, and compilers warn when they are undefined.
 */
#undef _ALL_SOURCE
#undef _DARWIN_C_SOURCE
#undef __EXTENSIONS__
#undef _GNU_SOURCE
#undef _DEFAULT_SOURCE
#undef _BSD_SOURCE
#undef _NETBSD_SOURCE
#undef _OPENBSD_SOURCE
#undef _TANDEM_SOURCE
#undef _HPUX_ALT_XOPEN_SOCKET_API
#undef _MINIX
#undef _POSIX_PTHREAD_SEMANTICS
