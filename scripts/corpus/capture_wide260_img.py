"""Round 260, second samples of round 256's kinds: `herbarium`, a plant-specimen scan archive made by round 256's
seeded generator at this round's seeds and sizes, its albums renamed to the archive's layout (field-2024, mounts,
types, intake, portal), with more faults put in here: a GIF cut short, a WebP whose RIFF size lies, a JPEG with a run
of its scan data zeroed, a PNG with no IEND, a TIFF whose strip offset points past the end. Every extractor is round
256's, imported (NEEDLES.md, "Round 260"). Run through capture_wide260.py."""

from __future__ import annotations

import random
import struct
from pathlib import Path

from capture_more import run
from capture_wide256 import library
from capture_wide256_img import (n_advpng, n_exiv2, n_exiv2_structure, n_gifsicle_info, n_gmic, n_jhead, n_jpegoptim,
                                 n_jpeginfo, n_optipng, n_pngcheck, n_pngcrush, n_tiffinfo, n_vips, n_vipsheader,
                                 n_webpinfo)
from capture_wide260 import cap

ALBUMS = {"2023-spring": "field-2024", "2023-summer": "mounts", "2023-autumn": "types", "scans": "intake",
          "web": "portal"}


def herbarium(root: Path, seed: int, n: int) -> None:
    """Round 256's generator at this round's seed, then the archive's own album names and this round's faults."""
    library(root, seed, n)
    for old, new in ALBUMS.items():
        if (root / old).exists():
            (root / old).rename(root / new)
    rnd = random.Random(seed)
    gifs = sorted(root.glob("*/*.gif"))
    if gifs:
        g = rnd.choice(gifs)
        b = g.read_bytes()
        (root / "intake" / "sheet_cut.gif").write_bytes(b[: max(40, len(b) // 3)])
    webps = sorted(root.glob("*/*.webp"))
    if webps:
        b = bytearray(rnd.choice(webps).read_bytes())
        b[4:8] = struct.pack("<I", len(b) * 3)  # the RIFF size lies
        (root / "intake" / "sheet_riff.webp").write_bytes(bytes(b))
    jpgs = sorted(p for p in root.glob("*/*.jpg") if p.stat().st_size > 6000)
    if jpgs:
        b = bytearray(rnd.choice(jpgs).read_bytes())
        mid = len(b) // 2
        b[mid: mid + 700] = bytes(700)  # a run of scan data zeroed
        (root / "intake" / "sheet_zeroed.jpg").write_bytes(bytes(b))
    pngs = sorted(root.glob("*/*.png"))
    b = rnd.choice(pngs).read_bytes()
    if b.endswith(b"IEND\xaeB`\x82"):
        (root / "intake" / "sheet_noiend.png").write_bytes(b[:-12])
    tifs = sorted(root.glob("*/*.tif"))
    if tifs:
        (root / "intake" / "sheet_offset.tif").write_bytes(_tif_bad_offset(rnd.choice(tifs).read_bytes()))


def _tif_bad_offset(b: bytes) -> bytes:
    """A little-endian TIFF whose StripOffsets (tag 273) first value points far past the end."""
    b = bytearray(b)
    if b[:2] != b"II":
        return bytes(b)
    off = struct.unpack("<I", b[4:8])[0]
    (cnt,) = struct.unpack("<H", b[off:off + 2])
    for i in range(cnt):
        e = off + 2 + 12 * i
        tag, typ, num, val = struct.unpack("<HHII", b[e:e + 12])
        if tag == 273:
            if num == 1:
                b[e + 8:e + 12] = struct.pack("<I", len(b) * 50)
            else:
                b[val:val + 4] = struct.pack("<I", len(b) * 50)
    return bytes(b)


def headers(tmp: Path) -> None:
    root = tmp / "hdr"
    herbarium(root, 2641, 230)
    cap("vipsheader-a-types-portal-head-400", "vipsheader -a types/* portal/* 2>&1 | head -n 400", root,
        n_vipsheader)
    cap("vipsheader-mounts-intake-exit", "vipsheader mounts/* intake/* 2>&1; echo EXIT=$?", root, n_vipsheader)
    cap("tiffinfo-intake-albums-tail-150", "tiffinfo intake/*.tif */*.tif 2>&1 | tail -n 150", root, n_tiffinfo)
    cap("gifsicle-info-all-cut", "gifsicle --info */*.gif 2>&1", root, n_gifsicle_info)
    cap("webpinfo-summary-exit", "webpinfo -summary */*.webp 2>&1; echo EXIT=$?", root, n_webpinfo)


def vips_runs(tmp: Path) -> None:
    root = tmp / "vips"
    herbarium(root, 2642, 150)
    pngs = sorted(str(p.relative_to(root)) for p in root.glob("*/*.png"))
    jpgs = sorted(str(p.relative_to(root)) for p in root.glob("*/*.jpg"))
    sel = random.Random(2643).sample(pngs + jpgs, 24)
    cap("vips-deviate-max-loop", "for f in " + " ".join(sel) + "; do echo \"== $f\"; vips deviate $f; vips max $f; "
        "done 2>&1", root, n_vips)
    cap("vips-errors-exit", f"vips invert {sel[0]} out.v --nosuch; echo EXIT=$?; vips gaussblur {sel[1]} g.png -3; "
        f"echo EXIT=$?; vips copy intake/notes.png x.v; echo EXIT=$?; vips extract_area {sel[2]} c.png 0 0 99999 10; "
        f"echo EXIT=$?; vips sharpen intake/sheet_zeroed.jpg s.jpg; echo EXIT=$?; vips affine {sel[3]} a.v 1 0 0; "
        f"echo EXIT=$?; vips embed {sel[4]} e.v 5 5 -10 -10; vips colourspace {sel[5]} c.v nosuchspace; "
        f"vips flip {sel[6]} f.jpg sideways; echo EXIT=$?; vips gravity {sel[7]} gr.v", root, n_vips)
    run("mkdir -p g", cwd=root)
    cap("gmic-v-print-tail-120", "gmic -v + " + " ".join(sel[4:18]) + " -print -o g/last.png 2>&1 | tail -n 120",
        root, n_gmic)


def png_tools(tmp: Path) -> None:
    root = tmp / "png"
    herbarium(root, 2644, 260)
    run("mkdir -p opt crush out", cwd=root)
    bad = [ln.split()[1] for ln in run("pngcheck */*.png", cwd=root).splitlines() if ln.startswith("ERROR: ")]
    cap("optipng-o2-v-simulate-types-intake", "optipng -o2 -v -simulate types/*.png intake/*.png 2>&1", root,
        n_optipng)
    cap("optipng-o1-v-faults-exit", "optipng -o1 -v -dir opt " + " ".join(bad[:7]) + "; echo EXIT=$?", root,
        n_optipng)
    cap("pngcrush-v-portal-tail-100", "pngcrush -v -d crush portal/*.png 2>&1 | tail -n 100", root, n_pngcrush)
    cap("pngcheck-v-mounts-head-300", "pngcheck -v mounts/*.png | head -n 300", root, n_pngcheck)
    cap("pngcheck-all-intake-exit", "pngcheck */*.png intake/*; echo EXIT=$?", root, n_pngcheck)
    run("cp field-2024/*.png types/*.png out/ 2>/dev/null", cwd=root)
    cap("advpng-z3-loop-exit", 'for f in out/*.png intake/*.png; do advpng -z -3 "$f"; done 2>&1; echo EXIT=$?',
        root, n_advpng)


def jpeg_tools(tmp: Path) -> None:
    root = tmp / "jpg"
    herbarium(root, 2645, 330)
    run("mkdir -p out", cwd=root)
    cap("jpegoptim-v-max70-n", "jpegoptim -v --max=70 -n */*.jpg 2>&1", root, n_jpegoptim)
    cap("jpegoptim-size-grep-exit", "jpegoptim -v --size=15k -d out -o intake/* types/*.jpg mounts/*.jpg 2>&1 | "
        "grep -iE 'error|warn|skip|invalid|%'; echo EXIT=$?", root, n_jpegoptim)
    cap("jpeginfo-c-all", "jpeginfo -c */*.jpg 2>&1", root, n_jpeginfo)
    cap("jpeginfo-c-i-intake-grep", "jpeginfo -c -i intake/* */*.jpg 2>&1 | grep -vw OK", root,
        n_jpeginfo)
    cap("exiv2-pa-albums-head-600", "exiv2 -pa field-2024/*.jpg mounts/*.jpg types/*.jpg 2>&1 | head -n 600", root,
        n_exiv2)
    cap("exiv2-summary-grep", "exiv2 */*.jpg 2>&1 | grep -E 'File name|Camera|Image timestamp|Image size|Exposure "
        "time|Error|Warning|No Exif'", root, n_exiv2)
    cap("exiv2-structure-portal-intake-head-150", "exiv2 -pS portal/*.jpg intake/*.jpg 2>&1 | head -n 150", root,
        n_exiv2_structure)
    cap("jhead-types-intake", "jhead types/*.jpg intake/*.jpg 2>&1", root, n_jhead)


STEPS = [headers, vips_runs, png_tools, jpeg_tools]
