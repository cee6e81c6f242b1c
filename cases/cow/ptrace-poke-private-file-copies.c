/*
 * A debugger's write into a read-only MAP_PRIVATE file page copies it:
 * a child maps a file (or a shm or memfd object) read-only and private, reads it, and stops under
 * ptrace(PTRACE_TRACEME); the parent writes one word into the child's page
 * with PTRACE_POKEDATA (a forced write, as a breakpoint is planted) and
 * lets it go; the child must read the new word next to the file's other
 * bytes, and the file must still hold its own bytes.  Linux breaks
 * copy-on-write for a forced write to a private mapping without
 * PROT_WRITE (and refuses one to a shared mapping).  A kernel that writes
 * into the page cache page (the BSD regression this row is named after:
 * a write into a wired read-only page that reached the object) changes
 * the file and fails here; one that refuses the poke fails too.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "PTRACE_POKEDATA into a read-only MAP_PRIVATE file page of a "
		     "tracee changes the tracee's copy only: it reads the new word, "
		     "the file keeps its bytes.",
	.spec      = "Linux ptrace(2): PTRACE_POKEDATA; mmap(2): MAP_PRIVATE "
		     "(copy-on-write; updates are not carried through to the "
		     "underlying file)",
	.profile   = "linux",
	.covers    = "E11",
	.variants  = "file shm memfd",
);

static struct object obj;
static struct sync meet;
static const long word = 0x5a5a5a5a;

static void tracee(void *arg)
{
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ, MAP_PRIVATE, obj.fd, 0);
	long got;

	(void)arg;
	touch_pages(map, page_size);
	sync_send(&meet, &map, sizeof(map));
	if (trace_me_and_stop() < 0)
		UNRESOLVED("ptrace(PTRACE_TRACEME) failed: %s", errno_name(errno));
	sync_wait(&meet);

	memcpy(&got, map, sizeof(got));
	CHECK_EQ(got, word);
	CHECK_PATTERN(map + sizeof(long), sizeof(long), page_size - sizeof(long));
}

static void run(void)
{
	unsigned char *theirs;
	pid_t pid;

	obj = make_object(page_size);
	sync_init(&meet);
	pid = start_child(tracee, NULL);
	sync_recv(&meet, &theirs, sizeof(theirs));
	CHECK_OK(poke_word_and_detach(pid, theirs, word));
	sync_post(&meet);
	wait_child(pid);

	CHECK_PATTERN(object_contents(&obj, page_size), 0, page_size);
}
