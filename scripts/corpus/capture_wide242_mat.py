"""Round 242, the material both agents work in (no item is captured here): isodate's and pytimeparse's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
thole project (a JavaScript module written here under a generated node --test suite whose expectations come from
the unbroken module, eslint, tsc), a C project (`gammon`) and a Rust crate (`stemson`) written here on round 191's
generators with other names and seeds, a CSV and a sqlite table of this machine's documentation files and two
application logs. Run through capture_wide242.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide242 import JS, SRC, VENV

ISO, PT = "isodate-0.7.2", "pytimeparse-1.1.8"

# isodate: November given 31 days; every fourth year a leap year (1900 and 2100 too); a single month printed "1 months";
# a time zone's sign read the wrong way round.
ISO_BUGS = [("src/isodate/duration.py", "    if month in (4, 6, 9, 11):", "    if month in (4, 6, 9):"),
            ("src/isodate/duration.py", "if ((year % 400) == 0) or ((year % 100) != 0) and ((year % 4) == 0):",
             "if (year % 4) == 0:"),
            ("src/isodate/duration.py", "if self.months <= 1:", "if self.months < 1:"),
            ("src/isodate/isotzinfo.py", 'tzsign = ((tzsign == "-") and -1) or 1', 'tzsign = ((tzsign == "+") and -1) or 1')]
# pytimeparse: a week of five days; a clock's minutes one digit at most; a whole number of seconds missing from
# fractional units counted as one.
PT_BUGS = [("pytimeparse/timeparse.py", "('weeks',   60 * 60 * 24 * 7),", "('weeks',   60 * 60 * 24 * 5),"),
           ("pytimeparse/timeparse.py", r"MINCLOCK    = r'(?P<mins>\d{1,2}):", r"MINCLOCK    = r'(?P<mins>\d{1}):"),
           ("pytimeparse/timeparse.py", "(int(mdict['secs'], 10) if mdict['secs'] else 0))",
            "(int(mdict['secs'], 10) if mdict['secs'] else 1))")]


GANGWAY = r"""
from isodate import parse_datetime, parse_duration


class GangwayRotaError(ValueError):
    pass


SHIFTS = [("Aonghas", "2028-02-27T22:00:00+01:00", "P1DT6H"), ("Beatrix", "2028-02-28T20:00:00-02:00", "PT9H"),
          ("Calum", "2100-01-31T18:00:00Z", "P1M"), ("Dagny", "2027-10-31T07:00:00+00:00", "P1M")]


def hand_over(rota):
    return [(name, parse_datetime(start) + parse_duration(length)) for name, start, length in rota]


def rota_report(rota):
    try:
        return [f"{name}: off at {end.isoformat()}" for name, end in hand_over(rota)]
    except ValueError as exc:
        raise GangwayRotaError(f"gangway rota for {len(rota)} watchkeepers has a hand-over on no real day") from exc


print("\n".join(rota_report(SHIFTS)))
"""

WATCHKEEPER = r"""
from pytimeparse.timeparse import timeparse

LOGGED = {"bosun": "1 week 2 days", "cook": "3:45:10", "deckhand": "12:30", "engineer": "2.5 hours",
          "purser": "a fortnight"}


def watch_hours(entries):
    return {who: round(timeparse(text) / 3600, 2) for who, text in entries.items()}


def roster(entries):
    try:
        return watch_hours(entries)
    except TypeError as exc:
        raise RuntimeError(f"watchkeeper roster: {len(entries)} entries, one unreadable") from exc


for who, hours in sorted(roster(LOGGED).items()):
    print(f"{who:10} {hours:8.2f} h")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / ISO, ISO_BUGS)
    put_bugs(tmp / PT, PT_BUGS)
    (tmp / ISO / "gangway_rota.py").write_text(GANGWAY)
    (tmp / PT / "watchkeeper.py").write_text(WATCHKEEPER)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict pytimeparse watchkeeper.py >/dev/null 2>&1; true", cwd=tmp / PT, timeout=900)
    history(tmp, SRC, "isodate", ISO, ["src/isodate/duration.py", "src/isodate/isotzinfo.py", "tests/test_duration.py"],
            [("Fenella Grant", "fenella@example.org"), ("Ibrahim Sesay", "ibrahim@example.org"),
             ("Lotte Brandt", "lotte@example.org")], 24201, 30, ISO_BUGS)
    history(tmp, SRC, "pytimeparse", PT, ["pytimeparse/timeparse.py", "pytimeparse/tests/testtimeparse.py"],
            [("Ottilie Varga", "ottilie@example.org"), ("Rangi Parata", "rangi@example.org"),
             ("Tomasz Wrona", "tomasz@example.org")], 24202, 25, PT_BUGS)


THOLE = r"""'use strict';
// thole: rowing sums for a gig club (oar lengths, stroke rates, seat charts).

function oarLength(spanCm, gearPct, turns) {
  const gear = spanCm * gearPct / 100;
  const length = Math.sqrt(spanCm * spanCm + 4 * gear * gear) + turns * 1.5;
  return Math.round(length * 100) / 100;
}

function splitToMs(spm) {
  return Math.round(spm * 0.48 * 1000) / 1000;
}

function rateBand(spm) {
  const limits = [14, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 40];
  for (let i = 0; i < limits.length; i++) {
    if (spm < limits[i]) {
      return i;
    }
  }
  return 12;
}

function crewLabel(line, size) {
  const words = String(line).trim().split(/\s+/).filter(Boolean);
  const tag = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('-');
  return `${tag}/${size}cm`;
}

function bladeArea(lengthCm, blade) {
  const factor = {macon: 0.62, smoothie: 0.71, cleaver: 0.83, spoon: 0.55}[blade];
  if (factor === undefined) {
    throw new RangeError(`unknown blade shape: ${blade}`);
  }
  return Math.round(lengthCm * lengthCm * factor * 10) / 10;
}

function seatChart(crew, seats) {
  const bill = Array.from({length: seats}, () => []);
  crew.forEach((name, i) => bill[i % seats].push(name));
  return bill.map((names, w) => `seat ${w + 1}: ${names.join(', ')}`);
}

module.exports = {oarLength, splitToMs, rateBand, crewLabel, bladeArea, seatChart};
"""

# thole: the oar length adding the turns' allowance only once; rateBand one band high at each limit; a crew label
# keeping the words' own case; cleaver's factor mistyped.
TH_BUGS = [("thole.js", "+ turns * 1.5;", "+ 1.5;"),
           ("thole.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("thole.js", "w[0].toUpperCase() + w.slice(1).toLowerCase()", "w[0].toUpperCase() + w.slice(1)"),
           ("thole.js", "cleaver: 0.83", "cleaver: 0.38")]

FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const r = createRequire(import.meta.url)('./lib/thole.js');
let seed = 24203;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['bow', 'STROKE', 'cox', 'Gig', 'pilot', 'sweep', 'Scull', 'thwart', 'loom', 'BLADE', 'rigger',
  'gate', 'button', 'Catch', 'feather', 'rowlock'];
const crew = ['Mairi', 'Nuno', 'Orla', 'Piet', 'Quilla', 'Rhys', 'Saoirse', 'Teo', 'Una', 'Vik', 'Wren', 'Yusuf'];
const cases = [];
for (let i = 0; i < 240; i++) {
  const fn = ['oarLength', 'splitToMs', 'rateBand', 'crewLabel', 'bladeArea', 'seatChart'][i % 6];
  let args;
  if (fn === 'oarLength') args = [180 + Math.floor(rnd() * 220), Math.floor(rnd() * 12), Math.floor(rnd() * 6)];
  if (fn === 'splitToMs') args = [Math.floor(rnd() * 600) / 10];
  if (fn === 'rateBand') args = [pick([12, 14, 16, 18, 19, 20, 22, 23, 24, 26, 28, 29, 30, 32, 34, 35, 36, 40, 41, 44])];
  if (fn === 'crewLabel') args = [Array.from({length: 1 + Math.floor(rnd() * 3)}, () => pick(words)).join(' '), pick([1, 2, 4, 6, 8])];
  if (fn === 'bladeArea') args = [pick([48, 50, 52, 54, 56, 58]), pick(['macon', 'smoothie', 'cleaver', 'spoon'])];
  if (fn === 'seatChart') args = [crew.slice(0, 3 + Math.floor(rnd() * 9)), 2 + Math.floor(rnd() * 3)];
  cases.push({fn, args, want: r[fn](...args)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import r from '../lib/thole.js';\n\n";
cases.forEach((c, i) => {
  const label = JSON.stringify(c.args).replace(/'/g, '').slice(0, 60);
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.deepEqual(r.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/oars.test.mjs', out);
"""

APP = """var r = require('./thole.js');

function outingPlan(legs, fleet) {
  var lines = [];
  for (var k in legs) {
    const unused = k.length;
    if (legs[k] == null) continue
    var leg = legs[k];
    lines.push(leg.from + ' to ' + leg.to + ': band ' + r.rateBand(leg.wind) + ', ' + r.splitToMs(leg.wind) + ' m/s');
  }
  let plan = lines.join('\\n');
  if (plan.length == 0) {
    return 'No outing planned';
  } else {
    return plan + '\\n' + r.seatChart(fleet.crew, fleet.seats).join('\\n') + '\\n' + r.crewLabel(fleet.line, fleet.size) + 1;
  }
}

module.exports = {outingPlan: outingPlan};
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
    root = tmp / "thole"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "thole", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/outing-plan.js": APP,
                      "lib/thole.js": THOLE,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in TH_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def gam(text: str) -> str:
    return (text.replace("WEIRKEEPER", "GAMMON").replace("weirkeeper", "gammon").replace("weir", "rowl")
            .replace("sluice", "lashing").replace("gate_t", "lash_t").replace("gates", "lashings").replace("level_cm", "turns_n")
            .replace("tide", "heave"))


def c_project(tmp: Path) -> None:
    root = tmp / "gammon"
    rnd = random.Random(24204)
    files = {"src/gammon.h": gam(n191.SKIFF_H), "src/ledger.c": gam(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/rowl_{k:02d}.c"] = gam(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: gammon\n\n"
                         "gammon: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/gammon.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build gammon\n")
    write_tree(root, files)


def stem(text: str) -> str:
    return (text.replace("plumbline", "stemson").replace("Plumb-line survey", "Stemson scarf log")
            .replace("offset_per_m", "scarf_per_m").replace("station_penalty", "joint_penalty")
            .replace("readings", "scarfs").replace("reading", "scarf").replace("station", "joint"))


def rust(tmp: Path) -> None:
    root = tmp / "stemson"
    rnd = random.Random(24205)
    write_tree(root, {"Cargo.toml": stem(n191.CARGO).replace("0.3.4", "0.2.7"), "src/lib.rs": stem(n191.LIB),
                      "src/broken.rs": stem(n191.BROKEN), "src/scarfs.rs": stem(n191.gen_readings(rnd, 180))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "jackstay.log", 24206, 1500, ["jackstay.winch", "jackstay.sheave", "jackstay.api", "jackstay.store"], {
        "INFO": lambda r: f"sail {r.randint(1, 6)} hoisted to {r.randint(40, 100)}% in {r.randint(20, 180)} s",
        "DEBUG": lambda r: f"load cell poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"sheave {r.randint(1, 6)} running hot at {r.randint(45, 80)} C, speed cut",
        "ERROR": lambda r: f"winch {r.randint(1, 4)} clutch slipped under {r.randint(300, 900)} kg"}, 6300, "2026-11-30")
    app_log(d / "oarlock.log", 24207, 1700, ["oarlock.pump", "oarlock.valve", "oarlock.api", "oarlock.db"], {
        "INFO": lambda r: f"pump {r.randint(1, 4)} cleared {r.randint(20, 400)} l from bilge {r.randint(1, 6)}",
        "DEBUG": lambda r: f"float switch sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"bilge {r.randint(1, 6)} level {r.randint(12, 40)} cm above mark",
        "ERROR": lambda r: f"valve {r.randint(1, 4)} stuck open for {r.randint(3, 25)} s"}, 8200, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
