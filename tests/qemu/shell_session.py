#!/usr/bin/env python3
"""The scripted shell session: drive every shell command over COM1 and check
the answers against a model of the allocator kept here.

  shell_session.py [--kernel build/orderly.elf] [--mem 2G] [--direct] [--seed N] [--cmdline ...]

run_tests.py calls run(q) with a booted machine (qemu.Qemu) and reads
MEM / CMDLINE / TIMEOUT from this module; run(q) returns (ok, message).

What it proves (issue 6, "Done when"):
  1. Every command answers, in the documented format.
  2. Error paths -- bad numbers, order 11 and -1, an unknown GFP flag,
     free_pages of an address never allocated, a double free, a wrong-order
     free, hexdump of an unmapped address, memset outside the shell's
     blocks, a 300-character line, escape sequences and random bytes --
     each print one "error: " line (user errors) or a "BUG" report
     (allocator misuse); after each, buddyinfo is exactly the boot-time
     one and the shell answers the next command.
  3. Several hundred random alloc_*/free_* commands, every answer checked
     against the model: natural alignment, the zone the mask allows,
     page/phys/virt consistent with the pfn, no overlap with a live block,
     __GFP_ZERO and get_zeroed_page blocks zeroed (hexdump samples, after
     the test dirtied freed blocks with memset), `allocs` equal to the
     model; then free_all and the boot-time buddyinfo back exactly.

Per-CPU page lists: buddyinfo does not count pages parked on them, so when
the kernel has `drain`, the test drains before every buddyinfo comparison.
"""

import argparse
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

MEM = "2G"		# HighMem exists above 896 MiB: all three zones are exercised
CMDLINE = ""
TIMEOUT = 420		# seconds for the whole case (TCG)
RANDOM_OPS = 400

PAGE_OFFSET = 0xC0000000
PAGE_SIZE = 4096
MAX_ORDER = 11
DMA_END_PFN = (16 << 20) >> 12
PKMAP_BASE, PKMAP_END = 0xFF800000, 0xFFC00000

COMMANDS = [
    "help", "alloc_pages", "alloc_page", "__get_free_pages", "__get_free_page",
    "get_zeroed_page", "free_pages", "free_page", "__free_pages", "__free_page",
    "page_address", "kmap", "kunmap", "hexdump", "memset", "allocs", "free_all",
    "page", "kmalloc", "kfree", "kmem_cache_create", "kmem_cache_alloc", "kmem_cache_free",
    "kmem_cache_destroy", "slabinfo", "slab",
    "buddyinfo", "zoneinfo", "meminfo", "e820", "memmap", "trace",
    "stress", "drain", "selftest", "bench", "uptime", "version", "poweroff", "reboot",
    "page_owner", "memmap_watch",
    "compact", "migrate", "alloc_contig", "alloc_contig_range", "free_contig", "vmstat", "extfrag",
    "kmaps",
]

ALLOC_RE = re.compile(
    r"^page=0x([0-9a-f]{8}) pfn=0x([0-9a-f]{5,}) order=(\d+) zone=(DMA|Normal|HighMem) "
    r"phys=0x([0-9a-f]{9,}) virt=(0x[0-9a-f]{8}|NULL)(?: id=#\d+)?$", re.M)
FREED_RE = re.compile(r"^freed pfn=0x([0-9a-f]{5,}) order=(\d+)$", re.M)
BUDDY_RE = re.compile(r"^Node (\d+), zone +(\S+)((?: +\d+){%d}) *$" % MAX_ORDER, re.M)
HEX_RE = re.compile(r"^([0-9a-f]{8})  ((?:[0-9a-f]{2} {1,2}){1,16}) *\|(.*)\|$")


class Failure(Exception):
    pass


def check(cond, what, out=None):
    if not cond:
        raise Failure(what + ("" if out is None else "\n--- output ---\n" + out.rstrip()))


class Block:
    def __init__(self, m, api, gfp):
        self.page = int(m.group(1), 16)
        self.pfn = int(m.group(2), 16)
        self.order = int(m.group(3))
        self.zone = m.group(4)
        self.phys = int(m.group(5), 16)
        self.virt = None if m.group(6) == "NULL" else int(m.group(6), 16)
        self.api, self.gfp = api, gfp

    @property
    def lowmem(self):
        return self.zone != "HighMem"

    @property
    def npages(self):
        return 1 << self.order

    def __repr__(self):
        return "pfn 0x%05x order %d %s (%s %s)" % (self.pfn, self.order, self.zone, self.api, self.gfp)


class Session:
    def __init__(self, q, seed=1):
        self.q = q
        self.rng = random.Random(seed)
        self.live = {}			# pfn -> Block: the model of the shell's table
        self.mem_map = None		# struct page address of pfn 0
        self.page_size = None		# sizeof(struct page)
        self.base = None		# boot-time buddyinfo
        self.has_drain = False
        self.max_low_pfn = None
        self.steps = 0

    # ------------------------------------------------------------ plumbing
    def cmd(self, line, timeout=30):
        """Run @line, return its output without the echo line."""
        self.steps += 1
        return self.q.command(line, timeout=timeout)

    def expect_error(self, line, needle=None):
        out = self.cmd(line)
        lines = [l for l in out.splitlines() if l.strip()]
        check(len(lines) == 1 and lines[0].startswith("error: "),
              "%r: want exactly one 'error: ' line" % line, out)
        if needle:
            check(needle in lines[0], "%r: error should mention %r" % (line, needle), out)
        return lines[0]

    def expect_bug(self, line):
        out = self.cmd(line)
        check(re.search(r"^BUG", out, re.M), "%r: want the allocator's BUG report" % line, out)
        check(not FREED_RE.search(out), "%r: misuse must not free anything" % line, out)
        return out

    def buddyinfo(self):
        if self.has_drain:
            self.cmd("drain")
        out = self.cmd("buddyinfo")
        zones = {}
        for m in BUDDY_RE.finditer(out):
            zones[m.group(2)] = [int(x) for x in m.group(3).split()]
        check(zones, "buddyinfo printed no zone line", out)
        return zones, out

    def unchanged(self, after):
        """buddyinfo is the boot-time one and the shell still answers."""
        zones, out = self.buddyinfo()
        check(zones == self.base, "buddyinfo changed after %s:\nboot:\n%s\nnow:\n%s"
              % (after, self.base_text.rstrip(), out.rstrip()))
        ver = self.cmd("version")
        check("Orderly" in ver, "shell did not answer after " + after, ver)

    # ------------------------------------------------------------ model
    def learn_layout(self, b):
        if self.mem_map is None:
            return
        check(b.page == self.mem_map + b.pfn * self.page_size,
              "page=0x%08x does not match mem_map for pfn 0x%x" % (b.page, b.pfn))

    def check_block(self, b, api, gfp, out):
        what = "%s %s -> %r" % (api, gfp, b)
        check(b.pfn % b.npages == 0, "not naturally aligned: " + what, out)
        check(b.phys == b.pfn * PAGE_SIZE, "phys != pfn << 12: " + what, out)
        self.learn_layout(b)
        if b.zone == "DMA":
            check(b.pfn + b.npages <= DMA_END_PFN, "DMA block above 16 MiB: " + what, out)
        else:
            check(b.pfn >= DMA_END_PFN, "non-DMA block below 16 MiB: " + what, out)
        if b.zone == "HighMem":
            check("HIGHMEM" in gfp or "HIGHUSER" in gfp, "HighMem without __GFP_HIGHMEM: " + what, out)
            check(api in ("alloc_pages", "alloc_page"), "address API returned HighMem: " + what, out)
            # NULL, or a PKMAP address left by an earlier kmap of this page:
            # kunmap() is lazy, page_address() answers until the next flush
            check(b.virt is None or PKMAP_BASE <= b.virt < PKMAP_END,
                  "HighMem page with a non-kmap address: " + what, out)
            if self.max_low_pfn:
                check(b.pfn >= self.max_low_pfn, "HighMem pfn below max_low_pfn: " + what, out)
        else:
            check(b.virt == PAGE_OFFSET + b.phys, "lowmem virt != __va(phys): " + what, out)
        if "DMA" in gfp:
            check(b.zone == "DMA", "GFP_DMA served from %s: %s" % (b.zone, what), out)
        for o in self.live.values():
            check(b.pfn + b.npages <= o.pfn or o.pfn + o.npages <= b.pfn,
                  "overlap: %r and live %r" % (b, o), out)

    def alloc(self, api, order=None, gfp=None):
        line = api
        if order is not None:
            line += " %d" % order
        if gfp:
            line += " " + gfp
        out = self.cmd(line)
        m = ALLOC_RE.search(out)
        if not m:
            check(re.search(r"returned (NULL|0)$", out, re.M), "%r: no alloc line" % line, out)
            return None
        b = Block(m, api, gfp or "GFP_KERNEL")
        check(b.order == (order or 0), "%r: order %d in the answer" % (line, b.order), out)
        self.check_block(b, api, gfp or "GFP_KERNEL", out)
        self.live[b.pfn] = b
        if (gfp and "__GFP_ZERO" in gfp) or api == "get_zeroed_page":
            self.check_zeroed(b)
        return b

    def free(self, b, how=None):
        if how is None:
            choices = ["__free_pages"]
            if b.lowmem:
                choices += ["free_pages"]
            if b.order == 0:
                choices += ["__free_page"] + (["free_page"] if b.lowmem else [])
            how = self.rng.choice(choices)
        if how == "free_pages":
            line = "free_pages 0x%08x %d" % (b.virt, b.order)
        elif how == "free_page":
            line = "free_page 0x%08x" % b.virt
        elif how == "__free_pages":
            line = "__free_pages 0x%08x %d" % (b.page, b.order)
        else:
            line = "__free_page 0x%08x" % b.page
        out = self.cmd(line)
        m = FREED_RE.search(out)
        check(m and int(m.group(1), 16) == b.pfn and int(m.group(2)) == b.order,
              "%r: want 'freed pfn=0x%05x order=%d'" % (line, b.pfn, b.order), out)
        check("BUG" not in out, "%r: a legitimate free reported a BUG" % line, out)
        del self.live[b.pfn]

    def hexdump_bytes(self, addr, length):
        """The bytes hexdump shows for [addr, addr+length), '*' expanded."""
        out = self.cmd("hexdump 0x%08x %d" % (addr, length))
        data = {}
        prev, prev_addr, star = None, None, False
        for l in out.splitlines():
            if l == "*":
                star = True
                continue
            m = HEX_RE.match(l)
            if not m:
                if re.fullmatch(r"[0-9a-f]{8}", l.strip()):
                    end = int(l.strip(), 16)
                    if star and prev is not None:
                        a = prev_addr + 16
                        while a < end:
                            data[a] = prev
                            a += 16
                    continue
                raise Failure("hexdump: unexpected line %r\n%s" % (l, out))
            a = int(m.group(1), 16)
            row = bytes(int(x, 16) for x in m.group(2).split())
            if star and prev is not None:
                x = prev_addr + 16
                while x < a:
                    data[x] = prev
                    x += 16
            star = False
            data[a] = row
            prev, prev_addr = row, a
            check(len(m.group(3)) == len(row), "hexdump: ASCII column width", out)
        buf = b"".join(data[a] for a in sorted(data))
        check(len(buf) == length, "hexdump 0x%08x %d gave %d bytes" % (addr, length, len(buf)), out)
        return buf

    def with_mapping(self, b, index, fn):
        """Call fn(addr) with page @index of @b mapped (kmap for HighMem)."""
        if b.lowmem:
            return fn(b.virt + index * PAGE_SIZE)
        page = b.page + index * self.page_size
        out = self.cmd("kmap 0x%08x" % page)
        m = re.search(r"^virt=0x([0-9a-f]{8})$", out, re.M)
        check(m, "kmap of a HighMem page", out)
        try:
            return fn(int(m.group(1), 16))
        finally:
            out = self.cmd("kunmap 0x%08x" % page)
            check("unmapped" in out, "kunmap", out)

    def check_zeroed(self, b):
        for index in sorted({0, b.npages - 1}):
            data = self.with_mapping(b, index, lambda a: self.hexdump_bytes(a, PAGE_SIZE))
            check(data == bytes(PAGE_SIZE), "%r: page %d not zeroed" % (b, index))

    def dirty(self, b):
        """Fill a block with 0xa5 so a later __GFP_ZERO has work to do."""
        if b.lowmem:
            out = self.cmd("memset 0x%08x 0xa5 %d" % (b.virt, b.npages * PAGE_SIZE))
            check(out.startswith("memset"), "memset of a whole block", out)
        else:
            self.with_mapping(b, 0, lambda a: self.cmd("memset 0x%08x 0xa5 4K" % a))

    def allocs_match(self):
        out = self.cmd("allocs")
        seen = {}
        for m in ALLOC_RE.finditer(out):
            seen[int(m.group(2), 16)] = int(m.group(3))
        want = {p: b.order for p, b in self.live.items()}
        check(seen == want, "allocs differs from the model: shell %d blocks, model %d"
              % (len(seen), len(want)), out)
        m = re.search(r"^allocs: (\d+) blocks, (\d+) pages$", out, re.M)
        check(m and int(m.group(1)) == len(want), "allocs summary line", out)

    # ------------------------------------------------------------ parts
    def boot(self):
        self.q.expect(r"^orderly: ready")
        self.q.expect_prompt(timeout=60)
        out = self.cmd("help")
        for c in COMMANDS:
            check(re.search(r"^  %s\b" % re.escape(c), out, re.M), "help does not list " + c, out)
        check(all(len(l) <= 80 for l in out.splitlines()), "help wider than 80 columns", out)
        out = self.cmd("drain")
        self.has_drain = not out.startswith("error:")
        self.base, self.base_text = self.buddyinfo()
        for z in self.base:
            check(z in ("DMA", "Normal", "HighMem"), "buddyinfo zone name %r" % z)
        check("HighMem" in self.base, "no HighMem zone at -m %s" % MEM, self.base_text)
        m = re.search(r"^HighTotal: +(\d+) kB", self.cmd("meminfo"), re.M)
        check(m, "meminfo has no HighTotal")

    def info_commands(self):
        out = self.cmd("help alloc_pages")
        check("alloc_pages <order> [gfp]" in out, "help alloc_pages", out)
        self.expect_error("help nosuch", "unknown command 'nosuch'")
        out = self.cmd("version")
        check(out.startswith("Orderly version"), "version", out)
        out = self.cmd("uptime")
        check(re.match(r"up \d+\.\d{6} s", out), "uptime", out)
        out = self.cmd("meminfo")
        for k in ("MemTotal", "MemFree", "HighTotal", "HighFree", "LowTotal", "LowFree"):
            check(re.search(r"^%s: +\d+ kB$" % k, out, re.M), "meminfo " + k, out)
        out = self.cmd("zoneinfo")
        check(re.search(r"^Node 0, zone +Normal", out, re.M) and "pages free" in out, "zoneinfo", out)
        for m in re.finditer(r"^Node 0, zone +(\S+)\n((?:.*\n)*?)(?=^Node|\Z)", out, re.M):
            sp = re.search(r"start_pfn: +(\d+)", m.group(2))
            if m.group(1) == "HighMem" and sp:
                self.max_low_pfn = int(sp.group(1))
        out = self.cmd("kmaps")
        m = re.search(r"^pkmap: (\d+) in use, (\d+) unused \(flush pending\), (\d+) free of 1024; "
                      r"the scan resumes after slot \d+$", out, re.M)
        check(m and sum(int(g) for g in m.groups()) == 1024, "kmaps: the PKMAP line", out)
        check(re.search(r"^kmap_local: CPU0 depth 0 of 16$", out, re.M), "kmaps: CPU0's kmap_local depth", out)
        for k in ("nr_tlb_remote_flush", "nr_tlb_remote_flush_received", "nr_tlb_local_flush_all"):
            check(re.search(r"^%s \d+$" % k, out, re.M), "kmaps: " + k, out)
        out = self.cmd("e820")
        check(re.search(r"^e820: \[mem 0x[0-9a-f]+-0x[0-9a-f]+\] usable$", out, re.M),
              "e820 working map", out)
        # the firmware's map, line for line as the boot log printed it
        boot_map = re.findall(r"^BIOS-e820: .*$", self.q.text[:self.q.text.find("orderly: ready")], re.M)
        check(boot_map and re.findall(r"^BIOS-e820: .*$", out, re.M) == boot_map,
              "e820 prints the boot log's BIOS-e820 lines", out)
        for args in ("", " DMA", " Normal", " HighMem"):
            out = self.cmd("memmap" + args)
            check(all(len(l) <= 80 for l in out.splitlines()), "memmap%s wider than 80" % args, out)
            check("legend:" in out, "memmap%s legend" % args, out)
            check(re.search(r"^zone (DMA|Normal|HighMem)", out, re.M), "memmap%s zones" % args, out)
        self.expect_error("memmap Moon", "no zone")
        out = self.cmd("page 0x100")
        check("0x00100" in out or "pfn:100" in out or "pfn:0x100" in out, "page 0x100 (dump_page)", out)
        self.expect_error("page 0xfffffff", "outside mem_map")
        out = self.cmd("trace")
        check(out.strip() == "trace: off", "trace state", out)
        self.unchanged("the report commands")

    def learn_mem_map(self):
        a = self.alloc("alloc_page")
        b = self.alloc("alloc_pages", 1, "GFP_DMA")
        self.page_size = (a.page - b.page) // (a.pfn - b.pfn)
        self.mem_map = a.page - a.pfn * self.page_size
        check(16 <= self.page_size <= 32 and self.page_size % 4 == 0,
              "sizeof(struct page) = %d: at most 32 (Linux/i386)" % self.page_size)
        self.learn_layout(b)
        out = self.cmd("page_address 0x%08x" % a.page)
        check(out.strip() == "virt=0x%08x" % a.virt, "page_address of a lowmem page", out)
        self.free(a)
        self.free(b)
        self.unchanged("alloc/free of two pages")

    def line_editing(self):
        q = self.q
        # Tab completion, then history recall of the completed line
        q.send("buddyi\t\r")
        out = q.expect_prompt()
        check(BUDDY_RE.search(out), "Tab did not complete buddyinfo", out)
        q.send("\x1b[A\r")
        out = q.expect_prompt()
        check(BUDDY_RE.search(out), "Up did not recall buddyinfo", out)
        # Backspace, DEL, Ctrl-U
        q.send("versiox\x7fn\r")
        check("Orderly version" in q.expect_prompt(), "DEL editing")
        q.send("versiox\bn\r")
        check("Orderly version" in q.expect_prompt(), "Backspace editing")
        q.send("free_all\x15version\r")
        out = q.expect_prompt()
        check("Orderly version" in out and "free_all:" not in out, "Ctrl-U", out)
        # Ctrl-C abandons the line: nothing is allocated
        q.send("alloc_pages 5\x03")
        out = q.expect_prompt()
        check("^C" in out and not ALLOC_RE.search(out), "Ctrl-C", out)
        self.allocs_match()
        self.unchanged("line editing")

    def error_paths(self):
        for bad in ("x", "0x", "1.5", "0xg", "++1", "1K"):
            self.expect_error("alloc_pages " + bad, "bad order")
        self.expect_error("alloc_pages 11", "out of range")
        self.expect_error("alloc_pages -1", "order")
        self.expect_error("alloc_pages 99999999999999999999999", "out of range")
        self.expect_error("__get_free_pages 11 GFP_KERNEL", "out of range")
        self.expect_error("alloc_pages 0 GFP_KERNEL|__GFP_BOGUS", "unknown gfp flag '__GFP_BOGUS'")
        self.expect_error("alloc_page GFP_KERNEL|", "gfp")
        self.expect_error("alloc_page 0x80000000", "gfp")
        self.expect_error("alloc_pages", "usage: alloc_pages <order> [gfp]")
        self.expect_error("alloc_pages 1 GFP_KERNEL extra", "usage")
        self.expect_error("free_pages 0xzz 0", "bad address")
        self.expect_error("free_pages 0xc0000000 12", "out of range")
        self.expect_error("__free_pages 0x12345 0", "not a struct page")
        self.expect_error("__free_pages 0x%08x 0" % (self.mem_map + 1), "not a struct page")
        self.expect_error("kmap 0x1", "not a struct page")
        self.expect_error("hexdump 0x1000", "0x00001000 is not mapped")
        self.expect_error("hexdump 0x0", "is not mapped")
        self.expect_error("hexdump 0xffffff00 512", "runs past")
        self.expect_error("hexdump 0xc0000000 2M", "out of range")
        self.expect_error("memset 0xc0100000 0 16", "not inside a block the shell allocated")
        self.expect_error("memset 0xc0100000 256 16", "out of range")
        self.expect_error("stress 0x", "bad ops")
        self.expect_error("selftest no_such_suite", "no selftest suite")
        self.expect_error("frobnicate 1 2", "unknown command 'frobnicate' (try help)")
        self.expect_error("a b c d e f g h i j", "too many arguments")
        self.unchanged("user errors")

        # a 300-character line is discarded whole, even one that would be
        # a valid command if cut at 255 characters
        self.q.send("alloc_page" + " " * 290 + "\r")
        out = self.q.expect_prompt()
        lines = [l for l in out.splitlines() if l.strip()]
        check(lines and lines[-1] == "error: line too long", "300-character line", out)
        check(not ALLOC_RE.search(out), "part of an over-long line ran", out)
        self.allocs_match()
        self.unchanged("a 300-character line")

        # allocator misuse: the BUG report, and nothing changes
        free_pfn = self.free_normal_pfn()
        self.expect_bug("free_pages 0x%08x 0" % (PAGE_OFFSET + free_pfn * PAGE_SIZE))
        self.unchanged("free_pages of an address never allocated")
        self.expect_bug("__free_pages 0x%08x 0" % (self.mem_map + free_pfn * self.page_size))
        self.unchanged("__free_pages of a page never allocated")
        self.expect_bug("free_pages 0x%08x 0" % (PAGE_OFFSET + 0x100 * PAGE_SIZE))
        self.unchanged("free_pages of a reserved page")

        b = self.alloc("__get_free_page")
        addr = b.virt
        self.free(b, "free_page")
        self.expect_bug("free_page 0x%08x" % addr)
        self.unchanged("a double free")

        b = self.alloc("__get_free_pages", 2)
        self.expect_bug("free_pages 0x%08x 1" % b.virt)
        self.expect_bug("free_pages 0x%08x 3" % b.virt)
        self.allocs_match()
        self.expect_bug("free_pages 0x%08x 0" % (b.virt + PAGE_SIZE))
        self.expect_bug("free_pages 0x%08x 2" % (b.virt + 0x10))
        self.allocs_match()
        self.free(b, "free_pages")
        self.unchanged("wrong-order and tail frees")

        b = self.alloc("alloc_pages", 1, "GFP_HIGHUSER")
        self.expect_bug("__free_pages 0x%08x 0" % b.page)
        self.free(b, "__free_pages")
        self.expect_bug("__free_pages 0x%08x 1" % b.page)
        self.unchanged("HighMem wrong-order and double free")

        out = self.cmd("free_pages 0 3")
        check("nothing to free" in out, "free_pages 0 is a no-op", out)

        # escape sequences and random bytes
        self.q.send(b"\x1b[C\x1b[D\x1b[1;5C\x1b[15~\x1bOP\x1b[?25h\x1bx\x1b[999999999999999999999999Z\x1b")
        self.q.send("\x03")
        self.q.expect_prompt()
        rng = random.Random(2024)
        junk = bytes(rng.randrange(256) for _ in range(3000))
        # Tab could complete a prefix into a command name: keep the junk
        # from ever starting a line with a real command's first letters by
        # the fixed seed, and re-check the state below regardless.
        for i in range(0, len(junk), 300):
            self.q.send(junk[i:i + 300])
        self.q.send("\x03")
        self.q.sendline("echo_marker")
        self.q.expect(r"^error: unknown command 'echo_marker' \(try help\)$", timeout=60)
        self.q.expect_prompt()
        self.allocs_match()
        self.unchanged("escape sequences and random bytes")

    def free_normal_pfn(self):
        """A pfn inside a free order-10 block of ZONE_NORMAL (never allocated)."""
        out = self.cmd("memmap Normal")
        m = re.search(r"^memmap: 1 char = (\d+) pages?", out, re.M)
        check(m, "memmap header", out)
        per = int(m.group(1))
        for l in out.splitlines():
            r = re.match(r"^  0x([0-9a-f]{5,}) (\S+)$", l)
            if not r:
                continue
            start = int(r.group(1), 16)
            for i, ch in enumerate(r.group(2)):
                pfn = start + i * per
                if ch == "A" and pfn > DMA_END_PFN and (self.max_low_pfn is None or pfn < self.max_low_pfn):
                    return pfn + per // 2 + 3
        raise Failure("no free order-10 block in ZONE_NORMAL:\n" + out)

    def highmem(self):
        b = self.alloc("alloc_page", None, "GFP_HIGHUSER")
        check(b and b.zone == "HighMem", "GFP_HIGHUSER page from HighMem", repr(b))
        out = self.cmd("page_address 0x%08x" % b.page)
        check(out.strip() == "virt=NULL", "page_address of an unmapped HighMem page", out)
        out = self.cmd("kmap 0x%08x" % b.page)
        m = re.search(r"^virt=0x([0-9a-f]{8})$", out, re.M)
        check(m, "kmap", out)
        va = int(m.group(1), 16)
        check(PKMAP_BASE <= va < PKMAP_END, "kmap address outside the PKMAP window", out)
        out = self.cmd("page_address 0x%08x" % b.page)
        check(out.strip() == "virt=0x%08x" % va, "page_address follows kmap", out)
        out = self.cmd("kmap 0x%08x" % b.page)
        check(out.strip() == "virt=0x%08x" % va, "second kmap shares the slot", out)
        self.cmd("memset 0x%08x 0x5a 4K" % va)
        check(self.hexdump_bytes(va, 64) == b"\x5a" * 64, "pattern through kmap")
        self.expect_error("memset 0x%08x 0 4097" % va, "not inside")
        out = self.cmd("__free_pages 0x%08x 0" % b.page)
        check(out.startswith("error: ") and "kmapped" in out, "free of a kmapped page refused", out)
        self.cmd("kunmap 0x%08x" % b.page)
        self.cmd("kunmap 0x%08x" % b.page)
        out = self.cmd("kunmap 0x%08x" % b.page)
        check("BUG" in out, "unmatched kunmap reported", out)
        self.expect_error("memset 0x%08x 0 16" % va, "not inside")
        data = self.with_mapping(b, 0, lambda a: self.hexdump_bytes(a, 4096))
        check(data == b"\x5a" * 4096, "pattern survives kunmap/kmap")
        self.free(b)
        self.unchanged("kmap/kunmap")

    def trace(self, zones):
        """trace on: an allocation that must split, a free that must merge."""
        normal = zones["Normal"]
        # order > PAGE_ALLOC_COSTLY_ORDER (3): orders 0..3 are served from /
        # freed to per-CPU lists (Linux 5.13), which neither split nor merge
        k = next((o for o in range(4, MAX_ORDER - 1) if normal[o] == 0 and any(normal[o + 1:])), None)
        if k is None:
            k = 4
        out = self.cmd("trace on")
        check(out.strip() == "trace: on", "trace on", out)
        out = self.cmd("alloc_pages %d" % k)
        m = ALLOC_RE.search(out)
        check(m, "alloc with trace on", out)
        b = Block(m, "alloc_pages", "GFP_KERNEL")
        self.check_block(b, "alloc_pages", "GFP_KERNEL", out)
        self.live[b.pfn] = b
        if normal[k] == 0:
            check(re.search(r"^split: order \d+ pfn 0x[0-9a-f]{5,} -> 2 x order \d+$", out, re.M),
                  "no split line for an order-%d allocation with no free order-%d block" % (k, k), out)
        fout = self.cmd("__free_pages 0x%08x %d" % (b.page, b.order))
        check(FREED_RE.search(fout), "free with trace on", fout)
        del self.live[b.pfn]
        if normal[k] == 0:
            check(re.search(r"^merge: pfn 0x[0-9a-f]{5,} \+ pfn 0x[0-9a-f]{5,} -> order \d+$", fout, re.M),
                  "no merge line when freeing a block split from a bigger one", fout)
        self.trace_sample = (out, fout)
        out = self.cmd("trace off")
        check(out.strip() == "trace: off", "trace off", out)
        self.unchanged("trace on/off")

    def random_session(self, n=RANDOM_OPS):
        rng = self.rng
        gfps = ["GFP_KERNEL", "GFP_KERNEL|__GFP_ZERO", "GFP_DMA", "GFP_DMA|__GFP_ZERO",
                "GFP_HIGHUSER", "GFP_HIGHUSER|__GFP_ZERO", "GFP_ATOMIC", "GFP_USER", "0xd0"]
        for i in range(n):
            if self.live and (len(self.live) >= 120 or rng.random() < 0.45):
                b = rng.choice(list(self.live.values()))
                if rng.random() < 0.3:
                    self.dirty(b)
                self.free(b)
            else:
                order = rng.choice([0] * 6 + [1, 1, 2, 2, 3, 4, 5, 6, 8])
                gfp = rng.choice(gfps)
                api = rng.choice(["alloc_pages", "alloc_pages", "__get_free_pages", "alloc_page",
                                  "__get_free_page", "get_zeroed_page"])
                if api in ("__get_free_pages", "__get_free_page", "get_zeroed_page") and "HIGH" in gfp:
                    gfp = "GFP_KERNEL"	# asking an address API for HighMem is a caller bug
                if api == "get_zeroed_page":
                    gfp = rng.choice([None, "GFP_KERNEL", "GFP_DMA"])
                if api in ("alloc_page", "__get_free_page", "get_zeroed_page"):
                    order = None
                if gfp and "DMA" in gfp and order is not None:
                    order = min(order, 3)	# ZONE_DMA is 16 MiB
                self.alloc(api, order, gfp)
            if i % 50 == 49:
                self.allocs_match()
        self.allocs_match()
        n_live = len(self.live)
        out = self.cmd("free_all")
        m = re.search(r"^free_all: freed (\d+) blocks \((\d+) pages\)$", out, re.M)
        check(m and int(m.group(1)) == n_live, "free_all freed %d blocks" % n_live, out)
        self.live.clear()
        self.allocs_match()
        self.unchanged("%d random alloc/free commands and free_all" % n)

    def stress_and_tests(self):
        out = self.cmd("stress 300 7", timeout=120)
        m = re.search(r"^stress: 300 ops \(seed 7\): (\d+) allocs, (\d+) frees, (\d+) failures, "
                      r"(\d+) integrity errors$", out, re.M)
        check(m and m.group(4) == "0", "stress: integrity errors", out)
        check(re.search(r"^buddyinfo restored: yes$", out, re.M), "stress: buddyinfo restored", out)
        self.unchanged("stress")
        out = self.cmd("selftest shell_parse", timeout=120)
        check(re.search(r"^# orderly selftest: [1-9]\d* passed, 0 failed, 0 skipped$", out, re.M),
              "selftest shell_parse (nothing in it may skip)", out)
        out = self.cmd("selftest readline", timeout=120)
        check(re.search(r"^# orderly selftest: [1-9]\d* passed, 0 failed, 0 skipped$", out, re.M),
              "selftest readline (nothing in it may skip)", out)
        out = self.cmd("bench", timeout=240)
        check(out.startswith("error: ") or "bench: done" in out, "bench", out)
        self.unchanged("selftest and bench")

    def poweroff(self):
        self.q.sendline("poweroff")
        status = self.q.wait(timeout=30)
        check(status is not None, "poweroff did not stop the machine")


def run(q, seed=1):
    """Drive the booted machine @q; return (ok, message)."""
    s = Session(q, seed)
    try:
        s.boot()
        s.learn_mem_map()
        s.info_commands()
        s.line_editing()
        s.error_paths()
        s.highmem()
        s.trace(s.base)
        s.random_session()
        s.stress_and_tests()
        s.poweroff()
    except Failure as e:
        return False, "step %d: %s" % (s.steps, e)
    except qemu.QemuError as e:
        return False, "step %d: %s\n%s" % (s.steps, e, q.tail())
    return True, "%d commands, %d random alloc/free, buddyinfo restored" % (s.steps, RANDOM_OPS)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", default=os.path.join(qemu.BUILD, "orderly.elf"))
    ap.add_argument("--mem", default=MEM)
    ap.add_argument("--direct", action="store_true", help="boot with -kernel instead of a GRUB ISO")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cmdline", default=CMDLINE, help="kernel command line (default %r)" % CMDLINE)
    args = ap.parse_args()
    if args.direct:
        q = qemu.Qemu("shell-session", kernel=args.kernel, mem=args.mem, cmdline=args.cmdline, timeout=TIMEOUT)
    else:
        iso = qemu.build_case_iso(args.kernel, args.cmdline)
        q = qemu.Qemu("shell-session", iso=iso, mem=args.mem, timeout=TIMEOUT)
    with q:
        ok, msg = run(q, args.seed)
    print("%s shell-session (%.0fs): %s" % ("PASS" if ok else "FAIL", q.elapsed(), msg))
    if not ok:
        print("log: " + q.log_path)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
