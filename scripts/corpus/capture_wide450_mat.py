"""Round 450, the material the two Gemini CLI runs work in (no item is captured here): knack's sdist with bugs put in
and a script that drives it wrongly, a git history built by committing its sources in steps, the shoretally Go module
and the dockmasterworks deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`keelblock`) and a Rust crate (`graving`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of the files of the round's own venv's site-packages and two application logs. Run through capture_wide450.py.
The generators are imported, never copied; only the words and seeds are this round's."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

KN = "knack-0.14.0"

# knack: env_var_name lower-cases the section; the TSV output no longer lower-cases booleans; to_snake_case no
# longer lower-cases; the deprecation version check uses `<` for `<=`.
KN_BUGS = [("knack/config.py", "return self._env_var_format.format(section=section.upper(),",
            "return self._env_var_format.format(section=section.lower(),"),
           ("knack/output.py", "_TsvOutput._dump_obj(str(data).lower(), stream)",
            "_TsvOutput._dump_obj(str(data), stream)"),
           ("knack/util.py", "return re.sub('([a-z0-9])([A-Z])', r'\\1_\\2', s1).lower()",
            "return re.sub('([a-z0-9])([A-Z])', r'\\1_\\2', s1)"),
           ("knack/deprecation.py", "return parse(v1) <= parse(v2)", "return parse(v1) < parse(v2)")]

DOCKMASTER = r"""
import os
import tempfile

from knack.config import CLIConfig


class FloodingError(RuntimeError):
    pass


BERTHS = {"north": "Dock 1 (keel blocks at 1.2 m)", "south": "Dock 2 (keel blocks at 1.5 m)",
          "graving": "Dock 3 (sidebreasts rigged)"}

CONFIG = '''[dock]
berth = graving
shores = 14
[pumphouse]
berth = caisson-west
pumps = 3
'''


def berth_of(config, section):
    try:
        return BERTHS[config.get(section, "berth")]
    except KeyError as exc:
        raise FloodingError(f"dockmaster cannot flood {section!r}: berth {config.get(section, 'berth')!r} unknown") from exc


def main():
    d = tempfile.mkdtemp(prefix="dockmaster-")
    with open(os.path.join(d, "config"), "w") as f:
        f.write(CONFIG)
    config = CLIConfig(config_dir=d, config_env_var_prefix="DOCKMASTER")
    try:
        for section in ("dock", "pumphouse"):
            print(section, berth_of(config, section), config.getint(section, "shores", 0))
    except FloodingError as exc:
        raise RuntimeError("dockmaster: the flooding order for the graving dock was not finished") from exc


main()
"""

HANDS = [("Ada Keelblock", "keelblock@example.org"), ("Silas Breastshore", "breastshore@example.org"),
         ("Nell Pumphouse", "pumphouse@example.org")]


def python(tmp: Path) -> None:
    from capture_wide450 import SRC
    put_bugs(tmp / KN, KN_BUGS)
    (tmp / KN / "dockmaster.py").write_text(DOCKMASTER)
    history(tmp, SRC, "knack", KN, ["knack/config.py", "knack/output.py", "knack/util.py", "knack/deprecation.py",
                                    "README.rst"], HANDS, 45010, 30, KN_BUGS)


DOCKS = ["Alexandra Dock", "Canada Dock", "Harland Dock", "Thompson Dock", "Hamilton Dock", "Clarence Dock",
         "Prince's Dock", "Wellington Dock", "Trafalgar Dock", "Brunswick Dock", "Coburg Dock", "Queen's Dock"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "shoretally"), ("casebook", "dockmasterworks"), ("ledger host", "dock office host"),
              ("litres left, days", "tonnes left, days"), ("nothing left to pour", "nothing left to pump"),
              ("pour order", "pumping order"), ("pour grade", "hull grade"), ("Keg", "Shore"),
              ("keg", "shore"), ("Beer", "Ballast"), ("beer", "ballast"), ("Cellar", "Dock"),
              ("cellar", "dock"), ("Pints", "Tonnes"), ("pints", "tonnes"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(45014, 60, DOCKS, GO_RENAMES)}
    write_tree(tmp / "shoretally", base)
    write_tree(tmp / "shoretally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "shoretally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "dockmasterworks-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                             "scripts/backup.sh": rn(g273.BACKUP_SH),
                                             "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _keelblock(text: str) -> str:
    return (text.replace("WEIRKEEPER", "KEELBLOCK").replace("weirkeeper", "keelblock").replace("weir", "breastshore")
            .replace("sluice", "pump").replace("gate_t", "shore_t").replace("gates", "shores")
            .replace("level_cm", "draught_cm").replace("tide", "flood"))


def c_project(tmp: Path) -> None:
    root = tmp / "keelblock"
    rnd = random.Random(45011)
    files = {"src/keelblock.h": _keelblock(n191.SKIFF_H), "src/pumphouse.c": _keelblock(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/breastshore_{k:02d}.c"] = _keelblock(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: keelblock\n\n"
                         "keelblock: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/keelblock.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build keelblock\n")
    write_tree(root, files)


def _graving(text: str) -> str:
    return (text.replace("plumbline", "graving").replace("Plumb-line survey", "Graving dock survey")
            .replace("offset_per_m", "draught_per_m").replace("station_penalty", "shore_penalty")
            .replace("readings", "soundings").replace("reading", "sounding").replace("station", "shore"))


def rust(tmp: Path) -> None:
    root = tmp / "graving"
    rnd = random.Random(45015)
    write_tree(root, {"Cargo.toml": _graving(n191.CARGO).replace("0.3.4", "2.1.7"),
                      "src/lib.rs": _graving(n191.LIB), "src/broken.rs": _graving(n191.BROKEN),
                      "src/soundings.rs": _graving(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide450 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "pumphouse.log", 45012, 2000, ["pumphouse.main", "pumphouse.culvert", "pumphouse.api",
                                               "pumphouse.store"], {
        "INFO": lambda r: f"pump {r.randint(1, 6)} drew the dock down {r.randint(1, 90)} cm in {r.randint(3, 24)} min",
        "DEBUG": lambda r: f"sluice sensor {r.randint(1, 30)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"keel block {r.randint(1, 40)} settling {r.randint(2, 30)} mm under load",
        "ERROR": lambda r: f"breastshore {r.randint(1, 60)} slipped at altar {r.randint(1, 9)} during pumping"},
        4501, "2026-12-01")
    app_log(d / "sidebreast.log", 45016, 1900, ["sidebreast.dock", "sidebreast.crane",
                                                "sidebreast.api", "sidebreast.db"], {
        "INFO": lambda r: f"dock {r.randint(1, 4)} took {r.choice(DOCKS)} hull on {r.randint(5, 90)} keel blocks",
        "DEBUG": lambda r: f"crane probe {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"sidebreast {r.randint(1, 20)} at {r.randint(60, 99)} percent load, re-wedge due in {r.randint(2, 30)} h",
        "ERROR": lambda r: f"shore {r.randint(1, 900)} split against the hull at altar {r.randint(1, 7)}"},
        5401, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
