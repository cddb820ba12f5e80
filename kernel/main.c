// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the boot sequence, from the first C instruction to the
 * shell.  boot/entry.asm arrives here on the boot page tables, on the boot
 * stack, interrupts off, with the loader's magic and the physical address
 * of its information.
 *
 * The order matters and each step says what it needs:
 *   1. serial console first, so that everything after can be seen;
 *   2. traps, so that a mistake in anything after is reported, not a reset;
 *      then CPU 0's per-CPU segment (%fs), which every spinlock reads;
 *   3. the Multiboot information -> struct boot_info (plain data; a
 *      Multiboot v1 boot is first rewritten as Multiboot2 tags here, so
 *      one validated parser reads both);
 *   4. the command line -> struct kernel_params; loglevel/quiet at once;
 *   5. setup_arch(): e820 table, memblock, max_pfn/max_low_pfn/zones;
 *   6. paging_init(): the final page tables (needs memblock and
 *      max_low_pfn); the screen console can now ioremap its framebuffer;
 *      ACPI; the MADT's CPUs, and memblock reservations for their start;
 *   7. free_area_init() + mem_init(): struct pages, zones, buddy lists;
 *   8. kmap_init(): HighMem mappings;
 *   9. time, the other CPUs, then the ready line the QEMU harness waits for;
 *  10. self-tests if asked; 11. the shell, for ever.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/console.h>
#include <linux/bootinfo.h>
#include <linux/params.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/timekeeping.h>
#include <linux/boottime.h>
#include <linux/reboot.h>
#include <linux/screen.h>
#include <linux/selftest.h>
#include <linux/bench.h>
#include <linux/shell.h>
#include <linux/slab.h>
#include <asm/setup.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <asm/smp.h>

#define MB2_BOOTLOADER_MAGIC	0x36D76289
#define MB1_BOOTLOADER_MAGIC	0x2BADB002
#define MB_INFO_BUF_SIZE	(128 * 1024)	/* boot/entry.asm */

#ifndef ORDERLY_VERSION
#define ORDERLY_VERSION "0.1"
#endif

extern u8 mb_info_buf[MB_INFO_BUF_SIZE];	/* boot/entry.asm: the copied MB2 info */
extern u32 mb_info_len;				/* bytes copied, 0 if not */

struct boot_info boot_info;

void __noreturn start_kernel(u32 magic, u32 mbi_phys);

/* ------------------------------------------------- Multiboot v1 -> v2 tags */

/*
 * Multiboot v1 information (QEMU -kernel, GRUB's legacy "multiboot"): a
 * fixed structure with pointers to the command line, loader name and
 * memory map wherever the loader put them.  We rewrite it into Multiboot2
 * tags in mb_info_buf (1 cmdline, 2 loader name, 4 basic meminfo, 6 mmap),
 * and multiboot2_parse() validates and reads those like any GRUB boot.
 * Pointers are followed only below the early direct map (896 MiB) and
 * every length is bounded.
 */
struct mb1_info {
	u32 flags;
	u32 mem_lower, mem_upper;		/* flags bit 0, KiB */
	u32 boot_device;
	u32 cmdline;				/* bit 2 */
	u32 mods_count, mods_addr;
	u32 syms[4];
	u32 mmap_length, mmap_addr;		/* bit 6 */
	u32 drives_length, drives_addr;
	u32 config_table;
	u32 boot_loader_name;			/* bit 9 */
} __packed;

struct mb1_mmap_entry {
	u32 size;				/* of the rest of the entry */
	u64 addr, len;
	u32 type;
} __packed;

struct mb2_writer {
	u8 *buf;
	u32 len, cap;
	bool overflow;
};

static void *mb2_tag(struct mb2_writer *w, u32 type, u32 size)
{
	u32 *tag;

	if (w->len + ALIGN(size, 8) > w->cap) {
		w->overflow = true;
		return NULL;
	}
	tag = (u32 *)(w->buf + w->len);
	memset(tag, 0, ALIGN(size, 8));
	tag[0] = type;
	tag[1] = size;
	w->len += ALIGN(size, 8);
	return tag;
}

static bool early_mapped(u32 phys, u32 len)
{
	return phys && (u64)phys + len <= MAXMEM;
}

/*
 * @skip_word: a Multiboot v1 command line starts with the kernel's own
 * file name (GRUB legacy and QEMU both do this); Multiboot2's does not.
 */
static void mb2_string_tag(struct mb2_writer *w, u32 type, u32 phys, bool skip_word)
{
	const char *s;
	size_t n;
	u32 *tag;

	if (!early_mapped(phys, 1))
		return;
	s = __va(phys);
	n = strnlen(s, min_t(u64, 4096, MAXMEM - phys));
	if (skip_word) {
		while (n && *s != ' ')
			s++, n--;
		while (n && *s == ' ')
			s++, n--;
	}
	tag = mb2_tag(w, type, 8 + n + 1);
	if (tag)
		memcpy(tag + 2, s, n);		/* NUL from mb2_tag's memset */
}

/* returns the length of the Multiboot2 image written to mb_info_buf */
static u32 mb1_to_mb2(u32 mbi_phys)
{
	struct mb2_writer w = { .buf = mb_info_buf, .len = 8, .cap = MB_INFO_BUF_SIZE };
	const struct mb1_info *mb1;
	u32 *tag;

	if (!early_mapped(mbi_phys, sizeof(*mb1))) {
		pr_err("multiboot1: information at 0x%x is out of reach, ignored\n", mbi_phys);
		return 0;
	}
	mb1 = __va(mbi_phys);
	if (mb1->flags & (1 << 2))
		mb2_string_tag(&w, 1, mb1->cmdline, true);
	if (mb1->flags & (1 << 9))
		mb2_string_tag(&w, 2, mb1->boot_loader_name, false);
	if (mb1->flags & (1 << 0)) {
		tag = mb2_tag(&w, 4, 16);
		if (tag) {
			tag[2] = mb1->mem_lower;
			tag[3] = mb1->mem_upper;
		}
	}
	if ((mb1->flags & (1 << 6)) && early_mapped(mb1->mmap_addr, mb1->mmap_length)) {
		u32 off = 0, n = 0, max = mb1->mmap_length / 24 + 1;
		const u8 *p = __va(mb1->mmap_addr);
		u64 *e;

		/* at most one 24-byte MB2 entry per 24 bytes of MB1 map (entries are >= 24) */
		tag = mb2_tag(&w, 6, 16 + max * 24);
		if (tag) {
			tag[2] = 24;		/* entry_size */
			tag[3] = 0;		/* entry_version */
			e = (u64 *)(tag + 4);
			while (off + 4 <= mb1->mmap_length) {
				const struct mb1_mmap_entry *m = (const void *)(p + off);

				if (m->size < 20 || off + 4 + m->size > mb1->mmap_length) {
					pr_err("multiboot1: bad mmap entry at offset %u (size %u), map cut there\n",
					       off, m->size);
					break;
				}
				e[0] = m->addr;
				e[1] = m->len;
				e[2] = m->type;		/* type + reserved 0 */
				e += 3;
				n++;
				off += 4 + m->size;
			}
			/* shrink the tag to the entries written */
			w.len -= ALIGN(16 + max * 24, 8) - ALIGN(16 + n * 24, 8);
			tag[1] = 16 + n * 24;
		}
	}
	mb2_tag(&w, 0, 8);			/* end tag */
	if (w.overflow)
		pr_err("multiboot1: information too large for the %u KiB buffer, truncated\n",
		       MB_INFO_BUF_SIZE >> 10);
	((u32 *)mb_info_buf)[0] = w.len;
	((u32 *)mb_info_buf)[1] = 0;
	return w.len;
}

/* ------------------------------------------------------------ start_kernel */

static void apply_loglevel(const struct kernel_params *kp)
{
	if (kp->quiet)
		console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	if (kp->loglevel >= 0)
		console_loglevel = kp->loglevel;
}

void start_kernel(u32 magic, u32 mbi_phys)
{
	const void *mbi = NULL;
	size_t mbi_len = 0;
	u64 ns;

	boot_mark_start();

	/* 1. the serial console, and the banner */
	serial_init();		/* no UART: the screen console (6.) replays the log */
	pr_notice("Orderly version " ORDERLY_VERSION " (i686, built " __DATE__ " " __TIME__
		  "): Linux's page allocator on bare metal\n");

	/* 2. exceptions are reported from here on */
	trap_init();
	smp_prepare_boot_cpu();		/* %fs: per-CPU data, before any spinlock */

	/* 3. the boot loader's information */
	if (magic == MB1_BOOTLOADER_MAGIC) {
		pr_info("boot: Multiboot v1 loader, information at 0x%x rewritten as Multiboot2 tags\n",
			mbi_phys);
		mbi_len = mb1_to_mb2(mbi_phys);
		mbi = mb_info_buf;
	} else if (magic == MB2_BOOTLOADER_MAGIC && mb_info_len) {
		mbi = mb_info_buf;
		mbi_len = mb_info_len;
	} else if (magic == MB2_BOOTLOADER_MAGIC) {
		/* entry.asm did not copy it: too big; readable in place if low enough */
		u32 total = early_mapped(mbi_phys, 8) ? *(u32 *)__va(mbi_phys) : 0;

		pr_warn("boot: Multiboot2 information at 0x%x is %u bytes, more than the %u KiB buffer\n",
			mbi_phys, total, MB_INFO_BUF_SIZE >> 10);
		if (early_mapped(mbi_phys, total)) {
			mbi = __va(mbi_phys);
			mbi_len = total;
		}
	} else {
		pr_err("boot: unknown boot loader magic 0x%08x: no memory map, no command line\n", magic);
	}
	if (mbi && multiboot2_parse(mbi, mbi_len, &boot_info))
		pr_err("boot: the boot information was rejected, continuing with what was readable\n");
	if (boot_info.loader[0])
		pr_info("boot: loader \"%s\"%s\n", boot_info.loader, boot_info.efi_booted ? " (UEFI)" : "");
	pr_info("Command line: %s\n", boot_info.cmdline);

	/* 4. kernel parameters */
	parse_kernel_params(boot_info.cmdline, &kernel_params);
	apply_loglevel(&kernel_params);

	/* 5. memory map, memblock, zone limits */
	setup_arch(&boot_info, &kernel_params);
	screen_reserve_memory(&boot_info);
	boot_mark("memblock");

	/* 6. the final page tables; then everything that needs ioremap */
	paging_init();
	boot_mark("page tables");
	screen_init(&boot_info);
	keyboard_init();
	acpi_power_init(boot_info.rsdp_present ? boot_info.rsdp : NULL, boot_info.rsdp_len);
	smp_prepare_cpus(boot_info.rsdp_present ? boot_info.rsdp : NULL, boot_info.rsdp_len);
	boot_mark("screen, keyboard, ACPI");

	/*
	 * 7. struct pages, zones and the buddy allocator.  The "mm:" marks
	 * (per-page work) are taken inside free_area_init() and mem_init(),
	 * before their printk; these two marks end the printing.
	 */
	free_area_init(max_zone_pfn);
	boot_mark("printk: zone ranges");
	mem_init();
	boot_mark("printk: meminfo");
	/* the slab allocator's boot caches: kmalloc() works from here */
	kmem_cache_init(kernel_params.slub_debug_set ? kernel_params.slub_debug : NULL);

	/* 8. HighMem mappings */
	kmap_init();

	/* 9. time, and the line the QEMU harness waits for */
	time_init();
	boot_mark("kmap, TSC calibration");
	smp_init();		/* the other CPUs: their start-up delays need the TSC */
	boot_mark("other CPUs");
	ns = ktime_get_ns();
	{
		/* shown even under 'quiet', but not in the error colour */
		int saved = console_loglevel;

		console_loglevel = CONSOLE_LOGLEVEL_DEFAULT + 1;
		if (ns)
			printk(KERN_NOTICE "orderly: ready (boot %llu ms)\n", ns / 1000000);
		else
			printk(KERN_NOTICE "orderly: ready\n");
		console_loglevel = saved;
	}

	/* 10. self-tests on request: under QEMU this exits with the verdict */
	if (kernel_params.selftest)
		selftest_boot(kernel_params.selftest_suite);

	/* 11. the shell */
	boot_time_report();
	if (kernel_params.bench)	/* issue 8: under QEMU -icount, deterministic */
		bench_run();
	shell_main();
}
