#!/usr/bin/env python3
"""Capture round 309 of the compression corpus: Go's static checkers and test tools beyond `go` itself, as Debian
packages them, fifteen kinds new to the corpus (NEEDLES.md, "Round 309"; its `unused` kind gave no item): staticcheck (text, stylish, JSON) and its
`unused`, x/tools' single analyzers (fieldalignment, nilness, shadow, lostcancel, unmarshal, ifaceassert,
stringintconv), gotype, goimports, benchcmp, gotestsum (pkgname, testname, dots, its JUnit file, `tool slowest`) and
Ginkgo 1 (plain and -v). The material is Go code the round writes (a warehouse/billing module with faults put in,
seeded generated packages, Ginkgo suites on Debian's ginkgo and gomega sources). The extractors live in
capture_wide309_go.py beside the steps. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide309.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide309.json  as {"version": 2, "items": [...]}, ids prefixed "wide309-".
Tools:   Debian's golang-go, go-staticcheck, gotestsum, ginkgo, golang-golang-x-tools, golang-github-onsi-ginkgo-dev,
         golang-gomega-dev (installed with apt-get when missing).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide309-"
DEFAULT_OUT = HERE / "data" / "wide309.json"
TMP = Path(os.environ.get("HM_WIDE309_TMP", "/dev/shm/hm-corpus-wide309"))
APT = ["golang-go", "go-staticcheck", "gotestsum", "ginkgo", "golang-golang-x-tools", "golang-github-onsi-ginkgo-dev",
       "golang-gomega-dev"]


def ensure_tools() -> None:
    """Debian's Go tools, installed once."""
    if not all(shutil.which(t) for t in ("go", "go-staticcheck", "gotestsum", "ginkgo", "goimports", "benchcmp")) \
            or not Path("/usr/share/gocode/src/github.com/onsi/gomega").is_dir():
        cm.run("apt-get install -y -o DPkg::Lock::Timeout=600 --no-install-recommends " + " ".join(APT), timeout=1200)


def steps() -> list:
    import capture_wide309_go as go
    return go.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide309", sys.modules["__main__"])
    main()
