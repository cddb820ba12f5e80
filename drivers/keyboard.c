// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/keyboard.c - the PS/2 keyboard behind an i8042 controller, polled.
 *
 * The i8042 has a data port (0x60) and a status/command port (0x64).
 * Status bit 0 (OBF) says a byte waits in 0x60, bit 1 (IBF) that the
 * controller has not yet taken our last write, bit 5 that the waiting byte
 * came from the mouse port.  The controller's configuration byte (commands
 * 0x20 read / 0x60 write) holds, among others, the interrupt enables for
 * both ports and XLAT, which makes the controller translate the keyboard's
 * scancode set 2 into set 1 -- the set lib/kbd_decode.c understands.
 *
 * Probing must never hang: on machines without a controller (some UEFI-only
 * PCs, QEMU's microvm) nothing decodes the ports and reads return 0xFF,
 * i.e. IBF stuck at 1.  So the status byte 0xFF means "absent", and every
 * wait below is a bounded loop; a controller that does not answer the
 * configuration read in time counts as absent too.  USB keyboards appear
 * here only through the firmware's legacy PS/2 emulation (there is no USB
 * HID stack); most PCs enable it by default.
 *
 * Keys are not interrupt-driven: the shell polls console_getc(), whose
 * read() hook drains the controller into the decoder and hands out one
 * byte.  The keyboard interrupt is therefore switched off in the
 * configuration byte, so that no IRQ 1 arrives that nobody would handle.
 */
#include <linux/console.h>
#include <linux/kbd_decode.h>
#include <linux/kernel.h>
#include <linux/screen.h>
#include <asm/io.h>

#define I8042_DATA		0x60
#define I8042_STATUS		0x64
#define I8042_COMMAND		0x64

#define I8042_STR_OBF		0x01
#define I8042_STR_IBF		0x02
#define I8042_STR_AUXDATA	0x20

#define I8042_CMD_CTL_RCTR	0x20
#define I8042_CMD_CTL_WCTR	0x60

#define I8042_CTR_KBDINT	0x01
#define I8042_CTR_AUXINT	0x02
#define I8042_CTR_KBDDIS	0x10
#define I8042_CTR_XLATE		0x40

#define ATKBD_CMD_SSCANSET	0xf0
#define ATKBD_CMD_ENABLE	0xf4
#define ATKBD_RET_ACK		0xfa

/* polls of about 1 us each (io_delay): ~20 ms before giving up */
#define I8042_TIMEOUT		20000
#define I8042_BUFFER_SIZE	32	/* bytes drained per flush or read */

static struct kbd_state kbd;

static bool i8042_wait_write(void)
{
	unsigned int i;

	for (i = 0; i < I8042_TIMEOUT; i++) {
		if (!(inb(I8042_STATUS) & I8042_STR_IBF))
			return true;
		io_delay();
	}
	return false;
}

/* the next byte from the keyboard port, or -1 after the timeout */
static int i8042_read_data(void)
{
	unsigned int i;
	u8 str;

	for (i = 0; i < I8042_TIMEOUT; i++) {
		str = inb(I8042_STATUS);
		if (str & I8042_STR_OBF)
			return inb(I8042_DATA);
		io_delay();
	}
	return -1;
}

static void i8042_flush(void)
{
	unsigned int i;

	for (i = 0; i < I8042_BUFFER_SIZE && (inb(I8042_STATUS) & I8042_STR_OBF); i++) {
		inb(I8042_DATA);
		io_delay();
	}
}

static bool i8042_command(u8 cmd)
{
	if (!i8042_wait_write())
		return false;
	outb(cmd, I8042_COMMAND);
	return true;
}

static bool i8042_write_data(u8 v)
{
	if (!i8042_wait_write())
		return false;
	outb(v, I8042_DATA);
	return true;
}

/* send a byte to the keyboard itself; true if it acknowledged */
static bool atkbd_command(u8 v)
{
	unsigned int tries;
	int r;

	if (!i8042_write_data(v))
		return false;
	for (tries = 0; tries < 4; tries++) {
		r = i8042_read_data();
		if (r == ATKBD_RET_ACK)
			return true;
		if (r < 0)
			return false;
	}
	return false;
}

static int keyboard_read(struct console *con)
{
	unsigned int i;
	u8 str, data;

	for (i = 0; i < I8042_BUFFER_SIZE; i++) {
		str = inb(I8042_STATUS);
		if (!(str & I8042_STR_OBF))
			break;
		data = inb(I8042_DATA);
		if (!(str & I8042_STR_AUXDATA))	/* mouse bytes are dropped */
			kbd_feed(&kbd, data);
	}
	return kbd_getc(&kbd);
}

static void keyboard_write(struct console *con, const char *s, size_t n)
{
}

static struct console keyboard_console = {
	.name = "kbd",
	.write = keyboard_write,	/* input only */
	.read = keyboard_read,
};

void keyboard_init(void)
{
	int ctr;
	bool set2;

	if (inb(I8042_STATUS) == 0xff) {
		pr_info("i8042: no controller, no PS/2 keyboard\n");
		return;
	}
	i8042_flush();
	if (!i8042_command(I8042_CMD_CTL_RCTR) || (ctr = i8042_read_data()) < 0) {
		pr_info("i8042: controller does not answer, no PS/2 keyboard\n");
		return;
	}
	ctr &= ~(I8042_CTR_KBDINT | I8042_CTR_AUXINT | I8042_CTR_KBDDIS);
	ctr |= I8042_CTR_XLATE;
	if (!i8042_command(I8042_CMD_CTL_WCTR) || !i8042_write_data((u8)ctr)) {
		pr_info("i8042: cannot write the configuration, no PS/2 keyboard\n");
		return;
	}
	i8042_flush();
	/*
	 * Set 2 (translated to set 1 by XLAT) is what keyboards power up in,
	 * but firmware may have left another set or scanning disabled.  No
	 * answer is not fatal: USB legacy emulation often ignores these.
	 */
	set2 = atkbd_command(ATKBD_CMD_SSCANSET) && atkbd_command(2);
	atkbd_command(ATKBD_CMD_ENABLE);
	i8042_flush();

	kbd_init_state(&kbd);
	register_console(&keyboard_console);
	pr_info("i8042: PS/2 keyboard, scancode set %s, polled\n",
		set2 ? "2 (translated)" : "as left by firmware");
}
