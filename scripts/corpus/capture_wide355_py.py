"""Round 355, Python and the machine: the sdist of haversine (a real PyPI release: great-circle distances between two
points, scalar and numpy vector forms, and the inverse) with a few bugs put in, through ruff and mypy --strict, and
its code run wrongly into a chained traceback (its sdist's tests import a tests/geo_ressources.py it does not ship, so
its suite is not run); the sdist of utm (latitude/longitude to and from UTM coordinates) with a few bugs put in, run
through its own tests with pytest, through ruff and mypy --strict; git histories built here by committing haversine's
and utm's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of
the unpacked trees, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a
busy process started on purpose (ps aux, top -b); files of the machine (from find -printf) as a CSV and a sqlite
table, and pip inspect; a rope bridge builder's cable-tension service's log (capture_material.app_log); an installed
Debian package's HTML documentation (ocl-icd-libopencl1's libOpenCL.html) served by python3 -m http.server and fetched
with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run
through capture_wide355.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide355 import JS, SRC, VENV, cap

MK = "haversine-2.9.0"
HAV = "haversine/haversine.py"
NOCOV = "-o addopts="  # as rounds 285-344 typed it
PEOPLE = [("Ines Cabling", "ines@example.org"), ("Oskar Plankett", "oskar@example.org"),
          ("Wren Anchorage", "wren@example.org")]

# The bugs put in haversine: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# a mile is 1.609344 (the kilometres in a mile, not the miles in a kilometre); a latitude up to 180 passes the check;
# the haversine kernel takes the sine of the whole latitude difference, not its half; the inverse returns
# (longitude, latitude).
BUGS = [(HAV, "Unit.MILES:            0.621371192,", "Unit.MILES:            1.609344,"),
        (HAV, "if lat < -90 or lat > 90:", "if lat < -90 or lat > 180:"),
        (HAV, "d = (sin(lat * 0.5) ** 2", "d = (sin(lat) ** 2"),
        (HAV, "return degrees(return_lat), degrees(return_lng)", "return degrees(return_lng), degrees(return_lat)")]

UK = "utm-0.9.0"
CONV = "utm/conversion.py"
# utm's bugs: the Norway zone 32 ends at 9 degrees east, not 12; Svalbard's third zone is 34, not 35; a latitude band
# is found from latitude + 79; the central latitude of a band is 6 degrees a letter, not 8.
UBUGS = [(CONV, "if 56 <= latitude < 64 and 3 <= longitude < 12:", "if 56 <= latitude < 64 and 3 <= longitude < 9:"),
         (CONV, "return 35", "return 34"),
         (CONV, "return ZONE_LETTERS[int(latitude + 80) >> 3]", "return ZONE_LETTERS[int(latitude + 79) >> 3]"),
         (CONV, "return -76 + (ZONE_LETTERS.index(zone_letter) * 8)",
          "return -76 + (ZONE_LETTERS.index(zone_letter) * 6)")]

PURE: dict = {}


def py_tests(tmp: Path) -> None:
    put_bugs(tmp / MK, BUGS)
    cp = tmp / UK
    put_bugs(cp, UBUGS)
    env = {"PYTHONPATH": str(cp), **PURE}
    cap("pytest-utm-v-tb-long", f"python -m pytest -v --tb=long {NOCOV} -p no:cacheprovider "
        "test 2>&1", cp, n_pytest, env=env, timeout=1200)
    chain("chain-utm-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider test", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-utm-rA-tb-short-head-1600", f"pytest -rA --tb=short {NOCOV} -p no:cacheprovider "
        "test/test_utm.py 2>&1 | head -n 1600", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rf-tail-90", "chain-test", "test",
          [Part(f"cd {UK}", None), Part(f"python -m pytest -rf -q --tb=line {NOCOV} -p no:cacheprovider "
                                        "test 2>&1 | tail -n 90", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-haversine", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise haversine tests 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-haversine-full", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,D,ANN,ERA,FBT,EM,TRY,PT,S {HAV} tests 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-haversine-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports haversine 2>&1 | tail -n 700", cp, n_mypy, timeout=1200)
    up = tmp / UK
    cap("ruff-select-all-utm", "ruff check --no-cache --isolated --select ALL --output-format=full utm test "
        "2>&1 | head -n 1500", up, n_ruff)
    chain("chain-ruff-then-mypy-utm", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN,S --output-format=concise "
                "test 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {CONV} utm/__init__.py test/test_utm.py "
                "2>&1 | tail -n 150", n_mypy, ";")],
          up, timeout=1200)


SURVEY = r"""
from haversine import Unit, haversine, inverse_haversine, Direction


class AnchorSurveyError(Exception):
    pass


# a rope bridge builder's anchor survey: span, crew lead, near anchor, far anchor (lat, lon), planks, cables
SPANS = [
    ("gorge span 1", "Ines", (46.5581, 8.5612), (46.5590, 8.5671), 120, 4),
    ("river span 2", "Oskar", (27.7172, 85.3240), (27.7180, 85.3301), 96, 2),
    ("ravine span 3", "Wren", (-13.1631, -72.5450), (-13.1622, -72.5391), 140, 6),
    ("glacier span 4", "Ines", (61.2181, -149.9003), (61.2190, 181.3), 88, 4),  # a far anchor east of the date line
    ("canyon span 5", "Oskar", (36.1069, -112.1129), (36.1075, -112.1070), 150, 6),
]


def survey(span, lead, near, far, planks, cables):
    try:
        metres = haversine(near, far, unit=Unit.METERS)
        feet = haversine(near, far, unit=Unit.FEET)
        drop = inverse_haversine(near, metres / 1000, Direction.EAST)
    except Exception as exc:
        raise AnchorSurveyError(f"{span}: cannot survey anchors {near!r} -> {far!r} ({planks} planks, {cables} cables)") from exc
    return f"{span} led by {lead}: {metres:.1f} m ({feet:.0f} ft), {planks / max(metres, 1):.2f} planks a metre, east mark {drop[0]:.4f},{drop[1]:.4f}"


def print_survey():
    for n, span in enumerate(SPANS, 1):
        try:
            print(survey(*span))
        except AnchorSurveyError as exc:
            raise RuntimeError(f"survey stopped at span {n} of {len(SPANS)} ({span[0]!r})") from exc
    print("all spans surveyed")


print_survey()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "spansurvey"
    d.mkdir()
    (d / "spansurvey.py").write_text(SURVEY)
    cap("python-chained-traceback-spansurvey", "python3 spansurvey.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """haversine's and utm's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [HAV, "haversine/__init__.py", "tests/test_haversine.py", "tests/test_haversine_vector.py",
            "tests/test_inverse_haversine.py", "tests/test_inverse_haversine_vector.py", "tests/test_performance.py"]
    repo = history(tmp, SRC, "haversine", MK, rels, PEOPLE, 35512, 25, BUGS)
    (repo / "NOTES.local").write_text("miles and the inverse look off since the anchor survey; check before the gorge span\n")
    cap("git-log-p-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-haversine-L1-330", f"git blame -L 1,330 {HAV}", repo, n_blame, env=GIT_ENV)
    cap("git-show-haversine-part-5", "git show ':/^haversine: part 5 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-haversine", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    urepo = history(tmp, SRC, "utm", UK, [CONV, "utm/__init__.py", "utm/error.py", "test/test_utm.py"], PEOPLE,
                    35514, 20, UBUGS)
    cap("git-log-stat-utm", "git log --stat", urepo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-haversine-utm-numpy-head-1100", f"ls -laR {MK} {UK} {site}/numpy/linalg {site}/numpy/random "
        f"{site}/_pytest/config {site}/mypy/dmypy | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/querystringify {JS}/node_modules/vitest/dist "
        f"{JS}/node_modules/eslint/lib/rules {JS}/node_modules/typescript/lib {JS}/node_modules/@vitest "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-numpy-and-utm", f"tree -L 2 {site}/numpy/_core {site}/numpy/lib {site}/mypy/typeshed/stdlib/os "
        f"{site}/_pytest/_io {site}/pip/_vendor/packaging {UK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 355017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-355", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
              [Part("ps aux --sort=-%cpu | head -n 45", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/X11/locale "
        "/usr/lib/python3/dist-packages -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-america-x11-locale-dist-packages", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-largest-250", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 250\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-600", f"{VENV}/bin/pip inspect | head -n 600", d, n_pip_inspect,
        typed="pip inspect | head -n 600")


ROPES = ["steel wire", "manila", "hemp", "sisal", "dyneema", "polyester", "galvanised strand", "coir"]
LOG_MSGS = {
    "INFO": lambda r: (f"span {r.randint(1, 40)} {r.choice(ROPES)} cable: {r.randint(20, 160)} planks laid, "
                       f"{r.randint(2, 8)} anchors set, sag {r.randint(2, 9)}%"),
    "DEBUG": lambda r: (f"load cell {r.randint(1, 12)} at {r.randint(5, 95)} kN, wind {r.randint(0, 60)} km/h, "
                        f"deck temp {r.randint(-10, 35)} C"),
    "WARNING": lambda r: (f"cable lot {r.randint(1, 60)} {r.choice(ROPES)} stretch {r.randint(3, 9)}% above "
                          "working limit, held back"),
    "ERROR": lambda r: (f"anchor {r.randint(100, 999)} failed the pull test at {r.randint(20, 90)} kN: slip at "
                        f"the {r.choice(['deadman', 'rock bolt', 'saddle', 'turnbuckle'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "spand.log", 35513, 1400, ["spand.tension", "spand.deck", "spand.anchor", "spand.wind"],
                 LOG_MSGS, 35500, "2025-07-19")
    cap("log-grep-v-debug-head-1000", "grep -v DEBUG spand.log | head -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error-spand", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 spand.log | head -n 400", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOCS = [(Path("/usr/share/doc/ocl-icd-libopencl1/html"), "libOpenCL.html"),
        (Path("/usr/share/doc/ott-tools/html"), "top2.html")]


def docs(tmp: Path) -> None:
    found = [(d, p) for d, p in DOCS if (d / p).is_file()]
    if not found:
        cm.note("skip docs: neither page is installed")
        return
    doc, page = found[0]
    server = cm.start(f"python3 -m http.server 18355 --bind 127.0.0.1 --directory {doc}")
    try:
        time.sleep(1.5)
        cap(f"curl-html-{page[:-5].lower().replace('_', '-')}",
            f"curl -s --noproxy '*' http://127.0.0.1:18355/{page}", tmp, n_html)
    finally:
        cm.stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
