"""Round 705, the material both agents work in (no item is captured here): roundrobin's and cashaddress's sdists with
bugs put in under pytest suites written here (every expectation computed from the UNBROKEN package before the bugs go
in, as round 697 did) and a script each that runs their code wrongly, git histories built by committing their sources
in steps (capture_material.history), a C project (`vaneworks`) and a Rust crate (`spindleline`) from round 191's
generators, a Go module (`weathercockbook`, and a copy `finialscale`) from round 273's, a JavaScript project
(`cockerelry`) from round 290's module and fixture generator renamed through round 299's table's words, a CSV and a
sqlite table of some /usr/share files and two application logs. The generators are imported (capture_wide191_native,
capture_wide273_go, capture_wide290_mat, round 299's table), called with round 697's steps' pattern, this round's
words (a weathervane maker's) and seeds (70510-70519)."""

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
from capture_wide705 import JS, SRC, VENV

RR, CA = "roundrobin-0.1.0", "cashaddress-1.0.6"

# roundrobin: an item chosen only when its weight is above the current weight; a tie won by the later item.
RR_BUGS = [("roundrobin/weighted_rr.py", "if dataset[current.index][1] >= current.weight:",
            "if dataset[current.index][1] > current.weight:"),
           ("roundrobin/smooth_rr.py", "if not result or result.current_weight < extra.current_weight:",
            "if not result or result.current_weight <= extra.current_weight:")]
# cashaddress: the testnet P2SH legacy version byte miscounted; one leading zero byte lost on decoding.
CA_BUGS = [("cashaddress/convert.py", "('P2SH-TESTNET', 196, True),", "('P2SH-TESTNET', 197, True),"),
           ("cashaddress/base58.py", "return (b'\\0' * (origlen - newlen) + bseq(reversed(result)))",
            "return (b'\\0' * (origlen - newlen - 1) + bseq(reversed(result)))")]

RR_CALLS = r"""
import json, random
import roundrobin
r = random.Random(70519)
SMITHS = ["ada", "bram", "cole", "dora", "eli", "faye", "gus", "hild", "ivo", "jem", "kit", "lark"]
calls = []
for k in range(150):
    kind = r.choice(["weighted", "weighted", "smooth", "smooth", "basic"])
    keys = r.sample(SMITHS, r.randint(2, 6))
    weights = [r.randint(1, 9) for _ in keys]
    if r.random() < 0.08:
        weights[r.randrange(len(weights))] = -r.randint(1, 3)
    dataset = [[k_, w] for k_, w in zip(keys, weights)]
    picks = r.randint(8, 24)
    try:
        get = getattr(roundrobin, kind)([tuple(x) for x in dataset] if kind != "basic" else keys)
        want, error = [get() for _ in range(picks)], None
    except ValueError as exc:
        want, error = None, type(exc).__name__
    calls.append({"id": f"arm-{k:03d}-{kind}", "kind": kind, "dataset": dataset, "picks": picks,
                  "want": want, "error": error})
json.dump(calls, open("tests/weathercock_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

RR_TEST = r'''"""The vanesmiths' weathercock rotas (expectations from roundrobin 0.1.0 unbroken)."""
import json
import pathlib

import pytest

import roundrobin

CALLS = json.loads((pathlib.Path(__file__).parent / "weathercock_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_weathercock_rota(call):
    data = [k for k, _ in call["dataset"]] if call["kind"] == "basic" else [tuple(x) for x in call["dataset"]]
    if call["error"]:
        with pytest.raises(ValueError):
            getattr(roundrobin, call["kind"])(data)
        return
    get = getattr(roundrobin, call["kind"])(data)
    assert [get() for _ in range(call["picks"])] == call["want"]
'''

CA_CALLS = r"""
import json, random
from cashaddress import convert
r = random.Random(70519)
CHARS = "qpzry9x8gf2tvdw0s3jn54khce6mua7l123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
calls = []
for k in range(140):
    version = r.choice(["P2SH", "P2PKH", "P2SH-TESTNET", "P2PKH-TESTNET"])
    a = convert.Address(version, [r.randint(0, 255) for _ in range(20)])
    legacy, cash = a.legacy_address(), a.cash_address()
    way = r.choice(["to_cash", "to_legacy"])
    src = legacy if way == "to_cash" else cash
    if r.random() < 0.15:
        i = r.randrange(len(src) - 8, len(src))
        src = src[:i] + r.choice([c for c in CHARS if c != src[i]]) + src[i + 1:]
    try:
        want, error = getattr(convert, way + "_address")(src), None
    except Exception as exc:
        want, error = None, type(exc).__name__
    calls.append({"id": f"finial-{k:03d}-{way}", "way": way, "address": src, "want": want, "error": error})
json.dump(calls, open("tests/finial_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

CA_TEST = r'''"""The vanesmiths' finial ledger addresses converted (expectations from cashaddress 1.0.6 unbroken)."""
import builtins
import json
import pathlib

import pytest

from cashaddress import convert

CALLS = json.loads((pathlib.Path(__file__).parent / "finial_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_finial_address(call):
    convert_one = getattr(convert, call["way"] + "_address")
    if call["error"]:
        with pytest.raises(getattr(convert, call["error"], None) or getattr(builtins, call["error"])):
            convert_one(call["address"])
    else:
        assert convert_one(call["address"]) == call["want"]
'''

WEATHERCOCK_TALLY = r"""
import roundrobin


class VaneworkError(RuntimeError):
    pass


# the vanesmiths' rota: which smith gilds the next weathercock, weighted by the arms each can raise in a day
ROTAS = [("church cockerel", [("ada", 3), ("bram", 2), ("cole", 1)]),
         ("barn arrow", [("dora", 4), ("eli", 4), ("faye", 1)]),
         ("ship banner", [("gus", 2), ("hild", -1), ("ivo", 5)]),
         ("fox finial", [("jem", 1), ("kit", 3)])]


def rota(name, smiths):
    try:
        get = roundrobin.smooth(smiths)
    except (TypeError, ValueError) as exc:
        raise VaneworkError(f"vanework: cannot draw up the {name} rota for {[s for s, _ in smiths]}") from exc
    return [get() for _ in range(8)]


for name, smiths in ROTAS:
    print(f"{name:<16} {' '.join(rota(name, smiths))}")
"""

FINIAL_ROTA = r"""
from cashaddress import convert


class FinialError(RuntimeError):
    pass


# the vanesmiths' finial ledger: each customer's payment address as the apprentice copied it
LEDGER = [("church cockerel", "bitcoincash:qqkv9wr69ry2p9l53lxp635va4h86wv435995w8p2h"),
          ("barn arrow", "3CWFddi6m4ndiGyKqzYvsFYagqDLPVMTzC"),
          ("ship banner", "bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq"),
          ("fox finial", "bitcoincash:qqkv9wr69ry2p9l53lxp635va4h86wv435995w8p2g"),
          ("market cross", "155fzsEBHy9Ri2bMQ8uuuR3tv1YzcDywd4")]


def legacy(name, address):
    try:
        return convert.to_legacy_address(address)
    except convert.InvalidAddress as exc:
        raise FinialError(f"finial: cannot read the {name} payment address {address!r} in the ledger") from exc


for name, address in LEDGER:
    print(f"{name:<16} {legacy(name, address)}")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname in ((RR, RR_CALLS, RR_TEST, "test_weathercock_rota.py"),
                                     (CA, CA_CALLS, CA_TEST, "test_finial_address.py")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").write_text("")
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH=. {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / RR, RR_BUGS)
    put_bugs(tmp / CA, CA_BUGS)
    (tmp / RR / "weathercock_tally.py").write_text(WEATHERCOCK_TALLY)
    (tmp / CA / "finial_rota.py").write_text(FINIAL_ROTA)
    history(tmp, SRC, "roundrobin", RR, ["roundrobin/weighted_rr.py", "roundrobin/smooth_rr.py",
                                         "roundrobin/smooth_rr_stateful.py", "setup.py"],
            [("Hannah Finch", "hannah@example.org"), ("Tobias Lane", "tobias@example.org"),
             ("Mercy Holt", "mercy@example.org")], 70513, 5, RR_BUGS)
    history(tmp, SRC, "cashaddress", CA, ["cashaddress/convert.py", "cashaddress/crypto.py", "cashaddress/base58.py"],
            [("Silas Wren", "silas@example.org"), ("Agnes Pike", "agnes@example.org"),
             ("Jonas Reeve", "jonas@example.org")], 70514, 4, CA_BUGS)


# round 290's module in a weathervane maker's words: the words round 299's table replaces, in its order, each given one
VANE_WORDS = ["cockerelry", "vane sums for the cockerelry (arm lengths, gilding times, finial charts)",
              "armLength", "gildToMs", "finialBand", "vaneLabel", "spindleArea", "finialChart", "raisePlan",
              "No vanes raised", "unknown vane type", "cockerel", "arrow", "banner", "regild",
              "`raising ${w + 1}", "seed = 70518",
              "'vane', 'FINIAL', 'spindle', 'Cockerel', 'arm', 'gild', 'Copper', 'leaf', 'bearing', 'NORTH', "
              "'scroll',\n  'tail', 'pennant', 'Banner', 'solder', 'rota'",
              "'Hannah', 'Tobias', 'Mercy', 'Silas', 'Agnes', 'Jonas', 'Ada', 'Bram', 'Cole', 'Dora', 'Eli', 'Faye'"]
assert len(VANE_WORDS) == len(m299.WAGGLE_NAMES)
VANE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, VANE_WORDS)]


def vaned(text: str) -> str:
    for old, new in VANE_NAMES:
        text = text.replace(old, new)
    return text


CK_BUGS = [(vaned(rel), vaned(old), vaned(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "cockerelry"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = vaned(m290.FIXTURES)
    assert "70518" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "cockerelry", "version": "2.4.7", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/raise-plan.js": vaned(m290.APP), "lib/cockerelry.js": vaned(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", CK_BUGS)


def vanework(text: str) -> str:
    return (text.replace("WEIRKEEPER", "VANEWORKS").replace("weirkeeper", "vaneworks")
            .replace("sluice", "finialline").replace("weir", "vane_").replace("gate_t", "arm_t")
            .replace("gates", "arms").replace("level_cm", "pitch_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "vaneworks"
    rnd = random.Random(70512)
    files = {"src/vaneworks.h": vanework(n191.SKIFF_H), "src/finialline.c": vanework(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/vane_{k:02d}.c"] = vanework(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: vaneworks\n\n"
                         "vaneworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/vaneworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build vaneworks\n")
    write_tree(root, files)


def spindleline(text: str) -> str:
    return (text.replace("plumbline", "spindleline").replace("Plumb-line survey", "Spindle line gilding log")
            .replace("offset_per_m", "drift_per_arm").replace("station_penalty", "bearing_penalty")
            .replace("readings", "gildings").replace("reading", "gilding").replace("station", "bearing"))


def rust(tmp: Path) -> None:
    root = tmp / "spindleline"
    rnd = random.Random(70515)
    write_tree(root, {"Cargo.toml": spindleline(n191.CARGO).replace("0.3.4", "1.8.2"),
                      "src/lib.rs": spindleline(n191.LIB), "src/broken.rs": spindleline(n191.BROKEN),
                      "src/gildings.rs": spindleline(n191.gen_readings(rnd, 230))})
    assert "idx.push(bearing_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "weathercockbook"), ("casebook", "finialbook"), ("ledger host", "vane host"),
              ("litres left, days", "arms left, gildings"), ("nothing left to pour", "nothing left to gild"),
              ("pour order", "gilding order"), ("pour grade", "leaf grade"), ("Keg", "Vane"), ("keg", "vane"),
              ("Beer", "Gilt"), ("beer", "gilt"), ("Cellar", "Forge"), ("cellar", "forge"),
              ("Pints", "Arms"), ("pints", "arms"))
FS_RENAMES = tuple((o, n.replace("weathercockbook", "finialscale")) for o, n in GO_RENAMES)
LOTS = ["Cockerel", "Arrow", "Banner", "Ship", "Fox", "Dragon", "Pennant", "Grasshopper", "Fish", "Horse",
        "Comet", "Scroll"]
SMITHS = ["Hannah", "Tobias", "Mercy", "Silas", "Agnes", "Jonas", "Ada", "Bram", "Cole", "Dora", "Eli", "Faye"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("weathercockbook", GO_RENAMES, 70510, LOTS),
                                       ("finialscale", FS_RENAMES, 70511, SMITHS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/container/heap /usr/share/go-1.19/src/unicode/utf16 "
         "/usr/share/go-1.19/src/compress/lzw /usr/share/go-1.19/src/hash/crc64 /usr/share/go-1.19/src/image/gif")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > vanestore.body && "
        "(echo directory,file,bytes,modified; cat vanestore.body) > vanestore.csv && rm vanestore.body", cwd=d)
    run("sqlite3 vanestore.db '.mode csv' '.import vanestore.csv vanestore'", cwd=d)
    app_log(d / "vanework.log", 70516, 2300, ["vanework.gilding", "vanework.forge", "vanework.api",
                                              "vanework.raising"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} finished vane {r.randint(100, 999)}: {r.randint(2, 24)} leaves of {r.choice(['gold', 'copper', 'brass'])} laid",
        "DEBUG": lambda r: f"size pot {r.randint(1, 6)} warmed in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"arm {r.randint(1, 4)} of vane {r.randint(1, 8)} sat {r.randint(2, 40)} deg off north after its raising of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"spindle {r.randint(1, 3)} seized under vane {r.randint(100, 999)} at {r.randint(20, 90)} % of the raising"},
        9705, "2026-12-02")
    app_log(d / "finial.log", 70517, 2000, ["finial.turning", "finial.bearing",
                                            "finial.api", "finial.db"], {
        "INFO": lambda r: f"finial {r.randint(1, 400)} turned: {r.randint(3, 90)} rings of {r.choice(['copper', 'lead', 'oak', 'zinc'])} cut, {r.randint(2, 40)} mm a ring",
        "DEBUG": lambda r: f"bearing sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"gilding room {r.randint(1, 3)} ran damp {r.randint(1, 9)} times over the shop",
        "ERROR": lambda r: f"lathe {r.randint(1, 4)} jammed on finial {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7705, "2026-12-03")

STEPS = [python, js_project, c_project, rust, go_module, data]
