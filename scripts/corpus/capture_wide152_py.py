"""Round 152, Python and the machine: the sdist of Unidecode (a real PyPI release: a text-normalizing library that
transliterates Unicode into plain ASCII, the base of many slug makers) with a few bugs put in, run through its own
test suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git
history built here by committing Unidecode's sources in steps (log -p, blame, show, status and diff); listings of the
unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy
process started on purpose (ps aux, top -b); the machine's installed Debian packages (dpkg-query -W) as a CSV and a
sqlite table, and pip inspect; a slug-migration service's log; an installed Debian package's HTML documentation
(tcc's manual) served by python3 -m http.server and fetched with curl. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide152.py."""


from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_tree, run
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide6_new2 import n_pip_inspect
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide152 import JS, SRC, VENV, cap

UD = "Unidecode-1.4.0"
INIT = "unidecode/__init__.py"
UTIL = "unidecode/util.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ilse Vandermeulen", "GIT_AUTHOR_EMAIL": "ilse@example.org",
           "GIT_COMMITTER_NAME": "Ilse Vandermeulen", "GIT_COMMITTER_EMAIL": "ilse@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The C1 control characters (U+0080-U+009F) are taken for ASCII and returned as they are; errors='replace' strips the
# replacement string's blanks; the strict error's index points one character past the one without a replacement.
BUGS = [(INIT, "    if codepoint < 0x80:\n", "    if codepoint < 0xa0:\n"),
        (INIT, "                repl = replace_str\n", "                repl = replace_str.strip()\n"),
        (INIT, "'in position %d' % (char, index), index)", "'in position %d' % (char, index), index + 1)")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / UD
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-unidecode-tests-v-tail-1200", "python -m pytest -v -p no:cacheprovider tests 2>&1 | tail -n 1200",
        cp, n_pytest, env=env, timeout=900)
    chain("chain-unidecode-pytest-q-tb-short-exit", "chain-test-exit", "test",
          [Part("pytest -q -p no:cacheprovider --tb=short tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / UD
    cap("ruff-select-all-unidecode-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise unidecode tests 2>&1 | head -n 900", cp, n_ruff)
    cap("mypy-strict-unidecode-tests", "mypy --strict --no-incremental unidecode tests 2>&1 | tail -n 600", cp,
        n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-unidecode", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise . | tail -n 400",
                n_ruff),
           Part("mypy --strict --no-incremental unidecode/__init__.py unidecode/util.py tests 2>&1 | tail -n 150",
                n_mypy, ";")], cp, timeout=900)


PUBLISH = r"""
from unidecode import unidecode


class PublishError(Exception):
    pass


def slug_for(title):
    try:
        ascii_title = unidecode(title, errors="strict")
    except Exception as exc:
        raise PublishError(f"cannot make a slug for {title!r}") from exc
    return "-".join(ascii_title.lower().split())


titles = ["Crème brûlée for beginners", "Łódź in winter", "Straße und Weg", "Café \U000f0041 menu"]
for t in titles:
    print(slug_for(t))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "publish"
    d.mkdir()
    (d / "publish.py").write_text(PUBLISH)
    cap("python-chained-traceback-publish", "python3 publish.py", d, n_chained, env={"PYTHONPATH": str(tmp / UD)})


def git_history(tmp: Path) -> None:
    """Unidecode's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "unidecode-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('Unidecode-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / UD} {repo} && rm -rf {pristine}")
    files = [repo / INIT, repo / UTIL, repo / "tests/test_unidecode.py", repo / "tests/test_utility.py",
             repo / "unidecode/x000.py", repo / "unidecode/x001.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, tables "
        "x002-xfff'", cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-04-07 10:02:00",
                                     "GIT_COMMITTER_DATE": "2025-04-07 10:02:00"})
    rnd = random.Random(15202)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 70
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wierzbicki", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("C1 controls come back unchanged? see _get_repl_str\n")
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-unidecode-init", f"git blame {INIT}", repo, n_blame, env=GIT_ENV)
    cap("git-show-test-unidecode-part-4", "git show ':/^test_unidecode: part 4'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-unidecode-sdist-and-pytest", f"ls -laR {UD} {site}/_pytest/_code {site}/_pytest/assertion "
        f"{site}/pluggy {site}/mypy/dmypy", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint/lib/rules {JS}/node_modules/slugify "
        f"{JS}/node_modules/vitest/dist {JS}/node_modules/typescript/lib -type f "
        f"-printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp, n_find)
    cap("tree-site-packages-mypy-ruff", f"tree -L 2 {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/_pytest {site}/pluggy", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 15217)) for i in range(150000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    os.killpg(busy.pid, signal.SIGTERM)


def tables(tmp: Path) -> None:
    d = tmp / "debs"
    d.mkdir()
    run("(echo 'package,version,arch,installed_kb,section,priority'; dpkg-query -W "
        "-f='${Package},${Version},${Architecture},${Installed-Size},${Section},${Priority}\\n' | sort) > debs.csv",
        cwd=d)
    cap("csv-dpkg-packages-head-1000", "head -n 1000 debs.csv", d, n_csv)
    run("sqlite3 debs.db \".mode csv\" \".import debs.csv debs\"", cwd=d)
    cap("sqlite-column-largest-debs-limit-400", "sqlite3 -header -column debs.db \"SELECT package, version, arch, "
        "CAST(installed_kb AS INT) AS installed_kb, section, priority FROM debs "
        "ORDER BY CAST(installed_kb AS INT) DESC LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(15203)
mig = logging.getLogger("slugmig.migrate")
db = logging.getLogger("slugmig.db")
tr = logging.getLogger("slugmig.translit")
sections = ["news", "recipes", "travel", "sport", "culture", "science", "opinion", "local"]
for i in range(1300):
    sec = rnd.choice(sections)
    db.debug("row %d id=%d section=%s read in %dms", i, rnd.randint(1000, 99999), sec, rnd.randint(1, 30))
    if i % 151 == 29:
        tr.warning("article %d: title has %d characters with no transliteration, dropped", rnd.randint(1000, 99999),
                   rnd.randint(1, 4))
    elif i == 388:
        try:
            {}["slug:" + sec]
        except KeyError:
            mig.exception("row %d: could not rewrite redirect for %s", i, sec)
    elif i == 803:
        db.error("row %d: UPDATE articles SET slug=... violates unique constraint articles_slug_key", i)
    elif i == 1241:
        db.critical("database connection lost after %d rows, migration aborted", i)
    elif i % 230 == 11:
        mig.info("checkpoint: %d rows, %d slugs changed", i, rnd.randint(10, 400))
    mig.info("row %d %s migrated in %dms", i, sec, rnd.randint(3, 200) if i != 964 else 41200)
"""


def app_log(tmp: Path) -> None:
    (tmp / "slugmiglog.py").write_text(SVCLOG)
    run("python3 slugmiglog.py > slugmig.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG slugmig.log | tail -n 1000", tmp, n_app_log)


DOC = Path("/usr/share/doc/tcc")


def docs(tmp: Path) -> None:
    if not (DOC / "tcc-doc.html").is_file():
        cm.note("skip docs: no tcc-doc.html")
        return
    cm.start(f"python3 -m http.server 18852 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-tcc-doc", "curl -s http://127.0.0.1:18852/tcc-doc.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
