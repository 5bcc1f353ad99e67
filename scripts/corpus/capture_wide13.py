#!/usr/bin/env python3
"""Capture round 13 of the compression corpus (issue #11): ECOSYSTEMS AND TOOLS NOT YET IN THE CORPUS, captured blind.
Compilers and runtimes of languages the corpus never met (Haskell's ghc, OCaml, C# on mono, R and testthat,
Fortran, Nim, Free Pascal, Ada, Prolog, Scheme, Erlang and EUnit, Lua's luacheck, Scala, Crystal), clang's own
diagnostics, clang-tidy and scan-build, meson, servers' config checks and error logs (nginx, apache), database
clients (MariaDB's tables, EXPLAIN and \\G records, PostgreSQL's EXPLAIN ANALYZE, \\d+, a failed migration, pgbench),
documents and data tools (chktex, lacheck, protoc, msgfmt), infrastructure linters (checkov, cfn-lint,
ansible-lint, semgrep with a local rule), schema validators (jsonschema, check-jsonschema, ajv, spectral), mkdocs,
xenon, pip-compile, and Node tools not yet met (jasmine, uvu, node-tap, parcel, solc, sass, less, standard,
jshint, commitlint).

This module holds the tool set-up, the round's rule helper and main(); the languages are in capture_wide13_langs.py,
capture_wide13_langs2.py, capture_wide13_langs3.py and capture_wide13_langs4.py, the build and server tools in
capture_wide13_tools.py, the database clients in capture_wide13_db.py, the PyPI tools in capture_wide13_pkgs.py and
the npm tools in capture_wide13_js.py.

Method (as capture_wide10.py): every item's text is the stdout+stderr of a program REALLY run here, on throwaway
projects written below in /tmp/hm-corpus-wide13 with real bugs in them, by tools installed from Debian's packages
and into /tmp/hm-corpus-wide13-tools from PyPI and npm. Needles follow scripts/corpus/NEEDLES.md and are computed
from the cleaned raw output by the extractor of the item's kind, whose docstring (first line = needle_rule) states
the rule, written next to the kind before anything was measured; nothing captured here was compressed by its author.

Usage:   .venv/bin/python scripts/corpus/capture_wide13.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide13.json  as {"version": 2, "items": [...]}, ids prefixed "wide13-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind, run  # noqa: E402
from capture_wide10 import line_rule  # noqa: E402

ID_PREFIX = "wide13-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide13.json"
TMP = Path("/tmp/hm-corpus-wide13")
TOOLS = Path("/tmp/hm-corpus-wide13-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PIP_ENV = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None}
PY_PKGS = ["checkov", "cfn-lint", "ansible-lint", "jsonschema", "mkdocs", "xenon", "pip-tools", "semgrep", "check-jsonschema"]
JS_PKGS = ["jasmine", "uvu", "tap", "parcel", "@stoplight/spectral-cli", "ajv-cli", "solc", "sass", "less", "pug-cli",
           "standard", "jshint", "@commitlint/cli", "@commitlint/config-conventional"]
# one at a time, no recommends; a package that will not install only skips its kinds
APT_PKGS = ["gfortran", "mono-mcs", "lua-check", "clang", "clang-tidy", "clang-tools", "meson", "r-base-core", "r-cran-testthat",
            "nginx-light", "apache2", "chktex", "lacheck", "protobuf-compiler", "gettext", "swi-prolog-nox", "guile-3.0",
            "nim", "fpc", "gnat", "erlang-dev", "erlang-eunit", "ocaml-nox", "mariadb-server", "ghc", "scala", "crystal"]

Extractor = Callable[[list[str]], list]


def ensure_tools() -> None:
    """Install the Debian, PyPI and npm tools once (the registries are the only network used)."""
    missing = [p for p in APT_PKGS if run(f"dpkg -s {p} >/dev/null 2>&1 && echo ok").strip() != "ok"]
    if missing:
        run("apt-get update -q", timeout=600)
    for pkg in missing:
        run(f"DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends {pkg}", timeout=1800)
    if not (VENV / "bin" / "checkov").exists():
        run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_PKGS), env=PIP_ENV, timeout=1800)
    if not (JS / "node_modules" / ".bin" / "jasmine").exists():
        JS.mkdir(parents=True, exist_ok=True)
        (JS / "package.json").write_text('{"name":"w13-tools","private":true,"version":"1.0.0"}\n')
        run("npm install --no-audit --no-fund --loglevel=error " + " ".join(JS_PKGS), cwd=JS, timeout=900)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin"), str(VENV / "bin")]


def diag_rule(name: str, family: str, doc: str, hit: str | None = None, loc: str | None = None,
              warn: str | None = None, key: Callable[[re.Match], tuple] | None = None, summary: str | None = None,
              back: str | None = None, ahead: int = 6) -> Extractor:
    """A compiler-like kind: line_rule's needles (every `hit` line, the first `loc` line within `ahead` lines below
    it, the LAST `summary` line), the nearest `back` line within six lines ABOVE each hit (a location printed
    before its message), and one {"any"} needle per key(match) over the lines matching `warn`."""
    base = line_rule(name, family, doc, hit=hit, loc=loc, summary=summary, ahead=ahead)
    warn_re = re.compile(warn) if warn else None
    hit_re = re.compile(hit) if hit else None

    def ext(lines: list[str]) -> list:
        out = base(lines)
        if back and hit_re:
            out += [cm.prev_match(lines, i, back) for i, ln in enumerate(lines) if ln.strip() and hit_re.search(ln)]
        if warn_re and key:
            out += cm.groups((key(m), ln) for ln in lines for m in [warn_re.search(ln)] if m)
        return out
    ext.__doc__ = doc
    return kind(name, family)(ext)


def steps() -> list:
    import capture_wide13_langs as langs  # Haskell, OCaml, C#, R
    import capture_wide13_langs2 as langs2  # Nim, Pascal, Ada, Prolog, Scheme, Erlang
    import capture_wide13_langs3 as langs3  # Lua, Fortran, clang's tools, Scala
    import capture_wide13_langs4 as langs4  # Crystal
    import capture_wide13_db as db  # MariaDB, PostgreSQL
    import capture_wide13_js as js  # npm tools
    import capture_wide13_pkgs as pkgs  # PyPI tools
    import capture_wide13_tools as tools  # meson, configure, nginx, apache, MariaDB, TeX, protoc, gettext
    return langs.STEPS + langs2.STEPS + langs3.STEPS + langs4.STEPS + tools.STEPS + db.STEPS + pkgs.STEPS + js.STEPS


def main() -> None:
    ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide13", sys.modules["__main__"])
    main()
