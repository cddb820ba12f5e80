// SPDX-License-Identifier: GPL-2.0
/*
 * boot/multiboot2.c - turn the Multiboot2 boot information into plain data.
 *
 * This is the border between the boot loader and the kernel (STYLE.md,
 * habit 1): nothing after multiboot2_parse() looks at a Multiboot2
 * structure; it reads struct boot_info.
 *
 * The information is treated as untrusted bytes.  We are given a pointer
 * and the number of bytes that may be read (@len), nothing more:
 *   - every multi-byte field is fetched with memcpy (the buffer need not be
 *     aligned, and the host fuzzer hands us odd addresses);
 *   - no byte at or beyond min(total_size, len) is ever read;
 *   - the header (total_size, reserved) must be sane or the whole buffer is
 *     rejected: without a trustworthy total_size nothing else can be;
 *   - tags follow at 8-byte-aligned offsets (the spec's padding rule).  A
 *     tag whose size is below 8 or runs past total_size ends the walk (the
 *     next tag's position cannot be known); a tag whose own contents are
 *     malformed (too short for its type, bad entry size, bad checksum) is
 *     reported with its type and offset and skipped.  Either way
 *     nr_bad_tags counts it.
 *
 * The memory map: tag 6 (the BIOS e820 map as GRUB saw it) is used when
 * present.  Otherwise tag 17, the UEFI memory map, is converted the way
 * Linux's do_add_efi_memmap() converts it (below).  Only if both are
 * missing do we fall back to tag 4's two numbers, with a warning: that
 * view has no holes and no reserved ranges at all.  Entries that do not
 * fit in E820_MAX_ENTRIES are dropped and counted aloud.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/bootinfo.h>

#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_LOADER		2
#define MB2_TAG_BASIC_MEMINFO	4
#define MB2_TAG_MMAP		6
#define MB2_TAG_FRAMEBUFFER	8
#define MB2_TAG_EFI32		11
#define MB2_TAG_EFI64		12
#define MB2_TAG_ACPI_OLD	14
#define MB2_TAG_ACPI_NEW	15
#define MB2_TAG_EFI_MMAP	17

#define MB2_TAG_HDR		8	/* u32 type, u32 size */
#define MB2_MMAP_ENTRY_MIN	24	/* u64 base, u64 len, u32 type, u32 reserved */
#define EFI_MD_MIN		40	/* u32 type, u32 pad, u64 phys, virt, pages, attr */
#define EFI_PAGE_SHIFT		12
#define EFI_MEMORY_WB		0x8ULL

/* UEFI memory types (UEFI spec 2.x, table "Memory Type Usage") */
enum efi_memory_type {
	EFI_RESERVED_TYPE,
	EFI_LOADER_CODE,
	EFI_LOADER_DATA,
	EFI_BOOT_SERVICES_CODE,
	EFI_BOOT_SERVICES_DATA,
	EFI_RUNTIME_SERVICES_CODE,
	EFI_RUNTIME_SERVICES_DATA,
	EFI_CONVENTIONAL_MEMORY,
	EFI_UNUSABLE_MEMORY,
	EFI_ACPI_RECLAIM_MEMORY,
	EFI_ACPI_MEMORY_NVS,
	EFI_MEMORY_MAPPED_IO,
	EFI_MEMORY_MAPPED_IO_PORT_SPACE,
	EFI_PAL_CODE,
	EFI_PERSISTENT_MEMORY,
};

struct mb2_ctx {
	const u8 *buf;
	u32 total;		/* bytes we may read: min(total_size, len) */
	struct boot_info *bi;
	u32 mmap_dropped;	/* entries that did not fit */
	bool have_mmap, have_efi_mmap, have_meminfo;
	u32 meminfo_lower, meminfo_upper;
	u32 efi_mmap_off, efi_mmap_size;	/* tag 17 kept for after the walk */
	bool have_rsdp_new;
};

static u32 get_u32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static u64 get_u64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static __printf(4, 5) void bad_tag(struct mb2_ctx *c, u32 type, u32 off, const char *fmt, ...)
{
	char why[96];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	c->bi->nr_bad_tags++;
	pr_warn("multiboot2: tag %u at offset %#x: %s, skipped\n", type, off, why);
}

static void mmap_add(struct mb2_ctx *c, u64 addr, u64 size, u32 type)
{
	struct e820_table *t = &c->bi->e820;

	if (t->nr_entries >= E820_MAX_ENTRIES) {
		c->mmap_dropped++;
		return;
	}
	t->entries[t->nr_entries++] = (struct e820_entry){ addr, size, type };
}

/* Copy a string tag's payload, NUL-terminated, reporting what is odd about it. */
static void copy_string(struct mb2_ctx *c, u32 type, u32 off, u32 size,
			char *dst, size_t dst_len, const char *what)
{
	const char *src = (const char *)c->buf + off + MB2_TAG_HDR;
	size_t n = size - MB2_TAG_HDR;
	size_t len = strnlen(src, n);

	if (len == n && n)
		pr_warn("multiboot2: tag %u at offset %#x: %s not NUL-terminated, used %zu bytes\n",
			type, off, what, n);
	if (len >= dst_len) {
		pr_warn("multiboot2: %s truncated from %zu to %zu bytes\n", what, len, dst_len - 1);
		len = dst_len - 1;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* Multiboot2 memory map types are e820's (GRUB copies e820 through). */
static void parse_mmap(struct mb2_ctx *c, u32 off, u32 size)
{
	const u8 *p = c->buf + off;
	u32 entry_size, entry_version, n, i;

	if (size < MB2_TAG_HDR + 8) {
		bad_tag(c, MB2_TAG_MMAP, off, "size %u too small", size);
		return;
	}
	entry_size = get_u32(p + 8);
	entry_version = get_u32(p + 12);
	if (entry_size < MB2_MMAP_ENTRY_MIN || entry_size % 8) {
		bad_tag(c, MB2_TAG_MMAP, off, "entry_size %u invalid (need >= 24, multiple of 8)", entry_size);
		return;
	}
	if (c->have_mmap) {
		bad_tag(c, MB2_TAG_MMAP, off, "second memory map (size %u)", size);
		return;
	}
	if (entry_version != 0)
		pr_warn("multiboot2: tag 6 at offset %#x: entry_version %u, reading the version 0 fields\n",
			off, entry_version);
	n = (size - 16) / entry_size;
	if ((size - 16) % entry_size)
		pr_warn("multiboot2: tag 6 at offset %#x: %u trailing bytes after %u entries ignored\n",
			off, (size - 16) % entry_size, n);

	c->have_mmap = true;
	c->bi->mmap_source = BOOT_MMAP_E820;
	c->bi->e820.nr_entries = 0;
	for (i = 0; i < n; i++) {
		const u8 *e = p + 16 + (size_t)i * entry_size;
		u32 type = get_u32(e + 16);

		/* the spec: "other values: reserved area"; 0 would mean nothing */
		mmap_add(c, get_u64(e), get_u64(e + 8), type ? type : E820_TYPE_RESERVED);
	}
}

/*
 * Linux's do_add_efi_memmap(): memory the OS may use once boot services
 * are gone becomes RAM, but only if it is cacheable (write-back); the ACPI
 * kinds and persistent memory keep their e820 names; everything else
 * (runtime services, MMIO, PAL code, unknown types) is reserved.
 */
static u32 efi_to_e820_type(u32 efi_type, u64 attr)
{
	switch (efi_type) {
	case EFI_LOADER_CODE:
	case EFI_LOADER_DATA:
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
	case EFI_CONVENTIONAL_MEMORY:
		return (attr & EFI_MEMORY_WB) ? E820_TYPE_RAM : E820_TYPE_RESERVED;
	case EFI_ACPI_RECLAIM_MEMORY:
		return E820_TYPE_ACPI;
	case EFI_ACPI_MEMORY_NVS:
		return E820_TYPE_NVS;
	case EFI_UNUSABLE_MEMORY:
		return E820_TYPE_UNUSABLE;
	case EFI_PERSISTENT_MEMORY:
		return E820_TYPE_PMEM;
	default:
		return E820_TYPE_RESERVED;
	}
}

static bool check_efi_mmap(struct mb2_ctx *c, u32 off, u32 size)
{
	u32 desc_size;

	if (size < MB2_TAG_HDR + 8) {
		bad_tag(c, MB2_TAG_EFI_MMAP, off, "size %u too small", size);
		return false;
	}
	desc_size = get_u32(c->buf + off + 8);
	if (desc_size < EFI_MD_MIN || desc_size % 8) {
		bad_tag(c, MB2_TAG_EFI_MMAP, off, "descriptor size %u invalid (need >= 40, multiple of 8)", desc_size);
		return false;
	}
	if (c->have_efi_mmap) {
		bad_tag(c, MB2_TAG_EFI_MMAP, off, "second EFI memory map (size %u)", size);
		return false;
	}
	return true;
}

static void parse_efi_mmap(struct mb2_ctx *c, u32 off, u32 size)
{
	const u8 *p = c->buf + off;
	u32 desc_size = get_u32(p + 8), desc_version = get_u32(p + 12);
	u32 n = (size - 16) / desc_size, i;

	if (desc_version != 1)
		pr_warn("multiboot2: tag 17 at offset %#x: descriptor version %u, expected 1\n",
			off, desc_version);
	c->bi->mmap_source = BOOT_MMAP_EFI;
	c->bi->e820.nr_entries = 0;
	for (i = 0; i < n; i++) {
		const u8 *md = p + 16 + (size_t)i * desc_size;
		u64 start = get_u64(md + 8), pages = get_u64(md + 24);
		u64 size_bytes;

		if (pages > (~0ULL >> EFI_PAGE_SHIFT)) {
			pr_warn("multiboot2: EFI descriptor %u: %llu pages overflow, skipped\n",
				i, (unsigned long long)pages);
			continue;
		}
		size_bytes = pages << EFI_PAGE_SHIFT;
		mmap_add(c, start, size_bytes, efi_to_e820_type(get_u32(md), get_u64(md + 32)));
	}
}

/* a framebuffer tag: u64 addr, u32 pitch, width, height, u8 bpp, type, u16 reserved */
static void parse_framebuffer(struct mb2_ctx *c, u32 off, u32 size)
{
	const u8 *p = c->buf + off;
	struct boot_framebuffer fb = { 0 };
	u8 type;

	if (size < 32) {
		bad_tag(c, MB2_TAG_FRAMEBUFFER, off, "size %u too small", size);
		return;
	}
	fb.addr = get_u64(p + 8);
	fb.pitch = get_u32(p + 16);
	fb.width = get_u32(p + 20);
	fb.height = get_u32(p + 24);
	fb.bpp = p[28];
	type = p[29];

	switch (type) {
	case 0:
		fb.type = BOOT_FB_INDEXED;
		break;
	case 1:
		/* GRUB places the colour info after a u16 reserved field: offset 32 */
		if (size < 38) {
			bad_tag(c, MB2_TAG_FRAMEBUFFER, off, "size %u too small for RGB colour info", size);
			return;
		}
		fb.type = BOOT_FB_RGB;
		fb.red_pos = p[32];
		fb.red_size = p[33];
		fb.green_pos = p[34];
		fb.green_size = p[35];
		fb.blue_pos = p[36];
		fb.blue_size = p[37];
		break;
	case 2:
		fb.type = BOOT_FB_EGA_TEXT;	/* width/height in characters */
		break;
	default:
		bad_tag(c, MB2_TAG_FRAMEBUFFER, off, "unknown framebuffer type %u", type);
		return;
	}
	if (!fb.width || !fb.height || !fb.pitch || !fb.bpp) {
		bad_tag(c, MB2_TAG_FRAMEBUFFER, off, "empty geometry %ux%u pitch %u bpp %u", fb.width, fb.height, fb.pitch, fb.bpp);
		return;
	}
	if ((u64)fb.width * fb.bpp > (u64)fb.pitch * 8 && type != 2) {
		bad_tag(c, MB2_TAG_FRAMEBUFFER, off, "pitch %u too small for %u pixels of %u bits", fb.pitch, fb.width, fb.bpp);
		return;
	}
	c->bi->fb = fb;
}

static u8 checksum(const u8 *p, size_t n)
{
	u8 sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

/* tag 14 carries an ACPI 1.0 RSDP (20 bytes), tag 15 an ACPI 2.0+ XSDP (36) */
static void parse_rsdp(struct mb2_ctx *c, u32 type, u32 off, u32 size)
{
	const u8 *r = c->buf + off + MB2_TAG_HDR;
	u32 need = type == MB2_TAG_ACPI_NEW ? 36 : 20;

	if (size < MB2_TAG_HDR + need) {
		bad_tag(c, type, off, "size %u too small for an RSDP", size);
		return;
	}
	if (memcmp(r, "RSD PTR ", 8)) {
		bad_tag(c, type, off, "RSDP signature is not \"RSD PTR \"");
		return;
	}
	if (checksum(r, 20) || (need == 36 && checksum(r, 36))) {
		bad_tag(c, type, off, "RSDP checksum wrong");
		return;
	}
	/* prefer the 2.0 table whichever order the tags come in */
	if (type == MB2_TAG_ACPI_OLD && c->have_rsdp_new)
		return;
	memcpy(c->bi->rsdp, r, need);
	c->bi->rsdp_len = need;
	c->bi->rsdp_present = true;
	if (type == MB2_TAG_ACPI_NEW)
		c->have_rsdp_new = true;
}

static void parse_tag(struct mb2_ctx *c, u32 type, u32 off, u32 size)
{
	struct boot_info *bi = c->bi;

	switch (type) {
	case MB2_TAG_CMDLINE:
		copy_string(c, type, off, size, bi->cmdline, sizeof(bi->cmdline), "command line");
		break;
	case MB2_TAG_LOADER:
		copy_string(c, type, off, size, bi->loader, sizeof(bi->loader), "boot loader name");
		break;
	case MB2_TAG_BASIC_MEMINFO:
		if (size < 16) {
			bad_tag(c, type, off, "size %u too small", size);
			break;
		}
		c->have_meminfo = true;
		c->meminfo_lower = get_u32(c->buf + off + 8);
		c->meminfo_upper = get_u32(c->buf + off + 12);
		break;
	case MB2_TAG_MMAP:
		parse_mmap(c, off, size);
		break;
	case MB2_TAG_EFI_MMAP:
		if (check_efi_mmap(c, off, size)) {
			c->have_efi_mmap = true;
			c->efi_mmap_off = off;
			c->efi_mmap_size = size;
		}
		break;
	case MB2_TAG_FRAMEBUFFER:
		parse_framebuffer(c, off, size);
		break;
	case MB2_TAG_EFI32:
	case MB2_TAG_EFI64:
		if (size < MB2_TAG_HDR + (type == MB2_TAG_EFI32 ? 4 : 8)) {
			bad_tag(c, type, off, "size %u too small", size);
			break;
		}
		bi->efi_booted = true;
		break;
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		parse_rsdp(c, type, off, size);
		break;
	default:
		break;		/* boot device, modules, APM, SMBIOS, ...: not needed */
	}
}

static void use_meminfo(struct mb2_ctx *c)
{
	u32 lower = c->meminfo_lower, upper = c->meminfo_upper;

	pr_warn("multiboot2: no memory map, using basic meminfo (lower %u KiB, upper %u KiB): no holes or reserved ranges known\n",
		lower, upper);
	if (lower > 640)
		lower = 640;	/* conventional memory never extends past 640 KiB */
	c->bi->mmap_source = BOOT_MMAP_MEMINFO;
	c->bi->e820.nr_entries = 0;
	if (lower)
		mmap_add(c, 0, (u64)lower << 10, E820_TYPE_RAM);
	if (upper)
		mmap_add(c, 0x100000, (u64)upper << 10, E820_TYPE_RAM);
}

int multiboot2_parse(const void *mbi, size_t len, struct boot_info *bi)
{
	struct mb2_ctx c = { .buf = mbi, .bi = bi };
	u32 total_size, off;
	u64 next;
	bool seen_end = false;

	memset(bi, 0, sizeof(*bi));
	if (!mbi || len < 8) {
		pr_err("multiboot2: information missing or shorter than its header (%zu bytes), rejected\n",
		       mbi ? len : (size_t)0);
		return -EINVAL;
	}
	if ((uintptr_t)mbi & 7)
		pr_warn("multiboot2: information at %p is not 8-byte aligned\n", mbi);
	total_size = get_u32(c.buf);
	if (total_size < 8 || total_size > len) {
		pr_err("multiboot2: total_size %u outside [8, %zu], rejected\n", total_size, len);
		return -EINVAL;
	}
	c.total = total_size;

	for (off = 8; off <= c.total - MB2_TAG_HDR; ) {
		u32 type = get_u32(c.buf + off), size = get_u32(c.buf + off + 4);

		if (size < MB2_TAG_HDR) {
			c.bi->nr_bad_tags++;
			pr_warn("multiboot2: tag %u at offset %#x: size %u too small, rest of the information ignored\n",
				type, off, size);
			break;
		}
		if (size > c.total - off) {
			c.bi->nr_bad_tags++;
			pr_warn("multiboot2: tag %u at offset %#x: size %u runs past total_size %u, rest ignored\n",
				type, off, size, c.total);
			break;
		}
		if (type == MB2_TAG_END) {
			if (size != MB2_TAG_HDR)
				pr_warn("multiboot2: end tag at offset %#x has size %u\n", off, size);
			seen_end = true;
			break;
		}
		parse_tag(&c, type, off, size);
		/* the next tag starts at the next multiple of 8 (64-bit: no wrap) */
		next = (u64)off + ALIGN((u64)size, 8);
		if (next > c.total)
			break;
		off = (u32)next;
	}
	if (!seen_end)
		pr_warn("multiboot2: no end tag within total_size %u\n", c.total);

	if (!c.have_mmap && c.have_efi_mmap)
		parse_efi_mmap(&c, c.efi_mmap_off, c.efi_mmap_size);
	else if (!c.have_mmap && c.have_meminfo)
		use_meminfo(&c);
	else if (!c.have_mmap)
		pr_err("multiboot2: no memory map, EFI memory map or basic meminfo tag\n");
	if (c.mmap_dropped)
		pr_err("multiboot2: memory map has %u entries, only %u kept: %u dropped\n",
		       E820_MAX_ENTRIES + c.mmap_dropped, E820_MAX_ENTRIES, c.mmap_dropped);
	return 0;
}
