// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's line editor: bytes in, a finished line (or an event) out.
 *
 * The editor never trusts its input.  Each byte is classified once:
 *
 *   - inside an escape sequence it only advances the small decoder in
 *     rl->esc (ESC, then '[' + parameters + one final byte, or 'O' + one
 *     byte); the only sequences that do anything are Up and Down.  A
 *     control byte inside a sequence ends the sequence and is then handled
 *     normally, so a stray ESC can never eat the Enter that follows it; a
 *     parameter list too long to be a key is swallowed and ignored.
 *   - a control byte is one of the editing keys or ignored;
 *   - a printable ASCII byte is appended and echoed;
 *   - anything else (0x80..0xff) is ignored.
 *
 * The cursor is always at the end of the line, so the echo is exactly
 * what was typed and erasing is "\b \b".  The text shown on the terminal
 * is always line[0..len) (with the characters beyond READLINE_MAX shown
 * but not stored), which is what lets history recall and Ctrl-U erase
 * precisely what is there.
 *
 * Over-long lines are counted, not truncated: rl->len keeps growing past
 * READLINE_MAX while only the first READLINE_MAX characters are stored.
 * Erasing back under the limit makes the line valid again (the erased
 * characters were exactly the unstored ones); pressing Enter while over
 * the limit discards the whole line.
 */
#include <linux/kernel.h>
#include <linux/readline.h>
#include <linux/string.h>

#define CTRL(c)		((c) & 0x1f)
#define ESC		0x1b
#define DEL		0x7f
#define CSI_MAX_LEN	16	/* longer parameter lists are swallowed, never acted on */

static void rl_write(struct readline *rl, const char *s, size_t n)
{
	if (n && rl->write)
		rl->write(rl->ctx, s, n);
}

static void rl_puts(struct readline *rl, const char *s)
{
	rl_write(rl, s, strlen(s));
}

/* Erase @n characters before the cursor on the terminal. */
static void rl_erase(struct readline *rl, unsigned int n)
{
	static const char bs[] = "\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b";
	static const char sp[] = "                ";
	unsigned int chunk;

	while (n) {
		chunk = min(n, (unsigned int)(sizeof(bs) - 1));
		rl_write(rl, bs, chunk);
		rl_write(rl, sp, chunk);
		rl_write(rl, bs, chunk);
		n -= chunk;
	}
}

/* Copy at most READLINE_MAX characters of @src and a NUL; return the length. */
static unsigned int rl_copy(char *dst, const char *src)
{
	unsigned int n = strnlen(src, READLINE_MAX);

	memcpy(dst, src, n);
	dst[n] = '\0';
	return n;
}

static void rl_clear(struct readline *rl)
{
	rl->len = 0;
	rl->line[0] = '\0';
}

void readline_init(struct readline *rl, const char *prompt, readline_write_fn write,
		   readline_complete_fn complete, void *ctx)
{
	memset(rl, 0, sizeof(*rl));
	rl->prompt = prompt ? prompt : "";
	rl->write = write;
	rl->complete = complete;
	rl->ctx = ctx;
}

void readline_start(struct readline *rl)
{
	rl_clear(rl);
	rl->hist_pos = 0;
	rl->esc = RL_ESC_NONE;
	rl_puts(rl, rl->prompt);
}

const char *readline_history(const struct readline *rl, unsigned int i)
{
	if (i >= rl->hist_count)
		return NULL;
	return rl->hist[(rl->hist_head + READLINE_HISTORY - 1 - i) % READLINE_HISTORY];
}

static void rl_history_add(struct readline *rl, const char *line)
{
	const char *newest = readline_history(rl, 0);
	const char *p;

	for (p = line; *p == ' '; p++)
		;
	if (!*p || (newest && !strcmp(newest, line)))
		return;
	rl_copy(rl->hist[rl->hist_head], line);
	rl->hist_head = (rl->hist_head + 1) % READLINE_HISTORY;
	if (rl->hist_count < READLINE_HISTORY)
		rl->hist_count++;
}

/* Replace what is shown with @text (at most READLINE_MAX characters). */
static void rl_replace(struct readline *rl, const char *text)
{
	rl_erase(rl, rl->len);
	rl->len = rl_copy(rl->line, text);
	rl_write(rl, rl->line, rl->len);
}

/* Up (@dir = +1, older) or Down (@dir = -1, newer). */
static void rl_history_move(struct readline *rl, int dir)
{
	unsigned int pos = rl->hist_pos;

	/* an over-long line cannot be parked whole; leave it alone */
	if (rl->len > READLINE_MAX)
		return;
	if (dir > 0) {
		if (pos >= rl->hist_count)
			return;
		if (pos == 0) {
			memcpy(rl->scratch, rl->line, rl->len + 1);
			rl->scratch_len = rl->len;
		}
		rl->hist_pos = pos + 1;
		rl_replace(rl, readline_history(rl, pos));
	} else {
		if (pos == 0)
			return;
		rl->hist_pos = pos - 1;
		rl_replace(rl, pos == 1 ? rl->scratch : readline_history(rl, pos - 2));
	}
}

static void rl_insert(struct readline *rl, char c)
{
	if (rl->len < READLINE_MAX) {
		rl->line[rl->len] = c;
		rl->line[rl->len + 1] = '\0';
	}
	/* past the limit only the count grows; the line is void unless erased */
	if (rl->len < UINT32_MAX)
		rl->len++;
	rl_write(rl, &c, 1);
}

static bool rl_is_sep(char c)
{
	return c == ' ' || c == '|';
}

static void rl_complete(struct readline *rl)
{
	const char *cand[READLINE_MAX_CANDIDATES];
	const char *match[READLINE_MAX_CANDIDATES];
	char before[READLINE_MAX + 1];
	unsigned int start, argno = 0, n, nmatch = 0, i, plen, common;
	const char *prefix;

	if (!rl->complete || rl->len > READLINE_MAX)
		return;
	/* the prefix to complete starts after the last blank or '|' ... */
	for (start = rl->len; start > 0 && !rl_is_sep(rl->line[start - 1]); start--)
		;
	/* ... and belongs to word number argno (words are blank-separated) */
	for (i = 0; i < start; i++)
		if (rl->line[i] != ' ' && (i == 0 || rl->line[i - 1] == ' '))
			argno++;
	if (start > 0 && rl->line[start - 1] == '|')
		argno--;
	memcpy(before, rl->line, start);
	before[start] = '\0';
	prefix = rl->line + start;
	plen = rl->len - start;

	n = rl->complete(rl->ctx, before, argno, cand, READLINE_MAX_CANDIDATES);
	if (n > READLINE_MAX_CANDIDATES)
		n = READLINE_MAX_CANDIDATES;
	for (i = 0; i < n; i++)
		if (cand[i] && !strncmp(cand[i], prefix, plen))
			match[nmatch++] = cand[i];
	if (!nmatch)
		return;

	/* the longest prefix all matches share */
	common = strlen(match[0]);
	for (i = 1; i < nmatch; i++) {
		unsigned int k = 0;

		while (k < common && match[i][k] == match[0][k])
			k++;
		common = k;
	}
	if (common > plen) {
		for (i = plen; i < common && rl->len < READLINE_MAX; i++)
			rl_insert(rl, match[0][i]);
		if (nmatch == 1 && rl->len < READLINE_MAX)
			rl_insert(rl, ' ');
		return;
	}
	if (nmatch == 1) {
		if (rl->len < READLINE_MAX)
			rl_insert(rl, ' ');
		return;
	}
	/* nothing more to add: show the choices and redraw the line */
	rl_puts(rl, "\n");
	for (i = 0; i < nmatch; i++) {
		rl_puts(rl, match[i]);
		rl_puts(rl, i + 1 < nmatch ? "  " : "\n");
	}
	rl_puts(rl, rl->prompt);
	rl_write(rl, rl->line, rl->len);
}

static enum readline_event rl_enter(struct readline *rl)
{
	bool too_long = rl->len > READLINE_MAX;

	rl_puts(rl, "\n");
	rl->hist_pos = 0;
	if (too_long) {
		rl_clear(rl);
		return READLINE_TOO_LONG;
	}
	rl->line[rl->len] = '\0';
	rl_history_add(rl, rl->line);
	return READLINE_LINE;
}

/* The key behind a complete escape sequence ending in @final. */
static void rl_escape_key(struct readline *rl, int final)
{
	if (final == 'A')
		rl_history_move(rl, +1);
	else if (final == 'B')
		rl_history_move(rl, -1);
	/* Left, Right, Home, Delete, F-keys...: no cursor movement here */
}

static enum readline_event rl_key(struct readline *rl, int c)
{
	bool after_cr = rl->last_cr;

	rl->last_cr = false;
	switch (c) {
	case '\r':
		rl->last_cr = true;
		return rl_enter(rl);
	case '\n':
		if (after_cr)
			return READLINE_NONE;
		return rl_enter(rl);
	case '\b':
	case DEL:
		if (rl->len) {
			rl->len--;
			if (rl->len < READLINE_MAX)
				rl->line[rl->len] = '\0';
			rl_erase(rl, 1);
		}
		return READLINE_NONE;
	case CTRL('U'):
		rl_erase(rl, rl->len);
		rl_clear(rl);
		return READLINE_NONE;
	case CTRL('C'):
		rl_puts(rl, "^C\n");
		rl_clear(rl);
		rl->hist_pos = 0;
		return READLINE_CANCEL;
	case '\t':
		rl_complete(rl);
		return READLINE_NONE;
	case ESC:
		rl->esc = RL_ESC_START;
		return READLINE_NONE;
	}
	if (c >= 0x20 && c < DEL)
		rl_insert(rl, (char)c);
	return READLINE_NONE;
}

enum readline_event readline_feed(struct readline *rl, int c)
{
	c &= 0xff;
	switch (rl->esc) {
	case RL_ESC_NONE:
		break;
	case RL_ESC_START:
		if (c == '[') {
			rl->esc = RL_ESC_CSI;
			rl->esc_len = 0;
			return READLINE_NONE;
		}
		if (c == 'O') {
			rl->esc = RL_ESC_SS3;
			return READLINE_NONE;
		}
		rl->esc = RL_ESC_NONE;
		if (c == ESC) {
			rl->esc = RL_ESC_START;
			return READLINE_NONE;
		}
		if (c >= 0x20)		/* Alt+key: swallowed */
			return READLINE_NONE;
		break;
	case RL_ESC_CSI:
		if (c >= 0x20 && c <= 0x3f) {		/* parameter / intermediate */
			if (rl->esc_len <= CSI_MAX_LEN)
				rl->esc_len++;
			return READLINE_NONE;
		}
		rl->esc = RL_ESC_NONE;
		if (c >= 0x40 && c <= 0x7e) {
			/* an over-long sequence is swallowed whole, but means nothing */
			if (rl->esc_len <= CSI_MAX_LEN)
				rl_escape_key(rl, c);
			return READLINE_NONE;
		}
		if (c >= 0x20)			/* not ASCII: the sequence is void */
			return READLINE_NONE;
		break;
	case RL_ESC_SS3:
		rl->esc = RL_ESC_NONE;
		if (c >= 0x20) {
			rl_escape_key(rl, c);
			return READLINE_NONE;
		}
		break;
	}
	return rl_key(rl, c);
}
