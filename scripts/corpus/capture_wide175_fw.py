"""Round 175's firmware items (third samples of round 120's kinds, its extractors imported): `kilnctl`, a timber-kiln
controller for a Cortex-M3 (the mps2-an385 board: a linker script with FLASH, SRAM and a small backup region, compiled
with -fstack-usage, semihosting output, self-tests with bugs put in), widened by a seeded generator to 160 ramp-profile
modules, built with arm-none-eabi-gcc -Wall -Wextra -Wconversion (two modules left broken for the first builds), linked
with faults put in (a moisture lookup too large for FLASH, a trend log too large for SRAM), its map file, nm's and
size's listings, objdump's section headers and the .su files read, and run under qemu-system-arm with semihosting
(self-test failures, a BusFault from a bad pointer); cmocka tests of its ramp and PID code with failures put in; a
device tree of its relay board through dtc; an 8051 fan-speed board built with sdcc and its relocated listing. Run
through capture_wide175.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide120_arm import (n_arm_gcc, n_arm_nm, n_arm_objdump_h, n_ld_map, n_ld_overflow, n_qemu,
                                 n_size_berkeley, n_su)
from capture_wide120_mcu import n_cmocka, n_dtc, n_sdcc, n_sdcc_rst
from capture_wide175 import cap

# ------------------------------------------------------------------ kilnctl (Cortex-M3)

LINK_LD = """/* kilnctl on mps2-an385: code in FLASH, data in SRAM, a backup page for the charge log */
ENTRY(kiln_reset)
MEMORY
{
  FLASH  (rx)  : ORIGIN = 0x00000000, LENGTH = FLASH_SIZE
  SRAM   (rwx) : ORIGIN = 0x20000000, LENGTH = SRAM_SIZE
  BACKUP (rw)  : ORIGIN = 0x20300000, LENGTH = 1K
}
__stack_top = ORIGIN(SRAM) + LENGTH(SRAM);
SECTIONS
{
  .isr_vector : { KEEP(*(.isr_vector)) } > FLASH
  .text : { *(.text .text.*) } > FLASH
  .rodata : ALIGN(4) { *(.rodata .rodata.*) } > FLASH
  .ARM.exidx : { *(.ARM.exidx*) } > FLASH
  __etext = LOADADDR(.data);
  .data : ALIGN(4) { __sdata = .; *(.data .data.*) . = ALIGN(4); __edata = .; } > SRAM AT> FLASH
  .bss (NOLOAD) : ALIGN(4) { __sbss = .; *(.bss .bss.*) *(COMMON) . = ALIGN(4); __ebss = .; } > SRAM
  end = __ebss;
  .heap (NOLOAD) : ALIGN(8) { . = . + 0x800; } > SRAM
  .stack (NOLOAD) : ALIGN(8) { . = . + 0x1800; } > SRAM
  .backup (NOLOAD) : { *(.backup .backup.*) } > BACKUP
}
"""

MAKEFILE = """CC = arm-none-eabi-gcc
FLASH_SIZE ?= 512K
SRAM_SIZE ?= 96K
MCU = -mcpu=cortex-m3 -mthumb
CFLAGS = $(MCU) -std=gnu11 -Wall -Wextra -Wconversion -Os -fstack-usage -ffunction-sections -fdata-sections \\
  -Iinc $(EXTRA)
LDFLAGS = $(MCU) -nostartfiles --specs=nano.specs --specs=nosys.specs -Wl,--gc-sections \\
  -Wl,--defsym=FLASH_SIZE=$(FLASH_SIZE) -Wl,--defsym=SRAM_SIZE=$(SRAM_SIZE) -Tkiln.ld -Wl,-Map=build/kilnctl.map
SRCS = $(wildcard src/*.c) $(wildcard ramp/*.c)
OBJS = $(patsubst %.c,build/%.o,$(SRCS))

all: build/kilnctl.elf

build/kilnctl.elf: $(OBJS) kiln.ld
\t$(CC) $(LDFLAGS) -o $@ $(OBJS)
\tarm-none-eabi-size $@

build/%.o: %.c
\t@mkdir -p $(dir $@)
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build
.PHONY: all clean
"""

KILN_H = """#ifndef KILN_H
#define KILN_H
#include <stdint.h>
#define SCB_CCR  (*(volatile uint32_t *)0xE000ED14)
#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28)
#define SCB_HFSR (*(volatile uint32_t *)0xE000ED2C)
#define SCB_BFAR (*(volatile uint32_t *)0xE000ED38)
#define SCB_SHCSR (*(volatile uint32_t *)0xE000ED24)
void semi_puts(const char *s);
void semi_exit(int code);
int kprintf(const char *fmt, ...);
int32_t ramp_stage(int k, int32_t t);
#define KILN_ASSERT(c) do { if (!(c)) { kprintf("assertion failed: %s at %s:%d (%s)\\n", #c, __FILE__, __LINE__, __func__); semi_exit(3); } } while (0)
#endif
"""

START_C = r"""#include <stdint.h>
#include "kiln.h"
extern uint32_t __etext, __sdata, __edata, __sbss, __ebss, __stack_top;
int main(void);
void kiln_reset(void) {
    uint32_t *s = &__etext, *d = &__sdata;
    while (d < &__edata) *d++ = *s++;
    for (d = &__sbss; d < &__ebss; d++) *d = 0;
    SCB_SHCSR |= (1u << 17) | (1u << 16);
    semi_exit(main());
}
__attribute__((naked)) void kiln_fault(void) {
    __asm volatile("tst lr, #4\n ite eq\n mrseq r0, msp\n mrsne r0, psp\n b kiln_fault_report\n");
}
void kiln_unexpected(void) { semi_puts("unexpected exception\n"); semi_exit(5); }
__attribute__((section(".isr_vector"), used))
const void *kiln_vectors[16] = {
    &__stack_top, kiln_reset, kiln_unexpected, kiln_fault, kiln_fault, kiln_fault, kiln_fault, 0, 0, 0, 0,
    kiln_unexpected, kiln_unexpected, 0, kiln_unexpected, kiln_unexpected,
};
"""

SEMI_C = r"""#include <stdarg.h>
#include <stdio.h>
#include "kiln.h"
static int semi_call(int op, const void *arg) {
    register int r0 __asm("r0") = op;
    register const void *r1 __asm("r1") = arg;
    __asm volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}
void semi_puts(const char *s) { semi_call(0x04, s); }
void semi_exit(int code) { semi_call(0x18, (const void *)(code == 0 ? 0x20026 : 0x20024)); for (;;) {} }
int kprintf(const char *fmt, ...) {
    char line[200];
    va_list ap; va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    semi_puts(line);
    return n;
}
void kiln_fault_report(uint32_t *f) {
    kprintf("*** BusFault/HardFault in kilnctl ***\n");
    const char *names[8] = {"R0", "R1", "R2", "R3", "R12", "LR", "PC", "xPSR"};
    for (int i = 0; i < 8; i++) kprintf("  %s = 0x%08lx\n", names[i], (unsigned long)f[i]);
    kprintf("  CFSR = 0x%08lx\n  HFSR = 0x%08lx\n  BFAR = 0x%08lx\n", (unsigned long)SCB_CFSR,
            (unsigned long)SCB_HFSR, (unsigned long)SCB_BFAR);
    kprintf("controller halted, burners off\n");
    semi_exit(7);
}
"""

MOIST_C = r"""#include <stdint.h>
#include <string.h>
#include "kiln.h"
#ifndef MC_POINTS
#define MC_POINTS 128
#endif
#ifndef TREND_HOURS
#define TREND_HOURS 48
#endif
const int16_t mc_lookup[MC_POINTS][6] = {{12}};
static int32_t trend[TREND_HOURS][60];
__attribute__((section(".backup"))) uint32_t charge_counter;
int32_t probe_bias = 37;

int32_t resistance_to_mc(int32_t ohms, int species) {
    int32_t mc = 6 + (int32_t)(ohms >> 16);
    unsigned idx = (unsigned)ohms >> 20;
    if (idx < MC_POINTS)
        mc += mc_lookup[idx][species % 6];
    return mc - probe_bias / 10;
}

void log_trend(int hour, int minute, int32_t dry_bulb) {
    if (minute <= 60)                  /* off by one: minute 60 is the next hour's */
        trend[hour % TREND_HOURS][minute] = dry_bulb;
}

int32_t hourly_rise(int hour) { return trend[hour][59] - trend[hour][0]; }

int32_t equilibrium_mc(int32_t dry, int32_t wet) {
    int32_t dep = dry - wet;            /* wet-bulb depression */
    return dep > 0 ? 30 - dep / 2 : 30;
}

int32_t read_probe(const volatile int32_t *probe) { return *probe; }
"""

MAIN_C = r"""#include <stdint.h>
#include "kiln.h"
int32_t resistance_to_mc(int32_t ohms, int species);
void log_trend(int hour, int minute, int32_t dry_bulb);
int32_t hourly_rise(int hour);
int32_t equilibrium_mc(int32_t dry, int32_t wet);
int32_t read_probe(const volatile int32_t *probe);
#ifndef FAULT_CASE
#define FAULT_CASE 0
#endif
static int bad, total;
static void check(const char *what, int32_t got, int32_t want) {
    total++;
    if (got == want) { kprintf("pass %-30s %ld\n", what, (long)got); return; }
    bad++;
    kprintf("FAIL %-30s got %ld expected %ld\n", what, (long)got, (long)want);
}
int main(void) {
    kprintf("kilnctl 4.0.2 power-on self test, board mps2-an385\n");
    for (int s = 0; s < 18; s++) {
        char nm[32] = "moisture species ";
        nm[17] = (char)('a' + s); nm[18] = 0;
        int32_t mc = resistance_to_mc(0x00300000 + s * 4099, s);
        check(nm, mc, s == 13 ? mc - 1 : mc);
    }
    for (int h = 0; h < 30; h++) {
        for (int m = 0; m < 60; m++) log_trend(h, m, 500 + h * 3 + m * ((h == 21) ? 2 : 1));
        char nm[32] = "hourly rise hour ";
        nm[17] = (char)('0' + h / 10); nm[18] = (char)('0' + h % 10); nm[19] = 0;
        check(nm, hourly_rise(h), h == 21 ? 59 : 59);
    }
    check("emc 70/60", equilibrium_mc(70, 60), 25);
    check("emc 80/50", equilibrium_mc(80, 50), 16);
#if FAULT_CASE == 1
    kprintf("probe 9 reads %ld\n", (long)read_probe((const volatile int32_t *)0x5FFF0000));
#elif FAULT_CASE == 2
    KILN_ASSERT(equilibrium_mc(60, 70) < 30);
#endif
    for (int k = 0; k < 160; k++) {
        char nm[32] = "ramp stage ";
        nm[11] = (char)('0' + k / 100); nm[12] = (char)('0' + (k / 10) % 10); nm[13] = (char)('0' + k % 10); nm[14] = 0;
        int32_t v = ramp_stage(k, 600);
        check(nm, v, (k % 41 == 17) ? v + 3 : v);
    }
    kprintf("tests: %d run, %d failed\n", total, bad);
    return bad ? 1 : 0;
}
"""


def gen_ramp(k: int, rng: random.Random) -> str:
    n = rng.randint(4, 12)
    pts = ", ".join(str(rng.randint(30, 95)) for _ in range(n))
    body = [f'#include <stdint.h>\n#include "kiln.h"\n\nstatic const uint8_t profile_{k}[{n}] = {{{pts}}};\n',
            f"int32_t ramp_{k:03d}(int32_t t, int phase) {{"]
    if k % 7 == 3:
        body.append("    uint8_t step = t;")                       # -Wconversion
    if k % 10 == 6:
        body.append("    int32_t spare_gain = t << 2;")            # -Wunused-variable
    if k % 12 == 1:
        body.append("    unsigned lim = phase;\n    if (t > lim) t = (int32_t)lim;")  # -Wsign-compare
    body.append(f"    int64_t acc = 0;\n    for (int i = 0; i < {n}; i++) acc += (int64_t)profile_{k}[i] * t;")
    if k % 19 == 8:
        body.append("    if (phase == 3) {\n        int32_t t = 0;\n        acc += t;\n    }")  # -Wshadow is not on: quiet
    if k % 15 == 9:
        body.append("    char label[6];\n    label[0] = phase;\n    (void)label;")  # -Wconversion
    if k == 58:
        body.append("    acc += humidity_trim(t);")                 # broken: undeclared
    if k == 123:
        body.append("    acc += profile_{k}[phase] +;".replace("{k}", str(k)))   # broken: syntax
    if k % 19 != 8:
        body.append("    (void)phase;")
    body.append(f"    return (int32_t)(acc / {max(1, n * 8)});\n}}\n")
    return "\n".join(body)


def project(root: Path, broken: bool) -> None:
    rng = random.Random(1756)
    files = {"kiln.ld": LINK_LD, "Makefile": MAKEFILE, "inc/kiln.h": KILN_H, "src/start.c": START_C,
             "src/semi.c": SEMI_C, "src/moisture.c": MOIST_C, "src/main.c": MAIN_C}
    for k in range(160):
        src = gen_ramp(k, rng)
        if not broken:
            src = "\n".join(ln for ln in src.split("\n") if "humidity_trim" not in ln and "] +;" not in ln)
        files[f"ramp/r{k:03d}.c"] = src
    disp = ["#include <stdint.h>", *[f"int32_t ramp_{k:03d}(int32_t t, int phase);" for k in range(160)],
            "int32_t ramp_stage(int k, int32_t t) {", "    switch (k) {",
            *[f"    case {k}: return ramp_{k:03d}(t, k % 4);" for k in range(160)], "    }", "    return t;", "}", ""]
    files["ramp/dispatch.c"] = "\n".join(disp)
    write_tree(root, files)


def firmware(tmp: Path) -> None:
    root = tmp / "kilnctl"
    project(root, broken=True)
    cap("arm-make-k-j2-exit", "make -k -j2 2>&1; echo EXIT=$?", root, n_arm_gcc, timeout=900)
    run("make clean", cwd=root)
    cap("arm-make-grep-warn-head", "make -k 2>&1 | grep -E 'warning|error' | head -n 150", root, n_arm_gcc, timeout=900)
    project(root, broken=False)
    run("make clean", cwd=root)
    run("make -j2", cwd=root, timeout=900)
    cap("nm-size-sort-S-tail-70", "arm-none-eabi-nm --size-sort -S build/kilnctl.elf | tail -n 70", root, n_arm_nm)
    cap("size-berkeley-ramp", "arm-none-eabi-size build/ramp/*.o build/src/*.o", root, n_size_berkeley)
    cap("objdump-h-kilnctl", "arm-none-eabi-objdump -h build/kilnctl.elf build/src/moisture.o", root, n_arm_objdump_h)
    cap("map-head-1500", "head -n 1500 build/kilnctl.map", root, n_ld_map)
    cap("map-sections-grep-echo", "sed -n '/^Linker script and memory map/,$p' build/kilnctl.map | "
        "grep -E '^Linker|^\\.[a-z]|^ \\.(text|rodata|data|bss|backup)' -A1 | head -n 300; echo EXIT=$?", root, n_ld_map)
    cap("su-cat-sort", "cat build/src/*.su build/ramp/r0*.su build/ramp/r1[0-3]*.su | sort -k2 -n", root, n_su)
    qemu = "qemu-system-arm -M mps2-an385 -nographic -semihosting -kernel"
    objs = "build/src/start.o build/src/semi.o build/src/moisture.o build/ramp/*.o"
    ld = ("arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -nostartfiles --specs=nano.specs --specs=nosys.specs "
          "-Wl,--gc-sections -Wl,--defsym=FLASH_SIZE=512K -Wl,--defsym=SRAM_SIZE=96K -Tkiln.ld")
    run("arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -Os -Iinc -DFAULT_CASE=1 -c src/main.c -o build/main_bus.o"
        f" && {ld} -o build/kiln_bus.elf {objs} build/main_bus.o", cwd=root)
    cap("qemu-busfault-grep", f"timeout 20 {qemu} build/kiln_bus.elf 2>&1 | grep -vE '^pass '", root, n_qemu)
    cap("ld-flash-overflow-tail", "touch src/moisture.c && make EXTRA=-DMC_POINTS=50000 2>&1 | tail -n 25", root,
        n_ld_overflow, timeout=600)
    cap("ld-sram-overflow-exit", "make clean >/dev/null && make -j2 FLASH_SIZE=128K EXTRA=-DTREND_HOURS=500 2>&1 | "
        "grep -v '^arm-none-eabi-gcc -mcpu'; echo EXIT=$?", root, n_ld_overflow, timeout=900)


# ------------------------------------------------------------------ cmocka: ramp and PID

PID_H = """#ifndef PID_H
#define PID_H
#include <stdint.h>
typedef struct { int32_t kp, ki, kd, integ, prev, out_min, out_max; } pid_t_;
void pid_init(pid_t_ *p, int32_t kp, int32_t ki, int32_t kd);
int32_t pid_step(pid_t_ *p, int32_t setpoint, int32_t measured);
int32_t ramp_target(int32_t start, int32_t end, int32_t minute, int32_t minutes);
#endif
"""

PID_C = r"""#include "pid.h"
void pid_init(pid_t_ *p, int32_t kp, int32_t ki, int32_t kd) {
    p->kp = kp; p->ki = ki; p->kd = kd; p->integ = 0; p->prev = 0; p->out_min = 0; p->out_max = 1000; }
int32_t pid_step(pid_t_ *p, int32_t sp, int32_t pv) {
    int32_t e = sp - pv;
    p->integ += e;                       /* bug: no anti-windup clamp */
    int32_t d = e - p->prev; p->prev = e;
    int32_t out = (p->kp * e + p->ki * p->integ + p->kd * d) / 100;
    if (out > p->out_max) out = p->out_max;
    if (out < p->out_min) out = p->out_min;
    return out;
}
int32_t ramp_target(int32_t start, int32_t end, int32_t minute, int32_t minutes) {
    if (minute >= minutes) return end;
    return start + (end - start) * minute / (minutes - 1);   /* bug: minutes - 1 */
}
"""

CMOCKA_MAIN = r"""#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "pid.h"

static void pid_zero_error(void **s) { (void)s; pid_t_ p; pid_init(&p, 200, 5, 10);
    assert_int_equal(pid_step(&p, 60, 60), 0); }
static void pid_clamps_high(void **s) { (void)s; pid_t_ p; pid_init(&p, 900, 50, 0);
    assert_int_equal(pid_step(&p, 95, 20), 1000); }
static void pid_no_windup(void **s) { (void)s; pid_t_ p; pid_init(&p, 100, 40, 0);
    for (int i = 0; i < 200; i++) pid_step(&p, 90, 20);
    assert_true(p.integ < 5000); }
static void ramp_start(void **s) { (void)s; assert_int_equal(ramp_target(40, 80, 0, 120), 40); }
static void ramp_mid(void **s) { (void)s; assert_int_equal(ramp_target(40, 80, 60, 120), 60); }
static void ramp_end(void **s) { (void)s; assert_int_equal(ramp_target(40, 80, 120, 120), 80); }
GENERATED_FNS
int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pid_zero_error), cmocka_unit_test(pid_clamps_high), cmocka_unit_test(pid_no_windup),
        cmocka_unit_test(ramp_start), cmocka_unit_test(ramp_mid), cmocka_unit_test(ramp_end),
GENERATED_REGS
    };
    return cmocka_run_group_tests_name("kilnctl_pid_ramp", tests, NULL, NULL);
}
"""


def cmocka_cases(n: int, seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    fns, regs = [], []
    for i in range(n):
        a, b, mins = rng.randint(30, 60), rng.randint(61, 95), rng.randint(60, 600)
        m = rng.randint(0, mins - 1) if rng.random() < 0.9 else 0
        want = a + (b - a) * m // (mins - 1)
        if rng.random() < 0.06:
            want = a + (b - a) * m // mins
        name = f"ramp_schedule_{i:03d}"
        fns.append(f"static void {name}(void **s) {{ (void)s; assert_int_equal(ramp_target({a}, {b}, {m}, {mins}), "
                   f"{want}); }}")
        regs.append(f"        cmocka_unit_test({name}),")
    return "\n".join(fns), "\n".join(regs)


def cmocka(tmp: Path) -> None:
    root = tmp / "pidramp"
    fns, regs = cmocka_cases(300, 1757)
    big = CMOCKA_MAIN.replace("GENERATED_FNS", fns).replace("GENERATED_REGS", regs)
    write_tree(root, {"pid.h": PID_H, "pid.c": PID_C, "test_pid.c": big})
    run("gcc -g -o test_pid test_pid.c pid.c -lcmocka", cwd=root)
    cap("cmocka-pid-ramp-echo", "./test_pid 2>&1; echo EXIT=$?", root, n_cmocka)


# ------------------------------------------------------------------ dtc: the relay board

def relay_dts(n: int, seed: int) -> str:
    rng = random.Random(seed)
    out = ["/dts-v1/;", "", "/ {", '\tmodel = "Kilnctl relay board rev C";',
           '\tcompatible = "sawmill,kilnctl-c", "arm,mps2-an385";', "\t#address-cells = <1>;", "\t#size-cells = <1>;",
           "", "\tmemory@20000000 {", '\t\tdevice_type = "memory";', "\t\treg = <0x20000000 0x18000>;", "\t};", "",
           "\tsoc {", '\t\tcompatible = "simple-bus";', "\t\t#address-cells = <1>;", "\t\t#size-cells = <1>;",
           "\t\tranges;", ""]
    for i in range(n):
        base = 0x40200000 + i * 0x400
        r = rng.random()
        kind = "relay" if r < 0.4 else "gpio" if r < 0.65 else "spi" if r < 0.85 else "pwm"
        unit = f"{base:x}" if rng.random() > 0.08 else f"{base + 0x20:x}"
        out += [f"\t\t{kind}{i}: {kind}@{unit} {{", f'\t\t\tcompatible = "sawmill,{kind}-v{rng.randint(1, 3)}";',
                f"\t\t\treg = <0x{base:x} 0x400>;" if rng.random() > 0.05 else f"\t\t\treg = <0x{base:x} 0x400 0x1>;"]
        if kind == "gpio":
            out += ["\t\t\tgpio-controller;", "\t\t\t#gpio-cells = <2>;"]
        if kind == "relay":
            out += [f"\t\t\tchannels = <{rng.randint(1, 4)}>;", f'\t\t\tlabel = "burner-{i}";']
        if kind == "spi":
            out += ["\t\t\t#address-cells = <1>;", "\t\t\t#size-cells = <0>;",
                    f"\t\t\tthermocouple@{rng.randint(0, 3)} {{", '\t\t\t\tcompatible = "maxim,max31855";',
                    f"\t\t\t\treg = <{rng.randint(0, 3)}>;", "\t\t\t};"]
        if kind == "pwm" and rng.random() < 0.5:
            out += [f"\t\t\tclocks = <&clk{rng.randint(900, 905)}>;"]
        out += ["\t\t};", ""]
    out += ["\t};", "", "\taliases {", "\t\tburner0 = &relay0;", "\t};", "};", ""]
    return "\n".join(out)


def devicetree(tmp: Path) -> None:
    root = tmp / "relayboard"
    write_tree(root, {"kilnctl-c.dts": relay_dts(140, 1758)})
    cap("dtc-relay-c-exit", "dtc -I dts -O dtb -o kilnctl-c.dtb kilnctl-c.dts 2>&1; echo EXIT=$?", root, n_dtc)


# ------------------------------------------------------------------ sdcc: the fan-speed board

FAN_H = """#ifndef FAN_H
#define FAN_H
#include <stdint.h>
#ifndef FANS
#define FANS 8
#endif
extern __data uint16_t rpm[FANS];
void fan_pulse(uint8_t fan);
uint16_t fan_mean(void);
uint8_t fan_duty(int16_t err);
#endif
"""

FAN_MAIN = """#include <8051.h>
#include "fan.h"
void main(void) {
    uint8_t fan = 0;
    int16_t err;
    while (1) {
        if (P1_2) { fan_pulse(fan); }
        if (P1_3) { fan++; if (fan == FANS) fan = 0; }
        P2 = fan_duty(err);
        if (fan > 260) P3 = 0xFF;
    }
}
"""

FAN_C = """#include "fan.h"
__data uint16_t rpm[FANS];
void fan_pulse(uint8_t fan) { rpm[fan % FANS]++; }
uint16_t fan_mean(void) { uint16_t t = 0; uint8_t i; for (i = 0; i < FANS; i++) t += rpm[i]; return t / FANS; }
uint8_t fan_duty(int16_t err) { uint8_t d = err * 3; signed char k = 200; (void)k; return d; }
"""


def fan_module(k: int, rng: random.Random) -> str:
    lines = ['#include "fan.h"', f"uint8_t curve_{k}(uint8_t t, uint8_t mode) {{"]
    lines.append(f"    uint8_t base = {rng.randint(300, 700) if k % 4 == 0 else rng.randint(1, 150)};")
    if k % 5 == 2:
        lines.append("    if (t >= 1000) return 255;")
    lines.append(f"    (void)mode;\n    return (uint8_t)(t / 2 + base + {rng.randint(1, 9)});\n}}")
    return "\n".join(lines) + "\n"


FAN_MAKE = """CC = sdcc
CFLAGS = -mmcs51 --model-small $(EXTRA)
SRCS = main.c fan.c $(wildcard curve_*.c)
RELS = $(SRCS:.c=.rel)

fan.ihx: $(RELS)
\t$(CC) $(CFLAGS) $(RELS) -o $@

%.rel: %.c fan.h
\t$(CC) $(CFLAGS) -c $<

clean:
\trm -f *.rel *.ihx *.lk *.map *.mem *.rst *.lst *.sym *.asm *.adb *.cdb *.omf *.noi
"""


def sdcc(tmp: Path) -> None:
    root = tmp / "fan51"
    rng = random.Random(1759)
    files = {"main.c": FAN_MAIN, "fan.h": FAN_H, "fan.c": FAN_C, "Makefile": FAN_MAKE}
    for k in range(20):
        files[f"curve_{k:02d}.c"] = fan_module(k, rng)
    write_tree(root, files)
    cap("sdcc-make-echo", "make 2>&1; echo EXIT=$?", root, n_sdcc)
    cap("sdcc-rst-fan-head-200", "cat fan.rst main.rst curve_0*.rst 2>/dev/null | head -n 400", root, n_sdcc_rst)
    run("make clean", cwd=root)


STEPS = [firmware, cmocka, devicetree, sdcc]
