#!/usr/bin/env python3
"""Capture round 16 of the compression corpus (issue #11): LOGS, SEARCHES AND LISTINGS OF SHAPES NOT YET SEEN.
Logs of real software run here on loopback under a short scripted load with failures: apache2 (combined access log
with %D, error log with failed basic auth and a broken CGI), nginx as a reverse proxy (upstream timings, a refused
and a timed-out upstream), HAProxy's HTTP log (timers, termination states, a server going DOWN), MariaDB's error and
slow-query logs, PostgreSQL's jsonlog and prefixed stderr log (slow statements, failed password logins), redis
MONITOR, memcached -vv, an RQ worker over redis, PHP's built-in server, a Go net/http server's panics, aiohttp,
twistd, Sanic, a Java program logging in log4j's pattern with 'Caused by:' chains, winston, bunyan, concurrently's
and honcho's interleaved multi-service logs, python-json-logger, rotated python logs read with tail, a log cut by
grep -v DEBUG with chained exceptions, thousands of short Go log lines with one rare event, make -k, a setuptools
build under pip install -v, pytest's captured logs, a CI script's xtrace, npm ci --loglevel verbose. Searches by
tools and flags not yet used (ag --group / --nogroup --column, ack, fdfind, rg --stats / -U / --column -S /
-m --sort / over minified bundles, grep with thousands of hits cut by head, as a non-root user meeting 'Permission
denied', meeting binary files, git grep --column --and / -c with exclusions, OpenCode's grep and glob) over
packages not used before (aiohttp, twisted, multidict, yarl, attrs, pytest; rxjs, moment, async, winston, bunyan …).
Listings of other shapes: ls (-lhS --group-directories-first, -ln, -lX), find (-empty, -printf mode/owner,
-size), git ls-tree -r -l, namei -l, tree -pugsh, du -a -k, pip show -f, npm ls --long --all, dpkg-query | column
-t, and ls -l /proc/PID/fd, ps axjf, ss -antpoe, lsof +D of a small service run in its own PID and network
namespace (so that the tables hold this capture's processes only).

This module holds the round's set-up, one rule helper and main(); the captures and their kinds are in
capture_wide16_logs.py, capture_wide16_logs2.py, capture_wide16_logs3.py, capture_wide16_search.py and
capture_wide16_list.py. Every rule is an existing rule's code (capture_wide12.py's log, search and listing rules,
NEEDLES.md) registered under the round's kind names, with the kind's summary lines and duration field written next
to the kind; where the shared error/warning pattern does not know a program's own diagnostic shape (PHP's 'PHP
Warning:', MariaDB's '[Warning]', bunyan's numeric levels …) log_plus adds that shape's lines, and redis MONITOR has
its own rule 5. Rules were fixed from the raw outputs only: nothing captured here was compressed by its author.

Method (as capture_wide12.py): every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide16,
with tools installed into /tmp/hm-corpus-wide16-tools from PyPI and npm, and ag / ack / fd / haproxy / memcached
from apt.

Usage:   .venv/bin/python scripts/corpus/capture_wide16.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide16.json  as {"version": 2, "items": [...]}, ids prefixed "wide16-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run  # noqa: E402

ID_PREFIX = "wide16-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide16.json"
TMP = Path("/tmp/hm-corpus-wide16")
TOOLS = Path("/tmp/hm-corpus-wide16-tools")
VENV = TOOLS / "venv"
PY = str(VENV / "bin" / "python")
SITE = VENV / "lib" / "python3.11" / "site-packages"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PIP_ENV = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None}
PY_PKGS = ["aiohttp", "twisted", "honcho", "python-json-logger", "pytest", "wheel", "rq", "sanic"]
NPM_PKGS = ["winston", "bunyan", "concurrently"]
APT_PKGS = ["silversearcher-ag", "ack", "fd-find", "haproxy", "memcached"]


def log_plus(name: str, extra: str, **kw):
    """capture_wide12's log rule for kind `name`, plus every line of the kind's own diagnostic shape (`extra`: PHP's
    'PHP Warning:', a status in brackets …) that the shared error/warning pattern does not know."""
    import capture_wide12 as w
    base = w.log_rule(name, **kw)
    doc = (base.__doc__ or "").strip().splitlines()[0] + " + every line of the kind's own warning/error shape"
    return w.named(name, "log", doc, lambda lines: base(lines) + [ln for ln in lines if re.search(extra, ln)])


def ensure_tools() -> None:
    """The scratch venv and node_modules of this round's packages, and the apt search tools, installed once."""
    if not (VENV / "bin" / "honcho").exists():
        run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_PKGS), env=PIP_ENV, timeout=900)
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "winston").exists():
        run("npm init -y >/dev/null && npm install -q " + " ".join(NPM_PKGS), cwd=JS, timeout=600)
    if not Path("/usr/bin/ag").exists():
        run("apt-get install -y -q " + " ".join(APT_PKGS), timeout=600)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(cm.ROOT / ".venv" / "bin")]  # rg comes with scripts/setup.sh


def steps() -> list:
    import capture_wide16_list as lst  # listings and process tables
    import capture_wide16_logs as logs  # servers and databases under load
    import capture_wide16_logs2 as logs2  # programs' own logs, builds, tests, CI
    import capture_wide16_logs3 as logs3  # haproxy, memcached, an RQ worker, sanic
    import capture_wide16_search as search  # ag, ack, fd, rg, grep, git grep, OpenCode
    return logs.STEPS + logs2.STEPS + logs3.STEPS + search.STEPS + lst.STEPS


def main() -> None:
    ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide16", sys.modules["__main__"])
    main()
