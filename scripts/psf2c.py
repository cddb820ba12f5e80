#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Convert a Linux console font (PSF1 or PSF2, optionally gzipped) into
drivers/font8x16.c: 256 glyphs of 8x16 pixels indexed by Latin-1 code
point, so that the byte the kernel prints is the glyph it draws.

The PSF's Unicode table says which glyph draws which code point; code
points the font lacks get the glyph for '?' (0x00-0x1f and 0x7f-0x9f,
control characters, get a blank).  Used once to generate the committed
file, not by the build:

  python3 scripts/psf2c.py /usr/share/consolefonts/Lat15-VGA16.psf.gz \
      > drivers/font8x16.c

Debian's console-setup-linux package provides the fonts; Lat15-VGA16 is
made from u_vga16.bdf (Copyright (c) 2000, 2001 Dmitry Bolkhovityanov,
X11-style permission notice, reproduced in the generated file).
"""
import gzip
import os
import struct
import sys

LICENCE = """\
 * Glyphs: Lat15-VGA16 from Debian's console-setup (bdf2psf of
 * u_vga16.bdf), converted by scripts/psf2c.py.  Licence of the source:
 *
 *   Copyright (c) 2000, 2001 by Dmitry Bolkhovityanov.  All Rights Reserved.
 *
 *   Permission is hereby granted, free of charge, to any person obtaining
 *   a copy of this software and associated documentation files (the
 *   "Software"), to deal in the Software without restriction, including
 *   without limitation the rights to use, copy, modify, merge, publish,
 *   distribute, sublicense, and/or sell copies of the Software, and to
 *   permit persons to whom the Software is furnished to do so, subject to
 *   the following conditions:
 *
 *   The above copyright notice and this permission notice shall be
 *   included in all copies or substantial portions of the Software.
 *
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
 *   EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
 *   MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
 *   IN NO EVENT SHALL THE XFREE86 PROJECT BE LIABLE FOR ANY CLAIM, DAMAGES
 *   OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 *   OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
 *   THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 *
 *   Except as contained in this notice, the name of Dmitry Bolkhovityanov
 *   shall not be used in advertising or otherwise to promote the sale, use
 *   or other dealings in this Software without prior written authorization
 *   from the Dmitry Bolkhovityanov.
"""


def read_psf(data):
    """-> (list of glyph bitmaps (bytes), {codepoint: glyph index})"""
    if data[:2] == b"\x36\x04":
        mode, height = data[2], data[3]
        n = 512 if mode & 1 else 256
        width, off, bpg = 8, 4, height
        glyphs = [data[off + i * bpg: off + (i + 1) * bpg] for i in range(n)]
        table = {}
        if mode & 2:
            p = off + n * bpg
            for g in range(n):
                while True:
                    (u,) = struct.unpack_from("<H", data, p)
                    p += 2
                    if u == 0xFFFF:
                        break
                    if u != 0xFFFE:
                        table.setdefault(u, g)
        return glyphs, table, width, height
    if data[:4] == b"\x72\xb5\x4a\x86":
        _, hdr, flags, n, bpg, height, width = struct.unpack_from("<7I", data, 4)
        glyphs = [data[hdr + i * bpg: hdr + (i + 1) * bpg] for i in range(n)]
        table = {}
        if flags & 1:
            p = hdr + n * bpg
            for g in range(n):
                while data[p] != 0xFF:
                    # UTF-8 sequences; 0xFE starts combining sequences
                    if data[p] == 0xFE:
                        while data[p] != 0xFF:
                            p += 1
                        break
                    ln = 1 if data[p] < 0x80 else 2 if data[p] < 0xE0 else 3 if data[p] < 0xF0 else 4
                    table.setdefault(ord(data[p:p + ln].decode("utf-8")), g)
                    p += ln
                p += 1
        return glyphs, table, width, height
    raise SystemExit("psf2c: not a PSF1/PSF2 font")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/consolefonts/Lat15-VGA16.psf.gz"
    data = open(path, "rb").read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    glyphs, table, width, height = read_psf(data)
    if width != 8 or height != 16:
        raise SystemExit("psf2c: need an 8x16 font, got %dx%d" % (width, height))
    if not table:
        table = {i: i for i in range(min(256, len(glyphs)))}
    out = []
    out.append("// SPDX-License-Identifier: MIT AND GPL-2.0")
    out.append("/*")
    out.append(" * The built-in 8x16 console font, indexed by Latin-1 code point: byte c")
    out.append(" * is drawn by font8x16[c][0..15], one byte per pixel row, bit 7 the")
    out.append(" * leftmost pixel.  Control characters are blank; characters the font")
    out.append(" * lacks are drawn as '?'.  GENERATED from %s -- do not edit."
               % os.path.basename(path))
    out.append(" *")
    out.append(LICENCE.rstrip("\n"))
    out.append(" */")
    out.append("#include <linux/font.h>")
    out.append("")
    out.append("const u8 font8x16[256][16] = {")
    for c in range(256):
        if c < 0x20 or 0x7F <= c < 0xA0:
            rows = bytes(16)
        else:
            rows = glyphs[table.get(c, table.get(ord("?"), 0))]
        ch = chr(c) if 0x20 <= c < 0x7F else None
        label = (" /* %r */" % ch) if ch and ch not in "*/\\" else " /* 0x%02x */" % c
        out.append("\t[0x%02x] = { %s },%s" % (c, ", ".join("0x%02x" % b for b in rows), label))
    out.append("};")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
