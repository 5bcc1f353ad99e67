"""Round 109's Node runtime diagnostics and the extractors of their kinds (NEEDLES.md, "Round 109"): `tidepool`'s
ingest workers crash with Node's diagnostic report on, a server is asked for a report by signal, scripts print
warnings and deprecations under `--trace-warnings` / `--trace-deprecation`, throw under `--trace-uncaught` and reject
under `--unhandled-rejections=strict`; why-is-node-running lists the handles keeping a worker alive; TypeScript
versions of the workers crash under tsx and ts-node. Run through capture_wide109.py."""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide97_load import _status
from capture_wide109 import cap

# The report runs get a bare environment: the report prints every environment variable of the process.
BARE = "env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp/tidepool-home LANG=C.UTF-8 TZ=UTC"

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

INTERNAL = re.compile(r"node:internal|\(internal/|node_modules")


def _first_frame(lines, i, pat=r"^\s*at ", ahead=6, want=None):
    """The first `at` frame within `ahead` lines after i that is not in node:internal (and matches `want`)."""
    for k in range(i + 1, min(len(lines), i + 1 + ahead)):
        ln = lines[k]
        if re.search(pat, ln) and not re.search(r"node:internal|\(internal/", ln) and (not want or re.search(want, ln)):
            return ln
    return None


@cm.kind("node-diagnostic-report", "json")
def n_node_report(lines):
    """Rule 5: header event/trigger/filename/nodejsVersion/cwd and first commandLine entry; javascriptStack message and its first two non-internal stack entries; errorProperties members; heap totalMemory/usedMemory and resourceUsage rss; libuv handles one {any} per type."""
    out, handles = [], []
    section, in_cmd, in_stack, stack_n, in_err, in_uv = None, False, False, 0, False, False
    for ln in lines:
        s = ln.strip()
        m = re.match(r'^"(\w+)": [\[{]', s)
        if m and len(ln) - len(ln.lstrip()) <= 2:
            section = m.group(1)
            in_uv = section == "libuv"
        if section == "header":
            if re.match(r'^"(event|trigger|filename|nodejsVersion|cwd)": ', s):
                out.append(ln)
            if s.startswith('"commandLine": ['):
                in_cmd = True
                continue
            if in_cmd:
                out.append(ln)
                in_cmd = False
        elif section == "javascriptStack":
            if s.startswith('"message":'):
                out.append(ln)
            elif s.startswith('"stack": ['):
                in_stack, stack_n = True, 0
            elif in_stack and s.startswith("]"):
                in_stack = False
            elif in_stack and stack_n < 2 and not re.search(r"node:internal|\(internal/", s):
                out.append(ln)
                stack_n += 1
            if s.startswith('"errorProperties": {'):
                in_err = True
            elif in_err and s.startswith("}"):
                in_err = False
            elif in_err and s:
                out.append(ln)
        elif section == "javascriptHeap" and re.match(r'^"(totalMemory|usedMemory)": ', s) and ln.startswith("    \""):
            out.append(ln)
        elif section == "resourceUsage" and re.match(r'^"rss": ', s):
            out.append(ln)
        if in_uv:
            m = re.match(r'^"type": "([^"]+)"', s)
            if m:
                handles.append((m.group(1), ln))
    return out + cm.groups(handles) + _status(lines)


NODE_WARN = re.compile(r"^\(node:\d+\) (?:\[\w+\] )?\w*Warning: ")


def _n_trace_warn(lines):
    out = []
    for i, ln in enumerate(lines):
        if NODE_WARN.match(ln):
            out.append(ln)
            out.append(_first_frame(lines, i))
        elif re.search(r"\b\w*(Error|Exception)\b[:\s]|\bFATAL\b|\bfailed\b", ln) and not ln.lstrip().startswith("at "):
            out.append(ln)
    return out + _status(lines)


n_trace_warnings = cm.named("node-trace-warnings", "log", "Rules 1+5: every (node:PID) ...Warning: line alone with its first non-internal at frame within six; the program's own error lines; EXIT=.", _n_trace_warn)
n_trace_deprecation = cm.named("node-trace-deprecation", "log", "Rules 1+5: every (node:PID) ...Warning: line alone (its DEP code) with its first non-internal at frame within six; the program's own error lines; EXIT=.", _n_trace_warn)

ERR_LINE = re.compile(r"^(?:Uncaught |\[UnhandledPromiseRejection: |\w*(?:Error|Exception)(?: \[\w+\])?: |\w*Error$|TSError: )")
EXCERPT = re.compile(r"^(?:file://)?/\S+:\d+$")


def _n_crash(lines, want=None):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if EXCERPT.match(s):
            out.append(ln)
        elif ERR_LINE.match(s):
            out.append(ln)
            out.append(_first_frame(lines, i, want=want))
        elif s == "Thrown at:":
            out.append(ln)
            out.append(_first_frame(lines, i, pat=r"^\s*(?:at )?\S+.*:\d+:\d+", ahead=12))
        elif re.match(r"^code: '[^']+'", s) or re.match(r"^Node\.js v\d", s):
            out.append(ln)
        elif re.search(r"\(\d+,\d+\): error TS\d+:|:\d+:\d+ - error TS\d+:", ln):
            out.append(ln)
    return out + _status(lines)


n_trace_uncaught = cm.named("node-trace-uncaught", "log", "Rules 1+5: the excerpt's file:line header; every error / Uncaught line with its first non-internal at frame; Thrown at: and its first non-internal frame; code: members; Node.js v line; EXIT=.", _n_crash)
n_unhandled_strict = cm.named("node-unhandled-rejections-strict", "log", "Rules 1+5: the excerpt's file:line header; every error / Uncaught / [UnhandledPromiseRejection line with its first non-internal at frame; code: members; Node.js v line; EXIT=.", _n_crash)
n_tsx_crash = cm.named("tsx-crash", "log", "Rules 1+5: the excerpt's file:line header; every error line with its first at frame naming a .ts file; every TSnnnn error line; code: members; Node.js v line; EXIT=.", lambda lines: _n_crash(lines, want=r"\.ts:\d+"))
n_ts_node_crash = cm.named("ts-node-crash", "log", "Rules 1+5: the excerpt's file:line header; every error / TSError line with its first at frame naming a .ts file; every TSnnnn error line; code: members; Node.js v line; EXIT=.", lambda lines: _n_crash(lines, want=r"\.ts:\d+"))


@cm.kind("why-is-node-running", "log")
def n_why_running(lines):
    """Rule 5: the 'There are N handle(s) keeping the process running' line, every '# Type' handle header and under each its first project location line (not node_modules, not internal)."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^There (?:are|is) \d+ handle", s):
            out.append(ln)
        elif re.match(r"^# \S", s):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 12)):
                if re.match(r"^# \S", lines[k].strip()):
                    break
                if re.search(r"/[\w./-]+\.[cm]?[jt]s:\d+", lines[k]) and not INTERNAL.search(lines[k]):
                    out.append(lines[k])
                    break
    return out + _status(lines)


# ------------------------------------------------------------------ the project: tidepool's workers

def _readings(seed: int, n: int) -> str:
    rng = random.Random(seed)
    stations = [f"TG-{c}{i:02d}" for c in "NSEW" for i in range(1, 13)]
    rows = ["station,ts,level_mm,temp_c,qc"]
    for k in range(n):
        st = rng.choice(stations)
        lvl = f"{rng.gauss(1850, 420):.1f}"
        if k in (n // 3, n // 2 + 7):
            lvl = "NaN" if k == n // 3 else ""
        rows.append(f"{st},2026-03-{1 + k % 28:02d}T{k % 24:02d}:{k % 60:02d}:00Z,{lvl},{rng.uniform(4, 19):.2f},"
                    f"{rng.choice(['ok'] * 9 + ['suspect'])}")
    return "\n".join(rows) + "\n"


INGEST = r"""'use strict';
const fs = require('fs');
const path = require('path');
const { EventEmitter } = require('events');

class Station extends EventEmitter {
  constructor(id, datum) { super(); this.id = id; this.datum = datum; this.readings = []; }
  push(r) {
    if (!Number.isFinite(r.level)) {
      const err = new RangeError(`station ${this.id}: level ${r.rawLevel} is not a number at ${r.ts}`);
      err.code = 'ERR_TIDE_LEVEL';
      err.station = this.id;
      err.row = r.row;
      throw err;
    }
    this.readings.push(r);
    this.emit('reading', r);
  }
}

function parse(text) {
  return text.trim().split('\n').slice(1).map((line, i) => {
    const [station, ts, level, temp, qc] = line.split(',');
    return { row: i + 2, station, ts, rawLevel: level, level: level === '' ? NaN : Number(level), temp: Number(temp), qc };
  });
}

function ingest(file, datums) {
  const stations = new Map();
  for (const r of parse(fs.readFileSync(file, 'utf8'))) {
    if (!stations.has(r.station)) stations.set(r.station, new Station(r.station, datums[r.station]));
    const st = stations.get(r.station);
    st.on('reading', () => {});   // bug: a listener per reading
    st.push(r);
  }
  return stations;
}

function main() {
  const datums = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'data', 'datums.json'), 'utf8'));
  const file = process.argv[2] || path.join(__dirname, '..', 'data', 'readings.csv');
  const buf = Buffer.alloc(1024 * 1024 * 8, 7);   // a working buffer kept for the report's heap
  const stations = ingest(file, datums);
  console.log(`ingested ${stations.size} stations`, buf.length);
}

module.exports = { ingest, parse, Station };
if (require.main === module) main();
"""

SERVER = r"""'use strict';
const http = require('http');
const net = require('net');
const fs = require('fs');
const clients = [];
const server = http.createServer((req, res) => {
  if (req.url === '/levels') { res.end(JSON.stringify({ stations: 48 })); return; }
  res.statusCode = 404; res.end('no');
});
server.listen(0, '127.0.0.1', () => {
  fs.writeFileSync('server.port', String(server.address().port));
  for (let i = 0; i < 3; i++) clients.push(net.connect(server.address().port, '127.0.0.1'));
});
const poll = setInterval(() => { fs.statSync('.'); }, 250);
const flush = setTimeout(() => console.log('flush'), 600000);
const watcher = fs.watch('.', () => {});
process.stdin.resume();
"""

FEEDS = r"""'use strict';
// one socket per tide gauge's live feed; the relay crashes when a gauge sends a malformed frame
const net = require('net');
const n = Number(process.argv[2] || 40);
const sockets = [];
const relay = net.createServer((s) => { sockets.push(s); s.on('data', onFrame); });
function onFrame(buf) {
  const frame = JSON.parse(buf.toString());   // bug: a frame split across two packets is not joined
  if (frame.level > 9000) throw new Error('impossible level');
}
relay.listen(0, '127.0.0.1', () => {
  const port = relay.address().port;
  for (let i = 0; i < n; i++) {
    const c = net.connect(port, '127.0.0.1', () => {
      c.write(i === n - 7 ? '{"station":"TG-E09","level":18' : JSON.stringify({ station: `TG-${i}`, level: 1800 + i }));
    });
    setInterval(() => {}, 5000 + i);
  }
});
"""

WARNINGS = {
    "listeners.js": r"""'use strict';
const { EventEmitter } = require('events');
const { Station } = require('./ingest');
const st = new Station('TG-N01', 0);
for (let i = 0; i < 14; i++) st.on('reading', () => {});
const bus = new EventEmitter();
for (let i = 0; i < 12; i++) bus.on('flush', () => {});
for (let i = 0; i < 11; i++) process.on('SIGUSR2', () => {});
console.log('listeners attached');
""",
    "emit.js": r"""'use strict';
function checkStation(id, level) {
  if (level > 4000) process.emitWarning(`station ${id}: level ${level} mm above gauge range`, 'TideRangeWarning');
  if (level < 0) process.emitWarning(`station ${id}: negative level ${level}`, { type: 'TideRangeWarning', code: 'TIDE001', detail: 'check the datum offset' });
}
const rows = [['TG-N01', 1200], ['TG-S04', 4410], ['TG-E07', -35], ['TG-W12', 5022], ['TG-N09', 300]];
for (const [id, lvl] of rows) checkStation(id, lvl);
process.emitWarning('calibration table is 412 days old', 'CalibrationWarning');
const u = new URL('http://gauge.local:8080/levels');
console.log('checked', rows.length, u.host);
""",
    "experimental.js": r"""'use strict';
const { Blob } = require('buffer');
async function main() {
  const b = new Blob(['level,1850']);
  console.log((await b.text()).length);
  const res = await fetch('http://127.0.0.1:9/levels').catch((e) => { console.error('fetch failed:', e.cause && e.cause.code); });
  const ac = new AbortController();
  ac.signal.addEventListener('abort', () => {});
  for (let i = 0; i < 12; i++) ac.signal.addEventListener('abort', () => {});
  ac.abort();
  process.emitWarning('unsafe datum override in use', 'SecurityWarning');
  return res;
}
main();
""",
}

DEPRECATED = {
    "legacy_buffer.js": "'use strict';\nconst b = new Buffer(16);\nconst c = Buffer('TG-N01');\nconsole.log(b.length, c.toString());\n",
    "legacy_fs.js": "'use strict';\nconst fs = require('fs');\nfs.mkdirSync('scratch/a', { recursive: true });\nfs.rmdirSync('scratch', { recursive: true });\nconsole.log('cleaned');\n",
    "legacy_crypto.js": "'use strict';\nconst crypto = require('crypto');\nconst c = crypto.createCipher('aes-128-cbc', 'tide');\nconsole.log(c.update('level', 'utf8', 'hex') + c.final('hex'));\n",
    "legacy_misc.js": "'use strict';\nconst sys = require('sys');\nconst util = require('util');\nconsole.log(sys.format('%s', 'x'), util.isArray([]));\nconst tls = require('tls');\ntry { tls.createSecurePair(); } catch (e) { console.error('createSecurePair failed:', e.message); }\nprocess.assert(1 === 1);\nconsole.log(util._extend({}, { a: 1 }));\n",
    "legacy_url.js": "'use strict';\nconst url = require('url');\nconst p = url.parse('http://gauge.local:8080/levels?station=TG-N01');\nconsole.log(p.host, url.resolve('http://a/b', 'c'));\nconst punycode = require('punycode');\nconsole.log(punycode.encode('tide'));\n",
    "legacy_stream.js": "'use strict';\nconst { Readable } = require('stream');\nconst r = new Readable({ read() {} });\nr.push('x'); r.push(null);\nconst zlib = require('zlib');\nconsole.log(typeof zlib.bytesRead, r._readableState ? 'ok' : '');\nconst http = require('http');\nconst o = new http.OutgoingMessage();\nconsole.log(Object.keys(o._headers || {}).length, o._headerNames);\n",
}

UNCAUGHT = {
    "throw_string.js": "'use strict';\nfunction calibrate(st) {\n  if (!st.datum) throw `no datum for ${st.id}`;\n}\nsetTimeout(() => calibrate({ id: 'TG-W03' }), 5);\n",
    "throw_object.js": "'use strict';\nconst stations = require('../data/datums.json');\nfunction offset(id) {\n  const d = stations[id];\n  if (d === undefined) throw { station: id, reason: 'unknown station', known: Object.keys(stations).length };\n  return d;\n}\n['TG-N01', 'TG-N02', 'TG-X99'].forEach((id) => console.log(id, offset(id)));\n",
    "throw_error.js": "'use strict';\nconst { ingest } = require('./ingest');\nconst path = require('path');\nprocess.nextTick(() => {\n  ingest(path.join(__dirname, '..', 'data', 'readings.csv'), require('../data/datums.json'));\n});\n",
    "throw_null.js": "'use strict';\nconst emitter = new (require('events'))();\nemitter.on('reading', (r) => { if (r.level < 0) throw null; });\nemitter.emit('reading', { level: 1 });\nemitter.emit('reading', { level: -4 });\n",
    "throw_emitter.js": "'use strict';\nconst { EventEmitter } = require('events');\nconst bus = new EventEmitter();\nbus.emit('error', new Error('gauge TG-E05 link lost after 3 retries'));\n",
}

REJECT = {
    "reject_error.js": "'use strict';\nasync function fetchLevels(st) {\n  await new Promise((r) => setTimeout(r, 5));\n  const e = new Error(`upstream 503 for ${st}`);\n  e.code = 'ERR_GAUGE_UPSTREAM';\n  e.status = 503;\n  throw e;\n}\nfetchLevels('TG-S11');\nsetTimeout(() => console.log('never printed'), 1000);\n",
    "reject_value.js": "'use strict';\nfunction sync(st) { return new Promise((_, reject) => setTimeout(() => reject(`sync of ${st} timed out`), 5)); }\nsync('TG-N07').then(() => console.log('synced'));\nsetTimeout(() => {}, 1000);\n",
    "reject_undefined.js": "'use strict';\nPromise.reject();\nsetTimeout(() => {}, 1000);\n",
    "reject_json.js": "'use strict';\nconst fs = require('fs/promises');\nasync function loadConfig() {\n  const raw = await fs.readFile(__dirname + '/../data/broken.json', 'utf8');\n  return JSON.parse(raw);\n}\nasync function main() { const cfg = await loadConfig(); console.log(cfg.stations.length); }\nmain();\n",
    "reject_missing.js": "'use strict';\nconst fs = require('fs/promises');\n(async () => {\n  const files = ['readings.csv', 'readings-2025.csv', 'qc.csv'];\n  for (const f of files) {\n    const st = await fs.stat(__dirname + '/../data/' + f);\n    console.log(f, st.size);\n  }\n})();\n",
}

WHY = r"""'use strict';
const log = require('why-is-node-running');
const net = require('net');
const fs = require('fs');
const { Station } = require('./ingest');

function startFeed(port) {
  const srv = net.createServer((s) => s.on('data', () => {}));
  srv.listen(port, '127.0.0.1');
  return srv;
}
function pollGauges(n) {
  const timers = [];
  for (let i = 0; i < n; i++) timers.push(setInterval(() => new Station(`TG-N${i}`, 0), 1000 + i));
  return timers;
}
function retryLater() { return setTimeout(() => console.log('retry'), 60000); }
startFeed(0);
startFeed(0);
pollGauges(Number(process.argv[2] || 3));
retryLater();
fs.watch(__dirname, () => {});
const c = net.connect(9, '127.0.0.1'); c.on('error', () => {});
setImmediate(() => {});
setTimeout(() => { log(); process.exit(0); }, 300);
"""

TS_FILES = {
    "tsconfig.json": '{\n  "compilerOptions": {"target": "ES2020", "module": "commonjs", "strict": true, "sourceMap": true, "esModuleInterop": true, "outDir": "dist"},\n  "include": ["ts/**/*.ts"]\n}\n',
    "ts/gauge.ts": """export interface Reading { station: string; ts: string; level: number; qc: 'ok' | 'suspect' }

export class Gauge {
  private readings: Reading[] = [];
  constructor(public readonly id: string, private datum: number) {}

  add(r: Reading): void {
    if (r.station !== this.id) {
      throw new Error(`reading for ${r.station} pushed to gauge ${this.id}`);
    }
    this.readings.push(r);
  }

  meanLevel(): number {
    const ok = this.readings.filter((r) => r.qc === 'ok');
    return ok.reduce((s, r) => s + r.level, 0) / ok.length - this.datum;
  }

  trend(window: number): number {
    const last = this.readings.slice(-window);
    const first = last[0]!;
    return last[last.length - 1].level - first.level;
  }
}
""",
    "ts/ingest.ts": """import { readFileSync } from 'fs';
import { Gauge, Reading } from './gauge';

type Datums = Record<string, number>;

function parseRow(line: string, row: number): Reading {
  const [station, ts, level, , qc] = line.split(',');
  if (level === '') {
    throw new TypeError(`row ${row}: empty level for ${station}`);
  }
  return { station, ts, level: Number(level), qc: qc as Reading['qc'] };
}

export function load(file: string, datums: Datums): Map<string, Gauge> {
  const gauges = new Map<string, Gauge>();
  const lines = readFileSync(file, 'utf8').trim().split('\\n').slice(1);
  lines.forEach((line, i) => {
    const r = parseRow(line, i + 2);
    const g = gauges.get(r.station) ?? new Gauge(r.station, datums[r.station]);
    gauges.set(r.station, g);
    g.add(r);
  });
  return gauges;
}
""",
    "ts/main.ts": """import { load } from './ingest';
import { Gauge } from './gauge';
import datums from '../data/datums.json';

function report(gauges: Map<string, Gauge>): void {
  for (const [id, g] of gauges) {
    console.log(id, g.meanLevel().toFixed(1), g.trend(12).toFixed(1));
  }
}

const file = process.argv[2] ?? 'data/readings.csv';
report(load(file, datums));
""",
    "ts/trend.ts": """import { Gauge } from './gauge';

const g = new Gauge('TG-N01', 12);
console.log('trend of an empty gauge');
console.log(g.trend(6));
""",
    "ts/typos.ts": """import { Gauge, Reading } from './gauge';

const g = new Gauge('TG-N01', '12');
const r: Reading = { station: 'TG-N01', ts: '2026-03-01', level: '1850', qc: 'bad' };
g.add(r);
const mean: string = g.meanLevel();
g.flush();
export function window(n: number): number[] { return Array.from({ length: n }, (_, i) => i).map((x) => x.toFixed(1)); }
""",
    "ts/async_main.ts": """import { readFile } from 'fs/promises';
import { Gauge } from './gauge';

async function loadDatums(path: string): Promise<Record<string, number>> {
  const raw = await readFile(path, 'utf8');
  return JSON.parse(raw) as Record<string, number>;
}

async function main(): Promise<void> {
  const datums = await loadDatums('data/broken.json');
  const g = new Gauge('TG-S02', datums['TG-S02']);
  console.log(g.id);
}

main();
""",
}


def _project(tmp: Path) -> Path:
    d = tmp / "tidepool"
    if d.exists():
        return d
    rng = random.Random(10901)
    datums = {f"TG-{c}{i:02d}": round(rng.uniform(-300, 300), 1) for c in "NSEW" for i in range(1, 13) if (c, i) != ("W", 3)}
    files = {"src/ingest.js": INGEST, "src/feeds.js": FEEDS, "src/server.js": SERVER, "src/why.js": WHY,
             "data/readings.csv": _readings(10902, 3000), "data/clean.csv": _readings(10903, 3000).replace(",NaN,", ",1850.0,").replace(",,", ",1850.0,"), "data/datums.json": json.dumps(datums, indent=1),
             "data/broken.json": '{"stations": ["TG-N01", "TG-N02",]}\n', "data/qc.csv": "x\n"}
    files.update({f"src/{k}": v for k, v in {**WARNINGS, **DEPRECATED, **UNCAUGHT, **REJECT}.items()})
    files.update(TS_FILES)
    write_tree(d, files)
    (tmp / "tidepool-home").mkdir(exist_ok=True)
    run(f"ln -sfn {cm_js()}/node_modules node_modules", cwd=d)
    return d


def cm_js() -> Path:
    from capture_wide109 import JS
    return JS


# ------------------------------------------------------------------ the steps

def step_report(tmp: Path) -> None:
    d = _project(tmp)
    bare = BARE.replace("/tmp/tidepool-home", str(tmp / "tidepool-home"))
    run("mkdir -p reports", cwd=d)
    run(f"{bare} node --report-uncaught-exception --report-directory=reports "
        "--report-filename=ingest-crash.json src/ingest.js", cwd=d, timeout=60)
    cap("node-report-uncaught-cat", "cat reports/ingest-crash.json", d, n_node_report)
    cap("node-report-uncaught-jq", "jq '{header: .header | {event, trigger, filename, nodejsVersion, cwd, commandLine}, "
        "javascriptStack, javascriptHeap: .javascriptHeap | {totalMemory, usedMemory}, libuv}' reports/ingest-crash.json",
        d, n_node_report)
    run(f"({bare} node --report-on-signal --report-signal=SIGUSR2 --report-directory=reports "
        "--report-filename=server-signal.json src/server.js </dev/zero & echo $! > server.pid); sleep 1.5; "
        "kill -USR2 $(cat server.pid); sleep 1.5; kill $(cat server.pid)", cwd=d, timeout=60)
    run(f"{bare} node --report-uncaught-exception --report-directory=reports --report-filename=feeds-crash.json "
        "src/feeds.js 160", cwd=d, timeout=60)
    cap("node-report-feeds-head", "head -n 2500 reports/feeds-crash.json", d, n_node_report)
    cap("node-report-on-signal", "cat reports/server-signal.json", d, n_node_report)


def step_traces(tmp: Path) -> None:
    d = _project(tmp)
    cap("node-trace-warnings-listeners", "node --trace-warnings src/listeners.js 2>&1; echo EXIT=$?", d, n_trace_warnings)
    cap("node-trace-warnings-loop", "for f in src/listeners.js src/emit.js src/experimental.js; do echo \"== $f\"; "
        "node --trace-warnings \"$f\"; done 2>&1", d, n_trace_warnings)
    cap("node-trace-warnings-ingest", "node --trace-warnings src/ingest.js data/clean.csv 2>&1 | tail -n 80", d, n_trace_warnings)
    cap("node-trace-deprecation-loop", "for f in src/legacy_*.js; do echo \"== $f\"; node --trace-deprecation \"$f\"; "
        "done 2>&1; echo EXIT=$?", d, n_trace_deprecation)
    cap("node-trace-deprecation-pending", "for f in src/legacy_*.js; do node --pending-deprecation --trace-deprecation "
        "\"$f\"; done 2>&1 | head -n 100", d, n_trace_deprecation)
    cap("node-trace-uncaught-loop", "for f in src/throw_*.js; do echo \"== $f\"; node --trace-uncaught \"$f\"; "
        "echo \"exit $?\"; done 2>&1", d, n_trace_uncaught)
    cap("node-unhandled-strict-loop", "for f in src/reject_*.js; do echo \"== $f\"; node --unhandled-rejections=strict "
        "--trace-uncaught \"$f\"; echo \"exit $?\"; done 2>&1", d, n_unhandled_strict)
    cap("node-unhandled-strict-json", "node --unhandled-rejections=strict src/reject_json.js; node --unhandled-rejections=strict "
        "src/reject_error.js; echo EXIT=$?", d,
        n_unhandled_strict)


def step_why(tmp: Path) -> None:
    d = _project(tmp)
    cap("why-is-node-running-feed", "node src/why.js 3 2>&1", d, n_why_running, timeout=60)
    cap("why-is-node-running-many", "node src/why.js 14 2>&1 | head -n 100", d, n_why_running, timeout=60)


def step_ts(tmp: Path) -> None:
    d = _project(tmp)
    cap("tsx-main-crash", "npx tsx ts/main.ts 2>&1; echo EXIT=$?", d, n_tsx_crash, timeout=120)
    cap("tsx-async-loop", "for f in ts/main.ts ts/trend.ts ts/async_main.ts; do echo \"== $f\"; npx tsx \"$f\" data/readings.csv; "
        "echo \"exit $?\"; done 2>&1", d, n_tsx_crash, timeout=180)
    cap("ts-node-typos", "npx ts-node ts/typos.ts; echo EXIT=$?", d, n_ts_node_crash, timeout=120)
    cap("ts-node-main-crash", "npx ts-node --transpile-only ts/main.ts 2>&1; echo EXIT=$?", d, n_ts_node_crash, timeout=120)


STEPS = [step_report, step_traces, step_why, step_ts]
