#!/usr/bin/env python3
"""Capture round 227 of the compression corpus: second samples of round 216's filesystem, disk-image and volume
kinds and of round 217's statistics and data-wrangling kinds, blind, no new rules. Round 216's tools (e2fsprogs,
xfsprogs, btrfs-progs, dosfstools, mtools, squashfs-tools, isoinfo, xorriso, sfdisk, parted, cryptsetup, qemu-img)
run here on images made under /dev/shm without mounting or a loop device from another tree than round 216's: a
seeded archive of a bird survey's field notes (`fieldnotes`: regions, transects, sound clips, GPS tracks, tally
sheets), with other faults put in (a zeroed group descriptor table, clobbered directory inodes, an AG's free-space
header, extent-tree leaves, a FAT32 chain looped and freed, a torn squashfs superblock, a backup GPT, a LUKS2 JSON
area, a qcow2 refcount block). Round 217's tools (PSPP, JAGS with R's coda, gretlcli, Miller, datamash, R CMD
BATCH, R's glm, statsmodels, scipy.stats) run on another data set than round 217's: a seeded wheat field trial
(`fieldtrial`: blocks, varieties, nitrogen rates, rain, height, grain yield, lodging, disease counts) with outliers,
missing values and a collinear column (`n_g`, the nitrogen rate in grams) put in on purpose. Command lines are typed as agents
type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`). Every needle comes from the
extractor round 216 or 217 used for its kind, imported from their capture modules (NEEDLES.md, "Round 227"); no rule
is new. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide227.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide227.json  as {"version": 2, "items": [...]}, ids prefixed "wide227-".
"""

from __future__ import annotations

import math
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide227-"
DEFAULT_OUT = HERE / "data" / "wide227.json"
TMP = Path(os.environ.get("HM_WIDE227_TMP", "/dev/shm/hm-corpus-wide227"))
# round 217's venv (statsmodels, scipy, pandas) when it is still there, else one of this round's own
VENV = Path(os.environ.get("HM_WIDE227_VENV", "/dev/shm/hm-corpus-wide217-venv"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the bird survey's archive every image holds

REGIONS = ["jura", "mittelland", "voralpen", "engadin", "tessin", "wallis"]
SPECIES = ["alpine-swift", "black-kite", "dipper", "firecrest", "hoopoe", "ring-ouzel", "wallcreeper", "wryneck"]


def fieldnotes(root: Path, seed: int, n: int, big: int = 0) -> None:
    """A seeded survey archive: region/transect folders of sound clips (wav/flac), GPS tracks (gpx) and tally
    sheets (csv) with random or written bodies, a species folder of reference calls, and `big` long recordings."""
    rnd = random.Random(seed)
    for i in range(n):
        reg = rnd.choice(REGIONS)
        d = root / reg / f"T{rnd.randrange(1, 9):02d}"
        d.mkdir(parents=True, exist_ok=True)
        ext = rnd.choice(["wav", "wav", "flac", "gpx", "csv"])
        name = f"{reg[:3]}_{i:04d}_{rnd.choice(SPECIES)}.{ext}"
        if ext == "csv":
            (d / name).write_text("time,species,count\n" + "".join(
                f"{rnd.randrange(5, 11):02d}:{rnd.randrange(60):02d},{rnd.choice(SPECIES)},{rnd.randrange(1, 9)}\n"
                for _ in range(rnd.randrange(10, 120))))
        elif ext == "gpx":
            (d / name).write_text("<gpx>\n" + "".join(
                f'<trkpt lat="{46 + rnd.random():.5f}" lon="{7 + rnd.random() * 3:.5f}"/>\n'
                for _ in range(rnd.randrange(40, 400))) + "</gpx>\n")
        else:
            size = rnd.randrange(8_000, 60_000) if ext == "wav" else rnd.randrange(4_000, 30_000)
            (d / name).write_bytes(rnd.randbytes(size))
    ref = root / "reference"
    ref.mkdir(exist_ok=True)
    for sp in SPECIES:
        (ref / f"{sp}.ogg").write_bytes(rnd.randbytes(rnd.randrange(5_000, 25_000)))
    for i in range(big):
        (root / f"dawn_chorus_{i:02d}.wav").write_bytes(rnd.randbytes(rnd.randrange(500_000, 1_100_000)))


# ------------------------------------------------------------------ the field trial's data (seeded)

BLOCKS = [f"B{i}" for i in range(1, 9)]
VARIETIES = {"Arina": 0.0, "Runal": 0.35, "Titlis": -0.2, "Nara": 0.5, "Rosatch": 0.15, "Levis": -0.4}
TRIAL_COLUMNS = ["plot", "block", "variety", "nrate", "n_g", "rain", "height", "grain", "lodged", "disease", "tillers"]


def fieldtrial(seed: int, n: int) -> list[dict]:
    """n plots: yield rising with nitrogen and rain, falling with disease, block effects; 4% of heights and 2% of
    yields missing, outliers (a height in millimetres, a yield keyed ten times too big, a negative rain gauge), a rare
    variety (Probus) on two plots, and n_g = nrate * 1000 (collinear)."""
    rnd = random.Random(seed)
    beff = {b: rnd.gauss(0, 0.5) for b in BLOCKS}
    rows = []
    for i in range(n):
        variety = "Probus" if i in (n // 4, 3 * n // 4) else rnd.choice(list(VARIETIES))
        block = rnd.choice(BLOCKS)
        nrate = rnd.choice([0, 40, 80, 120, 160]) + round(rnd.uniform(-3, 3), 1)
        rain = rnd.randint(380, 920)
        height = round(rnd.gauss(88 + 0.06 * nrate, 7), 1)
        disease = min(30, int(rnd.expovariate(1 / (2 + 0.02 * nrate))))
        lin = -4.0 + 0.018 * nrate + 0.03 * (height - 88)
        lodged = 1 if rnd.random() < 1 / (1 + math.exp(-lin)) else 0
        yld = round(4.2 + 0.018 * nrate + 0.002 * (rain - 600) - 0.05 * disease + VARIETIES.get(variety, 0.1)
                    + beff[block] - 0.6 * lodged + rnd.gauss(0, 0.45), 2)
        row = {"plot": f"F{seed % 1000:03d}-{i:04d}", "block": block, "variety": variety, "nrate": nrate,
               "n_g": round(nrate * 1000), "rain": rain, "height": height, "grain": yld, "lodged": lodged,
               "disease": disease, "tillers": rnd.randint(280, 640)}
        if rnd.random() < 0.04:
            row["height"] = ""
        if rnd.random() < 0.02:
            row["grain"] = ""
        rows.append(row)
    rows[n // 6]["height"] = 905.0  # millimetres
    rows[n // 9]["grain"] = 71.4  # ten times too big
    rows[n // 3]["rain"] = -12  # a broken gauge
    return rows


def trial_csv(rows: list[dict], cols: list[str] = TRIAL_COLUMNS, sep: str = ",") -> str:
    return sep.join(cols) + "\n" + "".join(sep.join(str(r[c]) for c in cols) + "\n" for r in rows)


def ensure_tools() -> None:
    """Round 216's and 217's tools from Debian (installed once), and a venv with statsmodels and scipy."""
    for tool, pkg in [("mkfs.ext4", "e2fsprogs"), ("xfs_repair", "xfsprogs"), ("btrfs", "btrfs-progs"),
                      ("fsck.fat", "dosfstools"), ("mdir", "mtools"), ("mksquashfs", "squashfs-tools"),
                      ("isoinfo", "genisoimage"), ("xorriso", "xorriso"), ("sfdisk", "fdisk"), ("parted", "parted"),
                      ("cryptsetup", "cryptsetup-bin"), ("qemu-img", "qemu-utils"), ("pspp", "pspp"), ("jags", "jags"),
                      ("gretlcli", "gretl"), ("mlr", "miller"), ("datamash", "datamash"), ("Rscript", "r-base-core")]:
        cm.ensure_apt(tool, pkg)
    if cm.run("Rscript -e 'library(coda)' >/dev/null 2>&1; echo $?").strip() != "0":
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends r-cran-coda", timeout=900)
    cm.install_venv(VENV, "python", ["statsmodels", "scipy", "pandas"])
    if not list(VENV.glob("lib/python3*/site-packages/statsmodels")):
        cm.run(f"{VENV}/bin/pip install -q statsmodels scipy pandas", env=cm.PIP_ENV, timeout=900)


def steps() -> list:
    import capture_wide227_disk as disk  # round 216's kinds
    import capture_wide227_stats as stats  # round 217's kinds
    return disk.STEPS + stats.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide227", sys.modules["__main__"])
    main()
