#!/usr/bin/env python3
"""The QEMU test matrix: boot the real kernel, through GRUB, on SeaBIOS and
OVMF, at many memory sizes and command lines, and read its verdict on COM1.

  run_tests.py [--kernel build/orderly.elf] [-j 2] [-k PATTERN] [--list] [--direct]

One line per case as it finishes (PASS/FAIL, wall time; on failure the log
path and its last lines), then "N passed, N failed".  Exit status 1 if any
case failed, hung (hard timeout) or faulted.

Kinds of case:
  boot      the kernel must print the e820 table ("BIOS-provided physical RAM
            map:" and "BIOS-e820: [mem ...]" lines) and the sentinel
            "orderly: ready"; then the machine is stopped.
  selftest  kernel command line "selftest ...": the kernel runs its KUnit
            suites (KTAP), prints "# orderly selftest: N passed, N failed,
            N skipped" and leaves QEMU through isa-debug-exit.  PASS needs
            the summary line with 0 failed, QEMU exit status 33, and the
            skips the case allows: every test the KTAP output reports as
            "# SKIP" must be in the case's may_skip list, skipped for the
            reason written there, and every test in its must_run list must
            have run (see check_ktap()).
  shell     tests/qemu/shell_session.py drives the shell (its run(q)).

Every case also checks the memory model printed at boot (Zone ranges and
meminfo against the e820 table, see check_memory_model()).  Logs:
build/test-logs/<case>.log (serial, raw) and <case>.qemu (command, exit).
"""

import argparse
import concurrent.futures
import os
import re
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

KiB, MiB, GiB = 1 << 10, 1 << 20, 1 << 30
LOWMEM_LIMIT = 896 * MiB	# Linux/i386 with a 3G/1G split: at most 896 MiB direct-mapped
DMA_LIMIT = 16 * MiB
FOUR_GIB = 4 * GiB
PAE_LIMIT = 64 * GiB	# the PAE kernel keeps RAM up to here (36-bit physical addresses)

SUMMARY_RE = re.compile(r"^# orderly selftest: (\d+) passed, (\d+) failed, (\d+) skipped\s*$", re.M)
E820_HDR_RE = re.compile(r"^BIOS-provided physical RAM map:\s*$", re.M)
E820_RE = re.compile(r"^BIOS-e820: \[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\] (.+?)\s*$", re.M)
READY_RE = re.compile(r"^" + re.escape(qemu.READY_LINE) + r"\b.*$", re.M)
ZONE_RE = re.compile(r"^\s+(DMA|Normal|HighMem)\s+(?:\[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\]|(empty))\s*$", re.M)
MEMINFO_RE = re.compile(r"^(MemTotal|MemFree|HighTotal|HighFree|LowTotal|LowFree):\s+(\d+) kB\s*$", re.M)
ABOVE4G_RE = re.compile(r"above 4 ?GiB|above 4G", re.I)
# what a dead kernel leaves behind (the exception handler and panic())
# (kernel/panic.c; an "Oops:" alone may be a fault a self-test expected)
FATAL_RE = re.compile(r"^.*(?:Kernel panic - not syncing|kernel BUG at|Oops: nested|double fault \(#DF\)).*$", re.M)


def parse_size(s):
    m = re.fullmatch(r"(\d+)([KMG]?)", s)
    return int(m.group(1)) * {"": 1, "K": KiB, "M": MiB, "G": GiB}[m.group(2)]


class Case:
    def __init__(self, name, kind, mem, uefi=False, cmdline="", cutmem=None,
                 timeout=60, expect=None, release_iso=False, extra=(),
                 may_skip=None, must_run=None, pae=False, binary=None):
        self.name, self.kind, self.mem, self.uefi = name, kind, mem, uefi
        self.pae = pae			# boot orderly-pae.elf (--kernel-pae)
        self.binary = binary		# QEMU emulator, if not the default one
        self.may_skip = may_skip or {}	# selftest: {"suite.case": the kernel's skip reason}
        self.must_run = must_run or {}	# selftest: {"suite.case": why it must run here}
        self.extra = list(extra)	# more QEMU arguments
        self.release_iso = release_iso	# boot `make iso`'s own ISO and menu
        self.cmdline = cmdline
        self.cutmem = cutmem
        self.timeout = timeout
        self.expect = expect or {}	# memory-model expectations, see check_memory_model

    @property
    def mem_bytes(self):
        return parse_size(self.mem)


# ------------------------------------------------------------ skips
# The in-kernel tests that may print "# SKIP", as "suite.case": the reason
# the kernel prints for it.  A skip is allowed only in a case that lists
# it, and only for that reason; any other skip fails the case.

# The kernel's test fixture builds its private node in one order-10 block
# (4 MiB, tests/kunit/mm_fixture.c); these layouts need more, so only the
# host runs them (make test-host).  Allowed in every case.
ARENA = "layout larger than one 4 MiB arena block"
SKIP_ARENA = dict.fromkeys([
    "model.model_unaligned_5000",
    "zone.layout_8M_no_normal", "zone.layout_just_under_16M", "zone.layout_just_over_16M",
    "zone.layout_hole_across_16M", "zone.layout_ram_above_16M_only",
    "zone.layout_just_under_896M", "zone.layout_just_over_896M",
    "zone.layout_hole_across_896M", "zone.layout_highmem_256M", "zone.empty_zones_unused",
    "zone.watermarks_realistic", "zone.report_empty_zone_range",
    "mobility.boot_state_movable", "mobility.whole_pageblock_claimed",
    "mobility.highatomic_reserve_taken_and_released", "mobility.pcp_lists_per_migratetype",
    "mobility.grouping_disabled",
    "compaction.scanners_meet", "compaction.free_scanner_stays_above",
    "compaction.direct_compaction_in_slowpath", "compaction.deferral",
    "compaction.alloc_contig_range_moves_pages_out", "compaction.alloc_contig_range_failures"], ARENA)

# They need a boot option; allowed where the case does not give it.
DEBUG_PAGEALLOC_TEST = "system.system_debug_pagealloc_use_after_free"
PAGE_POISON_TEST = "system.system_page_poison_write_after_free"
SKIP_NO_DEBUG_PAGEALLOC = {DEBUG_PAGEALLOC_TEST: "debug_pagealloc is off"}
SKIP_NO_PAGE_POISON = {PAGE_POISON_TEST: "page_poison is off"}

# Real HighMem: allowed to skip only where the machine has none (RAM up to
# 896 MiB and no highmem=); where it has some, they must run.
HIGHMEM_TESTS = ["highmem_kernel.hmk_kmap_pattern", "highmem_kernel.hmk_kmap_exhaustion",
                 "highmem_kernel.hmk_gfp_zero", "highmem_kernel.hmk_kmap_local",
                 "system.system_highmem_stale_kmap_faults"]
SKIP_NO_HIGHMEM = {t: "no HighMem on this machine" if t.startswith("system.")
                   else "no HighMem zone (boot with -m 2G or highmem=)" for t in HIGHMEM_TESTS}
MUST_HIGHMEM = dict.fromkeys(HIGHMEM_TESTS, "the machine has HighMem")
# the exhaustion test needs two PKMAP windows' worth of free HighMem (8 MiB)
# above the high watermark: -m 897M has 1 MiB of HighMem
SKIP_LITTLE_HIGHMEM = {"highmem_kernel.hmk_kmap_exhaustion": "too little free HighMem"}
LITTLE_HIGHMEM = 16 * MiB

# Frames above 4 GiB: only the PAE kernel with such RAM has them (the pae-
# cases list the test in must_run); allowed to skip everywhere else.
SKIP_NO_RAM_ABOVE_4G = {"paging.paging_frames_above_4g": "no RAM above 4 GiB"}
SKIP_ARENA = {**SKIP_ARENA, **SKIP_NO_RAM_ABOVE_4G}

SKIP_PLAIN = {**SKIP_ARENA, **SKIP_NO_DEBUG_PAGEALLOC, **SKIP_NO_PAGE_POISON}
# the slab tests of the CPU slab and of the plain layout's sizes: not under slub_debug
SKIP_SLUB_DEBUG = {"slub.slub_orders": "slub_debug changes the object sizes",
                   "slub.slub_transitions": "slub_debug: no CPU slab"}


def selftest_skips(mem, highmem_option=False):
    """may_skip and must_run of a selftest case without debug options."""
    if parse_size(mem) <= LOWMEM_LIMIT and not highmem_option:
        return {"may_skip": {**SKIP_PLAIN, **SKIP_NO_HIGHMEM}}
    if parse_size(mem) - LOWMEM_LIMIT < LITTLE_HIGHMEM and not highmem_option:
        must = {t: r for t, r in MUST_HIGHMEM.items() if t not in SKIP_LITTLE_HIGHMEM}
        return {"may_skip": {**SKIP_PLAIN, **SKIP_LITTLE_HIGHMEM}, "must_run": must}
    return {"may_skip": SKIP_PLAIN, "must_run": MUST_HIGHMEM}


def matrix(release_iso=None):
    """The cases, longest first so that two workers finish together."""
    C = []
    # the ISO users boot (make run): its default GRUB entry reaches ready
    if release_iso:
        C.append(Case("boot-iso-bios-2G", "boot", "2G", timeout=90, release_iso=True))
    # issue 2: boot to the ready line, with the e820 table
    for mem, t in (("16M", 40), ("128M", 40), ("1G", 60), ("3G", 90), ("4G", 90)):
        C.append(Case("boot-bios-" + mem, "boot", mem, timeout=t,
                      expect={"above_4g": mem == "4G"}))
    C.append(Case("boot-uefi-1G", "boot", "1G", uefi=True, timeout=120))
    # issue 7: the in-kernel self-tests
    # (may_skip / must_run: see "skips" above)
    for mem, t in (("16M", 90), ("64M", 90), ("897M", 180), ("2G", 240), ("3G", 300), ("4G", 300)):
        C.append(Case("selftest-bios-" + mem, "selftest", mem, cmdline="selftest", timeout=t,
                      expect={"above_4g": mem == "4G"}, **selftest_skips(mem)))
    for mem, t in (("1G", 240), ("2G", 300)):
        C.append(Case("selftest-uefi-" + mem, "selftest", mem, uefi=True, cmdline="selftest",
                      timeout=t, **selftest_skips(mem)))
    C.append(Case("selftest-cutmem-20M-24M", "selftest", "128M", cmdline="selftest",
                  cutmem=[("20M", "24M")], timeout=120,
                  expect={"hole": (20 * MiB, 24 * MiB)}, **selftest_skips("128M")))
    C.append(Case("selftest-mem-100M", "selftest", "256M", cmdline="selftest mem=100M",
                  timeout=120, expect={"mem_limit": 100 * MiB}, **selftest_skips("256M")))
    C.append(Case("selftest-memmap-4M-64M", "selftest", "128M", cmdline="selftest memmap=4M$64M",
                  timeout=120, expect={"hole": (64 * MiB, 68 * MiB)}, **selftest_skips("128M")))
    C.append(Case("selftest-highmem-256M", "selftest", "512M", cmdline="selftest highmem=256M",
                  timeout=180, expect={"highmem": 256 * MiB},
                  **selftest_skips("512M", highmem_option=True)))
    # the two debug options: their own tests must run, or the option was lost
    C.append(Case("selftest-debug-pagealloc", "selftest", "256M",
                  cmdline="selftest debug_pagealloc=on page_poison=on", timeout=240,
                  may_skip={**SKIP_ARENA, **SKIP_NO_HIGHMEM,
                            # page_poison seen, but its test needs freed pages mapped
                            PAGE_POISON_TEST: "freed pages are unmapped (debug_pagealloc)"},
                  must_run={DEBUG_PAGEALLOC_TEST: "debug_pagealloc=on"}))
    C.append(Case("selftest-page-poison", "selftest", "128M",
                  cmdline="selftest page_poison=on", timeout=120,
                  may_skip={**SKIP_ARENA, **SKIP_NO_HIGHMEM, **SKIP_NO_DEBUG_PAGEALLOC},
                  must_run={PAGE_POISON_TEST: "page_poison=on"}))
    # issue 16: several CPUs (multi-threaded TCG), each checking the smpboot lines
    for name, n, mem, uefi, cmd, t in (
            ("selftest-smp2-bios", 2, "256M", False, "selftest", 300),
            ("selftest-smp4-bios", 4, "256M", False, "selftest", 300),
            ("selftest-smp4-uefi", 4, "1G", True, "selftest", 300),
            ("selftest-smp8-bios", 8, "128M", False, "selftest=smp", 180),
            ("selftest-smp4-maxcpus1", 4, "128M", False, "selftest=smp maxcpus=1", 120)):
        up = 1 if "maxcpus=1" in cmd else n
        C.append(Case(name, "selftest", mem, uefi=uefi, cmdline=cmd, timeout=t,
                      extra=["-smp", str(n), "-accel", "tcg,thread=multi"],
                      expect={"smp": (n, up)},
                      # the whole selftest skips what a plain one may; the smp suite alone nothing
                      **(selftest_skips(mem) if cmd == "selftest" else {})))
    # issue 16: every suite (pcp_smp's all-CPU stress among them) at -smp 4 with
    # every freed page unmapped and poisoned
    C.append(Case("selftest-smp4-debug-pagealloc", "selftest", "256M",
                  cmdline="selftest debug_pagealloc=on page_poison=on", timeout=300,
                  extra=["-smp", "4", "-accel", "tcg,thread=multi"], expect={"smp": (4, 4)},
                  may_skip={**SKIP_ARENA, **SKIP_NO_HIGHMEM,
                            PAGE_POISON_TEST: "freed pages are unmapped (debug_pagealloc)"},
                  must_run={DEBUG_PAGEALLOC_TEST: "debug_pagealloc=on",
                            "pcp_smp.pcp_smp_stress_all_cpus": "4 CPUs"}))
    # issue 16, kmap on SMP: the kmap storm from 4 CPUs (a missing TLB shootdown
    # breaks its patterns) and the per-CPU kmap_local stacks, plain and with
    # debug_pagealloc; highmem=64M gives HighMem without the cost of booting 1G.
    # Under 1 s of wall time each at -smp 2; at -smp 4 on 2 busy host cores the
    # shootdowns wait for descheduled vCPU threads: up to 90 s at load 16.
    for name, opts in (("kmap-storm-smp4", ""),
                       ("kmap-storm-smp4-debug-pagealloc", " debug_pagealloc=on page_poison=on")):
        C.append(Case(name, "selftest", "256M", cmdline="selftest=highmem_smp highmem=64M" + opts,
                      timeout=300, extra=["-smp", "4", "-accel", "tcg,thread=multi"],
                      expect={"smp": (4, 4), "highmem": 64 * MiB},
                      must_run={"highmem_smp.hms_kmap_storm": "64 MiB of HighMem",
                                "highmem_smp.hms_kmap_local_every_cpu": "64 MiB of HighMem"}))
    # issue 18: every suite with every slab cache debugging (slub_debug=FZPU)
    C.append(Case("selftest-slub-debug", "selftest", "256M",
                  cmdline="selftest slub_debug=FZPU", timeout=180,
                  may_skip={**SKIP_PLAIN, **SKIP_NO_HIGHMEM, **SKIP_SLUB_DEBUG},
                  must_run={"slub.slub_debug_redzone": "slub_debug=FZPU",
                            "slub.slub_double_free": "slub_debug=FZPU"}))
    # issue 8: the in-kernel benchmark and boot cost, deterministic under -icount
    C.append(Case("bench-icount-3G", "bench", "3G", cmdline="bench", timeout=300,
                  extra=["-icount", "shift=0"]))
    # issue 2: reboot through the keyboard controller, and by triple fault
    # when there is none (QEMU -no-reboot turns the reset into an exit)
    C.append(Case("reboot-bios-kbc", "reboot", "64M", timeout=40))
    C.append(Case("reboot-bios-triple-fault", "reboot", "64M", timeout=40,
                  extra=["-machine", "pc,i8042=off"]))
    # issue 14: grouping by mobility on and off, the fragmenting workload
    for mem, t in (("512M", 120), ("2G", 180)):
        for on in (True, False):
            C.append(Case("fragment-%s-%s" % ("on" if on else "off", mem), "fragment", mem,
                          cmdline="" if on else "page_group_by_mobility=off", timeout=t))
    # issue 17: a map with 142 RAM ranges (140 one-MiB cutmem holes, every
    # 3 MiB from 16 MiB, in 1 GiB; above 436 MiB RAM is whole, for the flat
    # mem_map's one block): memblock's memory table doubles instead of
    # dropping RAM; a CPU without cmov (i586) gets Linux's message; an i686
    # with cmov still boots
    C.append(Case("boot-bios-cutmem-140-holes", "boot", "1G", timeout=90,
                  cutmem=[("%dM" % (16 + 3 * h), "%dM" % (17 + 3 * h)) for h in range(140)],
                  expect={"log": [r"^memblock: memory is doubled to 256 at "
                                  r"\[0x[0-9a-f]{16}-0x[0-9a-f]{16}\]$"],
                          "no_log": [r"bytes of RAM ignored", r"Failed to double"]}))
    C.append(Case("cpu-pentium-refused", "cpu-refused", "64M", timeout=40,
                  extra=["-cpu", "pentium"]))
    C.append(Case("boot-bios-pentium2", "boot", "128M", timeout=40, extra=["-cpu", "pentium2"]))
    # issue 15: page_owner=on names the shell's allocation site
    C.append(Case("page-owner-on-256M", "page_owner", "256M", cmdline="page_owner=on", timeout=90))
    # issue 15: fragment, compact, order 9 and 16 MiB contiguous; the
    # instruction counts under -icount, and the same under debug_pagealloc
    for mem, t in (("512M", 150), ("2G", 240)):
        C.append(Case("compact-%s" % mem, "compact", mem, timeout=t,
                      extra=["-icount", "shift=0"]))
    C.append(Case("compact-debug-pagealloc", "compact", "512M", timeout=150,
                  cmdline="debug_pagealloc=on page_poison=on"))


    # issue 17: the PAE kernel with RAM above 4 GiB, and the ISO's choice of
    # kernel.  RAM above 4 GiB needs qemu-system-x86_64 (same pc machine and
    # SeaBIOS): qemu-system-i386 boots Orderly at -m 6G too, but not Linux's
    # 686-pae, so the reference and these cases share the emulator.  No case
    # writes every page (QEMU would allocate all of the guest's RAM on the
    # host): boot cases touch mem_map only, selftest=paging samples 16 frames
    # above 4 GiB (paging_frames_above_4g).
    X86_64 = "qemu-system-x86_64"
    FRAMES = {"paging.paging_frames_above_4g": "RAM above 4 GiB, PAE kernel"}
    if release_iso:
        # the default GRUB entry: PAE where cpuid -p says so, else orderly.elf
        C.append(Case("pae-iso-bios-6G", "boot", "6G", timeout=120, release_iso=True,
                      binary=X86_64, expect={"paging": "PAE", "nx": True,
                                             "at_least": {"MemTotal": 6136332, "LowTotal": 746116}}))
        C.append(Case("pae-iso-pentium3-nopae", "boot", "5G", timeout=120, release_iso=True,
                      extra=["-cpu", "pentium3,-pae"],
                      expect={"paging": "2 levels", "above_4g": True}))
    C.append(Case("pae-boot-bios-16G", "boot", "16G", timeout=150, pae=True, binary=X86_64,
                  expect={"paging": "PAE", "at_least": {"MemTotal": 16520168, "LowTotal": 644192}}))
    # boot cost at 16G under -icount (guest instructions): at most 25 per managed page
    C.append(Case("pae-boot-icount-16G", "boot", "16G", timeout=240, pae=True, binary=X86_64,
                  extra=["-icount", "shift=0"],
                  expect={"paging": "PAE", "boot_per_page_max": 25}))
    C.append(Case("pae-boot-uefi-8G", "boot", "8G", uefi=True, timeout=150, pae=True,
                  expect={"paging": "PAE"}))
    C.append(Case("pae-boot-highmem-2G", "boot", "6G", cmdline="highmem=2G", timeout=120,
                  pae=True, binary=X86_64, expect={"paging": "PAE", "highmem": 2 * GiB}))
    # qemu-system-i386 works with RAM above 4 GiB once its CPU has PSE-36:
    # the default qemu32 claims PAE without CPUID 0x80000008 (36 address bits
    # by the SDM) but QEMU implements 32, so the first PTE above 4 GiB takes
    # a reserved-bit #PF (error code 0x8) - QEMU's model is at fault, not
    # the guest (Linux 686-pae dies the same way there)
    C.append(Case("pae-selftest-i386-pse36", "selftest", "6G", cmdline="selftest=paging",
                  timeout=120, pae=True, extra=["-cpu", "qemu32,+pse36"],
                  expect={"paging": "PAE"}, must_run=FRAMES))
    C.append(Case("pae-shell-16G", "pae-shell", "16G", timeout=150, pae=True, binary=X86_64,
                  expect={"paging": "PAE"}))
    # the APs turn EFER.NXE on before loading the PAE tables (boot/trampoline.asm)
    C.append(Case("pae-selftest-smp2-nx", "selftest", "256M", cmdline="selftest=smp", timeout=120,
                  pae=True, binary=X86_64, extra=["-smp", "2", "-accel", "tcg,thread=multi"],
                  expect={"smp": (2, 2), "paging": "PAE", "nx": True}))
    C.append(Case("pae-selftest-cutmem-above-4g", "selftest", "6G", cmdline="selftest=paging",
                  cutmem=[("5G", "5632M")], timeout=150, pae=True, binary=X86_64,
                  expect={"paging": "PAE", "nx": True, "hole": (5 * GiB, 5632 * MiB)},
                  must_run=FRAMES))
    # issue 16, mm side: the per-CPU page lists with every CPU allocating at once
    # (suite pcp_smp; the plain selftest-smp2/smp4 cases run it too); 1G has HighMem.
    # N vCPU threads on a loaded 2-core host convoy on the ticket zone->lock
    # (-smp 8: 70 s instead of 3), so these run their vCPUs round-robin in one
    # thread; selftest-smp{2,4}-bios and -smp4-uefi run the suite multi-threaded
    for name, n, mem, uefi, cmd, t, acc in (
            ("selftest-pcp-smp4-1G-bios", 4, "1G", False, "selftest=pcp_smp", 120, "single"),
            ("selftest-pcp-smp8-bios", 8, "256M", False, "selftest=pcp_smp", 120, "single"),
            ("selftest-pcp-smp4-maxcpus1", 4, "256M", False, "selftest=pcp_smp maxcpus=1", 120, "multi")):
        C.append(Case(name, "selftest", mem, uefi=uefi, cmdline=cmd, timeout=t,
                      extra=["-smp", str(n), "-accel", "tcg,thread=" + acc],
                      expect={"smp": (n, 1 if "maxcpus=1" in cmd else n)}))
    # a 1 MiB cutmem hole every 7 MiB across 1 GiB: no free range holds
    # mem_map (8 MiB, one memblock block), so RAM above 768 MiB (6 MiB of
    # 32-byte struct pages) is clipped with one line instead of a BUG_ON;
    # both kernels (PAE: the same 32-byte struct page)
    for pae in (False, True):
        C.append(Case("%sboot-bios-cutmem-every-7m" % ("pae-" if pae else ""), "boot", "1G",
                      timeout=90, pae=pae,
                      cutmem=[("%dM" % (7 * k), "%dM" % (7 * k + 1)) for k in range(1, 147)],
                      expect={"mem_limit": 768 * MiB,
                              "log": [r"^mem_map: no 8192 KiB block free below 896 MiB; "
                                      r"RAM above 0x0000000030000000 ignored \(218 MiB\)$",
                                      r"^768MB LOWMEM available\.$"],
                              "no_log": [r"bytes of RAM ignored", r"memblock_alloc: Failed"]}))
    shell = load_shell_session()
    if shell is not None:
        C.append(Case("shell-session", "shell", getattr(shell, "MEM", "2G"),
                      cmdline=getattr(shell, "CMDLINE", ""),
                      timeout=getattr(shell, "TIMEOUT", 240)))
    C.sort(key=lambda c: (-c.timeout - (60 if c.uefi else 0), c.name))
    return C


def load_shell_session():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shell_session.py")
    if not os.path.exists(path):
        return None
    import importlib
    return importlib.import_module("shell_session")


# ------------------------------------------------------------ log checks

MEMORY_RE = re.compile(r"^Memory: (\d+)K/(\d+)K available \(.*?(\d+)K reserved", re.M)


def parse_e820(text):
    """The first e820 table in the log: [(start, end_inclusive, type)]."""
    m = E820_HDR_RE.search(text)
    if not m:
        return None
    table = []
    for line in text[m.end():].lstrip("\n").splitlines():
        e = E820_RE.match(line)
        if not e:
            break
        table.append((int(e.group(1), 16), int(e.group(2), 16), e.group(3)))
    return table


def parse_zones(text):
    """{"DMA": (start, end_inclusive) or None, ...} from the Zone ranges block."""
    m = re.search(r"^Zone ranges:\s*$", text, re.M)
    if not m:
        return None
    zones = {}
    for line in text[m.end():].lstrip("\n").splitlines():
        z = ZONE_RE.match(line)
        if not z:
            break
        zones[z.group(1)] = None if z.group(4) else (int(z.group(2), 16), int(z.group(3), 16))
    return zones


def parse_meminfo(text):
    info = {}
    for m in MEMINFO_RE.finditer(text):
        info.setdefault(m.group(1), int(m.group(2)) * KiB)
    return info


def check_memory_model(case, text):
    """Errors (list of str) in the memory model the kernel printed.

    From the e820 table: the usable RAM below 4 GiB, and its top.  Then:
    DMA ends below 16 MiB, Normal lies in [16 MiB, 896 MiB), HighMem above
    Normal; a zone whose range the machine's RAM does not reach is "empty"
    (no Normal at 16 MiB, no HighMem up to 896 MiB); highmem=<size> gives a
    HighMem zone of exactly that size; MemTotal is the usable RAM minus
    what the kernel keeps (never more, and less by at most 2% + 8 MiB);
    LowTotal + HighTotal = MemTotal; mem= caps MemTotal; a hole (cutmem,
    memmap=) appears in no zone's usable RAM.
    """
    errs = []
    e820 = parse_e820(text)
    if not e820:
        return ["no e820 table (\"BIOS-provided physical RAM map:\" + BIOS-e820 lines)"]
    # the PAE kernel keeps RAM up to 64 GiB (the boot line says which kernel ran)
    top = PAE_LIMIT if re.search(r"^paging: PAE", text, re.M) else FOUR_GIB
    usable = [(s, e) for s, e, t in e820 if t == "usable" and s < top]
    ram_top = max((min(e + 1, top) for s, e in usable), default=0)
    limit = case.expect.get("mem_limit")
    highmem_size = case.expect.get("highmem")
    if highmem_size and ram_top > LOWMEM_LIMIT:
        # highmem_pfn_init(): max_pfn = 896 MiB + highmem=, RAM above it unused
        limit = LOWMEM_LIMIT + highmem_size
    ram = sum(min(e + 1, top) - s for s, e in usable)
    if limit:
        ram = sum(max(0, min(e + 1, limit) - s) for s, e in usable)
        ram_top = min(ram_top, limit)
    hole = case.expect.get("hole")
    if hole:
        # the hole must not be usable in the map the kernel works with
        if hole and any(s < hole[1] and e >= hole[0] for s, e in usable) and \
           "memmap" not in case.cmdline:
            errs.append("e820 still has usable RAM in the cutmem hole %#x-%#x" % hole)
        if "memmap" in case.cmdline:
            ram -= hole[1] - hole[0]
    if case.expect.get("above_4g") and not ABOVE4G_RE.search(text):
        errs.append("no line saying how much RAM above 4 GiB was ignored")
    paging = case.expect.get("paging")
    if paging and not re.search(r"^paging: " + re.escape(paging), text, re.M):
        errs.append("not the %r kernel (no 'paging: %s' line)" % (paging, paging))
    if case.expect.get("nx") and "NX (Execute Disable) protection: active" not in text:
        errs.append("NX not turned on (no 'NX (Execute Disable) protection: active' line)")
    if top == PAE_LIMIT and ABOVE4G_RE.search(text):
        errs.append("the PAE kernel ignored RAM above 4 GiB")

    zones = parse_zones(text)
    if zones is None:
        errs.append("no \"Zone ranges:\" block")
        return errs
    for z in ("DMA", "Normal", "HighMem"):
        if z not in zones:
            errs.append("Zone ranges: no %s line" % z)
    if errs:
        return errs
    dma, normal, high = zones["DMA"], zones["Normal"], zones["HighMem"]
    if dma is None or dma[1] >= DMA_LIMIT:
        errs.append("DMA zone %s should end below 16 MiB" % (dma,))
    lowmem_top = min(ram_top, LOWMEM_LIMIT)
    if highmem_size and ram_top <= LOWMEM_LIMIT:
        lowmem_top = ram_top - highmem_size
    if lowmem_top <= DMA_LIMIT:
        if normal is not None:
            errs.append("Normal zone %#x-%#x with only %d MiB of RAM: it should be empty"
                        % (normal[0], normal[1], ram_top >> 20))
    elif normal is None:
        errs.append("Normal zone empty with RAM up to %#x" % ram_top)
    elif normal[0] != DMA_LIMIT or normal[1] >= LOWMEM_LIMIT:
        errs.append("Normal zone %#x-%#x outside [16 MiB, 896 MiB)" % normal)
    elif normal[1] + 1 < lowmem_top - 4 * MiB or normal[1] + 1 > lowmem_top:
        errs.append("Normal zone ends at %#x; expected about %#x" % (normal[1] + 1, lowmem_top))
    if ram_top <= LOWMEM_LIMIT and not highmem_size:
        if high is not None:
            errs.append("HighMem zone %#x-%#x with RAM only up to %d MiB: it should be empty"
                        % (high[0], high[1], ram_top >> 20))
    elif high is None:
        errs.append("HighMem zone empty with RAM up to %d MiB%s"
                    % (ram_top >> 20, " and highmem=" if highmem_size else ""))
    else:
        if normal and high[0] != normal[1] + 1:
            errs.append("HighMem starts at %#x, not right after Normal (%#x)" % (high[0], normal[1] + 1))
        if highmem_size and abs((high[1] + 1 - high[0]) - highmem_size) > 4 * MiB:
            errs.append("HighMem zone spans %d MiB; highmem= asked for %d MiB"
                        % ((high[1] + 1 - high[0]) >> 20, highmem_size >> 20))

    mi = parse_meminfo(text)
    if "MemTotal" not in mi:
        errs.append("no meminfo (MemTotal: ... kB) in the boot log")
        return errs
    total = mi["MemTotal"]
    slack = ram // 50 + 8 * MiB
    if total > ram:
        errs.append("MemTotal %d kB exceeds the usable RAM in the e820 table (%d kB)"
                    % (total >> 10, ram >> 10))
    elif total < ram - slack:
        errs.append("MemTotal %d kB: %d kB of %d kB usable RAM unaccounted for (allowed %d kB)"
                    % (total >> 10, (ram - total) >> 10, ram >> 10, slack >> 10))
    # exact accounting: "Memory: AK/BK available (... CK reserved, ...)" where
    # B is every whole usable page of the e820 table, C what the kernel
    # keeps (image, mem_map, page tables, BIOS area), A = MemTotal = B - C
    mm = MEMORY_RE.search(text)
    if not mm:
        errs.append("no 'Memory: NK/NK available (... NK reserved ...)' line")
    else:
        avail, present, reserved = (int(mm.group(i)) * KiB for i in (1, 2, 3))
        if avail != total:
            errs.append("Memory: %dK available but MemTotal %d kB" % (avail >> 10, total >> 10))
        if avail + reserved != present:
            errs.append("Memory: %dK available + %dK reserved != %dK present"
                        % (avail >> 10, reserved >> 10, present >> 10))
        if not limit and not highmem_size and "memmap" not in case.cmdline:
            # whole usable pages, less page 0 and [640 KiB, 1 MiB): never
            # RAM (Linux's trim_bios_range())
            pages = sum(max(0, (min(e + 1, top) >> 12) - ((s + 4095) >> 12)) for s, e in usable)
            pages -= sum(max(0, min((e + 1) >> 12, 0x100) - max((s + 4095) >> 12, 0xa0)) +
                         (1 if s == 0 and e >= 4095 else 0) for s, e in usable)
            if present != pages << 12:
                errs.append("Memory: %dK present, but the e820 table has %dK of whole usable pages"
                            % (present >> 10, pages << 2))
    # target: boot cost per managed page (the boot table, under -icount: instructions)
    per_page = case.expect.get("boot_per_page_max")
    if per_page:
        m = re.search(r"^\s*mm total\s+\d+\s+([\d.]+) \((\d+) managed pages\)", text, re.M)
        if not m:
            errs.append("no 'mm total' line in the boot table")
        elif float(m.group(1)) > per_page:
            errs.append("boot costs %s instructions per managed page (%s pages), more than %s"
                        % (m.group(1), m.group(2), per_page))
    # targets: at least what Linux 6.1 686-pae keeps on the same machine
    for key, kb in case.expect.get("at_least", {}).items():
        if mi.get(key, 0) < kb * KiB:
            errs.append("%s %d kB: below Linux 686-pae's %d kB" % (key, mi.get(key, 0) >> 10, kb))
    if "LowTotal" in mi and "HighTotal" in mi and mi["LowTotal"] + mi["HighTotal"] != total:
        errs.append("LowTotal + HighTotal != MemTotal (%d + %d != %d kB)"
                    % (mi["LowTotal"] >> 10, mi["HighTotal"] >> 10, total >> 10))
    if "HighTotal" in mi:
        if high is None and mi["HighTotal"]:
            errs.append("HighTotal %d kB without a HighMem zone" % (mi["HighTotal"] >> 10))
        if highmem_size and abs(mi["HighTotal"] - highmem_size) > 4 * MiB:
            errs.append("HighTotal %d kB; highmem= asked for %d kB"
                        % (mi["HighTotal"] >> 10, highmem_size >> 10))
    return errs


CPU_REFUSED_RE = re.compile(
    r"^This kernel requires an i686 CPU, but only detected an i586 CPU\.\r?\n"
    r"Unable to boot - please use a kernel appropriate for your CPU\.", re.M)


def check_log_lines(case, text):
    """Errors for a case's expect["log"] (regexes that must match a line of
    the log) and expect["no_log"] (regexes that must match none)."""
    errs = ["no line matching /%s/" % p for p in case.expect.get("log", ())
            if not re.search(p, text, re.M)]
    errs += ["a line matches /%s/" % p for p in case.expect.get("no_log", ())
             if re.search(p, text, re.M)]
    return errs


def check_smp(case, text):
    """Errors in the CPU bring-up lines, for a case with expect["smp"] =
    (CPUs in the MADT, CPUs to be brought up): Linux's smpboot lines, every
    CPU announced on the node line, and the ones left out reported."""
    if "smp" not in case.expect:
        return []
    allowed, up = case.expect["smp"]
    errs = []
    if not re.search(r"^smpboot: Allowing %d CPUs, 0 hotplug CPUs$" % allowed, text, re.M):
        errs.append("no 'smpboot: Allowing %d CPUs, 0 hotplug CPUs'" % allowed)
    if not re.search(r"^smp: Brought up 1 node, %d CPUs?$" % up, text, re.M):
        errs.append("no 'smp: Brought up 1 node, %d CPU(s)'" % up)
    if up > 1:
        m = re.search(r"^x86: Booting SMP configuration:\n\.\.\.\. node  #0, CPUs:(.*)$", text, re.M)
        want = " ".join("#%d" % i for i in range(1, up))
        if not m or m.group(1).split() != want.split():
            errs.append("node line does not list CPUs %s" % want)
    if up < allowed and not re.search(r"^smp: %d CPUs? not started \(maxcpus=%d\)$" % (allowed - up, up),
                                      text, re.M):
        errs.append("the %d CPUs left out are not reported" % (allowed - up))
    if "do_boot_cpu failed" in text:
        errs.append("a CPU did not answer")
    return errs


KTAP_SUITE_RE = re.compile(r"^    # Subtest: (\S+)\s*$")
KTAP_CASE_RE = re.compile(r"^    (ok|not ok) \d+ (\S+)(?: # SKIP(?: (.*?))?)?\s*$")


def parse_ktap(text):
    """The case results of the kernel's KTAP output, in order:
    [("suite.case", "ok" | "not ok" | "skip", skip reason or None)].
    Case lines are the indented "ok N name [# SKIP reason]" lines of a
    subtest (lib/kunit.c); other console lines in between are ignored."""
    results, suite = [], None
    for line in text.splitlines():
        m = KTAP_SUITE_RE.match(line)
        if m:
            suite = m.group(1)
            continue
        m = KTAP_CASE_RE.match(line)
        if m and suite:
            skipped = m.group(1) == "ok" and " # SKIP" in line
            results.append((suite + "." + m.group(2), "skip" if skipped else m.group(1),
                            (m.group(3) or "") if skipped else None))
    return results


def check_ktap(case, text, counts):
    """Errors (list of str) in what the selftest ran: the KTAP results must
    add up to the summary line's @counts (passed, failed, skipped); every
    skip must be one that @case.may_skip allows, for the reason it gives;
    every test of @case.must_run must be there and not skipped.  A name in
    either list that the kernel does not have is an error too (a renamed
    test must not leave its check behind)."""
    errs = []
    counts = tuple(counts)
    results = parse_ktap(text)
    got = {}
    for name, verdict, reason in results:
        if name in got:
            errs.append("KTAP: %s reported twice" % name)
        got[name] = (verdict, reason)
    tally = tuple(sum(1 for v, _ in got.values() if v == w) for w in ("ok", "not ok", "skip"))
    if tally != counts:
        errs.append("KTAP results (%d ok, %d not ok, %d skipped) do not add up to the summary line"
                    " (%d passed, %d failed, %d skipped)" % (tally + counts))
    for name, (verdict, reason) in got.items():
        if verdict != "skip":
            continue
        if name in case.must_run:
            errs.append("%s skipped (%s) but must run here: %s" % (name, reason, case.must_run[name]))
        elif name not in case.may_skip:
            errs.append("unexpected skip: %s (%s)" % (name, reason))
        elif reason != case.may_skip[name]:
            errs.append("%s skipped for '%s'; allowed here only for '%s'"
                        % (name, reason, case.may_skip[name]))
    for name in list(case.must_run) + list(case.may_skip):
        if name not in got:
            errs.append("%s is in the case's must-run/may-skip list but not in the KTAP output" % name)
    return errs


def fatal_line(text):
    m = FATAL_RE.search(text)
    return m.group(0).strip() if m else None


# ------------------------------------------------------------ running

class Result:
    def __init__(self, case, ok, message, q):
        self.case, self.ok, self.message, self.q = case, ok, message, q


def case_kernel(case, args):
    return args.kernel_pae if case.pae else args.kernel


def run_case(case, args):
    iso = kernel = None
    cmdline = case.cmdline
    if case.release_iso:
        iso = args.iso
    elif args.direct and not case.uefi and not case.cutmem:
        kernel = case_kernel(case, args)
    else:
        iso = qemu.build_case_iso(case_kernel(case, args), cmdline, case.cutmem)
    q = qemu.Qemu(case.name, iso=iso, kernel=kernel, mem=case.mem, uefi=case.uefi,
                  cmdline=cmdline if kernel else "", timeout=case.timeout * args.timeout_scale,
                  extra=case.extra, binary=case.binary)
    try:
        with q:
            ok, msg = drive(case, q)
    except qemu.QemuError as e:
        ok, msg = False, str(e)
    except Exception:
        ok, msg = False, "harness error:\n" + traceback.format_exc()
    if q.timed_out and ok:
        ok, msg = False, "hard timeout"
    return Result(case, ok, msg, q)


def drive(case, q):
    if case.kind == "boot":
        try:
            q.expect(READY_RE)
            if case.expect.get("boot_per_page_max"):
                # the boot table follows ready; wait for the whole line
                q.expect(re.compile(r"^\s*mm total\s+\d+\s+[\d.]+ \(\d+ managed pages\)", re.M))
        except qemu.QemuError as e:
            return False, str(e)
        q.close()	# stop it now; the log is complete up to ready
        errs = []
        if not E820_HDR_RE.search(q.text) or not E820_RE.search(q.text):
            errs.append("no e820 table before the ready line")
        fatal = fatal_line(q.text)
        if fatal:
            errs.append("fatal: " + fatal)
        errs += check_memory_model(case, q.text)
        errs += check_log_lines(case, q.text)
        return (not errs), "; ".join(errs) or "ready"

    if case.kind == "cpu-refused":
        # Linux's arch/x86/boot/cpu.c words, then nothing: the kernel halts
        try:
            q.expect(CPU_REFUSED_RE)
        except qemu.QemuError as e:
            return False, str(e)
        status = q.wait(timeout=3)
        q.close()
        errs = []
        if status is not None:
            errs.append("QEMU exited (%s): the kernel should halt" % qemu.describe_exit(status))
        if READY_RE.search(q.text):
            errs.append("the kernel went on to the ready line")
        return (not errs), "; ".join(errs) or "refused with Linux's message, halted"

    if case.kind == "selftest":
        status = q.wait()
        text = q.text
        if q.timed_out:
            return False, "hard timeout (%.0fs): the kernel hung" % q.timeout
        m = None
        for m in SUMMARY_RE.finditer(text):
            pass
        errs = []
        if not m:
            errs.append("no summary line '# orderly selftest: ...'")
        else:
            passed, failed, skipped = map(int, m.groups())
            if failed:
                bad = re.findall(r"^\s*not ok \d+ (\S+)", text, re.M)
                errs.append("%d failed (%s)" % (failed, ", ".join(bad[:8])))
            if not passed:
                errs.append("no test passed")
            # the summary is the last thing the kernel says before it exits
            rest = [l for l in text[m.end():].splitlines() if l.strip()]
            if len(rest) > 3:
                errs.append("%d lines after the summary line" % len(rest))
        if status != qemu.EXIT_PASS:
            errs.append("QEMU exit %s, want %d" % (qemu.describe_exit(status), qemu.EXIT_PASS))
        fatal = fatal_line(text)
        if fatal:
            errs.append("fatal: " + fatal)
        if m:
            errs += check_ktap(case, text, map(int, m.groups()))
        errs += check_memory_model(case, text)
        errs += check_smp(case, text)
        if errs:
            return False, "; ".join(errs)
        ran = ""
        if 0 < len(case.must_run) <= 2:
            ran = "; ran " + ", ".join(sorted(case.must_run))
        elif case.must_run:
            ran = "; the %d must-run tests ran" % len(case.must_run)
        return True, "%s passed, %s failed, %s skipped (allowed here)%s" % (m.groups() + (ran,))

    if case.kind == "bench":
        try:
            q.expect(re.compile(r"^bench: done", re.M))
        except qemu.QemuError as e:
            return False, str(e)
        q.close()
        text = q.text
        errs = []
        for what in (r"bench: 1 order-0 alloc\+free pair: \d+ cycles",
                     r"bench: 3 order 10 alloc\+free pair: \d+ cycles",
                     r"bench: 4 churn 50%: \d+ ops .* p99\.9 \d+",
                     r"bench: 6 get_zeroed_page hot: \d+ cycles",
                     r"instructions per managed page|per managed page"):
            if not re.search(what, text):
                errs.append("missing /%s/" % what)
        if re.search(r"^bench: failed", text, re.M):
            errs.append("bench failed")
        fatal = fatal_line(text)
        if fatal:
            errs.append("fatal: " + fatal)
        # the performance gate's boot row (bench/budget.csv, bench/gate.py)
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
        sys.path.insert(0, os.path.join(root, "bench"))
        import gate  # noqa: E402
        gate_errs, gate_row = gate.check_boot_text(text, os.path.join(root, "bench", "budget.csv"))
        errs += gate_errs
        m = re.search(r"bench: 1 order-0 alloc\+free pair: (\d+) cycles", text)
        return (not errs), "; ".join(errs) or "order-0 pair %s instructions; %s" % (
            m.group(1) if m else "?", gate_row)

    if case.kind == "reboot":
        try:
            q.expect_prompt()
            q.sendline("reboot")
            q.expect(re.compile(r"^reboot: Restarting system", re.M))
        except qemu.QemuError as e:
            return False, str(e)
        status = q.wait(timeout=20)
        errs = []
        if status is None:
            errs.append("QEMU still running 20 s after 'reboot': no reset happened")
        elif status != 0:
            errs.append("QEMU exit %s, want 0 (reset with -no-reboot)" % qemu.describe_exit(status))
        triple = "triple faulting" in q.text
        no_kbc = "i8042=off" in " ".join(case.extra)
        if no_kbc and not triple:
            errs.append("no keyboard controller, but no fallback to a triple fault")
        if not no_kbc and triple:
            errs.append("the keyboard controller reset did not work")
        fatal = fatal_line(q.text)
        if fatal:
            errs.append("fatal: " + fatal)
        return (not errs), "; ".join(errs) or ("reset by triple fault" if triple else "reset by the 8042")

    if case.kind == "fragment":
        return drive_fragment(case, q)

    if case.kind == "page_owner":
        return drive_page_owner(case, q)
    if case.kind == "compact":
        return drive_compact(case, q)

    if case.kind == "shell":
        shell = load_shell_session()
        return shell.run(q)

    if case.kind == "pae-shell":
        return drive_pae_shell(case, q)
    raise ValueError(case.kind)


def drive_pae_shell(case, q):
    """The shell on the PAE kernel with RAM above 4 GiB: e820 shows that RAM,
    a HighMem block lands above 4 GiB, is kmap()ed, written with memset and
    read back with hexdump through the kmap; page <pfn> takes its 6-digit
    pfn.  Touches two pages of the guest."""
    q.expect_prompt()
    errs = check_memory_model(case, q.text)
    out = q.command("e820")
    if not re.search(r"^BIOS-e820: \[mem 0x0000000100000000-0x[0-9a-f]+\] usable$", out, re.M) or \
       not re.search(r"^e820: \[mem 0x0000000100000000-0x[0-9a-f]+\] usable$", out, re.M):
        errs.append("e820: no usable RAM at 4 GiB in both maps")
    out = q.command("alloc_pages 1 GFP_HIGHUSER")
    m = re.search(r"page=(0x[0-9a-f]+) pfn=0x([0-9a-f]+) order=1 zone=HighMem phys=0x([0-9a-f]+) virt=NULL", out)
    if not m:
        return False, "; ".join(errs + ["alloc_pages 1 GFP_HIGHUSER: %r" % out])
    page, pfn, phys = m.group(1), int(m.group(2), 16), int(m.group(3), 16)
    if pfn < 1 << 20 or phys != pfn << 12:
        errs.append("HighMem block at pfn %#x phys %#x: not above 4 GiB" % (pfn, phys))
    m = re.search(r"virt=(0x[0-9a-f]+)", q.command("kmap " + page))
    if not m:
        return False, "; ".join(errs + ["kmap gave no address"])
    virt = m.group(1)
    if "memset %s 0xab: 64 bytes" % virt not in q.command("memset %s 0xab 64" % virt):
        errs.append("memset through the kmap refused")
    dump = q.command("hexdump %s 80" % virt).splitlines()
    if len(dump) < 3 or not dump[0].endswith("ab ab ab ab ab ab ab ab  ab ab ab ab ab ab ab ab  |................|") \
       or dump[1] != "*":
        errs.append("hexdump does not show the 0xab bytes: %r" % dump[:3])
    if "pfn:%#x" % pfn not in q.command("page %#x" % pfn):
        errs.append("page %#x: not that pfn" % pfn)
    if "free_all: freed 1 blocks (2 pages)" not in q.command("free_all"):
        errs.append("free_all did not free the block")
    return (not errs), "; ".join(errs) or "pfn %#x (phys %#x) memset and hexdump through kmap" % (pfn, phys)


PTI_FREE_RE = re.compile(r"^Node +(\d+), zone +(\w+), type +(\w+) ((?: +\d+){11}) *$", re.M)
BUDDY_RE = re.compile(r"^Node (\d+), zone +(\w+) ((?: +\d+){11}) *$", re.M)
BLOCKS_RE = re.compile(r"^Node (\d+), zone +(\w+) ((?: +\d+){5}) *$", re.M)
GROUPING_RE = re.compile(r"^Built 1 zonelists, mobility grouping (on|off)\.  Total pages: (\d+)$", re.M)
SHARE_RE = re.compile(r"^fragment: Normal free (\d+) pages, (\d+) of them allocatable as order-9 "
                      r"blocks \((\d+)\.(\d)%\)$", re.M)


def check_pagetypeinfo(q, errs, when):
    """pagetypeinfo's free counts, summed over the types, equal buddyinfo;
    its header is Linux's; every zone has a block count line."""
    q.command("drain")
    pti = q.command("pagetypeinfo")
    buddy = q.command("buddyinfo")
    if not pti.startswith("Page block order: 10\nPages per block:  1024\n"):
        errs.append("%s: pagetypeinfo header: %r" % (when, pti[:60]))
    sums = {}
    for m in PTI_FREE_RE.finditer(pti):
        counts = [int(x) for x in m.group(4).split()]
        key = m.group(2)
        sums[key] = [a + b for a, b in zip(sums.get(key, [0] * 11), counts)]
    want = {m.group(2): [int(x) for x in m.group(3).split()] for m in BUDDY_RE.finditer(buddy)}
    if not want or sums != want:
        errs.append("%s: pagetypeinfo free counts %s != buddyinfo %s" % (when, sums, want))
    blocks = {m.group(2): [int(x) for x in m.group(3).split()] for m in BLOCKS_RE.finditer(pti)}
    if set(blocks) != set(want):
        errs.append("%s: 'Number of blocks type' zones %s, buddyinfo %s" % (when, sorted(blocks), sorted(want)))
    return blocks


def drive_fragment(case, q):
    """Boot with grouping on or off, check the boot line and pagetypeinfo
    against buddyinfo, run `fragment 1 10`, check the order-9 share it
    reports against `alloc_pages 9`, and that free_all gives every page
    back."""
    on = "page_group_by_mobility=off" not in case.cmdline
    errs = []
    try:
        q.expect_prompt()
        m = GROUPING_RE.search(q.text)
        if not m or (m.group(1) == "on") != on:
            errs.append("boot line 'Built 1 zonelists, mobility grouping %s' missing" % ("on" if on else "off"))
        check_pagetypeinfo(q, errs, "after boot")
        q.command("drain")
        boot_buddy = q.command("buddyinfo")
        out = q.command("fragment 1 10", timeout=120)
        m = SHARE_RE.search(out)
        if not m:
            errs.append("fragment: no share line in %r" % out[-300:])
            share = None
        else:
            share = int(m.group(3)) + int(m.group(4)) / 10.0
            if on and share < 50:
                errs.append("grouping on: order-9 share %.1f%% < 50%%" % share)
            if not on and share > 20:
                errs.append("grouping off: order-9 share %.1f%% > 20%%" % share)
        check_pagetypeinfo(q, errs, "after fragment")
        out = q.command("alloc_pages 9 GFP_KERNEL|__GFP_MOVABLE")
        if share is not None and share > 0 and "page allocation failure" in out:
            errs.append("fragment reported order-9 blocks, alloc_pages 9 failed")
        q.command("free_all")
        q.command("drain")
        if q.command("buddyinfo") != boot_buddy:
            errs.append("free_all did not restore the boot buddyinfo")
    except qemu.QemuError as e:
        return False, str(e)
    fatal = fatal_line(q.text)
    if fatal:
        errs.append("fatal: " + fatal)
    return (not errs), "; ".join(errs) or "grouping %s, order-9 share %s%%" % ("on" if on else "off", share)


ALLOC_PFN_RE = re.compile(r"^page=0x[0-9a-f]+ pfn=0x([0-9a-f]+) order=(\d+) ", re.M)
OWNER_HEAD_RE = re.compile(r"^Page allocated via order (\d+), mask (0x[0-9a-f]+)\(([^)]*)\), "
                           r"pid 0, ts (\d+) ns\nPFN (0x[0-9a-f]+) type (\w+) Block (\d+) "
                           r"type (\w+) Flags (0x[0-9a-f]+)\(([^)]*)\)\n", re.M)


def drive_page_owner(case, q):
    """page_owner=on: the boot line; `page_owner <pfn>` of a block the shell
    allocated has Linux's record format, the right order, mask and type,
    and a trace through the shell's alloc command, for the head and a page
    inside; `page` (dump_page) adds the owner; bad pfns, a reserved and a
    freed page get one error line; the summary counts the block."""
    errs = []
    try:
        q.expect_prompt()
        if not re.search(r"^page_owner: on, \d+ KiB of records", q.text, re.M):
            errs.append("no 'page_owner: on' boot line")
        out = q.command("alloc_pages 2 GFP_KERNEL|__GFP_MOVABLE")
        m = ALLOC_PFN_RE.search(out)
        if not m:
            return False, "alloc_pages 2: no pfn in %r" % out
        pfn = int(m.group(1), 16)
        for p in (pfn, pfn + 3):
            rec = q.command("page_owner 0x%x" % p)
            h = OWNER_HEAD_RE.search(rec)
            if not h:
                errs.append("page_owner 0x%x: not Linux's record format: %r" % (p, rec[:200]))
                continue
            if (h.group(1), h.group(3), h.group(6)) != ("2", "GFP_KERNEL|__GFP_MOVABLE", "Movable"):
                errs.append("page_owner 0x%x: order/mask/type %s" % (p, h.group(1, 3, 6)))
            if int(h.group(5), 16) != p or int(h.group(7)) != p >> 10:
                errs.append("page_owner 0x%x: PFN %s Block %s" % (p, h.group(5), h.group(7)))
            if not re.search(r"^ (do_alloc|cmd_alloc_pages)\+0x", rec, re.M):
                errs.append("page_owner 0x%x: the shell's allocation site is not in the trace:\n%s"
                            % (p, rec))
        dump = q.command("page 0x%x" % pfn)
        if "page_owner tracks the page as allocated" not in dump or "cmd_alloc_pages+0x" not in dump:
            errs.append("page (dump_page) does not show the owner: %r" % dump[-300:])
        summary = q.command("page_owner")
        if not re.search(r"^page_owner: \d+ blocks, \d+ pages allocated:.* Movable \d+", summary, re.M):
            errs.append("summary: %r" % summary[:200])
        bad = {"page_owner 0xfffffff": "error: pfn 0xfffffff is outside mem_map",
               "page_owner 0xa0": "error: pfn 0xa0 is reserved",
               "page_owner zz": "error: "}
        for cmd, want in bad.items():
            out = q.command(cmd)
            if not out.startswith(want) or out.count("\n") > 1:
                errs.append("%s: want one line %r, got %r" % (cmd, want, out))
        q.command("free_all")
        out = q.command("selftest page_owner", timeout=60)
        if not re.search(r"^ok \d+ page_owner$", out, re.M) or "not ok" in out:
            errs.append("selftest page_owner: %r" % out[-400:])
        out = q.command("page_owner 0x%x" % pfn)
        if not out.startswith("error: pfn 0x%x is free (last allocated via order 2" % pfn):
            errs.append("freed page: %r" % out)
    except qemu.QemuError as e:
        return False, str(e)
    fatal = fatal_line(q.text)
    if fatal:
        errs.append("fatal: " + fatal)
    return (not errs), "; ".join(errs) or "page_owner record and trace of pfn 0x%x" % pfn


COMPACT_RE = re.compile(r"^compact: Normal: migrated (\d+) pages \((\d+) could not move\), "
                        r"scanned (\d+) \+ (\d+) free, order-9 blocks (\d+) -> (\d+)$", re.M)
UPTIME_RE = re.compile(r"^up (\d+)\.(\d{6}) s", re.M)
EXTFRAG_RE = re.compile(r"^extfrag_index:\n(?:.*\n)*?Node 0, zone   Normal((?: +-?\d\.\d{3}){11}) *$", re.M)


def drive_compact(case, q):
    """`fragment 1 10 50` (half the movable pages stay: no order-9 block),
    extfrag's index says fragmentation, `compact Normal` moves pages and
    makes at least 70% of free Normal memory order-9 blocks (timed by
    uptime: under -icount shift=0 a guest ns is an instruction), vmstat
    counted it, pagetypeinfo still equals buddyinfo, `alloc_pages 9` and
    `alloc_contig 4096` (16 MiB) succeed, and free_all restores the boot
    buddyinfo; then bad input (a zero, too large or unparsable count, a
    range across the hole below 1 MiB, a freed #id, an empty zone) gets one
    error line each and changes nothing."""
    errs = []
    try:
        q.expect_prompt()
        q.command("drain")
        boot_buddy = q.command("buddyinfo")
        out = q.command("fragment 1 10 50", timeout=180)
        m = SHARE_RE.search(out)
        free = int(m.group(1)) if m else 0
        if not m or int(m.group(3)) >= 10:
            errs.append("fragment 1 10 50: want an order-9 share under 10%%: %r" % out[-200:])
        m = EXTFRAG_RE.search(q.command("extfrag"))
        if not m or float(m.group(1).split()[10]) <= 0.5:
            errs.append("extfrag: Normal's order-10 index should say fragmentation (> 0.500)")
        t0 = UPTIME_RE.search(q.command("uptime"))
        out = q.command("compact Normal", timeout=180)
        t1 = UPTIME_RE.search(q.command("uptime"))
        m = COMPACT_RE.search(out)
        if not m or not t0 or not t1:
            return False, "compact: unexpected answer %r" % out[-300:]
        migrated, failed, after = int(m.group(1)), int(m.group(2)), int(m.group(6))
        ns = (int(t1.group(1)) * 10**6 + int(t1.group(2)) - int(t0.group(1)) * 10**6
              - int(t0.group(2))) * 1000
        share = 100.0 * after * 512 / free if free else 0
        if failed or not migrated:
            errs.append("compact: migrated %d, %d could not move" % (migrated, failed))
        if share < 70:
            errs.append("compact: order-9 share %.1f%% < 70%%" % share)
        vm = dict(l.split() for l in q.command("vmstat").splitlines() if len(l.split()) == 2)
        if int(vm.get("pgmigrate_success", 0)) < migrated or not int(vm.get("compact_isolated", 0)):
            errs.append("vmstat does not count the migration: %r" % vm)
        check_pagetypeinfo(q, errs, "after compact")
        out = q.command("alloc_pages 9")
        if "order=9" not in out:
            errs.append("alloc_pages 9 after compact: %r" % out[-200:])
        out = q.command("alloc_contig 4096", timeout=120)
        if "nr_pages=4096" not in out:
            errs.append("alloc_contig 4096: %r" % out[-300:])
        q.command("free_all", timeout=60)
        q.command("drain")
        if q.command("buddyinfo") != boot_buddy:
            errs.append("free_all did not restore the boot buddyinfo")
        # bad input: one error line each, nothing changed
        out = q.command("alloc_page GFP_KERNEL|__GFP_MOVABLE")
        m = re.search(r" id=(#\d+)$", out, re.M)
        freed = m.group(1) if m else "#0"
        q.command("free_page " + freed)
        bad = ["alloc_contig 0", "alloc_contig 99999999", "alloc_contig x",
               "alloc_contig_range 0x9f 4", "migrate " + freed, "free_contig " + freed,
               "hexdump #99999"]
        if case.mem == "512M":
            bad.append("compact HighMem")
        for cmd in bad:
            lines = [l for l in q.command(cmd).splitlines() if l.strip()]
            if len(lines) != 1 or not lines[0].startswith("error: "):
                errs.append("%r: want one 'error: ' line, got %r" % (cmd, lines[:3]))
        q.command("drain")
        if q.command("buddyinfo") != boot_buddy:
            errs.append("bad input changed buddyinfo")
    except qemu.QemuError as e:
        return False, str(e)
    fatal = fatal_line(q.text)
    if fatal:
        errs.append("fatal: " + fatal)
    icount = "-icount" in case.extra
    return (not errs), "; ".join(errs) or (
        "migrated %d pages in %.1f ms of guest time (%d %s per page), order-9 share after "
        "%.1f%%, alloc_contig 16 MiB ok"
        % (migrated, ns / 1e6, ns // max(migrated, 1),
           "instructions" if icount else "guest ns", share))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", default=os.path.join(qemu.BUILD, "orderly.elf"))
    ap.add_argument("--kernel-pae", default=os.path.join(qemu.BUILD, "orderly-pae.elf"),
                    help="the PAE kernel, for the pae-* cases")
    ap.add_argument("--iso", help="the release ISO (make iso): one case boots its default entry; "
                    "the other cases build their own ISO from --kernel")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("-k", dest="pattern", help="only cases whose name contains this (comma list)")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--direct", action="store_true",
                    help="boot SeaBIOS cases with -kernel (Multiboot v1) instead of GRUB")
    ap.add_argument("--timeout-scale", type=float,
                    default=float(os.environ.get("ORDERLY_TIMEOUT_SCALE", "1")))
    ap.add_argument("--tail", type=int, default=20, help="log lines shown for a failure")
    args = ap.parse_args()

    cases = matrix(args.iso if args.iso and os.path.exists(args.iso) else None)
    if args.pattern:
        pats = args.pattern.split(",")
        cases = [c for c in cases if any(p in c.name for p in pats)]
    if args.list:
        for c in cases:
            print("%-28s %-8s -m %-5s %-7s %s%s" % (c.name, c.kind, c.mem, "OVMF" if c.uefi else "SeaBIOS",
                                                 c.cmdline, " cutmem %s-%s" % c.cutmem[0] if c.cutmem else ""))
        return 0
    if not os.path.exists(args.kernel):
        print("run_tests: %s not found (make all)" % args.kernel)
        return 2
    t0 = time.monotonic()
    # build the ISOs first, one at a time (grub-mkrescue is quick; cached)
    for c in cases:
        if not c.release_iso and not (args.direct and not c.uefi and not c.cutmem):
            qemu.build_case_iso(case_kernel(c, args), c.cmdline, c.cutmem)
    print("qemu: %d cases, %d at a time, logs in %s" % (len(cases), args.jobs,
                                                        os.path.relpath(qemu.LOG_DIR)), flush=True)
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futs = [pool.submit(run_case, c, args) for c in cases]
        for f in concurrent.futures.as_completed(futs):
            r = f.result()
            t = r.q.elapsed()
            if r.ok:
                passed += 1
                print("PASS %s (%.1fs) %s" % (r.case.name, t, r.message), flush=True)
            else:
                failed += 1
                print("FAIL %s (%.1fs) %s; see %s" % (r.case.name, t, r.message,
                                                     os.path.relpath(r.q.log_path)), flush=True)
                for line in (r.q.lines()[-args.tail:] if args.tail > 0 else []):
                    print("    | " + line)
                sys.stdout.flush()
    print("qemu: wall time %.0fs" % (time.monotonic() - t0))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
