"""Round 438, the material the two Gemini CLI runs work in (no item is captured here): WTForms' sdist with bugs put in
and a script that drives it wrongly, a git history built by committing its sources in steps, the sailcloth project
(round 308's JavaScript module, as round 347's capture_wide347_mat holds it, in this round's words, with other
numbers, under its generated node --test suite whose expectations come from the unbroken module), the stonetally Go
module and the cogpitworks deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C
project (`bedstone`) and a Rust crate (`tentering`) on round 191's generators with other names and seeds, a CSV and a
sqlite table of the files of the round's own venv's site-packages and two application logs. Run through
capture_wide438.py. The generators are imported, never copied; only the words and seeds are this round's."""

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

WT = "wtforms-3.3.2"

# WTForms: Length rejects a value of exactly `max` characters; NumberRange rejects exactly `min`; the hostname check
# rejects labels over 36 characters instead of 63; FloatField rounds its data to 2 places.
WT_BUGS = [("src/wtforms/validators.py", "if length >= self.min and (self.max == -1 or length <= self.max):",
            "if length >= self.min and (self.max == -1 or length < self.max):"),
           ("src/wtforms/validators.py", "and (min_value is None or data >= min_value)",
            "and (min_value is None or data > min_value)"),
           ("src/wtforms/validators.py", "if not part or len(part) > 63:", "if not part or len(part) > 36:"),
           ("src/wtforms/fields/numeric.py", "self.data = float(valuelist[0])",
            "self.data = round(float(valuelist[0]), 2)")]

TENTERMAN = r"""
from wtforms import Form, FloatField, StringField
from wtforms.validators import Length, NumberRange, ValidationError


class TenteringError(RuntimeError):
    pass


class Cogpit(Form):
    stone = StringField("stone", validators=[Length(min=3, max=12)])
    gap_mm = FloatField("gap_mm", validators=[NumberRange(min=0.25, max=3.5)])


class Post(dict):
    def getlist(self, key):
        return [self[key]] if key in self else []


TALLY = {"crowntree": {"stone": "bedstone", "gap_mm": "1.75"},
         "spurwheel": {"stone": "runner-burr", "gap_mm": "2.5"},
         "tail pole": {"stone": "peak-stone12", "gap_mm": "0.25"},
         "sailcloth": {"stone": "french-burr", "gap_mm": "3.125"}}


def tenter(post):
    form = Cogpit(Post(post))
    try:
        for field in (form.stone, form.gap_mm):
            for check in field.validators:
                check(form, field)
    except ValidationError as exc:
        raise TenteringError(f"tenterman could not set the stones of the cogpit at {post['stone']!r}") from exc
    return form.data


def main():
    try:
        for place, post in TALLY.items():
            print(place, tenter(post))
    except TenteringError as exc:
        raise RuntimeError("tenterman: the miller's tentering tally was not finished") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide438 import SRC
    put_bugs(tmp / WT, WT_BUGS)
    (tmp / WT / "tenterman.py").write_text(TENTERMAN)
    history(tmp, SRC, "wtforms", WT, ["src/wtforms/validators.py", "src/wtforms/fields/numeric.py", "README.rst"],
            [("Hester Crowntree", "crowntree@example.org"), ("Obed Spurwheel", "spurwheel@example.org"),
             ("Lottie Bedstone", "bedstone@example.org")], 43810, 30, WT_BUGS)


def _sail(text: str) -> str:
    """Round 347's filature words (its module, app and fixtures) into this round's."""
    return (text.replace("reeling sums for a filature (filament lengths, reel rates, leaf charts)",
                         "reefing sums for a sailcloth (sail lengths, sweep rates, wind charts)")
            .replace("spec/reelings.test.mjs", "spec/reefings.test.mjs")
            .replace("filature", "sailcloth")
            .replace("+ turns * 6.5;", "+ turns * 5.75;").replace("spm * 0.37 * 1000", "spm * 0.41 * 1000")
            .replace("[7, 10, 15, 18, 21, 26, 28, 33, 34, 39, 43, 46]",
                     "[6, 9, 13, 16, 22, 25, 27, 30, 36, 40, 44, 48]")
            .replace("ogee: 0.66, ovolo: 0.69, square: 0.83, scotia: 0.58",
                     "ogee: 0.64, ovolo: 0.74, square: 0.87, scotia: 0.52")
            .replace("reelingPlan", "reefingPlan").replace("No reeling planned", "No reefing planned")
            .replace("reeling", "reefing"))


SAILCLOTH = _sail(m347.FILATURE)
SC_BUGS = [("sailcloth.js", "+ turns * 5.75;", "+ turns * 5.5;"),
           ("sailcloth.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("sailcloth.js", "w.slice(1).toLowerCase()", "w.slice(1)"),
           ("sailcloth.js", "square: 0.87", "square: 0.78")]
FIXTURES = _sail(m347.FIXTURES).replace("let seed = 34703;", "let seed = 43813;")
APP = _sail(m347.APP)
assert "43813" in FIXTURES and "reefing sums" in SAILCLOTH and "reefingPlan" in APP
assert "filature" not in SAILCLOTH + APP + FIXTURES and "reeling" not in SAILCLOTH + APP + FIXTURES
assert "spec/reefings.test.mjs" in FIXTURES and "lib/sailcloth.js" in FIXTURES and "+ turns * 5.75;" in SAILCLOTH
assert "spm * 0.41 * 1000" in SAILCLOTH and "square: 0.87" in SAILCLOTH


def js_project(tmp: Path) -> None:
    from capture_wide438 import JS
    root = tmp / "sailcloth"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "sailcloth", "version": "1.8.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/reefing-plan.js": APP, "lib/sailcloth.js": SAILCLOTH,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SC_BUGS)


MILLS = ["Cley Mill", "Saxtead Green", "Pitstone Mill", "Chillenden", "Heage Mill", "Wrawby Mill", "Outwood Mill",
         "Bourn Mill", "Great Chishill", "Nutley Mill", "Shipley Mill", "Alford Mill"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "stonetally"), ("casebook", "cogpitworks"), ("ledger host", "meal floor host"),
              ("litres left, days", "sacks left, days"), ("nothing left to pour", "nothing left to grind"),
              ("pour order", "grinding order"), ("pour grade", "flour grade"), ("Keg", "Stone"),
              ("keg", "stone"), ("Beer", "Grist"), ("beer", "grist"), ("Cellar", "Floor"),
              ("cellar", "floor"), ("Pints", "Sacks"), ("pints", "sacks"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(43814, 60, MILLS, GO_RENAMES)}
    write_tree(tmp / "stonetally", base)
    write_tree(tmp / "stonetally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "stonetally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "cogpitworks-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                         "scripts/backup.sh": rn(g273.BACKUP_SH),
                                         "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _bedstone(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BEDSTONE").replace("weirkeeper", "bedstone").replace("weir", "crowntree")
            .replace("sluice", "sail").replace("gate_t", "stone_t").replace("gates", "stones")
            .replace("level_cm", "gap_mm").replace("tide", "wind"))


def c_project(tmp: Path) -> None:
    root = tmp / "bedstone"
    rnd = random.Random(43811)
    files = {"src/bedstone.h": _bedstone(n191.SKIFF_H), "src/spurwheel.c": _bedstone(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/crowntree_{k:02d}.c"] = _bedstone(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: bedstone\n\n"
                         "bedstone: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/bedstone.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build bedstone\n")
    write_tree(root, files)


def _tentering(text: str) -> str:
    return (text.replace("plumbline", "tentering").replace("Plumb-line survey", "Tentering tally")
            .replace("offset_per_m", "gap_per_turn").replace("station_penalty", "stone_penalty")
            .replace("readings", "grindings").replace("reading", "grinding").replace("station", "stone"))


def rust(tmp: Path) -> None:
    root = tmp / "tentering"
    rnd = random.Random(43815)
    write_tree(root, {"Cargo.toml": _tentering(n191.CARGO).replace("0.3.4", "1.4.2"),
                      "src/lib.rs": _tentering(n191.LIB), "src/broken.rs": _tentering(n191.BROKEN),
                      "src/grindings.rs": _tentering(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide438 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "tailpole.log", 43812, 2000, ["tailpole.cap", "tailpole.fantail", "tailpole.api",
                                              "tailpole.store"], {
        "INFO": lambda r: f"cap {r.randint(1, 6)} luffed into wind after {r.randint(1, 90)} s, {r.randint(3, 24)} sweeps turning",
        "DEBUG": lambda r: f"tail pole winch {r.randint(1, 30)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"sail {r.randint(1, 4)} shutter bar {r.randint(1, 9)} sticking after {r.randint(2, 30)} turns",
        "ERROR": lambda r: f"brake strap {r.randint(1, 40)} failed to bite on windshaft {r.randint(1, 4)} at {r.randint(10, 40)} rpm"},
        4381, "2026-12-01")
    app_log(d / "bedstonehouse.log", 43816, 1900, ["bedstonehouse.floor", "bedstonehouse.hopper",
                                                   "bedstonehouse.api", "bedstonehouse.db"], {
        "INFO": lambda r: f"floor {r.randint(1, 12)} bagged {r.randint(5, 90)} sacks from {r.choice(MILLS)}",
        "DEBUG": lambda r: f"hopper probe {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"runner {r.randint(1, 20)} at {r.randint(60, 99)} percent load, dressing due in {r.randint(2, 30)} h",
        "ERROR": lambda r: f"sack {r.randint(1, 900)} split on the meal floor at spout {r.randint(1, 7)}"},
        8431, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
