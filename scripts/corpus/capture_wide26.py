#!/usr/bin/env python3
"""Capture round 26 of the compression corpus (issue #11): SECOND SAMPLES OF THE KINDS ROUNDS 24 AND 25 HOLD OUT.
Rounds 24 and 25 were measured blind, and their held-out parts hold kinds with no tuning sample; this round
captures new, independent outputs of those kinds (other projects, other bugs, other sizes, other flags): round
24's behave, bun test, cachegrind + cg_annotate, checkstyle, cpplint, datamash, flawfinder, jscpd, license-checker,
phpcs, phpmd, pip-licenses, rstcheck, sqlite-utils, tcpdump, twine check, typos, yarn list and zizmor; round 25's
bandit, cargo build/test/metadata, tsconfig, PyPI's JSON simple API, showmigrations, du | sort -h, flake8, go test,
jest, jsonlint, kustomize, lsof -i, mix compile, node --test, npm view --json, oxlint, pip wheel of a C extension,
pyright, ss -tanp, typer/click --help, vitest and vmstat.

Every kind's needles come from the extractor the earlier round used for it, imported from its capture module
(NEEDLES.md); nothing here copies a rule. Nothing captured here was compressed: this round only captures.

Method: every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide26, with the tools rounds 24
and 25 installed (/tmp/hm-corpus-wide24-tools, /tmp/hm-corpus-wide25-tools; run their capture scripts first) and
Debian's toolchains, on the sdists of simplejson, markupsafe, toolz and tabulate, on real sources shipped on this
machine (the JDK's, PHP's, node_modules') and on small projects written here with real bugs put in.

This module holds the set-up, the size gate and main(); the captures are in capture_wide26_py.py (Python tools),
capture_wide26_native.py (Rust, Go, C, Java, PHP), capture_wide26_ops.py (cachegrind, Elixir, Kubernetes, CI,
packets), capture_wide26_js.py (Node, TypeScript, bun, yarn) and capture_wide26_sys.py (sockets, processes, listings, registry JSON).

Usage:   .venv/bin/python scripts/corpus/capture_wide26.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide26.json  as {"version": 2, "items": [...]}, ids prefixed "wide26-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide26-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide26.json"
TMP = Path("/tmp/hm-corpus-wide26")
TOOLS = Path("/tmp/hm-corpus-wide26-tools")
SRC = TOOLS / "src"
T24, T25 = Path("/tmp/hm-corpus-wide24-tools"), Path("/tmp/hm-corpus-wide25-tools")
PY24, PY25 = T24 / "venv" / "bin" / "python", T25 / "venv" / "bin" / "python"
JS24, JS25 = T24 / "js", T25 / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PY_SDISTS = ["simplejson==3.19.3", "markupsafe==3.0.2", "toolz==1.0.0", "tabulate==0.9.0"]
SIMPLEJSON, MARKUPSAFE, TOOLZ, TABULATE = "simplejson-3.19.3", "markupsafe-3.0.2", "toolz-1.0.0", "tabulate-0.9.0"

# the round's sizes: mostly 2-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 250, 100_000


def ensure_tools() -> None:
    """Rounds 24 and 25's tools (their capture scripts install them) and this round's sdists."""
    for t in (PY24, PY25, JS24 / "node_modules", JS25 / "node_modules"):
        if not t.exists():
            raise SystemExit(f"{t} missing: run capture_wide24.py and capture_wide25.py first (they install the tools)")
    cm.download_sdists(SRC, "toolz-*", PY_SDISTS)
    cm.PATH_PREFIX[:0] = [str(PY25.parent), str(PY24.parent), str(JS25 / "node_modules" / ".bin"),
                          str(JS24 / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def unpack(tmp: Path) -> None:
    cm.unpack_sdists(SRC, tmp)


def steps() -> list:
    import capture_wide26_js as js  # jest, vitest, node --test, bun, oxlint, tsc, npm view, jscpd, yarn …
    import capture_wide26_native as native  # cargo, go, C analysers, cachegrind, checkstyle, PHP
    import capture_wide26_ops as ops  # cachegrind (before native: flawfinder reads its C), mix, kustomize, CI …
    import capture_wide26_py as py  # bandit, flake8, pyright, pip wheel, Django, typer/click, behave, docs, tables
    import capture_wide26_sys as sysc  # ss, lsof, vmstat, du, PyPI JSON (last: du lists the earlier trees)
    return [unpack] + py.STEPS + ops.STEPS + native.STEPS + js.STEPS + sysc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(2_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide26", sys.modules["__main__"])
    main()
