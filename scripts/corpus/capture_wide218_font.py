"""Round 218, fonts: the `fieldnotes` app's typefaces built here with fontTools from a seeded generator (a sans in six
styles, a mono, a serif, two masters for a variable build), with faults put in (glyphs for ä ö ü ß Ё dropped, a name
table without its PostScript name, an hhea whose metrics count runs past the glyphs, a file cut short, masters
whose contours disagree, a master without a glyph, glyphs drawn open through FontForge), read through ttx -l, ttx -t,
pyftsubset --verbose, fonttools varLib, FontForge scripts, fc-query, fc-validate, otfinfo, ots-sanitize and
hb-shape. The extractors are this round's (NEEDLES.md, "Round 218"). Run through capture_wide218.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide218 import SYS_PY, cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 218")


def _pick(lines, pat: str) -> list[str]:
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


def _errors(lines) -> list[str]:
    return _pick(lines, r"\bERROR\b|\b[Ee]rror\b|[Ff]ailed|Traceback|Exception|can't|Can't|cannot|out of range")


@kind("ttx-list", "table")
def n_ttx_list(lines):
    """Rule 4+5: each font's Listing line, the header row, every table row (with more than 3 fonts: each font's smallest and largest table rows and every row whose tag occurs in at most 2 fonts), every error line."""
    fonts: list[tuple[str, list[tuple[str, int, str]]]] = []
    header = None
    for ln in lines:
        if ln.startswith("Listing table info for"):
            fonts.append((ln, []))
        elif re.match(r"^\s+tag\s+checksum", ln):
            header = ln
        else:
            m = re.match(r"^\s+(\S{1,4})\s+0x[0-9A-Fa-f]+\s+(\d+)\s+\d+\s*$", ln)
            if m and fonts:
                fonts[-1][1].append((m.group(1), int(m.group(2)), ln))
    out: list = [header] if header else []
    if len(fonts) <= 3:
        for head, rows in fonts:
            out += [head] + [r[2] for r in rows]
    else:
        count: dict[str, int] = {}
        for _, rows in fonts:
            for tag in {r[0] for r in rows}:
                count[tag] = count.get(tag, 0) + 1
        for head, rows in fonts:
            out.append(head)
            if rows:
                out += [min(rows, key=lambda r: r[1])[2], max(rows, key=lambda r: r[1])[2]]
                out += [r[2] for r in rows if count[r[0]] <= 2]
    return out + _errors(lines) + exit_lines(lines)


@kind("ttx-table", "doc")
def n_ttx_table(lines):
    """Rule 5: every ERROR/WARNING line; name: the namerecord line and the text under it for nameIDs 1, 2, 4, 5, 6 (first of each); head/OS/2/hhea: unitsPerEm, fontRevision, usWeightClass, fsSelection, achVendID, ascent/descent; cmap: each cmap_format opening line and its first and last map line."""
    out = _pick(lines, r"ERROR|WARNING")
    seen = set()
    for i, ln in enumerate(lines):
        m = re.search(r'<namerecord nameID="(\d+)"', ln)
        if m and m.group(1) in {"1", "2", "4", "5", "6"} and m.group(1) not in seen:
            seen.add(m.group(1))
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    out += _pick(lines, r"<(unitsPerEm|fontRevision|usWeightClass|fsSelection|achVendID|ascent|descent|ascender|descender) ")
    maps: list[str] = []
    for ln in lines:
        if re.search(r"<cmap_format_\d+ ", ln):
            if maps:
                out += [maps[0], maps[-1]]
            maps = []
            out.append(ln)
        elif re.search(r"<map code=", ln):
            maps.append(ln)
    if maps:
        out += [maps[0], maps[-1]]
    return out + exit_lines(lines)


@kind("pyftsubset", "build")
def n_pyftsubset(lines):
    """Rule 1+5: the Text:/Unicodes: request lines, the Output/Saved/Subset font line, the glyph-count lines (Retaining N glyphs, the last Closed glyph list per table), the dropped / not-subset table lines (one {"any"} per shape over 3), every WARNING/ERROR and Missing glyphs line."""
    out = _pick(lines, r"^(Text|Unicodes): ")[:2] + _pick(lines, r"^(Output|Saved|Subset font|Input font)\b|Retaining \d+ glyphs")
    closed: dict[str, str] = {}
    for ln in lines:
        m = re.match(r"^Closed glyph list over '(\S+)': \d+ glyphs after", ln)
        if m:
            closed[m.group(1)] = ln
    out += list(closed.values())
    drops = _pick(lines, r"NOT subset|[Dd]ropped|dropped")
    shapes: dict[str, list[str]] = {}
    for ln in drops:
        shapes.setdefault(cm.mask(ln), []).append(ln)
    for group in shapes.values():
        out += [cm.any_of(group)] if len(group) > 3 else group
    warn = _pick(lines, r"^WARNING:")
    wshapes: dict[str, list[str]] = {}
    for ln in warn:
        wshapes.setdefault(cm.mask(ln), []).append(ln)
    out += [cm.any_of(g) for g in wshapes.values()]
    files = _pick(lines, r'^\s*File "')  # a traceback's innermost frame (rule 1's location)
    return out + _pick(lines, r"ERROR|Error|Missing glyphs|Traceback") + files[-1:] + exit_lines(lines)


@kind("fonttools-varlib", "build")
def n_varlib(lines):
    """Rule 1+5: the exception lines (fontTools.varLib.errors, VarLibMergeError, not compatible, KeyError) and the lines naming the master/glyph/table at fault, the innermost File line, the last INFO/Building/Generating line before the error, the closing Saving variation font line, timestamp-like warnings one {"any"} per shape."""
    out: list = []
    err_at = None
    for i, ln in enumerate(lines):
        if re.search(r"fontTools\.\w+(\.\w+)*Error|VarLib\w*Error|Error:|not compatible|incompatible|KeyError|"
                     r"ShouldBeConstant|Traceback|\bERROR\b", ln):
            out.append(ln)
            if err_at is None and not ln.startswith("WARNING"):
                err_at = i
        elif re.search(r"^\s*(The glyphs?|Expected|The fonts?|Got|Master|  master)\b", ln):
            out.append(ln)
    files = _pick(lines, r'^\s*File "')
    if files:
        out.append(files[-1])
    end = err_at if err_at is not None else len(lines)
    steps_ = [ln for ln in lines[:end] if re.search(r"^(INFO|Building|Generating|Merging|Loading)\b|^\s*(INFO|Building|Generating|Merging)\b", ln)]
    if steps_ and err_at is not None:
        out.append(steps_[-1])
    out += _pick(lines, r"Saving variation font")
    shapes: dict[str, list[str]] = {}
    for ln in _pick(lines, r"^WARNING:"):
        if not re.search(r"incompatible|not compatible", ln):
            shapes.setdefault(cm.mask(ln), []).append(ln)
    out += [cm.any_of(g) for g in shapes.values()]
    return out + exit_lines(lines)


FF_BANNER = re.compile(r"Copyright \(c\) 2000|License GPLv3|with many parts BSD|^\s*Version: \d|Based on sources from|"
                       r"^PythonUI_Init|^copyUIMethodsToBaseTable|^Program root:|Core python package")
FF_SERIOUS = re.compile(r"open contour|self-intersect|missing points|bad reference|missing glyph|MISSING", re.I)
FF_MILD = ["missing extrema", "wrong direction", "points too close", "non-integral", "flipped reference",
           "too many points", "duplicate", "points too far"]


@kind("fontforge-script", "lint")
def n_fontforge(lines):
    """Rule 1+5: FontForge's own error/warning lines (one {"any"} per shape over 3), every glyph line naming a serious problem (open contour, self-intersection, missing glyph, bad reference), one {"any"} per milder problem name, the report's summary / validate() lines."""
    body = [ln for ln in lines if not FF_BANNER.search(ln)]
    own = [ln for ln in body if re.search(r"\b(Error|Warning|Internal Error|Failed to)\b|is mapped to|but its name indicates", ln)
           and not ln.startswith("  ")]
    shapes: dict[str, list[str]] = {}
    for ln in own:
        shapes.setdefault(cm.mask(ln), []).append(ln)
    out: list = []
    for g in shapes.values():
        out += [cm.any_of(g)] if len(g) > 3 else g
    glyph_rows = [ln for ln in body if ln.startswith("  ") and ":" in ln]
    out += [ln for ln in glyph_rows if FF_SERIOUS.search(ln)]
    for name in FF_MILD:
        group = [ln for ln in glyph_rows if name in ln.lower() and not FF_SERIOUS.search(ln)]
        if group:
            out.append(cm.any_of(group))
    out += _pick(body, r"glyphs checked|validate\(\) = |^font |^== ")
    return out + exit_lines(lines)


@kind("fc-query", "table")
def n_fc_query(lines):
    """Rule 5: per pattern its family/style/fullname/postscriptname/fontformat/weight/file/fontversion lines, the first 200 characters of its lang line, the first line of its charset block, every error line."""
    out = _pick(lines, r"^\s+(family|style|fullname|postscriptname|fontformat|weight|file|fontversion|lang): |^Pattern has")
    for i, ln in enumerate(lines):
        if re.match(r"^\s+charset:", ln) and i + 1 < len(lines):
            out.append(lines[i + 1])
    return out + _pick(lines, r"Can't query|fc-query:") + exit_lines(lines)


@kind("fc-validate", "lint")
def n_fc_validate(lines):
    """Rule 1+5: every Missing N glyph(s) line with its first missing code point line under --verbose, the Satisfy lines (at most 12, else first and last), every error line."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"Missing \d+ glyph", ln):
            out.append(ln)
            if i + 1 < len(lines) and re.match(r"^\s+0x[0-9a-f]+", lines[i + 1]):
                out.append(lines[i + 1])
    ok = _pick(lines, r"Satisfy the coverage")
    out += ok if len(ok) <= 12 else [ok[0], ok[-1]]
    return out + _pick(lines, r"Can't open|fc-validate:|[Ee]rror") + exit_lines(lines)


@kind("otfinfo", "table")
def n_otfinfo(lines):
    """Rule 1+5: every otfinfo error line; -i's Family/Subfamily/Full name/PostScript name/Version/Unique ID/Vendor ID lines; -t every table row; -u/-g first and last rows and .notdef rows."""
    out = _pick(lines, r"^otfinfo:|[Ee]rror")
    info = _pick(lines, r"^(Family|Subfamily|Full name|PostScript name|Version|Unique ID|Vendor ID):")
    out += info
    rows = [ln for ln in lines if re.match(r"^(uni[0-9A-F]{4,6}|\S+)\s+\d+\s+\S+", ln) and not ln.startswith("==")]
    tables = [ln for ln in lines if re.match(r"^\s*\d+\s+\S{1,4}\s*$", ln)]
    out += tables
    if rows and not info:
        out += [rows[0], rows[-1]] + [ln for ln in rows if ".notdef" in ln]
    return out + _pick(lines, r"^== ") + exit_lines(lines)


@kind("ots-sanitize", "lint")
def n_ots(lines):
    """Rule 1+3: every ERROR: line (WARNING: one {"any"} per table tag and font), each verdict line, the loop's header line of each font that failed."""
    out: list = []
    header = None
    warn: dict[tuple, list[str]] = {}
    failed_headers = []
    for ln in lines:
        if ln.startswith("== "):
            header = ln
        elif ln.startswith("ERROR:") or "Failed to sanitize" in ln:
            out.append(ln)
            if header and header not in failed_headers:
                failed_headers.append(header)
        elif ln.startswith("WARNING:"):
            m = re.match(r"WARNING: (\S+)", ln)
            warn.setdefault((m.group(1) if m else "", header), []).append(ln)
        elif "sanitized successfully" in ln:
            out.append(ln)
    return out + failed_headers + [cm.any_of(g) for g in warn.values()] + exit_lines(lines)


@kind("hb-shape", "table")
def n_hb_shape(lines):
    """Rule 5: every run line holding .notdef or gid0 (a character the font lacks), every hb-shape error line; with over 20 runs and none missing, the first and last run lines."""
    runs = [ln for ln in lines if re.search(r"\[\S+=\d+", ln)]
    out = [ln for ln in runs if ".notdef" in ln or re.search(r"\bgid0\b|\|0=|\[0=", ln)]
    out += _pick(lines, r"^hb-shape:|[Ee]rror|[Ff]ailed")
    if not out and len(runs) > 20:
        out += [runs[0], runs[-1]]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the fonts

BUILD = r'''"""Build fieldnotes' fonts with fontTools (seeded shapes), faults put in per font."""
import json, random, sys
from fontTools.agl import UV2AGL
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

BLOCKS = {"basic": list(range(0x20, 0x7F)), "latin1": list(range(0xA0, 0x100)), "exta": list(range(0x100, 0x180)),
          "cyr": list(range(0x410, 0x450)) + [0x401, 0x451], "greek": list(range(0x391, 0x3AA)) + list(range(0x3B1, 0x3CA)),
          "punct": [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AC, 0x2122]}


def gname(u):
    return UV2AGL.get(u, "uni%04X" % u)


def draw(rnd, upm, weight, npts=None):
    pen = TTGlyphPen(None)
    w = rnd.randint(int(upm * 0.45), int(upm * 0.7))
    for c in range(2 if rnd.random() < 0.12 else 1):
        x0, y0 = rnd.randint(20, 80) + c * 40, rnd.randint(0, 60)
        x1, y1 = w - rnd.randint(20, 80), rnd.randint(500, 720)
        n = npts or rnd.choice([4, 5, 6])
        pts = [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]
        if n > 4:
            pts.insert(2, ((x0 + x1) // 2, y1 + weight // 4))
        if n > 5:
            pts.insert(1, (x0 - 10, (y0 + y1) // 2))
        pen.moveTo(pts[0])
        for p in pts[1:]:
            pen.lineTo(p)
        pen.closePath()
    return pen.glyph(), w


def build(spec):
    rnd = random.Random(spec["seed"])
    cps = []
    for block in spec["blocks"]:
        cps += BLOCKS[block]
    drop = set(spec.get("drop", []))
    cps = [u for u in cps if u not in drop]
    names = [".notdef"] + [gname(u) for u in cps]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({u: gname(u) for u in cps})
    glyphs, metrics = {}, {}
    for n in names:
        g, w = draw(rnd, 1000, spec.get("weight", 80), npts=spec.get("npts", {}).get(n))
        glyphs[n], metrics[n] = g, (w, 20)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fam, sty = spec["family"], spec["style"]
    tbl = dict(familyName=fam, styleName=sty, uniqueFontIdentifier=f"{fam}-{sty};{spec['version']}",
               fullName=f"{fam} {sty}", psName=fam.replace(" ", "") + "-" + sty, version="Version " + spec["version"],
               manufacturer="Fieldnotes Type", designer="R. Ortolan", licenseDescription="SIL Open Font License 1.1")
    for k in spec.get("name_drop", []):
        tbl.pop(k, None)
    tbl.update(spec.get("name_set", {}))
    fb.setupNameTable(tbl)
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=900, usWinDescent=250,
                usWeightClass=spec.get("wclass", 400), achVendID="FNTE", fsSelection=spec.get("fssel", 0x40))
    fb.setupPost()
    fb.setupHead(unitsPerEm=1000, fontRevision=float(spec["version"]))
    if spec.get("fea"):
        fb.addOpenTypeFeatures(spec["fea"])
    if spec.get("gasp"):
        from fontTools.ttLib import newTable
        gasp = newTable("gasp")
        gasp.version, gasp.gaspRange = 1, {8: 0x000A, 0xFFFF: 0x000F}
        fb.font["gasp"] = gasp
    fb.save(spec["out"])
    data = bytearray(open(spec["out"], "rb").read())
    if spec.get("hmetrics"):
        from fontTools.ttLib import TTFont
        off = TTFont(spec["out"]).reader.tables["hhea"].offset
        data[off + 34: off + 36] = spec["hmetrics"].to_bytes(2, "big")  # numberOfHMetrics past the glyph count
    if spec.get("truncate"):
        data = data[: spec["truncate"]]
    open(spec["out"], "wb").write(bytes(data))


for spec in json.load(open(sys.argv[1])):
    build(spec)
'''

KERN = "languagesystem DFLT dflt;\nlanguagesystem latn dflt;\nfeature kern {\n" + "".join(
    f"  pos {a} {b} {v};\n" for a, b, v in [("A", "V", -80), ("A", "W", -60), ("T", "o", -70), ("V", "a", -60),
                                            ("L", "T", -90), ("P", "A", -50), ("F", "a", -40), ("Y", "o", -70)]) + "} kern;\n"
LIGA = "feature smcp {\n" + "".join(f"  sub {c} by {c.upper()};\n" for c in "abcdefghijklmnopqrstuvwxyz") + "} smcp;\n"
SANS = ["basic", "latin1", "exta", "punct"]
GERMAN_CYR_DROP = [0xE4, 0xF6, 0xFC, 0xDF, 0x401, 0x451]


def specs() -> list[dict]:
    fam = "Fieldnotes Sans"
    out = []
    for i, (sty, wcls, fssel) in enumerate([("Light", 300, 0x40), ("Regular", 400, 0x40), ("Italic", 400, 0x01),
                                             ("Medium", 500, 0x40), ("Bold", 700, 0x20), ("BoldItalic", 700, 0x21)]):
        s = {"seed": 10 + i, "blocks": SANS + (["cyr"] if sty != "Light" else []), "family": fam, "style": sty,
             "version": "1.204", "wclass": wcls, "fssel": fssel, "out": f"fonts/FieldnotesSans-{sty}.ttf",
             "fea": KERN + (LIGA if sty in ("Regular", "Bold") else ""), "gasp": sty in ("Regular", "Medium")}
        if sty == "Bold":
            s["drop"] = GERMAN_CYR_DROP
            s["name_drop"] = ["psName"]
        if sty == "Medium":
            s["version"] = "1.198"  # one style left behind at the last release
        out.append(s)
    out.append({"seed": 30, "blocks": ["basic", "greek", "punct"], "family": "Fieldnotes Mono", "style": "Regular",
                "version": "0.9", "out": "fonts/FieldnotesMono-Regular.ttf", "hmetrics": 400})
    out.append({"seed": 31, "blocks": ["basic", "latin1"], "family": "Fieldnotes Mono", "style": "Bold", "version": "0.9",
                "wclass": 700, "fssel": 0x20, "out": "fonts/FieldnotesMono-Bold.ttf",
                "name_set": {"familyName": "Fieldnotes Mono Bold", "styleName": "Regular"}})
    out.append({"seed": 40, "blocks": ["basic", "latin1", "punct"], "family": "Fieldnotes Serif", "style": "Italic",
                "version": "2.0", "fssel": 0x01, "out": "fonts/FieldnotesSerif-Italic.ttf", "truncate": 9000})
    out.append({"seed": 41, "blocks": ["basic", "latin1", "exta", "greek", "cyr", "punct"], "family": "Fieldnotes Serif",
                "style": "Regular", "version": "2.0", "out": "fonts/FieldnotesSerif-Regular.ttf", "fea": KERN})
    for sty, wt, wcls, npts, drop in [("Light", 20, 300, {}, []), ("Black", 400, 900, {"g": 6, "adieresis": 4}, []),
                                      ("Thin", 0, 100, {}, [0x7A, 0xFF])]:
        out.append({"seed": 50, "blocks": ["basic", "latin1"], "family": "Fieldnotes Var", "style": sty, "version": "1.0",
                    "weight": wt, "wclass": wcls, "npts": npts, "drop": drop, "out": f"masters/FV-{sty}.ttf"})
    return out


DESIGNSPACE = """<?xml version='1.0' encoding='UTF-8'?>
<designspace format="4.1">
  <axes>
    <axis tag="wght" name="Weight" minimum="{lo}" maximum="900" default="{lo}"/>
  </axes>
  <sources>
{sources}  </sources>
</designspace>
"""


def designspace(masters: list[tuple[str, int]]) -> str:
    src = "".join(f'    <source filename="masters/FV-{m}.ttf" name="{m}"><location><dimension name="Weight" '
                  f'xvalue="{w}"/></location></source>\n' for m, w in masters)
    return DESIGNSPACE.format(lo=min(w for _, w in masters), sources=src)


PHRASES_SEED = 2180
WORDS = ["Größe", "über", "Straße", "Ölkanne", "Ёлка", "ёж", "Привет", "café", "naïve", "Łódź", "Zürich", "façade",
         "smörgåsbord", "Ελλάδα", "Ωμέγα", "“quoted”", "dash—dash", "5 €", "Notes™", "field", "notes", "AVATAR",
         "Toast", "LTA", "Wave", "Yoga", "Falls", "ß", "Ärger", "Übung", "год", "Сибирь", "ñandú", "Ångström"]


def phrases(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 3))) for _ in range(n)]


FF_VALIDATE = r'''import sys
import fontforge

BITS = [(0x2, "open contour"), (0x4, "self-intersecting"), (0x8, "wrong direction"), (0x10, "flipped reference"),
        (0x20, "missing extrema"), (0x40, "missing lookup tag"), (0x80, "points too far apart"),
        (0x100, "non-integral coordinates"), (0x200, "missing anchor"), (0x400, "duplicate glyph name"),
        (0x800, "duplicate unicode"), (0x1000, "overlapping hints"), (0x40000, "too many points")]
NEEDED = {"de": "äöüßÄÖÜ", "ru": "ёЁжЖщЩ", "fr": "éèêçœ", "el": "αβγΩ"}


def report(f, label):
    print("== %s (%s)" % (label, f.fontname))
    print("validate() = 0x%x" % f.validate(1))
    checked = bad = 0
    for g in f.glyphs():
        checked += 1
        st = g.validation_state
        names = [n for bit, n in BITS if st & bit]
        if names:
            bad += 1
            print("  %-18s U+%04X: %s" % (g.glyphname, g.unicode if g.unicode >= 0 else 0, ", ".join(names)))
    for lang, chars in NEEDED.items():
        for ch in chars:
            if ord(ch) not in f:
                print("  %-18s U+%04X: MISSING glyph needed for %s" % ("(none)", ord(ch), lang))
    print("%d glyphs checked, %d with problems" % (checked, bad))


for path in sys.argv[1:]:
    f = fontforge.open(path)
    report(f, path)
    f.close()
'''

FF_DRAW = r'''import random
import sys
import fontforge

rnd = random.Random(int(sys.argv[1]))
f = fontforge.font()
f.fontname, f.familyname, f.fullname = "FieldnotesHand-Regular", "Fieldnotes Hand", "Fieldnotes Hand Regular"
f.em = 1000
for cp in list(range(0x41, 0x5B)) + list(range(0x61, 0x7B)) + [0xE4, 0xF6, 0xFC, 0xDF]:
    g = f.createChar(cp)
    pen = g.glyphPen()
    x0, y0, x1, y1 = rnd.randint(30, 90), rnd.randint(-10, 20), rnd.randint(380, 560), rnd.randint(480, 720)
    pen.moveTo((x0, y0))
    if rnd.random() < 0.3:
        pen.curveTo((x0, y1 + 40), (x1, y1 + 40), (x1, y0 + 3.5))  # a bowl whose ends are off the extrema
    else:
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
    if cp in (0x43, 0x63, 0x47, 0x53, 0xDF) or rnd.random() < 0.08:
        pen.endPath()  # the stroke left open
    else:
        pen.closePath()
    if rnd.random() < 0.2:
        pen.moveTo((x0 - 20, (y0 + y1) // 2))
        pen.lineTo((x1 + 20, (y0 + y1) // 2 + 30))
        pen.lineTo((x1 + 20, (y0 + y1) // 2 - 30))
        pen.lineTo((x0 - 20, (y0 + y1) // 2 + 60))  # a bar drawn as a bow tie: crosses itself
        pen.closePath()
    pen = None
    g.width = x1 + rnd.randint(40, 90)
f.createChar(-1, "notes.alt")
print("drawn", len(list(f.glyphs())), "glyphs")
print("validate() = 0x%x" % f.validate(1))
for g in f.glyphs():
    st = g.validation_state
    probs = [n for bit, n in [(0x2, "open contour"), (0x4, "self-intersecting"), (0x8, "wrong direction"),
                              (0x20, "missing extrema"), (0x100, "non-integral coordinates")] if st & bit]
    if probs:
        print("  %-10s U+%04X: %s" % (g.glyphname, g.unicode if g.unicode >= 0 else 0, ", ".join(probs)))
print("%d glyphs checked, %d with problems" % (len(list(f.glyphs())), sum(1 for g in f.glyphs() if g.validation_state & ~1)))
f.generate(sys.argv[2])
print("generated", sys.argv[2])
'''


def fonts(tmp: Path) -> None:
    root = tmp / "fieldnotes-fonts"
    (root / "fonts").mkdir(parents=True, exist_ok=True)
    (root / "masters").mkdir(exist_ok=True)
    (root / "tools").mkdir(exist_ok=True)
    (root / "build").mkdir(exist_ok=True)
    (root / "tools" / "build_fonts.py").write_text(BUILD)
    (root / "specs.json").write_text(json.dumps(specs(), indent=1))
    cm.note(run(f"{SYS_PY} tools/build_fonts.py specs.json && ls -la fonts masters", cwd=root).strip()[-600:])
    (root / "phrases.txt").write_text("\n".join(phrases(180, PHRASES_SEED)) + "\n")
    (root / "ui-strings.txt").write_text("\n".join(phrases(60, PHRASES_SEED + 1)) + "\n")
    (root / "Weight.designspace").write_text(designspace([("Light", 300), ("Black", 900)]))
    (root / "Weight3.designspace").write_text(designspace([("Thin", 100), ("Light", 300), ("Black", 900)]))
    (root / "WeightNoBase.designspace").write_text(designspace([("Thin", 100), ("Black", 900)]).replace(
        'default="100"', 'default="400"'))
    (root / "tools" / "validate.py").write_text(FF_VALIDATE)
    (root / "tools" / "draw_hand.py").write_text(FF_DRAW)

    # ttx
    cap("ttx-l-all-fonts", "ttx -l fonts/*.ttf", root, n_ttx_list)
    cap("ttx-l-mono-serif-exit", "ttx -l fonts/FieldnotesMono-Regular.ttf fonts/FieldnotesSerif-Italic.ttf; echo EXIT=$?",
        root, n_ttx_list)
    cap("ttx-t-name-bold", "ttx -q -t name -o - fonts/FieldnotesSans-Bold.ttf", root, n_ttx_table)
    cap("ttx-t-cmap-serif-head-100", "ttx -q -t cmap -o - fonts/FieldnotesSerif-Regular.ttf | head -n 100", root, n_ttx_table)
    cap("ttx-t-head-os2-hhea-mono-b", "ttx -t head -t OS/2 -t hhea -o - fonts/FieldnotesMono-Bold.ttf", root, n_ttx_table)
    # pyftsubset
    cap("pyftsubset-verbose-phrases", "pyftsubset fonts/FieldnotesSans-Bold.ttf --text-file=phrases.txt "
        "--layout-features='*' --verbose --output-file=build/fn-bold-subset.ttf", root, n_pyftsubset)
    cap("pyftsubset-unicodes-timing-tail", "pyftsubset fonts/FieldnotesSerif-Regular.ttf --unicodes='U+0020-007E,U+00A0-00FF,"
        "U+0400-045F,U+2010-2027' --flavor=woff --with-zopfli --verbose --timing --output-file=build/fn-serif.woff 2>&1 "
        "| tail -n 80", root, n_pyftsubset)
    cap("pyftsubset-mono-glyphs-exit", "pyftsubset fonts/FieldnotesMono-Regular.ttf --text='Ωμέγα Größe' --verbose "
        "--output-file=build/fn-mono.ttf; echo EXIT=$?", root, n_pyftsubset)
    # varLib
    cap("fonttools-varlib-v-weight", "fonttools varLib -v Weight.designspace -o build/FieldnotesVar.ttf", root, n_varlib)
    cap("fonttools-varlib-3masters-tail", "fonttools varLib Weight3.designspace -o build/FieldnotesVar3.ttf 2>&1 | tail -n 40; "
        "echo EXIT=$?", root, n_varlib)
    cap("fonttools-varlib-nobase", "fonttools varLib WeightNoBase.designspace -o build/FieldnotesVarNB.ttf", root, n_varlib)
    # FontForge
    cap("fontforge-validate-sans", "fontforge -lang=py -script tools/validate.py fonts/FieldnotesSans-Regular.ttf "
        "fonts/FieldnotesSans-Bold.ttf fonts/FieldnotesMono-Regular.ttf", root, n_fontforge)
    cap("fontforge-draw-hand-grep", "fontforge -lang=py -script tools/draw_hand.py 218 build/FieldnotesHand.otf 2>&1 "
        "| grep -v '^ *[a-z]* *U+.*extrema$'", root, n_fontforge)
    run("fontforge -lang=py -script tools/draw_hand.py 2181 build/FieldnotesHand2.ttf", cwd=root)  # for the OTS loop
    # fontconfig
    cap("fc-query-fonts", "fc-query fonts/FieldnotesSans-*.ttf fonts/FieldnotesMono-*.ttf fonts/FieldnotesSerif-Regular.ttf",
        root, n_fc_query)
    cap("fc-query-dejavu-head-100", "fc-query /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf | head -n 100", root, n_fc_query)
    langs = "de fr es it pl cs tr ru uk bg el sv fi hu ro pt nl da no is lv lt et sk sl hr sr vi"
    cap("fc-validate-langs-loop", f"for l in {langs}; do fc-validate -l $l fonts/FieldnotesSans-*.ttf "
        "fonts/FieldnotesSerif-Regular.ttf; done", root, n_fc_validate)
    cap("fc-validate-verbose-ru-de", "fc-validate --verbose -l ru fonts/*.ttf; fc-validate --verbose -l de fonts/*.ttf; "
        "echo EXIT=$?", root, n_fc_validate)
    # otfinfo, OTS, HarfBuzz
    cap("otfinfo-i-loop", 'for f in fonts/*.ttf; do echo "== $f"; otfinfo -i "$f"; done', root, n_otfinfo)
    cap("ots-sanitize-loop", 'for f in fonts/*.ttf masters/*.ttf build/*.ttf build/*.otf build/*.woff /usr/share/fonts/truetype/dejavu/*.ttf; do '
        'echo "== $f"; ots-sanitize "$f"; done', root, n_ots)
    cap("hb-shape-phrases-bold", "hb-shape --text-file=phrases.txt fonts/FieldnotesSans-Bold.ttf", root, n_hb_shape)
    cap("hb-shape-show-text-mono-grep", "hb-shape --show-text --text-file=ui-strings.txt fonts/FieldnotesMono-Bold.ttf "
        "| grep -n notdef | head -n 100", root, n_hb_shape)


STEPS = [fonts]
