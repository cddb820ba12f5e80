/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small line editor (lib/readline.c) for the Orderly shell.  It is a pure
 * state machine: the caller feeds it one input byte at a time and it writes
 * its echo through a callback, so the same code runs on the serial console
 * and in host tests that feed bytes and compare the echo.
 *
 * Keys: printable ASCII is inserted at the end of the line and echoed;
 * Backspace (0x08) and DEL (0x7f) erase one character; Ctrl-U erases the
 * line; Ctrl-C abandons it; Up/Down (ESC [ A / ESC [ B, or ESC O A/B) walk
 * the history; Tab completes the word before the cursor from the
 * candidates a callback offers; CR or LF ends the line (CR LF counts once).
 * Every other byte -- other control characters, bytes >= 0x80, and whole
 * escape sequences (CSI with parameters, SS3, ESC + one byte) -- is
 * swallowed without effect, so no input can corrupt the state.
 *
 * A line longer than READLINE_MAX characters is still echoed and edited
 * (its length is counted, the excess is not stored); if it is still too
 * long when Enter arrives it is reported as READLINE_TOO_LONG and
 * discarded whole, never cut short.
 */
#ifndef _LINUX_READLINE_H
#define _LINUX_READLINE_H

#include <linux/types.h>

#define READLINE_MAX		255	/* characters in a line, without the NUL */
#define READLINE_HISTORY	32	/* lines kept for Up/Down */
#define READLINE_MAX_CANDIDATES	64	/* completions considered at once */

enum readline_event {
	READLINE_NONE,		/* byte consumed, line not finished */
	READLINE_LINE,		/* Enter: the line is in rl->line (NUL-terminated) */
	READLINE_CANCEL,	/* Ctrl-C: line abandoned ("^C" echoed) */
	READLINE_TOO_LONG,	/* Enter on a line of more than READLINE_MAX chars */
};

struct readline;

/*
 * Completion candidates for the word being typed: fill @out with up to
 * @max names (static strings) that could stand at word number @argno
 * (0 = command name) of @line (the text before that word, NUL-terminated);
 * return how many.  The editor keeps only those that start with the
 * typed prefix.
 */
typedef unsigned int (*readline_complete_fn)(void *ctx, const char *line,
					     unsigned int argno,
					     const char **out, unsigned int max);
typedef void (*readline_write_fn)(void *ctx, const char *s, size_t n);

enum readline_esc_state {
	RL_ESC_NONE,
	RL_ESC_START,		/* saw ESC */
	RL_ESC_CSI,		/* saw ESC [ : parameters until a final byte */
	RL_ESC_SS3,		/* saw ESC O : one more byte */
};

struct readline {
	/* line[0..stored) is the text; stored == min(len, READLINE_MAX) */
	char line[READLINE_MAX + 1];
	/* characters typed (and echoed) on this line, may exceed READLINE_MAX */
	unsigned int len;

	/* history ring: hist[(hist_head - 1 - i) % N] is the i-th newest line */
	char hist[READLINE_HISTORY][READLINE_MAX + 1];
	unsigned int hist_head;		/* next slot to write */
	unsigned int hist_count;	/* lines stored, <= READLINE_HISTORY */
	/*
	 * 0 while editing a fresh line; k > 0 while showing the k-th newest
	 * history entry.  The fresh line is parked in @scratch meanwhile.
	 */
	unsigned int hist_pos;
	char scratch[READLINE_MAX + 1];
	unsigned int scratch_len;

	enum readline_esc_state esc;
	unsigned int esc_len;		/* bytes of a CSI sequence so far */
	bool last_cr;			/* the previous byte was CR: drop one LF */

	const char *prompt;
	readline_write_fn write;
	readline_complete_fn complete;	/* may be NULL: Tab does nothing */
	void *ctx;
};

/* Reset @rl (history included) and set its prompt, output and completion. */
void readline_init(struct readline *rl, const char *prompt, readline_write_fn write,
		   readline_complete_fn complete, void *ctx);
/* Write the prompt and start an empty line. */
void readline_start(struct readline *rl);
/* Feed one input byte (0..255); see enum readline_event. */
enum readline_event readline_feed(struct readline *rl, int c);
/* The i-th newest history line (0 = newest), or NULL. */
const char *readline_history(const struct readline *rl, unsigned int i);

#endif
