#!/usr/bin/env python3
"""Capture round 101 of the compression corpus: JVM builds and documentation tools from Debian packages, new to the
corpus. Kinds no earlier round holds, run for real on projects written here with bugs put in, widened by seeded
generators: a rail freight yard's planning code (`yardplan`, Java) built with Apache Ant (javac errors and -Xlint
warnings through ant, the `junit` task over Debian's junit4, the `junitlauncher` task over its junit5 jars,
`-verbose`, `-projecthelp`), Maven offline against Debian's /usr/share/maven-repo, javadoc with -Xdoclint:all (Debian
packages no JaCoCo CLI: its libjacoco-java holds the agent, the ant tasks, core and report only); Debian's Gradle 4.4.1
offline (compile, test, build, tasks); Java Flight Recorder recordings of the yard simulator (`jfr summary`, `jfr print`), jcmd
and jinfo against it while it runs; Groovy scripts that fail. About half the command lines are typed as agents type
them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -i warning`).

The needles come from the rules NEEDLES.md's "Round 101" section fixed before capture, applied by the extractors in
capture_wide101_ant.py, capture_wide101_gradle.py and capture_wide101_jvm.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide101.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide101.json  as {"version": 2, "items": [...]}, ids prefixed "wide101-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide101-"
DEFAULT_OUT = HERE / "data" / "wide101.json"
TMP = Path("/tmp/hm-corpus-wide101")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's ant (with its optional tasks: junit, junitlauncher), maven, gradle and groovy, installed once."""
    cm.ensure_apt("ant", "ant ant-optional")
    if not Path("/usr/share/ant/lib/ant-junitlauncher.jar").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y ant-optional", timeout=1200)
    cm.ensure_apt("mvn", "maven")
    cm.ensure_apt("groovy", "groovy")
    cm.ensure_apt("gradle", "gradle")


def steps() -> list:
    import capture_wide101_ant as ant  # ant, maven offline, javadoc
    import capture_wide101_gradle as gr  # gradle offline
    import capture_wide101_jvm as jvm  # jfr, jcmd, jinfo, groovy
    return ant.STEPS + gr.STEPS + jvm.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide101", sys.modules["__main__"])
    main()
