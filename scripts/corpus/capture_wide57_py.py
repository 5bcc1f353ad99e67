"""Round 57, Python and the machine: the sdists of more-itertools and toolz (real PyPI releases) with a few bugs put
in, run through their own test suites with pytest and through ruff, flake8, pylint and mypy whole, the way agents type
them; a git history built here from toolz's sources (log --stat, log -p, blame, status and diff); listings of the
unpacked trees and the tools venv; a grain silo network's load CSV and sqlite table, the machine's process table,
npm's own package.json, a sensor API on loopback and a silo controller's log. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide57.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, run
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import (n_csv, n_du, n_find, n_json_api, n_json_file, n_ls_lR, n_ps_aux,
                                 n_sqlite_col)
from capture_wide15_diag import n_flake8, n_mypy, n_pylint, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_status
from capture_wide57 import SRC, VENV, cap

MORE, TOOLZ = "more-itertools-10.5.0", "toolz-1.0.0"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ilse Verbruggen", "GIT_AUTHOR_EMAIL": "ilse@example.org",
           "GIT_COMMITTER_NAME": "Ilse Verbruggen", "GIT_COMMITTER_EMAIL": "ilse@example.org",
           "GIT_CONFIG_NOSYSTEM": "1"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
BUGS = {
    MORE: [("more_itertools/more.py", "padding = (fillvalue,) * (n - 1 if step >= n else step - 1)",
            "padding = (fillvalue,) * (n if step >= n else step - 1)"),
           ("more_itertools/more.py", "return sum(compress(repeat(1), zip(iterable)))",
            "return sum(compress(repeat(1), zip(iterable))) - 1"),
           ("more_itertools/recipes.py", "return next(islice(iterable, n, None), default)",
            "return next(islice(iterable, n + 1, None), default)")],
    TOOLZ: [("toolz/itertoolz.py", "yield prev[:len(seq) % n]", "yield prev[:len(seq) % n + 1]"),
            ("toolz/itertoolz.py", "collections.deque(itertools.islice(it, i), 0)",
             "collections.deque(itertools.islice(it, i + 1), 0)")],
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
    mi, tz = tmp / MORE, tmp / TOOLZ
    cap("pytest-more-itertools-full", "python -m pytest -p no:cacheprovider tests", mi, n_pytest,
        env={"PYTHONPATH": str(mi)})
    chain("chain-more-itertools-pytest-q-exit", "chain-test-exit", "test",
          [Part("pytest -q -p no:cacheprovider tests/test_more.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], mi, env={"PYTHONPATH": str(mi)})
    cap("pytest-more-itertools-recipes-v-tail-80", "pytest -v -p no:cacheprovider tests/test_recipes.py 2>&1 | "
        "tail -80", mi, n_pytest, env={"PYTHONPATH": str(mi)})
    cap("pytest-toolz-v", "python -m pytest -v -p no:cacheprovider toolz/tests", tz, n_pytest,
        env={"PYTHONPATH": str(tz)})
    chain("chain-cd-toolz-pytest-tb-short-exit", "chain-test-exit", "test",
          [Part("pytest --tb=short -p no:cacheprovider toolz/tests/test_itertoolz.py toolz/tests/test_curried.py",
                n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], tz, env={"PYTHONPATH": str(tz)})
    cap("pytest-more-itertools-tb-line-tail-80", "pytest -q --tb=line -p no:cacheprovider tests 2>&1 | tail -80", mi,
        n_pytest, env={"PYTHONPATH": str(mi)})
    cap("pytest-toolz-doctest-modules", "pytest --doctest-modules -p no:cacheprovider toolz/itertoolz.py "
        "toolz/dicttoolz.py toolz/functoolz.py", tz, n_pytest, env={"PYTHONPATH": str(tz)})


def py_lint(tmp: Path) -> None:
    mi, tz = tmp / MORE, tmp / TOOLZ
    cap("ruff-select-all-more-itertools-head-700", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise more_itertools 2>&1 | head -n 700", mi, n_ruff)
    cap("ruff-toolz-full", "ruff check --no-cache --isolated --select E,F,W,B,SIM,UP,PL toolz", tz, n_ruff)
    chain("chain-ruff-then-mypy-toolz", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select B,C4,PERF,RET toolz", n_ruff),
           Part("mypy --no-incremental --ignore-missing-imports toolz", n_mypy, ";")], tz)
    cap("flake8-more-itertools", "flake8 --isolated more_itertools tests", mi, n_flake8)
    chain("chain-flake8-toolz-exit", "chain-lint-exit", "lint",
          [Part("flake8 --isolated toolz", n_flake8), Part("echo EXIT=$?", n_status_echo, ";")], tz)
    cap("pylint-toolz-tail-250", "pylint --rcfile=/dev/null toolz 2>&1 | tail -n 250", tz, n_pylint, timeout=900)
    cap("pylint-more-itertools-recipes", "pylint --rcfile=/dev/null more_itertools/recipes.py", mi, n_pylint,
        timeout=900)
    cap("mypy-strict-more-itertools-tests-tail-400", "mypy --strict --no-incremental more_itertools tests 2>&1 | "
        "tail -n 400", mi, n_mypy)
    cap("pylint-more-itertools-more-tail-300", "pylint --rcfile=/dev/null more_itertools/more.py 2>&1 | tail -n 300",
        mi, n_pylint, timeout=900)
    chain("chain-ruff-then-mypy-more-itertools", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,PL .", n_ruff),
           Part("mypy --no-incremental more_itertools", n_mypy, ";")], mi)
    cap("mypy-strict-toolz-tail-300", "mypy --strict --no-incremental toolz 2>&1 | tail -n 300", tz, n_mypy)


def git_history(tmp: Path) -> None:
    """toolz's sources committed module by module (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "toolz-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('toolz-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {next(pristine.glob('toolz-*'))} {repo} && rm -rf {pristine}")
    modules = sorted((repo / "toolz").glob("*.py"))
    keep = {p.name: p.read_text() for p in modules}
    for p in modules:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: setup, tests, tlz shim'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-02-03 08:30:00",
                       "GIT_COMMITTER_DATE": "2025-02-03 08:30:00"})
    rnd = random.Random(5701)
    for k, name in enumerate(sorted(keep)):
        body = keep[name].splitlines(keepends=True)
        cut = len(body) * 2 // 3 if len(body) > 150 else len(body)
        stamp = f"2025-{2 + k % 10:02d}-{11 + k % 16:02d} {10 + k % 8:02d}:{rnd.randint(10, 59)}:00"
        (repo / "toolz" / name).write_text("".join(body[:cut]))
        run(f"git add -A && git commit -qm 'Add {name[:-3]}'", cwd=repo,
            env={**GIT_ENV, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
        if cut < len(body):
            stamp2 = stamp[:11] + "2" + stamp[12:]
            (repo / "toolz" / name).write_text("".join(body))
            run(f"git add -A && git commit -qm '{name[:-3]}: finish the module'", cwd=repo,
                env={**GIT_ENV, "GIT_AUTHOR_NAME": "Kofi Mensah", "GIT_AUTHOR_EMAIL": "kofi@example.org",
                     "GIT_AUTHOR_DATE": stamp2, "GIT_COMMITTER_DATE": stamp2})
    for rel, old, new in BUGS[TOOLZ]:
        f = repo / rel
        f.write_text(f.read_text().replace(old, new))
    (repo / "CHANGES.draft").write_text("partition_all: keep the last short chunk\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    chain("chain-git-log-p-3-status", "chain-git-log-status", "git",
          [Part("git log -p -3", n_log_p), Part("git status", n_status, "&&")], repo, env=GIT_ENV)
    cap("git-blame-itertoolz-head-900", "git blame toolz/itertoolz.py | head -n 900", repo, n_blame, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-log-p-itertoolz-head-1200", "git log -p -- toolz/itertoolz.py | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-diff-head-5", "git diff HEAD~5 -- toolz", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    cap("ls-lR-toolz", f"ls -lR {TOOLZ}", tmp, n_ls_lR)
    cap("find-printf-sort", "find . -type f -not -path './toolz-git/.git/*' -printf '%M %u %8s %p\\n' | sort -k4",
        tmp, n_find)
    cap("du-ah-sort-head-150", f"du -ah {VENV}/lib | sort -rh | head -n 150", tmp, n_du)
    cap("ps-aux", "ps aux", tmp, n_ps_aux)
    cap("ps-aux-sort-mem-head-60", "ps aux --sort=-%mem | head -n 60", tmp, n_ps_aux)
    cap("ls-lR-more-itertools", f"ls -lR {MORE}", tmp, n_ls_lR)
    cap("find-printf-typeshed-stdlib-head-500", f"find {VENV}/lib -path '*typeshed/stdlib*' -name '*.pyi' "
        "-printf '%M %u %8s %p\\n' | sort -k4 | head -n 500", tmp, n_find)


SILOS = ["Tienen-N1", "Tienen-N2", "Gembloux-A", "Gembloux-B", "Leuven-Oost", "Namur-Port", "Liege-Quai"]


def tables(tmp: Path) -> None:
    d = tmp / "silo-data"
    d.mkdir()
    rnd = random.Random(5702)
    hdr = "load_id,silo,bay,grain,weighed_at,tonnes,moisture_pct,wait_min,status"
    rows = []
    for i in range(1000):
        status = "accepted" if rnd.random() < 0.94 else rnd.choice(["rejected_moisture", "scale_fault", "reweigh"])
        wait = rnd.randint(2, 55) if i != 613 else 1440
        rows.append([f"L{570000 + i}", rnd.choice(SILOS), f"B{rnd.randint(1, 4)}",
                     rnd.choice(["wheat", "wheat", "wheat", "barley", "barley", "maize", "rapeseed"]),
                     f"2026-08-{rnd.randint(1, 31):02d}T{rnd.randint(6, 21):02d}:{rnd.randint(0, 59):02d}:00",
                     round(rnd.uniform(8.0, 31.5), 2), round(rnd.uniform(11.0, 16.5), 1), wait, status])
    (d / "loads.csv").write_text(hdr + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n")
    cap("csv-cat-loads", "cat loads.csv", d, n_csv)
    run("sqlite3 silo.db \".mode csv\" \".import loads.csv loads\"", cwd=d)
    cap("sqlite-column-per-silo-grain", "sqlite3 -header -column silo.db \"SELECT silo, bay, grain, COUNT(*) AS n, "
        "ROUND(SUM(tonnes), 1) AS tonnes, MAX(CAST(wait_min AS INT)) AS max_wait FROM loads GROUP BY silo, bay, grain "
        "ORDER BY silo, bay, grain\"", d, n_sqlite_col)
    cap("csv-head-500-loads", "head -n 500 loads.csv", d, n_csv)
    cap("sqlite-column-not-accepted", "sqlite3 -header -column silo.db \"SELECT * FROM loads WHERE status != "
        "'accepted' OR CAST(wait_min AS INT) > 50 ORDER BY silo, weighed_at\"", d, n_sqlite_col)
    cap("json-tool-npm-package-json", "python3 -m json.tool /usr/lib/node_modules/npm/package.json", tmp, n_json_file)
    _silos_json(d)
    cm.start("python3 -m http.server 18757 --bind 127.0.0.1", cwd=d)
    time.sleep(1.5)
    cap("curl-json-tool-silo-sensors", "curl -s http://127.0.0.1:18757/silos.json | python3 -m json.tool", d,
        n_json_api)


def _silos_json(d: Path) -> None:
    import json
    rnd = random.Random(5703)
    recs = []
    for i in range(240):
        st = "online" if rnd.random() < 0.92 else rnd.choice(["maintenance", "offline"])
        recs.append({"module": f"sensors/S{5700 + i}", "silo": rnd.choice(SILOS),
                     "kind": rnd.choice(["temp", "temp", "co2", "level"]),
                     "status": st, "reading": round(rnd.uniform(8.0, 24.0), 2) if i != 97 else 71.4,
                     "battery_pct": rnd.randint(20, 100)})
        if st == "offline":
            recs[-1]["error"] = rnd.choice(["no heartbeat for 6 h", "radio link lost: gateway G2 unreachable"])
    (d / "silos.json").write_text(json.dumps({"site": "Hesbaye grain network", "count": len(recs),
                                              "failed": sum(r["status"] != "online" for r in recs), "results": recs}))


SILOLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(5704)
scale = logging.getLogger("silo.scale")
dryer = logging.getLogger("silo.dryer")
auger = logging.getLogger("silo.auger")
for i in range(1400):
    b = rnd.randint(1, 4)
    scale.debug("bay B%d load cell raw %d", b, rnd.randint(10000, 90000))
    if i % 197 == 11:
        dryer.warning("dryer %d outlet temperature high (%d C)", b, rnd.randint(61, 75))
    elif i == 410:
        try:
            float("12,4")
        except ValueError:
            scale.exception("unreadable weight from bay B%d", b)
    elif i == 777:
        auger.error("auger A3 motor overcurrent, conveyor stopped")
    elif i == 1302:
        dryer.critical("dryer 2 flame failure, burner locked out")
    elif i % 260 == 5:
        auger.info("conveyor B%d restarted after %d s", b, rnd.randint(20, 400))
    scale.info("load L%d weighed at B%d grain=%s tonnes=%.2f processed in %dms", 570000 + i, b,
               rnd.choice(["wheat", "barley", "maize"]), rnd.uniform(8.0, 31.5),
               rnd.randint(3, 40) if i != 900 else 2400)
'''


def app_log(tmp: Path) -> None:
    (tmp / "silolog.py").write_text(SILOLOG)
    run("python3 silolog.py > silo.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-800", "grep -v DEBUG silo.log | tail -n 800", tmp, n_app_log)
    cap("log-head-1100", "head -n 1100 silo.log", tmp, n_app_log)


STEPS = [py_tests, py_lint, git_history, listings, tables, app_log]
