// SPDX-License-Identifier: GPL-2.0
/*
 * lib/kbd_decode.c - PC scancode set 1 to terminal bytes (US layout).
 *
 * A key press sends its make code (0x01-0x58), the release the same code
 * with bit 7 set.  Keys added after the XT (arrows, right Ctrl/Alt, keypad
 * Enter and '/', Home/End/Delete...) are sent as 0xE0 followed by a code;
 * some keyboards wrap them in "fake shifts" (E0 2A / E0 AA), which carry
 * no meaning here.  Pause sends E1 1D 45 E1 9D C5 and has no release.
 * The i8042 produces this set by translating the keyboard's set 2 when
 * its XLAT bit is on (drivers/keyboard.c makes sure it is).
 *
 * The output is what the shell would get from a serial terminal (see
 * include/linux/console.h): printable ASCII, '\r' for Enter, 0x7f for
 * Backspace (as the Linux console sends), '\t', ESC, Ctrl+letter as
 * 0x01-0x1a, arrows as ESC [ A/B/C/D, Home/End as ESC [ H / ESC [ F,
 * Delete as ESC [ 3 ~.  Shift and Caps Lock combine as on a PC: Caps
 * Lock affects letters only, and Shift inverts it.  The keypad follows
 * Num Lock (on: digits; off: arrows, Home, End...).
 */
#include <linux/kbd_decode.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* set 1 make codes 0x00-0x3a, unshifted and shifted; 0 = no byte */
static const char kbd_plain[0x3b] =
	"\0\033" "1234567890-=" "\177\t" "qwertyuiop[]" "\r\0" "asdfghjkl;'`"
	"\0\\" "zxcvbnm,./" "\0*\0 \0";
static const char kbd_shift[0x3b] =
	"\0\033" "!@#$%^&*()_+" "\177\t" "QWERTYUIOP{}" "\r\0" "ASDFGHJKL:\"~"
	"\0|" "ZXCVBNM<>?" "\0*\0 \0";

_Static_assert(sizeof(kbd_plain) == 0x3b && sizeof(kbd_shift) == 0x3b,
	       "scancode tables cover 0x00-0x3a");

#define SC_LCTRL	0x1d
#define SC_LSHIFT	0x2a
#define SC_RSHIFT	0x36
#define SC_LALT		0x38
#define SC_CAPS		0x3a
#define SC_NUMLOCK	0x45

/* keypad 0x47-0x53 with Num Lock on, and the sequence it sends when off */
static const char kbd_keypad_digit[0x53 - 0x47 + 1] = "789-456+1230.";
static const char *const kbd_keypad_nav[0x53 - 0x47 + 1] = {
	"\033[H", "\033[A", "\033[5~", "-", "\033[D", "", "\033[C", "+",
	"\033[F", "\033[B", "\033[6~", "\033[2~", "\033[3~",
};

void kbd_init_state(struct kbd_state *kbd)
{
	memset(kbd, 0, sizeof(*kbd));
	kbd->num_lock = true;	/* what PC firmware leaves on */
}

static void kbd_queue(struct kbd_state *kbd, const char *seq, size_t n)
{
	size_t i;

	if (!n)
		return;
	if (kbd->head - kbd->tail + n > KBD_QUEUE_SIZE) {
		kbd->dropped++;	/* never half an escape sequence */
		return;
	}
	for (i = 0; i < n; i++)
		kbd->queue[kbd->head++ % KBD_QUEUE_SIZE] = (u8)seq[i];
}

static void kbd_queue_str(struct kbd_state *kbd, const char *s)
{
	kbd_queue(kbd, s, strlen(s));
}

int kbd_getc(struct kbd_state *kbd)
{
	if (kbd->head == kbd->tail)
		return -1;
	return kbd->queue[kbd->tail++ % KBD_QUEUE_SIZE];
}

static void kbd_extended(struct kbd_state *kbd, u8 code, bool release)
{
	const char *seq = NULL;

	switch (code) {
	case SC_LCTRL:
		kbd->rctrl = !release;
		return;
	case SC_LALT:
		kbd->ralt = !release;
		return;
	case SC_LSHIFT:		/* fake shifts around extended keys */
	case SC_RSHIFT:
		return;
	}
	if (release)
		return;
	switch (code) {
	case 0x1c: seq = "\r"; break;		/* keypad Enter */
	case 0x35: seq = "/"; break;		/* keypad / */
	case 0x47: seq = "\033[H"; break;	/* Home */
	case 0x48: seq = "\033[A"; break;	/* Up */
	case 0x49: seq = "\033[5~"; break;	/* Page Up */
	case 0x4b: seq = "\033[D"; break;	/* Left */
	case 0x4d: seq = "\033[C"; break;	/* Right */
	case 0x4f: seq = "\033[F"; break;	/* End */
	case 0x50: seq = "\033[B"; break;	/* Down */
	case 0x51: seq = "\033[6~"; break;	/* Page Down */
	case 0x52: seq = "\033[2~"; break;	/* Insert */
	case 0x53: seq = "\033[3~"; break;	/* Delete */
	}
	if (seq)
		kbd_queue_str(kbd, seq);
}

void kbd_feed(struct kbd_state *kbd, u8 sc)
{
	bool release = sc & 0x80, shift, ctrl;
	u8 code = sc & 0x7f;
	char c;

	if (kbd->e1_skip) {
		kbd->e1_skip--;
		return;
	}
	if (sc == 0xe1) {		/* Pause: E1 1D 45 E1 9D C5 */
		kbd->e1_skip = 5;
		kbd->e0 = false;
		return;
	}
	if (sc == 0xe0) {
		kbd->e0 = true;
		return;
	}
	/*
	 * Keyboard replies (ACK, resend, echo, errors) are not keys.  0xAA,
	 * the self-test "passed", is also the left Shift release and is
	 * decoded as such, which is harmless after a reset.
	 */
	if (sc == 0x00 || sc == 0xfa || sc == 0xfe || sc == 0xff || sc == 0xee) {
		kbd->e0 = false;
		return;
	}
	if (kbd->e0) {
		kbd->e0 = false;
		kbd_extended(kbd, code, release);
		return;
	}

	switch (code) {
	case SC_LSHIFT:
		kbd->lshift = !release;
		return;
	case SC_RSHIFT:
		kbd->rshift = !release;
		return;
	case SC_LCTRL:
		kbd->lctrl = !release;
		return;
	case SC_LALT:
		kbd->lalt = !release;
		return;
	case SC_CAPS:
		if (!release)
			kbd->caps_lock = !kbd->caps_lock;
		return;
	case SC_NUMLOCK:
		if (!release)
			kbd->num_lock = !kbd->num_lock;
		return;
	}
	if (release)
		return;

	shift = kbd->lshift || kbd->rshift;
	ctrl = kbd->lctrl || kbd->rctrl;

	if (code >= 0x47 && code <= 0x53) {
		if (kbd->num_lock && !shift)
			kbd_queue(kbd, &kbd_keypad_digit[code - 0x47], 1);
		else
			kbd_queue_str(kbd, kbd_keypad_nav[code - 0x47]);
		return;
	}
	if (code >= sizeof(kbd_plain))
		return;		/* F-keys and the rest: nothing to send */

	c = kbd_plain[code];
	if (!c)
		return;
	if (c >= 'a' && c <= 'z') {
		if (ctrl)
			c = (char)(c - 'a' + 1);
		else if (shift != kbd->caps_lock)
			c = (char)(c - 'a' + 'A');
	} else if (shift) {
		c = kbd_shift[code];
	}
	kbd_queue(kbd, &c, 1);
}
