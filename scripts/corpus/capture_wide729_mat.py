"""Round 729, the material both agents work in (no item is captured here): chemparse's and molmass's sdists with bugs
put in under pytest suites written here (every expectation computed from the UNBROKEN package before the bugs go in,
as round 721 did) and a script each that runs their code wrongly, git histories built by committing their sources in
steps (capture_material.history), a C project (`vitriolworks`) and a Rust crate (`chamberline`) from round 191's
generators, Go modules (`copperasbook`, `leadscale`) from round 273's, a JavaScript project (`vitriolry`) from round
290's module renamed through round 299's table's words, a CSV and a sqlite table of some /usr/share files and two
application logs. The generators are imported, called with round 721's steps' pattern, this round's words (a vitriol
works') and seeds (72910-72919)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide729 import JS, SRC, VENV

CP, MM = "chemparse-0.3.2", "molmass-2026.1.8"

# chemparse: an element met twice keeps only its last count; a bracketed group's multiplier made a power.
CP_BUGS = [("chemparse/fun.py", "formula_dict[element] += number", "formula_dict[element] = number"),
           ("chemparse/fun.py", "seg_formula_dict_mult = {k:v*number", "seg_formula_dict_mult = {k:v**number")]
# molmass: an ion's electrons counted the wrong way; Hill order reversed after carbon and hydrogen.
MM_BUGS = [("molmass/molmass.py", "return result - ELECTRON.mass * self._charge",
            "return result + ELECTRON.mass * self._charge"),
           ("molmass/molmass.py", "yield from sorted(symbols_set)", "yield from sorted(symbols_set, reverse=True)")]

FORMULA_GEN = r"""
import json, random
r = random.Random(72919)
EL = ["C", "H", "O", "N", "S", "Fe", "Cu", "Zn", "Na", "Cl", "K", "Mg", "Ca", "Al", "P"]


def part():
    return "".join(e + (str(r.randint(2, 9)) if r.random() < 0.6 else "") for e in r.sample(EL, r.randint(1, 3)))


def formula():
    kind = r.choice(["plain", "plain", "repeat", "group", "group"])
    if kind == "plain":
        return kind, part()
    if kind == "repeat":
        e = r.choice(EL)
        return kind, f"{e}{r.randint(1, 6)}{part()}{e}{r.randint(2, 6)}"
    return kind, f"{part()}({part()}){r.randint(2, 6)}" + (part() if r.random() < 0.5 else "")
"""

CP_CALLS = FORMULA_GEN + r"""
from chemparse import parse_formula
VATS = ["copperas", "vitriol", "alum", "chamber", "oil_of_vitriol", "green_vitriol", "blue_vitriol", "niter"]
calls = []
for k in range(160):
    kind, f = formula()
    calls.append({"id": f"vat-{k:03d}-{kind}-{r.choice(VATS)}", "formula": f, "want": parse_formula(f)})
json.dump(calls, open("tests/vitriol_calls.json", "w", encoding="utf-8"), indent=1)
"""

CP_TEST = r'''"""The vitriol works' vat formulas (expectations from chemparse 0.3.2 unbroken)."""
import json
import pathlib

import pytest

from chemparse import parse_formula

CALLS = json.loads((pathlib.Path(__file__).parent / "vitriol_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_vat_formula(call):
    got = parse_formula(call["formula"])
    assert got == pytest.approx(call["want"])
'''

MM_CALLS = FORMULA_GEN + r"""
from molmass import Formula
calls = []
for k in range(150):
    kind, f = formula()
    kind = r.choice([kind, "ion", "hill"])
    if kind == "ion":
        f = f"{part()}_{r.randint(1, 3)}{r.choice('+-')}"
        want = Formula(f).mass
    elif kind == "hill":
        want = Formula(f).formula
    else:
        want = Formula(f).mass
    calls.append({"id": f"chamber-{k:03d}-{kind}", "kind": kind, "formula": f, "want": want})
json.dump(calls, open("tests/chamber_calls.json", "w", encoding="utf-8"), indent=1)
"""

MM_TEST = r'''"""The vitriol works' lead chamber masses (expectations from molmass 2026.1.8 unbroken)."""
import json
import pathlib

import pytest

from molmass import Formula

CALLS = json.loads((pathlib.Path(__file__).parent / "chamber_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_chamber_mass(call):
    if call["kind"] == "hill":
        assert Formula(call["formula"]).formula == call["want"]
    else:
        assert Formula(call["formula"]).mass == pytest.approx(call["want"], rel=1e-9)
'''

VAT_TALLY = r"""
from chemparse import parse_formula
from chemparse.exceptions import ParenthesesMismatchError


class VatError(RuntimeError):
    pass


# the vitriol works' vat book: each vat's charge as the clerk wrote it
VATS = [("vat 1", "FeSO4(H2O)7"), ("vat 2", "CuSO4(H2O)5"), ("vat 3", "ZnSO4((H2O)7"), ("vat 4", "H2SO4")]


def charge(name, formula):
    try:
        return parse_formula(formula)
    except ParenthesesMismatchError as exc:
        raise VatError(f"vitriol: cannot read the {name} charge {formula} from the vat book") from exc


for name, formula in VATS:
    print(f"{name:<8} {charge(name, formula)}")
"""

CHAMBER_LEDGER = r"""
from molmass import Formula, FormulaError


class ChamberError(RuntimeError):
    pass


# the lead chambers' ledger: each chamber's acid as the foreman wrote it
LEDGER = [("chamber 1", "H2SO4"), ("chamber 2", "SO3"), ("chamber 3", "H2SO4)2"), ("chamber 4", "NO2")]


def mass(name, formula):
    try:
        return f"{Formula(formula).mass:.4f}"
    except FormulaError as exc:
        raise ChamberError(f"chamber: cannot weigh the {name} acid written as {formula!r}") from exc


for name, formula in LEDGER:
    print(f"{name:<10} {mass(name, formula):>12}")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname in ((CP, CP_CALLS, CP_TEST, "test_vitriol_formulas.py"),
                                     (MM, MM_CALLS, MM_TEST, "test_chamber_masses.py")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").touch()
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH=. {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / CP, CP_BUGS)
    put_bugs(tmp / MM, MM_BUGS)
    (tmp / CP / "vat_tally.py").write_text(VAT_TALLY)
    (tmp / MM / "chamber_ledger.py").write_text(CHAMBER_LEDGER)
    history(tmp, SRC, "chemparse", CP, ["chemparse/fun.py", "chemparse/exceptions.py"],
            [("Tabitha Vance", "tabitha@example.org"), ("Urban Oakes", "urban@example.org"),
             ("Winifred Stoke", "winifred@example.org")], 72913, 3, CP_BUGS)
    history(tmp, SRC, "molmass", MM, ["molmass/molmass.py", "molmass/__init__.py"],
            [("Xanthe Rudd", "xanthe@example.org"), ("Yorick Pell", "yorick@example.org"),
             ("Zillah Marsh", "zillah@example.org")], 72914, 40, MM_BUGS)


# round 290's module in a vitriol works' words: the words round 299's table replaces, in its order, each given one
VIT_WORDS = ["vitriolry", "vat sums for the vitriolry (chamber lengths, boiling times, vat charts)",
             "chamberLength", "boilToMs", "vatBand", "copperasLabel", "panArea", "vatChart", "chamberPlan",
             "No vats charged", "unknown acid type", "green", "blue", "white", "reboil",
             "`charging ${w + 1}", "seed = 72918",
             "'vat', 'CHAMBER', 'pan', 'Copperas', 'lead', 'retort', 'Kiln', 'flue', 'boil', "
             "'NITER', 'sheet',\n  'bed', 'tip', 'Vitriol', 'ash', 'tally'",
             "'Tabitha', 'Urban', 'Winifred', 'Xanthe', 'Yorick', 'Zillah', 'Abel', 'Bathsheba', 'Cyprian', "
             "'Dorcas', 'Enoch', 'Fidelia'"]
assert len(VIT_WORDS) == len(m299.WAGGLE_NAMES)
VIT_NAMES = tuple((old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, VIT_WORDS))
VR_BUGS = [(g273.renamed(rel, VIT_NAMES), g273.renamed(old, VIT_NAMES), g273.renamed(new, VIT_NAMES))
           for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "vitriolry"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = g273.renamed(m290.FIXTURES, VIT_NAMES)
    assert "72918" in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "vitriolry", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/print-plan.js": g273.renamed(m290.APP, VIT_NAMES),
                      "lib/vitriolry.js": g273.renamed(m290.HAWSEHOLE, VIT_NAMES),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", VR_BUGS)


C_RENAMES = (("WEIRKEEPER", "VITRIOLWORKS"), ("weirkeeper", "vitriolworks"), ("sluice", "chamberflue"),
             ("weir", "vat_"), ("gate_t", "pan_t"), ("gates", "pans"), ("level_cm", "acid_deg"))
RS_RENAMES = (("plumbline", "chamberline"), ("Plumb-line survey", "Lead chamber gauging log"),
              ("offset_per_m", "strength_per_m"), ("station_penalty", "chamber_penalty"), ("readings", "gaugings"),
              ("reading", "gauging"), ("station", "chamber"))


def c_project(tmp: Path) -> None:
    root = tmp / "vitriolworks"
    rnd = random.Random(72912)
    files = {"src/vitriolworks.h": g273.renamed(n191.SKIFF_H, C_RENAMES),
             "src/chamberflue.c": g273.renamed(n191.SKIFF_C, C_RENAMES)}
    for k in range(40):
        files[f"src/vat_{k:02d}.c"] = g273.renamed(n191.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: vitriolworks\n\n"
                         "vitriolworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/vitriolworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build vitriolworks\n")
    write_tree(root, files)


def rust(tmp: Path) -> None:
    root = tmp / "chamberline"
    rnd = random.Random(72915)
    write_tree(root, {"Cargo.toml": g273.renamed(n191.CARGO, RS_RENAMES).replace("0.3.4", "1.7.3"),
                      "src/lib.rs": g273.renamed(n191.LIB, RS_RENAMES),
                      "src/broken.rs": g273.renamed(n191.BROKEN, RS_RENAMES),
                      "src/gaugings.rs": g273.renamed(n191.gen_readings(rnd, 230), RS_RENAMES)})
    assert "idx.push(chamber_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "copperasbook"), ("casebook", "vatbook"), ("ledger host", "chamber host"),
              ("litres left, days", "pans left, boilings"), ("nothing left to pour", "nothing left to boil"),
              ("pour order", "boiling order"), ("pour grade", "acid grade"), ("Keg", "Pan"), ("keg", "pan"),
              ("Beer", "Acid"), ("beer", "acid"), ("Cellar", "Chamber"), ("cellar", "chamber"),
              ("Pints", "Casks"), ("pints", "casks"))
LS_GO_RENAMES = tuple((o, n.replace("copperasbook", "leadscale")) for o, n in GO_RENAMES)
LOTS = ["Copperas", "Vitriol", "Alum", "Niter", "Brimstone", "Chamber", "Retort", "Flue", "Kiln", "Pan", "Bed", "Cask"]
VITRIOLMEN = ["Tabitha", "Urban", "Winifred", "Xanthe", "Yorick", "Zillah", "Abel", "Bathsheba", "Cyprian", "Dorcas",
              "Enoch", "Fidelia"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("copperasbook", GO_RENAMES, 72910, LOTS),
                                       ("leadscale", LS_GO_RENAMES, 72911, VITRIOLMEN)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/encoding/xml /usr/share/go-1.19/src/compress/flate "
         "/usr/share/go-1.19/src/text/tabwriter /usr/share/go-1.19/src/image/png /usr/share/go-1.19/src/math/big")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > vatstore.body && "
        "(echo directory,file,bytes,modified; cat vatstore.body) > vatstore.csv && rm vatstore.body", cwd=d)
    run("sqlite3 vatstore.db '.mode csv' '.import vatstore.csv vatstore'", cwd=d)
    app_log(d / "vat.log", 72916, 2300, ["vat.boiling", "vat.kiln", "vat.api", "vat.tally"], {
        "INFO": lambda r: f"kiln {r.randint(1, 6)} roasted batch {r.randint(100, 999)}: {r.randint(2, 24)} casks of {r.choice(['green', 'blue', 'white'])} vitriol",
        "DEBUG": lambda r: f"pan {r.randint(1, 6)} skimmed in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"vat {r.randint(1, 4)} of bed {r.randint(1, 8)} ran {r.randint(2, 40)} degrees cool after {r.randint(40, 60)} min of boiling",
        "ERROR": lambda r: f"lead pan {r.randint(1, 3)} cracked under batch {r.randint(100, 999)} at {r.randint(20, 90)} % of the boil"},
        9729, "2026-12-02")
    app_log(d / "chamber.log", 72917, 2000, ["chamber.burning", "chamber.tower", "chamber.api", "chamber.db"], {
        "INFO": lambda r: f"chamber {r.randint(1, 40)} charged: {r.randint(3, 90)} lb of brimstone with {r.choice(['niter', 'steam', 'air'])}, {r.randint(2, 40)} deg Baume",
        "DEBUG": lambda r: f"tower sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"drip pan {r.randint(1, 3)} ran weak {r.randint(1, 9)} times over the shift",
        "ERROR": lambda r: f"lead seam {r.randint(1, 4)} leaked in chamber {r.randint(1, 40)} after {r.randint(1, 60)} min"},
        7729, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
