#!/usr/bin/env python3
"""Capture round 182 of the compression corpus: parallel and HPC runtimes and their diagnostics, shapes new to the
corpus. Debian's Open MPI 4.1 runs small C programs written here with faults put in (a rank dereferencing NULL, a
receive too small for the message sent, a send to a rank that does not exist, an MPI_Abort on a failed check, a ring
that deadlocks), plain, under `--timeout N --get-stack-traces`, with `--report-bindings` / `--display-map`, and with
launch mistakes; `ompi_info` excerpts; hwloc (`lstopo-no-graphics`, `hwloc-ls`, `hwloc-calc`, `hwloc-info`);
`numactl --hardware` / `--show`; OpenMP programs under `OMP_DISPLAY_ENV=verbose` with a lost-update reduction put in;
mpi4py from PyPI with a traceback on one rank among four. About half the command lines are typed as agents type them
(`| tail -n 80`, `| head -n 100`, `2>&1 | grep -E …`, `; echo EXIT=$?`). The needles come from the rules NEEDLES.md's
"Round 182" section fixed before capture, applied by the extractors in capture_wide182_hpc.py. Nothing captured here
was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide182.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide182.json  as {"version": 2, "items": [...]}, ids prefixed "wide182-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide182-"
DEFAULT_OUT = HERE / "data" / "wide182.json"
TMP = Path(os.environ.get("HM_WIDE182_TMP", "/dev/shm/hm-corpus-wide182"))
VENV = Path(os.environ.get("HM_WIDE182_VENV", "/dev/shm/hm-corpus-wide182-venv"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Open MPI (mpicc, mpirun, ompi_info), hwloc, numactl from Debian; mpi4py in a venv from PyPI."""
    cm.ensure_apt("mpicc", "libopenmpi-dev openmpi-bin")
    cm.ensure_apt("lstopo-no-graphics", "hwloc")
    cm.ensure_apt("numactl", "numactl")
    cm.install_venv(VENV, "f2py", ["mpi4py", "numpy"])


def steps() -> list:
    import capture_wide182_hpc as hpc  # mpirun, ompi_info, hwloc, numactl, OpenMP, mpi4py
    return hpc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide182", sys.modules["__main__"])
    main()
