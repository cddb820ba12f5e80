// SPDX-License-Identifier: GPL-2.0
/*
 * ACPI tables: finding them, checking them, and reading the MADT.
 *
 *   RSDP --> RSDT (32-bit pointers) or XSDT (64-bit) --> "APIC" (MADT),
 *                                                         "FACP" (FADT, kernel/power.c)
 *
 * The RSDP comes from the boot loader's Multiboot2 ACPI tag (GRUB finds it
 * on BIOS and on UEFI, where no BIOS area exists); without one, the BIOS
 * areas are searched as Linux's acpi_find_root_pointer() does.  Every
 * table's signature, length and checksum are checked before anything in
 * it is believed.
 *
 * The MADT ("Multiple APIC Description Table") lists the processors:
 *
 *   header (36 bytes) | u32 local APIC address | u32 flags | entries ...
 *   entry: u8 type, u8 length, then by type:
 *     0 processor local APIC (8):   u8 UID, u8 APIC id, u32 flags
 *     5 local APIC address override (12): u16 reserved, u64 address
 *     9 processor local x2APIC (16): u16 reserved, u32 x2APIC id, u32 flags, u32 UID
 *   flags: bit 0 enabled, bit 1 online capable (may be enabled later)
 *
 * acpi_parse_madt() is plain data in, plain data out, so the host tests
 * feed it hand-built tables; choosing which CPUs to start is kernel/smp.c's.
 */
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/string.h>
#ifndef __ORDERLY_HOST__
#include <asm/pgtable.h>
#endif

#define ACPI_HDR_LEN	36
#define MADT_HDR_LEN	44

static u32 get_u32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, 4);
	return v;
}

static u64 get_u64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, 8);
	return v;
}

bool acpi_checksum_ok(const u8 *p, u32 len)
{
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum == 0;
}

/* ---------------------------------------------------------------- MADT */

static int madt_cpu(struct acpi_madt_info *out, u8 type, u32 apicid, u32 acpi_id, u32 flags)
{
	struct acpi_madt_cpu *c;

	if (out->nr_cpus == ACPI_MADT_MAX_CPUS) {
		out->nr_dropped++;
		return 0;
	}
	c = &out->cpu[out->nr_cpus++];
	c->type = type;
	c->apicid = apicid;
	c->acpi_id = acpi_id;
	c->enabled = flags & ACPI_MADT_ENABLED;
	c->online_capable = flags & ACPI_MADT_ONLINE_CAPABLE;
	return 0;
}

int acpi_parse_madt(const u8 *madt, u32 len, struct acpi_madt_info *out)
{
	u32 tlen, off;

	memset(out, 0, sizeof(*out));
	if (len < MADT_HDR_LEN || memcmp(madt, "APIC", 4)) {
		pr_warn("ACPI: MADT: not an \"APIC\" table of at least %u bytes, ignored\n", MADT_HDR_LEN);
		return -EINVAL;
	}
	tlen = get_u32(madt + 4);
	if (tlen < MADT_HDR_LEN || tlen > len) {
		pr_warn("ACPI: MADT: length %u outside [%u, %u], ignored\n", tlen, MADT_HDR_LEN, len);
		return -EINVAL;
	}
	if (!acpi_checksum_ok(madt, tlen)) {
		pr_warn("ACPI: MADT: bad checksum, ignored\n");
		return -EINVAL;
	}
	out->lapic_addr = get_u32(madt + 36);
	out->flags = get_u32(madt + 40);
	for (off = MADT_HDR_LEN; off < tlen; ) {
		const u8 *e = madt + off;
		u8 type, elen;

		if (tlen - off < 2) {
			pr_warn("ACPI: MADT: entry at offset %u cut by the table's end, table ignored\n", off);
			goto bad;
		}
		type = e[0];
		elen = e[1];
		if (elen < 2 || elen > tlen - off) {
			pr_warn("ACPI: MADT: entry type %u at offset %u has bad length %u (%u bytes left), table ignored\n",
				type, off, elen, tlen - off);
			goto bad;
		}
		switch (type) {
		case ACPI_MADT_TYPE_LOCAL_APIC:
			if (elen < 8)
				goto short_entry;
			madt_cpu(out, type, e[3], e[2], get_u32(e + 4));
			break;
		case ACPI_MADT_TYPE_LOCAL_X2APIC:
			if (elen < 16)
				goto short_entry;
			madt_cpu(out, type, get_u32(e + 4), get_u32(e + 12), get_u32(e + 8));
			break;
		case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE:
			if (elen < 12)
				goto short_entry;
			out->lapic_addr = get_u64(e + 4);
			break;
		default:
			break;		/* I/O APICs, overrides, NMI sources: not used */
		}
		off += elen;
		continue;
short_entry:
		pr_warn("ACPI: MADT: entry type %u at offset %u is %u bytes, too short, table ignored\n",
			type, off, elen);
		goto bad;
	}
	return 0;
bad:
	out->nr_cpus = 0;
	out->nr_dropped = 0;
	return -EINVAL;
}

/* ---------------------------------------------------------------- finding tables */
#ifndef __ORDERLY_HOST__

const u8 *acpi_map(u64 phys, u32 len)
{
	u64 direct_end = paging_done() ? (u64)__pa(high_memory) : MAXMEM;

	if (!len || phys + len > (1ULL << 32))
		return NULL;
	if (phys + len <= direct_end)
		return __va(phys);
	return paging_done() ? ioremap_cache(phys, len) : NULL;
}

const u8 *acpi_map_table(u64 phys, const char *sig)
{
	const u8 *hdr = acpi_map(phys, ACPI_HDR_LEN);
	u32 len;

	if (!hdr)
		return NULL;
	len = get_u32(hdr + 4);
	if (sig && memcmp(hdr, sig, 4))
		return NULL;
	if (len < ACPI_HDR_LEN || len > ACPI_MAX_TABLE) {
		pr_warn("ACPI: %.4s at 0x%llx has bad length %u, ignored\n", hdr, phys, len);
		return NULL;
	}
	hdr = acpi_map(phys, len);
	if (hdr && !acpi_checksum_ok(hdr, len)) {
		pr_warn("ACPI: %.4s at 0x%llx has a bad checksum, ignored\n", hdr, phys);
		return NULL;
	}
	return hdr;
}

static const u8 *acpi_scan_rsdp(u32 start, u32 len)
{
	u32 off;

	for (off = 0; off + 20 <= len; off += 16) {
		const u8 *p = __va(start + off);

		if (!memcmp(p, "RSD PTR ", 8) && acpi_checksum_ok(p, 20))
			return p;
	}
	return NULL;
}

/* BIOS machines: the first KiB of the EBDA, then 0xE0000-0xFFFFF */
static const u8 *acpi_find_rsdp_bios(void)
{
	u32 ebda = (u32)*(const u16 *)__va(0x40E) << 4;
	const u8 *p = NULL;

	if (ebda >= 0x80000 && ebda < 0xA0000)
		p = acpi_scan_rsdp(ebda, 1024);
	return p ? p : acpi_scan_rsdp(0xE0000, 0x20000);
}

const u8 *acpi_find_rsdp(const u8 *rsdp, u32 rsdp_len, u32 *len_out)
{
	if (!rsdp || rsdp_len < 20) {
		rsdp = acpi_find_rsdp_bios();
		rsdp_len = rsdp && rsdp[15] >= 2 ? 36 : 20;
	}
	if (!rsdp || memcmp(rsdp, "RSD PTR ", 8))
		return NULL;
	*len_out = rsdp_len;
	return rsdp;
}

const u8 *acpi_find_table(const u8 *rsdp, u32 rsdp_len, const char *sig)
{
	const u8 *sdt = NULL;
	u32 entry_size = 4, i, n;

	if (rsdp[15] >= 2 && rsdp_len >= 36 && get_u64(rsdp + 24)) {
		sdt = acpi_map_table(get_u64(rsdp + 24), "XSDT");
		entry_size = 8;
	}
	if (!sdt) {
		sdt = acpi_map_table(get_u32(rsdp + 16), "RSDT");
		entry_size = 4;
	}
	if (!sdt)
		return NULL;
	n = (get_u32(sdt + 4) - ACPI_HDR_LEN) / entry_size;
	for (i = 0; i < n; i++) {
		const u8 *e = sdt + ACPI_HDR_LEN + i * entry_size;
		u64 phys = entry_size == 8 ? get_u64(e) : get_u32(e);
		const u8 *hdr = acpi_map(phys, ACPI_HDR_LEN);

		if (hdr && !memcmp(hdr, sig, 4))
			return acpi_map_table(phys, sig);
	}
	return NULL;
}
#endif
