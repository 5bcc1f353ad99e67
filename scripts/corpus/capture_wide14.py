#!/usr/bin/env python3
"""Capture round 14 of the compression corpus (issue #11): A PLAIN SAMPLE OF A CODING AGENT'S DAY, captured blind.
Real packages' sources the corpus had not used (PyPI sdists of cachetools, boltons, humanize, tabulate; npm tarballs
of kleur, mitt, picomatch, yargs-parser), each broken on purpose, plus a small Go module and a Rust crate, worked on
the way an agent works: the test suites (pytest, node --test, go test, cargo test), linters and type checkers (ruff,
flake8, mypy, go vet), builds, git on a scripted history (status, diff, log, log -p, show, blame), searches (grep,
rg, git grep), listings (ls, find, tree, du, wc), file reads (sed -n / cat / head of source, config, README),
package commands (pip install/show/list, npm install/ls/view), process and port checks (ps, ss), the log of a
loopback JSON server run briefly and curl of its API.

This module holds the set-up (tools and sources) and main(); the Python work is in capture_wide14_py.py, the
JavaScript, Go, Rust, system and server work in capture_wide14_more.py. Every kind's rule is an existing kind's
extractor (NEEDLES.md, written next to the kind in an earlier round), chosen by the output's shape before anything
was measured; nothing captured here was compressed by its author.

Method (as capture_wide13.py): every item's text is the stdout+stderr of a program REALLY run here, in
/tmp/hm-corpus-wide14, with tools installed into /tmp/hm-corpus-wide14-tools from PyPI and npm.

Usage:   .venv/bin/python scripts/corpus/capture_wide14.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide14.json  as {"version": 2, "items": [...]}, ids prefixed "wide14-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run  # noqa: E402

ID_PREFIX = "wide14-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide14.json"
TMP = Path("/tmp/hm-corpus-wide14")
TOOLS = Path("/tmp/hm-corpus-wide14-tools")
VENV = TOOLS / "venv"
SRC = TOOLS / "src"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PIP_ENV = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None}
PY_TOOLS = ["pytest", "ruff", "mypy", "flake8", "freezegun"]
PY_SDISTS = ["cachetools==8.0.2", "boltons==26.2.0", "humanize==4.17.0", "tabulate==0.10.0"]
NPM_TGZ = ["kleur@4.1.5", "mitt@3.0.1", "picomatch@4.0.7", "yargs-parser@22.0.0"]


def ensure_tools() -> None:
    """The venv of linters and runners, and the sources (sdists, npm tarballs) downloaded once."""
    if not (VENV / "bin" / "ruff").exists():
        run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_TOOLS), env=PIP_ENV, timeout=900)
    SRC.mkdir(parents=True, exist_ok=True)
    if not list(SRC.glob("cachetools-*.tar.gz")):
        run("pip3 download -q --no-deps --no-binary :all: " + " ".join(PY_SDISTS), cwd=SRC, env=PIP_ENV, timeout=600)
    for spec in NPM_TGZ:
        name, ver = spec.rsplit("@", 1)
        if not (SRC / f"{name}-{ver}.tgz").exists():
            run(f"npm pack -q {spec}", cwd=SRC, timeout=120)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(cm.ROOT / ".venv" / "bin")]  # rg comes with scripts/setup.sh


def unpack(tmp: Path) -> None:
    """Fresh copies of the sources under the round's temp dir (the steps break them)."""
    for tgz in SRC.glob("*.tar.gz"):
        run(f"tar xzf {tgz}", cwd=tmp)
    for tgz in SRC.glob("*.tgz"):
        d = tmp / "pkgs" / tgz.name[: -len(".tgz")]
        d.mkdir(parents=True, exist_ok=True)
        run(f"tar xzf {tgz} -C {d} --strip-components=1")


def steps() -> list:
    import capture_wide14_more as more  # JS, Go, Rust, system, server
    import capture_wide14_py as py  # the Python sources
    return [unpack] + py.STEPS + more.STEPS


def main() -> None:
    ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide14", sys.modules["__main__"])
    main()
