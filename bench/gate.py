#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The performance gate: measured instruction counts against bench/budget.csv.

usage: gate.py check BUDGET [--instr INSTR.csv] [--boot-log LOG]
       gate.py rebaseline BUDGET [--instr INSTR.csv] [--boot-log LOG]

BUDGET rows: metric,budget,what (lines starting with # are comments and
stay as they are).  A metric is
  <backend>@<mem>:<workload>:<param>   a row of bench/instr.py's CSV
                                        (bench --instr under callgrind)
  kernel@3G:boot:mm_per_managed_page    the in-kernel boot under -icount
                                        shift=0: "mm total" instructions
                                        / managed pages (boot-time table)
check prints measured vs budget for every row it has a measurement
source for and exits 1 when one exceeds its budget by more than 3%
(or a source lacks a row).  rebaseline rewrites the budgets of those rows
from the measurement and keeps everything else; the commit that does it
must say why the figures moved.
"""
import argparse
import csv
import re
import sys

TOLERANCE = 0.03
BOOT_METRIC = "kernel@3G:boot:mm_per_managed_page"
MM_TOTAL = re.compile(r"^\s*mm total\s+(\d+)\s+\S+\s+\((\d+) managed pages\)", re.M)


def read_budget(path):
    """[(line, metric or None, budget, what)] in file order."""
    rows = []
    with open(path) as f:
        for line in f:
            s = line.rstrip("\n")
            if not s.strip() or s.lstrip().startswith("#"):
                rows.append((s, None, None, None))
                continue
            r = next(csv.reader([s]))
            if len(r) != 3:
                raise SystemExit("%s: bad row (want metric,budget,what): %s" % (path, s))
            rows.append((s, r[0], float(r[1]), r[2]))
    return rows


def read_instr(path):
    """bench/instr.py's CSV: <backend>-instr,<mem>,<workload>,<param>,instr,<value>."""
    d = {}
    with open(path) as f:
        for r in csv.reader(f):
            if len(r) == 6 and r[4] == "instr":
                d["%s@%s:%s:%s" % (r[0][:-len("-instr")] if r[0].endswith("-instr") else r[0],
                                   r[1], r[2], r[3])] = float(r[5])
    return d


def boot_from_text(text):
    """{BOOT_METRIC: instructions per managed page} from a boot log, or {}."""
    m = MM_TOTAL.search(text)
    return {BOOT_METRIC: int(m.group(1)) / int(m.group(2))} if m else {}


def measurements(instr=None, boot_log=None):
    """(values, prefixes covered): only rows of a given source are judged."""
    d, covered = {}, []
    if instr:
        d.update(read_instr(instr))
        covered.append(lambda m: m != BOOT_METRIC)
    if boot_log:
        with open(boot_log, errors="replace") as f:
            d.update(boot_from_text(f.read()))
        covered.append(lambda m: m == BOOT_METRIC)
    return d, covered


def judge(rows, d, covered, out=print):
    """Print measured vs budget for every covered row; return the number of failures."""
    fails = 0
    out("%-40s %10s %10s %8s  %s" % ("metric", "measured", "budget", "change", "verdict"))
    for _, metric, budget, what in rows:
        if metric is None or not any(c(metric) for c in covered):
            continue
        v = d.get(metric)
        if v is None:
            out("%-40s %10s %10.1f %8s  FAIL: not measured (%s)" % (metric, "-", budget, "-", what))
            fails += 1
            continue
        change = v / budget - 1 if budget else 0
        if change > TOLERANCE:
            verdict = "FAIL: over budget by more than %d%%" % round(TOLERANCE * 100)
            fails += 1
        elif change < -TOLERANCE:
            verdict = "ok (under budget by more than %d%%: make bench-budget to lower it)" % round(TOLERANCE * 100)
        else:
            verdict = "ok"
        out("%-40s %10.1f %10.1f %+7.1f%%  %s" % (metric, v, budget, change * 100, verdict))
    return fails


def check_boot_text(text, budget_path):
    """For tests/qemu/run_tests.py: (errors, one line of measured vs budget) of the boot row."""
    d = boot_from_text(text)
    lines = []
    fails = judge(read_budget(budget_path), d, [lambda m: m == BOOT_METRIC], out=lines.append)
    if len(lines) > 1:
        f = lines[1].split(None, 4)
        row = "%s measured %s vs budget %s (%s): %s" % tuple(f)
    else:
        row = "no %s row in %s" % (BOOT_METRIC, budget_path)
    return (["perf gate: " + row] if fails else []), "perf gate: " + row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("check", "rebaseline"))
    ap.add_argument("budget")
    ap.add_argument("--instr")
    ap.add_argument("--boot-log")
    a = ap.parse_args()
    rows = read_budget(a.budget)
    d, covered = measurements(a.instr, a.boot_log)
    if not covered:
        ap.error("give --instr and/or --boot-log")
    if a.mode == "check":
        print("perf gate: instructions per operation against %s (fail above +%d%%)"
              % (a.budget, round(TOLERANCE * 100)))
        fails = judge(rows, d, covered)
        if fails:
            print("perf gate: FAILED, %d row(s). If the cost is intended, say why in the commit"
                  " and raise the budget in it (make bench-budget)." % fails)
            sys.exit(1)
        print("perf gate: passed")
        return
    missing = [m for _, m, _, _ in rows if m and any(c(m) for c in covered) and m not in d]
    if missing:
        raise SystemExit("rebaseline: not measured: %s" % ", ".join(missing))
    with open(a.budget, "w") as f:
        for line, metric, budget, what in rows:
            if metric is None or not any(c(metric) for c in covered):
                f.write(line + "\n")
                continue
            new = d[metric]
            if "%.1f" % new == "%.1f" % budget:
                f.write(line + "\n")
                continue
            print("%-40s %10.1f -> %.1f" % (metric, budget, new))
            f.write('%s,%.1f,"%s"\n' % (metric, new, what.replace('"', '""')))
    print("rewrote %s: commit it with a message that says why each figure moved" % a.budget)


if __name__ == "__main__":
    main()
