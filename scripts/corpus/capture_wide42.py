#!/usr/bin/env python3
"""Capture round 42 of the compression corpus: test runners, compilers and linters of languages NEW to the corpus,
blind. Toolchains come from Debian's archive (installed once): nasm, Icarus Verilog, gforth, GNU Prolog, GnuCOBOL,
shunit2, Devel::Cover, Elixir / Erlang, gdc, CHICKEN, Guile (and its guild), LuaUnit, SBCL, Poly/ML and valac. The
programs are written here with real bugs put in and widened by seeded generators. Some command lines are typed as
agents type them (pipes that cut, `2>&1 | tail -n 80`, chains, `; echo EXIT=$?`).

Every kind is new; its needles come from the rules NEEDLES.md's "Round 42" section fixed before capture, applied by
the extractors in capture_wide42_native.py and capture_wide42_script.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide42.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide42.json  as {"version": 2, "items": [...]}, ids prefixed "wide42-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide42-"
DEFAULT_OUT = HERE / "data" / "wide42.json"
TMP = Path("/tmp/hm-corpus-wide42")

w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir
MIN_CHARS, MAX_CHARS = 400, 120_000

# tool found on PATH -> the Debian package that holds it
APT = {"nasm": "nasm", "iverilog": "iverilog", "gforth": "gforth", "gprolog": "gprolog", "cobc": "gnucobol4",
       "shunit2": "shunit2", "cover": "libdevel-cover-perl", "elixir": "elixir", "gdc": "gdc", "csc": "chicken-bin",
       "guile": "guile-3.0", "guild": "guile-3.0-dev", "lua5.4": "lua5.4", "/usr/share/lua/5.4/luaunit.lua":
       "lua-unit", "sbcl": "sbcl", "poly": "polyml", "valac": "valac"}


def ensure_tools() -> None:
    """The languages' toolchains from Debian, installed once each."""
    for tool, package in APT.items():
        cm.ensure_apt(tool, package)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide42_native as native  # nasm, iverilog / vvp, cobc, gdc, valac, Poly/ML, SBCL, CHICKEN
    import capture_wide42_script as script  # Perl, Elixir / Erlang, Guile, Lua, shunit2, gforth, GNU Prolog
    return native.STEPS + script.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide42", sys.modules["__main__"])
    main()
