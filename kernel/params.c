// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/params.c - the kernel command line, parsed once into plain data.
 *
 * Linux syntax: words separated by white space, each "name" or
 * "name=value"; double quotes group a value containing spaces
 * (name="a b"); "--" ends the kernel's part.  Every parameter is checked
 * completely before it takes effect: a bad value is reported with the word
 * that carried it and the previous setting stays.  Words we do not know
 * are collected and reported in one line, as Linux does:
 *
 *   Unknown kernel command line parameters "foo bar=1", will be ignored
 *
 * A first word starting with '/' is the image path some boot loaders put
 * in front (GRUB's Multiboot loaders), and BOOT_IMAGE= is GRUB's Linux
 * convention; both are skipped silently.
 *
 * Sizes (mem=, memmap=, highmem=) take Linux's memparse syntax: a decimal,
 * 0x hex or 0 octal number with an optional K, M, G or T suffix (either
 * case).  Unlike memparse, nothing may follow the number: "mem=512MB" is
 * rejected rather than silently read as 512M.
 *
 * memmap=<size>$<start> reserves a range.  GRUB treats '$' as the start of
 * a variable, so grub.cfg has to say memmap=4M\$64M; depending on the
 * quoting, the backslash may reach us, and "\$" is accepted as "$".
 * Several ranges may be given comma-separated or in several words.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/params.h>

struct kernel_params kernel_params;

#define U64_MAX	(~0ULL)

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * Parse a number with an optional K/M/G/T suffix from [s, s+len).
 * 0 and *res on success; -EINVAL for garbage, -ERANGE for overflow.
 */
static int parse_size(const char *s, size_t len, u64 *res)
{
	unsigned int base = 10, shift = 0, n;
	unsigned long long v = 0;
	size_t i = 0;

	if (!len)
		return -EINVAL;
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	} else if (len > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9') {
		base = 8;
		i = 1;
	}
	switch (s[len - 1]) {
	case 'k': case 'K': shift = 10; break;
	case 'm': case 'M': shift = 20; break;
	case 'g': case 'G': shift = 30; break;
	case 't': case 'T': shift = 40; break;
	}
	if (shift)
		len--;
	if (i >= len)
		return -EINVAL;
	n = _parse_integer_limit(s + i, base, &v, len - i);
	if (n & KSTRTOX_OVERFLOW)
		return -ERANGE;
	if (n != len - i)
		return -EINVAL;
	if (shift && v > (U64_MAX >> shift))
		return -ERANGE;
	*res = v << shift;
	return 0;
}

static bool streq_n(const char *s, size_t len, const char *lit)
{
	return strlen(lit) == len && !strncmp(s, lit, len);
}

/* Linux's kstrtobool words that the brief promises: on/off, 1/0, y/n */
static int parse_bool(const char *s, size_t len, bool *res)
{
	if (streq_n(s, len, "on") || streq_n(s, len, "1") || streq_n(s, len, "y") ||
	    streq_n(s, len, "yes")) {
		*res = true;
		return 0;
	}
	if (streq_n(s, len, "off") || streq_n(s, len, "0") || streq_n(s, len, "n") ||
	    streq_n(s, len, "no")) {
		*res = false;
		return 0;
	}
	return -EINVAL;
}

struct param_ctx {
	struct kernel_params *kp;
	char unknown[256];	/* the unknown words, space-separated */
	size_t unknown_len;
	bool unknown_truncated;
};

static void bad_value(struct param_ctx *c, const char *name, const char *val, size_t len,
		      const char *why)
{
	char v[64];

	if (len >= sizeof(v))
		len = sizeof(v) - 1;
	memcpy(v, val, len);
	v[len] = '\0';
	c->kp->nr_errors++;
	pr_warn("kernel command line: %s=\"%s\": %s, ignored\n", name, v, why);
}

static void add_unknown(struct param_ctx *c, const char *w, size_t len)
{
	size_t room = sizeof(c->unknown) - 1 - c->unknown_len;

	c->kp->nr_errors++;
	if (c->unknown_len && room) {
		c->unknown[c->unknown_len++] = ' ';
		room--;
	}
	if (len > room) {
		len = room;
		c->unknown_truncated = true;
	}
	memcpy(c->unknown + c->unknown_len, w, len);
	c->unknown_len += len;
	c->unknown[c->unknown_len] = '\0';
}

/* one "<size>$<start>" (or "<size>\$<start>") */
static void parse_memmap_one(struct param_ctx *c, const char *v, size_t len)
{
	struct kernel_params *kp = c->kp;
	const char *dollar = NULL;
	size_t i, size_len;
	u64 size, start;

	for (i = 0; i < len; i++)
		if (v[i] == '$') {
			dollar = v + i;
			break;
		}
	if (!dollar) {
		bad_value(c, "memmap", v, len, "only <size>$<start> is supported");
		return;
	}
	size_len = (size_t)(dollar - v);
	if (size_len && v[size_len - 1] == '\\')
		size_len--;		/* GRUB's escaped form \$ */
	if (parse_size(v, size_len, &size) || !size) {
		bad_value(c, "memmap", v, len, "bad size");
		return;
	}
	if (parse_size(dollar + 1, len - (size_t)(dollar + 1 - v), &start)) {
		bad_value(c, "memmap", v, len, "bad start address");
		return;
	}
	if (size > U64_MAX - start) {
		bad_value(c, "memmap", v, len, "range wraps past 2^64");
		return;
	}
	if (kp->nr_memmap >= MAX_MEMMAP_RESERVE) {
		bad_value(c, "memmap", v, len, "too many ranges (at most 16)");
		return;
	}
	kp->memmap[kp->nr_memmap].start = start;
	kp->memmap[kp->nr_memmap].size = size;
	kp->nr_memmap++;
}

static void parse_memmap(struct param_ctx *c, const char *v, size_t len)
{
	size_t i, from = 0;

	if (!len) {
		bad_value(c, "memmap", v, len, "needs <size>$<start>");
		return;
	}
	for (i = 0; i <= len; i++)
		if (i == len || v[i] == ',') {
			parse_memmap_one(c, v + from, i - from);
			from = i + 1;
		}
}

/* One word, already stripped of quotes: [name, name+nlen) "=" [val, val+vlen) */
static void parse_one(struct param_ctx *c, const char *w, size_t wlen, bool first)
{
	struct kernel_params *kp = c->kp;
	const char *eq = strchr(w, '=');	/* @w is NUL-terminated */
	size_t nlen = eq ? (size_t)(eq - w) : wlen;
	const char *val = eq ? eq + 1 : NULL;
	size_t vlen = eq ? wlen - nlen - 1 : 0;
	u64 size;
	bool b;
	int err;

#define NAME_IS(lit)	streq_n(w, nlen, lit)
	if (first && w[0] == '/')
		return;			/* the image path */
	if (NAME_IS("BOOT_IMAGE") && val)
		return;

	if (NAME_IS("mem") && val) {
		err = parse_size(val, vlen, &size);
		if (err || !size)
			bad_value(c, "mem", val, vlen, err == -ERANGE ? "too large" : "expected <size>[KMG]");
		else
			kp->mem_limit = size;
	} else if (NAME_IS("memmap") && val) {
		parse_memmap(c, val, vlen);
	} else if (NAME_IS("highmem") && val) {
		err = parse_size(val, vlen, &size);
		if (err) {
			bad_value(c, "highmem", val, vlen, err == -ERANGE ? "too large" : "expected <size>[KMG]");
		} else {
			kp->highmem_size = size;
			kp->highmem_set = true;
		}
	} else if (NAME_IS("selftest")) {
		if (!val) {
			kp->selftest = true;
			kp->selftest_suite[0] = '\0';
		} else if (!vlen || vlen >= sizeof(kp->selftest_suite)) {
			bad_value(c, "selftest", val, vlen, "suite name empty or longer than 31");
		} else {
			kp->selftest = true;
			memcpy(kp->selftest_suite, val, vlen);
			kp->selftest_suite[vlen] = '\0';
		}
	} else if (NAME_IS("debug_pagealloc") || NAME_IS("page_poison")) {
		const char *name = NAME_IS("page_poison") ? "page_poison" : "debug_pagealloc";

		if (!val || parse_bool(val, vlen, &b))
			bad_value(c, name, val ? val : "", vlen, "expected on or off");
		else if (name[0] == 'p')
			kp->page_poison = b;
		else
			kp->debug_pagealloc = b;
	} else if (NAME_IS("page_owner")) {
		if (!val || parse_bool(val, vlen, &b))
			bad_value(c, "page_owner", val ? val : "", vlen, "expected on or off");
		else
			kp->page_owner = b;
	} else if (NAME_IS("page_group_by_mobility")) {
		if (!val || parse_bool(val, vlen, &b))
			bad_value(c, "page_group_by_mobility", val ? val : "", vlen, "expected on or off");
		else
			kp->no_mobility_grouping = !b;
	} else if (NAME_IS("loglevel") && val) {
		if (parse_size(val, vlen, &size) || vlen != 1 || size > 8)
			bad_value(c, "loglevel", val, vlen, "expected 0..8");
		else
			kp->loglevel = (int)size;
	} else if (NAME_IS("quiet") && !val) {
		kp->quiet = true;
	} else if (NAME_IS("nosmp") && !val) {
		kp->nosmp = true;
	} else if (NAME_IS("maxcpus") && val) {
		unsigned int n;

		if (kstrtouint(val, 10, &n) || n > 4096)	/* @val ends the word */
			bad_value(c, "maxcpus", val, vlen, "expected a number of CPUs");
		else
			kp->maxcpus = (int)n;
	} else if (NAME_IS("bench") && !val) {
		kp->bench = true;
	} else if (NAME_IS("slub_debug")) {
		/* the letters and cache names are mm/slub.c's to read */
		if (vlen >= sizeof(kp->slub_debug)) {
			bad_value(c, "slub_debug", val, vlen, "longer than 63");
		} else {
			kp->slub_debug_set = true;
			memcpy(kp->slub_debug, val ? val : "", vlen);
			kp->slub_debug[vlen] = '\0';
		}
	} else if ((NAME_IS("mem") || NAME_IS("memmap") || NAME_IS("highmem") ||
		    NAME_IS("loglevel") || NAME_IS("maxcpus")) && !val) {
		kp->nr_errors++;
		pr_warn("kernel command line: %s needs a value, ignored\n", w);
	} else {
		add_unknown(c, w, wlen);
	}
#undef NAME_IS
}

int parse_kernel_params(const char *cmdline, struct kernel_params *kp)
{
	static struct param_ctx c;	/* 300 bytes: keep it off the boot stack */
	char word[256];
	const char *p = cmdline;
	bool first = true;

	memset(kp, 0, sizeof(*kp));
	kp->loglevel = -1;
	kp->maxcpus = -1;
	memset(&c, 0, sizeof(c));
	c.kp = kp;
	if (!p)
		return 0;

	for (;;) {
		size_t n = 0;
		bool in_quote = false, too_long = false;

		while (is_space(*p))
			p++;
		if (!*p)
			break;
		/* a word ends at unquoted white space; the quotes themselves go */
		for (; *p && (in_quote || !is_space(*p)); p++) {
			if (*p == '"') {
				in_quote = !in_quote;
				continue;
			}
			if (n < sizeof(word) - 1)
				word[n++] = *p;
			else
				too_long = true;
		}
		word[n] = '\0';
		if (in_quote) {
			kp->nr_errors++;
			pr_warn("kernel command line: unterminated quote in \"%s\", ignored\n", word);
			break;
		}
		if (too_long) {
			kp->nr_errors++;
			pr_warn("kernel command line: word \"%.32s...\" longer than %zu bytes, ignored\n",
				word, sizeof(word) - 1);
		} else if (!strcmp(word, "--")) {
			break;		/* the rest would be init's */
		} else {
			parse_one(&c, word, n, first);
		}
		first = false;
	}
	if (c.unknown_len)
		pr_warn("Unknown kernel command line parameters \"%s%s\", will be ignored\n",
			c.unknown, c.unknown_truncated ? "..." : "");
	return (int)kp->nr_errors;
}
