"""Round 326, the material the two Gemini CLI runs work in (no item is captured here): h11's sdist with bugs put in
and a script that runs its code wrongly, a git history built by committing its sources in steps, the espalier project
(round 308's JavaScript module, itself round 300's and round 289's, renamed again in this round's words, with other
numbers, under its generated node --test suite whose expectations come from the unbroken module), the graftwax Go
module and the cidery deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`rootstock`) and a Rust crate (`budwood`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of this machine's /usr/lib/python3/dist-packages files and two application logs. Run through
capture_wide326.py. The generators are imported, never copied; only the words and seeds are this round's."""

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

H11 = "h11-0.16.0"

# h11: a connection kept alive on `close` and closed on a `keep-alive` token; Headers one short; the 100-continue
# expectation ignored on HTTP/1.1 too; a status of 200 read as an informational response.
H11_BUGS = [("h11/_connection.py", '    if b"close" in connection:\n',
             '    if b"keep-alive" in connection:\n'),
            ("h11/_headers.py", "        return len(self._full_items)\n",
             "        return len(self._full_items) - 1\n"),
            ("h11/_headers.py", '    if request.http_version < b"1.1":\n',
             '    if request.http_version <= b"1.1":\n'),
            ("h11/_readers.py", "InformationalResponse if status_code < 200 else Response",
             "InformationalResponse if status_code <= 200 else Response")]

GRAFTER = r"""
import h11


class GraftError(RuntimeError):
    pass


SCIONS = {"Bramley": "M25", "Egremont Russet": "MM106", "Cox": "M9", "Discovery": "M26"}


def graft_request(scion):
    try:
        return h11.Request(method="POST", target=f"/graft/{scion.replace(' ', '-')}",
                           headers=[("Host", "orchard.local"), ("X-Rootstock", SCIONS[scion]),
                                    ("X-Label", f"{scion}\nrow 7")])
    except h11.LocalProtocolError as exc:
        raise GraftError(f"grafter could not label the scion {scion!r} for its rootstock") from exc


def main():
    try:
        for scion in SCIONS:
            print(graft_request(scion))
    except GraftError as exc:
        raise RuntimeError("grafter: the spring grafting list was not sent") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide326 import SRC, VENV
    put_bugs(tmp / H11, H11_BUGS)
    (tmp / H11 / "grafter.py").write_text(GRAFTER)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict h11 grafter.py >/dev/null 2>&1; true", cwd=tmp / H11, timeout=600)
    history(tmp, SRC, "h11", H11, ["h11/_connection.py", "h11/_headers.py"],
            [("Laxton Thomas", "laxton@example.org"), ("Ribston Pippin", "ribston@example.org"),
             ("Keswick Codlin", "keswick@example.org")], 32601, 90, H11_BUGS)


def _espalier(text: str) -> str:
    """Round 308's punty words (its `_punty` over round 300's crownwheel) into this round's."""
    return (text.replace("gathering sums for a punty (rod lengths, gather rates, marver charts)",
                         "training sums for an espalier (tier lengths, tie rates, pruning charts)")
            .replace("spec/gathers.test.mjs", "spec/tiers.test.mjs")
            .replace("punty", "espalier")
            .replace("+ turns * 5.75;", "+ turns * 6.75;").replace("spm * 0.34 * 1000", "spm * 0.31 * 1000")
            .replace("[10, 13, 17, 20, 24, 26, 28, 31, 34, 36, 39, 44]",
                     "[9, 12, 15, 18, 21, 24, 27, 30, 33, 37, 41, 45]")
            .replace("ogee: 0.61, ovolo: 0.74, square: 0.88, scotia: 0.52",
                     "ogee: 0.59, ovolo: 0.77, square: 0.91, scotia: 0.48")
            .replace("gatherPlan", "tierPlan").replace("No gather planned", "No tier planned")
            .replace("gather", "tier"))


ESPALIER = _espalier(m308.PUNTY)
ES_BUGS = [("espalier.js", "+ turns * 6.75;", "+ turns * 6.5;"),
           ("espalier.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("espalier.js", ".join('-');", ".join('/');"),
           ("espalier.js", "square: 0.91", "square: 0.9")]
FIXTURES = _espalier(m308.FIXTURES).replace("let seed = 30803;", "let seed = 32603;")
APP = _espalier(m308.APP)
assert "32603" in FIXTURES and "training sums" in ESPALIER and "tierPlan" in APP and "punty" not in ESPALIER + APP
assert "spec/tiers.test.mjs" in FIXTURES and "lib/espalier.js" in FIXTURES


def js_project(tmp: Path) -> None:
    from capture_wide326 import JS
    root = tmp / "espalier"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "espalier", "version": "0.7.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/tier-plan.js": APP, "lib/espalier.js": ESPALIER,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", ES_BUGS)


APPLES = ["Bramley", "Egremont Russet", "Cox Orange", "Discovery", "Worcester Pearmain", "Blenheim Orange",
          "Ashmead Kernel", "Beauty of Bath", "James Grieve", "Laxton Superb", "Sunset", "Spartan"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "graftwax"), ("casebook", "cidery"), ("ledger host", "packhouse host"),
              ("litres left, days", "crates left, hours"), ("nothing left to pour", "nothing left to pick"),
              ("pour order", "picking order"), ("pour grade", "fruit grade"), ("Keg", "Crate"), ("keg", "crate"),
              ("Beer", "Apple"), ("beer", "apple"), ("Cellar", "Orchard"), ("cellar", "orchard"),
              ("Pints", "Pickers"), ("pints", "pickers"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(32606, 60, APPLES, GO_RENAMES)}
    write_tree(tmp / "graftwax", base)
    write_tree(tmp / "graftwax-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                      "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "graftwax-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "cidery-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                    "scripts/backup.sh": rn(g273.BACKUP_SH),
                                    "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _rootstock(text: str) -> str:
    return (text.replace("WEIRKEEPER", "ROOTSTOCK").replace("weirkeeper", "rootstock").replace("weir", "scion")
            .replace("sluice", "graft").replace("gate_t", "union_t").replace("gates", "unions")
            .replace("level_cm", "girth_mm").replace("tide", "sap"))


def c_project(tmp: Path) -> None:
    root = tmp / "rootstock"
    rnd = random.Random(32604)
    files = {"src/rootstock.h": _rootstock(n191.SKIFF_H), "src/nursery.c": _rootstock(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/scion_{k:02d}.c"] = _rootstock(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: rootstock\n\n"
                         "rootstock: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/rootstock.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build rootstock\n")
    write_tree(root, files)


def _budwood(text: str) -> str:
    return (text.replace("plumbline", "budwood").replace("Plumb-line survey", "Budwood grafting survey")
            .replace("offset_per_m", "takes_per_m").replace("station_penalty", "row_penalty")
            .replace("readings", "buds").replace("reading", "bud").replace("station", "row"))


def rust(tmp: Path) -> None:
    root = tmp / "budwood"
    rnd = random.Random(32605)
    write_tree(root, {"Cargo.toml": _budwood(n191.CARGO).replace("0.3.4", "0.8.3"),
                      "src/lib.rs": _budwood(n191.LIB), "src/broken.rs": _budwood(n191.BROKEN),
                      "src/buds.rs": _budwood(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/lib/python3/dist-packages -type f -not -name '*.pyc' "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > dp.body && "
        "(echo directory,file,bytes,modified; cat dp.body) > distfiles.csv && rm dp.body", cwd=d)
    run("sqlite3 distfiles.db '.mode csv' '.import distfiles.csv distfiles'", cwd=d)
    app_log(d / "windfall.log", 32607, 2000, ["windfall.press", "windfall.sort", "windfall.api", "windfall.store"], {
        "INFO": lambda r: f"bin {r.randint(1, 500)} sorted from row {r.randint(1, 40)} at {r.randint(60, 95)} mm",
        "DEBUG": lambda r: f"brix probe poll {r.randint(1, 40)} took {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"row {r.randint(1, 40)} bruising rate up by {r.randint(2, 30)} percent",
        "ERROR": lambda r: f"bin {r.randint(1, 500)} spilled at the grader in lane {r.randint(1, 3)}"},
        7300, "2026-12-01")
    app_log(d / "ladderhook.log", 32608, 1900, ["ladderhook.pickers", "ladderhook.rows", "ladderhook.api",
                                                "ladderhook.db"], {
        "INFO": lambda r: f"picker {r.randint(1, 60)} filled crate {r.randint(1, 400)} in {r.randint(20, 200)} s",
        "DEBUG": lambda r: f"ladder sensor read {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"row {r.randint(1, 40)} ladder footing soft at {r.randint(40, 60)} cm",
        "ERROR": lambda r: f"ladder {r.randint(1, 12)} tipped while picking row {r.randint(1, 40)}"},
        5500, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
