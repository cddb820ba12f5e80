#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write the seed corpora of tests/fuzz/ (run from the repository root).

fuzz_multiboot2: Multiboot2 information as GRUB builds it on QEMU with
SeaBIOS (16M, 2G, 4G) and OVMF (tags 6 and 17, EFI64, RGB framebuffer,
ACPI 2.0 RSDP), plus an EFI-map-only, a meminfo-only and a real laptop map.
fuzz_e820: the same maps as raw 20-byte records, and dense overlapping
tables in the compact 5-byte encoding (see fuzz_e820.c).
"""
import os
import struct

RAM, RES, ACPI, NVS = 1, 2, 3, 4


def qemu_map(top, above4g=0):
    m = [(0, 0x9fc00, RAM), (0x9fc00, 0x400, RES), (0xf0000, 0x10000, RES),
         (0x100000, top - 0x20000 - 0x100000, RAM), (top - 0x20000, 0x20000, RES),
         (0xfeffc000, 0x4000, RES), (0xfffc0000, 0x40000, RES)]
    if above4g:
        m.append((1 << 32, above4g, RAM))
    return m


OVMF_1G = [(0, 0xa0000, RAM), (0x100000, 0x700000, RAM), (0x800000, 0x8000, NVS),
           (0x808000, 0x3000, RAM), (0x80b000, 0x1000, NVS), (0x80c000, 0x4000, RAM),
           (0x810000, 0xf0000, NVS), (0x900000, 0x3dfee000, RAM),
           (0x3e8ee000, 0x24a000, RES), (0x3eb38000, 0xc000, ACPI),
           (0x3eb44000, 0x80000, NVS), (0x3ebc4000, 0x396000, RES),
           (0x3ef5a000, 0xfa6000, RAM), (0x3ff00000, 0x100000, RES),
           (0xb0000000, 0x10000000, RES), (0xffc00000, 0x400000, RES)]

LAPTOP = [(0x0, 0x58000, RAM), (0x58000, 0x1000, RES), (0x59000, 0x33000, RAM),
          (0x8c000, 0x74000, RES), (0x100000, 0x3ff00000, RAM), (0x40000000, 0x400000, RES),
          (0x40400000, 0x67aea000, RAM), (0xa7eea000, 0x1000, NVS), (0xa7eeb000, 0x1000, RES),
          (0xa7eec000, 0x8f95000, RAM), (0xb0e81000, 0x1d000, RES), (0xb0e9e000, 0xd2a000, RAM),
          (0xb1bc8000, 0x2fe000, RES), (0xb1ec6000, 0x20b0000, RAM), (0xb3f76000, 0xb1a000, RES),
          (0xb4a90000, 0x12f9000, NVS), (0xb5d89000, 0x75000, ACPI), (0xb5dfe000, 0x1000, RAM),
          (0xb5dff000, 0xa201000, RES), (0xe0000000, 0x10000000, RES),
          (0xfd000000, 0x1800000, RES), (0xfee00000, 0x1000, RES), (0xff800000, 0x800000, RES),
          (0x100000000, 0x33e800000, RAM)]


class MB2:
    def __init__(self):
        self.b = bytearray(8)

    def tag(self, typ, payload):
        self.b += struct.pack('<II', typ, 8 + len(payload)) + payload
        while len(self.b) % 8:
            self.b += b'\0'

    def end(self):
        self.tag(0, b'')
        struct.pack_into('<II', self.b, 0, len(self.b), 0)
        return bytes(self.b)


def mmap_tag(m):
    return struct.pack('<II', 24, 0) + b''.join(struct.pack('<QQII', a, s, t, 0) for a, s, t in m)


def efi_tag(m):
    # e820 type -> a plausible EFI type (RAM as conventional, others kept apart)
    efi = {RAM: 7, RES: 0, ACPI: 9, NVS: 10}
    d = b''.join(struct.pack('<IIQQQQQ', efi[t], 0, a, 0, s >> 12, 0xf, 0) for a, s, t in m)
    return struct.pack('<II', 48, 1) + d


def rsdp(rev):
    r = bytearray(36)
    r[0:8] = b'RSD PTR '
    r[9:15] = b'BOCHS '
    r[15] = rev
    struct.pack_into('<I', r, 16, 0x7ffe1234)
    r[8] = (-sum(r[:20])) & 0xff
    if rev >= 2:
        struct.pack_into('<I', r, 20, 36)
        r[32] = (-sum(r)) & 0xff
        return bytes(r)
    return bytes(r[:20])


def fb_ega():
    return struct.pack('<QIIIBBH', 0xb8000, 160, 80, 25, 16, 2, 0)


def fb_rgb():
    return struct.pack('<QIIIBBH', 0x80000000, 4096, 1024, 768, 32, 1, 0) + bytes([16, 8, 8, 8, 0, 8])


def seabios(m, cmdline=b'selftest', top_kib=0):
    b = MB2()
    b.tag(1, cmdline + b'\0')
    b.tag(2, b'GRUB 2.06-13+deb12u1\0')
    b.tag(4, struct.pack('<II', 639, top_kib or 2096000))
    b.tag(5, struct.pack('<IIII', 0xe0, 0xffffffff, 0xffffffff, 0)[:12])
    b.tag(6, mmap_tag(m))
    b.tag(8, fb_ega())
    b.tag(14, rsdp(0))
    return b.end()


def ovmf(cmdline=b''):
    b = MB2()
    b.tag(1, cmdline + b'\0')
    b.tag(2, b'GRUB 2.06-13+deb12u1\0')
    b.tag(4, struct.pack('<II', 640, 1047552))
    b.tag(6, mmap_tag(OVMF_1G))
    b.tag(8, fb_rgb())
    b.tag(12, struct.pack('<Q', 0x3fe8e018))
    b.tag(15, rsdp(2))
    b.tag(17, efi_tag(OVMF_1G))
    b.tag(20, struct.pack('<Q', 0x3e3c2a98))   # EFI64 image handle: ignored
    return b.end()


def efi_only():
    b = MB2()
    b.tag(12, struct.pack('<Q', 0x3fe8e018))
    b.tag(17, efi_tag(OVMF_1G))
    return b.end()


def meminfo_only():
    b = MB2()
    b.tag(1, b'quiet\0')
    b.tag(4, struct.pack('<II', 639, 130048))
    return b.end()


def e820_raw(m):
    return b'\0' + b''.join(struct.pack('<QQI', a, s, t) for a, s, t in m)


def e820_compact(recs):
    return b'\x01' + b''.join(struct.pack('<HHB', p, l, t) for p, l, t in recs)


def cutmem_1g(holes=140):
    """GRUB's cutmem of one-MiB holes every 3 MiB from 16 MiB in 1 GiB: more RAM ranges than memblock's static table"""
    m = [(0x0, 0x9fc00, 1), (0x9fc00, 0x400, 2), (0xf0000, 0x10000, 2)]
    at = 0x100000
    for h in range(holes):
        hole = (16 + h * 3) * (1 << 20)
        m.append((at, hole - at, 1))
        at = hole + (1 << 20)
    m.append((at, (1 << 30) - 0x20000 - at, 1))
    m.append(((1 << 30) - 0x20000, 0x20000, 2))
    return m


def write(d, name, data):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def main():
    mb = 'tests/fuzz/corpus/fuzz_multiboot2'
    write(mb, 'seabios_16m', seabios(qemu_map(16 << 20), top_kib=15232))
    write(mb, 'seabios_2g', seabios(qemu_map(2 << 30)))
    write(mb, 'seabios_4g', seabios(qemu_map(3 << 30, 1 << 30), b'loglevel=8'))
    write(mb, 'seabios_512m_params',
          seabios(qemu_map(512 << 20),
                  b'/boot/orderly.elf mem=384M memmap=4M\\$64M highmem=128M debug_pagealloc=on page_poison=1 selftest=buddy'))
    write(mb, 'ovmf_1g', ovmf(b'selftest'))
    write(mb, 'efi_only', efi_only())
    write(mb, 'meminfo_only', meminfo_only())
    write(mb, 'laptop', seabios(LAPTOP, b'quiet foo=bar'))
    write(mb, 'seabios_cutmem_140', seabios(cutmem_1g()))

    e = 'tests/fuzz/corpus/fuzz_e820'
    write(e, 'qemu_2g', e820_raw(qemu_map(2 << 30)))
    write(e, 'qemu_4g', e820_raw(qemu_map(3 << 30, 1 << 30)))
    write(e, 'ovmf_1g', e820_raw(OVMF_1G))
    write(e, 'laptop', e820_raw(LAPTOP))
    write(e, 'cutmem_140', e820_raw(cutmem_1g()))
    # overlaps of every shape, dense: contained, partial, identical, chains, adjacency
    write(e, 'overlaps', e820_compact([(0x0, 0x1000, 1), (0x4, 0x100, 2), (0x8, 0x40, 1),
                                       (0x20, 0x200, 3), (0x30, 0x100, 4), (0x30, 0x100, 4),
                                       (0x50, 0x10, 5), (0x60, 0x10, 1), (0x61, 0x0, 2),
                                       (0x100, 0x80, 7), (0x108, 0x80, 1)]))


if __name__ == '__main__':
    main()
