#!/bin/sh
# Install the Debian packages Orderly needs to build, boot and test, if any
# is missing.  As root it runs apt-get; otherwise it prints the one line to
# run.  Every package is named, recommends or not: apt-get runs with
# --no-install-recommends, so nothing may arrive only as a recommendation
# (gcc-i686-linux-gnu merely recommends the cross C library headers).
# scripts/probe.sh then checks that each piece really works.
set -e
PKGS="gcc make python3 nasm \
gcc-i686-linux-gnu binutils-i686-linux-gnu libc6-dev-i386-cross \
libasan8-i386-cross libubsan1-i386-cross \
clang libclang-rt-14-dev \
qemu-system-x86 qemu-user ovmf \
grub-common grub-pc-bin grub-efi-amd64-bin grub-efi-ia32-bin xorriso mtools \
valgrind"
# optional extras for make bench (comparators and the plot)
[ "${ORDERLY_BENCH_DEPS:-0}" = 1 ] && PKGS="$PKGS libjemalloc-dev libmimalloc-dev gnuplot-nox"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps: missing Debian packages:$missing"
if [ "$(id -u)" = 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends $missing
else
	echo "deps: run as root:  apt-get install -y$missing"
	exit 1
fi
