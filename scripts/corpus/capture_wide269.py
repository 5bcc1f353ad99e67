#!/usr/bin/env python3
"""Capture round 269 of the compression corpus: archive and compression tools (xz, zstd, 7-Zip, lrzip, pigz, gzip,
bzip2, lzip, plzip, lz4, bsdtar, cabextract, gcab, zipinfo, unzip, zip, cpio) run on archives made here of a tree a
seeded generator writes (a survey station's data drop: a few hundred logs, CSVs, configs, scripts and binary blobs),
some with faults put in: a flipped byte, a cut-off end, a wrong password, a stored member whose CRC no longer matches,
a member whose name escapes the tree. Every kind is new to the corpus; its rule is NEEDLES.md's "Round 269", applied
by the extractors below. Several command lines are typed as agents type them (`| tail`, `| head`, `grep -iE`,
`; echo EXIT=$?`). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide269.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide269.json  as {"version": 2, "items": [...]}, ids prefixed "wide269-".
"""

from __future__ import annotations

import io
import os
import random
import re
import sys
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, rule4  # noqa: E402

ID_PREFIX = "wide269-"
DEFAULT_OUT = HERE / "data" / "wide269.json"
TMP = Path("/dev/shm/hm-corpus-wide269")
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 120) -> None:
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout)


def ensure_tools() -> None:
    for tool, pkg in (("xz", "xz-utils"), ("zstd", "zstd"), ("7z", "p7zip-full"), ("lrzip", "lrzip"),
                      ("pigz", "pigz"), ("bsdtar", "libarchive-tools"), ("cabextract", "cabextract"),
                      ("gcab", "gcab"), ("unzip", "unzip"), ("zip", "zip"), ("lzip", "lzip"), ("plzip", "plzip"),
                      ("lz4", "lz4"), ("cpio", "cpio"), ("bzip2", "bzip2")):
        cm.ensure_apt(tool, pkg)


# ------------------------------------------------------------------ the rules (NEEDLES.md, round 269)

ERR = re.compile(r"(?i)(\berrors?\b|corrupt|bad crc|unexpected end|truncat|damaged|\bfail(ed|ure)?\b|"
                 r"wrong password|incorrect password|can't|cannot|unexpectedly|\bbad\b|invalid|not in gzip format)")
WARN = re.compile(r"(?i)\bwarning\b")
VERDICT = re.compile(r"Everything is Ok|All done|At least one error|No errors detected|files? compressed|EXIT=|"
                     r"Error exit delayed|^Errors: \d|^Warnings: \d|\(totals\)|^\d+ blocks?$|Sub items Errors|"
                     r"^Files: \d|^Size: +\d|^Compressed: \d")


def base(lines: list[str]) -> list:
    """Rules 1 and 3 as round 269 reads them: error lines, warnings by shape, verdict and EXIT lines."""
    out: list = []
    warns = []
    for ln in lines:
        if not ln.strip():
            continue
        if WARN.search(ln) and not re.search(r"(?i)\berror", ln):
            warns.append((cm.mask(ln), ln))
        elif ERR.search(ln) and not re.search(r"No errors detected|Everything is Ok", ln):
            out.append(ln)
        if VERDICT.search(ln):
            out.append(ln)
    return out + cm.groups(warns)


def num(s: str) -> float | None:
    s = s.replace(",", "").rstrip("%")
    try:
        return float(s)
    except ValueError:
        return None


def grab(lines: list[str], pat: str) -> list[str]:
    return [ln for ln in lines if re.search(pat, ln)]


def extremes(rows: list[tuple[str, float]]) -> list:
    if not rows:
        return []
    lo = min(v for _, v in rows)
    hi = max(v for _, v in rows)
    return [any_of(ln for ln, v in rows if v == lo), any_of(ln for ln, v in rows if v == hi)]


@cm.kind("xz-list-vv", "listing")
def n_xz_list_vv(lines):
    """every file's name, Compressed/Uncompressed size, Ratio, Check, Memory needed lines; Totals; each Blocks table's header and its smallest and largest compressed block"""
    out = base(lines)
    out += grab(lines, r"^\S.*\(\d+/\d+\)$|^  (Compressed size|Uncompressed size|Ratio|Check|Memory needed):|^Totals:")
    i = 0
    while i < len(lines):
        if lines[i].strip() == "Blocks:" and i + 1 < len(lines) and "CompSize" in lines[i + 1]:
            head = lines[i + 1].split()
            col = head.index("CompSize")
            out.append(lines[i + 1])
            rows = []
            j = i + 2
            while j < len(lines) and re.match(r"^\s+\d", lines[j]):
                toks = lines[j].split()
                if col < len(toks) and num(toks[col]) is not None:
                    rows.append((lines[j], num(toks[col])))
                j += 1
            out += extremes(rows)
            i = j
        else:
            i += 1
    return out


@cm.kind("xz-test", "test")
def n_xz_test(lines):
    """every error line (each names its file); the EXIT line"""
    return base(lines)


@cm.kind("zstd-compress-v", "build")
def n_zstd_compress_v(lines):
    """the version banner; the per-file lines of the smallest and largest ratio; the N files compressed total; warnings and errors"""
    out = base(lines) + grab(lines, r"Zstandard CLI")
    rows = []
    for ln in lines:
        m = re.search(r":\s*([\d.]+)%\s+\(", ln)
        if m and "files compressed" not in ln:
            rows.append((ln, float(m.group(1))))
    return out + extremes(rows)


@cm.kind("zstd-list-v", "listing")
def n_zstd_list_v(lines):
    """every file's name line and its Decompressed Size, Ratio, Window Size and Check lines; errors"""
    out = base(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("# Zstandard Frames") and i > 0:
            out.append(lines[i - 1])
    return out + grab(lines, r"^(Decompressed Size|Ratio|Window Size|Check):")


@cm.kind("zstd-train", "build")
def n_zstd_train(lines):
    """the samples-loaded line, the chosen parameters / dictionary ID line, the Save dictionary line; warnings and errors"""
    return base(lines) + grab(lines, r"(?i)samples|k=\d|dictionary ID|Save dictionary")


@cm.kind("7z-list-slt", "listing")
def n_7z_list_slt(lines):
    """the archive block's Path, Type, Physical Size, Method, Solid, Blocks lines; Path of the smallest and largest member; members encrypted or of a rare Method; errors and counts"""
    out = base(lines)
    try:
        start = next(i for i, ln in enumerate(lines) if ln.startswith("--"))
        sep = next(i for i, ln in enumerate(lines) if ln.startswith("----------"))
    except StopIteration:
        return out
    for ln in lines[start + 1:sep]:
        if re.match(r"(Path|Type|Physical Size|Method|Solid|Blocks) = ", ln):
            out.append(ln)
    members, cur = [], {}
    for ln in lines[sep + 1:] + [""]:
        if not ln.strip():
            if cur.get("Path"):
                members.append(cur)
            cur = {}
            continue
        k, _, v = ln.partition(" = ")
        cur.setdefault(k, v)
        if k == "Path":
            cur["_line"] = ln
    files = [m for m in members if num(m.get("Size", "")) is not None and "D" not in m.get("Attributes", "")[:1]]
    rows = [(m["_line"], {"size": m["Size"], "method": m.get("Method", ""), "enc": m.get("Encrypted", "")})
            for m in files]
    out += rule4(rows, cat=["method", "enc"], nums=["size"])
    out += [m["_line"] for m in files if m.get("Encrypted") == "+"][:0]
    return out


@cm.kind("7z-add", "build")
def n_7z_add(lines):
    """the scan count line, the Creating/Updating archive line, Archive size, Everything is Ok, every error/WARNING line"""
    return base(lines) + grab(lines, r"\d+ (folders?|files?), \d+ bytes|^(Creating|Updating) archive:|^Archive size:|"
                                     r"WARNINGS|: errno=")


@cm.kind("lrzip-vv", "build")
def n_lrzip_vv(lines):
    """every file's name line, the Compression Ratio and Average Compression Speed lines; errors"""
    return base(lines) + grab(lines, r"(?i)^Output filename is|Compression Ratio|Average Compression Speed")


@cm.kind("lrzip-info", "listing")
def n_lrzip_info(lines):
    """the file name, method, Decompressed/Compressed file size, Compression Ratio and MD5 lines; errors"""
    return base(lines) + grab(lines, r"(?i)^\S+\.lrz:|Compression:|Decompressed file size|Compressed file size|"
                                     r"Compression Ratio|MD5")


def ratio_table(lines, comp_off: int | None) -> list:
    """Rule 4 on a table whose rows carry a `N%` ratio: the header, the rows of the smallest and largest ratio and
    (comp_off tokens left of the ratio) compressed size; the totals line."""
    out = base(lines)
    head = next((ln for ln in lines if re.search(r"(?i)compressed|ratio", ln) and "%" not in ln), None)
    if head:
        out.append(head)
    rat, comp = [], []
    for ln in lines:
        toks = ln.split()
        idx = next((k for k, t in enumerate(toks) if re.fullmatch(r"-?[\d.]+%", t)), None)
        if idx is None or "(totals)" in ln or "files compressed" in ln:
            continue
        rat.append((ln, num(toks[idx])))
        if comp_off is not None and idx - comp_off >= 0 and num(toks[idx - comp_off]) is not None:
            comp.append((ln, num(toks[idx - comp_off])))
    return out + extremes(rat) + extremes(comp)


@cm.kind("pigz-list", "listing")
def n_pigz_list(lines):
    """rule 4: the header, the rows of the smallest and largest compressed size and ratio; the totals line"""
    return ratio_table(lines, 2)


@cm.kind("gzip-list-v", "listing")
def n_gzip_list_v(lines):
    """rule 4: the header, the rows of the smallest and largest compressed size and ratio; the totals line"""
    return ratio_table(lines, 2)


@cm.kind("lzip-list-vv", "listing")
def n_lzip_list_vv(lines):
    """rule 4: the header, the rows of the smallest and largest compressed size and ratio; errors"""
    return ratio_table(lines, 1)


@cm.kind("lz4-list-v", "listing")
def n_lz4_list_v(lines):
    """rule 4: the header, the rows of the smallest and largest ratio; errors"""
    return ratio_table(lines, None)


@cm.kind("plzip-compress-v", "build")
def n_plzip_compress_v(lines):
    """the per-file lines of the smallest and largest saved ratio; errors"""
    rows = []
    for ln in lines:
        m = re.search(r"([\d.]+)% saved", ln)
        if m:
            rows.append((ln, float(m.group(1))))
    return base(lines) + extremes(rows)


def test_lines(lines):
    """error lines, each with the line naming its file when that sits within six before it"""
    out = base(lines)
    for i, ln in enumerate(lines):
        if ERR.search(ln) and not re.search(r"\S+\.(gz|bz2|lz|xz|zst|zip|cab)\b", ln):
            out.append(cm.prev_match(lines, i, r"^\s*\S+\.(gz|bz2|lz|xz|zst|zip|cab):?\s*$"))
    return out


@cm.kind("pigz-test", "test")
def n_pigz_test(lines):
    """every error line (each names a file) and the file's line within six before it; EXIT"""
    return test_lines(lines)


@cm.kind("bzip2-test-v", "test")
def n_bzip2_test_v(lines):
    """every error line (each names a file) and the file's line within six before it; EXIT"""
    return test_lines(lines)


@cm.kind("lzip-test-vv", "test")
def n_lzip_test_vv(lines):
    """every error line (each names a file) and the file's line within six before it; EXIT"""
    return test_lines(lines)


def ls_rows(lines):
    rows = []
    for ln in lines:
        toks = ln.split()
        if len(toks) >= 8 and re.fullmatch(r"[-dlbcps][rwxsStT-]{9}[.+]?", toks[0]) and toks[4].isdigit():
            rows.append((ln, {"type": toks[0][0], "owner": toks[2], "size": toks[4]}))
    return rows


@cm.kind("bsdtar-tvf", "listing")
def n_bsdtar_tvf(lines):
    """rule 4 on the listing (the smallest and largest size, rare type or owner rows); every bsdtar: error line"""
    return base(lines) + grab(lines, r"^bsdtar:") + rule4(ls_rows(lines), cat=["type", "owner"], nums=["size"])


@cm.kind("bsdtar-xvf-errors", "log")
def n_bsdtar_xvf_errors(lines):
    """every bsdtar: line and every member line carrying a fault message; Error exit delayed"""
    return base(lines) + grab(lines, r"^bsdtar:|^x \S.*: \S")


@cm.kind("cabextract-test", "test")
def n_cabextract_test(lines):
    """the Testing cabinet line, every member line not ending OK, the All done line"""
    out = base(lines) + grab(lines, r"^Testing cabinet:|^All done")
    for ln in lines:
        if ln.startswith("  ") and ln.strip() and not ln.rstrip().endswith("OK"):
            out.append(ln)
    return out


@cm.kind("gcab-list-v", "listing")
def n_gcab_list_v(lines):
    """rule 4 on the member rows: the smallest and largest size; errors"""
    rows = []
    for ln in lines:
        toks = ln.split()
        ints = [t for t in toks[1:] if t.isdigit()]
        if len(toks) >= 3 and ints:
            rows.append((ln, {"size": ints[0]}))
    return base(lines) + rule4(rows, nums=["size"])


@cm.kind("zipinfo-v", "listing")
def n_zipinfo_v(lines):
    """the end-of-central-directory summary lines; the name lines of the smallest and largest compressed member; members of a rare compression method or encrypted"""
    out = base(lines)
    first = next((i for i, ln in enumerate(lines) if ln.startswith("Central directory entry #")), len(lines))
    out += [ln for ln in lines[:first] if ln.strip() and not ln.startswith("Archive:")
            and re.search(r"\d|comment", ln) and not re.search(r"^-+$", ln.strip())]
    out += grab(lines, r"zipfile comment")
    rows = []
    i = first
    while i < len(lines):
        if lines[i].startswith("Central directory entry #"):
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith("---")):
                j += 1
            name = lines[j] if j < len(lines) else ""
            rec = {}
            k = j + 1
            while k < len(lines) and not lines[k].startswith("Central directory entry #"):
                m = re.match(r"\s+(compression method|compressed size|file security status):\s+(.*)", lines[k])
                if m:
                    rec[m.group(1)] = m.group(2).replace(" bytes", "")
                k += 1
            if name.strip():
                rows.append((name, {"method": rec.get("compression method"), "sec": rec.get("file security status"),
                                    "comp": rec.get("compressed size")}))
            i = k
        else:
            i += 1
    return out + rule4(rows, cat=["method", "sec"], nums=["comp"])


@cm.kind("unzip-t", "test")
def n_unzip_t(lines):
    """every member line not ending OK; the No errors detected / At least one error line"""
    out = base(lines)
    for ln in lines:
        if re.match(r"\s+testing: ", ln) and not ln.rstrip().endswith("OK"):
            out.append(ln)
    return out


@cm.kind("unzip-extract-warn", "log")
def n_unzip_extract_warn(lines):
    """every warning:/error:/skipped line and the closing line"""
    return base(lines) + grab(lines, r"(?i)warning:|error:|skipped") + [ln for ln in lines[-1:] if ln.strip()]


@cm.kind("zip-add", "build")
def n_zip_add(lines):
    """every zip warning/error line; rows of the smallest and largest deflated %, stored rows as a rare category; total bytes"""
    rows = []
    for ln in lines:
        m = re.search(r"\((deflated|stored) (\d+)%\)", ln)
        if m:
            rows.append((ln, {"method": m.group(1), "pct": m.group(2)}))
    return base(lines) + grab(lines, r"zip (warning|error)|total bytes") + rule4(rows, cat=["method"], nums=["pct"])


@cm.kind("cpio-itv", "listing")
def n_cpio_itv(lines):
    """rule 4 on the listing; the N blocks line; every cpio: error line"""
    return base(lines) + grab(lines, r"^cpio:|^\d+ blocks?$") + rule4(ls_rows(lines), cat=["type", "owner"],
                                                                      nums=["size"])


# ------------------------------------------------------------------ the tree and its archives

WORDS = ("theodolite benchmark traverse azimuth bearing elevation datum parcel boundary easting northing "
         "station control monument tripod prism baseline closure residual adjustment geoid").split()


def gen_tree(root: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    for k in range(n):
        d = rnd.choice(["logs", "csv", "conf", "scripts", "raw", "notes", "logs/2026", "csv/parcels"])
        kind = rnd.random()
        p = root / d
        p.mkdir(parents=True, exist_ok=True)
        if kind < 0.08:  # incompressible blobs
            (p / f"scan_{k:03d}.bin").write_bytes(rnd.randbytes(rnd.randint(200, 40_000)))
        elif kind < 0.4:
            rows = ["station,easting,northing,elev,residual"] + [
                f"S{rnd.randint(1, 90):03d},{rnd.uniform(4e5, 5e5):.3f},{rnd.uniform(6e6, 7e6):.3f},"
                f"{rnd.uniform(10, 900):.2f},{rnd.gauss(0, 0.01):.4f}" for _ in range(rnd.randint(3, 600))]
            (p / f"obs_{k:03d}.csv").write_text("\n".join(rows) + "\n")
        elif kind < 0.7:
            msg = [f"2026-11-{rnd.randint(1, 30):02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d} "
                   f"{rnd.choice(['INFO', 'INFO', 'INFO', 'WARN'])} {' '.join(rnd.choices(WORDS, k=rnd.randint(3, 9)))}"
                   for _ in range(rnd.randint(2, 400))]
            (p / f"run_{k:03d}.log").write_text("\n".join(msg) + "\n")
        elif kind < 0.85:
            (p / f"site_{k:03d}.conf").write_text("".join(f"{rnd.choice(WORDS)}_{i} = {rnd.randint(0, 999)}\n"
                                                          for i in range(rnd.randint(1, 60))))
        else:
            (p / f"reduce_{k:03d}.sh").write_text("#!/bin/sh\n" + "".join(
                f"echo {rnd.choice(WORDS)} $((${i} + {rnd.randint(1, 9)}))\n" for i in range(rnd.randint(1, 40))))


def flip(path: Path, at: float, seed: int = 1) -> None:
    b = bytearray(path.read_bytes())
    i = max(64, int(len(b) * at))
    b[i] ^= 0x5A
    path.write_bytes(bytes(b))


def cut(path: Path, frac: float) -> None:
    b = path.read_bytes()
    path.write_bytes(b[: int(len(b) * frac)])


def run(cmd: str, cwd: Path) -> str:
    return cm.run(cmd, cwd=cwd, timeout=300)


def setup(tmp: Path) -> Path:
    w = tmp / "drop"
    gen_tree(w / "tree", 320, 269)
    gen_tree(w / "small", 60, 2691)
    gen_tree(w / "samples", 400, 2692)
    return w


def s_xz(tmp: Path) -> None:
    w = setup(tmp)
    run("tar -cf tree.tar tree && tar -cf small.tar small && cp tree.tar t2.tar", w)
    run("nice xz -T1 -k --block-size=65536 tree.tar && nice xz -T1 -k -9 --block-size=40000 small.tar", w)
    run("mkdir -p xzlogs && for f in tree/*/*.log tree/*/*.conf; do nice xz -T1 -k -c $f > xzlogs/$(basename $f).xz; done", w)
    cap("xz-lvv-tar-pair", "xz -lvv tree.tar.xz small.tar.xz", w, n_xz_list_vv)
    cap("xz-lvv-logs-head-100", "xz -lvv xzlogs/*.xz | head -n 100", w, n_xz_list_vv)
    files = sorted((w / "xzlogs").glob("*.xz"))
    for k, f in enumerate(files):
        if k % 17 == 1:
            flip(f, 0.5)
        elif k % 17 == 9:
            cut(f, 0.6)
    cap("xz-tv-logs-echo-exit", "xz -tv xzlogs/*.xz; echo EXIT=$?", w, n_xz_test)
    cap("xz-tvv-tail-40", "xz -tvv xzlogs/*.xz 2>&1 | tail -n 40", w, n_xz_test)


def s_zstd(tmp: Path) -> None:
    w = tmp / "drop"
    run("cp -r tree ztree && cp -r small zsmall", w)
    cap("zstd-v-r-tree-tail-80", "zstd -v -r ztree 2>&1 | tail -n 80", w, n_zstd_compress_v)
    cap("zstd-v-small-files", "zstd -v -T1 -19 zsmall/*/*.csv zsmall/*/*.log", w, n_zstd_compress_v)
    cap("zstd-lv-ztree-logs", "zstd -lv ztree/logs/*.zst", w, n_zstd_list_v)
    cap("zstd-lv-head-100", "zstd -lv ztree/csv/*.zst 2>&1 | head -n 100", w, n_zstd_list_v)
    cap("zstd-train-samples", "zstd --train-cover=k=64,d=8 -v -r samples -o station.dict; echo EXIT=$?", w, n_zstd_train)
    cap("zstd-train-v-maxdict", "zstd --train -v --maxdict=16384 samples/logs/* -o logs.dict; echo EXIT=$?", w,
        n_zstd_train)


def s_7z(tmp: Path) -> None:
    w = tmp / "drop"
    cap("7z-a-tree", "7z a -mmt=1 tree.7z tree", w, n_7z_add)
    cap("7z-a-missing-warn", "7z a -mmt=1 -mx=9 mix.7z small calib_missing/ notes.txt; echo EXIT=$?", w, n_7z_add)
    run("7z a -mmt=1 -pSurvey2026 -mhe=off enc.7z small >/dev/null", w)
    cap("7z-l-slt-tree-head-160", "7z l -slt tree.7z | head -n 160", w, n_7z_list_slt)
    cap("7z-l-slt-tree", "7z l -slt tree.7z", w, n_7z_list_slt)
    cap("bsdtar-tvf-7z-head-100", "bsdtar -tvf tree.7z 2>&1 | head -n 100", w, n_bsdtar_tvf)
    cap("7z-l-slt-enc", "7z l -slt enc.7z", w, n_7z_list_slt)


def s_lrzip(tmp: Path) -> None:
    w = tmp / "drop"
    cap("lrzip-vv-tree-tar", "nice lrzip -vv -p 1 -f t2.tar", w, n_lrzip_vv)
    cap("lrzip-i-vv", "lrzip -i -vv t2.tar.lrz", w, n_lrzip_info)


def s_gz(tmp: Path) -> None:
    w = tmp / "drop"
    run("mkdir -p gz && for f in tree/*/*.*; do [ -f $f ] && pigz -p 1 -k -c $f > gz/$(basename $f).gz; "
        "done", w)
    cap("pigz-l-gz", "pigz -l gz/*.gz", w, n_pigz_list)
    cap("pigz-lv-raw-scan", "pigz -lv gz/scan_*.gz gz/obs_1*.gz", w, n_pigz_list)
    cap("gzip-lv-gz-head-100", "gzip -lv gz/*.gz | head -n 100", w, n_gzip_list_v)
    cap("gzip-lv-raw", "gzip -lv gz/*.bin.gz gz/obs_0[0-4]*.gz", w, n_gzip_list_v)
    files = sorted((w / "gz").glob("*.gz"))
    for k, f in enumerate(files[:20]):
        if k % 5 == 2:
            flip(f, 0.4)
        elif k % 5 == 4:
            cut(f, 0.7)
    cap("pigz-tv-echo-exit", "pigz -tv gz/*.gz; echo EXIT=$?", w, n_pigz_test)
    cap("pigz-t-grep", "pigz -t gz/*.gz 2>&1 | grep -iE 'error|warn|fail|corrupt|unexpected'", w, n_pigz_test)


def s_bz_lz(tmp: Path) -> None:
    w = tmp / "drop"
    run("mkdir -p bz lz l4 && for f in tree/*/*.log tree/*/*.csv; do bzip2 -k -c $f > bz/$(basename $f).bz2; "
        "lzip -k -c $f > lz/$(basename $f).lz; lz4 -q --content-size -c $f > l4/$(basename $f).lz4; done", w)
    for d, ext in (("bz", "bz2"), ("lz", "lz")):
        for k, f in enumerate(sorted((w / d).glob("*." + ext))):
            if k % 19 == 1:
                flip(f, 0.5)
            elif k % 19 == 11:
                cut(f, 0.5)
    cap("bzip2-tv-echo-exit", "bzip2 -tv bz/*.bz2; echo EXIT=$?", w, n_bzip2_test_v)
    cap("lzip-tvv-tail-60", "lzip -tvv lz/*.lz 2>&1 | tail -n 60", w, n_lzip_test_vv)
    cap("lzip-lvv", "lzip -lvv lz/*.lz", w, n_lzip_list_vv)
    cap("plzip-v-n1", "mkdir -p pcsv && cp tree/*/*.csv pcsv/ && plzip -v -n 1 pcsv/*.csv", w, n_plzip_compress_v)
    cap("lz4-list-v", "lz4 --list -v -m l4/run_*.lz4 | head -n 120", w, n_lz4_list_v)


def s_tar(tmp: Path) -> None:
    w = tmp / "drop"
    run("tar -czf tree.tar.gz tree && cd tree && zip -q -r ../tree_q.zip . && cd ..", w)
    cap("bsdtar-tvf-tgz", "bsdtar -tvf tree.tar.gz", w, n_bsdtar_tvf)
    cap("bsdtar-tvf-zip-tail-80", "bsdtar -tvf tree_q.zip | tail -n 80", w, n_bsdtar_tvf)
    bad = w / "cut.tar.gz"
    bad.write_bytes((w / "tree.tar.gz").read_bytes()[: int((w / "tree.tar.gz").stat().st_size * 0.55)])
    cap("bsdtar-xvf-truncated", "mkdir -p x1 && bsdtar -xvf cut.tar.gz -C x1 2>&1 | tail -n 40; echo EXIT=$?", w,
        n_bsdtar_xvf_errors)
    with tarfile.open(w / "evil.tar", "w") as t:
        for f in sorted((w / "small").rglob("*"))[:40]:
            t.add(f, arcname=str(f.relative_to(w)))
        for name in ("../../etc/cron.d/survey", "/tmp/abs_path_station.conf", "small/../../escape.sh"):
            data = b"echo owned\n"
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            t.addfile(ti, io.BytesIO(data))
        ti = tarfile.TarInfo("small/link_out")
        ti.type = tarfile.SYMTYPE
        ti.linkname = "../../../etc/passwd"
        t.addfile(ti)
    cap("bsdtar-xvf-escape", "mkdir -p x2 && bsdtar -xvf evil.tar -C x2; echo EXIT=$?", w, n_bsdtar_xvf_errors)


def s_cab(tmp: Path) -> None:
    w = tmp / "drop"
    run("cd small && gcab -c -z ../small.cab $(find . -type f | sort | head -n 200) && cd .. && "
        "cd tree && gcab -c -z ../tree.cab $(find logs conf -type f | sort) && cd ..", w)
    cap("gcab-lv-tree", "gcab -lv tree.cab", w, n_gcab_list_v)
    cap("cabextract-t-tree-tail-60", "cabextract -t tree.cab | tail -n 60", w, n_cabextract_test)
    run("cp small.cab bad.cab", w)
    flip(w / "bad.cab", 0.3)
    flip(w / "bad.cab", 0.7)
    cap("cabextract-t-bad", "cabextract -t bad.cab; echo EXIT=$?", w, n_cabextract_test)


def s_zip(tmp: Path) -> None:
    w = tmp / "drop"
    cap("zip-r-small", "zip -r small.zip small", w, n_zip_add)
    cap("zip-r9-tree-tail-60", "zip -r -9 tree9.zip tree | tail -n 60", w, n_zip_add)
    cap("zipinfo-v-small-head-120", "zipinfo -v small.zip | head -n 120", w, n_zipinfo_v)
    # a mixed archive: stored and deflated members, two encrypted
    run("zip -q -r mixed.zip small/conf && zip -q -0 mixed.zip small/raw/* && "
        "zip -q -P Survey2026 mixed.zip small/notes/* 2>/dev/null || true", w)
    cap("unzip-Z-v-mixed", "unzip -Z -v mixed.zip", w, n_zipinfo_v)
    # a stored member whose bytes no longer match its CRC
    zp = w / "crc.zip"
    with zipfile.ZipFile(zp, "w") as z:
        for f in sorted((w / "small").rglob("*")):
            if f.is_file():
                z.write(f, str(f.relative_to(w)), compress_type=zipfile.ZIP_STORED if f.suffix == ".csv"
                        else zipfile.ZIP_DEFLATED)
    b = bytearray(zp.read_bytes())
    with zipfile.ZipFile(zp) as z:
        stored = [i for i in z.infolist() if i.compress_type == zipfile.ZIP_STORED and i.file_size > 200][:3]
    for i in stored:
        off = i.header_offset + 30 + len(i.filename.encode()) + len(i.extra) + 50
        b[off] ^= 0x20
    zp.write_bytes(bytes(b))
    cap("unzip-t-crc", "unzip -t crc.zip; echo EXIT=$?", w, n_unzip_t)
    cap("unzip-t-wrong-pass", "unzip -t -P wrongpass mixed.zip", w, n_unzip_t)
    with zipfile.ZipFile(w / "evil.zip", "w") as z:
        for f in sorted((w / "small").rglob("*"))[:30]:
            if f.is_file():
                z.write(f, str(f.relative_to(w)))
        z.writestr("../../etc/profile.d/station.sh", "echo owned\n")
        z.writestr("/tmp/abs_station.conf", "x=1\n")
        z.writestr("small/../../../escape.txt", "x\n")
    cap("unzip-o-evil", "unzip -o evil.zip -d x3", w, n_unzip_extract_warn)


def s_cpio(tmp: Path) -> None:
    w = tmp / "drop"
    run("find tree -depth | cpio -o -H newc > tree.cpio 2>/dev/null && cp tree.cpio cut.cpio", w)
    cut(w / "cut.cpio", 0.5)
    cap("cpio-itv-head-120", "cpio -itv < tree.cpio 2>&1 | head -n 120", w, n_cpio_itv)
    cap("cpio-itv-truncated-tail-50", "cpio -itv < cut.cpio 2>&1 | tail -n 50", w, n_cpio_itv)


STEPS = [s_xz, s_zstd, s_7z, s_lrzip, s_gz, s_bz_lz, s_tar, s_cab, s_zip, s_cpio]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide269", sys.modules["__main__"])
    main()
