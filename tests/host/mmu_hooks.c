// SPDX-License-Identifier: GPL-2.0
/*
 * Host implementation of <asm/mmu_hooks.h> and of the simulated physical
 * memory.  Physical memory is a memfd; the direct map is one shared
 * mapping of it at host_phys_base.  debug_pagealloc's unmapping is
 * mprotect() of the direct map.
 *
 * The PKMAP window and the fixmap are a reserved range of host pages with
 * a simulated page table AND one simulated TLB per simulated CPU, because
 * the TLBs are what kmap's lazy flushing and its shootdown are about:
 *
 *   window_pfn[i]       the PTE: what arch_kernel_pte_pfn() reports;
 *   tlb_pfn[cpu][i]     the translation CPU cpu has cached, -1UL if none;
 *   shown_pfn[i]        what the host page at that address reaches now:
 *                       an mmap(MAP_FIXED | MAP_SHARED) of that frame of
 *                       the memfd, or PROT_NONE when it is -1UL.
 *
 * The address space shows the running CPU's view (host_cpu): its cached
 * translation, or the PTE where it caches none.  Every view is the worst
 * case the architecture allows: a CPU caches every present PTE it can see
 * (a speculative access suffices), and keeps it after the PTE is cleared
 * or replaced until a flush on THAT CPU drops it.  So:
 *
 *   - setting a PTE where the running CPU caches nothing shows at once
 *     (x86 does not cache not-present entries);
 *   - clearing or replacing a PTE changes only window_pfn: the old frame
 *     stays reachable on every CPU that cached it;
 *   - arch_flush_tlb_one()/arch_flush_tlb_kernel_range() drop the running
 *     CPU's entries only; flush_tlb_kernel_range() drops every CPU's (the
 *     shootdown of kernel/tlb.c);
 *   - host_set_cpu(n) makes CPU n the running one: it first caches every
 *     present PTE it had not cached, then the address space shows its view.
 *
 * A missing flush shows up as a stale address that does not fault, or as
 * writes landing in the wrong frame; a missing shootdown shows up the same
 * way, but only after host_set_cpu() to a CPU that had cached the old
 * frame.  With one CPU this is exactly the single-TLB model.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <setjmp.h>
#include <signal.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <asm/page.h>
#include <asm/pgtable_32_areas.h>
#include <asm/mmu_hooks.h>
#include <asm/tlbflush.h>
#include <host_phys.h>

unsigned char *host_phys_base;
u64 host_phys_size;
unsigned long host_pkmap_base;
unsigned long host_fixaddr_top;
unsigned long host_remote_flushes;

static int phys_fd = -1;
/* LAST_PKMAP slots, a guard page, the fixmap, FIXADDR_TOP's page */
#define WINDOW_PAGES	(LAST_PKMAP + 2 + __end_of_fixed_addresses + 1)
static unsigned long window_pfn[WINDOW_PAGES];	/* the PTEs, -1UL = none */
static unsigned long tlb_pfn[HOST_NR_CPUS][WINDOW_PAGES];	/* cached, -1UL = none */
static unsigned long shown_pfn[WINDOW_PAGES];	/* what is reachable, -1UL = faults */

__thread unsigned int host_cpu;

static void window_init(void)
{
	unsigned int cpu;
	void *w;
	unsigned long i;

	if (host_pkmap_base)
		return;
	w = mmap(NULL, WINDOW_PAGES * PAGE_SIZE, PROT_NONE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (w == MAP_FAILED) {
		perror("mmap kmap window");
		abort();
	}
	host_pkmap_base = (unsigned long)w;
	host_fixaddr_top = host_pkmap_base + (WINDOW_PAGES - 1) * PAGE_SIZE;
	for (i = 0; i < WINDOW_PAGES; i++) {
		window_pfn[i] = shown_pfn[i] = -1UL;
		for (cpu = 0; cpu < HOST_NR_CPUS; cpu++)
			tlb_pfn[cpu][i] = -1UL;
	}
}

/*
 * Window page @i as the running CPU sees it: its cached translation, else
 * the PTE, which it then caches (a TLB fill); the host mapping follows.
 */
static void tlb_sync(unsigned long i)
{
	void *va = (void *)(host_pkmap_base + i * PAGE_SIZE);
	unsigned long *tlb = &tlb_pfn[host_cpu][i];
	void *p;

	if (*tlb == -1UL)
		*tlb = window_pfn[i];
	if (shown_pfn[i] == *tlb)
		return;
	if (*tlb == -1UL)
		p = mmap(va, PAGE_SIZE, PROT_NONE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
	else
		p = mmap(va, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
			 phys_fd, (off_t)((u64)*tlb << PAGE_SHIFT));
	BUG_ON(p == MAP_FAILED);
	shown_pfn[i] = *tlb;
}

/* drop @cpu's cached translation of window page @i */
static void tlb_drop(unsigned int cpu, unsigned long i)
{
	tlb_pfn[cpu][i] = -1UL;
	if (cpu == host_cpu)
		tlb_sync(i);
}

void host_set_cpu(unsigned int cpu)
{
	unsigned long i;

	BUG_ON(cpu >= HOST_NR_CPUS);
	window_init();
	host_cpu = cpu;
	for (i = 0; i < WINDOW_PAGES; i++)
		tlb_sync(i);
}

void host_phys_teardown(void)
{
	unsigned long i;

	if (host_phys_base)
		munmap(host_phys_base, host_phys_size);
	if (phys_fd >= 0)
		close(phys_fd);
	host_phys_base = NULL;
	host_phys_size = 0;
	phys_fd = -1;
	/* the frames are gone: no PTE and no cached translation survives */
	if (host_pkmap_base)
		for (i = 0; i < WINDOW_PAGES; i++) {
			unsigned int cpu;

			window_pfn[i] = -1UL;
			for (cpu = 0; cpu < HOST_NR_CPUS; cpu++)
				tlb_pfn[cpu][i] = -1UL;
			tlb_sync(i);
		}
}

int host_phys_setup(u64 size)
{
	void *p;

	host_phys_teardown();
	window_init();
	phys_fd = memfd_create("orderly-phys", 0);
	if (phys_fd < 0 || ftruncate(phys_fd, (off_t)size) < 0) {
		perror("memfd");
		return -1;
	}
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE, phys_fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap phys");
		close(phys_fd);
		phys_fd = -1;
		return -1;
	}
	host_phys_base = p;
	host_phys_size = size;
	return 0;
}

int host_phys_fd(void)
{
	return phys_fd;
}

static unsigned long window_index(unsigned long vaddr)
{
	unsigned long i;

	window_init();
	if (vaddr < host_pkmap_base)
		return -1UL;
	i = (vaddr - host_pkmap_base) >> PAGE_SHIFT;
	return i < WINDOW_PAGES ? i : -1UL;
}

void arch_set_kernel_pte(unsigned long vaddr, unsigned long pfn)
{
	unsigned long i = window_index(vaddr);

	BUG_ON(i == -1UL);
	BUG_ON(((u64)(pfn) << PAGE_SHIFT) >= host_phys_size);
	window_pfn[i] = pfn;
	tlb_sync(i);		/* seen at once unless an old translation is cached */
}

void arch_clear_kernel_pte(unsigned long vaddr)
{
	unsigned long i = window_index(vaddr);

	BUG_ON(i == -1UL);
	window_pfn[i] = -1UL;		/* reachable until flushed */
}

unsigned long arch_kernel_pte_pfn(unsigned long vaddr)
{
	unsigned long i = window_index(vaddr);

	return i == -1UL ? -1UL : window_pfn[i];
}

void arch_flush_tlb_one(unsigned long vaddr)
{
	unsigned long i = window_index(vaddr);

	if (i != -1UL)
		tlb_drop(host_cpu, i);
}

void arch_flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long va;

	for (va = start & PAGE_MASK; va < end; va += PAGE_SIZE)
		arch_flush_tlb_one(va);
}

/* the shootdown: every simulated CPU drops its entries for the range */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long va, i;
	unsigned int cpu;

	for (va = start & PAGE_MASK; va < end; va += PAGE_SIZE) {
		i = window_index(va);
		if (i == -1UL)
			continue;
		for (cpu = 0; cpu < HOST_NR_CPUS; cpu++)
			tlb_drop(cpu, i);
	}
	host_remote_flushes++;
}

/* true if the running CPU still reaches another frame than the PTE says */
bool host_tlb_stale(unsigned long vaddr)
{
	return host_tlb_stale_on(host_cpu, vaddr);
}

bool host_tlb_stale_on(unsigned int cpu, unsigned long vaddr)
{
	unsigned long i = window_index(vaddr);

	return i != -1UL && tlb_pfn[cpu][i] != -1UL && tlb_pfn[cpu][i] != window_pfn[i];
}

void arch_kernel_map_pages(unsigned long pfn, unsigned int numpages, bool enable)
{
	u64 off = (u64)pfn << PAGE_SHIFT;

	BUG_ON(off + ((u64)numpages << PAGE_SHIFT) > host_phys_size);
	if (mprotect(host_phys_base + off, (size_t)numpages << PAGE_SHIFT,
		     enable ? PROT_READ | PROT_WRITE : PROT_NONE))
		BUG();
}

static sigjmp_buf probe_env;

static void probe_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	(void)uc;
	siglongjmp(probe_env, 1);
}

/* not instrumented: the load itself is the probe, ASan must not check it first */
__attribute__((no_sanitize("address")))
bool host_addr_faults(const void *addr)
{
	struct sigaction sa, old_segv, old_bus;
	volatile bool faulted = false;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = probe_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	if (sigsetjmp(probe_env, 1) == 0)
		(void)*(const volatile unsigned char *)addr;
	else
		faulted = true;
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGBUS, &old_bus, NULL);
	return faulted;
}
