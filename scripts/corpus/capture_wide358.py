#!/usr/bin/env python3
"""Capture round 358 of the compression corpus: data-format validators and converters run on config and data files
(Debian 12's xmllint with RELAX NG and Schematron, xmlstarlet val/sel/ed, jing, Saxon-HE through java -jar, ICU's
uconv; PyPI's xmlschema-validate, openapi-spec-validator, chardetect, remarshal and the Python yq in the round's venv),
on an apiary cooperative's hive inspections, sites, swarm reports and API written here with faults put in (invalid
documents, schema violations, malformed XML, wrong encodings, broken YAML/TOML/JSON, undeclared XPath variables).
Every kind is new to the corpus; the extractors below apply NEEDLES.md's "Round 358" rules, fixed before capture.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide358.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide358.json  as {"version": 2, "items": [...]}, ids prefixed "wide358-".
"""

from __future__ import annotations

import json
import shlex
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind  # noqa: E402
from capture_wide224 import pick, shaped  # noqa: E402
from capture_wide350 import diag  # noqa: E402

ID_PREFIX = "wide358-"
DEFAULT_OUT = HERE / "data" / "wide358.json"
TMP = Path(os.environ.get("HM_WIDE358_TMP", "/dev/shm/hm-corpus-wide358"))
VENV = Path(os.environ.get("HM_WIDE358_VENV", "/dev/shm/hm-corpus-wide358-venv"))
SAXON = "/usr/share/java/Saxon-HE.jar"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 358")

VERDICT = r"validates|fails to validate|failed to compile"


@kind("xmllint-relaxng", "lint")
def n_relaxng(lines):
    """Rule 1+3: DIAG, every verdict line (`validates`, `fails to validate`, `failed to compile`)."""
    return diag(lines) + pick(lines, VERDICT)


@kind("xmllint-schematron", "lint")
def n_schematron(lines):
    """Rule 1+2+3: DIAG, every `/path line N: message` report line (a shape on more than 3 lines as one {"any"}), verdict lines."""
    reports = [ln for ln in lines if re.search(r"^/\S* line \d+:", ln)]
    return diag(lines) + shaped(reports) + pick(lines, VERDICT)


@kind("xmlstarlet-val", "lint")
def n_xmlstarlet_val(lines):
    """Rule 1+4: DIAG, every `file:line.col:` error line (-e), every `- invalid` line, the `- valid` lines as one {"any"}."""
    # The `file:line.col:` reading was added after the first capture run: the rule said DIAG covers -e's error lines,
    # but many of them (`This element is not expected`, `is not a valid value`) hold none of DIAG's words.
    inval = pick(lines, r"^[\w./-]+:\d+\.\d+: ") + pick(lines, r" - invalid\s*$")
    val = pick(lines, r" - valid\s*$")
    return diag(lines) + inval + ([cm.any_of(val)] if val else [])


def _num(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


@kind("xmlstarlet-sel", "table")
def n_xmlstarlet_sel(lines):
    """Rule 1+4: DIAG, the header row, per column min/max rows (all-numeric) or rare-value rows (commonest value covers half)."""
    body = [ln for ln in lines if ln.strip()]
    out = diag(lines)
    if not body:
        return out
    head = body[0]
    names = head.split()
    rows = [(ln, ln.split(None, len(names) - 1)) for ln in body[1:] if ln != head]
    rows = [(ln, cells) for ln, cells in rows if len(cells) == len(names)]
    out.append(head)
    for c in range(len(names)):
        vals = [cells[c] for _, cells in rows]
        if not vals:
            continue
        nums = [_num(v) for v in vals]
        if all(n is not None for n in nums):
            lo, hi = min(nums), max(nums)
            out.append(cm.any_of([ln for (ln, _), n in zip(rows, nums) if n == lo]))
            out.append(cm.any_of([ln for (ln, _), n in zip(rows, nums) if n == hi]))
        else:
            cnt = Counter(vals)
            if cnt.most_common(1)[0][1] * 2 >= len(vals):
                out += [ln for (ln, _), v in zip(rows, vals) if cnt[v] <= 2]
    return out


def ed_extractor(values: list[str]):
    """xmlstarlet ed's extractor, given the values the command's -v arguments set."""
    def ext(lines):
        out = diag(lines) + pick(lines, r"^<\?xml")
        root = next((ln for ln in lines if re.match(r"^<[A-Za-z]", ln)), None)
        if root:
            out.append(root)
        for v in values:
            out += [ln for ln in lines if v in ln]
        return out
    ext.__doc__ = ("Rule 1+5+6: DIAG, the `<?xml` line, the root element's opening line, every line holding a value "
                   "the command's -v arguments set.")
    ext.kind = "xmlstarlet-ed"
    return ext


cm.KINDS["xmlstarlet-ed"] = "doc"


@kind("jing", "lint")
def n_jing(lines):
    """Rule 1: DIAG (jing's `file:line:col: error:` lines; a shape on more than 3 lines as one {"any"})."""
    return diag(lines)


@kind("saxon-xslt", "build")
def n_saxon(lines):
    """Rule 1+3: DIAG, every line with an error code [A-Z]{4}dddd or a stylesheet place, xsl:message WARN/ERROR/Terminat lines, closing failure lines."""
    return diag(lines) + pick(lines, r"\b[A-Z]{4}\d{4}\b|on line \d+|at char \d+|line \d+ of|^(WARN|ERROR|Terminat)"
                              r"|Errors were reported|Transformation failed")


@kind("xmlschema-validate", "lint")
def n_xmlschema(lines):
    """Rule 1+3: DIAG, every `Reason:`/`Path:`/`is not valid`/`is valid`/`validation error` line, the first non-blank line after `Reason:`."""
    out = diag(lines) + pick(lines, r"Reason:|Path:|is not valid|is valid|validation error")
    for i, ln in enumerate(lines):
        if "Reason:" in ln:
            nx = next((x for x in lines[i + 1:] if x.strip()), None)
            if nx:
                out.append(nx)
    return out


@kind("openapi-spec-validator", "lint")
def n_openapi(lines):
    """Rule 1+3: DIAG, per-file verdict lines (`: OK`, `Validation Error`, `Error`), `Failed validating` and `On instance` lines, each report's message line."""
    out = diag(lines) + pick(lines, r": OK\s*$|Validation Error|Error|^Failed validating|On instance")
    for i, ln in enumerate(lines):
        if re.search(r"Validation Error|: Error", ln):
            nx = next((x for x in lines[i + 1:] if x.strip()), None)
            if nx:
                out.append(nx)
    return out


@kind("uconv-error", "log")
def n_uconv(lines):
    """Rule 1+5: DIAG, every line naming an offset/position/byte/line of a failure, the first and last line of converted text."""
    out = diag(lines) + pick(lines, r"offset|position|byte|line \d+")
    text = [ln for ln in lines if ln.strip() and not re.search(r"uconv|EXIT=|^==", ln)]
    if text:
        out += [text[0], text[-1]]
    return out


@kind("yq-error", "lint")
def n_yq(lines):
    """Rule 1: DIAG, every `line N, column N` place line, every `yq:` line."""
    return diag(lines) + pick(lines, r"line \d+, column \d+|^yq:")


@kind("chardetect", "listing")
def n_chardetect(lines):
    """Rule 1+4: DIAG, rows with an encoding in at most 2 rows (commonest covers half), min/max confidence rows, `no result`/None rows."""
    rows = []
    for ln in lines:
        m = re.match(r"^(.+?): (\S+) with confidence ([\d.]+)", ln)
        if m:
            rows.append((ln, m.group(2), float(m.group(3))))
    out = diag(lines) + pick(lines, r"no result|None")
    if rows:
        cnt = Counter(r[1] for r in rows)
        if cnt.most_common(1)[0][1] * 2 >= len(rows):
            out += [r[0] for r in rows if cnt[r[1]] <= 2]
        lo, hi = min(r[2] for r in rows), max(r[2] for r in rows)
        out.append(cm.any_of([r[0] for r in rows if r[2] == lo]))
        out.append(cm.any_of([r[0] for r in rows if r[2] == hi]))
    return out


@kind("remarshal", "doc")
def n_remarshal(lines):
    """Rule 1+6: DIAG, every place line (`line N`, `line:`, `column`, `char N`, `pos`), TOML table headers, top-level YAML keys, top-level JSON keys."""
    out = diag(lines) + pick(lines, r"line \d+|line:|column|char \d+|\bpos\b")
    out += pick(lines, r"^\[\[?[\w.\"-]+\]\]?\s*$|^[A-Za-z_][\w-]*:(\s|$)|^  \"[^\"]+\":")
    return out


# ------------------------------------------------------------------ material: an apiary cooperative

APIARIES = ["heathfield", "orchard-row", "millbrook", "clover-lea", "stonegate", "willow-bank", "foxcote"]
BREEDS = ["carniolan", "buckfast", "italian", "native-black"]
TEMPER = ["calm", "calm", "calm", "nervous", "defensive"]


def inspections_xml(seed: int, n: int, faults: dict[int, str]) -> str:
    """Hive inspections; faults by index: missing-mites, bad-date, extra, bad-frames, bad-temper, no-id, malformed."""
    r = random.Random(seed)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<inspections cooperative="Vale Apiarists">']
    for i in range(n):
        f = faults.get(i, "")
        hid = f"H{seed % 100:02d}-{i:03d}"
        day = f"2026-{r.randint(4, 9):02d}-{r.randint(1, 28):02d}"
        if f == "bad-date":
            day = f"{r.randint(1, 28)}/{r.randint(4, 9)}/2026"
        idattr = "" if f == "no-id" else f' id="{hid}"'
        out.append(f'  <inspection{idattr} date="{day}">')
        out.append(f'    <apiary>{r.choice(APIARIES)}</apiary>')
        out.append(f'    <breed>{r.choice(BREEDS)}</breed>')
        frames = "twelve" if f == "bad-frames" else str(r.randint(4, 11))
        out.append(f'    <frames>{frames}</frames>')
        if f != "missing-mites":
            out.append(f'    <mites>{r.choice([r.randint(0, 12), r.randint(0, 12), r.randint(20, 60)])}</mites>')
        temper = "furious" if f == "bad-temper" else r.choice(TEMPER)
        out.append(f'    <temper>{temper}</temper>')
        out.append(f'    <queen seen="{r.choice(["yes", "yes", "no"])}"/>')
        if f == "extra":
            out.append('    <smoker>pine needles</smoker>')
        if f == "malformed":
            out.append('    <notes>brood pattern patchy')
        else:
            out.append(f'    <notes>{r.choice(["brood solid", "stores low", "queen cells seen", "added super", ""])}</notes>')
        out.append('  </inspection>')
    out.append('</inspections>')
    return "\n".join(out) + "\n"


RNG = """<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <element name="inspections">
      <attribute name="cooperative"/>
      <oneOrMore>
        <element name="inspection">
          <attribute name="id"><data type="string"><param name="pattern">H\\d{2}-\\d{3}</param></data></attribute>
          <attribute name="date"><data type="date"/></attribute>
          <element name="apiary"><text/></element>
          <element name="breed"><choice><value>carniolan</value><value>buckfast</value><value>italian</value><value>native-black</value></choice></element>
          <element name="frames"><data type="integer"/></element>
          <element name="mites"><data type="nonNegativeInteger"/></element>
          <element name="temper"><choice><value>calm</value><value>nervous</value><value>defensive</value></choice></element>
          <element name="queen"><attribute name="seen"><choice><value>yes</value><value>no</value></choice></attribute></element>
          <element name="notes"><text/></element>
        </element>
      </oneOrMore>
    </element>
  </start>
</grammar>
"""

RNC = """datatypes xsd = "http://www.w3.org/2001/XMLSchema-datatypes"
start = element inspections {
  attribute cooperative { text },
  element inspection {
    attribute id { xsd:string { pattern = "H\\d{2}-\\d{3}" } },
    attribute date { xsd:date },
    element apiary { text },
    element breed { "carniolan" | "buckfast" | "italian" | "native-black" },
    element frames { xsd:integer },
    element mites { xsd:nonNegativeInteger },
    element temper { "calm" | "nervous" | "defensive" },
    element queen { attribute seen { "yes" | "no" } },
    element notes { text }
  }+
}
"""

XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="temperType"><xs:restriction base="xs:string">
    <xs:enumeration value="calm"/><xs:enumeration value="nervous"/><xs:enumeration value="defensive"/>
  </xs:restriction></xs:simpleType>
  <xs:element name="inspections"><xs:complexType><xs:sequence>
    <xs:element name="inspection" maxOccurs="unbounded"><xs:complexType><xs:sequence>
      <xs:element name="apiary" type="xs:string"/>
      <xs:element name="breed" type="xs:string"/>
      <xs:element name="frames" type="xs:positiveInteger"/>
      <xs:element name="mites" type="xs:nonNegativeInteger"/>
      <xs:element name="temper" type="temperType"/>
      <xs:element name="queen"><xs:complexType><xs:attribute name="seen" type="xs:string" use="required"/></xs:complexType></xs:element>
      <xs:element name="notes" type="xs:string"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:ID" use="required"/>
    <xs:attribute name="date" type="xs:date" use="required"/>
    </xs:complexType></xs:element>
  </xs:sequence>
  <xs:attribute name="cooperative" type="xs:string"/>
  </xs:complexType></xs:element>
</xs:schema>
"""

DTD = """<!ELEMENT inspections (inspection+)>
<!ATTLIST inspections cooperative CDATA #REQUIRED>
<!ELEMENT inspection (apiary, breed, frames, mites, temper, queen, notes)>
<!ATTLIST inspection id ID #REQUIRED date CDATA #REQUIRED>
<!ELEMENT apiary (#PCDATA)>
<!ELEMENT breed (#PCDATA)>
<!ELEMENT frames (#PCDATA)>
<!ELEMENT mites (#PCDATA)>
<!ELEMENT temper (#PCDATA)>
<!ELEMENT queen EMPTY>
<!ATTLIST queen seen (yes|no) #REQUIRED>
<!ELEMENT notes (#PCDATA)>
"""

SCH = """<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="http://purl.oclc.org/dsdl/schematron">
  <pattern id="varroa">
    <rule context="inspection">
      <assert test="number(mites) &lt;= 15">mite count above the treatment threshold (15 per 300 bees)</assert>
      <assert test="number(frames) &gt;= 5">colony on fewer than five frames: consider uniting</assert>
      <report test="temper = 'defensive'">defensive colony: requeen before autumn</report>
    </rule>
  </pattern>
  <pattern id="records">
    <rule context="inspection">
      <assert test="@id">inspection without an id</assert>
      <assert test="string-length(notes) &gt; 0">inspection notes left empty</assert>
    </rule>
  </pattern>
</schema>
"""


def cap_xml(tmp: Path) -> None:
    d = tmp / "xml"
    d.mkdir()
    cm.write_tree(d, {"schema/inspection.rng": RNG, "schema/inspection.rnc": RNC, "schema/inspection.xsd": XSD,
                      "schema/inspection.dtd": DTD, "schema/varroa.sch": SCH})
    (d / "schema/broken.rng").write_text(RNG.replace("<text/></element>\n          <element name=\"breed\">",
                                                     "<text/>\n          <element name=\"breed\">", 1))
    files = {
        "spring.xml": inspections_xml(3581, 14, {}),
        "summer.xml": inspections_xml(3582, 40, {3: "bad-date", 9: "missing-mites", 17: "bad-temper", 25: "extra",
                                                 31: "bad-frames"}),
        "autumn.xml": inspections_xml(3583, 30, {5: "no-id", 12: "bad-temper", 22: "bad-date"}),
        "swarm_log.xml": inspections_xml(3584, 8, {4: "malformed"}),
        "big.xml": inspections_xml(3585, 260, {k: ["bad-date", "missing-mites", "bad-temper", "extra", "bad-frames",
                                                   "no-id"][k % 6] for k in range(7, 260, 23)}),
        "orchard.xml": inspections_xml(3586, 90, {11: "bad-temper", 47: "bad-frames"}),
    }
    files["archive/huge.xml"] = inspections_xml(3587, 1500, {k: ["bad-date", "missing-mites", "bad-temper", "extra",
                                                                 "bad-frames", "no-id"][k % 6] for k in range(5, 1500, 9)})
    for k in range(12):
        files[f"sites/site_{k:02d}.xml"] = inspections_xml(3590 + k, 6 + k, {2: "bad-date"} if k in (3, 7) else
                                                           {1: "extra"} if k == 10 else {})
    cm.write_tree(d, files)
    # xmllint --relaxng
    cap("relaxng-three", "xmllint --noout --relaxng schema/inspection.rng spring.xml summer.xml autumn.xml; echo EXIT=$?",
        d, n_relaxng, timeout=60)
    cap("relaxng-big", "xmllint --noout --relaxng schema/inspection.rng big.xml orchard.xml swarm_log.xml; echo EXIT=$?",
        d, n_relaxng, timeout=60)
    cap("relaxng-broken-schema", "xmllint --noout --relaxng schema/broken.rng summer.xml spring.xml; echo EXIT=$?",
        d, n_relaxng, timeout=60)
    cap("relaxng-huge", "xmllint --noout --relaxng schema/inspection.rng archive/huge.xml; echo EXIT=$?", d, n_relaxng,
        timeout=60)
    # xmllint --schematron
    cap("schematron-summer", "xmllint --noout --schematron schema/varroa.sch summer.xml; echo EXIT=$?", d,
        n_schematron, timeout=60)
    cap("schematron-big", "xmllint --noout --schematron schema/varroa.sch big.xml; echo EXIT=$?", d, n_schematron,
        timeout=60)
    cap("schematron-sites", "xmllint --noout --schematron schema/varroa.sch spring.xml sites/*.xml; echo EXIT=$?", d,
        n_schematron, timeout=60)
    cap("schematron-huge", "xmllint --noout --schematron schema/varroa.sch archive/huge.xml; echo EXIT=$?", d,
        n_schematron, timeout=60)
    # xmlstarlet val
    cap("xsval-xsd", "xmlstarlet val -e -s schema/inspection.xsd spring.xml summer.xml autumn.xml swarm_log.xml; "
        "echo EXIT=$?", d, n_xmlstarlet_val, timeout=60)
    cap("xsval-sites", "xmlstarlet val -s schema/inspection.xsd sites/*.xml *.xml; echo EXIT=$?", d, n_xmlstarlet_val,
        timeout=60)
    cap("xsval-dtd-big", "xmlstarlet val -e -d schema/inspection.dtd big.xml orchard.xml; echo EXIT=$?", d,
        n_xmlstarlet_val, timeout=60)
    cap("xsval-rng", "xmlstarlet val -e -r schema/inspection.rng orchard.xml autumn.xml sites/site_03.xml; echo EXIT=$?",
        d, n_xmlstarlet_val, timeout=60)
    # xmlstarlet sel (tables)
    sel = ("xmlstarlet sel -T -t -o 'id apiary breed frames mites temper' -n -m //inspection -v @id -o ' ' -v apiary "
           "-o ' ' -v breed -o ' ' -v frames -o ' ' -v mites -o ' ' -v temper -n {f}")
    cap("sel-orchard", sel.format(f="orchard.xml"), d, n_xmlstarlet_sel, timeout=60)
    cap("sel-big", sel.format(f="big.xml"), d, n_xmlstarlet_sel, timeout=60)
    cap("sel-huge", sel.format(f="archive/huge.xml"), d, n_xmlstarlet_sel, timeout=60)
    cap("sel-summer-malformed", sel.format(f="summer.xml swarm_log.xml") + "; echo EXIT=$?", d, n_xmlstarlet_sel,
        timeout=60)
    sel2 = ("xmlstarlet sel -T -t -o 'id date queen_seen mites' -n -m //inspection -v @id -o ' ' -v @date -o ' ' "
            "-v queen/@seen -o ' ' -v mites -n autumn.xml orchard.xml sites/*.xml")
    cap("sel-queens-sites", sel2, d, n_xmlstarlet_sel, timeout=60)
    # xmlstarlet ed
    ed1 = ("xmlstarlet ed -u '//inspection[mites>30]/notes' -v 'TREAT: oxalic acid dribble' "
           "-i '//inspection[temper=\"defensive\"]' -t attr -n requeen -v 'due-september' orchard.xml")
    cap("ed-orchard", ed1, d, ed_extractor(["TREAT: oxalic acid dribble", "due-september"]), timeout=60)
    ed2 = ("xmlstarlet ed -d '//inspection[queen/@seen=\"no\"]/notes' -s '/inspections' -t elem -n audited "
           "-v 'by K. Ashdown 2026-10-02' autumn.xml swarm_log.xml; echo EXIT=$?")
    cap("ed-autumn-malformed", ed2, d, ed_extractor(["by K. Ashdown 2026-10-02"]), timeout=60)
    ed3 = ("xmlstarlet ed -u '//inspection/breed[.=\"italian\"]' -v 'ligustica' -u '//inspections/@cooperative' "
           "-v 'Vale & Wold Apiarists' summer.xml | head -n 200")
    cap("ed-summer-head", ed3, d, ed_extractor(["ligustica", "Vale &amp; Wold Apiarists"]), timeout=60)
    # jing
    cap("jing-rng", "jing schema/inspection.rng summer.xml autumn.xml spring.xml; echo EXIT=$?", d, n_jing, timeout=120)
    cap("jing-rnc-big", "jing -c schema/inspection.rnc big.xml orchard.xml swarm_log.xml; echo EXIT=$?", d, n_jing,
        timeout=120)
    cap("jing-sites", "jing -c schema/inspection.rnc sites/*.xml; echo EXIT=$?", d, n_jing, timeout=120)


XSL_OK = """<?xml version="1.0"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:text>id,apiary,date,mites&#10;</xsl:text>
    <xsl:for-each select="//inspection">
      <xsl:if test="number(mites) &gt; 30"><xsl:message>WARN high varroa in <xsl:value-of select="@id"/></xsl:message></xsl:if>
      <xsl:value-of select="string-join((@id, apiary, @date, mites), ',')"/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
"""

XSL_UNDECLARED = XSL_OK.replace("string-join((@id, apiary, @date, mites), ',')",
                                "string-join((@id, apiary, @date, mites, $season), ',')").replace(
    "<xsl:if test=\"number(mites) &gt; 30\">", "<xsl:if test=\"number(mites) &gt; $threshold\">")

XSL_DATES = XSL_OK.replace("string-join((@id, apiary, @date, mites), ',')",
                           "string-join((@id, apiary, string(month-from-date(xs:date(@date))), mites), ',')")

XSL_TERMINATE = XSL_OK.replace(
    "<xsl:for-each select=\"//inspection\">",
    "<xsl:for-each select=\"//inspection\">\n      <xsl:if test=\"not(@id)\"><xsl:message terminate=\"yes\">ERROR "
    "inspection without id on <xsl:value-of select=\"@date\"/></xsl:message></xsl:if>")

XSL_SYNTAX = XSL_OK.replace("<xsl:value-of select=\"string-join((@id, apiary, @date, mites), ',')\"/>",
                            "<xsl:value-of select=\"string-join((@id, apiary, @date, mites), ',')\"/>\n      "
                            "<xsl:value-of select=\"sum(mites) div\"/>\n      <xsl:sort select=\"@date\"/>")


def cap_saxon(tmp: Path) -> None:
    d = tmp / "xml"
    cm.write_tree(d, {"xsl/export.xsl": XSL_OK, "xsl/season.xsl": XSL_UNDECLARED, "xsl/months.xsl": XSL_DATES,
                      "xsl/strict.xsl": XSL_TERMINATE, "xsl/typo.xsl": XSL_SYNTAX})
    j = f"java -jar {SAXON}"
    typed = "java -jar /usr/share/java/Saxon-HE.jar"
    for iid, args in [("saxon-export-big", "-s:big.xml -xsl:xsl/export.xsl"),
                      ("saxon-export-orchard-t", "-t -s:orchard.xml -xsl:xsl/export.xsl"),
                      ("saxon-undeclared", "-t -s:summer.xml -xsl:xsl/season.xsl"),
                      ("saxon-bad-dates", "-s:summer.xml -xsl:xsl/months.xsl"),
                      ("saxon-terminate", "-s:autumn.xml -xsl:xsl/strict.xsl"),
                      ("saxon-compile-errors", "-t -s:orchard.xml -xsl:xsl/typo.xsl")]:
        cmd = "{j} " + args + " 2>&1 | head -n 400; echo EXIT=${{PIPESTATUS[0]}}"
        cap(iid, "bash -c " + shlex.quote(cmd.format(j=j)), d, n_saxon, timeout=180,
            typed=cmd.format(j=typed))


def cap_xmlschema(tmp: Path) -> None:
    d = tmp / "xml"
    x = f"{VENV}/bin/xmlschema-validate"
    for iid, files in [("xmlschema-three", "spring.xml summer.xml autumn.xml"),
                       ("xmlschema-big", "big.xml"),
                       ("xmlschema-sites", "sites/*.xml orchard.xml swarm_log.xml")]:
        cmd = "{x} -v --schema schema/inspection.xsd " + files + "; echo EXIT=$?"
        cap(iid, cmd.format(x=x), d, n_xmlschema, timeout=180, typed=cmd.format(x="xmlschema-validate"))


# ------------------------------------------------------------------ OpenAPI specs


def openapi_spec(seed: int, n_paths: int, faults: set[str], version: str = "3.0.3") -> dict:
    r = random.Random(seed)
    paths: dict = {}
    for k in range(n_paths):
        res = ["hives", "apiaries", "inspections", "swarms", "harvests", "treatments"][k % 6]
        p = f"/{res}" + ("" if k < 6 else f"/{{{res[:-1]}Id}}" + ("" if k < 12 else f"/notes{k}"))
        op = {"operationId": f"{'list' if k < 6 else 'get'}{res.title()}{k}", "summary": f"{res} endpoint {k}",
              "responses": {"200": {"description": "ok", "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/Hive"}}}}}}
        if k >= 6:
            op["parameters"] = [{"name": f"{res[:-1]}Id", "in": "path", "required": True,
                                 "schema": {"type": "string"}}]
        if "no-responses" in faults and k == n_paths - 2:
            del op["responses"]
        if "bad-param-in" in faults and k == 7:
            op["parameters"][0]["in"] = "body"
        if "bad-type" in faults and k == 3:
            op["responses"]["200"]["content"]["application/json"]["schema"] = {"type": "integr"}
        if "not-required" in faults and k == 9:
            op["parameters"][0]["required"] = False
        paths[p] = {"get": op}
        if r.random() < 0.4 and (k < 6 or "post-unresolved" in faults):
            paths[p]["post"] = {"operationId": f"create{res.title()}{k}", "requestBody": {"content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Hive"}}}},
                "responses": {"201": {"description": "created"}}}
    spec = {"openapi": version, "info": {"title": "Vale Apiarists API", "version": f"1.{seed % 10}.0"},
            "paths": paths, "components": {"schemas": {"Hive": {"type": "object", "required": ["id"], "properties": {
                "id": {"type": "string"}, "apiary": {"type": "string"}, "frames": {"type": "integer"},
                "mites": {"type": "integer", "minimum": 0}}}}}}
    if "no-info-version" in faults:
        del spec["info"]["version"]
    return spec


def cap_openapi(tmp: Path) -> None:
    d = tmp / "api"
    d.mkdir()
    specs = {
        "hives.json": openapi_spec(3601, 14, set()),
        "swarms.json": openapi_spec(3602, 20, {"no-responses", "bad-param-in", "bad-type", "post-unresolved"}),
        "harvest-3.1.json": openapi_spec(3603, 18, {"not-required", "no-info-version"}, "3.1.0"),
        "legacy.json": openapi_spec(3604, 9, {"bad-type", "post-unresolved"}, "3.0.0"),
    }
    for name, spec in specs.items():
        (d / name).write_text(json.dumps(spec, indent=2) + "\n")
    o = f"{VENV}/bin/openapi-spec-validator"
    for iid, cmd in [("openapi-ok-and-bad", "for f in *.json; do {o} --validation-errors all \"$f\"; echo EXIT=$?; done"),
                     ("openapi-all-errors", "{o} --validation-errors all --subschema-errors all swarms.json; echo EXIT=$?"),
                     ("openapi-three", "for f in hives.json harvest-3.1.json legacy.json; do {o} --subschema-errors all "
                                       "\"$f\"; echo EXIT=$?; done")]:
        cap(iid, cmd.format(o=o), d, n_openapi, timeout=180, typed=cmd.format(o="openapi-spec-validator"))


# ------------------------------------------------------------------ encodings: uconv, chardetect

NOTES = ["Königin gesehen, Brut geschlossen", "Räuberei am Flugloch", "reine des abeilles marquée en jaune",
         "ruche très agressive, fumée nécessaire", "colmena débil, unir con la número", "Varroa-Behandlung mit Oxalsäure",
         "miel d'acacia récolté", "apiary by the weir, calm colonies", "swarm cell count 4", "année de la reine: 2025"]


def mixed_csv(seed: int, n: int, bad_rows: set[int], enc_bad: str = "latin-1") -> bytes:
    r = random.Random(seed)
    out = [b"id,apiary,date,notes\n"]
    for i in range(n):
        row = f"H{i:03d},{r.choice(APIARIES)},2026-{r.randint(4, 9):02d}-{r.randint(1, 28):02d},{r.choice(NOTES)}\n"
        out.append(row.encode(enc_bad if i in bad_rows else "utf-8", "replace"))
    return b"".join(out)


def cap_encodings(tmp: Path) -> None:
    d = tmp / "enc"
    d.mkdir()
    (d / "inspections_export.csv").write_bytes(mixed_csv(3611, 120, {37, 38, 91}))
    (d / "clean.csv").write_bytes(mixed_csv(3612, 80, set()))
    (d / "le_rucher.csv").write_bytes(mixed_csv(3613, 400, {k for k in range(0, 400, 7)}, "cp1252"))
    (d / "notes_all_latin1.txt").write_bytes("\n".join(NOTES * 12).encode("latin-1", "replace"))
    u = "uconv"
    cap("uconv-stop-utf8", "uconv -f utf-8 -t utf-8 --callback stop inspections_export.csv; echo EXIT=$?", d, n_uconv,
        timeout=60)
    cap("uconv-ascii-stop", "uconv -f utf-8 -t us-ascii --callback escape-c le_rucher.csv | head -n 100; "
        "uconv -f utf-8 -t us-ascii --callback stop clean.csv; echo EXIT=$?", d, n_uconv, timeout=60)
    ruch = ("uconv -f utf-8 -t utf-8 --from-callback stop le_rucher.csv | tail -n 60; echo EXIT=${PIPESTATUS[0]}; "
            "uconv -f utf-8 -t utf-8 --from-callback substitute le_rucher.csv | tail -n 40")
    cap("uconv-rucher", "bash -c " + shlex.quote(ruch), d, n_uconv, timeout=60, typed=ruch)
    loop = ("for f in *.csv *.txt; do echo \"== $f\"; " + u + " -f utf-8 -t iso-8859-1 --callback stop \"$f\" "
            "| tail -n 3; echo EXIT=${PIPESTATUS[0]}; done 2>&1")
    cap("uconv-loop", "bash -c " + shlex.quote(loop), d, n_uconv, timeout=60, typed=loop)
    # chardetect over a directory of exports in many encodings
    e = d / "exports"
    e.mkdir()
    r = random.Random(3620)
    encs = ["utf-8"] * 30 + ["latin-1", "cp1252", "utf-16", "shift_jis", "koi8-r", "ascii", "utf-8-sig"]
    texts = {"shift_jis": "養蜂場の点検記録 女王蜂を確認した ", "koi8-r": "осмотр пасеки, матка найдена ",
             "ascii": "hive inspection plain ascii "}
    for k, enc in enumerate(encs):
        body = texts.get(enc, " ".join(r.sample(NOTES, 4)) + " ") * r.randint(3, 40)
        (e / f"export_{k:02d}_{r.choice(APIARIES)}.txt").write_bytes(body.encode(enc, "replace"))
    (e / "empty.txt").write_bytes(b"")
    (e / "photo_index.bin").write_bytes(bytes(r.randrange(256) for _ in range(600)))
    c = f"{VENV}/bin/chardetect"
    for iid, args in [("chardetect-exports", "exports/*"), ("chardetect-csv", "*.csv *.txt exports/export_0*"),
                      ("chardetect-find", "$(find . -type f | sort)")]:
        cmd = "{c} " + args + "; echo EXIT=$?"
        cap(iid, cmd.format(c=c), d, n_chardetect, timeout=120, typed=cmd.format(c="chardetect"))


# ------------------------------------------------------------------ YAML/TOML/JSON: yq, remarshal


def sites_yaml(seed: int, n: int, fault: str = "") -> str:
    r = random.Random(seed)
    out = ["cooperative: Vale Apiarists", "season: 2026", "sites:"]
    for i in range(n):
        out += [f"  - name: {r.choice(APIARIES)}-{i}", f"    grid: SP{r.randint(1000, 9999)}{r.randint(1000, 9999)}",
                f"    hives: {r.randint(2, 24)}", f"    forage: [{', '.join(r.sample(['clover', 'lime', 'heather', 'bramble', 'oilseed', 'ivy'], 3))}]",
                f"    owner: {{name: {r.choice(['Ashdown', 'Pell', 'Marrow', 'Quince'])}, phone: '0{r.randint(1000000000, 1999999999)}'}}"]
        if fault == "tab" and i == n // 2:
            out.append("\thives: 3")
        if fault == "indent" and i == n - 3:
            out.append("      stray: value")
        if fault == "colon" and i == n // 3:
            out.append("    notes: swarm: caught at 14:20: re-hived")
        if fault == "unclosed" and i == n - 2:
            out.append("    forage: [clover, lime")
    out.append("treatments:\n  oxalic: {window: december, dose_ml: 5}\n  thymol: {window: august, dose_ml: 50}")
    return "\n".join(out) + "\n"


def cap_yq(tmp: Path) -> None:
    d = tmp / "yaml"
    d.mkdir()
    cm.write_tree(d, {"sites.yaml": sites_yaml(3631, 30), "sites_tab.yaml": sites_yaml(3632, 40, "tab"),
                      "sites_indent.yaml": sites_yaml(3633, 60, "indent"),
                      "sites_colon.yaml": sites_yaml(3634, 24, "colon"),
                      "sites_unclosed.yaml": sites_yaml(3635, 80, "unclosed")})
    (d / "hives.json").write_text(json.dumps({"hives": [{"id": f"H{k:03d}", "frames": k % 11} for k in range(40)]},
                                             indent=2)[:-40] + "\n")
    y = f"{VENV}/bin/yq"
    for iid, cmd in [("yq-tab", "{y} -y '.treatments, .sites[-6:]' sites.yaml sites_tab.yaml; echo EXIT=$?"),
                     ("yq-loop", "for f in sites*.yaml; do echo \"== $f\"; {y} -y '.sites[0:2]' \"$f\"; echo EXIT=$?; done"),
                     ("yq-indent-colon", "{y} -y '.sites[] | select(.hives > 12)' sites.yaml sites_indent.yaml "
                                         "sites_colon.yaml; echo EXIT=$?"),
                     ("yq-unclosed-json", "{y} '.sites[].name' sites_unclosed.yaml; echo EXIT=$?; "
                                          "{y} '.hives[] | .id' hives.json; echo EXIT=$?")]:
        cap(iid, cmd.format(y=y), d, n_yq, timeout=120, typed=cmd.format(y="yq"))


def cap_remarshal(tmp: Path) -> None:
    d = tmp / "yaml"
    (d / "hives.toml").write_text(
        "[cooperative]\nname = \"Vale Apiarists\"\nfounded = 1987-05-02\n\n"
        + "".join(f"[[hive]]\nid = \"H{k:03d}\"\napiary = \"{APIARIES[k % 7]}\"\nframes = {4 + k % 8}\n"
                  f"queen = {{ year = {2023 + k % 3}, marked = {'true' if k % 2 else 'false'} }}\n\n" for k in range(60)))
    (d / "hives_dup.toml").write_text((d / "hives.toml").read_text().replace(
        "[cooperative]\nname = \"Vale Apiarists\"", "[cooperative]\nname = \"Vale Apiarists\"\nname = \"Vale\"", 1))
    (d / "with_nulls.yaml").write_text(sites_yaml(3641, 10).replace("hives: ", "hives: ~ #", 2))
    (d / "broken.json").write_text('{"hives": [{"id": "H001", "frames": 8},\n {"id": "H002" "frames": 9}]}\n')
    rm = f"{VENV}/bin/remarshal"
    for iid, cmd in [("remarshal-toml-yaml", "{r} -i hives.toml -t yaml | head -n 250; echo EXIT=${{PIPESTATUS[0]}}"),
                     ("remarshal-dup-key", "{r} -i hives.toml -t yaml | tail -n 60; {r} -i hives_dup.toml -t json; echo EXIT=$?; "
                                           "{r} -i broken.json -t yaml; echo EXIT=$?"),
                     ("remarshal-nulls", "{r} -i with_nulls.yaml -t toml; echo EXIT=$?; "
                                         "{r} -i sites_tab.yaml -t toml; echo EXIT=$?; "
                                         "{r} -i sites.yaml -t toml | head -n 60"),
                     ("remarshal-json", "{r} -i sites.yaml -t json --indent 2 | head -n 120; "
                                        "{r} -i sites_unclosed.yaml -t json; echo EXIT=$?")]:
        cap(iid, "bash -c " + shlex.quote(cmd.format(r=rm)), d, n_remarshal, timeout=120, typed=cmd.format(r="remarshal"))


STEPS = [cap_xml, cap_saxon, cap_xmlschema, cap_openapi, cap_encodings, cap_yq, cap_remarshal]


def ensure_tools() -> None:
    for tool, pkg in [("xmlstarlet", "xmlstarlet"), ("jing", "jing"), ("uconv", "icu-devtools"),
                      ("xmllint", "libxml2-utils")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "xmlschema-validate", ["xmlschema", "openapi-spec-validator", "chardet", "remarshal", "yq"])


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide358", sys.modules["__main__"])
    main()
