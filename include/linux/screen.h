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
/* something answers at the VGA registers (0x3C0-0x3DF) */
bool vgacon_present(void);
/* ... and it is a colour text mode with memory at 0xB8000 */
bool vgacon_text_mode_present(void);

#endif
