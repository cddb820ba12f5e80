// SPDX-License-Identifier: GPL-2.0
/*
 * Power off, restart, halt, and the QEMU test exit.
 *
 * Power off is ACPI sleep state S5: write SLP_TYPa | SLP_EN to the PM1a
 * control port (and SLP_TYPb to PM1b if there is one).  The port numbers are
 * in the FADT, the SLP_TYP values in the \_S5_ package of the DSDT's AML:
 *
 *   RSDP --> RSDT (32-bit pointers) or XSDT (64-bit) --> "FACP" (FADT)
 *   FADT: PM1a_CNT_BLK @64, PM1b_CNT_BLK @68, DSDT @40 (X_DSDT @140),
 *         SMI_CMD @48, ACPI_ENABLE @52
 *   DSDT: ... NameOp(0x08) "_S5_" PackageOp(0x12) PkgLength NumElements
 *         (BytePrefix(0x0A) value | ZeroOp | OneOp) ...
 *
 * Finding them at power-off time would mean walking firmware tables with a
 * machine in an unknown state, so acpi_power_init() does it once at boot
 * (the tables are found and checksummed by kernel/acpi.c) and keeps four
 * numbers.  Without ACPI, a QEMU
 * guest can still be switched off through the PM ports its chipsets use,
 * and as a last resort through isa-debug-exit.
 *
 * running_on_qemu() reads the fw_cfg signature (selector port 0x510, data
 * 0x511): "QEMU".  Writing those ports on a real PC is harmless (nothing
 * decodes them); the 0xf4 debug-exit port is only written under QEMU.
 */
#include <linux/reboot.h>
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/delay.h>
#include <asm/io.h>
#include <asm/pgtable.h>

#define FW_CFG_PORT_SEL		0x510
#define FW_CFG_PORT_DATA	0x511
#define FW_CFG_SIGNATURE	0x0000
#define ISA_DEBUG_EXIT_PORT	0xf4

#define ACPI_SLP_EN		(1u << 13)
#define ACPI_SCI_EN		1u

struct acpi_s5 {
	bool valid;
	u16 pm1a_cnt, pm1b_cnt;
	u8 slp_typa, slp_typb;
	u32 smi_cmd;
	u8 acpi_enable;
};

static struct acpi_s5 s5;

bool running_on_qemu(void)
{
	static int cached = -1;
	char sig[4];
	int i;

	if (cached < 0) {
		outw(FW_CFG_SIGNATURE, FW_CFG_PORT_SEL);
		for (i = 0; i < 4; i++)
			sig[i] = inb(FW_CFG_PORT_DATA);
		cached = !memcmp(sig, "QEMU", 4);
	}
	return cached;
}

void qemu_exit(u32 code)
{
	if (!running_on_qemu())
		return;
	/* a byte write works whatever iosize the device was given */
	if (code <= 0xff)
		outb(code, ISA_DEBUG_EXIT_PORT);
	else
		outl(code, ISA_DEBUG_EXIT_PORT);
	/* still here: no isa-debug-exit device */
}

void machine_halt(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

static void acpi_s5_enter(void)
{
	u32 spins;

	if (!s5.valid)
		return;
	/* firmware still owns the chipset (legacy mode): ask for ACPI mode */
	if (s5.smi_cmd && s5.acpi_enable && !(inw(s5.pm1a_cnt) & ACPI_SCI_EN)) {
		outb(s5.acpi_enable, s5.smi_cmd);
		for (spins = 0; spins < 300 && !(inw(s5.pm1a_cnt) & ACPI_SCI_EN); spins++)
			mdelay(1);
	}
	outw((inw(s5.pm1a_cnt) & 0xe3ff) | (s5.slp_typa << 10) | ACPI_SLP_EN, s5.pm1a_cnt);
	if (s5.pm1b_cnt)
		outw((inw(s5.pm1b_cnt) & 0xe3ff) | (s5.slp_typb << 10) | ACPI_SLP_EN, s5.pm1b_cnt);
	mdelay(100);
}

void machine_power_off(void)
{
	__asm__ __volatile__("cli");
	pr_emerg("reboot: Power down\n");
	acpi_s5_enter();
	if (running_on_qemu()) {
		outw(0x2000, 0x604);	/* i440fx/q35 PM1a_CNT: S5 */
		outw(0x2000, 0xB004);	/* older QEMU and Bochs */
		qemu_exit(QEMU_EXIT_PASS);
	}
	pr_emerg("reboot: power off failed, halting: it is safe to switch off now\n");
	machine_halt();
}

void machine_restart(void)
{
	static const struct { u16 limit; u32 base; } __packed no_idt = { 0, 0 };
	u32 spins;

	__asm__ __volatile__("cli");
	pr_emerg("reboot: Restarting system\n");
	/* 8042 "pulse reset line": wait for its input buffer to drain first */
	for (spins = 0; spins < 100000 && (inb(0x64) & 0x02); spins++)
		udelay(1);
	outb(0xFE, 0x64);
	mdelay(100);
	/* no keyboard controller or it ignored us: an exception with no IDT resets the CPU */
	pr_emerg("reboot: keyboard controller reset failed, triple faulting\n");
	__asm__ __volatile__("lidt %0; int3" : : "m"(no_idt));
	machine_halt();
}

/* ---------------------------------------------------------------- ACPI */

/* one \_S5_ package element: BytePrefix n, ZeroOp, OneOp; -1 otherwise */
static int aml_small_int(const u8 *p, const u8 *end, const u8 **next)
{
	if (p < end && (*p == 0x00 || *p == 0x01)) {
		*next = p + 1;
		return *p;
	}
	if (p + 1 < end && *p == 0x0A) {
		*next = p + 2;
		return p[1];
	}
	return -1;
}

static bool acpi_parse_s5(const u8 *dsdt, u32 len)
{
	const u8 *end = dsdt + len, *p;
	int a, b;

	for (p = dsdt + 36; p + 8 < end; p++) {
		if (memcmp(p, "_S5_", 4) || p[4] != 0x12)
			continue;
		if (!(p[-1] == 0x08 || (p[-1] == '\\' && p[-2] == 0x08)))
			continue;
		p += 5;
		p += ((*p >> 6) & 3) + 1;	/* PkgLength: 1-4 bytes */
		p++;				/* NumElements */
		a = aml_small_int(p, end, &p);
		b = a < 0 ? -1 : aml_small_int(p, end, &p);
		if (a < 0 || a > 7)
			return false;
		s5.slp_typa = a;
		s5.slp_typb = b < 0 ? 0 : b & 7;
		return true;
	}
	return false;
}

void acpi_power_init(const u8 *rsdp, u32 rsdp_len)
{
	const u8 *fadt, *dsdt;
	u64 dsdt_phys;
	u32 flen;

	rsdp = acpi_find_rsdp(rsdp, rsdp_len, &rsdp_len);
	if (!rsdp) {
		pr_info("ACPI: no RSDP, power off only through QEMU's ports\n");
		return;
	}
	fadt = acpi_find_table(rsdp, rsdp_len, "FACP");
	if (!fadt) {
		pr_warn("ACPI: no valid FADT, power off only through QEMU's ports\n");
		return;
	}
	flen = *(const u32 *)(fadt + 4);
	s5.smi_cmd = flen >= 52 ? *(const u32 *)(fadt + 48) : 0;
	s5.acpi_enable = flen >= 53 ? fadt[52] : 0;
	s5.pm1a_cnt = flen >= 68 ? *(const u32 *)(fadt + 64) : 0;
	s5.pm1b_cnt = flen >= 72 ? *(const u32 *)(fadt + 68) : 0;
	dsdt_phys = *(const u32 *)(fadt + 40);
	if (!dsdt_phys && flen >= 148)
		dsdt_phys = *(const u64 *)(fadt + 140);
	dsdt = dsdt_phys ? acpi_map_table(dsdt_phys, "DSDT") : NULL;
	if (!s5.pm1a_cnt || !dsdt || !acpi_parse_s5(dsdt, *(const u32 *)(dsdt + 4))) {
		pr_warn("ACPI: no usable \\_S5_ (PM1a_CNT 0x%x, DSDT 0x%llx), power off only through QEMU's ports\n",
			s5.pm1a_cnt, dsdt_phys);
		return;
	}
	s5.valid = true;
	pr_info("ACPI: RSDP %.6s rev %u, S5 via PM1a_CNT 0x%x SLP_TYPa %u\n",
		rsdp + 9, rsdp[15], s5.pm1a_cnt, s5.slp_typa);
}
