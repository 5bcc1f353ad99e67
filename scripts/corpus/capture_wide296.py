"""Capture round 296 of the compression corpus (issue #11's kinds handed over by Gemini CLI, a second round on new
material): TWO headless runs of the real Gemini CLI (`.tools/bin/gemini --yolo -p`, its run_shell_command, read_file,
grep_search and glob tools) through round 289's driver, imported (capture_wide289_gemini.drive: the launcher with
--no-compress, the project's model stub recording each tool result as the agent wrote it). The material:
parsedatetime's sdist with bugs put in (pytest, ruff, mypy --strict, a chained traceback, a git history built from its
sources), a C project (`garboard`), a JavaScript project (`bitts`: a generated vitest suite, eslint, tsc), a Go module
(`bowsprit`: go test) and a Rust crate (`sheerstrake`: cargo build / test / clippy / metadata) written here, a shell
script with faults, listings, process tables, a CSV and a sqlite table of this machine's man pages, npm view --json,
pip inspect, two application logs, a documentation page served on loopback, bidict's and dpath's installed sources
read and searched.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 296: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide296.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide296.json  as {"version": 2, "items": [...]}, ids prefixed "wide296-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide296-"
DEFAULT_OUT = HERE / "data" / "wide296.json"
TMP = Path("/dev/shm/hm-corpus-wide296")
TOOLS = Path("/dev/shm/hm-corpus-wide296-tools")
# the round's own venv (pip inspect reads it); bidict's and dpath's installed sources are read and searched
PY_TOOLS = ["pytest", "ruff", "mypy", "bidict", "dpath"]
PY_SDISTS = ["parsedatetime==2.6"]
VENV, SRC = TOOLS / "venv", TOOLS / "src"
# eslint, @eslint/js, typescript and vitest: round 285's npm folder, used read-only
JS = Path("/dev/shm/hm-corpus-wide285-tools/js")
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    cm.install_venv(VENV, "mypy", PY_TOOLS)
    cm.download_sdists(SRC, "parsedatetime-*", PY_SDISTS)
    assert (JS / "node_modules" / "vitest").exists() and (JS / "node_modules" / "typescript").exists()
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def unpack(tmp: Path) -> None:
    cm.unpack_sdists(SRC, tmp)


def steps() -> list:
    import capture_wide296_mat as mat  # the trees both runs work in
    import capture_wide296_items as items  # the two Gemini CLI runs
    w9b.TMP = TMP  # capture_wide191 (its generators, imported) sets its own
    return [unpack] + mat.STEPS + items.STEPS


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide296", sys.modules["__main__"])
    main()
