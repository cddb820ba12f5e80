"""Boot Orderly in QEMU, headless, and talk to it over COM1.

Python standard library only.  Everything the QEMU tests need lives here:

  * build_case_iso(): a per-case ISO (GRUB with a generated grub.cfg: serial
    console, timeout=0, optional `cutmem` hole, the case's kernel command
    line), cached under build/test-isos/ by a hash of the kernel and the
    configuration, so a rerun with an unchanged kernel costs nothing;
  * Qemu: one running machine.  SeaBIOS (qemu-system-i386) or OVMF
    (qemu-system-x86_64 with the firmware in pflash and a private copy of
    the variable store), booted from an ISO or directly with
    `-kernel orderly.elf -append ...` (Multiboot v1, quick runs).  COM1 is
    QEMU's stdio, connected to pipes: everything the guest prints is kept
    (raw in build/test-logs/<name>.log, cleaned of CR and ANSI escapes in
    .text) and tests can type into it with send()/sendline();
  * expect()/wait(): waits bounded by one hard deadline per machine; when
    it passes the machine is killed and the run counts as a failure
    (`timed_out`).

Exit status: the kernel leaves through isa-debug-exit (iobase 0xf4), which
makes QEMU exit with (code << 1) | 1: QEMU_EXIT_PASS 0x10 -> 33, QEMU_EXIT_FAIL
0x11 -> 35 (include/linux/reboot.h).  No verdict is ever taken from the
exit status alone: callers also require a sentinel line in the log.

Never -enable-kvm: the tests must behave the same on every CI machine.

Example (what tests/qemu/shell_session.py receives as `q`):

    with Qemu("demo", kernel="build/orderly.elf", mem="128M") as q:
        q.expect(r"^orderly: ready$")
        q.sendline("buddyinfo")
        m = q.expect(r"zone\s+DMA\s+(.*)$")
        q.expect_prompt()
"""

import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BUILD = os.path.join(ROOT, "build")
LOG_DIR = os.path.join(BUILD, "test-logs")
ISO_CACHE = os.path.join(BUILD, "test-isos")

OVMF_CODE = "/usr/share/OVMF/OVMF_CODE_4M.fd"
OVMF_VARS = "/usr/share/OVMF/OVMF_VARS_4M.fd"

DEBUG_EXIT_PORT = 0xF4
QEMU_EXIT_PASS = 0x10		# include/linux/reboot.h
QEMU_EXIT_FAIL = 0x11
EXIT_PASS = (QEMU_EXIT_PASS << 1) | 1	# 33
EXIT_FAIL = (QEMU_EXIT_FAIL << 1) | 1	# 35

READY_LINE = "orderly: ready"
PROMPT = "orderly> "

# What a serial terminal should not see: CSI sequences (GRUB and OVMF draw
# with them), charset selections, and the few two-byte escapes.
_ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>cDEHMNOZ78])")
_ANSI_PARTIAL = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*|[()])?$")


class QemuError(Exception):
    """The machine could not do what was asked (timeout, exit, bad config)."""


class Timeout(QemuError):
    pass


class Exited(QemuError):
    pass


def describe_exit(status):
    """A human reading of QEMU's exit status."""
    if status is None:
        return "still running"
    if status == EXIT_PASS:
        return "%d (isa-debug-exit QEMU_EXIT_PASS)" % status
    if status == EXIT_FAIL:
        return "%d (isa-debug-exit QEMU_EXIT_FAIL)" % status
    if status & 1 and status > 1:
        return "%d (isa-debug-exit code 0x%x)" % (status, status >> 1)
    if status == 0:
        return "0 (guest powered off, or reset/triple fault with -no-reboot)"
    if status < 0:
        return "%d (killed by signal %d)" % (status, -status)
    return "%d (QEMU error)" % status


# ------------------------------------------------------------------ ISOs

def grub_escape(word):
    """Quote a kernel command line for grub.cfg: GRUB expands $ and \\."""
    return word.replace("\\", "\\\\").replace("$", "\\$")


def grub_cfg(cmdline="", cutmem=None, title="orderly (test)"):
    """The grub.cfg of a test ISO: serial only, no menu delay, one entry.

    @cutmem is a list of (from, to) GRUB sizes ("20M", "24M"): each range is
    removed from the memory map GRUB hands over (GRUB's mmap module), which
    is how a test gets a hole in the middle of RAM.
    """
    lines = [
        "serial --unit=0 --speed=115200 --word=8 --parity=no --stop=1",
        "terminal_input serial",
        "terminal_output serial",
        "set timeout=0",
        "set default=0",
    ]
    if cutmem:
        lines.append("insmod mmap")
    lines.append('menuentry "%s" {' % title)
    for lo, hi in cutmem or ():
        lines.append("\tcutmem %s %s" % (lo, hi))
    lines.append("\tmultiboot2 /boot/orderly.elf %s" % grub_escape(cmdline))
    lines.append("\tboot")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


_iso_lock = threading.Lock()


def build_case_iso(kernel, cmdline="", cutmem=None, cache_dir=ISO_CACHE):
    """Path of an ISO booting @kernel with @cmdline (and @cutmem holes).

    Cached by the hash of the kernel image and the grub.cfg.  Several runs
    may share the cache at once (other engineers, other kernels): an ISO is
    written under a private name and renamed into place, and only ISOs not
    used for an hour are pruned (a cache hit refreshes the mtime).
    """
    cfg = grub_cfg(cmdline, cutmem)
    kdigest = _file_digest(kernel)
    key = hashlib.sha256((kdigest + "\0" + cfg).encode()).hexdigest()[:16]
    os.makedirs(cache_dir, exist_ok=True)
    iso = os.path.join(cache_dir, "%s-%s.iso" % (kdigest[:12], key))
    with _iso_lock:
        if os.path.exists(iso):
            try:
                os.utime(iso)
                return iso
            except FileNotFoundError:
                pass
        now = time.time()
        for old in os.listdir(cache_dir):
            path = os.path.join(cache_dir, old)
            try:
                if old.endswith(".iso") and now - os.stat(path).st_mtime > 3600:
                    os.unlink(path)
            except OSError:
                pass
        tmp = tempfile.mkdtemp(prefix="isodir-", dir=cache_dir)
        try:
            root = os.path.join(tmp, "root")
            os.makedirs(os.path.join(root, "boot", "grub"))
            shutil.copyfile(kernel, os.path.join(root, "boot", "orderly.elf"))
            with open(os.path.join(root, "boot", "grub", "grub.cfg"), "w") as f:
                f.write(cfg)
            part = os.path.join(tmp, "out.iso")
            r = subprocess.run(["grub-mkrescue", "-o", part, root],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            if r.returncode != 0:
                raise QemuError("grub-mkrescue failed:\n" + r.stdout.decode(errors="replace")[-2000:])
            os.replace(part, iso)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return iso


# ------------------------------------------------------------------ QEMU

def qemu_command(*, iso=None, kernel=None, mem="128M", uefi=False, cmdline="",
                 vars_file=None, serial="stdio", window=False, extra=(), binary=None):
    """The QEMU argument vector for one machine (no KVM, ever).  @binary
    overrides the emulator (qemu-system-i386 for SeaBIOS, x86_64 for OVMF)."""
    if (iso is None) == (kernel is None):
        raise QemuError("give exactly one of iso= and kernel=")
    if uefi and kernel is not None:
        raise QemuError("direct -kernel boot is SeaBIOS only (Multiboot v1)")
    cmd = [binary or ("qemu-system-x86_64" if uefi else "qemu-system-i386"),
           "-m", str(mem),
           "-no-reboot",
           "-net", "none",
           "-device", "isa-debug-exit,iobase=0x%x,iosize=0x04" % DEBUG_EXIT_PORT,
           "-serial", serial]
    if not window:
        cmd += ["-display", "none"]
    if serial != "mon:stdio":
        cmd += ["-monitor", "none"]
    if uefi:
        cmd += ["-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + OVMF_CODE,
                "-drive", "if=pflash,format=raw,unit=1,file=" + vars_file]
    if iso is not None:
        cmd += ["-cdrom", iso, "-boot", "d"]
    else:
        cmd += ["-kernel", kernel]
        if cmdline:
            cmd += ["-append", cmdline]
    cmd += list(extra)
    return cmd


class Qemu:
    """One headless machine whose COM1 is ours.

    Boot from @iso, or from @kernel directly (Multiboot v1; @cmdline goes to
    -append).  For an ISO the kernel command line is whatever its grub.cfg
    says: use build_case_iso() to get one with the right line.

    All waits share one hard deadline, @timeout seconds after start();
    past it the machine is killed and `timed_out` is set.
    """

    def __init__(self, name, *, iso=None, kernel=None, mem="128M", uefi=False,
                 cmdline="", timeout=60.0, log_dir=LOG_DIR, extra=(), binary=None):
        self.name = name
        self.binary = binary
        self.iso, self.kernel = iso, kernel
        self.mem, self.uefi, self.cmdline = mem, uefi, cmdline
        self.timeout = timeout
        self.extra = list(extra)
        self.log_path = os.path.join(log_dir, name + ".log")
        self.info_path = os.path.join(log_dir, name + ".qemu")
        os.makedirs(log_dir, exist_ok=True)
        self.raw = bytearray()
        self.text = ""		# raw output without CR and ANSI escapes
        self.pos = 0		# expect() searches self.text from here
        self.returncode = None
        self.timed_out = False
        self.start_time = None
        self.end_time = None
        self._pending = b""
        self._cond = threading.Condition()
        self._proc = None
        self._reader = None
        self._log = None
        self._tmpdir = None

    # -------------------------------------------------------- lifecycle
    def start(self):
        vars_file = None
        if self.uefi:
            self._tmpdir = tempfile.mkdtemp(prefix="ovmf-")
            vars_file = os.path.join(self._tmpdir, "OVMF_VARS.fd")
            shutil.copyfile(OVMF_VARS, vars_file)
        self.argv = qemu_command(iso=self.iso, kernel=self.kernel, mem=self.mem,
                                 uefi=self.uefi, cmdline=self.cmdline,
                                 vars_file=vars_file, extra=self.extra, binary=self.binary)
        self._log = open(self.log_path, "wb")
        self.start_time = time.monotonic()
        self.deadline = self.start_time + self.timeout
        self._proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      start_new_session=True)
        self._reader = threading.Thread(target=self._read_serial, daemon=True)
        self._reader.start()
        self._errbuf = b""
        self._err_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._err_reader.start()
        return self

    def __enter__(self):
        if self._proc is None:
            self.start()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _read_serial(self):
        fd = self._proc.stdout.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            self._log.write(chunk)
            self._log.flush()
            with self._cond:
                self.raw += chunk
                self._append_clean(chunk)
                self._cond.notify_all()
        with self._cond:
            if self._pending:
                self.text += self._pending.replace(b"\r", b"").decode("latin-1")
                self._pending = b""
            self._cond.notify_all()

    def _read_stderr(self):
        data = self._proc.stderr.read()
        self._errbuf = data or b""

    def _append_clean(self, chunk):
        data = self._pending + chunk
        # keep back an escape sequence cut in half by the pipe
        m = _ANSI_PARTIAL.search(data[-32:])
        if m:
            cut = len(data) - 32 + m.start() if len(data) > 32 else m.start()
            data, self._pending = data[:cut], data[cut:]
        else:
            self._pending = b""
        data = _ANSI.sub(b"", data).replace(b"\r", b"")
        self.text += data.decode("latin-1")

    def alive(self):
        return self._proc is not None and self._proc.poll() is None

    def remaining(self):
        return self.deadline - time.monotonic()

    def kill(self):
        """Stop the machine (its own process group only)."""
        if self._proc and self._proc.poll() is None:
            try:
                os.killpg(self._proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self._proc.kill()
        if self._proc:
            self._proc.wait()

    def wait(self, timeout=None):
        """Wait for QEMU to exit (at most until the deadline) and return its
        status; on the deadline kill it, set timed_out, return None."""
        limit = self.remaining() if timeout is None else min(timeout, self.remaining())
        try:
            self.returncode = self._proc.wait(timeout=max(limit, 0))
        except subprocess.TimeoutExpired:
            if timeout is not None and timeout < self.remaining():
                return None
            self.timed_out = True
            self.kill()
            self.returncode = None
        self._finish_reading()
        return self.returncode

    def _finish_reading(self):
        if self._reader:
            self._reader.join(timeout=5)
        if self._err_reader:
            self._err_reader.join(timeout=5)
        if self.end_time is None:
            self.end_time = time.monotonic()

    def close(self):
        """Kill the machine if still running; write the .qemu info file."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self.kill()
        else:
            self.returncode = self._proc.returncode
        self._finish_reading()
        try:
            self._proc.stdin.close()
        except (OSError, ValueError):
            pass
        if self._log:
            self._log.close()
            self._log = None
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None
        with open(self.info_path, "w") as f:
            f.write("command: %s\n" % " ".join(self.argv))
            if self.cmdline:
                f.write("kernel command line: %s\n" % self.cmdline)
            f.write("exit: %s%s\n" % (describe_exit(self.returncode),
                                     " (hard timeout: killed)" if self.timed_out else ""))
            f.write("elapsed: %.1fs\n" % self.elapsed())
            err = getattr(self, "_errbuf", b"")
            if err:
                f.write("stderr:\n%s\n" % err.decode(errors="replace"))

    def elapsed(self):
        if self.start_time is None:
            return 0.0
        end = self.end_time if self.end_time is not None else time.monotonic()
        return end - self.start_time

    def stderr(self):
        return getattr(self, "_errbuf", b"").decode(errors="replace")

    # -------------------------------------------------------- serial I/O
    def send(self, data):
        """Type @data (str or bytes) into COM1."""
        if isinstance(data, str):
            data = data.encode("latin-1")
        try:
            self._proc.stdin.write(data)
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            raise Exited("%s: cannot write to COM1: QEMU exited (%s)"
                         % (self.name, describe_exit(self._proc.poll())))

    def sendline(self, line, eol="\r"):
        """Type @line and Enter (a terminal sends CR)."""
        self.send(line + eol)

    def expect(self, pattern, timeout=None, flags=re.M):
        """Wait until @pattern (a regex, multiline) matches the cleaned output
        after the last match; return the match and move past it.  Raises
        Timeout (machine left running unless the hard deadline passed) or
        Exited (QEMU ended first)."""
        rx = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        end = self.deadline if timeout is None else min(self.deadline, time.monotonic() + timeout)
        with self._cond:
            while True:
                m = rx.search(self.text, self.pos)
                if m:
                    self.pos = m.end()
                    return m
                if self._proc.poll() is not None and not self._reader.is_alive():
                    raise Exited("%s: QEMU exited (%s) before /%s/ appeared"
                                 % (self.name, describe_exit(self._proc.returncode), rx.pattern))
                left = end - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(min(left, 0.5))
        if time.monotonic() >= self.deadline:
            self.timed_out = True
            self.kill()
            raise Timeout("%s: hard timeout (%.0fs) waiting for /%s/"
                          % (self.name, self.timeout, rx.pattern))
        raise Timeout("%s: /%s/ did not appear within %.1fs" % (self.name, rx.pattern, timeout))

    def expect_prompt(self, timeout=None):
        """Wait for the shell prompt at the start of a line; return the text
        printed since the previous match (the command's output)."""
        start = self.pos
        m = self.expect(r"^" + re.escape(PROMPT), timeout)
        return self.text[start:m.start()]

    def command(self, line, timeout=None):
        """Run one shell command; return its output (echo line removed)."""
        self.sendline(line)
        out = self.expect_prompt(timeout)
        first, _, rest = out.partition("\n")
        return rest if first.strip() == line.strip() else out

    def lines(self):
        return self.text.splitlines()

    def tail(self, n=25):
        return "\n".join(self.lines()[-n:])


def boot(name, **kw):
    """Qemu(name, **kw).start(), for `with boot(...) as q:`."""
    return Qemu(name, **kw).start()
