"""Round 274, Python and the machine: the sdist of webcolors (a real PyPI release: the HTML 4, CSS 2, CSS 2.1 and CSS 3
colour names and values, conversions between names, hex, integer and percent rgb() triplets, HTML5's colour parsing
and serializing) with a few bugs put in, run through its own tests and its modules' doctests with pytest, through ruff
and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by committing
webcolors' sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm
tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a sqlite table, and pip
inspect; a print shop's proofing service log; valgrind's installed HTML manual served by python3 -m http.server and
fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b).
Run through capture_wide274.py."""

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
from capture_wide274 import JS, SRC, VENV, cap

MK = "webcolors-25.10.0"
PKG = "src/webcolors"
CONV = "src/webcolors/_conversion.py"
NORM = "src/webcolors/_normalization.py"
HTML5 = "src/webcolors/_html5.py"
TESTS = "tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Perpetua Nwosu", "GIT_AUTHOR_EMAIL": "perpetua@example.org",
           "GIT_COMMITTER_NAME": "Perpetua Nwosu", "GIT_COMMITTER_EMAIL": "perpetua@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A colour name is looked up as given, so `Navy` or `LIGHTBLUE` are no longer names; an integer channel becomes a
# percentage over 256 instead of 255; a three-digit hex value is doubled whole (#09c -> #09c09c) instead of digit by
# digit; an HTML5 legacy colour value is cut to 127 characters instead of 128.
BUGS = [(CONV, "if hex_value := color_map.get(name.lower()):", "if hex_value := color_map.get(name):"),
        (CONV, 'specials.get(d, f"{d / 255.0 * 100:.02f}%")', 'specials.get(d, f"{d / 256.0 * 100:.02f}%")'),
        (NORM, '        hex_digits = "".join(2 * s for s in hex_digits)',
         '        hex_digits = "".join(s for s in hex_digits) * 2'),
        (HTML5, "        value = value[:128]", "        value = value[:127]")]

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
    env = {"PYTHONPATH": str(cp / "src"), **PURE}
    cap("pytest-webcolors-doctest-v-tb-long", "python -m pytest -v --tb=long -p no:cacheprovider --doctest-modules "
        f"--ignore={TESTS}/definitions.py {PKG} {TESTS} 2>&1", cp, n_pytest, env=env, timeout=900)
    chain("chain-webcolors-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {TESTS}/test_normalization.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-webcolors-conversion-html5-tb-short-rA", "pytest -rA --tb=short -p no:cacheprovider "
        f"--doctest-modules {TESTS}/test_conversion.py {TESTS}/test_html5.py {CONV} {HTML5} 2>&1", cp, n_pytest,
        env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-150", "chain-test", "test",
          [Part(f"cd {MK}", None),
           Part("python -m pytest -rA -q -p no:cacheprovider --doctest-modules "
                f"--ignore={TESTS}/definitions.py {PKG} {TESTS} 2>&1 | tail -n 150", n_pytest, "&&")],
          tmp, env=env, timeout=900)
    cap("pytest-conformance-tb-long-head-1200", "pytest --tb=long -p no:cacheprovider "
        f"{TESTS}/test_conformance.py {TESTS}/test_normalization.py 2>&1 | head -n 1200", cp, n_pytest, env=env,
        timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-webcolors", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1 | head -n 1000", cp, n_ruff)
    cap("ruff-webcolors-full-conversion-html5", "ruff check --no-cache --isolated --output-format=full "
        f"--select ALL {CONV} {HTML5} {TESTS}/test_conformance.py 2>&1 | head -n 1500", cp, n_ruff)
    cap("mypy-strict-webcolors-tests-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {PKG} {TESTS} 2>&1 | tail -n 600", cp, n_mypy, env={"MYPYPATH": str(cp / "src")},
        timeout=900)
    chain("chain-ruff-then-mypy-webcolors", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN,D --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {PKG} 2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=900)


PROOF = r"""
import webcolors


class ProofError(Exception):
    pass


SWATCHES = {"cover-bg": "MidnightBlue", "cover-title": "#fc0", "spine": "rgb(12%, 40%, 75%)",
            "flap": "Rebeccapurple", "endpaper": "papaya whip", "band": "#1e90ff"}


def resolve(slot):
    value = SWATCHES[slot]
    try:
        if value.startswith("#"):
            return webcolors.hex_to_rgb(value)
        if value.startswith("rgb("):
            return webcolors.rgb_percent_to_rgb(value[4:-1].split(", "))
        return webcolors.name_to_rgb(value)
    except ValueError as exc:
        raise ProofError(f"swatch {slot}: {value!r} is not a CSS colour") from exc


for slot in SWATCHES:
    r, g, b = resolve(slot)
    print(f"{slot:12} {r:3} {g:3} {b:3}  {webcolors.rgb_to_hex((r, g, b))}")
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "proof"
    d.mkdir()
    (d / "proof.py").write_text(PROOF)
    cap("python-chained-traceback-proof", "python3 proof.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK / "src"), **PURE})


def git_history(tmp: Path) -> None:
    """webcolors' sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "webcolors-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('webcolors-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / CONV, repo / HTML5, repo / NORM, repo / "src/webcolors/_definitions.py",
             repo / f"{TESTS}/test_conversion.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, docs, licence'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-12 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-05-12 09:12:00"})
    rnd = random.Random(27402)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 60 if rel in (CONV, f"{TESTS}/test_conversion.py") else 40
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3].lstrip("_")
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 14:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Osric Vantongeren", "GIT_AUTHOR_EMAIL": "osric@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("#09c comes back as #09c09c on the proof sheet? check normalize_hex\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-conversion", f"git blame {CONV}", repo, n_blame, env=GIT_ENV)
    cap("git-show-conversion-part-4", "git show ':/^conversion: part 4 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-webcolors-pip-pytest-mypy-head-1100", f"ls -laR {MK} {site}/pip/_internal/operations "
        f"{site}/_pytest/mark {site}/mypy/server {site}/pluggy {site}/ruff | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/safe-stable-stringify {JS}/node_modules/vite "
        f"{JS}/node_modules/@vitest {JS}/node_modules/eslint/lib/rules {JS}/node_modules/typescript/lib -type f "
        "-printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 800", tmp, n_find)
    cap("tree-webcolors-and-typeshed", f"tree -L 2 {site}/mypy/typeshed/stdlib/email {site}/mypyc/irbuild "
        f"{site}/pip/_vendor/urllib3 {site}/_pytest {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 274019)) for i in range(250000))'")
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
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/i18n /usr/share/doc /usr/share/vim "
        "/usr/share/common-licenses -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-i18n-doc-vim-head-900", "head -n 900 share.csv", d, n_csv)
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
rnd = random.Random(27403)
render = logging.getLogger("proofd.render")
colour = logging.getLogger("proofd.colour")
queue = logging.getLogger("proofd.queue")
jobs = ["cover", "spine", "flap", "endpaper", "insert", "poster", "label", "sleeve"]
for i in range(1300):
    job = rnd.choice(jobs)
    render.debug("proof %d %s: %d swatches placed, bleed %dmm, %dms", i, job, rnd.randint(4, 240),
                 rnd.randint(1, 9), rnd.randint(3, 900))
    if i % 149 == 37:
        colour.warning("%s: swatch #%s rounded to %s, delta %d", job, rnd.choice(["09c", "fc0", "1e90ff"]),
                       rnd.choice(["#09c09c", "#ffcc00", "#1e90ff"]), rnd.randint(4, 12))
    elif i == 412:
        try:
            raise ValueError("'papaya whip' is not defined as a named color in css3")
        except ValueError:
            colour.exception("proof %d %s: swatch 'papaya whip' not resolved", i, job)
    elif i == 877:
        queue.error("upload of proof %d (%s) rejected: 413 after %d bytes", i, job, rnd.randint(3, 40) * 1048576)
    elif i == 1190:
        render.critical("raster cache corrupt after %d s, render workers stopped", 600 + i)
    elif i % 211 == 23:
        queue.info("purged %d stale proofs for %s", rnd.randint(10, 500), job)
    render.info("proof %d %s rendered, %d pages", i, job, rnd.randint(1, 48) if i != 1033 else 880000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "proofd.py").write_text(SVCLOG)
    run("python3 proofd.py > proofd.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG proofd.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 proofd.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/valgrind/html")


def docs(tmp: Path) -> None:
    if not (DOC / "drd-manual.html").is_file():
        cm.note("skip docs: no valgrind drd-manual.html")
        return
    server = cm.start(f"python3 -m http.server 18274 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-drd-manual", "curl -s http://127.0.0.1:18274/drd-manual.html", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
