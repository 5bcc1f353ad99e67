"""Round 72, Python and the machine: the sdist of WebOb (a real PyPI release, a WSGI request/response library) with a
few bugs put in, run through its own test suite with pytest, through ruff and mypy --strict, and run wrongly into a
chained traceback; a git history built here by committing WebOb's sources in steps (log -p, log --stat, blame, show,
status and diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process
table with a busy process started on purpose (ps aux, top -b); the tools venv's installed distributions as a CSV and
a sqlite table, and pip inspect; a bakery's proofing-room log; an installed Debian package's HTML documentation served
by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). Run through capture_wide72.py."""

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
from capture_wide72 import SRC, VENV, cap

WO = "webob-1.8.11"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Carvalho", "GIT_AUTHOR_EMAIL": "ines@example.org",
           "GIT_COMMITTER_NAME": "Ines Carvalho", "GIT_COMMITTER_EMAIL": "ines@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
BUGS = [("src/webob/multidict.py", "        for k, v in reversed(self._items):\n            if k == key:\n"
         "                return v\n        raise KeyError(key)",
         "        for k, v in self._items:\n            if k == key:\n                return v\n        raise KeyError(key)"),
        ("src/webob/datetime_utils.py", "return td.seconds + (td.days*24*60*60)", "return td.seconds + (td.days*24*60)"),
        ("src/webob/byterange.py", "stop = self.stop - 1 # from non-inclusive to HTTP-style",
         "stop = self.stop # from non-inclusive to HTTP-style")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    wo = tmp / WO
    put_bugs(wo)
    env = {"PYTHONPATH": str(wo / "src")}
    ign = "--ignore=tests/performance_test.py"
    cap("pytest-webob-full-tail-400", f"python -m pytest -p no:cacheprovider {ign} tests 2>&1 | tail -n 400", wo,
        n_pytest, env=env, timeout=900)
    cap("pytest-webob-multidict-response", "python -m pytest -p no:cacheprovider tests/test_multidict.py "
        "tests/test_response.py tests/test_byterange.py", wo, n_pytest, env=env, timeout=900)
    chain("chain-webob-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {ign} tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], wo, env=env, timeout=900)
    cap("pytest-webob-tb-line", f"pytest -q --tb=line -p no:cacheprovider {ign} tests", wo, n_pytest, env=env,
        timeout=900)
    cap("pytest-webob-request-v-tail-250", "pytest -v -p no:cacheprovider tests/test_request.py "
        "tests/test_datetime_utils.py 2>&1 | tail -n 250", wo, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    wo = tmp / WO
    cap("ruff-select-all-webob-head-900", "ruff check --no-cache --isolated --select ALL --output-format=concise "
        "src/webob 2>&1 | head -n 900", wo, n_ruff)
    cap("ruff-webob-full-response", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM src/webob/response.py "
        "src/webob/request.py", wo, n_ruff)
    cap("mypy-strict-webob-tail-400", "mypy --strict --no-incremental src/webob 2>&1 | tail -n 400", wo, n_mypy,
        timeout=900)
    cap("mypy-strict-webob-multidict-cookies", "mypy --strict --no-incremental --follow-imports=silent src/webob/multidict.py "
        "src/webob/cookies.py src/webob/byterange.py", wo, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-webob", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,PL --output-format=concise src", n_ruff),
           Part("mypy --strict --no-incremental src/webob 2>&1 | tail -n 150", n_mypy, ";")], wo, timeout=900)


PROOFER = r'''
import sys
from datetime import timedelta
from webob import Request, Response
from webob.byterange import ContentRange


class ProofingError(Exception):
    pass


def quota(req):
    try:
        return int(req.headers["X-Batch-Quota"])
    except ValueError as exc:
        raise ProofingError(f"{req.path}: unreadable batch quota {req.headers['X-Batch-Quota']!r}") from exc


def handle(line):
    path, q, rng = line.split()
    req = Request.blank(path, headers={"X-Batch-Quota": q, "Range": rng})
    n = quota(req)
    resp = Response(body=b"x" * n)
    cr = req.range.content_range(len(resp.body))
    resp.cache_expires(timedelta(days=1))
    return f"{path} quota={n} range={cr}"


for line in open(sys.argv[1]):
    print(handle(line))
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "proofer"
    d.mkdir()
    rnd = random.Random(7201)
    lines = [f"/batch/{rnd.randint(100, 999)} {rnd.randint(200, 900)} bytes=0-{rnd.randint(50, 150)}" for _ in range(5)]
    lines.append("/batch/rye 1,200 bytes=0-99")
    (d / "batches.txt").write_text("\n".join(lines) + "\n")
    (d / "proofer.py").write_text(PROOFER)
    cap("python-chained-traceback-proofer", "python3 proofer.py batches.txt", d, n_chained,
        env={"PYTHONPATH": str(tmp / WO / "src")})


def git_history(tmp: Path) -> None:
    """WebOb's sources committed module by module (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "webob-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('webob-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / WO} {repo} && rm -rf {pristine}")
    modules = sorted((repo / "src" / "webob").glob("*.py"))
    keep = {p.name: p.read_text() for p in modules}
    for p in modules:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: docs, tests, setup'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-06 08:20:00",
                       "GIT_COMMITTER_DATE": "2025-05-06 08:20:00"})
    rnd = random.Random(7202)
    for k, name in enumerate(sorted(keep)):
        body = keep[name].splitlines(keepends=True)
        cuts = [len(body)] if len(body) < 400 else [len(body) // 3, len(body) * 2 // 3, len(body)]
        for j, cut in enumerate(cuts):
            stamp = f"2025-{5 + k % 7:02d}-{6 + k % 20:02d} {8 + j * 3:02d}:{rnd.randint(10, 59)}:00"
            who = {} if j % 2 == 0 else {"GIT_AUTHOR_NAME": "Kwame Mensah", "GIT_AUTHOR_EMAIL": "kwame@example.org"}
            (repo / "src" / "webob" / name).write_text("".join(body[:cut]))
            msg = f"Add {name[:-3]}" if j == 0 else f"{name[:-3]}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.draft").write_text("multidict: which of two equal keys wins?\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1400", "git log -p | head -n 1400", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-multidict", "git blame src/webob/multidict.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-response-part-2", "git show ':/^response: part 2'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-5", "git diff HEAD~5 -- src/webob", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-webob", f"ls -laR {WO}", tmp, n_ls_lR)
    cap("find-printf-ruff-mypy-head-600", f"find {site}/mypy {site}/_pytest -type f -name '*.py' "
        "-printf '%M %u %8s %p\\n' | sort -k4 | head -n 600", tmp, n_find)
    cap("tree-site-packages-L2", f"tree -L 2 {site}", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sorted(range(20000), key=lambda x: -x)'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-mem-head", "chain-ps", "listing",
          [Part("ps aux --sort=-rss | head -n 45", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


DISTS = r'''
import csv, sys
from importlib import metadata
w = csv.writer(sys.stdout)
w.writerow(["name", "version", "requires_python", "n_files", "size_bytes", "n_requires", "installer"])
for d in sorted(metadata.distributions(), key=lambda d: d.metadata["Name"].lower()):
    files = d.files or []
    size = sum((f.size or 0) for f in files)
    inst = (d.read_text("INSTALLER") or "").strip()
    w.writerow([d.metadata["Name"], d.version, d.metadata.get("Requires-Python") or "", len(files), size,
                len(d.requires or []), inst])
'''


def tables(tmp: Path) -> None:
    d = tmp / "dists"
    d.mkdir()
    (d / "dists.py").write_text(DISTS)
    # the distributions of the Python running this capture (the project's venv) and of the round's tools venv
    run(f"{sys.executable} dists.py > project.csv && {VENV / 'bin' / 'python'} dists.py | tail -n +2 > venv.body "
        "&& cat project.csv venv.body > dists.csv", cwd=d)
    cap("csv-dists", "cat dists.csv", d, n_csv)
    run("sqlite3 dists.db \".mode csv\" \".import dists.csv dists\"", cwd=d)
    cap("sqlite-column-by-size", "sqlite3 -header -column dists.db \"SELECT name, version, requires_python, "
        "CAST(n_files AS INT) AS files, CAST(size_bytes AS INT) AS bytes, installer FROM dists ORDER BY bytes DESC\"",
        d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


PROOFLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(7203)
room = logging.getLogger("bakery.proofer")
oven = logging.getLogger("bakery.oven")
mixer = logging.getLogger("bakery.mixer")
for i in range(1400):
    r = rnd.randint(1, 4)
    room.debug("proofer%d humidity raw %d", r, rnd.randint(1200, 4000))
    if i % 197 == 23:
        mixer.warning("mixer %d bowl temperature %.1f C above dough target", r, rnd.uniform(1, 4))
    elif i == 388:
        try:
            float("27,5")
        except ValueError:
            room.exception("unreadable setpoint for proofer%d", r)
    elif i == 745:
        oven.error("deck oven D2 steam injector did not confirm within 2 s, bake held")
    elif i == 1290:
        oven.critical("burner flame-out on deck oven D1, door interlock engaged")
    elif i % 260 == 11:
        oven.info("bake %d complete: %d loaves in %d s", i // 260, rnd.randint(80, 160), rnd.randint(1500, 2100))
    room.info("proofer%d at %.1f C %d%% RH rack %d in %dms", r, rnd.uniform(24, 30), rnd.randint(70, 88),
              rnd.randint(1, 12), rnd.randint(2, 40) if i != 1011 else 2800)
'''


def app_log(tmp: Path) -> None:
    (tmp / "prooflog.py").write_text(PROOFLOG)
    run("python3 prooflog.py > bakery.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-800", "grep -v DEBUG bakery.log | tail -n 800", tmp, n_app_log)


DOC = Path("/usr/share/doc/python3")


def docs(tmp: Path) -> None:
    if not (DOC / "python-policy.html").is_file():
        cm.note("skip docs: no python3 policy html")
        return
    cm.start(f"python3 -m http.server 18772 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-python-policy", "curl -s http://127.0.0.1:18772/python-policy.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
