"""Round 80, Python and the machine: the sdist of configobj (a real PyPI release, a config-file reader with a
validation module) with a few bugs put in, run through its own test suite and doctests with pytest, through ruff and
mypy --strict, and run wrongly into a chained traceback; a git history built here by committing configobj's sources in
steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools and the tools
venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux, top
-b); the round's installed npm packages as a CSV and a sqlite table, and pip inspect; a greenhouse irrigation log; an
installed Debian package's HTML documentation served by python3 -m http.server and fetched with curl. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide80.py."""

from __future__ import annotations

import random
import sys
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
from capture_wide80 import JS, SRC, VENV, cap

CO = "configobj-5.0.9"
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Solberg", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Solberg", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
BUGS = [("src/configobj/validate.py", "            value = int(value)\n        except ValueError:\n"
         "            raise VdtTypeError(value)\n    if (min_val is not None) and (value < min_val):",
         "            value = int(value)\n        except ValueError:\n"
         "            raise VdtTypeError(value)\n    if (min_val is not None) and (value <= min_val):"),
        ("src/configobj/__init__.py", "'on': True, 'off': False,", "'on': True, 'off': True,"),
        ("src/configobj/validate.py", "return struct.unpack('!L',", "return struct.unpack('<L',")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    co = tmp / CO
    put_bugs(co)
    env = {"PYTHONPATH": str(co / "src")}
    cap("pytest-configobj-doctest-modules", "python -m pytest -p no:cacheprovider --doctest-modules src/configobj "
        "src/tests", co, n_pytest, env=env, timeout=900)
    cap("pytest-configobj-tests", "python -m pytest -p no:cacheprovider src/tests", co, n_pytest, env=env,
        timeout=900)
    chain("chain-configobj-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider src/tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], co, env=env, timeout=900)
    cap("pytest-configobj-tb-line", "pytest -q --tb=line -p no:cacheprovider --doctest-modules src/configobj src/tests",
        co, n_pytest, env=env, timeout=900)
    cap("pytest-configobj-validate-v-tail-250", "pytest -v -p no:cacheprovider --doctest-modules "
        "src/configobj/validate.py src/tests/test_validate.py src/tests/test_validate_errors.py 2>&1 | tail -n 250",
        co, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    co = tmp / CO
    cap("ruff-select-all-configobj-head-900", "ruff check --no-cache --isolated --select ALL --output-format=concise "
        "src 2>&1 | head -n 900", co, n_ruff)
    cap("ruff-configobj-validate", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM src/configobj/validate.py",
        co, n_ruff)
    cap("mypy-strict-configobj", "mypy --strict --no-incremental src/configobj 2>&1 | tail -n 500", co, n_mypy,
        timeout=900)
    chain("chain-ruff-then-mypy-configobj", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,PL --output-format=concise src", n_ruff),
           Part("mypy --strict --no-incremental src/configobj 2>&1 | tail -n 150", n_mypy, ";")], co, timeout=900)


IRRIGATE = r'''
import sys
from configobj import ConfigObj
from configobj.validate import Validator

SPEC = """
[__many__]
litres = integer(min=0, max=400)
start = string
valve_ip = ip_addr
enabled = boolean
""".splitlines()


class ScheduleError(Exception):
    pass


def litres(zone, sec):
    try:
        return int(sec["litres"])
    except ValueError as exc:
        raise ScheduleError(f"zone {zone}: unreadable litres {sec['litres']!r}") from exc


cfg = ConfigObj(sys.argv[1], configspec=SPEC)
print("validated:", cfg.validate(Validator(), preserve_errors=True))
for zone, sec in cfg.items():
    print(f"{zone}: {litres(zone, sec)} l at {sec['start']} via {sec['valve_ip']}, on={sec.as_bool('enabled')}")
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "irrigate"
    d.mkdir()
    rnd = random.Random(8001)
    zones = []
    for k in range(6):
        zones.append(f"[bed{k + 1}]\nlitres = {rnd.randint(20, 300)}\nstart = 0{rnd.randint(4, 7)}:{rnd.randint(10, 59)}"
                     f"\nvalve_ip = 10.0.{rnd.randint(1, 9)}.{rnd.randint(10, 250)}\nenabled = on\n")
    zones.append("[orchard]\nlitres = 1 200\nstart = 05:40\nvalve_ip = 10.0.4.77\nenabled = off\n")
    (d / "zones.ini").write_text("\n".join(zones))
    (d / "irrigate.py").write_text(IRRIGATE)
    cap("python-chained-traceback-irrigate", "python3 irrigate.py zones.ini", d, n_chained,
        env={"PYTHONPATH": str(tmp / CO / "src")})


def git_history(tmp: Path) -> None:
    """configobj's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "configobj-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('configobj-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / CO} {repo} && rm -rf {pristine}")
    files = sorted((repo / "src" / "configobj").glob("*.py")) + sorted((repo / "src" / "tests").glob("*.py"))
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: docs, packaging, fixtures'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-11 09:05:00",
                       "GIT_COMMITTER_DATE": "2025-03-11 09:05:00"})
    rnd = random.Random(8002)
    n = 0
    for rel in sorted(keep):
        body = keep[rel].splitlines(keepends=True)
        step = 350
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 9:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wrona", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.draft").write_text("validate: is min inclusive? check is_integer\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-validate-L600-1100", "git blame -L 600,1100 src/configobj/validate.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-init-part-3", "git show ':/^__init__: part 3'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-6", "git diff HEAD~6 -- src", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-configobj", f"ls -laR {CO}", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/vitest {JS}/node_modules/eslint -type f "
        "-name '*.js' -printf '%M %u %8s %p\\n' | sort -k4 | head -n 700", tmp, n_find)
    cap("tree-site-packages-mypy-L2", f"tree -L 2 {site}/mypy", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(i * i for i in range(50000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


PKGS = r'''
import csv, json, os, sys
root = sys.argv[1]
w = csv.writer(sys.stdout)
w.writerow(["name", "version", "license", "type", "n_files", "size_bytes", "n_deps"])
rows = []
for dirpath, dirs, files in os.walk(root):
    if "package.json" in files and os.path.basename(os.path.dirname(dirpath)) in ("node_modules",) or (
            "package.json" in files and os.path.basename(os.path.dirname(os.path.dirname(dirpath))) == "node_modules"
            and os.path.basename(os.path.dirname(dirpath)).startswith("@")):
        try:
            meta = json.load(open(os.path.join(dirpath, "package.json")))
        except Exception:
            continue
        if "name" not in meta:
            continue
        n = size = 0
        for dp, _, fs in os.walk(dirpath):
            for f in fs:
                n += 1
                size += os.path.getsize(os.path.join(dp, f))
        lic = meta.get("license")
        lic = lic.get("type") if isinstance(lic, dict) else (lic or "")
        rows.append([meta["name"], meta.get("version", ""), lic, meta.get("type", "commonjs"), n, size,
                     len(meta.get("dependencies") or {})])
for r in sorted(rows, key=lambda r: r[0]):
    w.writerow(r)
'''


def tables(tmp: Path) -> None:
    d = tmp / "pkgs"
    d.mkdir()
    (d / "pkgs.py").write_text(PKGS)
    run(f"python3 pkgs.py {JS}/node_modules > npm_pkgs.csv", cwd=d)
    cap("csv-npm-packages", "cat npm_pkgs.csv", d, n_csv)
    run("sqlite3 pkgs.db \".mode csv\" \".import npm_pkgs.csv pkgs\"", cwd=d)
    cap("sqlite-column-by-size", "sqlite3 -header -column pkgs.db \"SELECT name, version, license, type, "
        "CAST(n_files AS INT) AS files, CAST(size_bytes AS INT) AS bytes, CAST(n_deps AS INT) AS deps FROM pkgs "
        "ORDER BY bytes DESC\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


GREENLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(8003)
valves = logging.getLogger("greenhouse.valves")
soil = logging.getLogger("greenhouse.soil")
pump = logging.getLogger("greenhouse.pump")
for i in range(1500):
    z = rnd.randint(1, 6)
    soil.debug("bed%d probe raw %d", z, rnd.randint(300, 900))
    if i % 211 == 37:
        pump.warning("pump P%d inlet pressure %.2f bar below 1.2 bar minimum", rnd.randint(1, 2), rnd.uniform(0.6, 1.1))
    elif i == 402:
        try:
            int("1 200")
        except ValueError:
            valves.exception("unreadable litres for bed%d", z)
    elif i == 811:
        pump.error("pump P2 did not confirm start within 3 s, cycle skipped")
    elif i == 1377:
        valves.critical("valve bed4 stuck open, master valve closed")
    elif i % 250 == 19:
        valves.info("cycle %d done: %d l over %d beds in %d s", i // 250, rnd.randint(300, 900), 6,
                    rnd.randint(900, 1400))
    soil.info("bed%d moisture %.1f%% at %.1f C in %dms", z, rnd.uniform(18, 42), rnd.uniform(14, 31),
              rnd.randint(2, 40) if i != 1066 else 3100)
'''


def app_log(tmp: Path) -> None:
    (tmp / "greenlog.py").write_text(GREENLOG)
    run("python3 greenlog.py > greenhouse.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-800", "grep -v DEBUG greenhouse.log | tail -n 800", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -A3 greenhouse.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/dnsmasq-base")


def docs(tmp: Path) -> None:
    if not (DOC / "setup.html").is_file():
        cm.note("skip docs: no dnsmasq setup.html")
        return
    cm.start(f"python3 -m http.server 18780 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-dnsmasq-setup", "curl -s http://127.0.0.1:18780/setup.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
