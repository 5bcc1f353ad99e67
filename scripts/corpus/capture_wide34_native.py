"""Round 34, native code and system tools new to the corpus, on the tide gauge's C sampler (`gaugesamp`, written here
with bugs put in and widened by a seeded generator): gcc's -fopt-info-vec-all, -H and -ftime-report, cmake -LAH,
make --trace, perf stat, patch --dry-run and git apply --check against stale patches, Python and Node REPL sessions fed
on stdin, sqlite3's .expert index advisor and openssl asn1parse. Each kind's extractor sits next to it and applies
NEEDLES.md's "Round 34" rule. Run through capture_wide34.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, mask, named, prev_match, run, write_tree
from capture_wide15_langs import n_make
from capture_wide24 import diag
from capture_wide34 import cap

SAMPLER_H = """#ifndef GAUGESAMP_H
#define GAUGESAMP_H
#include <stddef.h>
#include <stdint.h>
typedef struct { uint32_t minute; int32_t level_mm; uint8_t flags; } sample_t;
double mean_level(const sample_t *s, size_t n);
size_t despike(sample_t *s, size_t n, int32_t limit);
void scale_levels(float *out, const int32_t *in, size_t n, float gain);
#endif
"""

SAMPLER_C = """#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gaugesamp.h"

double mean_level(const sample_t *s, size_t n) {
    long acc = 0;
    for (size_t i = 0; i < n; i++) acc += s[i].level_mm;
    return (double)acc / n;
}

size_t despike(sample_t *s, size_t n, int32_t limit) {
    size_t k = 0;
    for (size_t i = 1; i < n; i++) {
        if (abs(s[i].level_mm - s[i - 1].level_mm) > limit) continue;
        s[k++] = s[i];
    }
    return k;
}

void scale_levels(float *out, const int32_t *in, size_t n, float gain) {
    for (size_t i = 0; i < n; i++) out[i] = in[i] * gain;
}
"""


def gen_filter(k: int) -> str:
    rnd = random.Random(3434 + k)
    body = ['#include <stdint.h>', '#include <stddef.h>', '#include <math.h>', '#include <stdio.h>',
            '#include <string.h>', '#include "gaugesamp.h"', '']
    for j in range(rnd.randint(3, 5)):
        shape = rnd.choice(["plain", "call", "cond", "stride"])
        name = f"{rnd.choice(['smooth', 'detrend', 'notch', 'lowpass'])}_{k}_{j}"
        if shape == "plain":
            loop = f"for (size_t i = 0; i < n; i++) y[i] = x[i] * {rnd.randint(2, 9)}.0f + y[i];"
        elif shape == "call":
            loop = "for (size_t i = 0; i < n; i++) y[i] = sinf(x[i]) + y[i];"
        elif shape == "cond":
            loop = "for (size_t i = 0; i < n; i++) if (x[i] > 0) y[i] = x[i]; else break;"
        else:
            loop = f"for (size_t i = 1; i < n; i++) y[i] = y[i - 1] * 0.{rnd.randint(1, 9)}f + x[i];"
        body.append(f"void {name}(float *y, const float *x, size_t n) {{\n    {loop}\n}}\n")
    if k == 3:
        body.append("int broken_3(sample_t *s) { return s->level_cm; }\n")
    return "\n".join(body)


CMAKELISTS = """cmake_minimum_required(VERSION 3.16)
project(gaugesamp C)
option(GAUGE_WITH_MODEM "build the GSM uplink" OFF)
option(GAUGE_STRICT "treat warnings as errors" ON)
set(GAUGE_SAMPLE_HZ "1" CACHE STRING "sampling rate of the float sensor")
set(GAUGE_DATUM "LAT" CACHE STRING "chart datum the levels are reported against")
set(GAUGE_SPOOL_DIR "/var/spool/gauge" CACHE PATH "where unsent samples wait")
set(GAUGE_MAX_SPIKE_MM 250 CACHE STRING "despike threshold")
find_library(MATH_LIB m)
file(GLOB SRC src/*.c)
list(FILTER SRC EXCLUDE REGEX "filter_3")
add_library(gaugesamp ${SRC})
target_include_directories(gaugesamp PUBLIC src)
target_link_libraries(gaugesamp ${MATH_LIB})
"""

MAKEFILE = """CC = gcc
CFLAGS = -O2 -Wall -Isrc
SRC = $(wildcard src/*.c)
OBJ = $(SRC:src/%.c=build/%.o)

all: libgauge.a gaugectl

libgauge.a: $(OBJ)
\tar rcs $@ $^

build/%.o: src/%.c src/gaugesamp.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

gaugectl: tools/gaugectl.c libgauge.a
\t$(CC) $(CFLAGS) -o $@ $< -L. -lgauge -lm

.PHONY: all clean
clean:
\trm -rf build libgauge.a gaugectl
"""

GAUGECTL = """#include <stdio.h>
#include "gaugesamp.h"
int main(void) {
    sample_t s[3] = {{0, 3000, 0}, {1, 3010, 0}, {2, 3900, 0}};
    printf("%.1f\\n", mean_level(s, despike(s, 3, 250)));
    return 0;
}
"""


def opt_info(lines: list[str]) -> list:
    """Round 34 (compiler reports): every `optimized:` line and one {"any"} per (missed reason shape, file); rule 1."""
    out = [ln for ln in lines if ": optimized: " in ln]
    out += [ln for ln in lines if re.search(r"\berror:", ln)]
    out += groups((m.group(1) + "|" + mask(m.group(2)), ln) for ln in lines
                  for m in [re.match(r"^(\S+?):\d+:\d+: missed: (.*)", ln)] if m)
    return out


N_OPT_INFO = named("gcc-fopt-info-vec", "build", opt_info.__doc__, opt_info)


def gcc_h(lines: list[str]) -> list:
    """Round 34 (compiler reports): every top-level (one dot) header line, the `Multiple include guards` block; rule 1."""
    out, guards = [], False
    for ln in lines:
        if re.match(r"^\. \S", ln):
            out.append(ln)
        if ln.startswith("Multiple include guards may be useful for:"):
            guards = True
            out.append(ln)
        elif guards and ln.startswith("/"):
            out.append(ln)
        elif guards:
            guards = False
        if re.search(r"\berror:", ln):
            out.append(ln)
    return out


N_GCC_H = named("gcc-H", "build", gcc_h.__doc__, gcc_h)


def time_report(lines: list[str]) -> list:
    """Round 24's profile rule on gcc -ftime-report: the `TOTAL` lines and every phase at least 10% of wall time."""
    out = []
    for ln in lines:
        if re.match(r"^\s*TOTAL\s*:", ln) or ln.startswith("Time variable"):
            out.append(ln)
            continue
        pcts = re.findall(r"\(\s*(\d+)%\)", ln)
        if len(pcts) >= 3 and int(pcts[2]) >= 10:
            out.append(ln)
    return out


N_TIME_REPORT = named("gcc-ftime-report", "build", time_report.__doc__, time_report)


def cmake_cache(lines: list[str]) -> list:
    """Round 34 (CMake's cache): every GAUGE_* entry, CMAKE_BUILD_TYPE and CMAKE_C_COMPILER entries."""
    return [ln for ln in lines if re.match(r"^(GAUGE_\w+|CMAKE_BUILD_TYPE|CMAKE_C_COMPILER):\w+=", ln)]


N_CMAKE_LAH = named("cmake-LAH", "build", cmake_cache.__doc__, cmake_cache)


def make_trace(lines: list[str]) -> list:
    """Round 34 (make --trace): rules 1 and 3 (gcc's and make's error lines) and the trace line above each error."""
    out = n_make(lines)
    for i, ln in enumerate(lines):
        if re.search(r"\berror:|^make: \*\*\*", ln):
            out.append(prev_match(lines, i, r"update target '[^']+' due to", 12))
    return out


N_MAKE_TRACE = named("make-trace", "build", make_trace.__doc__, make_trace)

N_PERF_STAT = diag("perf-stat", "table", "Round 34 (profiles): perf stat's `Performance counter stats for` line, every "
                   "counter line and the `seconds time elapsed` line.",
                   values=r"Performance counter stats for|seconds time elapsed|^\s+[\d,.]+\s+(msec )?[\w:-]+"
                          r"|<not supported>")


def native(tmp: Path) -> None:
    root = tmp / "gaugesamp"
    files = {"src/gaugesamp.h": SAMPLER_H, "src/sampler.c": SAMPLER_C, "CMakeLists.txt": CMAKELISTS,
             "Makefile": MAKEFILE, "tools/gaugectl.c": GAUGECTL}
    for k in range(14):
        files[f"src/filter_{k}.c"] = gen_filter(k)
    write_tree(root, files)
    cap("gcc-O3-fopt-info-vec-all-filters", "gcc -O3 -fopt-info-vec-all -Isrc -c src/filter_0.c src/filter_1.c "
        "src/sampler.c 2>&1 | head -250", root, N_OPT_INFO)
    cap("gcc-O2-fopt-info-vec-missed-filters", "for f in src/filter_*.c; do gcc -O2 -ftree-vectorize "
        "-fopt-info-vec-missed -Isrc -c $f -o /dev/null; done 2>&1 | head -300", root, N_OPT_INFO)
    cap("gcc-H-filter3-sampler", "gcc -H -fsyntax-only -Isrc src/filter_3.c src/sampler.c", root, N_GCC_H)
    cap("gcc-O3-ftime-report-four-files", "gcc -O3 -ftime-report -Isrc -c src/sampler.c src/filter_0.c src/filter_1.c "
        "src/filter_2.c", root, N_TIME_REPORT)
    cap("cmake-LAH-configure", "cmake -S . -B build-cm -G Ninja -DGAUGE_WITH_MODEM=ON -LAH", root, N_CMAKE_LAH)
    cap("make-trace-k-echo-exit", "make --trace -k 2>&1; echo EXIT=$?", root, N_MAKE_TRACE)
    run("rm -f src/filter_3.c && make -s", cwd=root)
    cap("perf-stat-gaugectl-r5", "perf stat -r 5 ./gaugectl", root, N_PERF_STAT)
    cap("perf-stat-make-clean-all", "make -s clean && perf stat -e task-clock,context-switches,page-faults,"
        "cpu-migrations make -s -j2", root, N_PERF_STAT)


# ------------------------------------------------------------------ patches that no longer apply

def patch_needles(lines: list[str]) -> list:
    """Round 34 (patches): every `Hunk #N FAILED` / `error:` line, the checking line of each file that failed, the counts."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"Hunk #\d+ FAILED|^error: |can't find file|hunks? FAILED|No file to patch|Reversed", ln):
            out.append(ln)
            out.append(prev_match(lines, i, r"^(checking file|patching file|Checking patch) ", 30))
    return out


N_PATCH = named("patch-dry-run", "build", patch_needles.__doc__, patch_needles)
N_GIT_APPLY = named("git-apply-check", "git", patch_needles.__doc__, patch_needles)


def patches(tmp: Path) -> None:
    root = tmp / "gauge-station"
    rnd = random.Random(3435)
    files = {}
    for k in range(40):
        files[f"conf/station_{k}.conf"] = "\n".join(
            f"sensor_{j}.{key} = {rnd.randint(1, 999)}" for j in range(30) for key in ("offset", "gain")) + "\n"
    write_tree(root, files)
    run("git init -q -b main && git add -A && git -c user.name=H -c user.email=h@x commit -qm base", cwd=root)
    for k in range(40):
        p = root / f"conf/station_{k}.conf"
        p.write_text(re.sub(r"(sensor_(\d+)\.gain) = \d+", lambda m: f"{m.group(1)} = {int(m.group(2)) * 3 + k}"
                            if int(m.group(2)) % 7 == 0 else m.group(0), p.read_text()))
    run("git diff > ../recal.patch && git checkout -q .", cwd=root)
    for k in range(0, 40, 3):  # the field team edited a third of the files since
        p = root / f"conf/station_{k}.conf"
        p.write_text(re.sub(r"(sensor_(\d+)\.gain) = \d+", lambda m: f"{m.group(1)} = 1" if int(m.group(2)) % 10 == 7
                            else m.group(0), p.read_text()))
    (root / "conf/station_6.conf").unlink()
    cap("patch-p1-dry-run-recal", "patch -p1 --dry-run < ../recal.patch; echo EXIT=$?", root, N_PATCH)
    cap("git-apply-check-v-recal", "git apply --check -v ../recal.patch", root, N_GIT_APPLY)


# ------------------------------------------------------------------ REPL sessions

PY_SESSION = """from decimal import Decimal
levels = [3012, 3020, '3031', 3040]
sum(levels)
import statistics
statistics.mean(levels[:2])
datum = {'LAT': 0, 'MSL': -1820}
datum['ODN']
def high(rs):
    return max(rs, key=lambda r: r['mm'])

high([{'mm': 1}, {'level': 2}])
Decimal('3012.5') + 0.5
int('3080mm')
[x / (x - 3020) for x in [3012, 3020]]
import tidelog_missing
levels.sort()
print('done')
"""

NODE_SESSION = """const levels = [3012, 3020, 3031, 3040];
levels.reduce((a, b) => a + b) / levels.length
const datum = { LAT: 0, MSL: -1820 };
datum.ODN.offset
JSON.parse('{"station": "DOVER", level: 3012}')
const s = new Set(levels); s.length
levels.map(x => x.toFixed(1)).join(', ')
undefinedFn(3)
BigInt(3012) + 1
null.level
require('tidelog-missing')
.exit
"""


def repl_needles(lines: list[str]) -> list:
    """Round 34 (REPL sessions): every error line (exception line, `Uncaught …`) and its `File "<stdin>"` location."""
    out = []
    for i, ln in enumerate(lines):
        if not ln.startswith("Traceback") and re.search(r"^(>>> |\.\.\. )*[\w.]*(Error|Exception)\b.*?(:|$)|Uncaught",
                                                        ln):
            out.append(ln)
            out.append(prev_match(lines, i, r'File "<stdin>", line \d+', 8))
    return out


N_PY_REPL = named("python-repl-session", "log", repl_needles.__doc__, repl_needles)
N_NODE_REPL = named("node-repl-session", "log", repl_needles.__doc__, repl_needles)


def repls(tmp: Path) -> None:
    d = tmp / "repl"
    rnd = random.Random(3438)
    py_more, js_more = [], []
    for i in range(30):  # the session goes on: a station's numbers poked at, some of them wrongly
        st = rnd.choice(["DOVER", "NEWLYN", "WHITBY", "LERWICK"])
        py_more.append(rnd.choice([f"levels.append({3000 + i * 7})", f"sum(levels) / len(levels)",
                                   f"datum['{rnd.choice(['LAT', 'MSL', 'CD'])}']", f"'{st}'.lower()",
                                   f"levels[{rnd.randint(0, 60)}]", f"round({3000 + i} / {rnd.choice([0, 2, 3])}, 1)",
                                   f"{{'{st}': {i}}}['{st.lower()}']", f"max(levels) - min(levels)"]))
        js_more.append(rnd.choice([f"levels.push({3000 + i * 7})", "levels.length",
                                   f"datum.{rnd.choice(['LAT', 'MSL', 'CD'])}.toFixed(1)", f"'{st}'.toLowerCase()",
                                   f"levels[{rnd.randint(0, 60)}].toFixed(1)", f"JSON.parse('{{{st}: {i}}}')",
                                   "Math.max(...levels) - Math.min(...levels)"]))
    py = PY_SESSION.replace("print('done')\n", "\n".join(py_more) + "\nprint('done')\n")
    js = NODE_SESSION.replace(".exit\n", "\n".join(js_more) + "\n.exit\n")
    write_tree(d, {"session.py": py, "session.js": js})
    cap("python3-i-session-levels", "python3 -i -q < session.py", d, N_PY_REPL)
    cap("node-i-session-levels", "node -i < session.js", d, N_NODE_REPL)


# ------------------------------------------------------------------ sqlite .expert, openssl asn1parse

QUERIES = [
    "SELECT station, AVG(level_mm) FROM readings WHERE minute BETWEEN 100 AND 400 GROUP BY station",
    "SELECT * FROM readings WHERE station = 'DOVER' AND flags = 'spike' ORDER BY minute DESC",
    "SELECT r.minute, r.level_mm, s.datum FROM readings r JOIN stations s ON s.name = r.station WHERE s.region = 'south'",
    "SELECT station, MAX(level_mm) FROM readings WHERE day = '2026-11-30' GROUP BY station ORDER BY 2 DESC",
    "SELECT COUNT(*) FROM alarms WHERE acknowledged = 0 AND station IN (SELECT name FROM stations WHERE region = 'north')",
    "SELECT day, station, COUNT(*) FROM readings WHERE flags = 'gap' GROUP BY day, station",
    "SELECT * FROM alarms WHERE station = 'WHITBY' AND raised > '2026-11-29' ORDER BY raised",
    "SELECT s.name, COUNT(a.id) FROM stations s LEFT JOIN alarms a ON a.station = s.name GROUP BY s.name",
    "SELECT station, minute FROM readings WHERE level_mm > 4800 AND day = '2026-11-28'",
    "SELECT station, AVG(level_mm) FROM readings WHERE flags = 'spike' GROUP BY station HAVING COUNT(*) > 3",
    "SELECT * FROM readings WHERE minute = 720 AND station = 'LERWICK'",
    "SELECT a.station, a.raised FROM alarms a JOIN readings r ON r.station = a.station WHERE r.level_mm > 4900",
    "SELECT day, MIN(level_mm), MAX(level_mm) FROM readings WHERE station = 'ABERDEEN' GROUP BY day",
    "SELECT name FROM stations WHERE name NOT IN (SELECT DISTINCT station FROM readings WHERE day = '2026-11-30')",
]


def expert(lines: list[str]) -> list:
    """Round 34 (sqlite3 .expert): every `CREATE INDEX` suggestion line and every query-plan `SEARCH` / `SCAN` line."""
    return [ln for ln in lines if re.match(r"^CREATE INDEX ", ln) or re.search(r"\b(SEARCH|SCAN) ", ln)]


N_EXPERT = named("sqlite-expert", "table", expert.__doc__, expert)


def asn1(lines: list[str]) -> list:
    """Round 34 (openssl asn1parse): every `OBJECT` line, and the first and last lines."""
    body = [ln for ln in lines if ln.strip()]
    return body[:1] + [ln for ln in body if re.search(r"\bOBJECT\s+:", ln)] + body[-1:]


N_ASN1 = named("openssl-asn1parse", "table", asn1.__doc__, asn1)


def data_tools(tmp: Path) -> None:
    d = tmp / "archive"
    d.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(3436)
    sql = ["CREATE TABLE stations(name TEXT, region TEXT, datum TEXT, lat REAL, lon REAL);",
           "CREATE TABLE readings(station TEXT, day TEXT, minute INT, level_mm INT, flags TEXT);",
           "CREATE TABLE alarms(id INTEGER PRIMARY KEY, station TEXT, raised TEXT, acknowledged INT);", "BEGIN;"]
    names = ["DOVER", "NEWLYN", "PORTSMOUTH", "HOLYHEAD", "ABERDEEN", "WHITBY"]
    for n in names:
        region = rnd.choice(["north", "south"])
        sql.append(f"INSERT INTO stations VALUES('{n}', '{region}', 'LAT', {rnd.uniform(50, 57):.3f}, "
                   f"{rnd.uniform(-5, 1):.3f});")
    for i in range(3000):
        sql.append(f"INSERT INTO readings VALUES('{rnd.choice(names)}', '2026-11-{rnd.randint(25, 30)}', {i % 1440}, "
                   f"{rnd.randint(1000, 5000)}, '{rnd.choice(['', '', '', 'spike', 'gap'])}');")
    sql.append("COMMIT;")
    (d / "init.sql").write_text("\n".join(sql) + "\n")
    run("sqlite3 gauge.db < init.sql", cwd=d)
    qfile = "\n".join(QUERIES) + "\n"
    (d / "queries.sql").write_text(qfile)
    cap("sqlite3-expert-each-query", "while read -r q; do echo \"-- $q\"; sqlite3 gauge.db '.expert' \"$q\"; done "
        "< queries.sql", d, N_EXPERT)
    run("openssl req -x509 -newkey rsa:2048 -nodes -keyout gauge.key -out gauge.pem -days 365 -subj "
        "'/C=GB/O=Harbour Office/OU=Tide Gauges/CN=gauge-dover.example.org' -addext "
        "'subjectAltName=DNS:gauge-dover.example.org,DNS:gauge-newlyn.example.org,IP:10.0.0.7' -addext "
        "'extendedKeyUsage=serverAuth,clientAuth'", cwd=d)
    cap("openssl-asn1parse-gauge-cert", "openssl asn1parse -in gauge.pem", d, N_ASN1)
    cap("openssl-asn1parse-i-key-head-40", "openssl asn1parse -i -in gauge.key | head -40", d, N_ASN1)


STEPS = [native, patches, repls, data_tools]
