#!/usr/bin/env python3
"""Capture round 154 of the compression corpus: second samples of round 148's API schema and interface-definition
kinds and third samples of round 136's scientific Python kinds, captured blind, on new material: `lockgate`, an inland
waterway's lock-passage bookings and barge telemetry written as interface definitions with faults put in (Thrift IDL,
a Cap'n Proto schema, FlatBuffers schemas and binaries, protobuf messages and a descriptor set, Avro schemas and data
files, OpenAPI documents in two versions, a TypeSpec project); and `sphagnum`, a peatland carbon-flux network's data
reduction (eddy-covariance towers, chamber plots, water-table loggers) run through xarray, pyarrow, SymPy, scipy's
verbose solvers, numpy.testing under unittest, IPython and jupyter_client. Sizes come from seeded generators.

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 154"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide154.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide154.json  as {"version": 2, "items": [...]}, ids prefixed "wide154-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# round 148's venv and npm projects, installed by its ensure_tools under a directory of this round's own
os.environ.setdefault("HM_WIDE148_TOOLS", "/dev/shm/hm-wide154-tools")
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide154-"
DEFAULT_OUT = HERE / "data" / "wide154.json"
TMP = Path(os.environ.get("HM_WIDE154_TMP", "/dev/shm/hm-corpus-wide154"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 148's tools (Debian's Thrift, Cap'n Proto, FlatBuffers and protobuf compilers; avro and fastavro; the
    TypeSpec compiler, swagger-cli and openapi-diff) and round 136's venv, each installed once by its round."""
    import capture_wide136
    import capture_wide148
    capture_wide148.ensure_tools()
    capture_wide136.ensure_tools()


def steps() -> list:
    import capture_wide154_idl as idl  # thrift, capnp, flatc, protoc, avro, OpenAPI, TypeSpec
    import capture_wide154_sci as sci  # xarray, pyarrow, SymPy, scipy, numpy.testing, IPython, Jupyter
    return idl.STEPS + sci.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide154", sys.modules["__main__"])
    main()
