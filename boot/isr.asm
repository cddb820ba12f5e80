; SPDX-License-Identifier: GPL-2.0
;
; One entry stub per interrupt vector (0-255).  The CPU pushes an error code
; for vectors 8, 10-14, 17, 21, 29 and 30; every other stub pushes a 0 so
; that all frames look alike.  Each stub then pushes its vector number and
; joins isr_common, which saves the rest of the registers as a struct
; pt_regs (include/asm/ptrace.h) and calls do_trap(regs) -- %eax carries
; the argument under -mregparm=3.  Vector 8 (#DF) is normally reached
; through a task gate instead (kernel/traps.c); its stub is a fallback.

global isr_stub_table
extern do_trap

section .text

%macro ISR_STUB 1
isr_stub_%1:
%if (%1 == 8) || (%1 >= 10 && %1 <= 14) || (%1 == 17) || (%1 == 21) || (%1 == 29) || (%1 == 30)
	push dword %1
%else
	push dword 0
	push dword %1
%endif
	jmp isr_common
%endmacro

%assign i 0
%rep 256
ISR_STUB i
%assign i i+1
%endrep

isr_common:
	pusha
	push ds
	push es
	push fs
	push gs
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov gs, ax			; %fs is left alone: the per-CPU segment (asm/percpu.h)
	cld
	mov eax, esp
	call do_trap
	pop gs
	pop fs
	pop es
	pop ds
	popa
	add esp, 8			; vector and error code
	iret

section .rodata
align 4
isr_stub_table:
%assign i 0
%rep 256
	dd isr_stub_ %+ i
%assign i i+1
%endrep
