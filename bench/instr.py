#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Instructions per operation from callgrind dumps (make bench-instr).

usage: instr.py OUT.csv callgrind.out.*
Each dump that bench --instr wrote is named by its trigger,
"instr:<backend>:<workload>:<param>:<operations>", and holds the Ir of
that loop alone (collection was on only inside it).  Prints a table and
writes CSV rows <backend>-instr,1G,<workload>,<param>,instr,<Ir per op>.
"""
import re
import sys

TRIGGER = re.compile(r"^desc: Trigger: Client Request: instr:([^:]+):([^:]+):([^:]+):(\d+)\s*$", re.M)
TOTALS = re.compile(r"^(?:totals|summary): (\d+)", re.M)


def main():
    out, dumps = sys.argv[1], sys.argv[2:]
    rows = []
    for path in dumps:
        text = open(path).read()
        m, t = TRIGGER.search(text), TOTALS.search(text)
        if not m or not t:
            continue
        backend, workload, param, n = m.group(1), m.group(2), m.group(3), int(m.group(4))
        rows.append((backend, workload, param, int(t.group(1)) / n))
    rows.sort(key=lambda r: (r[1], int(r[2]) if r[2].isdigit() else -1, r[0]))
    with open(out, "w") as f:
        for b, w, p, v in rows:
            f.write("%s-instr,1G,%s,%s,instr,%.1f\n" % (b, w, p, v))
    print("Instructions per operation (valgrind --tool=callgrind, Ir; 1 GiB node):")
    print("%-14s %-8s %12s %12s %8s" % ("workload", "param", "orderly", "lifo", "ratio"))
    d = {(b, w, p): v for b, w, p, v in rows}
    for w, p in sorted({(w, p) for b, w, p, v in rows}, key=lambda t: (t[0], int(t[1]) if t[1].isdigit() else -1)):
        o, l = d.get(("orderly", w, p)), d.get(("lifo", w, p))
        print("%-14s %-8s %12s %12s %8s" % (w, p, "%.1f" % o if o else "-", "%.1f" % l if l else "-",
                                            "%.2fx" % (o / l) if o and l else "-"))
    if not rows:
        print("no callgrind dumps with instr: triggers found", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
