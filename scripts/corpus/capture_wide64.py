#!/usr/bin/env python3
"""Capture round 64 of the compression corpus: SECOND SAMPLES OF ROUND 24'S KINDS (no new rules).
Round 24 captured many tools new to the corpus; this round captures new, independent outputs of nineteen of its kinds
on small projects written here (an apiary's hive records: inspections, scale firmware, honey orders, a sales portal),
with other mistakes put in, other sizes and other seeds: behave, bun test, cachegrind + cg_annotate, checkstyle,
cpplint, datamash, flawfinder, jscpd, license-checker --csv, phpcs, phpmd, pip-licenses, rstcheck, sqlite-utils
--table, tcpdump (loopback traffic generated here), twine check, typos, yarn list and zizmor.

Every kind's needles come from the extractor round 24 used for it, imported from its capture modules (the `N_*`
constants of capture_wide24_*.py, as round 26 imported them); nothing here copies a rule and nothing captured here
was compressed: this round only captures. Some command lines are typed as agents type them (`| tail -n 60`,
`| head -n 80`, `; echo EXIT=$?`), read by the kind's extractor on the lines the pipe kept (round 30).

Tools: PyPI's and npm's in /tmp/hm-corpus-wide64-tools (installed once, as round 24 installs them), Debian's
php-codesniffer, phpmd, datamash, tcpdump, checkstyle and valgrind.

This module holds the set-up, the size gate and main(); the captures are in capture_wide64_py.py (Python tools and
tables), capture_wide64_native.py (C, Java, PHP, CI, packets) and capture_wide64_js.py (bun, jscpd, yarn,
license-checker).

Usage:   .venv/bin/python scripts/corpus/capture_wide64.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide64.json  as {"version": 2, "items": [...]}, ids prefixed "wide64-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run  # noqa: E402

ID_PREFIX = "wide64-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide64.json"
TMP = Path("/tmp/hm-corpus-wide64")
TOOLS = Path("/tmp/hm-corpus-wide64-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["behave", "cpplint", "flawfinder", "rstcheck", "typos", "zizmor", "pip-licenses", "sqlite-utils", "twine",
            "build"]
NPM_PKGS = ["yarn", "bun", "jscpd@4", "license-checker"]
APT_PKGS = ["php-codesniffer", "phpmd", "datamash", "tcpdump", "checkstyle", "valgrind"]

# the round's sizes: 1-60 KB mostly, a few smaller ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python tools, the npm packages and Debian's packages, installed once."""
    cm.install_venv(VENV, "zizmor", PY_TOOLS)
    cm.install_npm(JS, "license-checker", NPM_PKGS)
    if not Path("/usr/bin/datamash").exists() or not Path("/usr/bin/phpmd").exists():
        run("apt-get install -y -q --no-install-recommends " + " ".join(APT_PKGS),
            env={"DEBIAN_FRONTEND": "noninteractive"}, timeout=900)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide64_js as js  # bun test, jscpd, yarn list, license-checker
    import capture_wide64_native as native  # cpplint, flawfinder, cachegrind, checkstyle, phpcs, phpmd, zizmor, tcpdump
    import capture_wide64_py as py  # behave, rstcheck, typos, twine check, pip-licenses, sqlite-utils, datamash
    return py.STEPS + native.STEPS + js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(2_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide64", sys.modules["__main__"])
    main()
