"""Round 120, small controllers and embedded tools: a greenhouse irrigation controller for the ATmega328P (`dripline`,
written here with bugs put in) built with avr-gcc -Wall -Wextra, measured with avr-size -C and run under simavr; a
variant too large for an ATtiny13; an 8051 weather-vane reader built with sdcc (warnings, an internal RAM overflow, its
.mem and .rst reports); C unit tests on cmocka with failures put in; board device trees through dtc with bad nodes;
hex images through srecord (srec_info, srec_cat with overlaps and a damaged checksum). The extractors below apply
NEEDLES.md's "Round 120" rules. Run through capture_wide120.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, run, write_tree
from capture_wide120 import cap, shell_extra
from capture_wide120_arm import n_avr_gcc, n_ld_overflow

TOOLS_LIB = "/tmp/r120/q/usr/lib/x86_64-linux-gnu"  # libsrecord when srecord's library was unpacked, not installed


# ------------------------------------------------------------------ extractors (rules fixed before capture)

@kind("avr-size-C", "listing")
def n_avr_size_c(lines):
    """Rule 5: the AVR Memory Usage line, the Device: line, the Program: and Data: lines, the EEPROM: line."""
    return [ln for ln in lines if re.match(r"^(AVR Memory Usage|Device:|Program:|Data:|EEPROM:)", ln)] + shell_extra(lines)


@kind("simavr-run", "log")
def n_simavr(lines):
    """Rules 1+5: the Loaded .text line, every failure line (FAIL, assert, error, CRASH, sleeping with interrupts off), the program's last line."""
    out = [ln for ln in lines if re.match(r"^Loaded \d+ \.text", ln)
           or re.search(r"FAIL|assert|[Ee]rror|CRASH|crash|sleeping with interrupts off", ln)]
    body = [ln for ln in lines if ln.strip() and not re.match(r"^EXIT=\d+$", ln.strip())]
    return out + body[-1:] + shell_extra(lines)


@kind("sdcc", "build")
def n_sdcc(lines):
    """Rules 1+3: every error N: line with its file:line, warnings one {"any"} per (warning number, file), every ?ASlink-Error / ?ASlink-Warning line, make *** and EXIT=N lines."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: (error|warning) (\d+):", ln)
        if m and m.group(2) == "error":
            out.append(ln)
        elif m:
            pairs.append(((m.group(3), m.group(1)), ln))
        elif re.search(r"\?ASlink-(Error|Warning)|^(\S+?):\d+: syntax error", ln):
            out.append(ln)
    return out + groups(pairs) + shell_extra(lines)


@kind("sdcc-mem", "listing")
def n_sdcc_mem(lines):
    """Rule 5: Internal RAM layout:, Stack starts at:, Other memory: and every row under it, any ERROR/exceeds/overlap line."""
    out, other = [], False
    for ln in lines:
        if re.match(r"^(Internal RAM layout:|Stack starts at:|Other memory:)", ln):
            out.append(ln)
            other = ln.startswith("Other memory:")
        elif other and re.match(r"^\s+(PAGED EXT\. RAM|EXTERNAL RAM|ROM/EPROM/FLASH)", ln):
            out.append(ln)
        elif re.search(r"ERROR|[Ee]xceeds|overlap", ln):
            out.append(ln)
    return out + shell_extra(lines)


@kind("sdcc-rst", "code")
def n_sdcc_rst(lines):
    """Rule 6: every function label line (_name: in the statement field) and every .area line."""
    return [ln for ln in lines if re.search(r"\s_\w+::?\s*$", ln) or re.search(r"\.area\s+\S+", ln)] + shell_extra(lines)


@kind("cmocka", "test")
def n_cmocka(lines):
    """Rule 2: every [  FAILED  ] name line, the first [  ERROR   ] / file:line: error: line under each failure, the [==========] N test(s) run. line and the PASSED / FAILED count lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\[  FAILED  \]", ln) or re.match(r"^\[==========\] .*test\(s\) run", ln) \
                or re.match(r"^\[  PASSED  \] \d+ test", ln):
            out.append(ln)
        if re.match(r"^\[ RUN      \]", ln):
            for k in range(i + 1, min(len(lines), i + 12)):
                if re.match(r"^\[ (RUN|     OK) ", lines[k]) or re.match(r"^\[  (PASSED|FAILED)  \]", lines[k]):
                    break
                if re.match(r"^\[  ERROR   \]", lines[k]) or re.search(r":\d+: error:", lines[k]):
                    out.append(lines[k])
                    break
    out += [ln for ln in lines if re.search(r"\d+ FAILED TEST", ln)]
    return out + shell_extra(lines)


@kind("dtc-warnings", "build")
def n_dtc(lines):
    """Rule 1: every Error: / ERROR / FATAL ERROR: line, warnings one {"any"} per (warning name, file), the ERROR: Input tree has errors line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?): (Warning|ERROR) \((\w+)\):", ln)
        if m and m.group(2) == "ERROR":
            out.append(ln)
        elif m:
            pairs.append(((m.group(3), m.group(1)), ln))
        elif re.search(r"Error:|ERROR|FATAL ERROR:", ln):
            out.append(ln)
    return out + groups(pairs) + shell_extra(lines)


@kind("srec-info", "listing")
def n_srec_info(lines):
    """Rule 5: Format:, Header:, Execution Start Address: lines and every Data: range row."""
    out, data = [], False
    for ln in lines:
        if re.match(r"^(Format|Header|Execution Start Address):", ln):
            out.append(ln)
        if re.match(r"^Data:", ln):
            data = True
            out.append(ln)
        elif data and re.match(r"^\s+[0-9A-Fa-f]{4,} - [0-9A-Fa-f]{4,}", ln):
            out.append(ln)
        elif ln.strip() and not ln.startswith(" "):
            data = False
    return out + [ln for ln in lines if re.match(r"^srec_info:", ln)] + shell_extra(lines)


@kind("srec-cat", "build")
def n_srec_cat(lines):
    """Rule 1: every srec_cat: error / warning line and the line naming the file it failed on."""
    return [ln for ln in lines if re.match(r"^srec_cat:", ln) or re.search(r"\.(hex|srec|s19|bin): \d+:", ln)] \
        + shell_extra(lines)


# ------------------------------------------------------------------ the AVR controller

AVR_MAIN = r"""#include <avr/io.h>
#include <avr/interrupt.h>
#include <avr/sleep.h>
#include <stdio.h>
#include <stdint.h>
#include "valves.h"

static int uart_putchar(char c, FILE *s) {
    if (c == '\n') uart_putchar('\r', s);
    loop_until_bit_is_set(UCSR0A, UDRE0);
    UDR0 = c;
    return 0;
}
static FILE uart = FDEV_SETUP_STREAM(uart_putchar, NULL, _FDEV_SETUP_WRITE);
static uint8_t failures, runs;

static void expect(const char *name, long got, long want) {
    runs++;
    if (got == want) printf("ok   %s\n", name);
    else { failures++; printf("FAIL %s: got %ld want %ld\n", name, got, want); }
}

int main(void) {
    UCSR0B = _BV(TXEN0);
    stdout = &uart;
    printf("dripline 2.1 atmega328p @16MHz\n");
    zone_t z[ZONES];
    zones_init(z);
    expect("zones_init_count", zones_active(z), 0);
    schedule(z, 3, 600, 45);
    expect("schedule_zone3_minutes", z[3].minutes, 45);
    expect("schedule_rejects_zone8", schedule(z, 8, 600, 10), -1);
    expect("moisture_to_pct_dry", moisture_pct(1023), 0);
    expect("moisture_to_pct_wet", moisture_pct(300), 100);
    expect("moisture_to_pct_mid", moisture_pct(660), 50);
    expect("flow_liters_1000_pulses", flow_liters(1000), 2);
    for (uint8_t i = 0; i < ZONES; i++)
        printf("zone %u start=%u min=%u valve=%s\n", i, z[i].start, z[i].minutes, z[i].open ? "open" : "shut");
    printf("summary: %u checks, %u failed\n", runs, failures);
    if (failures) printf("error: self-check failed, valves locked\n");
    cli();
    sleep_mode();
    return 0;
}
"""

AVR_VALVES_H = """#ifndef VALVES_H
#define VALVES_H
#include <stdint.h>
#define ZONES 8
typedef struct { uint16_t start; uint8_t minutes; uint8_t open; } zone_t;
void zones_init(zone_t *z);
int zones_active(const zone_t *z);
int schedule(zone_t *z, uint8_t zone, uint16_t start, uint8_t minutes);
uint8_t moisture_pct(uint16_t adc);
uint16_t flow_liters(uint32_t pulses);
#endif
"""

AVR_VALVES_C = r"""#include <string.h>
#include "valves.h"

void zones_init(zone_t *z) { memset(z, 0, sizeof(zone_t) * (ZONES - 1)); }   /* bug: the last zone is left as is */

int zones_active(const zone_t *z) {
    int n = 0;
    for (int i = 0; i < ZONES; i++) n += z[i].open;
    return n;
}

int schedule(zone_t *z, uint8_t zone, uint16_t start, uint8_t minutes) {
    if (zone > ZONES) return -1;       /* bug: zone 8 passes */
    if (minutes > 300) return -2;
    z[zone].start = start;
    z[zone].minutes = minutes;
    return 0;
}

uint8_t moisture_pct(uint16_t adc) {
    if (adc >= 1023) return 0;
    if (adc <= 300) return 100;
    return (1023 - adc) * 100 / (1023 - 300);    /* 16-bit overflow: (1023-adc)*100 */
}

uint16_t flow_liters(uint32_t pulses) {
    int unused_rate;
    return pulses / 450;
}
"""

AVR_EXTRA = r"""#include <stdint.h>
#include <stdio.h>
#include <math.h>
float et0_{k}(float t, float rh, float wind, int flags) {{
    char label[12];
    sprintf(label, "et0-%d", {k});
    float es = 0.6108f * expf(17.27f * t / (t + 237.3f));
    for (int i = 0; i < sizeof label; i++) if (label[i] == 0) break;
    return 0.0023f * (t + 17.8f) * sqrtf(es * (1 - rh / 100)) * wind;
}}
"""

AVR_MAKEFILE = """MCU ?= atmega328p
CC = avr-gcc
CFLAGS = -mmcu=$(MCU) -Os -Wall -Wextra -std=gnu99
OBJS = main.o valves.o $(patsubst %.c,%.o,$(wildcard et0_*.c))

dripline.elf: $(OBJS)
\t$(CC) -mmcu=$(MCU) -o $@ $(OBJS) -lm -Wl,-u,vfprintf -lprintf_flt
\tavr-size -C --mcu=$(MCU) $@

%.o: %.c valves.h
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -f *.o *.elf *.hex
"""


def avr(tmp: Path) -> None:
    root = tmp / "dripline"
    files = {"main.c": AVR_MAIN, "valves.h": AVR_VALVES_H, "valves.c": AVR_VALVES_C, "Makefile": AVR_MAKEFILE}
    for k in range(12):
        files[f"et0_{k:02d}.c"] = AVR_EXTRA.format(k=k)
    write_tree(root, files)
    cap("avr-make", "make 2>&1; echo EXIT=$?", root, n_avr_gcc)
    run("avr-objcopy -O ihex -R .eeprom dripline.elf dripline.hex", cwd=root)
    (tmp / "hex").mkdir(exist_ok=True)
    run(f"cp dripline.hex {tmp / 'hex'}/", cwd=root)
    cap("avr-size-C-mcus", "for m in atmega328p atmega168 atmega88 attiny85; do avr-size -C --mcu=$m dripline.elf; done",
        root, n_avr_size_c)
    cap("avr-size-C-objects", "avr-size -C --mcu=atmega328p *.o dripline.elf", root, n_avr_size_c)
    cap("simavr-run", "timeout 20 simavr -m atmega328p -f 16000000 dripline.elf; echo EXIT=$?", root, n_simavr)
    # the same program for a part too small for it
    cap("avr-make-atmega48", "make clean >/dev/null && make MCU=atmega48 2>&1 | tail -n 40", root, n_ld_overflow)


# ------------------------------------------------------------------ the 8051 vane reader (sdcc)

SDCC_MAIN = r"""#include <8051.h>
#include <stdint.h>
#include "vane.h"

__xdata uint8_t history[HISTORY];
uint8_t window[WINDOW];

void uart_init(void) { SCON = 0x50; TMOD = 0x20; TH1 = 0xFD; TR1 = 1; TI = 1; }
int putchar(int c) { while (!TI); TI = 0; SBUF = c; return c; }

void main(void) {
    uint8_t i, dir;
    char label = 300;
    uart_init();
    for (i = 0; i < 255; i++) {
        dir = vane_sector(P1);
        window[i % WINDOW] = dir;
        history[i] = dir;
    }
    while (1) { dir = vane_average(window, WINDOW); P2 = dir; }
}
"""

SDCC_VANE_H = """#ifndef VANE_H
#define VANE_H
#include <stdint.h>
#ifndef WINDOW
#define WINDOW 16
#endif
#define HISTORY 200
uint8_t vane_sector(uint8_t raw);
uint8_t vane_average(uint8_t *w, uint8_t n);
#endif
"""

SDCC_VANE_C = r"""#include "vane.h"

static const uint8_t gray[16] = {0, 1, 3, 2, 7, 6, 4, 5, 15, 14, 12, 13, 8, 9, 11, 10};

uint8_t vane_sector(uint8_t raw) {
    uint8_t i;
    for (i = 0; i < 16; i++)
        if (gray[i] == (raw & 0x0F)) return i;
}

uint8_t vane_average(uint8_t *w, uint8_t n) {
    uint16_t sum = 0;
    uint8_t i, unused;
    for (i = 0; i < n; i++) sum += w[i];
    if (n == 0) return 0;
    return sum / n;
}

uint8_t vane_debug(uint8_t flags) {
    return 0;
}
"""


def sdcc_gen(k: int) -> str:
    rnd = random.Random(12100 + k)
    fns = []
    for j in range(rnd.randint(3, 5)):
        w = rnd.random()
        body = [f"uint8_t calib_{k}_{j}(uint8_t raw, uint8_t offset) {{", "    uint8_t r;"]
        if w < 0.3:
            body.append(f"    uint8_t big = {rnd.choice([300, 512, 1000])};")
            body.append("    r = raw + big;")
        else:
            body.append(f"    r = raw + {rnd.randint(1, 40)};")
        if w > 0.7:
            body.append("    if (r > 16) { r -= 16; }\n    else if (r > 16) { r = 0; }")
        if 0.3 <= w < 0.5:
            body.append("    return r;\n}\n")
            body[0] = body[0].replace("uint8_t offset", "uint8_t offset, uint8_t spare")
        else:
            body.append("    return r + offset;\n}\n")
        fns.append("\n".join(body))
    return '#include <stdint.h>\n\n' + "\n".join(fns)


SDCC_MAKEFILE = """CC = sdcc
CFLAGS = -mmcs51 --model-small $(EXTRA)
SRCS = main.c vane.c $(wildcard cal_*.c)
RELS = $(SRCS:.c=.rel)

vane.ihx: $(RELS)
\t$(CC) $(CFLAGS) $(RELS) -o $@

%.rel: %.c vane.h
\t$(CC) $(CFLAGS) -c $<

clean:
\trm -f *.rel *.ihx *.lk *.map *.mem *.rst *.lst *.sym *.asm *.rel *.adb *.cdb *.omf *.noi
"""


def sdcc(tmp: Path) -> None:
    root = tmp / "vane51"
    files = {"main.c": SDCC_MAIN, "vane.h": SDCC_VANE_H, "vane.c": SDCC_VANE_C, "Makefile": SDCC_MAKEFILE}
    for k in range(10):
        files[f"cal_{k:02d}.c"] = sdcc_gen(k)
    write_tree(root, files)
    cap("sdcc-make", "make 2>&1; echo EXIT=$?", root, n_sdcc)
    run(f"mkdir -p {tmp / 'hex'} && cp vane.ihx {tmp / 'hex'}/", cwd=root)
    cap("sdcc-mem", "cat vane.mem", root, n_sdcc_mem)
    cap("sdcc-rst-head-150", "head -n 150 vane.rst", root, n_sdcc_rst)
    cap("sdcc-rst-main", "cat main.rst", root, n_sdcc_rst)
    # a window too large for the 8051's internal RAM
    cap("sdcc-make-window-overflow", "make clean >/dev/null; make EXTRA=-DWINDOW=120 2>&1 | tail -n 40", root, n_sdcc)
    cap("sdcc-mem-overflow", "cat vane.mem; echo EXIT=$?", root, n_sdcc_mem)


# ------------------------------------------------------------------ cmocka

CMOCKA_TEST = r"""#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "ringlog.h"

static void test_push_one(void **state) {
    (void)state;
    ringlog_t r; ringlog_init(&r);
    ringlog_push(&r, 7);
    assert_int_equal(ringlog_count(&r), 1);
}

static void test_wraps_at_capacity(void **state) {
    (void)state;
    ringlog_t r; ringlog_init(&r);
    for (int i = 0; i < RINGLOG_CAP + 3; i++) ringlog_push(&r, i);
    assert_int_equal(ringlog_count(&r), RINGLOG_CAP);
    assert_int_equal(ringlog_oldest(&r), 3);
}

static void test_newest(void **state) {
    (void)state;
    ringlog_t r; ringlog_init(&r);
    for (int i = 0; i < 5; i++) ringlog_push(&r, i * 10);
    assert_int_equal(ringlog_newest(&r), 40);
}

static void test_crc8_known(void **state) {
    (void)state;
    const uint8_t msg[] = "123456789";
    assert_int_equal(crc8_maxim(msg, 9), 0xA1);
}

static void test_format_reading(void **state) {
    (void)state;
    char buf[16];
    format_reading(buf, sizeof buf, -125);
    assert_string_equal(buf, "-1.25");
}

static void test_parse_reading_null(void **state) {
    (void)state;
    int32_t v = 0;
    assert_int_equal(parse_reading(NULL, &v), -1);
}

static void test_parse_reading_range(void **state) {
    (void)state;
    int32_t v = 0;
    assert_in_range(parse_reading("99999", &v), 0, 0);
    assert_in_range(v, -4000, 8500);
}

static void test_alloc_frame(void **state) {
    (void)state;
    uint8_t *f = frame_alloc(32);
    assert_non_null(f);
    f[0] = 1;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_push_one),
        cmocka_unit_test(test_wraps_at_capacity),
        cmocka_unit_test(test_newest),
        cmocka_unit_test(test_crc8_known),
        cmocka_unit_test(test_format_reading),
        cmocka_unit_test(test_parse_reading_null),
        cmocka_unit_test(test_parse_reading_range),
        cmocka_unit_test(test_alloc_frame),
GENERATED
    };
    return cmocka_run_group_tests_name("ringlog", tests, NULL, NULL);
}
"""

RINGLOG_H = """#ifndef RINGLOG_H
#define RINGLOG_H
#include <stdint.h>
#include <stddef.h>
#define RINGLOG_CAP 32
typedef struct { int32_t v[RINGLOG_CAP]; unsigned head, count; } ringlog_t;
void ringlog_init(ringlog_t *r);
void ringlog_push(ringlog_t *r, int32_t v);
unsigned ringlog_count(const ringlog_t *r);
int32_t ringlog_oldest(const ringlog_t *r);
int32_t ringlog_newest(const ringlog_t *r);
uint8_t crc8_maxim(const uint8_t *p, size_t n);
void format_reading(char *buf, size_t len, int32_t centi);
int parse_reading(const char *s, int32_t *out);
uint8_t *frame_alloc(size_t n);
int32_t scale_reading(int32_t raw, int k);
#endif
"""

RINGLOG_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ringlog.h"

void ringlog_init(ringlog_t *r) { memset(r, 0, sizeof *r); }
void ringlog_push(ringlog_t *r, int32_t v) {
    r->v[r->head] = v;
    r->head = (r->head + 1) % RINGLOG_CAP;
    if (r->count < RINGLOG_CAP) r->count++;
}
unsigned ringlog_count(const ringlog_t *r) { return r->count; }
int32_t ringlog_oldest(const ringlog_t *r) { return r->v[r->head % RINGLOG_CAP]; }   /* wrong before the ring fills */
int32_t ringlog_newest(const ringlog_t *r) { return r->v[r->head]; }                  /* bug: head is the next slot */
uint8_t crc8_maxim(const uint8_t *p, size_t n) {
    uint8_t crc = 0;
    while (n--) {
        uint8_t b = *p++;
        for (int i = 0; i < 8; i++) { uint8_t mix = (crc ^ b) & 1; crc >>= 1; if (mix) crc ^= 0x8C; b >>= 1; }
    }
    return crc;
}
void format_reading(char *buf, size_t len, int32_t centi) {
    snprintf(buf, len, "%d.%02d", (int)(centi / 100), (int)(abs(centi) % 100));   /* -125 prints -1.25, -25 prints 0.25 */
}
int parse_reading(const char *s, int32_t *out) {
    if (!s) return -1;
    long v = strtol(s, NULL, 10);
    if (v < -4000 || v > 8500) { *out = (int32_t)v; return 0; }   /* bug: out of range accepted */
    *out = (int32_t)v;
    return 0;
}
uint8_t *frame_alloc(size_t n) { return n > 16 ? NULL : malloc(n); }
int32_t scale_reading(int32_t raw, int k) { return raw * (k + 1) / 4; }
"""


def cmocka_generated(n: int) -> tuple[str, str]:
    """n table-driven scale tests, a few with wrong expectations (seeded)."""
    rnd = random.Random(12200)
    fns, regs = [], []
    for i in range(n):
        raw, k = rnd.randint(-500, 500), rnd.randint(0, 7)
        want = raw * (k + 1) // 4 if raw >= 0 else -((-raw * (k + 1)) // 4)
        if rnd.random() < 0.08:
            want += rnd.choice([-1, 1])
        fns.append(f"static void test_scale_{i:03d}(void **state) {{\n    (void)state;\n"
                   f"    assert_int_equal(scale_reading({raw}, {k}), {want});\n}}\n")
        regs.append(f"        cmocka_unit_test(test_scale_{i:03d}),")
    return "\n".join(fns), "\n".join(regs)


def cmocka(tmp: Path) -> None:
    root = tmp / "ringlog"
    fns, regs = cmocka_generated(120)
    test = CMOCKA_TEST.replace("int main(void) {", fns + "\nint main(void) {").replace("GENERATED", regs)
    small = CMOCKA_TEST.replace("GENERATED", "")
    write_tree(root, {"ringlog.h": RINGLOG_H, "ringlog.c": RINGLOG_C, "test_ringlog.c": small, "test_all.c": test})
    run("gcc -g -Wall -o test_ringlog test_ringlog.c ringlog.c -lcmocka && gcc -g -o test_all test_all.c ringlog.c -lcmocka",
        cwd=root)
    cap("cmocka-run", "./test_ringlog; echo EXIT=$?", root, n_cmocka)
    cap("cmocka-run-all", "./test_all 2>&1", root, n_cmocka)
    cap("cmocka-run-all-tail", "./test_all 2>&1 | tail -n 60; echo EXIT=$?", root, n_cmocka)
    cap("cmocka-run-all-head", "./test_all 2>&1 | head -n 100", root, n_cmocka)


# ------------------------------------------------------------------ dtc

def dts(n_sensors: int, seed: int, errors: bool) -> str:
    rnd = random.Random(seed)
    out = ["/dts-v1/;", "", "/ {", '\tmodel = "Tidegauge carrier rev C";', '\tcompatible = "acme,tidegauge-c", "ti,lm3s6965";',
           "\t#address-cells = <1>;", "\t#size-cells = <1>;", "", "\tchosen {", '\t\tstdout-path = "serial0:115200n8";', "\t};", "",
           "\tmemory@20000000 {", '\t\tdevice_type = "memory";', "\t\treg = <0x20000000 0x10000>;", "\t};", "",
           "\tsoc {", '\t\tcompatible = "simple-bus";', "\t\t#address-cells = <1>;", "\t\t#size-cells = <1>;", "\t\tranges;", ""]
    for i in range(n_sensors):
        addr = 0x40000000 + i * 0x1000
        w = rnd.random()
        unit = f"{addr:x}" if w > 0.15 else f"{addr + 0x100:x}"
        name = "i2c" if w < 0.5 else "serial" if w < 0.8 else "spi"
        reg = f"<0x{addr:x} 0x1000>" if w < 0.9 else f"<0x{addr:x}>"
        label = f"{name}{i}"
        out += [f"\t\t{label}: {name}@{unit} {{", f'\t\t\tcompatible = "acme,{name}-v{rnd.randint(1, 3)}";', f"\t\t\treg = {reg};",
                f"\t\t\tinterrupts = <{rnd.randint(1, 60)}>;", '\t\t\tstatus = "okay";']
        if name == "i2c":
            out += ["\t\t\t#address-cells = <1>;", "\t\t\t#size-cells = <0>;",
                    f"\t\t\tgauge@{rnd.randint(16, 120):x} {{", '\t\t\t\tcompatible = "acme,pressure-gauge";',
                    f"\t\t\t\treg = <0x{rnd.randint(16, 120):x}>;", "\t\t\t};"]
        if name == "spi" and rnd.random() < 0.5:
            out += ["\t\t\tflash@0 {", '\t\t\t\tcompatible = "jedec,spi-nor";', "\t\t\t\treg = <0 0>;", "\t\t\t};"]
        out += ["\t\t};", ""]
    if errors:  # LEDs wired to GPIO banks the board file never declares, and a label used twice
        out += ["\t\tleds {", '\t\t\tcompatible = "gpio-leds";']
        for j in range(12):
            out += [f"\t\t\tled{j} {{", f"\t\t\t\tlabel = \"tide:{rnd.choice(['green', 'amber', 'red'])}:{j}\";",
                    f"\t\t\t\tgpios = <&gpio{rnd.randint(5, 9)} {rnd.randint(0, 31)} 0>;", "\t\t\t};"]
        out += ["\t\t};", "", "\t\tuart_dbg: serial {", '\t\t\tcompatible = "acme,serial-v1";', "\t\t\treg = <0x4000c000 0x1000>;", "\t\t};"]
    out += ["\t};", "", "\taliases {", "\t\tserial0 = &serial2;", "\t};", "};", ""]
    return "\n".join(out)


def devicetree(tmp: Path) -> None:
    root = tmp / "dts"
    write_tree(root, {"carrier-c.dts": dts(60, 12300, False), "carrier-d.dts": dts(140, 12301, True),
                      "carrier-e.dts": dts(90, 12302, False)})
    cap("dtc-carrier-c", "dtc -I dts -O dtb -o carrier-c.dtb carrier-c.dts", root, n_dtc)
    cap("dtc-carrier-d-exit", "dtc -f -I dts -O dtb -o carrier-d.dtb carrier-d.dts 2>&1; echo EXIT=$?", root, n_dtc)
    cap("dtc-carrier-e-W-head", "dtc -W no-unit_address_vs_reg -I dts -O dtb -o /dev/null carrier-e.dts 2>&1 | head -n 100",
        root, n_dtc)


# ------------------------------------------------------------------ srecord over the ARM image

def srecord(tmp: Path) -> None:
    elf = tmp / "tidegauge" / "build" / "tidegauge.elf"
    root = tmp / "hex"
    root.mkdir(exist_ok=True)
    env = {"LD_LIBRARY_PATH": TOOLS_LIB}
    if not elf.exists():
        return
    root.mkdir(exist_ok=True)
    run(f"arm-none-eabi-objcopy -O ihex {elf} tidegauge.hex && arm-none-eabi-objcopy -O srec {elf} tidegauge.srec"
        f" && arm-none-eabi-objcopy -O ihex -j .isr_vector {elf} vectors.hex", cwd=root)
    cap("srec-info-srec", "srec_info tidegauge.srec", root, n_srec_info, env=env)
    cap("srec-info-each-hex", 'for f in tidegauge.hex vectors.hex dripline.hex vane.ihx; do echo "== $f"; srec_info $f -Intel; done',
        root, n_srec_info, env=env)
    # a boot block that overlaps the image, and a hex file with a damaged line
    run("srec_cat tidegauge.hex -Intel -crop 0 0x400 -offset 0x100 -o boot.hex -Intel", cwd=root, env=env)
    lines = (root / "tidegauge.hex").read_text().splitlines()
    lines[40] = lines[40][:-2] + ("00" if lines[40][-2:] != "00" else "FF")
    (root / "damaged.hex").write_text("\n".join(lines) + "\n")
    cap("srec-cat-overlap", "srec_cat tidegauge.hex -Intel boot.hex -Intel -o merged.hex -Intel; echo EXIT=$?", root,
        n_srec_cat, env=env)
    cap("srec-cat-checksum", "srec_cat damaged.hex -Intel -o out.bin -Binary; echo EXIT=$?", root, n_srec_cat, env=env)
    cap("srec-info-merged-fill", "srec_cat tidegauge.hex -Intel -fill 0xFF 0 0x20000 -crc32-l-e 0x20000 -o filled.hex -Intel "
        "&& srec_info filled.hex -Intel vectors.hex -Intel", root, n_srec_info, env=env)


STEPS = [avr, sdcc, cmocka, devicetree, srecord]
