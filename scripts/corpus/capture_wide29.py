#!/usr/bin/env python3
"""Capture round 29 of the compression corpus (issue #11): NATIVE, JVM AND SYSTEM TOOLS THE CORPUS HAD NOT SEEN.
Maven test and compile runs (surefire failures, compiler errors) and the surefire report, jstack and jmap on a
running JVM, jstat -gcutil and keytool -list -v; googletest and Catch2 binaries, valgrind DRD and DHAT, gcc -fanalyzer, lcov, cargo doc,
gawk --lint and Tcl's tcltest; Debian's tools (lintian on a .deb built here, dpkg-deb -c / -I, debsums, apt-cache
depends / rdepends), loopback network tools (nmap -sV, curl --trace-ascii, openssl s_server) and system listings
(service --status-all, ps alx, ss -xp, ip -s link, ip route show table all, lsns, /proc/<pid>/maps, /proc/net/tcp,
/proc/<pid>/status, pmap -x, prlimit). Every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide29, on small
projects written here with real bugs put in, widened by seeded generators; tools from Debian's packages (Maven
offline, from this machine's local repository: Maven Central is not reachable here).

Needles are computed from the raw output by NEEDLES.md's rules (the round's kind values are written there, under
"Round 29", committed before this capture ran), with round 24's factories (diag, tests, table) and the earlier
rounds' helpers, imported. Nothing captured here was compressed: this round only captures.

This module holds the set-up, the size gate and main(); the captures are in capture_wide29_jvm.py (Maven, JVM
tools), capture_wide29_native.py (C/C++ test binaries, valgrind, gcc, lcov, cargo doc, gawk, tcltest) and
capture_wide29_sys.py (Debian's tools, loopback network tools, system listings).

Usage:   .venv/bin/python scripts/corpus/capture_wide29.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide29.json  as {"version": 2, "items": [...]}, ids prefixed "wide29-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run  # noqa: E402

ID_PREFIX = "wide29-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide29.json"
TMP = Path("/tmp/hm-corpus-wide29")
TOOLS = Path("/tmp/hm-corpus-wide29-tools")
APT_PKGS = ["libgtest-dev", "catch2", "nmap", "lintian", "debsums", "gawk", "lcov", "valgrind", "tcl", "maven",
            "openssl", "curl", "iproute2", "procps", "util-linux"]

# the round's sizes: mostly 3-60 KB, a few smaller and larger ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's packages, installed once (Maven runs offline from ~/.m2: the plugins' versions are pinned)."""
    if not Path("/usr/bin/lintian").exists() or not Path("/usr/include/catch2/catch.hpp").exists():
        run("apt-get install -y -q --no-install-recommends " + " ".join(APT_PKGS),
            env={"DEBIAN_FRONTEND": "noninteractive"}, timeout=900)
    TOOLS.mkdir(parents=True, exist_ok=True)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide29_jvm as jvm  # mvn test / compile, surefire report, jstack, jmap
    import capture_wide29_native as native  # gtest, Catch2, DRD, DHAT, -fanalyzer, lcov, cargo doc, gawk, tcltest
    import capture_wide29_sys as sy  # lintian, dpkg-deb, debsums, apt-cache, nmap, curl, openssl, listings
    return jvm.STEPS + native.STEPS + sy.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide29", sys.modules["__main__"])
    main()
