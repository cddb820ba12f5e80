/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic types shared by the kernel and the host test builds.
 *
 * Only compiler-provided freestanding headers are used, so the same file
 * serves an i686 -ffreestanding kernel build and a 64-bit hosted test build.
 * Physical addresses are always 64 bits wide (memory above 4 GiB exists in
 * the firmware's map even though this non-PAE kernel cannot use it).
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t   s8;
typedef int16_t  s16;
typedef int32_t  s32;
typedef int64_t  s64;

typedef u64 phys_addr_t;
typedef unsigned int gfp_t;

#ifndef __ORDERLY_HOST__
typedef __PTRDIFF_TYPE__ ssize_t;	/* the signed size_t: int on i386, as %zd expects */
#endif

struct list_head {
	struct list_head *next, *prev;
};

#endif /* _LINUX_TYPES_H */
