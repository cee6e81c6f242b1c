/*
 * A memory object's pages mapped PROT_READ | PROT_EXEC can be executed:
 * a function stored in the object runs from a MAP_PRIVATE mapping of it,
 * the way a dynamic linker maps the code of a shared library.
 *
 * The function is stored through a shared writable mapping, which is
 * removed; the object is then mapped anew for execution, so the kernel
 * must make the object's page both present and executable (and, on
 * machines whose instruction cache is not coherent, synchronised).  An
 * implementation that refused PROT_EXEC on an object it could read, or
 * executed other data, fails.  UNSUPPORTED where the object lives on a
 * noexec mount (/dev/shm and /tmp often are), or
 * where lib/code.c has no machine code for the architecture.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A function stored in a memory object runs from a "
		     "PROT_READ | PROT_EXEC MAP_PRIVATE mapping of the object.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (prot: PROT_EXEC \"Data can be "
		     "executed\"); mprotect(): DESCRIPTION",
	.profile   = "posix",
	.covers    = "A8",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *store = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
					 MAP_SHARED, obj.fd, 0);
	unsigned char *code;

	put_function(store, 42);
	SAFE_MUNMAP(store, page_size);
	if (on_noexec_mount(obj.fd))
		UNSUPPORTED("the %s object is on a noexec mount", obj.backing);

	code = CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ | PROT_EXEC, MAP_PRIVATE,
				 obj.fd, 0));

	CHECK_CALL_RETURNS(code, 42);
}
