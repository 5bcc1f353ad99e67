"""Round 28, the JavaScript and TypeScript tools new to the corpus, on a small 'tollgate-web' project written here
with bugs put in (a toll-road fare client: TypeScript sources with type errors, unused and circular modules, a
package.json whose dependencies disagree with the imports, a file with a syntax error), widened by seeded generated
modules: xo, depcheck, dependency-cruiser, ts-unused-exports, ts-prune, tsup, swc, babel, terser, uglify-js, typedoc
and c8 around node --test. Rules: NEEDLES.md (rules 1-5, and "Round 28" for the kind values). Run through
capture_wide28.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_data import rule4
from capture_more import named, run, write_tree
from capture_wide24 import diag, table
from capture_wide28 import JS, cap

FARES_TS = '''import { Plaza, vehicleFactor } from "./plazas";
import { formatMoney } from "./format";
import { audit } from "./audit";

export interface Trip {
  plate: string;
  vclass: "car" | "van" | "truck" | "bus";
  entry: string;
  exit?: string;
}

export function fare(a: Plaza, b: Plaza, vclass: Trip["vclass"]): number {
  const km = Math.abs(a.km - b.km);
  return Math.round((a.base + km * 0.07 * vehicleFactor(vclass)) * 100) / 100;
}

export function charge(trip: Trip, plazas: Map<string, Plaza>): string {
  const a = plazas.get(trip.entry);
  const b = plazas.get(trip.exit);   // exit may be undefined
  audit(trip.plate, a.code);          // a may be undefined
  return formatMoney(fare(a, b, trip.vclass));
}

export function monthly(trips: Trip[], plazas: Map<string, Plaza>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of trips) {
    out[t.plate] = (out[t.plate] ?? 0) + charge(t, plazas);
  }
  return out;
}

export const UNUSED_TARIFF_VERSION = "2026-11";
'''

PLAZAS_TS = '''import { fare } from "./fares";

export interface Plaza {
  code: string;
  km: number;
  base: number;
}

const FACTORS = { car: 1, van: 1.5, truck: 3, bus: 2 };

export function vehicleFactor(vclass: string): number {
  return FACTORS[vclass];
}

export function between(a: Plaza, b: Plaza): number {
  return fare(a, b, "car") - a.base;
}

export function makePlazas(n: number): Map<string, Plaza> {
  const m = new Map<string, Plaza>();
  for (let i = 1; i <= n; i++) m.set(`P${String(i).padStart(2, "0")}`, { code: `P${i}`, km: i * 11, base: "1.20" });
  return m;
}
'''

FORMAT_TS = '''import dayjs from "dayjs";

export function formatMoney(n: number): string {
  return `EUR ${n.toFixed(2)}`;
}

export function formatDay(d: Date): string {
  return dayjs(d).format("YYYY-MM-DD");
}

export function legacyFormat(n) {
  return n + " EUR";
}
'''

AUDIT_TS = '''import { charge } from "./fares";
import chalk from "chalk";

const seen: string[] = [];

export function audit(plate: string, code: string): void {
  seen.push(`${plate}@${code}`);
}

export function replay(): number {
  return seen.length;
}
'''

INDEX_TS = '''export { fare, charge, monthly } from "./fares";
export { makePlazas } from "./plazas";
export type { Trip } from "./fares";
'''


def gen_ts(i: int, rng: random.Random) -> str:
    """A generated helper module: exported helpers (some never imported), a type slip now and then, a JSDoc
    comment on some."""
    out = [f'import {{ formatMoney }} from "../format";\n', f'import {{ makePlazas }} from "../plazas";\n']
    if rng.random() < 0.5:  # a package the manifest does not list (depcheck's 'Missing dependencies')
        pkg = rng.choice(["date-fns", "nanoid", "p-limit", "zod", "ms", "lru-cache", "pino"])
        out.append(f'import * as {pkg.replace("-", "_")}_{i} from "{pkg}";\n')
    out.append("\n")
    for j in range(rng.randint(3, 6)):
        doc = rng.random() < 0.4
        if doc:
            out.append(f"/** Lane {i}.{j} helper. */\n")
        pick = rng.randrange(4)
        if pick == 0:
            out.append(f"export function lane{i}_{j}(n: number): string {{\n  return formatMoney(n * {j + 1});\n}}\n\n")
        elif pick == 1:
            out.append(f"export const LANE_{i}_{j}_LIMIT: number = \"{j * 10}\";\n\n")
        elif pick == 2:
            out.append(f"export function plazaCount{i}_{j}(): number {{\n  const m = makePlazas({j + 5});\n"
                       f"  return m.size + m.get('P01').km;\n}}\n\n")
        else:
            out.append(f"export class Booth{i}_{j} {{\n  constructor(public id: number) {{}}\n"
                       f"  open(): boolean {{\n    return this.id % 2 == 0;\n  }}\n}}\n\n")
    return "".join(out)


def gen_js(i: int, rng: random.Random) -> str:
    """A generated plain-JS module for xo, babel and uglify-js: var, ==, unused variables, console, dead code."""
    out = [f"'use strict';\nconst fs = require('fs');\nconst path = require('path');\n\n"]
    for j in range(rng.randint(4, 8)):
        pick = rng.randrange(5)
        if pick == 0:
            out.append(f"function readLane{j}(file) {{\n  var data = fs.readFileSync(file, 'utf8');\n  var unused{j} = 1;\n"
                       f"  return JSON.parse(data)\n}}\n\n")
        elif pick == 1:
            out.append(f"function compare{j}(a, b) {{\n  if (a == null) return false;\n  return a == b;\n}}\n\n")
        elif pick == 2:
            out.append(f"function log{j}(msg) {{\n  console.log('zone {i}: ' + msg);\n  return;\n  console.log('never');\n}}\n\n")
        elif pick == 3:
            out.append(f"const fares{j} = [1, 2, 3].map(function (x) {{ return x * {j}; }});\n\n")
        else:
            out.append(f"async function fetchLane{j}(id) {{\n  const res = await fetch('http://127.0.0.1/lanes/' + id);\n"
                       f"  if (!res.ok) throw 'bad lane ' + id;\n  return res.json();\n}}\n\n")
    out.append("module.exports = { " + ", ".join(f"x{k}: {k}" for k in range(3)) + " };\n")
    return "".join(out)


BROKEN_JS = '''const fares = [1.2, 2.4, 3.6];
function total(list) {
  return list.reduce((a, b) => a + b, 0;
}
module.exports = { total };
'''

# more files with a real slip each (an unclosed template, a stray brace, a keyword as a name, an unclosed regex)
BROKEN_MORE = {
    "lib/receipt.js": "function receipt(t) {\n  return `plate ${t.plate} paid ${t.fare.toFixed(2)};\n}\nmodule.exports = { receipt };\n",
    "lib/lanes.js": "const lanes = [1, 2, 3];\nfunction open(n) {\n  if (n > 0) {\n    return lanes.includes(n);\n  }}\n}\n"
                    "module.exports = { open };\n",
    "lib/booth.js": "class Booth {\n  constructor(id) { this.id = id; }\n  static new(id) { return new Booth(id); }\n}\n"
                    "const class = 'B';\nmodule.exports = { Booth };\n",
    "lib/plate.js": "const PLATE = /^[A-Z]{2}-\\d{3,4}$;\nfunction valid(p) { return PLATE.test(p); }\nmodule.exports = { valid };\n",
}

NODE_TEST = '''const test = require("node:test");
const assert = require("node:assert");
const { fareOf, capBus, roundCents } = require("../lib/tariff.js");

for (let i = 1; i <= 30; i++) {
  test(`fare P01 -> P${i}`, () => {
    const want = Math.round((1.2 + Math.abs(12 - (i * 11 + 1)) * 0.07) * 100) / 100;
    assert.strictEqual(fareOf(1, i), i % 11 === 0 ? want + 0.1 : want);
  });
}
test("bus fares are capped at 9", () => assert.strictEqual(capBus(12.5), 9));
test("cents round half up", () => assert.strictEqual(roundCents(1.005), 1.01));
'''

TARIFF_JS = '''function fareOf(a, b) {
  const km = Math.abs(a * 11 + 1 - (b * 11 + 1));
  return Math.round((1.2 + km * 0.07) * 100) / 100;
}
function capBus(f) {
  return f > 9 ? 9 : f;
}
function roundCents(x) {
  return Math.round(x * 100) / 100;
}
function unusedBranch(x) {
  if (x > 100) {
    return "large";
  }
  if (x < 0) {
    return "negative";
  }
  return "ok";
}
module.exports = { fareOf, capBus, roundCents, unusedBranch };
'''

DEPCRUISE = '''module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    { name: "no-orphans", severity: "warn", from: { orphan: true, pathNot: "\\\\.d\\\\.ts$" }, to: {} },
    { name: "not-to-unresolvable", severity: "error", from: {}, to: { couldNotResolve: true } },
    { name: "no-format-from-lanes", severity: "info", from: { path: "^src/lanes" }, to: { path: "^src/format" } },
  ],
  options: { tsPreCompilationDeps: true, doNotFollow: { path: "node_modules" } },
};
'''


def project(tmp: Path, n_ts: int = 16, n_js: int = 14, seed: int = 2828) -> Path:
    root = tmp / "tollgate-web"
    if root.exists():
        return root
    rng = random.Random(seed)
    pkg = {"name": "tollgate-web", "version": "0.4.0", "main": "dist/index.js", "scripts": {"test": "node --test"},
           "dependencies": {"dayjs": "^1.11.0", "lodash": "^4.17.21", "axios": "^1.7.0", "left-pad": "^1.3.0",
                            "zod": "^3.23.0", "express": "^4.21.0", "uuid": "^10.0.0", "ms": "^2.1.3",
                            "qs": "^6.13.0", "debug": "^4.3.7", "commander": "^12.1.0", "yaml": "^2.6.0"},
           "devDependencies": {"typescript": "^5.6.0", "jest": "^29.0.0", "eslint": "^9.0.0", "prettier": "^3.3.0",
                               "ts-node": "^10.9.2", "@types/node": "^22.0.0", "nodemon": "^3.1.0", "husky": "^9.1.0"}}
    files = {"package.json": json.dumps(pkg, indent=2) + "\n",
             "tsconfig.json": json.dumps({"compilerOptions": {"target": "es2022", "module": "esnext",
                                                              "moduleResolution": "bundler", "strict": True,
                                                              "ignoreDeprecations": "6.0",
                                                              "declaration": True, "outDir": "dist", "skipLibCheck": True},
                                          "include": ["src"]}, indent=2) + "\n",
             "src/index.ts": INDEX_TS, "src/fares.ts": FARES_TS, "src/plazas.ts": PLAZAS_TS,
             "src/format.ts": FORMAT_TS, "src/audit.ts": AUDIT_TS, "src/legacy/orphan.ts": "export const OLD = 1;\n",
             "src/legacy/missing.ts": 'import { nope } from "./does-not-exist";\nexport const N = nope;\n',
             "lib/tariff.js": TARIFF_JS, "lib/broken.js": BROKEN_JS, **BROKEN_MORE, "test/tariff.test.js": NODE_TEST,
             ".dependency-cruiser.cjs": DEPCRUISE}
    for i in range(n_ts):
        files[f"src/lanes/lane{i:02d}.ts"] = gen_ts(i, rng)
    for i in range(n_js):
        files[f"lib/zone{i:02d}.js"] = gen_js(i, rng)
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")
    return root


N_XO = diag(
    "xo", "lint", "xo: every error line (line:col, message, rule) with its file header, warnings one {\"any\"} per "
    "rule, the 'N errors' / 'N warnings' summary; rules 1,3 (NEEDLES.md, Round 28).",
    err=r"^\s*✖\s+\d+:\d+", warn=r"^\s*⚠\s+\d+:\d+", wkey=r"\s([\w/@-]+)\s*$",
    values=r"^\s+\S+\.\w+:\d+:\d+\s*$", summary=r"^\s*\d+ (errors?|warnings?)\s*$")


def _sections(name: str, doc: str, header: str, item: str, summary: str | None = None):
    """Dependency reports: every item line under a section header, the header, the closing count."""
    def fn(lines: list[str]) -> list:
        out: list = []
        on = False
        for ln in lines:
            if re.search(header, ln):
                out.append(ln)
                on = True
            elif on and re.search(item, ln):
                out.append(ln)
            elif not ln.strip():
                on = False
            if summary and re.search(summary, ln):
                out.append(ln)
        return out
    return named(name, "lint", doc, fn)


def depcheck_json(lines: list[str]) -> list:
    """depcheck --json: every package under "dependencies" / "devDependencies" (unused) and every key of "missing",
    with the section's opening line; rule 5 (NEEDLES.md, Round 28)."""
    out: list = []
    sec = None
    for ln in lines:
        m = re.match(r'^    "(\w+)": [\[{]', ln)
        if m:
            sec = m.group(1)
            if sec in ("dependencies", "devDependencies", "missing"):
                out.append(ln)
            continue
        if sec in ("dependencies", "devDependencies") and re.match(r'^        "', ln):
            out.append(ln)
        elif sec == "missing" and re.match(r'^        "[^"]+": \[', ln):
            out.append(ln)
    return out


N_DEPCHECK = named("depcheck", "lint", depcheck_json.__doc__.splitlines()[0], depcheck_json)
N_DEPCRUISE = diag(
    "dependency-cruiser", "lint", "depcruise: every 'error' line (rule and module pair), 'warn' / 'info' lines one "
    "{\"any\"} per rule, the 'x N dependency violations' summary; rules 1,3,5 (NEEDLES.md, Round 28).",
    err=r"^\s*error\s", warn=r"^\s*(warn|info)\s", wkey=r"^\s*(warn|info)\s+([\w-]+)",
    summary=r"dependency violations?|no dependency violations")
N_TS_UNUSED = diag(
    "ts-unused-exports", "lint", "ts-unused-exports: every module line naming its unused exports and the 'N modules "
    "with unused exports' count; rules 3,5 (NEEDLES.md, Round 28).",
    values=r": \w|modules? with unused exports", summary=r"modules? with unused exports")
N_TS_PRUNE = diag(
    "ts-prune", "lint", "ts-prune: every 'file:line - name' line (an export nothing imports); rule 5 (NEEDLES.md, "
    "Round 28).", values=r"^\S+:\d+ - \S+")
N_TSUP = diag(
    "tsup", "build", "tsup: every error line with its location, warnings one {\"any\"} per (message shape, file), the "
    "Build success / failed lines; rules 1,3 (NEEDLES.md, Round 28).",
    err=r"error TS\d+|\bERROR\b|Error:|✘", loc=r"\S+\.tsx?:\d+", warn=r"\bWARN\b|warning",
    summary=r"Build (success|failed)|DTS Build error|error occured in dts build")
N_SWC = diag(
    "swc", "build", "swc: every 'x' error line with its '-->' / ',-[' location, the 'Successfully compiled' / "
    "'Failed to compile' summary; rules 1,3 (NEEDLES.md, Round 28).",
    err=r"^\s*(x|×) |Error:|error:", loc=r"(-->|,-\[)\s*\S+:\d+", summary=r"[Ss]uccessfully compiled|Failed to compile")
N_BABEL = diag(
    "babel", "build", "babel: every SyntaxError line with its location, the 'Successfully compiled N files' "
    "summary; rules 1,3 (NEEDLES.md, Round 28).",
    err=r"SyntaxError|Error:", loc=r"^\s*>\s*\d+ \|", summary=r"Successfully compiled \d+ files?")
N_TERSER = diag(
    "terser", "build", "terser: every Parse error / ERROR line with its line / col location, WARN lines one {\"any\"} "
    "per message shape; rule 1 (NEEDLES.md, Round 28).",
    err=r"Parse error|ERROR|Error:|SyntaxError", loc=r"[Ll]ine:? \d+|\d+,\d+", warn=r"^WARN")
N_UGLIFY = diag(
    "uglify-js", "build", "uglify-js --warn: every Parse error / ERROR line with its location, WARN lines one "
    "{\"any\"} per (message shape, file); rule 1 (NEEDLES.md, Round 28).",
    err=r"Parse error|^ERROR|Error:", loc=r"line:? \d+|\d+,\d+", warn=r"^WARN: ",
    wkey=r"^WARN: (\w+ \w+).*\[(\S+?):\d+")
N_TYPEDOC = diag(
    "typedoc", "doc", "typedoc: every [error] line, [warning] lines one {\"any\"} per (message shape, file), the "
    "'Found N errors and N warnings' line; rules 1,3 (NEEDLES.md, Round 28).",
    err=r"\[error\]| - error TS\d+", warn=r"\[warning\]", summary=r"Found \d+ errors? and \d+ warnings?")


def c8_report(lines: list[str]) -> list:
    """c8: the coverage table's header, 'All files' row, the rows holding the minimum of % Stmts and % Lines, and
    every failing test line and summary count of the run it wraps (NEEDLES.md, Round 28)."""
    out = [ln for ln in lines if re.search(r"^File\s+\|\s+% Stmts|^All files\s+\|", ln)]
    rows = []
    for ln in lines:
        parts = [p.strip() for p in ln.split("|")]
        if len(parts) >= 5 and re.match(r"^[\d.]+$", parts[1]) and not parts[0].startswith("All files"):
            rows.append((ln, {"stmts": parts[1], "lines": parts[4]}))
    out += rule4(rows, nums=["stmts", "lines"])
    out += [ln for ln in lines if re.search(r"^not ok \d+|^# (fail|pass|tests) \d+|^✖ |^ℹ (tests|pass|fail) \d+", ln)]
    return out


N_C8 = named("c8", "test", c8_report.__doc__.splitlines()[0], c8_report)


def lint(tmp: Path) -> None:
    root = project(tmp)
    cap("xo-tollgate-web", "xo 'lib/zone0[0-4].js' lib/tariff.js lib/broken.js 2>&1", root, N_XO, timeout=300)
    cap("depcheck-json-tollgate-web", "depcheck . --json | python3 -m json.tool 2>&1", root, N_DEPCHECK, timeout=200)
    cap("depcruise-tollgate-web", "depcruise src --config .dependency-cruiser.cjs 2>&1", root, N_DEPCRUISE,
        timeout=200)
    cap("ts-unused-exports-tollgate-web", "ts-unused-exports tsconfig.json --showLineNumber 2>&1", root, N_TS_UNUSED,
        timeout=200)
    cap("ts-prune-tollgate-web", "ts-prune -p tsconfig.json 2>&1", root, N_TS_PRUNE, timeout=200)


def build(tmp: Path) -> None:
    root = project(tmp)
    cap("tsup-dts-tollgate-web", "tsup src/index.ts --dts --format esm,cjs 2>&1", root, N_TSUP, timeout=300)
    cap("swc-tollgate-web", "swc lib src -d out 2>&1", root, N_SWC, timeout=200)
    cap("babel-tollgate-web", "for f in lib/*.js; do babel \"$f\" -o /dev/null || echo \"FAILED: $f\"; done 2>&1", root, N_BABEL, timeout=200)
    cap("terser-tollgate-web", "for f in lib/*.js; do terser \"$f\" -c -m -o /dev/null --warn || echo \"FAILED: $f\"; "
        "done 2>&1", root, N_TERSER, timeout=200)
    cap("uglifyjs-tollgate-web", "uglifyjs lib/zone*.js lib/tariff.js -c -m --warn -o /dev/null 2>&1; for f in lib/broken.js lib/receipt.js "
        "lib/lanes.js lib/booth.js lib/plate.js; do uglifyjs \"$f\" -o /dev/null; done 2>&1",
        root, N_UGLIFY, timeout=200)
    cap("typedoc-tollgate-web", "typedoc src/index.ts --emit none --validation.notDocumented 2>&1", root,
        N_TYPEDOC, timeout=300)
    cap("c8-node-test-tollgate-web", "c8 node --test test/ 2>&1", root, N_C8, timeout=200)


STEPS = [lint, build]
