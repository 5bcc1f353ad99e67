"""Round 43, binaries: a weather-buoy telemetry decoder in C (`buoy`, written here with bugs put in: `decode_frame`
dereferences a NULL sensor table on a frame with an unknown id, a worker thread crashes on a short packet while the
others wait, `load_calibration` opens a file that is not there), widened by a seeded generator of sensor decoders,
built with -g -O0 -pthread and inspected with readelf, objdump, size, nm, gdb, valgrind's cachegrind and ltrace.
Every kind's rule is NEEDLES.md's "Round 43" section, applied by the extractor next to it. Run through
capture_wide43.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

from capture_data import rule4
from capture_more import any_of, kind, run, write_tree
from capture_wide43 import cap, shell_extra

BUOY_H = """#ifndef BUOY_H
#define BUOY_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint16_t id;
    const char *name;
    double scale;
    double offset;
} sensor_t;

typedef struct {
    uint32_t seq;
    uint16_t sensor_id;
    uint16_t len;
    int16_t raw[16];
} frame_t;

extern sensor_t *sensor_table;
extern size_t sensor_count;

const sensor_t *find_sensor(uint16_t id);
double decode_frame(const frame_t *f);
int load_calibration(const char *path);
uint32_t frame_checksum(const frame_t *f);
double decode_generated(int which, const int16_t *raw, int n);
#endif
"""

BUOY_C = r"""#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buoy.h"

sensor_t *sensor_table = NULL;
size_t sensor_count = 0;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;
static char station_name[64] = "BUOY-44013";

const sensor_t *find_sensor(uint16_t id) {
    for (size_t i = 0; i < sensor_count; i++)
        if (sensor_table[i].id == id) return &sensor_table[i];
    return NULL;  /* unknown id: the caller must check */
}

double decode_frame(const frame_t *f) {
    const sensor_t *s = find_sensor(f->sensor_id);
    double acc = 0;
    for (int i = 0; i < f->len; i++) acc += f->raw[i];
    return acc / f->len * s->scale + s->offset;  /* BUG: s is NULL for an unknown sensor */
}

uint32_t frame_checksum(const frame_t *f) {
    uint32_t c = f->seq * 2654435761u;
    for (int i = 0; i < 16; i++) c = (c << 5) ^ (c >> 27) ^ (uint16_t)f->raw[i];
    return c;
}

int load_calibration(const char *path) {
    FILE *fp = fopen(path, "r");
    if (!fp) return -1;  /* the caller ignores this */
    char line[128];
    while (fgets(line, sizeof line, fp)) {
        sensor_table = realloc(sensor_table, (sensor_count + 1) * sizeof *sensor_table);
        sensor_table[sensor_count].id = (uint16_t)atoi(line);
        sensor_table[sensor_count].name = "cal";
        sensor_table[sensor_count].scale = 0.01;
        sensor_table[sensor_count].offset = 0;
        sensor_count++;
    }
    fclose(fp);
    return 0;
}

static void default_sensors(void) {
    static const char *names[] = {"wave_height", "wind_speed", "air_temp", "water_temp", "pressure", "salinity"};
    sensor_count = 6;
    sensor_table = calloc(sensor_count, sizeof *sensor_table);
    for (size_t i = 0; i < sensor_count; i++) {
        sensor_table[i].id = (uint16_t)(100 + i);
        sensor_table[i].name = names[i];
        sensor_table[i].scale = 0.01 * (double)(i + 1);
        sensor_table[i].offset = -2.5;
    }
}

static void make_frame(frame_t *f, uint32_t seq, unsigned *state) {
    f->seq = seq;
    f->sensor_id = (uint16_t)(100 + seq % 6);
    f->len = 16;
    for (int i = 0; i < 16; i++) {
        *state = *state * 1103515245u + 12345u;
        f->raw[i] = (int16_t)((*state >> 16) % 2000);
    }
}

struct job { int idx; int packets; };

static void *worker(void *arg) {
    struct job *j = arg;
    if (j->idx == 2) {
        usleep(200000);
        frame_t *short_pkt = NULL;  /* BUG: a short packet is never allocated */
        printf("worker %d: seq %u\n", j->idx, short_pkt->seq);
        return NULL;
    }
    pthread_mutex_lock(&lock);
    pthread_cond_wait(&never, &lock);  /* the other workers wait for a batch that never comes */
    pthread_mutex_unlock(&lock);
    return NULL;
}

static int run_scan(int n) {
    unsigned state = 7;
    double total = 0;
    uint32_t csum = 0;
    frame_t *frames = malloc((size_t)n * sizeof *frames);
    for (int i = 0; i < n; i++) make_frame(&frames[i], (uint32_t)i, &state);
    for (int i = 0; i < n; i++) {
        total += decode_frame(&frames[i]);
        csum ^= frame_checksum(&frames[i]);
        total += decode_generated(i % 48, frames[i].raw, 16);
    }
    printf("%s: %d frames, mean %.3f, checksum %08x\n", station_name, n, total / n, csum);
    free(frames);
    return 0;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "scan";
    const char *home = getenv("BUOY_HOME");
    if (load_calibration("/etc/buoy/calibration.txt") != 0) default_sensors();
    if (home == NULL) strncpy(station_name, "BUOY-44013 (no BUOY_HOME)", sizeof station_name - 1);
    if (strcmp(mode, "scan") == 0) return run_scan(argc > 2 ? atoi(argv[2]) : 2000);
    if (strcmp(mode, "crash") == 0) {
        frame_t f;
        unsigned state = 3;
        make_frame(&f, 41, &state);
        f.sensor_id = 999;  /* an id no table holds */
        printf("decoding frame %u from sensor %u\n", f.seq, f.sensor_id);
        fflush(stdout);
        printf("value %.2f\n", decode_frame(&f));
        return 0;
    }
    if (strcmp(mode, "threads") == 0) {
        pthread_t t[4];
        struct job jobs[4];
        for (int i = 0; i < 4; i++) {
            jobs[i].idx = i;
            jobs[i].packets = 10 * i;
            pthread_create(&t[i], NULL, worker, &jobs[i]);
        }
        for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
        return 0;
    }
    fprintf(stderr, "usage: buoy scan|crash|threads\n");
    return 2;
}
"""

MAKEFILE = """CFLAGS = -g -O0 -Wall -pthread
buoy: buoy.o sensors.o
\t$(CC) $(CFLAGS) -o $@ $^ -lm
clean:
\trm -f buoy *.o
"""

KINDS_OF_SENSOR = ["wave", "wind", "temp", "press", "salin", "chloro", "current", "swell", "gust", "humid", "solar", "dew"]


def gen_sensors(n: int, seed: int) -> str:
    """n generated sensor decoders (seeded) and the switch that picks one."""
    rnd = random.Random(seed)
    out = ["#include <math.h>\n#include <stdint.h>\n#include \"buoy.h\"\n"]
    names = []
    for k in range(n):
        name = f"decode_{KINDS_OF_SENSOR[k % len(KINDS_OF_SENSOR)]}_{k:02d}"
        names.append(name)
        a, b, c = rnd.randint(2, 97), rnd.randint(1, 9), rnd.choice(["sqrt", "fabs", "log1p"])
        table = ", ".join(str(rnd.randint(-500, 500)) for _ in range(rnd.randint(4, 12)))
        out.append(f"static const int16_t {name}_lut[] = {{{table}}};\n"
                   f"static double {name}(const int16_t *raw, int n) {{\n"
                   f"    double acc = 0;\n"
                   f"    for (int i = 0; i < n; i++) acc += raw[i] * {a} + {name}_lut[i % (int)(sizeof {name}_lut / sizeof *{name}_lut)];\n"
                   f"    return {c}(fabs(acc) / {b}.0);\n}}\n")
    out.append("double decode_generated(int which, const int16_t *raw, int n) {\n    switch (which) {\n")
    for k, name in enumerate(names):
        out.append(f"    case {k}: return {name}(raw, n);\n")
    out.append("    default: return 0;\n    }\n}\n")
    return "".join(out)


def build(tmp: Path) -> Path:
    root = tmp / "buoy"
    write_tree(root, {"buoy.h": BUOY_H, "buoy.c": BUOY_C, "sensors.c": gen_sensors(48, 43), "Makefile": MAKEFILE})
    run("make -s buoy", cwd=root)
    if not (root / "buoy").exists():
        raise RuntimeError("buoy did not build")
    return root


# ================================================================== kinds (rules: NEEDLES.md, round 43)

@kind("readelf-h", "listing")
def n_readelf_h(lines):
    """Rule 5: the Class, Type, Machine, Entry point address and Number of section headers lines."""
    return [ln for ln in lines if re.match(r"^\s*(Class|Type|Machine|Entry point address|Number of section headers):", ln)] \
        + shell_extra(lines)


@kind("readelf-l", "listing")
def n_readelf_l(lines):
    """Rule 5: Elf file type and Entry point lines, the program interpreter line, every LOAD row, the GNU_STACK / GNU_RELRO rows."""
    out = [ln for ln in lines if re.match(r"^(Elf file type|Entry point)", ln) or "Requesting program interpreter" in ln
           or re.match(r"^\s*(LOAD|GNU_STACK|GNU_RELRO)\s", ln)]
    return out + shell_extra(lines)


def _reloc(lines, row_pat, type_col):
    out = [ln for ln in lines if re.match(r"^Relocation section '", ln) or ln.startswith("DYNAMIC RELOCATION RECORDS")
           or re.match(r"^\s*(Offset|OFFSET)\s", ln)]
    rows = [(ln, {"type": ln.split()[type_col]}) for ln in lines if re.match(row_pat, ln)]
    out += rule4(rows, cat=["type"])
    out += [ln for ln, _ in rows if "@GLIBC" in ln][:40]
    return out + shell_extra(lines)


@kind("readelf-r", "listing")
def n_readelf_r(lines):
    """Rule 5: every relocation section header and the column header, rule 4 on the type column, every row naming a libc import (capped at 40)."""
    return _reloc(lines, r"^[0-9a-f]{12}\s+[0-9a-f]{12}\s+R_", 2)


@kind("objdump-R", "listing")
def n_objdump_r(lines):
    """Rule 5: the DYNAMIC RELOCATION RECORDS line and the column header, rule 4 on the type column, every row naming a libc import (capped at 40)."""
    return _reloc(lines, r"^[0-9a-f]{16}\s+R_", 1)


@kind("readelf-n", "listing")
def n_readelf_n(lines):
    """Rule 5: every 'Displaying notes found in:' line, the Build ID line and the 'OS: Linux, ABI:' line."""
    return [ln for ln in lines if ln.startswith("Displaying notes found in:") or "Build ID:" in ln or "OS: Linux, ABI:" in ln] \
        + shell_extra(lines)


@kind("readelf-V", "listing")
def n_readelf_v(lines):
    """Rule 5: every version section header, and every Name: line of the version-needs section (the GLIBC versions required)."""
    out, needs = [], False
    for ln in lines:
        if re.match(r"^Version (symbols|needs|definition) section", ln):
            out.append(ln)
            needs = ln.startswith("Version needs")
        elif needs and re.search(r"Name: GLIBC_", ln):
            out.append(ln)
    return out + shell_extra(lines)


@kind("readelf-debug-info", "listing")
def n_readelf_debug_info(lines):
    """Rule 5: every DW_AT_name line under a DW_TAG_subprogram, and the compile units' DW_AT_producer and DW_AT_name lines."""
    out, tag = [], ""
    for ln in lines:
        m = re.search(r"\((DW_TAG_\w+)\)", ln)
        if m:
            tag = m.group(1)
            continue
        if re.search(r"DW_AT_name\s", ln) and tag in ("DW_TAG_subprogram", "DW_TAG_compile_unit"):
            out.append(ln)
        elif "DW_AT_producer" in ln and tag == "DW_TAG_compile_unit":
            out.append(ln)
    return out + shell_extra(lines)


@kind("objdump-t", "listing")
def n_objdump_t(lines):
    """Rule 5: the SYMBOL TABLE: line, every function symbol of the program's own .text (names not starting with _), the rows holding the largest size."""
    out = [ln for ln in lines if ln.startswith("SYMBOL TABLE:")]
    rows = [(ln, ln.split()) for ln in lines if re.match(r"^[0-9a-f]{16}\s", ln)]
    out += [ln for ln, p in rows if " F .text" in ln and not p[-1].startswith("_")]
    sized = [(int(p[-2], 16), ln) for ln, p in rows if len(p) >= 4 and re.fullmatch(r"[0-9a-f]{16}", p[-2])]
    if sized:
        hi = max(v for v, _ in sized)
        out.append(any_of(ln for v, ln in sized if v == hi))
    return out + shell_extra(lines)


@kind("objdump-S", "code")
def n_objdump_s(lines):
    """Rule 5: every function header line (<name>:), every interleaved source line holding a call, every call instruction to the program's own function."""
    out = []
    for ln in lines:
        if re.match(r"^[0-9a-f]+ <[^>]+>:$", ln):
            out.append(ln)
        elif re.search(r"\scall\s+[0-9a-f]+ <(?!_)[a-z]\w*>$", ln):
            out.append(ln)
        elif not re.match(r"^\s+[0-9a-f]+:\s", ln) and re.search(r"\b[a-z_]\w*\(", ln) and not ln.startswith(("Disassembly", "/")) \
                and not re.match(r"^[0-9a-f]+ <", ln):
            out.append(ln)
    return out + shell_extra(lines)


@kind("size-A", "listing")
def n_size_a(lines):
    """Rule 5: the file line, the section size addr header, the .text / .data / .bss / .rodata rows and the Total line."""
    return [ln for ln in lines if re.search(r"\s:$|:\(ex", ln) or re.match(r"^section\s+size\s+addr", ln)
            or re.match(r"^(\.text|\.data|\.bss|\.rodata|Total)\s", ln)] + shell_extra(lines)


@kind("nm-size-sort", "listing")
def n_nm_size_sort(lines):
    """Rule 5: the three largest rows (the last three), and every row whose type letter occurs in at most 2 rows."""
    rows = [(ln, {"type": ln.split()[2]}) for ln in lines if re.match(r"^[0-9a-f]{16} [0-9a-f]{16} \w ", ln)]
    out = [ln for ln, _ in rows[-3:]]
    cnt = Counter(r["type"] for _, r in rows)
    out += [ln for ln, r in rows if cnt[r["type"]] <= 2]
    return out + shell_extra(lines)


def _gdb(lines, own=r" at (buoy|sensors)\.c:\d+"):
    out = []
    for ln in lines:
        if ln.startswith(("Program received signal", "Thread ")) and ("signal" in ln or re.match(r"^Thread \d+ \(", ln)):
            out.append(ln)
        elif re.match(r"^#0\s", ln) or (re.match(r"^#\d+\s", ln) and re.search(own, ln)):
            out.append(ln)
        elif re.match(r"^(rip|pc)\s", ln) or re.match(r"^=>\s", ln):
            out.append(ln)
        elif "<error:" in ln or "Cannot access memory" in ln:
            out.append(ln)
    return out + shell_extra(lines)


@kind("gdb-bt-full", "log")
def n_gdb_bt_full(lines):
    """Rule 5: the Program received signal line, frame #0 and every frame in the program's own source, every <error:> / Cannot access memory line."""
    return _gdb(lines)


@kind("gdb-thread-apply-all-bt", "log")
def n_gdb_threads(lines):
    """Rule 5: the Program received signal line, every Thread N header, each thread's frame #0 and every frame in the program's own source."""
    return _gdb(lines)


@kind("gdb-info-registers", "log")
def n_gdb_regs(lines):
    """Rule 5: the Program received signal line, frame #0 and own frames, the rip line and the => current-instruction line."""
    return _gdb(lines)


@kind("valgrind-cachegrind", "log")
def n_cachegrind(lines):
    """Rule 5: the Command: line, the I refs, D refs, D1 miss rate, LLd miss rate and LL refs lines."""
    return [ln for ln in lines if re.search(r"==\d+== (Command:|I\s+refs:|D\s+refs:|D1\s+miss rate:|LLd miss rate:|LL refs:)", ln)] \
        + shell_extra(lines)


@kind("ltrace", "log")
def n_ltrace(lines):
    """Rule 5: the first and last library call lines, every call returning nil / 0 / -1 where a pointer or status is expected, every signal / exit line."""
    calls = [ln for ln in lines if re.match(r"^(\[pid \d+\] )?[a-z_]\w*\(", ln)]
    out = calls[:1] + calls[-1:]
    out += [ln for ln in calls if re.match(r"^(\[pid \d+\] )?(malloc|calloc|realloc|fopen|getenv)\(", ln)
            and re.search(r"= (nil|0|0x0)$", ln)]
    out += [ln for ln in calls if re.match(r"^(\[pid \d+\] )?(fopen|open|access|stat)\(", ln) and re.search(r"= -1$|= nil$|= 0$", ln)]
    out += [ln for ln in lines if re.match(r"^(\[pid \d+\] )?(---|\+\+\+) ", ln)]
    return out + shell_extra(lines)


# ================================================================== the steps

def binutils(tmp: Path) -> None:
    root = build(tmp)
    cap("readelf-h-buoy", "readelf -h buoy", root, n_readelf_h)
    cap("readelf-l-buoy", "readelf -l buoy", root, n_readelf_l)
    cap("readelf-r-buoy", "readelf -r buoy", root, n_readelf_r)
    cap("readelf-n-buoy-echo-exit", "readelf -n buoy; echo EXIT=$?", root, n_readelf_n)
    cap("readelf-V-buoy", "readelf -V buoy", root, n_readelf_v)
    cap("readelf-debug-info-buoy-o", "readelf --debug-dump=info buoy.o", root, n_readelf_debug_info)
    cap("objdump-t-buoy", "objdump -t buoy", root, n_objdump_t)
    cap("objdump-R-buoy", "objdump -R buoy", root, n_objdump_r)
    cap("objdump-S-main", "objdump -S --no-show-raw-insn --disassemble=main buoy", root, n_objdump_s)
    cap("objdump-S-sensors-head-700", "objdump -S --no-show-raw-insn sensors.o | head -700", root, n_objdump_s)
    cap("size-A-buoy-objects", "size -A buoy buoy.o sensors.o", root, n_size_a)
    cap("nm-C-S-size-sort", "nm -C -S --size-sort buoy", root, n_nm_size_sort)
    cap("nm-C-S-size-sort-tail-40", "make -s buoy && nm -C -S --size-sort buoy | tail -40", root, n_nm_size_sort)


def debuggers(tmp: Path) -> None:
    root = tmp / "buoy"
    if not (root / "buoy").exists():
        build(tmp)
    cap("gdb-batch-bt-full-crash", "gdb -q -batch -ex run -ex 'bt full' --args ./buoy crash", root, n_gdb_bt_full)
    cap("gdb-thread-apply-all-bt", "gdb -q -batch -ex run -ex 'thread apply all bt' --args ./buoy threads 2>&1 "
        "| grep -v '^\\[New Thread'", root, n_gdb_threads)
    cap("gdb-info-registers-x-pc", "gdb -q -batch -ex run -ex bt -ex 'info registers' -ex 'x/6i $pc' --args ./buoy crash",
        root, n_gdb_regs)
    cap("valgrind-cachegrind-scan", "valgrind --tool=cachegrind --cache-sim=yes --cachegrind-out-file=/dev/null "
        "./buoy scan 3000", root, n_cachegrind)
    cap("ltrace-buoy-scan-head-150", "ltrace ./buoy scan 40 2>&1 | head -150", root, n_ltrace)
    cap("ltrace-f-threads-echo-exit", "ltrace -f ./buoy threads; echo EXIT=$?", root, n_ltrace, timeout=60)


STEPS = [binutils, debuggers]
