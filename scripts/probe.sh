#!/bin/sh
# Check that every toolchain piece the build and the tests rely on works,
# by compiling and running a tiny program with it (a package can be
# installed and a piece still be missing: the cross C headers come only as
# a recommendation of gcc-i686-linux-gnu).  One line per missing piece,
# naming it and how to get it; one line when all is well.
#
#   scripts/probe.sh [build-dir] [all|boot]     boot: what make run needs
set -u
B=${1:-build}
WHAT=${2:-all}
D=$B/probe
mkdir -p "$D"
bad=0
ok=""

miss() {	# piece, how to get it, log file
	echo "probe: MISSING $1 -- $2${3:+ (log: $3)}"
	bad=1
}
have() { ok="$ok, $1"; }

# every piece as: try command; on failure, name it
cat > "$D/hello.c" <<'C'
#include <stdint.h>
#include <stdio.h>
int main(void) { volatile uint64_t x = 1; printf("%llu", (unsigned long long)(x << 40)); return 0; }
C
printf 'int main(void) { volatile int a[2] = {1, 2}; int i = a[0]; return a[i] - 2; }\n' > "$D/san.c"
cat > "$D/fuzz.c" <<'C'
#include <stdint.h>
#include <stddef.h>
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return n > 99 && d[0] == 1; }
C
printf 'bits 32\nsection .text\nglobal f\nf: ret\n' > "$D/t.asm"

# --- what booting needs
if i686-linux-gnu-gcc -m32 -march=i686 -ffreestanding -c "$D/san.c" -o "$D/k.o" 2>"$D/cross.log"; then
	have "i686 cross gcc"
else
	miss "the i686 cross compiler" "apt-get install gcc-i686-linux-gnu binutils-i686-linux-gnu" "$D/cross.log"
fi
nasm -f elf32 "$D/t.asm" -o "$D/t.o" 2>"$D/nasm.log" && have nasm || miss nasm "apt-get install nasm" "$D/nasm.log"
for p in i386-pc x86_64-efi i386-efi; do
	case $p in i386-pc) pkg=grub-pc-bin ;; x86_64-efi) pkg=grub-efi-amd64-bin ;; *) pkg=grub-efi-ia32-bin ;; esac
	[ -f /usr/lib/grub/$p/moddep.lst ] && have "GRUB $p" || miss "GRUB platform $p (/usr/lib/grub/$p)" "apt-get install $pkg"
done
command -v grub-mkrescue >/dev/null && command -v grub-file >/dev/null || miss "grub-mkrescue/grub-file" "apt-get install grub-common"
command -v xorriso >/dev/null || miss "xorriso (grub-mkrescue writes the ISO with it)" "apt-get install xorriso"
command -v mformat >/dev/null || miss "mtools (the ISO's EFI system partition)" "apt-get install mtools"
qemu-system-i386 -version >/dev/null 2>&1 && have "QEMU" || miss qemu-system-i386 "apt-get install qemu-system-x86"
[ -r /usr/share/OVMF/OVMF_CODE_4M.fd ] && [ -r /usr/share/OVMF/OVMF_VARS_4M.fd ] && have OVMF ||
	miss "the OVMF image (/usr/share/OVMF/OVMF_CODE_4M.fd, OVMF_VARS_4M.fd)" "apt-get install ovmf"

if [ "$WHAT" = all ]; then
	# --- the host tests: 64-bit ASan+UBSan
	if gcc -fsanitize=address,undefined -g "$D/san.c" -o "$D/san64" 2>"$D/san64.log" && "$D/san64" >>"$D/san64.log" 2>&1; then
		have "gcc ASan/UBSan"
	else
		miss "gcc's ASan/UBSan runtime" "apt-get install gcc (libasan8, libubsan1)" "$D/san64.log"
	fi
	# --- 32-bit: cross libc, its sanitizer runtimes, and a way to run them
	L32="-Wl,--dynamic-linker=/usr/i686-linux-gnu/lib/ld-linux.so.2 -Wl,-rpath,/usr/i686-linux-gnu/lib"
	if i686-linux-gnu-gcc "$D/hello.c" -o "$D/hello32" $L32 2>"$D/libc32.log"; then
		have "i686 libc"
	else
		miss "the i686 cross C library (headers or libc)" "apt-get install libc6-dev-i386-cross" "$D/libc32.log"
	fi
	mode=$(scripts/host32-mode.sh "$B" 2>"$D/mode.log") || { miss "a way to run i386 programs" "$(cat "$D/mode.log")"; mode=none; }
	case $mode in
	native) run32="" ; san32="address,undefined" ;;
	qemu) run32="qemu-i386" ; san32="undefined" ;;
	*) run32=false ; san32="address,undefined" ;;
	esac
	if i686-linux-gnu-gcc -fsanitize=$san32 -g "$D/san.c" -o "$D/san32" $L32 2>"$D/san32.log" &&
	   $run32 "$D/san32" >>"$D/san32.log" 2>&1; then
		have "i686 $(echo $san32 | sed 's/address/ASan/;s/undefined/UBSan/;s/,/+/') ($mode)"
	elif [ "$mode" != none ]; then
		miss "the i686 sanitizer runtime ($san32)" "apt-get install libasan8-i386-cross libubsan1-i386-cross" "$D/san32.log"
	fi
	# --- fuzzing
	if clang -fsanitize=fuzzer,address,undefined "$D/fuzz.c" -o "$D/fuzz" 2>"$D/fuzz.log" &&
	   "$D/fuzz" -runs=10 >>"$D/fuzz.log" 2>&1; then
		have "clang libFuzzer"
	else
		miss "clang's libFuzzer runtime" "apt-get install clang libclang-rt-14-dev" "$D/fuzz.log"
	fi
	# --- instruction counts
	if [ -r /usr/include/valgrind/callgrind.h ] &&
	   valgrind --tool=callgrind --callgrind-out-file=/dev/null /bin/true >"$D/vg.log" 2>&1; then
		have "valgrind callgrind"
	else
		miss "valgrind's callgrind (and valgrind/callgrind.h)" "apt-get install valgrind" "$D/vg.log"
	fi
	command -v python3 >/dev/null || miss python3 "apt-get install python3"
fi

[ $bad = 0 ] && echo "probe: all pieces work:${ok#,}"
exit $bad
