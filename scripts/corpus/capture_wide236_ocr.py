"""Round 236, round 229's kinds on new material: the `pawprint` veterinary practice's delivery notes, utility bills and
lab request forms (capture_wide236's generators, rendered by round 229's renderer) through Tesseract (text, TSV, hOCR,
runs to files), OCRmyPDF, unpaper and img2pdf; its pharmacy shelf labels through zbarimg; a DjVu archive of its bills
through djvudump / djvused / djvm / ddjvu; its PDFs through pdfdetach and pdftotext -bbox-layout. Every extractor is
round 229's, imported (NEEDLES.md, "Round 236"). Run through capture_wide236.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run
from capture_wide229 import render, render_code, render_noise
from capture_wide229_doc import (_txt_layer, n_ddjvu, n_djvm_list, n_djvudump, n_djvused, n_pdfdetach,
                                 n_pdftotext_bbox, n_zbarimg, n_zbarimg_xml)
from capture_wide229_ocr import (n_img2pdf, n_ocrmypdf, n_tess_hocr, n_tess_run, n_tess_text, n_tess_tsv,
                                 n_unpaper)
from capture_wide236 import cap, delivery_note, lab_form, utility_bill


def _scans(root: Path) -> Path:
    s = root / "scans"
    if s.exists():
        return s
    s.mkdir(parents=True)
    render(delivery_note(2361, 48), s / "dn-2025-031.png", 61, "--dpi 200", "--size 22", "--noise 0.005", "--skew -0.7")
    render(utility_bill(2362, 24), s / "bill-energy.png", 62, "--dpi 200", "--noise 0.015", "--skew 1.2", "--blur 0.5")
    render(lab_form(2363), s / "lab-request.png", 63, "--dpi 200", "--blot 180,520,700,200", "--noise 0.01")
    render(delivery_note(2364, 10), s / "dn-2025-032-crumpled.png", 64, "--dpi 110", "--blur 1.5", "--noise 0.05",
           "--skew -3.5", "--mono")
    render_noise(s / "scan-empty-07.png", 65)
    return s


def tesseract(tmp: Path) -> None:
    root = tmp / "tess"
    _scans(root)
    cap("tess-text-dn", "tesseract scans/dn-2025-031.png - --psm 4", root, n_tess_text)
    inbox = root / "inbox"
    inbox.mkdir()
    for i in range(6):
        t = [delivery_note, utility_bill][i % 2](23610 + i, 8 + 3 * i)
        render(t, inbox / f"post-{i:02d}.png", 70 + i, "--dpi 150", f"--noise {0.004 * (i % 3):.3f}",
               f"--skew {(i % 3) - 1:.1f}")
    cap("tess-text-inbox", "for f in inbox/*.png scans/scan-empty-07.png; do echo \"== $f\"; tesseract \"$f\" - "
        "--psm 6 2>&1; done | head -n 120", root, n_tess_text, timeout=900)
    cap("tess-tsv-bill", "tesseract scans/bill-energy.png - tsv", root, n_tess_tsv)
    cap("tess-tsv-crumpled", "tesseract scans/dn-2025-032-crumpled.png - --psm 6 tsv 2>&1 | tail -n 80", root,
        n_tess_tsv)
    cap("tess-hocr-dn", "tesseract scans/dn-2025-031.png - hocr", root, n_tess_hocr)
    cap("tess-hocr-form-grep", "tesseract scans/lab-request.png - hocr 2>&1 | grep -E 'ocr_page|ocr-system|"
        "ocrx_word' | head -n 100", root, n_tess_hocr)
    (root / "out").mkdir()
    cap("tess-run-langs", "for l in eng spa eng+ita; do tesseract scans/lab-request.png out/lab-$l -l $l; "
        "echo EXIT=$?; done; tesseract scans/scan-empty-07.png out/empty --dpi 72; tesseract scans/missing.png "
        "out/m; echo EXIT=$?", root, n_tess_run)


def ocrmypdf(tmp: Path) -> None:
    root = tmp / "ocrmypdf"
    _scans(root)
    run("img2pdf scans/dn-2025-031.png scans/bill-energy.png scans/scan-empty-07.png scans/lab-request.png "
        "scans/dn-2025-032-crumpled.png -o post-week-12.pdf", cwd=root)
    cap("ocrmypdf-week", "ocrmypdf -v1 -j 1 --rotate-pages --deskew post-week-12.pdf week.ocr.pdf 2>&1 | tail -n 80; "
        "echo EXIT=$?", root, n_ocrmypdf, timeout=900)
    cap("ocrmypdf-prior-force", "ocrmypdf -v1 -j 1 week.ocr.pdf again.pdf; echo EXIT=$?; ocrmypdf -v1 -j 1 "
        "--redo-ocr --output-type pdf week.ocr.pdf redo.pdf 2>&1 | grep -iE 'error|warn|page|ratio|skip'; "
        "echo EXIT=$?", root, n_ocrmypdf, timeout=900)


def unpaper_img2pdf(tmp: Path) -> None:
    root = tmp / "unpaper"
    _scans(root)
    for i, f in enumerate(["dn-2025-031", "bill-energy", "lab-request"]):
        run(f"convert scans/{f}.png -colorspace gray page{i + 1}.pgm", cwd=root)
    cap("unpaper-pages", "unpaper -v --overwrite --mask-scan-size 80 page%d.pgm out%d.pgm 2>&1; unpaper -v "
        "--pre-rotate 45 page1.pgm r.pgm; echo EXIT=$?", root, n_unpaper)
    s = root / "scans"
    (s / "upload-dn.png").write_bytes((s / "dn-2025-031.png").read_bytes()[:45_000])
    (s / "readme.png").write_text("<html><body>not an image</body></html>\n")
    run("convert scans/lab-request.png -depth 16 scans/lab-16bit.png", cwd=root)
    cap("img2pdf-batch", "for f in scans/*.png; do echo \"== $f\"; img2pdf -v \"$f\" -o one.pdf 2>&1 | tail -n 12 || "
        "echo \"FAILED $f\"; done; img2pdf scans/upload-dn.png scans/readme.png -o two.pdf; echo EXIT=$?", root,
        n_img2pdf)


SHELF = ["5012345678900", "4006381333931", "7612345678904", "5901234123457"]


def codes(tmp: Path) -> None:
    root = tmp / "zbar"
    d = root / "shelf"
    d.mkdir(parents=True)
    rnd = random.Random(2365)
    for i in range(7):
        run(f"qrencode -s {rnd.choice([3, 5])} -l {rnd.choice('LMH')} -o {d}/bin-{i:02d}.png "
            f"'PAWPRINT;BIN=B{i:02d};DRUG={rnd.choice(['meloxicam', 'amoxicillin', 'cefovecin', 'gabapentin'])};"
            f"LOT=L{rnd.randrange(10000, 99999)};EXP=2026-{rnd.randrange(1, 13):02d}'")
    for i, sku in enumerate(SHELF):
        render_code("ean13", sku[:12], d / f"sku-{i:02d}.png")
    for i in range(3):
        render_code("code128", f"RX-{rnd.randrange(100000, 999999)}", d / f"rx-{i:02d}.png")
    render_code("code128", "RX-404404", d / "rx-worn.png", "--smudge 12", "--seed 8")
    render_code("ean13", "501234567890", d / "sku-torn.png", "--cut 0.5")
    run(f"convert {d}/bin-02.png -resize 25% {d}/bin-tiny.png")
    cap("zbarimg-shelf", "zbarimg shelf/*.png; echo EXIT=$?", root, n_zbarimg)
    cap("zbarimg-grep", "zbarimg -q shelf/*.png 2>&1 | grep -E '^(QR-Code|EAN-13|CODE-128)' | sort | head -n 40; "
        "zbarimg shelf/rx-worn.png shelf/sku-torn.png shelf/bin-tiny.png", root, n_zbarimg)
    cap("zbarimg-xml-shelf", "zbarimg --xml -q shelf/bin-0*.png shelf/sku-0[0-2].png shelf/rx-worn.png; echo EXIT=$?",
        root, n_zbarimg_xml)


def djvu(tmp: Path) -> None:
    root = tmp / "djvu"
    pages = root / "pages"
    pages.mkdir(parents=True)
    rnd = random.Random(23620)
    names, texts = [], []
    n = 40
    for i in range(n):
        t = utility_bill(23620 + i, rnd.randrange(4, 14)) if i % 3 else delivery_note(23620 + i, rnd.randrange(5, 15))
        if i % 13 == 9:
            t = lab_form(23620 + i)
        dpi = 120 if i in (6, 27) else 150
        png = render(t, pages / f"b{i:03d}.png", 90 + i, f"--dpi {dpi}", f"--noise {0.003 * (i % 2):.3f}")
        if i % 8 == 3:
            run(f"convert {png} b{i:03d}.ppm && c44 -dpi {dpi} b{i:03d}.ppm b{i:03d}.djvu", cwd=pages)
        else:
            run(f"convert {png} -threshold 58% b{i:03d}.pbm && cjb2 -dpi {dpi} b{i:03d}.pbm b{i:03d}.djvu", cwd=pages)
        names.append(f"pages/b{i:03d}.djvu")
        texts.append(t)
    run(f"djvm -c bills-2025.djvu {' '.join(names)}", cwd=root)
    outline = ["(bookmarks"]
    for h in range(2):
        outline.append(f' ("Half {h + 1} 2025" "#{h * 20 + 1}"')
        for k in range(h * 20 + 1, h * 20 + 21, 3):
            outline.append(f'  ("{texts[k - 1].splitlines()[0]} p{k}" "#{k}")')
        outline.append(" )")
    outline.append(" )")
    (root / "outline.sexp").write_text("\n".join(outline) + "\n")
    cmds = ["set-outline outline.sexp"]
    for i in range(n):
        w, h = (1020, 1403) if i in (6, 27) else (1275, 1754)
        (root / f"t{i:03d}.sexp").write_text(_txt_layer(texts[i], w, h))
        cmds.append(f"select {i + 1}; set-txt t{i:03d}.sexp")
    (root / "meta.txt").write_text('Title\t"Pawprint bills 2025"\nAuthor\t"Practice manager"\n'
                                   'Subject\t"Utilities and suppliers"\nCreationDate\t"2025-11-30"\n')
    cmds.append("select; set-meta meta.txt")
    run(f"djvused bills-2025.djvu -s -e '{'; '.join(cmds)}'", cwd=root)
    size = (root / "bills-2025.djvu").stat().st_size
    (root / "bills-2025-partial.djvu").write_bytes((root / "bills-2025.djvu").read_bytes()[: int(size * 0.41)])
    cap("djvudump-bills", "djvudump bills-2025.djvu | head -n 100", root, n_djvudump)
    cap("djvused-outline-meta", "djvused bills-2025.djvu -e 'print-outline; n; print-meta; ls'", root, n_djvused)
    cap("djvused-text-grep", "for p in 2 4 7 10 15 22 28 33; do djvused bills-2025.djvu -e \"select $p; print-pure-txt\"; done "
        "| grep -iE 'total|due|account|date|no\\.'; djvused bills-2025-partial.djvu -e 'select 30; print-pure-txt'; "
        "echo EXIT=$?", root, n_djvused)
    cap("djvm-list-both", "djvm -l bills-2025.djvu; djvm -l bills-2025-partial.djvu; echo EXIT=$?", root, n_djvm_list)
    cap("ddjvu-partial", "ddjvu -verbose -format=tiff -eachpage -scale=20 bills-2025-partial.djvu t-%02d.tif 2>&1 | "
        "tail -n 60; echo EXIT=$?", root, n_ddjvu)


def pdfs(tmp: Path) -> None:
    root = tmp / "pdf"
    s = root / "scans"
    s.mkdir(parents=True)
    docs = [delivery_note(23630, 16), utility_bill(23631, 12), lab_form(23632), delivery_note(23633, 22)]
    for i, t in enumerate(docs):
        render(t, s / f"p{i}.png", 80 + i, "--dpi 150", "--noise 0.002")
    run("img2pdf scans/p*.png -o pack.pdf && ocrmypdf -q -j 1 --output-type pdf pack.pdf pack.ocr.pdf", cwd=root,
        timeout=900)
    names = ["lab-results-biscuit.csv", "xray-report 0412.txt", "stock-take-2025-10.json", "insurance claim #88.txt"]
    names += [f"vaccination-cert-{k:03d}.txt" for k in range(7, 70, 9)]
    for i, name in enumerate(names):
        (root / name).write_text("\n".join(f"{k};{k * 17 % 89};{k * 3.5:.2f}" for k in range(30 + 12 * i)))
        src = "pack.ocr.pdf" if i == 0 else "attached.pdf"
        run(f"pdfattach {src} '{name}' next.pdf && mv next.pdf attached.pdf", cwd=root)
    whole = (root / "attached.pdf").read_bytes()
    (root / "attached-cut.pdf").write_bytes(whole[: int(len(whole) * 0.55)])
    cap("pdfdetach-list", "for f in attached.pdf attached-cut.pdf pack.ocr.pdf; do echo \"== $f\"; pdfdetach -list "
        "\"$f\" 2>&1 | head -n 40; done; echo EXIT=$?", root, n_pdfdetach)
    cap("pdftotext-bbox-pack", "pdftotext -bbox-layout pack.ocr.pdf -", root, n_pdftotext_bbox)
    cap("pdftotext-bbox-grep", "pdftotext -bbox-layout -f 2 pack.ocr.pdf - | grep -E '<page|<word' | head -n 150",
        root, n_pdftotext_bbox)


STEPS = [tesseract, ocrmypdf, unpaper_img2pdf, codes, djvu, pdfs]
