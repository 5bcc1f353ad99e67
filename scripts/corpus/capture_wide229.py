#!/usr/bin/env python3
"""Capture round 229 of the compression corpus: OCR, barcode and document-imaging tools, in shapes new to the
corpus. Real runs of Debian's Tesseract (text, TSV and hOCR on stdout, its messages when writing to files), OCRmyPDF
(`-v1` logs), unpaper (`-v`), img2pdf (its errors), zbar's `zbarimg` (plain and `--xml`), djvulibre (`djvudump`,
`djvused`, `djvm -l`, `ddjvu`) and poppler's `pdfdetach -list` and `pdftotext -bbox-layout`, on the pages of a small
bookkeeping office (`paperbox`): seeded invoices, receipts and forms rendered with Pillow and made to look scanned
(noise, skew, blur), QR codes from qrencode and EAN-13 / Code 128 labels from python-barcode, with faults put in (an
unreadable region, a page of pure noise, a language pack that is not installed, cut-off and smudged codes, a
truncated DjVu file, a PDF that already has text, an image with an alpha channel, a truncated PNG). Several command
lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`). The
needles come from the rules NEEDLES.md's "Round 229" section fixed before capture, applied by the extractors in
capture_wide229_ocr.py and capture_wide229_doc.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide229.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide229.json  as {"version": 2, "items": [...]}, ids prefixed "wide229-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide229-"
DEFAULT_OUT = HERE / "data" / "wide229.json"
TMP = Path(os.environ.get("HM_WIDE229_TMP", "/dev/shm/hm-corpus-wide229"))
IMG_VENV = Path(os.environ.get("HM_WIDE229_VENV", "/dev/shm/hm-wide229-venv"))  # Pillow + python-barcode
RENDER = HERE / "capture_wide229_render.py"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def pick(lines, pat: str, flags: int = 0) -> list[str]:
    rx = re.compile(pat, flags)
    return [ln for ln in lines if rx.search(ln)]


def problems(lines, pat: str, skip: str | None = None, flags: int = 0) -> list:
    """Rule 1 as the round reads it: every line matching `pat` (not `skip`); a message shape repeated on more than 3
    lines becomes one {"any"} of its lines."""
    rx, sk = re.compile(pat, flags), re.compile(skip) if skip else None
    shapes: dict[str, list[str]] = {}
    for ln in lines:
        if ln.strip() and rx.search(ln) and not (sk and sk.search(ln)):
            shapes.setdefault(cm.mask(ln.strip()), []).append(ln)
    out: list = []
    for group in shapes.values():
        out += [cm.any_of(group)] if len(group) > 3 else group
    return out


def first_last(rows: list[str]) -> list[str]:
    return rows[:1] + rows[-1:] if rows else []


# the field words a question about an invoice, receipt or form asks for (NEEDLES.md, "Round 229": tesseract text)
FIELD_RE = re.compile(r"invoice|receipt|order|date|total|subtotal|tax|vat|due|amount|balance|account|iban|ref|no\.",
                      re.I)

# ------------------------------------------------------------------ the office's paper (seeded)

VENDORS = ["Harbour Stationers Ltd", "Northwind Office Supply", "Kestrel Print & Copy", "Blue Heron Catering",
           "Marlow Cleaning Services", "Fenwick Hardware Co", "Orchard Lane Couriers"]
ITEMS = ["A4 copier paper, 500 sheets", "Toner cartridge TN-2420", "Ring binder, 2-ring", "Staples 26/6 box",
         "Envelopes C5 window", "Sticky notes 76x76", "Whiteboard markers x4", "Archive box, brown",
         "Label roll 62mm", "Desk lamp LED", "HDMI cable 2m", "Coffee beans 1kg", "Paper towels x12",
         "Printer service visit", "Courier, same day", "Laminating pouches A4", "Hole punch, heavy duty"]


def invoice(seed: int, rows: int, number: str | None = None) -> str:
    rnd = random.Random(seed)
    vendor = rnd.choice(VENDORS)
    no = number or f"INV-{rnd.randrange(2023, 2026)}-{rnd.randrange(1, 9999):04d}"
    day = f"2024-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}"
    out = [vendor, f"{rnd.randrange(1, 200)} Quay Street, Bristol BS1 {rnd.randrange(1, 9)}AB", "",
           f"INVOICE No. {no}", f"Invoice date: {day}", f"Order ref: PO-{rnd.randrange(10000, 99999)}",
           f"Account: PAPERBOX-{rnd.randrange(100, 999)}", "", "Item                              Qty    Unit    Amount"]
    total = 0.0
    for _ in range(rows):
        item, qty, unit = rnd.choice(ITEMS), rnd.randrange(1, 25), rnd.randrange(150, 9000) / 100
        total += qty * unit
        out.append(f"{item:<32} {qty:>4} {unit:>8.2f} {qty * unit:>9.2f}")
    vat = round(total * 0.2, 2)
    out += ["", f"Subtotal: {total:.2f} GBP", f"VAT 20%: {vat:.2f} GBP", f"Total due: {total + vat:.2f} GBP",
            f"Payment due by: 2024-{rnd.randrange(1, 13):02d}-28", f"IBAN: GB{rnd.randrange(10, 99)} NWBK 6016 "
            f"{rnd.randrange(1000, 9999)} {rnd.randrange(1000, 9999)} 26", "Thank you for your business."]
    return "\n".join(out) + "\n"


def receipt(seed: int, rows: int) -> str:
    rnd = random.Random(seed)
    out = [rnd.choice(["CORNER CAFE", "QUAYSIDE DELI", "CITY TAXI CO"]), f"Receipt #{rnd.randrange(1000, 99999)}",
           f"Date 2024-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d} {rnd.randrange(7, 22):02d}:"
           f"{rnd.randrange(60):02d}", ""]
    total = 0.0
    for _ in range(rows):
        price = rnd.randrange(120, 1800) / 100
        total += price
        out.append(f"{rnd.choice(['Flat white', 'Sandwich', 'Soup', 'Muffin', 'Taxi fare', 'Water'])[:12]:<14}"
                   f"{price:>7.2f}")
    out += ["", f"TOTAL {total:>16.2f}", f"VAT incl {total / 6:>11.2f}", "CARD ****" + str(rnd.randrange(1000, 9999))]
    return "\n".join(out) + "\n"


def form(seed: int) -> str:
    rnd = random.Random(seed)
    name = rnd.choice(["Alice Mercer", "Tomasz Nowak", "Priya Raman", "Owen Doyle"])
    return "\n".join([
        "EXPENSE CLAIM FORM", "", f"Employee: {name}", f"Employee no. E{rnd.randrange(1000, 9999)}",
        f"Department: {rnd.choice(['Accounts', 'Sales', 'Ops'])}", f"Claim date: 2024-{rnd.randrange(1, 13):02d}-15",
        "", *[f"{i + 1}. {rnd.choice(ITEMS)[:24]:<26} {rnd.randrange(5, 400)}.{rnd.randrange(100):02d}"
              for i in range(rnd.randrange(8, 14))],
        "", f"Total amount claimed: {rnd.randrange(200, 2000)}.{rnd.randrange(100):02d} GBP",
        "Approved by: ____________   Signature: ____________"]) + "\n"


def render(text: str, out: Path, seed: int, *flags: str) -> Path:
    """A page image of `text` (Pillow, in the round's image venv); flags as capture_wide229_render.py takes them."""
    src = out.with_suffix(".txt")
    src.write_text(text)
    cm.run(f"{IMG_VENV}/bin/python {RENDER} page {src} {out} --seed {seed} " + " ".join(flags), timeout=120)
    src.unlink()
    assert out.exists(), out
    return out


def render_noise(out: Path, seed: int) -> Path:
    cm.run(f"{IMG_VENV}/bin/python {RENDER} noise {out} --seed {seed}", timeout=120)
    return out


def render_code(kind_: str, data: str, out: Path, *flags: str) -> Path:
    cm.run(f"{IMG_VENV}/bin/python {RENDER} barcode {kind_} {data} {out} " + " ".join(flags), timeout=120)
    return out


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once, and the image venv (PyPI)."""
    for tool, pkg in [("tesseract", "tesseract-ocr tesseract-ocr-eng"), ("ocrmypdf", "ocrmypdf"),
                      ("unpaper", "unpaper"), ("img2pdf", "img2pdf"), ("zbarimg", "zbar-tools"),
                      ("qrencode", "qrencode"), ("djvudump", "djvulibre-bin"), ("pdfdetach", "poppler-utils"),
                      ("qpdf", "qpdf")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(IMG_VENV, "python-barcode", ["pillow", "python-barcode"])


def steps() -> list:
    import capture_wide229_doc as doc  # zbar, djvulibre, poppler
    import capture_wide229_ocr as ocr  # tesseract, ocrmypdf, unpaper, img2pdf
    return ocr.STEPS + doc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide229", sys.modules["__main__"])
    main()
