"""Round 737, the material both agents work in (no item is captured here): korean_romanizer's and pyrankvote's sdists
with bugs put in under pytest suites written here (every expectation computed from the UNBROKEN package before the bugs
go in, as rounds 721 and 729 did) and a script each that runs their code wrongly, git histories built by committing
their sources in steps (capture_material.history), a C project (`knackery`) and a Rust crate (`gluepot`) from round
191's generators, Go modules (`boneyard`, `bonemill`) from round 273's, a JavaScript project (`tallowry`) from round
290's module renamed through round 299's table's words, a CSV and a sqlite table of some /usr/share files and two
application logs. The generators are imported, called with round 729's steps' pattern (its material module's
Makefile-free helpers are not reused: their names are 729's), this round's words (a knacker's) and seeds
(73710-73719)."""

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
from capture_wide737 import JS, SRC, VENV

KR, RV = "korean_romanizer-0.28.0", "pyrankvote-2.0.6"

# korean_romanizer: the vowel ㅓ written o instead of eo; the onset ㄹ written l instead of r.
KR_BUGS = [("korean_romanizer/romanizer.py", "'ㅓ' : 'eo',", "'ㅓ' : 'o',"),
           ("korean_romanizer/romanizer.py", "'ᄅ' : 'r',", "'ᄅ' : 'l',")]
# pyrankvote: the Droop quota divided by the seats, not the seats plus one; a candidate at the quota counted over it.
RV_BUGS = [("pyrankvote/multiple_seat_ranking_methods.py", "voters / float((seats + 1))", "voters / float((seats))"),
           ("pyrankvote/helpers.py", "> round(x, 4)", ">= round(x, 4)")]

KR_CALLS = r"""
import json, random
from korean_romanizer.romanizer import Romanizer
r = random.Random(73719)
YARDS = ["hide", "bone", "tallow", "glue", "cart", "yard", "mill", "pot"]


def word():
    return "".join(chr(0xAC00 + r.randrange(11172)) for _ in range(r.randint(1, 4)))


calls = []
while len(calls) < 170:
    text = " ".join(word() for _ in range(r.randint(1, 3)))
    try:
        want = Romanizer(text).romanize()
    except KeyError:  # a coda the package has no letter for: the yard roll never holds such a name
        continue
    calls.append({"id": f"yard-{len(calls):03d}-{r.choice(YARDS)}", "text": text, "want": want})
json.dump(calls, open("tests/knackery_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

KR_TEST = r'''"""The knacker's yard names (expectations from korean_romanizer 0.28.0 unbroken)."""
import json
import pathlib

import pytest

from korean_romanizer.romanizer import Romanizer

CALLS = json.loads((pathlib.Path(__file__).parent / "knackery_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_yard_name(call):
    assert Romanizer(call["text"]).romanize() == call["want"]
'''

RV_CALLS = r"""
import json, random
from pyrankvote import Ballot, Candidate, instant_runoff_voting, single_transferable_vote, preferential_block_voting
r = random.Random(73718)
NAMES = ["Ambrose", "Beatrix", "Clement", "Dinah", "Ezra", "Florence", "Gideon", "Hester", "Ivo", "Jemima"]
calls = []
for k in range(150):
    cands = [Candidate(n) for n in r.sample(NAMES, r.randint(3, 7))]
    ballots = [Ballot(ranked_candidates=r.sample(cands, r.randint(1, len(cands)))) for _ in range(r.randint(6, 40))]
    kind = r.choice(["irv", "stv", "stv", "pbv"])
    seats = 1 if kind == "irv" else r.randint(2, max(2, len(cands) - 1))
    if kind == "irv":
        res = instant_runoff_voting(cands, ballots)
    elif kind == "stv":
        res = single_transferable_vote(cands, ballots, number_of_seats=seats)
    else:
        res = preferential_block_voting(cands, ballots, number_of_seats=seats)
    calls.append({"id": f"hide-{k:03d}-{kind}-{seats}", "kind": kind, "seats": seats,
                  "candidates": [c.name for c in cands],
                  "ballots": [[c.name for c in b.ranked_candidates] for b in ballots],
                  "want": [c.name for c in res.get_winners()]})
json.dump(calls, open("tests/hide_calls.json", "w", encoding="utf-8"), indent=1)
"""

RV_TEST = r'''"""The knackers' guild hide ballots (expectations from pyrankvote 2.0.6 unbroken)."""
import json
import pathlib

import pytest

from pyrankvote import Ballot, Candidate, instant_runoff_voting, preferential_block_voting, single_transferable_vote

CALLS = json.loads((pathlib.Path(__file__).parent / "hide_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_hide_ballot(call):
    cands = {n: Candidate(n) for n in call["candidates"]}
    ballots = [Ballot(ranked_candidates=[cands[n] for n in b]) for b in call["ballots"]]
    if call["kind"] == "irv":
        res = instant_runoff_voting(list(cands.values()), ballots)
    elif call["kind"] == "stv":
        res = single_transferable_vote(list(cands.values()), ballots, number_of_seats=call["seats"])
    else:
        res = preferential_block_voting(list(cands.values()), ballots, number_of_seats=call["seats"])
    assert [c.name for c in res.get_winners()] == call["want"]
'''

YARD_ROLL = r"""
from korean_romanizer.romanizer import Romanizer


class KnackerError(RuntimeError):
    pass


# the knacker's yard roll: each yard's name as the carter wrote it (yard 3's by its number)
ROLL = [("yard 1", "가죽"), ("yard 2", "뼈 방앗간"), ("yard 3", 3), ("yard 4", "수지")]


def name(yard, text):
    try:
        return Romanizer(text).romanize()
    except TypeError as exc:
        raise KnackerError(f"knackery: cannot spell the {yard} name {text!r} from the yard roll") from exc


for yard, text in ROLL:
    print(f"{yard:<8} {name(yard, text)}")
"""

TALLOW_POLL = r"""
from pyrankvote import Ballot, Candidate, instant_runoff_voting
from pyrankvote.models import DuplicateCandidatesError


class PollError(RuntimeError):
    pass


# the tallow chandlers' poll: each knacker's ranking as the clerk wrote it
EZRA, HESTER, IVO = Candidate("Ezra"), Candidate("Hester"), Candidate("Ivo")
SLIPS = [("slip 1", [EZRA, HESTER]), ("slip 2", [IVO]), ("slip 3", [HESTER, IVO, HESTER]), ("slip 4", [EZRA])]


def ballot(slip, ranked):
    try:
        return Ballot(ranked_candidates=ranked)
    except DuplicateCandidatesError as exc:
        raise PollError(f"tallow poll: {slip} names {', '.join(c.name for c in ranked)}") from exc


ballots = [ballot(slip, ranked) for slip, ranked in SLIPS]
print(instant_runoff_voting([EZRA, HESTER, IVO], ballots))
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname in ((KR, KR_CALLS, KR_TEST, "test_knackery_names.py"),
                                     (RV, RV_CALLS, RV_TEST, "test_hide_ballots.py")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").touch()
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH=. {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / KR, KR_BUGS)
    put_bugs(tmp / RV, RV_BUGS)
    (tmp / KR / "yard_roll.py").write_text(YARD_ROLL)
    (tmp / RV / "tallow_poll.py").write_text(TALLOW_POLL)
    history(tmp, SRC, "korean_romanizer", KR, ["korean_romanizer/romanizer.py", "korean_romanizer/pronouncer.py"],
            [("Ambrose Tull", "ambrose@example.org"), ("Beatrix Hale", "beatrix@example.org"),
             ("Clement Rook", "clement@example.org")], 73713, 4, KR_BUGS)
    history(tmp, SRC, "pyrankvote", RV, ["pyrankvote/helpers.py", "pyrankvote/multiple_seat_ranking_methods.py"],
            [("Dinah Crane", "dinah@example.org"), ("Ezra Tallis", "ezra@example.org"),
             ("Florence Tapp", "florence@example.org")], 73714, 12, RV_BUGS)


# round 290's module in a knacker's words: the words round 299's table replaces, in its order, each given one
KN_WORDS = ["tallowry", "tallow sums for the tallowry (vat depths, rendering times, yard charts)",
            "vatDepth", "renderToMs", "hideBand", "boneLabel", "potArea", "yardChart", "cartPlan",
            "No carts booked", "unknown hide type", "brown", "grey", "dun", "rerender",
            "`rendering ${w + 1}", "seed = 73717",
            "'vat', 'KNACKER', 'pot', 'Tallow', 'bone', 'cart', 'Mill', 'hook', 'hide', "
            "'GLUE', 'skin',\n  'yard', 'sled', 'Hoof', 'lime', 'tally'",
            "'Ambrose', 'Beatrix', 'Clement', 'Dinah', 'Ezra', 'Florence', 'Gideon', 'Hester', 'Ivo', "
            "'Jemima', 'Kit', 'Lettice'"]
assert len(KN_WORDS) == len(m299.WAGGLE_NAMES)
KN_NAMES = tuple((old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, KN_WORDS))
TW_BUGS = [(g273.renamed(rel, KN_NAMES), g273.renamed(old, KN_NAMES), g273.renamed(new, KN_NAMES))
           for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "tallowry"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = g273.renamed(m290.FIXTURES, KN_NAMES)
    assert "73717" in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "tallowry", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/print-plan.js": g273.renamed(m290.APP, KN_NAMES),
                      "lib/tallowry.js": g273.renamed(m290.HAWSEHOLE, KN_NAMES),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", TW_BUGS)


C_RENAMES = (("WEIRKEEPER", "KNACKERY"), ("weirkeeper", "knackery"), ("sluice", "bonepress"),
             ("weir", "hide_"), ("gate_t", "pot_t"), ("gates", "pots"), ("level_cm", "tallow_lb"))
RS_RENAMES = (("plumbline", "gluepot"), ("Plumb-line survey", "Glue pot boiling log"),
              ("offset_per_m", "set_per_hour"), ("station_penalty", "pot_penalty"), ("readings", "boilings"),
              ("reading", "boiling"), ("station", "pot"))


def c_project(tmp: Path) -> None:
    root = tmp / "knackery"
    rnd = random.Random(73712)
    files = {"src/knackery.h": g273.renamed(n191.SKIFF_H, C_RENAMES),
             "src/bonepress.c": g273.renamed(n191.SKIFF_C, C_RENAMES)}
    for k in range(40):
        files[f"src/hide_{k:02d}.c"] = g273.renamed(n191.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: knackery\n\n"
                         "knackery: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/knackery.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build knackery\n")
    write_tree(root, files)


def rust(tmp: Path) -> None:
    root = tmp / "gluepot"
    rnd = random.Random(73715)
    write_tree(root, {"Cargo.toml": g273.renamed(n191.CARGO, RS_RENAMES).replace("0.3.4", "2.1.5"),
                      "src/lib.rs": g273.renamed(n191.LIB, RS_RENAMES),
                      "src/broken.rs": g273.renamed(n191.BROKEN, RS_RENAMES),
                      "src/boilings.rs": g273.renamed(n191.gen_readings(rnd, 230), RS_RENAMES)})
    assert "idx.push(pot_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "boneyard"), ("casebook", "skinbook"), ("ledger host", "yard host"),
              ("litres left, days", "hides left, cartings"), ("nothing left to pour", "nothing left to render"),
              ("pour order", "render order"), ("pour grade", "tallow grade"), ("Keg", "Hide"), ("keg", "hide"),
              ("Beer", "Bone"), ("beer", "bone"), ("Cellar", "Yard"), ("cellar", "yard"),
              ("Pints", "Loads"), ("pints", "loads"))
BM_GO_RENAMES = tuple((o, n.replace("boneyard", "bonemill")) for o, n in GO_RENAMES)
LOTS = ["Hide", "Bone", "Tallow", "Glue", "Hoof", "Horn", "Lime", "Cart", "Sled", "Hook", "Pot", "Mill"]
KNACKERS = ["Ambrose", "Beatrix", "Clement", "Dinah", "Ezra", "Florence", "Gideon", "Hester", "Ivo", "Jemima",
            "Kit", "Lettice"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("boneyard", GO_RENAMES, 73710, LOTS),
                                       ("bonemill", BM_GO_RENAMES, 73711, KNACKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/net/http/httputil /usr/share/go-1.19/src/archive/tar "
         "/usr/share/go-1.19/src/go/printer /usr/share/go-1.19/src/image/jpeg /usr/share/go-1.19/src/crypto/x509")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > yardstore.body && "
        "(echo directory,file,bytes,modified; cat yardstore.body) > yardstore.csv && rm yardstore.body", cwd=d)
    run("sqlite3 yardstore.db '.mode csv' '.import yardstore.csv yardstore'", cwd=d)
    app_log(d / "yard.log", 73716, 2300, ["yard.carting", "yard.render", "yard.api", "yard.tally"], {
        "INFO": lambda r: f"cart {r.randint(1, 6)} brought load {r.randint(100, 999)}: {r.randint(2, 24)} hides of {r.choice(['brown', 'grey', 'dun'])} horse",
        "DEBUG": lambda r: f"hook {r.randint(1, 6)} cleared in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"vat {r.randint(1, 4)} of shed {r.randint(1, 8)} ran {r.randint(2, 40)} degrees cool after {r.randint(40, 60)} min of rendering",
        "ERROR": lambda r: f"tallow pot {r.randint(1, 3)} boiled over under load {r.randint(100, 999)} at {r.randint(20, 90)} % of the render"},
        9737, "2026-12-02")
    app_log(d / "mill.log", 73717, 2000, ["mill.grinding", "mill.kiln", "mill.api", "mill.db"], {
        "INFO": lambda r: f"mill {r.randint(1, 40)} ground: {r.randint(3, 90)} cwt of bone with {r.choice(['lime', 'steam', 'acid'])}, {r.randint(2, 40)} mesh",
        "DEBUG": lambda r: f"kiln sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"glue pot {r.randint(1, 3)} set weak {r.randint(1, 9)} times over the shift",
        "ERROR": lambda r: f"millstone {r.randint(1, 4)} cracked in mill {r.randint(1, 40)} after {r.randint(1, 60)} min"},
        7737, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
