"""Round 126, Python and the machine: the sdist of diskcache (a real PyPI release: a disk-backed cache on sqlite, with
a deque, an index and throttle / lock recipes) with a few bugs put in, run through its own test suite with pytest,
through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by
committing diskcache's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked
tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process
started on purpose (ps aux, top -b); the machine's installed Debian packages (dpkg-query -W) as a CSV and a sqlite
table, and pip inspect; a rate-limited fetch service's log; an installed Debian package's HTML documentation
(GNU parallel's tutorial) served by python3 -m http.server and fetched with curl. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide126.py."""


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
from capture_wide126 import JS, SRC, VENV, cap

DC = "diskcache-5.6.3"
CORE = "diskcache/core.py"
PERSIST = "diskcache/persistent.py"
NO_DJANGO = "--ignore=tests/test_djangocache.py --ignore=tests/test_doctest.py"  # both import django (not installed)
GIT_ENV = {"GIT_AUTHOR_NAME": "Maelle Quintard", "GIT_AUTHOR_EMAIL": "maelle@example.org",
           "GIT_COMMITTER_NAME": "Maelle Quintard", "GIT_COMMITTER_EMAIL": "maelle@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# touch() no longer touches a key that never expires; incr() adds the size of delta (so decr() increments); a deque's
# maxlen setter drops items from the right instead of the left.
BUGS = [(CORE, "if old_expire_time is None or old_expire_time > now:\n                    sql(\n"
               "                        'UPDATE Cache SET expire_time",
         "if old_expire_time is not None and old_expire_time > now:\n                    sql(\n"
         "                        'UPDATE Cache SET expire_time"),
        (CORE, "            value += delta\n", "            value += abs(delta)\n"),
        (PERSIST, "with self._cache.transact(retry=True):\n            while len(self._cache) > self._maxlen:\n"
                  "                self._popleft()",
         "with self._cache.transact(retry=True):\n            while len(self._cache) > self._maxlen:\n"
         "                self._pop()")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / DC
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-diskcache-tests-v", f"python -m pytest -v -p no:cacheprovider {NO_DJANGO} tests 2>&1 | tail -n 1500",
        cp, n_pytest, env=env, timeout=900)
    chain("chain-diskcache-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {NO_DJANGO} tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-diskcache-tb-long-rA-tail-700", f"pytest -q --tb=long -rA -p no:cacheprovider {NO_DJANGO} tests 2>&1 | "
        "tail -n 700", cp, n_pytest, env=env, timeout=900)
    cap("pytest-diskcache-collection-errors", "pytest -q -p no:cacheprovider --continue-on-collection-errors "
        "tests/test_core.py tests/test_deque.py tests/test_doctest.py tests/test_djangocache.py 2>&1 | tail -n 400",
        cp, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / DC
    cap("ruff-select-all-diskcache-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise diskcache 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-diskcache-persistent-recipes", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN,D "
        f"{PERSIST} diskcache/recipes.py", cp, n_ruff)
    cap("mypy-strict-diskcache", "mypy --strict --no-incremental diskcache 2>&1 | tail -n 600", cp, n_mypy,
        timeout=900)
    chain("chain-ruff-then-mypy-diskcache", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental diskcache/fanout.py 2>&1 | tail -n 150", n_mypy, ";")], cp,
          timeout=900)


FETCHER = r"""
import diskcache


class CacheWriteError(Exception):
    pass


cache = diskcache.Cache("/tmp/hm-corpus-wide126/fetcher-cache")


def remember(url, payload):
    try:
        cache.set(url, payload, expire=300, tag="feeds")
    except Exception as exc:
        raise CacheWriteError(f"could not cache the response of {url!r}") from exc


def rows(n):
    for i in range(n):
        yield {"id": i, "title": f"item {i}"}


remember("https://feeds.example.net/a.json", [{"id": 1}, {"id": 2}])
remember("https://feeds.example.net/b.json", {"items": 12, "etag": "W/5f1c"})
remember("https://feeds.example.net/c.json", rows(40))
print(len(cache))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "fetcher"
    d.mkdir()
    (d / "fetcher.py").write_text(FETCHER)
    cap("python-chained-traceback-fetcher", "python3 fetcher.py", d, n_chained, env={"PYTHONPATH": str(tmp / DC)})


def git_history(tmp: Path) -> None:
    """diskcache's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "diskcache-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('diskcache-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / DC} {repo} && rm -rf {pristine}")
    files = [repo / CORE, repo / PERSIST, repo / "diskcache/recipes.py", repo / "diskcache/fanout.py",
             repo / "tests/test_deque.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, docs, tests'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-03 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-03-03 09:12:00"})
    rnd = random.Random(12602)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 150
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Kwame Asante", "GIT_AUTHOR_EMAIL": "kwame@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("decr() goes up now? see incr's value += delta\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-diskcache-persistent", f"git blame {PERSIST}", repo, n_blame, env=GIT_ENV)
    cap("git-show-core-part-9", "git show ':/^core: part 9'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-12", "git diff HEAD~12 -- diskcache", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-diskcache-sdist-and-iniconfig", f"ls -laR {DC} {site}/iniconfig {site}/_pytest/_code "
        f"{site}/_pytest/mark", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint/lib/linter "
        f"{JS}/node_modules/eslint/lib/rules/utils {JS}/node_modules/content-disposition "
        f"{JS}/node_modules/vitest/dist -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp,
        n_find)
    cap("tree-site-packages-mypy-pytest", f"tree -L 2 {site}/mypy/typeshed/stdlib/concurrent {site}/mypyc/irbuild "
        f"{site}/_pytest/_io {site}/ruff {site}/mypy/plugins", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sorted(str(i * 7919) for i in range(90000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 25", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "packages"
    d.mkdir()
    run("(echo 'package,version,arch,installed_kb,section,priority,status'; dpkg-query -W -f="
        "'\"${Package}\",\"${Version}\",${Architecture},${Installed-Size},${Section},${Priority},\"${Status}\"\\n'"
        " | sort) > packages.csv", cwd=d)
    cap("csv-dpkg-packages-head-900", "head -n 900 packages.csv", d, n_csv)
    run("sqlite3 packages.db \".mode csv\" \".import packages.csv packages\"", cwd=d)
    cap("sqlite-column-largest-packages-limit-380", "sqlite3 -header -column packages.db \"SELECT package, version, "
        "arch, CAST(installed_kb AS INT) AS installed_kb, section, priority FROM packages "
        "ORDER BY CAST(installed_kb AS INT) DESC LIMIT 380\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(12603)
fetch = logging.getLogger("feedsvc.fetch")
cache = logging.getLogger("feedsvc.cache")
limit = logging.getLogger("feedsvc.throttle")
hosts = ["feeds.example.net", "api.example.org", "cdn.example.com", "news.example.io", "status.example.dev"]
for i in range(1300):
    req = 88000 + i
    host = rnd.choice(hosts)
    cache.debug("req %d key %s/item/%d %s", req, host, rnd.randint(1, 9000), rnd.choice(["hit", "hit", "miss"]))
    if i % 173 == 41:
        limit.warning("host %s over 20 req/s, delaying %dms", host, rnd.randint(50, 900))
    elif i == 433:
        try:
            {"etag": "W/5f1c"}["last_modified"]
        except KeyError:
            fetch.exception("req %d: response of %s has no last_modified", req, host)
    elif i == 812:
        cache.error("req %d: cache write failed: database is locked (timeout 60s)", req)
    elif i == 1207:
        cache.critical("cache volume /var/cache/feedsvc full (100%%), evicting with cull_limit=0 disabled")
    elif i % 240 == 17:
        cache.info("cull removed %d items (%d bytes)", rnd.randint(0, 400), rnd.randint(0, 9_000_000))
    fetch.info("req %d GET https://%s/feed 200 in %dms", req, host, rnd.randint(30, 800) if i != 1001 else 58400)
"""


def app_log(tmp: Path) -> None:
    (tmp / "svclog.py").write_text(SVCLOG)
    run("python3 svclog.py > feedsvc.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG feedsvc.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 feedsvc.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/parallel")


def docs(tmp: Path) -> None:
    if not (DOC / "parallel_tutorial.html").is_file():
        cm.note("skip docs: no parallel_tutorial.html")
        return
    cm.start(f"python3 -m http.server 18826 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-parallel-tutorial", "curl -s http://127.0.0.1:18826/parallel_tutorial.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
