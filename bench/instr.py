#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Instructions per operation from callgrind dumps (make bench-instr).

usage: instr.py OUT.csv callgrind.out.*
Each dump that bench --instr wrote is named by its trigger,
"instr:<backend>:<mem>:<workload>:<param>:<operations>", and holds the
Ir of that loop alone (collection was on only inside it).  Prints the
1 GiB table (and 16 MiB beside it) and writes CSV rows
<backend>-instr,<mem>,<workload>,<param>,instr,<Ir per op>.
"""
import re
import sys

TRIGGER = re.compile(r"^desc: Trigger: Client Request: instr:([^:]+):([^:]+):([^:]+):([^:]+):(\d+)\s*$", re.M)
TOTALS = re.compile(r"^(?:totals|summary): (\d+)", re.M)


def main():
    out, dumps = sys.argv[1], sys.argv[2:]
    rows = []
    for path in dumps:
        text = open(path).read()
        m, t = TRIGGER.search(text), TOTALS.search(text)
        if not m or not t:
            continue
        backend, mem, workload, param, n = m.groups()
        rows.append((backend, mem, workload, param, int(t.group(1)) / int(n)))
    rows.sort(key=lambda r: (r[2], int(r[3]) if r[3].isdigit() else -1, r[0], r[1]))
    with open(out, "w") as f:
        for b, mem, w, p, v in rows:
            f.write("%s-instr,%s,%s,%s,instr,%.1f\n" % (b, mem, w, p, v))
    print("Instructions per operation (valgrind --tool=callgrind, Ir):")
    print("%-14s %-8s %12s %12s %8s %14s" % ("workload", "param", "orderly@1G", "lifo@1G", "ratio",
                                            "orderly@16M"))
    d = {(b, mem, w, p): v for b, mem, w, p, v in rows}
    for w, p in sorted({(w, p) for b, mem, w, p, v in rows},
                       key=lambda t: (t[0], int(t[1]) if t[1].isdigit() else -1)):
        o, l, s = d.get(("orderly", "1G", w, p)), d.get(("lifo", "1G", w, p)), d.get(("orderly", "16M", w, p))
        print("%-14s %-8s %12s %12s %8s %14s" % (w, p, "%.1f" % o if o else "-", "%.1f" % l if l else "-",
                                                "%.2fx" % (o / l) if o and l else "-",
                                                "%.1f" % s if s else "-"))
    if not rows:
        print("no callgrind dumps with instr: triggers found", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
