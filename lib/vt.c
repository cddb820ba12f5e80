// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vt.c - the text-screen core behind the VGA and framebuffer consoles.
 *
 * The screen is a grid of cells (VGA's own format: attribute << 8 | char).
 * Writing never touches the display directly: it changes vt->cells and
 * widens the dirty row range; at the end of each vt_write() the core
 * compares the dirty rows of cells[] with shown[] (what was last drawn)
 * and asks the driver to draw only the cells that differ.  So scrolling
 * is a memmove of the cell array, and drawing after a scroll touches only
 * the cells whose character really changed (blank stays blank); a
 * framebuffer is never read back, which on real hardware (uncached video
 * memory) is the slow direction.  Several lines written in one call cost
 * one redraw.
 *
 * What the stream may contain (the subset of a VT100 that printk and the
 * shell produce):
 *   '\n'            new line; the console contract makes it imply '\r'
 *   '\r' '\t'       column 0, next multiple of 8
 *   '\b'            one cell left (not erasing); from column 0 to the end
 *                   of the row above, and from the pending-wrap position to
 *                   the last column, so that the shell's "\b \b" erases
 *                   across a wrapped line
 *   ESC [ n A/B/C/D cursor up/down/right/left, ESC [ r;c H  position,
 *   ESC [ n J / K   erase in display / line (0 to end, 1 to start, 2 all),
 *   ESC [ ... m     colours: 0 reset, 1 bright, 7 reverse, 30-37, 39,
 *                   40-47, 49, 90-97
 * Anything else (other escapes, DEC private "ESC [ ?", C0 controls, DEL)
 * is swallowed without effect, so no byte sequence can move the cursor
 * off the grid.  Bytes 0x80-0xff are drawn as Latin-1 glyphs.
 *
 * A line that starts with "BUG:" or "error:" (written from column 0) is
 * shown in the error colours, so a report stands out on screen whether it
 * came through printk's KERN_ERR path (which also sets the hint) or from
 * the shell's own "error: ..." lines: once the prefix is complete its
 * cells are recoloured and the rest of the line follows.
 *
 * Wrapping is deferred as on a VT100: after a character in the last
 * column the cursor stays there (x == cols) until the next printable
 * character, so an 80-character line followed by '\n' leaves no blank line.
 */
#include <linux/vt.h>
#include <linux/kernel.h>
#include <linux/string.h>

static const u8 sgr_to_vga[8] = { 0, 4, 2, 6, 1, 5, 3, 7 }; /* ANSI -> CGA order */

static void vt_dirty(struct vt *vt, unsigned int lo, unsigned int hi)
{
	if (vt->dirty_lo > vt->dirty_hi) {
		vt->dirty_lo = lo;
		vt->dirty_hi = hi;
		return;
	}
	vt->dirty_lo = min(vt->dirty_lo, lo);
	vt->dirty_hi = max(vt->dirty_hi, hi);
}

static void vt_clear_cells(struct vt *vt, unsigned int y, unsigned int x0, unsigned int x1)
{
	u16 blank = VT_CELL(' ', vt->attr & 0xf0 ? vt->attr : vt->base_attr);
	u16 *row = vt->cells + y * vt->cols;
	unsigned int x;

	for (x = x0; x < x1 && x < vt->cols; x++)
		row[x] = blank;
	vt_dirty(vt, y, y);
}

static void vt_scroll_up(struct vt *vt)
{
	memmove(vt->cells, vt->cells + vt->cols,
		(size_t)(vt->rows - 1) * vt->cols * sizeof(u16));
	vt_clear_cells(vt, vt->rows - 1, 0, vt->cols);
	vt_dirty(vt, 0, vt->rows - 1);
	vt->scrolls++;
}

static const char *const vt_error_prefixes[] = { "BUG:", "error:" };

static void vt_line_start(struct vt *vt)
{
	if (vt->lp_hit)
		vt->attr = vt->base_attr;
	vt->lp_hit = false;
	vt->lp_len = 0;
}

/* @c was just written at column lp_len of a line started at column 0 */
static void vt_line_prefix(struct vt *vt, u8 c)
{
	unsigned int i, x;
	bool partial = false;

	if (vt->lp_len == VT_LP_OFF || vt->lp_hit)
		return;
	for (i = 0; i < ARRAY_SIZE(vt_error_prefixes); i++) {
		const char *p = vt_error_prefixes[i];

		if (strlen(p) <= vt->lp_len || p[vt->lp_len] != c)
			continue;
		/* the earlier characters matched this prefix too? */
		for (x = 0; x < vt->lp_len; x++)
			if (VT_CELL_CHAR(vt->cells[vt->y * vt->cols + x]) != (u8)p[x])
				break;
		if (x < vt->lp_len)
			continue;
		if (p[vt->lp_len + 1] == '\0') {
			u16 *row = vt->cells + vt->y * vt->cols;

			vt->lp_hit = true;
			vt->attr = (vt->attr & 0xf0) | (VT_ATTR_ERROR & 0x0f);
			for (x = 0; x <= vt->lp_len; x++)
				row[x] = VT_CELL(VT_CELL_CHAR(row[x]), vt->attr);
			return;
		}
		partial = true;
	}
	vt->lp_len = partial ? vt->lp_len + 1 : VT_LP_OFF;
}

static void vt_newline(struct vt *vt)
{
	vt_line_start(vt);
	vt->x = 0;
	if (vt->y + 1 < vt->rows)
		vt->y++;
	else
		vt_scroll_up(vt);
}

static void vt_putc(struct vt *vt, u8 c)
{
	if (vt->x >= vt->cols) {
		vt_newline(vt);
		vt->lp_len = VT_LP_OFF;	/* a continuation, not a new line */
	}
	vt->cells[vt->y * vt->cols + vt->x] = VT_CELL(c, vt->attr);
	vt_dirty(vt, vt->y, vt->y);
	if (vt->x != vt->lp_len)
		vt->lp_len = VT_LP_OFF;	/* not written from column 0 on */
	vt_line_prefix(vt, c);
	vt->x++;
}

static void vt_sgr(struct vt *vt)
{
	unsigned int i, p;
	u8 fg = vt->attr & 0x0f, bg = vt->attr >> 4;

	if (vt->npar == 0)
		vt->npar = 1;	/* "ESC [ m" is "ESC [ 0 m" */
	for (i = 0; i < vt->npar; i++) {
		p = vt->par[i];
		if (p == 0) {
			fg = vt->base_attr & 0x0f;
			bg = vt->base_attr >> 4;
		} else if (p == 1) {
			fg |= 0x08;
		} else if (p == 7) {
			u8 t = fg;

			fg = bg;
			bg = t;
		} else if (p >= 30 && p <= 37) {
			fg = (fg & 0x08) | sgr_to_vga[p - 30];
		} else if (p == 39) {
			fg = vt->base_attr & 0x0f;
		} else if (p >= 40 && p <= 47) {
			bg = sgr_to_vga[p - 40];
		} else if (p == 49) {
			bg = vt->base_attr >> 4;
		} else if (p >= 90 && p <= 97) {
			fg = 0x08 | sgr_to_vga[p - 90];
		}
	}
	vt->attr = (u8)(bg << 4 | (fg & 0x0f));
}

static unsigned int vt_par(const struct vt *vt, unsigned int i, unsigned int def)
{
	return i < vt->npar && vt->par[i] ? vt->par[i] : def;
}

static void vt_csi(struct vt *vt, u8 final)
{
	unsigned int n = vt_par(vt, 0, 1), y;
	unsigned int x = min(vt->x, vt->cols - 1);

	if (vt->priv_csi)
		return;
	switch (final) {
	case 'A':
		vt->y = vt->y >= n ? vt->y - n : 0;
		vt->x = x;
		break;
	case 'B':
		vt->y = min(vt->y + min(n, vt->rows), vt->rows - 1);
		vt->x = x;
		break;
	case 'C':
		vt->x = min(x + min(n, vt->cols), vt->cols - 1);
		break;
	case 'D':
		vt->x = x >= n ? x - n : 0;
		break;
	case 'H':
	case 'f':
		vt->y = min(vt_par(vt, 0, 1), vt->rows) - 1;
		vt->x = min(vt_par(vt, 1, 1), vt->cols) - 1;
		break;
	case 'J':
		switch (vt_par(vt, 0, 0)) {
		case 0:
			vt_clear_cells(vt, vt->y, x, vt->cols);
			for (y = vt->y + 1; y < vt->rows; y++)
				vt_clear_cells(vt, y, 0, vt->cols);
			break;
		case 1:
			for (y = 0; y < vt->y; y++)
				vt_clear_cells(vt, y, 0, vt->cols);
			vt_clear_cells(vt, vt->y, 0, x + 1);
			break;
		case 2:
		case 3:
			for (y = 0; y < vt->rows; y++)
				vt_clear_cells(vt, y, 0, vt->cols);
			break;
		}
		break;
	case 'K':
		switch (vt_par(vt, 0, 0)) {
		case 0:
			vt_clear_cells(vt, vt->y, x, vt->cols);
			break;
		case 1:
			vt_clear_cells(vt, vt->y, 0, x + 1);
			break;
		case 2:
			vt_clear_cells(vt, vt->y, 0, vt->cols);
			break;
		}
		break;
	case 'm':
		vt_sgr(vt);
		break;
	}
}

static void vt_byte(struct vt *vt, u8 c)
{
	switch (vt->esc) {
	case VT_ESesc:
		vt->esc = VT_ESnormal;
		if (c == '[') {
			vt->esc = VT_EScsi;
			vt->npar = 0;
			vt->par[0] = 0;
			vt->priv_csi = false;
		}
		return;
	case VT_EScsi:
		if (c >= '0' && c <= '9') {
			if (vt->npar == 0)
				vt->npar = 1;
			if (vt->npar <= VT_NPAR && vt->par[vt->npar - 1] < 10000)
				vt->par[vt->npar - 1] = vt->par[vt->npar - 1] * 10 + (c - '0');
		} else if (c == ';') {
			if (vt->npar == 0)
				vt->npar = 1;
			if (vt->npar < VT_NPAR)
				vt->par[vt->npar] = 0;
			vt->npar++;
		} else if (c == '?' || c == '>' || c == '=') {
			vt->priv_csi = true;
		} else if (c >= 0x40 && c <= 0x7e) {
			vt->npar = min(vt->npar, (unsigned int)VT_NPAR);
			vt_csi(vt, c);
			vt->esc = VT_ESnormal;
		} else if (c < 0x20 || c > 0x7e) {
			vt->esc = VT_ESnormal;	/* malformed: drop the sequence */
		}
		return;
	case VT_ESnormal:
		break;
	}

	switch (c) {
	case '\n':
		vt_newline(vt);
		break;
	case '\r':
		vt->x = 0;
		vt_line_start(vt);
		break;
	case '\b':
		if (vt->x >= vt->cols) {
			vt->x = vt->cols - 1;	/* onto the cell just written */
		} else if (vt->x) {
			vt->x--;
		} else if (vt->y) {
			vt->x = vt->cols - 1;	/* back over a wrapped line */
			vt->y--;
		}
		break;
	case '\t':
		if (vt->x >= vt->cols)
			vt_newline(vt);
		vt->x = min(ALIGN(vt->x + 1, 8u), vt->cols - 1);
		break;
	case 0x1b:
		vt->esc = VT_ESesc;
		break;
	default:
		if (c >= 0x20 && c != 0x7f)
			vt_putc(vt, c);
		break;
	}
}

/* Draw what changed since the last flush, then place the cursor. */
static void vt_flush(struct vt *vt)
{
	unsigned int cx = min(vt->x, vt->cols - 1), cy = vt->y;
	unsigned int x, y;

	if (cx != vt->shown_cx || cy != vt->shown_cy) {
		/* force a redraw of the old and the new cursor cell */
		if (vt->shown_cy < vt->rows && vt->shown_cx < vt->cols) {
			vt->shown[vt->shown_cy * vt->cols + vt->shown_cx] ^= 0xffff;
			vt_dirty(vt, vt->shown_cy, vt->shown_cy);
		}
		vt->shown[cy * vt->cols + cx] ^= 0xffff;
		vt_dirty(vt, cy, cy);
		vt->shown_cx = cx;
		vt->shown_cy = cy;
	}
	for (y = vt->dirty_lo; y <= vt->dirty_hi && y < vt->rows; y++) {
		const u16 *want = vt->cells + y * vt->cols;
		u16 *have = vt->shown + y * vt->cols;

		for (x = 0; x < vt->cols; x++) {
			if (want[x] == have[x])
				continue;
			have[x] = want[x];
			vt->ops->draw(vt, x, y, VT_CELL_CHAR(want[x]), VT_CELL_ATTR(want[x]),
				      x == cx && y == cy);
		}
	}
	vt->dirty_lo = 1;
	vt->dirty_hi = 0;
	if (vt->ops->set_cursor)
		vt->ops->set_cursor(vt, cx, cy);
}

void vt_init(struct vt *vt, unsigned int cols, unsigned int rows,
	     u16 *cells, u16 *shown, const struct vt_ops *ops, void *priv)
{
	unsigned int i;

	memset(vt, 0, sizeof(*vt));
	vt->cols = clamp(cols, 1u, (unsigned int)VT_MAX_COLS);
	vt->rows = clamp(rows, 1u, (unsigned int)VT_MAX_ROWS);
	vt->cells = cells;
	vt->shown = shown;
	vt->ops = ops;
	vt->priv = priv;
	vt->base_attr = vt->attr = VT_ATTR_NORMAL;
	for (i = 0; i < vt->cols * vt->rows; i++) {
		cells[i] = VT_CELL(' ', VT_ATTR_NORMAL);
		shown[i] = (u16)~cells[i];	/* draw everything once */
	}
	vt->dirty_lo = 0;
	vt->dirty_hi = vt->rows - 1;
	vt->shown_cx = vt->shown_cy = 0;
	vt_flush(vt);
}

void vt_write(struct vt *vt, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		vt_byte(vt, (u8)s[i]);
	vt_flush(vt);
}

void vt_set_hint(struct vt *vt, int hint)
{
	vt->base_attr = hint ? VT_ATTR_ERROR : VT_ATTR_NORMAL;
	vt->attr = vt->base_attr;
}

size_t vt_row_text(const struct vt *vt, unsigned int y, char *buf, size_t size)
{
	size_t len = 0, end = 0;
	unsigned int x;

	if (!size)
		return 0;
	for (x = 0; x < vt->cols && y < vt->rows && len + 1 < size; x++) {
		buf[len] = (char)VT_CELL_CHAR(vt->cells[y * vt->cols + x]);
		if (buf[len++] != ' ')
			end = len;
	}
	buf[end] = '\0';
	return end;
}
