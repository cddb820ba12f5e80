// SPDX-License-Identifier: GPL-2.0
/*
 * Time since boot from the TSC, calibrated against the PIT (8254).
 *
 * Calibration, as Linux's pit_calibrate_tsc(): PIT channel 2, whose gate
 * and output are wired to port 0x61 and to nothing else, counts down
 * CAL_LATCH ticks of its 1.193182 MHz clock (10 ms) in mode 0; the TSC
 * cycles that pass until OUT2 goes high give the TSC frequency.  Three runs,
 * the smallest count wins (a run can only be lengthened by a host or SMI
 * stealing time, never shortened).  Every wait is bounded: a machine
 * without a PIT gets a warning and ktime_get_ns() stays 0.
 *
 * boot_tsc is read by the kernel's first instruction (boot/entry.asm), so
 * "boot N ms" on the ready line includes the early assembly.
 */
#include <linux/timekeeping.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <asm/io.h>

#define PIT_TICK_RATE	1193182UL
#define CAL_MS		10
#define CAL_LATCH	(PIT_TICK_RATE / (1000 / CAL_MS))
#define CAL_MAX_POLLS	5000000

extern u64 boot_tsc;		/* boot/entry.asm */
static u64 tsc_khz;		/* 0 = unknown */

static bool cpu_has_tsc(void)
{
	u32 eax = 1, ebx, ecx = 0, edx;

	__asm__ __volatile__("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return edx & (1u << 4);
}

/* TSC cycles in CAL_MS, or 0 if OUT2 never rose */
static u64 pit_measure_tsc(void)
{
	u64 t1, t2;
	u32 polls;

	/* gate high, speaker off */
	outb((inb(0x61) & ~0x02) | 0x01, 0x61);
	outb(0xB0, 0x43);		/* channel 2, lo/hi byte, mode 0, binary */
	outb(CAL_LATCH & 0xFF, 0x42);
	outb(CAL_LATCH >> 8, 0x42);
	t1 = get_cycles();
	for (polls = 0; !(inb(0x61) & 0x20); polls++)
		if (polls > CAL_MAX_POLLS)
			return 0;
	t2 = get_cycles();
	return t2 - t1;
}

void time_init(void)
{
	u64 best = 0, d;
	int i;

	if (!cpu_has_tsc()) {
		pr_warn("tsc: no time stamp counter, timings unavailable\n");
		return;
	}
	for (i = 0; i < 3; i++) {
		d = pit_measure_tsc();
		if (d && (!best || d < best))
			best = d;
	}
	if (!best) {
		pr_warn("tsc: PIT calibration failed (no 8254?), timings unavailable\n");
		return;
	}
	tsc_khz = best / CAL_MS;
	pr_info("tsc: Detected %llu.%03llu MHz processor\n", tsc_khz / 1000, tsc_khz % 1000);
}

u64 tsc_khz_get(void)
{
	return tsc_khz;
}

u64 ktime_get_ns(void)
{
	u64 cycles;

	if (!tsc_khz)
		return 0;
	cycles = get_cycles() - boot_tsc;
	/* split so that cycles * 10^6 cannot overflow */
	return cycles / tsc_khz * 1000000 + cycles % tsc_khz * 1000000 / tsc_khz;
}

void udelay(unsigned long usecs)
{
	u64 end;

	if (!tsc_khz) {
		while (usecs--)
			io_delay();
		return;
	}
	end = get_cycles() + (u64)usecs * tsc_khz / 1000;
	while (get_cycles() < end)
		cpu_relax();
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
