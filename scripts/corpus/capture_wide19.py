#!/usr/bin/env python3
"""Capture round 19 of the compression corpus (issue #11): FAILING RUNS IN THE LANGUAGES AND TOOLS BEYOND PYTHON AND
JAVASCRIPT. Each language gets a small project written here (5-20 files) with real bugs put in, and the runs an agent
makes on it: Go (go test -v and go test ./... with a panic and a table-test failure, go test -json, go vet, gofmt -d,
go build errors), Rust (cargo test with a panic and an assert_eq, cargo build errors, cargo clippy, a backtrace),
Java (javac errors and -Xlint warnings, the JUnit console launcher, JUnit 4's JUnitCore, a stack trace with 'Caused
by' chains), Ruby (minitest, test-unit, rspec, ruby -w, a backtrace), PHP (phpunit, php -l, a fatal error with
warnings), Perl (prove, perl -w), R (testthat, stopifnot, R CMD check), Haskell (ghc type errors, a runghc failure),
Lua (busted, a runtime error); databases (psql errors and EXPLAIN ANALYZE, MariaDB errors, sqlite3 .schema and
.dump, redis-cli INFO / MONITOR / SLOWLOG on a loopback server); build systems (make -k, cmake + make with warnings,
a cmake configure error, ninja failing); process crashes (gdb -batch bt full, valgrind leaks, ASan, UBSan, a failed
assert and the shell's 'Aborted (core dumped)').

This module holds the size gate and main(); the captures are in capture_wide19_go.py (its sources in
capture_wide19_go_src.py), capture_wide19_rust.py, capture_wide19_java.py, capture_wide19_ruby.py,
capture_wide19_php_perl.py, capture_wide19_r_hs_lua.py and capture_wide19_sys.py (databases, builds and crashes; the
C sources in capture_wide19_sys_c.py), then capture_wide19_more.py (second runs on the same projects) and
capture_wide19_large.py (grown suites). Most kinds' rules are an earlier round's extractor (NEEDLES.md); each new
kind's rule (junit4-core, ruby-test-unit, r-cmd-check, redis-slowlog, shell-signal-crash) is written next to its
capture. Rules were fixed from the raw outputs only: nothing captured here was compressed.

Method: every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide19, with Debian's
toolchains (go 1.19, cargo, OpenJDK 17 with Debian's JUnit jars, ruby, php, perl, R, ghc, lua, busted, PostgreSQL
15, MariaDB, redis, gdb, valgrind). Only loopback network: the Go, crates, gems and packagist registries are not
reachable here, so every project uses its language's standard library only.

Usage:   .venv/bin/python scripts/corpus/capture_wide19.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide19.json  as {"version": 2, "items": [...]}, ids prefixed "wide19-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import add_or_skip, note, run  # noqa: E402

ID_PREFIX = "wide19-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide19.json"
TMP = Path("/tmp/hm-corpus-wide19")

# the round's sizes: 2-60 KB asked, a few larger; but a failing go vet, go build, php -l, runghc or gdb run on a small
# project prints 1.2-2 KB, and such runs are kept as they really are
MIN_CHARS, MAX_CHARS = 1_200, 120_000


def add(item_id: str, command: str, raw: str, extractor) -> None:
    """capture_more.add_or_skip for this round's sizes only."""
    if not MIN_CHARS <= len(raw) <= MAX_CHARS:
        note(f"skip {ID_PREFIX}{item_id}: {len(raw):,} chars, outside {MIN_CHARS:,}..{MAX_CHARS:,}")
        return
    add_or_skip(item_id, command, raw, extractor)


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300, env: dict | None = None) -> None:
    """Run `command` as typed in `cwd` and add its merged output."""
    add(item_id, command, run(command, cwd=cwd, timeout=timeout, env=env), extractor)


def tabs(src: str) -> str:
    """Go source as gofmt wants it: leading groups of four spaces become tabs (the sources below are written with
    spaces; a file meant to be badly formatted is written without this)."""
    out = []
    for ln in src.split("\n"):
        stripped = ln.lstrip(" ")
        out.append("\t" * ((len(ln) - len(stripped)) // 4) + stripped)
    return "\n".join(out)


def steps() -> list:
    import capture_wide19_go as go  # go test, vet, gofmt, build
    import capture_wide19_java as java  # javac, JUnit 5 and 4, a stack trace
    import capture_wide19_large as large  # the same kinds on grown suites and builds
    import capture_wide19_more as more  # second runs on the same projects: linters, memcheck, threads, -race
    import capture_wide19_php_perl as php_perl  # phpunit, php -l, a fatal error; prove, perl -w
    import capture_wide19_r_hs_lua as r_hs_lua  # testthat, Rscript, R CMD check; ghc, runghc; busted, lua
    import capture_wide19_ruby as ruby  # minitest, test-unit, rspec, ruby -w, a backtrace
    import capture_wide19_rust as rust  # cargo test, a backtrace, clippy, cargo build
    import capture_wide19_sys as sysm  # databases, build systems, crashes
    return (go.STEPS + rust.STEPS + java.STEPS + ruby.STEPS + php_perl.STEPS + r_hs_lua.STEPS + sysm.STEPS
            + more.STEPS + large.STEPS)


def main() -> None:
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide19", sys.modules["__main__"])
    main()
