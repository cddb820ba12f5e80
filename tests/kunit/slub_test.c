// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator (mm/slub.c): every kmalloc size class and the slab
 * orders calculate_order() picks, alignment, constructors, a slab's way
 * from the CPU to full, partial, empty and back to the page allocator,
 * kmem_cache_destroy() refusing while objects live, each debugging report
 * (red zone, poison, free pointer, double free, wrong cache, a pointer
 * into an object or not from kmalloc at all) leaving the cache usable,
 * /proc/slabinfo's format, and a model-based random test of kmalloc/kfree.
 *
 * On the host each case gets a fresh kernel node 0 (the fixture's nid 0)
 * and fresh boot caches; in the kernel the cases use the running
 * allocator, and private caches they destroy again.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include "../../mm/slab.h"

#ifdef __ORDERLY_HOST__
/* 16 MiB, one Normal zone */
static const struct mm_layout slab_node = {
	.name = "slab", .nr_pages = 4096, .zone_end = { 0, 4096, 4096 },
	.host_base_pfn = 0x1000,
};

static struct mm_fixture fx;
#endif
static struct printk_capture cap, quiet_cap;

static int slub_init(struct kunit *test)
{
#ifdef __ORDERLY_HOST__
	if (mm_fixture_init(&fx, &slab_node, 0, 0))
		return -1;
	mm_fixture_no_watermarks(&fx);
	kmem_cache_init(NULL);
#endif
	return 0;
}

static void slub_exit(struct kunit *test)
{
#ifdef __ORDERLY_HOST__
	mm_fixture_destroy(&fx);
#endif
}

static struct slab *obj_slab(const void *p)
{
	return page_slab(compound_head(virt_to_page(p)));
}

static void slub_size_classes(struct kunit *test)
{
	static const unsigned int classes[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024,
						2048, 4096, 8192 };
	unsigned int size, i = 0;
	struct page *page;
	u8 *p;

	for (size = 1; size <= 8192; size++) {
		while (classes[i] < size)
			i++;
		/* every size near a boundary, a sample of the others */
		if (size > 260 && size % 61 && size != classes[i] && size != classes[i - 1] + 1)
			continue;
		p = kmalloc(size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ(test, ksize(p), classes[i]);
		KUNIT_EXPECT_EQ(test, kmalloc_slab(size)->object_size, classes[i]);
		KUNIT_EXPECT_TRUE(test, PageSlab(slab_page(obj_slab(p))));
		memset(p, 0x5c, ksize(p));
		kfree(p);
	}
	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	/* above 2 pages: a compound block straight from the page allocator */
	p = kmalloc(8193, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	page = virt_to_page(p);
	KUNIT_EXPECT_TRUE(test, PageHead(page));
	KUNIT_EXPECT_FALSE(test, PageSlab(page));
	KUNIT_EXPECT_EQ(test, compound_order(page), 2);
	KUNIT_EXPECT_EQ(test, ksize(p), 16384);
	memset(p, 1, 16384);
	kfree(p);
	KUNIT_EXPECT_EQ(test, page_count(page), 0);
}

/* Linux's calculate_order() on one CPU: >= 8 objects, <= 1/16 waste */
static void slub_orders(struct kunit *test)
{
	static const struct { unsigned int size, order, objects; } want[] = {
		{ 8, 0, 512 }, { 64, 0, 64 }, { 96, 0, 42 }, { 192, 0, 21 }, { 512, 0, 8 },
		{ 1024, 1, 8 }, { 2048, 2, 8 }, { 4096, 3, 8 }, { 8192, 3, 4 },
	};
	struct kmem_cache *s;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		s = kmalloc_slab(want[i].size);

		if (kmem_cache_debug_flags(s))
			kunit_skip(test, "slub_debug changes the object sizes");
		KUNIT_EXPECT_EQ(test, s->size, want[i].size);
		KUNIT_EXPECT_EQ(test, oo_order(s->oo), want[i].order);
		KUNIT_EXPECT_EQ(test, oo_objects(s->oo), want[i].objects);
	}
	/* 1500 bytes: order 2 wastes 1384 of 16 KiB (> 1/16), order 3 1268 of 32 KiB */
	s = kmem_cache_create("test-order", 1500, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, oo_order(s->oo), 3);
	KUNIT_EXPECT_EQ(test, oo_objects(s->oo), 21);
	kmem_cache_destroy(s);
}

static void slub_alignment(struct kunit *test)
{
	static const struct { unsigned int size, align; slab_flags_t flags; unsigned int want; } c[] = {
		{ 20, 32, 0, 32 }, { 20, 0, SLAB_HWCACHE_ALIGN, 32 }, { 40, 0, SLAB_HWCACHE_ALIGN, 64 },
		{ 100, 256, 0, 256 }, { 3, 0, 0, 8 },
	};
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(c); i++) {
		struct kmem_cache *s = kmem_cache_create("test-align", c[i].size, c[i].align,
							 c[i].flags, NULL);
		void *obj[40];

		KUNIT_ASSERT_NOT_NULL(test, s);
		for (j = 0; j < ARRAY_SIZE(obj); j++) {
			obj[j] = kmem_cache_alloc(s, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, obj[j]);
			KUNIT_EXPECT_EQ(test, (unsigned long)obj[j] % c[i].want, 0);
			memset(obj[j], 0xee, c[i].size);
		}
		for (j = 0; j < ARRAY_SIZE(obj); j++)
			kmem_cache_free(s, obj[j]);
		kmem_cache_destroy(s);
		KUNIT_EXPECT_NULL(test, kmem_cache_find("test-align"));
	}
	KUNIT_EXPECT_NULL(test, kmem_cache_create("test-bad", 64, 24, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("test-bad", 0, 0, 0, NULL));
}

static unsigned int ctor_calls;

static void test_ctor(void *p)
{
	ctor_calls++;
	memset(p, 0x42, 48);
}

static void slub_ctor(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("test-ctor", 48, 0, 0, test_ctor);
	u8 *p, *q;

	KUNIT_ASSERT_NOT_NULL(test, s);
	ctor_calls = 0;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	/* the whole slab was constructed when it was made, and only then */
	KUNIT_EXPECT_EQ(test, ctor_calls, oo_objects(s->oo));
	KUNIT_EXPECT_EQ(test, p[0], 0x42);
	KUNIT_EXPECT_EQ(test, p[47], 0x42);
	kmem_cache_free(s, p);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, ctor_calls, oo_objects(s->oo));
	KUNIT_EXPECT_EQ(test, q[47], 0x42);	/* the free pointer is outside the object */
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

/*
 * A slab's life: CPU slab, full, partial, empty (kept while the node has
 * fewer than min_partial partial slabs, else freed), and shrunk back.
 */
static void slub_transitions(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("test-life", 256, 0, 0, NULL);
	unsigned int per, i, nr_slabs = 8;
	void **obj;
	struct page *first, *last;

	KUNIT_ASSERT_NOT_NULL(test, s);
	if (kmem_cache_debug_flags(s)) {
		kmem_cache_destroy(s);
		kunit_skip(test, "slub_debug: no CPU slab");
	}
	per = oo_objects(s->oo);
	KUNIT_ASSERT_EQ(test, per, 16);
	KUNIT_EXPECT_EQ(test, s->min_partial, 5);
	obj = kmalloc_array(per * nr_slabs, sizeof(void *), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	for (i = 0; i < per * nr_slabs; i++) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		if (i == 0) {
			KUNIT_EXPECT_EQ(test, s->node.nr_slabs, 1);
			KUNIT_EXPECT_PTR_EQ(test, s->cpu_slab[0].slab, obj_slab(obj[0]));
			KUNIT_EXPECT_EQ(test, obj_slab(obj[0])->frozen, 1);
		}
	}
	/* 8 slabs: 7 full, the last one the CPU's and full too */
	KUNIT_EXPECT_EQ(test, s->node.nr_slabs, nr_slabs);
	KUNIT_EXPECT_EQ(test, s->node.nr_partial, 0);
	first = slab_page(obj_slab(obj[0]));
	last = slab_page(obj_slab(obj[per * nr_slabs - 1]));
	KUNIT_EXPECT_TRUE(test, PageSlab(first));
	KUNIT_EXPECT_EQ(test, obj_slab(obj[0])->inuse, per);
	KUNIT_EXPECT_EQ(test, obj_slab(obj[0])->frozen, 0);
	/* one object back: full -> partial */
	kmem_cache_free(s, obj[0]);
	KUNIT_EXPECT_EQ(test, s->node.nr_partial, 1);
	KUNIT_EXPECT_EQ(test, obj_slab(obj[1])->inuse, per - 1);
	/*
	 * Empty the first six slabs: an empty slab stays while the node has
	 * fewer than min_partial partial slabs, itself included - the first
	 * four stay, the fifth and sixth go back.
	 */
	for (i = 1; i < 6 * per; i++)
		kmem_cache_free(s, obj[i]);
	KUNIT_EXPECT_EQ(test, s->node.nr_partial, 4);
	KUNIT_EXPECT_EQ(test, s->node.nr_slabs, nr_slabs - 2);
	KUNIT_EXPECT_FALSE(test, PageSlab(slab_page(obj_slab(obj[5 * per]))) &&
			   obj_slab(obj[5 * per])->slab_cache == s);
	/* the CPU slab's objects come back to its CPU list: no counter moves */
	for (i = 7 * per; i < 8 * per; i++)
		kmem_cache_free(s, obj[i]);
	KUNIT_EXPECT_EQ(test, s->node.nr_slabs, nr_slabs - 2);
	/* shrink: the CPU slab and every empty partial slab go back */
	kmem_cache_shrink(s);
	KUNIT_EXPECT_EQ(test, s->node.nr_slabs, 1);
	KUNIT_EXPECT_EQ(test, s->node.nr_partial, 0);
	KUNIT_EXPECT_FALSE(test, PageSlab(first));
	KUNIT_EXPECT_FALSE(test, PageSlab(last));
	KUNIT_EXPECT_EQ(test, page_count(first), 0);
	for (i = 6 * per; i < 7 * per; i++)
		kmem_cache_free(s, obj[i]);
	kfree(obj);
	kmem_cache_destroy(s);
}

static void slub_destroy_busy(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("test-busy", 100, 0, 0, NULL);
	void *p, *q;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_capture_start(&cap);
	kmem_cache_destroy(s);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "kmem_cache_destroy test-busy: Slab cache still has objects");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG test-busy (Not tainted): Objects remaining in test-busy on __kmem_cache_shutdown()");
	/* still there, still usable */
	KUNIT_EXPECT_PTR_EQ(test, kmem_cache_find("test-busy"), s);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, q);
	kmem_cache_free(s, q);
	kmem_cache_free(s, p);
	kunit_capture_start(&cap);
	kmem_cache_destroy(s);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_EXPECT_NULL(test, kmem_cache_find("test-busy"));
}

#define DEBUG_ALL	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

/* run @stmt under a capture; the log must hold @needle, the cache be consistent after */
#define EXPECT_REPORT(test, s, stmt, needle) do {				\
	kunit_capture_start(&cap);						\
	stmt;									\
	kunit_capture_stop();							\
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, needle);				\
	expect_cache_works(test, s);						\
} while (0)

/* a few objects out and back without a word: the cache was left intact */
static void expect_cache_works(struct kunit *test, struct kmem_cache *s)
{
	void *o[4];
	unsigned int i;

	kunit_capture_start(&quiet_cap);
	for (i = 0; i < ARRAY_SIZE(o); i++) {
		o[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (o[i])
			memset(o[i], 0x11, s->object_size);
	}
	for (i = 0; i < ARRAY_SIZE(o); i++)
		kmem_cache_free(s, o[i]);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &quiet_cap);
}

static void slub_debug_redzone(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("test-dbg", 64, 0, DEBUG_ALL, NULL);
	u8 *p;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p[0], 0x6b);	/* still poisoned: not zeroed */
	KUNIT_EXPECT_EQ(test, p[64], 0xcc);	/* right red zone, active */
	KUNIT_EXPECT_EQ(test, p[-1], 0xcc);	/* left red zone */
	p[64] = 0;				/* one byte too far */
	EXPECT_REPORT(test, s, kmem_cache_free(s, p), "BUG test-dbg (Not tainted): Redzone overwritten");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "First byte 0x0 instead of 0xcc");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "FIX test-dbg: Restoring Redzone");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Allocated in ");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Object ");
	/* an underrun of a live object, found on free */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	p[-2] = 0x77;
	EXPECT_REPORT(test, s, kmem_cache_free(s, p), "Redzone overwritten");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "First byte 0x77 instead of 0xcc");
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(test, kmem_cache_find("test-dbg"));
}

static void slub_debug_poison(struct kunit *test)
{
	static unsigned int run;
	struct kmem_cache *s;
	char name[24];
	u8 *p, *q;

	/* the cache outlives the test (below): a new name each run */
	snprintf(name, sizeof(name), "test-fp-%u", run++);
	s = kmem_cache_create(name, 64, 0, DEBUG_ALL, NULL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, p[0], 0x6b);
	KUNIT_EXPECT_EQ(test, p[63], 0xa5);
	p[10] = 0x42;				/* use after free */
	kunit_capture_start(&cap);
	q = kmem_cache_alloc(s, GFP_KERNEL);	/* the same object comes back first */
	kunit_capture_stop();
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Not tainted): Poison overwritten");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "First byte 0x42 instead of 0x6b");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Freed in ");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, ": Restoring Poison");
	kmem_cache_free(s, q);
	expect_cache_works(test, s);
	/* the free pointer of a free object, overwritten */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, q);
	kmem_cache_free(s, p);
	*(unsigned long *)(p + s->offset) = 0x1234;
	kunit_capture_start(&cap);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Not tainted): Freepointer corrupt");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, ": Marking all objects used");
	KUNIT_EXPECT_NOT_NULL(test, q);
	kmem_cache_free(s, q);
	expect_cache_works(test, s);
	/* the slab marked full keeps the cache alive, as in Linux */
	kunit_capture_start(&cap);
	kmem_cache_destroy(s);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Slab cache still has objects");
	KUNIT_EXPECT_PTR_EQ(test, kmem_cache_find(name), s);
}

static void slub_double_free(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("test-dbg", 64, 0, DEBUG_ALL, NULL);
	unsigned long nr_slabs, inuse;
	void *p, *q;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);		/* p is no longer the list head */
	nr_slabs = s->node.nr_slabs;
	inuse = obj_slab(p)->inuse;
	EXPECT_REPORT(test, s, kmem_cache_free(s, p), "BUG test-dbg (Not tainted): Object already free");
	KUNIT_EXPECT_EQ(test, s->node.nr_slabs, nr_slabs);
	KUNIT_EXPECT_EQ(test, obj_slab(p)->inuse, inuse);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(test, kmem_cache_find("test-dbg"));

	/* kmalloc without debugging catches the immediate double kfree */
	p = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree(p);
	EXPECT_REPORT(test, kmalloc_slab(64), kfree(p), "Object already free");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG kmalloc-64 (Not tainted)");
}

/*
 * Without debugging, a free to a slab that is not this CPU's active one
 * (__slab_free) catches the immediate double free too: the object is
 * then that slab's free list head.  The first slab is full and left
 * behind once enough objects are out.
 */
static void slub_double_free_inactive_slab(struct kunit *test)
{
	static void *objs[200];
	struct kmem_cache *s = kmem_cache_create("test-nodbg", 64, 0, 0, NULL);
	unsigned long nr_slabs, inuse;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
	}
	KUNIT_ASSERT_TRUE(test, obj_slab(objs[0]) != obj_slab(objs[ARRAY_SIZE(objs) - 1]));
	kmem_cache_free(s, objs[0]);
	nr_slabs = s->node.nr_slabs;
	inuse = obj_slab(objs[0])->inuse;
	EXPECT_REPORT(test, s, kmem_cache_free(s, objs[0]), "Object already free");
	KUNIT_EXPECT_EQ(test, s->node.nr_slabs, nr_slabs);
	KUNIT_EXPECT_EQ(test, obj_slab(objs[0])->inuse, inuse);
	for (i = 1; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(test, kmem_cache_find("test-nodbg"));
}

static void slub_bad_pointers(struct kunit *test)
{
	struct kmem_cache *a = kmem_cache_create("test-a", 64, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("test-b", 64, 0, 0, NULL);
	static u8 not_slab[64];
	u8 *p, *big;

	KUNIT_ASSERT_TRUE(test, a && b);
	p = kmem_cache_alloc(a, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	EXPECT_REPORT(test, a, kmem_cache_free(b, p),
		      "kmem_cache_free: Wrong slab cache. test-b but object is from test-a");
	EXPECT_REPORT(test, a, kmem_cache_free(a, p + 8), "BUG test-a (Not tainted): Invalid object pointer");
	EXPECT_REPORT(test, a, kfree(p + 1), "Invalid object pointer");
	kmem_cache_free(a, p);
	p = kmalloc(100, GFP_KERNEL);
	EXPECT_REPORT(test, kmalloc_slab(100), kfree(p + 96 + 8), "Invalid object pointer");
	kfree(p);
	EXPECT_REPORT(test, a, kfree(not_slab), "kfree: object pointer");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "was not returned by kmalloc()");
	big = kmalloc(20000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, big);
	EXPECT_REPORT(test, a, kfree(big + PAGE_SIZE), "was not returned by kmalloc()");
	KUNIT_EXPECT_EQ(test, page_count(virt_to_page(big)), 1);
	kfree(big);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void slub_krealloc(struct kunit *test)
{
	u8 *p = kmalloc(20, GFP_KERNEL), *q;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 20; i++)
		p[i] = (u8)i;
	q = krealloc(p, 24, GFP_KERNEL);	/* fits in kmalloc-32: same block */
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	p = krealloc(q, 300, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), 512);
	for (i = 0; i < 20; i++)
		KUNIT_EXPECT_EQ(test, p[i], i);
	KUNIT_EXPECT_EQ(test, p[299], 0);
	KUNIT_EXPECT_PTR_EQ(test, krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	p = kcalloc(10, 30, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 300; i++)
		KUNIT_EXPECT_EQ(test, p[i], 0);
	kfree(p);
	KUNIT_EXPECT_NULL(test, kmalloc_array((size_t)-1 / 2, 4, GFP_KERNEL));
	q = kzalloc(3000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, q[2999], 0);
	kfree(q);
}

static void slub_slabinfo(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("test-info", 256, 0, 0, NULL);
	void *p[3];
	unsigned int i;
	char want[160];

	KUNIT_ASSERT_NOT_NULL(test, s);
	for (i = 0; i < 3; i++)
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
	kunit_capture_start(&cap);
	slabinfo_show();
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "slabinfo - version: 2.1\n# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	/* SLUB counts the CPU slab's objects as active */
	snprintf(want, sizeof(want), "test-info         %6u %6u %6u %4u %4u : tunables    0    0    0 : slabdata      1      1      0\n",
		 kmem_cache_debug_flags(s) ? 3 : oo_objects(s->oo), oo_objects(s->oo), s->size, oo_objects(s->oo), 1u << oo_order(s->oo));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "kmalloc-8k ");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "kmem_cache ");
	for (i = 0; i < 3; i++)
		kmem_cache_free(s, p[i]);
	kmem_cache_destroy(s);

	/* meminfo's slab lines: the pages of every slab, by reclaimability */
	s = kmem_cache_create("test-reclaim", 512, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	p[0] = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p[0]);
	KUNIT_EXPECT_GE(test, nr_slab_reclaimable, 1u << oo_order(s->oo));
	kunit_capture_start(&cap);
	show_meminfo(NODE_DATA(0));
	kunit_capture_stop();
	snprintf(want, sizeof(want), "Slab:           %8lu kB\nSReclaimable:   %8lu kB\nSUnreclaim:     %8lu kB\n",
		 (nr_slab_reclaimable + nr_slab_unreclaimable) * (PAGE_SIZE / 1024),
		 nr_slab_reclaimable * (PAGE_SIZE / 1024), nr_slab_unreclaimable * (PAGE_SIZE / 1024));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	kmem_cache_free(s, p[0]);
	kmem_cache_destroy(s);
}

/* slub_debug=<letters>,<caches> - host only: the kernel's caches are made once */
#ifdef __ORDERLY_HOST__
static void slub_debug_param(struct kunit *test)
{
	kmem_cache_init("ZP,kmalloc-64,kmalloc-1k");
	KUNIT_EXPECT_EQ(test, kmalloc_slab(64)->flags & DEBUG_ALL, SLAB_RED_ZONE | SLAB_POISON);
	KUNIT_EXPECT_EQ(test, kmalloc_slab(1024)->flags & DEBUG_ALL, SLAB_RED_ZONE | SLAB_POISON);
	KUNIT_EXPECT_EQ(test, kmalloc_slab(128)->flags & DEBUG_ALL, 0);
	kmem_cache_init("");
	KUNIT_EXPECT_EQ(test, kmalloc_slab(8)->flags & DEBUG_ALL, DEBUG_ALL);
	kunit_capture_start(&cap);
	kmem_cache_init("FQ");
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "slub_debug option 'Q' unknown. skipped");
	KUNIT_EXPECT_EQ(test, kmalloc_slab(8)->flags & DEBUG_ALL, SLAB_CONSISTENCY_CHECKS);
	kmem_cache_init(NULL);
	KUNIT_EXPECT_EQ(test, kmalloc_slab(8)->flags & DEBUG_ALL, 0);
}
#endif

/*
 * The model: random kmalloc/kfree of 1..8192 bytes with up to 96 live
 * blocks, each filled with a pattern of its own.  After every allocation
 * no two live blocks overlap; on every free the pattern is intact.
 */
#define MODEL_LIVE	96
struct model_obj {
	u8 *p;
	size_t size;
	u8 seed;
};

static u32 model_rand(u32 *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

static void slub_model(struct kunit *test)
{
	struct model_obj *live = kcalloc(MODEL_LIVE, sizeof(*live), GFP_KERNEL);
	unsigned int op, i, j, nr = 0, bad = 0;
	u32 rnd = 18;

	KUNIT_ASSERT_NOT_NULL(test, live);
	for (op = 0; op < 4000 && !bad; op++) {
		bool do_alloc = nr < MODEL_LIVE && (nr == 0 || model_rand(&rnd) % 100 < 55);

		if (do_alloc) {
			struct model_obj *m = &live[nr];
			/* small sizes more often, as real callers do */
			size_t size = model_rand(&rnd) % 4 ? 1 + model_rand(&rnd) % 512 :
							     1 + model_rand(&rnd) % 8192;

			m->p = kmalloc(size, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, m->p);
			m->size = size;
			m->seed = (u8)op;
			KUNIT_EXPECT_GE(test, ksize(m->p), size);
			for (j = 0; j < nr; j++)
				if (m->p < live[j].p + live[j].size && live[j].p < m->p + size) {
					KUNIT_FAIL(test, "op %u: %zu bytes at %p overlap %zu at %p", op,
						   size, m->p, live[j].size, live[j].p);
					bad++;
				}
			for (j = 0; j < size; j++)
				m->p[j] = (u8)(m->seed + j);
			nr++;
		} else {
			i = model_rand(&rnd) % nr;
			for (j = 0; j < live[i].size; j++)
				if (live[i].p[j] != (u8)(live[i].seed + j)) {
					KUNIT_FAIL(test, "op %u: block %p byte %u changed", op, live[i].p, j);
					bad++;
					break;
				}
			kfree(live[i].p);
			live[i] = live[--nr];
		}
	}
	while (nr)
		kfree(live[--nr].p);
	kfree(live);
}

static struct kunit_case slub_cases[] = {
	KUNIT_CASE(slub_size_classes),
	KUNIT_CASE(slub_orders),
	KUNIT_CASE(slub_alignment),
	KUNIT_CASE(slub_ctor),
	KUNIT_CASE(slub_transitions),
	KUNIT_CASE(slub_destroy_busy),
	KUNIT_CASE(slub_debug_redzone),
	KUNIT_CASE(slub_debug_poison),
	KUNIT_CASE(slub_double_free),
	KUNIT_CASE(slub_double_free_inactive_slab),
	KUNIT_CASE(slub_bad_pointers),
	KUNIT_CASE(slub_krealloc),
	KUNIT_CASE(slub_slabinfo),
#ifdef __ORDERLY_HOST__
	KUNIT_CASE(slub_debug_param),
#endif
	KUNIT_CASE(slub_model),
	{}
};

static struct kunit_suite slub_suite = {
	.name = "slub",
	.init = slub_init,
	.exit = slub_exit,
	.test_cases = slub_cases,
};
kunit_test_suite(slub_suite);
