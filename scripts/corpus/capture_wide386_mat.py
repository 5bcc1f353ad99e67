"""Round 386, the material the two Gemini CLI runs work in (no item is captured here): fqdn's sdist with bugs put in
and a script that drives it wrongly, a git history built by committing its sources in steps, the slakepit project
(round 308's JavaScript module, as round 347's capture_wide347_mat holds it, in this round's words, with other
numbers, under its generated node --test suite whose expectations come from the unbroken module), the chargetally Go
module and the limeworks deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`drawhole`) and a Rust crate (`slaker`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of this machine's /usr/share/man/man7 files and two application logs. Run through capture_wide386.py. The
generators are imported, never copied; only the words and seeds are this round's."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide289_mat as m289
import capture_wide347_mat as m347
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

FQ = "fqdn-1.6.0"

# fqdn: the 253-octet limit raised to 254; min_labels defaulting to 1; `relative` keeping an absolute name's dot; the
# name no longer lower-cased (so equal names in other cases differ).
FQ_BUGS = [("fqdn/__init__.py", "if length > 253:", "if length > 254:"),
           ("fqdn/__init__.py", 'kwargs.get("min_labels", 2)', 'kwargs.get("min_labels", 1)'),
           ("fqdn/__init__.py", "return self._fqdn[:-1]", "return self._fqdn"),
           ("fqdn/__init__.py", "self._fqdn = fqdn.lower()", "self._fqdn = fqdn")]

LIMEBURNER = r"""
from fqdn import FQDN


class LimeburnerError(RuntimeError):
    pass


BURNERS = {"north draw-hole": "north.drawhole.limeworks.example",
           "south draw-hole": "south.drawhole.limeworks.example",
           "charge hoist": None,
           "slaking shed": "slake.limeworks.example"}


def check(burner):
    try:
        return FQDN(BURNERS[burner]).absolute
    except ValueError as exc:
        raise LimeburnerError(f"limeburner could not check the host of the burner at {burner!r}") from exc


def main():
    try:
        for burner in BURNERS:
            print(burner, check(burner))
    except LimeburnerError as exc:
        raise RuntimeError("limeburner: the night's firing rota was not finished") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide386 import SRC, VENV
    put_bugs(tmp / FQ, FQ_BUGS)
    (tmp / FQ / "limeburner.py").write_text(LIMEBURNER)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict fqdn limeburner.py >/dev/null 2>&1; true", cwd=tmp / FQ, timeout=600)
    history(tmp, SRC, "fqdn", FQ, ["fqdn/__init__.py", "tests/test_fqdn.py", "README.md", "CHANGELOG.md"],
            [("Abel Drawhole", "drawhole@example.org"), ("Nan Quicklime", "quicklime@example.org"),
             ("Jabez Burner", "burner@example.org")], 38610, 25, FQ_BUGS)


def _slake(text: str) -> str:
    """Round 347's filature words (its module, app and fixtures) into this round's."""
    return (text.replace("reeling sums for a filature (filament lengths, reel rates, leaf charts)",
                         "slaking sums for a slakepit (charge weights, burn rates, draw charts)")
            .replace("spec/reelings.test.mjs", "spec/slakings.test.mjs")
            .replace("filature", "slakepit")
            .replace("+ turns * 6.5;", "+ turns * 5.25;").replace("spm * 0.37 * 1000", "spm * 0.52 * 1000")
            .replace("[7, 10, 15, 18, 21, 26, 28, 33, 34, 39, 43, 46]",
                     "[6, 9, 13, 17, 20, 24, 27, 31, 36, 40, 42, 48]")
            .replace("ogee: 0.66, ovolo: 0.69, square: 0.83, scotia: 0.58",
                     "ogee: 0.64, ovolo: 0.73, square: 0.88, scotia: 0.52")
            .replace("reelingPlan", "slakingPlan").replace("No reeling planned", "No slaking planned")
            .replace("reeling", "slaking"))


SLAKEPIT = _slake(m347.FILATURE)
SP_BUGS = [("slakepit.js", "+ turns * 5.25;", "+ turns * 5;"),
           ("slakepit.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("slakepit.js", "w.slice(1).toLowerCase()", "w.slice(1)"),
           ("slakepit.js", "square: 0.88", "square: 0.8")]
FIXTURES = _slake(m347.FIXTURES).replace("let seed = 34703;", "let seed = 38613;")
APP = _slake(m347.APP)
assert "38613" in FIXTURES and "slaking sums" in SLAKEPIT and "slakingPlan" in APP
assert "filature" not in SLAKEPIT + APP + FIXTURES and "reeling" not in SLAKEPIT + APP + FIXTURES
assert "spec/slakings.test.mjs" in FIXTURES and "lib/slakepit.js" in FIXTURES and "+ turns * 5.25;" in SLAKEPIT
assert "spm * 0.52 * 1000" in SLAKEPIT and "square: 0.88" in SLAKEPIT


def js_project(tmp: Path) -> None:
    from capture_wide386 import JS
    root = tmp / "slakepit"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "slakepit", "version": "2.4.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/slaking-plan.js": APP, "lib/slakepit.js": SLAKEPIT,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SP_BUGS)


QUARRIES = ["Clitheroe Knoll", "Burnside Bed", "Skelwith Face", "Holme Scar", "Coldstones Edge", "Harbour Pit",
            "Grange Ledge", "Kettlewell Bank", "Thornton Rigg", "Ribble Pavement", "Dove Holes", "Great Orme"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "chargetally"), ("casebook", "limeworks"), ("ledger host", "kilnhead host"),
              ("litres left, days", "tonnes of stone left, days"), ("nothing left to pour", "nothing left to burn"),
              ("pour order", "charge order"), ("pour grade", "lime grade"), ("Keg", "Kiln"),
              ("keg", "kiln"), ("Beer", "Lime"), ("beer", "lime"), ("Cellar", "Quarry"),
              ("cellar", "quarry"), ("Pints", "Tonnes"), ("pints", "tonnes"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(38614, 60, QUARRIES, GO_RENAMES)}
    write_tree(tmp / "chargetally", base)
    write_tree(tmp / "chargetally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "chargetally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "limeworks-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _drawhole(text: str) -> str:
    return (text.replace("WEIRKEEPER", "DRAWHOLE").replace("weirkeeper", "drawhole").replace("weir", "charge")
            .replace("sluice", "burner").replace("gate_t", "eye_t").replace("gates", "eyes")
            .replace("level_cm", "heat_cm").replace("tide", "draught"))


def c_project(tmp: Path) -> None:
    root = tmp / "drawhole"
    rnd = random.Random(38611)
    files = {"src/drawhole.h": _drawhole(n191.SKIFF_H), "src/kilnpot.c": _drawhole(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/charge_{k:02d}.c"] = _drawhole(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: drawhole\n\n"
                         "drawhole: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/drawhole.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build drawhole\n")
    write_tree(root, files)


def _slaker(text: str) -> str:
    return (text.replace("plumbline", "slaker").replace("Plumb-line survey", "Slaking pit water survey")
            .replace("offset_per_m", "water_per_tonne").replace("station_penalty", "pit_penalty")
            .replace("readings", "slakings").replace("reading", "slaking").replace("station", "pit"))


def rust(tmp: Path) -> None:
    root = tmp / "slaker"
    rnd = random.Random(38615)
    write_tree(root, {"Cargo.toml": _slaker(n191.CARGO).replace("0.3.4", "3.0.2"),
                      "src/lib.rs": _slaker(n191.LIB), "src/broken.rs": _slaker(n191.BROKEN),
                      "src/slakings.rs": _slaker(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/man/man7 -type f "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > man7.body && "
        "(echo directory,file,bytes,modified; cat man7.body) > man7.csv && rm man7.body", cwd=d)
    run("sqlite3 man7.db '.mode csv' '.import man7.csv man7'", cwd=d)
    app_log(d / "kilnhead.log", 38612, 2000, ["kilnhead.burners", "kilnhead.charges", "kilnhead.api",
                                              "kilnhead.store"], {
        "INFO": lambda r: f"burner {r.randint(1, 8)} fed charge {r.randint(1, 400)} of {r.randint(3, 9)} tonnes",
        "DEBUG": lambda r: f"thermocouple {r.randint(1, 40)} read in {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"draw-hole {r.randint(1, 12)} running cool at {r.randint(700, 880)} C after {r.randint(2, 30)} h",
        "ERROR": lambda r: f"grate bar {r.randint(1, 60)} cracked under charge {r.randint(1, 400)} in pot {r.randint(1, 4)}"},
        8610, "2026-12-01")
    app_log(d / "limeyard.log", 38616, 1900, ["limeyard.quarry", "limeyard.slaking", "limeyard.api",
                                              "limeyard.db"], {
        "INFO": lambda r: f"cart {r.randint(1, 14)} drew {r.randint(50, 900)} kg of quicklime from {r.choice(QUARRIES)}",
        "DEBUG": lambda r: f"slaking pit probe {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"slaking pit {r.randint(1, 30)} at {r.randint(60, 99)} C, water short by {r.randint(5, 40)} l",
        "ERROR": lambda r: f"hoist {r.randint(1, 6)} stalled on the charging ramp at lift {r.randint(1, 5)}"},
        6160, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
