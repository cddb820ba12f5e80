/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The screen and keyboard of a real PC, as consoles (include/linux/console.h).
 *
 *   screen_reserve_memory(bi)  before memblock_free_all(): keeps a
 *                              framebuffer that lies inside RAM away from
 *                              the page allocator (normally it lies in a
 *                              PCI hole and this reserves nothing)
 *   screen_init(bi)            once ioremap() works (after paging_init()):
 *                              registers the framebuffer console (Multiboot2
 *                              RGB framebuffer) or the VGA text console
 *                              (EGA text mode), or nothing at all
 *   keyboard_init()            registers the PS/2 keyboard if an i8042
 *                              answers; polled through console_getc()
 *
 * Each is safe on a machine that lacks the hardware: it says so in one
 * line and registers nothing.
 */
#ifndef _LINUX_SCREEN_H
#define _LINUX_SCREEN_H

#include <linux/types.h>

struct boot_info;
struct boot_framebuffer;

void screen_reserve_memory(const struct boot_info *bi);
void screen_init(const struct boot_info *bi);
void keyboard_init(void);

/* the drivers behind screen_init(); 0 on success, -errno if unusable */
int fbcon_init(const struct boot_framebuffer *fb);
int vgacon_init(phys_addr_t addr, unsigned int cols, unsigned int rows);
/*
 * Drawing beside the framebuffer console's text (kernel/memmap_gfx.c):
 * false without one (@cols: the screen's width in cells, however
 * narrow the text is).  The text grid does not know: a cell that changes
 * later is redrawn over the pixels.  Pixels are fbcon_pack_rgb(0xRRGGBB);
 * a string is drawn in cell @col, @row on the background colour.
 */
bool fbcon_geometry(unsigned int *width, unsigned int *height, unsigned int *cols);
u32 fbcon_pack_rgb(u32 rgb);
void fbcon_fill_rect(unsigned int x, unsigned int y, unsigned int w, unsigned int h, u32 pixel);
void fbcon_draw_string(unsigned int col, unsigned int row, const char *s, u32 fg_pixel);
/* the text wraps at column @cols from now on (the screen's width: back to normal) */
void fbcon_set_text_cols(unsigned int cols);
/* something answers at the VGA registers (0x3C0-0x3DF) */
bool vgacon_present(void);
/* ... and it is a colour text mode with memory at 0xB8000 */
bool vgacon_text_mode_present(void);

#endif
