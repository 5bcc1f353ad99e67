#!/usr/bin/env python3
"""Capture round 162 of the compression corpus: second samples of round 159's kinds (Java application servers and
Apache httpd on loopback) and round 160's (Debian packaging and image building), no new rules. `ferrylink`, a
ferry operator's ticketing service, gets web applications of its own (servlets written here and compiled with javac:
a null check missing at request time, a servlet class left out of the war, a web.xml cut short, a listener reading a
timetable that is not there, a filter whose helper class was deleted) served by a Tomcat 10 instance and a Jetty 9
base of their own, an Apache httpd config tree of its own (vhosts with a name clash, a denied directory, a proxy to a
dead backend, ModSecurity rules of its own) and H2O configs of its own; and `tidecal`, a small C tool of its own for
tide-table lookups, driven through debhelper (a failing test suite, an .install listing files never built),
dpkg-gencontrol, dpkg-source -b, equivs-build and autopkgtest, while a seeded suite of `ferry-*` packages goes through
reprepro, aptly and apt-ftparchive, minimal trees come from mmdebstrap and debootstrap, and dpkg --audit reads a broken
install inside a bootstrapped tree.

No rule is new: each kind's needles come from round 159's or 160's extractor, imported from their capture modules
(NEEDLES.md, "Round 162"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide162.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide162.json  as {"version": 2, "items": [...]}, ids prefixed "wide162-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide162-"
DEFAULT_OUT = HERE / "data" / "wide162.json"
TMP = Path(os.environ.get("HM_WIDE162_TMP", "/dev/shm/hm-corpus-wide162"))
MIRROR = "http://deb.debian.org/debian"

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 159's and 160's tools, all from Debian."""
    for tool, pkg in (("/usr/share/tomcat10/bin/catalina.sh", "tomcat10 tomcat10-admin"),
                      ("/usr/share/jetty9/start.jar", "jetty9"), ("apache2ctl", "apache2"),
                      ("/usr/lib/apache2/modules/mod_security2.so", "libapache2-mod-security2"), ("h2o", "h2o"),
                      ("mmdebstrap", "mmdebstrap"), ("debootstrap", "debootstrap"), ("reprepro", "reprepro"),
                      ("aptly", "aptly"), ("apt-ftparchive", "apt-utils"), ("autopkgtest", "autopkgtest"),
                      ("equivs-build", "equivs"), ("dh", "debhelper"), ("fakeroot", "fakeroot")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide162_web as web  # Tomcat 10, Jetty 9, Apache httpd, ModSecurity, H2O
    import capture_wide162_deb as deb  # debhelper, dpkg-*, equivs, autopkgtest, bootstrap, archive tools
    return web.STEPS + deb.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide162", sys.modules["__main__"])
    main()
