#!/usr/bin/env python3
"""Capture round 160 of the compression corpus: Debian packaging and image building, shapes new to the corpus.
Kinds no earlier round holds, run for real on packages written here with faults put in: a small C tool for kelp-bed
survey readings (`kelpmon`, its test cases widened by a seeded generator) driven through the debhelper sequence with a
failing dh_auto_test and a .install file naming files that were never built (dh_install), dpkg-gencontrol and
dpkg-source -b with broken inputs, equivs-build, autopkgtest with the null runner and failing tests; and the archive
side: mmdebstrap and debootstrap building minimal trees from the Debian mirror (one asking for a package that does not
exist), a reprepro repository of seeded packages (includes, list, check, checkpool), an aptly repository and snapshots,
apt-ftparchive packages / release, and dpkg --audit of a broken install inside a bootstrapped tree. About half the
command lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -E 'E:|W:'`).

The needles come from the rules NEEDLES.md's "Round 160" section fixed before capture, applied by the extractors in
capture_wide160_build.py and capture_wide160_repo.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide160.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide160.json  as {"version": 2, "items": [...]}, ids prefixed "wide160-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide160-"
DEFAULT_OUT = HERE / "data" / "wide160.json"
TMP = Path(os.environ.get("HM_WIDE160_TMP", "/dev/shm/hm-corpus-wide160"))
APT = ("mmdebstrap debootstrap reprepro aptly apt-utils autopkgtest equivs devscripts fakeroot build-essential "
       "debhelper")
MIRROR = "http://deb.debian.org/debian"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's packaging, bootstrap and archive tools, installed once."""
    if not all(cm.have(t, t) for t in ("mmdebstrap", "debootstrap", "reprepro", "aptly", "apt-ftparchive",
                                        "autopkgtest", "equivs-build", "dh", "fakeroot")):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=1800)


def steps() -> list:
    import capture_wide160_build as build  # dh sequence, dh_install, dpkg-gencontrol, dpkg-source, equivs, autopkgtest
    import capture_wide160_repo as repo  # mmdebstrap, debootstrap, reprepro, aptly, apt-ftparchive, dpkg --audit
    return build.STEPS + repo.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide160", sys.modules["__main__"])
    main()
