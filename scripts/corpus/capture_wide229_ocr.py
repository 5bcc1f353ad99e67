"""Round 229, OCR: Tesseract (text, TSV and hOCR on stdout, its messages when it writes files), OCRmyPDF's `-v1`
log, unpaper's `-v` log and img2pdf's errors, on the seeded `paperbox` pages (invoices, receipts, an expense form)
rendered clean, noisy, skewed, blurred or blotted, a page of pure noise, a language pack that is not installed, a PDF
that already has text, a truncated PNG. The extractors are this round's (NEEDLES.md, "Round 229"). Run through
capture_wide229.py."""

from __future__ import annotations

import re
from pathlib import Path

from capture_more import kind, run
from capture_wide229 import (FIELD_RE, cap, exit_lines, first_last, form, invoice, pick, problems, receipt,
                             render, render_noise)

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 229")

TESS_ERR = (r"[Ee]rror|Failed loading language|couldn't load any languages|Could not initialize tesseract|"
            r"Can't open|[Cc]annot|read_params_file|cannot be read")
TESS_WARN = (r"Warning:|Empty page!!|Invalid resolution|Too few characters|Image too small to scale|"
             r"Line cannot be recognized|OSD: Weak margin")


def tess_msgs(lines) -> list:
    """Tesseract's own messages: error and warning lines (shapes grouped), Estimating resolution, Detected diacritics."""
    out = problems(lines, TESS_ERR) + problems(lines, TESS_WARN)
    return out + pick(lines, r"^Estimating resolution as \d+|^Detected \d+ diacritics") + exit_lines(lines)


@kind("tesseract-run", "log")
def n_tess_run(lines):
    """Rule 1+5: Tesseract's error and warning lines (shapes grouped), Estimating resolution / Detected diacritics lines, the engine banner line."""
    return pick(lines, r"^Tesseract Open Source OCR Engine") + tess_msgs(lines)


@kind("tesseract-text", "doc")
def n_tess_text(lines):
    """Rule 1+5: the first non-blank line, every line holding a field word (invoice, date, total, tax, due, account, iban, ...), Tesseract's messages."""
    first = [ln for ln in lines if ln.strip()][:1]
    msgs = tess_msgs(lines)
    flat = {s for n in msgs for s in (n["any"] if isinstance(n, dict) else [n])}
    fields = [ln for ln in lines if FIELD_RE.search(ln) and ln not in flat]
    return first + fields + msgs


@kind("tesseract-tsv", "table")
def n_tess_tsv(lines):
    """Rule 4+5: the header row, every level-1 page row, the word rows of minimum and maximum conf, word rows with conf below 30 (one any when over 10); Tesseract's messages."""
    out = [ln for ln in lines if ln.startswith("level\tpage_num")]
    out += [ln for ln in lines if re.match(r"^1\t\d+\t", ln)]
    words = []
    for ln in lines:
        f = ln.split("\t")
        if len(f) >= 12 and f[0] == "5":
            try:
                words.append((float(f[10]), ln))
            except ValueError:
                pass
    if words:
        out += [min(words)[1], max(words)[1]]
        low = [ln for c, ln in words if 0 <= c < 30]
        out += low if len(low) <= 10 else [{"any": low}]
    return out + tess_msgs(lines)


@kind("tesseract-hocr", "doc")
def n_tess_hocr(lines):
    """Rule 5: the ocr-system meta line, every ocr_page line, the first and last ocrx_word lines and those of lowest and highest x_wconf; Tesseract's messages."""
    out = pick(lines, r"name=.ocr-system|class=.ocr_page")
    words = [ln for ln in lines if "ocrx_word" in ln and re.search(r"x_wconf \d+", ln)]
    out += first_last(words)
    if words:
        conf = [(int(re.search(r"x_wconf (\d+)", ln).group(1)), ln) for ln in words]
        out += [min(conf)[1], max(conf)[1]]
    return out + tess_msgs(lines)


@kind("ocrmypdf-log", "log")
def n_ocrmypdf(lines):
    """Rule 1+3: every error line and exception line, WARNING lines grouped by shape, lines naming a skipped or unreadable page, the closing ratio / PDF/A / size lines, EXIT lines."""
    out = problems(lines, r"ERROR|\berror\b|PriorOcrFoundError|page already has text|EncryptedPdfError|"
                          r"InputFileError|DigitalSignatureError|MissingDependencyError|UnsupportedImageFormatError|"
                          r"DpiError|^\S*(Error|Exception): ")
    out += problems(lines, r"WARNING|[Ww]arning|\blost\b")
    out += problems(lines, r"skipping|[Ee]mpty page|could not read|[Cc]ould not")
    out += pick(lines, r"Output file is a PDF/A|Optimize ratio|Image optimization ratio|Total file size ratio|"
                       r"The output file size is")
    return out + exit_lines(lines)


@kind("unpaper-log", "log")
def n_unpaper(lines):
    """Rule 1+5: every error line (shapes grouped), every input/output/Processing line, every rotation or deskew line, every filter count / border line."""
    out = problems(lines, r"[Ee]rror|unpaper:|[Cc]annot|[Ii]nvalid|[Ff]ailed|not supported")
    out += pick(lines, r"input-file|output-file|Processing")
    out += pick(lines, r"rotat|deskew")
    out += pick(lines, r"noise-filter|blackfilter|black-filter|blurfilter|blur-filter|grayfilter|gray-filter|deleted|"
                       r"border")
    return out + exit_lines(lines)


@kind("img2pdf-error", "build")
def n_img2pdf(lines):
    """Rule 1+3: every error line (error:, Refusing, cannot, invalid, unsupported, an exception line with its innermost File line), warnings grouped, EXIT lines."""
    out = problems(lines, r"error:|[Ee]rror|Refusing|[Cc]annot|[Ii]nvalid|[Uu]nsupported|\bnot\b|"
                          r"^\S*(Error|Exception): ", skip=r"^DEBUG:")
    for i, ln in enumerate(lines):
        if re.match(r"^\S*(Error|Exception)\b", ln):
            files = [lines[k] for k in range(max(0, i - 8), i) if lines[k].lstrip().startswith('File "')]
            out += files[-1:]
    out += problems(lines, r"WARNING|[Ww]arning")
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the steps


def _scans(root: Path) -> Path:
    """The office's scanned pages, rendered once per step dir: invoices, receipts, a form, a noise page."""
    s = root / "scans"
    s.mkdir(parents=True, exist_ok=True)
    render(invoice(2291, 62), s / "invoice-0117.png", 1, "--dpi 200", "--size 24", "--noise 0.004", "--skew 0.8")
    render(invoice(2292, 22), s / "invoice-0118.png", 2, "--dpi 200", "--noise 0.02", "--skew -1.6", "--blur 0.6")
    render(receipt(2293, 14), s / "receipt-cafe.png", 3, "--dpi 150", "--noise 0.03", "--skew 2.5", "--size 40",
           "--mono")
    render(form(2294), s / "claim-form.png", 4, "--dpi 200", "--blot 250,420,900,260", "--noise 0.01")
    render(invoice(2295, 12), s / "invoice-0119-faded.png", 5, "--dpi 100", "--blur 1.8", "--noise 0.06",
           "--skew 4")
    render_noise(s / "scan-blank-0003.png", 6)
    return s


def tess_text(tmp: Path) -> None:
    root = tmp / "tess"
    s = _scans(root)
    cap("tess-text-invoice", "tesseract scans/invoice-0117.png - --psm 4", root, n_tess_text)
    rc = root / "receipts"
    rc.mkdir()
    for i in range(7):
        render(receipt(22930 + i, 6 + 2 * i), rc / f"receipt-{i:02d}.png", 20 + i, "--dpi 150", "--size 40", "--mono",
               f"--noise {0.008 * (i % 4):.3f}", f"--skew {1.5 * ((i % 3) - 1):.1f}")
    cap("tess-text-receipt", "for f in scans/receipt-cafe.png receipts/*.png; do echo \"== $f\"; tesseract \"$f\" - "
        "--psm 6; done 2>&1 | head -n 100", root, n_tess_text)
    cap("tess-text-deu", "tesseract scans/claim-form.png - -l eng+deu", root, n_tess_text)
    cap("tess-text-faded", "tesseract scans/invoice-0119-faded.png - ; echo EXIT=$?; "
        "tesseract scans/invoice-0119-faded.png - --psm 6 --dpi 100 2>&1 | head -n 60", root, n_tess_text)
    # a batch of the whole folder, as an agent reads a folder of scans
    big = root / "inbox"
    big.mkdir()
    for i in range(9):
        render(invoice(22960 + i, 18 + 4 * i), big / f"inv-{i:02d}.png", 10 + i, "--dpi 150",
               f"--noise {0.003 * (i % 4):.3f}", f"--skew {(i % 5) - 2}")
    cap("tess-text-batch", "for f in inbox/*.png; do tesseract \"$f\" - --psm 4 2>&1; done", root, n_tess_text,
        timeout=900)
    _ = s


def tess_tsv(tmp: Path) -> None:
    root = tmp / "tsv"
    _scans(root)
    cap("tess-tsv-invoice", "tesseract scans/invoice-0117.png - tsv", root, n_tess_tsv)
    cap("tess-tsv-noisy-head", "tesseract scans/invoice-0118.png - --psm 6 tsv 2>&1 | head -n 100", root, n_tess_tsv)
    cap("tess-tsv-form", "tesseract scans/claim-form.png - tsv 2>&1 | awk -F'\\t' 'NR==1 || $11 < 60' | "
        "tail -n 80", root, n_tess_tsv)
    cap("tess-hocr-receipt", "tesseract scans/receipt-cafe.png - hocr", root, n_tess_hocr)
    cap("tess-hocr-invoice-head", "tesseract scans/invoice-0117.png - hocr | head -n 100", root, n_tess_hocr)
    cap("tess-hocr-faded", "tesseract scans/invoice-0119-faded.png - --psm 6 hocr 2>&1 | grep -E "
        "\"ocr_page|ocr_line|x_wconf [0-4]?[0-9]'|Warning|Error|Estimating\"", root, n_tess_hocr)


def tess_run(tmp: Path) -> None:
    root = tmp / "run"
    _scans(root)
    (root / "out").mkdir()
    cap("tess-run-folder", "for f in scans/*.png; do echo \"== $f\"; b=out/$(basename \"$f\" .png); "
        "tesseract \"$f\" $b --psm 3 txt tsv hocr; ls -l $b.*; head -c 300 $b.txt; echo; done", root, n_tess_run, timeout=900)
    cap("tess-run-langs", "tesseract --list-langs; for l in eng fra deu+eng; do tesseract scans/claim-form.png "
        "out/form-$l -l $l; echo EXIT=$?; done", root, n_tess_run)
    cap("tess-run-osd", "for f in scans/receipt-cafe.png scans/scan-blank-0003.png scans/invoice-0119-faded.png; do "
        "tesseract \"$f\" - --psm 0; tesseract \"$f\" out/x --psm 11 --dpi 0; done 2>&1", root, n_tess_run)


def _pdf(root: Path, name: str, pngs: list[str]) -> None:
    run(f"img2pdf {' '.join(pngs)} -o {name}", cwd=root)


def ocrmypdf(tmp: Path) -> None:
    root = tmp / "ocrmypdf"
    _scans(root)
    for i in range(4):
        render(invoice(22940 + i, 10 + 6 * i), root / "scans" / f"late-{i}.png", 40 + i, "--dpi 150",
               f"--noise {0.005 * i:.3f}", f"--skew {i - 1.5:.1f}")
    _pdf(root, "batch-07.pdf", ["scans/invoice-0117.png", "scans/invoice-0118.png", "scans/scan-blank-0003.png",
                                "scans/claim-form.png", "scans/late-0.png", "scans/late-1.png", "scans/late-2.png",
                                "scans/late-3.png"])
    _pdf(root, "receipts.pdf", ["scans/receipt-cafe.png", "scans/invoice-0119-faded.png"])
    o = "ocrmypdf -v1 -j 1 --output-type pdf"
    cap("ocrmypdf-batch", "ocrmypdf -v1 -j 1 batch-07.pdf batch-07.ocr.pdf", root, n_ocrmypdf, timeout=900)
    cap("ocrmypdf-prior", f"{o} batch-07.ocr.pdf again.pdf; echo EXIT=$?", root, n_ocrmypdf, timeout=900)
    cap("ocrmypdf-skip-text", "ocrmypdf -v1 -j 1 --skip-text --rotate-pages --deskew receipts.pdf receipts.ocr.pdf "
        "2>&1 | grep -iE 'error|warning|skip|page|ratio'", root, n_ocrmypdf, timeout=900)
    run("qpdf --encrypt user owner 256 -- receipts.pdf locked.pdf", cwd=root)
    cap("ocrmypdf-encrypted", f"{o} locked.pdf locked.ocr.pdf; echo EXIT=$?", root, n_ocrmypdf, timeout=600)
    (root / "damaged.pdf").write_bytes((root / "batch-07.pdf").read_bytes()[: 60_000])
    cap("ocrmypdf-damaged", f"{o} damaged.pdf damaged.ocr.pdf; echo EXIT=$?; {o} -l eng+fra receipts.pdf r.pdf; echo EXIT=$?", root, n_ocrmypdf,
        timeout=600)


def unpaper(tmp: Path) -> None:
    root = tmp / "unpaper"
    s = _scans(root)
    for i, f in enumerate(["invoice-0117", "invoice-0118", "claim-form", "scan-blank-0003"]):
        run(f"convert scans/{f}.png -colorspace gray sheet{i + 1:02d}.pgm", cwd=root)
    run("convert scans/receipt-cafe.png -threshold 55% receipt.pbm", cwd=root)
    cap("unpaper-sheets", "unpaper -v --overwrite sheet%02d.pgm clean%02d.pgm", root, n_unpaper)
    cap("unpaper-layout", "unpaper -v --overwrite --layout double --output-pages 2 sheet02.pgm left%d.pgm right%d.pgm "
        "2>&1 | tail -n 80; echo EXIT=$?", root, n_unpaper)
    cap("unpaper-bad", "unpaper -v --no-noisefilter --deskew-scan-range 20 receipt.pbm r.pbm; unpaper -v "
        "scans/missing.pgm x.pgm; unpaper -v --size a9 sheet03.pgm y.pgm; echo EXIT=$?", root, n_unpaper)
    _ = s


def img2pdf_errors(tmp: Path) -> None:
    root = tmp / "img2pdf"
    s = _scans(root)
    render(form(2297), s / "stamp-overlay.png", 7, "--dpi 100", "--alpha")
    (s / "upload-0042.png").write_bytes((s / "invoice-0117.png").read_bytes()[:30_000])
    (s / "notes.png").write_text("scan notes: page 3 was blank, re-scan invoice 0119\n")
    cap("img2pdf-verbose", "img2pdf -v scans/invoice-0118.png scans/stamp-overlay.png scans/upload-0042.png "
        "-o batch.pdf 2>&1 | tail -n 60; echo EXIT=$?", root, n_img2pdf)
    cap("img2pdf-each", "for f in scans/*.png; do echo \"== $f\"; img2pdf \"$f\" -o one.pdf || "
        "echo \"FAILED $f\"; done 2>&1", root, n_img2pdf)
    cap("img2pdf-notes", "img2pdf -v scans/claim-form.png scans/notes.png -o c.pdf 2>&1 | tail -n 40; "
        "echo EXIT=$?", root, n_img2pdf)


STEPS = [tess_text, tess_tsv, tess_run, ocrmypdf, unpaper, img2pdf_errors]
