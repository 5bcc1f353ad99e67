#!/usr/bin/env python3
"""Capture round 334 of the compression corpus: issue #11's kinds in the JVM and mocha/jest worlds, a third sample
after rounds 284 and 321, on new material made by round 284's seeded generators (imported) and copied in this round's
words with round 321's renaming copy (imported), with this round's seeds and faults: a Java library `saltern` (a salt
works: brine, boiling pans and rakers) built with Maven offline against the machine's ~/.m2 (surefire 3 with JUnit 5:
failures, compile errors, -Xlint warnings, BUILD FAILURE), with javac directly, with Ant's junit task, run under the
JUnit 5 console launcher and JUnit 4's JUnitCore, checked by checkstyle; a JavaScript project `panhouse` (a salt pan's
evaporation schedule) under mocha's spec, dot and tap reporters and jest (failing suites, --verbose, -t, a snapshot
mismatch). About a quarter of the command lines or more are chained or piped as agents chain them.

No new extractor: each kind's needles come from the extractor an earlier round used for it, imported (NEEDLES.md's
"Round 334: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide334.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide334.json  as {"version": 2, "items": [...]}, ids prefixed "wide334-".
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide334-"
DEFAULT_OUT = HERE / "data" / "wide334.json"
TMP = Path("/dev/shm/hm-corpus-wide334")
TOOLS = Path("/dev/shm/hm-corpus-wide334-tools")
JS = TOOLS / "js"
NPM_PKGS = ["jest", "mocha"]
APT_PKGS = ["ant", "ant-optional", "checkstyle", "junit5"]

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Debian's ant, checkstyle and junit5 (Maven's plugins and JUnit from ~/.m2), jest and mocha from npm."""
    if not shutil.which("ant") or not shutil.which("checkstyle") \
            or not Path("/usr/share/java/junit-platform-console-standalone.jar").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends " + " ".join(APT_PKGS),
               env={"DEBIAN_FRONTEND": "noninteractive"}, timeout=900)
    cm.install_npm(JS, "jest", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide334_js as js  # mocha (spec, dot, tap), jest (failures, verbose, -t, snapshot)
    import capture_wide334_jvm as jvm  # maven, javac, junit console / JUnitCore, ant, checkstyle
    return [s for m in (jvm, js) for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide334", sys.modules["__main__"])
    main()
