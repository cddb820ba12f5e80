// SPDX-License-Identifier: GPL-2.0
/*
 * boot/multiboot2.c: buffers built tag by tag as GRUB builds them (SeaBIOS
 * and OVMF style), then broken in every way the parser must survive: bad
 * header, short and overlong tags, bad entry sizes, missing end tag,
 * unaligned buffer, too many entries, bad RSDP.
 */
#include <kunit/test.h>
#include <linux/bootinfo.h>

struct mb2_builder {
	u8 buf[8192] __aligned(8);
	u32 len;
};

static void put32(u8 *p, u32 v) { memcpy(p, &v, 4); }
static void put64(u8 *p, u64 v) { memcpy(p, &v, 8); }

static void mb_begin(struct mb2_builder *b)
{
	memset(b->buf, 0, sizeof(b->buf));
	b->len = 8;
}

/* append a tag of @payload_len bytes (copied from @payload if non-NULL); its offset */
static u32 mb_tag(struct mb2_builder *b, u32 type, const void *payload, u32 payload_len)
{
	u32 off = b->len;

	put32(b->buf + off, type);
	put32(b->buf + off + 4, 8 + payload_len);
	if (payload)
		memcpy(b->buf + off + 8, payload, payload_len);
	b->len = ALIGN(off + 8 + payload_len, 8);
	return off;
}

static u32 mb_end(struct mb2_builder *b)
{
	mb_tag(b, 0, NULL, 0);
	put32(b->buf, b->len);
	return b->len;
}

static u32 mb_mmap(struct mb2_builder *b, const u64 (*e)[3], u32 n)
{
	u8 p[16 + 24 * 32];
	u32 i;

	put32(p, 24);
	put32(p + 4, 0);
	for (i = 0; i < n; i++) {
		put64(p + 8 + 24 * i, e[i][0]);
		put64(p + 8 + 24 * i + 8, e[i][1]);
		put32(p + 8 + 24 * i + 16, (u32)e[i][2]);
		put32(p + 8 + 24 * i + 20, 0);
	}
	return mb_tag(b, 6, p, 8 + 24 * n);
}

/* QEMU -m 2G under SeaBIOS, as GRUB reports it */
static const u64 qemu_2g[][3] = {
	{ 0x0, 0x9fc00, 1 }, { 0x9fc00, 0x400, 2 }, { 0xf0000, 0x10000, 2 },
	{ 0x100000, 0x7fee0000, 1 }, { 0x7ffe0000, 0x20000, 2 }, { 0xfeffc000, 0x4000, 2 },
	{ 0xfffc0000, 0x40000, 2 },
};

static void make_rsdp(u8 *r, unsigned int rev)
{
	u8 sum = 0;
	int i;

	memset(r, 0, 36);
	memcpy(r, "RSD PTR ", 8);
	memcpy(r + 9, "BOCHS ", 6);
	r[15] = (u8)rev;
	put32(r + 16, 0x7ffe1234);
	for (i = 0; i < 20; i++)
		sum += r[i];
	r[8] = (u8)-sum;
	if (rev >= 2) {
		put32(r + 20, 36);
		for (sum = 0, i = 0; i < 36; i++)
			sum += r[i];
		r[32] = (u8)-sum;
	}
}

static struct mb2_builder b;
static struct boot_info bi;
static struct printk_capture cap;

static void mb2_seabios_typical(struct kunit *test)
{
	static const char cmd[] = "selftest mem=512M";
	static const char loader[] = "GRUB 2.06-13+deb12u1";
	u8 meminfo[8], fb[24], rsdp[36];

	mb_begin(&b);
	mb_tag(&b, 1, cmd, sizeof(cmd));
	mb_tag(&b, 2, loader, sizeof(loader));
	put32(meminfo, 639);
	put32(meminfo + 4, 2096000);
	mb_tag(&b, 4, meminfo, 8);
	mb_tag(&b, 5, "\x80\0\0\0\xff\xff\xff\xff\xff\xff\xff\xff", 12);	/* boot device: ignored */
	mb_mmap(&b, qemu_2g, ARRAY_SIZE(qemu_2g));
	memset(fb, 0, sizeof(fb));
	put64(fb, 0xb8000);
	put32(fb + 8, 160);
	put32(fb + 12, 80);
	put32(fb + 16, 25);
	fb[20] = 16;
	fb[21] = 2;		/* EGA text */
	mb_tag(&b, 8, fb, 24);
	make_rsdp(rsdp, 0);
	mb_tag(&b, 14, rsdp, 20);
	mb_end(&b);

	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_EXPECT_EQ(test, bi.nr_bad_tags, 0);
	KUNIT_EXPECT_STREQ(test, bi.cmdline, cmd);
	KUNIT_EXPECT_STREQ(test, bi.loader, loader);
	KUNIT_EXPECT_EQ(test, bi.mmap_source, BOOT_MMAP_E820);
	KUNIT_ASSERT_EQ(test, bi.e820.nr_entries, 7);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[3].addr, 0x100000);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[3].size, 0x7fee0000);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[3].type, E820_TYPE_RAM);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[6].type, E820_TYPE_RESERVED);
	KUNIT_EXPECT_EQ(test, bi.fb.type, BOOT_FB_EGA_TEXT);
	KUNIT_EXPECT_EQ(test, bi.fb.addr, 0xb8000);
	KUNIT_EXPECT_EQ(test, bi.fb.width, 80);
	KUNIT_EXPECT_EQ(test, bi.fb.height, 25);
	KUNIT_EXPECT_TRUE(test, bi.rsdp_present);
	KUNIT_EXPECT_EQ(test, bi.rsdp_len, 20);
	KUNIT_EXPECT_EQ(test, memcmp(bi.rsdp, rsdp, 20), 0);
	KUNIT_EXPECT_FALSE(test, bi.efi_booted);
}

/* an EFI memory descriptor: type, phys, pages, attribute (48-byte stride) */
static void efi_md(u8 *p, u32 type, u64 phys, u64 pages, u64 attr)
{
	memset(p, 0, 48);
	put32(p, type);
	put64(p + 8, phys);
	put64(p + 16, 0);
	put64(p + 24, pages);
	put64(p + 32, attr);
}

#define WB	0xfULL		/* UC | WC | WT | WB, as OVMF reports */

static u32 mb_efi_mmap(struct mb2_builder *bb)
{
	static const struct { u32 type; u64 phys, pages, attr; } md[] = {
		{ 3, 0x0, 0xa0, WB },		/* boot services code -> RAM */
		{ 7, 0x100000, 0x700, WB },	/* conventional -> RAM */
		{ 10, 0x800000, 0x8, WB },	/* ACPI NVS */
		{ 7, 0x808000, 0x3, WB },
		{ 4, 0x80b000, 0x1, WB },	/* boot services data */
		{ 10, 0x80c000, 0x4, WB },
		{ 7, 0x810000, 0xf0, WB },
		{ 10, 0x900000, 0x100, WB },
		{ 1, 0x1000000, 0x10, WB },	/* loader code -> RAM */
		{ 2, 0x1010000, 0x10, WB },	/* loader data -> RAM */
		{ 9, 0x3f000000, 0x20, WB },	/* ACPI reclaim -> ACPI data */
		{ 5, 0x3f020000, 0x40, WB | (1ULL << 63) },	/* runtime code -> reserved */
		{ 6, 0x3f060000, 0x40, WB | (1ULL << 63) },	/* runtime data -> reserved */
		{ 0, 0x3f0a0000, 0x10, WB },	/* reserved */
		{ 8, 0x3f0b0000, 0x10, WB },	/* unusable */
		{ 14, 0x3f0c0000, 0x10, WB },	/* persistent -> PMEM */
		{ 11, 0xffc00000, 0x400, 1 },	/* MMIO -> reserved */
		{ 7, 0x3f0d0000, 0x10, 0x1 },	/* conventional but UC only -> reserved */
		{ 13, 0x3f0e0000, 0x10, WB },	/* PAL code -> reserved */
		{ 99, 0x3f0f0000, 0x10, WB },	/* unknown -> reserved */
	};
	u8 p[8 + 48 * ARRAY_SIZE(md)];
	u32 i;

	put32(p, 48);
	put32(p + 4, 1);
	for (i = 0; i < ARRAY_SIZE(md); i++)
		efi_md(p + 8 + 48 * i, md[i].type, md[i].phys, md[i].pages, md[i].attr);
	return mb_tag(bb, 17, p, sizeof(p));
}

static void mb2_efi_map_converted_like_linux(struct kunit *test)
{
	static const u32 expect[] = {
		E820_TYPE_RAM, E820_TYPE_RAM, E820_TYPE_NVS, E820_TYPE_RAM, E820_TYPE_RAM,
		E820_TYPE_NVS, E820_TYPE_RAM, E820_TYPE_NVS, E820_TYPE_RAM, E820_TYPE_RAM,
		E820_TYPE_ACPI, E820_TYPE_RESERVED, E820_TYPE_RESERVED, E820_TYPE_RESERVED,
		E820_TYPE_UNUSABLE, E820_TYPE_PMEM, E820_TYPE_RESERVED, E820_TYPE_RESERVED,
		E820_TYPE_RESERVED, E820_TYPE_RESERVED,
	};
	u8 sys[8] = { 0 };
	u32 i;

	mb_begin(&b);
	mb_tag(&b, 12, sys, 8);		/* EFI 64-bit system table pointer */
	mb_efi_mmap(&b);
	mb_end(&b);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	KUNIT_EXPECT_TRUE(test, bi.efi_booted);
	KUNIT_EXPECT_EQ(test, bi.mmap_source, BOOT_MMAP_EFI);
	KUNIT_ASSERT_EQ(test, bi.e820.nr_entries, ARRAY_SIZE(expect));
	for (i = 0; i < ARRAY_SIZE(expect); i++)
		KUNIT_EXPECT_EQ(test, bi.e820.entries[i].type, expect[i]);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[1].addr, 0x100000);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[1].size, 0x700000);
}

/* tag 6 wins over tag 17 whichever comes first */
static void mb2_e820_preferred_over_efi(struct kunit *test)
{
	mb_begin(&b);
	mb_efi_mmap(&b);
	mb_mmap(&b, qemu_2g, ARRAY_SIZE(qemu_2g));
	mb_end(&b);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	KUNIT_EXPECT_EQ(test, bi.mmap_source, BOOT_MMAP_E820);
	KUNIT_EXPECT_EQ(test, bi.e820.nr_entries, ARRAY_SIZE(qemu_2g));
	KUNIT_EXPECT_FALSE(test, bi.efi_booted);
}

static void mb2_basic_meminfo_fallback(struct kunit *test)
{
	u8 meminfo[8];

	mb_begin(&b);
	put32(meminfo, 639);
	put32(meminfo + 4, 130048);	/* KiB above 1 MiB: 128 MiB machine */
	mb_tag(&b, 4, meminfo, 8);
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "no memory map, using basic meminfo (lower 639 KiB, upper 130048 KiB)");
	KUNIT_EXPECT_EQ(test, bi.mmap_source, BOOT_MMAP_MEMINFO);
	KUNIT_ASSERT_EQ(test, bi.e820.nr_entries, 2);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[0].size, 639 * 1024);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[1].addr, 0x100000);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[1].size, 130048ULL * 1024);
}

static void mb2_no_memory_information(struct kunit *test)
{
	mb_begin(&b);
	mb_tag(&b, 1, "quiet", 6);
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "no memory map, EFI memory map or basic meminfo tag");
	KUNIT_EXPECT_EQ(test, bi.mmap_source, BOOT_MMAP_NONE);
	KUNIT_EXPECT_EQ(test, bi.e820.nr_entries, 0);
	KUNIT_EXPECT_STREQ(test, bi.cmdline, "quiet");
}

static void mb2_bad_header_rejected(struct kunit *test)
{
	mb_begin(&b);
	mb_mmap(&b, qemu_2g, 2);
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, multiboot2_parse(b.buf, 4, &bi), -EINVAL);
	KUNIT_EXPECT_EQ(test, multiboot2_parse(NULL, 64, &bi), -EINVAL);
	/* total_size larger than what we may read */
	KUNIT_EXPECT_EQ(test, multiboot2_parse(b.buf, b.len - 8, &bi), -EINVAL);
	put32(b.buf, 4);
	KUNIT_EXPECT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), -EINVAL);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "total_size 4 outside [8, ");
	KUNIT_EXPECT_EQ(test, bi.e820.nr_entries, 0);
}

/* the brief's example: a memory map tag too small to hold its header */
static void mb2_short_tag_skipped_with_offset(struct kunit *test)
{
	u32 off;

	mb_begin(&b);
	mb_tag(&b, 1, "0123456789abcdef0123456789abcdef0123456789abcdef0123456", 56);
	off = mb_tag(&b, 6, "abcd", 4);
	mb_tag(&b, 2, "GRUB", 5);
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, off, 0x48);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "multiboot2: tag 6 at offset 0x48: size 12 too small, skipped");
	KUNIT_EXPECT_EQ(test, bi.nr_bad_tags, 1);
	KUNIT_EXPECT_STREQ(test, bi.loader, "GRUB");	/* the walk went on */
}

static void mb2_bad_entry_size(struct kunit *test)
{
	u8 p[8 + 20 * 2] = { 0 };

	mb_begin(&b);
	put32(p, 20);		/* entry_size 20: not even a whole entry */
	mb_tag(&b, 6, p, sizeof(p));
	put32(p, 0);
	mb_tag(&b, 17, p, sizeof(p));
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "tag 6 at offset 0x8: entry_size 20 invalid");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "tag 17 at offset 0x40: descriptor size 0 invalid");
	KUNIT_EXPECT_EQ(test, bi.nr_bad_tags, 2);
	KUNIT_EXPECT_EQ(test, bi.e820.nr_entries, 0);
}

static void mb2_tag_size_below_header_stops(struct kunit *test)
{
	mb_begin(&b);
	mb_mmap(&b, qemu_2g, 3);
	put32(b.buf + b.len, 1);
	put32(b.buf + b.len + 4, 4);	/* size 4 < 8: next tag unknowable */
	b.len += 8;
	mb_tag(&b, 2, "never read", 11);
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "size 4 too small, rest of the information ignored");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "no end tag");
	KUNIT_EXPECT_EQ(test, bi.e820.nr_entries, 3);
	KUNIT_EXPECT_STREQ(test, bi.loader, "");
}

static void mb2_tag_past_total_size(struct kunit *test)
{
	u32 total;

	mb_begin(&b);
	mb_tag(&b, 1, "mem=1G", 7);
	mb_mmap(&b, qemu_2g, 7);
	total = mb_end(&b);
	/* claim the buffer ends in the middle of the memory map */
	put32(b.buf, 64);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, total, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "tag 6 at offset 0x18: size 184 runs past total_size 64");
	KUNIT_EXPECT_EQ(test, bi.e820.nr_entries, 0);
	KUNIT_EXPECT_STREQ(test, bi.cmdline, "mem=1G");
	KUNIT_EXPECT_EQ(test, bi.nr_bad_tags, 1);
}

static void mb2_unaligned_buffer(struct kunit *test)
{
	static u8 odd[1024 + 3];
	u32 len;

	mb_begin(&b);
	mb_tag(&b, 1, "selftest", 9);
	mb_mmap(&b, qemu_2g, ARRAY_SIZE(qemu_2g));
	len = mb_end(&b);
	memcpy(odd + 3, b.buf, len);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(odd + 3, len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "is not 8-byte aligned");
	KUNIT_EXPECT_EQ(test, bi.e820.nr_entries, ARRAY_SIZE(qemu_2g));
	KUNIT_EXPECT_EQ(test, bi.e820.entries[3].size, 0x7fee0000);
	KUNIT_EXPECT_STREQ(test, bi.cmdline, "selftest");
}

static void mb2_too_many_entries_counted(struct kunit *test)
{
	u32 n = 300, i, off;
	u8 *p;

	mb_begin(&b);
	off = mb_tag(&b, 6, NULL, 8 + 24 * n);
	p = b.buf + off + 8;
	put32(p, 24);
	for (i = 0; i < n; i++) {
		put64(p + 8 + 24 * i, (u64)i << 20);
		put64(p + 8 + 24 * i + 8, 1 << 19);
		put32(p + 8 + 24 * i + 16, 1);
	}
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "memory map has 300 entries, only 256 kept: 44 dropped");
	KUNIT_EXPECT_EQ(test, bi.e820.nr_entries, E820_MAX_ENTRIES);
	KUNIT_EXPECT_EQ(test, bi.e820.entries[255].addr, 255ULL << 20);
}

static void mb2_strings(struct kunit *test)
{
	static char longcmd[1100];

	memset(longcmd, 'x', sizeof(longcmd));
	mb_begin(&b);
	mb_tag(&b, 1, longcmd, sizeof(longcmd));	/* no NUL, too long */
	mb_tag(&b, 2, "GRUB", 4);			/* no NUL */
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "command line truncated from 1100 to 1023 bytes");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "boot loader name not NUL-terminated");
	KUNIT_EXPECT_EQ(test, strlen(bi.cmdline), 1023);
	KUNIT_EXPECT_STREQ(test, bi.loader, "GRUB");
}

static void mb2_framebuffer_rgb_and_bad(struct kunit *test)
{
	u8 fb[32];

	memset(fb, 0, sizeof(fb));
	put64(fb, 0x80000000ULL);
	put32(fb + 8, 4096);
	put32(fb + 12, 1024);
	put32(fb + 16, 768);
	fb[20] = 32;
	fb[21] = 1;
	fb[24] = 16; fb[25] = 8; fb[26] = 8; fb[27] = 8; fb[28] = 0; fb[29] = 8;
	mb_begin(&b);
	mb_tag(&b, 8, fb, 30);
	mb_end(&b);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	KUNIT_EXPECT_EQ(test, bi.fb.type, BOOT_FB_RGB);
	KUNIT_EXPECT_EQ(test, bi.fb.addr, 0x80000000ULL);
	KUNIT_EXPECT_EQ(test, bi.fb.pitch, 4096);
	KUNIT_EXPECT_EQ(test, bi.fb.bpp, 32);
	KUNIT_EXPECT_EQ(test, bi.fb.red_pos, 16);
	KUNIT_EXPECT_EQ(test, bi.fb.blue_size, 8);

	/* RGB without colour info; then a pitch too small for the width */
	mb_begin(&b);
	mb_tag(&b, 8, fb, 24);
	put32(fb + 8, 1024);
	mb_tag(&b, 8, fb, 30);
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "size 32 too small for RGB colour info");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "pitch 1024 too small for 1024 pixels of 32 bits");
	KUNIT_EXPECT_EQ(test, bi.fb.type, BOOT_FB_NONE);
	KUNIT_EXPECT_EQ(test, bi.nr_bad_tags, 2);
}

static void mb2_rsdp_checks(struct kunit *test)
{
	u8 v1[36], v2[36], bad[36];

	make_rsdp(v1, 0);
	make_rsdp(v2, 2);
	make_rsdp(bad, 2);
	bad[16] ^= 1;		/* breaks both checksums */
	mb_begin(&b);
	mb_tag(&b, 15, v2, 36);
	mb_tag(&b, 14, v1, 20);	/* the 2.0 one stays */
	mb_tag(&b, 15, bad, 36);
	make_rsdp(bad, 0);
	memcpy(bad, "RSD PTX ", 8);
	mb_tag(&b, 14, bad, 20);
	mb_end(&b);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(b.buf, b.len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "RSDP checksum wrong, skipped");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "RSDP signature is not");
	KUNIT_EXPECT_EQ(test, bi.nr_bad_tags, 2);
	KUNIT_EXPECT_TRUE(test, bi.rsdp_present);
	KUNIT_EXPECT_EQ(test, bi.rsdp_len, 36);
	KUNIT_EXPECT_EQ(test, memcmp(bi.rsdp, v2, 36), 0);
}

/* total_size may end without padding after the last tag; reads stop there */
static void mb2_reads_stay_within_len(struct kunit *test)
{
	static u8 tight[64];
	u32 len;

	mb_begin(&b);
	mb_tag(&b, 1, "ab", 3);		/* 11 bytes, padded to 16 */
	len = 8 + 11;			/* no end tag, no padding */
	put32(b.buf, len);
	/* place it at the very end of a static array (ASan redzone behind) */
	memcpy(tight + sizeof(tight) - len, b.buf, len);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, multiboot2_parse(tight + sizeof(tight) - len, len, &bi), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_STREQ(test, bi.cmdline, "ab");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "no end tag within total_size 19");
}

static struct kunit_case multiboot2_cases[] = {
	KUNIT_CASE(mb2_seabios_typical),
	KUNIT_CASE(mb2_efi_map_converted_like_linux),
	KUNIT_CASE(mb2_e820_preferred_over_efi),
	KUNIT_CASE(mb2_basic_meminfo_fallback),
	KUNIT_CASE(mb2_no_memory_information),
	KUNIT_CASE(mb2_bad_header_rejected),
	KUNIT_CASE(mb2_short_tag_skipped_with_offset),
	KUNIT_CASE(mb2_bad_entry_size),
	KUNIT_CASE(mb2_tag_size_below_header_stops),
	KUNIT_CASE(mb2_tag_past_total_size),
	KUNIT_CASE(mb2_unaligned_buffer),
	KUNIT_CASE(mb2_too_many_entries_counted),
	KUNIT_CASE(mb2_strings),
	KUNIT_CASE(mb2_framebuffer_rgb_and_bad),
	KUNIT_CASE(mb2_rsdp_checks),
	KUNIT_CASE(mb2_reads_stay_within_len),
	{}
};

static struct kunit_suite multiboot2_suite = {
	.name = "multiboot2",
	.test_cases = multiboot2_cases,
};
kunit_test_suite(multiboot2_suite);
