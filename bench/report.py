#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Collect the benchmark CSVs, print the comparison table and the issue-8
targets, write build/bench/results.csv and summary.csv, and draw
build/bench/bench.png with gnuplot.

usage: report.py OUTDIR file.csv...   (rows: backend,mem,workload,param,metric,value)
A file from bench-instr (backend "orderly-instr"/"lifo-instr", metric
"instr") adds the instruction-count columns and targets.
"""
import csv
import os
import subprocess
import sys

REF = ("orderly", "1G")
COLUMNS = [("orderly", "16M"), ("orderly", "1G"), ("lifo", "1G"),
           ("glibc", "-"), ("jemalloc", "-"), ("mimalloc", "-")]


def load(paths):
    rows = []
    for p in paths:
        with open(p) as f:
            for r in csv.reader(f):
                if len(r) == 6 and r[0] != "backend":
                    rows.append(r)
    return rows


def index(rows):
    d = {}
    for b, m, w, p, k, v in rows:
        d[(b, m, w, p, k)] = float(v)
    return d


def fmt(v):
    if v is None:
        return "-"
    if abs(v) >= 1000:
        return "%.0f" % v
    if abs(v) >= 10:
        return "%.1f" % v
    return "%.2f" % v


def table_rows(d):
    """(workload, param, metric) in the order the table shows them."""
    keys = sorted({(w, p, k) for (b, m, w, p, k) in d if w != "meta"},
                  key=lambda t: (t[0], int(t[1]) if t[1].isdigit() else -1, t[1], t[2]))
    return [t for t in keys if (t[2] not in ("cycles", "mean_cycles", "p50_cycles")
            or t[0] == "1_hot_pair") and t[2] != "instr"]


def instr_table(d):
    """bench-instr's counts: Orderly against the LIFO floor."""
    keys = sorted({(w, p) for (b, m, w, p, k) in d if k == "instr"},
                  key=lambda t: (t[0], int(t[1]) if t[1].isdigit() else -1))
    if not keys:
        return
    print("\nInstructions per operation (callgrind, no debug checks):")
    print("%-16s%-11s%12s%12s%9s%14s" % ("workload", "param", "orderly@1G", "lifo@1G", "ratio", "orderly@16M"))
    for w, p in keys:
        o = d.get(("orderly-instr", "1G", w, p, "instr"))
        l = d.get(("lifo-instr", "1G", w, p, "instr"))
        s = d.get(("orderly-instr", "16M", w, p, "instr"))
        print("%-16s%-11s%12s%12s%9s%14s" % (w, p, fmt(o), fmt(l), "%.1fx" % (o / l) if o and l else "-", fmt(s)))


def main():
    outdir, paths = sys.argv[1], sys.argv[2:]
    rows = load(paths)
    d = index(rows)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["backend", "mem", "workload", "param", "metric", "value"])
        w.writerows(rows)

    ghz = d.get(("orderly", "-", "meta", "-", "tsc_ghz"))
    print("Orderly benchmark: cycles/ns per operation (an alloc+free pair unless the"
          " metric says otherwise);")
    loads = [v for (b, m, w, p, k), v in d.items() if k == "loadavg_1min"]
    print("(x) = value / Orderly at 1 GiB: above 1 means Orderly is faster.  TSC %s GHz."
          % (fmt(ghz) if ghz else "?"))
    if loads:
        print("1-minute load average during the runs: %.2f .. %.2f%s" % (
            min(loads), max(loads), "  (busy machine: timings are noisy; instruction counts are not)"
            if max(loads) > 1.0 else ""))
    print()
    head = ["workload", "param", "metric"] + ["%s@%s" % c if c[1] != "-" else c[0] for c in COLUMNS]
    widths = [16, 11, 18] + [17] * len(COLUMNS)
    print("".join(h.ljust(wd) for h, wd in zip(head, widths)))
    summary = []
    for (wl, p, k) in table_rows(d):
        ref = d.get(REF + (wl, p, k))
        cells, srow = [], [wl, p, k]
        for c in COLUMNS:
            v = d.get(c + (wl, p, k))
            srow.append("" if v is None else "%.3f" % v)
            if v is None:
                cells.append("-")
            elif c == REF or not ref or wl.startswith("7_") or k == "pages_filled":
                cells.append(fmt(v))
            else:
                cells.append("%s (%.2fx)" % (fmt(v), v / ref))
                srow.append("%.3f" % (v / ref))
                continue
            srow.append("")
        summary.append(srow)
        print("".join(s.ljust(wd) for s, wd in zip([wl, p, k] + cells, widths)))
    with open(os.path.join(outdir, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f)
        hdr = ["workload", "param", "metric"]
        for c in COLUMNS:
            n = "%s_%s" % c if c[1] != "-" else c[0]
            hdr += [n, n + "_ratio"]
        w.writerow(hdr)
        w.writerows(summary)

    instr_table(d)
    targets(d)
    plot(d, outdir)


def targets(d):
    print("\nIssue 8 targets (host):")

    def g(b, m, w, p, k):
        return d.get((b, m, w, p, k))

    def line(ok, text):
        print("  [%s] %s" % ("met " if ok else ("MISS" if ok is not None else " ?  "), text))

    o1, l1 = g("orderly", "1G", "1_hot_pair", "order0", "cycles"), g("lifo", "1G", "1_hot_pair", "order0", "cycles")
    if o1 and l1:
        line(o1 <= 2 * l1, "order-0 pair within 2x of the LIFO floor (cycles): %.1f vs %.1f = %.2fx"
             % (o1, l1, o1 / l1))
    oi, li = g("orderly-instr", "1G", "1_hot_pair", "order0", "instr"), g("lifo-instr", "1G", "1_hot_pair", "order0", "instr")
    if oi and li:
        line(oi <= 2 * li, "order-0 pair within 2x of the LIFO floor (instructions): %.1f vs %.1f = %.2fx"
             % (oi, li, oi / li))
    for w, what in (("3_pair_held", "a block of the order already free (steady state, no split/merge)"),
                    ("3_order_pair", "from fully merged memory (split down, merged back up)")):
        worst = [(g("orderly-instr", "1G", w, str(o), "instr"), o) for o in range(11)]
        worst = [x for x in worst if x[0] is not None]
        if worst:
            m = max(worst)
            line(m[0] < 150, "every order 0..10 pair under 150 instructions, %s: worst order %d = %.0f"
                 % (what, m[1], m[0]))
    p = g("orderly", "1G", "4_churn", "50pct", "p999_ns")
    if p is not None:
        line(p < 1000, "churn p99.9 under 1 us: %.0f ns (p99 %.0f ns)"
             % (p, g("orderly", "1G", "4_churn", "50pct", "p99_ns")))
    for m in ("16M", "1G"):
        c = g("orderly", m, "5_checkerboard", "order1_fail", "p50_ns")
        if c is not None:
            line(c < 100, "failing order-1 after the checkerboard under 100 ns at %s: p50 %.0f ns,"
                 " first call %.0f ns" % (m, c, g("orderly", m, "5_checkerboard", "order1_fail", "first_ns")))
    for t in ("hot", "cold_p50"):
        z, s = g("orderly", "1G", "6_zeroed_page", t, "ns"), g("orderly", "1G", "6_clear_page", t, "ns")
        r = g("orderly", "1G", "6_zeroed_page", t, "ratio_to_clear")
        if z and s and r:
            line(r <= 1.2, "get_zeroed_page %s within 1.2x of the bare clear_page(): median of per-run ratios %.2fx"
                 " (medians %.0f vs %.0f ns)" % (t, r, z, s))
        elif z and s:
            line(z <= 1.2 * s, "get_zeroed_page %s within 1.2x of the bare clear_page(): %.0f vs %.0f ns = %.2fx" % (t, z, s, z / s))
    for (w, p_, k) in (("1_hot_pair", "order0", "ns"), ("3_order_pair", "0", "ns"), ("3_order_pair", "10", "ns"),
                       ("4_churn", "50pct", "mean_ns"), ("4_churn", "50pct", "p50_ns")):
        a, b = g("orderly", "1G", w, p_, k), g("orderly", "16M", w, p_, k)
        if a and b:
            line(a <= 1.3 * b, "%s %s %s at 1 GiB within 1.3x of 16 MiB: %.1f vs %.1f = %.2fx"
                 % (w, p_, k, a, b, a / b))
    a, b = g("orderly-instr", "1G", "4_churn", "50pct", "instr"), g("orderly-instr", "16M", "4_churn", "50pct", "instr")
    if a and b:
        print("         (churn instructions per operation: %.1f at 1 GiB, %.1f at 16 MiB - a difference"
              " in time the other way is the memory hierarchy)" % (a, b))
    slower, cold = [], []
    for (b, m, w, p_, k), v in d.items():
        if b in ("glibc", "jemalloc", "mimalloc") and w[0] in "12346" and k in ("ns", "mean_ns", "p99_ns", "p999_ns") \
                and not w.startswith("6_clear_page"):
            ref = d.get(REF + (w, p_, k))
            if p_ == "cold_p50":
                # one p50 of cache-cold clears per run: on a shared VM the same
                # binary gives 2x different values from run to run (DRAM state),
                # more than the allocators differ - shown, not judged
                if ref:
                    cold.append("%s %.0f" % (b, v))
            elif ref and v < ref:
                slower.append("%s %s %s: %s %.1f < %.1f" % (w, p_, k, b, v, ref))
    if not any(k[:2] == REF for k in d):
        return
    line(not slower, "faster than glibc, jemalloc and mimalloc on every comparable row"
         + ("" if not slower else ": %d rows where not:\n        " % len(slower) + "\n        ".join(sorted(slower))))
    if cold:
        print("  [ -- ] get_zeroed_page cold p50, not judged (run-to-run spread of one binary exceeds the"
              " differences): orderly %.0f, %s ns" % (d.get(REF + ("6_zeroed_page", "cold_p50", "ns")) or 0,
                                                     ", ".join(sorted(cold))))


def plot(d, outdir):
    backs = [c for c in COLUMNS if any(k[:2] == c for k in d)]
    datadir = os.path.join(outdir, "plot")
    os.makedirs(datadir, exist_ok=True)
    for c in backs:
        name = "%s_%s" % c
        with open(os.path.join(datadir, name + ".orders"), "w") as f:
            for o in range(11):
                v = d.get(c + ("3_order_pair", str(o), "ns"))
                if v is not None:
                    f.write("%d %f\n" % (o, v))
        with open(os.path.join(datadir, name + ".batch"), "w") as f:
            n = 1
            while n <= 16384:
                v = d.get(c + ("2_batch", str(n), "ns"))
                if v is not None:
                    f.write("%d %f\n" % (n, v))
                n *= 2
    with open(os.path.join(datadir, "churn"), "w") as f:
        for c in backs:
            vals = [d.get(c + ("4_churn", "50pct", k)) for k in ("p50_ns", "p99_ns", "p999_ns")]
            if None not in vals:
                f.write('"%s" %f %f %f\n' % ((("%s@%s" % c if c[1] != "-" else c[0]),) + tuple(vals)))
    gp = os.path.join(datadir, "bench.gp")
    png = os.path.join(outdir, "bench.png")
    with open(gp, "w") as f:
        f.write('set terminal pngcairo size 1500,1000 font ",10"\n' if has_cairo() else
                'set terminal png size 1500,1000\n')
        f.write('set output "%s"\nset multiplot layout 2,2 title "Orderly page allocator vs LIFO floor and userspace allocators (host, ns per op)"\n' % png)
        f.write('set termoption noenhanced\nset logscale y\nset grid\nset key top left\n')
        f.write('set title "3: alloc+free pair by order"\nset xlabel "order"\nset ylabel "ns per pair"\n')
        f.write("plot " + ", ".join('"%s/%s_%s.orders" using 1:2 with linespoints title "%s"' %
                                    (datadir, c[0], c[1], "%s@%s" % c if c[1] != "-" else c[0]) for c in backs) + "\n")
        f.write('set title "2: alloc N then free N (order 0)"\nset logscale x 2\nset xlabel "N"\nset ylabel "ns per pair"\n')
        f.write("plot " + ", ".join('"%s/%s_%s.batch" using 1:2 with linespoints title "%s"' %
                                    (datadir, c[0], c[1], "%s@%s" % c if c[1] != "-" else c[0]) for c in backs) + "\n")
        f.write('unset logscale x\nset title "4: churn at 50% occupancy, latency percentiles"\nset style data histograms\n'
                'set style histogram clustered gap 1\nset style fill solid 0.8 border -1\nset xlabel ""\nset ylabel "ns per op"\n'
                'set xtics rotate by -20\nset yrange [1:*]\n')
        f.write('plot "%s/churn" using 2:xtic(1) title "p50", "" using 3 title "p99", "" using 4 title "p99.9"\n' % datadir)
        f.write('set title "1 and 6: order-0 pair, get_zeroed_page hot/cold vs clear_page"\n')
        with open(os.path.join(datadir, "w16"), "w") as g:
            for c in backs:
                vals = [d.get(c + k) for k in (("1_hot_pair", "order0", "ns"), ("6_zeroed_page", "hot", "ns"),
                                              ("6_zeroed_page", "cold_p50", "ns"))]
                if None not in vals:
                    g.write('"%s" %f %f %f\n' % ((("%s@%s" % c if c[1] != "-" else c[0]),) + tuple(vals)))
            ms = [d.get(REF + ("6_clear_page", t, "ns")) for t in ("hot", "cold_p50")]
            if None not in ms:
                g.write('"clear_page" NaN %f %f\n' % tuple(ms))
        f.write('plot "%s/w16" using 2:xtic(1) title "order-0 pair", "" using 3 title "zeroed page hot",'
                ' "" using 4 title "zeroed page cold"\n' % datadir)
        f.write("unset multiplot\n")
    try:
        subprocess.run(["gnuplot", gp], check=True, stderr=subprocess.PIPE)
        print("\nwrote %s/results.csv, %s/summary.csv and %s" % (outdir, outdir, png))
    except (OSError, subprocess.CalledProcessError) as e:
        print("\nwrote %s/results.csv and summary.csv; no plot (gnuplot: %s)" % (outdir, e))


def has_cairo():
    try:
        out = subprocess.run(["gnuplot", "-e", "set terminal"], capture_output=True, text=True).stderr
        return "pngcairo" in out
    except OSError:
        return False


if __name__ == "__main__":
    main()
