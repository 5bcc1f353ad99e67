"""Capture round 817 of the compression corpus (issue #11 again, in rounds 754's, 777's and 795's pattern and layout):
the kinds issue #11 names at 10-120 KB, on real code the corpus had not used, with a lorimer's names (bits, spurs,
buckles, stirrups, curb chains, lorimers): the sdist of Dijkstar 2.6.0 (PyPI; its pure-Python `dijkstar/` package of
Dijkstra / A* path finding over a dict-of-dicts Graph and its own `dijkstar/tests/`, run from the sdist) with three bugs
put in, under its own suite and a lorimer's pytest suite written here over seeded delivery rounds, with ruff and mypy
--strict, and a stirrupbook script into a chained traceback; the npm package @datastructures-js/linked-list 6.1.4 (its
CommonJS `index.js` and `src/` copied into a small app, `curbchain`) with bugs put in, under the app's own vitest suite,
eslint and tsc; `npm view --json` of the package; a C project (`bitbench`) and a dependency-free Rust crate
(`spurworks`) made by round 292's generators through round 510's wrapper; a stdlib-only Go module (`stirruploft`) and
shellcheck made by round 273's generator; a git history built from Dijkstar's sources; listings, a process table, CSV
and sqlite results from the machine's files and pip inspect, an application log.

Tools (versions as installed for the capture): pytest 9.2.0, ruff 0.17.6, mypy 2.4.1, rich 15.0.0, six 1.17.0 (Dijkstar's one
dependency) (a Python 3 venv), vitest 4.1.12, eslint 10.16.0, @eslint/js 10.0.1, typescript 7.0.2 (npm), and the
machine's node, gcc, make, cargo, go, shellcheck, git, tree, sqlite3 (their versions in NEEDLES.md's notes for round
817).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 817: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide817.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide817.json  as {"version": 2, "items": [...]}, ids prefixed "wide817-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide817-"
DEFAULT_OUT = HERE / "data" / "wide817.json"
TMP = Path("/dev/shm/hm-corpus-wide817-run")
TOOLS = Path("/dev/shm/hm-corpus-wide817")
PY_TOOLS = ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "rich==15.0.0", "six==1.17.0"]
PY_SDISTS = ["Dijkstar==2.6.0"]
NPM_PKGS = ["@datastructures-js/linked-list@6.1.4", "vitest@4.1.12", "eslint@10.16.0", "@eslint/js@10.0.1",
            "typescript@7.0.2"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "Dijkstar-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js


unpack = TOOLSET.unpack

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide817_py as py  # pytest, ruff, mypy, a chained traceback, git, listings, tables, a log
    import capture_wide817_js as js  # vitest, eslint, tsc over a copied npm package, npm view
    import capture_wide817_native as native  # round 292's C and Rust generators: gcc, make, cargo
    import capture_wide817_go as go  # round 273's Go generator: go test / vet / build, shellcheck
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return [unpack] + [s for m in (py, js, native, go) for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))
    from capture_wide604 import drop_and_check
    drop_and_check(DEFAULT_OUT if "--out" not in sys.argv else Path(sys.argv[sys.argv.index("--out") + 1]))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide817", sys.modules["__main__"])
    main()
