#!/usr/bin/env python3
"""Capture round 236 of the compression corpus: second samples of round 229's OCR, barcode and document-imaging
kinds and of round 233's e-book and publishing kinds, on material of this round's own. The pages are a small
veterinary practice's paper (`pawprint`): seeded delivery notes, utility bills and lab request forms rendered with
round 229's Pillow renderer and made to look scanned, QR codes and Code 128 / EAN-13 labels for its pharmacy
shelves, a DjVu archive of its 2025 bills, PDFs with attachments. The book is `Upland Streams`, a walker's guide built
by round 233's EPUB generator with other seeds, chapters, metadata and faults, its DocBook and LaTeX sources, a
Calibre library of its own, signed and damaged PDFs. Several command lines are typed as agents type them
(`| tail -n 80`, `| head -n 100`, `| grep …`, `; echo EXIT=$?`). Every item's needles come from the extractor round
229 or 233 used for its kind, imported from their capture modules (NEEDLES.md, "Round 236"). Nothing captured here
was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide236.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide236.json  as {"version": 2, "items": [...]}, ids prefixed "wide236-".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide236-"
DEFAULT_OUT = HERE / "data" / "wide236.json"
TMP = Path(os.environ.get("HM_WIDE236_TMP", "/dev/shm/hm-corpus-wide236"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the practice's paper (seeded)

SUPPLIERS = ["Dalesway Veterinary Wholesale", "Ridgeback Medical Supplies", "Fellside Pet Foods Ltd",
             "Copperbeech Laboratories", "Tarnside Surgical", "Moorgate Animal Health"]
PRODUCTS = ["Meloxicam oral susp 100ml", "Amoxicillin 250mg x100", "Surgical gloves 7.5 x50", "Suture 3-0 PGA x12",
            "Cat litter 20l", "Renal diet dry 4kg", "Syringe 5ml x100", "Bandage cohesive 7.5cm", "Flea spot-on x6",
            "Wormer tablets x24", "Microchip pack x10", "IV cannula 22G x50", "Chlorhexidine scrub 500ml",
            "Elizabethan collar M", "Sharps bin 7l", "Blood tube EDTA x100", "Dental chews x30"]


def delivery_note(seed: int, rows: int) -> str:
    rnd = random.Random(seed)
    sup = rnd.choice(SUPPLIERS)
    out = [sup.upper(), f"Unit {rnd.randrange(1, 40)}, Mill Lane Trading Estate, Kendal LA9 {rnd.randrange(1, 9)}QE", "",
           f"DELIVERY NOTE No. DN-{rnd.randrange(10000, 99999)}", f"Delivery date: 2025-{rnd.randrange(1, 13):02d}-"
           f"{rnd.randrange(1, 29):02d}", f"Order ref: PP-{rnd.randrange(1000, 9999)}",
           f"Account: PAWPRINT-VET-{rnd.randrange(10, 99)}", "", "Code      Description                     Qty   Price   Amount"]
    total = 0.0
    for _ in range(rows):
        p, qty, unit = rnd.choice(PRODUCTS), rnd.randrange(1, 12), rnd.randrange(90, 12000) / 100
        total += qty * unit
        out.append(f"{rnd.randrange(100000, 999999)}  {p:<30} {qty:>3} {unit:>7.2f} {qty * unit:>8.2f}")
    out += ["", f"Goods total: {total:.2f} GBP", f"VAT 20%: {total * 0.2:.2f} GBP",
            f"Amount due: {total * 1.2:.2f} GBP", "Received by: ____________  Checked: ____"]
    return "\n".join(out) + "\n"


def utility_bill(seed: int, months: int) -> str:
    rnd = random.Random(seed)
    out = [rnd.choice(["NORTHERN FELLS ENERGY", "LUNE VALLEY WATER", "CUMBRIA FIBRE BROADBAND"]),
           f"Bill date 2025-{rnd.randrange(1, 13):02d}-01", f"Account no. {rnd.randrange(10**7, 10**8)}",
           f"Supply address: Pawprint Veterinary Clinic, {rnd.randrange(1, 90)} Stricklandgate, Kendal", ""]
    bal = 0.0
    for m in range(months):
        use = rnd.randrange(300, 2400)
        cost = use * rnd.randrange(18, 34) / 100
        bal += cost
        out.append(f"Period {m + 1:02d}  {use:>6} kWh  @ tariff {rnd.choice('ABC')}  {cost:>9.2f}")
    out += ["", f"Standing charge: {months * 30 * 0.46:.2f}", f"Balance brought forward: {rnd.randrange(0, 300)}.00",
            f"Total due: {bal:.2f} GBP", f"Direct debit ref: DD{rnd.randrange(10**5, 10**6)}"]
    return "\n".join(out) + "\n"


def lab_form(seed: int) -> str:
    rnd = random.Random(seed)
    pet = rnd.choice(["Biscuit (canine)", "Marmalade (feline)", "Juniper (equine)", "Pepper (lagomorph)"])
    tests = ["Haematology", "Biochemistry panel", "T4", "Urinalysis", "Faecal parasitology", "Culture & sens.",
             "Cytology", "Histopathology", "SDMA", "Fructosamine"]
    return "\n".join([
        "LABORATORY REQUEST FORM", "", f"Patient: {pet}", f"Owner ref. OW-{rnd.randrange(1000, 9999)}",
        f"Sample date: 2025-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}", f"Clinician: {rnd.choice(['MRCVS A. Pike', 'MRCVS J. Oduya'])}",
        "", *[f"[{'x' if rnd.random() < .5 else ' '}] {t:<24} code {rnd.randrange(100, 999)}" for t in tests],
        "", f"Amount on account: {rnd.randrange(40, 400)}.{rnd.randrange(100):02d} GBP", "Signature: ____________"]) + "\n"


def ensure_tools() -> None:
    """Rounds 229's and 233's tools (Debian) and their venvs under /dev/shm, reused."""
    import capture_wide229 as r229
    import capture_wide233 as r233
    r229.ensure_tools()
    r233.ensure_tools()


def steps() -> list:
    import capture_wide236_ocr as ocr  # round 229's kinds
    import capture_wide236_pub as pub  # round 233's kinds
    return ocr.STEPS + pub.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide236", sys.modules["__main__"])
    main()
