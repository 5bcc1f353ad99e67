#!/usr/bin/env python3
"""Capture round 243 of the compression corpus: molecular simulation and electronic-structure codes, shapes new to the
corpus. GROMACS (`gmx pdb2gmx`, `grompp`, `mdrun`, `energy`, `check`) on a water box and a short peptide of the round's
own, LAMMPS (`lmp`) on Lennard-Jones and argon decks, NWChem SCF/DFT on small molecules, Quantum ESPRESSO `pw.x` on a
silicon cell and an H2 box (local model pseudopotentials written here), CP2K on a water molecule and ABINIT on silicon,
with faults put in (an unknown residue, a missing atom, an unknown atom type, a coordinate count that does not match,
a timestep that blows up, overlapping atoms, a missing pair coefficient, SCF loops held to too few iterations, a bad
namelist, an unknown keyword, a malformed input line). About a third of the command lines are typed as agents type
them (pipes that cut, greps, `; echo EXIT=$?`). Runs use one MPI rank and one thread.

The extractors are this round's (NEEDLES.md, "Round 243"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide243.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide243.json  as {"version": 2, "items": [...]}, ids prefixed "wide243-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide243-"
DEFAULT_OUT = HERE / "data" / "wide243.json"
TMP = Path(os.environ.get("HM_WIDE243_TMP", "/dev/shm/hm-corpus-wide243"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """GROMACS, LAMMPS, NWChem, Quantum ESPRESSO, CP2K and ABINIT (with its pseudopotentials) from Debian, installed
    once; one thread per run, no GROMACS backups."""
    for tool, pkg in [("gmx", "gromacs"), ("lmp", "lammps"), ("nwchem", "nwchem"), ("pw.x", "quantum-espresso"),
                      ("cp2k", "cp2k"), ("abinit", "abinit")]:
        cm.ensure_apt(tool, pkg)
    if not Path("/usr/share/abinit/psp/14si.pspnc").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends abinit-data cp2k-data",
               timeout=900)
    cm.BASE_ENV.update({"OMP_NUM_THREADS": "1", "GMX_MAXBACKUP": "-1", "OMPI_MCA_btl_vader_single_copy_mechanism": "none"})


def steps() -> list:
    import capture_wide243_md as md  # gmx pdb2gmx/grompp/mdrun/energy/check, lmp
    import capture_wide243_qc as qc  # nwchem, pw.x, cp2k, abinit
    return md.STEPS + qc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide243", sys.modules["__main__"])
    main()
