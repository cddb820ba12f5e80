#!/bin/sh
# make check's driver: run each stage (a make target) in turn, keep going
# after a failure so one run shows every broken stage, and close with a
# table and the line "check: N passed, N failed" (stages).  Each stage's
# output goes to the terminal as it runs and to build/check/<stage>.log;
# the table repeats the stage's own closing line (its "N passed, N failed",
# fuzz's DONE line, ...).
set -u
B=${B:-build}
mkdir -p "$B/check"
pass=0 fail=0 rows=""
for stage in "$@"; do
	echo "==== check: $stage"
	start=$(date +%s)
	# the status of make, not of tee (POSIX sh has no pipefail)
	{ ${MAKE:-make} --no-print-directory "$stage" 2>&1; echo $? > "$B/check/$stage.rc"; } | tee "$B/check/$stage.log"
	rc=$(cat "$B/check/$stage.rc")
	secs=$(( $(date +%s) - start ))
	last=$(grep -E '[0-9]+ passed, [0-9]+ failed|DONE|every workload ran|all pieces work|perf gate: |unexplained differences|OK$' "$B/check/$stage.log" | tail -1 | cut -c1-90)
	how=$(grep -m1 '^host32: running ' "$B/check/$stage.log" | sed 's/^host32: running //; s/ (.*//')
	[ -n "$how" ] && last="$last ($how)"
	# a runner that printed failures but exited 0 still fails its stage
	if [ "$rc" = 0 ] && grep -qE '(^|[^0-9])[0-9]+ passed, [1-9][0-9]* failed' "$B/check/$stage.log"; then
		rc="0 but its output counts failures"
	fi
	if [ "$rc" = 0 ]; then
		pass=$((pass + 1)); verdict=PASS
	else
		fail=$((fail + 1)); verdict=FAIL
		last="exit $rc: see $B/check/$stage.log"
	fi
	rows="$rows$(printf '%-5s %-14s %5ss  %s' "$verdict" "$stage" "$secs" "$last")
"
done
echo "==== check: summary"
printf '%s' "$rows"
echo "check: $pass passed, $fail failed"
[ "$fail" = 0 ]
