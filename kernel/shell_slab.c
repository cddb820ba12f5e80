// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's slab commands: kmalloc/kfree and kmem_cache_* by hand,
 * /proc/slabinfo, and the slabs of one cache.
 *
 * The shell keeps a table of the objects it holds (#id, address, cache),
 * and frees only those - or a pointer the allocator is sure to reject:
 * one inside an object the shell holds, or the object the shell freed
 * last (a double free, before anything else was allocated).  A kfree of
 * any other address could free memory the kernel itself uses.  memset
 * may write into an object's whole slot, red zones included, so that a
 * buffer overrun can be shown (slub_debug=Z reports it at kfree).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <asm/pgtable.h>
#include "../mm/slab.h"
#include "shell_internal.h"

#define SHELL_MAX_OBJECTS	64
#define SHELL_MAX_CACHES	8

struct shell_object {
	void *p;			/* NULL: free entry */
	struct kmem_cache *cache;	/* kmem_cache_alloc()'s, or NULL: kmalloc()'s */
	size_t size;			/* requested */
};
static struct shell_object shell_objects[SHELL_MAX_OBJECTS];
/* the caches the shell created: only these may be destroyed from here */
static struct kmem_cache *shell_caches[SHELL_MAX_CACHES];
/* the object the shell freed last, while nothing was allocated since */
static void *last_freed;

static int object_slot(void)
{
	int i;

	for (i = 0; i < SHELL_MAX_OBJECTS; i++)
		if (!shell_objects[i].p)
			return i;
	shell_error("the shell holds %d objects already; kfree some", SHELL_MAX_OBJECTS);
	return -1;
}

static void object_add(int i, void *p, struct kmem_cache *cache, size_t size)
{
	shell_objects[i].p = p;
	shell_objects[i].cache = cache;
	shell_objects[i].size = size;
	last_freed = NULL;
}

static int object_find(const void *p)
{
	int i;

	for (i = 0; i < SHELL_MAX_OBJECTS; i++)
		if (shell_objects[i].p && shell_objects[i].p == p)
			return i;
	return -1;
}

/* the cache @o came from; NULL for a large kmalloc (pages) */
static struct kmem_cache *object_cache(const struct shell_object *o)
{
	size_t size;

	if (o->cache)
		return o->cache;
	size = ksize(o->p);
	return size <= KMALLOC_MAX_CACHE_SIZE ? kmalloc_slab(size) : NULL;
}

/* the object the shell holds that [p, p + len) lies in, slot included */
static int object_containing(unsigned long p, unsigned long len)
{
	int i;

	for (i = 0; i < SHELL_MAX_OBJECTS; i++) {
		const struct shell_object *o = &shell_objects[i];
		unsigned long start = (unsigned long)o->p, size;
		struct kmem_cache *s;

		if (!o->p)
			continue;
		s = object_cache(o);
		if (s) {
			start -= s->red_left_pad;
			size = s->size;
		} else {
			size = ksize(o->p);
		}
		if (p >= start && p - start < size && len <= size - (p - start))
			return i;
	}
	return -1;
}

bool shell_slab_owns(unsigned long addr, unsigned long len)
{
	return object_containing(addr, len) >= 0;
}

static void print_object(const char *api, int i)
{
	const struct shell_object *o = &shell_objects[i];
	struct kmem_cache *s = object_cache(o);
	size_t size = ksize(o->p);
	shell_printf("%s = 0x%08lx #%d (%s, ksize %zu)\n", api, (unsigned long)o->p, i,
		     s ? kmem_cache_name(s) : "pages", size);
}

void cmd_kmalloc(int argc, char **argv)
{
	gfp_t gfp = GFP_KERNEL;
	char api[64];
	u64 size;
	void *p;
	int i;

	if (!shell_arg_size(argv[1], "size", KMALLOC_MAX_SIZE, &size))
		return;
	if (argc > 2 && !shell_arg_gfp(argv[2], &gfp))
		return;
	i = object_slot();
	if (i < 0)
		return;
	snprintf(api, sizeof(api), "kmalloc(%llu, %s)", (unsigned long long)size,
		 argc > 2 ? argv[2] : "GFP_KERNEL");
	p = kmalloc((size_t)size, gfp);
	if (ZERO_OR_NULL_PTR(p)) {
		shell_printf("%s = %s\n", api, p ? "ZERO_SIZE_PTR" : "NULL");
		return;
	}
	object_add(i, p, NULL, (size_t)size);
	print_object(api, i);
}

/* an address, or #id of an object the shell holds */
static bool arg_object(const char *s, unsigned long *addr)
{
	unsigned long id;

	if (s[0] != '#')
		return shell_arg_ulong(s, "address", ~0UL, addr);
	if (!shell_arg_ulong(s + 1, "#id", SHELL_MAX_OBJECTS - 1, &id))
		return false;
	if (!shell_objects[id].p) {
		shell_error("#%lu: the shell holds no such object", id);
		return false;
	}
	*addr = (unsigned long)shell_objects[id].p;
	return true;
}

/*
 * May the shell pass @addr to a free function?  Its own objects, and the
 * misuses the allocator is sure to catch (see the top of the file).
 */
static bool free_allowed(unsigned long addr, int *idx)
{
	*idx = object_find((void *)addr);
	if (*idx >= 0 || (last_freed && addr == (unsigned long)last_freed) ||
	    object_containing(addr, 1) >= 0)
		return true;
	shell_error("0x%08lx is not an object the shell holds (see slab); not freeing it", addr);
	return false;
}

static void free_done(int idx, unsigned long addr)
{
	if (idx < 0)
		return;
	shell_printf("freed 0x%08lx #%d\n", addr, idx);
	shell_objects[idx].p = NULL;
	last_freed = (void *)addr;
}

void cmd_kfree(int argc, char **argv)
{
	unsigned long addr;
	int idx;

	if (!arg_object(argv[1], &addr) || !free_allowed(addr, &idx))
		return;
	if (idx >= 0 && shell_objects[idx].cache) {
		shell_error("#%d is from %s: use kmem_cache_free", idx,
			    kmem_cache_name(shell_objects[idx].cache));
		return;
	}
	kfree((void *)addr);
	free_done(idx, addr);
}

static struct kmem_cache *arg_cache(const char *name)
{
	struct kmem_cache *s = kmem_cache_find(name);

	if (!s)
		shell_error("no cache '%s' (see slabinfo)", name);
	return s;
}

void cmd_kmem_cache_create(int argc, char **argv)
{
	unsigned long size, align = 0;
	struct kmem_cache *s;
	int i;

	if (!shell_arg_ulong(argv[2], "size", KMALLOC_MAX_CACHE_SIZE, &size) ||
	    (argc > 3 && !shell_arg_ulong(argv[3], "align", PAGE_SIZE, &align)))
		return;
	for (i = 0; i < SHELL_MAX_CACHES && shell_caches[i]; i++)
		;
	if (i == SHELL_MAX_CACHES) {
		shell_error("the shell made %d caches already; destroy one", SHELL_MAX_CACHES);
		return;
	}
	s = kmem_cache_create(argv[1], (unsigned int)size, (unsigned int)align, 0, NULL);
	if (!s)
		return;		/* the warning said why */
	shell_caches[i] = s;
	shell_printf("kmem_cache_create(%s, %lu, %lu) = %s: size %u, %u objects per order-%u slab\n",
		     argv[1], size, align, kmem_cache_name(s), s->size, oo_objects(s->oo),
		     oo_order(s->oo));
}

void cmd_kmem_cache_alloc(int argc, char **argv)
{
	struct kmem_cache *s = arg_cache(argv[1]);
	char api[64];
	void *p;
	int i;

	if (!s)
		return;
	i = object_slot();
	if (i < 0)
		return;
	snprintf(api, sizeof(api), "kmem_cache_alloc(%s, GFP_KERNEL)", kmem_cache_name(s));
	p = kmem_cache_alloc(s, GFP_KERNEL);
	if (!p) {
		shell_printf("%s = NULL\n", api);
		return;
	}
	object_add(i, p, s, kmem_cache_size(s));
	print_object(api, i);
}

void cmd_kmem_cache_free(int argc, char **argv)
{
	struct kmem_cache *s = arg_cache(argv[1]);
	unsigned long addr;
	int idx;

	if (!s || !arg_object(argv[2], &addr) || !free_allowed(addr, &idx))
		return;
	kmem_cache_free(s, (void *)addr);
	/* a free to the wrong cache is reported and not done */
	if (idx >= 0 && object_cache(&shell_objects[idx]) != s)
		return;
	free_done(idx, addr);
}

void cmd_kmem_cache_destroy(int argc, char **argv)
{
	struct kmem_cache *s = arg_cache(argv[1]);
	int i;

	if (!s)
		return;
	for (i = 0; i < SHELL_MAX_CACHES && shell_caches[i] != s; i++)
		;
	if (i == SHELL_MAX_CACHES) {
		shell_error("%s is the kernel's; the shell destroys only caches it made", argv[1]);
		return;
	}
	kmem_cache_destroy(s);
	if (kmem_cache_find(argv[1]) == s)
		return;		/* refused: objects live (reported) */
	shell_caches[i] = NULL;
	shell_printf("kmem_cache_destroy(%s): done\n", argv[1]);
}

void cmd_slabinfo(int argc, char **argv)
{
	slabinfo_show();
}

void cmd_slab(int argc, char **argv)
{
	struct kmem_cache *s;
	int i, n = 0;

	if (argc > 1) {
		s = arg_cache(argv[1]);
		if (s)
			slab_show_cache(s);
		return;
	}
	for (i = 0; i < SHELL_MAX_OBJECTS; i++) {
		const struct shell_object *o = &shell_objects[i];

		if (!o->p)
			continue;
		shell_printf("#%-2d 0x%08lx %6zu bytes %s\n", i, (unsigned long)o->p, o->size,
			     o->cache ? kmem_cache_name(o->cache) : "kmalloc");
		n++;
	}
	shell_printf("slab: the shell holds %d objects\n", n);
}
