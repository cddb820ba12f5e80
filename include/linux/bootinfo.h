/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the boot loader told us, as plain data (boot/multiboot2.c fills it;
 * nothing after the parser looks at Multiboot2 structures).
 */
#ifndef _LINUX_BOOTINFO_H
#define _LINUX_BOOTINFO_H

#include <linux/types.h>
#include <linux/e820.h>

enum boot_fb_type {
	BOOT_FB_NONE,
	BOOT_FB_INDEXED,
	BOOT_FB_RGB,
	BOOT_FB_EGA_TEXT,
};

struct boot_framebuffer {
	enum boot_fb_type type;
	u64 addr;		/* physical */
	u32 pitch;		/* bytes per line */
	u32 width, height;	/* pixels, or characters for EGA text */
	u8 bpp;
	u8 red_pos, red_size, green_pos, green_size, blue_pos, blue_size;
};

enum boot_mmap_source {
	BOOT_MMAP_NONE,
	BOOT_MMAP_E820,		/* Multiboot2 tag 6 */
	BOOT_MMAP_EFI,		/* Multiboot2 tag 17, converted to e820 types */
	BOOT_MMAP_MEMINFO,	/* Multiboot2 tag 4 only: lower/upper KiB */
};

struct boot_info {
	struct e820_table e820;		/* as given, not yet sanitized */
	enum boot_mmap_source mmap_source;
	char cmdline[1024];		/* NUL-terminated, truncation reported */
	char loader[64];
	struct boot_framebuffer fb;
	bool rsdp_present;
	u8 rsdp[36];			/* copy of the ACPI RSDP (v1: first 20 bytes) */
	u32 rsdp_len;
	bool efi_booted;		/* an EFI system table tag was present */
	unsigned int nr_bad_tags;	/* malformed tags skipped */
};

/*
 * multiboot2_parse - fill @bi from the Multiboot2 information at @mbi, of
 * at most @len readable bytes.  Every tag's size and alignment is checked
 * against @len; a malformed tag is reported with its offset and skipped,
 * a malformed header rejects the whole buffer.  0 on success, -EINVAL on
 * rejection (then @bi holds what could be read safely).
 */
int multiboot2_parse(const void *mbi, size_t len, struct boot_info *bi);

#endif
