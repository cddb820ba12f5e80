# Orderly: a 32-bit x86 kernel that shows Linux's page allocator at work.
#
#   make            build/orderly.elf (the kernel) and build/orderly-pae.elf (the
#                   same sources with PAE: RAM up to 64 GiB)
#   make iso        build/orderly.iso (GRUB, BIOS + UEFI, hybrid CD/USB)
#   make run        boot the ISO in QEMU (SeaBIOS, -m 2G), serial on this terminal
#   make run-uefi   the same under OVMF
#   make check      every test: host (ASan/UBSan, -m32), fuzz smoke, perf gate, QEMU matrix, oracle
#
# Both run and check install missing Debian packages first (scripts/deps.sh).

CROSS	?= i686-linux-gnu-
CC	:= $(CROSS)gcc
LD	:= $(CROSS)ld
NM	:= $(CROSS)nm
OBJCOPY	:= $(CROSS)objcopy
NASM	?= nasm
HOSTCC	?= gcc
CLANG	?= clang
PYTHON	?= python3
QEMU	?= qemu-system-i386
MEM	?= 2G
# extra kernel command line for make run / run-uefi, e.g. make run CMDLINE=selftest
CMDLINE	?=

B	:= build

# ---------------------------------------------------------------- kernel
KCFLAGS := -std=gnu11 -m32 -march=i686 -O2 -g -ffreestanding -fno-pie -fno-pic \
	   -fno-stack-protector -fno-omit-frame-pointer -fno-strict-aliasing \
	   -mregparm=3 -mgeneral-regs-only -mno-red-zone \
	   -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
	   -Wmissing-prototypes -Iinclude -MMD -MP
KASFLAGS := -f elf32 -g -F dwarf -Werror

# the in-kernel suites, less those that need the host (a suite compiled in
# only to print "# SKIP" is dead code; tests/qemu/run_tests.py says which
# in-kernel tests may skip where)
KTEST_HOST_ONLY := tests/kunit/highmem_test.c
KSRCS := $(filter-out $(KTEST_HOST_ONLY), \
	   $(wildcard boot/*.c kernel/*.c mm/*.c drivers/*.c lib/*.c tests/kunit/*.c))
KASMS := $(wildcard boot/*.asm)
KOBJS := $(patsubst %.c,$(B)/k/%.o,$(KSRCS)) $(patsubst %.asm,$(B)/k/%.o,$(KASMS))

# ---------------------------------------------------------------- host tests
# The real sources that run on the host, and those that stay in the kernel.
HOST_EXCLUDE := lib/string.c lib/vsprintf.c
HOST_KSRCS := $(filter-out $(HOST_EXCLUDE), \
		$(wildcard mm/*.c lib/*.c) $(wildcard boot/multiboot2.c kernel/params.c kernel/setup.c kernel/acpi.c))
HOST_TSRCS := $(wildcard tests/kunit/*_test.c) tests/kunit/mm_fixture.c $(filter-out tests/host/main.c,$(wildcard tests/host/*.c))
HOSTCFLAGS := -std=gnu11 -g -O1 -D__ORDERLY_HOST__ -Itests/host/include -Iinclude \
	      -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare -MMD -MP
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# a real 32-bit build of the same tests, with the i686 cross toolchain's own
# libc and sanitizer runtimes (found through its loader, not the host's)
HOST32CC := i686-linux-gnu-gcc
SAN32FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
	-Wl,--dynamic-linker=/usr/i686-linux-gnu/lib/ld-linux.so.2 -Wl,-rpath,/usr/i686-linux-gnu/lib
UBSAN32FLAGS := -fsanitize=undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
	-Wl,--dynamic-linker=/usr/i686-linux-gnu/lib/ld-linux.so.2 -Wl,-rpath,/usr/i686-linux-gnu/lib

.PHONY: all iso run run-uefi check deps deps-boot test-host test-host32 fuzz fuzz-smoke \
	test-qemu test-shell-doc clean bench bench-instr bench-smoke bench-gate bench-gate-measure bench-budget \
	bench-readme bench-slab bench-fragment usb test-usb test-screen oracle mutate
.PHONY: test-tsan bench-smp
.DEFAULT_GOAL := all

all: $(B)/orderly.elf $(B)/orderly-pae.elf

# install what is missing, then try every toolchain piece (scripts/probe.sh);
# make run needs only the pieces that build and boot the ISO
deps:
	@scripts/deps.sh
	@scripts/probe.sh $(B) all

deps-boot:
	@scripts/deps.sh
	@scripts/probe.sh $(B) boot

$(B)/k/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -c $< -o $@

$(B)/k/%.o: %.asm
	@mkdir -p $(dir $@)
	$(NASM) $(KASFLAGS) -MD $(@:.o=.d) $< -o $@

# Two links: the second embeds a symbol table (from the first) so that
# stack traces can name functions.  scripts/mksyms.py writes it as asm into
# .rodata.ksyms, linked last: it follows all code, so no function moves
# between the links (checked below).  libgcc is deliberately not linked:
# it is built without -mregparm=3, and GCC calls its helpers with
# regparm; lib/libgcc.c provides the ones we need (see there).
KLDFLAGS := -m elf_i386 -T linker.ld -nostdlib -z noexecstack -z max-page-size=4096

$(B)/k/empty_syms.o: scripts/mksyms.py
	@mkdir -p $(dir $@)
	$(PYTHON) scripts/mksyms.py /dev/null > $(B)/k/empty_syms.asm
	$(NASM) -f elf32 $(B)/k/empty_syms.asm -o $@

$(B)/orderly.pass1: $(KOBJS) $(B)/k/empty_syms.o linker.ld
	$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/k/empty_syms.o

$(B)/k/syms.o: $(B)/orderly.pass1 scripts/mksyms.py
	$(NM) -n $< | $(PYTHON) scripts/mksyms.py - > $(B)/k/syms.asm
	$(NASM) -f elf32 $(B)/k/syms.asm -o $@

$(B)/orderly.elf: $(B)/orderly.pass1 $(B)/k/syms.o scripts/check-headers.sh
	$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/k/syms.o
	@$(NM) -n $(B)/orderly.pass1 | grep -i ' [tw] ' > $(B)/k/text1.nm; \
	 $(NM) -n $@ | grep -i ' [tw] ' > $(B)/k/text2.nm; \
	 cmp -s $(B)/k/text1.nm $(B)/k/text2.nm || \
	 { echo "error: functions moved between the two links (symbol table would lie)"; \
	   diff $(B)/k/text1.nm $(B)/k/text2.nm | head; rm -f $@; exit 1; }
	@scripts/check-headers.sh $@

# The PAE kernel (Linux's HIGHMEM64G): the same sources built with
# CONFIG_X86_PAE into build/kpae/, linked the same two-pass way.  Its page
# tables have three levels of 64-bit entries and it keeps RAM up to 64 GiB;
# the ISO's default entry boots it on a CPU with PAE (iso/grub.cfg).
KPAE_OBJS := $(patsubst %.c,$(B)/kpae/%.o,$(KSRCS)) $(patsubst %.asm,$(B)/kpae/%.o,$(KASMS))

# With PAE a pglist_data holds 64 GiB worth of pageblock flags (49 KiB):
# one on the 32 KiB kernel stack overflows it, so frames that large fail
# the build instead of the boot (the limit leaves room for
# alloc_contig_range(), which saves a zone's pageblock flags on the
# stack: 16 KiB with PAE).
$(B)/kpae/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -DCONFIG_X86_PAE -Wframe-larger-than=20480 -c $< -o $@

$(B)/kpae/%.o: %.asm
	@mkdir -p $(dir $@)
	$(NASM) $(KASFLAGS) -DCONFIG_X86_PAE -MD $(@:.o=.d) $< -o $@

$(B)/orderly-pae.pass1: $(KPAE_OBJS) $(B)/k/empty_syms.o linker.ld
	$(LD) $(KLDFLAGS) -o $@ $(KPAE_OBJS) $(B)/k/empty_syms.o

$(B)/kpae/syms.o: $(B)/orderly-pae.pass1 scripts/mksyms.py
	$(NM) -n $< | $(PYTHON) scripts/mksyms.py - > $(B)/kpae/syms.asm
	$(NASM) -f elf32 $(B)/kpae/syms.asm -o $@

$(B)/orderly-pae.elf: $(B)/orderly-pae.pass1 $(B)/kpae/syms.o scripts/check-headers.sh
	$(LD) $(KLDFLAGS) -o $@ $(KPAE_OBJS) $(B)/kpae/syms.o
	@$(NM) -n $(B)/orderly-pae.pass1 | grep -i ' [tw] ' > $(B)/kpae/text1.nm; \
	 $(NM) -n $@ | grep -i ' [tw] ' > $(B)/kpae/text2.nm; \
	 cmp -s $(B)/kpae/text1.nm $(B)/kpae/text2.nm || \
	 { echo "error: functions moved between the two links (symbol table would lie)"; \
	   diff $(B)/kpae/text1.nm $(B)/kpae/text2.nm | head; rm -f $@; exit 1; }
	@scripts/check-headers.sh $@

iso: $(B)/orderly.iso
$(B)/orderly.iso: $(B)/orderly.elf $(B)/orderly-pae.elf iso/grub.cfg
	@rm -rf $(B)/isodir && mkdir -p $(B)/isodir/boot/grub
	cp $(B)/orderly.elf $(B)/isodir/boot/orderly.elf
	cp $(B)/orderly-pae.elf $(B)/isodir/boot/orderly-pae.elf
	cp iso/grub.cfg $(B)/isodir/boot/grub/grub.cfg
	@# grub-mkrescue puts in every platform installed under /usr/lib/grub:
	@# i386-pc (BIOS, El Torito + MBR for USB), x86_64-efi and i386-efi (ESP image)
	@for p in i386-pc x86_64-efi i386-efi; do [ -d /usr/lib/grub/$$p ] || \
	  echo "iso: warning: GRUB platform $$p not installed (make deps installs it)"; done
	grub-mkrescue -o $@ $(B)/isodir >$(B)/grub-mkrescue.log 2>&1 || { cat $(B)/grub-mkrescue.log; exit 1; }

run: deps-boot $(B)/orderly.iso
	$(PYTHON) tests/qemu/boot.py --iso $(B)/orderly.iso --mem $(MEM) --interactive --cmdline "$(CMDLINE)"

run-uefi: deps-boot $(B)/orderly.iso
	$(PYTHON) tests/qemu/boot.py --iso $(B)/orderly.iso --mem $(MEM) --uefi --interactive --cmdline "$(CMDLINE)"

# Write the ISO to a USB stick: make usb DEV=/dev/sdX.  The script refuses
# partitions, mounted or busy disks, the root disk, non-removable disks,
# and asks for "yes" first (README: Boot it on your own PC).
usb: $(B)/orderly.iso
	@test -n "$(DEV)" || { echo "usage: make usb DEV=/dev/sdX  (the whole stick, see lsblk)"; exit 1; }
	scripts/usb-write.sh $(B)/orderly.iso $(DEV)

# ---------------------------------------------------------------- tests
# Real Linux as the oracle: Debian's own Linux 6.1 i386 kernels (686 and
# 686-pae, fetched once with apt-get download into build/oracle/) and
# Orderly boot on the same QEMU machines; what must be equal is checked,
# the documented differences are printed side by side (README: "Real
# Linux as the oracle").  Not part of check: it downloads ~105 MB once and
# boots 15 machines (several minutes on 2 cores).
oracle: deps $(B)/orderly.elf
	$(PYTHON) tests/oracle/oracle.py --kernel $(B)/orderly.elf

$(B)/host/%.o: %.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) $(SANFLAGS) -c $< -o $@

$(B)/host32/%.o: %.c
	@mkdir -p $(dir $@)
	$(HOST32CC) $(HOSTCFLAGS) $(SAN32FLAGS) -c $< -o $@

$(B)/host32-ubsan/%.o: %.c
	@mkdir -p $(dir $@)
	$(HOST32CC) $(HOSTCFLAGS) $(UBSAN32FLAGS) -c $< -o $@

HOST_OBJS := $(patsubst %.c,$(B)/host/%.o,$(HOST_KSRCS) $(HOST_TSRCS) tests/host/main.c)
HOST32_OBJS := $(patsubst %.c,$(B)/host32/%.o,$(HOST_KSRCS) $(HOST_TSRCS) tests/host/main.c)
HOST32U_OBJS := $(patsubst %.c,$(B)/host32-ubsan/%.o,$(HOST_KSRCS) $(HOST_TSRCS) tests/host/main.c)

$(B)/host/kunit_tests: $(HOST_OBJS)
	$(HOSTCC) $(SANFLAGS) -o $@ $^

$(B)/host32/kunit_tests: $(HOST32_OBJS)
	$(HOST32CC) $(SAN32FLAGS) -o $@ $^

$(B)/host32-ubsan/kunit_tests: $(HOST32U_OBJS)
	$(HOST32CC) $(UBSAN32FLAGS) -o $@ $^

test-host: $(B)/host/kunit_tests
	ORDERLY_QUIET=1 ASAN_OPTIONS=detect_leaks=1 $(B)/host/kunit_tests

# The same suites as a real i386 program.  Where this machine's kernel
# cannot execute i386 binaries (no IA32 emulation), they run under
# qemu-i386 instead, built with UBSan only: ASan's shadow memory does not
# fit beside the suites' large test arenas in qemu-user's 4 GiB guest
# space (its allocator CHECK-fails in realmaps_zones).  The first line of
# the output says which way they ran; ORDERLY_HOST32=qemu tries the other
# path on a machine that has IA32 emulation.
test-host32:
	@mode=$$(scripts/host32-mode.sh $(B)) || exit 1; \
	if [ "$$mode" = native ]; then \
	  $(MAKE) --no-print-directory $(B)/host32/kunit_tests || exit 1; \
	  echo "host32: running natively (this kernel executes i386 binaries), ASan+UBSan"; \
	  ORDERLY_QUIET=1 ASAN_OPTIONS=detect_leaks=0 $(B)/host32/kunit_tests; \
	else \
	  $(MAKE) --no-print-directory $(B)/host32-ubsan/kunit_tests || exit 1; \
	  echo "host32: running under qemu-i386 (no IA32 emulation in this kernel), UBSan only"; \
	  ORDERLY_QUIET=1 qemu-i386 $(B)/host32-ubsan/kunit_tests; \
	fi

# Mutation testing: every deliberate break of tests/mutants.txt, one at a
# time, in a copy of the tree (build/mutate/tree); each must make the host
# tests (or the named fuzz corpus) fail.  Not part of check: it takes
# minutes.  make mutate MUTANTS="name ..." runs only those.
mutate:
	$(PYTHON) scripts/mutate.py $(MUTANTS)

# libFuzzer: every tests/fuzz/fuzz_*.c is a target, linked with the real
# sources and the host support files; corpora in tests/fuzz/corpus/<name>/
# (committed; the smoke run writes new inputs under build/ only).
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SUPPORT := $(filter-out tests/host/main.c,$(wildcard tests/host/*.c))
# one clang call compiles and links all sources, so headers are listed as
# prerequisites (a change rebuilds) but only the .c files are passed
$(B)/fuzz/%: tests/fuzz/%.c $(HOST_KSRCS) $(FUZZ_SUPPORT) $(shell find include tests/host/include tests/fuzz -name '*.h')
	@mkdir -p $(dir $@)
	$(CLANG) -std=gnu11 -g -O1 -D__ORDERLY_HOST__ -Itests/host/include -Iinclude \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -o $@ $(filter %.c,$^)

fuzz: $(addprefix $(B)/fuzz/,$(FUZZ_TARGETS))
fuzz-smoke: fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p tests/fuzz/corpus/$$t $(B)/fuzz/new-$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
	  ORDERLY_QUIET=1 $(B)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=0 \
	    -close_fd_mask=1 $(B)/fuzz/new-$$t tests/fuzz/corpus/$$t 2>$(B)/fuzz/$$t.log \
	    || { tail -40 $(B)/fuzz/$$t.log; exit 1; }; \
	  grep -E '^#[0-9]+[[:space:]]+DONE' $(B)/fuzz/$$t.log | tail -1; \
	done

# ---------------------------------------------------------------- benchmarks
# Issue 8 (bench/): the real mm/ sources at -O2, no sanitizers, no VM_BUG_ON
# checks (ORDERLY_NO_DEBUG_VM), against the LIFO floor and glibc, jemalloc,
# mimalloc, one binary per allocator.  make bench: timings (several minutes),
# callgrind counts, table + targets on stdout, CSV and PNG in build/bench/.
# make bench-smoke (part of check): every workload with tiny counts, and
# verify_free_lists() after each (an error fails it).  make bench-gate
# (part of check): the performance gate, below.  make bench-readme: the
# README's table from build/bench/summary.csv (after make bench).
BENCH_CFLAGS := -std=gnu11 -O2 -g -D__ORDERLY_HOST__ -DORDERLY_NO_DEBUG_VM \
		-Itests/host/include -Iinclude -Wall -Wextra -Werror \
		-Wno-unused-parameter -Wno-sign-compare -MMD -MP
BENCH_KSRCS := $(HOST_KSRCS) tests/kunit/mm_fixture.c bench/orderly_node.c \
		$(filter-out tests/host/main.c,$(wildcard tests/host/*.c))
BENCH_KOBJS := $(patsubst %.c,$(B)/bench/obj/%.o,$(BENCH_KSRCS))
BENCH_INSTR_H := $(wildcard /usr/include/valgrind/callgrind.h)
BENCH_ALL := orderly lifo glibc jemalloc mimalloc
# comparators whose library is installed (make bench installs them first)
BENCH_HAVE = orderly lifo glibc $(if $(wildcard /usr/include/jemalloc/jemalloc.h),jemalloc) \
	     $(if $(wildcard /usr/include/mimalloc.h),mimalloc)
BENCH_LIBS_jemalloc := -ljemalloc
BENCH_LIBS_mimalloc := -lmimalloc
BENCH_HDRS := bench/bench.c bench/timing.h

$(B)/bench/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(HOSTCC) $(BENCH_CFLAGS) -c $< -o $@

$(B)/bench/bench-orderly: $(BENCH_HDRS) bench/be_orderly.h bench/orderly_node.h $(BENCH_KOBJS)
	$(HOSTCC) $(BENCH_CFLAGS) $(if $(BENCH_INSTR_H),-DBENCH_INSTR) \
		-DBENCH_BACKEND_H='"be_orderly.h"' -o $@ bench/bench.c $(BENCH_KOBJS)
$(B)/bench/bench-lifo: $(BENCH_HDRS) bench/be_lifo.h bench/lifo.c bench/lifo.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter $(if $(BENCH_INSTR_H),-DBENCH_INSTR) \
		-DBENCH_BACKEND_H='"be_lifo.h"' -o $@ bench/bench.c bench/lifo.c
$(B)/bench/bench-%: $(BENCH_HDRS) bench/be_%.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
		-DBENCH_BACKEND_H='"be_$*.h"' -o $@ bench/bench.c $(BENCH_LIBS_$*)

bench:
	@ORDERLY_BENCH_DEPS=1 scripts/deps.sh
	$(MAKE) $(addprefix $(B)/bench/bench-,$(BENCH_ALL))
	@for b in $(BENCH_ALL); do \
	  $(B)/bench/bench-$$b > $(B)/bench/$$b.csv || exit 1; done
	$(MAKE) bench-instr
	$(PYTHON) bench/report.py $(B)/bench $(addprefix $(B)/bench/,$(addsuffix .csv,$(BENCH_ALL))) \
		$(B)/bench/instr.csv

# rewrite the table between the bench-table markers of README.md
bench-readme:
	$(PYTHON) bench/report.py --readme README.md $(B)/bench/summary.csv

# instructions per operation of workloads 1, 3, 4, 6 (Orderly and the floor)
bench-instr: $(B)/bench/bench-orderly $(B)/bench/bench-lifo
	@test -n "$(BENCH_INSTR_H)" || { echo "bench-instr: valgrind's callgrind.h is missing (apt-get install valgrind)"; exit 1; }
	@rm -rf $(B)/bench/callgrind && mkdir -p $(B)/bench/callgrind
	@for b in orderly lifo; do \
	  valgrind --tool=callgrind --collect-atstart=no \
	    --callgrind-out-file=$(B)/bench/callgrind/callgrind.out.$$b.%p \
	    $(B)/bench/bench-$$b --instr $(BENCH_INSTR_ARGS) 2>$(B)/bench/callgrind/$$b.log \
	    || { tail -20 $(B)/bench/callgrind/$$b.log; exit 1; }; done
	$(PYTHON) bench/instr.py $(B)/bench/instr.csv $(B)/bench/callgrind/callgrind.out.*

# issue 14: the fragmentation experiment (grouping by mobility off/on), table
# on stdout, build/bench/fragment.csv and docs/fragment.png
$(B)/bench/fragment: bench/fragment.c $(BENCH_KOBJS)
	$(HOSTCC) $(BENCH_CFLAGS) -o $@ bench/fragment.c $(BENCH_KOBJS)

bench-fragment: $(B)/bench/fragment
	ORDERLY_QUIET=1 $(B)/bench/fragment $(B)/bench/fragment.csv
	gnuplot bench/fragment.gp

bench-smoke: $(addprefix $(B)/bench/bench-,$(BENCH_HAVE))
	@mkdir -p $(B)/bench/smoke
	@for b in $(BENCH_HAVE); do \
	  ORDERLY_QUIET=1 $(B)/bench/bench-$$b --smoke > $(B)/bench/smoke/$$b.csv 2>$(B)/bench/smoke/$$b.log \
	    || { cat $(B)/bench/smoke/$$b.log; exit 1; }; \
	  grep -q ',6_zeroed_page,' $(B)/bench/smoke/$$b.csv || { echo "bench-smoke: $$b incomplete"; exit 1; }; \
	done
	$(PYTHON) bench/report.py $(B)/bench/smoke $(B)/bench/smoke/*.csv > $(B)/bench/smoke/report.txt
	@echo "bench-smoke: $(BENCH_HAVE): every workload ran"

# The performance gate (issue 13): Orderly's instructions per operation
# under callgrind (bench-orderly --instr --gate: the same workloads and
# states, fewer operations; about 20 s) against bench/budget.csv; fails
# when a row exceeds its budget by more than 3%, printing measured vs
# budget for every row.  The budget's boot row is judged by the QEMU case
# bench-icount-3G (tests/qemu/run_tests.py).  make bench-budget rewrites
# the budget from a measurement (both sources): commit it saying why.
BENCH_GATE := $(B)/bench/gate
bench-gate-measure: $(B)/bench/bench-orderly
	@test -n "$(BENCH_INSTR_H)" || { echo "bench-gate: valgrind's callgrind.h is missing (apt-get install valgrind)"; exit 1; }
	@rm -rf $(BENCH_GATE) && mkdir -p $(BENCH_GATE)
	@ORDERLY_QUIET=1 valgrind --tool=callgrind --collect-atstart=no \
	    --callgrind-out-file=$(BENCH_GATE)/callgrind.out.%p \
	    $(B)/bench/bench-orderly --instr --gate 2>$(BENCH_GATE)/valgrind.log \
	    || { tail -20 $(BENCH_GATE)/valgrind.log; exit 1; }
	@$(PYTHON) bench/instr.py $(BENCH_GATE)/instr.csv $(BENCH_GATE)/callgrind.out.* > $(BENCH_GATE)/instr.txt

bench-gate: bench-gate-measure
	$(PYTHON) bench/gate.py check bench/budget.csv --instr $(BENCH_GATE)/instr.csv

bench-budget: bench-gate-measure $(B)/orderly.iso $(B)/orderly.elf
	-$(MAKE) test-qemu QEMU_CASES=bench-icount-3G
	$(PYTHON) bench/gate.py rebaseline bench/budget.csv --instr $(BENCH_GATE)/instr.csv \
		--boot-log $(B)/test-logs/bench-icount-3G.log

# Small objects (bench/slab_bench.c): kmalloc/kfree against glibc, jemalloc,
# mimalloc - cycles, churn latency percentiles, producer/consumer, slab
# memory overhead, and callgrind instructions per pair (bench/slab_instr.sh).
SLAB_BENCH_HAVE = orderly glibc $(if $(wildcard /usr/include/jemalloc/jemalloc.h),jemalloc) \
		  $(if $(wildcard /usr/include/mimalloc.h),mimalloc)
$(B)/bench/slab-orderly: bench/slab_bench.c bench/timing.h bench/orderly_node.h $(BENCH_KOBJS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(BENCH_CFLAGS) -DSLAB_BE_ORDERLY -o $@ bench/slab_bench.c $(BENCH_KOBJS)
SLAB_BENCH_BE_glibc := -DSLAB_BE_GLIBC
SLAB_BENCH_BE_jemalloc := -DSLAB_BE_JEMALLOC
SLAB_BENCH_BE_mimalloc := -DSLAB_BE_MIMALLOC
$(addprefix $(B)/bench/slab-,glibc jemalloc mimalloc): $(B)/bench/slab-%: bench/slab_bench.c bench/timing.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
		$(SLAB_BENCH_BE_$*) -o $@ bench/slab_bench.c $(BENCH_LIBS_$*)
bench-slab: $(addprefix $(B)/bench/slab-,$(SLAB_BENCH_HAVE))
	@for b in $(SLAB_BENCH_HAVE); do ORDERLY_QUIET=1 $(B)/bench/slab-$$b || exit 1; done \
		| tee $(B)/bench/slab.csv
	@sh bench/slab_instr.sh $(addprefix $(B)/bench/slab-,$(SLAB_BENCH_HAVE)) | tee $(B)/bench/slab-instr.csv

# the QEMU matrix (tests/qemu/run_tests.py); QEMU_CASES=boot,selftest-bios-2G
# runs the cases whose names contain one of the words; logs in build/test-logs/
test-qemu: $(B)/orderly.iso $(B)/orderly.elf $(B)/orderly-pae.elf
	$(PYTHON) tests/qemu/run_tests.py --iso $(B)/orderly.iso --kernel $(B)/orderly.elf \
		--kernel-pae $(B)/orderly-pae.elf \
		$(if $(QEMU_CASES),-k $(QEMU_CASES))

# docs/shell.md's example session, typed into the kernel booted from the
# ISO at -m 2G: any difference fails, with a diff (--write re-captures)
test-shell-doc: $(B)/orderly.iso
	$(PYTHON) scripts/capture_shell_doc.py --iso $(B)/orderly.iso \
		--log $(B)/test-logs/capture-shell-doc.txt --check
	$(PYTHON) scripts/capture_shell_doc.py --doc fragmentation --iso $(B)/orderly.iso \
		--log $(B)/test-logs/capture-fragmentation-lab.txt --check

# screen and keyboard with no serial line (SeaBIOS, OVMF, VGA text) and the
# bare board (-nodefaults, no i8042); tests/qemu/screen_test.py --docs also
# rewrites docs/screen-{bios,uefi}.png
test-screen: $(B)/orderly.iso $(B)/orderly.elf
	$(PYTHON) tests/qemu/screen_test.py --iso $(B)/orderly.iso --kernel $(B)/orderly.elf

# scripts/usb-write.sh against fake disks, a loop device and the root disk
test-usb:
	sh tests/usb_write_test.sh

# ---------------------------------------------------------------- SMP on the host
# Issue 16: the real mm/ with pthreads as CPUs (tests/tsan/pcp_smp.c:
# smp_processor_id() is the thread's number).  make test-tsan (part of
# check): the concurrent stress under ThreadSanitizer, then under
# ASan/UBSan.  make bench-smp: order-0 pair throughput on 1 and 2 threads,
# per-CPU lists on and off, at -O2 without checks.
SMP_SRCS := $(HOST_KSRCS) tests/kunit/mm_fixture.c tests/tsan/pcp_smp.c \
	    $(filter-out tests/host/main.c,$(wildcard tests/host/*.c))
SMP_DEPS := $(SMP_SRCS) $(shell find include tests/host/include mm -name '*.h') tests/kunit/mm_fixture.h
SMP_CFLAGS := $(filter-out -MMD -MP -O1,$(HOSTCFLAGS)) -pthread -DORDERLY_HOST_YIELD
$(B)/smp/pcp_smp_tsan: $(SMP_DEPS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(SMP_CFLAGS) -O1 -fsanitize=thread -o $@ $(SMP_SRCS)
$(B)/smp/pcp_smp_asan: $(SMP_DEPS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(SMP_CFLAGS) -O1 $(SANFLAGS) -o $@ $(SMP_SRCS)
$(B)/smp/pcp_smp_bench: $(SMP_DEPS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(filter-out -MMD -MP,$(BENCH_CFLAGS)) -pthread -DORDERLY_HOST_YIELD -o $@ $(SMP_SRCS)
# 10^6 operations over 4 threads under ASan; TSan, 10x slower, fewer
# history_size=7 (TSan's largest): the suppressed page_is_buddy() read must
# keep its stack for the suppression to match; with the default history a
# loaded machine evicts it ("failed to restore the stack") and the known,
# suppressed race is reported (two copies at once: 4 of 16 runs; with 7: 0 of 16)
SMP_TSAN = TSAN_OPTIONS="halt_on_error=1 exitcode=66 history_size=7 suppressions=$(CURDIR)/tests/tsan/suppressions.txt" \
	   ORDERLY_QUIET=1 $(B)/smp/pcp_smp_tsan
test-tsan: $(B)/smp/pcp_smp_tsan $(B)/smp/pcp_smp_asan
	$(SMP_TSAN) stress 2 50000
	$(SMP_TSAN) stress 4 20000
	ORDERLY_QUIET=1 $(B)/smp/pcp_smp_asan stress 4 250000
	$(SMP_TSAN) slab 4 50000
	ORDERLY_QUIET=1 $(B)/smp/pcp_smp_asan slab 4 250000
	ORDERLY_QUIET=1 $(B)/smp/pcp_smp_asan slab 4 50000 debug
	@echo "test-tsan: 6 passed, 0 failed"
bench-smp: $(B)/smp/pcp_smp_bench
	@uptime
	@for t in 1 2; do $(B)/smp/pcp_smp_bench bench $$t 4000000 on; done
	@for t in 1 2; do $(B)/smp/pcp_smp_bench bench $$t 400000 nopcp; done

# every stage runs even after one fails; scripts/check.sh ends with a table
# and "check: N passed, N failed" (stages)
CHECK_STAGES := iso test-host test-host32 test-usb fuzz-smoke bench-smoke bench-gate test-qemu test-shell-doc \
	test-screen oracle test-tsan
check: deps
	@B=$(B) MAKE="$(MAKE)" scripts/check.sh $(CHECK_STAGES)

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' -type f 2>/dev/null)
