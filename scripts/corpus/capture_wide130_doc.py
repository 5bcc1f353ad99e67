"""Round 130's document builds (round 118's kinds, its extractors imported): `orchard`, a cider cooperative's
handbook as a LaTeX report widened by a seeded generator with its own faults (latexmk, lualatex with fontspec, biber
over its database), the press's Texinfo manual (makeinfo, texi2any --html), a DocBook article of the cellar routines
(xmllint --valid, xsltproc with the DocBook stylesheets and one of its own), pandoc notes and Graphviz graphs of the
supply chain. Run through capture_wide130.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import run, write_tree
from capture_wide118_doc import n_dot, n_makeinfo, n_pandoc_verbose, n_texi2any, n_xmllint_valid, n_xsltproc
from capture_wide118_tex import n_biber, n_latexmk, n_lualatex
from capture_wide130 import cap

VARIETIES = ["Kingston Black", "Dabinett", "Yarlington Mill", "Foxwhelp", "Tremlett's Bitter", "Stoke Red",
             "Brown Snout", "Harry Masters Jersey", "Michelin", "Ellis Bitter", "Somerset Redstreak", "Browns",
             "Porter's Perfection", "Sweet Coppin", "Major", "Chisel Jersey", "Bulmer's Norman", "Frederick",
             "Hagloe Crab", "Redstreak", "Slack-ma-Girdle", "Pig's Nose", "Ashton Bitter", "Vilberie"]
TERMS = ("pomace cheese rack cloth press keeve tannin malic acid sugar gravity brix yeast lees racking bung cask "
         "bottle conditioning orchard graft rootstock bloom frost scab canker harvest sweat mill juice pectin "
         "sulphite wild ferment stuck slow dry medium sweet sharp bittersweet").split()


def _sent(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(TERMS) for _ in range(n)).capitalize() + "."


def _slug(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())


def bib(rnd: random.Random, n: int) -> tuple[str, list[str]]:
    """A BibLaTeX database with its own faults: a field repeated, an unbalanced date range, a missing author, an
    entry whose crossref goes nowhere, a duplicate key."""
    out, keys = [], []
    for k in range(n):
        key = f"{rnd.choice(['barker', 'copas', 'lea', 'williams', 'proulx', 'pollard'])}{1950 + k}"
        keys.append(key)
        f = [f"  title = {{{rnd.choice(TERMS).capitalize()} and {rnd.choice(TERMS)} in {rnd.choice(VARIETIES)}}}",
             f"  date = {{{1950 + k}}}" if k % 15 != 6 else f"  date = {{{1950 + k}-{1949 + k}/}}"]
        if k % 12 != 9:
            f.insert(0, f"  author = {{{rnd.choice(['Copas, Liz', 'Lea, Andrew', 'Barker, B. T. P.'])}}}")
        if k % 2:
            f += ["  journaltitle = {Long Ashton Report}", f"  pages = {{{k}--{k + 9}}}"]
            typ = "article"
        else:
            f += ["  publisher = {Long Ashton Research Station}"]
            typ = "book"
        if k % 16 == 2:
            f.append(f"  title = {{Second title {k}}}")
        if k % 21 == 4:
            f.append("  crossref = {proceedings1962}")
        out.append(f"@{typ}{{{key},\n" + ",\n".join(f) + "\n}\n")
    out.append(out[7].replace("title = {", "title = {Reprint: "))
    return "\n".join(out), keys


def report(root: Path, n_ch: int, secs: int, seed: int, engine: str = "pdf", fonts=("", "")) -> None:
    """orchard.tex, a report of `n_ch` chapters (one per variety) with faults put in: undefined references and
    citations, a label defined twice, long identifiers (overfull boxes), a missing image, an undefined macro,
    mismatched environments, a wide tabular."""
    rnd = random.Random(seed)
    b, keys = bib(rnd, 48)
    files = {"orchard.bib": b}
    pre = [r"\documentclass[10pt,a4paper]{report}"]
    if engine == "unicode":
        pre += [r"\usepackage{fontspec}", rf"\setmainfont{{{fonts[0]}}}", rf"\setsansfont{{{fonts[1]}}}"]
    else:
        pre += [r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}"]
    pre += [r"\usepackage[backend=biber,style=numeric]{biblatex}", r"\addbibresource{orchard.bib}",
            r"\usepackage{graphicx}", r"\usepackage{hyperref}", r"\title{Orchard and Cellar Handbook}",
            r"\author{Pomace Cider Cooperative}", r"\begin{document}", r"\maketitle", r"\tableofcontents"]
    body = []
    for c in range(1, n_ch + 1):
        v = VARIETIES[(c - 1) % len(VARIETIES)]
        lab = f"chap:{_slug(v)}{c}" if c not in (3, 11) else "chap:bittersweets"
        ch = [rf"\chapter{{{v}}}\label{{{lab}}}"]
        for s in range(secs):
            ch.append(rf"\section{{{rnd.choice(TERMS).capitalize()} of {v}}}\label{{sec:{c}-{s}}}")
            for _ in range(3):
                t = _sent(rnd, rnd.randint(60, 110))
                if rnd.random() < 0.3:
                    t += rf" The log \path{{{'/'.join(rnd.choice(TERMS) for _ in range(3))}}} is" if False else \
                        rf" Vat \texttt{{{'-'.join(rnd.choice(TERMS).upper() for _ in range(4))}}} holds it."
                if rnd.random() < 0.25:
                    t += rf" Compare \cite{{{rnd.choice(keys)}}} with section~\ref{{sec:{rnd.randint(1, n_ch)}-{secs}}}."
                ch.append(t + "\n")
        if c % 5 == 2:
            ch.append(rf"See the blend chart in figure~\ref{{fig:blend-{c}}} and \cite{{pickering{1900 + c}}}.")
        if c == 4:
            ch.append(r"Gravity is read with the \hydrometerSG{1.050} method.")
        if c == 6:
            ch.append(r"\begin{figure}\includegraphics{img/press-cheese-" + str(c) + r"}\caption{Cheese}\end{figure}")
        if c == 7:
            ch.append(r"\begin{itemize}\item rack \item bottle \end{enumerate}")
        if c == 9:
            ch.append(r"\begin{tabular}{llllll}Variety & SG & Acid & Tannin & Yield per tonne of fruit pressed "
                      r"& Notes on the sweating period before milling\\ " + v + r" & 1.058 & 0.25 & 0.21 & 690 & "
                      r"Sweat for two to three weeks under cover\\\end{tabular}")
        files[f"ch/ch{c:02d}.tex"] = "\n".join(ch) + "\n"
        body.append(rf"\include{{ch/ch{c:02d}}}")
    files["orchard.tex"] = "\n".join(pre + body + [r"\printbibliography", r"\end{document}"]) + "\n"
    write_tree(root, files)


def tex_steps(tmp: Path) -> None:
    big = tmp / "orchard-big"
    report(big, 30, 5, seed=130)
    mk = "latexmk -pdf -f -interaction=nonstopmode orchard.tex"
    cap("latexmk-orchard-first-tail-300", f"{mk} 2>&1 | tail -n 300", big, n_latexmk, timeout=900)
    cap("biber-orchard-big-tail-60-echo", "biber orchard 2>&1 | tail -n 60; echo EXIT=$?", big, n_biber)
    p = big / "ch" / "ch15.tex"
    p.write_text(p.read_text() + "\nSee \\ref{sec:cellar-temps} and \\cite{lea2015}.\\label{sec:3-0}\n")
    cap("latexmk-orchard-edit-grep-head-200", f"{mk} 2>&1 | grep -E 'Warning|Error|^!|^l\\.|Latexmk' | head -n 200",
        big, n_latexmk, timeout=900)
    small = tmp / "orchard-small"
    report(small, 7, 1, seed=1301)
    cap("latexmk-orchard-small-halt-echo", "latexmk -pdf -halt-on-error -interaction=nonstopmode orchard.tex; "
        "echo EXIT=$?", small, n_latexmk, timeout=600)
    lua = tmp / "orchard-lua"
    report(lua, 8, 2, seed=1302, engine="unicode", fonts=("Gentium Plus", "DejaVu Sans"))
    p = lua / "ch" / "ch02.tex"
    p.write_text(p.read_text() + "\nCellar marks: 🍎 🍐 ⚗ ℥ ᚨ and ☙ on each cask.\n")
    cap("lualatex-orchard-tail-200", "lualatex -interaction=nonstopmode orchard.tex 2>&1 | tail -n 200", lua,
        n_lualatex, timeout=600)
    cap("biber-orchard-lua-validate-echo", "biber --validate-datamodel orchard; echo EXIT=$?", lua, n_biber)
    lua2 = tmp / "orchard-lua2"
    report(lua2, 4, 2, seed=1303, engine="unicode", fonts=("DejaVu Serif", "Fira Sans"))
    p = lua2 / "ch" / "ch01.tex"
    p.write_text(p.read_text() + "\n\\fontspec{Latin Modern Roman}[Numbers=OldStyle] 1958 🍎 ⚗ ℥\n")
    cap("lualatex-orchard-small-echo", "lualatex -interaction=nonstopmode orchard.tex; echo EXIT=$?", lua2,
        n_lualatex, timeout=600)


def manual(root: Path, n_ch: int, seed: int) -> None:
    """press.texi: the press's manual with its own faults: xrefs to nodes that do not exist, a node named twice,
    an unknown @-command, a brace left open, @end for the wrong block, menus out of order."""
    rnd = random.Random(seed)
    names = [f"{VARIETIES[i % len(VARIETIES)]} Pressing" + ("" if i < len(VARIETIES) else f" {i}") for i in range(n_ch)]
    t = ["\\input texinfo", "@setfilename press.info", "@settitle The Rack and Cloth Press", "", "@node Top",
         "@top The Rack and Cloth Press", "", "@menu"]
    menu = names[:]
    if n_ch > 4:
        menu[1], menu[2] = menu[2], menu[1]
    t += [f"* {n}::" for n in menu] + ["@end menu", ""]
    for c, name in enumerate(names):
        t += [f"@node {name if c != 5 else names[2]}", f"@chapter {name}", f"@cindex {name}", ""]
        for s in range(2):
            t += [f"@section {rnd.choice(TERMS).capitalize()} step {c}.{s}", _sent(rnd, rnd.randint(30, 70))]
            r = rnd.random()
            if r < 0.25:
                t.append(f"@xref{{{rnd.choice(TERMS).capitalize()} Settings}}, for the pressure.")
            elif r < 0.4:
                t.append(f"Set @pressure{{{rnd.randint(2, 9)} bar}} before the cloth goes on.")
            elif r < 0.5:
                t.append("@table @code\n@item rack\nOne layer.\n@end itemize")
            elif r < 0.58:
                t.append(f"Turn the @emph{{{rnd.choice(TERMS)} screw until the juice runs clear.")
            elif r < 0.66:
                t.append(f"@ref{{{rnd.choice(names)}}} explains it.")
            t.append("")
    t += ["@node Index", "@unnumbered Index", "@printindex cp", "@bye"]
    write_tree(root, {"press.texi": "\n".join(t) + "\n"})


DB_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE article PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" '
           '"http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd">\n')


def cellar_article(root: Path, n: int, seed: int) -> None:
    """cellar.xml (DocBook 4.5 article): sect1s with their own faults: a duplicate id, xrefs to nothing, an
    undeclared element, procedures with no steps, a variablelist entry missing its term, an attribute not allowed."""
    rnd = random.Random(seed)
    x = [DB_HEAD, '<article id="cellar"><title>Cellar Routines</title>']
    for i in range(n):
        v = VARIETIES[i % len(VARIETIES)]
        sid = f"s-{_slug(v)}-{i}" if i not in (4, 13) else "s-racking"
        x.append(f'<sect1 id="{sid}"><title>{v}</title><para>{_sent(rnd, 40)}</para>')
        r = rnd.random()
        if r < 0.2:
            x.append(f'<para>Rack as in <xref linkend="s-rack-{i + 90}"/>.</para>')
        elif r < 0.35:
            x.append(f"<para>Gravity <gravity>1.0{rnd.randint(40, 70)}</gravity> at milling.</para>")
        elif r < 0.45:
            x.append("<procedure><title>Racking</title></procedure>")
        elif r < 0.55:
            x.append("<variablelist><varlistentry><listitem><para>SG</para></listitem></varlistentry></variablelist>")
        elif r < 0.62:
            x.append(f'<para colour="amber">{_sent(rnd, 12)}</para>')
        x.append(f"<para>{_sent(rnd, 30)}</para></sect1>")
    x.append("</article>")
    write_tree(root, {"cellar.xml": "\n".join(x) + "\n"})


OWN_XSL = """<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:key name="ids" match="*[@id]" use="@id"/>
  <xsl:template match="/">
    <xsl:for-each select="//sect1">
      <xsl:if test="count(key('ids', @id)) &gt; 1">
        <xsl:message>ERROR: duplicate section id <xsl:value-of select="@id"/></xsl:message>
      </xsl:if>
      <xsl:for-each select=".//xref[not(key('ids', @linkend))]">
        <xsl:message>WARNING: dangling xref <xsl:value-of select="@linkend"/> in <xsl:value-of select="ancestor::sect1/@id"/></xsl:message>
      </xsl:for-each>
      <xsl:value-of select="concat(@id, ': ', title, '&#10;')"/>
    </xsl:for-each>
    <xsl:value-of select="document('batches.xml')/batches/@count"/>
    <xsl:value-of select="format-number(//sect1[1]/title, '#.00')"/>
  </xsl:template>
</xsl:stylesheet>
"""


def supply_notes(root: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    md = ["---", "title: Supply notes", "bibliography: orchard.bib", "link-citations: true", "---", ""]
    for i in range(n):
        v = VARIETIES[i % len(VARIETIES)]
        md += [f"## {v}" + (" {#fruit}" if i in (2, 6, 11) else ""), "", _sent(rnd, 45), ""]
        if i % 4 == 0:
            md += [f"![Crates of {v}](photos/crates-{i}.jpg)", ""]
        if i % 3 == 1:
            md += [f"Yields follow [@copas{1990 + i}; @lea1970].", ""]
        if i % 7 == 5:
            md += [f"![Map](http://maps.pomace.invalid/{_slug(v)}.png)", ""]
        if i % 6 == 3:
            md += ["| Variety | SG |", "|---|---|", f"| {v} | 1.05{i % 10} |", ""]
    b, _ = bib(random.Random(seed), 40)
    write_tree(root, {"notes.md": "\n".join(md) + "\n", "orchard.bib": b})


def supply_graph(root: Path, n: int, seed: int) -> str:
    rnd = random.Random(seed)
    g = ["digraph supply {", "  rankdir=TB; ranksep=0.6; concentrate=yes; splines=orthogonal;",
         '  node [shape=record, fontname="Helvetica"];']
    for i in range(n):
        g.append(f'  o{i} [label="{{{VARIETIES[i % len(VARIETIES)]}|<in> in|<out> out}}", '
                 f'shape={rnd.choice(["record", "record", "Mrecord", "crate", "box"])}, '
                 f'fillcolor="{rnd.choice(["gold", "darkolivegreen", "cidergold", "#a0b", "tan"])}", style=filled];')
    for _ in range(int(n * 1.8)):
        a, b = rnd.randrange(n), rnd.randrange(n)
        g.append(f"  o{a}:{rnd.choice(['out', 'out', 'spout'])} -> o{b}:in "
                 f"[penwidth={rnd.choice(['1', '2', 'x'])}, arrowhead={rnd.choice(['vee', 'vee', 'funnel'])}];")
    g.append("}")
    return "\n".join(g) + "\n"


def doc_steps(tmp: Path) -> None:
    ti = tmp / "texinfo"
    manual(ti, 26, seed=130)
    cap("makeinfo-press-echo", "makeinfo press.texi; echo EXIT=$?", ti, n_makeinfo)
    cap("texi2any-html-press-head-80", "texi2any --html --no-split -o press.html press.texi 2>&1 | head -n 80", ti,
        n_texi2any)
    ti2 = tmp / "texinfo-big"
    manual(ti2, 90, seed=1304)
    cap("makeinfo-press-big-force-grep-v", "makeinfo --force --error-limit=800 press.texi 2>&1 | "
        "grep -v 'warning: node'", ti2, n_makeinfo)
    cap("texi2any-html-press-big-tail-150-echo", "texi2any --html --force --error-limit=800 press.texi 2>&1 | "
        "tail -n 150; echo EXIT=$?", ti2, n_texi2any)
    db = tmp / "docbook"
    cellar_article(db, 40, seed=130)
    write_tree(db, {"check.xsl": OWN_XSL})
    cap("xmllint-valid-cellar-echo", "xmllint --noout --valid --nonet cellar.xml; echo EXIT=$?", db, n_xmllint_valid)
    db2 = tmp / "docbook-big"
    cellar_article(db2, 160, seed=1305)
    write_tree(db2, {"check.xsl": OWN_XSL})
    cap("xmllint-valid-cellar-big-tail-200", "xmllint --noout --valid --nonet cellar.xml 2>&1 | tail -n 200", db2,
        n_xmllint_valid)
    dbx = "/usr/share/xml/docbook/stylesheet/docbook-xsl"
    cap("xsltproc-cellar-html-echo", f"xsltproc --nonet -o cellar.html {dbx}/html/docbook.xsl cellar.xml; "
        "echo EXIT=$?", db2, n_xsltproc)
    cap("xsltproc-cellar-fo-tail-80", f"xsltproc --nonet -o cellar.fo {dbx}/fo/docbook.xsl cellar.xml 2>&1 | "
        "tail -n 80", db, n_xsltproc)
    cap("xsltproc-own-check", "xsltproc --nonet check.xsl cellar.xml 2>&1 | grep -v '^s-'", db2, n_xsltproc)
    pd = tmp / "pandoc"
    supply_notes(pd, 36, seed=130)
    cap("pandoc-verbose-notes-html-echo", "pandoc --verbose -s --self-contained --citeproc --toc notes.md -o notes.html; "
        "echo EXIT=$?", pd, n_pandoc_verbose, timeout=300)
    cap("pandoc-verbose-notes-epub-tail-60", "pandoc --verbose --citeproc notes.md -o notes.epub 2>&1 | tail -n 60",
        pd, n_pandoc_verbose, timeout=300)
    cap("pandoc-verbose-notes-latex-head-100", "pandoc --verbose --citeproc -s notes.md -t latex -o notes.tex 2>&1 | "
        "grep -v '^ ' | head -n 100", pd, n_pandoc_verbose, timeout=300)
    gv = tmp / "graphs"
    write_tree(gv, {"supply.dot": supply_graph(gv, 120, seed=130), "supply-big.dot": supply_graph(gv, 240, seed=1306)})
    cap("dot-supply-svg-echo", "dot -Tsvg supply.dot -o supply.svg; echo EXIT=$?", gv, n_dot, timeout=600)
    bad = supply_graph(gv, 60, seed=1307).replace("o7:out -> ", "o7:out -> -> ", 1).rstrip("}\n")
    write_tree(gv, {"supply-bad.dot": bad + '\n  o9 [label="{open|<in>" ;\n  subgraph cluster_press { o1 o2 }\n}\n'})
    cap("dot-supply-bad-echo", "dot -Tsvg supply-bad.dot -o bad.svg; echo EXIT=$?; dot -Tsvg supply.dot -o supply.svg 2>&1 | "
        "sort | uniq -c | sort -rn | head -n 30", gv, n_dot, timeout=300)
    cap("dot-supply-big-png-grep-v", "dot -Tpng supply-big.dot -o supply.png 2>&1 | grep -v 'arrowhead'", gv, n_dot,
        timeout=600)


STEPS = [doc_steps, tex_steps]
