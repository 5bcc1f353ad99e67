"""Round 183, Python and the machine: the sdist of courlan (a real PyPI release: URL parsing, cleaning, normalization
and filtering, with a URL store for crawl frontiers) with a few bugs put in, run through its own test suite with
pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by
committing courlan's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree,
the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started
on purpose (ps aux, top -b); the machine's shared locale and zoneinfo files (from find -printf) as a CSV and a sqlite
table, and pip inspect; a web-crawler's log; an installed Debian package's HTML documentation served by python3 -m
http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's
own (round 9b). Run through capture_wide183.py."""


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
from capture_wide183 import JS, SRC, VENV, cap

MK = "courlan-1.4.0"
CLEAN = "courlan/clean.py"
FILT = "courlan/filters.py"
STORE = "courlan/urlstore.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ilse Marchetti", "GIT_AUTHOR_EMAIL": "ilse@example.org",
           "GIT_COMMITTER_NAME": "Ilse Marchetti", "GIT_COMMITTER_EMAIL": "ilse@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# https URLs lose the http default port (:80) instead of their own (:443); runs of slashes in a path collapse only in
# pairs; the basic filter lets a 500-character URL through and drops a 10-character one; the language filter wants a
# positive score (a URL with no language cue fails it); blogspot's `_archive.html` pages pass the type filter; a URL
# store's download threshold is reached only when a host's count goes past it.
BUGS = [(CLEAN, '(scheme == "https" and port == 443)', '(scheme == "https" and port == 80)'),
        (CLEAN, 'PATH1 = re.compile(r"/+")', 'PATH1 = re.compile(r"//")'),
        (FILT, "10 <= len(url) < 500", "10 < len(url) <= 500"),
        (FILT, "    return score >= 0", "    return score > 0"),
        (FILT, 'url.endswith(("/feed", "/rss", "_archive.html"))', 'url.endswith(("/feed", "/rss"))'),
        (STORE, "any(v.count >= threshold for v", "any(v.count > threshold for v")]

PURE: dict = {}


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
    cap("pytest-courlan-v", "python -m pytest -v -p no:cacheprovider tests/unit_tests.py tests/urlstore_tests.py 2>&1",
        cp, n_pytest, env=env, timeout=900)
    chain("chain-courlan-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider tests/unit_tests.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-courlan-tb-long-tail-900", "pytest -q --tb=long -p no:cacheprovider tests/unit_tests.py "
        "2>&1 | tail -n 900", cp, n_pytest, env=env, timeout=900)
    cap("pytest-courlan-k-url-rA", "pytest -q -rA -p no:cacheprovider tests/unit_tests.py "
        "-k 'urlcheck or normalization or scrub or filter' 2>&1 | tail -n 500", cp, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-courlan-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise courlan tests 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-courlan-pkg-urlstore-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN,PT,RET "
        "courlan tests/urlstore_tests.py", cp, n_ruff)
    cap("mypy-strict-courlan-tests", "mypy --strict --no-incremental --config-file /dev/null courlan tests "
        "2>&1 | tail -n 600", cp, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-courlan", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null courlan/urlstore.py courlan/core.py "
                "2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=900)


CRAWL = r"""
from courlan import UrlStore, check_url, extract_links


class FrontierError(Exception):
    pass


PAGES = {
    "https://news.example.org/": '<a href="/politik/">P</a> <a href="https://news.example.org/2024/05/flood.html?utm_source=x">F</a>',
    "https://news.example.org/politik/": '<a href="/politik/page/2">next</a> <a href="mailto:desk@example.org">m</a>',
}


def seed(store, start):
    checked = check_url(start, strict=True)
    if checked is None:
        raise ValueError(f"seed {start!r} rejected by check_url")
    url, _domain = checked
    store.add_urls([url])
    return "/".join(url.split("/")[:3])


def crawl(store, start):
    try:
        host = seed(store, start)
    except (ValueError, TypeError) as exc:
        raise FrontierError(f"cannot open a frontier at {start!r}") from exc
    page = store.get_url(host)
    links = extract_links(PAGES.get(page, ""), url=page, external_bool=False, with_nav=True)
    store.add_urls(sorted(links))
    return page, len(links)


store = UrlStore(compressed=False, strict=True)
print("first", crawl(store, "https://news.example.org/"))
print("second", crawl(store, "https://news.example.org/politik/"))
# the feed file gave a relative link
print("third", crawl(store, "/2024/05/flood.html"))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "crawl"
    d.mkdir()
    (d / "crawl.py").write_text(CRAWL)
    cap("python-chained-traceback-crawl", "python3 crawl.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """courlan's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "courlan-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('courlan-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / CLEAN, repo / FILT, repo / STORE, repo / "courlan/core.py", repo / "tests/urlstore_tests.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, settings, url utilities, docs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-02-11 10:41:00",
                       "GIT_COMMITTER_DATE": "2025-02-11 10:41:00"})
    rnd = random.Random(18302)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 60
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wierzba", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("https :443 kept in staging frontier, see clean.normalize_url\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-urlstore-py", f"git blame {STORE}", repo, n_blame, env=GIT_ENV)
    cap("git-show-urlstore-part-6", "git show ':/^urlstore: part 6'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-12", "git diff HEAD~12 -- courlan", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-courlan-sdist-and-babel-tld", f"ls -laR {MK} {site}/tld {site}/urllib3 {site}/pytest_httpserver "
        f"{site}/werkzeug {site}/babel/localedata/en_US.dat {site}/babel/messages", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/jsesc {JS}/node_modules/eslint/lib/rules "
        f"{JS}/node_modules/@vitest/expect {JS}/node_modules/@vitest/runner {JS}/node_modules/typescript/lib "
        f"{JS}/node_modules/vite/dist -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700",
        tmp, n_find)
    cap("tree-site-packages-babel-werkzeug-typeshed", f"tree -L 2 {site}/babel {site}/werkzeug "
        f"{site}/mypy/typeshed/stdlib/urllib {site}/mypy/typeshed/stdlib/email {site}/tld {site}/urllib3",
        tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 130363)) for i in range(250000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-mem-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%mem | head -n 45", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "zones"
    d.mkdir()
    run("(echo 'name,dir,bytes,type,links,modified'; find /usr/share/zoneinfo -mindepth 1 "
        "\\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sed 's#,/usr/share/zoneinfo#,.#' | sort) > zones.csv", cwd=d)
    cap("csv-zoneinfo-files-head-1000", "head -n 1000 zones.csv", d, n_csv)
    run("sqlite3 zones.db \".mode csv\" \".import zones.csv zone\"", cwd=d)
    cap("sqlite-column-zoneinfo-largest-400", "sqlite3 -header -column zones.db \"SELECT name, dir, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM zone WHERE type = 'f' ORDER BY CAST(bytes AS INT) "
        "DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(18303)
fetch = logging.getLogger("crawler.fetch")
front = logging.getLogger("crawler.frontier")
robots = logging.getLogger("crawler.robots")
hosts = ["news.example.org", "blog.example.net", "shop.example.com", "wiki.example.org", "docs.example.io",
         "forum.example.de"]
for i in range(1250):
    h = rnd.choice(hosts)
    fetch.debug("fetch %d https://%s/p/%d: %d bytes in %dms", i, h, rnd.randint(1, 9999), rnd.randint(900, 900_000),
                rnd.randint(30, 900))
    if i % 149 == 37:
        robots.warning("%s: robots.txt answered %d, crawling with the default delay", h, rnd.choice([403, 500, 503]))
    elif i == 411:
        try:
            raise TimeoutError("read timed out after 30.0s")
        except TimeoutError:
            fetch.exception("fetch %d https://%s/archive/: gave up after 3 attempts", i, h)
    elif i == 876:
        front.error("fetch %d %s rejected: redirect loop through %d URLs", i, h, rnd.randint(11, 30))
    elif i == 1207:
        front.critical("frontier store at %d URLs over its memory cap, pausing all hosts", 2_000_000 + i)
    elif i % 211 == 23:
        front.info("host %s throttled to %d requests a minute", h, rnd.randint(6, 60))
    front.info("fetch %d of %s queued %d new links", i, h, rnd.randint(0, 80) if i != 1019 else 48210)
"""


def app_log(tmp: Path) -> None:
    (tmp / "crawler.py").write_text(SVCLOG)
    run("python3 crawler.py > crawler.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG crawler.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 crawler.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/dnsmasq-base")


def docs(tmp: Path) -> None:
    if not (DOC / "setup.html").is_file():
        cm.note("skip docs: no dnsmasq-base setup.html")
        return
    cm.start(f"python3 -m http.server 18983 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-dnsmasq-setup", "curl -s http://127.0.0.1:18983/setup.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
