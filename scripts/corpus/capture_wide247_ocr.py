"""Round 247, third samples of round 229's kinds: `oakcrust`, a bakery cooperative's paper of this round's own. Its
flour and dairy delivery notes, supplier invoices and hygiene self-inspection forms (capture_wide247's generators,
rendered by round 229's renderer and made to look scanned in other ways) through Tesseract (text, TSV, hOCR, runs to
files), OCRmyPDF, unpaper and img2pdf; its crate QR codes and allergen shelf labels through zbarimg; a DjVu archive of
its 2025 invoices through djvudump / djvused / djvm / ddjvu; its PDFs through pdfdetach and pdftotext -bbox-layout.
Every extractor is round 229's, imported (NEEDLES.md, "Round 247"). Run through capture_wide247.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run
from capture_wide229 import render, render_code, render_noise
from capture_wide229_doc import (_txt_layer, n_ddjvu, n_djvm_list, n_djvudump, n_djvused, n_pdfdetach,
                                 n_pdftotext_bbox, n_zbarimg, n_zbarimg_xml)
from capture_wide229_ocr import (n_img2pdf, n_ocrmypdf, n_tess_hocr, n_tess_run, n_tess_text, n_tess_tsv,
                                 n_unpaper)
from capture_wide247 import cap, flour_note, hygiene_form, supplier_invoice


def _scans(root: Path) -> Path:
    s = root / "scans"
    if s.exists():
        return s
    s.mkdir(parents=True)
    render(flour_note(2471, 40), s / "wf-0412.png", 41, "--dpi 200", "--size 21", "--noise 0.004", "--skew 0.9")
    render(supplier_invoice(2472, 22), s / "inv-gas-q3.png", 42, "--dpi 200", "--noise 0.02", "--skew -1.6",
           "--blur 0.6")
    render(hygiene_form(2473), s / "hygiene-may.png", 43, "--dpi 200", "--blot 300,700,800,260", "--noise 0.008")
    render(flour_note(2474, 12), s / "wf-0413-floury.png", 44, "--dpi 100", "--blur 1.8", "--noise 0.06",
           "--skew 4.2", "--mono")
    render_noise(s / "scan-blank-03.png", 45)
    return s


def tesseract(tmp: Path) -> None:
    root = tmp / "tess"
    _scans(root)
    cap("tess-text-flour", "tesseract scans/wf-0412.png - --psm 6", root, n_tess_text)
    tray = root / "tray"
    tray.mkdir()
    for i in range(7):
        t = [flour_note, supplier_invoice, hygiene_form][i % 3](24710 + i, 6 + 2 * i) if i % 3 != 2 else \
            hygiene_form(24710 + i)
        render(t, tray / f"doc-{i:02d}.png", 50 + i, "--dpi 150", f"--noise {0.005 * (i % 3):.3f}",
               f"--skew {(i % 4) - 1.5:.1f}")
    cap("tess-text-tray-tail", "for f in tray/*.png scans/scan-blank-03.png; do echo \"== $f\"; tesseract \"$f\" - "
        "2>&1; done | tail -n 140", root, n_tess_text, timeout=900)
    cap("tess-tsv-invoice-head", "tesseract scans/inv-gas-q3.png - tsv | head -n 300", root, n_tess_tsv)
    cap("tess-tsv-hygiene-psm4", "tesseract scans/hygiene-may.png - --psm 4 tsv 2>&1", root, n_tess_tsv)
    cap("tess-hocr-flour-grep", "tesseract scans/wf-0412.png - hocr 2>&1 | grep -E 'ocr_page|ocr-system|ocrx_word' "
        "| tail -n 150", root, n_tess_hocr)
    cap("tess-hocr-hygiene", "tesseract scans/hygiene-may.png - --psm 3 hocr", root, n_tess_hocr)
    (root / "out").mkdir()
    cap("tess-run-psm-langs", "for p in 1 4 11; do tesseract scans/hygiene-may.png out/h-$p --psm $p; echo EXIT=$?; "
        "done; tesseract scans/wf-0412.png out/wf -l deu; echo EXIT=$?; tesseract scans/scan-blank-03.png out/b "
        "--psm 6; tesseract scans/wf-0499.png out/x; echo EXIT=$?", root, n_tess_run)


def ocrmypdf(tmp: Path) -> None:
    root = tmp / "ocrmypdf"
    _scans(root)
    run("img2pdf scans/wf-0412.png scans/scan-blank-03.png scans/inv-gas-q3.png scans/wf-0413-floury.png "
        "scans/hygiene-may.png -o post-wk18.pdf", cwd=root)
    cap("ocrmypdf-wk18-exit", "ocrmypdf -v1 -j 1 --deskew --clean post-wk18.pdf wk18.ocr.pdf 2>&1 | tail -n 100; "
        "echo EXIT=$?", root, n_ocrmypdf, timeout=900)
    cap("ocrmypdf-skip-force-grep", "ocrmypdf -v1 -j 1 --skip-text wk18.ocr.pdf skip.pdf 2>&1 | tail -n 40; "
        "echo EXIT=$?; ocrmypdf -v1 -j 1 --force-ocr -l eng+deu wk18.ocr.pdf force.pdf 2>&1 | "
        "grep -iE 'error|warn|page|ratio|language'; echo EXIT=$?", root, n_ocrmypdf, timeout=900)


def unpaper_img2pdf(tmp: Path) -> None:
    root = tmp / "unpaper"
    _scans(root)
    for i, f in enumerate(["wf-0412", "inv-gas-q3", "hygiene-may", "wf-0413-floury"]):
        run(f"convert scans/{f}.png -colorspace gray sheet{i + 1}.pgm", cwd=root)
    cap("unpaper-sheets-exit", "unpaper -v --overwrite --no-mask-scan sheet%d.pgm clean%d.pgm 2>&1; unpaper -v "
        "--layout double sheet4.pgm d%d.pgm; echo EXIT=$?; unpaper -v sheet9.pgm z.pgm; echo EXIT=$?", root,
        n_unpaper)
    s = root / "scans"
    (s / "upload-wf.png").write_bytes((s / "wf-0412.png").read_bytes()[:38_000])
    (s / "notes.png").write_text("%PDF-1.4 this was a pdf renamed to png\n")
    run("convert scans/hygiene-may.png -alpha on -channel A -evaluate set 60% scans/hygiene-alpha.png", cwd=root)
    run("convert scans/inv-gas-q3.png -colorspace CMYK scans/inv-cmyk.jpg", cwd=root)
    cap("img2pdf-batch-exit", "for f in scans/*.png scans/*.jpg; do echo \"== $f\"; img2pdf \"$f\" -o one.pdf; "
        "echo EXIT=$?; done 2>&1; img2pdf --pagesize A9 scans/wf-0412.png -o tiny.pdf; echo EXIT=$?", root,
        n_img2pdf)


CRATES = ["5055512340012", "5012345678900", "9780201379624", "4006381333931", "5901234123457"]


def codes(tmp: Path) -> None:
    root = tmp / "zbar"
    d = root / "crates"
    d.mkdir(parents=True)
    rnd = random.Random(2475)
    for i in range(8):
        run(f"qrencode -s {rnd.choice([3, 4, 6])} -l {rnd.choice('LMQH')} -o {d}/crate-{i:02d}.png "
            f"'OAKCRUST;CRATE=C{i:03d};BAKE={rnd.choice(['sourdough', 'rye', 'spelt', 'brioche', 'focaccia'])};"
            f"ALLERGENS={rnd.choice(['gluten', 'gluten,sesame', 'gluten,milk,egg', 'gluten,milk'])};"
            f"BEST=2026-0{rnd.randrange(1, 10)}-{rnd.randrange(1, 29):02d}'")
    for i, sku in enumerate(CRATES):
        render_code("ean13", sku[:12], d / f"shelf-{i:02d}.png")
    for i in range(3):
        render_code("code128", f"LOT-{rnd.randrange(100000, 999999)}", d / f"lot-{i:02d}.png")
    render_code("code128", "LOT-777001", d / "lot-floury.png", "--smudge 16", "--seed 11")
    render_code("ean13", "505551234001", d / "shelf-torn.png", "--cut 0.4")
    run(f"convert {d}/crate-05.png -resize 20% {d}/crate-tiny.png")
    run(f"convert {d}/crate-01.png -rotate 35 {d}/crate-tilted.png")
    cap("zbarimg-crates-exit", "zbarimg crates/*.png 2>&1 | tail -n 80; echo EXIT=$?", root, n_zbarimg)
    cap("zbarimg-xml-lots", "zbarimg --xml -q crates/lot-*.png crates/crate-0[0-3].png crates/shelf-torn.png; "
        "echo EXIT=$?", root, n_zbarimg_xml)


def djvu(tmp: Path) -> None:
    root = tmp / "djvu"
    pages = root / "pages"
    pages.mkdir(parents=True)
    rnd = random.Random(24720)
    names, texts = [], []
    n = 34
    for i in range(n):
        t = supplier_invoice(24720 + i, rnd.randrange(3, 12)) if i % 2 else flour_note(24720 + i, rnd.randrange(4, 13))
        if i % 11 == 7:
            t = hygiene_form(24720 + i)
        dpi = 100 if i in (4, 19, 30) else 150
        png = render(t, pages / f"i{i:03d}.png", 120 + i, f"--dpi {dpi}", f"--noise {0.002 * (i % 3):.3f}")
        if i % 9 == 5:
            run(f"convert {png} i{i:03d}.ppm && c44 -dpi {dpi} i{i:03d}.ppm i{i:03d}.djvu", cwd=pages)
        else:
            run(f"convert {png} -threshold 55% i{i:03d}.pbm && cjb2 -dpi {dpi} i{i:03d}.pbm i{i:03d}.djvu", cwd=pages)
        names.append(f"pages/i{i:03d}.djvu")
        texts.append(t)
    run(f"djvm -c invoices-2025.djvu {' '.join(names)}", cwd=root)
    outline = ["(bookmarks"]
    for q in range(3):
        lo, hi = q * 12 + 1, min(n, q * 12 + 12)
        outline.append(f' ("Quarter {q + 1}" "#{lo}"')
        for k in range(lo, hi + 1, 4):
            outline.append(f'  ("{texts[k - 1].splitlines()[0].title()} p{k}" "#{k}")')
        outline.append(" )")
    outline.append(" )")
    (root / "outline.sexp").write_text("\n".join(outline) + "\n")
    cmds = ["set-outline outline.sexp"]
    for i in range(n):
        w, h = (827, 1169) if i in (4, 19, 30) else (1240, 1754)
        (root / f"t{i:03d}.sexp").write_text(_txt_layer(texts[i], w, h))
        cmds.append(f"select {i + 1}; set-txt t{i:03d}.sexp")
    (root / "meta.txt").write_text('Title\t"Oakcrust invoices 2025"\nAuthor\t"Co-op treasurer"\n'
                                   'Subject\t"Mills, dairy and utilities"\nKeywords\t"flour; gas; waste"\n')
    cmds.append("select; set-meta meta.txt")
    run(f"djvused invoices-2025.djvu -s -e '{'; '.join(cmds)}'", cwd=root)
    whole = (root / "invoices-2025.djvu").read_bytes()
    (root / "invoices-2025-cut.djvu").write_bytes(whole[: int(len(whole) * 0.63)])
    cap("djvudump-invoices-tail", "djvudump invoices-2025.djvu | tail -n 90", root, n_djvudump)
    cap("djvused-outline-ls-exit", "djvused invoices-2025.djvu -e 'print-outline; n; ls; print-meta'; "
        "djvused invoices-2025-cut.djvu -e 'n; ls'; echo EXIT=$?", root, n_djvused)
    cap("djvused-text-loop-grep", "for p in 1 3 6 8 12 17 21 26 29 33; do echo \"== page $p\"; djvused "
        "invoices-2025.djvu -e \"select $p; print-pure-txt\"; done | grep -iE '== page|total|due|invoice|account|"
        "date|ref'", root, n_djvused)
    cap("djvm-list-cut", "djvm -l invoices-2025-cut.djvu; echo EXIT=$?; djvm -l invoices-2025.djvu | head -n 20",
        root, n_djvm_list)
    cap("ddjvu-cut-exit", "ddjvu -verbose -format=pnm -page=18-34 -scale=15 invoices-2025-cut.djvu p.pnm 2>&1 | "
        "tail -n 60; echo EXIT=$?", root, n_ddjvu)


def pdfs(tmp: Path) -> None:
    root = tmp / "pdf"
    s = root / "scans"
    s.mkdir(parents=True)
    docs = [flour_note(24730, 18), supplier_invoice(24731, 14), hygiene_form(24732), flour_note(24733, 26),
            supplier_invoice(24734, 9)]
    for i, t in enumerate(docs):
        render(t, s / f"q{i}.png", 140 + i, "--dpi 150", "--noise 0.003")
    run("img2pdf scans/q*.png -o ledger.pdf && ocrmypdf -q -j 1 --output-type pdf ledger.pdf ledger.ocr.pdf",
        cwd=root, timeout=900)
    names = ["allergen-matrix-2025.csv", "oven temps week 18.txt", "flour-lots.json", "complaint #41 (rye).txt"]
    names += [f"haccp-log-{k:02d}.txt" for k in range(1, 40, 4)]
    for i, name in enumerate(names):
        (root / name).write_text("\n".join(f"{k},{k * 13 % 97},{k * 2.25:.2f}" for k in range(25 + 10 * i)))
        src = "ledger.ocr.pdf" if i == 0 else "attached.pdf"
        run(f"pdfattach {src} '{name}' next.pdf && mv next.pdf attached.pdf", cwd=root)
    whole = bytearray((root / "attached.pdf").read_bytes())
    (root / "attached-trunc.pdf").write_bytes(bytes(whole[: int(len(whole) * 0.48)]))
    mid = len(whole) // 2
    whole[mid:mid + 600] = b"\0" * 600
    (root / "attached-holed.pdf").write_bytes(bytes(whole))
    cap("pdfdetach-list-exit", "for f in attached.pdf attached-trunc.pdf attached-holed.pdf; do echo \"== $f\"; "
        "pdfdetach -list \"$f\"; echo EXIT=$?; done 2>&1", root, n_pdfdetach)
    cap("pdftotext-bbox-ledger-head", "pdftotext -bbox-layout ledger.ocr.pdf - | head -n 1500", root,
        n_pdftotext_bbox)
    cap("pdftotext-bbox-grep-p4", "pdftotext -bbox-layout -f 4 -l 5 ledger.ocr.pdf - | grep -E '<page|<line|<word' | "
        "tail -n 200", root, n_pdftotext_bbox)


STEPS = [tesseract, ocrmypdf, unpaper_img2pdf, codes, djvu, pdfs]
