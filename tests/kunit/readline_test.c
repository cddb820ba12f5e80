// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's line editor (lib/readline.c), fed byte by byte as the serial
 * port would: the finished lines, the events and the exact echo.
 */
#include <kunit/test.h>
#include <linux/readline.h>

struct rl_fixture {
	struct readline rl;
	char out[8192];
	size_t out_len;
	bool out_overflow;
	/* the last READLINE_LINE, and how many events of each kind */
	char last[READLINE_MAX + 1];
	unsigned int nr[4];
};

static void fx_write(void *ctx, const char *s, size_t n)
{
	struct rl_fixture *fx = ctx;

	if (fx->out_len + n >= sizeof(fx->out)) {
		fx->out_overflow = true;
		fx->out_len = 0;
	}
	memcpy(fx->out + fx->out_len, s, n);
	fx->out_len += n;
	fx->out[fx->out_len] = '\0';
}

static const char * const fx_commands[] = {
	"alloc_page", "alloc_pages", "allocs", "free_page", "free_pages", "help",
};

static unsigned int fx_complete(void *ctx, const char *line, unsigned int argno,
				const char **out, unsigned int max)
{
	unsigned int i, n = 0;

	if (argno == 0) {
		for (i = 0; i < ARRAY_SIZE(fx_commands) && n < max; i++)
			out[n++] = fx_commands[i];
	} else if (argno == 2 && !strncmp(line, "alloc_pages ", 12)) {
		out[n++] = "GFP_KERNEL";
		out[n++] = "__GFP_ZERO";
		out[n++] = "__GFP_COMP";
	}
	return n;
}

static struct rl_fixture *fx_new(struct kunit *test)
{
	static struct rl_fixture fx;

	memset(&fx, 0, sizeof(fx));
	readline_init(&fx.rl, "orderly> ", fx_write, fx_complete, &fx);
	readline_start(&fx.rl);
	return &fx;
}

/* Feed @n bytes; after an event other than NONE start a new line. */
static enum readline_event fx_feed_n(struct rl_fixture *fx, const char *s, size_t n)
{
	enum readline_event ev, last = READLINE_NONE;
	size_t i;

	for (i = 0; i < n; i++) {
		ev = readline_feed(&fx->rl, (unsigned char)s[i]);
		if (ev == READLINE_NONE)
			continue;
		fx->nr[ev]++;
		if (ev == READLINE_LINE)
			snprintf(fx->last, sizeof(fx->last), "%s", fx->rl.line);
		last = ev;
		readline_start(&fx->rl);
	}
	return last;
}

static enum readline_event fx_feed(struct rl_fixture *fx, const char *s)
{
	return fx_feed_n(fx, s, strlen(s));
}

static void fx_reset_out(struct rl_fixture *fx)
{
	fx->out_len = 0;
	fx->out[0] = '\0';
}

static void readline_echo_and_line(struct kunit *test)
{
	struct rl_fixture *fx = fx_new(test);

	KUNIT_EXPECT_EQ(test, fx_feed(fx, "help"), READLINE_NONE);
	KUNIT_EXPECT_STREQ(test, fx->out, "orderly> help");
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "\r"), READLINE_LINE);
	KUNIT_EXPECT_STREQ(test, fx->last, "help");
	KUNIT_EXPECT_STREQ(test, fx->out, "orderly> help\norderly> ");
	/* CR LF is one Enter; a lone LF is one too */
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "a\r\nb\n"), READLINE_LINE);
	KUNIT_EXPECT_EQ(test, fx->nr[READLINE_LINE], 3);
	KUNIT_EXPECT_STREQ(test, fx->last, "b");
	/* an empty line is a line */
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "\r"), READLINE_LINE);
	KUNIT_EXPECT_STREQ(test, fx->last, "");
}

static void readline_erase_keys(struct kunit *test)
{
	struct rl_fixture *fx = fx_new(test);

	fx_reset_out(fx);
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "helx\x7f" "q\bp\r"), READLINE_LINE);
	KUNIT_EXPECT_STREQ(test, fx->last, "help");
	KUNIT_EXPECT_STREQ(test, fx->out, "helx\b \bq\b \bp\norderly> ");
	/* Backspace on an empty line does nothing, echoes nothing */
	fx_reset_out(fx);
	fx_feed(fx, "\b\x7f\b");
	KUNIT_EXPECT_EQ(test, fx->out_len, 0);
	/* Ctrl-U erases everything shown */
	fx_reset_out(fx);
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "abc\x15" "e820\r"), READLINE_LINE);
	KUNIT_EXPECT_STREQ(test, fx->last, "e820");
	KUNIT_EXPECT_STREQ(test, fx->out, "abc\b\b\b   \b\b\be820\norderly> ");
}

static void readline_ctrl_c(struct kunit *test)
{
	struct rl_fixture *fx = fx_new(test);

	fx_reset_out(fx);
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "free_all\x03"), READLINE_CANCEL);
	KUNIT_EXPECT_STREQ(test, fx->out, "free_all^C\norderly> ");
	KUNIT_EXPECT_EQ(test, fx->nr[READLINE_LINE], 0);
	/* the abandoned line is not in the history */
	KUNIT_EXPECT_NULL(test, readline_history(&fx->rl, 0));
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "version\r"), READLINE_LINE);
	KUNIT_EXPECT_STREQ(test, fx->last, "version");
}

static void readline_too_long(struct kunit *test)
{
	struct rl_fixture *fx = fx_new(test);
	char buf[400];

	memset(buf, 'x', sizeof(buf));
	/* exactly the limit is fine */
	KUNIT_EXPECT_EQ(test, fx_feed_n(fx, buf, READLINE_MAX), READLINE_NONE);
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "\r"), READLINE_LINE);
	KUNIT_EXPECT_EQ(test, strlen(fx->last), READLINE_MAX);
	/* one more is discarded whole */
	KUNIT_EXPECT_EQ(test, fx_feed_n(fx, buf, READLINE_MAX + 1), READLINE_NONE);
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "\r"), READLINE_TOO_LONG);
	KUNIT_EXPECT_EQ(test, fx->rl.len, 0);
	/* 300 characters: every one echoed, none executed */
	fx_reset_out(fx);
	buf[0] = 'a';
	KUNIT_EXPECT_EQ(test, fx_feed_n(fx, buf, 300), READLINE_NONE);
	KUNIT_EXPECT_EQ(test, fx->out_len, 300);
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "\r"), READLINE_TOO_LONG);
	KUNIT_EXPECT_EQ(test, fx->nr[READLINE_LINE], 1);
	/* erasing back under the limit makes the line whole again */
	buf[0] = 'y';
	fx_feed_n(fx, buf, READLINE_MAX + 2);
	fx_feed(fx, "\b\b");
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "\r"), READLINE_LINE);
	KUNIT_EXPECT_EQ(test, strlen(fx->last), READLINE_MAX);
	KUNIT_EXPECT_EQ(test, fx->last[0], 'y');
	KUNIT_EXPECT_EQ(test, fx->last[READLINE_MAX - 1], 'x');
	/* ... and Tab or history cannot shorten an over-long line */
	fx_feed_n(fx, buf, READLINE_MAX + 1);
	fx_feed(fx, "\t\x1b[A\x1b[B");
	KUNIT_EXPECT_EQ(test, fx->rl.len, READLINE_MAX + 1);
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "\n"), READLINE_TOO_LONG);
}

static void readline_history_walk(struct kunit *test)
{
	struct rl_fixture *fx = fx_new(test);

	fx_feed(fx, "one\rtwo\rtwo\r\r   \rthree\r");
	/* duplicates of the newest and blank lines are not kept */
	KUNIT_EXPECT_STREQ(test, readline_history(&fx->rl, 0), "three");
	KUNIT_EXPECT_STREQ(test, readline_history(&fx->rl, 1), "two");
	KUNIT_EXPECT_STREQ(test, readline_history(&fx->rl, 2), "one");
	KUNIT_EXPECT_NULL(test, readline_history(&fx->rl, 3));

	fx_feed(fx, "par");
	fx_reset_out(fx);
	fx_feed(fx, "\x1b[A");
	KUNIT_EXPECT_STREQ(test, fx->rl.line, "three");
	KUNIT_EXPECT_STREQ(test, fx->out, "\b\b\b   \b\b\bthree");
	fx_feed(fx, "\x1b[A\x1b[A\x1b[A\x1b[A");	/* stops at the oldest */
	KUNIT_EXPECT_STREQ(test, fx->rl.line, "one");
	fx_feed(fx, "\x1bOB");				/* SS3 form of Down */
	KUNIT_EXPECT_STREQ(test, fx->rl.line, "two");
	fx_feed(fx, "\x1b[B\x1b[B\x1b[B");		/* back to the parked line */
	KUNIT_EXPECT_STREQ(test, fx->rl.line, "par");
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "t\r"), READLINE_LINE);
	KUNIT_EXPECT_STREQ(test, fx->last, "part");
	/* a recalled line can be edited and run */
	fx_feed(fx, "\x1b[A\x1b[A\b\bwo\r");
	KUNIT_EXPECT_STREQ(test, fx->last, "thrwo");
}

static void readline_history_depth(struct kunit *test)
{
	struct rl_fixture *fx = fx_new(test);
	char line[16];
	unsigned int i;

	for (i = 0; i < 40; i++) {
		snprintf(line, sizeof(line), "cmd%u\r", i);
		fx_feed(fx, line);
	}
	for (i = 0; i < READLINE_HISTORY + 5; i++)
		fx_feed(fx, "\x1b[A");
	/* at least 32 entries: the oldest one reachable is cmd8 */
	KUNIT_EXPECT_GE(test, READLINE_HISTORY, 32);
	snprintf(line, sizeof(line), "cmd%u", 40 - READLINE_HISTORY);
	KUNIT_EXPECT_STREQ(test, fx->rl.line, line);
	KUNIT_EXPECT_STREQ(test, readline_history(&fx->rl, 0), "cmd39");
	KUNIT_EXPECT_NULL(test, readline_history(&fx->rl, READLINE_HISTORY));
}

static void readline_tab_completion(struct kunit *test)
{
	struct rl_fixture *fx = fx_new(test);

	fx_feed(fx, "he\t");
	KUNIT_EXPECT_STREQ(test, fx->rl.line, "help ");
	fx_feed(fx, "\x15");
	/* several matches: the common prefix, then the list on the next Tab */
	fx_feed(fx, "al\t");
	KUNIT_EXPECT_STREQ(test, fx->rl.line, "alloc");
	fx_reset_out(fx);
	fx_feed(fx, "\t");
	KUNIT_EXPECT_STREQ(test, fx->rl.line, "alloc");
	KUNIT_EXPECT_STREQ(test, fx->out,
			   "\nalloc_page  alloc_pages  allocs\norderly> alloc");
	fx_feed(fx, "_pages 3 GFP_KERNEL|__GFP_Z\t");
	KUNIT_EXPECT_STREQ(test, fx->rl.line, "alloc_pages 3 GFP_KERNEL|__GFP_ZERO ");
	fx_feed(fx, "\x15");
	/* no match: nothing happens */
	fx_reset_out(fx);
	fx_feed(fx, "zz\t");
	KUNIT_EXPECT_STREQ(test, fx->out, "zz");
	/* argument 1 of alloc_pages has no candidates */
	fx_feed(fx, "\x15" "alloc_pages \t");
	KUNIT_EXPECT_STREQ(test, fx->rl.line, "alloc_pages ");
}

static void readline_escape_sequences(struct kunit *test)
{
	struct rl_fixture *fx = fx_new(test);

	/* cursor keys, F-keys, Alt+x, long CSI: all swallowed */
	fx_reset_out(fx);
	fx_feed(fx, "\x1b[C\x1b[D\x1b[1;5C\x1b[15~\x1bx\x1bOP\x1b[?25h");
	KUNIT_EXPECT_EQ(test, fx->out_len, 0);
	KUNIT_EXPECT_EQ(test, fx->rl.len, 0);
	/* a lone ESC does not eat the Enter after it */
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "ok\x1b\r"), READLINE_LINE);
	KUNIT_EXPECT_STREQ(test, fx->last, "ok");
	/* nor does an unfinished CSI */
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "ok2\x1b[12\r"), READLINE_LINE);
	KUNIT_EXPECT_STREQ(test, fx->last, "ok2");
	/* a long parameter list is swallowed whole, and ignored */
	fx_reset_out(fx);
	fx_feed(fx, "\x1b[11111111111111111111111111111111111111111111111111A");
	KUNIT_EXPECT_EQ(test, fx->rl.esc, RL_ESC_NONE);
	KUNIT_EXPECT_EQ(test, fx->out_len, 0);
	KUNIT_EXPECT_EQ(test, fx->rl.hist_pos, 0);
	/* non-ASCII bytes and other control bytes are ignored */
	fx_reset_out(fx);
	fx_feed(fx, "\x80\xff\x01\x02\x04\x07\x0b\x0c\x0e\x1f");
	KUNIT_EXPECT_EQ(test, fx->out_len, 0);
	KUNIT_EXPECT_EQ(test, fx->rl.len, 0);
}

static void readline_random_bytes(struct kunit *test)
{
	struct rl_fixture *fx = fx_new(test);
	u32 x = 2463534242u;
	unsigned int i;
	char c;

	for (i = 0; i < 200000; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		c = (char)(x >> 7);
		fx_feed_n(fx, &c, 1);
		/* the invariants the shell relies on, after every byte */
		if (fx->rl.len <= READLINE_MAX)
			KUNIT_ASSERT_EQ(test, strlen(fx->rl.line), fx->rl.len);
		else
			KUNIT_ASSERT_EQ(test, strlen(fx->rl.line), READLINE_MAX);
		KUNIT_ASSERT_LE(test, fx->rl.hist_count, READLINE_HISTORY);
		KUNIT_ASSERT_LE(test, fx->rl.hist_pos, fx->rl.hist_count);
	}
	for (i = 0; i < fx->rl.hist_count; i++)
		KUNIT_EXPECT_LE(test, strlen(readline_history(&fx->rl, i)), READLINE_MAX);
	/* and the editor still works */
	fx_feed(fx, "\x03");
	KUNIT_EXPECT_EQ(test, fx_feed(fx, "buddyinfo\r"), READLINE_LINE);
	KUNIT_EXPECT_STREQ(test, fx->last, "buddyinfo");
}

static struct kunit_case readline_cases[] = {
	KUNIT_CASE(readline_echo_and_line),
	KUNIT_CASE(readline_erase_keys),
	KUNIT_CASE(readline_ctrl_c),
	KUNIT_CASE(readline_too_long),
	KUNIT_CASE(readline_history_walk),
	KUNIT_CASE(readline_history_depth),
	KUNIT_CASE(readline_tab_completion),
	KUNIT_CASE(readline_escape_sequences),
	KUNIT_CASE(readline_random_bytes),
	{}
};

static struct kunit_suite readline_suite = {
	.name = "readline",
	.test_cases = readline_cases,
};
kunit_test_suite(readline_suite);
