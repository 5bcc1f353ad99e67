#!/usr/bin/env python3
"""Capture round 106 of the compression corpus: Linux packaging and package-review tools, new to the corpus.
Kinds no earlier round holds, run for real on packages written here with mistakes put in: a small C tide-table tool
and its data (`tidewatch`) built as RPMs (rpmbuild -bb with missing and unpackaged files, a failing %check and a
compile error; rpm -qlp, rpm -qip, rpmlint) and as Debian packages (dpkg-buildpackage with an unmet build-dependency,
failing tests and files dh_missing finds; debuild with lintian; dpkg-shlibdeps; debdiff of two versions; quilt with a
patch that does not apply), and the review tools (diffoscope of two builds and two archives, licensecheck over a tree
of 500 files with mixed and missing headers, checkbashisms, desktop-file-validate, appstreamcli and appstream-util
validate) over trees, scripts and metadata written here by seeded generators. About half the command lines are typed
as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -E 'E:|W:'`).

The needles come from the rules NEEDLES.md's "Round 106" section fixed before capture, applied by the extractors in
capture_wide106_rpm.py and capture_wide106_deb.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide106.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide106.json  as {"version": 2, "items": [...]}, ids prefixed "wide106-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide106-"
DEFAULT_OUT = HERE / "data" / "wide106.json"
TMP = Path(os.environ.get("HM_WIDE106_TMP", "/tmp/hm-corpus-wide106"))
APT = ("rpm rpmlint diffoscope-minimal licensecheck devscripts desktop-file-utils quilt debhelper appstream-util "
       "appstream fakeroot build-essential")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's rpm, review and packaging tools, installed once."""
    if not all(cm.have(t, t) for t in ("rpmbuild", "diffoscope", "licensecheck", "debdiff", "quilt", "dh",
                                        "desktop-file-validate", "appstream-util", "appstreamcli")):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=1800)


def steps() -> list:
    import capture_wide106_rpm as rpm  # rpmbuild, rpm -q, rpmlint, diffoscope, licensecheck, checkbashisms, metadata
    import capture_wide106_deb as deb  # dpkg-buildpackage, debuild, dpkg-shlibdeps, dh_missing, debdiff, quilt
    return rpm.STEPS + deb.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide106", sys.modules["__main__"])
    main()
