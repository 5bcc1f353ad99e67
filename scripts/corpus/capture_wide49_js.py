"""Round 49, JavaScript side: `spokewise`, a bicycle-rental fleet's booking library (its dock modules widened by a
seeded generator, lint problems put in; a rental-pricing and booking core with bugs put in), through ESLint 8's junit
formatter, and its mocha / vitest / node:test suites (failing tests put in) through mocha's dot / xunit / tap
reporters, vitest's tap reporter and node --test with coverage. Every extractor is round 44's, imported (NEEDLES.md
"Round 49": no new rules). Run through capture_wide49.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import write_tree
from capture_wide44_js import (N_ESLINT_JUNIT, N_MOCHA_DOT, N_MOCHA_TAP, N_MOCHA_XUNIT, N_NODE_TEST_COV,
                               N_VITEST_TAP)
from capture_wide49 import JS, cap

ESLINTRC = {
    "root": True, "env": {"node": True, "es2021": True}, "parserOptions": {"ecmaVersion": 2021},
    "rules": {"no-unused-vars": "error", "no-undef": "error", "eqeqeq": "error", "no-unreachable": "error",
              "no-fallthrough": "error", "no-self-assign": "error", "no-console": "warn", "prefer-const": "warn",
              "no-var": "warn", "curly": "warn", "no-else-return": "warn"},
}

DOCKS = ["harbour", "station", "campus", "market", "riverside", "uptown", "stadium", "library", "hospital", "airport",
         "museum", "ferry"]
BIKES = ["city", "cargo", "ebike", "tandem", "kids", "road", "folding", "trike"]


def gen_dock(rng: random.Random, k: int) -> str:
    dock = DOCKS[k % len(DOCKS)]
    out = [f"// dock {dock}-{k}: check bikes in and out, balance the racks", "'use strict';", "",
           "const { tariff } = require('../tariff');", ""]
    names = []
    for j in range(rng.randint(2, 5)):
        bike = rng.choice(BIKES)
        fn = f"{dock}{bike.capitalize()}{k}_{j}"
        names.append(fn)
        out.append(f"function {fn}(rental, rack) {{")
        bug = rng.random()
        out.append(f"  {'var' if bug < 0.15 else 'let'} minutes = rental.end - rental.start;")
        if bug < 0.3:
            out.append(f"  if (rental.bike == '{bike}') minutes += {rng.randint(1, 9)};")
        else:
            out.append(f"  if (rental.bike === '{bike}') {{ minutes += {rng.randint(1, 9)}; }}")
        if 0.3 <= bug < 0.42:
            out.append(f"  const free = rack.slots - rack.used;")
        if 0.42 <= bug < 0.52:
            out.append(f"  console.warn('rack', rack.id, 'at {dock}');")
        if 0.52 <= bug < 0.58:
            out.append("  rack.used = rack.used;")
        if 0.58 <= bug < 0.64:
            out.append(f"  return minutes * {dock}Surcharge;")
        elif 0.64 <= bug < 0.7:
            out.append("  switch (rental.plan) {")
            out.append("    case 'day': minutes = Math.min(minutes, 1440);")
            out.append("    case 'hour': minutes += 0;")
            out.append("      break;")
            out.append("  }")
            out.append(f"  return tariff('{bike}') * minutes;")
        else:
            out.append(f"  return tariff('{bike}') * minutes + (rack.penalty || 0);")
        out.append("}")
        out.append("")
    out.append(f"module.exports = {{ dock: '{dock}', {', '.join(names)} }};")
    return "\n".join(out) + "\n"


TARIFF = """'use strict';
const PER_MIN = { city: 0.05, cargo: 0.09, ebike: 0.12, tandem: 0.08, kids: 0.03, road: 0.07, folding: 0.06,
  trike: 0.08 };
function tariff(bike) {
  return PER_MIN[bike] || 0.05;
}
module.exports = { tariff, PER_MIN };
"""

BOOKING = """'use strict';
const { tariff } = require('./tariff');

// fare in cents: the first 30 minutes are free for members, a day pass caps the fare at 1500
function fare(rental) {
  let mins = Math.ceil((rental.end - rental.start) / 60);
  if (rental.member) mins = mins - 30;            // bug: goes negative under 30 minutes
  const cents = Math.round(mins * tariff(rental.bike) * 100);
  return rental.dayPass ? Math.max(cents, 1500) : cents;   // bug: max, not min
}

// bikes free at a dock after a list of check-outs (-1) and returns (+1)
function freeBikes(start, moves) {
  return moves.reduce((n, m) => n + m, start);
}

// split a fleet into maintenance waves of `size`
function waves(bikes, size) {
  const out = [];
  for (let i = 0; i <= bikes.length; i += size) out.push(bikes.slice(i, i + size));  // bug: empty last wave
  return out.filter(w => w.length);
}

function parseRide(line) {
  const [id, bike, start, end] = line.split(';');
  return { id, bike: bike.trim(), start: Number(start), end: Number(end) };
}

function lateFee(hoursLate) {
  if (hoursLate <= 0) return 0;
  return 200 + 150 * Math.floor(hoursLate);         // bug: a whole number of hours late is charged one hour more
}

module.exports = { fare, freeBikes, waves, parseRide, lateFee };
"""


def _expected(rng: random.Random, k: int):
    """(title, expression, expected JSON) of one booking test; the expected value is the spec's (the bugs break some)."""
    r = rng.random()
    bike = rng.choice(BIKES)
    per = {"city": 0.05, "cargo": 0.09, "ebike": 0.12, "tandem": 0.08, "kids": 0.03, "road": 0.07, "folding": 0.06,
           "trike": 0.08}[bike]
    if r < 0.45:
        mins = rng.randint(31, 400)
        member = rng.random() < 0.4
        day = rng.random() < 0.35 and mins > 150
        paid = mins - 30 if member else mins
        cents = round(paid * per * 100)
        if day:
            cents = min(cents, 1500)
        return (f"charges a {mins}-minute {bike} ride{' (member)' if member else ''}{' on a day pass' if day else ''}"
                f" #{k}", f"fare({{ bike: '{bike}', start: 0, end: {mins * 60}, member: {str(member).lower()}, "
                f"dayPass: {str(day).lower()} }})", json.dumps(cents))
    if r < 0.6:
        mins = rng.randint(3, 29)
        return (f"does not charge a member for a {mins}-minute {bike} ride #{k}",
                f"fare({{ bike: '{bike}', start: 0, end: {mins * 60}, member: true }})", "0")
    if r < 0.72:
        moves = [rng.choice([-1, 1]) for _ in range(rng.randint(3, 12))]
        start = rng.randint(0, 15)
        return (f"counts free bikes after {len(moves)} moves from {start} #{k}", f"freeBikes({start}, {moves})",
                json.dumps(start + sum(moves)))
    if r < 0.82:
        n, size = rng.randint(4, 30), rng.randint(2, 6)
        return (f"splits {n} bikes into waves of {size} #{k}",
                f"waves(Array.from({{ length: {n} }}, (_, i) => i), {size}).length", str(-(-n // size)))
    h = rng.choice([1, 2, 3, 4, 0.5, 1.5, 2.5, 3.2, 4.7])
    import math
    return (f"charges the late fee for {h} hours #{k}", f"lateFee({h})", str(200 + 150 * math.ceil(h) - 150 if h > 1
                                                                              else 200 if h > 0 else 0))


def write_project(tmp: Path, seed: int, n_docks: int, n_cases: int) -> Path:
    rng = random.Random(seed)
    root = tmp / f"spokewise{seed}"
    files = {"package.json": json.dumps({"name": "spokewise", "version": "0.9.2", "private": True,
                                          "main": "lib/booking.js", "scripts": {"test": "mocha test/mocha"}}, indent=2),
             ".eslintrc.json": json.dumps(ESLINTRC, indent=2), "lib/tariff.js": TARIFF, "lib/booking.js": BOOKING,
             "vitest.config.mjs": "export default { test: { include: ['test/vitest/**/*.test.mjs'] } };\n"}
    for k in range(n_docks):
        files[f"lib/docks/{DOCKS[k % len(DOCKS)]}_{k:02d}.js"] = gen_dock(rng, k)
    cases = [_expected(rng, k) for k in range(n_cases)]
    per = rng.choice([6, 7, 9])
    for g in range(0, len(cases), per):
        chunk, n = cases[g:g + per], g // per + 1
        suite = f"booking {['fares', 'docks', 'fleet', 'returns'][n % 4]} {n}"
        imp = "const { fare, freeBikes, waves, lateFee } = "
        m = ["'use strict';", "const assert = require('assert');", imp + "require('../../lib/booking');", "",
             f"describe('{suite}', function () {{"]
        m += [f"  it('{t}', function () {{\n    assert.strictEqual({e}, {w});\n  }});" for t, e, w in chunk]
        files[f"test/mocha/booking{n:02d}.spec.js"] = "\n".join(m + ["});"]) + "\n"
        v = ["import { describe, it, expect } from 'vitest';", "import booking from '../../lib/booking.js';",
             imp + "booking;", "", f"describe('{suite}', () => {{"]
        v += [f"  it('{t}', () => {{\n    expect({e}).toBe({w});\n  }});" for t, e, w in chunk]
        files[f"test/vitest/booking{n:02d}.test.mjs"] = "\n".join(v + ["});"]) + "\n"
        t_ = ["'use strict';", "const { describe, it } = require('node:test');", "const assert = require('node:assert');",
              imp + "require('../lib/booking');", "", f"describe('{suite}', () => {{"]
        t_ += [f"  it('{t}', () => {{\n    assert.equal({e}, {w});\n  }});" for t, e, w in chunk]
        files[f"ntest/booking{n:02d}.test.js"] = "\n".join(t_ + ["});"]) + "\n"
    # node:test also loads the dock modules, so the coverage table has rows of its own code
    files["ntest/docks.test.js"] = ("'use strict';\nconst { it } = require('node:test');\nconst assert = require('node:assert');\n"
                                    "const fs = require('fs');\nconst path = require('path');\n"
                                    "const dir = path.join(__dirname, '../lib/docks');\n"
                                    "it('loads every dock module', () => {\n"
                                    "  for (const f of fs.readdirSync(dir)) assert.ok(require(path.join(dir, f)).dock);\n});\n")
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")
    return root


def lint(tmp: Path) -> None:
    a = write_project(tmp, 4901, 9, 10)
    b = write_project(tmp, 4902, 30, 10)
    c = write_project(tmp, 4903, 60, 10)
    cap("eslint-junit-docks", "npx eslint -f junit lib/docks", a, N_ESLINT_JUNIT)
    cap("eslint-junit-exit", "npx eslint -f junit lib; echo EXIT=$?", b, N_ESLINT_JUNIT)
    cap("eslint-junit-head", "npx eslint --format junit . | head -n 80", c, N_ESLINT_JUNIT)
    cap("eslint-junit-tail", "npx eslint -f junit lib 2>&1 | tail -n 40", c, N_ESLINT_JUNIT)


def tests(tmp: Path) -> None:
    a = write_project(tmp, 4911, 6, 18)
    b = write_project(tmp, 4912, 8, 70)
    c = write_project(tmp, 4913, 12, 240)
    cap("mocha-tap-small", "npx mocha --reporter tap test/mocha", a, N_MOCHA_TAP)
    cap("mocha-tap", "npx mocha -R tap test/mocha; echo EXIT=$?", b, N_MOCHA_TAP)
    cap("mocha-tap-tail", "npx mocha --reporter tap test/mocha 2>&1 | tail -n 40", c, N_MOCHA_TAP)
    cap("mocha-tap-head", "npx mocha --reporter tap 'test/mocha/*.spec.js' | head -n 80", c, N_MOCHA_TAP)
    cap("mocha-dot-small", "npx mocha --reporter dot test/mocha", a, N_MOCHA_DOT)
    cap("mocha-dot", "npx mocha -R dot test/mocha 2>&1; echo EXIT=$?", b, N_MOCHA_DOT)
    cap("mocha-dot-head", "npx mocha --reporter dot test/mocha | head -n 80", c, N_MOCHA_DOT)
    cap("mocha-xunit-small", "npx mocha --reporter xunit test/mocha", a, N_MOCHA_XUNIT)
    cap("mocha-xunit", "npx mocha --reporter xunit test/mocha 2>&1", b, N_MOCHA_XUNIT)
    cap("mocha-xunit-head", "npx mocha -R xunit test/mocha | head -n 80", c, N_MOCHA_XUNIT)
    cap("vitest-tap-small", "npx vitest run --reporter=tap", a, N_VITEST_TAP)
    cap("vitest-tap-exit", "npx vitest run --reporter=tap; echo EXIT=$?", b, N_VITEST_TAP)
    cap("vitest-tap-tail", "npx vitest run --reporter=tap 2>&1 | tail -n 40", c, N_VITEST_TAP)
    cap("node-test-coverage-spec", "node --test --experimental-test-coverage --test-reporter=spec ntest/", a,
        N_NODE_TEST_COV)
    cap("node-test-coverage-exit", "node --test --experimental-test-coverage ntest/; echo EXIT=$?", b,
        N_NODE_TEST_COV)
    cap("node-test-coverage-tail", "node --test --experimental-test-coverage ntest/ 2>&1 | tail -n 90", c,
        N_NODE_TEST_COV)


STEPS = [lint, tests]
