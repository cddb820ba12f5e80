// SPDX-License-Identifier: GPL-2.0
/*
 * Host implementation of <asm/mmu_hooks.h> and of the simulated physical
 * memory.  Physical memory is a memfd; the direct map is one shared
 * mapping of it at host_phys_base; a "kernel PTE" in the PKMAP window or
 * fixmap is an mmap(MAP_FIXED | MAP_SHARED) of the frame's file offset at
 * that address, and clearing it puts PROT_NONE back, so a stale kmap
 * address really faults.  debug_pagealloc's unmapping is mprotect() of the
 * direct map.
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
#include <host_phys.h>

unsigned char *host_phys_base;
u64 host_phys_size;
unsigned long host_pkmap_base;
unsigned long host_fixaddr_top;

static int phys_fd = -1;
/* pfn mapped at each window page, or -1UL */
#define WINDOW_PAGES	(LAST_PKMAP + 2 + __end_of_fixed_addresses + 1)
static unsigned long window_pfn[WINDOW_PAGES];

static void window_init(void)
{
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
	/* LAST_PKMAP slots, one guard page, then the fixmap; TOP itself is a guard */
	host_fixaddr_top = host_pkmap_base + (WINDOW_PAGES - 1) * PAGE_SIZE;
	for (i = 0; i < WINDOW_PAGES; i++)
		window_pfn[i] = -1UL;
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
	if (host_pkmap_base)
		for (i = 0; i < WINDOW_PAGES; i++)
			if (window_pfn[i] != -1UL)
				arch_clear_kernel_pte(host_pkmap_base + i * PAGE_SIZE);
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
	void *p;

	BUG_ON(i == -1UL);
	BUG_ON(((u64)(pfn) << PAGE_SHIFT) >= host_phys_size);
	p = mmap((void *)(vaddr & PAGE_MASK), PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_FIXED, phys_fd, (off_t)((u64)pfn << PAGE_SHIFT));
	BUG_ON(p == MAP_FAILED);
	window_pfn[i] = pfn;
}

void arch_clear_kernel_pte(unsigned long vaddr)
{
	unsigned long i = window_index(vaddr);
	void *p;

	BUG_ON(i == -1UL);
	p = mmap((void *)(vaddr & PAGE_MASK), PAGE_SIZE, PROT_NONE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
	BUG_ON(p == MAP_FAILED);
	window_pfn[i] = -1UL;
}

unsigned long arch_kernel_pte_pfn(unsigned long vaddr)
{
	unsigned long i = window_index(vaddr);

	return i == -1UL ? -1UL : window_pfn[i];
}

void arch_flush_tlb_one(unsigned long vaddr)
{
	(void)vaddr;	/* the host has no stale TLB entries to drop */
}

void arch_flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	(void)start;
	(void)end;
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
