// SPDX-License-Identifier: GPL-2.0
/*
 * lib/kbd_decode.c: scancode set 1 sequences (as the i8042 hands them to
 * drivers/keyboard.c) must become exactly the bytes a serial terminal
 * sends, since the shell decodes only that format.
 */
#include <kunit/test.h>
#include <linux/kbd_decode.h>

/* feed @n scancodes, collect every decoded byte into @out (NUL-terminated) */
static size_t kbd_run(struct kbd_state *kbd, const u8 *sc, size_t n, char *out, size_t size)
{
	size_t i, len = 0;
	int c;

	for (i = 0; i < n; i++) {
		kbd_feed(kbd, sc[i]);
		while ((c = kbd_getc(kbd)) >= 0)
			if (len + 1 < size)
				out[len++] = (char)c;
	}
	out[len] = '\0';
	return len;
}

#define KBD_EXPECT(test, expect, ...) do {				\
	static const u8 __sc[] = { __VA_ARGS__ };			\
	struct kbd_state __k;						\
	char __out[64];							\
	kbd_init_state(&__k);						\
	kbd_run(&__k, __sc, sizeof(__sc), __out, sizeof(__out));	\
	KUNIT_EXPECT_STREQ(test, __out, expect);			\
} while (0)

static void kbd_letters_digits_and_enter(struct kunit *test)
{
	/* "free 0x1" Enter: make and break codes as a real keyboard sends */
	KBD_EXPECT(test, "free 0x1\r",
		   0x21, 0xa1, 0x13, 0x93, 0x12, 0x92, 0x12, 0x92, 0x39, 0xb9,
		   0x0b, 0x8b, 0x2d, 0xad, 0x02, 0x82, 0x1c, 0x9c);
	KBD_EXPECT(test, "qwertyuiopasdfghjklzxcvbnm",
		   0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19,
		   0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26,
		   0x2c, 0x2d, 0x2e, 0x2f, 0x30, 0x31, 0x32);
	KBD_EXPECT(test, "1234567890-=[];'`\\,./",
		   0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,
		   0x0c, 0x0d, 0x1a, 0x1b, 0x27, 0x28, 0x29, 0x2b, 0x33, 0x34, 0x35);
}

static void kbd_shift_gives_us_symbols(struct kunit *test)
{
	/* LShift held: a 1 2 - = ; ' / then released: a */
	KBD_EXPECT(test, "A!@_+:\"?|a",
		   0x2a, 0x1e, 0x02, 0x03, 0x0c, 0x0d, 0x27, 0x28, 0x35, 0x2b, 0xaa, 0x1e);
	/* right shift works the same and both must be released */
	KBD_EXPECT(test, "G(g",
		   0x36, 0x22, 0x0a, 0xb6, 0x22);
	KBD_EXPECT(test, "XXx",
		   0x2a, 0x36, 0x2d, 0xaa, 0x2d, 0xb6, 0x2d);
}

static void kbd_caps_lock_letters_only(struct kunit *test)
{
	/* Caps on: a 1; Shift+a gives 'a'; Caps off again: a */
	KBD_EXPECT(test, "A1a!a",
		   0x3a, 0xba, 0x1e, 0x02, 0x2a, 0x1e, 0x02, 0xaa,
		   0x3a, 0xba, 0x1e);
}

static void kbd_ctrl_letters(struct kunit *test)
{
	/* Ctrl-C, Ctrl-U, right Ctrl (E0 1D) + a, and nothing after release */
	KBD_EXPECT(test, "\003\025\001a",
		   0x1d, 0x2e, 0x16, 0x9d, 0xe0, 0x1d, 0x1e, 0xe0, 0x9d, 0x1e);
}

static void kbd_arrows_are_ansi(struct kunit *test)
{
	KBD_EXPECT(test, "\033[A\033[B\033[C\033[D",
		   0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0x50, 0xe0, 0xd0,
		   0xe0, 0x4d, 0xe0, 0xcd, 0xe0, 0x4b, 0xe0, 0xcb);
	/* with fake shifts around them (E0 2A ... E0 AA), still plain arrows */
	KBD_EXPECT(test, "\033[A",
		   0xe0, 0x2a, 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0xaa);
	KBD_EXPECT(test, "\033[H\033[F\033[3~\r/",
		   0xe0, 0x47, 0xe0, 0x4f, 0xe0, 0x53, 0xe0, 0x1c, 0xe0, 0x35);
}

static void kbd_backspace_tab_escape(struct kunit *test)
{
	KBD_EXPECT(test, "ab\177\t\033", 0x1e, 0x30, 0x0e, 0x0f, 0x01);
}

static void kbd_keypad_follows_num_lock(struct kunit *test)
{
	/* Num Lock on (firmware default): 8 4 . ; off: Up, Left, Delete */
	KBD_EXPECT(test, "84.\033[A\033[D\033[3~",
		   0x48, 0x4b, 0x53, 0x45, 0xc5, 0x48, 0x4b, 0x53);
}

static void kbd_ignores_noise(struct kunit *test)
{
	/* Pause (E1 sequence), F1, ACK, self-test OK, releases without press */
	KBD_EXPECT(test, "z",
		   0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5, 0x3b, 0xbb, 0xfa, 0xaa,
		   0x9e, 0xe0, 0xc8, 0x2c);
	/* a modifier release must not leave Shift stuck: 0xaa is also BAT OK */
	KBD_EXPECT(test, "Aa", 0x2a, 0x1e, 0xaa, 0x1e);
}

static void kbd_full_queue_drops_whole_sequences(struct kunit *test)
{
	struct kbd_state kbd;
	unsigned int i;
	int c, n = 0, esc = 0;

	kbd_init_state(&kbd);
	/* 20 Up presses, nobody reading: 32-byte queue holds 10 of them */
	for (i = 0; i < 20; i++) {
		kbd_feed(&kbd, 0xe0);
		kbd_feed(&kbd, 0x48);
	}
	KUNIT_EXPECT_EQ(test, kbd.dropped, 10);
	while ((c = kbd_getc(&kbd)) >= 0) {
		n++;
		esc += c == 0x1b;
	}
	KUNIT_EXPECT_EQ(test, n, 30);
	KUNIT_EXPECT_EQ(test, esc, 10);
	KUNIT_EXPECT_EQ(test, kbd_getc(&kbd), -1);
}

static struct kunit_case kbd_decode_cases[] = {
	KUNIT_CASE(kbd_letters_digits_and_enter),
	KUNIT_CASE(kbd_shift_gives_us_symbols),
	KUNIT_CASE(kbd_caps_lock_letters_only),
	KUNIT_CASE(kbd_ctrl_letters),
	KUNIT_CASE(kbd_arrows_are_ansi),
	KUNIT_CASE(kbd_backspace_tab_escape),
	KUNIT_CASE(kbd_keypad_follows_num_lock),
	KUNIT_CASE(kbd_ignores_noise),
	KUNIT_CASE(kbd_full_queue_drops_whole_sequences),
	{}
};

static struct kunit_suite kbd_decode_suite = {
	.name = "kbd_decode",
	.test_cases = kbd_decode_cases,
};
kunit_test_suite(kbd_decode_suite);
