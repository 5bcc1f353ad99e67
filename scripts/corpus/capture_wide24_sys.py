"""Round 24, native, system and other-ecosystem tools the corpus had not seen: a small C project ('meterd', written
here with bugs put in) under cpplint, flawfinder, lizard, clang-format, include-what-you-use, gcovr, ThreadSanitizer,
helgrind, cachegrind, gprof and an SCons build, and the C sources of the bitarray sdist; CSV through miller, datamash
and ltrace; GitHub workflows under zizmor; SQL migrations
under squawk; a loopback packet trace from tcpdump. Rules: NEEDLES.md (rules 1-5, and "Round 24" for the kind
values). Run through capture_wide24.py."""

from __future__ import annotations

import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import named, run, write_tree
from capture_wide24 import add, cap, diag, table

METER_C = r'''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <math.h>
#include <unistd.h>
#include "meter.h"

static long total_reads = 0;  /* shared by the workers, no lock: the race */

struct reading { char site[16]; double kwh; int hour; };

int parse_line(const char *line, struct reading *r) {
    char buf[64];
    strcpy(buf, line);                       /* no bound */
    char *tok = strtok(buf, ",");
    if (!tok) return -1;
    strcpy(r->site, tok);
    tok = strtok(NULL, ",");
    if (!tok) return -2;
    r->kwh = atof(tok);
    tok = strtok(NULL, ",");
    if (!tok) return -3;
    r->hour = atoi(tok);
    if (r->hour < 0 || r->hour > 23) return -4;
    return 0;
}

double peak(const struct reading *rs, int n) {
    double best = 0;
    for (int i = 0; i <= n; i++) {           /* off by one */
        if (rs[i].kwh > best) best = rs[i].kwh;
    }
    return best;
}

int classify(double kwh, int hour, int weekend) {
    if (kwh < 0) return -1;
    if (weekend) {
        if (hour < 7) return 1;
        else if (hour < 12) { if (kwh > 5) return 3; else return 2; }
        else if (hour < 18) { if (kwh > 8) return 4; else if (kwh > 4) return 3; else return 2; }
        else { if (kwh > 6) return 4; return 2; }
    } else {
        if (hour < 6) return 1;
        else if (hour < 9) { if (kwh > 3) return 3; return 2; }
        else if (hour < 17) { if (kwh > 10) return 5; else if (kwh > 6) return 4; else if (kwh > 2) return 3; return 2; }
        else if (hour < 21) { if (kwh > 7) return 5; else if (kwh > 5) return 4; return 3; }
        else { if (kwh > 4) return 3; return 1; }
    }
}

static void *worker(void *arg) {
    int n = *(int *)arg;
    for (int i = 0; i < n; i++) total_reads++;
    return NULL;
}

long count_parallel(int threads, int per_thread) {
    pthread_t t[8];
    for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, worker, &per_thread);
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
    return total_reads;
}

double smooth(const double *xs, int n, int window) {
    double acc = 0;
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < window && i + j < n; j++) s += sqrt(xs[i + j] * xs[i + j]);
        acc += s / window;
    }
    return acc;
}

void report(const char *site, double kwh) {
    char line[32];
    sprintf(line, "%s: %.2f kWh", site, kwh);
    printf(line);
    printf("\n");
    char *copy = malloc(strlen(site));
    strcpy(copy, site);
    free(copy);
}
'''

METER_H = r'''#ifndef METER_H
#define METER_H
struct reading;
int parse_line(const char *line, struct reading *r);
double peak(const struct reading *rs, int n);
int classify(double kwh, int hour, int weekend);
long count_parallel(int threads, int per_thread);
double smooth(const double *xs, int n, int window);
void report(const char *site, double kwh);
#endif
'''

MAIN_C = r'''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "meter.h"

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 4;
    long got = count_parallel(threads, 200000);
    printf("reads: %ld (expected %d)\n", got, threads * 200000);
    int classes[6] = {0};
    for (int h = 0; h < 24 * 40; h++) {
        int c = classify((h * 37 % 120) / 10.0, h % 24, (h / 24) % 7 >= 5);
        if (c >= 0) classes[c]++;
    }
    for (int c = 1; c < 6; c++) printf("class %d: %d\n", c, classes[c]);
    static double xs[200000];
    for (int i = 0; i < 200000; i++) xs[i] = (i * 7919 % 1000) / 100.0;
    printf("smooth: %.3f\n", smooth(xs, 200000, 24));
    char *env = getenv("METER_SITE");
    report(env ? env : "north-substation", 12.5);
    return 0;
}
'''

CPP_SRC = r'''#include <vector>
#include <string>
#include <map>
#include <iostream>
using namespace std;

namespace meter{
class Tariff{
public:
  Tariff(double base):base_(base){}
  double price(int hour,double kwh){ if(hour<7) return kwh*base_*0.6; else if(hour>=17&&hour<21) return kwh*base_*1.8; return kwh*base_; }
  map<string,double> bands(){ map<string,double> m; m["night"]=base_*0.6; m["peak"]=base_*1.8; m["day"]=base_; return m; }
private:
  double base_;
};
  long sum(vector<int> v){long s=0; for(int i=0;i<v.size();i++){s+=v[i];} return s;}
  string label(int c) { char buf[16]; sprintf(buf, "class-%d", c); return string(buf); }
}
int main(){ meter::Tariff t(0.31); cout<<t.price(18,4.5)<<endl; return 0; }
'''

TEST_C = r'''#include <assert.h>
#include <stdio.h>
#include "meter.h"
int main(void) {
    int fails = 0;
    struct { double kwh; int hour, weekend, want; } cases[] = {
        {1.0, 3, 0, 1}, {4.0, 8, 0, 3}, {11.0, 12, 0, 5}, {3.0, 20, 0, 3}, {9.0, 14, 1, 4}, {-1, 3, 0, -1}};
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = classify(cases[i].kwh, cases[i].hour, cases[i].weekend);
        if (got != cases[i].want) { printf("case %u: got %d want %d\n", i, got, cases[i].want); fails++; }
    }
    printf("%d failures\n", fails);
    return fails != 0;
}
'''

SCONSTRUCT = '''env = Environment(CCFLAGS="-Wall -Wextra -O1", LIBS=["m", "pthread"])
env.Program("meterd", ["main.c", "meter.c", "extra.c"])
env.Program("meter_test", ["test_meter.c", "meter.c"])
'''

EXTRA_C = r'''#include <stdio.h>
#include "meter.h"
int unused_helper(int x) { int y; return x + y; }
double ratio(int a, int b) { return a / b }
const char *zone_name(int z) { switch (z) { case 0: return "north"; case 1: return "south"; } }
'''


def c_project(tmp: Path) -> Path:
    root = tmp / "meterd"
    write_tree(root, {"meter.c": METER_C, "meter.h": METER_H, "main.c": MAIN_C, "tariff.cc": CPP_SRC,
                      "test_meter.c": TEST_C, "SConstruct": SCONSTRUCT, "extra.c": EXTRA_C})
    return root


def hot_rows(pct_col: int, header: str, min_pct: float = 10.0):
    """Rule 5 for profile tables (NEEDLES.md Round 24): the header and every row whose percentage column (the
    `pct_col`-th whitespace field) is at least `min_pct`."""
    def fn(lines: list[str]) -> list:
        out = [ln for ln in lines if re.search(header, ln)]
        for ln in lines:
            f = ln.split()
            if len(f) > pct_col and re.fullmatch(r"[\d.]+%?", f[pct_col]) and float(f[pct_col].rstrip("%")) >= min_pct:
                out.append(ln)
        return out
    return fn


N_FLAWFINDER = diag(
    "flawfinder", "lint", "flawfinder: every hit of risk level 4-5 (its line holds the location); lower levels "
    "one {\"any\"} per (function, file); the Hits = / Lines analyzed summary; rules 1,3.",
    err=r":\d+:\s+\[[45]\]", warn=r":\d+:\s+\[[0-3]\]", wkey=r"^(\S+?):\d+:\s+\[\d\] \(\w+\) (\w+)",
    summary=r"^Hits = |^Lines analyzed = |^Hits@level = ")


N_FLAWFINDER_COLUMNS = diag(
    "flawfinder", "lint", "flawfinder: every hit of risk level 4-5 (its line holds the location); lower levels "
    "one {\"any\"} per (function, file); the Hits = / Lines analyzed summary; rules 1,3.",
    err=r":\d+:\d+:\s+\[[45]\]", warn=r":\d+:\d+:\s+\[[0-3]\]", wkey=r"^(\S+?):\d+:\d+:\s+\[\d\] \(\w+\) (\w+)",
    summary=r"^Hits = |^Lines analyzed = |^Hits@level = ")


N_CPPLINT = diag(
    "cpplint", "lint", "cpplint: findings carry a confidence, not a level: one {\"any\"} per ([category], file); "
    "the 'Total errors found' summary; rules 1,3.", warn=r":\d+:\s+.+\[[\w/+-]+\] \[\d\]$",
    wkey=r"^(\S+?):\d+:.*\[([\w/+-]+)\] \[\d\]$", summary=r"^Total errors found")


def c_tools(tmp: Path) -> None:
    root = c_project(tmp)
    cap("cpplint-meterd", "cpplint --recursive . 2>&1", root, N_CPPLINT)
    cap("flawfinder-meterd", "flawfinder --columns . 2>&1", root, N_FLAWFINDER_COLUMNS)
    cap("clang-format-dry-run", "clang-format --dry-run meter.c main.c tariff.cc 2>&1", root, diag(
        "clang-format-dry-run", "lint", "clang-format --dry-run: warnings one {\"any\"} per file (the flag and message "
        "are one shape); rule 1.", warn=r": warning: code should be clang-formatted", wkey=r"^([^:]+):"))
    cap("iwyu-meter", "include-what-you-use -Xiwyu --no_fwd_decls meter.c 2>&1", root, diag(
        "iwyu", "lint", "include-what-you-use: every 'should add/remove these lines' header and each include listed "
        "under it, the 'full include-list' header (NEEDLES.md Round 24); rule 5.",
        values=r"should (add|remove) these lines:|^The full include-list|^#include |^- #include "))
    cap("scons-meterd", "scons -k 2>&1", root, diag(
        "scons", "build", "scons: every 'error:' line (gcc's, with its location), warnings one {\"any\"} per "
        "(-Wflag, file), every 'scons: ***' line and the closing 'scons: building terminated' line; rules 1,3.",
        err=r": error: |^scons: \*\*\*", warn=r": warning: ", wkey=r"^([^:]+):\d+:\d+: warning: .*\[(-W[\w-]+)\]",
        summary=r"^scons: (building terminated|done building)"), timeout=300)
    ba = tmp / "bitarray-3.0.0"
    cap("flawfinder-bitarray", "flawfinder bitarray 2>&1", ba, N_FLAWFINDER)
    cap("cpplint-bitarray", "cpplint --extensions=c,h bitarray/*.c bitarray/*.h 2>&1 | tail -n 600", ba, N_CPPLINT)
    cap("lizard-w-bitarray", "lizard -w bitarray ../sortedcontainers-2.4.0/sortedcontainers 2>&1", ba, diag(
        "lizard-warnings", "lint", "lizard -w: every function over the thresholds (each line names it and its "
        "location; rule 1 as findings without level, one needle each since each names a distinct function).",
        err=r": warning: "))
    cap("lizard-table", "lizard ../bidict-0.23.1/bidict . 2>&1", root, table(
        "lizard-table", "table", "lizard: rule 4 on the function table (header; the extremes of NLOC, CCN, token, "
        "PARAM and length), the warnings block and the Total row (rule 3).",
        r"^\s+NLOC\s+CCN\s+token\s+PARAM\s+length\s+location", ["nloc", "ccn", "token", "param", "length", "loc"],
        nums=["nloc", "ccn", "token", "param", "length"], row=r"^\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\S+@\d+-\d+@",
        extra=r"^!!!! Warnings|^Total nloc|^\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+$"))


N_CG_ANNOTATE = named(
    "cg-annotate", "table", "cg_annotate: the I1/Ir total lines and every function or source row holding at "
    "least 10% of Ir (NEEDLES.md Round 24, profiles); rule 5.",
    hot_rows(1, r"^Ir\b|PROGRAM TOTALS|^-- (File|Function|Auto-annotated)"))


def c_runtime(tmp: Path) -> None:
    root = c_project(tmp)
    run("gcc -O1 -g -fsanitize=thread -o meter_tsan main.c meter.c -lm -lpthread", cwd=root)
    cap("tsan-meterd", "./meter_tsan 4 2>&1", root, diag(
        "tsan-report", "log", "ThreadSanitizer: every 'WARNING: ThreadSanitizer:' header with the first '#0' frame "
        "after it, the SUMMARY lines and the 'reported N warnings' line; rules 1,3.",
        err=r"^WARNING: ThreadSanitizer:", loc=r"^\s+#0 ", summary=r"^SUMMARY: ThreadSanitizer|reported \d+ warnings?"),
        env={"TSAN_OPTIONS": "halt_on_error=0"}, timeout=120)
    run("gcc -O0 -g -o meter_g main.c meter.c -lm -lpthread", cwd=root)
    cap("helgrind-meterd", "valgrind --tool=helgrind ./meter_g 3 2>&1", root, diag(
        "helgrind", "log", "helgrind: every 'Possible data race' / 'lock order' line with its first 'at … (file:line)' "
        "location, the ERROR SUMMARY line; rules 1,3.", err=r"Possible data race|lock order|Thread #\d+ unlocked",
        loc=r"==\s+at 0x\w+: .+\(\S+:\d+\)", summary=r"ERROR SUMMARY:"), timeout=300)
    cap("cachegrind-annotate", "valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=cg.out ./meter_g 1 "
        "> /dev/null 2>&1; cg_annotate cg.out meter.c 2>&1 | head -n 250", root, N_CG_ANNOTATE, timeout=300)
    run("gcc -O0 -pg -o meter_pg main.c meter.c -lm -lpthread && ./meter_pg 1 >/dev/null", cwd=root)
    cap("gprof-b-meterd", "gprof -b ./meter_pg gmon.out 2>&1", root, named(
        "gprof-b", "table", "gprof -b: the flat profile header and every row taking at least 10% of the time, the "
        "call graph's rows with at least 10% (NEEDLES.md Round 24, profiles); rule 5.",
        hot_rows(0, r"^\s+%\s+cumulative|^ time\s+seconds|^index % time")))
    run("gcc --coverage -O0 -o meter_cov test_meter.c meter.c -lm -lpthread && ./meter_cov; gcc --coverage -O0 "
        "-o main_cov main.c meter.c -lm -lpthread && ./main_cov 2 > /dev/null", cwd=root)
    cap("gcovr-meterd", "gcovr -r . 2>&1", root, table(
        "gcovr", "table", "gcovr: rule 4 on the coverage table (header; extremes of Lines, Exec, Cover) and the TOTAL "
        "row.", r"^File\s+Lines\s+Exec\s+Cover", ["file", "lines", "exec", "cover", "missing"],
        nums=["lines", "exec", "cover"], row=r"^\S+\s+\d+\s+\d+\s+\d+%", extra=r"^TOTAL\s"))


def readings_csv() -> str:
    """Hourly meter readings of 12 sites over 10 days; one site reads negative twice, one spikes once."""
    rows = ["site,day,hour,kwh,status"]
    for d in range(1, 11):
        for h in range(0, 24, 2):
            for s in range(12):
                kwh = round(0.4 + ((s * 31 + h * 7 + d * 13) % 97) / 10, 2)
                status = "ok"
                if s == 7 and d in (3, 8) and h == 14:
                    kwh, status = -2.5, "fault"
                if s == 2 and d == 6 and h == 18:
                    kwh = 412.0
                rows.append(f"site-{s:02d},2026-11-{d:02d},{h},{kwh},{status}")
    return "\n".join(rows) + "\n"


N_DATAMASH = table(
    "datamash-groupby", "table", "datamash groupby: rule 4 (extremes of every numeric column; no header).",
    r"^\b$", ["site", "day", "count", "min", "max", "mean"], sep=",", nums=["count", "min", "max", "mean"])


def data(tmp: Path) -> None:
    root = tmp / "data"
    write_tree(root, {"readings.csv": readings_csv()})
    cap("mlr-stats1-pprint", "mlr --icsv --opprint stats1 -a count,min,max,mean,p50 -f kwh -g site,day readings.csv "
        "2>&1", root, table(
            "mlr-pprint", "table", "miller --opprint: rule 4 (header; extremes of every numeric column).",
            r"^site\s+day\s+kwh_count", ["site", "day", "count", "min", "max", "mean", "p50"],
            nums=["count", "min", "max", "mean", "p50"]))
    cap("mlr-sort-all", "mlr --icsv --opprint sort -f site -nr kwh readings.csv 2>&1", root, table(
        "mlr-pprint-rows", "table", "miller --opprint rows: rule 4 (header; rare status values; extremes of hour and "
        "kwh).", r"^site\s+day\s+hour\s+kwh\s+status", ["site", "day", "hour", "kwh", "status"],
        cat=["status"], nums=["hour", "kwh"]))
    cap("datamash-groupby-day", "datamash -t, --header-in -s -g site,day count kwh min kwh max kwh mean kwh "
        "< readings.csv 2>&1", root, N_DATAMASH)
    cap("ltrace-c-sort", "ltrace -c sort -t, -k4 -n readings.csv 2>&1 >/dev/null", root, table(
        "ltrace-c", "table", "ltrace -c: rule 4 on the call table (header; extremes of % time, seconds, usecs/call, "
        "calls) and the total row.", r"^% time\s+seconds", ["pct", "seconds", "usecs", "calls", "function"],
        nums=["pct", "seconds", "usecs", "calls"], row=r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+\d+\s+\S", extra=r"^100\.00\s"),
        timeout=180)


WORKFLOW = '''name: ci
on:
  pull_request_target:
    types: [opened, synchronize]
  issue_comment:
    types: [created]
permissions: write-all
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: greet
        run: echo "Thanks ${{ github.event.pull_request.title }} from ${{ github.event.comment.body }}"
      - run: pip install -r requirements.txt && pytest
      - uses: some-org/deploy-action@main
        env:
          TOKEN: ${{ secrets.DEPLOY_TOKEN }}
  release:
    if: github.event_name == 'issue_comment'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache@v3
        with:
          path: ~/.cache
          key: ${{ runner.os }}-${{ github.head_ref }}
      - run: |
          echo "branch=${{ github.head_ref }}" >> $GITHUB_ENV
          ./release.sh "${{ github.event.issue.title }}"
'''

MIGRATIONS = {
    "migrations/0001_init.sql": "CREATE TABLE readings (id serial PRIMARY KEY, site varchar(16) NOT NULL, kwh real,"
                                " taken_at timestamp);\nCREATE INDEX readings_site ON readings (site);\n",
    "migrations/0002_tariffs.sql": "ALTER TABLE readings ADD COLUMN tariff_id integer NOT NULL;\nALTER TABLE readings "
                                   "ADD CONSTRAINT fk_tariff FOREIGN KEY (tariff_id) REFERENCES tariffs (id);\n"
                                   "ALTER TABLE readings ALTER COLUMN kwh SET NOT NULL;\n",
    "migrations/0003_rename.sql": "ALTER TABLE readings RENAME COLUMN kwh TO energy_kwh;\nALTER TABLE readings "
                                  "ALTER COLUMN site TYPE varchar(64);\nDROP INDEX readings_site;\nCREATE UNIQUE "
                                  "INDEX readings_site_time ON readings (site, taken_at);\nALTER TABLE readings ADD "
                                  "COLUMN created_at timestamp DEFAULT now();\n",
    "migrations/0004_cleanup.sql": "ALTER TABLE readings DROP COLUMN legacy_code;\nDROP TABLE old_readings;\n"
                                   "ALTER TABLE readings ADD COLUMN note char(40);\nCREATE TABLE audit (id int "
                                   "PRIMARY KEY, at timestamp, body varchar(255));\n",
}


N_ZIZMOR = diag(
    "zizmor", "lint", "zizmor: every 'error[...]' finding with its '-->' location; 'warning[...]' / 'help[...]' "
    "findings one {\"any\"} per (audit, file); the 'N findings' summary; rules 1,3.",
    err=r"^error\[", loc=r"^\s+--> ", warn=r"^(warning|help|info)\[", wkey=r"^\w+\[([\w-]+)\]",
    summary=r"^\d+ findings?")


def ci_sql(tmp: Path) -> None:
    root = tmp / "ops"
    write_tree(root, {".github/workflows/ci.yml": WORKFLOW, **MIGRATIONS})
    run("git init -q . && git add -A", cwd=root, env={"HOME": str(tmp)})
    cap("zizmor-offline", "zizmor --offline --no-progress .github/workflows/ci.yml 2>&1", root, N_ZIZMOR)
    cap("squawk-migrations", "squawk migrations/*.sql 2>&1", root, diag(
        "squawk", "lint", "squawk: every finding line (its rule and file:line; they carry warning level, one "
        "{\"any\"} per (rule, file)), every error; the 'Found N issues' summary; rules 1,3.",
        err=r"^error\b|: error:", warn=r"^warning\[|: warning:", wkey=r"^warning\[([\w-]+)\]|^(\S+?):\d+:\d+: warning: "
        r"([\w-]+)", summary=r"^Find detailed|^Found \d+ issues?|^All \d+ files?"))


def tcpdump_needles(lines: list[str]) -> list:
    pkts = [ln for ln in lines if re.match(r"^\d\d:\d\d:\d\d\.\d+ IP", ln)]
    out = [ln for ln in lines if re.search(r"packets? (captured|received by filter|dropped by kernel)", ln)]
    if not pkts:
        return out
    out += [pkts[0], pkts[-1]] + [ln for ln in pkts if re.search(r"Flags \[R", ln)]
    ports: dict[str, list[str]] = {}
    for ln in pkts:
        m = re.search(r"IP [\d.]+\.(\d+) > [\d.]+\.(\d+):", ln)
        if m:
            for p in m.groups():
                ports.setdefault(p, []).append(ln)
    return out + [ln for v in ports.values() if len(v) <= 2 for ln in v]


N_TCPDUMP = named(
    "tcpdump", "log", "tcpdump: the first and last packet lines, every packet with the R (reset) flag, every "
    "packet to or from a port seen in at most 2 packets, and the 'packets captured/received/dropped' lines "
    "(NEEDLES.md Round 24, packet traces); rules 4-5.", tcpdump_needles)


def packets(tmp: Path) -> None:
    """A loopback packet trace: a local HTTP server, a short bounded burst of requests (one to a closed port)."""
    root = tmp / "net"
    write_tree(root, {"index.html": "<h1>meterd</h1>\n" * 40})
    port = 18000 + int(time.time()) % 1000
    srv = cm.start(f"python3 -m http.server {port} --bind 127.0.0.1", cwd=root)
    cm.PROCS.append(srv)
    time.sleep(1.0)
    dump = cm.start(f"tcpdump -nn -i lo -c 400 -l 'tcp port {port} or tcp port {port + 1}' > trace.txt 2>&1",
                    cwd=root)
    cm.PROCS.append(dump)
    time.sleep(1.5)
    for i in range(14):
        run(f"curl -s -o /dev/null http://127.0.0.1:{port}/index.html?i={i}", cwd=root, timeout=10)
    run(f"curl -s -o /dev/null http://127.0.0.1:{port + 1}/", cwd=root, timeout=10)
    run(f"curl -s -o /dev/null http://127.0.0.1:{port}/missing", cwd=root, timeout=10)
    time.sleep(1.5)
    cm.stop(dump)
    raw = (root / "trace.txt").read_text()
    add("tcpdump-lo-http", f"tcpdump -nn -i lo -c 400 'tcp port {port} or tcp port {port + 1}'", raw, N_TCPDUMP)


STEPS = [c_tools, c_runtime, data, ci_sql, packets]
