/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers every file wants: min/max, ARRAY_SIZE, alignment, the
 * compile-time assert, and WARN_ON/BUG_ON.  BUG() is a stop, never a log
 * line: a broken invariant means the allocator's state can no longer be
 * trusted (STYLE.md, habit 5).
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))
#define min_t(t, a, b)	((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b)	((t)(a) > (t)(b) ? (t)(a) : (t)(b))
#define clamp(v, lo, hi) min(max(v, lo), hi)

/* @a must be a power of two */
#define ALIGN(x, a)		(((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

/* Stops the machine (kernel) or aborts the test binary (host). */
void __noreturn __bug(const char *file, int line, const char *func, const char *msg);

/*
 * panic - print "Kernel panic - not syncing: <msg>" and stop: under QEMU
 * exit with QEMU_EXIT_FAIL (include/linux/reboot.h), else halt (kernel/panic.c).
 */
void __noreturn panic(const char *fmt, ...) __printf(1, 2);

#define BUG()		__bug(__FILE__, __LINE__, __func__, NULL)
#define BUG_ON(cond)	do { if (unlikely(cond)) __bug(__FILE__, __LINE__, __func__, #cond); } while (0)

#define WARN_ON(cond) ({						\
	int __ret_warn = !!(cond);					\
	if (unlikely(__ret_warn))					\
		printk(KERN_WARNING "WARNING: %s:%d %s: %s\n",		\
		       __FILE__, __LINE__, __func__, #cond);		\
	unlikely(__ret_warn);						\
})

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	int __ret_warn_once = !!(cond);					\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		printk(KERN_WARNING "WARNING: %s:%d %s: %s\n",		\
		       __FILE__, __LINE__, __func__, #cond);		\
	}								\
	unlikely(__ret_warn_once);					\
})

/* lib/cmdline.c: "16M" -> 16777216; *retptr points past the number */
unsigned long long memparse(const char *ptr, char **retptr);
/* lib/kstrtox.c: strict parsers, 0 on success, -EINVAL / -ERANGE otherwise */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
/* lenient: stop at the first non-digit, *endp points there (may be NULL) */
#define KSTRTOX_OVERFLOW	(1U << 31)
unsigned int _parse_integer_limit(const char *s, unsigned int base,
				  unsigned long long *res, size_t max_chars);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);

#define EINVAL	22
#define ERANGE	34
#define ENOMEM	12
#define EBUSY	16
#define ENOENT	2
#define ENODEV	19
#define ENXIO	6
#define EIO	5
#define EDEADLK	35
#define ETIMEDOUT	110

#endif /* _LINUX_KERNEL_H */
