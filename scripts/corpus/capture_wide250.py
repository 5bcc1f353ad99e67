#!/usr/bin/env python3
"""Capture round 250 of the compression corpus: digital-forensics and binary-triage tools run on disk images and file
trees made here, in shapes new to the corpus. Real runs of Debian's The Sleuth Kit (`mmls`, `fsstat`, `fls -r -p`,
`fls -r -m`, `istat`, `ils`, `jls`, `mactime`), foremost and scalpel carving an image with planted files, hashdeep and
md5deep (recursive hashing, audit mode against known hashes with files changed, moved and missing, negative
matching), ssdeep (fuzzy hashes, `-m`/`-d` matching), binwalk's signature scan and disktype, all on images and trees
under /dev/shm (no mount, no loop device) made from a seeded evidence tree (`casefiles`) with files deleted,
overwritten or corrupted on purpose. Several command lines are typed as agents type them (`| tail -n 80`,
`| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`). The needles come from the rules NEEDLES.md's "Round 250"
section fixed before capture, applied by the extractors in capture_wide250_tsk.py and capture_wide250_hash.py.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide250.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide250.json  as {"version": 2, "items": [...]}, ids prefixed "wide250-".
"""

from __future__ import annotations

import io
import os
import random
import re
import struct
import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide250-"
DEFAULT_OUT = HERE / "data" / "wide250.json"
TMP = Path(os.environ.get("HM_WIDE250_TMP", "/dev/shm/hm-corpus-wide250"))

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


def extremes(rows: list[str], value) -> list[str]:
    """Rule 4: the rows holding a numeric column's maximum and minimum (rows whose value cannot be read are left out)."""
    vals = []
    for r in rows:
        try:
            vals.append((value(r), r))
        except (ValueError, IndexError, AttributeError):
            pass
    if not vals:
        return []
    return [max(vals, key=lambda t: t[0])[1], min(vals, key=lambda t: t[0])[1]]


# ------------------------------------------------------------------ the evidence tree every image holds

PEOPLE = ["a.moreau", "b.okafor", "c.lindqvist", "d.tanaka", "e.silva", "f.novak"]
WORDS = ("invoice wire transfer account ledger shipment customs broker offshore meeting schedule password vault "
         "contract amendment courier pallet warehouse audit receipt refund escrow memo draft urgent delete "
         "backup archive minutes quarterly forecast supplier").split()


def png_bytes(rnd: random.Random, w: int, h: int) -> bytes:
    """A real (tiny) PNG: noise rows, zlib-compressed."""
    raw = b"".join(b"\x00" + rnd.randbytes(w * 3) for _ in range(h))

    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def jpeg_bytes(rnd: random.Random, n: int) -> bytes:
    """A JFIF-shaped file: SOI, APP0, a random body without marker bytes, EOI."""
    body = bytes(b if b != 0xFF else 0x7F for b in rnd.randbytes(n))
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + body + b"\xff\xd9"


def gif_bytes(rnd: random.Random, n: int) -> bytes:
    body = bytes(b if b != 0x3B else 0x3A for b in rnd.randbytes(n))
    return b"GIF89a\x10\x00\x10\x00\x80\x00\x00" + body + b"\x00\x3b"


def pdf_bytes(rnd: random.Random, title: str) -> bytes:
    lines = [" ".join(rnd.choice(WORDS) for _ in range(12)) for _ in range(rnd.randrange(20, 80))]
    stream = "BT /F1 10 Tf 40 800 Td " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
    return (f"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /Title ({title}) >> endobj\n"
            f"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            f"3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
            f"4 0 obj << /Length {len(stream)} >> stream\n{stream}\nendstream endobj\n"
            f"trailer << /Root 1 0 R >>\n%%EOF\n").encode()


def zip_bytes(rnd: random.Random, names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for nm in names:
            z.writestr(nm, "\n".join(" ".join(rnd.choice(WORDS) for _ in range(10)) for _ in range(40)))
    return buf.getvalue()


def memo(rnd: random.Random, n_lines: int) -> str:
    return "".join(f"{rnd.choice(PEOPLE)}: " + " ".join(rnd.choice(WORDS) for _ in range(rnd.randrange(6, 16)))
                   + "\n" for _ in range(n_lines))


def casefiles(root: Path, seed: int, n: int, stamp0: int = 1_650_000_000) -> list[Path]:
    """A seeded evidence tree: per-person folders of memos, CSV ledgers, PNG/JPEG/GIF pictures, PDF and ZIP files,
    with seeded modification times spread over a year. Returns the files written."""
    rnd = random.Random(seed)
    out: list[Path] = []
    for i in range(n):
        who = rnd.choice(PEOPLE)
        sub = rnd.choice(["Documents", "Documents", "Pictures", "Downloads", "Desktop"])
        d = root / "home" / who / sub
        d.mkdir(parents=True, exist_ok=True)
        t = rnd.choice(["txt", "txt", "csv", "png", "jpg", "gif", "pdf", "zip"])
        name = f"{rnd.choice(WORDS)}_{i:03d}.{t}"
        if t == "txt":
            body = memo(rnd, rnd.randrange(5, 120)).encode()
        elif t == "csv":
            body = ("date,account,amount,counterparty\n" + "".join(
                f"2022-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d},{rnd.randrange(10**7, 10**8)},"
                f"{rnd.randrange(100, 900000) / 100:.2f},{rnd.choice(PEOPLE)}\n"
                for _ in range(rnd.randrange(10, 300)))).encode()
        elif t == "png":
            body = png_bytes(rnd, rnd.randrange(8, 40), rnd.randrange(8, 40))
        elif t == "jpg":
            body = jpeg_bytes(rnd, rnd.randrange(3_000, 30_000))
        elif t == "gif":
            body = gif_bytes(rnd, rnd.randrange(1_000, 9_000))
        elif t == "pdf":
            body = pdf_bytes(rnd, name)
        else:
            body = zip_bytes(rnd, [f"{rnd.choice(WORDS)}_{k}.txt" for k in range(rnd.randrange(2, 6))])
        p = d / name
        p.write_bytes(body)
        ts = stamp0 + rnd.randrange(0, 365 * 86400)
        os.utime(p, (ts + rnd.randrange(0, 86400 * 30), ts))
        out.append(p)
    for d in sorted(root.rglob("*"), reverse=True):
        if d.is_dir():
            os.utime(d, (stamp0 + 365 * 86400, stamp0 + 365 * 86400))
    return out


def smash(path: Path, offset: int, n: int, seed: int, zero: bool = False) -> None:
    """Overwrite n bytes at offset with seeded garbage (or zeros)."""
    rnd = random.Random(seed)
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(bytes(n) if zero else rnd.randbytes(n))


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once."""
    for tool, pkg in [("mmls", "sleuthkit"), ("foremost", "foremost"), ("scalpel", "scalpel"),
                      ("hashdeep", "hashdeep"), ("ssdeep", "ssdeep"), ("binwalk", "binwalk"),
                      ("disktype", "disktype"), ("mkfs.ext4", "e2fsprogs"), ("mkfs.fat", "dosfstools"),
                      ("mcopy", "mtools"), ("sfdisk", "fdisk")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide250_hash as hs  # foremost, scalpel, hashdeep, md5deep, ssdeep, binwalk, disktype
    import capture_wide250_tsk as tsk  # The Sleuth Kit on ext4, FAT and partitioned images
    return tsk.STEPS + hs.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide250", sys.modules["__main__"])
    main()
