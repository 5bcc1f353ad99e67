"""Round 515, the material both agents work in (no item is captured here): wasabi's and giturlparse's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the winchmen project (round 290's module, fixture generator, app file, eslint config and
tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with winch-house
names and another seed), a C project (`winchhouse`) and a Rust crate (`ferryslip`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`ratchetbox`, and a copy `chainway`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide515.py."""

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
from capture_wide515 import JS, SRC, VENV

WA, GU = "wasabi-1.1.3", "giturlparse-0.16.0"

# wasabi: every column measured one character too wide (tables); format_repr keeps a third on each side, not a half.
WA_BUGS = [("wasabi/tables.py", "widths = [[len(str(col)) for col in item] for item in all_data]",
            "widths = [[len(str(col)) + 1 for col in item] for item in all_data]"),
           ("wasabi/util.py", "half = int(max_len / 2)", "half = int(max_len / 3)")]
# giturlparse: `.git` given to a repo that has it and not to one that lacks it; a URL's groups lose their first.
GU_BUGS = [("giturlparse/result.py", 'items["dot_git"] = "" if items["repo"].endswith(".git") else ".git"',
            'items["dot_git"] = ".git" if items["repo"].endswith(".git") else ""'),
           ("giturlparse/result.py", 'return self.groups_path.split("/")', 'return self.groups_path.split("/")[1:]')]

DRUM_TALLY = r"""
from wasabi import table


class DrumTallyError(RuntimeError):
    pass


# the winch house's drums: turns hauled per crossing (drum 4's row was copied with the pawl count stuck on)
DRUMS = [
    ("drum 1", "upstream rope", 212, "pawl A"),
    ("drum 2", "downstream rope", 198, "pawl B"),
    ("drum 3", "guide chain", 77, "pawl C"),
    ("drum 4", "spare rope", 140, "pawl D", 3),
]


def tally(drums):
    try:
        return table(drums, header=("drum", "rope", "turns", "pawl"), divider=True)
    except IndexError as exc:
        raise DrumTallyError(f"drum tally: {len(drums)} drums, a row does not fit the header") from exc


print(tally(DRUMS))
"""

PAWL_LOG = r"""
import giturlparse


class PawlLogError(RuntimeError):
    pass


# the winchmen's logbooks, kept in repositories; the ferry's mirror wants them over its own "winch" protocol
LOGBOOKS = [
    "git@github.com:rope-ferry/winchmen-log.git",
    "https://gitlab.com/rope-ferry/north-bank/pawl-book.git",
    "https://bitbucket.org/rope-ferry/drum-turns",
]


def mirror(urls, protocol):
    out = []
    for url in urls:
        parsed = giturlparse.parse(url)
        try:
            out.append(parsed.format(protocol))
        except KeyError as exc:
            raise PawlLogError(f"pawl log: {parsed.platform} has no {protocol!r} form for {url}") from exc
    return out


print(mirror(LOGBOOKS, "https"))
print(mirror(LOGBOOKS, "winch"))
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / WA, WA_BUGS)
    put_bugs(tmp / GU, GU_BUGS)
    (tmp / WA / "drum_tally.py").write_text(DRUM_TALLY)
    (tmp / GU / "pawl_log.py").write_text(PAWL_LOG)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict giturlparse pawl_log.py >/dev/null 2>&1; true", cwd=tmp / GU, timeout=900)
    history(tmp, SRC, "wasabi", WA, ["wasabi/tables.py", "wasabi/util.py", "wasabi/printer.py"],
            [("Amos Winchman", "amos@example.org"), ("Bridget Pawl", "bridget@example.org"),
             ("Cuthbert Drum", "cuthbert@example.org")], 51514, 40, WA_BUGS)
    history(tmp, SRC, "giturlparse", GU, ["giturlparse/result.py", "giturlparse/parser.py",
                                          "giturlparse/platforms/base.py"],
            [("Dinah Ferryman", "dinah@example.org"), ("Elias Haul", "elias@example.org"),
             ("Frideswide Rope", "frideswide@example.org")], 51513, 40, GU_BUGS)


# round 290's module in winch-house words: the words round 299's table replaces, in its order, each given one here
WINCH_WORDS = ["winchmen", "winch sums for the winchmen (rope lengths, haul rates, crossing charts)",
               "ropeLength", "haulToMs", "loadBand", "drumLabel", "drumArea", "crossingChart", "haulPlan",
               "No crossing planned", "unknown drum type", "barrel", "spool", "capstan", "windlass",
               "`crossing ${w + 1}", "seed = 51518",
               "'rope', 'RATCHET', 'sheave', 'Bollard', 'cleat', 'hawser', 'Brake', 'pawl', 'spindle', 'DRUM', "
               "'guide',\n  'landing', 'slip', 'Ferryman', 'toll', 'tide'",
               "'Amos', 'Bridget', 'Cuthbert', 'Dinah', 'Elias', 'Frideswide', 'Gervase', 'Hannah', 'Isaac', "
               "'Jael', 'Keziah', 'Lot'"]
assert len(WINCH_WORDS) == len(m299.WAGGLE_NAMES)
WINCH_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, WINCH_WORDS)]


def winched(text: str) -> str:
    for old, new in WINCH_NAMES:
        text = text.replace(old, new)
    return text


WM_BUGS = [(winched(rel), winched(old), winched(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "winchmen"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = winched(m290.FIXTURES)
    assert "51518" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "winchmen", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/haul-plan.js": winched(m290.APP),
                      "lib/winchmen.js": winched(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", WM_BUGS)


def winchhouse(text: str) -> str:
    return (text.replace("WEIRKEEPER", "WINCHHOUSE").replace("weirkeeper", "winchhouse").replace("weir", "winchdrum_")
            .replace("sluice", "pawl").replace("gate_t", "haul_t").replace("gates", "hauls")
            .replace("level_cm", "slack_cm").replace("tide", "crossing"))


def c_project(tmp: Path) -> None:
    root = tmp / "winchhouse"
    rnd = random.Random(51512)
    files = {"src/winchhouse.h": winchhouse(n191.SKIFF_H), "src/hauls.c": winchhouse(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/winchdrum_{k:02d}.c"] = winchhouse(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: winchhouse\n\n"
                         "winchhouse: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/winchhouse.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build winchhouse\n")
    write_tree(root, files)


def ferryslip(text: str) -> str:
    return (text.replace("plumbline", "ferryslip").replace("Plumb-line survey", "Ferry slip survey")
            .replace("offset_per_m", "slack_per_turn").replace("station_penalty", "drum_penalty")
            .replace("readings", "hauls").replace("reading", "haul").replace("station", "drum"))


def rust(tmp: Path) -> None:
    root = tmp / "ferryslip"
    rnd = random.Random(51515)
    write_tree(root, {"Cargo.toml": ferryslip(n191.CARGO).replace("0.3.4", "1.4.0"),
                      "src/lib.rs": ferryslip(n191.LIB), "src/broken.rs": ferryslip(n191.BROKEN),
                      "src/hauls.rs": ferryslip(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "ratchetbox"), ("casebook", "haulledger"), ("ledger host", "winch host"),
              ("litres left, days", "fathoms left, days"), ("nothing left to pour", "nothing left to haul"),
              ("pour order", "haul order"), ("pour grade", "rope grade"), ("Keg", "Drum"), ("keg", "drum"),
              ("Beer", "Rope"), ("beer", "rope"), ("Cellar", "Winchhouse"), ("cellar", "winchhouse"),
              ("Pints", "Turns"), ("pints", "turns"))
CW_RENAMES = tuple((o, n.replace("ratchetbox", "chainway")) for o, n in GO_RENAMES)
ROPES = ["Manila hawser", "Hemp cable", "Coir warp", "Wire rope", "Sisal line", "Chain cable", "Tarred hemp",
         "Cotton lanyard", "Jute whip", "Flax tow", "Steel guide", "Scrap"]
CROSSINGS = ["Bawdsey", "Felixstowe", "Sandbanks", "King Harry", "Torpoint", "Dartmouth", "Reedham", "Windermere",
             "Hampton", "Cowes", "Symonds Yat", "Wallingford"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("ratchetbox", GO_RENAMES, 51510, ROPES),
                                       ("chainway", CW_RENAMES, 51511, CROSSINGS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/git-core /usr/share/golang-golang-x-tools /usr/share/google-cloud-sdk /usr/share/gnuplot "
         "/usr/share/gtk-doc")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "winchyard.log", 51516, 2300, ["winchyard.drums", "winchyard.pawls", "winchyard.api",
                                                "winchyard.ropes"], {
        "INFO": lambda r: f"drum {r.randint(1, 6)} hauled crossing {r.randint(100, 999)}: {r.randint(20, 120)} turns of {r.choice(['manila', 'hemp', 'wire'])} at {r.randint(2, 9)} knots",
        "DEBUG": lambda r: f"pawl sample {r.randint(1, 6)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"rope {r.randint(1, 6)} slack at {r.randint(30, 80)} cm, {r.randint(1, 4)} crossings past the greasing schedule",
        "ERROR": lambda r: f"pawl {r.randint(1, 3)} slipped on crossing {r.randint(100, 999)} at {r.randint(20, 90)} % load"},
        9515, "2026-12-02")
    app_log(d / "ferrydeck.log", 51517, 2000, ["ferrydeck.deck", "ferrydeck.winchman", "ferrydeck.api",
                                                "ferrydeck.db"], {
        "INFO": lambda r: f"crossing {r.randint(1, 400)} landed: {r.randint(2, 40)} carts at {r.randint(3, 9)} cwt, tide {r.choice(['slack', 'flood', 'ebb', 'spring'])}",
        "DEBUG": lambda r: f"toll batch {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"winchman {r.randint(1, 6)} lost {r.randint(5, 40)} turns on the crossing's drum",
        "ERROR": lambda r: f"guide chain {r.randint(1, 4)} jumped its sheave on crossing {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7515, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
