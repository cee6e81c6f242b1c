/*
 * Linux lists every mapping of a process in /proc/self/maps, with the
 * device and inode of the object it maps; after execve() that list names
 * no mapping of an object only the old image had mapped.  This is the
 * address-independent form of exec/object-mapping-removed: wherever a
 * kept mapping might have ended up, it would show here.  A child of the
 * case's process maps the object twice (private and shared), stores
 * through both and re-executes itself with the object's name; the new
 * image opens the object (fstat() gives its device and inode) and reads
 * its own list.  A kernel that carries any mapping of the object into the
 * new image fails, naming the line without its address.
 */
#include "mmapcts.h"
#include "exec.h"

#include <stdio.h>
#include <sys/sysmacros.h>

MMAPCTS_CASE(
	.assertion = "After execve(), /proc/self/maps of the new image lists no "
		     "mapping of an object that only the old image had mapped.",
	.spec      = "Linux proc_pid_maps(5) (dev, inode); POSIX.1-2024 exec: "
		     "DESCRIPTION (memory mappings created in the process are "
		     "unmapped)",
	.profile   = "linux",
	.covers    = "F1",
	.variants  = "file shm memfd",
);

static void in_new_image(void)
{
	struct object obj = object_at(exec_arg(), O_RDONLY);
	struct maps_iter maps;
	struct maps_entry m;
	struct stat st;

	if (maps_open(&maps) < 0)
		UNRESOLVED("fopen(/proc/self/maps) failed: %s", errno_name(errno));
	SAFE_FSTAT(obj.fd, &st);
	while (maps_next(&maps, &m))
		if (m.inode == (unsigned long)st.st_ino && m.dev_major == major(st.st_dev) &&
		    m.dev_minor == minor(st.st_dev))
			FAIL("the new image still has a mapping of the old image's "
			     "object (%s)", m.perms);
	maps_close(&maps);
}

static void map_twice(void *arg)
{
	struct object *obj = arg;
	unsigned char *private_map = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
					       MAP_PRIVATE, obj->fd, 0);
	unsigned char *shared_map = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED, obj->fd, 0);

	fill_pattern(private_map, 0, page_size, STORED);
	fill_pattern(shared_map, 0, page_size, STORED);
}

static void run(void)
{
	struct object obj;

	if (exec_stage()) {
		in_new_image();
		return;
	}
	obj = make_object(page_size);

	wait_child(exec_self_in_child(NEW_IMAGE, obj.path, map_twice, &obj));
}
