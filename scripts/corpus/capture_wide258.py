#!/usr/bin/env python3
"""Capture round 258 of the compression corpus: second samples of round 243's molecular simulation and
electronic-structure kinds and of round 249's load-generator and micro-benchmark kinds, blind, no new rules. Round
243's tools (GROMACS, LAMMPS, NWChem, Quantum ESPRESSO `pw.x`, CP2K, ABINIT) run on systems of this round's own (a
longer peptide, a larger water box, a 2-D film of a binary Lennard-Jones mixture, ammonia and methane, a strained
silicon cell, an ammonia molecule in CP2K) with other faults put in; round 249's tools (sysbench, stress-ng, hey,
Google Benchmark, pyperf, `python -m timeit`) run on other workloads: another loopback HTTP server, another small C++
program (`tallybench`), another Python module. Command lines are typed as agents type them (`| tail -n 80`,
`| head -n 100`, `| grep …`, `; echo EXIT=$?`). Every needle comes from the extractor round 243 or 249 used for its
kind, imported from their capture modules (NEEDLES.md, "Round 258"); no rule is new. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide258.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide258.json  as {"version": 2, "items": [...]}, ids prefixed "wide258-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide258-"
DEFAULT_OUT = HERE / "data" / "wide258.json"
TMP = Path(os.environ.get("HM_WIDE258_TMP", "/dev/shm/hm-corpus-wide258"))
TOOLS = Path(os.environ.get("HM_WIDE258_TOOLS", "/dev/shm/hm-r258-tools"))
VENV = TOOLS / "venv"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Rounds 243's and 249's tools from Debian (installed once), pyperf in a venv from PyPI; one thread per run, no
    GROMACS backups."""
    for tool, pkg in [("gmx", "gromacs"), ("lmp", "lammps"), ("nwchem", "nwchem"), ("pw.x", "quantum-espresso"),
                      ("cp2k", "cp2k"), ("abinit", "abinit"), ("sysbench", "sysbench"), ("stress-ng", "stress-ng"),
                      ("hey", "hey"), ("g++", "g++")]:
        cm.ensure_apt(tool, pkg)
    if not Path("/usr/share/abinit/psp/14si.pspnc").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends abinit-data cp2k-data",
               timeout=900)
    if not Path("/usr/include/benchmark/benchmark.h").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y libbenchmark-dev", timeout=900)
    cm.install_venv(VENV, "pyperf", ["pyperf"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.BASE_ENV.update({"OMP_NUM_THREADS": "1", "GMX_MAXBACKUP": "-1",
                        "OMPI_MCA_btl_vader_single_copy_mechanism": "none"})


def steps() -> list:
    import capture_wide258_bench as bench  # sysbench, stress-ng, hey, Google Benchmark, pyperf, timeit
    import capture_wide258_sim as sim  # gmx, lmp, nwchem, pw.x, cp2k, abinit
    return sim.STEPS + bench.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide258", sys.modules["__main__"])
    main()
