"""Round 204, Python and the machine: the sdist of email-validator (a real PyPI release: parsing and validating email
addresses, the local part's and the domain's syntax, internationalized addresses, deliverability through DNS) with a
few bugs put in, run through its own test suite with pytest (its DNS answers mocked by the suite), through ruff and
mypy --strict, and its code run wrongly into a chained traceback; a git history built here by committing
email-validator's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree,
the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process
started on purpose (ps aux, top -b); the machine's shared libraries (from find -printf) as a CSV and a sqlite table,
and pip inspect; a newsletter service's log; an installed Debian package's HTML documentation served by python3 -m
http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's
own (round 9b). Run through capture_wide204.py."""


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
from capture_wide204 import JS, SRC, VENV, cap

MK = "email_validator-2.4.0"
PKG = "email_validator"
SYNTAX = "email_validator/syntax.py"
RFC = "email_validator/rfc_constants.py"
VALIDATE = "email_validator/validate_email.py"
DELIV = "email_validator/deliverability.py"
TESTS = "tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Oyelaran", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Oyelaran", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The length message says "1 characters too many" (its plural taken from one character up); a domain label with a
# period and a hyphen side by side is refused only when both orders occur in it; a DNS label is allowed 62 octets.
BUGS = [(SYNTAX, 'limit\n    suffix = "s" if diff > 1 else ""', 'limit\n    suffix = "s" if diff >= 1 else ""'),
        (SYNTAX, 'if ".-" in label or "-." in label:', 'if ".-" in label and "-." in label:'),
        (RFC, "DNS_LABEL_LENGTH_LIMIT = 63", "DNS_LABEL_LENGTH_LIMIT = 62")]

PURE: dict = {}


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
    cap("pytest-email-validator-v-tb-short", f"python -m pytest -v --tb=short -p no:cacheprovider {TESTS} 2>&1",
        cp, n_pytest, env=env, timeout=1200)
    chain("chain-email-validator-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {TESTS}/test_main.py {TESTS}/test_syntax.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-email-validator-syntax-tb-long-tail-900", f"pytest -q --tb=long -p no:cacheprovider "
        f"{TESTS}/test_syntax.py 2>&1 | tail -n 900", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-120", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rA -q -p no:cacheprovider {TESTS} 2>&1 | tail -n 120",
                                        n_pytest, "&&")], tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-email-validator", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} 2>&1", cp, n_ruff)
    cap("ruff-email-validator-tests-main-deliverability", "ruff check --no-cache --isolated "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT --ignore E501 {TESTS}/test_main.py {TESTS}/test_deliverability.py "
        f"{TESTS}/mocked_dns_response.py {VALIDATE}", cp, n_ruff)
    cap("mypy-strict-no-any-email-validator-and-tests", "mypy --strict --no-incremental --config-file /dev/null "
        f"--disallow-any-expr --disallow-any-explicit --warn-unreachable {PKG} {TESTS} 2>&1 | tail -n 600", cp,
        n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-email-validator", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {SYNTAX} {TESTS}/test_syntax.py "
                "2>&1 | tail -n 150", n_mypy, ";")], cp, timeout=1200)


SIGNUP = r"""
import csv, io
from email_validator import EmailNotValidError, validate_email


class SignupError(Exception):
    pass


ROWS = '''name,email,lists
Ada Quist,ada.quist@example.com,weekly
Bram Ottens,bram@example.org,weekly;offers
Cleo Marr,,offers
'''


def normalise(row):
    try:
        return validate_email(row["email"] or None, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        return f"invalid: {exc}"
    except TypeError as exc:
        raise SignupError(f"signup row for {row['name']!r} has no usable address") from exc


for row in csv.DictReader(io.StringIO(ROWS)):
    print(row["name"], "->", normalise(row))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "signups"
    d.mkdir()
    (d / "signups.py").write_text(SIGNUP)
    cap("python-chained-traceback-signups", "python3 signups.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """email-validator's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "email-validator-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('email_validator-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / SYNTAX, repo / RFC, repo / VALIDATE, repo / DELIV, repo / "tests/test_syntax.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, exceptions, types, README'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-04-07 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-04-07 09:12:00"})
    rnd = random.Random(20402)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 45
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 14:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Dario Kestenbaum", "GIT_AUTHOR_EMAIL": "dario@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("my@baddash.-a.com passes again? check check_dot_atom\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-syntax-py", f"git blame {SYNTAX}", repo, n_blame, env=GIT_ENV)
    cap("git-show-syntax-part-12", "git show ':/^syntax: part 12'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-email-validator-dns-idna", f"ls -laR {MK} {site}/dns {site}/idna {site}/_pytest/assertion "
        f"{site}/mypy/test", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/color-string {JS}/node_modules/color-name "
        f"{JS}/node_modules/vitest/dist {JS}/node_modules/@vitest {JS}/node_modules/eslint/lib/linter "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 700", tmp, n_find)
    cap("tree-dnspython-and-typeshed", f"tree -L 2 {site}/dns {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/ruff {MK}", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 204011)) for i in range(250000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "libs"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/lib/x86_64-linux-gnu -maxdepth 2 "
        "\\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > libs.csv", cwd=d)
    cap("csv-usr-lib-libs-head-1000", "head -n 1000 libs.csv", d, n_csv)
    run("sqlite3 libs.db \".mode csv\" \".import libs.csv lib\"", cwd=d)
    cap("sqlite-column-libs-largest-400", "sqlite3 -header -column libs.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM lib "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(20403)
sub = logging.getLogger("newsletter.subscribe")
mx = logging.getLogger("newsletter.mx")
send = logging.getLogger("newsletter.send")
lists = ["weekly", "offers", "digest", "events", "press", "members"]
for i in range(1300):
    ls = rnd.choice(lists)
    sub.debug("signup %d %s: address checked, %d dns answers cached, %dms", i, ls, rnd.randint(0, 40),
              rnd.randint(2, 1800))
    if i % 157 == 41:
        mx.warning("%s: domain %s has no MX record, falling back to A", ls,
                   rnd.choice(["mail.example.net", "corp.example", "post.example.org"]))
    elif i == 388:
        try:
            raise TypeError("Expected a string")
        except TypeError:
            sub.exception("signup %d %s: address field unreadable", i, ls)
    elif i == 902:
        send.error("batch %d %s rejected: %d addresses bounced as undeliverable", i, ls, rnd.randint(2, 9))
    elif i == 1247:
        mx.critical("resolver timed out for %d s, signups queued unchecked", 1800 + i)
    elif i % 223 == 19:
        send.info("list %s synced, %d new subscribers", ls, rnd.randint(1, 30))
    send.info("message %d to %s sent, %d recipients", i, ls, rnd.randint(1, 60) if i != 1061 else 9200)
"""


def app_log(tmp: Path) -> None:
    (tmp / "newslettersvc.py").write_text(SVCLOG)
    run("python3 newslettersvc.py > newsletter.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG newsletter.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 newsletter.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/gperftools")


def docs(tmp: Path) -> None:
    if not (DOC / "pprof_remote_servers.html").is_file():
        cm.note("skip docs: no gperftools pprof_remote_servers.html")
        return
    cm.start(f"python3 -m http.server 18204 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-gperftools-pprof-remote", "curl -s http://127.0.0.1:18204/pprof_remote_servers.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
