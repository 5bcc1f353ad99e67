"""Round 125, emscripten and binaryen: `quarry`, a rock-sample assay library written here in C (a sample table, grade
statistics, a registry of assay functions) widened by a seeded generator to 120 assay modules with the warnings a real
tree carries (unused variables, sign comparisons, fall-through, constant conversions, format mismatches, assignments
in conditions, maybe-uninitialised values, pointer-sign mismatches); a `QUARRY_BROKEN` variant puts compile errors in a
few modules. Built with Debian's emcc through make, linked with undefined and duplicate symbols on purpose, its
-sASSERTIONS builds run under node until they abort (a failed assert, abort(), stack overflow, memory exhausted, a null
function pointer, an out-of-bounds store); its modules measured with `wasm-opt --metrics`, broken modules given to
binaryen's validator, and exports pruned by `wasm-metadce`. The extractors below apply NEEDLES.md's "Round 125" rules.
Run through capture_wide125.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import any_of, groups, kind, mask, run, write_tree
from capture_wide125 import cap, shell_extra

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 125)

CLANG_DIAG = re.compile(r"^(\S+?\.(?:c|h|cc|cpp|hpp)):\d+:\d+: (error|warning|fatal error): (.*?)(?: \[(-W[^\]]+)\])?$")


@kind("emcc-build", "build")
def n_emcc_build(lines):
    """Round 125: every error / fatal error line; warnings one {"any"} per (-W flag, file); every emcc: error: line, emcc: warning: lines one {"any"} per shape; the `N warnings (and M errors) generated.` lines one {"any"}; make *** and EXIT=N lines."""
    out, pairs, gen = [], [], []
    for ln in lines:
        m = CLANG_DIAG.match(ln)
        if m and m.group(2) != "warning":
            out.append(ln)
        elif m:
            pairs.append(((m.group(4) or mask(m.group(3)), m.group(1)), ln))
        elif re.match(r"^(emcc|em\+\+): error:", ln):
            out.append(ln)
        elif re.match(r"^(emcc|em\+\+): warning:", ln):
            pairs.append((("emcc-warning", mask(ln)), ln))
        elif re.match(r"^\d+ warnings? (and \d+ errors? )?generated\.$|^\d+ errors? generated\.$", ln):
            gen.append(ln)
    return out + groups(pairs) + [any_of(gen)] + shell_extra(lines)


@kind("emcc-link-error", "build")
def n_emcc_link(lines):
    """Round 125: every wasm-ld error line, every `>>> defined in` line under a duplicate symbol, every `error: undefined symbol:` line, the emcc: error: … failed line, rule 1's Error: lines; warnings one {"any"} per message shape; EXIT=N lines."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^wasm-ld(-\d+)?: error:", ln) or re.match(r"^error: undefined symbol:", ln) \
                or re.match(r"^(emcc|em\+\+): error:", ln) or re.match(r"^Error: ", ln):
            out.append(ln)
        elif ln.startswith(">>> defined in"):
            out.append(ln)
        elif re.match(r"^(wasm-ld(-\d+)?: |emcc: )?warning:", ln):
            # the symbol names are the shape's variable part
            pairs.append((re.sub(r"_?\b\w*_\w+\b", "<sym>", mask(ln)), ln))
    return out + groups(pairs) + shell_extra(lines)


@kind("emcc-version", "build")
def n_emcc_version(lines):
    """Round 125: the emcc (Emscripten …) X.Y.Z line, the clang version, Target: and InstalledDir: lines, every shared:WARNING / emcc: warning / error line; EXIT=N lines."""
    return [ln for ln in lines if re.match(r"^emcc \(Emscripten", ln) or re.search(r"clang version \d", ln)
            or re.match(r"^(Target|InstalledDir):", ln) or "shared:WARNING" in ln or re.match(r"^emcc: (warning|error)", ln)
            or re.search(r"\berror\b", ln, re.I) and not ln.startswith(" ")] + shell_extra(lines)


@kind("emscripten-abort", "log")
def n_em_abort(lines):
    """Round 125: every Aborted(…) and Assertion failed line, every RuntimeError:/Error: line, the first wasm frame and the first frame in the program's own .js, the program's last line before the abort, Node.js v…; EXIT=N lines."""
    out = [ln for ln in lines if "Aborted(" in ln or "Assertion failed" in ln
           or re.match(r"^\s*(\w*Error|RuntimeError): ", ln) or ln.startswith("Node.js v")]
    frames = [ln for ln in lines if re.match(r"^\s+at ", ln)]
    wasm = [ln for ln in frames if "wasm://" in ln or "wasm-function" in ln or re.search(r"\.wasm\.\w", ln)]
    own = [ln for ln in frames if re.search(r"/build/[\w.-]+\.js:\d+", ln) and "wasm://" not in ln]
    out += wasm[:1] + own[:1]
    first_fault = next((i for i, ln in enumerate(lines) if "Aborted(" in ln or "Assertion failed" in ln
                        or re.match(r"^/\S+\.js:\d+$", ln)), None)
    if first_fault:
        prog = [ln for ln in lines[:first_fault] if ln.strip()]
        out += prog[-1:]
    return out + shell_extra(lines)


def _metric_blocks(lines):
    blocks, cur = [], None
    for ln in lines:
        if re.match(r"^(total|global|func: .*)$", ln):
            cur = []
            blocks.append(cur)
        elif cur is not None and re.match(r"^ (\[[\w-]+\]|\w+)\s+: ", ln):
            cur.append(ln)
    return blocks


@kind("wasm-opt-metrics", "table")
def n_wasm_opt_metrics(lines):
    """Round 125: every bracketed total line of every metrics block, and the three operator rows with the largest counts of each block; EXIT=N lines."""
    out = []
    for b in _metric_blocks(lines):
        out += [ln for ln in b if ln.startswith(" [")]
        ops = []
        for ln in b:
            m = re.match(r"^ (\w+)\s+: (\d+)", ln)
            if m:
                ops.append((int(m.group(2)), ln))
        out += [ln for _, ln in sorted(ops, key=lambda r: -r[0])[:3]]
    return out + shell_extra(lines)


@kind("binaryen-validate", "build")
def n_binaryen_validate(lines):
    """Round 125: every [wasm-validator error in function …] line, every Fatal: line, every [parse exception: …] / error: line; EXIT=N lines."""
    return [ln for ln in lines if "[wasm-validator error" in ln or ln.startswith("Fatal:") or "parse exception" in ln
            or re.search(r"\berror:", ln)] + shell_extra(lines)


@kind("wasm-metadce", "listing")
def n_wasm_metadce(lines):
    """Round 125: every `unused: <name>` line, every Fatal: / error / warning line; EXIT=N lines."""
    return [ln for ln in lines if re.match(r"^\s*unused: ", ln) or ln.startswith("Fatal:")
            or re.search(r"\b(error|warning)\b", ln, re.I)] + shell_extra(lines)


# ------------------------------------------------------------------ the project

QUARRY_H = """#ifndef QUARRY_H
#define QUARRY_H
#include <stddef.h>
#include <stdint.h>
typedef struct { int id; double grade_gpt; int depth_m; char lith[8]; unsigned flags; } sample_t;
typedef double (*assay_fn)(const sample_t *s, int n, unsigned flags);
typedef struct { const char *name; assay_fn fn; } assay_t;
extern const assay_t ASSAYS[];
extern const int N_ASSAYS;
int load_samples(sample_t *out, int max, unsigned seed);
double sample_mean(const sample_t *s, int n);
double sample_stddev(const sample_t *s, int n);
int sample_find(const sample_t *s, int n, int id);
double weighted_grade(const sample_t *s, int n, int from_m, int to_m);
void report_line(const char *name, double v);
#endif
"""

SAMPLE_C = r"""#include <math.h>
#include <stdio.h>
#include <string.h>
#include "quarry.h"

static const char *LITHS[] = {"granite", "basalt", "schist", "gneiss", "shale", "quartz"};

int load_samples(sample_t *out, int max, unsigned seed) {
    unsigned x = seed ? seed : 1;
    for (int i = 0; i < max; i++) {
        x = x * 1103515245u + 12345u;
        out[i].id = 1000 + i;
        out[i].grade_gpt = (double)((x >> 8) % 9000) / 1000.0;
        out[i].depth_m = 5 + (int)((x >> 4) % 400);
        strncpy(out[i].lith, LITHS[(x >> 12) % 6], sizeof out[i].lith);
        out[i].flags = (x >> 20) & 7u;
    }
    return max;
}

double sample_mean(const sample_t *s, int n) {
    double t = 0;
    for (int i = 0; i < n; i++) t += s[i].grade_gpt;
    return t / n;
}

double sample_stddev(const sample_t *s, int n) {
    double m = sample_mean(s, n), t = 0;
    for (int i = 0; i < n; i++) t += (s[i].grade_gpt - m) * (s[i].grade_gpt - m);
    return sqrt(t / (n - 1));
}

int sample_find(const sample_t *s, int n, int id) {
    int lo = 0, hi = n;               /* bug: hi should be n - 1 */
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (s[mid].id == id) return mid;
        if (s[mid].id < id) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
}

double weighted_grade(const sample_t *s, int n, int from_m, int to_m) {
    double num = 0, den = 0;
    for (int i = 0; i < n; i++)
        if (s[i].depth_m >= from_m && s[i].depth_m < to_m) { num += s[i].grade_gpt * 2.0; den += 2.0; }
    return num / den;
}

void report_line(const char *name, double v) { printf("assay %-28s %10.4f\n", name, v); }
"""

MAIN_C = r"""#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "quarry.h"

#ifndef SCENARIO
#define SCENARIO 0
#endif

#define N_SAMPLES 400
static sample_t samples[N_SAMPLES];
static char *volatile cache[64];

static unsigned core_depth(unsigned d) {       /* recursion per metre of core: a stack overflow on deep holes */
    volatile char scratch[512];
    scratch[d % 512] = (char)d;
    return d == 0 ? scratch[0] : core_depth(d - 1) + (unsigned)scratch[d % 512];
}

int main(int argc, char **argv) {
    (void)argc; (void)argv;
    int n = load_samples(samples, N_SAMPLES, 1250);
    printf("quarry 0.4.1: %d samples loaded, mean grade %.3f g/t, sd %.3f\n", n, sample_mean(samples, n),
           sample_stddev(samples, n));
    int limit = SCENARIO == 0 ? N_ASSAYS : (SCENARIO == 1 ? 150 : 60);
    for (int i = 0; i < limit && i < N_ASSAYS; i++)
        report_line(ASSAYS[i].name, ASSAYS[i].fn(samples, n, (unsigned)i));
    printf("bench 0-50 m: %.4f g/t\n", weighted_grade(samples, n, 0, 50));
#if SCENARIO == 1
    int at = sample_find(samples, n, 1000 + N_SAMPLES);
    printf("lookup of sample %d -> index %d\n", 1000 + N_SAMPLES, at);
    assert(at == -1 || samples[at].id == 1000 + N_SAMPLES);
    double g = weighted_grade(samples, n, 900, 1000);
    assert(g == g && "no samples below 900 m");
#elif SCENARIO == 2
    if (samples[7].flags > 8) printf("unreachable\n");
    fprintf(stderr, "quarry: sample table checksum mismatch (want 0x5a17, got 0x%04x)\n", (unsigned)samples[7].id * 31u);
    abort();
#elif SCENARIO == 3
    for (unsigned d = 100; d <= 100000; d *= 10) printf("core depth %u m -> %u\n", d, core_depth(d));
#elif SCENARIO == 4
    size_t total = 0;
    for (int k = 0; k < 64; k++) {
        char *blk = malloc(1u << 20);
        cache[k] = blk;
        total += 1u << 20;
        printf("assay cache block %d allocated (%zu MiB)\n", k, total >> 20);
        memset(blk, k, 1u << 20);
    }
#elif SCENARIO == 5
    assay_fn fn = NULL;
    for (int i = 0; i < N_ASSAYS; i++) if (strcmp(ASSAYS[i].name, "assay_legacy_fire") == 0) fn = ASSAYS[i].fn;
    printf("running legacy fire assay\n");
    printf("%f\n", fn(samples, n, 0));
#elif SCENARIO == 6
    volatile double *dst = (volatile double *)(uintptr_t)0xFFFFFF00u;
    printf("copying sample grades to the export buffer at %p\n", (void *)dst);
    for (int i = 0; i < n; i++) dst[i] = samples[i].grade_gpt;
#endif
    printf("done\n");
    return 0;
}
"""

DUP_C = """#include "quarry.h"
/* an older copy of the statistics, left in the tree */
double sample_mean(const sample_t *s, int n) { double t = 0; for (int i = 0; i < n; i++) t += s[i].grade_gpt; return t / n; }
double weighted_grade(const sample_t *s, int n, int from_m, int to_m) { (void)from_m; (void)to_m; return sample_mean(s, n); }
void report_line(const char *name, double v) { (void)name; (void)v; }
"""

WORDS = ["fire", "acid", "xrf", "icp", "leach", "cyanide", "gravity", "flot", "screen", "bulk", "split", "blank",
         "dup", "std", "ore", "waste", "vein", "stock", "halo", "assay"]


def gen_module(k: int) -> tuple[str, list[str]]:
    """One assay module: 3-6 functions, some with the warnings a real tree carries; QUARRY_BROKEN puts errors in a few."""
    rnd = random.Random(12500 + k)
    fns, names = [], []
    for j in range(rnd.randint(3, 6)):
        name = f"assay_{rnd.choice(WORDS)}_{k:03d}_{j}"
        names.append(name)
        w = rnd.random()
        b = [f"double {name}(const sample_t *s, int n, unsigned flags) {{"]
        if w < 0.08:
            b.append("    int spare;")
        b.append("    double acc = 0.0;")
        if 0.08 <= w < 0.14:
            b.append("    for (unsigned i = 0; i < n; i++) acc += s[i].grade_gpt;")
        else:
            b.append(f"    for (int i = 0; i < n; i++) if (s[i].depth_m % {rnd.randint(2, 9)} == (int)(flags & 1)) "
                     f"acc += s[i].grade_gpt * {rnd.randint(1, 40) / 10:.1f};")
        if 0.14 <= w < 0.20:
            b.append("    switch (flags & 3) {\n    case 0: acc *= 0.5;\n    case 1: acc += 1.0; break;\n"
                     "    default: break;\n    }")
        if 0.20 <= w < 0.25:
            b.append(f"    short trunc = {rnd.choice([70000, 99999, 123456])};\n    acc += trunc;")
        if 0.25 <= w < 0.30:
            b.append('    if (n > 0) printf("%s: first depth %d\\n", __func__, s[0].grade_gpt);')
        if 0.30 <= w < 0.35:
            b.append("    int hits;\n    if (hits = n) acc /= hits;")
        if 0.35 <= w < 0.40:
            b.append("    double k;\n    if (n > 3) k = 1.5;\n    acc *= k;")
        if 0.40 <= w < 0.44:
            b.append("    unsigned char *code = s[0].lith;\n    acc += code[0];")
        if 0.44 <= w < 0.47:
            b[0] = b[0].replace("unsigned flags", "unsigned flags, int strict")
            names[-1] = None
        b.append("    return acc;\n}\n")
        fns.append("\n".join(b))
    src = '#include <stdio.h>\n#include "quarry.h"\n\n' + "\n".join(fns)
    if k % 23 == 5:
        src += ("\n#ifdef QUARRY_BROKEN\n"
                f"double assay_check_{k:03d}(const sample_t *s, int n) {{\n"
                "    double t = s->grade_ppm * n;\n"
                f"    t += tonnage_factor(s);\n"
                f"    return sample_mean(s) + t;\n}}\n"
                f"int assay_rank_{k:03d}(const sample_t *s) {{ sample_t copy = *s; int r = copy; return r + undeclared_bias; }}\n"
                "#endif\n")
    return src, [x for x in names if x]


def registry_c(all_names: list[str]) -> str:
    decl = "".join(f"double {x}(const sample_t *s, int n, unsigned flags);\n" for x in all_names)
    rows = ",\n    ".join(f'{{"{x}", {x}}}' for x in all_names)
    return (f'#include "quarry.h"\n{decl}\nconst assay_t ASSAYS[] = {{\n    {rows},\n    {{"assay_legacy_fire", 0}}\n}};\n'
            f"const int N_ASSAYS = {len(all_names) + 1};\n")


MAKEFILE = """CC = emcc
CFLAGS = -Wall -Wextra -Wimplicit-fallthrough -O1 -Iinclude $(EXTRA)
LDFLAGS = -sASSERTIONS -sWASM_ASYNC_COMPILATION=0 $(LDEXTRA)
SRCS = $(wildcard src/*.c) $(wildcard src/assay/*.c)
OBJS = $(patsubst src/%.c,build/obj/%.o,$(SRCS))

all: build/quarry.js

build/quarry.js: $(OBJS)
\t$(CC) $(LDFLAGS) -o $@ $(OBJS)

build/obj/%.o: src/%.c
\t@mkdir -p $(dir $@)
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build
.PHONY: all clean
"""


def project(tmp: Path) -> Path:
    root = tmp / "quarry"
    files = {"Makefile": MAKEFILE, "include/quarry.h": QUARRY_H, "src/sample.c": SAMPLE_C, "src/main.c": MAIN_C}
    names: list[str] = []
    for k in range(118):
        src, ns = gen_module(k)
        files[f"src/assay/a{k:03d}.c"] = src
        names += ns
    files["src/registry.c"] = registry_c(names)
    files["attic/dup.c"] = DUP_C
    write_tree(root, files)
    return root


def metadce_graph(root: Path, exports: list[str], keep_every: int) -> None:
    """A graph for wasm-metadce: the outside reaches main and every keep_every-th assay export; the rest is unused."""
    nodes = [{"name": "outside", "root": True, "reaches": ["main"] + [e for i, e in enumerate(exports) if i % keep_every == 0]}]
    nodes.append({"name": "main", "export": "main"})
    nodes += [{"name": e, "export": e} for e in exports]
    (root / "build" / "graph.json").write_text(json.dumps(nodes, indent=1))


def quarry(tmp: Path) -> None:
    root = project(tmp)
    # the first build, as an agent watches it: only the tail
    cap("make-j2-tail-80", "make -j2 2>&1 | tail -n 80", root, n_emcc_build, timeout=900)
    run("make clean", cwd=root)
    cap("make-k-broken-full", "make -j2 -k EXTRA=-DQUARRY_BROKEN 2>&1; echo EXIT=$?", root, n_emcc_build, timeout=900)
    cap("make-broken-grep-error", "make -k EXTRA=-DQUARRY_BROKEN 2>&1 | grep -E 'error|\\*\\*\\*'", root, n_emcc_build,
        timeout=900)
    run("make clean && make -j2", cwd=root, timeout=900)
    cap("emcc-weverything-head-150", "emcc -Weverything -Iinclude -c src/sample.c src/main.c src/assay/a00*.c 2>&1 | "
        "head -n 150", root, n_emcc_build)
    cap("emcc-v-compile", "emcc -v -O2 -Iinclude -c src/sample.c -o build/sample_v.o 2>&1", root, n_emcc_version)
    cap("emcc-version-chain", "emcc --version && emcc -v; echo EXIT=$?", root, n_emcc_version)
    # link faults put in on purpose
    objs_core = "build/obj/main.o build/obj/sample.o build/obj/registry.o"
    cap("emcc-link-missing-assays", f"emcc -sASSERTIONS {objs_core} build/obj/assay/a0[0-4]*.o -o build/partial.js 2>&1 "
        "| head -n 120", root, n_emcc_link)
    cap("emcc-link-lld-report", f"emcc -sLLD_REPORT_UNDEFINED {objs_core} build/obj/assay/a0*.o -o build/partial.js; "
        "echo EXIT=$?", root, n_emcc_link)
    run("emcc -Iinclude -c attic/dup.c -o build/obj/dup.o", cwd=root)
    cap("emcc-link-duplicate", "emcc -sASSERTIONS build/obj/*.o build/obj/assay/*.o -o build/dup.js 2>&1 | tail -n 40",
        root, n_emcc_link)
    run("rm -f build/obj/dup.o", cwd=root)
    # runs under node until they abort
    objs = "build/obj/sample.o build/obj/registry.o build/obj/assay/*.o"
    for sc, name, flags in ((1, "assert", "-sASSERTIONS"), (2, "abort", "-sASSERTIONS"),
                            (3, "stack", "-sASSERTIONS -sSTACK_OVERFLOW_CHECK=2 -sTOTAL_STACK=65536 --profiling-funcs"),
                            (4, "oom", "-sASSERTIONS -sINITIAL_MEMORY=33554432"),
                            (5, "nullfn", "-sASSERTIONS --profiling-funcs"), (6, "oob", "-sASSERTIONS -g2")):
        run(f"emcc -O1 -Iinclude -DSCENARIO={sc} -c src/main.c -o build/main_{name}.o && emcc {flags} "
            f"-sWASM_ASYNC_COMPILATION=0 -o build/q_{name}.js build/main_{name}.o {objs}", cwd=root, timeout=300)
    cap("node-assert", "node build/q_assert.js; echo EXIT=$?", root, n_em_abort)
    cap("node-abort-tail-40", "node build/q_abort.js 2>&1 | tail -n 40", root, n_em_abort)
    cap("node-stack-overflow", "node build/q_stack.js; echo EXIT=$?", root, n_em_abort)
    cap("node-oom-tail", "node build/q_oom.js 2>&1 | tail -n 60; echo EXIT=$?", root, n_em_abort)
    cap("node-oob-store", "node build/q_oob.js; echo EXIT=$?", root, n_em_abort)
    # binaryen: metrics, validation, metadce
    cap("wasm-opt-metrics", "wasm-opt --metrics build/quarry.wasm -o /dev/null", root, n_wasm_opt_metrics)
    cap("wasm-opt-metrics-O3", "wasm-opt build/quarry.wasm --metrics -O3 --metrics -o build/quarry.O3.wasm", root,
        n_wasm_opt_metrics)
    cap("wasm-opt-func-metrics-head", "wasm-opt --func-metrics build/q_nullfn.wasm -o /dev/null 2>&1 | head -n 300",
        root, n_wasm_opt_metrics)
    names = re.findall(r'\{"(assay_\w+)", assay_', (root / "src/registry.c").read_text())
    exp = ",".join(f"_{x}" for x in ["main"] + names[:260])
    run(f"emcc -O1 -sEXPORTED_FUNCTIONS={exp} -o build/lib.js build/obj/*.o build/obj/assay/*.o", cwd=root, timeout=300)
    metadce_graph(root, names[:260], 7)
    cap("wasm-metadce", "wasm-metadce build/lib.wasm --graph-file build/graph.json -o build/lib.dce.wasm", root,
        n_wasm_metadce)
    metadce_graph(root, names[:260], 3)
    cap("wasm-metadce-sort-head", "wasm-metadce build/lib.wasm --graph-file build/graph.json -o build/lib.dce.wasm "
        "2>&1 | sort | head -n 80; echo EXIT=$?", root, n_wasm_metadce)


def broken_wat(n: int, seed: int) -> str:
    """A module of n small functions, about one in five with a type mistake binaryen's validator reports."""
    rnd = random.Random(seed)
    out = ["(module", '  (memory (export "memory") 1)', '  (global $total (mut i32) (i32.const 0))']
    for k in range(n):
        w = rnd.random()
        name = f"$grade_{k:03d}"
        if w < 0.07:
            body = "local.get 0 f64.const 1.5 i32.add"
        elif w < 0.13:
            body = "local.get 0 i64.extend_i32_s"
        elif w < 0.18:
            body = "local.get 0 f32.load"
        elif w < 0.22:
            body = "f64.const 2 global.set $total local.get 0"
        else:
            body = f"local.get 0 i32.const {rnd.randint(1, 99)} i32.mul global.get $total i32.add"
        out.append(f'  (func {name} (export "grade_{k:03d}") (param i32) (result i32) {body})')
    out.append(")")
    return "\n".join(out) + "\n"


def binaryen_validate(tmp: Path) -> None:
    root = tmp / "badwasm"
    write_tree(root, {"grades.wat": broken_wat(160, 1251), "small.wat": broken_wat(30, 1252)})
    run("wat2wasm --no-check --debug-names grades.wat -o grades.wasm && wat2wasm --no-check small.wat -o small.wasm",
        cwd=root)
    cap("wasm-opt-O2-invalid", "wasm-opt -O2 grades.wasm -o grades.opt.wasm; echo EXIT=$?", root, n_binaryen_validate)
    cap("wasm-opt-invalid-head", "wasm-opt --metrics small.wasm 2>&1 | head -n 60", root, n_binaryen_validate)
    run("head -c 900 grades.wasm > truncated.wasm", cwd=root)
    cap("wasm-opt-loop-modules", "for f in small.wasm truncated.wasm grades.wasm; do echo \"== $f\"; wasm-opt \"$f\" "
        "-o /dev/null 2>&1 | head -n 30; done; wasm-as small.wat -o small2.wasm; echo EXIT=$?", root, n_binaryen_validate)


STEPS = [quarry, binaryen_validate]
