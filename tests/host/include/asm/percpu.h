/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: one thread, which is CPU 0 (the kernel's is include/asm/percpu.h). */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

static inline unsigned int raw_smp_processor_id(void) { return 0; }

#endif
