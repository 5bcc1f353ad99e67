"""Round 538, the material both agents work in (no item is captured here): pybars3's and nested-lookup's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the beatsters project (round 290's module, fixture generator, app file, eslint config and
tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with net loft names
and another seed), a C project (`braidloft`) and a Rust crate (`headrope`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`floatline`, and a copy `corkline`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide538.py; round 521's pattern (capture_wide521_mat), this round's words
and seeds (53810-53818)."""

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
from capture_wide538 import JS, SRC, VENV

PB, NL = "pybars3-0.9.7", "nested-lookup-0.2.25"

# pybars: `&` no longer escaped; `_each` marks the second item @first (and numbers @index from 1).
PB_BUGS = [("pybars/_compiler.py", '_escape_re = re.compile(r"&|\\"|\'|`|<|>")',
            '_escape_re = re.compile(r"\\"|\'|`|<|>")'),
           ("pybars/_compiler.py", "'first': index == 0,", "'first': index == 1,"),
           # added after the first run, whose tests met only the escaping bug: @index counted from 1
           ("pybars/_compiler.py", "'index': index,", "'index': index + 1,")]
# nested-lookup: the wild lookup lowers only the document's key; a value met twice in one dict counted once.
NL_BUGS = [("nested_lookup/nested_lookup.py", "return str(a).lower() in str(b).lower()",
            "return str(a) in str(b).lower()"),
           ("nested_lookup/nested_lookup.py", "occurrence[0] += list(dictionary.values()).count(keyword)",
            "occurrence[0] += 1"),
           # added after the first run, whose tests met neither bug: lists under a dict's keys no longer searched;
           # nested_delete's copy made shallow, so that in_place=False deletes from the caller's nested dicts too
           ("nested_lookup/nested_lookup.py", "elif isinstance(v, list):", "elif isinstance(v, tuple):"),
           ("nested_lookup/lookup_api.py", "document = copy.deepcopy(document)\n    return _nested_delete(",
            "document = copy.copy(document)\n    return _nested_delete(")]

FLOAT_CHART = r'''
from pybars import Compiler, PybarsError


class FloatChartError(RuntimeError):
    pass


# the net loft's float chart: each headrope's floats, their cork and their braider (the second template closes its {{#each}} with {{/if}})
FLOATS = {"rope": "Headrope 7 <north>", "floats": [
    {"n": 1, "kind": "cork", "lift": "310 g", "braider": "Nan & Ruth"},
    {"n": 2, "kind": "glass", "lift": "420 g", "braider": "Orla"},
    {"n": 3, "kind": "cork", "lift": "305 g", "braider": "Peggy & Sal"},
]}
CHART = "{{rope}}\n{{#each floats}}{{#if @first}}FIRST {{/if}}float {{n}} ({{kind}}, {{lift}}) braided by {{braider}}\n{{/each}}"
BROKEN = "{{rope}}\n{{#each floats}}float {{n}} ({{kind}}) by {{braider}}\n{{/if}}"


def chart(source, data):
    try:
        template = Compiler().compile(source)
    except PybarsError as exc:
        raise FloatChartError(f"float chart: {len(data['floats'])} floats, the template does not compile") from exc
    return template(data)


print(chart(CHART, FLOATS))
print(chart(BROKEN, FLOATS))
'''

MEND_BOOK = r'''
from nested_lookup import get_occurrence_of_key, nested_lookup


class MendBookError(RuntimeError):
    pass


# the loft's mending book: each net's mends, by braider (the book is a list of nets, not one dict)
BOOK = [
    {"net": "Seine 3", "Mends": [{"braider": "Nan", "meshes": 14}, {"braider": "Ruth", "meshes": 6}]},
    {"net": "Drift 11", "Mends": [{"braider": "Orla", "meshes": 22}], "floats": {"lost": 3, "Mends": 1}},
    {"net": "Trammel 2", "Mends": [], "beatster": "Peggy"},
]


def mends(book):
    try:
        return get_occurrence_of_key(book, key="Mends")
    except AttributeError as exc:
        raise MendBookError(f"mending book: {len(book)} nets, not a dict") from exc


print(nested_lookup("mends", BOOK, wild=True))
print(mends(BOOK[1]))
print(mends(BOOK))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / PB, PB_BUGS)
    put_bugs(tmp / NL, NL_BUGS)
    (tmp / PB / "float_chart.py").write_text(FLOAT_CHART)
    (tmp / NL / "mend_book.py").write_text(MEND_BOOK)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict nested_lookup mend_book.py >/dev/null 2>&1; true", cwd=tmp / NL, timeout=900)
    history(tmp, SRC, "pybars", PB, ["pybars/_compiler.py", "pybars/__init__.py"],
            [("Nan Braider", "nan@example.org"), ("Orla Float", "orla@example.org"),
             ("Peggy Beatster", "peggy@example.org")], 53814, 60, PB_BUGS)
    history(tmp, SRC, "nested_lookup", NL, ["nested_lookup/nested_lookup.py", "nested_lookup/lookup_api.py",
                                             "nested_lookup/__init__.py"],
            [("Ruth Mender", "ruth@example.org"), ("Sal Corkline", "sal@example.org"),
             ("Tamsin Headrope", "tamsin@example.org")], 53813, 25, NL_BUGS)


# round 290's module in net loft words: the words round 299's table replaces, in its order, each given one here
LOFT_WORDS = ["beatsters", "loft sums for the beatsters (mesh sizes, braid rates, mending charts)",
              "meshSize", "braidToMs", "twineBand", "netLabel", "floatArea", "mendChart", "loftPlan",
              "No mending planned", "unknown net type", "seine", "drift", "trammel", "trawl",
              "`mend ${w + 1}", "seed = 53818",
              "'twine', 'HEADROPE', 'footrope', 'Cork', 'sinker', 'selvedge', 'Knot', 'needle', 'gauge', 'BOSOM', "
              "'wing',\n  'cod', 'bight', 'Float', 'becket', 'bridle'",
              "'Nan', 'Orla', 'Peggy', 'Ruth', 'Sal', 'Tamsin', 'Una', 'Vida', 'Wenna', 'Zillah', 'Bethan', 'Carys'"]
assert len(LOFT_WORDS) == len(m299.WAGGLE_NAMES)
LOFT_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, LOFT_WORDS)]


def lofted(text: str) -> str:
    for old, new in LOFT_NAMES:
        text = text.replace(old, new)
    return text


BT_BUGS = [(lofted(rel), lofted(old), lofted(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "beatsters"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = lofted(m290.FIXTURES)
    assert "53818" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "beatsters", "version": "3.8.5", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/loft-plan.js": lofted(m290.APP),
                      "lib/beatsters.js": lofted(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", BT_BUGS)


def braidloft(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BRAIDLOFT").replace("weirkeeper", "braidloft").replace("weir", "mesh_")
            .replace("sluice", "braider").replace("gate_t", "float_t").replace("gates", "floats")
            .replace("level_cm", "twine_mm").replace("tide", "haul"))


def c_project(tmp: Path) -> None:
    root = tmp / "braidloft"
    rnd = random.Random(53812)
    files = {"src/braidloft.h": braidloft(n191.SKIFF_H), "src/floats.c": braidloft(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/mesh_{k:02d}.c"] = braidloft(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: braidloft\n\n"
                         "braidloft: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/braidloft.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build braidloft\n")
    write_tree(root, files)


def headrope(text: str) -> str:
    return (text.replace("plumbline", "headrope").replace("Plumb-line survey", "Headrope survey")
            .replace("offset_per_m", "sag_per_float").replace("station_penalty", "net_penalty")
            .replace("readings", "hauls").replace("reading", "haul").replace("station", "net"))


def rust(tmp: Path) -> None:
    root = tmp / "headrope"
    rnd = random.Random(53815)
    write_tree(root, {"Cargo.toml": headrope(n191.CARGO).replace("0.3.4", "1.6.2"),
                      "src/lib.rs": headrope(n191.LIB), "src/broken.rs": headrope(n191.BROKEN),
                      "src/hauls.rs": headrope(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "floatline"), ("casebook", "loftlog"), ("ledger host", "loft host"),
              ("litres left, days", "fathoms left, days"), ("nothing left to pour", "nothing left to braid"),
              ("pour order", "mending order"), ("pour grade", "twine grade"), ("Keg", "Float"), ("keg", "float"),
              ("Beer", "Net"), ("beer", "net"), ("Cellar", "Loft"), ("cellar", "loft"),
              ("Pints", "Meshes"), ("pints", "meshes"))
CK_RENAMES = tuple((o, n.replace("floatline", "corkline")) for o, n in GO_RENAMES)
NETS = ["Seine", "Drift Net", "Trammel", "Gill Net", "Purse Seine", "Beach Seine", "Fyke", "Stake Net",
        "Ring Net", "Lave Net", "Hoop Net", "Scrap"]
HARBOURS = ["Newlyn", "Mousehole", "Polperro", "Porthleven", "St Ives", "Mevagissey", "Looe", "Padstow",
            "Port Isaac", "Cadgwith", "Coverack", "Sennen"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("floatline", GO_RENAMES, 53810, NETS),
                                       ("corkline", CK_RENAMES, 53811, HARBOURS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/opencascade /usr/share/puredata /usr/share/openal /usr/share/systemtap /usr/share/pari"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "braidhouse.log", 53816, 2300, ["braidhouse.needles", "braidhouse.floats", "braidhouse.api",
                                                 "braidhouse.beatsters"], {
        "INFO": lambda r: f"braider {r.randint(1, 6)} finished net {r.randint(100, 999)}: {r.randint(2, 60)} fathoms of {r.choice(['hemp', 'cotton', 'nylon'])} at {r.randint(18, 60)} mm mesh",
        "DEBUG": lambda r: f"float sample {r.randint(1, 6)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"braider {r.randint(1, 6)} twine damp at {r.randint(30, 80)} %, {r.randint(1, 4)} days past the tanning schedule",
        "ERROR": lambda r: f"headrope {r.randint(1, 3)} parted on net {r.randint(100, 999)} at {r.randint(20, 90)} % of the haul"},
        9538, "2026-12-02")
    app_log(d / "mendingshed.log", 53817, 2000, ["mendingshed.needle", "mendingshed.beatster", "mendingshed.api",
                                                  "mendingshed.db"], {
        "INFO": lambda r: f"net {r.randint(1, 400)} mended: {r.randint(3, 900)} meshes, knot {r.choice(['sheet bend', 'reef', 'double', 'mesh'])}, {r.randint(2, 40)} patches",
        "DEBUG": lambda r: f"gauge batch {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"beatster {r.randint(1, 6)} left a mesh {r.randint(5, 40)} mm slack",
        "ERROR": lambda r: f"needle {r.randint(1, 4)} snapped on net {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7538, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
