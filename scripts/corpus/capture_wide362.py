#!/usr/bin/env python3
"""Capture round 362 of the compression corpus: second samples of round 358's data-format validators and converters
(xmllint RELAX NG and Schematron, xmlstarlet val/sel/ed, jing, Saxon-HE, xmlschema-validate, openapi-spec-validator,
uconv, the Python yq, chardetect, remarshal) on a lifeboat station's launch records, crew rosters and log books written
here (seeds 36210+) with faults other than round 358's. No extractor is written: every kind's needles come from round
358's extractor, imported from capture_wide358 (NEEDLES.md, "Round 362"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide362.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide362.json  as {"version": 2, "items": [...]}, ids prefixed "wide362-".
"""

from __future__ import annotations

import json
import os
import random
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide358 import (ed_extractor, n_chardetect, n_jing, n_openapi, n_relaxng, n_remarshal,  # noqa: E402
                             n_saxon, n_schematron, n_uconv, n_xmlschema, n_xmlstarlet_sel, n_xmlstarlet_val, n_yq)

ID_PREFIX = "wide362-"
DEFAULT_OUT = HERE / "data" / "wide362.json"
TMP = Path(os.environ.get("HM_WIDE362_TMP", "/dev/shm/hm-corpus-wide362"))
VENV = Path(os.environ.get("HM_WIDE362_VENV", "/dev/shm/hm-corpus-wide362-venv"))
SAXON = "/usr/share/java/Saxon-HE.jar"

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ material: a lifeboat station

STATION = "Porthallow Lifeboat Station"
BOATS = [("Shannon", "ON 1342"), ("Shannon", "ON 1342"), ("D", "D-861"), ("D", "D-861"), ("Atlantic 85", "B-927")]
TASKS = ["person-in-water", "vessel-aground", "machinery-failure", "medevac", "false-alarm", "swimmer-in-difficulty",
         "machinery-failure", "machinery-failure"]
CREW = ["Tamsin Pender", "Jory Trevaskis", "Morwenna Keast", "Loveday Rowe", "Kitto Nance", "Demelza Opie",
        "Piran Jenkin", "Wenna Clemo", "Cador Hocking", "Bryok Tonkin"]
OUTCOMES = ["towed to harbour", "landed ashore", "stood down", "handed to coastguard", "casualty recovered"]


def launches_xml(seed: int, n: int, faults: dict[int, str]) -> str:
    """Launch records; faults by index: order, dup-id, undeclared-attr, neg-duration, nan-duration, bad-class,
    entity, mismatch, dup-attr, force-13."""
    r = random.Random(seed)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<launches station="{STATION}">']
    prev = "L00-000"
    for i in range(n):
        f = faults.get(i, "")
        lid = prev if f == "dup-id" else f"L{seed % 100:02d}-{i:03d}"
        prev = lid
        day = f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        tm = f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}"
        attrs = f'id="{lid}" date="{day}" time="{tm}"'
        if f == "dup-attr":
            attrs += f' date="{day}"'
        cls, on = r.choice(BOATS)
        if f == "bad-class":
            cls = "Arun"
        hull = ' hull="grp"' if f == "undeclared-attr" else ""
        boat = f'    <boat class="{cls}"{hull}>{on}</boat>'
        task = f'    <task>{r.choice(TASKS)}</task>'
        out.append(f'  <launch {attrs}>')
        out += [task, boat] if f == "order" else [boat, task]
        cox = r.choice(CREW)
        if f == "mismatch":
            out.append(f'    <coxswain>{cox}</coxwain>')
        elif f == "entity":
            out.append(f'    <coxswain>{cox} &crewlist;</coxswain>')
        else:
            out.append(f'    <coxswain>{cox}</coxswain>')
        out.append(f'    <crew count="{r.choice([3, 4, 5, 6, 6, 7])}"/>')
        dur = str(r.choice([r.randint(20, 150), r.randint(20, 150), r.randint(200, 420)]))
        if f == "neg-duration":
            dur = f"-{r.randint(5, 60)}"
        if f == "nan-duration":
            dur = "about an hour"
        out.append(f'    <duration>{dur}</duration>')
        force = 13 if f == "force-13" else r.choice([2, 3, 3, 4, 5, 6, 8, 9])
        out.append(f'    <wind force="{force}"/>')
        out.append(f'    <outcome>{r.choice(OUTCOMES)}</outcome>')
        out.append('  </launch>')
    out.append('</launches>')
    return "\n".join(out) + "\n"


RNG = """<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <element name="launches">
      <attribute name="station"/>
      <oneOrMore><ref name="launch"/></oneOrMore>
    </element>
  </start>
  <define name="launch">
    <element name="launch">
      <attribute name="id"><data type="ID"/></attribute>
      <attribute name="date"><data type="date"/></attribute>
      <attribute name="time"><data type="string"><param name="pattern">\\d{2}:\\d{2}</param></data></attribute>
      <element name="boat">
        <attribute name="class"><choice><value>Shannon</value><value>D</value><value>Atlantic 85</value></choice></attribute>
        <text/>
      </element>
      <element name="task"><ref name="taskType"/></element>
      <element name="coxswain"><text/></element>
      <element name="crew"><attribute name="count"><data type="positiveInteger"/></attribute></element>
      <element name="duration"><data type="nonNegativeInteger"/></element>
      <element name="wind"><attribute name="force"><data type="integer"><param name="maxInclusive">12</param></data></attribute></element>
      <element name="outcome"><text/></element>
    </element>
  </define>
  <define name="taskType">
    <choice><value>person-in-water</value><value>vessel-aground</value><value>machinery-failure</value>
      <value>medevac</value><value>false-alarm</value><value>swimmer-in-difficulty</value></choice>
  </define>
</grammar>
"""

RNC = """datatypes xsd = "http://www.w3.org/2001/XMLSchema-datatypes"
start = element launches { attribute station { text }, launch+ }
launch = element launch {
  attribute id { xsd:ID },
  attribute date { xsd:date },
  attribute time { xsd:string { pattern = "\\d{2}:\\d{2}" } },
  element boat { attribute class { "Shannon" | "D" | "Atlantic 85" }, text },
  element task { taskType },
  element coxswain { text },
  element crew { attribute count { xsd:positiveInteger } },
  element duration { xsd:nonNegativeInteger },
  element wind { attribute force { xsd:integer { maxInclusive = "12" } } },
  element outcome { text }
}
taskType = "person-in-water" | "vessel-aground" | "machinery-failure" | "medevac" | "false-alarm"
  | "swimmer-in-difficulty"
"""

XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="classType"><xs:restriction base="xs:string">
    <xs:enumeration value="Shannon"/><xs:enumeration value="D"/><xs:enumeration value="Atlantic 85"/>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="forceType"><xs:restriction base="xs:integer">
    <xs:minInclusive value="0"/><xs:maxInclusive value="12"/>
  </xs:restriction></xs:simpleType>
  <xs:element name="launches"><xs:complexType><xs:sequence>
    <xs:element name="launch" maxOccurs="unbounded"><xs:complexType><xs:sequence>
      <xs:element name="boat"><xs:complexType><xs:simpleContent><xs:extension base="xs:string">
        <xs:attribute name="class" type="classType" use="required"/>
      </xs:extension></xs:simpleContent></xs:complexType></xs:element>
      <xs:element name="task" type="xs:string"/>
      <xs:element name="coxswain" type="xs:string"/>
      <xs:element name="crew"><xs:complexType><xs:attribute name="count" type="xs:positiveInteger" use="required"/></xs:complexType></xs:element>
      <xs:element name="duration" type="xs:nonNegativeInteger"/>
      <xs:element name="wind"><xs:complexType><xs:attribute name="force" type="forceType" use="required"/></xs:complexType></xs:element>
      <xs:element name="outcome" type="xs:string"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:ID" use="required"/>
    <xs:attribute name="date" type="xs:date" use="required"/>
    <xs:attribute name="time" type="xs:string" use="required"/>
    </xs:complexType></xs:element>
  </xs:sequence>
  <xs:attribute name="station" type="xs:string"/>
  </xs:complexType></xs:element>
</xs:schema>
"""

DTD = """<!ELEMENT launches (launch+)>
<!ATTLIST launches station CDATA #REQUIRED>
<!ELEMENT launch (boat, task, coxswain, crew, duration, wind, outcome)>
<!ATTLIST launch id ID #REQUIRED date CDATA #REQUIRED time CDATA #REQUIRED>
<!ELEMENT boat (#PCDATA)>
<!ATTLIST boat class (Shannon|D|Atlantic) #REQUIRED>
<!ELEMENT task (#PCDATA)>
<!ELEMENT coxswain (#PCDATA)>
<!ELEMENT crew EMPTY>
<!ATTLIST crew count CDATA #REQUIRED>
<!ELEMENT duration (#PCDATA)>
<!ELEMENT wind EMPTY>
<!ATTLIST wind force CDATA #REQUIRED>
<!ELEMENT outcome (#PCDATA)>
"""

SCH = """<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="http://purl.oclc.org/dsdl/schematron">
  <pattern id="crew-rest">
    <rule context="launch">
      <assert test="number(duration) &lt;= 240">service over four hours: crew rest period required before next launch</assert>
      <assert test="number(crew/@count) &gt;= 4">launch crewed below the station minimum of four</assert>
      <report test="boat/@class = 'D' and number(wind/@force) &gt;= 8">D-class launched in force 8 or above: coxswain report due</report>
    </rule>
  </pattern>
  <pattern id="watch">
    <rule context="launch">
      <report test="number(substring(@time, 1, 2)) &lt; 6">night launch: pager log to be attached</report>
      <assert test="task != 'false-alarm' or outcome = 'stood down'">false alarm not recorded as stood down</assert>
    </rule>
  </pattern>
</schema>
"""

FAULTS = ["order", "dup-id", "undeclared-attr", "neg-duration", "nan-duration", "bad-class", "force-13"]


def cap_xml(tmp: Path) -> None:
    d = tmp / "xml"
    d.mkdir()
    cm.write_tree(d, {"schema/launch.rng": RNG, "schema/launch.rnc": RNC, "schema/launch.xsd": XSD,
                      "schema/launch.dtd": DTD, "schema/crew-rest.sch": SCH,
                      "schema/broken.rng": RNG.replace('<element name="task"><ref name="taskType"/>',
                                                       '<element name="task"><ref name="taskKind"/>')})
    files = {
        "winter.xml": launches_xml(36210, 30, {4: "order", 11: "neg-duration", 19: "bad-class"}),
        "spring.xml": launches_xml(36211, 18, {}),
        "summer.xml": launches_xml(36212, 60, {2: "dup-id", 14: "undeclared-attr", 33: "nan-duration",
                                               41: "force-13", 52: "order"}),
        "gale.xml": launches_xml(36213, 12, {6: "mismatch"}),
        "relief.xml": launches_xml(36214, 10, {3: "entity"}),
        "pager.xml": launches_xml(36215, 9, {5: "dup-attr"}),
        "year.xml": launches_xml(36216, 220, {k: FAULTS[k % 7] for k in range(3, 220, 17)}),
    }
    files["archive/decade.xml"] = launches_xml(36217, 1100, {k: FAULTS[k % 7] for k in range(6, 1100, 11)})
    for k in range(10):
        files[f"boats/boat_{k:02d}.xml"] = launches_xml(36220 + k, 5 + k, {1: "neg-duration"} if k in (2, 8) else
                                                        {3: "undeclared-attr"} if k == 5 else {})
    cm.write_tree(d, files)
    rng = "xmllint --noout --relaxng"
    cap("relaxng-seasons", f"{rng} schema/launch.rng winter.xml spring.xml summer.xml; echo EXIT=$?", d, n_relaxng,
        timeout=60)
    cap("relaxng-malformed", f"{rng} schema/launch.rng gale.xml relief.xml pager.xml year.xml; echo EXIT=$?", d,
        n_relaxng, timeout=60)
    cap("relaxng-undefined-ref", f"{rng} schema/broken.rng winter.xml boats/*.xml; echo EXIT=$?; "
        f"{rng} schema/launch.rng boats/*.xml; echo EXIT=$?", d, n_relaxng, timeout=60)
    cap("relaxng-decade", f"{rng} schema/launch.rng archive/decade.xml; echo EXIT=$?", d, n_relaxng, timeout=60)
    sch = "xmllint --noout --schematron schema/crew-rest.sch"
    cap("schematron-summer", f"{sch} summer.xml winter.xml; echo EXIT=$?", d, n_schematron, timeout=60)
    cap("schematron-year", f"{sch} year.xml; echo EXIT=$?", d, n_schematron, timeout=60)
    cap("schematron-boats", f"{sch} spring.xml boats/*.xml gale.xml; echo EXIT=$?", d, n_schematron, timeout=60)
    cap("schematron-decade", f"{sch} archive/decade.xml 2>&1 | tail -n 900", d, n_schematron, timeout=60)
    cap("xsval-xsd", "xmlstarlet val -e -s schema/launch.xsd winter.xml summer.xml relief.xml pager.xml; echo EXIT=$?",
        d, n_xmlstarlet_val, timeout=60)
    cap("xsval-boats", "xmlstarlet val -s schema/launch.xsd boats/*.xml *.xml; echo EXIT=$?", d, n_xmlstarlet_val,
        timeout=60)
    cap("xsval-dtd-year", "xmlstarlet val -e -d schema/launch.dtd year.xml gale.xml; echo EXIT=$?", d,
        n_xmlstarlet_val, timeout=60)
    cap("xsval-rng", "xmlstarlet val -e -r schema/launch.rng summer.xml boats/boat_05.xml spring.xml; echo EXIT=$?", d,
        n_xmlstarlet_val, timeout=60)
    sel = ("xmlstarlet sel -T -t -o 'id class duration force crew task' -n -m //launch -v @id -o ' ' -v boat/@class "
           "-o ' ' -v duration -o ' ' -v wind/@force -o ' ' -v crew/@count -o ' ' -v task -n {f}")
    cap("sel-summer", sel.format(f="summer.xml"), d, n_xmlstarlet_sel, timeout=60)
    cap("sel-year", sel.format(f="year.xml"), d, n_xmlstarlet_sel, timeout=60)
    cap("sel-decade", sel.format(f="archive/decade.xml") + " | head -n 1200", d, n_xmlstarlet_sel, timeout=60)
    sel2 = ("xmlstarlet sel -T -t -o 'id coxswain_time outcome' -n -m '//launch[number(duration)>180]' -v @id -o ' ' "
            "-v @time -o ' ' -v outcome -n winter.xml spring.xml year.xml gale.xml; echo EXIT=$?")
    cap("sel-long-services", sel2, d, n_xmlstarlet_sel, timeout=60)
    ed1 = ("xmlstarlet ed -u '//launch[number(duration)>240]/outcome' -v 'crew stood down for rest' "
           "-i '//launch[boat/@class=\"D\"]' -t attr -n inshore -v 'yes' winter.xml")
    cap("ed-winter", ed1, d, ed_extractor(["crew stood down for rest", "yes"]), timeout=60)
    ed2 = ("xmlstarlet ed -s '/launches' -t elem -n signedoff -v 'LOM J. Trevaskis 2026-12-01' "
           "-d '//launch/wind' spring.xml relief.xml; echo EXIT=$?")
    cap("ed-relief-entity", ed2, d, ed_extractor(["LOM J. Trevaskis 2026-12-01"]), timeout=60)
    ed3 = ("xmlstarlet ed -u '//boat[@class=\"Atlantic 85\"]' -v 'B-927 <relief>' -u '/launches/@station' "
           "-v 'Porthallow & Coverack' summer.xml | head -n 300")
    cap("ed-summer-head", ed3, d, ed_extractor(["B-927 &lt;relief&gt;", "Porthallow &amp; Coverack"]), timeout=60)
    cap("jing-rng", "jing schema/launch.rng winter.xml summer.xml spring.xml pager.xml; echo EXIT=$?", d, n_jing,
        timeout=120)
    cap("jing-rnc-year", "jing -c schema/launch.rnc year.xml gale.xml relief.xml; echo EXIT=$?", d, n_jing,
        timeout=120)
    cap("jing-broken-boats", "jing schema/broken.rng boats/*.xml; echo EXIT=$?; jing -c schema/launch.rnc boats/*.xml; "
        "echo EXIT=$?", d, n_jing, timeout=120)


XSL_OK = """<?xml version="1.0"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:text>id,date,boat,task,minutes&#10;</xsl:text>
    <xsl:for-each select="//launch">
      <xsl:if test="number(duration) &gt; 240"><xsl:message>WARN crew rest due after <xsl:value-of select="@id"/></xsl:message></xsl:if>
      <xsl:value-of select="string-join((@id, @date, boat, task, duration), ',')"/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
"""

XSL_ARITY = XSL_OK.replace("string-join((@id, @date, boat, task, duration), ',')",
                           "string-join((@id, substring-before(@date), boat, task, duration), ',')")
XSL_UNKNOWN_FN = XSL_OK.replace("string-join((@id, @date, boat, task, duration), ',')",
                                "string-join((@id, @date, boat, task, hours-from-minutes(duration)), ',')")
XSL_TYPE = XSL_OK.replace("string-join((@id, @date, boat, task, duration), ',')",
                          "string-join((@id, @date, boat, task, string(xs:integer(duration) + 'min')), ',')")
XSL_DIVZERO = XSL_OK.replace("string-join((@id, @date, boat, task, duration), ',')",
                             "string-join((@id, @date, boat, task, string(xs:integer(crew/@count) idiv "
                             "(xs:integer(wind/@force) - 3))), ',')")
XSL_NOTEMPLATE = XSL_OK.replace("<xsl:text>&#10;</xsl:text>\n    </xsl:for-each>",
                                "<xsl:call-template name=\"crewline\"/><xsl:text>&#10;</xsl:text>\n    </xsl:for-each>")


def cap_saxon(tmp: Path) -> None:
    d = tmp / "xml"
    cm.write_tree(d, {"xsl/export.xsl": XSL_OK, "xsl/arity.xsl": XSL_ARITY, "xsl/hours.xsl": XSL_UNKNOWN_FN,
                      "xsl/typed.xsl": XSL_TYPE, "xsl/ratio.xsl": XSL_DIVZERO, "xsl/crew.xsl": XSL_NOTEMPLATE})
    for iid, args in [("saxon-export-year", "-s:year.xml -xsl:xsl/export.xsl"),
                      ("saxon-export-decade", "-s:archive/decade.xml -xsl:xsl/export.xsl"),
                      ("saxon-export-spring-t", "-t -s:spring.xml -xsl:xsl/export.xsl"),
                      ("saxon-arity", "-t -s:winter.xml -xsl:xsl/arity.xsl"),
                      ("saxon-unknown-function-type", "-t -s:winter.xml -xsl:xsl/hours.xsl 2>&1; {j} -t "
                                                      "-s:summer.xml -xsl:xsl/typed.xsl"),
                      ("saxon-divide-by-zero", "-s:summer.xml -xsl:xsl/ratio.xsl"),
                      ("saxon-template-malformed", "-t -s:spring.xml -xsl:xsl/crew.xsl 2>&1; {j} -t "
                                                   "-s:gale.xml -xsl:xsl/export.xsl")]:
        cmd = "{j} " + args + " 2>&1 | head -n {n}; echo EXIT=${{PIPESTATUS[0]}}"
        n = 1500 if "decade" in iid else 400
        cap(iid, "bash -c " + shlex.quote(cmd.format(j=f"java -jar {SAXON}", n=n)), d, n_saxon, timeout=180,
            typed=cmd.format(j=f"java -jar {SAXON}", n=n))


def cap_xmlschema(tmp: Path) -> None:
    d = tmp / "xml"
    x = f"{VENV}/bin/xmlschema-validate"
    for iid, files in [("xmlschema-seasons", "winter.xml spring.xml summer.xml"),
                       ("xmlschema-year", "year.xml"),
                       ("xmlschema-boats", "boats/*.xml relief.xml pager.xml")]:
        cmd = "{x} -v --schema schema/launch.xsd " + files + "; echo EXIT=$?"
        cap(iid, cmd.format(x=x), d, n_xmlschema, timeout=180, typed=cmd.format(x="xmlschema-validate"))


# ------------------------------------------------------------------ OpenAPI specs


def openapi_spec(seed: int, n_paths: int, faults: set[str], version: str = "3.0.3") -> dict:
    r = random.Random(seed)
    paths: dict = {}
    res_all = ["launches", "boats", "crew", "pagers", "exercises", "logbooks"]
    for k in range(n_paths):
        res = res_all[k % 6]
        p = f"/{res}" + ("" if k < 6 else f"/{{{res}Id}}" + ("" if k < 12 else f"/entries{k}"))
        op = {"operationId": f"{'list' if k < 6 else 'get'}{res.title()}{k}", "summary": f"{res} {k}",
              "responses": {"200": {"description": "ok", "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/Launch"}}}}}}
        if k >= 6:
            op["parameters"] = [{"name": f"{res}Id", "in": "path", "required": True, "schema": {"type": "string"}}]
        if "missing-ref" in faults and k == 4:
            op["responses"]["200"]["content"]["application/json"]["schema"] = {"$ref": "#/components/schemas/Pager"}
        if "bad-code" in faults and k == 8:
            op["responses"]["2OO"] = op["responses"].pop("200")
        if "bad-server" in faults and k == 0:
            op["servers"] = [{"description": "station LAN"}]
        paths[p] = {"get": op}
        if r.random() < 0.4 and k < 6:
            paths[p]["post"] = {"operationId": f"create{res.title()}{k}", "requestBody": {"content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Launch"}}}},
                "responses": {"201": {"description": "created"}}}
    spec = {"openapi": version, "info": {"title": "Porthallow Station API", "version": f"2.{seed % 10}.0"},
            "paths": paths, "components": {"schemas": {"Launch": {"type": "object", "required": ["id"], "properties": {
                "id": {"type": "string"}, "boat": {"type": "string"}, "duration": {"type": "integer", "minimum": 0},
                "force": {"type": "integer", "maximum": 12}}}}}}
    return spec


def cap_openapi(tmp: Path) -> None:
    d = tmp / "api"
    d.mkdir()
    specs = {
        "launches.json": openapi_spec(36230, 14, set()),
        "pagers.json": openapi_spec(36231, 20, {"missing-ref", "bad-code", "bad-server"}),
        "crew-3.1.json": openapi_spec(36232, 16, {"bad-server"}, "3.1.0"),
        "old.json": openapi_spec(36233, 9, {"missing-ref"}, "3.0"),
    }
    for name, spec in specs.items():
        (d / name).write_text(json.dumps(spec, indent=2) + "\n")
    o = f"{VENV}/bin/openapi-spec-validator"
    for iid, cmd in [("openapi-loop", "for f in *.json; do {o} --validation-errors all \"$f\"; echo EXIT=$?; done"),
                     ("openapi-pagers-all", "{o} --validation-errors all --subschema-errors all pagers.json; "
                                            "echo EXIT=$?"),
                     ("openapi-three", "for f in launches.json crew-3.1.json old.json; do {o} --subschema-errors all "
                                       "\"$f\"; echo EXIT=$?; done")]:
        cap(iid, cmd.format(o=o), d, n_openapi, timeout=180, typed=cmd.format(o="openapi-spec-validator"))


# ------------------------------------------------------------------ encodings: uconv, chardetect

NOTES = ["Załoga: Łukasz Wójcik, Żaneta Śliwińska", "Posádka: Jiří Dvořák, Šárka Růžičková",
         "crew stood down, casualty ashore", "relief coxswain: Piran Jenkin", "vessel aground on the Manacles",
         "Přívoz do přístavu, motor selhal", "holownik przejął jednostkę", "pager test 07:00 all crew responded",
         "medevac from the Shark's Fin", "Kapitán lodě: Ondřej Šťastný"]


def mixed_csv(seed: int, n: int, bad_rows: set[int], enc_bad: str = "cp1250") -> bytes:
    r = random.Random(seed)
    out = [b"id,boat,date,notes\n"]
    for i in range(n):
        boat = r.choice(BOATS)[1]
        row = f"L{i:03d},{boat},2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d},{r.choice(NOTES)}\n"
        out.append(row.encode(enc_bad if i in bad_rows else "utf-8", "replace"))
    return b"".join(out)


def cap_encodings(tmp: Path) -> None:
    d = tmp / "enc"
    d.mkdir()
    (d / "launch_export.csv").write_bytes(mixed_csv(36240, 150, {44, 45, 118}))
    (d / "clean.csv").write_bytes(mixed_csv(36241, 90, set()))
    (d / "zaloga.csv").write_bytes(mixed_csv(36242, 360, {k for k in range(3, 360, 8)}, "iso-8859-2"))
    (d / "pager_utf16.csv").write_bytes(mixed_csv(36243, 40, set()) + "L999,D-861,2026-12-01,ČŘŽ\n".encode("utf-16"))
    (d / "truncated.txt").write_bytes(("\n".join(NOTES * 8)).encode("utf-8")[:-1])
    cap("uconv-stop-export", "uconv -f utf-8 -t utf-8 --callback stop launch_export.csv; echo EXIT=$?", d, n_uconv,
        timeout=60)
    z = ("uconv -f utf-8 -t utf-8 --from-callback stop zaloga.csv | tail -n 50; echo EXIT=${PIPESTATUS[0]}; "
         "uconv -f utf-8 -t iso-8859-2 --callback stop clean.csv | tail -n 5; echo EXIT=${PIPESTATUS[0]}")
    cap("uconv-zaloga", "bash -c " + shlex.quote(z), d, n_uconv, timeout=60, typed=z)
    t = ("uconv -f utf-8 -t utf-16le --callback stop truncated.txt | uconv -f utf-16le -t utf-8 | tail -n 8; "
         "echo EXIT=${PIPESTATUS[0]}; uconv -f utf-8 -t us-ascii --callback stop pager_utf16.csv; echo EXIT=$?")
    cap("uconv-truncated-utf16", "bash -c " + shlex.quote(t), d, n_uconv, timeout=60, typed=t)
    loop = ("for f in *.csv *.txt; do echo \"== $f\"; uconv -f utf-8 -t windows-1250 --callback stop \"$f\" "
            "| tail -n 4; echo EXIT=${PIPESTATUS[0]}; done 2>&1")
    cap("uconv-loop-1250", "bash -c " + shlex.quote(loop), d, n_uconv, timeout=60, typed=loop)
    e = d / "exports"
    e.mkdir()
    r = random.Random(36250)
    encs = ["utf-8"] * 26 + ["cp1250", "iso-8859-2", "utf-16-le", "euc-kr", "mac-roman", "cp437", "gb2312", "ascii"]
    texts = {"euc-kr": "구조선 출동 기록 승무원 확인 ", "gb2312": "救生艇出动记录，船员已确认 ", "ascii": "launch log plain ascii ",
             "cp437": "crew ░ roster ▒ box drawing ─ │ ", "mac-roman": "crew café log ∂ ƒ © "}
    for k, enc in enumerate(encs):
        body = texts.get(enc, " ".join(r.sample(NOTES, 4)) + " ") * r.randint(3, 40)
        (e / f"log_{k:02d}_{r.choice(['shannon', 'dclass', 'atlantic'])}.txt").write_bytes(body.encode(enc, "replace"))
    (e / "blank.txt").write_bytes(b"\n\n")
    (e / "radar.bin").write_bytes(bytes(r.randrange(256) for _ in range(800)))
    c = f"{VENV}/bin/chardetect"
    for iid, args in [("chardetect-logs", "exports/*"), ("chardetect-csv", "*.csv *.txt exports/log_1*"),
                      ("chardetect-find", "$(find . -type f | sort)")]:
        cmd = "{c} " + args + "; echo EXIT=$?"
        cap(iid, cmd.format(c=c), d, n_chardetect, timeout=120, typed=cmd.format(c="chardetect"))


# ------------------------------------------------------------------ YAML/TOML/JSON: yq, remarshal


def roster_yaml(seed: int, n: int, fault: str = "") -> str:
    r = random.Random(seed)
    out = [f"station: {STATION}", "year: 2026", "defaults: &watch {pager: on, drysuit: checked}", "crew:"]
    for i in range(n):
        out += [f"  - name: {r.choice(CREW)}", f"    role: {r.choice(['helm', 'crew', 'crew', 'navigator', 'tractor driver'])}",
                f"    pager: P{r.randint(100, 999)}", f"    hours: {r.randint(10, 300)}",
                "    kit: *watch"]
        if fault == "alias" and i == n // 2:
            out.append("    relief: *relief")
        if fault == "block" and i == n // 3:
            out += ["    notes: |", "      passed sea survival", "    badly indented", "      continued"]
        if fault == "docmark" and i == n - 4:
            out += ["---", "    extra: true"]
    out.append("boats:\n  ON-1342: {class: Shannon, berth: slipway}\n  D-861: {class: D, berth: boathouse}")
    return "\n".join(out) + "\n"


def cap_yq(tmp: Path) -> None:
    d = tmp / "yaml"
    d.mkdir()
    cm.write_tree(d, {"roster.yaml": roster_yaml(36260, 30), "roster_alias.yaml": roster_yaml(36261, 40, "alias"),
                      "roster_block.yaml": roster_yaml(36262, 45, "block"),
                      "roster_docmark.yaml": roster_yaml(36263, 70, "docmark")})
    body = json.dumps({"pagers": [{"id": f"P{k:03d}", "battery": 100 - k} for k in range(30)]}, indent=2)
    (d / "pagers.json").write_text(body.replace('"battery": 88\n', '"battery": 88,\n').replace(
        '"pagers": [', '"pagers": [ // tested weekly', 1) + "\n")
    y = f"{VENV}/bin/yq"
    for iid, cmd in [("yq-alias", "{y} -y '.boats, .crew[-5:]' roster.yaml roster_alias.yaml; echo EXIT=$?"),
                     ("yq-loop", "for f in roster*.yaml; do echo \"== $f\"; {y} -y '.crew[0:2]' \"$f\"; echo EXIT=$?; done"),
                     ("yq-block-docmark", "{y} -y '.crew[] | select(.hours > 200)' roster.yaml roster_block.yaml "
                                          "roster_docmark.yaml; echo EXIT=$?"),
                     ("yq-json-comment", "{y} '.crew[].name' roster.yaml | head -n 20; {y} '.pagers[] | .id' "
                                         "pagers.json; echo EXIT=$?")]:
        cap(iid, cmd.format(y=y), d, n_yq, timeout=120, typed=cmd.format(y="yq"))


def cap_remarshal(tmp: Path) -> None:
    d = tmp / "yaml"
    boats = ("[station]\nname = \"Porthallow\"\nopened = 1869-09-14\n\n"
             + "".join(f"[[launch]]\nid = \"L{k:03d}\"\nboat = \"{BOATS[k % 5][1]}\"\nminutes = {20 + (k * 37) % 300}\n"
                       f"weather = {{ force = {k % 10}, sea = \"{['slight', 'moderate', 'rough'][k % 3]}\" }}\n\n"
                       for k in range(70)))
    (d / "launches.toml").write_text(boats)
    (d / "launches_string.toml").write_text(boats.replace('sea = "rough" }', 'sea = "rough }', 1))
    (d / "launches_date.toml").write_text(boats.replace("opened = 1869-09-14", "opened = 1869-13-40"))
    (d / "trailing.json").write_text('{"pagers": [{"id": "P101", "battery": 91},\n {"id": "P102", "battery": 77},\n]}\n')
    rm = f"{VENV}/bin/remarshal"
    for iid, cmd in [("remarshal-toml-yaml", "{r} -i launches.toml -t yaml | head -n 260; echo EXIT=${{PIPESTATUS[0]}}"),
                     ("remarshal-bad-toml", "{r} -i launches.toml -t yaml | tail -n 40; {r} -i launches_string.toml "
                                            "-t yaml; echo EXIT=$?; {r} -i launches_date.toml -t json; echo EXIT=$?"),
                     ("remarshal-alias-toml", "{r} -i roster_alias.yaml -t toml; echo EXIT=$?; {r} -i roster.yaml "
                                              "-t toml | head -n 80; {r} -i trailing.json -t yaml; echo EXIT=$?"),
                     ("remarshal-json", "{r} -i roster.yaml -t json --indent 2 | head -n 140; "
                                        "{r} -i roster_block.yaml -t json; echo EXIT=$?")]:
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
    sys.modules.setdefault("capture_wide362", sys.modules["__main__"])
    main()
