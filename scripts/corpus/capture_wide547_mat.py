"""Round 547, the material both agents work in (no item is captured here): tap.py's and tree-format's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`treenailyard`) and a Rust crate (`steambox`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`scarphline`, and a copy `wedgeline`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide547.py; round 538's pattern (capture_wide538_mat), this round's
words (a shipwright's slip) and seeds (54710-54717)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide547 import SRC, VENV

TP, TF = "tap_py-3.2.1", "tree-format-0.1.2"

# tap.py: an `ok` line parsed as not ok; a result printed without its number.
TP_BUGS = [("tap/parser.py", "return self._parse_result(True, match, fh)",
            "return self._parse_result(False, match, fh)"),
           ("tap/line.py", 'return f"{is_not}ok {self.number} {self.description}{directive}{diagnostics}"',
            'return f"{is_not}ok {self.description}{directive}{diagnostics}"')]
# tree-format: the first child skipped; the last child's subtree keeps a vertical bar.
TF_BUGS = [("tree_format/_text.py", "for child in children[:-1]:", "for child in children[1:-1]:"),
           ("tree_format/_text.py", "last_prefix = u''.join([prefix, u'    '])",
            "last_prefix = u''.join([prefix, VERTICAL, u'   '])")]

TREENAIL_TALLY = r'''
from tap.parser import Parser


class TreenailError(RuntimeError):
    pass


# the slip's treenail tally as TAP: each strake's treenails driven, wedged and caulked
TALLY = """TAP version 13
1..8
ok 1 - garboard strake: 46 treenails driven, oak, wedged
ok 2 - second strake: 52 treenails driven, oak, wedged
not ok 3 - third strake: 12 treenails split at the wedge
  ---
  message: 'split treenails: 12 of 49'
  caulker: Amos Teague
  ...
ok 4 - bilge strake: 61 treenails driven # SKIP larch not seasoned
ok 5 - turn of the bilge: 58 treenails driven
not ok 6 - sheer strake: caulking seam open 3 mm # TODO reeve the oakum
ok 7 - wale: 40 treenails driven, locust
ok 8 - keel scarph: 14 treenails and 6 bolts
"""


def tally(path):
    try:
        return list(Parser().parse_file(path))
    except FileNotFoundError as exc:
        raise TreenailError(f"treenail tally: no tally at {path!r} for the next strake") from exc


for line in Parser().parse_text(TALLY):
    print(line.category, "|", line)
print(tally("tallies/strake_09.tap"))
'''

SCARPH_PLAN = r'''
from tree_format import format_tree


class ScarphPlanError(RuntimeError):
    pass


# the slip's scarph plan: (name, children) pairs; the keelson's last piece was written as a bare string
PLAN = ("keel 48 ft", [
    ("forefoot scarph", [("stem", []), ("apron", []), ("stemson", [])]),
    ("main keel", [("floor 1", []), ("floor 2", []), ("floor 3", [])]),
    ("heel scarph", [("sternpost", []), ("deadwood", []), "skeg"]),
])


def plan(tree):
    try:
        return format_tree(tree, format_node=lambda n: n[0], get_children=lambda n: n[1])
    except IndexError as exc:
        raise ScarphPlanError(f"scarph plan: a piece of {tree[0]!r} is not a (name, children) pair") from exc


print(plan(PLAN[1][0]))
print(plan(PLAN[1][1]))
print(plan(PLAN))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / TP, TP_BUGS)
    put_bugs(tmp / TF, TF_BUGS)
    (tmp / TP / "treenail_tally.py").write_text(TREENAIL_TALLY)
    (tmp / TF / "scarph_plan.py").write_text(SCARPH_PLAN)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict tree_format scarph_plan.py >/dev/null 2>&1; true", cwd=tmp / TF, timeout=900)
    history(tmp, SRC, "tap", TP, ["tap/parser.py", "tap/line.py", "tap/tracker.py"],
            [("Amos Teague", "amos@example.org"), ("Bess Caulker", "bess@example.org"),
             ("Cyrus Keelwright", "cyrus@example.org")], 54713, 40, TP_BUGS)
    history(tmp, SRC, "tree_format", TF, ["tree_format/_text.py", "tree_format/tests/test_text.py",
                                           "tree_format/__init__.py"],
            [("Dinah Treenail", "dinah@example.org"), ("Ezra Sawpit", "ezra@example.org"),
             ("Fenna Adze", "fenna@example.org")], 54714, 20, TF_BUGS)


def treenailyard(text: str) -> str:
    return (text.replace("WEIRKEEPER", "TREENAILYARD").replace("weirkeeper", "treenailyard").replace("weir", "treenail_")
            .replace("sluice", "caulker").replace("gate_t", "plank_t").replace("gates", "planks")
            .replace("level_cm", "seam_mm").replace("tide", "shift"))


def c_project(tmp: Path) -> None:
    root = tmp / "treenailyard"
    rnd = random.Random(54712)
    files = {"src/treenailyard.h": treenailyard(n191.SKIFF_H), "src/planks.c": treenailyard(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/treenail_{k:02d}.c"] = treenailyard(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: treenailyard\n\n"
                         "treenailyard: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/treenailyard.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build treenailyard\n")
    write_tree(root, files)


def steambox(text: str) -> str:
    return (text.replace("plumbline", "steambox").replace("Plumb-line survey", "Steam box log")
            .replace("offset_per_m", "bend_per_hour").replace("station_penalty", "strake_penalty")
            .replace("readings", "steams").replace("reading", "steam").replace("station", "strake"))


def rust(tmp: Path) -> None:
    root = tmp / "steambox"
    rnd = random.Random(54715)
    write_tree(root, {"Cargo.toml": steambox(n191.CARGO).replace("0.3.4", "2.4.7"),
                      "src/lib.rs": steambox(n191.LIB), "src/broken.rs": steambox(n191.BROKEN),
                      "src/steams.rs": steambox(n191.gen_readings(rnd, 230))})
    assert "idx.push(strake_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "scarphline"), ("casebook", "slipbook"), ("ledger host", "slip host"),
              ("litres left, days", "planks left, days"), ("nothing left to pour", "nothing left to fasten"),
              ("pour order", "fastening order"), ("pour grade", "oak grade"), ("Keg", "Plank"), ("keg", "plank"),
              ("Beer", "Hull"), ("beer", "hull"), ("Cellar", "Slip"), ("cellar", "slip"),
              ("Pints", "Treenails"), ("pints", "treenails"))
WL_RENAMES = tuple((o, n.replace("scarphline", "wedgeline")) for o, n in GO_RENAMES)
HULLS = ["Lugger", "Gig", "Pilot Cutter", "Ketch", "Smack", "Bawley", "Coble", "Yawl", "Punt", "Skiff",
         "Wherry", "Spritsail Barge"]
YARDS = ["Appledore", "Bideford", "Brixham", "Falmouth", "Fowey", "Gweek", "Hayle", "Porthleven",
         "Saltash", "Topsham", "Watchet", "Bucklers Hard"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("scarphline", GO_RENAMES, 54710, HULLS),
                                       ("wedgeline", WL_RENAMES, 54711, YARDS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/wireshark /usr/share/zsh /usr/share/texmf /usr/share/ucf /usr/share/tor"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "caulkshed.log", 54716, 2300, ["caulkshed.seams", "caulkshed.oakum", "caulkshed.api",
                                                "caulkshed.caulkers"], {
        "INFO": lambda r: f"caulker {r.randint(1, 6)} payed seam {r.randint(100, 999)}: {r.randint(2, 60)} ft of {r.choice(['oakum', 'cotton', 'pitch'])} at {r.randint(2, 9)} mm",
        "DEBUG": lambda r: f"mallet sample {r.randint(1, 6)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"caulker {r.randint(1, 6)} seam {r.randint(2, 9)} mm wide on strake {r.randint(1, 14)}, {r.randint(1, 4)} passes short",
        "ERROR": lambda r: f"treenail {r.randint(1, 3)} split on strake {r.randint(1, 14)} at {r.randint(20, 90)} % of the drive"},
        9547, "2026-12-02")
    app_log(d / "treenailshop.log", 54717, 2000, ["treenailshop.lathe", "treenailshop.mooter", "treenailshop.api",
                                                   "treenailshop.db"], {
        "INFO": lambda r: f"batch {r.randint(1, 400)} mooted: {r.randint(3, 900)} treenails, {r.choice(['oak', 'locust', 'larch', 'elm'])}, {r.randint(2, 40)} rejects",
        "DEBUG": lambda r: f"moot gauge {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"mooter {r.randint(1, 6)} left a treenail {r.randint(1, 6)} mm over gauge",
        "ERROR": lambda r: f"lathe {r.randint(1, 4)} jammed on batch {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7547, "2026-12-03")


STEPS = [python, c_project, rust, go_module, data]
