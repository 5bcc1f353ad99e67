#!/usr/bin/env python3
"""Capture round 470 of the compression corpus: the OCaml toolchain's other outputs. Real runs of Debian's OCaml 4.13,
ocaml-findlib 1.9, dune 2.9, odoc 2.1 and cmdliner 1.1 on `boathouse`, a rowing club's boathouse written here
(slipways, sculls, coxes, crews, racks, outings) with faults put in and widened by seeded generators (seeds 47010+):
ocamlc -i, ocamldep, ocamlobjinfo, ocamlc -config, ocamllex, ocamlcp/ocamlprof, the toplevel on stdin, the runtime's
GC statistics at exit, ocamlfind list/query, dune external-lib-deps / printenv / build @doc and a cmdliner program's
help pages and usage errors.

The needles come from the rules NEEDLES.md's "Round 470" section fixed before capture, applied by the extractors in
capture_wide470_ml.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide470.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide470.json  as {"version": 2, "items": [...]}, ids prefixed "wide470-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide470-"
DEFAULT_OUT = HERE / "data" / "wide470.json"
TMP = Path(os.environ.get("HM_WIDE470_TMP", "/dev/shm/hm-corpus-wide470"))


def ensure_tools() -> None:
    """Debian's OCaml toolchain, installed once."""
    for tool, pkg in [("ocamlfind", "ocaml-nox dune ocaml-findlib libalcotest-ocaml-dev ocaml-odoc menhir")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide470_ml as hs
    return list(hs.STEPS)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide470", sys.modules["__main__"])
    main()
