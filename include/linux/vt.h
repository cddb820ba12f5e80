/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The text-screen core shared by the VGA text console (drivers/vga.c) and
 * the framebuffer console (drivers/fbcon.c): a grid of character cells,
 * a cursor, and the few terminal controls the kernel and the shell emit
 * (lib/vt.c explains which).  The core never touches hardware; a driver
 * supplies vt_ops that draw one cell and move a hardware cursor.
 */
#ifndef _LINUX_VT_H
#define _LINUX_VT_H

#include <linux/types.h>

/* Largest grid a driver may ask for: 2048x2048 pixels in 8x16 cells. */
#define VT_MAX_COLS	256
#define VT_MAX_ROWS	128

/* VGA attribute bytes: background << 4 | foreground, 16 CGA colours. */
#define VT_ATTR_NORMAL	0x07	/* light grey on black */
#define VT_ATTR_ERROR	0x0C	/* light red on black: BUG:/error: lines */

/* A cell as VGA text memory holds it: attribute << 8 | character. */
#define VT_CELL(c, a)	((u16)((u16)(a) << 8 | (u8)(c)))
#define VT_CELL_CHAR(v)	((u8)((v) & 0xff))
#define VT_CELL_ATTR(v)	((u8)((v) >> 8))

struct vt;

struct vt_ops {
	/* show character @c in colours @attr at (@x, @y); @cursor: the
	 * cursor sits on this cell (drivers without a hardware cursor draw it) */
	void (*draw)(struct vt *vt, unsigned int x, unsigned int y, u8 c, u8 attr, bool cursor);
	/* move the hardware cursor; may be NULL */
	void (*set_cursor)(struct vt *vt, unsigned int x, unsigned int y);
};

enum vt_esc_state { VT_ESnormal, VT_ESesc, VT_EScsi };

struct vt {
	unsigned int cols, rows;	/* 1..VT_MAX_COLS, 1..VT_MAX_ROWS */
	/* cursor; x == cols means "wrap before the next character" */
	unsigned int x, y;		/* x <= cols, y < rows */
	u8 base_attr;			/* VT_ATTR_NORMAL or _ERROR (vt_set_hint) */
	u8 attr;			/* colours for the next character (SGR) */
	u16 *cells;			/* rows*cols: what the screen should show */
	u16 *shown;			/* rows*cols: what was last drawn */
	unsigned int shown_cx, shown_cy; /* where the cursor was last drawn */
	/* rows [dirty_lo, dirty_hi] may differ from shown; lo > hi: none */
	unsigned int dirty_lo, dirty_hi;
	enum vt_esc_state esc;
	unsigned int npar;		/* CSI parameters seen, <= VT_NPAR */
#define VT_NPAR	8
	unsigned int par[VT_NPAR];
	bool priv_csi;			/* CSI ? ... (DEC private): ignored */
	/*
	 * Lines that begin with "BUG:" or "error:" are shown in error colours
	 * whoever wrote them (printk's KERN_ERR path, or the shell): lp_len
	 * characters of the current line, written from column 0, still match
	 * one of the prefixes; lp_len == VT_LP_OFF once it cannot match.
	 */
	u8 lp_len;
#define VT_LP_OFF	0xff
	bool lp_hit;			/* this line is being shown as an error */
	unsigned long scrolls;		/* lines scrolled off the top, for tests */
	const struct vt_ops *ops;
	void *priv;			/* the driver's */
};

/*
 * Set up @vt as a @cols x @rows grid (clamped to VT_MAX_*) over the
 * caller's arrays @cells and @shown (each at least cols*rows entries),
 * clear it and draw every cell once.
 */
void vt_init(struct vt *vt, unsigned int cols, unsigned int rows,
	     u16 *cells, u16 *shown, const struct vt_ops *ops, void *priv);
/* interpret @n bytes and redraw the cells that changed */
void vt_write(struct vt *vt, const char *s, size_t n);
/* the console layer's set_attr: 0 normal colours, 1 error colours */
void vt_set_hint(struct vt *vt, int hint);
/* copy row @y as text (trailing blanks dropped) into @buf; returns length */
size_t vt_row_text(const struct vt *vt, unsigned int y, char *buf, size_t size);

#endif
