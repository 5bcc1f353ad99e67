"""Round 336, the material the two Gemini CLI runs work in (no item is captured here): wsproto's sdist with bugs put
in and a script that drives it wrongly, a git history built by committing its sources in steps, the towline project
(round 308's JavaScript module, itself round 300's and round 289's, renamed again in this round's words, with other
numbers, under its generated node --test suite whose expectations come from the unbroken module), the ferrytoll Go
module and the landingstage deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C
project (`chainferry`) and a Rust crate (`pontoon`) on round 191's generators with other names and seeds, a CSV and a
sqlite table of this machine's /usr/share/javascript files and two application logs. Run through capture_wide336.py.
The generators are imported, never copied; only the words and seeds are this round's."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide289_mat as m289
import capture_wide308_mat as m308
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

WSP = "wsproto-1.3.2"

# wsproto: the accept GUID's last digit changed; the handshake's version sent as 12; a 125-byte payload framed with a
# two-byte length; an eight-byte length of 65,535 accepted.
WSP_BUGS = [("src/wsproto/utilities.py", 'ACCEPT_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"',
             'ACCEPT_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B12"'),
            ("src/wsproto/handshake.py", 'WEBSOCKET_VERSION = b"13"', 'WEBSOCKET_VERSION = b"12"'),
            ("src/wsproto/frame_protocol.py", "        if payload_length <= MAX_PAYLOAD_NORMAL:\n",
             "        if payload_length < MAX_PAYLOAD_NORMAL:\n"),
            ("src/wsproto/frame_protocol.py",
             '(payload_len,) = struct.unpack("!Q", data)\n            if payload_len <= MAX_PAYLOAD_TWO_BYTE:',
             '(payload_len,) = struct.unpack("!Q", data)\n            if payload_len < MAX_PAYLOAD_TWO_BYTE:')]

FERRYMAN = r"""
from wsproto import ConnectionType, WSConnection
from wsproto.events import TextMessage
from wsproto.utilities import LocalProtocolError


class FerrymanError(RuntimeError):
    pass


CROSSINGS = {"Torpoint": 3, "King Harry": 1, "Sandbanks": 2, "Reedham": 1}


def board(crossing):
    ws = WSConnection(ConnectionType.CLIENT)
    try:
        return ws.send(TextMessage(data=f"toll paid at the {crossing} slipway, chain {CROSSINGS[crossing]}"))
    except LocalProtocolError as exc:
        raise FerrymanError(f"ferryman could not board the chain ferry at {crossing!r}") from exc


def main():
    try:
        for crossing in CROSSINGS:
            print(board(crossing))
    except FerrymanError as exc:
        raise RuntimeError("ferryman: the morning toll list was not sent") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide336 import SRC, VENV
    put_bugs(tmp / WSP, WSP_BUGS)
    (tmp / WSP / "ferryman.py").write_text(FERRYMAN)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"MYPYPATH=src {VENV}/bin/mypy --strict src/wsproto ferryman.py >/dev/null 2>&1; true", cwd=tmp / WSP,
        timeout=600)
    history(tmp, SRC, "wsproto", WSP, ["src/wsproto/connection.py", "src/wsproto/handshake.py"],
            [("Hal Torpoint", "torpoint@example.org"), ("Reed Hamsworth", "reedham@example.org"),
             ("Kit Harrison", "kingharry@example.org")], 33601, 90, WSP_BUGS)


def _towline(text: str) -> str:
    """Round 308's punty words (its `_punty` over round 300's crownwheel) into this round's."""
    return (text.replace("gathering sums for a punty (rod lengths, gather rates, marver charts)",
                         "crossing sums for a towline (chain lengths, toll rates, tide charts)")
            .replace("spec/gathers.test.mjs", "spec/crossings.test.mjs")
            .replace("punty", "towline")
            .replace("+ turns * 5.75;", "+ turns * 7.25;").replace("spm * 0.34 * 1000", "spm * 0.29 * 1000")
            .replace("[10, 13, 17, 20, 24, 26, 28, 31, 34, 36, 39, 44]",
                     "[8, 11, 14, 19, 22, 25, 29, 32, 35, 38, 42, 47]")
            .replace("ogee: 0.61, ovolo: 0.74, square: 0.88, scotia: 0.52",
                     "ogee: 0.63, ovolo: 0.71, square: 0.86, scotia: 0.55")
            .replace("gatherPlan", "crossingPlan").replace("No gather planned", "No crossing planned")
            .replace("gather", "crossing"))


TOWLINE = _towline(m308.PUNTY)
TW_BUGS = [("towline.js", "+ turns * 7.25;", "+ turns * 7.0;"),
           ("towline.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("towline.js", ".join('-');", ".join(':');"),
           ("towline.js", "square: 0.86", "square: 0.85")]
FIXTURES = _towline(m308.FIXTURES).replace("let seed = 30803;", "let seed = 33603;")
APP = _towline(m308.APP)
assert "33603" in FIXTURES and "crossing sums" in TOWLINE and "crossingPlan" in APP and "punty" not in TOWLINE + APP
assert "spec/crossings.test.mjs" in FIXTURES and "lib/towline.js" in FIXTURES


def js_project(tmp: Path) -> None:
    from capture_wide336 import JS
    root = tmp / "towline"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "towline", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/crossing-plan.js": APP, "lib/towline.js": TOWLINE,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", TW_BUGS)


FERRIES = ["Torpoint", "King Harry", "Sandbanks", "Reedham", "Dartmouth Higher", "Dartmouth Lower", "Cowes Floating",
           "Woolwich", "Hamble", "Bawdsey", "Tamar", "Southwold"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "ferrytoll"), ("casebook", "landingstage"), ("ledger host", "tollbooth host"),
              ("litres left, days", "tickets left, tides"), ("nothing left to pour", "nothing left to board"),
              ("pour order", "boarding order"), ("pour grade", "deck grade"), ("Keg", "Crossing"),
              ("keg", "crossing"), ("Beer", "Ferry"), ("beer", "ferry"), ("Cellar", "Slipway"),
              ("cellar", "slipway"), ("Pints", "Fares"), ("pints", "fares"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(33606, 60, FERRIES, GO_RENAMES)}
    write_tree(tmp / "ferrytoll", base)
    write_tree(tmp / "ferrytoll-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "ferrytoll-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "landingstage-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                          "scripts/backup.sh": rn(g273.BACKUP_SH),
                                          "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _chainferry(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CHAINFERRY").replace("weirkeeper", "chainferry").replace("weir", "slip")
            .replace("sluice", "haul").replace("gate_t", "chain_t").replace("gates", "chains")
            .replace("level_cm", "slack_mm").replace("tide", "toll"))


def c_project(tmp: Path) -> None:
    root = tmp / "chainferry"
    rnd = random.Random(33604)
    files = {"src/chainferry.h": _chainferry(n191.SKIFF_H), "src/landing.c": _chainferry(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/slip_{k:02d}.c"] = _chainferry(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: chainferry\n\n"
                         "chainferry: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/chainferry.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build chainferry\n")
    write_tree(root, files)


def _pontoon(text: str) -> str:
    return (text.replace("plumbline", "pontoon").replace("Plumb-line survey", "Pontoon mooring survey")
            .replace("offset_per_m", "draught_per_m").replace("station_penalty", "berth_penalty")
            .replace("readings", "soundings").replace("reading", "sounding").replace("station", "berth"))


def rust(tmp: Path) -> None:
    root = tmp / "pontoon"
    rnd = random.Random(33605)
    write_tree(root, {"Cargo.toml": _pontoon(n191.CARGO).replace("0.3.4", "2.1.0"),
                      "src/lib.rs": _pontoon(n191.LIB), "src/broken.rs": _pontoon(n191.BROKEN),
                      "src/soundings.rs": _pontoon(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/javascript -type f "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > js.body && "
        "(echo directory,file,bytes,modified; cat js.body) > jsfiles.csv && rm js.body", cwd=d)
    run("sqlite3 jsfiles.db '.mode csv' '.import jsfiles.csv jsfiles'", cwd=d)
    app_log(d / "tollhouse.log", 33607, 2000, ["tollhouse.gate", "tollhouse.fares", "tollhouse.api", "tollhouse.store"], {
        "INFO": lambda r: f"car {r.randint(1, 500)} paid toll at lane {r.randint(1, 4)} for {r.randint(2, 9)} crossings",
        "DEBUG": lambda r: f"chain tension probe {r.randint(1, 40)} took {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"slipway {r.randint(1, 6)} tide margin down to {r.randint(2, 30)} cm",
        "ERROR": lambda r: f"ticket {r.randint(1, 900)} rejected at barrier {r.randint(1, 3)}"},
        8300, "2026-12-01")
    app_log(d / "wharfinger.log", 33608, 1900, ["wharfinger.berths", "wharfinger.chains", "wharfinger.api",
                                                "wharfinger.db"], {
        "INFO": lambda r: f"ferry {r.randint(1, 12)} berthed at ramp {r.randint(1, 4)} in {r.randint(20, 200)} s",
        "DEBUG": lambda r: f"ramp sensor read {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"chain {r.randint(1, 2)} slack at {r.randint(40, 90)} cm on crossing {r.randint(1, 80)}",
        "ERROR": lambda r: f"ramp {r.randint(1, 4)} failed to lower for ferry {r.randint(1, 12)}"},
        6500, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
