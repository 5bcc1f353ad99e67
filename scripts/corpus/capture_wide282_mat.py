"""Round 282, the material both agents work in (no item is captured here): pathspec's and voluptuous's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
spandrel project (a JavaScript module written here under a generated node --test suite whose expectations come from
the unbroken module, eslint, tsc), a C project (`quillon`) and a Rust crate (`ventifact`) written here on round 191's
generators with other names and seeds, a CSV and a sqlite table of this machine's documentation files and two
application logs. Run through capture_wide282.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide282 import JS, SRC, VENV

ISO, PT = "pathspec-1.1.1", "voluptuous-0.16.0"

# pathspec: a leading "**/" no longer matching zero directories; an inner "/**/" no longer matching zero directories;
# a lone "*" segment matching an empty name.
ISO_BUGS = [("pathspec/patterns/gitignore/spec.py", "out_parts.append('^(?:.+/)?')", "out_parts.append('^(?:.+/)')"),
            ("pathspec/patterns/gitignore/spec.py", "out_parts.append('(?:/.+)?')", "out_parts.append('(?:/.+)')"),
            ("pathspec/patterns/gitignore/spec.py", "out_parts.append('[^/]+')", "out_parts.append('[^/]*')")]
# voluptuous: an error's path printed as data['a', 'b'] instead of data['a']['b']; Boolean no longer taking "on"; an inclusive Range minimum made exclusive; Length's maximum made
# exclusive; Clamp raising a low value to the maximum.
PT_BUGS = [("voluptuous/error.py", "']['.join(map(repr, self.path))", "', '.join(map(repr, self.path))"),
           ("voluptuous/validators.py", "if v in ('1', 'true', 'yes', 'on', 'enable'):",
            "if v in ('1', 'true', 'yes', 'enable'):"),
           ("voluptuous/validators.py", "if self.min is not None and not v >= self.min:",
            "if self.min is not None and not v > self.min:"),
           ("voluptuous/validators.py", "if self.max is not None and len(v) > self.max:",
            "if self.max is not None and len(v) >= self.max:"),
           ("voluptuous/validators.py", "            if self.min is not None and v < self.min:\n                v = self.min\n",
            "            if self.min is not None and v < self.min:\n                v = self.max\n")]


HATCH = r"""
import pathspec


class RowelPathError(RuntimeError):
    pass


IGNORES = ["*.pyc", "build/", "**/rowel_cache/", 42, "!keep.pyc"]


def rowel_spec(lines):
    return pathspec.PathSpec.from_lines("gitwildmatch", lines)


def rowel_paths(lines, paths):
    try:
        return sorted(rowel_spec(lines).match_files(paths))
    except TypeError as exc:
        raise RowelPathError(f"rowel ignore rules failed for {len(lines)} lines") from exc


print(rowel_paths(IGNORES, ["spur/rowel.pyc", "build/out.o", "keep.pyc", "a/rowel_cache/x"]))
"""

TALLY = r"""
from voluptuous import All, Length, Range, Required, Schema

PANEL = Schema({Required("panel"): All(str, Length(min=2, max=12)),
                Required("height_mm"): All(int, Range(min=300, max=2400)),
                "oak": bool})

PANELS = [{"panel": "hall-1", "height_mm": 900, "oak": True}, {"panel": "hall-2", "height_mm": 120},
          {"panel": "x", "height_mm": "tall"}]


def wainscot_check(panels):
    try:
        return [PANEL(p) for p in panels]
    except Exception as exc:
        raise ValueError(f"wainscot check: {len(panels)} panels, one the schema refused") from exc


print(wainscot_check(PANELS))
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / ISO, ISO_BUGS)
    put_bugs(tmp / PT, PT_BUGS)
    (tmp / ISO / "rowel_paths.py").write_text(HATCH)
    (tmp / PT / "wainscot_check.py").write_text(TALLY)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict voluptuous wainscot_check.py >/dev/null 2>&1; true", cwd=tmp / PT, timeout=900)
    history(tmp, SRC, "pathspec", ISO, ["pathspec/patterns/gitignore/spec.py", "pathspec/util.py",
                                        "tests/test_04_gitignore_spec.py"],
            [("Rhiannon Quayle", "rhiannon@example.org"), ("Solomon Vetch", "solomon@example.org"),
             ("Tamsin Yeoward", "tamsin@example.org")], 28201, 70, ISO_BUGS)
    history(tmp, SRC, "voluptuous", PT, ["voluptuous/validators.py", "voluptuous/schema_builder.py"],
            [("Ulric Nantwich", "ulric@example.org"), ("Verity Pomfret", "verity@example.org"),
             ("Wystan Ormerod", "wystan@example.org")], 28202, 90, PT_BUGS)


SPANDREL = r"""'use strict';
// spandrel: joinery sums for a spandrel panel (rail lengths, feed rates, stile charts).

function oarLength(spanCm, gearPct, turns) {
  const gear = spanCm * gearPct / 100;
  const length = Math.sqrt(spanCm * spanCm + 4 * gear * gear) + turns * 3.5;
  return Math.round(length * 100) / 100;
}

function strokeToMs(spm) {
  return Math.round(spm * 0.42 * 1000) / 1000;
}

function rateBand(spm) {
  const limits = [11, 14, 18, 20, 22, 24, 26, 28, 30, 32, 36, 40];
  for (let i = 0; i < limits.length; i++) {
    if (spm < limits[i]) {
      return i;
    }
  }
  return 12;
}

function bladeLabel(line, size) {
  const words = String(line).trim().split(/\s+/).filter(Boolean);
  const tag = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('-');
  return `${tag}/${size}cm`;
}

function bladeArea(lengthCm, shape) {
  const factor = {ogee: 0.61, ovolo: 0.73, square: 0.86, scotia: 0.57}[shape];
  if (factor === undefined) {
    throw new RangeError(`unknown blade shape: ${shape}`);
  }
  return Math.round(lengthCm * lengthCm * factor * 10) / 10;
}

function thwartChart(crew, seats) {
  const bill = Array.from({length: seats}, () => []);
  crew.forEach((name, i) => bill[i % seats].push(name));
  return bill.map((names, w) => `thwart ${w + 1}: ${names.join(', ')}`);
}

module.exports = {oarLength, strokeToMs, rateBand, bladeLabel, bladeArea, thwartChart};
"""

# spandrel: the rail length's turn allowance mistyped; rateBand one band low at each limit; a blade label joined with
# '_'; the square blade's factor mistyped.
PA_BUGS = [("spandrel.js", "+ turns * 3.5;", "+ turns * 2;"),
           ("spandrel.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("spandrel.js", ".join('-');", ".join('_');"),
           ("spandrel.js", "square: 0.86", "square: 0.8")]

FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const r = createRequire(import.meta.url)('./lib/spandrel.js');
let seed = 28203;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['rail', 'STILE', 'muntin', 'Tenon', 'mortise', 'bead', 'Rebate', 'panel', 'cope', 'MOULD', 'scribe',
  'dado', 'plinth', 'Frieze', 'arris', 'chamfer'];
const crew = ['Nerys', 'Osric', 'Pryce', 'Quenby', 'Rosalind', 'Seren', 'Tobias', 'Ursula', 'Vivian', 'Wilfred', 'Xanthe', 'Yorick'];
const cases = [];
for (let i = 0; i < 330; i++) {
  const fn = ['oarLength', 'strokeToMs', 'rateBand', 'bladeLabel', 'bladeArea', 'thwartChart'][i % 6];
  let args;
  if (fn === 'oarLength') args = [180 + Math.floor(rnd() * 220), Math.floor(rnd() * 12), Math.floor(rnd() * 6)];
  if (fn === 'strokeToMs') args = [Math.floor(rnd() * 600) / 10];
  if (fn === 'rateBand') args = [pick([9, 11, 13, 14, 18, 19, 20, 22, 23, 24, 26, 27, 28, 30, 32, 33, 36, 40, 41, 44])];
  if (fn === 'bladeLabel') args = [Array.from({length: 1 + Math.floor(rnd() * 3)}, () => pick(words)).join(' '), pick([1, 2, 4, 6, 8])];
  if (fn === 'bladeArea') args = [pick([44, 46, 48, 50, 52, 54]), pick(['ogee', 'ovolo', 'square', 'scotia'])];
  if (fn === 'thwartChart') args = [crew.slice(0, 3 + Math.floor(rnd() * 9)), 2 + Math.floor(rnd() * 3)];
  cases.push({fn, args, want: r[fn](...args)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import r from '../lib/spandrel.js';\n\n";
cases.forEach((c, i) => {
  const label = JSON.stringify(c.args).replace(/'/g, '').slice(0, 60);
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.deepEqual(r.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/lines.test.mjs', out);
"""

APP = """var r = require('./spandrel.js');

function panelPlan(legs, fleet) {
  var lines = [];
  for (var k in legs) {
    const unused = k.length;
    if (legs[k] == null) continue
    var leg = legs[k];
    lines.push(leg.from + ' to ' + leg.to + ': band ' + r.rateBand(leg.rate) + ', ' + r.strokeToMs(leg.rate) + ' m/s');
  }
  let plan = lines.join('\\n');
  if (plan.length == 0) {
    return 'No panel planned';
  } else {
    return plan + '\\n' + r.thwartChart(fleet.crew, fleet.seats).join('\\n') + '\\n' + r.bladeLabel(fleet.blade, fleet.size) + 1;
  }
}

module.exports = {panelPlan: panelPlan};
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
    root = tmp / "spandrel"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "spandrel", "version": "0.7.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/panel-plan.js": APP,
                      "lib/spandrel.js": SPANDREL,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in PA_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def kee(text: str) -> str:
    return (text.replace("WEIRKEEPER", "QUILLON").replace("weirkeeper", "quillon").replace("weir", "ricasso")
            .replace("sluice", "tang").replace("gate_t", "tang_t").replace("gates", "tangs").replace("level_cm", "temper_hv")
            .replace("tide", "quench"))


def c_project(tmp: Path) -> None:
    root = tmp / "quillon"
    rnd = random.Random(28204)
    files = {"src/quillon.h": kee(n191.SKIFF_H), "src/ledger.c": kee(n191.SKIFF_C)}
    for k in range(44):
        files[f"src/ricasso_{k:02d}.c"] = kee(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: quillon\n\n"
                         "quillon: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/quillon.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build quillon\n")
    write_tree(root, files)


def scut(text: str) -> str:
    return (text.replace("plumbline", "ventifact").replace("Plumb-line survey", "Ventifact facet wear")
            .replace("offset_per_m", "wear_per_year").replace("station_penalty", "facet_penalty")
            .replace("readings", "facets").replace("reading", "facet").replace("station", "facet_site"))


def rust(tmp: Path) -> None:
    root = tmp / "ventifact"
    rnd = random.Random(28205)
    write_tree(root, {"Cargo.toml": scut(n191.CARGO).replace("0.3.4", "0.8.1"), "src/lib.rs": scut(n191.LIB),
                      "src/broken.rs": scut(n191.BROKEN), "src/facets.rs": scut(n191.gen_readings(rnd, 230))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "ombrometer.log", 28206, 2100, ["ombrometer.gauge", "ombrometer.funnel", "ombrometer.api",
                                                "ombrometer.ledger"], {
        "INFO": lambda r: f"gauge {r.randint(1, 9)} logged {r.randint(0, 40)}.{r.randint(0, 9)} mm over {r.randint(10, 60)} min",
        "DEBUG": lambda r: f"tipping bucket poll {r.randint(1, 50)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"funnel {r.randint(1, 6)} at {r.randint(70, 95)}% of overflow, reading held",
        "ERROR": lambda r: f"gauge {r.randint(1, 4)} siphon jammed after {r.randint(200, 800)} tips"}, 8200, "2026-11-30")
    app_log(d / "tidewrack.log", 28207, 2000, ["tidewrack.survey", "tidewrack.beach", "tidewrack.api", "tidewrack.db"], {
        "INFO": lambda r: f"strandline {r.randint(1, 7)} walked {r.randint(50, 900)} m in {r.randint(30, 600)} s",
        "DEBUG": lambda r: f"quadrat sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"wrack line {r.randint(1, 3)} moved {r.randint(3, 20)} m landward since last tide",
        "ERROR": lambda r: f"transect {r.randint(1, 5)} lost its GPS fix for {r.randint(3, 25)} s"}, 4400, "2026-12-01")

STEPS = [python, js_project, c_project, rust, data]
