// SPDX-License-Identifier: GPL-2.0
/*
 * Host test runner: runs every suite in tests/kunit/ (or those named on
 * the command line), prints KTAP, and closes with "N passed, N failed".
 * ORDERLY_SLOW=1 also runs the suites flagged KUNIT_SUITE_SLOW.
 */
#include <stdio.h>
#include <stdlib.h>
#include <kunit/test.h>

int main(int argc, char **argv)
{
	struct kunit_result res = { 0 };
	unsigned int where = KUNIT_SUITE_HOST_ONLY;
	int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getenv("ORDERLY_SLOW"))
		where |= KUNIT_SUITE_SLOW;
	if (argc < 2) {
		kunit_run_all(NULL, where, &res);
	} else {
		for (i = 1; i < argc; i++)
			if (kunit_run_all(argv[i], where, &res) == -ENOENT) {
				printf("error: no suite named '%s'\n", argv[i]);
				res.failed++;
			}
	}
	printf("%u passed, %u failed, %u skipped\n", res.passed, res.failed, res.skipped);
	return res.failed ? 1 : 0;
}
