/*
 * file.c - the recognisable pattern, pattern files, and the memory objects
 * (regular file, POSIX shm, memfd) that variants of a case map.
 */
#include "mmapcts.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

unsigned char pattern_byte_seed(uint64_t off, unsigned seed)
{
	/* A cheap mix of the position in the page, shifted by the page index:
	 * never zero, and the same position differs in neighbouring pages
	 * (the shift repeats every 255 pages). */
	uint64_t ps = page_size ? page_size : 1;
	uint64_t x = off % ps + (uint64_t)seed * 0x9E3779B97F4A7C15ull;

	x ^= x >> 29;
	x *= 0xBF58476D1CE4E5B9ull;
	x ^= x >> 32;
	return (unsigned char)((x % 255 + (off / ps) % 255) % 255 + 1);
}

unsigned char pattern_byte(uint64_t off)
{
	return pattern_byte_seed(off, 0);
}

void fill_pattern(void *buf, uint64_t off, size_t n, unsigned seed)
{
	unsigned char *p = buf;

	for (size_t i = 0; i < n; i++)
		p[i] = pattern_byte_seed(off + i, seed);
}

void touch_pages(const void *addr, size_t len)
{
	uintptr_t a = (uintptr_t)addr, end = a + len;

	/* One byte in every page the range touches, the first one included. */
	for (uintptr_t page = a - a % page_size; page < end; page += page_size)
		(void)*(const volatile unsigned char *)(page < a ? a : page);
}

void *scratch(size_t len)
{
	return SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);
}

static void write_pattern(int fd, size_t len)
{
	unsigned char buf[8192];

	for (size_t done = 0; done < len;) {
		size_t n = len - done < sizeof(buf) ? len - done : sizeof(buf);
		fill_pattern(buf, done, n, 0);
		SAFE_PWRITE(fd, buf, n, (off_t)done);
		done += n;
	}
}

int make_file(const char *name, size_t len)
{
	int fd = SAFE_OPEN(name, O_RDWR | O_CREAT | O_TRUNC, 0600);

	write_pattern(fd, len);
	return fd;
}

static void unlink_shm(void *name)
{
	shm_unlink(name);
}

static int is_object_backing(const char *word)
{
	return word && (!strcmp(word, "file") || !strcmp(word, "shm") || !strcmp(word, "memfd"));
}

const char *mmapcts_backing(void)
{
	const char *v = variant();

	if (is_object_backing(v) || (v && (!strcmp(v, "anon") || !strcmp(v, "dev-zero"))))
		return v;
	return "file";
}

void mmapcts_check_backing(const char *backing)
{
	/* A backing is a need of its own (lib/case.c, need_met()). */
	if (!strcmp(backing, "shm"))
		mmapcts_check_need("shm_open");
	if (!strcmp(backing, "memfd"))
		mmapcts_check_need("memfd_create");
}

int variant_is(const char *name)
{
	return variant() && !strcmp(variant(), name);
}

int variant_map_type(void)
{
	if (variant_is("shared"))
		return MAP_SHARED;
	if (variant_is("private"))
		return MAP_PRIVATE;
	UNRESOLVED("variant_map_type(): the variant is '%s', not private or shared",
		   variant() ? variant() : "(none)");
}

struct object make_object(size_t len)
{
	static int serial;
	struct object obj;
	const char *backing = mmapcts_backing();

	if (!is_object_backing(backing))
		UNRESOLVED("make_object(): the variant '%s' has no object to make", backing);
	memset(&obj, 0, sizeof(obj));
	obj.backing = backing;
	if (!strcmp(backing, "shm")) {
		/* One name per object for as long as its cleanup may need it. */
		static char names[32][64];

		if (serial >= 32)
			UNRESOLVED("make_object: more than 32 objects in one case");
		char *name = names[serial];
		/* The runner's token makes the name unique to this case run, and
		 * lets the runner remove what a case that died left behind. */
		const char *token = getenv("MMAPCTS_RUN_TOKEN");
		for (int attempt = 0;; attempt++) {
			snprintf(name, sizeof(names[0]), "/mmapcts-%s-%ld-%d-%d",
				 token && *token ? token : "x", (long)getpid(), serial, attempt);
			obj.fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
			if (obj.fd >= 0 || errno != EEXIST || attempt == 100)
				break;
		}
		if (obj.fd < 0)
			UNRESOLVED("shm_open(%s, O_RDWR|O_CREAT|O_EXCL) failed: %s", name,
				   errno_name(errno));
		at_cleanup(unlink_shm, name);
		snprintf(obj.path, sizeof(obj.path), "%s", name);
		/* shm objects start empty and may refuse write(): size, then map.
		 * An empty one needs no ftruncate(), which the case asserting
		 * ftruncate() (eof/ftruncate-sets-object-size) relies on. */
		if (len) {
			SAFE_FTRUNCATE(obj.fd, (off_t)len);
			void *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
					    obj.fd, 0);
			fill_pattern(p, 0, len, 0);
			SAFE_MUNMAP(p, len);
		}
	} else if (!strcmp(backing, "memfd")) {
		obj.fd = mmapcts_memfd_create("mmapcts", 0);
		if (obj.fd < 0)
			UNRESOLVED("memfd_create(mmapcts, 0) failed: %s", errno_name(errno));
		snprintf(obj.path, sizeof(obj.path), "/proc/self/fd/%d", obj.fd);
		write_pattern(obj.fd, len);
	} else {
		snprintf(obj.path, sizeof(obj.path), "object-%d", serial);
		obj.fd = make_file(obj.path, len);
	}
	serial++;
	return obj;
}

int reopen_object(const struct object *obj, int flags)
{
	int fd;

	if (!strcmp(obj->backing, "shm"))
		fd = shm_open(obj->path, flags, 0);
	else
		fd = open(obj->path, flags);
	if (fd < 0)
		UNRESOLVED("reopening the %s object %s with flags %#o failed: %s",
			   obj->backing, obj->path, (unsigned)flags, errno_name(errno));
	return fd;
}

struct object object_at(const char *path, int flags)
{
	struct object obj;

	memset(&obj, 0, sizeof(obj));
	obj.backing = mmapcts_backing();
	snprintf(obj.path, sizeof(obj.path), "%s", path);
	obj.fd = reopen_object(&obj, flags);
	return obj;
}

unsigned char *read_object(const struct object *obj, off_t off, size_t len)
{
	unsigned char *buf = scratch(len);

	SAFE_PREAD(obj->fd, buf, len, off);
	return buf;
}

const unsigned char *object_contents(const struct object *obj, size_t len)
{
	/* read() of a shm object is unspecified: look through a fresh mapping. */
	if (!strcmp(obj->backing, "shm"))
		return SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj->fd, 0);
	return read_object(obj, 0, len);
}

void unlink_object(const struct object *obj)
{
	int ret = 0;

	if (!strcmp(obj->backing, "shm"))
		ret = shm_unlink(obj->path);
	else if (strcmp(obj->backing, "memfd"))
		ret = unlink(obj->path);
	if (ret < 0)
		UNRESOLVED("removing the name of the %s object failed: %s",
			   obj->backing, errno_name(errno));
}
