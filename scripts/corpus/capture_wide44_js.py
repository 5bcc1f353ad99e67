"""Round 44, JavaScript side: `crumbline`'s order-routing modules (widened by a seeded generator, lint problems put
in) through ESLint 8's compact / unix / visualstudio / tap / junit formatters, and its test suites (failing tests put
in) through mocha's tap / dot / min / xunit / json reporters, jest --verbose, vitest's tap / tap-flat / junit / dot
reporters and node --test with coverage. The extractors are NEEDLES.md "Round 44"'s rules; kinds printing an earlier
kind's lines reuse its extractor. Run through capture_wide44.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import any_of, groups, named, next_match, prev_match, write_tree
from capture_wide15_js import n_jest, n_mocha, n_vitest
from capture_wide44 import JS, cap


def ext(name: str, family: str, doc: str, fn):
    """`fn`'s needles plus what every round-44 kind shares: an `EXIT=N` line the agent printed (round 9b's
    shell-status)."""
    def full(lines: list[str]) -> list:
        out = list(fn(lines))
        out += [ln for ln in lines if re.match(r"^EXIT=\d+$", ln)]
        return out
    return named(name, family, doc, full)


# ------------------------------------------------------------------ extractors (NEEDLES.md "Round 44")

def _eslint_lines(lines):
    """compact: 'f: line 3, col 7, Error - msg (rule)'; unix: 'f:3:7: msg [Error/rule]';
    visualstudio: 'f(3,7): error rule : msg'."""
    out, warn = [], []
    for ln in lines:
        m = (re.match(r"^(.+?): line \d+, col \d+, (Error|Warning) - .*\((\S+)\)$", ln)
             or re.match(r"^(.+?):\d+:\d+: .*\[(Error|Warning)/(\S+)\]$", ln))
        v = re.match(r"^(.+?)\(\d+,\d+\): (error|warning) (\S+) : ", ln)
        if v:
            f, level, rule = v.group(1), v.group(2), v.group(3)
        elif m:
            f, level, rule = m.group(1), m.group(2), m.group(3)
        else:
            if re.match(r"^\d+ (problems?|errors?|warnings?)\b", ln.strip()):
                out.append(ln)
            continue
        if level.lower() == "error":
            out.append(ln)
        else:
            warn.append(((rule, f), ln))
    return out + groups(warn)


DOC_ESLINT = ("Round 44 (ESLint line formatters): every error finding's line, warnings one any per (rule, file), the "
              "closing N problems line")
N_ESLINT_COMPACT = ext("eslint-compact", "lint", DOC_ESLINT, _eslint_lines)
N_ESLINT_UNIX = ext("eslint-unix", "lint", DOC_ESLINT, _eslint_lines)
N_ESLINT_VS = ext("eslint-visualstudio", "lint", DOC_ESLINT, _eslint_lines)


def _eslint_tap(lines):
    out, warn, f = [], [], ""
    for i, ln in enumerate(lines):
        m = re.match(r"^not ok \d+ - (.+)$", ln)
        if m:
            f = m.group(1)
            out.append(ln)
        elif re.match(r"^1\.\.\d+$", ln):
            out.append(ln)
        elif re.match(r"^\s*(- )?message: ", ln):
            sev = next_match(lines, i, r"^\s*severity: ", 2) or ""
            rule = next_match(lines, i, r"^\s*ruleId: ", 6) or ""
            if "error" in sev:
                out.append(ln)
            else:
                warn.append(((rule.strip(), f), ln))
    return out + groups(warn)


N_ESLINT_TAP = ext("eslint-tap", "lint", "Round 44 (ESLint TAP): every not ok file line, every error finding's "
                   "message line, warnings one any per (ruleId, file), the plan line", _eslint_tap)


def _eslint_junit(lines):
    out, warn, f = [], [], ""
    for ln in lines:
        m = re.match(r'^\s*<testsuite .*errors="(\d+)" name="([^"]*)"', ln)
        if m:
            f = m.group(2)
            if int(m.group(1)):
                out.append(ln)
        if "<failure" in ln:
            if "Error - " in ln:
                out.append(ln)
            else:
                r = re.search(r'name="org\.eslint\.([^"]+)"', ln)
                warn.append(((r.group(1) if r else "", f), ln))
    return out + groups(warn)


N_ESLINT_JUNIT = ext("eslint-junit", "lint", "Round 44 (ESLint JUnit): every testsuite line with failures, every "
                     "Error failure line, warnings one any per (rule, file)", _eslint_junit)


def _mocha_tap(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^not ok \d+", ln):
            out += [ln, next_match(lines, i, r"\S", 3)]
        elif re.match(r"^# (tests|pass|fail)\b", ln):
            out.append(ln)
    return out


N_MOCHA_TAP = ext("mocha-reporter-tap", "test", "Round 44 (mocha TAP): every not ok line, the first non-blank line "
                  "after it, the # tests/pass/fail lines", _mocha_tap)
N_MOCHA_DOT = named("mocha-reporter-dot", "test", (n_mocha.__doc__ or "mocha").strip().splitlines()[0], n_mocha)
N_MOCHA_MIN = named("mocha-reporter-min", "test", (n_mocha.__doc__ or "mocha").strip().splitlines()[0], n_mocha)


def _xunit(lines):
    out = [ln for ln in lines if re.match(r"^\s*<testsuites?\b", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^\s*<testcase\b", ln) and "<failure" in ln:
            out.append(ln)
        elif re.match(r"^\s*<failure\b", ln):
            out += [prev_match(lines, i, r"^\s*<testcase\b", 3), ln]
    return out


N_MOCHA_XUNIT = ext("mocha-reporter-xunit", "test", "Round 44 (mocha xunit): the testsuite line, every testcase "
                    "line holding a failure (and the failure line when it opens its own)", _xunit)


def _mocha_json(lines):
    out, where = [], ""
    for ln in lines:
        if re.match(r'^  "(stats|tests|pending|failures|passes)": ', ln):
            where = ln.strip().split('"')[1]
            continue
        if where == "stats" and re.match(r'^    "(tests|passes|pending|failures)": ', ln):
            out.append(ln)
        elif where == "failures" and re.match(r'^\s*"(fullTitle|message)": ', ln):
            out.append(ln)
    return out


N_MOCHA_JSON = ext("mocha-reporter-json", "json", "Round 44 (mocha JSON): the stats tests/passes/pending/failures "
                   "lines, each failure's fullTitle and message lines", _mocha_json)
N_JEST_VERBOSE = named("jest-verbose", "test", (n_jest.__doc__ or "jest").strip().splitlines()[0], n_jest)
N_VITEST_DOT = named("vitest-reporter-dot", "test", (n_vitest.__doc__ or "vitest").strip().splitlines()[0], n_vitest)


def _vitest_tap(lines):
    out = [ln for ln in lines if re.match(r"^1\.\.\d+$", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^\s*not ok \d+", ln):
            out.append(ln)
            for l in lines[i + 1:i + 14]:
                if re.match(r"^\s*(not )?ok \d+", l):
                    break
                if re.match(r"^\s*(message|at): ", l):
                    out.append(l)
    return out


N_VITEST_TAP = ext("vitest-reporter-tap", "test", "Round 44 (vitest TAP): every not ok line with its message and at "
                   "lines, the plan line", _vitest_tap)
N_VITEST_TAP_FLAT = ext("vitest-reporter-tap-flat", "test", "Round 44 (vitest TAP): every not ok line with its "
                        "message and at lines, the plan line", _vitest_tap)


def _vitest_junit(lines):
    out = [ln for ln in lines if re.match(r"^\s*<testsuites\b", ln)]
    out += [ln for ln in lines if re.match(r'^\s*<testsuite\b.*failures="[1-9]', ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^\s*<failure\b", ln):
            out += [prev_match(lines, i, r"^\s*<testcase\b", 3), ln]
    return out


N_VITEST_JUNIT = ext("vitest-reporter-junit", "test", "Round 44 (vitest JUnit): the testsuites line, testsuite lines "
                     "with failures, every failing testcase line and its failure line", _vitest_junit)


def _pct(s):
    try:
        return float(s)
    except ValueError:
        return None


def _node_cov(lines):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^\s*not ok \d+", ln) or re.match(r"^\s*✖ ", ln) and not re.match(r"^\s*✖ failing tests:", ln):
            out.append(ln)
            e = next_match(lines, i, r"^\s*(error: |\w*Error\b|AssertionError|Expected|expected)", 8)
            if e:
                out.append(e)
        elif re.match(r"^(#|ℹ) (fail|tests|pass) \d+", s):
            out.append(ln)
    rows = []
    for ln in lines:
        m = re.match(r"^(#|ℹ) (.*\|.*)$", ln.strip())
        if not m:
            continue
        cells = [c.strip() for c in m.group(2).split("|")]
        if "line %" in cells:
            out.append(ln)
        elif cells and cells[0] == "all files":
            out.append(ln)
        elif len(cells) >= 3 and _pct(cells[1]) is not None:
            rows.append((cells, ln))
    for col in (1, 2):
        vals = [(_pct(c[col]), ln) for c, ln in rows if _pct(c[col]) is not None]
        if vals:
            lo = min(v for v, _ in vals)
            out.append(next(ln for v, ln in vals if v == lo))
    return out


N_NODE_TEST_COV = ext("node-test-coverage", "test", "Round 44 (node --test coverage): every failing test line with "
                      "its first assertion line, the fail/tests counts, the coverage header, all files row and the "
                      "min line % / branch % rows", _node_cov)


# ------------------------------------------------------------------ the project

ESLINTRC = {
    "root": True, "env": {"node": True, "es2021": True}, "parserOptions": {"ecmaVersion": 2021},
    "rules": {"no-unused-vars": "error", "no-undef": "error", "eqeqeq": "error", "no-dupe-keys": "error",
              "no-unreachable": "error", "no-console": "warn", "prefer-const": "warn", "no-var": "warn",
              "no-shadow": "warn", "curly": "warn"},
}

STATIONS = ["oven", "proofer", "mixer", "laminator", "slicer", "glazer", "packer", "cooler", "fryer", "decorator"]
ITEMS = ["sourdough", "croissant", "baguette", "brioche", "rye", "focaccia", "bagel", "danish", "scone", "eclair",
         "ciabatta", "pretzel", "muffin", "kouign", "babka"]


def gen_module(rng: random.Random, k: int) -> str:
    st = rng.choice(STATIONS)
    lines = [f"// route orders to the {st} line, batch {k}", "'use strict';", ""]
    lines.append(f"const {{ capacity }} = require('./capacity');")
    names = []
    for j in range(rng.randint(3, 6)):
        item = rng.choice(ITEMS)
        fn = f"route{item.capitalize()}{k}_{j}"
        names.append(fn)
        lines.append(f"function {fn}(order, shift) {{")
        bug = rng.random()
        if bug < 0.2:
            lines.append(f"  var total = order.qty * {rng.randint(2, 9)};")
        else:
            lines.append(f"  let total = order.qty * {rng.randint(2, 9)};")
        if bug < 0.35:
            lines.append(f"  if (order.kind == '{item}') total += 1;")
        else:
            lines.append(f"  if (order.kind === '{item}') {{ total += 1; }}")
        if 0.35 <= bug < 0.5:
            lines.append(f"  const spare = capacity('{st}') - total;")
        if 0.5 <= bug < 0.6:
            lines.append(f"  console.log('routing', order.id, '{st}');")
        if 0.6 <= bug < 0.66:
            lines.append(f"  return total / {st}Rate;")
        elif 0.66 <= bug < 0.72:
            lines.append("  return total;")
            lines.append("  shift.close();")
        else:
            lines.append(f"  return Math.min(total, capacity('{st}') + shift.extra);")
        lines.append("}")
        lines.append("")
    if rng.random() < 0.3:
        lines.append(f"let limits = {{ {st}: {rng.randint(10, 90)} }};")
        lines.append("module.exports.limits = limits;")
    lines.append("module.exports.stage = '" + st + "';")
    lines.append("Object.assign(module.exports, { " + ", ".join(names) + " });")
    return "\n".join(lines) + "\n"


CAPACITY = """'use strict';
const CAP = { oven: 40, proofer: 60, mixer: 30, laminator: 12, slicer: 80, glazer: 25, packer: 90, cooler: 70,
  fryer: 20, decorator: 15 };
function capacity(station) {
  return CAP[station] || 0;
}
module.exports = { capacity, CAP };
"""

ROUTER = """'use strict';
const { capacity } = require('./capacity');

function pick(order, loads) {
  const want = order.kind === 'croissant' ? 'laminator' : order.kind === 'bagel' ? 'fryer' : 'oven';
  // bug: ties go to the fuller station
  if ((loads[want] || 0) > capacity(want)) return 'overflow';
  return want;
}

function batch(orders, size) {
  const out = [];
  for (let i = 0; i < orders.length; i += size) out.push(orders.slice(i, i + size - 1));  // bug: drops one
  return out;
}

function price(order) {
  const base = { sourdough: 6.5, croissant: 2.4, bagel: 1.8, rye: 5.2 }[order.kind] || 3;
  const total = base * order.qty;
  return order.qty >= 12 ? Math.round(total * 0.9 * 100) / 100 : total;  // dozen discount
}

function eta(order, now) {
  const mins = { sourdough: 240, croissant: 180, bagel: 45, rye: 200 }[order.kind] || 60;
  return new Date(now.getTime() + mins * 60000).toISOString().slice(11, 16);
}

function parseOrder(line) {
  const [id, kind, qty] = line.split(',');
  return { id, kind: kind.trim(), qty: parseInt(qty) };
}

module.exports = { pick, batch, price, eta, parseOrder };
"""


def gen_cases(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """(title, expression, expected) test cases of the router; a few expect the right answer the bugs break."""
    cases = []
    for k in range(n):
        kind = rng.choice(["sourdough", "croissant", "bagel", "rye", "scone"])
        qty = rng.randint(1, 30)
        base = {"sourdough": 6.5, "croissant": 2.4, "bagel": 1.8, "rye": 5.2}.get(kind, 3)
        tot = base * qty
        want = round(tot * 0.9 * 100) / 100 if qty >= 12 else tot
        r = rng.random()
        if r < 0.07:  # the spec says 10% off from 10
            want = round(tot * 0.9 * 100) / 100 if qty >= 10 else tot
            cases.append((f"prices {qty} {kind} with the dozen discount from ten", f"price({{ kind: '{kind}', qty: {qty} }})",
                          json.dumps(round(want, 2))))
        elif r < 0.12:
            n_orders = rng.randint(5, 20)
            size = rng.randint(2, 5)
            expect = -(-n_orders // size)
            cases.append((f"batches {n_orders} orders by {size} without dropping any",
                          f"batch(Array.from({{ length: {n_orders} }}, (_, i) => i), {size}).flat().length", str(n_orders)))
            del expect
        else:
            cases.append((f"prices {qty} {kind} order #{k}", f"price({{ kind: '{kind}', qty: {qty} }})", json.dumps(want)))
    return cases


def write_project(tmp: Path, seed: int, n_mod: int, n_cases: int) -> Path:
    rng = random.Random(seed)
    root = tmp / f"crumbline{seed}"
    files = {"package.json": json.dumps({"name": "crumbline", "version": "1.4.0", "private": True,
                                          "main": "lib/router.js", "scripts": {"test": "mocha test/mocha"}}, indent=2),
             ".eslintrc.json": json.dumps(ESLINTRC, indent=2), "lib/capacity.js": CAPACITY, "lib/router.js": ROUTER,
             "vitest.config.mjs": "export default { test: { include: ['test/vitest/**/*.test.mjs'] } };\n"}
    for k in range(n_mod):
        files[f"lib/stations/{STATIONS[k % len(STATIONS)]}_{k:02d}.js"] = gen_module(rng, k)
    cases = gen_cases(rng, n_cases)
    groups_ = [cases[i:i + 8] for i in range(0, len(cases), 8)]
    for g, chunk in enumerate(groups_):
        suite = f"router pricing {g + 1}"
        body = ["'use strict';", "const assert = require('assert');",
                "const { price, batch } = require('../../lib/router');", "", f"describe('{suite}', () => {{"]
        body += [f"  it('{t}', () => {{\n    assert.deepStrictEqual({e}, {w});\n  }});" for t, e, w in chunk]
        body.append("});")
        files[f"test/mocha/pricing{g + 1:02d}.spec.js"] = "\n".join(body) + "\n"
        jb = ["'use strict';", "const { price, batch } = require('../../lib/router');", "", f"describe('{suite}', () => {{"]
        jb += [f"  test('{t}', () => {{\n    expect({e}).toEqual({w});\n  }});" for t, e, w in chunk]
        jb.append("});")
        files[f"test/jest/pricing{g + 1:02d}.test.js"] = "\n".join(jb) + "\n"
        vb = ["import { describe, it, expect } from 'vitest';", "import router from '../../lib/router.js';",
              "const { price, batch } = router;", "", f"describe('{suite}', () => {{"]
        vb += [f"  it('{t}', () => {{\n    expect({e}).toBe({w});\n  }});" for t, e, w in chunk]
        vb.append("});")
        files[f"test/vitest/pricing{g + 1:02d}.test.mjs"] = "\n".join(vb) + "\n"
        nb = ["'use strict';", "const { describe, it } = require('node:test');", "const assert = require('node:assert');",
              "const { price, batch, eta, parseOrder } = require('../lib/router');", "", f"describe('{suite}', () => {{"]
        nb += [f"  it('{t}', () => {{\n    assert.strictEqual({e}, {w});\n  }});" for t, e, w in chunk]
        nb.append("});")
        files[f"ntest/pricing{g + 1:02d}.test.js"] = "\n".join(nb) + "\n"
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")  # the tools installed once, as a local install
    return root


def lint(tmp: Path) -> None:
    a = write_project(tmp, 4401, 14, 16)
    b = write_project(tmp, 4402, 40, 16)
    cap("eslint-compact-stations", "npx eslint -f compact lib", a, N_ESLINT_COMPACT)
    cap("eslint-compact-all-tail", "npx eslint -f compact . 2>&1 | tail -n 60", b, N_ESLINT_COMPACT)
    cap("eslint-unix-lib", "npx eslint -f unix lib/; echo EXIT=$?", b, N_ESLINT_UNIX)
    cap("eslint-unix-grep-error", "npx eslint -f unix lib | grep -v Warning", a, N_ESLINT_UNIX)
    cap("eslint-visualstudio", "npx eslint --format visualstudio lib", a, N_ESLINT_VS)
    cap("eslint-tap-stations", "npx eslint -f tap lib/stations", a, N_ESLINT_TAP)
    cap("eslint-junit-lib", "npx eslint -f junit lib", a, N_ESLINT_JUNIT)
    cap("eslint-junit-head", "npx eslint -f junit lib | head -n 120", b, N_ESLINT_JUNIT)


def tests(tmp: Path) -> None:
    a = write_project(tmp, 4403, 4, 64)
    b = write_project(tmp, 4404, 4, 200)
    cap("mocha-tap", "npx mocha --reporter tap test/mocha", a, N_MOCHA_TAP)
    cap("mocha-tap-grep-not-ok", "npx mocha -R tap test/mocha 2>&1 | grep -A3 -E '^(not ok|# )'", b, N_MOCHA_TAP)
    cap("mocha-dot", "npx mocha --reporter dot test/mocha", b, N_MOCHA_DOT)
    cap("mocha-min", "npx mocha --reporter min test/mocha; echo EXIT=$?", a, N_MOCHA_MIN)
    cap("mocha-xunit", "npx mocha --reporter xunit test/mocha", a, N_MOCHA_XUNIT)
    cap("mocha-json", "npx mocha --reporter json test/mocha", a, N_MOCHA_JSON)
    cap("mocha-json-head", "npx mocha --reporter json test/mocha 2>&1 | head -c 40000", b, N_MOCHA_JSON)
    cap("jest-verbose", "npx jest --verbose test/jest 2>&1", a, N_JEST_VERBOSE)
    cap("jest-verbose-tail", "npx jest --verbose 2>&1 | tail -n 80", b, N_JEST_VERBOSE)
    cap("vitest-tap", "npx vitest run --reporter=tap", a, N_VITEST_TAP)
    cap("vitest-tap-flat", "npx vitest run --reporter=tap-flat; echo EXIT=$?", b, N_VITEST_TAP_FLAT)
    cap("vitest-junit", "npx vitest run --reporter=junit", a, N_VITEST_JUNIT)
    cap("vitest-dot", "npx vitest run --reporter=dot 2>&1", b, N_VITEST_DOT)
    cap("node-test-coverage-spec", "node --test --experimental-test-coverage --test-reporter=spec ntest/", a,
        N_NODE_TEST_COV)
    cap("node-test-coverage-tap-tail", "node --test --experimental-test-coverage ntest/ 2>&1 | tail -n 120", b,
        N_NODE_TEST_COV)


STEPS = [lint, tests]
