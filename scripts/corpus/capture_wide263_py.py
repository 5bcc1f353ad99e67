"""Round 263, Python and the machine: the sdist of langcodes (a real PyPI release: IETF language tags, their ISO 639
language, ISO 15924 script and ISO 3166 territory subtags, names, matching and distance, with its data from
language_data) with a few bugs put in, run through its own tests and its modules' doctests with pytest, through ruff
and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by committing
langcodes' sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm
tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a sqlite table, and pip
inspect; a subtitle service's log; an installed Debian package's HTML documentation served by python3 -m http.server
and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). Run through capture_wide263.py."""

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
from capture_wide263 import JS, SRC, VENV, cap

MK = "langcodes-3.5.1"
PKG = "langcodes"
INIT = "langcodes/__init__.py"
TAGP = "langcodes/tag_parser.py"
DIST = "langcodes/language_distance.py"
TESTS = "langcodes/tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Calderwood", "GIT_AUTHOR_EMAIL": "ines@example.org",
           "GIT_COMMITTER_NAME": "Ines Calderwood", "GIT_COMMITTER_EMAIL": "ines@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A territory subtag is cut to two characters when it is normalized (es-419 reads as es-41); English in Britain counts
# as close to US English instead of to the other non-US Englishes; a territory more specific than Latin America is as
# close to es-419 as es-419 itself.
BUGS = [(TAGP, "            subtag = subtag.upper()\n", "            subtag = subtag.upper()[:2]\n"),
        (DIST, "(desired_territory == \"GB\") and (supported_territory not in US)",
         "(desired_territory == \"GB\") and (supported_territory in US)"),
        (DIST, "supported_territory == \"419\":\n                tdist = 1",
         "supported_territory == \"419\":\n                tdist = 0")]

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
    cap("pytest-langcodes-doctest-v-tb-long", "python -m pytest -v --tb=long -p no:cacheprovider --doctest-modules "
        f"--ignore={PKG}/build_data.py {PKG} 2>&1", cp, n_pytest, env=env, timeout=1200)
    chain("chain-langcodes-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider --doctest-modules {TAGP}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-langcodes-tests-distance-tb-short-rA", f"pytest -rA --tb=short -p no:cacheprovider --doctest-modules "
        f"{TESTS} {DIST} {TAGP} 2>&1", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-150", "chain-test", "test",
          [Part(f"cd {MK}", None), Part("python -m pytest -rA -q -p no:cacheprovider --doctest-modules "
                                        f"--ignore={PKG}/build_data.py {PKG} 2>&1 | tail -n 150", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-langcodes", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1 | head -n 1000", cp, n_ruff)
    cap("ruff-langcodes-full-tagparser-distance", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT,D,ANN {TAGP} {DIST} {TESTS}/test_alpha3.py 2>&1 | head -n 1500", cp,
        n_ruff)
    cap("mypy-strict-langcodes-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {PKG} 2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-langcodes", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {PKG} 2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


SUBS = r"""
import langcodes


class TrackError(Exception):
    pass


TRACKS = {"film-0412.srt": "pt-BR", "film-0412.es.srt": "es-419", "film-0412.zh.srt": "zh-Hant-TW",
          "film-0412.sr.srt": "sr-Latn", "film-0412.gsw.srt": "gsw-CH", "film-0412.cn.srt": "zh_CN.UTF-8"}


def label(path):
    tag = TRACKS[path]
    try:
        lang = langcodes.Language.get(tag)
    except langcodes.tag_parser.LanguageTagError as exc:
        raise TrackError(f"subtitle track {path}: language tag {tag!r} is not BCP 47") from exc
    return lang.display_name(), lang.territory_name()


for path in TRACKS:
    name, where = label(path)
    print(f"{path:22} {name} ({where})")
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "subs"
    d.mkdir()
    (d / "subs.py").write_text(SUBS)
    cap("python-chained-traceback-subtitles", "python3 subs.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """langcodes' sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "langcodes-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('langcodes-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / INIT, repo / TAGP, repo / DIST, repo / f"{TESTS}/test_alpha3.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, README'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-04-07 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-04-07 09:12:00"})
    rnd = random.Random(26302)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 130 if rel == INIT else 45
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 14:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tobin Mraz", "GIT_AUTHOR_EMAIL": "tobin@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("es-419 shows as es-41 in the picker? check territory normalizing\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-language-distance", f"git blame {DIST}", repo, n_blame, env=GIT_ENV)
    cap("git-show-init-part-7", "git show ':/^__init__: part 7 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-langcodes-pip-language-data-head-1100", f"ls -laR {MK} {site}/pip/_internal/commands "
        f"{site}/_pytest/config {site}/mypy/plugins {site}/language_data | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/markdown-table {JS}/node_modules/vitest "
        f"{JS}/node_modules/rollup/dist {JS}/node_modules/espree {JS}/node_modules/eslint/lib/linter "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 800", tmp, n_find)
    cap("tree-language-data-and-typeshed", f"tree -L 2 {site}/language_data {site}/mypyc/ir "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/pip/_vendor/rich {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 263017)) for i in range(250000))'")
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
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo /usr/share/perl5 /usr/share/locale "
        "-maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-zoneinfo-perl5-locale-head-900", "head -n 900 share.csv", d, n_csv)
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
rnd = random.Random(26303)
sync = logging.getLogger("subtitled.sync")
tags = logging.getLogger("subtitled.tags")
store = logging.getLogger("subtitled.store")
langs = ["en-GB", "pt-BR", "es-419", "zh-Hant-TW", "sr-Latn", "de-CH", "fr-CA", "nl"]
for i in range(1300):
    lang = rnd.choice(langs)
    sync.debug("track %d %s: %d cues aligned, drift %dms, %dms", i, lang, rnd.randint(200, 2400),
               rnd.randint(-900, 900), rnd.randint(3, 900))
    if i % 149 == 37:
        tags.warning("%s: territory subtag normalized to %s, matching distance %d", lang,
                     rnd.choice(["41", "GB", "TW"]), rnd.randint(4, 12))
    elif i == 412:
        try:
            raise ValueError("Expected a language code, got 'utf'")
        except ValueError:
            tags.exception("track %d %s: tag 'zh_CN.UTF-8' not parsed", i, lang)
    elif i == 877:
        store.error("upload of track %d (%s) rejected: 413 after %d bytes", i, lang, rnd.randint(3, 40) * 1048576)
    elif i == 1190:
        sync.critical("cue index corrupt after %d s, alignment workers stopped", 600 + i)
    elif i % 211 == 23:
        store.info("purged %d stale tracks for %s", rnd.randint(10, 500), lang)
    sync.info("track %d %s stored, %d cues", i, lang, rnd.randint(1, 2400) if i != 1033 else 880000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "subtitled.py").write_text(SVCLOG)
    run("python3 subtitled.py > subtitled.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG subtitled.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 subtitled.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/libimage-exiftool-perl/html")


def docs(tmp: Path) -> None:
    if not (DOC / "faq.html").is_file():
        cm.note("skip docs: no exiftool faq.html")
        return
    server = cm.start(f"python3 -m http.server 18263 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap("curl-html-exiftool-faq", "curl -s http://127.0.0.1:18263/faq.html", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
