"""Round 325, the material both agents work in (no item is captured here): decorator's and pygtrie's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the tiercel project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with falconry names and another seed), a C project (`mews`) and
a Rust crate (`hoods`) from round 191's generators (capture_wide191_native, imported, renamed, other seeds), a CSV
and a sqlite table of this machine's documentation files and two application logs. Run through capture_wide325.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide325 import JS, SRC, VENV

DE, PG = "decorator-5.3.1", "pygtrie-2.6.2"

# decorator: the factory counts its positional extras one short; dispatch_on's ambiguity check lets two virtual
# ancestors through; its ancestors' MROs keep `object`; a lambda is renamed `lambda_` instead of `_lambda_`.
DE_BUGS = [("src/decorator/__init__.py", "na = len(args) + 1", "na = len(args)"),
           ("src/decorator/__init__.py", "if n_vas > 1:", "if n_vas > 2:"),
           ("src/decorator/__init__.py", "lists.append(mro[:-1])  # discard t and object",
            "lists.append(mro)  # discard t and object"),
           ("src/decorator/__init__.py", "self.name = '_lambda_'", "self.name = 'lambda_'")]
# pygtrie: has_node reports a subtrie as HAS_VALUE; has_subtrie inverted; __bool__ needs both a value and children;
# shortest_prefix stops at nodes without values. (StringTrie splitting a key only once and joining paths without the
# separator, the first run's two other bugs, were taken out after its Codex pytest calls ran past Codex's 30 s
# yield: with them 231 of 461 tests failed.)
PG_BUGS = [("pygtrie.py", "(self.HAS_SUBTRIE * bool(node.children)))", "(self.HAS_VALUE * bool(node.children)))"),
           ("pygtrie.py", "return node is not None and bool(node.children)",
            "return node is not None and not node.children"),
           ("pygtrie.py", "return self._root.value is not _NOVAL or bool(self._root.children)",
            "return self._root.value is not _NOVAL and bool(self._root.children)"),
           ("pygtrie.py", "return next(self.__walk_towards(key, only_set=True), _NONE_STEP)",
            "return next(self.__walk_towards(key, only_set=False), _NONE_STEP)")]

BEWIT = r'''
from decorator import dispatch_on


class BewitDispatchError(RuntimeError):
    pass


class Hawk:
    pass


class Falcon(Hawk):
    pass


@dispatch_on("bird", "fitting")
def bewit_for(bird, fitting):
    return f"plain bewit for {type(bird).__name__}"


def bewit_register(generic, entries):
    done = 0
    for types, impl in entries:
        try:
            generic.register(*types)(impl)
        except TypeError as exc:
            raise BewitDispatchError(
                f"bewit {impl.__name__} for {[t.__name__ for t in types]} cannot be registered "
                f"({done} of {len(entries)} registered)") from exc
        done += 1
    return generic


def leather(bird, fitting):
    return "leather bewit"


def brass_bell(bird):
    return "bell on a bewit"


bewit_register(bewit_for, [((Hawk, str), leather), ((Falcon,), brass_bell)])
print(bewit_for(Falcon(), "left leg"))
'''

CREANCE = r'''
import pygtrie


class CreanceKeyError(RuntimeError):
    pass


def creance_lines():
    trie = pygtrie.StringTrie(separator="/")
    trie["mews/east/perch-1"] = "goshawk"
    trie["mews/east/perch-2"] = "peregrine"
    trie["mews/west/block-4"] = "merlin"
    return trie


def creance_reel(trie, n):
    reeled = []
    for _ in range(n):
        try:
            reeled.append(trie.popitem())
        except KeyError as exc:
            raise CreanceKeyError(
                f"creance line {len(reeled) + 1} cannot be reeled in ({len(reeled)} of {n} reeled)") from exc
    return reeled


print(creance_reel(creance_lines(), 3))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / DE, DE_BUGS)
    put_bugs(tmp / PG, PG_BUGS)
    (tmp / DE / "bewit_dispatch.py").write_text(BEWIT)
    (tmp / PG / "creance_keys.py").write_text(CREANCE)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict pygtrie.py test.py creance_keys.py >/dev/null 2>&1; true", cwd=tmp / PG, timeout=900)
    history(tmp, SRC, "decorator", DE, ["src/decorator/__init__.py", "tests/test.py"],
            [("Wystan Ferriby", "wystan@example.org"), ("Tamsin Holloway", "tamsin@example.org"),
             ("Ottoline Pargeter", "ottoline@example.org")], 32510, 60, DE_BUGS)
    history(tmp, SRC, "pygtrie", PG, ["pygtrie.py", "test.py"],
            [("Barnabas Quiller", "barnabas@example.org"), ("Clemency Athersmith", "clemency@example.org"),
             ("Ambrose Tindall", "ambrose@example.org")], 32511, 150, PG_BUGS)


# round 290's hawsehole module in falconry words: the words round 299's table replaces, in its order (the longer
# names first, so that no shorter one cuts into them), each given a falconry word here
HAWK_WORDS = ["tiercel", "flight sums for a tiercel's day (jess lengths, stoop rates, weathering charts)",
              "jessLength", "stoopToMs", "windBand", "hoodLabel", "mewsArea", "weatheringChart", "huntPlan",
              "No hunt planned", "unknown hawk type", "goshawk", "peregrine", "merlin", "hobby",
              "`flight ${w + 1}", "seed = 32513",
              "'jess', 'BELLS', 'tiring', 'Creance', 'perch', 'block', 'Bow', 'glove', 'swivel', 'LEASH', 'cadge',\n"
              "  'bath', 'hood', 'Mute', 'bewit', 'telemetry'",
              "'Aldous', 'Brigid', 'Cuthbert', 'Dervla', 'Egbert', 'Fionnuala', 'Gawain', 'Hildegard', 'Ingram', "
              "'Jocasta', 'Kenelm', 'Lettice'"]
assert len(HAWK_WORDS) == len(m299.WAGGLE_NAMES)
HAWK_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, HAWK_WORDS)]


def hawk(text: str) -> str:
    for old, new in HAWK_NAMES:
        text = text.replace(old, new)
    return text


TI_BUGS = [(hawk(rel), hawk(old), hawk(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "tiercel"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = hawk(m290.FIXTURES)
    assert "32513" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "tiercel", "version": "3.0.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/hunt-plan.js": hawk(m290.APP),
                      "lib/tiercel.js": hawk(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in TI_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def mews(text: str) -> str:
    return (text.replace("WEIRKEEPER", "MEWS").replace("weirkeeper", "mews").replace("weir", "jesses")
            .replace("sluice", "perch").replace("gate_t", "perch_t").replace("gates", "perches")
            .replace("level_cm", "weight_g").replace("tide", "moult"))


def c_project(tmp: Path) -> None:
    root = tmp / "mews"
    rnd = random.Random(32512)
    files = {"src/mews.h": mews(n191.SKIFF_H), "src/weathering.c": mews(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/jesses_{k:02d}.c"] = mews(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: mews\n\n"
                         "mews: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/mews.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build mews\n")
    write_tree(root, files)


def hood(text: str) -> str:
    return (text.replace("plumbline", "hoods").replace("Plumb-line survey", "Falconry hoods")
            .replace("offset_per_m", "fit_per_mm").replace("station_penalty", "hood_penalty")
            .replace("readings", "fittings").replace("reading", "fitting").replace("station", "block"))


def rust(tmp: Path) -> None:
    root = tmp / "hoods"
    rnd = random.Random(32515)
    write_tree(root, {"Cargo.toml": hood(n191.CARGO).replace("0.3.4", "1.4.2"), "src/lib.rs": hood(n191.LIB),
                      "src/broken.rs": hood(n191.BROKEN), "src/fittings.rs": hood(n191.gen_readings(rnd, 220))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "gyrfalcon.log", 32514, 2300, ["gyrfalcon.mews", "gyrfalcon.weighing", "gyrfalcon.api",
                                               "gyrfalcon.telemetry"], {
        "INFO": lambda r: f"bird {r.randint(1, 40)} flown: {r.randint(2, 30)} stoops, {r.randint(300, 1900)} m in {r.randint(3, 25)} min",
        "DEBUG": lambda r: f"scale poll {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"bird {r.randint(1, 40)} weight {r.randint(540, 980)} g, below its flying weight",
        "ERROR": lambda r: f"tag {r.randint(1, 12)} lost signal after {r.randint(20, 300)} s over the moor"}, 7411, "2026-11-30")
    app_log(d / "kestrel.log", 32516, 2000, ["kestrel.hunt", "kestrel.mews", "kestrel.api", "kestrel.db"], {
        "INFO": lambda r: f"cadge {r.randint(1, 6)} carried {r.randint(2, 9)} birds to field {r.randint(1, 7)} in {r.randint(8, 40)} min",
        "DEBUG": lambda r: f"lure swing {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"perch {r.randint(1, 6)} block {r.randint(1, 8)} wet for {r.randint(2, 9)} h",
        "ERROR": lambda r: f"hood {r.randint(1, 6)} brace {r.randint(1, 4)} broke at block {r.randint(2, 12)}"}, 5523, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
