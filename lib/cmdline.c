// SPDX-License-Identifier: GPL-2.0
/*
 * memparse() - a size as the kernel command line writes it (Linux's
 * lib/cmdline.c): a number in C notation (decimal, 0x hex, 0 octal)
 * followed by an optional binary suffix K, M, G, T, P or E (either case),
 * each multiplying by 1024 once more.  *@retptr is left after the suffix,
 * so the caller can check what follows ("16M$64M").  A value that would
 * not fit 64 bits saturates to ~0ULL rather than wrapping.
 *
 * Built into the kernel and into the host tests.
 */
#include <linux/kernel.h>

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *endptr;
	unsigned long long ret = simple_strtoull(ptr, &endptr, 0);
	int shift = 0;

	switch (*endptr) {
	case 'E': case 'e':
		shift += 10;
		/* fall through */
	case 'P': case 'p':
		shift += 10;
		/* fall through */
	case 'T': case 't':
		shift += 10;
		/* fall through */
	case 'G': case 'g':
		shift += 10;
		/* fall through */
	case 'M': case 'm':
		shift += 10;
		/* fall through */
	case 'K': case 'k':
		shift += 10;
		endptr++;
		/* fall through */
	default:
		break;
	}
	if (shift && endptr - 1 == ptr)
		endptr--;	/* a bare suffix with no digits is not a number */
	else if (shift)
		ret = ret > (~0ULL >> shift) ? ~0ULL : ret << shift;

	if (retptr)
		*retptr = endptr;
	return ret;
}
