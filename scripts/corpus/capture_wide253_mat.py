"""Round 253, the material both agents work in (no item is captured here): iso8601's and xmltodict's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
painter project (a JavaScript module written here under a generated node --test suite whose expectations come from
the unbroken module, eslint, tsc), a C project (`keelson`) and a Rust crate (`scuttle`) written here on round 191's
generators with other names and seeds, a CSV and a sqlite table of this machine's documentation files and two
application logs. Run through capture_wide253.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide253 import JS, SRC, VENV

ISO, PT = "iso8601-2.1.0", "xmltodict-1.0.4"

# iso8601: a negative offset's minutes left positive; an offset's name printed without its colon; a second's fraction
# read a tenth too small.
ISO_BUGS = [("iso8601/iso8601.py", "        minutes = -minutes\n", ""),
            ("iso8601/iso8601.py", 'description = f"{sign}{hours:02d}:{minutes:02d}"',
             'description = f"{sign}{hours:02d}{minutes:02d}"'),
            ("iso8601/iso8601.py", 'Decimal("1000000.0")', 'Decimal("100000.0")')]
# xmltodict: only trailing whitespace stripped from text; a repeated element's first two values swapped; force_list
# given as keys taken the wrong way round; an attribute's first letter dropped when unparsed.
PT_BUGS = [("xmltodict.py", "data = data.strip() or None", "data = data.rstrip() or None"),
           ("xmltodict.py", "item[key] = [value, data]", "item[key] = [data, value]"),
           ("xmltodict.py", "            return key in self.force_list\n", "            return key not in self.force_list\n"),
           ("xmltodict.py", "attr_name = ik[len(attr_prefix) :]", "attr_name = ik[len(attr_prefix) + 1 :]")]


DRYDOCK = r"""
from iso8601 import ParseError, parse_date


class DrydockScheduleError(ValueError):
    pass


BOOKINGS = [("Ardentinny", "2027-02-26T07:30:00+01:00"), ("Brodick", "2027-02-27T14:15:30.25-03:30"),
            ("Colintraive", "2027-02-29T06:00:00Z"), ("Dunoon", "2027-03-02T09:45:00+00:00")]


def slots(bookings):
    return [(hull, parse_date(start)) for hull, start in bookings]


def schedule(bookings):
    try:
        return [f"{hull}: in dock from {when.isoformat()}" for hull, when in slots(bookings)]
    except ParseError as exc:
        raise DrydockScheduleError(f"drydock schedule of {len(bookings)} hulls has a booking on no real day") from exc


print("\n".join(schedule(BOOKINGS)))
"""

VICTUALLING = r"""
import xmltodict

MANIFEST = ("<hold deck='orlop'>"
            "<cask id='c1'><stores>  salt pork</stores><gallons>36</gallons></cask>"
            "<sack id='s1'><stores>ship biscuit</stores><pounds>112</pounds></sack>"
            "<sack id='s2'><stores>dried peas</stores><pounds>56</pounds></sack>"
            "</hold>")


def victuals(xml):
    doc = xmltodict.parse(xml, force_list=("cask", "sack"))
    return {c["@id"]: c["stores"] for kind in ("cask", "sack") for c in doc["hold"][kind]}


def victualling_bill(xml):
    try:
        return victuals(xml)
    except TypeError as exc:
        raise RuntimeError("victualling manifest: a cask or sack the parser did not list") from exc


for key, stores in sorted(victualling_bill(MANIFEST).items()):
    print(f"{key:4} {stores}")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / ISO, ISO_BUGS)
    put_bugs(tmp / PT, PT_BUGS)
    (tmp / ISO / "drydock_schedule.py").write_text(DRYDOCK)
    (tmp / PT / "victualling.py").write_text(VICTUALLING)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict xmltodict.py victualling.py >/dev/null 2>&1; true", cwd=tmp / PT, timeout=900)
    history(tmp, SRC, "iso8601", ISO, ["iso8601/iso8601.py", "iso8601/test_iso8601.py"],
            [("Morag Lindqvist", "morag@example.org"), ("Desmond Achebe", "desmond@example.org"),
             ("Keiko Farrant", "keiko@example.org")], 25301, 14, ISO_BUGS)
    history(tmp, SRC, "xmltodict", PT, ["xmltodict.py", "tests/test_xmltodict.py"],
            [("Nkechi Holm", "nkechi@example.org"), ("Pavel Sorensen", "pavel@example.org"),
             ("Ysolde Marr", "ysolde@example.org")], 25302, 45, PT_BUGS)


PAINTER = r"""'use strict';
// painter: mooring sums for a harbour launch (line lengths, stroke rates, crew charts).

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

# painter: the line length adding the turns' allowance only once; windBand one band high at each limit; a warp label
# keeping the words' own case; the flat fender's factor mistyped.
PA_BUGS = [("painter.js", "+ turns * 1.5;", "+ 1.5;"),
           ("painter.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("painter.js", "w[0].toUpperCase() + w.slice(1).toLowerCase()", "w[0].toUpperCase() + w.slice(1)"),
           ("painter.js", "flat: 0.83", "flat: 0.38")]

FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const r = createRequire(import.meta.url)('./lib/painter.js');
let seed = 25303;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['bight', 'HITCH', 'cleat', 'Warp', 'spring', 'breast', 'Fender', 'bitt', 'eye', 'SPLICE', 'fairlead',
  'chock', 'whip', 'Stern', 'head', 'bollard'];
const crew = ['Ailsa', 'Bram', 'Cait', 'Dov', 'Eira', 'Finn', 'Gwen', 'Hal', 'Ines', 'Jory', 'Kit', 'Lior'];
const cases = [];
for (let i = 0; i < 240; i++) {
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
  "import r from '../lib/painter.js';\n\n";
cases.forEach((c, i) => {
  const label = JSON.stringify(c.args).replace(/'/g, '').slice(0, 60);
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.deepEqual(r.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/lines.test.mjs', out);
"""

APP = """var r = require('./painter.js');

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
    root = tmp / "painter"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "painter", "version": "1.2.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/launch-plan.js": APP,
                      "lib/painter.js": PAINTER,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in PA_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def kee(text: str) -> str:
    return (text.replace("WEIRKEEPER", "KEELSON").replace("weirkeeper", "keelson").replace("weir", "frame")
            .replace("sluice", "floor").replace("gate_t", "floor_t").replace("gates", "floors").replace("level_cm", "siding_mm")
            .replace("tide", "sheer"))


def c_project(tmp: Path) -> None:
    root = tmp / "keelson"
    rnd = random.Random(25304)
    files = {"src/keelson.h": kee(n191.SKIFF_H), "src/ledger.c": kee(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/frame_{k:02d}.c"] = kee(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: keelson\n\n"
                         "keelson: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/keelson.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build keelson\n")
    write_tree(root, files)


def scut(text: str) -> str:
    return (text.replace("plumbline", "scuttle").replace("Plumb-line survey", "Scuttle butt soundings")
            .replace("offset_per_m", "depth_per_m").replace("station_penalty", "butt_penalty")
            .replace("readings", "soundings").replace("reading", "sounding").replace("station", "butt"))


def rust(tmp: Path) -> None:
    root = tmp / "scuttle"
    rnd = random.Random(25305)
    write_tree(root, {"Cargo.toml": scut(n191.CARGO).replace("0.3.4", "0.5.1"), "src/lib.rs": scut(n191.LIB),
                      "src/broken.rs": scut(n191.BROKEN), "src/soundings.rs": scut(n191.gen_readings(rnd, 180))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "capstay.log", 25306, 1500, ["capstay.crane", "capstay.hoist", "capstay.api", "capstay.ledger"], {
        "INFO": lambda r: f"spar {r.randint(1, 8)} lifted to berth {r.randint(1, 12)} in {r.randint(20, 240)} s",
        "DEBUG": lambda r: f"strain gauge poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"hoist {r.randint(1, 4)} wire at {r.randint(70, 95)}% of safe load, lift slowed",
        "ERROR": lambda r: f"crane {r.randint(1, 3)} slew brake failed to hold {r.randint(200, 800)} kg"}, 5300, "2026-11-29")
    app_log(d / "taffrail.log", 25307, 1700, ["taffrail.log", "taffrail.helm", "taffrail.api", "taffrail.db"], {
        "INFO": lambda r: f"log line {r.randint(1, 3)} read {r.randint(2, 14)} kn over {r.randint(30, 600)} s",
        "DEBUG": lambda r: f"rudder angle sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"helm {r.randint(1, 2)} drift {r.randint(3, 20)} degrees off course",
        "ERROR": lambda r: f"rotator {r.randint(1, 4)} fouled for {r.randint(3, 25)} s"}, 9100, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
