// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/screen.c - choose the screen console from what the boot loader
 * reported (include/linux/screen.h).
 *
 *   Multiboot2 framebuffer, RGB     -> fbcon (UEFI GOP, or a VBE mode)
 *   Multiboot2 framebuffer, EGA text -> vgacon at the address given
 *   no framebuffer tag, BIOS boot    -> vgacon if the VGA hardware is in
 *                                       colour text mode (qemu -kernel)
 *   anything else                    -> no screen console (serial only)
 *
 * The framebuffer must not be handed to the page allocator.  It normally
 * lies in a PCI hole that the memory map does not call RAM, but nothing
 * guarantees it (some firmware steals graphics memory from RAM and maps
 * say so loosely), so screen_reserve_memory() reserves whatever part of
 * it overlaps memblock's memory, before memblock_free_all().
 */
#include <linux/bootinfo.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/screen.h>

#define VGA_TEXT_PHYS	0xb8000

static phys_addr_t screen_fb_size(const struct boot_framebuffer *fb)
{
	if (fb->type == BOOT_FB_EGA_TEXT)
		return (phys_addr_t)fb->width * fb->height * 2;
	return (phys_addr_t)fb->pitch * fb->height;
}

void screen_reserve_memory(const struct boot_info *bi)
{
	const struct boot_framebuffer *fb = &bi->fb;
	phys_addr_t start, end, lo, hi, reserved = 0;
	unsigned long i;

	if (fb->type == BOOT_FB_NONE || !screen_fb_size(fb))
		return;
	start = fb->addr;
	end = fb->addr + screen_fb_size(fb);
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		lo = max(start, r->base);
		hi = min(end, r->base + r->size);
		if (lo >= hi)
			continue;
		memblock_reserve(lo, hi - lo);
		reserved += hi - lo;
	}
	if (reserved)
		pr_info("screen: framebuffer [mem %#010llx-%#010llx] lies in RAM, %llu KiB reserved\n",
			(unsigned long long)start, (unsigned long long)end - 1,
			(unsigned long long)reserved >> 10);
}

void screen_init(const struct boot_info *bi)
{
	const struct boot_framebuffer *fb = &bi->fb;

	switch (fb->type) {
	case BOOT_FB_RGB:
		fbcon_init(fb);
		return;
	case BOOT_FB_EGA_TEXT:
		/*
		 * GRUB reports text mode on any BIOS machine, VGA or not
		 * (qemu -nodefaults); writes to 0xB8000 would go nowhere.
		 */
		if (vgacon_present())
			vgacon_init(fb->addr, fb->width, fb->height);
		else
			pr_info("screen: boot loader reports text mode but no VGA answers, no screen console\n");
		return;
	case BOOT_FB_INDEXED:
		pr_info("screen: indexed-colour framebuffer not supported, no screen console\n");
		return;
	case BOOT_FB_NONE:
		break;
	}
	if (!bi->efi_booted && vgacon_text_mode_present()) {
		vgacon_init(VGA_TEXT_PHYS, 80, 25);
		return;
	}
	if (bi->efi_booted)
		pr_warn("screen: UEFI boot without a framebuffer: the boot loader set no video mode "
			"(GRUB needs 'insmod all_video'), no screen console\n");
	else
		pr_info("screen: no framebuffer and no VGA text mode, no screen console\n");
}
