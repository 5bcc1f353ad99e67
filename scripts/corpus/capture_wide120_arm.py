"""Round 120, the Cortex-M3 firmware: `tidegauge`, a tide gauge logger written here (startup code, a linker script with
FLASH and RAM regions, semihosting output, self-tests with bugs put in) and widened by a seeded generator to 200 filter
modules. Built with arm-none-eabi-gcc -Wall -Wextra and make -j2, linked with faults put in (a table too large for
FLASH, a ring buffer too large for RAM), inspected with size, nm, objdump, its map file and -fstack-usage listings, and
run under qemu-system-arm (lm3s6965evb) with semihosting: a self-test run with failures, a failed assert, a HardFault.
The extractors below apply NEEDLES.md's "Round 120" rules. Run through capture_wide120.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import groups, kind, mask, run, write_tree
from capture_wide120 import cap, shell_extra

QEMU = Path("/tmp/r120/q")  # qemu-system-arm unpacked from Debian's .debs when apt is busy (see ensure_qemu)


# ------------------------------------------------------------------ extractors (rules fixed before capture)

def _cross_gcc(lines):
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?\.[chsS]):\d+(?::\d+)?: (error|warning|fatal error): (.*?)(?: \[(-W[^\]]+)\])?$", ln)
        if m and m.group(2) != "warning":
            out.append(ln)
        elif m:
            pairs.append(((m.group(4) or mask(m.group(3)), m.group(1)), ln))
        elif re.search(r"undefined reference|ld returned|collect2: error", ln):
            out.append(ln)
    return out + groups(pairs) + shell_extra(lines)


@kind("arm-none-eabi-gcc", "build")
def n_arm_gcc(lines):
    """Rules 1+3: every error / fatal error line; warnings one {"any"} per (-W flag, file); undefined reference / ld returned lines; make *** and EXIT=N lines."""
    return _cross_gcc(lines)


@kind("avr-gcc", "build")
def n_avr_gcc(lines):
    """Rules 1+3: every error / fatal error line; warnings one {"any"} per (-W flag, file); undefined reference / ld returned lines; make *** and EXIT=N lines."""
    return _cross_gcc(lines)


@kind("ld-region-overflow", "build")
def n_ld_overflow(lines):
    """Rule 1: every line naming a region or section that does not fit (overflowed by / will not fit / not within region), every ld returned / collect2 line, make *** and EXIT=N lines."""
    out = [ln for ln in lines if re.search(r"overflowed by|will not fit in region|is not within region|ld returned|"
                                          r"collect2: error|error:", ln)]
    return out + shell_extra(lines)


@kind("arm-size-Ax", "listing")
def n_size_ax(lines):
    """Rule 5: each file line (name  :), the section size addr header, the .isr_vector/.text, .data, .bss rows and the Total line."""
    return [ln for ln in lines if re.search(r"\s:$", ln) or re.match(r"^section\s+size\s+addr", ln)
            or re.match(r"^(\.isr_vector|\.text|\.data|\.bss|Total)\s", ln)] + shell_extra(lines)


@kind("arm-size-berkeley", "listing")
def n_size_berkeley(lines):
    """Rule 4: the header row, the rows holding the largest and smallest text, data, bss and dec, and the (TOTALS) row."""
    rows = []
    for ln in lines:
        m = re.match(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+[0-9a-f]+\s+(\S+)", ln)
        if m and "(TOTALS)" not in ln:
            rows.append((ln, {"text": int(m.group(1)), "data": int(m.group(2)), "bss": int(m.group(3)),
                              "dec": int(m.group(4))}))
    out = [ln for ln in lines if re.match(r"^\s*text\s+data\s+bss", ln) or "(TOTALS)" in ln]
    for col in ("text", "data", "bss", "dec"):
        if rows:
            out.append(max(rows, key=lambda r: r[1][col])[0])
            out.append(min(rows, key=lambda r: r[1][col])[0])
    return out + shell_extra(lines)


@kind("ld-map-file", "listing")
def n_ld_map(lines):
    """Rule 5: Memory Configuration and its region rows, every top-level output section line, the five largest input-section lines, the Discarded input sections / Linker script and memory map lines."""
    out, sizes = [], []
    in_mem = False
    for i, ln in enumerate(lines):
        if ln.startswith(("Memory Configuration", "Discarded input sections", "Linker script and memory map")):
            out.append(ln)
            in_mem = ln.startswith("Memory Configuration")
            continue
        if in_mem and re.match(r"^\S+\s+0x[0-9a-f]+\s+0x[0-9a-f]+", ln):
            out.append(ln)
        m = re.match(r"^(\.[\w.]+)\s+0x[0-9a-f]+\s+0x[0-9a-f]+", ln)
        if m and ln.startswith("."):
            out.append(ln)
        elif re.match(r"^\.[\w.]+$", ln) and i + 1 < len(lines) and re.match(r"^\s+0x[0-9a-f]+\s+0x[0-9a-f]+", lines[i + 1]):
            out.append(ln)
        m = re.match(r"^ (\.[\w.]+)\s+0x[0-9a-f]+\s+0x([0-9a-f]+) \S+\.(o|a\(.*\))\)?$", ln)
        if m:
            sizes.append((int(m.group(2), 16), ln))
        elif re.match(r"^ \.[\w.]+$", ln) and i + 1 < len(lines):
            m2 = re.match(r"^\s+0x[0-9a-f]+\s+0x([0-9a-f]+) \S+", lines[i + 1])
            if m2:
                sizes.append((int(m2.group(1), 16), lines[i + 1]))
    out += [ln for _, ln in sorted(sizes, key=lambda s: -s[0])[:5]]
    return out + shell_extra(lines)


@kind("arm-nm-size-sort", "listing")
def n_arm_nm(lines):
    """Rule 5: the five largest rows (the last five), and every row whose type letter occurs in at most 2 rows."""
    rows = [(ln, ln.split()[2]) for ln in lines if re.match(r"^[0-9a-f]{8} [0-9a-f]{8} \w \S", ln)]
    out = [ln for ln, _ in rows[-5:]]
    cnt = Counter(t for _, t in rows)
    out += [ln for ln, t in rows if cnt[t] <= 2]
    return out + shell_extra(lines)


@kind("arm-objdump-h", "listing")
def n_arm_objdump_h(lines):
    """Rule 5: the file format line, the column header, and every section row."""
    return [ln for ln in lines if "file format" in ln or re.match(r"^Idx Name\s+Size", ln)
            or re.match(r"^\s+\d+ \S+\s+[0-9a-f]{8}\s", ln)] + shell_extra(lines)


@kind("gcc-stack-usage-su", "listing")
def n_su(lines):
    """Rule 5: every row whose qualifier is not static, and the five rows with the largest frame size."""
    rows = []
    for ln in lines:
        m = re.match(r"^(\S+:\d+:\d+:\S+)\s+(\d+)\s+(\S+)$", ln)
        if m:
            rows.append((ln, int(m.group(2)), m.group(3)))
    out = [ln for ln, _, q in rows if q != "static"]
    out += [ln for ln, _, _ in sorted(rows, key=lambda r: -r[1])[:5]]
    return out + shell_extra(lines)


@kind("qemu-semihosting", "log")
def n_qemu(lines):
    """Rules 1+3+5: every failure line (FAIL, assert, HardFault, fault, panic, error), every fault-dump register line, the closing summary line, any qemu-system-arm: message."""
    out = []
    for ln in lines:
        if re.search(r"FAIL|assert|HardFault|[Ff]ault|panic|error|qemu-system-arm:", ln):
            out.append(ln)
        elif re.match(r"^\s*(R\d+|R12|LR|PC|xPSR|CFSR|HFSR|BFAR|MMFAR)\s*=", ln):
            out.append(ln)
        elif re.match(r"^(tests|summary):", ln):
            out.append(ln)
    return out + shell_extra(lines)


# ------------------------------------------------------------------ the firmware

LINKER = """/* tidegauge: LM3S6965, 256K flash, 64K SRAM */
ENTRY(Reset_Handler)
MEMORY
{
  FLASH (rx)  : ORIGIN = 0x00000000, LENGTH = FLASH_LEN
  RAM   (rwx) : ORIGIN = 0x20000000, LENGTH = RAM_LEN
}
_estack = ORIGIN(RAM) + LENGTH(RAM);
_min_stack = 0x800;
SECTIONS
{
  .isr_vector : { KEEP(*(.isr_vector)) } > FLASH
  .text : { *(.text*) *(.glue_7) *(.glue_7t) KEEP(*(.init)) KEEP(*(.fini)) } > FLASH
  .rodata : { . = ALIGN(4); *(.rodata*) . = ALIGN(4); } > FLASH
  .ARM.exidx : { *(.ARM.exidx* .gnu.linkonce.armexidx.*) } > FLASH
  _sidata = LOADADDR(.data);
  .data : { . = ALIGN(4); _sdata = .; *(.data*) . = ALIGN(4); _edata = .; } > RAM AT> FLASH
  .bss (NOLOAD) : { . = ALIGN(4); _sbss = .; *(.bss*) *(COMMON) . = ALIGN(4); _ebss = .; } > RAM
  end = _ebss;
  ._stack (NOLOAD) : { . = ALIGN(8); . = . + _min_stack; } > RAM
}
"""

STARTUP_C = r"""#include <stdint.h>
#include "board.h"

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;
int main(void);

void Reset_Handler(void) {
    uint32_t *src = &_sidata, *dst = &_sdata;
    while (dst < &_edata) *dst++ = *src++;
    for (dst = &_sbss; dst < &_ebss; dst++) *dst = 0;
    SCB_CCR |= (1u << 4);  /* DIV_0_TRP: a division by zero traps */
    int rc = main();
    sh_exit(rc);
}

__attribute__((naked)) void HardFault_Handler(void) {
    __asm volatile("tst lr, #4\n ite eq\n mrseq r0, msp\n mrsne r0, psp\n b hardfault_report\n");
}

void Default_Handler(void) { sh_puts("unexpected interrupt\n"); sh_exit(3); }

__attribute__((section(".isr_vector"), used))
const void *vectors[16] = {
    &_estack, Reset_Handler, Default_Handler, HardFault_Handler,
    Default_Handler, Default_Handler, Default_Handler, 0, 0, 0, 0,
    Default_Handler, Default_Handler, 0, Default_Handler, Default_Handler,
};
"""

BOARD_H = """#ifndef BOARD_H
#define BOARD_H
#include <stdint.h>
#define SCB_CCR   (*(volatile uint32_t *)0xE000ED14)
#define SCB_CFSR  (*(volatile uint32_t *)0xE000ED28)
#define SCB_HFSR  (*(volatile uint32_t *)0xE000ED2C)
#define SCB_MMFAR (*(volatile uint32_t *)0xE000ED34)
#define SCB_BFAR  (*(volatile uint32_t *)0xE000ED38)
void sh_puts(const char *s);
void sh_exit(int code);
int log_printf(const char *fmt, ...);
#define TG_ASSERT(c) do { if (!(c)) { log_printf("assertion \\"%s\\" failed: file \\"%s\\", line %d, function: %s\\n", #c, __FILE__, __LINE__, __func__); sh_exit(2); } } while (0)
#endif
"""

SEMIHOST_C = r"""#include <stdarg.h>
#include <stdio.h>
#include "board.h"

static int semihost(int op, const void *arg) {
    register int r0 __asm("r0") = op;
    register const void *r1 __asm("r1") = arg;
    __asm volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void sh_puts(const char *s) { semihost(0x04, s); }

void sh_exit(int code) {
    semihost(0x18, (const void *)(code == 0 ? 0x20026 : 0x20023));
    for (;;) {}
}

int log_printf(const char *fmt, ...) {
    char buf[160];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    sh_puts(buf);
    return n;
}

void hardfault_report(uint32_t *frame) {
    log_printf("*** HardFault ***\n");
    log_printf("  R0   = 0x%08lx\n", (unsigned long)frame[0]);
    log_printf("  R1   = 0x%08lx\n", (unsigned long)frame[1]);
    log_printf("  R2   = 0x%08lx\n", (unsigned long)frame[2]);
    log_printf("  R3   = 0x%08lx\n", (unsigned long)frame[3]);
    log_printf("  R12  = 0x%08lx\n", (unsigned long)frame[4]);
    log_printf("  LR   = 0x%08lx\n", (unsigned long)frame[5]);
    log_printf("  PC   = 0x%08lx\n", (unsigned long)frame[6]);
    log_printf("  xPSR = 0x%08lx\n", (unsigned long)frame[7]);
    log_printf("  CFSR = 0x%08lx\n", (unsigned long)SCB_CFSR);
    log_printf("  HFSR = 0x%08lx\n", (unsigned long)SCB_HFSR);
    log_printf("  MMFAR= 0x%08lx\n", (unsigned long)SCB_MMFAR);
    log_printf("  BFAR = 0x%08lx\n", (unsigned long)SCB_BFAR);
    log_printf("system halted\n");
    sh_exit(4);
}
"""

TIDE_H = """#ifndef TIDE_H
#define TIDE_H
#include <stdint.h>
#define RING_LEN 64
typedef struct { int32_t t_min; int16_t level_mm; uint8_t flags; } sample_t;
typedef struct { sample_t buf[RING_LEN]; unsigned head, count; } ring_t;
void ring_push(ring_t *r, sample_t s);
int ring_get(const ring_t *r, unsigned age, sample_t *out);
int32_t tide_predict(int32_t t_min);
int16_t median5(const int16_t *v);
uint16_t crc16_ccitt(const uint8_t *p, unsigned n);
int32_t mean_level(const ring_t *r);
int parse_nmea_depth(const char *s, int32_t *mm);
unsigned run_filters(int16_t *px, unsigned n);
#endif
"""

TIDE_C = r"""#include <stdlib.h>
#include <string.h>
#include "tide.h"

#ifndef TABLE_WORDS
#define TABLE_WORDS 64
#endif
#ifndef LOG_RING
#define LOG_RING 512
#endif

/* harmonic constituents M2, S2, N2, K1, O1: amplitude mm, period in minutes*100 */
static const int32_t constituents[5][2] = {{1210, 74520}, {420, 72000}, {230, 75900}, {150, 143610}, {110, 154870}};
const uint32_t tide_table[TABLE_WORDS] = {1, 2, 3};
static uint8_t log_ring[LOG_RING];
static unsigned log_pos;

void log_byte(uint8_t b) { log_ring[log_pos++ % LOG_RING] = b; }
uint8_t log_peek(unsigned age) { return log_ring[(log_pos - 1 - age) % LOG_RING]; }
uint32_t table_word(unsigned i) { return tide_table[i % TABLE_WORDS]; }

void ring_push(ring_t *r, sample_t s) {
    r->buf[r->head] = s;
    r->head = (r->head + 1) % RING_LEN;
    if (r->count < RING_LEN) r->count++;
}

int ring_get(const ring_t *r, unsigned age, sample_t *out) {
    if (age > r->count) return -1;            /* bug: age == count reads past the oldest sample */
    *out = r->buf[(r->head + RING_LEN - age) % RING_LEN];   /* bug: age 0 should be head-1 */
    return 0;
}

static int32_t isin(int32_t phase) {  /* phase 0..3599 (tenths of a degree), result *1000 */
    int32_t x = phase % 3600, s = 1;
    if (x >= 1800) { x -= 1800; s = -1; }
    int32_t num = 4 * x * (1800 - x);
    return s * (4000 * num / 1000) / (40500000 - num / 1000);
}

int32_t tide_predict(int32_t t_min) {
    int32_t level = 0;
    for (int i = 0; i < 5; i++) {
        int32_t phase = (int32_t)(((int64_t)t_min * 360000) / constituents[i][1]) % 3600;
        level += constituents[i][0] * isin(phase) / 1000;
    }
    return level;
}

int16_t median5(const int16_t *v) {
    int16_t a[5];
    memcpy(a, v, sizeof a);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4 - i; j++)     /* bug: the last pass stops one short */
            if (a[j] > a[j + 1]) { int16_t t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
    return a[2];
}

uint16_t crc16_ccitt(const uint8_t *p, unsigned n) {
    uint16_t crc = 0xFFFF;
    while (n--) {
        crc ^= (uint16_t)(*p++) << 8;
        for (int k = 0; k < 8; k++) crc = (crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1;
    }
    return crc;
}

int32_t mean_level(const ring_t *r) {
    int32_t sum = 0;
    for (unsigned i = 0; i < r->count; i++) sum += r->buf[i].level_mm;
    return sum / (int32_t)r->count;       /* a division by zero when the ring is empty */
}

int parse_nmea_depth(const char *s, int32_t *mm) {
    /* $SDDPT,12.34,0.5*hh */
    if (strncmp(s, "$SDDPT,", 7)) return -1;
    const char *p = s + 7;
    int32_t whole = 0, frac = 0, digits = 0;
    while (*p >= '0' && *p <= '9') whole = whole * 10 + (*p++ - '0');
    if (*p == '.') { p++; while (*p >= '0' && *p <= '9' && digits < 3) { frac = frac * 10 + (*p++ - '0'); digits++; } }
    while (digits++ < 2) frac *= 10;       /* bug: millimetres need three digits */
    *mm = whole * 1000 + frac;
    return 0;
}
"""

MAIN_C = r"""#include <string.h>
#include "board.h"
#include "tide.h"

#ifndef SCENARIO
#define SCENARIO 0
#endif

static unsigned run_count, fail_count;
static ring_t ring;

static void check(const char *name, long got, long want) {
    run_count++;
    if (got == want) log_printf("TEST %-28s PASS\n", name);
    else { fail_count++; log_printf("TEST %-28s FAIL (got %ld, want %ld)\n", name, got, want); }
}

static void self_test(void) {
    static const uint8_t msg[] = "123456789";
    check("crc16_ccitt_check_value", crc16_ccitt(msg, 9), 0x29B1);
    int16_t v[5] = {40, 10, 50, 30, 20};
    check("median5_unsorted", median5(v), 30);
    int16_t w[5] = {90, 80, 70, 60, 10};
    check("median5_descending", median5(w), 70);
    check("tide_predict_t0_in_range", tide_predict(0) > -2200 && tide_predict(0) < 2200, 1);
    for (int i = 0; i < 10; i++) ring_push(&ring, (sample_t){i * 6, (int16_t)(100 + i), 0});
    sample_t s;
    ring_get(&ring, 0, &s);
    check("ring_get_newest", s.level_mm, 109);
    check("ring_get_oldest_age9", ring_get(&ring, 9, &s) == 0 ? s.level_mm : -1, 100);
    check("ring_get_age10_rejected", ring_get(&ring, 10, &s), -1);
    check("mean_level_10", mean_level(&ring), 104);
    int32_t mm = 0;
    parse_nmea_depth("$SDDPT,12.345,0.5*4A", &mm);
    check("nmea_depth_mm", mm, 12345);
    parse_nmea_depth("$SDDPT,3.2,0.5*4A", &mm);
    check("nmea_depth_short_frac", mm, 3200);
    int16_t px[64];
    for (int i = 0; i < 64; i++) px[i] = (int16_t)(i * 97 % 4000);
    check("filters_bank_nonzero", run_filters(px, 64) > 0, 1);
    for (int t = 0; t < 24 * 60; t += 180) {
        int32_t lv = tide_predict(t);
        log_printf("predict t=%4d min level=%5ld mm\n", t, (long)lv);
    }
}

int main(void) {
    log_printf("tidegauge 0.9.3 (lm3s6965) self-test\n");
    self_test();
#if SCENARIO == 1
    ring_t empty;
    memset(&empty, 0, sizeof empty);
    log_printf("flush: mean of empty ring\n");
    log_printf("mean=%ld\n", (long)mean_level(&empty));
#elif SCENARIO == 2
    TG_ASSERT(ring.count == RING_LEN);
#endif
    log_printf("tests: %u run, %u failed\n", run_count, fail_count);
    return fail_count ? 1 : 0;
}
"""


def gen_module(k: int) -> str:
    """One filter module of the bank: 3-6 functions, some with the warnings a real bank carries."""
    rnd = random.Random(12000 + k)
    fns, names = [], []
    for j in range(rnd.randint(3, 6)):
        name = f"{rnd.choice(['lowpass', 'despike', 'decimate', 'detrend', 'clamp', 'smooth', 'notch'])}_{k:03d}_{j}"
        names.append(name)
        w = rnd.random()
        body = [f"unsigned {name}(int16_t *px, unsigned n, int gain) {{"]
        if w < 0.12:
            body.append("    int unused_acc;")
        if w > 0.85:
            body.append(f"    int16_t scratch[{rnd.choice([96, 160, 256, 400])}];")
            body.append("    for (unsigned i = 0; i < n && i < sizeof scratch / sizeof scratch[0]; i++) scratch[i] = px[i];")
        body.append("    unsigned changed = 0;")
        if 0.12 <= w < 0.22:
            body.append("    for (int i = 0; i < n; i++) {")
        else:
            body.append("    for (unsigned i = 0; i < n; i++) {")
        body.append(f"        int32_t v = px[i] * gain / {rnd.randint(2, 64)};")
        body.append(f"        if (v > {rnd.randint(1000, 30000)}) v = {rnd.randint(1000, 30000)};")
        body.append("        if (v != px[i]) changed++;")
        body.append("        px[i] = (int16_t)v;")
        body.append("    }")
        if 0.22 <= w < 0.3:
            body.append("    switch (n & 3) {\n    case 0: changed++;\n    case 1: changed += 2; break;\n    default: break;\n    }")
        if w > 0.85:
            body.append("    changed += (unsigned)scratch[0];")
        if 0.3 <= w < 0.36:
            body = [b.replace("int gain) {", "int gain, int flags) {") for b in body]
            names[-1] = None  # a different signature: not in the bank table
        body.append("    return changed;\n}\n")
        fns.append("\n".join(body))
    decls = "".join(f"unsigned {n}(int16_t *px, unsigned n, int gain);\n" for n in names if n)
    return "#include <stdint.h>\n" + decls + "\n" + "\n".join(fns)


def bank_c(n: int) -> str:
    names = []
    for k in range(n):
        for line in gen_module(k).splitlines():
            m = re.match(r"^unsigned (\w+)\(int16_t \*px, unsigned n, int gain\);$", line)
            if m:
                names.append(m.group(1))
    decl = "".join(f"unsigned {x}(int16_t *px, unsigned n, int gain);\n" for x in names)
    table = ",\n    ".join(names)
    return (f'#include <stdint.h>\n#include "tide.h"\n{decl}\ntypedef unsigned (*filter_fn)(int16_t *, unsigned, int);\n'
            f"static filter_fn const bank[] = {{\n    {table}\n}};\n\n"
            "unsigned run_filters(int16_t *px, unsigned n) {\n    unsigned total = 0;\n"
            "    for (unsigned i = 0; i < sizeof bank / sizeof bank[0]; i++) total += bank[i](px, n, (int)(i % 7) + 1);\n"
            "    return total;\n}\n")


MAKEFILE = """CC = arm-none-eabi-gcc
SIZE = arm-none-eabi-size
FLASH_LEN ?= 256K
RAM_LEN ?= 64K
ARCH = -mcpu=cortex-m3 -mthumb
CFLAGS = $(ARCH) -Wall -Wextra -O2 -ffunction-sections -fstack-usage -Iinc $(EXTRA)
LDFLAGS = $(ARCH) -nostartfiles --specs=nano.specs --specs=nosys.specs -Wl,--defsym=FLASH_LEN=$(FLASH_LEN) \\
  -Wl,--defsym=RAM_LEN=$(RAM_LEN) -Tlink.ld -Wl,-Map=build/tidegauge.map -Wl,--print-memory-usage
SRCS = $(wildcard src/*.c) $(wildcard src/bank/*.c)
OBJS = $(patsubst src/%.c,build/obj/%.o,$(SRCS))

all: build/tidegauge.elf

build/tidegauge.elf: $(OBJS) link.ld
\t$(CC) $(LDFLAGS) -o $@ $(OBJS)
\t$(SIZE) $@

build/obj/%.o: src/%.c
\t@mkdir -p $(dir $@)
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build
.PHONY: all clean
"""


def linker_script() -> str:
    # FLASH_LEN / RAM_LEN come from --defsym so a board variant can shrink them
    return LINKER.replace("LENGTH = FLASH_LEN", "LENGTH = FLASH_LEN").replace("LENGTH = RAM_LEN", "LENGTH = RAM_LEN")


def project(tmp: Path) -> Path:
    root = tmp / "tidegauge"
    files = {"link.ld": linker_script(), "Makefile": MAKEFILE, "inc/board.h": BOARD_H, "inc/tide.h": TIDE_H,
             "src/startup.c": STARTUP_C, "src/semihost.c": SEMIHOST_C, "src/tide.c": TIDE_C, "src/main.c": MAIN_C,
             "src/bank/bank.c": bank_c(200)}
    for k in range(200):
        files[f"src/bank/f{k:03d}.c"] = gen_module(k)
    write_tree(root, files)
    return root


def ensure_qemu() -> dict:
    """qemu-system-arm from apt when installed, else the copy unpacked from Debian's .debs under /tmp/r120/q."""
    if cm.have("qemu-system-arm", "qemu-system-arm"):
        return {}
    cm.PATH_PREFIX[:0] = [str(QEMU / "usr/bin")]
    return {"LD_LIBRARY_PATH": f"{QEMU}/usr/lib/x86_64-linux-gnu:{QEMU}/lib/x86_64-linux-gnu"}


def firmware(tmp: Path) -> None:
    root = project(tmp)
    # the first build, as an agent watches it: only the tail
    cap("make-j2-tail-80", "make -j2 2>&1 | tail -n 80", root, n_arm_gcc)
    run("make clean", cwd=root)
    cap("make-j2-k-full", "make -j2 -k 2>&1; echo EXIT=$?", root, n_arm_gcc, timeout=900)
    run("make clean", cwd=root)
    cap("make-head-100", "make 2>&1 | head -n 100", root, n_arm_gcc)
    run("make -j2", cwd=root, timeout=900)
    # stack usage warnings on the files that hold big locals
    cap("make-wstack-usage-tail", "touch src/bank/*.c && make -j2 EXTRA=-Wstack-usage=256 2>&1 | grep -v '^arm-none-eabi-gcc' | tail -n 60",
        root, n_arm_gcc, timeout=900)
    cap("size-Ax-elf", "arm-none-eabi-size -A -x build/tidegauge.elf", root, n_size_ax)
    cap("size-berkeley-objs", "arm-none-eabi-size build/obj/bank/*.o", root, n_size_berkeley)
    cap("size-t-objs-sorted-tail", "arm-none-eabi-size -t build/obj/*.o build/obj/bank/*.o | sort -n -k4 | tail -n 40",
        root, n_size_berkeley)
    cap("nm-size-sort-S", "arm-none-eabi-nm --size-sort -S build/tidegauge.elf", root, n_arm_nm)
    cap("nm-size-sort-S-tail-40", "arm-none-eabi-nm --size-sort -S -t d build/tidegauge.elf | tail -n 40", root, n_arm_nm)
    cap("objdump-h-elf", "arm-none-eabi-objdump -h build/tidegauge.elf", root, n_arm_objdump_h)
    cap("objdump-h-tide-o", "arm-none-eabi-objdump -h build/obj/tide.o build/obj/main.o", root, n_arm_objdump_h)
    cap("cat-map-head-1800", "head -n 1800 build/tidegauge.map", root, n_ld_map)
    cap("map-memory-config", "sed -n '/Memory Configuration/,/^\\.text/p' build/tidegauge.map", root, n_ld_map)
    cap("map-grep-sections", "grep -E '^\\.[a-z_]+|^ \\.(data|bss)' -A1 build/tidegauge.map | head -n 300", root, n_ld_map)
    cap("su-cat-all", "cat build/obj/*.su build/obj/bank/f0*.su", root, n_su)
    cap("su-sort-tail-30", "cat build/obj/*.su build/obj/bank/*.su | sort -k2 -n | tail -n 30", root, n_su)
    # link faults put in on purpose: a tide table too large for FLASH, a log ring too large for RAM
    cap("make-table-flash-overflow", "touch src/tide.c && make EXTRA=-DTABLE_WORDS=70000 2>&1 | tail -n 25",
        root, n_ld_overflow, timeout=900)
    run("make clean", cwd=root)
    run("make -j2", cwd=root, timeout=900)
    cap("make-bss-ram-overflow", "touch src/tide.c && make EXTRA=-DLOG_RING=70000 2>&1; echo EXIT=$?", root,
        n_ld_overflow, timeout=900)
    cap("make-small-board", "make clean >/dev/null && make -j2 FLASH_LEN=32K RAM_LEN=8K 2>&1 | tail -n 30", root,
        n_ld_overflow, timeout=900)
    # runs under qemu with semihosting
    run("make clean && make -j2", cwd=root, timeout=900)
    env = ensure_qemu()
    qemu = "qemu-system-arm -M lm3s6965evb -nographic -semihosting -kernel"
    cap("qemu-selftest", f"timeout 20 {qemu} build/tidegauge.elf; echo EXIT=$?", root, n_qemu, env=env)
    objs = "build/obj/startup.o build/obj/semihost.o build/obj/tide.o build/obj/bank/*.o"
    ld = ("arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -nostartfiles --specs=nano.specs --specs=nosys.specs "
          "-Wl,--defsym=FLASH_LEN=256K -Wl,--defsym=RAM_LEN=64K -Tlink.ld")
    for sc, name in ((1, "fault"), (2, "assert")):
        run(f"arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -O2 -Iinc -DSCENARIO={sc} -c src/main.c -o build/main_{name}.o"
            f" && {ld} -o build/tg_{name}.elf {objs} build/main_{name}.o", cwd=root)
    cap("qemu-hardfault", f"timeout 20 {qemu} build/tg_fault.elf 2>&1 | tail -n 30; echo EXIT=$?", root, n_qemu, env=env)
    cap("qemu-assert", f"timeout 20 {qemu} build/tg_assert.elf; echo EXIT=$?", root, n_qemu, env=env)


STEPS = [firmware]
