"""Round 93's documents: a harbour operations handbook (groff -ms to PostScript to PDF), a berth catalogue with 48
images (pdflatex), harbour notices in PostScript with mistakes put in, and copies of them damaged, truncated and
encrypted, with the extractors of NEEDLES.md's "Round 93" rules for pdfinfo, pdffonts, pdfimages, pdftotext, qpdf and
ghostscript. Run through capture_wide93.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_data import rule4, shape
from capture_more import groups, kind, run, write_tree
from capture_wide93 import IM, cap
from capture_wide93_media import _exits, damage, truncate

# ------------------------------------------------------------------ extractors

_POPPLER_ERR = re.compile(r"^(Syntax Error|Syntax Warning|Internal Error|Command Line Error|I/O Error|Error)\b")


def _poppler_errors(lines):
    """Rule 1 on poppler's messages: one any per message shape (they repeat with only offsets changing)."""
    return groups((shape(ln), ln) for ln in lines if _POPPLER_ERR.match(ln))


@kind("pdfinfo", "table")
def n_pdfinfo(lines):
    """Title, Producer, Pages, Page size, PDF version, Encrypted lines (and the loop's == file lines); poppler errors one any per shape"""
    out = [ln for ln in lines if re.match(r"^(Title|Producer|Pages|Page size|PDF version|Encrypted):", ln)
           or ln.startswith("== ")]
    return out + _poppler_errors(lines) + _exits(lines)


def _fixed_tables(lines, head_pat):
    """Tables whose header matches head_pat and whose next line is the dashes line: [(header, [(row, {col: cell})])]."""
    tables = []
    for i, ln in enumerate(lines[:-1]):
        if re.match(head_pat, ln) and re.match(r"^-+( -+)+\s*$", lines[i + 1]):
            spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[i + 1])]
            names = [ln[a:b if k + 1 < len(spans) else None].strip() for k, (a, b) in enumerate(spans)]
            rows = []
            for r in lines[i + 2:]:
                if not r.strip() or r.startswith("== ") or _POPPLER_ERR.match(r):
                    break
                cells = {n: r[a:(spans[k + 1][0] if k + 1 < len(spans) else None)].strip()
                         for k, (n, (a, _)) in enumerate(zip(names, spans))}
                rows.append((r, cells))
            tables.append((ln, rows))
    return tables


@kind("pdffonts", "table")
def n_pdffonts(lines):
    """rule 4 per table: the header, rows whose type/emb/sub/uni value is rare; the loop's == file lines; poppler errors"""
    out = []
    for head, rows in _fixed_tables(lines, r"^name\s+type\s+encoding\s+emb"):
        out += rule4(rows, cat=["type", "emb", "sub", "uni"], header=[head])
    out += [ln for ln in lines if ln.startswith("== ")]
    return out + _poppler_errors(lines) + _exits(lines)


PDFIMAGES_COLS = ["page", "num", "type", "width", "height", "color", "comp", "bpc", "enc", "interp", "object", "id",
                  "x-ppi", "y-ppi", "size", "ratio"]


@kind("pdfimages-list", "table")
def n_pdfimages(lines):
    """rule 4: the header, rows of min/max width, height, size, rows whose type/color/enc is rare; poppler errors"""
    out = []
    for i, ln in enumerate(lines[:-1]):
        if re.match(r"^page\s+num\s+type\s+width", ln):
            rows = []
            for r in lines[i + 2:]:
                cells = r.split()
                if len(cells) != len(PDFIMAGES_COLS) or not cells[0].isdigit():
                    break
                rows.append((r, dict(zip(PDFIMAGES_COLS, cells))))
            out += rule4(rows, cat=["type", "color", "enc"], nums=["width", "height", "size"], header=[ln])
    return out + _poppler_errors(lines) + _exits(lines)


_HEADING = re.compile(r"^\s*\d+(\.\d+)*\.?\s{1,4}[A-Z][A-Za-z ,'&/-]{2,70}$")


@kind("pdftotext-layout", "doc")
def n_pdftotext(lines):
    """rule 6: every numbered section heading line and the document's first (title) line; poppler errors one any per shape"""
    out = [ln for ln in lines if _HEADING.match(ln.replace("\f", ""))]
    first = next((ln for ln in lines if ln.strip() and not _POPPLER_ERR.match(ln)), None)
    return ([first] if first else []) + out + _poppler_errors(lines) + _exits(lines)


@kind("qpdf-check", "log")
def n_qpdf_check(lines):
    """checking / PDF Version lines, every WARNING: or error line, the closing verdict"""
    out = [ln for ln in lines if re.match(r"^(checking |PDF Version:)", ln) or "WARNING:" in ln
           or re.search(r"\berror", ln, re.I) or "operation succeeded with warnings" in ln]
    return out + _exits(lines)


_XREF = re.compile(r"^(\d+)/(\d+): (uncompressed; offset = (\d+)|compressed; stream = \d+, index = \d+|free entry.*)$")


@kind("qpdf-show-xref", "table")
def n_qpdf_xref(lines):
    """the first and last entries; rule 4 on the entries (rare kind, min/max offset); WARNING/error lines"""
    rows = []
    for ln in lines:
        m = _XREF.match(ln)
        if m:
            rows.append((ln, {"kind": m.group(3).split(";")[0].split()[0], "offset": m.group(4)}))
    out = [rows[0][0], rows[-1][0]] if rows else []
    out += rule4(rows, cat=["kind"], nums=["offset"])
    out += [ln for ln in lines if "WARNING:" in ln or re.search(r"\berror", ln, re.I)]
    return out + _exits(lines)


@kind("ghostscript-run", "log")
def n_gs(lines):
    """Error: /name in op lines, Unrecoverable error, **** Error / Could not lines, the closing error list, **** Warning one any per shape, Processing pages and the last Page N line"""
    out = [ln for ln in lines if re.search(r"Error: /\S+ in ", ln) or "Unrecoverable error" in ln
           or re.match(r"^\s*\*+\s*Error", ln) or "**** Could not" in ln or re.match(r"^Processing pages \d+ through \d+\.", ln)]
    pages = [ln for ln in lines if re.match(r"^Page \d+$", ln)]
    if pages:
        out.append(pages[-1])
    out += [ln for ln in lines if re.match(r"^\s*\*+ This file had errors", ln)]
    warn = [(shape(ln), ln) for ln in lines if re.match(r"^\s*\*+\s*Warning", ln) or re.match(r"^warning: ", ln)]
    # rule 1 on the closing lists: each error gs names (with the list's header), each warning one of its own shape
    block = None
    for ln in lines:
        if re.match(r"^The following (errors|warnings) were encountered", ln):
            block = "errors" if "errors" in ln else "warnings"
            if block == "errors":
                out.append(ln)
            continue
        if block and ln.startswith(("\t", " ")) and ln.strip():
            if block == "errors":
                out.append(ln)
            else:
                warn.append((shape(ln), ln))
        else:
            block = None
    return out + groups(warn) + _exits(lines)


# ------------------------------------------------------------------ the documents, made here

TOPICS = ["Berth Allocation", "Pilotage", "Tide Windows", "Mooring Lines", "Fuel Bunkering", "Waste Reception",
          "Crane Operations", "Security Zones", "Dredging Notices", "Ferry Schedules", "Weather Holds",
          "Cargo Inspection", "Emergency Drills", "Vessel Traffic", "Night Navigation", "Anchorage Areas"]
WORDS = ("the harbour master shall record each vessel movement before the tide turns while the pilot confirms draft "
         "clearance against the published chart datum and the berth crew secures lines fenders gangways and shore "
         "power in the order listed by the duty officer unless weather holds apply").split()


def para(rnd: random.Random, n: int) -> str:
    w = [rnd.choice(WORDS) for _ in range(n)]
    return " ".join(w).capitalize() + "."


def handbook_ms(seed: int, sections: int) -> str:
    rnd = random.Random(seed)
    out = [".TL\nHarbour Operations Handbook\n.AU\nPort of Kestrel Bay\n.AB\n" + para(rnd, 60) + "\n.AE\n"]
    for s in range(sections):
        out.append(f".NH 1\n{TOPICS[s % len(TOPICS)]}\n.PP\n{para(rnd, rnd.randint(80, 140))}\n")
        for t in range(rnd.randint(2, 3)):
            out.append(f".NH 2\n{rnd.choice(['Scope', 'Procedure', 'Records', 'Exceptions', 'Contacts'])} of "
                       f"{TOPICS[(s + t + 3) % len(TOPICS)].lower()}\n.PP\n{para(rnd, rnd.randint(60, 130))}\n")
            if rnd.random() < 0.3:
                out.append(".IP \\(bu 2\n" + "\n.IP \\(bu 2\n".join(para(rnd, 12) for _ in range(3)) + "\n")
    return "".join(out)


def catalogue_tex(images: list[str]) -> str:
    body = []
    for k, img in enumerate(images):
        body.append(f"\\section*{{Berth {k + 1}}}\n\\includegraphics[width=0.4\\textwidth]{{{img}}}\n\n"
                    f"\\textbf{{Depth}} {5 + k % 9}.{k % 10}\\,m, \\textit{{length}} {80 + 7 * k}\\,m, "
                    f"\\texttt{{code B{k:03d}}}.\n")
    return ("\\documentclass{article}\n\\usepackage{graphicx}\n\\begin{document}\n\\title{Berth Catalogue}\n"
            "\\author{Port of Kestrel Bay}\n\\maketitle\n" + "\n".join(body) + "\n$\\sum_{i=1}^n d_i$\n\\end{document}\n")


NOTICE_OK = """%!PS
/Helvetica-Bold findfont 20 scalefont setfont 72 720 moveto (Notice to Mariners) show
/Courier findfont 10 scalefont setfont 72 690 moveto (Channel buoy 7 relocated 40 m north) show
/Times-Roman findfont 12 scalefont setfont 72 670 moveto (Issued by the harbour master) show
showpage
"""

TIDES_PS = """%!PS
/Helvetica findfont 12 scalefont setfont
/row { /y exch def 72 y moveto show } def
(High water 05:12  4.1 m) 700 row
(Low water 11:30  0.8 m) 685 row
(High water 17:41  4.3 m) 670 row
showpage
(Low water 23:55  0.6 m) 700 row
/Times-Roman findfont 12 scalefont setfont
72 655 moveto (Spring tides expected) showtext
showpage
"""

BERTH_PS = """%!PS
/Helvetica findfont 11 scalefont setfont
1 1 12 { /i exch def 72 760 i 40 mul sub moveto (Berth ) show i 3 string cvs show } for
showpage
72 moveto (Berth 13 closed) show
showpage
"""

COVER_PS = """%!PS
/Helvetica-Bold findfont 28 scalefont setfont 72 700 moveto (Berth Catalogue) show
/Courier findfont 12 scalefont setfont 72 670 moveto (Edition 2024-06, Port of Kestrel Bay) show
showpage
"""

LOCKS_PS = """%!PS
/Courier findfont 10 scalefont setfont
72 700 moveto (Lock gate cycle) show
/cycle 12 def
cycle (minutes) add
showpage
"""


def make_docs(tmp: Path) -> Path:
    d = tmp / "docs"
    (d / "pdfs").mkdir(parents=True)
    (d / "img").mkdir()
    write_tree(d, {"handbook.ms": handbook_ms(9304, 24), "notice.ps": NOTICE_OK, "tides.ps": TIDES_PS,
                   "berth.ps": BERTH_PS, "locks.ps": LOCKS_PS, "cover.ps": COVER_PS, "short.ms": handbook_ms(9305, 3)})
    run("groff -ms -Tps handbook.ms > handbook.ps && ps2pdf handbook.ps handbook.pdf", cwd=d, timeout=300)
    run("groff -ms -Tps short.ms > short.ps && ps2pdf -dEmbedAllFonts=false short.ps pdfs/bulletin_plain.pdf", cwd=d)
    run("ps2pdf -dEmbedAllFonts=false notice.ps pdfs/notice_to_mariners.pdf", cwd=d)
    run("ps2pdf -dEmbedAllFonts=false cover.ps cover.pdf", cwd=d)
    rnd = random.Random(9306)
    colours = ["navy", "teal", "khaki", "salmon", "gray60", "orchid", "tan", "steelblue"]
    imgs = []
    for k in range(48):
        w, h = rnd.choice([(320, 240), (320, 240), (320, 240), (400, 300), (240, 320)])
        if k == 17:
            w, h = 1600, 1200
        if k == 30:
            w, h = 64, 48
        ext = "jpg" if k % 4 else "png"
        gray = "-colorspace Gray" if k == 11 else ""
        a, b = rnd.sample(colours, 2)
        name = f"img/berth_{k:02d}.{ext}"
        run(f"{IM}convert -size {w}x{h} gradient:{a}-{b} {gray} -quality 60 {name}", cwd=d)
        imgs.append(name)
    (d / "catalogue.tex").write_text(catalogue_tex(imgs))
    run("pdflatex -interaction=batchmode catalogue.tex >/dev/null", cwd=d, timeout=300)
    run("cp handbook.pdf catalogue.pdf pdfs/ && cp handbook.pdf pdfs/handbook_damaged.pdf && "
        "cp handbook.pdf pdfs/handbook_truncated.pdf && cp catalogue.pdf pdfs/catalogue_badxref.pdf", cwd=d)
    damage(d / "pdfs" / "handbook_damaged.pdf", 9307, 14, width=40, skip=3000)
    run("cp handbook.pdf pdfs/handbook_scuffed.pdf", cwd=d)  # fewer hits: its page tree survives
    damage(d / "pdfs" / "handbook_scuffed.pdf", 9307, 6, width=40, skip=3000)
    truncate(d / "pdfs" / "handbook_truncated.pdf", 0.7)
    bad = d / "pdfs" / "catalogue_badxref.pdf"
    b = bad.read_bytes()
    i = b.rfind(b"startxref")
    bad.write_bytes(b[:i] + b"startxref\n" + str(int(len(b) * 0.37)).encode() + b"\n%%EOF\n")
    run("qpdf --encrypt harbour secret 256 -- handbook.pdf pdfs/handbook_locked.pdf", cwd=d)
    return d


def pdf_tools(tmp: Path) -> None:
    d = make_docs(tmp)
    cap("pdfinfo-handbook", "pdfinfo handbook.pdf", d, n_pdfinfo)
    cap("pdfinfo-loop-pdfs", "for f in pdfs/*.pdf; do echo \"== $f\"; pdfinfo \"$f\"; done 2>&1", d, n_pdfinfo)
    cap("pdffonts-merged-catalogue", "qpdf --empty --pages cover.pdf catalogue.pdf -- catalogue_print.pdf && "
        "pdffonts catalogue_print.pdf", d, n_pdffonts)
    cap("pdffonts-loop-pdfs", "for f in pdfs/*.pdf; do echo \"== $f\"; pdffonts \"$f\"; done 2>&1", d, n_pdffonts)
    cap("pdfimages-list-catalogue", "pdfimages -list catalogue.pdf", d, n_pdfimages)
    cap("pdfimages-list-loop-head-40", "for f in pdfs/catalogue_badxref.pdf pdfs/handbook_damaged.pdf "
        "pdfs/catalogue.pdf; do echo \"== $f\"; pdfimages -list \"$f\"; done 2>&1 | head -n 40", d, n_pdfimages)
    cap("pdftotext-layout-handbook", "pdftotext -layout handbook.pdf -", d, n_pdftotext)
    cap("pdftotext-layout-damaged-head-200", "pdftotext -layout pdfs/handbook_damaged.pdf - 2>&1 | head -n 200", d,
        n_pdftotext)
    cap("qpdf-check-damaged-echo-exit", "qpdf --check pdfs/handbook_damaged.pdf; echo EXIT=$?", d, n_qpdf_check)
    cap("qpdf-check-truncated-badxref", "qpdf --check pdfs/handbook_truncated.pdf 2>&1; qpdf --check "
        "pdfs/catalogue_badxref.pdf 2>&1 | tail -n 40", d, n_qpdf_check)
    cap("qpdf-show-xref-catalogue", "qpdf --show-xref catalogue.pdf", d, n_qpdf_xref)
    cap("qpdf-show-xref-handbook-head-300", "qpdf --show-xref handbook.pdf | head -n 300", d, n_qpdf_xref)
    cap("gs-pdfwrite-tides-undefined", "gs -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -o tides.pdf tides.ps", d, n_gs)
    cap("gs-png-scuffed-tail-80", "mkdir -p pages && gs -dBATCH -dNOPAUSE -sDEVICE=png16m -r30 -o pages/p%03d.png "
        "pdfs/handbook_scuffed.pdf 2>&1 | tail -n 80", d, n_gs, timeout=300)
    cap("ps2pdf-berth-locks-echo-exit", "ps2pdf berth.ps berth.pdf; echo EXIT=$?; ps2pdf locks.ps locks.pdf; "
        "echo EXIT=$?", d, n_gs)


STEPS = [pdf_tools]
