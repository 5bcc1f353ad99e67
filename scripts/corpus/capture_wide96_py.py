"""Round 96, Python and the machine: the sdist of ConfigArgParse (a real PyPI release: argparse that also reads config
files and environment variables) with a few bugs put in, run through its own test suite with pytest, through ruff and
mypy --strict, and its code run wrongly into a chained traceback; a git history built here by committing
ConfigArgParse's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the
npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux, top -b); the machine's man pages as a CSV and a sqlite table, and pip inspect; a deploy agent's log;
an installed Debian package's HTML documentation (bc's manual) served by python3 -m http.server and fetched with curl.
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide96.py."""

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
from capture_wide96 import JS, SRC, VENV, cap

CAP = "configargparse-1.9.0"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Carvalho", "GIT_AUTHOR_EMAIL": "ines@example.org",
           "GIT_COMMITTER_NAME": "Ines Carvalho", "GIT_COMMITTER_EMAIL": "ines@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
BUGS = [("configargparse.py", 'if not line or line[0] in ["#", ";", "["]', 'if not line or line[0] in ["#", "["]'),
        ("configargparse.py", 'if value.lower() in ("true", "yes", "on", "1"):', 'if value.lower() in ("true", "yes", "1"):'),
        ("configargparse.py", 'value = [elem.strip() for elem in value[1:-1].split(",")]\n                items[key] = value',
         'value = [elem.strip() for elem in value[1:-1].split(", ")]\n                items[key] = value'),
        ("configargparse.py", '.replace("-", "_")\n                        .upper()',
         '.upper()\n                        .replace("-", "")')]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / CAP
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-configargparse-tests", "python -m pytest -p no:cacheprovider tests 2>&1 | tail -n 1500", cp, n_pytest,
        env=env, timeout=900)
    chain("chain-configargparse-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-configargparse-tb-short-rA-tail-400", "pytest -q --tb=short -rA -p no:cacheprovider tests 2>&1 | "
        "tail -n 400", cp, n_pytest, env=env, timeout=900)
    cap("pytest-configargparse-k-config-v", "pytest -v -p no:cacheprovider tests -k 'Config or config' 2>&1 | "
        "tail -n 300", cp, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / CAP
    cap("ruff-select-all-configargparse-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise configargparse.py tests 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-configargparse-module", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL configargparse.py",
        cp, n_ruff)
    cap("mypy-strict-configargparse", "mypy --strict --no-incremental configargparse.py 2>&1 | tail -n 500", cp,
        n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-configargparse", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental tests/test_end_of_options.py configargparse.py 2>&1 | tail -n 150",
                n_mypy, ";")], cp, timeout=900)


DEPLOY = r'''
import io
import configargparse


class DeployConfigError(Exception):
    pass


def load_target(name, text):
    parser = configargparse.DefaultConfigFileParser()
    try:
        return parser.parse(io.StringIO(text))
    except configargparse.ConfigFileParserException as exc:
        raise DeployConfigError(f"target {name!r}: config not readable") from exc


TARGETS = {
    "eu-west": "region = eu-west-1\nreplicas = 3\n# canary first\ncanary = true\n",
    "us-east": "region = us-east-1\nreplicas = [2, 4]\n",
    "ap-south": "region = ap-south-1\n; replicas pinned by the capacity review\nreplicas = 2\n",
}
for name, text in TARGETS.items():
    print(name, dict(load_target(name, text)))
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "deploy"
    d.mkdir()
    (d / "deploy.py").write_text(DEPLOY)
    cap("python-chained-traceback-deploy", "python3 deploy.py", d, n_chained, env={"PYTHONPATH": str(tmp / CAP)})


def git_history(tmp: Path) -> None:
    """ConfigArgParse's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "configargparse-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('configargparse-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / CAP} {repo} && rm -rf {pristine}")
    files = [repo / "configargparse.py", repo / "tests" / "test_configargparse.py", repo / "tests" / "test_end_of_options.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, docs, CI'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-06 08:20:00",
                       "GIT_COMMITTER_DATE": "2025-05-06 08:20:00"})
    rnd = random.Random(9602)
    n = 0
    for rel in sorted(keep):
        body = keep[rel].splitlines(keepends=True)
        step = 260
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 16:02d}-{1 + n % 26:02d} {9 + j % 8:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 4 else {"GIT_AUTHOR_NAME": "Kwame Mensah", "GIT_AUTHOR_EMAIL": "kwame@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "TODO.local").write_text("config files: '; comment' lines rejected? check DefaultConfigFileParser\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1800", "git log -p | head -n 1800", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-configargparse-L", "git blame -L 1300,1950 configargparse.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-configargparse-part-4", "git show ':/^configargparse: part 4'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-6", "git diff HEAD~6 -- configargparse.py", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-configargparse-sdist", f"ls -laR {CAP}", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint {JS}/node_modules/@eslint "
        f"{JS}/node_modules/safe-stable-stringify -type f "
        "-printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp, n_find)
    cap("tree-site-packages-yaml-pytest", f"tree -L 2 {site}/yaml {site}/_pytest {site}/mypy/typeshed/stdlib/os",
        tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sorted(str(i) for i in range(70000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 30", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "manpages"
    d.mkdir()
    run("(echo 'lang,section,page,bytes,modified'; find /usr/share/man -name '*.gz' "
        "-printf '%h/%f,%s,%TY-%Tm-%Td\\n' | sed -E "
        "-e 's|^/usr/share/man/man([^/]+)/([^,]+)\\.gz,|\"C\",\"\\1\",\"\\2\",|' "
        "-e 's|^/usr/share/man/([^/]+)/man([^/]+)/([^,]+)\\.gz,|\"\\1\",\"\\2\",\"\\3\",|' | sort) > man.csv", cwd=d)
    cap("csv-man-pages-head-1300", "head -n 1300 man.csv", d, n_csv)
    run("sqlite3 man.db \".mode csv\" \".import man.csv man\"", cwd=d)
    cap("sqlite-column-man-pages-by-size-limit-450", "sqlite3 -header -column man.db \"SELECT lang, section, page, "
        "CAST(bytes AS INT) AS bytes, modified FROM man ORDER BY CAST(bytes AS INT) DESC LIMIT 450\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


DEPLOYLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(9603)
agent = logging.getLogger("deploy.agent")
config = logging.getLogger("deploy.config")
health = logging.getLogger("deploy.health")
regions = ["eu-west-1", "us-east-1", "ap-south-1", "sa-east-1"]
for i in range(1500):
    rel = f"r-{4100 + i}"
    agent.debug("%s staged region=%s replicas=%d", rel, rnd.choice(regions), rnd.randint(1, 9))
    if i % 197 == 41:
        health.warning("replica %d slow to report ready (%ds)", rnd.randint(1, 9), rnd.randint(31, 90))
    elif i == 388:
        try:
            raise ValueError("Unexpected line 1 in stream: ; replicas pinned by the capacity review")
        except ValueError:
            config.exception("%s config for 'ap-south-1' not readable", rel)
    elif i == 1021:
        agent.error("rollout of %s halted: 3 of 5 replicas failed readiness", rel)
    elif i == 1377:
        agent.critical("artifact store unreachable after 6 retries, deploys paused")
    elif i % 240 == 17:
        config.info("reloaded %d targets from %d config files", rnd.randint(20, 90), rnd.randint(2, 7))
    agent.info("%s deployed in %dms", rel, rnd.randint(300, 4200) if i != 1190 else 61800)
'''


def app_log(tmp: Path) -> None:
    (tmp / "deploylog.py").write_text(DEPLOYLOG)
    run("python3 deploylog.py > deploy.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-700", "grep -v DEBUG deploy.log | tail -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B1 -A4 deploy.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/bc")


def docs(tmp: Path) -> None:
    if not (DOC / "bc.html").is_file():
        cm.note("skip docs: no bc.html")
        return
    cm.start(f"python3 -m http.server 18796 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-bc-manual", "curl -s http://127.0.0.1:18796/bc.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
