"""Round 266, Python and the machine: the sdist of tinycss2 (a real PyPI release: a CSS Syntax Level 3 tokenizer and
parser with CSS Color 3/4/5 and An+B parsing, tested against the shared css-parsing-tests JSON files) with a few bugs
put in, run through its own tests with pytest, through ruff and mypy --strict, and its code run wrongly into a chained
traceback; a git history built here by committing tinycss2's sources in steps (log -p, log --stat, blame, show, status
and diff); listings of the unpacked tree, the tools venv and the machine (ls -laR, find -printf, tree); the machine's
process table with a busy process started on purpose (ps aux, top -b); the machine's /usr/share files (from find
-printf) as a CSV and a sqlite table, npm view --json and pip inspect; a stylesheet build service's log; mutt's HTML
manual served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported;
a chain's from each part's own (round 9b). Run through capture_wide266.py."""

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
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide266 import JS, SRC, VENV, cap

MK = "tinycss2-1.5.1"
PKG = "tinycss2"
NTH = "tinycss2/nth.py"
COLOR3 = "tinycss2/color3.py"
PARSER = "tinycss2/parser.py"
TESTS = "tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Wren Oyelaran", "GIT_AUTHOR_EMAIL": "wren@example.org",
           "GIT_COMMITTER_NAME": "Wren Oyelaran", "GIT_COMMITTER_EMAIL": "wren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A minus sign between An and B is read as a plus (`2n - 1` parses as 2n+1); a hex colour's channels are divided by
# 256 instead of 255 (#fff is no longer white); `!IMPORTANT` in upper case is no longer seen as important.
BUGS = [(NTH, "    elif token == '-':\n        return parse_signless_b(tokens, a, -1)",
         "    elif token == '-':\n        return parse_signless_b(tokens, a, 1)"),
        (COLOR3, "int(group * multiplier, 16) / 255", "int(group * multiplier, 16) / 256"),
        (PARSER, "and token.lower_value == 'important'", "and token.value == 'important'")]

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
    cap("pytest-tinycss2-tb-short-q", "python -m pytest -q --tb=short -p no:cacheprovider "
        f"{TESTS} 2>&1 | head -n 1500", cp, n_pytest, env=env, timeout=1200)
    chain("chain-tinycss2-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {TESTS}/test_tinycss2.py -k nth", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-tinycss2-hex-nth-tb-long", "pytest --tb=long -p no:cacheprovider "
        f"{TESTS}/test_tinycss2.py -k 'nth or hexadecimal_3 or declaration' 2>&1 | head -n 1400", cp, n_pytest,
        env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-150", "chain-test", "test",
          [Part(f"cd {MK}", None), Part("python -m pytest -rfE -q --tb=line -p no:cacheprovider "
                                        f"{TESTS} 2>&1 | tail -n 150", n_pytest, "&&")],
          tmp, env=env, timeout=900)
    cap("pytest-v-nth-important-hex-tail-900", "pytest -v --tb=short -p no:cacheprovider "
        f"{TESTS}/test_tinycss2.py -k 'nth or declaration or hexadecimal' 2>&1 | tail -n 900", cp, n_pytest,
        env=env, timeout=900)
    chain("chain-pytest-tb-line-tail-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line -p no:cacheprovider {TESTS} 2>&1 | tail -n 60", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-tinycss2", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1 | head -n 1000", cp, n_ruff)
    cap("ruff-tinycss2-full-parser-color4", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT,D,ANN {PARSER} tinycss2/color4.py {NTH} 2>&1 | head -n 1500", cp,
        n_ruff)
    cap("ruff-tests-full-select-all-head-1200", "ruff check --no-cache --isolated --output-format=full --select ALL "
        f"{TESTS}/test_tinycss2.py 2>&1 | head -n 1200", cp, n_ruff)
    cap("mypy-strict-tinycss2-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {PKG} 2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-tinycss2", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {PKG} 2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


THEME = r"""
import tinycss2
import tinycss2.color3


class ThemeError(Exception):
    pass


SHEETS = {"base.css": "a { color: #336699 } b { color: rgb(10, 20, 30) }",
          "dark.css": "body { background: #111; color: hsl(210, 20%, 90%) }",
          "print.css": "h1 { color: black !IMPORTANT }",
          "brand.css": "header { color: #0ff8 } footer { color: transparent }",
          "legacy.css": "p { color: #12 }"}


def swatches(name):
    rules = tinycss2.parse_stylesheet(SHEETS[name], skip_whitespace=True, skip_comments=True)
    out = []
    for rule in rules:
        for decl in tinycss2.parse_declaration_list(rule.content, skip_whitespace=True):
            try:
                rgba = tinycss2.color3.parse_color(decl.value[-1])
                out.append((decl.name, round(rgba.red * 255), round(rgba.green * 255), round(rgba.blue * 255)))
            except AttributeError as exc:
                raise ThemeError(f"{name}: {decl.name} value {tinycss2.serialize(decl.value).strip()!r} "
                                 "is not a colour") from exc
    return out


for name in SHEETS:
    print(f"{name:12} {swatches(name)}")
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "theme"
    d.mkdir()
    (d / "theme.py").write_text(THEME)
    cap("python-chained-traceback-theme", "python3 theme.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """tinycss2's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "tinycss2-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('tinycss2-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / PARSER, repo / NTH, repo / COLOR3, repo / "tinycss2/tokenizer.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, docs, tests'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-12 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-05-12 09:12:00"})
    rnd = random.Random(26602)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 60 if rel == PARSER else 45
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 14:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Piet Vasquez", "GIT_AUTHOR_EMAIL": "piet@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("print.css: !IMPORTANT ignored? and #fff renders as off-white\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-parser", f"git blame {PARSER}", repo, n_blame, env=GIT_ENV)
    cap("git-show-tokenizer-part-5", "git show ':/^tokenizer: part 5 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-tinycss2-pip-ruff-mypy-head-1100", f"ls -laR {MK} {site}/pip/_internal {site}/_pytest "
        f"{site}/mypy/plugins {site}/webencodings | head -n 1100", tmp, n_ls_lR)
    cap("ls-laR-usr-share-doc-mutt-git-sqlite3-head-900", "ls -laR /usr/share/doc/mutt /usr/share/doc/git "
        "/usr/share/doc/sqlite3 /usr/lib/python3/dist-packages/pip 2>&1 | head -n 900", tmp, n_ls_lR)
    cap("find-printf-usr-lib-python3-head-900", "find /usr/lib/python3/dist-packages -maxdepth 2 -type f "
        "-printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 900", tmp, n_find)
    cap("tree-tinycss2-and-typeshed", f"tree -L 2 {site}/mypyc/ir {site}/mypy/typeshed/stdlib/os "
        f"{site}/mypy/typeshed/stdlib/concurrent {site}/pip/_vendor/rich {site}/_pytest {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 266017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
              [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
        cap("top-b-n1-sort-mem-w180", "top -b -n 1 -o %MEM -w 180", tmp, n_top)
    finally:
        stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "share"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/terminfo /usr/share/X11 /usr/share/mime "
        "-maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-terminfo-x11-mime-head-900", "head -n 900 share.csv", d, n_csv)
    run("sqlite3 share.db \".mode csv\" \".import share.csv f\"", cwd=d)
    cap("sqlite-column-share-largest-300", "sqlite3 -header -column share.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")
    cap("npm-view-postcss-value-parser-json", "npm view postcss-value-parser --json", JS, n_npm_view)


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(26603)
build = logging.getLogger("stylebuild.compile")
colors = logging.getLogger("stylebuild.colors")
cache = logging.getLogger("stylebuild.cache")
sheets = ["base.css", "dark.css", "print.css", "brand.css", "forms.css", "grid.css", "legacy.css", "email.css"]
for i in range(1300):
    sheet = rnd.choice(sheets)
    build.debug("job %d %s: %d rules, %d declarations, %dms", i, sheet, rnd.randint(20, 900),
                rnd.randint(100, 6000), rnd.randint(3, 900))
    if i % 149 == 37:
        colors.warning("%s: hex colour %s rounded to %s, contrast %d.%d", sheet,
                       rnd.choice(["#fff", "#336699", "#0ff8"]), rnd.choice(["#fefefe", "#326598"]),
                       rnd.randint(1, 6), rnd.randint(0, 9))
    elif i == 412:
        try:
            raise AttributeError("'NoneType' object has no attribute 'red'")
        except AttributeError:
            colors.exception("job %d %s: colour value 'var(--brand)' not resolved", i, sheet)
    elif i == 877:
        cache.error("write of job %d (%s) failed: disk quota exceeded after %d bytes", i, sheet,
                    rnd.randint(3, 40) * 1048576)
    elif i == 1190:
        build.critical("selector index corrupt after %d s, compile workers stopped", 600 + i)
    elif i % 211 == 23:
        cache.info("evicted %d stale bundles for %s", rnd.randint(10, 500), sheet)
    build.info("job %d %s written, %d bytes", i, sheet, rnd.randint(1, 90000) if i != 1033 else 9800000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "stylebuild.py").write_text(SVCLOG)
    run("python3 stylebuild.py > stylebuild.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG stylebuild.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 stylebuild.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/mutt/html")


def docs(tmp: Path) -> None:
    if not (DOC / "mimesupport.html").is_file():
        cm.note("skip docs: no mutt mimesupport.html")
        return
    server = cm.start(f"python3 -m http.server 18266 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap("curl-html-mutt-mimesupport", "curl -s http://127.0.0.1:18266/mimesupport.html", tmp, n_html)
        cap("curl-html-mutt-gettingstarted-head-900", "curl -s http://127.0.0.1:18266/gettingstarted.html "
            "| head -n 900", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
