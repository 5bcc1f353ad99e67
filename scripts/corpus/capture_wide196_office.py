"""Round 196, round 188's kinds again: `encore`, a regional theatre's box office. Its own workbooks (a season's sales
with cached error values, a formulas-only sheet with a division by a cancelled performance's zero capacity, references
to a deleted `Tours` sheet, a lookup of a show that is not listed, a misspelt function, a circular pair and a price
typed as text; a large archive; a truncated copy, a password-protected copy, an HTML page saved as .xlsx), a season
programme (docx, with a cast table and an empty heading, and its truncated copy), a stage manual written with odfpy
(and a copy with attributes and elements that do not belong), ticket PDFs with bookmarks (a damaged xref, a missing
object, a truncated copy). Needles come from round 188's extractors, imported from capture_wide188_office.py (no new
rule). Run through capture_wide196.py."""

from __future__ import annotations

from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide188_office import (n_antiword, n_catdoc, n_docx2txt, n_docx_dump, n_in2csv, n_msoffcrypto,
                                    n_mutool_clean, n_mutool_info, n_mutool_show, n_odflint, n_odfmeta,
                                    n_odfoutline, n_openpyxl, n_pandas_excel, n_pdftk, n_sheet_csv, n_soffice,
                                    n_ssconvert, n_xls2csv, n_xlsx2csv)
from capture_wide196 import VENV, cap

PY = f"{VENV}/bin/python"
HOME_ENV = {"HOME": "/dev/shm/hm-corpus-wide196-home"}  # LibreOffice's profile, out of root's home
SOF = "soffice --headless --norestore"

MAKE_FILES = r'''
"""encore's box office files, seeded (196), with faults put in."""
import random, zipfile
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.comments import Comment

rnd = random.Random(196)
SHOWS = ["Hamlet", "The Seagull", "Oklahoma!", "Blood Wedding", "Noises Off", "Medea", "Arcadia", "Cabaret"]
VENUES = ["Main House", "Studio", "Main House", "Main House", "Courtyard"]
DAYS = ["Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

def sales(ws, n, first, errors=True):
    ws.append(["performance", "show", "venue", "date", "day", "seats_sold", "capacity", "price_eur", "revenue_eur",
               "channel"])
    for i in range(n):
        show = rnd.choice(SHOWS[:6]) if rnd.random() < 0.95 else rnd.choice(SHOWS[6:])
        venue = rnd.choice(VENUES)
        cap = {"Main House": 640, "Studio": 120, "Courtyard": 300}[venue]
        sold = rnd.randint(cap // 5, cap)
        price = rnd.choice([18, 24, 32, 45, 58])
        channel = "online" if rnd.random() < 0.7 else rnd.choice(["box office", "phone"])
        if i == n // 4:
            channel = "comp list"
        row = [f"PERF-{first + i}", show, venue, f"2026-{1 + i * 11 // n:02d}-{1 + i % 28:02d}", rnd.choice(DAYS),
               sold, cap, price, sold * price, channel]
        if errors and i in (n // 6, (3 * n) // 5):
            row[8] = "#REF!"
        if errors and i == n // 3:
            row[8] = "#DIV/0!"
        if errors and i == n // 2:
            row[7] = "#N/A"
        if errors and i == (4 * n) // 5:
            row[8] = "#NAME?"
        if errors and i == n - 9:
            row[5] = "sold out"
        ws.append(row)

# 1. box_office.xlsx: sales with cached errors, shows, a summary of formulas, a name pointing at a deleted sheet
wb = Workbook()
ws = wb.active; ws.title = "Sales"
sales(ws, 520, 19600)
ws["J2"].comment = Comment("channel codes changed in March", "box office")
shows = wb.create_sheet("Shows")
shows.append(["show", "run_start", "run_end", "royalty_pct", "director"])
for k, s in enumerate(SHOWS):
    shows.append([s, f"2026-{1 + k:02d}-05", f"2026-{2 + k:02d}-20", rnd.choice([8, 10, 12.5]),
                  rnd.choice(["A. Varga", "T. Okafor", "M. Lindqvist", "R. Patel"])])
summ = wb.create_sheet("Summary")
summ.append(["metric", "value"])
summ.append(["seats_sold", "=SUM(Sales!F2:F521)"])
summ.append(["revenue", "=SUM(Sales!I2:I521)"])
summ.append(["avg_price", "=AVERAGE(Sales!H2:H521)"])
summ.append(["per_seat", "=B3/B10"])
summ.append(["touring", "=Tours!B4+Tours!B5"])
summ.append(["circ_a", "=B8*2"])
summ.append(["circ_b", "=B7+1"])
summ.append(["royalty_gatsby", '=VLOOKUP("Gatsby",Shows!A2:D9,4,FALSE)'])
summ.append(["cancelled", 0])
summ.append(["median_sold", "=MEDIANN(Sales!F2:F521)"])
summ.append(["log_loss", "=LN(-B2)"])
summ.merge_cells("D1:F1"); summ["D1"] = "reviewed by finance"
wb.defined_names["TourTotal"] = DefinedName("TourTotal", attr_text="#REF!$B$4")
wb.defined_names["Capacity"] = DefinedName("Capacity", attr_text="Sales!$G$2:$G$521")
dv = DataValidation(type="list", formula1='"online,box office,phone"', allow_blank=False)
ws.add_data_validation(dv); dv.add("J2:J521")
wb.save("box_office.xlsx")

# 2. season_formulas.xlsx: formulas only, for ssconvert --recalc and LibreOffice
wb2 = Workbook(); f = wb2.active; f.title = "Season"
f.append(["performance", "seats_sold", "capacity", "price", "revenue", "occupancy", "flag"])
for i in range(2, 162):
    cap = 0 if i % 41 == 0 else rnd.choice([120, 300, 640])
    f.append([f"P{i:03d}", rnd.randint(0, 600), cap, rnd.choice([18, 24, 32, 45]),
              f"=B{i}*D{i}", f"=B{i}/C{i}", f"=IF(F{i}>0.9,\"FULL\",\"open\")"])
for i in range(70, 100, 4):
    f[f"E{i}"] = f"=Tours!E{i}*1.1"
f["G30"] = "=G31&\"x\""; f["G31"] = "=G30&\"y\""
for i in (110, 118, 126):
    f[f"F{i}"] = f"=VLOOKUP(A{i},Venues!A:C,3,FALSE)"
f["F140"] = "=AVERAGEE(B140:C140)"
f["D150"] = "tbc"
f["E151"] = "=SQRT(B151-1000)"
f2 = wb2.create_sheet("Notes")
f2.append(["note", "owner"])
for k in range(12):
    f2.append([f"check performance P{rnd.randint(2, 161):03d}", rnd.choice(["box office", "finance"])])
wb2.save("season_formulas.xlsx")

# 3. a large archive of last season
wb3 = Workbook(); a = wb3.active; a.title = "Archive2025"
sales(a, 1350, 17000)
wb3.save("archive_2025.xlsx")

# 4. a truncated copy, and an HTML page saved under a workbook's name
data = open("box_office.xlsx", "rb").read()
open("box_office_cut.xlsx", "wb").write(data[: len(data) * 3 // 5])
open("subscriptions.xlsx", "w").write("<html><body><table><tr><td>member</td><td>tier</td></tr></table></body></html>\n")

# 5. the season programme: headings, a cast table, an empty heading; and its truncated copy
from docx import Document
doc = Document()
doc.add_heading("Encore Theatre: Season 2026 Programme", 0)
parts = ["Welcome", "The Season at a Glance", "Casts", "Access and Relaxed Performances", "Friends of Encore",
         "Box Office and Refunds", "Credits"]
for p_i, part in enumerate(parts):
    doc.add_heading(f"{p_i + 1}. {part}", 1)
    for _ in range(rnd.randint(2, 4)):
        doc.add_paragraph(" ".join(rnd.choice(["stage", "season", "the", "audience", "director", "rehearsal",
                                               "premiere", "matinee", "ensemble", "and", "lighting", "tour"])
                                   for _ in range(rnd.randint(30, 70))) + ".")
    if p_i == 2:
        for s in SHOWS[:4]:
            doc.add_heading(f"{p_i + 1}.{SHOWS.index(s) + 1} {s}", 2)
            t = doc.add_table(rows=1, cols=3)
            for c, h in zip(t.rows[0].cells, ["role", "actor", "understudy"]):
                c.text = h
            for r_i in range(rnd.randint(4, 9)):
                r = t.add_row().cells
                r[0].text = rnd.choice(["Lead", "Chorus", "Narrator", "Guard", "Servant", "Messenger"]) + f" {r_i + 1}"
                r[1].text = rnd.choice(["J. Moreau", "K. Adeyemi", "L. Nowak", "S. Ito", "P. Greene"])
                r[2].text = "#N/A" if (s == "Medea" or r_i == 3) else rnd.choice(["B. Silva", "none"])
    if p_i == 5:
        doc.add_heading("", 2)
        doc.add_paragraph("Refund table MISSING for cancelled performance PERF-19841 (Courtyard, storm).")
doc.core_properties.author = "encore-box-office"; doc.core_properties.title = "Season 2026"
doc.save("programme.docx")
d = open("programme.docx", "rb").read()
open("programme_cut.docx", "wb").write(d[: len(d) * 2 // 5])

# 6. the stage manual (odfpy), and a copy with things that do not belong
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from odf import meta, dc
odt = OpenDocumentText()
odt.meta.addElement(dc.Title(text="Stage manual"))
odt.meta.addElement(dc.Creator(text="encore-stage-management"))
odt.meta.addElement(dc.Description(text="cues, fly plot and safety calls"))
odt.meta.addElement(meta.Keyword(text="cues"))
odt.meta.addElement(meta.Keyword(text="fly plot"))
odt.meta.addElement(meta.UserDefined(name="production", text="Blood Wedding"))
for k in range(90):
    odt.text.addElement(H(outlinelevel=1 if k % 4 == 0 else 2,
                          text=f"{k // 4 + 1}.{k % 4} Cue {100 + k * 5}: {rnd.choice(['LX', 'SQ', 'FLY', 'AV'])} "
                               f"{rnd.choice(SHOWS)}"))
    for _ in range(2):
        odt.text.addElement(P(text=" ".join(rnd.choice(["standby", "go", "house", "lights", "fade", "bar", "flown",
                                                        "preset", "blackout"]) for _ in range(28))))
odt.save("stage_manual.odt")
with zipfile.ZipFile("stage_manual.odt") as zin, zipfile.ZipFile("stage_manual_bad.odt", "w") as zout:
    for item in zin.infolist():
        body = zin.read(item.filename)
        if item.filename == "content.xml":
            s = body.decode()
            s = s.replace("<text:h ", "<text:h text:cue=\"lx\" ", 4)
            s = s.replace("<text:p>", "<text:p text:level=\"2\">", 3)
            s = s.replace("</office:text>", "<text:fly-bar>7</text:fly-bar><draw:frame>x</draw:frame>"
                          "<table:table-row/></office:text>")
            body = s.encode()
        zout.writestr(item, body)

# 7. ticket PDFs with a bookmark per week, and damaged copies
def pdf(pages):
    objs = []  # object n is objs[n - 1]
    page_ids = [5 + 2 * i for i in range(pages)]
    font_id = 5 + 2 * pages
    info_id = font_id + 1
    out_first = info_id + 1
    weeks = list(range(0, pages, 3))
    out_ids = [out_first + k for k in range(len(weeks))]
    objs.append("<< /Type /Catalog /Pages 2 0 R /Outlines 3 0 R /PageMode /UseOutlines >>")
    objs.append(f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {pages} >>")
    objs.append(f"<< /Type /Outlines /First {out_ids[0]} 0 R /Last {out_ids[-1]} 0 R /Count {len(out_ids)} >>")
    objs.append("<< /Type /Metadata /Subtype /XML /Length 0 >>\nstream\n\nendstream")
    for i in range(pages):
        body = "\n".join(f"BT /F1 9 Tf 40 {780 - 13 * j} Td (PERF-{19600 + i * 45 + j} {rnd.choice(SHOWS)} row "
                         f"{rnd.choice('ABCDEFGHJK')} seat {rnd.randint(1, 30)} EUR {rnd.choice([18, 24, 32, 45])}) Tj ET"
                         for j in range(45))
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {6 + 2 * i} 0 R "
                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>")
        objs.append(f"<< /Length {len(body)} >>\nstream\n{body}\nendstream")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    objs.append("<< /Title (Encore tickets, season 2026) /Author (encore-box-office) /Subject (printed tickets) "
                "/Producer (round196 generator) /CreationDate (D:20260214093000Z) >>")
    for k, w in enumerate(weeks):
        links = ""
        if k > 0:
            links += f" /Prev {out_ids[k - 1]} 0 R"
        if k < len(weeks) - 1:
            links += f" /Next {out_ids[k + 1]} 0 R"
        objs.append(f"<< /Title (Week {k + 1}: {SHOWS[k % len(SHOWS)]}) /Parent 3 0 R{links} "
                    f"/Dest [{page_ids[w]} 0 R /XYZ 0 842 0] >>")
    out = b"%PDF-1.5\n"; offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out)); out += f"{n} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offs).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {info_id} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
good = pdf(30)
open("tickets.pdf", "wb").write(good)
k = good.index(b"startxref\n") + len(b"startxref\n")
open("tickets_badxref.pdf", "wb").write(good[:k] + b"1234" + good[k:].split(b"\n", 1)[0][4:] + b"\n%%EOF\n")
open("tickets_noobj.pdf", "wb").write(good.replace(b"\n17 0 obj\n", b"\n17 0 obk\n").replace(b"\n23 0 obj\n", b"\n23 0 ojb\n"))
open("tickets_cut.pdf", "wb").write(good[: len(good) * 11 // 20])
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
    print(f"defined name {name} = {dn.attr_text} (destinations: {list(dn.destinations) if '#REF' not in dn.attr_text else 'broken'})")
for ws in wb.worksheets:
    print(f"== sheet {ws.title} dims={ws.dimensions} rows={ws.max_row} merged={list(map(str, ws.merged_cells.ranges))}")
    for dv in ws.data_validations.dataValidation:
        print(f"   validation {dv.type} {dv.formula1} on {dv.sqref} allow_blank={dv.allow_blank}")
    for row in ws.iter_rows():
        for c in row:
            if c.comment:
                print(f"   {c.coordinate:6} comment by {c.comment.author}: {c.comment.text}")
            if c.data_type in ("f", "e") or (isinstance(c.value, str) and c.column in (6, 8, 9) and c.row > 1):
                print(f"   {c.coordinate:6} type={c.data_type} value={c.value!r}")
ws = wb["Sales"]
revenue = 0
for r in ws.iter_rows(min_row=2, values_only=True):
    revenue += r[8]
print("season revenue", revenue)
'''

PANDAS_READ = r'''
import sys, warnings
import pandas as pd
warnings.simplefilter("always")
pd.set_option("display.width", 150); pd.set_option("display.max_rows", 60); pd.set_option("display.max_columns", 12)
path, sheet = sys.argv[1], sys.argv[2]
df = pd.read_excel(path, sheet_name=sheet)
print(df.dtypes)
print(df.head(25))
print(df.describe(include="all").T)
print("rows with errors:")
print(df[df.apply(lambda r: r.astype(str).str.startswith("#").any(), axis=1)])
print("by show:")
print(df.groupby("show")["seats_sold"].agg(["count", "sum"]))
occupancy = df["seats_sold"].astype(int) / df["capacity"]
print("mean occupancy:", occupancy.mean())
print("total revenue:", df["revenue_eur"].astype(float).sum())
'''

DOCX_DUMP = r'''
import sys
from docx import Document
d = Document(sys.argv[1])
cp = d.core_properties
print(f"title={cp.title!r} author={cp.author!r} created={cp.created} revision={cp.revision}")
for i, p in enumerate(d.paragraphs):
    txt = p.text if p.text.strip() else "<EMPTY>"
    print(f"[{i:3d}] {p.style.name:<12} | {txt[:140]}")
for ti, t in enumerate(d.tables):
    print(f"table {ti}: {len(t.rows)} rows x {len(t.columns)} cols")
    for r in t.rows:
        print("   " + " | ".join(c.text for c in r.cells))
print(f"styles in use: {sorted({p.style.name for p in d.paragraphs})}")
'''


def fixtures(tmp: Path) -> Path:
    d = tmp / "encore"
    if not (d / "tickets.pdf").exists():
        Path(HOME_ENV["HOME"]).mkdir(parents=True, exist_ok=True)
        write_tree(d, {"make_files.py": MAKE_FILES, "dump_book.py": OPENPYXL_DUMP, "read_sales.py": PANDAS_READ,
                       "dump_docx.py": DOCX_DUMP})
        cm.note(run(f"{PY} make_files.py", cwd=d, timeout=300).strip()[-300:])
        cm.note(run("msoffcrypto-tool -e -p 'Curtain-Up-26' box_office.xlsx members_locked.xlsx", cwd=d).strip()[-300:])
        run(f"{SOF} --convert-to xls --outdir legacy box_office.xlsx archive_2025.xlsx", cwd=d, env=HOME_ENV,
            timeout=400)
        run(f"{SOF} --convert-to doc --outdir legacy programme.docx", cwd=d, env=HOME_ENV, timeout=300)
        run(f"{SOF} --convert-to odt --outdir odf programme.docx", cwd=d, env=HOME_ENV, timeout=300)
        run(f"{SOF} --convert-to ods --outdir odf box_office.xlsx", cwd=d, env=HOME_ENV, timeout=300)
    return d


def cap_soffice(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("soffice-convert-pdf-tail", f"{SOF} --convert-to pdf --outdir out box_office.xlsx season_formulas.xlsx "
        "archive_2025.xlsx box_office_cut.xlsx members_locked.xlsx subscriptions.xlsx programme.docx "
        "programme_cut.docx stage_manual.odt stage_manual_bad.odt tickets_cut.pdf nosuch.ods 2>&1 | tail -n 40; "
        f"{SOF} --convert-to docx --outdir out stage_manual.odt legacy/programme.doc 2>&1; echo EXIT=$?", d,
        n_soffice, env=HOME_ENV, timeout=500)


def cap_ssconvert(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("ssconvert-recalc-loop", "for f in season_formulas.xlsx box_office.xlsx box_office_cut.xlsx "
        "members_locked.xlsx subscriptions.xlsx legacy/box_office.xls odf/box_office.ods stage_manual.odt; do "
        "echo \"== $f\"; ssconvert --recalc \"$f\" \"gn_$(basename $f).csv\"; done 2>&1; echo EXIT=$?", d, n_ssconvert)
    run("ssconvert -S --recalc box_office.xlsx gsheet_%s.csv", cwd=d)
    cap("ssconvert-csv-sales-head-tail-grep", "head -n 1 gsheet_Sales.csv && tail -n 200 gsheet_Sales.csv; grep -n "
        "'#' gsheet_Summary.csv", d, n_sheet_csv)


def cap_xlsx2csv(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("xlsx2csv-all-sheets-box-office", "xlsx2csv -a box_office.xlsx | tail -n 260", d, n_xlsx2csv)
    cap("xlsx2csv-archive-head", "xlsx2csv archive_2025.xlsx | head -n 700", d, n_xlsx2csv)


def cap_in2csv(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("in2csv-sales-and-errors", "in2csv --sheet Sales box_office.xlsx | head -n 240; in2csv --sheet Tours "
        "box_office.xlsx; in2csv box_office_cut.xlsx 2>&1 | tail -n 8; echo EXIT=$?", d, n_in2csv)


def cap_python(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("openpyxl-dump-box-office", f"{PY} dump_book.py box_office.xlsx 2>&1 | tail -n 90", d, n_openpyxl,
        typed="python dump_book.py box_office.xlsx 2>&1 | tail -n 90")
    cap("pandas-read-sales-archive", f"{PY} read_sales.py archive_2025.xlsx Archive2025; echo EXIT=$?", d,
        n_pandas_excel, typed="python read_sales.py archive_2025.xlsx Archive2025; echo EXIT=$?")
    cap("python-docx-dump-programme", f"{PY} dump_docx.py programme.docx; {PY} dump_docx.py programme_cut.docx 2>&1 "
        "| tail -n 6; echo EXIT=$?", d, n_docx_dump,
        typed="python dump_docx.py programme.docx; python dump_docx.py programme_cut.docx 2>&1 | tail -n 6; "
              "echo EXIT=$?")
    cap("msoffcrypto-tool-checks", "for f in members_locked.xlsx box_office.xlsx programme.docx legacy/box_office.xls; "
        "do msoffcrypto-tool -t -v \"$f\"; done; msoffcrypto-tool -p 'curtain-up-26' members_locked.xlsx /tmp/m.xlsx; "
        "echo EXIT=$?", d, n_msoffcrypto)


def cap_odf(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("odflint-stage-manual-bad", "odflint stage_manual_bad.odt; echo EXIT=$?; odflint odf/programme.odt 2>&1 | "
        "head -n 30", d, n_odflint)
    cap("odfmeta-all", "for f in stage_manual.odt odf/*.od? stage_manual_bad.odt; do echo \"== $f\"; odfmeta \"$f\"; "
        "done; odfmeta programme.docx; echo EXIT=$?", d, n_odfmeta)
    cap("odfoutline-stage-manual-head", "odfoutline stage_manual.odt | head -n 100", d, n_odfoutline)


def cap_legacy(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("catdoc-programme-doc", "catdoc -w legacy/programme.doc | head -n 120; catdoc programme.docx | head -n 4; "
        "echo EXIT=$?", d, n_catdoc)
    cap("antiword-programme-and-others", "antiword -w 100 legacy/programme.doc; antiword programme_cut.docx; "
        "antiword tickets.pdf; echo EXIT=$?", d, n_antiword)
    cap("docx2txt-programme", "docx2txt programme.docx - ; docx2txt programme_cut.docx - ; echo EXIT=$?", d,
        n_docx2txt)
    cap("xls2csv-box-office-legacy-head", "xls2csv -q 3 legacy/box_office.xls | head -n 320", d, n_xls2csv)


def cap_pdf(tmp: Path) -> None:
    d = fixtures(tmp)
    cap("mutool-info-damaged-tickets", "for f in tickets_badxref.pdf tickets_noobj.pdf tickets_cut.pdf; do echo "
        "\"== $f\"; mutool info -F -I -X \"$f\"; done 2>&1; echo EXIT=$?", d, n_mutool_info)
    cap("mutool-show-outlines-trailer", "mutool show tickets_noobj.pdf trailer 2>&1; mutool show tickets_noobj.pdf "
        "outline 2>&1; mutool show tickets_cut.pdf 17 2>&1; mutool show tickets_noobj.pdf 17 2>&1; mutool show "
        "tickets_badxref.pdf 3 2>&1; echo EXIT=$?", d, n_mutool_show)
    cap("mutool-clean-tickets", "for f in tickets_badxref.pdf tickets_noobj.pdf tickets_cut.pdf; do mutool clean "
        "-ggg \"$f\" \"fixed_$f\"; done 2>&1; ls -l fixed_*.pdf; echo EXIT=$?", d, n_mutool_clean)
    cap("pdftk-dump-data-tickets", "pdftk tickets.pdf dump_data; pdftk tickets_cut.pdf dump_data 2>&1 | tail -n 25; "
        "echo EXIT=$?", d, n_pdftk)
    cap("pdftk-cat-and-dump-exports", "pdftk tickets_noobj.pdf tickets_cut.pdf cat output merged.pdf 2>&1 | tail -n 40;"
        " echo EXIT=$?; for f in out/*.pdf; do echo \"== $f\"; pdftk \"$f\" dump_data | head -n 40; done", d, n_pdftk)


STEPS = [cap_soffice, cap_ssconvert, cap_xlsx2csv, cap_in2csv, cap_python, cap_odf, cap_legacy, cap_pdf]
