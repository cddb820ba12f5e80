#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Write the Orderly ISO to a USB stick (Linux):  make usb DEV=/dev/sdX
#                                      or:  scripts/usb-write.sh ISO DEV
#
# The ISO is a hybrid image (grub-mkrescue): written raw to the whole
# disk it boots on BIOS and UEFI.  Because dd to the wrong disk destroys
# it, the target is refused unless ALL of these hold:
#   - it is a block device, and a whole disk (not a partition: /dev/sdb,
#     not /dev/sdb1);
#   - it is not the disk the running system's root file system is on
#     (following device-mapper/LVM/LUKS one level down to its disks);
#   - neither it nor any of its partitions is mounted or used as swap, and
#     nothing (device-mapper, RAID) holds it;
#   - the kernel calls it removable, or it sits on a USB bus;
#   - it is at least as large as the ISO;
# and then a person types "yes" after seeing its name, model and size.
# dd writes with conv=fsync, so the data is on the stick when it returns.
#
# Test hooks (tests/usb_write_test.sh uses them; never needed otherwise):
#   ORDERLY_USB_TEST=1      accept a regular file as the "disk"
#   ORDERLY_USB_SYSFS=DIR   read DIR/class/block/... instead of /sys
#   ORDERLY_USB_MOUNTS=FILE read FILE instead of /proc/mounts
#   ORDERLY_USB_SWAPS=FILE  read FILE instead of /proc/swaps
set -eu

SYSFS=${ORDERLY_USB_SYSFS:-/sys}
MOUNTS=${ORDERLY_USB_MOUNTS:-/proc/mounts}
SWAPS=${ORDERLY_USB_SWAPS:-/proc/swaps}
TEST=${ORDERLY_USB_TEST:-0}

die() {
	echo "usb-write: $*" >&2
	exit 1
}

[ $# -eq 2 ] && [ -n "$2" ] || die "usage: $0 ISO DEV   (make usb DEV=/dev/sdX)"
iso=$1
arg=$2
[ -f "$iso" ] || die "$iso: no such ISO (run make iso)"
[ -e "$arg" ] || die "$arg: no such device"

dev=$(readlink -f -- "$arg")
if [ -b "$dev" ]; then
	:
elif [ "$TEST" = 1 ] && [ -f "$dev" ]; then
	:
else
	die "$arg: not a block device"
fi
name=$(basename -- "$dev")
sys="$SYSFS/class/block/$name"
[ -e "$sys" ] || die "$arg: $sys not found: cannot check what this device is"

# --- a whole disk, not a partition
if [ -e "$sys/partition" ]; then
	parent=$(basename -- "$(dirname -- "$(readlink -f -- "$sys")")")
	die "$arg is a partition: write to the whole disk (/dev/$parent), not to one partition"
fi

# the whole-disk names behind a block device name: itself, its parent if it
# is a partition, and for device-mapper the disks under it
disks_of() {
	_n=$1
	_s="$SYSFS/class/block/$_n"
	if [ -e "$_s/partition" ]; then
		_n=$(basename -- "$(dirname -- "$(readlink -f -- "$_s")")")
		_s="$SYSFS/class/block/$_n"
	fi
	echo "$_n"
	if [ -d "$_s/slaves" ]; then
		for _sl in "$_s"/slaves/*; do
			[ -e "$_sl" ] || continue
			disks_of "$(basename -- "$_sl")"
		done
	fi
}

# --- not the disk the system runs from
rootsrc=$(awk '$2 == "/" { src = $1 } END { print src }' "$MOUNTS")
case "$rootsrc" in
/*)
	if [ -e "$rootsrc" ]; then
		rootname=$(basename -- "$(readlink -f -- "$rootsrc")")
		for d in $(disks_of "$rootname"); do
			[ "$d" = "$name" ] && die "$arg holds the root file system ($rootsrc on /): this is the disk the system runs from"
		done
	fi
	;;
esac

# --- nothing on it is in use
is_ours() {		# is $1 (a /dev path) this disk or one of its partitions?
	_p=$(readlink -f -- "$1" 2>/dev/null || echo "$1")
	case "$_p" in
	"$dev") return 0 ;;
	esac
	_b=$(basename -- "$_p")
	[ -e "$SYSFS/class/block/$_b/partition" ] || return 1
	[ "$(basename -- "$(dirname -- "$(readlink -f -- "$SYSFS/class/block/$_b")")")" = "$name" ]
}
while read -r src mnt _rest; do
	case "$src" in /*) ;; *) continue ;; esac
	if is_ours "$src"; then
		die "$arg is in use: $src is mounted on $mnt (unmount it first)"
	fi
done < "$MOUNTS"
if [ -r "$SWAPS" ]; then
	while read -r src _rest; do
		case "$src" in /*) ;; *) continue ;; esac
		if is_ours "$src"; then
			die "$arg is in use: $src is swap (swapoff it first)"
		fi
	done < "$SWAPS"
fi
for h in "$sys"/holders/* "$sys"/*/holders/*; do
	[ -e "$h" ] && die "$arg is in use by $(basename -- "$h") (device-mapper, LVM or RAID)"
done

# --- a removable or USB disk
removable=$(cat "$sys/removable" 2>/dev/null || echo 0)
case "$(readlink -f -- "$sys")" in
*/usb[0-9]*/*) usb=1 ;;
*) usb=0 ;;
esac
if [ "$removable" != 1 ] && [ "$usb" != 1 ]; then
	die "$arg is neither removable nor on USB: refusing to overwrite what looks like an internal disk"
fi

# --- large enough
sectors=$(cat "$sys/size" 2>/dev/null || echo 0)
devbytes=$((sectors * 512))
isobytes=$(wc -c < "$iso")
[ "$devbytes" -ge "$isobytes" ] || die "$arg is too small: $devbytes bytes, the ISO needs $isobytes"

# --- a person confirms
model=$(cat "$sys/device/model" 2>/dev/null || true)
vendor=$(cat "$sys/device/vendor" 2>/dev/null || true)
echo "usb-write: about to write $iso ($isobytes bytes)"
kind=removable
[ "$usb" = 1 ] && kind=USB
echo "usb-write: to $dev: $(echo $vendor $model), $((devbytes / 1000000)) MB, $kind"
echo "usb-write: EVERYTHING on $dev will be lost."
printf 'Type yes to continue: '
answer=
read -r answer || true
[ "$answer" = yes ] || die "not confirmed, nothing written"

progress=
[ -t 2 ] && progress="status=progress"
dd if="$iso" of="$dev" bs=4M conv=fsync $progress
sync
echo "usb-write: done; $dev can be removed.  Boot it with the firmware's boot menu (README: Boot it on your own PC)."
