"""Round 397, the material both agents work in (no item is captured here): pyphen's and pymitter's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the hogshead project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with cooperage names and another seed), a C project (`puncheon`)
and a Rust crate (`caskworks`) from round 191's generators (capture_wide191_native, imported, renamed, other seeds), a
Go module (`kilderkin`) from round 273's generator (capture_wide273_go, imported, renamed, another seed), a CSV and a
sqlite table of this machine's documentation files and two application logs. Run through capture_wide397.py."""

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
from capture_wide397 import JS, SRC, VENV

PY, PM = "pyphen-0.18.1", "pymitter-1.1.3"

# pyphen: a break point at exactly `left` characters is dropped; the longest pattern at each point is never tried.
PY_BUGS = [("pyphen/__init__.py", "if self.left <= i <= right]", "if self.left < i <= right]"),
           ("pyphen/__init__.py", "                stop = min(i + self.maxlen, len(pointed_word)) + 1\n",
            "                stop = min(i + self.maxlen, len(pointed_word))\n")]
# pymitter: a once listener is taken off only when its ttl is 0; `?` is no wildcard; listeners are called newest first.
PM_BUGS = [("src/pymitter/__init__.py", "            if listener.ttl == 1:\n", "            if listener.ttl == 0:\n"),
           ("src/pymitter/__init__.py", '        return "*" in s or "?" in s', '        return "*" in s'),
           ("src/pymitter/__init__.py",
            "        listeners = sorted(listeners, key=lambda listener: listener.time)\n\n        # call listeners",
            "        listeners = sorted(listeners, key=lambda listener: listener.time, reverse=True)\n\n"
            "        # call listeners")]

STAVE_LABELS = r'''
import pyphen


class StaveLabelError(RuntimeError):
    pass


# the Dutch cooperage's stave labels: (word, width of the label strip in characters)
DIC = pyphen.Pyphen(lang="nl_NL")
LABELS = [("lettergrepen", 9), ("autobandventieldopje", 11), ("Amsterdam", 5)]


def wrapped(word, width):
    try:
        first, rest = DIC.wrap(word, width)
    except TypeError as exc:
        raise StaveLabelError(f"stave label {word!r} cannot be broken to fit a {width}-character strip") from exc
    return first, rest


for word, width in LABELS:
    print(word, "->", *wrapped(word, width))
'''

HOOP_EVENTS = r'''
from pymitter import EventEmitter


class HoopEventError(RuntimeError):
    pass


bus = EventEmitter(wildcard=True)
BARRELS = {}


@bus.on("barrel.hooped")
def record(barrel, hoops):
    BARRELS[barrel] = {"hoops": hoops, "tight": None}


@bus.on("barrel.hooped")
def check(barrel, hoops):
    BARRELS[barrel]["tight"] = hoops >= 6


def hoop(barrel, hoops):
    try:
        bus.emit("barrel.hooped", barrel, hoops)
    except KeyError as exc:
        raise HoopEventError(f"barrel {barrel!r}: hooping event with {hoops} hoops reached a handler before its record") from exc


for barrel, hoops in [("firkin 12", 6), ("hogshead 3", 8)]:
    hoop(barrel, hoops)
    print(barrel, BARRELS[barrel])
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / PY, PY_BUGS)
    put_bugs(tmp / PM, PM_BUGS)
    (tmp / PY / "stave_labels.py").write_text(STAVE_LABELS)
    (tmp / PM / "hoop_events.py").write_text(HOOP_EVENTS)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict src/pymitter tests hoop_events.py >/dev/null 2>&1; true", cwd=tmp / PM, timeout=900)
    history(tmp, SRC, "pyphen", PY, ["pyphen/__init__.py", "tests/test_pyphen.py"],
            [("Anton Stavewright", "anton@example.org"), ("Berit Hooper", "berit@example.org"),
             ("Cornelis Kuiper", "cornelis@example.org")], 39710, 25, PY_BUGS)
    history(tmp, SRC, "pymitter", PM, ["src/pymitter/__init__.py", "tests/test_all.py"],
            [("Dora Croze", "dora@example.org"), ("Emrys Bunghole", "emrys@example.org"),
             ("Frieda Tierce", "frieda@example.org")], 39711, 60, PM_BUGS)


# round 290's hawsehole module in cooperage words: the words round 299's table replaces, in its order (the longer
# names first, so that no shorter one cuts into them), each given a cooper's word here
CASK_WORDS = ["hogshead", "cooperage sums for the hogshead (stave lengths, hoop rates, seasoning charts)",
              "staveLength", "hoopToMs", "toastBand", "caskLabel", "headArea", "seasoningChart", "coopingPlan",
              "No cooping planned", "unknown oak type", "sessile", "pedunculate", "chestnut", "acacia",
              "`batch ${w + 1}", "seed = 39713",
              "'stave', 'CROZE', 'hoop', 'Bung', 'chime', 'adze', 'Truss', 'jointer', 'flagging', 'HEAD', "
              "'bilge',\n  'rivet', 'heading', 'Firkin', 'cresset', 'windlass'",
              "'Anton', 'Berit', 'Cornelis', 'Dora', 'Emrys', 'Frieda', 'Gerrit', 'Hanne', 'Ilse', "
              "'Joost', 'Katrien', 'Lieven'"]
assert len(CASK_WORDS) == len(m299.WAGGLE_NAMES)
CASK_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, CASK_WORDS)]


def casked(text: str) -> str:
    for old, new in CASK_NAMES:
        text = text.replace(old, new)
    return text


HH_BUGS = [(casked(rel), casked(old), casked(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hogshead"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = casked(m290.FIXTURES)
    assert "39713" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hogshead", "version": "2.3.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/cooping-plan.js": casked(m290.APP),
                      "lib/hogshead.js": casked(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in HH_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def puncheon(text: str) -> str:
    return (text.replace("WEIRKEEPER", "PUNCHEON").replace("weirkeeper", "puncheon").replace("weir", "firkin_")
            .replace("sluice", "stave").replace("gate_t", "stave_t").replace("gates", "staves")
            .replace("level_cm", "bilge_mm").replace("tide", "batch"))


def c_project(tmp: Path) -> None:
    root = tmp / "puncheon"
    rnd = random.Random(39712)
    files = {"src/puncheon.h": puncheon(n191.SKIFF_H), "src/batch.c": puncheon(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/firkin_{k:02d}.c"] = puncheon(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: puncheon\n\n"
                         "puncheon: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/puncheon.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build puncheon\n")
    write_tree(root, files)


def caskworks(text: str) -> str:
    return (text.replace("plumbline", "caskworks").replace("Plumb-line survey", "Cask survey")
            .replace("offset_per_m", "leak_per_day").replace("station_penalty", "cask_penalty")
            .replace("readings", "gaugings").replace("reading", "gauging").replace("station", "cask"))


def rust(tmp: Path) -> None:
    root = tmp / "caskworks"
    rnd = random.Random(39715)
    write_tree(root, {"Cargo.toml": caskworks(n191.CARGO).replace("0.3.4", "1.2.0"),
                      "src/lib.rs": caskworks(n191.LIB), "src/broken.rs": caskworks(n191.BROKEN),
                      "src/gaugings.rs": caskworks(n191.gen_readings(rnd, 240))})


# round 273's words, then this round's (rounds 344-382 pass their own the same way): the Go module, its app and what
# they count; the oak names of the generated test table
GO_RENAMES = (("kegtally", "kilderkin"), ("casebook", "hogshead"), ("ledger host", "cooperage host"),
              ("litres left, days", "staves left, days"), ("nothing left to pour", "nothing left to hoop"),
              ("pour order", "hoop order"), ("pour grade", "oak grade"), ("Keg", "Barrel"), ("keg", "barrel"),
              ("Beer", "Oak"), ("beer", "oak"), ("Cellar", "Yard"), ("cellar", "yard"),
              ("Pints", "Staves"), ("pints", "staves"))
OAKS = ["French Oak", "American White", "Hungarian Oak", "Limousin", "Troncais", "Allier", "Vosges", "Slavonian",
        "Sessile Heart", "Quarter Sawn", "Air Dried", "Kiln Dried"]


def go_module(tmp: Path) -> None:
    base = {"go.mod": g273.renamed(g273.GO_MOD, GO_RENAMES), "tally.go": g273.renamed(g273.TALLY_GO, GO_RENAMES)}
    write_tree(tmp / "kilderkin", {**base, "tally_test.go": g273.gen_test(39718, 60, OAKS, GO_RENAMES)})
    write_tree(tmp / "kilderkin-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, GO_RENAMES)})
    write_tree(tmp / "kilderkin-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, GO_RENAMES)})
    for d in ("kilderkin", "kilderkin-vet", "kilderkin-build"):
        assert "keg" not in (tmp / d / "tally.go").read_text().lower()


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "coopering.log", 39714, 2300, ["coopering.staves", "coopering.hoops", "coopering.api",
                                               "coopering.fire"], {
        "INFO": lambda r: f"barrel {r.randint(1, 400)} raised: {r.randint(28, 34)} staves, {r.randint(6, 8)} hoops in {r.randint(20, 90)} min",
        "DEBUG": lambda r: f"stave joint check {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"stave {r.randint(1, 34)} of barrel {r.randint(1, 400)} sprung {r.randint(1, 9)} mm at the bilge",
        "ERROR": lambda r: f"barrel {r.randint(1, 400)} leaked at the croze after {r.randint(2, 48)} h swelling test {r.randint(1, 9)}"},
        8397, "2026-12-01")
    app_log(d / "seasoning.log", 39716, 2000, ["seasoning.yard", "seasoning.kiln", "seasoning.api", "seasoning.db"], {
        "INFO": lambda r: f"stack {r.randint(1, 30)} turned in row {r.randint(1, 7)}: {r.randint(200, 900)} staves at {r.randint(12, 20)}% moisture",
        "DEBUG": lambda r: f"moisture probe {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"stack {r.randint(1, 30)} stave {r.randint(1, 900)} checked {r.randint(1, 6)} mm at the end grain",
        "ERROR": lambda r: f"kiln {r.randint(1, 4)} overran {r.randint(60, 95)} C in batch {r.randint(2, 40)}"},
        6397, "2026-12-02")


STEPS = [python, js_project, c_project, rust, go_module, data]
