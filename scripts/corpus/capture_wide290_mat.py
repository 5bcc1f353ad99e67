"""Round 290, the material both agents work in (no item is captured here): affine's and dpath's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
hawsehole project (a JavaScript module written here under a generated node --test suite whose expectations come from
the unbroken module, eslint, tsc), a C project (`gudgeon`) and a Rust crate (`limber`) written here on round 191's
generators with other names and seeds, a CSV and a sqlite table of this machine's documentation files and two
application logs. Run through capture_wide290.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide290 import JS, SRC, VENV

ISO, PT = "affine-3.0.1", "dpath-2.2.0"

# affine: a 270-degree rotation's sine given the wrong sign; to_gdal swapping d and e; the inverse's b term with the
# wrong sign; is_conformal testing a difference instead of a sum; a world file's corner shift wrong in y.
ISO_BUGS = [("src/affine/__init__.py", "    if deg == 270.0:\n        return 0, -1.0\n",
             "    if deg == 270.0:\n        return 0, 1.0\n"),
            ("src/affine/__init__.py", "return (self.c, self.a, self.b, self.f, self.d, self.e)",
             "return (self.c, self.a, self.b, self.f, self.e, self.d)"),
            ("src/affine/__init__.py", "        rb = -sb * idet\n", "        rb = sb * idet\n"),
            ("src/affine/__init__.py", "return abs(self.a * self.b + self.d * self.e) < EPSILON",
             "return abs(self.a * self.b - self.d * self.e) < EPSILON"),
            ("src/affine/__init__.py", "return center @ Affine.translation(-0.5, -0.5)",
             "return center @ Affine.translation(-0.5, 0.5)")]
# dpath: a '**' glob no longer matching zero segments in the middle of a path; empty containers no longer leaves;
# extend stopping one short of the index; expand skipping the shortest prefix.
PT_BUGS = [("dpath/segments.py", "more_stars = (STAR,) * (path_len - glob_len + 1)",
            "more_stars = (STAR,) * (path_len - glob_len)"),
           ("dpath/segments.py", "return leaf(thing) or len(thing) == 0", "return leaf(thing)"),
           ("dpath/segments.py", "extra = (index + 1) - len(thing)", "extra = index - len(thing)"),
           ("dpath/segments.py", "    index = 0\n    for _ in segments:\n", "    index = 1\n    for _ in segments:\n")]


HATCH = r"""
from affine import Affine, TransformNotInvertibleError


class CatheadSpanError(RuntimeError):
    pass


SPANS = [("fore", Affine.scale(2.0, 3.0)), ("aft", Affine.rotation(30.0)), ("beam", Affine.scale(1.5, 0.0))]


def cathead_inverse(name, transform):
    return ~transform


def cathead_spans(spans):
    out = {}
    for name, transform in spans:
        try:
            out[name] = cathead_inverse(name, transform).to_gdal()
        except TransformNotInvertibleError as exc:
            raise CatheadSpanError(f"cathead span {name!r} cannot be undone ({len(out)} of {len(spans)} done)") from exc
    return out


print(cathead_spans(SPANS))
"""

TALLY = r"""
import dpath

HAWSERS = {"dolphin": {"north": {"bollards": [4, 6, 8], "swl_t": 40}, "south": {"bollards": [2, 3], "swl_t": 25}}}


def dolphin_loads(doc, glob):
    return dpath.get(doc, glob)


def dolphin_check(doc, globs):
    try:
        return {g: dolphin_loads(doc, g) for g in globs}
    except (KeyError, ValueError) as exc:
        raise LookupError(f"dolphin check: {len(globs)} globs, one the mooring plan lacks") from exc


print(dolphin_check(HAWSERS, ["dolphin/north/swl_t", "dolphin/south/swl_t"]))
print(dolphin_check(HAWSERS, ["dolphin/north/swl_t", "dolphin/east/swl_t"]))
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / ISO, ISO_BUGS)
    put_bugs(tmp / PT, PT_BUGS)
    (tmp / ISO / "cathead_spans.py").write_text(HATCH)
    (tmp / PT / "dolphin_check.py").write_text(TALLY)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict dpath dolphin_check.py >/dev/null 2>&1; true", cwd=tmp / PT, timeout=900)
    history(tmp, SRC, "affine", ISO, ["src/affine/__init__.py", "tests/test_transform.py"],
            [("Annwen Cadwallader", "annwen@example.org"), ("Bedwyr Ellingham", "bedwyr@example.org"),
             ("Catrin Moorcroft", "catrin@example.org")], 29001, 45, ISO_BUGS)
    history(tmp, SRC, "dpath", PT, ["dpath/segments.py", "dpath/__init__.py", "tests/test_segments.py"],
            [("Dilys Fairbrother", "dilys@example.org"), ("Emrys Hartwell", "emrys@example.org"),
             ("Gwenllian Ashdown", "gwenllian@example.org")], 29002, 60, PT_BUGS)


HAWSEHOLE = r"""'use strict';
// hawsehole: anchor-chain sums for a hawsehole (cable lengths, heave rates, watch charts).

function cableLength(spanCm, gearPct, turns) {
  const gear = spanCm * gearPct / 100;
  const length = Math.sqrt(spanCm * spanCm + 4 * gear * gear) + turns * 3.5;
  return Math.round(length * 100) / 100;
}

function heaveToMs(spm) {
  return Math.round(spm * 0.42 * 1000) / 1000;
}

function strainBand(spm) {
  const limits = [10, 13, 17, 21, 23, 25, 27, 29, 31, 33, 35, 39];
  for (let i = 0; i < limits.length; i++) {
    if (spm < limits[i]) {
      return i;
    }
  }
  return 12;
}

function anchorLabel(line, size) {
  const words = String(line).trim().split(/\s+/).filter(Boolean);
  const tag = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('-');
  return `${tag}/${size}cm`;
}

function flukeArea(lengthCm, shape) {
  const factor = {danforth: 0.63, admiralty: 0.71, plough: 0.84, mushroom: 0.52}[shape];
  if (factor === undefined) {
    throw new RangeError(`unknown anchor type: ${shape}`);
  }
  return Math.round(lengthCm * lengthCm * factor * 10) / 10;
}

function watchChart(crew, seats) {
  const bill = Array.from({length: seats}, () => []);
  crew.forEach((name, i) => bill[i % seats].push(name));
  return bill.map((names, w) => `watch ${w + 1}: ${names.join(', ')}`);
}

module.exports = {cableLength, heaveToMs, strainBand, anchorLabel, flukeArea, watchChart};
"""

# hawsehole: the cable length's turn allowance mistyped; strainBand one band low at each limit; an anchor label joined
# with '_'; the plough anchor's factor mistyped.
PA_BUGS = [("hawsehole.js", "+ turns * 3.5;", "+ turns * 2.5;"),
           ("hawsehole.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("hawsehole.js", ".join('-');", ".join('_');"),
           ("hawsehole.js", "plough: 0.84", "plough: 0.8")]

FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const r = createRequire(import.meta.url)('./lib/hawsehole.js');
let seed = 29003;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['cable', 'STOPPER', 'windlass', 'Gypsy', 'shackle', 'swivel', 'Pawl', 'chock', 'bitter', 'LINK', 'stud',
  'locker', 'compressor', 'Devil', 'claw', 'riding'];
const crew = ['Alun', 'Branwen', 'Cadog', 'Delyth', 'Eifion', 'Glenys', 'Huw', 'Ieuan', 'Llinos', 'Meical', 'Nia', 'Owain'];
const cases = [];
for (let i = 0; i < 300; i++) {
  const fn = ['cableLength', 'heaveToMs', 'strainBand', 'anchorLabel', 'flukeArea', 'watchChart'][i % 6];
  let args;
  if (fn === 'cableLength') args = [180 + Math.floor(rnd() * 220), Math.floor(rnd() * 12), Math.floor(rnd() * 6)];
  if (fn === 'heaveToMs') args = [Math.floor(rnd() * 600) / 10];
  if (fn === 'strainBand') args = [pick([8, 10, 12, 13, 17, 19, 21, 22, 23, 25, 26, 27, 29, 31, 33, 34, 35, 39, 41, 45])];
  if (fn === 'anchorLabel') args = [Array.from({length: 1 + Math.floor(rnd() * 3)}, () => pick(words)).join(' '), pick([1, 2, 4, 6, 8])];
  if (fn === 'flukeArea') args = [pick([44, 46, 48, 50, 52, 54]), pick(['danforth', 'admiralty', 'plough', 'mushroom'])];
  if (fn === 'watchChart') args = [crew.slice(0, 3 + Math.floor(rnd() * 9)), 2 + Math.floor(rnd() * 3)];
  cases.push({fn, args, want: r[fn](...args)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import r from '../lib/hawsehole.js';\n\n";
cases.forEach((c, i) => {
  const label = JSON.stringify(c.args).replace(/'/g, '').slice(0, 60);
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.deepEqual(r.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/lines.test.mjs', out);
"""

APP = """var r = require('./hawsehole.js');

function launchPlan(legs, fleet) {
  var lines = [];
  for (var k in legs) {
    const unused = k.length;
    if (legs[k] == null) continue
    var leg = legs[k];
    lines.push(leg.from + ' to ' + leg.to + ': band ' + r.strainBand(leg.rate) + ', ' + r.heaveToMs(leg.rate) + ' m/s');
  }
  let plan = lines.join('\\n');
  if (plan.length == 0) {
    return 'No launch planned';
  } else {
    return plan + '\\n' + r.watchChart(fleet.crew, fleet.seats).join('\\n') + '\\n' + r.anchorLabel(fleet.anchor, fleet.size) + 1;
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
    root = tmp / "hawsehole"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "hawsehole", "version": "0.4.9", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/launch-plan.js": APP,
                      "lib/hawsehole.js": HAWSEHOLE,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in PA_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def kee(text: str) -> str:
    return (text.replace("WEIRKEEPER", "GUDGEON").replace("weirkeeper", "gudgeon").replace("weir", "pintle")
            .replace("sluice", "rudder").replace("gate_t", "rudder_t").replace("gates", "rudders").replace("level_cm", "wear_mm")
            .replace("tide", "helm"))


def c_project(tmp: Path) -> None:
    root = tmp / "gudgeon"
    rnd = random.Random(29004)
    files = {"src/gudgeon.h": kee(n191.SKIFF_H), "src/ledger.c": kee(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/pintle_{k:02d}.c"] = kee(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: gudgeon\n\n"
                         "gudgeon: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/gudgeon.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build gudgeon\n")
    write_tree(root, files)


def scut(text: str) -> str:
    return (text.replace("plumbline", "limber").replace("Plumb-line survey", "Limber hole flow")
            .replace("offset_per_m", "flow_per_frame").replace("station_penalty", "frame_penalty")
            .replace("readings", "flows").replace("reading", "flow").replace("station", "frame"))


def rust(tmp: Path) -> None:
    root = tmp / "limber"
    rnd = random.Random(29005)
    write_tree(root, {"Cargo.toml": scut(n191.CARGO).replace("0.3.4", "0.5.2"), "src/lib.rs": scut(n191.LIB),
                      "src/broken.rs": scut(n191.BROKEN), "src/flows.rs": scut(n191.gen_readings(rnd, 210))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "bitts.log", 29006, 2300, ["bitts.post", "bitts.warp", "bitts.api", "bitts.ledger"], {
        "INFO": lambda r: f"post {r.randint(1, 9)} took warp {r.randint(1, 12)} at {r.randint(5, 60)}.{r.randint(0, 9)} t for {r.randint(10, 60)} min",
        "DEBUG": lambda r: f"load cell poll {r.randint(1, 50)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"warp {r.randint(1, 12)} at {r.randint(70, 95)}% of breaking load, turns added",
        "ERROR": lambda r: f"post {r.randint(1, 4)} base plate cracked after {r.randint(200, 800)} surges"}, 8290, "2026-11-30")
    app_log(d / "garboard.log", 29007, 2000, ["garboard.strake", "garboard.caulk", "garboard.api", "garboard.db"], {
        "INFO": lambda r: f"strake {r.randint(1, 7)} faired over {r.randint(50, 900)} mm in {r.randint(30, 600)} s",
        "DEBUG": lambda r: f"moisture sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"seam {r.randint(1, 30)} weeping {r.randint(3, 20)} ml an hour since launch",
        "ERROR": lambda r: f"rabbet {r.randint(1, 5)} fastening {r.randint(3, 25)} sheared"}, 4490, "2026-12-01")

STEPS = [python, js_project, c_project, rust, data]
