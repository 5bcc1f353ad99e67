"""Round 118's LaTeX book and the extractors of its TeX kinds (NEEDLES.md, "Round 118"): `tidebook`, an almanac of tide
tables written here by a seeded generator with faults put in, built with latexmk, lualatex and xelatex; its BibLaTeX
database through biber; its index through texindy. Run through capture_wide118.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide118 import add, cap, exit_lines

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

TEX_ERR = re.compile(r"^! |^Runaway argument\?|^==> Fatal error occurred|^\*\*\* \(job aborted")
REF_RE = re.compile(r"(Reference|Citation) [`']([^']+)' (?:on page \d+ )?undefined")
MULTI_RE = re.compile(r"Label [`']([^']+)' multiply defined")
BOX_RE = re.compile(r"^(Overfull|Underfull) \\([hv]box)")
WIDE_RE = re.compile(r"^Overfull \\[hv]box \(([\d.]+)pt too (?:wide|high)\)")
FONTW_RE = re.compile(r"LaTeX Font Warning:|Package fontspec Warning:|luaotfload|Package fontenc Warning")
WARN_RE = re.compile(r"LaTeX Warning:|Package \S+ Warning:|Class \S+ Warning:|LaTeX3? \S* ?Warning:")
MISSING_CHAR = re.compile(r"^Missing character: There is no .* in font (.*?)!?$")
CLOSE_RE = re.compile(r"^Output written on |^No pages of output\.|^Transcript written on ")
LATEXMK_RE = re.compile(r"^Latexmk: .*(rror|ail|ndefined|not found|[Mm]issing|did not|up-to-date|Nothing to do)")


def n_tex_run(lines):
    """Rules 1+3+5: every TeX error line (`! ...`) and the l.NN line after it, Runaway argument / Fatal error lines; one {any} per undefined reference or citation key and every multiply-defined label; one {any} per (Overfull|Underfull, box) and the widest Overfull line; font warnings and other LaTeX/package warnings one {any} per message shape; Missing character one {any} per font; Output written / No pages / Transcript lines; latexmk's error, undefined, missing and up-to-date lines, its Collected error summary and the lines under it, the last Run number line, its Summary of warnings with the lines under it; EXIT=N."""
    out: list = []
    refs: dict = {}
    multi: dict = {}
    boxes: list = []
    fontw: list = []
    warns: list = []
    chars: list = []
    widest = None
    runs = [ln for ln in lines if re.match(r"^Run number \d+ of rule ", ln) or re.match(r"^Latexmk: applying rule ", ln)]
    for i, ln in enumerate(lines):
        if TEX_ERR.search(ln):
            out.append(ln)
            loc = cm.next_match(lines, i, r"^l\.\d+ ")
            if loc:
                out.append(loc)
        m = REF_RE.search(ln)
        if m:
            refs.setdefault(m.group(2), []).append(ln)
        m = MULTI_RE.search(ln)
        if m:
            multi.setdefault(m.group(1), []).append(ln)
        m = BOX_RE.match(ln)
        if m:
            boxes.append((m.groups(), ln))
            w = WIDE_RE.match(ln)
            if w and (widest is None or float(w.group(1)) > widest[0]):
                widest = (float(w.group(1)), ln)
        if FONTW_RE.search(ln) and not REF_RE.search(ln):
            fontw.append((cm.mask(ln), ln))
        elif WARN_RE.search(ln) and not REF_RE.search(ln) and not MULTI_RE.search(ln):
            warns.append((cm.mask(ln), ln))
        m = MISSING_CHAR.match(ln)
        if m:
            chars.append((m.group(1), ln))
        if CLOSE_RE.match(ln) or LATEXMK_RE.match(ln):
            out.append(ln)
        if ln.startswith("Collected error summary"):
            out.append(ln)
            for b in lines[i + 1:]:
                if not b.startswith("  ") or not b.strip():
                    break
                out.append(b)
        if re.match(r"^Latexmk: Summary of warnings", ln):
            out.append(ln)
            for b in lines[i + 1:]:
                if not b.startswith("  ") or not b.strip():
                    break
                out.append(b)
    out += [cm.any_of(v) for v in refs.values()]
    out += [cm.any_of(v) for v in multi.values()]
    out += cm.groups(boxes)
    if widest:
        out.append(widest[1])
    out += cm.groups(fontw) + cm.groups(warns) + cm.groups(chars)
    return out + runs[-1:] + exit_lines(lines)


n_latexmk = cm.named("latexmk-run", "build", n_tex_run.__doc__, n_tex_run)
n_lualatex = cm.named("lualatex-run", "build", n_tex_run.__doc__, n_tex_run)
n_xelatex = cm.named("xelatex-run", "build", n_tex_run.__doc__, n_tex_run)

BIBER_KEYED = re.compile(r"Duplicate entry key|I didn't find a database entry for")


@cm.kind("biber-run", "build")
def n_biber(lines):
    """Rules 1+3+5: every ERROR line; WARN lines one {any} per message shape plus every WARN naming a duplicate or missing entry key; the Found N citekeys / Found N entries lines, the Writing '...bbl' line, the closing WARNINGS: N / ERRORS: N lines; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        if re.search(r"\bERROR - ", ln) and not re.search(r"INFO - ERRORS:", ln):
            out.append(ln)
        elif re.search(r"\bWARN - ", ln):
            if BIBER_KEYED.search(ln):
                out.append(ln)
            else:
                warns.append((cm.mask(re.sub(r"'[^']*'|entry \S+|\S+\.bib", "<k>", ln.split(" - ", 1)[-1])), ln))
        elif re.search(r"INFO - (Found \d+ (citekeys|entries)|Writing '|WARNINGS: \d+|ERRORS: \d+)", ln):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("xindy-run", "build")
def n_xindy(lines):
    """Rules 1+3: every line holding ERROR, WARNING, error, unknown, cannot or undefined, and every line N: error of the raw index; the Opening logfile / Markup (Output) written into / Transcript written in lines; EXIT=N."""
    out = [ln for ln in lines if re.search(r"ERROR|WARNING|[Ee]rror|unknown|[Cc]annot|undefined|^line \d+: ", ln)
           or re.search(r"Opening logfile|Output written in|Markup written into|Transcript written in", ln)]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the book

PORTS = ["Aberdeen", "Avonmouth", "Bangor", "Barmouth", "Belfast", "Blyth", "Brixham", "Cromer", "Dover", "Dundee",
         "Falmouth", "Fishguard", "Harwich", "Holyhead", "Hull", "Ilfracombe", "Lerwick", "Lowestoft", "Milford Haven",
         "Newlyn", "Oban", "Padstow", "Plymouth", "Portsmouth", "Ramsgate", "Rosyth", "Scarborough", "Sheerness",
         "Stornoway", "Swansea", "Tenby", "Ullapool", "Weymouth", "Whitby", "Wick", "Workington", "Yarmouth",
         "Penzance", "Montrose", "Kirkwall", "Tobermory", "Lyme Regis", "Teignmouth", "Poole", "Shoreham", "Deal"]
WORDS = ("tide ebb flood neap spring datum chart sounding harbour pilot bar channel buoy beacon range stream "
         "amplitude phase constituent meridian lunar solar declination perigee apogee surge setup gauge benchmark "
         "mean lowest astronomical highest water slack current veer back shoal fathom cable reach basin").split()


def _para(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


def bib_entries(rnd: random.Random, n: int) -> tuple[str, list[str]]:
    """A BibLaTeX database of `n` entries with bad ones put in (duplicate key, bad date, missing fields, an unknown
    entry type, a field in the wrong type); returns the text and the good keys."""
    out, keys = [], []
    for k in range(n):
        key = f"{rnd.choice(['admiralty', 'doodson', 'pugh', 'cartwright', 'munk', 'godin'])}{1900 + k * 3}"
        keys.append(key)
        year = str(1900 + k * 3)
        if k % 17 == 5:
            year = f"{1900 + k}/13/45"  # a date biber cannot parse
        typ = "article" if k % 3 else "book"
        if k == 11:
            typ = "tidetable"  # an entry type the data model does not know
        fields = [f"  author = {{{rnd.choice(['Doodson, A. T.', 'Pugh, D.', 'Cartwright, D. E.'])} and Warburg, H. D.}}",
                  f"  title = {{On the {rnd.choice(WORDS)} of the {rnd.choice(WORDS)} at {rnd.choice(PORTS)}}}",
                  f"  date = {{{year}}}"]
        if typ == "article" and k % 13 != 7:
            fields += ["  journaltitle = {Proc. Tidal Inst.}", f"  volume = {{{k}}}", f"  pages = {{{k}--{k + 12}}}"]
        if typ == "book":
            fields += ["  publisher = {HMSO}", "  location = {London}"]
        if k % 19 == 3:
            fields.append("  month = {Smarch}")
        out.append(f"@{typ}{{{key},\n" + ",\n".join(fields) + "\n}\n")
    out.append(out[4].replace("title = {", "title = {Again: "))  # a duplicate key
    return "\n".join(out), keys


def book(root: Path, n_ch: int, pages_per_ch: int, seed: int, faults: bool = True, missing_input: bool = False,
         engine: str = "pdf", fonts: tuple[str, str] = ("", "")) -> None:
    """`tidebook`: a book class document of `n_ch` chapters under chapters/, BibLaTeX with biber, an index; with
    `faults`, undefined references and citations, duplicate labels, long unbreakable identifiers (overfull boxes),
    forced breaks (underfull boxes), a missing figure, an undefined macro and bold small caps (a font shape that does
    not exist). `engine` "unicode" loads fontspec with `fonts` (main, mono) instead of fontenc."""
    rnd = random.Random(seed)
    bib, keys = bib_entries(rnd, 60)
    files = {"refs.bib": bib}
    pre = [r"\documentclass[11pt,a5paper]{book}"]
    if engine == "unicode":
        pre += [r"\usepackage{fontspec}", rf"\setmainfont{{{fonts[0]}}}", rf"\setmonofont{{{fonts[1]}}}"]
    else:
        pre += [r"\usepackage[T1]{fontenc}" if not faults else r"\usepackage[OT1]{fontenc}"]
    pre += [r"\usepackage[backend=biber,style=authoryear]{biblatex}", r"\addbibresource{refs.bib}",
            r"\usepackage{graphicx}", r"\usepackage{makeidx}", r"\makeindex", r"\usepackage{hyperref}",
            r"\title{The Tide Book}", r"\author{Harbour Survey Office}", r"\begin{document}", r"\maketitle",
            r"\tableofcontents"]
    body = []
    for c in range(1, n_ch + 1):
        port = PORTS[(c - 1) % len(PORTS)] + ("" if c <= len(PORTS) else f" {c // len(PORTS) + 1}")
        lab = f"ch:{re.sub(r'[^a-z]', '', port.lower())}{c}"
        if faults and c in (4, 9):
            lab = "ch:tidal-datums"  # multiply defined
        ch = [rf"\chapter{{{port}}}\label{{{lab}}}", rf"\index{{{port}}}"]
        for p in range(pages_per_ch):
            ch.append(rf"\section{{{rnd.choice(WORDS).capitalize()} at {port}}}\label{{sec:c{c}s{p}}}")
            for q in range(3):
                txt = _para(rnd, rnd.randint(70, 130))
                if faults and rnd.random() < 0.35:
                    ident = "\\_".join(rnd.choice(WORDS).upper() for _ in range(5))
                    txt += rf" Station \texttt{{{ident}}} reports {rnd.choice(WORDS)}."
                if faults and rnd.random() < 0.25:
                    txt = txt.replace(" ", r" \linebreak ", 1)
                if rnd.random() < 0.3:
                    txt += rf" See \cite{{{rnd.choice(keys)}}} and section~\ref{{sec:c{rnd.randint(1, c)}s0}}."
                    txt += rf"\index{{{rnd.choice(WORDS)}!{port}}}"
                ch.append(txt + "\n")
        if faults and c % 7 == 3:
            ch.append(rf"As shown in figure~\ref{{fig:{re.sub(r'[^a-z]', '', port.lower())}-range}} and "
                      rf"\cite{{admiralty{1800 + c}}}, the range grows.")
        if faults and c == 5:
            ch.append(r"The \tidemark{HW} column gives the height above chart datum.")
        if faults and c == 6:
            ch.append(r"\begin{figure}\centering\includegraphics[width=.8\textwidth]{figures/tide-curve-" + str(c)
                      + r"}\caption{Tide curve}\label{fig:curve}\end{figure}")
        if faults and c == 2:
            ch.append(r"\textsc{\textbf{Tidal constituents}} and \textsl{\textsc{lunar}} terms.")
        if faults and c == 8:
            ch.append(r"\begin{tabular}{|l|l|l|l|l|l|l|}\hline Port & HW1 & LW1 & HW2 & LW2 & Range "
                      r"& Remarks on the approaches to the harbour entrance channel\\\hline")
            ch.append(rf"{port} & 01:12 & 07:25 & 13:40 & 19:51 & 4.2 & Keep to the leading line at all states\\\hline")
            ch.append(r"\end{tabular}")
        files[f"chapters/ch{c:02d}.tex"] = "\n".join(ch) + "\n"
        body.append(rf"\include{{chapters/ch{c:02d}}}")
    if missing_input:
        body.insert(len(body) // 2, r"\input{tables/harmonic-constants}")
    post = [r"\printbibliography", r"\printindex", r"\end{document}"]
    files["tidebook.tex"] = "\n".join(pre + body + post) + "\n"
    cm.write_tree(root, files)


def _edit(root: Path, c: int, text: str) -> None:
    """An agent's edit to chapter `c` (latexmk rebuilds what changed)."""
    p = root / "chapters" / f"ch{c:02d}.tex"
    p.write_text(p.read_text() + text)


def tex_steps(tmp: Path) -> None:
    # the 200-page book: a first full build, then edits and rebuilds as an agent would run them
    big = tmp / "tidebook-big"
    book(big, 40, 5, seed=118)
    mk = "latexmk -pdf -f -interaction=nonstopmode tidebook.tex"
    raw = run(f"{mk} 2>&1 | tail -n 400", cwd=big, timeout=900)
    add("latexmk-book-first-tail", f"{mk} 2>&1 | tail -n 400", raw, n_latexmk)
    (big / "chapters" / "ch12.tex").write_text((big / "chapters" / "ch12.tex").read_text() + "\nMore \\ref{sec:nowhere}.\n")
    cap("latexmk-book-rebuild-grep", f"{mk} 2>&1 | grep -v '^$' | tail -n 1200", big, n_latexmk, timeout=900)
    _edit(big, 20, "\nThe \\tideheight{LW} at \\cite{nobody1999}.\n")
    cap("latexmk-book-silent-echo", "latexmk -pdf -silent tidebook.tex; echo EXIT=$?", big, n_latexmk, timeout=900)
    cap("latexmk-book-uptodate-echo", "latexmk -pdf -interaction=nonstopmode tidebook.tex; echo EXIT=$?", big,
        n_latexmk, timeout=900)
    _edit(big, 31, "\n\\label{sec:c2s0}Repeated \\ref{tab:springs}.\n")
    cap("latexmk-book-grep-warn", f"latexmk -pdf -interaction=nonstopmode tidebook.tex 2>&1 | grep -E "
        "'Warning|Error|^!|^l\\.' | head -n 300", big, n_latexmk, timeout=900)
    # a mid-sized book, its whole latexmk output
    mid = tmp / "tidebook-mid"
    book(mid, 8, 2, seed=1181)
    cap("latexmk-mid-full", "latexmk -pdf -interaction=nonstopmode tidebook.tex", mid, n_latexmk, timeout=900)
    # a report whose input file is missing: the run stops
    rep = tmp / "tidebook-report"
    book(rep, 5, 1, seed=1182, missing_input=True)
    cap("latexmk-report-missing-input-echo", "latexmk -pdf -halt-on-error -interaction=nonstopmode tidebook.tex; "
        "echo EXIT=$?", rep, n_latexmk, timeout=600)
    cap("latexmk-report-missing-tail", "latexmk -pdf -interaction=nonstopmode tidebook.tex 2>&1 | tail -n 80", rep,
        n_latexmk, timeout=600)
    # biber over the mid book's database (the aux and bcf are there from its build)
    cap("biber-mid", "biber tidebook", mid, n_biber)
    cap("biber-mid-validate-echo", "biber --validate-datamodel tidebook; echo EXIT=$?", mid, n_biber)
    cap("biber-tool-validate", "biber --tool --validate-datamodel refs.bib", mid, n_biber)
    bad = mid / "refs.bib"
    bad.write_text(bad.read_text().replace("@book{", "@book{,", 1).replace("  pages = {1--13}", "  pages = {1--13"))
    cap("biber-syntax-error-echo", "biber tidebook; echo EXIT=$?", mid, n_biber)
    cap("biber-big-tail", "biber --debug tidebook 2>&1 | tail -n 200", big, n_biber)
    # the index through texindy
    cap("texindy-big", "texindy -L english -C utf8 tidebook.idx", big, n_xindy)
    idx = big / "tidebook.idx"
    idx.write_text(idx.read_text() + "\\indexentry{tide|textbff}{12}\n\\indexentry{ebb@@x!}{1x}\n"
                   "\\indexentry{spring|(}{40}\n\\indexentry{neap|)}{3}\n")
    cap("texindy-bad-entries-echo", "texindy -L english -C utf8 -t tidebook.xlg tidebook.idx; echo EXIT=$?; "
        "cat tidebook.xlg", big, n_xindy)
    cap("xindy-plain-tail", "xindy -M texindy -L german-duden -C utf8 tidebook.idx 2>&1 | tail -n 60", big, n_xindy)
    # unicode editions: lualatex and xelatex with fontspec
    lua = tmp / "tidebook-lua"
    book(lua, 6, 2, seed=1183, engine="unicode", fonts=("Linux Libertine O", "Source Code Pro"))
    (lua / "chapters" / "ch03.tex").write_text((lua / "chapters" / "ch03.tex").read_text()
                                               + "\nWarnings flagged ☂ ⚓ 🌊 at spring tides; Ω ≈ 2π/T.\n")
    lmk = "lualatex -interaction=nonstopmode tidebook.tex"
    cap("lualatex-missing-font-grep", f"{lmk} 2>&1 | grep -v '^$' | tail -n 300", lua, n_lualatex, timeout=600)
    cap("lualatex-second-tail", f"{lmk} | tail -n 120", lua, n_lualatex, timeout=600)
    luaf = tmp / "tidebook-lua2"
    book(luaf, 10, 2, seed=1184, engine="unicode", fonts=("DejaVu Serif", "Inconsolata"))
    (luaf / "chapters" / "ch02.tex").write_text((luaf / "chapters" / "ch02.tex").read_text()
                                                + "\n\\fontspec{DejaVu Serif}[Numbers=OldStyle,Style=Swash] 1234 ⚓ 🌊\n")
    cap("lualatex-features-echo", f"{lmk}; echo EXIT=$?", luaf, n_lualatex, timeout=600)
    cap("latexmk-lualatex", "latexmk -lualatex -interaction=nonstopmode tidebook.tex 2>&1 | tail -n 250", luaf,
        n_latexmk, timeout=900)
    xe = tmp / "tidebook-xe"
    book(xe, 6, 2, seed=1185, engine="unicode", fonts=("TeX Gyre Pagella", "Fira Mono"))
    (xe / "chapters" / "ch04.tex").write_text((xe / "chapters" / "ch04.tex").read_text()
                                              + "\nSymbols ☂ ⚓ 🌊 ⛵ in the margin notes.\n")
    xmk = "xelatex -interaction=nonstopmode tidebook.tex"
    cap("xelatex-missing-font-grep", f"{xmk} 2>&1 | grep -v '^Missing character' | head -n 400", xe, n_xelatex, timeout=600)
    xe2 = tmp / "tidebook-xe2"
    book(xe2, 12, 2, seed=1186, engine="unicode", fonts=("DejaVu Serif", "DejaVu Sans Mono"))
    (xe2 / "chapters" / "ch05.tex").write_text((xe2 / "chapters" / "ch05.tex").read_text()
                                               + "\nSymbols ☂ ⚓ 🌊 ⛵ ᚠᚢᚦ in the margin notes.\n")
    cap("xelatex-tail-echo", f"{xmk} | tail -n 150; echo EXIT=$?", xe2, n_xelatex, timeout=600)
    cap("latexmk-xelatex-grep", "latexmk -xelatex -interaction=nonstopmode tidebook.tex 2>&1 | grep -v '^$' | "
        "tail -n 400", xe2, n_latexmk, timeout=900)


STEPS = [tex_steps]
