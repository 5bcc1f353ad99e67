"""Round 307, the material both agents work in (no item is captured here): dacite's and blinker's sdists with bugs put
in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the slipcast project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with pottery names and another seed), a C project (`engobe`) and a
Rust crate (`grogmix`) from round 191's generators (capture_wide191_native, imported, renamed, other seeds), a CSV and
a sqlite table of this machine's documentation files and two application logs. Run through capture_wide307.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide307 import JS, SRC, VENV

DA, BL = "dacite-1.9.2", "blinker-1.9.0"

# dacite: a variable-length tuple (`tuple[X, ...]`) no longer recognised; floats no longer accepted where the numeric
# tower allows ints; a Literal check inverted; a nested error's field path joined in the wrong order.
DA_BUGS = [("dacite/types.py", "if len(tuple_types) == 2 and tuple_types[1] is ...:",
            "if len(tuple_types) == 2 and tuple_types[0] is ...:"),
           ("dacite/types.py", "if (type_ in [float, complex] and isinstance(value, (int, float)))",
            "if (type_ in [complex] and isinstance(value, (int, float)))"),
           ("dacite/types.py", "return value in extract_generic(type_)", "return value not in extract_generic(type_)"),
           ("dacite/exceptions.py", 'self.field_path = f"{parent_field_path}.{self.field_path}"',
            'self.field_path = f"{self.field_path}.{parent_field_path}"')]
# blinker: receivers connected to ANY dropped when the sender has receivers of its own; has_receivers_for(ANY) true
# whatever is connected; send's (receiver, result) pairs reversed; NamedSignal's repr cut one character short.
BL_BUGS = [("src/blinker/base.py", "ids = self._by_sender[ANY_ID] | self._by_sender[sender_id]",
            "ids = self._by_sender[sender_id].copy()"),
           ("src/blinker/base.py", "        if sender is ANY:\n            return False\n",
            "        if sender is ANY:\n            return True\n"),
           ("src/blinker/base.py", "            result = receiver(sender, **kwargs)\n\n            results.append((receiver, result))",
            "            result = receiver(sender, **kwargs)\n\n            results.append((result, receiver))"),
           ("src/blinker/base.py", 'return f"{base[:-1]}; {self.name!r}>"', 'return f"{base[:-2]}; {self.name!r}>"'),
           # added after a trial run's summary showed only one test failing: `weak` read the wrong way round
           ("src/blinker/base.py", "        if weak:\n            self.receivers[receiver_id] = make_ref(",
            "        if not weak:\n            self.receivers[receiver_id] = make_ref(")]

# dacite's sdist leaves out tests/common.py, which test_types.py imports (its version markers), and tests/__init__.py
# (without it mypy finds common.py under two module names and checks nothing else): both written here
DA_COMMON = """import sys

import pytest

literal_support = pytest.mark.skipif(sys.version_info < (3, 8), reason="requires Python 3.8")
init_var_type_support = pytest.mark.skipif(sys.version_info < (3, 8), reason="requires Python 3.8")
pep_604_support = pytest.mark.skipif(sys.version_info < (3, 10), reason="requires Python 3.10")
type_hints_with_generic_collections_support = pytest.mark.skipif(sys.version_info < (3, 9), reason="requires Python 3.9")
"""

SLIPWARE = r'''
from dataclasses import dataclass

import dacite


@dataclass
class Glaze:
    name: str
    cone: int
    layers: tuple[str, ...]


@dataclass
class Kilnload:
    shelf: int
    glaze: Glaze


class SlipwareLoadError(RuntimeError):
    pass


def slipware_piece(raw):
    return dacite.from_dict(Kilnload, raw, config=dacite.Config(strict=True))


def slipware_load(raws):
    out = []
    for i, raw in enumerate(raws):
        try:
            out.append(slipware_piece(raw))
        except dacite.DaciteError as exc:
            raise SlipwareLoadError(f"piece {i} cannot be loaded ({len(out)} of {len(raws)} loaded)") from exc
    return out


RAWS = [{"shelf": 1, "glaze": {"name": "tenmoku", "cone": 10, "layers": ("iron", "clear")}},
        {"shelf": 2, "glaze": {"name": "shino", "cone": "6", "layers": ("carbon",)}}]
print(slipware_load(RAWS))
'''

FETTLING = r'''
from blinker import signal

trimmed = signal("fettling-trimmed")
TALLY = {"greenware": 0}


@trimmed.connect
def count_piece(sender, **kw):
    TALLY[kw["stage"]] += 1
    return TALLY[kw["stage"]]


class FettlingSignalError(RuntimeError):
    pass


def fettling_run(pieces):
    sent = 0
    for piece, stage in pieces:
        try:
            trimmed.send(piece, stage=stage)
        except KeyError as exc:
            raise FettlingSignalError(f"piece {piece!r} at stage {stage!r} was not counted ({sent} of {len(pieces)} sent)") from exc
        sent += 1
    return TALLY


print(fettling_run([("jug-4", "greenware"), ("bowl-9", "greenware"), ("plate-2", "bisqueware")]))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / DA, DA_BUGS)
    put_bugs(tmp / BL, BL_BUGS)
    # blinker's pytest settings turn warnings into errors, and the pytest-asyncio installed here warns when its loop
    # scope is unset: set it as a developer of the project would
    put_bugs(tmp / BL, [("pyproject.toml", 'asyncio_mode = "auto"\n',
                         'asyncio_mode = "auto"\nasyncio_default_fixture_loop_scope = "function"\n')])
    (tmp / DA / "tests" / "common.py").write_text(DA_COMMON)
    (tmp / DA / "tests" / "__init__.py").write_text("")
    (tmp / DA / "slipware_load.py").write_text(SLIPWARE)
    (tmp / BL / "fettling_signals.py").write_text(FETTLING)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict src/blinker tests fettling_signals.py >/dev/null 2>&1; true", cwd=tmp / BL, timeout=900)
    history(tmp, SRC, "dacite", DA, ["dacite/types.py", "dacite/core.py", "dacite/exceptions.py", "tests/test_types.py"],
            [("Gwenllian Ashcombe", "gwenllian@example.org"), ("Hartley Oakenshaw", "hartley@example.org"),
             ("Isolde Penhallow", "isolde@example.org")], 30701, 30, DA_BUGS)
    history(tmp, SRC, "blinker", BL, ["src/blinker/base.py", "src/blinker/_utilities.py", "tests/test_signals.py"],
            [("Jessamy Trevithick", "jessamy@example.org"), ("Kendrick Marlowe", "kendrick@example.org"),
             ("Lavinia Cresswell", "lavinia@example.org")], 30702, 60, BL_BUGS)


# round 290's hawsehole module in pottery words: the words round 299's table replaces, in its order (the longer names
# first, so that no shorter one cuts into them), each given a pottery word here
SLIP_WORDS = ["slipcast", "clay sums for a slipcast mould (pour lengths, drain rates, firing charts)",
              "pourLength", "drainToMs", "shrinkBand", "mouldLabel", "footArea", "firingChart", "kilnPlan",
              "No kiln planned", "unknown mould type", "porcelain", "stoneware", "earthenware", "terracotta",
              "`firing ${w + 1}", "seed = 30703",
              "'slip', 'GLAZE', 'wheel', 'Bat', 'trimming', 'rib', 'Wire', 'sponge', 'banding', 'LUG', 'foot',\n"
              "  'spout', 'handle', 'Coil', 'pinch', 'wedge'",
              "'Agnes', 'Bernard', 'Clarice', 'Dora', 'Emmanuel', 'Freda', 'Gertrude', 'Hans', 'Isabel', 'Janet', "
              "'Katharine', 'Lucie'"]
assert len(SLIP_WORDS) == len(m299.WAGGLE_NAMES)
SLIP_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, SLIP_WORDS)]


def slip(text: str) -> str:
    for old, new in SLIP_NAMES:
        text = text.replace(old, new)
    return text


SL_BUGS = [(slip(rel), slip(old), slip(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "slipcast"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = slip(m290.FIXTURES)
    assert "30703" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "slipcast", "version": "0.9.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/kiln-plan.js": slip(m290.APP),
                      "lib/slipcast.js": slip(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in SL_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def pot(text: str) -> str:
    return (text.replace("WEIRKEEPER", "ENGOBE").replace("weirkeeper", "engobe").replace("weir", "sgraffito")
            .replace("sluice", "kiln").replace("gate_t", "kiln_t").replace("gates", "kilns").replace("level_cm", "temp_c")
            .replace("tide", "cone"))


def c_project(tmp: Path) -> None:
    root = tmp / "engobe"
    rnd = random.Random(30704)
    files = {"src/engobe.h": pot(n191.SKIFF_H), "src/firing.c": pot(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/sgraffito_{k:02d}.c"] = pot(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: engobe\n\n"
                         "engobe: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/engobe.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build engobe\n")
    write_tree(root, files)


def grog(text: str) -> str:
    return (text.replace("plumbline", "grogmix").replace("Plumb-line survey", "Grog mixes")
            .replace("offset_per_m", "grit_per_kg").replace("station_penalty", "batch_penalty")
            .replace("readings", "batches").replace("reading", "batch").replace("station", "bin"))


def rust(tmp: Path) -> None:
    root = tmp / "grogmix"
    rnd = random.Random(30705)
    write_tree(root, {"Cargo.toml": grog(n191.CARGO).replace("0.3.4", "0.4.2"), "src/lib.rs": grog(n191.LIB),
                      "src/broken.rs": grog(n191.BROKEN), "src/batches.rs": grog(n191.gen_readings(rnd, 230))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "pugmill.log", 30706, 2300, ["pugmill.auger", "pugmill.vacuum", "pugmill.api", "pugmill.scale"], {
        "INFO": lambda r: f"batch {r.randint(1, 60)} pugged: {r.randint(10, 80)} kg at {r.randint(18, 26)}% moisture in {r.randint(3, 25)} min",
        "DEBUG": lambda r: f"auger poll {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"batch {r.randint(1, 60)} vacuum only {r.randint(40, 79)} kPa, air pockets likely",
        "ERROR": lambda r: f"auger {r.randint(1, 3)} jammed after {r.randint(20, 300)} kg of grogged clay"}, 7301, "2026-11-30")
    app_log(d / "wedging.log", 30707, 2000, ["wedging.table", "wedging.kiln", "wedging.api", "wedging.db"], {
        "INFO": lambda r: f"kiln {r.randint(1, 6)} fired to cone {r.randint(4, 10)}: {r.randint(12, 90)} pieces in {r.randint(8, 14)} h",
        "DEBUG": lambda r: f"thermocouple sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"kiln {r.randint(1, 6)} shelf {r.randint(1, 8)} ran {r.randint(15, 60)} C cold",
        "ERROR": lambda r: f"kiln {r.randint(1, 6)} element {r.randint(1, 4)} open circuit at {r.randint(600, 1280)} C"}, 5207, "2026-12-02")


STEPS = [python, js_project, c_project, rust, data]
