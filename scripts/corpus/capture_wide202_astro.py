"""Round 202, astronomy and meteorology data: a fen observatory's night of FITS frames (`skyfen`: bias, flats and
science frames, multi-extension mosaics, a source catalogue) checked with fitsverify, astropy's fitsheader, fitsinfo
and fitsdiff and WCSTools' gethead; its weather station's GRIB forecasts through ecCodes' grib_ls, grib_dump and
grib_compare; its netCDF station records through NCO's ncks. Every file is written here by seeded generators with
faults put in (a missing keyword, an illegal BITPIX, a keyword with a bad character, a truncated file or message, an
out-of-range value, a wrong unit). The extractors are this round's (NEEDLES.md, "Round 202"). Run through
capture_wide202.py."""

from __future__ import annotations

import re
from pathlib import Path

import capture_more as cm
from capture_data import categorical, num, rule4
from capture_more import run, write_tree
from capture_wide202 import VENV, cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 202")

ERR_WORDS = re.compile(r"\b(ERROR|Error|error|Traceback|Exception|FATAL|Fatal)\b|\w+Error:")


def _errors(lines):
    """Rule 1's error and traceback exception lines and WARNING lines grouped by shape."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(WARNING|Warning):", s) or "WARNING" in s.split(":")[0]:
            warns.append((cm.mask(s), ln))
        elif ERR_WORDS.search(s) and not s.startswith("**** Verification found"):
            out.append(ln)
    return out + cm.groups(warns)


def _numeric_cols(rows, head):
    out = []
    for c in head:
        vals = [r[c] for _, r in rows if str(r.get(c, "")).strip()]
        if vals and sum(num(v) is not None for v in vals) >= 0.9 * len(vals):
            out.append(c)
    return out


def _table(header: str, rows_lines: list[str], sep=None) -> list:
    head = header.split(sep) if sep else header.split()
    rows = []
    for ln in rows_lines:
        parts = ln.split(sep) if sep else ln.split(None, len(head) - 1)
        if len(parts) >= len(head) - 1:
            rows.append((ln, dict(zip(head, parts))))
    nums = _numeric_cols(rows, head)
    return rule4(rows, cat=categorical(rows, [c for c in head if c not in nums]), nums=nums, header=[header])


@cm.kind("fitsverify", "lint")
def n_fitsverify(lines):
    """Rule 1 on fitsverify: every *** Error: line, *** Warning: lines one {"any"} per (message shape, file), every File: line, every HDU N: heading whose block holds an error, the closing Verification found line(s); EXIT=N."""
    out, warns = [], []
    fname, hdu, hdu_has = "", None, False
    for ln in lines:
        s = ln.strip()
        if s.startswith("File:"):
            fname = s
            out.append(ln)
        elif re.match(r"^=+ HDU \d+:", s):
            hdu, hdu_has = ln, False
        elif s.startswith("*** Error:"):
            out.append(ln)
            if hdu and not hdu_has:
                out.append(hdu)
                hdu_has = True
        elif s.startswith("*** Warning:"):
            warns.append(((cm.mask(s), fname), ln))
        elif s.startswith("**** Verification found") or s.startswith("Verification found"):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


FITS_CARDS = ("XTENSION", "BITPIX", "NAXIS", "EXTNAME", "OBJECT", "DATE-OBS", "EXPTIME", "FILTER", "TELESCOP",
              "INSTRUME", "BUNIT")


@cm.kind("fitsheader", "doc")
def n_fitsheader(lines):
    """Rule 5 on astropy's fitsheader: every # HDU N in FILE: line and in each HDU (the first 15 and those holding a card the others lack) its XTENSION, BITPIX, NAXIS*, EXTNAME, OBJECT, DATE-OBS, EXPTIME, FILTER, TELESCOP, INSTRUME, BUNIT cards; a -t/-f table by rule 4; WARNING/ERROR and traceback lines (rule 1); EXIT=N."""
    hdus, cur = [], None
    for ln in lines:
        if re.match(r"^# HDU \S+ in ", ln):
            cur = (ln, [])
            hdus.append(cur)
        elif cur is not None:
            cur[1].append(ln)
    out = []
    if hdus:
        keysets = [{c[:8].strip() for c in body} for _, body in hdus]
        common = set.intersection(*keysets) if keysets else set()
        for i, (head, body) in enumerate(hdus):
            odd = bool(keysets[i] - common) and len(hdus) > 15
            out.append(head)
            if i < 15 or odd:
                out += [c for c in body if c[:8].strip() in FITS_CARDS or re.match(r"^NAXIS\d", c)]
    else:  # a table (-t / -f): header line, a rule line of dashes, the rows
        body = [ln for ln in lines if ln.strip() and not re.match(r"^[-\s]+$", ln) and not _errors([ln])]
        if body:
            out += _table(body[0], body[1:])
    return out + _errors(lines) + exit_lines(lines)


@cm.kind("astropy-fitsinfo", "listing")
def n_fitsinfo(lines):
    """Rule 4/5 on astropy's fitsinfo: every Filename: line, the No. Name header row, every HDU row (at most 40, else rule 4's rows), WARNING/ERROR lines; EXIT=N."""
    out, rows = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith("Filename:"):
            out.append(ln)
        elif s.startswith("No.") and "Name" in s:
            if not any(o.strip().startswith("No.") for o in out):
                out.append(ln)
        elif re.match(r"^\d+\s+\S+\s+\d+\s+\w+HDU\b", s):
            rows.append(ln)
    if len(rows) <= 40:
        out += rows
    else:
        names = ["No.", "Name", "Ver", "Type", "Cards", "Rest"]
        parsed = [(ln, dict(zip(names, ln.split(None, 5)))) for ln in rows]
        out += rule4(parsed, cat=["Type", "Name"], nums=["Cards"])
    return out + _errors(lines) + exit_lines(lines)


@cm.kind("fitsdiff", "test")
def n_fitsdiff(lines):
    """Rule 5 on astropy's fitsdiff: the fitsdiff: version line, every a:/b: file line, every difference line (HDU headings, Headers/Data contain differences, Keyword ... has different values with its a> and b> lines, Extra keyword, Found N different, Column ... differs), the closing No differences found. line, WARNING/ERROR lines; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("fitsdiff:") or re.match(r"^[ab]: \S", s) and i < 12:
            out.append(ln)
        elif re.match(r"^(Primary HDU|Extension HDU \d+.*):$", s) or s.startswith("Files contain different") \
                or "contain differences" in s or "contains differences" in s or s.startswith("Extra keyword") \
                or re.match(r"^Found \d+ different", s) or "No differences found" in s \
                or re.search(r"\bdiffer(s|ent)\b", s):
            out.append(ln)
            if "has different values" in s:
                for k in range(i + 1, min(len(lines), i + 6)):
                    if re.match(r"^\s*[ab]>", lines[k]):
                        out.append(lines[k])
    return out + _errors(lines) + exit_lines(lines)


@cm.kind("wcstools-gethead", "table")
def n_gethead(lines):
    """Rule 4 on a WCSTools gethead -h -t table (tab-separated, FILENAME first), every line naming a file it cannot read; EXIT=N."""
    body = [ln for ln in lines if "\t" in ln and not re.match(r"^[-\t]+$", ln)]
    out = _table(body[0], body[1:], sep="\t") if body else []
    out += [ln for ln in lines if re.search(r"cannot|not found|No such|unreadable|not a FITS", ln, re.I)]
    return out + exit_lines(lines)


GRIB_ERR = re.compile(r"ECCODES ERROR|^grib_\w+: |GRIB_API ERROR|Error|ERROR")


@cm.kind("grib-ls", "listing")
def n_grib_ls(lines):
    """Rule 4/5 on ecCodes' grib_ls: every FILE line, the header row, rule 4 on the message rows, the N of M messages in FILE and N of M total messages lines, every ECCODES ERROR / grib_ls: error line; EXIT=N."""
    out, blocks, header, cur = [], [], None, []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if re.search(r"\d+ of \d+ (total )?messages in", s):
            out.append(ln)
            if cur:
                blocks += cur
            cur = []
        elif GRIB_ERR.search(s):
            out.append(ln)
        elif s.endswith(".grib") or s.endswith(".grib2") or s.endswith(".grb") or s.startswith("/"):
            out.append(ln)
        elif header is None and re.match(r"^[a-zA-Z]", s) and len(s.split()) >= 3:
            header = ln
        elif header is not None and s.split() != header.split():
            cur.append(ln)
    blocks += cur
    if header:
        out += _table(header, blocks)
    return out + exit_lines(lines)


GRIB_KEYS = ("shortName", "dataDate", "level", "typeOfLevel", "stepRange", "Ni", "Nj", "numberOfValues", "maximum",
             "minimum", "average", "bitmapPresent")
GRIB_KEY_RE = re.compile(r"^\s*(?:\S+\s+)?(?:\d+(?:-\d+)?\s+)?(?P<k>\w+) = ")


@cm.kind("grib-dump", "doc")
def n_grib_dump(lines):
    """Rule 5 on grib_dump: every ***** FILE: line, every MESSAGE N ( length=... ) / GRIB { opening line (at most 15), in each of the first 15 messages its shortName, dataDate, level, typeOfLevel, stepRange, Ni, Nj, numberOfValues, maximum, minimum, average, bitmapPresent lines, every ECCODES ERROR line; EXIT=N."""
    out, msg = [], 0
    seen: set = set()
    for i, ln in enumerate(lines):
        s = ln.strip()
        kj = re.match(r'^"key" : "(\w+)"', s)  # -j: a key's line and its value's line below it
        if kj:
            if kj.group(1) == "discipline":
                msg += 1
                seen = set()
            if msg <= 15 and kj.group(1) in GRIB_KEYS and kj.group(1) not in seen:
                seen.add(kj.group(1))
                out.append(ln)
                v = cm.next_match(lines, i, r'"value" :', 2)
                if v:
                    out.append(v)
            continue
        if s.startswith("***** FILE:"):
            out.append(ln)
        elif re.search(r"MESSAGE \d+ \( length=", s) or re.match(r"^GRIB \{", s):
            msg += 1
            seen = set()
            if msg <= 15:
                out.append(ln)
        elif GRIB_ERR.search(s):
            out.append(ln)
        elif msg <= 15:
            m = GRIB_KEY_RE.match(ln)
            k = m.group("k") if m else None
            if m is None:
                m2 = re.match(r'^\s*"?(\w+)"?\s*:', ln)  # -j JSON keys
                k = m2.group(1) if m2 else None
            if k in GRIB_KEYS and k not in seen:
                seen.add(k)
                out.append(ln)
    return out + exit_lines(lines)


@cm.kind("grib-compare", "test")
def n_grib_compare(lines):
    """Rule 5 on grib_compare: every -- GRIB #N -- header line, every difference line under it ([key]: [a] != [b], N out of M different, max absolute/relative diff., different number of messages), every ECCODES ERROR line; EXIT=N."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^-- GRIB #\d+ --", s) or "!=" in s or re.search(r"\d+ out of \d+ different", s) \
                or re.search(r"max (absolute|relative) diff", s) or "different number of messages" in s \
                or GRIB_ERR.search(s) or "not found in" in s:
            out.append(ln)
    return out + exit_lines(lines)


NC_ATTRS = (":units", ":_FillValue", ":missing_value", ":scale_factor", ":add_offset", ":valid_range")


@cm.kind("ncks", "doc")
def n_ncks(lines):
    """Rule 5 on NCO's ncks: every dimensions: entry line, every variable declaration line (at most 40), the units/_FillValue/missing_value/scale_factor/add_offset/valid_range attribute lines, every ncks: ERROR/WARNING and HINT: line; EXIT=N."""
    out, sect, decls = [], "", []
    for ln in lines:
        s = ln.strip()
        if s in ("dimensions:", "variables:", "data:") or s.startswith("group:"):
            sect = s
            continue
        if re.match(r"^(ncks|ncap2|ncatted|ncrcat|nco\w*): (ERROR|WARNING|INFO)", s) or s.startswith("HINT:") \
                or "ERROR" in s:
            out.append(ln)
        elif sect == "dimensions:" and re.match(r"^\w+ = (\d+|UNLIMITED)", s):
            out.append(ln)
        elif sect == "variables:" and re.match(r"^(byte|char|short|int|int64|float|double|ubyte|ushort|uint|uint64|string) \w+", s):
            decls.append(ln)
        elif sect == "variables:" and any(a + " =" in s for a in NC_ATTRS):
            out.append(ln)
    return out + decls[:40] + exit_lines(lines)


# ------------------------------------------------------------------ skyfen's FITS night

GEN_FITS = r'''
import os, random, sys
import numpy as np
from astropy.io import fits

seed, out, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rnd = random.Random(seed)
rng = np.random.default_rng(seed)
os.makedirs(out, exist_ok=True)
targets = ["M31", "M33", "NGC7331", "M57", "NGC891", "IC1396", "M15", "SA110", "M45", "NGC6946"]
filters = ["B", "V", "R", "I", "Ha"]
for i in range(n):
    kind = "bias" if i % 9 == 0 else "flat" if i % 9 in (1, 2) else "sci"
    data = rng.normal(1000 if kind != "bias" else 300, 12, (48, 64)).astype(np.float32 if kind == "sci" else np.int16)
    ph = fits.PrimaryHDU(data if kind != "sci" else None)
    h = ph.header
    h["TELESCOP"] = "SKYFEN-0.6m"
    h["INSTRUME"] = "FENCAM2"
    h["IMAGETYP"] = {"bias": "BIAS", "flat": "FLAT", "sci": "LIGHT"}[kind]
    h["OBJECT"] = rnd.choice(targets) if kind == "sci" else kind.upper()
    h["DATE-OBS"] = "2026-11-%02dT%02d:%02d:%02d" % (20 + i // 40, 18 + (i // 6) % 6, rnd.randint(0, 59), rnd.randint(0, 59))
    h["EXPTIME"] = 0.0 if kind == "bias" else round(rnd.choice([1.5, 3.0, 30.0, 60.0, 120.0, 300.0]), 1)
    h["FILTER"] = rnd.choice(filters)
    h["AIRMASS"] = round(rnd.uniform(1.0, 2.4), 3)
    h["CCD-TEMP"] = round(rnd.uniform(-25.2, -24.8), 2)
    h["GAIN"] = 1.42
    h["OBSERVER"] = rnd.choice(["hale", "moss", "quill"])
    if i % 13 == 5:
        del h["EXPTIME"]  # fault: a frame saved without its exposure time
    if i % 17 == 7:
        h["CCD-TEMP"] = 18.4  # fault: the cooler off
    if i % 19 == 11:
        h["AIRMASS"] = -1.0  # fault: out of range
    hdus = [ph]
    if kind == "sci":
        for amp in range(1, 5):
            e = fits.ImageHDU(data, name="AMP%d" % amp)
            e.header["BUNIT"] = "adu" if not (i % 11 == 3 and amp == 2) else "electrons"
            e.header["GAIN"] = round(1.40 + amp * 0.01, 2)
            e.header["DATASEC"] = "[1:64,1:48]"
            hdus.append(e)
        if i % 4 == 0:
            nstar = rnd.randint(20, 60)
            cols = [fits.Column(name="ID", format="J", array=np.arange(nstar)),
                    fits.Column(name="RA", format="D", unit="deg", array=rng.uniform(10.0, 11.0, nstar)),
                    fits.Column(name="DEC", format="D", unit="deg", array=rng.uniform(41.0, 42.0, nstar)),
                    fits.Column(name="MAG", format="E", array=rng.uniform(11, 19, nstar)),
                    fits.Column(name="FLAGS", format="I", array=rng.integers(0, 4, nstar))]
            hdus.append(fits.BinTableHDU.from_columns(cols, name="CATALOG"))
    fits.HDUList(hdus).writeto(os.path.join(out, "fen_%04d_%s.fits" % (i + 1, kind)), overwrite=True)
'''

BREAK_FITS = r'''
import os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
names = sorted(f for f in os.listdir(src) if f.endswith("_sci.fits"))

def card(k, v):
    return ("%-8s= %20s" % (k, v)).ljust(80).encode()

def put(name, fn):
    b = bytearray(open(os.path.join(src, name), "rb").read())
    b = fn(b)
    open(os.path.join(out, name), "wb").write(bytes(b))

def replace_card(key, new):
    def f(b):
        k = key.ljust(8).encode()
        for p in range(0, 2880 * 4, 80):
            if bytes(b[p:p + 8]) == k:
                b[p:p + 80] = new
                break
        return b
    return f

put(names[0], lambda b: b[: len(b) - 4000])  # truncated in the data unit
put(names[1], replace_card("BITPIX", card("BITPIX", "17")))  # an illegal BITPIX
put(names[2], replace_card("OBSERVER", b"OBS ERVR= 'moss    '".ljust(80)))  # a space inside a keyword
put(names[3], replace_card("DATE-OBS", card("DATE-OBS", "'26/11/2026'")))  # an old-style date
put(names[4], replace_card("GAIN", card("GAIN", "1.42.0")))  # a value that is not a number
put(names[5], replace_card("FILTER", "FILTER  = 'V   ' / filter wheel \u00e9".encode("latin-1").ljust(80)))  # non-ASCII
put(names[6], lambda b: b[:2880 * 2 + 100])  # cut inside an extension header
put(names[7], replace_card("AIRMASS", card("AIRMASS", "NaN")))
'''


def fits_night(tmp: Path) -> None:
    py = VENV / "bin" / "python"
    root = tmp / "skyfen"
    write_tree(root, {"gen_fits.py": GEN_FITS, "break_fits.py": BREAK_FITS})
    run(f"{py} gen_fits.py 2021 night1 72 && {py} gen_fits.py 2022 night2 40 && {py} break_fits.py night1 bad",
        cwd=root, timeout=300)
    # a second reduction of a few frames, differing a little
    run(f"{py} gen_fits.py 2021 rerun 12 && {py} -c \"import glob;from astropy.io import fits\n"
        "for f in sorted(glob.glob('rerun/*_sci.fits'))[:3]:\n"
        "  with fits.open(f, mode='update') as h:\n"
        "    h[0].header['EXPTIME']=h[0].header.get('EXPTIME',0)+0.5; h[0].header['PIPEVER']='2.1'\n"
        "    h[1].data[5:9,10:20]+=7\"", cwd=root, timeout=300)

    cap("fitsverify-bad", "fitsverify bad/*.fits; echo EXIT=$?", root, n_fitsverify)
    cap("fitsverify-night-tail", "fitsverify night1/fen_00[0-3]*.fits 2>&1 | tail -n 120", root, n_fitsverify)
    cap("fitsverify-errors-only", "fitsverify -e night1/*.fits bad/*.fits", root, n_fitsverify)
    cap("fitsheader-mef", "fitsheader night1/fen_0004_sci.fits night1/fen_0006_sci.fits night1/fen_0014_sci.fits",
        root, n_fitsheader)
    cap("fitsheader-table", "fitsheader -e 0 -k OBJECT -k DATE-OBS -k EXPTIME -k FILTER -k AIRMASS -k CCD-TEMP "
        "-f night1/*.fits", root, n_fitsheader)
    cap("fitsheader-amp2", "fitsheader -e AMP2 night1/*_sci.fits | head -n 200", root, n_fitsheader)
    cap("fitsheader-bad", "fitsheader -e 0 bad/*.fits 2>&1 | head -n 150", root, n_fitsheader)
    cap("fitsinfo-night", "fitsinfo night2/*.fits", root, n_fitsinfo)
    cap("fitsinfo-bad", "fitsinfo bad/*.fits night1/fen_000*.fits 2>&1; echo EXIT=$?", root, n_fitsinfo)
    cap("fitsdiff-rerun", "fitsdiff -n 5 night1/fen_0004_sci.fits rerun/fen_0004_sci.fits; "
        "fitsdiff night1/fen_0005_sci.fits rerun/fen_0005_sci.fits; fitsdiff night1/fen_0010_flat.fits "
        "rerun/fen_0010_flat.fits; echo EXIT=$?", root, n_fitsdiff)
    cap("fitsdiff-dirs", "fitsdiff -k DATE-OBS -n 3 night1 rerun 2>&1 | head -n 200", root, n_fitsdiff)
    cap("gethead-night", "gethead -ht night1/*.fits OBJECT IMAGETYP FILTER EXPTIME AIRMASS CCD-TEMP OBSERVER", root,
        n_gethead)
    cap("gethead-mixed", "gethead -ht night2/*.fits night1/fen_00[2-5]*.fits bad/*.fits OBJECT DATE-OBS EXPTIME GAIN FILTER 2>&1; echo EXIT=$?",
        root, n_gethead)


# ------------------------------------------------------------------ skyfen's weather station: GRIB and netCDF

GEN_GRIB = r'''
import random, sys
import numpy as np
import eccodes as ec

seed, out, hours = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rnd = random.Random(seed)
rng = np.random.default_rng(seed)
sample = ec.codes_grib_new_from_samples("regular_ll_pl_grib2")
params = [("t", 130, 250.0), ("u", 131, 5.0), ("v", 132, -2.0), ("r", 157, 70.0), ("gh", 156, 5500.0)]
with open(out, "wb") as f:
    for step in range(0, hours + 1, 6):
        for level in (1000, 925, 850, 700, 500, 300):
            for short, pid, base in params:
                h = ec.codes_clone(sample)
                ec.codes_set(h, "dataDate", 20261201)
                ec.codes_set(h, "dataTime", 0)
                ec.codes_set(h, "paramId", pid)
                ec.codes_set(h, "level", level)
                ec.codes_set(h, "stepRange", str(step))
                ec.codes_set(h, "Ni", 36)
                ec.codes_set(h, "Nj", 19)
                ec.codes_set(h, "iDirectionIncrementInDegrees", 10.0)
                ec.codes_set(h, "jDirectionIncrementInDegrees", 10.0)
                ec.codes_set(h, "longitudeOfLastGridPointInDegrees", 350.0)
                ec.codes_set(h, "latitudeOfLastGridPointInDegrees", -90.0)
                vals = base + rng.normal(0, 3, 36 * 19) + (1000 - level) * (0.01 if short != "gh" else 9.0)
                if short == "t" and step == 18 and level == 850 and seed % 2:
                    vals[100:104] = 9999.0  # fault: spikes from a bad station merge
                if short == "r" and level == 300:
                    vals[:20] = 131.0  # fault: humidity out of range
                ec.codes_set(h, "bitsPerValue", 12 if not (short == "u" and level == 500) else 8)
                ec.codes_set_values(h, vals)
                f.write(ec.codes_get_message(h))
                ec.codes_release(h)
'''

GEN_NC = r'''
import sys, random
import numpy as np
from netCDF4 import Dataset

seed, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(seed)
rng = np.random.default_rng(seed)
d = Dataset(out, "w")
d.title = "skyfen weather mast, 10-minute records"
d.institution = "Skyfen observatory"
d.Conventions = "CF-1.8"
d.createDimension("time", None)
d.createDimension("station", 6)
d.createDimension("height", 4)
d.createDimension("name_strlen", 12)
t = d.createVariable("time", "f8", ("time",)); t.units = "minutes since 2026-11-01 00:00:00"; t.calendar = "standard"
st = d.createVariable("station_name", "S1", ("station", "name_strlen"))
h = d.createVariable("height", "f4", ("height",)); h.units = "m"; h[:] = [2, 10, 20, 40]
specs = [("air_temperature", "f4", "K", (-1e3, 1e3)), ("relative_humidity", "f4", "percent", None),
         ("wind_speed", "f4", "m s-1", None), ("wind_from_direction", "f4", "degree", None),
         ("air_pressure", "f4", "hPa", None), ("sky_brightness", "f4", "mag arcsec-2", None),
         ("cloud_cover", "i2", "1", None), ("rain_rate", "f4", "mm h-1", None), ("dew_point", "f4", "degC", None)]
for name, typ, units, rng_ in specs:
    dims = ("time", "station", "height") if name in ("air_temperature", "wind_speed") else ("time", "station")
    v = d.createVariable(name, typ, dims, fill_value=-999 if typ == "i2" else -9999.0)
    v.units = units if name != "dew_point" else "degC"
    v.long_name = name.replace("_", " ")
    if name == "relative_humidity":
        v.valid_range = np.array([0, 100], dtype="f4")
    if name == "cloud_cover":
        v.scale_factor = 0.125
    n = 6 * 24 * 3
    shape = (n,) + tuple(d.dimensions[x].size for x in dims[1:])
    base = {"air_temperature": 275.0, "relative_humidity": 85.0, "wind_speed": 4.0, "wind_from_direction": 220.0,
            "air_pressure": 1012.0, "sky_brightness": 20.8, "cloud_cover": 0.5, "rain_rate": 0.1, "dew_point": 1.5}[name]
    v[:] = base + rng.normal(0, 1, shape)
t[:] = np.arange(6 * 24 * 3) * 10
d.close()
'''


def weather(tmp: Path) -> None:
    py = VENV / "bin" / "python"
    root = tmp / "skyfen-wx"
    write_tree(root, {"gen_grib.py": GEN_GRIB, "gen_nc.py": GEN_NC})
    run(f"{py} gen_grib.py 7 fc_00z.grib2 24 && {py} gen_grib.py 8 fc_00z_rerun.grib2 24 && "
        f"{py} gen_grib.py 9 fc_12z.grib2 12 && {py} gen_nc.py 11 mast_nov.nc", cwd=root, timeout=400)
    run("head -c $(( $(stat -c %s fc_12z.grib2) - 3000 )) fc_12z.grib2 > fc_12z_cut.grib2", cwd=root)
    run("grib_copy -w shortName=t fc_00z.grib2 t_only.grib2", cwd=root)
    cap("grib-ls-fc", "grib_ls fc_00z.grib2 | head -n 100", root, n_grib_ls)
    cap("grib-ls-keys", "grib_ls -p shortName,level,stepRange,dataDate,bitsPerValue,maximum,minimum "
        "fc_00z.grib2 fc_12z.grib2", root, n_grib_ls)
    cap("grib-ls-cut", "grib_ls -w shortName=t/r fc_12z_cut.grib2 t_only.grib2; echo EXIT=$?", root, n_grib_ls)
    cap("grib-dump-O", "grib_dump -O -w shortName=t,level=850,stepRange=18 fc_00z_rerun.grib2 | head -n 300",
        root, n_grib_dump)
    cap("grib-dump-cut", "grib_dump -w level=300 fc_12z_cut.grib2 2>&1 | tail -n 250; echo EXIT=$?", root,
        n_grib_dump)
    cap("grib-dump-json", "grib_dump -j -w shortName=r,level=300,stepRange=0 fc_00z.grib2", root, n_grib_dump)
    cap("grib-compare-runs", "grib_compare -f -b centre fc_00z.grib2 fc_00z_rerun.grib2 2>&1 | head -n 200", root,
        n_grib_compare)
    cap("grib-compare-tol", "grib_compare -f -A 0.5 -c shortName,level,stepRange,values t_only.grib2 "
        "fc_00z_rerun.grib2; echo EXIT=$?", root, n_grib_compare)
    cap("ncks-m", "ncks -m mast_nov.nc", root, n_ncks)
    cap("ncks-cdl-slab", "ncks --cdl -v air_temperature,relative_humidity -d time,0,40 -d station,0,1 mast_nov.nc"
        " | head -n 160", root, n_ncks)
    cap("ncks-errors", "for a in '-v sky_temp' '-d time,500,900' '-d hight,0,2' '-v dew_point -d station,9'; do "
        "echo \"== ncks $a\"; ncks -H $a mast_nov.nc | head -n 30; done; ncks -m missing.nc; echo EXIT=$?", root,
        n_ncks)


STEPS = [fits_night, weather]
