"""Round 421, the material the two Gemini CLI runs work in (no item is captured here): packageurl-python's sdist with
bugs put in and a script that drives it wrongly, a git history built by committing its sources in steps, the edgerwalk
project (round 308's JavaScript module, as round 347's capture_wide347_mat holds it, in this round's words, with other
numbers, under its generated node --test suite whose expectations come from the unbroken module), the kerftally Go
module and the headrigworks deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C
project (`kerfcut`) and a Rust crate (`slabline`) on round 191's generators with other names and seeds, a CSV and a
sqlite table of this machine's /usr/share/man/man1 files and two application logs. Run through capture_wide421.py.
The generators are imported, never copied; only the words and seeds are this round's."""

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

PU = "packageurl_python-0.17.6"

# packageurl: a PyPI name's `_` no longer normalised to `-`; qualifiers no longer sorted; the type no longer
# lower-cased; the version split off at the first `@` instead of the last.
PU_BUGS = [("src/packageurl/__init__.py", 'name_str = name_str.replace("_", "-").lower()', 'name_str = name_str.lower()'),
           ("src/packageurl/__init__.py", "qualifiers_map = dict(sorted(qualifiers_map.items()))",
            "qualifiers_map = dict(qualifiers_map.items())"),
           ("src/packageurl/__init__.py", "return type_str.strip().lower() or None", "return type_str.strip() or None"),
           ("src/packageurl/__init__.py", 'remainder, sep, version = path.rpartition("@")',
            'remainder, sep, version = path.partition("@")')]

EDGERMAN = r"""
from packageurl import PackageURL


class EdgermanError(RuntimeError):
    pass


DECK = {"headrig": "pkg:pypi/kerf-gauge@2.4.1?carriage=3",
        "edger bay": "pkg:npm/%40sawyer/edger-rolls@1.9.0",
        "log deck": "deck/debarker-chain@0.7.2",
        "green chain": "pkg:generic/green-chain-sorter@5.0.0#boards/cants"}


def saw(station):
    try:
        return PackageURL.from_string(DECK[station])
    except ValueError as exc:
        raise EdgermanError(f"edgerman could not read the cutting tally of the station at {station!r}") from exc


def main():
    try:
        for station in DECK:
            print(station, saw(station).to_dict())
    except EdgermanError as exc:
        raise RuntimeError("edgerman: the shift's log deck tally was not finished") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide421 import SRC
    put_bugs(tmp / PU, PU_BUGS)
    (tmp / PU / "edgerman.py").write_text(EDGERMAN)
    history(tmp, SRC, "packageurl", PU, ["src/packageurl/__init__.py", "src/packageurl/utils.py", "README.rst"],
            [("Ansel Headrig", "headrig@example.org"), ("Marta Sawyer", "sawyer@example.org"),
             ("Jory Kerfield", "kerfield@example.org")], 42110, 25, PU_BUGS)


def _edger(text: str) -> str:
    """Round 347's filature words (its module, app and fixtures) into this round's."""
    return (text.replace("reeling sums for a filature (filament lengths, reel rates, leaf charts)",
                         "edging sums for an edgerwalk (board lengths, feed rates, cut charts)")
            .replace("spec/reelings.test.mjs", "spec/edgings.test.mjs")
            .replace("filature", "edgerwalk")
            .replace("+ turns * 6.5;", "+ turns * 4.25;").replace("spm * 0.37 * 1000", "spm * 0.53 * 1000")
            .replace("[7, 10, 15, 18, 21, 26, 28, 33, 34, 39, 43, 46]",
                     "[5, 8, 12, 17, 20, 24, 29, 31, 35, 38, 42, 47]")
            .replace("ogee: 0.66, ovolo: 0.69, square: 0.83, scotia: 0.58",
                     "ogee: 0.61, ovolo: 0.72, square: 0.89, scotia: 0.57")
            .replace("reelingPlan", "edgingPlan").replace("No reeling planned", "No edging planned")
            .replace("reeling", "edging"))


EDGERWALK = _edger(m347.FILATURE)
EW_BUGS = [("edgerwalk.js", "+ turns * 4.25;", "+ turns * 4.5;"),
           ("edgerwalk.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("edgerwalk.js", "w.slice(1).toLowerCase()", "w.slice(1)"),
           ("edgerwalk.js", "ovolo: 0.72", "ovolo: 0.27")]
FIXTURES = _edger(m347.FIXTURES).replace("let seed = 34703;", "let seed = 42113;")
APP = _edger(m347.APP)
assert "42113" in FIXTURES and "edging sums" in EDGERWALK and "edgingPlan" in APP
assert "filature" not in EDGERWALK + APP + FIXTURES and "reeling" not in EDGERWALK + APP + FIXTURES
assert "spec/edgings.test.mjs" in FIXTURES and "lib/edgerwalk.js" in FIXTURES and "+ turns * 4.25;" in EDGERWALK
assert "spm * 0.53 * 1000" in EDGERWALK and "ovolo: 0.72" in EDGERWALK


def js_project(tmp: Path) -> None:
    from capture_wide421 import JS
    root = tmp / "edgerwalk"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "edgerwalk", "version": "2.6.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/edging-plan.js": APP, "lib/edgerwalk.js": EDGERWALK,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", EW_BUGS)


MILLS = ["Coos Bay Mill", "Longview Yard", "Port Alberni Mill", "Shelton Deck", "Aberdeen Mill", "Klamath Yard",
         "Prince George Mill", "Eureka Deck", "Hoquiam Mill", "Nanaimo Yard", "Bend Deck", "Ketchikan Mill"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "kerftally"), ("casebook", "headrigworks"), ("ledger host", "log deck host"),
              ("litres left, days", "board feet left, days"), ("nothing left to pour", "nothing left to saw"),
              ("pour order", "cutting order"), ("pour grade", "lumber grade"), ("Keg", "Cant"),
              ("keg", "cant"), ("Beer", "Spruce"), ("beer", "spruce"), ("Cellar", "Yard"),
              ("cellar", "yard"), ("Pints", "Boards"), ("pints", "boards"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(42114, 60, MILLS, GO_RENAMES)}
    write_tree(tmp / "kerftally", base)
    write_tree(tmp / "kerftally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "kerftally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "headrigworks-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                          "scripts/backup.sh": rn(g273.BACKUP_SH),
                                          "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _kerfcut(text: str) -> str:
    return (text.replace("WEIRKEEPER", "KERFCUT").replace("weirkeeper", "kerfcut").replace("weir", "cant")
            .replace("sluice", "saw").replace("gate_t", "board_t").replace("gates", "boards")
            .replace("level_cm", "kerf_mm").replace("tide", "feed"))


def c_project(tmp: Path) -> None:
    root = tmp / "kerfcut"
    rnd = random.Random(42111)
    files = {"src/kerfcut.h": _kerfcut(n191.SKIFF_H), "src/headrig.c": _kerfcut(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/cant_{k:02d}.c"] = _kerfcut(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: kerfcut\n\n"
                         "kerfcut: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/kerfcut.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build kerfcut\n")
    write_tree(root, files)


def _slabline(text: str) -> str:
    return (text.replace("plumbline", "slabline").replace("Plumb-line survey", "Slab-line tally")
            .replace("offset_per_m", "kerf_per_board").replace("station_penalty", "slab_penalty")
            .replace("readings", "sawings").replace("reading", "sawing").replace("station", "slab"))


def rust(tmp: Path) -> None:
    root = tmp / "slabline"
    rnd = random.Random(42115)
    write_tree(root, {"Cargo.toml": _slabline(n191.CARGO).replace("0.3.4", "2.1.7"),
                      "src/lib.rs": _slabline(n191.LIB), "src/broken.rs": _slabline(n191.BROKEN),
                      "src/sawings.rs": _slabline(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/man/man1 -type f "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > man1.body && "
        "(echo directory,file,bytes,modified; cat man1.body) > man1.csv && rm man1.body", cwd=d)
    run("sqlite3 man1.db '.mode csv' '.import man1.csv man1'", cwd=d)
    app_log(d / "sawyerhead.log", 42112, 2000, ["sawyerhead.headrig", "sawyerhead.edger", "sawyerhead.api",
                                                "sawyerhead.store"], {
        "INFO": lambda r: f"headrig {r.randint(1, 6)} broke down log {r.randint(1, 900)} into {r.randint(3, 24)} cants",
        "DEBUG": lambda r: f"kerf gauge {r.randint(1, 30)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"band saw {r.randint(1, 9)} wandering {r.randint(1, 9)} mm off line after {r.randint(2, 30)} logs",
        "ERROR": lambda r: f"set works {r.randint(1, 40)} failed to advance on carriage {r.randint(1, 4)} at log {r.randint(1, 900)}"},
        4211, "2026-12-01")
    app_log(d / "logdeck.log", 42116, 1900, ["logdeck.deck", "logdeck.debarker", "logdeck.api", "logdeck.db"], {
        "INFO": lambda r: f"deck {r.randint(1, 12)} fed {r.randint(5, 90)} logs from {r.choice(MILLS)}",
        "DEBUG": lambda r: f"debarker probe {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"chain {r.randint(1, 20)} at {r.randint(60, 99)} percent load, lubricant short by {r.randint(2, 30)} l",
        "ERROR": lambda r: f"log {r.randint(1, 900)} jammed on the deck at kicker {r.randint(1, 7)}"},
        7211, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
