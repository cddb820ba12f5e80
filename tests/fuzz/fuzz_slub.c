// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the slab allocator: the input is a program of
 * kmalloc/kfree/krealloc and misuses, run on a fresh kernel node 0 with
 * fresh boot caches.
 *
 *   byte 0      bit 0: every cache debugs (slub_debug=FZPU)
 *   then ops    one byte each, with argument bytes:
 *     0-3  kmalloc   size from two bytes (1..9000: every kmalloc cache
 *                    and large kmalloc), GFP_KERNEL or with __GFP_ZERO
 *     4-5  kfree     a slot, its pattern checked first
 *     6    krealloc  a slot to a new size: the common prefix survives
 *     7    cache     alloc from / free to a private cache of 1..600 bytes
 *     8    misuse    kfree of a slot's pointer + 1..ksize-1; kfree of a
 *                    slot twice in a row (the second finds the object on
 *                    its slab's free list, or its slab gone back to the
 *                    page allocator); kmem_cache_free of a kmalloc
 *                    object to the private cache - each must be reported
 *                    and change nothing
 *     9    overrun   (debugging only) a byte into a slab object's red
 *                    zone, then kfree: reported, restored, freed
 *
 * A correct op prints nothing; a misuse prints its report.  Every live
 * block keeps its pattern and no two live blocks overlap.  After freeing
 * everything and shrinking every cache the slab page count is what it was
 * after kmem_cache_init(), and the page allocator's invariants hold.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "../kunit/mm_fixture.c"
#include "../../mm/slab.h"

static const struct mm_layout fuzz_node = {
	.name = "fz-slab", .nr_pages = 2048, .zone_end = { 0, 2048, 2048 },
	.host_base_pfn = 0x800,
};

#define NR_SLOTS 48

struct slot {
	u8 *p;
	size_t size;
	u8 seed;
	bool cache;		/* from the private cache, not kmalloc */
};

static struct mm_fixture fz;
static struct slot slots[NR_SLOTS];
static struct printk_capture fcap;

#define FUZZ_CHECK(cond, what) do {						\
	if (!(cond)) {								\
		fprintf(stderr, "fuzz_slub: %s failed: %s\n%s", what, #cond, fcap.buf); \
		abort();							\
	}									\
} while (0)

static void fill(struct slot *s)
{
	size_t i;

	for (i = 0; i < s->size; i++)
		s->p[i] = (u8)(s->seed + i * 7);
}

static void check_pattern(const struct slot *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		FUZZ_CHECK(s->p[i] == (u8)(s->seed + i * 7), "pattern");
}

/* no live block overlaps @s */
static void check_overlap(const struct slot *s)
{
	int i;

	for (i = 0; i < NR_SLOTS; i++) {
		const struct slot *o = &slots[i];

		if (o == s || !o->p)
			continue;
		FUZZ_CHECK(!(s->p < o->p + o->size && o->p < s->p + s->size), "no overlap");
	}
}

static void shrink_all(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
}

#define QUIET(stmt) do {							\
	kunit_capture_start(&fcap);						\
	stmt;									\
	kunit_capture_stop();							\
	FUZZ_CHECK(fcap.len == 0, "a correct op prints nothing");		\
} while (0)

#define REPORTED(stmt, needle) do {						\
	kunit_capture_start(&fcap);						\
	stmt;									\
	kunit_capture_stop();							\
	FUZZ_CHECK(fcap.len && strstr(fcap.buf, needle), "misuse reported: " needle); \
} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kmem_cache *cache = NULL;
	unsigned long baseline;
	bool debug;
	size_t pos = 1;
	unsigned int ops = 0;
	int i;

	if (size < 2)
		return 0;
	debug = data[0] & 1;
	memset(slots, 0, sizeof(slots));
	FUZZ_CHECK(mm_fixture_init(&fz, &fuzz_node, 0, 0) == 0, "fixture");
	mm_fixture_no_watermarks(&fz);
	kmem_cache_init(debug ? "" : NULL);
	shrink_all();
	baseline = nr_slab_unreclaimable;
	cache = kmem_cache_create("fuzz", 1 + data[1] % 600, 0, 0, NULL);
	FUZZ_CHECK(cache, "private cache");
	pos = 2;

	while (pos < size && ops++ < 400) {
		u8 op = data[pos++] % 10;
		u8 a = pos < size ? data[pos++] : 0;
		u8 b = pos < size ? data[pos++] : 0;
		struct slot *s = &slots[a % NR_SLOTS];
		size_t n = 1 + (((size_t)a << 8 | b) % 9000);

		switch (op) {
		case 0: case 1: case 2: case 3:
			if (s->p)
				break;
			QUIET(s->p = kmalloc(n, GFP_KERNEL | (b & 1 ? __GFP_ZERO : 0)));
			if (!s->p)
				break;
			FUZZ_CHECK(ksize(s->p) >= n, "ksize");
			if (b & 1)
				for (i = 0; i < (int)n; i++)
					FUZZ_CHECK(s->p[i] == 0, "__GFP_ZERO");
			s->size = n;
			s->seed = b;
			s->cache = false;
			check_overlap(s);
			fill(s);
			break;
		case 4: case 5:
			if (!s->p)
				break;
			check_pattern(s, s->size);
			QUIET(s->cache ? kmem_cache_free(cache, s->p) : kfree(s->p));
			s->p = NULL;
			break;
		case 6: {
			u8 *q;

			if (!s->p || s->cache)
				break;
			check_pattern(s, s->size);
			n = 1 + (((size_t)b << 5 | a) % 9000);
			QUIET(q = krealloc(s->p, n, GFP_KERNEL));
			if (!q)
				break;
			s->p = q;
			check_pattern(s, min(n, s->size));
			s->size = n;
			check_overlap(s);
			fill(s);
			break;
		}
		case 7:
			if (s->p)
				break;
			QUIET(s->p = kmem_cache_alloc(cache, GFP_KERNEL));
			if (!s->p)
				break;
			s->size = kmem_cache_size(cache);
			s->seed = b;
			s->cache = true;
			check_overlap(s);
			fill(s);
			break;
		case 8:
			if (!s->p)
				break;
			if (b % 3 == 0 && ksize(s->p) > 1) {
				REPORTED(kfree(s->p + 1 + b % (ksize(s->p) - 1)), "");
			} else if (b % 3 == 1) {
				u8 *p = s->p;

				/* nothing is allocated in between: @p is free, in its slab or in the buddy allocator */
				QUIET(s->cache ? kmem_cache_free(cache, p) : kfree(p));
				s->p = NULL;
				REPORTED(s->cache ? kmem_cache_free(cache, p) : kfree(p), "");
			} else if (!s->cache && ksize(s->p) <= KMALLOC_MAX_CACHE_SIZE) {
				REPORTED(kmem_cache_free(cache, s->p), "Wrong slab cache");
			}
			break;
		case 9:
			if (!debug || !s->p || s->cache || ksize(s->p) > KMALLOC_MAX_CACHE_SIZE)
				break;
			check_pattern(s, s->size);
			s->p[ksize(s->p)] ^= 0xff;
			REPORTED(kfree(s->p), "Redzone overwritten");
			s->p = NULL;
			break;
		}
		FUZZ_CHECK(verify_free_lists(fz.node) == 0, "page allocator invariants");
	}

	for (i = 0; i < NR_SLOTS; i++)
		if (slots[i].p) {
			check_pattern(&slots[i], slots[i].size);
			QUIET(slots[i].cache ? kmem_cache_free(cache, slots[i].p) : kfree(slots[i].p));
		}
	QUIET(kmem_cache_destroy(cache));
	shrink_all();
	FUZZ_CHECK(nr_slab_unreclaimable == baseline, "every slab page back");
	FUZZ_CHECK(verify_free_lists(fz.node) == 0, "page allocator invariants at the end");
	mm_fixture_destroy(&fz);
	return 0;
}
