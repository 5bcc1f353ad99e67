"""Capture round 604 of the compression corpus: C static analysis and run-time checking output of kinds the corpus
did not hold, over a C/C++ tree written here (`gasworks`: retorts, gasholders, stokers; seed 60410) with faults put
in: gcc 12's sanitizer reports of new shapes (alloc-dealloc mismatch, memcpy overlap, stack-use-after-return, bad
free, allocation too big, ThreadSanitizer's thread leak, UBSan with stack traces), glibc's abort messages, gcc's JSON
diagnostics and -fanalyzer JSON, cppcheck's XML and a custom template, flawfinder's CSV, valgrind helgrind's XML, gcov's
JSON. Needle rules: NEEDLES.md's "Round 604" section, one extractor per kind below."""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import any_of, groups, kind, run, write_tree  # noqa: E402

ID_PREFIX = "wide604-"
DEFAULT_OUT = HERE / "data" / "wide604.json"
TMP = Path("/dev/shm/hm-corpus-wide604")
SEED = 60410
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors (fixed before capture)

FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in \S+ .*gasworks/")


@kind("asan-alloc-dealloc-mismatch", "log")
def n_asan(lines):
    """every ERROR: AddressSanitizer / WARNING: ThreadSanitizer line, the first gasworks frame after it, every SUMMARY line"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"(ERROR: AddressSanitizer:|WARNING: ThreadSanitizer:)", ln):
            out.append(ln)
            for k in range(i + 1, len(lines)):
                if FRAME.search(lines[k]):
                    out.append(lines[k])
                    break
                if "SUMMARY:" in lines[k]:
                    break
        elif "SUMMARY:" in ln:
            out.append(ln)
    return out


_ASAN_DOC = n_asan.__doc__
n_asan_memcpy = cm.named("asan-memcpy-param-overlap", "log", _ASAN_DOC, n_asan)
n_asan_suar = cm.named("asan-stack-use-after-return", "log", _ASAN_DOC, n_asan)
n_asan_badfree = cm.named("asan-bad-free", "log", _ASAN_DOC, n_asan)
n_asan_toobig = cm.named("asan-allocation-size-too-big", "log", _ASAN_DOC, n_asan)
n_tsan_leak = cm.named("tsan-thread-leak", "log", _ASAN_DOC, n_asan)


@kind("ubsan-stacktrace", "log")
def n_ubsan(lines):
    """every distinct runtime error: line, and the program's closing (last non-blank) line"""
    out = [ln for ln in lines if "runtime error:" in ln]
    last = [ln for ln in lines if ln.strip()]
    return out + last[-1:]


@kind("glibc-abort", "log")
def n_glibc(lines):
    """glibc's abort lines (***...*** or fn(): message), the program's last log line before, the exit=N line"""
    out = []
    pat = re.compile(r"^\*\*\* .* \*\*\*|^(free|malloc|realloc|double free|corrupted|munmap_chunk|malloc_consolidate)"
                     r"[^:]*\(\): |^\w+\(\): (double free|invalid|corrupted)")
    for i, ln in enumerate(lines):
        if pat.search(ln):
            out.append(ln)
            for k in range(i - 1, -1, -1):
                if lines[k].strip() and not pat.search(lines[k]):
                    out.append(lines[k])
                    break
        elif re.match(r"^exit=\d+", ln):
            out.append(ln)
    return out


def _json_diags(lines):
    """(indent, kind, message line, option line) of each top-level diagnostic in json.tool output"""
    diags = []
    cur = None
    for ln in lines:
        m = re.match(r"^        \"(kind|message|option)\": (.*?),?$", ln)
        if re.match(r"^    \{$", ln):
            cur = {"kind": None, "message": None, "option": None}
            diags.append(cur)
        elif m and cur is not None:
            key = m.group(1)
            if cur[key] is None:
                cur[key] = (m.group(2), ln)
    return diags


@kind("gcc-diagnostics-json", "build")
def n_gcc_json(lines):
    """every distinct "message" line of an error diagnostic; warnings one any per "option" of their "message" lines"""
    out, pairs = [], []
    for d in _json_diags(lines):
        if not d["message"]:
            continue
        k = d["kind"][0] if d["kind"] else ""
        if "error" in k:
            out.append(d["message"][1])
        elif "warning" in k:
            pairs.append((d["option"][0] if d["option"] else k, d["message"][1]))
    return out + groups(pairs)


@kind("gcc-analyzer-json", "lint")
def n_gcc_analyzer_json(lines):
    """every distinct top-level diagnostic "message" line, every distinct "option": "-Wanalyzer-..." line"""
    out = []
    for d in _json_diags(lines):
        if d["message"]:
            out.append(d["message"][1])
        if d["option"] and "-Wanalyzer" in d["option"][0]:
            out.append(d["option"][1])
    return out


@kind("cppcheck-xml", "lint")
def n_cppcheck_xml(lines):
    """every <error line of severity error; other <error lines one any per (id, file of its first <location)"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if not re.match(r"^\s*<error ", ln):
            continue
        if 'severity="error"' in ln:
            out.append(ln)
            continue
        eid = re.search(r'id="([^"]*)"', ln)
        loc = next((re.search(r'file="([^"]*)"', lines[k]) for k in range(i + 1, min(len(lines), i + 4))
                    if "<location" in lines[k]), None)
        pairs.append(((eid.group(1) if eid else "", loc.group(1) if loc else ""), ln))
    return out + groups(pairs)


@kind("cppcheck-template-psv", "lint")
def n_cppcheck_psv(lines):
    """every severity|id|file|line|message row of severity error; other rows one any per (id, file)"""
    out, pairs = [], []
    for ln in lines:
        f = ln.split("|")
        if len(f) < 5 or f[0] not in ("error", "warning", "style", "performance", "portability", "information"):
            continue
        if f[0] == "error":
            out.append(ln)
        else:
            pairs.append(((f[1], f[2]), ln))
    return out + groups(pairs)


@kind("flawfinder-csv", "lint")
def n_flawfinder_csv(lines):
    """the header row; every row of Level 4 or 5; other rows one any per (Category, File)"""
    import csv
    out, pairs = [], []
    rows = [ln for ln in lines if ln.strip()]
    if not rows:
        return out
    head = next(csv.reader([rows[0]]))
    out.append(rows[0])
    il, ic, iff = head.index("Level"), head.index("Category"), head.index("File")
    for ln in rows[1:]:
        try:
            r = next(csv.reader([ln]))
        except StopIteration:
            continue
        if len(r) <= max(il, ic, iff):
            continue
        if r[il] in ("4", "5"):
            out.append(ln)
        else:
            pairs.append(((r[ic], r[iff]), ln))
    return out + groups(pairs)


@kind("valgrind-helgrind-xml", "log")
def n_helgrind_xml(lines):
    """every distinct <kind> line, and each <error>'s first <what> or <text> line (distinct)"""
    out = []
    inside, got = False, False
    for ln in lines:
        s = ln.strip()
        if s == "<error>":
            inside, got = True, False
        elif s == "</error>":
            inside = False
        elif inside:
            if s.startswith("<kind>"):
                out.append(ln)
            elif not got and (s.startswith("<what>") or s.startswith("<text>")):
                out.append(ln)
                got = True
    return out


@kind("gcov-json", "table")
def n_gcov_json(lines):
    """every "file" line, and the "name" line of every function whose "execution_count" is 0"""
    out = []
    block: list[str] = []
    for ln in lines:
        if re.match(r'^\s*"file": ', ln):
            out.append(ln)
        if re.match(r"^\s*\{\s*$", ln):
            block = []
        block.append(ln)
        if re.match(r"^\s*\},?\s*$", ln):
            if any(re.match(r'^\s*"execution_count": 0,?$', b) for b in block) and \
                    any(re.match(r'^\s*"blocks_executed"', b) for b in block):
                out += [b for b in block if re.match(r'^\s*"name": ', b)][:1]
            block = []
    return out


# ------------------------------------------------------------------ the gasworks tree

WORDS = ["retort", "gasholder", "stoker", "purifier", "condenser", "scrubber", "governor", "exhauster", "coke_yard",
         "tar_well", "meter_house", "valve_house", "bench", "hydraulic_main", "ascension_pipe", "lime_shed"]

FAULTS = [
    # (name, body) -- each a function over the module's struct; {w} the module's word, {n} a number
    ("uninit", "int {w}_{n}_sum(const int *v, int n) {{\n    int total;\n    for (int i = 0; i < n; i++)\n"
               "        total += v[i];\n    return total;\n}}\n"),
    ("overrun", "int {w}_{n}_last(void) {{\n    int pressure[8];\n    for (int i = 0; i <= 8; i++)\n"
                "        pressure[i] = i * {n};\n    return pressure[8];\n}}\n"),
    ("nullcheck", "char *{w}_{n}_label(const char *tag) {{\n    char *s = malloc(32);\n    strcpy(s, tag);\n"
                  "    return s;\n}}\n"),
    ("leak", "int {w}_{n}_count(int n) {{\n    int *buf = malloc(n * sizeof *buf);\n    if (!buf) return -1;\n"
             "    if (n > {n}) return 0;\n    free(buf);\n    return n;\n}}\n"),
    ("fopen", "long {w}_{n}_logsize(const char *path) {{\n    FILE *f = fopen(path, \"r\");\n"
              "    fseek(f, 0, SEEK_END);\n    return ftell(f);\n}}\n"),
    ("sprintf", "void {w}_{n}_name(char *out, const char *who) {{\n    char buf[16];\n"
                "    sprintf(buf, \"{w}-%s-%d\", who, {n});\n    strcpy(out, buf);\n}}\n"),
    ("gets", "int {w}_{n}_read(void) {{\n    char line[40];\n    if (!fgets(line, 400, stdin)) return -1;\n"
             "    return atoi(line);\n}}\n"),
    ("format", "void {w}_{n}_report(long cubic_feet) {{\n    printf(\"{w} holds %d cubic feet\\n\", cubic_feet);\n}}\n"),
    ("divzero", "int {w}_{n}_ratio(int coal) {{\n    int shifts = 0;\n    return coal / shifts;\n}}\n"),
    ("signcmp", "int {w}_{n}_find(const int *v, unsigned n, int x) {{\n    for (int i = 0; i < n; i++)\n"
                "        if (v[i] == x) return i;\n    return -1;\n}}\n"),
    ("doublefree", "void {w}_{n}_purge(int flag) {{\n    char *p = malloc(64);\n    if (!p) return;\n"
                   "    free(p);\n    if (flag) free(p);\n}}\n"),
    ("usefree", "int {w}_{n}_peek(void) {{\n    int *p = malloc(sizeof *p);\n    if (!p) return 0;\n    *p = {n};\n"
                "    free(p);\n    return *p;\n}}\n"),
    ("system", "int {w}_{n}_vent(const char *valve) {{\n    char cmd[64];\n"
               "    snprintf(cmd, sizeof cmd, \"open-valve %s\", valve);\n    return system(cmd);\n}}\n"),
    ("unused", "int {w}_{n}_temp(int t) {{\n    int spare = t * 2;\n    double unused_ratio;\n    return t + 1;\n}}\n"),
    ("noreturn", "int {w}_{n}_state(int s) {{\n    if (s > {n})\n        return 1;\n}}\n"),
    ("strncpy", "void {w}_{n}_copy(char *dst, const char *src) {{\n    strncpy(dst, src, 64);\n"
                "    strcat(dst, \"-stoked\");\n}}\n"),
    ("undeclared", "int {w}_{n}_heat(int t) {{\n    return t * retort_factor;\n}}\n"),
]


def gasworks_tree(root: Path, n_modules: int, seed: int, errors: bool = True) -> list[str]:
    rng = random.Random(seed)
    files = {}
    names = []
    for m in range(n_modules):
        w = WORDS[m % len(WORDS)]
        name = f"src/{w}_{m:02d}.c"
        body = ["#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", "",
                f"/* {w.replace('_', ' ')} {m}: part of the gasworks */", ""]
        picks = rng.sample([f for f in FAULTS if errors or f[0] != "undeclared"], rng.randint(4, 8))
        for j, (_, tmpl) in enumerate(picks):
            body.append(tmpl.format(w=w, n=m * 10 + j))
        files[name] = "\n".join(body) + "\n"
        names.append(name)
    write_tree(root, files)
    return names


SAN_MAIN = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
static void logline(const char *what, int n) { fprintf(stderr, "[gasworks] %s %d\n", what, n); }
"""

PROGS = {
    "mismatch.cpp": r"""
#include <cstdio>
#include <cstdlib>
struct Retort { int charge; double temp; };
static Retort *open_bench(int n) { Retort *r = new Retort[n]; for (int i = 0; i < n; i++) r[i].charge = i; return r; }
static void close_bench(Retort *r) { free(r); }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 6;
    for (int i = 0; i < n; i++) fprintf(stderr, "[gasworks] retort %d charged with %d cwt of coal\n", i, 12 + i);
    Retort *r = open_bench(n);
    close_bench(r);
    return 0;
}
""",
    "overlap.c": SAN_MAIN + r"""
static void shift_log(char *buf, int by) { memcpy(buf + by, buf, 24); }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 5;
    char holder[64] = "gasholder-north-lift-three-rising";
    for (int i = 0; i < n; i++) logline("gasholder lift at feet", 30 + 7 * i);
    shift_log(holder, 4);
    puts(holder);
    return 0;
}
""",
    "suar.c": SAN_MAIN + r"""
static int *keep;
static void stoker_shift(int n) { int rota[16]; for (int i = 0; i < 16; i++) rota[i] = n + i; keep = &rota[3]; }
static void roster(int n) { stoker_shift(n); }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 4;
    for (int i = 0; i < n; i++) logline("stoker on shift", i);
    roster(n);
    logline("first stoker", *keep);
    return 0;
}
""",
    "badfree.c": SAN_MAIN + r"""
static char governor_name[32] = "governor-east";
static void release(char *p) { free(p); }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 4;
    char valve[16] = "valve";
    for (int i = 0; i < n; i++) logline("governor pressure inches", 4 + i);
    release(n % 2 ? governor_name + 3 : valve);
    return 0;
}
""",
    "toobig.c": SAN_MAIN + r"""
static double *tar_well(long cells) { return malloc(cells * sizeof(double)); }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    for (int i = 0; i < n; i++) logline("tar well depth", 100 * i);
    double *w = tar_well(-n);
    if (w) w[0] = 1.0;
    return 0;
}
""",
    "tleak.c": SAN_MAIN + r"""
static void *exhauster(void *arg) { long id = (long)arg; logline("exhauster running", (int)id); return NULL; }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    pthread_t t[32];
    for (long i = 0; i < n; i++) pthread_create(&t[i], NULL, exhauster, (void *)i);
    for (int i = 0; i < n; i++) if (i % 2) pthread_join(t[i], NULL);
    logline("exhausters started", n);
    return 0;
}
""",
    "race.c": SAN_MAIN + r"""
static long gas_made;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *retort(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < 200; i++) { if (id % 2) gas_made += id; else { pthread_mutex_lock(&m); gas_made -= 1; pthread_mutex_unlock(&m); } }
    return NULL;
}
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 4;
    pthread_t t[32];
    for (long i = 0; i < n; i++) pthread_create(&t[i], NULL, retort, (void *)i);
    for (int i = 0; i < n; i++) pthread_join(t[i], NULL);
    printf("gas made: %ld\n", gas_made);
    return 0;
}
""",
}

ABORTS = {
    "smash.c": r"""
#include <stdio.h>
#include <string.h>
static void stamp(const char *who) { char plate[12]; strcpy(plate, who); fprintf(stderr, "plate %s\n", plate); }
int main(int argc, char **argv) {
    const char *names[] = {"Ada", "Bert", "Cyril", "Dorothea", "Ebenezer Stokes of the North Retort House"};
    for (int i = 0; i < 12; i++) fprintf(stderr, "[gasworks] retort house %d: charge drawn, %d cwt coke\n", i, 9 + i);
    for (int i = 0; i < 5; i++) { fprintf(stderr, "[gasworks] stamping stoker %d: %s\n", i, names[i]); stamp(names[i]); }
    return 0;
}
""",
    "fortify.c": r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
    char meter[16];
    int n = argc > 1 ? atoi(argv[1]) : 20;
    char *reading = malloc(n + 1);
    memset(reading, '7', n); reading[n] = 0;
    for (int i = 0; i < 16; i++) fprintf(stderr, "[gasworks] meter house reading %d: %d cubic feet\n", i, 1000 * i);
    strcpy(meter, reading);
    printf("%s\n", meter);
    return 0;
}
""",
    "dfree.c": r"""
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    char *valve = malloc(40);
    for (int i = 0; i < 18; i++) fprintf(stderr, "[gasworks] purifier box %d changed\n", i);
    free(valve);
    fprintf(stderr, "[gasworks] purifier log closed\n");
    free(valve);
    return 0;
}
""",
    "corrupt.c": r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    char *a = malloc(24);
    for (int i = 0; i < 20; i++) fprintf(stderr, "[gasworks] condenser %d temperature %d F\n", i, 90 + i);
    memset(a, 'x', 64);
    char *b = malloc(5000);
    free(b); free(a);
    return 0;
}
""",
}


def ubsan_src(n: int, seed: int) -> str:
    rng = random.Random(seed)
    kinds = [
        "int {f}(int x) {{ int big = 2147483600; return big + x * 100; }}",
        "int {f}(int x) {{ return 1 << (x + 30); }}",
        "int {f}(int x) {{ int v[4] = {{1,2,3,4}}; return v[x + 4]; }}",
        "int {f}(int x) {{ char buf[16]; int *p = (int *)(buf + 1); *p = x; return *p; }}",
        "int {f}(int x) {{ int m = -2147483647 - x; return -m - 2; }}",
        "int {f}(int x) {{ long long b = 9223372036854775000LL; return (int)(b + x * 1000LL); }}",
        "int {f}(int x) {{ return -x << 3; }}",
        "int {f}(int x) {{ double d = 1e20 * (x + 1); return (int)d; }}",
    ]
    out = ["#include <stdio.h>", "#include <stdlib.h>", ""]
    calls = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        f = f"{w}_gauge_{i:02d}"
        out.append(rng.choice(kinds).format(f=f))
        calls.append(f"    fprintf(stderr, \"[gasworks] {w} gauge {i}: %d\\n\", {f}(argc + {i % 7}));")
    out.append("int main(int argc, char **argv) {")
    out += calls
    out.append(f"    fprintf(stderr, \"[gasworks] {n} gauges read\\n\");\n    return 0;\n}}")
    return "\n".join(out) + "\n"


COV = r"""
#include <stdio.h>
#include <stdlib.h>
{funcs}
int main(int argc, char **argv) {{
    int n = argc > 1 ? atoi(argv[1]) : 10;
    long total = 0;
    for (int i = 0; i < n; i++) {{
{calls}
    }}
    printf("gasworks total %ld\n", total);
    return 0;
}}
"""


def cov_src(n: int, seed: int) -> str:
    rng = random.Random(seed)
    funcs, calls = [], []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        f = f"{w}_output_{i:02d}"
        funcs.append(f"static long {f}(int x) {{\n    if (x % {rng.randint(2, 5)} == 0)\n        return x * {i + 1};\n"
                     f"    else if (x > {rng.randint(50, 90)})\n        return -x;\n    return {i};\n}}")
        if rng.random() < 0.6:
            calls.append(f"        total += {f}(i);")
        else:
            calls.append(f"        if (n > 1000) total += {f}(i);")
    return COV.format(funcs="\n".join(funcs), calls="\n".join(calls))


# ------------------------------------------------------------------ steps

GW = "gasworks"
ASAN_ENV = {"ASAN_OPTIONS": "detect_leaks=0", "UBSAN_OPTIONS": None, "TSAN_OPTIONS": None}


def sanitizers(tmp: Path) -> None:
    d = tmp / GW / "san"
    write_tree(d, PROGS)
    for src, flags in [("mismatch.cpp", "-fsanitize=address"), ("overlap.c", "-fsanitize=address -fno-builtin"),
                       ("suar.c", "-fsanitize=address"), ("badfree.c", "-fsanitize=address"),
                       ("toobig.c", "-fsanitize=address"), ("tleak.c", "-fsanitize=thread -pthread")]:
        cc = "g++" if src.endswith(".cpp") else "gcc"
        exe = src.split(".")[0]
        print(run(f"nice timeout 120 {cc} -g -O0 {flags} -o {exe} {src}", cwd=d, timeout=150), end="")
    plan = [("mismatch", n_asan, [6, 14, 40]), ("overlap", n_asan_memcpy, [5, 30]),
            ("suar", n_asan_suar, [4, 25]), ("badfree", n_asan_badfree, [3, 4]),
            ("toobig", n_asan_toobig, [3, 60]), ("tleak", n_tsan_leak, [3, 9, 20])]
    for exe, ext, args in plan:
        for a in args:
            env = dict(ASAN_ENV)
            if exe == "suar":
                env["ASAN_OPTIONS"] = "detect_leaks=0:detect_stack_use_after_return=1"
            if exe == "tleak":
                env["ASAN_OPTIONS"] = None
            cap(f"{exe}-{a}", f"./{exe} {a}", d, ext, timeout=120, env=env)


def ubsan(tmp: Path) -> None:
    d = tmp / GW / "ub"
    d.mkdir(parents=True, exist_ok=True)
    for n, seed in [(12, SEED + 1), (40, SEED + 2), (90, SEED + 3)]:
        (d / f"gauges{n}.c").write_text(ubsan_src(n, seed))
        print(run(f"nice timeout 200 gcc -g -O0 -w -fsanitize=undefined -fsanitize=float-cast-overflow "
                  f"-o gauges{n} gauges{n}.c", cwd=d, timeout=220), end="")
        cap(f"ubsan-{n}", f"UBSAN_OPTIONS=print_stacktrace=1 ./gauges{n}", d, n_ubsan, timeout=120,
            env={"UBSAN_OPTIONS": "print_stacktrace=1"})


def aborts(tmp: Path) -> None:
    d = tmp / GW / "abort"
    write_tree(d, ABORTS)
    flags = {"smash.c": "-O0 -fstack-protector-all", "fortify.c": "-O2 -D_FORTIFY_SOURCE=2",
             "dfree.c": "-O0", "corrupt.c": "-O0"}
    for src, fl in flags.items():
        exe = src.split(".")[0]
        print(run(f"nice timeout 120 gcc -g -w {fl} -o {exe} {src}", cwd=d, timeout=150), end="")
        cap(f"abort-{exe}", f"./{exe}; echo exit=$?", d, n_glibc, timeout=60)


def gcc_json(tmp: Path) -> None:
    root = tmp / GW / "tree"
    names = gasworks_tree(root, 40, SEED)
    for tag, sel in [("a", names[:4]), ("b", names[4:16]), ("c", names[16:34])]:
        files = " ".join(sel)
        cap(f"gcc-json-{tag}", f"for f in {files}; do gcc -c -Wall -Wextra -fdiagnostics-format=json $f "
            f"-o /dev/null 2>&1 | python3 -m json.tool; done", root, n_gcc_json, timeout=300)
    for tag, sel in [("a", names[:3]), ("b", names[3:10]), ("c", names[10:20]), ("d", names[20:24])]:
        ok = [s for s in sel if "retort_factor" not in (root / s).read_text()]
        files = " ".join(ok)
        cap(f"analyzer-json-{tag}", f"for f in {files}; do gcc -c -fanalyzer -fdiagnostics-format=json $f "
            f"-o /dev/null 2>&1 | python3 -m json.tool; done", root, n_gcc_analyzer_json, timeout=400)


def cppcheck(tmp: Path) -> None:
    root = tmp / GW / "tree"
    names = sorted(p.relative_to(root).as_posix() for p in (root / "src").glob("*.c"))
    for tag, sel in [("a", names[:5]), ("b", names[5:20]), ("c", names[20:])]:
        files = " ".join(sel)
        cap(f"cppcheck-xml-{tag}", f"cppcheck --enable=all --inconclusive --xml {files} 2>&1 >/dev/null",
            root, n_cppcheck_xml, timeout=400)
    for tag, sel in [("a", names[:8]), ("b", names[8:40])]:
        files = " ".join(sel)
        cap(f"cppcheck-psv-{tag}", f"cppcheck -q --enable=all --template='{{severity}}|{{id}}|{{file}}|{{line}}|"
            f"{{message}}' {files}", root, n_cppcheck_psv, timeout=400)
    for tag, sel in [("a", names[:6]), ("b", names[6:25]), ("c", names)]:
        files = " ".join(sel)
        cap(f"flawfinder-csv-{tag}", f"flawfinder --csv {files}", root, n_flawfinder_csv, timeout=200)


def helgrind(tmp: Path) -> None:
    d = tmp / GW / "san"
    print(run("nice timeout 120 gcc -g -O0 -pthread -o race race.c", cwd=d, timeout=150), end="")
    for a in (2, 4):
        cap(f"helgrind-xml-{a}", f"valgrind --tool=helgrind --xml=yes --xml-fd=1 --log-file=/dev/null ./race {a}",
            d, n_helgrind_xml, timeout=300)


def gcov(tmp: Path) -> None:
    d = tmp / GW / "cov"
    d.mkdir(parents=True, exist_ok=True)
    for n, seed in [(8, SEED + 11), (30, SEED + 12), (50, SEED + 13)]:
        (d / f"works{n}.c").write_text(cov_src(n, seed))
        run(f"nice timeout 200 gcc --coverage -O0 -o works{n} works{n}.c && ./works{n} 40", cwd=d, timeout=220)
        cap(f"gcov-json-{n}", f"gcov --json-format --stdout works{n}.c | python3 -m json.tool", d, n_gcov_json,
            timeout=120)


def drop_and_check(out: Path) -> None:
    """NEEDLES.md's checks on the written file (as round 454's, without importing its module chain): an item with no
    needle, or a needle on no cleaned line or over 200 characters, or a size outside 400..120,000, is dropped whole."""
    import json
    doc = json.loads(out.read_text())
    kept = []
    for it in doc["items"]:
        lines = cm.clean_lines(it["text"])

        def found(s: str) -> bool:
            return len(s) <= 200 and any(s in ln for ln in lines)
        ok = bool(it["needles"]) and all(found(n) if isinstance(n, str) else any(found(s) for s in n["any"])
                                         for n in it["needles"])
        assert it["split"] == cm.split_of(it["id"]), it["id"]
        if ok and 400 <= len(it["text"]) <= 120_000:
            kept.append(it)
        else:
            cm.note(f"drop {it['id']}: {len(it['needles'])} needles, not all found, or size {len(it['text'])}")
    doc["items"] = kept
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    cm.note(f"kept {len(kept)} items ({sum(it['split'] == 'heldout' for it in kept)} held out), "
            f"{len({it['kind'] for it in kept})} kinds, {sum(len(it['needles']) for it in kept)} needles")


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [sanitizers, ubsan, aborts, gcc_json, cppcheck, helgrind, gcov],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide604", sys.modules["__main__"])
    main()
