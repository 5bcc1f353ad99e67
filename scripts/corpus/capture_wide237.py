#!/usr/bin/env python3
"""Capture round 237 of the compression corpus: second samples of round 234's circuit-simulation and PCB kinds and
third samples of round 216's filesystem, disk-image and volume kinds, blind, no new rules. Round 234's tools (ngspice
in batch mode, gerbv's `--export`, Lepton EDA's netlisters and symcheck) run on circuits, boards, schematics and
symbols of this round's own (a buck converter's LC output filter, a transistor LED driver, a Wien-bridge-style band
pass, an NTC thermistor divider string, a wide ladder of LC sections; a four-layer board `kelpboard`; a chain of
comparator stages) with other faults put in; round 216's tools (e2fsprogs, xfsprogs, btrfs-progs, dosfstools, mtools,
squashfs-tools, isoinfo, xorriso, sfdisk, parted, cryptsetup, qemu-img) run on images made under /dev/shm without
mounting from another tree than rounds 216's and 227's: a seeded archive of a harbour's cargo records (`manifests`:
terminals, berths, bills of lading, crane logs, container photos), damaged in other places. Command lines are typed as
agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`). Every needle comes from
the extractor round 234 or 216 used for its kind, imported from their capture modules (NEEDLES.md, "Round 237"); no
rule is new. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide237.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide237.json  as {"version": 2, "items": [...]}, ids prefixed "wide237-".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide237-"
DEFAULT_OUT = HERE / "data" / "wide237.json"
TMP = Path(os.environ.get("HM_WIDE237_TMP", "/dev/shm/hm-corpus-wide237"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the harbour's cargo archive every image holds

TERMINALS = ["north-quay", "container-east", "ro-ro", "bulk-south", "reefer", "ferry"]
GOODS = ["bananas", "steel-coil", "timber", "grain", "machinery", "textiles", "coffee", "paper-rolls"]


def manifests(root: Path, seed: int, n: int, big: int = 0) -> None:
    """A seeded cargo archive: terminal/berth folders of bills of lading (csv), crane logs (log), container photos
    (jpg, random bytes) and scanned forms (pdf, random bytes), a customs folder, and `big` long CCTV clips."""
    rnd = random.Random(seed)
    for i in range(n):
        term = rnd.choice(TERMINALS)
        d = root / term / f"berth{rnd.randrange(1, 7)}"
        d.mkdir(parents=True, exist_ok=True)
        ext = rnd.choice(["jpg", "jpg", "pdf", "csv", "log"])
        name = f"{term[:4]}-{i:05d}-{rnd.choice(GOODS)}.{ext}"
        if ext == "csv":
            (d / name).write_text("container,goods,tons,seal\n" + "".join(
                f"{rnd.choice(['MSCU', 'MAEU', 'CMAU', 'HLXU'])}{rnd.randrange(10**6, 10**7)},{rnd.choice(GOODS)},"
                f"{rnd.randrange(2, 30)}.{rnd.randrange(10)},{rnd.randrange(10**5, 10**6)}\n"
                for _ in range(rnd.randrange(8, 90))))
        elif ext == "log":
            (d / name).write_text("".join(
                f"2026-03-{rnd.randrange(1, 29):02d} {rnd.randrange(24):02d}:{rnd.randrange(60):02d} crane "
                f"C{rnd.randrange(1, 9)} lift {rnd.randrange(5, 40)}t ok\n" for _ in range(rnd.randrange(30, 300))))
        else:
            size = rnd.randrange(6_000, 50_000) if ext == "jpg" else rnd.randrange(3_000, 25_000)
            (d / name).write_bytes(rnd.randbytes(size))
    cus = root / "customs"
    cus.mkdir(exist_ok=True)
    for g in GOODS:
        (cus / f"{g}.tariff").write_bytes(rnd.randbytes(rnd.randrange(4_000, 20_000)))
    for i in range(big):
        (root / f"cctv_gate_{i:02d}.mp4").write_bytes(rnd.randbytes(rnd.randrange(500_000, 1_000_000)))


def ensure_tools() -> None:
    """Round 234's and 216's tools from Debian (installed once); Guile's auto-compile notes kept out of the runs."""
    for tool, pkg in [("ngspice", "ngspice"), ("gerbv", "gerbv"), ("lepton-netlist", "lepton-eda"),
                      ("mkfs.ext4", "e2fsprogs"), ("xfs_repair", "xfsprogs"), ("btrfs", "btrfs-progs"),
                      ("fsck.fat", "dosfstools"), ("mdir", "mtools"), ("mksquashfs", "squashfs-tools"),
                      ("isoinfo", "genisoimage"), ("xorriso", "xorriso"), ("sfdisk", "fdisk"), ("parted", "parted"),
                      ("cryptsetup", "cryptsetup-bin"), ("qemu-img", "qemu-utils")]:
        cm.ensure_apt(tool, pkg)
    cm.BASE_ENV["GUILE_AUTO_COMPILE"] = "0"


def steps() -> list:
    import capture_wide237_disk as disk  # round 216's kinds
    import capture_wide237_eda as eda  # round 234's kinds
    return eda.STEPS + disk.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide237", sys.modules["__main__"])
    main()
