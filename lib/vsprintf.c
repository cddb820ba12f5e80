// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf() with Linux's format language (kernel only; the host tests use
 * the C library's, so portable code sticks to the common subset).
 *
 * A conversion is  %[flags][width][.precision][length]type  with
 *   flags      '-' left-justify, '0' zero-pad, '+' sign, ' ' space, '#' 0x/0 prefix
 *   width      a number or '*'; precision '.' number or '.*'
 *   length     hh h l ll L q z Z t j
 *   type       d i u x X o c s p %  (and n is refused, as in Linux)
 * Pointer extensions, as Linux: %p and %px print the raw address (no
 * hashing: this kernel has nothing to hide), %pS/%ps the function
 * name+offset (kernel/kallsyms.c), %pa/%pap a phys_addr_t passed by
 * reference as 0x%016llx.
 *
 * 64-bit numbers are converted with u64 division by 10/8/16: on i386 that
 * is lib/libgcc.c's __udivmoddi4, fast path (32-bit divisor).
 *
 * The output is always NUL-terminated when @size > 0; the return value is
 * the length the full output would have had (so callers can detect
 * truncation as with C99).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>

#define ZEROPAD	1
#define SIGN	2
#define PLUS	4
#define SPACE	8
#define LEFT	16
#define SMALL	32		/* lowercase hex */
#define SPECIAL	64		/* '#': 0x / 0 prefix */

struct outbuf {
	char *buf;
	size_t size;
	size_t pos;		/* may exceed size: counts what was wanted */
};

static void put(struct outbuf *o, char c)
{
	if (o->pos + 1 < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_str(struct outbuf *o, const char *s, int width, int precision, int flags)
{
	int len, i;

	if (!s)
		s = "(null)";
	len = precision >= 0 ? (int)strnlen(s, precision) : (int)strlen(s);
	if (!(flags & LEFT))
		for (i = len; i < width; i++)
			put(o, ' ');
	for (i = 0; i < len; i++)
		put(o, s[i]);
	if (flags & LEFT)
		for (i = len; i < width; i++)
			put(o, ' ');
}

static void put_num(struct outbuf *o, u64 num, unsigned int base, int width,
		    int precision, int flags)
{
	const char *digits = (flags & SMALL) ? "0123456789abcdef" : "0123456789ABCDEF";
	char tmp[24];
	char sign = 0;
	int len = 0, prefix = 0, pad;

	if ((flags & SIGN) && (s64)num < 0) {
		sign = '-';
		num = -(s64)num;
	} else if (flags & SIGN) {
		if (flags & PLUS)
			sign = '+';
		else if (flags & SPACE)
			sign = ' ';
	}
	if (flags & SPECIAL) {
		if (base == 16)
			prefix = 2;
		else if (base == 8 && num != 0)
			prefix = 1;
	}
	if (num == 0 && precision != 0)
		tmp[len++] = '0';
	while (num) {
		tmp[len++] = digits[num % base];
		num /= base;
	}
	if (precision >= 0)
		flags &= ~ZEROPAD;	/* an explicit precision beats '0', as C says */
	if (precision < len)
		precision = len;
	pad = width - precision - (sign ? 1 : 0) - prefix;

	if (!(flags & (LEFT | ZEROPAD)))
		for (; pad > 0; pad--)
			put(o, ' ');
	if (sign)
		put(o, sign);
	if (prefix) {
		put(o, '0');
		if (base == 16)
			put(o, (flags & SMALL) ? 'x' : 'X');
	}
	if (!(flags & LEFT) && (flags & ZEROPAD))
		for (; pad > 0; pad--)
			put(o, '0');
	for (; precision > len; precision--)
		put(o, '0');
	while (len)
		put(o, tmp[--len]);
	for (; pad > 0; pad--)
		put(o, ' ');
}

/* %p and its extensions; *fmtp points at the character after 'p' */
static void put_pointer(struct outbuf *o, const char **fmtp, void *ptr, int width,
			int precision, int flags)
{
	const char *fmt = *fmtp;
	char sym[KSYM_SYMBOL_LEN];

	switch (*fmt) {
	case 'S':
	case 's':
		(*fmtp)++;
		if (*fmt == 'S')
			sprint_symbol(sym, sizeof(sym), (unsigned long)ptr);
		else {
			const char *name = kallsyms_lookup((unsigned long)ptr, NULL, NULL);

			if (name)
				strlcpy(sym, name, sizeof(sym));
			else
				snprintf(sym, sizeof(sym), "0x%lx", (unsigned long)ptr);
		}
		put_str(o, sym, width, precision, flags);
		return;
	case 'a':
		(*fmtp)++;
		if (fmt[1] == 'p')
			(*fmtp)++;
		put_num(o, ptr ? *(phys_addr_t *)ptr : 0, 16, 18, -1, SPECIAL | SMALL | ZEROPAD);
		return;
	case 'x':
		(*fmtp)++;
		break;
	}
	if (width < 0) {
		width = 2 * sizeof(void *);
		flags |= ZEROPAD;
	}
	put_num(o, (unsigned long)ptr, 16, width, precision, flags | SMALL);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct outbuf o = { .buf = buf, .size = size, .pos = 0 };

	for (; *fmt; fmt++) {
		int flags = 0, width = -1, precision = -1, qualifier = 0;
		unsigned int base = 10;
		u64 num;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}

		for (;;) {
			fmt++;
			if (*fmt == '-')
				flags |= LEFT;
			else if (*fmt == '+')
				flags |= PLUS;
			else if (*fmt == ' ')
				flags |= SPACE;
			else if (*fmt == '#')
				flags |= SPECIAL;
			else if (*fmt == '0')
				flags |= ZEROPAD;
			else
				break;
		}

		if (*fmt >= '0' && *fmt <= '9') {
			width = 0;
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + (*fmt++ - '0');
		} else if (*fmt == '*') {
			fmt++;
			width = va_arg(args, int);
			if (width < 0) {
				width = -width;
				flags |= LEFT;
			}
		}

		if (*fmt == '.') {
			fmt++;
			precision = 0;
			if (*fmt == '*') {
				fmt++;
				precision = va_arg(args, int);
				if (precision < 0)
					precision = -1;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					precision = precision * 10 + (*fmt++ - '0');
			}
		}

		/* length: 'H' = hh, 'L' = ll/L/q/j (64-bit), 'l', 'h', 'z' */
		if (*fmt == 'h') {
			qualifier = 'h';
			if (*++fmt == 'h') {
				qualifier = 'H';
				fmt++;
			}
		} else if (*fmt == 'l') {
			qualifier = 'l';
			if (*++fmt == 'l') {
				qualifier = 'L';
				fmt++;
			}
		} else if (*fmt == 'L' || *fmt == 'q' || *fmt == 'j') {
			qualifier = 'L';
			fmt++;
		} else if (*fmt == 'z' || *fmt == 'Z' || *fmt == 't') {
			qualifier = 'z';
			fmt++;
		}

		switch (*fmt) {
		case 'c': {
			int i;

			if (!(flags & LEFT))
				for (i = 1; i < width; i++)
					put(&o, ' ');
			put(&o, (char)va_arg(args, int));
			if (flags & LEFT)
				for (i = 1; i < width; i++)
					put(&o, ' ');
			continue;
		}
		case 's':
			put_str(&o, va_arg(args, const char *), width, precision, flags);
			continue;
		case 'p':
			fmt++;
			put_pointer(&o, &fmt, va_arg(args, void *), width, precision, flags);
			fmt--;
			continue;
		case '%':
			put(&o, '%');
			continue;
		case 'o':
			base = 8;
			break;
		case 'x':
			flags |= SMALL;
			/* fall through */
		case 'X':
			base = 16;
			break;
		case 'd':
		case 'i':
			flags |= SIGN;
			break;
		case 'u':
			break;
		case 'n':
			/* Linux refuses %n: writing through a format is an exploit primitive */
			(void)va_arg(args, void *);
			put_str(&o, "(%n refused)", -1, -1, 0);
			continue;
		case '\0':
			fmt--;	/* a trailing '%': print nothing, stop */
			continue;
		default:
			put(&o, '%');
			put(&o, *fmt);
			continue;
		}

		switch (qualifier) {
		case 'L':
			num = va_arg(args, unsigned long long);
			break;
		case 'l':
			num = va_arg(args, unsigned long);
			if (flags & SIGN)
				num = (s64)(long)num;
			break;
		case 'z':
			num = va_arg(args, size_t);
			if (flags & SIGN)
				num = (s64)(ssize_t)num;
			break;
		case 'h':
			num = (u16)va_arg(args, int);
			if (flags & SIGN)
				num = (s64)(s16)num;
			break;
		case 'H':
			num = (u8)va_arg(args, int);
			if (flags & SIGN)
				num = (s64)(s8)num;
			break;
		default:
			num = va_arg(args, unsigned int);
			if (flags & SIGN)
				num = (s64)(int)num;
		}
		put_num(&o, num, base, width, precision, flags);
	}

	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';
	return (int)o.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* like snprintf, but returns what was actually written (without the NUL) */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (!size)
		return 0;
	return n < (int)size ? n : (int)size - 1;
}
