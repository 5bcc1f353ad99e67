#!/usr/bin/env python3
"""Capture round 117 of the compression corpus: functional-language toolchains, in shapes new to the corpus. Real runs
of Debian's toolchains on small projects written here with bugs put in and widened by seeded generators: a marina's
berth-booking service in Elixir (`moorings`: mix test --trace / --slowest over ~400 tests, mix compile
--warnings-as-errors, mix xref trace, mix profile.eprof / cprof, GenServer and Supervisor crashes through
Logger) and a tide-gauge poller in Erlang (`tidegauge`: SASL reports, common_test's suite.log, rebar3 compile / xref);
a sail-loft cutting planner in Haskell (`sailcut`: hspec, QuickCheck, tasty, ghc --make -Wall over 30 modules, cabal
build --offline, +RTS -s); a ferry timetable in OCaml (`ferryml`: OUnit2, QCheck, menhir conflicts, dune runtest diffs);
a chandlery stock keeper in Clojure (`chandlery`: reflection warnings, spec explain). About half the command lines are
typed as agents type them (`| tail -n 80`, `2>&1 | head -n 120`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 117" section fixed before capture, applied by the extractors in
capture_wide117_*.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide117.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide117.json  as {"version": 2, "items": [...]}, ids prefixed "wide117-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide117-"
DEFAULT_OUT = HERE / "data" / "wide117.json"
TMP = Path(os.environ.get("HM_WIDE117_TMP", "/tmp/hm-corpus-wide117"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The toolchains from Debian (offline mirror), installed once."""
    for tool, pkg in [("elixir", "elixir"), ("erl", "erlang"), ("rebar3", "rebar3"), ("dune", "ocaml-dune"),
                      ("menhir", "menhir libounit-ocaml-dev libqcheck-ocaml-dev"), ("clojure", "clojure"),
                      ("ghc", "ghc libghc-hspec-dev libghc-quickcheck2-dev libghc-tasty-dev libghc-tasty-hunit-dev "
                              "libghc-tasty-quickcheck-dev"), ("cabal", "cabal-install")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide117_beam as beam  # Elixir and Erlang
    out = list(beam.STEPS)
    for name in ("capture_wide117_hs", "capture_wide117_ml", "capture_wide117_clj"):
        if (HERE / f"{name}.py").exists():
            out += __import__(name).STEPS
    return out


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide117", sys.modules["__main__"])
    main()
