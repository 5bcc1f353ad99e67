"""Capture round 292 of the compression corpus (issue #11 a fortieth time, in rounds 263's, 273's and 285's pattern,
names n-z): the kinds issue #11 names at the sizes where compression matters (most items 10-120 KB), on real code the
corpus had not used: the sdist of unidiff (PyPI, a parser of unified diffs) with a few bugs put in, through its own
tests with pytest, ruff and mypy --strict, and its code run wrongly into a chained traceback; the npm package
to-regex-range (a regex matching a numeric range) copied into a small app (`rangebook`) with bugs put in, under
generated vitest and node --test suites, eslint and tsc; a C project (`saddletree`) and a dependency-free Rust crate
(`tanyard`) written here; a stdlib-only Go module (`weftcount`) under go test, go vet and go build, and shellcheck over
the app's deploy scripts; a git history built from unidiff's sources; listings, a process table and top, CSV and sqlite
results from the machine's share files, npm view --json and pip inspect, an application log and an installed Debian
package's HTML documentation (python3's policy) served on loopback. About a quarter of the command lines are chained as
agents chain them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 292: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

The tools venv is round 274's (/dev/shm/hm-corpus-wide274-tools/venv, linked, used read-only: pytest, ruff, mypy).

Usage:   .venv/bin/python scripts/corpus/capture_wide292.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide292.json  as {"version": 2, "items": [...]}, ids prefixed "wide292-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide292-"
DEFAULT_OUT = HERE / "data" / "wide292.json"
TMP = Path("/dev/shm/hm-corpus-wide292")
TOOLS = Path("/dev/shm/hm-corpus-wide292-tools")
PY_TOOLS = ["pytest", "ruff", "mypy"]
PY_SDISTS = ["unidiff==1.0.1"]
NPM_PKGS = ["to-regex-range@5.0.1", "vitest", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: most 10-120 KB, a few smaller ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "unidiff-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide292_py as py  # pytest, ruff, mypy, a chained traceback, git, listings, tables, a log, docs
    import capture_wide292_js as js  # vitest, node --test, eslint, tsc over a copied npm package, npm view
    mods = [py, js]
    try:
        import capture_wide292_native as native  # gcc, make -j2 -k, cargo build / test / clippy
        mods.append(native)
        import capture_wide292_go as go  # go test / vet / build, shellcheck
        mods.append(go)
    except ImportError:
        pass
    return [TOOLSET.unpack] + [s for m in mods for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide292", sys.modules["__main__"])
    main()
