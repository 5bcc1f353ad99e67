"""Round 721, the material both agents work in (no item is captured here): svix-ksuid's and readable-number's sdists
with bugs put in under pytest suites written here (every expectation computed from the UNBROKEN package before the
bugs go in, as round 713 did) and a script each that runs their code wrongly, git histories built by committing their
sources in steps (capture_material.history), a C project (`hornworks`) and a Rust crate (`combline`) from round 191's
generators, a Go module (`beakerbook`, and a copy `spoonscale`) from round 273's, a JavaScript project (`hornwarey`)
from round 290's module and fixture generator renamed through round 299's table's words, a CSV and a sqlite table of
some /usr/share files and two application logs. The generators are imported (capture_wide191_native,
capture_wide273_go, capture_wide290_mat, round 299's table), called with round 713's steps' pattern, this round's
words (a hornworker's) and seeds (72110-72119)."""

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
from capture_wide721 import JS, SRC, VENV

KS, RN = "svix_ksuid-0.7.0", "readable_number-0.1.3"

# svix-ksuid: two ids compared the wrong way round; KsuidMs's milliseconds wrapped at 100.
KS_BUGS = [("ksuid/ksuid.py", "return self._uid < other._uid", "return self._uid > other._uid"),
           ("ksuid/ksuid.py", "millis = (millis * 4) % 1000", "millis = (millis * 4) % 100")]
# readable-number: the shortform tier one too high; digit groups cut one digit off.
RN_BUGS = [("readable_number/readable_number.py", "tier = (num_digits - 1) // 3", "tier = num_digits // 3"),
           ("readable_number/readable_number.py", "and counter % self.digit_group_length == 0",
            "and counter % self.digit_group_length == 1")]

KS_CALLS = r"""
import json, random
from datetime import datetime, timezone
from ksuid import Ksuid, KsuidMs
r = random.Random(72119)
WARES = ["comb", "beaker", "spoon", "lanthorn leaf", "powder horn", "shoehorn", "button", "hornbook"]


def stamp():
    return round(r.uniform(1.5e9, 1.9e9), 3)


def pay(n):
    return bytes(r.randrange(256) for _ in range(n)).hex()


def make(ts, p, cls=Ksuid):
    return cls(datetime.fromtimestamp(ts, tz=timezone.utc), bytes.fromhex(p))


calls = []
for k in range(160):
    kind = r.choice(["str", "order", "order", "ms", "ms", "roundtrip", "sorted"])
    call = {"id": f"ware-{k:03d}-{kind}-{r.choice(WARES).replace(' ', '_')}", "kind": kind}
    if kind == "str":
        call.update(ts=stamp(), payload=pay(16))
        call["want"] = str(make(call["ts"], call["payload"]))
    elif kind == "order":
        call["pair"] = [[stamp(), pay(16)], [stamp(), pay(16)]]
        a, b = (make(*x) for x in call["pair"])
        call["want"] = a < b
    elif kind == "ms":
        call.update(ts=stamp(), payload=pay(15))
        call["want"] = make(call["ts"], call["payload"], KsuidMs).timestamp
    elif kind == "roundtrip":
        call.update(ts=stamp(), payload=pay(16))
        k_ = make(call["ts"], call["payload"])
        call["text"] = str(k_)
        call["want"] = bytes(Ksuid.from_base62(str(k_))).hex()
    else:
        call["items"] = [[stamp(), pay(16)] for _ in range(r.randint(3, 6))]
        call["want"] = [str(x) for x in sorted(make(*i) for i in call["items"])]
    calls.append(call)
json.dump(calls, open("tests/hornworker_calls.json", "w", encoding="utf-8"), indent=1)
"""

KS_TEST = r'''"""The hornworkers' ware ids (expectations from svix-ksuid 0.7.0 unbroken)."""
import json
import pathlib
from datetime import datetime, timezone

import pytest

from ksuid import Ksuid, KsuidMs

CALLS = json.loads((pathlib.Path(__file__).parent / "hornworker_calls.json").read_text(encoding="utf-8"))


def make(ts, payload, cls=Ksuid):
    return cls(datetime.fromtimestamp(ts, tz=timezone.utc), bytes.fromhex(payload))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_hornworker_id(call):
    if call["kind"] == "str":
        assert str(make(call["ts"], call["payload"])) == call["want"]
    elif call["kind"] == "order":
        a, b = (make(*x) for x in call["pair"])
        assert (a < b) is call["want"]
    elif call["kind"] == "ms":
        assert make(call["ts"], call["payload"], KsuidMs).timestamp == pytest.approx(call["want"])
    elif call["kind"] == "roundtrip":
        assert bytes(Ksuid.from_base62(call["text"])).hex() == call["want"]
    else:
        assert [str(x) for x in sorted(make(*i) for i in call["items"])] == call["want"]
'''

RN_CALLS = r"""
import json, random
from readable_number import ReadableNumber
r = random.Random(72119)
calls = []
for k in range(150):
    kind = r.choice(["group", "group", "short", "short", "prec", "small"])
    if kind == "group":
        num, opts = r.choice([r.randint(1000, 10 ** 9), -r.randint(1000, 10 ** 7), round(r.uniform(1e3, 1e6), 3)]), {}
    elif kind == "short":
        num, opts = r.randint(1000, 10 ** 13), {"use_shortform": True, "precision": r.choice([0, 1, 2])}
    elif kind == "prec":
        num, opts = round(r.uniform(-1e5, 1e5), 4), {"precision": 2, "digit_group_delimiter": " "}
    else:
        num, opts = round(r.uniform(0, 1), 6), {"significant_figures_after_decimal_point": r.choice([1, 2, 3])}
    calls.append({"id": f"beaker-{k:03d}-{kind}", "kind": kind, "num": num, "opts": opts,
                  "want": str(ReadableNumber(num, **opts))})
json.dump(calls, open("tests/beaker_calls.json", "w", encoding="utf-8"), indent=1)
"""

RN_TEST = r'''"""The hornworkers' beaker counts printed (expectations from readable-number 0.1.3 unbroken)."""
import json
import pathlib

import pytest

from readable_number import ReadableNumber

CALLS = json.loads((pathlib.Path(__file__).parent / "beaker_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_beaker_number(call):
    assert str(ReadableNumber(call["num"], **call["opts"])) == call["want"]
'''

HORNWARE_TALLY = r"""
from ksuid import ByteArrayLengthException, Ksuid


class HornwareError(RuntimeError):
    pass


# the hornworkers' tally: each ware's id as the shop book holds it, in hex
TALLY = [("horn comb", "12a4c0de" + "5a" * 16), ("horn beaker", "12a4c1f0" + "3c" * 16),
         ("powder horn", "12a4c2" + "7e" * 16), ("shoehorn", "12a4c3aa" + "11" * 16)]


def ware_id(name, hexid):
    try:
        return Ksuid.from_bytes(bytes.fromhex(hexid))
    except (ByteArrayLengthException, ValueError) as exc:
        raise HornwareError(f"hornware: cannot read the {name} id {hexid} from the tally") from exc


for name, hexid in TALLY:
    print(f"{name:<14} {ware_id(name, hexid)}")
"""

BEAKER_LEDGER = r"""
from readable_number import ReadableNumber


class BeakerError(RuntimeError):
    pass


# the hornworkers' beaker ledger: each bench's count as the apprentice wrote it
LEDGER = [("bench 1", 1440), ("bench 2", 27650.5), ("bench 3", 3125000), ("bench 4", "twelve dozen"),
          ("bench 5", 96)]


def count(name, value):
    try:
        return str(ReadableNumber(value))
    except (TypeError, ValueError) as exc:
        raise BeakerError(f"beaker: cannot print the {name} count written as {value!r}") from exc


for name, value in LEDGER:
    print(f"{name:<10} {count(name, value):>14}")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname in ((KS, KS_CALLS, KS_TEST, "test_hornworker_ids.py"),
                                     (RN, RN_CALLS, RN_TEST, "test_beaker_numbers.py")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").touch()
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH=. {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / KS, KS_BUGS)
    put_bugs(tmp / RN, RN_BUGS)
    (tmp / KS / "hornware_tally.py").write_text(HORNWARE_TALLY)
    (tmp / RN / "beaker_ledger.py").write_text(BEAKER_LEDGER)
    history(tmp, SRC, "ksuid", KS, ["ksuid/ksuid.py", "ksuid/__init__.py"],
            [("Agnes Horne", "agnes@example.org"), ("Barnaby Quill", "barnaby@example.org"),
             ("Clemency Tolle", "clemency@example.org")], 72113, 4, KS_BUGS)
    history(tmp, SRC, "readablenumber", RN, ["readable_number/readable_number.py", "readable_number/__init__.py"],
            [("Drusilla Venn", "drusilla@example.org"), ("Ezra Blount", "ezra@example.org"),
             ("Fenella Crabb", "fenella@example.org")], 72114, 12, RN_BUGS)


# round 290's module in a hornworker's words: the words round 299's table replaces, in its order, each given one
HORN_WORDS = ["hornwarey", "ware sums for the hornwarey (comb lengths, boiling times, beaker charts)",
             "combLength", "boilToMs", "beakerBand", "spoonLabel", "plateArea", "beakerChart", "pressPlan",
             "No wares pressed", "unknown horn type", "oxhorn", "ramhorn", "buffalo", "reboil",
             "`pressing ${w + 1}", "seed = 72118",
             "'comb', 'BEAKER', 'rasp', 'Hornware', 'spoon', 'lanthorn', 'Press', 'button', 'boil', "
             "'HORNBOOK', 'sheet',\n  'core', 'tip', 'Shoehorn', 'glue', 'tally'",
             "'Agnes', 'Barnaby', 'Clemency', 'Drusilla', 'Ezra', 'Fenella', 'Gervase', 'Hester', 'Ivo', 'Jocasta', "
             "'Kit', 'Lavinia'"]
assert len(HORN_WORDS) == len(m299.WAGGLE_NAMES)
HORN_NAMES = tuple((old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, HORN_WORDS))
HW_BUGS = [(g273.renamed(rel, HORN_NAMES), g273.renamed(old, HORN_NAMES), g273.renamed(new, HORN_NAMES))
           for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hornwarey"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = g273.renamed(m290.FIXTURES, HORN_NAMES)
    assert "72118" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hornwarey", "version": "3.1.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/print-plan.js": g273.renamed(m290.APP, HORN_NAMES),
                      "lib/hornwarey.js": g273.renamed(m290.HAWSEHOLE, HORN_NAMES),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", HW_BUGS)


C_RENAMES = (("WEIRKEEPER", "HORNWORKS"), ("weirkeeper", "hornworks"), ("sluice", "hornline"),
             ("weir", "comb_"), ("gate_t", "ware_t"), ("gates", "wares"), ("level_cm", "boil_min"))
RS_RENAMES = (("plumbline", "combline"), ("Plumb-line survey", "Comb line pressing log"),
              ("offset_per_m", "warp_per_tooth"), ("station_penalty", "bench_penalty"), ("readings", "pressings"),
              ("reading", "pressing"), ("station", "bench"))


def c_project(tmp: Path) -> None:
    root = tmp / "hornworks"
    rnd = random.Random(72112)
    files = {"src/hornworks.h": g273.renamed(n191.SKIFF_H, C_RENAMES),
             "src/hornline.c": g273.renamed(n191.SKIFF_C, C_RENAMES)}
    for k in range(40):
        files[f"src/comb_{k:02d}.c"] = g273.renamed(n191.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hornworks\n\n"
                         "hornworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hornworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hornworks\n")
    write_tree(root, files)


def rust(tmp: Path) -> None:
    root = tmp / "combline"
    rnd = random.Random(72115)
    write_tree(root, {"Cargo.toml": g273.renamed(n191.CARGO, RS_RENAMES).replace("0.3.4", "2.2.6"),
                      "src/lib.rs": g273.renamed(n191.LIB, RS_RENAMES),
                      "src/broken.rs": g273.renamed(n191.BROKEN, RS_RENAMES),
                      "src/pressings.rs": g273.renamed(n191.gen_readings(rnd, 230), RS_RENAMES)})
    assert "idx.push(bench_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "beakerbook"), ("casebook", "spoonbook"), ("ledger host", "horn host"),
              ("litres left, days", "wares left, boilings"), ("nothing left to pour", "nothing left to boil"),
              ("pour order", "boiling order"), ("pour grade", "horn grade"), ("Keg", "Ware"), ("keg", "ware"),
              ("Beer", "Glue"), ("beer", "glue"), ("Cellar", "Bench"), ("cellar", "bench"),
              ("Pints", "Combs"), ("pints", "combs"))
RS_GO_RENAMES = tuple((o, n.replace("beakerbook", "spoonscale")) for o, n in GO_RENAMES)
LOTS = ["Comb", "Beaker", "Spoon", "Lanthorn", "Button", "Shoehorn", "Hornbook", "Cup", "Handle", "Tip",
        "Plate", "Powderhorn"]
HORNWORKERS = ["Agnes", "Barnaby", "Clemency", "Drusilla", "Ezra", "Fenella", "Gervase", "Hester", "Ivo", "Jocasta",
               "Kit", "Lavinia"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("beakerbook", GO_RENAMES, 72110, LOTS),
                                       ("spoonscale", RS_GO_RENAMES, 72111, HORNWORKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/internal/fuzz /usr/share/go-1.19/src/net/http/cookiejar "
         "/usr/share/go-1.19/src/container/list /usr/share/go-1.19/src/crypto/ed25519 "
         "/usr/share/go-1.19/src/go/build/constraint")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > hornstore.body && "
        "(echo directory,file,bytes,modified; cat hornstore.body) > hornstore.csv && rm hornstore.body", cwd=d)
    run("sqlite3 hornstore.db '.mode csv' '.import hornstore.csv hornstore'", cwd=d)
    app_log(d / "beaker.log", 72116, 2300, ["beaker.boiling", "beaker.press", "beaker.api", "beaker.tally"], {
        "INFO": lambda r: f"press {r.randint(1, 6)} shaped batch {r.randint(100, 999)}: {r.randint(2, 24)} beakers of {r.choice(['ox', 'ram', 'buffalo'])} horn",
        "DEBUG": lambda r: f"rasp {r.randint(1, 6)} dressed in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"boiler {r.randint(1, 4)} of bench {r.randint(1, 8)} ran {r.randint(2, 40)} degrees cool after {r.randint(40, 60)} min of softening",
        "ERROR": lambda r: f"horn plate {r.randint(1, 3)} split under batch {r.randint(100, 999)} at {r.randint(20, 90)} % of the press"},
        9721, "2026-12-02")
    app_log(d / "comb.log", 72117, 2000, ["comb.cutting", "comb.polish", "comb.api", "comb.db"], {
        "INFO": lambda r: f"comb {r.randint(1, 400)} cut: {r.randint(3, 90)} teeth from {r.choice(['ox', 'ram', 'goat', 'buffalo'])} horn, {r.randint(2, 40)} mm deep",
        "DEBUG": lambda r: f"polish sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"drying loft {r.randint(1, 3)} ran damp {r.randint(1, 9)} times over the shop",
        "ERROR": lambda r: f"saw {r.randint(1, 4)} jammed on comb {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7721, "2026-12-03")

STEPS = [python, js_project, c_project, rust, go_module, data]
