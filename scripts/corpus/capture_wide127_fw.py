"""Round 127's firmware items (second samples of round 120's kinds, its extractors imported): `hivescale`, a beehive
weight logger for a Cortex-M3 (the mps2-an385 board: a linker script with ROM, RAM and a battery-backed NOINIT region,
semihosting output, self-tests with bugs put in), widened by a seeded generator to 140 smoothing modules, built with
arm-none-eabi-gcc -Wall -Wextra (one module left broken for the first builds), linked with faults put in (a
calibration table too large for ROM, a history buffer too large for RAM, a small board variant), its map file and
nm's size listing read, and run under qemu-system-arm with semihosting (self-test failures, a HardFault); cmocka tests
of its calibration and sample queue code with failures put in; device trees of its sensor carrier board through dtc;
an 8051 rain-gauge counter built with sdcc. Run through capture_wide127.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide120_arm import n_arm_gcc, n_arm_nm, n_ld_map, n_ld_overflow, n_qemu
from capture_wide120_mcu import n_cmocka, n_dtc, n_sdcc
from capture_wide127 import cap

# ------------------------------------------------------------------ hivescale (Cortex-M3)

LINK_LD = """/* hivescale on mps2-an385: code in SSRAM1, data in SSRAM2, a NOINIT page the battery keeps */
ENTRY(reset_entry)
MEMORY
{
  ROM    (rx)  : ORIGIN = 0x00000000, LENGTH = ROM_SIZE
  RAM    (rwx) : ORIGIN = 0x20000000, LENGTH = RAM_SIZE
  NOINIT (rw)  : ORIGIN = 0x20200000, LENGTH = 2K
}
__stack_top = ORIGIN(RAM) + LENGTH(RAM);
__stack_size = 0x1000;
SECTIONS
{
  .vectors : { KEEP(*(.vectors)) } > ROM
  .text : { *(.text .text.*) KEEP(*(.init)) KEEP(*(.fini)) } > ROM
  .rodata : ALIGN(4) { *(.rodata .rodata.*) } > ROM
  .ARM.exidx : { *(.ARM.exidx*) } > ROM
  __data_load = LOADADDR(.data);
  .data : ALIGN(4) { __data_start = .; *(.data .data.*) . = ALIGN(4); __data_end = .; } > RAM AT> ROM
  .bss (NOLOAD) : ALIGN(4) { __bss_start = .; *(.bss .bss.*) *(COMMON) . = ALIGN(4); __bss_end = .; } > RAM
  end = __bss_end;
  .stack (NOLOAD) : ALIGN(8) { . = . + __stack_size; } > RAM
  .noinit (NOLOAD) : { *(.noinit .noinit.*) } > NOINIT
}
"""

MAKEFILE = """CC = arm-none-eabi-gcc
ROM_SIZE ?= 256K
RAM_SIZE ?= 128K
MCU = -mcpu=cortex-m3 -mthumb
CFLAGS = $(MCU) -std=c11 -Wall -Wextra -Wshadow -O2 -ffunction-sections -fdata-sections -Iinclude $(EXTRA)
LDFLAGS = $(MCU) -nostartfiles --specs=nano.specs --specs=nosys.specs -Wl,--gc-sections \\
  -Wl,--defsym=ROM_SIZE=$(ROM_SIZE) -Wl,--defsym=RAM_SIZE=$(RAM_SIZE) -Tlink.ld -Wl,-Map=out/hivescale.map
SRCS = $(wildcard core/*.c) $(wildcard smooth/*.c)
OBJS = $(patsubst %.c,out/%.o,$(SRCS))

all: out/hivescale.elf

out/hivescale.elf: $(OBJS) link.ld
\t$(CC) $(LDFLAGS) -o $@ $(OBJS)
\tarm-none-eabi-size $@

out/%.o: %.c
\t@mkdir -p $(dir $@)
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf out
.PHONY: all clean
"""

HIVE_H = """#ifndef HIVE_H
#define HIVE_H
#include <stdint.h>
#define CCR  (*(volatile uint32_t *)0xE000ED14)
#define CFSR (*(volatile uint32_t *)0xE000ED28)
#define HFSR (*(volatile uint32_t *)0xE000ED2C)
#define BFAR (*(volatile uint32_t *)0xE000ED38)
void sh_write0(const char *s);
void sh_quit(int code);
int say(const char *fmt, ...);
int32_t smooth_apply(int k, int32_t v);
#define HIVE_CHECK(c) do { if (!(c)) { say("assert failed: %s (%s:%d in %s)\\n", #c, __FILE__, __LINE__, __func__); sh_quit(4); } } while (0)
#endif
"""

BOOT_C = r"""#include <stdint.h>
#include "hive.h"
extern uint32_t __data_load, __data_start, __data_end, __bss_start, __bss_end, __stack_top;
int main(void);
void reset_entry(void) {
    uint32_t *s = &__data_load, *d = &__data_start;
    while (d < &__data_end) *d++ = *s++;
    for (d = &__bss_start; d < &__bss_end; d++) *d = 0;
    CCR |= (1u << 4);
    sh_quit(main());
}
__attribute__((naked)) void fault_entry(void) {
    __asm volatile("tst lr, #4\n ite eq\n mrseq r0, msp\n mrsne r0, psp\n b fault_dump\n");
}
void spurious(void) { sh_write0("spurious interrupt\n"); sh_quit(5); }
__attribute__((section(".vectors"), used))
const void *vector_table[16] = {
    &__stack_top, reset_entry, spurious, fault_entry, fault_entry, fault_entry, fault_entry, 0, 0, 0, 0,
    spurious, spurious, 0, spurious, spurious,
};
"""

SEMI_C = r"""#include <stdarg.h>
#include <stdio.h>
#include "hive.h"
static int bkpt(int op, const void *arg) {
    register int r0 __asm("r0") = op;
    register const void *r1 __asm("r1") = arg;
    __asm volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}
void sh_write0(const char *s) { bkpt(0x04, s); }
void sh_quit(int code) { bkpt(0x18, (const void *)(code == 0 ? 0x20026 : 0x20024)); for (;;) {} }
int say(const char *fmt, ...) {
    char line[192];
    va_list ap; va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    sh_write0(line);
    return n;
}
void fault_dump(uint32_t *f) {
    say("!! HardFault in hivescale\n");
    const char *names[8] = {"R0", "R1", "R2", "R3", "R12", "LR", "PC", "xPSR"};
    for (int i = 0; i < 8; i++) say("  %-4s = 0x%08lx\n", names[i], (unsigned long)f[i]);
    say("  CFSR = 0x%08lx\n  HFSR = 0x%08lx\n  BFAR = 0x%08lx\n", (unsigned long)CFSR, (unsigned long)HFSR,
        (unsigned long)BFAR);
    say("halted\n");
    sh_quit(6);
}
"""

SCALE_C = r"""#include <stdint.h>
#include <string.h>
#include "hive.h"
#ifndef CAL_POINTS
#define CAL_POINTS 64
#endif
#ifndef HISTORY_DAYS
#define HISTORY_DAYS 14
#endif
const int32_t cal_table[CAL_POINTS][4] = {{1}};
static int32_t history[HISTORY_DAYS][96];
__attribute__((section(".noinit"))) uint32_t boot_count;
int32_t tare_offset = 8211;

int32_t raw_to_grams(int32_t raw, int hive) {
    int32_t scale = 2150 + hive * 3;
    unsigned idx = raw >> 12;
    if (idx < CAL_POINTS)
        raw += cal_table[idx][hive & 3];
    return (raw - tare_offset) * 1000 / scale;
}

int32_t daily_delta(int day) {
    int32_t first = history[day][0], last = history[day][95];
    return last - first;
}

void record(int day, int slot, int32_t grams) {
    if (slot <= 96)                 /* off by one: slot 96 is outside the day */
        history[day % HISTORY_DAYS][slot] = grams;
}

int32_t swarm_alert(int day) {
    int32_t drop = 0;
    for (int i = 1; i < 96; i++) {
        int32_t d = history[day][i - 1] - history[day][i];
        if (d > drop) drop = d;
    }
    return drop > 1500;             /* a swarm leaves: more than 1.5 kg gone within 15 minutes */
}

int32_t divide_rate(int32_t grams, int32_t minutes) { return grams / minutes; }
"""

MAIN_C = r"""#include <stdint.h>
#include "hive.h"
int32_t raw_to_grams(int32_t raw, int hive);
void record(int day, int slot, int32_t grams);
int32_t daily_delta(int day);
int32_t swarm_alert(int day);
int32_t divide_rate(int32_t grams, int32_t minutes);
#ifndef SCENARIO
#define SCENARIO 0
#endif
static int failures, run_count;
static void expect(const char *name, int32_t got, int32_t want) {
    run_count++;
    if (got == want) { say("ok   %-28s %ld\n", name, (long)got); return; }
    failures++;
    say("FAIL %-28s got %ld want %ld\n", name, (long)got, (long)want);
}
int main(void) {
    say("hivescale 2.3.1 selftest, board mps2-an385\n");
    for (int h = 0; h < 24; h++) {
        char nm[32];
        int32_t g = raw_to_grams(40000 + h * 997, h);
        for (int i = 0; nm[i] = "grams hive "[i], nm[i]; i++) {}
        nm[11] = (char)('A' + h); nm[12] = 0;
        expect(nm, g, h == 9 ? g + 1 : g);
    }
    for (int d = 0; d < 14; d++) {
        for (int s = 0; s < 96; s++) record(d, s, 30000 + d * 40 + s * ((d == 6) ? -30 : 2));
        char nm[32] = "daily delta day ";
        nm[16] = (char)('0' + d / 10); nm[17] = (char)('0' + d % 10); nm[18] = 0;
        expect(nm, daily_delta(d), d == 6 ? -2850 : 190);
    }
    expect("swarm day 06", swarm_alert(6), 1);
    expect("swarm day 03", swarm_alert(3), 0);
#if SCENARIO == 1
    volatile int32_t zero = 0;
    say("rate %ld g/min\n", (long)divide_rate(1200, zero));
#elif SCENARIO == 2
    HIVE_CHECK(daily_delta(2) < 0);
#endif
    for (int k = 0; k < 140; k++) {
        char nm[32] = "smooth stage ";
        nm[13] = (char)('0' + k / 100); nm[14] = (char)('0' + (k / 10) % 10); nm[15] = (char)('0' + k % 10); nm[16] = 0;
        int32_t v = smooth_apply(k, 1000);
        expect(nm, v, (k % 37 == 11) ? v - 2 : v);
    }
    say("summary: %d run, %d failed\n", run_count, failures);
    return failures ? 1 : 0;
}
"""


def gen_smooth(k: int, rng: random.Random) -> str:
    taps = rng.randint(3, 9)
    coef = ", ".join(str(rng.randint(-40, 90)) for _ in range(taps))
    body = [f'#include <stdint.h>\n#include "hive.h"\n\nstatic const int16_t taps_{k}[{taps}] = {{{coef}}};\n',
            f"int32_t smooth_{k:03d}(int32_t v, int mode) {{"]
    if k % 9 == 4:
        body.append("    int32_t unused_gain = v * 3;")          # -Wunused-variable
    if k % 11 == 2:
        body.append("    unsigned n = mode;\n    if (n < v) v = n;")  # -Wsign-compare
    if k % 13 == 7:
        body.append("    int32_t v2 = 0;\n    { int32_t v = v2 + 1; v2 = v; }")  # -Wshadow
    body.append(f"    int64_t acc = 0;\n    for (int i = 0; i < {taps}; i++) acc += (int64_t)taps_{k}[i] * v;")
    if k % 17 == 5:
        body.append("    switch (mode) {\n    case 1: acc /= 2;\n    case 2: acc /= 3; break;\n    default: break;\n    }")
    if k == 77:
        body.append("    acc += drift_correction(v);")             # the broken module (undeclared)
    body.append(f"    return (int32_t)(acc / {max(1, taps * 10)});\n}}\n")
    return "\n".join(body)


def project(root: Path, broken: bool) -> None:
    rng = random.Random(1271)
    files = {"link.ld": LINK_LD, "Makefile": MAKEFILE, "include/hive.h": HIVE_H, "core/boot.c": BOOT_C,
             "core/semi.c": SEMI_C, "core/scale.c": SCALE_C, "core/main.c": MAIN_C}
    for k in range(140):
        src = gen_smooth(k, rng)
        files[f"smooth/s{k:03d}.c"] = src if broken or k != 77 else src.replace("    acc += drift_correction(v);\n", "")
    disp = ["#include <stdint.h>", *[f"int32_t smooth_{k:03d}(int32_t v, int mode);" for k in range(140)],
            "int32_t smooth_apply(int k, int32_t v) {", "    switch (k) {",
            *[f"    case {k}: return smooth_{k:03d}(v, k % 3);" for k in range(140)], "    }", "    return v;", "}", ""]
    files["smooth/dispatch.c"] = "\n".join(disp)
    write_tree(root, files)


def firmware(tmp: Path) -> None:
    root = tmp / "hivescale"
    project(root, broken=True)
    cap("arm-make-k-exit", "make -k -j2 2>&1; echo EXIT=$?", root, n_arm_gcc, timeout=900)
    run("make clean", cwd=root)
    cap("arm-make-tail-60", "make -j2 2>&1 | tail -n 60", root, n_arm_gcc, timeout=900)
    project(root, broken=False)
    run("make clean", cwd=root)
    cap("arm-make-head-120", "make 2>&1 | head -n 120", root, n_arm_gcc, timeout=900)
    run("make -j2", cwd=root, timeout=900)
    cap("nm-size-sort-S", "arm-none-eabi-nm --size-sort -S out/hivescale.elf", root, n_arm_nm)
    cap("map-memory-config-head", "sed -n '/^Memory Configuration/,$p' out/hivescale.map | head -n 700", root, n_ld_map)
    cap("map-sections-grep", "sed -n '/^Linker script and memory map/,$p' out/hivescale.map | "
        "grep -E '^Linker|^\\.[a-z]|^ \\.(text|rodata|data|bss)' -A1 | head -n 400", root, n_ld_map)
    qemu = "qemu-system-arm -M mps2-an385 -nographic -semihosting -kernel"
    cap("qemu-selftest-exit", f"timeout 20 {qemu} out/hivescale.elf; echo EXIT=$?", root, n_qemu)
    objs = "out/core/boot.o out/core/semi.o out/core/scale.o out/smooth/*.o"
    ld = ("arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -nostartfiles --specs=nano.specs --specs=nosys.specs "
          "-Wl,--gc-sections -Wl,--defsym=ROM_SIZE=256K -Wl,--defsym=RAM_SIZE=128K -Tlink.ld")
    run("arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -O2 -Iinclude -DSCENARIO=1 -c core/main.c -o out/main_div0.o"
        f" && {ld} -o out/hive_div0.elf {objs} out/main_div0.o", cwd=root)
    cap("qemu-hardfault-tail", f"timeout 20 {qemu} out/hive_div0.elf 2>&1 | tail -n 25", root, n_qemu)
    # link faults: a calibration table too large for ROM, a history too large for RAM, a small board
    cap("ld-rom-overflow-tail", "touch core/scale.c && make EXTRA=-DCAL_POINTS=20000 2>&1 | tail -n 20", root,
        n_ld_overflow, timeout=600)
    cap("ld-ram-overflow-exit", "make clean >/dev/null && make -j2 ROM_SIZE=64K EXTRA=-DHISTORY_DAYS=400 2>&1 | "
        "grep -v '^arm-none-eabi-gcc -mcpu'; echo EXIT=$?", root, n_ld_overflow, timeout=900)


# ------------------------------------------------------------------ cmocka: calibration and the sample queue

QUEUE_H = """#ifndef SAMPLEQ_H
#define SAMPLEQ_H
#include <stdint.h>
#include <stddef.h>
typedef struct { int32_t buf[32]; size_t head, tail, count; } sampleq;
void sq_init(sampleq *q);
int sq_push(sampleq *q, int32_t v);
int sq_pop(sampleq *q, int32_t *v);
int32_t sq_median(const sampleq *q);
int32_t cal_grams(int32_t raw, int32_t tare, int32_t scale);
#endif
"""

QUEUE_C = r"""#include "sampleq.h"
void sq_init(sampleq *q) { q->head = q->tail = q->count = 0; }
int sq_push(sampleq *q, int32_t v) {
    if (q->count > 32) return -1;          /* bug: a full queue (count == 32) still accepts */
    q->buf[q->head] = v; q->head = (q->head + 1) % 32; q->count++;
    return 0;
}
int sq_pop(sampleq *q, int32_t *v) {
    if (!q->count) return -1;
    *v = q->buf[q->tail]; q->tail = (q->tail + 1) % 32; q->count--;
    return 0;
}
int32_t sq_median(const sampleq *q) {
    int32_t tmp[32]; size_t n = q->count;
    for (size_t i = 0; i < n; i++) tmp[i] = q->buf[(q->tail + i) % 32];
    for (size_t i = 1; i < n; i++) for (size_t j = i; j > 0 && tmp[j - 1] > tmp[j]; j--) {
        int32_t t = tmp[j]; tmp[j] = tmp[j - 1]; tmp[j - 1] = t; }
    return n ? tmp[n / 2] : 0;             /* bug: an even count takes the upper middle */
}
int32_t cal_grams(int32_t raw, int32_t tare, int32_t scale) { return (raw - tare) * 1000 / scale; }
"""

CMOCKA_MAIN = r"""#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "sampleq.h"

static void push_pop_order(void **s) { (void)s; sampleq q; sq_init(&q); int32_t v;
    for (int i = 0; i < 10; i++) assert_int_equal(sq_push(&q, i * 7), 0);
    for (int i = 0; i < 10; i++) { assert_int_equal(sq_pop(&q, &v), 0); assert_int_equal(v, i * 7); } }
static void full_queue_refuses(void **s) { (void)s; sampleq q; sq_init(&q);
    for (int i = 0; i < 32; i++) sq_push(&q, i);
    assert_int_equal(sq_push(&q, 99), -1); }
static void empty_pop_fails(void **s) { (void)s; sampleq q; sq_init(&q); int32_t v;
    assert_int_equal(sq_pop(&q, &v), -1); }
static void median_odd(void **s) { (void)s; sampleq q; sq_init(&q);
    int32_t xs[] = {5, 1, 9, 3, 7}; for (int i = 0; i < 5; i++) sq_push(&q, xs[i]);
    assert_int_equal(sq_median(&q), 5); }
static void median_even(void **s) { (void)s; sampleq q; sq_init(&q);
    int32_t xs[] = {4, 8, 2, 6}; for (int i = 0; i < 4; i++) sq_push(&q, xs[i]);
    assert_int_equal(sq_median(&q), 5); }
static void cal_zero_at_tare(void **s) { (void)s; assert_int_equal(cal_grams(8211, 8211, 2150), 0); }
static void cal_not_null(void **s) { (void)s; sampleq *q = NULL; assert_non_null(q); }
GENERATED_FNS
int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(push_pop_order), cmocka_unit_test(full_queue_refuses), cmocka_unit_test(empty_pop_fails),
        cmocka_unit_test(median_odd), cmocka_unit_test(median_even), cmocka_unit_test(cal_zero_at_tare),
        cmocka_unit_test(cal_not_null),
GENERATED_REGS
    };
    return cmocka_run_group_tests_name("hivescale_sampleq", tests, NULL, NULL);
}
"""


def cmocka_cases(n: int, seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    fns, regs = [], []
    for i in range(n):
        tare, scale = rng.randint(7000, 9000), rng.randint(2000, 2300)
        raw = tare + rng.randint(20000, 90000)
        want = (raw - tare) * 1000 // scale
        if rng.random() < 0.05:
            want += rng.choice([-1, 1, 1000])
        name = f"cal_hive_{i:03d}"
        fns.append(f"static void {name}(void **s) {{ (void)s; assert_int_equal(cal_grams({raw}, {tare}, {scale}), "
                   f"{want}); }}")
        regs.append(f"        cmocka_unit_test({name}),")
    return "\n".join(fns), "\n".join(regs)


def cmocka(tmp: Path) -> None:
    root = tmp / "sampleq"
    small = CMOCKA_MAIN.replace("GENERATED_FNS", "").replace("GENERATED_REGS", "")
    fns, regs = cmocka_cases(240, 1272)
    big = CMOCKA_MAIN.replace("GENERATED_FNS", fns).replace("GENERATED_REGS", regs)
    write_tree(root, {"sampleq.h": QUEUE_H, "sampleq.c": QUEUE_C, "test_sampleq.c": small, "test_cal.c": big})
    run("gcc -g -Wall -o test_sampleq test_sampleq.c sampleq.c -lcmocka && "
        "gcc -g -o test_cal test_cal.c sampleq.c -lcmocka", cwd=root)
    cap("cmocka-sampleq-exit", "./test_sampleq 2>&1; echo EXIT=$?", root, n_cmocka)
    cap("cmocka-cal-tail-50", "./test_cal 2>&1 | tail -n 50", root, n_cmocka)
    cap("cmocka-cal-full", "./test_cal 2>&1; echo EXIT=$?", root, n_cmocka)


# ------------------------------------------------------------------ dtc: the sensor carrier board

def carrier_dts(n: int, seed: int, errors: bool) -> str:
    rng = random.Random(seed)
    out = ["/dts-v1/;", "", "/ {", '\tmodel = "Hivescale sensor carrier rev B";',
           '\tcompatible = "apiary,hivescale-b", "arm,mps2-an385";', "\t#address-cells = <1>;", "\t#size-cells = <1>;",
           "", "\tmemory@20000000 {", '\t\tdevice_type = "memory";', "\t\treg = <0x20000000 0x20000>;", "\t};", "",
           "\tperipherals {", '\t\tcompatible = "simple-bus";', "\t\t#address-cells = <1>;", "\t\t#size-cells = <1>;",
           "\t\tranges;", ""]
    for i in range(n):
        base = 0x40100000 + i * 0x800
        r = rng.random()
        kind = "adc" if r < 0.45 else "gpio" if r < 0.75 else "i2c" if r < 0.92 else "timer"
        unit = f"{base:x}" if rng.random() > 0.1 else f"{base + 0x40:x}"
        out += [f"\t\t{kind}{i}: {kind}@{unit} {{", f'\t\t\tcompatible = "apiary,{kind}-r{rng.randint(1, 4)}";',
                f"\t\t\treg = <0x{base:x} 0x800>;" if rng.random() > 0.06 else f"\t\t\treg = <0x{base:x}>;"]
        if kind == "gpio":
            out += ["\t\t\tgpio-controller;", "\t\t\t#gpio-cells = <2>;"]
        if kind == "adc":
            out += [f"\t\t\tchannels = <{rng.randint(2, 8)}>;", f'\t\t\tlabel = "load-cell-{i}";']
        if kind == "i2c":
            out += ["\t\t\t#address-cells = <1>;", "\t\t\t#size-cells = <0>;",
                    f"\t\t\thumidity@{rng.randint(0x20, 0x7f):x} {{", '\t\t\t\tcompatible = "sensirion,sht3x";',
                    f"\t\t\t\treg = <0x{rng.randint(0x20, 0x7f):x}>;", "\t\t\t};"]
        out += ["\t\t};", ""]
    if errors:
        out += ["\t\tbuzzers {", '\t\t\tcompatible = "gpio-beeper";']
        for j in range(8):
            out += [f"\t\t\tbuzzer{j} {{", f"\t\t\t\tgpios = <&gpio{rng.choice([400, 401, 402])} {rng.randint(0, 15)} 0>;",
                    "\t\t\t};"]
        out += ["\t\t};", "", "\t\tadc_spare: adc {", '\t\t\tcompatible = "apiary,adc-r1";', "\t\t};", ""]
    out += ["\t};", "", "\taliases {", "\t\tscale0 = &adc0;", "\t};", "};", ""]
    return "\n".join(out)


def devicetree(tmp: Path) -> None:
    root = tmp / "carrier"
    write_tree(root, {"carrier-b.dts": carrier_dts(110, 12703, False), "carrier-b2.dts": carrier_dts(150, 12704, True)})
    cap("dtc-carrier-b-exit", "dtc -I dts -O dtb -o carrier-b.dtb carrier-b.dts 2>&1; echo EXIT=$?", root, n_dtc)
    cap("dtc-carrier-b2-head", "dtc -f -O dtb -o /dev/null carrier-b2.dts 2>&1 | head -n 80", root, n_dtc)


# ------------------------------------------------------------------ sdcc: the rain-gauge counter

RAIN_H = """#ifndef RAIN_H
#define RAIN_H
#include <stdint.h>
#ifndef BUCKETS
#define BUCKETS 24
#endif
extern __data uint16_t tips[BUCKETS];
void rain_tip(uint8_t hour);
uint16_t rain_total(void);
uint8_t rain_scale(int16_t v);
#endif
"""

RAIN_MAIN = """#include <8051.h>
#include "rain.h"
void main(void) {
    uint8_t hour = 0;
    int16_t sum;
    while (1) {
        if (P1_0) { rain_tip(hour); }
        if (P1_1) { hour++; if (hour == 24) hour = 0; }
        P2 = rain_scale(sum);
        if (hour > 300) P3 = 0;
    }
}
"""

RAIN_C = """#include "rain.h"
__data uint16_t tips[BUCKETS];
void rain_tip(uint8_t hour) { tips[hour % BUCKETS]++; }
uint16_t rain_total(void) { uint16_t t = 0; uint8_t i; for (i = 0; i < BUCKETS; i++) t += tips[i]; return t; }
uint8_t rain_scale(int16_t v) { uint8_t out = v * 2; char c = 300; (void)c; return out; }
"""


def rain_module(k: int, rng: random.Random) -> str:
    lines = ['#include "rain.h"', f"uint8_t filter_{k}(uint8_t x, uint8_t mode) {{"]
    if k % 3 == 0:
        lines.append(f"    uint8_t big = {rng.randint(256, 900)};")
    else:
        lines.append(f"    uint8_t big = {rng.randint(1, 200)};")
    if k % 4 == 1:
        lines.append("    if (x > 512) return 0;")
    lines.append(f"    return (uint8_t)(x + big + {rng.randint(1, 9)});\n}}")
    return "\n".join(lines) + "\n"


RAIN_MAKE = """CC = sdcc
CFLAGS = -mmcs51 --model-small $(EXTRA)
SRCS = main.c rain.c $(wildcard flt_*.c)
RELS = $(SRCS:.c=.rel)

rain.ihx: $(RELS)
\t$(CC) $(CFLAGS) $(RELS) -o $@

%.rel: %.c rain.h
\t$(CC) $(CFLAGS) -c $<

clean:
\trm -f *.rel *.ihx *.lk *.map *.mem *.rst *.lst *.sym *.asm *.adb *.cdb *.omf *.noi
"""


def sdcc(tmp: Path) -> None:
    root = tmp / "rain51"
    rng = random.Random(1275)
    files = {"main.c": RAIN_MAIN, "rain.h": RAIN_H, "rain.c": RAIN_C, "Makefile": RAIN_MAKE}
    for k in range(14):
        files[f"flt_{k:02d}.c"] = rain_module(k, rng)
    write_tree(root, files)
    cap("sdcc-make-exit", "make 2>&1; echo EXIT=$?", root, n_sdcc)
    run("make clean", cwd=root)
    cap("sdcc-buckets-overflow-tail", "make EXTRA=-DBUCKETS=72 2>&1 | tail -n 30", root, n_sdcc)


STEPS = [firmware, cmocka, devicetree, sdcc]
