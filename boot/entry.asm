; SPDX-License-Identifier: GPL-2.0
;
; The first instructions Orderly runs, and the boot headers the loaders look for.
;
; Both Multiboot headers sit at the very start of the image (section
; .multiboot, first in linker.ld), well inside the first 8 KiB that GRUB and
; QEMU scan:
;   - Multiboot2 (GRUB's `multiboot2`): asks, optionally, for a 1024x768x32
;     framebuffer and says EGA text is fine too, so the screen console can
;     work with whatever the firmware gives (GOP on UEFI, VBE or text on BIOS).
;   - Multiboot v1 (`qemu-system-i386 -kernel build/orderly.elf`): uses the
;     "a.out kludge" address fields, so the loader needs no ELF knowledge and
;     jumps to the physical entry point.
;
; The loader enters _start in 32-bit protected mode, paging off, interrupts
; off, %eax = boot magic, %ebx = physical address of the boot information;
; its GDT may be gone (UEFI), so no segment register is touched before ours
; is loaded.  The kernel is linked at PAGE_OFFSET + 1 MiB = 0xC0100000 but
; loaded at 1 MiB, so until paging is on every address is V2P()-translated.
;
; Steps, in the order they must happen:
;   0. check the CPU before anything else (boot/cpucheck.asm): an i686 with
;      cmov, or Linux's "This kernel requires an i686 CPU" message and a halt;
;   1. save magic and info pointer, clear .bss (loaders should, we do not rely on it);
;   2. copy the Multiboot2 information into mb_info_buf (in .bss) before
;      anything can overwrite it: GRUB puts it wherever it likes, on UEFI
;      often high in RAM, beyond the early direct map;
;   3. early page directory with 4 MiB (PSE) pages: identity [0, 8 MiB) so the
;      instruction after "mov cr0" still runs, and physical [0, 896 MiB) at
;      PAGE_OFFSET so that everything memblock hands out in lowmem is
;      reachable before paging_init() builds the final tables;
;   4. paging on, jump to the higher half, load our GDT, switch to the boot
;      stack (with an unmapped guard page below it once paging_init() runs);
;   5. start_kernel(magic, mbi_phys) -- arguments in %eax, %edx (-mregparm=3).

%define PAGE_OFFSET	0xC0000000
%define V2P(x)		((x) - PAGE_OFFSET)

%define MB2_HEADER_MAGIC	0xE85250D6
%define MB2_BOOT_MAGIC		0x36D76289
%define MB1_HEADER_MAGIC	0x1BADB002
; MB1 flags: page-align modules, want memory info, address fields valid (a.out kludge)
%define MB1_FLAGS		0x00010003

%define MB_INFO_BUF_SIZE	(128 * 1024)
%define BOOT_STACK_SIZE		(32 * 1024)

; early page directory: how many 4 MiB pages
%define EARLY_IDENT_PDES	2		; [0, 8 MiB)
%define EARLY_HIGH_PDES		224		; [0, 896 MiB) at PAGE_OFFSET
%define PDE_PSE_RW_P		0x83

extern start_kernel, cpu_check_early
extern _text_phys, _edata_phys, _end_phys
extern __bss_start, _end

global _start, boot_tsc, boot_magic, boot_mbi_phys, mb_info_buf, mb_info_len
global boot_pgdir, gdt_table, gdt_desc
global boot_stack_guard, boot_stack_bottom, boot_stack_top

section .multiboot progbits alloc noexec nowrite align=8
mb2_header:
	dd MB2_HEADER_MAGIC
	dd 0					; architecture: i386 protected mode
	dd mb2_header_end - mb2_header
	dd 0x100000000 - (MB2_HEADER_MAGIC + (mb2_header_end - mb2_header))
	align 8, db 0
	; console flags tag, optional: bit 1 = "EGA text supported"
	dw 4, 1
	dd 12
	dd 2
	align 8, db 0
	; framebuffer tag, optional: preferred mode; GRUB falls back to text
	dw 5, 1
	dd 20
	dd 1024, 768, 32
	align 8, db 0
	; end tag
	dw 0, 0
	dd 8
mb2_header_end:

	align 4, db 0
mb1_header:
	dd MB1_HEADER_MAGIC
	dd MB1_FLAGS
	dd 0x100000000 - (MB1_HEADER_MAGIC + MB1_FLAGS)
	dd V2P(mb1_header)			; header_addr
	dd _text_phys				; load_addr
	dd _edata_phys				; load_end_addr
	dd _end_phys				; bss_end_addr
	dd V2P(_start)				; entry_addr

section .text
_start:
	cli
	cld
	; 0. before the first instruction a 586 lacks (the loader's stack is
	;    undefined: use ours; .bss is cleared only after this returns)
	mov esp, V2P(boot_stack_top)
	call cpu_check_early			; returns only on a CPU we can run on
	mov [V2P(boot_magic)], eax
	mov [V2P(boot_mbi_phys)], ebx
	rdtsc
	mov [V2P(boot_tsc)], eax
	mov [V2P(boot_tsc) + 4], edx

	; 1. clear .bss
	mov edi, V2P(__bss_start)
	mov ecx, _end
	sub ecx, __bss_start
	xor eax, eax
	rep stosb

	; 2. copy the Multiboot2 information (total_size is its first dword)
	cmp dword [V2P(boot_magic)], MB2_BOOT_MAGIC
	jne .no_copy
	mov esi, [V2P(boot_mbi_phys)]
	mov ecx, [esi]
	cmp ecx, MB_INFO_BUF_SIZE
	ja .no_copy				; too big: start_kernel reads it in place
	mov [V2P(mb_info_len)], ecx
	mov edi, V2P(mb_info_buf)
	rep movsb
.no_copy:

	; 3. early page directory
	mov edi, V2P(boot_pgdir)
	mov eax, PDE_PSE_RW_P
	mov ecx, EARLY_IDENT_PDES
.ident:
	stosd
	add eax, 0x400000
	loop .ident
	mov edi, V2P(boot_pgdir) + (PAGE_OFFSET >> 22) * 4
	mov eax, PDE_PSE_RW_P
	mov ecx, EARLY_HIGH_PDES
.high:
	stosd
	add eax, 0x400000
	loop .high

	; 4. paging on (PSE for 4 MiB pages, WP so the kernel honours read-only PTEs)
	mov eax, cr4
	or eax, 0x10
	mov cr4, eax
	mov eax, V2P(boot_pgdir)
	mov cr3, eax
	mov eax, cr0
	or eax, 0x80010000
	mov cr0, eax
	mov eax, .higher_half
	jmp eax

.higher_half:
	lgdt [gdt_desc]
	jmp 0x08:.reload_cs
.reload_cs:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov fs, ax
	mov gs, ax
	mov ss, ax
	mov esp, boot_stack_top
	xor ebp, ebp				; ends the frame-pointer chain

	; 5. start_kernel(magic, mbi_phys): -mregparm=3 passes them in %eax, %edx
	mov eax, [boot_magic]
	mov edx, [boot_mbi_phys]
	call start_kernel
.hang:
	cli
	hlt
	jmp .hang

section .data
align 8
; GDT: null, kernel code 0x08, kernel data 0x10, then two TSS slots
; (0x18 the boot task, 0x20 the double-fault task) that trap_init() fills.
gdt_table:
	dq 0
	dq 0x00CF9A000000FFFF			; base 0, limit 4 GiB, 32-bit code, DPL 0
	dq 0x00CF92000000FFFF			; base 0, limit 4 GiB, data, DPL 0
	dq 0
	dq 0
gdt_table_end:
gdt_desc:
	dw gdt_table_end - gdt_table - 1
	dd gdt_table

align 8
boot_tsc:	dq 0		; TSC right after the CPU check (kernel/time.c)
boot_magic:	dd 0		; %eax from the loader
boot_mbi_phys:	dd 0		; %ebx from the loader
mb_info_len:	dd 0		; bytes copied into mb_info_buf; 0 = not copied

section .bss
align 4096
boot_pgdir:
	resb 4096
; the guard page is unmapped by paging_init(): a stack overflow faults
; instead of silently overwriting whatever lies below the stack
boot_stack_guard:
	resb 4096
boot_stack_bottom:
	resb BOOT_STACK_SIZE
boot_stack_top:
mb_info_buf:
	resb MB_INFO_BUF_SIZE
