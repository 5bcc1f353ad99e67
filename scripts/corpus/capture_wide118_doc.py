"""Round 118's other document builds and the extractors of their kinds (NEEDLES.md, "Round 118"): the tide almanac's
Texinfo manual through makeinfo and texi2any --html, its DocBook guide through xmllint --valid and xsltproc, its
pandoc sources through pandoc --verbose, its harbour graphs through Graphviz dot; all written here by seeded generators
with faults put in. Run through capture_wide118.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_wide118 import cap, exit_lines
from capture_wide118_tex import PORTS, WORDS, _para

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

TEXI_LOC = re.compile(r"^(\S+?\.tex[i]?(?:nfo)?):\d+:(?: \(continued\))? (warning: )?")


def n_texinfo(lines):
    """Rules 1+3: every error line (file.texi:NN: without warning:, and every makeinfo: / texi2any: line); warnings one {any} per (message shape, file); EXIT=N."""
    out, warns = [], []
    for ln in lines:
        m = TEXI_LOC.match(ln)
        if m:
            if m.group(2):
                warns.append(((cm.mask(ln[m.end():]), m.group(1)), ln))
            else:
                out.append(ln)
        elif re.match(r"^(makeinfo|texi2any)(\.pl)?:", ln):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


n_makeinfo = cm.named("makeinfo-run", "build", n_texinfo.__doc__, n_texinfo)
n_texi2any = cm.named("texi2any-html", "build", n_texinfo.__doc__, n_texinfo)


@cm.kind("xsltproc-run", "build")
def n_xsltproc(lines):
    """Rules 1+3+5: every runtime error / compilation error / XPath error / xsltproc: / failed to load / error line and the line after a runtime error; xsl:message ERROR or WARNING lines one {any} per message shape; DocBook's no-template-matches lines one {any} per element; the first and last Writing line; EXIT=N."""
    out, msgs, notpl = [], [], []
    writing = [ln for ln in lines if ln.startswith("Writing ")]
    for i, ln in enumerate(lines):
        if re.search(r"but no template matches", ln):
            m = re.match(r"^Element (\S+)", ln)
            notpl.append((m.group(1) if m else ln, ln))
        elif re.search(r"runtime error", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.search(r"compilation error|XPath error|^xsltproc:|failed to load external entity|[Ee]rror", ln):
            out.append(ln)
        elif re.search(r"ERROR|WARNING|[Ww]arning", ln):
            msgs.append((cm.mask(ln), ln))
    return out + cm.groups(msgs) + cm.groups(notpl) + writing[:1] + writing[-1:] + exit_lines(lines)


@cm.kind("xmllint-valid", "lint")
def n_xmllint_valid(lines):
    """Rules 1+3: every validity error / parser error / namespace error line; the does-not-validate / fails-to-validate line; EXIT=N."""
    out = [ln for ln in lines if re.search(r"validity error|parser error|namespace error|does not validate|"
                                           r"fails to validate|validity warning", ln)]
    return out + exit_lines(lines)


@cm.kind("graphviz-dot", "build")
def n_dot(lines):
    """Rules 1+3: every Error: line and the syntax error in line N line; Warning: lines one {any} per message shape (names and numbers masked); EXIT=N."""
    out, warns = [], []
    for ln in lines:
        if re.search(r"Error:|syntax error in line", ln):
            out.append(ln)
        elif "Warning:" in ln:
            s = re.sub(r"Warning:\s*\S+?:", "Warning: <n>:", ln)
            s = re.sub(r"(node|edge|shape|color|attribute|port|cluster|font|file|image) \S+", r"\1 <x>", s)
            s = re.sub(r"\S+ -> \S+", "<e>", s)
            warns.append((cm.mask(s), ln))
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("pandoc-verbose", "build")
def n_pandoc_verbose(lines):
    """Rules 1+3+5: every [WARNING] Could not fetch resource / Citeproc citation not found / Duplicate line; other [WARNING] lines one {any} per message shape; every [ERROR] / pandoc: / Error line; the first and last [INFO] line; EXIT=N."""
    out, warns = [], []
    infos = [ln for ln in lines if ln.startswith("[INFO]")]
    for ln in lines:
        if ln.startswith("[WARNING]"):
            if re.search(r"Could not fetch resource|[Cc]itation .* not found|Duplicate", ln):
                out.append(ln)
            else:
                warns.append((cm.mask(ln), ln))
        elif re.match(r"^\[ERROR\]|^pandoc:|.*\bError\b|.*not found in resource path|^[Cc]ould not ", ln):
            out.append(ln)
    return out + cm.groups(warns) + infos[:1] + infos[-1:] + exit_lines(lines)


# ------------------------------------------------------------------ the Texinfo manual

def texinfo_manual(root: Path, n_ch: int, seed: int) -> None:
    """tidebook.texi: chapters of nodes with faults put in (references to nodes that do not exist, an unknown
    command, unclosed and unmatched environments, menus that disagree with the sectioning, a node defined twice)."""
    rnd = random.Random(seed)
    names = [f"{PORTS[i % len(PORTS)]} Tides" + ("" if i < len(PORTS) else f" {i}") for i in range(n_ch)]
    t = ["\\input texinfo", "@setfilename tidebook.info", "@settitle The Tide Book", "", "@node Top", "@top The Tide Book",
         "", "@menu"]
    t += [f"* {n}::" for n in (names if n_ch < 6 else names[:-2] + [names[-1], names[-2]])]
    t += ["@end menu", ""]
    for c, name in enumerate(names):
        t += [f"@node {name if not (c == 7) else names[3]}", f"@chapter {name}", f"@cindex {name}", ""]
        for s in range(3):
            t.append(f"@section {rnd.choice(WORDS).capitalize()} {c}.{s}")
            t.append(_para(rnd, rnd.randint(40, 80)))
            r = rnd.random()
            if r < 0.3:
                t.append(f"@xref{{{rnd.choice(PORTS)} Datum}}, for the chart datum.")
            elif r < 0.45:
                t.append(f"The @tidemark{{HW}} column is in metres, @pxref{{{rnd.choice(names)}}}.")
            elif r < 0.55:
                t.append(f"@strong{{Note:}} keep clear of the bar at {rnd.choice(PORTS)}.")
            elif r < 0.62:
                t.append("@example\nHW 01:12  4.2m\nLW 07:25  0.9m\n@end smallexample")
            elif r < 0.68:
                t.append(f"Use @code{{tide --port {rnd.choice(PORTS)} and the @var{{date}}.")
            t.append("")
    t += ["@node Index", "@unnumbered Index", "@printindex cp", "@bye"]
    cm.write_tree(root, {"tidebook.texi": "\n".join(t) + "\n"})


# ------------------------------------------------------------------ the DocBook guide

DB_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" '
           '"http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd">\n')


def docbook_guide(root: Path, n_ch: int, seed: int) -> None:
    """guide.xml (DocBook 4.5): chapters with faults put in: links to ids that do not exist, a duplicate id, an element
    the DTD does not declare, a para inside a title, a table whose rows have too many entries, a missing title."""
    rnd = random.Random(seed)
    x = [DB_HEAD, "<book id=\"tidebook\"><title>The Tide Guide</title>"]
    for c in range(n_ch):
        port = PORTS[c % len(PORTS)]
        cid = f"ch-{re.sub(r'[^a-z]', '', port.lower())}{c}" if c != 5 else "ch-datums"
        if c == 9:
            cid = "ch-datums"
        x.append(f'<chapter id="{cid}">' + ("" if c % 11 == 4 else f"<title>{port}</title>"))
        for s in range(3):
            x.append(f'<section id="s{c}-{s}"><title>{rnd.choice(WORDS).capitalize()}'
                     + ("<para>stray</para>" if rnd.random() < 0.08 else "") + "</title>")
            x.append(f"<para>{_para(rnd, 50)}</para>")
            r = rnd.random()
            if r < 0.25:
                x.append(f'<para>See <xref linkend="s{c + 40}-0"/> and <link linkend="tbl-{port.lower()}">'
                         "the table</link>.</para>")
            elif r < 0.4:
                x.append(f"<para>High water <tide>01:12</tide> at {port}.</para>")
            elif r < 0.5:
                x.append('<informaltable><tgroup cols="2"><tbody><row><entry>HW</entry><entry>01:12</entry>'
                         "<entry>4.2</entry></row></tbody></tgroup></informaltable>")
            elif r < 0.55:
                x.append("<itemizedlist></itemizedlist>")
            x.append("</section>")
        x.append("</chapter>")
    x.append("</book>")
    cm.write_tree(root, {"guide.xml": "\n".join(x) + "\n"})


OWN_XSL = """<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:for-each select="//chapter">
      <xsl:if test="not(title)">
        <xsl:message>WARNING: chapter <xsl:value-of select="@id"/> has no title</xsl:message>
      </xsl:if>
      <xsl:for-each select=".//xref">
        <xsl:if test="not(id(@linkend))">
          <xsl:message>ERROR: xref to <xsl:value-of select="@linkend"/> in <xsl:value-of select="ancestor::chapter/@id"/> has no target</xsl:message>
        </xsl:if>
      </xsl:for-each>
      <xsl:value-of select="title"/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    BROKEN
  </xsl:template>
</xsl:stylesheet>
"""

BAD_XSL = """<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:value-of select="count(//chapter[title)"/>
    <xsl:value-of select="$tide-epoch"/>
    <xsl:call-template name="port-table"/>
    <xsl:apply-templates select="//section" mode="toc"/>
    <xsl:value-of select="tide:height(., 'HW')" xmlns:tide="urn:tidebook:ext"/>
    <xsl:for-each select="//chapter[@id = $missing-param]"><xsl:value-of select="title"/></xsl:for-each>
    <xsl:sort select="@id"/>
  </xsl:template>
</xsl:stylesheet>
"""

RUNTIME_XSL = """<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html"/>
  <xsl:template match="/">
    <xsl:for-each select="//section">
      <xsl:variable name="n" select="document(concat('tables/', @id, '.xml'))"/>
      <xsl:if test="not($n)"><xsl:message>WARNING: no tide table for <xsl:value-of select="@id"/></xsl:message></xsl:if>
    </xsl:for-each>
    <xsl:message terminate="yes">ERROR: guide has duplicate chapter id ch-datums</xsl:message>
  </xsl:template>
</xsl:stylesheet>
"""


# ------------------------------------------------------------------ pandoc sources and graphs

def pandoc_src(root: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    md = ["---", "title: Tide notes", "bibliography: refs.bib", "---", ""]
    for i in range(n):
        port = PORTS[i % len(PORTS)]
        md += [f"# {port}" + (" {#datums}" if i in (3, 8) else ""), "", _para(rnd, 60), ""]
        if i % 3 == 0:
            md += [f"![Tide curve at {port}](figures/curve-{i}.png)", ""]
        if i % 4 == 1:
            md += [f"Harmonic analysis [@doodson19{i:02d}; @pugh1987].", ""]
        if i % 5 == 2:
            md += [f"![Chart](https://charts.example.invalid/{port.lower()}.png)", ""]
        md += [f"## Notes", ""]
    bib = "\n".join(f"@article{{pugh19{k},\n  author = {{Pugh, D.}},\n  title = {{Tides {k}}},\n  year = {{19{k}}},\n"
                    "  journal = {Proc.}\n}\n" for k in range(80, 90))
    cm.write_tree(root, {"notes.md": "\n".join(md) + "\n", "refs.bib": bib})


def graphs(root: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    g = ["digraph harbour {", "  rankdir=LR; overlap=tidal; splines=curvy;", "  node [shape=box];"]
    for i in range(n):
        shape = rnd.choice(["box", "ellipse", "buoy", "beacon", "box", "ellipse"])
        g.append(f'  p{i} [label="{PORTS[i % len(PORTS)]}", shape={shape}, color="{rnd.choice(["navy", "seagreen", "harbourblue", "#12345"])}"];')
    for i in range(n * 2):
        a, b = rnd.randrange(n), rnd.randrange(n)
        port = rnd.choice(["", ":n", ":quay", ":e"])
        g.append(f"  p{a}{port} -> p{b} [weight={rnd.choice(['1', '2', '3'])}, arrowhead={rnd.choice(['normal', 'normal', 'anchor'])}];")
    g.append('  subgraph cluster_0 { label="Solent"; p1; p2; }')
    g.append("  p3 -> cluster_0 [lhead=cluster_0];")
    g.append("}")
    cm.write_tree(root, {"harbour.dot": "\n".join(g) + "\n"})
    bad = "\n".join(g[:-1] + ["  p7 -> p8 [weight=2a];", "  p4 -> -> p5;", "  p6 [label=<unclosed>;", "}"])
    cm.write_tree(root, {"harbour-bad.dot": bad + "\n"})


def doc_steps(tmp: Path) -> None:
    ti = tmp / "texinfo"
    texinfo_manual(ti, 30, seed=118)
    cap("makeinfo-manual", "makeinfo tidebook.texi", ti, n_makeinfo)
    cap("makeinfo-nosplit-echo", "makeinfo --no-split --error-limit=500 tidebook.texi; echo EXIT=$?", ti, n_makeinfo)
    cap("makeinfo-head", "makeinfo tidebook.texi 2>&1 | head -n 60", ti, n_makeinfo)
    ti2 = tmp / "texinfo-big"
    texinfo_manual(ti2, 120, seed=1187)
    cap("makeinfo-big-force-tail", "makeinfo --force --error-limit=1000 tidebook.texi 2>&1 | tail -n 300", ti2,
        n_makeinfo)
    cap("texi2any-html", "texi2any --html tidebook.texi", ti, n_texi2any)
    cap("texi2any-html-nosplit-echo", "texi2any --html --no-split --error-limit=1000 -o tidebook.html "
        "tidebook.texi; echo EXIT=$?", ti2, n_texi2any)
    cap("texi2any-html-grep", "texi2any --html --force tidebook.texi 2>&1 | grep -v 'warning: @strong' ", ti2,
        n_texi2any)
    # DocBook
    db = tmp / "docbook"
    docbook_guide(db, 24, seed=118)
    cm.write_tree(db, {"toc.xsl": OWN_XSL, "bad.xsl": BAD_XSL, "tables.xsl": RUNTIME_XSL})
    cap("xmllint-valid-guide-echo", "xmllint --noout --valid --nonet guide.xml; echo EXIT=$?", db, n_xmllint_valid)
    db2 = tmp / "docbook-big"
    docbook_guide(db2, 90, seed=1188)
    cm.write_tree(db2, {"toc.xsl": OWN_XSL, "tables.xsl": RUNTIME_XSL})
    cap("xmllint-valid-big-head", "xmllint --noout --valid --nonet guide.xml 2>&1 | head -n 400", db2,
        n_xmllint_valid)
    dbx = "/usr/share/xml/docbook/stylesheet/docbook-xsl"
    cap("xsltproc-docbook-chunk", f"xsltproc --nonet {dbx}/html/chunk.xsl guide.xml", db, n_xsltproc)
    cap("xsltproc-docbook-fo-tail", f"xsltproc --nonet -o guide.fo {dbx}/fo/docbook.xsl guide.xml 2>&1 | tail -n 100; "
        "echo EXIT=$?", db2, n_xsltproc)
    cap("xsltproc-own-messages", "xsltproc --nonet toc.xsl guide.xml", db2, n_xsltproc)
    cap("xsltproc-compile-error-echo", "xsltproc bad.xsl guide.xml; echo EXIT=$?; xsltproc --nonet toc.xsl guide.xml 2>&1 | head -n 30", db, n_xsltproc)
    cap("xsltproc-runtime-terminate", "xsltproc --nonet tables.xsl guide.xml 2>&1 | grep -v '^$'; echo EXIT=$?", db2,
        n_xsltproc)
    # pandoc
    pd = tmp / "pandoc"
    pandoc_src(pd, 40, seed=118)
    cap("pandoc-verbose-html", "pandoc --verbose -s --self-contained --citeproc notes.md -o notes.html", pd,
        n_pandoc_verbose, timeout=300)
    cap("pandoc-verbose-docx-echo", "pandoc --verbose --citeproc notes.md -o notes.docx; echo EXIT=$?", pd,
        n_pandoc_verbose, timeout=300)
    cap("pandoc-verbose-latex-tail", "pandoc --verbose --citeproc -s notes.md -t latex -o notes.tex 2>&1 | tail -n 80",
        pd, n_pandoc_verbose, timeout=300)
    # graphviz
    gv = tmp / "graphs"
    graphs(gv, 160, seed=118)
    cap("dot-harbour-svg", "dot -Tsvg harbour.dot -o harbour.svg", gv, n_dot)
    cap("dot-harbour-bad-echo", "dot -Tpng harbour.dot -o harbour.png 2>&1 | tail -n 30; dot -Tpng harbour-bad.dot "
        "-o harbour-bad.png; echo EXIT=$?", gv, n_dot)
    cap("neato-harbour-tail", "neato -Tsvg harbour.dot -o /dev/null 2>&1 | tail -n 60; echo EXIT=$?", gv, n_dot)
    gv2 = tmp / "graphs-big"
    graphs(gv2, 260, seed=1189)
    cap("dot-harbour-big-grep", "dot -v -Tpdf harbour.dot -o harbour.pdf 2>&1 | grep -v '^$'", gv2, n_dot,
        timeout=600)


STEPS = [doc_steps]
