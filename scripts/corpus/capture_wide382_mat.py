"""Round 382, the material both agents work in (no item is captured here): url-normalize's and typing_inspect's
sdists with bugs put in and a script each that runs their code wrongly, git histories built by committing their
sources in steps (capture_material.history), the rocksalt project (round 290's hawsehole module, fixture generator, app
file, eslint config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table
replaces (capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with salt-mine names and another seed), a C project
(`pillars`) and a Rust crate (`brinewells`) from round 191's generators (capture_wide191_native, imported, renamed,
other seeds), a Go module (`sacktally`) from round 273's generator (capture_wide273_go, imported, renamed, another
seed), a CSV and a sqlite table of this machine's documentation files and two application logs. Run through
capture_wide382.py."""

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
from capture_wide382 import JS, SRC, VENV

UN, TI = "url_normalize-3.1.0", "typing_inspect-0.9.0"

# url-normalize: https's default port taken as 433 (so an explicit :443 stays); a `..` may pop the root segment.
UN_BUGS = [("url_normalize/normalize_port.py", '    "https": "443",', '    "https": "433",'),
           ("url_normalize/normalize_path.py", "                if len(output) > 1:",
            "                if len(output) > 0:")]
# typing_inspect: Optional means every argument optional; `X | Y` is no union; get_origin(Generic) is None.
TI_BUGS = [("typing_inspect.py", "        return any(is_optional_type(tt) for tt in get_args(tp, evaluate=True))",
            "        return all(is_optional_type(tt) for tt in get_args(tp, evaluate=True))"),
           ("typing_inspect.py", "                (MaybeUnionType and isinstance(tp, MaybeUnionType)))",
            "                (MaybeUnionType and tp is MaybeUnionType))"),
           ("typing_inspect.py", "        if tp is Generic:\n            return Generic\n",
            "        if tp is Generic:\n            return None\n")]

GALLERY_LINKS = r'''
from urllib.parse import urlsplit

from url_normalize import url_normalize


class GalleryLinkError(RuntimeError):
    pass


# the galleries' hosts as a normalised URL names them (a default port dropped)
GALLERIES = {"mine.example.org": "Wieliczka level III", "mine.example.org:8443": "packing hall"}
LINKS = [
    "https://mine.example.org:8443/galleries/north/../packers/hall-2?shift=night",
    "HTTPS://Mine.Example.org:443/galleries/level-3/./brine-pan-7",
]


def gallery_of(link):
    normal = url_normalize(link)
    try:
        return normal, GALLERIES[urlsplit(normal).netloc]
    except KeyError as exc:
        raise GalleryLinkError(f"gallery link {link!r} normalised to {normal!r}: no such gallery host") from exc


for link in LINKS:
    normal, gallery = gallery_of(link)
    print(f"{normal} -> {gallery}")
'''

PACKER_MANIFEST = r'''
from typing import Optional, get_type_hints

from typing_inspect import is_optional_type


class PackerManifestError(RuntimeError):
    pass


class Manifest:
    packer: str
    sacks: int
    tonnes: float
    seal_colour: Optional[str]


def read_manifest(raw):
    out = {}
    for name, tp in get_type_hints(Manifest).items():
        if is_optional_type(tp):
            out[name] = raw.get(name)
            continue
        try:
            out[name] = tp(raw[name])
        except (KeyError, TypeError) as exc:
            raise PackerManifestError(
                f"manifest for packer {raw.get('packer')!r}: cannot read {name!r} as {tp!r}") from exc
    return out


for raw in [{"packer": "Line 3", "sacks": "400", "tonnes": "10.0", "seal_colour": "blue"},
            {"packer": "Line 5", "sacks": "120", "tonnes": "3.0"}]:
    print(read_manifest(raw))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / UN, UN_BUGS)
    put_bugs(tmp / TI, TI_BUGS)
    (tmp / UN / "gallery_links.py").write_text(GALLERY_LINKS)
    (tmp / TI / "packer_manifest.py").write_text(PACKER_MANIFEST)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict typing_inspect.py test_typing_inspect.py packer_manifest.py >/dev/null 2>&1; true",
        cwd=tmp / TI, timeout=900)
    history(tmp, SRC, "urlnorm", UN, ["url_normalize/tools.py", "url_normalize/url_humanize.py",
                                      "url_normalize/normalize_path.py", "tests/test_normalize_path.py"],
            [("Agata Halite", "agata@example.org"), ("Bartosz Winze", "bartosz@example.org"),
             ("Celina Packer", "celina@example.org")], 38210, 30, UN_BUGS)
    history(tmp, SRC, "tinspect", TI, ["typing_inspect.py", "test_typing_inspect.py"],
            [("Dariusz Stope", "dariusz@example.org"), ("Edyta Brine", "edyta@example.org"),
             ("Feliks Adit", "feliks@example.org")], 38211, 90, TI_BUGS)


# round 290's hawsehole module in salt-mine words: the words round 299's table replaces, in its order (the longer
# names first, so that no shorter one cuts into them), each given a salt miner's word here
SALT_WORDS = ["rocksalt", "haulage sums for the rocksalt (gallery lengths, hoist rates, shift charts)",
              "galleryLength", "hoistToMs", "seamBand", "pillarLabel", "pillarArea", "shiftChart", "packingPlan",
              "No packing planned", "unknown seam type", "halite", "sylvite", "carnallite", "gypsum",
              "`shift ${w + 1}", "seed = 38213",
              "'gallery', 'BRINE', 'packer', 'Pillar', 'hoist', 'winze', 'Adit', 'crusher', 'auger', 'SEAM', "
              "'shaft',\n  'sump', 'conveyor', 'Pan', 'drift', 'stope'",
              "'Agata', 'Bartosz', 'Celina', 'Dariusz', 'Edyta', 'Feliks', 'Grazyna', 'Henryk', 'Irena', "
              "'Jerzy', 'Kinga', 'Leszek'"]
assert len(SALT_WORDS) == len(m299.WAGGLE_NAMES)
SALT_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, SALT_WORDS)]


def salted(text: str) -> str:
    for old, new in SALT_NAMES:
        text = text.replace(old, new)
    return text


RS_BUGS = [(salted(rel), salted(old), salted(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "rocksalt"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = salted(m290.FIXTURES)
    assert "38213" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "rocksalt", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/packing-plan.js": salted(m290.APP),
                      "lib/rocksalt.js": salted(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in RS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def pillars(text: str) -> str:
    return (text.replace("WEIRKEEPER", "PILLARS").replace("weirkeeper", "pillars").replace("weir", "chamber")
            .replace("sluice", "brine").replace("gate_t", "pan_t").replace("gates", "pans")
            .replace("level_cm", "depth_m").replace("tide", "shift"))


def c_project(tmp: Path) -> None:
    root = tmp / "pillars"
    rnd = random.Random(38212)
    files = {"src/pillars.h": pillars(n191.SKIFF_H), "src/shift.c": pillars(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/chamber_{k:02d}.c"] = pillars(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pillars\n\n"
                         "pillars: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pillars.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pillars\n")
    write_tree(root, files)


def brinewells(text: str) -> str:
    return (text.replace("plumbline", "brinewells").replace("Plumb-line survey", "Brine-well survey")
            .replace("offset_per_m", "salt_per_litre").replace("station_penalty", "well_penalty")
            .replace("readings", "assays").replace("reading", "assay").replace("station", "well"))


def rust(tmp: Path) -> None:
    root = tmp / "brinewells"
    rnd = random.Random(38215)
    write_tree(root, {"Cargo.toml": brinewells(n191.CARGO).replace("0.3.4", "0.6.2"),
                      "src/lib.rs": brinewells(n191.LIB), "src/broken.rs": brinewells(n191.BROKEN),
                      "src/assays.rs": brinewells(n191.gen_readings(rnd, 240))})


# round 273's words, then this round's (rounds 344, 351, 359, 363 and 366 pass their own the same way): the Go
# module, its app and what they count; the salt names of the generated test table
GO_RENAMES = (("kegtally", "sacktally"), ("casebook", "packer"), ("ledger host", "weighbridge host"),
              ("litres left, days", "sacks left, days"), ("nothing left to pour", "nothing left to pack"),
              ("pour order", "pack order"), ("pour grade", "salt grade"), ("Keg", "Sack"), ("keg", "sack"),
              ("Beer", "Salt"), ("beer", "salt"), ("Cellar", "Gallery"), ("cellar", "gallery"),
              ("Pints", "Tonnes"), ("pints", "tonnes"))
SALTS = ["Rock Salt", "Table Salt", "Brine Pan", "Sea Salt", "Pink Halite", "Sylvite Seam", "Glauber Salt",
         "Lump Salt", "Flake Salt", "Kosher Grind", "Evaporated Fine", "Bay Salt"]


def go_module(tmp: Path) -> None:
    base = {"go.mod": g273.renamed(g273.GO_MOD, GO_RENAMES), "tally.go": g273.renamed(g273.TALLY_GO, GO_RENAMES)}
    write_tree(tmp / "sacktally", {**base, "tally_test.go": g273.gen_test(38218, 60, SALTS, GO_RENAMES)})
    write_tree(tmp / "sacktally-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, GO_RENAMES)})
    write_tree(tmp / "sacktally-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, GO_RENAMES)})
    for d in ("sacktally", "sacktally-vet", "sacktally-build"):
        assert "keg" not in (tmp / d / "tally.go").read_text().lower()


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "evaporating.log", 38214, 2300, ["evaporating.pan", "evaporating.brine", "evaporating.api",
                                                 "evaporating.bench"], {
        "INFO": lambda r: f"pan {r.randint(1, 40)} drawn: {r.randint(2, 30)} t of salt after {r.randint(1, 9)} boilings in {r.randint(20, 240)} min",
        "DEBUG": lambda r: f"brine density check {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"pan {r.randint(1, 40)} brine weak at {r.randint(3, 30)} degrees Baume on the grate",
        "ERROR": lambda r: f"pan {r.randint(1, 12)} scaled through after {r.randint(20, 300)} h on furnace {r.randint(1, 9)}"},
        8382, "2026-12-01")
    app_log(d / "hauling.log", 38216, 2000, ["hauling.gallery", "hauling.hoist", "hauling.api", "hauling.db"], {
        "INFO": lambda r: f"gallery {r.randint(1, 30)} cleared on level {r.randint(1, 7)}: {r.randint(8, 60)} tubs in {r.randint(8, 40)} min",
        "DEBUG": lambda r: f"hoist cycle {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"packer {r.randint(1, 6)} sack {r.randint(35, 44)} kg short at belt {r.randint(1, 4)}",
        "ERROR": lambda r: f"hoist rope {r.randint(1, 40)} slipped at level {r.randint(1, 6)} winze {r.randint(2, 12)}"},
        6382, "2026-12-02")


STEPS = [python, js_project, c_project, rust, go_module, data]
