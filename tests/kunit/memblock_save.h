/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock is one global instance; tests of memblock, setup_memory_map()
 * and the real-world maps rebuild it.  In the booted kernel it describes
 * the machine (retired, but still read by reports), so each such suite
 * saves it in suite_init and puts it back, byte for byte, in suite_exit.
 * Tests start with memblock_reset(), which puts memblock back on its
 * static arrays: only those (the first INIT_MEMBLOCK_REGIONS slots of
 * whatever array is in use when saved) can be overwritten by a test, and
 * an array the booted kernel doubled into is left alone.  Restoring writes
 * through the saved pointer, never through one a test left behind.
 */
#ifndef _TESTS_MEMBLOCK_SAVE_H
#define _TESTS_MEMBLOCK_SAVE_H

#include <linux/memblock.h>
#include <linux/string.h>

struct memblock_saved {
	struct memblock mb;
	struct memblock_region memory[INIT_MEMBLOCK_REGIONS];
	struct memblock_region reserved[INIT_MEMBLOCK_REGIONS];
};

static inline void memblock_save(struct memblock_saved *s)
{
	s->mb = memblock;
	memcpy(s->memory, memblock.memory.regions, sizeof(s->memory));
	memcpy(s->reserved, memblock.reserved.regions, sizeof(s->reserved));
}

static inline void memblock_restore(const struct memblock_saved *s)
{
	memblock = s->mb;
	memcpy(memblock.memory.regions, s->memory, sizeof(s->memory));
	memcpy(memblock.reserved.regions, s->reserved, sizeof(s->reserved));
}

#endif
