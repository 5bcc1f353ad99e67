#!/usr/bin/env python3
"""Capture round 284 of the compression corpus: issue #11's kinds in the JVM and mocha/jest worlds, on projects written
here with bugs put in: a Java library `limekiln` (a lime kiln's charge, burn and draw log) built with Maven offline
against a copy of Debian's maven-repo (surefire failures, compile errors, -Xlint warnings, BUILD FAILURE), with javac
directly, with Ant's junit task, run under the JUnit 5 console launcher and JUnit 4's JUnitCore, checked by
checkstyle; a JavaScript project `hopkiln` (a hop kiln's drying schedule) under mocha's spec, dot and tap reporters and
jest (failing suites, --verbose, a snapshot mismatch). About a quarter of the command lines are chained or piped as
agents chain them.

No new extractor: each kind's needles come from the extractor an earlier round used for it, imported (NEEDLES.md's
"Round 284: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide284.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide284.json  as {"version": 2, "items": [...]}, ids prefixed "wide284-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide284-"
DEFAULT_OUT = HERE / "data" / "wide284.json"
TMP = Path("/dev/shm/hm-corpus-wide284")
TOOLS = Path("/dev/shm/hm-corpus-wide284-tools")
JS = TOOLS / "js"
NPM_PKGS = ["jest", "mocha"]
APT_PKGS = ["maven", "ant", "ant-optional", "junit4", "junit5", "libsurefire-java", "checkstyle",
            "libmaven-compiler-plugin-java", "libmaven-resources-plugin-java", "libmaven-install-plugin-java"]

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Debian's JVM tools (Maven's plugins from Debian's maven-repo), jest and mocha from npm, installed once."""
    if not Path("/usr/share/maven-repo/org/apache/maven/plugins/maven-compiler-plugin/3.10.1").exists() \
            or not Path("/usr/bin/checkstyle").exists() or not Path("/usr/share/java/junit-platform-console-standalone.jar").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends " + " ".join(APT_PKGS),
               env={"DEBIAN_FRONTEND": "noninteractive"}, timeout=900)
    cm.install_npm(JS, "jest", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide284_js as js  # mocha (spec, dot, tap), jest (failures, verbose, snapshot)
    import capture_wide284_jvm as jvm  # maven, javac, junit console / JUnitCore, ant, checkstyle
    return [s for m in (jvm, js) for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide284", sys.modules["__main__"])
    main()
