#!/bin/sh
# How can this machine run the 32-bit (i386) host test programs?
#
# Prints one word: "native" when the running Linux kernel executes i386
# binaries itself (IA32 emulation built in and enabled), "qemu" when it
# cannot (CONFIG_IA32_EMULATION off, or ia32_emulation=0: "Exec format
# error") and user-mode emulation (Debian's qemu-user: qemu-i386) is there.
# Exits 1 with a one-line reason when neither works.
#
# The test is to run a static i386 program, so neither the cross C
# library's loader nor a sanitizer runtime can be what fails.
# ORDERLY_HOST32=native|qemu overrides the answer (to try the other path).
set -u
B=${1:-build}
case "${ORDERLY_HOST32:-}" in
native|qemu) echo "$ORDERLY_HOST32"; exit 0 ;;
"") ;;
*) echo "host32-mode: ORDERLY_HOST32 must be native or qemu, not '$ORDERLY_HOST32'" >&2; exit 1 ;;
esac

probe=$B/host32/ia32-probe
if [ ! -x "$probe" ]; then
	mkdir -p "$B/host32"
	printf 'int main(void) { return sizeof(void *) == 4 ? 0 : 3; }\n' > "$probe.c"
	i686-linux-gnu-gcc -static -O1 -o "$probe" "$probe.c" 2>"$probe.log" || {
		echo "host32-mode: i686-linux-gnu-gcc cannot build a static i386 program (see $probe.log; make deps)" >&2
		exit 1
	}
fi
if "$probe" 2>/dev/null; then
	echo native
elif command -v qemu-i386 >/dev/null 2>&1 && qemu-i386 "$probe"; then
	echo qemu
else
	echo "host32-mode: this kernel cannot run i386 programs and qemu-i386 is missing (apt-get install qemu-user)" >&2
	exit 1
fi
