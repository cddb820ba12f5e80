/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Busy-wait delays (kernel/time.c).  Before time_init() has calibrated the
 * TSC they fall back to ~1 us port-0x80 writes, which are slow but safe.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif
