"""Round 437, the material both agents work in (no item is captured here): nocasedict's and pysrt's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the hidework project (round 290's module, fixture generator, app file, eslint config and
tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with tannery names
and another seed), a C project (`drumhouse`) and a Rust crate (`fleshers`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`hidedrum`) from round 273's generator
(capture_wide273_go, imported, renamed, another seed), a CSV and a sqlite table of some /usr/share files and two
application logs. Run through capture_wide437.py."""

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
from capture_wide437 import JS, SRC, VENV

NC, PS = "nocasedict-2.2.1", "pysrt-1.1.2"

# nocasedict: an item is stored under its key as given (not casefolded); equality ignores the other's extra items.
NC_BUGS = [("nocasedict/_nocasedict.py", "self._data[k] = (key, value)", "self._data[key] = (key, value)"),
           ("nocasedict/_nocasedict.py", "return len(self) == len(other)", "return len(self) <= len(other)")]
# pysrt: minutes wrap at the minute instead of the hour; a file's byte-order mark is no longer stripped.
PS_BUGS = [("pysrt/srttime.py", "minutes = TimeItemDescriptor(MINUTES_RATIO, HOURS_RATIO)",
            "minutes = TimeItemDescriptor(MINUTES_RATIO, MINUTES_RATIO)"),
           ("pysrt/srtfile.py", "possible_bom = CODECS_BOMS.get(encoding, None)",
            "possible_bom = CODECS_BOMS.get(encoding.upper(), None)")]

PIT_ROTA = r'''
from nocasedict import NocaseDict


class PitRotaError(RuntimeError):
    pass


# the tannery's pit rota: pits as painted on the yard board, looked up as the foreman writes them
ROTA = NocaseDict()
for pit, hides, days in [("Lime Pit 1", 120, 4), ("Lime Pit 2", 96, 5), ("Bate Pit", 80, 1),
                         ("Layer Pit 3", 140, 21), ("Handler Pit 7", 110, 14)]:
    ROTA[pit] = {"hides": hides, "soak_days": days}


def soak_days(pit):
    try:
        return ROTA[pit]["soak_days"]
    except KeyError as exc:
        raise PitRotaError(f"pit rota: no pit {pit!r} among the {len(ROTA)} pits on the board") from exc


print(sum(soak_days(p) for p in ["lime pit 1", "LIME PIT 2", "bate pit", "layer pit 3"]))
'''

DRUM_CUES = r'''
import codecs

import pysrt


class DrumCueError(RuntimeError):
    pass


# a tanning drum's run cues as the drum controller exports them: SubRip, a UTF-8 byte-order mark first
CUES = [("00:00:00,000", "00:12:30,000", "drum 2: float 300 l water at 28 C, 40 hides"),
        ("00:12:30,000", "01:05:00,000", "drum 2: chrome liquor 8 %, turning 6 rpm"),
        ("01:05:00,000", "03:40:00,000", "drum 2: basify with soda, pH 3.8 to 4.1")]
with open("drum_cues.srt", "wb") as fp:
    fp.write(codecs.BOM_UTF8)
    for n, (start, end, text) in enumerate(CUES, 1):
        fp.write(f"{n}\n{start} --> {end}\n{text}\n\n".encode())


def cue(path, number):
    sheet = pysrt.open(path, error_handling=pysrt.SubRipFile.ERROR_RAISE)
    by_number = {c.index: c for c in sheet}
    try:
        return by_number[number]
    except KeyError as exc:
        raise DrumCueError(f"drum cue sheet {path}: no cue {number} among {len(sheet)} cues read") from exc


first = cue("drum_cues.srt", 1)
print(first.text, first.duration.minutes)
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / NC, NC_BUGS)
    put_bugs(tmp / PS, PS_BUGS)
    (tmp / NC / "pit_rota.py").write_text(PIT_ROTA)
    (tmp / PS / "drum_cues.py").write_text(DRUM_CUES)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict pysrt tests drum_cues.py >/dev/null 2>&1; true", cwd=tmp / PS, timeout=900)
    history(tmp, SRC, "nocasedict", NC, ["nocasedict/_nocasedict.py", "nocasedict/__init__.py"],
            [("Hester Fleshman", "hester@example.org"), ("Isaac Tanpitt", "isaac@example.org"),
             ("Judith Drummond", "judith@example.org")], 43710, 40, NC_BUGS)
    history(tmp, SRC, "pysrt", PS, ["pysrt/srtfile.py", "pysrt/srttime.py", "tests/test_srtfile.py"],
            [("Kit Barker", "kit@example.org"), ("Lettice Hidesmith", "lettice@example.org"),
             ("Mungo Scudder", "mungo@example.org")], 43711, 30, PS_BUGS)


# round 290's module in tannery words: the words round 299's table replaces, in its order, each given a tannery's
# word here
TAN_WORDS = ["hidework", "tannery sums for the hidework (drum loads, soak rates, pit charts)",
             "drumLoad", "soakToMs", "liquorBand", "hideLabel", "pitArea", "pitChart", "fleshingPlan",
             "No fleshing planned", "unknown hide type", "calf", "kip", "ox", "goat",
             "`drum ${w + 1}", "seed = 43713",
             "'pit', 'FLESHER', 'drum', 'Bate', 'beam', 'knife', 'Vat', 'liquor', 'slicker', 'BARK', 'hide',\n"
             "  'setter', 'sammier', 'Splitter', 'wringer', 'tumbler'",
             "'Hester', 'Isaac', 'Judith', 'Kit', 'Lettice', 'Mungo', 'Nell', 'Obadiah', 'Prue', "
             "'Quentin', 'Rosamund', 'Silas'"]
assert len(TAN_WORDS) == len(m299.WAGGLE_NAMES)
TAN_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, TAN_WORDS)]


def tanned(text: str) -> str:
    for old, new in TAN_NAMES:
        text = text.replace(old, new)
    return text


HW_BUGS = [(tanned(rel), tanned(old), tanned(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hidework"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = tanned(m290.FIXTURES)
    assert "43713" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hidework", "version": "1.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/fleshing-plan.js": tanned(m290.APP),
                      "lib/hidework.js": tanned(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in HW_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def drumhouse(text: str) -> str:
    return (text.replace("WEIRKEEPER", "DRUMHOUSE").replace("weirkeeper", "drumhouse").replace("weir", "tanpit_")
            .replace("sluice", "drum").replace("gate_t", "drum_t").replace("gates", "drums")
            .replace("level_cm", "liquor_l").replace("tide", "soak"))


def c_project(tmp: Path) -> None:
    root = tmp / "drumhouse"
    rnd = random.Random(43712)
    files = {"src/drumhouse.h": drumhouse(n191.SKIFF_H), "src/soak.c": drumhouse(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/tanpit_{k:02d}.c"] = drumhouse(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: drumhouse\n\n"
                         "drumhouse: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/drumhouse.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build drumhouse\n")
    write_tree(root, files)


def fleshers(text: str) -> str:
    return (text.replace("plumbline", "fleshers").replace("Plumb-line survey", "Flesher survey")
            .replace("offset_per_m", "shave_per_hide").replace("station_penalty", "beam_penalty")
            .replace("readings", "shavings").replace("reading", "shaving").replace("station", "beam"))


def rust(tmp: Path) -> None:
    root = tmp / "fleshers"
    rnd = random.Random(43715)
    write_tree(root, {"Cargo.toml": fleshers(n191.CARGO).replace("0.3.4", "0.9.1"),
                      "src/lib.rs": fleshers(n191.LIB), "src/broken.rs": fleshers(n191.BROKEN),
                      "src/shavings.rs": fleshers(n191.gen_readings(rnd, 240))})


# round 273's words, then this round's: the Go module, its app and what they count; the hides of the table
GO_RENAMES = (("kegtally", "hidedrum"), ("casebook", "fleshbook"), ("ledger host", "yard host"),
              ("litres left, days", "liquor left, days"), ("nothing left to pour", "nothing left to tan"),
              ("pour order", "drum order"), ("pour grade", "hide grade"), ("Keg", "Drum"), ("keg", "drum"),
              ("Beer", "Hide"), ("beer", "hide"), ("Cellar", "Yard"), ("cellar", "yard"),
              ("Pints", "Sides"), ("pints", "sides"))
HIDES = ["Ox Butt", "Cow Shoulder", "Calf Skin", "Kip Side", "Goat Skin", "Sheep Pelt",
         "Horse Shell", "Buffalo Bend", "Deer Hide", "Pig Split", "Bull Belly", "Veal Crust"]


def go_module(tmp: Path) -> None:
    base = {"go.mod": g273.renamed(g273.GO_MOD, GO_RENAMES), "tally.go": g273.renamed(g273.TALLY_GO, GO_RENAMES)}
    write_tree(tmp / "hidedrum", {**base, "tally_test.go": g273.gen_test(43718, 60, HIDES, GO_RENAMES)})
    write_tree(tmp / "hidedrum-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, GO_RENAMES)})
    write_tree(tmp / "hidedrum-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, GO_RENAMES)})
    for d in ("hidedrum", "hidedrum-vet", "hidedrum-build"):
        assert "keg" not in (tmp / d / "tally.go").read_text().lower()


SHARE = "/usr/share/lintian /usr/share/ca-certificates /usr/share/bash-completion /usr/share/misc " \
        "/usr/share/keyrings /usr/share/pixmaps"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "drumming.log", 43714, 2300, ["drumming.drum", "drumming.liquor", "drumming.api", "drumming.sammier"], {
        "INFO": lambda r: f"drum {r.randint(1, 8)} loaded: {r.randint(20, 90)} hides, {r.randint(300, 1800)} kg in {r.randint(200, 900)} l of liquor at {r.randint(18, 40)} C",
        "DEBUG": lambda r: f"rpm probe {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"drum {r.randint(1, 8)} liquor pH {r.randint(28, 45) / 10} outside the {r.randint(36, 40) / 10}-4.2 band",
        "ERROR": lambda r: f"sammier {r.randint(1, 3)} rollers jammed on pack {r.randint(1, 300)} at {r.randint(20, 90)} bar"},
        8437, "2026-12-02")
    app_log(d / "unhairing.log", 43716, 2000, ["unhairing.pit", "unhairing.flesher", "unhairing.api", "unhairing.db"], {
        "INFO": lambda r: f"pit {r.randint(1, 12)} charged with {r.randint(40, 160)} hides in {r.randint(2, 9)} % lime and {r.randint(1, 4)} % sulphide at level {r.choice(['full', 'upper', 'half', 'low'])}",
        "DEBUG": lambda r: f"paddle sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"flesher {r.randint(1, 4)} blade cut {r.randint(2, 9)} hides too deep at {r.randint(1, 5)} mm",
        "ERROR": lambda r: f"pit {r.randint(1, 12)} paddle stalled after {r.randint(1, 40)} h with {r.randint(40, 160)} hides in liquor"},
        6437, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
