"""Round 316, the material the two Gemini CLI runs work in (no item is captured here): pyrsistent's sdist with bugs put
in and a script that runs its code wrongly, a git history built by committing its sources in steps, the flyleaf project
(round 308's JavaScript module, itself round 300's and round 289's, renamed again in this round's words, with other
numbers, under its generated node --test suite whose expectations come from the unbroken module), the bonefolder Go
module and the colophon deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`endpaper`) and a Rust crate (`tailband`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of this machine's /usr/include/c++ and /usr/lib/gcc files and two application logs. Run through
capture_wide316.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide289_mat as m289
import capture_wide308_mat as m308
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

PV = "pyrsistent-0.20.0"

# pyrsistent: a bag counting an absent element once; plist's repr reversed; PVector.index one too high; a PMap key
# whose bucket is occupied always found; plist's `<` reversed.
PV_BUGS = [("pyrsistent/_pbag.py", "        return self._counts.get(element, 0)\n",
            "        return self._counts.get(element, 1)\n"),
           ("pyrsistent/_plist.py", '        return "plist({0})".format(list(self))\n',
            '        return "plist({0})".format(list(self)[::-1])\n'),
           ("pyrsistent/_pvector.py", "        return self.tolist().index(value, *args, **kwargs)\n",
            "        return self.tolist().index(value, *args, **kwargs) + 1\n"),
           ("pyrsistent/_pmap.py", "                    return True\n\n            return False\n",
            "                    return True\n\n            return True\n"),
           ("pyrsistent/_plist.py", "        return tuple(self) < tuple(other)\n",
            "        return tuple(self) > tuple(other)\n")]

BODKIN = r"""
from pyrsistent import pmap, pvector


class BodkinError(RuntimeError):
    pass


SIGNATURES = pmap({"A": 16, "B": 16, "C": 12, "D": 8, "F": 4})
GATHERING = ["A", "B", "C", "E", "D", "F"]


def sewing_order(names):
    out = pvector()
    for name in names:
        try:
            out = out.append((name, SIGNATURES[name]))
        except KeyError as exc:
            raise BodkinError(f"bodkin could not find the signature {name!r} in the gathering") from exc
    return out


def main():
    try:
        print(list(sewing_order(GATHERING)))
    except BodkinError as exc:
        raise RuntimeError("bodkin: the kettle-stitch plan was not written") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide316 import SRC, VENV
    put_bugs(tmp / PV, PV_BUGS)
    (tmp / PV / "bodkin.py").write_text(BODKIN)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict pyrsistent tests bodkin.py >/dev/null 2>&1; true", cwd=tmp / PV, timeout=600)
    history(tmp, SRC, "pyrsistent", PV, ["pyrsistent/_pvector.py", "pyrsistent/_pmap.py"],
            [("Cobden Sanderson", "cobden@example.org"), ("Zaehnsdorf Joseph", "zaehnsdorf@example.org"),
             ("Riviere Robert", "riviere@example.org")], 31601, 110, PV_BUGS)


def _flyleaf(text: str) -> str:
    """Round 308's punty words (its `_punty` over round 300's crownwheel) into this round's."""
    return (text.replace("gathering sums for a punty (rod lengths, gather rates, marver charts)",
                         "sewing sums for a flyleaf (board lengths, stitch rates, kettle charts)")
            .replace("spec/gathers.test.mjs", "spec/stitches.test.mjs")
            .replace("punty", "flyleaf")
            .replace("+ turns * 5.75;", "+ turns * 6.25;").replace("spm * 0.34 * 1000", "spm * 0.37 * 1000")
            .replace("[10, 13, 17, 20, 24, 26, 28, 31, 34, 36, 39, 44]",
                     "[11, 14, 16, 19, 22, 25, 29, 32, 35, 38, 40, 43]")
            .replace("ogee: 0.61, ovolo: 0.74, square: 0.88, scotia: 0.52",
                     "ogee: 0.63, ovolo: 0.71, square: 0.86, scotia: 0.57")
            .replace("gatherPlan", "stitchPlan").replace("No gather planned", "No stitch planned")
            .replace("gather", "stitch"))


FLYLEAF = _flyleaf(m308.PUNTY)
FL_BUGS = [("flyleaf.js", "+ turns * 6.25;", "+ turns * 6.0;"),
           ("flyleaf.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("flyleaf.js", ".join('-');", ".join(' ');"),
           ("flyleaf.js", "square: 0.86", "square: 0.8")]
FIXTURES = _flyleaf(m308.FIXTURES).replace("let seed = 30803;", "let seed = 31603;")
APP = _flyleaf(m308.APP)
assert "31603" in FIXTURES and "sewing sums" in FLYLEAF and "stitchPlan" in APP and "punty" not in FLYLEAF + APP
assert "spec/stitches.test.mjs" in FIXTURES and "lib/flyleaf.js" in FIXTURES


def js_project(tmp: Path) -> None:
    from capture_wide316 import JS
    root = tmp / "flyleaf"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "flyleaf", "version": "0.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/stitch-plan.js": APP, "lib/flyleaf.js": FLYLEAF,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", FL_BUGS)


BOOKS = ["Quarto Atlas", "Octavo Psalter", "Folio Herbal", "Duodecimo", "Book of Hours", "Missal", "Gradual",
         "Antiphonary", "Bestiary", "Ledger", "Commonplace Book", "Almanac"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "bonefolder"), ("casebook", "colophon"), ("ledger host", "bindery host"),
              ("litres left, days", "sheets left, hours"), ("nothing left to pour", "nothing left to sew"),
              ("pour order", "sewing order"), ("pour grade", "board grade"), ("Keg", "Press"), ("keg", "press"),
              ("Beer", "Book"), ("beer", "book"), ("Cellar", "Bindery"), ("cellar", "bindery"),
              ("Pints", "Sections"), ("pints", "sections"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(31606, 60, BOOKS, GO_RENAMES)}
    write_tree(tmp / "bonefolder", base)
    write_tree(tmp / "bonefolder-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "bonefolder-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "colophon-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                      "scripts/backup.sh": rn(g273.BACKUP_SH),
                                      "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _endpaper(text: str) -> str:
    return (text.replace("WEIRKEEPER", "ENDPAPER").replace("weirkeeper", "endpaper").replace("weir", "folio")
            .replace("sluice", "nipper").replace("gate_t", "sewing_t").replace("gates", "sewings")
            .replace("level_cm", "glue_mm").replace("tide", "mull"))


def c_project(tmp: Path) -> None:
    root = tmp / "endpaper"
    rnd = random.Random(31604)
    files = {"src/endpaper.h": _endpaper(n191.SKIFF_H), "src/ledger.c": _endpaper(n191.SKIFF_C)}
    for k in range(32):
        files[f"src/folio_{k:02d}.c"] = _endpaper(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: endpaper\n\n"
                         "endpaper: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/endpaper.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build endpaper\n")
    write_tree(root, files)


def _tailband(text: str) -> str:
    return (text.replace("plumbline", "tailband").replace("Plumb-line survey", "Tailband sewing survey")
            .replace("offset_per_m", "stretch_per_m").replace("station_penalty", "spine_penalty")
            .replace("readings", "stitches").replace("reading", "stitch").replace("station", "spine"))


def rust(tmp: Path) -> None:
    root = tmp / "tailband"
    rnd = random.Random(31605)
    write_tree(root, {"Cargo.toml": _tailband(n191.CARGO).replace("0.3.4", "0.6.2"),
                      "src/lib.rs": _tailband(n191.LIB), "src/broken.rs": _tailband(n191.BROKEN),
                      "src/stitches.rs": _tailband(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/include/c++ /usr/lib/gcc -type f "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > cxx.body && "
        "(echo directory,file,bytes,modified; cat cxx.body) > cxxfiles.csv && rm cxx.body", cwd=d)
    run("sqlite3 cxxfiles.db '.mode csv' '.import cxxfiles.csv cxxfiles'", cwd=d)
    app_log(d / "deckle.log", 31607, 2000, ["deckle.vat", "deckle.press", "deckle.api", "deckle.store"], {
        "INFO": lambda r: f"sheet {r.randint(1, 500)} couched from vat {r.randint(1, 4)} at {r.randint(180, 260)} gsm",
        "DEBUG": lambda r: f"felt sensor poll {r.randint(1, 40)} took {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"vat {r.randint(1, 4)} pulp consistency off by {r.randint(2, 30)} percent",
        "ERROR": lambda r: f"sheet {r.randint(1, 500)} tore at the deckle edge in press {r.randint(1, 3)}"},
        7100, "2026-12-01")
    app_log(d / "headband.log", 31608, 1900, ["headband.sewing", "headband.spine", "headband.api",
                                              "headband.db"], {
        "INFO": lambda r: f"book {r.randint(1, 400)} headband sewn in {r.randint(20, 200)} s with {r.randint(2, 3)} colours",
        "DEBUG": lambda r: f"thread tension read {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"spine {r.randint(1, 40)} glue temperature low at {r.randint(40, 60)} C",
        "ERROR": lambda r: f"core {r.randint(1, 4)} snapped while sewing book {r.randint(1, 400)}"},
        5300, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
