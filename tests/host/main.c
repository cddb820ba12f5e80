// SPDX-License-Identifier: GPL-2.0
/*
 * Host test runner: runs every suite in tests/kunit/ (or those named on
 * the command line), prints KTAP, and closes with "N passed, N failed,
 * N skipped"; the exit status is 1 when anything failed.
 * ORDERLY_SLOW=1 asks the suites for their long runs (KUNIT_RUN_SLOW).
 *
 * Each suite runs in a child process (fork, no exec: the same program, so
 * it also works under qemu-i386), which prints the suite's KTAP and counts
 * into a shared page.  A case that crashes (BUG(), a signal, a sanitizer
 * report) ends only its child: the parent names the case,
 *
 *       not ok 2 victim_bugs # crashed: signal 6 (SIGABRT)
 *       ok 3 victim_not_reached # SKIP not run: victim_bugs crashed
 *   not ok 1 kunit_victim_crash # crashed in victim_bugs: signal 6 (SIGABRT)
 *
 * and goes on with the next suite.  LeakSanitizer runs when each child
 * exits, so a leak is blamed on its suite.
 *
 * The runner checks itself first (in a full run, or when "kunit_runner" is
 * named): it runs the KUNIT_SUITE_ON_REQUEST suites below, which fail on
 * purpose, in a child, and compares the child's KTAP, summary line and
 * exit status with what they must be.  The check is plain C, not KUNIT_*
 * macros, so that a broken kunit_fail() cannot hide its own failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <kunit/test.h>

/* what a suite's child leaves for the parent (MAP_SHARED, zeroed per suite) */
struct suite_child {
	struct kunit_result res;
	enum kunit_status status;
	const char *why;	/* a static string: same address in parent and child */
	bool finished;		/* the cases and suite_exit returned */
};

static struct suite_child *suite_child;

static void describe_wait_status(int status, char *buf, size_t size)
{
	if (WIFSIGNALED(status)) {
		const char *abbrev = sigabbrev_np(WTERMSIG(status));

		snprintf(buf, size, "signal %d (SIG%s)", WTERMSIG(status), abbrev ? abbrev : "?");
	} else {
		snprintf(buf, size, "exit status %d", WEXITSTATUS(status));
	}
}

/* the child died: finish its KTAP so that the counts add up, and blame */
static void report_crashed_suite(const struct kunit_suite *suite, int index, int status,
				 struct kunit_result *total)
{
	const struct kunit_result *r = &suite_child->res;
	unsigned int done = r->passed + r->failed + r->skipped, n = 0, i;
	const char *where;
	char how[64];

	describe_wait_status(status, how, sizeof(how));
	while (suite->test_cases[n].run_case)
		n++;
	total->failed++;
	if (r->cases_begun > done) {
		const char *name = suite->test_cases[r->cases_begun - 1].name;

		printf("    not ok %u %s # crashed: %s\n", r->cases_begun, name, how);
		for (i = r->cases_begun + 1; i <= n; i++) {
			printf("    ok %u %s # SKIP not run: %s crashed\n", i, suite->test_cases[i - 1].name, name);
			total->skipped++;
		}
		printf("not ok %d %s # crashed in %s: %s\n", index, suite->name, name, how);
		return;
	}
	if (!suite_child->finished && !r->cases_begun && !done) {
		for (i = 1; i <= n; i++) {
			printf("    ok %u %s # SKIP not run: suite_init crashed\n", i, suite->test_cases[i - 1].name);
			total->skipped++;
		}
		where = "crashed in suite_init";
	} else if (!suite_child->finished) {
		where = "crashed in suite_exit";
	} else {
		where = "failed at exit, after its cases (a sanitizer's report is on stderr)";
	}
	printf("not ok %d %s # %s: %s\n", index, suite->name, where, how);
}

static int run_suite_in_child(struct kunit_suite *suite, unsigned int where, int index,
			      struct kunit_result *total)
{
	int status;
	pid_t pid;

	memset(suite_child, 0, sizeof(*suite_child));
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		perror("kunit: fork");
		return kunit_run_suite(suite, where, index, total);
	}
	if (pid == 0) {
		suite_child->status = kunit_suite_run_cases(suite, where, &suite_child->res,
							    &suite_child->why);
		suite_child->finished = true;
		exit(0);	/* through exit(): LeakSanitizer checks this suite */
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			perror("kunit: waitpid");
			exit(2);
		}
	total->passed += suite_child->res.passed;
	total->failed += suite_child->res.failed;
	total->skipped += suite_child->res.skipped;
	if (!WIFEXITED(status) || WEXITSTATUS(status) || !suite_child->finished) {
		report_crashed_suite(suite, index, status, total);
		return -1;
	}
	kunit_suite_end(suite, index, suite_child->status, suite_child->why);
	return suite_child->status == KUNIT_FAILURE ? -1 : 0;
}

static void runner_selfcheck(unsigned int where, struct kunit_result *res);

/* the whole run for @filters (none: every suite); returns the exit status */
static int run_host_tests(int nr_filters, char **filters, unsigned int where)
{
	struct kunit_result res = { 0 };
	bool selfcheck = !nr_filters;
	int i;

	for (i = 0; i < nr_filters; i++)
		if (!strcmp(filters[i], "kunit_runner"))
			selfcheck = true;
	if (selfcheck)
		runner_selfcheck(where, &res);
	if (!nr_filters)
		kunit_run_suites(NULL, where, &res, run_suite_in_child);
	for (i = 0; i < nr_filters; i++) {
		if (!strcmp(filters[i], "kunit_runner"))
			continue;
		if (kunit_run_suites(filters[i], where, &res, run_suite_in_child) == -ENOENT) {
			printf("error: no suite named '%s'\n", filters[i]);
			res.failed++;
		}
	}
	printf("%u passed, %u failed, %u skipped\n", res.passed, res.failed, res.skipped);
	return res.failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	unsigned int where = KUNIT_SUITE_HOST_ONLY;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getenv("ORDERLY_SLOW"))
		where |= KUNIT_RUN_SLOW;
	suite_child = mmap(NULL, sizeof(*suite_child), PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (suite_child == MAP_FAILED) {
		perror("kunit: mmap");
		return 2;
	}
	return run_host_tests(argc - 1, argv + 1, where);
}

/* ---------------------------------------------------------------------
 * The runner's self-check.  These suites fail on purpose; they run only
 * when named, from runner_selfcheck().
 */
static void victim_passes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1, 1);
}

static void victim_expect_fails(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1, 2);
	printk("victim: went on after the failed EXPECT\n");
}

static void victim_assert_fails(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, 1, 2);
	printk("victim: went on after the failed ASSERT\n");
}

static void victim_skips(struct kunit *test)
{
	kunit_skip(test, "skipped on purpose");
	printk("victim: went on after kunit_skip\n");
}

static void victim_bugs(struct kunit *test)
{
	BUG();
}

static void victim_not_reached(struct kunit *test)
{
	printk("victim: ran after the crash\n");
}

static int victim_suite_init_bugs(struct kunit_suite *suite)
{
	BUG();
}

static void victim_exit(struct kunit *test)
{
	printk("victim: exit ran for %s\n", test->name);
}

static struct kunit_case victim_expect_cases[] = {
	KUNIT_CASE(victim_passes),
	KUNIT_CASE(victim_expect_fails),
	{}
};
static struct kunit_suite victim_expect_suite = {
	.name = "kunit_victim_expect",
	.test_cases = victim_expect_cases,
	.flags = KUNIT_SUITE_ON_REQUEST,
};
kunit_test_suite(victim_expect_suite);

static struct kunit_case victim_assert_cases[] = {
	KUNIT_CASE(victim_assert_fails),
	{}
};
static struct kunit_suite victim_assert_suite = {
	.name = "kunit_victim_assert",
	.exit = victim_exit,
	.test_cases = victim_assert_cases,
	.flags = KUNIT_SUITE_ON_REQUEST,
};
kunit_test_suite(victim_assert_suite);

static struct kunit_case victim_skip_cases[] = {
	KUNIT_CASE(victim_skips),
	{}
};
static struct kunit_suite victim_skip_suite = {
	.name = "kunit_victim_skip",
	.test_cases = victim_skip_cases,
	.flags = KUNIT_SUITE_ON_REQUEST,
};
kunit_test_suite(victim_skip_suite);

static struct kunit_case victim_crash_cases[] = {
	KUNIT_CASE(victim_passes),
	KUNIT_CASE(victim_bugs),
	KUNIT_CASE(victim_not_reached),
	{}
};
static struct kunit_suite victim_crash_suite = {
	.name = "kunit_victim_crash",
	.test_cases = victim_crash_cases,
	.flags = KUNIT_SUITE_ON_REQUEST,
};
kunit_test_suite(victim_crash_suite);

static struct kunit_case victim_init_crash_cases[] = {
	KUNIT_CASE(victim_not_reached),
	{}
};
static struct kunit_suite victim_init_crash_suite = {
	.name = "kunit_victim_init_crash",
	.suite_init = victim_suite_init_bugs,
	.test_cases = victim_init_crash_cases,
	.flags = KUNIT_SUITE_ON_REQUEST,
};
kunit_test_suite(victim_init_crash_suite);

/*
 * One run of victim suites and what it must print.  Lines are matched
 * whole ("\n...\n"), so "ok 2" cannot match inside "not ok 2".
 */
struct runner_check {
	const char *name;
	const char *suites[3];
	int exit_status;
	const char *must[7];
	const char *must_not[2];
	const char *summary;	/* the last line */
};

static const struct runner_check runner_checks[] = {
	{ "expect_fails_the_case_and_the_run", { "kunit_victim_expect" }, 1,
	  { "\n    ok 1 victim_passes\n",
	    "\n        # victim_expect_fails: EXPECTATION FAILED at ",
	    "\nvictim: went on after the failed EXPECT\n",
	    "\n    not ok 2 victim_expect_fails\n",
	    "\nnot ok 1 kunit_victim_expect\n" },
	  {}, "1 passed, 1 failed, 0 skipped" },
	{ "assert_ends_the_case", { "kunit_victim_assert" }, 1,
	  { "\n        # victim_assert_fails: EXPECTATION FAILED at ",
	    "\nvictim: exit ran for victim_assert_fails\n",
	    "\n    not ok 1 victim_assert_fails\n",
	    "\nnot ok 1 kunit_victim_assert\n" },
	  { "went on after the failed ASSERT" }, "0 passed, 1 failed, 0 skipped" },
	{ "skip_is_counted_as_a_skip", { "kunit_victim_skip" }, 0,
	  { "\n    ok 1 victim_skips # SKIP skipped on purpose\n",
	    "\nok 1 kunit_victim_skip\n" },
	  { "went on after kunit_skip" }, "0 passed, 0 failed, 1 skipped" },
	{ "crash_is_named_and_the_run_goes_on", { "kunit_victim_crash", "kunit_victim_expect" }, 1,
	  { "\nkernel BUG at ",
	    "\n    ok 1 victim_passes\n",
	    "\n    not ok 2 victim_bugs # crashed: signal 6 (SIGABRT)\n",
	    "\n    ok 3 victim_not_reached # SKIP not run: victim_bugs crashed\n",
	    "\nnot ok 1 kunit_victim_crash # crashed in victim_bugs: signal 6 (SIGABRT)\n",
	    "\n    not ok 2 victim_expect_fails\n" },
	  { "ran after the crash" }, "2 passed, 2 failed, 1 skipped" },
	{ "crash_in_suite_init_is_named", { "kunit_victim_init_crash" }, 1,
	  { "\n    ok 1 victim_not_reached # SKIP not run: suite_init crashed\n",
	    "\nnot ok 1 kunit_victim_init_crash # crashed in suite_init: signal 6 (SIGABRT)\n" },
	  { "ran after the crash" }, "0 passed, 1 failed, 1 skipped" },
};

static char victim_out[32768];

/* run the victims in a child, stdout and stderr into victim_out */
static int run_victims(const struct runner_check *rc, unsigned int where, int *status)
{
	size_t len = 1, n_suites = 0;
	int fds[2];
	ssize_t n;
	pid_t pid;

	while (n_suites < ARRAY_SIZE(rc->suites) && rc->suites[n_suites])
		n_suites++;
	if (pipe(fds))
		return -errno;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		struct rlimit no_core = { 0, 0 };

		setrlimit(RLIMIT_CORE, &no_core);	/* a victim aborts */
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		exit(run_host_tests(n_suites, (char **)rc->suites, where));
	}
	close(fds[1]);
	victim_out[0] = '\n';
	for (;;) {
		char sink[512];

		if (len < sizeof(victim_out) - 1)
			n = read(fds[0], victim_out + len, sizeof(victim_out) - 1 - len);
		else
			n = read(fds[0], sink, sizeof(sink));	/* drain; the end is lost */
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (len < sizeof(victim_out) - 1)
			len += n;
	}
	victim_out[len] = '\0';
	close(fds[0]);
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	return 0;
}

/* after a failed check: the victims' whole output, as KTAP comments */
static void dump_victim_output(void)
{
	char *line = victim_out + 1, *nl;

	for (; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl) {
			printf("    # | %s\n", line);
			break;
		}
		printf("    # | %.*s\n", (int)(nl - line), line);
	}
}

static bool runner_check_one(const struct runner_check *rc, unsigned int where)
{
	char summary[80], how[64];
	bool ok = true;
	size_t i, len;
	int status, err;

	err = run_victims(rc, where, &status);
	if (err) {
		printf("    # %s: could not run the victims: %s\n", rc->name, strerror(-err));
		return false;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != rc->exit_status) {
		describe_wait_status(status, how, sizeof(how));
		printf("    # %s: the run ended with %s, not exit status %d\n", rc->name, how,
		       rc->exit_status);
		ok = false;
	}
	for (i = 0; i < ARRAY_SIZE(rc->must) && rc->must[i]; i++)
		if (!strstr(victim_out, rc->must[i])) {
			printf("    # %s: missing: \"%.*s\"\n", rc->name,
			       (int)strcspn(rc->must[i] + 1, "\n"), rc->must[i] + 1);
			ok = false;
		}
	for (i = 0; i < ARRAY_SIZE(rc->must_not) && rc->must_not[i]; i++)
		if (strstr(victim_out, rc->must_not[i])) {
			printf("    # %s: must not appear: \"%s\"\n", rc->name, rc->must_not[i]);
			ok = false;
		}
	snprintf(summary, sizeof(summary), "\n%s\n", rc->summary);
	len = strlen(victim_out);
	if (len < strlen(summary) || strcmp(victim_out + len - strlen(summary), summary)) {
		printf("    # %s: the last line is not \"%s\"\n", rc->name, rc->summary);
		ok = false;
	}
	if (!ok)
		dump_victim_output();
	return ok;
}

static void runner_selfcheck(unsigned int where, struct kunit_result *res)
{
	size_t i;
	bool failed = false;

	printf("KTAP version 1\n1..1\n");
	printf("    KTAP version 1\n    # Subtest: kunit_runner\n    1..%zu\n", ARRAY_SIZE(runner_checks));
	for (i = 0; i < ARRAY_SIZE(runner_checks); i++) {
		bool ok = runner_check_one(&runner_checks[i], where);

		printf("    %s %zu %s\n", ok ? "ok" : "not ok", i + 1, runner_checks[i].name);
		if (ok) {
			res->passed++;
		} else {
			res->failed++;
			failed = true;
		}
	}
	printf("%s 1 kunit_runner\n", failed ? "not ok" : "ok");
}
