"""Round 284, JavaScript: a project written here, `hopkiln` (a hop kiln's drying schedule and moisture readings),
its tests widened by a seeded generator whose expectations come from the unbroken code, bugs then put in; run under
mocha (spec, dot and tap reporters) and jest (failing suites, --verbose, a snapshot written from the unbroken code
that no longer matches). Extractors imported (NEEDLES.md, "Round 284"). Run through capture_wide284.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide15_js import n_jest, n_mocha
from capture_wide44_js import N_JEST_VERBOSE, N_MOCHA_DOT, N_MOCHA_TAP
from capture_wide46_js import N_JEST_SNAPSHOT

VARIETIES = ["Fuggle", "Goldings", "Challenger", "Target", "Bramling", "Progress", "Admiral", "Pilgrim", "Sovereign",
             "Boadicea", "Phoenix", "Northdown"]

MOISTURE = """'use strict';

/** Moisture (percent) after `hours` in the kiln, losing `ratePct` of what is left each hour. */
function moistureAfter(initial, hours, ratePct) {
  let m = initial;
  for (let h = 0; h < hours; h++) {
    m = m - Math.floor((m * ratePct) / 100);
  }
  return m;
}

/** A batch's grade from its moisture. */
function grade(m) {
  if (m > 12) return 'wet';
  if (m >= 8) return 'ok';
  return 'over-dried';
}

/** Hours needed to bring `initial` down to at most `target`. */
function hoursTo(initial, target, ratePct) {
  let h = 0;
  let m = initial;
  while (m > target && h < 200) {
    m = m - Math.floor((m * ratePct) / 100);
    h += 1;
  }
  return h;
}

module.exports = { moistureAfter, grade, hoursTo };
"""

LABELS = """'use strict';

/** The label printed on a pocket (a sack of dried hops). */
function label(batch) {
  return `${batch.variety}#${String(batch.id).padStart(4, '0')} ${batch.moisture}% ${batch.kg}kg`;
}

/** Total kilograms on the kiln floor. */
function floorLoad(batches) {
  return batches.reduce((s, b) => s + b.kg, 0);
}

/** Kiln temperature (C) for a stage: 0 = sweat, 1 = dry, 2 = cure. */
function stageTemp(stage, base) {
  const step = [0, 8, 14][stage];
  if (step === undefined) throw new RangeError(`no kiln stage ${stage}`);
  return base + step;
}

module.exports = { label, floorLoad, stageTemp };
"""

SCHEDULE = """'use strict';
const { moistureAfter, grade, hoursTo } = require('./moisture');
const { stageTemp } = require('./labels');

/** The drying schedule of one batch: three stages, their temperatures, the moisture and grade at each end. */
function schedule(batch) {
  const out = [];
  let m = batch.moisture;
  for (let stage = 0; stage < 3; stage++) {
    const hours = [2, 6, 3][stage];
    m = moistureAfter(m, hours, batch.rate);
    out.push({ stage, temp: stageTemp(stage, batch.base), hours, moisture: m, grade: grade(m) });
  }
  return { id: batch.id, variety: batch.variety, stages: out, toTarget: hoursTo(batch.moisture, 10, batch.rate) };
}

module.exports = { schedule };
"""

# the bugs put in after the expectations (and the snapshot) were made from the code above
BUGS = [
    ("src/moisture.js", "for (let h = 0; h < hours; h++)", "for (let h = 0; h <= hours; h++)"),
    ("src/moisture.js", "if (m >= 8) return 'ok';", "if (m > 8) return 'ok';"),
    ("src/labels.js", "padStart(4, '0')", "padStart(3, '0')"),
    ("src/labels.js", "const step = [0, 8, 14][stage];", "const step = [0, 8, 14][stage - 1] || 0;"),
]


def py_moisture(initial: int, hours: int, rate: int) -> int:
    m = initial
    for _ in range(hours):
        m -= (m * rate) // 100
    return m


def py_grade(m: int) -> str:
    return "wet" if m > 12 else "ok" if m >= 8 else "over-dried"


def py_hours_to(initial: int, target: int, rate: int) -> int:
    h, m = 0, initial
    while m > target and h < 200:
        m -= (m * rate) // 100
        h += 1
    return h


def py_label(v: str, i: int, m: int, kg: int) -> str:
    return f"{v}#{i:04d} {m}% {kg}kg"


def gen_cases(rnd: random.Random, n: int) -> list[tuple[str, str, str]]:
    """(title, expression, expected literal) cases, expectations from the unbroken code."""
    out = []
    for _ in range(n):
        k = rnd.randrange(6)
        if k == 0:
            a, h, r = rnd.randint(60, 85), rnd.randint(0, 9), rnd.randint(5, 25)
            out.append((f"moistureAfter({a}, {h}, {r})", f"moistureAfter({a}, {h}, {r})", str(py_moisture(a, h, r))))
        elif k == 1:
            m = rnd.choice([4, 6, 7, 8, 8, 9, 10, 12, 13, 15, 20])
            out.append((f"grade({m})", f"grade({m})", repr(py_grade(m))))
        elif k == 2:
            a, t, r = rnd.randint(60, 85), rnd.choice([8, 10, 12]), rnd.randint(8, 25)
            out.append((f"hoursTo({a}, {t}, {r})", f"hoursTo({a}, {t}, {r})", str(py_hours_to(a, t, r))))
        elif k == 3:
            v, i, m, kg = rnd.choice(VARIETIES), rnd.choice([7, 42, 315, 1204, 88, 9]), rnd.randint(8, 12), rnd.randint(20, 80)
            out.append((f"label of {v} #{i}", f"label({{variety: '{v}', id: {i}, moisture: {m}, kg: {kg}}})",
                        repr(py_label(v, i, m, kg))))
        elif k == 4:
            kgs = [rnd.randint(20, 90) for _ in range(rnd.randint(2, 6))]
            arr = ", ".join(f"{{kg: {x}}}" for x in kgs)
            out.append((f"floorLoad of {len(kgs)} pockets", f"floorLoad([{arr}])", str(sum(kgs))))
        else:
            st, base = rnd.randint(0, 2), rnd.choice([52, 55, 58, 60])
            out.append((f"stageTemp({st}, {base})", f"stageTemp({st}, {base})", str(base + [0, 8, 14][st])))
    return out


def test_file(cases, suite: str, style: str) -> str:
    head = ("'use strict';\n" + ("const assert = require('node:assert');\n" if style == "mocha" else "")
            + "const { moistureAfter, grade, hoursTo } = require('../src/moisture');\n"
            + "const { label, floorLoad, stageTemp } = require('../src/labels');\n\n"
            + f"describe('{suite}', () => {{\n")
    body = []
    for title, expr, exp in cases:
        if style == "mocha":
            body.append(f"  it('{title}', () => {{\n    assert.strictEqual({expr}, {exp});\n  }});\n")
        else:
            body.append(f"  test('{title}', () => {{\n    expect({expr}).toBe({exp});\n  }});\n")
    return head + "\n".join(body) + "});\n"


SNAP_TEST = """'use strict';
const { schedule } = require('../src/schedule');

const batches = %s;

describe('kiln schedule', () => {
  for (const b of batches) {
    test(`schedule of ${b.variety} #${b.id}`, () => {
      expect(schedule(b)).toMatchSnapshot();
    });
  }
});
"""


def project(root: Path, seed: int, n_files: int, per_file: int, style: str, node_modules: Path) -> Path:
    rnd = random.Random(seed)
    files = {"src/moisture.js": MOISTURE, "src/labels.js": LABELS, "src/schedule.js": SCHEDULE,
             "package.json": '{"name": "hopkiln", "version": "0.3.0", "private": true}\n'}
    suites = ["drying curve", "pocket labels", "kiln floor", "grading", "stage temperatures", "night shift",
              "oast house two", "east kiln", "west kiln", "moisture probe", "cowl draught", "press room"]
    for i in range(n_files):
        name = f"test/{suites[i].replace(' ', '-')}.{'spec' if style == 'mocha' else 'test'}.js"
        files[name] = test_file(gen_cases(rnd, per_file), suites[i], style)
    if style == "jest":
        bs = [f"{{id: {100 + i}, variety: '{rnd.choice(VARIETIES)}', moisture: {rnd.randint(68, 82)}, "
              f"rate: {rnd.randint(10, 22)}, base: {rnd.choice([52, 55, 58])}}}" for i in range(8)]
        files["test/schedule.snap.test.js"] = SNAP_TEST % ("[\n  " + ",\n  ".join(bs) + "\n]")
    write_tree(root, files)
    (root / "node_modules").unlink(missing_ok=True)
    (root / "node_modules").symlink_to(node_modules)
    return root


def break_it(root: Path) -> None:
    for rel, old, new in BUGS:
        p = root / rel
        src = p.read_text()
        assert old in src, (rel, old)
        p.write_text(src.replace(old, new))


def mocha(tmp: Path) -> None:
    from capture_wide284 import JS, cap
    root = project(tmp / "hopkiln-mocha", 28401, 8, 40, "mocha", JS / "node_modules")
    break_it(root)
    cap("mocha-spec-hopkiln", "npx mocha", root, n_mocha)
    cap("mocha-dot-hopkiln", "npx mocha --reporter dot", root, N_MOCHA_DOT)
    cap("mocha-tap-hopkiln", "npx mocha --reporter tap", root, N_MOCHA_TAP)
    cap("mocha-spec-head", "npx mocha --reporter spec test/grading.spec.js 2>&1 | head -n 80", root, n_mocha)
    cap("mocha-tap-one-file", "npx mocha --reporter tap test/grading.spec.js test/kiln-floor.spec.js; echo EXIT=$?",
        root, N_MOCHA_TAP)
    cap("mocha-dot-cd", f"cd {root.name} && npx mocha --reporter dot test/drying-curve.spec.js test/east-kiln.spec.js",
        tmp, N_MOCHA_DOT)
    cap("mocha-spec-grep-label", "npx mocha --grep 'label' ; echo EXIT=$?", root, n_mocha)


def jest(tmp: Path) -> None:
    from capture_wide284 import JS, cap
    root = project(tmp / "hopkiln-jest", 28402, 7, 36, "jest", JS / "node_modules")
    # the snapshot is written from the unbroken code; nothing of this run is kept
    run("npx jest --ci=false test/schedule.snap.test.js", cwd=root, timeout=300)
    break_it(root)
    cap("jest-hopkiln", "npx jest --ci", root, n_jest, timeout=300)
    cap("jest-verbose-hopkiln", "npx jest --ci --verbose", root, N_JEST_VERBOSE, timeout=300)
    cap("jest-snapshot-schedule", "npx jest --ci test/schedule.snap.test.js", root, N_JEST_SNAPSHOT, timeout=300)
    cap("jest-tail", "npx jest --ci 2>&1 | tail -n 70", root, n_jest, timeout=300)
    cap("jest-two-suites-exit", "npx jest --ci test/grading.test.js test/pocket-labels.test.js; echo EXIT=$?", root,
        n_jest, timeout=300)
    cap("jest-name-filter-grade", "npx jest --ci -t 'grade'", root, n_jest, timeout=300)
    cap("jest-snapshot-cd", f"cd {root.name} && npx jest --ci --verbose test/schedule.snap.test.js test/grading.test.js", tmp,
        N_JEST_SNAPSHOT, timeout=300)


STEPS = [mocha, jest]
