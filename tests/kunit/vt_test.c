// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vt.c: the text grid behind the VGA and framebuffer consoles.  A
 * fake driver records every draw into its own "screen", so the tests
 * check what a person would see (not just vt->cells), that only changed
 * cells are drawn, and that no byte stream can move the cursor off-grid.
 */
#include <kunit/test.h>
#include <linux/vt.h>

#define T_COLS	10
#define T_ROWS	4

struct fake_screen {
	struct vt vt;
	u16 cells[T_COLS * T_ROWS], shown[T_COLS * T_ROWS];
	u16 screen[T_ROWS][T_COLS];	/* what the fake hardware shows */
	unsigned int draws;
	unsigned int cur_x, cur_y;	/* last set_cursor */
	int cursor_cells;		/* cells currently drawn with the cursor */
	bool cursor_at[T_ROWS][T_COLS];
};

static void fake_draw(struct vt *vt, unsigned int x, unsigned int y, u8 c, u8 attr, bool cursor)
{
	struct fake_screen *fs = vt->priv;

	BUG_ON(x >= T_COLS || y >= T_ROWS);
	fs->screen[y][x] = VT_CELL(c, attr);
	fs->cursor_cells += (int)cursor - (int)fs->cursor_at[y][x];
	fs->cursor_at[y][x] = cursor;
	fs->draws++;
}

static void fake_set_cursor(struct vt *vt, unsigned int x, unsigned int y)
{
	struct fake_screen *fs = vt->priv;

	BUG_ON(x >= T_COLS || y >= T_ROWS);
	fs->cur_x = x;
	fs->cur_y = y;
}

static const struct vt_ops fake_ops = { .draw = fake_draw, .set_cursor = fake_set_cursor };

static struct fake_screen *fake_new(struct kunit *test)
{
	static struct fake_screen fs;

	memset(&fs, 0, sizeof(fs));
	vt_init(&fs.vt, T_COLS, T_ROWS, fs.cells, fs.shown, &fake_ops, &fs);
	KUNIT_EXPECT_EQ(test, fs.draws, T_COLS * T_ROWS);
	return &fs;
}

/* row @y of the fake hardware as text, trailing blanks dropped */
static const char *fake_row(struct fake_screen *fs, unsigned int y)
{
	static char buf[T_COLS + 1];
	unsigned int x, end = 0;

	for (x = 0; x < T_COLS; x++) {
		buf[x] = (char)VT_CELL_CHAR(fs->screen[y][x]);
		if (buf[x] != ' ')
			end = x + 1;
	}
	buf[end] = '\0';
	return buf;
}

static void vt_put(struct fake_screen *fs, const char *s)
{
	vt_write(&fs->vt, s, strlen(s));
}

static void vt_lines_and_scrolling(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);

	vt_put(fs, "one\ntwo\nthree\nfour\nfive\n");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "three");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 1), "four");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 2), "five");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 3), "");
	KUNIT_EXPECT_EQ(test, fs->vt.scrolls, 2);
	KUNIT_EXPECT_EQ(test, fs->cur_x, 0);
	KUNIT_EXPECT_EQ(test, fs->cur_y, 3);
	KUNIT_EXPECT_EQ(test, fs->cursor_cells, 1);
	KUNIT_EXPECT_TRUE(test, fs->cursor_at[3][0]);
}

static void vt_deferred_wrap(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);

	/* exactly one full row then '\n': no empty line in between */
	vt_put(fs, "0123456789\nab");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "0123456789");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 1), "ab");
	/* a longer line wraps onto the next row */
	vt_put(fs, "\n0123456789XY");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 2), "0123456789");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 3), "XY");
	/* while the wrap is pending the cursor stays on the last column */
	vt_put(fs, "\r0123456789");
	KUNIT_EXPECT_EQ(test, fs->cur_x, T_COLS - 1);
	KUNIT_EXPECT_EQ(test, fs->cur_y, 3);
}

static void vt_only_changed_cells_are_drawn(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);

	vt_put(fs, "abc");
	fs->draws = 0;
	vt_put(fs, "d");
	/* 'd' itself (with cursor) and the cursor's new cell: nothing else */
	KUNIT_EXPECT_EQ(test, fs->draws, 2);
	fs->draws = 0;
	vt_put(fs, "");
	KUNIT_EXPECT_EQ(test, fs->draws, 0);
}

static void vt_shell_line_editing(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);

	/* what the shell sends for Backspace, then for a history recall */
	vt_put(fs, "> lsx\b \b");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "> ls");
	KUNIT_EXPECT_EQ(test, fs->cur_x, 4);
	vt_put(fs, "\r> \033[Khelp");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "> help");
	vt_put(fs, "\033[3D\033[K");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "> h");
	vt_put(fs, "\033[2J\033[2;3HX");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 1), "  X");
	vt_put(fs, "\tT");
	KUNIT_EXPECT_EQ(test, VT_CELL_CHAR(fs->screen[1][8]), 'T');
	KUNIT_EXPECT_EQ(test, fs->cursor_cells, 1);
}

static void vt_erase_across_wrapped_line(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);
	int i;

	/* a 12-character input line on a 10-column screen, then 4 erasures */
	vt_put(fs, "0123456789ab");
	for (i = 0; i < 4; i++)
		vt_put(fs, "\b \b");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "01234567");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 1), "");
	KUNIT_EXPECT_EQ(test, fs->cur_x, 8);
	KUNIT_EXPECT_EQ(test, fs->cur_y, 0);
	vt_put(fs, "XYZ");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "01234567XY");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 1), "Z");
}

static void vt_error_colours(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);

	vt_set_hint(&fs->vt, 1);
	vt_put(fs, "BUG: x\n");
	vt_set_hint(&fs->vt, 0);
	vt_put(fs, "ok \033[31mR\033[0mN");
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[0][0]), VT_ATTR_ERROR);
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[0][5]), VT_ATTR_ERROR);
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[1][0]), VT_ATTR_NORMAL);
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[1][3]), 0x04);	/* red */
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[1][4]), VT_ATTR_NORMAL);
}

static void vt_error_lines_by_prefix(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);

	/* the shell's error line, written in pieces, then a normal line */
	vt_put(fs, "err");
	vt_put(fs, "or: x\nok\n");
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[0][0]), VT_ATTR_ERROR);
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[0][7]), VT_ATTR_ERROR);
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[1][0]), VT_ATTR_NORMAL);
	/* "BUG:" too; "errand" and a prefix not at column 0 stay normal */
	vt_put(fs, "BUG: y\nerrand\n> error: z");
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[1][0]), VT_ATTR_ERROR);
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[2][0]), VT_ATTR_NORMAL);
	KUNIT_EXPECT_EQ(test, VT_CELL_ATTR(fs->screen[3][2]), VT_ATTR_NORMAL);
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 3), "> error: z");
}

static void vt_escape_split_across_writes(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);

	vt_put(fs, "abcdef\033");
	vt_put(fs, "[");
	vt_put(fs, "4D");
	vt_put(fs, "\033[?25lX");	/* DEC private: ignored */
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "abXdef");
}

static void vt_garbage_stays_on_grid(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);
	u32 seed = 12345;
	char buf[256];
	unsigned int i, round;

	for (round = 0; round < 200; round++) {
		for (i = 0; i < sizeof(buf); i++) {
			seed = seed * 1103515245 + 12345;
			buf[i] = (char)(seed >> 16);
			if ((seed >> 8) % 7 == 0)
				buf[i] = "\033[;0123456789ABCDHJKm\n\b\t"[(seed >> 20) % 25];
		}
		vt_write(&fs->vt, buf, sizeof(buf));
		KUNIT_ASSERT_LE(test, fs->vt.x, T_COLS);
		KUNIT_ASSERT_LT(test, fs->vt.y, T_ROWS);
	}
	vt_put(fs, "\033[0m\033[2J\033[Hok");
	KUNIT_EXPECT_STREQ(test, fake_row(fs, 0), "ok");
	KUNIT_EXPECT_EQ(test, fs->cursor_cells, 1);
	/* the fake screen agrees with the grid cell by cell */
	KUNIT_EXPECT_EQ(test, memcmp(fs->screen, fs->cells, sizeof(fs->cells)), 0);
}

static void vt_row_text_reads_back(struct kunit *test)
{
	struct fake_screen *fs = fake_new(test);
	char buf[T_COLS + 1];

	vt_put(fs, "orderly> ");
	KUNIT_EXPECT_EQ(test, vt_row_text(&fs->vt, 0, buf, sizeof(buf)), 8);
	KUNIT_EXPECT_STREQ(test, buf, "orderly>");
	KUNIT_EXPECT_EQ(test, vt_row_text(&fs->vt, 0, buf, 4), 3);
	KUNIT_EXPECT_STREQ(test, buf, "ord");
}

static struct kunit_case vt_cases[] = {
	KUNIT_CASE(vt_lines_and_scrolling),
	KUNIT_CASE(vt_deferred_wrap),
	KUNIT_CASE(vt_only_changed_cells_are_drawn),
	KUNIT_CASE(vt_shell_line_editing),
	KUNIT_CASE(vt_erase_across_wrapped_line),
	KUNIT_CASE(vt_error_colours),
	KUNIT_CASE(vt_error_lines_by_prefix),
	KUNIT_CASE(vt_escape_split_across_writes),
	KUNIT_CASE(vt_garbage_stays_on_grid),
	KUNIT_CASE(vt_row_text_reads_back),
	{}
};

static struct kunit_suite vt_suite = {
	.name = "vt",
	.test_cases = vt_cases,
};
kunit_test_suite(vt_suite);
