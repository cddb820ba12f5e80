// SPDX-License-Identifier: GPL-2.0
/*
 * HighMem mapping, as Linux/i386 does it.
 *
 * A 32-bit kernel maps at most ~896 MiB of RAM permanently (the direct
 * map at PAGE_OFFSET); a page above that, in ZONE_HIGHMEM, has a struct
 * page and a pfn but no kernel address.  To touch it the kernel borrows a
 * virtual page, points its PTE at the frame, and later gives it back.
 * There are two pools of such virtual pages:
 *
 * 1. The PKMAP window: kmap()/kunmap().  LAST_PKMAP (1024) pages, exactly
 *    one page table, at PKMAP_BASE.  A kmap() may be held for as long as
 *    the caller likes, so one page kmap()ed twice must come back at the
 *    same address: the slot is shared and counted.  pkmap_count[nr] is
 *
 *        0   free: no PTE, and no stale TLB entry can exist for it;
 *        1   still mapped (PTE present, page_address() still answers) but
 *            nobody uses it: kunmap() dropped the last user and the TLB
 *            has not been flushed since, so the slot must not be reused
 *            for another frame yet;
 *      n > 1 mapped, with n - 1 users.
 *
 *    Flushing the TLB is the expensive part, so it is done lazily: a new
 *    mapping takes the next free slot after last_pkmap_nr, and only when
 *    that scan wraps around to slot 0 does flush_all_zero_pkmaps() clear
 *    every count-1 slot and flush the whole window once - on every CPU,
 *    since any CPU may have the old translations cached: a TLB shootdown
 *    (flush_tlb_kernel_range(), kernel/tlb.c), with kmap_lock held so that
 *    no slot is handed out again before every CPU has dropped it.  This
 *    is why kmap() is expensive on SMP, and why kmap_local_page() exists.  A page whose
 *    slot is at count 1 is found again by page_address() and simply
 *    revived by kmap() (1 -> 2), with no PTE write at all.
 *
 *    page_address() of a HighMem page must find its slot from the struct
 *    page alone.  Linux keeps page_address_htable, a hash of
 *    page_address_map entries keyed by the page pointer; here each slot
 *    is its own entry (pkmap_page[nr] is the reverse map) and
 *    pa_hash_head[] / pa_hash_next[] chain the slot numbers of one bucket,
 *    so a lookup touches a couple of slots.
 *
 *    When every slot has a user, Linux puts the caller to sleep until a
 *    kunmap().  This kernel has nobody to wait for, so kmap() reports
 *    "BUG: kmap: all 1024 PKMAP slots in use" and returns NULL.
 *
 * 2. The fixmap: kmap_atomic()/kmap_local_page().  KM_MAX_IDX (16) pages
 *    per CPU below FIXADDR_TOP, used as a stack: CPU n's slot i is fixmap
 *    entry FIX_KMAP_BEGIN + KM_MAX_IDX * n + i (Linux's
 *    arch_kmap_local_map_idx()), mapping pushes the next slot, unmapping
 *    must pop the top one, and clears its PTE and flushes that one entry
 *    from this CPU's TLB at once.  No lock, no sharing, no counting, no
 *    shootdown: only this CPU ever uses its slots' addresses, with
 *    interrupts off while it changes its stack, so no other TLB can
 *    hold a translation this CPU relies on, and an address of another
 *    CPU's slot is refused.  That is why the mappings must nest, and stay
 *    on the CPU that made them.  A
 *    lowmem page needs no slot: its direct-map address is returned and
 *    kunmap_local() of a direct-map address does nothing (as in Linux).
 *
 * Every PTE goes through <asm/mmu_hooks.h>: real i386 page tables in the
 * kernel, an mmap()ed memfd on the host, where a cleared slot is
 * PROT_NONE and a stale address really faults.
 *
 * Misuse by a caller - kunmap() of a page that is not kmapped or once too
 * often, an out-of-order kunmap_local(), a full window or stack - is
 * reported with one "BUG: ..." line and changes nothing.  A broken
 * internal invariant (a slot's PTE not pointing where pkmap_page[] says)
 * is a BUG() that stops.
 */
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/mmu_hooks.h>
#include <asm/percpu.h>
#include <asm/pgtable_32_areas.h>
#include <asm/tlbflush.h>

BUILD_BUG_ON(LAST_PKMAP & LAST_PKMAP_MASK);	/* a power of two: the scan masks */
BUILD_BUG_ON(LAST_PKMAP > 32767);		/* slot numbers fit the short chains */
BUILD_BUG_ON(KM_MAX_IDX != 16);

/* ---------------------------------------------------------------- PKMAP */

/* 0 free, 1 mapped but unused (flush pending), n > 1: n - 1 kmap() users */
static int pkmap_count[LAST_PKMAP];
/* the page whose frame slot nr maps; non-NULL exactly when pkmap_count[nr] >= 1 */
static struct page *pkmap_page[LAST_PKMAP];
/* the slot kmap() took last; the next scan starts after it */
static unsigned int last_pkmap_nr;
/* protects everything above and the hash below */
static DEFINE_SPINLOCK(kmap_lock);

static unsigned long pkmap_flushes;
static unsigned long pkmap_failures;

/*
 * page_address_htable: slot nr is on the chain of bucket
 * pa_hash(pkmap_page[nr]) exactly when pkmap_count[nr] >= 1.
 * -1 ends a chain.
 */
#define PA_HASH_ORDER	7
#define PA_HASH_SIZE	(1 << PA_HASH_ORDER)
/* -1 from the start: page_address() may run (dump_page) before kmap_init() */
static short pa_hash_head[PA_HASH_SIZE] = { [0 ... PA_HASH_SIZE - 1] = -1 };
static short pa_hash_next[LAST_PKMAP] = { [0 ... LAST_PKMAP - 1] = -1 };

static unsigned int pa_hash(const struct page *page)
{
	u32 key = (u32)((uintptr_t)page / sizeof(struct page));

	return (key * 0x61C88647u) >> (32 - PA_HASH_ORDER);	/* golden-ratio hash */
}

/* the PKMAP slot holding @page, or -1 */
static int pkmap_lookup(const struct page *page)
{
	int nr;

	for (nr = pa_hash_head[pa_hash(page)]; nr >= 0; nr = pa_hash_next[nr])
		if (pkmap_page[nr] == page)
			return nr;
	return -1;
}

/* Linux's set_page_address(page, vaddr) */
static void set_page_address(struct page *page, unsigned int nr)
{
	unsigned int b = pa_hash(page);

	pkmap_page[nr] = page;
	pa_hash_next[nr] = pa_hash_head[b];
	pa_hash_head[b] = (short)nr;
}

/* Linux's set_page_address(page, NULL) */
static void clear_page_address(unsigned int nr)
{
	short *link = &pa_hash_head[pa_hash(pkmap_page[nr])];

	while (*link != (short)nr) {
		BUG_ON(*link < 0);		/* a mapped slot missing from its chain */
		link = &pa_hash_next[*link];
	}
	*link = pa_hash_next[nr];
	pa_hash_next[nr] = -1;
	pkmap_page[nr] = NULL;
}

void *page_address(const struct page *page)
{
	unsigned long flags;
	int nr;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	spin_lock_irqsave(&kmap_lock, flags);
	nr = pkmap_lookup(page);
	spin_unlock_irqrestore(&kmap_lock, flags);
	return nr < 0 ? NULL : (void *)PKMAP_ADDR(nr);
}

/*
 * Clear every slot nobody uses any more (count 1), then flush the whole
 * window from every CPU's TLB once.  Only after this may those slots map
 * another frame: until the flush any CPU may still hold the old
 * translation.  kmap_lock held.
 */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;
	unsigned int i;

	for (i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		BUG_ON(arch_kernel_pte_pfn(PKMAP_ADDR(i)) != page_to_pfn(pkmap_page[i]));
		pkmap_count[i] = 0;
		arch_clear_kernel_pte(PKMAP_ADDR(i));
		clear_page_address(i);
		need_flush = true;
	}
	if (need_flush) {
		flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
		pkmap_flushes++;
	}
}

/*
 * Find a free slot for @page, scanning on from last_pkmap_nr and flushing
 * when the scan wraps; map it with count 1.  -1 if a whole lap (counted
 * afresh after the flush, as Linux does) found none.
 */
static int map_new_virtual(struct page *page)
{
	unsigned int count = LAST_PKMAP;
	unsigned int nr;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count == 0)
			return -1;	/* Linux sleeps on pkmap_map_wait here */
	}
	nr = last_pkmap_nr;
	BUG_ON(arch_kernel_pte_pfn(PKMAP_ADDR(nr)) != -1UL);	/* a free slot has no PTE */
	arch_set_kernel_pte(PKMAP_ADDR(nr), page_to_pfn(page));
	pkmap_count[nr] = 1;
	set_page_address(page, nr);
	return (int)nr;
}

static void *kmap_high(struct page *page)
{
	unsigned long flags;
	int nr;

	spin_lock_irqsave(&kmap_lock, flags);
	nr = pkmap_lookup(page);
	if (nr < 0)
		nr = map_new_virtual(page);
	if (nr < 0) {
		pkmap_failures++;
		spin_unlock_irqrestore(&kmap_lock, flags);
		pr_err("BUG: kmap: all %d PKMAP slots in use (pfn 0x%lx)\n",
		       LAST_PKMAP, page_to_pfn(page));
		return NULL;
	}
	pkmap_count[nr]++;
	BUG_ON(pkmap_count[nr] < 2);
	spin_unlock_irqrestore(&kmap_lock, flags);
	return (void *)PKMAP_ADDR(nr);
}

static void kunmap_high(struct page *page)
{
	unsigned long flags;
	int nr, count = 0;

	spin_lock_irqsave(&kmap_lock, flags);
	nr = pkmap_lookup(page);
	if (nr >= 0) {
		count = pkmap_count[nr];
		BUG_ON(count < 1);
		if (count > 1)
			pkmap_count[nr]--;	/* at 1 the slot waits for the next flush */
	}
	spin_unlock_irqrestore(&kmap_lock, flags);

	if (nr < 0)
		pr_err("BUG: kunmap: pfn 0x%lx is not kmapped\n", page_to_pfn(page));
	else if (count == 1)
		pr_err("BUG: kunmap: pfn 0x%lx kunmapped more times than kmapped (slot %d has no user)\n",
		       page_to_pfn(page), nr);
}

void *kmap(struct page *page)
{
	might_sleep();		/* a full PKMAP waits for a slot (Linux: kmap() may sleep) */
	if (!PageHighMem(page))
		return page_address(page);
	return kmap_high(page);
}

void kunmap(struct page *page)
{
	if (!PageHighMem(page))
		return;
	kunmap_high(page);
}

void kmap_flush_unused(void)
{
	unsigned long flags;

	spin_lock_irqsave(&kmap_lock, flags);
	flush_all_zero_pkmaps();
	spin_unlock_irqrestore(&kmap_lock, flags);
}

unsigned int nr_pkmaps_in_use(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < LAST_PKMAP; i++)
		n += READ_ONCE(pkmap_count[i]) > 1;
	return n;
}

int pkmap_count_of(unsigned int nr)
{
	return nr < LAST_PKMAP ? READ_ONCE(pkmap_count[nr]) : -1;
}

/* ------------------------------------------------------- kmap_local stack */

/*
 * Linux's current->kmap_ctrl, one per CPU (the kernel has one context per
 * CPU).  Only its own CPU writes it, with interrupts off.
 */
static struct kmap_ctrl {
	/* slots 0 .. idx-1 are mapped, slot idx-1 is the top; idx <= KM_MAX_IDX */
	unsigned int idx;
	/* the page in each mapped slot (for kmap_to_page and reports) */
	struct page *page[KM_MAX_IDX];
} kmap_ctrl[KM_NR_CPUS];

static struct kmap_ctrl *this_kmap_ctrl(void)
{
	return &kmap_ctrl[raw_smp_processor_id()];
}

/* the address of @cpu's kmap_local slot @slot */
static unsigned long kmap_local_vaddr(unsigned int cpu, unsigned int slot)
{
	return __fix_to_virt(FIX_KMAP_BEGIN + KM_MAX_IDX * cpu + slot);
}

/*
 * The kmap_local slot at @vaddr (page-aligned) as CPU * KM_MAX_IDX +
 * slot, or -1 if it is not one.
 */
static int kmap_local_index(unsigned long vaddr)
{
	/* above FIXADDR_TOP the subtraction wraps: one compare does both ends */
	unsigned long index = ((FIXADDR_TOP - vaddr) >> PAGE_SHIFT) - FIX_KMAP_BEGIN;

	return index < KM_MAX_IDX * KM_NR_CPUS ? (int)index : -1;
}

static void *__kmap_local_page(struct page *page, const char *who)
{
	unsigned long flags, vaddr;
	struct kmap_ctrl *ctrl;
	unsigned int cpu, slot;

	if (!PageHighMem(page))
		return page_address(page);

	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	ctrl = &kmap_ctrl[cpu];
	slot = ctrl->idx;
	if (slot >= KM_MAX_IDX) {
		local_irq_restore(flags);
		pr_err("BUG: %s: kmap_local stack overflow: all %d fixmap slots in use (pfn 0x%lx)\n",
		       who, KM_MAX_IDX, page_to_pfn(page));
		return NULL;
	}
	vaddr = kmap_local_vaddr(cpu, slot);
	BUG_ON(arch_kernel_pte_pfn(vaddr) != -1UL);	/* slots above the top are clear */
	arch_set_kernel_pte(vaddr, page_to_pfn(page));
	ctrl->page[slot] = page;
	ctrl->idx = slot + 1;
	local_irq_restore(flags);
	return (void *)vaddr;
}

static void __kunmap_local(const void *addr, const char *who)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;
	unsigned int depth, cpu, owner, slot;
	struct kmap_ctrl *ctrl;
	unsigned long flags;
	int index = kmap_local_index(vaddr);
	bool top;

	if (index < 0) {
		/* a lowmem page's direct-map address: nothing was pushed */
		if (vaddr >= PKMAP_BASE && vaddr - PKMAP_BASE < PKMAP_END - PKMAP_BASE)
			pr_err("BUG: %s: 0x%lx is a kmap() address; use kunmap()\n",
			       who, (unsigned long)addr);
		else if (vaddr >= PKMAP_END && vaddr <= FIXADDR_TOP)
			pr_err("BUG: %s: 0x%lx is not a kmap_local address\n",
			       who, (unsigned long)addr);
		return;
	}

	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	ctrl = &kmap_ctrl[cpu];
	depth = ctrl->idx;
	/* this CPU's slot depth - 1 */
	top = depth && (unsigned int)index == cpu * KM_MAX_IDX + depth - 1;
	if (top) {
		arch_clear_kernel_pte(vaddr);
		arch_flush_tlb_one(vaddr);
		ctrl->page[depth - 1] = NULL;
		ctrl->idx = depth - 1;
	}
	local_irq_restore(flags);
	if (top)
		return;

	owner = (unsigned int)index / KM_MAX_IDX;
	slot = (unsigned int)index % KM_MAX_IDX;
	if (owner != cpu)
		pr_err("BUG: %s: 0x%lx is CPU%u's kmap_local slot %u, not this CPU's (CPU%u): unmap on the CPU that mapped it\n",
		       who, (unsigned long)addr, owner, slot, cpu);
	else if (slot >= depth)
		pr_err("BUG: %s: 0x%lx is not mapped (kmap_local slot %u, stack depth %u)\n",
		       who, (unsigned long)addr, slot, depth);
	else
		pr_err("BUG: %s: 0x%lx is not the top of the kmap_local stack (slot %u, top 0x%lx, depth %u): unmap in reverse order\n",
		       who, (unsigned long)addr, slot, kmap_local_vaddr(cpu, depth - 1), depth);
}

void *kmap_local_page(struct page *page)
{
	return __kmap_local_page(page, "kmap_local_page");
}

void kunmap_local(const void *addr)
{
	__kunmap_local(addr, "kunmap_local");
}

void *kmap_atomic(struct page *page)
{
	return __kmap_local_page(page, "kmap_atomic");
}

void kunmap_atomic(const void *addr)
{
	__kunmap_local(addr, "kunmap_atomic");
}

unsigned int kmap_local_depth(void)
{
	return READ_ONCE(this_kmap_ctrl()->idx);
}

unsigned int kmap_local_depth_cpu(unsigned int cpu)
{
	return cpu < KM_NR_CPUS ? READ_ONCE(kmap_ctrl[cpu].idx) : 0;
}

struct page *kmap_to_page(const void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;
	struct page *page = NULL;
	unsigned long flags;
	int index;

	if (vaddr >= PKMAP_BASE && vaddr - PKMAP_BASE < PKMAP_END - PKMAP_BASE) {
		spin_lock_irqsave(&kmap_lock, flags);
		page = pkmap_page[PKMAP_NR(vaddr)];
		spin_unlock_irqrestore(&kmap_lock, flags);
		return page;
	}
	index = kmap_local_index(vaddr);
	if (index >= 0) {
		/* another CPU's slot is not this CPU's business: NULL */
		local_irq_save(flags);
		if ((unsigned int)index / KM_MAX_IDX == raw_smp_processor_id() &&
		    (unsigned int)index % KM_MAX_IDX < this_kmap_ctrl()->idx)
			page = this_kmap_ctrl()->page[index % KM_MAX_IDX];
		local_irq_restore(flags);
		return page;
	}
	if (vaddr >= PKMAP_END && vaddr <= FIXADDR_TOP)
		return NULL;
	return pfn_valid(virt_to_pfn(addr)) ? virt_to_page(addr) : NULL;
}

/* ------------------------------------------------------ whole-page helpers */

/*
 * A temporary mapping for the helpers below: the kmap_local stack, or -
 * should a caller already hold all 16 slots (reported by kmap_local_page)
 * - a PKMAP slot, so that a page that must be zeroed is never skipped.
 */
static void *map_helper(struct page *page, bool *pkmapped)
{
	void *kaddr = kmap_local_page(page);

	*pkmapped = false;
	if (kaddr)
		return kaddr;
	kaddr = kmap(page);
	BUG_ON(!kaddr);		/* neither pool has a slot: cannot do the copy */
	*pkmapped = true;
	return kaddr;
}

static void unmap_helper(struct page *page, void *kaddr, bool pkmapped)
{
	if (pkmapped)
		kunmap(page);
	else
		kunmap_local(kaddr);
}

void clear_highpage(struct page *page)
{
	bool pk;
	void *kaddr = map_helper(page, &pk);

	clear_page(kaddr);
	unmap_helper(page, kaddr, pk);
}

void copy_highpage(struct page *to, struct page *from)
{
	bool pk_from, pk_to;
	void *vfrom = map_helper(from, &pk_from);
	void *vto = map_helper(to, &pk_to);

	memcpy(vto, vfrom, PAGE_SIZE);
	unmap_helper(to, vto, pk_to);
	unmap_helper(from, vfrom, pk_from);
}

static bool copy_fits(const char *who, struct page *page, size_t offset, size_t len)
{
	if (offset <= PAGE_SIZE && len <= PAGE_SIZE - offset)
		return true;
	pr_err("BUG: %s: offset 0x%zx + len 0x%zx runs past the page (pfn 0x%lx)\n",
	       who, offset, len, page_to_pfn(page));
	return false;
}

void memcpy_to_page(struct page *page, size_t offset, const void *from, size_t len)
{
	bool pk;
	char *kaddr;

	if (!copy_fits("memcpy_to_page", page, offset, len))
		return;
	kaddr = map_helper(page, &pk);
	memcpy(kaddr + offset, from, len);
	unmap_helper(page, kaddr, pk);
}

void memcpy_from_page(void *to, struct page *page, size_t offset, size_t len)
{
	bool pk;
	char *kaddr;

	if (!copy_fits("memcpy_from_page", page, offset, len))
		return;
	kaddr = map_helper(page, &pk);
	memcpy(to, kaddr + offset, len);
	unmap_helper(page, kaddr, pk);
}

/* ------------------------------------------------------- state and reports */

void kmap_init(void)
{
	unsigned int i;

	for (i = 0; i < LAST_PKMAP; i++)
		if (arch_kernel_pte_pfn(PKMAP_ADDR(i)) != -1UL)
			arch_clear_kernel_pte(PKMAP_ADDR(i));
	for (i = FIX_KMAP_BEGIN; i <= FIX_KMAP_END; i++)
		if (arch_kernel_pte_pfn(__fix_to_virt(i)) != -1UL)
			arch_clear_kernel_pte(__fix_to_virt(i));
	flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
	flush_tlb_kernel_range(__fix_to_virt(FIX_KMAP_END), __fix_to_virt(FIX_KMAP_BEGIN) + PAGE_SIZE);

	spin_lock_init(&kmap_lock);
	memset(pkmap_count, 0, sizeof(pkmap_count));
	memset(pkmap_page, 0, sizeof(pkmap_page));
	for (i = 0; i < PA_HASH_SIZE; i++)
		pa_hash_head[i] = -1;
	for (i = 0; i < LAST_PKMAP; i++)
		pa_hash_next[i] = -1;
	last_pkmap_nr = 0;
	pkmap_flushes = 0;
	pkmap_failures = 0;
	memset(kmap_ctrl, 0, sizeof(kmap_ctrl));
}

void kmap_get_stats(struct kmap_stats *st)
{
	unsigned int i;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < LAST_PKMAP; i++) {
		int c = READ_ONCE(pkmap_count[i]);

		st->pkmap_in_use += c > 1;
		st->pkmap_unused += c == 1;
	}
	st->last_pkmap_nr = READ_ONCE(last_pkmap_nr);
	st->local_depth = kmap_local_depth();
	st->pkmap_flushes = READ_ONCE(pkmap_flushes);
	st->pkmap_failures = READ_ONCE(pkmap_failures);
}

/*
 * Lock-free on purpose: the page-fault handler calls it, possibly for a
 * fault taken while kmap_lock is held.  It only reads.
 */
bool kmap_describe_address(unsigned long addr, char *buf, size_t size)
{
	unsigned long vaddr = addr & PAGE_MASK;
	unsigned int depth, cpu;
	struct page *page;
	int slot, count;

	if (vaddr >= PKMAP_BASE && vaddr - PKMAP_BASE < PKMAP_END - PKMAP_BASE) {
		slot = (int)PKMAP_NR(vaddr);
		count = READ_ONCE(pkmap_count[slot]);
		page = READ_ONCE(pkmap_page[slot]);
		if (count == 0 || !page)
			snprintf(buf, size, "in the PKMAP window (kmap slot %d, free)", slot);
		else if (count == 1)
			snprintf(buf, size, "in the PKMAP window (kmap slot %d, pfn 0x%lx, kunmap()ed, flush pending)",
				  slot, page_to_pfn(page));
		else
			snprintf(buf, size, "in the PKMAP window (kmap slot %d, pfn 0x%lx, %d users)",
				  slot, page_to_pfn(page), count - 1);
		return true;
	}
	if (vaddr >= PKMAP_END && vaddr < FIXADDR_START) {
		snprintf(buf, size, "in the guard gap between the PKMAP window and the fixmap");
		return true;
	}
	if (vaddr >= FIXADDR_START && vaddr - FIXADDR_START <= FIXADDR_SIZE) {
		slot = kmap_local_index(vaddr);
		if (slot < 0) {
			snprintf(buf, size, "in the fixmap (entry %lu, unused)", __virt_to_fix(vaddr));
			return true;
		}
		cpu = (unsigned int)slot / KM_MAX_IDX;
		slot %= KM_MAX_IDX;
		depth = READ_ONCE(kmap_ctrl[cpu].idx);
		if ((unsigned int)slot < depth && (page = READ_ONCE(kmap_ctrl[cpu].page[slot])))
			snprintf(buf, size, "in the fixmap (CPU%u's kmap_local slot %d, pfn 0x%lx)",
				  cpu, slot, page_to_pfn(page));
		else
			snprintf(buf, size, "in the fixmap (CPU%u's kmap_local slot %d, not mapped: stack depth %u)",
				  cpu, slot, depth);
		return true;
	}
	return false;
}
