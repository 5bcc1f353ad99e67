"""Round 133, Python and the machine: the sdist of marko (a real PyPI release: a CommonMark / GFM markdown parser and
renderer, with extensions) with a few bugs put in, run through its own test suite (the CommonMark and GFM spec examples
among it) with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history
built here by committing marko's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the
unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy
process started on purpose (ps aux, top -b); the machine's files under /usr/bin and /usr/lib (find -printf) as a CSV
and a sqlite table, and pip inspect; a static-site builder's log; an installed Debian package's HTML documentation
(socat's generic sockets page) served by python3 -m http.server and fetched with curl. Each kind's extractor is
the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide133.py."""


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
from capture_wide133 import JS, SRC, VENV, cap

MK = "marko-2.2.4"
HTMLR = "marko/html_renderer.py"
BLOCK = "marko/block.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Oyelaran", "GIT_AUTHOR_EMAIL": "ines@example.org",
           "GIT_COMMITTER_NAME": "Ines Oyelaran", "GIT_COMMITTER_EMAIL": "ines@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# An ordered list starting at 0 loses its start attribute; a link's URL no longer keeps '%' safe (so %20 becomes
# %2520); a setext heading's level read the wrong way round ('=' underlines give <h2>).
BUGS = [(HTMLR, "if element.start != 1 else", "if element.start > 1 else"),
        (HTMLR, 'safe="/#:()*?=%@+,&"', 'safe="/#:()*?=@+,&"'),
        (BLOCK, 'self.level = 1 if underline.strip()[0] == "=" else 2',
         'self.level = 1 if underline.strip()[0] == "-" else 2')]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / MK
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-marko-tests-v-tail-1500", "python -m pytest -v -p no:cacheprovider tests 2>&1 | tail -n 1500",
        cp, n_pytest, env=env, timeout=900)
    chain("chain-marko-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-marko-spec-tb-short-tail-700", "pytest -q --tb=short -p no:cacheprovider tests/test_spec.py 2>&1 | "
        "tail -n 700", cp, n_pytest, env=env, timeout=900)
    cap("pytest-marko-basic-ext-latex-rA", "pytest -q -rA -p no:cacheprovider tests/test_basic.py tests/test_ext.py "
        "tests/test_latex.py 2>&1 | tail -n 400", cp, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-marko-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise marko 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-marko-block-inline", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN,D "
        f"{BLOCK} marko/inline.py marko/inline_parser.py", cp, n_ruff)
    cap("mypy-strict-marko-tests", "mypy --strict --no-incremental marko tests 2>&1 | tail -n 600", cp, n_mypy,
        timeout=900)
    chain("chain-ruff-then-mypy-marko", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental marko/ext 2>&1 | tail -n 150", n_mypy, ";")], cp,
          timeout=900)


RENDER = r"""
import pathlib
import marko


class RenderError(Exception):
    pass


def render(path, raw):
    try:
        return marko.convert(raw)
    except Exception as exc:
        raise RenderError(f"could not render {path}") from exc


pages = {"index.md": "# Notes\n\nSee [the guide](guide.md).\n",
         "guide.md": "Guide\n=====\n\n1. install\n2. run\n"}
for name, body in pages.items():
    print(name, len(render(name, body)))
# the third page read in binary mode, as the uploader hands it over
render("upload.md", pathlib.Path("upload.md").read_bytes())
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "render"
    d.mkdir()
    (d / "render.py").write_text(RENDER)
    (d / "upload.md").write_text("# Upload\n\n* one\n* two\n")
    cap("python-chained-traceback-render", "python3 render.py", d, n_chained, env={"PYTHONPATH": str(tmp / MK)})


def git_history(tmp: Path) -> None:
    """marko's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "marko-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('marko-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / BLOCK, repo / "marko/inline.py", repo / HTMLR, repo / "marko/parser.py",
             repo / "marko/ext/gfm/elements.py", repo / "tests/test_basic.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, spec, samples'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-05 10:04:00",
                       "GIT_COMMITTER_DATE": "2025-05-05 10:04:00"})
    rnd = random.Random(13302)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 120
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tobias Lindqvist", "GIT_AUTHOR_EMAIL": "tobias@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("setext '=' gives h2 now? check block.py's SetextHeading\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-marko-block", f"git blame {BLOCK}", repo, n_blame, env=GIT_ENV)
    cap("git-show-block-part-4", "git show ':/^block: part 4'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-10", "git diff HEAD~10 -- marko", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-marko-sdist-and-pygments", f"ls -laR {MK} {site}/pygments/styles {site}/pygments/filters "
        f"{site}/slugify {site}/_pytest/config", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint/lib/cli-engine "
        f"{JS}/node_modules/eslint/lib/rules {JS}/node_modules/media-typer "
        f"{JS}/node_modules/vitest/dist -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp,
        n_find)
    cap("tree-site-packages-pygments-mypy", f"tree -L 2 {site}/pygments/lexers {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/server {site}/_pytest/assertion", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(hash(str(i * 104729)) for i in range(120000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 30", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w220", "top -b -n 1 -w 220", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'path,bytes,links,mode,owner,modified'; find /usr/bin /usr/lib/x86_64-linux-gnu -maxdepth 1 -type f "
        "-printf '%p,%s,%n,%m,%u,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-usr-files-head-1100", "head -n 1100 files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv files\"", cwd=d)
    cap("sqlite-column-largest-files-limit-420", "sqlite3 -header -column files.db \"SELECT path, "
        "CAST(bytes AS INT) AS bytes, links, mode, owner, modified FROM files "
        "ORDER BY CAST(bytes AS INT) DESC LIMIT 420\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(13303)
build = logging.getLogger("sitegen.build")
render = logging.getLogger("sitegen.render")
links = logging.getLogger("sitegen.links")
sections = ["guide", "api", "blog", "changelog", "howto"]
for i in range(1250):
    page = f"{rnd.choice(sections)}/page-{rnd.randint(1, 600)}.md"
    render.debug("page %d %s parsed in %dms (%s)", i, page, rnd.randint(1, 40), rnd.choice(["cached", "cached", "fresh"]))
    if i % 157 == 29:
        links.warning("%s: link to %s has no target, kept as text", page, rnd.choice(["#install", "api/old.md"]))
    elif i == 388:
        try:
            "".join(["<h1>", None])
        except TypeError:
            render.exception("page %d %s: template 'page.html' failed", i, page)
    elif i == 771:
        build.error("page %d %s: output /srv/site/%s.html not writable (EACCES)", i, page, page[:-3])
    elif i == 1190:
        build.critical("disk /srv/site full (100%%), aborting after %d pages", i)
    elif i % 230 == 11:
        build.info("asset pass copied %d files (%d bytes)", rnd.randint(0, 300), rnd.randint(0, 7_000_000))
    build.info("page %d %s written in %dms", i, page, rnd.randint(5, 300) if i != 955 else 41200)
"""


def app_log(tmp: Path) -> None:
    (tmp / "sitelog.py").write_text(SVCLOG)
    run("python3 sitelog.py > sitegen.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG sitegen.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 sitegen.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/socat")


def docs(tmp: Path) -> None:
    if not (DOC / "socat-genericsocket.html").is_file():
        cm.note("skip docs: no socat-genericsocket.html")
        return
    cm.start(f"python3 -m http.server 18833 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-socat-genericsocket", "curl -s http://127.0.0.1:18833/socat-genericsocket.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
