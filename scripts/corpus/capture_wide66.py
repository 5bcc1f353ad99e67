#!/usr/bin/env python3
"""Capture round 66 of the compression corpus: output of services and languages whose tools are new to the corpus,
from Debian's packages installed here. A scratch redis-server on loopback (seeded keys of every type, a stream with
consumer groups, idle clients held open, a damaged append-only file) read through redis-cli, redis-benchmark and
redis-check-aof; a scratch memcached read through its text protocol; an Erlang VM's crash dumps; a small Mix project
(`mix xref`, `mix test --cover`); systemd-analyze's tables; a damaged SQLite file; a leaking Free Pascal program built
with heaptrc; a gawk profile; an HAProxy config with mistakes. Several command lines are typed as agents type them
(pipes that cut, `2>&1 | tail -n 60`, `; echo EXIT=$?`).

The kinds and their rule 5 values are NEEDLES.md's "Round 66", written before this ran; the extractors live in
capture_wide66_redis.py and capture_wide66_sys.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide66.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide66.json  as {"version": 2, "items": [...]}, ids prefixed "wide66-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide66-"
DEFAULT_OUT = HERE / "data" / "wide66.json"
TMP = Path("/tmp/hm-corpus-wide66")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's servers and toolchains, installed once (the rounds run as root)."""
    for tool, pkg in [("redis-server", "redis-server"), ("memcached", "memcached"), ("haproxy", "haproxy"),
                      ("erl", "erlang-base"), ("mix", "elixir"), ("sqlite3", "sqlite3"), ("fpc", "fpc"),
                      ("gawk", "gawk")]:
        cm.ensure_apt(tool, pkg)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide66_redis as redis  # redis-cli, redis-benchmark, redis-check-aof, memcached
    import capture_wide66_sys as sysk  # erl crash dumps, mix, systemd-analyze, sqlite3, fpc, gawk, haproxy
    return redis.STEPS + sysk.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide66", sys.modules["__main__"])
    main()
