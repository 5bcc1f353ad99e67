#!/usr/bin/env python3
"""Capture round 216 of the compression corpus: filesystem, disk-image and volume tools run on image files, in
shapes new to the corpus. Real runs of Debian's e2fsprogs (`e2fsck -fn`, `dumpe2fs`, `debugfs -R`, `tune2fs -l`),
xfsprogs (`xfs_repair -n`, `xfs_db -r`), btrfs-progs (`btrfs check`, `btrfs inspect-internal dump-super`),
dosfstools (`fsck.fat -n -v`) and mtools (`mdir`), squashfs-tools (`mksquashfs`, `unsquashfs`), `isoinfo` and
`xorriso`, `sfdisk` and `parted`, cryptsetup's `luksDump` and qemu-img (`info`, `check`, `compare`), all on image
files made here under /dev/shm (no real device, no loop device) from a small photo archive (`shoebox`) written by a
seeded generator, with faults put in on purpose (a clobbered superblock, zeroed inode-table blocks, cross-linked and
freed clusters, truncated images, a torn partition table, leaked and doubly referenced qcow2 clusters). Several
command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 216" section fixed before capture, applied by the extractors in
capture_wide216_fs.py and capture_wide216_img.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide216.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide216.json  as {"version": 2, "items": [...]}, ids prefixed "wide216-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide216-"
DEFAULT_OUT = HERE / "data" / "wide216.json"
TMP = Path(os.environ.get("HM_WIDE216_TMP", "/dev/shm/hm-corpus-wide216"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def pick(lines, pat: str, flags: int = 0) -> list[str]:
    rx = re.compile(pat, flags)
    return [ln for ln in lines if rx.search(ln)]


def problems(lines, pat: str, skip: str | None = None, flags: int = 0) -> list:
    """Rule 1 as the round reads it: every line matching `pat` (not `skip`); a message shape repeated on more than 3
    lines becomes one {"any"} of its lines."""
    rx, sk = re.compile(pat, flags), re.compile(skip) if skip else None
    shapes: dict[str, list[str]] = {}
    for ln in lines:
        if rx.search(ln) and not (sk and sk.search(ln)):
            shapes.setdefault(cm.mask(ln.strip()), []).append(ln)
    out: list = []
    for group in shapes.values():
        out += [cm.any_of(group)] if len(group) > 3 else group
    return out


def first_last(rows: list[str]) -> list[str]:
    return rows[:1] + rows[-1:] if rows else []


# ------------------------------------------------------------------ the photo archive every image holds

CAMERAS = ["canon-eos", "nikon-d7", "fuji-xt", "pixel", "iphone"]


def shoebox(root: Path, seed: int, n: int, big: int = 0) -> None:
    """A seeded photo-archive tree: year/month folders of jpg/raw/xmp files with random bodies (small, so the
    images stay small), a notes folder, and `big` larger files."""
    rnd = random.Random(seed)
    for i in range(n):
        y, m = rnd.choice([2017, 2018, 2019, 2020, 2021]), rnd.randrange(1, 13)
        d = root / str(y) / f"{m:02d}"
        d.mkdir(parents=True, exist_ok=True)
        ext = rnd.choice(["jpg", "jpg", "jpg", "cr2", "xmp"])
        size = {"jpg": rnd.randrange(2_000, 40_000), "cr2": rnd.randrange(30_000, 90_000),
                "xmp": rnd.randrange(300, 2_000)}[ext]
        (d / f"IMG_{i:04d}_{rnd.choice(CAMERAS)}.{ext}").write_bytes(rnd.randbytes(size))
    notes = root / "notes"
    notes.mkdir(exist_ok=True)
    for i in range(12):
        (notes / f"album-{i:02d}.txt").write_text("".join(f"IMG_{rnd.randrange(n):04d} {rnd.choice(CAMERAS)} "
                                                          f"rating={rnd.randrange(1, 6)}\n" for _ in range(60)))
    for i in range(big):
        (root / f"video_{i:02d}.mp4").write_bytes(rnd.randbytes(rnd.randrange(400_000, 900_000)))


def smash(path: Path, offset: int, n: int, seed: int, zero: bool = False) -> None:
    """Overwrite n bytes at offset with seeded garbage (or zeros)."""
    rnd = random.Random(seed)
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(bytes(n) if zero else rnd.randbytes(n))


def truncate(path: Path, frac: float) -> None:
    with open(path, "r+b") as f:
        f.truncate(int(path.stat().st_size * frac))


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once."""
    for tool, pkg in [("mkfs.ext4", "e2fsprogs"), ("xfs_repair", "xfsprogs"), ("btrfs", "btrfs-progs"),
                      ("fsck.fat", "dosfstools"), ("mdir", "mtools"), ("mksquashfs", "squashfs-tools"),
                      ("isoinfo", "genisoimage"), ("xorriso", "xorriso"), ("sfdisk", "fdisk"), ("parted", "parted"),
                      ("cryptsetup", "cryptsetup-bin"), ("qemu-img", "qemu-utils")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide216_fs as fs  # ext4, XFS, btrfs, FAT
    import capture_wide216_img as img  # squashfs, ISO 9660, partition tables, LUKS, qcow2
    return fs.STEPS + img.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide216", sys.modules["__main__"])
    main()
