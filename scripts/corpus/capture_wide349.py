#!/usr/bin/env python3
"""Capture round 349 of the compression corpus: a second sample of round 335's web and backend framework kinds.

`fleecewell`, a wool mill (fleeces, bales, carding, spinning, fulling, dyeing, looms), written in
capture_wide349_steps.py with other faults than round 335's put in on purpose: Prisma schemas (validate, format);
grpcio-tools' protoc on broken `.proto` files; a grpcio `mill.carding.Carding` server on 127.0.0.1 and a client whose
calls fail; strawberry (export-schema, an execution log); Pyramid's `proutes`; `falcon-inspect-app`; peewee's `pwiz`;
dramatiq workers on a Redis server on 127.0.0.1; paho-mqtt and mosquitto's clients against a mosquitto broker on
127.0.0.1; an Apollo Server on 127.0.0.1 answering with errors.

No rule is new (NEEDLES.md's "Round 349"): every extractor is round 335's, imported from capture_wide335.
Nothing captured here was compressed.

Usage:   python3 scripts/corpus/capture_wide349.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide349.json  as {"version": 2, "items": [...]}, ids prefixed "wide349-".
Tools:   a venv and an npm folder under /dev/shm/hm-corpus-wide349-tools (grpcio, grpcio-tools, peewee, pyramid,
         falcon, strawberry-graphql[cli], paho-mqtt, dramatiq[redis]; prisma, @apollo/server, graphql); Debian's
         mosquitto, mosquitto-clients and redis-server. Servers listen on 127.0.0.1 ports 18349, 28349, 38349 only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide335 as r335  # noqa: E402  (the extractors, registered as kinds on import)

ID_PREFIX = "wide349-"
DEFAULT_OUT = HERE / "data" / "wide349.json"
TMP = Path(os.environ.get("HM_WIDE349_TMP", "/dev/shm/hm-corpus-wide349/run"))
TOOLS = Path("/dev/shm/hm-corpus-wide349-tools")
VENV, JS = TOOLS / "venv", TOOLS / "js"
PY = str(VENV / "bin" / "python")
P1, P2, P3 = 18349, 28349, 38349

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# round 335's extractors, by function
n_prisma, n_prisma_format, n_protoc = r335.n_prisma, r335.n_prisma_format, r335.n_protoc
n_grpc_client, n_grpc_server = r335.n_grpc_client, r335.n_grpc_server
n_sdl, n_gql_log, n_proutes, n_falcon, n_pwiz = r335.n_sdl, r335.n_gql_log, r335.n_proutes, r335.n_falcon, r335.n_pwiz
n_dramatiq, n_paho, n_mosq_client, n_apollo = r335.n_dramatiq, r335.n_paho, r335.n_mosq_client, r335.n_apollo


def ensure_tools() -> None:
    cm.install_venv(VENV, "falcon-inspect-app", ["grpcio", "grpcio-tools", "peewee", "pyramid", "falcon",
                                                 "strawberry-graphql[cli]", "paho-mqtt", "dramatiq[redis]"])
    cm.install_npm(JS, "@apollo/server", ["prisma", "@apollo/server", "graphql"])
    for tool in ("mosquitto_sub", "redis-server"):
        cm.have(tool, tool)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin"), "/usr/sbin"]


def steps() -> list:
    import capture_wide349_steps as s
    return s.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide349", sys.modules["__main__"])
    main()
