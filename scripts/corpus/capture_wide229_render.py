#!/usr/bin/env python3
"""Round 229's page renderer, run by the round's image venv (Pillow, python-barcode), never imported by the capture.

  render.py page  TEXT_FILE OUT.png [--seed N] [--noise F] [--skew DEG] [--blur R] [--blot X,Y,W,H] [--dpi N]
                  [--size PT] [--alpha]
  render.py noise OUT.png [--seed N]                  a page of pure speckle (nothing to read)
  render.py barcode KIND DATA OUT.png [--cut F] [--smudge N] [--seed N]
                                                      an EAN-13 / Code 128 / ... image from python-barcode; --cut
                                                      keeps only the left fraction F, --smudge N paints N grey bars
"""

from __future__ import annotations

import argparse
import random
import sys

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


def speckle(img: Image.Image, rnd: random.Random, frac: float) -> None:
    px = img.load()
    w, h = img.size
    for _ in range(int(w * h * frac)):
        x, y = rnd.randrange(w), rnd.randrange(h)
        px[x, y] = 0 if rnd.random() < 0.6 else 255


def page(a) -> None:
    rnd = random.Random(a.seed)
    lines = open(a.text, encoding="utf-8").read().splitlines()
    scale = a.dpi / 300
    font = ImageFont.truetype(MONO if a.mono else FONT, int(a.size * scale))
    w, h = int(2480 * scale), int(3508 * scale)  # A4
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    y = int(180 * scale)
    step = int(a.size * 1.6 * scale)
    for ln in lines:
        d.text((int(200 * scale), y), ln, fill=0, font=font)
        y += step
        if y > h - 200 * scale:
            break
    if a.blot:
        x0, y0, bw, bh = (int(v) for v in a.blot.split(","))
        for _ in range(bw * bh // 6):
            d.point((x0 + rnd.randrange(bw), y0 + rnd.randrange(bh)), fill=rnd.choice([0, 60, 120]))
        d.rectangle((x0 + bw // 3, y0 + bh // 4, x0 + bw // 2, y0 + bh // 2), fill=30)
    if a.noise:
        speckle(img, rnd, a.noise)
    if a.skew:
        img = img.rotate(a.skew, resample=Image.BICUBIC, expand=True, fillcolor=255)
    if a.blur:
        img = img.filter(ImageFilter.GaussianBlur(a.blur))
    if a.alpha:
        img = img.convert("RGBA")
    if a.dpi_tag:
        img.save(a.out, dpi=(a.dpi, a.dpi))
    else:
        img.save(a.out)


def noise(a) -> None:
    rnd = random.Random(a.seed)
    img = Image.new("L", (1240, 1754), 255)
    speckle(img, rnd, 0.35)
    d = ImageDraw.Draw(img)
    for _ in range(400):
        x, y = rnd.randrange(1240), rnd.randrange(1754)
        d.line((x, y, x + rnd.randrange(-40, 40), y + rnd.randrange(-8, 8)), fill=0, width=rnd.randrange(1, 4))
    img.filter(ImageFilter.GaussianBlur(1.2)).save(a.out)


def code(a) -> None:
    import barcode
    from barcode.writer import ImageWriter

    rnd = random.Random(a.seed)
    bc = barcode.get(a.kind, a.data, writer=ImageWriter())
    img = bc.render({"module_height": 12.0, "quiet_zone": 6.5, "font_size": 10}).convert("L")
    w, h = img.size
    if a.cut:
        img = img.crop((0, 0, int(w * a.cut), h))
    if a.smudge:
        d = ImageDraw.Draw(img)
        for _ in range(a.smudge):
            x = rnd.randrange(w // 5, 4 * w // 5)
            d.rectangle((x, 0, x + rnd.randrange(4, 12), int(h * 0.7)), fill=rnd.choice([0, 90]))
    img.save(a.out)


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("page")
    p.add_argument("text")
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--noise", type=float, default=0.0)
    p.add_argument("--skew", type=float, default=0.0)
    p.add_argument("--blur", type=float, default=0.0)
    p.add_argument("--blot", default="")
    p.add_argument("--dpi", type=int, default=300)
    p.add_argument("--dpi-tag", action="store_true")
    p.add_argument("--size", type=int, default=34)
    p.add_argument("--mono", action="store_true")
    p.add_argument("--alpha", action="store_true")
    n = sub.add_parser("noise")
    n.add_argument("out")
    n.add_argument("--seed", type=int, default=1)
    b = sub.add_parser("barcode")
    b.add_argument("kind")
    b.add_argument("data")
    b.add_argument("out")
    b.add_argument("--cut", type=float, default=0.0)
    b.add_argument("--smudge", type=int, default=0)
    b.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    {"page": page, "noise": noise, "barcode": code}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
