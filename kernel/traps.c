// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions: the IDT, the reports, and the double-fault task.
 *
 * Every one of the 256 vectors enters through a stub in boot/isr.asm that
 * builds a struct pt_regs and calls do_trap().  Vectors 0-31 are CPU
 * exceptions; the kernel has no user space and no way to recover, so each
 * one is reported (Linux's "Oops" in spirit) and ends in panic():
 *
 *   Oops: page fault (#PF) error_code 0x0002 [write, not-present page]
 *   EIP: 0008:c0104a2e start_kernel+0x3e/0x1c0
 *   CR2: 00000000 -- NULL pointer dereference
 *   EAX: ... (registers, CR0/CR3/CR4)
 *   Call Trace:
 *    [<c0104a2e>] start_kernel+0x3e/0x1c0
 *
 * The CR2 line says what lives at the faulting address, because with
 * debug_pagealloc and kmap most page faults point at a specific mistake:
 * a free page touched through the direct map, a kmap address used after
 * kunmap, a kmap_atomic slot used after kunmap_atomic, a HighMem page used
 * through __va().
 *
 * A die hook (set_die_hook) sees the fault after the report and may claim
 * it: the self-tests use that to provoke faults on purpose.
 *
 * Double fault (#DF) goes through a task gate instead of the stub: if the
 * kernel stack overflowed into its guard page, pushing an exception frame
 * faults again and only a switch to a fresh stack (a hardware task switch
 * on i386) can still report anything.  The CPU saves the faulting context
 * in the boot task's TSS, which the #DF task then prints.
 *
 * Vectors 32-255 are not expected (the 8259 PICs are remapped to 32-47 and
 * fully masked, interrupts stay off): they are reported once each and
 * ignored.
 */
#include <asm/traps.h>
#include <asm/io.h>
#include <asm/pgtable.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/stacktrace.h>

#define KERNEL_CS	0x08
#define KERNEL_DS	0x10
#define BOOT_TSS_SEL	0x18
#define DF_TSS_SEL	0x20

struct idt_entry {
	u16 offset_lo;
	u16 selector;
	u8 zero;
	u8 type_attr;		/* 0x8E: present interrupt gate; 0x85: task gate */
	u16 offset_hi;
} __packed;

struct tss {
	u16 link, _r0;
	u32 esp0;
	u16 ss0, _r1;
	u32 esp1;
	u16 ss1, _r2;
	u32 esp2;
	u16 ss2, _r3;
	u32 cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u16 es, _r4, cs, _r5, ss, _r6, ds, _r7, fs, _r8, gs, _r9, ldt, _r10;
	u16 trap, iomap_base;
} __packed;

BUILD_BUG_ON(sizeof(struct idt_entry) != 8);
BUILD_BUG_ON(sizeof(struct tss) != 104);

extern u64 gdt_table[];				/* boot/entry.asm */
extern const u32 isr_stub_table[256];		/* boot/isr.asm */
extern char boot_stack_guard[], boot_stack_bottom[], boot_stack_top[];

static struct idt_entry idt[256] __aligned(8);
static struct tss boot_tss, df_tss;
static u8 df_stack[4096] __aligned(16);

static die_hook_t die_hook;
static int trap_depth;		/* > 0 while reporting an exception */
unsigned int nr_exceptions;

static const char *const exception_names[32] = {
	[0] = "divide error (#DE)",
	[1] = "debug (#DB)",
	[2] = "non-maskable interrupt (NMI)",
	[3] = "breakpoint (#BP)",
	[4] = "overflow (#OF)",
	[5] = "bound range exceeded (#BR)",
	[6] = "invalid opcode (#UD)",
	[7] = "device not available (#NM)",
	[8] = "double fault (#DF)",
	[9] = "coprocessor segment overrun",
	[10] = "invalid TSS (#TS)",
	[11] = "segment not present (#NP)",
	[12] = "stack-segment fault (#SS)",
	[13] = "general protection fault (#GP)",
	[14] = "page fault (#PF)",
	[15] = "reserved vector 15",
	[16] = "x87 floating-point error (#MF)",
	[17] = "alignment check (#AC)",
	[18] = "machine check (#MC)",
	[19] = "SIMD floating-point exception (#XM)",
	[20] = "virtualization exception (#VE)",
	[21] = "control protection exception (#CP)",
	[22 ... 27] = "reserved vector",
	[28] = "hypervisor injection exception (#HV)",
	[29] = "VMM communication exception (#VC)",
	[30] = "security exception (#SX)",
	[31] = "reserved vector 31",
};

void set_die_hook(die_hook_t hook)
{
	die_hook = hook;
}

/* ------------------------------------------------------------ stack traces */

static bool on_stack(unsigned long addr, unsigned long bytes)
{
	unsigned long lo = (unsigned long)boot_stack_bottom, hi = (unsigned long)boot_stack_top;

	if (addr >= lo && addr + bytes <= hi)
		return true;
	if (smp_current_stack(&lo, &hi) && addr >= lo && addr + bytes <= hi)
		return true;
	lo = (unsigned long)df_stack;
	hi = lo + sizeof(df_stack);
	return addr >= lo && addr + bytes <= hi;
}

static void print_trace_entry(unsigned long ip)
{
	printk(KERN_EMERG " [<%08lx>] %pS\n", ip, (void *)ip);
}

/*
 * Each frame built with -fno-omit-frame-pointer starts "push %ebp; mov
 * %esp, %ebp", so [bp] is the caller's frame and [bp+4] our return address.
 * Stop at a NULL frame (entry.asm clears %ebp), at anything outside the
 * stacks, and if frames stop going up.
 */
static void walk_stack(unsigned long bp)
{
	int depth;

	for (depth = 0; bp && depth < 32; depth++) {
		unsigned long next, ret;

		if ((bp & 3) || !on_stack(bp, 8)) {
			printk(KERN_EMERG " (frame pointer %08lx is not on the kernel stack)\n", bp);
			return;
		}
		next = ((unsigned long *)bp)[0];
		ret = ((unsigned long *)bp)[1];
		if (!ret)
			break;
		print_trace_entry(ret);
		if (next && next <= bp) {
			printk(KERN_EMERG " (frame chain goes down at %08lx, stopping)\n", next);
			return;
		}
		bp = next;
	}
}

/* <linux/stacktrace.h>: the same walk, into an array (page_owner) */
noinline unsigned int stack_trace_save(unsigned long *store, unsigned int size,
				       unsigned int skipnr)
{
	unsigned long bp = (unsigned long)__builtin_frame_address(0);
	unsigned int n = 0, depth;

	for (depth = 0; bp && depth < 32 && n < size; depth++) {
		unsigned long next, ret;

		if ((bp & 3) || !on_stack(bp, 8))
			break;
		next = ((unsigned long *)bp)[0];
		ret = ((unsigned long *)bp)[1];
		if (!ret)
			break;
		if (skipnr)
			skipnr--;
		else
			store[n++] = ret;
		if (next && next <= bp)
			break;
		bp = next;
	}
	return n;
}

void show_stack_bp(unsigned long bp)
{
	printk(KERN_EMERG "Call Trace:\n");
	walk_stack(bp);
}

noinline void dump_stack(void)
{
	show_stack_bp((unsigned long)__builtin_frame_address(0));
}

/* ------------------------------------------------------------ reports */

/* what lies at a faulting kernel address, in the terms of include/asm/pgtable_32_areas.h */
static void explain_address(unsigned long addr, u32 error_code, char *buf, size_t len)
{
	unsigned long lowmem_end = paging_done() ? (unsigned long)high_memory : PAGE_OFFSET + MAXMEM;
	bool present = error_code & X86_PF_PROT;

	if (addr < PAGE_SIZE)
		scnprintf(buf, len, "NULL pointer dereference");
	else if (addr < PAGE_OFFSET)
		scnprintf(buf, len, "below PAGE_OFFSET: there is no user space, nothing is mapped there");
	else if (addr >= (unsigned long)boot_stack_guard && addr < (unsigned long)boot_stack_bottom)
		scnprintf(buf, len, "kernel stack overflow (guard page below the boot stack)");
	else if (addr < lowmem_end && present)
		scnprintf(buf, len, "protection fault on a present direct-map page (pfn %lu)",
			  (addr - PAGE_OFFSET) >> PAGE_SHIFT);
	else if (addr < lowmem_end)
		scnprintf(buf, len, "pfn %lu unmapped: use-after-free? (debug_pagealloc)",
			  (addr - PAGE_OFFSET) >> PAGE_SHIFT);
	else if (paging_done() && addr < VMALLOC_START)
		scnprintf(buf, len, "above the direct map (high_memory %08lx): a HighMem page used through __va()?",
			  lowmem_end);
	else if (paging_done() && addr < VMALLOC_END)
		scnprintf(buf, len, "ioremap/vmalloc area, nothing mapped there");
	else if (addr >= PKMAP_BASE && addr < PKMAP_END)
		scnprintf(buf, len, "PKMAP window slot %lu: stale kmap address (used after kunmap?)",
			  PKMAP_NR(addr));
	else if (addr >= FIXADDR_START && addr < FIXADDR_TOP)
		scnprintf(buf, len, "fixmap slot %lu: stale kmap_atomic/kmap_local address (used after kunmap_atomic/kunmap_local?)",
			  __virt_to_fix(addr));
	else
		scnprintf(buf, len, "unmapped kernel address");
}

static void show_regs(const struct pt_regs *regs, unsigned long sp)
{
	unsigned long cr0, cr3 = read_cr3(), cr4;

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(cr0));
	__asm__ __volatile__("mov %%cr4, %0" : "=r"(cr4));
	printk(KERN_EMERG "EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n",
	       regs->ax, regs->bx, regs->cx, regs->dx);
	printk(KERN_EMERG "ESI: %08x EDI: %08x EBP: %08x ESP: %08lx\n",
	       regs->si, regs->di, regs->bp, sp);
	printk(KERN_EMERG "DS: %04x ES: %04x FS: %04x GS: %04x EFLAGS: %08x\n",
	       regs->ds & 0xffff, regs->es & 0xffff, regs->fs & 0xffff, regs->gs & 0xffff, regs->flags);
	printk(KERN_EMERG "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       cr0, read_cr2(), cr3, cr4);
}

static void report_exception(const struct pt_regs *regs, unsigned long cr2)
{
	unsigned long offset;
	char why[160];

	if (regs->trapnr == X86_TRAP_PF) {
		u32 e = regs->error_code;

		printk(KERN_EMERG "Oops: %s error_code 0x%04x [%s, %s%s%s]\n",
		       exception_names[regs->trapnr], e,
		       e & X86_PF_WRITE ? "write" : (e & X86_PF_INSTR ? "instruction fetch" : "read"),
		       e & X86_PF_PROT ? "protection violation" : "not-present page",
		       e & X86_PF_RSVD ? ", reserved bit set" : "",
		       e & X86_PF_USER ? ", user mode" : "");
	} else {
		printk(KERN_EMERG "Oops: %s error_code 0x%04x\n",
		       exception_names[regs->trapnr], regs->error_code);
	}
	printk(KERN_EMERG "EIP: %04x:%08x %pS\n", regs->cs & 0xffff, regs->ip, (void *)regs->ip);
	if (regs->trapnr == X86_TRAP_PF) {
		explain_address(cr2, regs->error_code, why, sizeof(why));
		printk(KERN_EMERG "CR2: %08lx -- %s\n", cr2, why);
	}
	show_regs(regs, regs_sp(regs));
	printk(KERN_EMERG "Call Trace:\n");
	print_trace_entry(regs->ip);
	/*
	 * A fault on a function's first instruction ("push %ebp", not yet
	 * done) leaves %ebp at the caller's frame: the return address is on
	 * top of the stack and would be missing from the frame walk.
	 */
	if (kallsyms_lookup(regs->ip, NULL, &offset) && offset == 0 &&
	    on_stack(regs_sp(regs), 4))
		print_trace_entry(*(unsigned long *)regs_sp(regs));
	walk_stack(regs->bp);
}

static void unexpected_interrupt(struct pt_regs *regs)
{
	static u8 seen[256 / 8];
	u32 v = regs->trapnr;

	if (v >= 32 && v < 48) {
		/* a spurious IRQ 7/15 must not be acknowledged */
		if (v >= 40)
			outb(0x20, 0xA0);
		outb(0x20, 0x20);
	}
	if (seen[v / 8] & (1 << (v % 8)))
		return;
	seen[v / 8] |= 1 << (v % 8);
	printk(KERN_WARNING "traps: unexpected interrupt vector %u at %pS, ignored\n",
	       v, (void *)regs->ip);
}

void do_trap(struct pt_regs *regs);

void do_trap(struct pt_regs *regs)
{
	unsigned long cr2 = read_cr2();

	if (regs->trapnr == 2 && tlb_flush_nmi())
		return;			/* a TLB shootdown (kernel/tlb.c), not an error */
	if (regs->trapnr >= 32) {
		if (smp_handle_interrupt(regs->trapnr))
			return;
		unexpected_interrupt(regs);
		return;
	}
	nr_exceptions++;
	if (++trap_depth > 1) {
		/* the report itself faulted: say the least that is still useful */
		if (trap_depth == 2) {
			printk(KERN_EMERG "Oops: nested %s at %08x (CR2 %08lx) while reporting an exception\n",
			       exception_names[regs->trapnr], regs->ip, cr2);
			panic("nested exception");
		}
		machine_halt();
	}
	report_exception(regs, cr2);
	trap_depth--;
	if (die_hook && die_hook(regs, cr2))
		return;
	trap_depth++;
	panic("Fatal exception: %s", exception_names[regs->trapnr]);
}

/* ------------------------------------------------------------ double fault */

/* the TSS a GDT selector points to, in the GDT this CPU has loaded */
static struct tss *tss_of_selector(u16 sel)
{
	struct { u16 limit; u32 base; } __packed gdtr;
	u64 d;

	__asm__ __volatile__("sgdt %0" : "=m"(gdtr));
	d = ((const u64 *)gdtr.base)[sel / 8];
	return (struct tss *)(unsigned long)(((d >> 16) & 0xffffff) | ((d >> 56) << 24));
}

static void __noreturn double_fault_task(void)
{
	u16 self;
	const struct tss *t;
	char why[160];
	unsigned long cr2 = read_cr2();

	/* the task switch left the faulting task's selector in our TSS's back link */
	__asm__ __volatile__("str %0" : "=r"(self));
	t = tss_of_selector(tss_of_selector(self)->link);
	trap_depth++;
	nr_exceptions++;
	printk(KERN_EMERG "Oops: double fault (#DF), handled on its own stack\n");
	printk(KERN_EMERG "EIP: %04x:%08x %pS\n", t->cs, t->eip, (void *)t->eip);
	explain_address(cr2, 0, why, sizeof(why));
	printk(KERN_EMERG "CR2: %08lx -- %s\n", cr2, why);
	printk(KERN_EMERG "EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n", t->eax, t->ebx, t->ecx, t->edx);
	printk(KERN_EMERG "ESI: %08x EDI: %08x EBP: %08x ESP: %08x\n", t->esi, t->edi, t->ebp, t->esp);
	if ((t->esp >= (u32)boot_stack_guard && t->esp < (u32)boot_stack_bottom + 64) ||
	    smp_stack_overflowed(t->esp))
		printk(KERN_EMERG "ESP is at the bottom of the boot stack: kernel stack overflow\n");
	printk(KERN_EMERG "Call Trace:\n");
	print_trace_entry(t->eip);
	walk_stack(t->ebp);
	panic("Fatal exception: double fault");
}

/* the #DF task must see the same page tables as the kernel */
void trap_set_cr3(unsigned long cr3)
{
	df_tss.cr3 = cr3;
}

/* ------------------------------------------------------------ setup */

static void set_gate(unsigned int vec, u32 handler, u8 type_attr, u16 sel)
{
	idt[vec].offset_lo = handler & 0xffff;
	idt[vec].offset_hi = handler >> 16;
	idt[vec].selector = sel;
	idt[vec].zero = 0;
	idt[vec].type_attr = type_attr;
}

static u64 tss_descriptor(const struct tss *t)
{
	u64 base = (u32)t, limit = sizeof(*t) - 1;

	return (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) |
	       (((limit >> 16) & 0xf) << 48) | ((base >> 24) << 56);
}

/*
 * Another CPU's tasks (kernel/smp.c's start_secondary(), on that CPU): its
 * own TSS and double-fault TSS in its own GDT @gdt, the double-fault task
 * on @df_stack_top; then the shared IDT.  The page tables are the ones
 * this CPU runs on now (swapper_pg_dir).
 */
void trap_init_ap(unsigned int cpu, u64 *gdt, unsigned long df_stack_top)
{
	static struct tss ap_tss[CONFIG_NR_CPUS], ap_df_tss[CONFIG_NR_CPUS];
	static struct { u16 limit; u32 base; } __packed idtr;
	struct tss *t = &ap_tss[cpu], *df = &ap_df_tss[cpu];

	t->ss0 = KERNEL_DS;
	t->esp0 = this_cpu_read_4(stack_hi);
	t->iomap_base = sizeof(struct tss);
	gdt[BOOT_TSS_SEL / 8] = tss_descriptor(t);

	df->eip = (u32)double_fault_task;
	df->esp = df_stack_top - 16;
	df->cr3 = read_cr3();
	df->eflags = 0x2;
	df->cs = KERNEL_CS;
	df->ds = df->es = df->gs = df->ss = KERNEL_DS;
	df->fs = __KERNEL_PERCPU;
	df->iomap_base = sizeof(struct tss);
	gdt[DF_TSS_SEL / 8] = tss_descriptor(df);
	__asm__ __volatile__("ltr %w0" : : "r"(BOOT_TSS_SEL));

	idtr.limit = sizeof(idt) - 1;
	idtr.base = (u32)idt;
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

/* remap the 8259s to 32-47 so IRQs cannot pose as exceptions, then mask all */
static void pic_init(void)
{
	outb(0x11, 0x20); io_delay();
	outb(0x11, 0xA0); io_delay();
	outb(0x20, 0x21); io_delay();	/* master vector base */
	outb(0x28, 0xA1); io_delay();	/* slave vector base */
	outb(0x04, 0x21); io_delay();	/* slave on IRQ2 */
	outb(0x02, 0xA1); io_delay();
	outb(0x01, 0x21); io_delay();	/* 8086 mode */
	outb(0x01, 0xA1); io_delay();
	outb(0xFF, 0x21);
	outb(0xFF, 0xA1);
}

void trap_init(void)
{
	static struct { u16 limit; u32 base; } __packed idtr;
	unsigned int v;

	for (v = 0; v < 256; v++)
		set_gate(v, isr_stub_table[v], 0x8E, KERNEL_CS);

	/* the boot task: where the CPU stores our state on the #DF task switch */
	boot_tss.ss0 = KERNEL_DS;
	boot_tss.esp0 = (u32)boot_stack_top;
	boot_tss.iomap_base = sizeof(struct tss);
	gdt_table[BOOT_TSS_SEL / 8] = tss_descriptor(&boot_tss);

	df_tss.eip = (u32)double_fault_task;
	df_tss.esp = (u32)df_stack + sizeof(df_stack) - 16;
	df_tss.ebp = 0;
	df_tss.cr3 = read_cr3();
	df_tss.eflags = 0x2;		/* interrupts off */
	df_tss.cs = KERNEL_CS;
	df_tss.ds = df_tss.es = df_tss.fs = df_tss.gs = df_tss.ss = KERNEL_DS;
	df_tss.iomap_base = sizeof(struct tss);
	gdt_table[DF_TSS_SEL / 8] = tss_descriptor(&df_tss);
	__asm__ __volatile__("ltr %w0" : : "r"(BOOT_TSS_SEL));
	set_gate(X86_TRAP_DF, 0, 0x85, DF_TSS_SEL);

	idtr.limit = sizeof(idt) - 1;
	idtr.base = (u32)idt;
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
	pic_init();
}
