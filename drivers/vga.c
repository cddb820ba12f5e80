// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/vga.c - the VGA text console (what a BIOS leaves on screen).
 *
 * In colour text mode the adapter shows 80x25 cells from physical
 * 0xB8000, each a 16-bit word: character in the low byte, attribute
 * (background << 4 | foreground) in the high byte -- the very format of
 * lib/vt.c's cells, so draw() is one 16-bit store.  The blinking cursor is
 * placed through the CRT controller (index 0x0E/0x0F at 0x3D4/0x3D5: cell
 * offset high/low byte).  The memory sits below 1 MiB, inside the early
 * direct map, so no ioremap() is needed and the console works from the
 * first printk on.
 *
 * When is there text mode?  GRUB says so (Multiboot2 framebuffer tag of
 * EGA text type) when it kept text mode; without any framebuffer tag
 * (qemu -kernel, Multiboot v1) vgacon_text_mode_present() asks the
 * hardware: the graphics controller's Miscellaneous register has bit 0
 * clear in text mode and maps memory at 0xB8000 when bits 3:2 are 11.  A
 * machine without VGA answers 0xFF on those ports, which reads as
 * "graphics", so nothing is registered there.  UEFI machines never get
 * this console: they have no text mode.
 */
#include <linux/console.h>
#include <linux/kernel.h>
#include <linux/screen.h>
#include <linux/vt.h>
#include <asm/io.h>
#include <asm/page.h>

#define VGA_CRTC_INDEX	0x3d4
#define VGA_CRTC_DATA	0x3d5
#define VGA_CRTC_CURSOR_START	0x0a
#define VGA_CRTC_CURSOR_HI	0x0e
#define VGA_CRTC_CURSOR_LO	0x0f
#define VGA_GC_INDEX	0x3ce
#define VGA_GC_DATA	0x3cf
#define VGA_GC_MISC	0x06
#define VGA_MISC_READ	0x3cc

#define VGA_MAX_COLS	132
#define VGA_MAX_ROWS	60

static struct vgacon {
	volatile u16 *mem;	/* cols*rows cells of video memory */
	struct vt vt;
	u16 cells[VGA_MAX_COLS * VGA_MAX_ROWS];
	u16 shown[VGA_MAX_COLS * VGA_MAX_ROWS];
} vgacon;

static void vgacon_draw(struct vt *vt, unsigned int x, unsigned int y, u8 c, u8 attr, bool cursor)
{
	vgacon.mem[y * vt->cols + x] = VT_CELL(c, attr);
}

static void vgacon_set_cursor(struct vt *vt, unsigned int x, unsigned int y)
{
	unsigned int pos = y * vt->cols + x;

	outb(VGA_CRTC_CURSOR_HI, VGA_CRTC_INDEX);
	outb((u8)(pos >> 8), VGA_CRTC_DATA);
	outb(VGA_CRTC_CURSOR_LO, VGA_CRTC_INDEX);
	outb((u8)pos, VGA_CRTC_DATA);
}

static const struct vt_ops vgacon_ops = {
	.draw = vgacon_draw,
	.set_cursor = vgacon_set_cursor,
};

static void vgacon_write(struct console *con, const char *s, size_t n)
{
	vt_write(&vgacon.vt, s, n);
}

static void vgacon_set_attr(struct console *con, int attr)
{
	vt_set_hint(&vgacon.vt, attr);
}

static struct console vgacon_console = {
	.name = "vga",
	.write = vgacon_write,
	.set_attr = vgacon_set_attr,
};

bool vgacon_present(void)
{
	return inb(VGA_MISC_READ) != 0xff;	/* 0xFF: nothing decodes the port */
}

bool vgacon_text_mode_present(void)
{
	u8 misc_out, gc_misc;

	misc_out = inb(VGA_MISC_READ);
	if (misc_out == 0xff)
		return false;
	outb(VGA_GC_MISC, VGA_GC_INDEX);
	gc_misc = inb(VGA_GC_DATA);
	/* bit 0: graphics mode; bits 3:2 == 11: memory at 0xB8000-0xBFFFF */
	return !(gc_misc & 0x01) && ((gc_misc >> 2) & 3) == 3 && (misc_out & 0x01);
}

int vgacon_init(phys_addr_t addr, unsigned int cols, unsigned int rows)
{
	if (addr < 0xa0000 || addr + (phys_addr_t)cols * rows * 2 > 0xc0000 ||
	    !cols || !rows || cols > VGA_MAX_COLS || rows > VGA_MAX_ROWS) {
		pr_warn("vgacon: text mode %ux%u at %#llx not supported\n",
			cols, rows, (unsigned long long)addr);
		return -EINVAL;
	}
	vgacon.mem = (volatile u16 *)__va(addr);
	/* a steady underline cursor (scan lines 14-15 of the cell) */
	outb(VGA_CRTC_CURSOR_START, VGA_CRTC_INDEX);
	outb(14, VGA_CRTC_DATA);
	outb(VGA_CRTC_CURSOR_START + 1, VGA_CRTC_INDEX);
	outb(15, VGA_CRTC_DATA);
	vt_init(&vgacon.vt, cols, rows, vgacon.cells, vgacon.shown, &vgacon_ops, &vgacon);
	register_console(&vgacon_console);
	pr_info("vgacon: %ux%u text at %#llx\n", cols, rows, (unsigned long long)addr);
	return 0;
}
