/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host build of the kernel's virtual layout: the PKMAP window and the
 * fixmap are a PROT_NONE reservation made by tests/host/mmu_hooks.c, whose
 * base is only known at run time; the arithmetic is the kernel's.
 */
#ifndef _ASM_PGTABLE_32_AREAS_H
#define _ASM_PGTABLE_32_AREAS_H

#include <asm/page.h>

extern unsigned long host_pkmap_base;	/* LAST_PKMAP pages, a guard, the fixmap */
extern unsigned long host_fixaddr_top;

#define FIXADDR_TOP	host_fixaddr_top
#define PKMAP_BASE	host_pkmap_base
#include <asm/kmap_areas.h>

#endif
