// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: bytes -> MADT -> acpi_parse_madt() (kernel/acpi.c).
 *
 * Input: byte 0 says how to treat the rest, which is the table itself:
 *   bit 0 set: the length and checksum fields are fixed up as firmware
 *   would, so that the fuzzer reaches the entries instead of dying at the
 *   checksum; clear: taken as is (bad header, length and checksum paths).
 * The table is copied into a buffer of exactly its size, so ASan sees any
 * read past the end.
 *
 * Checks: a rejected table yields no CPUs; an accepted one has a valid
 * checksum over its own length, at most ACPI_MADT_MAX_CPUS CPUs, and every
 * CPU comes from a processor entry at a position the walk could reach.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/acpi.h>
#include "fuzz.h"

static struct acpi_madt_info info;

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	u8 *t;
	u32 len, i, n = 0, off;
	int ret;

	if (size < 1 || size > 65536)
		return 0;
	len = size - 1;
	t = malloc(len ? len : 1);
	if (!t)
		return 0;
	memcpy(t, data + 1, len);
	if ((data[0] & 1) && len >= 44) {
		u8 sum = 0;

		memcpy(t + 4, &len, 4);
		t[9] = 0;
		for (i = 0; i < len; i++)
			sum += t[i];
		t[9] = -sum;
	}
	ret = acpi_parse_madt(t, len, &info);
	if (ret) {
		CHECK(ret == -EINVAL);
		CHECK(info.nr_cpus == 0 && info.nr_dropped == 0);
	} else {
		u32 tlen;

		CHECK(len >= 44 && !memcmp(t, "APIC", 4));
		memcpy(&tlen, t + 4, 4);
		CHECK(tlen >= 44 && tlen <= len && acpi_checksum_ok(t, tlen));
		CHECK(info.nr_cpus <= ACPI_MADT_MAX_CPUS);
		/* walk the entries the same way: the processor entries must match */
		for (off = 44; off + 2 <= tlen && t[off + 1] >= 2; off += t[off + 1]) {
			if (t[off] == ACPI_MADT_TYPE_LOCAL_APIC || t[off] == ACPI_MADT_TYPE_LOCAL_X2APIC) {
				if (n < info.nr_cpus) {
					u32 id = t[off] == ACPI_MADT_TYPE_LOCAL_APIC ? t[off + 3] : 0;

					if (t[off] == ACPI_MADT_TYPE_LOCAL_X2APIC)
						memcpy(&id, t + off + 4, 4);
					CHECK(info.cpu[n].type == t[off]);
					CHECK(info.cpu[n].apicid == id);
				}
				n++;
			}
		}
		CHECK(off == tlen);
		CHECK(n == info.nr_cpus + info.nr_dropped);
	}
	free(t);
	return 0;
}
