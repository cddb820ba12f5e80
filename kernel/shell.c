// SPDX-License-Identifier: GPL-2.0
/*
 * The Orderly shell: a prompt on every console where a person calls the
 * page allocator by its own names and reads the answers in Linux's
 * formats.  docs/shell.md is the manual.
 *
 * Shape of the loop: console bytes go into the line editor (lib/readline.c)
 * until it reports a finished line; the line is cut into words
 * (lib/shell_parse.c) and the command table below names the function and
 * the number of arguments each command takes.  Commands parse their own
 * arguments with the shell_arg_*() helpers, which print the error line
 * themselves, so a command body only ever sees valid values.
 *
 * The contract every command keeps (and tests/qemu/shell_session.py
 * checks):
 *   - a user error prints exactly one line, "error: ...", and changes
 *     nothing -- arguments are all parsed before anything is done;
 *   - a misuse of the allocator (double free, wrong order, a page it never
 *     handed out) is NOT filtered here: the call reaches the allocator,
 *     whose "BUG: ..." report is what the user sees, and the allocator
 *     leaves its state unchanged;
 *   - nothing a user types can stop the machine: every address is checked
 *     (mapped? inside mem_map? inside a block the shell owns?) before it
 *     is dereferenced.
 *
 * Output is written to the consoles directly, not through printk, so
 * "quiet" or a low loglevel never hides an answer.  The allocator's own
 * reports (trace lines, BUG reports, buddyinfo...) come through printk.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/string.h>
#include <linux/readline.h>
#include <linux/shell.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmdebug.h>
#include <linux/vmstat.h>
#include <linux/e820.h>
#include <linux/reboot.h>
#include <linux/selftest.h>
#include <linux/timekeeping.h>
#include <linux/bench.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <kunit/test.h>
#include "shell_internal.h"

#define SHELL_PROMPT	"orderly> "


static struct readline shell_rl;
static const struct shell_cmd *shell_current;

/* Bytes typed while a command ran, kept for the editor (Ctrl-C excepted). */
static u8 typeahead[64];
static unsigned int typeahead_head, typeahead_len;

/* ------------------------------------------------------------ output */

void shell_puts(const char *s)
{
	console_write(s, strlen(s));
}

static void shell_vprintf(const char *fmt, va_list ap)
{
	char buf[512];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (n < 0)
		return;
	console_write(buf, min((size_t)n, sizeof(buf) - 1));
}

void shell_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	shell_vprintf(fmt, ap);
	va_end(ap);
}

void shell_error(const char *fmt, ...)
{
	va_list ap;

	shell_puts("error: ");
	va_start(ap, fmt);
	shell_vprintf(fmt, ap);
	va_end(ap);
	shell_puts("\n");
}

void shell_usage(void)
{
	if (shell_current)
		shell_error("usage: %s%s%s", shell_current->name,
			    shell_current->usage[0] ? " " : "", shell_current->usage);
}

static void shell_rl_write(void *ctx, const char *s, size_t n)
{
	console_write(s, n);
}

bool shell_interrupted(void)
{
	int c;

	while ((c = console_getc()) >= 0) {
		if (c == 0x03) {
			typeahead_len = 0;
			return true;
		}
		if (typeahead_len < sizeof(typeahead))
			typeahead[(typeahead_head + typeahead_len++) % sizeof(typeahead)] = (u8)c;
	}
	return false;
}

static int shell_getc(void)
{
	u8 c;

	if (typeahead_len) {
		c = typeahead[typeahead_head];
		typeahead_head = (typeahead_head + 1) % sizeof(typeahead);
		typeahead_len--;
		return c;
	}
	return console_getc_wait();
}

/* ------------------------------------------------------------ arguments */

bool shell_arg_ulong(const char *s, const char *what, unsigned long max, unsigned long *res)
{
	int err;

	if (s[0] == '#')
		return shell_arg_block(s, what, res);
	err = shell_parse_ulong(s, max, res);

	if (err == -ERANGE)
		shell_error("%s '%s' out of range (at most 0x%lx)", what, s, max);
	else if (err)
		shell_error("bad %s '%s' (a number: decimal or 0x-hex)", what, s);
	return !err;
}

bool shell_arg_order(const char *s, unsigned int *order)
{
	unsigned long v;
	int err = shell_parse_ulong(s, ~0UL, &v);

	if (err == -EINVAL) {
		shell_error("bad order '%s' (a number 0..%d)", s, MAX_ORDER - 1);
		return false;
	}
	if (err || v >= MAX_ORDER) {
		shell_error("order %s out of range (0..%d)", s, MAX_ORDER - 1);
		return false;
	}
	*order = (unsigned int)v;
	return true;
}

bool shell_arg_gfp(const char *s, gfp_t *gfp)
{
	const char *bad = s;
	size_t bad_len = 0;

	if (!shell_parse_gfp(s, gfp, &bad, &bad_len))
		return true;
	if (!bad_len)
		shell_error("empty gfp flag in '%s'", s);
	else
		shell_error("unknown gfp flag '%.*s'", (int)bad_len, bad);
	return false;
}

bool shell_arg_size(const char *s, const char *what, u64 max, u64 *res)
{
	int err = shell_parse_size(s, res);

	if (err == -EINVAL) {
		shell_error("bad %s '%s' (a number, optionally with K, M or G)", what, s);
		return false;
	}
	if (err || *res > max) {
		shell_error("%s '%s' out of range (at most %llu)", what, s, (unsigned long long)max);
		return false;
	}
	return true;
}

bool shell_arg_page(const char *s, struct page **page)
{
	const struct pglist_data *pgdat = &contig_page_data;
	unsigned long v, base = (unsigned long)pgdat->node_mem_map;
	unsigned long end = base + pgdat->node_spanned_pages * sizeof(struct page);

	if (!shell_arg_ulong(s, "struct page address", ~0UL, &v))
		return false;
	if (v < base || v >= end || (v - base) % sizeof(struct page)) {
		shell_error("0x%08lx is not a struct page (mem_map is 0x%08lx-0x%08lx, %u bytes each)",
			    v, base, end - 1, (unsigned int)sizeof(struct page));
		return false;
	}
	*page = (struct page *)v;
	return true;
}

/* ------------------------------------------------------------ small commands */

static void cmd_help(int argc, char **argv);

static void show_report(void (*fn)(struct pglist_data *))
{
	fn(&contig_page_data);
}

static void cmd_buddyinfo(int argc, char **argv)
{
	show_report(show_buddyinfo);
}

static void cmd_zoneinfo(int argc, char **argv)
{
	show_report(show_zoneinfo);
}

static void cmd_meminfo(int argc, char **argv)
{
	show_report(show_meminfo);
}

static void cmd_e820(int argc, char **argv)
{
	const struct mem_layout *ml = &boot_mem_layout;

	/* the firmware's map exactly as the boot log printed it, then ours */
	printk("BIOS-provided physical RAM map:\n");
	e820__print_table(&ml->e820_firmware, "BIOS-e820");
	printk("kernel's working map (%spage 0 and 640K-1M not RAM, below %llu GiB, whole pages):\n",
	       ml->user_defined ? "mem=/memmap= applied, " : "",
	       (unsigned long long)(PFN_PHYS(max_arch_pfn) >> 30));
	e820__print_table(&ml->e820, "e820");
}

static const char * const trace_words[] = { "on", "off", NULL };
static const char * const zone_words[] = { "DMA", "Normal", "HighMem", NULL };

static void cmd_trace(int argc, char **argv)
{
	struct pglist_data *pgdat = &contig_page_data;

	if (argc == 2) {
		if (!strcmp(argv[1], "on")) {
			pgdat->debug_flags |= PGDAT_TRACE;
		} else if (!strcmp(argv[1], "off")) {
			pgdat->debug_flags &= ~PGDAT_TRACE;
		} else {
			shell_usage();
			return;
		}
	}
	shell_printf("trace: %s\n", pgdat->debug_flags & PGDAT_TRACE ? "on" : "off");
}

static void cmd_drain(int argc, char **argv)
{
	drain_all_pages(NULL);
	shell_puts("drained per-cpu page lists\n");
}

static void cmd_selftest(int argc, char **argv)
{
	selftest_run(argc > 1 ? argv[1] : NULL);
}

static void cmd_bench(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--cpus")) {
		cmd_bench_smp(argc, argv);
		return;
	}
	if (argc > 1) {
		shell_error("bench: unknown option %s", argv[1]);
		return;
	}
	if (bench_run() == -ENOMEM)
		shell_error("bench: not enough free memory to run the workloads");
}

static void cmd_uptime(int argc, char **argv)
{
	u64 ns = ktime_get_ns();
	u64 s = ns / 1000000000ULL;

	shell_printf("up %llu.%06llu s (%llu:%02llu:%02llu)\n",
		     (unsigned long long)s, (unsigned long long)(ns % 1000000000ULL) / 1000,
		     (unsigned long long)(s / 3600), (unsigned long long)(s / 60 % 60),
		     (unsigned long long)(s % 60));
}

static void cmd_version(int argc, char **argv)
{
	shell_puts("Orderly version 0.1 (i686, gcc " __VERSION__ ") #1 " __DATE__ " " __TIME__ "\n"
		   "a 32-bit x86 kernel showing Linux's page allocator: buddy, zones, kmap\n");
}

static void cmd_poweroff(int argc, char **argv)
{
	shell_puts("Power down.\n");
	machine_power_off();
}

static void cmd_reboot(int argc, char **argv)
{
	shell_puts("Restarting system.\n");
	machine_restart();
}

/* ------------------------------------------------------------ the table */

static const struct shell_cmd shell_cmds[] = {
	{ "help", "[cmd]", "list the commands, or show one", 0, 1, 0, NULL, cmd_help },
	{ "alloc_pages", "<order> [gfp]", "alloc_pages(gfp, order); gfp default GFP_KERNEL",
	  1, 2, 2, NULL, cmd_alloc_pages },
	{ "alloc_page", "[gfp]", "alloc_page(gfp)", 0, 1, 1, NULL, cmd_alloc_page },
	{ "__get_free_pages", "<order> [gfp]", "__get_free_pages(gfp, order): lowmem address",
	  1, 2, 2, NULL, cmd_get_free_pages },
	{ "__get_free_page", "[gfp]", "__get_free_page(gfp)", 0, 1, 1, NULL, cmd_get_free_page },
	{ "get_zeroed_page", "[gfp]", "get_zeroed_page(gfp)", 0, 1, 1, NULL, cmd_get_zeroed_page },
	{ "free_pages", "<addr> <order>", "free_pages(addr, order)", 2, 2, 0, NULL, cmd_free_pages },
	{ "free_page", "<addr>", "free_page(addr)", 1, 1, 0, NULL, cmd_free_page },
	{ "__free_pages", "<page> <order>", "__free_pages(page, order); page as printed",
	  2, 2, 0, NULL, cmd___free_pages },
	{ "__free_page", "<page>", "__free_page(page)", 1, 1, 0, NULL, cmd___free_page },
	{ "page_address", "<page>", "page_address(page): virt=0x... or virt=NULL",
	  1, 1, 0, NULL, cmd_page_address },
	{ "kmap", "<page>", "kmap(page): persistent mapping", 1, 1, 0, NULL, cmd_kmap },
	{ "kunmap", "<page>", "kunmap(page)", 1, 1, 0, NULL, cmd_kunmap },
	{ "kmaps", "", "kmap slots per CPU, TLB shootdowns", 0, 0, 0, NULL, cmd_kmaps },
	{ "hexdump", "<addr> [len]", "show memory, hexdump -C style (len default 256)",
	  1, 2, 0, NULL, cmd_hexdump },
	{ "memset", "<addr> <byte> <len>", "fill memory inside a block the shell allocated",
	  3, 3, 0, NULL, cmd_memset },
	{ "allocs", "", "list the blocks the shell holds", 0, 0, 0, NULL, cmd_allocs },
	{ "free_all", "", "free every block the shell holds", 0, 0, 0, NULL, cmd_free_all },
	{ "page", "<pfn>", "dump_page() of one struct page", 1, 1, 0, NULL, cmd_page },
	{ "kmalloc", "<size> [gfp]", "kmalloc(size, gfp); gfp default GFP_KERNEL",
	  1, 2, 2, NULL, cmd_kmalloc },
	{ "kfree", "<addr|#id>", "kfree(addr) of an object the shell holds", 1, 1, 0, NULL, cmd_kfree },
	{ "kmem_cache_create", "<name> <size> [align]", "a new slab cache",
	  2, 3, 0, NULL, cmd_kmem_cache_create },
	{ "kmem_cache_alloc", "<name>", "kmem_cache_alloc(cache, GFP_KERNEL)",
	  1, 1, 0, NULL, cmd_kmem_cache_alloc },
	{ "kmem_cache_free", "<name> <addr|#id>", "kmem_cache_free(cache, addr)",
	  2, 2, 0, NULL, cmd_kmem_cache_free },
	{ "kmem_cache_destroy", "<name>", "destroy a cache the shell made",
	  1, 1, 0, NULL, cmd_kmem_cache_destroy },
	{ "slabinfo", "", "the slab caches (/proc/slabinfo)", 0, 0, 0, NULL, cmd_slabinfo },
	{ "slab", "[name]", "a cache's slabs, or the shell's objects",
	  0, 1, 0, NULL, cmd_slab },
	{ "buddyinfo", "", "free blocks per zone and order",
	  0, 0, 0, NULL, cmd_buddyinfo },
	{ "zoneinfo", "", "zone sizes and watermarks (/proc/zoneinfo)", 0, 0, 0, NULL, cmd_zoneinfo },
	{ "meminfo", "", "memory totals (/proc/meminfo)", 0, 0, 0, NULL, cmd_meminfo },
	{ "e820", "", "the firmware memory map, and the kernel's", 0, 0, 0, NULL, cmd_e820 },
	{ "memmap", "[zone]", "a picture of physical memory", 0, 1, 0, zone_words, cmd_memmap },
	{ "pagetypeinfo", "", "/proc/pagetypeinfo: free blocks by type",
	  0, 0, 0, NULL, cmd_pagetypeinfo },
	{ "fragment", "[seed] [unmovable%] [movable-freed%]",
	  "fragment Normal, print the order-9 share", 0, 3, 0, NULL, cmd_fragment },
	{ "compact", "[zone]", "compact_memory: every zone, or one",
	  0, 1, 0, zone_words, cmd_compact },
	{ "migrate", "<page|#id>", "move one movable block the shell holds",
	  1, 1, 0, NULL, cmd_migrate },
	{ "alloc_contig", "<pages> [gfp]", "alloc_contig_pages(): contiguous pages",
	  1, 2, 2, NULL, cmd_alloc_contig },
	{ "alloc_contig_range", "<pfn> <pages>", "alloc_contig_range() of the pages from pfn",
	  2, 2, 0, NULL, cmd_alloc_contig_range },
	{ "free_contig", "<page|#id>", "free_contig_range() of an alloc_contig range",
	  1, 1, 0, NULL, cmd_free_contig },
	{ "vmstat", "", "/proc/vmstat: migration and compaction counters",
	  0, 0, 0, NULL, cmd_vmstat },
	{ "extfrag", "", "unusable and fragmentation indices",
	  0, 0, 0, NULL, cmd_extfrag },
	{ "trace", "[on|off]", "print splits, merges, fallbacks, new slabs", 0, 1, 0, trace_words,
	  cmd_trace },
	{ "stress", "[--cpus N] [ops] [seed]", "random alloc/free, pattern checks (2000 1)",
	  0, 4, 0, NULL, cmd_stress },
	{ "drain", "", "drain_all_pages(): empty the per-cpu page lists", 0, 0, 0, NULL, cmd_drain },
	{ "cpus", "", "the CPUs: APIC id, state, what each is doing", 0, 0, 0, NULL, cmd_cpus },
	{ "on", "<cpu> <command...>", "run a shell command on that CPU, wait for it",
	  2, SHELL_MAX_ARGS - 1, 0, NULL, cmd_on },
	{ "selftest", "[suite]", "run the in-kernel tests (KTAP)", 0, 1, 0, NULL, cmd_selftest },
	{ "bench", "[--cpus N [--nopcp] [pairs]]", "in-kernel micro-benchmarks", 0, 4, 0, NULL, cmd_bench },
	{ "uptime", "", "time since boot", 0, 0, 0, NULL, cmd_uptime },
	{ "version", "", "kernel version", 0, 0, 0, NULL, cmd_version },
	{ "poweroff", "", "switch the machine off", 0, 0, 0, NULL, cmd_poweroff },
	{ "reboot", "", "restart the machine", 0, 0, 0, NULL, cmd_reboot },
	{ "page_owner", "[pfn]", "who allocated a page (needs page_owner=on)",
	  0, 1, 0, NULL, cmd_page_owner },
	{ "memmap_watch", "[on|off]", "memmap as pixels beside the text, kept current",
	  0, 1, 0, trace_words, cmd_memmap_watch },
};

static const struct shell_cmd *shell_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(shell_cmds); i++)
		if (!strcmp(shell_cmds[i].name, name))
			return &shell_cmds[i];
	return NULL;
}

static void help_one(const struct shell_cmd *c)
{
	char head[40];

	snprintf(head, sizeof(head), "%s%s%s", c->name, c->usage[0] ? " " : "", c->usage);
	if (strlen(head) > 30)
		shell_printf("  %s\n  %-30s %s\n", head, "", c->help);
	else
		shell_printf("  %-30s %s\n", head, c->help);
}

static void cmd_help(int argc, char **argv)
{
	const struct shell_cmd *c;
	unsigned int i;

	if (argc == 2) {
		c = shell_find(argv[1]);
		if (!c) {
			shell_error("unknown command '%s' (try help)", argv[1]);
			return;
		}
		help_one(c);
		return;
	}
	shell_puts("Commands (numbers: decimal or 0x-hex; sizes: K/M/G; gfp: names joined\n"
		   "by '|', e.g. GFP_KERNEL|__GFP_ZERO, or a hex value):\n");
	for (i = 0; i < ARRAY_SIZE(shell_cmds); i++)
		help_one(&shell_cmds[i]);
	shell_puts("Keys: Backspace, Ctrl-U erase; Ctrl-C abandon; Up/Down history; Tab completes.\n");
}

/* ------------------------------------------------------------ completion */

static unsigned int shell_complete(void *ctx, const char *line, unsigned int argno,
				   const char **out, unsigned int max)
{
	char first[32];
	const struct shell_cmd *c;
	unsigned int i, n = 0;
	size_t len;

	while (*line == ' ')
		line++;
	for (len = 0; line[len] && line[len] != ' '; len++)
		;
	if (argno == 0 || len >= sizeof(first)) {
		for (i = 0; argno == 0 && i < ARRAY_SIZE(shell_cmds) && n < max; i++)
			out[n++] = shell_cmds[i].name;
		return n;
	}
	memcpy(first, line, len);
	first[len] = '\0';
	c = shell_find(first);
	if (!c)
		return 0;
	if (c->gfp_arg && argno == c->gfp_arg) {
		for (i = 0; i < nr_gfpflag_names && n < max; i++)
			if (gfpflag_names[i].name)
				out[n++] = gfpflag_names[i].name;
	} else if (argno == 1 && c->words) {
		for (i = 0; c->words[i] && n < max; i++)
			out[n++] = c->words[i];
	} else if (argno == 1 && c->fn == cmd_help) {
		for (i = 0; i < ARRAY_SIZE(shell_cmds) && n < max; i++)
			out[n++] = shell_cmds[i].name;
	} else if (argno == 1 && c->fn == cmd_selftest) {
		struct kunit_suite **s;

		for (s = __start_kunit_suites; s < __stop_kunit_suites && n < max; s++)
			out[n++] = (*s)->name;
	}
	return n;
}

/* ------------------------------------------------------------ the loop */

void shell_exec(int argc, char **argv)
{
	const struct shell_cmd *c, *outer = shell_current;
	const char *was_doing = (const char *)this_cpu_read_4(doing);
	int saved_loglevel;

	c = shell_find(argv[0]);
	if (!c) {
		/* the name is echoed only as far as it is printable (it is: the
		 * editor only stores printable ASCII), and at most 40 chars */
		shell_error("unknown command '%.40s' (try help)", argv[0]);
		return;
	}
	/*
	 * What the user asked for is printed whatever the loglevel: the
	 * reports and trace lines come through printk, so lift the console
	 * loglevel while the command runs (as Linux's sysrq handler does).
	 */
	saved_loglevel = console_loglevel;
	if (console_loglevel < CONSOLE_LOGLEVEL_DEFAULT)
		console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	shell_current = c;
	smp_set_doing(c->name);
	if (argc - 1 < c->min_args || argc - 1 > c->max_args)
		shell_usage();
	else
		c->fn(argc, argv);
	if (!outer)
		memmap_gfx_after_command();
	smp_set_doing(was_doing);
	shell_current = outer;		/* `on` runs one command inside another */
	console_loglevel = saved_loglevel;
}

static void shell_run_line(char *line)
{
	char *argv[SHELL_MAX_ARGS];
	int argc = shell_split(line, argv, SHELL_MAX_ARGS);

	if (argc == 0)
		return;
	if (argc < 0) {
		shell_error("too many arguments (at most %d words)", SHELL_MAX_ARGS);
		return;
	}
	shell_exec(argc, argv);
}

void shell_main(void)
{
	enum readline_event ev;

	current_comm = "shell";
	readline_init(&shell_rl, SHELL_PROMPT, shell_rl_write, shell_complete, NULL);
	shell_puts("Orderly shell. Type 'help' for the commands.\n");
	for (;;) {
		readline_start(&shell_rl);
		do {
			ev = readline_feed(&shell_rl, shell_getc());
		} while (ev == READLINE_NONE);
		if (ev == READLINE_LINE)
			shell_run_line(shell_rl.line);
		else if (ev == READLINE_TOO_LONG)
			shell_error("line too long");
	}
}
