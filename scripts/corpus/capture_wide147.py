#!/usr/bin/env python3
"""Capture round 147 of the compression corpus: C++ template walls and numerical-library diagnostics, shapes new to
the corpus. Programs of the round's own with faults put in, widened by seeded generators: a robot-arm kinematics
library on Eigen 3.4 (static-assertion walls under g++ and clang++, runtime `eigen_assert` aborts), a sensor-log
grammar on Boost.Spirit Qi, a pipeline on range-v3, a job scheduler with C++20 concepts, an inventory tool under
libstdc++'s debug mode; GSL's default error handler, `fftw-wisdom`, gfortran signal backtraces and runtime warnings,
and PETSc 3.18 (`-log_view`, `-ksp_monitor` with `-ksp_converged_reason`, a `PETSC ERROR` stack). Every tool is
Debian's (g++ 12, clang++ 14, gfortran 12, libeigen3-dev, libboost1.74-dev, librange-v3-dev, libgsl-dev,
libfftw3-bin, petsc-dev). Several command lines are typed as agents type them (`| head -n 100`, `| grep -E`,
`; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 147" fixed before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide147.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide147.json  as {"version": 2, "items": [...]}, ids prefixed "wide147-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide147-"
DEFAULT_OUT = HERE / "data" / "wide147.json"
TMP = Path("/dev/shm/hm-corpus-wide147")
APT = ["g++", "clang", "gfortran", "libeigen3-dev", "libboost-dev", "librange-v3-dev", "libgsl-dev", "libfftw3-bin",
       "petsc-dev"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's compilers and numerical libraries, installed once."""
    if not all(Path(p).exists() for p in ("/usr/include/eigen3", "/usr/include/range", "/usr/include/gsl",
                                          "/usr/bin/fftw-wisdom", "/usr/bin/gfortran", "/usr/lib/petscdir")):
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends " + " ".join(APT), timeout=1800)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide147_cxx as cxx  # Eigen, Spirit, range-v3, concepts, libstdc++ debug mode
    import capture_wide147_num as num  # GSL, FFTW, gfortran, PETSc
    return cxx.STEPS + num.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide147", sys.modules["__main__"])
    main()
