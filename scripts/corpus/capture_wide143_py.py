"""Round 143, Python and the machine: the sdist of aniso8601 (a real PyPI release: an ISO 8601 date, time, duration
and interval parser with its own builders) with a few bugs put in, run through its own test suite with pytest, through
ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by committing
aniso8601's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm
tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux, top -b); the packages of the round's npm tools tree (read from their package.json files) as a CSV and
a sqlite table, and pip inspect; a backup scheduler's log; an installed Debian package's HTML documentation (gdisk's
sgdisk page) served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide143.py."""


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
from capture_wide143 import JS, SRC, VENV, cap

MK = "aniso8601-10.0.1"
PYB = "aniso8601/builders/python.py"
DATE = "aniso8601/date.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ruth Nakagawa", "GIT_AUTHOR_EMAIL": "ruth@example.org",
           "GIT_COMMITTER_NAME": "Ruth Nakagawa", "GIT_COMMITTER_EMAIL": "ruth@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A week date with a day lands one day late; a negative UTC offset with minutes adds its minutes instead of
# subtracting them; a duration's hours and minutes swapped when built into a timedelta.
BUGS = [(PYB, "weeks=isoweek - 1, days=isoday - 1", "weeks=isoweek - 1, days=isoday"),
        (PYB, "minutes=-(tzhour * 60 + tzminute)", "minutes=-(tzhour * 60) + tzminute"),
        (PYB, "minutes=TnM,\n            hours=TnH,", "minutes=TnH,\n            hours=TnM,")]


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
    cap("pytest-aniso8601-v-tail-1500", "python -m pytest -v -p no:cacheprovider aniso8601 2>&1 | tail -n 1500",
        cp, n_pytest, env=env, timeout=900)
    chain("chain-aniso8601-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider aniso8601", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-aniso8601-builders-tb-long", "pytest -q --tb=long -p no:cacheprovider aniso8601/builders 2>&1 | "
        "tail -n 900", cp, n_pytest, env=env, timeout=900)
    cap("pytest-aniso8601-python-duration-tz-rA", "pytest -q -rA -p no:cacheprovider "
        "aniso8601/builders/tests/test_python.py aniso8601/tests/test_duration.py aniso8601/tests/test_timezone.py "
        "2>&1 | tail -n 500", cp, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-aniso8601-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise aniso8601 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-aniso8601-builders-date-time", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN,D "
        f"{PYB} {DATE} aniso8601/time.py aniso8601/duration.py", cp, n_ruff)
    cap("mypy-strict-aniso8601", "mypy --strict --no-incremental aniso8601 2>&1 | tail -n 600", cp, n_mypy,
        timeout=900)
    chain("chain-ruff-then-mypy-aniso8601", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental aniso8601/builders 2>&1 | tail -n 150", n_mypy, ";")], cp,
          timeout=900)


SCHEDULE = r"""
import aniso8601


class ScheduleError(Exception):
    pass


def window(job, spec):
    try:
        return aniso8601.parse_repeating_interval(spec)
    except Exception as exc:
        raise ScheduleError(f"job {job}: bad schedule {spec!r}") from exc


jobs = {"nightly-db": "R5/2025-06-01T02:00:00Z/P1D",
        "weekly-logs": "R3/2025-W23-1T03:30:00+02:00/P1W",
        "monthly-archive": "R12/2025-06-01T04:00:00Z/P1M0D"}
for job, spec in jobs.items():
    print(job, [str(t) for t in window(job, spec)][:2])
# a schedule written in the team's old notation (a day with a month past 12)
print("quarterly", list(window("quarterly", "R4/2025-14-01T05:00:00Z/P3M")))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "sched"
    d.mkdir()
    (d / "schedule.py").write_text(SCHEDULE)
    cap("python-chained-traceback-schedule", "python3 schedule.py", d, n_chained, env={"PYTHONPATH": str(tmp / MK)})


def git_history(tmp: Path) -> None:
    """aniso8601's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "aniso8601-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('aniso8601-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / DATE, repo / "aniso8601/time.py", repo / PYB, repo / "aniso8601/duration.py",
             repo / "aniso8601/interval.py", repo / "aniso8601/tests/test_time.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, exceptions, resolution'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-03 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-03-03 09:12:00"})
    rnd = random.Random(14302)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 90
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Olle Vasquez", "GIT_AUTHOR_EMAIL": "olle@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("W23-3 parses as Thursday? check _build_week_date\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-aniso8601-python-builder", f"git blame {PYB}", repo, n_blame, env=GIT_ENV)
    cap("git-show-python-part-5", "git show ':/^python: part 5'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-10", "git diff HEAD~10 -- aniso8601", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-aniso8601-sdist-and-pytest", f"ls -laR {MK} {site}/_pytest {site}/pluggy {site}/iniconfig", tmp,
        n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint/lib/linter "
        f"{JS}/node_modules/eslint/lib/rules {JS}/node_modules/url-parse {JS}/node_modules/querystringify "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700",
        tmp, n_find)
    cap("tree-site-packages-mypy-ruff", f"tree -L 2 {site}/mypy/typeshed/stdlib/os {site}/mypy/typeshed/stdlib/json "
        f"{site}/mypy/plugins {site}/mypyc/irbuild {site}/_pytest/config", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sorted(str(i * 7919) for i in range(150000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-rss-head", "chain-ps", "listing",
          [Part("ps aux --sort=-rss | head -n 30", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


PKGS_CSV = r"""
const fs = require("fs");
const path = require("path");
const root = process.argv[2];
const rows = [];
const visit = (dir) => {
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (name.startsWith("@")) { visit(full); continue; }
    let pj;
    try { pj = JSON.parse(fs.readFileSync(path.join(full, "package.json"), "utf8")); } catch { continue; }
    const files = fs.readdirSync(full).length;
    const deps = Object.keys(pj.dependencies || {}).length;
    const lic = typeof pj.license === "string" ? pj.license : "unknown";
    const kind = pj.type === "module" ? "module" : "commonjs";
    rows.push([pj.name, pj.version, lic, kind, deps, files, (pj.engines && pj.engines.node) || ""]);
  }
};
visit(root);
rows.sort((a, b) => a[0].localeCompare(b[0]));
console.log("name,version,license,type,dependencies,top_files,node_engine");
for (const r of rows) console.log(r.map((v) => String(v).includes(",") ? `"${v}"` : v).join(","));
"""


def tables(tmp: Path) -> None:
    d = tmp / "pkgs"
    d.mkdir()
    (d / "pkgs.cjs").write_text(PKGS_CSV)
    run(f"node pkgs.cjs {JS}/node_modules > pkgs.csv", cwd=d)
    cap("csv-npm-tools-packages", "cat pkgs.csv", d, n_csv)
    run("sqlite3 pkgs.db \".mode csv\" \".import pkgs.csv pkgs\"", cwd=d)
    cap("sqlite-column-packages-by-files", "sqlite3 -header -column pkgs.db \"SELECT name, version, license, type, "
        "CAST(dependencies AS INT) AS deps, CAST(top_files AS INT) AS files, node_engine FROM pkgs "
        "ORDER BY CAST(top_files AS INT) DESC, name\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(14303)
sched = logging.getLogger("vaultkeep.scheduler")
snap = logging.getLogger("vaultkeep.snapshot")
prune = logging.getLogger("vaultkeep.prune")
hosts = ["db-01", "db-02", "web-01", "web-02", "files", "mail"]
for i in range(1300):
    host = rnd.choice(hosts)
    snap.debug("chunk %d of %s deduplicated (%d KiB, %s)", i, host, rnd.randint(1, 4096), rnd.choice(["hit", "hit", "new"]))
    if i % 149 == 37:
        prune.warning("%s: snapshot %s older than retention, kept by hold", host, rnd.choice(["daily.7", "weekly.3"]))
    elif i == 402:
        try:
            {"db-01": 3}[host + "-replica"]
        except KeyError:
            snap.exception("chunk %d of %s: replica lookup failed", i, host)
    elif i == 815:
        sched.error("job %s-nightly: repository /srv/vault/%s locked by pid %d", host, host, rnd.randint(2000, 9000))
    elif i == 1244:
        sched.critical("repository /srv/vault out of space (0 bytes free), stopping after %d chunks", i)
    elif i % 210 == 19:
        sched.info("window %s opened, %d jobs queued", rnd.choice(["02:00", "03:30"]), rnd.randint(1, 12))
    snap.info("chunk %d of %s stored in %dms", i, host, rnd.randint(3, 250) if i != 977 else 38800)
"""


def app_log(tmp: Path) -> None:
    (tmp / "vaultlog.py").write_text(SVCLOG)
    run("python3 vaultlog.py > vaultkeep.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG vaultkeep.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 vaultkeep.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/gdisk")


def docs(tmp: Path) -> None:
    if not (DOC / "sgdisk.html").is_file():
        cm.note("skip docs: no sgdisk.html")
        return
    cm.start(f"python3 -m http.server 18843 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-gdisk-sgdisk", "curl -s http://127.0.0.1:18843/sgdisk.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
