#!/usr/bin/env python3
"""Round 495: build-system and native-debugging tools' outputs new to the corpus (AddressSanitizer reports, strace,
gdb batch sessions, gcov -b, gprof -A, ldd -r, ctest -T memcheck, cmake --system-information, ninja -d stats,
automake's test harness, configure --help) on a seeded C program of a water tower's pumps, floats and valves with
faults put in. See NEEDLES.md, round 495.

Usage:   .venv/bin/python scripts/corpus/capture_wide495.py
Writes:  scripts/corpus/data/wide495.json, ids prefixed "wide495-".
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of  # noqa: E402

TMP = Path("/dev/shm/hm-corpus-wide495")
OUT = HERE / "data" / "wide495.json"
SEED = 49510
S = cm.Sized(400, 120_000)
kind = cm.kind

# ================================================================== extractors (fixed before capture)


@kind("asan-heap-buffer-overflow", "test")
def n_asan(lines):
    """ERROR: AddressSanitizer line, READ/WRITE of size line, first #0 frame after it, located line, <== Memory access lines, SUMMARY"""
    out = []
    for i, ln in enumerate(lines):
        if "ERROR: AddressSanitizer" in ln or "SUMMARY: AddressSanitizer" in ln:
            out.append(ln)
        elif re.search(r"\b(READ|WRITE) of size \d+", ln):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s*#0 "))
        elif re.search(r"is located (\d+ bytes (after|before|to the)|in stack of thread)", ln):
            out.append(ln)
        elif "<== Memory access" in ln:
            out.append(ln)
    return out


n_asan_scope = cm.named("asan-use-after-scope", "test", n_asan.__doc__, n_asan)

SYS_PREFIX = ("/usr", "/lib", "/etc", "/proc")


def _strace_common(lines):
    out, groups = [], {}
    for ln in lines:
        if "+++ exited with" in ln or "+++ killed by" in ln or re.search(r"--- SIG\w+", ln):
            out.append(ln)
            continue
        m = re.search(r"(\w+)\((.*)\)\s+= -1 (E[A-Z]+)", ln)
        if m:
            pm = re.search(r'"([^"]*)"', m.group(2))
            path = pm.group(1) if pm else ""
            if path and not path.startswith(SYS_PREFIX):
                out.append(ln)
            else:
                groups.setdefault((m.group(1), m.group(3)), []).append(ln)
    return out + [any_of(g) for g in groups.values()]


@kind("strace-f-file", "log")
def n_strace_file(lines):
    """exit/killed and --- SIG lines; failing calls on the program's own paths each, others one any per (syscall, errno)"""
    return _strace_common(lines)


@kind("strace-tt-T", "log")
def n_strace_tt(lines):
    """as strace-f-file, plus the calls with the longest and the shortest <seconds> (first of ties)"""
    out = _strace_common(lines)
    timed = [(float(m.group(1)), i) for i, ln in enumerate(lines) if (m := re.search(r"<(\d+\.\d+)>\s*$", ln))]
    if timed:
        hi = max(timed, key=lambda t: (t[0], -t[1]))
        lo = min(timed, key=lambda t: (t[0], t[1]))
        out += [lines[hi[1]], lines[lo[1]]]
    return out


@kind("gdb-batch-frame-locals", "test")
def n_gdb_locals(lines):
    """Program received signal line, every #N frame line, Stack level line, every name = value line"""
    out = []
    for ln in lines:
        if ln.startswith("Program received signal") or re.match(r"#\d+\s", ln) or ln.startswith("Stack level"):
            out.append(ln)
        elif re.match(r"^[A-Za-z_]\w* = ", ln):
            out.append(ln)
    return out


@kind("gdb-disassemble-s", "code")
def n_gdb_dis(lines):
    """Dump of assembler code lines, every call instruction line, the => line, End of assembler dump."""
    out = []
    for ln in lines:
        if ln.startswith("Dump of assembler code for function") or ln.startswith("End of assembler dump"):
            out.append(ln)
        elif re.search(r"\tcall\s", ln) or re.search(r">:\s+call", ln) or ln.startswith("=>"):
            out.append(ln)
    return out


@kind("gcov-b-summary", "test")
def n_gcov_sum(lines):
    """every File '...' line and every line holding a percentage"""
    return [ln for ln in lines if ln.startswith("File '") or re.search(r"\d+(\.\d+)?%", ln)]


@kind("gcov-b-annotated", "code")
def n_gcov_ann(lines):
    """every #####: / =====: line, every function ... called 0 line, the 0:Source: line"""
    return [ln for ln in lines if re.match(r"\s*(#####|=====):", ln) or re.match(r"function \S+ called 0\b", ln)
            or re.match(r"\s*-:\s*0:Source:", ln)]


@kind("gprof-A", "test")
def n_gprof_a(lines):
    """Top 10 Lines rows and Execution Summary lines; else function lines with the ten largest N -> counts"""
    out, sect, rows = [], None, 0
    for ln in lines:
        s = ln.strip()
        if s.startswith("Top 10 Lines"):
            sect, rows = "top", 0
            continue
        if sect == "top" and re.match(r"\d+\s+\d+$", s):
            rows += 1
        if s.startswith("Execution Summary"):
            sect = "sum"
            out.append(ln)
            continue
        if sect and s:
            out.append(ln)
            if sect == "sum" and s.startswith(tuple("0123456789")) and "Average executions per line" in s:
                sect = None
        elif sect == "top" and not s and rows:
            sect = None
    if out:
        return out
    counted = [(int(m.group(1)), ln) for ln in lines if (m := re.match(r"\s*(\d+)\s*->", ln))]
    counted.sort(key=lambda t: -t[0])
    return [ln for _, ln in counted[:10]]


@kind("ldd-r", "build")
def n_ldd_r(lines):
    """every undefined symbol: line and every => not found line"""
    return [ln for ln in lines if "undefined symbol:" in ln or "=> not found" in ln]


@kind("ctest-T-memcheck", "test")
def n_ctest_mem(lines):
    """***Failed / Defects: test lines, the Memory checking results block, % tests passed, each FAILED entry"""
    out, block, failed = [], False, False
    for ln in lines:
        s = ln.strip()
        if "***Failed" in ln or "Defects:" in ln or "tests passed" in ln:
            out.append(ln)
        if s.startswith("Memory checking results"):
            block = True
            out.append(ln)
            continue
        if block:
            if re.match(r"^\S.* - \d+$", ln):
                out.append(ln)
            else:
                block = False
        if s.startswith("The following tests FAILED"):
            failed = True
            continue
        if failed:
            if re.match(r"\s+\d+ - ", ln):
                out.append(ln)
            elif s:
                failed = False
    return out


SYSINFO_KEYS = ["CMAKE_VERSION", "CMAKE_C_COMPILER", "CMAKE_CXX_COMPILER", "CMAKE_C_COMPILER_VERSION",
                "CMAKE_SYSTEM_NAME", "CMAKE_SYSTEM_PROCESSOR", "CMAKE_GENERATOR", "CMAKE_BUILD_TYPE",
                "CMAKE_INSTALL_PREFIX"]


@kind("cmake-system-information", "listing")
def n_cmake_sysinfo(lines):
    """first line naming each of CMAKE_VERSION, CMAKE_C/CXX_COMPILER, ..._C_COMPILER_VERSION, SYSTEM_NAME/PROCESSOR, GENERATOR, BUILD_TYPE, INSTALL_PREFIX"""
    out = []
    for key in SYSINFO_KEYS:
        for ln in lines:
            if re.match(rf"\s*{key}\b", ln):
                out.append(ln)
                break
    return out


@kind("ninja-d-stats", "build")
def n_ninja_stats(lines):
    """FAILED: lines and their first error: line, ninja: build stopped; stats table header and each numeric column's min/max rows"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("FAILED:"):
            out.append(ln)
            for k in range(i + 1, len(lines)):
                if "error:" in lines[k]:
                    out.append(lines[k])
                    break
                if lines[k].startswith(("FAILED:", "[", "ninja:")):
                    break
        elif ln.startswith("ninja: build stopped"):
            out.append(ln)
    hi = next((i for i, ln in enumerate(lines) if re.match(r"metric\s+count", ln)), None)
    if hi is not None:
        out.append(lines[hi])
        rows = []
        for ln in lines[hi + 1:]:
            cells = re.split(r"\s{2,}", ln.strip())
            if len(cells) < 3:
                break
            try:
                rows.append((ln, [float(c) for c in cells[1:]]))
            except ValueError:
                break
        if rows:
            for c in range(len(rows[0][1])):
                vals = [(r[1][c], r[0]) for r in rows if len(r[1]) > c]
                out.append(min(vals, key=lambda t: t[0])[1])
                out.append(max(vals, key=lambda t: t[0])[1])
    return out


@kind("automake-make-check", "test")
def n_am_check(lines):
    """FAIL:/XPASS:/ERROR: lines, # TOTAL..# ERROR count lines, See ... test-suite.log, make Error lines"""
    return [ln for ln in lines if re.match(r"(FAIL|XPASS|ERROR): ", ln) or re.match(r"# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):", ln)
            or re.search(r"See .*test-suite\.log", ln) or re.match(r"make(\[\d+\])?: \*\*\*.*Error", ln)]


@kind("automake-test-suite-log", "test")
def n_am_log(lines):
    """title line, # ...: count lines, FAIL: ... (exit status: N) headers and the first error/assert/fail line after each"""
    # the title: the first line not drawn of '=' (automake frames it); a failure's header is its `FAIL: name`
    # heading (underlined) and its closing `FAIL name (exit status: N)` line (see NEEDLES.md's notes, round 495)
    out = [next((ln for ln in lines if ln.strip() and not set(ln.strip()) <= set("=")), None)]
    for i, ln in enumerate(lines):
        if re.match(r"# \w+:\s+\d+", ln):
            out.append(ln)
        elif re.match(r"(FAIL|ERROR|XPASS) \S+ \(exit status: \d+\)", ln):
            out.append(ln)
        elif re.match(r"(FAIL|ERROR|XPASS): \S+$", ln):
            out.append(ln)
            for k in range(i + 2, len(lines)):
                if re.match(r"(PASS|FAIL|ERROR|XPASS|XFAIL|SKIP) \S+ \(exit status", lines[k]):
                    break
                if re.search(r"error|assert|fail", lines[k], re.I) and lines[k].strip():
                    out.append(lines[k])
                    break
    return out


PROJECT_OPTS: list[str] = []  # set from configure.ac before the capture


@kind("configure-help", "doc")
def n_configure_help(lines):
    """every column-0 heading ending with ':' and the option line of each --enable-*/--with-* the project's configure.ac adds"""
    out = [ln for ln in lines if re.match(r"^\S.*:$", ln)]
    for opt in PROJECT_OPTS:
        out.append(next((ln for ln in lines if re.match(rf"\s+{re.escape(opt)}\b", ln)), None))
    return out


# ================================================================== the water tower program (seed 49510)

def tower_sources(rng: random.Random) -> dict[str, str]:
    n_pumps = rng.randint(6, 9)
    n_floats = rng.randint(5, 8)
    n_valves = rng.randint(7, 10)
    pumps = ",\n".join(f'    {{{i}, "P{i:02d}-{rng.choice(["north", "south", "east", "riser", "booster"])}", '
                       f'{rng.uniform(8, 40):.2f}, {rng.randint(900, 3600)}}}' for i in range(n_pumps))
    floats = ",\n".join(f'    {{{i}, "F{i}-{rng.choice(["low", "mid", "high", "overflow"])}", {rng.uniform(0.5, 14):.2f}}}'
                        for i in range(n_floats))
    valves = ",\n".join(f'    {{{i}, "V{i:02d}-{rng.choice(["inlet", "outlet", "bypass", "drain", "scour"])}", {rng.randint(0, 100)}}}'
                        for i in range(n_valves))
    return {
        "tower.h": f"""#ifndef TOWER_H
#define TOWER_H
#define N_PUMPS {n_pumps}
#define N_FLOATS {n_floats}
#define N_VALVES {n_valves}
typedef struct {{ int id; const char *name; double flow_lps; int rated_rpm; }} pump_t;
typedef struct {{ int id; const char *name; double trip_m; }} float_sw_t;
typedef struct {{ int id; const char *name; int open_pct; }} valve_t;
extern const pump_t PUMPS[N_PUMPS];
extern const float_sw_t FLOATS[N_FLOATS];
extern valve_t VALVES[N_VALVES];
double pump_cycle(const pump_t *p, int minute, double level);
int float_tripped(const float_sw_t *f, double level);
int valve_adjust(valve_t *v, double level, double target);
double *float_history(int n);
int *scratch_levels(void);
void valve_calibrate(valve_t *v);
void telemetry_send(const char *what, double value);
#endif
""",
        "pumps.c": f"""#include <stdio.h>
#include <math.h>
#include "tower.h"
const pump_t PUMPS[N_PUMPS] = {{
{pumps}
}};
double pump_cycle(const pump_t *p, int minute, double level)
{{
    double duty = 0.0;
    if (level < 3.0)
        duty = 1.0;
    else if (level < 9.0)
        duty = 0.5 + 0.05 * (minute % 7);
    else if (level > 13.5)
        duty = 0.0;   /* overflow guard: never reached by the tests */
    else
        duty = 0.2;
    double rpm = p->rated_rpm * duty;
    double flow = p->flow_lps * duty * (1.0 + 0.01 * sin(minute));
    if (rpm > p->rated_rpm)
        fprintf(stderr, "pump %s over-speed %.0f rpm\\n", p->name, rpm);
    return flow;
}}
""",
        "floats.c": f"""#include <stdlib.h>
#include "tower.h"
const float_sw_t FLOATS[N_FLOATS] = {{
{floats}
}};
int float_tripped(const float_sw_t *f, double level)
{{
    if (level >= f->trip_m)
        return 1;
    return 0;
}}
double *float_history(int n)
{{
    double *h = malloc(sizeof(double) * n);
    for (int i = 0; i < n; i++)
        h[i] = FLOATS[i % N_FLOATS].trip_m;
    return h;
}}
int *scratch_levels(void)
{{
    int *keep = 0;
    {{
        int level_cm[8] = {{120, 240, 360, 480, 600, 720, 840, 960}};
        keep = level_cm;
    }}
    return keep;   /* FAULT: the block's array is out of scope */
}}
""",
        "valves.c": f"""#include <stdio.h>
#include "tower.h"
valve_t VALVES[N_VALVES] = {{
{valves}
}};
int valve_adjust(valve_t *v, double level, double target)
{{
    int step = (int)((target - level) * 10.0);
    int before = v->open_pct;
    v->open_pct += step;
    if (v->open_pct > 100)
        v->open_pct = 100;
    if (v->open_pct < 0)
        v->open_pct = 0;
    return v->open_pct - before;
}}
""",
        "main.c": """#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include "tower.h"

static double read_conf(const char *path, double fallback)
{
    FILE *f = fopen(path, "r");
    double v = fallback;
    if (!f) {
        fprintf(stderr, "tower: cannot open %s, using %.2f\\n", path, fallback);
        return fallback;
    }
    if (fscanf(f, "%lf", &v) != 1)
        v = fallback;
    fclose(f);
    return v;
}

static void simulate(int minutes, double target)
{
    double level = 4.0;
    for (int m = 0; m < minutes; m++) {
        double inflow = 0;
        for (int p = 0; p < N_PUMPS; p++)
            inflow += pump_cycle(&PUMPS[p], m, level);
        level += inflow / 900.0 - 0.35;
        for (int v = 0; v < N_VALVES; v++)
            valve_adjust(&VALVES[v], level, target);
        int trips = 0;
        for (int f = 0; f < N_FLOATS; f++)
            trips += float_tripped(&FLOATS[f], level);
        printf("minute %4d level %6.2f m inflow %7.2f l/s floats %d valve0 %3d%%\\n", m, level, inflow, trips, VALVES[0].open_pct);
        fflush(stdout);
    }
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "run";
    int minutes = argc > 2 ? atoi(argv[2]) : 60;
    double target = read_conf("tower.conf", 8.0);
    read_conf("calib/tower.local.conf", 0.0);
    char path[64];
    for (int p = 0; p < N_PUMPS; p++) {
        snprintf(path, sizeof path, "calib/pump-%02d.cal", p);
        read_conf(path, 1.0);
    }
    if (!strcmp(mode, "run")) {
        simulate(minutes, target);
    } else if (!strcmp(mode, "overflow")) {
        simulate(minutes, target);
        double *h = float_history(N_FLOATS);
        double worst = 0;
        for (int i = 0; i <= N_FLOATS; i++)   /* FAULT: one past the end */
            if (h[i] > worst) worst = h[i];
        printf("worst trip %.2f\\n", worst);
        free(h);
    } else if (!strcmp(mode, "overwrite")) {
        simulate(minutes, target);
        double *h = float_history(N_FLOATS);
        h[N_FLOATS + 1] = -1.0;                /* FAULT: writes past the end */
        free(h);
    } else if (!strcmp(mode, "scope")) {
        simulate(minutes, target);
        int *lv = scratch_levels();
        {
            int level_cm[8] = {120, 240, 360, 480, 600, 720, 840, 960};
            lv = level_cm;
        }
        printf("scratch level %d cm\\n", lv[3]);   /* FAULT: level_cm is out of scope */
    } else if (!strcmp(mode, "segv")) {
        simulate(minutes, target);
        valve_t *v = NULL;
        if (minutes > 1000)
            v = &VALVES[0];
        int moved = valve_adjust(v, 6.0, target);   /* FAULT: v is NULL */
        printf("moved %d\\n", moved);
    } else if (!strcmp(mode, "abort")) {
        simulate(minutes, target);
        fprintf(stderr, "tower: float F0 and overflow float disagree, stopping pumps\\n");
        abort();
    } else if (!strcmp(mode, "fpe")) {
        simulate(minutes, target);
        int zero = minutes - minutes;
        printf("per-pump %d\\n", N_PUMPS / zero);
    }
    return 0;
}
""",
    }


TEST_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tower.h"
static int check(int ok, const char *what) { if (!ok) { fprintf(stderr, "check failed: %s\n", what); return 1; } return 0; }
int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "pump_flow")) return check(pump_cycle(&PUMPS[0], 3, 2.0) > 0, "pump runs when low");
    if (!strcmp(c, "pump_idle")) return check(pump_cycle(&PUMPS[1], 3, 14.0) == 0, "pump idle when full");
    if (!strcmp(c, "float_trip")) return check(float_tripped(&FLOATS[0], 20.0) == 1, "float trips when high");
    if (!strcmp(c, "float_history")) { double *h = float_history(64); return check(h[3] > 0, "history filled"); }  /* leaks h */
    if (!strcmp(c, "valve_clamp")) { valve_t v = {0, "t", 95}; valve_adjust(&v, 0.0, 9.0); return check(v.open_pct == 99, "valve clamps at 99"); }
    if (!strcmp(c, "valve_close")) { valve_t v = {0, "t", 5}; valve_adjust(&v, 9.0, 1.0); return check(v.open_pct == 0, "valve closes"); }
    if (!strcmp(c, "level_uninit")) { double lv[4]; lv[0] = 1.0; int t = float_tripped(&FLOATS[1], lv[2]); return check(t >= 0, "uninit level"); }
    if (!strcmp(c, "history_overrun")) { double *h = float_history(4); double s = h[4]; free(h); return check(s >= 0 || s < 0, "overrun"); }
    if (!strcmp(c, "valve_all")) { int moved = 0; for (int i = 0; i < N_VALVES; i++) moved += valve_adjust(&VALVES[i], 5.0, 8.0) != 0; return check(moved == N_VALVES, "all valves move"); }
    fprintf(stderr, "unknown case %s\n", c);
    return 2;
}
"""
TEST_CASES = ["pump_flow", "pump_idle", "float_trip", "float_history", "valve_clamp", "valve_close", "level_uninit",
              "history_overrun", "valve_all"]

CMAKELISTS = """cmake_minimum_required(VERSION 3.16)
project(watertower C)
include(CTest)
add_library(tower STATIC pumps.c floats.c valves.c)
target_link_libraries(tower m)
add_executable(tower_sim main.c)
target_link_libraries(tower_sim tower)
add_executable(tower_test test.c)
target_link_libraries(tower_test tower)
add_executable(tower_alarm alarm.c)
target_link_libraries(tower_alarm tower)
foreach(case {cases})
  add_test(NAME ${{case}} COMMAND tower_test ${{case}})
endforeach()
"""
ALARM_C = """#include "tower.h"
int alarm_level(double level)
{
    if (level > FLOATS[0].trip_m
        return 1;
    return undefined_threshold;
}
int main(void) { return alarm_level(3.0); }
"""

CONFIGURE_AC = """AC_INIT([watertower], [0.9.5], [ops@tower.invalid])
AM_INIT_AUTOMAKE([foreign -Wall])
AC_PROG_CC
AC_ARG_ENABLE([overflow-guard], [AS_HELP_STRING([--enable-overflow-guard], [stop the pumps when the overflow float trips])])
AC_ARG_ENABLE([scour-valve], [AS_HELP_STRING([--disable-scour-valve], [leave the scour valve shut])])
AC_ARG_WITH([telemetry], [AS_HELP_STRING([--with-telemetry=HOST], [send levels to the telemetry HOST])])
AC_ARG_WITH([float-count], [AS_HELP_STRING([--with-float-count=N], [number of float switches fitted])])
AC_CHECK_LIB([m], [sin])
AC_CONFIG_FILES([Makefile])
AC_OUTPUT
"""


def tests_am(rng: random.Random) -> tuple[str, dict[str, str]]:
    """automake's parallel harness over shell tests: some pass, some fail, one skips, one errors, one xfails."""
    files, names, xfail = {}, [], []
    outcomes = ["pass"] * 8 + ["fail"] * 3 + ["skip", "error", "xfail", "xpass"]
    rng.shuffle(outcomes)
    for i, oc in enumerate(outcomes):
        part = rng.choice(["pump", "float", "valve", "level", "riser", "scour"])
        name = f"tests/{part}-{i:02d}.sh"
        names.append(name)
        body = f"#!/bin/sh\n# {oc}\n./tower run {rng.randint(3, 40)} > {part}-{i:02d}.out || exit 1\n"
        body += f"echo \"checking {part} {i}: $(wc -l < {part}-{i:02d}.out) minutes\"\n"
        if oc == "fail":
            body += (f"grep -q 'floats {rng.randint(20, 30)}' {part}-{i:02d}.out || "
                     f"{{ echo 'FAIL: {part} {i}: expected the overflow float to trip'; exit 1; }}\n")
        elif oc == "skip":
            body += "echo 'no scour valve fitted, skipping'; exit 77\n"
        elif oc == "error":
            body += f"echo 'error: telemetry host unreachable for {part} {i}'; exit 99\n"
        elif oc == "xfail":
            xfail.append(name)
            body += "echo 'known: riser float sticks'; exit 1\n"
        elif oc == "xpass":
            xfail.append(name)
            body += "echo 'riser float did not stick this time'\n"
        body += "exit 0\n"
        files[name] = body
    am = ("bin_PROGRAMS = tower\ntower_SOURCES = main.c pumps.c floats.c valves.c tower.h\n"
          f"TESTS = {' '.join(names)}\nXFAIL_TESTS = {' '.join(xfail)}\nEXTRA_DIST = $(TESTS)\n")
    return am, files


def sh(cmd: str, cwd: Path, timeout: int = 300) -> str:
    out = cm.run(cmd, cwd=cwd, timeout=timeout)
    cm.note(f"    $ {cmd[:70]} -> {len(out)} chars")
    return out


def step_native(tmp: Path) -> None:
    rng = random.Random(SEED)
    d = tmp / "tower"
    cm.write_tree(d, tower_sources(rng))
    cm.write_tree(d, {"tower.conf": "8.5\n", "calib/pump-00.cal": "1.04\n", "calib/pump-03.cal": "0.97\n"})
    sh("gcc -g -O0 -fsanitize=address -fno-omit-frame-pointer -o tower_asan main.c pumps.c floats.c valves.c -lm", d)
    for mode, mins in [("overflow", 12), ("overflow", 420), ("overwrite", 90)]:
        S.cap(f"asan-{mode}-{mins}", f"./tower_asan {mode} {mins}", d, n_asan, timeout=120)
    for mins in (8, 260, 1400):
        S.cap(f"asan-scope-{mins}", f"./tower_asan scope {mins}", d, n_asan_scope, timeout=120)
    sh("gcc -g -O0 -o tower main.c pumps.c floats.c valves.c -lm", d)
    S.cap("strace-file-run", "strace -f -e trace=file,process ./tower run 25", d, n_strace_file, timeout=120)
    S.cap("strace-file-abort", "strace -f -e trace=file,process ./tower abort 140", d, n_strace_file, timeout=120)
    S.cap("strace-tt-run", "strace -tt -T ./tower run 180", d, n_strace_tt, timeout=120)
    S.cap("strace-tt-fpe", "strace -tt -T ./tower fpe 45", d, n_strace_tt, timeout=120)
    S.cap("strace-file-segv", "strace -f -e trace=file,process ./tower segv 900", d, n_strace_file, timeout=120)
    S.cap("strace-tt-abort", "strace -tt -T ./tower abort 560", d, n_strace_tt, timeout=120)
    gdbx = "-ex run -ex bt -ex 'info frame' -ex 'info locals' -ex 'info args'"
    for mode, mins in [("segv", 30), ("abort", 6), ("fpe", 300)]:
        S.cap(f"gdb-{mode}", f"gdb -q -batch {gdbx} --args ./tower {mode} {mins}", d, n_gdb_locals, timeout=180)
    for fn in ("simulate", "main", "pump_cycle", "valve_adjust"):
        S.cap(f"gdb-dis-{fn}", f"gdb -q -batch -ex 'disassemble /s {fn}' ./tower", d, n_gdb_dis, timeout=120)
    # coverage
    c = tmp / "cov"
    cm.write_tree(c, tower_sources(random.Random(SEED)))
    cm.write_tree(c, {"tower.conf": "7.0\n"})
    sh("gcc --coverage -O0 -c main.c pumps.c floats.c valves.c && gcc --coverage -o tower_cov *.o -lm && ./tower_cov run 50 >/dev/null", c)
    S.cap("gcov-b", "gcov -b -c main.c pumps.c floats.c valves.c", c, n_gcov_sum)
    for f in ("main.c", "pumps.c", "floats.c", "valves.c"):
        S.cap(f"gcov-annotated-{f.split('.')[0]}", f"cat {f}.gcov", c, n_gcov_ann)
    sh("./tower_cov overflow 5 >/dev/null", c)
    S.cap("gcov-bf", "gcov -b -c -f main.c floats.c pumps.c valves.c", c, n_gcov_sum)
    # gprof
    g = tmp / "prof"
    cm.write_tree(g, tower_sources(random.Random(SEED)))
    sh("gcc -pg -g -O0 -o tower_pg main.c pumps.c floats.c valves.c -lm && ./tower_pg run 20000 >/dev/null && mv gmon.out gmon.run.out", g, timeout=300)
    S.cap("gprof-A", "gprof -A ./tower_pg gmon.run.out", g, n_gprof_a)
    sh("./tower_pg overflow 9000 >/dev/null && mv gmon.out gmon.overflow.out", g, timeout=300)
    S.cap("gprof-A-overflow", "gprof -A ./tower_pg gmon.overflow.out", g, n_gprof_a)
    # ldd -r: a library rebuilt without a symbol, another deleted
    lib = tmp / "ldd"
    cm.write_tree(lib, tower_sources(random.Random(SEED)))
    cm.write_tree(lib, {
        "io.c": '#include "tower.h"\nvoid valve_calibrate(valve_t *v) { v->open_pct = 50; telemetry_send("cal", 50); }\n',
        "telemetry.c": '#include <stdio.h>\nvoid telemetry_send(const char *w, double v) { printf("%s %f\\n", w, v); }\n'
                       'void telemetry_flush(void) {}\nvoid telemetry_open(const char *h) { (void)h; }\n',
        "use.c": '#include "tower.h"\nvoid telemetry_flush(void); void telemetry_open(const char *h);\n'
                 'void tower_io_init(void) { telemetry_open("tower"); valve_calibrate(&VALVES[0]); telemetry_flush(); }\n'})
    sh("mkdir -p lib && gcc -shared -fPIC -o lib/libtelemetry.so telemetry.c && "
       "gcc -shared -fPIC -o lib/libtowerio.so io.c valves.c -Llib -ltelemetry && "
       "gcc -o tower_io main.c pumps.c floats.c use.c -Llib -ltowerio -ltelemetry -lm -Wl,-rpath,'$ORIGIN/lib' && "
       "gcc -shared -fPIC -o lib/libtowerio.so valves.c && rm lib/libtelemetry.so", lib)
    S.cap("ldd-r-bin", "ldd -r ./tower_io", lib, n_ldd_r)
    S.cap("ldd-r-v", "ldd -r -v ./tower_io", lib, n_ldd_r)


def step_cmake(tmp: Path) -> None:
    d = tmp / "cmk"
    cm.write_tree(d, tower_sources(random.Random(SEED)))
    cm.write_tree(d, {"test.c": TEST_C, "alarm.c": ALARM_C, "CMakeLists.txt": CMAKELISTS.format(cases=" ".join(TEST_CASES))})
    sh("cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug >/dev/null && cmake --build build -j1 --target tower_test tower_sim >/dev/null", d)
    S.cap("ctest-memcheck", "ctest -T memcheck", d / "build", n_ctest_mem, timeout=600)
    S.cap("ctest-memcheck-R", "ctest -T memcheck -R 'valve|history'", d / "build", n_ctest_mem, timeout=600)
    sh("cmake -S . -B nb -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null", d)
    S.cap("ninja-stats", "ninja -d stats -k 0", d / "nb", n_ninja_stats, timeout=300)
    S.cap("ninja-stats-again", "ninja -d stats", d / "nb", n_ninja_stats, timeout=300)
    e = tmp / "empty"
    e.mkdir()
    S.cap("cmake-sysinfo", "cmake --system-information", e, n_cmake_sysinfo, timeout=300)
    S.cap("cmake-sysinfo-build", "cmake --system-information", d / "nb", n_cmake_sysinfo, timeout=300)


def step_automake(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    d = tmp / "am"
    cm.write_tree(d, tower_sources(random.Random(SEED)))
    am, tests = tests_am(rng)
    cm.write_tree(d, {"configure.ac": CONFIGURE_AC, "Makefile.am": am, "tower.conf": "8.0\n", **tests})
    PROJECT_OPTS[:] = ["--" + ("enable" if m.group(1) == "ENABLE" else "with") + "-" + m.group(2)
                       for m in re.finditer(r"AC_ARG_(ENABLE|WITH)\(\[([\w-]+)\]", CONFIGURE_AC)]
    PROJECT_OPTS[1] = "--disable-scour-valve"  # the help string spells the switch this project documents
    sh("chmod +x tests/*.sh && autoreconf -fi", d, timeout=300)
    S.cap("configure-help", "./configure --help", d, n_configure_help)
    sh("./configure -q && make -j1 >/dev/null", d, timeout=300)
    S.cap("make-check", "make check", d, n_am_check, timeout=300)
    S.cap("test-suite-log", "cat test-suite.log", d, n_am_log)
    sub = " ".join(t for t in tests if any(p in t for p in ("pump", "float", "valve")))
    S.cap("make-check-sub", f"make check TESTS='{sub}'", d, n_am_check, timeout=300)
    S.cap("test-suite-log-sub", "cat test-suite.log", d, n_am_log)


def ensure_tools() -> None:
    for t in ("gcc", "gdb", "strace", "gcov", "gprof", "valgrind", "cmake", "ctest", "ninja", "autoreconf"):
        cm.have(t, t)


if __name__ == "__main__":
    sys.modules.setdefault("capture_wide495", sys.modules["__main__"])
    cm.capture_round(__doc__, ensure_tools, lambda: [step_native, step_cmake, step_automake], "wide495-", OUT, TMP)
