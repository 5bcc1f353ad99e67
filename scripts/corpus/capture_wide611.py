"""Capture round 611 of the compression corpus: second samples of round 604's C static analysis and run-time check
kinds on new material, a C tree written here (`soapworks`: soap pans, lye vats, soapboilers; seed 61110) with faults
put in: gcc 12's sanitizer reports (alloc-dealloc mismatch, memcpy overlap, stack-use-after-return, bad free,
allocation too big, ThreadSanitizer's thread leak, UBSan with stack traces) from other faults of the same report
kinds, glibc's abort messages of other kinds, gcc's JSON diagnostics and -fanalyzer JSON, cppcheck's XML and template,
flawfinder's CSV, valgrind helgrind's XML, gcov's JSON. Needle rules: NEEDLES.md's "Round 604" section (no new rule;
"Round 611" says how the frame pattern reads this round's tree); every extractor imported from capture_wide604."""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide604 as w604  # noqa: E402
from capture_more import run, write_tree  # noqa: E402
from capture_wide604 import (n_asan, n_asan_badfree, n_asan_memcpy, n_asan_suar, n_asan_toobig,  # noqa: E402
                             n_cppcheck_psv, n_cppcheck_xml, n_flawfinder_csv, n_gcc_analyzer_json, n_gcc_json,
                             n_gcov_json, n_glibc, n_helgrind_xml, n_tsan_leak, n_ubsan)

ID_PREFIX = "wide611-"
DEFAULT_OUT = HERE / "data" / "wide611.json"
TMP = Path("/dev/shm/hm-corpus-wide611")
SEED = 61110
_SIZED = cm.Sized(400, 120_000)
cap = _SIZED.cap

# Round 604's frame pattern, read for this round's tree (NEEDLES.md, round 611): the first frame in soapworks/.
SW = "soapworks"
w604.FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in \S+ .*" + SW + "/")

# ------------------------------------------------------------------ the soap works tree

WORDS = ["soap_pan", "lye_vat", "soapboiler", "crutcher", "frame_room", "slabber", "barrer", "glycerine_still",
         "fat_store", "rosin_bin", "settling_tank", "stamping_press", "drying_room", "caustic_tank", "fitting_pan",
         "wrapping_room", "nigre_pan", "curd_kettle"]

# round 604's templates, their gasworks words renamed
_RENAME = [("retort_factor", "lye_factor"), ("-stoked", "-boiled"), ("holds %d cubic feet", "holds %d pounds of curd"),
           ("open-valve", "open-lye-cock"), ("pressure", "strength"), ("coal", "tallow"), ("shifts", "boils"),
           ("cubic_feet", "pounds"), ("valve", "cock")]


def _renamed(body: str) -> str:
    for a, b in _RENAME:
        body = body.replace(a, b)
    return body


NEW_FAULTS = [
    ("realloc", "int {w}_{n}_grow(int **v, int n) {{\n    *v = realloc(*v, n * 2 * sizeof **v);\n"
                "    if (!*v) return -1;\n    return n * 2;\n}}\n"),
    ("memset", "void {w}_{n}_clear(void) {{\n    long batch[12];\n    memset(batch, 0, 12);\n"
               "    printf(\"batch %ld\\n\", batch[{n} % 12]);\n}}\n"),
    ("retlocal", "char *{w}_{n}_tag(int k) {{\n    char tag[24];\n    snprintf(tag, sizeof tag, \"{w}-%d\", k);\n"
                 "    return tag;\n}}\n"),
    ("scanf", "int {w}_{n}_ask(void) {{\n    char lot[10];\n    if (scanf(\"%s\", lot) != 1) return -1;\n"
              "    return (int)strlen(lot);\n}}\n"),
    ("nullderef", "int {w}_{n}_weigh(size_t n) {{\n    int *w = malloc(n * sizeof *w);\n    if (w == NULL)\n"
                  "        w[0] = 0;\n    int r = w[0];\n    free(w);\n    return r;\n}}\n"),
    ("negindex", "int {w}_{n}_prev(void) {{\n    int boils[6] = {{0}};\n    int i = -1;\n    return boils[i];\n}}\n"),
    ("shift", "unsigned {w}_{n}_mask(void) {{\n    unsigned m = 1u << 33;\n    return m;\n}}\n"),
    ("fclose", "int {w}_{n}_first(const char *path) {{\n    FILE *f = fopen(path, \"r\");\n    if (!f) return -1;\n"
               "    int c = fgetc(f);\n    if (c == EOF) return -2;\n    fclose(f);\n    return c;\n}}\n"),
]

FAULTS = [(name, _renamed(body)) for name, body in w604.FAULTS
          if name not in ("divzero", "signcmp", "unused")] + NEW_FAULTS


def soapworks_tree(root: Path, n_modules: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    files, names = {}, []
    for m in range(n_modules):
        w = WORDS[m % len(WORDS)]
        name = f"src/{w}_{m:02d}.c"
        body = ["#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", "",
                f"/* {w.replace('_', ' ')} {m}: part of the soap works */", ""]
        picks = rng.sample(FAULTS, rng.randint(3, 7))
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
static void logline(const char *what, int n) { fprintf(stderr, "[soapworks] %s %d\n", what, n); }
"""

PROGS = {
    "mismatch.cpp": r"""
#include <cstdio>
#include <cstdlib>
struct Pan { int charge; double lye; };
static Pan *fill_pans(int n) { Pan *p = (Pan *)malloc(n * sizeof(Pan)); for (int i = 0; i < n; i++) p[i].charge = i; return p; }
static void empty_pans(Pan *p) { delete p; }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 6;
    for (int i = 0; i < n; i++) fprintf(stderr, "[soapworks] soap pan %d charged with %d lb of tallow, lye at %d degrees Twaddell\n", i, 300 + 7 * i, 12 + i % 9);
    Pan *p = fill_pans(n);
    empty_pans(p);
    return 0;
}
""",
    "mismatch2.cpp": r"""
#include <cstdio>
#include <cstdlib>
struct Frame { char mark[8]; int bars; };
static void strip_frame(Frame *f) { delete[] f; }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 6;
    for (int i = 0; i < n; i++) fprintf(stderr, "[soapworks] frame %d set, %d bars to slab after cooling\n", i, 40 + i);
    Frame *f = new Frame;
    f->bars = n;
    strip_frame(f);
    return 0;
}
""",
    "overlap.c": SAN_MAIN + r"""
struct rec { char lot[12]; int pounds; };
static void pull_back(struct rec *r, int n) { memcpy(&r[0], &r[1], (n - 1) * sizeof *r); }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 5;
    struct rec *r = calloc(n + 2, sizeof *r);
    for (int i = 0; i < n; i++) { snprintf(r[i].lot, sizeof r[i].lot, "lot-%d", i); r[i].pounds = 56 * i; logline("curd lot weighed, pounds", r[i].pounds); }
    pull_back(r, n);
    free(r);
    return 0;
}
""",
    "suar.c": SAN_MAIN + r"""
static void boiler_rota(int n, int **out) { int rota[24]; for (int i = 0; i < 24; i++) rota[i] = n * i; *out = &rota[5]; }
static int *pick(int n) { int *p; boiler_rota(n, &p); return p; }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 4;
    for (int i = 0; i < n; i++) logline("soapboiler at the kettle, hour", i);
    int *p = pick(n);
    logline("rota says", p[1]);
    return 0;
}
""",
    "badfree.c": SAN_MAIN + r"""
struct vat { int gallons; char name[20]; };
static char caustic[24] = "caustic-soda-tank";
static void drain(void *p) { free(p); }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 4;
    struct vat *v = malloc(n * sizeof *v);
    for (int i = 0; i < n; i++) { v[i].gallons = 80 + i; logline("lye vat gallons", v[i].gallons); }
    if (n % 3 == 0) drain(caustic + 8);
    else drain(&v[n / 2].name[0]);
    return 0;
}
""",
    "toobig.c": SAN_MAIN + r"""
static char *grow_ledger(char *p, size_t want) { return realloc(p, want); }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    size_t size = 64;
    char *ledger = malloc(size);
    for (int i = 0; i < n; i++) { size *= 8; logline("ledger of soap sales grown to bytes", (int)(size & 0x7fffffff)); ledger = grow_ledger(ledger, size); }
    ledger = grow_ledger(ledger, (size_t)1 << 41);
    free(ledger);
    return 0;
}
""",
    "toobig2.cpp": r"""
#include <cstdio>
#include <cstdlib>
int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 3;
    for (long i = 0; i < n; i++) fprintf(stderr, "[soapworks] glycerine still batch %ld, %ld gallons recovered\n", i, 20 + 3 * i);
    double *rows = new double[(size_t)n << 40];
    rows[0] = 1;
    delete[] rows;
    return 0;
}
""",
    "tleak.c": SAN_MAIN + r"""
static void *crutcher(void *arg) { long id = (long)arg; logline("crutcher stirring pan", (int)id); return NULL; }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    pthread_t t[64];
    for (long i = 0; i < n; i++) pthread_create(&t[i], NULL, crutcher, (void *)i);
    for (int i = 0; i < n; i++) if (i % 3 == 0) pthread_join(t[i], NULL);
    logline("crutchers started", n);
    return 0;
}
""",
    "race.c": SAN_MAIN + r"""
static long bars_cut;
static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
static void *slabber(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < 50; i++) {
        pthread_mutex_lock(&b); pthread_mutex_lock(&a); bars_cut += 2; pthread_mutex_unlock(&a); pthread_mutex_unlock(&b);
        if (id % 3 == 0) bars_cut++;
    }
    return NULL;
}
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    pthread_t t[32];
    pthread_mutex_lock(&a); pthread_mutex_lock(&b); logline("slab table set, bars", (int)bars_cut); pthread_mutex_unlock(&b); pthread_mutex_unlock(&a);
    for (long i = 0; i < n; i++) pthread_create(&t[i], NULL, slabber, (void *)i);
    for (int i = 0; i < n; i++) pthread_join(t[i], NULL);
    printf("bars cut: %ld\n", bars_cut);
    return 0;
}
""",
}

ABORTS = {
    "interior.c": r"""
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    char *wrap = malloc(96);
    for (int i = 0; i < 16; i++) fprintf(stderr, "[soapworks] wrapping room: %d dozen tablets papered\n", 12 + i);
    fprintf(stderr, "[soapworks] releasing the wrapper roll\n");
    free(wrap + 16);
    return 0;
}
""",
    "restack.c": r"""
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    char order[32] = "order";
    for (int i = 0; i < 14; i++) fprintf(stderr, "[soapworks] order %d: %d boxes of yellow soap\n", i, 3 + i);
    fprintf(stderr, "[soapworks] extending the order book\n");
    char *more = realloc(order, 256);
    printf("%p\n", (void *)more);
    return 0;
}
""",
    "munmap.c": r"""
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    char *big = malloc(1 << 20);
    for (int i = 0; i < 18; i++) fprintf(stderr, "[soapworks] fat store tank %d: %d cwt of tallow\n", i, 40 + 2 * i);
    fprintf(stderr, "[soapworks] closing the fat store ledger\n");
    free(big + 64);
    return 0;
}
""",
    "nextsize.c": r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    char *lot = malloc(600);
    char *next = malloc(600);
    for (int i = 0; i < 20; i++) fprintf(stderr, "[soapworks] settling tank %d: nigre layer %d inches\n", i, 2 + i % 5);
    memset(lot, 'n', 640);
    fprintf(stderr, "[soapworks] nigre drawn off\n");
    free(lot);
    free(next);
    return 0;
}
""",
    "fortify.c": r"""
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    char label[20];
    int n = argc > 1 ? atoi(argv[1]) : 9;
    for (int i = 0; i < 15; i++) fprintf(stderr, "[soapworks] stamping press %d: %d tablets stamped\n", i, 500 + 25 * i);
    sprintf(label, "SOAPWORKS-PRIMROSE-%d-%d", n * 1000003, n);
    puts(label);
    return 0;
}
""",
    "smash.c": r"""
#include <stdio.h>
#include <string.h>
static void copy_recipe(const char *src, size_t n) { char r[16]; memcpy(r, src, n); fprintf(stderr, "recipe %.4s\n", r); }
int main(void) {
    const char *recipe = "tallow 60 rosin 25 palm 15 lye to strength, boil three days, fit, settle, frame";
    for (int i = 0; i < 13; i++) fprintf(stderr, "[soapworks] curd kettle %d: boil %d, graining with salt\n", i, i + 1);
    for (size_t n = 8; n <= 64; n += 8) { fprintf(stderr, "[soapworks] copying %zu bytes of the recipe\n", n); copy_recipe(recipe, n); }
    return 0;
}
""",
}

UB_KINDS = [
    "int {f}(int x) {{ int a = 65536 * (x + 1); return a * 40000; }}",
    "int {f}(int x) {{ int s = -x; return 1024 << s; }}",
    "int {f}(int x) {{ int m = -2147483600; return m - x * 100; }}",
    "int {f}(int x) {{ unsigned char raw = (unsigned char)(x + 2); _Bool b; memcpy(&b, &raw, 1); return b ? 1 : 0; }}",
    "enum lye {{ WEAK, STRONG }}; int {f}(int x) {{ int raw = x + 7; enum lye e; memcpy(&e, &raw, sizeof e); "
    "return e == STRONG; }}",
    "int {f}(int x) {{ char buf[24]; long *p = (long *)(buf + 3); *p = x; return (int)*p; }}",
    "int {f}(int x) {{ int bars[5] = {{0}}; return bars[x + 5]; }}",
    "int {f}(int x) {{ char *p = (char *)(unsigned long)(x + 1); p -= 16; return p != 0; }}",
    "int {f}(int x) {{ float fl = -3e10f * (x + 1); return (int)fl; }}",
]


def ubsan_src(n: int, seed: int) -> str:
    rng = random.Random(seed)
    out = ["#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", ""]
    calls, enum_done = [], False
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        f = f"{w}_gauge_{i:02d}"
        k = rng.choice(UB_KINDS)
        if k.startswith("enum"):
            k = k.replace("enum lye {{ WEAK, STRONG }}; ", "") if enum_done else k
            enum_done = True
        out.append(k.format(f=f))
        calls.append(f"    fprintf(stderr, \"[soapworks] {w} gauge {i}: %d\\n\", {f}(argc + {i % 5}));")
    out.append("int main(int argc, char **argv) {")
    out += calls
    out.append(f"    fprintf(stderr, \"[soapworks] {n} gauges read\\n\");\n    return 0;\n}}")
    return "\n".join(out) + "\n"


def cov_src(n: int, seed: int) -> str:
    rng = random.Random(seed)
    funcs, calls = [], []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        f = f"{w}_yield_{i:02d}"
        funcs.append(f"static long {f}(int x) {{\n    if (x % {rng.randint(2, 7)} == 1)\n        return x + {i};\n"
                     f"    for (int k = 0; k < x % 3; k++)\n        x += k;\n    return x > {rng.randint(20, 60)} ? -x : {i};\n}}")
        if rng.random() < 0.5:
            calls.append(f"        total += {f}(i);")
        else:
            calls.append(f"        if (n < 0) total += {f}(i);")
    return w604.COV.format(funcs="\n".join(funcs), calls="\n".join(calls)).replace("gasworks", SW)


# ------------------------------------------------------------------ steps

ASAN_ENV = {"ASAN_OPTIONS": "detect_leaks=0", "UBSAN_OPTIONS": None, "TSAN_OPTIONS": None}


def sanitizers(tmp: Path) -> None:
    d = tmp / SW / "san"
    write_tree(d, PROGS)
    for src, flags in [("mismatch.cpp", "-fsanitize=address"), ("mismatch2.cpp", "-fsanitize=address"),
                       ("overlap.c", "-fsanitize=address -fno-builtin"), ("suar.c", "-fsanitize=address"),
                       ("badfree.c", "-fsanitize=address"), ("toobig.c", "-fsanitize=address"),
                       ("toobig2.cpp", "-fsanitize=address"), ("tleak.c", "-fsanitize=thread -pthread")]:
        cc = "g++" if src.endswith(".cpp") else "gcc"
        exe = src.split(".")[0]
        print(run(f"nice timeout 120 {cc} -g -O0 {flags} -o {exe} {src}", cwd=d, timeout=150), end="")
    plan = [("mismatch", n_asan, [9, 220]), ("mismatch2", n_asan, [500]), ("overlap", n_asan_memcpy, [7, 260]),
            ("suar", n_asan_suar, [6, 380]), ("badfree", n_asan_badfree, [3, 95, 170]),
            ("toobig", n_asan_toobig, [2]), ("toobig2", n_asan_toobig, [300]), ("tleak", n_tsan_leak, [4, 13, 30])]
    for exe, ext, args in plan:
        for a in args:
            env = dict(ASAN_ENV)
            if exe == "suar":
                env["ASAN_OPTIONS"] = "detect_leaks=0:detect_stack_use_after_return=1"
            if exe == "tleak":
                env["ASAN_OPTIONS"] = None
            cap(f"{exe}-{a}", f"./{exe} {a}", d, ext, timeout=120, env=env)


def ubsan(tmp: Path) -> None:
    d = tmp / SW / "ub"
    d.mkdir(parents=True, exist_ok=True)
    for n, seed in [(16, SEED + 1), (55, SEED + 2), (120, SEED + 3)]:
        (d / f"gauges{n}.c").write_text(ubsan_src(n, seed))
        print(run(f"nice timeout 200 gcc -g -O0 -w -fsanitize=undefined -fsanitize=float-cast-overflow "
                  f"-o gauges{n} gauges{n}.c", cwd=d, timeout=220), end="")
        cap(f"ubsan-{n}", f"UBSAN_OPTIONS=print_stacktrace=1 ./gauges{n}", d, n_ubsan, timeout=120,
            env={"UBSAN_OPTIONS": "print_stacktrace=1"})


def aborts(tmp: Path) -> None:
    d = tmp / SW / "abort"
    write_tree(d, ABORTS)
    flags = {"interior.c": "-O0", "restack.c": "-O0", "munmap.c": "-O0", "nextsize.c": "-O0",
             "fortify.c": "-O2 -D_FORTIFY_SOURCE=2", "smash.c": "-O0 -fstack-protector-all"}
    for src, fl in flags.items():
        exe = src.split(".")[0]
        print(run(f"nice timeout 120 gcc -g -w {fl} -o {exe} {src}", cwd=d, timeout=150), end="")
        cap(f"abort-{exe}", f"./{exe}; echo exit=$?", d, n_glibc, timeout=60)


def gcc_json(tmp: Path) -> None:
    root = tmp / SW / "tree"
    names = soapworks_tree(root, 36, SEED)
    for tag, sel in [("a", names[:6]), ("b", names[6:15]), ("c", names[15:31])]:
        files = " ".join(sel)
        cap(f"gcc-json-{tag}", f"for f in {files}; do gcc -c -Wall -Wextra -fdiagnostics-format=json $f "
            f"-o /dev/null 2>&1 | python3 -m json.tool; done", root, n_gcc_json, timeout=300)
    for tag, sel in [("a", names[:2]), ("b", names[2:8]), ("c", names[8:17]), ("d", names[17:22])]:
        ok = [s for s in sel if "lye_factor" not in (root / s).read_text()]
        files = " ".join(ok)
        cap(f"analyzer-json-{tag}", f"for f in {files}; do gcc -c -fanalyzer -fdiagnostics-format=json $f "
            f"-o /dev/null 2>&1 | python3 -m json.tool; done", root, n_gcc_analyzer_json, timeout=400)


def cppcheck(tmp: Path) -> None:
    root = tmp / SW / "tree"
    names = sorted(p.relative_to(root).as_posix() for p in (root / "src").glob("*.c"))
    for tag, sel in [("a", names[:4]), ("b", names[4:14]), ("c", names[14:32])]:
        files = " ".join(sel)
        cap(f"cppcheck-xml-{tag}", f"cppcheck --enable=all --inconclusive --xml {files} 2>&1 >/dev/null",
            root, n_cppcheck_xml, timeout=400)
    for tag, sel in [("a", names[:3]), ("b", names[3:15]), ("c", names[15:36])]:
        files = " ".join(sel)
        cap(f"cppcheck-psv-{tag}", f"cppcheck -q --enable=all --template='{{severity}}|{{id}}|{{file}}|{{line}}|"
            f"{{message}}' {files}", root, n_cppcheck_psv, timeout=400)
    for tag, sel in [("a", names[:5]), ("b", names[5:21]), ("c", names)]:
        files = " ".join(sel)
        cap(f"flawfinder-csv-{tag}", f"flawfinder --csv {files}", root, n_flawfinder_csv, timeout=200)


def helgrind(tmp: Path) -> None:
    d = tmp / SW / "san"
    print(run("nice timeout 120 gcc -g -O0 -pthread -o race race.c", cwd=d, timeout=150), end="")
    for a in (2, 3, 6):
        cap(f"helgrind-xml-{a}", f"valgrind --tool=helgrind --xml=yes --xml-fd=1 --log-file=/dev/null ./race {a}",
            d, n_helgrind_xml, timeout=300)


def gcov(tmp: Path) -> None:
    d = tmp / SW / "cov"
    d.mkdir(parents=True, exist_ok=True)
    for n, seed in [(6, SEED + 11), (22, SEED + 12), (44, SEED + 13)]:
        (d / f"soap{n}.c").write_text(cov_src(n, seed))
        run(f"nice timeout 200 gcc --coverage -O0 -o soap{n} soap{n}.c && ./soap{n} 30", cwd=d, timeout=220)
        cap(f"gcov-json-{n}", f"gcov --json-format --stdout soap{n}.c | python3 -m json.tool", d, n_gcov_json,
            timeout=120)


def ensure_tools() -> None:
    cm.ensure_apt("cppcheck", "cppcheck")
    cm.ensure_apt("flawfinder", "flawfinder")


STEPS = [sanitizers, ubsan, aborts, gcc_json, cppcheck, helgrind, gcov]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    w604.drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide611", sys.modules["__main__"])
    main()
