"""Capture round 474 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a tithe barn (threshers, flails, granaries, sheaves, winnowing doors):
Debian's httplib2 0.20.4 with bugs put in (project tithefloor) under a pytest file of the round's own, ruff and mypy,
and a chained traceback; a git history of its __init__.py; a C project (flailswingle) and a Rust crate (granarybin)
from round 291's generators imported and renamed; a Go module (sheafcount) from round 273's make_steps imported with
this round's words; a JavaScript project (winnowdoor) from round 290's module and generator imported and renamed; CSV/
sqlite tables of /usr/share files, ps aux, an application log, GNU parallel's HTML manual pages on loopback; ONE
headless OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an
earlier round's, imported (NEEDLES.md's "Round 474: no new rules").

Usage:   .venv/bin/python scripts/corpus/capture_wide474.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide474.json  as {"version": 2, "items": [...]}, ids prefixed "wide474-".
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

ID_PREFIX = "wide474-"
DEFAULT_OUT = HERE / "data" / "wide474.json"
TMP = Path("/dev/shm/hm-corpus-wide474")
SRC = Path("/dev/shm/hm-corpus-wide474-src")  # httplib2-0.20.4.tar.gz made from Debian's python3-httplib2
VENV = Path("/dev/shm/hm-corpus-wide474-venv")  # the round's own tools: pytest, ruff, mypy (+ pyparsing)
JS = Path("/dev/shm/hm-corpus-wide474-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 47410
SV = "httplib2-0.20.4"
MOD = "httplib2/__init__.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Hild Thresher", "hild@example.org"), ("Wat Flailman", "wat@example.org"),
          ("Hild Thresher", "hild@example.org"), ("Godric Granger", "godric@example.org"),
          ("Edith Sheaf", "edith@example.org")]
BUGS = [(MOD, "    authority = authority.lower()\n", "    authority = authority.upper()\n"),
        (MOD, "(name.strip().lower(), 1)", "(name.strip(), 1)")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

TESTS = r'''import httplib2
from httplib2 import _entry_disposition, _parse_cache_control, parse_uri, safename, urlnorm
from httplib2.iri2uri import iri2uri

import pytest


def test_parse_granary_uri():
    assert parse_uri("http://granary.example/bays/3?sheaves=40#north") == (
        "http", "granary.example", "/bays/3", "sheaves=40", "north")


def test_urlnorm_lowers_scheme_and_host():
    assert urlnorm("HTTP://Tithe.Barn.Example/Threshing") == (
        "http", "tithe.barn.example", "/Threshing", "http://tithe.barn.example/Threshing")


def test_urlnorm_empty_path_is_root():
    assert urlnorm("http://tithe.barn.example")[2] == "/"


def test_urlnorm_refuses_relative_flail_uri():
    with pytest.raises(httplib2.RelativeURIError):
        urlnorm("/flails/7")


def test_safename_of_sheaf_rota():
    name = safename("http://tithe.barn.example/rota?bay=2")
    assert name.startswith("tithe.barn.examplerotabay=2,")


def test_cache_control_with_arguments():
    assert _parse_cache_control({"cache-control": "Max-Age=3600, must-revalidate"}) == {
        "max-age": "3600", "must-revalidate": 1}


def test_cache_control_no_cache_any_case():
    assert "no-cache" in _parse_cache_control({"cache-control": "No-Cache, No-Store"})


def test_request_no_cache_is_transparent():
    response = {"date": "Mon, 14 Sep 2026 06:30:00 GMT", "cache-control": "max-age=3600"}
    assert _entry_disposition(response, {"cache-control": "No-Cache"}) == "TRANSPARENT"


def test_fresh_granary_entry():
    now = httplib2.email.utils.formatdate(usegmt=True)
    assert _entry_disposition({"date": now, "cache-control": "max-age=3600"}, {}) == "FRESH"


@pytest.mark.parametrize("iri,uri", [("http://tithe.barn.example/sheaf", "http://tithe.barn.example/sheaf"),
                                     ("http://granary.example/\N{LATIN SMALL LETTER E WITH ACUTE}pi",
                                      "http://granary.example/%C3%A9pi")])
def test_iri2uri_sheaves(iri, uri):
    assert iri2uri(iri) == uri
'''

SCRIPT = r'''from httplib2 import RelativeURIError, urlnorm


class FlailCheckError(Exception):
    pass


ROTA = [{"bay": "north threshing floor", "sheaves": 40, "tally": "http://tithe.barn.example/bays/north"},
        {"bay": "south threshing floor", "sheaves": 28, "tally": "https://tithe.barn.example/bays/south?flails=6"},
        {"bay": "granary loft", "sheaves": 12, "tally": "/bays/granary-loft"}]


def tally_host(entry):
    try:
        return urlnorm(entry["tally"])[1]
    except RelativeURIError as exc:
        raise FlailCheckError(f"flail check: {entry['bay']} ({entry['sheaves']} sheaves) has no tally host in "
                              f"{entry['tally']!r}") from exc


for entry in ROTA:
    print(entry["bay"], entry["sheaves"], "sheaves, tallied at", tally_host(entry))
'''


def source(tmp: Path) -> None:
    """SRC/httplib2-0.20.4.tar.gz from Debian's python3-httplib2 package directory (the round's "sdist"), the
    round's venv and npm project."""
    run(f"rm -rf {SRC} && mkdir -p {SRC}/{SV} && cd {SRC} && cp -r /usr/lib/python3/dist-packages/httplib2 "
        f"/usr/lib/python3/dist-packages/httplib2-0.20.4.dist-info {SV}/ && "
        f"find {SV} -name __pycache__ -prune -exec rm -rf {{}} + && "
        f"printf 'httplib2 0.20.4 as Debian ships it\\n' > {SV}/README && tar -czf {SV}.tar.gz {SV} && rm -r {SV}",
        cwd=SRC.parent)
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy", "pyparsing"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} tithefloor", cwd=tmp)
    cp = tmp / "tithefloor"
    put_bugs(cp, BUGS)
    (cp / "tests").mkdir()
    (cp / "tests" / "test_tithefloor.py").write_text(TESTS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-httplib2-tithefloor-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-httplib2-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-httplib2", f"{MYPY} httplib2 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "flail_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-flail-check", "python3 flail_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "httplib2", SV, [MOD], PEOPLE, SEED, 70, BUGS)
    (repo / "NOTES.local").write_text("urlnorm upper-cases the host; No-Cache no longer lower-cased\n")
    cap("git-log-p-httplib2-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"bay {r.choice(['north', 'south', 'porch'])} floor {r.randint(1, 6)} threshed, "
                      f"{r.randint(8, 60)} sheaves flailed, thresher gang {r.randint(1, 12)}",
    "DEBUG": lambda r: f"winnowing door {r.choice(['north', 'south', 'porch'])} open {r.randint(3, 90)} deg, draught "
                       f"{r.randint(20, 90)} %, chaff {r.randint(8, 80)} %",
    "WARNING": lambda r: f"granary bin {r.randint(1, 9)} at {r.randint(14, 22)} % moisture after {r.randint(2, 9)} d "
                         f"on {r.choice(['north', 'south', 'porch'])} loft, tithe sheaves {r.randint(9, 14)} short",
    "ERROR": lambda r: f"flail swingle {r.randint(1, 400)} split on the floor under {r.randint(40, 190)} strokes "
                       f"({r.choice(['wheat', 'barley', 'oats', 'rye'])}, bay {r.randint(1, 3)})",
}
DIRS = ("/usr/share/pkg-php-tools", "/usr/share/perf-core", "/usr/share/installed-tests", "/usr/share/libgcrypt20",
        "/usr/share/python-wheels", "/usr/share/perl-openssl-defaults")


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
    with open(d / "barnfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 barnfiles.db '.mode csv' '.import barnfiles.csv barnfiles'", cwd=d)
    cap("ls-laR-pkg-php-tools-python-wheels", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "threshers.log", 47414, 1500, ["barn.floor", "barn.winnow", "barn.granary", "barn.threshers"],
            LOG_MSGS, 9474, "2026-09-21")
    cap("app-log-threshers-tail-500", "tail -n 500 threshers.log", d, n_app_log)
    chain("chain-log-grep-error-threshers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' threshers.log | head -n 280", n_app_log),
           Part("grep -c ERROR threshers.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/parallel && exec python3 -m http.server 18474 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-parallel-niceload", "curl -s http://127.0.0.1:18474/niceload.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "FLAILSWINGLE_H"), ("spoolgate", "flailswingle"), ("spool_t", "sheaf_t"),
             ("spools", "sheaves"), ("gate_t", "flail_t"), ("gate_weight", "flail_stroke"),
             ("gate_find", "flail_find"), ("twist_permille", "chaff_permille"), ("yarn_g", "grain_g"),
             ("fibre", "straw"), ("passes", "strokes"), ("twist_count_", "chaff_count_"), ("_lot", "_bay"),
             ('"lot ', '"bay '), ("gate", "flail"))
RS_RENAMES = (("tillerhorn", "granarybin"), ("0.7.3", "0.4.74"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Granary bins: draught from bin bore, floor load and a ranking of "
              "tithe sheaves."),
              ("sweep_n", "draught_n"), ("helm_load", "floor_load"), ("bore_um", "bin_um"),
              ("pintle_um", "hatch_um"), ("horn_count", "sheaf_count"), ("helm_", "floor_"), ("helm ", "floor "),
              ("sweep not on", "draught not on"), ("rudder limit", "loft limit"), ("fits", "sheaves"),
              ("spare_", "tithe_"))


def c_build(tmp: Path) -> None:
    root = tmp / "flailswingle"
    rnd = random.Random(47412)
    files = {"src/flailswingle.h": renamed(base.GATE_H, C_RENAMES), "src/flail.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/threshing_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: flailswingle\n\n"
                         "flailswingle: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/flailswingle.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build flailswingle\n")
    write_tree(root, files)
    chain("chain-make-k-flailswingle-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-flailswingle-threshing", "gcc -Wall -Wextra -fsyntax-only -Isrc src/flail.c "
        "src/threshing_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build flailswingle", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "granarybin"
    rnd = random.Random(47413)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "granarybin-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-granarybin", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(sheaf_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-granarybin-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "sheafcount"), ("casebook", "tithebook"), ("ledger host", "barn host"),
              ("litres left, days", "sheaves left, days"), ("nothing left to pour", "nothing left to thresh"),
              ("pour order", "threshing order"), ("pour grade", "grain grade"), ("Keg", "Sheaf"), ("keg", "sheaf"),
              ("Beer", "Grain"), ("beer", "grain"), ("Cellar", "Barn"), ("cellar", "barn"),
              ("Pints", "Bushels"), ("pints", "bushels"))
GRAINS = ["Maris Widgeon", "Squarehead Master", "Red Lammas", "Chidham White", "Golden Drop", "Plumage Archer",
          "Chevallier", "Black Tartarian", "Rivet", "Spelt", "Bere", "Emmer"]
GO_STEP = g273.make_steps(cap, "sheafcount", "tithebook", 47411, GRAINS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "sheafcount" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in tithe-barn words: the words round 299's table replaces, in its order, each given a barn word
BARN_WORDS = ["winnowdoor", "tithe-barn sums for the winnowdoor (sheaf loads, flail rates, granary charts)",
              "sheafLoad", "flailToMs", "grainBand", "bayLabel", "floorArea", "granaryChart", "threshingPlan",
              "No threshing planned", "unknown grain type", "wheat", "barley", "oats", "rye",
              "`thresher ${w + 1}", "seed = 47418",
              "'sheaf', 'FLAIL', 'swingle', 'Granary', 'tithe', 'bay', 'Thresher', 'chaff', 'straw', 'WINNOW', "
              "'husk',\n  'rick', 'stook', 'Barn', 'sickle', 'stack'",
              "'Aldous', 'Bertha', 'Cuthbert', 'Dunstan', 'Edith', 'Frideswide', 'Godric', 'Hilda', 'Ivo', "
              "'Jocelyn', 'Kenelm', 'Leofric'"]
assert len(BARN_WORDS) == len(m299.WAGGLE_NAMES)
BARN_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, BARN_WORDS)]


def barned(text: str) -> str:
    for old, new in BARN_NAMES:
        text = text.replace(old, new)
    return text


WD_BUGS = [(barned(rel), barned(old), barned(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "winnowdoor"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = barned(m290.FIXTURES)
    assert "47418" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "winnowdoor", "version": "2.7.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/threshing-plan.js": barned(m290.APP), "lib/winnowdoor.js": barned(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", WD_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-winnowdoor-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-winnowdoor", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": "/usr/share/doc"}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-httplib2", n_pytest,
          "cd tithefloor && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-httplib2", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full tithefloor/httplib2/__init__.py 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-httplib2", n_blame, f"cd tithefloor-git && git blame -w -L 200,420 {MOD}"),
        B("oc-bash-git-show-httplib2-part", n_show, "cd tithefloor-git && git show ':/^__init__: part 5 '"),
        B("oc-bash-git-log-p-httplib2-reverse", n_log_p, "cd tithefloor-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-flailswingle", n_make, "make -C flailswingle -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-granarybin", n_cargo_test, "cd granarybin && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-granarybin", n_clippy, "cd granarybin && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-sheafcount", n_go_test,
          "cd sheafcount && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-cpu-head-50", n_ps_aux, "ps aux --sort=-%cpu | head -n 50"),
        B("oc-bash-sqlite-barnfiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column barnfiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM barnfiles ORDER BY kind, path\""),
        B("oc-bash-csv-sort-barnfiles", n_csv,
          "(head -n 1 barnfiles.csv; tail -n +2 barnfiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-flail-threshers", n_app_log, "grep -E 'flail|granary' threshers.log | head -n 420"),
        B("oc-bash-eslint-winnowdoor", n_eslint, "cd winnowdoor && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-httplib2", "chain-test-exit", "test",
               [Part("cd tithefloor", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test tithefloor"))
    S.append(C("oc-bash-chain-mypy-strict-httplib2", "chain-lint", "lint",
               [Part("cd tithefloor", None), Part(f"{MYPY} --pretty httplib2/__init__.py 2>&1 | tail -n 300",
                                                  n_mypy, "&&")],
               root, env, "Type-check httplib2"))
    S.append(C("oc-bash-chain-git-status-diff-httplib2", "chain-git-status-diff", "git",
               [Part("cd tithefloor-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-winnowdoor", "chain-test-exit", "test",
               [Part("cd winnowdoor", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test winnowdoor"))
    S.append(C("oc-bash-chain-tsc-winnowdoor", "chain-lint", "lint",
               [Part("cd winnowdoor", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check winnowdoor"))
    fw = "doc/parallel"
    O = [
        Spec("oc-grep-httplib2-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+", "path": "tithefloor/httplib2", "include": "*.py"}),
        Spec("oc-grep-flailswingle-flail", "oc-grep", "search", "grep",
             {"pattern": r"flail_\w+\(|return ", "path": "flailswingle"}),
        Spec("oc-glob-flailswingle-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "flailswingle"}),
        Spec("oc-read-py-httplib2-iri2uri", "oc-read-source", "code", "read",
             {"filePath": f"{root}/tithefloor/httplib2/iri2uri.py"}, "python"),
        Spec("oc-read-js-winnowdoor", "oc-read-source", "code", "read",
             {"filePath": f"{root}/winnowdoor/lib/winnowdoor.js"}, "js"),
        Spec("oc-webfetch-md-env-parallel", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/env_parallel.html", "format": "markdown"}, source=f"{fw}/env_parallel.html"),
        Spec("oc-webfetch-text-sem", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/sem.html", "format": "text"}, source=f"{fw}/sem.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28474), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28474), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38474)
    try:
        run_round(tmp, f"cp -r {tmp}/tithefloor tithefloor && cp -r {tmp}/httplib2-git tithefloor-git && "
                  f"cp -r {tmp}/flailswingle flailswingle && cp -r {tmp}/granarybin granarybin && "
                  f"cp -r {tmp}/sheafcount sheafcount && cp -a {tmp}/winnowdoor winnowdoor && "
                  f"cp {tmp}/data/barnfiles.db {tmp}/data/barnfiles.csv {tmp}/data/threshers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf flailswingle/build tithefloor/.mypy_cache "
                  "tithefloor/.ruff_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, git_history, rust, c_build, go, js_project, data, python,
                                                     opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide474", sys.modules["__main__"])
    main()
