// SPDX-License-Identifier: GPL-2.0
/*
 * The graphical memmap: physical memory as a picture on the framebuffer
 * console, beside the shell's text - the picture a teacher puts on the
 * projector while typing fragment, compact and free_all.
 *
 * Where.  While the map is up, the console's text wraps at column
 * MAP_COL - 1 (fbcon_set_text_cols(): what the screen shows is kept, cut
 * at that column) and the map takes the pane right of it, from the top
 * of the screen, with its title on the first text row and the legend on
 * the last rows; the text grid never draws there, so the map stays up
 * while the text scrolls.  `memmap_watch off` clears the pane and gives
 * the text its full width back.  A framebuffer narrower than MAP_COL +
 * 24 columns (640x480 and 800x600) has no room: memmap_watch says so, and
 * memmap draws nothing.
 *
 * What.  One square of @scale x @scale pixels per group of 2^k pages
 * (1 pixel per page at -m 512M on 1024x768; the smallest k, then the
 * largest square, for which every zone fits), zones top to bottom, each
 * starting on a new row after a gap.  A square's colour is its
 * pageblock's migrate type, bright if most of its pages are allocated,
 * dark if most are free (buddy or pcp lists); grey for reserved pages
 * (firmware, the kernel image, mem_map, holes in the e820 map).
 *
 * When.  `memmap` draws it once after its text; `memmap_watch on` draws
 * it and redraws it after every shell command (shell_exec() calls
 * memmap_gfx_after_command()), so alloc_pages, fragment, compact and
 * free_all show at once; `memmap_watch off` clears the pane.  A redraw
 * walks mem_map once (the blocks whole) and writes every pixel of the
 * pane: no shadow copy, no flicker, since nothing is cleared first.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/screen.h>
#include <linux/font.h>
#include "shell_internal.h"

#define MAP_COL		82	/* first text column of the pane */
#define MAP_MIN_COLS	24	/* narrower than this: no map */
#define ZONE_GAP	4	/* pixels between two zones */
#define LEGEND_ROWS	5

/* allocated / free colour of each migrate type, 0xRRGGBB (legend order) */
static const struct {
	u32 used, free;
} type_rgb[MIGRATE_TYPES] = {
	[MIGRATE_UNMOVABLE]	= { 0xff4040, 0x602020 },
	[MIGRATE_MOVABLE]	= { 0x40ff40, 0x206020 },
	[MIGRATE_RECLAIMABLE]	= { 0x4080ff, 0x203060 },
	[MIGRATE_HIGHATOMIC]	= { 0xffff40, 0x606020 },
	[MIGRATE_ISOLATE]	= { 0xff40ff, 0x602060 },
};
#define RESERVED_RGB	0x808080
#define TEXT_RGB	0xaaaaaa

static bool memmap_watching;

struct map_geometry {
	unsigned int x0, y0, width, height;	/* the map's pixels */
	unsigned int scale;			/* a square's side in pixels */
	unsigned int order;			/* 2^order pages per square */
	unsigned int per_row;			/* squares per row */
	unsigned int text_rows;
};

static unsigned long zone_squares(const struct zone *zone, unsigned int order)
{
	unsigned long first = ALIGN_DOWN(zone->zone_start_pfn, 1UL << order);

	return (zone_end_pfn(zone) - first + (1UL << order) - 1) >> order;
}

/* the smallest group, then the largest square, with which every zone fits */
static bool map_layout(struct pglist_data *pgdat, struct map_geometry *g)
{
	unsigned int w, h, cols, order, scale;
	struct zone *zone;

	if (!fbcon_geometry(&w, &h, &cols) || cols < MAP_COL + MAP_MIN_COLS)
		return false;
	g->x0 = MAP_COL * FONT_WIDTH;
	g->y0 = FONT_HEIGHT + FONT_HEIGHT / 2;
	g->width = (cols - MAP_COL - 1) * FONT_WIDTH;
	g->text_rows = h / FONT_HEIGHT;
	g->height = (g->text_rows - LEGEND_ROWS - 1) * FONT_HEIGHT - g->y0;
	for (order = 0; order <= pageblock_order; order++) {
		for (scale = 3; scale >= 1; scale--) {
			unsigned int per_row = g->width / scale, used = 0;

			while (per_row & (per_row - 1))	/* a power of two: a pageblock */
				per_row &= per_row - 1;	/* is a rectangle */

			for_each_zone_pgdat(zone, pgdat) {
				if (!populated_zone(zone))
					continue;
				used += (unsigned int)DIV_ROUND_UP(zone_squares(zone, order), per_row) * scale
					+ ZONE_GAP;
			}
			if (used <= g->height) {
				g->order = order;
				g->scale = scale;
				g->per_row = per_row;
				return true;
			}
		}
	}
	return false;
}

/* 0 free, 1 allocated, 2 reserved, for @n pages from @pfn (a whole block) */
static int block_state(unsigned long pfn, unsigned long *n)
{
	struct page *page = pfn_to_page(pfn);

	*n = 1;
	if (PageBuddy(page)) {
		*n = 1UL << min(page->private, (unsigned long)(MAX_ORDER - 1));
		return 0;
	}
	if (PagePcp(page)) {
		*n = 1UL << min(page->private, (unsigned long)(MAX_ORDER - 1));
		return 0;
	}
	if (PageReserved(page))
		return 2;
	if (page_count(page) > 0)
		*n = 1UL << min((unsigned int)page->alloc_order, (unsigned int)(MAX_ORDER - 1));
	return 1;
}

/* draw @zone from pixel row @y; returns the row after it */
static unsigned int draw_zone(struct zone *zone, const struct map_geometry *g, unsigned int y)
{
	unsigned long start = zone->zone_start_pfn, end = zone_end_pfn(zone);
	unsigned long group = 1UL << g->order, cur = ALIGN_DOWN(start, group);
	unsigned long pfn = ALIGN_DOWN(start, MAX_ORDER_NR_PAGES), n;
	unsigned int col = 0;
	/* the block that runs on into the next square(s) */
	int carry_state = -1;
	unsigned long carry_end = 0;

	while (cur < end) {
		unsigned long cell_end = cur + group, count[3] = { 0, 0, 0 };
		unsigned long first = max(cur, start);
		int mt, state;
		u32 rgb;

		/* a block never crosses a MAX_ORDER boundary, where the walk starts */
		while (pfn < cell_end) {
			unsigned long from, to;
			int s;

			if (carry_state >= 0 && pfn < carry_end) {
				s = carry_state;
				n = carry_end - pfn;
			} else if (pfn < start || !zone_spans_pfn(zone, pfn)) {
				s = 2;
				n = 1;
			} else {
				s = block_state(pfn, &n);
			}
			from = max(pfn, cur);
			to = min(pfn + n, cell_end);
			if (to > from)
				count[s] += to - from;
			if (pfn + n > cell_end) {
				carry_state = s;
				carry_end = pfn + n;
				pfn = cell_end;
				break;
			}
			carry_state = -1;
			pfn += n;
		}
		mt = get_pfnblock_migratetype(pfn_to_page(first), first);
		if (count[2] * 2 > group)
			state = 2;
		else
			state = count[1] > count[0] ? 1 : 0;
		rgb = state == 2 ? RESERVED_RGB : state ? type_rgb[mt].used : type_rgb[mt].free;
		fbcon_fill_rect(g->x0 + col * g->scale, y, g->scale, g->scale, fbcon_pack_rgb(rgb));
		cur = cell_end;
		if (++col == g->per_row) {
			col = 0;
			y += g->scale;
		}
	}
	if (col)
		y += g->scale;
	return y + ZONE_GAP;
}

static void draw_legend(const struct map_geometry *g)
{
	static const char * const names[MIGRATE_TYPES] = {
		[MIGRATE_UNMOVABLE] = "Unmovable", [MIGRATE_MOVABLE] = "Movable",
		[MIGRATE_RECLAIMABLE] = "Reclaimable", [MIGRATE_HIGHATOMIC] = "HighAtomic",
		[MIGRATE_ISOLATE] = "Isolate",
	};
	unsigned int row = g->text_rows - LEGEND_ROWS, t, col;
	u32 text = fbcon_pack_rgb(TEXT_RGB);

	fbcon_draw_string(MAP_COL, row - 1, "bright: allocated  dark: free", text);
	for (t = 0; t < MIGRATE_TYPES; t++) {
		unsigned int r = row + t / 2;

		col = MAP_COL + (t % 2) * 20;
		fbcon_fill_rect(col * FONT_WIDTH, r * FONT_HEIGHT + 4, 8, 8,
				fbcon_pack_rgb(type_rgb[t].used));
		fbcon_fill_rect(col * FONT_WIDTH + 8, r * FONT_HEIGHT + 4, 8, 8,
				fbcon_pack_rgb(type_rgb[t].free));
		fbcon_draw_string(col + 3, r, names[t], text);
	}
	col = MAP_COL + 20;
	fbcon_fill_rect(col * FONT_WIDTH, (row + 2) * FONT_HEIGHT + 4, 16, 8,
			fbcon_pack_rgb(RESERVED_RGB));
	fbcon_draw_string(col + 3, row + 2, "reserved", text);
}

void memmap_gfx_draw(void)
{
	struct pglist_data *pgdat = &contig_page_data;
	struct map_geometry g;
	struct zone *zone;
	unsigned int y;
	char title[48];

	if (!map_layout(pgdat, &g))
		return;
	fbcon_set_text_cols(MAP_COL - 1);
	snprintf(title, sizeof(title), "1 square = %lu page%s, %ux%u px", 1UL << g.order,
		 g.order ? "s" : "", g.scale, g.scale);
	fbcon_draw_string(MAP_COL, 0, "memmap", fbcon_pack_rgb(0xffffff));
	fbcon_draw_string(MAP_COL + 7, 0, title, fbcon_pack_rgb(TEXT_RGB));
	y = g.y0;
	for_each_zone_pgdat(zone, pgdat)
		if (populated_zone(zone))
			y = draw_zone(zone, &g, y);
	if (y < g.y0 + g.height)	/* below the last zone: nothing (a larger map before?) */
		fbcon_fill_rect(g.x0, y, g.width, g.y0 + g.height - y, fbcon_pack_rgb(0));
	draw_legend(&g);
}

void memmap_gfx_after_command(void)
{
	if (memmap_watching)
		memmap_gfx_draw();
}

void cmd_memmap_watch(int argc, char **argv)
{
	struct pglist_data *pgdat = &contig_page_data;
	struct map_geometry g;
	unsigned int w, h, cols;

	if (argc > 1) {
		if (strcmp(argv[1], "on") && strcmp(argv[1], "off")) {
			shell_error("memmap_watch: expected on or off, not '%s'", argv[1]);
			return;
		}
		if (!fbcon_geometry(&w, &h, &cols)) {
			shell_error("no framebuffer console: the map needs one (memmap prints the text map)");
			return;
		}
		if (!map_layout(pgdat, &g)) {
			shell_error("a %ux%u framebuffer has no room for the map beside 80 columns of text",
				    w, h);
			return;
		}
		memmap_watching = argv[1][1] == 'n';
		if (memmap_watching) {
			memmap_gfx_draw();
		} else {
			fbcon_fill_rect((MAP_COL - 1) * FONT_WIDTH, 0, w - (MAP_COL - 1) * FONT_WIDTH, h,
					fbcon_pack_rgb(0));
			fbcon_set_text_cols(w / FONT_WIDTH);
		}
	}
	shell_printf("memmap_watch: %s\n", memmap_watching ?
		     "on (the map right of the text is redrawn after every command)" : "off");
}
