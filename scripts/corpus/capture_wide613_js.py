"""Round 613, JavaScript: a bowyer's and fletcher's library written here (staves, nocks, fletchings; seed 61310) with
a hot stave-tillering loop, a quadratic fletching-glue pass, a shaft-spining string build, a nock sort done by
selection, a quiver registry that leaks arrows, a regression switched on by BOW_SLOW=1 (the draw-weight pass runs
six times) and a nock lookup that throws on an unknown arrow; run by vitest 3 (`vitest bench --run`, `--outputJson`
then `--compare`), tinybench (`console.table(bench.table())`), mitata (`run()`), benchmark.js (a suite printing each
cycle) and `node --trace-opt` (many generated fletching functions, a polymorphic feather shape, a nock count that
throws). Case counts run from two or three to a few hundred, so most outputs are 10-60 KB. The extractors are round
575's, imported. Run through capture_wide613.py."""

from __future__ import annotations

import os
from pathlib import Path

from capture_more import run, write_tree
from capture_wide575 import (n_benchmark_js, n_mitata, n_node_trace_opt, n_tinybench_table, n_vitest_bench,
                             n_vitest_bench_compare)
from capture_wide613 import JS_TOOLS, SEED, cap

BOW = """
export function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const R = rng(%SEED%);
export const STAVES = Array.from({ length: 2400 }, () => Math.floor(R() * 9000) - 1500);
export const NOCKS = new Map(Array.from({ length: 500 }, (_, i) => ['arrow-' + i, { id: i, nock: { depth: 5 + (i % 7), horn: i % 3 === 0 } }]));
export const NOCK_LIST = [...NOCKS.values()];
const SLOW = process.env.BOW_SLOW === '1';

export function tillerStave(n) { let bend = 0; for (let i = 1; i <= n; i++) bend += Math.sqrt(i) * Math.sin(i / 13); return bend; }
export function glueFletchings(pts, k = 120) {
  const p = pts.slice(0, k); let pairs = 0;
  for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) if (i !== j && ((p[i] ^ p[j]) & 7) === 0) pairs++;
  return pairs;
}
export function spineConcat(n) { let s = ''; for (let i = 0; i < n; i++) s += 'shaft' + i + ':' + (40 + (i % 30)) + ';'; return s.length; }
export function spineTemplate(n) { const a = []; for (let i = 0; i < n; i++) a.push(`shaft${i}:${40 + (i % 30)}`); return a.join(';').length; }
export function nockSortNative(arr) { return Float64Array.from(arr).sort()[arr.length >> 2]; }
export function nockSortSelection(arr, k = 300) {
  const a = arr.slice(0, k);
  for (let i = 0; i < a.length; i++) { let m = i; for (let j = i + 1; j < a.length; j++) if (a[j] < a[m]) m = j; const t = a[i]; a[i] = a[m]; a[m] = t; }
  return a[k >> 2];
}
export function drawWeight(arr) {
  let lb = 0; const passes = SLOW ? 6 : 1;
  for (let p = 0; p < passes; p++) for (let i = 0; i < arr.length; i += 2) lb += (arr[i] * 0.001) ** 2 + p;
  return lb;
}
const quiver = [];
export function leakyQuiver(n) { quiver.push({ shafts: new Array(n).fill(0), at: Date.now() }); return quiver.length; }
export function nockOf(key) { return NOCKS.get(key).nock.depth; }
export function nockByFilter(key) { const id = Number(key.slice(6)); return NOCK_LIST.filter((x) => x.id === id)[0].nock.depth; }
"""

VITEST_FILE = """
import { bench, describe } from 'vitest';
import * as B from '../bow.mjs';
const CASES = Number(process.env.BOW_CASES || 1);
const opts = { time: 6, warmupTime: 1, warmupIterations: 1 };
%BODY%
"""

VITEST_BODIES = {
    "staves": """
describe('staves', () => {
  for (let c = 0; c < CASES; c++) {
    bench(`tillerStave ${200 + 150 * c}`, () => { B.tillerStave(200 + 150 * c); }, opts);
    bench(`drawWeight yew-${c}`, () => { B.drawWeight(B.STAVES); }, opts);
  }
});
""",
    "shafts": """
describe('shafts', () => {
  for (let c = 0; c < CASES; c++) {
    bench(`spineConcat ${50 + 25 * c}`, () => { B.spineConcat(50 + 25 * c); }, opts);
    bench(`spineTemplate ${50 + 25 * c}`, () => { B.spineTemplate(50 + 25 * c); }, opts);
  }
  bench('nockSortNative 2400', () => { B.nockSortNative(B.STAVES); }, opts);
  bench('nockSortSelection 300', () => { B.nockSortSelection(B.STAVES); }, opts);
});
""",
    "fletch": """
describe('fletch', () => {
  bench('glueFletchings 120', () => { B.glueFletchings(B.STAVES); }, opts);
  bench('leakyQuiver 256', () => { B.leakyQuiver(256); }, opts);
  bench('nockOf map', () => { B.nockOf('arrow-411'); }, opts);
  bench('nockByFilter', () => { B.nockByFilter('arrow-411'); }, opts);
  bench('nockOf broadhead', () => { B.nockOf('arrow-broadhead'); }, opts);
});
""",
}

TINYBENCH = """
import { Bench } from 'tinybench';
import * as B from './bow.mjs';
const ntasks = Number(process.argv[2] || 3);
const nthrow = Number(process.argv[3] || 0);
const bench = new Bench({ name: 'bowyer', time: 8, warmupTime: 1 });
const kinds = [
  ['tillerStave', (i) => () => B.tillerStave(100 + i * 25)],
  ['glueFletchings', (i) => () => B.glueFletchings(B.STAVES, 40 + (i % 9) * 10)],
  ['spineConcat', (i) => () => B.spineConcat(30 + i * 4)],
  ['spineTemplate', (i) => () => B.spineTemplate(30 + i * 4)],
  ['nockSortSelection', (i) => () => B.nockSortSelection(B.STAVES, 60 + (i % 7) * 30)],
  ['drawWeight', () => () => B.drawWeight(B.STAVES)],
];
for (let i = 0; i < ntasks; i++) { const [n, f] = kinds[i % kinds.length]; bench.add(`${n} #${i}`, f(i)); }
for (let i = 0; i < nthrow; i++) bench.add(`nockByFilter arrow-${900 + i}`, () => B.nockByFilter(`arrow-${900 + i}`));
await bench.run();
console.log(`bowyer: ${bench.tasks.length} tasks timed, ${ntasks} staves and shafts, ${nthrow} nock lookups`);
console.table(bench.table());
const bad = bench.tasks.filter((t) => t.result && t.result.error);
if (bad.length) { console.error(`Error: ${bad.length} fletcher task(s) threw, first: ${bad[0].name}`); process.exitCode = 3; }
"""

MITATA = """
import { bench, group, summary, run, do_not_optimize } from 'mitata';
import * as B from './bow.mjs';
const mode = process.argv[2] || 'plain';
const n = Number(process.argv[3] || 1);
if (mode === 'plain' || mode === 'throw') {
  bench('tillerStave 600', () => do_not_optimize(B.tillerStave(600)));
  bench('glueFletchings 120', () => do_not_optimize(B.glueFletchings(B.STAVES)));
  bench('drawWeight', () => do_not_optimize(B.drawWeight(B.STAVES)));
  if (mode === 'throw') bench('nockOf broadhead', () => do_not_optimize(B.nockOf('arrow-broadhead')));
} else if (mode === 'flat') {
  for (let i = 0; i < n; i++) bench(`tillerStave ${100 + 40 * i}`, () => do_not_optimize(B.tillerStave(100 + 40 * i)));
} else {
  for (let g = 0; g < n; g++) {
    group(`shafts ${g}`, () => {
      summary(() => {
        bench(`spineConcat ${40 + 30 * g}`, () => do_not_optimize(B.spineConcat(40 + 30 * g)));
        bench(`spineTemplate ${40 + 30 * g}`, () => do_not_optimize(B.spineTemplate(40 + 30 * g)));
      });
    });
    group(`nocks ${g}`, () => {
      summary(() => {
        bench('nockSortNative', () => do_not_optimize(B.nockSortNative(B.STAVES)));
        bench(`nockSortSelection ${60 + 20 * g}`, () => do_not_optimize(B.nockSortSelection(B.STAVES, 60 + 20 * g)));
      });
    });
  }
}
await run({ colors: false });
"""

BENCHMARKJS = """
import Benchmark from 'benchmark';
import * as B from './bow.mjs';
const mode = process.argv[2] || 'plain';
const n = Number(process.argv[3] || 1);
const o = { maxTime: 0.02, minSamples: 5, initCount: 1 };
function suite(name, adds) {
  const s = new Benchmark.Suite(name);
  for (const [t, f] of adds) s.add(t, f, o);
  console.log(`Suite: ${name}`);
  s.on('cycle', (e) => console.log(String(e.target)))
   .on('error', (e) => console.log(`Error in ${e.target.name}: ${e.target.error}`))
   .on('complete', function () {
     const ok = this.filter('successful');
     if (ok.length) { console.log('Fastest is ' + ok.filter('fastest').map('name')); console.log('Slowest is ' + ok.filter('slowest').map('name')); }
     console.log('');
   }).run({ async: false });
}
if (mode === 'plain' || mode === 'throw') {
  suite('draw', [['drawWeight', () => B.drawWeight(B.STAVES)], ['tillerStave 300', () => B.tillerStave(300)],
    ['glueFletchings 80', () => B.glueFletchings(B.STAVES, 80)]]);
  suite('spine', [['spineConcat 200', () => B.spineConcat(200)], ['spineTemplate 200', () => B.spineTemplate(200)]]);
  if (mode === 'throw') suite('nocks', [['nockOf map', () => B.nockOf('arrow-411')], ['nockByFilter arrow-777', () => B.nockByFilter('arrow-777')]]);
} else {
  for (let c = 0; c < n; c++) {
    suite(`shafts ${c}`, [[`spineConcat ${40 + 20 * c}`, () => B.spineConcat(40 + 20 * c)], [`spineTemplate ${40 + 20 * c}`, () => B.spineTemplate(40 + 20 * c)],
      [`tillerStave ${100 + 50 * c}`, () => B.tillerStave(100 + 50 * c)]]);
  }
  if (mode === 'wide-throw') suite('nocks', [['nockByFilter arrow-12', () => B.nockByFilter('arrow-12')], ['nockByFilter arrow-777', () => B.nockByFilter('arrow-777')]]);
}
"""

TRACE_OPT = """
'use strict';
const rounds = Number(process.argv[2] || 1000);
const nfletch = Number(process.argv[3] || 4);
const fail = process.argv[4] === 'fail';
function straighten(shaft) { let w = 0; for (let i = 0; i < shaft.length; i++) w += Math.abs(shaft[i] - shaft[(i + 1) % shaft.length]); return w; }
function featherArea(f) { return f.len * f.height * 0.5 + (f.shield ? f.shield : 0); }
function countNocks(arrow) { return arrow.nocks.length + arrow.head.barbs; }
const fletchers = [];
for (let k = 0; k < nfletch; k++) {
  fletchers.push(new Function('x', 'y', `return function fletch_${k}(x, y) { let s = 0; for (let i = 0; i < ${10 + (k % 9)}; i++) s += (x * ${k + 1} + i) % (y + ${k + 2}); return s; }`)());
}
const shaft = Array.from({ length: 48 }, (_, i) => 700 + ((i * 29) % 31));
let out = 0;
for (let r = 0; r < rounds; r++) {
  out += straighten(shaft);
  for (let k = 0; k < fletchers.length; k++) out += fletchers[k](r, k + 3);
  const f = r % 500 === 499 ? { len: 5, height: r % 7, shield: 1, trim: 'parabolic' } : (r % 2 ? { len: 5, height: r % 7 } : { height: r % 7, len: 4 });
  out += featherArea(f);
  if (r % 250 === 0) shaft.push(shaft.shift() + 0.25);
}
console.log(`straightened: ${rounds} shafts, ${fletchers.length} fletchers, sum ${out.toFixed(1)}`);
if (fail) {
  const arrows = [{ nocks: [1, 2], head: { barbs: 2 } }, { nocks: [3] }];
  for (const a of arrows) console.log(`nock count: ${countNocks(a)}`);
}
"""


def _project(tmp: Path) -> Path:
    js = tmp / "js"
    if (js / "bow.mjs").exists():
        return js
    files = {"bow.mjs": BOW.replace("%SEED%", str(SEED)), "tb.mjs": TINYBENCH, "mt.mjs": MITATA,
             "bj.mjs": BENCHMARKJS, "straighten.cjs": TRACE_OPT,
             "package.json": '{"name": "fletchery-bench", "version": "0.6.13", "private": true, "type": "module"}\n'}
    for name, body in VITEST_BODIES.items():
        files[f"bench/{name}.bench.mjs"] = VITEST_FILE.replace("%BODY%", body)
    write_tree(js, files)
    os.symlink(JS_TOOLS / "node_modules", js / "node_modules")
    return js


def cap_vitest(tmp: Path) -> None:
    js = _project(tmp)
    vb = "nice npx vitest bench --run"
    cap("vitest-bench-fletch", f"{vb} fletch staves; echo EXIT=$?", js, n_vitest_bench, timeout=300)
    cap("vitest-bench-all", f"BOW_CASES=8 {vb}; echo EXIT=$?", js, n_vitest_bench, timeout=300)
    cap("vitest-bench-staves-60", f"BOW_CASES=60 {vb} staves", js, n_vitest_bench, timeout=500)
    cap("vitest-bench-wide", f"BOW_CASES=90 {vb} staves shafts; echo EXIT=$?", js, n_vitest_bench, timeout=600)
    run(f"BOW_CASES=2 {vb} --outputJson base.json staves shafts", cwd=js, timeout=300)
    run(f"BOW_CASES=30 {vb} --outputJson base-30.json staves shafts", cwd=js, timeout=500)
    cap("vitest-bench-compare", f"BOW_SLOW=1 BOW_CASES=2 {vb} --compare base.json staves shafts; echo EXIT=$?", js,
        n_vitest_bench_compare, timeout=300)
    cap("vitest-bench-compare-30", f"BOW_SLOW=1 BOW_CASES=30 {vb} --compare base-30.json staves shafts", js,
        n_vitest_bench_compare, timeout=500)
    cap("vitest-bench-compare-shafts", f"BOW_SLOW=1 BOW_CASES=30 {vb} --compare base-30.json shafts", js,
        n_vitest_bench_compare, timeout=400)
    cap("vitest-bench-compare-staves", f"BOW_SLOW=1 BOW_CASES=30 {vb} --compare base-30.json staves; echo EXIT=$?",
        js, n_vitest_bench_compare, timeout=400)


def cap_tinybench(tmp: Path) -> None:
    js = _project(tmp)
    cap("tinybench-3", "nice node tb.mjs 3", js, n_tinybench_table, timeout=200)
    cap("tinybench-120", "nice node tb.mjs 120; echo EXIT=$?", js, n_tinybench_table, timeout=300)
    cap("tinybench-320", "nice node tb.mjs 320", js, n_tinybench_table, timeout=500)
    cap("tinybench-throw-12", "nice node tb.mjs 12 6; echo EXIT=$?", js, n_tinybench_table, timeout=300)
    cap("tinybench-throw-40", "nice node tb.mjs 40 30; echo EXIT=$?", js, n_tinybench_table, timeout=400)


def cap_mitata(tmp: Path) -> None:
    js = _project(tmp)
    cap("mitata-throw", "nice node mt.mjs throw; echo EXIT=$?", js, n_mitata, timeout=200)
    cap("mitata-flat-48", "nice node mt.mjs flat 48; echo EXIT=$?", js, n_mitata, timeout=400)
    cap("mitata-groups-8", "nice node mt.mjs groups 8", js, n_mitata, timeout=500)


def cap_benchmarkjs(tmp: Path) -> None:
    js = _project(tmp)
    cap("benchmarkjs-throw", "nice node bj.mjs throw; echo EXIT=$?", js, n_benchmark_js, timeout=200)
    cap("benchmarkjs-wide-50", "nice node bj.mjs wide-throw 50; echo EXIT=$?", js, n_benchmark_js, timeout=500)
    cap("benchmarkjs-grep", "nice node bj.mjs wide-throw 20 | grep -E 'ops/sec|Fastest|Error'", js,
        n_benchmark_js, timeout=400)


def cap_trace_opt(tmp: Path) -> None:
    js = _project(tmp)
    cap("node-trace-opt-short", "nice node --trace-opt straighten.cjs 300 2", js, n_node_trace_opt, timeout=120)
    cap("node-trace-opt-fletchers", "nice node --trace-opt straighten.cjs 3000 30 fail; echo EXIT=$?", js,
        n_node_trace_opt, timeout=200)
    cap("node-trace-opt-deopt", "nice node --trace-opt --trace-deopt straighten.cjs 4000 70 fail; echo EXIT=$?", js,
        n_node_trace_opt, timeout=300)


STEPS = [cap_vitest, cap_tinybench, cap_mitata, cap_benchmarkjs, cap_trace_opt]
