#!/bin/sh
# Instructions per kmalloc/kfree (malloc/free) pair, from callgrind:
# only pair_loop() of bench/slab_bench.c is collected, 100000 pairs.
#   bench/slab_instr.sh build/bench/slab-orderly build/bench/slab-glibc ...
# Output: CSV "backend,pair,size,instructions,N" (the slow path of the
# first slab is included, spread over the 100000 pairs).
set -e
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for bin in "$@"; do
	be=${bin##*/slab-}
	for size in 8 64 256 1024 4096; do
		valgrind --tool=callgrind --toggle-collect=pair_loop \
			--callgrind-out-file="$out/cg.$be.$size" "$bin" --instr "$size" 2>/dev/null
		ir=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out/cg.$be.$size")
		[ -n "$ir" ] || ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$out/cg.$be.$size")
		echo "$be,pair,$size,instructions,$(awk -v i="$ir" 'BEGIN { printf "%.1f", i / 100000 }')"
	done
done
