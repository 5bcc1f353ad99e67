"""Capture round 453 of the compression corpus (issue #11 again, in rounds 428's, 435's and 447's pattern, without a
JavaScript part): the kinds issue #11 names at 10-120 KB, on real code the corpus had not used, with a lime kiln's names
(draw holes, burners, quarrymen): the sdist of jsonpickle 4.1.1 (pure Python, no dependencies) with a few bugs put in,
through its own tests with pytest, ruff and mypy --strict, and used by a burners' script into a chained traceback;
`npm view get-func-name --json` and `npm view eastasianwidth --json`; a C project (`chargeholes`) and a
dependency-free Rust crate (`burnerbook`) made by round 292's generators through round 447's wrapper (itself round
435's, 428's, 409's and 323's), imported with this round's words and seeds; a stdlib-only Go module (`drawtally`) and
shellcheck made by round 273's generator (capture_wide273_go.make_steps), imported likewise; a git history built from
jsonpickle's sources; listings, a process table, CSV and sqlite results from the machine's files and pip inspect, an
application log. About a quarter of the command lines are chained or piped as agents type them, some with colour
forced on.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 453: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide453.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide453.json  as {"version": 2, "items": [...]}, ids prefixed "wide453-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide453-"
DEFAULT_OUT = HERE / "data" / "wide453.json"
TMP = Path("/dev/shm/hm-corpus-wide453")
TOOLS = Path("/dev/shm/hm-corpus-wide453-tools")
PY_TOOLS = ["pytest", "ruff", "mypy"]
PY_SDISTS = ["jsonpickle==4.1.1"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000

VENV, SRC = TOOLS / "venv", TOOLS / "src"

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    cm.install_venv(VENV, "mypy", PY_TOOLS)
    cm.download_sdists(SRC, "jsonpickle-*", PY_SDISTS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def unpack(tmp: Path) -> None:
    cm.unpack_sdists(SRC, tmp)


def steps() -> list:
    import capture_wide453_py as py  # pytest, ruff, mypy, a chained traceback, npm view, git, listings, tables, a log
    import capture_wide453_native as native  # round 292's C and Rust generators: gcc, make, cargo
    import capture_wide453_go as go  # round 273's Go generator: go test / vet / build, shellcheck
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return [unpack] + [s for m in (py, native, go) for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide453", sys.modules["__main__"])
    main()
