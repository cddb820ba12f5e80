/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's private structures (mm/slub.c), for the shell's
 * slabinfo, show_mem.c's meminfo lines and the tests: struct slab (an
 * overlay on a slab's head struct page, as Linux's mm/slab.h), struct
 * kmem_cache (Linux's include/linux/slub_def.h) and the cache list.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/slab.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/spinlock.h>

/*
 * struct slab - the head struct page of a slab, seen by the slab
 * allocator.  Every field sits over a struct page field the page
 * allocator leaves to the owner of an allocated block (checked below);
 * flags, _refcount, compound_head and alloc_order keep their meaning, so
 * the page allocator's checks still hold while the page is a slab.
 */
struct slab {
	unsigned long __page_flags;		/* PG_slab set */
	int __page_refcount;			/* 1: allocated */
	struct kmem_cache *slab_cache;		/* page->private */
	struct list_head slab_list;		/* page->lru: the node's partial or full list */
	unsigned long __compound_head;		/* 0: a head is never a tail */
	unsigned char __alloc_order;		/* the page allocator's */
	/*
	 * 1 while the slab is a CPU's active slab: its free objects are on
	 * that CPU's freelist, it is on no list, and inuse == objects.
	 */
	unsigned char frozen;			/* head's own compound_order byte */
	unsigned short inuse;			/* objects allocated (page->_pad) */
	void *freelist;				/* first free object (page->_pad_pow2) */
};

#define SLAB_MATCH(pg, sl)						\
	_Static_assert(offsetof(struct page, pg) == offsetof(struct slab, sl), \
		       "struct slab's " #sl " must overlay struct page's " #pg)
SLAB_MATCH(flags, __page_flags);
SLAB_MATCH(_refcount, __page_refcount);
SLAB_MATCH(private, slab_cache);
SLAB_MATCH(lru, slab_list);
SLAB_MATCH(compound_head, __compound_head);
SLAB_MATCH(alloc_order, __alloc_order);
SLAB_MATCH(compound_order, frozen);
SLAB_MATCH(_pad, inuse);
SLAB_MATCH(_pad_pow2, freelist);
_Static_assert(sizeof(struct slab) <= sizeof(struct page), "struct slab outgrows struct page");

static inline struct page *slab_page(const struct slab *slab)
{
	return (struct page *)slab;
}

static inline struct slab *page_slab(const struct page *page)
{
	return (struct slab *)page;
}

/* Linux's kmem_cache_order_objects: order << 16 | objects per slab */
struct kmem_cache_order_objects {
	unsigned int x;
};
#define OO_SHIFT	16
#define OO_MASK		((1u << OO_SHIFT) - 1)

static inline unsigned int oo_order(struct kmem_cache_order_objects x)
{
	return x.x >> OO_SHIFT;
}

static inline unsigned int oo_objects(struct kmem_cache_order_objects x)
{
	return x.x & OO_MASK;
}

/*
 * A CPU's active slab: its free objects, taken whole.  Used by its CPU
 * under @lock (slub_cpu_lock() in mm/slub.c, with interrupts off); another
 * CPU takes the lock only to flush or show it (kmem_cache_shrink(),
 * slabinfo).
 */
struct kmem_cache_cpu {
	void *freelist;		/* next free object of @slab, or NULL */
	struct slab *slab;	/* the frozen slab allocations come from, or NULL */
	unsigned int lock;	/* 1 while a CPU uses this one */
};

/*
 * The cache's slabs on a node, by state:
 *   partial  some objects free, on @partial (nr_partial of them);
 *   full     no object free: on @full with debugging, else on no list;
 *   frozen   a CPU's active slab: on no list.
 * An empty slab is freed unless the node has fewer than min_partial
 * partial slabs; then it stays on @partial.
 */
struct kmem_cache_node {
	spinlock_t list_lock;		/* the lists, the counters, every slab's freelist/inuse/frozen */
	unsigned long nr_partial;
	struct list_head partial;
	struct list_head full;		/* SLAB_DEBUG_FLAGS caches only */
	unsigned long nr_slabs;		/* every state */
	unsigned long total_objects;	/* objects in those slabs */
};

/* who allocated / freed an object (SLAB_STORE_USER) */
struct track {
	unsigned long addr;	/* the caller of the slab API */
	int cpu;
	int pid;
	unsigned long when;	/* slab_clock at the time */
};
enum track_item { TRACK_ALLOC, TRACK_FREE };

/*
 * Object layout (Linux's calculate_sizes()), from the slab's start:
 *
 *   [red_left_pad] object_size bytes [right red zone up to inuse]
 *   [free pointer if not inside the object] [2 x struct track] [padding]
 *   `---- red zone ----'  `---- the object ---'          ... up to size
 *
 * The free pointer of a free object lives at @offset from the object:
 * inside it, in the middle (so a small overrun does not reach it), unless
 * the object's contents must survive while free (a ctor, poisoning, a red
 * zone on a tiny object): then just after it.
 */
/* Linux's per-CPU s->cpu_slab: one per possible CPU, indexed by smp_processor_id() */
struct kmem_cache {
	struct kmem_cache_cpu cpu_slab[NR_CPUS];
	slab_flags_t flags;
	unsigned long min_partial;
	unsigned int size;		/* the object plus its metadata: the stride */
	unsigned int object_size;	/* what the user asked for */
	unsigned int reciprocal_size;	/* 2^32 / size rounded up: index without a division */
	unsigned int offset;		/* the free pointer's offset in the object */
	struct kmem_cache_order_objects oo;	/* the preferred slab order */
	struct kmem_cache_order_objects min;	/* the fallback: the smallest that holds one */
	gfp_t allocflags;		/* added to every slab page request */
	int refcount;
	void (*ctor)(void *);
	unsigned int inuse;		/* offset to the metadata */
	unsigned int align;
	unsigned int red_left_pad;
	const char *name;
	struct list_head list;		/* on slab_caches */
	struct kmem_cache_node node;	/* one node: the kernel's */
};

#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | \
				 SLAB_STORE_USER)

static inline slab_flags_t kmem_cache_debug_flags(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* every cache, newest first, as /proc/slabinfo lists them */
extern struct list_head slab_caches;
/* slab pages of node 0, for meminfo's Slab: SReclaimable: SUnreclaim: */
extern unsigned long nr_slab_reclaimable, nr_slab_unreclaimable;

/* the cache called @name, or NULL */
struct kmem_cache *kmem_cache_find(const char *name);
/* /proc/slabinfo (version 2.1), on the console */
void slabinfo_show(void);
/* each slab of @s: its page, order, state and free objects */
void slab_show_cache(struct kmem_cache *s);
/* the kmalloc cache that serves @size (<= KMALLOC_MAX_CACHE_SIZE) */
struct kmem_cache *kmalloc_slab(size_t size);

#endif /* _MM_SLAB_H */
