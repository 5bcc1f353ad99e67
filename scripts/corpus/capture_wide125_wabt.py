"""Round 125, wabt, AssemblyScript, wasmtime and node: `seismo`, a seismograph-trace library written here in
AssemblyScript (a trace buffer, peak picking, STA/LTA triggers, filters) widened by a seeded generator to about 30
modules, one tree with compile errors and warnings put in and one that compiles with warnings only; `checks`, a
WebAssembly text module of its own with 90 exported checks, a fifth of which trap (unreachable, division by zero,
out-of-bounds loads, integer overflow, exhausted call stack, an indirect call of the wrong type); both disassembled
with `wasm-objdump -d`, run under `wasm-interp`, decompiled with `wasm-decompile`; trapping calls made from Python
through PyPI's wasmtime and from node's own WebAssembly; round 125's emscripten build (`quarry`, made by
capture_wide125_em.py in the same scratch dir) disassembled and run as a standalone WASI module. The extractors below
apply NEEDLES.md's "Round 125" rules. Run through capture_wide125.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, run, write_tree
from capture_data import EXC_LINE, FILE_LINE
from capture_wide125 import JS, VENV, add, cap, shell_extra

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 125)

FUNC_HDR = re.compile(r"^[0-9a-f]{6} func\[(\d+)\](?: <[^>]*>)?:$")


@kind("wasm-objdump-d", "listing")
def n_objdump_d(lines):
    """Round 125: the file format and Code Disassembly: lines, every function header line, every unreachable line one {"any"} per function, every call to an import one {"any"} per callee; EXIT=N lines."""
    out = [ln for ln in lines if "file format wasm" in ln or ln.startswith("Code Disassembly:")]
    heads = [int(m.group(1)) for ln in lines if (m := FUNC_HDR.match(ln))]
    n_imports = min(heads) if heads else 0  # -d lists no Import section: imported functions take the lowest indices
    unreach, calls = [], []
    cur = None
    for ln in lines:
        if FUNC_HDR.match(ln):
            cur = ln
            out.append(ln)
            continue
        body = ln.split("|", 1)[-1]
        if re.match(r"^\s*unreachable\s*$", body):
            unreach.append((cur, ln))
        m = re.search(r"\bcall (\d+) <([^>]+)>", body)
        if m and int(m.group(1)) < n_imports:
            calls.append((m.group(2), ln))
    return out + groups(unreach) + groups(calls) + shell_extra(lines)


@kind("wasm-interp-run", "test")
def n_wasm_interp(lines):
    """Round 125: every line naming a trap or error, the first and last result lines, with --trace the last 3 trace lines before a trap; EXIT=N lines."""
    trap = re.compile(r"error:|trap|unreachable|out of bounds|divide by zero|integer overflow|call stack exhausted|"
                      r"undefined", re.I)
    results = [ln for ln in lines if re.match(r"^[\w$.-]+\(.*\) =>", ln)]
    out = [ln for ln in lines if trap.search(ln)]
    out += results[:1] + results[-1:]
    for i, ln in enumerate(lines):
        if trap.search(ln) and i > 0 and re.match(r"^#\d+\.\s+\d+:", lines[i - 1]):
            k = i
            prev = []
            while k > 0 and len(prev) < 3 and re.match(r"^#\d+\.\s+\d+:", lines[k - 1]):
                prev.append(lines[k - 1])
                k -= 1
            out += prev
    return out + shell_extra(lines)


@kind("wasm-decompile", "code")
def n_wasm_decompile(lines):
    """Round 125 (rule 6): every function definition's first line, every import function line, every memory / global / table declaration line; EXIT=N lines."""
    return [ln for ln in lines if re.match(r"^(export )?function \S+\(", ln) or re.match(r"^import function ", ln)
            or re.match(r"^(export |import )?(memory|global|table) ", ln)] + shell_extra(lines)


@kind("asc-compile", "build")
def n_asc(lines):
    """Round 125: every ERROR line and its `└─ in file(line,col)` location within the next six; WARNING lines one {"any"} per (code, file); the FAILURE / compile error(s) line and Error: lines; EXIT=N lines."""
    out, pairs = [], []
    loc = re.compile(r"in (\S+?)\((\d+),(\d+)\)\s*$")
    for i, ln in enumerate(lines):
        m = re.match(r"^(ERROR|WARNING) ((?:TS|AS)\d+):", ln)
        if not m:
            if re.match(r"^FAILURE ", ln) or re.search(r"\d+ (compile|parse) error\(s\)", ln) or re.match(r"^Error: ", ln):
                out.append(ln)
            continue
        where = next((lines[k] for k in range(i + 1, min(len(lines), i + 7)) if loc.search(lines[k])), None)
        if m.group(1) == "ERROR":
            out += [ln, where]
        else:
            f = loc.search(where).group(1) if where else ""
            pairs.append(((m.group(2), f), ln))
    return out + groups(pairs) + shell_extra(lines)


def _outermost_script_file(lines):
    """The script's own outermost `File` line: the first one not in an installed package or the standard library."""
    return next((ln for ln in lines if FILE_LINE.match(ln) and not re.search(r"site-packages|/lib/python\d", ln)), None)


@kind("wasmtime-trap", "log")
def n_wasmtime(lines):
    """Round 125: the exception line, the wasm trap / Caused by reason line, the first backtrace frame and the first naming the module's own function, the script's outermost File line, the line saying which call ran; EXIT=N lines."""
    out = [ln for ln in lines if EXC_LINE.match(ln) or re.match(r"^\s*[\w.]*(Trap|WasmtimeError)\b.*:", ln)]
    out += [ln for ln in lines if re.search(r"wasm trap:", ln)]
    for i, ln in enumerate(lines):
        if ln.strip() == "Caused by:" and i + 1 < len(lines):
            out.append(lines[i + 1])
    frames = [ln for ln in lines if re.match(r"^\s+\d+:\s+0x[0-9a-f]+ - ", ln)]
    out += frames[:1]
    own = [ln for ln in frames if not re.search(r"!(__|wasi|dlmalloc|sbrk|abort|emscripten_|<wasm function)", ln)]
    out += own[:1]
    out.append(_outermost_script_file(lines))
    calls = [ln for ln in lines if re.match(r"^(calling|running|call) ", ln)]
    out += calls[-1:]
    return out + shell_extra(lines)


@kind("node-wasm-trap", "log")
def n_node_wasm(lines):
    """Round 125: the RuntimeError/CompileError/LinkError line, the first wasm-function frame and the first frame in the script's own file, node's file:line line, Node.js v…, the script's last own line before the fault; EXIT=N lines."""
    out = [ln for ln in lines if re.match(r"^\s*\[?(\w+Error)(: |\]?$)", ln) or ln.startswith("Node.js v")]
    frames = [ln for ln in lines if re.match(r"^\s+at ", ln)]
    out += [ln for ln in frames if "wasm-function[" in ln][:1]
    out += [ln for ln in frames if re.search(r"file:///\S+\.m?js:\d+|/\w+\.m?js:\d+", ln) and "node:" not in ln][:1]
    head = next((i for i, ln in enumerate(lines) if re.match(r"^(file://)?/\S+:\d+$|^wasm://wasm/\S+:\d+$", ln)), None)
    if head is not None:
        out.append(lines[head])
        prog = [ln for ln in lines[:head] if ln.strip()]
        out += prog[-1:]
    return out + shell_extra(lines)


# ------------------------------------------------------------------ the AssemblyScript project

TRACE_TS = """// seismo: a seismograph trace buffer
export const RATE_HZ: i32 = 100;

export function fillTrace(buf: StaticArray<f64>, seed: u32): void {
  let x = seed;
  for (let i = 0; i < buf.length; i++) {
    x = x * 1103515245 + 12345;
    buf[i] = <f64>((x >> 8) % 2000) / 1000.0 - 1.0 + (i % 250 == 0 ? 6.0 : 0.0);
  }
}

export function peakIndex(buf: StaticArray<f64>, from: i32, to: i32): i32 {
  let best = from;
  for (let i = from; i <= to; i++) {          // bug: `to` is one past the window
    if (Math.abs(buf[i]) > Math.abs(buf[best])) best = i;
  }
  return best;
}

export function staLta(buf: StaticArray<f64>, sta: i32, lta: i32, at: i32): f64 {
  let s = 0.0, l = 0.0;
  for (let i = at - sta; i < at; i++) s += Math.abs(buf[i]);
  for (let i = at - lta; i < at; i++) l += Math.abs(buf[i]);
  return (s / <f64>sta) / (l / <f64>lta);
}

export function decimate(buf: StaticArray<f64>, factor: i32): StaticArray<f64> {
  const out = new StaticArray<f64>(buf.length / factor);
  for (let i = 0; i < out.length; i++) out[i] = buf[i * factor];
  return out;
}

export function countTriggers(buf: StaticArray<f64>, threshold: f64): i32 {
  let n = 0;
  for (let at = 1000; at < buf.length; at += 50) if (staLta(buf, 50, 1000, at) > threshold) n++;
  return n;
}

export function binOf(sampleIndex: i32, binSize: i32): i32 {
  return sampleIndex / binSize;                // a division by zero when binSize is 0
}
"""

INDEX_HEAD = """// seismo entry: re-exports the filters
export { fillTrace, peakIndex, staLta, decimate, countTriggers, binOf, RATE_HZ } from "./trace";
"""

FILTER_WORDS = ["lowpass", "highpass", "bandpass", "notch", "detrend", "taper", "envelope", "rms", "despike", "median"]


def gen_filter(k: int, broken: bool) -> tuple[str, list[str]]:
    """One filter module: 3-6 functions over a trace; a quarter carry a warning; in the broken tree, a few an error."""
    rnd = random.Random(125000 + k)
    fns, names = [], []
    for j in range(rnd.randint(3, 6)):
        name = f"{rnd.choice(FILTER_WORDS)}{k:02d}_{j}"
        names.append(name)
        w = rnd.random()
        b = [f"export function {name}(buf: StaticArray<f64>, n: i32): f64 {{", "  let acc: f64 = 0.0;"]
        b.append(f"  for (let i = 0; i < n; i++) acc += buf[i] * {rnd.randint(1, 90) / 10:.1f};")
        if w < 0.07:
            b.append("  let addr: usize = changetype<usize>(buf);\n  let lo: u32 = addr;\n  acc += <f64>lo;")
        elif w < 0.13:
            b.append("  if (acc == NaN) return 0.0;")
        elif w < 0.18:
            b.append("  let scale!: f64;\n  scale = 2.0;\n  acc *= scale;")
        if broken:
            if 0.18 <= w < 0.22:
                b.append("  let count: i32 = acc;")
            elif 0.22 <= w < 0.25:
                b.append("  acc += gainOf(buf);")
            elif 0.25 <= w < 0.27:
                b.append("  acc += buf.size;")
            elif 0.27 <= w < 0.29:
                b.append(f"  acc += {name}(buf);")
        b.append(f"  return acc / <f64>{rnd.randint(2, 50)};\n}}\n")
        fns.append("\n".join(b))
    extra = ""
    if k % 9 == 4:
        extra = f"export class Window{k:02d} {{ start: i32 = 0; end: i32 = 0; }}\n\n"
    return extra + "\n".join(fns), names


def seismo_tree(root: Path, broken: bool, n: int) -> None:
    files = {"assembly/trace.ts": TRACE_TS, "package.json": '{"name": "seismo", "version": "0.3.0", "private": true}\n'}
    idx = [INDEX_HEAD]
    for k in range(n):
        src, names = gen_filter(k, broken)
        files[f"assembly/filters/f{k:02d}.ts"] = src
        idx.append(f'export {{ {", ".join(names)} }} from "./filters/f{k:02d}";\n')
    files["assembly/index.ts"] = "".join(idx)
    write_tree(root, files)


# ------------------------------------------------------------------ the checks module (wat)

def checks_wat(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["(module", '  (type $unary (func (param i32) (result i32)))', '  (memory (export "mem") 1)',
           '  (table 4 funcref)', '  (elem (i32.const 0) $sq $neg)',
           '  (func $sq (param i32) (result i32) local.get 0 local.get 0 i32.mul)',
           '  (func $neg (param i32) (result i32) i32.const 0 local.get 0 i32.sub)',
           '  (func $dive (param i32) (result i32) local.get 0 i32.eqz if (result i32) i32.const 0 else '
           'local.get 0 i32.const 1 i32.sub call $dive i32.const 1 i32.add end)',
           '  (func $forever (param i32) (result i32) local.get 0 i32.const 1 i32.add call $forever)']
    for k in range(n):
        w = rnd.random()
        a, b = rnd.randint(1, 5000), rnd.randint(1, 90)
        name = f"check_{k:03d}"
        if w < 0.04:
            body, res = "unreachable", "(result i32)"
        elif w < 0.08:
            body, res = f"i32.const {a} i32.const {b} i32.const {b} i32.sub i32.div_s", "(result i32)"
        elif w < 0.12:
            body, res = f"i32.const {65536 + a} i32.load", "(result i32)"
        elif w < 0.15:
            body, res = "f64.const 1e12 i32.trunc_f64_s", "(result i32)"
        elif w < 0.17:
            body, res = "i32.const 1 call $forever", "(result i32)"
        elif w < 0.20:
            body, res = "i32.const 3 i32.const 2 call_indirect (type $unary)", "(result i32)"
        elif w < 0.40:
            body, res = f"i32.const {a} call $dive", "(result i32)"
        elif w < 0.60:
            body, res = f"i64.const {a} i64.const {b} i64.mul", "(result i64)"
        elif w < 0.75:
            body, res = f"f32.const {a}.5 f32.const {b} f32.div", "(result f32)"
        else:
            body, res = f"i32.const {a} i32.const 0 call_indirect (type $unary)", "(result i32)"
        out.append(f'  (func ${name} (export "{name}") {res} {body})')
    out.append(")")
    return "\n".join(out) + "\n"


WASMTIME_PY = '''"""Run seismo's filters from Python through wasmtime."""
import sys
from wasmtime import Store, Module, Instance

store = Store()
module = Module.from_file(store.engine, sys.argv[1])
inst = Instance(store, module, [])
ex = inst.exports(store)
names = [n for n in sys.argv[2].split(",")]
for name in names:
    print(f"calling {name}()")
    print(f"  {name} -> {ex[name](store)}")
'''

WASMTIME_SEISMO_PY = '''"""Pick peaks in seismo traces through wasmtime: one window per station."""
from wasmtime import Store, Module, Instance

store = Store()
module = Module.from_file(store.engine, "build/seismo.wasm")
inst = Instance(store, module, [])
ex = inst.exports(store)
for st in range(60):
    win = 100 + st * 7
    print(f"station ST{st:02d}: bin {ex['binOf'](store, st * 250, 50 - st)} window {win}")
'''

WASMTIME_WASI_PY = '''"""Run quarry's standalone build under wasmtime's WASI."""
import sys
from wasmtime import Engine, Linker, Module, Store, WasiConfig

engine = Engine()
linker = Linker(engine)
linker.define_wasi()
store = Store(engine)
wasi = WasiConfig()
wasi.inherit_stdout()
wasi.inherit_stderr()
store.set_wasi(wasi)
module = Module.from_file(engine, sys.argv[1])
inst = linker.instantiate(store, module)
print("running _start", flush=True)
inst.exports(store)["_start"](store)
'''

NODE_SEISMO_MJS = """// run seismo's peak picker over every station window
import { readFileSync } from "node:fs";
const { instance } = await WebAssembly.instantiate(readFileSync(process.argv[2]), {});
const ex = instance.exports;
for (let st = 0; st < 70; st++) {
  const n = 40 + st;
  console.log(`station ST${String(st).padStart(2, "0")}: bin ${ex.binOf(st * 250, 60 - st)} (n=${n})`);
}
"""

NODE_CHECKS_MJS = """// run every exported check of checks.wasm in order
import { readFileSync } from "node:fs";
const imports = process.argv[3] === "bare" ? {} : undefined;
const { instance } = await WebAssembly.instantiate(readFileSync(process.argv[2]), imports);
for (const [name, fn] of Object.entries(instance.exports)) {
  if (typeof fn !== "function") continue;
  console.log(`${name} -> ${fn()}`);
}
"""


def seismo(tmp: Path) -> None:
    asc = JS / "node_modules" / ".bin" / "asc"
    broken, fixed = tmp / "seismo-broken", tmp / "seismo"
    seismo_tree(broken, True, 30)
    seismo_tree(fixed, False, 30)
    add("asc-broken-full", "npx asc assembly/index.ts --outFile build/seismo.wasm; echo EXIT=$?",
        run(f"{asc} assembly/index.ts --outFile build/seismo.wasm; echo EXIT=$?", cwd=broken, timeout=300), n_asc)
    add("asc-broken-head-100", "npx asc assembly/index.ts --outFile build/seismo.wasm 2>&1 | head -n 100",
        run(f"{asc} assembly/index.ts --outFile build/seismo.wasm 2>&1 | head -n 100", cwd=broken, timeout=300), n_asc)
    add("asc-broken-grep-error", "npx asc assembly/index.ts -o build/seismo.wasm 2>&1 | grep -A5 ERROR",
        run(f"{asc} assembly/index.ts -o build/seismo.wasm 2>&1 | grep -A5 ERROR", cwd=broken, timeout=300), n_asc)
    add("asc-warnings-debug", "npx asc assembly/index.ts --outFile build/seismo.wasm --debug --use abort= "
        "--textFile build/seismo.wat; echo EXIT=$?",
        run(f"{asc} assembly/index.ts --outFile build/seismo.wasm --debug --use abort= --textFile build/seismo.wat; "
            "echo EXIT=$?", cwd=fixed, timeout=300), n_asc)
    run(f"{asc} assembly/index.ts -O3 --outFile build/seismo.opt.wasm", cwd=fixed, timeout=300)
    wasm = fixed / "build" / "seismo.wasm"
    if not wasm.exists():
        return
    cap("objdump-d-seismo-head", "wasm-objdump -d build/seismo.wasm | head -n 1200", fixed, n_objdump_d)
    cap("wasm-decompile-seismo-opt", "wasm-decompile build/seismo.opt.wasm", fixed, n_wasm_decompile)
    write_tree(fixed, {"peaks.py": WASMTIME_SEISMO_PY, "peaks.mjs": NODE_SEISMO_MJS})
    py = VENV / "bin" / "python"
    add("wasmtime-seismo-binof", "python3 peaks.py; echo EXIT=$?", run(f"{py} peaks.py; echo EXIT=$?", cwd=fixed),
        n_wasmtime)
    cap("node-seismo-divide", "node peaks.mjs build/seismo.wasm; echo EXIT=$?", fixed, n_node_wasm)


def checks(tmp: Path) -> None:
    root = tmp / "checks"
    write_tree(root, {"checks.wat": checks_wat(90, 1253), "small.wat": checks_wat(24, 1254),
                      "call_checks.py": WASMTIME_PY, "run_checks.mjs": NODE_CHECKS_MJS})
    run("wat2wasm --debug-names checks.wat -o checks.wasm && wat2wasm --debug-names small.wat -o small.wasm", cwd=root)
    cap("wasm-interp-run-all", "wasm-interp checks.wasm --run-all-exports", root, n_wasm_interp)
    cap("wasm-interp-trace-tail", "wasm-interp small.wasm --run-all-exports --trace 2>&1 | tail -n 120", root,
        n_wasm_interp)
    cap("wasm-interp-grep-error", "wasm-interp checks.wasm --run-all-exports | grep -n error; echo EXIT=$?", root,
        n_wasm_interp)
    cap("objdump-d-checks", "wasm-objdump -d checks.wasm", root, n_objdump_d)
    cap("wasm-decompile-checks", "wasm-decompile checks.wasm", root, n_wasm_decompile)
    names = re.findall(r'\(export "(check_\d+)"\)', (root / "checks.wat").read_text())
    py = VENV / "bin" / "python"
    wat = (root / "checks.wat").read_text()
    calls_forever = {nm for nm in names if "call $forever" in wat.split(f'"{nm}"')[1].split("\n")[0]}
    first_trap = ",".join(nm for nm in names[:60] if nm not in calls_forever)
    add("wasmtime-call-checks", f"python3 call_checks.py checks.wasm {first_trap}; echo EXIT=$?",
        run(f"{py} call_checks.py checks.wasm {first_trap}; echo EXIT=$?", cwd=root), n_wasmtime)
    deep = [nm for nm in names if nm in calls_forever]
    if deep:
        add("wasmtime-stack-exhausted", f"python3 call_checks.py checks.wasm check_000,{deep[0]} 2>&1 | tail -n 40",
            run(f"{py} call_checks.py checks.wasm check_000,{deep[0]} 2>&1 | tail -n 40", cwd=root), n_wasmtime)
    cap("node-run-checks", "node run_checks.mjs checks.wasm; echo EXIT=$?", root, n_node_wasm)
    run("head -c 700 checks.wasm > checks.part.wasm", cwd=root)
    cap("node-compile-error-chain", "node run_checks.mjs small.wasm; node run_checks.mjs checks.part.wasm; echo EXIT=$?",
        root, n_node_wasm)


def quarry_wasm(tmp: Path) -> None:
    """Round 125's emscripten build, made by capture_wide125_em.py's step in the same scratch dir."""
    root = tmp / "quarry"
    if not (root / "build" / "q_nullfn.wasm").exists():
        return
    cap("objdump-d-quarry-head", "wasm-objdump -d build/q_nullfn.wasm | head -n 2000", root, n_objdump_d)
    cap("objdump-d-quarry-grep", "wasm-objdump -d build/q_stack.wasm | grep -E 'func\\[|call |unreachable' | head -n 600",
        root, n_objdump_d)
    cap("wasm-decompile-quarry-head", "wasm-decompile build/q_nullfn.wasm | head -n 600", root, n_wasm_decompile)
    objs = "build/main_nullfn.o build/obj/sample.o build/obj/registry.o build/obj/assay/*.o"
    run(f"emcc -sSTANDALONE_WASM --profiling-funcs -o build/q_wasi.wasm {objs}", cwd=root, timeout=300)
    run(f"emcc -sSTANDALONE_WASM --profiling-funcs -o build/q_wasi_assert.wasm build/main_assert.o "
        f"build/obj/sample.o build/obj/registry.o build/obj/assay/*.o", cwd=root, timeout=300)
    write_tree(root, {"run_wasi.py": WASMTIME_WASI_PY, "run_checks.mjs": NODE_CHECKS_MJS})
    py = VENV / "bin" / "python"
    add("wasmtime-wasi-nullfn", "python3 run_wasi.py build/q_wasi.wasm 2>&1 | tail -n 50",
        run(f"{py} run_wasi.py build/q_wasi.wasm 2>&1 | tail -n 50", cwd=root), n_wasmtime)
    add("wasmtime-wasi-assert", "python3 run_wasi.py build/q_wasi_assert.wasm; echo EXIT=$?",
        run(f"{py} run_wasi.py build/q_wasi_assert.wasm; echo EXIT=$?", cwd=root), n_wasmtime)
    cap("node-link-error-loop", "for f in build/q_wasi.wasm build/q_wasi_assert.wasm build/lib.wasm; do echo \"== $f\"; "
        "node run_checks.mjs $f bare 2>&1 | head -n 12; done", root, n_node_wasm)


STEPS = [seismo, checks, quarry_wasm]
