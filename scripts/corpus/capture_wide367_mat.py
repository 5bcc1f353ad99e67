"""Round 367, the material the two Gemini CLI runs work in (no item is captured here): tqdm's sdist with bugs put in
and a script that drives it wrongly, a git history built by committing its sources in steps, the pomacerack project
(round 308's JavaScript module, as round 347's capture_wide347_mat holds it, in this round's words, with other
numbers, under its generated node --test suite whose expectations come from the unbroken module), the presstally Go
module and the millhouse deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`cidermill`) and a Rust crate (`keeve`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of this machine's /usr/share/man/man8 files and two application logs. Run through capture_wide367.py. The
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

TQ = "tqdm-4.70.1"

# tqdm: format_interval writing seconds before minutes; format_num keeping the scientific form at equal length;
# format_sizeof switching to one decimal at 99.5 for 99.95; the remaining time counted for one item more.
TQ_BUGS = [("tqdm/std.py", "return f'{sign}{h:d}:{m:02d}:{s:02d}' if h else f'{sign}{m:02d}:{s:02d}'",
            "return f'{sign}{h:d}:{m:02d}:{s:02d}' if h else f'{sign}{s:02d}:{m:02d}'"),
           ("tqdm/std.py", "return f if len(f) < len(n) else n", "return f if len(f) <= len(n) else n"),
           ("tqdm/std.py", "if abs(num) < 99.95:", "if abs(num) < 99.5:"),
           ("tqdm/std.py", "remaining = (total - n) / rate if rate and total else 0",
            "remaining = (total - n + 1) / rate if rate and total else 0")]

PRESSMAN = r"""
from tqdm import trange


class PressmanError(RuntimeError):
    pass


VATS = {"Kingston Black": 12, "Dabinett": 9, "Yarlington Mill": "14 hl", "Foxwhelp": 7}


def press(vat):
    try:
        total = 0
        for cheese in trange(VATS[vat], desc=f"pressing {vat}", disable=True):
            total += cheese
        return total
    except TypeError as exc:
        raise PressmanError(f"pressman could not build the cheeses for the vat of {vat!r}") from exc


def main():
    try:
        for vat in VATS:
            print(vat, press(vat))
    except PressmanError as exc:
        raise RuntimeError("pressman: the autumn pressing plan was not finished") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide367 import SRC, VENV
    put_bugs(tmp / TQ, TQ_BUGS)
    (tmp / TQ / "pressman.py").write_text(PRESSMAN)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict tqdm pressman.py >/dev/null 2>&1; true", cwd=tmp / TQ, timeout=600)
    history(tmp, SRC, "tqdm", TQ, ["tqdm/utils.py", "tqdm/cli.py", "tqdm/_monitor.py"],
            [("Hettie Pomace", "pomace@example.org"), ("Silas Keever", "keever@example.org"),
             ("Marged Vatman", "vatman@example.org")], 36710, 60, TQ_BUGS)


def _pomace(text: str) -> str:
    """Round 347's filature words (its module, app and fixtures) into this round's."""
    return (text.replace("reeling sums for a filature (filament lengths, reel rates, leaf charts)",
                         "pressing sums for a pomacerack (cheese heights, press rates, juice charts)")
            .replace("spec/reelings.test.mjs", "spec/pressings.test.mjs")
            .replace("filature", "pomacerack")
            .replace("+ turns * 6.5;", "+ turns * 4.75;").replace("spm * 0.37 * 1000", "spm * 0.44 * 1000")
            .replace("[7, 10, 15, 18, 21, 26, 28, 33, 34, 39, 43, 46]",
                     "[5, 8, 12, 16, 22, 25, 29, 32, 35, 38, 44, 47]")
            .replace("ogee: 0.66, ovolo: 0.69, square: 0.83, scotia: 0.58",
                     "ogee: 0.61, ovolo: 0.71, square: 0.86, scotia: 0.57")
            .replace("reelingPlan", "pressingPlan").replace("No reeling planned", "No pressing planned")
            .replace("reeling", "pressing"))


POMACERACK = _pomace(m347.FILATURE)
PR_BUGS = [("pomacerack.js", "+ turns * 4.75;", "+ turns * 4.5;"),
           ("pomacerack.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("pomacerack.js", "w.slice(1).toLowerCase()", "w.slice(1)"),
           ("pomacerack.js", "square: 0.86", "square: 0.68")]
FIXTURES = _pomace(m347.FIXTURES).replace("let seed = 34703;", "let seed = 36713;")
APP = _pomace(m347.APP)
assert "36713" in FIXTURES and "pressing sums" in POMACERACK and "pressingPlan" in APP
assert "filature" not in POMACERACK + APP + FIXTURES and "reeling" not in POMACERACK + APP + FIXTURES
assert "spec/pressings.test.mjs" in FIXTURES and "lib/pomacerack.js" in FIXTURES and "+ turns * 4.75;" in POMACERACK
assert "spm * 0.44 * 1000" in POMACERACK and "square: 0.86" in POMACERACK


def js_project(tmp: Path) -> None:
    from capture_wide367 import JS
    root = tmp / "pomacerack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pomacerack", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/pressing-plan.js": APP, "lib/pomacerack.js": POMACERACK,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", PR_BUGS)


ORCHARDS = ["Kingston Black", "Dabinett", "Yarlington Mill", "Foxwhelp", "Tremletts Bitter", "Brown Snout",
            "Harry Masters", "Sweet Coppin", "Ellis Bitter", "Porters Perfection", "Stoke Red", "Chisel Jersey"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "presstally"), ("casebook", "millhouse"), ("ledger host", "pressroom host"),
              ("litres left, days", "litres of juice left, days"), ("nothing left to pour", "nothing left to press"),
              ("pour order", "pressing order"), ("pour grade", "juice grade"), ("Keg", "Vat"),
              ("keg", "vat"), ("Beer", "Cider"), ("beer", "cider"), ("Cellar", "Loft"),
              ("cellar", "loft"), ("Pints", "Gallons"), ("pints", "gallons"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(36714, 60, ORCHARDS, GO_RENAMES)}
    write_tree(tmp / "presstally", base)
    write_tree(tmp / "presstally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "presstally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "millhouse-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _cidermill(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CIDERMILL").replace("weirkeeper", "cidermill").replace("weir", "vat")
            .replace("sluice", "press").replace("gate_t", "cheese_t").replace("gates", "cheeses")
            .replace("level_cm", "fill_cm").replace("tide", "must"))


def c_project(tmp: Path) -> None:
    root = tmp / "cidermill"
    rnd = random.Random(36711)
    files = {"src/cidermill.h": _cidermill(n191.SKIFF_H), "src/pressroom.c": _cidermill(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/vat_{k:02d}.c"] = _cidermill(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: cidermill\n\n"
                         "cidermill: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/cidermill.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build cidermill\n")
    write_tree(root, files)


def _keeve(text: str) -> str:
    return (text.replace("plumbline", "keeve").replace("Plumb-line survey", "Keeving vat gravity survey")
            .replace("offset_per_m", "gravity_per_vat").replace("station_penalty", "vat_penalty")
            .replace("readings", "gravities").replace("reading", "gravity").replace("station", "vat"))


def rust(tmp: Path) -> None:
    root = tmp / "keeve"
    rnd = random.Random(36715)
    write_tree(root, {"Cargo.toml": _keeve(n191.CARGO).replace("0.3.4", "2.1.7"),
                      "src/lib.rs": _keeve(n191.LIB), "src/broken.rs": _keeve(n191.BROKEN),
                      "src/gravities.rs": _keeve(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/man/man8 -type f "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > man8.body && "
        "(echo directory,file,bytes,modified; cat man8.body) > man8.csv && rm man8.body", cwd=d)
    run("sqlite3 man8.db '.mode csv' '.import man8.csv man8'", cwd=d)
    app_log(d / "vatroom.log", 36712, 2000, ["vatroom.presses", "vatroom.vats", "vatroom.api",
                                             "vatroom.store"], {
        "INFO": lambda r: f"press {r.randint(1, 6)} built cheese {r.randint(1, 300)} of {r.randint(8, 14)} layers",
        "DEBUG": lambda r: f"hydrometer {r.randint(1, 40)} took {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"vat {r.randint(1, 60)} gravity stuck at 10{r.randint(10, 60)} after {r.randint(8, 30)} days",
        "ERROR": lambda r: f"press cloth {r.randint(1, 300)} split under {r.randint(20, 90)} bar on press {r.randint(1, 6)}"},
        9670, "2026-12-01")
    app_log(d / "millyard.log", 36716, 1900, ["millyard.mills", "millyard.racking", "millyard.api",
                                              "millyard.db"], {
        "INFO": lambda r: f"mill {r.randint(1, 14)} scratted {r.randint(50, 600)} kg of {r.choice(ORCHARDS)}",
        "DEBUG": lambda r: f"pomace sensor read {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"racking of vat {r.randint(1, 70)} left {r.randint(5, 30)} cm of lees",
        "ERROR": lambda r: f"pump {r.randint(1, 20)} lost prime on racking line {r.randint(1, 5)}"},
        7670, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
