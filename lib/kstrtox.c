// SPDX-License-Identifier: GPL-2.0
/*
 * Number parsing, with Linux's semantics (lib/kstrtox.c, lib/vsprintf.c).
 *
 * kstrto*() are strict: the whole string must be one number, with an
 * optional leading '+' ('-' for the signed ones) and at most one trailing
 * newline; base 0 means "0x" hex, leading "0" octal, else decimal, and base
 * 16 accepts an optional "0x".  Empty input or junk is -EINVAL, a value that
 * does not fit the type is -ERANGE; *res is written only on success.
 *
 * simple_strtoull() is the lenient one that memparse() and friends build
 * on: it stops at the first character that is not a digit and says where.
 * It saturates instead of wrapping on overflow.
 *
 * Built into the kernel and into the host tests.
 */
#include <linux/kernel.h>

static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;		/* lowercase */
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 36;
}

/* skip a "0x" (base 16 or 0) or a leading "0" (base 0 -> 8) */
static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && (s[1] | 0x20) == 'x' && digit_value(s[2]) < 16) {
			*base = 16;
			return s + 2;
		}
		*base = s[0] == '0' ? 8 : 10;
		return s;
	}
	if (*base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x' && digit_value(s[2]) < 16)
		return s + 2;
	return s;
}

/*
 * _parse_integer_limit - parse at most @max_chars digits of @base at @s
 * (no sign, no prefix): the number of digits consumed, or'ed with
 * KSTRTOX_OVERFLOW if the value did not fit 64 bits (then *res is ~0).
 * Linux's name; the one digit loop behind every number parser here, the
 * command line's and the shell's.
 */
unsigned int _parse_integer_limit(const char *s, unsigned int base,
				  unsigned long long *res, size_t max_chars)
{
	unsigned long long v = 0;
	unsigned int n = 0, d;
	bool overflow = false;

	for (; n < max_chars && (d = digit_value(s[n])) < base; n++) {
		if (v > (~0ULL - d) / base)
			overflow = true;
		else
			v = v * base + d;
	}
	*res = overflow ? ~0ULL : v;
	return overflow ? n | KSTRTOX_OVERFLOW : n;
}

static size_t parse_digits(const char *s, unsigned int base, unsigned long long *res,
			   bool *overflow)
{
	unsigned int n = _parse_integer_limit(s, base, res, (size_t)-1);

	*overflow = n & KSTRTOX_OVERFLOW;
	return n & ~KSTRTOX_OVERFLOW;
}

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v;
	bool overflow;
	size_t n;

	if (base != 0 && (base < 2 || base > 36))
		base = 10;
	cp = parse_base(cp, &base);
	n = parse_digits(cp, base, &v, &overflow);
	if (endp)
		*endp = (char *)cp + n;
	return v;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v = simple_strtoull(cp, endp, base);

	return v > ~0UL ? ~0UL : (unsigned long)v;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	bool overflow;
	size_t n;

	if (!s || (base != 0 && (base < 2 || base > 36)))
		return -EINVAL;
	if (*s == '+')
		s++;
	s = parse_base(s, &base);
	n = parse_digits(s, base, &v, &overflow);
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v > ~0UL)
		return -ERANGE;
	*res = (unsigned long)v;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v > ~0U)
		return -ERANGE;
	*res = (unsigned int)v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	bool neg = false;
	int ret;

	if (s && *s == '-') {
		neg = true;
		s++;
		if (*s == '+')
			return -EINVAL;
	}
	ret = kstrtoull(s, base, &v);
	if (ret)
		return ret;
	if (neg ? v > (unsigned long long)INT32_MAX + 1 : v > INT32_MAX)
		return -ERANGE;
	*res = neg ? (int)(0 - v) : (int)v;
	return 0;
}
