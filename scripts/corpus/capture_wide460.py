#!/usr/bin/env python3
"""Capture round 460 of the compression corpus: second samples of round 445's Node.js/npm diagnostics kinds and of
round 446's CPython runtime diagnostics kinds, on a ferry terminal's programs written here (Node `rampdeck`: ramps,
lanes, tickets, deckhands; CPython `farebox`: the ticket office; seeds 46010+).

No rule is new and no extractor is written: every kind's needles come from round 445's or 446's extractor, imported by
module and function (NEEDLES.md, "Round 460", fixed before capture). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide460.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide460.json  as {"version": 2, "items": [...]}, ids prefixed "wide460-".
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import pickle
import random
import sys
import tarfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run, write_tree  # noqa: E402
from capture_wide445 import (HEAP_READER, N_DEBUG_HTTP, N_DEBUG_MODULE, N_HEAP_SUMMARY, N_NPM_CI,  # noqa: E402
                             N_NPM_ENGINE, N_NPM_EXEC, N_PERMISSION, N_POLICY, N_TRACE_DEOPT, N_TRACE_EXIT)
from capture_wide446 import (PYBIN, STDLIB, n_ast, n_encwarn, n_fh_timeout, n_filecmp, n_gc_leak,  # noqa: E402
                             n_pickletools, n_tar_list, n_tm_compare, n_tokenize, n_trace_lines, n_unraisable,
                             n_xdev, n_zip_list, n_zip_test)

ID_PREFIX = "wide460-"
DEFAULT_OUT = HERE / "data" / "wide460.json"
TMP = Path("/dev/shm/hm-corpus-wide460")
PORT, CLOSED_PORT = 18460, 28460
SEED = 46010

_SIZED = cm.Sized(400, 120_000)
cap = _SIZED.cap

DECKHANDS = ["Ailsa", "Brodie", "Catriona", "Donald", "Eilidh", "Fraser", "Gregor", "Iona", "Kenna", "Lachlan",
             "Morag", "Niall", "Oona", "Ruaridh", "Seonag", "Torquil"]
VESSELS = ["MV Loch Seaforth", "MV Isle of Arran", "MV Hebridean Isles", "MV Lord of the Isles", "MV Finlaggan"]
LANES = ["A1", "A2", "B1", "B2", "C (hazardous)", "D (motorcycles)", "E (coaches)"]


def sailings(seed: int, n: int) -> list[dict]:
    r = random.Random(seed)
    return [{"sailing": f"SL{seed % 1000:03d}-{k:03d}", "vessel": r.choice(VESSELS), "hand": r.choice(DECKHANDS),
             "lane": r.choice(LANES), "cars": r.randint(4, 120), "ramp_deg": round(r.uniform(-6, 11), 1),
             "tide_m": round(r.uniform(0.3, 4.8), 2)} for k in range(n)]


def js_log(seed: int, n: int, tag: str) -> str:
    return "\n".join(
        "console.log(" + json.dumps(f"[{tag}] {s['sailing']} {s['vessel']}: deckhand {s['hand']} loads lane {s['lane']}, "
                                    f"{s['cars']} cars, ramp {s['ramp_deg']} deg at tide {s['tide_m']} m") + ");"
        for s in sailings(seed, n))


# ================================================================== Node.js (round 445's kinds)

def step_trace_exit(tmp: Path) -> None:
    d = tmp / "exit"
    srcs = {
        "close": (46010, 20, """const { Readable } = require('stream');
function closeRamp(lane) {
  console.error(`ramp hydraulics failed on lane ${lane}: pressure 41 bar < 60 bar, raising linkspan`);
  process.exit(7);
}
const plan = Readable.from(['A1', 'B2', 'C (hazardous)']);
plan.on('data', (lane) => console.log('lane queued', lane));
plan.on('close', () => closeRamp('C (hazardous)'));
"""),
        "beforeexit": (46011, 90, """let reported = false;
process.on('beforeExit', () => {
  if (reported) return;
  reported = true;
  const unsold = 17;
  console.error(new Error(`ticket office closed with ${unsold} unsold foot-passenger tickets`).stack);
  process.exit(5);
});
"""),
        "readfile": (46012, 700, """const fs = require('fs');
function checkManifest(text) {
  const cars = text.split('\\n').length;
  if (cars > 3) { console.error(`manifest check failed: ${cars} vehicles for 3 deck slots`); process.exit(9); }
}
fs.readFile(__filename, 'utf8', (err, text) => { if (err) throw err; setImmediate(() => checkManifest(text)); });
"""),
    }
    for style, (seed, n, head) in srcs.items():
        write_tree(d, {f"ramp{seed}.js": head + js_log(seed, n, "sailing") + "\n"})
        cap(f"trace-exit-{style}", f"node --trace-exit ramp{seed}.js", d, N_TRACE_EXIT, timeout=60)


def step_debug_module(tmp: Path) -> None:
    r = random.Random(46013)
    d = tmp / "mods"
    files = {}
    for k in range(40):
        files[f"lib/lane{k:02d}.js"] = (f"const v = require('./vessel{k % 5}.js');\n"
                                        f"module.exports = {{ lane: '{r.choice(LANES)}', vessel: v.name }};\n")
    for k in range(5):
        files[f"lib/vessel{k}.js"] = f"module.exports = {{ name: '{VESSELS[k]}' }};\n"
    files["lib/fares.json"] = '{\n  "car": 48.5,\n  "foot": 9.2,\n  "coach": 210.0,\n}\n'
    files["lib/tickets/README.md"] = "tickets live here\n"
    files["json.js"] = "require('./lib/lane00.js');\nconst fares = require('./lib/fares.json');\nconsole.log(fares);\n"
    files["dir.js"] = "".join(f"require('./lib/lane{k:02d}.js');\n" for k in range(40)) + \
        "const t = require('./lib/tickets');\nconsole.log(t);\n"
    files["esm/ramp.mjs"] = "export const angle = 4.5;\nexport function raise() { return 'raised'; }\n"
    files["esm/main.mjs"] = ("import { createRequire } from 'module';\nconst require = createRequire(import.meta.url);\n"
                             "require('../lib/lane03.js');\nimport { angle, lower } from './ramp.mjs';\n"
                             "console.log(angle, lower());\n")
    write_tree(d, files)
    cap("debug-module-json-comma", "NODE_DEBUG=module node json.js", d, N_DEBUG_MODULE, timeout=60)
    cap("debug-module-dir-noindex", "NODE_DEBUG=module node dir.js", d, N_DEBUG_MODULE, timeout=60)
    cap("debug-module-esm-export", "NODE_DEBUG=module,esm node esm/main.mjs; echo EXIT=$?", d, N_DEBUG_MODULE,
        timeout=60)


HTTP_SERVER = r"""
const http = require('http');
const net = require('net');
const srv = http.createServer((req, res) => {
  if (req.url.startsWith('/busy')) { res.writeHead(429, {'Retry-After': '30'}); res.end('{"error":"too many ticket lookups"}'); return; }
  if (req.url.startsWith('/down')) { res.writeHead(503); res.end('{"error":"ramp controller offline"}'); return; }
  if (req.url.startsWith('/cut')) { res.writeHead(200, {'Content-Length': '5000'}); res.write('{"lanes":['); setTimeout(() => req.socket.destroy(), 50); return; }
  res.writeHead(200, {'Content-Type': 'application/json'}); res.end(JSON.stringify({ok: true, url: req.url}));
});
srv.listen(Number(process.argv[2]), '127.0.0.1');
const bad = net.createServer((s) => { s.once('data', () => s.end('HTTP/1.1 200 OK\r\nX-Ramp\r\n\r\nhello')); });
bad.listen(Number(process.argv[2]) + 20000, '127.0.0.1');
"""

HTTP_CLIENT = r"""
const http = require('http');
const [port, closed, planArg] = process.argv.slice(2);
const plan = planArg.split(',');
let ok = 0, bad = 0;
function get(path) {
  return new Promise((resolve) => {
    let p = Number(port), url = path;
    if (path === 'closed') { p = Number(closed); url = '/tickets'; }
    if (path === 'malformed') { p = Number(port) + 20000; url = '/'; }
    const req = http.get({ host: '127.0.0.1', port: p, path: url, timeout: 2000 }, (res) => {
      let body = '';
      res.on('data', (c) => body += c);
      res.on('end', () => {
        if (res.statusCode >= 400) { bad++; console.log(`GET ${path} -> ${res.statusCode} ${body}`); }
        else { ok++; console.log(`GET ${path} -> ${res.statusCode} (${body.length} bytes)`); }
        resolve();
      });
      res.on('error', (e) => { bad++; console.log(`GET ${path} body error: ${e.code || e.message}`); resolve(); });
      res.on('aborted', () => { bad++; console.log(`GET ${path} aborted after ${body.length} bytes`); });
    });
    req.on('timeout', () => { console.log(`GET ${path} timed out`); req.destroy(); });
    req.on('error', (e) => { bad++; console.log(`GET ${path} failed: ${e.code} ${e.message}`); resolve(); });
  });
}
(async () => { for (const p of plan) await get(p); console.log(`ticket sync done: ${ok} ok, ${bad} failed`); })();
"""


def step_debug_http(tmp: Path) -> None:
    d = tmp / "http"
    write_tree(d, {"server.js": HTTP_SERVER, "client.js": HTTP_CLIENT})
    cm.start(["node", "server.js", str(PORT)], cwd=d)
    time.sleep(1.0)
    for seed, n, mods in ((46014, 5, "http"), (46015, 12, "http,net"), (46016, 45, "http")):
        r = random.Random(seed)
        plan = [r.choice([f"/sailings/{k}" for k in range(1, 9)]) for _ in range(n)]
        for b in ("/busy/lookup", "/down/ramp", "/cut/lanes", "closed", "malformed"):
            plan.insert(r.randrange(len(plan) + 1), b)
        cap(f"debug-{mods.replace(',', '-')}-{n}",
            f"NODE_DEBUG={mods} node client.js {PORT} {CLOSED_PORT} {','.join(plan)}", d, N_DEBUG_HTTP, timeout=60)


DEOPT_APP = r"""
function rampAngle(t) { return t.deg * 1.5 + t.tide; }
function laneLoad(l) { return l.cars * 4.2 + l.vans * 7.5; }
function fare(kind, n) { return kind === 'car' ? n * 48.5 : n * 9.2; }
const N = Number(process.argv[2]);
let acc = 0;
const t0 = Date.now();
for (let i = 0; i < N; i++) {
  acc += rampAngle({ deg: i % 9, tide: 2 });
  acc += laneLoad({ cars: i % 40, vans: 3 });
  acc += fare('car', i % 5);
}
console.log(`boarding warm-up: ${Date.now() - t0} ms`);
const t1 = Date.now();
for (let i = 0; i < N / 3; i++) {
  acc += rampAngle({ tide: 2.25, deg: (i % 9) + 0.5 });
  acc += rampAngle({ deg: String(i % 9), tide: 1 }) | 0;
  acc += laneLoad({ vans: 1, cars: i % 3 === 0 ? 2.5 : 'full' }) | 0;
  acc += fare(i % 2 ? 'foot' : { kind: 'car' }, i % 5);
}
console.log(`mixed boarding: ${Date.now() - t1} ms`);
if (!Number.isFinite(acc)) console.error(new Error('deck load is not a number: ' + typeof acc).message);
"""


def step_deopt(tmp: Path) -> None:
    d = tmp / "deopt"
    write_tree(d, {"board.js": DEOPT_APP})
    cap("trace-deopt-head", "node --trace-deopt board.js 30000 2>&1 | head -n 150", d, N_TRACE_DEOPT, timeout=60)
    cap("trace-deopt-verbose", "node --trace-deopt-verbose board.js 30000 2>&1 | head -n 900", d, N_TRACE_DEOPT,
        timeout=60)


def step_permission(tmp: Path) -> None:
    d = tmp / "perm"
    write_tree(d, {
        "app/deckplan.js": "const fs = require('fs');\nconsole.log('loading deck plan for MV Finlaggan');\n"
                           "console.log(fs.readFileSync(require('path').join(__dirname, '..', 'plans', 'finlaggan.txt'), 'utf8'));\n",
        "app/ticket.js": "const fs = require('fs');\nfor (const t of ['T-0091', 'T-0092']) console.log('issuing ticket', t);\n"
                         "fs.mkdirSync(require('path').join(__dirname, '..', 'tickets', '2026'), { recursive: true });\n",
        "app/scan.js": "const fs = require('fs');\nconsole.log('scanning lanes folder');\n"
                       "for (const f of fs.readdirSync('/tmp')) console.log(f);\n",
        "plans/finlaggan.txt": "car deck: 85 cars\n",
        "tickets/.keep": "",
    })
    app = d / "app"
    for name in ("deckplan", "ticket", "scan"):
        cap(f"permission-{name}", f"node --experimental-permission --allow-fs-read={app} app/{name}.js", d,
            N_PERMISSION, timeout=60)


def step_policy(tmp: Path) -> None:
    d = tmp / "policy"
    files = {
        "lib/main.js": "const lanes = require('./lanes.js');\nconst fares = require('./fares.js');\n"
                       "console.log('boarding', lanes.open().join(', '), 'fare', fares.car());\n",
        "lib/lanes.js": "module.exports = { open: () => ['A1', 'B2', 'E (coaches)'] };\n",
        "lib/fares.js": "const t = require('./table.js');\nmodule.exports = { car: () => t.car };\n",
        "lib/table.js": "module.exports = { car: 48.5, foot: 9.2 };\n",
    }
    write_tree(d, files)

    def sri(name):
        return "sha512-" + base64.b64encode(hashlib.sha512((d / name).read_bytes()).digest()).decode()

    base = (d / "lib").as_uri() + "/"
    scopes = {"scopes": {base: {"integrity": "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                                "dependencies": True}},
              "resources": {f"./lib/{n}": {"integrity": sri(f"lib/{n}"), "dependencies": True}
                            for n in ("main.js", "lanes.js", "fares.js")}}
    (d / "policy-scopes.json").write_text(json.dumps(scopes, indent=2))
    cap("policy-scope-missing-resource", "node --experimental-policy=policy-scopes.json lib/main.js", d, N_POLICY,
        timeout=60)
    res = {f"./lib/{n}": {"integrity": sri(f"lib/{n}"), "dependencies": True} for n in files if n.startswith("lib/") or True
           for n in [n.split("/", 1)[1]]}
    res["./lib/fares.js"]["dependencies"] = {"./table.js": "./table_2026.js"}
    (d / "policy-redirect.json").write_text(json.dumps({"resources": res}, indent=2))
    cap("policy-redirect-missing", "node --experimental-policy=policy-redirect.json lib/main.js; echo EXIT=$?", d,
        N_POLICY, timeout=60)
    (d / "lib" / "lanes.js").write_text("module.exports = { open: () => ['A1', 'B2', 'C (hazardous)'] };\n")
    res2 = {k: dict(v, dependencies=True) for k, v in res.items()}
    (d / "policy-stale.json").write_text(json.dumps({"resources": res2, "onerror": "log"}, indent=2))
    cap("policy-stale-log", "node --experimental-policy=policy-stale.json lib/main.js", d, N_POLICY, timeout=60)


def local_pkg(root: Path, name: str, version: str, extra: dict | None = None, bin_src: str | None = None) -> None:
    pj = {"name": name, "version": version, "main": "index.js", **(extra or {})}
    files = {"index.js": f"module.exports = {{ name: '{name}', version: '{version}' }};\n"}
    if bin_src:
        pj["bin"] = {name: "bin.js"}
        files["bin.js"] = "#!/usr/bin/env node\n" + bin_src
    files["package.json"] = json.dumps(pj, indent=2)
    write_tree(root / name, files)


def step_npm_ci(tmp: Path) -> None:
    d = tmp / "ci"
    pk = d / "packages"
    for name, v in (("rampdeck-lanes", "2.3.0"), ("rampdeck-fares", "1.0.4"), ("rampdeck-tide", "0.9.1"),
                    ("rampdeck-manifest", "4.0.0")):
        local_pkg(pk, name, v)
    base = {"name": "rampdeck-terminal", "version": "1.0.0", "dependencies": {
        n: f"file:packages/{n}" for n in ("rampdeck-lanes", "rampdeck-fares", "rampdeck-tide")}}
    (d / "package.json").write_text(json.dumps(base, indent=2))
    run("npm install --offline --no-audit --no-fund", cwd=d, timeout=120)
    b1 = json.loads(json.dumps(base))
    del b1["dependencies"]["rampdeck-tide"]
    b1["dependencies"]["rampdeck-lanes"] = "^3.0.0"  # a range the locked file: package does not satisfy
    (d / "package.json").write_text(json.dumps(b1, indent=2))
    cap("npm-ci-range-changed-offline", "npm ci --offline --no-audit --no-fund --loglevel=verbose", d, N_NPM_CI, timeout=120)
    b2 = json.loads(json.dumps(base))
    local_pkg(pk, "rampdeck-fares", "1.1.0")
    b2["dependencies"]["rampdeck-manifest"] = "file:packages/rampdeck-manifest"
    (d / "package.json").write_text(json.dumps(b2, indent=2))
    cap("npm-ci-version-changed-verbose", "npm ci --offline --no-audit --no-fund --loglevel=verbose", d, N_NPM_CI,
        timeout=120)


def step_npm_exec(tmp: Path) -> None:
    d = tmp / "exec"
    pk = d / "packages"
    local_pkg(pk, "deck-check", "1.0.0", bin_src=(
        "for (const l of ['A1', 'A2', 'B1']) console.log(`lane ${l}: lashings ok`);\n"
        "function checkRamp(deg) { if (deg > 8) throw new Error(`ramp angle ${deg} deg over the 8 deg limit for coaches`); }\n"
        "[3.5, 6, 9.5].forEach(checkRamp);\n"))
    local_pkg(pk, "ticket-print", "1.0.0", bin_src="console.log('printing boarding cards');\n"
              "const driver = require('./printer-driver.js');\ndriver.feed('tray 2');\n")
    (d / "package.json").write_text(json.dumps({"name": "rampdeck-exec", "version": "1.0.0", "dependencies": {
        "deck-check": "file:packages/deck-check", "ticket-print": "file:packages/ticket-print"}}, indent=2))
    run("npm install --offline --no-audit --no-fund", cwd=d, timeout=120)
    cap("npm-exec-throws", "npm exec -- deck-check", d, N_NPM_EXEC, timeout=120)
    cap("npm-exec-missing-driver-verbose", "npm exec --loglevel=verbose -- ticket-print", d, N_NPM_EXEC, timeout=120)


def step_engine(tmp: Path) -> None:
    d = tmp / "engine"
    pk = d / "packages"
    specs = [("rampdeck-next", {"engines": {"node": ">=22.0.0"}}), ("rampdeck-win", {"os": ["win32"]}),
             ("rampdeck-arm", {"cpu": ["arm64"]}), ("rampdeck-ok", {"engines": {"node": ">=18"}})]
    for name, extra in specs:
        local_pkg(pk, name, "1.0.0", extra)
        run(f"npm pack ./packages/{name} --pack-destination packages >/dev/null", cwd=d, timeout=60)

    def project(names):
        (d / "package.json").write_text(json.dumps({"name": "rampdeck-engine", "version": "1.0.0", "dependencies": {
            n: f"file:packages/{n}-1.0.0.tgz" for n in names}}, indent=2))
        run("rm -rf node_modules package-lock.json", cwd=d)

    project(["rampdeck-next", "rampdeck-ok"])
    cap("npm-install-engine-strict", "npm install --offline --no-audit --no-fund --engine-strict --loglevel=verbose",
        d, N_NPM_ENGINE, timeout=120)
    project(["rampdeck-win", "rampdeck-arm", "rampdeck-ok"])
    cap("npm-install-os-cpu", "npm install --offline --no-audit --no-fund --loglevel=verbose", d, N_NPM_ENGINE, timeout=120)


HEAP_APP = r"""
const v8 = require('v8');
class Ticket { constructor(i) { this.no = 'T-' + i; this.lane = ['A1', 'B2', 'C'][i % 3]; this.stamps = new Array(12).fill('scan'); } }
class Deckhand { constructor(n) { this.name = n; this.radio = { ch: 16 }; } }
class RampLog { constructor(d) { this.deg = d; this.trace = new Float64Array(128); } }
const held = [];
const N = Number(process.argv[2]);
for (let i = 0; i < N; i++) {
  held.push(new Ticket(i));
  if (i % 4 === 0) held.push(new RampLog(i % 9));
  if (i % 80 === 0) held.push(new Deckhand('hand' + i));
}
console.log('wrote', v8.writeHeapSnapshot(process.argv[3]));
"""


def step_heap(tmp: Path) -> None:
    d = tmp / "heap"
    write_tree(d, {"hold.js": HEAP_APP, "heap-summary.js": HEAP_READER})
    for n, top in ((3000, 40), (15000, 300)):
        run(f"node hold.js {n} tickets-{n}.heapsnapshot", cwd=d, timeout=120)
        cap(f"heap-summary-{n}-top{top}", f"node heap-summary.js tickets-{n}.heapsnapshot {top}", d, N_HEAP_SUMMARY,
            timeout=120)
        run(f"rm -f tickets-{n}.heapsnapshot", cwd=d)


# ================================================================== CPython (round 446's kinds)

def py(tmp: Path, name: str, src: str) -> None:
    (tmp / name).write_text(src)


HANG = '''import faulthandler, queue, sys, threading, time
N = int(sys.argv[1]); MODE = sys.argv[2]
tickets, manifests = queue.Queue(), queue.Queue()
cond = threading.Condition()


def ticket_printer():
    while True:
        m = manifests.get()  # waits for a manifest the writer never sends
        tickets.put(("T", m))


def manifest_writer():
    t = tickets.get()  # waits for a ticket the printer never prints
    manifests.put(t)


def lane_marshal(k):
    with cond:
        cond.wait()  # nobody notifies: the ramp never reports down


faulthandler.dump_traceback_later(1.2, repeat=MODE == "repeat", exit=MODE == "exit")
ts = [threading.Thread(target=ticket_printer, name="ticket-printer", daemon=True),
      threading.Thread(target=manifest_writer, name="manifest-writer", daemon=True)]
ts += [threading.Thread(target=lane_marshal, args=(k,), name=f"marshal-{k}", daemon=True) for k in range(N)]
for t in ts:
    t.start()
print(f"sailing SL460: {len(ts)} threads boarding", flush=True)
ts[1].join(timeout=3.0)
print("manifest-writer still waiting:", ts[1].is_alive(), flush=True)
import os; os._exit(4)
'''


def step_faulthandler(tmp: Path) -> None:
    py(tmp, "boarding_hang.py", HANG)
    cap("fh-timeout-exit", "python3 boarding_hang.py 3 exit; echo EXIT=$?", tmp, n_fh_timeout, timeout=60)
    cap("fh-timeout-repeat", "python3 boarding_hang.py 20 repeat 2>&1 | tail -n 300", tmp, n_fh_timeout, timeout=60)


XDEV = '''import asyncio, socket, sys, time
N = int(sys.argv[1])


def manifest_rows(path):
    f = open(path)  # the generator is dropped before it ends: the file is never closed
    for line in f:
        yield line.split(",")


async def sync_lane(k):
    await asyncio.sleep(0)
    return k


async def main():
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 0.01
    for k in range(N):
        sync_lane(k)  # never awaited
        time.sleep(0.02)  # blocks the loop: a slow callback
        await asyncio.sleep(0)


for k in range(N):
    rows = manifest_rows(sys.argv[0])
    next(rows)
    del rows
    s = socket.socket()
    del s
asyncio.run(main(), debug=True)
print(f"ticket sync: {N} lanes checked")
'''


def step_xdev(tmp: Path) -> None:
    py(tmp, "lane_sync.py", XDEV)
    cap("xdev-small", "python3 -X dev lane_sync.py 4; echo EXIT=$?", tmp, n_xdev, timeout=120)
    cap("xdev-tracemalloc-many", "python3 -X dev -X tracemalloc=8 lane_sync.py 60 2>&1", tmp, n_xdev, timeout=120)


TMCMP = '''import sys, tracemalloc
N = int(sys.argv[1]); KEY = sys.argv[2]
_cache = {}


def fare_rule(lane, k):
    table = [k * 0.5] * 200
    def rule(cars):  # each closure keeps its table alive in the cache
        return cars * table[0]
    return rule


def deck_plan(k):
    return {"slots": ["car"] * (k % 50 + 10), "name": f"deck-{k}"}


tracemalloc.start(10)
s1 = tracemalloc.take_snapshot()
plans = []
for k in range(N * 100):
    _cache[(k % 7, k)] = fare_rule(k % 7, k)
    if k % 3 == 0:
        plans.append(deck_plan(k))
s2 = tracemalloc.take_snapshot()
stats = s2.compare_to(s1, KEY)
print(f"[ Top {min(25, len(stats))} differences after {N * 100} fare rules ]")
for st in stats[:25]:
    print(st)
print(f"Total allocated size: {sum(st.size for st in stats) / 1024:.1f} KiB")
'''


def step_tracemalloc(tmp: Path) -> None:
    py(tmp, "fare_cache.py", TMCMP)
    cap("tm-compare-lineno", "python3 fare_cache.py 30 lineno", tmp, n_tm_compare, timeout=120)
    cap("tm-compare-traceback", "python3 fare_cache.py 12 traceback", tmp, n_tm_compare, timeout=120)


UNRAIS = '''import logging, sys, weakref
N = int(sys.argv[1])
logging.basicConfig(stream=sys.stderr, format="%(levelname)s %(name)s %(message)s")
log = logging.getLogger("farebox.lane")
handler_stream = open("/dev/null", "w")


class Lane:
    def __init__(self, name):
        self.name = name
        self.out = handler_stream

    def __del__(self):
        self.out.write(f"lane {self.name} cleared\\n")  # the stream is closed by then


class Sailing:
    pass


def on_gone(ref):
    raise LookupError(f"sailing finalizer: manifest for {ref!r} already filed")


lanes = [Lane(f"{c}{k}") for k in range(N) for c in "AB"]
refs = []
for k in range(N):
    s = Sailing()
    refs.append(weakref.ref(s, on_gone))
    del s
handler_stream.close()
del lanes
print(f"cleared {2 * N} lanes, {N} sailings")
'''


def step_unraisable(tmp: Path) -> None:
    py(tmp, "lane_clear.py", UNRAIS)
    cap("unraisable-small", "python3 lane_clear.py 2; echo EXIT=$?", tmp, n_unraisable, timeout=60)
    cap("unraisable-big", "python3 lane_clear.py 120 2>&1 | tail -n 1400", tmp, n_unraisable, timeout=60)


GCLEAK = '''import gc, sys
N = int(sys.argv[1])
gc.set_debug(gc.DEBUG_LEAK)


class Deckhand:
    def __init__(self, name):
        self.name = name
        self.sailing = None


class Sailing:
    def __init__(self, no):
        self.no = no
        self.crew = []
        self.on_board = lambda: len(self.crew)


for k in range(N):
    s = Sailing(f"SL460-{k:03d}")
    for n in ("Ailsa", "Niall", "Morag"):
        d = Deckhand(n)
        d.sailing = s
        s.crew.append(d)
    del s, d
n = gc.collect()
print(f"gc collected {n} objects; garbage holds {len(gc.garbage)}")
'''


def step_gcleak(tmp: Path) -> None:
    py(tmp, "crew_cycles.py", GCLEAK)
    cap("gc-leak-small", "python3 crew_cycles.py 3 2>&1 | head -n 40", tmp, n_gc_leak, timeout=60)
    cap("gc-leak-mid", "python3 crew_cycles.py 40 2>&1 | head -n 900", tmp, n_gc_leak, timeout=60)
    cap("gc-leak-tail", "python3 crew_cycles.py 150 2>&1 | tail -n 1500", tmp, n_gc_leak, timeout=60)


TRACE = '''import sys
FARES = {"car": 48.5, "foot": 9.2, "coach": 210.0}


def price(kind, n):
    return FARES[kind] * n


def ticket(k):
    kind = ["car", "foot", "coach", "campervan"][k % 4] if k > 5 else ["car", "foot"][k % 2]
    return price(kind, 1 + k % 3)


def office(n):
    total = 0.0
    for k in range(n):
        total += ticket(k)
    return total


print("takings:", office(int(sys.argv[1])))
'''


def step_trace(tmp: Path) -> None:
    py(tmp, "ticket_office.py", TRACE)
    ign = f"--ignore-dir={STDLIB}"
    cap("trace-short", f"python3 -m trace --trace {ign} ticket_office.py 4; echo EXIT=$?", tmp, n_trace_lines,
        timeout=60)
    cap("trace-crash", f"python3 -m trace --trace {ign} ticket_office.py 12 2>&1 | tail -n 120", tmp, n_trace_lines,
        timeout=60)


def step_pickletools(tmp: Path) -> None:
    d = tmp / "pk"
    d.mkdir(exist_ok=True)
    rows = sailings(SEED + 3, 5)
    body = pickle.dumps([dict(r) for r in rows], protocol=5)
    src = ("import pickle, sys\nclass Ticket:\n    def __init__(s, **kw): s.__dict__.update(kw)\n"
           "rows = [Ticket(**r) for r in %r]\nsys.stdout.buffer.write(pickle.dumps(rows, protocol=4))\n" % (rows,))
    (d / "mk_tickets.py").write_text(src)
    run("python3 mk_tickets.py > tickets_p4.pkl", cwd=d, timeout=60)
    (d / "sailings_cut.pkl").write_bytes(body[: len(body) // 2])
    cap("pickletools-renamed-class", "python3 -m pickletools -a pk/tickets_p4.pkl", tmp, n_pickletools, timeout=60)
    cap("pickletools-cut-frame", "python3 -m pickletools pk/sailings_cut.pkl; echo EXIT=$?", tmp, n_pickletools,
        timeout=60)


def step_archives(tmp: Path) -> None:
    r = random.Random(SEED + 11)
    d = tmp / "ar"
    d.mkdir(exist_ok=True)
    exts = ["csv"] * 7 + ["json"] * 3 + ["pdf", "txt"]
    for k in range(12):
        p = d / f"tickets_{k:02d}.zip"
        with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
            for m in range(r.randint(3, 12)):
                z.writestr(f"tickets/{m:03d}.{'csv' if m == 0 else r.choice(exts)}",
                           "".join(f"{s['sailing']},{s['lane']},{s['cars']}\n" for s in sailings(SEED + k * 40 + m, 30)))
        if k in (6, 10):  # cut short: no central directory
            data = p.read_bytes()
            p.write_bytes(data[: len(data) * 2 // 3])
        if k in (1, 4, 9):  # a bad CRC: one byte of the first member's data changed
            data = bytearray(p.read_bytes())
            data[60] ^= 0x21
            p.write_bytes(bytes(data))
    cap("zipfile-test-loop", 'for f in ar/tickets_*.zip; do echo "== $f"; python3 -m zipfile -t "$f" 2>&1; done',
        tmp, n_zip_test, timeout=120)
    big = d / "deck_plans.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z:
        for m in range(900):
            e = r.choice(exts)
            z.writestr(zipfile.ZipInfo(f"plans/{VESSELS[m % 5].split()[-1]}/deck_{m:04d}.{e}",
                                       date_time=(2025, 1 + m % 12, 1 + m % 28, m % 24, m % 60, 0)),
                       "p" * (r.randint(100, 20000) if e != "pdf" else 300_000 + m))
    cap("zipfile-list-big", "python3 -m zipfile -l ar/deck_plans.zip", tmp, n_zip_list, timeout=60)
    with tarfile.open(d / "manifests.tar", "w") as t:
        for m in range(70):
            e = r.choice(exts)
            b = ("manifest " * r.randint(3, 700)).encode()
            ti = tarfile.TarInfo(f"manifests/{m // 20:02d}/sailing_{m:03d}.{e}")
            ti.size, ti.mtime = len(b), 1767225600 + m * 3600
            ti.uname, ti.gname = ("root", "root") if m == 44 else ("purser", "terminal")
            ti.mode = 0o666 if m == 12 else 0o640
            t.addfile(ti, io.BytesIO(b))
    raw = bytearray((d / "manifests.tar").read_bytes())
    # zero the header of a member in the middle (tarfile reads up to it, then stops)
    off, n = 0, 0
    while off < len(raw) and n < 35:
        size = int(raw[off + 124: off + 135].decode().strip() or "0", 8)
        off += 512 + ((size + 511) // 512) * 512
        n += 1
    raw[off: off + 512] = b"\x00" * 100 + b"\x01" * 412
    (d / "manifests_bad.tar").write_bytes(bytes(raw))
    cap("tarfile-list-v", "python3 -m tarfile -v -l ar/manifests.tar", tmp, n_tar_list, timeout=60)
    cap("tarfile-list-bad", "python3 -m tarfile -v -l ar/manifests_bad.tar; echo EXIT=$?", tmp, n_tar_list,
        timeout=60)


ENC = '''import sys
N = int(sys.argv[1])
for k in range(N):
    with open(f"/dev/shm/hm-corpus-wide460/enc_{k % 3}.csv", "w") as f:
        f.write("sailing,lane\\n")
    with open(f"/dev/shm/hm-corpus-wide460/enc_{k % 3}.csv") as f:
        f.read()
print("exported", N, "manifests")
'''


def step_encoding(tmp: Path) -> None:
    py(tmp, "export_manifest.py", ENC)
    cap("encwarn-always", "python3 -X warn_default_encoding -W always::EncodingWarning export_manifest.py 40 2>&1 | "
        "tail -n 60", tmp, n_encwarn, timeout=60)


def step_ast_tok(tmp: Path) -> None:
    r = random.Random(SEED + 7)
    parts = ['"""farebox.routes: per-route fare rules (generated)."""\nfrom dataclasses import dataclass\n\n']
    for k in range(60):
        port = r.choice(["Ullapool", "Stornoway", "Oban", "Craignure", "Ardrossan", "Brodick", "Uig", "Tarbert"])
        parts.append(f"@dataclass\nclass Route{k:02d}:\n    port: str = {port!r}\n    car_fare: float = {r.uniform(20, 90):.2f}\n\n"
                     f"    def fare_{k:02d}(self, cars: int, foot: int) -> float:\n        return cars * self.car_fare + foot * {r.uniform(5, 15):.2f}\n\n\n"
                     f"async def board_{k:02d}(lanes: list[str]) -> int:\n    return sum(1 for x in lanes if x.startswith({r.choice('ABCDE')!r}))\n\n\n")
    src = "".join(parts)
    (tmp / "routes.py").write_text(src)
    (tmp / "routes_broken.py").write_text(src.replace("    def fare_07(", "      def fare_07("))
    cap("ast-routes-big", "python3 -m ast routes.py | head -n 2600", tmp, n_ast, timeout=60)
    cap("ast-routes-broken", "python3 -m ast routes_broken.py; echo EXIT=$?", tmp, n_ast, timeout=60)
    cap("tokenize-routes", "python3 -m tokenize -e routes.py | head -n 900", tmp, n_tokenize, timeout=60)


def step_filecmp(tmp: Path) -> None:
    r = random.Random(SEED + 21)
    a, b = tmp / "ticket_archive", tmp / "ticket_archive.mirror"
    for k in range(6):
        for m in range(r.randint(4, 10)):
            body = "".join(f"{s['sailing']},{s['hand']},{s['cars']}\n" for s in sailings(SEED + k * 30 + m, 5))
            rel = f"{2020 + k}/{VESSELS[m % 5].split()[-1]}/day_{m:02d}.csv"
            for root in (a, b):
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(body)
            x = r.random()
            if x < 0.15:
                (b / rel).write_text(body.replace(",", ";", 1))
            elif x < 0.22:
                (a / rel).unlink()
            elif x < 0.27:
                (b / rel).with_suffix(".csv.bak").write_text(body)
    (a / "2023" / "refunds").mkdir(parents=True, exist_ok=True)
    (b / "2023" / "refunds").write_text("a file where the archive has a directory\n")
    cap("filecmp-r", "python3 -m filecmp -r ticket_archive ticket_archive.mirror", tmp, n_filecmp, timeout=60)


STEPS = [step_trace_exit, step_debug_module, step_debug_http, step_deopt, step_permission, step_policy, step_npm_ci,
         step_npm_exec, step_engine, step_heap, step_faulthandler, step_xdev, step_tracemalloc, step_unraisable,
         step_gcleak, step_trace, step_pickletools, step_archives, step_encoding, step_ast_tok, step_filecmp]


def ensure_tools() -> None:
    cm.PATH_PREFIX[:0] = [PYBIN]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 20_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
