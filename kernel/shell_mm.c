// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's allocator commands, and the table of blocks the shell holds.
 *
 * The table (shell_blocks[], in allocation order) is what makes the
 * commands safe to type by hand: `allocs` lists it, `free_all` empties it,
 * and `memset` may only write inside one of its blocks.  It is kept
 * consistent with the allocator without second-guessing it: a free
 * command always calls the allocator (so a double free, a wrong order or
 * a page never handed out reaches its misuse checks and prints its
 * "BUG: ..." report), and the entry is dropped only if the head page's
 * reference count actually fell to zero -- the allocator's own evidence
 * that it took the block back.  The one thing refused before the call is
 * freeing a block that some other part of the kernel holds (allocated,
 * not ours): the allocator cannot tell that from a legitimate free, and
 * the owner would be left writing into free memory.
 *
 * HighMem blocks have no address until kmap()ed; the shell remembers its
 * own kmap()s (shell_kmaps[]) so that free and free_all can refuse to free
 * a page that is still mapped, and unmap before freeing everything.
 *
 * Every block gets an id (#7, never reused) that any command taking an
 * address, a pfn or a struct page also accepts.  Blocks allocated with
 * __GFP_MOVABLE are movable pages in Linux's non-LRU sense
 * (linux/migrate.h): the table is their owner, so compaction or `migrate`
 * may move them, and the entry then follows the block to its new place;
 * `allocs` always shows where each block is now.  A block the shell has
 * kmap()ed stays put.  `alloc_contig` ranges are entries too (not movable,
 * as CMA's are pinned), freed with `free_contig`.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/fragment.h>
#include <linux/mm.h>
#include <linux/mmdebug.h>
#include <linux/vmstat.h>
#include <linux/highmem.h>
#include <linux/e820.h>
#include <linux/migrate.h>
#include <linux/compaction.h>
#include <linux/page-isolation.h>
#include <linux/shell.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include "shell_internal.h"

#define SHELL_MAX_BLOCKS	1024
#define HEXDUMP_DEFAULT		256
#define HEXDUMP_MAX		(1UL << 20)

/* Blocks the shell allocated and has not freed, oldest first. */
struct shell_block {
	struct page *page;	/* head page; page_count(page) >= 1 while here */
	unsigned int order;	/* the order it was allocated with */
	unsigned int id;	/* #id, from next_block_id */
	unsigned long nr_contig;	/* alloc_contig: its pages (order 0 each); else 0 */
	bool movable;		/* allocated with __GFP_MOVABLE: __SetPageMovable() */
};
static struct shell_block shell_blocks[SHELL_MAX_BLOCKS];
static unsigned int nr_shell_blocks;
/* the next #id; ids below it that are not in the table were freed */
static unsigned int next_block_id = 1;

static unsigned long block_pages(const struct shell_block *b)
{
	return b->nr_contig ? b->nr_contig : 1UL << b->order;
}

/* HighMem pages the shell kmap()ed: @count kmap()s not yet kunmap()ed. */
struct shell_kmap {
	struct page *page;
	unsigned int count;	/* >= 1 */
};
static struct shell_kmap shell_kmaps[LAST_PKMAP];
static unsigned int nr_shell_kmaps;


/* ------------------------------------------------------------ the tables */

static int block_of_head(const struct page *page)
{
	unsigned int i;

	for (i = 0; i < nr_shell_blocks; i++)
		if (shell_blocks[i].page == page)
			return i;
	return -1;
}

static const struct movable_operations shell_mops;

static struct shell_block *block_add(struct page *page, unsigned int order, bool movable)
{
	struct shell_block *b = &shell_blocks[nr_shell_blocks++];

	b->page = page;
	b->order = order;
	b->id = next_block_id++;
	b->nr_contig = 0;
	b->movable = movable;
	if (movable)
		__SetPageMovable(page, &shell_mops);
	return b;
}

static int block_of_id(unsigned int id)
{
	unsigned int i;

	for (i = 0; i < nr_shell_blocks; i++)
		if (shell_blocks[i].id == id)
			return i;
	return -1;
}

static void block_remove(unsigned int i)
{
	memmove(&shell_blocks[i], &shell_blocks[i + 1],
		(nr_shell_blocks - i - 1) * sizeof(shell_blocks[0]));
	nr_shell_blocks--;
}

static int kmap_slot(const struct page *page)
{
	unsigned int i;

	for (i = 0; i < nr_shell_kmaps; i++)
		if (shell_kmaps[i].page == page)
			return i;
	return -1;
}

/* the first page of block @b the shell still has kmap()ed, or NULL */
static struct page *block_kmapped_page(const struct shell_block *b)
{
	unsigned int i;

	for (i = 0; i < nr_shell_kmaps; i++) {
		unsigned long d = shell_kmaps[i].page - b->page;

		if (shell_kmaps[i].page >= b->page && d < block_pages(b))
			return shell_kmaps[i].page;
	}
	return NULL;
}

/* ------------------------------------------------------------ movable blocks */

/* the owner's side of migration: a block the shell holds and has not kmap()ed */
static bool shell_isolate_page(struct page *page)
{
	int i = block_of_head(page);

	return i >= 0 && !shell_blocks[i].nr_contig && !block_kmapped_page(&shell_blocks[i]);
}

static int shell_migrate_page(struct page *dst, struct page *src)
{
	int i = block_of_head(src);

	if (i < 0)
		return -EBUSY;
	shell_blocks[i].page = dst;
	return MIGRATEPAGE_SUCCESS;
}

static void shell_putback_page(struct page *page)
{
}

static const struct movable_operations shell_mops = {
	.isolate_page = shell_isolate_page,
	.migrate_page = shell_migrate_page,
	.putback_page = shell_putback_page,
};

/*
 * "#7" where a command wants an address, a pfn or a struct page (@what
 * names which, as for shell_arg_ulong()): the value for block #7 where
 * it is now.
 */
bool shell_arg_block(const char *s, const char *what, unsigned long *res)
{
	unsigned long id;
	struct page *page;
	int i;

	if (shell_parse_ulong(s + 1, 0xffffffffUL, &id)) {
		shell_error("bad block id '%s' (#N, as allocs shows)", s);
		return false;
	}
	i = block_of_id((unsigned int)id);
	if (i < 0) {
		if (id && id < next_block_id)
			shell_error("block %s was freed (ids are not reused)", s);
		else
			shell_error("no block %s (allocs lists the blocks the shell holds)", s);
		return false;
	}
	page = shell_blocks[i].page;
	if (!strcmp(what, "pfn")) {
		*res = page_to_pfn(page);
	} else if (!strcmp(what, "struct page address")) {
		*res = (unsigned long)page;
	} else if (!strcmp(what, "address")) {
		*res = (unsigned long)page_address(page);
		if (!*res) {
			shell_error("block %s is HighMem and not mapped: kmap %s first", s, s);
			return false;
		}
	} else {
		shell_error("a block id is not a %s", what);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------ allocation */

static void print_block_line(const struct shell_block *b)
{
	struct page *page = b->page;
	void *virt = page_address(page);

	if (b->nr_contig)
		shell_printf("page=0x%08lx pfn=0x%05lx nr_pages=%lu zone=%s phys=0x%09llx ",
			     (unsigned long)page, page_to_pfn(page), b->nr_contig,
			     zone_names[page_zonenum(page)],
			     (unsigned long long)page_to_phys(page));
	else
		shell_printf("page=0x%08lx pfn=0x%05lx order=%u zone=%s phys=0x%09llx ",
			     (unsigned long)page, page_to_pfn(page), b->order,
			     zone_names[page_zonenum(page)],
			     (unsigned long long)page_to_phys(page));
	if (virt)
		shell_printf("virt=0x%08lx id=#%u\n", (unsigned long)virt, b->id);
	else
		shell_printf("virt=NULL id=#%u\n", b->id);
}

/*
 * __GFP_NOFAIL that even the last reserve cannot serve is a BUG() in the
 * allocator: it stops the machine rather than loop.  That is right for a
 * kernel caller and wrong for a person at a prompt, so the shell declines
 * such a request up front: no free block of @order or larger in any zone
 * the mask may use (the test the allocator's last, watermark-free attempt
 * makes).  Order-0 requests also count pages on the per-CPU lists, which
 * the allocator drains before it gives up.
 */
static bool nofail_would_bug(gfp_t gfp, unsigned int order)
{
	struct pglist_data *pgdat = &contig_page_data;
	int z;
	unsigned int o, cpu;

	if (!(gfp & __GFP_NOFAIL) || gfp_zone_bad(gfp))
		return false;
	for (z = gfp_zone(gfp); z >= 0; z--) {
		struct zone *zone = &pgdat->node_zones[z];

		if (!populated_zone(zone))
			continue;
		/* pcp pages are not in free_pages (as in Linux): count them here */
		for (cpu = 0; order == 0 && cpu < NR_CPUS; cpu++)
			if (READ_ONCE(zone->pcp[cpu].count))
				return false;
		for (o = order; o < MAX_ORDER; o++)
			if (zone->free_area[o].nr_free)
				return false;
	}
	shell_error("no free order-%u block for __GFP_NOFAIL: the allocator would BUG()", order);
	return true;
}

static bool table_has_room(void)
{
	if (nr_shell_blocks < SHELL_MAX_BLOCKS)
		return true;
	shell_error("the shell holds %d blocks already, its limit; free some first",
		    SHELL_MAX_BLOCKS);
	return false;
}

/*
 * The alloc commands: "<api> <order> [gfp]" if @argv_order, else
 * "<api> [gfp]" with order 0.  @by_address: the API returns a logical
 * address.  @zeroed: get_zeroed_page(), which takes no order.
 */
static void do_alloc(const char *api, int argc, char **argv, bool with_order,
		     bool by_address, bool zeroed)
{
	unsigned int order = 0;
	gfp_t gfp = GFP_KERNEL;
	int gfp_arg = with_order ? 2 : 1;
	struct page *page;
	unsigned long addr;

	if (with_order && !shell_arg_order(argv[1], &order))
		return;
	if (argc > gfp_arg && !shell_arg_gfp(argv[gfp_arg], &gfp))
		return;
	if (!table_has_room() || nofail_would_bug(gfp, order))
		return;

	if (!by_address) {
		page = alloc_pages(gfp, order);
		if (!page) {
			shell_printf("%s returned NULL\n", api);
			return;
		}
	} else {
		addr = zeroed ? get_zeroed_page(gfp) : __get_free_pages(gfp, order);
		if (!addr) {
			shell_printf("%s returned 0\n", api);
			return;
		}
		page = virt_to_page(addr);
	}
	/* a compound block stays put: migration makes plain blocks */
	print_block_line(block_add(page, order,
				   (gfp & __GFP_MOVABLE) && !((gfp & __GFP_COMP) && order)));
}

void cmd_alloc_pages(int argc, char **argv)
{
	do_alloc("alloc_pages", argc, argv, true, false, false);
}

void cmd_alloc_page(int argc, char **argv)
{
	do_alloc("alloc_page", argc, argv, false, false, false);
}

void cmd_get_free_pages(int argc, char **argv)
{
	do_alloc("__get_free_pages", argc, argv, true, true, false);
}

void cmd_get_free_page(int argc, char **argv)
{
	do_alloc("__get_free_page", argc, argv, false, true, false);
}

void cmd_get_zeroed_page(int argc, char **argv)
{
	do_alloc("get_zeroed_page", argc, argv, false, true, true);
}

/* ------------------------------------------------------------ freeing */

/* The struct page behind a direct-map address, or NULL if it has none. */
static struct page *lowmem_addr_to_page(unsigned long addr)
{
	unsigned long pfn;

	if (addr < PAGE_OFFSET || addr >= (unsigned long)high_memory)
		return NULL;
	pfn = virt_to_pfn(addr);
	return pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;
}

/*
 * Check what the shell must check before handing @page (NULL: the address
 * maps to no struct page) to a free function; false after an error line.
 */
static bool free_allowed(struct page *page, int idx)
{
	struct page *mapped;

	if (!page)
		return true;
	if (idx < 0 && page_count(page) > 0 && !PageReserved(page)) {
		shell_error("pfn 0x%05lx heads a block the shell did not allocate (the kernel "
			    "holds it); not freeing it", page_to_pfn(page));
		return false;
	}
	if (idx >= 0 && shell_blocks[idx].nr_contig) {
		shell_error("block #%u is a contiguous range: free_contig #%u",
			    shell_blocks[idx].id, shell_blocks[idx].id);
		return false;
	}
	if (idx >= 0) {
		mapped = block_kmapped_page(&shell_blocks[idx]);
		if (mapped) {
			shell_error("pfn 0x%05lx is still kmapped; kunmap 0x%08lx first",
				    page_to_pfn(mapped), (unsigned long)mapped);
			return false;
		}
	}
	return true;
}

/* After a free call: drop the entry if the allocator took the block back. */
static void free_done(struct page *page, int idx, int count_before, unsigned int order)
{
	if (!page || idx < 0 || page_count(page) >= count_before)
		return;		/* refused (reported by the allocator), or not ours */
	if (page_count(page) == 0) {
		shell_printf("freed pfn=0x%05lx order=%u\n", page_to_pfn(page), order);
		block_remove(idx);
	} else {
		shell_printf("dropped a reference to pfn=0x%05lx (count now %d)\n",
			     page_to_pfn(page), page_count(page));
	}
}

/*
 * Free @page (NULL: @addr maps to no struct page) the shell's way: the
 * checks of free_allowed(), then free_pages(@addr, @order) when @addr is
 * set, else __free_pages(@page, @order), then free_done().
 */
static void free_checked(struct page *page, unsigned long addr, unsigned int order)
{
	int idx = page ? block_of_head(page) : -1;
	int before;

	if (!free_allowed(page, idx))
		return;
	before = page ? page_count(page) : 0;
	/* the last reference goes: no longer movable (restored if the free is refused) */
	if (idx >= 0 && before == 1)
		__ClearPageMovable(page);
	if (addr)
		free_pages(addr, order);
	else
		__free_pages(page, order);
	if (idx >= 0 && page_count(page) > 0 && shell_blocks[idx].movable)
		__SetPageMovable(page, &shell_mops);
	free_done(page, idx, before, order);
}

static void do_free_pages(const char *addr_s, const char *order_s)
{
	unsigned long addr;
	unsigned int order = 0;

	if (!shell_arg_ulong(addr_s, "address", ~0UL, &addr))
		return;
	if (order_s && !shell_arg_order(order_s, &order))
		return;
	if (!addr) {
		free_pages(0, order);
		shell_puts("free_pages(0): nothing to free (a no-op, as in Linux)\n");
		return;
	}
	/*
	 * The entry is found by page, not by exact address: "free_pages
	 * <block + 0x10>" must reach the allocator's alignment check, and if
	 * the allocator took the block back anyway the entry must go.
	 */
	free_checked(lowmem_addr_to_page(addr), addr, order);
}

void cmd_free_pages(int argc, char **argv)
{
	do_free_pages(argv[1], argv[2]);
}

void cmd_free_page(int argc, char **argv)
{
	do_free_pages(argv[1], NULL);
}

static void do___free_pages(const char *page_s, const char *order_s)
{
	struct page *page;
	unsigned int order = 0;

	if (!shell_arg_page(page_s, &page))
		return;
	if (order_s && !shell_arg_order(order_s, &order))
		return;
	free_checked(page, 0, order);
}

void cmd___free_pages(int argc, char **argv)
{
	do___free_pages(argv[1], argv[2]);
}

void cmd___free_page(int argc, char **argv)
{
	do___free_pages(argv[1], NULL);
}

void cmd_allocs(int argc, char **argv)
{
	unsigned long pages = 0;
	unsigned int i;

	for (i = 0; i < nr_shell_blocks; i++) {
		print_block_line(&shell_blocks[i]);
		pages += block_pages(&shell_blocks[i]);
	}
	shell_printf("allocs: %u blocks, %lu pages\n", nr_shell_blocks, pages);
}

void cmd_free_all(int argc, char **argv)
{
	struct zone *zone;
	unsigned int freed = 0, held, i;
	unsigned long pages = 0;
	struct page *page;
	int before;

	/* first the shell's own kmaps, so no freed page stays mapped */
	while (nr_shell_kmaps) {
		struct shell_kmap *k = &shell_kmaps[nr_shell_kmaps - 1];

		while (k->count) {
			kunmap(k->page);
			k->count--;
		}
		nr_shell_kmaps--;
	}
	for (i = nr_shell_blocks; i-- > 0;) {
		page = shell_blocks[i].page;
		if (shell_blocks[i].nr_contig) {
			pages += shell_blocks[i].nr_contig;
			free_contig_range(&contig_page_data, page_to_pfn(page), shell_blocks[i].nr_contig);
			block_remove(i);
			freed++;
			continue;
		}
		before = page_count(page);
		if (before == 1)
			__ClearPageMovable(page);
		__free_pages(page, shell_blocks[i].order);
		if (page_count(page) < before && page_count(page) == 0) {
			pages += 1UL << shell_blocks[i].order;
			block_remove(i);
			freed++;
		}
	}
	held = nr_shell_blocks;
	shell_printf("free_all: freed %u blocks (%lu pages)", freed, pages);
	if (held)
		shell_printf(", %u still held", held);
	shell_puts("\n");
	for_each_zone_pgdat(zone, &contig_page_data) {
		unsigned long n;

		if (!populated_zone(zone))
			continue;
		n = fragment_free_all(zone);
		if (n)
			shell_printf("free_all: freed %lu pages the fragment workload held in %s\n",
				     n, zone->name);
	}
}

/* ------------------------------------------------------------ mappings */

void cmd_page_address(int argc, char **argv)
{
	struct page *page;
	void *virt;

	if (!shell_arg_page(argv[1], &page))
		return;
	virt = page_address(page);
	if (virt)
		shell_printf("virt=0x%08lx\n", (unsigned long)virt);
	else
		shell_puts("virt=NULL\n");
}

void cmd_kmap(int argc, char **argv)
{
	struct page *page;
	void *virt;
	int k;

	if (!shell_arg_page(argv[1], &page))
		return;
	k = kmap_slot(page);
	if (PageHighMem(page) && k < 0 && nr_shell_kmaps == ARRAY_SIZE(shell_kmaps)) {
		shell_error("the shell holds %u kmaps already", nr_shell_kmaps);
		return;
	}
	virt = kmap(page);
	if (!virt) {
		shell_puts("kmap returned NULL\n");
		return;
	}
	if (PageHighMem(page)) {
		if (k < 0) {
			k = nr_shell_kmaps++;
			shell_kmaps[k].page = page;
			shell_kmaps[k].count = 0;
		}
		shell_kmaps[k].count++;
	}
	shell_printf("virt=0x%08lx\n", (unsigned long)virt);
}

void cmd_kunmap(int argc, char **argv)
{
	struct page *page;
	int k;

	if (!shell_arg_page(argv[1], &page))
		return;
	k = kmap_slot(page);
	kunmap(page);		/* an unmatched kunmap is highmem's to report */
	if (!PageHighMem(page)) {
		shell_puts("unmapped\n");
		return;
	}
	if (k < 0)
		return;
	if (--shell_kmaps[k].count == 0)
		shell_kmaps[k] = shell_kmaps[--nr_shell_kmaps];
	shell_puts("unmapped\n");
}

/*
 * The kmap state, and the TLB shootdowns it has cost (Linux's vmstat
 * names, which Linux shows with CONFIG_DEBUG_TLBFLUSH).
 */
void cmd_kmaps(int argc, char **argv)
{
	struct tlb_flush_stats t;
	struct kmap_stats st;
	unsigned int cpu;

	kmap_get_stats(&st);
	tlb_flush_get_stats(&t);
	shell_printf("pkmap: %u in use, %u unused (flush pending), %u free of %u; the scan resumes after slot %u\n",
		     st.pkmap_in_use, st.pkmap_unused, LAST_PKMAP - st.pkmap_in_use - st.pkmap_unused,
		     LAST_PKMAP, st.last_pkmap_nr);
	shell_printf("pkmap: %lu window flushes, %lu kmap() failures\n", st.pkmap_flushes, st.pkmap_failures);
	for_each_online_cpu(cpu)
		shell_printf("kmap_local: CPU%u depth %u of %u\n", cpu, kmap_local_depth_cpu(cpu), KM_MAX_IDX);
	shell_printf("nr_tlb_remote_flush %lu\n", t.remote_flush);
	shell_printf("nr_tlb_remote_flush_received %lu\n", t.remote_flush_received);
	shell_printf("nr_tlb_local_flush_all %lu\n", t.local_flush_all);
	if (t.remote_flush)
		shell_printf("tlb shootdown: %llu TSC cycles each, first IPI to last answer\n",
			     t.remote_cycles / t.remote_flush);
}

/* ------------------------------------------------------------ memory access */

/* [addr, addr + len) with len >= 1: no wrap past the top of the address space */
static bool range_ok(unsigned long addr, u64 len)
{
	if (len == 0) {
		shell_error("length must be at least 1");
		return false;
	}
	if (len - 1 > ~0UL - addr) {
		shell_error("0x%08lx + %llu runs past 0xffffffff", addr, (unsigned long long)len);
		return false;
	}
	return true;
}

/* every page of [addr, addr + len) present in the page tables */
static bool range_mapped(unsigned long addr, unsigned long len)
{
	unsigned long va = addr & PAGE_MASK, last = addr + (len - 1);

	for (;;) {
		if (!kernel_page_present(va)) {
			shell_error("0x%08lx is not mapped", max(va, addr));
			return false;
		}
		if (va >= (last & PAGE_MASK))
			return true;
		va += PAGE_SIZE;
	}
}

static void hexdump_line(unsigned long addr, const u8 *b, unsigned int n)
{
	char line[80], *p = line;
	unsigned int i;

	p += snprintf(p, 12, "%08lx ", addr);
	for (i = 0; i < 16; i++) {
		if (i == 8)
			*p++ = ' ';
		if (i < n)
			p += snprintf(p, 5, " %02x", b[i]);
		else
			p += snprintf(p, 5, "   ");
	}
	*p++ = ' ';
	*p++ = ' ';
	*p++ = '|';
	for (i = 0; i < n; i++)
		*p++ = (b[i] >= 0x20 && b[i] < 0x7f) ? (char)b[i] : '.';
	*p++ = '|';
	*p++ = '\n';
	*p = '\0';
	shell_puts(line);
}

void cmd_hexdump(int argc, char **argv)
{
	unsigned long addr, off, len;
	u64 len64 = HEXDUMP_DEFAULT;
	u8 row[16], prev[16];
	bool starred = false;
	unsigned int n, i;

	if (!shell_arg_ulong(argv[1], "address", ~0UL, &addr))
		return;
	if (argc > 2 && !shell_arg_size(argv[2], "length", HEXDUMP_MAX, &len64))
		return;
	if (!range_ok(addr, len64) || !range_mapped(addr, (unsigned long)len64))
		return;
	len = (unsigned long)len64;
	for (off = 0; off < len; off += 16) {
		n = min(16UL, len - off);
		for (i = 0; i < n; i++)
			row[i] = *(const volatile u8 *)(addr + off + i);
		if (off && n == 16 && !memcmp(row, prev, 16)) {
			if (!starred)
				shell_puts("*\n");
			starred = true;
			continue;
		}
		starred = false;
		hexdump_line(addr + off, row, n);
		memcpy(prev, row, 16);
		if (!(off & 0xfff) && shell_interrupted()) {
			shell_puts("^C\n");
			return;
		}
	}
	shell_printf("%08lx\n", addr + len);
}

/* Is [addr, addr + len) inside one block the shell holds, as mapped now? */
static bool inside_shell_block(unsigned long addr, unsigned long len)
{
	unsigned int i;
	unsigned long j, va, size;

	if (shell_slab_owns(addr, len))
		return true;
	for (i = 0; i < nr_shell_blocks; i++) {
		struct shell_block *b = &shell_blocks[i];

		if (!PageHighMem(b->page)) {
			va = (unsigned long)page_address(b->page);
			size = PAGE_SIZE * block_pages(b);
			if (addr >= va && addr - va <= size && len <= size - (addr - va))
				return true;
			continue;
		}
		/* HighMem: one page at a time, through a kmap the shell holds */
		for (j = 0; j < block_pages(b); j++) {
			if (kmap_slot(b->page + j) < 0)
				continue;
			va = (unsigned long)page_address(b->page + j);
			if (va && addr >= va && addr - va < PAGE_SIZE &&
			    len <= PAGE_SIZE - (addr - va))
				return true;
		}
	}
	return false;
}

void cmd_memset(int argc, char **argv)
{
	unsigned long addr, byte;
	u64 len;

	if (!shell_arg_ulong(argv[1], "address", ~0UL, &addr) ||
	    !shell_arg_ulong(argv[2], "byte", 0xff, &byte) ||
	    !shell_arg_size(argv[3], "length", PAGE_SIZE << (MAX_ORDER - 1), &len))
		return;
	if (!range_ok(addr, len))
		return;
	if (!inside_shell_block(addr, (unsigned long)len)) {
		shell_error("0x%08lx+0x%llx is not inside a block the shell allocated "
			    "(see allocs; HighMem pages need kmap)", addr, (unsigned long long)len);
		return;
	}
	if (!range_mapped(addr, (unsigned long)len))
		return;
	memset((void *)addr, (int)byte, (size_t)len);
	shell_printf("memset 0x%08lx 0x%02lx: %llu bytes\n", addr, byte, (unsigned long long)len);
}

/* ------------------------------------------------------------ page, memmap */

void cmd_page(int argc, char **argv)
{
	const struct pglist_data *pgdat = &contig_page_data;
	unsigned long pfn;

	if (!shell_arg_ulong(argv[1], "pfn", ~0UL, &pfn))
		return;
	if (!pfn_valid(pfn)) {
		shell_error("pfn 0x%lx is outside mem_map (pfn 0x%05lx-0x%05lx)", pfn,
			    pgdat->node_start_pfn,
			    pgdat->node_start_pfn + pgdat->node_spanned_pages - 1);
		return;
	}
	dump_page(pfn_to_page(pfn), NULL);
}

/* One memmap cell: what the 2^g pages it stands for hold. */
struct memmap_cell {
	int max_free_order;	/* largest free block touching the cell, -1 none */
	unsigned int shell, alloc, reserved, hole;
};

static bool pfn_is_ram(unsigned long pfn)
{
	const struct e820_table *t = &boot_mem_layout.e820;
	static unsigned int last;
	u64 addr = PFN_PHYS(pfn);
	unsigned int i, n = t->nr_entries;

	for (i = 0; i < n; i++) {
		const struct e820_entry *e = &t->entries[(last + i) % n];

		if (e->type == E820_TYPE_RAM && addr >= e->addr && addr - e->addr < e->size) {
			last = (last + i) % n;
			return true;
		}
	}
	return false;
}

static char memmap_char(const struct memmap_cell *c)
{
	if (c->max_free_order >= 10)
		return 'A';
	if (c->max_free_order >= 0)
		return (char)('0' + c->max_free_order);
	if (c->shell)
		return '@';
	if (c->alloc)
		return '#';
	if (c->reserved)
		return 'R';
	return '.';
}

#define MEMMAP_COLS	64
#define MEMMAP_CELLS	1024	/* at most 16 lines per picture */

/* Draw pfns [start, end) of @zone, 2^g pages per character. */
static void memmap_zone(struct zone *zone, unsigned int g)
{
	unsigned long start = zone->zone_start_pfn, end = zone_end_pfn(zone);
	unsigned long cell0 = ALIGN_DOWN(start, 1UL << g);
	unsigned long pfn = ALIGN_DOWN(start, MAX_ORDER_NR_PAGES);
	struct memmap_cell cell;
	unsigned long cur = cell0, cell_end;
	char line[MEMMAP_COLS + 1], types[MEMMAP_COLS + 1];
	unsigned int col = 0;

	shell_printf("zone %-7s pfn 0x%05lx-0x%05lx\n", zone->name, start, end - 1);
	while (cur < end) {
		memset(&cell, 0, sizeof(cell));
		cell.max_free_order = -1;
		cell_end = cur + (1UL << g);
		/*
		 * Walk from the last position: free and allocated blocks are
		 * skipped whole (a block never crosses a MAX_ORDER boundary,
		 * which is where the walk starts), so every page is seen as
		 * part of the block that holds it.
		 */
		while (pfn < cell_end) {
			struct page *page = pfn_to_page(pfn);
			unsigned long n = 1, from, to;
			int kind;	/* 0 free, 1 shell, 2 alloc, 3 reserved, 4 hole */
			int order = 0;

			if (!zone_spans_pfn(zone, pfn) || !pfn_valid(pfn)) {
				kind = 4;
			} else if (PageBuddy(page)) {
				order = (int)min(page->private, (unsigned long)(MAX_ORDER - 1));
				n = 1UL << order;
				kind = 0;
			} else if (PagePcp(page)) {
				kind = 0;
			} else if (PageReserved(page)) {
				kind = pfn_is_ram(pfn) ? 3 : 4;
			} else {
				if (page_count(page) > 0)
					n = 1UL << min((unsigned int)page->alloc_order,
						       (unsigned int)(MAX_ORDER - 1));
				kind = block_of_head(page) >= 0 ? 1 : 2;
			}
			from = max(pfn, cur);
			to = min(pfn + n, cell_end);
			if (to > from) {
				switch (kind) {
				case 0: cell.max_free_order = max(cell.max_free_order, order); break;
				case 1: cell.shell += to - from; break;
				case 2: cell.alloc += to - from; break;
				case 3: cell.reserved += to - from; break;
				default: cell.hole += to - from; break;
				}
			}
			if (pfn + n > cell_end)
				break;		/* the block goes on into the next cell */
			pfn += n;
		}
		if (col == 0)
			shell_printf("  0x%05lx ", cur);
		/* a cell (at most a pageblock) lies in one pageblock: its type's letter */
		types[col] = migratetype_letter(get_pfnblock_migratetype(pfn_to_page(max(cur, start)),
									     max(cur, start)));
		line[col++] = memmap_char(&cell);
		cur = cell_end;
		if (col == MEMMAP_COLS || cur >= end) {
			line[col] = types[col] = '\0';
			shell_printf("%s\n", line);
			shell_printf("    type  %s\n", types);
			col = 0;
		}
	}
}

void cmd_memmap(int argc, char **argv)
{
	struct pglist_data *pgdat = &contig_page_data;
	struct zone *zone, *only = NULL;
	unsigned long span = pgdat->node_spanned_pages;
	unsigned int g = 0;

	if (argc > 1) {
		for_each_zone_pgdat(zone, pgdat)
			if (!strcmp(zone->name, argv[1]))
				only = zone;
		if (!only) {
			shell_error("no zone '%s' (DMA, Normal or HighMem)", argv[1]);
			return;
		}
		if (!populated_zone(only)) {
			shell_printf("zone %s is empty\n", only->name);
			return;
		}
		span = only->spanned_pages;
	}
	while (g < MAX_ORDER - 1 && (span >> g) > MEMMAP_CELLS)
		g++;
	shell_printf("memmap: 1 char = %lu page%s (%lu KiB), %d per line\n",
		     1UL << g, g ? "s" : "", (PAGE_SIZE << g) >> 10, MEMMAP_COLS);
	for_each_zone_pgdat(zone, pgdat) {
		if (populated_zone(zone) && (!only || zone == only))
			memmap_zone(zone, g);
	}
	shell_puts("legend: 0-9,A largest free block order (A=10)  @ the shell's  # allocated\n"
		   "        R reserved  . hole\n"
		   "type:   the pageblock's migrate type: U Unmovable  M Movable  E Reclaimable\n"
		   "        H HighAtomic  I Isolate\n");
	memmap_gfx_draw();
}

void cmd_pagetypeinfo(int argc, char **argv)
{
	show_pagetypeinfo(&contig_page_data);
}

/* ------------------------------------------------------------ fragment */

void cmd_fragment(int argc, char **argv)
{
	struct zone *zone = &contig_page_data.node_zones[ZONE_NORMAL];
	struct fragment_params p = {
		.seed = 1, .unmovable_pct = 10,
		.movable_free_pct = FRAGMENT_MOVABLE_FREE_PCT,
		.unmovable_free_pct = FRAGMENT_UNMOVABLE_FREE_PCT,
	};
	struct fragment_result r;
	unsigned long v, free_before, o9;

	if (argc > 1) {
		if (!shell_arg_ulong(argv[1], "seed", 0xffffffffUL, &v))
			return;
		if (!v) {
			shell_error("seed must not be 0");
			return;
		}
		p.seed = (u32)v;
	}
	if (argc > 2) {
		if (!shell_arg_ulong(argv[2], "unmovable%", 100, &v))
			return;
		p.unmovable_pct = (unsigned int)v;
	}
	if (argc > 3) {
		if (!shell_arg_ulong(argv[3], "movable-freed%", 100, &v))
			return;
		p.movable_free_pct = (unsigned int)v;
	}
	if (!populated_zone(zone)) {
		shell_error("zone Normal is empty");
		return;
	}
	if (fragment_zone(zone, &p, &r)) {
		shell_error("fragment: bad parameters");
		return;
	}
	shell_printf("fragment: seed %u, %u%% unmovable, grouping by mobility %s\n", p.seed,
		     p.unmovable_pct, page_group_by_mobility_disabled ? "off" : "on");
	shell_printf("fragment: allocated %lu movable + %lu unmovable pages in %s, freed %u%% / %u%% of them\n",
		     r.movable, r.unmovable, zone->name, p.movable_free_pct, p.unmovable_free_pct);
	shell_printf("fragment: holding %lu movable + %lu unmovable pages (free_all gives them back)\n",
		     r.held_movable, r.held_unmovable);
	free_before = zone->free_pages;
	o9 = order9_allocatable(zone);
	shell_printf("fragment: %s free %lu pages, %lu of them allocatable as order-9 blocks (%lu.%lu%%)\n",
		     zone->name, free_before, o9, free_before ? o9 * 100 / free_before : 0,
		     free_before ? o9 * 1000 / free_before % 10 : 0);
}

/* ------------------------------------------------------------ compaction */

static struct zone *zone_by_name(const char *name)
{
	struct zone *zone;

	for_each_zone_pgdat(zone, &contig_page_data)
		if (!strcmp(zone->name, name))
			return zone;
	shell_error("no zone '%s' (DMA, Normal, HighMem)", name);
	return NULL;
}

static unsigned long zone_order9_blocks(const struct zone *zone)
{
	unsigned long n = 0;
	unsigned int o;

	for (o = 9; o < MAX_ORDER; o++)
		n += zone->free_area[o].nr_free << (o - 9);
	return n;
}

static void compact_one(struct zone *zone)
{
	struct compact_stats st;
	unsigned long before = zone_order9_blocks(zone);

	compact_zone_order(zone, -1, GFP_KERNEL, &st);
	shell_printf("compact: %s: migrated %lu pages (%lu could not move), scanned %lu + %lu free, "
		     "order-9 blocks %lu -> %lu\n", zone->name, st.migrated, st.failed,
		     st.migrate_scanned, st.free_scanned, before, zone_order9_blocks(zone));
}

/* /proc/sys/vm/compact_memory (all zones), or one zone */
void cmd_compact(int argc, char **argv)
{
	struct zone *zone;

	if (argc > 1) {
		zone = zone_by_name(argv[1]);
		if (!zone)
			return;
		if (!populated_zone(zone)) {
			shell_error("zone %s is empty: nothing to compact", zone->name);
			return;
		}
		compact_one(zone);
		return;
	}
	for_each_zone_pgdat(zone, &contig_page_data)
		if (populated_zone(zone))
			compact_one(zone);
}

/* move one movable block the shell holds (Linux: move_pages(2)) */
void cmd_migrate(int argc, char **argv)
{
	const char *why;
	struct page *page, *dst;
	int idx;

	if (!shell_arg_page(argv[1], &page))
		return;
	idx = block_of_head(page);
	if (idx < 0) {
		shell_error("pfn 0x%05lx heads no block the shell holds", page_to_pfn(page));
		return;
	}
	if (!shell_blocks[idx].movable) {
		shell_error("block #%u is not movable (allocated without __GFP_MOVABLE, or compound)",
			    shell_blocks[idx].id);
		return;
	}
	dst = migrate_block(page, GFP_HIGHUSER_MOVABLE, &why);
	if (!dst) {
		shell_error("block #%u stays at pfn 0x%05lx: %s", shell_blocks[idx].id,
			    page_to_pfn(page), why);
		return;
	}
	shell_printf("migrated pfn 0x%05lx -> 0x%05lx\n", page_to_pfn(page), page_to_pfn(dst));
	print_block_line(&shell_blocks[idx]);
}

void cmd_alloc_contig(int argc, char **argv)
{
	struct pglist_data *pgdat = &contig_page_data;
	gfp_t gfp = GFP_KERNEL;
	unsigned long nr, largest = 0;
	struct shell_block *b;
	struct page *page;
	int z;

	if (!shell_arg_ulong(argv[1], "page count", ~0UL, &nr))
		return;
	if (argc > 2 && !shell_arg_gfp(argv[2], &gfp))
		return;
	if (!nr) {
		shell_error("page count must be at least 1");
		return;
	}
	if (gfp_zone_bad(gfp)) {
		shell_error("__GFP_DMA and __GFP_HIGHMEM exclude each other");
		return;
	}
	for (z = gfp_zone(gfp); z >= 0; z--)
		if (pgdat->node_zones[z].spanned_pages > largest)
			largest = pgdat->node_zones[z].spanned_pages;
	if (nr > largest) {
		shell_error("%lu pages: larger than any zone this gfp allows (at most %lu)", nr, largest);
		return;
	}
	if (!table_has_room())
		return;
	page = alloc_contig_pages(pgdat, nr, gfp);
	if (!page) {
		shell_printf("alloc_contig_pages returned NULL\n");
		if (contig_blocking_page) {
			shell_printf("alloc_contig_pages: the first range tried was blocked by pfn 0x%05lx:\n",
				     page_to_pfn(contig_blocking_page));
			dump_page(contig_blocking_page, "unmovable page in the range");
		}
		return;
	}
	b = block_add(page, 0, false);
	b->nr_contig = nr;
	print_block_line(b);
}

/* alloc_contig_range() of a given range: the pages from @pfn */
void cmd_alloc_contig_range(int argc, char **argv)
{
	struct pglist_data *pgdat = &contig_page_data;
	unsigned long pfn, nr;
	struct shell_block *b;
	int ret;

	if (!shell_arg_ulong(argv[1], "pfn", ~0UL, &pfn) ||
	    !shell_arg_ulong(argv[2], "page count", ~0UL, &nr))
		return;
	if (!nr || pfn + nr < pfn) {
		shell_error("page count must be at least 1 and the range inside 32 bits of pfns");
		return;
	}
	if (!table_has_room())
		return;
	ret = alloc_contig_range(pgdat, pfn, pfn + nr, GFP_KERNEL);
	if (ret == -EINVAL) {
		shell_error("pfn 0x%lx + %lu pages: not inside one zone's RAM (a hole, reserved "
			    "memory or a zone boundary)", pfn, nr);
		return;
	}
	if (ret) {
		shell_printf("alloc_contig_range returned %d\n", ret);
		return;
	}
	b = block_add(pfn_to_page(pfn), 0, false);
	b->nr_contig = nr;
	print_block_line(b);
}

void cmd_free_contig(int argc, char **argv)
{
	struct page *page;
	int idx;

	if (!shell_arg_page(argv[1], &page))
		return;
	idx = block_of_head(page);
	if (idx < 0 || !shell_blocks[idx].nr_contig) {
		shell_error("pfn 0x%05lx starts no range alloc_contig gave the shell", page_to_pfn(page));
		return;
	}
	free_contig_range(&contig_page_data, page_to_pfn(page), shell_blocks[idx].nr_contig);
	shell_printf("freed pfn=0x%05lx nr_pages=%lu\n", page_to_pfn(page), shell_blocks[idx].nr_contig);
	block_remove(idx);
}

void cmd_vmstat(int argc, char **argv)
{
	show_vmstat(&contig_page_data);
}

void cmd_extfrag(int argc, char **argv)
{
	show_extfrag(&contig_page_data);
}

/* ------------------------------------------------------------ stress */

#define STRESS_SLOTS		256
#define STRESS_DEFAULT_OPS	2000
#define STRESS_MAX_OPS		10000000UL

struct stress_block {
	struct page *page;
	unsigned int order;
	u32 tag;		/* seeds this block's pattern */
};

static struct stress_block stress_blocks[STRESS_SLOTS];

static u32 stress_rand(u32 *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static u32 pattern_word(u32 tag, unsigned long pfn, unsigned int i)
{
	return tag ^ (u32)(pfn * 2654435761u) ^ (i * 0x01000193u);
}

/*
 * Visit each page of @b through a temporary mapping: write its pattern
 * (@write), or count the words that differ from it -- or from zero when
 * @zero.  Returns the number of bad words.
 */
static unsigned long stress_pages(const struct stress_block *b, bool write, bool zero)
{
	unsigned long j, bad = 0;
	unsigned int i;

	for (j = 0; j < (1UL << b->order); j++) {
		struct page *page = b->page + j;
		unsigned long pfn = page_to_pfn(page);
		u32 *w = kmap_local_page(page);

		if (!w)
			return ~0UL;
		for (i = 0; i < PAGE_SIZE / 4; i++) {
			u32 want = zero ? 0 : pattern_word(b->tag, pfn, i);

			if (write)
				w[i] = want;
			else if (w[i] != want)
				bad++;
		}
		kunmap_local(w);
	}
	return bad;
}

static const gfp_t stress_gfps[] = {
	GFP_KERNEL, GFP_KERNEL, GFP_HIGHUSER, GFP_HIGHUSER, GFP_DMA, GFP_ATOMIC, GFP_USER,
};

void cmd_stress(int argc, char **argv)
{
	struct pglist_data *pgdat = &contig_page_data;
	static unsigned long before[MAX_NR_ZONES][MAX_ORDER], after[MAX_NR_ZONES][MAX_ORDER];
	unsigned long ops = STRESS_DEFAULT_OPS, seed = 1, op, allocs = 0, frees = 0;
	unsigned long failures = 0, errors = 0, bad;
	unsigned int n = 0, i, order;
	bool interrupted = false;
	u32 x, r;

	if (argc > 1 && !strcmp(argv[1], "--cpus")) {
		cmd_stress_smp(argc, argv);
		return;
	}
	if (argc > 3) {
		shell_error("stress: too many arguments");
		return;
	}
	if (argc > 1 && !shell_arg_ulong(argv[1], "ops", STRESS_MAX_OPS, &ops))
		return;
	if (argc > 2 && !shell_arg_ulong(argv[2], "seed", 0xffffffffUL, &seed))
		return;
	x = (u32)seed * 2654435761u + 0x9e3779b9u;
	if (!x)
		x = 1;
	drain_all_pages(NULL);
	buddyinfo_snapshot(pgdat, before);

	for (op = 0; op < ops; op++) {
		if (!(op & 63) && shell_interrupted()) {
			interrupted = true;
			break;
		}
		r = stress_rand(&x);
		if (n == 0 || (n < STRESS_SLOTS && (r & 0xff) < 140)) {
			struct stress_block *b = &stress_blocks[n];
			gfp_t gfp = stress_gfps[(r >> 8) % ARRAY_SIZE(stress_gfps)] | __GFP_NOWARN;
			unsigned int k = (r >> 16) & 0xff;
			unsigned long pfn;
			struct page *page;

			/* mostly small blocks, now and then a big one */
			order = k < 150 ? 0 : k < 200 ? 1 + (k & 1) : k < 245 ? 3 + k % 3 : 6 + k % 5;
			if (r & 0x80000000u)
				gfp |= __GFP_ZERO;
			page = alloc_pages(gfp, order);
			allocs++;
			if (!page) {
				failures++;
				continue;
			}
			pfn = page_to_pfn(page);
			if (pfn & ((1UL << order) - 1)) {
				shell_printf("stress: pfn 0x%05lx not aligned to order %u\n", pfn, order);
				errors++;
			}
			if ((gfp & __GFP_DMA) && page_zonenum(page) != ZONE_DMA) {
				shell_printf("stress: GFP_DMA got zone %s\n", zone_names[page_zonenum(page)]);
				errors++;
			}
			if (!(gfp & __GFP_HIGHMEM) && PageHighMem(page)) {
				shell_puts("stress: HighMem page without __GFP_HIGHMEM\n");
				errors++;
			}
			for (i = 0; i < n; i++) {
				unsigned long p = page_to_pfn(stress_blocks[i].page);

				if (pfn < p + (1UL << stress_blocks[i].order) && p < pfn + (1UL << order)) {
					shell_printf("stress: pfn 0x%05lx order %u overlaps a live block at 0x%05lx\n",
						     pfn, order, p);
					errors++;
				}
			}
			b->page = page;
			b->order = order;
			b->tag = stress_rand(&x);
			if (gfp & __GFP_ZERO) {
				bad = stress_pages(b, false, true);
				if (bad) {
					shell_printf("stress: __GFP_ZERO block pfn 0x%05lx has %lu nonzero words\n",
						     pfn, bad);
					errors++;
				}
			}
			stress_pages(b, true, false);
			n++;
		} else {
			struct stress_block *b = &stress_blocks[(r >> 8) % n];

			bad = stress_pages(b, false, false);
			if (bad) {
				shell_printf("stress: pfn 0x%05lx order %u: %lu words changed while allocated\n",
					     page_to_pfn(b->page), b->order, bad);
				errors++;
			}
			__free_pages(b->page, b->order);
			frees++;
			*b = stress_blocks[--n];
		}
	}
	/* free everything, checking the patterns one last time */
	while (n) {
		struct stress_block *b = &stress_blocks[--n];

		bad = stress_pages(b, false, false);
		if (bad) {
			shell_printf("stress: pfn 0x%05lx order %u: %lu words changed while allocated\n",
				     page_to_pfn(b->page), b->order, bad);
			errors++;
		}
		__free_pages(b->page, b->order);
		frees++;
	}
	drain_all_pages(NULL);
	buddyinfo_snapshot(pgdat, after);

	shell_printf("stress: %lu ops%s (seed %lu): %lu allocs, %lu frees, %lu failures, "
		     "%lu integrity errors\n", op, interrupted ? " (interrupted)" : "", seed,
		     allocs, frees, failures, errors);
	shell_printf("buddyinfo restored: %s\n",
		     memcmp(before, after, sizeof(before)) ? "no" : "yes");
}
