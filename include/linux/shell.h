/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Orderly shell (kernel/shell.c, kernel/shell_cmds.c): a prompt on the
 * consoles where a person calls the page allocator by its own names.
 * docs/shell.md lists the commands.
 *
 * The argument parsers live in lib/shell_parse.c so that host tests can
 * check them: numbers are decimal or 0x-hex (no octal, no sign), sizes
 * take a K/M/G suffix, GFP masks are flag names joined by '|' or numbers.
 * Every parser returns 0 or -EINVAL (malformed) / -ERANGE (too large) and
 * writes its result only on success.
 */
#ifndef _LINUX_SHELL_H
#define _LINUX_SHELL_H

#include <linux/types.h>
#include <linux/compiler.h>

/* Read and run commands forever; start_kernel() ends here. */
void __noreturn shell_main(void);

#define SHELL_MAX_ARGS	8

/*
 * shell_split - cut @line in place into blank-separated words.
 * Returns the number of words (0 for a blank line), or -EINVAL if there
 * are more than @max.
 */
int shell_split(char *line, char **argv, unsigned int max);

/* shell_parse_u64 - "123" or "0x7b" (also 0X, A-F), nothing else. */
int shell_parse_u64(const char *s, u64 *res);
/* shell_parse_ulong - the same, and at most @max. */
int shell_parse_ulong(const char *s, unsigned long max, unsigned long *res);
/* shell_parse_size - a number with an optional K, M or G (binary) suffix. */
int shell_parse_size(const char *s, u64 *res);

/*
 * shell_parse_gfp - "GFP_KERNEL|__GFP_ZERO", "0x80d0" or a mix, names
 * from mm/debug.c's gfpflag_names[] (the table reports print with).  Bits
 * outside __GFP_BITS_MASK are refused.  On -EINVAL *@bad (if not NULL)
 * points at the offending word inside @s and *@bad_len is its length.
 */
int shell_parse_gfp(const char *s, gfp_t *res, const char **bad, size_t *bad_len);

#endif
