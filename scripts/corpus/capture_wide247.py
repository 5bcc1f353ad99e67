#!/usr/bin/env python3
"""Capture round 247 of the compression corpus: third samples of round 226's diagram-as-code and plotting kinds
(gnuplot errors, fits and tables, Asymptote, MetaPost, matplotlib scripts, Vega-Lite, PlantUML, blockdiag's family,
Graph::Easy) and of round 229's OCR, barcode and document-imaging kinds (Tesseract text, TSV, hOCR and runs to files,
OCRmyPDF, unpaper, img2pdf, zbarimg, djvulibre, pdfdetach, pdftotext -bbox-layout), on material of this round's own:
`tidewater`, a small island ferry line (tide gauges, crossings, passenger and fuel data, its booking system's
sequences and classes, its vessels' states, its ports' networks), and `oakcrust`, a bakery cooperative's paper (flour
and dairy delivery notes, supplier invoices, hygiene inspection forms, crate and allergen labels, a DjVu archive of its
2025 invoices, PDFs with attachments). Command lines vary as agents type them (`| tail -n 80`, `| head -n 100`,
`| grep …`, `; echo EXIT=$?`).

No rule is new: the needles come from the extractors of rounds 226 and 229, imported from capture_wide226_plot.py,
capture_wide226_diag.py, capture_wide229_ocr.py and capture_wide229_doc.py (NEEDLES.md, "Round 247"). Nothing
captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide247.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide247.json  as {"version": 2, "items": [...]}, ids prefixed "wide247-".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide247-"
DEFAULT_OUT = HERE / "data" / "wide247.json"
TMP = Path(os.environ.get("HM_WIDE247_TMP", "/dev/shm/hm-corpus-wide247"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the bakery's paper (seeded)

MILLS = ["Wheatsheaf Flour Mills", "Brackenridge Organic Grain", "Saltmarsh Dairy Co-op", "Larkrise Yeast & Malt",
         "Hollowell Packaging", "Greystone Seeds Ltd"]
GOODS = ["Strong white flour 16kg", "Wholemeal flour 16kg", "Rye flour dark 25kg", "Spelt flour 10kg",
         "Butter unsalted 10kg", "Whole milk 20l", "Fresh yeast 1kg", "Malt extract 7kg", "Sesame seeds 5kg",
         "Sunflower seeds 5kg", "Paper bags 1000", "Cake boxes 250", "Sea salt 25kg", "Caster sugar 25kg",
         "Free range eggs 360", "Poppy seeds 2kg", "Greaseproof roll 450m"]


def flour_note(seed: int, rows: int) -> str:
    rnd = random.Random(seed)
    mill = rnd.choice(MILLS)
    out = [mill.upper(), f"{rnd.randrange(2, 60)} Granary Wharf, Totnes TQ9 {rnd.randrange(1, 9)}HD", "",
           f"DELIVERY NOTE No. WF-{rnd.randrange(100000, 999999)}",
           f"Delivery date: 2025-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}",
           f"Order ref: OC-{rnd.randrange(1000, 9999)}/{rnd.randrange(10, 99)}",
           f"Account: OAKCRUST-{rnd.randrange(100, 999)}", "", "Line  Product                       Qty    Price    Amount"]
    total = 0.0
    for k in range(rows):
        g, qty, unit = rnd.choice(GOODS), rnd.randrange(1, 30), rnd.randrange(120, 8800) / 100
        total += qty * unit
        out.append(f"{k + 1:>3}   {g:<28} {qty:>4} {unit:>8.2f} {qty * unit:>9.2f}")
    out += ["", f"Subtotal: {total:.2f} GBP", f"VAT 0% (food): 0.00 GBP", f"Total due: {total:.2f} GBP",
            f"Payment due: 30 days, IBAN GB{rnd.randrange(10, 99)} LOYD 3091 {rnd.randrange(1000, 9999)} 11",
            "Goods received in good order: ____________"]
    return "\n".join(out) + "\n"


def supplier_invoice(seed: int, rows: int) -> str:
    rnd = random.Random(seed)
    out = [rnd.choice(["DARTMOOR GAS & POWER", "RIVERSIDE WASTE SERVICES", "KINGSBRIDGE OVEN ENGINEERS"]),
           f"Invoice no. {rnd.randrange(10**6, 10**7)}", f"Invoice date 2025-{rnd.randrange(1, 13):02d}-"
           f"{rnd.randrange(1, 29):02d}", f"Customer account {rnd.randrange(10**5, 10**6)}",
           f"Site: Oakcrust Bakery Co-operative, Unit {rnd.randrange(1, 30)} Babbage Road, Totnes", ""]
    total = 0.0
    for m in range(rows):
        amt = rnd.randrange(2000, 90000) / 100
        total += amt
        out.append(f"{m + 1:02d}  {rnd.choice(['Gas supply', 'Oven service', 'Bin lift', 'Call-out', 'Electricity', 'Filter change']):<16}"
                   f" ref {rnd.randrange(1000, 9999)}  {amt:>9.2f}")
    out += ["", f"Subtotal: {total:.2f}", f"VAT 20%: {total * 0.2:.2f}", f"Amount due: {total * 1.2:.2f} GBP",
            f"Balance outstanding: {rnd.randrange(0, 900)}.{rnd.randrange(100):02d}"]
    return "\n".join(out) + "\n"


def hygiene_form(seed: int) -> str:
    rnd = random.Random(seed)
    checks = ["Hand wash basins stocked", "Fridge below 5C", "Freezer below -18C", "Allergen matrix current",
              "Pest control log signed", "Probe thermometer calibrated", "Flour store dry", "Cleaning schedule done",
              "Staff training records", "Traceability labels on tubs", "Oven hood filters clean"]
    return "\n".join([
        "FOOD HYGIENE SELF-INSPECTION", "", f"Inspector: {rnd.choice(['R. Tamsin', 'K. Adeyemi', 'L. Pascoe'])}",
        f"Inspection date: 2025-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}",
        f"Premises ref. FH-{rnd.randrange(10000, 99999)}", "",
        *[f"[{'x' if rnd.random() < .7 else ' '}] {c:<32} score {rnd.randrange(0, 6)}" for c in checks],
        "", f"Total score: {rnd.randrange(30, 55)} / 55", "Signed: ____________"]) + "\n"


def ensure_tools() -> None:
    """Rounds 226's and 229's tools (Debian), their venvs and npm tools under /dev/shm, reused."""
    import capture_wide226 as r226
    import capture_wide229 as r229
    r226.ensure_tools()
    r229.ensure_tools()


def steps() -> list:
    import capture_wide247_plot as plot  # round 226's kinds: the ferry line
    import capture_wide247_ocr as ocr  # round 229's kinds: the bakery's paper
    return plot.STEPS + ocr.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide247", sys.modules["__main__"])
    main()
