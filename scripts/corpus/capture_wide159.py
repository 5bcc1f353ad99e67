#!/usr/bin/env python3
"""Capture round 159 of the compression corpus: Java application servers and Apache httpd run on loopback, shapes
new to the corpus. `tidewater`, a harbour's berth-booking web service, gets web applications of its own (servlets
written here and compiled with javac/jar against Debian's servlet jars: one throws at request time, one names a class
that is absent, one has a broken web.xml, one has a listener that fails, one a filter whose helper class is missing),
every server bound to 127.0.0.1 only, from Debian 12: Apache Tomcat 10 (an instance of its own under CATALINA_BASE:
catalina.out with SEVERE deploy failures, a port clash, the localhost log, configtest.sh on broken server.xml files,
version.sh, the manager's text list/serverinfo/vminfo and commands, the access log), Jetty 9 (a jetty.base of its
own: its log with failing contexts and a port clash, --list-config, --list-modules), Apache httpd 2.4 (a config tree
of its own: apache2ctl -S with a vhost conflict, -M, -V, -t -D DUMP_INCLUDES, server-status?auto, the error log at
LogLevel debug with a denied directory and a dead proxy backend, ModSecurity 2 with rules of the round's own), H2O 2.2
(h2o -t on broken configs, its access log).

Every kind is new (NEEDLES.md's "Round 159"); its extractor sits next to its capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide159.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide159.json  as {"version": 2, "items": [...]}, ids prefixed "wide159-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide159-"
DEFAULT_OUT = HERE / "data" / "wide159.json"
TMP = Path(os.environ.get("HM_WIDE159_TMP", "/dev/shm/hm-corpus-wide159"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Tomcat 10 (with its manager), Jetty 9, Apache httpd with ModSecurity 2, H2O, all from Debian."""
    for tool, pkg in (("/usr/share/tomcat10/bin/catalina.sh", "tomcat10 tomcat10-admin"),
                      ("/usr/share/jetty9/start.jar", "jetty9"), ("apache2ctl", "apache2"),
                      ("/usr/lib/apache2/modules/mod_security2.so", "libapache2-mod-security2"), ("h2o", "h2o")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide159_java as java  # Tomcat 10 and Jetty 9
    import capture_wide159_httpd as httpd  # Apache httpd, ModSecurity, H2O
    return java.STEPS + httpd.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide159", sys.modules["__main__"])
    main()
