// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/fbcon.c - a text console drawn on the boot framebuffer.
 *
 * UEFI machines have no text mode: GRUB hands over the GOP framebuffer
 * (on BIOS it may set a VBE mode instead) through the Multiboot2
 * framebuffer tag, which says where the pixels are, the bytes per line
 * (pitch, which may exceed width * bytes per pixel), and where each
 * colour channel sits in a pixel.  This driver draws lib/vt.c's cells with
 * the built-in 8x16 font (drivers/font8x16.c): a cell is 8x16 pixels, the
 * grid starts at the top-left corner, and whatever is right of and below
 * the last whole cell stays background.  Pixels of 32, 24 and 16 bits are
 * supported; indexed (palette) modes are not.  A cell with the cursor gets
 * an underline in its foreground colour on its last two pixel rows.
 *
 * The framebuffer is device memory, usually in the PCI hole above all RAM
 * and always outside the lowmem direct map, so it is mapped with ioremap().
 * It is never read: lib/vt.c keeps the text and redraws only cells that
 * changed, so a scroll is one pass of writes (reads from uncached video
 * memory are what makes naive scrolling slow on real hardware).
 */
#include <linux/bootinfo.h>
#include <linux/console.h>
#include <linux/font.h>
#include <linux/kernel.h>
#include <linux/screen.h>
#include <linux/string.h>
#include <linux/vt.h>
#include <asm/pgtable.h>

/* the 16 CGA colours as 0xRRGGBB, in VGA attribute order */
static const u32 fbcon_rgb[16] = {
	0x000000, 0x0000aa, 0x00aa00, 0x00aaaa, 0xaa0000, 0xaa00aa, 0xaa5500, 0xaaaaaa,
	0x555555, 0x5555ff, 0x55ff55, 0x55ffff, 0xff5555, 0xff55ff, 0xffff55, 0xffffff,
};

static struct fbcon {
	u8 *base;		/* ioremap()ed, pitch * height bytes */
	u32 pitch, width, height;
	unsigned int bytes_pp;	/* 2, 3 or 4 */
	u32 pixel[16];		/* fbcon_rgb[] packed in the framebuffer's format */
	u8 red_pos, red_size, green_pos, green_size, blue_pos, blue_size;
	struct vt vt;
	u16 cells[VT_MAX_COLS * VT_MAX_ROWS];
	u16 shown[VT_MAX_COLS * VT_MAX_ROWS];
} fbcon;

/* 8-bit channel @v into a field of @size bits at bit @pos */
static u32 fbcon_channel(u32 v, u8 pos, u8 size)
{
	if (!size)
		return 0;
	if (size < 8)
		v >>= 8 - size;
	else if (size > 8)
		v = v * ((1u << size) - 1) / 255;
	return v << pos;
}

static void fbcon_put(u8 *p, u32 v)
{
	switch (fbcon.bytes_pp) {
	case 4:
		*(volatile u32 *)p = v;
		break;
	case 3:
		((volatile u8 *)p)[0] = (u8)v;
		((volatile u8 *)p)[1] = (u8)(v >> 8);
		((volatile u8 *)p)[2] = (u8)(v >> 16);
		break;
	case 2:
		*(volatile u16 *)p = (u16)v;
		break;
	}
}

static void fbcon_draw(struct vt *vt, unsigned int x, unsigned int y, u8 c, u8 attr, bool cursor)
{
	u32 fg = fbcon.pixel[attr & 0x0f], bg = fbcon.pixel[attr >> 4];
	unsigned int bpp = fbcon.bytes_pp, row, bit;
	u8 *line = fbcon.base + (size_t)y * FONT_HEIGHT * fbcon.pitch + (size_t)x * FONT_WIDTH * bpp;

	for (row = 0; row < FONT_HEIGHT; row++, line += fbcon.pitch) {
		u8 bits = font8x16[c][row];
		u8 *p = line;

		if (cursor && row >= FONT_HEIGHT - 2)
			bits = 0xff;
		for (bit = 0; bit < FONT_WIDTH; bit++, p += bpp)
			fbcon_put(p, bits & (0x80 >> bit) ? fg : bg);
	}
}

static const struct vt_ops fbcon_ops = {
	.draw = fbcon_draw,
};

static void fbcon_write(struct console *con, const char *s, size_t n)
{
	vt_write(&fbcon.vt, s, n);
}

static void fbcon_set_attr(struct console *con, int attr)
{
	vt_set_hint(&fbcon.vt, attr);
}

static struct console fbcon_console = {
	.name = "fbcon",
	.write = fbcon_write,
	.set_attr = fbcon_set_attr,
};

int fbcon_init(const struct boot_framebuffer *fb)
{
	unsigned long size;
	unsigned int i;
	u32 y, x;

	if (fb->type != BOOT_FB_RGB || (fb->bpp != 16 && fb->bpp != 24 && fb->bpp != 32)) {
		pr_warn("fbcon: framebuffer type %d, %u bpp: not supported\n", fb->type, fb->bpp);
		return -EINVAL;
	}
	if (fb->width < FONT_WIDTH || fb->height < FONT_HEIGHT ||
	    fb->pitch < fb->width * (fb->bpp / 8) ||
	    fb->addr + (u64)fb->pitch * fb->height > (1ULL << 32) ||
	    (u64)fb->pitch * fb->height > (64UL << 20)) {
		pr_warn("fbcon: framebuffer %ux%u pitch %u at %#llx: bad geometry\n",
			fb->width, fb->height, fb->pitch, (unsigned long long)fb->addr);
		return -EINVAL;
	}
	size = fb->pitch * fb->height;
	fbcon.base = ioremap(fb->addr, size);
	if (!fbcon.base) {
		pr_warn("fbcon: cannot map %lu bytes at %#llx\n", size, (unsigned long long)fb->addr);
		return -ENOMEM;
	}
	fbcon.pitch = fb->pitch;
	fbcon.width = fb->width;
	fbcon.height = fb->height;
	fbcon.bytes_pp = fb->bpp / 8;
	fbcon.red_pos = fb->red_pos;
	fbcon.red_size = fb->red_size;
	fbcon.green_pos = fb->green_pos;
	fbcon.green_size = fb->green_size;
	fbcon.blue_pos = fb->blue_pos;
	fbcon.blue_size = fb->blue_size;
	for (i = 0; i < 16; i++)
		fbcon.pixel[i] = fbcon_channel(fbcon_rgb[i] >> 16, fb->red_pos, fb->red_size) |
				 fbcon_channel((fbcon_rgb[i] >> 8) & 0xff, fb->green_pos, fb->green_size) |
				 fbcon_channel(fbcon_rgb[i] & 0xff, fb->blue_pos, fb->blue_size);

	/* the firmware's logo or GRUB's menu may still be there */
	for (y = 0; y < fbcon.height; y++)
		for (x = 0; x < fbcon.width; x++)
			fbcon_put(fbcon.base + (size_t)y * fbcon.pitch + (size_t)x * fbcon.bytes_pp,
				  fbcon.pixel[0]);

	vt_init(&fbcon.vt, fb->width / FONT_WIDTH, fb->height / FONT_HEIGHT,
		fbcon.cells, fbcon.shown, &fbcon_ops, &fbcon);
	register_console(&fbcon_console);
	pr_info("fbcon: %ux%ux%u at %#llx, %ux%u text\n", fb->width, fb->height, fb->bpp,
		(unsigned long long)fb->addr, fbcon.vt.cols, fbcon.vt.rows);
	return 0;
}

/* ------------------------------------------------------------ drawing beside the text */

bool fbcon_geometry(unsigned int *width, unsigned int *height, unsigned int *cols)
{
	if (!fbcon.base)
		return false;
	*width = fbcon.width;
	*height = fbcon.height;
	*cols = min(fbcon.width / FONT_WIDTH, (u32)VT_MAX_COLS);	/* the screen's, not the text's */
	return true;
}

u32 fbcon_pack_rgb(u32 rgb)
{
	return fbcon_channel(rgb >> 16, fbcon.red_pos, fbcon.red_size) |
	       fbcon_channel((rgb >> 8) & 0xff, fbcon.green_pos, fbcon.green_size) |
	       fbcon_channel(rgb & 0xff, fbcon.blue_pos, fbcon.blue_size);
}

void fbcon_fill_rect(unsigned int x, unsigned int y, unsigned int w, unsigned int h, u32 pixel)
{
	unsigned int i, j;

	if (!fbcon.base || x >= fbcon.width || y >= fbcon.height)
		return;
	w = min(w, fbcon.width - x);
	h = min(h, fbcon.height - y);
	for (j = 0; j < h; j++) {
		u8 *p = fbcon.base + (size_t)(y + j) * fbcon.pitch + (size_t)x * fbcon.bytes_pp;

		for (i = 0; i < w; i++, p += fbcon.bytes_pp)
			fbcon_put(p, pixel);
	}
}

void fbcon_draw_string(unsigned int col, unsigned int row, const char *s, u32 fg_pixel)
{
	unsigned int bpp = fbcon.bytes_pp, r, bit;

	if (!fbcon.base || row >= fbcon.height / FONT_HEIGHT)
		return;
	for (; *s && col < fbcon.width / FONT_WIDTH; s++, col++) {
		u8 *line = fbcon.base + (size_t)row * FONT_HEIGHT * fbcon.pitch +
			   (size_t)col * FONT_WIDTH * bpp;

		for (r = 0; r < FONT_HEIGHT; r++, line += fbcon.pitch) {
			u8 bits = font8x16[(u8)*s][r];
			u8 *p = line;

			for (bit = 0; bit < FONT_WIDTH; bit++, p += bpp)
				fbcon_put(p, bits & (0x80 >> bit) ? fg_pixel : fbcon.pixel[0]);
		}
	}
}

/*
 * The text grid @cols wide (at most the screen's), keeping what it shows:
 * narrower cuts every row at @cols, wider pads it with blanks.  Cells are
 * moved in place (narrower: front to back, wider: back to front, so that
 * no row overwrites one not yet moved) and all redrawn.
 */
void fbcon_set_text_cols(unsigned int cols)
{
	struct vt *vt = &fbcon.vt;
	unsigned int old = vt->cols, rows = vt->rows, i, x, y;

	cols = min(cols, min(fbcon.width / FONT_WIDTH, (u32)VT_MAX_COLS));
	if (!fbcon.base || !cols || cols == old)
		return;
	if (cols < old) {
		for (y = 0; y < rows; y++)
			for (x = 0; x < cols; x++)
				vt->cells[y * cols + x] = vt->cells[y * old + x];
	} else {
		for (y = rows; y-- > 0;)
			for (x = cols; x-- > 0;)
				vt->cells[y * cols + x] = x < old ? vt->cells[y * old + x] :
						       VT_CELL(' ', VT_ATTR_NORMAL);
	}
	vt->cols = cols;
	vt->x = min(vt->x, cols);
	for (i = 0; i < cols * rows; i++)
		vt->shown[i] = (u16)~vt->cells[i];
	vt->dirty_lo = 0;
	vt->dirty_hi = rows - 1;
	vt_write(vt, "", 0);
}
