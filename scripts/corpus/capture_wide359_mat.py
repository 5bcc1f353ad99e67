"""Round 359, the material both agents work in (no item is captured here): colander's and fuzzywuzzy's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the colliers project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with charcoal-burning names and another seed), a C project
(`clamps`) and a Rust crate (`billets`) from round 191's generators (capture_wide191_native, imported, renamed, other
seeds), a Go module (`cordtally`) from round 273's generator (capture_wide273_go, imported, renamed, another seed), a
CSV and a sqlite table of this machine's documentation files and two application logs. Run through
capture_wide359.py."""

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
from capture_wide359 import JS, SRC, VENV

CO, FW = "colander-2.0", "fuzzywuzzy-0.18.0"

# colander: Range rejects its maximum; Length rejects a value as long as its minimum; luhnok checks modulo 11;
# Boolean no longer reads "0" as false.
CO_BUGS = [("src/colander/__init__.py", "            if value > self.max:", "            if value >= self.max:"),
           ("src/colander/__init__.py", "            if len(value) < self.min:",
            "            if len(value) <= self.min:"),
           ("src/colander/__init__.py", "    if (checksum % 10) != 0:", "    if (checksum % 11) != 0:"),
           ("src/colander/__init__.py", "        false_choices=('false', '0'),", "        false_choices=('false',),")]
# fuzzywuzzy: partial_ratio keeps the worst block's score; the partial scale is 0.95; one-character strings refused.
FW_BUGS = [("fuzzywuzzy/fuzz.py", "    return utils.intr(100 * max(scores))", "    return utils.intr(100 * min(scores))"),
           ("fuzzywuzzy/fuzz.py", "    partial_scale = .90", "    partial_scale = .95"),
           ("fuzzywuzzy/utils.py", "        return len(s) > 0", "        return len(s) > 1")]

KILN_CHARGE = r'''
import colander


class KilnChargeError(RuntimeError):
    pass


class Charge(colander.MappingSchema):
    kiln = colander.SchemaNode(colander.String(), validator=colander.Length(min=3, max=24))
    cords = colander.SchemaNode(colander.Int(), validator=colander.Range(min=1, max=12))
    burn_hours = colander.SchemaNode(colander.Int(), validator=colander.Range(min=24, max=120))


def load_charges(charges):
    schema = Charge()
    loaded = []
    for n, charge in enumerate(charges, 1):
        try:
            loaded.append(schema.deserialize(charge))
        except colander.Invalid as exc:
            raise KilnChargeError(
                f"charge {n} of {len(charges)} for kiln {charge['kiln']!r} refused ({len(loaded)} loaded)") from exc
    return loaded


print(load_charges([{"kiln": "Low Wood meiler", "cords": "8", "burn_hours": "72"},
                    {"kiln": "Coppice clamp", "cords": "12", "burn_hours": "96"}]))
'''

CLAMP_MATCH = r'''
from fuzzywuzzy import fuzz, process


class ClampMatchError(RuntimeError):
    pass


CLAMPS = ["Great Knott charcoal clamp", "Bigland hearth", "Roudsea pitstead", "Satterthwaite meiler",
          "Grizedale coaling ring"]


def nearest(name):
    try:
        clamp, score = process.extractOne(name, CLAMPS, scorer=fuzz.partial_ratio, score_cutoff=80)
    except TypeError as exc:
        raise ClampMatchError(f"no clamp near {name!r} among {len(CLAMPS)} (cutoff 80)") from exc
    return clamp, score


for wanted in ["Roudsea pitstead", "Grisedale coaling"]:
    print(nearest(wanted))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / CO, CO_BUGS)
    put_bugs(tmp / FW, FW_BUGS)
    (tmp / CO / "kiln_charge.py").write_text(KILN_CHARGE)
    (tmp / FW / "clamp_match.py").write_text(CLAMP_MATCH)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict fuzzywuzzy clamp_match.py >/dev/null 2>&1; true", cwd=tmp / FW, timeout=900)
    history(tmp, SRC, "colander", CO, ["src/colander/__init__.py", "tests/test_colander.py"],
            [("Abel Cordwood", "abel@example.org"), ("Dorcas Meiler", "dorcas@example.org"),
             ("Gideon Brash", "gideon@example.org")], 35910, 150, CO_BUGS)
    history(tmp, SRC, "fuzzywuzzy", FW, ["fuzzywuzzy/fuzz.py", "fuzzywuzzy/process.py", "fuzzywuzzy/utils.py"],
            [("Hepzibah Collier", "hepzibah@example.org"), ("Lemuel Sootfall", "lemuel@example.org"),
             ("Kezia Clampitt", "kezia@example.org")], 35911, 25, FW_BUGS)


# round 290's hawsehole module in charcoal-burning words: the words round 299's table replaces, in its order (the
# longer names first, so that no shorter one cuts into them), each given a charcoal-burning word here
CHAR_WORDS = ["colliers", "charcoal sums for the colliers (billet lengths, burn rates, kiln charts)",
              "billetLength", "burnToMs", "heatBand", "clampLabel", "hearthArea", "kilnChart", "coalingPlan",
              "No coaling planned", "unknown wood type", "oakwood", "beechwood", "hazelwood", "alderwood",
              "`kiln ${w + 1}", "seed = 35913",
              "'billet', 'CLAMP', 'cordwood', 'Meiler', 'brand', 'flue', 'Collier', 'hearth', 'sod', 'KILN', "
              "'charge',\n  'turf', 'coaling', 'Smother', 'brash', 'sack'",
              "'Abel', 'Bathsheba', 'Caleb', 'Dorcas', 'Ezra', 'Faith', 'Gideon', 'Hepzibah', 'Isaac', "
              "'Jemima', 'Kezia', 'Lemuel'"]
assert len(CHAR_WORDS) == len(m299.WAGGLE_NAMES)
CHAR_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, CHAR_WORDS)]


def charred(text: str) -> str:
    for old, new in CHAR_NAMES:
        text = text.replace(old, new)
    return text


CL_BUGS = [(charred(rel), charred(old), charred(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "colliers"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = charred(m290.FIXTURES)
    assert "35913" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "colliers", "version": "2.7.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/coaling-plan.js": charred(m290.APP),
                      "lib/colliers.js": charred(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in CL_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def clamps(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CLAMPS").replace("weirkeeper", "clamps").replace("weir", "meiler")
            .replace("sluice", "flue").replace("gate_t", "flue_t").replace("gates", "flues")
            .replace("level_cm", "heat_c").replace("tide", "burn"))


def c_project(tmp: Path) -> None:
    root = tmp / "clamps"
    rnd = random.Random(35912)
    files = {"src/clamps.h": clamps(n191.SKIFF_H), "src/burn.c": clamps(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/meiler_{k:02d}.c"] = clamps(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: clamps\n\n"
                         "clamps: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/clamps.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build clamps\n")
    write_tree(root, files)


def billets(text: str) -> str:
    return (text.replace("plumbline", "billets").replace("Plumb-line survey", "Charcoal billets")
            .replace("offset_per_m", "char_per_m").replace("station_penalty", "kiln_penalty")
            .replace("readings", "cords").replace("reading", "cord").replace("station", "kiln"))


def rust(tmp: Path) -> None:
    root = tmp / "billets"
    rnd = random.Random(35915)
    write_tree(root, {"Cargo.toml": billets(n191.CARGO).replace("0.3.4", "0.9.3"), "src/lib.rs": billets(n191.LIB),
                      "src/broken.rs": billets(n191.BROKEN), "src/cords.rs": billets(n191.gen_readings(rnd, 220))})


# round 273's words, then this round's (rounds 344 and 351 pass their own the same way): the Go module, its app and
# what they count; the wood names of the generated test table
GO_RENAMES = (("kegtally", "cordtally"), ("casebook", "pitstead"), ("ledger host", "hearth host"),
              ("litres left, days", "cords left, days"), ("nothing left to pour", "nothing left to burn"),
              ("pour order", "burn order"), ("pour grade", "char grade"), ("Keg", "Kiln"), ("keg", "kiln"),
              ("Beer", "Wood"), ("beer", "wood"), ("Cellar", "Clamp"), ("cellar", "clamp"),
              ("Pints", "Sacks"), ("pints", "sacks"))
WOODS = ["Oak Cordwood", "Ash Billet", "Beech Brand", "Birch Lapwood", "Hazel Coppice", "Alder Pole",
         "Hornbeam Cord", "Chestnut Stake", "Willow Faggot", "Sycamore Log", "Elm Lap", "Holly Brash"]


def go_module(tmp: Path) -> None:
    base = {"go.mod": g273.renamed(g273.GO_MOD, GO_RENAMES), "tally.go": g273.renamed(g273.TALLY_GO, GO_RENAMES)}
    write_tree(tmp / "cordtally", {**base, "tally_test.go": g273.gen_test(35918, 60, WOODS, GO_RENAMES)})
    write_tree(tmp / "cordtally-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, GO_RENAMES)})
    write_tree(tmp / "cordtally-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, GO_RENAMES)})
    for d in ("cordtally", "cordtally-vet", "cordtally-build"):
        assert "keg" not in (tmp / d / "tally.go").read_text().lower()


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "coaling.log", 35914, 2300, ["coaling.clamp", "coaling.kiln", "coaling.api", "coaling.wood"], {
        "INFO": lambda r: f"clamp {r.randint(1, 40)} drawn: {r.randint(2, 30)} sacks, {r.randint(1, 9)} cords of wood in {r.randint(20, 240)} h",
        "DEBUG": lambda r: f"flue draught check {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"kiln {r.randint(1, 40)} running {r.randint(30, 150)} C over its charring heat",
        "ERROR": lambda r: f"meiler {r.randint(1, 12)} broke through after {r.randint(20, 300)} min at hearth {r.randint(1, 9)}"},
        8359, "2026-12-01")
    app_log(d / "sootfall.log", 35916, 2000, ["sootfall.hearth", "sootfall.turf", "sootfall.api", "sootfall.db"], {
        "INFO": lambda r: f"charge {r.randint(1, 30)} lit on hearth {r.randint(1, 7)}: {r.randint(8, 60)} billets in {r.randint(8, 40)} min",
        "DEBUG": lambda r: f"sod cover count {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"turf {r.randint(1, 6)} cover {r.randint(35, 44)} cm thin at clamp {r.randint(1, 4)}",
        "ERROR": lambda r: f"collier hut {r.randint(1, 40)} smoked out at clamp {r.randint(1, 6)} burn {r.randint(2, 12)}"},
        6359, "2026-12-02")


STEPS = [python, js_project, c_project, rust, go_module, data]
