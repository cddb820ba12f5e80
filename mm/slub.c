// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slub.c - the slab allocator: objects cut out of pages that come from
 * the buddy allocator, after Linux's SLUB.
 *
 * A slab is one block of 2^order pages from alloc_pages() (a compound page
 * when order > 0, so that any address inside finds the head), cut into
 * objects of one cache.  Its head struct page is the slab's descriptor
 * (struct slab in mm/slab.h): PG_slab, the cache, the number of objects
 * in use and the first free object; the free objects are chained through
 * a pointer stored inside each of them, so a slab needs no memory besides
 * its own pages.
 *
 * Allocation takes the first object of a free list and follows its free
 * pointer:
 *
 *  - fast path: the CPU's active ("frozen") slab lends its whole free
 *    list to its kmem_cache_cpu.freelist; under the CPU's lock, an
 *    allocation pops it and a free of an object of that slab pushes on
 *    it.  No counter changes: a frozen slab counts all its objects as in
 *    use.
 *  - slow path, the CPU list is empty: objects other CPUs freed to the
 *    active slab meanwhile (on the slab's own list) are taken back; if
 *    none, the active slab (now full) is unfrozen, and the first slab of
 *    the node's partial list, or else a new slab from the page allocator,
 *    becomes the active one.
 *  - a free to a slab that is not this CPU's active one goes to that
 *    slab's own free list under the node's list_lock (__slab_free): if
 *    the slab is another CPU's active one, that is all (Linux's remote
 *    free to a frozen slab); else a full slab becomes partial, and a slab
 *    whose last object came back is freed to the page allocator, unless
 *    the node holds fewer than min_partial partial slabs (then it is kept
 *    for the next burst of allocations).
 *
 * SMP (Linux's locking, mm/slub.c's "Lock order" comment, kept simple):
 *
 *  - s->cpu_slab[cpu] is used by its CPU under its lock, slub_cpu_lock():
 *    interrupts off (Linux's local_lock_irqsave(&s->cpu_slab->lock)) and
 *    one "lock bts" on kmem_cache_cpu.lock.  Not interrupts off alone,
 *    as Linux's local_lock is without PREEMPT_RT: another CPU must be
 *    able to flush or show a CPU's slab (kmem_cache_shrink(),
 *    kmem_cache_destroy(), slabinfo) without an IPI to a CPU that may be
 *    running the shell with interrupts off; like pcp->lock (mm/internal.h)
 *    the lock is that remote access's price: the owner never finds it
 *    held but for such a moment, and then waits.
 *  - kmem_cache_node.list_lock (a spinlock, Linux's) guards the node's
 *    lists and counters and, for every slab, its freelist, inuse and
 *    frozen: a remote free to a frozen slab goes to slab->freelist under
 *    it (Linux does that part with cmpxchg_double, lock-free).
 *  - Order: the CPU lock, then list_lock, then the page allocator's
 *    locks; pages are allocated with list_lock dropped and freed after
 *    it is released.  slab_caches_lock (Linux's slab_mutex) guards the
 *    cache list.
 *
 * Debugging (SLAB_CONSISTENCY_CHECKS, SLAB_RED_ZONE, SLAB_POISON,
 * SLAB_STORE_USER, or the boot parameter slub_debug=FZPU[,cache,...])
 * takes every allocation and free through the slow path, where each
 * object is checked: red zones (0xbb free, 0xcc allocated) around it,
 * poison (0x6b ... 0xa5) while free, a free pointer that points into the
 * slab, who allocated and freed it last.  A broken object is reported in
 * Linux's format ("BUG kmalloc-64 (Not tainted): Redzone overwritten"
 * with the object dump), the damaged bytes are restored ("FIX ...") and
 * the cache carries on; a misused free is reported and not done.
 *
 * Linux's differences kept out: one node; no cache merging; no per-CPU
 * partial lists (a CPU has only its active slab);
 * the full slabs are on a list always (Linux: only with SLAB_STORE_USER),
 * so that the shell and kmem_cache_destroy() can list every slab.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/mmdebug.h>
#include "slab.h"
#include "internal.h"
#ifndef __ORDERLY_HOST__
#include <linux/kallsyms.h>
#include <linux/timekeeping.h>
#include <asm/traps.h>
#endif

/* Linux's <linux/poison.h> */
#define SLUB_RED_INACTIVE	0xbb
#define SLUB_RED_ACTIVE		0xcc
#define POISON_INUSE		0x5a	/* unused space at the end of a slab */
#define POISON_FREE		0x6b	/* a free object */
#define POISON_END		0xa5	/* its last byte */

#define L1_CACHE_BYTES		64
#define ARCH_SLAB_MINALIGN	__alignof__(unsigned long long)
#define MAX_OBJS_PER_PAGE	32767	/* struct slab's inuse: 15 bits in Linux */
#define MIN_PARTIAL		5
#define MAX_PARTIAL		10
/* Linux's slub_max_order default */
#define SLUB_MAX_ORDER		PAGE_ALLOC_COSTLY_ORDER
#define SLAB_SYM_LEN		128

LIST_HEAD(slab_caches);
/* slab_caches and the names on it (Linux's slab_mutex) */
static DEFINE_SPINLOCK(slab_caches_lock);
unsigned long nr_slab_reclaimable, nr_slab_unreclaimable;

/* slub_debug=: the flags, and the caches they are for (NULL: all) */
static slab_flags_t slub_debug;
static const char *slub_debug_string;

static struct kmem_cache boot_kmem_cache;
/* the cache of struct kmem_cache itself */
static struct kmem_cache *kmem_cache;
/* kmalloc_caches[i] serves sizes up to 2^i; [1] is 96 and [2] is 192 */
static struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

/* ------------------------------------------------------------ helpers */

static inline unsigned int slab_get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

static inline unsigned int fls_uint(unsigned int x)
{
	return x ? 32 - (unsigned int)__builtin_clz(x) : 0;
}

static inline void *slab_address(const struct slab *slab)
{
	return page_address(slab_page(slab));
}

static inline unsigned int slab_order(const struct slab *slab)
{
	return compound_order(slab_page(slab));
}

static inline unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)((PAGE_SIZE << order) / size);
}

static inline struct kmem_cache_order_objects oo_make(unsigned int order, unsigned int size)
{
	struct kmem_cache_order_objects x = { (order << OO_SHIFT) + order_objects(order, size) };

	return x;
}

/* objects of a slab: its order is the cache's preferred one or the fallback */
static inline unsigned int slab_objects(const struct kmem_cache *s, const struct slab *slab)
{
	return slab_order(slab) == oo_order(s->oo) ? oo_objects(s->oo) : oo_objects(s->min);
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

static inline void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

static inline bool freeptr_outside_object(const struct kmem_cache *s)
{
	return s->offset >= s->inuse;
}

/* where the metadata after the object and its free pointer ends */
static inline unsigned int get_info_end(const struct kmem_cache *s)
{
	return freeptr_outside_object(s) ? s->inuse + sizeof(void *) : s->inuse;
}

/*
 * The index of the object that @x points at, if @x is exactly an
 * object's address in @slab, else -1.  A multiplication by the cache's
 * reciprocal instead of a division: exact for the offsets a slab has.
 */
static inline long slab_obj_index(const struct kmem_cache *s, const struct slab *slab,
				  const void *x)
{
	unsigned long off = (unsigned long)((const char *)x - (const char *)slab_address(slab));
	unsigned long idx;

	off -= s->red_left_pad;		/* wraps for an address in front */
	if (unlikely(off >= (unsigned long)slab_objects(s, slab) * s->size))
		return -1;
	idx = (unsigned long)(((u64)off * s->reciprocal_size) >> 32);
	if (unlikely(idx * s->size != off))
		return -1;
	return (long)idx;
}

/* NULL, or an object of @slab: what a free pointer may hold */
static bool check_valid_pointer(const struct kmem_cache *s, const struct slab *slab,
				const void *p)
{
	return !p || slab_obj_index(s, slab, p) >= 0;
}

/*
 * The slab of a pointer, or NULL: the head page of the compound page the
 * address lies in, if that is a slab.  Pointers outside the direct map
 * have no struct page here.
 */
static inline struct slab *virt_to_slab(const void *x)
{
	unsigned long pfn = virt_to_pfn(x);
	struct page *page;

	if (unlikely(!pfn_valid(pfn)))
		return NULL;
	page = compound_head(pfn_to_page(pfn));
	return PageSlab(page) ? page_slab(page) : NULL;
}

static inline bool slab_trace(const struct slab *slab)
{
	const struct pglist_data *pgdat = page_pgdat(slab_page(slab));

	return pgdat && (pgdat->debug_flags & PGDAT_TRACE);
}

/* ------------------------------------------------------------ reports */

/* the caller of the API, by symbol where the kernel has a symbol table */
static const char *slab_symbol(char *buf, size_t len, unsigned long addr)
{
#ifndef __ORDERLY_HOST__
	sprint_symbol(buf, len, addr);
#else
	snprintf(buf, len, "0x%lx", addr);
#endif
	return buf;
}

static unsigned long slab_jiffies(void)
{
#ifndef __ORDERLY_HOST__
	return (unsigned long)(ktime_get_ns() / 1000000);	/* HZ = 1000 */
#else
	return 0;
#endif
}

static void slab_dump_stack(void)
{
#ifndef __ORDERLY_HOST__
	dump_stack();
#endif
}

static __printf(2, 3) void slab_bug(const struct kmem_cache *s, const char *fmt, ...)
{
	char msg[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (Not tainted): %s\n", s->name, msg);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

static __printf(2, 3) void slab_fix(const struct kmem_cache *s, const char *fmt, ...)
{
	char msg[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_err("FIX %s: %s\n", s->name, msg);
}

/* Linux's print_hex_dump(DUMP_PREFIX_ADDRESS, 16, 1, ..., ascii) */
static void print_section(const char *text, const u8 *addr, unsigned int length)
{
	unsigned int i, j;

	for (i = 0; i < length; i += 16) {
		char hex[16 * 3 + 1], asc[17];
		unsigned int n = min(16u, length - i);
		size_t hl = 0;

		for (j = 0; j < n; j++) {
			u8 c = addr[i + j];

			hl = mm_bufcat(hex, sizeof(hex), hl, j ? " %02x" : "%02x", c);
			asc[j] = c >= 0x20 && c < 0x7f ? (char)c : '.';
		}
		hex[hl] = '\0';
		asc[n] = '\0';
		pr_err("%s%08lx: %-47s  %s\n", text, (unsigned long)(addr + i), hex, asc);
	}
}

static struct track *get_track(const struct kmem_cache *s, void *object, enum track_item alloc)
{
	return (struct track *)((char *)object + get_info_end(s)) + alloc;
}

static void set_track(const struct kmem_cache *s, void *object, enum track_item alloc,
		      unsigned long addr)
{
	struct track *t;

	if (!(s->flags & SLAB_STORE_USER))
		return;
	t = get_track(s, object, alloc);
	t->addr = addr;
	t->cpu = (int)smp_processor_id();
	t->pid = 0;
	t->when = slab_jiffies();
}

static void init_tracking(const struct kmem_cache *s, void *object)
{
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, object, TRACK_ALLOC), 0, 2 * sizeof(struct track));
}

static void print_track(const char *s, const struct track *t, unsigned long now)
{
	char sym[SLAB_SYM_LEN];

	if (!t->addr)
		return;
	pr_err("%s in %s age=%lu cpu=%u pid=%d\n", s, slab_symbol(sym, sizeof(sym), t->addr),
	       now - t->when, t->cpu, t->pid);
}

static void print_tracking(const struct kmem_cache *s, void *object)
{
	unsigned long now = slab_jiffies();

	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, object, TRACK_ALLOC), now);
	print_track("Freed", get_track(s, object, TRACK_FREE), now);
}

static void print_slab_info(const struct kmem_cache *s, const struct slab *slab)
{
	pr_err("Slab 0x%lx objects=%u used=%u fp=0x%lx flags=0x%lx\n", (unsigned long)slab,
	       slab_objects(s, slab), slab->inuse, (unsigned long)slab->freelist,
	       slab->__page_flags & ((1UL << __NR_PAGEFLAGS) - 1));
}

static void print_trailer(const struct kmem_cache *s, const struct slab *slab, u8 *p)
{
	u8 *addr = slab_address(slab);
	unsigned int off;

	print_tracking(s, p);
	print_slab_info(s, slab);
	pr_err("Object 0x%lx @offset=%lu fp=0x%lx\n\n", (unsigned long)p,
	       (unsigned long)(p - addr), (unsigned long)get_freepointer(s, p));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p - s->red_left_pad, s->red_left_pad);
	else if (p > addr + 16)
		print_section("Bytes b4 ", p - 16, 16);
	print_section("Object   ", p, min_t(unsigned int, s->object_size, PAGE_SIZE));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p + s->object_size, s->inuse - s->object_size);
	off = get_info_end(s);
	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (off != s->size - s->red_left_pad)
		print_section("Padding  ", p + off, s->size - s->red_left_pad - off);
	slab_dump_stack();
}

static void object_err(const struct kmem_cache *s, const struct slab *slab, u8 *object,
		       const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, slab, object);
}

static __printf(3, 4) void slab_err(const struct kmem_cache *s, const struct slab *slab,
				    const char *fmt, ...)
{
	char msg[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	slab_bug(s, "%s", msg);
	print_slab_info(s, slab);
	slab_dump_stack();
}

/*
 * The bytes [start, start + bytes) of @object's area must all be @value;
 * if not, report the first wrong one, restore them, and return false.
 */
static bool check_bytes_and_report(const struct kmem_cache *s, const struct slab *slab,
				   u8 *object, const char *what, u8 *start, u8 value,
				   unsigned int bytes)
{
	u8 *fault = NULL, *end = start + bytes, *p;

	for (p = start; p < end; p++)
		if (*p != value) {
			fault = p;
			break;
		}
	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("0x%lx-0x%lx @offset=%lu. First byte 0x%x instead of 0x%x\n",
	       (unsigned long)fault, (unsigned long)(end - 1),
	       (unsigned long)(fault - (u8 *)slab_address(slab)), fault[0], value);
	print_trailer(s, slab, object);
	memset(fault, value, (size_t)(end - fault));
	slab_fix(s, "Restoring %s 0x%lx-0x%lx=0x%x", what, (unsigned long)fault,
		 (unsigned long)(end - 1), value);
	return false;
}

/* red zones to @val (SLUB_RED_*), and poison while free */
static void init_object(const struct kmem_cache *s, u8 *p, u8 val)
{
	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && !s->ctor && val == SLUB_RED_INACTIVE) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
}

/*
 * check_object - @object's red zones hold @val, its poison is intact if
 * it is free (@val inactive), and a free object's free pointer points
 * into the slab.  Damaged red zones and poison are reported and
 * restored (true: the object can be used); a corrupt free pointer is
 * reported and cut (false: the rest of the free list is lost).
 */
static bool check_object(const struct kmem_cache *s, const struct slab *slab, u8 *object,
			 u8 val)
{
	bool ok = true;

	if (s->flags & SLAB_RED_ZONE) {
		ok &= check_bytes_and_report(s, slab, object, "Redzone", object - s->red_left_pad,
					     val, s->red_left_pad);
		ok &= check_bytes_and_report(s, slab, object, "Redzone", object + s->object_size,
					     val, s->inuse - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && !s->ctor && val == SLUB_RED_INACTIVE) {
		ok &= check_bytes_and_report(s, slab, object, "Poison", object, POISON_FREE,
					     s->object_size - 1);
		ok &= check_bytes_and_report(s, slab, object, "End Poison",
					     object + s->object_size - 1, POISON_END, 1);
	}
	(void)ok;	/* restored: usable again */
	if (val == SLUB_RED_INACTIVE && !check_valid_pointer(s, slab, get_freepointer(s, object))) {
		object_err(s, slab, object, "Freepointer corrupt");
		set_freepointer(s, object, NULL);
		return false;
	}
	return true;
}

/* the space after the last object of a slab stays POISON_INUSE (slub_debug=P) */
static void slab_pad_check(const struct kmem_cache *s, const struct slab *slab)
{
	u8 *start = slab_address(slab), *pad, *fault = NULL, *end, *p;
	unsigned long length = PAGE_SIZE << slab_order(slab);
	unsigned long remainder = length % s->size;

	if (!(s->flags & SLAB_POISON) || !remainder)
		return;
	end = start + length;
	pad = end - remainder;
	for (p = pad; p < end; p++)
		if (*p != POISON_INUSE) {
			fault = p;
			break;
		}
	if (!fault)
		return;
	while (end > fault && end[-1] == POISON_INUSE)
		end--;
	slab_err(s, slab, "Padding overwritten. 0x%lx-0x%lx @offset=%lu", (unsigned long)fault,
		 (unsigned long)(end - 1), (unsigned long)(fault - start));
	print_section("Padding ", pad, (unsigned int)remainder);
	memset(fault, POISON_INUSE, (size_t)(end - fault));
	slab_fix(s, "Restoring Padding 0x%lx-0x%lx=0x%x", (unsigned long)fault,
		 (unsigned long)(end - 1), POISON_INUSE);
}

/* is @search on @slab's free list?  (slub_debug=F, every free) */
static bool on_freelist(const struct kmem_cache *s, const struct slab *slab, const void *search)
{
	unsigned int nr = 0, objects = slab_objects(s, slab);
	void *fp = slab->freelist;

	while (fp && nr <= objects) {
		if (fp == search)
			return true;
		fp = get_freepointer(s, fp);
		nr++;
	}
	return false;
}

/* ------------------------------------------------------------ slabs */

static void add_partial(struct kmem_cache_node *n, struct slab *slab, bool tail)
{
	n->nr_partial++;
	if (tail)
		list_add_tail(&slab->slab_list, &n->partial);
	else
		list_add(&slab->slab_list, &n->partial);
}

static void remove_partial(struct kmem_cache_node *n, struct slab *slab)
{
	list_del(&slab->slab_list);
	n->nr_partial--;
}

static void add_full(struct kmem_cache_node *n, struct slab *slab)
{
	list_add(&slab->slab_list, &n->full);
}

static void remove_full(struct slab *slab)
{
	list_del(&slab->slab_list);
}

/*
 * allocate_slab - a new slab for @s: the preferred order without
 * warnings, else the smallest that holds an object; every object free,
 * poisoned and red-zoned as the cache's debugging wants, and given to the
 * constructor.  NULL if the page allocator has nothing.
 */
static struct slab *allocate_slab(struct kmem_cache *s, gfp_t flags)
{
	struct kmem_cache_order_objects oo = s->oo;
	gfp_t alloc_gfp = (flags & ~__GFP_ZERO) | s->allocflags;
	unsigned int i, objects, order;
	struct page *page;
	struct slab *slab;
	u8 *start, *p;

	if (oo_order(oo) > oo_order(s->min))
		alloc_gfp |= __GFP_NOWARN;
	order = oo_order(oo);
	page = alloc_pages(alloc_gfp | (order ? __GFP_COMP : 0), order);
	if (unlikely(!page) && oo.x != s->min.x) {
		oo = s->min;
		order = oo_order(oo);
		page = alloc_pages(((flags & ~__GFP_ZERO) | s->allocflags) | (order ? __GFP_COMP : 0),
				   order);
	}
	if (unlikely(!page))
		return NULL;
	objects = oo_objects(oo);
	slab = page_slab(page);
	__SetPageSlab(page);
	slab->slab_cache = s;
	slab->frozen = 0;
	slab->inuse = 0;
	start = page_address(page);
	if (s->flags & SLAB_POISON)
		memset(start, POISON_INUSE, PAGE_SIZE << order);
	for (i = 0, p = start + s->red_left_pad; i < objects; i++, p += s->size) {
		if (kmem_cache_debug_flags(s)) {
			init_object(s, p, SLUB_RED_INACTIVE);
			init_tracking(s, p);
		}
		if (s->ctor)
			s->ctor(p);
		set_freepointer(s, p, i + 1 < objects ? p + s->size : NULL);
	}
	slab->freelist = start + s->red_left_pad;
	if (unlikely(slab_trace(slab)))
		printk(KERN_INFO "slab: %s: new slab pfn 0x%05lx order %u (%u objects) from the page allocator\n",
		       s->name, page_to_pfn(page), order, objects);
	return slab;
}

/* the node's counters and meminfo's for @slab joining (@sign 1) or leaving (-1) @s; list_lock held */
static void account_slab(struct kmem_cache *s, struct slab *slab, long sign)
{
	unsigned long pages = (unsigned long)sign << slab_order(slab);

	s->node.nr_slabs += (unsigned long)sign;
	s->node.total_objects += (unsigned long)sign * slab_objects(s, slab);
	/* every cache's slabs: list_lock is one cache's */
	__atomic_fetch_add(s->flags & SLAB_RECLAIM_ACCOUNT ? &nr_slab_reclaimable :
			   &nr_slab_unreclaimable, pages, __ATOMIC_RELAXED);
}

/*
 * discard_slab - @slab (empty, on no list, accounted out with
 * account_slab() under list_lock) back to the page allocator; no slab
 * lock held.
 */
static void discard_slab(struct kmem_cache *s, struct slab *slab)
{
	struct page *page = slab_page(slab);
	unsigned int order = slab_order(slab);

	if (kmem_cache_debug_flags(s))
		slab_pad_check(s, slab);
	if (unlikely(slab_trace(slab)))
		printk(KERN_INFO "slab: %s: slab pfn 0x%05lx order %u back to the page allocator\n",
		       s->name, page_to_pfn(page), order);
	/* the fields the page allocator owns again */
	slab->slab_cache = NULL;
	slab->frozen = 0;
	slab->inuse = 0;
	slab->freelist = NULL;
	__ClearPageSlab(page);
	__free_pages(page, order);
}

/*
 * deactivate_slab - the CPU's active slab goes back to the node: the
 * objects left on the CPU list return to the slab's own list, and the
 * slab becomes partial, full, or - empty, with enough partial slabs
 * around - is returned for discard_slab() once list_lock is dropped
 * (else NULL).  @c's lock and list_lock held.
 */
static struct slab *deactivate_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab = c->slab;
	void *fp = c->freelist, *last = NULL;
	unsigned int nr = 0;

	while (fp) {
		last = fp;
		nr++;
		fp = get_freepointer(s, fp);
	}
	if (last) {
		set_freepointer(s, last, slab->freelist);
		slab->freelist = c->freelist;
	}
	VM_BUG_ON(nr > slab->inuse);
	slab->inuse -= nr;
	slab->frozen = 0;
	c->slab = NULL;
	c->freelist = NULL;
	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		account_slab(s, slab, -1);
		return slab;
	}
	if (slab->freelist)
		add_partial(n, slab, false);
	else
		add_full(n, slab);
	return NULL;
}

/*
 * A slab of @s with a free object, off its list: partial, else new.
 * Called and returns with list_lock held; drops it while the page
 * allocator makes a new slab (nobody else can see that one yet).
 */
static struct slab *get_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab;

	if (n->nr_partial) {
		slab = list_first_entry(&n->partial, struct slab, slab_list);
		remove_partial(n, slab);
		return slab;
	}
	spin_unlock(&n->list_lock);
	slab = allocate_slab(s, gfp);
	spin_lock(&n->list_lock);
	if (slab)
		account_slab(s, slab, 1);
	return slab;
}

/*
 * slub_cpu_lock - CPU @cpu's kmem_cache_cpu of @s, locked with
 * interrupts off (see the top of the file): Linux's
 * local_lock_irqsave(&s->cpu_slab->lock, flags).  @cpu: SLUB_THIS_CPU
 * (smp_processor_id(), read once interrupts are off), or another CPU's
 * number for a flush or report from here.
 */
#define SLUB_THIS_CPU	(~0u)
static __always_inline struct kmem_cache_cpu *slub_cpu_lock(struct kmem_cache *s, unsigned int cpu,
							    unsigned long *flags)
{
	struct kmem_cache_cpu *c;

	local_irq_save(*flags);
	c = &s->cpu_slab[cpu == SLUB_THIS_CPU ? smp_processor_id() : cpu];
	/* "lock bts": held only for a moment by a remote flush, if at all */
	while (unlikely(__atomic_fetch_or(&c->lock, 1, __ATOMIC_ACQUIRE) & 1))
		__ticket_relax();
	return c;
}

static __always_inline void slub_cpu_unlock(struct kmem_cache_cpu *c, unsigned long flags)
{
	__atomic_store_n(&c->lock, 0, __ATOMIC_RELEASE);
	local_irq_restore(flags);
}

/*
 * One object from a debugging cache: no CPU slab, so that every object
 * is checked on its way out and in, under list_lock.  A slab whose free list is found
 * corrupt is marked full (its free objects are lost, as in Linux) and the
 * next one is tried.
 */
static void *alloc_debug(struct kmem_cache *s, gfp_t gfp, unsigned long addr)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab;
	u8 *object;

	for (;;) {
		slab = get_slab(s, gfp);
		if (!slab)
			return NULL;
		object = slab->freelist;
		if (check_valid_pointer(s, slab, object) &&
		    check_object(s, slab, object, SLUB_RED_INACTIVE))
			break;
		if (!check_valid_pointer(s, slab, object))
			slab_err(s, slab, "Freelist Pointer check fails");
		slab_fix(s, "Marking all objects used");
		slab->inuse = (unsigned short)slab_objects(s, slab);
		slab->freelist = NULL;
		add_full(n, slab);
	}
	slab->freelist = get_freepointer(s, object);
	slab->inuse++;
	if (slab->freelist)
		add_partial(n, slab, false);
	else
		add_full(n, slab);
	set_track(s, object, TRACK_ALLOC, addr);
	init_object(s, object, SLUB_RED_ACTIVE);
	return object;
}

/* the slow path: the CPU list is empty (or the cache debugs); @c locked */
static noinline void *___slab_alloc(struct kmem_cache *s, gfp_t gfp, struct kmem_cache_cpu *c,
				    unsigned long addr)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab, *discard = NULL;
	void *object = NULL;

	spin_lock(&n->list_lock);
	if (kmem_cache_debug_flags(s)) {
		object = alloc_debug(s, gfp, addr);
		spin_unlock(&n->list_lock);
		return object;
	}
	slab = c->slab;
	if (slab && slab->freelist) {
		/* other CPUs' frees meanwhile (Linux's get_freelist()) */
		c->freelist = slab->freelist;
		slab->freelist = NULL;
		slab->inuse = (unsigned short)slab_objects(s, slab);
	} else {
		if (slab)
			discard = deactivate_slab(s, c);
		slab = get_slab(s, gfp);
		if (slab) {
			/* freeze: the slab lends its whole free list to the CPU */
			c->slab = slab;
			c->freelist = slab->freelist;
			slab->freelist = NULL;
			slab->inuse = (unsigned short)slab_objects(s, slab);
			slab->frozen = 1;
		}
	}
	spin_unlock(&n->list_lock);
	if (discard)
		discard_slab(s, discard);
	if (slab) {
		object = c->freelist;
		c->freelist = get_freepointer(s, object);
	}
	return object;
}

static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long addr)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *object;

	c = slub_cpu_lock(s, SLUB_THIS_CPU, &flags);
	object = c->freelist;
	if (unlikely(!object))
		object = ___slab_alloc(s, gfp, c, addr);
	else
		c->freelist = get_freepointer(s, object);
	slub_cpu_unlock(c, flags);
	if (unlikely(gfp & __GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	return object;
}

/* free_debug - the checks of a free to a debugging cache; false: do not free */
static bool free_debug(struct kmem_cache *s, struct slab *slab, u8 *object, unsigned long addr)
{
	if (on_freelist(s, slab, object)) {
		object_err(s, slab, object, "Object already free");
		return false;
	}
	check_object(s, slab, object, SLUB_RED_ACTIVE);
	set_track(s, object, TRACK_FREE, addr);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
}

/*
 * A free to a slab that is not this CPU's active one: to the slab's own
 * list, under list_lock.  Another CPU's active slab stays with it (that
 * CPU takes the object back in ___slab_alloc() or deactivate_slab()).
 */
static noinline void __slab_free(struct kmem_cache *s, struct slab *slab, void *object,
				 unsigned long addr)
{
	struct kmem_cache_node *n = &s->node;
	bool was_full;

	spin_lock(&n->list_lock);
	if (kmem_cache_debug_flags(s)) {
		if (!free_debug(s, slab, object, addr))
			goto out;
	} else if (unlikely(object == slab->freelist)) {
		object_err(s, slab, object, "Object already free");
		goto out;
	}
	VM_BUG_ON(!slab->inuse);
	was_full = !slab->freelist;
	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	slab->inuse--;
	if (slab->frozen)
		goto out;
	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		if (was_full)
			remove_full(slab);
		else
			remove_partial(n, slab);
		account_slab(s, slab, -1);
		spin_unlock(&n->list_lock);
		discard_slab(s, slab);
		return;
	}
	if (was_full) {
		remove_full(slab);
		add_partial(n, slab, true);
	}
out:
	spin_unlock(&n->list_lock);
}

/*
 * The checks every free passes: @x is an object of a slab of @s.  On a
 * misuse, report and return NULL.
 */
static struct slab *free_slab_of(struct kmem_cache *s, const void *x, const char *func)
{
	struct slab *slab = virt_to_slab(x);

	if (unlikely(!slab)) {
		pr_err("%s(%s): object pointer 0x%lx is not in a slab\n", func,
		       s ? s->name : "", (unsigned long)x);
		slab_dump_stack();
		return NULL;
	}
	if (unlikely(s && slab->slab_cache != s)) {
		pr_err("%s: Wrong slab cache. %s but object is from %s\n", func, s->name,
		       slab->slab_cache->name);
		slab_dump_stack();
		return NULL;
	}
	s = slab->slab_cache;
	if (unlikely(slab_obj_index(s, slab, x) < 0)) {
		slab_err(s, slab, "Invalid object pointer 0x%lx", (unsigned long)x);
		return NULL;
	}
	return slab;
}

static __always_inline void slab_free(struct kmem_cache *s, struct slab *slab, void *object,
				      unsigned long addr)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;

	c = slub_cpu_lock(s, SLUB_THIS_CPU, &flags);
	if (likely(slab == c->slab)) {
		if (unlikely(object == c->freelist))
			object_err(s, slab, object, "Object already free");
		else {
			set_freepointer(s, object, c->freelist);
			c->freelist = object;
		}
	} else {
		__slab_free(s, slab, object, addr);
	}
	slub_cpu_unlock(c, flags);
}

/* ------------------------------------------------------------ caches */

/* Linux's calc_slab_order(): the smallest order wasting at most 1/@fract */
static unsigned int calc_slab_order(unsigned int size, unsigned int min_order,
				    unsigned int max_order, unsigned int fract_leftover)
{
	unsigned int order;

	for (order = min_order; order <= max_order; order++) {
		unsigned int slab_size = (unsigned int)PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract_leftover)
			break;
	}
	return order;
}

/*
 * calculate_order - Linux 6.x's choice of slab order for objects of
 * @size: at least min_objects per slab (4 * (fls(nr_cpus) + 1) = 8 on
 * one CPU: the caches are made before the other CPUs start, so one here, fewer if even slub_max_order cannot hold them), then the
 * smallest order up to slub_max_order (PAGE_ALLOC_COSTLY_ORDER) whose
 * leftover is at most 1/16 of the slab, else 1/8, 1/4, 1/2; else the
 * order of one object.
 */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int min_objects = 4 * (fls_uint(1) + 1);
	unsigned int max_objects = max(order_objects(SLUB_MAX_ORDER, size), 1u);
	unsigned int min_order, order, fraction;

	min_objects = min(min_objects, max_objects);
	min_order = slab_get_order((unsigned long)min_objects * size);
	if (order_objects(min_order, size) > MAX_OBJS_PER_PAGE)
		return slab_get_order((unsigned long)size * MAX_OBJS_PER_PAGE) - 1;
	for (fraction = 16; fraction > 1; fraction /= 2) {
		order = calc_slab_order(size, min_order, SLUB_MAX_ORDER, fraction);
		if (order <= SLUB_MAX_ORDER)
			return order;
	}
	return slab_get_order(size);
}

static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)ARCH_SLAB_MINALIGN);
	return ALIGN(align, (unsigned int)sizeof(void *));
}

/* Linux's calculate_sizes(): the layout in mm/slab.h, and the orders */
static bool calculate_sizes(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	unsigned int order;

	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);		/* a right red zone of at least a word */
	s->inuse = size;
	if ((flags & SLAB_POISON) || s->ctor ||
	    ((flags & SLAB_RED_ZONE) && s->object_size < sizeof(void *))) {
		s->offset = size;		/* outside: the contents must survive */
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, (unsigned int)sizeof(void *));
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	s->red_left_pad = 0;
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);		/* catches an underrun before the metadata */
		s->red_left_pad = ALIGN((unsigned int)sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	size = ALIGN(size, s->align);
	s->size = size;
	s->reciprocal_size = (unsigned int)(((1ULL << 32) + size - 1) / size);
	order = calculate_order(size);
	if (order >= MAX_ORDER)
		return false;
	s->allocflags = 0;
	if (flags & SLAB_CACHE_DMA)
		s->allocflags |= __GFP_DMA;
	if (flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->oo = oo_make(order, size);
	s->min = oo_make(slab_get_order(size), size);
	return oo_objects(s->oo) > 0;
}

/* slub_debug's flags for the cache called @name */
static slab_flags_t kmem_cache_flags(const char *name)
{
	const char *p = slub_debug_string;
	size_t len = strlen(name);

	if (!slub_debug || !p)
		return slub_debug;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == len && !strncmp(p, name, n))
			return slub_debug;
		if (!end)
			break;
		p = end + 1;
	}
	return 0;
}

static bool kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
			    unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->object_size = size;
	s->flags = flags | kmem_cache_flags(name);
	s->align = calculate_alignment(flags, align, size);
	s->ctor = ctor;
	s->refcount = 1;
	spin_lock_init(&s->node.list_lock);
	INIT_LIST_HEAD(&s->node.partial);
	INIT_LIST_HEAD(&s->node.full);
	if (!calculate_sizes(s))
		return false;
	s->min_partial = min_t(unsigned long, MAX_PARTIAL,
			       max_t(unsigned long, MIN_PARTIAL, (fls_uint(s->size) - 1) / 2));
	return true;
}

static struct kmem_cache *__kmem_cache_find(const char *name)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

struct kmem_cache *kmem_cache_find(const char *name)
{
	struct kmem_cache *s;
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	s = __kmem_cache_find(name);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return s;
}

static bool is_power_of_2(unsigned int x)
{
	return x && !(x & (x - 1));
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	const char *why = NULL;
	char *cname = NULL;
	unsigned long irqflags;

	if (!name || !*name)
		why = "no name";
	else if (!size || size > KMALLOC_MAX_CACHE_SIZE)
		why = "bad size";
	else if (align && (!is_power_of_2(align) || align > PAGE_SIZE))
		why = "bad alignment";
	else if (flags & ~(SLAB_DEBUG_FLAGS | SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | SLAB_PANIC |
			   SLAB_RECLAIM_ACCOUNT))
		why = "unknown flags";
	if (!why) {
		cname = kstrdup(name, GFP_KERNEL);
		s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
		/* the name checked and the cache listed in one go */
		spin_lock_irqsave(&slab_caches_lock, irqflags);
		if (__kmem_cache_find(name))
			why = "Cache name already exists.";
		else if (!cname || !s)
			why = "out of memory";
		else if (!kmem_cache_open(s, cname, size, align, flags, ctor))
			why = "object too large";
		else
			list_add(&s->list, &slab_caches);
		spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	}
	if (why) {
		if (s)
			kmem_cache_free(kmem_cache, s);
		kfree(cname);
		if (flags & SLAB_PANIC) {
			pr_emerg("kmem_cache_create: Failed to create slab '%s': %s\n",
				 name ? name : "", why);
			BUG();
		}
		pr_warn("kmem_cache_create(%s) failed: %s\n", name ? name : "", why);
		return NULL;
	}
	return s;
}

/*
 * Every CPU's active slab back to the node (Linux's flush_all(), done
 * from here under each CPU's lock rather than by each CPU).
 */
static void flush_all(struct kmem_cache *s)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct slab *discard = NULL;
		struct kmem_cache_cpu *c;
		unsigned long flags;

		c = slub_cpu_lock(s, cpu, &flags);
		if (c->slab) {
			spin_lock(&s->node.list_lock);
			discard = deactivate_slab(s, c);
			spin_unlock(&s->node.list_lock);
		}
		slub_cpu_unlock(c, flags);
		if (discard)
			discard_slab(s, discard);
	}
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab, *t;
	unsigned long flags;
	LIST_HEAD(discard);

	flush_all(s);
	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry_safe(slab, t, &n->partial, slab_list)
		if (!slab->inuse) {
			remove_partial(n, slab);
			account_slab(s, slab, -1);
			list_add(&slab->slab_list, &discard);
		}
	spin_unlock_irqrestore(&n->list_lock, flags);
	list_for_each_entry_safe(slab, t, &discard, slab_list)
		discard_slab(s, slab);
	return 0;
}

/* Linux's list_slab_objects(): the objects still allocated in @slab */
static void list_slab_objects(struct kmem_cache *s, struct slab *slab)
{
	unsigned int i, objects = slab_objects(s, slab);
	u8 *addr = slab_address(slab), *p;

	slab_err(s, slab, "Objects remaining in %s on __kmem_cache_shutdown()", s->name);
	for (i = 0, p = addr + s->red_left_pad; i < objects; i++, p += s->size) {
		if (on_freelist(s, slab, p))
			continue;
		pr_err("Object 0x%lx @offset=%lu\n", (unsigned long)p, (unsigned long)(p - addr));
		print_tracking(s, p);
	}
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	struct slab *slab;
	unsigned long flags;

	if (!s)
		return;
	if (s->refcount != 1) {
		pr_err("kmem_cache_destroy %s: a boot cache cannot be destroyed\n", s->name);
		return;
	}
	kmem_cache_shrink(s);
	spin_lock_irqsave(&s->node.list_lock, flags);
	if (s->node.nr_slabs) {
		char sym[SLAB_SYM_LEN];

		pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from %s\n",
		       s->name, slab_symbol(sym, sizeof(sym), (unsigned long)__builtin_return_address(0)));
		list_for_each_entry(slab, &s->node.partial, slab_list)
			list_slab_objects(s, slab);
		list_for_each_entry(slab, &s->node.full, slab_list)
			list_slab_objects(s, slab);
		spin_unlock_irqrestore(&s->node.list_lock, flags);
		return;
	}
	spin_unlock_irqrestore(&s->node.list_lock, flags);
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	kfree(s->name);
	kmem_cache_free(kmem_cache, s);
}

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

unsigned int kmem_cache_size(const struct kmem_cache *s)
{
	return s->object_size;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	return slab_alloc(s, flags, (unsigned long)__builtin_return_address(0));
}

void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct slab *slab;

	if (unlikely(!x))
		return;
	slab = free_slab_of(s, x, "kmem_cache_free");
	if (likely(slab))
		slab_free(s, slab, x, (unsigned long)__builtin_return_address(0));
}

/* ------------------------------------------------------------ kmalloc */

/* Linux's size_index[]: the cache index of sizes 8..192, by (size - 1) / 8 */
static const u8 size_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6,		/*   8 ..  64 */
	1, 1, 1, 1, 7, 7, 7, 7,		/*  72 .. 128 */
	2, 2, 2, 2, 2, 2, 2, 2,		/* 136 .. 192 */
};

static inline unsigned int kmalloc_index(size_t size)
{
	if (size <= 192)
		return size_index[(size - 1) / 8];
	return fls_uint((unsigned int)size - 1);
}

struct kmem_cache *kmalloc_slab(size_t size)
{
	return kmalloc_caches[kmalloc_index(size)];
}

static noinline void *kmalloc_large(size_t size, gfp_t flags)
{
	unsigned int order = slab_get_order(size);
	struct page *page;

	if (order >= MAX_ORDER) {
		if (!(flags & __GFP_NOWARN))
			pr_warn("kmalloc: %zu bytes is more than KMALLOC_MAX_SIZE (%lu)\n", size,
				KMALLOC_MAX_SIZE);
		return NULL;
	}
	page = alloc_pages(flags | __GFP_COMP, order);
	return page ? page_address(page) : NULL;
}

/* Linux's GFP_SLAB_BUG_MASK: slab memory must be in the direct map */
static noinline gfp_t kmalloc_fix_gfp(gfp_t flags, bool *fail)
{
	if (flags & __GFP_DMA) {
		pr_warn("kmalloc: __GFP_DMA: no kmalloc-dma caches here; use alloc_pages()\n");
		*fail = true;
	}
	if (flags & __GFP_HIGHMEM) {
		pr_warn("Unexpected gfp: %#x (__GFP_HIGHMEM). Fixing up to gfp: %#x. Fix your code!\n",
			flags, flags & ~__GFP_HIGHMEM);
		flags &= ~__GFP_HIGHMEM;
	}
	return flags;
}

void *kmalloc(size_t size, gfp_t flags)
{
	if (unlikely(flags & GFP_ZONEMASK)) {
		bool fail = false;

		flags = kmalloc_fix_gfp(flags, &fail);
		if (fail)
			return NULL;
	}
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags);
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	return slab_alloc(kmalloc_caches[kmalloc_index(size)], flags,
			  (unsigned long)__builtin_return_address(0));
}

/* a kfree()/ksize() pointer that is no slab object: a large kmalloc, or a bug */
static struct page *large_kmalloc_page(const void *x, const char *func)
{
	unsigned long pfn = virt_to_pfn(x);
	struct page *page;

	if (pfn_valid(pfn)) {
		page = pfn_to_page(pfn);
		if (PageHead(page) && page_count(page) > 0 &&
		    page_address(page) == x)
			return page;
	}
	pr_err("%s: object pointer 0x%lx was not returned by kmalloc()\n", func, (unsigned long)x);
	slab_dump_stack();
	return NULL;
}

void kfree(const void *x)
{
	struct slab *slab;
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return;
	slab = virt_to_slab(x);
	if (unlikely(!slab)) {
		page = large_kmalloc_page(x, "kfree");
		if (page)
			__free_pages(page, compound_order(page));
		return;
	}
	if (unlikely(slab_obj_index(slab->slab_cache, slab, x) < 0)) {
		slab_err(slab->slab_cache, slab, "Invalid object pointer 0x%lx", (unsigned long)x);
		return;
	}
	slab_free(slab->slab_cache, slab, (void *)x, (unsigned long)__builtin_return_address(0));
}

size_t ksize(const void *x)
{
	struct slab *slab;
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return 0;
	slab = virt_to_slab(x);
	if (slab)
		return slab->slab_cache->object_size;
	page = large_kmalloc_page(x, "ksize");
	return page ? PAGE_SIZE << compound_order(page) : 0;
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t ks = ksize(p);
	void *ret;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (ks >= new_size && !ZERO_OR_NULL_PTR(p))
		return (void *)p;
	ret = kmalloc(new_size, flags & ~__GFP_ZERO);
	if (ret && !ZERO_OR_NULL_PTR(p)) {
		memcpy(ret, p, ks);
		kfree(p);
	}
	if (ret && (flags & __GFP_ZERO))
		memset((char *)ret + ks, 0, new_size - ks);
	return ret;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = kmalloc(len, gfp);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}

/* ------------------------------------------------------------ boot */

/* slub_debug=[FZPU-]*[,cache,...]: Linux's letters (empty: all four) */
static void setup_slub_debug(const char *str)
{
	slub_debug = 0;
	slub_debug_string = NULL;
	if (!str)
		return;
	if (!*str || *str == ',')
		slub_debug = SLAB_DEBUG_FLAGS;
	for (; *str && *str != ','; str++) {
		switch (*str | 0x20) {
		case 'f': slub_debug |= SLAB_CONSISTENCY_CHECKS; break;
		case 'z': slub_debug |= SLAB_RED_ZONE; break;
		case 'p': slub_debug |= SLAB_POISON; break;
		case 'u': slub_debug |= SLAB_STORE_USER; break;
		case '-': slub_debug = 0; break;
		default:
			pr_err("slub_debug option '%c' unknown. skipped\n", *str);
		}
	}
	if (*str == ',' && str[1])
		slub_debug_string = str + 1;
}

static const char *const kmalloc_names[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = "kmalloc-96", [2] = "kmalloc-192", [3] = "kmalloc-8", [4] = "kmalloc-16",
	[5] = "kmalloc-32", [6] = "kmalloc-64", [7] = "kmalloc-128", [8] = "kmalloc-256",
	[9] = "kmalloc-512", [10] = "kmalloc-1k", [11] = "kmalloc-2k", [12] = "kmalloc-4k",
	[13] = "kmalloc-8k",
};
_Static_assert(KMALLOC_SHIFT_HIGH == 13, "kmalloc_names[] lists kmalloc-8 .. kmalloc-8k");

void kmem_cache_init(const char *slub_debug_param)
{
	unsigned int i;

	INIT_LIST_HEAD(&slab_caches);
	nr_slab_reclaimable = nr_slab_unreclaimable = 0;
	setup_slub_debug(slub_debug_param);
	BUG_ON(!kmem_cache_open(&boot_kmem_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
				SLAB_HWCACHE_ALIGN, NULL));
	list_add(&boot_kmem_cache.list, &slab_caches);
	kmem_cache = &boot_kmem_cache;
	for (i = 0; i <= KMALLOC_SHIFT_HIGH; i++) {
		struct kmem_cache *s;

		kmalloc_caches[i] = NULL;
		if (!kmalloc_names[i])
			continue;
		s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
		BUG_ON(!s || !kmem_cache_open(s, kmalloc_names[i],
					      i == 1 ? 96 : i == 2 ? 192 : 1u << i, 0, 0, NULL));
		list_add(&s->list, &slab_caches);
		s->refcount = -1;	/* never destroyed */
		kmalloc_caches[i] = s;
	}
	kmem_cache->refcount = -1;
}

/* ------------------------------------------------------------ reports */

/* free objects of the node's partial slabs (Linux's count_partial()); list_lock held */
static unsigned long count_partial_free(const struct kmem_cache *s)
{
	const struct slab *slab;
	unsigned long x = 0;

	list_for_each_entry(slab, &s->node.partial, slab_list)
		x += slab_objects(s, slab) - slab->inuse;
	return x;
}

/*
 * /proc/slabinfo 2.1 (mm/slab_common.c): SLUB counts the objects of the
 * CPU slabs as active and has no tunables or shared data (zeros).
 */
void slabinfo_show(void)
{
	struct kmem_cache *s;
	unsigned long flags;

	printk("slabinfo - version: 2.1\n");
	printk("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
	       " : tunables <limit> <batchcount> <sharedfactor>"
	       " : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		unsigned long num_objs, active_objs, nr_slabs;

		/* the node's counters take in every CPU's slab */
		spin_lock(&s->node.list_lock);
		num_objs = s->node.total_objects;
		active_objs = num_objs - count_partial_free(s);
		nr_slabs = s->node.nr_slabs;
		spin_unlock(&s->node.list_lock);
		printk("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
		       s->name, active_objs, num_objs, s->size, oo_objects(s->oo),
		       1 << oo_order(s->oo), 0u, 0u, 0u, nr_slabs, nr_slabs, 0ul);
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

static void show_one_slab(const struct kmem_cache *s, const struct slab *slab, const char *state,
			  unsigned int nr_free)
{
	const struct page *page = slab_page(slab);

	printk("  slab 0x%lx pfn 0x%05lx order %u %-7s objects %u free %u\n",
	       (unsigned long)slab_address(slab), page_to_pfn(page), slab_order(slab), state,
	       slab_objects(s, slab), nr_free);
}

void slab_show_cache(struct kmem_cache *s)
{
	struct slab *slab;
	unsigned long flags;
	unsigned int cpu;

	printk("%s: object_size %u size %u align %u objects/slab %u order %u min_partial %lu flags 0x%x\n",
	       s->name, s->object_size, s->size, s->align, oo_objects(s->oo), oo_order(s->oo),
	       s->min_partial, s->flags);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct kmem_cache_cpu *c = slub_cpu_lock(s, cpu, &flags);
		unsigned int nr = 0;
		void *fp;

		if (c->slab) {
			/* the CPU's list, and what other CPUs freed to the slab meanwhile */
			spin_lock(&s->node.list_lock);
			for (fp = c->freelist; fp; fp = get_freepointer(s, fp))
				nr++;
			nr += slab_objects(s, c->slab) - c->slab->inuse;
			show_one_slab(s, c->slab, "cpu", nr);
			spin_unlock(&s->node.list_lock);
		}
		slub_cpu_unlock(c, flags);
	}
	spin_lock_irqsave(&s->node.list_lock, flags);
	list_for_each_entry(slab, &s->node.partial, slab_list)
		show_one_slab(s, slab, "partial", slab_objects(s, slab) - slab->inuse);
	list_for_each_entry(slab, &s->node.full, slab_list)
		show_one_slab(s, slab, "full", 0);
	printk("%lu slabs, %lu objects, %lu partial\n", s->node.nr_slabs, s->node.total_objects,
	       s->node.nr_partial);
	spin_unlock_irqrestore(&s->node.list_lock, flags);
}
