"""Round 585, JavaScript: a wheelwright's library written here (spokes, felloes, naves; seed 58510) with a hot
spoke-turning loop, a quadratic felloe fit, an insertion-sort hub order, a rim registry that leaks, a regression
switched on by WHEEL_SLOW=1 (the truing pass runs eight times) and a nave lookup that throws on an unknown wheel; run
by vitest 3 (`vitest bench --run`, `--outputJson` then `--compare`), tinybench (`console.table(bench.table())`),
mitata (`run()`), benchmark.js (a suite printing each cycle) and `node --trace-opt` (a polymorphic rim shape, a
spoke count that throws). The extractors are round 575's, imported. Run through capture_wide585.py."""

from __future__ import annotations

import os
from pathlib import Path

from capture_more import run, write_tree
from capture_wide575 import (n_benchmark_js, n_mitata, n_node_trace_opt, n_tinybench_table, n_vitest_bench,
                             n_vitest_bench_compare)
from capture_wide585 import JS_TOOLS, SEED, cap

WHEEL = """
export function rng(seed) {
  let s = seed >>> 0;
  return () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
}
const R = rng(%SEED%);
export const SPOKES = Array.from({ length: 1600 }, () => Math.floor(R() * 5000) - 2500);
export const NAVES = new Map(Array.from({ length: 300 }, (_, i) => ['wheel-' + i, { id: i, nave: { bore: 30 + (i % 11) } }]));
export const NAVE_LIST = [...NAVES.values()];
const SLOW = process.env.WHEEL_SLOW === '1';

export function turnSpoke(n) { let a = 0; for (let i = 1; i <= n; i++) a += Math.sin(i / 7) * Math.cos(i / 11); return a; }
export function bendFelloe(pts) {
  const p = pts.slice(0, 160); let best = 0;
  for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) { const d = Math.abs(p[i] - p[j]); if (d > best) best = d; }
  return best;
}
export function shrinkTyreConcat(n) { let s = ''; for (let i = 0; i < n; i++) s += `rim${i},`; return s.length; }
export function shrinkTyreArray(n) { return Array.from({ length: n }, (_, i) => `rim${i}`).join(',').length; }
export function hubSort(arr) { return [...arr].sort((a, b) => a - b)[arr.length >> 1]; }
export function hubInsertion(arr) {
  const a = arr.slice(0, 400);
  for (let i = 1; i < a.length; i++) { const v = a[i]; let j = i - 1; while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; }
  return a[200];
}
export function trueWheel(arr) {
  let dev = 0; const passes = SLOW ? 8 : 1;
  for (let p = 0; p < passes; p++) for (let i = 0; i < arr.length; i++) dev += Math.abs(arr[i] - (arr[(i + 1) % arr.length] + p));
  return dev;
}
const rims = [];
export function leakyRim(n) { rims.push({ spokes: new Float64Array(n), made: Date.now() }); return rims.length; }
export function naveOf(key) { return NAVES.get(key).nave.bore; }
export function naveByFind(key) { const id = Number(key.slice(6)); const w = NAVE_LIST.find((x) => x.id === id); return w.nave.bore; }
"""

VITEST_FILE = """
import { bench, describe } from 'vitest';
import * as W from '../wheel.mjs';
const WIDE = Number(process.env.WHEEL_WIDE || 1);
const opts = { time: 12, warmupTime: 2, warmupIterations: 2 };
%BODY%
"""

VITEST_BODIES = {
    "spokes": """
describe('spokes', () => {
  for (let w = 0; w < WIDE; w++) {
    bench(`turnSpoke ${300 * (w + 1)}`, () => { W.turnSpoke(300 * (w + 1)); }, opts);
    bench(`trueWheel ${w}`, () => { W.trueWheel(W.SPOKES); }, opts);
  }
});
describe('tyres', () => {
  bench('shrinkTyreConcat 400', () => { W.shrinkTyreConcat(400); }, opts);
  bench('shrinkTyreArray 400', () => { W.shrinkTyreArray(400); }, opts);
});
""",
    "felloes": """
describe('felloes', () => {
  bench('bendFelloe 160', () => { W.bendFelloe(W.SPOKES); }, opts);
  bench('hubSort 1600', () => { W.hubSort(W.SPOKES); }, opts);
  bench('hubInsertion 400', () => { W.hubInsertion(W.SPOKES); }, opts);
  for (let w = 0; w < WIDE; w++) bench(`leakyRim ${w}`, () => { W.leakyRim(128); }, opts);
});
""",
    "naves": """
describe('naves', () => {
  bench('naveOf map', () => { W.naveOf('wheel-217'); }, opts);
  bench('naveByFind', () => { W.naveByFind('wheel-217'); }, opts);
  bench('naveOf cart wheel', () => { W.naveOf('wheel-cart'); }, opts);
});
""",
}

TINYBENCH = """
import { Bench } from 'tinybench';
import * as W from './wheel.mjs';
const ntasks = Number(process.argv[2] || 5);
const withThrow = process.argv[3] === 'throw';
const bench = new Bench({ name: 'wheelwright', time: 15, warmupTime: 2 });
const kinds = [
  ['turnSpoke', (i) => () => W.turnSpoke(150 + i * 40)],
  ['bendFelloe', () => () => W.bendFelloe(W.SPOKES)],
  ['shrinkTyreConcat', (i) => () => W.shrinkTyreConcat(40 + i * 8)],
  ['hubSort', () => () => W.hubSort(W.SPOKES)],
  ['hubInsertion', () => () => W.hubInsertion(W.SPOKES)],
];
for (let i = 0; i < ntasks; i++) { const [n, f] = kinds[i % kinds.length]; bench.add(`${n} ~${i}`, f(i)); }
if (withThrow) { bench.add('naveOf cart wheel', () => W.naveOf('wheel-cart')); bench.add('naveByFind wheel-999', () => W.naveByFind('wheel-999')); }
await bench.run();
console.log(`wheelwright: ${bench.tasks.length} tasks timed`);
console.table(bench.table());
const bad = bench.tasks.filter((t) => t.result && t.result.error);
if (bad.length) { console.error(`Error: ${bad.length} wheel task(s) threw: ${bad.map((t) => t.name).join(', ')}`); process.exitCode = 2; }
"""

MITATA = """
import { bench, group, summary, run, do_not_optimize } from 'mitata';
import * as W from './wheel.mjs';
const mode = process.argv[2] || 'plain';
const wide = Number(process.argv[3] || 1);
if (mode === 'plain' || mode === 'throw') {
  bench('turnSpoke 800', () => do_not_optimize(W.turnSpoke(800)));
  bench('bendFelloe 160', () => do_not_optimize(W.bendFelloe(W.SPOKES)));
  bench('hubInsertion 400', () => do_not_optimize(W.hubInsertion(W.SPOKES)));
  bench('trueWheel', () => do_not_optimize(W.trueWheel(W.SPOKES)));
  if (mode === 'throw') bench('naveByFind wheel-999', () => do_not_optimize(W.naveByFind('wheel-999')));
} else {
  for (let w = 0; w < wide; w++) {
    group(`tyres ${w}`, () => {
      summary(() => {
        bench(`shrinkTyreConcat ${80 * (w + 1)}`, () => do_not_optimize(W.shrinkTyreConcat(80 * (w + 1))));
        bench(`shrinkTyreArray ${80 * (w + 1)}`, () => do_not_optimize(W.shrinkTyreArray(80 * (w + 1))));
      });
    });
    group(`hubs ${w}`, () => {
      summary(() => {
        bench('hubSort', () => do_not_optimize(W.hubSort(W.SPOKES)));
        bench('hubInsertion', () => do_not_optimize(W.hubInsertion(W.SPOKES)));
        bench(`turnSpoke ${100 * (w + 1)}`, () => do_not_optimize(W.turnSpoke(100 * (w + 1))));
      });
    });
  }
}
await run({ colors: false });
"""

BENCHMARKJS = """
import Benchmark from 'benchmark';
import * as W from './wheel.mjs';
const mode = process.argv[2] || 'plain';
const wide = Number(process.argv[3] || 1);
const o = { maxTime: 0.04, minSamples: 5, initCount: 1 };
function suite(name, adds) {
  return new Promise((resolve) => {
    const s = new Benchmark.Suite(name);
    for (const [n, f] of adds) s.add(n, f, o);
    console.log(`Suite: ${name}`);
    s.on('cycle', (e) => console.log(String(e.target)))
     .on('error', (e) => console.log(`Error in ${e.target.name}: ${e.target.error}`))
     .on('complete', function () {
       const ok = this.filter('successful');
       if (ok.length) { console.log('Fastest is ' + ok.filter('fastest').map('name')); console.log('Slowest is ' + ok.filter('slowest').map('name')); }
       console.log('');
       resolve();
     }).run({ async: false });
  });
}
for (let w = 0; w < wide; w++) {
  await suite(`spokes ${w}`, [[`turnSpoke ${120 * (w + 1)}`, () => W.turnSpoke(120 * (w + 1))], ['trueWheel', () => W.trueWheel(W.SPOKES)],
    ['bendFelloe', () => W.bendFelloe(W.SPOKES)]]);
  await suite(`hubs ${w}`, [['hubSort', () => W.hubSort(W.SPOKES)], ['hubInsertion', () => W.hubInsertion(W.SPOKES)],
    [`shrinkTyreConcat ${60 * (w + 1)}`, () => W.shrinkTyreConcat(60 * (w + 1))], [`shrinkTyreArray ${60 * (w + 1)}`, () => W.shrinkTyreArray(60 * (w + 1))]]);
}
if (mode === 'throw') await suite('naves', [['naveOf map', () => W.naveOf('wheel-217')], ['naveByFind', () => W.naveByFind('wheel-217')],
  ['naveByFind wheel-999', () => W.naveByFind('wheel-999')]]);
"""

TRACE_OPT = """
'use strict';
const rounds = Number(process.argv[2] || 2000);
const fail = process.argv[3] === 'fail';
function turnSpoke(n) { let a = 0; for (let i = 1; i <= n; i++) a += Math.sin(i / 7) * Math.cos(i / 11); return a; }
function tension(spokes) { let t = 0; for (let i = 0; i < spokes.length; i++) t += spokes[i] * (i & 1 ? 1.02 : 0.98); return t; }
function rimArea(rim) { return rim.r * rim.r * 3.14159 - (rim.hub || 0); }
function countSpokes(wheel) { return wheel.spokes.length + wheel.nave.holes; }
class Felloe {
  constructor(arc) { this.arc = arc; this.bends = 0; }
  bend(k) { this.bends++; return (k * this.arc) % 61; }
}
const spokes = Array.from({ length: 36 }, (_, i) => 100 + ((i * 37) % 23));
const felloe = new Felloe(60);
let out = 0;
for (let r = 0; r < rounds; r++) {
  out += turnSpoke(150) + tension(spokes) + felloe.bend(r);
  const rim = r % 700 === 699 ? { hub: 4, r: r % 90, tyre: 'iron' } : (r % 2 ? { r: r % 90 } : { hub: 2, r: r % 90 });
  out += rimArea(rim);
  if (r % 300 === 0) spokes.push(spokes.shift() + 0.5);
}
console.log(`trued: ${rounds} wheels, sum ${out.toFixed(1)}, felloe bends: ${felloe.bends}`);
if (fail) {
  const wheels = [{ spokes: [1, 2, 3], nave: { holes: 12 } }, { spokes: [4, 5] }];
  for (const w of wheels) console.log(`spoke count: ${countSpokes(w)}`);
}
"""


def _project(tmp: Path) -> Path:
    js = tmp / "js"
    files = {"wheel.mjs": WHEEL.replace("%SEED%", str(SEED)), "tb.mjs": TINYBENCH, "mt.mjs": MITATA,
             "bj.mjs": BENCHMARKJS, "truing.cjs": TRACE_OPT,
             "package.json": '{"name": "wheelwright-bench", "version": "0.5.85", "private": true, "type": "module"}\n'}
    for name, body in VITEST_BODIES.items():
        files[f"bench/{name}.bench.mjs"] = VITEST_FILE.replace("%BODY%", body)
    write_tree(js, files)
    if not (js / "node_modules").exists():
        os.symlink(JS_TOOLS / "node_modules", js / "node_modules")
    return js


def cap_vitest(tmp: Path) -> None:
    js = _project(tmp)
    vb = "nice npx vitest bench --run"
    cap("vitest-bench-all", f"{vb}; echo EXIT=$?", js, n_vitest_bench, timeout=300)
    cap("vitest-bench-felloes", f"{vb} bench/felloes.bench.mjs", js, n_vitest_bench, timeout=300)
    cap("vitest-bench-naves", f"{vb} naves spokes; echo EXIT=$?", js, n_vitest_bench, timeout=300)
    cap("vitest-bench-wide", f"WHEEL_WIDE=20 {vb} spokes felloes; echo EXIT=$?", js, n_vitest_bench, timeout=500)
    run(f"{vb} --outputJson base.json spokes felloes", cwd=js, timeout=300)
    run(f"WHEEL_WIDE=5 {vb} --outputJson base-wide.json spokes felloes", cwd=js, timeout=400)
    cap("vitest-bench-compare", f"WHEEL_SLOW=1 {vb} --compare base.json spokes felloes; echo EXIT=$?", js,
        n_vitest_bench_compare, timeout=300)
    cap("vitest-bench-compare-wide", f"WHEEL_SLOW=1 WHEEL_WIDE=5 {vb} --compare base-wide.json spokes felloes",
        js, n_vitest_bench_compare, timeout=400)
    cap("vitest-bench-compare-tail", f"WHEEL_SLOW=1 {vb} --compare base.json spokes 2>&1 | tail -30", js,
        n_vitest_bench_compare, timeout=300)


def cap_tinybench(tmp: Path) -> None:
    js = _project(tmp)
    cap("tinybench-5", "nice node tb.mjs 5", js, n_tinybench_table, timeout=200)
    cap("tinybench-throw", "nice node tb.mjs 7 throw; echo EXIT=$?", js, n_tinybench_table, timeout=200)
    cap("tinybench-45", "nice node tb.mjs 45; echo EXIT=$?", js, n_tinybench_table, timeout=300)
    cap("tinybench-70-throw", "nice node tb.mjs 70 throw; echo EXIT=$?", js, n_tinybench_table, timeout=400)


def cap_mitata(tmp: Path) -> None:
    js = _project(tmp)
    cap("mitata-plain", "nice node mt.mjs plain", js, n_mitata, timeout=200)
    cap("mitata-throw", "nice node mt.mjs throw; echo EXIT=$?", js, n_mitata, timeout=200)
    cap("mitata-groups", "nice node mt.mjs groups 3; echo EXIT=$?", js, n_mitata, timeout=300)
    cap("mitata-groups-wide", "nice node mt.mjs groups 10", js, n_mitata, timeout=500)


def cap_benchmarkjs(tmp: Path) -> None:
    js = _project(tmp)
    cap("benchmarkjs-plain", "nice node bj.mjs plain", js, n_benchmark_js, timeout=200)
    cap("benchmarkjs-throw", "nice node bj.mjs throw; echo EXIT=$?", js, n_benchmark_js, timeout=200)
    cap("benchmarkjs-wide", "nice node bj.mjs throw 8; echo EXIT=$?", js, n_benchmark_js, timeout=400)
    cap("benchmarkjs-grep", "nice node bj.mjs throw 3 | grep -E 'ops/sec|Fastest|Slowest|Error'", js,
        n_benchmark_js, timeout=300)


def cap_trace_opt(tmp: Path) -> None:
    js = _project(tmp)
    cap("node-trace-opt-short", "nice node --trace-opt truing.cjs 400", js, n_node_trace_opt, timeout=120)
    cap("node-trace-opt-fail", "nice node --trace-opt --trace-deopt truing.cjs 2500 fail; echo EXIT=$?", js,
        n_node_trace_opt, timeout=120)
    cap("node-trace-opt-verbose", "nice node --trace-opt --trace-opt-verbose truing.cjs 15000 fail; echo EXIT=$?",
        js, n_node_trace_opt, timeout=200)


STEPS = [cap_vitest, cap_tinybench, cap_mitata, cap_benchmarkjs, cap_trace_opt]
