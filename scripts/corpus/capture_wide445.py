#!/usr/bin/env python3
"""Capture round 445 of the compression corpus: Node.js runtime and npm diagnostics (node --trace-exit,
NODE_DEBUG=module, NODE_DEBUG=http,net, node --trace-deopt, the permission model, policy manifests, npm doctor, npm ci
out of sync, npm exec failures, engines/os mismatches, tsc --generateTrace + analyze-trace, a heap snapshot summary)
on a lifeboat station's small apps written here (`slipway`: coxswains, crews, slipways, launches; seeds 44510+).

Every kind's extractor is new and written here (NEEDLES.md, "Round 445", fixed before capture). Nothing captured here
was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide445.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide445.json  as {"version": 2, "items": [...]}, ids prefixed "wide445-".
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import any_of, groups, mask, next_match, note, run, write_tree  # noqa: E402

ID_PREFIX = "wide445-"
DEFAULT_OUT = HERE / "data" / "wide445.json"
TMP = Path(os.environ.get("HM445_TMP", "/dev/shm/hm-corpus-wide445"))
TOOLS = Path("/dev/shm/hm-corpus-wide445-tools")
JS = TOOLS / "js"
PORT, CLOSED_PORT = 18445, 28445

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

AT = r"^\s+at "
ERRWORD = re.compile(r"\b(Error|ERR_[A-Z_]+|[Ff]ailed|FATAL|[Ff]atal)\b")


def _errors_with_frame(lines, pat=ERRWORD, skip=None):
    out = []
    for i, ln in enumerate(lines):
        if re.match(AT, ln) or (skip and re.search(skip, ln)):
            continue
        if pat.search(ln):
            out.append(ln)
            out.append(next_match(lines, i, AT))
    return out


# ------------------------------------------------------------------ extractors (NEEDLES.md, round 445)

@cm.kind("node-trace-exit", "log")
def N_TRACE_EXIT(lines):
    """every `Exited the environment with code` line + first `at` frame below; app error lines + first `at` frame"""
    out = []
    for i, ln in enumerate(lines):
        if "Exited the environment with code" in ln:
            out += [ln, next_match(lines, i, AT, ahead=20)]
    return out + _errors_with_frame(lines, skip=r"Exited the environment")


DEBUG_PFX = re.compile(r"^([A-Z_]+) \d+: ")


@cm.kind("node-debug-module", "log")
def N_DEBUG_MODULE(lines):
    """error lines (Error, Cannot find module, ERR_, code:) + first `at` frame; first debug line naming each missing
    module; the last debug `load "…"` line before the first error"""
    out, first_err = [], None
    for i, ln in enumerate(lines):
        if DEBUG_PFX.match(ln) or re.match(AT, ln):
            continue
        if re.search(r"Error|Cannot find (module|package)|ERR_|\bcode:", ln):
            first_err = i if first_err is None else first_err
            out += [ln, next_match(lines, i, AT)]
            for m in re.finditer(r"Cannot find (?:module|package) '([^']+)'", ln):
                name = m.group(1)
                hit = next((x for x in lines if DEBUG_PFX.match(x) and name in x), None)
                out.append(hit)
    if first_err is not None:
        loads = [x for x in lines[:first_err] if DEBUG_PFX.match(x) and re.search(r'\bload "', x)]
        if loads:
            out.append(loads[-1])
    return out


@cm.kind("node-debug-http", "log")
def N_DEBUG_HTTP(lines):
    """app lines naming a status >= 400, an error or a timeout; debug error lines one {any} per (module, shape);
    the app's closing summary line"""
    out, pairs, app = [], [], []
    for ln in lines:
        m = DEBUG_PFX.match(ln)
        if m:
            if re.search(r"error|ECONN|hang up|timeout|EPIPE", ln, re.I):
                pairs.append(((m.group(1), mask(ln[m.end():])), ln))
            continue
        if not ln.strip() or re.match(AT, ln):
            continue
        app.append(ln)
        if re.search(r"\b[45]\d\d\b", ln) or re.search(r"error|timeout|timed out|ECONN|hang up", ln, re.I):
            out.append(ln)
    if app:
        out.append(app[-1])
    return out + groups(pairs)


@cm.kind("node-trace-deopt", "log")
def N_TRACE_DEOPT(lines):
    """one {any} per (function, deopt reason); app output lines (not `[`/indented) holding ms or Error"""
    pairs, out = [], []
    for i, ln in enumerate(lines):
        m = re.search(r"reason: ([^)\]]+)", ln)
        if m:
            fn = None
            for k in range(i, min(len(lines), i + 4)):
                f = re.search(r"<JSFunction (\S+?)[ >]", lines[k])
                if f:
                    fn = f.group(1)
                    break
            pairs.append(((fn, m.group(1).strip()), ln))
            continue
        if ln and not ln.startswith(("[", " ", "\t")) and re.search(r"\d\s*ms\b|Error", ln):
            out.append(ln)
    return out + groups(pairs)


@cm.kind("node-permission-denied", "log")
def N_PERMISSION(lines):
    """error lines (Error, ERR_ACCESS_DENIED) + their permission:/resource: lines + first `at` frame; the
    experimental warning once"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(AT, ln):
            continue
        if re.search(r"Error|ERR_ACCESS_DENIED", ln):
            out += [ln, next_match(lines, i, AT)]
            out += [next_match(lines, i, r"^\s*permission:", ahead=12), next_match(lines, i, r"^\s*resource:", ahead=12)]
    warn = next((x for x in lines if "ExperimentalWarning" in x), None)
    return out + [warn]


@cm.kind("node-policy-integrity", "log")
def N_POLICY(lines):
    """error lines (ERR_MANIFEST_…, Error) + the url/resource/specifier lines naming what failed + first `at` frame"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(AT, ln):
            continue
        if re.search(r"Error|ERR_MANIFEST_", ln):
            out += [ln, next_match(lines, i, AT)]
            for key in ("url", "resource", "specifier"):
                out.append(next_match(lines, i, rf"^\s*{key}:", ahead=12))
    return out


@cm.kind("npm-doctor", "pkg")
def N_NPM_DOCTOR(lines):
    """the header row (or, in npm 11's block layout, each check's `Checking …` line) and every row whose value is not
    ok with its reason line, every npm error line but the log pointer, a closing line saying something failed"""
    out = []
    pointer = re.compile(r"complete log of this run|A complete log|log files")
    for i, ln in enumerate(lines):
        if re.match(r"^\s*Check\s+Value", ln):
            out.append(ln)
        elif re.match(r"^npm (error|ERR!)", ln):
            if not pointer.search(ln) and ln.split(None, 2)[2:]:
                out.append(ln)
        elif ln.strip().lower() == "not ok":
            head = next((lines[k] for k in range(i - 1, max(-1, i - 4), -1) if lines[k].strip()), None)
            tail = next((lines[k] for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), None)
            out += [head, tail]
        elif re.match(r"^(npm|node|git|Perms|Verify|Check|Connecting)", ln) and re.search(r"\S\s{2,}\S", ln) \
                and not re.match(r"^npm (verbose|info|http|timing|silly|warn)", ln):
            cells = re.split(r"\s{2,}", ln.strip())
            if len(cells) >= 2 and cells[1].lower() != "ok":
                out.append(ln)
    tail = [x for x in lines if x.strip() and not pointer.search(x) and not re.match(r"^npm (verbose|info|http|timing|silly)", x)]
    if tail and re.search(r"fail|problem|not ok", tail[-1], re.I):
        out.append(tail[-1])
    return out


NPM_WARN = re.compile(r"^npm (?:warn|WARN) (\S+)\s*(.*)")


def _npm_warns(lines):
    pairs = []
    for ln in lines:
        m = NPM_WARN.match(ln)
        if m:
            pkg = re.search(r"(@?[\w.-]+(?:/[\w.-]+)?)@", m.group(2))
            pairs.append(((m.group(1), pkg.group(1) if pkg else mask(m.group(2))), ln))
    return groups(pairs)


@cm.kind("npm-ci-out-of-sync", "pkg")
def N_NPM_CI(lines):
    """npm error lines with code / in sync / can only install / Missing: / Invalid: / Run "npm install; npm warn one
    {any} per (code, package)"""
    out = [ln for ln in lines if re.match(r"^npm (error|ERR!)", ln)
           and re.search(r"\bcode\b|in sync|can only install|Missing:|Invalid:|Run \"npm install", ln)]
    return out + _npm_warns(lines)


@cm.kind("npm-exec-fail", "pkg")
def N_NPM_EXEC(lines):
    """npm error lines but log pointers and blanks; the bin's error lines + first `at` frame; npm warn per code"""
    out = []
    for ln in lines:
        if re.match(r"^npm (error|ERR!)", ln):
            if ln.split(None, 2)[2:] and not re.search(r"complete log of this run|A complete log|log files", ln):
                out.append(ln)
    out += _errors_with_frame(lines, skip=r"^npm ")
    pairs = [(m.group(1), ln) for ln in lines for m in [NPM_WARN.match(ln)] if m]
    return out + groups(pairs)


@cm.kind("npm-engine-mismatch", "pkg")
def N_NPM_ENGINE(lines):
    """npm error lines with code/notsup/Unsupported/Not compatible/Valid os/Valid cpu/Required:/Actual; npm warn per
    (code, package); the `added N packages` line"""
    out = [ln for ln in lines if re.match(r"^npm (error|ERR!)", ln)
           and re.search(r"\bcode\b|notsup|Unsupported|Not compatible|Valid os|Valid cpu|Required:|Actual", ln)]
    out += [ln for ln in lines if re.match(r"^(added|up to date|changed|removed) ", ln)]
    return out + _npm_warns(lines)


MS = re.compile(r"(\d+(?:\.\d+)?)\s*ms\b")


@cm.kind("tsc-analyze-trace", "build")
def N_ANALYZE_TRACE(lines):
    """heading lines (not indented, not a tree branch); entries >= 10% of the largest ms printed; error lines;
    tsc's `error TS` lines"""
    out = []
    durs = [float(m.group(1)) for ln in lines for m in [MS.search(ln)] if m]
    top = max(durs) if durs else 0
    for ln in lines:
        if not ln.strip():
            continue
        if re.search(r"error TS\d+|\bError\b", ln):
            out.append(ln)
            continue
        m = MS.search(ln)
        if m and top and float(m.group(1)) >= 0.1 * top:
            out.append(ln)
        elif not ln[0].isspace() and not re.match(r"^[├└│─|`+\-*]", ln) and not m:
            out.append(ln)
    return out


@cm.kind("node-heapsnapshot-summary", "table")
def N_HEAP_SUMMARY(lines):
    """totals lines, column header, rows >= 10% of total self size, rows with the largest count and self size"""
    out, rows, total = [], [], None
    for ln in lines:
        if re.search(r"\btotal\b|\bnodes\b", ln, re.I) and not re.match(r"^\s*\d", ln):
            out.append(ln)
            m = re.search(r"self size[^\d]*(\d+)", ln, re.I)
            if m:
                total = int(m.group(1))
        elif re.match(r"^\s*count\s+", ln, re.I):
            out.append(ln)
        else:
            m = re.match(r"^\s*(\d+)\s+(\d+)\s+", ln)
            if m:
                rows.append((int(m.group(1)), int(m.group(2)), ln))
    if rows:
        total = total or sum(r[1] for r in rows)
        out += [r[2] for r in rows if r[1] >= 0.1 * total]
        out.append(max(rows, key=lambda r: r[0])[2])
        out.append(max(rows, key=lambda r: r[1])[2])
    return out


# ------------------------------------------------------------------ material

NAMES = ["Agnes", "Bryn", "Cadoc", "Dilys", "Emrys", "Ffion", "Gareth", "Heledd", "Idris", "Jory", "Kerra", "Lowen",
         "Morwenna", "Nessa", "Oswin", "Peder", "Rhys", "Senara", "Tamsin", "Wenna"]
BOATS = ["Spirit of Porthdinllaen", "Ruby Rose", "Hilda Jarrett", "Mary Margaret", "Kiwi", "Ernest & Mary Shaw"]


def log_lines(rng, n, tag):
    out = []
    for k in range(n):
        who = rng.choice(NAMES)
        boat = rng.choice(BOATS)
        out.append(f"console.log({json.dumps(f'[{tag}] shout {k:04d}: coxswain {who} readies {boat} on slipway {rng.randint(1, 4)}, tide {rng.uniform(0.4, 5.9):.2f} m')});")
    return "\n".join(out)


def step_trace_exit(tmp: Path) -> None:
    d = tmp / "exit"
    for seed, n, style in ((44510, 12, "timer"), (44511, 80, "emitter"), (44512, 400, "promise")):
        rng = random.Random(seed)
        body = log_lines(rng, n, "launch")
        if style == "timer":
            src = f"""const fs = require('fs');
function checkSlipway(n) {{
  if (n === 3) {{ console.error('slipway 3 winch failed: brake pressure 0 bar'); process.exit(3); }}
}}
{body}
setTimeout(() => {{ for (let n = 1; n <= 4; n++) checkSlipway(n); }}, 5);
"""
        elif style == "emitter":
            src = f"""const {{ EventEmitter }} = require('events');
const pager = new EventEmitter();
class Crew {{
  constructor(names) {{ this.names = names; }}
  muster(shout) {{
    if (this.names.length < 4) {{
      console.error(new Error(`crew short for shout ${{shout}}: ${{this.names.length}} of 4 mustered`).stack);
      process.exit(2);
    }}
  }}
}}
{body}
pager.on('shout', (id) => new Crew(['{rng.choice(NAMES)}', '{rng.choice(NAMES)}']).muster(id));
setImmediate(() => pager.emit('shout', 'S-{seed}'));
"""
        else:
            src = f"""async function readTide(hour) {{
  if (hour > 20) throw new RangeError(`tide table ends at hour 20, asked ${{hour}}`);
  return 3.1;
}}
async function planLaunch(hour) {{
  try {{ return await readTide(hour); }}
  catch (e) {{ console.error('launch planning failed:', e.message); process.exitCode = 4; process.exit(); }}
}}
{body}
Promise.resolve().then(() => planLaunch(23));
"""
        write_tree(d, {f"launch{seed}.js": src})
        cap(f"trace-exit-{style}", f"node --trace-exit launch{seed}.js", d, N_TRACE_EXIT)


def step_debug_module(tmp: Path) -> None:
    for seed, nmod, fault in ((44513, 6, "misspelt"), (44514, 30, "package"), (44515, 14, "esm")):
        rng = random.Random(seed)
        d = tmp / f"mod{seed}"
        files = {"package.json": json.dumps({"name": f"slipway-{seed}", "version": "1.0.0",
                                              **({"type": "module"} if fault == "esm" else {})})}
        ext = "js"
        mods = [f"crew{k:02d}" for k in range(nmod)]
        for k, m in enumerate(mods):
            nxt = mods[k + 1] if k + 1 < nmod else None
            if fault == "esm":
                imp = f"import {{ roster as next }} from './{nxt}.js';\n" if nxt else ""
                files[f"lib/{m}.{ext}"] = imp + f"export const roster = ['{rng.choice(NAMES)}'{', ...next' if nxt else ''}];\n"
            else:
                req = f"const next = require('./{nxt}');\n" if nxt else "const next = { roster: [] };\n"
                files[f"lib/{m}.{ext}"] = req + f"module.exports = {{ roster: ['{rng.choice(NAMES)}', ...next.roster] }};\n"
        last = mods[-1]
        if fault == "misspelt":
            files[f"lib/{last}.js"] = "const c = require('./coxswian');\nmodule.exports = { roster: [c.name] };\n"
            files["lib/coxswain.js"] = "module.exports = { name: 'Senara' };\n"
        elif fault == "package":
            files[f"lib/{last}.js"] = "const tides = require('tide-tables');\nmodule.exports = { roster: tides.crew };\n"
        else:
            files[f"lib/{last}.js"] = "import { harbour } from 'slipway-charts/harbour';\nexport const roster = [harbour];\n"
        if fault == "esm":
            files["main.js"] = "import { roster } from './lib/crew00.js';\nconsole.log(roster.join(', '));\n"
        else:
            files["main.js"] = "const { roster } = require('./lib/crew00');\nconsole.log(roster.join(', '));\n"
        write_tree(d, files)
        cap(f"debug-module-{fault}", "NODE_DEBUG=module node main.js", d, N_DEBUG_MODULE)


HTTP_SERVER = r"""
const http = require('http');
let n = 0;
http.createServer((req, res) => {
  n++;
  if (req.url.startsWith('/reset')) { req.socket.destroy(); return; }
  if (req.url.startsWith('/stall')) { return; }
  if (req.url.startsWith('/pager')) { res.writeHead(503, {'retry-after': '30'}); res.end('pager gateway down'); return; }
  if (req.url.startsWith('/missing')) { res.writeHead(404); res.end('no such boat'); return; }
  res.writeHead(200, {'content-type': 'application/json'});
  res.end(JSON.stringify({ path: req.url, n }));
}).listen(Number(process.argv[2]), '127.0.0.1');
"""

HTTP_CLIENT = r"""
const http = require('http');
const [port, closed, plan] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4].split(',')];
let ok = 0, bad = 0;
function get(path, p) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port: p, path, timeout: 300 }, (res) => {
      let body = '';
      res.on('data', (c) => body += c);
      res.on('end', () => {
        if (res.statusCode >= 400) { bad++; console.log(`GET ${path} -> ${res.statusCode} ${body}`); }
        else { ok++; console.log(`GET ${path} -> ${res.statusCode}`); }
        resolve();
      });
    });
    req.on('timeout', () => { console.log(`GET ${path} timed out after 300 ms`); req.destroy(new Error('launch status timeout')); });
    req.on('error', (e) => { bad++; console.log(`GET ${path} failed: ${e.code || ''} ${e.message}`); resolve(); });
  });
}
(async () => {
  for (const step of plan) {
    if (step === 'refused') await get('/launches/today', closed);
    else await get(step, port);
  }
  console.log(`status sweep done: ${ok} ok, ${bad} failed`);
})();
"""


def step_debug_http(tmp: Path) -> None:
    d = tmp / "http"
    write_tree(d, {"server.js": HTTP_SERVER, "client.js": HTTP_CLIENT})
    cm.start(["node", "server.js", str(PORT)], cwd=d)
    time.sleep(1.0)
    for seed, n, mods in ((44516, 6, "http"), (44517, 14, "http,net"), (44518, 40, "http")):
        rng = random.Random(seed)
        plan = [rng.choice(["/boats/" + str(k) for k in range(1, 7)]) for _ in range(n)]
        for bad in ("/pager/page-crew", "/missing/ALB-12", "/reset/launch", "refused", "/stall/tide"):
            plan.insert(rng.randrange(len(plan) + 1), bad)
        cap(f"debug-{mods.replace(',', '-')}-{n}",
            f"NODE_DEBUG={mods} node client.js {PORT} {CLOSED_PORT} {','.join(plan)}", d, N_DEBUG_HTTP, timeout=60)


DEOPT_APP = r"""
function tideHeight(obs) { return obs.h * Math.cos(obs.t / 12.42 * Math.PI); }
function crewScore(c) { return c.years * 2 + (c.coxswain ? 10 : 0) + c.name.length; }
function sumLaunch(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }
const N = Number(process.argv[2]);
let acc = 0;
const t0 = Date.now();
for (let i = 0; i < N; i++) {
  acc += tideHeight({ h: 3.2, t: i % 24 });
  acc += crewScore({ name: 'Wenna', years: i % 30, coxswain: i % 7 === 0 });
  acc += sumLaunch([1, 2, 3, i]);
}
console.log(`warm phase: ${Date.now() - t0} ms`);
const t1 = Date.now();
for (let i = 0; i < N / 4; i++) {
  acc += tideHeight({ t: i % 24, h: '3.2', gauge: 'Porthdinllaen' });
  acc += crewScore({ coxswain: true, name: 'Idris', years: undefined });
  acc += sumLaunch([1.5, 'two', 3, null]);
  if (i % 5000 === 0) acc += sumLaunch(new Float64Array([1, 2, i]));
}
console.log(`mixed phase: ${Date.now() - t1} ms`);
if (!Number.isFinite(acc)) console.error(new Error('launch score is not finite: ' + typeof acc + ' of length ' + String(acc).length).message);
"""


def step_deopt(tmp: Path) -> None:
    d = tmp / "deopt"
    write_tree(d, {"score.js": DEOPT_APP})
    cap("trace-deopt-small", "node --trace-deopt score.js 3000", d, N_TRACE_DEOPT)
    cap("trace-deopt-head", "node --trace-deopt score.js 20000 2>&1 | head -n 120", d, N_TRACE_DEOPT)
    cap("trace-deopt-verbose", "node --trace-deopt-verbose score.js 20000 2>&1 | head -n 600", d, N_TRACE_DEOPT)


def step_permission(tmp: Path) -> None:
    d = tmp / "perm"
    write_tree(d, {
        "app/read.js": "const fs = require('fs');\nconsole.log('reading crew roster');\n"
                       "const roster = fs.readFileSync('/etc/hostname', 'utf8');\nconsole.log(roster);\n",
        "app/write.js": "const fs = require('fs');\nconst path = require('path');\n"
                        "for (const b of ['Ruby Rose', 'Kiwi']) console.log('logging launch of', b);\n"
                        "fs.writeFileSync(path.join(__dirname, '..', 'logbook', 'launches.log'), 'ALB launched 04:12\\n');\n",
        "app/spawn.js": "const { execSync } = require('child_process');\nconsole.log('paging crew via pager-cli');\n"
                        "console.log(execSync('echo page crew').toString());\n",
        "app/worker.js": "const { Worker } = require('worker_threads');\nconsole.log('starting tide worker');\n"
                         "new Worker('console.log(1)', { eval: true });\n",
        "logbook/.keep": "",
    })
    app = d / "app"
    for name in ("read", "write", "spawn", "worker"):
        cap(f"permission-{name}", f"node --experimental-permission --allow-fs-read={app} app/{name}.js", d, N_PERMISSION)


def step_policy(tmp: Path) -> None:
    import base64
    import hashlib
    d = tmp / "policy"
    files = {
        "main.js": "const crew = require('./crew.js');\nconst tide = require('./tide.js');\n"
                   "console.log('on call:', crew.onCall().join(', '), 'tide', tide.now());\n",
        "crew.js": "module.exports = { onCall: () => ['Agnes', 'Rhys', 'Kerra'] };\n",
        "tide.js": "const charts = require('./charts.js');\nmodule.exports = { now: () => charts.height(4) };\n",
        "charts.js": "module.exports = { height: (h) => (3.2 * Math.cos(h / 12.42 * Math.PI)).toFixed(2) };\n",
    }
    write_tree(d, files)

    def sri(name):
        return "sha384-" + base64.b64encode(hashlib.sha384((d / name).read_bytes()).digest()).decode()

    res = {f"./{n}": {"integrity": sri(n), "dependencies": True} for n in files}
    (d / "policy-ok.json").write_text(json.dumps({"resources": res}, indent=2))
    (d / "crew.js").write_text("module.exports = { onCall: () => ['Agnes', 'Rhys', 'Kerra', 'Jory'] };\n")
    cap("policy-integrity", "node --experimental-policy=policy-ok.json main.js", d, N_POLICY)
    res2 = {k: dict(v) for k, v in res.items()}
    res2["./crew.js"]["integrity"] = sri("crew.js")
    res2["./tide.js"]["dependencies"] = {"./other.js": "./charts.js"}
    (d / "policy-deps.json").write_text(json.dumps({"resources": res2}, indent=2))
    cap("policy-dependency", "node --experimental-policy=policy-deps.json main.js", d, N_POLICY)
    res3 = {k: v for k, v in res2.items() if k != "./charts.js"}
    res3["./tide.js"]["dependencies"] = True
    (d / "policy-missing.json").write_text(json.dumps({"resources": res3, "onerror": "throw"}, indent=2))
    cap("policy-missing-resource", "node --experimental-policy=policy-missing.json main.js", d, N_POLICY)


def step_npm_doctor(tmp: Path) -> None:
    d = tmp / "doctor"
    d.mkdir(parents=True, exist_ok=True)
    (d / "package.json").write_text(json.dumps({"name": "slipway-doctor", "version": "1.0.0"}))
    cap("npm-doctor-closed-registry", f"npm doctor --registry=http://127.0.0.1:{CLOSED_PORT}/", d, N_NPM_DOCTOR,
        timeout=180)
    cache = d / "cache"
    cache.mkdir()
    cap("npm-doctor-cache-verbose", f"npm doctor --registry=http://127.0.0.1:{CLOSED_PORT}/ --cache={cache} --loglevel=verbose",
        d, N_NPM_DOCTOR, timeout=180)


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
    for name, v in (("slipway-tides", "1.2.0"), ("slipway-crew", "2.0.1"), ("slipway-pager", "0.4.0"),
                    ("slipway-charts", "3.1.0")):
        local_pkg(pk, name, v)
    base = {"name": "slipway-station", "version": "1.0.0",
            "dependencies": {"slipway-tides": "file:packages/slipway-tides", "slipway-crew": "file:packages/slipway-crew"}}
    (d / "package.json").write_text(json.dumps(base, indent=2))
    run("npm install --offline --no-audit --no-fund", cwd=d, timeout=120)
    # out of sync 1: a dependency added to package.json only
    b1 = json.loads(json.dumps(base))
    b1["dependencies"]["slipway-pager"] = "file:packages/slipway-pager"
    (d / "package.json").write_text(json.dumps(b1, indent=2))
    cap("npm-ci-added-dep", "npm ci --no-audit --no-fund", d, N_NPM_CI, timeout=120)
    # out of sync 2: several, with a version range the lock does not satisfy
    b2 = json.loads(json.dumps(b1))
    b2["dependencies"]["slipway-charts"] = "file:packages/slipway-charts"
    b2["devDependencies"] = {"slipway-crew-fixtures": "file:packages/slipway-crew"}
    (d / "package.json").write_text(json.dumps(b2, indent=2))
    cap("npm-ci-several", "npm ci --offline --no-audit --no-fund", d, N_NPM_CI, timeout=120)
    # out of sync 3: the local package bumped its version, verbose log
    b3 = json.loads(json.dumps(base))
    b3["dependencies"]["slipway-crew"] = "file:packages/slipway-charts"
    (d / "package.json").write_text(json.dumps(b3, indent=2))
    cap("npm-ci-verbose-bumped", "npm ci --offline --no-audit --no-fund --loglevel=verbose", d, N_NPM_CI, timeout=120)


def step_npm_exec(tmp: Path) -> None:
    d = tmp / "exec"
    pk = d / "packages"
    local_pkg(pk, "launch-check", "1.0.0", bin_src=(
        "const boats = ['Ruby Rose', 'Kiwi', 'Hilda Jarrett'];\n"
        "for (const b of boats) console.log(`checking ${b}: fuel ok, crew 4/4`);\n"
        "function checkWinch(slip) { if (slip > 2) throw new Error(`winch on slipway ${slip} failed load test (2.1 t < 3 t)`); }\n"
        "[1, 2, 3].forEach(checkWinch);\n"))
    local_pkg(pk, "tide-report", "1.0.0", bin_src=(
        "const hours = Number(process.argv[2]);\n"
        "if (!Number.isInteger(hours)) { console.error(`tide-report: expected hours, got ${process.argv[2]}`); process.exit(64); }\n"
        "console.log('ok');\n"))
    (d / "package.json").write_text(json.dumps({"name": "slipway-exec", "version": "1.0.0", "dependencies": {
        "launch-check": "file:packages/launch-check", "tide-report": "file:packages/tide-report"}}, indent=2))
    run("npm install --offline --no-audit --no-fund", cwd=d, timeout=120)
    cap("npm-exec-bin-throws", "npm exec -- launch-check", d, N_NPM_EXEC, timeout=120)
    cap("npm-exec-bin-throws-verbose", "npm exec --loglevel=verbose -- launch-check", d, N_NPM_EXEC, timeout=120)
    cap("npm-exec-no-bin", "npm exec --offline --package=./packages/launch-check --loglevel=verbose -- launch-checker", d,
        N_NPM_EXEC, timeout=120)


def step_engine(tmp: Path) -> None:
    d = tmp / "engine"
    pk = d / "packages"
    specs = [("slipway-future", {"engines": {"node": ">=22.0.0"}}),
             ("slipway-npm12", {"engines": {"npm": ">=12"}}),
             ("slipway-win", {"os": ["win32"]}),
             ("slipway-arm", {"cpu": ["arm", "arm64"]}),
             ("slipway-ok", {"engines": {"node": ">=18"}})]
    for name, extra in specs:
        local_pkg(pk, name, "1.0.0", extra)
        run(f"npm pack ./packages/{name} --pack-destination packages >/dev/null", cwd=d, timeout=60)

    def project(names):
        (d / "package.json").write_text(json.dumps({"name": "slipway-engine", "version": "1.0.0", "dependencies": {
            n: f"file:packages/{n}-1.0.0.tgz" for n in names}}, indent=2))
        run("rm -rf node_modules package-lock.json", cwd=d)

    project(["slipway-future", "slipway-npm12", "slipway-ok"])
    cap("npm-install-engine-warn", "npm install --offline --no-audit --no-fund", d, N_NPM_ENGINE, timeout=120)
    project(["slipway-future", "slipway-npm12", "slipway-ok"])
    cap("npm-install-engine-strict", "npm install --offline --no-audit --no-fund --engine-strict", d, N_NPM_ENGINE,
        timeout=120)
    project(["slipway-win", "slipway-ok"])
    cap("npm-install-os", "npm install --offline --no-audit --no-fund --loglevel=verbose", d, N_NPM_ENGINE, timeout=120)
    project(["slipway-arm", "slipway-future", "slipway-ok"])
    cap("npm-install-cpu-verbose", "npm install --offline --no-audit --no-fund --loglevel=verbose", d, N_NPM_ENGINE,
        timeout=120)


def ts_project(d: Path, seed: int, n: int, depth: int) -> None:
    rng = random.Random(seed)
    files = {"tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "es2020", "module": "commonjs",
                                                              "outDir": "out"}, "include": ["src"]})}
    files["src/types.ts"] = (
        "export type Depth = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];\n"
        "export type Paths<T, D extends number = %d> = [D] extends [never] ? never : T extends object ?\n"
        "  { [K in keyof T]-?: K extends string | number ? `${K}` | `${K}.${Paths<T[K], Depth[D]>}` : never }[keyof T] : '';\n"
        "export type Deep<T, N extends number> = N extends 0 ? T : { a: Deep<T, Depth[N]>; b: Deep<T, Depth[N]>; c: T };\n"
        % depth)
    for k in range(n):
        fields = "; ".join(f"{rng.choice(['tide', 'crew', 'slip', 'boat', 'pager'])}{j}: {{ h: number; name: string; log: string[] }}"
                           for j in range(rng.randint(4, 9)))
        files[f"src/station{k:02d}.ts"] = (
            "import { Paths, Deep } from './types';\n"
            f"export interface Station{k} {{ {fields} }}\n"
            f"export type P{k} = Paths<Station{k}>;\n"
            f"export const p{k}: P{k} = '{'tide0.h' if k % 5 else 'crew0.height'}' as P{k};\n"
            f"export type D{k} = Deep<Station{k}, {rng.randint(5, 8)}>;\n"
            f"export function launch{k}(d: D{k}): number {{ return d.a.a.c.{'tide0' if k % 7 else 'tides0'} ? 1 : 0; }}\n")
    write_tree(d, files)


def step_analyze_trace(tmp: Path) -> None:
    for seed, n, depth in ((44519, 6, 4), (44520, 24, 6)):
        d = tmp / f"ts{seed}"
        ts_project(d, seed, n, depth)
        run("timeout 300 tsc -p . --noEmit --generateTrace trace >/dev/null 2>&1", cwd=d, timeout=320)
        cap(f"analyze-trace-{n}", "analyze-trace trace --skipMillis=1 --forceMillis=5", d, N_ANALYZE_TRACE, timeout=180)
    d = tmp / "ts44520"
    cap("tsc-and-analyze-trace", "tsc -p . --noEmit --generateTrace trace2; analyze-trace trace2 --forceMillis=50",
        d, N_ANALYZE_TRACE, timeout=400)


HEAP_APP = r"""
const v8 = require('v8');
class Shout { constructor(i) { this.id = 'S-' + i; this.log = new Array(20).fill('paged'); this.at = new Date(); } }
class CrewMember { constructor(n) { this.name = n; this.pager = { battery: Math.random() }; } }
class TideReading { constructor(h) { this.h = h; this.samples = new Float64Array(64); } }
const leak = [];
const N = Number(process.argv[2]);
for (let i = 0; i < N; i++) {
  leak.push(new Shout(i));
  if (i % 3 === 0) leak.push(new TideReading(i % 6));
  if (i % 50 === 0) leak.push(new CrewMember('crew' + i));
}
const file = v8.writeHeapSnapshot(process.argv[3]);
console.log('wrote', file);
"""

HEAP_READER = r"""
const fs = require('fs');
const snap = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] || 30);
const m = snap.snapshot.meta, F = m.node_fields.length;
const ti = m.node_fields.indexOf('type'), ni = m.node_fields.indexOf('name'), si = m.node_fields.indexOf('self_size');
const types = m.node_types[0], nodes = snap.nodes, strings = snap.strings;
const agg = new Map();
let total = 0, count = 0;
for (let i = 0; i < nodes.length; i += F) {
  const t = types[nodes[i + ti]];
  const key = t === 'object' || t === 'closure' ? strings[nodes[i + ni]] + (t === 'closure' ? '()' : '') : '(' + t + ')';
  const a = agg.get(key) || { count: 0, size: 0 };
  a.count++; a.size += nodes[i + si]; agg.set(key, a);
  total += nodes[i + si]; count++;
}
console.log(`snapshot ${process.argv[2]}: ${count} nodes, total self size ${total} bytes, ${agg.size} constructors`);
console.log('count'.padStart(9) + 'self_size'.padStart(12) + '   %   constructor');
for (const [k, a] of [...agg].sort((x, y) => y[1].size - x[1].size).slice(0, top))
  console.log(String(a.count).padStart(9) + String(a.size).padStart(12) + (100 * a.size / total).toFixed(1).padStart(6) + '  ' + k);
"""


def step_heap(tmp: Path) -> None:
    d = tmp / "heap"
    write_tree(d, {"leak.js": HEAP_APP, "heap-summary.js": HEAP_READER})
    for n, top in ((2000, 25), (20000, 120), (6000, 400)):
        run(f"node leak.js {n} shouts-{n}.heapsnapshot", cwd=d, timeout=120)
        cap(f"heap-summary-{n}-top{top}", f"node heap-summary.js shouts-{n}.heapsnapshot {top}", d, N_HEAP_SUMMARY)
        run(f"rm -f shouts-{n}.heapsnapshot", cwd=d)


STEPS = [step_trace_exit, step_debug_module, step_debug_http, step_deopt, step_permission, step_policy,
         step_npm_doctor, step_npm_ci, step_npm_exec, step_engine, step_analyze_trace, step_heap]


def ensure_tools() -> None:
    cm.install_npm(JS, "@typescript/analyze-trace", ["typescript@5", "@typescript/analyze-trace"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide445", sys.modules["__main__"])
    main()
