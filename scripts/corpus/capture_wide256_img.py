"""Round 256, the image tools on the seeded `darkroom` photo library: libvips's `vipsheader` and `vips`, G'MIC,
optipng, pngcrush, jpegoptim, pngcheck, exiv2 (`-pa`, the summary print, `-pS`, bad `-M` commands), jpeginfo, advpng,
gifsicle `--info`, jhead, webpinfo and tiffinfo, each on a library generated for its step, with a few more faults put
in by the step (a TIFF with a smashed directory, a truncated WebP). The extractors are this round's (NEEDLES.md,
"Round 256"). Run through capture_wide256.py."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from capture_more import kind, run
from capture_wide256 import cap, exit_lines, extremes, first_last, library, pick, problems

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 256")

ERR_COMMON = r"[Ee]rror|ERROR|[Uu]nable to|[Cc]annot|[Cc]an't|[Ii]nvalid|[Ff]ailed"


@kind("vipsheader", "listing")
def n_vipsheader(lines):
    """Rule 5: every one-line header; with -a each file's width/height/bands/format/interpretation/vips-loader lines and bits-per-sample/palette-bit-depth/interlaced/n-pages/orientation lines; every error line."""
    out = [ln for ln in lines if re.match(r"^\S.*: \d+x\d+ \w+, \d+ bands?, ", ln)]
    out += pick(lines, r"^(width|height|bands|format|interpretation|vips-loader|bits-per-sample|palette-bit-depth|"
                       r"interlaced|n-pages|orientation): ")
    out += problems(lines, r"^vipsheader: |VipsForeignLoad|is not a known file format|" + ERR_COMMON)
    return out + exit_lines(lines)


@kind("vips", "log")
def n_vips(lines):
    """Rule 1+3+5: every error line, the last progress line per image (done in / 100% complete), every numeric answer line an operation printed, the usage line."""
    out = problems(lines, r"^vips: |Unknown option|VipsForeign|VipsImage:|vips_\w+:|is not a known|[Uu]nable to|"
                          r"[Ee]rror|does not|\b[Bb]ad\b|[Ii]nvalid|not found")
    prog: dict[str, str] = {}
    for ln in lines:
        m = re.match(r"^(\S+ ?\S*): (done in|\d+% complete)", ln.strip())
        if m:
            prog[m.group(1)] = ln
    out += list(prog.values())
    out += [ln for ln in lines if re.fullmatch(r"\s*(\S+\s+)?-?\d+(\.\d+)?(e[-+]?\d+)?\s*", ln)]
    out += pick(lines, r"^usage:")
    return out + exit_lines(lines)


@kind("gmic", "log")
def n_gmic(lines):
    """Rule 1+5: every *** Error *** / *** Warning *** line and the log line before each error, Input file lines, Output image lines, Print/Display image lines with their size/data lines, the End G'MIC interpreter line."""
    out: list = []
    for i, ln in enumerate(lines):
        if "*** Error" in ln:
            out.append(ln)
            j = i - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            if j >= 0:
                out.append(lines[j])
    out += problems(lines, r"\*\*\* Warning")
    out += pick(lines, r"Input file |Output image|Print image|Display image|End G'MIC interpreter")
    out += pick(lines, r"^\s*(size|data|min) = ")
    out += problems(lines, r"libpng error|terminate called|what\(\):|[Aa]bort|^Magick: ", skip=r"\*\*\* Error")
    return out + exit_lines(lines)


@kind("optipng", "build")
def n_optipng(lines):
    """Rule 1+3+5: each Processing line and the image line under it, input/output IDAT and file sizes, the row under Selecting parameters, every Error/Warning line and its cause line, the status report lines."""
    out: list = []
    for i, ln in enumerate(lines):
        if ln.startswith("** Processing:"):
            out.append(ln)
            if i + 1 < len(lines) and re.search(r"\d+x\d+ pixels", lines[i + 1]):
                out.append(lines[i + 1])
        elif ln.startswith("Selecting parameters:") and i + 1 < len(lines):
            out.append(lines[i + 1])
        elif re.match(r"^(Error|Warning|\*\* Error)", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith("**"):
                out.append(lines[i + 1])
    out += pick(lines, r"^(Input|Output) (IDAT|file) size|is already optimized|^\d+ file\(s\) |^\d+ error\(s\) |"
                       r"^Output file: ")
    out += problems(lines, r"^optipng: |[Cc]annot|[Ii]nvalid|[Cc]orrupt", skip=r"^(Error|Warning|\*\* Error)")
    return out + exit_lines(lines)


@kind("pngcrush", "build")
def n_pngcrush(lines):
    """Rule 1+3+5: each Recompressing line, Total length of data found in critical chunks, the Best pngcrush method line and the (N% ...) lines after it, every warning/error line, the CPU time line."""
    out = pick(lines, r"Recompressing |Total length of data found in critical chunks|CPU time ")
    for i, ln in enumerate(lines):
        if "Best pngcrush method" in ln:
            out.append(ln)
            k = i + 1
            while k < len(lines) and re.match(r"^\s*\(.*%.*\)", lines[k]):
                out.append(lines[k])
                k += 1
    out += problems(lines, r"Warning|^pngcrush: |libpng error|CRC error|[Ee]rror|[Ii]nvalid|[Cc]annot|[Cc]orrupt",
                    skip=r"^ \| |versions are different|png\.[ch] version")
    return out + exit_lines(lines)


JO_ROW = re.compile(r"^\S.*\s\[(OK|ERROR|WARNING)\]")


@kind("jpegoptim", "build")
def n_jpegoptim(lines):
    """Rule 1+4+5: the quality limit line, every row not [OK] or with a parenthesized warning, every skipped row, the rows with the largest and smallest percentage, the first and last rows, every error line."""
    rows = [ln for ln in lines if JO_ROW.match(ln)]
    out = pick(lines, r"^Image quality limit")
    out += [r for r in rows if "[OK]" not in r or re.search(r"\((?!retry)[A-Z][^)]*\)\s+\[", r)]
    out += problems([r for r in rows if r.rstrip().endswith("skipped.")], r"skipped\.$")
    pct = lambda r: float(re.search(r"\((-?[\d.]+)%\)", r).group(1))  # noqa: E731
    out += extremes(rows, pct) + first_last(rows)
    out += problems([ln for ln in lines if not JO_ROW.match(ln)],
                    r"^jpegoptim: |ERROR|WARNING|Not a JPEG|[Cc]orrupt|[Ii]nvalid|[Ee]rror|[Cc]annot|[Ff]ailed")
    return out + exit_lines(lines)


@kind("pngcheck", "lint")
def n_pngcheck(lines):
    """Rule 1+3+4+5: every ERROR line and the cause line above it, every other fault line, with -v each File line and the chunk IHDR line with the line under it, the summary lines, among OK rows the first and last and the widest and narrowest."""
    out: list = []
    for i, ln in enumerate(lines):
        if ln.startswith("ERROR:"):
            out.append(ln)
            if i > 0 and lines[i - 1].strip():
                out.append(lines[i - 1])
        elif re.match(r"^File: ", ln):
            out.append(ln)
        elif re.match(r"^\s*chunk IHDR at", ln):
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
    out += problems([ln for ln in lines if not ln.startswith("ERROR:")],
                    r"CRC error|EOF while|[Ii]nvalid|not a PNG|too large|private \(invalid\?\)|[Ii]llegal|"
                    r"additional data after IEND|[Cc]orrupt|[Ee]rror", skip=r"^No errors detected|Errors were detected|"
                    r"No errors were detected")
    out += pick(lines, r"(Errors were|No errors were) detected in \d+ of \d+ files")
    ok = [ln for ln in lines if ln.startswith("OK: ")]
    out += first_last(ok) + extremes(ok, lambda r: int(re.search(r"\((\d+)x\d+", r).group(1)))
    return out + exit_lines(lines)


EXIV2_KEYS = (r"Exif\.Image\.(Make|Model|Orientation|DateTime)\b|Exif\.Photo\.(DateTimeOriginal|ExposureTime|FNumber|"
              r"ISOSpeedRatings|FocalLength|PixelXDimension|PixelYDimension)\b|"
              r"Exif\.GPSInfo\.(GPSLatitude|GPSLongitude|GPSLatitudeRef)\b")
EXIV2_PV = (r"\s(Image|Photo|GPSInfo)\s+(Make|Model|Orientation|DateTime|DateTimeOriginal|ExposureTime|FNumber|"
            r"ISOSpeedRatings|FocalLength|PixelXDimension|PixelYDimension|GPSLatitude|GPSLongitude|GPSLatitudeRef)\s")
EXIV2_ERR = (r"Warning:|Error:|^exiv2: |Failed to|No Exif data found|[Ii]nvalid|[Nn]ot a |[Cc]annot|does not|"
             r"[Ee]rror")


@kind("exiv2", "table")
def n_exiv2(lines):
    """Rule 1+5: the Make/Model/Orientation/DateTime/DateTimeOriginal/ExposureTime/FNumber/ISO/FocalLength/PixelX/YDimension/GPS rows, the summary print's File name/Image size/Camera make/model/Image timestamp lines, every error or warning line."""
    out = pick(lines, EXIV2_KEYS)
    out += pick(lines, EXIV2_PV)
    out += pick(lines, r"(^|\s)(File name|Image size|Camera make|Camera model|Image timestamp)\s+:")
    out += problems(lines, EXIV2_ERR)
    return out + exit_lines(lines)


@kind("exiv2-structure", "table")
def n_exiv2_structure(lines):
    """Rule 4+5: every STRUCTURE OF header, the column header, every row of a marker or chunk other than DQT/DHT/IDAT, each file's first and last IDAT row, every error or warning line."""
    out = pick(lines, r"STRUCTURE OF .* FILE|^\s*address \| (marker|chunk)")
    files: list[list[str]] = [[]]
    for ln in lines:
        if "STRUCTURE OF" in ln:
            files.append([])
            continue
        m = re.match(r"^\s*\d+ \| (0x[0-9a-f]{4} )?(\w+)", ln)
        if not m:
            continue
        if m.group(2) == "IDAT":
            files[-1].append(ln)
        elif m.group(2) not in ("DQT", "DHT"):
            out.append(ln)
    for f in files:
        out += first_last(f)
    out += problems(lines, EXIV2_ERR, skip=r"^\s*\d+ \| ")
    return out + exit_lines(lines)


@kind("jpeginfo", "listing")
def n_jpeginfo(lines):
    """Rule 1+4: every row not OK (WARNING/ERROR with its message), every row of a file that failed to open, the largest and smallest size rows, rows with a rare marker column value, the first and last rows."""
    rows = [ln for ln in lines if re.match(r"^\S.*\s+\d+ x\s+\d+\s+\d+bit [NP] ", ln)]
    out = [r for r in rows if not re.search(r"\s(OK|\[OK\])\s*$", r)]
    out += problems([ln for ln in lines if ln not in rows], r"can't open|[Nn]ot a (jpeg|JPEG)|ERROR|WARNING|[Ee]rror|"
                    r"[Ii]nvalid|[Ee]mpty|[Cc]orrupt|[Pp]remature")
    out += extremes(rows, lambda r: int(re.search(r"\s(\d+)\s+(OK|WARNING|ERROR|\[)", r).group(1)))
    prog: dict[str, list[str]] = {}
    mark: dict[str, list[str]] = {}
    for r in rows:
        m = re.search(r"\d+bit ([NP]) (\S+)", r)
        if not m:
            continue
        prog.setdefault(m.group(1), []).append(r)
        mark.setdefault(m.group(2), []).append(r)
    for col in (prog, mark):
        if rows and max(len(v) for v in col.values()) * 2 >= len(rows):
            out += [r for v in col.values() if len(v) <= 2 for r in v]
    return out + first_last(rows) + exit_lines(lines)


ADV_ROW = re.compile(r"^\s*(\d+)\s+(\d+)\s+(\d+)%(\s+(\S.*))?$")


@kind("advpng", "table")
def n_advpng(lines):
    """Rule 1+3+4: the rows with the largest and smallest ratio, the total row (no file name), every error line."""
    rows = [ln for ln in lines if ADV_ROW.match(ln) and ADV_ROW.match(ln).group(5)]
    out = extremes(rows, lambda r: int(ADV_ROW.match(r).group(3)))
    out += [ln for ln in lines if ADV_ROW.match(ln) and not ADV_ROW.match(ln).group(5)]
    out += problems(lines, r"[Ii]nvalid|[Ee]rror|[Uu]nsupported|[Ff]ailed|\bnot\b|[Cc]annot|[Ii]ncomplete")
    return out + exit_lines(lines)


@kind("gifsicle-info", "listing")
def n_gifsicle_info(lines):
    """Rule 4+5: every '* FILE N images' header, logical screen, loop, global color table lines, each file's first and last '+ image #N' line, rare transparent/disposal lines, every error or warning line."""
    out = pick(lines, r"^\* .* \d+ images?$|^\s+logical screen |^\s+loop( forever| count)|^\s+global color table")
    files: list[list[str]] = [[]]
    for ln in lines:
        if re.match(r"^\* ", ln):
            files.append([])
        elif re.match(r"^\s+\+ image #\d+", ln):
            files[-1].append(ln)
    for f in files:
        out += first_last(f)
    vals: dict[str, list[str]] = {}
    for ln in lines:
        if re.search(r"\b(transparent|disposal) ", ln):
            vals.setdefault(ln.strip(), []).append(ln)
    out += [v[0] for v in vals.values() if len(v) <= 2]
    out += problems(lines, r"^gifsicle: |[Ww]arning|[Ee]rror|not a GIF|[Tt]runcated")
    return out + exit_lines(lines)


@kind("jhead", "table")
def n_jhead(lines):
    """Rule 1+5: each File name/Resolution/Date/Time/Camera make/model/Orientation/Exposure time/Aperture/ISO/GPS/JPEG Quality line, every error or warning line."""
    out = pick(lines, r"^(File name|Resolution|Date/Time|Camera make|Camera model|Orientation|Exposure time|Aperture|"
                      r"ISO equiv\.|GPS Latitude|GPS Longitude|JPEG Quality)\s*:")
    out += problems(lines, r"Nonfatal Error|Not JPEG|[Cc]orrupt|[Ww]arning|[Ee]rror|^jhead: |Can't|[Ii]llegal|"
                           r"[Ss]uspicious|[Ii]nvalid")
    return out + exit_lines(lines)


@kind("webpinfo", "listing")
def n_webpinfo(lines):
    """Rule 1+5: each File line, the first Canvas size/Width/Height/Format/Animation/Alpha line per file, each verdict, every error line."""
    out: list = []
    seen: set[str] = set()
    for ln in lines:
        if ln.startswith("File: "):
            out.append(ln)
            seen = set()
            continue
        m = re.match(r"^\s*(Canvas size|Width|Height|Format|Animation|Alpha)\b", ln)
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            out.append(ln)
    out += pick(lines, r"^(No error detected\.|Errors detected\.)")
    out += problems(lines, r"[Tt]runcated|[Ii]nvalid|[Ff]ailed|[Cc]orrupted|not a WebP|[Ee]rror|[Cc]annot",
                    skip=r"^(No error detected\.|Errors detected\.)$")
    return out + exit_lines(lines)


@kind("tiffinfo", "listing")
def n_tiffinfo(lines):
    """Rule 1+5: every TIFF directory line, each directory's Image Width/Resolution/Bits/Sample/Compression Scheme/Photometric/Samples/Pixel/ImageDescription lines, every warning or error line."""
    out = pick(lines, r"=== TIFF directory \d+ ===|TIFF Directory at offset|^\s+(Image Width|Resolution|Bits/Sample|"
                      r"Compression Scheme|Photometric Interpretation|Samples/Pixel|ImageDescription):")
    out += problems(lines, r"[Ww]arning|[Ee]rror|Not a TIFF|[Cc]annot|Can not|\bBad\b|unknown field|TIFFReadDirectory|"
                           r"TIFFFetchNormalTag")
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the steps


def pick_files(root: Path, pattern: str, k: int, seed: int) -> list[str]:
    files = sorted(str(p.relative_to(root)) for p in root.glob(pattern))
    return random.Random(seed).sample(files, min(k, len(files)))


def headers(tmp: Path) -> None:
    root = tmp / "hdr"
    library(root, 2561, 260)
    cap("vipsheader-spring", "vipsheader 2023-spring/* 2>&1", root, n_vipsheader)
    cap("vipsheader-a-summer-head-150", "vipsheader -a 2023-summer/*.png 2023-summer/*.tif 2>&1 | head -n 150", root,
        n_vipsheader)
    cap("vipsheader-a-scans-exit", "vipsheader -a scans/* 2>&1; echo EXIT=$?", root, n_vipsheader)
    cap("tiffinfo-all-head-200", "tiffinfo */*.tif 2>&1 | head -n 200", root, n_tiffinfo)
    tifs = pick_files(root, "*/*.tif", 4, 1)
    shutil.copy(root / tifs[0], root / "scans/smashed.tif")
    b = bytearray((root / "scans/smashed.tif").read_bytes())
    off = int.from_bytes(b[4:8], "little")
    b[off + 2: off + 14] = bytes([0xEE] * 12)  # the first directory entry overwritten
    (root / "scans/smashed.tif").write_bytes(bytes(b))
    (root / "scans/cut.tif").write_bytes((root / tifs[1]).read_bytes()[:300])
    cap("tiffinfo-s-faults-exit", f"tiffinfo -s {' '.join(tifs[2:])} scans/smashed.tif scans/cut.tif "
        "scans/notes.png; echo EXIT=$?", root, n_tiffinfo)
    cap("gifsicle-info", "gifsicle --info */*.gif", root, n_gifsicle_info)
    cap("gifsicle-info-color-head-150", "gifsicle --info --color-info */*.gif scans/notes.png 2>&1 | head -n 150",
        root, n_gifsicle_info)
    webps = pick_files(root, "*/*.webp", 30, 2)
    (root / "scans/cut.webp").write_bytes((root / webps[0]).read_bytes()[:400])
    cap("webpinfo-all", "webpinfo */*.webp 2>&1", root, n_webpinfo)
    cap("webpinfo-diag-exit", f"webpinfo -diag -summary {' '.join(webps[:6])} scans/cut.webp scans/notes.png 2>&1; "
        "echo EXIT=$?", root, n_webpinfo)


def vips_runs(tmp: Path) -> None:
    root = tmp / "vips"
    library(root, 2562, 200)
    pngs = pick_files(root, "*/*.png", 40, 3)
    jpgs = pick_files(root, "*/*.jpg", 40, 4)
    big = max((root / p for p in jpgs), key=lambda p: p.stat().st_size).relative_to(root)
    cap("vips-copy-bad-option-exit", f"vips copy {pngs[0]} out.v --bogus; echo EXIT=$?; "
        f"vips copy {pngs[1]} out.tif[compression=lzw,tile,tile-width=100000]; echo EXIT=$?; "
        f"vips resize scans/notes.png small.png 0.5; echo EXIT=$?; vips rot {jpgs[0]} r.jpg d45; echo EXIT=$?; "
        f"vips copy scans/empty_scan.jpg x.png; vips embed {pngs[2]} e.v 10 10 -20 -20; echo EXIT=$?", root,
        n_vips)
    cap("vips-dzsave-progress-tail-40", f"vips dzsave {big} tiles --tile-size 64 --overlap 1 --vips-progress 2>&1 "
        "| tail -n 40", root, n_vips)
    cap("vips-avg-loop", "for f in " + " ".join(pngs[:30]) + "; do echo \"$f $(vips avg $f 2>&1)\"; done", root,
        n_vips)
    run("mkdir -p th", cwd=root)
    cap("vips-thumbnail-progress-tail-100", "for f in */*.jpg; do vips thumbnail $f th/$(basename $f) 96 "
        "--vips-progress; done 2>&1 | tail -n 100", root, n_vips)
    # G'MIC on the same library
    run("mkdir -p g", cwd=root)
    cap("gmic-v-pipeline-error", f"gmic -v + {pngs[3]} -blur 3 -sharpen 50 -resize 50%,50% {pngs[4]} "
        f"-append x -o g/strip.png {jpgs[1]} -rotate 12 -crop 0,0,1200,1200 scans/notes.png -nosuchfilter 2 2>&1",
        root, n_gmic)
    cap("gmic-v-print-head-200", "gmic -v + " + " ".join(pngs[5:30]) + " -print 2>&1 | head -n 200", root, n_gmic)
    cap("gmic-v-normalize-tail-60-exit", "gmic -v + " + " ".join(pngs[30:40]) + " -normalize 0,255 -equalize 256 "
        "-o g/eq.png 2>&1 | tail -n 60; echo EXIT=${PIPESTATUS[0]}", root, n_gmic)
    cap("gmic-v-jpg-stats-faults", "gmic -v + " + " ".join(jpgs[2:14]) + " -stats -display_rgba 0 -o g/out_.jpg,85 "
        "2>&1; echo EXIT=$?", root, n_gmic)


def png_tools(tmp: Path) -> None:
    root = tmp / "png"
    library(root, 2563, 280)
    run("mkdir -p out opt crush", cwd=root)
    cap("optipng-o2-v-spring-head-220", "optipng -o2 -v -dir opt 2023-spring/*.png 2>&1 | head -n 220", root,
        n_optipng)
    cap("optipng-o2-v-web-tail-80", "optipng -o2 -v -dir opt -clobber web/*.png 2>&1 | tail -n 80", root, n_optipng)
    cap("optipng-simulate-grep", "optipng -o2 -v -simulate */*.png scans/* 2>&1 | grep -iE "
        "'error|warn|fail|Processing|decrease|already'", root, n_optipng)
    bad = [ln.split()[1] for ln in run("pngcheck */*.png", cwd=root).splitlines() if ln.startswith("ERROR: ")]
    cap("optipng-o1-v-faults-exit", "optipng -o1 -v -dir opt -clobber " + " ".join(bad[:6]) +
        " scans/notes.png; echo EXIT=$?", root, n_optipng)
    cap("pngcrush-v-summer-tail-120", "pngcrush -v -d crush 2023-summer/*.png 2>&1 | tail -n 120", root, n_pngcrush)
    cap("pngcrush-v-corrupt", f"pngcrush -v {bad[0]} crush/a.png; echo EXIT=$?; pngcrush -v -brute {bad[-1]} "
        "crush/b.png 2>&1 | tail -n 30", root, n_pngcrush)
    cap("pngcrush-rem-grep", "pngcrush -v -rem alla -d crush -ow 2023-autumn/*.png 2>&1 | grep -iE "
        "'error|warn|best|Recompressing|increase|decrease'", root, n_pngcrush)
    cap("pngcheck-v-spring", "pngcheck -v 2023-spring/*.png", root, n_pngcheck)
    cap("pngcheck-all-exit", "pngcheck */*.png; echo EXIT=$?", root, n_pngcheck)
    cap("pngcheck-vt7-web-head-150", "pngcheck -vt7 web/*.png | head -n 150", root, n_pngcheck)
    cap("pngcheck-q-scans", "pngcheck -q */*.png scans/*", root, n_pngcheck)
    run("cp 2023-summer/*.png 2023-autumn/*.png out/ 2>/dev/null", cwd=root)
    cap("advpng-z3-out", "advpng -z -3 out/*.png 2>&1", root, n_advpng)
    run("mkdir -p z && cp -r web 2023-spring z/", cwd=root)
    cap("advpng-z2-loop-tail-100-exit", "for f in */*.png; do advpng -z -2 \"$f\"; done 2>&1 | tail -n 100; "
        "echo EXIT=$?", root / "z", n_advpng)
    cap("optipng-o2-v-simulate-albums", "optipng -o2 -v -simulate 2023-*/*.png 2>&1", root, n_optipng)
    cap("exiv2-structure-png-tail-80", "exiv2 -pS web/*.png 2023-summer/*.png 2>&1 | tail -n 80", root,
        n_exiv2_structure)


def jpeg_tools(tmp: Path) -> None:
    root = tmp / "jpg"
    library(root, 2564, 300)
    run("mkdir -p out", cwd=root)
    cap("jpegoptim-v-max80", "jpegoptim -v --max=80 -d out */*.jpg 2>&1", root, n_jpegoptim)
    cap("jpegoptim-strip-n-tail-60", "jpegoptim -v --max=60 --strip-all -n */*.jpg 2>&1 | tail -n 60", root,
        n_jpegoptim)
    cap("jpegoptim-grep-exit", "jpegoptim -v --size=20k -d out -o scans/* */*.jpg 2>&1 | grep -iE "
        "'error|warn|fail|skip'; echo EXIT=$?", root, n_jpegoptim)
    cap("jpeginfo-c-all", "jpeginfo -c */*.jpg 2>&1", root, n_jpeginfo)
    cap("jpeginfo-c-i-grep-v-ok", "jpeginfo -c -i scans/* */*.jpg */*.png 2>&1 | grep -v ' OK'", root, n_jpeginfo)
    cap("exiv2-pa-summer", "exiv2 -pa 2023-summer/*.jpg 2>&1", root, n_exiv2)
    cap("exiv2-pa-albums-head-900", "exiv2 -pa 2023-*/*.jpg 2>&1 | head -n 900", root, n_exiv2)
    cap("exiv2-summary-autumn-head-120", "exiv2 2023-autumn/*.jpg 2>&1 | head -n 120", root, n_exiv2)
    ex = [ln.split()[0] for ln in run("exiv2 -g Exif.Image.Make */*.jpg 2>/dev/null", cwd=root).splitlines()
          if "Exif.Image.Make" in ln]
    ex = sorted(dict.fromkeys(ex))
    cap("exiv2-modify-bad-exit", f"exiv2 -M'set Exif.Image.Bogus 3' {ex[0]}; echo EXIT=$?; "
        f"exiv2 -M'set Exif.Photo.ISOSpeedRatings Short abc' {ex[1]}; echo EXIT=$?; "
        f"exiv2 -M'set Exif.Image.Orientation Short 12' {ex[2]}; exiv2 -pv {ex[2]} {ex[3]}; "
        "exiv2 -pa scans/empty_scan.jpg scans/notes.png; echo EXIT=$?", root, n_exiv2)
    cap("exiv2-structure-jpg-head-100", "exiv2 -pS 2023-spring/*.jpg 2>&1 | head -n 100", root, n_exiv2_structure)
    cap("jhead-spring-summer", "jhead 2023-spring/*.jpg 2023-summer/*.jpg 2>&1", root, n_jhead)
    cap("jhead-v-faults-exit", f"jhead -v {ex[4]}; jhead scans/* web/*.jpg 2>&1 | tail -n 60; echo EXIT=$?", root,
        n_jhead)


STEPS = [headers, vips_runs, png_tools, jpeg_tools]
