"""Round 449, the material both agents work in (no item is captured here): a Go module (`leverframe`, and a second
copy `tablethouse` with another seed) from round 273's generator (capture_wide273_go, imported, renamed), a C project
(`signalbox`) and a Rust crate (`interlocking`) from round 191's generators (capture_wide191_native, imported, renamed),
git histories of the Go module's sources (capture_material.history), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide449.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history
from capture_more import run, write_tree


def signalbox(text: str) -> str:
    return (text.replace("WEIRKEEPER", "SIGNALBOX").replace("weirkeeper", "signalbox").replace("weir", "lever_")
            .replace("sluice", "lever").replace("gate_t", "lever_t").replace("gates", "levers")
            .replace("level_cm", "pull_kg").replace("tide", "block"))


def c_project(tmp: Path) -> None:
    root = tmp / "signalbox"
    rnd = random.Random(44912)
    files = {"src/signalbox.h": signalbox(n191.SKIFF_H), "src/block.c": signalbox(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/lever_{k:02d}.c"] = signalbox(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: signalbox\n\n"
                         "signalbox: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/signalbox.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build signalbox\n")
    write_tree(root, files)


def interlocking(text: str) -> str:
    return (text.replace("plumbline", "interlocking").replace("Plumb-line survey", "Interlocking survey")
            .replace("offset_per_m", "pull_per_lever").replace("station_penalty", "frame_penalty")
            .replace("readings", "pulls").replace("reading", "pull").replace("station", "frame"))


def rust(tmp: Path) -> None:
    root = tmp / "interlocking"
    rnd = random.Random(44913)
    write_tree(root, {"Cargo.toml": interlocking(n191.CARGO).replace("0.3.4", "0.6.2"),
                      "src/lib.rs": interlocking(n191.LIB), "src/broken.rs": interlocking(n191.BROKEN),
                      "src/pulls.rs": interlocking(n191.gen_readings(rnd, 220))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "leverframe"), ("casebook", "blockbook"), ("ledger host", "box host"),
              ("litres left, days", "pulls left, days"), ("nothing left to pour", "nothing left to pull"),
              ("pour order", "pull order"), ("pour grade", "lever grade"), ("Keg", "Lever"), ("keg", "lever"),
              ("Beer", "Signal"), ("beer", "signal"), ("Cellar", "Frame"), ("cellar", "frame"),
              ("Pints", "Pulls"), ("pints", "pulls"))
TH_RENAMES = tuple((o, n.replace("leverframe", "tablethouse")) for o, n in GO_RENAMES)
SIGNALS = ["Home 12", "Distant 3", "Starter 7", "Shunt 21", "Outer Home 2", "Advanced Starter 9",
           "Calling On 14", "Ground Disc 30", "Inner Home 5", "Fixed Distant 1", "Block Section 8", "Route 17"]
TABLETS = ["Tablet A", "Tablet B", "Staff Red", "Staff Blue", "Token 4", "Token 6", "Key 11", "Key 19",
           "Ticket 2", "Ticket 8", "Train Staff 3", "Pilot 5"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("leverframe", GO_RENAMES, 44910, SIGNALS),
                                       ("tablethouse", TH_RENAMES, 44911, TABLETS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()
    # git histories of the Go modules' sources (capture_material.history reads an sdist-like tarball)
    src = tmp / "src"
    src.mkdir()
    for name, seed, people in (("leverframe", 44914, [("Agnes Leverman", "agnes@example.org"),
                                                      ("Bertram Blockley", "bertram@example.org"),
                                                      ("Cora Tablet", "cora@example.org")]),
                               ("tablethouse", 44915, [("Dunstan Frame", "dunstan@example.org"),
                                                       ("Elsie Signalman", "elsie@example.org"),
                                                       ("Fergus Bellcode", "fergus@example.org")])):
        sd = f"{name}-0.4.0"
        run(f"mkdir {sd} && cp {tmp}/{name}/* {tmp}/{name}-vet/vet.go {sd}/ && "
            f"tar czf {sd}.tar.gz {sd} && rm -rf {sd}", cwd=src)
        bugs = [("tally.go", "if left < 0 {", "if left < -1 {"), ("tally.go", "if len(n) > 3 {", "if len(n) > 4 {")]
        history(tmp, src, name, sd, ["tally.go", "tally_test.go", "vet.go"], people, seed, 40, bugs)


SHARE = "/usr/share/tcltk /usr/share/info /usr/share/xml /usr/share/gcc /usr/share/python3"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "blockbell.log", 44916, 2300, ["blockbell.instrument", "blockbell.bell", "blockbell.api", "blockbell.frame"], {
        "INFO": lambda r: f"block {r.randint(1, 9)} train on line: {r.randint(1, 12)} bells offered, accepted in {r.randint(2, 40)} s at lever {r.randint(1, 48)}",
        "DEBUG": lambda r: f"instrument poll {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"lever {r.randint(1, 48)} pull {r.randint(20, 60)} kg over the {r.randint(15, 25)} kg limit",
        "ERROR": lambda r: f"block instrument {r.randint(1, 9)} needle stuck at train on line after {r.randint(1, 90)} min"},
        8449, "2026-12-02")
    app_log(d / "trainsignal.log", 44917, 2000, ["trainsignal.home", "trainsignal.distant", "trainsignal.api", "trainsignal.db"], {
        "INFO": lambda r: f"signal {r.randint(1, 30)} cleared for train {r.randint(100, 999)} on route {r.choice(['up main', 'down main', 'up relief', 'loop'])}",
        "DEBUG": lambda r: f"track circuit {r.randint(1, 90)} sampled in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"distant {r.randint(1, 12)} lamp proving lost for {r.randint(2, 90)} s",
        "ERROR": lambda r: f"home {r.randint(1, 30)} failed to return to danger after train {r.randint(100, 999)}"},
        6449, "2026-12-03")


STEPS = [go_module, c_project, rust, data]
