#!/usr/bin/env python3
"""The screen and keyboard, with no serial line at all (issue 9).

  screen_test.py [--iso build/orderly.iso] [--kernel build/orderly.elf]
                 [-k PATTERN] [--docs]

Cases:
  screen-bios   SeaBIOS, -vga std, -serial none: the ISO that `make iso`
  screen-uefi   builds, as a user boots it; OVMF the same.
                Keys are typed through QMP `send-key` (the PS/2 keyboard),
                the screen is read back through QMP `screendump`, and the
                test waits for the prompt, runs `buddyinfo` by typing it,
                recalls it with the Up arrow and runs it again, and types
                an unknown command to see the error line.
  screen-bios-vgatext
                the same through `qemu -kernel` (Multiboot v1: no framebuffer
                tag, SeaBIOS leaves 80x25 text mode), which exercises the VGA
                text console; GRUB itself always sets a graphics mode when
                it has a video driver.
  nodefaults-selftest-bios
                -nodefaults -machine pc,i8042=off (no VGA, no serial, no
                keyboard controller: nothing but the board) and
                the `selftest` command line: the kernel must not hang on the
                missing hardware and must leave through isa-debug-exit with
                status 33.  That exit is the only thing it can tell us.
  nohw-bios     the same bare board with COM1 only (-vga none, no i8042,
                `-kernel`): the boot log must say that there is no keyboard
                and no screen, and the shell must answer on COM1.

Reading the screen without OCR:
  * framebuffer (fbcon): the kernel draws 8x16 cells from the top-left
    corner with the font in drivers/font8x16.c on a black background, so
    every cell of the screenshot is turned into its 16x8 bit pattern
    (pixel != background) and looked up in a table built from that same
    font file.  A cell that matches no glyph decodes as '\\x00' and fails
    the expected text.  The cursor's underline (last two pixel rows) is
    tolerated by a second table that ignores those rows.
  * VGA text mode (vgacon): QEMU draws the cells with the VGA BIOS's font,
    not ours, so the characters are read from video memory itself, through
    the QMP human monitor's `xp /2000hx 0xb8000` -- the exact bytes the
    adapter displays.

--docs also writes docs/screen-bios.png and docs/screen-uefi.png (the
final screenshot of each, PPM converted with the standard library's zlib).

For tests/qemu/run_tests.py: run(iso, kernel, pattern=None) runs the cases
and returns a list of (name, ok, message, seconds).
"""

import argparse
import json
import os
import re
import socket
import struct
import subprocess
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

ROOT = qemu.ROOT
FONT_C = os.path.join(ROOT, "drivers", "font8x16.c")
DOCS = os.path.join(ROOT, "docs")
FONT_W, FONT_H = 8, 16
PROMPT = qemu.PROMPT.rstrip()		# "orderly>" (trailing blank is not visible)


# ------------------------------------------------------------------ font

def load_font(path=FONT_C):
    """{code: (16 row bytes)} from the generated C file."""
    font = {}
    rx = re.compile(r"\[0x([0-9a-f]{2})\] = \{([^}]*)\}")
    with open(path) as f:
        for m in rx.finditer(f.read()):
            font[int(m.group(1), 16)] = tuple(int(v, 16) for v in m.group(2).split(","))
    if len(font) != 256:
        raise RuntimeError("%s: %d glyphs, want 256" % (path, len(font)))
    return font


def glyph_tables(font):
    """Two lookups: the full 16 rows, and rows 0-13 only (cursor cell).
    ASCII wins over Latin-1 look-alikes (e.g. 0xa0 is a blank like ' ')."""
    full, top = {}, {}
    order = list(range(0x20, 0x7f)) + list(range(0xa0, 0x100))
    for c in order:
        full.setdefault(font[c], chr(c))
        top.setdefault(font[c][:FONT_H - 2], chr(c))
    return full, top


# ------------------------------------------------------------------ images

def read_ppm(path):
    """(width, height, bytes RGB) of a binary PPM (P6, maxval 255)."""
    with open(path, "rb") as f:
        data = f.read()
    # header: P6 <ws> width <ws> height <ws> maxval <one ws>
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    if fields[0] != b"P6" or int(fields[3]) != 255:
        raise RuntimeError("%s: not an 8-bit P6 PPM" % path)
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos:pos + w * h * 3]


def write_png(path, w, h, rgb):
    """RGB bytes to a PNG: zlib and CRCs from the standard library."""
    def chunk(kind, body):
        c = struct.pack(">I", len(body)) + kind + body
        return c + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
    raw = b"".join(b"\x00" + rgb[y * w * 3:(y + 1) * w * 3] for y in range(h))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)


def decode_fb(w, h, rgb, tables):
    """The text on an fbcon screen: one string per cell row."""
    full, top = tables
    rows = []
    stride = w * 3
    for cy in range(h // FONT_H):
        line = []
        for cx in range(w // FONT_W):
            bits = []
            for r in range(FONT_H):
                o = (cy * FONT_H + r) * stride + cx * FONT_W * 3
                px = rgb[o:o + FONT_W * 3]
                b = 0
                for i in range(FONT_W):
                    if px[3 * i] or px[3 * i + 1] or px[3 * i + 2]:
                        b |= 0x80 >> i
                bits.append(b)
            bits = tuple(bits)
            c = full.get(bits)
            if c is None and bits[FONT_H - 2:] == (0xff, 0xff):
                c = top.get(bits[:FONT_H - 2])
            line.append(c if c is not None else "\x00")
        rows.append("".join(line).rstrip())
    return rows


def cell_colour(w, rgb, cx, cy):
    """The brightest colour in a cell (its foreground), as (r, g, b)."""
    best = (0, 0, 0)
    for r in range(FONT_H):
        o = (cy * FONT_H + r) * w * 3 + cx * FONT_W * 3
        for i in range(FONT_W):
            p = tuple(rgb[o + 3 * i:o + 3 * i + 3])
            if sum(p) > sum(best):
                best = p
    return best


# ------------------------------------------------------------------ QMP

class Qmp:
    def __init__(self, path, deadline):
        self.deadline = deadline
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise qemu.Timeout("QMP socket %s never appeared" % path)
                time.sleep(0.1)
        self.sock.settimeout(30)
        self.buf = b""
        self._read()			# greeting
        self.call("qmp_capabilities")

    def _read(self):
        while b"\n" not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise qemu.Exited("QMP connection closed (QEMU exited)")
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def call(self, cmd, **args):
        msg = {"execute": cmd}
        if args:
            msg["arguments"] = args
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            r = self._read()
            if "return" in r:
                return r["return"]
            if "error" in r:
                raise qemu.QemuError("QMP %s: %s" % (cmd, r["error"].get("desc")))

    def hmp(self, line):
        return self.call("human-monitor-command", **{"command-line": line})

    def close(self):
        self.sock.close()


# what a US keyboard needs for each character: (qcode, shifted)
_QCODE = {" ": ("spc", False), "\n": ("ret", False), "-": ("minus", False),
          "_": ("minus", True), ".": ("dot", False), "/": ("slash", False),
          "=": ("equal", False), ",": ("comma", False), "|": ("backslash", True),
          ":": ("semicolon", True), "'": ("apostrophe", False)}


def key_for(ch):
    if ch.isdigit() or "a" <= ch <= "z":
        return ch, False
    if "A" <= ch <= "Z":
        return ch.lower(), True
    return _QCODE[ch]


def type_text(qmp, text):
    for ch in text:
        code, shift = key_for(ch)
        keys = ([{"type": "qcode", "data": "shift"}] if shift else []) + \
            [{"type": "qcode", "data": code}]
        qmp.call("send-key", keys=keys, **{"hold-time": 20})
        time.sleep(0.05)


def press(qmp, code):
    qmp.call("send-key", keys=[{"type": "qcode", "data": code}], **{"hold-time": 20})
    time.sleep(0.05)


# ------------------------------------------------------------------ screen

class Screen:
    """One machine's screen, read through QMP."""

    def __init__(self, qmp, tmpdir, tables):
        self.qmp, self.tmp, self.tables = qmp, tmpdir, tables
        self.mode = None
        self.last = None	# (w, h, rgb) of the last screendump

    def grab(self):
        path = os.path.join(self.tmp, "screen.ppm")
        if os.path.exists(path):
            os.unlink(path)
        self.qmp.call("screendump", filename=path)
        w, h, rgb = read_ppm(path)
        self.last = (w, h, rgb)
        return w, h, rgb

    def text(self):
        """The screen's rows of text, and how they were read."""
        w, h, rgb = self.grab()
        # QEMU renders VGA text mode as 9x16 (720x400) or 8x16 (640x400) cells
        if (w, h) in ((720, 400), (640, 400)):
            self.mode = "vga-text"
            out = self.qmp.hmp("xp /2000hx 0xb8000")
            words = [int(v, 16) for v in re.findall(r"\b0x([0-9a-f]{4})\b", out)]
            self.vga_words = words[:2000]
            cells = [v & 0xff for v in words[:2000]]
            return ["".join(chr(c) if 0x20 <= c < 0x7f else " " for c in cells[i:i + 80]).rstrip()
                    for i in range(0, len(cells), 80)]
        self.mode = "fbcon %dx%d" % (w, h)
        return decode_fb(w, h, rgb, self.tables)

    def wait_for(self, pred, deadline, what):
        rows = []
        while time.monotonic() < deadline:
            try:
                rows = self.text()
            except (RuntimeError, ValueError, qemu.QemuError):
                rows = []	# mode switch in progress
            if pred(rows):
                return rows
            time.sleep(1.0)
        raise qemu.Timeout("%s did not appear on the screen; last screen (%s):\n%s"
                           % (what, self.mode, "\n".join("    |" + r for r in rows if r)))


def last_prompt_index(rows):
    idx = [i for i, r in enumerate(rows) if r.startswith(PROMPT)]
    return idx[-1] if idx else -1


def prompt_ready(rows):
    i = last_prompt_index(rows)
    return i >= 0 and rows[i].rstrip() == PROMPT


def buddyinfo_rows(rows):
    # 80-column text mode wraps the 11 columns: the first few are enough
    return [r for r in rows if re.match(r"^Node 0, zone\s+DMA(\s+\d+){5,11}\s*$", r)]


def screen_case(name, iso, uefi, docs, timeout, kernel=None):
    """Boot @iso (or @kernel directly) with a screen and no serial line,
    and drive the shell by keys."""
    t0 = time.monotonic()
    deadline = t0 + timeout
    tmp = tempfile.mkdtemp(prefix="screen-")
    sock = os.path.join(tmp, "qmp.sock")
    vars_file = None
    if uefi:
        vars_file = os.path.join(tmp, "OVMF_VARS.fd")
        with open(qemu.OVMF_VARS, "rb") as src, open(vars_file, "wb") as dst:
            dst.write(src.read())
    argv = qemu.qemu_command(iso=None if kernel else iso, kernel=kernel, mem="512M", uefi=uefi,
                             vars_file=vars_file, serial="none",
                             extra=["-vga", "std", "-qmp", "unix:%s,server=on,wait=off" % sock])
    os.makedirs(qemu.LOG_DIR, exist_ok=True)
    log = os.path.join(qemu.LOG_DIR, name + ".screen.txt")
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    qmp = None
    screen = None
    try:
        qmp = Qmp(sock, deadline)
        screen = Screen(qmp, tmp, glyph_tables(load_font()))
        screen.wait_for(prompt_ready, deadline, "the prompt '%s'" % PROMPT)

        type_text(qmp, "buddyinfo\n")
        rows = screen.wait_for(lambda r: len(buddyinfo_rows(r)) >= 1 and prompt_ready(r),
                               deadline, "buddyinfo output and a new prompt")
        if not any(r.startswith(PROMPT + " buddyinfo") for r in rows):
            raise qemu.QemuError("the typed command line 'orderly> buddyinfo' is not on the screen")

        # history: Up (ESC [ A from the keyboard decoder) then Enter
        press(qmp, "up")
        screen.wait_for(lambda r: r[last_prompt_index(r)] == PROMPT + " buddyinfo"
                        if last_prompt_index(r) >= 0 else False,
                        deadline, "the recalled line after the Up arrow")
        press(qmp, "ret")
        screen.wait_for(lambda r: len(buddyinfo_rows(r)) >= 2 and prompt_ready(r),
                        deadline, "a second buddyinfo after Up + Enter")

        type_text(qmp, "nosuchcmd\n")
        rows = screen.wait_for(lambda r: any(x.startswith("error: unknown command 'nosuchcmd'")
                                             for x in r) and prompt_ready(r),
                               deadline, "the error line for an unknown command")
        colour = ""
        if screen.mode.startswith("fbcon"):
            w, h, rgb = screen.last
            y = max(i for i, x in enumerate(rows) if x.startswith("error: unknown command"))
            colour = " error line colour #%02x%02x%02x" % cell_colour(w, rgb, 0, y)
        else:
            y = max(i for i, x in enumerate(rows) if x.startswith("error: unknown command"))
            colour = " error line attribute 0x%02x" % (screen.vga_words[y * 80] >> 8)
        if not colour.endswith(("#ff5555", "0x0c")):
            raise qemu.QemuError("the error line is not in the error colour:" + colour)
        with open(log, "w") as f:
            f.write("\n".join(rows) + "\n")
        if docs and not kernel:
            w, h, rgb = screen.last
            os.makedirs(DOCS, exist_ok=True)
            write_png(os.path.join(DOCS, "screen-%s.png" % ("uefi" if uefi else "bios")), w, h, rgb)
        return True, "%s: prompt, typed buddyinfo, Up+Enter, error line%s" % (screen.mode, colour)
    except qemu.QemuError as e:
        if screen is not None and screen.last:
            w, h, rgb = screen.last
            write_png(os.path.join(qemu.LOG_DIR, name + ".png"), w, h, rgb)
        err = ""
        if proc.poll() is not None:
            err = " (QEMU exited %s: %s)" % (qemu.describe_exit(proc.returncode),
                                             proc.stderr.read().decode(errors="replace")[-500:])
        return False, str(e) + err
    finally:
        if qmp:
            qmp.close()
        if proc.poll() is None:
            os.killpg(proc.pid, 9)
        proc.wait()
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)


def nodefaults_case(name, kernel, timeout):
    """-nodefaults: no VGA, no serial; the self-test must still exit 33."""
    iso = qemu.build_case_iso(kernel, "selftest")
    argv = qemu.qemu_command(iso=iso, mem="64M", serial="none",
                             extra=["-nodefaults", "-machine", "pc,i8042=off"])
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        rc = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.wait()
        return False, "hung: no isa-debug-exit within %ds" % timeout
    if rc != qemu.EXIT_PASS:
        return False, "QEMU exit %s, want %d: %s" % (qemu.describe_exit(rc), qemu.EXIT_PASS,
                                                      proc.stderr.read().decode(errors="replace")[-500:])
    return True, "isa-debug-exit %d after %.0fs" % (rc, time.monotonic() - t0)


def nohw_case(name, kernel, timeout):
    """The same bare machine, but with COM1 so that we can read what the
    kernel says about the missing screen and keyboard."""
    q = qemu.Qemu(name, kernel=kernel, mem="64M", timeout=timeout,
                  extra=["-vga", "none", "-machine", "pc,i8042=off"])
    try:
        with q:
            q.expect(r"^" + re.escape(qemu.READY_LINE))
            want = ["i8042: no controller, no PS/2 keyboard",
                    "screen: no framebuffer and no VGA text mode, no screen console"]
            missing = [w for w in want if w not in q.text]
            if missing:
                return False, "missing in the boot log: " + "; ".join(missing)
            q.command("version")
            return True, "ready, said: " + "; ".join(want)
    except qemu.QemuError as e:
        return False, str(e)


# ------------------------------------------------------------------ the graphical memmap

MAP_COL = 82			# kernel/memmap_gfx.c: the pane's first text column
TEXT_COLS = MAP_COL - 1		# the text wraps there while the map is up
MAP_USED = {0xff4040: "Unmovable", 0x40ff40: "Movable", 0x4080ff: "Reclaimable",
            0xffff40: "HighAtomic", 0xff40ff: "Isolate"}
MAP_FREE = {0x602020: "Unmovable", 0x206020: "Movable", 0x203060: "Reclaimable",
            0x606020: "HighAtomic", 0x602060: "Isolate"}
MAP_RESERVED = 0x808080
HOLDING_RE = re.compile(r"^fragment: holding (\d+) movable \+ (\d+) unmovable pages", re.M)


def text_rows(rows):
    """The console's text while the map is up: the left TEXT_COLS columns."""
    return [r[:TEXT_COLS].rstrip() for r in rows]


def joined_text(rows):
    """The text with the lines that wrapped at TEXT_COLS joined again."""
    out = ""
    for r in text_rows(rows):
        out += r + ("" if len(r) == TEXT_COLS else "\n")
    return out


def map_census(w, h, rgb):
    """Pixels of the map area by colour: {"used": {type: n}, "free": {...},
    "reserved": n, "other": n} (0xRRGGBB keys of memmap_gfx.c)."""
    x0, x1 = MAP_COL * FONT_W, (w // FONT_W - 1) * FONT_W
    y0, y1 = FONT_H + FONT_H // 2, (h // FONT_H - 6) * FONT_H
    counts = {}
    for y in range(y0, y1):
        row = rgb[(y * w + x0) * 3:(y * w + x1) * 3]
        for i in range(0, len(row), 3):
            v = row[i] << 16 | row[i + 1] << 8 | row[i + 2]
            counts[v] = counts.get(v, 0) + 1
    c = {"used": {}, "free": {}, "reserved": counts.get(MAP_RESERVED, 0), "other": 0}
    for v, n in counts.items():
        if v in MAP_USED:
            c["used"][MAP_USED[v]] = n
        elif v in MAP_FREE:
            c["free"][MAP_FREE[v]] = n
        elif v not in (0, MAP_RESERVED):
            c["other"] += n
    return c


def memmap_case(name, iso, docs, timeout):
    """The ISO under SeaBIOS at -m 512M, screen only: `memmap_watch on`
    draws the map right of the text (1 pixel per page on 1024x768); after
    `fragment` the allocated pixels grow by the pages fragment says it
    holds, bright Unmovable (and Movable) by its unmovable (movable) ones;
    `alloc_pages 9 GFP_KERNEL|__GFP_MOVABLE` then adds exactly 512 bright
    Movable pixels; after `free_all` they are back where they were at
    boot.  --docs writes docs/memmap-boot.png, docs/memmap-fragment.png
    (after the order-9 allocation) and docs/memmap-free_all.png."""
    t0 = time.monotonic()
    deadline = t0 + timeout
    tmp = tempfile.mkdtemp(prefix="screen-")
    sock = os.path.join(tmp, "qmp.sock")
    argv = qemu.qemu_command(iso=iso, mem="512M", serial="none",
                             extra=["-vga", "std", "-qmp", "unix:%s,server=on,wait=off" % sock])
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    qmp = screen = None
    shots = {}

    def run(cmd, done):
        type_text(qmp, cmd + "\n")
        rows = screen.wait_for(lambda r: done(joined_text(r)) and prompt_ready(text_rows(r)),
                               deadline, "the output of '%s' and a new prompt" % cmd)
        return rows, screen.last

    try:
        qmp = Qmp(sock, deadline)
        screen = Screen(qmp, tmp, glyph_tables(load_font()))
        screen.wait_for(lambda r: prompt_ready(text_rows(r)), deadline, "the prompt")
        rows, shots["boot"] = run("memmap_watch on", lambda t: "memmap_watch: on" in t)
        if screen.mode != "fbcon 1024x768":
            raise qemu.QemuError("screen mode %s, want fbcon 1024x768" % screen.mode)
        title = rows[0][MAP_COL:]
        if not title.startswith("memmap 1 square = 1 page, 1x1 px"):
            raise qemu.QemuError("map title %r, want 1 page per pixel at 512M" % title)
        legend = " ".join(r[MAP_COL:] for r in rows[-6:])
        for word in ("allocated", "Unmovable", "Movable", "Reclaimable", "reserved"):
            if word not in legend:
                raise qemu.QemuError("legend without %r: %r" % (word, legend))
        rows, shots["fragment"] = run("fragment", lambda t: HOLDING_RE.search(t))
        m = HOLDING_RE.search(joined_text(rows))
        held_m, held_u = int(m.group(1)), int(m.group(2))
        rows, shots["alloc9"] = run("alloc_pages 9 GFP_KERNEL|__GFP_MOVABLE",
                                    lambda t: re.search(r"^page=0x\w+ pfn=0x\w+ order=9 ", t, re.M))
        rows, shots["free_all"] = run("free_all", lambda t: "free_all: freed" in t)
        census = {k: map_census(*v) for k, v in shots.items()}
        used = {k: sum(c["used"].values()) for k, c in census.items()}
        free = {k: sum(c["free"].values()) for k, c in census.items()}
        errs = []
        for k, c in census.items():
            if c["other"]:
                errs.append("%s: %d map pixels of no legend colour" % (k, c["other"]))
        if free["boot"] < 4 * used["boot"]:
            errs.append("boot: %d free, %d allocated pixels: the map is not mostly free" %
                        (free["boot"], used["boot"]))
        grew = used["fragment"] - used["boot"]
        held = held_m + held_u
        if not 0.97 * held <= grew <= 1.03 * held + 64:
            errs.append("fragment holds %d pages, allocated pixels grew by %d" % (held, grew))
        def grown(a, b, kind):
            return census[b]["used"].get(kind, 0) - census[a]["used"].get(kind, 0)
        if grown("boot", "fragment", "Movable") < 0.9 * held_m:
            errs.append("fragment holds %d movable pages, bright Movable pixels grew by %d" %
                        (held_m, grown("boot", "fragment", "Movable")))
        if grown("boot", "fragment", "Unmovable") < 0.9 * held_u:
            errs.append("fragment holds %d unmovable pages, bright Unmovable pixels grew by %d" %
                        (held_u, grown("boot", "fragment", "Unmovable")))
        # an order-9 movable block: 512 more bright Movable pixels, nothing else changes
        if grown("fragment", "alloc9", "Movable") != 512 or used["alloc9"] - used["fragment"] != 512:
            errs.append("alloc_pages 9: bright Movable pixels grew by %d, all allocated by %d, want 512"
                        % (grown("fragment", "alloc9", "Movable"), used["alloc9"] - used["fragment"]))
        back = used["free_all"] - used["boot"]
        if abs(back) > 0.01 * used["boot"] + 64:
            errs.append("free_all: allocated pixels %d, at boot %d" % (used["free_all"], used["boot"]))
        if docs:
            for k, doc in (("boot", "boot"), ("alloc9", "fragment"), ("free_all", "free_all")):
                write_png(os.path.join(DOCS, "memmap-%s.png" % doc), *shots[k])
        if errs:
            raise qemu.QemuError("; ".join(errs))
        return True, ("allocated pixels: boot %d, fragment %d (+%d, holds %d), free_all %d"
                      % (used["boot"], used["fragment"], grew, held, used["free_all"]))
    except qemu.QemuError as e:
        if screen is not None and screen.last:
            write_png(os.path.join(qemu.LOG_DIR, name + ".png"), *screen.last)
        return False, str(e)
    finally:
        if qmp:
            qmp.close()
        if proc.poll() is None:
            os.killpg(proc.pid, 9)
        proc.wait()
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)


COMPACT_RE = re.compile(r"^compact: Normal: migrated (\d+) pages", re.M)


def compact_case(name, iso, docs, timeout):
    """The graphical memmap before and after compaction, at -m 512M:
    `fragment 1 10 50` (half the movable pages held), then `compact Normal`
    moves pages but allocates and frees none, so the allocated pixels stay
    as many (to a drained per-CPU list's worth); --docs writes
    docs/memmap-compact-before.png and docs/memmap-compact-after.png."""
    deadline = time.monotonic() + timeout
    tmp = tempfile.mkdtemp(prefix="screen-")
    sock = os.path.join(tmp, "qmp.sock")
    argv = qemu.qemu_command(iso=iso, mem="512M", serial="none",
                             extra=["-vga", "std", "-qmp", "unix:%s,server=on,wait=off" % sock])
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    qmp = screen = None
    shots = {}

    def run(cmd, done):
        type_text(qmp, cmd + "\n")
        rows = screen.wait_for(lambda r: done(joined_text(r)) and prompt_ready(text_rows(r)),
                               deadline, "the output of '%s' and a new prompt" % cmd)
        return rows, screen.last

    try:
        qmp = Qmp(sock, deadline)
        screen = Screen(qmp, tmp, glyph_tables(load_font()))
        screen.wait_for(lambda r: prompt_ready(text_rows(r)), deadline, "the prompt")
        run("memmap_watch on", lambda t: "memmap_watch: on" in t)
        rows, shots["before"] = run("fragment 1 10 50", lambda t: HOLDING_RE.search(t))
        rows, shots["after"] = run("compact Normal", lambda t: COMPACT_RE.search(t))
        migrated = int(COMPACT_RE.search(joined_text(rows)).group(1))
        census = {k: map_census(*v) for k, v in shots.items()}
        used = {k: sum(c["used"].values()) for k, c in census.items()}
        errs = ["%s: %d map pixels of no legend colour" % (k, c["other"])
                for k, c in census.items() if c["other"]]
        if not migrated:
            errs.append("compact Normal migrated nothing")
        if abs(used["after"] - used["before"]) > 64:
            errs.append("allocated pixels %d before compact, %d after" % (used["before"], used["after"]))
        if docs:
            for k in shots:
                write_png(os.path.join(DOCS, "memmap-compact-%s.png" % k), *shots[k])
        if errs:
            raise qemu.QemuError("; ".join(errs))
        return True, "compact moved %d pages; allocated pixels %d before, %d after" % (
            migrated, used["before"], used["after"])
    except qemu.QemuError as e:
        if screen is not None and screen.last:
            write_png(os.path.join(qemu.LOG_DIR, name + ".png"), *screen.last)
        return False, str(e)
    finally:
        if qmp:
            qmp.close()
        if proc.poll() is None:
            os.killpg(proc.pid, 9)
        proc.wait()
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)


CASES = ("screen-bios", "screen-uefi", "screen-bios-vgatext", "nodefaults-selftest-bios",
         "nohw-bios", "screen-memmap-bios", "screen-compact-bios")


def run(iso=None, kernel=None, pattern=None, docs=False, timeout_scale=1.0):
    """Run the cases (names containing one of the comma-separated @pattern
    words); return [(name, ok, message, seconds)]."""
    iso = iso or os.path.join(qemu.BUILD, "orderly.iso")
    kernel = kernel or os.path.join(qemu.BUILD, "orderly.elf")
    results = []
    for name in CASES:
        if pattern and not any(p in name for p in pattern.split(",")):
            continue
        t0 = time.monotonic()
        if name == "screen-bios":
            ok, msg = screen_case(name, iso, False, docs, 150 * timeout_scale)
        elif name == "screen-uefi":
            ok, msg = screen_case(name, iso, True, docs, 240 * timeout_scale)
        elif name == "screen-bios-vgatext":
            ok, msg = screen_case(name, None, False, docs, 120 * timeout_scale, kernel=kernel)
        elif name == "nohw-bios":
            ok, msg = nohw_case(name, kernel, 60 * timeout_scale)
        elif name == "screen-memmap-bios":
            ok, msg = memmap_case(name, iso, docs, 150 * timeout_scale)
        elif name == "screen-compact-bios":
            ok, msg = compact_case(name, iso, docs, 150 * timeout_scale)
        else:
            ok, msg = nodefaults_case(name, kernel, 120 * timeout_scale)
        results.append((name, ok, msg, time.monotonic() - t0))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--iso", default=os.path.join(qemu.BUILD, "orderly.iso"))
    ap.add_argument("--kernel", default=os.path.join(qemu.BUILD, "orderly.elf"))
    ap.add_argument("-k", dest="pattern")
    ap.add_argument("--docs", action="store_true", help="write docs/screen-{bios,uefi}.png")
    ap.add_argument("--timeout-scale", type=float,
                    default=float(os.environ.get("ORDERLY_TIMEOUT_SCALE", "1")))
    args = ap.parse_args()
    passed = failed = 0
    for name, ok, msg, t in run(args.iso, args.kernel, args.pattern, args.docs, args.timeout_scale):
        print("%s %s (%.1fs) %s" % ("PASS" if ok else "FAIL", name, t, msg), flush=True)
        passed += ok
        failed += not ok
    print("screen: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
