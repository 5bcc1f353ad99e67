"""Round 276, the material both agents work in (no item is captured here): inflection's and texttable's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
wherry project (a JavaScript module written here under a generated node --test suite whose expectations come from
the unbroken module, eslint, tsc), a C project (`hatchway`) and a Rust crate (`windlass`) written here on round 191's
generators with other names and seeds, a CSV and a sqlite table of this machine's documentation files and two
application logs. Run through capture_wide276.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide276 import JS, SRC, VENV

ISO, PT = "inflection-0.5.1", "texttable-1.7.2"

# inflection: 13 given "st"/"rd" like 3 (only 11 and 12 taken as "th"); a digit before a capital not split by
# underscore; parameterize keeping the string's case.
ISO_BUGS = [("inflection/__init__.py", "    if number % 100 in (11, 12, 13):\n", "    if number % 100 in (11, 12):\n"),
            ("inflection/__init__.py", 'word = re.sub(r"([a-z\\d])([A-Z])", r\'\\1_\\2\', word)',
             'word = re.sub(r"([a-z])([A-Z])", r\'\\1_\\2\', word)'),
            ("inflection/__init__.py", "    return string.lower()\n", "    return string\n")]
# texttable: exponent notation from 1e6 on instead of above 1e8; an integer cell truncated instead of rounded; a
# float cell's precision one more than asked; a centred cell's odd space put on the left.
PT_BUGS = [("texttable.py", "        if abs(f) > 1e8:\n", "        if abs(f) >= 1e6:\n"),
           ("texttable.py", "            return str(int(round(cls._to_float(x))))\n",
            "            return str(int(cls._to_float(x)))\n"),
           ("texttable.py", "        return '%.*f' % (n, cls._to_float(x))\n", "        return '%.*f' % (n + 1, cls._to_float(x))\n"),
           ("texttable.py", "                    out += (int(fill/2) * space + cell_line \\\n                            + int(fill/2 + fill%2) * space)\n",
            "                    out += (int(fill/2 + fill%2) * space + cell_line \\\n                            + int(fill/2) * space)\n")]


HATCH = r"""
import inflection


class HatchLabelError(RuntimeError):
    pass


HOLDS = ["fore_peak_store", "number_two_hold", "", "after_peak_tank", "shaft_tunnel"]


def hatch_labels(holds):
    return [inflection.camelize(h, False) for h in holds]


def stow_plan(holds):
    try:
        return hatch_labels(holds)
    except IndexError as exc:
        raise HatchLabelError(f"hatch cover labels failed for {len(holds)} holds") from exc


print(stow_plan(HOLDS))
"""

TALLY = r"""
from texttable import Texttable

ROWS = [["Rope", "Fathoms", "Breaking kN"], ["sheet", 14, 31.5], ["brace", 22, 40.25], ["tack", 9]]


def tally_table(rows):
    table = Texttable()
    table.header(rows[0])
    for row in rows[1:]:
        table.add_row(row)
    return table.draw()


def sternway_report(rows):
    try:
        return tally_table(rows)
    except Exception as exc:
        raise LookupError("sternway tally: a rope row the table could not hold") from exc


print(sternway_report(ROWS))
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / ISO, ISO_BUGS)
    put_bugs(tmp / PT, PT_BUGS)
    (tmp / ISO / "hatch_labels.py").write_text(HATCH)
    (tmp / PT / "sternway_tally.py").write_text(TALLY)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict texttable.py sternway_tally.py >/dev/null 2>&1; true", cwd=tmp / PT, timeout=900)
    history(tmp, SRC, "inflection", ISO, ["inflection/__init__.py", "test_inflection.py"],
            [("Brigid Ashworth", "brigid@example.org"), ("Caspian Drury", "caspian@example.org"),
             ("Delphine Oyelaran", "delphine@example.org")], 27601, 35, ISO_BUGS)
    history(tmp, SRC, "texttable", PT, ["texttable.py", "tests.py"],
            [("Oswin Thackeray", "oswin@example.org"), ("Petra Lindqvist", "petra@example.org"),
             ("Quentin Abara", "quentin@example.org")], 27602, 60, PT_BUGS)


WHERRY = r"""'use strict';
// wherry: rowing sums for a river wherry (oar lengths, stroke rates, thwart charts).

function oarLength(spanCm, gearPct, turns) {
  const gear = spanCm * gearPct / 100;
  const length = Math.sqrt(spanCm * spanCm + 4 * gear * gear) + turns * 2.5;
  return Math.round(length * 100) / 100;
}

function strokeToMs(spm) {
  return Math.round(spm * 0.36 * 1000) / 1000;
}

function rateBand(spm) {
  const limits = [12, 16, 19, 21, 23, 25, 27, 29, 31, 33, 35, 38];
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
  const factor = {macon: 0.64, cleaver: 0.77, square: 0.88, spoon: 0.59}[shape];
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

# wherry: the oar length's turn allowance mistyped; rateBand one band low at each limit; a blade label joined with
# '_'; the square blade's factor mistyped.
PA_BUGS = [("wherry.js", "+ turns * 2.5;", "+ turns * 2;"),
           ("wherry.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("wherry.js", ".join('-');", ".join('_');"),
           ("wherry.js", "square: 0.88", "square: 0.8")]

FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const r = createRequire(import.meta.url)('./lib/wherry.js');
let seed = 27603;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['loom', 'BLADE', 'thole', 'Rowlock', 'button', 'collar', 'Spoon', 'grip', 'tip', 'SHAFT', 'stretcher',
  'sculls', 'thwart', 'Bow', 'stroke', 'gate'];
const crew = ['Mabli', 'Nye', 'Orla', 'Piran', 'Quill', 'Rhys', 'Sian', 'Tegid', 'Una', 'Vaughan', 'Wren', 'Yestyn'];
const cases = [];
for (let i = 0; i < 270; i++) {
  const fn = ['oarLength', 'strokeToMs', 'rateBand', 'bladeLabel', 'bladeArea', 'thwartChart'][i % 6];
  let args;
  if (fn === 'oarLength') args = [180 + Math.floor(rnd() * 220), Math.floor(rnd() * 12), Math.floor(rnd() * 6)];
  if (fn === 'strokeToMs') args = [Math.floor(rnd() * 600) / 10];
  if (fn === 'rateBand') args = [pick([10, 12, 15, 16, 19, 20, 21, 23, 24, 25, 27, 28, 29, 31, 33, 34, 35, 38, 39, 42])];
  if (fn === 'bladeLabel') args = [Array.from({length: 1 + Math.floor(rnd() * 3)}, () => pick(words)).join(' '), pick([1, 2, 4, 6, 8])];
  if (fn === 'bladeArea') args = [pick([44, 46, 48, 50, 52, 54]), pick(['macon', 'cleaver', 'square', 'spoon'])];
  if (fn === 'thwartChart') args = [crew.slice(0, 3 + Math.floor(rnd() * 9)), 2 + Math.floor(rnd() * 3)];
  cases.push({fn, args, want: r[fn](...args)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import r from '../lib/wherry.js';\n\n";
cases.forEach((c, i) => {
  const label = JSON.stringify(c.args).replace(/'/g, '').slice(0, 60);
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.deepEqual(r.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/lines.test.mjs', out);
"""

APP = """var r = require('./wherry.js');

function crossingPlan(legs, fleet) {
  var lines = [];
  for (var k in legs) {
    const unused = k.length;
    if (legs[k] == null) continue
    var leg = legs[k];
    lines.push(leg.from + ' to ' + leg.to + ': band ' + r.rateBand(leg.rate) + ', ' + r.strokeToMs(leg.rate) + ' m/s');
  }
  let plan = lines.join('\\n');
  if (plan.length == 0) {
    return 'No crossing planned';
  } else {
    return plan + '\\n' + r.thwartChart(fleet.crew, fleet.seats).join('\\n') + '\\n' + r.bladeLabel(fleet.blade, fleet.size) + 1;
  }
}

module.exports = {crossingPlan: crossingPlan};
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
    root = tmp / "wherry"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "wherry", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/crossing-plan.js": APP,
                      "lib/wherry.js": WHERRY,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in PA_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def kee(text: str) -> str:
    return (text.replace("WEIRKEEPER", "HATCHWAY").replace("weirkeeper", "hatchway").replace("weir", "coaming")
            .replace("sluice", "cover").replace("gate_t", "cover_t").replace("gates", "covers").replace("level_cm", "sill_mm")
            .replace("tide", "sheer"))


def c_project(tmp: Path) -> None:
    root = tmp / "hatchway"
    rnd = random.Random(27604)
    files = {"src/hatchway.h": kee(n191.SKIFF_H), "src/ledger.c": kee(n191.SKIFF_C)}
    for k in range(36):
        files[f"src/coaming_{k:02d}.c"] = kee(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hatchway\n\n"
                         "hatchway: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hatchway.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hatchway\n")
    write_tree(root, files)


def scut(text: str) -> str:
    return (text.replace("plumbline", "windlass").replace("Plumb-line survey", "Windlass gypsy loads")
            .replace("offset_per_m", "load_per_link").replace("station_penalty", "gypsy_penalty")
            .replace("readings", "loads").replace("reading", "load").replace("station", "gypsy"))


def rust(tmp: Path) -> None:
    root = tmp / "windlass"
    rnd = random.Random(27605)
    write_tree(root, {"Cargo.toml": scut(n191.CARGO).replace("0.3.4", "0.5.2"), "src/lib.rs": scut(n191.LIB),
                      "src/broken.rs": scut(n191.BROKEN), "src/loads.rs": scut(n191.gen_readings(rnd, 190))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "futtock.log", 27606, 1700, ["futtock.shroud", "futtock.top", "futtock.api", "futtock.ledger"], {
        "INFO": lambda r: f"shroud {r.randint(1, 8)} set up to {r.randint(10, 60)} kN in {r.randint(20, 240)} s",
        "DEBUG": lambda r: f"rigging screw poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"futtock band {r.randint(1, 4)} at {r.randint(70, 95)}% of proof load, tension held",
        "ERROR": lambda r: f"top {r.randint(1, 3)} crosstree pin sheared under {r.randint(200, 800)} kg"}, 7100, "2026-11-29")
    app_log(d / "sternway.log", 27607, 1750, ["sternway.engine", "sternway.helm", "sternway.api", "sternway.db"], {
        "INFO": lambda r: f"astern {r.randint(1, 3)} made {r.randint(1, 6)} kn over {r.randint(30, 600)} s",
        "DEBUG": lambda r: f"shaft rpm sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"stern {r.randint(1, 2)} swung {r.randint(3, 20)} degrees to port going astern",
        "ERROR": lambda r: f"prop wash {r.randint(1, 4)} cavitated for {r.randint(3, 25)} s"}, 3300, "2026-12-02")


STEPS = [python, js_project, c_project, rust, data]
