"""Round 308, the material the two Gemini CLI runs work in (no item is captured here): semver's sdist with bugs put in
and a script that runs its parser wrongly, a git history built by committing its sources in steps, the punty project
(round 300's JavaScript module, itself round 289's, renamed again in this round's words, with other numbers, under its
generated node --test suite whose expectations come from the unbroken module), the blowpipe Go module and the cullet
deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`annealer`) and a Rust
crate (`marver`) on round 191's generators with other names and seeds, a CSV and a sqlite table of this machine's
/usr/lib/x86_64-linux-gnu/perl* files and two application logs. Run through capture_wide308.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide289_mat as m289
import capture_wide300_mat as m300
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

SV = "semver-3.1.2"

# semver: an alphanumeric prerelease identifier sorted before a numeric one; bump_minor keeping the patch; the build
# joined with "-" instead of "+"; a compatible version needing a strictly greater minor.
SV_BUGS = [("src/semver/version.py", "                return (1, 0, identifier)\n",
            "                return (-1, 0, identifier)\n"),
           ("src/semver/version.py", "        return cls(self._major, self._minor + 1)\n",
            "        return cls(self._major, self._minor + 1, self._patch)\n"),
           ("src/semver/version.py", '            version += "+%s" % self.build\n',
            '            version += "-%s" % self.build\n'),
           ("src/semver/version.py", "            and (other.minor >= self.minor)\n",
            "            and (other.minor > self.minor)\n")]

GAFFER = r"""
import semver


class GafferError(RuntimeError):
    pass


BATCH_TAGS = ["1.4.0", "1.4.1-rc.2", "2.0", "2.1.0+annealed"]


def batch_versions(tags):
    out = []
    for tag in tags:
        try:
            out.append(semver.Version.parse(tag))
        except ValueError as exc:
            raise GafferError(f"gaffer could not read the batch tag {tag!r} of the morning gather") from exc
    return out


def main():
    try:
        print(sorted(batch_versions(BATCH_TAGS)))
    except GafferError as exc:
        raise RuntimeError("gaffer: the lehr schedule was not written") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide308 import SRC, VENV
    put_bugs(tmp / SV, SV_BUGS)
    (tmp / SV / "gaffer.py").write_text(GAFFER)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict src/semver tests gaffer.py >/dev/null 2>&1; true", cwd=tmp / SV, timeout=600)
    history(tmp, SRC, "semver", SV, ["src/semver/version.py", "src/semver/_deprecated.py"],
            [("Orrefors Kosta", "orrefors@example.org"), ("Murano Barovier", "murano@example.org"),
             ("Whitefriars Powell", "whitefriars@example.org")], 30801, 110, SV_BUGS)


def _punty(text: str) -> str:
    """Round 300's crownwheel words (its `_crown` over round 289's pintle) into this round's."""
    return (text.replace("winding sums for a crownwheel (arbor lengths, beat rates, click charts)",
                         "gathering sums for a punty (rod lengths, gather rates, marver charts)")
            .replace("crownwheel", "punty")
            .replace("+ turns * 6.5;", "+ turns * 5.75;").replace("spm * 0.29 * 1000", "spm * 0.34 * 1000")
            .replace("[12, 15, 19, 21, 23, 25, 27, 29, 31, 33, 37, 42]",
                     "[10, 13, 17, 20, 24, 26, 28, 31, 34, 36, 39, 44]")
            .replace("ogee: 0.66, ovolo: 0.79, square: 0.93, scotia: 0.55",
                     "ogee: 0.61, ovolo: 0.74, square: 0.88, scotia: 0.52")
            .replace("click", "gather").replace("windPlan", "gatherPlan").replace("No wind planned",
                                                                                   "No gather planned"))


PUNTY = _punty(m300.CROWN)
PT_BUGS = [("punty.js", "+ turns * 5.75;", "+ turns * 5.5;"),
           ("punty.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("punty.js", ".join('-');", ".join('_');"),
           ("punty.js", "square: 0.88", "square: 0.9")]
FIXTURES = _punty(m300.FIXTURES).replace("let seed = 30003;", "let seed = 30803;").replace(
    "spec/beats.test.mjs", "spec/gathers.test.mjs")
APP = _punty(m300._crown(m289.APP))
assert "30803" in FIXTURES and "gathering sums" in PUNTY and "gatherPlan" in APP and "crownwheel" not in PUNTY


def js_project(tmp: Path) -> None:
    from capture_wide308 import JS
    root = tmp / "punty"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "punty", "version": "0.7.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/gather-plan.js": APP, "lib/punty.js": PUNTY,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", PT_BUGS)


BATCHES = ["Soda Lime 12", "Lead Crystal 24", "Borosilicate 3.3", "Cobalt Blue", "Cranberry Gold", "Uranium Green",
           "Opal White", "Amber 40", "Ruby Selenium", "Manganese Violet", "Vaseline Yellow", "Milk Glass"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "blowpipe"), ("casebook", "cullet"), ("ledger host", "lehr host"),
              ("litres left, days", "grams left, minutes"), ("nothing left to pour", "nothing left to gather"),
              ("pour order", "gather order"), ("pour grade", "glass grade"), ("Keg", "Crucible"), ("keg", "crucible"),
              ("Beer", "Batch"), ("beer", "batch"), ("Cellar", "Furnace"), ("cellar", "furnace"),
              ("Pints", "Gathers"), ("pints", "gathers"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(30806, 60, BATCHES, GO_RENAMES)}
    write_tree(tmp / "blowpipe", base)
    write_tree(tmp / "blowpipe-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                      "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "blowpipe-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "cullet-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH), "scripts/backup.sh": rn(g273.BACKUP_SH),
                                    "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _annealer(text: str) -> str:
    return (text.replace("WEIRKEEPER", "ANNEALER").replace("weirkeeper", "annealer").replace("weir", "lehr")
            .replace("sluice", "kiln").replace("gate_t", "kiln_t").replace("gates", "kilns")
            .replace("level_cm", "temp_c").replace("tide", "soak"))


def c_project(tmp: Path) -> None:
    root = tmp / "annealer"
    rnd = random.Random(30804)
    files = {"src/annealer.h": _annealer(n191.SKIFF_H), "src/ledger.c": _annealer(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/lehr_{k:02d}.c"] = _annealer(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: annealer\n\n"
                         "annealer: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/annealer.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build annealer\n")
    write_tree(root, files)


def _marver(text: str) -> str:
    return (text.replace("plumbline", "marver").replace("Plumb-line survey", "Marver cooling survey")
            .replace("offset_per_m", "shrink_per_m").replace("station_penalty", "bench_penalty")
            .replace("readings", "gathers").replace("reading", "gather").replace("station", "bench"))


def rust(tmp: Path) -> None:
    root = tmp / "marver"
    rnd = random.Random(30805)
    write_tree(root, {"Cargo.toml": _marver(n191.CARGO).replace("0.3.4", "0.9.1"), "src/lib.rs": _marver(n191.LIB),
                      "src/broken.rs": _marver(n191.BROKEN), "src/gathers.rs": _marver(n191.gen_readings(rnd, 190))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/lib/x86_64-linux-gnu/perl /usr/lib/x86_64-linux-gnu/perl-base -type f "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > perl.body && "
        "(echo directory,file,bytes,modified; cat perl.body) > perllib.csv && rm perl.body", cwd=d)
    run("sqlite3 perllib.db '.mode csv' '.import perllib.csv perllib'", cwd=d)
    app_log(d / "lehr.log", 30807, 2000, ["lehr.belt", "lehr.zone", "lehr.api", "lehr.store"], {
        "INFO": lambda r: f"tray {r.randint(1, 60)} through zone {r.randint(1, 6)} at {r.randint(380, 560)} C",
        "DEBUG": lambda r: f"thermocouple poll {r.randint(1, 40)} took {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"zone {r.randint(1, 6)} drifting {r.randint(5, 40)} C from the annealing point",
        "ERROR": lambda r: f"tray {r.randint(1, 60)} cracked in zone {r.randint(1, 6)} at {r.randint(200, 480)} C"},
        6800, "2026-12-01")
    app_log(d / "gloryhole.log", 30808, 1900, ["gloryhole.burner", "gloryhole.door", "gloryhole.api",
                                               "gloryhole.db"], {
        "INFO": lambda r: f"reheat {r.randint(1, 400)} held {r.randint(5, 90)} s at {r.randint(1000, 1200)} C",
        "DEBUG": lambda r: f"flame sensor read {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"burner {r.randint(1, 4)} gas pressure low at {r.randint(10, 40)} mbar",
        "ERROR": lambda r: f"burner {r.randint(1, 4)} flame out during reheat {r.randint(1, 400)}"},
        4700, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
