#!/usr/bin/env python3
"""Capture round 186 of the compression corpus: second samples of round 173's kinds (hardware inventory and low-level
Linux networking) and round 182's (parallel and HPC runtimes), no new rules. `quayside`, a harbour office's network
of namespaces with faults of its own (capture_wide186_net.py: ethtool, tc -s, bridge, conntrack, mtr, traceroute,
socat -d -d, arping; lshw, lspci, hwinfo, inxi, kmod, ipcalc, sipcalc on this VM with other options), and
`tidegauge`, a tide model over MPI ranks with other faults, an OpenMP histogram, mpi4py programs, ompi_info, hwloc and
numactl (capture_wide186_hpc.py). About half the command lines are typed as agents type them (`| tail -n 80`,
`| head -n 100`, `| grep …`, `; echo EXIT=$?`). No rule is new: each kind's needles come from round 173's or 182's
extractor, imported from their capture modules (NEEDLES.md, "Round 186"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide186.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide186.json  as {"version": 2, "items": [...]}, ids prefixed "wide186-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide186-"
DEFAULT_OUT = HERE / "data" / "wide186.json"
TMP = Path(os.environ.get("HM_WIDE186_TMP", "/dev/shm/hm-corpus-wide186"))
VENV = Path(os.environ.get("HM_WIDE186_VENV", "/dev/shm/hm-corpus-wide186-venv"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 173's and 182's Debian packages (installed already on this machine; installed once otherwise), mpi4py in a
    venv from PyPI."""
    for tool, pkg in (("lshw", "lshw"), ("hwinfo", "hwinfo"), ("inxi", "inxi"), ("lsmod", "kmod"),
                      ("ethtool", "ethtool"), ("conntrack", "conntrack"), ("arping", "arping"),
                      ("ipcalc", "ipcalc"), ("sipcalc", "sipcalc"), ("lspci", "pciutils"),
                      ("mpicc", "libopenmpi-dev openmpi-bin"), ("lstopo-no-graphics", "hwloc"),
                      ("numactl", "numactl"), ("gdb", "gdb")):
        cm.ensure_apt(tool, "-o DPkg::Lock::Timeout=900 " + pkg)
    cm.install_venv(VENV, "python", ["mpi4py", "numpy"])


def steps() -> list:
    import capture_wide186_net as net  # round 173's kinds: quayside's namespaces and this VM's hardware
    import capture_wide186_hpc as hpc  # round 182's kinds: tidegauge under Open MPI, OpenMP, hwloc, numactl, mpi4py
    return net.STEPS + hpc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide186", sys.modules["__main__"])
    main()
