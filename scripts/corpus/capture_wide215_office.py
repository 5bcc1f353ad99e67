"""Round 215, round 188's kinds a third time: `orchard`, a cider cooperative's press house. Its own workbooks (a
season's pressings with cached error values, a blend sheet of formulas only with a division by an empty tank's zero
volume, references to a deleted `Cellar` sheet, a lookup of a variety that is not listed, a misspelt function, a
circular pair and a Brix reading typed as text; a large deliveries ledger; a truncated copy, a password-protected
copy, a CSV saved as .xlsx), a members' handbook (docx, with a price table and an empty heading, and its truncated
copy), a pressing manual written with odfpy (and a copy with elements that do not belong), bottle-label PDFs with a
bookmark per batch (a damaged xref, two broken objects, a truncated copy). Needles come from round 188's extractors,
imported from capture_wide188_office.py (no new rule). Run through capture_wide215.py."""

from __future__ import annotations

from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide188_office import (n_antiword, n_catdoc, n_docx2txt, n_docx_dump, n_in2csv, n_msoffcrypto,
                                    n_mutool_clean, n_mutool_info, n_mutool_show, n_odflint, n_odfmeta,
                                    n_odfoutline, n_openpyxl, n_pandas_excel, n_pdftk, n_sheet_csv, n_soffice,
                                    n_ssconvert, n_xls2csv, n_xlsx2csv)
from capture_wide215 import VENV, cap

PY = f"{VENV}/bin/python"
HOME_ENV = {"HOME": "/dev/shm/hm-corpus-wide215-home"}  # LibreOffice's profile, out of root's home
SOF = "soffice --headless --norestore"

MAKE_FILES = r'''
"""orchard's press-house files, seeded (215), with faults put in."""
import random, zipfile
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.comments import Comment

rnd = random.Random(215)
VARIETIES = ["Dabinett", "Kingston Black", "Yarlington Mill", "Bramley", "Harry Masters", "Foxwhelp", "Ellis Bitter",
             "Tom Putt"]
GROWERS = ["Hollow Farm", "Ashcombe", "Brook End", "Five Acres", "Wellsprings", "Old Rectory"]
PRESSES = ["rack-and-cloth", "belt", "rack-and-cloth", "basket"]

def pressings(ws, n, first, errors=True):
    ws.append(["batch", "variety", "grower", "date", "press", "fruit_kg", "juice_l", "yield_pct", "brix", "tank"])
    for i in range(n):
        var = rnd.choice(VARIETIES[:6]) if rnd.random() < 0.93 else rnd.choice(VARIETIES[6:])
        kg = rnd.randint(180, 2400)
        juice = round(kg * rnd.uniform(0.55, 0.74), 1)
        row = [f"PR-{first + i}", var, rnd.choice(GROWERS), f"2026-{9 + i * 3 // n:02d}-{1 + i % 30:02d}",
               rnd.choice(PRESSES), kg, juice, round(100 * juice / kg, 1), round(rnd.uniform(9.5, 15.8), 1),
               f"T{rnd.randint(1, 14):02d}"]
        if errors and i in (n // 7, (2 * n) // 3):
            row[7] = "#DIV/0!"
        if errors and i == n // 4:
            row[6] = "#REF!"
        if errors and i == (3 * n) // 7:
            row[8] = "#VALUE!"
        if errors and i == (5 * n) // 6:
            row[9] = "#N/A"
        if errors and i == n - 5:
            row[5] = "not weighed"
        ws.append(row)

# 1. press_house.xlsx: pressings with cached errors, varieties, a blend summary, a name pointing at a deleted sheet
wb = Workbook()
ws = wb.active; ws.title = "Pressings"
pressings(ws, 610, 21500)
ws["E2"].comment = Comment("belt press hired from Ashcombe until October", "cellar master")
ws["I40"].comment = Comment("refractometer recalibrated", "lab")
var = wb.create_sheet("Varieties")
var.append(["variety", "class", "tannin", "acid_pct", "harvest_week"])
for k, v in enumerate(VARIETIES):
    var.append([v, rnd.choice(["bittersweet", "bittersharp", "sharp", "sweet"]), rnd.choice(["low", "medium", "high"]),
                round(rnd.uniform(0.15, 0.9), 2), 36 + k])
summ = wb.create_sheet("Blend")
summ.append(["metric", "value"])
summ.append(["fruit_kg", "=SUM(Pressings!F2:F611)"])
summ.append(["juice_l", "=SUM(Pressings!G2:G611)"])
summ.append(["mean_brix", "=AVERAGE(Pressings!I2:I611)"])
summ.append(["litres_per_tank", "=B3/B11"])
summ.append(["cellar_stock", "=Cellar!C2+Cellar!C3"])
summ.append(["loop_x", "=B8+B2"])
summ.append(["loop_y", "=B7/2"])
summ.append(["acid_perry", '=VLOOKUP("Perry Pear",Varieties!A2:D9,4,FALSE)'])
summ.append(["empty_tanks", 0])
summ.append(["p90_brix", "=PERCENTILLE(Pressings!I2:I611,0.9)"])
summ.append(["sqrt_loss", "=SQRT(B3-B2)"])
summ.merge_cells("D2:G2"); summ["D2"] = "signed off by the cellar master"
wb.defined_names["CellarStock"] = DefinedName("CellarStock", attr_text="#REF!$C$2:$C$9")
wb.defined_names["Tanks"] = DefinedName("Tanks", attr_text="Pressings!$J$2:$J$611")
dv = DataValidation(type="list", formula1='"rack-and-cloth,belt,basket"', allow_blank=True)
ws.add_data_validation(dv); dv.add("E2:E611")
wb.save("press_house.xlsx")

# 2. blend_plan.xlsx: formulas only, for ssconvert --recalc and LibreOffice
wb2 = Workbook(); f = wb2.active; f.title = "Blend"
f.append(["tank", "litres", "volume", "acid", "acid_l", "fill", "state"])
for i in range(2, 190):
    vol = 0 if i % 37 == 0 else rnd.choice([1000, 2500, 5000])
    f.append([f"T{i:03d}", rnd.randint(0, 4800), vol, round(rnd.uniform(0.2, 0.8), 2),
              f"=B{i}*D{i}", f"=B{i}/C{i}", f"=IF(F{i}>0.95,\"TOPPED\",\"ullage\")"])
for i in range(60, 96, 5):
    f[f"E{i}"] = f"=Cellar!E{i}+1"
f["G40"] = "=G41&\"a\""; f["G41"] = "=G40&\"b\""
for i in (101, 109, 133):
    f[f"D{i}"] = f"=VLOOKUP(A{i},Orchards!A:C,2,FALSE)"
f["F150"] = "=SUMM(B150:C150)"
f["D160"] = "pending lab"
f["E171"] = "=LOG(B171-9000)"
f2 = wb2.create_sheet("Tasks")
f2.append(["task", "who"])
for k in range(15):
    f2.append([f"rack tank T{rnd.randint(2, 189):03d}", rnd.choice(["cellar", "lab", "bottling"])])
wb2.save("blend_plan.xlsx")

# 3. a large ledger of fruit deliveries
wb3 = Workbook(); a = wb3.active; a.title = "Deliveries2025"
pressings(a, 1500, 18000)
wb3.save("deliveries_2025.xlsx")

# 4. a truncated copy, and a CSV saved under a workbook's name
data = open("press_house.xlsx", "rb").read()
open("press_house_cut.xlsx", "wb").write(data[: len(data) // 2])
open("members.xlsx", "w").write("member,share,joined\nHollow Farm,3,2019\nAshcombe,1,2021\n")

# 5. the members' handbook: headings, a price table, an empty heading; and its truncated copy
from docx import Document
doc = Document()
doc.add_heading("Orchard Cooperative: Members' Handbook 2026", 0)
parts = ["Joining the Cooperative", "Fruit Quality and Sampling", "Prices Paid per Tonne", "Delivery Slots",
         "Pressing Days", "Bottling and Labels", "Health and Safety", "Disputes"]
for p_i, part in enumerate(parts):
    doc.add_heading(f"{p_i + 1}. {part}", 1)
    for _ in range(rnd.randint(2, 5)):
        doc.add_paragraph(" ".join(rnd.choice(["fruit", "tonne", "the", "press", "member", "bittersweet", "juice",
                                               "pomace", "and", "tank", "sample", "sugar", "harvest"])
                                   for _ in range(rnd.randint(25, 65))) + ".")
    if p_i == 2:
        for v in VARIETIES[:5]:
            doc.add_heading(f"{p_i + 1}.{VARIETIES.index(v) + 1} {v}", 2)
            t = doc.add_table(rows=1, cols=4)
            for c, h in zip(t.rows[0].cells, ["grade", "min_brix", "eur_per_tonne", "note"]):
                c.text = h
            for r_i in range(rnd.randint(3, 7)):
                r = t.add_row().cells
                r[0].text = rnd.choice(["A", "B", "C", "juice only"]) + f"{r_i + 1}"
                r[1].text = str(round(rnd.uniform(9, 14), 1))
                r[2].text = "#N/A" if (v == "Foxwhelp" or r_i == 2) else str(rnd.choice([140, 165, 190, 220]))
                r[3].text = rnd.choice(["", "bruised fruit docked 10%", "organic premium"])
    if p_i == 6:
        doc.add_heading("", 2)
        doc.add_paragraph("Incident log MISSING for pressing PR-21877 (belt press, guard removed).")
doc.core_properties.author = "orchard-coop-office"; doc.core_properties.title = "Members Handbook 2026"
doc.save("handbook.docx")
d = open("handbook.docx", "rb").read()
open("handbook_cut.docx", "wb").write(d[: len(d) * 3 // 7])

# 6. the pressing manual (odfpy), and a copy with things that do not belong
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from odf import meta, dc
odt = OpenDocumentText()
odt.meta.addElement(dc.Title(text="Pressing manual"))
odt.meta.addElement(dc.Creator(text="orchard-cellar"))
odt.meta.addElement(dc.Description(text="milling, pressing, racking and keeving"))
odt.meta.addElement(meta.Keyword(text="keeving"))
odt.meta.addElement(meta.Keyword(text="racking"))
odt.meta.addElement(meta.Keyword(text="sulphite"))
odt.meta.addElement(meta.UserDefined(name="season", text="2026"))
odt.meta.addElement(meta.UserDefined(name="cellar_master", text="E. Pryce"))
for k in range(110):
    odt.text.addElement(H(outlinelevel=1 if k % 5 == 0 else 2,
                          text=f"{k // 5 + 1}.{k % 5} Step {200 + k * 3}: {rnd.choice(['MILL', 'PRESS', 'RACK', 'KEEVE', 'TEST'])} "
                               f"{rnd.choice(VARIETIES)}"))
    for _ in range(2):
        odt.text.addElement(P(text=" ".join(rnd.choice(["pomace", "cloth", "rack", "settle", "siphon", "tank",
                                                        "gravity", "sulphite", "yeast", "lees"]) for _ in range(24))))
odt.save("pressing_manual.odt")
with zipfile.ZipFile("pressing_manual.odt") as zin, zipfile.ZipFile("pressing_manual_bad.odt", "w") as zout:
    for item in zin.infolist():
        body = zin.read(item.filename)
        if item.filename == "content.xml":
            s = body.decode()
            s = s.replace("<text:h ", "<text:h text:press=\"belt\" ", 3)
            s = s.replace("<text:p>", "<text:p text:tank=\"T04\">", 5)
            s = s.replace("</office:text>", "<text:keeve>3</text:keeve><table:table-cell/><draw:line/>"
                          "</office:text>")
            body = s.encode()
        zout.writestr(item, body)

# 7. bottle-label PDFs with a bookmark per batch, and damaged copies
def pdf(pages):
    objs = []  # object n is objs[n - 1]
    page_ids = [5 + 2 * i for i in range(pages)]
    font_id = 5 + 2 * pages
    info_id = font_id + 1
    out_first = info_id + 1
    batches = list(range(0, pages, 2))
    out_ids = [out_first + k for k in range(len(batches))]
    objs.append("<< /Type /Catalog /Pages 2 0 R /Outlines 3 0 R /PageMode /UseOutlines >>")
    objs.append(f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {pages} >>")
    objs.append(f"<< /Type /Outlines /First {out_ids[0]} 0 R /Last {out_ids[-1]} 0 R /Count {len(out_ids)} >>")
    objs.append("<< /Type /Metadata /Subtype /XML /Length 0 >>\nstream\n\nendstream")
    for i in range(pages):
        body = "\n".join(f"BT /F1 8 Tf 36 {790 - 12 * j} Td (LABEL {21500 + i * 50 + j} {rnd.choice(VARIETIES)} "
                         f"{rnd.choice(['dry', 'medium', 'sweet'])} {rnd.choice([5.5, 6.0, 6.8, 7.4])}% 750ml "
                         f"tank T{rnd.randint(1, 14):02d}) Tj ET" for j in range(50))
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {6 + 2 * i} 0 R "
                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>")
        objs.append(f"<< /Length {len(body)} >>\nstream\n{body}\nendstream")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objs.append("<< /Title (Orchard cooperative bottle labels 2026) /Author (orchard-coop-office) /Subject (labels) "
                "/Keywords (cider perry labels) /Producer (round215 generator) /CreationDate (D:20261003140000Z) >>")
    for k, w in enumerate(batches):
        links = ""
        if k > 0:
            links += f" /Prev {out_ids[k - 1]} 0 R"
        if k < len(batches) - 1:
            links += f" /Next {out_ids[k + 1]} 0 R"
        objs.append(f"<< /Title (Batch {k + 1}: {VARIETIES[k % len(VARIETIES)]}) /Parent 3 0 R{links} "
                    f"/Dest [{page_ids[w]} 0 R /Fit] >>")
    out = b"%PDF-1.6\n"; offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out)); out += f"{n} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offs).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {info_id} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
good = pdf(36)
open("labels.pdf", "wb").write(good)
k = good.index(b"startxref\n") + len(b"startxref\n")
open("labels_badxref.pdf", "wb").write(good[:k] + b"98" + good[k:].split(b"\n", 1)[0][2:] + b"\n%%EOF\n")
open("labels_noobj.pdf", "wb").write(good.replace(b"\n13 0 obj\n", b"\n13 0 obx\n").replace(b"\n29 0 obj\n", b"\n29 0 bj\n"))
open("labels_cut.pdf", "wb").write(good[: len(good) * 13 // 20])
print("fixtures written")
'''

OPENPYXL_DUMP = r'''
import sys, warnings
from openpyxl import load_workbook
warnings.simplefilter("always")
path = sys.argv[1]
wb = load_workbook(path, data_only="--values" in sys.argv)
print(f"workbook {path}: sheets {wb.sheetnames}")
for name, dn in wb.defined_names.items():
    print(f"defined name {name} = {dn.attr_text}")
for ws in wb.worksheets:
    print(f"== sheet {ws.title} dims={ws.dimensions} rows={ws.max_row} merged={list(map(str, ws.merged_cells.ranges))}")
    for dv in ws.data_validations.dataValidation:
        print(f"   validation {dv.type} {dv.formula1} on {dv.sqref}")
    for row in ws.iter_rows():
        for c in row:
            if c.comment:
                print(f"   {c.coordinate:6} comment by {c.comment.author}: {c.comment.text}")
            if c.data_type in ("f", "e") or (isinstance(c.value, str) and c.column in (6, 7, 8, 9) and c.row > 1):
                print(f"   {c.coordinate:6} type={c.data_type} value={c.value!r}")
ws = wb["Pressings"]
juice = 0.0
for r in ws.iter_rows(min_row=2, values_only=True):
    juice += float(r[6])
print("season juice litres", juice)
'''

PANDAS_READ = r'''
import sys, warnings
import pandas as pd
warnings.simplefilter("always")
pd.set_option("display.width", 140); pd.set_option("display.max_rows", 50); pd.set_option("display.max_columns", 12)
path, sheet = sys.argv[1], sys.argv[2]
df = pd.read_excel(path, sheet_name=sheet)
print(df.dtypes)
print(df.head(20))
print(df.describe(include="all").T)
print("rows with errors:")
print(df[df.apply(lambda r: r.astype(str).str.startswith("#").any(), axis=1)])
print("by variety:")
print(df.groupby("variety")["fruit_kg"].agg(["count", "sum"]))
print("mean yield:", (df["juice_l"] / df["fruit_kg"]).mean())
print("total juice:", df["juice_l"].astype(float).sum())
'''

DOCX_DUMP = r'''
import sys
from docx import Document
d = Document(sys.argv[1])
cp = d.core_properties
print(f"title={cp.title!r} author={cp.author!r} created={cp.created} revision={cp.revision}")
for i, p in enumerate(d.paragraphs):
    txt = p.text if p.text.strip() else "<EMPTY>"
    print(f"[{i:3d}] {p.style.name:<12} | {txt[:120]}")
for ti, t in enumerate(d.tables):
    print(f"table {ti}: {len(t.rows)} rows x {len(t.columns)} cols")
    for r in t.rows:
        print("   " + " | ".join(c.text for c in r.cells))
'''


def fixtures(tmp: Path) -> Path:
    d = tmp / "orchard"
    if not (d / "labels.pdf").exists():
        Path(HOME_ENV["HOME"]).mkdir(parents=True, exist_ok=True)
        write_tree(d, {"make_files.py": MAKE_FILES, "dump_book.py": OPENPYXL_DUMP, "read_pressings.py": PANDAS_READ,
                       "dump_docx.py": DOCX_DUMP})
        cm.note(run(f"{PY} make_files.py", cwd=d, timeout=300).strip()[-300:])
        cm.note(run("msoffcrypto-tool -e -p 'Keeving-2026' press_house.xlsx growers_locked.xlsx", cwd=d).strip()[-300:])
        run(f"{SOF} --convert-to xls --outdir legacy press_house.xlsx deliveries_2025.xlsx", cwd=d, env=HOME_ENV,
            timeout=400)
        run(f"{SOF} --convert-to doc --outdir legacy handbook.docx", cwd=d, env=HOME_ENV, timeout=300)
        run(f"{SOF} --convert-to odt --outdir odf handbook.docx", cwd=d, env=HOME_ENV, timeout=300)
        run(f"{SOF} --convert-to ods --outdir odf press_house.xlsx blend_plan.xlsx", cwd=d, env=HOME_ENV, timeout=300)
    return d


def cap_soffice(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("soffice-convert-pdf-and-csv", f"{SOF} --convert-to pdf --outdir out press_house.xlsx blend_plan.xlsx "
        "press_house_cut.xlsx growers_locked.xlsx members.xlsx handbook.docx handbook_cut.docx pressing_manual.odt "
        "pressing_manual_bad.odt labels_cut.pdf missing.xlsx 2>&1; "
        f"{SOF} --convert-to csv --outdir out deliveries_2025.xlsx odf/blend_plan.ods 2>&1 | head -n 20; "
        "echo EXIT=$?", d, n_soffice, env=HOME_ENV, timeout=500)


def cap_ssconvert(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("ssconvert-recalc-blend-and-others", "for f in blend_plan.xlsx press_house_cut.xlsx growers_locked.xlsx "
        "members.xlsx legacy/press_house.xls odf/blend_plan.ods handbook.docx; do echo \"== $f\"; ssconvert --recalc "
        "\"$f\" \"gn_$(basename $f).csv\" 2>&1 | tail -n 30; done; echo EXIT=$?", d, n_ssconvert)
    run("ssconvert -S --recalc press_house.xlsx gsheet_%s.csv; ssconvert --recalc blend_plan.xlsx gblend.csv", cwd=d)
    cap("ssconvert-csv-blend-grep-errors", "grep -n -E '#|ERR' gblend.csv; head -n 1 gsheet_Pressings.csv; "
        "sed -n '90,300p' gsheet_Pressings.csv; cat gsheet_Blend.csv", d, n_sheet_csv)


def cap_xlsx2csv(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("xlsx2csv-press-house-all-head", "xlsx2csv -a -d ';' press_house.xlsx | head -n 400", d, n_xlsx2csv)
    cap("xlsx2csv-deliveries-tail", "xlsx2csv deliveries_2025.xlsx | tail -n 900; xlsx2csv press_house_cut.xlsx "
        "2>&1 | tail -n 5; echo EXIT=$?", d, n_xlsx2csv)


def cap_in2csv(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("in2csv-blend-and-pressings", "in2csv --sheet Blend press_house.xlsx; in2csv --sheet Pressings "
        "press_house.xlsx | tail -n 150; in2csv --sheet Cellar press_house.xlsx 2>&1 | tail -n 4; in2csv members.xlsx "
        "2>&1 | tail -n 4; echo EXIT=$?", d, n_in2csv)


def cap_python(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("openpyxl-dump-press-house", f"{PY} dump_book.py press_house.xlsx 2>&1 | head -n 120; {PY} dump_book.py "
        "press_house_cut.xlsx 2>&1 | tail -n 5", d, n_openpyxl,
        typed="python dump_book.py press_house.xlsx 2>&1 | head -n 120; python dump_book.py press_house_cut.xlsx 2>&1 "
              "| tail -n 5")
    cap("pandas-read-deliveries", f"{PY} read_pressings.py deliveries_2025.xlsx Deliveries2025 2>&1; echo EXIT=$?", d,
        n_pandas_excel, typed="python read_pressings.py deliveries_2025.xlsx Deliveries2025 2>&1; echo EXIT=$?")
    cap("python-docx-dump-handbook", f"{PY} dump_docx.py handbook.docx | tail -n 150; {PY} dump_docx.py "
        "handbook_cut.docx 2>&1 | tail -n 5; echo EXIT=$?", d, n_docx_dump,
        typed="python dump_docx.py handbook.docx | tail -n 150; python dump_docx.py handbook_cut.docx 2>&1 | tail "
              "-n 5; echo EXIT=$?")
    cap("msoffcrypto-tool-growers", "msoffcrypto-tool -t -v growers_locked.xlsx; msoffcrypto-tool -p 'Keeving-2025' "
        "growers_locked.xlsx /tmp/g.xlsx; echo EXIT=$?; for f in handbook.docx legacy/handbook.doc members.xlsx; do "
        "msoffcrypto-tool -t -v \"$f\"; done", d, n_msoffcrypto)


def cap_odf(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("odflint-pressing-manual-bad", "odflint pressing_manual_bad.odt 2>&1; odflint odf/press_house.ods 2>&1 | head "
        "-n 40; echo EXIT=$?", d, n_odflint)
    cap("odfmeta-manual-and-exports", "odfmeta pressing_manual.odt; odfmeta -d odf/handbook.odt; odfmeta "
        "odf/blend_plan.ods; odfmeta handbook.docx 2>&1 | tail -n 4; echo EXIT=$?", d, n_odfmeta)
    cap("odfoutline-pressing-manual-tail", "odfoutline pressing_manual.odt | tail -n 80", d, n_odfoutline)


def cap_legacy(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("catdoc-handbook-doc-tail", "catdoc legacy/handbook.doc | tail -n 90; catdoc -v handbook_cut.docx 2>&1 | head "
        "-n 5; echo EXIT=$?", d, n_catdoc)
    cap("antiword-handbook", "antiword legacy/handbook.doc | head -n 160; antiword handbook.docx; echo EXIT=$?", d,
        n_antiword)
    cap("docx2txt-handbook-grep", "docx2txt handbook.docx - | grep -n -v '^$' | head -n 200; docx2txt "
        "handbook_cut.docx - ; echo EXIT=$?", d, n_docx2txt)
    cap("xls2csv-deliveries-legacy-tail", "xls2csv legacy/deliveries_2025.xls | tail -n 500", d, n_xls2csv)


def cap_pdf(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("mutool-info-labels", "mutool info -F -I labels.pdf 2>&1; for f in labels_badxref.pdf labels_cut.pdf; do "
        "mutool info \"$f\" 2>&1 | head -n 30; done; echo EXIT=$?", d, n_mutool_info)
    cap("mutool-show-labels-objects", "mutool show labels_badxref.pdf trailer 2>&1; mutool show labels_noobj.pdf 13 "
        "2>&1; mutool show labels_noobj.pdf outline 2>&1; mutool show labels_cut.pdf 60 2>&1; mutool show labels.pdf "
        "pages 2>&1 | head -n 20; echo EXIT=$?", d, n_mutool_show)
    cap("mutool-clean-labels", "for f in labels_badxref.pdf labels_noobj.pdf labels_cut.pdf; do echo \"== $f\"; "
        "mutool clean -d \"$f\" \"repaired_$f\" 2>&1; done; ls -l repaired_*.pdf; echo EXIT=$?", d, n_mutool_clean)
    cap("pdftk-dump-data-labels-grep", "pdftk labels.pdf dump_data | grep -v '^PageMedia' ; pdftk labels_badxref.pdf "
        "dump_data_utf8 2>&1 | head -n 30; echo EXIT=$?", d, n_pdftk)
    cap("pdftk-burst-and-cat-damaged", "pdftk labels_noobj.pdf labels_cut.pdf cat output joined.pdf 2>&1 | tail -n 30;"
        " echo EXIT=$?; pdftk labels_cut.pdf burst output /tmp/lab_%03d.pdf 2>&1 | tail -n 20; for f in out/*.pdf; do "
        "echo \"== $f\"; pdftk \"$f\" dump_data | head -n 30; done", d, n_pdftk)


STEPS = [cap_soffice, cap_ssconvert, cap_xlsx2csv, cap_in2csv, cap_python, cap_odf, cap_legacy, cap_pdf]
