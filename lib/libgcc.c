// SPDX-License-Identifier: GPL-2.0
/*
 * The libgcc helpers the kernel needs, compiled with the kernel's own flags.
 *
 * Why not link libgcc.a?  The kernel is built with -mregparm=3 (as
 * Linux/i386), and GCC calls its helpers with the same convention: for
 * "a / b" on u64 it passes a in %eax:%edx.  Debian's i686 libgcc.a expects
 * everything on the stack, so linking it would silently divide garbage.
 * The Makefile therefore does not link libgcc at all: a new helper shows up
 * as an undefined symbol at link time and belongs here.
 *
 * Division is shift-and-subtract (one bit per step, at most 64 steps);
 * a 32-bit divisor takes the fast path through the CPU's divl.
 * Host builds get an empty file: the C library has these.
 */
#ifndef __ORDERLY_HOST__
#include <linux/types.h>

u64 __udivmoddi4(u64 n, u64 d, u64 *rem);
u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
s64 __divdi3(s64 n, s64 d);
s64 __moddi3(s64 n, s64 d);
int __popcountsi2(u32 x);
int __popcountdi2(u64 x);

u64 __udivmoddi4(u64 n, u64 d, u64 *rem)
{
	u64 q = 0;
	int shift;

	if (d == 0) {
		/* what the CPU would do: #DE, reported by the trap handler */
		volatile u32 zero = 0;

		return 1 / zero;
	}
	if ((d >> 32) == 0) {
		u32 dl = (u32)d, hi = (u32)(n >> 32), lo = (u32)n, qh, r;

		/* two divl steps: each quotient fits in 32 bits */
		qh = hi / dl;
		r = hi % dl;
		__asm__("divl %4" : "=a"(lo), "=d"(r) : "a"(lo), "d"(r), "rm"(dl));
		if (rem)
			*rem = r;
		return ((u64)qh << 32) | lo;
	}
	if (n < d) {
		if (rem)
			*rem = n;
		return 0;
	}
	shift = __builtin_clzll(d) - __builtin_clzll(n);
	d <<= shift;
	for (; shift >= 0; shift--, d >>= 1) {
		q <<= 1;
		if (n >= d) {
			n -= d;
			q |= 1;
		}
	}
	if (rem)
		*rem = n;
	return q;
}

u64 __udivdi3(u64 n, u64 d)
{
	return __udivmoddi4(n, d, NULL);
}

u64 __umoddi3(u64 n, u64 d)
{
	u64 r = 0;

	__udivmoddi4(n, d, &r);
	return r;
}

s64 __divdi3(s64 n, s64 d)
{
	bool neg = (n < 0) != (d < 0);
	u64 q = __udivmoddi4(n < 0 ? -(u64)n : (u64)n, d < 0 ? -(u64)d : (u64)d, NULL);

	return neg ? -(s64)q : (s64)q;
}

/* the remainder takes the sign of the dividend, as C requires */
s64 __moddi3(s64 n, s64 d)
{
	u64 r = 0;

	__udivmoddi4(n < 0 ? -(u64)n : (u64)n, d < 0 ? -(u64)d : (u64)d, &r);
	return n < 0 ? -(s64)r : (s64)r;
}

int __popcountsi2(u32 x)
{
	x = x - ((x >> 1) & 0x55555555);
	x = (x & 0x33333333) + ((x >> 2) & 0x33333333);
	x = (x + (x >> 4)) & 0x0f0f0f0f;
	return (x * 0x01010101) >> 24;
}

int __popcountdi2(u64 x)
{
	return __popcountsi2((u32)x) + __popcountsi2((u32)(x >> 32));
}
#endif /* !__ORDERLY_HOST__ */
