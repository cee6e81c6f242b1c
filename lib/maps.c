/*
 * maps.c - the one reader of /proc/self/maps (Linux; elsewhere the file
 * is absent and maps_open() says so), and what is built on it.
 */
#include "mmapcts.h"

#include <inttypes.h>
#include <stdio.h>

int maps_open(struct maps_iter *it)
{
	it->f = fopen("/proc/self/maps", "r");
	return it->f ? 0 : -1;
}

int maps_next(struct maps_iter *it, struct maps_entry *e)
{
	char line[sizeof(e->name) + 128];

	while (fgets(line, sizeof(line), it->f)) {
		uintmax_t start, end, offset;
		int name_at = 0;

		/* start-end perms offset major:minor inode [name] */
		if (sscanf(line, "%jx-%jx %7s %jx %x:%x %lu %n", &start, &end, e->perms,
			   &offset, &e->dev_major, &e->dev_minor, &e->inode, &name_at) < 7)
			continue;
		e->start = (uintptr_t)start;
		e->end = (uintptr_t)end;
		e->offset = offset;
		line[strcspn(line, "\n")] = '\0';
		snprintf(e->name, sizeof(e->name), "%s", name_at ? line + name_at : "");
		return 1;
	}
	return 0;
}

void maps_close(struct maps_iter *it)
{
	fclose(it->f);
}

const char *mapping_name(const void *addr, char *buf, size_t size)
{
	struct maps_iter it;
	struct maps_entry e;
	uintptr_t a = (uintptr_t)addr;

	if (maps_open(&it) < 0) {
		snprintf(buf, size, "unknown");
		return buf;
	}
	snprintf(buf, size, "unmapped");
	while (maps_next(&it, &e))
		if (a >= e.start && a < e.end) {
			snprintf(buf, size, "%s (%s)", *e.name ? e.name : "anonymous", e.perms);
			break;
		}
	maps_close(&it);
	return buf;
}

const char *range_layout(const void *map, size_t len, char *buf, size_t n)
{
	struct maps_iter it;
	struct maps_entry e;
	uintptr_t lo = (uintptr_t)map, hi = lo + len;
	size_t used = 0;

	if (maps_open(&it) < 0)
		UNTESTED("no /proc/self/maps: the layout cannot be observed");
	buf[0] = '\0';
	while (used < n && maps_next(&it, &e)) {
		const char *base = strrchr(e.name, '/');

		if (e.end <= lo || e.start >= hi)
			continue;
		/* Pages from map, not addresses, and the last part of the path
		 * (never the temp directory's name): records diff cleanly. */
		used += (size_t)snprintf(buf + used, n - used, "%s%jd-%jd %s %jx %s",
					 used ? "; " : "",
					 ((intmax_t)e.start - (intmax_t)lo) / (intmax_t)page_size,
					 ((intmax_t)e.end - (intmax_t)lo) / (intmax_t)page_size,
					 e.perms, (uintmax_t)e.offset, base ? base + 1 : e.name);
	}
	maps_close(&it);
	return buf;
}
