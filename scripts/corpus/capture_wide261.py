#!/usr/bin/env python3
"""Capture round 261 of the compression corpus: industrial and IoT protocol tools on loopback, in shapes new to the
corpus. Real runs of Debian's libcoap (`coap-client-notls` GET/PUT/DELETE/observe and block-wise transfers, `-v 7`
debug logs, the `coap-server-notls` log), mbpoll against a Modbus TCP server written here with pymodbus (register
tables, Illegal data address, a wrong unit id, a server that stops mid-poll), pymodbus's own server and client logs,
asyncua's OPC UA server (a bottling plant's node tree) with its `uals`, `uaread`, `uadiscover` and `uacall` clients
(BadNodeIdUnknown, a method that rejects its argument), and aiocoap's `aiocoap-client`, every server started on
127.0.0.1 by this script and killed when it ends. Several command lines are typed as agents type them
(`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`). The needles come from the rules
NEEDLES.md's "Round 261" section fixed before capture, applied by the extractors in capture_wide261_proto.py.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide261.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide261.json  as {"version": 2, "items": [...]}, ids prefixed "wide261-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide261-"
DEFAULT_OUT = HERE / "data" / "wide261.json"
TMP = Path(os.environ.get("HM_WIDE261_TMP", "/dev/shm/hm-corpus-wide261"))
TOOLS = Path(os.environ.get("HM_WIDE261_TOOLS", "/dev/shm/hm-corpus-wide261-tools"))
VENV = TOOLS / "venv"  # pymodbus, asyncua, aiocoap: the servers written here and the Python clients

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 90, typed: str | None = None) -> None:
    """The round's runs take seconds; a run that hangs is cut at 90 s (its item is what it printed). The venv's bin
    is on PATH, so `uals`, `aiocoap-client` and `python` are typed as an agent in that venv types them."""
    env = {"PATH": f"{VENV}/bin:" + os.environ.get("PATH", "/usr/bin:/bin")}
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout, env=env, typed=typed)


EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def pick(lines, pat: str, flags: int = 0) -> list[str]:
    rx = re.compile(pat, flags)
    return [ln for ln in lines if rx.search(ln)]


def problems(lines, pat: str, skip: str | None = None, flags: int = 0) -> list:
    """Rule 1 as the round reads it: every line matching `pat` (not `skip`); a message shape repeated on more than 3
    lines becomes one {"any"} of its lines."""
    rx, sk = re.compile(pat, flags), re.compile(skip) if skip else None
    shapes: dict[str, list[str]] = {}
    for ln in lines:
        if rx.search(ln) and not (sk and sk.search(ln)):
            shapes.setdefault(cm.mask(ln.strip()), []).append(ln)
    out: list = []
    for group in shapes.values():
        out += [cm.any_of(group)] if len(group) > 3 else group
    return out


def first_last(rows: list[str]) -> list[str]:
    return rows[:1] + rows[-1:] if rows else []


def extremes(rows: list[str], value) -> list[str]:
    """Rule 4: the rows holding a numeric column's maximum and minimum (rows whose value cannot be read are left out)."""
    vals = []
    for r in rows:
        try:
            vals.append((value(r), r))
        except (ValueError, IndexError, AttributeError, TypeError):
            pass
    if not vals:
        return []
    return [max(vals, key=lambda t: t[0])[1], min(vals, key=lambda t: t[0])[1]]


def tracebacks(lines: list[str]) -> list[str]:
    """Rule 1: each traceback's exception line and its innermost `File` line."""
    out: list[str] = []
    for i, ln in enumerate(lines):
        if "Traceback (most recent call last)" in ln:  # also a log line that ends with it
            last_file, k = None, i + 1
            while k < len(lines) and (lines[k].startswith(" ") or not lines[k].strip()):
                if lines[k].lstrip().startswith('File "'):
                    last_file = lines[k]
                k += 1
            if last_file:
                out.append(last_file)
            if k < len(lines) and lines[k].strip():
                out.append(lines[k])
    return out


def ensure_tools() -> None:
    """libcoap's tools and mbpoll from Debian (offline mirror); pymodbus, asyncua and aiocoap in the round's venv."""
    cm.ensure_apt("coap-client-notls", "libcoap3-bin")
    cm.ensure_apt("mbpoll", "mbpoll")
    cm.install_venv(VENV, "uals", ["pymodbus", "asyncua", "aiocoap"])


def steps() -> list:
    import capture_wide261_proto as proto  # every tool of the round against servers on 127.0.0.1
    return proto.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide261", sys.modules["__main__"])
    main()
