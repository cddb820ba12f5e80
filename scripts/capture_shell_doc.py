#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Re-capture the example session of docs/shell.md ("## A session").

Boots the kernel in QEMU (from the ISO, as `make run` does, at -m 2G),
types the documented commands on COM1 and prints each code block of the
section as it should read now.  Commands that name an address take it from
an earlier answer (the split block's struct page, the DMA page's lowmem
address, the HighMem page, its kmap address), so the session is the one a
user typing the same lines would see.  The whole serial output is kept
(--log), so every line of the doc can be checked against it:

  make B=/tmp/doccap all iso
  python3 scripts/capture_shell_doc.py --iso /tmp/doccap/orderly.iso \\
      --log /tmp/doccap/shell-session.txt --write

--write replaces the code blocks of the section, in order, in docs/shell.md;
--doc fragmentation does the same for the guided lab docs/labs/fragmentation.md
("## The session", at -m 512M: fragment, compact, alloc_contig);
--check only says whether they still match: a unified diff of the section
and exit status 1 if not, "shell-doc: ... OK" if so (make test-shell-doc,
part of make check).  Nothing in the session depends on time: the
allocator is deterministic, stress takes a seed, and no command prints a
clock, so the blocks are compared byte for byte.
The prose around them quotes numbers from the blocks (the split, the columns
that move, the buddy pfn, the free_all count): check it by hand after a
re-capture; the facts it needs are printed on stderr.
"""
import argparse
import difflib
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "qemu"))
import qemu  # noqa: E402

DOC = os.path.join(ROOT, "docs", "shell.md")
SECTION = "## A session"

# BIG is the order the prose follows through a split and a merge: at -m 2G
# Normal has no free block of it, so the request splits the next larger
# block (main() warns when a capture shows no split or no merge, i.e. when
# the story needs another order).
BIG = 8

# The section's code blocks, in order.  "{name}" is replaced by a value an
# earlier answer printed (see FIELDS); the value is captured from the first
# answer that matches the field's pattern.
BLOCKS = [
    ["buddyinfo", "trace on", "alloc_pages %d" % BIG, "get_zeroed_page GFP_DMA", "buddyinfo"],
    ["memset {dma_virt} 0x41 5", "hexdump {dma_virt} 64", "allocs"],
    ["__free_pages {big_page} %d" % BIG, "free_page {dma_virt}", "buddyinfo", "free_page {dma_virt}"],
    ["trace off", "alloc_page GFP_HIGHUSER", "kmap {high_page}",
     "memset {kmap_virt} 0xee 4K", "hexdump {kmap_virt} 4K", "kunmap {high_page}", "free_all"],
    ["memmap DMA"],
    ["alloc_pages 11", "alloc_pages 0 GFP_KERNEL|__GFP_BOGUS", "hexdump 0x1000", "stress 500 3"],
]

# field: (command whose answer holds it, regex with one group)
FIELDS = {
    "big_page": ("alloc_pages %d" % BIG, r"^page=(0x[0-9a-f]+) "),
    "dma_virt": ("get_zeroed_page GFP_DMA", r" virt=(0x[0-9a-f]+)(?: id=#\d+)?$"),
    "high_page": ("alloc_page GFP_HIGHUSER", r"^page=(0x[0-9a-f]+) "),
    "kmap_virt": ("kmap {high_page}", r"^virt=(0x[0-9a-f]+)$"),
}


# The guided lab of docs/labs/fragmentation.md: fragment with half the
# movable pages held, the order-9 request that fails, why (pagetypeinfo,
# extfrag), compaction and its counters, a block that moves and keeps its
# contents, 16 MiB in one piece, and direct compaction inside an allocation.
LAB_BLOCKS = [
    ["alloc_pages 10 GFP_DMA", "alloc_pages 10 GFP_DMA", "alloc_pages 10 GFP_DMA",
     "fragment 1 10 50"],
    ["alloc_pages 9 GFP_ATOMIC", "alloc_pages 9 GFP_ATOMIC"],
    ["pagetypeinfo", "extfrag"],
    ["compact Normal", "vmstat", "extfrag"],
    ["alloc_pages 9 GFP_KERNEL|__GFP_MOVABLE", "memset #5 0x41 8", "migrate #5", "hexdump #5 16",
     "allocs"],
    ["alloc_contig 4096", "free_contig #6", "free_contig #6", "compact HighMem"],
    ["free_all", "alloc_pages 10 GFP_DMA", "alloc_pages 10 GFP_DMA", "alloc_pages 10 GFP_DMA",
     "fragment 1 10 50", "alloc_pages 9 GFP_ATOMIC", "alloc_pages 9", "vmstat"],
]

# which document: its section, blocks, fields and machine
DOCS = {
    "shell": (DOC, SECTION, BLOCKS, FIELDS, "2G"),
    "fragmentation": (os.path.join(ROOT, "docs", "labs", "fragmentation.md"), "## The session",
                      LAB_BLOCKS, {}, "512M"),
}


def capture(q, blocks=BLOCKS, fields=FIELDS):
    """Run @blocks on @q; return them as lists of text lines."""
    vals = {}
    out_blocks = []
    for block in blocks:
        lines = []
        for tmpl in block:
            cmd = tmpl.format(**vals)
            out = q.command(cmd, timeout=240)
            lines.append(qemu.PROMPT + cmd)
            lines.extend(out.rstrip("\n").split("\n") if out.strip() else [])
            for name, (src, rx) in fields.items():
                if src == tmpl and name not in vals:
                    m = re.search(rx, out, re.M)
                    if not m:
                        raise SystemExit("capture: no %s in the answer to %r:\n%s" % (name, cmd, out))
                    vals[name] = m.group(1)
        out_blocks.append(lines)
    return out_blocks


def replace_blocks(text, blocks, section=SECTION):
    """@text with the code blocks of @section replaced by @blocks, in order."""
    start = text.index(section)
    nxt = text.find("\n## ", start + len(section))
    end = len(text) if nxt < 0 else nxt
    fences = [m.start() for m in re.finditer(r"^```[^\n]*\n", text[start:end], re.M)]
    if len(fences) != 2 * len(blocks):
        raise SystemExit("capture: %s has %d code blocks, the script writes %d"
                         % (section, len(fences) // 2, len(blocks)))
    parts, pos = [], 0
    sec = text[start:end]
    for i, lines in enumerate(blocks):
        open_end = sec.index("\n", fences[2 * i]) + 1
        parts.append(sec[pos:open_end])
        parts.append("\n".join(lines) + "\n")
        pos = fences[2 * i + 1]
    parts.append(sec[pos:])
    return text[:start] + "".join(parts) + text[end:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--iso", default=os.path.join(ROOT, "build", "orderly.iso"),
                     help="boot this ISO, as make run does (default build/orderly.iso)")
    src.add_argument("--kernel", help="boot this ELF directly (-kernel) instead")
    ap.add_argument("--mem", default=None, help="default: the document's (2G; the lab 512M)")
    ap.add_argument("--doc", choices=sorted(DOCS), default="shell",
                    help="docs/shell.md (default) or docs/labs/fragmentation.md")
    ap.add_argument("--log", default=None, help="write the cleaned serial output here")
    ap.add_argument("--write", action="store_true", help="rewrite the blocks in docs/shell.md")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if the blocks in docs/shell.md differ from the capture")
    args = ap.parse_args()
    doc, section, doc_blocks, fields, mem = DOCS[args.doc]

    kw = {"kernel": args.kernel} if args.kernel else {"iso": args.iso}
    log_dir = os.path.dirname(os.path.abspath(args.log)) if args.log else qemu.LOG_DIR
    with qemu.Qemu("capture-" + args.doc, mem=args.mem or mem, timeout=600, log_dir=log_dir,
                   **kw).start() as q:
        q.expect(r"^" + re.escape(qemu.READY_LINE), timeout=180)
        q.expect_prompt(timeout=30)
        blocks = capture(q, doc_blocks, fields)
        text = q.text
    if args.log:
        with open(args.log, "w") as f:
            f.write(text)

    if not args.check:
        for lines in blocks:
            print("```\n" + "\n".join(lines) + "\n```\n")
        facts = [l for b in blocks for l in b
                 if l.startswith(("split:", "merge:", "Node 0", "free_all:", "allocs:"))]
        print("\n".join(facts), file=sys.stderr)
    if args.doc == "shell" and (not any(l.startswith("split:") for l in blocks[0]) or
                                not any(l.startswith("merge:") for l in blocks[2])):
        print("capture: WARNING: alloc_pages %d did not split and merge; "
              "pick another BIG and rewrite the prose" % BIG, file=sys.stderr)
    with open(doc) as f:
        old = f.read()
    new = replace_blocks(old, blocks, section)
    if args.write and new != old:
        with open(doc, "w") as f:
            f.write(new)
    if args.check:
        rel = os.path.relpath(doc, ROOT)
        if new != old:
            sys.stdout.writelines(difflib.unified_diff(
                old.splitlines(True), new.splitlines(True), rel, "the kernel's answers"))
            print("shell-doc: %s's session differs from the kernel (diff above); if the change "
                  "is meant, re-capture with --write and check the prose" % rel)
            sys.exit(1)
        print("shell-doc: %s's session, %d commands in %d blocks, matches the kernel: OK"
              % (rel, sum(len(b) for b in doc_blocks), len(doc_blocks)))


if __name__ == "__main__":
    main()
