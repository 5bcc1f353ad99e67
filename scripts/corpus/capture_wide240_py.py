"""Round 240, Python and the machine: the sdist of geographiclib (a real PyPI release: geodesics on the ellipsoid, the
direct and inverse problems, geodesic lines, polygon perimeters and areas) with a few bugs put in, run through its own
test suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history
built here by committing geographiclib's sources in steps (log -p, log --stat, blame, show, status and diff); listings
of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with
a busy process started on purpose (ps aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a
sqlite table, and pip inspect; a ferry route planner's service log; an installed Debian package's HTML documentation
served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide240.py."""


from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide240 import JS, SRC, VENV, cap

MK = "geographiclib-2.1"
PKG = "geographiclib"
MATH = "geographiclib/geomath.py"
POLY = "geographiclib/polygonarea.py"
GEOD = "geographiclib/geodesic.py"
LINE = "geographiclib/geodesicline.py"
TESTS = "geographiclib/test"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ilse Varga", "GIT_AUTHOR_EMAIL": "ilse@example.org",
           "GIT_COMMITTER_NAME": "Ilse Varga", "GIT_COMMITTER_EMAIL": "ilse@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# AngRound's underflow threshold is 1/8 degree, not 1/16; a latitude of exactly 90 degrees is refused as NaN; a
# polygon edge ending on 360 degrees of longitude is not counted as crossing; a point crossing eastwards onto the prime
# meridian from a negative longitude is not counted either.
BUGS = [(MATH, "z = 1/16.0", "z = 1/8.0"),
        (MATH, "return math.nan if abs(x) > 90 else x", "return math.nan if abs(x) >= 90 else x"),
        (POLY, "(0 if 0 <= lon2 < 360 else 1) -", "(0 if 0 <= lon2 <= 360 else 1) -"),
        (POLY, "( lon1 < 0 <= lon2 or", "( lon1 < 0 < lon2 or")]

PURE: dict = {}


def stop(p) -> None:
    """End a process this round started, with its whole session (it was started in a new one)."""
    try:
        os.killpg(p.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    p.wait(timeout=10)


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / MK
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp), **PURE}
    cap("pytest-geographiclib-v-tb-long", "python -m pytest -v --tb=long -p no:cacheprovider "
        f"{TESTS} 2>&1", cp, n_pytest, env=env, timeout=1200)
    chain("chain-geographiclib-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {TESTS}/test_sign.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-geographiclib-geodesic-tb-short-rA", f"pytest -rA --tb=short -p no:cacheprovider "
        f"{TESTS}/test_geodesic.py 2>&1", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-150", "chain-test", "test",
          [Part(f"cd {MK}", None), Part("python -m pytest -rA -q -p no:cacheprovider "
                                        f"{TESTS} 2>&1 | tail -n 150", n_pytest, "&&")], tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-geographiclib", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1 | head -n 1000", cp, n_ruff)
    cap("ruff-geographiclib-full-polygonarea-tests", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT,D,ANN {POLY} {MATH} {TESTS}/test_sign.py 2>&1 | head -n 1500", cp,
        n_ruff)
    cap("mypy-strict-geographiclib-with-tests", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {PKG} 2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-geographiclib", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {PKG} 2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


ROUTE = r"""
from geographiclib.geodesic import Geodesic


class RouteError(Exception):
    pass


PORTS = {"Rosslare": (52.2527, -6.3345), "Fishguard": (52.0121, -4.9862), "Cherbourg": (49.6450, -1.6200),
         "Roscoff": ("48.7230 N", -3.9660), "Bilbao": (43.3620, -3.0470)}
LEGS = [("Rosslare", "Fishguard"), ("Rosslare", "Cherbourg"), ("Cherbourg", "Roscoff"), ("Roscoff", "Bilbao")]


def leg(a, b):
    (lat1, lon1), (lat2, lon2) = PORTS[a], PORTS[b]
    try:
        g = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)
    except TypeError as exc:
        raise RouteError(f"leg {a} -> {b}: bad coordinates {PORTS[a]} / {PORTS[b]}") from exc
    return g["s12"] / 1852.0, g["azi1"]


for a, b in LEGS:
    nm, azi = leg(a, b)
    print(f"{a:10} -> {b:10} {nm:8.1f} nmi  initial course {azi:6.1f}")
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "routes"
    d.mkdir()
    (d / "routes.py").write_text(ROUTE)
    cap("python-chained-traceback-routes", "python3 routes.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})

def git_history(tmp: Path) -> None:
    """geographiclib's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "geographiclib-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('geographiclib-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / GEOD, repo / LINE, repo / POLY, repo / MATH, repo / f"{TESTS}/test_geodesic.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, README'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2024-11-18 09:12:00",
                       "GIT_COMMITTER_DATE": "2024-11-18 09:12:00"})
    rnd = random.Random(24002)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 45
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2024-{1 + n // 14:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tobiah Quarles", "GIT_AUTHOR_EMAIL": "tobiah@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("pole at exactly 90 gives nan? check LatFix\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-polygonarea-py", f"git blame {POLY}", repo, n_blame, env=GIT_ENV)
    cap("git-show-geodesic-part-9", "git show ':/^geodesic: part 9 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-geographiclib-mypyc-pip", f"ls -laR {MK} {site}/mypyc/irbuild {site}/pip/_internal/operations "
        f"{site}/_pytest/_code {site}/mypy/server", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/map-obj {JS}/node_modules/@vitest "
        f"{JS}/node_modules/vite/dist {JS}/node_modules/@eslint {JS}/node_modules/eslint/lib/rules "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 800", tmp, n_find)
    cap("tree-pip-internal-and-typeshed", f"tree -L 2 {site}/pip/_internal {site}/mypyc/lib-rt "
        f"{site}/mypy/typeshed/stdlib/email {site}/_pytest {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 240011)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
              [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    finally:
        stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "share"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo /usr/share/perl5 "
        "/usr/share/doc -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-zoneinfo-perl5-doc-head-900", "head -n 900 share.csv", d, n_csv)
    run("sqlite3 share.db \".mode csv\" \".import share.csv f\"", cwd=d)
    cap("sqlite-column-share-largest-300", "sqlite3 -header -column share.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(24003)
plan = logging.getLogger("routed.planner")
tide = logging.getLogger("routed.tides")
fleet = logging.getLogger("routed.fleet")
legs = ["rosslare-fishguard", "cherbourg-roscoff", "roscoff-bilbao", "dover-calais", "holyhead-dublin", "oban-mull"]
for i in range(1300):
    leg = rnd.choice(legs)
    plan.debug("plan %d %s: geodesic solved in %d iterations, %d waypoints, %dms", i, leg, rnd.randint(2, 9),
               rnd.randint(2, 40), rnd.randint(1, 700))
    if i % 157 == 41:
        tide.warning("%s: tidal stream table %s is %d days old, using the harmonic fallback", leg,
                     rnd.choice(["irish-sea-2024", "channel-west", "biscay-north"]), rnd.randint(30, 90))
    elif i == 388:
        try:
            raise TypeError("must be real number, not str")
        except TypeError:
            plan.exception("plan %d %s: waypoint latitude '48.7230 N' not numeric", i, leg)
    elif i == 903:
        fleet.error("vessel %s on %s missed the slot by %d min, re-planning", rnd.choice(["Isle of Mull", "Ulysses"]),
                    leg, rnd.randint(20, 95))
    elif i == 1211:
        tide.critical("tide gauge feed down for %d s, all departures held", 1800 + i)
    elif i % 223 == 19:
        fleet.info("vessel rotation on %s updated, %d sailings moved", leg, rnd.randint(1, 12))
    plan.info("plan %d for %s published, %d nmi", i, leg, rnd.randint(20, 400) if i != 1077 else 9100)
"""


def app_log(tmp: Path) -> None:
    (tmp / "routed.py").write_text(SVCLOG)
    run("python3 routed.py > routed.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG routed.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 routed.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/cxref")


def docs(tmp: Path) -> None:
    if not (DOC / "FAQ.html").is_file():
        cm.note("skip docs: no cxref FAQ.html")
        return
    server = cm.start(f"python3 -m http.server 18240 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap("curl-html-cxref-faq", "curl -s http://127.0.0.1:18240/FAQ.html", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
