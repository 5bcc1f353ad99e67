"""Round 63, Python and the machine: the sdists of pyparsing and uritemplate (real PyPI releases) with a few bugs put
in, run through their own test suites with pytest, through ruff and mypy --strict whole, and run wrongly into a
chained traceback; a git history built here by committing pyparsing's sources in steps (log -p, log --stat, blame,
show, status and diff); listings of the unpacked trees and the tools venv (ls -laR, find -printf, tree); the machine's
process table with a busy process started on purpose; the machine's installed Debian packages as a CSV and a sqlite
table; a glassworks' furnace controller log; an installed package's HTML manual page served by python3 -m http.server
and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). Run through capture_wide63.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide63 import SRC, VENV, cap

PP, UT = "pyparsing-3.1.4", "uritemplate-4.1.1"
GIT_ENV = {"GIT_AUTHOR_NAME": "Mirela Dragomir", "GIT_AUTHOR_EMAIL": "mirela@example.org",
           "GIT_COMMITTER_NAME": "Mirela Dragomir", "GIT_COMMITTER_EMAIL": "mirela@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
BUGS = {
    PP: [("pyparsing/core.py", 'else "".join(chr(c) for c in range(ord(p[0]), ord(p[1]) + 1))',
          'else "".join(chr(c) for c in range(ord(p[0]), ord(p[1])))'),
         ("pyparsing/util.py", 'return 1 if 0 < loc < len(s) and s[loc - 1] == "\\n" else loc - s.rfind("\\n", 0, loc)',
          'return 1 if 0 < loc < len(s) and s[loc - 1] == "\\n" else loc - s.rfind("\\n", 0, loc) - 1')],
    UT: [("uritemplate/variable.py", 'format_str = "%s=%s" if explode else "%s,%s"',
          'format_str = "%s=%s" if explode else "%s;%s"'),
         ("uritemplate/variable.py", "return urllib.parse.quote(_encode(value), safe)",
          "return urllib.parse.quote(_encode(value), safe + \"/\")")],
}


def put_bugs(tmp: Path) -> None:
    for pkg, edits in BUGS.items():
        for rel, old, new in edits:
            f = tmp / pkg / rel
            text = f.read_text()
            assert text.count(old) == 1, (pkg, rel, old)
            f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    put_bugs(tmp)
    pp, ut = tmp / PP, tmp / UT
    epp, eut = {"PYTHONPATH": str(pp)}, {"PYTHONPATH": str(ut)}
    cap("pytest-pyparsing-unit-tail-150", "python -m pytest -p no:cacheprovider tests/test_unit.py 2>&1 | tail -n 150",
        pp, n_pytest, env=epp, timeout=900)
    cap("pytest-pyparsing-simple-unit", "python -m pytest -p no:cacheprovider tests/test_simple_unit.py "
        "tests/test_examples.py", pp, n_pytest, env=epp, timeout=900)
    chain("chain-pyparsing-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider tests/test_unit.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], pp, env=epp, timeout=900)
    cap("pytest-pyparsing-tb-line-tail-700", "pytest -q --tb=line -p no:cacheprovider tests/test_unit.py "
        "tests/test_simple_unit.py 2>&1 | tail -n 700", pp, n_pytest, env=epp, timeout=900)
    cap("pytest-uritemplate-full", "python -m pytest -p no:cacheprovider tests", ut, n_pytest, env=eut)
    cap("pytest-uritemplate-v-tail-200", "pytest -v -p no:cacheprovider tests 2>&1 | tail -n 200", ut, n_pytest,
        env=eut)


def py_lint(tmp: Path) -> None:
    pp, ut = tmp / PP, tmp / UT
    cap("ruff-select-all-pyparsing-head-800", "ruff check --no-cache --isolated --select ALL --output-format=concise "
        "pyparsing 2>&1 | head -n 800", pp, n_ruff)
    cap("ruff-select-all-uritemplate-concise", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise uritemplate tests", ut, n_ruff)
    cap("mypy-strict-pyparsing-tail-400", "mypy --strict --no-incremental pyparsing 2>&1 | tail -n 400", pp, n_mypy,
        timeout=900)
    cap("mypy-strict-uritemplate-tests", "mypy --strict --no-incremental uritemplate tests", ut, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-uritemplate", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,PL,ANN .", n_ruff),
           Part("mypy --strict --no-incremental uritemplate", n_mypy, ";")], ut, timeout=900)
    chain("chain-ruff-then-mypy-pyparsing-helpers", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select ALL --output-format=concise pyparsing/helpers.py "
                "pyparsing/results.py", n_ruff),
           Part("mypy --strict --no-incremental pyparsing/helpers.py 2>&1 | tail -n 120", n_mypy, ";")], pp,
          timeout=900)


CONFLOAD = r'''
import sys
import pyparsing as pp

pp.ParserElement.verbose_stacktrace = True
key = pp.Word(pp.srange("[a-z]"), pp.srange("[a-z0-9_]"))
value = pp.QuotedString('"') | pp.common.number | pp.Word(pp.alphanums + "._-/")
entry = pp.Group(key("key") + pp.Suppress("=") + value("value"))
section = pp.Group(pp.Suppress("[") + key("name") + pp.Suppress("]") + pp.Group(pp.ZeroOrMore(entry))("entries"))
config = pp.OneOrMore(section)


class FurnaceConfigError(Exception):
    pass


def load(path):
    text = open(path).read()
    try:
        return config.parse_string(text, parse_all=True)
    except pp.ParseException as exc:
        raise FurnaceConfigError(f"{path}: bad furnace config at line {exc.lineno}, col {exc.col}") from exc


def zone_limits(parsed):
    limits = {}
    for sec in parsed:
        for e in sec.entries:
            if e.key == "max_temp":
                limits[sec.name] = int(e.value)
    return limits


for name in sys.argv[1:]:
    try:
        cfg = load(name)
    except FileNotFoundError:
        print(f"skip item {name}: missing")
        continue
    print(name, zone_limits(cfg))
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "furnace"
    d.mkdir()
    rnd = random.Random(6301)
    good = []
    for z in range(6):
        good.append(f"[zone{z}]\nmax_temp = {rnd.randint(1100, 1500)}\nramp = {rnd.uniform(1, 9):.1f}\n"
                    f"label = \"Annealer {z}\"\n")
    (d / "a.conf").write_text("".join(good))
    (d / "b.conf").write_text("".join(good[:3]) + "[zone9]\nmax_temp = 1250\nramp = 4.5\nzone = \"lehr\"\n")
    (d / "c.conf").write_text("".join(good[:2]) + "[zone7]\nmax_temp = 1,350\n")
    (d / "confload.py").write_text(CONFLOAD)
    env = {"PYTHONPATH": str(tmp / PP)}
    cap("python-chained-traceback-confload", "python3 confload.py a.conf missing.conf c.conf", d, n_chained, env=env)


def git_history(tmp: Path) -> None:
    """pyparsing's sources committed module by module (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "pyparsing-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('pyparsing-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / PP} {repo} && rm -rf {pristine}")
    modules = sorted((repo / "pyparsing").glob("*.py"))
    keep = {p.name: p.read_text() for p in modules}
    for p in modules:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: docs, examples, tests'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-04 09:10:00",
                       "GIT_COMMITTER_DATE": "2025-03-04 09:10:00"})
    rnd = random.Random(6302)
    for k, name in enumerate(sorted(keep)):
        body = keep[name].splitlines(keepends=True)
        cuts = [len(body)] if len(body) < 300 else [len(body) // 3, len(body) * 2 // 3, len(body)]
        for j, cut in enumerate(cuts):
            stamp = f"2025-{3 + k % 9:02d}-{10 + k % 15:02d} {9 + j * 3:02d}:{rnd.randint(10, 59)}:00"
            who = {} if j % 2 == 0 else {"GIT_AUTHOR_NAME": "Tobias Lindqvist", "GIT_AUTHOR_EMAIL": "tobias@example.org"}
            (repo / "pyparsing" / name).write_text("".join(body[:cut]))
            msg = f"Add {name[:-3]}" if j == 0 else f"{name[:-3]}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    for rel, old, new in BUGS[PP]:
        f = repo / rel
        f.write_text(f.read_text().replace(old, new))
    (repo / "NOTES.draft").write_text("srange: check the upper bound of a range\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-core-head-900", "git blame pyparsing/core.py | head -n 900", repo, n_blame, env=GIT_ENV)
    cap("git-show-core-part-2", "git show ':/^core: part 2'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-6", "git diff HEAD~6 -- pyparsing", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-pyparsing", f"ls -laR {PP}", tmp, n_ls_lR)
    cap("find-printf-mypy-install-head-700", f"find {site}/mypy -type f -printf '%M %u %8s %p\\n' | sort -k4 | "
        "head -n 700", tmp, n_find)
    cap("tree-site-packages-L2", f"tree -L 2 {site}", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(range(10000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "pkgdata"
    d.mkdir()
    run("dpkg-query -W -f='${Package},${Version},${Architecture},${Installed-Size},${Priority},${Section},"
        "${db:Status-Abbrev}\\n' | tr -d ' ' | sort > pkgs.body", cwd=d)
    run("(echo 'package,version,arch,installed_kb,priority,section,status'; cat pkgs.body) > packages.csv", cwd=d)
    cap("csv-head-700-packages", "head -n 700 packages.csv", d, n_csv)
    run("sqlite3 pkgs.db \".mode csv\" \".import packages.csv packages\"", cwd=d)
    cap("sqlite-column-largest-300", "sqlite3 -header -column pkgs.db \"SELECT package, version, section, priority, "
        "CAST(installed_kb AS INT) AS kb FROM packages ORDER BY kb DESC LIMIT 300\"", d, n_sqlite_col)


FURNACELOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(6303)
zone = logging.getLogger("furnace.zone")
lehr = logging.getLogger("furnace.lehr")
gas = logging.getLogger("furnace.gas")
for i in range(1500):
    z = rnd.randint(0, 5)
    zone.debug("zone%d thermocouple raw %d", z, rnd.randint(30000, 52000))
    if i % 211 == 17:
        lehr.warning("lehr belt %d speed drift %.1f%%", z, rnd.uniform(2, 6))
    elif i == 433:
        try:
            int("1,350")
        except ValueError:
            zone.exception("unreadable setpoint for zone%d", z)
    elif i == 812:
        gas.error("gas valve V4 did not confirm open within 3 s, burner held")
    elif i == 1377:
        gas.critical("flame loss on burner B2, zone3 shut down")
    elif i % 280 == 9:
        lehr.info("annealing cycle %d complete in %d s", i // 280, rnd.randint(1800, 2400))
    zone.info("zone%d at %d C setpoint %d C duty %d%% in %dms", z, rnd.randint(1080, 1480),
              rnd.choice([1150, 1250, 1400]), rnd.randint(20, 95), rnd.randint(2, 30) if i != 960 else 3100)
'''


def app_log(tmp: Path) -> None:
    (tmp / "furnacelog.py").write_text(FURNACELOG)
    run("python3 furnacelog.py > furnace.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-900", "grep -v DEBUG furnace.log | tail -n 900", tmp, n_app_log)


MANUAL = Path("/usr/share/doc/chicken-bin/manual-html")


def docs(tmp: Path) -> None:
    if not MANUAL.is_dir():
        cm.note("skip docs: no chicken-bin manual")
        return
    cm.start(f"python3 -m http.server 18763 --bind 127.0.0.1 --directory {MANUAL}")
    time.sleep(1.5)
    cap("curl-html-manual-irregex", "curl -s 'http://127.0.0.1:18763/Module%20(chicken%20irregex).html'", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
