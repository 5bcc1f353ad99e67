"""Capture round 823 of the compression corpus (issue #11's kinds handed over by Gemini CLI, after rounds 786, 801
and 808, on new material): TWO headless runs of the real Gemini CLI (`.tools/bin/gemini --yolo -p`, its
run_shell_command, read_file, grep_search and glob tools) through round 289's driver, imported
(capture_wide289_gemini.drive). The material, in a horn worker's words: geomag's and pure-salsa20's sdists with bugs put
in (a seeded pytest file for each), pytest, ruff, mypy --strict, a chained traceback (`lanternbook.py`), a git history
built from pure-salsa20's source, a C project (`beakerpress`) and a Rust crate (`platejig`) on round 191's generators,
a Go module (`combsift`) and deploy scripts (`lanternledger`) on round 273's, listings, process tables, a CSV and a sqlite
table of the round's venv's site-packages files, npm view --json, pip inspect, two application logs, libxslt's
libxslt-keys page served on loopback, a manual page, installed sources read and searched. Round 808's scripts are
the shape (its layout and item list).

Tools and versions: Gemini CLI (`.tools/bin/gemini`), pytest 9.2.0, ruff 0.17.6, mypy 2.4.1, geomag 0.9.2015,
pure-salsa20 0.1.0, in a Python 3.11 venv under /dev/shm/hm-corpus-wide823; go, cargo, gcc, make, git, npm, sqlite3,
shellcheck, tree, top, man as on the machine.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 823: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   PIP_CONFIG_FILE=/dev/null .venv/bin/python scripts/corpus/capture_wide823.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide823.json  as {"version": 2, "items": [...]}, ids prefixed "wide823-".
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide823-"
DEFAULT_OUT = HERE / "data" / "wide823.json"
TMP = Path("/dev/shm/hm-corpus-wide823-run")
TOOLS = Path("/dev/shm/hm-corpus-wide823")
# the round's own venv (pip inspect reads it; its site-packages is the CSV's and sqlite's table); the project copies
# of geomag and pure_salsa20 (broken) run with PYTHONPATH=. ahead of the installed ones
PY_TOOLS = ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "geomag==0.9.2015", "pure-salsa20==0.1.0"]
PY_SDISTS = ["geomag==0.9.2015", "pure-salsa20==0.1.0"]
VENV, SRC = TOOLS / "venv", TOOLS / "src"
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    cm.install_venv(VENV, "mypy", PY_TOOLS)
    cm.download_sdists(SRC, "pure_salsa20-*.tar.gz", PY_SDISTS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def unpack(tmp: Path) -> None:
    cm.unpack_sdists(SRC, tmp)  # pure-salsa20's .tar.gz
    for z in SRC.glob("*.zip"):  # geomag's sdist is a .zip
        with zipfile.ZipFile(z) as zf:
            zf.extractall(tmp)


def steps() -> list:
    import capture_wide823_mat as mat  # the trees both runs work in
    import capture_wide823_items as items  # the two Gemini CLI runs
    w9b.TMP = TMP  # capture_wide191 (its generators, imported) sets its own
    return [unpack] + mat.STEPS + items.STEPS


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    from capture_wide604 import drop_and_check  # round 604's after-run check, imported
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide823", sys.modules["__main__"])
    main()
