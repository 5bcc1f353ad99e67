"""Capture round 361 of the compression corpus (issue #11 again, in rounds 297's, 305's, 313's, 323's and 355's
pattern): the kinds issue #11 names at the sizes where compression matters (most items 10-120 KB), on real code the
corpus had not used, with a salt-glaze potter's names: the sdists of roman (integers to and from Roman numerals) and
timeago ("3 minutes ago", many locales) with a few bugs put in, through their own tests with pytest, ruff and mypy
--strict, and timeago run wrongly into a chained traceback; the npm package statuses (HTTP status codes and messages)
copied into a small app (`saltport`) with bugs put in, under generated vitest and node --test suites, eslint and tsc; a
C project (`bagwall`) and a dependency-free Rust crate (`conepack`) made by round 292's generators through round 323's
wrapper, imported with this round's words and seeds; a stdlib-only Go module (`saggartally`) and shellcheck over the
app's deploy scripts made by round 273's generator (capture_wide273_go.make_steps), imported likewise; git histories
built from roman's and timeago's sources; listings, a process table and top, CSV and sqlite results from the machine's
files, npm view --json and pip inspect, an application log and an installed Debian package's HTML documentation served
on loopback. About a quarter of the command lines are chained or piped as agents type them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 361: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide361.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide361.json  as {"version": 2, "items": [...]}, ids prefixed "wide361-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide361-"
DEFAULT_OUT = HERE / "data" / "wide361.json"
TMP = Path("/dev/shm/hm-corpus-wide361")
TOOLS = Path("/dev/shm/hm-corpus-wide361-tools")
PY_TOOLS = ["pytest", "ruff", "mypy"]
PY_SDISTS = ["roman==5.2", "timeago==1.0.15"]
NPM_PKGS = ["statuses@2.0.2", "vitest", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: most 10-120 KB, a few smaller ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "timeago-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide361_py as py  # pytest, ruff, mypy, a chained traceback, git, listings, tables, a log, docs
    import capture_wide361_js as js  # vitest, node --test, eslint, tsc over a copied npm package, npm view
    import capture_wide361_native as native  # round 292's C and Rust generators: gcc, make, cargo
    import capture_wide361_go as go  # round 273's Go generator: go test / vet / build, shellcheck
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return [TOOLSET.unpack] + [s for m in (py, js, native, go) for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide361", sys.modules["__main__"])
    main()
