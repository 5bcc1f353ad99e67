"""Round 203, second samples of round 194's kinds: a C tide-table calculator of the round's own with faults put in (a
NULL harmonics table in a station walk, an overflowing index that trips an assertion, a use-after-free called
through a freed callback, unbounded recursion, a lock-order deadlock, a crash in one of several worker threads) under
lldb in batch mode and eu-stack; a rainfall record reader that crashes on one byte under zzuf; a Python rota planner
(a hot loop, branches no input reaches, a traceback) under austin and slipcover; a C rainfall aggregator under
clang's source-based coverage and gcc's --coverage with lcov / genhtml. The needles come from round 194's
extractors, imported (NEEDLES.md, "Round 203"). Run through capture_wide203.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide194_cov import (make_profdata_show, n_austin, n_genhtml, n_lcov_capture, n_lcov_summary,
                                 n_lcov_tracefile, n_llvm_cov_export, n_slipcover, n_slipcover_json)
from capture_wide194_dbg import (line_of, make_register_read, n_eu_stack, n_lldb_breakpoints, n_lldb_bt_all,
                                 n_lldb_crash_bt, n_lldb_frame_variable, n_zzuf)
from capture_wide203 import VENV, cap

# ------------------------------------------------------------------ the tide-table calculator

TIDES_C = r"""#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* a toy tide-table calculator; argv[1] picks the fault put in, argv[2] a size */
typedef struct {
    double amp, speed, phase;
} harmonic;

typedef struct station {
    char name[20];
    int nharm;
    harmonic *harm;
    double datum;
    struct station *next;
} station;

typedef struct {
    void (*emit)(const char *, double);
    int hour;
    char label[16];
} sink_t;

typedef struct {
    int slot[24];
    unsigned guard;
    int filled;
} table_t;

typedef struct {
    int id;
    int hours;
    station *st;
    double peak;
} task_t;

static const char *PORTS[] = {"brest", "dover", "leith", "cobh", "vigo", "bergen", "esbjerg", "ostend"};
static pthread_mutex_t gauge_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t chart_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned seed = 203u;

static unsigned rnd(void) { seed = seed * 1664525u + 1013904223u; return (seed >> 9) & 0x7fffff; }

static station *load_stations(int n, int hole) {
    station *head = NULL, *tail = NULL;
    for (int i = 0; i < n; i++) {
        station *s = calloc(1, sizeof *s);
        snprintf(s->name, sizeof s->name, "%s-%02d", PORTS[rnd() % 8], i);
        s->nharm = 3 + (int)(rnd() % 5);
        s->harm = (i == hole) ? NULL : calloc((size_t)s->nharm, sizeof(harmonic));
        for (int k = 0; s->harm && k < s->nharm; k++)
            s->harm[k] = (harmonic){.amp = (rnd() % 300) / 100.0, .speed = 14.0 + k * 15.0, .phase = rnd() % 360};
        s->datum = (rnd() % 500) / 100.0;
        if (!head) head = s; else tail->next = s;
        tail = s;
    }
    return head;
}

static double harmonic_sum(const station *st, double t) {
    double h = st->datum;
    for (int k = 0; k < st->nharm; k++)
        h += st->harm[k].amp * cos((st->harm[k].speed * t + st->harm[k].phase) * M_PI / 180.0);   /* BP:sum */
    return h;
}

static double predict(station *head, int hours, int verbose) {
    double hi = -1e9;
    for (station *s = head; s; s = s->next)
        for (int t = 0; t < hours; t++) {
            double h = harmonic_sum(s, t);
            if (h > hi) hi = h;
            if (verbose && t == 0) printf("station %-12s hour %2d height %6.2f m\n", s->name, t, h);
        }
    return hi;
}

static void fill_table(table_t *tb, station *head, int hours) {
    int t = 0;
    for (station *s = head; s; s = s->next, t++) {
        int idx = (int)(harmonic_sum(s, t) * 4.0) + t % 7;                 /* BP:fill */
        if (idx < 0) idx = 0;
        tb->slot[idx]++;
        tb->filled++;
    }
    (void)hours;
}

static double smooth(const double *v, int n) {
    if (n == 1) return v[0];                                             /* n == 0 never stops */
    double rest = smooth(v + 1, n - 2);
    return (v[0] + rest) / 2.0;
}

static void print_level(const char *what, double h) { printf("%s %.2f\n", what, h); }

static void *forecast(void *arg) {
    task_t *tk = arg;
    station *s = tk->st;
    for (int t = 0; t < tk->hours; t++) {
        if (tk->id == 5 && t == tk->hours / 2) s = s->next->next->next->next;   /* walks off a short list */
        double h = harmonic_sum(s, t);
        if (h > tk->peak) tk->peak = h;
        if (t % 2000 == 0) { printf("forecast %d hour %4d peak %.2f\n", tk->id, t, tk->peak); fflush(stdout); }
    }
    return NULL;
}

static void *chart_writer(void *arg) {
    task_t *tk = arg;
    pthread_mutex_t *a = tk->id % 2 ? &gauge_lock : &chart_lock;
    pthread_mutex_t *b = tk->id % 2 ? &chart_lock : &gauge_lock;
    for (int k = 0;; k++) {
        pthread_mutex_lock(a);
        usleep(700 + 200 * tk->id);
        pthread_mutex_lock(b);                                           /* lock order differs by parity */
        tk->peak += k;
        pthread_mutex_unlock(b);
        pthread_mutex_unlock(a);
        if (k % 4 == 0) { printf("chart writer %d pass %d\n", tk->id, k); fflush(stdout); }
    }
    return NULL;
}

static int threads(void *(*fn)(void *), int n, int hours) {
    pthread_t th[32];
    task_t tk[32];
    station *st = load_stations(4, -1);
    for (int i = 0; i < n; i++) {
        tk[i] = (task_t){.id = i, .hours = hours, .st = st, .peak = -1e9};
        pthread_create(&th[i], NULL, fn, &tk[i]);
    }
    for (int i = 0; i < n; i++) pthread_join(th[i], NULL);
    printf("tides: all %d threads joined\n", n);
    return 0;
}

int main(int argc, char **argv) {
    const char *fault = argc > 1 ? argv[1] : "ok";
    int n = argc > 2 ? atoi(argv[2]) : 40;
    printf("tides: mode=%s n=%d\n", fault, n);
    if (!strcmp(fault, "workers")) return threads(forecast, 8, n);
    if (!strcmp(fault, "deadlock")) return threads(chart_writer, argc > 3 ? atoi(argv[3]) : 6, n);
    if (!strcmp(fault, "recurse")) {
        double v[64];
        for (int i = 0; i < 64; i++) v[i] = i * 0.25;
        printf("smoothed %.3f\n", smooth(v, n % 2 ? 63 : 64));
        return 0;
    }
    if (!strcmp(fault, "uaf")) {
        sink_t *sk = malloc(sizeof *sk);
        sk->emit = print_level;
        sk->hour = 0;
        strcpy(sk->label, "high water");
        for (int t = 0; t < n; t++) {
            sk->emit(sk->label, 3.0 + sin(t / 3.0));
            if (t == n / 2) free(sk);                                    /* freed, still used */
        }
        return 0;
    }
    station *head = load_stations(n, !strcmp(fault, "null") ? n - n / 4 : -1);
    table_t tb;
    memset(&tb, 0, sizeof tb);
    tb.guard = 0x71DE5u;
    double hi = predict(head, 12, 1);
    printf("highest predicted %.2f m\n", hi);
    if (!strcmp(fault, "overflow")) for (station *s = head; s; s = s->next) s->datum += 4.5;
    fill_table(&tb, head, 12);
    assert(tb.guard == 0x71DE5u && "tide table guard overwritten");
    for (int i = 0; i < 24; i++) printf("slot %2d: %d\n", i, tb.slot[i]);
    return 0;
}
"""

RECREAD_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* reads a RAIN rainfall export (argv[1]): header, then records of [len][gauge id ...][unit][mm] */
typedef long (*conv_fn)(unsigned char);
static long as_mm(unsigned char v) { return v; }
static long as_tenths(unsigned char v) { return v / 10; }
static conv_fn CONV[2] = {as_mm, as_tenths};

int main(int argc, char **argv) {
    unsigned char buf[2048];
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!f) { fprintf(stderr, "recread: error: cannot open input\n"); return 2; }
    size_t n = fread(buf, 1, sizeof buf, f);
    if (n < 8 || memcmp(buf, "RAIN", 4)) { fprintf(stderr, "recread: error: bad magic\n"); return 3; }
    int count = buf[4], interval = buf[5];
    if (buf[6] != 1) { fprintf(stderr, "recread: error: unsupported version %d\n", buf[6]); return 4; }
    size_t off = 8;
    long mm = 0;
    for (int i = 0; i < count && off + 14 <= n; i++) {
        char gauge[12];
        unsigned len = buf[off];
        memcpy(gauge, buf + off + 1, len);                    /* len unchecked: 11 expected */
        gauge[len < 11 ? len : 11] = 0;
        mm += CONV[buf[off + 1 + len]](buf[off + 2 + len]);   /* unit unchecked: 0 or 1 expected */
        off += len + 3;
    }
    printf("records=%d total=%ld mm per-hour=%ld\n", count, mm, mm * 60 / interval);   /* interval 0 divides */
    return 0;
}
"""


def rain_file(path: Path, records: int, seed: int) -> None:
    rnd = random.Random(seed)
    body = bytearray(b"RAIN" + bytes([records, 1, 1, 0]))
    for i in range(records):
        gid = f"G{rnd.randint(0, 99999999):08d}{i % 10}X".encode()[:11]
        body += bytes([11]) + gid + bytes([rnd.randint(0, 1), rnd.randint(0, 40)])
    path.write_bytes(bytes(body))


def stage(tmp: Path) -> Path:
    d = tmp / "tides"
    if (d / "tides").exists():
        return d
    write_tree(d, {"tides.c": TIDES_C, "recread.c": RECREAD_C})
    rain_file(d / "sample.rain", 30, 203)
    run("gcc -g -O0 -pthread -o tides tides.c -lm && gcc -g -O0 -fstack-protector-all -o recread recread.c", cwd=d)
    return d


LLDB = "lldb -b"


def cap_lldb(tmp: Path) -> None:
    d = stage(tmp)
    cap("lldb-tides-null-bt-echo", f"{LLDB} -o 'run null 500' -k bt ./tides; echo EXIT=$?", d, n_lldb_crash_bt,
        timeout=180)
    cap("lldb-tides-recurse-bt-tail", f"{LLDB} -o 'run recurse 50' -k 'bt 14' ./tides 2>&1 | tail -n 60", d,
        n_lldb_crash_bt, timeout=180)
    cap("lldb-tides-null-fr-v-up", f"{LLDB} -o 'run null 120' -k 'frame variable' -k up -k 'frame variable' -k up "
        "-k 'fr v' ./tides", d, n_lldb_frame_variable, timeout=180)
    cap("lldb-tides-uaf-register-read-echo", f"{LLDB} -o 'run uaf 40' -k bt -k 'register read' -k 'register read "
        "rdi rsi rax rdx' ./tides; echo EXIT=$?", d, make_register_read(["rdi", "rsi", "rax", "rdx"]), timeout=180)
    fill = line_of(TIDES_C, "/* BP:fill */")
    cap("lldb-tides-break-fill-overflow", f"{LLDB} -o 'b tides.c:{fill}' -o 'b fill_tabel' -o 'run overflow 60' "
        "-o 'p idx' -o 'p s->name' -o 'p tb->filled' -o c -o 'p idx' -o 'fr v' -o 'br del 1' -o c -k bt -k "
        "'frame select 4' -k 'p tb' ./tides; echo EXIT=$?", d, n_lldb_breakpoints, timeout=180)
    cap("lldb-tides-workers-bt-all-echo", f"{LLDB} -o 'run workers 60000' -o 'thread backtrace all' -o 'thread list' ./tides; "
        "echo EXIT=$?", d, n_lldb_bt_all, timeout=180)


def cap_hung(tmp: Path) -> None:
    d = stage(tmp)
    p = cm.start(["./tides", "deadlock", "40", "10"], cwd=d)
    time.sleep(2.5)
    try:
        pid = p.pid
        cap("lldb-attach-chart-deadlock-bt-all", f"{LLDB} -p {pid} -o 'bt all' -o detach; echo EXIT=$?", d,
            n_lldb_bt_all, timeout=180, typed="lldb -b -p $(pgrep -n tides) -o 'bt all' -o detach; echo EXIT=$?")
        cap("eu-stack-chart-deadlock-echo", f"eu-stack -p {pid}; echo EXIT=$?", d, n_eu_stack,
            typed="eu-stack -p $(pgrep -n tides); echo EXIT=$?")
        cap("eu-stack-chart-deadlock-s-m-head", f"eu-stack -s -m -p {pid} 2>&1 | head -n 100", d, n_eu_stack,
            typed=f"eu-stack -s -m -p {pid} 2>&1 | head -n 100")
    finally:
        p.kill()
        p.wait()


def cap_zzuf(tmp: Path) -> None:
    d = stage(tmp)
    cap("zzuf-recread-900-seeds-echo", "zzuf -c -s 0:900 -r 0.0005:0.003 -q -C 0 ./recread sample.rain; echo EXIT=$?",
        d, n_zzuf, timeout=400)
    cap("zzuf-recread-verbose-tail", "zzuf -v -c -s 0:300 -r 0.008 -C 0 ./recread sample.rain 2>&1 | tail -n 80", d,
        n_zzuf, timeout=400)


# ------------------------------------------------------------------ the Python rota planner

FAIR_PY = '''"""Fairness of a rota, the slow way (a hot loop put in on purpose)."""


def spread(hours):
    total = 0
    for a in hours:
        for b in hours:
            total += abs(a - b)
    return total


def balance(rota, rounds):
    score = 0
    for _ in range(rounds):
        score += spread([len(v) for v in rota.values()])
    return score


def band(n):
    if n < 4:
        return "light"
    if n < 9:
        return "normal"
    if n > 400:
        return "impossible"
    return "heavy"
'''

PLAN_PY = '''"""Assigning shifts to staff."""

ROLES = {"nurse": 3, "porter": 1, "cook": 2, "clerk": 1}


def assign(staff, days):
    rota = {name: [] for name, _ in staff}
    for day in range(days):
        for name, role in staff:
            need = ROLES[role]
            if (day + len(name)) % (need + 2) == 0:
                rota[name].append(day)
    return rota
'''

ROTA_MAIN = '''"""Plan a ward's rota: assign, check rules, score fairness."""
import random
import sys

from rota import fair, plan
from rota.rules import RULES


def staff_list(n, seed, roles):
    rnd = random.Random(seed)
    return [(f"s{i:03d}{rnd.choice('abcdefgh') * rnd.randint(1, 4)}", rnd.choice(roles)) for i in range(n)]


def main(argv):
    mode = argv[1] if len(argv) > 1 else "run"
    n = int(argv[2]) if len(argv) > 2 else 100
    staff = staff_list(n, 203, ("nurse", "porter", "cook", "clerk"))
    rota = plan.assign(staff, 28)
    broken = 0
    for name, days in rota.items():
        for rule in RULES:
            if rule(len(days), name):
                broken += 1
    score = fair.balance(rota, {"hot": 600, "fail": 300}.get(mode, 3))
    if mode == "fail":
        rota = plan.assign(staff + [("late-joiner", "midwife")], 28)
    bands = {}
    for days in rota.values():
        bands[fair.band(len(days))] = bands.get(fair.band(len(days)), 0) + 1
    print(f"staff={len(staff)} broken={broken} fairness={score} bands={sorted(bands.items())}")


if __name__ == "__main__":
    main(sys.argv)
'''


def rota_rule(i: int, rnd: random.Random) -> str:
    lo, hi = rnd.randint(0, 3), rnd.randint(12, 30)
    body = [f'"""Staffing rule {i:02d}."""', "", "", f"def rule_{i:02d}(shifts, name):",
            f"    if shifts < {lo}:", "        return True", f"    if shifts > {hi} and name.endswith({rnd.choice('abcdefgh')!r}):",
            "        return True"]
    for _ in range(rnd.randint(1, 3)):
        body += [f"    if shifts == {rnd.randint(40, 90)}:", f"        return {rnd.choice(['True', 'False'])}"]
    body.append(f"    return len(name) % {rnd.randint(3, 9)} == {rnd.randint(0, 2)}")
    return "\n".join(body) + "\n"


def stage_py(tmp: Path, n_rules: int = 30) -> Path:
    d = tmp / "rota"
    if (d / "rota" / "main.py").exists():
        return d
    rnd = random.Random(2030)
    files = {"rota/__init__.py": "", "rota/fair.py": FAIR_PY, "rota/plan.py": PLAN_PY, "rota/main.py": ROTA_MAIN}
    names = [f"rule_{i:02d}" for i in range(n_rules)]
    for i, nm in enumerate(names):
        files[f"rota/rules/{nm}.py"] = rota_rule(i, rnd)
    files["rota/rules/__init__.py"] = "".join(f"from .{n} import {n}\n" for n in names) + \
        "RULES = [" + ", ".join(names) + "]\n"
    write_tree(d, files)
    return d


PY = str(VENV / "bin" / "python")
AUSTIN = str(VENV / "bin" / "austin")


def cap_austin(tmp: Path) -> None:
    d = stage_py(tmp)
    cap("austin-rota-hot", f"{AUSTIN} -i 25ms {PY} -m rota.main hot 160", d, n_austin, timeout=300,
        typed="austin -i 25ms python -m rota.main hot 160")
    cap("austin-rota-fail-tail-echo", f"{AUSTIN} -i 15ms {PY} -m rota.main fail 200 2>&1 | tail -n 70; echo EXIT=$?",
        d, n_austin, timeout=300, typed="austin -i 15ms python -m rota.main fail 200 2>&1 | tail -n 70; echo EXIT=$?")


def cap_slipcover(tmp: Path) -> None:
    d = stage_py(tmp)
    sc = f"{PY} -m slipcover"
    cap("slipcover-rota-branch", f"{sc} --branch -m rota.main run 120", d, n_slipcover, timeout=300,
        typed="python -m slipcover --branch -m rota.main run 120")
    cap("slipcover-rota-fail-echo", f"{sc} -m rota.main fail 60; echo EXIT=$?", d, n_slipcover, timeout=300,
        typed="python -m slipcover -m rota.main fail 60; echo EXIT=$?")
    cap("slipcover-rota-json-pretty", f"{sc} --json --pretty-print -m rota.main run 90", d, n_slipcover_json,
        timeout=300, typed="python -m slipcover --json --pretty-print -m rota.main run 90")


# ------------------------------------------------------------------ the C rainfall aggregator

def rain_sources(rnd: random.Random) -> dict[str, str]:
    units = ["gauge", "storm", "runoff", "basin", "drought", "flood", "season", "snowmelt", "radar", "quality"]
    files: dict[str, str] = {}
    protos, calls = [], []
    for u in units:
        fns = []
        for k, verb in enumerate(["total", "peak", "window", "flag", "decay", "merge"][:rnd.randint(3, 6)]):
            name = f"{u}_{verb}"
            a, b, m = rnd.randint(3, 40), rnd.randint(50, 300), rnd.randint(3, 11)
            fns.append(f"int {name}(int mm)\n{{\n    switch (mm % {m}) {{\n    case 0:\n        return mm / 2;\n"
                       f"    case 1:\n        if (mm > {b})\n            return -1;\n        break;\n    default:\n"
                       f"        break;\n    }}\n    while (mm > {a})\n        mm -= {a};\n    return mm;\n}}\n")
            protos.append(f"int {name}(int mm);")
            if rnd.random() < 0.65:
                calls.append(name)
        files[f"src/{u}.c"] = "\n".join(fns)
    main = ["#include <stdio.h>", "#include <stdlib.h>", *protos, "", "int main(int argc, char **argv)", "{",
            "    int days = argc > 1 ? atoi(argv[1]) : 365;", "    long sum = 0;",
            "    for (int d = 0; d < days; d++) {"]
    main += [f"        sum += {c}((d * 13 + {rnd.randint(0, 50)}) % {rnd.randint(80, 500)});" for c in calls]
    main += ["    }", "    if (sum < 0)", "        puts(\"negative rainfall\");", '    printf("rain total %ld\\n", sum);',
             "    return 0;", "}"]
    files["src/main.c"] = "\n".join(main) + "\n"
    return files


def stage_c(tmp: Path) -> Path:
    d = tmp / "rain"
    if (d / "rain").exists():
        return d
    write_tree(d, rain_sources(random.Random(2031)))
    srcs = " ".join(sorted(str(p.relative_to(d)) for p in (d / "src").glob("*.c")))
    run(f"clang -g -O0 -fprofile-instr-generate -fcoverage-mapping -o rain {srcs} && "
        "LLVM_PROFILE_FILE=year.profraw ./rain 365 && LLVM_PROFILE_FILE=week.profraw ./rain 7 && "
        "llvm-profdata merge -o rain.profdata year.profraw week.profraw", cwd=d)
    run("mkdir -p gcov && cd gcov && for f in ../src/*.c; do gcc --coverage -O0 -c $f; done && "
        "gcc --coverage -o rain *.o && ./rain 90 > /dev/null", cwd=d)
    return d


def cap_llvm(tmp: Path) -> None:
    d = stage_c(tmp)
    cap("llvm-profdata-show-rain-all-head", "llvm-profdata show --all-functions --counts rain.profdata | head -n 200",
        d, make_profdata_show())
    cap("llvm-cov-export-rain-jq", "llvm-cov export -summary-only ./rain -instr-profile=rain.profdata | jq '.data[0]'",
        d, n_llvm_cov_export)
    cap("llvm-cov-export-rain-lcov", "llvm-cov export -format=lcov ./rain -instr-profile=rain.profdata", d,
        n_lcov_tracefile)


def cap_lcov(tmp: Path) -> None:
    d = stage_c(tmp) / "gcov"
    run("llvm-cov export -format=lcov ../rain -instr-profile=../rain.profdata > ../llvm.info", cwd=d)
    cap("lcov-capture-rain-branch-echo", "lcov -c -d . -o rain.info --rc lcov_branch_coverage=1; echo EXIT=$?", d,
        n_lcov_capture)
    cap("lcov-summary-rain-missing-echo", "lcov --summary rain.info --rc lcov_branch_coverage=1; lcov --summary "
        "../llvm.info; lcov --summary year.info; echo EXIT=$?", d, n_lcov_summary)
    cap("genhtml-rain-branch-legend", "genhtml rain.info -o html --branch-coverage --legend --title rainfall "
        "--rc lcov_branch_coverage=1", d, n_genhtml)


STEPS = [cap_lldb, cap_hung, cap_zzuf, cap_austin, cap_slipcover, cap_llvm, cap_lcov]
