"""Capture round 466 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from an oast house (kilns, cowls, hop pickers, hop pockets, drying floors):
Debian's wadllib 1.3.6 with bugs put in (project cowlkiln) under its own doctest suite and a pytest file of the
round's own, ruff and mypy, and a chained traceback; a git history of its application.py; a C project (cowlvane) and a
Rust crate (hopcowl) from round 291's generators imported and renamed; a Go module (kilnfloor) from round 273's
make_steps imported with this round's words; CSV/sqlite tables of /usr/share files, ps aux, an application log, tor's
HTML manual pages on loopback; ONE headless OpenCode run over the same material (its bash, grep, glob, read, webfetch).
Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 466: no new rules").

Usage:   .venv/bin/python scripts/corpus/capture_wide466.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide466.json  as {"version": 2, "items": [...]}, ids prefixed "wide466-".
"""

from __future__ import annotations

import csv
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

ID_PREFIX = "wide466-"
DEFAULT_OUT = HERE / "data" / "wide466.json"
TMP = Path("/dev/shm/hm-corpus-wide466")
SRC = Path("/dev/shm/hm-corpus-wide466-src")  # wadllib-1.3.6.tar.gz made from Debian's python3-wadllib
VENV = Path("/dev/shm/hm-corpus-wide466-venv")  # the round's own tools: pytest, ruff, mypy (+ lazr.uri, setuptools)
w9b.TMP = TMP
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

import capture_wide273_go as g273  # noqa: E402
import capture_wide291_native as base  # noqa: E402
from capture_material import app_log, history, put_bugs  # noqa: E402
from capture_more import n_app_log, run, write_tree  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide11_files import n_html  # noqa: E402
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs
SEED = 46610
SV = "wadllib-1.3.6"
MOD = "wadllib/application.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Hannah Hoppicker", "hannah@example.org"), ("Kit Kilnman", "kit@example.org"),
          ("Hannah Hoppicker", "hannah@example.org"), ("Colm Cowl", "colm@example.org"),
          ("Pip Pocket", "pip@example.org")]
BUGS = [(MOD, "                in ['1', 'true'])", "                not in ['1', 'true'])"),
        (MOD, "and param_values[name] not in options):", "and param_values[name] in options):")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"
DOCTEST = ("--doctest-glob='*.rst' -o doctest_optionflags='ELLIPSIS NORMALIZE_WHITESPACE' "
           "--doctest-continue-on-failure")

TESTS = r'''from pathlib import Path

import pytest

import wadllib.tests.data
from wadllib.application import Application
from wadllib.iso_strptime import iso_strptime

DATA = Path(wadllib.tests.data.__file__).parent


@pytest.fixture
def options_app():
    return Application("http://oast.example/", (DATA / "options-wadl.xml").read_bytes())


@pytest.fixture
def lp():
    return Application("http://api.launchpad.dev/beta/", (DATA / "launchpad-wadl.xml").read_bytes())


def _param(app):
    root = app.get_resource_by_path("")
    definition = app.representation_definitions["service-root-json"]
    return definition, definition.params(root)[0]


def test_kiln_option_values(options_app):
    _, param = _param(options_app)
    assert sorted(o.value for o in param.options) == ["Value 1", "Value 2"]


def test_cowl_accepts_listed_option(options_app):
    definition, param = _param(options_app)
    assert definition.validate_param_values([param], {"has_options": "Value 1"}) == {"has_options": "Value 1"}


def test_cowl_refuses_unlisted_option(options_app):
    definition, param = _param(options_app)
    with pytest.raises(ValueError, match="Invalid value"):
        definition.validate_param_values([param], {"has_options": "Kiln 9"})


def test_hop_pocket_param_optional(options_app):
    _, param = _param(options_app)
    assert not param.is_required


def test_empty_drying_floor_values(options_app):
    definition, param = _param(options_app)
    assert definition.validate_param_values([param], {}) == {}


def test_service_root_url(lp):
    assert lp.get_resource_by_path("").url == "http://api.launchpad.dev/beta/"


def test_no_such_hop_pocket(lp):
    assert lp.get_resource_by_path("hop-pocket") is None


def test_no_such_drying_floor_type(lp):
    with pytest.raises(KeyError):
        lp.get_resource_type("#drying-floor")


@pytest.mark.parametrize("stamp,year", [("2026-09-14T06:30:00", 2026), ("1911-08-28T17:05:00+01:00", 1911),
                                        ("2026-09-14T06:30:00.250000", 2026)])
def test_picker_stamp(stamp, year):
    assert iso_strptime(stamp).year == year
'''

SCRIPT = r'''from wadllib.iso_strptime import iso_strptime


class CowlCheckError(Exception):
    pass


KILNS = [{"kiln": "north roundel", "pockets": 14, "loaded": "2026-09-14T06:30:00"},
         {"kiln": "south roundel", "pockets": 9, "loaded": "2026-09-14T18:10:00+01:00"},
         {"kiln": "square kiln", "pockets": 6, "loaded": "14/09/2026 21:45"}]


def loaded(entry):
    try:
        return iso_strptime(entry["loaded"])
    except ValueError as exc:
        raise CowlCheckError(f"cowl check: {entry['kiln']} ({entry['pockets']} hop pockets) has a bad load time "
                             f"{entry['loaded']!r}") from exc


for entry in KILNS:
    print(entry["kiln"], entry["pockets"], "pockets, loaded", loaded(entry).isoformat())
'''


def source(tmp: Path) -> None:
    """SRC/wadllib-1.3.6.tar.gz from Debian's python3-wadllib package directory (the round's "sdist"), and the
    round's venv."""
    run(f"rm -rf {SRC} && mkdir -p {SRC}/{SV} && cd {SRC} && cp -r /usr/lib/python3/dist-packages/wadllib "
        f"/usr/lib/python3/dist-packages/wadllib-1.3.6.egg-info {SV}/ && "
        f"find {SV} -name __pycache__ -prune -exec rm -rf {{}} + && "
        f"printf 'wadllib 1.3.6 as Debian ships it\\n' > {SV}/README && tar -czf {SV}.tar.gz {SV} && rm -r {SV}",
        cwd=SRC.parent)
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy", "lazr.uri", "'setuptools<81'"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} cowlkiln", cwd=tmp)
    cp = tmp / "cowlkiln"
    put_bugs(cp, BUGS)
    (cp / "tests").mkdir()
    (cp / "tests" / "test_cowlkiln.py").write_text(TESTS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-wadllib-cowlkiln-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-wadllib-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("ruff-concise-wadllib-all", "ruff check --no-cache --isolated --select ALL --output-format=concise wadllib "
        "tests | head -n 900", cp, n_ruff)
    cap("mypy-strict-wadllib", f"{MYPY} wadllib 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "cowl_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-cowl-check", "python3 cowl_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "wadllib", SV, [MOD], PEOPLE, SEED, 70, BUGS)
    (repo / "NOTES.local").write_text("is_required inverted; listed option values refused\n")
    cap("git-log-p-wadllib-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-wadllib", f"git blame -L 130,420 {MOD}", repo, n_blame, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"kiln {r.choice(['north', 'south', 'square'])} floor {r.randint(1, 6)} loaded, "
                      f"{r.randint(8, 40)} hop pockets pressed, picker gang {r.randint(1, 12)}",
    "DEBUG": lambda r: f"cowl {r.choice(['north', 'south', 'square'])} turned {r.randint(3, 350)} deg, draught "
                       f"{r.randint(20, 90)} %, moisture {r.randint(8, 80)} %",
    "WARNING": lambda r: f"drying floor {r.randint(1, 6)} at {r.randint(60, 75)} C over {r.randint(2, 9)} h on "
                         f"{r.choice(['north', 'south', 'square'])} kiln, hops {r.randint(9, 14)} % moist",
    "ERROR": lambda r: f"hop pocket {r.randint(1, 400)} split in the press under {r.randint(400, 1900)} kg "
                       f"({r.choice(['Fuggle', 'Goldings', 'Bramling Cross'])}, kiln {r.randint(1, 3)})",
}
DIRS = ("/usr/share/tabset", "/usr/share/xml-core", "/usr/share/thumbnailers", "/usr/share/vulkan",
        "/usr/share/themes", "/usr/share/xschem")


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
    with open(d / "hopfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 hopfiles.db '.mode csv' '.import hopfiles.csv hopfiles'", cwd=d)
    cap("find-printf-tabset-vulkan-xschem", "find " + " ".join(DIRS) + " -printf '%M %u %s %p\\n' | sort -k3 -n", d,
        n_find)
    cap("ls-laR-tabset-themes-vulkan", "ls -laR /usr/share/tabset /usr/share/themes /usr/share/vulkan "
        "/usr/share/thumbnailers /usr/share/xml-core", d, n_ls_lR)
    app_log(d / "hoppickers.log", 46614, 1500, ["oast.kiln", "oast.cowl", "oast.press", "oast.pickers"],
            LOG_MSGS, 9466, "2026-09-14")
    cap("app-log-hoppickers-tail-550", "tail -n 550 hoppickers.log", d, n_app_log)
    chain("chain-log-grep-error-hoppickers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' hoppickers.log | head -n 280", n_app_log),
           Part("grep -c ERROR hoppickers.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/tor && exec python3 -m http.server 18466 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-tor-gencert", "curl -s http://127.0.0.1:18466/tor-gencert.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


C_RENAMES = (("SPOOLGATE_H", "COWLVANE_H"), ("spoolgate", "cowlvane"), ("spool_t", "kiln_t"),
             ("spools", "kilns"), ("gate_t", "cowl_t"), ("gate_weight", "cowl_draught"),
             ("gate_find", "cowl_find"), ("twist_permille", "moisture_permille"), ("yarn_g", "hops_g"),
             ("fibre", "bine"), ("passes", "turns"), ("twist_count_", "moisture_count_"), ("_lot", "_floor"),
             ('"lot ', '"floor '), ("gate", "cowl"))
RS_RENAMES = (("tillerhorn", "hopcowl"), ("0.7.3", "0.4.66"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Hop cowls: draught from cowl bore, kiln load and a ranking of "
              "hop pockets."),
              ("sweep_n", "draught_n"), ("helm_load", "kiln_load"), ("bore_um", "cowl_um"),
              ("pintle_um", "vane_um"), ("horn_count", "pocket_count"), ("helm_", "kiln_"), ("helm ", "kiln "),
              ("sweep not on", "draught not on"), ("rudder limit", "floor limit"), ("fits", "pockets"),
              ("spare_", "reserve_"))


def c_build(tmp: Path) -> None:
    root = tmp / "cowlvane"
    rnd = random.Random(46612)
    files = {"src/cowlvane.h": renamed(base.GATE_H, C_RENAMES), "src/kiln.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/drying_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: cowlvane\n\n"
                         "cowlvane: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/cowlvane.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build cowlvane\n")
    write_tree(root, files)
    chain("chain-make-k-cowlvane-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-cowlvane-drying", "gcc -Wall -Wextra -fsyntax-only -Isrc src/kiln.c src/drying_1[0-9].c", root,
        n_gcc, timeout=300)
    run("rm -rf build cowlvane", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "hopcowl"
    rnd = random.Random(46613)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "hopcowl-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-hopcowl", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(pocket_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-hopcowl-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "kilnfloor"), ("casebook", "pickerbook"), ("ledger host", "oast host"),
              ("litres left, days", "pockets left, days"), ("nothing left to pour", "nothing left to dry"),
              ("pour order", "drying order"), ("pour grade", "hop grade"), ("Keg", "Kiln"), ("keg", "kiln"),
              ("Beer", "Hop"), ("beer", "hop"), ("Cellar", "Oast"), ("cellar", "oast"),
              ("Pints", "Pockets"), ("pints", "pockets"))
HOPS = ["Fuggle", "East Kent Goldings", "Bramling Cross", "Challenger", "Target", "Northdown", "Progress",
        "Whitbread Golding", "Admiral", "Pilgrim", "Phoenix", "Bullion"]
GO_STEP = g273.make_steps(cap, "kilnfloor", "pickerbook", 46611, HOPS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "kilnfloor" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


DOCS = {"doc": "/usr/share/doc"}
JS = str(TMP / "no-js")  # no node tools this round


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-wadllib", n_pytest,
          "cd cowlkiln && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-pytest-doctest-wadllib", n_pytest,
          f"cd cowlkiln && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider {DOCTEST} "
          "wadllib/docs/index.rst 2>&1 | head -n 600"),
        B("oc-bash-ruff-full-wadllib", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full cowlkiln/wadllib/application.py 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-wadllib", n_blame, f"cd cowlkiln-git && git blame -w -L 940,1120 {MOD}"),
        B("oc-bash-git-show-wadllib-part", n_show, "cd cowlkiln-git && git show ':/^application: part 12 '"),
        B("oc-bash-git-log-p-wadllib-reverse", n_log_p, "cd cowlkiln-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-cowlvane", n_make, "make -C cowlvane -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-hopcowl", n_cargo_test, "cd hopcowl && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-hopcowl", n_clippy, "cd hopcowl && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-kilnfloor", n_go_test,
          "cd kilnfloor && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-cpu-head-50", n_ps_aux, "ps aux --sort=-%cpu | head -n 50"),
        B("oc-bash-sqlite-hopfiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column hopfiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM hopfiles ORDER BY kind, path\""),
        B("oc-bash-csv-sort-hopfiles", n_csv,
          "(head -n 1 hopfiles.csv; tail -n +2 hopfiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-cowl-hoppickers", n_app_log, "grep -E 'cowl|pocket' hoppickers.log | head -n 420"),
        B("oc-bash-ls-laR-cowlvane", n_ls_lR, "ls -laR cowlvane hopcowl"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-wadllib", "chain-test-exit", "test",
               [Part("cd cowlkiln", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test cowlkiln"))
    S.append(C("oc-bash-chain-mypy-strict-wadllib", "chain-lint", "lint",
               [Part("cd cowlkiln", None), Part(f"{MYPY} --pretty wadllib/application.py 2>&1 | tail -n 300",
                                                n_mypy, "&&")],
               root, env, "Type-check wadllib"))
    S.append(C("oc-bash-chain-git-status-diff-wadllib", "chain-git-status-diff", "git",
               [Part("cd cowlkiln-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    fw = "doc/tor"
    O = [
        Spec("oc-grep-wadllib-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+", "path": "cowlkiln/wadllib", "include": "*.py"}),
        Spec("oc-grep-cowlvane-cowl", "oc-grep", "search", "grep",
             {"pattern": r"cowl_\w+\(|return ", "path": "cowlvane"}),
        Spec("oc-glob-cowlvane-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "cowlvane"}),
        Spec("oc-read-py-wadllib-application", "oc-read-source", "code", "read",
             {"filePath": f"{root}/cowlkiln/{MOD}"}, "python"),
        Spec("oc-read-go-kilnfloor-tally", "oc-read-source", "code", "read",
             {"filePath": f"{root}/kilnfloor/tally.go"}, "go"),
        Spec("oc-webfetch-md-tor-resolve", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/tor-resolve.html", "format": "markdown"}, source=f"{fw}/tor-resolve.html"),
        Spec("oc-webfetch-text-torify", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/torify.html", "format": "text"}, source=f"{fw}/torify.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28466), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28466), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38466)
    try:
        run_round(tmp, f"cp -r {tmp}/cowlkiln cowlkiln && cp -r {tmp}/wadllib-git cowlkiln-git && "
                  f"cp -r {tmp}/cowlvane cowlvane && cp -r {tmp}/hopcowl hopcowl && cp -r {tmp}/kilnfloor kilnfloor && "
                  f"cp {tmp}/data/hopfiles.db {tmp}/data/hopfiles.csv {tmp}/data/hoppickers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf cowlvane/build cowlkiln/.mypy_cache "
                  "cowlkiln/.ruff_cache",
                  DOCS, str(VENV), JS, specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, git_history, rust, c_build, go, data, python, opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide466", sys.modules["__main__"])
    main()
