// SPDX-License-Identifier: GPL-2.0
/*
 * Argument parsing for the shell, kept apart from kernel/shell.c so the
 * host tests compile and check it.
 *
 * The grammar is deliberately small and strict, because a shell that
 * guesses is a shell whose tests cannot tell a typo from a request:
 *
 *   number := decimal-digits | ("0x" | "0X") hex-digits
 *   size   := number [ "K" | "M" | "G" ]        (also k, m, g; powers of 2)
 *   gfp    := word { "|" word }                  word := flag-name | number
 *
 * No sign, no octal (a leading 0 is still decimal: "010" is ten), no
 * blanks inside a word, and overflow is an error (-ERANGE), never a wrap.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include <linux/shell.h>

int shell_split(char *line, char **argv, unsigned int max)
{
	unsigned int argc = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			return argc;
		if (argc == max)
			return -EINVAL;
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
}

/* Parse digits at @s up to @end (exclusive). */
static int parse_u64_span(const char *s, const char *end, u64 *res)
{
	unsigned int base = 10, n;
	unsigned long long v = 0;

	if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (s == end)
		return -EINVAL;
	n = _parse_integer_limit(s, base, &v, end - s);
	if (n & KSTRTOX_OVERFLOW)
		return -ERANGE;
	if (n != (unsigned int)(end - s))
		return -EINVAL;
	*res = v;
	return 0;
}

int shell_parse_u64(const char *s, u64 *res)
{
	if (!s)
		return -EINVAL;
	return parse_u64_span(s, s + strlen(s), res);
}

int shell_parse_ulong(const char *s, unsigned long max, unsigned long *res)
{
	u64 v;
	int err = shell_parse_u64(s, &v);

	if (err)
		return err;
	if (v > max)
		return -ERANGE;
	*res = (unsigned long)v;
	return 0;
}

int shell_parse_size(const char *s, u64 *res)
{
	size_t n;
	unsigned int shift = 0;
	u64 v;
	int err;

	if (!s)
		return -EINVAL;
	n = strlen(s);
	if (n) {
		switch (s[n - 1]) {
		case 'K': case 'k': shift = 10; break;
		case 'M': case 'm': shift = 20; break;
		case 'G': case 'g': shift = 30; break;
		}
	}
	err = parse_u64_span(s, s + n - (shift ? 1 : 0), &v);
	if (err)
		return err;
	if (shift && v > (UINT64_MAX >> shift))
		return -ERANGE;
	*res = v << shift;
	return 0;
}

int shell_parse_gfp(const char *s, gfp_t *res, const char **bad, size_t *bad_len)
{
	const struct gfp_flag_name *f, *fend = gfpflag_names + nr_gfpflag_names;
	const char *word = s, *end;
	gfp_t mask = 0;
	size_t len;
	u64 v;

	if (!s)
		return -EINVAL;
	for (;;) {
		end = strchr(word, '|');
		if (!end)
			end = word + strlen(word);
		len = (size_t)(end - word);
		for (f = gfpflag_names; f < fend; f++)
			if (f->name && strlen(f->name) == len && !strncmp(f->name, word, len))
				break;
		if (f < fend) {
			mask |= f->mask;
		} else if (len && word[0] >= '0' && word[0] <= '9' &&
			   !parse_u64_span(word, end, &v) && !(v & ~(u64)__GFP_BITS_MASK)) {
			mask |= (gfp_t)v;
		} else {
			if (bad) {
				*bad = word;
				*bad_len = len;
			}
			return -EINVAL;
		}
		if (!*end)
			break;
		word = end + 1;
	}
	*res = mask;
	return 0;
}
