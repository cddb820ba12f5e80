#!/bin/bash
# Check that a kernel image will be accepted by the loaders we promise:
#   - a Multiboot2 header (GRUB's multiboot2) and a Multiboot v1 header
#     (qemu -kernel), both 4/8-byte aligned inside the first 8 KiB of the file,
#     as grub-file itself decides when available;
#   - file offsets of the PT_LOAD segments mirror their physical addresses,
#     which the Multiboot v1 a.out-kludge fields (load [load_addr,
#     load_end_addr) straight from the file) rely on.
set -euo pipefail
elf=${1:?usage: check-headers.sh build/orderly.elf}

python3 - "$elf" <<'PY'
import struct, sys
path = sys.argv[1]
data = open(path, "rb").read()
head = data[:8192]
errors = []

def find(magic, align, name, checksum_words):
    for off in range(0, len(head) - 12, align):
        words = struct.unpack_from("<3I", head, off)
        if words[0] != magic:
            continue
        if checksum_words(head, off) & 0xffffffff == 0:
            return off
    errors.append("%s header not found in the first 8 KiB" % name)
    return None

mb2 = find(0xE85250D6, 8, "Multiboot2",
           lambda h, o: sum(struct.unpack_from("<4I", h, o)))
mb1 = find(0x1BADB002, 4, "Multiboot v1",
           lambda h, o: sum(struct.unpack_from("<3I", h, o)))

# ELF32 program headers
phoff, = struct.unpack_from("<I", data, 28)
phentsize, phnum = struct.unpack_from("<HH", data, 42)
loads = []
for i in range(phnum):
    p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz = struct.unpack_from(
        "<6I", data, phoff + i * phentsize)
    if p_type == 1 and p_memsz:
        loads.append((p_offset, p_paddr, p_filesz))
if not loads:
    errors.append("no PT_LOAD segment")
else:
    delta = loads[0][0] - loads[0][1]
    for off, paddr, filesz in loads:
        if filesz and off - paddr != delta:
            errors.append("PT_LOAD at paddr 0x%x: file offset 0x%x does not mirror the "
                          "physical layout (Multiboot v1 a.out kludge would load garbage)"
                          % (paddr, off))
    if mb1 is not None:
        header_addr, load_addr, load_end, bss_end, entry = struct.unpack_from("<5I", head, mb1 + 12)
        if mb1 != loads[0][0] + (load_addr - loads[0][1]) + (header_addr - load_addr):
            errors.append("Multiboot v1 header_addr/load_addr disagree with the file layout")

for e in errors:
    print("check-headers: %s: %s" % (path, e), file=sys.stderr)
sys.exit(1 if errors else 0)
PY

if command -v grub-file >/dev/null; then
	grub-file --is-x86-multiboot2 "$elf" || { echo "check-headers: grub-file rejects $elf as Multiboot2" >&2; exit 1; }
	grub-file --is-x86-multiboot "$elf" || { echo "check-headers: grub-file rejects $elf as Multiboot v1" >&2; exit 1; }
fi
echo "check-headers: $elf: Multiboot2 + Multiboot v1 headers OK"
