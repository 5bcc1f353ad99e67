"""Round 455, the material both agents work in (no item is captured here): confuse's and contextlib2's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the barrelwright project (round 290's module, fixture generator, app file, eslint config
and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with cooperage
names and another seed), a C project (`cresset`) and a Rust crate (`chimeplane`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`stavemill`, and a copy `dryhouse`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide455.py."""

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
from capture_wide455 import JS, SRC, VENV

CF, CL = "confuse-2.3.0", "contextlib2-21.6.0"

# confuse: a float is no longer a number; `key in view` answers the opposite.
CF_BUGS = [("confuse/templates.py", "if isinstance(value, (int, float)):", "if isinstance(value, (int,)):"),
           ("confuse/core.py", "return self[key].exists()", "return not self[key].exists()")]
# contextlib2: suppress() lets the named exceptions through and swallows the rest; exit callbacks run first-in first-out.
CL_BUGS = [("contextlib2/__init__.py", "return exctype is not None and issubclass(exctype, self._exceptions)",
            "return exctype is not None and not issubclass(exctype, self._exceptions)"),
           ("contextlib2/__init__.py", "self._exit_callbacks.append((is_sync, callback))",
            "self._exit_callbacks.insert(0, (is_sync, callback))")]

HOOP_ROTA = r'''
import confuse


class HoopRotaError(RuntimeError):
    pass


# the cooperage's hoop rota: each cask size's stave count and stave width (inches), as the yard board has them
BOARD = confuse.RootView([confuse.ConfigSource.of({
    "firkin": {"staves": 18, "width": 2.5, "hoops": 6},
    "kilderkin": {"staves": 22, "width": 3, "hoops": 6},
    "barrel": {"staves": 28, "width": 3.25, "hoops": 8},
    "hogshead": {"staves": 32, "width": 3.5, "hoops": 8},
})])


def girth(cask):
    view = BOARD[cask]
    try:
        return view["staves"].as_number() * view["width"].as_number()
    except confuse.ConfigError as exc:
        raise HoopRotaError(f"hoop rota: cannot size the {cask} from the board ({len(BOARD.keys())} casks)") from exc


print({cask: girth(cask) for cask in ["kilderkin", "firkin", "barrel", "hogshead"]})
'''

TRUSS_LOG = r'''
from contextlib2 import ExitStack, suppress


class TrussLogError(RuntimeError):
    pass


# the truss-hoop log: barrels raised today and the hoops driven on each
TRUSSED = {"B-101": 8, "B-102": 8, "B-104": 6}


def hoops_on(barrel):
    count = 0
    with suppress(KeyError):
        count = TRUSSED[barrel]
    return count


with ExitStack() as stack:
    stack.callback(print, "truss log closed")
    stack.callback(print, "hoop driver stowed")
    try:
        print({b: hoops_on(b) for b in ["B-101", "B-102", "B-103", "B-104"]})
    except KeyError as exc:
        raise TrussLogError(f"truss log: barrel {exc} missing from the {len(TRUSSED)} raised today") from exc
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / CF, CF_BUGS)
    put_bugs(tmp / CL, CL_BUGS)
    (tmp / CF / "hoop_rota.py").write_text(HOOP_ROTA)
    (tmp / CL / "truss_log.py").write_text(TRUSS_LOG)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict contextlib2 test truss_log.py >/dev/null 2>&1; true", cwd=tmp / CL, timeout=900)
    history(tmp, SRC, "confuse", CF, ["confuse/core.py", "confuse/templates.py"],
            [("Abel Cooper", "abel@example.org"), ("Bridget Hooper", "bridget@example.org"),
             ("Caleb Stavely", "caleb@example.org")], 45514, 40, CF_BUGS)
    history(tmp, SRC, "contextlib2", CL, ["contextlib2/__init__.py", "test/test_contextlib.py"],
            [("Dorcas Trussell", "dorcas@example.org"), ("Enoch Crozier", "enoch@example.org"),
             ("Faith Bunghill", "faith@example.org")], 45513, 40, CL_BUGS)


# round 290's module in cooperage words: the words round 299's table replaces, in its order, each given a cooperage's
# word here
COOP_WORDS = ["barrelwright", "cooperage sums for the barrelwright (stave counts, toast rates, hoop charts)",
              "staveCount", "toastToMs", "bilgeBand", "caskLabel", "headArea", "hoopChart", "raisingPlan",
              "No raising planned", "unknown cask type", "firkin", "kilderkin", "barrel", "hogshead",
              "`hoop ${w + 1}", "seed = 45518",
              "'stave', 'CROZE', 'hoop', 'Adze', 'chime', 'bung', 'Truss', 'heading', 'jointer', 'HOWEL', 'bilge',\n"
              "  'flagging', 'cresset', 'Downright', 'driver', 'stoup'",
              "'Abel', 'Bridget', 'Caleb', 'Dorcas', 'Enoch', 'Faith', 'Gideon', 'Hepzibah', 'Isaiah', "
              "'Jemima', 'Kezia', 'Lemuel'"]
assert len(COOP_WORDS) == len(m299.WAGGLE_NAMES)
COOP_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, COOP_WORDS)]


def coopered(text: str) -> str:
    for old, new in COOP_NAMES:
        text = text.replace(old, new)
    return text


BW_BUGS = [(coopered(rel), coopered(old), coopered(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "barrelwright"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = coopered(m290.FIXTURES)
    assert "45518" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "barrelwright", "version": "2.1.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/raising-plan.js": coopered(m290.APP),
                      "lib/barrelwright.js": coopered(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", BW_BUGS)


def cresset(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CRESSET").replace("weirkeeper", "cresset").replace("weir", "stave_")
            .replace("sluice", "hoop").replace("gate_t", "hoop_t").replace("gates", "hoops")
            .replace("level_cm", "bilge_mm").replace("tide", "toast"))


def c_project(tmp: Path) -> None:
    root = tmp / "cresset"
    rnd = random.Random(45512)
    files = {"src/cresset.h": cresset(n191.SKIFF_H), "src/toast.c": cresset(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/stave_{k:02d}.c"] = cresset(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: cresset\n\n"
                         "cresset: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/cresset.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build cresset\n")
    write_tree(root, files)


def chimeplane(text: str) -> str:
    return (text.replace("plumbline", "chimeplane").replace("Plumb-line survey", "Chime survey")
            .replace("offset_per_m", "bevel_per_stave").replace("station_penalty", "head_penalty")
            .replace("readings", "bevels").replace("reading", "bevel").replace("station", "head"))


def rust(tmp: Path) -> None:
    root = tmp / "chimeplane"
    rnd = random.Random(45515)
    write_tree(root, {"Cargo.toml": chimeplane(n191.CARGO).replace("0.3.4", "0.7.3"),
                      "src/lib.rs": chimeplane(n191.LIB), "src/broken.rs": chimeplane(n191.BROKEN),
                      "src/bevels.rs": chimeplane(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "stavemill"), ("casebook", "hooproll"), ("ledger host", "yard host"),
              ("litres left, days", "staves left, days"), ("nothing left to pour", "nothing left to raise"),
              ("pour order", "raising order"), ("pour grade", "stave grade"), ("Keg", "Cask"), ("keg", "cask"),
              ("Beer", "Oak"), ("beer", "oak"), ("Cellar", "Yard"), ("cellar", "yard"),
              ("Pints", "Staves"), ("pints", "staves"))
DH_RENAMES = tuple((o, n.replace("stavemill", "dryhouse")) for o, n in GO_RENAMES)
OAKS = ["French Oak", "American White", "Hungarian Oak", "Slavonian Oak", "Chestnut", "Acacia",
        "Mizunara", "Limousin", "Troncais", "Allier", "Vosges", "Missouri Oak"]
CASKS = ["Pin", "Firkin", "Kilderkin", "Barrel", "Hogshead", "Puncheon", "Butt", "Tun", "Quarter Cask",
         "Octave", "Pipe", "Gorda"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("stavemill", GO_RENAMES, 45510, OAKS), ("dryhouse", DH_RENAMES, 45511, CASKS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/groff /usr/share/bmake /usr/share/autoconf /usr/share/libtool /usr/share/alsa /usr/share/fontconfig"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "hoopdriver.log", 45516, 2300, ["hoopdriver.truss", "hoopdriver.fire", "hoopdriver.api", "hoopdriver.croze"], {
        "INFO": lambda r: f"cask {r.randint(100, 999)} raised: {r.randint(18, 34)} staves, {r.randint(4, 8)} hoops driven in {r.randint(3, 25)} min at bench {r.randint(1, 12)}",
        "DEBUG": lambda r: f"cresset probe {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"stave {r.randint(1, 34)} of cask {r.randint(100, 999)} bent {r.randint(3, 9)} mm past the {r.randint(1, 2)} mm gauge",
        "ERROR": lambda r: f"truss hoop {r.randint(1, 8)} split on cask {r.randint(100, 999)} at {r.randint(20, 90)} % drive"},
        8455, "2026-12-02")
    app_log(d / "stavejoint.log", 45517, 2000, ["stavejoint.jointer", "stavejoint.toast", "stavejoint.api", "stavejoint.db"], {
        "INFO": lambda r: f"stave batch {r.randint(1, 400)} jointed: {r.randint(20, 120)} staves at {r.randint(2, 8)} degree bevel, grade {r.choice(['A', 'B', 'C', 'cull'])}",
        "DEBUG": lambda r: f"moisture sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"toast fire {r.randint(1, 6)} ran {r.randint(5, 40)} C over the medium plus profile",
        "ERROR": lambda r: f"jointer {r.randint(1, 4)} blade stalled on batch {r.randint(1, 400)} after {r.randint(1, 60)} staves"},
        6455, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
