/*
 * mincore.h - what the mincore cases share: the madvise group's helpers
 * (fresh memory in small pages, layouts with holes) and a vector whose
 * unwritten entries show.
 */
#ifndef MINCORE_H
#define MINCORE_H

#include "../madvise/madvise.h"

/* An entry mincore() never writes: its low bit, the one that says
 * "resident", is clear, and the other bits are set, so both a missing and
 * a stray write show. */
#define VEC_UNWRITTEN 0xfe

#endif
