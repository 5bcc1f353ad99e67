#!/usr/bin/env python3
"""Round 507: no new rules. Second samples of round 495's build-system and native-debugging kinds (ASan, strace,
gdb batch, gcov, gprof, ldd -r, ctest -T memcheck, cmake --system-information, ninja -d stats, automake's harness,
configure --help) and of round 502's data-tooling kinds (pandas, scikit-learn, pyarrow, sqlite3, jq), on new
material written here: a salt works' brine pans, boilers and panmen (`lumpworks` in C, `brinecast` data; seeds
50710+), with other faults than theirs. Every extractor is imported from capture_wide495 / capture_wide502.
See NEEDLES.md, round 507.

Usage:   .venv/bin/python scripts/corpus/capture_wide507.py
Writes:  scripts/corpus/data/wide507.json, ids prefixed "wide507-".
Tools:   pandas, scikit-learn, pyarrow in /dev/shm/hm-corpus-wide507/venv (made once); Debian's native tools.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide495 as w495  # noqa: E402
import capture_wide502 as w502  # noqa: E402

TMP = Path("/dev/shm/hm-corpus-wide507-run")
VENV = Path("/dev/shm/hm-corpus-wide507/venv")
PY = f"{VENV}/bin/python"
OUT = HERE / "data" / "wide507.json"
SEED = 50710
S = cm.Sized(400, 120_000)


def sh(cmd: str, cwd: Path, timeout: int = 300) -> str:
    out = cm.run(cmd, cwd=cwd, timeout=timeout)
    cm.note(f"    $ {cmd[:70]} -> {len(out)} chars")
    return out


# ================================================================== lumpworks: a salt works in C (seed 50710)

BOILER_NAMES = ["Hornblower", "Old Smoky", "Greathead", "Number Four", "Wych", "Leadhouse", "Saltcote", "Droitwich"]
PANMEN = ["Abel Whitlock", "Josiah Brine", "Mercy Hallam", "Tobias Crowder", "Hester Naylor", "Ezra Pennock",
          "Silas Ormerod", "Bathsheba Lunt", "Gideon Sorby", "Keziah Platt"]


def lumpworks_sources(rng: random.Random) -> dict[str, str]:
    n_pans = rng.randint(7, 11)
    n_boilers = rng.randint(4, 6)
    n_men = rng.randint(6, 9)
    pans = ",\n".join(f'    {{{i}, "pan-{i:02d}-{rng.choice(["lump", "fine", "common", "fishery", "stoved"])}", '
                      f'{rng.uniform(18, 42):.1f}, {rng.randint(40, 160)}}}' for i in range(n_pans))
    boilers = ",\n".join(f'    {{{i}, "{rng.choice(BOILER_NAMES)}", {rng.uniform(0.6, 1.9):.2f}}}' for i in range(n_boilers))
    men = ",\n".join(f'    {{{i}, "{n}", {rng.randint(1, 3)}}}' for i, n in enumerate(rng.sample(PANMEN, n_men)))
    return {
        "lumpworks.h": f"""#ifndef LUMPWORKS_H
#define LUMPWORKS_H
#define N_PANS {n_pans}
#define N_BOILERS {n_boilers}
#define N_PANMEN {n_men}
typedef struct {{ int id; const char *name; double area_m2; int capacity_cwt; }} pan_t;
typedef struct {{ int id; const char *name; double coal_cwt_per_hour; }} boiler_t;
typedef struct {{ int id; const char *name; int shift; }} panman_t;
extern const pan_t PANS[N_PANS];
extern const boiler_t BOILERS[N_BOILERS];
extern const panman_t PANMEN[N_PANMEN];
double brine_strength(const pan_t *p, int hour);
double boil_pan(const pan_t *p, const boiler_t *b, double strength, int hour);
int rake_lumps(double salt_cwt, int lump_cwt);
const panman_t *on_shift(int hour);
double *strengths(int n);
long settle_pan(int pan, long depth);
#endif
""",
        "pans.c": f"""#include <stdlib.h>
#include <math.h>
#include "lumpworks.h"
const pan_t PANS[N_PANS] = {{
{pans}
}};
double brine_strength(const pan_t *p, int hour)
{{
    double s = 22.0 + 3.5 * sin(hour / 5.0 + p->id);
    if (s > 26.4)
        s = 26.4;          /* saturated brine */
    else if (s < 10.0)
        s = 10.0;          /* never reached: fresh water in the pans */
    return s;
}}
double *strengths(int n)
{{
    double *s = malloc(sizeof(double) * n);
    for (int i = 0; i < n; i++)
        s[i] = brine_strength(&PANS[i % N_PANS], i);
    return s;
}}
long settle_pan(int pan, long depth)
{{
    volatile char ledger[16384];
    ledger[depth % 16384] = (char)pan;
    if (depth < 0)          /* FAULT: never true, the recursion has no floor */
        return ledger[0];
    return settle_pan((pan + 1) % N_PANS, depth + 1) + ledger[depth % 16384];
}}
""",
        "boilers.c": f"""#include <stdio.h>
#include "lumpworks.h"
const boiler_t BOILERS[N_BOILERS] = {{
{boilers}
}};
double boil_pan(const pan_t *p, const boiler_t *b, double strength, int hour)
{{
    double heat = b->coal_cwt_per_hour * (hour % 24 < 6 ? 0.6 : 1.0);
    double salt = p->area_m2 * strength / 100.0 * heat * 0.8;
    if (salt > p->capacity_cwt) {{
        fprintf(stderr, "boiler %s: %s over capacity (%.1f cwt)\\n", b->name, p->name, salt);
        salt = p->capacity_cwt;
    }}
    return salt;
}}
int rake_lumps(double salt_cwt, int lump_cwt)
{{
    if (lump_cwt <= 0)
        return 0;
    return (int)(salt_cwt / lump_cwt);
}}
""",
        "panmen.c": f"""#include "lumpworks.h"
const panman_t PANMEN[N_PANMEN] = {{
{men}
}};
const panman_t *on_shift(int hour)
{{
    int shift = 1 + (hour % 24) / 8;
    for (int i = 0; i < N_PANMEN; i++)
        if (PANMEN[(i + hour) % N_PANMEN].shift == shift)
            return &PANMEN[(i + hour) % N_PANMEN];
    return &PANMEN[0];
}}
""",
        "main.c": """#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <assert.h>
#include <unistd.h>
#include <sys/wait.h>
#include "lumpworks.h"

static double read_conf(const char *path, double fallback)
{
    FILE *f = fopen(path, "r");
    double v = fallback;
    if (!f) {
        fprintf(stderr, "lumpworks: cannot open %s, using %.2f\\n", path, fallback);
        return fallback;
    }
    if (fscanf(f, "%lf", &v) != 1)
        v = fallback;
    fclose(f);
    return v;
}

static void write_ledger(const char *path, double total)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return;
    }
    fprintf(f, "%.1f\\n", total);
    fclose(f);
}

static double boil_hours(int hours, int lump_cwt)
{
    double total = 0;
    for (int h = 0; h < hours; h++) {
        const pan_t *p = &PANS[h % N_PANS];
        const boiler_t *b = &BOILERS[h % N_BOILERS];
        double s = brine_strength(p, h);
        double salt = boil_pan(p, b, s, h);
        total += salt;
        printf("hour %4d %-16s boiler %-12s brine %5.2f%% salt %6.2f cwt lumps %3d panman %s\\n",
               h, p->name, b->name, s, salt, rake_lumps(salt, lump_cwt), on_shift(h)->name);
        fflush(stdout);
    }
    return total;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "run";
    int hours = argc > 2 ? atoi(argv[2]) : 24;
    int lump_cwt = (int)read_conf("lumpworks.conf", 2.0);
    read_conf("pans.d/pan-00.cal", 1.0);
    read_conf("shift/rota.txt", 0.0);
    char path[64];
    for (int b = 0; b < N_BOILERS; b++) {
        snprintf(path, sizeof path, "boilers/boiler-%d.cal", b);
        read_conf(path, 1.0);
    }
    double total = boil_hours(hours, lump_cwt);
    write_ledger("ledger", total);
    write_ledger("ledger.d/today.txt", total);
    if (!strcmp(mode, "underflow")) {
        double *s = strengths(N_PANS);
        s[-1] = 0.0;                           /* FAULT: writes before the block */
        free(s);
    } else if (!strcmp(mode, "strcpy")) {
        char *tag = malloc(8);
        strcpy(tag, on_shift(hours)->name);    /* FAULT: a panman's name is longer than 7 */
        printf("tag %s\\n", tag);
        free(tag);
    } else if (!strcmp(mode, "scope")) {
        int *last = NULL;
        for (int p = 0; p < N_PANS; p++) {
            int lumps[6] = {p, p + 1, p + 2, p + 3, p + 4, p + 5};
            last = lumps;
        }
        last[2] = 99;                          /* FAULT: the loop body's array is out of scope */
        printf("rake written\\n");
    } else if (!strcmp(mode, "assert")) {
        double s = brine_strength(&PANS[0], hours);
        assert(s < 25.0 && "brine over strength for the fishery pans");
    } else if (!strcmp(mode, "recurse")) {
        printf("settled %ld\\n", settle_pan(0, 0));
    } else if (!strcmp(mode, "fork")) {
        pid_t child = fork();
        if (child == 0) {
            boil_hours(3, lump_cwt);
            _exit(3);                          /* the child boiler's run ends with status 3 */
        }
        int st = 0;
        waitpid(child, &st, 0);
        printf("child boiler exited %d\\n", WEXITSTATUS(st));
        return WEXITSTATUS(st);
    }
    printf("total %.1f cwt\\n", total);
    return 0;
}
""",
    }


def lumpworks_tree(d: Path, seed: int = SEED) -> None:
    cm.write_tree(d, lumpworks_sources(random.Random(seed)))
    cm.write_tree(d, {"lumpworks.conf": "3\n", "pans.d": "not a directory\n", "boilers/boiler-1.cal": "1.1\n",
                      "ledger/README": "the ledger is a directory here\n"})


TEST_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lumpworks.h"
static int check(int ok, const char *what) { if (!ok) { fprintf(stderr, "check failed: %s\n", what); return 1; } return 0; }
int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "brine_saturated")) return check(brine_strength(&PANS[0], 7) <= 26.4, "brine saturates at 26.4");
    if (!strcmp(c, "brine_fresh")) return check(brine_strength(&PANS[1], 3) < 10.0, "fresh water pans");
    if (!strcmp(c, "rake_zero")) return check(rake_lumps(12.0, 0) == 0, "no lumps of 0 cwt");
    if (!strcmp(c, "strengths_leak")) { double *s = strengths(128); return check(s[5] > 0, "strengths filled"); }
    if (!strcmp(c, "strengths_double_free")) { double *s = strengths(8); free(s); free(s); return 0; }
    if (!strcmp(c, "strengths_interior_free")) { double *s = strengths(8); free(s + 2); return 0; }
    if (!strcmp(c, "uninit_lumps")) { int lump; if (rake_lumps(3.0, lump) > 1) puts("many"); return 0; }
    if (!strcmp(c, "shift_night")) return check(on_shift(2)->shift == 3, "night shift at 02:00");
    if (!strcmp(c, "boil_capacity")) return check(boil_pan(&PANS[0], &BOILERS[0], 26.0, 12) <= PANS[0].capacity_cwt, "capacity");
    if (!strcmp(c, "boil_night")) return check(boil_pan(&PANS[2], &BOILERS[1], 24.0, 3) > boil_pan(&PANS[2], &BOILERS[1], 24.0, 12), "night boils hotter");
    fprintf(stderr, "unknown case %s\n", c);
    return 2;
}
"""
TEST_CASES = ["brine_saturated", "brine_fresh", "rake_zero", "strengths_leak", "strengths_double_free",
              "strengths_interior_free", "uninit_lumps", "shift_night", "boil_capacity", "boil_night"]

CMAKELISTS = """cmake_minimum_required(VERSION 3.16)
project(lumpworks C)
include(CTest)
add_library(works STATIC pans.c boilers.c panmen.c)
target_link_libraries(works m)
add_executable(lumpworks main.c)
target_link_libraries(lumpworks works)
add_executable(works_test test.c)
target_link_libraries(works_test works)
add_executable(rakehouse rakehouse.c)
target_link_libraries(rakehouse works)
add_executable(coalyard coalyard.c)
target_compile_options(coalyard PRIVATE -Werror=incompatible-pointer-types)
target_link_libraries(coalyard works)
foreach(case {cases})
  add_test(NAME ${{case}} COMMAND works_test ${{case}})
endforeach()
"""
RAKEHOUSE_C = """#include "lumpworks.h"
#include "rakes.h"
int main(void) { return rake_lumps(RAKE_CWT, 2); }
"""
COALYARD_C = """#include "lumpworks.h"
int main(void)
{
    const boiler_t *b = &BOILERS[0];
    pan_t *p = b;            /* FAULT: a boiler is not a pan */
    return (int)p->area_m2;
}
"""

CONFIGURE_AC = """AC_INIT([lumpworks], [1.4.2], [panhouse@lumpworks.invalid])
AM_INIT_AUTOMAKE([foreign -Wall])
AC_PROG_CC
AC_ARG_ENABLE([night-boiling], [AS_HELP_STRING([--enable-night-boiling], [fire the boilers between 00:00 and 06:00])])
AC_ARG_ENABLE([lump-rakes], [AS_HELP_STRING([--disable-lump-rakes], [leave the salt loose, do not rake lumps])])
AC_ARG_WITH([coal-merchant], [AS_HELP_STRING([--with-coal-merchant=NAME], [order coal from merchant NAME])])
AC_ARG_WITH([brine-gauge], [AS_HELP_STRING([--with-brine-gauge=DEV], [read brine strength from the gauge DEV])])
AC_ARG_WITH([pan-count], [AS_HELP_STRING([--without-pan-count], [count the pans at start-up instead])])
AC_CHECK_LIB([m], [sin])
AC_CONFIG_FILES([Makefile])
AC_OUTPUT
"""


def tests_am(rng: random.Random) -> tuple[str, dict[str, str]]:
    """automake's harness over shell tests: 6 pass, 4 fail, 2 skip, 3 hard errors, 1 xfail."""
    files, names, xfail = {}, [], []
    outcomes = ["pass"] * 6 + ["fail"] * 4 + ["skip"] * 2 + ["error"] * 3 + ["xfail"]
    rng.shuffle(outcomes)
    for i, oc in enumerate(outcomes):
        part = rng.choice(["pan", "boiler", "brine", "rake", "coal", "panman"])
        name = f"tests/{part}-{i:02d}.sh"
        names.append(name)
        body = f"#!/bin/sh\n# {oc}\n./lumpworks run {rng.randint(4, 30)} > {part}-{i:02d}.out 2>&1 || exit 1\n"
        body += f"echo \"checking {part} {i}: $(wc -l < {part}-{i:02d}.out) hours boiled\"\n"
        if oc == "fail":
            body += (f"grep -q 'lumps {rng.randint(60, 90)}' {part}-{i:02d}.out || "
                     f"{{ echo 'FAIL: {part} {i}: expected a pan to rake over 60 lumps an hour'; exit 1; }}\n")
        elif oc == "skip":
            body += "echo 'no brine gauge fitted, skipping'; exit 77\n"
        elif oc == "error":
            body += f"echo 'error: coal merchant ledger missing for {part} {i}' >&2; exit 99\n"
        elif oc == "xfail":
            xfail.append(name)
            body += "echo 'known: stoved pan cracks when fired cold'; exit 1\n"
        body += "exit 0\n"
        files[name] = body
    am = ("bin_PROGRAMS = lumpworks\nlumpworks_SOURCES = main.c pans.c boilers.c panmen.c lumpworks.h\n"
          f"TESTS = {' '.join(names)}\nXFAIL_TESTS = {' '.join(xfail)}\nEXTRA_DIST = $(TESTS)\n")
    return am, files


def step_native(tmp: Path) -> None:
    d = tmp / "works"
    lumpworks_tree(d)
    sh("gcc -g -O0 -fsanitize=address -fno-omit-frame-pointer -o works_asan main.c pans.c boilers.c panmen.c -lm", d)
    S.cap("asan-underflow-30", "./works_asan underflow 30", d, w495.n_asan, timeout=120)
    S.cap("asan-underflow-700", "./works_asan underflow 700", d, w495.n_asan, timeout=120)
    S.cap("asan-strcpy-150", "./works_asan strcpy 150", d, w495.n_asan, timeout=120)
    S.cap("asan-scope-12", "./works_asan scope 12", d, w495.n_asan_scope, timeout=120)
    S.cap("asan-scope-520", "./works_asan scope 520", d, w495.n_asan_scope, timeout=120)
    sh("gcc -g -O0 -o lumpworks main.c pans.c boilers.c panmen.c -lm", d)
    S.cap("strace-file-fork", "strace -f -e trace=file,process ./lumpworks fork 40", d, w495.n_strace_file, timeout=120)
    S.cap("strace-file-assert", "strace -f -e trace=file,process ./lumpworks assert 300", d, w495.n_strace_file, timeout=120)
    S.cap("strace-tt-run", "strace -tt -T ./lumpworks run 520", d, w495.n_strace_tt, timeout=180)
    S.cap("strace-tt-recurse", "strace -tt -T ./lumpworks recurse 20", d, w495.n_strace_tt, timeout=120)
    gdbx = "-ex run -ex bt -ex 'info frame' -ex 'info locals' -ex 'info args'"
    S.cap("gdb-assert", f"gdb -q -batch {gdbx} --args ./lumpworks assert 9", d, w495.n_gdb_locals, timeout=180)
    S.cap("gdb-recurse", f"gdb -q -batch {gdbx} --args ./lumpworks recurse 5", d, w495.n_gdb_locals, timeout=300)
    for fn in ("boil_hours", "settle_pan", "on_shift"):
        S.cap(f"gdb-dis-{fn}", f"gdb -q -batch -ex 'disassemble /s {fn}' ./lumpworks", d, w495.n_gdb_dis, timeout=120)
    c = tmp / "cov"
    lumpworks_tree(c)
    sh("gcc --coverage -O0 -c main.c pans.c boilers.c panmen.c && gcc --coverage -o works_cov *.o -lm && "
       "./works_cov run 36 >/dev/null 2>&1; ./works_cov fork 5 >/dev/null 2>&1; true", c)
    S.cap("gcov-b", "gcov -b -c main.c pans.c boilers.c panmen.c", c, w495.n_gcov_sum)
    for f in ("main.c", "pans.c", "boilers.c"):
        S.cap(f"gcov-annotated-{f.split('.')[0]}", f"cat {f}.gcov", c, w495.n_gcov_ann)
    g = tmp / "prof"
    lumpworks_tree(g)
    sh("gcc -pg -g -O0 -o works_pg main.c pans.c boilers.c panmen.c -lm && ./works_pg run 30000 >/dev/null 2>&1", g, timeout=300)
    S.cap("gprof-A", "gprof -A ./works_pg gmon.out", g, w495.n_gprof_a)
    lib = tmp / "ldd"
    lumpworks_tree(lib)
    cm.write_tree(lib, {
        "boil.c": '#include "lumpworks.h"\ndouble boil_rate(double s) { return s * 0.8; }\nvoid boil_log(int h) { (void)h; }\n',
        "boil_static.c": '#include "lumpworks.h"\nstatic double boil_rate(double s) { return s * 0.8; }\n'
                         'double boil_unused(double s) { return boil_rate(s); }\nvoid boil_log(int h) { (void)h; }\n',
        "men.c": '#include "lumpworks.h"\nconst char *panman_name(int i) { return PANMEN[i % N_PANMEN].name; }\n'
                 'int panman_shift(int i) { return PANMEN[i % N_PANMEN].shift; }\n',
        "use.c": 'double boil_rate(double s); void boil_log(int h); const char *panman_name(int i); int panman_shift(int i);\n'
                 'int works_io(void) { boil_log(1); return (int)boil_rate(22.0) + panman_shift(2) + (panman_name(1) != 0); }\n'})
    sh("mkdir -p lib && gcc -shared -fPIC -o lib/libboil.so boil.c && "
       "gcc -shared -fPIC -Wl,-soname,libpanmen.so.2 -o lib/libpanmen.so.2 men.c panmen.c && ln -sf libpanmen.so.2 lib/libpanmen.so && "
       "gcc -o works_io main.c pans.c boilers.c use.c -Llib -lboil -lpanmen -lm -Wl,-rpath,'$ORIGIN/lib' && "
       "gcc -shared -fPIC -o lib/libboil.so boil_static.c && rm lib/libpanmen.so.2 lib/libpanmen.so && "
       "gcc -shared -fPIC -Wl,-soname,libpanmen.so.1 -o lib/libpanmen.so.1 men.c panmen.c", lib)
    S.cap("ldd-r", "ldd -r ./works_io", lib, w495.n_ldd_r)


def step_cmake(tmp: Path) -> None:
    d = tmp / "cmk"
    lumpworks_tree(d)
    cm.write_tree(d, {"test.c": TEST_C, "rakehouse.c": RAKEHOUSE_C, "coalyard.c": COALYARD_C,
                      "CMakeLists.txt": CMAKELISTS.format(cases=" ".join(TEST_CASES))})
    sh("cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug >/dev/null && cmake --build build -j1 --target works_test lumpworks >/dev/null", d)
    S.cap("ctest-memcheck", "ctest -T memcheck", d / "build", w495.n_ctest_mem, timeout=600)
    sh("cmake -S . -B nb -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_INSTALL_PREFIX=/opt/lumpworks >/dev/null", d)
    S.cap("ninja-stats", "ninja -d stats -k 0 -j1", d / "nb", w495.n_ninja_stats, timeout=300)
    S.cap("cmake-sysinfo-build", "cmake --system-information", d / "nb", w495.n_cmake_sysinfo, timeout=300)


def step_automake(tmp: Path) -> None:
    d = tmp / "am"
    lumpworks_tree(d)
    am, tests = tests_am(random.Random(SEED + 1))
    cm.write_tree(d, {"configure.ac": CONFIGURE_AC, "Makefile.am": am, **tests})
    # the option spellings the help strings document (as round 495 sets PROJECT_OPTS)
    w495.PROJECT_OPTS[:] = [m.group(1) for m in re.finditer(r"AS_HELP_STRING\(\[(--[\w-]+)", CONFIGURE_AC)]
    sh("chmod +x tests/*.sh && autoreconf -fi", d, timeout=300)
    S.cap("configure-help", "./configure --help", d, w495.n_configure_help)
    sh("./configure -q && make -j1 >/dev/null", d, timeout=300)
    S.cap("make-check", "make check", d, w495.n_am_check, timeout=300)
    S.cap("test-suite-log", "cat test-suite.log", d, w495.n_am_log)


# ================================================================== brinecast: the pans' boilings as data (seed 50711+)

PANS = [f"P{i:02d}" for i in range(1, 13)]
BOILERS = ["Hornblower", "Old Smoky", "Greathead", "Number Four", "Wych", "Leadhouse"]
GRADES = ["lump", "lump", "lump", "fine", "fine", "fishery", "stoved"]


def boilings(rng: random.Random, n: int, start: int = 1) -> list[dict]:
    out = []
    for i in range(start, start + n):
        brine = round(rng.uniform(18.0, 26.4), 2)
        coal = round(rng.uniform(4, 30), 1)
        salt = round(coal * brine / 10 * rng.uniform(0.7, 1.2), 1)
        out.append({"batch_id": f"L{i:05d}", "pan": rng.choice(PANS), "boiler": rng.choice(BOILERS),
                    "panman": rng.choice(PANMEN), "grade": rng.choice(GRADES), "brine_deg": brine,
                    "coal_cwt": coal, "salt_cwt": salt, "lumps": int(salt // 2),
                    "started_at": f"1887-0{rng.randint(4, 9)}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"})
    return out


BCOLS = list(boilings(random.Random(0), 1)[0])


def write_csv(path: Path, rows: list[dict], sep: str = ",", rng: random.Random | None = None, short: int = 0,
              long_: int = 0, newline_q: int = 0, mistyped: int = 0) -> None:
    lines = [sep.join(BCOLS)]
    for r in rows:
        vals = [str(r[c]) for c in BCOLS]
        lines.append(sep.join(f'"{v}"' if " " in v else v for v in vals))
    if rng:
        for _ in range(short):
            k = rng.randrange(1, len(lines))
            lines[k] = sep.join(lines[k].split(sep)[: rng.randint(3, len(BCOLS) - 1)])
        for _ in range(long_):
            k = rng.randrange(1, len(lines))
            lines[k] += sep + sep.join(["spare"] * rng.randint(1, 2))
        for _ in range(newline_q):
            k = rng.randrange(1, len(lines))
            f = lines[k].split(sep)
            if len(f) == len(BCOLS):
                f[3] = f'"{rng.choice(PANMEN)}\nrelief"'
                lines[k] = sep.join(f)
        for _ in range(mistyped):
            k = rng.randrange(1, len(lines))
            f = lines[k].split(sep)
            if len(f) == len(BCOLS):
                f[8] = rng.choice(["twelve", "n/a", "-", "4.5"])
                lines[k] = sep.join(f)
    path.write_text("\n".join(lines) + "\n")


PD_HEAD = """
import sys, traceback, warnings
import pandas as pd, numpy as np
pd.set_option("display.width", 160); pd.set_option("display.max_columns", 20); pd.set_option("display.max_rows", 3000)
"""

MERGE_PY = PD_HEAD + """
boil = pd.read_csv(sys.argv[1]); yields = pd.read_csv(sys.argv[2]); mode = sys.argv[3]; k = int(sys.argv[4])
print(f"rows: boilings={len(boil)} yields={len(yields)}")
if mode == "one_to_many":
    boil = pd.concat([boil, boil.sample(4, random_state=1)])   # repeated boilings on the left
    print(boil.tail(k).to_string()); print()
    print(boil["batch_id"].value_counts().head(6)); print()
    m = boil.merge(yields, on="batch_id", validate="one_to_many")
else:
    yields["batch_id"] = yields["batch_id"].str.strip()       # padded keys become repeats
    print(yields.head(k).to_string()); print()
    print(yields["batch_id"].value_counts().head(6)); print()
    m = boil.merge(yields, on="batch_id", validate="one_to_one")
print(f"rows: merged={len(m)}")
"""

ASSERT_PY = PD_HEAD + """
from pandas.testing import assert_frame_equal, assert_series_equal
boil = pd.read_csv(sys.argv[1]).set_index("batch_id"); n_checks = int(sys.argv[2]); rng = np.random.default_rng(50712)
passed = failed = 0
for c in range(n_checks):
    name = f"week{c:02d}_" + ["nan_salt", "grade_order", "index_name", "column_order", "lumps_sum", "coal"][c % 6]
    exp = boil.sample(frac=0.4, random_state=c).sort_index(); got = exp.copy(); fault = c % 6
    try:
        if c % 5 == 4:
            assert_frame_equal(exp, got)
        elif fault == 0:
            ix = rng.choice(len(got), size=max(2, len(got) // 50), replace=False); got.iloc[ix, got.columns.get_loc("salt_cwt")] = np.nan
            assert_frame_equal(exp, got)
        elif fault == 1:
            cats = sorted(boil["grade"].unique())
            exp["grade"] = pd.Categorical(exp["grade"], categories=cats); got["grade"] = pd.Categorical(got["grade"], categories=cats[::-1])
            assert_frame_equal(exp, got)
        elif fault == 2:
            got = got.rename_axis("boiling")
            assert_frame_equal(exp, got)
        elif fault == 3:
            got = got[list(got.columns[::-1])]
            assert_frame_equal(exp, got)
        elif fault == 4:
            assert_series_equal(exp.groupby("pan")["lumps"].sum(), got.groupby("pan")["lumps"].sum() + (got.groupby("pan")["lumps"].sum().index == "P07"))
        else:
            assert_series_equal(exp["coal_cwt"], got["coal_cwt"].round(0), check_exact=False, rtol=1e-3)
        print(f"CHECK {name} ok ({len(exp)} rows)"); passed += 1
    except AssertionError as e:
        print(f"CHECK {name} FAIL"); print(f"AssertionError: {e}"); print(); failed += 1
print(f"{passed} passed, {failed} failed")
"""

COMPARE_PY = PD_HEAD + """
boil = pd.read_csv(sys.argv[1]).set_index("batch_id"); nd = int(sys.argv[2]); rng = np.random.default_rng(50713)
ledger = boil.copy()
for _ in range(nd):
    i = int(rng.integers(len(ledger))); col = str(rng.choice(["salt_cwt", "lumps", "panman", "boiler", "brine_deg"]))
    v = ledger.iloc[i][col]
    new = {"salt_cwt": lambda: round(float(v) - 0.5, 1), "lumps": lambda: int(v) - 1, "panman": lambda: "Keziah Platt",
           "boiler": lambda: "Wych", "brine_deg": lambda: round(float(v) + 0.3, 2)}[col]()
    ledger.iloc[i, ledger.columns.get_loc(col)] = new
d = boil.compare(ledger, result_names=("self", "other"))
print(d.to_string())
print(f"differences: {len(d)} boilings, {int(d.notna().sum().sum() // 2)} values")
"""

MEMORY_PY = PD_HEAD + """
boil = pd.read_csv(sys.argv[1]); width = int(sys.argv[2]); total = 0
frames = {"boilings": boil, "boilings_cat": boil.astype({"pan": "category", "boiler": "category", "panman": "category", "grade": "category"}),
          "strings": boil.astype({"pan": "string", "panman": "string", "started_at": "string"})}
wide = boil.pivot_table(index="started_at", columns=["pan", "boiler"], values="salt_cwt", aggfunc="sum")
wide.columns = [f"{a}_{b}".replace(" ", "_") for a, b in wide.columns]
frames["salt_by_pan_boiler"] = wide.iloc[:, :width]
frames["notes"] = pd.DataFrame({f"note_{i}": boil["panman"] + " raked " + boil["lumps"].astype(str) * (i % 5 + 1) for i in range(width // 3)})
for name, f in frames.items():
    print(f"== {name}: {f.shape[0]} rows x {f.shape[1]} columns")
    mu = f.memory_usage(deep=True); total += int(mu.sum())
    print(mu); print()
print(f"total bytes: {total:,}")
"""

QUERY_PY = PD_HEAD + """
boil = pd.read_csv(sys.argv[1]); k = int(sys.argv[2])
exprs = ["pan == 'P03' and lumps > 20", "brine_deg >= 26", "panmen == 'Abel Whitlock'", "salt_cwt / coal_cwt > @ratio",
         "grade == lump", "started_at > 1887-06-01", "lumps.astype('str').str.len() > 1", "boiler in ('Wych', 'Hornblower') and coal_cwt < 6",
         "coal_cwt ** 2 > salt_cwt ** 2 + 400", "`brine deg` > 20", "lumps > salt_cwt.max()", "pan.str.endswith('1') or",
         "brine_deg.round(0) == 26 and grade != 'stoved'"]
for e in exprs:
    print(f"QUERY {e}")
    try:
        r = boil.query(e)
        print(r.head(k).to_string()); print(f"-> {len(r)} rows")
    except Exception as ex:
        traceback.print_exc(file=sys.stdout)
        print(f"ERROR {type(ex).__name__}: {str(ex).splitlines()[0] if str(ex) else ''}")
    print()
for e in ["yield_ratio = salt_cwt / coal_cwt", "per_lump = salt_cwt / lumpz", "stamp = started_at + 1"]:
    print(f"QUERY eval {e}")
    try:
        r = boil.eval(e); print(r.head(k).to_string())
    except Exception as ex:
        traceback.print_exc(file=sys.stdout)
        print(f"ERROR {type(ex).__name__}: {str(ex).splitlines()[0] if str(ex) else ''}")
    print()
"""

PERM_PY = PD_HEAD + """
from sklearn.linear_model import SGDRegressor
from sklearn.ensemble import ExtraTreesRegressor
from sklearn.inspection import permutation_importance
from sklearn.model_selection import train_test_split
boil = pd.read_csv(sys.argv[1]); n_noise = int(sys.argv[2]); rng = np.random.default_rng(50714)
X = pd.get_dummies(boil[["brine_deg", "coal_cwt", "pan", "boiler", "grade", "panman"]], dtype=float)
X["duty_stamp"] = 3.0
X["lumps_leak"] = boil["lumps"]
for i in range(n_noise):
    X[f"noise_{i:02d}"] = rng.normal(size=len(X))
y = boil[["salt_cwt"]]
Xtr, Xte, ytr, yte = train_test_split(X, y, random_state=0)
for model in (SGDRegressor(max_iter=5, tol=None, random_state=0), ExtraTreesRegressor(n_estimators=20, random_state=0, n_jobs=1)):
    model.fit(Xtr, ytr)
    print(f"{type(model).__name__}: R2 train={model.score(Xtr, ytr):.4f} test={model.score(Xte, yte):.4f}")
    r = permutation_importance(model, Xte, yte, n_repeats=4, random_state=0, n_jobs=1)
    print(f"{'feature':36} {'mean':>12} {'std':>12}")
    for name, m, s in sorted(zip(X.columns, r.importances_mean, r.importances_std), key=lambda t: -t[1]):
        print(f"{name:36} {m:12.5f} {s:12.5f}")
    print()
"""

PA_CSV_PY = """
import sys, traceback
import pyarrow as pa, pyarrow.csv as pc
def handler(row):
    print(f"SKIP expected={row.expected_columns} actual={row.actual_columns} line={row.number}: {row.text[:80]!r}")
    return "skip"
for i, f in enumerate(sys.argv[1:]):
    opts = pc.ParseOptions(invalid_row_handler=handler) if i % 2 == 0 else pc.ParseOptions()
    conv = pc.ConvertOptions(column_types={"lumps": pa.int32(), "coal_cwt": pa.float64(), "salt_cwt": pa.float64()})
    try:
        t = pc.read_csv(f, parse_options=opts, convert_options=conv, read_options=pc.ReadOptions(block_size=1 << 14))
        print(f"read {f}: {t.num_rows} rows"); print(t.schema); print()
    except Exception:
        traceback.print_exc(file=sys.stdout); print()
"""

PA_SCHEMA_PY = """
import sys, os, traceback
import pyarrow as pa, pyarrow.parquet as pq, pyarrow.dataset as ds, pyarrow.csv as pc, pyarrow.compute as pcmp
src, out, days = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = pc.read_csv(src, convert_options=pc.ConvertOptions(column_types={"started_at": pa.timestamp("s")}))
files = []
for d in range(days):
    part = t.slice(d * (t.num_rows // days), t.num_rows // days)
    fault = d % 4
    if fault == 1:
        i = part.schema.get_field_index("started_at"); part = part.set_column(i, "started_at", part.column("started_at").cast(pa.timestamp("ms")))
    elif fault == 2:
        i = part.schema.get_field_index("panman"); part = part.set_column(i, "panman", pcmp.dictionary_encode(part.column("panman")))
    elif fault == 3:
        i = part.schema.get_field_index("lumps"); part = part.set_column(i, "lumps", part.column("lumps").cast(pa.float64()))
    f = f"{out}/day={d:02d}/part-0.parquet"; os.makedirs(os.path.dirname(f), exist_ok=True)
    pq.write_table(part, f); files.append(f)
for f in files:
    print(f"schema {f}:"); print(pq.read_schema(f).remove_metadata()); print()
for label, fn in [("unify_schemas", lambda: pa.unify_schemas([pq.read_schema(f) for f in files])),
                  ("concat_tables", lambda: pa.concat_tables([pq.read_table(f) for f in files])),
                  ("dataset to_table", lambda: ds.dataset(out, format="parquet", partitioning="hive").to_table()),
                  ("dataset with first schema", lambda: ds.dataset(files, schema=pq.read_schema(files[0]), format="parquet").to_table())]:
    print(f"== {label}")
    try:
        r = fn(); print(getattr(r, "num_rows", r))
    except Exception:
        traceback.print_exc(file=sys.stdout)
    print()
"""


def pycap(item: str, script: str, args: str, cwd: Path, ext, timeout: int = 600) -> None:
    S.cap(item, f"{PY} {script} {args}", cwd, ext, timeout=timeout, typed=f"python {script} {args}")


def step_pandas(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    d = tmp / "pd"
    d.mkdir()
    cm.write_tree(d, {"merge.py": MERGE_PY, "asserts.py": ASSERT_PY, "compare.py": COMPARE_PY,
                      "memory.py": MEMORY_PY, "query.py": QUERY_PY})
    for n in (150, 1200, 4000):
        rows = boilings(rng, n)
        write_csv(d / f"boilings{n}.csv", rows)
        ys = [(r["batch_id"] + (" " if rng.random() < 0.02 else ""), r["lumps"], round(r["salt_cwt"] * 0.97, 1)) for r in rows]
        (d / f"yields{n}.csv").write_text("batch_id,lumps_raked,salt_sold_cwt\n" + "".join(f"{a},{b},{c}\n" for a, b, c in ys)
                                          + "".join(f"{r['batch_id']},{r['lumps']},{r['salt_cwt']}\n" for r in rows if r["batch_id"] + " " in {y[0] for y in ys}))
    pycap("merge-one-to-many", "merge.py", "boilings150.csv yields150.csv one_to_many 10", d, w502.n_merge)
    pycap("merge-padded-keys", "merge.py", "boilings4000.csv yields4000.csv one_to_one 400", d, w502.n_merge)
    pycap("assert-150", "asserts.py", "boilings150.csv 8", d, w502.n_assert)
    pycap("assert-4000", "asserts.py", "boilings4000.csv 24", d, w502.n_assert)
    pycap("compare-1200", "compare.py", "boilings1200.csv 90", d, w502.n_compare)
    pycap("compare-4000", "compare.py", "boilings4000.csv 700", d, w502.n_compare)
    pycap("memory-1200", "memory.py", "boilings1200.csv 90", d, w502.n_memory)
    pycap("query-150", "query.py", "boilings150.csv 4", d, w502.n_query)
    pycap("query-4000", "query.py", "boilings4000.csv 70", d, w502.n_query)


def step_sklearn(tmp: Path) -> None:
    d = tmp / "sk"
    d.mkdir()
    cm.write_tree(d, {"perm.py": PERM_PY})
    S.cap("show-versions", f"{PY} -c 'import sklearn; sklearn.show_versions()'", d, w502.n_show_versions,
          typed="python -c 'import sklearn; sklearn.show_versions()'")
    write_csv(d / "boilings1500.csv", boilings(random.Random(SEED + 3), 1500))
    pycap("perm-1500", "perm.py", "boilings1500.csv 40", d, w502.n_perm)


def step_pyarrow(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    d = tmp / "pa"
    d.mkdir()
    cm.write_tree(d, {"read_csvs.py": PA_CSV_PY, "days.py": PA_SCHEMA_PY})
    names = []
    for f in range(4):
        name = f"pans_{f}.csv"
        write_csv(d / name, boilings(rng, 300 * (f + 1)), sep=";" if f == 3 else ",", rng=rng, short=3 * (f + 1),
                  long_=f + 1, newline_q=2 * (f % 2) + 1, mistyped=1 if f == 1 else 0)
        names.append(name)
    pycap("csv-a", "read_csvs.py", " ".join(names[:2]), d, w502.n_pa_csv)
    pycap("csv-b", "read_csvs.py", " ".join(names[2:] + names[:1]), d, w502.n_pa_csv)
    write_csv(d / "season.csv", boilings(rng, 1600))
    pycap("schema-8", "days.py", "season.csv days8 8", d, w502.n_pa_schema)
    pycap("schema-16", "days.py", "season.csv days16 16", d, w502.n_pa_schema)


SQL_TIMER = """
CREATE TABLE IF NOT EXISTS boilings(batch_id TEXT PRIMARY KEY, pan TEXT, boiler TEXT, panman TEXT, grade TEXT,
  brine_deg REAL CHECK (brine_deg <= 26.4), coal_cwt REAL, salt_cwt REAL, lumps INTEGER, started_at TEXT);
CREATE TABLE IF NOT EXISTS rakes(batch_id TEXT, lumps INTEGER) STRICT;
.import --csv --skip 1 {csv} boilings
SELECT pan, count(*), round(sum(salt_cwt), 1), round(avg(brine_deg), 2) FROM boilings GROUP BY pan ORDER BY 3 DESC;
SELECT median(salt_cwt) FROM boilings;
INSERT INTO boilings(batch_id, brine_deg) VALUES ('L99999', 31.5);
INSERT INTO rakes VALUES ('L00001', 'twelve');
SELECT panman, grade, count(*), sum(lumps) FROM boilings GROUP BY 1, 2 ORDER BY 1, 2;
SELECT batch_id, pan, boiler, salt_cwt / coal_cwt AS yield FROM boilings ORDER BY yield DESC LIMIT {k};
SELECT boiler, substr(started_at, 1, 7) AS month, sum(coal_cwt) FROM boilings GROUP BY 1, 2 ORDER BY 3 DESC LIMIT {k};
WITH RECURSIVE h(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM h WHERE i < {rec}) SELECT count(*), max(i) FROM h;
SELECT a.batch_id, b.batch_id, a.pan FROM boilings a JOIN boilings b ON a.pan = b.pan AND a.panman = b.panman AND a.batch_id < b.batch_id LIMIT {k};
SELECT lumps FROM boilings WHERE lumps = 'many' LIMIT 1;
SELECT * FROM boilings WHERE started_at > date('1887-09-01') ORDER BY started_at LIMIT {k};
DROP TABLE coal_orders;
SELECT printf('%s raked %d lumps in %s', panman, lumps) FROM boilings LIMIT 3;
"""


def step_sqlite(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    d = tmp / "sq"
    d.mkdir()
    files = []
    for f in range(4):
        name = f"boilhouse_{f}.csv"
        write_csv(d / name, boilings(rng, 200 * (f + 1), start=1000 * f + 1), rng=rng, short=4 * (f + 1), long_=2 * f)
        files.append(name)
    (d / "header_only.csv").write_text("batch;pan;boiler\n")
    cmds = "".join(f"-cmd '.import --csv {f} boil' " for f in files)
    cmds += "-cmd '.import --csv header_only.csv boil' -cmd '.import --csv coal_orders.csv boil' "
    q = "SELECT 'count', pan, count(*) FROM boil GROUP BY pan;"
    S.cap("import", f"sqlite3 {cmds}works.db \"{q}\"", d, w502.n_sqlite_import)
    for n, k, rec in ((1, 8, 5000), (2, 120, 3000000), (3, 700, 800)):
        write_csv(d / f"week{n}.csv", boilings(rng, 700 * n * n))
        (d / f"report{n}.sql").write_text(SQL_TIMER.format(csv=f"week{n}.csv", k=k, rec=rec))
        S.cap(f"timer-{n}", f"sqlite3 -cmd '.timer on' timer{n}.db < report{n}.sql", d, w502.n_sqlite_timer)


def step_jq(tmp: Path) -> None:
    rng = random.Random(SEED + 6)
    d = tmp / "jq"
    d.mkdir()
    filters = ['{batch: .batch_id, yield: (.salt_cwt / .coal_cwt)}',
               'select(.grade == "lump") | [.batch_id, .panman, (.rakes | add)]',
               '.batch_id + " " + .pan + " " + (.lumps | tostring) + " lumps, brine " + (.brine_deg | tostring)']
    for n, size in ((1, 60), (2, 700), (3, 1800)):
        recs = []
        for r in boilings(rng, size):
            r["rakes"] = [rng.randint(1, 9) for _ in range(rng.randint(1, 4))]
            recs.append(r)
        lines = [json.dumps(r) for r in recs]
        cut = len(lines) - max(3, len(lines) // 12)
        for j in range(n * 4):
            k = rng.randrange(len(lines) // 4, cut)
            r = dict(recs[k])
            bad = ["object", "rakes", "nan"][j % 3]
            if bad == "nan":
                lines[k] = json.dumps(r).replace(f'"brine_deg": {r["brine_deg"]}', '"brine_deg": NaN')
                continue
            if bad == "object":
                r["coal_cwt"] = {"cwt": r["coal_cwt"]}
                r["lumps"] = {"count": r["lumps"]}
                r["grade"] = "lump"
            else:
                r["rakes"] = "none"
                r["grade"] = "lump"
                r["pan"] = int(r["pan"][1:])
            lines[k] = json.dumps(r)
        lines[cut] = lines[cut][:-1] + ', }'
        (d / f"boilings{n}.ndjson").write_text("\n".join(lines) + "\n")
        S.cap(f"jq-{n}", f"jq -c '{filters[(n - 1) % 3]}' boilings{n}.ndjson", d, w502.n_jq)
        if n == 3:  # the same run with stdout flushed per line, so jq's errors land at line starts
            S.cap(f"jq-{n}-unbuffered", f"jq --unbuffered -c '{filters[(n - 1) % 3]}' boilings{n}.ndjson", d, w502.n_jq)


def ensure_tools() -> None:
    cm.install_venv(VENV, "pip", ["pandas", "scikit-learn", "pyarrow"])
    for t in ("gcc", "gdb", "strace", "gcov", "gprof", "valgrind", "cmake", "ctest", "ninja", "autoreconf", "sqlite3",
              "jq", PY):
        cm.have(t, t)


if __name__ == "__main__":
    sys.modules.setdefault("capture_wide507", sys.modules["__main__"])
    cm.capture_round(__doc__, ensure_tools,
                     lambda: [step_native, step_cmake, step_automake, step_pandas, step_sklearn, step_pyarrow,
                              step_sqlite, step_jq], "wide507-", OUT, TMP)
