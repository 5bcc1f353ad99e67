"""Round 321, JavaScript: round 284's project generator (capture_wide284_js: `project`, `gen_cases`, `test_file`,
`break_it`), imported and run with this round's seeds, barley varieties and faults, its trees copied in this round's
words: `maltfloor`, a malting floor's steep, germination and kilning schedule. Run under mocha (spec, dot and tap
reporters) and jest (failing suites, --verbose, -t, a snapshot written from the unbroken code that no longer
matches). Extractors imported (NEEDLES.md, "Round 321"). Run through capture_wide321.py."""

from __future__ import annotations

from pathlib import Path

import capture_wide284_js as g284
from capture_more import run
from capture_wide15_js import n_jest, n_mocha
from capture_wide44_js import N_JEST_VERBOSE, N_MOCHA_DOT, N_MOCHA_TAP
from capture_wide46_js import N_JEST_SNAPSHOT

VARIETIES = ["Maris Otter", "Golden Promise", "Plumage Archer", "Chevallier", "Bere", "Concerto", "Laureate",
             "Propino", "Optic", "Tipple", "Halcyon", "Pearl"]

# round 284's words, then this round's (applied in order to paths and texts)
RENAMES = (
    ("hopkiln", "maltfloor"),
    ("A hop kiln", "A malting floor"),
    ("hop kiln", "malting floor"),
    ("kiln floor", "germination bed"),
    ("kiln-floor", "germination-bed"),
    ("floorLoad", "bedLoad"),
    ("on the kiln floor", "on the germination bed"),
    ("oast house two", "floor two"),
    ("oast-house-two", "floor-two"),
    ("east kiln", "east floor"),
    ("east-kiln", "east-floor"),
    ("west kiln", "west floor"),
    ("west-kiln", "west-floor"),
    ("cowl draught", "steep tank"),
    ("cowl-draught", "steep-tank"),
    ("press room", "turning rake"),
    ("press-room", "turning-rake"),
    ("night shift", "night turn"),
    ("night-shift", "night-turn"),
    ("a sack of dried hops", "a sack of finished malt"),
    ("pockets", "sacks"),
    ("pocket", "sack"),
    ("labels", "tags"),
    ("label", "tag"),
    ("0 = sweat, 1 = dry, 2 = cure", "0 = steep, 1 = germinate, 2 = cure"),
    ("Kiln", "Floor"),
    ("kiln", "floor"),
)

# this round's faults, put in (in this round's words, after the copy and the snapshot) after the expectations
FAULTS = [
    ("src/moisture.js", "if (m > 12) return 'wet';", "if (m >= 12) return 'wet';"),
    ("src/moisture.js", "while (m > target && h < 200)", "while (m >= target && h < 200)"),
    ("src/tags.js", "batches.reduce((s, b) => s + b.kg, 0)", "batches.reduce((s, b) => s + b.kg)"),
    ("src/tags.js", "const step = [0, 8, 14][stage];", "const step = [0, 8, 16][stage];"),
    ("src/tags.js", "String(batch.id).padStart(4, '0')", "batch.id.padStart(4, '0')"),
]


def project(dest: Path, seed: int, n_files: int, per_file: int, style: str) -> Path:
    """Round 284's project with this round's varieties and seed, copied in this round's words."""
    from capture_wide321 import JS, copy_renamed
    g284.VARIETIES = VARIETIES
    st = g284.project(dest.parent / (dest.name + "-stage"), seed, n_files, per_file, style, JS / "node_modules")
    return copy_renamed(st, dest, RENAMES)


def break_it(root: Path) -> None:
    g284.BUGS = FAULTS
    g284.break_it(root)


def mocha(tmp: Path) -> None:
    from capture_wide321 import cap
    root = project(tmp / "maltfloor-mocha", 32101, 9, 38, "mocha")
    break_it(root)
    cap("mocha-spec-maltfloor", "npx mocha", root, n_mocha)
    cap("mocha-dot-maltfloor", "npx mocha --reporter dot", root, N_MOCHA_DOT)
    cap("mocha-tap-maltfloor", "npx mocha --reporter tap", root, N_MOCHA_TAP)
    cap("mocha-spec-two-files-head", "npx mocha test/grading.spec.js test/night-turn.spec.js 2>&1 | head -n 90", root,
        n_mocha)
    cap("mocha-tap-bed-exit", "npx mocha --reporter tap test/germination-bed.spec.js; echo EXIT=$?", root,
        N_MOCHA_TAP)
    cap("mocha-dot-cd", f"cd {root.name} && npx mocha --reporter dot test/drying-curve.spec.js test/east-floor.spec.js "
        "test/floor-two.spec.js", tmp, N_MOCHA_DOT)
    cap("mocha-tap-grep-not-ok", "npx mocha --reporter tap 2>&1 | grep -E '^(not ok|# )'", root, N_MOCHA_TAP)
    cap("mocha-spec-grep-hoursTo", "npx mocha --grep 'hoursTo' ; echo EXIT=$?", root, n_mocha)


def jest(tmp: Path) -> None:
    from capture_wide321 import cap
    root = project(tmp / "maltfloor-jest", 32102, 8, 34, "jest")
    # the snapshot is written from the unbroken code; nothing of this run is kept
    run("npx jest --ci=false test/schedule.snap.test.js", cwd=root, timeout=300)
    break_it(root)
    cap("jest-maltfloor", "npx jest --ci", root, n_jest, timeout=300)
    cap("jest-verbose-maltfloor", "npx jest --ci --verbose", root, N_JEST_VERBOSE, timeout=300)
    cap("jest-snapshot-schedule", "npx jest --ci test/schedule.snap.test.js", root, N_JEST_SNAPSHOT, timeout=300)
    cap("jest-tail", "npx jest --ci 2>&1 | tail -n 80", root, n_jest, timeout=300)
    cap("jest-two-suites-exit", "npx jest --ci test/grading.test.js test/sack-tags.test.js; echo EXIT=$?", root,
        n_jest, timeout=300)
    cap("jest-name-filter-stageTemp", "npx jest --ci -t 'stageTemp'", root, n_jest, timeout=300)
    cap("jest-snapshot-cd", f"cd {root.name} && npx jest --ci --verbose test/schedule.snap.test.js "
        "test/east-floor.test.js", tmp, N_JEST_SNAPSHOT, timeout=300)


STEPS = [mocha, jest]
