#!/usr/bin/env python3
"""Write the oracle's initramfs: a newc cpio with a static busybox whose
/init prints Linux's memory reports on the console and powers off.

  initramfs.py BUSYBOX OUT.cpio

Python standard library only; the archive is built in memory (device
nodes included), so no root and no `cpio` binary are needed, and the same
inputs always give the same bytes.
"""

import sys

# Each report between markers that tests/oracle/oracle.py splits on.  The
# vm sysctls are the inputs of the watermark and pcp formulas.
#
# Linux computes lowmem_reserve once, at boot, and the watermarks and pcp
# sizes last when khugepaged raised min_free_kbytes (a late initcall):
# both before free_initmem() and the initrd's release add pages to
# `managed`.  Writing the two sysctls back unchanged makes Linux recompute
# all three from the zone sizes it is about to print (its own sysctl
# handlers: setup_per_zone_wmarks(), which also updates every pcp's high
# and batch, and setup_per_zone_lowmem_reserve()), so that the oracle can
# check the formulas against one consistent set of figures.
# min_free_kbytes is printed first, as boot left it.
INIT = """#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
echo "==== oracle: boot min_free_kbytes"
/bin/busybox cat /proc/sys/vm/min_free_kbytes
/bin/busybox cat /proc/sys/vm/min_free_kbytes > /tmp.mfk
/bin/busybox cat /tmp.mfk > /proc/sys/vm/min_free_kbytes
/bin/busybox cat /proc/sys/vm/lowmem_reserve_ratio > /tmp.lrr
/bin/busybox cat /tmp.lrr > /proc/sys/vm/lowmem_reserve_ratio
for f in /proc/zoneinfo /proc/meminfo /proc/buddyinfo \\
         /proc/sys/vm/min_free_kbytes /proc/sys/vm/watermark_scale_factor \\
         /proc/sys/vm/watermark_boost_factor /proc/sys/vm/lowmem_reserve_ratio \\
         /proc/sys/vm/percpu_pagelist_high_fraction \\
         /sys/kernel/mm/transparent_hugepage/enabled; do
	echo "==== oracle: $f"
	/bin/busybox cat $f
done
echo "==== oracle: end"
/bin/busybox poweroff -f
"""

S_IFDIR, S_IFREG, S_IFCHR, S_IFLNK = 0o040000, 0o100000, 0o020000, 0o120000


def entry(ino, name, mode, data=b"", rdev=(0, 0), nlink=1):
    name_b = name.encode() + b"\0"
    hdr = "070701" + "".join("%08X" % v for v in (
        ino, mode, 0, 0, nlink, 0, len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0))
    out = hdr.encode() + name_b
    out += b"\0" * (-len(out) % 4)
    out += data + b"\0" * (-len(data) % 4)
    return out


def build(busybox):
    files = [
        ("dev", S_IFDIR | 0o755, b"", (0, 0)),
        ("dev/console", S_IFCHR | 0o600, b"", (5, 1)),
        ("proc", S_IFDIR | 0o755, b"", (0, 0)),
        ("sys", S_IFDIR | 0o755, b"", (0, 0)),
        ("bin", S_IFDIR | 0o755, b"", (0, 0)),
        ("bin/busybox", S_IFREG | 0o755, busybox, (0, 0)),
        ("bin/sh", S_IFLNK | 0o777, b"busybox", (0, 0)),
        ("init", S_IFREG | 0o755, INIT.encode(), (0, 0)),
    ]
    out = bytearray()
    for ino, (name, mode, data, rdev) in enumerate(files, 1):
        out += entry(ino, name, mode, data, rdev, 2 if mode & S_IFDIR else 1)
    out += entry(0, "TRAILER!!!", 0)
    out += b"\0" * (-len(out) % 512)
    return bytes(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: initramfs.py BUSYBOX OUT.cpio")
    with open(sys.argv[1], "rb") as f:
        data = build(f.read())
    with open(sys.argv[2], "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
