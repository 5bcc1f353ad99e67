"""Capture round 624 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a clog maker's workshop (clogs, soles, irons, cloggers): pybktree 1.1
(its PyPI sdist) with bugs put in (project cloggery) under a pytest suite written here from the unbroken module,
ruff and mypy, and a chained traceback; a git history of pybktree.py, its suite and README.rst; the
real npm package hsl-to-hex 1.0.0 copied into a project (soleboard) with bugs put in, under a node --test suite
generated here from the unbroken package, and eslint; a C project (ironrow) and a Rust crate (alderyard) from round
291's generators imported and renamed; a Go module (solestack) from round 273's make_steps imported with this round's
words; a JavaScript project (clograck) from round 290's module and generator imported and renamed; CSV/sqlite tables
of /usr/share/doc files, ps aux, an application log, libffi's Closure-Example.html on loopback; ONE headless OpenCode
run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's,
imported (NEEDLES.md's "Round 624: no new rules"). The glue follows round 618's layout (capture_wide618.py);
material, words, seeds and ports are this round's."""

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

ID_PREFIX = "wide624-"
DEFAULT_OUT = HERE / "data" / "wide624.json"
TMP = Path("/dev/shm/hm-corpus-wide624")
SRC = Path("/dev/shm/hm-corpus-wide624-src")  # pybktree-1.1.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide624-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide624-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide624-js")  # the round's own npm project: eslint, @eslint/js, typescript, hsl-to-hex
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
SEED = 62410
SV = "pybktree-1.1"
MOD = "pybktree.py"
SUITE = "tests/test_sole_match.py"
DOC = "README.rst"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Hannah Clogg", "hannah@example.org"), ("Walter Irons", "walter@example.org"),
          ("Hannah Clogg", "hannah@example.org"), ("Agnes Alder", "agnes@example.org"),
          ("Ezra Soler", "ezra@example.org")]
BUGS = [(MOD, "            if distance <= n:\n", "            if distance < n:\n"),
        (MOD, "                upper = distance + n\n", "                upper = distance + n - 1\n"),
        (MOD, "            len(self.tree[1]) if self.tree is not None else 'no',\n",
         "            len(self.tree) if self.tree is not None else 'no',\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"
PYTEST = "python -m pytest --color=no -p no:cacheprovider -o addopts="

# Writes tests/sole_calls.json from the UNBROKEN module (run before the bugs go in): seeded sole patterns (integers,
# Hamming) and lasts' names (strings, a Levenshtein written here), trees built and queried.
GEN = r'''import json, random
from pybktree import BKTree, hamming_distance


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


r = random.Random(62410)
SYL = ["al", "der", "clog", "sole", "iron", "welt", "toe", "cap", "heel", "last", "strap", "nail", "ash", "birch",
       "sy", "ca", "more", "dale"]
calls = {"find": [], "repr": [], "hamming": [], "book": []}
for i in range(70):
    items = [r.getrandbits(12) for _ in range(r.randint(8, 40))]
    q, n = r.getrandbits(12), r.randint(0, 4)
    got = BKTree(hamming_distance, items).find(q, n)
    calls["find"].append({"id": f"pattern{i:02d}-n{n}", "kind": "hamming", "items": items, "query": q, "n": n,
                          "want": [list(x) for x in got]})
for i in range(60):
    items = ["".join(r.choice(SYL) for _ in range(r.randint(2, 3))) for _ in range(r.randint(10, 30))]
    q, n = "".join(r.choice(SYL) for _ in range(r.randint(2, 3))), r.randint(1, 3)
    got = BKTree(lev, items).find(q, n)
    calls["find"].append({"id": f"last{i:02d}-{q}-n{n}", "kind": "lev", "items": items, "query": q, "n": n,
                          "want": [list(x) for x in got]})
for i in range(24):
    items = [r.getrandbits(8) for _ in range(r.randint(0, 12))]
    calls["repr"].append({"id": f"rack{i:02d}", "items": items, "want": repr(BKTree(hamming_distance, items))})
for i in range(30):
    x, y = r.getrandbits(16), r.getrandbits(16)
    calls["hamming"].append({"id": f"iron{i:02d}", "x": x, "y": y, "want": hamming_distance(x, y)})
LASTS = ["alderclog", "ashclog", "birchsole", "sycamore", "ironheel", "weltstrap", "toecap", "heelnail"]
for who, q, n in [("Hannah Clogg", "aldercloog", 1), ("Walter Irons", "iranheel", 1), ("Agnes Alder", "toecop", 1),
                  ("Ezra Soler", "birchsile", 1)]:
    calls["book"].append({"who": who, "query": q, "n": n, "want": [list(x) for x in BKTree(lev, LASTS).find(q, n)]})
json.dump(calls, open("tests/sole_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

from pybktree import BKTree, hamming_distance

CALLS = json.loads(pathlib.Path(__file__).with_name("sole_calls.json").read_text())


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@pytest.mark.parametrize("call", CALLS["find"], ids=[c["id"] for c in CALLS["find"]])
def test_sole_find(call):
    tree = BKTree(hamming_distance if call["kind"] == "hamming" else lev, call["items"])
    assert [list(x) for x in tree.find(call["query"], call["n"])] == call["want"]


@pytest.mark.parametrize("call", CALLS["find"][:40], ids=[c["id"] for c in CALLS["find"][:40]])
def test_sole_rack_holds_all(call):
    tree = BKTree(hamming_distance if call["kind"] == "hamming" else lev, call["items"])
    assert sorted(tree) == sorted(call["items"])


@pytest.mark.parametrize("call", CALLS["repr"], ids=[c["id"] for c in CALLS["repr"]])
def test_clog_rack_repr(call):
    assert repr(BKTree(hamming_distance, call["items"])) == call["want"]


@pytest.mark.parametrize("call", CALLS["hamming"], ids=[c["id"] for c in CALLS["hamming"]])
def test_iron_hamming(call):
    assert hamming_distance(call["x"], call["y"]) == call["want"]
'''

SCRIPT = r"""import json

from pybktree import BKTree


class ClogFittingError(Exception):
    pass


LASTS = ["alderclog", "ashclog", "birchsole", "sycamore", "ironheel", "weltstrap", "toecap", "heelnail"]
BOOK = json.load(open("tests/sole_calls.json"))["book"]  # the fitting book: each clogger's last, as first written


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def fit(rack, entry):
    try:
        got = [list(x) for x in rack.find(entry["query"], entry["n"])]
        if got != entry["want"]:
            raise ValueError(f"{entry['query']!r}: rack gives {got!r}, the fitting book says {entry['want']!r}")
        return ", ".join(f"{last} ({d})" for d, last in got)
    except ValueError as exc:
        raise ClogFittingError(f"fitting: {entry['who']} measured for the wrong last "
                               f"({len(LASTS)} lasts on the rack, {rack!r})") from exc


rack = BKTree(lev, LASTS)
print(f"clog maker: {len(BOOK)} cloggers to fit from {len(LASTS)} lasts")
for entry in BOOK:
    print(entry["who"], "->", fit(rack, entry))
"""


def source(tmp: Path) -> None:
    """SRC/pybktree-1.1.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "pybktree-*.tar.gz", ["pybktree==1.1"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "hsl-to-hex", ["eslint", "@eslint/js", "typescript", "hsl-to-hex@1.0.0"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} cloggery", cwd=tmp)
    cp = tmp / "cloggery"
    (cp / "tests").mkdir()
    (cp / "gen.py").write_text(GEN)
    (cp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=cp)  # expectations from the unbroken module
    # the sdist plus the suite, for the git history
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r cloggery {HIST}/{SV} && cd {HIST} && find {SV} -name __pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} "
        f"&& rm -rf {SV}", cwd=tmp)
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), "MYPYPATH": str(cp)}
    cap("pytest-pybktree-cloggery-v-tbshort", f"{PYTEST} -v --tb=short tests 2>&1 | tail -n 1800", cp, n_pytest,
        env=env, timeout=300)
    chain("chain-pybktree-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line tests", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp,
          env=env, timeout=300)
    cap("mypy-strict-pybktree", f"{MYPY} {MOD} {SUITE} 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "clog_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-clog-check", "python3 clog_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "pybktree", SV, [MOD, SUITE, DOC], PEOPLE, SEED, 20, BUGS)
    (repo / "NOTES.local").write_text("limit match dropped; search window one short; repr counts the root tuple\n")
    cap("git-log-p-pybktree-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"last {r.randint(100, 999)} for {r.choice(['Hannah', 'Walter', 'Agnes', 'Ezra'])}: "
                      f"{r.randint(2, 24)} pair {r.choice(['alder clogs', 'sycamore clogs', 'ash soles'])} "
                      f"nailed, {r.randint(1, 9)} irons fitted, bench {r.randint(1, 30)}",
    "DEBUG": lambda r: f"stock knife {r.choice(['hollower', 'gripper', 'bench'])} honed {r.randint(20, 120)} strokes "
                       f"on {r.choice(['alder', 'sycamore', 'birch'])} soles, rack {r.randint(100, 999)}, "
                       f"size {r.randint(1, 12)}",
    "WARNING": lambda r: f"bench {r.randint(1, 40)} sole split at toe {r.randint(1, 4)}, iron {r.randint(2, 12)} "
                         f"mm proud at {r.choice(['Sole Shed', 'Iron Row', 'Welting Room'])}, "
                         f"{r.randint(1, 6)} pair held",
    "ERROR": lambda r: f"upper {r.randint(1, 8)} short at bench {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['clogs', 'soles', 'irons', 'straps'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/ed", "/usr/share/doc/jq", "/usr/share/doc/less")
PAGE_DIR = "/usr/share/doc/libffi-dev/html"
PAGE = "Closure-Example.html"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in DIRS:
        for p in sorted(Path(top).rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share/doc")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "clogs.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 clogs.db '.mode csv' '.import clogs.csv clogs'", cwd=d)
    cap("ls-laR-ed-jq-less", "ls -laR " + " ".join(DIRS) + " /usr/share/doc/libffi-dev", d, n_ls_lR)
    app_log(d / "cloggers.log", 62414, 1500, ["clogs.soles", "clogs.irons", "clogs.uppers", "clogs.benches"],
            LOG_MSGS, 6241, "2026-12-03")
    cap("app-log-cloggers-tail-450", "tail -n 450 cloggers.log", d, n_app_log)
    chain("chain-log-grep-error-cloggers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' cloggers.log | head -n 260", n_app_log),
           Part("grep -c ERROR cloggers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18624 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-libffi-closure-example", f"curl -s http://127.0.0.1:18624/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "IRONROW_H"), ("spoolgate", "ironrow"), ("spool_t", "iron_t"),
             ("spools", "irons"), ("gate_t", "row_t"), ("gate_weight", "row_weight"),
             ("gate_find", "row_find"), ("twist_permille", "camber_permille"), ("yarn_g", "alder_g"),
             ("fibre", "sole"), ("passes", "nailings"), ("twist_count_", "camber_count_"), ("_lot", "_pair"),
             ('"lot ', '"pair '), ("gate", "row"))
RS_RENAMES = (("tillerhorn", "alderyard"), ("0.7.3", "0.6.24"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Alder yard: rocker from sole bore, last load and a "
              "ranking of clog fits."),
              ("sweep_n", "rocker_n"), ("helm_load", "last_load"), ("bore_um", "sole_um"),
              ("pintle_um", "iron_um"), ("horn_count", "clog_count"), ("helm_", "last_"), ("helm ", "last "),
              ("sweep not on", "rocker not on"), ("rudder limit", "pair limit"), ("fits", "clogs"),
              ("spare_", "odd_"))


def c_build(tmp: Path) -> None:
    root = tmp / "ironrow"
    rnd = random.Random(62412)
    files = {"src/ironrow.h": renamed(base.GATE_H, C_RENAMES),
             "src/rowframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/camber_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: ironrow\n\n"
                         "ironrow: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/ironrow.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build ironrow\n")
    write_tree(root, files)
    chain("chain-make-k-ironrow-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-ironrow-camber", "gcc -Wall -Wextra -fsyntax-only -Isrc src/rowframe.c "
        "src/camber_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build ironrow", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "alderyard"
    rnd = random.Random(62413)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "alderyard-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-alderyard", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(clog_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-alderyard-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "solestack"), ("casebook", "clogbook"), ("ledger host", "workshop host"),
              ("litres left, days", "pairs left, days"), ("nothing left to pour", "nothing left to nail"),
              ("pour order", "nail order"), ("pour grade", "sole grade"), ("Keg", "Clog"), ("keg", "clog"),
              ("Beer", "Alder"), ("beer", "alder"), ("Cellar", "Bench"), ("cellar", "bench"),
              ("Pints", "Pairs"), ("pints", "pairs"))
BENCHES = ["Sole Shed", "Iron Row", "Welting Room", "Last Rack", "Nailing Bench", "Strap Loft", "Alder Stack",
           "Sycamore Bench", "Toe Cap Shop", "Tally Board", "Yard Gate", "Bench Seven"]
GO_STEP = g273.make_steps(cap, "solestack", "clogbook", 62411, BENCHES, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "solestack" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in clog makers' words: the words round 299's table replaces, in its order, each given one
CLOG_WORDS = ["clograck", "clog sums for the clograck (sole lengths, nailing rates, last charts)",
              "soleLength", "nailToMs", "alderBand", "benchLabel", "toeArea", "lastChart", "pairPlan",
              "No pair planned", "unknown clog type", "dancer", "pit", "farm", "mill",
              "`bench ${w + 1}", "seed = 62418",
              "'clog', 'IRON', 'sole', 'Upper', 'last', 'pair', 'Alder', 'welt', 'bench', "
              "'STRAP', 'nail',\n  'toecap', 'shaving', 'Clogger', 'rack', 'buckle'",
              "'Hannah', 'Walter', 'Agnes', 'Ezra', 'Martha', 'Silas', 'Hepzibah', 'Josiah', 'Lettice', "
              "'Obadiah', 'Zillah', 'Amos'"]
assert len(CLOG_WORDS) == len(m299.WAGGLE_NAMES)
CLOG_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, CLOG_WORDS)]


def clogged(text: str) -> str:
    for old, new in CLOG_NAMES:
        text = text.replace(old, new)
    return text


CR_BUGS = [(clogged(rel), clogged(old), clogged(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "clograck"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = clogged(m290.FIXTURES)
    assert "62418" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "clograck", "version": "6.2.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/pair-plan.js": clogged(m290.APP), "lib/clograck.js": clogged(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", CR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-clograck-tail-1500", "node --test spec/ 2>&1 | tail -n 1500", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-clograck", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


# hsl-to-hex 1.0.0 in soleboard: the bugs (hue 360 not wrapped, single hex digits unpadded, luminosity capped at 99)
HX = "hsl-to-hex.js"
HX_BUGS = [(HX, "  while (val > 359) { val -= 360 }\n", "  while (val > 360) { val -= 360 }\n"),
           (HX, "      return (256 + n).toString(16).substr(-2)\n", "      return n.toString(16).substr(-2)\n"),
           (HX, "  luminosity = min(max(luminosity, 100), 0)\n", "  luminosity = min(max(luminosity, 99), 0)\n")]

# Writes spec/hsl-to-hex.test.mjs: the clogs' paint colours from a seeded generator, each expectation computed here
# from the UNBROKEN package in node_modules, before lib/hsl-to-hex.js is broken.
HX_GEN = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const hsl = createRequire(import.meta.url)('hsl-to-hex');
let seed = 62416;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const CLOGGERS = ['Hannah', 'Walter', 'Agnes', 'Ezra', 'Martha', 'Silas', 'Hepzibah', 'Josiah'];
const PARTS = ['alder sole', 'leather upper', 'toe cap', 'heel iron', 'strap', 'buckle', 'welt'];
const cases = [];
for (let i = 0; i < 220; i++) {
  let h = Math.floor(rnd() * 720) - 180;
  if (rnd() < 0.15) h = pick([0, 359, 360, 720, -360, -1]);
  let s = Math.floor(rnd() * 120) - 10;
  let l = Math.floor(rnd() * 120) - 10;
  if (rnd() < 0.2) l = pick([0, 3, 97, 99, 100, 110]);
  cases.push({name: `${pick(CLOGGERS)}'s ${pick(PARTS)}, pair ${i + 1}`, h, s, l, want: hsl(h, s, l)});
}
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import {createRequire} from 'node:module';",
  "const hsl = createRequire(import.meta.url)('../lib/hsl-to-hex.js');", ''];
for (const c of cases) {
  out.push(`test(${JSON.stringify(c.name + ': hsl(' + c.h + ', ' + c.s + ', ' + c.l + ')')}, () => {\n  assert.equal(hsl(${c.h}, ${c.s}, ${c.l}), ${JSON.stringify(c.want)});\n});`);
}
fs.writeFileSync('spec/hsl-to-hex.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "soleboard"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "soleboard", "version": "0.6.24", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": HX_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run("node gen.mjs && rm gen.mjs", cwd=root)
    run(f"cp {JS}/node_modules/hsl-to-hex/index.js lib/{HX}", cwd=root)
    put_bugs(root / "lib", HX_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-hsl-to-hex-soleboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-soleboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-hsl-to-hex-soleboard", "npx eslint lib 2>&1", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide624-docs")}  # libffi's Closure-Example.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-pybktree", n_pytest,
          f"cd cloggery && PYTHONPATH=. {PYTEST} -rA --tb=short tests 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-pybktree", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full cloggery/{MOD} cloggery/{SUITE} "
          "cloggery/clog_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-pybktree", n_blame, f"cd cloggery-git && git blame -w {MOD}"),
        B("oc-bash-git-show-pybktree-part", n_show, "cd cloggery-git && git show ':/^pybktree: part 4 '"),
        B("oc-bash-git-log-p-pybktree-reverse", n_log_p,
          "cd cloggery-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-ironrow", n_make, "make -C ironrow -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-alderyard", n_cargo_test, "cd alderyard && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-alderyard", n_clippy, "cd alderyard && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-solestack", n_go_test,
          "cd solestack && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps aux --sort=-rss | head -n 150"),
        B("oc-bash-sqlite-clogs-largest", n_sqlite_col,
          "sqlite3 -header -column clogs.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM clogs ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-clogs", n_csv, "(head -n 1 clogs.csv; tail -n +2 clogs.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-bench-cloggers", n_app_log,
          "grep -E 'bench [1-9] sole|upper [0-9] short' cloggers.log | head -n 400"),
        B("oc-bash-eslint-clograck", n_eslint, "cd clograck && npx eslint lib spec 2>&1 | head -n 450"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-pybktree", "chain-lint", "lint",
               [Part("cd cloggery", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} {SUITE} clog_check.py 2>&1 | "
                                                "tail -n 300", n_mypy, "&&")],
               root, env, "Type-check pybktree"))
    S.append(C("oc-bash-chain-git-status-diff-pybktree", "chain-git-status-diff", "git",
               [Part("cd cloggery-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-clograck", "chain-test-exit", "test",
               [Part("cd clograck", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test clograck"))
    S.append(C("oc-bash-chain-eslint-node-test-soleboard", "chain-lint", "lint",
               [Part("cd soleboard", None), Part("npx eslint lib 2>&1", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env, "Lint and test soleboard"))
    fw = "doc/libffi"
    O = [
        Spec("oc-grep-pybktree-def-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|assert |_distance_func", "path": "cloggery", "include": "*.py"}),
        Spec("oc-glob-ironrow-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "ironrow"}),
        Spec("oc-read-py-pybktree", "oc-read-source", "code", "read",
             {"filePath": f"{root}/cloggery/{MOD}"}, "python"),
        Spec("oc-webfetch-md-libffi-closure-example", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-libffi-closure-example", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28624), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28624), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: libffi's Closure-Example.html."""
    d = Path(DOCS["doc"]) / "libffi"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38624)
    try:
        run_round(tmp, f"cp -r {tmp}/cloggery cloggery && cp -r {tmp}/pybktree-git cloggery-git && "
                  f"cp -r {tmp}/ironrow ironrow && cp -r {tmp}/alderyard alderyard && "
                  f"cp -r {tmp}/solestack solestack && cp -a {tmp}/clograck clograck && "
                  f"cp -a {tmp}/soleboard soleboard && "
                  f"cp {tmp}/data/clogs.db {tmp}/data/clogs.csv {tmp}/data/cloggers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf ironrow/build cloggery/.mypy_cache "
                  "cloggery/.ruff_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, docs, git_history_after_python, rust, c_build, go,
                                                     js_project, npm_project, data, opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


def git_history_after_python(tmp: Path) -> None:
    """python() first (it writes the suite the history commits), then the history."""
    python(tmp)
    git_history(tmp)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide624", sys.modules["__main__"])
    main()
