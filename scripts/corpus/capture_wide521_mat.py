"""Round 521, the material both agents work in (no item is captured here): honcho's and dict2xml's sdists with bugs put
in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the bellfounders project (round 290's module, fixture generator, app file, eslint config
and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with bell foundry
names and another seed), a C project (`bellpit`) and a Rust crate (`lipring`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`tunerbench`, and a copy `clapperway`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide521.py; round 515's pattern (capture_wide515_mat), this round's words
and seeds (52110-52118)."""

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
from capture_wide521 import JS, SRC, VENV

HO, DX = "honcho-2.0.0", "dict2xml-1.7.8"

# honcho: a process type's copies numbered from 0, each given the port one above its own.
HO_BUGS = [("honcho/environ.py", 'n = "{0}.{1}".format(name, i + 1)', 'n = "{0}.{1}".format(name, i)'),
           ("honcho/environ.py", "e['PORT'] = str(port + i)", "e['PORT'] = str(port + i + 1)")]
# dict2xml: `&` escaped last (so every escaped `<` comes out `&amp;lt;`); a flat value closed with the wrap, not the tag.
DX_BUGS = [("dict2xml/logic.py", 'entities = [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")]',
            'entities = [("<", "&lt;"), (">", "&gt;"), ("&", "&amp;")]'),
           ("dict2xml/logic.py", 'val = "<{0}>{1}</{2}>".format(self.tag, val, self.tag)',
            'val = "<{0}>{1}</{2}>".format(self.tag, val, self.wrap)')]

POUR_ROTA = r'''
from honcho.environ import expand_processes, parse_procfile


class PourRotaError(RuntimeError):
    pass


# the bell foundry's rota as a Procfile: moulders, the furnace, tuners and founders (the tuner's line was pasted twice)
PROCFILE = """\
moulder: ./bin/loam-mould --pit 2 --bell tenor
furnace: ./bin/furnace --charge 41cwt --alloy bell-metal
tuner: ./bin/tuning-lathe --partials hum,prime,tierce,quint,nominal
founder: ./bin/founder-ledger --peal 8
tuner: ./bin/tuning-lathe --partials hum,prime --bell treble
"""


def rota(text):
    try:
        procfile = parse_procfile(text)
    except AssertionError as exc:
        raise PourRotaError(f"pour rota: {len(text.splitlines())} lines, a process is named twice") from exc
    return expand_processes(procfile.processes, concurrency={"moulder": 2}, port=18521)


for p in expand_processes({"moulder": "./bin/loam-mould", "tuner": "./bin/tuning-lathe"},
                          concurrency={"moulder": 3}, port=18521):
    print(p.name, p.env["PORT"], p.cmd)
print(rota(PROCFILE))
'''

PEAL_SHEET = r'''
from dict2xml import dict2xml


class PealSheetError(RuntimeError):
    pass


# the foundry's peal sheet: each bell's note and weight; the tenor's entry was keyed by its number as well as its name
RING = {
    "treble": {"note": "E", "weight": "4-2-11 <light>", "founder": "Ada & Bram"},
    "second": {"note": "D#", "weight": "4-3-20", "founder": "Cecily"},
    "third": {"note": "C#", "weight": "5-1-4", "founder": "Dunstan"},
    "tenor": {"note": "B", "weight": "12-0-19 <heavy>", "founder": "Elowen & Fitz"},
}


def sheet(ring):
    try:
        return dict2xml(ring, wrap="peal", indent="  ")
    except TypeError as exc:
        raise PealSheetError(f"peal sheet: {len(ring)} bells, keys of more than one type") from exc


print(sheet(RING))
print(sheet({**RING, 8: RING["tenor"]}))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / HO, HO_BUGS)
    put_bugs(tmp / DX, DX_BUGS)
    (tmp / HO / "pour_rota.py").write_text(POUR_ROTA)
    (tmp / DX / "peal_sheet.py").write_text(PEAL_SHEET)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict dict2xml peal_sheet.py >/dev/null 2>&1; true", cwd=tmp / DX, timeout=900)
    history(tmp, SRC, "honcho", HO, ["honcho/environ.py", "honcho/printer.py", "honcho/manager.py"],
            [("Abel Founder", "abel@example.org"), ("Beatrix Mould", "beatrix@example.org"),
             ("Crispin Tuner", "crispin@example.org")], 52114, 40, HO_BUGS)
    history(tmp, SRC, "dict2xml", DX, ["dict2xml/logic.py", "dict2xml/__init__.py"],
            [("Dorcas Clapper", "dorcas@example.org"), ("Ezra Bellpit", "ezra@example.org"),
             ("Faith Loam", "faith@example.org")], 52113, 40, DX_BUGS)


# round 290's module in bell foundry words: the words round 299's table replaces, in its order, each given one here
FOUNDRY_WORDS = ["bellfounders", "foundry sums for the bellfounders (bell weights, strike rates, peal charts)",
                 "bellWeight", "strikeToMs", "pitchBand", "mouldLabel", "lipArea", "pealChart", "castPlan",
                 "No casting planned", "unknown bell type", "treble", "tenor", "sanctus", "clock",
                 "`peal ${w + 1}", "seed = 52118",
                 "'loam', 'CORE', 'cope', 'Crown', 'canon', 'clapper', 'Yoke', 'lip', 'waist', 'SHOULDER', "
                 "'sound',\n  'bow', 'hum', 'Nominal', 'tierce', 'quint'",
                 "'Abel', 'Beatrix', 'Crispin', 'Dorcas', 'Ezra', 'Faith', 'Gideon', 'Honor', 'Ithiel', "
                 "'Jemima', 'Kezia', 'Lemuel'"]
assert len(FOUNDRY_WORDS) == len(m299.WAGGLE_NAMES)
FOUNDRY_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FOUNDRY_WORDS)]


def founded(text: str) -> str:
    for old, new in FOUNDRY_NAMES:
        text = text.replace(old, new)
    return text


BF_BUGS = [(founded(rel), founded(old), founded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "bellfounders"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = founded(m290.FIXTURES)
    assert "52118" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "bellfounders", "version": "2.5.21", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/cast-plan.js": founded(m290.APP),
                      "lib/bellfounders.js": founded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", BF_BUGS)


def bellpit(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BELLPIT").replace("weirkeeper", "bellpit").replace("weir", "mould_")
            .replace("sluice", "tuner").replace("gate_t", "cast_t").replace("gates", "casts")
            .replace("level_cm", "lip_mm").replace("tide", "peal"))


def c_project(tmp: Path) -> None:
    root = tmp / "bellpit"
    rnd = random.Random(52112)
    files = {"src/bellpit.h": bellpit(n191.SKIFF_H), "src/casts.c": bellpit(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/mould_{k:02d}.c"] = bellpit(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: bellpit\n\n"
                         "bellpit: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/bellpit.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build bellpit\n")
    write_tree(root, files)


def lipring(text: str) -> str:
    return (text.replace("plumbline", "lipring").replace("Plumb-line survey", "Lip ring survey")
            .replace("offset_per_m", "flat_per_hum").replace("station_penalty", "bell_penalty")
            .replace("readings", "tunings").replace("reading", "tuning").replace("station", "bell"))


def rust(tmp: Path) -> None:
    root = tmp / "lipring"
    rnd = random.Random(52115)
    write_tree(root, {"Cargo.toml": lipring(n191.CARGO).replace("0.3.4", "2.1.0"),
                      "src/lib.rs": lipring(n191.LIB), "src/broken.rs": lipring(n191.BROKEN),
                      "src/tunings.rs": lipring(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "tunerbench"), ("casebook", "peallog"), ("ledger host", "foundry host"),
              ("litres left, days", "hundredweight left, days"), ("nothing left to pour", "nothing left to cast"),
              ("pour order", "casting order"), ("pour grade", "metal grade"), ("Keg", "Mould"), ("keg", "mould"),
              ("Beer", "Bell"), ("beer", "bell"), ("Cellar", "Foundry"), ("cellar", "foundry"),
              ("Pints", "Strikes"), ("pints", "strikes"))
CW_RENAMES = tuple((o, n.replace("tunerbench", "clapperway")) for o, n in GO_RENAMES)
BELLS = ["Great Paul", "Big Ben", "Great Tom", "Great George", "Emmanuel", "Sebastopol", "Great Peter",
         "Little John", "Old Tom", "Great Bede", "Tenor Ring", "Scrap"]
TOWERS = ["Whitechapel", "Loughborough", "Croydon", "Aldgate", "Leicester", "Appleby", "Bridgwater", "Chacombe",
          "Downham", "Hertford", "Kenninghall", "Leominster"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("tunerbench", GO_RENAMES, 52110, BELLS),
                                       ("clapperway", CW_RENAMES, 52111, TOWERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/maude /usr/share/checkstyle /usr/share/antlr4 /usr/share/mfx /usr/share/drirc.d /usr/share/icu "
         "/usr/share/debhelper /usr/share/cups /usr/share/libdbi-perl /usr/share/dict")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "castinghall.log", 52116, 2300, ["castinghall.moulds", "castinghall.furnace", "castinghall.api",
                                                  "castinghall.tuners"], {
        "INFO": lambda r: f"mould {r.randint(1, 6)} poured bell {r.randint(100, 999)}: {r.randint(2, 60)} cwt of {r.choice(['bell-metal', 'bronze', 'tin-bronze'])} at {r.randint(1080, 1180)} C",
        "DEBUG": lambda r: f"furnace sample {r.randint(1, 6)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"mould {r.randint(1, 6)} loam damp at {r.randint(30, 80)} %, {r.randint(1, 4)} days past the drying schedule",
        "ERROR": lambda r: f"cope {r.randint(1, 3)} cracked on bell {r.randint(100, 999)} at {r.randint(20, 90)} % of the pour"},
        9521, "2026-12-02")
    app_log(d / "tuningshop.log", 52117, 2000, ["tuningshop.lathe", "tuningshop.tuner", "tuningshop.api",
                                                 "tuningshop.db"], {
        "INFO": lambda r: f"bell {r.randint(1, 400)} tuned: nominal {r.randint(300, 900)} Hz, hum {r.choice(['flat', 'sharp', 'true', 'octave'])}, {r.randint(2, 40)} cuts",
        "DEBUG": lambda r: f"partials batch {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"tuner {r.randint(1, 6)} left the tierce {r.randint(5, 40)} cents sharp",
        "ERROR": lambda r: f"lathe {r.randint(1, 4)} chattered on bell {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7521, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
