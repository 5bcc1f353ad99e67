"""Round 334, JavaScript: round 284's project generator (capture_wide284_js: `project`, `gen_cases`, `test_file`,
`break_it`), imported and run with this round's seeds, salt grades and faults, its trees copied in this round's words
by round 321's `copy_renamed` (imported): `panhouse`, a salt pan's evaporation schedule and brine-strength readings.
Run under mocha (spec, dot and tap reporters) and jest (failing suites, --verbose, -t, a snapshot written from the
unbroken code that no longer matches). Extractors imported (NEEDLES.md, "Round 334"). Run through
capture_wide334.py."""

from __future__ import annotations

from pathlib import Path

import capture_wide284_js as brine  # round 284's generators
from capture_more import run
from capture_wide15_js import n_jest, n_mocha
from capture_wide44_js import N_JEST_VERBOSE, N_MOCHA_DOT, N_MOCHA_TAP
from capture_wide46_js import N_JEST_SNAPSHOT
from capture_wide321 import copy_renamed as rake_into, renamed as brine_words  # round 321's renaming copy

GRADES = ["Fleur", "Flake", "Fishery", "Dairy", "Butter", "Table", "Bay", "Stoved", "Common", "Crystal", "Hollow",
          "Grainer"]

# round 284's words, then this round's (applied in order to paths and texts)
RENAMES = (
    ("hopkiln", "panhouse"),
    ("drying curve", "evaporation curve"),
    ("drying-curve", "evaporation-curve"),
    ("pocket labels", "lump dockets"),
    ("pocket-labels", "lump-dockets"),
    ("kiln floor", "pan bed"),
    ("kiln-floor", "pan-bed"),
    ("floorLoad", "panLoad"),
    ("night shift", "night boiling"),
    ("night-shift", "night-boiling"),
    ("oast house two", "wich house two"),
    ("oast-house-two", "wich-house-two"),
    ("east kiln", "east pan"),
    ("east-kiln", "east-pan"),
    ("west kiln", "west pan"),
    ("west-kiln", "west-pan"),
    ("moisture probe", "brine gauge"),
    ("moisture-probe", "brine-gauge"),
    ("cowl draught", "flue draught"),
    ("cowl-draught", "flue-draught"),
    ("press room", "lump room"),
    ("press-room", "lump-room"),
    ("a sack of dried hops", "a lump of stoved salt"),
    ("pockets", "lumps"),
    ("pocket", "lump"),
    ("labels", "dockets"),
    ("label", "docket"),
    ("0 = sweat, 1 = dry, 2 = cure", "0 = warm, 1 = boil, 2 = draw"),
    ("'wet'", "'weak'"),
    ("'over-dried'", "'saturated'"),
    ("Moisture", "Strength"),
    ("moisture", "strength"),
    ("Kiln", "Pan"),
    ("kiln", "pan"),
)

# this round's faults, in round 284's words, put in (renamed, after the copy and the snapshot) after the expectations
FAULTS = [
    ("src/moisture.js", "m = m - Math.floor((m * ratePct) / 100);", "m = m - Math.round((m * ratePct) / 100);"),
    ("src/moisture.js", "if (m >= 8) return 'ok';", "if (m >= 7) return 'ok';"),
    ("src/labels.js", "${batch.kg}kg`", "${batch.kg} kg`"),
    ("src/labels.js", "batches.reduce((s, b) => s + b.kg, 0)", "batches.reduce((s, b) => s + b.weight.kg, 0)"),
    ("src/labels.js", "const step = [0, 8, 14][stage];", "const step = [0, 9, 14][stage];"),
]


def project(dest: Path, seed: int, n_files: int, per_file: int, style: str) -> Path:
    """Round 284's project with this round's salt grades and seed, copied in this round's words."""
    from capture_wide334 import JS
    brine.VARIETIES = GRADES
    st = brine.project(dest.parent / (dest.name + "-stage"), seed, n_files, per_file, style, JS / "node_modules")
    return rake_into(st, dest, RENAMES)


def break_it(root: Path) -> None:
    brine.BUGS = [tuple(brine_words(s, RENAMES) for s in f) for f in FAULTS]
    brine.break_it(root)


def mocha(tmp: Path) -> None:
    from capture_wide334 import cap
    root = project(tmp / "panhouse-mocha", 33430, 9, 36, "mocha")
    break_it(root)
    cap("mocha-spec-panhouse", "npx mocha", root, n_mocha)
    cap("mocha-dot-panhouse", "npx mocha --reporter dot", root, N_MOCHA_DOT)
    cap("mocha-tap-panhouse", "npx mocha --reporter tap", root, N_MOCHA_TAP)
    cap("mocha-spec-dockets-head", "npx mocha test/lump-dockets.spec.js 2>&1 | head -n 90", root, n_mocha)
    cap("mocha-tap-two-exit", "npx mocha --reporter tap test/grading.spec.js test/pan-bed.spec.js; echo EXIT=$?",
        root, N_MOCHA_TAP)
    cap("mocha-dot-cd", f"cd {root.name} && npx mocha --reporter dot test/evaporation-curve.spec.js "
        "test/east-pan.spec.js test/wich-house-two.spec.js", tmp, N_MOCHA_DOT)
    cap("mocha-spec-grep-panLoad", "npx mocha --grep 'panLoad' ; echo EXIT=$?", root, n_mocha)
    cap("mocha-tap-grep-not-ok", "npx mocha --reporter tap 2>&1 | grep -E '^(not ok|# )'", root, N_MOCHA_TAP)


def jest(tmp: Path) -> None:
    from capture_wide334 import cap
    root = project(tmp / "panhouse-jest", 33431, 8, 32, "jest")
    # the snapshot is written from the unbroken code; nothing of this run is kept
    run("npx jest --ci=false test/schedule.snap.test.js", cwd=root, timeout=300)
    break_it(root)
    cap("jest-panhouse", "npx jest --ci", root, n_jest, timeout=300)
    cap("jest-verbose-panhouse", "npx jest --ci --verbose", root, N_JEST_VERBOSE, timeout=300)
    cap("jest-snapshot-schedule", "npx jest --ci test/schedule.snap.test.js", root, N_JEST_SNAPSHOT, timeout=300)
    cap("jest-tail", "npx jest --ci 2>&1 | tail -n 90", root, n_jest, timeout=300)
    cap("jest-two-suites-exit", "npx jest --ci test/grading.test.js test/lump-dockets.test.js; echo EXIT=$?", root,
        n_jest, timeout=300)
    cap("jest-name-filter-hoursTo", "npx jest --ci -t 'hoursTo'", root, n_jest, timeout=300)
    cap("jest-grep-bullets", "npx jest --ci test/lump-dockets.test.js test/pan-bed.test.js 2>&1 "
        "| grep -E '●|Tests:|Test Suites:|FAIL|PASS'", root, n_jest, timeout=300)
    cap("jest-bail-one-suite", "npx jest --ci --bail test/stage-temperatures.test.js", root, n_jest, timeout=300)
    cap("jest-snapshot-cd", f"cd {root.name} && npx jest --ci --verbose test/schedule.snap.test.js "
        "test/east-pan.test.js", tmp, N_JEST_SNAPSHOT, timeout=300)


STEPS = [mocha, jest]
