"""Round 95's native toolchains: a rain-gauge logger in C built with tcc, a WebAssembly checksum module in text format
run through WABT (wat2wasm, wasm-validate, wasm-objdump), and a weather-packet decoder in C built with clang-14 for
coverage (llvm-cov show / report), debug info (llvm-dwarfdump) and optimisation remarks, written here with bugs put in
and widened by seeded generators, with the extractors of NEEDLES.md's "Round 95" rules. Run through capture_wide95.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, next_match, run, write_tree
from capture_wide95 import cap

EXIT = r"^EXIT=\d+"


def _exit(lines):
    return [ln for ln in lines if re.match(EXIT, ln)]


# ------------------------------------------------------------------ extractors

@kind("tcc-compile", "build")
def n_tcc(lines):
    """every error: line and tcc: error: line; warning: lines one any per (shape, file); a -run crash/assert line; EXIT="""
    out, warns = [], []
    for ln in lines:
        if re.search(r":\d+: error: |^tcc: error: |Assertion .* failed|Segmentation fault|^Aborted", ln):
            out.append(ln)
        elif m := re.match(r"(\S+?):\d+: warning: (.*)", ln):
            warns.append(((mask(m.group(2)), m.group(1)), ln))
    return out + groups(warns) + _exit(lines)


@kind("wat2wasm-error", "build")
def n_wat2wasm(lines):
    """every error: line (file.wat:line:col: error: …), not the caret lines; EXIT="""
    return [ln for ln in lines if re.search(r"\berror: ", ln)] + _exit(lines)


@kind("wasm-validate", "build")
def n_wasm_validate(lines):
    """every error: line (file.wasm:offset: error: …); EXIT="""
    return [ln for ln in lines if re.search(r"\berror: ", ln)] + _exit(lines)


@kind("wasm-objdump", "listing")
def n_wasm_objdump(lines):
    """section header lines (Type[N]: …) or -h rows; every export line; Start/Memory/Global lines; the file format line"""
    out = []
    for ln in lines:
        if re.search(r"file format wasm", ln) or re.match(r"\w+\[\d+\]:$", ln) \
                or re.match(r"\s*\w+ start=0x[0-9a-f]+ end=0x[0-9a-f]+ \(size=", ln) \
                or re.match(r"\s*- (func|memory|global|table)\[\d+\] .*-> \"", ln) \
                or re.match(r"\s*- (memory|global)\[\d+\]", ln) or re.match(r"\s*- start function:", ln) \
                or re.match(r"Start:|Memory\[|Global\[", ln):
            out.append(ln)
    return out + [ln for ln in lines if re.search(r"\berror: ", ln)] + _exit(lines)


COV_ROW = re.compile(r"^\s*(\d+)\|\s*([\d.]+[kMG]?)?\|(.*)$")


def _count(s: str) -> float:
    m = re.match(r"([\d.]+)([kMG]?)$", s)
    return float(m.group(1)) * {"": 1, "k": 1e3, "M": 1e6, "G": 1e9}[m.group(2)]


@kind("llvm-cov-show", "code")
def n_llvm_cov_show(lines):
    """count-0 lines one any per function block; the lines of the file's maximum count; ^0 markers one any per function; file/function header lines"""
    zero, marks, rows, out = [], [], [], []
    fn = ""
    for ln in lines:
        m = COV_ROW.match(ln)
        if m:
            src = m.group(3)
            d = re.match(r"(?:static\s+|inline\s+)*[A-Za-z_][\w\s\*]*?\b(\w+)\s*\([^;]*$", src)
            if d and not src.startswith((" ", "\t")) and not re.match(r"(if|for|while|switch|return)\b", src):
                fn = d.group(1)
            if m.group(2):
                c = _count(m.group(2))
                rows.append((c, ln))
                if c == 0:
                    zero.append((fn, ln))
        elif re.match(r"\s*\|\s+\^0", ln) or re.match(r"\s*\|\s*Branch \(\d+:\d+\): \[True: 0, False: 0\]", ln):
            marks.append((fn, ln))
        elif re.match(r"\S.*:$", ln) and not ln.startswith(" "):
            out.append(ln)
    if rows:
        top = max(c for c, _ in rows)
        out += [ln for c, ln in rows if c == top]
    return out + groups(zero) + groups(marks)


@kind("llvm-cov-report", "table")
def n_llvm_cov_report(lines):
    """the column header; rows of the lowest and highest line cover; the TOTAL row; -show-functions rows under 100% line cover one any per file"""
    out, rows, fnrows, cur = [], [], [], ""
    for ln in lines:
        if re.match(r"(Filename|Name)\s+Regions\s", ln) or re.match(r"TOTAL\s", ln):
            out.append(ln)
        elif m := re.match(r"File '(.+)':", ln):
            cur = m.group(1)
            out.append(ln)
        elif re.match(r"\S+\s+\d+\s+\d+\s+[\d.]+%", ln):
            pcts = re.findall(r"([\d.]+)%", ln)
            if cur:
                if len(pcts) >= 2 and float(pcts[1]) < 100:
                    fnrows.append((cur, ln))
            else:
                line_cover = float(pcts[2]) if len(pcts) >= 3 else float(pcts[-1])
                rows.append((line_cover, ln))
    if rows:
        out += [min(rows)[1], max(rows)[1]]
    return out + groups(fnrows) + _exit(lines)


@kind("llvm-dwarfdump", "listing")
def n_llvm_dwarfdump(lines):
    """the file format line; each compile unit's DW_AT_name and DW_AT_producer; each subprogram's DW_AT_name; --statistics count keys; --verify error:/No errors. lines; --debug-line file names"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"file format ", ln) or re.match(r"(No errors\.|Errors detected\.)", ln) or re.search(r"\berror: ", ln):
            out.append(ln)
        elif re.search(r"DW_TAG_compile_unit", ln):
            for k in range(i + 1, min(len(lines), i + 14)):
                if re.search(r"DW_AT_(name|producer)\s", lines[k]):
                    out.append(lines[k])
                if not lines[k].strip():
                    break
        elif re.search(r"DW_TAG_subprogram", ln):
            nm = next_match(lines, i, r"DW_AT_name\s", ahead=8)
            if nm:
                out.append(nm)
        elif re.match(r'\s*"#(functions|source variables|call site entries|variables processed by location statistics)"', ln):
            out.append(ln)
        elif re.match(r"\s*name: \"", ln) or re.match(r"include_directories\[\s*\d+\]", ln):
            out.append(ln)
    return out + _exit(lines)


@kind("clang-remarks", "build")
def n_clang_remarks(lines):
    """remark lines one any per (shape, function; a loop remark's location stands in); warning:/error: lines; N warnings generated"""
    out, rem = [], []
    for ln in lines:
        if m := re.match(r"(\S+?):(\d+):\d+: remark: (.*)", ln):
            into = re.search(r"into '(\w+)'", m.group(3))
            where = into.group(1) if into else f"{m.group(1)}:{m.group(2)}"
            rem.append(((mask(m.group(3)), where), ln))
        elif re.search(r": (warning|error): |^\d+ warnings? (and \d+ errors? )?generated\.|^clang: error", ln):
            out.append(ln)
    return out + groups(rem) + _exit(lines)


# ------------------------------------------------------------------ tcc: a rain-gauge logger

def rain_files(n: int, seed: int, errors: bool) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {"gauge.h": "#ifndef GAUGE_H\n#define GAUGE_H\nstruct tip { unsigned stamp; unsigned short mm10; };\n"
             "int tips_to_mm(const struct tip *t, int n);\nvoid log_line(const char *station, int mm);\n#endif\n"}
    towns = ["brecon", "ystrad", "crickhowell", "talgarth", "llangorse", "sennybridge", "defynnog", "libanus"]
    for i in range(n):
        t = f"{rnd.choice(towns)}_{i:02d}"
        body = ['#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include "gauge.h"', ""]
        body.append(f"static int {t}_total(const struct tip *t, int n) {{")
        body.append("    int mm = 0;")
        body.append("    for (int i = 0; i < n; i++) mm += t[i].mm10;")
        bug = rnd.random()
        if bug < 0.25:
            body.append("    char *label = mm;")  # int to pointer
        if bug > 0.8:
            body.append("    int *p = &t[0].stamp;")  # discarded qualifier / incompatible
        body.append("    return mm / 10;")
        body.append("}")
        body.append("")
        body.append(f"int {t}_report(const struct tip *t, int n) {{")
        body.append(f'    log_line("{t}", {t}_total(t, n));')
        if errors and i % 7 == 3:
            body.append(rnd.choice(["    return total_mm;", "    struct tip x; x.depth = 1; return 0;",
                                    "    return n +;", "    log_line(n);\n    return 0;"]))
        elif rnd.random() < 0.2:
            body.append("    char buf[8];\n    return strlen(buf) - n;")
        else:
            body.append("    return 0;")
        body.append("}")
        files[f"src/{t}.c"] = "\n".join(body) + "\n"
    files["src/main.c"] = ('#include <stdio.h>\n#include <assert.h>\n#include "../gauge.h"\n'
                           "int tips_to_mm(const struct tip *t, int n) { int s = 0; for (int i = 0; i <= n; i++) s += t[i].mm10; return s / 10; }\n"
                           'void log_line(const char *station, int mm) { printf("%-16s %4d mm\\n", station, mm); }\n'
                           "int main(void) {\n    struct tip day[4] = {{1, 2}, {2, 2}, {3, 4}, {4, 2}};\n"
                           '    int mm = tips_to_mm(day, 4);\n    log_line("brecon", mm);\n'
                           "    assert(mm == 1 && \"four tips of 0.2 mm make under 1 mm\");\n    return 0;\n}\n")
    return files


def tcc(tmp: Path) -> None:
    a = tmp / "raingauge"
    write_tree(a, rain_files(60, 9541, errors=True))
    cap("tcc-wall-loop", "for f in src/*.c; do tcc -Wall -I. -c \"$f\" -o /dev/null; done", a, n_tcc)
    cap("tcc-wall-loop-exit", "for f in src/*.c; do tcc -Wall -I. -c \"$f\" -o /dev/null || echo \"FAILED $f\"; done 2>&1 | tail -n 80; echo EXIT=$?",
        a, n_tcc)
    b = tmp / "raingauge-ok"
    write_tree(b, rain_files(40, 9542, errors=False))
    cap("tcc-build-and-run", "tcc -Wall -I. src/*.c -o rain 2>&1; ./rain; echo EXIT=$?", b, n_tcc)
    cap("tcc-run-main", "tcc -Wall -run src/main.c 2>&1; echo EXIT=$?", b, n_tcc)
    cap("tcc-link-missing", "tcc -Wall -I. src/main.c src/brecon_*.c src/ystrad_*.c -o rain2 2>&1; echo EXIT=$?", b, n_tcc)


# ------------------------------------------------------------------ WABT: a checksum module in WebAssembly text

def wat_module(n: int, seed: int, bad: str) -> str:
    rnd = random.Random(seed)
    out = ["(module", '  (import "env" "log" (func $log (param i32)))', "  (memory (export \"mem\") 2)",
           "  (global $seed (mut i32) (i32.const 2166136261))", "  (global $rounds i32 (i32.const 16))"]
    for i in range(n):
        name = f"$crc_{rnd.choice(['adler', 'fletcher', 'fnv', 'xor', 'sum'])}_{i:03d}"
        body = ["    (local $acc i32) (local $i i32)", "    (local.set $acc (global.get $seed))",
                "    (block $done (loop $next",
                "      (br_if $done (i32.ge_u (local.get $i) (local.get $len)))",
                f"      (local.set $acc (i32.xor (i32.mul (local.get $acc) (i32.const {rnd.randint(3, 16777619)}))"
                " (i32.load8_u (i32.add (local.get $ptr) (local.get $i)))))",
                "      (local.set $i (i32.add (local.get $i) (i32.const 1)))", "      (br $next)))"]
        r = rnd.random()
        if bad == "types" and r < 0.1:
            body.append("    (i64.extend_i32_u (local.get $acc))")
        elif bad == "types" and r < 0.16:
            body.append("    (call $log (local.get $acc) (local.get $i))\n    (local.get $acc)")
        elif bad == "names" and r < 0.2:
            body.append("    (local.get $sum)")
        elif bad == "types" and r < 0.23:
            body.append("    (global.set $rounds (local.get $acc))\n    (local.get $acc)")
        else:
            body.append("    (local.get $acc)")
        out.append(f"  (func {name} (export \"{name[1:]}\") (param $ptr i32) (param $len i32) (result i32)")
        out += body
        out.append("  )")
    out.append("  (func $main (call $log (call $crc_total (i32.const 0) (i32.const 64))))" if bad == "names" else
               "  (func $main (call $log (i32.const 0)))")
    out.append("  (start $main)")
    out.append("  (data (i32.const 0) \"checksum-table-v1\")")
    out.append(")")
    return "\n".join(out) + "\n"


def wabt(tmp: Path) -> None:
    a = tmp / "checksum-wasm"
    write_tree(a, {"checksum.wat": wat_module(90, 9551, bad="names"), "typed.wat": wat_module(120, 9553, bad="types"),
                   "good.wat": wat_module(60, 9552, bad="")})
    cap("wat2wasm-checksum-errors", "wat2wasm checksum.wat -o checksum.wasm; echo EXIT=$?", a, n_wat2wasm)
    cap("wat2wasm-type-errors-head-60", "wat2wasm typed.wat 2>&1 | head -n 60", a, n_wat2wasm)
    cap("wat2wasm-type-errors", "wat2wasm typed.wat -o typed.wasm", a, n_wat2wasm)
    run("wat2wasm --no-check typed.wat -o unchecked.wasm; wat2wasm good.wat -o good.wasm", cwd=a)
    cap("wasm-validate-unchecked", "wasm-validate unchecked.wasm; echo EXIT=$?", a, n_wasm_validate)
    cap("wasm-objdump-x-good", "wasm-objdump -x good.wasm", a, n_wasm_objdump)
    cap("wasm-objdump-h-good", "wasm-objdump -h good.wasm unchecked.wasm", a, n_wasm_objdump)


# ------------------------------------------------------------------ LLVM: a weather-packet decoder

def decoder_c(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", "#include <stdint.h>", "",
           "struct packet { uint8_t kind; uint8_t len; uint8_t body[30]; };", "", "static long totals[64];", ""]
    names = []
    for i in range(n):
        q = rnd.choice(["temp", "humidity", "wind", "gust", "rain", "pressure", "uv", "solar", "soil", "battery"])
        nm = f"decode_{q}_{i:02d}"
        names.append(nm)
        scale = rnd.randint(2, 40)
        out += [f"static int {nm}(const struct packet *p)", "{",
                "    int v = 0;",
                "    if (p->len < 2) {",
                f'        fprintf(stderr, "{nm}: short packet\\n");',
                "        return -1;",
                "    }",
                "    for (int i = 0; i < p->len && i < 30; i++) {",
                "        v = v * 31 + p->body[i];",
                "    }",
                f"    if (v % {scale} == 0) {{",
                f"        v /= {scale};",
                "    } else if (v < 0) {",
                "        v = -v;",
                "    }"]
        if rnd.random() < 0.3:
            out += ["    switch (p->body[0] & 3) {",
                    "    case 0: v += 1; break;",
                    "    case 1: v -= 1; break;",
                    "    case 2: v *= 2; break;",
                    "    default: v = 0;",
                    "    }"]
        out += [f"    totals[{i % 64}] += v;", "    return v;", "}", ""]
    out += ["static int dispatch(const struct packet *p)", "{", "    switch (p->kind) {"]
    for i, nm in enumerate(names):
        out.append(f"    case {i}: return {nm}(p);")
    out += ["    default:", '        fprintf(stderr, "unknown kind %d\\n", p->kind);', "        return -2;", "    }", "}", "",
            "int main(int argc, char **argv)", "{",
            "    unsigned seed = argc > 1 ? (unsigned)atoi(argv[1]) : 7;",
            "    int n = argc > 2 ? atoi(argv[2]) : 500;",
            "    struct packet p;",
            "    long sum = 0;",
            "    srand(seed);",
            "    for (int k = 0; k < n; k++) {",
            f"        p.kind = (uint8_t)(rand() % {int(n * 0.6)});",
            "        p.len = (uint8_t)(rand() % 12);",
            "        for (int j = 0; j < 30; j++) p.body[j] = (uint8_t)rand();",
            "        sum += dispatch(&p);",
            "    }",
            '    printf("decoded %d packets, sum %ld\\n", n, sum);',
            "    return 0;", "}"]
    return "\n".join(out) + "\n"


def vector_c(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["#include <math.h>", "#include <stddef.h>", ""]
    for i in range(24):
        k = rnd.choice(["sum", "scale", "dew", "prefix", "gather", "minmax"])
        nm = f"{k}_{i:02d}"
        if k == "sum":
            out += [f"float {nm}(const float *a, size_t n) {{", "    float s = 0;", "    for (size_t i = 0; i < n; i++) s += a[i];", "    return s;", "}"]
        elif k == "scale":
            out += [f"void {nm}(float *a, const float *b, size_t n, float f) {{", "    for (size_t i = 0; i < n; i++) a[i] = b[i] * f;", "}"]
        elif k == "dew":
            out += [f"void {nm}(double *d, const double *t, const double *rh, int n) {{", "    for (int i = 0; i < n; i++)",
                    "        d[i] = t[i] - (100 - rh[i]) / 5.0 + log(rh[i] / 100.0);", "}"]
        elif k == "prefix":
            out += [f"void {nm}(int *a, int n) {{", "    for (int i = 1; i < n; i++) a[i] += a[i - 1];", "}"]
        elif k == "gather":
            out += [f"void {nm}(float *out, const float *in, const int *idx, int n) {{", "    for (int i = 0; i < n; i++) out[i] = in[idx[i]];", "}"]
        else:
            out += [f"int {nm}(const int *a, int n) {{", "    int m = a[0];", "    for (int i = 0; i < n; i++) { if (a[i] > m) { m = a[i]; break; } }", "    return m;", "}"]
        out.append("")
    out += ["static inline float helper(float x) { return x * 0.5f + 1.0f; }",
            "float apply_all(float *a, int n) {", "    float s = 0;", "    for (int i = 0; i < n; i++) s += helper(a[i]);",
            "    return s + sum_00(a, (size_t)n);", "}"] if "float sum_00(" in "\n".join(out) else \
           ["static inline float helper(float x) { return x * 0.5f + 1.0f; }",
            "float apply_all(float *a, int n) {", "    float s = 0;", "    for (int i = 0; i < n; i++) s += helper(a[i]);", "    return s;", "}"]
    return "\n".join(out) + "\n"


def llvm(tmp: Path) -> None:
    a = tmp / "wxdecoder"
    write_tree(a, {"decoder.c": decoder_c(80, 9561), "vec.c": vector_c(9562)})
    cov = "clang-14 -O0 -g -fprofile-instr-generate -fcoverage-mapping decoder.c -o decoder"
    run(f"{cov} && LLVM_PROFILE_FILE=decoder.profraw ./decoder 3 400 >/dev/null 2>&1; "
        "llvm-profdata merge -o decoder.profdata decoder.profraw", cwd=a)
    prof = "-instr-profile=decoder.profdata"
    cap("llvm-cov-show-decoder", f"llvm-cov show ./decoder {prof}", a, n_llvm_cov_show)
    cap("llvm-cov-show-branches-name", f"llvm-cov show ./decoder {prof} -show-branches=count -name-regex='decode_(wind|rain|gust)'",
        a, n_llvm_cov_show)
    cap("llvm-cov-report-decoder", f"llvm-cov report ./decoder {prof}", a, n_llvm_cov_report)
    cap("llvm-cov-report-functions", f"llvm-cov report ./decoder {prof} -show-functions decoder.c", a, n_llvm_cov_report)
    cap("llvm-cov-show-tail-80", f"llvm-cov show ./decoder {prof} -show-line-counts-or-regions 2>&1 | tail -n 80", a,
        n_llvm_cov_show)
    cap("llvm-dwarfdump-debug-info-head", "llvm-dwarfdump --debug-info decoder | head -n 400", a, n_llvm_dwarfdump)
    cap("llvm-dwarfdump-statistics", "llvm-dwarfdump --statistics decoder | python3 -m json.tool", a, n_llvm_dwarfdump)
    cap("llvm-dwarfdump-verify-debug-line", "llvm-dwarfdump --verify decoder; llvm-dwarfdump --debug-line decoder | head -n 60",
        a, n_llvm_dwarfdump)
    cap("clang-rpass-missed-vec", "clang-14 -O2 -c vec.c -o vec.o -Rpass-missed=loop-vectorize -Rpass-analysis=loop-vectorize",
        a, n_clang_remarks)
    cap("clang-rpass-inline-decoder", "clang-14 -O2 -Wall -c decoder.c -o dec.o -Rpass=inline -Rpass-missed=inline 2>&1 | tail -n 80",
        a, n_clang_remarks)


STEPS = [tcc, wabt, llvm]
