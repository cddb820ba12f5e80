#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/usb-write.sh must refuse every unsafe target, and write only
# after a typed "yes".  Never aimed at a real disk with "yes": the cases
# that must be written use a regular file under ORDERLY_USB_TEST=1 and a
# fake sysfs tree; real devices (a loop device, the root disk, /dev/null)
# only ever get an empty stdin, so a broken check could at worst ask.
#
# Each case checks the refusal's reason (not just a non-zero exit) and
# that the target's bytes did not change.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRIPT="$ROOT/scripts/usb-write.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/usbtest.XXXXXX")
LOOP=
cleanup() {
	[ -n "$LOOP" ] && losetup -d "$LOOP" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT INT TERM

pass=0
fail=0
skip=0
ok()   { pass=$((pass + 1)); echo "ok - $1"; }
bad()  { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && sed 's/^/#   /' "$2"; }
skipped() { skip=$((skip + 1)); echo "ok - $1 # SKIP $2"; }

# a small "ISO" and a fake sysfs: class/block/<name> -> devices/.../block/<name>
head -c 300000 /dev/urandom > "$T/orderly.iso"
SYS="$T/sys"
mkdir -p "$SYS/class/block"

# fake_disk NAME SECTORS REMOVABLE BUS [PARTITIONS...]: a target file and its sysfs
fake_disk() {
	name=$1 sectors=$2 removable=$3 bus=$4
	shift 4
	d="$SYS/devices/pci0000:00/0000:00:14.0/$bus/block/$name"
	mkdir -p "$d/device" "$d/holders"
	echo "$sectors" > "$d/size"
	echo "$removable" > "$d/removable"
	echo "Fake    " > "$d/device/vendor"
	echo "Stick" > "$d/device/model"
	ln -sfn "$d" "$SYS/class/block/$name"
	head -c 400000 /dev/zero > "$T/$name"
	for p in "$@"; do
		mkdir -p "$d/$p/holders"
		echo 1 > "$d/$p/partition"
		ln -sfn "$d/$p" "$SYS/class/block/$p"
		: > "$T/$p"
	done
}

fake_disk stick 2048 1 usb1/1-1 stick1 stick2
fake_disk usbssd 2048 0 usb2/2-1
fake_disk internal 2048 0 ata1
fake_disk tiny 100 1 usb1/1-2
fake_disk held 2048 1 usb1/1-3 held1
ln -s "$SYS/class/block/held1" "$SYS/class/block/held1/holders/dm-0" 2>/dev/null || mkdir -p "$SYS/class/block/held1/holders/dm-0"

printf 'sysfs /sys sysfs rw 0 0\n/dev/vda / ext4 rw 0 0\n' > "$T/mounts.none"
printf '' > "$T/swaps.none"

# run NAME EXPECT_RC PATTERN STDIN TARGET [ENV...]
run() {
	label=$1 want=$2 pattern=$3 input=$4 target=$5
	shift 5
	before=$( { cksum < "$target"; } 2>/dev/null || echo none)
	printf '%s' "$input" | env ORDERLY_USB_SYSFS="$SYS" ORDERLY_USB_MOUNTS="$T/mounts.none" \
		ORDERLY_USB_SWAPS="$T/swaps.none" "$@" \
		sh "$SCRIPT" "$T/orderly.iso" "$target" > "$T/out" 2>&1
	rc=$?
	after=$( { cksum < "$target"; } 2>/dev/null || echo none)
	if [ "$want" = 0 ]; then
		if [ $rc -eq 0 ] && grep -q -- "$pattern" "$T/out" && cmp -s -n 300000 "$T/orderly.iso" "$target"; then
			ok "$label"
		else
			bad "$label (rc=$rc, target does not hold the ISO or no '$pattern')" "$T/out"
		fi
		return
	fi
	if [ $rc -ne 0 ] && grep -q -- "$pattern" "$T/out" && [ "$before" = "$after" ]; then
		ok "$label"
	else
		bad "$label (rc=$rc, wanted a refusal matching '$pattern', target changed: $([ "$before" = "$after" ] && echo no || echo YES))" "$T/out"
	fi
}

TM="ORDERLY_USB_TEST=1"

# --- arguments and device kinds
if sh "$SCRIPT" "$T/orderly.iso" > "$T/out" 2>&1; then bad "no DEV: usage" "$T/out"
elif grep -q "usage" "$T/out"; then ok "no DEV: usage"; else bad "no DEV: usage" "$T/out"; fi
mv "$T/orderly.iso" "$T/iso.keep"; run "missing ISO refused" 1 "no such ISO" "" "$T/stick" $TM; mv "$T/iso.keep" "$T/orderly.iso"
run "nonexistent device refused"    1 "no such device"     ""    "$T/nosuchdisk" $TM
run "regular file refused (no test mode)" 1 "not a block device" "yes
" "$T/stick"
run "character device /dev/null refused" 1 "not a block device" "" /dev/null
run "partition refused"             1 "is a partition: write to the whole disk (/dev/stick)" "yes
" "$T/stick1" $TM

# --- in use
printf '%s / ext4 rw 0 0\n' "$T/stick2" > "$T/mounts.root"
run "root disk refused (root fs on its partition)" 1 "the disk the system runs from" "yes
" "$T/stick" $TM ORDERLY_USB_MOUNTS="$T/mounts.root"
printf '/dev/vda / ext4 rw 0 0\n%s /media/stick vfat rw 0 0\n' "$T/stick1" > "$T/mounts.part"
run "mounted partition refused"     1 "stick1 is mounted on /media/stick" "yes
" "$T/stick" $TM ORDERLY_USB_MOUNTS="$T/mounts.part"
printf '/dev/vda / ext4 rw 0 0\n%s /mnt iso9660 ro 0 0\n' "$T/stick" > "$T/mounts.whole"
run "mounted whole disk refused"    1 "is mounted on /mnt" "yes
" "$T/stick" $TM ORDERLY_USB_MOUNTS="$T/mounts.whole"
printf 'Filename Type Size Used Priority\n%s partition 1024 0 -2\n' "$T/stick2" > "$T/swaps.on"
run "swap partition refused"        1 "is swap" "yes
" "$T/stick" $TM ORDERLY_USB_SWAPS="$T/swaps.on"
run "disk held by device-mapper refused" 1 "in use by dm-0" "yes
" "$T/held" $TM

# --- what kind of disk
run "internal (not removable, not USB) refused" 1 "neither removable nor on USB" "yes
" "$T/internal" $TM
run "too small refused"             1 "too small" "yes
" "$T/tiny" $TM

# --- confirmation
run "answer 'no' writes nothing"    1 "not confirmed" "no
" "$T/stick" $TM
run "no answer (EOF) writes nothing" 1 "not confirmed" "" "$T/stick" $TM
run "'yes' writes the ISO (removable stick)" 0 "done" "yes
" "$T/stick" $TM
run "'yes' writes the ISO (USB disk that is not flagged removable)" 0 "done" "yes
" "$T/usbssd" $TM

# --- real devices, real sysfs, never with "yes"
rootsrc=$(awk '$2 == "/" { s = $1 } END { print s }' /proc/mounts)
if [ -b "$rootsrc" ]; then
	rootname=$(basename "$(readlink -f "$rootsrc")")
	if [ -e "/sys/class/block/$rootname/partition" ]; then
		rootdisk=/dev/$(basename "$(dirname "$(readlink -f "/sys/class/block/$rootname")")")
	else
		rootdisk=/dev/$rootname
	fi
	out=$(sh "$SCRIPT" "$T/orderly.iso" "$rootdisk" < /dev/null 2>&1)
	rc=$?
	if [ $rc -ne 0 ] && echo "$out" | grep -q "the disk the system runs from"; then
		ok "this machine's root disk $rootdisk refused"
	else
		bad "this machine's root disk $rootdisk refused (rc=$rc: $out)"
	fi
else
	skipped "this machine's root disk refused" "root is '$rootsrc', not a block device"
fi

head -c 1048576 /dev/zero > "$T/loopfile"
if [ "$(id -u)" = 0 ] && LOOP=$(losetup -f --show "$T/loopfile" 2>/dev/null); then
	out=$(sh "$SCRIPT" "$T/orderly.iso" "$LOOP" < /dev/null 2>&1)
	rc=$?
	if [ $rc -ne 0 ] && echo "$out" | grep -q "neither removable nor on USB" &&
	   cmp -s -n 1048576 "$T/loopfile" /dev/zero; then
		ok "loop device $LOOP refused (not removable)"
	else
		bad "loop device $LOOP refused (rc=$rc: $out)"
	fi
else
	skipped "loop device refused" "no root or no free loop device"
fi

echo "usb: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
