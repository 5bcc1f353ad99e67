#!/usr/bin/env python3
"""Capture round 377 of the compression corpus: third samples of round 358's data-format validators and converters
(xmllint RELAX NG and Schematron, xmlstarlet val/sel/ed, jing, Saxon-HE, xmlschema-validate, openapi-spec-validator,
uconv, the Python yq, chardetect, remarshal) on a canal company's lock passages, boat register and toll tables written
here (seeds 37710+) with faults other than rounds 358's and 362's. No extractor is written: every kind's needles come
from round 358's extractor, imported from capture_wide358 (NEEDLES.md, "Round 377"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide377.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide377.json  as {"version": 2, "items": [...]}, ids prefixed "wide377-".
"""

from __future__ import annotations

import os
import random
import shlex
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide358 import (ed_extractor, n_chardetect, n_jing, n_openapi, n_relaxng, n_remarshal,  # noqa: E402
                             n_saxon, n_schematron, n_uconv, n_xmlschema, n_xmlstarlet_sel, n_xmlstarlet_val, n_yq)

ID_PREFIX = "wide377-"
DEFAULT_OUT = HERE / "data" / "wide377.json"
TMP = Path(os.environ.get("HM_WIDE377_TMP", "/dev/shm/hm-corpus-wide377"))
VENV = Path(os.environ.get("HM_WIDE377_VENV", "/dev/shm/hm-corpus-wide377-venv"))
SAXON = "/usr/share/java/Saxon-HE.jar"

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ material: a canal company

COMPANY = "Wyvern Navigation Company"
LOCKS = [("Kettlecombe", "narrow"), ("Sallowmere", "narrow"), ("Brindle", "narrow"), ("Harrowgate", "broad"),
         ("Otterford", "narrow"), ("Cressing", "narrow"), ("Wharfside", "broad"), ("Foxhanger", "narrow")]
TYPES = [("narrowboat", 2.08, 2.13), ("narrowboat", 2.05, 2.10), ("widebeam", 3.2, 4.2), ("butty", 2.06, 2.13),
         ("cruiser", 2.3, 3.1)]
KEEPERS = ["Abel Threlfall", "Martha Pennock", "Silas Wragg", "Hester Gorringe", "Ezra Lumb", "Dinah Cottam",
           "Jabez Orme", "Keziah Pratt"]
FAULTS = ["dangling", "toll-3dp", "neg-toll", "bad-day", "ticket", "bool", "foreign", "empty-text", "two-tolls"]


def boats(seed: int, n: int) -> list[tuple[str, str, float, float]]:
    r = random.Random(seed)
    out = []
    for k in range(n):
        t, lo, hi = r.choice(TYPES)
        out.append((f"B{seed % 1000:03d}-{k:02d}", t, round(r.uniform(lo, hi), 2), round(r.uniform(9.0, 21.9), 1)))
    return out


def passages_xml(seed: int, n: int, faults: dict[int, str], n_boats: int = 12) -> str:
    """Lock passages; faults by index: dangling, toll-3dp, neg-toll, bad-day, ticket, bool, foreign, empty-text,
    two-tolls, amp, lt-attr, latin1 (the caller writes that file in Latin-1, declared UTF-8)."""
    r = random.Random(seed)
    fleet = boats(seed + 500, n_boats)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<navigation company="{COMPANY}">', '  <boats>']
    for bid, t, beam, length in fleet:
        out.append(f'    <boat id="{bid}" type="{t}" beam="{beam}" length="{length}"/>')
    out.append('  </boats>')
    for i in range(n):
        f = faults.get(i, "")
        bid, t, beam, length = r.choice(fleet)
        if f == "dangling":
            bid = f"B{(seed + 7) % 1000:03d}-99"
        ticket = f"T-{seed % 100000:05d}-{i:04d}"
        if f == "ticket":
            ticket = f"T{seed % 100000:05d}/{i}"
        day = f"2026-{r.randint(3, 10):02d}-{r.randint(1, 28):02d}"
        if f == "bad-day":
            day = r.choice(["2026-04-31", "2026-06-31", "2026-02-30", "2026-09-31"])
        hour = r.choice([r.randint(8, 19)] * 4 + [r.randint(0, 23)])
        tm = f"{hour:02d}:{r.randint(0, 59):02d}"
        if f == "lt-attr":
            tm = f"<{tm}"
        lock, gauge = r.choice(LOCKS)
        num = r.randint(1, 30)
        toll = f"{r.choice([0, 0, 2.5, 4.5, 4.5, 6.75, 12.0, 18.25, 27.5]):.2f}"
        if f == "toll-3dp":
            toll = f"{r.uniform(1, 9):.3f}"
        if f == "neg-toll":
            toll = f"-{r.uniform(1, 9):.2f}"
        lic = r.choice(["true", "true", "true", "false"])
        if f == "bool":
            lic = "Y"
        keeper = r.choice(KEEPERS)
        if f == "amp":
            keeper = f"{keeper} & Sons"
        if f == "latin1":
            keeper = "Gaëlle Lefèvre"
        out.append(f'  <passage ticket="{ticket}" date="{day}" time="{tm}" boat="{bid}" '
                   f'direction="{r.choice(["up", "down"])}">')
        out.append(f'    <lock gauge="{gauge}">{lock}-{num}</lock>')
        out.append(f'    <size beam="{beam}" length="{length}"/>')
        out.append(f'    <toll>{toll}</toll>')
        if f == "two-tolls":
            out.append(f'    <toll>{toll}</toll>')
        out.append(f'    <licensed>{lic}</licensed>')
        out.append(f'    <keeper>{keeper}</keeper>')
        out.append('    <checked>yes</checked>' if f == "empty-text" else '    <checked/>')
        if f == "foreign":
            out.append('    <o:remark xmlns:o="urn:wyvern:office">paddle gear stiff</o:remark>')
        out.append('  </passage>')
    out.append('</navigation>')
    return "\n".join(out) + "\n"


RNG = """<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <element name="navigation">
      <attribute name="company"/>
      <element name="boats">
        <oneOrMore>
          <element name="boat">
            <attribute name="id"><data type="ID"/></attribute>
            <attribute name="type"><choice><value>narrowboat</value><value>widebeam</value><value>butty</value><value>cruiser</value></choice></attribute>
            <attribute name="beam"><data type="decimal"/></attribute>
            <attribute name="length"><data type="decimal"/></attribute>
          </element>
        </oneOrMore>
      </element>
      <oneOrMore><ref name="passage"/></oneOrMore>
    </element>
  </start>
  <define name="passage">
    <element name="passage">
      <attribute name="ticket"><data type="string"><param name="pattern">T-\\d{5}-\\d{4}</param></data></attribute>
      <attribute name="date"><data type="date"/></attribute>
      <attribute name="time"><data type="string"><param name="pattern">\\d{2}:\\d{2}</param></data></attribute>
      <attribute name="boat"><data type="IDREF"/></attribute>
      <attribute name="direction"><choice><value>up</value><value>down</value></choice></attribute>
      <element name="lock"><attribute name="gauge"><choice><value>narrow</value><value>broad</value></choice></attribute><text/></element>
      <element name="size"><attribute name="beam"><data type="decimal"/></attribute><attribute name="length"><data type="decimal"/></attribute></element>
      <element name="toll"><ref name="money"/></element>
      <element name="licensed"><data type="boolean"/></element>
      <element name="keeper"><text/></element>
      <element name="checked"><empty/></element>
    </element>
  </define>
  <define name="money">
    <data type="decimal"><param name="fractionDigits">2</param><param name="minInclusive">0</param></data>
  </define>
</grammar>
"""

RNC = """datatypes xsd = "http://www.w3.org/2001/XMLSchema-datatypes"
start = element navigation {
  attribute company { text },
  element boats { boat+ },
  passage+
}
boat = element boat {
  attribute id { xsd:ID },
  attribute type { "narrowboat" | "widebeam" | "butty" | "cruiser" },
  attribute beam { xsd:decimal },
  attribute length { xsd:decimal }
}
passage = element passage {
  attribute ticket { xsd:string { pattern = "T-\\d{5}-\\d{4}" } },
  attribute date { xsd:date },
  attribute time { xsd:string { pattern = "\\d{2}:\\d{2}" } },
  attribute boat { xsd:IDREF },
  attribute direction { "up" | "down" },
  element lock { attribute gauge { "narrow" | "broad" }, text },
  element size { attribute beam { xsd:decimal }, attribute length { xsd:decimal } },
  element toll { xsd:decimal { fractionDigits = "2" minInclusive = "0" } },
  element licensed { xsd:boolean },
  element keeper { text },
  element checked { empty }
}
"""

XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="moneyType"><xs:restriction base="xs:decimal">
    <xs:fractionDigits value="2"/><xs:minInclusive value="0"/>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="ticketType"><xs:restriction base="xs:string">
    <xs:pattern value="T-\\d{5}-\\d{4}"/>
  </xs:restriction></xs:simpleType>
  <xs:element name="navigation"><xs:complexType><xs:sequence>
    <xs:element name="boats"><xs:complexType><xs:sequence>
      <xs:element name="boat" maxOccurs="unbounded"><xs:complexType>
        <xs:attribute name="id" type="xs:ID" use="required"/>
        <xs:attribute name="type" type="xs:string" use="required"/>
        <xs:attribute name="beam" type="xs:decimal" use="required"/>
        <xs:attribute name="length" type="xs:decimal" use="required"/>
      </xs:complexType></xs:element>
    </xs:sequence></xs:complexType></xs:element>
    <xs:element name="passage" maxOccurs="unbounded"><xs:complexType><xs:sequence>
      <xs:element name="lock"><xs:complexType><xs:simpleContent><xs:extension base="xs:string">
        <xs:attribute name="gauge" type="xs:string" use="required"/>
      </xs:extension></xs:simpleContent></xs:complexType></xs:element>
      <xs:element name="size"><xs:complexType>
        <xs:attribute name="beam" type="xs:decimal" use="required"/>
        <xs:attribute name="length" type="xs:decimal" use="required"/>
      </xs:complexType></xs:element>
      <xs:element name="toll" type="moneyType"/>
      <xs:element name="licensed" type="xs:boolean"/>
      <xs:element name="keeper" type="xs:string"/>
      <xs:element name="checked"><xs:complexType/></xs:element>
    </xs:sequence>
    <xs:attribute name="ticket" type="ticketType" use="required"/>
    <xs:attribute name="date" type="xs:date" use="required"/>
    <xs:attribute name="time" type="xs:string" use="required"/>
    <xs:attribute name="boat" type="xs:IDREF" use="required"/>
    <xs:attribute name="direction" type="xs:string" use="required"/>
    </xs:complexType></xs:element>
  </xs:sequence>
  <xs:attribute name="company" type="xs:string"/>
  </xs:complexType></xs:element>
</xs:schema>
"""

DTD = """<!ELEMENT navigation (boats, passage+)>
<!ATTLIST navigation company CDATA #REQUIRED>
<!ELEMENT boats (boat+)>
<!ELEMENT boat EMPTY>
<!ATTLIST boat id ID #REQUIRED type (narrowboat|widebeam|butty|cruiser) #REQUIRED beam CDATA #REQUIRED
          length CDATA #REQUIRED>
<!ELEMENT passage (lock, size, toll, licensed, keeper, checked)>
<!ATTLIST passage ticket CDATA #REQUIRED date CDATA #REQUIRED time CDATA #REQUIRED boat IDREF #REQUIRED
          direction (up|down) #REQUIRED>
<!ELEMENT lock (#PCDATA)>
<!ATTLIST lock gauge (narrow|broad) #REQUIRED>
<!ELEMENT size EMPTY>
<!ATTLIST size beam CDATA #REQUIRED length CDATA #REQUIRED>
<!ELEMENT toll (#PCDATA)>
<!ELEMENT licensed (#PCDATA)>
<!ELEMENT keeper (#PCDATA)>
<!ELEMENT checked EMPTY>
"""

SCH = """<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="http://purl.oclc.org/dsdl/schematron">
  <pattern id="gauge">
    <rule context="passage">
      <assert test="not(lock/@gauge = 'narrow') or number(size/@beam) &lt;= 2.13">boat too wide for a narrow lock (beam over 2.13 m)</assert>
      <assert test="number(size/@length) &lt;= 21.5">boat longer than the 70 ft chamber</assert>
    </rule>
  </pattern>
  <pattern id="tolls">
    <rule context="passage">
      <assert test="licensed = 'true' or number(toll) &gt; 0">unlicensed boat passed without a toll</assert>
      <report test="number(substring(@time, 1, 2)) &lt; 8 or number(substring(@time, 1, 2)) &gt;= 20">lock worked outside opening hours (08:00-20:00): keeper's note due</report>
    </rule>
  </pattern>
</schema>
"""

SCH_BROKEN = SCH.replace("number(toll) &gt; 0", "number(toll) &gt; &gt; 0").replace(
    "number(size/@length) &lt;= 21.5", "number(size/@length) &lt;= 21.5)")


def cap_xml(tmp: Path) -> None:
    d = tmp / "xml"
    d.mkdir()
    cm.write_tree(d, {"schema/passage.rng": RNG, "schema/passage.rnc": RNC, "schema/passage.xsd": XSD,
                      "schema/passage.dtd": DTD, "schema/gauge.sch": SCH, "schema/gauge-draft.sch": SCH_BROKEN,
                      "schema/money.rng": RNG.replace('<data type="decimal"><param name="fractionDigits">2</param>'
                                                      '<param name="minInclusive">0</param></data>',
                                                      '<data type="money"/>'),
                      "schema/draft.rnc": RNC.replace("attribute direction { \"up\" | \"down\" },",
                                                      "attribute direction { \"up\" | \"down\" ,"),
                      "schema/draft.xsd": XSD.replace('<xs:element name="toll" type="moneyType"/>',
                                                      '<xs:element name="toll" type="tollType"/>')})
    files = {
        "spring.xml": passages_xml(37710, 30, {3: "dangling", 8: "toll-3dp", 15: "bad-day", 22: "bool"}),
        "summer.xml": passages_xml(37711, 60, {5: "ticket", 12: "neg-toll", 19: "foreign", 27: "empty-text",
                                               38: "two-tolls", 49: "dangling"}),
        "autumn.xml": passages_xml(37712, 16, {}),
        "flight.xml": passages_xml(37713, 14, {6: "amp"}),
        "night.xml": passages_xml(37714, 10, {4: "lt-attr"}),
        "season.xml": passages_xml(37715, 240, {k: FAULTS[k % 9] for k in range(4, 240, 13)}, n_boats=30),
    }
    files["archive/ledger.xml"] = passages_xml(37716, 1300, {k: FAULTS[k % 9] for k in range(5, 1300, 10)},
                                               n_boats=60)
    for k in range(10):
        files[f"locks/lock_{k:02d}.xml"] = passages_xml(37720 + k, 4 + k, {1: "toll-3dp"} if k in (1, 6) else
                                                        {2: "dangling"} if k == 8 else {})
    cm.write_tree(d, files)
    (d / "keeper.xml").write_bytes(passages_xml(37717, 8, {5: "latin1"}).encode("latin-1"))
    rng = "xmllint --noout --relaxng"
    cap("relaxng-seasons", f"{rng} schema/passage.rng spring.xml summer.xml autumn.xml; echo EXIT=$?", d, n_relaxng,
        timeout=60)
    cap("relaxng-malformed", f"{rng} schema/passage.rng flight.xml night.xml keeper.xml season.xml; echo EXIT=$?", d,
        n_relaxng, timeout=60)
    cap("relaxng-unknown-type", f"{rng} schema/money.rng spring.xml locks/*.xml; echo EXIT=$?; "
        f"{rng} schema/passage.rng locks/*.xml; echo EXIT=$?", d, n_relaxng, timeout=60)
    cap("relaxng-ledger", f"{rng} schema/passage.rng archive/ledger.xml; echo EXIT=$?", d, n_relaxng, timeout=60)
    sch = "xmllint --noout --schematron"
    cap("schematron-spring-summer", f"{sch} schema/gauge.sch spring.xml summer.xml; echo EXIT=$?", d, n_schematron,
        timeout=60)
    cap("schematron-season", f"{sch} schema/gauge.sch season.xml; echo EXIT=$?", d, n_schematron, timeout=60)
    cap("schematron-draft-locks", f"{sch} schema/gauge-draft.sch autumn.xml; echo EXIT=$?; "
        f"{sch} schema/gauge.sch autumn.xml locks/*.xml flight.xml; echo EXIT=$?", d, n_schematron, timeout=60)
    cap("schematron-ledger", f"{sch} schema/gauge.sch archive/ledger.xml 2>&1 | tail -n 800", d, n_schematron,
        timeout=60)
    cap("xsval-xsd", "xmlstarlet val -e -s schema/passage.xsd spring.xml summer.xml night.xml keeper.xml; "
        "echo EXIT=$?", d, n_xmlstarlet_val, timeout=60)
    cap("xsval-locks", "xmlstarlet val -s schema/passage.xsd locks/*.xml *.xml; echo EXIT=$?", d, n_xmlstarlet_val,
        timeout=60)
    cap("xsval-dtd-season", "xmlstarlet val -e -d schema/passage.dtd season.xml flight.xml; echo EXIT=$?", d,
        n_xmlstarlet_val, timeout=60)
    cap("xsval-rng", "xmlstarlet val -e -r schema/passage.rng summer.xml locks/lock_08.xml autumn.xml; echo EXIT=$?",
        d, n_xmlstarlet_val, timeout=60)
    sel = ("xmlstarlet sel -T -t -o 'ticket boat direction toll beam lock' -n -m //passage -v @ticket -o ' ' -v @boat "
           "-o ' ' -v @direction -o ' ' -v toll -o ' ' -v size/@beam -o ' ' -v lock -n {f}")
    cap("sel-summer", sel.format(f="summer.xml"), d, n_xmlstarlet_sel, timeout=60)
    cap("sel-season", sel.format(f="season.xml"), d, n_xmlstarlet_sel, timeout=60)
    cap("sel-ledger", sel.format(f="archive/ledger.xml") + " | head -n 1300", d, n_xmlstarlet_sel, timeout=60)
    sel2 = ("xmlstarlet sel -T -t -o 'ticket time keeper' -n -m '//passage[number(substring(@time,1,2))>=20 or "
            "number(substring(@time,1,2))<8]' -v @ticket -o ' ' -v @time -o ' ' -v keeper -n spring.xml autumn.xml "
            "season.xml flight.xml; echo EXIT=$?")
    cap("sel-night-flight", sel2, d, n_xmlstarlet_sel, timeout=60)
    ed1 = ("xmlstarlet ed -u '//passage[licensed=\"false\" and number(toll)=0]/toll' -v '9.50' "
           "-i '//passage[lock/@gauge=\"broad\"]' -t attr -n paddles -v 'ground-and-gate' autumn.xml")
    cap("ed-autumn", ed1, d, ed_extractor(["9.50", "ground-and-gate"]), timeout=60)
    ed2 = ("xmlstarlet ed -s '/navigation/boats' -t elem -n boat -v 'Kingfisher (unregistered)' "
           "-d '//passage/checked' autumn.xml flight.xml; echo EXIT=$?")
    cap("ed-flight-amp", ed2, d, ed_extractor(["Kingfisher (unregistered)"]), timeout=60)
    ed3 = ("xmlstarlet ed -u '//passage[@direction=\"up\"]/keeper' -v 'Relief keeper <J. Orme>' "
           "-u '/navigation/@company' -v 'Wyvern & Severn Navigation' summer.xml | head -n 320")
    cap("ed-summer-head", ed3, d, ed_extractor(["Relief keeper &lt;J. Orme&gt;", "Wyvern &amp; Severn Navigation"]),
        timeout=60)
    cap("jing-rng", "jing schema/passage.rng spring.xml summer.xml autumn.xml night.xml; echo EXIT=$?", d, n_jing,
        timeout=120)
    cap("jing-rnc-season-ledger", "jing -c schema/passage.rnc season.xml archive/ledger.xml flight.xml keeper.xml; "
        "echo EXIT=$?", d, n_jing,
        timeout=120)
    cap("jing-draft-locks", "jing -c schema/draft.rnc locks/*.xml; echo EXIT=$?; jing -c schema/passage.rnc "
        "locks/*.xml; echo EXIT=$?", d, n_jing, timeout=120)


XSL_OK = """<?xml version="1.0"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:text>ticket,date,boat,lock,toll&#10;</xsl:text>
    <xsl:for-each select="//passage">
      <xsl:if test="number(toll[1]) &gt; 20"><xsl:message>WARN heavy toll on <xsl:value-of select="@ticket"/></xsl:message></xsl:if>
      <xsl:value-of select="string-join((@ticket, @date, @boat, lock, toll[1]), ',')"/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
"""

_ROW = "string-join((@ticket, @date, @boat, lock, toll[1]), ',')"
XSL_KEY = XSL_OK.replace(_ROW, "string-join((@ticket, @date, key('boat-by-id', @boat)/@type, lock), ',')")
XSL_PICTURE = XSL_OK.replace(_ROW, "string-join((@ticket, @date, lock, format-number(number(toll[1]), "
                                   "'#,##0.00.0')), ',')")
XSL_ERROR = XSL_OK.replace(_ROW, "string-join((@ticket, lock, if (number(toll[1]) lt 0) then "
                                 "error(QName('urn:wyvern:tolls', 'NEGTOLL'), concat('negative toll on ', @ticket)) "
                                 "else toll[1]), ',')")
XSL_ATTR = """<?xml version="1.0"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" indent="yes"/>
  <xsl:template match="/">
    <tolls>
      <xsl:for-each select="//passage">
        <row>
          <ticket><xsl:value-of select="@ticket"/></ticket>
          <xsl:attribute name="lock" select="lock"/>
        </row>
      </xsl:for-each>
    </tolls>
  </xsl:template>
</xsl:stylesheet>
"""
XSL_INCLUDE = XSL_OK.replace('<xsl:output method="text"/>',
                             '<xsl:include href="common/toll-bands.xsl"/>\n  <xsl:output method="text"/>')
XSL_REGEX = XSL_OK.replace('<xsl:for-each select="//passage">',
                           '<xsl:for-each select="//passage[matches(@ticket, \'^T-[0-9{5}-[0-9]{4}$\')]">')
XSL_PARAM = XSL_OK.replace('<xsl:output method="text"/>',
                           '<xsl:output method="text"/>\n  <xsl:param name="season" as="xs:string" required="yes"/>'
                           ).replace("<xsl:text>ticket,date,boat,lock,toll&#10;</xsl:text>",
                                     "<xsl:text>ticket,date,boat,lock,toll,</xsl:text><xsl:value-of "
                                     "select=\"$season\"/><xsl:text>&#10;</xsl:text>")


def cap_saxon(tmp: Path) -> None:
    d = tmp / "xml"
    cm.write_tree(d, {"xsl/export.xsl": XSL_OK, "xsl/fleet.xsl": XSL_KEY, "xsl/money.xsl": XSL_PICTURE,
                      "xsl/strict.xsl": XSL_ERROR, "xsl/rows.xsl": XSL_ATTR, "xsl/bands.xsl": XSL_INCLUDE,
                      "xsl/tickets.xsl": XSL_REGEX, "xsl/seasonal.xsl": XSL_PARAM})
    j = f"java -jar {SAXON}"
    for iid, args in [("saxon-export-ledger", "-s:archive/ledger.xml -xsl:xsl/export.xsl"),
                      ("saxon-export-autumn-t", "-t -s:autumn.xml -xsl:xsl/export.xsl"),
                      ("saxon-undeclared-key", "-t -s:spring.xml -xsl:xsl/fleet.xsl 2>&1; {j} -s:spring.xml "
                                               "-xsl:xsl/export.xsl"),
                      ("saxon-bad-picture", "-s:season.xml -xsl:xsl/money.xsl"),
                      ("saxon-fn-error-attr", "-s:summer.xml -xsl:xsl/strict.xsl 2>&1; {j} -t -s:autumn.xml "
                                              "-xsl:xsl/rows.xsl"),
                      ("saxon-include-regex", "-t -s:autumn.xml -xsl:xsl/bands.xsl 2>&1; {j} -t -s:autumn.xml "
                                              "-xsl:xsl/tickets.xsl"),
                      ("saxon-param-malformed", "-t -s:autumn.xml -xsl:xsl/seasonal.xsl 2>&1; {j} -t "
                                                "-s:flight.xml -xsl:xsl/export.xsl season=autumn")]:
        cmd = "{j} " + args + " 2>&1 | head -n {n}; echo EXIT=${{PIPESTATUS[0]}}"
        n = 1500 if "ledger" in iid else 400
        cap(iid, "bash -c " + shlex.quote(cmd.format(j=j, n=n)), d, n_saxon, timeout=180, typed=cmd.format(j=j, n=n))


def cap_xmlschema(tmp: Path) -> None:
    d = tmp / "xml"
    x = f"{VENV}/bin/xmlschema-validate"
    for iid, cmd in [("xmlschema-seasons", "{x} -v --schema schema/passage.xsd spring.xml summer.xml autumn.xml; "
                                           "echo EXIT=$?"),
                     ("xmlschema-season", "{x} -v --schema schema/passage.xsd season.xml; echo EXIT=$?"),
                     ("xmlschema-draft-locks", "{x} -v --schema schema/draft.xsd autumn.xml; echo EXIT=$?; "
                                               "{x} -v --schema schema/passage.xsd locks/*.xml night.xml; "
                                               "echo EXIT=$?")]:
        cap(iid, cmd.format(x=x), d, n_xmlschema, timeout=180, typed=cmd.format(x="xmlschema-validate"))


# ------------------------------------------------------------------ OpenAPI specs (YAML)


def openapi_spec(seed: int, n_paths: int, faults: set[str], version: str = "3.0.3") -> dict:
    r = random.Random(seed)
    paths: dict = {}
    res_all = ["passages", "boats", "locks", "tolls", "stoppages", "licences"]
    for k in range(n_paths):
        res = res_all[k % 6]
        p = f"/{res}" + ("" if k < 6 else f"/{{{res}Id}}" + ("" if k < 12 else f"/history{k}"))
        if "bad-path" in faults and k == 3:
            p = p.lstrip("/")
        opid = f"{'list' if k < 6 else 'get'}{res.title()}{k}"
        if "dup-opid" in faults and k in (7, 13):
            opid = "getBoat"
        op = {"operationId": opid, "summary": f"{res} {k}",
              "responses": {"200": {"description": "ok", "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/Passage"}}}}}}
        if k >= 6:
            op["parameters"] = [{"name": f"{res}Id", "in": "path", "required": True, "schema": {"type": "string"}}]
        if "empty-enum" in faults and k == 9:
            op["parameters"][0]["schema"]["enum"] = []
        paths[p] = {"get": op}
        if r.random() < 0.4 and k < 6:
            paths[p]["post"] = {"operationId": f"create{res.title()}{k}", "requestBody": {"content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Passage"}}}},
                "responses": {"201": {"description": "created"}}}
    info = {"title": "Wyvern Navigation API", "version": f"3.{seed % 10}.0",
            "license": {"name": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}}
    if "licence-no-name" in faults:
        del info["license"]["name"]
    passage = {"type": "object", "required": ["ticket"], "properties": {
        "ticket": {"type": "string", "pattern": "^T-[0-9]{5}-[0-9]{4}$"}, "boat": {"type": "string"},
        "toll": {"type": "number", "minimum": 0}, "direction": {"type": "string", "enum": ["up", "down"]}}}
    if "required-true" in faults:
        passage["properties"]["boat"]["required"] = True
    return {"openapi": version, "info": info, "paths": paths, "components": {"schemas": {"Passage": passage}}}


def cap_openapi(tmp: Path) -> None:
    d = tmp / "api"
    d.mkdir()
    specs = {
        "passages.yaml": openapi_spec(37730, 14, set()),
        "tolls.yaml": openapi_spec(37731, 20, {"dup-opid", "bad-path", "required-true", "empty-enum"}),
        "licences-3.1.yaml": openapi_spec(37732, 16, {"licence-no-name"}, "3.1.0"),
        "stoppages.yaml": openapi_spec(37733, 11, {"required-true", "bad-path"}),
    }
    for name, spec in specs.items():
        (d / name).write_text(yaml.safe_dump(spec, sort_keys=False, width=100))
    o = f"{VENV}/bin/openapi-spec-validator"
    for iid, cmd in [("openapi-loop", "for f in *.yaml; do {o} --validation-errors all \"$f\"; echo EXIT=$?; done"),
                     ("openapi-tolls-all", "{o} --validation-errors all --subschema-errors all tolls.yaml; "
                                           "echo EXIT=$?"),
                     ("openapi-three", "for f in passages.yaml licences-3.1.yaml stoppages.yaml; do {o} "
                                       "--subschema-errors all \"$f\"; echo EXIT=$?; done")]:
        cap(iid, cmd.format(o=o), d, n_openapi, timeout=180, typed=cmd.format(o="openapi-spec-validator"))


# ------------------------------------------------------------------ encodings: uconv, chardetect

NOTES = ["Toll paid: 4,50 € at Kettlecombe", "Llwybr tynnu ar gau ger y loc — ŵyl y gamlas", "Schleuse 7 geöffnet, Gebühr 6,75 €",
         "écluse fermée pour travaux, péage 12 €", "boat moored overnight above Brindle 3", "paddle gear stiff, keeper informed",
         "Tŷ'r ceidwad: Martha Pennock", "€ 18,25 Jahresgebühr für Schmalboote", "towpath closed at Otterford", "Brücke über der Schleuse"]


def mixed_csv(seed: int, n: int, bad_rows: set[int], enc_bad: str = "iso-8859-15") -> bytes:
    r = random.Random(seed)
    out = [b"ticket,lock,date,notes\n"]
    for i in range(n):
        lock = r.choice(LOCKS)[0]
        row = f"T-{seed % 100000:05d}-{i:04d},{lock}-{r.randint(1, 30)},2026-{r.randint(3, 10):02d}-{r.randint(1, 28):02d},{r.choice(NOTES)}\n"
        out.append(row.encode(enc_bad if i in bad_rows else "utf-8", "replace"))
    return b"".join(out)


def cap_encodings(tmp: Path) -> None:
    d = tmp / "enc"
    d.mkdir()
    (d / "toll_export.csv").write_bytes(mixed_csv(37740, 140, {51, 52, 109}))
    (d / "clean.csv").write_bytes(mixed_csv(37741, 90, set()))
    (d / "schleusen.csv").write_bytes(mixed_csv(37742, 380, {k for k in range(4, 380, 9)}))
    body = mixed_csv(37743, 60, set())
    (d / "overlong.txt").write_bytes(body[:2100] + b"Brindle \xc0\xaf 3\n" + body[2100:4000] + b"loc \xed\xa0\x80 ceidwad\n"
                                     + body[4000:])
    (d / "stoppages_utf16be.txt").write_bytes(("\n".join(NOTES * 6)).encode("utf-16-be") + b"\x00")
    cap("uconv-stop-tolls", "uconv -f utf-8 -t utf-8 --callback stop toll_export.csv; echo EXIT=$?", d, n_uconv,
        timeout=60)
    o = ("uconv -f utf-8 -t utf-8 --from-callback stop overlong.txt | tail -n 30; echo EXIT=${PIPESTATUS[0]}; "
         "uconv -f utf-8 -t utf-8 --from-callback substitute overlong.txt | grep -n -a 'Brindle\\|ceidwad' | tail -n 12")
    cap("uconv-overlong-surrogate", "bash -c " + shlex.quote(o), d, n_uconv, timeout=60, typed=o)
    u = ("uconv -f utf-8 -t iso-8859-1 --to-callback stop clean.csv | tail -n 20; echo EXIT=${PIPESTATUS[0]}; "
         "uconv -f utf-8 -t shift_jis --callback stop clean.csv | tail -n 5; echo EXIT=${PIPESTATUS[0]}")
    cap("uconv-unmappable", "bash -c " + shlex.quote(u), d, n_uconv, timeout=60, typed=u)
    loop = ("for f in *.csv *.txt; do echo \"== $f\"; uconv -f utf-16be -t utf-8 --callback stop \"$f\" "
            "| tail -n 3; echo EXIT=${PIPESTATUS[0]}; uconv -f utf-8 -t iso-8859-15 --callback stop \"$f\" "
            "| tail -n 3; echo EXIT=${PIPESTATUS[0]}; done 2>&1")
    cap("uconv-loop-utf16be", "bash -c " + shlex.quote(loop), d, n_uconv, timeout=60, typed=loop)
    e = d / "exports"
    e.mkdir()
    r = random.Random(37750)
    encs = ["utf-8"] * 27 + ["utf-32", "big5", "iso-8859-7", "cp1251", "euc-jp", "tis-620", "cp1254", "utf-16-be",
                             "iso-8859-15"]
    texts = {"big5": "運河船閘通行紀錄，已收通行費 ", "iso-8859-7": "διέλευση από το κανάλι, τέλη πληρώθηκαν ",
             "cp1251": "проход через шлюз, сбор оплачен ", "euc-jp": "運河の閘門通過記録、通行料を受領 ",
             "tis-620": "บันทึกการผ่านประตูน้ำ ชำระค่าผ่านทางแล้ว ", "cp1254": "kanal kilidi geçişi, ücret ödendi ğüşı ",
             "iso-8859-15": "péage payé 4,50 € écluse ", "utf-32": "lock passage log ", "utf-16-be": "toll ledger "}
    for k, enc in enumerate(encs):
        body = texts.get(enc, " ".join(r.sample(NOTES, 4)) + " ") * r.randint(3, 40)
        (e / f"ledger_{k:02d}_{r.choice(['kettlecombe', 'brindle', 'otterford'])}.txt").write_bytes(
            body.encode(enc, "replace"))
    (e / "void.txt").write_bytes(b"")
    (e / "gauge.bin").write_bytes(bytes(r.randrange(256) for _ in range(700)))
    c = f"{VENV}/bin/chardetect"
    for iid, args in [("chardetect-ledgers", "exports/*"), ("chardetect-csv", "*.csv *.txt exports/ledger_2*"),
                      ("chardetect-find", "$(find . -type f | sort)")]:
        cmd = "{c} " + args + "; echo EXIT=$?"
        cap(iid, cmd.format(c=c), d, n_chardetect, timeout=120, typed=cmd.format(c="chardetect"))


# ------------------------------------------------------------------ YAML/TOML/JSON: yq, remarshal


def register_yaml(seed: int, n: int, fault: str = "") -> str:
    r = random.Random(seed)
    out = [f"company: {COMPANY}", "year: 2026", "boats:"]
    for i in range(n):
        t, lo, hi = r.choice(TYPES)
        out += [f"  - name: {r.choice(['Kingfisher', 'Heron', 'Dabchick', 'Moorhen', 'Otter', 'Wagtail'])} {i}",
                f"    type: {t}", f"    beam: {round(r.uniform(lo, hi), 2)}", f"    length: {round(r.uniform(9, 21.9), 1)}",
                f"    licence: L{r.randint(10000, 99999)}", f"    home: {r.choice(LOCKS)[0]}"]
        if fault == "quote" and i == n // 2:
            out.append('    notes: "moored below Brindle 3')
        if fault == "at" and i == n // 3:
            out.append("    owner: @threlfall")
        if fault == "seq" and i == n - 5:
            out.append("  moorings:")
            out.append("- Wharfside visitor")
        if fault == "tag" and i == n // 4:
            out.append("    toll: !money 4.50")
    out.append("tolls:\n  narrow: {per_lock: 2.50, annual: 480}\n  broad: {per_lock: 4.50, annual: 760}")
    return "\n".join(out) + "\n"


def cap_yq(tmp: Path) -> None:
    d = tmp / "yaml"
    d.mkdir()
    cm.write_tree(d, {"register.yaml": register_yaml(37760, 30), "register_quote.yaml": register_yaml(37761, 40, "quote"),
                      "register_at.yaml": register_yaml(37762, 45, "at"),
                      "register_seq.yaml": register_yaml(37763, 60, "seq"),
                      "register_tag.yaml": register_yaml(37764, 36, "tag")})
    y = f"{VENV}/bin/yq"
    for iid, cmd in [("yq-quote-at", "{y} -y '.tolls, .boats[-4:]' register.yaml register_quote.yaml "
                                     "register_at.yaml; echo EXIT=$?"),
                     ("yq-loop", "for f in register*.yaml; do echo \"== $f\"; {y} -y '.boats[0:2]' \"$f\"; "
                                 "echo EXIT=$?; done"),
                     ("yq-seq-tag", "{y} -y '.boats[] | select(.beam > 2.5)' register.yaml register_seq.yaml "
                                    "register_tag.yaml; echo EXIT=$?"),
                     ("yq-runtime", "{y} -c '.boats[] | {{name, beam}}' register.yaml | head -n 20; {y} '.boats[] | .length + \"m\"' "
                                    "register.yaml; echo EXIT=$?; {y} '.tolls.narrow.annual / .tolls.canoe' "
                                    "register.yaml; echo EXIT=$?")]:
        cap(iid, cmd.format(y=y), d, n_yq, timeout=120, typed=cmd.format(y="yq"))


def cap_remarshal(tmp: Path) -> None:
    d = tmp / "yaml"
    reg = ("[company]\nname = \"Wyvern Navigation Company\"\nincorporated = 1793-06-21\n\n"
           + "".join(f"[[lock]]\nname = \"{LOCKS[k % 8][0]}-{k + 1}\"\ngauge = \"{LOCKS[k % 8][1]}\"\n"
                     f"rise_m = {1.2 + (k * 7) % 20 / 10:.1f}\n"
                     f"toll = {{ narrow = {2.5 + k % 3}, broad = {4.5 + k % 4} }}\n\n" for k in range(64)))
    (d / "locks.toml").write_text(reg)
    (d / "locks_escape.toml").write_text(reg.replace('name = "Brindle-3"', 'name = "Brindle\\q3"', 1))
    (d / "locks_zero.toml").write_text(reg.replace("rise_m = 1.9", "rise_m = 1.9\nchambers = 07", 1))
    (d / "locks_table.toml").write_text(reg.replace("[[lock]]", "keeper = \"Abel Threlfall\"\n\n[company.keeper]\nname = "
                                                    "\"Martha Pennock\"\n\n[[lock]]", 1))
    (d / "quotes.json").write_text("{'boats': [{'name': 'Heron 4', 'beam': 2.08}]}\n")
    (d / "unquoted.json").write_text('{"boats": [{"name": "Heron 4", beam: 2.08}]}\n')
    (d / "truncated.json").write_text('{"boats": [\n  {"name": "Heron 4", "beam": 2.08},\n  {"name": "Otter 7", "be')
    (d / "fleet_list.yaml").write_text("".join(f"- name: Wagtail {k}\n  beam: 2.0{k % 9}\n" for k in range(40)))
    rm = f"{VENV}/bin/remarshal"
    for iid, cmd in [("remarshal-toml-yaml", "{r} -i locks.toml -t yaml | head -n 240; echo EXIT=${{PIPESTATUS[0]}}"),
                     ("remarshal-bad-toml", "{r} -i locks.toml -t yaml | tail -n 40; {r} -i locks_escape.toml "
                                            "-t yaml; echo EXIT=$?; {r} -i locks_zero.toml -t yaml; echo EXIT=$?; "
                                            "{r} -i locks_table.toml -t yaml; echo EXIT=$?"),
                     ("remarshal-bad-json", "{r} -i register.yaml -t toml | head -n 70; {r} -i quotes.json -t yaml; "
                                            "echo EXIT=$?; {r} -i unquoted.json -t yaml; echo EXIT=$?; "
                                            "{r} -i truncated.json -t toml; echo EXIT=$?"),
                     ("remarshal-list-toml", "{r} -i register.yaml -t json --indent 2 | head -n 130; "
                                             "{r} -i fleet_list.yaml -t toml; echo EXIT=$?")]:
        cap(iid, "bash -c " + shlex.quote(cmd.format(r=rm)), d, n_remarshal, timeout=120,
            typed=cmd.format(r="remarshal"))


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
    sys.modules.setdefault("capture_wide377", sys.modules["__main__"])
    main()
