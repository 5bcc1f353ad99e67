"""Round 475, the material both agents work in (no item is captured here): pystache's and pycountry's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the appleloft project (round 290's module, fixture generator, app file, eslint config and
tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with cider mill
names and another seed), a C project (`scratter`) and a Rust crate (`cheeserack`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`pressbed`, and a copy `juicetrough`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide475.py."""

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
from capture_wide475 import JS, SRC, VENV

PS, PC = "pystache-0.6.8", "pycountry-26.2.16"

# pystache: a context object's callable attribute is no longer called; variable tags no longer escape quotes.
PS_BUGS = [("pystache/context.py", "return attr()", "return attr"),
           ("pystache/defaults.py", "escape(u, quote=True)", "escape(u, quote=False)")]
# pycountry: Database.get and Database.lookup no longer lower-case the value (each picked by the line after it).
PC_BUGS = [("src/pycountry/db.py", "value = value.lower()\n        index = self.indices[field]",
            "index = self.indices[field]"),
           ("src/pycountry/db.py", "value = value.lower()\n\n        # Use indexes first", "# Use indexes first")]

PRESS_ROTA = r'''
import pystache


class PressRotaError(RuntimeError):
    pass


class Tally:
    def __init__(self, bushels):
        self.total = bushels * 3


class Press:
    """One of the mill's presses: its name and the bushels of pomace it took today."""

    def __init__(self, name, bushels):
        self.name = name
        self.bushels = bushels

    def tally(self):
        return Tally(self.bushels)


PRESSES = [Press("Press 1 (rack and cloth)", 40), Press("Press 2 (twin screw)", 55), Press("Press 3 (belt)", 32)]


def gallons(press):
    text = pystache.render("{{tally.total}}", press)
    try:
        return int(text)
    except ValueError as exc:
        raise PressRotaError(f"press rota: {press.name} rendered {text!r}, not a gallon count") from exc


print({press.name: gallons(press) for press in PRESSES})
'''

POMACE_LOG = r'''
import pycountry


class PomaceLogError(RuntimeError):
    pass


# the apple deliveries to the mill's pomace bins: grower, variety, tonnes, grower's country (alpha-2)
DELIVERIES = [("Orchard Farm", "Dabinett", 4.2, "GB"), ("Verger Leroux", "Kermerrien", 3.1, "FR"),
              ("Quinta do Sol", "Bravo de Esmolfe", 2.6, "PT"), ("Hof Neumann", "Boskoop", 1.9, "DE")]


def grower_country(delivery):
    grower, variety, tonnes, code = delivery
    try:
        return pycountry.countries.get(alpha_2=code).name
    except AttributeError as exc:
        raise PomaceLogError(f"pomace log: no country {code!r} for {grower} ({tonnes} t of {variety})") from exc


print({d[0]: grower_country(d) for d in DELIVERIES})
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / PS, PS_BUGS)
    put_bugs(tmp / PC, PC_BUGS)
    (tmp / PS / "press_rota.py").write_text(PRESS_ROTA)
    (tmp / PC / "pomace_log.py").write_text(POMACE_LOG)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict src/pycountry pomace_log.py >/dev/null 2>&1; true", cwd=tmp / PC, timeout=900)
    history(tmp, SRC, "pystache", PS, ["pystache/context.py", "pystache/renderengine.py", "pystache/defaults.py"],
            [("Nell Scratter", "nell@example.org"), ("Osric Pomace", "osric@example.org"),
             ("Pip Keever", "pip@example.org")], 47514, 40, PS_BUGS)
    history(tmp, SRC, "pycountry", PC, ["src/pycountry/db.py", "src/pycountry/tests/test_general.py"],
            [("Quenby Press", "quenby@example.org"), ("Rowan Cloth", "rowan@example.org"),
             ("Sefton Miller", "sefton@example.org")], 47513, 40, PC_BUGS)


# round 290's module in cider mill words: the words round 299's table replaces, in its order, each given a cider
# mill's word here
CIDER_WORDS = ["appleloft", "cider mill sums for the appleloft (press loads, juice rates, keeving charts)",
               "pressLoad", "juiceToMs", "sugarBand", "binLabel", "clothArea", "keevingChart", "pressingPlan",
               "No pressing planned", "unknown apple type", "bittersweet", "bittersharp", "sharp", "sweet",
               "`press ${w + 1}", "seed = 47518",
               "'press', 'SCRATTER', 'cloth', 'Rack', 'bin', 'vat', 'Pomace', 'cheese', 'must', 'KEEVE', 'lees',\n"
               "  'barrel', 'hopper', 'Trough', 'screw', 'bung'",
               "'Nell', 'Osric', 'Pip', 'Quenby', 'Rowan', 'Sefton', 'Tegan', 'Ulric', 'Verity', "
               "'Wilf', 'Yestin', 'Zillah'"]
assert len(CIDER_WORDS) == len(m299.WAGGLE_NAMES)
CIDER_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, CIDER_WORDS)]


def pressed(text: str) -> str:
    for old, new in CIDER_NAMES:
        text = text.replace(old, new)
    return text


AL_BUGS = [(pressed(rel), pressed(old), pressed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "appleloft"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = pressed(m290.FIXTURES)
    assert "47518" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "appleloft", "version": "2.1.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/pressing-plan.js": pressed(m290.APP),
                      "lib/appleloft.js": pressed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", AL_BUGS)


def scratter(text: str) -> str:
    return (text.replace("WEIRKEEPER", "SCRATTER").replace("weirkeeper", "scratter").replace("weir", "press_")
            .replace("sluice", "screw").replace("gate_t", "screw_t").replace("gates", "screws")
            .replace("level_cm", "juice_l").replace("tide", "pomace"))


def c_project(tmp: Path) -> None:
    root = tmp / "scratter"
    rnd = random.Random(47512)
    files = {"src/scratter.h": scratter(n191.SKIFF_H), "src/pomace.c": scratter(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/press_{k:02d}.c"] = scratter(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: scratter\n\n"
                         "scratter: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/scratter.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build scratter\n")
    write_tree(root, files)


def cheeserack(text: str) -> str:
    return (text.replace("plumbline", "cheeserack").replace("Plumb-line survey", "Cheese survey")
            .replace("offset_per_m", "juice_per_layer").replace("station_penalty", "layer_penalty")
            .replace("readings", "layers").replace("reading", "layer").replace("station", "cloth"))


def rust(tmp: Path) -> None:
    root = tmp / "cheeserack"
    rnd = random.Random(47515)
    write_tree(root, {"Cargo.toml": cheeserack(n191.CARGO).replace("0.3.4", "0.7.2"),
                      "src/lib.rs": cheeserack(n191.LIB), "src/broken.rs": cheeserack(n191.BROKEN),
                      "src/layers.rs": cheeserack(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "pressbed"), ("casebook", "keevelog"), ("ledger host", "mill host"),
              ("litres left, days", "gallons left, days"), ("nothing left to pour", "nothing left to press"),
              ("pour order", "pressing order"), ("pour grade", "juice grade"), ("Keg", "Vat"), ("keg", "vat"),
              ("Beer", "Cider"), ("beer", "cider"), ("Cellar", "Mill"), ("cellar", "mill"),
              ("Pints", "Gallons"), ("pints", "gallons"))
JT_RENAMES = tuple((o, n.replace("pressbed", "juicetrough")) for o, n in GO_RENAMES)
APPLES = ["Dabinett", "Kingston Black", "Yarlington Mill", "Foxwhelp", "Tremlett", "Brown Snout", "Harry Masters",
          "Stoke Red", "Ellis Bitter", "Michelin", "Sweet Coppin", "Porter's Perfection"]
PERRY = ["Blakeney Red", "Thorn", "Moorcroft", "Hendre Huffcap", "Gin", "Winnal's Longdon", "Oldfield", "Butt",
         "Taynton Squash", "Brandy", "Barland", "Yellow Huffcap"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("pressbed", GO_RENAMES, 47510, APPLES),
                                       ("juicetrough", JT_RENAMES, 47511, PERRY)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/abcm2ps /usr/share/arachne-pnr /usr/share/coturn /usr/share/cxxtest /usr/share/fig2dev "
         "/usr/share/fpga-icestorm /usr/share/pcb-rnd /usr/share/puredata /usr/share/yosys /usr/share/lighttpd")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "pomacebin.log", 47516, 2300, ["pomacebin.press", "pomacebin.scratter", "pomacebin.api", "pomacebin.vat"], {
        "INFO": lambda r: f"press {r.randint(1, 6)} cheese built: {r.randint(6, 14)} cloths, {r.randint(80, 400)} kg pomace from bin {r.randint(1, 30)} in {r.randint(3, 25)} min",
        "DEBUG": lambda r: f"juice meter {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"vat {r.randint(1, 12)} gravity at 1.0{r.randint(40, 70)}, {r.randint(2, 9)} points over the keeving limit",
        "ERROR": lambda r: f"scratter {r.randint(1, 3)} jammed on bin {r.randint(1, 30)} at {r.randint(20, 90)} % load"},
        8475, "2026-12-02")
    app_log(d / "keeving.log", 47517, 2000, ["keeving.vat", "keeving.press", "keeving.api", "keeving.db"], {
        "INFO": lambda r: f"keeving vat {r.randint(1, 24)} racked: {r.randint(200, 900)} litres at gravity 1.0{r.randint(30, 60)}, grade {r.choice(['A', 'B', 'C', 'reject'])}",
        "DEBUG": lambda r: f"gravity sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"press {r.randint(1, 6)} ran {r.randint(5, 40)} min past the cloth schedule",
        "ERROR": lambda r: f"juice pump {r.randint(1, 4)} lost prime on vat {r.randint(1, 24)} after {r.randint(1, 60)} litres"},
        6475, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
