"""Round 256's seeded image generator, run by capture_wide256.py with a venv holding Pillow:
`python capture_wide256_gen.py ROOT SEED N`. Writes a photo library (`darkroom`) under ROOT: PNG (RGB, RGBA,
palette, grayscale, 16-bit), JPEG (baseline, progressive, with EXIF), TIFF, WebP and GIF files of various sizes,
then puts faults in on purpose: a flipped byte inside a PNG chunk (CRC mismatch), truncated files, a wrong
extension, an oversized dimension in an IHDR, EXIF with invalid values, trailing junk after IEND/EOI."""

from __future__ import annotations

import random
import struct
import sys
import zlib
from pathlib import Path

from PIL import Image, ImageDraw
from PIL.TiffImagePlugin import IFDRational as R

SUBJECTS = ["harbor", "ridge", "market", "glacier", "orchard", "station", "canyon", "lighthouse", "meadow", "bridge"]


def picture(rnd: random.Random, w: int, h: int, mode: str = "RGB") -> Image.Image:
    """Seeded shapes over a gradient: compressible like a real picture, not noise."""
    base = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    d = ImageDraw.Draw(base)
    for _ in range(rnd.randrange(6, 40)):
        x0, y0 = rnd.randrange(w), rnd.randrange(h)
        x1, y1 = x0 + rnd.randrange(4, max(5, w // 2)), y0 + rnd.randrange(4, max(5, h // 2))
        col = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        (d.ellipse if rnd.random() < 0.5 else d.rectangle)([x0, y0, x1, y1], fill=col)
    if rnd.random() < 0.3:  # a noisy band (harder to compress)
        y = rnd.randrange(h)
        for x in range(0, w, 2):
            for yy in range(y, min(h, y + 12)):
                base.putpixel((x, yy), (rnd.randrange(256),) * 3)
    if mode == "RGBA":
        im = base.convert("RGBA")
        im.putalpha(Image.linear_gradient("L").resize((w, h)).rotate(90))
        return im
    if mode == "P":
        return base.quantize(colors=rnd.choice([16, 64, 256]))
    if mode in ("L", "1", "CMYK"):
        return base.convert(mode)
    if mode == "I;16":
        return base.convert("L").point(lambda v: v * 200).convert("I;16") if False else base.convert("I").point(
            lambda v: v * 250).convert("I;16")
    return base


def exif_bytes(rnd: random.Random, i: int, bad: bool) -> bytes:
    ex = Image.Exif()
    ex[0x010F] = rnd.choice(["Canon", "NIKON CORPORATION", "FUJIFILM", "SONY", "OLYMPUS IMAGING CORP."])
    ex[0x0110] = rnd.choice(["EOS 5D Mark IV", "D750", "X-T3", "ILCE-7M3", "E-M5MarkII"])
    ex[0x0131] = "darkroom-export 2.4"
    ex[0x0132] = f"2023:{rnd.randrange(1, 13):02d}:{rnd.randrange(1, 29):02d} {rnd.randrange(24):02d}:" \
                 f"{rnd.randrange(60):02d}:{rnd.randrange(60):02d}"
    ex[0x013B] = rnd.choice(["M. Oduya", "P. Lindgren", "S. Arakawa"])
    ex[0x8298] = "(c) darkroom contributors"
    ex[0x0112] = rnd.choice([1, 1, 1, 3, 6, 8]) if not bad else 12  # orientation 12 is invalid
    ifd = ex.get_ifd(0x8769)
    ifd[0x829A] = R(1, rnd.choice([60, 125, 250, 500, 1000]))
    ifd[0x829D] = R(rnd.choice([18, 28, 40, 56, 80, 110]), 10) if not bad else R(0, 1)
    ifd[0x8827] = rnd.choice([100, 200, 400, 800, 3200]) if not bad else 0
    ifd[0x9003] = ex[0x0132] if not bad else "2023:13:45 25:61:99"
    ifd[0x920A] = R(rnd.choice([24, 35, 50, 85, 200]), 1)
    ifd[0xA002] = rnd.randrange(800, 6000)
    ifd[0xA003] = rnd.randrange(600, 4000)
    ifd[0x9286] = f"frame {i} of roll {rnd.randrange(1, 40)}"
    if rnd.random() < 0.5:
        gps = ex.get_ifd(0x8825)
        gps[1] = rnd.choice(["N", "S"]) if not bad else "Q"
        gps[2] = (R(rnd.randrange(0, 90), 1), R(rnd.randrange(60), 1), R(rnd.randrange(6000), 100))
        gps[3] = rnd.choice(["E", "W"])
        gps[4] = (R(rnd.randrange(0, 180), 1), R(rnd.randrange(60), 1), R(rnd.randrange(6000), 100))
    return ex.tobytes()


def png_chunks(data: bytes) -> list[tuple[int, bytes]]:
    """(offset, type) of every chunk of a PNG."""
    out, pos = [], 8
    while pos + 8 <= len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        out.append((pos, data[pos + 4:pos + 8]))
        pos += 12 + n
    return out


def main() -> None:
    root, seed, n = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rnd = random.Random(seed)
    written: list[Path] = []
    for i in range(n):
        album = root / rnd.choice(["2023-spring", "2023-summer", "2023-autumn", "scans", "web"])
        album.mkdir(parents=True, exist_ok=True)
        fmt = rnd.choice(["png", "png", "png", "jpg", "jpg", "jpg", "tif", "webp", "gif"])
        big = rnd.random() < 0.08
        w, h = (rnd.randrange(900, 1600), rnd.randrange(700, 1200)) if big else (rnd.randrange(24, 420),
                                                                                  rnd.randrange(24, 320))
        name = f"{rnd.choice(SUBJECTS)}_{i:03d}.{fmt}"
        p = album / name
        if fmt == "png":
            mode = rnd.choice(["RGB", "RGB", "RGBA", "P", "L", "I;16", "1"])
            im = picture(rnd, w, h, mode)
            kw = {"compress_level": rnd.choice([0, 1, 3, 6, 9])}
            if rnd.random() < 0.3:
                from PIL.PngImagePlugin import PngInfo
                meta = PngInfo()
                meta.add_text("Title", f"{p.stem} plate")
                meta.add_text("Software", "darkroom-export 2.4")
                if rnd.random() < 0.5:
                    meta.add_itxt("Description", "scan of negative, dust removed", lang="en")
                kw["pnginfo"] = meta
            if rnd.random() < 0.2:
                kw["dpi"] = (rnd.choice([72, 96, 300, 600]),) * 2
            im.save(p, "PNG", **kw)
        elif fmt == "jpg":
            im = picture(rnd, w, h, rnd.choice(["RGB", "RGB", "RGB", "L", "CMYK"]))
            kw = {"quality": rnd.choice([55, 75, 85, 92, 98, 100]), "progressive": rnd.random() < 0.3}
            if rnd.random() < 0.6 and im.mode != "CMYK":
                kw["exif"] = exif_bytes(rnd, i, bad=rnd.random() < 0.15)
            if rnd.random() < 0.2:
                kw["subsampling"] = 0
            im.save(p, "JPEG", **kw)
        elif fmt == "tif":
            im = picture(rnd, w, h, rnd.choice(["RGB", "L", "RGBA", "CMYK", "1"]))
            comp = rnd.choice(["raw", "tiff_lzw", "tiff_adobe_deflate", "packbits"])
            if im.mode == "1" and rnd.random() < 0.5:
                comp = "group4"
            im.save(p, "TIFF", compression=comp, dpi=(rnd.choice([150, 300, 1200]),) * 2,
                    description=f"darkroom scan {i}")
        elif fmt == "webp":
            im = picture(rnd, w, h, rnd.choice(["RGB", "RGBA"]))
            im.save(p, "WEBP", quality=rnd.choice([50, 80, 95]), lossless=rnd.random() < 0.3)
        else:
            frames = [picture(rnd, w, h, "P") for _ in range(rnd.randrange(1, 6))]
            frames[0].save(p, "GIF", save_all=True, append_images=frames[1:], duration=rnd.choice([40, 100, 250]),
                           loop=0)
        written.append(p)

    # the faults, put in on purpose (seeded choices among what was written)
    pngs = sorted(q for q in written if q.suffix == ".png")
    jpgs = sorted(q for q in written if q.suffix == ".jpg")
    others = sorted(q for q in written if q.suffix in (".tif", ".webp", ".gif"))
    for q in rnd.sample(pngs, max(1, len(pngs) // 12)):  # a flipped byte inside a chunk: CRC error
        b = bytearray(q.read_bytes())
        off, typ = rnd.choice([c for c in png_chunks(bytes(b)) if c[1] in (b"IDAT", b"tEXt", b"pHYs", b"IHDR")])
        b[off + 8 + 1] ^= 0x5A
        q.write_bytes(bytes(b))
    for q in rnd.sample(pngs, max(1, len(pngs) // 15)):  # truncated
        b = q.read_bytes()
        q.write_bytes(b[: max(60, len(b) * rnd.randrange(30, 80) // 100)])
    for q in rnd.sample(jpgs, max(1, len(jpgs) // 10)):  # truncated JPEG (no EOI)
        b = q.read_bytes()
        q.write_bytes(b[: max(200, len(b) * rnd.randrange(40, 85) // 100)])
    for q in rnd.sample(pngs, 1):  # an oversized dimension in IHDR (CRC recomputed so only the size is wrong)
        b = bytearray(q.read_bytes())
        b[16:20] = struct.pack(">I", 3_000_000)
        b[29:33] = struct.pack(">I", zlib.crc32(bytes(b[12:29])) & 0xFFFFFFFF)
        q.write_bytes(bytes(b))
    for q in rnd.sample(others + jpgs, 2):  # a wrong extension
        q.rename(q.with_suffix(".png"))
    for q in rnd.sample(pngs + jpgs, 2):  # trailing junk after the end
        if q.exists():
            q.write_bytes(q.read_bytes() + b"PK\x03\x04" + rnd.randbytes(300))
    (root / "scans").mkdir(parents=True, exist_ok=True)
    (root / "scans" / "empty_scan.jpg").write_bytes(b"")
    (root / "scans" / "notes.png").write_text("not an image: contact sheet notes\n")


if __name__ == "__main__":
    main()
