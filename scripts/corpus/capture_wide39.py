#!/usr/bin/env python3
"""Capture round 39 of the compression corpus: a blind sample of outputs whose SHAPE is awkward, from tools new to
the corpus: hex and binary views (objdump -s, readelf -x, xxd -i / -b, od, cmp -l, a diff of two hex dumps), PEM and
base64 amid text (openssl pkey / pkcs12, ssh-keygen -l -v, keytool -printcert, gpg --list-packets, a MIME message, a
decoded JWT), stack traces of other runtimes (Node from a minified bundle, Node's AggregateError, Python's
ExceptionGroup and faulthandler dump, a JVM trace with `Caused by` and `Suppressed`), very long lines (a one-line SQL
insert, `ps -ww`), CSV with quoted multi-line fields, a Latin-1 file read as UTF-8, tab-separated reports, JSON nested
in log lines, and stdout/stderr interleaved by `2>&1`. The project is written here with bugs put in (a bakery's order
relay, `crumbrelay`), widened by seeded generators. Needles follow NEEDLES.md's "Round 39" section, fixed before
capture; nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide39.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide39.json  as {"version": 2, "items": [...]}, ids prefixed "wide39-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide39-"
DEFAULT_OUT = HERE / "data" / "wide39.json"
TMP = Path("/tmp/hm-corpus-wide39")
# every tool of the round comes with Debian here (binutils, xxd, openssl, openssh-client, gnupg, node, a JDK)
NEEDED = ["objdump", "readelf", "xxd", "od", "cmp", "openssl", "ssh-keygen", "keytool", "gpg", "node", "java",
          "sqlite3", "iconv", "tar", "gcc"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    for t in NEEDED:
        cm.have(t, t)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def exit_lines(lines: list[str]) -> list[str]:
    """Round 9b's shell-status rule: the `EXIT=N` line the agent printed."""
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


def steps() -> list:
    import capture_wide39_bin as binv  # hex views, keys, certificates, a MIME message, JWTs
    import capture_wide39_text as text  # traces of other runtimes, CSV/TSV, encodings, logs, interleaving
    return binv.STEPS + text.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide39", sys.modules["__main__"])
    main()
