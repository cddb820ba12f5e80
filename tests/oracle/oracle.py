#!/usr/bin/env python3
"""Real Linux as the oracle: boot Debian's own Linux 6.1 i386 kernels and
Orderly on the same QEMU machines and compare what they print.

  oracle.py [--sizes 64M,897M,2G,3583M,4G] [--flavours 686,686-pae]
            [--kernel build/orderly.elf] [-j 2] [--fetch-only]

1. Fetch (once; cached under build/oracle/): the newest
   linux-image-6.1.0-N-686 and -686-pae and busybox-static:i386, with
   `apt-get download` (architecture i386 is added to dpkg and the lists
   updated when apt does not know the packages yet), unpacked with
   `dpkg-deb`; tests/oracle/initramfs.py writes an initramfs whose /init
   prints /proc/zoneinfo, /proc/meminfo, /proc/buddyinfo and the vm sysctls,
   then powers off.
2. Boot, on SeaBIOS (qemu-system-i386, no KVM) at each size: Linux with
   -kernel/-initrd and console=ttyS0, Orderly with -kernel (Multiboot v1,
   as `run_tests.py --direct` does; its boot log prints the same reports).
3. Check what must be equal, Orderly against every Linux:
   - every `BIOS-e820:` line, byte for byte;
   - the `Zone ranges:` block's format, line by line;
   - each zone's range, spanned and present pages, and the
     "Memory: ..K/..K" present total, wherever the two kernels' limits
     agree: a boundary at a kernel's max_low_pfn (the lowmem limit, 896 MiB
     vs Linux's ~875) or at a PAE kernel's max_pfn above 4 GiB is a
     documented difference, any other boundary must be equal;
   - `N MB HIGHMEM available.` / `N MB LOWMEM available.` printed by both
     and consistent with the zones.
4. Check that each kernel's figures follow ITS documented formula,
   recomputed here from the zone sizes it printed: Linux 6.1's watermarks
   (watermark_scale_factor), lowmem_reserve, zone_batchsize() and
   zone_highsize(), min_free_kbytes (int_sqrt, then khugepaged's
   recommended minimum with THP "always"); Orderly's Linux 4.4 watermarks
   and batch and 5.14 pcp high (mm/mm_init.c).
5. Print the documented differences side by side, one table per size.

Exit status 1 on any difference that is not one of the documented ones.
Python standard library only.
"""

import argparse
import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "qemu"))
import qemu  # noqa: E402

CACHE = os.path.join(ROOT, "build", "oracle")
DEBS = os.path.join(CACHE, "debs")
UNPACK = os.path.join(CACHE, "x")
LOGS = os.path.join(CACHE, "logs")
INITRD = os.path.join(CACHE, "initramfs.cpio")

PAGE = 4096
MiB = 1 << 20
ZONES = ("DMA", "Normal", "HighMem")

# ------------------------------------------------------------------ fetch


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def newest_abi():
    """N of the newest linux-image-6.1.0-N-686 apt knows, or None."""
    r = run(["apt-cache", "search", "--names-only", r"^linux-image-6\.1\.0-[0-9]+-686$"])
    abis = [int(m.group(1)) for m in re.finditer(r"^linux-image-6\.1\.0-(\d+)-686 ", r.stdout, re.M)]
    return max(abis) if abis else None


def by_abi(paths):
    """vmlinuz-6.1.0-N-686 paths, lowest N first (numerically)."""
    return sorted(paths, key=lambda p: int(re.search(r"-6\.1\.0-(\d+)-", p).group(1)))


def fetch():
    """Paths {flavour: vmlinuz, "busybox": path, "config-<flavour>": path}."""
    found = by_abi(glob.glob(os.path.join(UNPACK, "boot", "vmlinuz-6.1.0-*-686")))
    if not (found and os.path.exists(found[-1] + "-pae")
            and os.path.exists(os.path.join(UNPACK, "bin", "busybox"))):
        abi = newest_abi()
        if abi is None:
            print("oracle: apt does not know linux-image-6.1.0-*-686: adding architecture i386")
            for cmd in (["dpkg", "--add-architecture", "i386"], ["apt-get", "update"]):
                r = run(cmd)
                if r.returncode:
                    sys.exit("oracle: %s failed:\n%s" % (" ".join(cmd), r.stdout[-2000:]))
            abi = newest_abi()
            if abi is None:
                sys.exit("oracle: no linux-image-6.1.0-*-686 in apt's lists (Debian 12 archive needed)")
        pkgs = ["linux-image-6.1.0-%d-686" % abi, "linux-image-6.1.0-%d-686-pae" % abi,
                "busybox-static:i386"]
        os.makedirs(DEBS, exist_ok=True)
        print("oracle: apt-get download %s" % " ".join(pkgs))
        r = run(["apt-get", "download"] + pkgs, cwd=DEBS)
        if r.returncode:
            # stale lists name a version the archive has dropped: once more, updated
            run(["apt-get", "update"])
            abi = newest_abi() or abi
            pkgs[:2] = ["linux-image-6.1.0-%d-686" % abi, "linux-image-6.1.0-%d-686-pae" % abi]
            r = run(["apt-get", "download"] + pkgs, cwd=DEBS)
            if r.returncode:
                sys.exit("oracle: apt-get download failed:\n" + r.stdout[-2000:])
        os.makedirs(UNPACK, exist_ok=True)
        for deb in glob.glob(os.path.join(DEBS, "*.deb")):
            name = os.path.basename(deb)
            if name.startswith("busybox-static_"):
                members = ["./bin/busybox"]
            elif name.startswith("linux-image-6.1.0-%d-" % abi):
                members = ["--wildcards", "./boot/vmlinuz-*", "./boot/config-*"]
            else:
                continue
            # only what we boot: the modules would add ~300 MB
            tar = subprocess.Popen(["tar", "-x", "-C", UNPACK] + members, stdin=subprocess.PIPE)
            subprocess.run(["dpkg-deb", "--fsys-tarfile", deb], stdout=tar.stdin, check=True)
            tar.stdin.close()
            if tar.wait():
                sys.exit("oracle: could not unpack %s" % deb)
        found = glob.glob(os.path.join(UNPACK, "boot", "vmlinuz-6.1.0-%d-686" % abi))
        if not found:
            sys.exit("oracle: no vmlinuz in the unpacked packages")
    vmlinuz = found[-1]
    paths = {"686": vmlinuz, "686-pae": vmlinuz + "-pae",
             "busybox": os.path.join(UNPACK, "bin", "busybox")}
    for fl in ("686", "686-pae"):
        paths["config-" + fl] = paths[fl].replace("vmlinuz-", "config-")
    busybox = paths["busybox"]
    gen = os.path.join(HERE, "initramfs.py")
    if (not os.path.exists(INITRD) or os.path.getmtime(INITRD) < os.path.getmtime(gen)
            or os.path.getmtime(INITRD) < os.path.getmtime(busybox)):
        r = run([sys.executable, gen, busybox, INITRD])
        if r.returncode:
            sys.exit("oracle: initramfs.py failed:\n" + r.stdout)
    return paths


# ------------------------------------------------------------------ boot

LINUX_TS = re.compile(r"^\[\s*\d+\.\d+\] ", re.M)


# QEMU's pc machine keeps at most 3.5 GiB below the PCI hole: from -m 3584M
# up the rest of RAM lies above 4 GiB.
RAM_ABOVE_4G_FROM = 3584 * MiB


def parse_size(s):
    m = re.fullmatch(r"(\d+)([MG])", s)
    return int(m.group(1)) << (20 if m.group(2) == "M" else 30)


def emulator(flavour, mem):
    """qemu-system-i386 for every boot but a PAE kernel with RAM above
    4 GiB.  qemu-system-i386's CPU (qemu32) has neither long mode nor
    PSE-36, so QEMU gives it 32 physical address bits; Linux/PAE assumes
    36 on a CPU without CPUID leaf 0x80000008, maps the first page above
    4 GiB and takes a reserved-bit fault (#PF error 0xa, write|RSVD, in
    kernel_init_pages()) in every thread that touches one, never reaching
    /init.  qemu-system-x86_64's qemu64 CPU has 40 address bits; the board,
    SeaBIOS and so the e820 map are the same."""
    if flavour.endswith("pae") and parse_size(mem) >= RAM_ABOVE_4G_FROM:
        return "qemu-system-x86_64"
    return None


def boot_linux(name, vmlinuz, mem, timeout, binary=None):
    q = qemu.Qemu(name, kernel=vmlinuz, mem=mem, cmdline="console=ttyS0", timeout=timeout,
                  log_dir=LOGS, extra=["-initrd", INITRD], binary=binary)
    with q:
        q.expect(r"^==== oracle: end$")
        q.wait(timeout=30)	# poweroff -f
    return LINUX_TS.sub("", q.text), q.elapsed()


def boot_orderly(name, kernel, mem, timeout, binary=None):
    q = qemu.Qemu(name, kernel=kernel, mem=mem, timeout=timeout, log_dir=LOGS, binary=binary)
    with q:
        q.expect(r"^orderly: ready\b")
    return q.text, q.elapsed()


# ------------------------------------------------------------------ parse

E820_LINE = re.compile(r"^BIOS-e820: .*$", re.M)
ZONE_LINE = re.compile(r"^  (DMA|Normal|HighMem)\s+(?:\[mem 0x([0-9a-f]{16})-0x([0-9a-f]{16})\]|empty)$")
MEMORY = re.compile(r"^Memory: (\d+)K/(\d+)K available \((.*)\)$", re.M)
HIGHMEM = re.compile(r"^(\d+)MB HIGHMEM available\.$", re.M)
LOWMEM = re.compile(r"^(\d+)MB LOWMEM available\.$", re.M)


class Report:
    """What one kernel printed, parsed."""

    def __init__(self, who, text):
        self.who, self.text = who, text
        self.e820 = E820_LINE.findall(text)
        self.zone_lines, self.zones = [], {}
        m = re.search(r"^Zone ranges:$", text, re.M)
        if m:
            for line in text[m.end() + 1:].splitlines():
                if not line.startswith("  ") or line.startswith("  node"):
                    break
                self.zone_lines.append(line)
                z = ZONE_LINE.match(line)
                if z and z.group(2):
                    self.zones[z.group(1)] = (int(z.group(2), 16) // PAGE, (int(z.group(3), 16) + 1) // PAGE)
                elif z:
                    self.zones[z.group(1)] = None
        m = MEMORY.search(text)
        self.memory = (int(m.group(1)), int(m.group(2)), m.group(3)) if m else None
        m = HIGHMEM.search(text)
        self.highmem_mb = int(m.group(1)) if m else None
        m = LOWMEM.search(text)
        self.lowmem_mb = int(m.group(1)) if m else None
        self.zoneinfo = parse_zoneinfo(text)

    def lowmem_end(self):
        """max_low_pfn: the end of Normal (or of DMA when Normal is empty)."""
        for z in ("Normal", "DMA"):
            if self.zones.get(z):
                return self.zones[z][1]
        return None

    def max_pfn(self):
        return max((r[1] for r in self.zones.values() if r), default=None)


def parse_zoneinfo(text):
    """{zone: {field: value}} from the last /proc/zoneinfo-style report."""
    zones = {}
    cur = None
    for line in text.splitlines():
        m = re.match(r"^Node 0, zone\s+(\S+)$", line)
        if m:
            cur = zones[m.group(1)] = {}
            continue
        if cur is None:
            continue
        m = re.match(r"^\s+(pages free|min|low|high|spanned|present|managed|batch|high:|start_pfn:)\s+(\d+)$", line)
        if m:
            key = {"pages free": "free", "high:": "pcp_high", "start_pfn:": "start_pfn"}.get(m.group(1), m.group(1))
            key = "pcp_batch" if key == "batch" else key
            cur[key] = int(m.group(2))
            continue
        m = re.match(r"^\s+batch:\s+(\d+)$", line)
        if m:
            cur["pcp_batch"] = int(m.group(1))
            continue
        m = re.match(r"^\s+high:\s+(\d+)$", line)
        if m:
            cur["pcp_high"] = int(m.group(1))
            continue
        m = re.match(r"^\s+protection: \(([-\d, ]+)\)$", line)
        if m:
            cur["protection"] = [int(x) for x in m.group(1).split(",")]
    return zones


def oracle_section(text, name):
    """The text /init printed after '==== oracle: NAME'."""
    m = re.search(r"^==== oracle: %s\n(.*?)^==== oracle:" % re.escape(name), text, re.M | re.S)
    return m.group(1) if m else ""


# ------------------------------------------------------------------ formulas

def int_sqrt(x):
    import math
    return math.isqrt(x)


def rounddown_pow_of_two(n):
    return 1 << (n.bit_length() - 1)


def mult_frac(x, n, d):
    return (x // d) * n + ((x % d) * n) // d


def linux61_expect(zi, min_free_kbytes, scale_factor, ratios, ncpus=1):
    """Linux 6.1's watermarks, lowmem_reserve and pcp for zone sizes @zi
    (mm/page_alloc.c: __setup_per_zone_wmarks, setup_per_zone_lowmem_reserve,
    zone_batchsize, zone_highsize with percpu_pagelist_high_fraction 0)."""
    names = list(zi)			# DMA, Normal, HighMem, Movable
    managed = [zi[z].get("managed", 0) for z in names]
    # is_highmem(): Movable counts as HighMem only when the zone it takes
    # its pages from (movable_zone, the highest populated one) is HighMem
    movable_high = zi.get("HighMem", {}).get("managed", 0) > 0
    high_idx = [z == "HighMem" or (z == "Movable" and movable_high) for z in names]
    pages_min = min_free_kbytes >> 2
    lowmem = sum(m for m, h in zip(managed, high_idx) if not h)
    exp = {}
    for i, z in enumerate(names):
        tmp = pages_min * managed[i] // lowmem if lowmem else 0
        wmin = min(max(managed[i] // 1024, 32), 128) if high_idx[i] else tmp
        gap = max(tmp >> 2, mult_frac(managed[i], scale_factor, 10000))
        low = wmin + gap
        e = {"min": wmin, "low": low, "high": low + gap}
        prot = []
        ratio = ratios[i] if i < len(ratios) else 0
        clear = not ratio or not managed[i]
        acc = 0
        for j in range(len(names)):
            if j <= i:
                prot.append(0)
                continue
            acc += managed[j]
            prot.append(0 if clear else acc // ratio)
        e["protection"] = prot
        if managed[i]:
            batch = min(managed[i] >> 10, (1 << 20) // PAGE) // 4
            batch = max(batch, 1)
            batch = rounddown_pow_of_two(batch + batch // 2) - 1
            e["pcp_batch"] = max(1, batch)
            e["pcp_high"] = max(low // ncpus, batch << 2)
        exp[z] = e
    return exp


def linux61_min_free_kbytes(zi, thp, pageblock_pages):
    """min_free_kbytes as Linux 6.1 sets it at boot: int_sqrt(lowmem_kbytes
    * 16) clamped [128, 262144] (calculate_min_free_kbytes, lowmem =
    nr_free_buffer_pages() with no watermarks yet), then, THP enabled,
    khugepaged's set_recommended_min_free_kbytes(): (2 + 3 * 3) pageblocks
    per populated zone up to Normal, at most 5% of nr_free_buffer_pages()
    (now net of the high watermarks set from the first value)."""
    low_zones = [z for z in zi if z in ("DMA", "Normal") and zi[z].get("managed")]
    lowmem = sum(zi[z]["managed"] for z in low_zones)
    first = min(max(int_sqrt(lowmem * 4 * 16), 128), 262144)
    if not thp:
        return first, first
    sf = 10
    exp = linux61_expect({z: zi[z] for z in zi}, first, sf, [0] * 4)
    nfb = sum(max(zi[z]["managed"] - exp[z]["high"], 0) for z in low_zones)
    rec = pageblock_pages * len(low_zones) * (2 + 3 * 3)
    rec = min(rec, nfb // 20) * 4
    return first, max(first, rec)


def orderly_expect(zi, ratios=(256, 32, 0)):
    """Orderly's documented formulas (mm/mm_init.c): Linux 4.4's
    min_free_kbytes, watermarks, lowmem_reserve and zone_batchsize(), and
    Linux 5.14's zone_highsize() (one CPU), except that a zone too small
    for a batch keeps pcp high 0."""
    names = [z for z in ZONES if z in zi]
    managed = [zi[z].get("managed", 0) for z in names]
    high_idx = [z == "HighMem" for z in names]
    lowmem = sum(m for m, h in zip(managed, high_idx) if not h)
    mfk = min(max(int_sqrt(lowmem * 4 * 16), 128), 65536)
    pages_min = mfk >> 2
    exp = {}
    for i, z in enumerate(names):
        tmp = pages_min * managed[i] // lowmem if lowmem else 0
        wmin = min(max(managed[i] // 1024, 32), 128) if high_idx[i] else tmp
        e = {"min": wmin, "low": wmin + (tmp >> 2), "high": wmin + (tmp >> 1)}
        prot = [0] * len(names)
        acc = 0
        for j in range(i + 1, len(names)):
            acc += managed[j]
            prot[j] = acc // max(ratios[i], 1)
        e["protection"] = prot
        if managed[i]:
            b = managed[i] // 1024
            if b * PAGE > 512 * 1024:
                b = 512 * 1024 // PAGE
            b = max(b // 4, 1)
            b = rounddown_pow_of_two(b + b // 2) - 1
            e["pcp_batch"] = max(1, b)
            e["pcp_high"] = max(e["low"], 4 * b) if b else 0
        exp[z] = e
    return mfk, exp


# ------------------------------------------------------------------ compare

class Verdict:
    def __init__(self):
        self.errors = []
        self.notes = []

    def err(self, size, msg):
        self.errors.append("%s: %s" % (size, msg))


def check_formulas(v, size, who, zi, exp, fields=("min", "low", "high", "protection", "pcp_batch", "pcp_high")):
    for z, e in exp.items():
        got = zi.get(z, {})
        for f in fields:
            if f not in e:
                continue
            if got.get(f) != e[f]:
                v.err(size, "%s zone %s %s = %s, its formula gives %s" % (who, z, f, got.get(f), e[f]))


def zone_line_ok(line):
    """Linux's "  %-8s [mem %#018Lx-%#018Lx]" or "  %-8s empty"."""
    return (line[:2] == "  " and line[2:10].rstrip() in ZONES and line[10:11] == " "
            and re.fullmatch(r"\[mem 0x[0-9a-f]{16}-0x[0-9a-f]{16}\]|empty", line[11:]) is not None)


def fmt_range(r):
    return "empty" if r is None else "%#x-%#x" % (r[0], r[1])


def compare(size, orderlies, linux, configs, v):
    """Orderly against each Linux {flavour: Report}, on the same machine
    ({flavour: Orderly's Report}: the same emulator); returns rows of the
    side-by-side table (the Orderly column is qemu-system-i386's)."""
    o = orderlies[None]
    for key, oo in orderlies.items():
        if key is not None:
            e_mfk, oexp = orderly_expect(oo.zoneinfo)
            check_formulas(v, size, "Orderly on " + key, oo.zoneinfo, oexp)
    # formula checks, each kernel on its own
    mfk = re.search(r"^min_free_kbytes: (\d+)$", o.text, re.M)
    o_mfk = int(mfk.group(1)) if mfk else None
    e_mfk, oexp = orderly_expect(o.zoneinfo)
    if o_mfk != e_mfk:
        v.err(size, "Orderly min_free_kbytes %s, its formula (4.4) gives %d" % (o_mfk, e_mfk))
    check_formulas(v, size, "Orderly", o.zoneinfo, oexp)
    if not o.zoneinfo:
        v.err(size, "Orderly printed no zoneinfo at boot")

    lin_mfk = {}
    for fl, L in linux.items():
        if not L.zoneinfo:
            v.err(size, "Linux %s printed no /proc/zoneinfo" % fl)
            continue
        boot_mfk = int(oracle_section(L.text, "boot min_free_kbytes").split()[0])
        mfk_now = int(oracle_section(L.text, "/proc/sys/vm/min_free_kbytes").split()[0])
        sf = int(oracle_section(L.text, "/proc/sys/vm/watermark_scale_factor").split()[0])
        ratios = [int(x) for x in oracle_section(L.text, "/proc/sys/vm/lowmem_reserve_ratio").split()]
        thp = "[always]" in oracle_section(L.text, "/sys/kernel/mm/transparent_hugepage/enabled")
        hfrac = int(oracle_section(L.text, "/proc/sys/vm/percpu_pagelist_high_fraction").split()[0])
        if hfrac:
            v.err(size, "Linux %s percpu_pagelist_high_fraction %d: not the default" % (fl, hfrac))
        check_formulas(v, size, "Linux " + fl, L.zoneinfo, linux61_expect(L.zoneinfo, mfk_now, sf, ratios))
        pb = 512 if "CONFIG_X86_PAE=y" in configs[fl] else 1024
        sqrt_kb, want = linux61_min_free_kbytes(L.zoneinfo, thp, pb)
        # boot computed it from `managed` before free_initmem() and the
        # initrd's release: allow for the pages those freed since
        freed = sum(int(k) for k in re.findall(r"^Freeing (?:unused kernel image \(initmem\)|initrd) memory: (\d+)K$", L.text, re.M))
        lo_sqrt, lo_want = linux61_min_free_kbytes(
            {z: dict(d, managed=max(d.get("managed", 0) - (freed // 4 if z == "Normal" else 0), 0))
             for z, d in L.zoneinfo.items()}, thp, pb)
        if not (min(lo_want, want) <= boot_mfk <= max(lo_want, want)):
            v.err(size, "Linux %s min_free_kbytes %d at boot; Linux 6.1's formula gives %d..%d (THP %s)"
                  % (fl, boot_mfk, min(lo_want, want), max(lo_want, want), "on" if thp else "off"))
        lin_mfk[fl] = (boot_mfk, sqrt_kb, thp)

    # equalities, Orderly against each Linux
    for fl, L in linux.items():
        who = "Linux " + fl
        o = orderlies[emulator(fl, size)]
        if not L.e820 or L.e820 != o.e820:
            v.err(size, "BIOS-e820 lines differ from %s:\n    Orderly: %s\n    Linux:   %s"
                  % (who, "\n             ".join(o.e820), "\n             ".join(L.e820)))
        for rep in (o, L):
            for line in rep.zone_lines:
                if not zone_line_ok(line):
                    v.err(size, "%s: Zone ranges line not in Linux's format: %r" % (rep.who, line))
        if [l.split()[0] for l in o.zone_lines] != [l.split()[0] for l in L.zone_lines]:
            v.err(size, "Zone ranges: zones %s vs %s's %s" % (
                [l.split()[0] for l in o.zone_lines], who, [l.split()[0] for l in L.zone_lines]))
        # boundaries: equal, unless both sit at the two kernels' lowmem
        # limits, or at a PAE kernel's max_pfn above 4 GiB and Orderly's
        limits = {o.lowmem_end(), L.lowmem_end()}
        pae_top = L.max_pfn() if L.max_pfn() and L.max_pfn() > (1 << 20) else None

        def excused(a, b):
            return a == b or {a, b} <= limits or (pae_top and {a, b} == {pae_top, o.max_pfn()})

        for z in ZONES:
            ro, rl = o.zones.get(z), L.zones.get(z)
            if ro == rl:
                zo, zl = o.zoneinfo.get(z, {}), L.zoneinfo.get(z, {})
                for f in ("spanned", "present") + (("start_pfn",) if ro else ()):
                    if zo.get(f) != zl.get(f):
                        v.err(size, "zone %s %s: Orderly %s, %s %s (same range %s)"
                              % (z, f, zo.get(f), who, zl.get(f), fmt_range(ro)))
                continue
            if ro is None or rl is None:
                # HighMem empty in the kernel whose lowmem limit covers all RAM
                x, y = (o, rl) if ro is None else (L, ro)
                if z == "HighMem" and x.lowmem_end() == x.max_pfn() and excused(y[0], x.lowmem_end()):
                    continue
                v.err(size, "zone %s: Orderly %s, %s %s" % (z, fmt_range(ro), who, fmt_range(rl)))
                continue
            for k in (0, 1):
                if not excused(ro[k], rl[k]):
                    v.err(size, "zone %s %s: Orderly %#x, %s %#x"
                          % (z, ("start", "end")[k], ro[k] << 12, who, rl[k] << 12))
        for rep in (o, L):
            zi = rep.zoneinfo
            for z, r in rep.zones.items():
                if r and zi.get(z, {}).get("spanned") != r[1] - r[0]:
                    v.err(size, "%s: zone %s spans %s pages but Zone ranges gives %d"
                          % (rep.who, z, zi.get(z, {}).get("spanned"), r[1] - r[0]))
        if o.max_pfn() == L.max_pfn() and o.memory and L.memory and o.memory[1] != L.memory[1]:
            v.err(size, "Memory: %dK present, %s %dK (same max_pfn)" % (o.memory[1], who, L.memory[1]))
        for rep in (o, L):
            if rep.highmem_mb is None or rep.lowmem_mb is None:
                v.err(size, "%s: no 'NMB HIGHMEM available.' and 'NMB LOWMEM available.' lines" % rep.who)
                continue
            lo, top = rep.lowmem_end(), rep.max_pfn()
            if rep.lowmem_mb != lo >> 8 or rep.highmem_mb != (top - lo) >> 8:
                v.err(size, "%s: %dMB LOWMEM / %dMB HIGHMEM, zones say %d / %d"
                      % (rep.who, rep.lowmem_mb, rep.highmem_mb, lo >> 8, (top - lo) >> 8))

    # the side-by-side table
    o = orderlies[None]
    fls = list(linux)
    rows = []

    def row(what, ovalue, lfun, why):
        rows.append([what] + [str(lfun(linux[f], f)) for f in fls] + [str(ovalue), why])

    row("lowmem limit (max_low_pfn)",
        "%d MiB" % (o.lowmem_end() >> 8),
        lambda L, f: "%d MiB" % (L.lowmem_end() >> 8),
        "Orderly maps 896 MiB; Linux less its vmalloc/fixmap/pkmap room")
    row("top of RAM used (max_pfn)", "%#x" % o.max_pfn(), lambda L, f: "%#x" % L.max_pfn(),
        "PAE reaches RAM above 4 GiB")
    ksize = re.search(r"(\d+)K kernel code, (\d+)K data, (\d+)K bss", o.memory[2] if o.memory else "")
    row("kernel image", "%dK" % sum(int(x) for x in ksize.groups()) if ksize else "?",
        lambda L, f: "%dK" % sum(int(x) for x in re.findall(r"(\d+)K (?:kernel code|rwdata|rodata|init|bss)", L.memory[2])),
        "a distribution kernel vs a page allocator")
    row("struct page", re.search(r"\((\d+) bytes per struct page\)", o.text).group(1) + " bytes"
        if re.search(r"\((\d+) bytes per struct page\)", o.text) else "?",
        lambda L, f: "%d bytes" % (40 if "CONFIG_MEMCG=y" in configs[f] else 32),
        "Linux/i386 is 32 without CONFIG_MEMCG, +memcg_data and 8-byte alignment with it")
    row("min_free_kbytes", "%s (sqrt)" % o_mfk,
        lambda L, f: "%d (sqrt %d%s)" % (lin_mfk[f][0], lin_mfk[f][1], ", THP" if lin_mfk[f][2] else "")
        if f in lin_mfk else "?",
        "Debian's THP=always: khugepaged raises it to 11 pageblocks per zone, at most 5% of lowmem")
    for z in ZONES:
        if z in o.zoneinfo and o.zoneinfo[z].get("managed"):
            zo = o.zoneinfo[z]
            row("%s min/low/high" % z, "%d/%d/%d" % (zo["min"], zo["low"], zo["high"]),
                lambda L, f, z=z: "%d/%d/%d" % (L.zoneinfo[z]["min"], L.zoneinfo[z]["low"], L.zoneinfo[z]["high"])
                if z in L.zoneinfo else "-",
                "watermark formula: 4.4 (tmp/4, tmp/2) vs 6.1 (watermark_scale_factor)")
            row("%s pcp high/batch" % z, "%s/%s" % (zo.get("pcp_high"), zo.get("pcp_batch")),
                lambda L, f, z=z: "%s/%s" % (L.zoneinfo[z].get("pcp_high"), L.zoneinfo[z].get("pcp_batch"))
                if z in L.zoneinfo else "-",
                "batch: 4.4 caps at 512 KiB, 6.1 at 1 MiB; high 0 below a batch in Orderly")
    row("managed pages", str(sum(zo.get("managed", 0) for zo in o.zoneinfo.values())),
        lambda L, f: str(sum(zl.get("managed", 0) for zl in L.zoneinfo.values())),
        "what each kernel keeps for itself")
    return rows


def print_table(size, flavours, rows):
    head = ["", ] + ["Linux " + f for f in flavours] + ["Orderly", "why they differ"]
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head) - 1)]
    print("\n== -m %s (SeaBIOS)" % size)
    for r in [head] + rows:
        print("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1])


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="64M,897M,2G,3583M,4G")
    ap.add_argument("--flavours", default="686,686-pae")
    ap.add_argument("--kernel", default=os.path.join(ROOT, "build", "orderly.elf"))
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=180)
    ap.add_argument("--fetch-only", action="store_true")
    args = ap.parse_args()

    t0 = time.monotonic()
    paths = fetch()
    print("oracle: %s, %s; busybox %s" % (os.path.basename(paths["686"]), os.path.basename(paths["686-pae"]),
                                          paths["busybox"]))
    if args.fetch_only:
        return 0
    os.makedirs(LOGS, exist_ok=True)
    sizes = args.sizes.split(",")
    flavours = args.flavours.split(",")
    configs = {}
    for fl in flavours:
        with open(paths["config-" + fl]) as f:
            configs[fl] = f.read()

    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as ex:
        for size in sizes:
            # the longest first: Linux boots take longer than Orderly's
            for fl in flavours:
                jobs[(size, fl)] = ex.submit(boot_linux, "linux-%s-%s" % (fl, size), paths[fl], size,
                                             args.timeout, emulator(fl, size))
            for emu in sorted({emulator(fl, size) for fl in flavours} | {None}, key=str):
                jobs[(size, emu)] = ex.submit(boot_orderly, "orderly-%s%s" % (size, "-" + emu if emu else ""),
                                              args.kernel, size, args.timeout, emu)
        texts = {}
        for key, fut in jobs.items():
            try:
                texts[key], secs = fut.result()
            except qemu.QemuError as e:
                texts[key] = None
                print("oracle: %s %s: %s (log in %s)" % (key[0], key[1], e, LOGS))

    v = Verdict()
    for size in sizes:
        if any(t is None for (sz, _), t in texts.items() if sz == size):
            v.err(size, "a boot failed (see above)")
            continue
        orderlies = {emu: Report("Orderly", texts[(size, emu)])
                     for (sz, emu) in texts if sz == size and emu not in flavours}
        linux = {fl: Report("Linux " + fl, texts[(size, fl)]) for fl in flavours}
        rows = compare(size, orderlies, linux, configs, v)
        print_table(size, flavours, rows)
        for fl in flavours:
            if emulator(fl, size):
                print("  (Linux %s ran on %s, and was compared with Orderly on that machine too:"
                      " qemu-system-i386's qemu32 CPU has 32 physical address bits, and PAE Linux"
                      " faults on RAM above 4 GiB there; see emulator())" % (fl, emulator(fl, size)))

    print()
    for e in v.errors:
        print("oracle: UNEXPLAINED " + e)
    print("oracle: %d sizes x (Orderly + %d Linux), %d unexplained difference%s (%.0f s)"
          % (len(sizes), len(flavours), len(v.errors), "" if len(v.errors) == 1 else "s",
             time.monotonic() - t0))
    return 1 if v.errors else 0


if __name__ == "__main__":
    sys.exit(main())
