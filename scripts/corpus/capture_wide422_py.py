"""Round 422, Python and the machine: the sdist of latexcodec 3.0.1 (a real PyPI release: a LaTeX lexer and a `latex`
codec for Python's codecs) with a few bugs put in, run through its own tests with pytest (one run with colour forced
on), through ruff and mypy --strict; a foundry's pour-sheet script that uses the broken codec and stops in a chained
traceback; a git history built here by committing latexcodec's sources in steps (capture_material.history: log -p,
log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR,
find -printf, tree); the machine's process table with a busy process started on purpose (ps aux, top -b); files of
the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a foundry's melt-shop service's log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide422.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide422 import JS, SRC, VENV, cap

LC = "latexcodec-3.0.1"
CODEC = "latexcodec/codec.py"
LEXER = "latexcodec/lexer.py"
NOADD = "-o addopts="
PEOPLE = [("Gethin Ladleman", "gethin@example.org"), ("Morag Fettler", "morag@example.org"),
          ("Ruth Cupola", "ruth@example.org")]

# The bugs put in latexcodec: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A control space swallows the character after the space; the decoder's token table is one token too short, so
# multi-token sequences are flushed before they can match; math-only symbols are registered for \[...\] instead of
# \(...\); a comment leaves the lexer in the new-paragraph state, so the newline after it becomes a paragraph.
BUGS = [(CODEC, 'return "\\\\ ", bytes_[1:]', 'return "\\\\ ", bytes_[2:]'),
        (CODEC, "self.max_length = max(self.max_length, len(tokens))",
         "self.max_length = max(self.max_length, len(tokens) - 1)"),
        (CODEC, 'latex=r"\\(" + trans.latex + r"\\)",', 'latex=r"\\[" + trans.latex + r"\\]",'),
        (LEXER, '                # note: comment does not include the newline\n                self.state = "S"\n',
         '                # note: comment does not include the newline\n                self.state = "N"\n')]


def py_tests(tmp: Path) -> None:
    tp = tmp / LC
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-latexcodec-v-color-tb-short", f"python -m pytest -v --color=yes --tb=short {NOADD} -p no:cacheprovider "
        "test 2>&1", tp, n_pytest, env=env, timeout=1200)
    cap("pytest-latexcodec-v-tb-long", f"python -m pytest -v --tb=long {NOADD} -p no:cacheprovider "
        "test 2>&1 | head -n 2400", tp, n_pytest, env=env, timeout=1200)
    chain("chain-latexcodec-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOADD} -p no:cacheprovider test", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    cap("pytest-latexcodec-rA-codec-k", f"pytest -rA --tb=short {NOADD} -p no:cacheprovider "
        "test/test_latex_codec.py -k 'decode or encode' 2>&1", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-l-tb-short-tail-700", "chain-test", "test",
          [Part(f"cd {LC}", None), Part(f"python -m pytest -l --tb=short {NOADD} -p no:cacheprovider "
                                        "test 2>&1 | tail -n 700", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / LC
    cap("ruff-select-all-latexcodec-test", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise latexcodec test 2>&1", cp, n_ruff)
    cap("ruff-latexcodec-full-color-head-1400", "FORCE_COLOR=1 ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,D,ARG,PTH,RUF latexcodec test 2>&1 | head -n 1400", cp,
        n_ruff)
    cap("mypy-strict-latexcodec-test", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports --show-error-context latexcodec test 2>&1", cp, n_mypy,
        timeout=1200)
    chain("chain-ruff-then-mypy-codec-lexer", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF --output-format=concise "
                f"{CODEC} {LEXER} 2>&1 | head -n 500", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {CODEC} {LEXER} "
                "2>&1 | tail -n 400", n_mypy, ";")],
          cp, timeout=1200)


SHEET = r'''
import codecs

import latexcodec  # noqa: F401  (registers the "latex" codec)


class PourSheetError(Exception):
    pass


# a foundry's pour sheets, as the melt shop types them for the casting report: heat, ladle man, the line for the report
SHEETS = [
    ("Heat 4411", "Gethin", "Grey iron at 1390 \u00b0C, ladle 3, 42 moulds"),
    ("Heat 4412", "Morag", "Ductile \u2013 Mg treated, fettled by Ren\u00e9e"),
    ("Heat 4413", "Ruth", "Bronze bell blank, \u00a7 7 of the Gie\u00dferei spec"),
    ("Heat 4414", "Gethin", "Cupola tuyere \u03b1-check passed, slag \u2264 4 %"),
    ("Heat 4415", "Morag", "Sprue cut \U0001f525 hot, riser 2 shrunk"),
    ("Heat 4416", "Ruth", "Shell moulded gear, 12 flasks"),
]


def report_line(heat, who, text):
    try:
        latex = codecs.encode(text, "latex")
    except UnicodeEncodeError as exc:
        raise PourSheetError(f"{heat} (typed by {who}): the line cannot go into the casting report: {text!r}") from exc
    back = codecs.decode(latex, "latex")
    if back != text:
        print(f"{heat}: round trip changed {text!r} into {back!r}")
    return latex


def casting_report():
    for n, (heat, who, text) in enumerate(SHEETS, 1):
        try:
            print(heat, report_line(heat, who, text))
        except PourSheetError as exc:
            raise RuntimeError(f"casting report stopped at sheet {n} of {len(SHEETS)} ({heat!r})") from exc
    print("all pour sheets reported")


casting_report()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "pourcheck"
    d.mkdir()
    (d / "pourcheck.py").write_text(SHEET)
    cap("python-chained-traceback-pourcheck", "python3 pourcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / LC)})


def git_history(tmp: Path) -> None:
    """latexcodec's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CODEC, LEXER, "latexcodec/table.txt", "test/test_latex_codec.py", "test/test_latex_lexer.py",
            "CHANGELOG.rst", "README.rst", "doc/quickstart.rst"]
    repo = history(tmp, SRC, "latexcodec", LC, rels, PEOPLE, 42212, 40, BUGS)
    (repo / "NOTES.local").write_text("the casting report loses the letter after every control space since the codec change\n")
    cap("git-log-p-head-2400", "git log -p | head -n 2400", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-codec-L1-474", f"git blame -L 1,474 {CODEC}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-latexcodec", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-log-stat-latexcodec", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-latexcodec-mypy-head-1100", f"ls -laR {LC} {site}/mypy/typeshed/stdlib/encodings "
        f"{site}/mypy/typeshed/stdlib/unittest {site}/_pytest/mark {site}/pip/_internal/index | head -n 1100",
        tmp, n_ls_lR)
    cap("find-printf-node-modules-head-900", f"find {JS}/node_modules/fraction.js {JS}/node_modules/vitest "
        f"{JS}/node_modules/eslint/lib/cli-engine {JS}/node_modules/@vitest {JS}/node_modules/typescript/lib "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 900", tmp, n_find)
    cap("tree-mypy-pytest-and-latexcodec", f"tree -L 3 {site}/mypy/typeshed/stdlib/encodings {site}/_pytest "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/pip/_internal/resolution {site}/pip/_vendor/rich {LC}", tmp,
        n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 422042)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-422", "ps aux", tmp, n_ps_aux)
        cap("top-b-n1-w220", "top -b -n 1 -w 220", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Africa /usr/share/zoneinfo/Pacific "
        "/usr/share/perl/5.36/Unicode /usr/lib/python3.11/encodings /usr/lib/python3.11/logging /usr/share/i18n/charmaps "
        "/usr/lib/python3.11/unittest /usr/share/zoneinfo/Australia -maxdepth 2 "
        "\\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-africa-pacific-encodings", "cat files.csv", d, n_csv)
    cap("csv-head-120", "head -n 120 files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-dir-500", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY directory, CAST(bytes AS INT) DESC LIMIT 500\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1000", f"{VENV}/bin/pip inspect | head -n 1000", d, n_pip_inspect,
        typed="pip inspect | head -n 1000")


METALS = ["grey iron", "ductile iron", "malleable iron", "gunmetal", "phosphor bronze", "brass", "pig iron", "scrap"]
LOG_MSGS = {
    "INFO": lambda r: (f"cupola {r.randint(1, 3)} {r.choice(METALS)}: tap {r.randint(1380, 1520)} C, "
                       f"{r.randint(200, 3000)} kg into ladle {r.randint(1, 8)}, {r.randint(4, 60)} moulds poured"),
    "DEBUG": lambda r: (f"tuyere {r.randint(1, 12)} blast {r.randint(20, 90)} kPa, coke bed {r.randint(60, 140)} cm, "
                        f"flask {r.randint(1, 200)} sprue {r.randint(1, 9)}"),
    "WARNING": lambda r: (f"ladle {r.randint(1, 8)} {r.choice(METALS)}: pour {r.randint(5, 90)} s late, "
                          f"metal down to {r.randint(1300, 1379)} C"),
    "ERROR": lambda r: (f"heat {r.randint(4000, 4999)} scrapped: {r.randint(2, 30)} castings with "
                        f"{r.choice(['cold shuts', 'blowholes', 'shrinkage at the riser', 'sand inclusions'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "cupolad.log", 42213, 2000, ["cupolad.charge", "cupolad.ladle", "cupolad.mould",
                                                    "cupolad.fettle"], LOG_MSGS, 42200, "2025-12-09")
    cap("log-grep-v-debug-head-800", "grep -v DEBUG cupolad.log | head -n 800", tmp, n_app_log)
    chain("chain-log-grep-warn-error-cupolad", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 cupolad.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
