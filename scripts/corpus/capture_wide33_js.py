"""Round 33, TypeScript/Node and the machine: a pottery studio's kiln-firing service (`kilnctl`) written here with bugs
put in, installed with npm (install, ls, outdated), built with tsc, tested with jest, vitest and mocha, linted with
eslint and crashing with an uncaught error, typed the way agents type them; its git history (status && diff, log -p,
show, blame, log --stat); a firing-log CSV and sqlite table; a kiln-controller API on loopback through curl; the
service's log cut with grep and tail; ls, find, du, ps and top. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide33.py."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, n_npm_outdated, run, write_tree
from capture_wide import n_node_uncaught
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import (n_csv, n_du, n_find, n_json_api, n_ls_la, n_npm_install, n_npm_ls, n_ps_aux, n_ps_ef,
                                 n_sqlite_col, n_top)
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_tsc, n_vitest
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide33 import TMP, cap

GIT_ENV = {"GIT_AUTHOR_NAME": "Noor Okafor", "GIT_AUTHOR_EMAIL": "noor@example.org",
           "GIT_COMMITTER_NAME": "Noor Okafor", "GIT_COMMITTER_EMAIL": "noor@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP)}

PACKAGE = {
    "name": "kilnctl", "version": "2.3.0", "private": True, "main": "dist/server.js",
    "scripts": {"build": "tsc -p .", "test": "jest", "lint": "eslint lib"},
    "dependencies": {"dayjs": "1.10.4", "lodash": "4.17.15", "uuid": "8.3.0", "ms": "2.1.2"},
    "devDependencies": {"typescript": "5.4.5", "jest": "29.7.0", "vitest": "2.1.9", "mocha": "10.4.0",
                        "eslint": "9.9.0", "@types/node": "20.11.0"},
    "jest": {"testMatch": ["**/test/*.test.js"]},
}

TSCONFIG = {"compilerOptions": {"target": "ES2020", "module": "commonjs", "strict": True, "outDir": "dist",
                                "noUnusedLocals": True, "esModuleInterop": True, "types": ["node"]},
            "include": ["src"]}

FIRING_TS = '''// Firing schedules: segments, cones, durations
export interface Segment { rate: number; target: number; holdMin: number }
export interface Schedule { name: string; cone: string; segments: Segment[] }

// orton cone -> end point in degrees C at 150 C/h
export const CONES: Record<string, number> = { "022": 586, "018": 696, "010": 894, "06": 999, "04": 1060, "6": 1222, "10": 1285 };

export function segmentMinutes(fromC: number, s: Segment): number {
  const delta = Math.abs(s.target - fromC);
  return Math.round((delta / s.rate) * 60) + s.holdMin;
}

export function totalMinutes(sched: Schedule, roomC = 20): number {
  let t = 0;
  let at = roomC;
  for (const s of sched.segments) {
    t += segmentMinutes(at, s);
  }
  return t;
}

export function peakTemp(sched: Schedule): number {
  return Math.max(...sched.segments.map((s) => s.target));
}

export function coneFor(tempC: number): string | undefined {
  for (const [cone, t] of Object.entries(CONES)) if (tempC <= t) return cone;
  return undefined;
}

export function validate(sched: Schedule): string[] {
  const errs: string[] = [];
  sched.segments.forEach((s, i) => {
    if (s.rate <= 0) errs.push(`segment ${i}: rate must be positive`);
    if (s.target > 1300) errs.push(`segment ${i}: target above kiln limit`);
  });
  if (peakTemp(sched) < CONES[sched.cone]) errs.push(`peak below cone ${sched.cone}`);
  return errs;
}

export function formatDuration(min: number): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  return `${h}h${m}m`;
}
'''

KILNS_TS = '''import { Schedule, peakTemp, totalMinutes } from "./firing";

export interface Kiln { id: string; maxC: number; volumeL: number; kw: number; busyUntil?: Date }

export function pickKiln(kilns: Kiln[], s: Schedule, now: Date): Kiln {
  const fit = kilns.filter((k) => k.maxC >= peakTemp(s) && (!k.busyUntil || k.busyUntil < now));
  return fit.sort((a, b) => a.volumeL - b.volumeL)[0];
}

export function energyKwh(k: Kiln, s: Schedule): number {
  const hours = totalMinutes(s) / 60;
  const duty = 0.6;
  const unused = hours * 2;
  return Math.round(k.kw * hours * duty * 10) / 10;
}

export function costLabel(k: Kiln, s: Schedule, pricePerKwh: number): string {
  const kwh = energyKwh(k, s);
  return `${k.name}: ${kwh} kWh, ${(kwh * pricePerKwh).toFixed(2)} EUR`;
}

export function freeAt(k: Kiln): number {
  return k.busyUntil.getTime();
}

export function coolDownMinutes(peakC: number, rate: string): number {
  return Math.round(((peakC - 60) / rate) * 60);
}
'''

CLI_TS = '''import { readFileSync } from "fs";
import { Schedule, totalMinutes, formatDuration, validate } from "./firing";

export function loadPlan(path: string): Schedule[] {
  const raw = JSON.parse(readFileSync(path, "utf8"));
  return raw.firings.map((f: any) => ({ name: f.name, cone: f.cone, segments: f.program.segments }));
}

export function main(argv: string[]): void {
  const plans = loadPlan(argv[2]);
  console.log(`loaded ${plans.length} firings from ${argv[2]}`);
  for (const [i, p] of plans.entries()) {
    try {
      const errs = validate(p);
      console.log(`${String(i + 1).padStart(2)} ${p.name.padEnd(22)} cone ${p.cone.padEnd(4)} ${formatDuration(totalMinutes(p))} ${errs.join("; ")}`);
    } catch (e) {
      throw new Error(`firing plan ${p.name} (#${i + 1}) is unreadable`, { cause: e });
    }
  }
}

if (require.main === module) main(process.argv);
'''


def gen_ts(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(5):
        lines = ['import { Kiln, energyKwh } from "./kilns";', 'import { Schedule } from "./firing";', ""]
        for j in range(rnd.randint(4, 6)):
            v = rnd.choice(["glaze", "bisque", "raku", "lustre", "crystal"])
            lines += [f"export function {v}Report{i}_{j}(kilns: Kiln[], s: Schedule, shelves) {{",
                      "  const kwh: number[] = kilns.map((k: Kiln) => energyKwh(k, s));",
                      f"  const label: string = kwh.length > {rnd.randint(2, 9)} ? kwh[0] : \"idle\";",
                      f"  const cone: \"06\" | \"04\" | \"6\" = \"{rnd.choice(['06', '04', '6', '5'])}\";",
                      "  return label + cone + s.title;", "}", ""]
        files[f"src/reports{i}.ts"] = "\n".join(lines)
    return files


def schedules(seed: int, n: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        cone = rnd.choice(["04", "06", "6", "018"])
        top = {"04": 1060, "06": 999, "6": 1222, "018": 696}[cone]
        segs = [{"rate": rnd.choice([60, 80, 100]), "target": 600, "holdMin": 0},
                {"rate": rnd.choice([120, 150, 200]), "target": top, "holdMin": rnd.choice([0, 10, 15])}]
        if rnd.random() < 0.5:
            segs = segs[1:]
        # the right total: each segment ramps from where the last one ended
        at, total = 20, 0
        for s in segs:
            total += round(abs(s["target"] - at) / s["rate"] * 60) + s["holdMin"]
            at = s["target"]
        out.append({"name": f"{rnd.choice(['glaze', 'bisque', 'lustre'])}-{100 + i}", "cone": cone, "segments": segs,
                    "minutes": total})
    return out


def jest_test(seed: int) -> str:
    data = schedules(seed, 44)
    return f'''const {{ totalMinutes, peakTemp, coneFor, validate, formatDuration }} = require("../dist/firing");
const SCHEDULES = {json.dumps(data)};

describe("totalMinutes", () => {{
  test.each(SCHEDULES)("$name (cone $cone) takes $minutes min", (s) => {{
    expect(totalMinutes(s)).toBe(s.minutes);
  }});
}});

describe("cones", () => {{
  test("peak of a bisque", () => expect(peakTemp(SCHEDULES[0])).toBeGreaterThan(600));
  test("cone for 1000 C is 04", () => expect(coneFor(1000)).toBe("04"));
  test("cone for 890 C is 010", () => expect(coneFor(890)).toBe("010"));
  test("nothing above 1300", () => expect(coneFor(1400)).toBeUndefined());
}});

describe("validate", () => {{
  test("a fast glaze is fine", () => {{
    expect(validate({{ name: "g", cone: "6", segments: [{{ rate: 150, target: 1222, holdMin: 10 }}] }})).toEqual([]);
  }});
  test("rejects a zero rate", () => {{
    expect(validate({{ name: "z", cone: "04", segments: [{{ rate: 0, target: 1060, holdMin: 0 }}] }})).toContain("segment 0: rate must be zero");
  }});
}});

describe("formatDuration", () => {{
  test("pads minutes", () => expect(formatDuration(425)).toBe("7h05m"));
  test("whole hours", () => expect(formatDuration(600)).toBe("10h00m"));
}});
'''


def vitest_spec(seed: int) -> str:
    rnd = random.Random(seed)
    kilns = [{"id": f"K{i}", "maxC": rnd.choice([1100, 1260, 1300]), "volumeL": rnd.choice([40, 80, 120, 200]),
              "kw": rnd.choice([3.6, 7.2, 11.0])} for i in range(8)]
    cases = []
    for i in range(30):
        k = rnd.choice(kilns)
        mins = rnd.choice([420, 480, 540, 600, 720])
        kwh = round(k["kw"] * mins / 60 * 0.6 * 10) / 10
        if rnd.random() < 0.15:
            kwh = round(kwh + 1.5, 1)  # written against last year's duty cycle
        cases.append({"kiln": k["id"], "minutes": mins, "kwh": kwh})
    return f'''import {{ describe, test, expect }} from "vitest";
import {{ pickKiln, energyKwh, coolDownMinutes }} from "../src/kilns";

const KILNS = {json.dumps(kilns)};
const CASES = {json.dumps(cases)};
const flat = (m: number) => ({{ name: "flat", cone: "6", segments: [{{ rate: 1e9, target: 20, holdMin: m }}] }});

describe("energyKwh", () => {{
  test.each(CASES)("kiln $kiln for $minutes min uses $kwh kWh", (c) => {{
    const k = KILNS.find((x) => x.id === c.kiln)!;
    expect(energyKwh(k, flat(c.minutes))).toBe(c.kwh);
  }});
}});

describe("pickKiln", () => {{
  test("smallest kiln that reaches cone 6", () => {{
    const s = {{ name: "g", cone: "6", segments: [{{ rate: 150, target: 1222, holdMin: 10 }}] }};
    expect(pickKiln(KILNS, s, new Date()).volumeL).toBe(40);
  }});
  test("none free throws", () => {{
    const s = {{ name: "hot", cone: "10", segments: [{{ rate: 150, target: 1350, holdMin: 0 }}] }};
    expect(() => pickKiln(KILNS, s, new Date())).toThrow("no kiln");
  }});
  test("cool down from cone 6 at 100 C/h", () => expect(coolDownMinutes(1222, 100 as any)).toBe(697));
}});
'''


def mocha_spec(seed: int) -> str:
    data = schedules(seed, 26)
    return f'''const assert = require("assert");
const {{ validate, peakTemp, segmentMinutes }} = require("../dist/firing");
const SCHEDULES = {json.dumps(data)};

describe("firing plans", function () {{
  SCHEDULES.forEach(function (s) {{
    it(`${{s.name}} reaches cone ${{s.cone}}`, function () {{
      assert.deepStrictEqual(validate(s), []);
      assert.ok(peakTemp(s) >= 600);
    }});
  }});
  it("a hold adds its minutes", function () {{
    assert.strictEqual(segmentMinutes(20, {{ rate: 100, target: 120, holdMin: 15 }}), 75);
  }});
  it("a cooling segment counts down", function () {{
    assert.strictEqual(segmentMinutes(1000, {{ rate: -100, target: 800, holdMin: 0 }}), 120);
  }});
}});
'''


ESLINT_CONFIG = '''const js = require("@eslint/js");
module.exports = [
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", console: "readonly", process: "readonly", __dirname: "readonly" } },
    rules: { eqeqeq: "error", "no-var": "error", "prefer-const": "warn", curly: "warn", "no-console": "warn" },
  },
];
'''


def legacy_js(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(6):
        lines = ['const fs = require("fs");', 'const path = require("path");', ""]
        for j in range(rnd.randint(5, 8)):
            name = rnd.choice(["sweepLogs", "exportFirings", "rotateAlarms", "pruneShelves", "relabelKilns"])
            lines += [f"function {name}{j}(dir, days, unusedOpt) {{",
                      "  var removed = 0;", f"  let limit = {rnd.randint(2, 40)};",
                      "  for (const f of fs.readdirSync(dir)) {", "    if (path.extname(f) == '.log') removed++;", "  }",
                      f"  if (removed > limit) console.log('pruned', removed)",
                      f"  return removed + missingHelper{j}(days);", "}", ""]
        lines.append("module.exports = {};")
        files[f"lib/jobs{i}.js"] = "\n".join(lines)
    return files


def kilnctl(tmp: Path) -> Path:
    root = tmp / "kilnctl"
    plans = {"firings": [{"name": s["name"], "cone": s["cone"], "program": {"segments": s["segments"]}}
                         for s in schedules(3303, 12)]}
    plans["firings"].insert(7, {"name": "raku-night", "cone": "018", "program": None})
    write_tree(root, {"package.json": json.dumps(PACKAGE, indent=2), "tsconfig.json": json.dumps(TSCONFIG, indent=2),
                      ".gitignore": "node_modules/\ndist/\n", "src/firing.ts": FIRING_TS, "src/kilns.ts": KILNS_TS,
                      "src/cli.ts": CLI_TS, **gen_ts(3301), "test/firing.test.js": jest_test(3302),
                      "vtest/kilns.spec.ts": vitest_spec(3304), "spec/plans.spec.js": mocha_spec(3305),
                      "eslint.config.js": ESLINT_CONFIG, **legacy_js(3306),
                      "plans/march.json": json.dumps(plans, indent=2)})
    return root


def node_project(tmp: Path) -> None:
    root = kilnctl(tmp)
    cap("npm-install-verbose-tail-120", "npm install --verbose 2>&1 | tail -n 120", root, n_npm_install, timeout=900)
    cap("npm-ls-all-head-150", "npm ls --all 2>&1 | head -150", root, n_npm_ls)
    chain("chain-npm-outdated-echo-exit", "chain-outdated-exit", "pkg",
          [Part("npm outdated", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=300)
    chain("chain-tsc-noemit-exit", "chain-typecheck-exit", "lint",
          [Part("npx tsc --noEmit -p .", n_tsc), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("tsc-pretty-false-head-60", "npx tsc -p . --pretty false 2>&1 | head -60", root, n_tsc)  # emits dist/ anyway
    chain("chain-cd-kilnctl-npm-test", "chain-cd-test", "test",
          [Part("cd kilnctl"), Part("npm test 2>&1", n_jest)], tmp, timeout=600)
    cap("jest-tail-150", "npx jest 2>&1 | tail -n 150", root, n_jest)
    cap("jest-t-cones-verbose", "npx jest -t 'cones|validate|formatDuration' --verbose 2>&1", root, n_jest)
    cap("vitest-run-verbose", "npx vitest run vtest --reporter=verbose 2>&1", root, n_vitest)
    cap("mocha-spec-dist", "npx mocha --reporter spec spec/ 2>&1", root, n_mocha)
    cap("eslint-lib", "npx eslint lib", root, n_eslint)
    chain("chain-eslint-then-jest-bail", "chain-lint-then-test", "lint",
          [Part("npx eslint lib/jobs0.js lib/jobs1.js", n_eslint),
           Part("npx jest --bail 2>&1 | tail -n 40", n_jest, ";")],
          root, timeout=600)
    cap("node-cli-uncaught-cause", "node dist/cli.js plans/march.json", root, n_node_uncaught)


def git_history(tmp: Path) -> None:
    root = tmp / "kilnctl"
    run("git -c init.defaultBranch=main init -q && git add -A "
        "&& git commit -qm 'kilnctl: firing schedules, kilns, CLI'", cwd=root, env=GIT_ENV)
    rnd = random.Random(3333)
    subjects = ["Cone table: add 010", "Energy estimate with duty cycle", "CLI: print validation errors",
                "Pick the smallest free kiln", "Cool-down estimate", "Legacy jobs: prune shelves",
                "Reports for lustre firings", "Hold minutes in segment time", "Rotate alarm logs weekly",
                "Export firings as CSV", "Relabel kilns after the move"]
    for k, subj in enumerate(subjects):
        f = root / "lib" / f"jobs{k % 6}.js"
        text = f.read_text().splitlines()
        at = rnd.randrange(2, len(text))
        text[at:at] = [f"// {subj.lower()} ({k})", f"const SHELF_GAP_{k} = {rnd.randint(10, 99)};"]
        f.write_text("\n".join(text) + "\n")
        t = root / "src" / "firing.ts"
        t.write_text(t.read_text().replace("export function totalMinutes",
                                           f"// rev {k}\nexport function totalMinutes", 1))
        stamp = f"2026-0{1 + k % 9}-1{k % 8} 1{k % 9}:{10 + k}:00"
        run(f"git add -A && git commit -qm '{subj}' --date='{stamp}'", cwd=root,
            env={**GIT_ENV, "GIT_COMMITTER_DATE": stamp})
    kl = root / "src" / "kilns.ts"
    kl.write_text(kl.read_text().replace("const duty = 0.6;", "const duty = 0.55; // measured on K3 in May")
                  + "\nexport function kilnIds(kilns: Kiln[]): string[] {\n  return kilns.map((k) => k.id).sort();\n}\n")
    (root / "NOTES.md").write_text("# studio\n- K3 element replaced in May\n")
    (root / "lib" / "jobs5.js").unlink()
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], root, env=GIT_ENV)
    cap("git-log-p-n6-head-300", "git log -p -n 6 | head -300", root, n_log_p, env=GIT_ENV)
    cap("git-show-head-2", "git show HEAD~2", root, n_show, env=GIT_ENV)
    cap("git-blame-firing-ts", "git blame src/firing.ts", root, n_blame, env=GIT_ENV)
    cap("git-log-stat-n8", "git log --stat -n 8", root, n_git_log_stat, env=GIT_ENV)


# ------------------------------------------------------------------ tables, an API, a log, listings

KILNS = ["K1", "K2", "K3", "K4", "K5", "raku"]


def firing_rows(seed: int, n: int) -> list[list]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        cone = rnd.choice(["04", "06", "6", "6", "018"])
        peak = {"04": 1060, "06": 999, "6": 1222, "018": 696}[cone] + rnd.randint(-8, 8)
        status = "ok" if rnd.random() < 0.93 else rnd.choice(["underfired", "element-fault", "aborted"])
        minutes = rnd.randint(380, 760) if i != n // 3 else 1915
        rows.append([f"FR-{4000 + i}", rnd.choice(KILNS), cone, f"2026-0{rnd.randint(1, 5)}-{rnd.randint(1, 28):02d}",
                     peak, minutes, round(minutes / 60 * rnd.uniform(4.0, 6.6), 1),
                     rnd.choice(["noor", "ivo", "mara", "tess"]), status])
    return rows


def tables(tmp: Path) -> None:
    d = tmp / "kiln-data"
    d.mkdir()
    rows = firing_rows(3307, 520)
    hdr = "firing,kiln,cone,date,peak_c,minutes,energy_kwh,operator,status"
    (d / "firings.csv").write_text(hdr + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n")
    cap("csv-head-90", "head -n 90 firings.csv", d, n_csv)
    cap("csv-cat-full", "cat firings.csv", d, n_csv)
    run("sqlite3 kiln.db \".mode csv\" \".import firings.csv firings\"", cwd=d)
    cap("sqlite-column-bad-firings", "sqlite3 -header -column kiln.db \"SELECT firing, kiln, cone, date, peak_c, minutes, "
        "energy_kwh, status FROM firings WHERE status != 'ok' OR CAST(minutes AS INT) > 700 ORDER BY date\"",
        d, n_sqlite_col)


API = r"""
import json, random, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
rnd = random.Random(33)
READ = []
for i in range(90):
    st = "ok" if rnd.random() < 0.9 else rnd.choice(["thermocouple-open", "overshoot"])
    r = {"module": f"K3/{i:03d}", "t": f"2026-05-11T{18 + i // 30:02d}:{(i * 2) % 60:02d}:00Z",
         "zone": rnd.choice(["top", "middle", "bottom"]),
         "setpoint_c": 600 + i * 7, "measured_c": 600 + i * 7 + rnd.randint(-6, 6), "element_amps": round(rnd.uniform(28, 31), 1),
         "status": st}
    if st != "ok":
        r["error"] = {"thermocouple-open": "zone thermocouple reads open circuit", "overshoot": "measured 41 C above setpoint"}[st]
    READ.append(r)
READ[61]["element_amps"] = 3.2
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/kilns/K3/readings"):
            body = {"kiln": "K3", "firing": "FR-4417", "count": len(READ),
                    "failed": sum(r["status"] != "ok" for r in READ), "results": READ}
            code = 200
        else:
            body, code = {"error": "unknown kiln or endpoint", "path": self.path}, 404
""" + cm.JSON_API_END


def api(tmp: Path) -> None:
    (tmp / "api.py").write_text(API)
    cm.start(f"python3 {tmp}/api.py 18733", cwd=tmp)
    time.sleep(1.5)
    cap("curl-json-tool-k3-readings", "curl -s http://127.0.0.1:18733/api/kilns/K3/readings | python3 -m json.tool",
        tmp, n_json_api)
    cap("curl-raw-k3-readings", "curl -s http://127.0.0.1:18733/api/kilns/K3/readings", tmp, n_json_api)


SERVICE_LOG = r'''
// kilnctl's controller loop, logging as the service does: time LEVEL logger [pid] message
let seed = 3311;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const t0 = Date.UTC(2026, 4, 11, 18, 0, 0);
function log(i, level, name, msg) {
  const d = new Date(t0 + i * 7000);
  const stamp = d.toISOString().replace("T", " ").replace("Z", "").replace(".", ",");
  console.log(`${stamp} ${level} ${name} [4121] ${msg}`);
}
for (let i = 0; i < 900; i++) {
  const temp = 600 + i;
  log(i, "DEBUG", "kilnctl.pid", `K3 setpoint ${temp} output ${(rnd() * 100).toFixed(1)}%`);
  if (i % 97 === 40) log(i, "WARNING", "kilnctl.zone", `K3 zone bottom lags top by ${20 + Math.floor(rnd() * 15)} C`);
  if (i === 512) log(i, "ERROR", "kilnctl.safety", "K3 thermocouple bottom open circuit, holding segment 2");
  if (i === 780) log(i, "CRITICAL", "kilnctl.relay", "K3 relay 2 welded closed: element current 31.2 A with output 0%");
  if (i % 10 === 0) log(i, "INFO", "kilnctl.firing", `FR-4417 segment ${i < 450 ? 1 : 2} at ${temp} C, ${i < 450 ? "ramping" : "soaking"}`);
}
'''


def logs(tmp: Path) -> None:
    (tmp / "controller.js").write_text(SERVICE_LOG)
    run("node controller.js > kilnctl.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-200", "grep -v DEBUG kilnctl.log | tail -n 200", tmp, n_app_log)
    cap("log-tail-350", "tail -n 350 kilnctl.log", tmp, n_app_log)


def listings(tmp: Path) -> None:
    cap("ls-la-kilnctl-src", "ls -la src", tmp / "kilnctl", n_ls_la)
    run("chmod 600 kiln-data/kiln.db && chmod 755 controller.js", cwd=tmp)
    cap("find-printf-no-node-modules", "find . -type f -not -path '*/node_modules/*' -not -path '*/.git/*' "
        "-printf '%M %u %6s %p\\n' | sort -k4 | head -90", tmp, n_find)
    cap("du-ah-sort-head-50", "du -ah --max-depth=3 . | sort -rh | head -n 50", tmp, n_du)
    cap("ps-aux-head-40", "ps aux | head -n 40", tmp, n_ps_aux)
    cap("ps-ef", "ps -ef", tmp, n_ps_ef)
    cap("top-b-n1-head-45", "top -b -n 1 -w 200 | head -n 45", tmp, n_top)


STEPS = [node_project, git_history, tables, api, logs, listings]
