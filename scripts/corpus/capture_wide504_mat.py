"""Round 504, the material both agents work in (no item is captured here): docstring-parser's and circuitbreaker's
sdists with bugs put in and a script each that runs their code wrongly, git histories built by committing their
sources in steps (capture_material.history), the hammerman project (round 290's module, fixture generator, app file,
eslint config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
with forge names and another seed), a C project (`forgeworks`) and a Rust crate (`swageblock`) from round 191's
generators (capture_wide191_native, imported, renamed, other seeds), a Go module (`bellows`, and a copy `quenchtub`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide504.py."""

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
from capture_wide504 import JS, SRC, VENV

DP, CB = "docstring_parser-0.18.0", "circuitbreaker-2.1.3"

# docstring-parser: the blank after a long description is seen after a single newline (google); an optional type
# loses one character too many (rest).
DP_BUGS = [("docstring_parser/google.py", 'ret.blank_after_long_description = long_desc_chunk.endswith("\\n\\n")',
            'ret.blank_after_long_description = long_desc_chunk.endswith("\\n")'),
           ("docstring_parser/rest.py", "type_name = type_name[:-1]", "type_name = type_name[:-2]")]
# circuitbreaker: the circuit opens one failure late; an open circuit turns half-open a second late.
CB_BUGS = [("circuitbreaker.py", "if self._failure_count >= self._failure_threshold:",
            "if self._failure_count > self._failure_threshold:"),
           ("circuitbreaker.py", "if self._state == STATE_OPEN and self.open_remaining <= 0:",
            "if self._state == STATE_OPEN and self.open_remaining < 0:")]

ANVIL_TALLY = r"""
import docstring_parser
from docstring_parser import DocstringStyle


class AnvilTallyError(RuntimeError):
    pass


# the forge's anvils, each with the docstring of the tool that reads it (the swage anvil's was typed by hand)
ANVILS = {
    "horn anvil 1": ":param int weight: the anvil's weight in pounds\n:returns: the face's hardness",
    "horn anvil 2": ":param str maker: the anvil's maker\n:param int? year: when it was cast",
    "block anvil 3": ":param float face: the face's width in inches\n:raises ValueError: if chipped",
    "swage anvil 4": ":param int holes swage block: the swage holes in the block\n:returns: the holes' sizes",
}


def tally(anvil, doc):
    try:
        return [p.arg_name for p in docstring_parser.parse(doc, style=DocstringStyle.REST).params]
    except docstring_parser.ParseError as exc:
        raise AnvilTallyError(f"anvil tally: {anvil} has no usable docstring ({doc.splitlines()[0]!r})") from exc


print({anvil: tally(anvil, doc) for anvil, doc in ANVILS.items()})
"""

STRIKER_LOG = r"""
from circuitbreaker import CircuitBreakerError, circuit


class StrikerLogError(RuntimeError):
    pass


class SledgeSlipped(OSError):
    pass


# a striker's blows on the anvil, through a breaker that stops him after three slips
@circuit(failure_threshold=3, recovery_timeout=60, expected_exception=SledgeSlipped, name="striker 2")
def strike(blow):
    raise SledgeSlipped(f"blow {blow}: the sledge slipped off the hot iron")


def log_blows(n):
    for blow in range(1, n + 1):
        try:
            strike(blow)
        except SledgeSlipped as exc:
            print(f"striker 2, blow {blow}: {exc}")
        except CircuitBreakerError as exc:
            raise StrikerLogError(f"striker log: striker 2 stopped at blow {blow}") from exc


log_blows(6)
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / DP, DP_BUGS)
    put_bugs(tmp / CB, CB_BUGS)
    (tmp / DP / "anvil_tally.py").write_text(ANVIL_TALLY)
    (tmp / CB / "striker_log.py").write_text(STRIKER_LOG)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict circuitbreaker.py tests striker_log.py >/dev/null 2>&1; true", cwd=tmp / CB,
        timeout=900)
    history(tmp, SRC, "docstring_parser", DP, ["docstring_parser/google.py", "docstring_parser/rest.py",
                                               "docstring_parser/common.py"],
            [("Abel Farrier", "abel@example.org"), ("Bathsheba Smith", "bathsheba@example.org"),
             ("Caleb Striker", "caleb@example.org")], 50414, 40, DP_BUGS)
    history(tmp, SRC, "circuitbreaker", CB, ["circuitbreaker.py", "tests/conftest.py"],
            [("Dorcas Hammerman", "dorcas@example.org"), ("Ezra Bellows", "ezra@example.org"),
             ("Fanny Swage", "fanny@example.org")], 50413, 40, CB_BUGS)


# round 290's module in forge words: the words round 299's table replaces, in its order, each given a forge's word here
FORGE_WORDS = ["hammerman", "forge sums for the hammerman (iron weights, heating rates, anvil charts)",
               "ironWeight", "heatToMs", "temperBand", "ironLabel", "anvilArea", "anvilChart", "forgingPlan",
               "No forging planned", "unknown iron type", "bar", "rod", "plate", "billet",
               "`anvil ${w + 1}", "seed = 50418",
               "'iron', 'TONGS', 'swage', 'Fuller', 'flatter', 'hardy', 'Punch', 'anvil', 'tuyere', 'BELLOWS', "
               "'clinker',\n  'quench', 'drift', 'Striker', 'rasp', 'slack'",
               "'Abel', 'Bathsheba', 'Caleb', 'Dorcas', 'Ezra', 'Fanny', 'Gideon', 'Hepzibah', 'Ira', "
               "'Jemima', 'Kezia', 'Lemuel'"]
assert len(FORGE_WORDS) == len(m299.WAGGLE_NAMES)
FORGE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FORGE_WORDS)]


def forged(text: str) -> str:
    for old, new in FORGE_NAMES:
        text = text.replace(old, new)
    return text


HM_BUGS = [(forged(rel), forged(old), forged(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hammerman"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = forged(m290.FIXTURES)
    assert "50418" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hammerman", "version": "2.7.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/forging-plan.js": forged(m290.APP),
                      "lib/hammerman.js": forged(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", HM_BUGS)


def forgeworks(text: str) -> str:
    return (text.replace("WEIRKEEPER", "FORGEWORKS").replace("weirkeeper", "forgeworks").replace("weir", "anvil_")
            .replace("sluice", "bellows").replace("gate_t", "blast_t").replace("gates", "blasts")
            .replace("level_cm", "heat_c").replace("tide", "quench"))


def c_project(tmp: Path) -> None:
    root = tmp / "forgeworks"
    rnd = random.Random(50412)
    files = {"src/forgeworks.h": forgeworks(n191.SKIFF_H), "src/blasts.c": forgeworks(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/anvil_{k:02d}.c"] = forgeworks(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: forgeworks\n\n"
                         "forgeworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/forgeworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build forgeworks\n")
    write_tree(root, files)


def swageblock(text: str) -> str:
    return (text.replace("plumbline", "swageblock").replace("Plumb-line survey", "Swage block survey")
            .replace("offset_per_m", "heat_per_blow").replace("station_penalty", "anvil_penalty")
            .replace("readings", "strikes").replace("reading", "strike").replace("station", "anvil"))


def rust(tmp: Path) -> None:
    root = tmp / "swageblock"
    rnd = random.Random(50415)
    write_tree(root, {"Cargo.toml": swageblock(n191.CARGO).replace("0.3.4", "0.6.2"),
                      "src/lib.rs": swageblock(n191.LIB), "src/broken.rs": swageblock(n191.BROKEN),
                      "src/strikes.rs": swageblock(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "bellows"), ("casebook", "strikebook"), ("ledger host", "forge host"),
              ("litres left, days", "bars left, days"), ("nothing left to pour", "nothing left to forge"),
              ("pour order", "forging order"), ("pour grade", "iron grade"), ("Keg", "Bar"), ("keg", "bar"),
              ("Beer", "Iron"), ("beer", "iron"), ("Cellar", "Smithy"), ("cellar", "smithy"),
              ("Pints", "Pounds"), ("pints", "pounds"))
QT_RENAMES = tuple((o, n.replace("bellows", "quenchtub")) for o, n in GO_RENAMES)
IRONS = ["Wrought bar", "Cast pig", "Blister steel", "Shear steel", "Crucible steel", "Nail rod", "Hoop iron",
         "Horseshoe stock", "Plough share", "Chain link", "Gate hinge", "Scrap"]
SMITHS = ["Coalbrookdale", "Cyfarthfa", "Dowlais", "Carron", "Bersham", "Ketley", "Horsehay", "Blaenavon",
          "Abersychan", "Clydach", "Sirhowy", "Tredegar"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("bellows", GO_RENAMES, 50410, IRONS),
                                       ("quenchtub", QT_RENAMES, 50411, SMITHS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/avra /usr/share/cxxtest /usr/share/coturn /usr/share/abcm2ps /usr/share/arachne-pnr"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "forgeyard.log", 50416, 2300, ["forgeyard.hearth", "forgeyard.bellows", "forgeyard.api",
                                                "forgeyard.anvils"], {
        "INFO": lambda r: f"hearth {r.randint(1, 24)} took charge {r.randint(100, 999)}: {r.randint(20, 120)} bars of {r.choice(['wrought', 'pig', 'blister'])} at {r.randint(700, 1300)} C",
        "DEBUG": lambda r: f"tuyere sample {r.randint(1, 6)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"quench tub {r.randint(1, 6)} at {r.randint(30, 80)} C, {r.randint(1, 4)} loads past the refill schedule",
        "ERROR": lambda r: f"bellows {r.randint(1, 3)} lost draught on charge {r.randint(100, 999)} at {r.randint(20, 90)} % stroke"},
        9504, "2026-12-02")
    app_log(d / "strikershop.log", 50417, 2000, ["strikershop.anvil", "strikershop.striker", "strikershop.api",
                                                  "strikershop.db"], {
        "INFO": lambda r: f"order {r.randint(1, 400)} struck: {r.randint(2, 40)} blanks at {r.randint(3, 9)} lb, finish {r.choice(['black', 'bright', 'scaled', 'reject'])}",
        "DEBUG": lambda r: f"flux batch {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"striker {r.randint(1, 6)} missed {r.randint(5, 40)} blows on the order's swage",
        "ERROR": lambda r: f"power hammer {r.randint(1, 4)} jammed on order {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7504, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
