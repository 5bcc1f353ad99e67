"""Round 55's project, `hivelog` (an apiary's hive-inspection service), written here with problems put in and widened
by seeded generators, and its steps. Every extractor is round 38's or round 31's, imported (NEEDLES.md "Round 55":
no new rules). Run through capture_wide55.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide38_py import (N_CMAKE_LINT, N_DOCSTRING_FIRST, N_GITLINT, N_MDFORMAT, N_PIP_CHECK_REQS,
                               N_PY_COMPILE, N_PYKWALIFY, N_TAPLO_CHECK, N_TRYCERATOPS, N_WRITE_GOOD)
from capture_wide31_js import N_ATTW, N_JEST_COVERAGE, N_WEBPACK_JSON
from capture_wide31_py import N_DJLINT, N_PDM_LIST
from capture_wide55 import cap

YARDS = ["orchard", "heath", "meadow", "allotment", "rooftop", "churchyard", "vineyard", "moorland", "riverbank"]
PESTS = ["varroa", "wax_moth", "small_hive_beetle", "chalkbrood", "nosema", "foulbrood", "wasps"]
THIRD = ["requests", "pyyaml", "numpy", "click", "rich", "httpx", "pydantic", "sqlalchemy"]
NOCOLOR = {"NO_COLOR": "1", "TERM": "dumb"}


def smelly(k: int, rnd: random.Random) -> str:
    """A generated inspection module full of exception-handling smells (tryceratops' TRY codes)."""
    y, p = YARDS[k % len(YARDS)], PESTS[k % len(PESTS)]
    out = [f'"""Inspections of the {y} yard: {p} counts."""', "import logging", "import json", "",
           "log = logging.getLogger(__name__)", ""]
    for j in range(rnd.randint(3, 6)):
        n = f"{p}_{j}"
        out += [f"def check_{n}(frames):",
                "    try:",
                f"        mites = int(frames[{j}]['{p}'])",
                "        if mites < 0:",
                f"            raise Exception(f'negative {p} count {{mites}} on frame {j} of the {y} yard')",
                "        return mites / len(frames)",
                "    except ValueError as e:",
                f"        log.error('bad count in {y}: %s', e)",
                "        raise e",
                "    except KeyError:",
                f"        raise RuntimeError('frame {j} has no {p} column')",
                "",
                f"def load_{n}(path):",
                "    try:",
                "        with open(path) as fh:",
                "            data = json.load(fh)",
                "        return data",
                "    except Exception as exc:",
                f"        log.error('could not load %s', path)" if j % 2 else "        log.exception(exc)",
                "        return None", ""]
    return "\n".join(out) + "\n"


DOC_FIRST_BAD = [
    'import os\n"""Module docstring after an import."""\n\nROOT = os.getcwd()\n',
    '"""Queen records."""\n"""A second docstring by mistake."""\n\nQUEENS = {}\n',
    '# swarm alerts\nfrom __future__ import annotations\n\n"""Swarm alert rules."""\n\nLIMIT = 3\n',
    '"""Honey yields."""\n\nYIELD_KG = 12.5\n\n"""Stray string that reads like a docstring."""\n',
]


def broken(k: int) -> str:
    """A half-edited module; some break compilation."""
    y = YARDS[k % len(YARDS)]
    shapes = [f"def weight_{k}(frames):\n    total = sum(f.kg for f in frames\n    return total\n",
              f"def brood_{k}(frames):\n    for f in frames:\n        if f.eggs\n            yield f\n",
              f"def temper_{k}(notes):\n    return {{n: 'calm' for n in notes]\n",
              f"class Hive{k}:\n    def __init__(self):\n        self.yard = '{y}'\n   self.frames = []\n",
              f"def feed_{k}(hive):\n    print 'feeding', hive\n",
              f"def ok_{k}():\n    return '{y}'\n"]
    return f'"""Hive notes for the {y} yard."""\n\n' + shapes[k % len(shapes)]


def project(root: Path, seed: int = 5501) -> Path:
    rnd = random.Random(seed)
    files = {}
    for k in range(34):
        files[f"src/hivelog/inspect_{k:02d}.py"] = smelly(k, rnd)
    for k, body in enumerate(DOC_FIRST_BAD * 3):
        files[f"src/hivelog/records_{k:02d}.py"] = body.replace("= {}", f"= {{'n': {k}}}")
    for k in range(14):
        files[f"wip/notes_{k:02d}.py"] = broken(k)
    imports = ["import requests", "import yaml", "import numpy as np", "from rich.console import Console",
               "import httpx", "import pandas", "import boto3", "from flask import Flask", "import attr"]
    for k in range(40):
        files[f"src/hivelog/sync_{k:02d}.py"] = '"""Sync to the co-op server."""\n' + "\n".join(
            imports[(k + j) % len(imports)] for j in range(5)) + "\n"
    files["requirements.txt"] = "\n".join(THIRD + ["six", "colorama", "tqdm"]) + "\n"
    write_tree(root, files)
    return root


def configs(root: Path, seed: int = 5502) -> None:
    rnd = random.Random(seed)
    hives = []
    for k in range(70):
        h = {"id": f"H{k:03d}", "yard": YARDS[k % len(YARDS)], "frames": rnd.randint(6, 12),
             "queen": {"year": rnd.choice([2022, 2023, 2024, 2025]), "marked": rnd.choice(["yes", "no"])},
             "temper": rnd.choice(["calm", "nervous", "defensive"])}
        if k % 7 == 3:
            h["frames"] = "ten"
        if k % 11 == 5:
            h["temper"] = "grumpy"
        if k % 13 == 8:
            del h["yard"]
        if k % 9 == 4:
            h["queen"]["year"] = 1999
        if k % 17 == 2:
            h["colour"] = "blue"
        hives.append(h)
    lines = ["hives:"]
    for h in hives:
        lines.append(f"  - id: {h['id']}")
        for key in ("yard", "frames", "temper", "colour"):
            if key in h:
                lines.append(f"    {key}: {h[key]}")
        lines.append(f"    queen:\n      year: {h['queen']['year']}\n      marked: {h['queen']['marked']}")
    schema = """type: map
mapping:
  hives:
    type: seq
    required: true
    sequence:
      - type: map
        mapping:
          id: {type: str, required: true, pattern: "^H[0-9]{3}$"}
          yard: {type: str, required: true, enum: [orchard, heath, meadow, allotment, rooftop, churchyard, vineyard, moorland, riverbank]}
          frames: {type: int, range: {min: 4, max: 12}}
          temper: {type: str, enum: [calm, nervous, defensive]}
          queen:
            type: map
            mapping:
              year: {type: int, range: {min: 2018, max: 2026}}
              marked: {type: bool}
"""
    files = {"config/hives.yaml": "\n".join(lines) + "\n", "config/hives.kwalify.yaml": schema,
             "config/hives-small.yaml": "\n".join(lines[:60]) + "\n"}
    for k in range(10):
        y = YARDS[k % len(YARDS)]
        body = f'[yard]\nname = "{y}"\nhives = {rnd.randint(2, 30)}\n\n[yard.owner]\nname = "Owner {k}"\n'
        if k % 3 == 0:
            body += 'phone = "0123 456"\nphone = "0987 654"\n'
        if k % 4 == 1:
            body += '[forage\nplants = ["clover", "lime"]\n'
        if k % 5 == 2:
            body += 'opened = 2024-13-45\n'
        if k % 3 == 1:
            body += 'notes = "unterminated\n'
        files[f"config/yards/{y}_{k}.toml"] = body
    files["CMakeLists.txt"] = cmake(rnd)
    write_tree(root, files)


def cmake(rnd: random.Random) -> str:
    out = ["cmake_minimum_required(VERSION 3.10)", "PROJECT(hive_scale C)", "", "set(CMAKE_C_STANDARD 99)"]
    for k in range(30):
        name = f"sensor_{YARDS[k % len(YARDS)]}_{k}"
        if k % 3 == 0:
            out.append(f"ADD_LIBRARY({name} STATIC src/{name}.c src/common.c)")
        else:
            out.append(f"add_library( {name}  STATIC src/{name}.c )")
        if k % 4 == 1:
            out.append(f"target_link_libraries({name} m)   ")
        if k % 5 == 2:
            out.append(f"if({name}_DEBUG)\n  message(STATUS \"debug build of {name}\")\nendif({name}_DEBUG)")
        if k % 6 == 3:
            out.append(f"set(hiveVar{k} ON)\nset(HIVE_{k}_DIR \"${{CMAKE_SOURCE_DIR}}/firmware/yards/{name}/"
                       f"calibration/tables/very/long/path/that/exceeds/the/line/limit\")")
        if k % 7 == 4:
            out.append(f"function(Configure_{k} arg)\n  set(LOCALTHING ${{arg}})\nendfunction()")
    out.append("add_executable(hive_scale src/main.c)\n\n\n")
    return "\n".join(out) + "\n"


PROSE = [
    "The hive was inspected by the volunteers and it was found that the queen was basically missing.",
    "It is very important that frames are obviously checked for varroa mites every single week.",
    "Smoke should be applied gently so that the bees are not agitated, which is easily done.",
    "There are many beekeepers who only check the brood box when the weather is really warm.",
    "The honey was extracted by the team and it was noted that the yield was extremely low.",
    "Swarm cells are usually built along the bottom bars, so it is just a matter of looking.",
    "In order to requeen a colony, the old queen is removed and a new one is introduced in a cage.",
    "Feeding is done with syrup and it is generally considered that this is fairly effective.",
]


def docs(root: Path, seed: int = 5503) -> None:
    rnd = random.Random(seed)
    files = {}
    for k in range(36):
        y = f"{YARDS[k % len(YARDS)]}_{k:02d}"
        parts = [f"{y.title()} yard\n=====\n", f"* hives: {rnd.randint(2, 20)}\n+ owner: member {k}\n"]
        for j in range(rnd.randint(4, 9)):
            parts.append(f"Inspection {j}\n-----\n" + " ".join(rnd.sample(PROSE, 3)) + "\n")
            parts.append(f"1) check {PESTS[j % len(PESTS)]}\n2) weigh the super\n")
        files[f"docs/yards/{y}.md"] = "\n".join(parts)
    files["docs/index.md"] = "# Hivelog\n\nSee the yards.\n"
    write_tree(root, files)


MESSAGES = [
    "fixed varroa count", "wip", "Added the heath yard and moved three colonies from the meadow because of the "
    "new oilseed rape fields", "feat: weigh supers", "update.", "Merge branch 'queens'", "misc",
    "Fix: swarm alert\nsecond line without a blank", "tests", "docs", "\tindented subject line", "FIX THE SCALE!!!",
    "refactor queen records\n\nThe queen table now keeps the marking colour and the year she was introduced, and "
    "we also store the breeder's name, which the inspectors asked for at the last meeting of the association.",
    "Revert \"weigh supers\"", "temp commit. ",
]


def history(root: Path, n: int = 75, seed: int = 5504) -> Path:
    rnd = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    run("git init -q -b main && git config user.name 'Bea Keeper' && git config user.email bea@hivelog.example",
        cwd=root)
    for k in range(n):
        (root / f"log_{k % 7}.txt").write_text(f"inspection {k} {rnd.random()}\n" * (k % 3 + 1))
        msg = MESSAGES[k % len(MESSAGES)] if k % 4 else rnd.choice(MESSAGES)
        (root / ".msg").write_text(msg + "\n")
        run(f"git add log_{k % 7}.txt && git commit -q -F .msg --cleanup=verbatim "
            f"--date '2026-0{1 + k % 9}-2{k % 8}T09:30:00'",
            cwd=root, env={"GIT_COMMITTER_DATE": f"2026-0{1 + k % 9}-2{k % 8}T09:30:00"})
    (root / ".msg").unlink()
    return root


def py_step(tmp: Path) -> None:
    root = project(tmp / "hivelog")
    cap("tryceratops-inspect-0-11", "tryceratops src/hivelog/inspect_0*.py src/hivelog/inspect_1[01].py", root,
        N_TRYCERATOPS)
    cap("tryceratops-src-head-80", "tryceratops src/hivelog | head -n 80", root, N_TRYCERATOPS)
    cap("tryceratops-src-tail-60", "tryceratops src/hivelog 2>&1 | tail -n 60", root, N_TRYCERATOPS)
    cap("check-docstring-first-records", "check-docstring-first src/hivelog/records_*.py; echo EXIT=$?", root,
        N_DOCSTRING_FIRST)
    cap("check-docstring-first-all-head-80", "check-docstring-first src/hivelog/*.py 2>&1 | head -n 80", root,
        N_DOCSTRING_FIRST)
    cap("py-compile-loop-wip", 'for f in wip/*.py; do python3 -m py_compile "$f" || echo "FAILED: $f"; done', root,
        N_PY_COMPILE, typed='for f in wip/*.py; do python -m py_compile "$f" || echo "FAILED: $f"; done')
    cap("py-compile-loop-exit", 'for f in wip/*.py; do python3 -m py_compile "$f"; done; echo EXIT=$?', root,
        N_PY_COMPILE, typed='for f in wip/*.py; do python -m py_compile "$f"; done; echo EXIT=$?')
    cap("pip-check-reqs-both", "pip-missing-reqs src/hivelog; pip-extra-reqs src/hivelog; echo EXIT=$?", root,
        N_PIP_CHECK_REQS)
    cap("pip-missing-reqs-src", "pip-missing-reqs --requirements-file requirements.txt src/hivelog", root,
        N_PIP_CHECK_REQS)


def config_step(tmp: Path) -> None:
    root = tmp / "hivelog"
    configs(root)
    cap("pykwalify-hives", "pykwalify -d config/hives.yaml -s config/hives.kwalify.yaml", root, N_PYKWALIFY)
    cap("pykwalify-hives-small-exit", "pykwalify -d config/hives-small.yaml -s config/hives.kwalify.yaml; "
        "echo EXIT=$?", root, N_PYKWALIFY)
    cap("taplo-check-yards", "taplo check config/yards/*.toml", root, N_TAPLO_CHECK)
    cap("taplo-check-yards-head-80", "taplo check config/yards/*.toml 2>&1 | head -n 80", root, N_TAPLO_CHECK)
    cap("cmake-lint-lists", "cmake-lint CMakeLists.txt", root, N_CMAKE_LINT)
    cap("cmake-lint-lists-exit", "cmake-lint CMakeLists.txt; echo EXIT=$?", root, N_CMAKE_LINT)


def prose_step(tmp: Path) -> None:
    root = tmp / "hivelog"
    docs(root)
    cap("mdformat-check-docs", "mdformat --check docs; echo EXIT=$?", root, N_MDFORMAT)
    cap("mdformat-check-yards-exit", "mdformat --check docs/yards; echo EXIT=$?", root, N_MDFORMAT)
    cap("write-good-yards-three", "write-good docs/yards/heath_01.md docs/yards/meadow_02.md docs/yards/orchard_09.md", root, N_WRITE_GOOD)
    cap("write-good-yards-tail-60", "write-good docs/yards/*.md | tail -n 60", root, N_WRITE_GOOD)


def git_step(tmp: Path) -> None:
    hist = history(tmp / "hist")
    cap("gitlint-commits-60", "gitlint --commits HEAD~60..HEAD", hist, N_GITLINT)
    cap("gitlint-commits-70-tail-60", "gitlint --commits HEAD~70..HEAD 2>&1 | tail -n 60", hist, N_GITLINT)


TEMPLATES = {
    "base.html": "<!DOCTYPE html>\n<html>\n<head><title>{{ title }}</title>\n<script src=\"/js/app.js\"></script>"
                 "\n</head>\n<body>\n<div class=\"nav\"><a href=\"/\">Home</a></div>\n{% block content %}"
                 "{% endblock %}\n</body>\n</html>\n",
}


def template(k: int, rnd: random.Random) -> str:
    y = YARDS[k % len(YARDS)]
    rows = "\n".join(f"  <tr><td>{{{{ h.id }}}}</td><td style=\"color:red\">{{{{h.frames}}}}</td>"
                     f"<td><img src=\"/img/{y}_{j}.png\"></td></tr>" for j in range(rnd.randint(3, 8)))
    return (f"{{% extends 'base.html' %}}\n{{% block content %}}\n<H2>{y} yard</H2>\n<table>\n"
            f"{{% for h in hives %}}\n{rows}\n{{% endfor %}}\n</table>\n<a href=\"#\" onclick=\"weigh()\">weigh</a>\n"
            f"<form action=\"/yards/{y}\" method=\"POST\"><input type=\"text\" name=\"note\"></form>\n"
            f"{{% endblock %}}\n")


def web_step(tmp: Path) -> None:
    root = tmp / "hivelog"
    rnd = random.Random(5505)
    files = {f"templates/{k}": v for k, v in TEMPLATES.items()}
    for k in range(16):
        files[f"templates/yards/yard_{k:02d}.html"] = template(k, rnd)
    write_tree(root, files)
    cap("djlint-lint-templates", "djlint templates --lint 2>&1", root, N_DJLINT, timeout=300)
    cap("djlint-lint-yards-tail-60", "djlint templates/yards --lint 2>&1 | tail -n 60", root, N_DJLINT, timeout=300)
    p = tmp / "pdmapp"
    write_tree(p, {"pyproject.toml": '[project]\nname = "hivelog-sync"\nversion = "0.3.0"\nrequires-python = ">=3.10"\n'
                   'dependencies = ["requests", "pyyaml", "click", "rich", "attrs", "httpx", "pydantic", "jinja2", "python-dateutil"]\n\n[tool.pdm]\ndistribution = false\n'})
    # an in-project venv of the system python, so pdm never picks up a venv found on PATH
    run("/usr/bin/python3 -m venv .venv && pdm use -f .venv/bin/python && pdm install -q 2>&1", cwd=p, env=NOCOLOR,
        timeout=500)
    cap("pdm-list-sync", "pdm list --fields name,version,licenses 2>&1", p, N_PDM_LIST, env=NOCOLOR)
    cap("pdm-list-sync-default", "pdm list 2>&1", p, N_PDM_LIST, env=NOCOLOR)


JS_SRC = '''function honeyYield(supers, kgPerSuper) {
  if (!Array.isArray(supers)) throw new TypeError('supers must be an array');
  return supers.reduce((t, s) => t + (s.full ? kgPerSuper : kgPerSuper / 3), 0);
}
function mitesPerHundred(count, sample) {
  return Math.round(count / sample * 10) / 10;
}
function treatmentNeeded(rate, month) {
  if (month >= 8) return rate > 2;
  return rate >= 3;
}
function swarmRisk(cells, space) {
  if (cells > 3 && space < 2) return 'high';
  if (cells > 0) return 'medium';
  return 'low';
}
function unused(a) { return a * 2; }
module.exports = { honeyYield, mitesPerHundred, treatmentNeeded, swarmRisk, unused };
'''

JS_TEST = '''const h = require('../src/hive');
test('yield of full supers', () => { expect(h.honeyYield([{full: true}, {full: true}], 12)).toBe(24); });
test('yield of partial supers', () => { expect(h.honeyYield([{full: false}], 12)).toBe(3); });
test('mite rate rounds', () => { expect(h.mitesPerHundred(7, 300)).toBe(2.4); });
test('treatment in august', () => { expect(h.treatmentNeeded(2, 8)).toBe(true); });
test('swarm risk high', () => { expect(h.swarmRisk(4, 1)).toBe('high'); });
test('swarm risk none', () => { expect(h.swarmRisk(0, 5)).toBe('none'); });
'''


def js_step(tmp: Path) -> None:
    j = tmp / "hive-js"
    rnd = random.Random(5506)
    files = {"src/hive.js": JS_SRC, "test/hive.test.js": JS_TEST,
             "package.json": json.dumps({"name": "hive-js", "version": "1.0.0", "main": "src/hive.js",
                                         "jest": {"collectCoverageFrom": ["src/**/*.js"]}}, indent=2)}
    for k in range(14):
        y = YARDS[k % len(YARDS)]
        fns = "\n".join(f"function f{i}(x) {{ if (x > {i}) {{ return x - {i}; }} return {i}; }}"
                        for i in range(rnd.randint(4, 12)))
        files[f"src/yards/{y}_{k}.js"] = fns + f"\nmodule.exports = {{ f0, f1, f2, f3 }};\n"
        if k % 3 == 0:
            files[f"test/{y}_{k}.test.js"] = (f"const m = require('../src/yards/{y}_{k}');\n"
                                             f"test('{y} f1', () => {{ expect(m.f1(5)).toBe(4); }});\n"
                                             f"test('{y} f2', () => {{ expect(m.f2(1)).toBe({k}); }});\n")
    write_tree(j, files)
    cap("jest-coverage-hive", "jest --coverage --ci 2>&1", j, N_JEST_COVERAGE, timeout=300,
        typed="npx jest --coverage --ci 2>&1")
    cap("jest-coverage-hive-tail-60", "jest --coverage --ci 2>&1 | tail -n 60", j, N_JEST_COVERAGE, timeout=300,
        typed="npx jest --coverage --ci 2>&1 | tail -n 60")
    w = tmp / "hive-web"
    big = "\n".join(f"export const frame{i} = {{hive: 'H{i:03d}', kg: {i * 0.71:.2f}, note: 'frame weight "
                    f"{i} {'b' * 50}'}};" for i in range(120))
    write_tree(w, {"webpack.config.js": "const path = require('path');\nmodule.exports = {\n  mode: 'production',\n"
                   "  entry: { dash: './src/dash.js', scale: './src/scale.js' },\n  output: { path: path.resolve("
                   "__dirname, 'dist'), filename: '[name].[contenthash:8].js' },\n  performance: { hints: 'warning', "
                   "maxAssetSize: 15000, maxEntrypointSize: 20000 },\n};\n",
                   "src/frames.js": big,
                   "src/dash.js": "import * as frames from './frames';\nimport { honey } from './yield';\n"
                                  "import chart from 'chart.js';\nconsole.log(Object.keys(frames).length, honey, chart);\n",
                   "src/yield.js": "export const honey = (s) => s * 12;\n",
                   "src/scale.js": "import { honey } from './yield';\nimport { tare } from './tare';\n"
                                   "const w = honey(3;\nconsole.log(w, tare);\n",
                   "package.json": '{"name": "hive-web", "version": "1.0.0"}\n'})
    cap("webpack-json-hive-web", "webpack --json 2>&1 | jq .", w, N_WEBPACK_JSON, timeout=300,
        typed="npx webpack --json 2>&1 | jq .")
    cap("webpack-json-hive-web-head-80", "webpack --json 2>/dev/null | jq . | head -n 80", w, N_WEBPACK_JSON,
        timeout=300, typed="npx webpack --json 2>/dev/null | jq . | head -n 80")
    a = tmp / "hive-types"
    write_tree(a, {"package.json": json.dumps({
        "name": "hive-types", "version": "0.2.0", "main": "./lib/index.js", "types": "./lib/index.d.ts",
        "exports": {".": {"require": "./lib/index.js", "import": "./lib/index.mjs", "types": "./lib/index.d.ts"},
                    "./queens": {"import": "./lib/queens.mjs"},
                    "./legacy": {"types": "./lib/legacy.d.ts", "default": "./lib/legacy.js"}}}, indent=2),
                   "lib/index.js": "exports.frames = (h) => h.frames;\n",
                   "lib/index.mjs": "export const frames = (h) => h.frames;\n",
                   "lib/index.d.ts": "export declare const frames: (h: {frames: number}) => number;\n",
                   "lib/queens.mjs": "export const queens = [];\n",
                   "lib/legacy.js": "module.exports = { old: 1 };\n",
                   "lib/legacy.d.ts": "export declare const old: number;\n"})
    run("npm pack -q 2>&1", cwd=a)
    cap("attw-hive-types-tgz", "attw hive-types-0.2.0.tgz 2>&1", a, N_ATTW, timeout=300)
    cap("attw-hive-types-pack-exit", "attw --pack . 2>&1; echo EXIT=$?", a, N_ATTW, timeout=300)


STEPS = [py_step, config_step, prose_step, git_step, web_step, js_step]
