// SPDX-License-Identifier: GPL-2.0
/*
 * The C string and memory functions the kernel (and GCC itself, which may
 * emit memcpy/memset/memmove/memcmp calls for struct copies) needs.
 * Kernel only: the host builds use the C library's versions, with the same
 * prototypes (include/linux/string.h).  Simple byte loops plus "rep" string
 * instructions for the bulk operations; nothing here is on a hot path
 * except page clearing (memset) and the boot-time zeroing of memblock
 * allocations.
 */
#include <linux/string.h>

/*
 * memset and memcpy move 4 bytes per "rep" step and the 0-3 odd bytes
 * after: a 4 KiB page is 1024 steps instead of 4096.  (A CPU with fast
 * strings makes "rep stosb" as fast as "stosl" on real hardware, but
 * QEMU's TCG - the -icount figures - executes one step per element.)
 */
void *memset(void *s, int c, size_t n)
{
	unsigned long v = (unsigned char)c * 0x01010101UL;
	size_t words = n >> 2, bytes = n & 3;
	void *d = s;

	__asm__ __volatile__("rep stosl\n\t"
			     "mov %[bytes], %%ecx\n\t"
			     "rep stosb"
			     : "+D"(d), "+c"(words)
			     : "a"(v), [bytes] "r"(bytes)
			     : "memory");
	return s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	size_t words = n >> 2, bytes = n & 3;
	void *d = dst;

	__asm__ __volatile__("rep movsl\n\t"
			     "mov %[bytes], %%ecx\n\t"
			     "rep movsb"
			     : "+D"(d), "+S"(src), "+c"(words)
			     : [bytes] "r"(bytes)
			     : "memory");
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (!n)
		return (char *)hay;
	for (; *hay; hay++)
		if (*hay == *needle && !strncmp(hay, needle, n))
			return (char *)hay;
	return NULL;
}

/* copy with truncation, always NUL-terminated if @size > 0; returns strlen(src) */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
