; SPDX-License-Identifier: GPL-2.0
;
; How an application processor (AP) gets from its reset state into the
; kernel: Linux's arch/x86/realmode/rm/trampoline_32.S and head_32.S
; startup_32_smp, shrunk to what Orderly needs.
;
; An AP woken by INIT-SIPI-SIPI starts in 16-bit real mode at CS:IP =
; (vector << 8):0000, i.e. at the start of a 4 KiB page below 1 MiB.  The
; kernel lives at 0xC0100000, out of reach, so kernel/smp.c copies the
; blob between trampoline_start and trampoline_end to a page reserved
; through memblock and patches the fields at its end:
;   tr_gdtr   base of tr_gdt (flat 4 GiB code 0x08 / data 0x10) in that page
;   tr_far    physical address of tr_pm32 in that page, selector 0x08
;   tr_cr3    boot_pgdir's physical address: it maps the low 8 MiB 1:1 (so
;             the instruction after "mov cr0" is still there) and lowmem at
;             PAGE_OFFSET; swapper_pg_dir maps nothing below PAGE_OFFSET
;   tr_cr4    the boot CPU's CR4 (PSE for boot_pgdir's 4 MiB pages)
;   tr_entry  startup_ap, in the kernel's text
; The blob is position independent: the 16-bit part addresses its data
; relative to CS, the 32-bit part relative to %ebx = the page's address.
;
; startup_ap then runs at the kernel's address: loads the GDT kernel/smp.c
; built for this CPU (with its own per-CPU segment and TSS slots), puts
; the per-CPU selector in %fs, switches to swapper_pg_dir and to its own
; stack, and calls start_secondary(), which never returns.
;
; The boot CPU starts one AP at a time and passes it its GDT, stack and
; page tables in ap_boot_*.  Before touching them the AP claims them: it
; swaps ap_boot_token (the CPU number + 1, set by the boot CPU) for 0.  If
; the boot CPU gave up waiting and took the token back, a late AP finds 0
; and halts instead of running on another CPU's stack.

%define KERNEL_CS	0x08
%define KERNEL_DS	0x10
%define KERNEL_PERCPU	0x28		; GDT_ENTRY_PERCPU * 8, asm/percpu.h

extern start_secondary
extern ap_boot_gdt_desc, ap_boot_stack, ap_boot_cr3, ap_boot_token
extern paging_nx_enabled

global trampoline_start, trampoline_end
global tr_gdtr, tr_far, tr_cr3, tr_cr4, tr_entry
global startup_ap

section .rodata
align 16
bits 16
trampoline_start:
	cli
	cld
	mov ax, cs
	mov ds, ax
	xor ebx, ebx
	mov bx, ax
	shl ebx, 4				; the page's physical address
	o32 lgdt [tr_gdtr - trampoline_start]
	mov eax, cr0
	or eax, 1				; PE
	mov cr0, eax
	o32 jmp far [tr_far - trampoline_start]

bits 32
tr_pm32:
	mov ax, KERNEL_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov eax, [ebx + tr_cr4 - trampoline_start]
	mov cr4, eax
	mov eax, [ebx + tr_cr3 - trampoline_start]
	mov cr3, eax
	mov eax, cr0
	or eax, 0x80010000			; PG | WP, as boot/entry.asm
	mov cr0, eax
	mov eax, [ebx + tr_entry - trampoline_start]
	jmp eax

align 8
tr_gdt:
	dq 0
	dq 0x00CF9A000000FFFF			; flat 32-bit code, DPL 0
	dq 0x00CF92000000FFFF			; flat data
tr_gdtr:
	dw 3 * 8 - 1
	dd 0					; patched: physical address of tr_gdt
tr_far:
	dd 0					; patched: physical address of tr_pm32
	dw KERNEL_CS
align 4
tr_cr3:		dd 0
tr_cr4:		dd 0
tr_entry:	dd 0
trampoline_end:

global tr_pm32_offset, tr_gdt_offset
tr_pm32_offset:	dd tr_pm32 - trampoline_start
tr_gdt_offset:	dd tr_gdt - trampoline_start

section .text
bits 32
startup_ap:
	; claim ap_boot_*: token -> 0; a token already 0 means the boot CPU gave up on us
	xor eax, eax
	lock xchg [ap_boot_token], eax
	test eax, eax
	jz .halt
	lgdt [ap_boot_gdt_desc]
	jmp KERNEL_CS:.reload_cs
.reload_cs:
	mov ax, KERNEL_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov gs, ax
	mov ax, KERNEL_PERCPU
	mov fs, ax
	; the PAE kernel's page tables carry NX where the CPU has it: EFER.NXE
	; must be on before they are loaded, or NX is a reserved bit (#PF)
	cmp dword [paging_nx_enabled], 0
	je .no_nx
	mov ecx, 0xc0000080			; MSR_EFER
	rdmsr
	or eax, 0x800				; EFER.NXE
	wrmsr
.no_nx:
	mov eax, [ap_boot_cr3]
	mov cr3, eax
	mov esp, [ap_boot_stack]
	xor ebp, ebp				; ends the frame-pointer chain
	call start_secondary
.halt:
	cli
	hlt
	jmp .halt
