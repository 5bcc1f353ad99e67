"""Round 300, the material the two Gemini CLI runs work in (no item is captured here): boolean.py's sdist with bugs
put in and a script that runs its parser wrongly, a git history built by committing its sources in steps, the
crownwheel project (round 289's JavaScript module in this round's words, with other numbers, under its generated node
--test suite whose expectations come from the unbroken module), the tourbillon Go module and the carillon deploy
scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`fusee`) and a Rust crate
(`remontoire`) on round 191's generators with other names and seeds, a CSV and a sqlite table of this machine's
/usr/lib/python3* files and two application logs. Run through capture_wide300.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide289_mat as m289
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

BP = "boolean_py-5.0"

# boolean.py: "|" read as AND; NOT printed as "!"; an operation with fewer terms sorted after a longer one; "none"
# read as TRUE.
BP_BUGS = [("boolean/boolean.py", '            "|": TOKEN_OR,\n', '            "|": TOKEN_AND,\n'),
           ("boolean/boolean.py", '        self.operator = "~"\n', '        self.operator = "!"\n'),
           ("boolean/boolean.py", "                return lenself < lenother\n",
            "                return lenself > lenother\n"),
           ("boolean/boolean.py", '            "none": TOKEN_FALSE,\n', '            "none": TOKEN_TRUE,\n')]

QUARTERJACK = r"""
import boolean


class QuarterjackError(RuntimeError):
    pass


RULES = ["hour and not silent", "quarter or (half and chime", "strike & ~muffled"]


def quarter_rules(rules):
    algebra = boolean.BooleanAlgebra()
    out = []
    for rule in rules:
        try:
            out.append(algebra.parse(rule).simplify())
        except boolean.ParseError as exc:
            raise QuarterjackError(f"quarterjack striking rule {rule!r} could not be parsed") from exc
    return out


print(quarter_rules(RULES))
"""


def python(tmp: Path) -> None:
    from capture_wide300 import SRC, VENV
    put_bugs(tmp / BP, BP_BUGS)
    (tmp / BP / "quarterjack.py").write_text(QUARTERJACK)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict boolean quarterjack.py >/dev/null 2>&1; true", cwd=tmp / BP, timeout=600)
    history(tmp, SRC, "boolean", BP, ["boolean/boolean.py", "boolean/test_boolean.py"],
            [("Tompion Graham", "tompion@example.org"), ("Harrison Mudge", "harrison@example.org"),
             ("Breguet Vulliamy", "breguet@example.org")], 30001, 110, BP_BUGS)


def _crown(text: str) -> str:
    return (text.replace("pintle", "crownwheel").replace("rudder-hinge sums for a crownwheel (pin lengths, swing rates, "
                                                         "fitting charts)", "winding sums for a crownwheel (arbor "
                                                         "lengths, beat rates, click charts)")
            .replace("+ turns * 4.25;", "+ turns * 6.5;").replace("spm * 0.38 * 1000", "spm * 0.29 * 1000")
            .replace("[11, 14, 18, 20, 22, 24, 26, 28, 30, 32, 36, 40]", "[12, 15, 19, 21, 23, 25, 27, 29, 31, 33, 37, 42]")
            .replace("ogee: 0.64, ovolo: 0.77, square: 0.91, scotia: 0.57", "ogee: 0.66, ovolo: 0.79, square: 0.93, "
                     "scotia: 0.55")
            .replace("thwart", "click").replace("hingePlan", "windPlan").replace("No hinge planned", "No wind planned")
            .replace("hinge-plan", "wind-plan"))


CROWN = _crown(m289.PINTLE)
CW_BUGS = [("crownwheel.js", "+ turns * 6.5;", "+ turns * 6;"),
           ("crownwheel.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("crownwheel.js", ".join('-');", ".join(' ');"),
           ("crownwheel.js", "ovolo: 0.79", "ovolo: 0.8")]
FIXTURES = _crown(m289.FIXTURES).replace("let seed = 28903;", "let seed = 30003;").replace(
    "spec/lines.test.mjs", "spec/beats.test.mjs")
assert "30003" in FIXTURES and "winding sums" in CROWN


def js_project(tmp: Path) -> None:
    from capture_wide300 import JS
    root = tmp / "crownwheel"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "crownwheel", "version": "2.1.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/wind-plan.js": _crown(m289.APP), "lib/crownwheel.js": CROWN,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", CW_BUGS)


MOVEMENTS = ["Unitas 6497", "Valjoux 7750", "Peseux 7001", "Lemania 1873", "Venus 175", "Zenith 135", "Poljot 3133",
             "Miyota 9015", "Sellita SW200", "Seiko 4R36", "Vostok 2416", "Molnija 3602"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "tourbillon"), ("casebook", "carillon"), ("ledger host", "belfry host"),
              ("litres left, days", "minutes lost, days"), ("nothing left to pour", "nothing left to wind"),
              ("pour order", "winding order"), ("pour grade", "beat grade"), ("Keg", "Arbor"), ("keg", "arbor"),
              ("Beer", "Movement"), ("beer", "movement"), ("Cellar", "Workshop"), ("cellar", "workshop"),
              ("Pints", "Beats"), ("pints", "beats"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(30006, 60, MOVEMENTS, GO_RENAMES)}
    write_tree(tmp / "tourbillon", base)
    write_tree(tmp / "tourbillon-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "tourbillon-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "carillon-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH), "scripts/backup.sh": rn(g273.BACKUP_SH),
                                      "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _fusee(text: str) -> str:
    return (text.replace("WEIRKEEPER", "FUSEE").replace("weirkeeper", "fusee").replace("weir", "chain")
            .replace("sluice", "barrel").replace("gate_t", "barrel_t").replace("gates", "barrels")
            .replace("level_cm", "tension_g").replace("tide", "click"))


def c_project(tmp: Path) -> None:
    root = tmp / "fusee"
    rnd = random.Random(30004)
    files = {"src/fusee.h": _fusee(n191.SKIFF_H), "src/ledger.c": _fusee(n191.SKIFF_C)}
    for k in range(36):
        files[f"src/chain_{k:02d}.c"] = _fusee(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: fusee\n\n"
                         "fusee: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/fusee.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build fusee\n")
    write_tree(root, files)


def _remont(text: str) -> str:
    return (text.replace("plumbline", "remontoire").replace("Plumb-line survey", "Remontoire constant-force survey")
            .replace("offset_per_m", "drift_per_day").replace("station_penalty", "wheel_penalty")
            .replace("readings", "beats").replace("reading", "beat").replace("station", "wheel_site"))


def rust(tmp: Path) -> None:
    root = tmp / "remontoire"
    rnd = random.Random(30005)
    write_tree(root, {"Cargo.toml": _remont(n191.CARGO).replace("0.3.4", "1.2.0"), "src/lib.rs": _remont(n191.LIB),
                      "src/broken.rs": _remont(n191.BROKEN), "src/beats.rs": _remont(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/lib/python3 /usr/lib/python3.11 -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > py.body && "
        "(echo directory,file,bytes,modified; cat py.body) > pylib.csv && rm py.body", cwd=d)
    run("sqlite3 pylib.db '.mode csv' '.import pylib.csv pylib'", cwd=d)
    app_log(d / "belfry.log", 30007, 2000, ["belfry.ringing", "belfry.clock", "belfry.api", "belfry.store"], {
        "INFO": lambda r: f"bell {r.randint(1, 8)} rung {r.randint(12, 720)} changes in {r.randint(5, 190)} min",
        "DEBUG": lambda r: f"clapper sensor poll {r.randint(1, 60)} took {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"bell {r.randint(1, 8)} stay bent {r.randint(2, 30)} deg after set",
        "ERROR": lambda r: f"bell {r.randint(1, 8)} rope broke at sally {r.randint(1, 3)} under {r.randint(4, 30)} kg"},
        6100, "2026-12-01")
    app_log(d / "hairspring.log", 30008, 1900, ["hairspring.rate", "hairspring.poise", "hairspring.api",
                                                "hairspring.db"], {
        "INFO": lambda r: f"balance {r.randint(1, 40)} timed at {r.randint(-20, 20)} s/d in {r.randint(30, 600)} s",
        "DEBUG": lambda r: f"timegrapher read {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"amplitude {r.randint(180, 230)} deg low on balance {r.randint(1, 40)}",
        "ERROR": lambda r: f"hairspring {r.randint(1, 40)} fouled the stud at {r.randint(5, 90)} deg beat error"},
        4300, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
