"""Capture round 770 of the compression corpus: test runners' reporters in formats the corpus lacked (pytest-csv,
pytest-spec, behave's json.pretty and JUnit files, Robot Framework's dotted console and xUnit file, cucumber-js's
json and summary formats, mocha's doc reporter, vitest's json and github-actions reporters, node --test's lcov
reporter, tap-summary and tap-nirvana over tape) on a wheelwright's shop written here (`wheelwright`: spokes,
felloes, naves, tyres, hubs, dishing; seed 77010) with failing, erroring, timing-out, skipped and todo tests. Needle
rules: NEEDLES.md's "Round 770" section; every kind is new, its extractor below.

Usage:   .venv/bin/python scripts/corpus/capture_wide770.py
Writes:  scripts/corpus/data/wide770.json, ids prefixed "wide770-".
Tools:   /dev/shm/hm-corpus-wide770/venv (PyPI): pytest 8.3.4, pytest-csv 3.0.0, pytest-spec 6.1.0, behave 1.3.3,
         robotframework 7.5; /dev/shm/hm-corpus-wide770/js (npm): mocha 10.8.2, vitest 3.2.7, @cucumber/cucumber
         11.3.0, tape 5.10.2, tap-summary 4.0.0, tap-nirvana 1.1.0; node v20."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import groups, kind, n_junit_xml  # noqa: E402,F401
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide770-"
DEFAULT_OUT = HERE / "data" / "wide770.json"
TOOLS = Path("/dev/shm/hm-corpus-wide770")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
TMP = Path("/dev/shm/hm-corpus-wide770-run")
SEED = 77010
PY_TOOLS = ["pytest==8.3.4", "pytest-csv==3.0.0", "pytest-spec==6.1.0", "behave==1.3.3", "robotframework==7.5"]
NPM = ["mocha@10.8.2", "vitest@3.2.7", "@cucumber/cucumber@11.3.0", "tape@5.10.2", "tap-summary@4.0.0",
       "tap-nirvana@1.1.0"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ material (seed 77010)

PARTS = ["spokes", "felloes", "naves", "tyres", "hubs", "dishing", "boxes", "axles", "rims", "linchpins"]
WORDS = ["oak", "ash", "elm", "hickory", "tenon", "mortise", "dowel", "strake", "shrink", "bond", "dish", "stagger",
         "throat", "tread", "collar", "bush", "spoke", "felloe", "nave", "tyre", "hub", "jig", "traveller", "samson",
         "drawknife", "spokeshave", "auger", "wedge", "bevel", "camber"]
ERRS = [("ValueError", "{p} {w} out of true by {n} mm"), ("KeyError", "'{w}'"),
        ("ZeroDivisionError", "division by zero"), ("TimeoutError", "{w} shrink exceeded {n}.0 s"),
        ("RuntimeError", "{p} jig jammed at {w}")]


def spec(seed: int, n_parts: int, per: tuple[int, int]) -> list[dict]:
    """The shop's parts, each with functions and tests: (name, what, x, y, k, want, err) per test."""
    rng = random.Random(seed)
    parts = []
    for p in PARTS[:n_parts]:
        fns = []
        for j in range(rng.randint(4, 7)):
            fns.append({"name": f"{rng.choice(WORDS)}_{rng.choice(WORDS)}_{j}", "k": rng.randint(2, 19),
                        "c": rng.randint(0, 40)})
        tests = []
        for j in range(rng.randint(*per)):
            f = rng.choice(fns)
            x, y = rng.randint(1, 90), rng.randint(0, 30)
            got = x * f["k"] + y + f["c"]
            what = rng.choices(["pass", "eq", "deep", "error", "skip", "todo", "timeout"],
                               [62, 11, 7, 7, 5, 4, 3])[0]
            want = got + rng.choice([-3, -1, 1, 2, 7]) if what == "eq" else got
            e = rng.choice(ERRS)
            err = (e[0], e[1].format(p=p, w=rng.choice(WORDS), n=rng.randint(1, 9)))
            tests.append({"name": f"{rng.choice(WORDS)} {rng.choice(WORDS)} {p} {j}", "what": what, "fn": f,
                          "x": x, "y": y, "want": want, "err": err,
                          "label": f"{p}-{rng.choice(WORDS)}-{j}"})
        parts.append({"part": p, "fns": fns, "tests": tests, "unused": [f for f in fns if rng.random() < 0.3]})
    return parts


def py_ident(s: str) -> str:
    return re.sub(r"\W+", "_", s).strip("_")


def write_python(root: Path, parts: list[dict]) -> None:
    pkg = root / "wheelwright"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text('"""A wheelwright\'s shop."""\n')
    (root / "tests").mkdir(exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "wheelwright"\nversion = "7.7.0"\n\n'
                                         '[tool.pytest.ini_options]\npythonpath = ["."]\n')
    for P in parts:
        src = [f'"""{P["part"]} of the wheel."""\n']
        for f in P["fns"]:
            src.append(f"\ndef {f['name']}(x, y):\n    return x * {f['k']} + y + {f['c']}\n")
        src.append("\ndef fail_with(kind, msg):\n    raise {'ValueError': ValueError, 'KeyError': KeyError,"
                   " 'ZeroDivisionError': ZeroDivisionError, 'TimeoutError': TimeoutError,"
                   " 'RuntimeError': RuntimeError}[kind](msg)\n")
        (pkg / f"{P['part']}.py").write_text("".join(src))
        t = [f"import pytest\n\nfrom wheelwright import {P['part']} as m\n"]
        for T in P["tests"]:
            n, f, w = "test_" + py_ident(T["name"]), T["fn"], T["what"]
            call = f"m.{f['name']}({T['x']}, {T['y']})"
            if w in ("pass", "eq"):
                t.append(f"\n\ndef {n}():\n    assert {call} == {T['want']}\n")
            elif w == "deep":
                t.append(f"\n\ndef {n}():\n    got = {{'part': '{P['part']}', 'size': {call}, 'wood': 'oak'}}\n"
                         f"    assert got == {{'part': '{P['part']}', 'size': {T['want'] + 4}, 'wood': 'ash'}}\n")
            elif w in ("error", "timeout"):
                k, msg = ("TimeoutError", T["err"][1]) if w == "timeout" else T["err"]
                t.append(f"\n\ndef {n}():\n    size = {call}\n    m.fail_with({k!r}, {msg!r} + f' (size {{size}})')\n")
            elif w == "skip":
                t.append(f"\n\n@pytest.mark.skip(reason='{T['label']} jig not built')\ndef {n}():\n    assert {call}\n")
            else:
                t.append(f"\n\n@pytest.mark.xfail(reason='todo: {T['label']}')\ndef {n}():\n    assert {call} == 0\n")
        (root / "tests" / f"test_{P['part']}.py").write_text("".join(t))


def write_behave(root: Path, parts: list[dict]) -> None:
    fd = root / "features"
    (fd / "steps").mkdir(parents=True, exist_ok=True)
    (fd / "steps" / "shop_steps.py").write_text('''import importlib
from behave import given, when, then


@given('the {part} bench')
def bench(ctx, part):
    ctx.m = importlib.import_module(f"wheelwright.{part}")


@when('I work {fn} with {x:d} and {y:d}')
def work(ctx, fn, x, y):
    ctx.got = getattr(ctx.m, fn)(x, y)


@then('the size is {want:d}')
def size(ctx, want):
    assert ctx.got == want, f"size {ctx.got} != {want}"


@then('it fails with {kind} "{msg}"')
def fails(ctx, kind, msg):
    ctx.m.fail_with(kind, msg)
''')
    for P in parts:
        s = [f"Feature: {P['part']} of the wheel\n  The wheelwright's {P['part']} bench.\n"]
        for T in P["tests"]:
            f, w = T["fn"], T["what"]
            tag = "  @skip\n" if w == "skip" else ""
            s.append(f"\n{tag}  Scenario: {T['name']}\n    Given the {P['part']} bench\n"
                     f"    When I work {f['name']} with {T['x']} and {T['y']}\n")
            if w in ("error", "timeout"):
                k, msg = ("TimeoutError", T["err"][1]) if w == "timeout" else T["err"]
                s.append(f"    Then it fails with {k} \"{msg.replace(chr(39), '')}\"\n")
            elif w == "todo":
                s.append(f"    Then the {P['part']} is trued on the {T['label']} jig\n")
            else:
                s.append(f"    Then the size is {T['want'] if w != 'deep' else T['want'] + 4}\n")
        (fd / f"{P['part']}.feature").write_text("".join(s))


def write_robot(root: Path, parts: list[dict]) -> None:
    rd = root / "robot"
    rd.mkdir(parents=True, exist_ok=True)
    for P in parts:
        s = [f"*** Settings ***\nDocumentation    The {P['part']} bench.\nLibrary    wheelwright.{P['part']}\n\n"
             "*** Test Cases ***\n"]
        for T in P["tests"]:
            f, w = T["fn"], T["what"]
            s.append(f"{T['name'].title()}\n    ${{size}}=    {f['name'].replace('_', ' ').title()}    "
                     f"${{{T['x']}}}    ${{{T['y']}}}\n")
            if w in ("error", "timeout"):
                k, msg = ("TimeoutError", T["err"][1]) if w == "timeout" else T["err"]
                s.append(f"    Fail With    {k}    {msg}\n")
            elif w == "skip":
                s.append(f"    Skip    {T['label']} jig not built\n")
            elif w == "todo":
                s.append(f"    True The {P['part'].title()}    ${{size}}\n")
            elif w == "deep":
                s.append(f"    ${{got}}=    Create Dictionary    part={P['part']}    size=${{size}}    wood=oak\n"
                         f"    ${{want}}=    Create Dictionary    part={P['part']}    size=${{{T['want'] + 4}}}    wood=ash\n"
                         "    Should Be Equal    ${got}    ${want}\n")
            else:
                s.append(f"    Should Be Equal As Integers    ${{size}}    {T['want']}\n")
            s.append("\n")
        (rd / f"{P['part']}.robot").write_text("".join(s))


def camel(s: str) -> str:
    a = s.split("_")
    return a[0] + "".join(w.title() for w in a[1:])


def write_js(root: Path, parts: list[dict]) -> None:
    for d in ("lib", "test/mocha", "vtest", "ntest", "tap", "cuke"):
        (root / d).mkdir(parents=True, exist_ok=True)
    nm = root / "node_modules"
    if not nm.exists():
        nm.symlink_to(JS / "node_modules")
    (root / "package.json").write_text('{"name": "wheelwright", "version": "7.7.0", "private": true}\n')
    (root / "vitest.config.mjs").write_text("export default { test: { include: ['vtest/**/*.test.mjs'] } };\n")
    (root / "cuke" / "steps.js").write_text('''const assert = require('node:assert');
const { Given, When, Then } = require('@cucumber/cucumber');

Given('the {word} bench', function (part) { this.m = require(`../lib/${part}.js`); });
When('I work {word} with {int} and {int}', function (fn, x, y) { this.got = this.m[fn](x, y); });
Then('the size is {int}', function (want) { assert.strictEqual(this.got, want); });
Then('it fails with {word} {string}', function (kind, msg) { this.m.failWith(kind, msg); });
Then('the {word} waits for the {word} jig', function (part, jig) { return 'pending'; });
''')
    for P in parts:
        p = P["part"]
        src = ["'use strict';\n"]
        for f in P["fns"]:
            src.append(f"\nfunction {camel(f['name'])}(x, y) {{\n  return x * {f['k']} + y + {f['c']};\n}}\n")
        src.append("\nfunction failWith(kind, msg) {\n  const E = { TypeError, RangeError, Error }[kind] || Error;\n"
                   "  const e = new E(msg);\n  if (!(kind in { TypeError: 1, RangeError: 1, Error: 1 })) e.name = kind;\n"
                   "  throw e;\n}\n")
        src.append("\nmodule.exports = { " + ", ".join(camel(f["name"]) for f in P["fns"]) + ", failWith };\n")
        (root / "lib" / f"{p}.js").write_text("".join(src))
        mo = [f"const assert = require('node:assert');\nconst m = require('../../lib/{p}.js');\n\n"
              f"describe('{p}', function () {{\n"]
        vt = [f"import {{ describe, it, expect }} from 'vitest';\nimport m from '../lib/{p}.js';\n\n"
              f"describe('{p}', () => {{\n"]
        nt = [f"const test = require('node:test');\nconst assert = require('node:assert');\n"
              f"const m = require('../lib/{p}.js');\n\n"]
        tp = [f"const test = require('tape');\nconst m = require('../lib/{p}.js');\n\n"]
        ck = [f"Feature: {p} of the wheel\n"]
        for T in P["tests"]:
            f, w, nm_ = T["fn"], T["what"], T["name"]
            call = f"m.{camel(f['name'])}({T['x']}, {T['y']})"
            k, msg = ("TimeoutError", T["err"][1]) if w == "timeout" else T["err"]
            msg = msg.replace("'", "")
            dwant = f"{{ part: '{p}', size: {T['want'] + 4}, wood: 'ash' }}"
            dgot = f"{{ part: '{p}', size: {call}, wood: 'oak' }}"
            if w in ("pass", "eq"):
                mo.append(f"  it('{nm_}', function () {{ assert.strictEqual({call}, {T['want']}); }});\n")
                vt.append(f"  it('{nm_}', () => {{ expect({call}).toBe({T['want']}); }});\n")
                nt.append(f"test('{p} {nm_}', () => {{ assert.strictEqual({call}, {T['want']}); }});\n")
                tp.append(f"test('{nm_}', (t) => {{ t.equal({call}, {T['want']}, '{T['label']} size'); t.end(); }});\n")
                ck.append(f"\n  Scenario: {nm_}\n    Given the {p} bench\n    When I work {camel(f['name'])} with "
                          f"{T['x']} and {T['y']}\n    Then the size is {T['want']}\n")
            elif w == "deep":
                mo.append(f"  it('{nm_}', function () {{ assert.deepStrictEqual({dgot}, {dwant}); }});\n")
                vt.append(f"  it('{nm_}', () => {{ expect({dgot}).toEqual({dwant}); }});\n")
                nt.append(f"test('{p} {nm_}', () => {{ assert.deepStrictEqual({dgot}, {dwant}); }});\n")
                tp.append(f"test('{nm_}', (t) => {{ t.deepEqual({dgot}, {dwant}, '{T['label']} record'); t.end(); }});\n")
                ck.append(f"\n  Scenario: {nm_}\n    Given the {p} bench\n    When I work {camel(f['name'])} with "
                          f"{T['x']} and {T['y']}\n    Then the size is {T['want'] + 4}\n")
            elif w == "error":
                mo.append(f"  it('{nm_}', function () {{ {call}; m.failWith('{k}', '{msg}'); }});\n")
                vt.append(f"  it('{nm_}', () => {{ {call}; m.failWith('{k}', '{msg}'); }});\n")
                nt.append(f"test('{p} {nm_}', () => {{ {call}; m.failWith('{k}', '{msg}'); }});\n")
                tp.append(f"test('{nm_}', (t) => {{ {call}; m.failWith('{k}', '{msg}'); t.end(); }});\n")
                ck.append(f"\n  Scenario: {nm_}\n    Given the {p} bench\n    When I work {camel(f['name'])} with "
                          f"{T['x']} and {T['y']}\n    Then it fails with {k} \"{msg}\"\n")
            elif w == "timeout":
                mo.append(f"  it('{nm_}', function (done) {{ this.timeout(40); setTimeout(done, 400); }});\n")
                vt.append(f"  it('{nm_}', async () => {{ await new Promise((r) => setTimeout(r, 400)); }}, 40);\n")
                nt.append(f"test('{p} {nm_}', {{ timeout: 40 }}, async () => {{ await new Promise((r) => setTimeout(r, 400)); }});\n")
                tp.append(f"test('{nm_}', {{ timeout: 40 }}, (t) => {{ setTimeout(() => t.end(), 400); }});\n")
                ck.append(f"\n  Scenario: {nm_}\n    Given the {p} bench\n    When I work {camel(f['name'])} with "
                          f"{T['x']} and {T['y']}\n    Then it fails with {k} \"{msg}\"\n")
            elif w == "skip":
                mo.append(f"  it.skip('{nm_}', function () {{ assert.ok({call}); }});\n")
                vt.append(f"  it.skip('{nm_}', () => {{ expect({call}).toBeTruthy(); }});\n")
                nt.append(f"test('{p} {nm_}', {{ skip: '{T['label']} jig not built' }}, () => {{}});\n")
                tp.append(f"test.skip('{nm_}', (t) => {{ t.end(); }});\n")
                ck.append(f"\n  Scenario: {nm_}\n    Given the {p} bench\n    When I work {camel(f['name'])} with "
                          f"{T['x']} and {T['y']}\n    Then the {p} is dished on the {T['label']} jig\n")
            else:
                mo.append(f"  it('{nm_}');\n")
                vt.append(f"  it.todo('{nm_}');\n")
                nt.append(f"test('{p} {nm_}', {{ todo: 'true the {T['label']}' }}, () => {{ assert.ok(false); }});\n")
                tp.append(f"test('{nm_}', {{ todo: true }}, (t) => {{ t.fail('{T['label']} not trued'); t.end(); }});\n")
                ck.append(f"\n  Scenario: {nm_}\n    Given the {p} bench\n    When I work {camel(f['name'])} with "
                          f"{T['x']} and {T['y']}\n    Then the {p} waits for the {T['label']} jig\n")
        mo.append("});\n")
        vt.append("});\n")
        used = {f["name"] for f in P["unused"]}
        nt.append("".join(f"test('{p} {f['name']} runs', () => {{ assert.ok(m.{camel(f['name'])}(1, 1) > 0); }});\n"
                          for f in P["fns"] if f["name"] not in used))
        (root / "test" / "mocha" / f"{p}.js").write_text("".join(mo))
        (root / "vtest" / f"{p}.test.mjs").write_text("".join(vt))
        (root / "ntest" / f"{p}.test.cjs").write_text("".join(nt))
        (root / "tap" / f"{p}.js").write_text("".join(tp))
        (root / "cuke" / f"{p}.feature").write_text("".join(ck))


def ensure_tools() -> None:
    cm.install_venv(VENV, "robot", PY_TOOLS)
    cm.install_npm(JS, "tap-nirvana", NPM)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SHOPS: dict = {}


def shop(tmp: Path, tag: str, n_parts: int, per=(6, 14), seed_off: int = 0) -> Path:
    """The shop `tag`: Python, behave, robot and JS material from one spec (seed 77010 + seed_off)."""
    root = tmp / f"shop-{tag}"
    if tag not in _SHOPS:
        parts = spec(SEED + seed_off, n_parts, per)
        write_python(root, parts)
        write_behave(root, parts)
        write_robot(root, parts)
        write_js(root, parts)
        _SHOPS[tag] = parts
    return root

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)


@kind("pytest-csv", "test")
def n_pytest_csv(lines):
    """the header row; the first line of every failed/error row; every row whose status occurs in at most 2 rows; the row with the longest duration"""
    text = "\n".join(lines)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    head = rows[0]
    si, di = head.index("status"), head.index("duration")
    body = [r for r in rows[1:] if len(r) == len(head)]
    firsts = {}
    for ln in lines[1:]:
        if "::" in ln.split(",")[0]:
            firsts.setdefault(ln.split(",")[0], ln)
    count: dict = {}
    for r in body:
        count[r[si]] = count.get(r[si], 0) + 1
    out = [lines[0]]
    pick = [r for r in body if r[si] in ("failed", "error") or count[r[si]] <= 2]
    if body:
        pick.append(max(body, key=lambda r: float(r[di] or 0)))
    for r in pick:
        ln = firsts.get(r[0])
        if ln:
            out.append(ln)
    return out


SPEC_FAIL = re.compile(r"^\s+(✗|\[FAIL\]|FAIL)\s")


@kind("pytest-spec", "test")
def n_pytest_spec(lines):
    """every failed test line; every failure section header, its first E line and its location line; FAILED/ERROR summary lines; the counts line"""
    out = [ln for ln in lines if SPEC_FAIL.match(ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^_{3,} .+ _{3,}$", ln):
            out.append(ln)
            e = next((k for k in range(i + 1, len(lines)) if lines[k].startswith("E ")
                      or re.match(r"^_{3,} .+ _{3,}$", lines[k]) or lines[k].startswith("=====")), None)
            if e is not None and lines[e].startswith("E "):
                out.append(lines[e])
                loc = cm.next_match(lines, e, r"^\S+:\d+: \w+", 30)
                out.append(loc)
    out += [ln for ln in lines if re.match(r"^(FAILED|ERROR) \S", ln)]
    out += [ln for ln in lines if re.match(r"^=+ .*\b(passed|failed|error|errors|skipped)\b.* in [\d.]+s", ln)]
    return out


def _json(lines):
    return json.loads("\n".join(lines))


def jl(key: str, value) -> str:
    return f'"{key}": {json.dumps(value)}'


@kind("behave-json", "test")
def n_behave_json(lines):
    """each scenario with a failed/undefined step: its "name" line; each such step's "location" line and first error_message line; the feature's "location" line"""
    out = []
    for feat in _json(lines):
        for sc in feat.get("elements", []):
            bad = [s for s in sc.get("steps", []) if s.get("result", {}).get("status") in ("failed", "undefined")]
            if not bad:
                continue
            out.append(jl("location", feat["location"]))
            out.append(jl("name", sc["name"]))
            for s in bad:
                out.append(jl("location", s["location"]))
                em = s["result"].get("error_message")
                if isinstance(em, list):
                    em = em[0] if em else None
                if em:
                    out.append(json.dumps(em.split("\n")[0])[:-1] if "\n" in em else json.dumps(em))
    return out


@kind("behave-junit", "test")
def n_behave_junit(lines):
    """every <testsuite line (counts); each <testcase holding a <failure>/<error>; the start of that element (its message)"""
    out = []
    for ln in lines:
        for m in re.finditer(r"<testsuite\b[^>]*>", ln):
            out.append(m.group(0))
        for m in re.finditer(r"(<testcase\b[^>]*>)(<(failure|error)\b[^>]*>?)", ln):
            out += [m.group(1), m.group(2)]
    return out


@kind("robot-dotted", "test")
def n_robot_dotted(lines):
    """each failing test's line in the closing failure list and the message line under it; the statistics line(s)"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^FAIL: \S", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        if re.match(r"^\d+ tests?, \d+ passed, \d+ failed", ln):
            out.append(ln)
    return out


@kind("robot-xunit", "test")
def n_robot_xunit(lines):
    """the JUnit rule: every <testsuite line (counts), each <testcase line holding a <failure>/<error>, and the first line of that element"""
    return n_junit_xml(lines)


@kind("cucumber-js-json", "test")
def n_cucumber_json(lines):
    """the "uri" line of every feature holding a failing scenario; each failing scenario's "name" line; each failed/undefined/ambiguous/pending step's "name" line and first error_message line"""
    out = []
    for feat in _json(lines):
        for sc in feat.get("elements", []):
            bad = [s for s in sc.get("steps", []) if s.get("result", {}).get("status") in
                   ("failed", "undefined", "ambiguous", "pending")]
            if not bad:
                continue
            out += [jl("uri", feat["uri"]), jl("name", sc["name"])]
            for s in bad:
                if s.get("name"):
                    out.append(jl("name", s["name"]))
                em = s["result"].get("error_message")
                if em:
                    out.append(json.dumps(em.split("\n")[0])[:-1] if "\n" in em else json.dumps(em))
    return out


@kind("cucumber-js-summary", "test")
def n_cucumber_summary(lines):
    """each numbered failure header, its failing step line (✖) and the first error line after it; each undefined/pending step line (?); the scenarios and steps count lines"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\d+\) (Scenario|Scenario Outline|Example|Rule):", ln):
            out.append(ln)
        elif re.match(r"^\s+✖ ", ln):
            out.append(ln)
            out.append(next((lines[k] for k in range(i + 1, min(len(lines), i + 7)) if lines[k].strip()), None))
        elif re.match(r"^\s+\? ", ln):
            out.append(ln)
        elif re.match(r"^\d+ (scenarios?|steps?) \(", ln):
            out.append(ln)
    return out


@kind("mocha-reporter-doc", "doc")
def n_mocha_doc(lines):
    """every suite <h1> line; every failing test's <dt class="error"> line and the <dd class="error"> line holding its error message"""
    out = []
    for ln in lines:
        if re.match(r"^\s*<h1>.*</h1>", ln) or re.match(r'^\s*<dt class="error">', ln):
            out.append(ln)
        elif re.match(r'^\s*<dd class="error">(?!<pre>)', ln):
            out.append(ln)
    return out


@kind("vitest-reporter-json", "test")
def n_vitest_json(lines):
    """the numTotal/Failed/Passed/Pending/TodoTests lines; the "name" line of every test file with a failure; each failing assertion's "fullName" line and first failureMessages line"""
    doc = _json(lines)
    out = [jl(k, doc[k]) for k in ("numTotalTests", "numFailedTests", "numPassedTests", "numPendingTests",
                                    "numTodoTests") if k in doc]
    for tf in doc.get("testResults", []):
        bad = [a for a in tf.get("assertionResults", []) if a.get("status") == "failed"]
        if bad or tf.get("status") == "failed":
            out.append(jl("name", tf["name"]))
        for a in bad:
            out.append(jl("fullName", a["fullName"]))
            fm = a.get("failureMessages") or []
            if fm:
                out.append(json.dumps(fm[0].split("\n")[0])[:-1] if "\n" in fm[0] else json.dumps(fm[0]))
    return out


@kind("vitest-reporter-github-actions", "test")
def n_vitest_gh(lines):
    """every ::error annotation line; any counts line printed"""
    return [ln for ln in lines if ln.startswith("::error")] + \
        [ln for ln in lines if re.match(r"^\s*Tests?\s+.*\d+ (failed|passed)", ln)]


@kind("node-test-lcov", "table")
def n_node_lcov(lines):
    """the SF: line of every file with a line never run (DA:n,0) or a function never called (FNDA:0,name); every FNDA:0,<name> line"""
    out, sf, bad = [], None, False
    for ln in lines:
        if ln.startswith("SF:"):
            sf, bad = ln, False
        elif ln.startswith("FNDA:0,"):
            if sf and not bad:
                out.append(sf)
                bad = True
            out.append(ln)
        elif re.match(r"^DA:\d+,0$", ln) and sf and not bad:
            out.append(sf)
            bad = True
        elif ln == "end_of_record":
            sf = None
    return out


def _crash(lines):
    """NEEDLES.md rule 1 (not repeated in the round's section, added after the first run showed tape's uncaught
    throws): each uncaught error line at column 0 and the `file:line` location line printed above it."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\w*Error\b.*: ", ln):
            out.append(ln)
            out.append(cm.prev_match(lines, i, r"^/\S+:\d+$", 6))
    return out


@kind("tap-summary", "test")
def n_tap_summary(lines):
    """every failing assertion's name line (✖) and the first expected/actual or error line under it; the closing counts lines; uncaught error lines (rule 1)"""
    out = []
    in_fails = False
    for i, ln in enumerate(lines):
        if ln.startswith("# Fails"):
            in_fails = True
        if re.match(r"^✖ ", ln):
            out.append(ln)
        if in_fails and re.match(r"^\s+✖ ", ln):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s+(expected|actual|at|operator: (?!fail\b))", 6)
                       or cm.next_match(lines, i, r"^\S*Error\b|^\s+at:", 6))
        if re.match(r"^(planned|assertions|pass|fail|skip|todo|total): \d+", ln):
            out.append(ln)
    return out + _crash(lines)


@kind("tap-nirvana", "test")
def n_tap_nirvana(lines):
    """every failing assertion's line, the first expected/actual (diff) line and the location under it within six lines; the closing counts lines; uncaught error lines (rule 1)"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s+(✖|✗)\s", ln) or ln.startswith("not ok"):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s+(expected|actual|diff):", 6))
            out.append(cm.next_match(lines, i, r"^\s+(at|source):", 8))
        if re.match(r"^\s*(total|passing|failing|pass|fail|tests|skipped|todo)\b:?\s+\d+", ln, re.I):
            out.append(ln)
    return out

# ------------------------------------------------------------------ steps

SHOPS = [("three", 3, (6, 14), 0), ("six", 6, (6, 14), 1), ("ten", 10, (10, 20), 2)]


def feats(parts: list[dict], d: str, ext: str, k: int) -> str:
    return " ".join(f"{d}/{P['part']}{ext}" for P in parts[:k])


def python_steps(tmp: Path) -> None:
    for tag, n, per, off in SHOPS:
        root = shop(tmp, tag, n, per, off)
        parts = _SHOPS[tag]
        sel = "tests" if tag != "ten" else feats(parts, "tests", ".py", 7).replace("tests/", "tests/test_")
        cap(f"pytest-csv-{tag}", f"rm -f report.csv; pytest -p no:cacheprovider --csv report.csv {sel} >/dev/null 2>&1; "
            "cat report.csv", root, n_pytest_csv, typed=f"pytest --csv report.csv {sel} >/dev/null; cat report.csv")
        cap(f"pytest-spec-{tag}", f"pytest -p no:cacheprovider --spec {sel}", root, n_pytest_spec,
            typed=f"pytest --spec {sel}")
        k = {"three": 1, "six": 2, "ten": 3}[tag]
        fs = feats(parts, "features", ".feature", k)
        cap(f"behave-json-{tag}", f"behave --no-color -f json.pretty -o behave-{tag}.json {fs} >/dev/null 2>&1; "
            f"cat behave-{tag}.json", root, n_behave_json,
            typed=f"behave -f json.pretty -o behave-{tag}.json {fs} >/dev/null; cat behave-{tag}.json")
        fs2 = "features" if tag != "ten" else feats(parts, "features", ".feature", 6)
        cap(f"behave-junit-{tag}", f"rm -rf reports; behave --no-color --junit --junit-directory reports {fs2} "
            ">/dev/null 2>&1; cat reports/*.xml", root, n_behave_junit,
            typed=f"behave --junit --junit-directory reports {fs2} >/dev/null; cat reports/*.xml")
        cap(f"robot-dotted-{tag}", "robot --pythonpath . --console dotted --output NONE --report NONE --log NONE robot",
            root, n_robot_dotted)
        rs = "robot" if tag != "ten" else feats(parts, "robot", ".robot", 5)
        cap(f"robot-xunit-{tag}", f"robot --pythonpath . --xunit xunit.xml --output NONE --report NONE --log NONE {rs} "
            ">/dev/null 2>&1; cat xunit.xml", root, n_robot_xunit,
            typed=f"robot --pythonpath . --xunit xunit.xml --output NONE --report NONE --log NONE {rs} >/dev/null; "
                  "cat xunit.xml")


def js_steps(tmp: Path) -> None:
    for tag, n, per, off in SHOPS:
        root = shop(tmp, tag, n, per, off)
        parts = _SHOPS[tag]
        k = {"three": 1, "six": 2, "ten": 3}[tag]
        cf = feats(parts, "cuke", ".feature", k)
        cap(f"cucumber-js-json-{tag}", f"npx cucumber-js --require cuke/steps.js --format json {cf} 2>/dev/null | "
            "python3 -m json.tool", root, n_cucumber_json)
        cf2 = "cuke/*.feature" if tag != "ten" else feats(parts, "cuke", ".feature", 8)
        cap(f"cucumber-js-summary-{tag}", f"npx cucumber-js --require cuke/steps.js --format summary {cf2}", root,
            n_cucumber_summary)
        cap(f"mocha-reporter-doc-{tag}", "npx mocha --reporter doc test/mocha", root, n_mocha_doc)
        vs = "" if tag != "ten" else " " + " ".join(f"vtest/{P['part']}" for P in parts[:7])
        cap(f"vitest-reporter-json-{tag}", f"npx vitest run --reporter=json{vs} 2>/dev/null | python3 -m json.tool",
            root, n_vitest_json)
        cap(f"vitest-reporter-github-actions-{tag}", f"GITHUB_ACTIONS=true npx vitest run --reporter=github-actions{vs}",
            root, n_vitest_gh)
        cap(f"node-test-lcov-{tag}", "node --test --experimental-test-coverage --test-reporter=lcov ntest/", root,
            n_node_lcov)
        cap(f"tap-summary-{tag}", "npx tape tap/*.js | npx tap-summary --no-ansi --no-progress", root, n_tap_summary)
        cap(f"tap-nirvana-{tag}", "npx tape tap/*.js | npx tap-nirvana", root, n_tap_nirvana)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [python_steps, js_steps],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide770", sys.modules["__main__"])
    main()
