/*
 * mincore.c - faults in what mincore() reports: which pages are resident,
 * how many vector entries it writes, which ranges it accepts.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "internal.h"

static size_t entries(size_t len)
{
	return (len + pg - 1) / pg;
}

/* mincore() as the kernel answers, then every entry set to value. */
static int mincore_then_set(void *addr, size_t len, unsigned char *vec, int value)
{
	int r = real_mincore(addr, len, vec);

	if (r == 0)
		memset(vec, value, entries(len));
	return r;
}

/* mincore-all-resident: a stub that assumes all memory is in core. */
static int mincore_all_resident(void *addr, size_t len, unsigned char *vec)
{
	return mincore_then_set(addr, len, vec, 1);
}
FAULT(MINCORE_ALL_RESIDENT, .mincore = mincore_all_resident);

/* mincore-none-resident: a stub that clears the vector. */
static int mincore_none_resident(void *addr, size_t len, unsigned char *vec)
{
	return mincore_then_set(addr, len, vec, 0);
}
FAULT(MINCORE_NONE_RESIDENT, .mincore = mincore_none_resident);

static int mincore_rounds_address(void *addr, size_t len, unsigned char *vec)
{
	uintptr_t a = (uintptr_t)addr, down = a & ~(uintptr_t)(pg - 1);

	return real_mincore((void *)down, len + (a - down), vec);
}
FAULT(MINCORE_ROUNDS_ADDRESS, .mincore = mincore_rounds_address);

static int mincore_rounds_length_down(void *addr, size_t len, unsigned char *vec)
{
	size_t down = len & ~(pg - 1);

	if (len && !down)
		return 0;
	return real_mincore(addr, down, vec);
}
FAULT(MINCORE_ROUNDS_LENGTH_DOWN, .mincore = mincore_rounds_length_down);

/* mincore-vector-overrun: the entry count computed one too high. */
static int mincore_vector_overrun(void *addr, size_t len, unsigned char *vec)
{
	int r = real_mincore(addr, len, vec);

	if (r == 0 && len)
		vec[entries(len)] = vec[entries(len) - 1] & 1;
	return r;
}
FAULT(MINCORE_VECTOR_OVERRUN, .mincore = mincore_vector_overrun);

/* mincore-holes-ok: holes reported as pages not resident. */
static int mincore_holes_ok(void *addr, size_t len, unsigned char *vec)
{
	int r = real_mincore(addr, len, vec);

	return r < 0 && errno == ENOMEM ? 0 : r;
}
FAULT(MINCORE_HOLES_OK, .mincore = mincore_holes_ok);

static int mincore_zero_length_einval(void *addr, size_t len, unsigned char *vec)
{
	if (len == 0) {
		errno = EINVAL;
		return -1;
	}
	return real_mincore(addr, len, vec);
}
FAULT(MINCORE_ZERO_LENGTH_EINVAL, .mincore = mincore_zero_length_einval);

/* mincore-userspace-vector: the kernel fills a buffer of the emulation's,
 * which copies it to vec with plain stores. */
static int mincore_userspace_vector(void *addr, size_t len, unsigned char *vec)
{
	static unsigned char buf[4096];
	int r;

	if (entries(len) > sizeof(buf))
		return real_mincore(addr, len, vec);
	r = real_mincore(addr, len, buf);
	if (r == 0)
		memcpy(vec, buf, entries(len));
	return r;
}
FAULT(MINCORE_USERSPACE_VECTOR, .mincore = mincore_userspace_vector);
