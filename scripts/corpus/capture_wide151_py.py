"""Round 151, Python and the machine: the sdist of msgpack (a real PyPI release: the MessagePack serializer, run as
its pure-Python fallback packer and unpacker with MSGPACK_PUREPYTHON=1) with a few bugs put in, run through its own
test suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git
history built here by committing msgpack's sources in steps (log -p, log --stat, blame, show, status and diff);
listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process
table with a busy process started on purpose (ps aux, top -b); the shared libraries on this machine (from find
-printf) as a CSV and a sqlite table, and pip inspect; a telemetry collector's log; an installed Debian package's HTML
documentation (GNU dc's manual) served by python3 -m http.server and fetched with curl. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide151.py."""


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
from capture_wide151 import JS, SRC, VENV, cap

MK = "msgpack-1.2.4"
FB = "msgpack/fallback.py"
EXT = "msgpack/ext.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Albrecht", "GIT_AUTHOR_EMAIL": "ines@example.org",
           "GIT_COMMITTER_NAME": "Ines Albrecht", "GIT_COMMITTER_EMAIL": "ines@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A string of exactly 31 bytes leaves fixstr for str8; a negative fixint unpacks one too high; a map of exactly 15
# pairs leaves fixmap for map16; a 64-bit timestamp keeps 33 bits of its seconds instead of 34.
BUGS = [(FB, "        if n <= 0x1F:\n", "        if n < 0x1F:\n"),
        (FB, "obj = -1 - (b ^ 0xFF)", "obj = -(b ^ 0xFF)"),
        (FB, "            return self._buffer.write(struct.pack(\"B\", 0x80 + n))",
         "            return self._buffer.write(struct.pack(\"B\", 0x80 + n - (n == 0x0F)))"),
        (EXT, "seconds = data64 & 0x00000003FFFFFFFF", "seconds = data64 & 0x00000001FFFFFFFF")]

PURE = {"MSGPACK_PUREPYTHON": "1"}


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
    cap("pytest-msgpack-v-tail-1500", "python -m pytest -v -p no:cacheprovider test 2>&1 | tail -n 1500",
        cp, n_pytest, env=env, timeout=900)
    chain("chain-msgpack-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider test", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-msgpack-tb-long-tail-900", "pytest -q --tb=long -p no:cacheprovider test 2>&1 | tail -n 900", cp,
        n_pytest, env=env, timeout=900)
    cap("pytest-msgpack-format-newspec-timestamp-rA", "pytest -q -rA -p no:cacheprovider test/test_format.py "
        "test/test_newspec.py test/test_timestamp.py test/test_case.py 2>&1 | tail -n 500", cp, n_pytest, env=env,
        timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-msgpack-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise msgpack test 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-msgpack-fallback-ext", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN "
        f"{FB} {EXT} msgpack/__init__.py msgpack/exceptions.py", cp, n_ruff)
    cap("mypy-strict-msgpack-test", "mypy --strict --no-incremental msgpack test 2>&1 | tail -n 600", cp, n_mypy,
        timeout=900)
    chain("chain-ruff-then-mypy-msgpack", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise .", n_ruff),
           Part(f"mypy --strict --no-incremental {FB} 2>&1 | tail -n 150", n_mypy, ";")], cp,
          timeout=900)


INGEST = r"""
import datetime
import msgpack


class FrameError(Exception):
    pass


def decode_frame(sensor, blob):
    try:
        return msgpack.unpackb(blob, timestamp=3, strict_map_key=True)
    except Exception as exc:
        raise FrameError(f"sensor {sensor}: undecodable frame of {len(blob)} bytes") from exc


frames = {
    "boiler-2": msgpack.packb({"t": msgpack.Timestamp.from_unix(1754000000.25), "kpa": 412, "ok": True}),
    "pump-7": msgpack.packb([1, -3, 250, {"rpm": 1480}]),
    "valve-11": msgpack.packb({"open": 0.75, "cmd": "hold"}),
}
for sensor, blob in frames.items():
    print(sensor, decode_frame(sensor, blob))
# a frame from the old gateway: two records written back to back into one buffer
old = msgpack.packb({1: "a"}, use_bin_type=True) + msgpack.packb({"seq": 9})
print("gateway-legacy", decode_frame("gateway-legacy", old))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "ingest"
    d.mkdir()
    (d / "ingest.py").write_text(INGEST)
    cap("python-chained-traceback-ingest", "python3 ingest.py", d, n_chained, env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """msgpack's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "msgpack-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('msgpack-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / EXT, repo / FB, repo / "msgpack/__init__.py", repo / "test/test_timestamp.py",
             repo / "test/test_sequnpack.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, C sources, exceptions'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-04-07 10:02:00",
                       "GIT_COMMITTER_DATE": "2025-04-07 10:02:00"})
    rnd = random.Random(15102)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 80
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Okafor", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("fixstr boundary: 31 bytes should stay 0xbf, check _pack_raw_header\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-msgpack-fallback", f"git blame {FB}", repo, n_blame, env=GIT_ENV)
    cap("git-show-fallback-part-6", "git show ':/^fallback: part 6'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-8", "git diff HEAD~8 -- msgpack", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-msgpack-sdist-and-ruff-pluggy", f"ls -laR {MK} {site}/_pytest {site}/pluggy {site}/mypy_extensions* "
        f"{site}/pathspec", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint/lib/rules "
        f"{JS}/node_modules/ipaddr.js {JS}/node_modules/vitest/dist {JS}/node_modules/@eslint "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700",
        tmp, n_find)
    cap("tree-site-packages-mypy-pytest", f"tree -L 2 {site}/mypy/typeshed/stdlib/asyncio "
        f"{site}/mypy/typeshed/stdlib/email {site}/mypy/server {site}/mypyc/codegen {site}/_pytest/mark "
        f"{site}/_pytest/assertion", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sorted(hash((i, i * 31)) for i in range(160000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w220", "top -b -n 1 -w 220", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "libs"
    d.mkdir()
    run("(echo 'name,bytes,type,links,mode,modified'; find /usr/lib/x86_64-linux-gnu -maxdepth 1 -name 'lib*.so*' "
        "-printf '%f,%s,%y,%n,%m,%TY-%Tm-%Td\\n' | sort) > libs.csv", cwd=d)
    cap("csv-shared-libs-head-900", "head -n 900 libs.csv", d, n_csv)
    run("sqlite3 libs.db \".mode csv\" \".import libs.csv libs\"", cwd=d)
    cap("sqlite-column-libs-largest-400", "sqlite3 -header -column libs.db \"SELECT name, CAST(bytes AS INT) AS bytes, "
        "type, links, mode, modified FROM libs WHERE type = 'f' ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"",
        d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(15103)
gw = logging.getLogger("plantlink.gateway")
dec = logging.getLogger("plantlink.decode")
store = logging.getLogger("plantlink.store")
sensors = ["boiler-1", "boiler-2", "pump-3", "pump-7", "valve-11", "chiller-4"]
for i in range(1250):
    s = rnd.choice(sensors)
    dec.debug("frame %d from %s decoded (%d bytes, %s)", i, s, rnd.randint(12, 900), rnd.choice(["map", "map", "array"]))
    if i % 157 == 41:
        gw.warning("%s: frame sequence gap of %d, requesting resend", s, rnd.randint(2, 40))
    elif i == 377:
        try:
            int("0x" + "zz")
        except ValueError:
            dec.exception("frame %d from %s: checksum field unreadable", i, s)
    elif i == 806:
        store.error("batch %d for %s rejected: timestamp %d beyond retention window", i, s, rnd.randint(10**9, 2 * 10**9))
    elif i == 1203:
        gw.critical("uplink to historian lost after %d frames, buffering to disk", i)
    elif i % 205 == 23:
        gw.info("poll cycle %s started, %d sensors online", rnd.choice(["fast", "slow"]), rnd.randint(3, 6))
    store.info("frame %d of %s written in %dms", i, s, rnd.randint(2, 180) if i != 958 else 41200)
"""


def app_log(tmp: Path) -> None:
    (tmp / "plantlog.py").write_text(SVCLOG)
    run("python3 plantlog.py > plantlink.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG plantlink.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 plantlink.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/dc")


def docs(tmp: Path) -> None:
    if not (DOC / "dc.html").is_file():
        cm.note("skip docs: no dc.html")
        return
    cm.start(f"python3 -m http.server 18951 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-dc-manual", "curl -s http://127.0.0.1:18951/dc.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
