; SPDX-License-Identifier: GPL-2.0
;
; cpu_check_early: is this CPU one the kernel can run on?  Called first
; thing in _start (boot/entry.asm), before any instruction a 386 lacks
; besides CPUID itself: the C code is built for i686 and GCC uses cmov
; freely, so an i586 (no cmov) or older would otherwise fault with no IDT
; and reset silently.  Linux's real-mode boot code (arch/x86/boot/cpu.c,
; validate_cpu()) prints
;
;   This kernel requires an i686 CPU, but only detected an i586 CPU.
;   Unable to boot - please use a kernel appropriate for your CPU.
;
; or, for a family-6 CPU without cmov, "This kernel requires the following
; features not present on the CPU:" and "cmov "; so does this, then halts.
; The level is Linux's: 3 without the AC flag, 4 with it but without CPUID,
; else the CPUID family (15 and above count as 6, as cpu_name() shows them).
;
; Paging is off and the loader's stack is undefined: the caller gives us
; the boot stack at its physical address; everything here is addressed
; through V2P().  The message goes to:
;   - COM1, after an 8250 init (115200 8N1, as the kernel's driver);
;   - the VGA text buffer at 0xb8000, when the loader left text mode (no
;     Multiboot2 framebuffer tag, or one of EGA text type);
;   - a 32-bpp linear framebuffer from the Multiboot2 framebuffer tag (UEFI
;     GOP, VBE), drawn with the kernel's own font (drivers/font8x16.c),
;     white on black from the top left.  Other depths get no screen output.
; Every instruction here is a 386's (plus CPUID, guarded by the ID flag).

%define PAGE_OFFSET	0xC0000000
%define V2P(x)		((x) - PAGE_OFFSET)

%define MB2_BOOT_MAGIC	0x36D76289
%define MB2_TAG_FB	8
%define FB_TYPE_RGB	1
%define FB_TYPE_EGA	2

%define COM1		0x3f8
%define VGA_TEXT	0xb8000

%define EFLAGS_AC	(1 << 18)
%define EFLAGS_ID	(1 << 21)
%define CPUID1_CMOV	(1 << 15)

extern font8x16

global cpu_check_early

section .text
; in: eax = boot magic, ebx = physical address of the boot information
cpu_check_early:
	pushad
	mov [V2P(cc_magic)], eax
	mov [V2P(cc_mbi)], ebx

	; the ID flag toggles iff CPUID exists (Linux's has_eflag())
	mov ecx, EFLAGS_ID
	call has_eflag
	jz .no_cpuid
	xor eax, eax
	cpuid
	test eax, eax
	jz .level4			; no leaf 1: no family to read
	mov eax, 1
	cpuid
	shr eax, 8
	and eax, 0xf
	cmp eax, 6
	jb .too_old
	test edx, CPUID1_CMOV
	jz .no_cmov
	popad
	ret

.no_cpuid:
	mov ecx, EFLAGS_AC
	call has_eflag
	jz .level3
.level4:
	mov eax, 4
	jmp .too_old
.level3:
	mov eax, 3
.too_old:
	add al, '0'
	mov [V2P(msg_level)], al
	mov esi, V2P(msg_old)
	jmp .refuse
.no_cmov:
	mov esi, V2P(msg_cmov)
.refuse:
	push esi
	call early_console_init
	pop esi
	call puts
	mov esi, V2P(msg_unable)
	call puts
.halt:
	cli
	hlt
	jmp .halt

; ZF clear iff bit(s) @ecx of EFLAGS can be flipped
has_eflag:
	pushfd
	pop eax
	mov edx, eax
	xor eax, ecx
	push eax
	popfd
	pushfd
	pop eax
	push edx
	popfd
	xor eax, edx
	test eax, ecx
	ret

; COM1 8250 init; pick the screen from the Multiboot2 framebuffer tag
early_console_init:
	mov dx, COM1 + 1
	xor al, al
	out dx, al			; no interrupts
	mov dx, COM1 + 3
	mov al, 0x80
	out dx, al			; DLAB: divisor follows
	mov dx, COM1
	mov al, 1
	out dx, al			; 115200 baud
	mov dx, COM1 + 1
	xor al, al
	out dx, al
	mov dx, COM1 + 3
	mov al, 0x03
	out dx, al			; 8N1
	mov dx, COM1 + 2
	mov al, 0xc7
	out dx, al			; FIFO on, cleared
	mov dx, COM1 + 4
	mov al, 0x03
	out dx, al			; DTR, RTS

	mov byte [V2P(cc_screen)], FB_TYPE_EGA	; default: text mode (Multiboot v1, old loaders)
	cmp dword [V2P(cc_magic)], MB2_BOOT_MAGIC
	jne .screen_done
	mov esi, [V2P(cc_mbi)]
	mov ecx, [esi]			; total_size
	add ecx, esi
	add esi, 8
.tag:
	lea eax, [esi + 8]
	cmp eax, ecx
	ja .screen_done
	mov eax, [esi]			; type
	test eax, eax
	jz .screen_done			; end tag
	cmp eax, MB2_TAG_FB
	je .fb_tag
	mov eax, [esi + 4]		; size, then 8-byte alignment
	cmp eax, 8
	jb .screen_done			; malformed: stop
	add eax, 7
	and eax, ~7
	add esi, eax
	jmp .tag
.fb_tag:
	mov al, [esi + 29]		; framebuffer_type
	mov [V2P(cc_screen)], al
	cmp al, FB_TYPE_RGB
	jne .screen_done
	cmp dword [esi + 12], 0		; above 4 GiB: unreachable without paging
	jne .no_screen
	cmp byte [esi + 28], 32		; bpp
	jne .no_screen
	mov eax, [esi + 8]
	mov [V2P(cc_fb)], eax
	mov eax, [esi + 16]
	mov [V2P(cc_pitch)], eax
	mov eax, [esi + 20]
	shr eax, 3			; width / 8: glyphs per line
	mov [V2P(cc_cols)], eax
	jmp .screen_done
.no_screen:
	mov byte [V2P(cc_screen)], 0
.screen_done:
	cmp byte [V2P(cc_screen)], FB_TYPE_EGA
	jne .ret
	mov edi, VGA_TEXT		; clear the text screen
	mov ecx, 80 * 25
	mov ax, 0x0720
	rep stosw
.ret:
	ret

; write the NUL-terminated string at physical @esi everywhere
puts:
	lodsb
	test al, al
	jz .done
	call putc
	jmp puts
.done:
	ret

; one character (in al) to COM1 ("\n" as "\r\n") and the screen
putc:
	pushad
	cmp al, 10
	jne .serial
	mov al, 13
	call serial_putc
	mov al, 10
.serial:
	call serial_putc
	mov al, [esp + 28]		; the saved eax: the character
	cmp al, 10
	je .newline
	mov ecx, [V2P(cc_col)]
	cmp byte [V2P(cc_screen)], FB_TYPE_EGA
	je .text
	cmp byte [V2P(cc_screen)], FB_TYPE_RGB
	jne .advance
	cmp ecx, [V2P(cc_cols)]
	jae .advance
	call fb_glyph
	jmp .advance
.text:
	cmp ecx, 80
	jae .advance
	mov edx, [V2P(cc_row)]
	cmp edx, 25
	jae .advance
	imul edx, edx, 80
	add edx, ecx
	mov ah, 0x07
	mov [VGA_TEXT + edx * 2], ax
.advance:
	inc dword [V2P(cc_col)]
	popad
	ret
.newline:
	mov dword [V2P(cc_col)], 0
	inc dword [V2P(cc_row)]
	popad
	ret

; al to COM1, waiting (bounded: a missing UART reads 0xff) for the transmitter
serial_putc:
	mov ah, al
	mov ecx, 100000
	mov dx, COM1 + 5
.wait:
	in al, dx
	test al, 0x20
	jnz .send
	loop .wait
.send:
	mov al, ah
	mov dx, COM1
	out dx, al
	ret

; glyph al at column ecx, row cc_row of the 32-bpp framebuffer
fb_glyph:
	movzx esi, al
	shl esi, 4
	add esi, V2P(font8x16)
	mov edi, [V2P(cc_row)]
	shl edi, 4			; 16 pixel rows per text row
	imul edi, [V2P(cc_pitch)]
	shl ecx, 5			; 8 pixels of 4 bytes per column
	add edi, ecx
	add edi, [V2P(cc_fb)]
	mov bl, 16
.row:
	mov ah, [esi]
	inc esi
	xor ecx, ecx
.pixel:
	xor edx, edx
	shl ah, 1
	jnc .put
	mov edx, 0x00ffffff
.put:
	mov [edi + ecx * 4], edx
	inc ecx
	cmp ecx, 8
	jb .pixel
	add edi, [V2P(cc_pitch)]
	dec bl
	jnz .row
	ret

section .rodata
msg_cmov:	db "This kernel requires the following features not present on the CPU:", 10
		db "cmov ", 10, 0
msg_unable:	db "Unable to boot - please use a kernel appropriate for your CPU.", 10, 0

section .data
msg_old:	db "This kernel requires an i686 CPU, but only detected an i"
msg_level:	db "?86 CPU.", 10, 0	; the digit is filled in
align 4
cc_magic:	dd 0
cc_mbi:		dd 0
cc_fb:		dd 0		; physical address of a 32-bpp framebuffer
cc_pitch:	dd 0
cc_cols:	dd 0		; glyphs per framebuffer line
cc_col:		dd 0
cc_row:		dd 0
cc_screen:	db 0		; FB_TYPE_EGA, FB_TYPE_RGB, or 0: serial only
