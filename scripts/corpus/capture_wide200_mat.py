"""Round 200, the material both agents work in (no item is captured here): humanfriendly's and nameparser's sdists
with bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in
steps, the titlekit project (title-case under a generated node --test suite whose expectations come from the unbroken
package, eslint, tsc), a C project (`loomtally`) and a Rust crate (`ropewalk`) written here on round 191's generators
with other names and seeds, a CSV and a sqlite table of this machine's manual pages and two application logs.
Run through capture_wide200.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide200 import JS, SRC, VENV

HF, NP = "humanfriendly-10.0", "nameparser-2.6.0"

# humanfriendly: 'on' is no longer a true boolean; exactly one binary unit (1024 bytes) stays in bytes; a count below
# one takes the singular.
HF_BUGS = [("humanfriendly/__init__.py", "if normalized in ('1', 'yes', 'true', 'on'):",
            "if normalized in ('1', 'yes', 'true'):"),
           ("humanfriendly/__init__.py", "if num_bytes >= unit.binary.divider and binary:",
            "if num_bytes > unit.binary.divider and binary:"),
           ("humanfriendly/text.py", "return singular if float(count) == 1.0 else plural",
            "return singular if float(count) <= 1.0 else plural")]
# nameparser: a roman-numeral suffix title-cased instead of capitalized; only the first full stop of a word divides
# it into chunks; 'jr' no longer in the suffix vocabulary.
NP_BUGS = [("nameparser/_render.py", "    if role is Role.SUFFIX and _ROMAN.match(normalized):\n        return word.upper()",
            "    if role is Role.SUFFIX and _ROMAN.match(normalized):\n        return word.capitalize()"),
           ("nameparser/_render.py", 'return ".".join(_title_chunk(chunk) for chunk in word.split("."))',
            'return ".".join(_title_chunk(chunk) for chunk in word.split(".", 1))'),
           ("nameparser/config/_compiled.py", "    'jr',\n", "")]


KILN = r"""
from humanfriendly import coerce_boolean, format_size, format_timespan


class FiringConfigError(Exception):
    pass


def flag(name, text):
    try:
        return coerce_boolean(text)
    except ValueError as exc:
        raise FiringConfigError(f"kiln setting {name}={text!r} is not a yes/no value") from exc


SETTINGS = {"vent": "yes", "hold": "1", "slow_cool": "true", "cone_pack": "on", "log_to_sd": "off"}
for name, text in SETTINGS.items():
    print(f"{name:10} -> {flag(name, text)}")
print("log size", format_size(1024, binary=True), "ramp", format_timespan(5400))
"""

ROSTER = r"""
from nameparser import HumanName


class RosterError(Exception):
    pass


def surname(full):
    name = HumanName(full)
    if not name.last:
        raise RosterError(f"no surname in {full!r}")
    return name.last


for full in ["Dr. Juan Q. Xavier de la Vega III", "mary o'neil-smith, jr.", "Sir Ranulph Fiennes",
             "Ng", "ROSA PARKS", "  ", "Prof. Otto von Bismarck"]:
    try:
        print(f"{full!r:40} -> {surname(full)}")
    except RosterError as exc:
        raise RuntimeError("roster import stopped at line " + str(full.count(' '))) from exc
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / HF, HF_BUGS)
    put_bugs(tmp / NP, NP_BUGS)
    (tmp / HF / "kiln_settings.py").write_text(KILN)
    (tmp / NP / "roster_import.py").write_text(ROSTER)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict nameparser >/dev/null 2>&1; true", cwd=tmp / NP, timeout=900)
    history(tmp, SRC, "humanfriendly", HF, ["humanfriendly/text.py", "humanfriendly/tables.py", "humanfriendly/__init__.py"],
            [("Aino Korhonen", "aino@example.org"), ("Bram de Klerk", "bram@example.org"),
             ("Carmen Lozano", "carmen@example.org")], 20001, 30, HF_BUGS)
    history(tmp, SRC, "nameparser", NP, ["nameparser/_render.py", "nameparser/_parser.py", "tests/test_suffixes.py"],
            [("Priya Nair", "priya@example.org"), ("Tomas Reyes", "tomas@example.org"),
             ("Yuki Sato", "yuki@example.org")], 20002, 40, NP_BUGS)


FIXTURES = r"""
import fs from 'node:fs';
import {titleCase} from 'title-case';
let seed = 20003;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['the', 'signal', 'box', 'of', 'north', 'yard', 'and', 'a', 'points/crossing', 'lever-frame', 'to',
  'up', 'in', 'semaphore', 'via', 'interlocking', 'for', 'rail:', 'on', 'token', 'block', 'with', 'e.g.', 'iPhone',
  'vs', 'shunt', 'at', 'night', 'is', 'over', 'bridge/tunnel', 'per', 'route'];
const cases = [];
for (let i = 0; i < 240; i++) {
  const n = 2 + Math.floor(rnd() * 7);
  const parts = [];
  for (let k = 0; k < n; k++) parts.push(pick(words));
  const input = parts.join(' ');
  const options = i % 7 === 3 ? {sentenceCase: true} : {};
  cases.push({input, options, want: titleCase(input, options)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import {titleCase} from '../lib/index.js';\n\n";
cases.forEach((c, i) => {
  const label = c.input.replace(/['\\]/g, '').slice(0, 60);
  out += `test('case ${String(i).padStart(3, '0')}: ${label}${c.options.sentenceCase ? ' (sentence)' : ''}', () => {\n`;
  out += `  assert.equal(titleCase(${JSON.stringify(c.input)}, ${JSON.stringify(c.options)}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/title.test.mjs', out);
"""

APP = """import {titleCase, SMALL_WORDS} from './index.js';

export function boardHeading(route, stops) {
  var names = [];
  for (const i in stops) {
    const unused = i * 2;
    if (stops[i] == null) continue
    names.push(titleCase(stops[i]));
  }
  let small = SMALL_WORDS.has(route) ? route : titleCase(route);
  return small == '' ? names.join(' / ') : small + ': ' + names.join(' / ') + stops.length;
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 5], semi: "warn",
  "guard-for-in": "warn", "prefer-template": "warn", "one-var": ["warn", "never"], "no-continue": "warn",
  "no-else-return": "warn", "dot-notation": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module"}}];
"""

JS_BUGS = [("index.js", "const isFinalToken = index + token.length === input.length;",
            "const isFinalToken = index + token.length === input.length - 1;"),
           ("index.js", 'new Set(["—", "–", "-", "―", "/"])', 'new Set(["—", "–", "-", "―"])'),
           ("index.js", "isSentenceEnd = terminators.has(nextChar);", "isSentenceEnd = SENTENCE_TERMINATORS.has(nextChar);")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "titlekit"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "titlekit", "version": "0.7.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/board-heading.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/title-case/dist/index.js lib/ && sed -i '/sourceMappingURL/d' lib/index.js", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def loom(text: str) -> str:
    return (text.replace("WEIRKEEPER", "LOOMTALLY").replace("weirkeeper", "loomtally").replace("weir", "loom")
            .replace("sluice", "shed").replace("gate_t", "warp_t").replace("gates", "warps").replace("level_cm", "ends")
            .replace("tide", "pick"))


def c_project(tmp: Path) -> None:
    root = tmp / "loomtally"
    rnd = random.Random(20004)
    files = {"src/loomtally.h": loom(n191.SKIFF_H), "src/ledger.c": loom(n191.SKIFF_C)}
    for k in range(26):
        files[f"src/loom_{k:02d}.c"] = loom(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: loomtally\n\n"
                         "loomtally: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/loomtally.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build loomtally\n")
    write_tree(root, files)


def rope(text: str) -> str:
    return (text.replace("plumbline", "ropewalk").replace("Plumb-line survey", "Rope-walk tension log")
            .replace("offset_per_m", "strain_per_m").replace("station_penalty", "splice_penalty")
            .replace("readings", "strands").replace("reading", "strand").replace("station", "splice"))


def rust(tmp: Path) -> None:
    root = tmp / "ropewalk"
    rnd = random.Random(20005)
    write_tree(root, {"Cargo.toml": rope(n191.CARGO).replace("0.3.4", "0.5.0"), "src/lib.rs": rope(n191.LIB),
                      "src/broken.rs": rope(n191.BROKEN), "src/strands.rs": rope(n191.gen_readings(rnd, 170))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/man -name '*.gz' -type f -printf '%f,%h,%s,%TY-%Tm-%Td\\n' | sed 's#,/usr/share/man/#,#' "
        "| sort > man.body && (echo page,directory,bytes,modified; cat man.body) > manpages.csv && rm man.body", cwd=d)
    run("sqlite3 manpages.db '.mode csv' '.import manpages.csv pages'", cwd=d)
    app_log(d / "foundry.log", 20006, 1500, ["foundry.kiln", "foundry.glaze", "foundry.http", "foundry.store"], {
        "INFO": lambda r: f"kiln {r.randint(1, 9)} at {r.randint(600, 1280)} C, ramp {r.randint(50, 150)} C/h",
        "DEBUG": lambda r: f"thermocouple poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"kiln {r.randint(1, 9)} overshoot by {r.randint(5, 30)} C, holding",
        "ERROR": lambda r: f"kiln {r.randint(1, 9)} relay did not close after {r.randint(3, 20)} s"}, 4100, "2026-11-30")
    app_log(d / "signalbox.log", 20007, 1700, ["signalbox.levers", "signalbox.track", "signalbox.api", "signalbox.db"], {
        "INFO": lambda r: f"route {r.randint(1, 30)} set, points {r.randint(1, 60)} normal, {r.randint(0, 4)} trains",
        "DEBUG": lambda r: f"track circuit scan {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"track circuit {r.randint(1, 90)} flickered, kept last occupancy",
        "ERROR": lambda r: f"points {r.randint(1, 60)} failed to detect after {r.randint(3, 15)} s"}, 8800, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
