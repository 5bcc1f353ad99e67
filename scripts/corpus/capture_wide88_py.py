"""Round 88, Python and the machine: the sdist of num2words (a real PyPI release, numbers spelled out in some forty
languages) with a few bugs put in, run through its own test suite with pytest, through ruff and mypy --strict, and
its code run wrongly into a chained traceback; a git history built here by committing num2words' sources in steps
(log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools and the tools venv
(ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux, top -b);
the Python modules installed on this machine as a CSV and a sqlite table, and pip inspect; a cheque-printing
service's log; an installed Debian package's HTML documentation (verilator's FAQ) served by python3 -m http.server and fetched with
curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide88.py."""

from __future__ import annotations

import random
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
from capture_wide88 import JS, SRC, VENV, cap

N2W = "num2words-0.5.14"
GIT_ENV = {"GIT_AUTHOR_NAME": "Margot Lefèvre", "GIT_AUTHOR_EMAIL": "margot@example.org",
           "GIT_COMMITTER_NAME": "Margot Lefèvre", "GIT_COMMITTER_EMAIL": "margot@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
BUGS = [("num2words/lang_EN.py", '"twelve": "twelfth"}', '"twelve": "twelveth"}'),
        ("num2words/lang_EN.py", "elif lnum >= 100 > rnum:", "elif lnum > 100 > rnum:"),
        ("num2words/lang_FR.py", "if nnum % 10 == 1 and cnum != 80:", "if nnum % 10 == 1 and cnum != 70:"),
        ("num2words/base.py", "post = '0' * (self.precision - len(post)) + post",
         "post = post + '0' * (self.precision - len(post))")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    nw = tmp / N2W
    put_bugs(nw)
    env = {"PYTHONPATH": str(nw)}
    cap("pytest-num2words-tests", "python -m pytest -p no:cacheprovider tests 2>&1 | tail -n 1500", nw, n_pytest,
        env=env, timeout=900)
    chain("chain-num2words-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], nw, env=env, timeout=900)
    cap("pytest-num2words-tb-short-rA-tail-400", "pytest -q --tb=short -rA -p no:cacheprovider tests 2>&1 | "
        "tail -n 400", nw, n_pytest, env=env, timeout=900)
    cap("pytest-num2words-en-fr-v", "pytest -v -p no:cacheprovider tests/test_en.py tests/test_fr.py "
        "tests/test_base.py 2>&1 | tail -n 300", nw, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    nw = tmp / N2W
    cap("ruff-select-all-num2words-head-900", "ruff check --no-cache --isolated --select ALL --output-format=concise "
        "num2words 2>&1 | head -n 900", nw, n_ruff)
    cap("ruff-num2words-en-fr-base", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM num2words/base.py "
        "num2words/lang_EN.py num2words/lang_FR.py num2words/lang_EU.py", nw, n_ruff)
    cap("mypy-strict-num2words", "mypy --strict --no-incremental num2words 2>&1 | tail -n 500", nw, n_mypy,
        timeout=900)
    chain("chain-ruff-then-mypy-num2words", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,PL --output-format=concise num2words", n_ruff),
           Part("mypy --strict --no-incremental num2words/base.py num2words/lang_EN.py 2>&1 | tail -n 150", n_mypy,
                ";")], nw, timeout=900)


CHEQUES = r'''
import sys
from decimal import Decimal
from num2words import num2words


class ChequeError(Exception):
    pass


def amount_line(amount, lang):
    try:
        return num2words(amount, lang=lang, to="currency", currency="EUR")
    except (ArithmeticError, NotImplementedError) as exc:
        raise ChequeError(f"cannot spell {amount} in {lang!r}") from exc


cheques = [("C-7781", Decimal("1312.05"), "fr"), ("C-7782", Decimal("99.99"), "de"),
           ("C-7783", Decimal("10") ** 30, "en")]
for ref, amount, lang in cheques:
    print(ref, amount_line(amount, lang))
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "cheques"
    d.mkdir()
    (d / "cheques.py").write_text(CHEQUES)
    cap("python-chained-traceback-cheques", "python3 cheques.py", d, n_chained, env={"PYTHONPATH": str(tmp / N2W)})


def git_history(tmp: Path) -> None:
    """num2words' sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "num2words-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('num2words-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / N2W} {repo} && rm -rf {pristine}")
    files = sorted((repo / "num2words").glob("lang_[A-L]*.py")) + [repo / "num2words" / "base.py"] + sorted((repo / "tests").glob("test_[a-f]*.py"))
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, CLI, remaining languages'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-11 07:55:00",
                       "GIT_COMMITTER_DATE": "2025-03-11 07:55:00"})
    rnd = random.Random(8802)
    n = 0
    for rel in sorted(keep):
        body = keep[rel].splitlines(keepends=True)
        step = 150
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 16:02d}-{1 + n % 26:02d} {9 + j % 8:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 4 else {"GIT_AUTHOR_NAME": "Tomasz Wrona", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "TODO.local").write_text("EN: 105 prints \"one hundred, five\"? check merge\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1800", "git log -p | head -n 1800", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-base", "git blame num2words/base.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-base-part-2", "git show ':/^base: part 2'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-8", "git diff HEAD~8 -- num2words", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-num2words-tests", f"ls -laR {N2W}/tests {N2W}/num2words", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/vitest {JS}/node_modules/@vitest {JS}/node_modules/color-convert -type f "
        "-printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp, n_find)
    cap("tree-site-packages-mypy-docopt", f"tree -L 2 {site}/mypy {site}/docopt.py {site}/pluggy", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(i * i for i in range(90000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-mem-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%mem | head -n 30", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "locales"
    d.mkdir()
    run("(echo 'locale,category,domain,bytes,modified'; find /usr/share/locale -name '*.mo' "
        "-printf '%h/%f,%s,%TY-%Tm-%Td\\n' | sed -E "
        "'s|^/usr/share/locale/([^/]+)/([^/]+)/([^/]+)\\.mo,|\"\\1\",\"\\2\",\"\\3\",|' | sort) > mo.csv", cwd=d)
    cap("csv-locale-catalogs-head-1200", "head -n 1200 mo.csv", d, n_csv)
    run("sqlite3 mo.db \".mode csv\" \".import mo.csv mo\"", cwd=d)
    cap("sqlite-column-catalogs-by-size-limit-450", "sqlite3 -header -column mo.db \"SELECT locale, domain, "
        "CAST(bytes AS INT) AS bytes, modified FROM mo ORDER BY CAST(bytes AS INT) DESC LIMIT 450\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


CHEQUELOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(8803)
spool = logging.getLogger("cheques.spool")
speller = logging.getLogger("cheques.speller")
printer = logging.getLogger("cheques.printer")
langs = ["fr", "de", "en", "nl", "it", "es"]
for i in range(1500):
    ref = f"C-{7000 + i}"
    spool.debug("%s queued lang=%s amount=%d.%02d", ref, rnd.choice(langs), rnd.randint(5, 90000), rnd.randint(0, 99))
    if i % 211 == 37:
        printer.warning("tray %d low on cheque stock (%d sheets left)", rnd.randint(1, 3), rnd.randint(3, 40))
    elif i == 402:
        try:
            raise OverflowError("abs(10**30) must be less than 10**27")
        except OverflowError:
            speller.exception("%s amount not spelled in 'en'", ref)
    elif i == 977:
        printer.error("printer MICR-2 toner density 12%% below minimum, batch held")
    elif i == 1344:
        spool.critical("spool disk /var/spool/cheques 100%% full, intake stopped")
    elif i % 250 == 19:
        speller.info("spelled %d amounts in %d languages", rnd.randint(50, 300), rnd.randint(3, 6))
    spool.info("%s printed in %dms tray %d", ref, rnd.randint(40, 380) if i != 1203 else 9120, rnd.randint(1, 3))
'''


def app_log(tmp: Path) -> None:
    (tmp / "chequelog.py").write_text(CHEQUELOG)
    run("python3 chequelog.py > cheques.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-700", "grep -v DEBUG cheques.log | tail -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B1 -A4 cheques.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/verilator/html")


def docs(tmp: Path) -> None:
    if not (DOC / "faq.html").is_file():
        cm.note("skip docs: no verilator faq.html")
        return
    cm.start(f"python3 -m http.server 18788 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-verilator-faq", "curl -s http://127.0.0.1:18788/faq.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
