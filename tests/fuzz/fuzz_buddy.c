// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the buddy allocator: the input is a program.
 *
 *   byte 0      layout (low 2 bits), watermarks kept (bit 2), page_poison
 *               (bit 3), trace (bit 4), node 0 (bit 5; else a private
 *               node): __free_pages() has a fast path for node 0's
 *               pages only, with its own copy of every misuse check;
 *               page_owner (bit 6): the pages with an "allocated" record
 *               must be exactly those of the live slots, each with the
 *               slot's order and migrate type
 *   then ops    one byte each, most with an argument byte or two:
 *     0-3  alloc    order (0..11, 11 is invalid), mask from a table that
 *                   includes __GFP_DMA|__GFP_HIGHMEM, and the same byte
 *                   picks the mobility: none, __GFP_MOVABLE,
 *                   __GFP_RECLAIMABLE or both (refused) -> into a slot
 *     4-5  free     a slot, by __free_pages or put_page (tail for compound)
 *     6    get_page a slot (the next free drops that reference)
 *     7    misuse   a random pfn and order that is not a live block's
 *                   (head, same order): double free, inside a block, tail,
 *                   reserved, hole, wrong order - must be reported and
 *                   leave the node byte-identical.  The pfn's high byte
 *                   aims it: top bits 10 = a page of the slot's block
 *                   (its head with a wrong order, or a tail), 11 = the
 *                   n-th reserved page (n = low byte), so that the cases
 *                   a random pfn rarely hits come up often
 *     8    misuse   put_page/get_page on a pfn no live block owns
 *     9    scribble on a free page (page_poison must report it later)
 *     10   migrate  a slot's block (movable when allocated with
 *                   __GFP_MOVABLE; pinned while we hold two references)
 *     11   compact  a zone (arg % 4), whole (-1) or for an order
 *                   (mm/compaction.c); the slots follow their blocks
 *
 * After every op the invariant checker must find nothing; after freeing
 * everything, buddyinfo must equal the boot state.  Any violation aborts.
 */
#include <stdlib.h>
#include <stdio.h>
#include <linux/page_owner.h>
#include <linux/migrate.h>
#include <linux/compaction.h>
#include "../kunit/mm_fixture.c"

static const struct mm_layout fuzz_layouts[4] = {
	{ .name = "fz-three", .nr_pages = 512, .zone_end = { 128, 384, 512 },
	  .ram = { { 0, 200 }, { 210, 512 } }, .reserved = { { 50, 53 } } },
	{ .name = "fz-odd", .nr_pages = 333, .zone_end = { 100, 301, 333 },
	  .ram = { { 3, 333 } }, .reserved = { { 150, 151 } } },
	{ .name = "fz-dma", .nr_pages = 64, .zone_end = { 64, 64, 64 } },
	{ .name = "fz-big", .nr_pages = 2048, .zone_end = { 1024, 1500, 2048 },
	  .ram = { { 0, 1000 }, { 1030, 2048 } }, .host_base_pfn = 0x40 },
};

static const gfp_t fuzz_gfps[] = {
	GFP_KERNEL, GFP_ATOMIC, GFP_DMA, GFP_HIGHUSER, GFP_KERNEL | __GFP_COMP,
	GFP_HIGHUSER | __GFP_ZERO, GFP_KERNEL | __GFP_ZERO, GFP_NOIO, 0,
	__GFP_DMA | __GFP_HIGHMEM, GFP_DMA | __GFP_COMP | __GFP_ZERO, GFP_KERNEL | __GFP_NOFAIL,
};

static const gfp_t fuzz_mobility[] = {
	0, __GFP_MOVABLE, __GFP_RECLAIMABLE, __GFP_MOVABLE, __GFP_MOVABLE | __GFP_RECLAIMABLE,
};

#define NR_SLOTS 64

struct slot {
	struct page *page;
	unsigned int order;
	int refs;		/* references we hold */
	bool compound;
};

static struct mm_fixture fz;
static struct slot slots[NR_SLOTS];
static struct printk_capture fcap;

/* the slots own their movable blocks (linux/migrate.h) */
static int slot_of(const struct page *page)
{
	unsigned int i;

	for (i = 0; i < NR_SLOTS; i++)
		if (slots[i].page == page)
			return (int)i;
	return -1;
}

static bool fz_isolate(struct page *page)
{
	return slot_of(page) >= 0;
}

static int fz_migrate(struct page *dst, struct page *src)
{
	int i = slot_of(src);

	if (i < 0)
		return -EBUSY;
	slots[i].page = dst;
	return MIGRATEPAGE_SUCCESS;
}

static void fz_putback(struct page *page)
{
}

static const struct movable_operations fz_mops = {
	.isolate_page = fz_isolate, .migrate_page = fz_migrate, .putback_page = fz_putback,
};

static struct page *fz_new_page(struct page *src, unsigned long unused)
{
	return __alloc_pages_node(fz.node, (PageHighMem(src) ? GFP_HIGHUSER_MOVABLE :
					    GFP_KERNEL | __GFP_MOVABLE) | __GFP_NOWARN,
				  src->alloc_order);
}

static void fz_free_page(struct page *page, unsigned long unused)
{
	__free_pages(page, page->alloc_order);
}

#define FUZZ_CHECK(cond, what) do {						\
	if (!(cond)) {								\
		fprintf(stderr, "fuzz_buddy: %s failed: %s\n", what, #cond);	\
		abort();							\
	}									\
} while (0)

static void *po_storage;

/* page_owner's records agree with the slots: allocated exactly where they are */
static void check_page_owner(void)
{
	unsigned long rel, recorded = 0, held = 0;
	unsigned int i;

	for (rel = 0; rel < fz.nr_pages; rel++)
		recorded += !!(get_page_owner(mm_page(&fz, rel))->flags & PAGE_EXT_OWNER_ALLOCATED);
	for (i = 0; i < NR_SLOTS; i++) {
		const struct slot *s = &slots[i];
		const struct page_owner *head, *last;

		if (!s->page)
			continue;
		held += 1UL << s->order;
		head = get_page_owner(s->page);
		last = get_page_owner(s->page + (1UL << s->order) - 1);
		FUZZ_CHECK((head->flags & last->flags & PAGE_EXT_OWNER_ALLOCATED) &&
			   head->order == s->order && last->order == s->order &&
			   head->migratetype == page_alloc_migratetype(s->page), "page_owner record");
	}
	FUZZ_CHECK(recorded == held, "page_owner: allocated records == pages of the live slots");
}

static void check_all(const char *what)
{
	int errors;

	kunit_capture_start(&fcap);
	errors = verify_free_lists(fz.node);
	kunit_capture_stop();
	if (errors)
		fprintf(stderr, "%s", fcap.buf);
	FUZZ_CHECK(errors == 0, what);
	if (po_storage)
		check_page_owner();
}

/* dropping each reference we hold is legal: no report, and only the last frees */
static void free_slot(struct slot *s, bool by_put)
{
	while (s->refs > 0) {
		if (s->refs == 1)
			__ClearPageMovable(s->page);
		kunit_capture_start(&fcap);
		if (by_put)
			put_page(s->compound ? s->page + (1UL << s->order) - 1 : s->page);
		else
			__free_pages(s->page, s->order);
		kunit_capture_stop();
		FUZZ_CHECK(!strstr(fcap.buf, "BUG"), "legal free not reported");
		s->refs--;
		FUZZ_CHECK(!s->refs || (page_count(s->page) == s->refs && !PageBuddy(s->page) &&
					!PagePcp(s->page)), "allocated until the last reference");
	}
	s->page = NULL;
}

/* is freeing @page with @order legal, i.e. the head of a live slot with that order? */
static bool legal_free(const struct page *page, unsigned int order)
{
	unsigned int i;

	for (i = 0; i < NR_SLOTS; i++)
		if (slots[i].page == page && slots[i].order == order)
			return true;
	return false;
}

static bool owned(const struct page *page)
{
	unsigned int i;

	for (i = 0; i < NR_SLOTS; i++)
		if (slots[i].page && page >= slots[i].page &&
		    page < slots[i].page + (1UL << slots[i].order))
			return true;
	return false;
}

/* the (@n mod their number)-th PG_reserved page of the node (holes included), or NULL */
static struct page *nth_reserved_page(unsigned long n)
{
	unsigned long rel, nr = 0;

	for (rel = 0; rel < fz.nr_pages; rel++)
		nr += PageReserved(mm_page(&fz, rel));
	if (!nr)
		return NULL;
	n %= nr;
	for (rel = 0; ; rel++)
		if (PageReserved(mm_page(&fz, rel)) && n-- == 0)
			return mm_page(&fz, rel);
}

static void misuse(void (*op)(struct page *, unsigned int), struct page *page, unsigned int order)
{
	struct mm_state st;

	FUZZ_CHECK(mm_state_save(&fz, &st) == 0, "snapshot");
	kunit_capture_start(&fcap);
	op(page, order);
	kunit_capture_stop();
	FUZZ_CHECK(strstr(fcap.buf, "BUG: Bad page"), "misuse reported");
	FUZZ_CHECK(mm_state_equal(&fz, &st), "misuse changed nothing");
	mm_state_free(&st);
}

static void op_put(struct page *page, unsigned int order) { put_page(page); }
static void op_get(struct page *page, unsigned int order) { get_page(page); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct mm_layout *l;
	unsigned int debug = 0, i;
	size_t pos = 1;

	if (size < 1)
		return 0;
	l = &fuzz_layouts[data[0] & 3];
	if (data[0] & 8)
		debug |= PGDAT_PAGE_POISON;
	if (data[0] & 16)
		debug |= PGDAT_TRACE;
	FUZZ_CHECK(mm_fixture_init(&fz, l, data[0] & 32 ? 0 : 3, debug) == 0, "fixture");
	if (!(data[0] & 4))
		mm_fixture_no_watermarks(&fz);
	if (data[0] & 64) {
		size_t bytes = page_owner_storage_size(fz.node->node_spanned_pages);

		po_storage = calloc(1, bytes);
		FUZZ_CHECK(po_storage, "page_owner storage");
		page_owner_attach(fz.node, po_storage, bytes);
	}
	memset(slots, 0, sizeof(slots));
	check_all("boot");

#define ARG()	(pos < size ? data[pos++] : 0)
	while (pos < size) {
		uint8_t op = ARG() % 12;
		struct slot *s = &slots[ARG() % NR_SLOTS];

		switch (op) {
		case 0: case 1: case 2: case 3: {
			unsigned int order = ARG() % (MAX_ORDER + 1);
			uint8_t g = ARG();
			gfp_t gfp = fuzz_gfps[g % ARRAY_SIZE(fuzz_gfps)] |
				    fuzz_mobility[(g / ARRAY_SIZE(fuzz_gfps)) % ARRAY_SIZE(fuzz_mobility)];
			struct page *page;

			if (s->page)
				free_slot(s, false);
			/* __GFP_NOFAIL with nothing left is a BUG by design: keep it satisfiable */
			if (gfp & __GFP_NOFAIL) {
				unsigned long avail = 0;
				int z;

				for (z = 0; z <= (int)gfp_zone(gfp); z++)
					avail += mm_zone(&fz, z)->free_pages;
				if (order || !avail)
					gfp &= ~__GFP_NOFAIL;
			}
			kunit_capture_start(&fcap);
			page = __alloc_pages_node(fz.node, gfp | __GFP_NOWARN, order);
			kunit_capture_stop();
			if (!page)
				break;
			FUZZ_CHECK(order < MAX_ORDER && !gfp_zone_bad(gfp), "bad request refused");
			FUZZ_CHECK((gfp & GFP_MOVABLE_MASK) != GFP_MOVABLE_MASK, "bad mobility refused");
			FUZZ_CHECK(page_alloc_migratetype(page) == gfp_migratetype(gfp), "migrate type recorded");
			FUZZ_CHECK((page_to_pfn(page) & ((1UL << order) - 1)) == 0, "aligned");
			FUZZ_CHECK(page_zonenum(page) <= gfp_zone(gfp), "zone allowed");
			s->page = page;
			s->order = order;
			s->refs = 1;
			s->compound = (gfp & __GFP_COMP) && order;
			if ((gfp & __GFP_MOVABLE) && !s->compound)
				__SetPageMovable(page, &fz_mops);
			break;
		}
		case 4: case 5:
			if (s->page)
				free_slot(s, op == 5);
			break;
		case 6:
			if (s->page && s->refs < 4) {
				get_page(s->compound ? s->page + 1 : s->page);
				s->refs++;
			}
			break;
		case 7: {
			unsigned long lo = ARG(), hi = ARG(), rel = (lo | hi << 8) % fz.nr_pages;
			unsigned int order = ARG() % (MAX_ORDER + 2);
			struct page *page = mm_page(&fz, rel);

			if ((hi & 0xc0) == 0x80 && s->page)
				page = s->page + lo % (1UL << s->order);
			else if ((hi & 0xc0) == 0xc0)
				page = nth_reserved_page(lo);
			if (page && !legal_free(page, order))
				misuse(__free_pages, page, order);
			break;
		}
		case 8: {
			unsigned long lo = ARG(), rel = (lo | (unsigned long)ARG() << 8) % fz.nr_pages;
			struct page *page = mm_page(&fz, rel);

			if (!owned(page))
				misuse(ARG() & 1 ? op_put : op_get, page, 0);
			break;
		}
		case 9: {
			unsigned long lo = ARG(), rel = (lo | (unsigned long)ARG() << 8) % fz.nr_pages;
			struct page *page = mm_page(&fz, rel);

			if (!owned(page) && !PageReserved(page))
				((unsigned char *)mm_page_lowmem_address(&fz, page))[ARG() * 16] ^= 0x5a;
			break;
		}
		case 10: {
			struct page *old = s->page;
			struct list_head l;
			unsigned int moved = 0;

			if (!old || !isolate_movable_page(old))
				break;
			INIT_LIST_HEAD(&l);
			list_add(&old->lru, &l);
			kunit_capture_start(&fcap);
			migrate_pages(&l, fz_new_page, fz_free_page, 0, MIGRATE_SYNC, MR_SYSCALL, &moved);
			kunit_capture_stop();
			FUZZ_CHECK(!moved == (s->page == old), "the slot follows a moved block");
			FUZZ_CHECK(!moved || s->refs == 1, "a pinned block does not move");
			putback_movable_pages(&l);
			FUZZ_CHECK(page_count(s->page) == s->refs && PageMovable(s->page) &&
				   !PageIsolated(s->page), "the block is allocated and movable");
			break;
		}
		case 11: {
			struct zone *zone = mm_zone(&fz, ARG() % MAX_NR_ZONES);

			kunit_capture_start(&fcap);
			compact_zone_order(zone, (int)(ARG() % (MAX_ORDER + 1)) - 1, GFP_KERNEL, NULL);
			kunit_capture_stop();
			FUZZ_CHECK(!strstr(fcap.buf, "BUG"), "compaction reports nothing");
			for (i = 0; i < NR_SLOTS; i++)
				FUZZ_CHECK(!slots[i].page || (page_count(slots[i].page) == slots[i].refs &&
							      !PageIsolated(slots[i].page)),
					   "every slot's block allocated where the slot says");
			break;
		}
		}
		check_all("after op");
	}
	for (i = 0; i < NR_SLOTS; i++)
		if (slots[i].page)
			free_slot(&slots[i], false);
	check_all("after freeing all");
	FUZZ_CHECK(mm_fixture_at_boot_state(&fz), "boot buddyinfo restored");
	if (po_storage) {
		fz.node->node_page_ext = NULL;
		fz.node->debug_flags &= ~PGDAT_PAGE_OWNER;
		free(po_storage);
		po_storage = NULL;
	}
	mm_fixture_destroy(&fz);
	return 0;
}

/*
 * lib/kunit.c (linked for the printk capture) walks the kunit_suites
 * section, which must therefore exist in this binary too.
 */
static struct kunit_case fuzz_no_cases[] = { {} };
static struct kunit_suite fuzz_buddy_suite = { .name = "fuzz_buddy", .test_cases = fuzz_no_cases };
kunit_test_suite(fuzz_buddy_suite);
