"""Round 121, Python and the machine: the sdist of pystache (a real PyPI release: a Mustache templating library) with a
few bugs put in, run through its own test suite with pytest, through ruff and mypy --strict, and its code run wrongly
into a chained traceback; a git history built here by committing pystache's sources in steps (log -p, log --stat,
blame, show, status and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf,
tree); the machine's process table with a busy process started on purpose (ps aux, top -b); the machine's /usr/include
headers as a CSV and a sqlite table, and pip inspect; a mail service's log; an installed Debian package's HTML
documentation (expat's reference page) served by python3 -m http.server and fetched with curl. Each kind's extractor
is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide121.py."""

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
from capture_wide121 import JS, SRC, VENV, cap

PYST = "pystache-0.6.8"
ENGINE = "pystache/renderengine.py"
PARSER = "pystache/parser.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ingrid Solbakken", "GIT_AUTHOR_EMAIL": "ingrid@example.org",
           "GIT_COMMITTER_NAME": "Ingrid Solbakken", "GIT_COMMITTER_EMAIL": "ingrid@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# Quotes no longer escaped in {{var}}; a dict section's value iterated as a list (its keys); a standalone partial's
# indentation put before its first line only.
BUGS = [("pystache/defaults.py", "TAG_ESCAPE = lambda u: escape(u, quote=True)",
         "TAG_ESCAPE = lambda u: escape(u, quote=False)"),
        (ENGINE, "if is_string(data) or isinstance(data, dict):", "if is_string(data):"),
        (PARSER, "template = re.sub(NON_BLANK_RE, self.indent + r'\\1', template)",
         "template = self.indent + template")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / PYST
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-pystache-tests-v", "python -m pytest -v -p no:cacheprovider pystache/tests 2>&1 | tail -n 1500", cp,
        n_pytest, env=env, timeout=900)
    chain("chain-pystache-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider pystache/tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-pystache-tb-long-rA-tail-700", "pytest -q --tb=long -rA -p no:cacheprovider pystache/tests 2>&1 | "
        "tail -n 700", cp, n_pytest, env=env, timeout=900)
    cap("pytest-pystache-renderer-engine", "pytest -p no:cacheprovider pystache/tests/test_renderengine.py "
        "pystache/tests/test_renderer.py pystache/tests/test_examples.py 2>&1 | tail -n 500", cp, n_pytest, env=env,
        timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / PYST
    cap("ruff-select-all-pystache-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise pystache 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-pystache-renderengine-context", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN,D "
        f"{ENGINE} pystache/context.py", cp, n_ruff)
    cap("mypy-strict-pystache", "mypy --strict --no-incremental pystache 2>&1 | tail -n 600", cp, n_mypy,
        timeout=900)
    chain("chain-ruff-then-mypy-pystache", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental pystache/renderer.py 2>&1 | tail -n 150", n_mypy, ";")], cp,
          timeout=900)


MAILER = r"""
import pystache


class TemplateError(Exception):
    pass


renderer = pystache.Renderer(missing_tags="strict")


def render(name, template, context):
    try:
        return renderer.render(template, context)
    except pystache.context.KeyNotFoundError as exc:
        raise TemplateError(f"mail template {name!r} could not be rendered") from exc


MAILS = {
    "welcome": ("Hello {{user.name}}, welcome to {{site}}!", {"user": {"name": "Ana"}, "site": "Quillbox"}),
    "digest": ("{{#items}}- {{title}}\n{{/items}}", {"items": [{"title": "One"}, {"title": "Two"}]}),
    "invoice": ("Invoice {{invoice.number}} for {{customer.company}}", {"invoice": {"number": 88},
                                                                       "customer": {"name": "Bo"}}),
}
for name, (tpl, ctx) in MAILS.items():
    print(name, repr(render(name, tpl, ctx)))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "mailer"
    d.mkdir()
    (d / "mailer.py").write_text(MAILER)
    cap("python-chained-traceback-mailer", "python3 mailer.py", d, n_chained, env={"PYTHONPATH": str(tmp / PYST)})


def git_history(tmp: Path) -> None:
    """pystache's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "pystache-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('pystache-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / PYST} {repo} && rm -rf {pristine}")
    files = [repo / PARSER, repo / ENGINE, repo / "pystache/renderer.py", repo / "pystache/context.py",
             repo / "pystache/tests/test_renderengine.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, loader, docs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-06 10:02:00",
                       "GIT_COMMITTER_DATE": "2025-05-06 10:02:00"})
    rnd = random.Random(12102)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 110
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wierzbicki", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("dict sections render their keys now? see fetch_section_data\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-pystache-renderengine", f"git blame {ENGINE}", repo, n_blame, env=GIT_ENV)
    cap("git-show-context-part-3", "git show ':/^context: part 3'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-8", "git diff HEAD~8 -- pystache", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-pystache-sdist-and-pluggy", f"ls -laR {PYST} {site}/pluggy {site}/_pytest/assertion", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint/lib/rules {JS}/node_modules/range-parser "
        f"{JS}/node_modules/@vitest -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp,
        n_find)
    cap("tree-site-packages-mypy-pytest", f"tree -L 2 {site}/mypy/typeshed/stdlib/email {site}/mypy/server "
        f"{site}/_pytest {site}/ruff", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sorted(hash(str(i)) for i in range(90000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 25", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "headers"
    d.mkdir()
    run("(echo 'path,depth,mode,owner,size_bytes,modified'; find /usr/include -name '*.h' "
        "-printf '\"%p\",%d,%m,%u,%s,%TY-%Tm-%Td\\n' | sort) > headers.csv", cwd=d)
    cap("csv-usr-include-headers-head-900", "head -n 900 headers.csv", d, n_csv)
    run("sqlite3 headers.db \".mode csv\" \".import headers.csv headers\"", cwd=d)
    cap("sqlite-column-largest-headers-limit-380", "sqlite3 -header -column headers.db \"SELECT path, "
        "CAST(depth AS INT) AS depth, mode, owner, CAST(size_bytes AS INT) AS size_bytes, modified FROM headers "
        "ORDER BY CAST(size_bytes AS INT) DESC LIMIT 380\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(12103)
render = logging.getLogger("mailsvc.render")
queue = logging.getLogger("mailsvc.queue")
smtp = logging.getLogger("mailsvc.smtp")
tpls = ["welcome", "digest", "invoice", "password_reset", "receipt", "weekly_report"]
for i in range(1250):
    job = 52000 + i
    render.debug("job %d rendered %s.mustache: %d bytes", job, rnd.choice(tpls), rnd.randint(600, 14000))
    if i % 181 == 37:
        queue.warning("queue depth %d above soft limit 500, throttling producers", rnd.randint(510, 900))
    elif i == 402:
        try:
            {"name": "Bo"}["company"]
        except KeyError:
            render.exception("job %d: template 'invoice' needs customer.company", job)
    elif i == 799:
        smtp.error("job %d not delivered: 421 4.7.0 relay.example.net too many connections", job)
    elif i == 1190:
        smtp.critical("TLS certificate for relay.example.net expired, delivery halted")
    elif i % 230 == 11:
        queue.info("dead-letter queue holds %d jobs (%d retried)", rnd.randint(0, 40), rnd.randint(0, 12))
    smtp.info("job %d delivered in %dms", job, rnd.randint(40, 900) if i != 977 else 61200)
"""


def app_log(tmp: Path) -> None:
    (tmp / "svclog.py").write_text(SVCLOG)
    run("python3 svclog.py > mailsvc.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG mailsvc.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 mailsvc.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/libexpat1-dev/expat.html")


def docs(tmp: Path) -> None:
    if not (DOC / "reference.html").is_file():
        cm.note("skip docs: no reference.html")
        return
    cm.start(f"python3 -m http.server 18821 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-expat-reference", "curl -s http://127.0.0.1:18821/reference.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
