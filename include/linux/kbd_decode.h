/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PC keyboard scancodes (set 1, as the i8042 delivers them with
 * translation on) to the bytes a serial terminal would send, US layout.
 * Pure data in, bytes out: lib/kbd_decode.c runs on the host in tests;
 * drivers/keyboard.c feeds it from port 0x60.
 */
#ifndef _LINUX_KBD_DECODE_H
#define _LINUX_KBD_DECODE_H

#include <linux/types.h>

#define KBD_QUEUE_SIZE	32	/* a power of two */

struct kbd_state {
	bool lshift, rshift, lctrl, rctrl, lalt, ralt;
	bool caps_lock, num_lock;
	bool e0;			/* the previous byte was the 0xE0 prefix */
	unsigned int e1_skip;		/* bytes of a Pause sequence still to drop */
	/* decoded bytes waiting for kbd_getc(): [tail, head) mod size */
	u8 queue[KBD_QUEUE_SIZE];
	unsigned int head, tail;	/* head - tail <= KBD_QUEUE_SIZE */
	unsigned long dropped;		/* sequences lost to a full queue */
};

void kbd_init_state(struct kbd_state *kbd);
/* decode one scancode byte; whole sequences are queued or dropped whole */
void kbd_feed(struct kbd_state *kbd, u8 scancode);
/* next decoded byte (0..255), or -1 if none */
int kbd_getc(struct kbd_state *kbd);

#endif
