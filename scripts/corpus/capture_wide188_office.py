"""Round 188: the round's own workbooks, documents and PDFs with faults put in, and the command-line tools that
convert, dump and check them, with the extractors of NEEDLES.md's "Round 188" rules. Run through capture_wide188.py."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_data import categorical, rule4
from capture_wide108 import tracebacks
from capture_wide182 import exit_lines
from capture_wide188 import VENV, cap

PY = f"{VENV}/bin/python"

# ------------------------------------------------------------------ fixtures

MAKE_BOOKS = r'''
"""The freight office's files: workbooks, documents and PDFs, seeded, with faults put in."""
import random, zipfile, shutil, sys
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName

rnd = random.Random(188)
DEPOTS = ["Rotterdam", "Hamburg", "Antwerp", "Le Havre", "Gdansk", "Felixstowe", "Valencia"]
CARRIERS = ["Maersk", "MSC", "CMA CGM", "Hapag", "ONE"]

def ledger(ws, n, errors=True):
    ws.append(["shipment", "depot", "carrier", "containers", "teu", "rate_eur", "total_eur", "status"])
    for i in range(n):
        depot = rnd.choice(DEPOTS[:4]) if rnd.random() < 0.93 else rnd.choice(DEPOTS[4:])
        c = rnd.randint(1, 40)
        rate = round(rnd.uniform(850, 2400), 2)
        status = "delivered" if rnd.random() < 0.8 else rnd.choice(["in transit", "held"])
        if i == n - 7:
            status = "customs seizure"
        row = [f"SHP-{18800 + i}", depot, rnd.choice(CARRIERS), c, c * 2, rate, round(c * rate, 2), status]
        if errors and i in (n // 5, n // 2):
            row[6] = "#REF!"
        if errors and i == n // 3:
            row[6] = "#DIV/0!"
        if errors and i == (2 * n) // 3:
            row[5] = "#VALUE!"
        if errors and i == n - 12:
            row[3] = "twelve"
        ws.append(row)

# 1. ledger.xlsx: three sheets, cached error values, a formula sheet, a defined name pointing at a deleted sheet
wb = Workbook()
ws = wb.active; ws.title = "Ledger"
ledger(ws, 420)
rates = wb.create_sheet("Rates")
rates.append(["lane", "base_eur", "surcharge_pct", "valid_from"])
for k, d in enumerate(DEPOTS):
    rates.append([f"{d}-Shanghai", round(rnd.uniform(900, 2100), 2), rnd.choice([0, 5, 7.5, 12]), f"2026-0{1 + k % 9}-01"])
summ = wb.create_sheet("Summary")
summ.append(["metric", "value"])
summ.append(["total_eur", "=SUM(Ledger!G2:G421)"])
summ.append(["containers", "=SUM(Ledger!D2:D421)"])
summ.append(["avg_rate", "=AVERAGE(Ledger!F2:F421)"])
summ.append(["per_teu", "=B2/B9"])
summ.append(["q3_budget", "=Budget!C14*1.05"])
summ.append(["loop_a", "=B8+1"])
summ.append(["loop_b", "=B7*2"])
summ.append(["zero", 0])
summ.append(["lookup", '=VLOOKUP("Oslo-Shanghai",Rates!A2:B8,2,FALSE)'])
summ.append(["bad_name", "=SUMM(B2:B3)"])
summ.append(["sqrt_neg", "=SQRT(-B3)"])
wb.defined_names["BudgetTotal"] = DefinedName("BudgetTotal", attr_text="#REF!$C$14")
dv = DataValidation(type="list", formula1='"delivered,in transit,held"', allow_blank=True)
ws.add_data_validation(dv); dv.add("H2:H421")
wb.save("ledger.xlsx")

# 2. formulas.xlsx: only formulas (no cached values), for ssconvert --recalc and LibreOffice
wb2 = Workbook(); f = wb2.active; f.title = "Calc"
f.append(["lane", "containers", "rate", "total", "share", "check"])
for i in range(2, 182):
    f.append([f"L{i:03d}", rnd.randint(0, 30) if i % 37 else 0, round(rnd.uniform(900, 2000), 2),
              f"=B{i}*C{i}", f"=D{i}/B{i}", f"=IF(D{i}>40000,\"HIGH\",\"ok\")"])
f["F60"] = "=F61+1"; f["F61"] = "=F60+1"
for i in range(84, 118, 3):
    f[f"D{i}"] = f"=Archive!D{i}*2"
f["D90"] = "=Archive!D90*2"
for i in (125, 133, 141):
    f[f"E{i}"] = f"=XLOOKUP(A{i},Rates!A:A,Rates!B:B)"
f["E120"] = "=LOOKUPX(A120)"
f["C150"] = "n/a"
wb2.save("formulas.xlsx")

# 3. a big workbook for size
wb3 = Workbook(); b = wb3.active; b.title = "Manifest2026"
ledger(b, 1400)
wb3.save("manifest_2026.xlsx")

# 4. a truncated zip and a file that is not a workbook at all
data = open("ledger.xlsx", "rb").read()
open("ledger_truncated.xlsx", "wb").write(data[: len(data) * 2 // 3])
open("rates_export.xlsx", "w").write("lane;base_eur\nRotterdam-Shanghai;1200\n")

# 5. documents: a report docx with headings and tables, and its truncated copy
from docx import Document
doc = Document()
doc.add_heading("Freight Office Quarterly Report", 0)
sections = ["Summary", "Volumes by depot", "Carrier performance", "Customs incidents", "Rate outlook", "Appendix"]
for s_i, s in enumerate(sections):
    doc.add_heading(f"{s_i + 1}. {s}", 1)
    for p in range(rnd.randint(2, 5)):
        doc.add_paragraph(" ".join(rnd.choice(["containers", "lane", "Rotterdam", "rate", "surcharge", "the", "quarter",
                                               "delayed", "cleared", "vessel", "berth", "TEU", "booked", "and"])
                                   for _ in range(rnd.randint(25, 60))) + ".")
    if s_i == 1:
        doc.add_heading("1.1 Depots under review", 2)
        t = doc.add_table(rows=1, cols=4)
        for c, h in zip(t.rows[0].cells, ["depot", "containers", "teu", "delta"]):
            c.text = h
        for d in DEPOTS:
            r = t.add_row().cells
            r[0].text, r[1].text, r[2].text = d, str(rnd.randint(40, 900)), str(rnd.randint(80, 1800))
            r[3].text = "#REF!" if d == "Gdansk" else f"{rnd.uniform(-9, 9):+.1f}%"
    if s_i == 3:
        doc.add_heading("", 2)
        doc.add_paragraph("Seizure at Le Havre: SHP-19213 held, documents MISSING for 3 containers.")
doc.core_properties.author = "freight-office"; doc.core_properties.title = "Q3 report"
doc.save("report.docx")
d = open("report.docx", "rb").read()
open("report_truncated.docx", "wb").write(d[: len(d) // 2])

# 6. an ODF text document with odfpy, and a copy with elements put where they do not belong
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from odf import meta, dc
odt = OpenDocumentText()
odt.meta.addElement(dc.Title(text="Depot handbook"))
odt.meta.addElement(dc.Creator(text="freight-office"))
odt.meta.addElement(meta.Keyword(text="depots"))
odt.meta.addElement(meta.Keyword(text="customs"))
for k in range(120):
    odt.text.addElement(H(outlinelevel=1 + (k % 3 != 0), text=f"{k // 3 + 1}.{k % 3} {rnd.choice(DEPOTS)} procedure {k}"))
    for _ in range(3):
        odt.text.addElement(P(text=" ".join(rnd.choice(["seal", "gate", "reefer", "berth", "inspection", "slot"])
                                            for _ in range(30))))
odt.save("handbook.odt")
with zipfile.ZipFile("handbook.odt") as zin, zipfile.ZipFile("handbook_bad.odt", "w") as zout:
    for item in zin.infolist():
        body = zin.read(item.filename)
        if item.filename == "content.xml":
            s = body.decode()
            s = s.replace("<text:h ", "<text:h text:colour=\"red\" ", 6)
            s = s.replace("</office:text>", "<text:bogus-field>x</text:bogus-field><table:table-cell>9</table:table-cell></office:text>")
            body = s.encode()
        zout.writestr(item, body)

# 7. PDFs: a hand-written one with an outline and info, and copies with a damaged xref and a truncated tail
def pdf(pages):
    objs = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(pages))
    objs.append("<< /Type /Catalog /Pages 2 0 R /Outlines 3 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>")
    objs.append("<< /Type /Outlines /Count 0 >>")
    for i in range(pages):
        lines = "\n".join(f"BT /F1 10 Tf 50 {760 - 14 * j} Td (SHP-{18800 + i * 40 + j} {rnd.choice(DEPOTS)} {rnd.randint(1, 40)} containers) Tj ET" for j in range(40))
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * i} 0 R /Resources << /Font << /F1 {4 + 2 * pages} 0 R >> >> >>")
        objs.append(f"<< /Length {len(lines)} >>\nstream\n{lines}\nendstream")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objs.append("<< /Title (Manifest 2026) /Author (freight-office) /Producer (round188 generator) /CreationDate (D:20260301120000Z) >>")
    out = b"%PDF-1.4\n"; offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out)); out += f"{n} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offs).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {len(objs)} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
good = pdf(24)
open("manifest.pdf", "wb").write(good)
bad = good.replace(b"0000000", b"0000001", 9)           # xref offsets that point at the wrong bytes
open("manifest_badxref.pdf", "wb").write(bad)
open("manifest_truncated.pdf", "wb").write(good[: len(good) * 3 // 5])
print("fixtures written")
'''

OPENPYXL_DUMP = r'''
import sys, warnings
from openpyxl import load_workbook
warnings.simplefilter("always")
path = sys.argv[1]
wb = load_workbook(path, data_only=len(sys.argv) > 2)
print(f"workbook {path}: sheets {wb.sheetnames}")
for name, dn in wb.defined_names.items():
    print(f"defined name {name} -> {dn.attr_text}")
for ws in wb.worksheets:
    print(f"== sheet {ws.title} dims={ws.dimensions} max_row={ws.max_row}")
    for dv in ws.data_validations.dataValidation:
        print(f"   validation {dv.type} {dv.formula1} on {dv.sqref}")
    for row in ws.iter_rows():
        for c in row:
            if c.data_type in ("f", "e") or (isinstance(c.value, str) and c.column == 4 and c.row > 1):
                print(f"   {c.coordinate:6} type={c.data_type} value={c.value!r}")
tot = 0
ws = wb["Ledger"]
for r in ws.iter_rows(min_row=2, values_only=True):
    tot += r[6]
print("ledger total", tot)
'''

PANDAS_READ = r'''
import sys, warnings
import pandas as pd
warnings.simplefilter("always")
pd.set_option("display.width", 160); pd.set_option("display.max_rows", 80)
path, sheet = sys.argv[1], sys.argv[2]
df = pd.read_excel(path, sheet_name=sheet)
print(df.dtypes)
print(df.head(30))
print(df.tail(20))
print(df.describe(include="all").T)
print("rows with errors:")
print(df[df.apply(lambda r: r.astype(str).str.startswith("#").any(), axis=1)])
print("total teu:", df["teu"].sum(), "total eur:", df["total_eur"].astype(float).sum())
'''

DOCX_DUMP = r'''
import sys
from docx import Document
d = Document(sys.argv[1])
cp = d.core_properties
print(f"title={cp.title!r} author={cp.author!r} revision={cp.revision}")
for i, p in enumerate(d.paragraphs):
    txt = p.text if p.text.strip() else "<EMPTY>"
    print(f"[{i:3d}] {p.style.name:<12} | {txt[:150]}")
for ti, t in enumerate(d.tables):
    print(f"table {ti}: {len(t.rows)} rows x {len(t.columns)} cols")
    for r in t.rows:
        print("   " + " | ".join(c.text for c in r.cells))
for s in d.sections:
    print(f"section {s.start_type} page {s.page_width} x {s.page_height} margins {s.left_margin}/{s.right_margin}")
'''

MSOFF_ENCRYPT = "msoffcrypto-tool -e -p 'Q3-freight!' ledger.xlsx ledger_locked.xlsx"

# ------------------------------------------------------------------ helpers for the rules

ERR_VAL = re.compile(r"#(REF!|DIV/0!|VALUE!|NAME\?|N/A|NUM!|NULL!)|Err:5\d\d")


def err_rows(lines):
    return [ln for ln in lines if ERR_VAL.search(ln)]


def csv_rule4(lines):
    """Rule 4 on one CSV block whose first line is its header: categorical and numeric columns found from the data."""
    if len(lines) < 3:
        return list(lines[:1])
    header = next(csv.reader([lines[0]]))
    rows = []
    for ln in lines[1:]:
        try:
            cells = next(csv.reader([ln]))
        except (csv.Error, StopIteration):
            continue
        if len(cells) == len(header):
            rows.append((ln, dict(zip(header, cells))))
    nums = [h for h in header if rows and sum(_isnum(r[h]) for _, r in rows) >= 0.9 * len(rows)]
    cats = categorical(rows, [h for h in header if h not in nums])
    return rule4(rows, cat=cats, nums=nums, header=[lines[0]])


def _isnum(s):
    try:
        float(s)
        return True
    except (TypeError, ValueError):
        return False


def warn_shapes(lines, pat):
    return groups((mask(ln), ln) for ln in lines if re.search(pat, ln))


def last_line(lines):
    body = [ln for ln in lines if ln.strip() and not re.match(r"EXIT=\d+$", ln.strip())]
    return body[-1:] if body else []


# ------------------------------------------------------------------ extractors

@cm.kind("soffice-convert", "log")
def n_soffice(lines):
    """Every convert … -> … using filter line, every Error/failed/cannot line, warnings one {any} per shape, EXIT."""
    out = [ln for ln in lines if re.match(r"convert .* -> .* using filter", ln)]
    out += [ln for ln in lines if re.search(r"Error|error|failed|cannot|General Error", ln)
            and not re.match(r"convert .* -> ", ln)]
    out += warn_shapes(lines, r"^Warning:|warn:")
    return out + exit_lines(lines)


@cm.kind("ssconvert", "log")
def n_ssconvert(lines):
    """Every error/failed/Unable/Unsupported/invalid line, warning/Message/CRITICAL lines one {any} per shape, cell/sheet lines, the closing line, EXIT."""
    hard = re.compile(r"error|Error|failed|Unable|Unsupported|[Ii]nvalid")
    out = [ln for ln in lines if hard.search(ln)]
    out += warn_shapes([ln for ln in lines if not hard.search(ln)], r"[Ww]arning|Message:|CRITICAL")
    # a cell or sheet that could not be read: `Sheet!A1 : At A1: '…' Unknown sheet '…'`, `cell A1`, `Sheet`
    out += [ln for ln in lines if re.search(r"\bcell\b.*\b[A-Z]{1,3}\d+\b|\b[Ss]heet\b|^\S+![A-Z]{1,3}\d+ : |"
                                           r"^At [A-Z]{1,3}\d+: ", ln) and ln not in out]
    return out + last_line(lines) + exit_lines(lines)


@cm.kind("spreadsheet-csv-errors", "table")
def n_sheet_csv(lines):
    """Rule 4 (header, rare categorical values, numeric extremes) and every row holding a cell error value, EXIT."""
    body = [ln for ln in lines if not re.match(r"EXIT=\d+$", ln.strip()) and ln.strip()]
    return csv_rule4(body) + err_rows(body) + exit_lines(lines)


SEP = re.compile(r"^-{8} \d+ - ")
XERR = re.compile(r"^(\w+\.)*\w*(Error|Exception)\b|Invalid xlsx|BadZipFile|not a zip|does not exist|Sheet .* not found")


def sheet_blocks(lines):
    """The sheets of an `xlsx2csv -a` dump: (separator line or None, the block's lines)."""
    blocks, cur, sep = [], [], None
    for ln in lines:
        if SEP.match(ln):
            if cur or sep:
                blocks.append((sep, cur))
            sep, cur = ln, []
        elif ln.strip() and not re.match(r"EXIT=\d+$", ln.strip()):
            cur.append(ln)
    blocks.append((sep, cur))
    return blocks


@cm.kind("xlsx2csv", "table")
def n_xlsx2csv(lines):
    """Every sheet separator, each sheet's header row, rows with cell error values, rule 4 per sheet; an error run's exception and innermost File line; EXIT."""
    out = tracebacks(lines) + [ln for ln in lines if XERR.search(ln)]
    for sep, block in sheet_blocks([ln for ln in lines if not XERR.search(ln) and not ln.startswith("== ")]):
        if sep:
            out.append(sep)
        out += csv_rule4(block) + err_rows(block)
    return out + exit_lines(lines)


@cm.kind("in2csv-xlsx", "table")
def n_in2csv(lines):
    """--names: every sheet name; otherwise header, rows with error values, rule 4; an error run's exception/Error: line and innermost File line; EXIT."""
    errs = [ln for ln in lines if XERR.search(ln) or re.match(r"Error:|E |\w+Error:", ln)]
    out = tracebacks(lines) + errs
    body = [ln for ln in lines if ln.strip() and not re.match(r"EXIT=\d+$", ln.strip()) and ln not in errs
            and not ln.startswith(("== ", "Traceback", "  "))]
    if body and all("," not in ln for ln in body) and len(body) <= 40:
        return out + body + exit_lines(lines)
    return out + csv_rule4([ln for ln in body if "," in ln]) + err_rows(body) + exit_lines(lines)


@cm.kind("openpyxl-run", "log")
def n_openpyxl(lines):
    """Exception lines with the innermost File line, Warning lines one {any} per shape, lines with error values or #REF! formulas, sheet header lines, the last line, EXIT."""
    out = tracebacks(lines)
    out += warn_shapes(lines, r"\w*Warning\b")
    out += [ln for ln in lines if ERR_VAL.search(ln)]
    out += [ln for ln in lines if re.match(r"(== sheet |workbook )", ln)]
    return out + last_line(lines) + exit_lines(lines)


@cm.kind("pandas-read-excel", "table")
def n_pandas_excel(lines):
    """Exception with innermost File line, Warning lines one {any} per shape, frame header lines, object dtypes of numeric columns, NaN rows, error-value rows, EXIT."""
    out = tracebacks(lines) + warn_shapes(lines, r"\w*Warning\b")
    out += [ln for ln in lines if re.match(r"\s+shipment\s+depot\b", ln)]
    out += [ln for ln in lines if re.match(r"(containers|teu|rate_eur|total_eur)\s+object$", ln)]
    out += [ln for ln in lines if re.match(r"\d+\s+SHP-", ln) and (" NaN" in ln or ERR_VAL.search(ln))]
    out += [ln for ln in lines if ln.startswith(("total teu:", "rows with errors:"))]
    return out + exit_lines(lines)


@cm.kind("python-docx-dump", "doc")
def n_docx_dump(lines):
    """Every Heading/Title paragraph line, every table header with its first row, exception lines with innermost File line, MISSING/broken/error/#REF!/<EMPTY> heading lines, EXIT."""
    out = [ln for ln in lines if re.match(r"\[\s*\d+\] (Heading \d|Title)", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"table \d+:", ln):
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
    out += tracebacks(lines)
    out += [ln for ln in lines if re.search(r"MISSING|broken|error|#REF!", ln) and ln not in out]
    return out + exit_lines(lines)


@cm.kind("odflint", "lint")
def n_odflint(lines):
    """Every finding line, one {any} per message shape when a shape repeats more than twice; exception lines; EXIT."""
    tb = re.compile(r"\s|Traceback|During handling|(\w+\.)*\w*(Error|Exception)\b")  # a traceback's lines
    body = [ln for ln in lines if ln.strip() and not re.match(r"EXIT=\d+$", ln.strip())
            and (not tb.match(ln) or ln.startswith("Error:"))]
    by: dict = {}
    for ln in body:
        by.setdefault(mask(ln), []).append(ln)
    out = []
    for v in by.values():
        out += [any_of(v)] if len(v) > 2 else v
    return out + tracebacks(lines) + exit_lines(lines)


@cm.kind("odfmeta", "listing")
def n_odfmeta(lines):
    """Every key: value metadata line; exception lines; EXIT."""
    return [ln for ln in lines if re.match(r"\s*[\w:.-]+\s*:\s*\S", ln) and not ln.startswith("EXIT=")] \
        + tracebacks(lines) + exit_lines(lines)


@cm.kind("odfoutline", "doc")
def n_odfoutline(lines):
    """Every heading line; exception lines; EXIT."""
    return [ln for ln in lines if ln.strip() and not ln.startswith(("EXIT=", "Traceback", "  "))] \
        + tracebacks(lines) + exit_lines(lines)


@cm.kind("msoffcrypto-tool", "log")
def n_msoffcrypto(lines):
    """The encrypted / not encrypted verdict line, exception / Error lines with innermost File line, EXIT."""
    out = [ln for ln in lines if re.search(r"(is|not) encrypted|encrypted", ln, re.I) and "File \"" not in ln]
    out += tracebacks(lines) + [ln for ln in lines if re.search(r"\bError\b", ln) and "File \"" not in ln]
    return out + exit_lines(lines)


REFUSAL = re.compile(r"[Nn]ot supported|is not a Word Document|not an OLE|Can't|can't|cannot|Cannot|Error|error|Usage|not a|No such")


def heading_like(lines, limit=12):
    out = []
    for i, ln in enumerate(lines[:-1]):
        s = ln.strip()
        if s and len(s) < 80 and not lines[i + 1].strip() and re.match(r"([A-Z]|\d+\.)", s) and not REFUSAL.search(s):
            out.append(ln)
        if len(out) >= limit:
            break
    return out


def doc_text(lines):
    return [ln for ln in lines if REFUSAL.search(ln)] + heading_like(lines) + err_rows(lines) + exit_lines(lines)


@cm.kind("catdoc", "doc")
def n_catdoc(lines):
    """Every error or refusal line, heading-like lines up to 12, lines with cell error values, EXIT."""
    return doc_text(lines)


@cm.kind("antiword", "doc")
def n_antiword(lines):
    """Every error or refusal line, heading-like lines up to 12, lines with cell error values, EXIT."""
    return doc_text(lines)


@cm.kind("docx2txt", "doc")
def n_docx2txt(lines):
    """Every error or refusal line, heading-like lines up to 12, lines with cell error values, EXIT."""
    return doc_text(lines)


@cm.kind("catdoc-xls2csv", "table")
def n_xls2csv(lines):
    """Every refusal line; per sheet (form feed) its break and rule 4 with error-value rows; EXIT."""
    out = [ln for ln in lines if REFUSAL.search(ln)]
    blocks, cur = [], []
    for ln in lines:
        if "\f" in ln:
            out.append(ln)
            blocks.append(cur)
            cur = [ln.replace("\f", "")] if ln.replace("\f", "").strip() else []
        elif ln.strip() and not ln.startswith("EXIT="):
            cur.append(ln)
    blocks.append(cur)
    for b in blocks:
        b = [ln for ln in b if ln.strip()]
        if b:
            out += csv_rule4(b) + err_rows(b)
    return out + exit_lines(lines)


def mutool_common(lines):
    out = [ln for ln in lines if re.search(r"\berror:", ln)]
    out += warn_shapes([ln for ln in lines if "trying to repair" not in ln], r"\bwarning:")
    out += [ln for ln in lines if "trying to repair" in ln]
    return out


@cm.kind("mutool-info", "log")
def n_mutool_info(lines):
    """error: lines, warning: lines one {any} per shape, the repair line, the PDF- version, Pages: and Info object headers, EXIT."""
    out = mutool_common(lines)
    out += [ln for ln in lines if re.match(r"\s*(PDF-\d|Pages:|Info object|Retrieving info)", ln)]
    return out + exit_lines(lines)


@cm.kind("mutool-show", "log")
def n_mutool_show(lines):
    """error:/warning:/repair lines, the trailer's /Root /Info /Size lines, the object header asked for, EXIT."""
    out = mutool_common(lines)
    out += [ln for ln in lines if re.match(r"\s*/(Root|Info|Size)\b", ln)]
    out += [ln for ln in lines if re.match(r"\d+ 0 obj$|trailer$", ln.strip())][:1]
    return out + exit_lines(lines)


@cm.kind("mutool-clean", "log")
def n_mutool_clean(lines):
    """error:/warning:/repair lines, the last line, EXIT."""
    return mutool_common(lines) + last_line(lines) + exit_lines(lines)


@cm.kind("pdftk", "log")
def n_pdftk(lines):
    """Error/Exception lines with the first at-frame after each, NumberOfPages:, InfoKey with its InfoValue, BookmarkTitle, Done./closing line, EXIT."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"Error|Exception", ln) and not ln.strip().startswith("at "):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s+at ", 6))
        if ln.startswith("InfoKey:"):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].startswith("InfoValue:"):
                out.append(lines[i + 1])
    out += [ln for ln in lines if ln.startswith(("NumberOfPages:", "BookmarkTitle:")) or ln.strip() == "Done."]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ steps

def fixtures(tmp: Path) -> Path:
    d = tmp / "office"
    if not (d / "manifest.pdf").exists():
        write_tree(d, {"make_books.py": MAKE_BOOKS, "dump_xlsx.py": OPENPYXL_DUMP, "read_excel.py": PANDAS_READ,
                       "dump_docx.py": DOCX_DUMP})
        cm.note(run(f"{PY} make_books.py", cwd=d, timeout=300).strip()[-300:])
        cm.note(run(MSOFF_ENCRYPT, cwd=d).strip()[-300:])
    return d


HOME_ENV = {"HOME": "/dev/shm/hm-corpus-wide188-home"}  # LibreOffice's profile, out of root's home


def cap_soffice(tmp: Path) -> None:
    d = fixtures(tmp)
    sof = "soffice --headless --norestore"
    cap("soffice-convert-pdf-batch", f"{sof} --convert-to pdf --outdir out ledger.xlsx formulas.xlsx "
        "manifest_2026.xlsx ledger_truncated.xlsx ledger_locked.xlsx rates_export.xlsx report.docx "
        "report_truncated.docx handbook.odt handbook_bad.odt manifest.pdf manifest_truncated.pdf missing.docx 2>&1; "
        "echo EXIT=$?; " + f"{sof} --convert-to 'html:HTML (StarCalc)' --outdir html ledger.xlsx formulas.xlsx "
        "ledger_truncated.xlsx report.docx 2>&1; echo EXIT=$?", d, n_soffice, env=HOME_ENV, timeout=400)
    cap("soffice-convert-csv-grep", f"{sof} --convert-to csv --outdir csv *.xlsx 2>&1 | grep -E 'ERROR|Error|WARN|"
        "warn|convert'; echo EXIT=$?", d, n_soffice, env=HOME_ENV, timeout=400)
    run(f"{sof} --convert-to xls --outdir legacy ledger.xlsx manifest_2026.xlsx", cwd=d, env=HOME_ENV, timeout=300)
    run(f"{sof} --convert-to doc --outdir legacy report.docx", cwd=d, env=HOME_ENV, timeout=300)
    run(f"{sof} --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' "
        "--outdir allsheets formulas.xlsx ledger.xlsx", cwd=d, env=HOME_ENV, timeout=300)
    run(f"{sof} --convert-to odt --outdir odf report.docx report_truncated.docx", cwd=d, env=HOME_ENV, timeout=300)
    run(f"{sof} --convert-to ods --outdir odf ledger.xlsx formulas.xlsx", cwd=d, env=HOME_ENV, timeout=300)
    cap("soffice-csv-formulas-cat", "cat csv/formulas.csv", d, n_sheet_csv)
    cap("soffice-csv-summary-sheets-tail", "tail -n 40 allsheets/ledger-Summary.csv allsheets/formulas-Calc.csv; "
        "echo EXIT=$?", d, n_sheet_csv)


def cap_ssconvert(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("ssconvert-recalc-all-inputs", "for f in formulas.xlsx ledger.xlsx manifest_2026.xlsx ledger_truncated.xlsx "
        "ledger_locked.xlsx rates_export.xlsx report.docx handbook_bad.odt legacy/ledger.xls; do echo \"== $f\"; "
        "ssconvert --recalc \"$f\" \"gn_$(basename $f).csv\"; done 2>&1; echo EXIT=$?", d, n_ssconvert)
    run("ssconvert --recalc formulas.xlsx formulas_gn.csv", cwd=d)
    cap("ssconvert-s-all-sheets-ls", "ssconvert -S --recalc ledger.xlsx sheet_%s.csv 2>&1 | tail -n 60; "
        "ssconvert -S --recalc formulas.xlsx calc_%n.txt 2>&1; wc -l sheet_*.csv calc_*.txt; echo EXIT=$?", d,
        n_ssconvert)
    cap("ssconvert-csv-formulas", "cat formulas_gn.csv", d, n_sheet_csv)
    cap("ssconvert-csv-summary-grep", "grep -nE '#|Err' sheet_*.csv | head -n 100; cat sheet_Summary.csv", d,
        n_sheet_csv)
    cap("ssconvert-ods-to-csv-legacy", "ssconvert legacy/manifest_2026.xls manifest_gn.csv 2>&1 && head -n 150 "
        "manifest_gn.csv", d, n_sheet_csv)


def cap_xlsx2csv(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("xlsx2csv-all-sheets", "xlsx2csv -a ledger.xlsx | head -n 300", d, n_xlsx2csv)
    cap("xlsx2csv-manifest-large", "xlsx2csv manifest_2026.xlsx", d, n_xlsx2csv)
    cap("xlsx2csv-every-workbook-head", "for f in *.xlsx; do echo \"== $f\"; xlsx2csv -a \"$f\" 2>&1 | head -n 25; "
        "done; echo EXIT=$?", d, n_xlsx2csv)
    cap("xlsx2csv-locked-and-sheet", "xlsx2csv ledger_locked.xlsx 2>&1 | tail -n 30; xlsx2csv -n Budget ledger.xlsx "
        "2>&1 | tail -n 20; xlsx2csv -n Summary ledger.xlsx; xlsx2csv -n Rates ledger.xlsx; echo EXIT=$?", d,
        n_xlsx2csv)


def cap_in2csv(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("in2csv-names-every-file", "for f in *.xlsx legacy/*.xls; do echo \"== $f\"; in2csv -n \"$f\"; done 2>&1; "
        "echo EXIT=$?", d, n_in2csv)
    cap("in2csv-ledger-sheet", "in2csv --sheet Ledger ledger.xlsx | tail -n 200", d, n_in2csv)
    cap("in2csv-missing-sheet-and-rates", "in2csv --sheet Budget ledger.xlsx; in2csv --sheet Rates ledger.xlsx; "
        "in2csv ledger_truncated.xlsx 2>&1 | tail -n 40; in2csv --sheet Summary ledger.xlsx; echo EXIT=$?", d,
        n_in2csv)
    cap("in2csv-legacy-xls", "in2csv legacy/ledger.xls | head -n 120", d, n_in2csv)


def cap_python(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("openpyxl-dump-ledger", f"{PY} dump_xlsx.py ledger.xlsx", d, n_openpyxl,
        typed="python dump_xlsx.py ledger.xlsx")
    cap("openpyxl-dump-formulas-tail", f"{PY} dump_xlsx.py formulas.xlsx 2>&1 | tail -n 80", d, n_openpyxl,
        typed="python dump_xlsx.py formulas.xlsx 2>&1 | tail -n 80")
    cap("openpyxl-truncated-locked", f"{PY} dump_xlsx.py ledger_truncated.xlsx; {PY} dump_xlsx.py "
        "ledger_locked.xlsx; echo EXIT=$?", d, n_openpyxl,
        typed="python dump_xlsx.py ledger_truncated.xlsx; python dump_xlsx.py ledger_locked.xlsx; echo EXIT=$?")
    cap("pandas-read-excel-ledger", f"{PY} read_excel.py ledger.xlsx Ledger", d, n_pandas_excel,
        typed="python read_excel.py ledger.xlsx Ledger")
    cap("pandas-read-excel-manifest-head", f"{PY} read_excel.py manifest_2026.xlsx Manifest2026 2>&1 | head -n 100",
        d, n_pandas_excel, typed="python read_excel.py manifest_2026.xlsx Manifest2026 2>&1 | head -n 100")
    cap("pandas-read-excel-bad-files", f"{PY} read_excel.py rates_export.xlsx Sheet1; {PY} read_excel.py "
        "ledger.xlsx Budget; echo EXIT=$?", d, n_pandas_excel,
        typed="python read_excel.py rates_export.xlsx Sheet1; python read_excel.py ledger.xlsx Budget; echo EXIT=$?")
    cap("python-docx-dump-report", f"{PY} dump_docx.py report.docx", d, n_docx_dump,
        typed="python dump_docx.py report.docx")
    cap("python-docx-dump-truncated", f"{PY} dump_docx.py report_truncated.docx; echo EXIT=$?", d, n_docx_dump,
        typed="python dump_docx.py report_truncated.docx; echo EXIT=$?")
    cap("msoffcrypto-test-and-decrypt", "msoffcrypto-tool -t -v ledger_locked.xlsx; msoffcrypto-tool -t -v "
        "ledger.xlsx; msoffcrypto-tool -p 'q3-freight' ledger_locked.xlsx /tmp/out.xlsx; echo EXIT=$?", d,
        n_msoffcrypto)


def cap_odf(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("odflint-handbook-bad", "odflint handbook_bad.odt; echo EXIT=$?", d, n_odflint)
    cap("odflint-soffice-exports", "for f in odf/*.od? handbook.odt; do echo \"== $f\"; odflint $f 2>&1 | head -n 20;"
        " done", d, n_odflint)
    cap("odfmeta-handbook", "odfmeta handbook.odt; odfmeta -d handbook_bad.odt; echo EXIT=$?", d, n_odfmeta)
    cap("odfoutline-handbook", "odfoutline handbook.odt", d, n_odfoutline)


def cap_legacy(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("antiword-report-doc", "antiword legacy/report.doc", d, n_antiword)
    cap("antiword-on-docx-and-pdf", "antiword report.docx; antiword manifest.pdf; antiword -t legacy/report.doc | "
        "head -n 30; echo EXIT=$?", d, n_antiword)
    cap("catdoc-report-doc-head", "catdoc -w legacy/report.doc | head -n 60; catdoc report_truncated.docx | head -n 5;"
        " echo EXIT=$?", d, n_catdoc)
    cap("xls2csv-ledger-legacy", "xls2csv -q 3 legacy/ledger.xls | head -n 250", d, n_xls2csv)
    cap("xls2csv-manifest-tail", "xls2csv legacy/manifest_2026.xls | tail -n 400; xls2csv ledger.xlsx 2>&1 | head -5",
        d, n_xls2csv)
    cap("docx2txt-report", "docx2txt report.docx -", d, n_docx2txt)
    cap("docx2txt-truncated-and-doc", "docx2txt report_truncated.docx - ; echo EXIT=$?; docx2txt legacy/report.doc - "
        "| head -n 20; docx2txt odf/report.odt -; docx2txt report.docx - | head -c 1200; echo EXIT=$?", d, n_docx2txt)


def cap_pdf(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("mutool-info-badxref-fonts", "mutool info -F -M -X manifest_badxref.pdf out/ledger.pdf out/report.pdf 2>&1; "
        "echo EXIT=$?", d, n_mutool_info)
    cap("mutool-info-truncated-and-out", "mutool info -F -I manifest_truncated.pdf; mutool info out/ledger.pdf 2>&1"
        " | head -n 60", d, n_mutool_info)
    cap("mutool-show-trailer-grep", "mutool show manifest_badxref.pdf trailer 2>&1; mutool show "
        "manifest_truncated.pdf 47 2>&1; mutool show out/ledger.pdf trailer; mutool show -b manifest_truncated.pdf 5 "
        "2>&1 | head -n 40 | grep -E 'error|warn|obj|/|SHP'", d, n_mutool_show)
    cap("mutool-show-pages-obj", "mutool show manifest_truncated.pdf pages 2>&1; mutool show manifest_badxref.pdf 2"
        " 2>&1; echo EXIT=$?", d, n_mutool_show)
    cap("mutool-clean-damaged", "for f in manifest_badxref.pdf manifest_truncated.pdf out/*.pdf; do echo \"== $f\"; "
        "mutool clean -gggg -d \"$f\" \"clean_$(basename $f)\"; done 2>&1; ls -l clean_*.pdf; echo EXIT=$?", d,
        n_mutool_clean)
    cap("pdftk-dump-data-good-and-bad", "pdftk manifest.pdf dump_data; pdftk manifest_truncated.pdf dump_data; "
        "echo EXIT=$?", d, n_pdftk)
    cap("pdftk-cat-damaged-tail", "pdftk manifest_badxref.pdf manifest_truncated.pdf cat output merged.pdf 2>&1 | "
        "tail -n 80; echo EXIT=$?; pdftk manifest_badxref.pdf clean_manifest_truncated.pdf cat output merged.pdf "
        "verbose 2>&1 | tail -n 60; pdftk merged.pdf dump_data | head -n 30; echo EXIT=$?", d, n_pdftk)
    cap("pdftk-dump-data-exports", "for f in out/*.pdf; do echo \"== $f\"; pdftk $f dump_data; done", d, n_pdftk)


STEPS = [cap_soffice, cap_ssconvert, cap_xlsx2csv, cap_in2csv, cap_python, cap_odf, cap_legacy, cap_pdf]
