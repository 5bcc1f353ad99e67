"""Round 265, the material both agents work in (no item is captured here): cachetools' and jsonpointer's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
gunwale project (a JavaScript module written here under a generated node --test suite whose expectations come from
the unbroken module, eslint, tsc), a C project (`bulwark`) and a Rust crate (`lanyard`) written here on round 191's
generators with other names and seeds, a CSV and a sqlite table of this machine's documentation files and two
application logs. Run through capture_wide265.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide265 import JS, SRC, VENV

ISO, PT = "cachetools-8.0.2", "jsonpointer-3.12"

# cachetools: a value exactly the cache's size refused as too large; an unsized cache evicting one item late; a typed
# key leaving out the positional arguments' types.
ISO_BUGS = [("src/cachetools/__init__.py", "            if itemsize > maxsize:\n", "            if itemsize >= maxsize:\n"),
            ("src/cachetools/__init__.py", "while self.__currsize + 1 > maxsize:", "while self.__currsize > maxsize:"),
            ("src/cachetools/keys.py", "    return key + tuple(map(type, args))\n\n\ndef typedmethodkey",
             "    return key\n\n\ndef typedmethodkey")]
# jsonpointer: `/` escaped before `~`; `~0` unescaped before `~1`; a sequence index read with its digits reversed.
PT_BUGS = [("jsonpointer.py", "return s.replace('~', '~0').replace('/', '~1')", "return s.replace('/', '~1').replace('~', '~0')"),
           ("jsonpointer.py", "return s.replace('~1', '/').replace('~0', '~')", "return s.replace('~0', '~').replace('~1', '/')"),
           ("jsonpointer.py", "                return int(part)\n", "                return int(str(part)[::-1])\n")]


DRYDOCK = r"""
from cachetools import Cache


class BerthCacheError(RuntimeError):
    pass


MANIFESTS = {"Ardrossan": "crates:12 bales:4", "Fairlie": "drums:8", "Campbeltown": "casks:6 pallets:9",
             "Largs": "sacks:20"}


def berth_cache(manifests):
    cache = Cache(maxsize=8, getsizeof=len)
    for port, cargo in manifests.items():
        cache[port] = cargo.split()[0]
    return cache


def load_berths(manifests):
    try:
        return berth_cache(manifests)
    except ValueError as exc:
        raise BerthCacheError(f"bollard berth cache refused a manifest of {len(manifests)} ports") from exc


print(dict(load_berths(MANIFESTS)))
"""

VICTUALLING = r"""
import jsonpointer

HOLD = {"hawser": {"lengths": [{"fathoms": 20 + i, "mark": f"h{i}"} for i in range(15)]},
        "spring~1line": {"fathoms": 12}}


def fathoms(doc, index):
    return jsonpointer.resolve_pointer(doc, f"/hawser/lengths/{index}/fathoms")


def hawser_report(doc):
    try:
        return [fathoms(doc, i) for i in (0, 3, 9, 12)]
    except jsonpointer.JsonPointerException as exc:
        raise LookupError("hawser locker: a length the pointer could not reach") from exc


print(hawser_report(HOLD))
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / ISO, ISO_BUGS)
    put_bugs(tmp / PT, PT_BUGS)
    (tmp / ISO / "berth_cache.py").write_text(DRYDOCK)
    (tmp / PT / "hawser_locker.py").write_text(VICTUALLING)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict jsonpointer.py hawser_locker.py >/dev/null 2>&1; true", cwd=tmp / PT, timeout=900)
    history(tmp, SRC, "cachetools", ISO, ["src/cachetools/__init__.py", "src/cachetools/keys.py", "tests/test_cache.py"],
            [("Annika Brodie", "annika@example.org"), ("Emeka Vance", "emeka@example.org"),
             ("Fionnuala Park", "fionnuala@example.org")], 26501, 40, ISO_BUGS)
    history(tmp, SRC, "jsonpointer", PT, ["jsonpointer.py", "tests.py"],
            [("Gideon Okafor", "gideon@example.org"), ("Halla Moreau", "halla@example.org"),
             ("Ilse Marchetti", "ilse@example.org")], 26502, 55, PT_BUGS)


GUNWALE = r"""'use strict';
// gunwale: mooring sums for a harbour launch (line lengths, stroke rates, crew charts).

function lineLength(spanCm, gearPct, turns) {
  const gear = spanCm * gearPct / 100;
  const length = Math.sqrt(spanCm * spanCm + 4 * gear * gear) + turns * 1.5;
  return Math.round(length * 100) / 100;
}

function driftToMs(spm) {
  return Math.round(spm * 0.48 * 1000) / 1000;
}

function windBand(spm) {
  const limits = [14, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 40];
  for (let i = 0; i < limits.length; i++) {
    if (spm < limits[i]) {
      return i;
    }
  }
  return 12;
}

function warpLabel(line, size) {
  const words = String(line).trim().split(/\s+/).filter(Boolean);
  const tag = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('-');
  return `${tag}/${size}cm`;
}

function fenderArea(lengthCm, shape) {
  const factor = {cylinder: 0.62, ball: 0.71, flat: 0.83, keyhole: 0.55}[shape];
  if (factor === undefined) {
    throw new RangeError(`unknown fender shape: ${shape}`);
  }
  return Math.round(lengthCm * lengthCm * factor * 10) / 10;
}

function watchChart(crew, seats) {
  const bill = Array.from({length: seats}, () => []);
  crew.forEach((name, i) => bill[i % seats].push(name));
  return bill.map((names, w) => `seat ${w + 1}: ${names.join(', ')}`);
}

module.exports = {lineLength, driftToMs, windBand, warpLabel, fenderArea, watchChart};
"""

# gunwale: the line length adding the turns' allowance only once; windBand one band high at each limit; a warp label
# keeping the words' own case; the flat fender's factor mistyped.
PA_BUGS = [("gunwale.js", "+ turns * 1.5;", "+ turns * 1.25;"),
           ("gunwale.js", "return 12;", "return limits.length - 1;"),
           ("gunwale.js", "w[0].toUpperCase() + w.slice(1).toLowerCase()", "w[0].toUpperCase() + w.slice(1)"),
           ("gunwale.js", "ball: 0.71", "ball: 0.17")]

FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const r = createRequire(import.meta.url)('./lib/gunwale.js');
let seed = 26503;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['bight', 'HITCH', 'cleat', 'Warp', 'spring', 'breast', 'Fender', 'bitt', 'eye', 'SPLICE', 'fairlead',
  'chock', 'whip', 'Stern', 'head', 'bollard'];
const crew = ['Ailsa', 'Bram', 'Cait', 'Dov', 'Eira', 'Finn', 'Gwen', 'Hal', 'Ines', 'Jory', 'Kit', 'Lior'];
const cases = [];
for (let i = 0; i < 270; i++) {
  const fn = ['lineLength', 'driftToMs', 'windBand', 'warpLabel', 'fenderArea', 'watchChart'][i % 6];
  let args;
  if (fn === 'lineLength') args = [180 + Math.floor(rnd() * 220), Math.floor(rnd() * 12), Math.floor(rnd() * 6)];
  if (fn === 'driftToMs') args = [Math.floor(rnd() * 600) / 10];
  if (fn === 'windBand') args = [pick([12, 14, 16, 18, 19, 20, 22, 23, 24, 26, 28, 29, 30, 32, 34, 35, 36, 40, 41, 44])];
  if (fn === 'warpLabel') args = [Array.from({length: 1 + Math.floor(rnd() * 3)}, () => pick(words)).join(' '), pick([1, 2, 4, 6, 8])];
  if (fn === 'fenderArea') args = [pick([48, 50, 52, 54, 56, 58]), pick(['cylinder', 'ball', 'flat', 'keyhole'])];
  if (fn === 'watchChart') args = [crew.slice(0, 3 + Math.floor(rnd() * 9)), 2 + Math.floor(rnd() * 3)];
  cases.push({fn, args, want: r[fn](...args)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import r from '../lib/gunwale.js';\n\n";
cases.forEach((c, i) => {
  const label = JSON.stringify(c.args).replace(/'/g, '').slice(0, 60);
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.deepEqual(r.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/lines.test.mjs', out);
"""

APP = """var r = require('./gunwale.js');

function launchPlan(legs, fleet) {
  var lines = [];
  for (var k in legs) {
    const unused = k.length;
    if (legs[k] == null) continue
    var leg = legs[k];
    lines.push(leg.from + ' to ' + leg.to + ': band ' + r.windBand(leg.wind) + ', ' + r.driftToMs(leg.wind) + ' m/s');
  }
  let plan = lines.join('\\n');
  if (plan.length == 0) {
    return 'No launch planned';
  } else {
    return plan + '\\n' + r.watchChart(fleet.crew, fleet.seats).join('\\n') + '\\n' + r.warpLabel(fleet.line, fleet.size) + 1;
  }
}

module.exports = {launchPlan: launchPlan};
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 4], semi: "warn",
  "guard-for-in": "warn", "prefer-template": "warn", "one-var": ["warn", "never"], "no-param-reassign": "warn",
  "no-else-return": "warn", "dot-notation": "warn", "vars-on-top": "warn", "no-mixed-operators": "warn",
  "no-magic-numbers": ["warn", {ignore: [0, 1, 2, 4, 10, 100]}], "id-length": ["warn", {min: 2}],
  "arrow-body-style": "warn", "prefer-arrow-callback": "warn", "func-style": ["warn", "expression"]},
  languageOptions: {ecmaVersion: 2025, sourceType: "module"}},
  {files: ["lib/**/*.js"], languageOptions: {sourceType: "commonjs",
   globals: {require: "readonly", module: "writable", exports: "writable"}}}];
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "resolveJsonModule": True,
                                           "skipLibCheck": True, "noImplicitReturns": True,
                                           "noUnusedLocals": True, "noUnusedParameters": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "gunwale"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "gunwale", "version": "0.9.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/launch-plan.js": APP,
                      "lib/gunwale.js": GUNWALE,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in PA_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def kee(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BULWARK").replace("weirkeeper", "bulwark").replace("weir", "stanchion")
            .replace("sluice", "rail").replace("gate_t", "rail_t").replace("gates", "rails").replace("level_cm", "height_mm")
            .replace("tide", "camber"))


def c_project(tmp: Path) -> None:
    root = tmp / "bulwark"
    rnd = random.Random(26504)
    files = {"src/bulwark.h": kee(n191.SKIFF_H), "src/ledger.c": kee(n191.SKIFF_C)}
    for k in range(38):
        files[f"src/stanchion_{k:02d}.c"] = kee(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: bulwark\n\n"
                         "bulwark: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/bulwark.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build bulwark\n")
    write_tree(root, files)


def scut(text: str) -> str:
    return (text.replace("plumbline", "lanyard").replace("Plumb-line survey", "Lanyard deadeye tensions")
            .replace("offset_per_m", "strain_per_m").replace("station_penalty", "deadeye_penalty")
            .replace("readings", "tensions").replace("reading", "tension").replace("station", "deadeye"))


def rust(tmp: Path) -> None:
    root = tmp / "lanyard"
    rnd = random.Random(26505)
    write_tree(root, {"Cargo.toml": scut(n191.CARGO).replace("0.3.4", "0.2.7"), "src/lib.rs": scut(n191.LIB),
                      "src/broken.rs": scut(n191.BROKEN), "src/tensions.rs": scut(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "derrick.log", 26506, 1600, ["derrick.boom", "derrick.winch", "derrick.api", "derrick.ledger"], {
        "INFO": lambda r: f"boom {r.randint(1, 8)} swung cargo to hatch {r.randint(1, 12)} in {r.randint(20, 240)} s",
        "DEBUG": lambda r: f"strain gauge poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"hoist {r.randint(1, 4)} wire at {r.randint(70, 95)}% of safe load, lift slowed",
        "ERROR": lambda r: f"crane {r.randint(1, 3)} slew brake failed to hold {r.randint(200, 800)} kg"}, 6500, "2026-11-30")
    app_log(d / "grommet.log", 26507, 1800, ["grommet.sail", "grommet.rig", "grommet.api", "grommet.db"], {
        "INFO": lambda r: f"sheet {r.randint(1, 3)} eased {r.randint(2, 14)} kn over {r.randint(30, 600)} s",
        "DEBUG": lambda r: f"rudder angle sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"helm {r.randint(1, 2)} drift {r.randint(3, 20)} degrees off course",
        "ERROR": lambda r: f"reef point {r.randint(1, 4)} chafed for {r.randint(3, 25)} s"}, 2700, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
