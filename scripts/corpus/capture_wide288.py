#!/usr/bin/env python3
"""Capture round 288 of the compression corpus: second samples of round 270's text-mode browser / HTML-to-text kinds
and of round 256's image-tool kinds, no new rules. Debian's lynx, w3m, elinks, links, html2text and pandoc run against
pages served by a local HTTP server this script starts on 127.0.0.1:18288 (other documentation under /usr/share/doc
and pages of a seeded generator at seed 288: a table of build jobs, a form, a list of links with bad ones, a redirect
loop, a 404, a 500); libvips, G'MIC, optipng, pngcrush, jpegoptim, pngcheck, exiv2, jpeginfo, advpng, gifsicle, jhead,
webpinfo and tiffinfo run on round 256's seeded photo library generator (material only) at seeds 2881-2884, with
faults of this round's own put in besides (a GIF cut short, a JPEG overwritten mid-scan, an unknown critical PNG chunk,
a TIFF directory offset past the end, a WebP with a wrong RIFF size). Every item's needles come from the extractor
round 270 or 256 used for its kind, imported from capture_wide270.py and capture_wide256_img.py (NEEDLES.md,
"Round 288"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide288.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide288.json  as {"version": 2, "items": [...]}, ids prefixed "wide288-".
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import struct
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide270 as w270  # noqa: E402  (round 270's extractors, PAGE, heads_of, SERVER)
import capture_wide256_img as w256  # noqa: E402  (round 256's extractors)

ID_PREFIX = "wide288-"
DEFAULT_OUT = HERE / "data" / "wide288.json"
TMP = Path(os.environ.get("HM_WIDE288_TMP", "/dev/shm/hm-corpus-wide288"))
TOOLS = Path(os.environ.get("HM_WIDE288_TOOLS", "/dev/shm/hm-corpus-wide288-tools"))
VENV = TOOLS / "venv"  # Pillow, for round 256's image generator only
PORT = 18288
BASE = f"http://127.0.0.1:{PORT}"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 90) -> None:
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout)


# ------------------------------------------------------------------ the pages (seed 288)

DOCS = {"ninja-manual.html": "/usr/share/doc/ninja-build/manual.html", "jam.html": "/usr/share/doc/jam/Jam.html",
        "jamfile.html": "/usr/share/doc/jam/Jamfile.html", "sysbench.html": "/usr/share/doc/sysbench/manual.html",
        "time.html": "/usr/share/doc/time/time.html", "python-policy.html": "/usr/share/doc/python3/python-policy.html",
        "bzip2-manual.html": "/usr/share/doc/bzip2/manual.html", "bc.html": "/usr/share/doc/bc/bc.html",
        "cxxtest-guide.html": "/usr/share/doc/cxxtest/guide.html"}


def gen_pages(root: Path) -> dict:
    rnd = random.Random(288)
    keys: dict[str, list[str]] = {}
    rows = []
    runners = ["linux-x64", "linux-arm64", "macos-14", "windows-2022"]
    for i in range(1, 151):
        st = "passed"
        if i in (19, 102):
            st = "failed"
        elif i == 77:
            st = "cancelled"
        elif i == 131:
            st = "flaky"
        dur = rnd.randint(35, 1400) if i != 58 else 7260
        hit = round(rnd.uniform(20, 99), 1) if i != 12 else 0.0
        art = rnd.randint(3, 900)
        rows.append((f"job-{4000 + i}", rnd.choice(runners), st, dur, hit, art))
    tr = "\n".join(f"<tr><td>{j}</td><td>{r}</td><td>{s}</td><td>{d}</td><td>{c}</td><td>{a}</td></tr>"
                   for j, r, s, d, c, a in rows)
    (root / "jobs.html").write_text(
        "<html><head><title>Pipeline 8812: 150 jobs</title></head><body><h1>Pipeline 8812</h1>"
        "<p>Duration in seconds; cache hit rate in percent; artifacts in MB.</p><h2>Jobs</h2>"
        "<table border=1><tr><th>job</th><th>runner</th><th>status</th><th>duration_s</th><th>cache_hit</th>"
        f"<th>artifacts_mb</th></tr>{tr}</table><h2>Summary</h2><p>Two jobs failed, one was cancelled.</p>"
        "</body></html>\n")
    tk = []
    for col in (3, 4, 5):
        tk += [max(rows, key=lambda r: r[col])[0], min(rows, key=lambda r: r[col])[0]]
    cnt = Counter(r[2] for r in rows)
    tk += [r[0] for r in rows if cnt[r[2]] <= 2]
    keys["jobs.html"] = list(dict.fromkeys(tk))
    envs = "".join(f"<option value=e{i}>env-{i}</option>" for i in range(30))
    (root / "deploy.html").write_text(
        "<html><head><title>Schedule a deploy</title></head><body><h1>Schedule a deploy</h1>"
        "<form action=/deploy method=post><h2>Target</h2>"
        "<p>Service: <input name=svc value=billing-api></p><p>Version: <input name=ver value=3.14.2></p>"
        f"<p>Environment: <select name=env>{envs}</select></p><p><input type=checkbox name=canary checked> Canary first</p>"
        "<h3>Window</h3><p><input type=radio name=win value=now checked> now <input type=radio name=win value=night>"
        " tonight</p><textarea name=why rows=3 cols=50>rollback of 3.14.1 (ticket OPS-5520)</textarea>"
        "<p><input type=submit value=Schedule> <input type=reset></p></form>"
        "<table border=1><tr><th>last deploy</th><th>result</th></tr><tr><td>3.14.1</td><td>rolled back</td></tr>"
        "</table></body></html>\n")
    keys["deploy.html"] = []
    hosts = ["wiki.corp.example"] * 10 + ["ci.corp.example"] * 3 + ["status.example.net"]
    items = []
    for i in range(220):
        h = rnd.choice(hosts)
        items.append(f'<li><a href="https://{h}/runbook/{i:03d}-{rnd.choice(["disk", "dns", "tls", "queue"])}.html">'
                     f'Runbook {i}</a></li>')
    items.insert(25, '<li><a href="/missing-changelog.html">Changelog (moved)</a></li>')
    items.insert(70, '<li><a href="/boom">Health API</a></li>')
    items.insert(140, '<li><a href="/loop1">SSO login</a></li>')
    items.insert(180, '<li><a href="http://127.0.0.1:1/metrics">Metrics (old port)</a></li>')
    items.insert(205, '<li><a href="gopher://legacy.example.com/1/docs">Legacy docs</a></li>')
    (root / "runbooks.html").write_text(
        "<html><head><title>Runbook index</title></head><body><h1>Runbook index</h1><h2>Runbooks</h2><ul>"
        + "\n".join(items) + "</ul><h2>On call</h2><p><a href='mailto:oncall@corp.example'>oncall</a></p></body></html>\n")
    keys["runbooks.html"] = []
    idx = "".join(f'<li><a href="{n}">{n}</a></li>' for n in ["jobs.html", "deploy.html", "runbooks.html", *DOCS])
    (root / "index.html").write_text(f"<html><head><title>Team docs</title></head><body><h1>Team docs</h1><ul>{idx}"
                                     "<li><a href=/missing-old.html>old</a></li></ul></body></html>\n")
    keys["index.html"] = []
    return keys


def serve(tmp: Path) -> tuple[Path, dict]:
    root = tmp / "www"
    root.mkdir(parents=True, exist_ok=True)
    for n, src in DOCS.items():
        if Path(src).exists():
            shutil.copy(src, root / n)
    keys = gen_pages(root)
    (tmp / "server.py").write_text(w270.SERVER)
    cm.start([sys.executable, str(tmp / "server.py"), str(root), str(PORT)])
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", PORT), 0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return root, keys


def set_page(root: Path, name: str, keys: dict) -> None:
    p = root / name
    w270.PAGE["heads"] = w270.heads_of(p) if name and p.is_file() else []
    w270.PAGE["keys"] = keys.get(name, [])


def browsers(tmp: Path) -> None:
    root, keys = serve(tmp)
    B = BASE
    errs = ["missing-changelog.html", "loop1", "boom"]
    cases = [
        ("lynx-dump-jobs", "jobs.html", f"lynx -dump {B}/jobs.html", w270.N_LYNX_DUMP),
        ("lynx-dump-ninja-head-300", "ninja-manual.html", f"lynx -dump {B}/ninja-manual.html | head -n 300",
         w270.N_LYNX_DUMP),
        ("lynx-dump-deploy-exit", "deploy.html", f"lynx -dump -width=100 {B}/deploy.html; echo EXIT=$?",
         w270.N_LYNX_DUMP),
        ("lynx-listonly-runbooks-tail-120", "runbooks.html", f"lynx -dump -listonly {B}/runbooks.html | tail -n 120",
         w270.n_lynx_listonly),
        ("lynx-listonly-python-policy", "python-policy.html", f"lynx -dump -listonly {B}/python-policy.html",
         w270.n_lynx_listonly),
        ("lynx-head-loop", "", "for p in jobs.html moved missing-old.html boom ninja-manual.html loop2 runbooks.html; "
         f"do echo \"== $p\"; lynx -head -dump {B}/$p; done", w270.n_lynx_head),
        ("lynx-error-urls", "", "for u in " + " ".join(f"{B}/{p}" for p in errs)
         + " http://127.0.0.1:1/metrics http://build-cache.invalid/; do echo \"==> $u\"; lynx -dump \"$u\" 2>&1 "
         "| head -n 15; echo EXIT=$?; done", w270.N_LYNX_ERR),
        ("w3m-dump-jobs-exit", "jobs.html", f"w3m -cols 110 -dump {B}/jobs.html; echo EXIT=$?", w270.N_W3M_DUMP),
        ("w3m-dump-sysbench", "sysbench.html", f"w3m -dump {B}/sysbench.html", w270.N_W3M_DUMP),
        ("w3m-dump-head-loop", "", "for p in jobs.html deploy.html missing-changelog.html boom moved loop0 "
         f"time.html; do echo \"== $p\"; w3m -dump_head {B}/$p; echo EXIT=$?; done", w270.n_w3m_dump_head),
        ("w3m-dump-source-jam-head-200", "jam.html", f"w3m -dump_source {B}/jam.html | head -n 200",
         w270.n_w3m_dump_source),
        ("w3m-dump-source-deploy-jobs-head-120", "deploy.html",
         f"w3m -dump_source {B}/deploy.html; w3m -dump_source {B}/jobs.html | head -n 120", w270.n_w3m_dump_source),
        ("w3m-error-urls", "", "for u in " + " ".join(f"{B}/{p}" for p in ["boom", "loop2", "missing-old.html"])
         + " http://127.0.0.1:1/ http://wiki.invalid/runbook; do echo \"==> $u\"; w3m -dump \"$u\" 2>&1 "
         "| head -n 15; echo EXIT=$?; done", w270.N_W3M_ERR),
        ("elinks-dump-jobs", "jobs.html", f"elinks -no-home -dump -dump-width 110 {B}/jobs.html", w270.N_ELINKS_DUMP),
        ("elinks-dump-time", "time.html", f"elinks -no-home -dump {B}/time.html", w270.N_ELINKS_DUMP),
        ("links-dump-bzip2-head-400", "bzip2-manual.html", f"links -dump {B}/bzip2-manual.html | head -n 400",
         w270.N_LINKS_DUMP),
        ("links-dump-jobs-exit", "jobs.html", f"links -dump -width 110 {B}/jobs.html; echo EXIT=$?", w270.N_LINKS_DUMP),
        ("html2text-jam", "jam.html", "html2text www/jam.html", w270.N_HTML2TEXT),
        ("html2text-jobs-tail-60", "jobs.html", "html2text -width 110 www/jobs.html | tail -n 60", w270.N_HTML2TEXT),
        ("pandoc-plain-policy-head-500", "python-policy.html",
         "pandoc -f html -t plain www/python-policy.html | head -n 500", w270.N_PANDOC_PLAIN),
        ("pandoc-plain-jobs-exit", "jobs.html", "pandoc -f html -t plain --columns 110 www/jobs.html; echo EXIT=$?",
         w270.N_PANDOC_PLAIN),
        ]
    for iid, page, cmd, ext in cases:
        set_page(root, page, keys)
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=60), ext)


# ------------------------------------------------------------------ the images

def library(root: Path, seed: int, n: int) -> None:
    out = cm.run(f"{VENV}/bin/python {HERE / 'capture_wide256_gen.py'} {root} {seed} {n}", timeout=300)
    if out.strip():
        raise RuntimeError(f"image generator failed: {out[-2000:]}")


def _chunk(typ: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + typ + data + struct.pack(">I", zlib.crc32(typ + data) & 0xFFFFFFFF)


def round_faults(root: Path, seed: int) -> None:
    """This round's faults, besides the generator's."""
    rnd = random.Random(seed)
    d = root / "scans"
    d.mkdir(parents=True, exist_ok=True)
    gifs = sorted(p for p in root.glob("*/*.gif") if p.stat().st_size > 2000)
    if gifs:
        b = gifs[0].read_bytes()
        (d / "cut_anim.gif").write_bytes(b[: len(b) * 55 // 100])
    jpgs = sorted(p for p in root.glob("*/*.jpg") if p.stat().st_size > 8000)
    if jpgs:
        b = bytearray(rnd.choice(jpgs).read_bytes())
        at = len(b) * 6 // 10
        b[at: at + 48] = rnd.randbytes(48)
        (d / "smeared_scan.jpg").write_bytes(bytes(b))
    pngs = sorted(p for p in root.glob("*/*.png") if p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
                  and p.stat().st_size > 1000)
    if pngs:
        b = rnd.choice(pngs).read_bytes()
        (d / "odd_chunk.png").write_bytes(b[:33] + _chunk(b"JUNK", b"darkroom-288") + b[33:])
    tifs = sorted(root.glob("*/*.tif"))
    if tifs:
        b = bytearray(tifs[0].read_bytes())
        b[4:8] = struct.pack("<I" if b[:2] == b"II" else ">I", len(b) + 40000)
        (d / "lost_dir.tif").write_bytes(bytes(b))
    webps = sorted(root.glob("*/*.webp"))
    if webps:
        b = bytearray(webps[0].read_bytes())
        b[4:8] = struct.pack("<I", len(b) + 5000)
        (d / "long_riff.webp").write_bytes(bytes(b))


def headers(tmp: Path) -> None:
    root = tmp / "hdr"
    library(root, 2881, 180)
    round_faults(root, 2881)
    cap("vipsheader-a-web-head-200", "vipsheader -a web/* 2>&1 | head -n 200", root, w256.n_vipsheader)
    cap("vipsheader-scans-exit", "vipsheader scans/* 2>&1; echo EXIT=$?", root, w256.n_vipsheader)
    cap("tiffinfo-all-tail-150", "tiffinfo */*.tif 2>&1 | tail -n 150", root, w256.n_tiffinfo)
    cap("tiffinfo-scans-exit", "tiffinfo scans/*.tif scans/lost_dir.tif 2>&1; echo EXIT=$?", root, w256.n_tiffinfo)
    cap("gifsicle-info-all", "gifsicle --info */*.gif 2>&1", root, w256.n_gifsicle_info)
    cap("webpinfo-summary-exit", "webpinfo -summary */*.webp 2>&1; echo EXIT=$?", root, w256.n_webpinfo)


def png_tools(tmp: Path) -> None:
    root = tmp / "png"
    library(root, 2882, 220)
    round_faults(root, 2882)
    cm.run("mkdir -p opt crush z", cwd=root)
    cap("optipng-o3-v-autumn-tail-100", "optipng -o3 -v -dir opt 2023-autumn/*.png 2>&1 | tail -n 100", root,
        w256.n_optipng)
    cap("optipng-v-scans-exit", "optipng -o1 -v -dir opt scans/*.png 2>&1; echo EXIT=$?", root, w256.n_optipng)
    cap("pngcrush-v-web-head-150", "pngcrush -v -d crush web/*.png 2>&1 | head -n 150", root, w256.n_pngcrush)
    cap("pngcheck-v-scans", "pngcheck -v scans/*.png 2>&1", root, w256.n_pngcheck)
    cap("pngcheck-all-exit", "pngcheck */*.png; echo EXIT=$?", root, w256.n_pngcheck)
    cm.run("cp web/*.png 2023-spring/*.png z/ 2>/dev/null", cwd=root)
    cap("advpng-z1-loop-exit", "for f in z/*.png; do advpng -z -1 \"$f\"; done 2>&1; echo EXIT=$?", root,
        w256.n_advpng)
    cap("exiv2-structure-png-head-120", "exiv2 -pS scans/*.png 2023-autumn/*.png 2>&1 | head -n 120", root,
        w256.n_exiv2_structure)


def jpeg_tools(tmp: Path) -> None:
    root = tmp / "jpg"
    library(root, 2883, 240)
    round_faults(root, 2883)
    cm.run("mkdir -p out", cwd=root)
    cap("jpegoptim-v-max70-n", "jpegoptim -v --max=70 -n */*.jpg 2>&1", root, w256.n_jpegoptim)
    cap("jpegoptim-scans-exit", "jpegoptim -v --max=85 -d out scans/* 2>&1; echo EXIT=$?", root, w256.n_jpegoptim)
    cap("jpeginfo-c-scans-spring", "jpeginfo -c scans/* 2023-spring/*.jpg 2>&1", root, w256.n_jpeginfo)
    cap("exiv2-pa-spring", "exiv2 -pa 2023-spring/*.jpg 2>&1", root, w256.n_exiv2)
    cap("exiv2-summary-web-scans-exit", "exiv2 web/*.jpg scans/* 2>&1; echo EXIT=$?", root, w256.n_exiv2)
    cap("exiv2-structure-scans", "exiv2 -pS scans/*.jpg 2023-summer/*.jpg 2>&1 | head -n 150", root,
        w256.n_exiv2_structure)
    cap("jhead-autumn-scans", "jhead 2023-autumn/*.jpg scans/* 2>&1", root, w256.n_jhead)


def vips_runs(tmp: Path) -> None:
    root = tmp / "vips"
    library(root, 2884, 140)
    round_faults(root, 2884)
    pngs = w256.pick_files(root, "*/*.png", 30, 28)
    jpgs = w256.pick_files(root, "*/*.jpg", 30, 29)
    cap("vips-deviate-loop", "for f in " + " ".join(jpgs[:24]) + "; do echo \"$f $(vips deviate $f 2>&1)\"; done",
        root, w256.n_vips)
    cap("vips-faults-exit", f"vips stats {pngs[0]} s.csv && head -n 5 s.csv; vips max {pngs[1]}; echo EXIT=$?; "
        f"vips sharpen scans/smeared_scan.jpg sh.jpg --sigma -3; echo EXIT=$?; vips extract_area {jpgs[0]} a.png "
        f"0 0 99999 50; echo EXIT=$?; vips copy scans/odd_chunk.png o.v; vips avg scans/long_riff.webp; "
        f"vips flip {pngs[2]} f.png sideways; echo EXIT=$?", root, w256.n_vips)
    cm.run("mkdir -p g", cwd=root)
    cap("gmic-v-blur-faults", f"gmic -v + {pngs[3]} {pngs[4]} -blur 2 -resize 200,200 -o g/b.png "
        "scans/cut_anim.gif -mirror q 2>&1; echo EXIT=$?", root, w256.n_gmic)
    cap("gmic-v-print-tail-120", "gmic -v + " + " ".join(jpgs[5:20]) + " -print 2>&1 | tail -n 120", root, w256.n_gmic)


def ensure_tools() -> None:
    for tool, pkg in [("lynx", "lynx"), ("w3m", "w3m"), ("elinks", "elinks"), ("links", "links"),
                      ("html2text", "html2text"), ("pandoc", "pandoc"), ("vips", "libvips-tools"), ("gmic", "gmic"),
                      ("optipng", "optipng"), ("pngcrush", "pngcrush"), ("jpegoptim", "jpegoptim"),
                      ("pngcheck", "pngcheck"), ("exiv2", "exiv2"), ("jpeginfo", "jpeginfo"), ("advpng", "advancecomp"),
                      ("gifsicle", "gifsicle"), ("jhead", "jhead"), ("webpinfo", "webp"),
                      ("tiffinfo", "libtiff-tools")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "python", ["pillow"])


def steps() -> list:
    return [browsers, headers, png_tools, jpeg_tools, vips_runs]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide288", sys.modules["__main__"])
    main()
