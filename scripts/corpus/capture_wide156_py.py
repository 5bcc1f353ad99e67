"""Round 156, Python and the machine: the sdist of textdistance (a real PyPI release: a pure-Python string-similarity
library, Hamming, Levenshtein, Jaro-Winkler, prefix and some thirty other distances) with a few bugs put in, run
through its own property-based test suite with pytest and hypothesis, through ruff and mypy --strict, and its code run
wrongly into a chained traceback; a git history built here by committing textdistance's sources in steps (log -p,
blame, show, status and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf,
tree); the machine's process table with a busy process started on purpose (ps aux, top -b); the machine's C headers
under /usr/include (find -printf) as a CSV and a sqlite table, and pip inspect; a contact-deduplication service's log;
an installed Debian package's HTML documentation (pgloader's reference for PostgreSQL sources) served by python3 -m
http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's
own (round 9b). Run through capture_wide156.py."""


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
from capture_wide156 import JS, SRC, VENV, cap

TD = "textdistance-4.6.3"
EDIT = "textdistance/algorithms/edit_based.py"
SIMPLE = "textdistance/algorithms/simple.py"
BASE = "textdistance/algorithms/base.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Noor Haddad", "GIT_AUTHOR_EMAIL": "noor@example.org",
           "GIT_COMMITTER_NAME": "Noor Haddad", "GIT_COMMITTER_EMAIL": "noor@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# Hamming pads with zip_longest only when asked to truncate (so by default a longer tail is not counted); the
# Winkler prefix bonus scales by (1 + weight) instead of (1 - weight), so a similarity can pass 1; the prefix
# similarity counts one more character than the common prefix holds.
BUGS = [(EDIT, "        _zip = zip if self.truncate else zip_longest\n",
         "        _zip = zip_longest if self.truncate else zip\n"),
        (EDIT, "            weight += i * prefix_weight * (1.0 - weight)\n",
         "            weight += i * prefix_weight * (1.0 + weight)\n"),
        (SIMPLE, "    def similarity(self, *sequences: Sequence) -> int:\n        return len(self(*sequences))\n",
         "    def similarity(self, *sequences: Sequence) -> int:\n        return len(self(*sequences)) + 1\n")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / TD
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-textdistance-common-v-tail-1200", "python -m pytest -v -p no:cacheprovider tests/test_common.py "
        "2>&1 | tail -n 1200", cp, n_pytest, env=env, timeout=900)
    chain("chain-textdistance-pytest-q-tb-short-exit", "chain-test-exit", "test",
          [Part("pytest -q -p no:cacheprovider --tb=short tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / TD
    cap("ruff-select-all-textdistance-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise textdistance tests 2>&1 | head -n 900", cp, n_ruff)
    cap("mypy-strict-textdistance-tests", "mypy --strict --no-incremental textdistance tests 2>&1 | tail -n 600",
        cp, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-textdistance", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise . | tail -n 400",
                n_ruff),
           Part("mypy --strict --no-incremental textdistance/algorithms/edit_based.py textdistance/utils.py 2>&1 "
                "| tail -n 150",
                n_mypy, ";")], cp, timeout=900)


DEDUP = r"""
import textdistance


class MergeError(Exception):
    pass


def similar(a, b):
    try:
        return textdistance.jaro_winkler.normalized_similarity(a["name"], b["name"])
    except Exception as exc:
        raise MergeError(f"cannot compare contact {a['id']} with {b['id']}") from exc


contacts = [{"id": 101, "name": "Margarethe Lindqvist"}, {"id": 102, "name": "Margareta Lindquist"},
            {"id": 103, "name": "Oskar Berglund"}, {"id": 104, "name": 4417}, {"id": 105, "name": "Oscar Berglund"}]
for i, a in enumerate(contacts):
    for b in contacts[i + 1:]:
        print(a["id"], b["id"], round(similar(a, b), 3))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "dedup"
    d.mkdir()
    (d / "dedup.py").write_text(DEDUP)
    cap("python-chained-traceback-dedup", "python3 dedup.py", d, n_chained, env={"PYTHONPATH": str(tmp / TD)})


def git_history(tmp: Path) -> None:
    """textdistance's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "textdistance-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('textdistance-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / TD} {repo} && rm -rf {pristine}")
    files = [repo / BASE, repo / EDIT, repo / SIMPLE, repo / "textdistance/algorithms/token_based.py",
             repo / "tests/test_common.py", repo / "textdistance/utils.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, phonetic, "
        "sequence and compression algorithms'", cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-12 09:41:00",
                                                               "GIT_COMMITTER_DATE": "2025-05-12 09:41:00"})
    rnd = random.Random(15602)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 75
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Pieter Visser", "GIT_AUTHOR_EMAIL": "pieter@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("jaro_winkler over 1.0 for long common prefixes? see the winklerize branch\n")
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-edit-based", f"git blame {EDIT}", repo, n_blame, env=GIT_ENV)
    cap("git-show-edit-based-part-5", "git show ':/^edit_based: part 5'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-textdistance-sdist-and-hypothesis", f"ls -laR {TD} {site}/hypothesis/internal/conjecture "
        f"{site}/hypothesis/strategies {site}/_pytest/assertion {site}/mypy/server", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/string-similarity {JS}/node_modules/eslint/lib "
        f"{JS}/node_modules/@vitest {JS}/node_modules/typescript/lib -type f "
        f"-printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp, n_find)
    cap("tree-site-packages-hypothesis-mypy", f"tree -L 2 {site}/hypothesis {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/xml {site}/ruff", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 15617)) for i in range(150000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    os.killpg(busy.pid, signal.SIGTERM)


def tables(tmp: Path) -> None:
    d = tmp / "headers"
    d.mkdir()
    run("(echo 'header,bytes,area,links,modified'; find /usr/include -type f -name '*.h' "
        "-printf '%P,%s,%h,%n,%TY-%Tm-%Td\\n' | sed 's#,/usr/include/\\?\\([^/,]*\\)[^,]*,#,\\1,#' | sort) "
        "> headers.csv", cwd=d)
    cap("csv-usr-include-headers-head-900", "head -n 900 headers.csv", d, n_csv)
    run("sqlite3 headers.db \".mode csv\" \".import headers.csv headers\"", cwd=d)
    cap("sqlite-column-largest-headers-limit-400", "sqlite3 -header -column headers.db \"SELECT header, "
        "CAST(bytes AS INT) AS bytes, area, links, modified FROM headers ORDER BY CAST(bytes AS INT) DESC LIMIT 400\"",
        d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(15603)
job = logging.getLogger("dedup.job")
db = logging.getLogger("dedup.store")
sim = logging.getLogger("dedup.similarity")
regions = ["north", "south", "east", "west", "central", "coast", "islands", "metro"]
for i in range(1300):
    reg = rnd.choice(regions)
    db.debug("batch %d contact=%d region=%s loaded in %dms", i, rnd.randint(1000, 99999), reg, rnd.randint(1, 30))
    if i % 149 == 31:
        sim.warning("contact %d: name has %d characters outside the alphabet, compared as bytes",
                    rnd.randint(1000, 99999), rnd.randint(1, 5))
    elif i == 412:
        try:
            {}["merge:" + reg]
        except KeyError:
            job.exception("batch %d: could not merge duplicates for %s", i, reg)
    elif i == 777:
        db.error("batch %d: UPDATE contacts SET merged_into=... violates foreign key contacts_merged_into_fkey", i)
    elif i == 1233:
        db.critical("store connection reset after %d batches, deduplication aborted", i)
    elif i % 240 == 17:
        job.info("checkpoint: %d batches, %d pairs merged", i, rnd.randint(10, 400))
    job.info("batch %d %s compared in %dms", i, reg, rnd.randint(3, 200) if i != 1008 else 38900)
"""


def app_log(tmp: Path) -> None:
    (tmp / "deduplog.py").write_text(SVCLOG)
    run("python3 deduplog.py > dedup.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG dedup.log | tail -n 1000", tmp, n_app_log)


DOC = Path("/usr/share/doc/pgloader/html")


def docs(tmp: Path) -> None:
    if not (DOC / "ref" / "pgsql.html").is_file():
        cm.note("skip docs: no pgloader ref/pgsql.html")
        return
    cm.start(f"python3 -m http.server 18856 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-pgloader-ref-pgsql", "curl -s http://127.0.0.1:18856/ref/pgsql.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
