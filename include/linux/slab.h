/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's API (mm/slub.c): object caches cut out of pages
 * from the buddy allocator, and kmalloc() on top of them.  Names, flag
 * values and contracts are Linux's <linux/slab.h>.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

typedef unsigned int slab_flags_t;

/* Linux's values (include/linux/slab.h before 6.0) */
#define SLAB_CONSISTENCY_CHECKS	0x00000100u	/* slub_debug=F: check every free */
#define SLAB_RED_ZONE		0x00000400u	/* slub_debug=Z: guard bytes around objects */
#define SLAB_POISON		0x00000800u	/* slub_debug=P: fill free objects with 0x6b */
#define SLAB_HWCACHE_ALIGN	0x00002000u	/* align objects on cache lines */
#define SLAB_CACHE_DMA		0x00004000u	/* slab pages from ZONE_DMA */
#define SLAB_STORE_USER		0x00010000u	/* slub_debug=U: record who allocated/freed */
#define SLAB_PANIC		0x00040000u	/* kmem_cache_create() failure panics */
#define SLAB_RECLAIM_ACCOUNT	0x00020000u	/* pages are reclaimable (MIGRATE_RECLAIMABLE) */

/* kmalloc's largest cache: 2 pages; larger requests are compound pages */
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_MIN_SIZE	(1UL << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
/* the largest kmalloc() at all: one block of MAX_ORDER - 1 */
#define KMALLOC_MAX_SIZE	(1UL << (MAX_ORDER - 1 + PAGE_SHIFT))

/* kmalloc(0) and friends return this: not NULL, but faults when used */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

/*
 * kmem_cache_create - a cache of objects of @size bytes aligned to @align
 * (0: 8 bytes; SLAB_HWCACHE_ALIGN: a cache line, or half / quarter of one
 * for small objects), each passed to @ctor when its slab is made.  @name
 * is copied; a name already in use is refused.  NULL on failure (bad size
 * or alignment, no memory), with a warning; SLAB_PANIC makes it a BUG.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
/*
 * kmem_cache_destroy - give the cache's slabs back and free it.  With
 * objects still allocated it refuses, with Linux's report, and the cache
 * stays usable.  NULL does nothing.
 */
void kmem_cache_destroy(struct kmem_cache *s);
/* kmem_cache_shrink - give empty slabs (the CPU's active one too) back; 0 */
int kmem_cache_shrink(struct kmem_cache *s);

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}
/*
 * kmem_cache_free - give @objp back to @s.  A pointer that is not an
 * object of @s (another cache, inside an object, not a slab at all) and,
 * in every cache, a free of the object most recently freed, are reported
 * and ignored; with SLAB_CONSISTENCY_CHECKS every double free is.
 */
void kmem_cache_free(struct kmem_cache *s, void *objp);
const char *kmem_cache_name(const struct kmem_cache *s);
unsigned int kmem_cache_size(const struct kmem_cache *s);

/*
 * kmalloc - @size bytes from the smallest kmalloc cache that fits (8 ..
 * 8192 bytes: powers of two and 96, 192), or above that a compound page
 * block straight from alloc_pages().  kmalloc(0) is ZERO_SIZE_PTR;
 * __GFP_ZERO zeroes.  Slab objects live in the direct map, so
 * __GFP_HIGHMEM is removed with Linux's "Unexpected gfp" warning; there
 * are no kmalloc-dma caches, so __GFP_DMA is warned about and NULL.
 */
void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);
/* ksize - the usable size of a kmalloc'ed block (its cache's object size) */
size_t ksize(const void *objp);
void *krealloc(const void *p, size_t new_size, gfp_t flags);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	if (size != 0 && n > (size_t)-1 / size)
		return NULL;
	return kmalloc(n * size, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/* kstrdup - a kmalloc'ed copy of @s (NULL for NULL) */
char *kstrdup(const char *s, gfp_t gfp);

/*
 * kmem_cache_init - the boot caches: "kmem_cache" (which holds every
 * other struct kmem_cache) and the kmalloc caches, after mem_init().
 * @slub_debug is the slub_debug= boot parameter's value (NULL: none).
 */
void kmem_cache_init(const char *slub_debug);

#endif /* _LINUX_SLAB_H */
