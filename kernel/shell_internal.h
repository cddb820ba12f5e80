/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to the shell (kernel/shell.c: the loop, the command table and
 * the small commands; kernel/shell_mm.c: the allocator commands and the
 * table of blocks the shell holds).
 */
#ifndef _KERNEL_SHELL_INTERNAL_H
#define _KERNEL_SHELL_INTERNAL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/mm.h>

/* Output goes straight to the consoles, never filtered by loglevel. */
void shell_printf(const char *fmt, ...) __printf(1, 2);
void shell_puts(const char *s);
/* "error: <msg>\n" -- the one line every user error prints */
void shell_error(const char *fmt, ...) __printf(1, 2);

/* true (and the line is eaten) if Ctrl-C was typed since the last call */
bool shell_interrupted(void);

/*
 * Argument helpers: parse or print the error line and return false.
 * @what names the argument in the message ("order", "address", ...).
 */
bool shell_arg_ulong(const char *s, const char *what, unsigned long max, unsigned long *res);
bool shell_arg_order(const char *s, unsigned int *order);
bool shell_arg_gfp(const char *s, gfp_t *gfp);
bool shell_arg_size(const char *s, const char *what, u64 max, u64 *res);
/* a struct page address as printed after page= (inside node 0's mem_map) */
bool shell_arg_page(const char *s, struct page **page);

struct shell_cmd {
	const char *name;
	const char *usage;	/* arguments, for help and usage errors */
	const char *help;	/* one line */
	unsigned char min_args, max_args;
	/* which argument (1-based) is a GFP mask / a word from @words, 0 none */
	unsigned char gfp_arg;
	const char * const *words;
	void (*fn)(int argc, char **argv);
};

/* the usage error of the command being run */
void shell_usage(void);
/* look up argv[0] and run it, argument counts checked (the loop, and `on`) */
void shell_exec(int argc, char **argv);

/* kernel/shell_mm.c */
void cmd_alloc_pages(int argc, char **argv);
void cmd_alloc_page(int argc, char **argv);
void cmd_get_free_pages(int argc, char **argv);
void cmd_get_free_page(int argc, char **argv);
void cmd_get_zeroed_page(int argc, char **argv);
void cmd_free_pages(int argc, char **argv);
void cmd_free_page(int argc, char **argv);
void cmd___free_pages(int argc, char **argv);
void cmd___free_page(int argc, char **argv);
void cmd_page_address(int argc, char **argv);
void cmd_kmap(int argc, char **argv);
void cmd_kunmap(int argc, char **argv);
void cmd_kmaps(int argc, char **argv);
void cmd_hexdump(int argc, char **argv);
void cmd_memset(int argc, char **argv);
void cmd_allocs(int argc, char **argv);
void cmd_free_all(int argc, char **argv);
void cmd_page(int argc, char **argv);
void cmd_memmap(int argc, char **argv);
void cmd_pagetypeinfo(int argc, char **argv);
void cmd_fragment(int argc, char **argv);
void cmd_stress(int argc, char **argv);
void cmd_compact(int argc, char **argv);
void cmd_migrate(int argc, char **argv);
void cmd_alloc_contig(int argc, char **argv);
void cmd_alloc_contig_range(int argc, char **argv);
void cmd_free_contig(int argc, char **argv);
void cmd_vmstat(int argc, char **argv);
void cmd_extfrag(int argc, char **argv);
/* "#7" for an argument @what (address, pfn, struct page address): block #7 where it is now */
bool shell_arg_block(const char *s, const char *what, unsigned long *res);

/* kernel/shell_owner.c */
void cmd_page_owner(int argc, char **argv);
/* kernel/memmap_gfx.c: the map on the framebuffer, beside the text */
void cmd_memmap_watch(int argc, char **argv);
void memmap_gfx_draw(void);
/* redraw it if memmap_watch is on (shell_exec(), after every command) */
void memmap_gfx_after_command(void);
/* kernel/stress_smp.c: stress --cpus N ..., bench --cpus N ... */
void cmd_stress_smp(int argc, char **argv);
void cmd_bench_smp(int argc, char **argv);

/* kernel/shell_smp.c */
void cmd_cpus(int argc, char **argv);
void cmd_on(int argc, char **argv);
/* kernel/shell_slab.c */
void cmd_kmalloc(int argc, char **argv);
void cmd_kfree(int argc, char **argv);
void cmd_kmem_cache_create(int argc, char **argv);
void cmd_kmem_cache_alloc(int argc, char **argv);
void cmd_kmem_cache_free(int argc, char **argv);
void cmd_kmem_cache_destroy(int argc, char **argv);
void cmd_slabinfo(int argc, char **argv);
void cmd_slab(int argc, char **argv);
/* [addr, addr + len) lies in the slot of a slab object the shell holds */
bool shell_slab_owns(unsigned long addr, unsigned long len);

#endif
