#!/usr/bin/env python3
"""Boot Orderly in QEMU: interactively (make run / make run-uefi) or
headless once, printing the serial log (a quick manual check).

  boot.py --iso build/orderly.iso --mem 2G [--uefi] --interactive [--cmdline "..."] [--window]
  boot.py --kernel build/orderly.elf --mem 128M --cmdline selftest     (headless, -kernel)

Interactive: COM1 and the QEMU monitor are multiplexed on this terminal
(-serial mon:stdio); Ctrl-A X quits, Ctrl-A C switches to the monitor.
With --cmdline, the ISO is rebuilt with a one-entry grub.cfg booting that
command line (cached under build/test-isos/); without it the ISO's own
GRUB menu comes up.
"""

import argparse
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iso", help="boot this ISO (GRUB)")
    ap.add_argument("--kernel", default=None,
                    help="kernel ELF: booted directly with -kernel, or put in a per-run ISO with --cmdline")
    ap.add_argument("--mem", default="2G", help="RAM size (-m), default 2G")
    ap.add_argument("--uefi", action="store_true", help="OVMF instead of SeaBIOS")
    ap.add_argument("--cmdline", default="", help="kernel command line")
    ap.add_argument("--interactive", action="store_true", help="serial on this terminal")
    ap.add_argument("--window", action="store_true", help="show the QEMU window (screen console)")
    ap.add_argument("--timeout", type=float, default=120, help="headless: seconds before giving up")
    args = ap.parse_args()

    for tool in ("qemu-system-x86_64" if args.uefi else "qemu-system-i386",):
        if not shutil.which(tool):
            sys.exit("boot.py: %s not found (make deps installs qemu-system-x86)" % tool)

    iso, kernel = args.iso, args.kernel
    if iso and args.cmdline.strip():
        kernel = kernel or os.path.join(os.path.dirname(iso), "orderly.elf")
        iso = qemu.build_case_iso(kernel, args.cmdline.strip())
        kernel = None
    elif iso:
        kernel = None
    if not iso and not kernel:
        ap.error("need --iso or --kernel")

    # RAM above 4 GiB (the ISO boots the PAE kernel): qemu-system-i386's
    # default CPU, qemu32, has PAE but no PSE-36, and QEMU then implements 32
    # physical address bits, so a PTE for a frame above 4 GiB takes a
    # reserved-bit fault (a real CPU without CPUID 0x80000008 has 36 when it
    # has PAE); +pse36 gives it the 36 bits the kernel relies on
    extra = []
    m = re.fullmatch(r"(\d+)([MG]?)", args.mem)
    if not args.uefi and m and int(m.group(1)) << (30 if m.group(2) == "G" else 20) > 4 << 30:
        extra = ["-cpu", "qemu32,+pse36"]

    if args.interactive:
        tmp = None
        vars_file = None
        if args.uefi:
            tmp = tempfile.mkdtemp(prefix="ovmf-")
            vars_file = os.path.join(tmp, "OVMF_VARS.fd")
            shutil.copyfile(qemu.OVMF_VARS, vars_file)
        argv = qemu.qemu_command(iso=iso, kernel=kernel, mem=args.mem, uefi=args.uefi,
                                 cmdline=args.cmdline.strip(), vars_file=vars_file,
                                 serial="mon:stdio", window=args.window, extra=extra)
        print("orderly: booting %s under %s with -m %s; quit with Ctrl-A X (Ctrl-A C: QEMU monitor)"
              % (iso or kernel, "OVMF" if args.uefi else "SeaBIOS", args.mem), flush=True)
        import subprocess
        try:
            rc = subprocess.call(argv)
        except KeyboardInterrupt:
            rc = 130
        finally:
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)
        print("\norderly: QEMU exited: %s" % qemu.describe_exit(rc))
        return 0 if rc in (0, qemu.EXIT_PASS) else rc

    q = qemu.Qemu("boot", iso=iso, kernel=kernel, mem=args.mem, uefi=args.uefi,
                  cmdline=args.cmdline.strip() if kernel else "", timeout=args.timeout, extra=extra)
    with q:
        q.wait()
    sys.stdout.write(q.text)
    print("\n-- QEMU exit: %s%s; log %s" % (qemu.describe_exit(q.returncode),
                                          " (timed out)" if q.timed_out else "", q.log_path))
    return 0 if q.returncode == qemu.EXIT_PASS else 1


if __name__ == "__main__":
    sys.exit(main())
