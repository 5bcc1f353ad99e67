"""Round 229, codes and documents: zbar's `zbarimg` (plain and `--xml`) on labels made here (QR codes from qrencode,
EAN-13 and Code 128 from python-barcode, some cut off, smudged or too small), djvulibre (`djvudump`, `djvused`,
`djvm -l`, `ddjvu`) on a bundled DjVu archive of the `paperbox` pages with an outline, a text layer and a shared
annotation, then truncated, and poppler's `pdfdetach -list` and `pdftotext -bbox-layout` on PDFs made here (embedded
files added with pdfattach, one file damaged). The extractors are this round's (NEEDLES.md, "Round 229"). Run
through capture_wide229.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

from capture_more import kind, run
from capture_wide229 import (FIELD_RE, cap, exit_lines, first_last, form, invoice, pick, problems, receipt,
                             render, render_code)

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 229")

ZBAR_SYM = re.compile(r"^[A-Z][A-Za-z0-9-]*(-\d+|-Code|-[A-Z]+)?:\S")


def zbar_msgs(lines) -> list:
    out = pick(lines, r"scanned \d+ barcode symbols? from \d+ images?")
    out += problems(lines, r"WARNING:|ERROR:|^zbarimg:|[Ee]rror")
    for i, ln in enumerate(lines):
        if ln.startswith("WARNING:"):
            nxt = [lines[k] for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()]
            out += nxt[:1]
    return out + exit_lines(lines)


@kind("zbarimg", "listing")
def n_zbarimg(lines):
    """Rule 1+3+5: every decoded symbol line (TYPE:data), the scanned N barcode symbols summary, every WARNING/ERROR/zbarimg line and the line after a WARNING."""
    return [ln for ln in lines if ZBAR_SYM.match(ln)] + zbar_msgs(lines)


@kind("zbarimg-xml", "listing")
def n_zbarimg_xml(lines):
    """Rule 1+3+5: every source href line, every symbol type line and its data line, zbarimg's summary and messages."""
    out = pick(lines, r"<source href=|<symbol type=")
    for i, ln in enumerate(lines):
        if "<symbol type=" in ln and "<data>" not in ln:
            nxt = [lines[k] for k in range(i + 1, min(len(lines), i + 6)) if "<data>" in lines[k]]
            out += nxt[:1]
    return out + zbar_msgs(lines)


DJVU_ERR = r"djvudump:|djvused:|ddjvu:|^\*\*\*|Unexpected|[Cc]orrupt|\bEOF\b|[Ee]rror|[Ff]ailed|Illegal|not found"


@kind("djvudump", "listing")
def n_djvudump(lines):
    """Rule 1+4+5: the first line, the DIRM line, the first and last page FORM:DJVU lines, rare and first/last INFO lines, NAVM/ANT/TXT lines, every error line."""
    out = [ln for ln in lines if ln.strip()][:1]
    out += pick(lines, r"^\s*DIRM ")
    out += first_last(pick(lines, r"^\s*FORM:DJVU "))
    info = [ln for ln in lines if re.match(r"^\s*INFO ", ln)]
    out += first_last(info)
    vals = [re.sub(r"^\s*INFO \[\d+\]\s*", "", ln) for ln in info]
    cnt = Counter(vals)
    if cnt and cnt.most_common(1)[0][1] * 2 >= len(vals):
        out += [ln for ln, v in zip(info, vals) if cnt[v] <= 2]
    out += pick(lines, r"^\s*(NAVM|ANTz|ANTa|TXTz|TXTa) ")
    out += problems(lines, DJVU_ERR)
    return out + exit_lines(lines)


def _rows_rule4(rows: list[str], size_col: int, type_col: int) -> list[str]:
    out = first_last(rows)
    if rows:
        parsed = [(int(r.split()[size_col]), r.split()[type_col], r) for r in rows]
        out += [min(parsed)[2], max(parsed)[2]]
        cnt = Counter(t for _, t, _ in parsed)
        if cnt.most_common(1)[0][1] * 2 >= len(parsed):
            out += [r for _, t, r in parsed if cnt[t] <= 2]
    return out


@kind("djvused", "doc")
def n_djvused(lines):
    """Rule 1+4+5+6: every outline bookmark title line, n's page count, ls rows by rule 4, meta key lines, page-text lines holding a field word, every error line."""
    out = pick(lines, r'^\s*\("')
    out += [ln for ln in lines if re.fullmatch(r"\d+", ln.strip())][:1]
    ls_rows = [ln for ln in lines if re.match(r"^\s*\d+ [PSIT] +\d+ ", ln)]
    out += _rows_rule4(ls_rows, 2, 1)
    out += pick(lines, r'^\w+\t"')
    out += [ln for ln in lines if FIELD_RE.search(ln) and not ln.lstrip().startswith("(")
            and not re.match(r"^\s*\d+ [PSIT] ", ln)]
    out += problems(lines, DJVU_ERR)
    return out + exit_lines(lines)


@kind("djvm-list", "listing")
def n_djvm_list(lines):
    """Rule 1+4: the header row, the first and last component rows, the largest and smallest rows, rows of a rare type, every error line."""
    out = pick(lines, r"^Size\s+Type\s+Name")
    rows = [ln for ln in lines if re.match(r"^\s*\d+\s+(PAGE|SHARED\w*|INCL|THUMBNAILS)\b", ln)]
    out += _rows_rule4(rows, 0, 1)
    return out + problems(lines, DJVU_ERR) + exit_lines(lines)


@kind("ddjvu-error", "build")
def n_ddjvu(lines):
    """Rule 1+3: every error line (ddjvu:, ***, Unexpected end of file, corrupt, Failed, Illegal), shapes grouped, EXIT lines."""
    return problems(lines, DJVU_ERR) + exit_lines(lines)


PDF_ERR = r"Syntax Error|Syntax Warning|\bError\b|[Ee]rror:"


@kind("pdfdetach-list", "listing")
def n_pdfdetach(lines):
    """Rule 1+5: the N embedded files line, every numbered file line, every Syntax Error/Warning/Error line (shapes grouped)."""
    out = pick(lines, r"^\d+ embedded files?") + [ln for ln in lines if re.match(r"^\d+: \S", ln)]
    return out + problems(lines, PDF_ERR) + exit_lines(lines)


MONEY = re.compile(r">\s*[£$€]?\d+[.,]\d\d\s*<")


@kind("pdftotext-bbox", "doc")
def n_pdftotext_bbox(lines):
    """Rule 1+5: every page line, every word line holding a field word and money words on a line with one, the first and last word lines, every Syntax Error/Warning/Error line."""
    out = pick(lines, r"<page ")
    words = [ln for ln in lines if "<word " in ln]
    out += first_last(words)
    block: list[str] = []
    for ln in lines + ["</line>"]:
        if "<word " in ln:
            block.append(ln)
        elif "</line>" in ln and block:
            text = [re.sub(r"<[^>]+>", "", w) for w in block]
            if any(FIELD_RE.search(t) for t in text):
                out += [w for w, t in zip(block, text) if FIELD_RE.search(t) or MONEY.search(w)]
            block = []
    return out + problems(lines, PDF_ERR) + exit_lines(lines)


# ------------------------------------------------------------------ the steps

SKUS = ["501234567890", "400638133393", "761234567890", "590123412345", "871234567890", "301234567890"]


def labels(root: Path) -> Path:
    """The stock-room labels: QR codes (qrencode), EAN-13 and Code 128 (python-barcode), a few damaged."""
    d = root / "labels"
    d.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(2298)
    for i in range(8):
        inv = f"INV-2024-{rnd.randrange(1, 9999):04d}"
        run(f"qrencode -s {rnd.choice([3, 4, 6])} -l {rnd.choice('LMQH')} -o {d}/qr-{i:02d}.png "
            f"'https://paperbox.example/pay?inv={inv}&amt={rnd.randrange(20, 4000)}.{rnd.randrange(100):02d}'")
    for i, sku in enumerate(SKUS):
        render_code("ean13", sku, d / f"ean-{i:02d}.png")
    for i in range(4):
        render_code("code128", f"BOX-{rnd.randrange(1000, 9999)}-A{i}", d / f"box-{i:02d}.png")
    # the damaged ones: cut off, smudged, scaled down until unreadable
    render_code("ean13", "590123412345", d / "ean-cut.png", "--cut 0.55")
    render_code("code128", "BOX-7731-Z9", d / "box-smudged.png", "--smudge 9", "--seed 4")
    run(f"qrencode -s 1 -o {d}/qr-tiny.png 'https://paperbox.example/pay?inv=INV-2024-9001&amt=1200.00' && "
        f"convert {d}/qr-tiny.png -resize 40% {d}/qr-tiny.png")
    run(f"qrencode -s 5 -o {d}/qr-torn.png 'https://paperbox.example/pay?inv=INV-2024-9002' && "
        f"convert {d}/qr-torn.png -fill white -draw 'rectangle 0,0 80,200' {d}/qr-torn.png")
    return d


def zbar(tmp: Path) -> None:
    root = tmp / "zbar"
    labels(root)
    render(invoice(2299, 10), root / "invoice-page.png", 9, "--dpi 150")
    run("convert invoice-page.png labels/qr-03.png -gravity southeast -composite invoice-with-qr.png", cwd=root)
    cap("zbarimg-labels", "zbarimg labels/*.png; echo EXIT=$?", root, n_zbarimg)
    cap("zbarimg-quiet", "zbarimg -q labels/ean-*.png labels/box-*.png invoice-with-qr.png invoice-page.png",
        root, n_zbarimg)
    cap("zbarimg-grep", "zbarimg -Sdisable -Sqrcode.enable labels/*.png 2>&1 | grep -vE '^\\s+[-.]'", root,
        n_zbarimg)
    cap("zbarimg-xml", "zbarimg --xml labels/*.png", root, n_zbarimg_xml)
    cap("zbarimg-xml-damaged", "zbarimg --xml -q labels/*-cut.png labels/*smudged.png labels/qr-t*.png "
        "labels/box-0[01].png invoice-with-qr.png; echo EXIT=$?", root, n_zbarimg_xml)


def _txt_layer(text: str, w: int, h: int) -> str:
    rows = [ln for ln in text.splitlines() if ln.strip()]
    step = max(1, (h - 200) // max(1, len(rows)))
    out = [f"(page 0 0 {w} {h}"]
    for i, ln in enumerate(rows):
        y1 = h - 100 - i * step
        esc = ln.replace("\\", "\\\\").replace('"', '\\"')
        out.append(f' (line 100 {y1 - step + 4} {w - 100} {y1} "{esc}")')
    return "\n".join(out) + ")\n"


NPAGES = 56


def djvu(tmp: Path) -> None:
    root = tmp / "djvu"
    pages = root / "pages"
    pages.mkdir(parents=True)
    rnd = random.Random(22910)
    names, texts = [], []
    for i in range(NPAGES):
        t = [invoice, receipt][i % 5 == 4](22910 + i, rnd.randrange(6, 20)) if i % 11 != 7 else form(22910 + i)
        dpi = 100 if i in (13, 41) else 150
        png = render(t, pages / f"p{i:03d}.png", 30 + i, f"--dpi {dpi}", f"--noise {0.002 * (i % 3):.3f}")
        if i % 9 == 5:  # colour pages go through the IW44 encoder
            run(f"convert {png} p{i:03d}.ppm && c44 -dpi {dpi} p{i:03d}.ppm p{i:03d}.djvu", cwd=pages)
        else:
            run(f"convert {png} -threshold 60% p{i:03d}.pbm && cjb2 -dpi {dpi} p{i:03d}.pbm p{i:03d}.djvu", cwd=pages)
        names.append(f"pages/p{i:03d}.djvu")
        texts.append(t)
    run(f"djvm -c archive-2024.djvu {' '.join(names)}", cwd=root)
    outline = ["(bookmarks"]
    for q in range(4):
        outline.append(f' ("Quarter {q + 1} 2024" "#{q * 14 + 1}"')
        for k in range(q * 14 + 1, min(NPAGES, q * 14 + 15), 2):
            outline.append(f'  ("{texts[k - 1].splitlines()[0]} p{k}" "#{k}")')
        outline.append(" )")
    outline.append(' ("Expense claims" "#8") )')
    (root / "outline.sexp").write_text("\n".join(outline) + "\n")
    cmds = ["set-outline outline.sexp"]
    for i in range(NPAGES):
        (root / f"t{i:03d}.sexp").write_text(_txt_layer(texts[i], 1240 if i not in (13, 41) else 827,
                                                        1754 if i not in (13, 41) else 1169))
        cmds.append(f"select {i + 1}; set-txt t{i:03d}.sexp")
    cmds.append("select; set-meta meta.txt")
    (root / "meta.txt").write_text('Title\t"Paperbox archive 2024"\nAuthor\t"Accounts office"\n'
                                   'Producer\t"cjb2 + djvm"\nCreationDate\t"2024-12-31"\n')
    cmds.append("create-shared-ant")
    run(f"djvused archive-2024.djvu -s -e '{'; '.join(cmds)}'", cwd=root)
    size = (root / "archive-2024.djvu").stat().st_size
    (root / "archive-2024-upload.djvu").write_bytes((root / "archive-2024.djvu").read_bytes()[: int(size * 0.62)])
    cap("djvudump-archive", "djvudump archive-2024.djvu", root, n_djvudump)
    cap("djvudump-truncated", "for f in archive-2024-upload.djvu pages/p013.djvu pages/p014.djvu; do echo \"== $f\"; "
        "djvudump \"$f\" 2>&1 | tail -n 40; done; echo EXIT=$?", root, n_djvudump)
    cap("djvused-outline", "djvused archive-2024.djvu -e 'print-outline; n; print-meta'", root, n_djvused)
    cap("djvused-ls", "djvused archive-2024.djvu -e ls", root, n_djvused)
    cap("djvused-text", "djvused archive-2024.djvu -e 'select 3; print-pure-txt; select 8; print-pure-txt; select 14;"
        " print-pure-txt'", root, n_djvused)
    cap("djvused-truncated", "djvused archive-2024-upload.djvu -e 'n; ls; select 30; print-pure-txt'; echo EXIT=$?",
        root, n_djvused)
    cap("djvm-list-archive", "djvm -l archive-2024.djvu", root, n_djvm_list)
    cap("djvm-list-truncated", "djvm -l archive-2024-upload.djvu; echo EXIT=$?", root, n_djvm_list)
    cap("ddjvu-truncated", "ddjvu -verbose -format=pbm -eachpage -scale=25 archive-2024-upload.djvu out-%03d.pbm; "
        "echo EXIT=$?", root,
        n_ddjvu)
    cap("ddjvu-pages", "for p in 1 14 20 32 42 56; do ddjvu -verbose -format=pbm -page=$p -scale=50 archive-2024-upload.djvu "
        "p$p.pbm || echo \"page $p failed\"; done 2>&1", root, n_ddjvu)


def pdfs(tmp: Path) -> None:
    root = tmp / "pdf"
    s = root / "scans"
    s.mkdir(parents=True)
    docs = [invoice(22920, 14), receipt(22921, 15), form(22922), invoice(22923, 17), invoice(22924, 18)]
    for i, t in enumerate(docs):
        render(t, s / f"doc-{i}.png", 50 + i, "--dpi 150", "--noise 0.002")
    run("img2pdf scans/doc-*.png -o bundle.pdf && ocrmypdf -q -j 1 --output-type pdf bundle.pdf bundle.ocr.pdf",
        cwd=root, timeout=900)
    names = ["remittance-advice.csv", "po-55120.xml", "statement-march.txt", "signature.p7s",
             "delivery-note scan.png", "vat-return-q1.json"]
    names += [f"receipt-2024-{m:02d}-{d:02d}.jpg" for m, d in [(1, 4), (1, 19), (2, 2), (2, 27), (3, 8), (3, 30),
                                                                   (4, 11), (5, 16), (6, 1), (6, 23)]]
    names += ["Überweisung März 2024.pdf", "contract_v3_FINAL(2).docx", "ledger-export-2024-q1.xlsx"]
    for i, name in enumerate(names):
        body = "\n".join(f"row {k},{k * 13 % 97},{k * 7.25:.2f}" for k in range(40 + i * 10))
        (root / name).write_text(body)
        src = "bundle.ocr.pdf" if i == 0 else "attached.pdf"
        run(f"pdfattach {src} '{name}' next.pdf && mv next.pdf attached.pdf", cwd=root)
    data = bytearray((root / "attached.pdf").read_bytes())
    xref = data.rfind(b"xref")
    data[xref:xref + 40] = b"x" * 40  # a clobbered xref table
    (root / "attached-broken.pdf").write_bytes(bytes(data))
    whole = (root / "attached.pdf").read_bytes()
    (root / "attached-cut.pdf").write_bytes(whole[: int(len(whole) * 0.7)])
    cap("pdfdetach-list", "for f in attached.pdf bundle.pdf bundle.ocr.pdf; do echo \"== $f\"; pdfdetach -list \"$f\"; "
        "done; echo EXIT=$?", root,
        n_pdfdetach)
    cap("pdfdetach-broken", "pdfdetach -list attached-broken.pdf; pdfdetach -list attached-cut.pdf 2>&1 | head -n 100; "
        "echo EXIT=$?", root, n_pdfdetach)
    cap("pdftotext-bbox-full", "pdftotext -bbox-layout bundle.ocr.pdf -", root, n_pdftotext_bbox)
    cap("pdftotext-bbox-head", "pdftotext -bbox-layout -f 2 -l 3 bundle.ocr.pdf - | head -n 100", root,
        n_pdftotext_bbox)
    cap("pdftotext-bbox-broken", "pdftotext -bbox-layout attached-broken.pdf - 2>&1 | grep -E '<page|<word|Error|"
        "Warning' | tail -n 80", root, n_pdftotext_bbox)


STEPS = [zbar, djvu, pdfs]
