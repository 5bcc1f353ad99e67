"""Round 289, the material the two Gemini CLI runs work in (no item is captured here): natsort's sdist with bugs put in
and a script that runs its code wrongly, a git history built by committing its sources in steps, the pintle project
(a JavaScript module written here under a generated node --test suite whose expectations come from the unbroken
module, eslint, tsc), a C project (`gudgeon`) and a Rust crate (`tumblehome`) written here on round 191's generators
with other names and seeds (round 282's material renamed, with other numbers), a shell script with faults
(`strongback.sh`), a CSV and a sqlite table of this machine's documentation files and two application logs. Run
through capture_wide289.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide289 import JS, SRC, TOOLS, VENV

NS = "natsort-8.4.0"
# natsort's tests load en_US.UTF-8, which this machine has not generated: compiled here, found through LOCPATH
LOCPATH = TOOLS / "locale"

# natsort: a leading "+" no longer part of a signed integer; bytes sorted with IGNORECASE keep their case; NaN sorted
# as if it were the replacement value's other side; no separator yielded before a leading number.
NS_BUGS = [("natsort/utils.py", 'r"([-+]?\\d+|[{digits}])"', 'r"([-]?\\d+|[{digits}])"'),
           ("natsort/utils.py", "        return lambda x: (x.lower(),)\n", "        return lambda x: (x,)\n"),
           ("natsort/utils.py", 'return _sep, _nan_replace, "3" if reverse else "1"',
            'return _sep, _nan_replace, "1" if reverse else "3"'),
           ("natsort/utils.py", "        if type(first) in types:\n            yield sep\n        yield first\n",
            "        yield first\n")]

CRINGLE = r"""
from natsort import natsorted, ns


class CringleOrderError(RuntimeError):
    pass


CRINGLES = ["clew-10", "clew-9", "tack-2", None, "head-1", "clew-11"]


def cringle_order(names):
    try:
        return natsorted(names, key=lambda eye: eye.lower(), alg=ns.IGNORECASE | ns.PATH)
    except AttributeError as exc:
        raise CringleOrderError(f"cringle order failed for {len(names)} eyes") from exc


print(cringle_order(CRINGLES))
"""

STRONGBACK = r"""#!/bin/sh
# strongback.sh: stage the strongback's frame offsets into a build directory
set -e
BUILD=$1
OFFSETS=`ls $BUILD/*.csv`
for f in $OFFSETS; do
  name=$(basename $f .csv)
  if [ $name == "master" ]; then
    echo "skipping master frame"
    continue
  fi
  cp $f /tmp/strongback/$name.csv
  read line < $f
  echo "frame $name: $line" >> $BUILD/log.txt
done
cd $BUILD/out
rm -rf $BUILD/out/*
count=$(ls $BUILD | wc -l)
if [ $count -gt 0 ]
then
  echo "staged $count frames" | tee -a $BUILD/log.txt
fi
for frame in $(cat $BUILD/order.txt); do
  let n=n+1
  echo $frame $n
done
trap "rm -f $TMPFILE" EXIT
echo $UNSET_VAR_HERE
exit $?
"""


def python(tmp: Path) -> None:
    LOCPATH.mkdir(parents=True, exist_ok=True)
    run(f"localedef -i en_US -f UTF-8 {LOCPATH}/en_US.UTF-8", timeout=300)
    put_bugs(tmp / NS, NS_BUGS)
    (tmp / NS / "cringle_order.py").write_text(CRINGLE)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict natsort cringle_order.py >/dev/null 2>&1; true", cwd=tmp / NS, timeout=900)
    history(tmp, SRC, "natsort", NS, ["natsort/utils.py", "natsort/natsort.py", "tests/test_natsorted.py"],
            [("Morwenna Tregarthen", "morwenna@example.org"), ("Ambrose Penhallow", "ambrose@example.org"),
             ("Kerensa Trevithick", "kerensa@example.org")], 28901, 60, NS_BUGS)


PINTLE = r"""'use strict';
// pintle: rudder-hinge sums for a pintle (pin lengths, swing rates, fitting charts).

function oarLength(spanCm, gearPct, turns) {
  const gear = spanCm * gearPct / 100;
  const length = Math.sqrt(spanCm * spanCm + 4 * gear * gear) + turns * 4.25;
  return Math.round(length * 100) / 100;
}

function strokeToMs(spm) {
  return Math.round(spm * 0.38 * 1000) / 1000;
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
  const factor = {ogee: 0.64, ovolo: 0.77, square: 0.91, scotia: 0.57}[shape];
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

# pintle: the rail length's turn allowance mistyped; rateBand one band low at each limit; a blade label joined with
# '_'; the square blade's factor mistyped.
PA_BUGS = [("pintle.js", "+ turns * 4.25;", "+ turns * 3;"),
           ("pintle.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("pintle.js", ".join('-');", ".join('_');"),
           ("pintle.js", "square: 0.91", "square: 0.9")]

FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const r = createRequire(import.meta.url)('./lib/pintle.js');
let seed = 28903;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['pin', 'GUDGEON', 'strap', 'Heel', 'stock', 'blade', 'Tiller', 'horn', 'lug', 'SKEG', 'bush',
  'rake', 'stop', 'Yoke', 'pivot', 'shim'];
const crew = ['Aldous', 'Briony', 'Cadell', 'Delyth', 'Emrys', 'Ffion', 'Gethin', 'Hefina', 'Idris', 'Jocasta', 'Kester', 'Lowri'];
const cases = [];
for (let i = 0; i < 360; i++) {
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
  "import r from '../lib/pintle.js';\n\n";
cases.forEach((c, i) => {
  const label = JSON.stringify(c.args).replace(/'/g, '').slice(0, 60);
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.deepEqual(r.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/lines.test.mjs', out);
"""

APP = """var r = require('./pintle.js');

function hingePlan(legs, fleet) {
  var lines = [];
  for (var k in legs) {
    const unused = k.length;
    if (legs[k] == null) continue
    var leg = legs[k];
    lines.push(leg.from + ' to ' + leg.to + ': band ' + r.rateBand(leg.rate) + ', ' + r.strokeToMs(leg.rate) + ' m/s');
  }
  let plan = lines.join('\\n');
  if (plan.length == 0) {
    return 'No hinge planned';
  } else {
    return plan + '\\n' + r.thwartChart(fleet.crew, fleet.seats).join('\\n') + '\\n' + r.bladeLabel(fleet.blade, fleet.size) + 1;
  }
}

module.exports = {hingePlan: hingePlan};
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
    root = tmp / "pintle"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pintle", "version": "0.7.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/hinge-plan.js": APP,
                      "lib/pintle.js": PINTLE,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in PA_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def kee(text: str) -> str:
    return (text.replace("WEIRKEEPER", "GUDGEON").replace("weirkeeper", "gudgeon").replace("weir", "pivot")
            .replace("sluice", "strap").replace("gate_t", "strap_t").replace("gates", "straps").replace("level_cm", "play_mm")
            .replace("tide", "heel"))


def c_project(tmp: Path) -> None:
    root = tmp / "gudgeon"
    rnd = random.Random(28904)
    files = {"src/gudgeon.h": kee(n191.SKIFF_H), "src/ledger.c": kee(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/pivot_{k:02d}.c"] = kee(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: gudgeon\n\n"
                         "gudgeon: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/gudgeon.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build gudgeon\n")
    write_tree(root, files)


def scut(text: str) -> str:
    return (text.replace("plumbline", "tumblehome").replace("Plumb-line survey", "Tumblehome flare survey")
            .replace("offset_per_m", "flare_per_frame").replace("station_penalty", "frame_penalty")
            .replace("readings", "frames").replace("reading", "frame").replace("station", "frame_site"))


def rust(tmp: Path) -> None:
    root = tmp / "tumblehome"
    rnd = random.Random(28905)
    write_tree(root, {"Cargo.toml": scut(n191.CARGO).replace("0.3.4", "0.5.2"), "src/lib.rs": scut(n191.LIB),
                      "src/broken.rs": scut(n191.BROKEN), "src/frames.rs": scut(n191.gen_readings(rnd, 210))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "cuddy.log", 28906, 2100, ["cuddy.galley", "cuddy.bilge", "cuddy.api", "cuddy.ledger"], {
        "INFO": lambda r: f"galley stove {r.randint(1, 3)} held {r.randint(60, 240)} C for {r.randint(5, 90)} min",
        "DEBUG": lambda r: f"bilge float poll {r.randint(1, 50)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"bilge {r.randint(1, 4)} at {r.randint(30, 80)} mm, pump cycle held",
        "ERROR": lambda r: f"bilge pump {r.randint(1, 3)} impeller stalled after {r.randint(20, 400)} cycles"},
        8900, "2026-11-29")
    app_log(d / "saxboard.log", 28907, 2000, ["saxboard.plank", "saxboard.steam", "saxboard.api", "saxboard.db"], {
        "INFO": lambda r: f"strake {r.randint(1, 9)} fastened with {r.randint(8, 60)} clenches in {r.randint(30, 600)} s",
        "DEBUG": lambda r: f"steam box probe {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"steam box {r.randint(1, 2)} fell to {r.randint(80, 95)} C while plank {r.randint(1, 30)} bent",
        "ERROR": lambda r: f"plank {r.randint(1, 30)} split at frame {r.randint(1, 24)} under {r.randint(3, 25)} kN"},
        4900, "2026-12-02")
    (tmp / "strongback").mkdir()
    (tmp / "strongback" / "strongback.sh").write_text(STRONGBACK)


STEPS = [python, js_project, c_project, rust, data]
