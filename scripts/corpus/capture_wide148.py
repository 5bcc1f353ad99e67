#!/usr/bin/env python3
"""Capture round 148 of the compression corpus: API schema and interface-definition tooling, shapes new to the corpus.
`ferrylink`, a ferry operator's booking and vessel-telemetry APIs, is written here as interface definitions with
faults put in on purpose: Thrift IDL (`thrift --gen py|cpp` errors and warnings), Avro schemas and data files (the
`avro` package's parse errors, `fastavro` record dumps, schema resolution failures), a Cap'n Proto schema (`capnp
compile` errors), FlatBuffers schemas and binaries (`flatc` errors, `--json` dumps), protobuf messages (`protoc
--decode_raw`, `--decode`, a descriptor set dumped), OpenAPI documents (`swagger-cli validate`, the npm `openapi-diff`
between two versions) and a TypeSpec project (`tsp compile` diagnostics). Sizes come from seeded generators.

Every kind is new (NEEDLES.md's "Round 148"); its extractor sits next to its capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide148.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide148.json  as {"version": 2, "items": [...]}, ids prefixed "wide148-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide148-"
DEFAULT_OUT = HERE / "data" / "wide148.json"
TMP = Path(os.environ.get("HM_WIDE148_TMP", "/dev/shm/hm-corpus-wide148"))
TOOLS = Path(os.environ.get("HM_WIDE148_TOOLS", "/dev/shm/hm-wide148-tools"))  # venv and npm projects, kept

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Debian's Thrift, Cap'n Proto, FlatBuffers and protobuf compilers; avro and fastavro from PyPI in a venv; the
    TypeSpec compiler, swagger-cli and openapi-diff from npm."""
    for tool, pkg in (("thrift", "thrift-compiler"), ("capnp", "capnproto"), ("flatc", "flatbuffers-compiler"),
                      ("protoc", "protobuf-compiler")):
        cm.ensure_apt(tool, pkg)
    cm.install_venv(TOOLS / "avro", "fastavro", ["avro", "fastavro"])
    cm.install_npm(TOOLS / "tsp", ".bin/tsp", ["@typespec/compiler", "@typespec/http", "@typespec/openapi3"])
    cm.install_npm(TOOLS / "oas", ".bin/swagger-cli", ["@apidevtools/swagger-cli", "openapi-diff"])
    cm.PATH_PREFIX[:0] = [str(TOOLS / "avro" / "bin"), str(TOOLS / "tsp" / "node_modules" / ".bin"),
                          str(TOOLS / "oas" / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide148_idl as idl  # thrift, capnp, flatc, protoc
    import capture_wide148_api as api  # avro / fastavro, swagger-cli, openapi-diff, tsp
    return idl.STEPS + api.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide148", sys.modules["__main__"])
    main()
