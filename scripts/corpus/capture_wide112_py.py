"""Round 112, Python and the machine: the sdist of python-dotenv (a real PyPI release: the .env configuration-file
parser and loader) with a few bugs put in, run through its own test suite with pytest, through ruff and mypy --strict,
and its code run wrongly into a chained traceback; a git history built here by committing python-dotenv's sources in
steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools and the tools
venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux, top
-b); the machine's /usr/bin and /usr/lib files as a CSV and a sqlite table, and pip inspect; a settings service's log;
an installed Debian package's HTML documentation (a page of texinfo's manual) served by python3 -m http.server and
fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b).
Run through capture_wide112.py."""

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
from capture_wide112 import JS, SRC, VENV, cap

DOTENV = "python_dotenv-1.2.4"
MAIN = "src/dotenv/main.py"
PARSER = "src/dotenv/parser.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Marguerite Okonkwo", "GIT_AUTHOR_EMAIL": "marguerite@example.org",
           "GIT_COMMITTER_NAME": "Marguerite Okonkwo", "GIT_COMMITTER_EMAIL": "marguerite@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# `\n` left out of the escapes decoded in double quotes; an unquoted value cut at any `#`, not only at ` #`; an empty
# variable replaced by its `${VAR:-default}` default.
BUGS = [(PARSER, '_double_quote_escapes = make_regex(r"\\\\[\\\\\'\\"abfnrtv]")',
         '_double_quote_escapes = make_regex(r"\\\\[\\\\\'\\"abfrtv]")'),
        (PARSER, 'return re.sub(r"\\s+#.*", "", part).rstrip()', 'return re.sub(r"#.*", "", part).rstrip()'),
        ("src/dotenv/variables.py", "result = env.get(self.name, default)", "result = env.get(self.name) or default")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


IGNORE = "--ignore=tests/test_ipython.py"


def py_tests(tmp: Path) -> None:
    cp = tmp / DOTENV
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp / "src") + ":" + str(cp)}
    cap("pytest-dotenv-tests", f"python -m pytest -p no:cacheprovider {IGNORE} tests 2>&1 | tail -n 1500", cp,
        n_pytest, env=env, timeout=900)
    chain("chain-dotenv-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {IGNORE} tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-dotenv-tb-long-rA-tail-600", f"pytest -q --tb=long -rA -p no:cacheprovider {IGNORE} tests 2>&1 | "
        "tail -n 600", cp, n_pytest, env=env, timeout=900)
    cap("pytest-dotenv-parser-v", "pytest -v -p no:cacheprovider tests/test_parser.py tests/test_variables.py 2>&1 | "
        "tail -n 400", cp, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / DOTENV
    cap("ruff-select-all-dotenv-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise src tests 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-dotenv-main", f"ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN,D {MAIN}", cp, n_ruff)
    cap("mypy-strict-dotenv", "mypy --strict --no-incremental src/dotenv tests 2>&1 | tail -n 600", cp, n_mypy,
        timeout=900)
    chain("chain-ruff-then-mypy-dotenv", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental tests/test_main.py 2>&1 | tail -n 150", n_mypy, ";")], cp,
          env={"MYPYPATH": "src"}, timeout=900)


SETTINGS = r"""
import io
from dotenv import dotenv_values


class SettingsError(Exception):
    pass


def load(name, raw):
    try:
        return dotenv_values(stream=io.BytesIO(raw))
    except TypeError as exc:
        raise SettingsError(f"settings {name!r} unreadable") from exc


SOURCES = {
    "defaults": b"PORT=8080\nWORKERS=4\n",
    "staging": b"PORT=9090\nDEBUG=1\n",
}
for name, raw in SOURCES.items():
    print(name, load(name, raw))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "settings"
    d.mkdir()
    (d / "settings.py").write_text(SETTINGS)
    cap("python-chained-traceback-settings", "python3 settings.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / DOTENV / "src")})


def git_history(tmp: Path) -> None:
    """python-dotenv's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "dotenv-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('python_dotenv-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / DOTENV} {repo} && rm -rf {pristine}")
    files = [repo / PARSER, repo / MAIN, repo / "tests/test_parser.py", repo / "tests/test_main.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, cli, docs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-04 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-03-04 09:12:00"})
    rnd = random.Random(11202)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 120
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Haruto Fujimori", "GIT_AUTHOR_EMAIL": "haruto@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("FOO=a#b now loads as 'a'? check parse_unquoted_value\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-dotenv-main", f"git blame {MAIN}", repo, n_blame, env=GIT_ENV)
    cap("git-show-test-parser-part-3", "git show ':/^test_parser: part 3'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-8", "git diff HEAD~8 -- src tests", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-dotenv-sdist-and-click", f"ls -laR {DOTENV} {site}/click {site}/_pytest/_code", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/@eslint {JS}/node_modules/negotiator "
        f"{JS}/node_modules/@vitest -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp,
        n_find)
    cap("tree-site-packages-mypy-ruff", f"tree -L 2 {site}/mypy/typeshed/stdlib/os {site}/mypy/plugins "
        f"{site}/mypy/test {site}/ruff", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sorted(str(i)[::-1] for i in range(80000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 25", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'path,type,mode,owner,group,size_bytes,modified'; find /usr/bin /usr/lib/x86_64-linux-gnu -maxdepth 1 "
        "-printf '\"%p\",%y,%m,%u,%g,%s,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-usr-files-head-900", "head -n 900 files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv files\"", cwd=d)
    cap("sqlite-column-largest-files-limit-350", "sqlite3 -header -column files.db \"SELECT path, type, mode, owner, "
        "CAST(size_bytes AS INT) AS size_bytes, modified FROM files WHERE type = 'f' ORDER BY CAST(size_bytes AS INT) "
        "DESC LIMIT 350\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(11203)
loader = logging.getLogger("confsvc.loader")
watch = logging.getLogger("confsvc.watch")
push = logging.getLogger("confsvc.push")
files = [".env", ".env.staging", ".env.production", "services/billing/.env", "services/search/.env"]
for i in range(1300):
    gen = 7100 + i
    loader.debug("gen %d parsed %s: %d keys", gen, rnd.choice(files), rnd.randint(8, 60))
    if i % 197 == 41:
        watch.warning("inotify queue overflow on %s, rescanning", rnd.choice(["/srv/app", "/srv/billing", "/srv/search"]))
    elif i == 377:
        try:
            int("80 80")
        except ValueError:
            loader.exception("gen %d: PORT in '.env.production' is not an integer", gen)
    elif i == 861:
        push.error("gen %d not pushed to 3 of 14 hosts: connection refused on 10.4.0.17:7000", gen)
    elif i == 1244:
        push.critical("signing key /etc/confsvc/push.key unreadable, pushes halted")
    elif i % 240 == 17:
        loader.info("cache trimmed to %d generations (%d MB)", rnd.randint(20, 90), rnd.randint(3, 40))
    push.info("gen %d pushed in %dms", gen, rnd.randint(3, 210) if i != 1020 else 39400)
"""


def app_log(tmp: Path) -> None:
    (tmp / "svclog.py").write_text(SVCLOG)
    run("python3 svclog.py > confsvc.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-800", "grep -v DEBUG confsvc.log | tail -n 800", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 confsvc.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/texinfo/html")


def docs(tmp: Path) -> None:
    if not (DOC / "Tips.html").is_file():
        cm.note("skip docs: no Tips.html")
        return
    cm.start(f"python3 -m http.server 18812 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-texinfo-tips", "curl -s http://127.0.0.1:18812/Tips.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
