"""Round 296, the material the two Gemini CLI runs work in (no item is captured here): parsedatetime's sdist with bugs
put in and a script that runs its code wrongly, a git history built by committing its sources in steps, the bitts
project (round 289's JavaScript module renamed, with other numbers, under a generated vitest suite whose expectations
come from the unbroken module), a Go module (`bowsprit`) with seeded table tests, a C project (`garboard`) and a Rust
crate (`sheerstrake`) on round 191's generators with other names and seeds, a shell script with faults
(`bilgeboard.sh`), a CSV and a sqlite table of this machine's man pages and two application logs. Run through
capture_wide296.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide289_mat as m289
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide296 import JS, SRC, VENV

PD = "parsedatetime-2.6"

# parsedatetime: "hundred" multiplies by ten; an empty quantity counts as none rather than one; a month past
# November rolls into the next year; the day clamped one short of the month's last.
PD_BUGS = [("parsedatetime/__init__.py", '            elif word == "hundred":\n                a *= 100\n',
            '            elif word == "hundred":\n                a *= 10\n'),
           ("parsedatetime/__init__.py", "        if not quantity:\n            return 1.0\n",
            "        if not quantity:\n            return 0.0\n"),
           ("parsedatetime/__init__.py", "            elif mth > 12:  # cross end-of-year?",
            "            elif mth >= 12:  # cross end-of-year?"),
           ("parsedatetime/__init__.py", "            if dy > maxDay:\n                dy = maxDay\n",
            "            if dy > maxDay:\n                dy = maxDay - 1\n")]

FOTHERING = r"""
import time

import parsedatetime


class FotheringError(RuntimeError):
    pass


SCHEDULE = ["tomorrow 9am", "in 3 days", "next friday at noon", 17, "eod"]


def fothering_times(entries):
    cal = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)
    out = []
    for entry in entries:
        try:
            parsed, ctx = cal.parse(entry.strip(), time.localtime(0))
        except AttributeError as exc:
            raise FotheringError(f"fothering schedule entry {entry!r} could not be read") from exc
        out.append((entry, ctx.hasDateOrTime))
    return out


print(fothering_times(SCHEDULE))
"""

BILGEBOARD = r"""#!/bin/sh
# bilgeboard.sh: lift the bilgeboards' pivot readings into a survey directory
set -e
SURVEY=$1
READINGS=`ls $SURVEY/*.dat`
for r in $READINGS; do
  board=$(basename $r .dat)
  if [ $board == "spare" ]; then
    echo "skipping spare board"
    continue
  fi
  cp $r /tmp/bilgeboard/$board.dat
  read first < $r
  echo "board $board: $first" >> $SURVEY/lift.log
done
cd $SURVEY/lifted
rm -rf $SURVEY/lifted/*
total=$(ls $SURVEY | wc -l)
if [ $total -gt 0 ]
then
  echo "lifted $total boards" | tee -a $SURVEY/lift.log
fi
for pin in $(cat $SURVEY/pins.txt); do
  let k=k+1
  echo $pin $k
done
trap "rm -f $SCRATCH" EXIT
echo $NEVER_SET_ANYWHERE
exit $?
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / PD, PD_BUGS)
    (tmp / PD / "fothering.py").write_text(FOTHERING)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict parsedatetime fothering.py >/dev/null 2>&1; true", cwd=tmp / PD, timeout=600)
    history(tmp, SRC, "parsedatetime", PD, ["parsedatetime/__init__.py", "parsedatetime/context.py",
                                               "tests/TestUnits.py"],
            [("Tamsin Polglaze", "tamsin@example.org"), ("Jory Angwin", "jory@example.org"),
             ("Demelza Carlyon", "demelza@example.org")], 29601, 120, PD_BUGS)


def _bitts(text: str) -> str:
    return (text.replace("pintle", "bitts").replace("rudder-hinge sums for a bitts (pin lengths, swing rates, fitting "
                                                    "charts)", "mooring-line sums for bitts (warp lengths, haul "
                                                    "rates, belay charts)")
            .replace("+ turns * 4.25;", "+ turns * 5.75;").replace("spm * 0.38 * 1000", "spm * 0.47 * 1000")
            .replace("[11, 14, 18, 20, 22, 24, 26, 28, 30, 32, 36, 40]", "[10, 13, 17, 19, 21, 23, 25, 27, 29, 31, 35, 39]")
            .replace("ogee: 0.64, ovolo: 0.77, square: 0.91, scotia: 0.57", "ogee: 0.61, ovolo: 0.73, square: 0.87, "
                     "scotia: 0.52")
            .replace("thwart", "cleat").replace("hingePlan", "warpPlan").replace("No hinge planned", "No warp planned"))


BITTS = _bitts(m289.PINTLE)
BT_BUGS = [("bitts.js", "+ turns * 5.75;", "+ turns * 5;"),
           ("bitts.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("bitts.js", ".join('-');", ".join('+');"),
           ("bitts.js", "ovolo: 0.73", "ovolo: 0.7")]

FIXTURES = (_bitts(m289.FIXTURES).replace("let seed = 28903;", "let seed = 29603;")
            .replace("import {test} from 'node:test';\\nimport assert from 'node:assert/strict';\\n\" +\n"
                     "  \"import r from '../lib/bitts.js';\\n\\n\"",
                     "import {test} from 'vitest';\\nimport assert from 'node:assert/strict';\\n\" +\n"
                     "  \"import {createRequire} from 'node:module';\\n\" +\n"
                     "  \"const r = createRequire(import.meta.url)('../lib/bitts.js');\\n\\n\"")
            .replace("spec/lines.test.mjs", "spec/warps.test.mjs"))
assert "vitest" in FIXTURES and "29603" in FIXTURES


def js_project(tmp: Path) -> None:
    root = tmp / "bitts"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "bitts", "version": "1.4.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/warp-plan.js": _bitts(m289.APP), "lib/bitts.js": BITTS,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in BT_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


GO_SRC = """package bowsprit

import "strings"

// Reef is the sail area left after n reefs (18 per cent each).
func Reef(area int, n int) int {
	return area * (100 - 18*n) / 100
}

// Knots converts centimetres per second to tenths of a knot.
func Knots(cms int) int {
	return cms * 1944 / 10000
}

// Band is the wind band of a speed in knots.
func Band(kn int) int {
	limits := []int{4, 7, 11, 17, 22, 28, 34, 41}
	for i, l := range limits {
		if kn < l {
			return i
		}
	}
	return len(limits)
}

// Label joins the words title-cased with dashes.
func Label(words []string) string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		out = append(out, strings.ToUpper(w[:1])+strings.ToLower(w[1:]))
	}
	return strings.Join(out, "-")
}
"""

GO_BUGS = [("return area * (100 - 18*n) / 100", "return area * (100 - 16*n) / 100"),
           ("if kn < l {", "if kn <= l {"), ('strings.Join(out, "-")', 'strings.Join(out, "_")')]


def _go_expect(rnd: random.Random) -> str:
    words = ["bob", "STAY", "Whisker", "cap", "gammon", "IRON", "martingale", "heel", "dolphin", "Striker"]
    lines = ["package bowsprit", "", "import \"testing\"", ""]
    for fn in ("Reef", "Knots", "Band", "Label"):
        cases = []
        for k in range(45):
            if fn == "Reef":
                a, n = rnd.randint(8, 90), rnd.randint(0, 3)
                cases.append((f"{a}, {n}", str(a * (100 - 18 * n) // 100), f"area{a}_reefs{n}"))
            elif fn == "Knots":
                c = rnd.randint(20, 4000)
                cases.append((str(c), str(c * 1944 // 10000), f"cms{c}"))
            elif fn == "Band":
                kn = rnd.choice([2, 4, 6, 7, 10, 11, 15, 17, 20, 22, 27, 28, 33, 34, 40, 41, 45])
                band = next((i for i, lim in enumerate([4, 7, 11, 17, 22, 28, 34, 41]) if kn < lim), 8)
                cases.append((str(kn), str(band), f"kn{kn}"))
            else:
                ws = [rnd.choice(words) for _ in range(rnd.randint(1, 3))]
                want = "-".join(w[:1].upper() + w[1:].lower() for w in ws)
                args = "[]string{" + ", ".join(json.dumps(w) for w in ws) + "}"
                cases.append((args, json.dumps(want), "_".join(ws).lower()))
        lines.append(f"func Test{fn}(t *testing.T) {{")
        lines.append("\tcases := []struct {\n\t\tname string\n\t\tgot  func() any\n\t\twant any\n\t}{")
        for j, (args, want, name) in enumerate(cases):
            lines.append(f"\t\t{{\"{j:02d}_{name}\", func() any {{ return {fn}({args}) }}, {want}}},")
        lines.append("\t}")
        lines.append("\tfor _, c := range cases {\n\t\tt.Run(c.name, func(t *testing.T) {\n"
                     "\t\t\tif got := c.got(); got != c.want {\n"
                     f"\t\t\t\tt.Errorf(\"{fn}: got %v, want %v\", got, c.want)\n\t\t\t}}\n\t\t}})\n\t}}")
        lines.append("}")
        lines.append("")
    return "\n".join(lines)


def go_module(tmp: Path) -> None:
    root = tmp / "bowsprit"
    src = GO_SRC
    for old, new in GO_BUGS:
        assert src.count(old) == 1, old
        src = src.replace(old, new)
    write_tree(root, {"go.mod": "module example.org/bowsprit\n\ngo 1.19\n", "bowsprit.go": src,
                      "bowsprit_test.go": _go_expect(random.Random(29602))})


def _garboard(text: str) -> str:
    return (text.replace("WEIRKEEPER", "GARBOARD").replace("weirkeeper", "garboard").replace("weir", "seam")
            .replace("sluice", "caulk").replace("gate_t", "caulk_t").replace("gates", "caulks")
            .replace("level_cm", "gap_mm").replace("tide", "oakum"))


def c_project(tmp: Path) -> None:
    root = tmp / "garboard"
    rnd = random.Random(29604)
    files = {"src/garboard.h": _garboard(n191.SKIFF_H), "src/ledger.c": _garboard(n191.SKIFF_C)}
    for k in range(36):
        files[f"src/seam_{k:02d}.c"] = _garboard(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: garboard\n\n"
                         "garboard: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/garboard.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build garboard\n")
    write_tree(root, files)


def _sheer(text: str) -> str:
    return (text.replace("plumbline", "sheerstrake").replace("Plumb-line survey", "Sheerstrake fairing survey")
            .replace("offset_per_m", "sheer_per_plank").replace("station_penalty", "strake_penalty")
            .replace("readings", "planks").replace("reading", "plank").replace("station", "strake_site"))


def rust(tmp: Path) -> None:
    root = tmp / "sheerstrake"
    rnd = random.Random(29605)
    write_tree(root, {"Cargo.toml": _sheer(n191.CARGO).replace("0.3.4", "0.8.1"), "src/lib.rs": _sheer(n191.LIB),
                      "src/broken.rs": _sheer(n191.BROKEN), "src/planks.rs": _sheer(n191.gen_readings(rnd, 190))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/man -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > man.body && "
        "(echo directory,file,bytes,modified; cat man.body) > manpages.csv && rm man.body", cwd=d)
    run("sqlite3 manpages.db '.mode csv' '.import manpages.csv manpages'", cwd=d)
    app_log(d / "deadeye.log", 29606, 2000, ["deadeye.shroud", "deadeye.lanyard", "deadeye.api", "deadeye.store"], {
        "INFO": lambda r: f"shroud {r.randint(1, 6)} set up to {r.randint(200, 900)} kg in {r.randint(5, 90)} s",
        "DEBUG": lambda r: f"tension gauge poll {r.randint(1, 60)} took {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"shroud {r.randint(1, 6)} slack by {r.randint(5, 40)} mm after gust",
        "ERROR": lambda r: f"deadeye {r.randint(1, 12)} cracked at hole {r.randint(1, 3)} under {r.randint(4, 30)} kN"},
        7300, "2026-11-30")
    app_log(d / "slipway.log", 29607, 1900, ["slipway.cradle", "slipway.winch", "slipway.api", "slipway.db"], {
        "INFO": lambda r: f"cradle {r.randint(1, 4)} hauled {r.randint(2, 40)} m in {r.randint(30, 600)} s",
        "DEBUG": lambda r: f"winch encoder read {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"rail {r.randint(1, 2)} grease low at chock {r.randint(1, 30)}",
        "ERROR": lambda r: f"winch {r.randint(1, 2)} brake slipped {r.randint(5, 90)} cm under {r.randint(3, 25)} t"},
        5100, "2026-12-01")
    (tmp / "bilgeboard").mkdir()
    (tmp / "bilgeboard" / "bilgeboard.sh").write_text(BILGEBOARD)


STEPS = [python, js_project, go_module, c_project, rust, data]
