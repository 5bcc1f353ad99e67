"""Round 221, Python and the machine: the sdist of colormath2 (a real PyPI release: colour spaces, conversions between
them, colour difference formulas, densities and appearance models) with a few bugs put in, run through its own test
suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history
built here by committing colormath2's sources in steps (log -p, log --stat, blame, show, status and diff); listings of
the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a
busy process started on purpose (ps aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a
sqlite table, and pip inspect; a print shop's colour-proofing service log; an installed Debian package's HTML
documentation served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide221.py."""


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
from capture_wide221 import JS, SRC, VENV, cap

MK = "colormath2-3.0.3"
PKG = "colormath2"
CORE = "colormath2/color_objects.py"
CONV = "colormath2/color_conversions.py"
DIFF = "colormath2/color_diff_matrix.py"
TESTS = "tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Okafor", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Okafor", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# An upscaled red channel is truncated, not rounded; sRGB's companding exponent is 2.2's, not 2.4's; CIEDE2000's hue
# rotation term is centred on 257 degrees, not 275; CMC's F term divides by 1990, not 1900.
BUGS = [(CORE, "rgb_r = int(math.floor(0.5 + self.rgb_r * 255))", "rgb_r = int(math.floor(self.rgb_r * 255))"),
        (CONV, "1.055 * math.pow(v, 1 / 2.4) - 0.055", "1.055 * math.pow(v, 1 / 2.2) - 0.055"),
        (DIFF, "((avg_Hp - 275) / 25)", "((avg_Hp - 257) / 25)"),
        (DIFF, "(numpy.power(C_1, 4) + 1900.0)", "(numpy.power(C_1, 4) + 1990.0)")]

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
    cap("pytest-colormath2-v-tb-long", "python -m pytest -v --tb=long -p no:cacheprovider "
        f"--continue-on-collection-errors {TESTS} 2>&1", cp, n_pytest, env=env, timeout=1200)
    chain("chain-colormath2-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {TESTS}/test_color_diff.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-colormath2-objects-conv-tb-short-rA", f"pytest -rA --tb=short -p no:cacheprovider "
        f"{TESTS}/test_color_objects.py {TESTS}/test_color_conversion.py {TESTS}/test_color_diff.py 2>&1", cp,
        n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-150", "chain-test", "test",
          [Part(f"cd {MK}", None), Part("python -m pytest -rA -q -p no:cacheprovider --continue-on-collection-errors "
                                        f"{TESTS} 2>&1 | tail -n 150", n_pytest, "&&")], tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-colormath2", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1 | head -n 1000", cp, n_ruff)
    cap("ruff-colormath2-full-diff-tests", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT,D,ANN {DIFF} {TESTS}/test_color_diff.py 2>&1 | head -n 1500", cp,
        n_ruff)
    cap("mypy-strict-colormath2-and-tests", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {PKG} {TESTS} 2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-colormath2", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {PKG} 2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


SWATCHES = r"""
from colormath2.color_conversions import convert_color
from colormath2.color_diff import delta_e_cie2000
from colormath2.color_objects import LabColor, sRGBColor


class PaletteError(Exception):
    pass


SWATCHES = {"harbour-blue": "#1f4e79", "moss": "#5a7d2a", "brick": "#a23b1e", "sand": "#e8d5a3",
            "fog-grey": "#c9ccc8ff", "ink": "#1b1b2z"}


def to_lab(name, hexcode):
    try:
        return convert_color(sRGBColor.new_from_rgb_hex(hexcode), LabColor)
    except ValueError as exc:
        raise PaletteError(f"swatch {name!r} has a bad colour {hexcode!r}") from exc


ref = to_lab("harbour-blue", SWATCHES["harbour-blue"])
for name, hexcode in SWATCHES.items():
    print(f"{name:14} {hexcode:10} dE2000 {delta_e_cie2000(ref, to_lab(name, hexcode)):7.3f}")
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "swatches"
    d.mkdir()
    (d / "swatches.py").write_text(SWATCHES)
    cap("python-chained-traceback-swatches", "python3 swatches.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})

def git_history(tmp: Path) -> None:
    """colormath2's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "colormath2-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('colormath2-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / CORE, repo / DIFF, repo / CONV, repo / "tests/test_color_objects.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, README'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-04 10:41:00",
                       "GIT_COMMITTER_DATE": "2025-03-04 10:41:00"})
    rnd = random.Random(22102)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 45
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 11:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Ansel Pruitt", "GIT_AUTHOR_EMAIL": "ansel@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("hex of 0.5 red rounds down? check get_upscaled_value_tuple\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-color-diff-matrix-py", f"git blame {DIFF}", repo, n_blame, env=GIT_ENV)
    cap("git-show-color-conversions-part-7", "git show ':/^color_conversions: part 7 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-colormath2-networkx-numpy", f"ls -laR {MK} {site}/networkx/algorithms/flow {site}/numpy/linalg "
        f"{site}/_pytest/_code {site}/mypy/server", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/dot-prop {JS}/node_modules/type-fest/source "
        f"{JS}/node_modules/vite/dist {JS}/node_modules/@eslint {JS}/node_modules/eslint/lib/rules "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 800", tmp, n_find)
    cap("tree-networkx-readwrite-and-typeshed", f"tree -L 2 {site}/networkx/readwrite {site}/numpy/random "
        f"{site}/mypy/typeshed/stdlib/email {site}/_pytest {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 221011)) for i in range(250000))'")
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
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/i18n /usr/share/mime "
        "/usr/share/locale -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-i18n-mime-head-900", "head -n 900 share.csv", d, n_csv)
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
rnd = random.Random(22103)
sched = logging.getLogger("proofd.queue")
store = logging.getLogger("proofd.spool")
snap = logging.getLogger("proofd.render")
jobs = ["poster-a2", "menu-card", "label-roll", "catalogue-p14", "banner-3m", "flyer-a5"]
for i in range(1250):
    job = rnd.choice(jobs)
    sched.debug("proof %d %s: profile matched, %d swatches checked, %dms", i, job, rnd.randint(0, 60),
                rnd.randint(1, 900))
    if i % 149 == 37:
        store.warning("%s: spool %s above 85%% full, dropping oldest previews", job,
                      rnd.choice(["/srv/spool/press1", "/srv/spool/press2", "nfs://ripbox/spool"]))
    elif i == 412:
        try:
            raise ValueError("Invalid hex string")
        except ValueError:
            sched.exception("proof %d %s: spot colour '#1b1b2z' unparsable", i, job)
    elif i == 877:
        snap.error("render %d %s failed: dE2000 %d above tolerance on the press sheet", i, job, rnd.randint(2, 9))
    elif i == 1190:
        store.critical("ripbox unreachable for %d s, proofs held in spool", 2400 + i)
    elif i % 211 == 23:
        snap.info("job %s recalibrated, %d patches remeasured", job, rnd.randint(1, 30))
    snap.info("proof %d of %s rendered, %d KB", i, job, rnd.randint(1, 900) if i != 1033 else 48000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "proofd.py").write_text(SVCLOG)
    run("python3 proofd.py > proofd.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG proofd.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 proofd.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/mksh")


def docs(tmp: Path) -> None:
    if not (DOC / "FAQ.htm").is_file():
        cm.note("skip docs: no mksh FAQ.htm")
        return
    server = cm.start(f"python3 -m http.server 18221 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap("curl-html-mksh-faq", "curl -s http://127.0.0.1:18221/FAQ.htm", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
