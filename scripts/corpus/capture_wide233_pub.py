"""Round 233, publishing tools: the `tidewater` EPUBs through Calibre's command lines (`ebook-convert`, `ebook-meta`,
`ebook-polish -v`, `calibredb list` on a library of the round's own), the book's DocBook source through xmlto and
`xsltproc --noout` with DocBook XSL (an IDREF to nothing, a duplicate id, an element out of place, a missing
XInclude, a file that is not well-formed), and its PDF (pdflatex) through `qpdf --json` and `pdfsig` (signed with
pyHanko, one signature broken by an update after it, one PDF cut short). The extractors are this round's (NEEDLES.md,
"Round 233"). Run through capture_wide233.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import kind, run, write_tree
from capture_wide233_epub import site
from capture_wide233 import (CALIBRE_ENV, CREATURES, PLACES, VENV, book, by_shape, cap, ends, exit_lines,
                             innermost_files, loop_lines, para, pick)

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 233")

ERR_WORDS = r"\bERROR\b|\bError\b|\berror\b|[Ff]ailed|Traceback|Conversion error|not found"


@kind("calibre-convert", "build")
def n_calibre_convert(lines):
    """Rule 1+3+5: every ERROR/Error/Failed line and each traceback's exception and innermost File line, warnings one {"any"} per message shape, the plugin lines, the options-changed line, the output line."""
    tb = innermost_files(lines)
    errs = [ln for ln in pick(lines, ERR_WORDS) if not ln.lstrip().startswith("File ") and ln not in tb
            and not ln.startswith("Traceback")]
    warns = [ln for ln in pick(lines, r"WARNING|[Ww]arning|Could not|Ignoring|Missing|\bBad\b|Unable")
             if ln not in errs]
    out = tb + errs + by_shape(warns)
    out += pick(lines, r"(Input|Output)FormatPlugin|[\w ]+ (Input|Output)$| running on |^Conversion options changed"
                       r"|output written to|^Output saved to")
    return out + loop_lines(lines) + exit_lines(lines)


META_FIELDS = (r"^(Title|Title sort|Author\(s\)|Publisher|Tags|Series|Languages|Published|Rights|Identifiers"
               r"|Book Producer|Comments)\s*:")


@kind("calibre-meta", "doc")
def n_calibre_meta(lines):
    """Rule 1+5: every metadata field line, every error line, a loop's file lines."""
    out = pick(lines, META_FIELDS) + innermost_files(lines)
    out += [ln for ln in pick(lines, ERR_WORDS + r"|No such file|Unknown|[Ii]nvalid") if not re.search(META_FIELDS, ln)
            and not ln.lstrip().startswith("File ")]
    return out + loop_lines(lines) + exit_lines(lines)


@kind("calibre-polish", "build")
def n_calibre_polish(lines):
    """Rule 1+3+5: every step header line, every count or size line, every error/warning/exception line (a traceback's exception and innermost File), the closing Polishing took / output line."""
    out = pick(lines, r"^#|^(Subsetting|Removing|Smartening|Upgrading|Updating|Compressing|Embedding|Adding|"
                      r"Inserting|Jacket|Polishing)\b")
    out += pick(lines, r"Removed \d+|\bsize:|reduced|\d+(\.\d+)?%|\d+ (bytes|KB|MB)")
    out += innermost_files(lines)
    out += [ln for ln in pick(lines, ERR_WORDS + r"|WARNING|[Ww]arning") if not ln.lstrip().startswith("File ")
            and not ln.startswith("Traceback")]
    out += pick(lines, r"Polishing took|[Oo]utput written to|Polished book saved")
    return out + exit_lines(lines)


@kind("calibredb-list", "table")
def n_calibredb_list(lines):
    """Rule 1+4: the header row, rows whose value in a categorical column is rare, the rows with the lowest and highest id and size, every error line."""
    out = [ln for ln in pick(lines, ERR_WORDS + r"|No such") if not ln.lstrip().startswith("File ")]
    head_i = next((i for i, ln in enumerate(lines) if re.match(r"^id\s+\S", ln)), None)
    if head_i is None:
        return out + exit_lines(lines)
    head = lines[head_i]
    out.append(head)
    # column starts from the header's words
    starts = [m.start() for m in re.finditer(r"\S+", head)]
    names = head.split()
    rows = [ln for ln in lines[head_i + 1:] if re.match(r"^\d+\s", ln)]
    def cols(ln: str) -> dict[str, str]:
        cells = {}
        for j, (a, n) in enumerate(zip(starts, names)):
            b = starts[j + 1] if j + 1 < len(starts) else None
            cells[n] = ln[a:b].strip()
        return cells
    table = [(ln, cols(ln)) for ln in rows]
    for n in names:
        vals = [c[n] for _, c in table]
        if n in ("id", "size"):
            nums = [(float(re.sub(r"[^\d.]", "", v) or 0), ln) for (ln, c), v in zip(table, vals)
                    if re.search(r"\d", v)]
            if nums:
                out += [min(nums)[1], max(nums)[1]]
            continue
        if n in ("languages", "publisher", "series", "formats", "tags"):
            cnt: dict[str, int] = {}
            for v in vals:
                cnt[v] = cnt.get(v, 0) + 1
            if cnt and max(cnt.values()) * 2 >= len(vals):
                out += [ln for (ln, c) in table if cnt[c[n]] <= 2]
    return out + exit_lines(lines)


XML_LOC = r"^[\w./-]+\.(xml|xsl|ent):\d+:"


def _with_source(lines: list[str], rx: str) -> list[str]:
    """Each line matching rx, with the source line the parser prints just after it (when the next-but-one is a caret)."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(rx, ln):
            out.append(ln)
            if i + 2 < len(lines) and re.match(r"^\s*\^\s*$", lines[i + 2]) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out


@kind("xmlto-run", "build")
def n_xmlto(lines):
    """Rule 1+3+5: every error line with its source line, warnings one {"any"} per message shape, the first stylesheet/xsltproc line, the first and last Writing line."""
    rx_err = (r"[Ee]rror|validity error|parser error|[Ff]ailed|^xmlto: |Unable|No template|not found|cannot"
              r"|does not validate")
    out = _with_source(lines, rx_err)
    warns = [ln for ln in pick(lines, r"Warning|warning:|ID recommended|no template matches") if ln not in out]
    out += by_shape(warns)
    out += pick(lines, r"xsltproc |\.xsl\b")[:1]
    out += ends(pick(lines, r"^Writing "))
    return out + exit_lines(lines)


@kind("docbook-xsl-errors", "build")
def n_docbook_xsl(lines):
    """Rule 1+3+5: every file:line error with its source line, every error/unable/failed/compilation/Unknown line, warnings one {"any"} per message shape, Writing lines (all when at most 20, else the first and last), a closing count line."""
    rx_err = XML_LOC + r"|[Ee]rror|ERROR|unable to|[Ff]ailed|compilation error|Unknown"
    out = _with_source(lines, rx_err)
    warns = [ln for ln in pick(lines, r"Warning|warning|ID recommended|No localization exists|no template matches")
             if ln not in out]
    out += by_shape(warns)
    writing = pick(lines, r"^Writing ")
    out += writing if len(writing) <= 20 else ends(writing)
    out += pick(lines, r"^\d+ (errors?|warnings?)\b")
    return out + exit_lines(lines)


@kind("qpdf-json", "json")
def n_qpdf_json(lines):
    """Rule 1+4+5: the jsonversion/pdfversion lines, the info lines (/Title, /Author, /Producer, /Creator), rare /Type lines, the page tree's /Count, the first and last page "object" line, every WARNING/qpdf:/error line."""
    out = pick(lines, r"^(WARNING|qpdf):|[Ee]rror|damaged|recovered|[Ww]arning")
    out += pick(lines, r'"(jsonversion|pdfversion)"\s*:')
    out += pick(lines, r'"/(Title|Author|Producer|Creator)"\s*:')
    types = [ln for ln in lines if re.search(r'"/Type"\s*:\s*"', ln)]
    cnt: dict[str, int] = {}
    for ln in types:
        cnt[ln.strip()] = cnt.get(ln.strip(), 0) + 1
    if cnt and max(cnt.values()) * 2 >= len(types):
        out += [ln for ln in types if cnt[ln.strip()] <= 2]
    out += pick(lines, r'"/Count"\s*:')[:1]
    pg = next((i for i, ln in enumerate(lines) if re.match(r'^\s*"pages"\s*:', ln)), None)
    if pg is not None:
        out += ends([ln for ln in lines[pg:] if re.match(r'^\s*"object"\s*:', ln)])
    return out + exit_lines(lines)


@kind("pdfsig", "log")
def n_pdfsig(lines):
    """Rule 1+5: each file's Digital Signature Info line, each Signature #N line with its signer, signing time, signature and certificate validation lines, every error or no-signature line, a loop's file lines."""
    out = pick(lines, r"^Digital Signature Info of:|^Signature #\d+|Signer Certificate Common Name|Signing Time"
                      r"|Signature Validation:|Certificate Validation:")
    out += pick(lines, r"does not contain any signatures|Syntax Error|Internal Error|[Ee]rror|Couldn't|[Ff]ailed")
    return out + loop_lines(lines) + exit_lines(lines)


# ------------------------------------------------------------------ Calibre

def calibre(tmp: Path) -> None:
    env = CALIBRE_ENV
    (tmp / "out").mkdir(exist_ok=True)
    draft = book(tmp, "tidewater-draft", 233, 36, {"missing-item", "unlisted", "dangling", "dup-id",
                                                      "missing-image", "bad-xhtml"})
    book(tmp, "tidewater-ids", 29, 18, {"dup-id", "dangling", "missing-image"})
    book(tmp, "tidewater-2e", 7, 12, set())
    book(tmp, "tidewater-lang", 13, 8, {"bad-lang"})
    book(tmp, "tidewater-mime", 17, 8, {"bad-mimetype"}, mimetype_first=False)
    assert draft.exists()
    cap("convert-draft-azw3", "ebook-convert books/tidewater-draft.epub out/draft.azw3 -v 2>&1", tmp,
        n_calibre_convert, timeout=600, env=env)
    cap("convert-ids-txt", "ebook-convert books/tidewater-ids.epub out/ids.txt --txt-output-formatting=markdown "
        "2>&1 | tail -n 60; echo EXIT=$?", tmp, n_calibre_convert, timeout=600, env=env)
    cap("convert-mime-docx", "ebook-convert books/tidewater-mime.epub out/mime.docx -v 2>&1; echo EXIT=$?", tmp, n_calibre_convert, timeout=600, env=env)
    cap("convert-lang-mobi", "ebook-convert books/tidewater-lang.epub out/lang.mobi --language xx-KLINGON "
        "--mobi-file-type both -v 2>&1", tmp, n_calibre_convert, timeout=600, env=env)
    site(tmp, 24, 5)
    cap("convert-site-epub", "ebook-convert site-5/index.html out/site.epub --level1-toc //h:h1 --max-toc-links 0 "
        "2>&1", tmp, n_calibre_convert, timeout=600, env=env)
    loop = "for b in books/*.epub; do echo \"== $b\"; ebook-meta \"$b\"; done 2>&1"
    cap("meta-loop", loop, tmp, n_calibre_meta, timeout=600, env=env)
    cap("meta-set", "ebook-meta books/tidewater-2e.epub -t 'Tidewater (Second Edition)' -a 'Maren Holt & Idris "
        "Quayle' -l cy --isbn 9781234567897 --tags 'coasts,birds,field guides' -s 'Shore Guides' -i 2 2>&1; "
        "echo EXIT=$?", tmp, n_calibre_meta, timeout=300, env=env)
    cap("polish-2e", "ebook-polish --verbose --subset-fonts --remove-unused-css --smarten-punctuation --compress-images "
        "--upgrade-book books/tidewater-2e.epub out/2e-polished.epub 2>&1", tmp, n_calibre_polish, timeout=600,
        env=env)
    cap("polish-draft", "ebook-polish --verbose --remove-unused-css --smarten-punctuation --jacket "
        "books/tidewater-draft.epub out/draft-polished.epub 2>&1 | tail -n 80; echo EXIT=$?", tmp,
        n_calibre_polish, timeout=600, env=env)
    # the library: 48 small books of varying metadata, added in one call
    rnd = random.Random(48)
    langs = ["en-GB"] * 30 + ["en-US"] * 12 + ["cy", "ga", "fr", "nl", "de", "gd"]
    pubs = ["Shingle Press"] * 28 + ["Estuary Books"] * 14 + ["Wrack & Sons", "Tern House", "Selkie Editions",
                                                               "Marram Publishing", "Spindrift", "Gannet Imprint"]
    rnd.shuffle(langs)
    rnd.shuffle(pubs)
    for i in range(48):
        place = PLACES[i % len(PLACES)]
        crit = rnd.choice(CREATURES)
        book(tmp / "lib-src", f"b{i:02d}", 300 + i, rnd.randint(1, 3) if i != 17 else 14, set(),
             title=f"The {crit.title()} of {place}", lang=langs[i], author=rnd.choice(
                 ["Maren Holt", "Idris Quayle", "Sorcha Lind", "Tomas Reyes", "Annelie Bos", "Wen Yu"]),
             publisher=pubs[i], subjects=(rnd.choice(["Birds", "Shellfish", "Seaweeds", "Mammals"]), "Coasts"))
    run("calibredb add --with-library lib lib-src/books/*.epub", cwd=tmp, env=env, timeout=900)
    cap("calibredb-list", "calibredb list --with-library lib --fields title,authors,languages,publisher,size "
        "--line-width 150 2>&1", tmp, n_calibredb_list, timeout=300, env=env)
    cap("calibredb-list-head", "calibredb list --with-library lib --fields title,authors,languages,publisher,size,"
        "pubdate --sort-by size --line-width 160 2>&1 | head -n 60", tmp, n_calibredb_list, timeout=300, env=env)


# ------------------------------------------------------------------ DocBook

def docbook(n_ch: int, seed: int, faults: set[str]) -> str:
    """The book's DocBook 4.5 source, faults put in by name: idref (xrefs to ids that do not exist), dup-id,
    misplaced (elements where the DTD allows none), unknown (an element no DTD or stylesheet knows), bad-lang,
    xinclude (an XInclude of a missing file), broken (not well-formed)."""
    rnd = random.Random(seed)
    lang = "english-uk" if "bad-lang" in faults else "en"
    ch = []
    for i in range(n_ch):
        place = PLACES[i % len(PLACES)]
        cid = f"ch{i + 1:02d}" if not ("dup-id" in faults and i % 5 == 4) else f"ch{i:02d}"
        secs = []
        for s in range(rnd.randint(2, 4)):
            crit = rnd.choice(CREATURES)
            sec = [f'<section id="{cid}-s{s + 1}"><title>{crit.title()} at {place}</title>',
                   f"<para>{para(rnd, rnd.randint(20, 50))}<footnote><para>{para(rnd, 10)}</para></footnote>"
                   "</para>"]
            if s == 0:
                sec.append(f'<figure id="{cid}-fig"><title>{crit.title()}</title><mediaobject><imageobject>'
                           f'<imagedata fileref="images/{crit.replace(" ", "-")}.png"/></imageobject></mediaobject>'
                           "</figure>")
            if "idref" in faults and s == 1 and i % 3 == 0:
                sec.append(f'<para>Compare <xref linkend="tide-table-{i + 40}"/> and <link linkend="map-{i}">the '
                           "map</link>.</para>")
            if "misplaced" in faults and s == 1 and i % 4 == 1:
                sec.append(f"<title>Second title for {place}</title><para><section><title>x</title></section>"
                           "</para>")
            if "unknown" in faults and i % 6 == 2:
                sec.append(f"<para>Low water <tidetime>06:{i:02d}</tidetime> at <placename>{place}</placename>."
                           "</para>")
            sec.append("</section>")
            secs.append("\n".join(sec))
        ch.append(f'<chapter id="{cid}"><title>{place}</title>\n' + "\n".join(secs) + "\n</chapter>")
    if "xinclude" in faults:
        ch.append('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="appendix-tides.xml"/>')
    body = "\n".join(ch)
    if "broken" in faults:
        body = body.replace("</section>", "</sect1>", 3).replace("<para>", "<para", 1)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" '
            '"http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd">\n'
            f'<book lang="{lang}"><bookinfo><title>Tidewater: A Field Guide</title><author><firstname>Maren'
            "</firstname><surname>Holt</surname></author></bookinfo>\n" + body + "\n</book>\n")


def xmlto(tmp: Path) -> None:
    d = tmp / "docbook"
    write_tree(d, {"book.xml": docbook(24, 233, {"idref", "dup-id", "misplaced", "unknown"}),
                   "book-lang.xml": docbook(14, 5, {"bad-lang", "idref", "xinclude"}),
                   "book-broken.xml": docbook(6, 9, {"broken"}),
                   "book-ok.xml": docbook(10, 3, set())})
    for o in ("out-html", "out-xhtml", "out-man", "out-ok"):
        (d / o).mkdir(exist_ok=True)
    cap("xmlto-validate", "xmlto -v html -o out-html book.xml 2>&1; echo EXIT=$?", d, n_xmlto, timeout=600)
    cap("xmlto-skip", "xmlto -v --skip-validation html -o out-html book.xml 2>&1 | tail -n 80", d, n_xmlto,
        timeout=600)
    cap("xmlto-nochunks", "for f in book-lang.xml book.xml; do echo \"== $f\"; xmlto -v --skip-validation "
        "xhtml-nochunks -o out-xhtml $f; echo EXIT=$?; done 2>&1", d, n_xmlto, timeout=600)
    cap("xmlto-ok", "xmlto -v html -o out-ok book-ok.xml 2>&1", d, n_xmlto, timeout=600)
    cap("xmlto-broken", "xmlto -v html -o out-html book-broken.xml 2>&1; echo EXIT=$?", d, n_xmlto, timeout=600)
    xsl = "/usr/share/xml/docbook/stylesheet/docbook-xsl"
    cap("xsltproc-docbook", f"xsltproc --noout {xsl}/html/docbook.xsl book.xml 2>&1", d, n_docbook_xsl,
        timeout=600)
    cap("xsltproc-docbook-xinclude", f"xsltproc --nonet --xinclude --noout {xsl}/html/docbook.xsl book-lang.xml "
        "book.xml 2>&1; echo EXIT=$?", d, n_docbook_xsl, timeout=600)
    cap("xsltproc-docbook-broken", f"xsltproc --noout {xsl}/html/docbook.xsl book-broken.xml 2>&1; echo EXIT=$?",
        d, n_docbook_xsl, timeout=600)
    cap("xsltproc-docbook-chunk", f"xsltproc --stringparam base.dir out-chunk/ {xsl}/html/chunk.xsl book.xml 2>&1 "
        "| grep -vE '^Writing out-chunk/ch1' | head -n 100", d, n_docbook_xsl, timeout=600)


# ------------------------------------------------------------------ PDFs

def latex(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    secs = []
    for i in range(n):
        secs.append(f"\\section{{{PLACES[i % len(PLACES)]}}}\n" + "\n\n".join(
            para(rnd, rnd.randint(60, 140)) + f"\\footnote{{{para(rnd, 10)}}}" for _ in range(rnd.randint(3, 6))))
    return ("\\pdfobjcompresslevel=0\n\\documentclass{article}\n\\usepackage{hyperref}\n\\hypersetup{pdftitle={Tidewater: A Field Guide},"
            "pdfauthor={Maren Holt},pdfcreator={tidewater build}}\n\\begin{document}\n\\tableofcontents\n"
            + "\n".join(secs) + "\n\\end{document}\n")


SIGN = '''\
"""Sign a PDF with pyHanko (a self-signed certificate made by openssl)."""
import sys
from pyhanko.sign import signers, fields
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

src, dst, name = sys.argv[1:4]
signer = signers.SimpleSigner.load("key.pem", "cert.pem")
with open(src, "rb") as f:
    w = IncrementalPdfFileWriter(f)
    fields.append_signature_field(w, fields.SigFieldSpec(sig_field_name=name))
    meta = signers.PdfSignatureMetadata(field_name=name, reason="proof approved", location="Saltmarsh Point")
    with open(dst, "wb") as out:
        signers.PdfSigner(meta, signer=signer).sign_pdf(w, output=out)
print("signed", dst, name)
'''


def pdfs(tmp: Path) -> None:
    d = tmp / "pdf"
    write_tree(d, {"tidewater.tex": latex(30, 233), "tables.tex": latex(4, 8), "sign.py": SIGN})
    run("pdflatex -interaction=nonstopmode tidewater.tex >/dev/null; pdflatex -interaction=nonstopmode tidewater.tex"
        " >/dev/null; pdflatex -interaction=nonstopmode tables.tex >/dev/null", cwd=d, timeout=600)
    data = (d / "tidewater.pdf").read_bytes()
    i = data.rfind(b"startxref")
    # a damaged copy: its startxref points nowhere, two objects' "obj" keywords overwritten
    bad = data[:i] + b"startxref\n999\n%%EOF\n"
    for n in (b"\n40 0 obj", b"\n41 0 obj"):
        bad = bad.replace(n, n[:-3] + b"ojb", 1)
    (d / "tidewater-damaged.pdf").write_bytes(bad)
    cap("qpdf-json-pages", "qpdf --json=2 --json-key=pages --json-key=outlines tidewater.pdf", d, n_qpdf_json)
    cap("qpdf-json-tables", "qpdf --json=2 tables.pdf 2>&1", d, n_qpdf_json)
    cap("qpdf-json-cut", "qpdf --json --json-key=pages --json-key=qpdf tidewater-damaged.pdf 2>&1 | head -n 300; echo EXIT=$?", d,
        n_qpdf_json)
    cap("qpdf-json-jq", "qpdf --json=2 tidewater.pdf | jq '.qpdf[1] | to_entries | map(select((.value.value | type) == \"object\" and .value.value[\"/Type\"]))"
        " | .[] | {key, \"/Type\": .value.value[\"/Type\"], \"/Count\": .value.value[\"/Count\"], \"/Title\": .value.value[\"/Title\"]}'",
        d, n_qpdf_json)
    # signatures: a self-signed certificate, two signatures, an update after the first, a PDF cut short
    run("openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 30 -subj "
        "'/CN=Maren Holt/O=Shingle Press/C=GB' 2>/dev/null", cwd=d)
    py = f"{VENV}/bin/python"
    run(f"{py} sign.py tables.pdf tables-signed.pdf Author && {py} sign.py tables-signed.pdf tables-2sig.pdf Editor",
        cwd=d, timeout=300)
    if (d / "tables-signed.pdf").exists():
        sig = (d / "tables-signed.pdf").read_bytes()
        i = sig.find(b"proof approved")
        if i > 0:
            (d / "tables-tampered.pdf").write_bytes(sig[:i] + b"proof APPROVED" + sig[i + 14:])
    sig2 = d / "tables-2sig.pdf"
    if sig2.exists():
        (d / "tables-2sig-cut.pdf").write_bytes(sig2.read_bytes()[:-900])
    loop = "for f in *.pdf; do echo \"== $f\"; pdfsig \"$f\"; done 2>&1"
    cap("pdfsig-loop", loop, d, n_pdfsig)
    cap("pdfsig-dump", "pdfsig -nocert tables-2sig.pdf; pdfsig tables-tampered.pdf; echo EXIT=$?", d, n_pdfsig)


STEPS = [calibre, xmlto, pdfs]
