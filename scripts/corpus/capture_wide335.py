#!/usr/bin/env python3
"""Capture round 335 of the compression corpus: web and backend framework tooling new to the corpus.

Prisma's CLI (validate, format) on a broken schema for a pottery shop `kiln`; grpcio-tools' protoc on broken `.proto`
files of a `glaze` service; a grpcio server on 127.0.0.1 and a Python client whose calls fail; a strawberry GraphQL
schema (export-schema, and an execution log whose resolvers raise); a Pyramid app's `proutes`; a Falcon app's
`falcon-inspect-app`; peewee's `pwiz` over SQLite databases; dramatiq workers on a Redis server on 127.0.0.1; paho-mqtt
and mosquitto's clients against a mosquitto broker on 127.0.0.1; an Apollo Server 4 on 127.0.0.1 answering queries
with errors. Every kind's needles come from the extractor below written before the capture (NEEDLES.md, "Round 335").
Nothing captured here was compressed.

Usage:   python3 scripts/corpus/capture_wide335.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide335.json  as {"version": 2, "items": [...]}, ids prefixed "wide335-".
Tools:   a venv and an npm folder under /dev/shm/hm-corpus-wide335-tools (grpcio, grpcio-tools, peewee, pyramid,
         falcon, strawberry-graphql, paho-mqtt, dramatiq[redis]; prisma, @apollo/server, graphql); Debian's
         mosquitto, mosquitto-clients and redis-server. Servers listen on 127.0.0.1 ports 18335, 28335, 38335 only.
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import python_exceptions, stop, wait_port  # noqa: E402

ID_PREFIX = "wide335-"
DEFAULT_OUT = HERE / "data" / "wide335.json"
TMP = Path(os.environ.get("HM_WIDE335_TMP", "/dev/shm/hm-corpus-wide335"))
TOOLS = Path("/dev/shm/hm-corpus-wide335-tools")
VENV, JS = TOOLS / "venv", TOOLS / "js"
PY = str(VENV / "bin" / "python")
P1, P2, P3 = 18335, 28335, 38335

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap
kind, groups, mask = cm.kind, cm.groups, cm.mask


# ------------------------------------------------------------------ extractors (fixed before capture)

@kind("prisma-validate", "lint")
def n_prisma(lines):
    """Rule 1: every 'error:' line and its '-->' location within six; warnings one {"any"} per shape; the 'Validation Error Count' and 'Error:' lines; a valid schema's verdict."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("error:"):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s*-->\s"))
        elif s.startswith("warning:"):
            pairs.append((mask(s), ln))
        elif s.startswith(("Validation Error Count", "Error:")) or re.search(r"\bis valid\b|^Formatted ", s):
            out.append(ln)
    return out + groups(pairs)


n_prisma_format = cm.named("prisma-format", "lint", n_prisma.__doc__, n_prisma)

PROTOC_LOC = re.compile(r"^(\S+\.proto):\d+:\d+: (.*)$")


@kind("grpc-tools-protoc", "build")
def n_protoc(lines):
    """Rule 1: every 'file.proto:L:C: message' line not a warning, every line naming a file or import not found; warnings one {"any"} per (shape, file)."""
    out, pairs = [], []
    for ln in lines:
        m = PROTOC_LOC.match(ln.strip())
        if m and m.group(2).lower().startswith("warning"):
            pairs.append(((mask(m.group(2)), m.group(1)), ln))
        elif re.search(r"^\S+\.proto:\d+:\d+: ", ln.strip()):
            out.append(ln)
        elif re.search(r"[Nn]ot found|File does not reside|No such file", ln):
            out.append(ln)
        elif ln.strip().lower().startswith("warning"):
            pairs.append(((mask(ln), ""), ln))
    return out + groups(pairs)


@kind("grpc-rpc-error", "log")
def n_grpc_client(lines):
    """Rule 1: each traceback's exception line + innermost File line, every 'status = StatusCode.X' and 'details = ...' line, every printed line naming a non-OK StatusCode."""
    out = python_exceptions(lines)
    for ln in lines:
        s = ln.strip()
        if s.startswith(("status = StatusCode.", "details = ")):
            out.append(ln)
        elif re.search(r"StatusCode\.(?!OK\b)[A-Z_]+", s):
            out.append(ln)
    return out


@kind("grpc-python-server-log", "log")
def n_grpc_server(lines):
    """python-logging-log's rule (capture_more.n_app_log), every line naming a StatusCode other than OK, the startup line naming its address."""
    out = cm.n_app_log(lines)
    for ln in lines:
        if re.search(r"StatusCode\.(?!OK\b)[A-Z_]+", ln):
            out.append(ln)
        elif re.search(r"(serving|listening|started)\b.*\b(127\.0\.0\.1|localhost|\[::\]|0\.0\.0\.0):\d+", ln, re.I):
            out.append(ln)
    return out


@kind("strawberry-export-schema", "code")
def n_sdl(lines):
    """Rule 6: every line opening a definition (type, input, enum, interface, union, scalar, schema, directive)."""
    return [ln for ln in lines
            if re.match(r"^(extend\s+)?(type|input|enum|interface|union|scalar|schema|directive)\b", ln)]


@kind("strawberry-execution-log", "log")
def n_gql_log(lines):
    """Rule 1: every ERROR/CRITICAL line, each traceback's exception + innermost File line, every 'GraphQL request:L:C' line; WARNING one {"any"} per shape; the closing summary line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^\S+ \S+ (ERROR|CRITICAL|WARNING) (\S+): (.*)$", ln)
        if m and m.group(1) == "WARNING":
            pairs.append(((mask(m.group(3)), m.group(2)), ln))
        elif m:
            out.append(ln)
        elif re.match(r"^GraphQL request:\d+:\d+", ln.strip()):
            out.append(ln)
    last = [ln for ln in lines if ln.strip()]
    return out + python_exceptions(lines) + groups(pairs) + last[-1:]


@kind("pyramid-proutes", "table")
def n_proutes(lines):
    """Rule 4 on the route table (header, rare Method values) and every row whose View is '<unknown>'."""
    hdr = next((i for i, ln in enumerate(lines) if re.match(r"^Name\s+Pattern\s+View", ln)), None)
    if hdr is None:
        return []
    rows, out = [], []
    for ln in lines[hdr + 1:]:
        if not ln.strip() or set(ln.strip()) <= set("- "):
            continue
        cols = re.split(r"\s{2,}", ln.strip())
        method = cols[3] if len(cols) > 3 else "<none>"
        rows.append((ln, {"method": method}))
        if "<unknown>" in ln:
            out.append(ln)
    return cm.rule4(rows, cat=("method",), header=(lines[hdr],)) + out


@kind("falcon-inspect-app", "listing")
def n_falcon(lines):
    """Rule 5: the app header line, every section heading ('• …:'), every route line (⇒), every middleware, sink, static route and error handler line."""
    out, section = [], ""
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s:
            continue
        if i == 0 or re.match(r"^Falcon App", s):
            out.append(ln)
        elif s.startswith("•"):
            section = s.lower()
            out.append(ln)
        elif s.startswith("⇒"):
            out.append(ln)
        elif any(w in section for w in ("middleware", "sink", "static", "error")) and re.search(r"\w", s) \
                and not s.startswith(("├── on_", "└── on_")):
            out.append(ln)
    return out


@kind("pwiz", "code")
def n_pwiz(lines):
    """Rule 6: every class line but the repeated 'class Meta:', every 'table_name =' line, every line holding a '#' comment pwiz wrote."""
    out = []
    for ln in lines:
        s = ln.strip()
        if s.startswith("class ") and s != "class Meta:":
            out.append(ln)
        elif s.startswith("table_name ="):
            out.append(ln)
        elif "#" in s and not s.startswith("#!"):
            out.append(ln)
    return out


DRAMATIQ = re.compile(r"^\[[^\]]+\] \[PID \d+\] \[[^\]]+\] \[([^\]]+)\] \[(\w+)\] (.*)$")


@kind("dramatiq-worker-log", "log")
def n_dramatiq(lines):
    """Rule 1: every ERROR/CRITICAL line, each traceback's exception + innermost File line; WARNING one {"any"} per (logger, shape); the booting, ready and closing shutdown lines."""
    out, pairs, shut = [], [], []
    for ln in lines:
        m = DRAMATIQ.match(ln)
        if not m:
            continue
        logger, lvl, msg = m.groups()
        if lvl in ("ERROR", "CRITICAL"):
            out.append(ln)
        elif lvl == "WARNING":
            pairs.append(((mask(msg), logger), ln))
        if re.search(r"is booting up|ready for action", msg):
            out.append(ln)
        if re.search(r"shut ?down|stopp", msg, re.I):
            shut.append(ln)
    return out + python_exceptions(lines) + groups(pairs) + shut[-1:]


@kind("paho-mqtt-log", "log")
def n_paho(lines):
    """Rule 1: ERROR/WARNING/CRITICAL lines, CONNACK not 0/Success, SUBACK granting 128 or a failure, refused / not authorised / unexpected disconnection lines, tracebacks; the closing summary line."""
    out = []
    for ln in lines:
        s = ln
        if re.search(r"\b(ERROR|WARNING|CRITICAL)\b", s):
            out.append(ln)
        elif "CONNACK" in s and "Received" in s:
            m = re.search(r"CONNACK \((.*)\)", s)
            if m and not re.search(r",\s*(0|Success)\s*$", m.group(1)):
                out.append(ln)
        elif "SUBACK" in s and re.search(r"\b128\b|[Nn]ot authori[sz]ed|[Uu]nspecified|[Ff]ailure", s):
            out.append(ln)
        elif re.search(r"refused|not authori[sz]ed|[Uu]nexpected disconnect", s, re.I):
            out.append(ln)
    last = [ln for ln in lines if ln.strip()]
    return out + python_exceptions(lines) + last[-1:]


@kind("mosquitto-client-debug", "log")
def n_mosq_client(lines):
    """Rule 1: every line with 'Error'/'error:', 'refused', 'not authorised', a non-zero CONNACK, a SUBACK granting 128; the last line."""
    out = []
    for ln in lines:
        if re.search(r"Error|error:|refused|not authori[sz]ed", ln, re.I):
            out.append(ln)
        elif re.search(r"CONNACK \((?!0\))\d+\)", ln):
            out.append(ln)
        elif ("SUBACK" in ln or re.match(r"^Subscribed \(mid: \d+\):", ln)) and re.search(r"\b128\b", ln):
            out.append(ln)  # mosquitto_sub -d prints the SUBACK's grants on its 'Subscribed (mid: N): …' line
    last = [ln for ln in lines if ln.strip()]
    return out + last[-1:]


@kind("apollo-server-error-json", "json")
def n_apollo(lines):
    """Rule 5: every '"message":' line, every '"code":' line, the first entry of each '"stacktrace": [' list."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith(('"message":', '"code":')):
            out.append(ln)
        elif s.startswith('"stacktrace": [') and i + 1 < len(lines):
            out.append(lines[i + 1])
    return out


# ------------------------------------------------------------------ tools

def ensure_tools() -> None:
    cm.install_venv(VENV, "falcon-inspect-app", ["grpcio", "grpcio-tools", "peewee", "pyramid", "falcon",
                                                 "strawberry-graphql[cli]", "paho-mqtt", "dramatiq[redis]"])
    cm.install_npm(JS, "@apollo/server", ["prisma", "@apollo/server", "graphql"])
    for tool, pkg in (("mosquitto_sub", "mosquitto mosquitto-clients"), ("redis-server", "redis-server")):
        if not cm.have(tool, tool):
            cm.run(f"apt-get install -y -o DPkg::Lock::Timeout=600 {pkg}", timeout=900)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin"), "/usr/sbin"]


def steps() -> list:
    import capture_wide335_steps as s
    return s.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide335", sys.modules["__main__"])
    main()
