#!/usr/bin/env python3
"""Capture round 790 of the compression corpus: Node.js runtime diagnostics the corpus lacks, beside some it has, on
a whaling station's small programs written here (`trywork`: flensing decks, try-works, baleen, harpoons, flensers,
casks; seed 79010) with faults put in: rejected promises never handled (some handled late), a cask server that resets
connections and a client to a closed port, a blubber cache that grows past the heap limit, a flenser that throws deep
in a stack, a try-works loop spinning until interrupted, worker flensers waiting on Atomics with mismatched values and
timeouts, deprecated APIs, a node:test suite with failing tests, files with syntax errors.

Kinds (rules in NEEDLES.md's "Round 790" section): NEW node-unhandled-rejections-warn, node-debug-net,
node-heapsnapshot-near-heap-limit, node-abort-on-uncaught, node-trace-gc-nvp, node-trace-sigint,
node-trace-atomics-wait; held by the corpus, extractors imported: node-prof-process (round 6), node-trace-gc
(round 8), node-check-syntax and node-unhandled-rejection (round 44), node-trace-warnings, node-trace-deprecation,
node-trace-uncaught, node-diagnostic-report (round 109), node-heap-oom (round 369), node-debug-http,
node-debug-module, node-trace-exit (round 445), node-test-spec (round 9a). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide790.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide790.json  as {"version": 2, "items": [...]}, ids prefixed "wide790-".
Tools:   Node.js v20.20.2 (its runtime flags, `node --prof-process`, `node --test`) only.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, mask, write_tree  # noqa: E402
from capture_wide109_node import (_first_frame, n_node_report, n_trace_deprecation, n_trace_uncaught,  # noqa: E402
                                  n_trace_warnings)
from capture_wide369 import n_node_oom  # noqa: E402
from capture_wide44_ts import N_NODE_CHECK, N_REJECTION  # noqa: E402
from capture_wide445 import N_DEBUG_HTTP, N_DEBUG_MODULE, N_TRACE_EXIT  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide6_new2 import n_prof  # noqa: E402
from capture_wide8_logs import n_trace_gc  # noqa: E402
from capture_wide9a_js import n_node_test  # noqa: E402

ID_PREFIX = "wide790-"
DEFAULT_OUT = HERE / "data" / "wide790.json"
TMP = Path("/dev/shm/hm-corpus-wide790-run")
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
SEED = 79010
PORT, CLOSED = 17900, 27900

# ================================================================== extractors (NEEDLES.md, round 790)

EXIT = re.compile(r"^EXIT=\d+|^exit \d+")
APP_ERR = re.compile(r"\b\w*(Error|Exception)\b|\bfail(ed|ure)?\b|\bFATAL\b|\bmismatch", re.I)
AT = re.compile(r"^\s*at ")
NODE_PFX = re.compile(r"^\(node:\d+\) ")


def _exits(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _app_errors(lines, skip=None):
    """the program's own lines naming an error or failure (not node's `(node:PID)` lines, not frames)"""
    return [ln for ln in lines if APP_ERR.search(ln) and not AT.match(ln) and not NODE_PFX.match(ln)
            and not (skip and re.search(skip, ln))]


@cm.kind("node-unhandled-rejections-warn", "log")
def n_rej_warn(lines):
    """UnhandledPromiseRejectionWarning lines carrying the error + first non-internal frame; explanation lines one {any}; PromiseRejectionHandledWarning one {any}; other warnings one {any} per (name, shape); app error lines; EXIT=."""
    out, expl, handled, other = [], [], [], []
    for i, ln in enumerate(lines):
        if not NODE_PFX.match(ln):
            continue
        body = NODE_PFX.sub("", ln)
        if body.startswith("UnhandledPromiseRejectionWarning: Unhandled promise rejection."):
            expl.append(ln)
        elif body.startswith("UnhandledPromiseRejectionWarning: "):
            out += [ln, _first_frame(lines, i)]
        elif body.startswith("PromiseRejectionHandledWarning"):
            handled.append(ln)
        else:
            m = re.match(r"(?:\[\w+\] )?(\w*Warning)", body)
            if m:
                other.append(((m.group(1), mask(body)), ln))
    for g in (expl, handled):
        if g:
            out.append(cm.any_of(g))
    return out + groups(other) + _app_errors(lines) + _exits(lines)


DEBUG = re.compile(r"^([A-Z]+) \d+: ")


@cm.kind("node-debug-net", "log")
def n_debug_net(lines):
    """app lines naming an error/ECONN/reset/timeout + first non-internal frame; app's closing line; debug error/ECONN/destroy-with-error/hang up/timeout lines one {any} per (module, shape); first listen/createConnection debug line."""
    out, pairs, app, first = [], [], [], None
    for i, ln in enumerate(lines):
        m = DEBUG.match(ln)
        if m:
            msg = ln[m.end():]
            if re.search(r"error|ECONN|hang up|timeout|EPIPE|destroy .*err", msg, re.I):
                pairs.append(((m.group(1), mask(msg)), ln))
            if first is None and re.search(r"\b(listen|createConnection)\b", msg):
                first = ln
            continue
        if not ln.strip() or AT.match(ln):
            continue
        app.append(ln)
        if re.search(r"error|ECONN|reset|timeout|timed out|hang up", ln, re.I):
            out += [ln, _first_frame(lines, i)]
    if app:
        out.append(app[-1])
    return out + groups(pairs) + [first] + _exits(lines)


@cm.kind("node-heapsnapshot-near-heap-limit", "log")
def n_snap_near(lines):
    """every Wrote snapshot to line; node-heap-oom's needles (FATAL ERROR, last GC line, <--- ---> headings, first native frame); app error lines; ls lines naming a .heapsnapshot file; EXIT=."""
    out = [ln for ln in lines if ln.startswith("Wrote snapshot to ")]
    out += n_node_oom(lines)
    out += [ln for ln in lines if re.search(r"\.heapsnapshot$", ln) and not ln.startswith("Wrote")]
    return out + _app_errors(lines, skip=r"FATAL ERROR|Mark-Compact|Scavenge|Mark-sweep|^\s*\d+: 0x") + _exits(lines)


@cm.kind("node-abort-on-uncaught", "log")
def n_abort(lines):
    """Uncaught <Error> line; FROM line and the first frame under it; Aborted/core dumped/Illegal instruction/Trace/breakpoint trap lines; first native frame line; EXIT=."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Uncaught "):
            out.append(ln)
        elif s == "FROM":
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
        elif re.search(r"Aborted|core dumped|Illegal instruction|Trace/breakpoint trap", ln):
            out.append(ln)
    first = next((ln for ln in lines if re.match(r"\s*1: 0x", ln)), None)
    return out + [first] + _exits(lines)


NVP = re.compile(r"\bpause=([\d.]+) .*?\bgc=(\w+)")


@cm.kind("node-trace-gc-nvp", "log")
def n_gc_nvp(lines):
    """first line of each gc= type; lines of smallest and largest pause=; fatal/OOM lines and app error lines; the closing non-GC line."""
    out, firsts, rows = [], {}, []
    for ln in lines:
        m = NVP.search(ln)
        if m:
            firsts.setdefault(m.group(2), ln)
            rows.append((float(m.group(1)), ln))
    out += list(firsts.values())
    if rows:
        out += [min(rows, key=lambda r: r[0])[1], max(rows, key=lambda r: r[0])[1]]
    out += [ln for ln in lines if re.search(r"FATAL|out of memory", ln)]
    out += [ln for ln in _app_errors(lines) if not NVP.search(ln)]
    rest = [ln for ln in lines if ln.strip() and not NVP.search(ln) and not EXIT.match(ln)]
    if rest:
        out.append(rest[-1])
    return out + _exits(lines)


@cm.kind("node-trace-sigint", "log")
def n_sigint(lines):
    """every KEYBOARD_INTERRUPT line, its first non-internal frame and the frame below it; app error lines; EXIT=."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("KEYBOARD_INTERRUPT"):
            out.append(ln)
            f = _first_frame(lines, i)
            if f:
                out.append(f)
                k = lines.index(f, i)
                if k + 1 < len(lines) and AT.match(lines[k + 1]):
                    out.append(lines[k + 1])
    return out + _app_errors(lines, skip=r"KEYBOARD_INTERRUPT") + _exits(lines)


ATOM = re.compile(r"^\(node:\d+\) \[Thread (\d+)\] Atomics\.wait\(.*?\) (.+)$")


@cm.kind("node-trace-atomics-wait", "log")
def n_atomics(lines):
    """one {any} per (thread, outcome other than started); lines whose outcome occurs in at most 2 lines; app error/mismatch/failure lines and the closing summary line; EXIT=."""
    rows = [(m.group(1), m.group(2), ln) for ln in lines for m in [ATOM.match(ln)] if m]
    out = groups(((t, o), ln) for t, o, ln in rows if o != "started")
    counts: dict = {}
    for _, o, _ln in rows:
        counts[o] = counts.get(o, 0) + 1
    out += [ln for _, o, ln in rows if counts[o] <= 2]
    out += [ln for ln in _app_errors(lines) if not ATOM.match(ln)]
    app = [ln for ln in lines if ln.strip() and not ATOM.match(ln) and not AT.match(ln) and not EXIT.match(ln)]
    if app:
        out.append(app[-1])
    return out + _exits(lines)


# ================================================================== the material

FILES = {
    "package.json": '{"name": "trywork", "version": "0.7.9", "private": true}\n',
    "lib/station.js": r"""'use strict';
// trywork: a whaling station's flensing decks, try-works, baleen racks and harpoon stores.
let seed = 79010;
function rand() { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; }
class BaleenError extends Error {
  constructor(msg, rack) { super(msg); this.name = 'BaleenError'; this.code = 'E_BALEEN_RACK'; this.rack = rack; }
}
class TryworksError extends Error {
  constructor(msg, pot) { super(msg); this.name = 'TryworksError'; this.code = 'E_TRYPOT_' + pot; }
}
const FLENSERS = ['Abel Coffin', 'Tobias Starbuck', 'Silas Folger', 'Enoch Macy', 'Reuben Gardner', 'Obed Hussey',
  'Peleg Swain', 'Micah Worth', 'Jethro Bunker', 'Elihu Chase'];
function whale(i) {
  const kinds = ['sperm', 'right', 'humpback', 'bowhead', 'sperm', 'sperm', 'right', 'fin'];
  return { id: 'W' + String(1000 + i), kind: kinds[i % kinds.length], tons: Math.round(20 + rand() * 40),
    deck: 1 + (i % 3), flenser: FLENSERS[i % FLENSERS.length] };
}
module.exports = { rand, BaleenError, TryworksError, FLENSERS, whale };
""",
    "rejections.js": r"""'use strict';
// Flensing jobs as promises; some rejections are never handled, some are handled late.
const { whale, BaleenError, TryworksError, rand } = require('./lib/station');
const n = Number(process.argv[2] || 6), late = Number(process.argv[3] || 0);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function flense(w) {
  await sleep(5);
  if (w.kind === 'fin') throw new BaleenError(`no baleen rack for fin whale ${w.id} on deck ${w.deck}`, w.deck);
  if (w.tons > 52) throw new TryworksError(`try-pot ${w.deck} overflowed boiling ${w.tons} tons of ${w.id}`, w.deck);
  if (w.kind === 'bowhead' && rand() < 0.7) return w.blubber.tons;   // TypeError: blubber never set
  return w.tons * 0.42;
}
const jobs = [];
for (let i = 0; i < n; i++) {
  const w = whale(i);
  const p = flense(w);
  jobs.push(p);
  if (i < late) setTimeout(() => p.catch((e) => console.log(`late catch ${w.id}: ${e.message}`)), 60);
  else p.then((bbl) => console.log(`${w.id} ${w.kind.padEnd(8)} deck ${w.deck} ${bbl.toFixed(1)} barrels`));
}
setTimeout(() => console.log(`flensing done: ${n} whales, ${late} handled late`), 120);
""",
    "cask_server.js": r"""'use strict';
// Cask store: a TCP server answering cask counts; it resets every connection asking for a cask it lacks.
const net = require('net');
const port = Number(process.argv[2]), n = Number(process.argv[3] || 8), closed = Number(process.argv[4]);
const stock = { oil: 412, spermaceti: 38, baleen: 96, ambergris: 0 };
const srv = net.createServer((s) => {
  s.on('data', (d) => {
    const want = String(d).trim();
    if (!(want in stock)) { s.resetAndDestroy(); return; }
    if (stock[want] === 0) { s.setTimeout(30, () => s.destroy(new Error(`cask ${want} timed out`))); return; }
    s.end(`${want}=${stock[want]}\n`);
  });
  s.on('error', () => {});
});
srv.listen(port, '127.0.0.1', async () => {
  const wants = ['oil', 'baleen', 'whalebone', 'spermaceti', 'ambergris', 'oil', 'harpoons', 'baleen'];
  let ok = 0, bad = 0;
  const ask = (w, p) => new Promise((res) => {
    const c = net.createConnection({ port: p, host: '127.0.0.1' }, () => c.write(w + '\n'));
    c.setTimeout(300, () => c.destroy(new Error(`client timeout asking ${w}`)));
    c.on('data', (d) => { console.log('cask', String(d).trim()); ok++; });
    c.on('error', (e) => { console.error(`cask ${w} error: ${e.code || ''} ${e.message}`); bad++; res(); });
    c.on('close', () => res());
  });
  for (let i = 0; i < n; i++) await ask(wants[i % wants.length], port);
  if (closed) await ask('oil', closed);
  console.log(`cask store: ${ok} answered, ${bad} failed of ${n + (closed ? 1 : 0)}`);
  srv.close();
});
""",
    "http_deck.js": r"""'use strict';
// The flensing deck's HTTP board: deck numbers above 3 are 404, a slow deck hangs up.
const http = require('http');
const port = Number(process.argv[2]), paths = (process.argv[3] || '/deck/1').split(',');
const srv = http.createServer((req, res) => {
  const d = Number(req.url.split('/').pop());
  if (req.url.startsWith('/slow')) { setTimeout(() => req.socket.destroy(), 40); return; }
  if (!(d >= 1 && d <= 3)) { res.writeHead(404).end('no such deck\n'); return; }
  res.end(JSON.stringify({ deck: d, whales: d * 2 }));
});
srv.listen(port, '127.0.0.1', async () => {
  let fails = 0;
  for (const p of paths) {
    await new Promise((r) => http.get({ port, host: '127.0.0.1', path: p }, (res) => {
      let b = ''; res.on('data', (c) => (b += c));
      res.on('end', () => { if (res.statusCode >= 400) fails++; console.log(`GET ${p} ${res.statusCode} ${b.trim()}`); r(); });
    }).on('error', (e) => { fails++; console.error(`GET ${p} error: ${e.message}`); r(); }));
  }
  console.log(`deck board: ${paths.length} requests, ${fails} failed`);
  srv.close();
});
""",
    "blubber.js": r"""'use strict';
// A blubber cache that keeps every rendered slab: it grows until the heap is gone.
const n = Number(process.argv[2] || 1e9), size = Number(process.argv[3] || 20000);
const cache = new Map();
for (let i = 0; i < n; i++) {
  cache.set('slab-' + i, { whale: 'W' + (1000 + (i % 97)), text: ('blubber ' + i + ' ').repeat(size / 10) + i });
  if (i % 500 === 0) console.log(`blubber cache: ${cache.size} slabs`);
}
console.log('cache held', cache.size);
""",
    "flenser_abort.js": r"""'use strict';
// A flenser that throws deep in a stack (mode: deep | timer | string).
const { whale } = require('./lib/station');
const mode = process.argv[2] || 'deep', depth = Number(process.argv[3] || 5);
function cutStrip(w, k) { if (k === 0) return w.blubber.strips.length; return cutStrip(w, k - 1) + 1; }
function flenseWhale(w) { return cutStrip(w, depth); }
function deck(i) { return flenseWhale(whale(i)); }
if (mode === 'deep') deck(3);
else if (mode === 'timer') setTimeout(function hoistHead() { JSON.parse('{"jaw": ' + deck.name); }, 5);
else throw new RangeError(`harpoon line ${depth} fathoms exceeds the ${depth - 1} on the reel`);
""",
    "churn.js": r"""'use strict';
// Try-works churn: rendering batches of blubber objects and dropping most of them.
const n = Number(process.argv[2] || 200), keep = Number(process.argv[3] || 10);
const kept = [];
let barrels = 0;
for (let b = 0; b < n; b++) {
  const batch = [];
  for (let i = 0; i < 4000; i++) batch.push({ b, i, oil: Math.sqrt(i * b + 1), tag: 'pot' + (i % 7) });
  barrels += batch.reduce((s, x) => s + x.oil, 0) / 1000;
  if (b % keep === 0) kept.push(batch);
}
if (kept.length > 40) console.error(`Error: try-works kept ${kept.length} batches, cooling tank overflowed`);
console.log(`try-works: ${n} batches, ${barrels.toFixed(1)} barrels, ${kept.length} batches kept`);
""",
    "spin.js": r"""'use strict';
// A try-works loop waiting for the oil to reach a temperature it never reaches.
const mode = process.argv[2] || 'pot';
let t = 0;
function fireTemp() { return 180 + Math.sin(t++ / 1e6) * 20; }
function boilPot(pot) { while (fireTemp() < 260) { /* stoke */ } return pot; }
function renderDeck(deck) { return boilPot(deck * 2); }
function scrapBaleen() { let s = 0; for (;;) { s = (s + 1) % 97; if (s === -1) break; } return s; }
console.log('try-works lit, mode', mode);
if (mode === 'pot') renderDeck(2);
else if (mode === 'baleen') [1, 2].map(scrapBaleen);
else if (mode === 'async') (async function trimLamp() {
  for (let l = 1; l <= 5; l++) { await null; console.log(`try-lamp ${l} trimmed, wick ${(l * 0.7).toFixed(1)} in`); }
  renderDeck(4);
})();
else setTimeout(function ropeWalk() {
  for (let d = 1; d <= 6; d++) console.log(`deck ${d}: fire ${fireTemp().toFixed(1)} degrees, oil not yet rendering`);
  renderDeck(3);
}, 10);
""",
    "atomics.js": r"""'use strict';
// Worker flensers waiting on a shared cutting-in signal; some wait on the wrong value, some never get woken.
const { Worker, isMainThread, workerData } = require('worker_threads');
if (isMainThread) {
  const n = Number(process.argv[2] || 3), wake = Number(process.argv[3] || 1);
  const sab = new SharedArrayBuffer(4 * (n + 1));
  const flag = new Int32Array(sab);
  flag[1] = 7;
  let done = 0, mism = 0;
  for (let i = 0; i < n; i++) {
    const w = new Worker(__filename, { workerData: { sab, i } });
    w.on('message', (m) => { console.log(m); if (/mismatch/.test(m)) mism++; });
    w.on('exit', () => { if (++done === n) console.log(`cutting-in: ${n} flensers, ${mism} waited on a mismatched value`); });
  }
  setTimeout(() => { for (let i = 0; i < wake; i++) { Atomics.store(flag, 0, 1); Atomics.notify(flag, 0, 1); } }, 60);
} else {
  const { parentPort } = require('worker_threads');
  const { sab, i } = workerData;
  const flag = new Int32Array(sab);
  const idx = i % 3 === 2 ? 1 : 0;
  const r = Atomics.wait(flag, idx, 0, 80 + i * 20);
  parentPort.postMessage(r === 'not-equal' ? `flenser ${i}: signal mismatch on slot ${idx}` : `flenser ${i}: ${r}`);
}
""",
    "deprecated.js": r"""'use strict';
// Old station code still on deprecated APIs (mode: buffer | crypto | listeners | all).
const events = require('events');
const mode = process.argv[2] || 'all';
function rackBaleen() { return new Buffer(16).fill(7).length; }
function sealCask() { const crypto = require('crypto'); const c = crypto.createCipher('aes-128-cbc', 'ambergris'); return c.update('oil', 'utf8', 'hex') + c.final('hex'); }
function hailBoats(n) { const e = new events.EventEmitter(); for (let i = 0; i < n; i++) e.on('whale', () => i); return e.listenerCount('whale'); }
function dirtyDeck() { process.emitWarning('deck 3 not scrubbed since last whale', { type: 'DeckWarning', code: 'TRY001' }); }
if (mode === 'buffer' || mode === 'all') console.log('baleen rack', rackBaleen());
if (mode === 'crypto' || mode === 'all') console.log('cask seal', sealCask());
if (mode === 'listeners' || mode === 'all') console.log('boats hailed', hailBoats(14));
if (mode === 'all') { dirtyDeck(); dirtyDeck(); }
if (mode === 'all') setTimeout(() => require('fs').rmdirSync('/nonexistent-trywork', { recursive: true }), 20);
""",
    "exit_early.js": r"""'use strict';
// The log keeper quits the process from deep inside the tally.
const { whale } = require('./lib/station');
function tally(ws) { let oil = 0; for (const w of ws) { if (w.tons > 55) closeLog(w); oil += w.tons; } return oil; }
function closeLog(w) { console.error(`log closed early at ${w.id}`); process.exit(3); }
console.log('tally', tally(Array.from({ length: Number(process.argv[2] || 30) }, (_, i) => whale(i))));
""",
    "throw_odd.js": r"""'use strict';
// Harpoon checks that throw values that are not Errors.
const mode = process.argv[2] || 'string';
function checkHarpoon(n) {
  if (mode === 'string') throw `harpoon ${n} has no toggle iron`;
  if (mode === 'object') throw { harpoon: n, line: 'parted', fathoms: 220 };
  throw new Error(`harpoon ${n} barb bent`);
}
[1, 2, 3].forEach((n) => { if (n === 2) checkHarpoon(n); });
""",
    "work.js": r"""'use strict';
// Profiled try-works: rendering, grading and logging barrels.
const { whale } = require('./lib/station');
const n = Number(process.argv[2] || 20000);
function render(w) { let s = 0; for (let i = 0; i < w.tons * 40; i++) s += Math.sqrt(i) * Math.sin(i); return s; }
function grade(v) { return String(Math.round(Math.abs(v))).split('').reverse().join('').padStart(9, '0'); }
function ledger(rows) { return rows.map((r) => r.join('|')).join('\n').length; }
const rows = [];
for (let i = 0; i < n; i++) { const w = whale(i); rows.push([w.id, w.kind, grade(render(w))]); }
console.log('ledger chars', ledger(rows));
""",
    "report_crash.js": r"""'use strict';
// The harpoon store crashes with an open server and timers; a report is written for it.
const net = require('net');
const srv = net.createServer().listen(0, '127.0.0.1');
const t = setInterval(() => {}, 1000);
const { whale } = require('./lib/station');
function countIrons(w) { return w.harpoons.irons.length; }
setTimeout(function issueHarpoons() {
  if (process.argv[2] === 'write') { process.report.writeReport('report-write.json'); srv.close(); clearInterval(t); return; }
  countIrons(whale(7));
}, 20);
""",
    "reject_default.js": r"""'use strict';
const { whale, BaleenError } = require('./lib/station');
async function rackBaleen(w) { if (w.kind !== 'right') throw new BaleenError(`whale ${w.id} is a ${w.kind}, not a baleen whale`, 4); return 1; }
Promise.all([0, 1, 2, 3].map((i) => rackBaleen(whale(i)))).then(() => console.log('racked'));
""",
    "test/flense.test.js": r"""'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { whale, FLENSERS } = require('../lib/station');
test('whale ids are numbered from W1000', () => { assert.strictEqual(whale(0).id, 'W1000'); });
test('every deck is 1..3', () => { for (let i = 0; i < 30; i++) assert.ok(whale(i).deck <= 3); });
test('fin whales give baleen', () => { assert.strictEqual(whale(7).kind, 'bowhead', 'whale 7 should be a bowhead'); });
test.describe('try-works', () => {
  test.it('tons stay under sixty', () => { for (let i = 0; i < 50; i++) assert.ok(whale(i).tons < 60); });
  test.it('barrels per ton', () => { assert.deepStrictEqual({ perTon: 0.42 * 2, pot: 1 }, { perTon: 0.84, pot: 2 }); });
  test.it('flensers are ten', () => { assert.equal(FLENSERS.length, 10); });
  test.it('a slow boil', async () => { await new Promise((r) => setTimeout(r, 5)); throw new Error('try-pot 2 cracked while cooling'); });
});
test.describe('harpoons', () => {
  test.it('irons counted', () => { const w = whale(3); assert.strictEqual(w.harpoons.irons, 4); });
  test.it.skip('lances sharpened', () => {});
  test.it.todo('bomb lances');
});
""",
    "needs_harpoon.js": "'use strict';\nconst station = require('./lib/station');\nconst irons = require('./lib/harpoon_irons');\nconsole.log(station.whale(1).id, irons.count);\n",
    "bad/cask_a.js": "'use strict';\nfunction fill(cask) {\n  return cask.oil + ;\n}\n",
    "bad/cask_b.js": "'use strict';\nconst racks = [1, 2, 3;\nmodule.exports = racks;\n",
    "bad/cask_c.js": "'use strict';\nclass Pot {\n  boil() { let let = 1; return let; }\n}\n",
    "bad/cask_d.js": "'use strict';\nasync function f() { await 1 }\nconst x = await f()\nreturn x\n",
    "bad/cask_ok.js": "'use strict';\nmodule.exports = () => 'oil';\n",
}


def step_project(tmp: Path) -> None:
    write_tree(tmp, FILES)


def step_rej_warn(tmp: Path) -> None:
    cap("rej-warn-6", "node --unhandled-rejections=warn rejections.js 6; echo EXIT=$?", tmp, n_rej_warn, timeout=60)
    cap("rej-warn-late", "node --unhandled-rejections=warn rejections.js 12 5 2>&1; echo EXIT=$?", tmp, n_rej_warn,
        timeout=60)
    cap("rej-warn-code", "node --unhandled-rejections=warn-with-error-code rejections.js 16 2; echo EXIT=$?", tmp,
        n_rej_warn, timeout=60)
    cap("rej-warn-trace-40", "node --unhandled-rejections=warn --trace-warnings rejections.js 40 8 2>&1; echo EXIT=$?",
        tmp, n_rej_warn, timeout=60)


def step_net(tmp: Path) -> None:
    cap("debug-net-8", f"NODE_DEBUG=net node cask_server.js {PORT} 8 {CLOSED}; echo EXIT=$?", tmp, n_debug_net,
        timeout=60)
    cap("debug-net-3", f"NODE_DEBUG=net node cask_server.js {PORT + 1} 3 2>&1; echo EXIT=$?", tmp, n_debug_net,
        timeout=60)
    cap("debug-net-24", f"NODE_DEBUG=net node cask_server.js {PORT + 2} 24 {CLOSED} 2>&1 | tail -n 400", tmp,
        n_debug_net, timeout=60)
    cap("debug-net-http", f"NODE_DEBUG=net,http node http_deck.js {PORT + 3} /deck/1,/deck/9,/slow/2,/deck/3 2>&1; "
        "echo EXIT=$?", tmp, n_debug_net, timeout=60)
    cap("debug-http-deck", f"NODE_DEBUG=http node http_deck.js {PORT + 4} /deck/2,/deck/4,/deck/1,/slow/1,/deck/0,"
        "/deck/3 2>&1", tmp, N_DEBUG_HTTP, timeout=60)


def step_snap(tmp: Path) -> None:
    cap("snap-near-1", "mkdir -p s1 && cd s1 && nice node --max-old-space-size=24 --heapsnapshot-near-heap-limit=1 "
        "../blubber.js 1000000000 20000 2>&1 | grep -v '^blubber cache' ; ls; echo EXIT=$?", tmp, n_snap_near,
        timeout=240)
    cap("snap-near-2-tail", "mkdir -p s2 && cd s2 && nice node --max-old-space-size=32 --heapsnapshot-near-heap-limit=2"
        " ../blubber.js 1000000000 40000 2>&1 | tail -n 40; echo EXIT=$?", tmp, n_snap_near, timeout=240)
    cap("heap-oom-blubber", "nice node --max-old-space-size=16 blubber.js 1000000000 30000 2>&1 | tail -n 60", tmp,
        n_node_oom, timeout=240)
    cap("heap-oom-gc", "nice node --trace-gc --max-old-space-size=20 blubber.js 1000000000 50000 2>&1 | "
        "grep -v '^blubber cache' | tail -n 80", tmp, n_node_oom, timeout=240)


def step_abort(tmp: Path) -> None:
    cap("abort-deep", "ulimit -c 0; node --abort-on-uncaught-exception flenser_abort.js deep 6 2>&1; echo EXIT=$?",
        tmp, n_abort, timeout=60)
    cap("abort-timer", "ulimit -c 0; for m in timer range; do echo \"== $m\"; node --abort-on-uncaught-exception "
        "flenser_abort.js $m 3 2>&1; echo EXIT=$?; done", tmp, n_abort, timeout=60)
    cap("abort-range", "ulimit -c 0; node --abort-on-uncaught-exception --stack-trace-limit=40 flenser_abort.js "
        "range 9 2>&1; echo EXIT=$?", tmp, n_abort, timeout=60)
    cap("trace-uncaught-string", "for m in string object; do echo \"== $m\"; node --trace-uncaught throw_odd.js $m; "
        "echo \"exit $?\"; done 2>&1", tmp, n_trace_uncaught, timeout=60)
    cap("trace-uncaught-deep", "node --trace-uncaught flenser_abort.js timer 12 2>&1; echo EXIT=$?", tmp,
        n_trace_uncaught, timeout=60)


def step_gc(tmp: Path) -> None:
    cap("gc-nvp-60", "nice node --trace-gc-nvp churn.js 60 10 2>&1; echo EXIT=$?", tmp, n_gc_nvp, timeout=120)
    cap("gc-nvp-300", "nice node --trace-gc-nvp --max-semi-space-size=1 churn.js 300 4 2>&1 | tail -n 120", tmp,
        n_gc_nvp, timeout=120)
    cap("gc-nvp-oom", "nice node --trace-gc-nvp --max-old-space-size=24 blubber.js 1000000000 30000 2>&1 | "
        "grep -v '^blubber cache' | tail -n 60", tmp, n_gc_nvp, timeout=240)
    cap("trace-gc-churn", "nice node --trace-gc churn.js 220 3 2>&1; echo EXIT=$?", tmp, n_trace_gc, timeout=120)
    cap("trace-gc-small", "nice node --trace-gc --max-semi-space-size=1 churn.js 40 20", tmp, n_trace_gc, timeout=120)


def _sigint(script: str, args: str, wait: float) -> str:
    return (f"(node --trace-sigint {script} {args} & p=$!; sleep {wait}; kill -INT $p; wait $p; echo EXIT=$?)")


def step_sigint(tmp: Path) -> None:
    cap("sigint-pot", _sigint("spin.js", "pot", 1.0) + " 2>&1", tmp, n_sigint, timeout=60)
    cap("sigint-baleen", _sigint("spin.js", "baleen", 1.0) + " 2>&1", tmp, n_sigint, timeout=60)
    cap("sigint-timer", _sigint("spin.js", "timer", 1.2) + " 2>&1", tmp, n_sigint, timeout=60)
    cap("sigint-async", _sigint("spin.js", "async", 0.8) + " 2>&1", tmp, n_sigint, timeout=60)


def step_atomics(tmp: Path) -> None:
    cap("atomics-3", "node --trace-atomics-wait atomics.js 3 1 2>&1; echo EXIT=$?", tmp, n_atomics, timeout=60)
    cap("atomics-8", "node --trace-atomics-wait atomics.js 8 3 2>&1; echo EXIT=$?", tmp, n_atomics, timeout=60)
    cap("atomics-14", "node --trace-atomics-wait atomics.js 14 0 2>&1; echo EXIT=$?", tmp, n_atomics, timeout=60)


def step_existing(tmp: Path) -> None:
    cap("trace-warnings-all", "node --trace-warnings deprecated.js all 2>&1; echo EXIT=$?", tmp, n_trace_warnings,
        timeout=60)
    cap("trace-deprecation-loop", "for m in buffer crypto listeners; do echo \"== $m\"; node --trace-deprecation "
        "deprecated.js $m; done 2>&1; echo EXIT=$?", tmp, n_trace_deprecation, timeout=60)
    cap("trace-exit", "node --trace-exit exit_early.js 40; echo EXIT=$?", tmp, N_TRACE_EXIT, timeout=60)
    cap("unhandled-default", "node reject_default.js; echo EXIT=$?", tmp, N_REJECTION, timeout=60)
    cap("check-syntax", "for f in bad/*.js; do node --check \"$f\"; done 2>&1", tmp, N_NODE_CHECK, timeout=60)
    cap("test-spec", "node --test --test-reporter=spec test/ 2>&1", tmp, n_node_test, timeout=120)
    cap("test-spec-pattern", "node --test --test-reporter=spec --test-name-pattern='try-works|harpoons' test/; "
        "echo EXIT=$?", tmp, n_node_test, timeout=120)
    cap("debug-module-missing", "NODE_DEBUG=module node needs_harpoon.js 2>&1; echo EXIT=$?", tmp, N_DEBUG_MODULE,
        timeout=60)
    cap("report-uncaught", "mkdir -p rep; node --report-uncaught-exception --report-directory=rep report_crash.js 2>/dev/null; "
        "cat rep/report.*.json | head -n 300", tmp, n_node_report, timeout=60)
    cap("report-write", "node report_crash.js write >/dev/null 2>&1; head -n 600 report-write.json", tmp,
        n_node_report, timeout=60)
    cap("prof-process-4000", "rm -f isolate-*.log; nice node --prof work.js 4000 && nice node --prof-process "
        "isolate-*.log 2>&1 | head -n 160", tmp, n_prof, timeout=240)
    cap("prof-process-20000", "rm -f isolate-*.log; nice node --prof work.js 20000 >/dev/null && nice node "
        "--prof-process isolate-*.log 2>/dev/null", tmp, n_prof, timeout=240)


STEPS = [step_project, step_rej_warn, step_net, step_abort, step_sigint, step_atomics, step_gc, step_existing,
         step_snap]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide790", sys.modules["__main__"])
    main()
