"""Round 575, JavaScript: a smithy library written here (forges, anvils, farriers; seed 57510) with a hot loop, a
quadratic sort, a leaking smelter, a regression switched on by SMITHY_SLOW=1 and a farrier bench that throws; run by
vitest 3 (`vitest bench --run`, `--outputJson` then `--compare`), tinybench (`console.table(bench.table())`), mitata
(`run()`), benchmark.js (a suite printing each cycle) and `node --trace-opt`. The extractors are this round's
(NEEDLES.md, "Round 575"). Run through capture_wide575.py."""

from __future__ import annotations

import os
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide575 import (JS_TOOLS, SEED, cap, n_benchmark_js, n_mitata, n_node_trace_opt, n_tinybench_table,
                             n_vitest_bench, n_vitest_bench_compare)

SMITHY = """
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const R = rng(%SEED%);
export const ORES = Array.from({ length: 2000 }, () => Math.floor(R() * 10000));
export const FARRIERS = new Map(Array.from({ length: 500 }, (_, i) => ['farrier-' + i, { name: 'farrier-' + i, hoof: { size: 8 + (i % 7) } }]));
const SLOW = process.env.SMITHY_SLOW === '1';

export function heatIron(n) { let t = 0; for (let i = 0; i < n; i++) t += Math.sqrt(i * 1.7) % 13; return t; }
export function quench(arr) { return arr.map((x) => (x * 0.97) | 0).filter((x) => x % 3).length; }
export function hammerConcat(n) { let s = ''; for (let i = 0; i < n; i++) s += 'clang' + i; return s.length; }
export function hammerJoin(n) { const p = []; for (let i = 0; i < n; i++) p.push('clang' + i); return p.join('').length; }
export function temperSort(arr) { return [...arr].sort((a, b) => a - b)[0]; }
export function temperBubble(arr) {
  const a = arr.slice(0, 300);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length - 1 - i; j++) if (a[j] > a[j + 1]) { const t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
  return a[0];
}
export function anvilChecksum(arr) {
  let h = 2166136261;
  for (const x of arr) { h ^= x; h = Math.imul(h, 16777619); }
  if (SLOW) { for (let k = 0; k < 6; k++) for (const x of arr) { h ^= x >>> k; h = Math.imul(h, 16777619); } }
  return h >>> 0;
}
const slag = [];
export function leakySmelt(n) { slag.push(new Array(n).fill(7)); return slag.length; }
export function fitShoe(key) { const f = FARRIERS.get(key); return f.hoof.size * 2; }
export function fitShoeByScan(key) { for (const [k, f] of FARRIERS) if (k === key) return f.hoof.size * 2; return -1; }
"""

VITEST_FILE = """
import { bench, describe } from 'vitest';
import * as S from '../smithy.mjs';
const WIDE = Number(process.env.SMITHY_WIDE || 1);
const opts = { time: 15, warmupTime: 3, warmupIterations: 2 };
%BODY%
"""

VITEST_BODIES = {
    "forge": """
describe('forge', () => {
  for (let w = 0; w < WIDE; w++) {
    const n = 200 * (w + 1);
    bench(`heatIron ${n}`, () => { S.heatIron(n); }, opts);
    bench(`quench ores ${w}`, () => { S.quench(S.ORES); }, opts);
  }
});
describe('hammer', () => {
  bench('hammerConcat 500', () => { S.hammerConcat(500); }, opts);
  bench('hammerJoin 500', () => { S.hammerJoin(500); }, opts);
});
""",
    "anvil": """
describe('anvil', () => {
  bench('temperSort 2000', () => { S.temperSort(S.ORES); }, opts);
  bench('temperBubble 300', () => { S.temperBubble(S.ORES); }, opts);
  bench('anvilChecksum', () => { S.anvilChecksum(S.ORES); }, opts);
  for (let w = 0; w < WIDE; w++) bench(`leakySmelt ${w}`, () => { S.leakySmelt(64); }, opts);
});
""",
    "farrier": """
describe('farrier', () => {
  bench('fitShoe map', () => { S.fitShoe('farrier-411'); }, opts);
  bench('fitShoe scan', () => { S.fitShoeByScan('farrier-411'); }, opts);
  bench('fitShoe unknown horse', () => { S.fitShoe('farrier-9999'); }, opts);
});
""",
}

TINYBENCH = """
import { Bench } from 'tinybench';
import * as S from './smithy.mjs';
const [ntasks, withThrow] = [Number(process.argv[2] || 6), process.argv[3] === 'throw'];
const bench = new Bench({ name: 'smithy', time: 20, warmupTime: 3 });
const kinds = [
  ['heatIron', (i) => () => S.heatIron(100 + i * 50)],
  ['quench', () => () => S.quench(S.ORES)],
  ['hammerConcat', (i) => () => S.hammerConcat(50 + i * 10)],
  ['hammerJoin', (i) => () => S.hammerJoin(50 + i * 10)],
  ['temperSort', () => () => S.temperSort(S.ORES)],
  ['anvilChecksum', () => () => S.anvilChecksum(S.ORES)],
];
for (let i = 0; i < ntasks; i++) { const [n, f] = kinds[i % kinds.length]; bench.add(`${n} #${i}`, f(i)); }
if (withThrow) bench.add('fitShoe unknown horse', () => S.fitShoe('farrier-9999'));
await bench.run();
console.log(`bench ${bench.name}: ${bench.tasks.length} tasks`);
console.table(bench.table());
const bad = bench.tasks.filter((t) => t.result && t.result.error);
if (bad.length) { console.error(`Error: ${bad.length} task(s) failed: ${bad.map((t) => t.name).join(', ')}`); process.exitCode = 1; }
"""

MITATA = """
import { bench, group, summary, run, do_not_optimize } from 'mitata';
import * as S from './smithy.mjs';
const mode = process.argv[2] || 'plain';
const wide = Number(process.argv[3] || 1);
if (mode === 'plain' || mode === 'throw') {
  bench('heatIron 1000', () => do_not_optimize(S.heatIron(1000)));
  bench('quench ores', () => do_not_optimize(S.quench(S.ORES)));
  bench('temperBubble 300', () => do_not_optimize(S.temperBubble(S.ORES)));
  if (mode === 'throw') bench('fitShoe unknown horse', () => do_not_optimize(S.fitShoe('farrier-9999')));
} else {
  for (let w = 0; w < wide; w++) {
    group(`forge ${w}`, () => {
      summary(() => {
        bench(`heatIron ${200 * (w + 1)}`, () => do_not_optimize(S.heatIron(200 * (w + 1))));
        bench(`hammerConcat ${100 * (w + 1)}`, () => do_not_optimize(S.hammerConcat(100 * (w + 1))));
        bench(`hammerJoin ${100 * (w + 1)}`, () => do_not_optimize(S.hammerJoin(100 * (w + 1))));
      });
    });
    group(`anvil ${w}`, () => {
      summary(() => {
        bench('temperSort', () => do_not_optimize(S.temperSort(S.ORES)));
        bench('anvilChecksum', () => do_not_optimize(S.anvilChecksum(S.ORES)));
      });
    });
  }
}
await run({ colors: false });
"""

BENCHMARKJS = """
import Benchmark from 'benchmark';
import * as S from './smithy.mjs';
globalThis.S = S;
const mode = process.argv[2] || 'plain';
const wide = Number(process.argv[3] || 1);
const o = { maxTime: 0.05, minSamples: 5, initCount: 1 };
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
  await suite(`forge ${w}`, [[`heatIron ${100 * (w + 1)}`, () => S.heatIron(100 * (w + 1))], ['quench ores', () => S.quench(S.ORES)],
    [`hammerConcat ${50 * (w + 1)}`, () => S.hammerConcat(50 * (w + 1))], [`hammerJoin ${50 * (w + 1)}`, () => S.hammerJoin(50 * (w + 1))]]);
  await suite(`anvil ${w}`, [['temperSort', () => S.temperSort(S.ORES)], ['temperBubble', () => S.temperBubble(S.ORES)],
    ['anvilChecksum', () => S.anvilChecksum(S.ORES)]]);
}
if (mode === 'throw') await suite('farrier', [['fitShoe map', () => S.fitShoe('farrier-411')], ['fitShoe scan', () => S.fitShoeByScan('farrier-411')],
  ['fitShoe unknown horse', () => S.fitShoe('farrier-9999')]]);
"""

TRACE_OPT = """
'use strict';
const rounds = Number(process.argv[2] || 2000);
const fail = process.argv[3] === 'fail';
function heatIron(n) { let t = 0; for (let i = 0; i < n; i++) t += Math.sqrt(i * 1.7) % 13; return t; }
function quench(arr) { return arr.map((x) => (x * 0.97) | 0).filter((x) => x % 3).length; }
function hammer(n) { let s = ''; for (let i = 0; i < n; i++) s += 'clang' + (i % 10); return s.length; }
function alloyOf(ingot) { return ingot.iron * 0.98 + (ingot.carbon || 0) * 0.02; }
function temper(arr) { return [...arr].sort((a, b) => a - b)[0]; }
class Anvil {
  constructor(weight) { this.weight = weight; this.strikes = 0; }
  strike(force) { this.strikes++; return (force * this.weight) % 97; }
}
function fitShoe(horse) { return horse.hoof.size * 2; }
const ores = Array.from({ length: 400 }, (_, i) => (i * 7919) % 1000);
const anvil = new Anvil(120);
let total = 0;
for (let r = 0; r < rounds; r++) {
  total += heatIron(200) + quench(ores) + hammer(40) + anvil.strike(r);
  const ingot = r % 500 === 499 ? { iron: r, carbon: 3, slag: 'x' } : (r % 3 ? { iron: r } : { carbon: 1, iron: r });
  total += alloyOf(ingot);
  if (r % 50 === 0) total += temper(ores);
}
console.log(`forged: ${rounds} rounds, total ${total.toFixed(2)}, anvil strikes: ${anvil.strikes}`);
if (fail) {
  const horses = [{ hoof: { size: 9 } }, { name: 'Wyn' }];
  for (const h of horses) console.log(`shoe: ${fitShoe(h)}`);
}
"""


def _project(tmp: Path) -> Path:
    js = tmp / "js"
    smithy = SMITHY.replace("%SEED%", str(SEED))
    files = {"smithy.mjs": smithy, "tb.mjs": TINYBENCH, "mt.mjs": MITATA, "bj.mjs": BENCHMARKJS,
             "trace.cjs": TRACE_OPT,
             "package.json": '{"name": "smithy-bench", "version": "0.5.75", "private": true, "type": "module"}\n'}
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
    cap("vitest-bench-forge", f"{vb} bench/forge.bench.mjs", js, n_vitest_bench, timeout=300)
    cap("vitest-bench-farrier", f"{vb} farrier forge; echo EXIT=$?", js, n_vitest_bench, timeout=300)
    cap("vitest-bench-wide", f"SMITHY_WIDE=14 {vb}; echo EXIT=$?", js, n_vitest_bench, timeout=400)
    cap("vitest-bench-tail", f"{vb} anvil 2>&1 | tail -25", js, n_vitest_bench, timeout=300)
    cm.run(f"{vb} --outputJson base.json forge anvil", cwd=js, timeout=300)
    cm.run(f"SMITHY_WIDE=6 {vb} --outputJson base-wide.json", cwd=js, timeout=400)
    cap("vitest-bench-compare", f"SMITHY_SLOW=1 {vb} --compare base.json forge anvil; echo EXIT=$?", js,
        n_vitest_bench_compare, timeout=300)
    cap("vitest-bench-compare-anvil", f"SMITHY_SLOW=1 {vb} --compare base.json anvil", js,
        n_vitest_bench_compare, timeout=300)
    cap("vitest-bench-compare-wide", f"SMITHY_SLOW=1 SMITHY_WIDE=6 {vb} --compare base-wide.json; echo EXIT=$?", js,
        n_vitest_bench_compare, timeout=400)


def cap_tinybench(tmp: Path) -> None:
    js = _project(tmp)
    cap("tinybench-6", "nice node tb.mjs 6", js, n_tinybench_table, timeout=200)
    cap("tinybench-throw", "nice node tb.mjs 8 throw; echo EXIT=$?", js, n_tinybench_table, timeout=200)
    cap("tinybench-60", "nice node tb.mjs 60; echo EXIT=$?", js, n_tinybench_table, timeout=300)
    cap("tinybench-80-throw", "nice node tb.mjs 80 throw", js, n_tinybench_table, timeout=400)


def cap_mitata(tmp: Path) -> None:
    js = _project(tmp)
    cap("mitata-plain", "nice node mt.mjs plain", js, n_mitata, timeout=200)
    cap("mitata-throw", "nice node mt.mjs throw; echo EXIT=$?", js, n_mitata, timeout=200)
    cap("mitata-groups", "nice node mt.mjs groups 2; echo EXIT=$?", js, n_mitata, timeout=300)
    cap("mitata-groups-wide", "nice node mt.mjs groups 12", js, n_mitata, timeout=500)


def cap_benchmarkjs(tmp: Path) -> None:
    js = _project(tmp)
    cap("benchmarkjs-plain", "nice node bj.mjs plain", js, n_benchmark_js, timeout=200)
    cap("benchmarkjs-throw", "nice node bj.mjs throw; echo EXIT=$?", js, n_benchmark_js, timeout=200)
    cap("benchmarkjs-wide", "nice node bj.mjs throw 10; echo EXIT=$?", js, n_benchmark_js, timeout=400)
    cap("benchmarkjs-grep", "nice node bj.mjs plain 4 | grep -E 'ops/sec|Fastest|Suite'", js, n_benchmark_js,
        timeout=300)


def cap_trace_opt(tmp: Path) -> None:
    js = _project(tmp)
    cap("node-trace-opt-short", "nice node --trace-opt trace.cjs 300", js, n_node_trace_opt, timeout=120)
    cap("node-trace-opt-fail", "nice node --trace-opt trace.cjs 3000 fail; echo EXIT=$?", js, n_node_trace_opt,
        timeout=120)
    cap("node-trace-opt-long", "nice node --trace-opt --trace-opt-verbose trace.cjs 20000; echo EXIT=$?", js,
        n_node_trace_opt, timeout=200)


STEPS = [cap_vitest, cap_tinybench, cap_mitata, cap_benchmarkjs, cap_trace_opt]
