"""Capture round 492 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a brickfield (clamps, pug mills, moulders): expiringdict 1.2.2 (its
PyPI sdist) with bugs put in (project pughouse) under a pytest file of the round's own, ruff and mypy, and a chained
traceback; a git history of its __init__.py; a C project (kilnclamp) and a Rust crate (hackstead) from round 291's
generators imported and renamed; a Go module (brickclamp) from round 273's make_steps imported with this round's words;
a JavaScript project (strikeboard) from round 290's module and generator imported and renamed; CSV/sqlite tables of
/usr/share files, ps aux, an application log, fpga-icestorm's HTML docs on loopback; ONE headless OpenCode run over the
same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported
(NEEDLES.md's "Round 492: no new rules").

Usage:   .venv/bin/python scripts/corpus/capture_wide492.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide492.json  as {"version": 2, "items": [...]}, ids prefixed "wide492-".
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide492-"
DEFAULT_OUT = HERE / "data" / "wide492.json"
TMP = Path("/dev/shm/hm-corpus-wide492")
SRC = Path("/dev/shm/hm-corpus-wide492-src")  # expiringdict-1.2.2.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide492-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide492-js")  # the round's own npm project: eslint, @eslint/js, typescript
w9b.TMP = TMP
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

import capture_wide273_go as g273  # noqa: E402
import capture_wide290_mat as m290  # noqa: E402
import capture_wide291_native as base  # noqa: E402
import capture_wide299_mat as m299  # noqa: E402
from capture_material import app_log, history, put_bugs  # noqa: E402
from capture_more import n_app_log, run, write_tree  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide11_files import n_html  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_ps_aux, n_sqlite_col  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_node_test, n_tsc  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs
SEED = 49210
SV = "expiringdict-1.2.2"
MOD = "expiringdict/__init__.py"
PG = "README.rst"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Jemima Moulder", "jemima@example.org"), ("Lemuel Temperer", "lemuel@example.org"),
          ("Jemima Moulder", "jemima@example.org"), ("Isaac Setter", "isaac@example.org"),
          ("Keziah Burner", "keziah@example.org")]
BUGS = [(MOD, "            item_age = time.time() - item[1]\n", "            item_age = item[1] - time.time()\n"),
        (MOD, "                        self.popitem(last=False)\n", "                        self.popitem(last=True)\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

TESTS = r"""import pickle
from types import SimpleNamespace

import pytest

import expiringdict
from expiringdict import ExpiringDict


class Clock:
    def __init__(self, now=1_700_000_000.0):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(expiringdict, "time", SimpleNamespace(time=c))
    return c


def test_fresh_batch_is_kept(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["clamp 1"] = "stock bricks"
    clock.now += 30
    assert d["clamp 1"] == "stock bricks"


def test_old_batch_expires(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["clamp 2"] = "place bricks"
    clock.now += 61
    assert "clamp 2" not in d


def test_getitem_of_expired_raises(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["hack 4"] = "green"
    clock.now += 90
    with pytest.raises(KeyError):
        d["hack 4"]


def test_get_expired_gives_default(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["pug"] = "tempered clay"
    clock.now += 120
    assert d.get("pug", "dry") == "dry"


def test_get_with_age(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["moulder"] = "Abel"
    clock.now += 12.5
    assert d.get("moulder", with_age=True) == ("Abel", 12.5)


def test_ttl_counts_down(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["hack 3"] = 1200
    clock.now += 45
    assert d.ttl("hack 3") == 15


def test_ttl_of_expired_is_none(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["hack 5"] = 800
    clock.now += 75
    assert d.ttl("hack 5") is None


def test_pop_returns_value_and_removes(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["barrow"] = 40
    assert d.pop("barrow") == 40
    assert "barrow" not in d
    assert d.pop("barrow", "gone") == "gone"


@pytest.mark.parametrize("max_len,kept", [(2, ["Ezra", "Faith"]), (3, ["Dorcas", "Ezra", "Faith"]),
                                          (5, ["Bridget", "Caleb", "Dorcas", "Ezra", "Faith"]),
                                          (6, ["Abel", "Bridget", "Caleb", "Dorcas", "Ezra", "Faith"])])
def test_full_field_evicts_oldest_moulder(clock, max_len, kept):
    d = ExpiringDict(max_len=max_len, max_age_seconds=600)
    for i, name in enumerate(["Abel", "Bridget", "Caleb", "Dorcas", "Ezra", "Faith"]):
        d[name] = i
        clock.now += 1
    assert list(d.keys()) == kept


def test_items_and_values_skip_expired(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["clamp 1"] = 1000
    clock.now += 50
    d["clamp 2"] = 2000
    clock.now += 20
    assert d.items() == [("clamp 2", 2000)]
    assert d.values() == [2000]


def test_copy_from_dict(clock):
    d = ExpiringDict(max_len=2, max_age_seconds=60, items={"a": 1, "b": 2, "c": 3})
    assert list(d.items()) == [("b", 2), ("c", 3)]


def test_copy_keeps_timestamps(clock):
    d = ExpiringDict(max_len=10, max_age_seconds=60)
    d["scove"] = "fired"
    clock.now += 40
    e = ExpiringDict(max_len=None, max_age_seconds=None, items=d)
    clock.now += 30
    assert e.get("scove") is None


def test_pickle_round_trip(clock):
    d = ExpiringDict(max_len=3, max_age_seconds=60)
    d["setter"] = "Gideon"
    clock.now += 10
    e = pickle.loads(pickle.dumps(d))
    assert e.get("setter", with_age=True) == ("Gideon", 10)


@pytest.mark.parametrize("max_len,max_age", [(0, 10), (-1, 10), (1, -5)])
def test_bad_limits_are_refused(max_len, max_age):
    with pytest.raises(AssertionError):
        ExpiringDict(max_len=max_len, max_age_seconds=max_age)


def test_fromkeys_not_implemented():
    with pytest.raises(NotImplementedError):
        ExpiringDict(max_len=1, max_age_seconds=1).fromkeys()
"""

SCRIPT = r"""from expiringdict import ExpiringDict


class ClampCheckError(Exception):
    pass


MOULDERS = [("Abel Stock", "clamp 1", 480), ("Bridget Pugh", "clamp 1", 515), ("Caleb Hack", "clamp 2", 390),
            ("Dorcas Temper", "clamp 2", 455), ("Ezra Strike", "clamp 3", 502), ("Faith Setter", "clamp 3", 470)]
FIRING = ExpiringDict(max_len=4, max_age_seconds=3600)

for name, clamp, bricks in MOULDERS:
    FIRING[name] = (clamp, bricks)
    value, age = FIRING.get(name, with_age=True)
    print(f"set {name}: {clamp}, {bricks} green bricks, age {age:.3f} s, {len(FIRING)} in the rota")


def batch(name):
    try:
        return FIRING[name]
    except KeyError as exc:
        raise ClampCheckError(f"clamp check: moulder {name!r} has no batch in the firing rota "
                              f"({len(FIRING)} of {FIRING.max_len} kept: {', '.join(FIRING.keys())})") from exc


for name, clamp, bricks in MOULDERS[-4:]:
    print(name, "->", batch(name))
"""


def source(tmp: Path) -> None:
    """SRC/expiringdict-1.2.2.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "expiringdict-*.tar.gz", ["expiringdict==1.2.2"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} pughouse", cwd=tmp)
    cp = tmp / "pughouse"
    put_bugs(cp, BUGS)
    (cp / "tests").mkdir()
    (cp / "tests" / "test_pughouse.py").write_text(TESTS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-expiringdict-pughouse-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-expiringdict-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-expiringdict", f"{MYPY} expiringdict tests 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "clamp_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-clamp-check", "python3 clamp_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "expiringdict", SV, [MOD, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("ages computed backwards; a full dict drops its newest batch\n")
    cap("git-log-p-expiringdict-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"clamp {r.randint(1, 6)} set with {r.randint(20, 90)} thousand {r.choice(['stock', 'place', 'rubber'])} "
                      f"bricks, hacks turned {r.randint(8, 60)}, pug mill at {r.randint(12, 30)} rpm",
    "DEBUG": lambda r: f"moulder {r.choice(['north', 'south', 'table'])} struck {r.randint(540, 660)} bricks, {r.randint(2, 9)} "
                       f"pallets, sand {r.randint(8, 30)} lb",
    "WARNING": lambda r: f"hack {r.randint(1, 40)} drying {r.randint(12, 30)} % slow, cover {r.randint(1, 9)} "
                         f"of {r.choice(['straw', 'boards', 'tarpaulin'])} {r.randint(2, 14)} ft short",
    "ERROR": lambda r: f"clamp {r.randint(1, 8)} fire breaking out at course {r.randint(20, 64)}, {r.randint(400, 3000)} "
                       f"bricks {r.choice(['burnt', 'cracked', 'underfired', 'slumped'])} (scove {r.randint(1, 60)})",
}
DIRS = ("/usr/share/gtk-doc", "/usr/share/tor", "/usr/share/glvnd", "/usr/share/ucf", "/usr/share/emacsen-common")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in DIRS:
        for p in sorted(Path(top).rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "clampfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 clampfiles.db '.mode csv' '.import clampfiles.csv clampfiles'", cwd=d)
    cap("ls-laR-gtkdoc-tor-glvnd-ucf-emacsen", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "moulders.log", 49214, 1500, ["field.clamps", "field.moulders", "field.hacks",
                                                 "field.pugmill"], LOG_MSGS, 4892, "2026-11-15")
    cap("app-log-moulders-tail-500", "tail -n 500 moulders.log", d, n_app_log)
    chain("chain-log-grep-error-moulders", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' moulders.log | head -n 280", n_app_log),
           Part("grep -c ERROR moulders.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/fpga-icestorm/html && exec python3 -m http.server 18492 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-icestorm-logic-tile-head", "curl -s http://127.0.0.1:18492/logic_tile.html | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "KILNCLAMP_H"), ("spoolgate", "kilnclamp"), ("spool_t", "course_t"),
             ("spools", "courses"), ("gate_t", "clamp_t"), ("gate_weight", "clamp_shrink"),
             ("gate_find", "clamp_find"), ("twist_permille", "fire_permille"), ("yarn_g", "clay_g"),
             ("fibre", "clay"), ("passes", "firings"), ("twist_count_", "fire_count_"), ("_lot", "_setting"),
             ('"lot ', '"setting '), ("gate", "clamp"))
RS_RENAMES = (("tillerhorn", "hackstead"), ("0.7.3", "0.4.92"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Hack steads: drying from hack bore, cover load and a ranking of "
              "hack stacks."),
              ("sweep_n", "dry_n"), ("helm_load", "cover_load"), ("bore_um", "hack_um"),
              ("pintle_um", "barrow_um"), ("horn_count", "hack_count"), ("helm_", "cover_"), ("helm ", "cover "),
              ("sweep not on", "drying not on"), ("rudder limit", "hack limit"), ("fits", "stacks"),
              ("spare_", "spent_"))


def c_build(tmp: Path) -> None:
    root = tmp / "kilnclamp"
    rnd = random.Random(49212)
    files = {"src/kilnclamp.h": renamed(base.GATE_H, C_RENAMES), "src/stock.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/setting_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: kilnclamp\n\n"
                         "kilnclamp: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/kilnclamp.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build kilnclamp\n")
    write_tree(root, files)
    chain("chain-make-k-kilnclamp-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-kilnclamp-setting", "gcc -Wall -Wextra -fsyntax-only -Isrc src/stock.c "
        "src/setting_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build kilnclamp", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "hackstead"
    rnd = random.Random(49213)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "hackstead-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-hackstead", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(hack_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-hackstead-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "brickclamp"), ("casebook", "moulderbook"), ("ledger host", "field host"),
              ("litres left, days", "bricks left, days"), ("nothing left to pour", "nothing left to fire"),
              ("pour order", "firing order"), ("pour grade", "brick grade"), ("Keg", "Clamp"), ("keg", "clamp"),
              ("Beer", "Clay"), ("beer", "clay"), ("Cellar", "Drying"), ("cellar", "drying"),
              ("Pints", "Courses"), ("pints", "courses"))
BRICKS = ["London Stock", "Staffordshire Blue", "Accrington Red", "Fletton Common", "Suffolk White", "Cheshire Red",
          "Kent Yellow", "Ruabon Red", "Leicester Red", "Bedford Buff", "Nottingham Blue", "Sussex Handmade"]
GO_STEP = g273.make_steps(cap, "brickclamp", "moulderbook", 49211, BRICKS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "brickclamp" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in brickfield words: the words round 299's table replaces, in its order, each given a field word
FIELD_WORDS = ["strikeboard", "field sums for the strikeboard (clay loads, drying rates, firing charts)",
               "clayLoad", "dryingToMs", "fireBand", "dryingLabel", "hackArea", "firingChart", "clampPlan",
               "No clamp planned", "unknown clay type", "marl", "shale", "loam", "fireclay",
               "`moulder ${w + 1}", "seed = 49218",
               "'clay', 'CLAMP', 'pug', 'Hack', 'brick', 'stock', 'Moulder', 'pallet', 'sand', 'KILN', "
               "'barrow',\n  'strike', 'bearer', 'Temperer', 'setter', 'scove'",
              "'Abel', 'Bridget', 'Caleb', 'Dorcas', 'Ezra', 'Faith', 'Gideon', 'Hester', 'Isaac', 'Jemima', "
               "'Keziah', 'Lemuel'"]
assert len(FIELD_WORDS) == len(m299.WAGGLE_NAMES)
FIELD_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FIELD_WORDS)]


def fielded(text: str) -> str:
    for old, new in FIELD_NAMES:
        text = text.replace(old, new)
    return text


SB_BUGS = [(fielded(rel), fielded(old), fielded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "strikeboard"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = fielded(m290.FIXTURES)
    assert "49218" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "strikeboard", "version": "4.9.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/clamp-plan.js": fielded(m290.APP), "lib/strikeboard.js": fielded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SB_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-strikeboard-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-strikeboard", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide492-docs")}  # fpga-icestorm's ultraplus.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-expiringdict", n_pytest,
          "cd pughouse && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-expiringdict", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full pughouse/expiringdict/__init__.py 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-expiringdict", n_blame, "cd pughouse-git && git blame -w -L 28,249 expiringdict/__init__.py"),
        B("oc-bash-git-show-expiringdict-part", n_show, "cd pughouse-git && git show ':/^__init__: part 4 '"),
        B("oc-bash-git-log-p-expiringdict-reverse", n_log_p, "cd pughouse-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-kilnclamp", n_make, "make -C kilnclamp -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-hackstead", n_cargo_test, "cd hackstead && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-hackstead", n_clippy, "cd hackstead && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-brickclamp", n_go_test,
          "cd brickclamp && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-clampfiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column clampfiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM clampfiles ORDER BY kind, path\""),
        B("oc-bash-csv-sort-clampfiles", n_csv,
          "(head -n 1 clampfiles.csv; tail -n +2 clampfiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-clamp-moulders", n_app_log, "grep -E 'clamp [15]|fire breaking' moulders.log | head -n 420"),
        B("oc-bash-eslint-strikeboard", n_eslint, "cd strikeboard && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-expiringdict", "chain-test-exit", "test",
               [Part("cd pughouse", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test pughouse"))
    S.append(C("oc-bash-chain-mypy-strict-expiringdict", "chain-lint", "lint",
               [Part("cd pughouse", None), Part(f"{MYPY} --pretty expiringdict/__init__.py 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check expiringdict"))
    S.append(C("oc-bash-chain-git-status-diff-expiringdict", "chain-git-status-diff", "git",
               [Part("cd pughouse-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-strikeboard", "chain-test-exit", "test",
               [Part("cd strikeboard", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test strikeboard"))
    S.append(C("oc-bash-chain-tsc-strikeboard", "chain-lint", "lint",
               [Part("cd strikeboard", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check strikeboard"))
    fw = "doc/icestorm"
    O = [
        Spec("oc-grep-expiringdict-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|max_age|max_len", "path": "pughouse/expiringdict", "include": "*.py"}),
        Spec("oc-grep-kilnclamp-clamp", "oc-grep", "search", "grep",
             {"pattern": r"clamp_\w+\(|return ", "path": "kilnclamp"}),
        Spec("oc-glob-kilnclamp-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "kilnclamp"}),
        Spec("oc-read-py-expiringdict-init", "oc-read-source", "code", "read",
             {"filePath": f"{root}/pughouse/expiringdict/__init__.py"}, "python"),
        Spec("oc-read-js-strikeboard", "oc-read-source", "code", "read",
             {"filePath": f"{root}/strikeboard/lib/strikeboard.js"}, "js"),
        Spec("oc-webfetch-md-icestorm-ultraplus", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/ultraplus.html", "format": "markdown"}, source=f"{fw}/ultraplus.html"),
        Spec("oc-webfetch-text-icestorm-ultraplus", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/ultraplus.html", "format": "text"}, source=f"{fw}/ultraplus.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28492), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28492), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: fpga-icestorm's ultraplus.html."""
    d = Path(DOCS["doc"]) / "icestorm"
    run(f"rm -rf {d} && mkdir -p {d} && cp /usr/share/doc/fpga-icestorm/html/ultraplus.html {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38492)
    try:
        run_round(tmp, f"cp -r {tmp}/pughouse pughouse && cp -r {tmp}/expiringdict-git pughouse-git && "
                  f"cp -r {tmp}/kilnclamp kilnclamp && cp -r {tmp}/hackstead hackstead && "
                  f"cp -r {tmp}/brickclamp brickclamp && cp -a {tmp}/strikeboard strikeboard && "
                  f"cp {tmp}/data/clampfiles.db {tmp}/data/clampfiles.csv {tmp}/data/moulders.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf kilnclamp/build pughouse/.mypy_cache "
                  "pughouse/.ruff_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, docs, git_history, rust, c_build, go, js_project, data, python,
                                                     opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide492", sys.modules["__main__"])
    main()
