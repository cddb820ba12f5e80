// SPDX-License-Identifier: GPL-2.0
/*
 * Several CPUs: finding them, starting them, and asking them to run a
 * function -- Linux's arch/x86/kernel/smpboot.c and kernel/smp.c, shrunk.
 *
 * Finding (smp_prepare_cpus(), before mem_init()).  The MADT (kernel/acpi.c)
 * lists each processor's local APIC id; the boot CPU is CPU 0 whatever its
 * id, the others are numbered in the MADT's order.  Entries that are not
 * enabled are skipped (there is no CPU hotplug: "0 hotplug CPUs"), as are
 * x2APIC ids of 255 and above, which xAPIC mode cannot address, and
 * anything beyond CONFIG_NR_CPUS.  nosmp or maxcpus=N leave CPUs out; they
 * are still listed ("not started").  For each CPU to start, memblock gives
 * a stack with an unmapped guard page below it and a page for its
 * double-fault task; the trampoline gets a page below 1 MiB, because a
 * woken AP starts in real mode at (SIPI vector << 12).
 *
 * Starting (smp_init(), after time_init(): the delays need the TSC).  One
 * CPU at a time, as Linux's do_boot_cpu(): build its GDT (the kernel's
 * segments, its own TSS and double-fault TSS slots, its per-CPU segment),
 * hand it GDT, stack and page tables through ap_boot_*, send INIT, wait
 * 10 ms, send STARTUP twice (300 us and 200 us apart), then wait up to 10 s
 * for it to call in.  The AP runs boot/trampoline.asm, then
 * start_secondary(): its TSS and the IDT (kernel/traps.c), its local APIC,
 * "online", and the idle loop.  A CPU that does not call in is reported as
 * Linux does and left out; if it wakes up later it halts (the token in
 * boot/trampoline.asm).
 *
 * Per-CPU data is a struct pcpu_hot per CPU, reached through %fs (see
 * asm/percpu.h for why %fs rather than an APIC-id lookup).
 *
 * Cross-CPU calls.  Each CPU has one call slot (Linux's call_single_data):
 * a sender claims the target's slot (spinning while another call holds
 * it), fills in the function and argument, and sends the
 * CALL_FUNCTION_SINGLE_VECTOR IPI.  The target runs the function in the
 * interrupt handler, interrupts off, then frees the slot; a sender that
 * waits spins until then.  The other CPUs idle with interrupts on (sti;
 * hlt), so an IPI wakes them.  The boot CPU runs the shell with
 * interrupts off -- the kernel has no interrupt-driven device -- so it
 * takes no IPI: a call aimed at CPU 0 from another CPU is refused
 * (-EDEADLK) rather than left to hang.  A CPU that spins for a slot or a
 * reply runs calls queued for itself meanwhile, so two CPUs calling each
 * other from IPI context do not deadlock.
 */
#include <asm/smp.h>
#include <asm/apic.h>
#include <asm/traps.h>
#include <asm/pgtable.h>
#include <asm/mmu_hooks.h>
#include <asm/irqflags.h>
#include <asm/io.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/acpi.h>
#include <linux/delay.h>
#include <linux/timekeeping.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/params.h>
#include <linux/reboot.h>

#define GDT_ENTRIES		6	/* null, code, data, TSS, #DF TSS, per-CPU */
#define BOOT_GDT_ENTRIES	5	/* boot/entry.asm's gdt_table */
#define AP_STACK_SIZE		(32 * 1024)	/* as the boot stack */
#define AP_BOOT_TIMEOUT_US	10000000	/* Linux waits 10 s for a CPU to call in */
#define XAPIC_MAX_ID		0xfe		/* 0xff is the broadcast id */

struct cpu_info cpu_info[CONFIG_NR_CPUS];
unsigned int nr_cpu_ids = 1;
unsigned int num_online_cpus_count = 1;

static struct pcpu_hot pcpu_hot_area[CONFIG_NR_CPUS] __aligned(64);
static u64 cpu_gdt[CONFIG_NR_CPUS][GDT_ENTRIES] __aligned(64);
static unsigned long ap_df_stack_top[CONFIG_NR_CPUS];
static phys_addr_t trampoline_phys;
static unsigned int setup_max_cpus = CONFIG_NR_CPUS;

/* handed to one booting AP at a time (boot/trampoline.asm) */
struct { u16 limit; u32 base; } __packed ap_boot_gdt_desc;
u32 ap_boot_stack, ap_boot_cr3, ap_boot_token;

extern u64 gdt_table[BOOT_GDT_ENTRIES];		/* boot/entry.asm */
extern pgd_t boot_pgdir[];
extern char boot_stack_bottom[], boot_stack_top[];
extern const u8 trampoline_start[], trampoline_end[];	/* boot/trampoline.asm */
extern u8 tr_gdtr[], tr_far[], tr_cr3[], tr_cr4[], tr_entry[];
extern const u32 tr_pm32_offset, tr_gdt_offset;
extern char startup_ap[];

void __noreturn start_secondary(void);

/* ------------------------------------------------------------ per-CPU segment */

static u64 percpu_descriptor(const struct pcpu_hot *h)
{
	u64 base = (u32)h;

	/* 4 GiB data segment, read/write, DPL 0, based at this CPU's area */
	return 0xffffULL | ((base & 0xffffff) << 16) | (0x92ULL << 40) |
	       (0xfULL << 48) | (0xcULL << 52) | ((base >> 24) << 56);
}

static void load_gdt(u64 *gdt)
{
	struct { u16 limit; u32 base; } __packed d = { GDT_ENTRIES * 8 - 1, (u32)gdt };

	__asm__ __volatile__("lgdt %0" : : "m"(d));
}

void smp_prepare_boot_cpu(void)
{
	struct pcpu_hot *h = &pcpu_hot_area[0];

	h->cpu_number = 0;
	h->stack_lo = (unsigned long)boot_stack_bottom;
	h->stack_hi = (unsigned long)boot_stack_top;
	h->doing = "booting";
	/* trap_init() has filled in the TSS slots: keep them */
	memcpy(cpu_gdt[0], gdt_table, sizeof(gdt_table));
	cpu_gdt[0][GDT_ENTRY_PERCPU] = percpu_descriptor(h);
	load_gdt(cpu_gdt[0]);
	__asm__ __volatile__("mov %w0, %%fs" : : "r"(__KERNEL_PERCPU));
	cpu_info[0].hot = h;
	cpu_info[0].state = CPU_ONLINE;
}

bool smp_current_stack(unsigned long *lo, unsigned long *hi)
{
	u16 fs;

	__asm__ __volatile__("mov %%fs, %0" : "=r"(fs));
	if (fs != __KERNEL_PERCPU)
		return false;
	*lo = this_cpu_read_4(stack_lo);
	*hi = this_cpu_read_4(stack_hi);
	return *hi != 0;
}

bool smp_stack_overflowed(unsigned long sp)
{
	unsigned int cpu;

	for (cpu = 1; cpu < nr_cpu_ids; cpu++) {
		unsigned long lo = pcpu_hot_area[cpu].stack_lo;

		if (lo && sp >= lo - PAGE_SIZE && sp < lo + 64)
			return true;
	}
	return false;
}

/* ------------------------------------------------------------ finding CPUs */

static int cpu_by_apicid(u32 apicid)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu_info[cpu].apicid == apicid)
			return cpu;
	return -1;
}

/* CPUs 1.. from the MADT's enabled entries; returns how many in all */
static unsigned int smp_read_madt(const struct acpi_madt_info *madt)
{
	bool boot_cpu_seen = false;
	unsigned int i;

	for (i = 0; i < madt->nr_cpus; i++) {
		const struct acpi_madt_cpu *c = &madt->cpu[i];

		if (!c->enabled) {
			if (c->online_capable)
				pr_info("smpboot: APIC id %u is online-capable only: not used (no CPU hotplug)\n",
					c->apicid);
			continue;
		}
		if (c->apicid > XAPIC_MAX_ID) {
			pr_warn("APIC: x2APIC id %u cannot be addressed in xAPIC mode, processor ignored\n",
				c->apicid);
			continue;
		}
		if (c->apicid == cpu_info[0].apicid) {
			cpu_info[0].acpi_id = c->acpi_id;
			boot_cpu_seen = true;
			continue;
		}
		if (cpu_by_apicid(c->apicid) >= 0) {
			pr_warn("APIC: APIC id %u listed twice in the MADT, the second ignored\n", c->apicid);
			continue;
		}
		if (nr_cpu_ids == CONFIG_NR_CPUS) {
			pr_warn("APIC: NR_CPUS/possible_cpus limit of %u reached. Processor %u/0x%x ignored.\n",
				CONFIG_NR_CPUS, i, c->apicid);
			continue;
		}
		cpu_info[nr_cpu_ids].apicid = c->apicid;
		cpu_info[nr_cpu_ids].acpi_id = c->acpi_id;
		cpu_info[nr_cpu_ids].state = CPU_PRESENT;
		nr_cpu_ids++;
	}
	if (madt->nr_dropped)
		pr_warn("ACPI: MADT: %u processor entries beyond the first %u ignored\n",
			madt->nr_dropped, ACPI_MADT_MAX_CPUS);
	if (!boot_cpu_seen)
		pr_warn("APIC: the boot CPU's APIC id %u is not an enabled MADT entry\n",
			cpu_info[0].apicid);
	return nr_cpu_ids;
}

/* a page below 1 MiB for the trampoline, and a stack per CPU to start */
static bool smp_reserve_memory(void)
{
	unsigned int cpu;

	memblock_set_current_limit(1 << 20);
	trampoline_phys = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
	memblock_set_current_limit(PFN_PHYS(max_low_pfn));
	if (!trampoline_phys) {
		pr_err("smpboot: no free page below 1 MiB for the real-mode trampoline\n");
		return false;
	}
	pr_info("smpboot: trampoline at [mem 0x%08llx-0x%08llx]\n",
		(unsigned long long)trampoline_phys,
		(unsigned long long)trampoline_phys + PAGE_SIZE - 1);
	for (cpu = 1; cpu < nr_cpu_ids; cpu++) {
		struct pcpu_hot *h = &pcpu_hot_area[cpu];
		/* [double-fault stack][guard page][stack ...] */
		phys_addr_t p;
		unsigned long va;

		if (cpu_info[cpu].state != CPU_PRESENT)
			continue;
		p = memblock_phys_alloc(2 * PAGE_SIZE + AP_STACK_SIZE, PAGE_SIZE);
		if (!p) {
			pr_err("smpboot: no memory for CPU#%u's stack, not started\n", cpu);
			cpu_info[cpu].state = CPU_NOT_STARTED;
			continue;
		}
		va = (unsigned long)__va(p);
		ap_df_stack_top[cpu] = va + PAGE_SIZE;
		arch_clear_kernel_pte(va + PAGE_SIZE);
		arch_flush_tlb_one(va + PAGE_SIZE);
		h->stack_lo = va + 2 * PAGE_SIZE;
		h->stack_hi = h->stack_lo + AP_STACK_SIZE;
	}
	return true;
}

void smp_prepare_cpus(const u8 *rsdp, u32 rsdp_len)
{
	static struct acpi_madt_info madt;	/* 4 KiB: not on the boot stack */
	const u8 *r, *t = NULL;
	unsigned int cpu, n;
	u32 rlen;

	for (cpu = 1; cpu < CONFIG_NR_CPUS; cpu++)
		cpu_info[cpu].hot = &pcpu_hot_area[cpu];
	if (kernel_params.nosmp)
		setup_max_cpus = 0;
	else if (kernel_params.maxcpus >= 0)
		setup_max_cpus = kernel_params.maxcpus;

	r = acpi_find_rsdp(rsdp, rsdp_len, &rlen);
	if (r)
		t = acpi_find_table(r, rlen, "APIC");
	if (!t) {
		pr_info("ACPI: no MADT, only the boot CPU is used\n");
		goto up;
	}
	if (acpi_parse_madt(t, *(const u32 *)(t + 4), &madt) ||
	    !apic_init_mappings(madt.lapic_addr))
		goto up;
	cpu_info[0].apicid = read_apic_id();
	n = smp_read_madt(&madt);
	pr_info("smpboot: Allowing %u CPUs, 0 hotplug CPUs\n", n);
	for (cpu = max(setup_max_cpus, 1u); cpu < n; cpu++)
		cpu_info[cpu].state = CPU_NOT_STARTED;
	if (n > 1 && setup_max_cpus > 1 && !smp_reserve_memory())
		for (cpu = 1; cpu < n; cpu++)
			cpu_info[cpu].state = CPU_NOT_STARTED;
	return;
up:
	pr_info("smpboot: Allowing 1 CPUs, 0 hotplug CPUs\n");
}

/* ------------------------------------------------------------ starting CPUs */

static void setup_trampoline(void)
{
	u8 *tr = __va(trampoline_phys);
	u32 base = (u32)trampoline_phys;
	u32 cr4;

#define TR_FIELD(sym)	((u32 *)(tr + ((sym) - trampoline_start)))
	memcpy(tr, trampoline_start, trampoline_end - trampoline_start);
	*(u32 *)((u8 *)TR_FIELD(tr_gdtr) + 2) = base + tr_gdt_offset;
	*TR_FIELD(tr_far) = base + tr_pm32_offset;
	*TR_FIELD(tr_cr3) = __pa(boot_pgdir);
	__asm__ __volatile__("mov %%cr4, %0" : "=r"(cr4));
	*TR_FIELD(tr_cr4) = cr4;
	*TR_FIELD(tr_entry) = (u32)startup_ap;
#undef TR_FIELD
}

/* Linux's wakeup_secondary_cpu_via_init(), for an integrated APIC */
static int wakeup_secondary_cpu_via_init(u32 apicid, u32 start_eip)
{
	u32 accept = 0;
	int send = 0, j;

	apic_write(APIC_ESR, 0);
	apic_read(APIC_ESR);
	apic_send_ipi(apicid, APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT);
	apic_wait_icr_idle();
	mdelay(10);
	apic_send_ipi(apicid, APIC_INT_LEVELTRIG | APIC_DM_INIT);
	apic_wait_icr_idle();
	for (j = 1; j <= 2; j++) {
		apic_write(APIC_ESR, 0);
		apic_read(APIC_ESR);
		apic_send_ipi(apicid, APIC_DM_STARTUP | (start_eip >> 12));
		udelay(300);
		send = apic_wait_icr_idle();
		udelay(200);
		apic_write(APIC_ESR, 0);
		accept = apic_read(APIC_ESR) & 0xEF;
		if (send || accept)
			break;
	}
	if (send)
		pr_err("APIC: CPU with APIC id %u: STARTUP IPI not delivered\n", apicid);
	if (accept)
		pr_err("APIC: CPU with APIC id %u: APIC error 0x%x on STARTUP\n", apicid, accept);
	return send || accept ? -1 : 0;
}

static int do_boot_cpu(unsigned int cpu)
{
	struct pcpu_hot *h = &pcpu_hot_area[cpu];
	u64 *gdt = cpu_gdt[cpu];
	enum cpu_state booting = CPU_BOOTING;
	unsigned int us;

	h->cpu_number = cpu;
	h->doing = "booting";
	memcpy(gdt, cpu_gdt[0], 3 * sizeof(u64));	/* null, kernel code, kernel data */
	gdt[GDT_ENTRY_PERCPU] = percpu_descriptor(h);
	ap_boot_gdt_desc.limit = GDT_ENTRIES * 8 - 1;
	ap_boot_gdt_desc.base = (u32)gdt;
	ap_boot_stack = h->stack_hi;
	ap_boot_cr3 = __pa(swapper_pg_dir);
	__atomic_store_n(&cpu_info[cpu].state, CPU_BOOTING, __ATOMIC_RELEASE);
	__atomic_store_n(&ap_boot_token, cpu + 1, __ATOMIC_RELEASE);

	if (!wakeup_secondary_cpu_via_init(cpu_info[cpu].apicid, trampoline_phys)) {
		/* by the clock: under emulation a udelay() can overshoot many times */
		u64 t0 = ktime_get_ns();

		for (us = 0; ; us += 100) {
			if (cpu_online(cpu))
				return 0;
			if (t0 ? ktime_get_ns() - t0 >= AP_BOOT_TIMEOUT_US * 1000ULL :
				 us >= AP_BOOT_TIMEOUT_US)
				break;
			udelay(100);
		}
	}
	/* take the token back: if the AP had not claimed it, it never will */
	__atomic_exchange_n(&ap_boot_token, 0, __ATOMIC_ACQ_REL);
	if (!__atomic_compare_exchange_n(&cpu_info[cpu].state, &booting, CPU_FAILED, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return 0;	/* it called in at the last moment */
	pr_cont("\n");		/* end the node line: the report stands on its own */
	pr_err("smpboot: do_boot_cpu failed(-1) to wakeup CPU#%u\n", cpu);
	return -1;
}

static unsigned int num_digits(unsigned int n)
{
	unsigned int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

void smp_init(void)
{
	unsigned int cpu, width = num_digits(nr_cpu_ids) + 1, left_out = 0;
	bool announced = false;

	pr_info("smp: Bringing up secondary CPUs ...\n");
	if (apic_present())
		apic_setup_local(true);
	for (cpu = 1; cpu < nr_cpu_ids; cpu++) {
		if (cpu_info[cpu].state != CPU_PRESENT)
			continue;
		if (!announced) {
			setup_trampoline();
			pr_info("x86: Booting SMP configuration:\n");
			pr_info(".... node  #0, CPUs:  ");
			announced = true;
		}
		if (cpu == 1)
			pr_cont("%*s", width + 1, " ");
		pr_cont("%*s#%u", width - num_digits(cpu), " ", cpu);
		do_boot_cpu(cpu);
	}
	if (announced)
		pr_cont("\n");
	for (cpu = 1; cpu < nr_cpu_ids; cpu++)
		if (cpu_info[cpu].state == CPU_NOT_STARTED)
			left_out++;
	if (left_out && kernel_params.nosmp)
		pr_info("smp: %u CPU%s not started (nosmp)\n", left_out, left_out > 1 ? "s" : "");
	else if (left_out && setup_max_cpus < nr_cpu_ids)
		pr_info("smp: %u CPU%s not started (maxcpus=%u)\n", left_out, left_out > 1 ? "s" : "",
			setup_max_cpus);
	else if (left_out)
		pr_info("smp: %u CPU%s not started (see above)\n", left_out, left_out > 1 ? "s" : "");
	smp_set_doing("shell");
	pr_info("smp: Brought up 1 node, %u CPU%s\n", num_online_cpus(),
		num_online_cpus() > 1 ? "s" : "");
}

static void __noreturn cpu_idle(void)
{
	for (;;) {
		/* sti's one-instruction shadow: no IPI slips in between sti and hlt */
		__asm__ __volatile__("sti; hlt; cli" : : : "memory");
	}
}

void start_secondary(void)
{
	unsigned int cpu = raw_smp_processor_id();
	enum cpu_state booting = CPU_BOOTING;

	trap_init_ap(cpu, cpu_gdt[cpu], ap_df_stack_top[cpu]);
	apic_setup_local(false);
	smp_set_doing("idle");
	__atomic_fetch_add(&num_online_cpus_count, 1, __ATOMIC_ACQ_REL);
	if (!__atomic_compare_exchange_n(&cpu_info[cpu].state, &booting, CPU_ONLINE, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		/* the boot CPU gave up on us: stay out of the way */
		__atomic_fetch_sub(&num_online_cpus_count, 1, __ATOMIC_ACQ_REL);
		machine_halt();
	}
	cpu_idle();
}

/* ------------------------------------------------------------ cross-CPU calls */

struct call_single_data {
	smp_call_func_t func;
	void *info;
	int locked;	/* 1 from a sender's claim until the target has run func */
	int queued;	/* 1 from the IPI until the target takes func and info */
} __aligned(64);

static struct call_single_data csd[CONFIG_NR_CPUS];

/* run the call queued for this CPU, if any; interrupts are off */
static void flush_call_single(void)
{
	struct call_single_data *d = &csd[raw_smp_processor_id()];
	const char *was = (const char *)this_cpu_read_4(doing);
	smp_call_func_t func;
	void *info;

	if (!__atomic_load_n(&d->queued, __ATOMIC_ACQUIRE))
		return;
	func = d->func;
	info = d->info;
	__atomic_store_n(&d->queued, 0, __ATOMIC_RELAXED);
	smp_set_doing("call");
	this_cpu_write_4(doing_fn, func);
	func(info);
	this_cpu_write_4(doing_fn, NULL);
	smp_set_doing(was);
	__atomic_store_n(&d->locked, 0, __ATOMIC_RELEASE);
}

bool smp_handle_interrupt(unsigned int vector)
{
	if (vector == SPURIOUS_APIC_VECTOR && apic_present())
		return true;	/* never acknowledged, as the SDM says */
	if (vector != CALL_FUNCTION_SINGLE_VECTOR || !apic_present())
		return false;
	apic_eoi();
	flush_call_single();
	return true;
}

static void csd_wait(unsigned int cpu)
{
	while (__atomic_load_n(&csd[cpu].locked, __ATOMIC_ACQUIRE)) {
		flush_call_single();
		cpu_relax();
	}
}

static int csd_send(unsigned int cpu, smp_call_func_t func, void *info)
{
	struct call_single_data *d = &csd[cpu];
	unsigned long flags;
	int free = 0;

	if (!cpu_online(cpu))
		return -ENXIO;
	if (cpu == 0) {
		pr_warn("smp: CPU%u asked CPU0 to run %pS: CPU0 takes no IPI (interrupts off in the shell)\n",
			raw_smp_processor_id(), func);
		return -EDEADLK;
	}
	flags = arch_local_irq_save();
	while (!__atomic_compare_exchange_n(&d->locked, &free, 1, false,
					    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		free = 0;
		flush_call_single();
		cpu_relax();
	}
	d->func = func;
	d->info = info;
	__atomic_store_n(&d->queued, 1, __ATOMIC_RELEASE);
	apic_send_ipi(cpu_info[cpu].apicid, APIC_DM_FIXED | CALL_FUNCTION_SINGLE_VECTOR);
	arch_local_irq_restore(flags);
	return 0;
}

int smp_call_function_single(unsigned int cpu, smp_call_func_t func, void *info, bool wait)
{
	unsigned long flags;
	int err;

	if (cpu == raw_smp_processor_id()) {
		flags = arch_local_irq_save();
		func(info);
		arch_local_irq_restore(flags);
		return 0;
	}
	err = csd_send(cpu, func, info);
	if (!err && wait)
		csd_wait(cpu);
	return err;
}

void on_each_cpu(smp_call_func_t func, void *info, bool wait)
{
	unsigned int cpu, me = raw_smp_processor_id();
	bool sent[CONFIG_NR_CPUS] = { false };
	unsigned long flags;

	for_each_online_cpu(cpu)
		if (cpu != me)
			sent[cpu] = !csd_send(cpu, func, info);
	flags = arch_local_irq_save();
	func(info);
	arch_local_irq_restore(flags);
	if (wait)
		for (cpu = 0; cpu < nr_cpu_ids; cpu++)
			if (sent[cpu])
				csd_wait(cpu);
}
