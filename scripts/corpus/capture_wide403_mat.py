"""Round 403, the material the two Gemini CLI runs work in (no item is captured here): javaproperties' sdist with bugs
put in and a script that drives it wrongly, a git history built by committing its sources in steps, the twistwalk
project (round 308's JavaScript module, as round 347's capture_wide347_mat holds it, in this round's words, with other
numbers, under its generated node --test suite whose expectations come from the unbroken module), the yarntally Go
module and the ropeworks deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`hatchel`) and a Rust crate (`cablelay`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of this machine's /usr/share/man/man5 files and two application logs. Run through capture_wide403.py. The
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

JP = "javaproperties-0.8.2"

# javaproperties: `!` no longer starts a comment line when read; `\f` no longer unescaped; `\uXXXX` escapes written in
# upper-case hex; a value's single leading space no longer escaped when written.
JP_BUGS = [("src/javaproperties/reading.py", r'COMMENT_RGX = re.compile(r"^[ \t\f]*[#!]")',
            r'COMMENT_RGX = re.compile(r"^[ \t\f]*[#]")'),
           ("src/javaproperties/reading.py", r'_unescapes = {"t": "\t", "n": "\n", "f": "\f", "r": "\r"}',
            r'_unescapes = {"t": "\t", "n": "\n", "r": "\r"}'),
           ("src/javaproperties/writing.py", r'return f"\\u{co:04x}"', r'return f"\\u{co:04X}"'),
           ("src/javaproperties/writing.py", 'if value.startswith(" "):', 'if value.startswith("  "):')]

HAWSERMAN = r"""
import javaproperties


class HawsermanError(RuntimeError):
    pass


WALKS = {"forming walk": "walk.forming = three strands\\u0020right hand",
         "hatchel shed": "shed.hatchel = hemp combed twice",
         "top cart": "cart.top = hawser \\u00G1 laid left hand",
         "tarring house": "house.tar = Stockholm tar at 90 C"}


def lay(walk):
    try:
        return javaproperties.loads(WALKS[walk])
    except ValueError as exc:
        raise HawsermanError(f"hawserman could not read the laying orders of the walk at {walk!r}") from exc


def main():
    try:
        for walk in WALKS:
            print(walk, lay(walk))
    except HawsermanError as exc:
        raise RuntimeError("hawserman: the day's hawser laying rota was not finished") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide403 import SRC
    put_bugs(tmp / JP, JP_BUGS)
    (tmp / JP / "hawserman.py").write_text(HAWSERMAN)
    history(tmp, SRC, "javaproperties", JP, ["src/javaproperties/reading.py", "src/javaproperties/writing.py",
                                              "README.rst"],
            [("Tamsin Hatchel", "hatchel@example.org"), ("Obed Spinner", "spinner@example.org"),
             ("Kezia Topcart", "topcart@example.org")], 40310, 25, JP_BUGS)


def _twist(text: str) -> str:
    """Round 347's filature words (its module, app and fixtures) into this round's."""
    return (text.replace("reeling sums for a filature (filament lengths, reel rates, leaf charts)",
                         "twisting sums for a twistwalk (yarn lengths, spin rates, lay charts)")
            .replace("spec/reelings.test.mjs", "spec/twistings.test.mjs")
            .replace("filature", "twistwalk")
            .replace("+ turns * 6.5;", "+ turns * 5.75;").replace("spm * 0.37 * 1000", "spm * 0.41 * 1000")
            .replace("[7, 10, 15, 18, 21, 26, 28, 33, 34, 39, 43, 46]",
                     "[4, 9, 11, 16, 19, 23, 27, 30, 34, 37, 41, 45]")
            .replace("ogee: 0.66, ovolo: 0.69, square: 0.83, scotia: 0.58",
                     "ogee: 0.62, ovolo: 0.74, square: 0.87, scotia: 0.55")
            .replace("reelingPlan", "twistingPlan").replace("No reeling planned", "No twisting planned")
            .replace("reeling", "twisting"))


TWISTWALK = _twist(m347.FILATURE)
TW_BUGS = [("twistwalk.js", "+ turns * 5.75;", "+ turns * 5.5;"),
           ("twistwalk.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("twistwalk.js", "w.slice(1).toLowerCase()", "w.slice(1)"),
           ("twistwalk.js", "square: 0.87", "square: 0.78")]
FIXTURES = _twist(m347.FIXTURES).replace("let seed = 34703;", "let seed = 40313;")
APP = _twist(m347.APP)
assert "40313" in FIXTURES and "twisting sums" in TWISTWALK and "twistingPlan" in APP
assert "filature" not in TWISTWALK + APP + FIXTURES and "reeling" not in TWISTWALK + APP + FIXTURES
assert "spec/twistings.test.mjs" in FIXTURES and "lib/twistwalk.js" in FIXTURES and "+ turns * 5.75;" in TWISTWALK
assert "spm * 0.41 * 1000" in TWISTWALK and "square: 0.87" in TWISTWALK


def js_project(tmp: Path) -> None:
    from capture_wide403 import JS
    root = tmp / "twistwalk"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "twistwalk", "version": "3.1.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/twisting-plan.js": APP, "lib/twistwalk.js": TWISTWALK,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", TW_BUGS)


WALKS = ["Chatham Walk", "Bridport Yard", "Castleton Walk", "Hawley Lane", "Wapping Walk", "Portsmouth Lay",
         "Limehouse Reel", "Stonehaven Walk", "Devonport Lay", "Whitby Walk", "Sheerness Yard", "Leith Walk"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "yarntally"), ("casebook", "ropeworks"), ("ledger host", "topcart host"),
              ("litres left, days", "fathoms of yarn left, days"), ("nothing left to pour", "nothing left to spin"),
              ("pour order", "spinning order"), ("pour grade", "yarn grade"), ("Keg", "Bobbin"),
              ("keg", "bobbin"), ("Beer", "Hemp"), ("beer", "hemp"), ("Cellar", "Shed"),
              ("cellar", "shed"), ("Pints", "Fathoms"), ("pints", "fathoms"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(40314, 60, WALKS, GO_RENAMES)}
    write_tree(tmp / "yarntally", base)
    write_tree(tmp / "yarntally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "yarntally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "ropeworks-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _hatchel(text: str) -> str:
    return (text.replace("WEIRKEEPER", "HATCHEL").replace("weirkeeper", "hatchel").replace("weir", "twist")
            .replace("sluice", "spinner").replace("gate_t", "strand_t").replace("gates", "strands")
            .replace("level_cm", "lay_cm").replace("tide", "tension"))


def c_project(tmp: Path) -> None:
    root = tmp / "hatchel"
    rnd = random.Random(40311)
    files = {"src/hatchel.h": _hatchel(n191.SKIFF_H), "src/forming.c": _hatchel(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/twist_{k:02d}.c"] = _hatchel(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hatchel\n\n"
                         "hatchel: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hatchel.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hatchel\n")
    write_tree(root, files)


def _cablelay(text: str) -> str:
    return (text.replace("plumbline", "cablelay").replace("Plumb-line survey", "Cable-laid rope survey")
            .replace("offset_per_m", "twist_per_fathom").replace("station_penalty", "strand_penalty")
            .replace("readings", "layings").replace("reading", "laying").replace("station", "strand"))


def rust(tmp: Path) -> None:
    root = tmp / "cablelay"
    rnd = random.Random(40315)
    write_tree(root, {"Cargo.toml": _cablelay(n191.CARGO).replace("0.3.4", "1.4.3"),
                      "src/lib.rs": _cablelay(n191.LIB), "src/broken.rs": _cablelay(n191.BROKEN),
                      "src/layings.rs": _cablelay(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/man/man5 -type f "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > man5.body && "
        "(echo directory,file,bytes,modified; cat man5.body) > man5.csv && rm man5.body", cwd=d)
    run("sqlite3 man5.db '.mode csv' '.import man5.csv man5'", cwd=d)
    app_log(d / "spinnerhead.log", 40312, 2000, ["spinnerhead.wheels", "spinnerhead.yarns", "spinnerhead.api",
                                                 "spinnerhead.store"], {
        "INFO": lambda r: f"wheel {r.randint(1, 8)} spun yarn {r.randint(1, 400)} of {r.randint(20, 180)} fathoms",
        "DEBUG": lambda r: f"tension gauge {r.randint(1, 40)} read in {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"spinner {r.randint(1, 12)} running slack at {r.randint(12, 48)} turns per fathom after {r.randint(2, 30)} h",
        "ERROR": lambda r: f"hook {r.randint(1, 60)} snapped under strand {r.randint(1, 400)} on wheel {r.randint(1, 4)}"},
        4031, "2026-12-01")
    app_log(d / "topcart.log", 40316, 1900, ["topcart.walk", "topcart.laying", "topcart.api", "topcart.db"], {
        "INFO": lambda r: f"cart {r.randint(1, 14)} laid {r.randint(50, 900)} fathoms of hawser along {r.choice(WALKS)}",
        "DEBUG": lambda r: f"laying top probe {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"strand {r.randint(1, 30)} at {r.randint(60, 99)} percent twist, tar short by {r.randint(5, 40)} l",
        "ERROR": lambda r: f"top cart {r.randint(1, 6)} jammed on the walk at post {r.randint(1, 5)}"},
        7031, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
