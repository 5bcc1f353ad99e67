#!/usr/bin/env python3
"""Capture round 431 of the compression corpus: bus, firmware-image and disk-image tooling from Debian 12 (can-utils'
log2asc and log2long, srecord's srec_cmp and srec_cat hex dumps, gdisk's sgdisk -v / -p, edid-decode, acpica-tools'
iasl and the DSL its disassembler writes, u-boot-tools' mkimage -l, flashrom on its dummy programmer, gputils' gpdasm,
util-linux's blkid -p and wipefs) run offline on a lighthouse tender's files written here (buoys, chains, lanterns;
seeds 43110+) with faults put in. Every kind is new to the corpus; the extractors below apply NEEDLES.md's "Round 431"
rules, fixed before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide431.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide431.json  as {"version": 2, "items": [...]}, ids prefixed "wide431-".
"""

from __future__ import annotations

import os
import random
import re
import struct
import sys
import zlib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind  # noqa: E402
from capture_wide224 import exit_lines, pick, shaped  # noqa: E402
from capture_wide350 import diag  # noqa: E402

ID_PREFIX = "wide431-"
DEFAULT_OUT = HERE / "data" / "wide431.json"
TMP = Path(os.environ.get("HM_WIDE431_TMP", "/dev/shm/hm-corpus-wide431"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 431")


def rare(rows: list[str], keys: list) -> list[str]:
    """Rule 4: rows whose key occurs in at most 2 rows while the commonest key covers half the rows."""
    if not rows:
        return []
    c = Counter(keys)
    if c.most_common(1)[0][1] * 2 < len(rows):
        return []
    return [r for r, k in zip(rows, keys) if c[k] <= 2]


def extremes(rows: list[str], vals: list) -> list[str]:
    """Rule 4: the first row holding the smallest and the largest value."""
    pairs = [(v, r) for r, v in zip(rows, vals) if v is not None]
    if not pairs:
        return []
    lo = min(v for v, _ in pairs)
    hi = max(v for v, _ in pairs)
    return [next(r for v, r in pairs if v == lo), next(r for v, r in pairs if v == hi)]


ASC_ROW = re.compile(r"^\s*\d+\.\d{6}\s+\d+\s+")


@kind("can-log2asc", "log")
def n_log2asc(lines):
    """Rule 1+4+5: DIAG, header lines, first/last frame rows, ErrorFrame rows (shaped), rare IDs, DLC extremes, rare remote rows."""
    out = diag(lines) + pick(lines, r"^\s*(date |base |internal events|no internal events|Begin Triggerblock|"
                                    r"End TriggerBlock)")
    rows = [ln for ln in lines if ASC_ROW.match(ln)]
    if rows:
        out += [rows[0], rows[-1]]
    out += shaped([r for r in rows if "ErrorFrame" in r])
    ids = [r.split()[2] if len(r.split()) > 2 else "" for r in rows]
    out += rare(rows, ids)
    dlcs = []
    for r in rows:
        m = re.search(r"\s[dr]\s+(\d+)\b", r)
        dlcs.append(int(m.group(1)) if m else None)
    out += extremes(rows, dlcs)
    remote = [r for r in rows if re.search(r"\s(Rx|Tx)\s+r\b", r)]
    if len(remote) <= 2:
        out += remote
    return out


LONG_ROW = re.compile(r"^\s*\(\d+\.\d+\)\s+\S+\s+\S+")


@kind("can-log2long", "log")
def n_log2long(lines):
    """Rule 1+4+5: DIAG, first/last rows, ERRORFRAME rows and their detail lines (shaped), remote requests, rare IDs, DLC extremes."""
    out = diag(lines)
    rows = [ln for ln in lines if LONG_ROW.match(ln)]
    if rows:
        out += [rows[0], rows[-1]]
    out += shaped([r for r in rows if "ERRORFRAME" in r])
    details = []
    for i, ln in enumerate(lines):
        if LONG_ROW.match(ln) and "ERRORFRAME" in ln:
            for nx in lines[i + 1:]:
                if LONG_ROW.match(nx) or not nx.strip():
                    break
                details.append((cm.mask(nx), nx))
    out += cm.groups(details)
    out += pick(lines, r"remote request")
    ids = [r.split()[2] for r in rows]
    out += rare(rows, ids)
    dlcs = []
    for r in rows:
        m = re.search(r"\[(\d+)\]", r)
        dlcs.append(int(m.group(1)) if m else None)
    out += extremes(rows, dlcs)
    return out


@kind("srec-cmp", "build")
def n_srec_cmp(lines):
    """Rule 1+3+5: DIAG, every Different/only/same/differ line and the range lines under such a header, srec_cmp: lines, EXIT=."""
    out = diag(lines) + pick(lines, r"Different|different|Left only|Right only|only|same|differ")
    for i, ln in enumerate(lines):
        if re.search(r"Different|different|only", ln):
            for nx in lines[i + 1:]:
                if not nx.strip():
                    break
                out.append(nx)
    return out + pick(lines, r"^srec_cmp:") + exit_lines(lines)


DUMP_ROW = re.compile(r"^\s*([0-9A-Fa-f]{4,8}):")


@kind("srec-cat-dump", "listing")
def n_srec_cat_dump(lines):
    """Rule 1+4: DIAG, srec_cat:/checksum/record/mismatch/truncat/format lines, first/last dump rows, rows after an address gap, EXIT=."""
    out = diag(lines) + pick(lines, r"^srec_cat:|checksum|record|mismatch|truncat|format")
    rows = [ln for ln in lines if DUMP_ROW.match(ln)]
    if rows:
        out += [rows[0], rows[-1]]
        addrs = [int(DUMP_ROW.match(r).group(1), 16) for r in rows]
        steps = Counter(b - a for a, b in zip(addrs, addrs[1:]))
        if steps:
            width = steps.most_common(1)[0][0]
            out += [rows[k] for k in range(1, len(rows)) if addrs[k] != addrs[k - 1] + width]
    return out + exit_lines(lines)


@kind("sgdisk-verify", "log")
def n_sgdisk_verify(lines):
    """Rule 1+3: DIAG, every Problem/Caution/Warning/corrupt/damaged/mismatch/overlap/CRC/invalid/Identified/free-space line, EXIT=."""
    return diag(lines) + pick(lines, r"Problem|problem|Caution|Warning|corrupt|damaged|mismatch|overlap|CRC|invalid|"
                                     r"Identified|No problems found|free space|sectors") + exit_lines(lines)


GPT_ROW = re.compile(r"^\s+(\d+)\s+(\d+)\s+(\d+)\s+(.+?)\s+([0-9A-F]{4})\s")


@kind("sgdisk-print", "table")
def n_sgdisk_print(lines):
    """Rule 1+4+5: DIAG, header lines, the table header, rare partition codes, smallest/largest partitions, first/last rows, warnings, EXIT=."""
    out = diag(lines) + pick(lines, r"^Disk |Sector size|Disk identifier|Partition table holds up to|First usable sector|"
                                    r"Last usable sector|Partitions will be aligned|Total free space|Number\s+Start")
    rows = [ln for ln in lines if GPT_ROW.match(ln)]
    if rows:
        out += [rows[0], rows[-1]]
        out += rare(rows, [GPT_ROW.match(r).group(5) for r in rows])
        out += extremes(rows, [int(GPT_ROW.match(r).group(3)) - int(GPT_ROW.match(r).group(2)) for r in rows])
    return out + pick(lines, r"Caution|Warning|invalid|corrupt|CRC") + exit_lines(lines)


EDID_HEADS = r"^(Failures:|Warnings:|EDID conformity)"


@kind("edid-decode", "doc")
def n_edid_decode(lines):
    """Rule 1+5+6: DIAG, Failures:/Warnings: sections' lines, conformity/checksum lines, Block headings, identity and timing lines."""
    out = diag(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^(Failures|Warnings):", ln):
            out.append(ln)
            # the section's findings: edid-decode separates its per-block groups by blank lines, so the section is
            # read up to the next summary heading (decided with the rule, before capture)
            for nx in lines[i + 1:]:
                if re.match(EDID_HEADS, nx):
                    break
                if nx.strip():
                    out.append(nx)
    out += pick(lines, r"EDID conformity|Checksum|checksum")
    out += pick(lines, r"^\s*Block \d+, .*:\s*$|Manufacturer:|Model:|Serial Number:|Made in|EDID Structure Version|"
                       r"Display Product Name|Display Product Serial Number|Alphanumeric Data String|"
                       r"Maximum image size|Preferred Video Timing|Native Video Resolution|\bDTD \d+:")
    return out


IASL_LOC = r"^\S+\s+\d+:"


@kind("iasl-compile", "build")
def n_iasl(lines):
    """Rule 1+3: DIAG, every Error line with the source line above it, Warnings one {"any"} per (code, file), Remarks per code, closing lines, EXIT=."""
    out = diag(lines)
    warns, rems = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^\s*(Error|Warning|Remark)\s+(\d+)", ln)
        if not m:
            continue
        loc = cm.prev_match(lines, i, IASL_LOC)
        if m.group(1) == "Error":
            out.append(ln)
            out.append(loc)
        elif m.group(1) == "Warning":
            warns.append(((m.group(2), loc.split()[0] if loc else ""), ln))
        else:
            rems.append((m.group(2), ln))
    out += cm.groups(warns) + cm.groups(rems)
    out += pick(lines, r"Compilation failed|Compilation successful|Compilation complete|Errors|ASL Input:|AML Output:")
    return out + exit_lines(lines)


@kind("acpi-dsl", "code")
def n_acpi_dsl(lines):
    """Rule 1+6: DIAG, DefinitionBlock, every Device/Method/Scope/OperationRegion/Field/_HID/... line, the table-header comment lines."""
    return diag(lines) + pick(
        lines, r"DefinitionBlock|^\s*(Device|Method|Scope|OperationRegion|Field|Processor|PowerResource|ThermalZone|"
               r"Mutex|Event) \(|^\s*Name \(_HID|Disassembly of|Original Table Header|Signature|Length|Revision|"
               r"Checksum|OEM ID|OEM Table ID|Compiler ID")


@kind("mkimage-list", "listing")
def n_mkimage(lines):
    """Rule 1+5: DIAG, the loop's == lines, every Image Name/Created/Type/Data Size/Load/Entry/Contents/Image N/Bad/CRC line, EXIT=."""
    return diag(lines) + pick(lines, r"^== |Image Name:|Created:|Image Type:|Data Size:|Load Address:|Entry Point:|"
                                     r"Contents:|Image \d+:|Bad|bad|CRC|mismatch|Unknown|not a|Invalid") + exit_lines(lines)


@kind("flashrom-dummy", "log")
def n_flashrom(lines):
    """Rule 1+3+5: DIAG, every Found/flash chip/Reading/Erasing/Verifying/VERIFIED/FAILED/size/Error/protect/done/Note: line, EXIT=."""
    return diag(lines) + pick(lines, r"Found |flash chip|Reading flash|Erasing and writing|Verifying|VERIFIED|FAILED|"
                                     r"failed|mismatch|size|Error|protect|done|No EEPROM/flash device found|Note:") \
        + exit_lines(lines)


GPD_ROW = re.compile(r"^[0-9a-fA-F]{4,8}:\s+[0-9a-fA-F]{4}\s")


@kind("gpdasm", "code")
def n_gpdasm(lines):
    """Rule 1+6: DIAG, every non-instruction line, the first and last instruction rows, rows holding data words (dw/db/data)."""
    rows = [ln for ln in lines if GPD_ROW.match(ln)]
    out = diag(lines) + [ln for ln in lines if ln.strip() and not GPD_ROW.match(ln)]
    if rows:
        out += [rows[0], rows[-1]]
    return out + [r for r in rows if re.search(r"\b(dw|DW|db|data)\b|\.db\b", r)]


def _attr(row: str, name: str) -> str:
    m = re.search(r'(?<![\w])' + name + r'="([^"]*)"', row)
    return m.group(1) if m else "none"


@kind("blkid-probe", "table")
def n_blkid(lines):
    """Rule 1+4: DIAG, blkid:/ambivalent/error/unknown lines, rows with a rare TYPE or USAGE, EXIT=."""
    out = diag(lines) + pick(lines, r"^blkid:|ambivalent|error|unknown")
    rows = [ln for ln in lines if re.match(r"^\S+:\s+\S", ln) and not ln.startswith("blkid:")]
    out += rare(rows, [_attr(r, "TYPE") for r in rows]) + rare(rows, [_attr(r, "USAGE") for r in rows])
    return out + exit_lines(lines)


WIPE_ROW = re.compile(r"^\S+\s+0x[0-9a-fA-F]+\s+\S+")


@kind("wipefs-list", "table")
def n_wipefs(lines):
    """Rule 1+4: DIAG, the table header, rare TYPE rows, first/last rows, wipefs:/error/failed/cannot/probing lines, EXIT=."""
    out = diag(lines) + pick(lines, r"^DEVICE|OFFSET")
    rows = [ln for ln in lines if WIPE_ROW.match(ln)]
    if rows:
        out += [rows[0], rows[-1]]
        out += rare(rows, [r.split()[2] for r in rows])
    return out + pick(lines, r"^wipefs:|error|failed|cannot|probing") + exit_lines(lines)


# ------------------------------------------------------------------ the tender's material

BUOYS = ["Gannet Shoal", "Black Rock", "Skerry Spit", "Mew Ledge", "Carrick Bar", "Tarn Head", "Oyster Reach",
         "Seal Hole", "Pilot Knoll", "Whistle Sound", "Crane Bank", "Herring Pool", "Foul Ground", "Kelp Narrows"]
LANTERNS = ["LED-155", "MBL-200", "SL-75", "VLB-44", "ML-300"]


def ihex(data: dict[int, bytes], width: int = 16, start: int | None = None) -> str:
    """Intel hex of {address: bytes} (extended linear address records where needed)."""
    out, upper = [], -1

    def rec(addr: int, typ: int, payload: bytes) -> str:
        body = bytes([len(payload), (addr >> 8) & 0xFF, addr & 0xFF, typ]) + payload
        return ":" + body.hex().upper() + f"{(-sum(body)) & 0xFF:02X}"
    for base, blob in sorted(data.items()):
        for k in range(0, len(blob), width):
            a = base + k
            if a >> 16 != upper:
                upper = a >> 16
                out.append(rec(0, 4, struct.pack(">H", upper)))
            out.append(rec(a & 0xFFFF, 0, blob[k:k + width]))
    if start is not None:
        out.append(rec(0, 5, struct.pack(">I", start)))
    out.append(":00000001FF")
    return "\n".join(out) + "\n"


def firmware(rng: random.Random, size: int) -> bytes:
    text = " ".join(f"{b} {rng.choice(LANTERNS)} Fl({rng.randint(1, 4)}) {rng.randint(2, 15)}s"
                    for b in rng.sample(BUOYS, len(BUOYS))).encode()
    blob = bytearray(rng.randbytes(size // 2)) + (text * (size // len(text) + 1))
    return bytes(blob[:size])


# ------------------------------------------------------------------ CAN logs

CAN_IDS = {"0C1": "buoy position", "1A0": "lantern status", "1A4": "lantern current", "2B0": "chain tension",
           "2B4": "chain heading", "3F0": "battery"}


def candump_log(rng: random.Random, n: int, err: int, remote: int, rare_id: str | None, bad: int, fd: int = 0) -> str:
    t = 1764720000.0 + rng.random()
    ids = list(CAN_IDS)
    weights = [8, 6, 3, 3, 2, 1]
    rows = []
    for _ in range(n):
        t += rng.uniform(0.001, 0.02)
        i = rng.choices(ids, weights)[0]
        dlc = 8 if i in ("0C1", "1A0") else rng.choice([2, 4, 6, 8])
        rows.append(f"({t:.6f}) can{rng.choice([0, 0, 0, 1])} {i}#{rng.randbytes(dlc).hex().upper()}")
    for _ in range(err):
        k = rng.randrange(len(rows))
        ts = rows[k].split()[0]
        cls = rng.choice(["00000004", "00000080", "00000040", "00000020"])
        rows.insert(k, f"{ts} can0 2{cls[1:]}#{rng.choice(['0000000000000000', '0004000000000000', '0000080000000000', '0000000000000008'])}")
    for _ in range(remote):
        k = rng.randrange(len(rows))
        rows.insert(k, f"{rows[k].split()[0]} can1 2B4#R")
    if rare_id:
        for _ in range(2):
            k = rng.randrange(len(rows))
            rows.insert(k, f"{rows[k].split()[0]} can0 {rare_id}#{rng.randbytes(3).hex().upper()}")
    for _ in range(fd):
        k = rng.randrange(len(rows))
        rows.insert(k, f"{rows[k].split()[0]} can1 3F0##1{rng.randbytes(12).hex().upper()}")
    for _ in range(bad):
        k = rng.randrange(len(rows))
        rows.insert(k, rng.choice([f"{rows[k].split()[0]} can0 1A0#12345", "(garbled) can0",
                                   f"{rows[k].split()[0]} can0 XYZ#00"]))
    return "\n".join(rows) + "\n"


def cap_can(tmp: Path) -> None:
    d = tmp / "can"
    d.mkdir()
    rng = random.Random(43110)
    specs = [("mooring-a", 60, 3, 1, "7DF", 0), ("mooring-b", 420, 12, 2, "6E1", 1), ("tender-run", 1300, 30, 6, None, 0)]
    for nm, n, e, r, rid, bad in specs:
        (d / f"{nm}.log").write_text(candump_log(rng, n, e, r, rid, bad))
    cap("log2asc-small", "log2asc -I mooring-a.log can0 can1", d, n_log2asc, timeout=60)
    cap("log2asc-mid", "log2asc -I mooring-b.log -n can0 can1", d, n_log2asc, timeout=60)
    cap("log2asc-big", "log2asc -I tender-run.log can0 can1 | head -n 1200", d, n_log2asc, timeout=60)
    (d / "fd-run.log").write_text(candump_log(rng, 250, 5, 1, "5A5", 0, fd=6))
    cap("log2asc-fd", "log2asc -4 -I fd-run.log can0 can1", d, n_log2asc, timeout=60)
    (d / "chain-watch.log").write_text(candump_log(rng, 700, 8, 2, "4C4", 0))
    cap("log2asc-chain", "log2asc -I chain-watch.log can0 can1", d, n_log2asc, timeout=60)
    cap("log2long-chain", "log2long < chain-watch.log | head -n 300", d, n_log2long, timeout=60)
    cap("log2long-small", "log2long < mooring-a.log", d, n_log2long, timeout=60)
    cap("log2long-mid", "log2long < mooring-b.log", d, n_log2long, timeout=60)
    cap("log2long-fd", "log2long < fd-run.log | tail -n 200", d, n_log2long, timeout=60)
    cap("log2long-grep", "log2long < tender-run.log | grep -v ' 0C1 '", d, n_log2long, timeout=60)


# ------------------------------------------------------------------ srecord

def cap_srec(tmp: Path) -> None:
    d = tmp / "srec"
    d.mkdir()
    rng = random.Random(43120)
    for nm, size, base in [("lantern", 3000, 0x0800_0000), ("chain", 12000, 0x0000), ("buoy", 1600, 0x1000)]:
        fw = firmware(rng, size)
        (d / f"{nm}.hex").write_text(ihex({base: fw}, start=base + 0x101))
        fw2 = bytearray(fw)
        for _ in range(rng.randint(3, 9)):
            k = rng.randrange(len(fw2) - 8)
            fw2[k:k + rng.randint(1, 6)] = b"\xFF" * 3
        fw2 = bytes(fw2[: len(fw2) - rng.randint(40, 300)])
        (d / f"{nm}-field.hex").write_text(ihex({base: fw2[:size // 2], base + size // 2 + 64: fw2[size // 2:]},
                                                start=base + 0x101))
        lines = (d / f"{nm}.hex").read_text().splitlines()
        for k in rng.sample(range(2, len(lines) - 2), 2):  # a wrong checksum, a bad record type
            lines[k] = lines[k][:-2] + f"{(int(lines[k][-2:], 16) + 7) & 0xFF:02X}"
        j = rng.randrange(3, len(lines) - 3)
        lines[j] = lines[j][:7] + "0A" + lines[j][9:]
        (d / f"{nm}-bad.hex").write_text("\n".join(lines[: len(lines) - 5]) + "\n" + lines[-6][:20] + "\n")
    cap("srec-cmp-lantern", "srec_cmp lantern.hex -intel lantern-field.hex -intel -verbose; echo EXIT=$?", d,
        n_srec_cmp, timeout=60)
    cap("srec-cmp-chain", "srec_cmp chain.hex -intel chain-field.hex -intel -verbose; echo EXIT=$?; "
        "srec_cmp chain.hex -intel chain.hex -intel -verbose; echo EXIT=$?", d, n_srec_cmp, timeout=60)
    cap("srec-cmp-all", "for f in lantern chain buoy; do echo \"== $f\"; srec_cmp $f.hex -intel $f-field.hex -intel "
        "-v; echo EXIT=$?; srec_cmp $f.hex -intel $f-bad.hex -intel -v; echo EXIT=$?; done", d, n_srec_cmp, timeout=60)
    cap("srec-dump-buoy", "srec_cat buoy-field.hex -intel -o - -hex-dump; echo EXIT=$?", d, n_srec_cat_dump, timeout=60)
    cap("srec-dump-bad", "for f in buoy lantern chain; do srec_cat $f-bad.hex -intel -o - -hex-dump; echo EXIT=$?; "
        "srec_cat $f-bad.hex -intel -ignore-checksums -o - -hex-dump; echo EXIT=$?; done; "
        "srec_cat buoy.hex -intel -o - -hex-dump; echo EXIT=$?", d, n_srec_cat_dump, timeout=60)
    cap("srec-dump-chain", "srec_cat chain-field.hex -intel -o - -hex-dump; echo EXIT=$?", d, n_srec_cat_dump,
        timeout=60)


# ------------------------------------------------------------------ GPT images (sgdisk), blkid, wipefs

GPT_CODES = ["8300", "8300", "8300", "8300", "8200", "ef00", "0700", "8e00"]


def gpt_image(d: Path, nm: str, mib: int, nparts: int, rng: random.Random, codes: list[str]) -> Path:
    img = d / f"{nm}.img"
    cm.run(f"truncate -s {mib}M {img}")
    args = ["-o"]
    for k in range(1, nparts + 1):
        code = codes[k - 1] if k - 1 < len(codes) else "8300"
        args.append(f"-n {k}:0:+{rng.choice([1, 1, 2, 3, 4])}M -t {k}:{code} -c {k}:'{rng.choice(BUOYS).replace(' ', '-').lower()}-{k}'")
    cm.run(f"sgdisk {' '.join(args)} {img}", timeout=120)
    return img


def patch(img: Path, off: int, data: bytes) -> None:
    with open(img, "r+b") as f:
        f.seek(off)
        f.write(data)


def cap_gpt(tmp: Path) -> None:
    d = tmp / "gpt"
    d.mkdir()
    rng = random.Random(43130)
    few = gpt_image(d, "tender-boot", 64, 6, rng, ["ef00", "8300", "8200", "8300", "8300", "8300"])
    many = gpt_image(d, "buoy-archive", 256, 60, rng, ["ef00", "8200"] + ["8300"] * 50 + ["0700"])
    mid = gpt_image(d, "lantern-store", 128, 24, rng, ["ef00"] + ["8300"] * 20 + ["8e00"])
    cm.run(f"cp {few} ok-boot.img; cp {mid} ok-store.img", cwd=d)
    size = few.stat().st_size
    patch(few, size - 512, b"\0" * 512)                     # the backup header gone
    patch(mid, 512 + 16, b"\xde\xad\xbe\xef")                # the primary header's CRC clobbered
    # overlapping partitions in the primary array: entry 3 starts inside entry 2
    with open(many, "r+b") as f:
        f.seek(1024 + 128 * 1 + 32)
        e2_start = struct.unpack("<Q", f.read(8))[0]
        f.seek(1024 + 128 * 2 + 32)
        f.write(struct.pack("<Q", e2_start + 100))
    cap("sgdisk-v-boot", "sgdisk -v tender-boot.img; echo EXIT=$?", d, n_sgdisk_verify, timeout=60)
    cap("sgdisk-v-archive", "sgdisk -v buoy-archive.img; echo EXIT=$?", d, n_sgdisk_verify, timeout=60)
    cap("sgdisk-v-all", "for f in *.img; do echo \"== $f\"; sgdisk -v $f; echo EXIT=$?; done", d, n_sgdisk_verify,
        timeout=120)
    cap("sgdisk-p-archive", "sgdisk -p buoy-archive.img; echo EXIT=$?", d, n_sgdisk_print, timeout=60)
    cap("sgdisk-p-store", "sgdisk -p lantern-store.img; echo EXIT=$?", d, n_sgdisk_print, timeout=60)
    cap("sgdisk-p-ok", "sgdisk -p ok-store.img; sgdisk -p ok-boot.img; echo EXIT=$?", d, n_sgdisk_print, timeout=60)

    # filesystem images for blkid and wipefs
    f = tmp / "fs"
    f.mkdir()
    for k, b in enumerate(BUOYS[:10]):
        nm = f / f"{b.split()[0].lower()}{k}.img"
        cm.run(f"truncate -s 4M {nm}")
        kind_ = ["ext4", "ext4", "ext4", "ext4", "ext4", "vfat", "swap", "ext4", "ext2", "none"][k]
        label = b.split()[0].upper()[:11]
        if kind_ in ("ext4", "ext2"):
            cm.run(f"mkfs.{kind_} -q -F -L {label} {nm}", timeout=60)
        elif kind_ == "vfat":
            cm.run(f"mkfs.vfat -n {label} {nm}", timeout=60)
        elif kind_ == "swap":
            cm.run(f"mkswap -L {label} {nm}", timeout=60)
    cm.run("cp gannet0.img ambivalent.img", cwd=f)
    patch(f / "ambivalent.img", 0, (f / "tarn5.img").read_bytes()[:512])  # a FAT boot sector over the ext4's blank start
    for g in ("tender-boot", "ok-store"):
        cm.run(f"cp {d / g}.img {f}/", timeout=60)
    cm.run("truncate -s 1M empty.img; truncate -s 0 zero.img", cwd=f)
    cap("blkid-fs", "for f in *.img; do blkid -p $f; echo EXIT=$?; done", f, n_blkid, timeout=120)
    cap("blkid-fs-o", "blkid -p -o full *.img; echo EXIT=$?; for f in *.img; do blkid -p -s TYPE -s LABEL -s USAGE "
        "-s PTTYPE $f; echo EXIT=$?; done; blkid -p -u nofilesystem ambivalent.img tender-boot.img; echo EXIT=$?", f,
        n_blkid, timeout=120)
    cap("wipefs-all", "wipefs --no-act *.img; echo EXIT=$?", f, n_wipefs, timeout=120)
    cap("wipefs-gpt", f"wipefs {d}/buoy-archive.img {d}/lantern-store.img {f}/ambivalent.img {f}/zero.img; "
        "echo EXIT=$?", f, n_wipefs, timeout=120)


# ------------------------------------------------------------------ EDID blobs (edid-decode)

def _mfg(code: str) -> bytes:
    v = 0
    for ch in code:
        v = (v << 5) | (ord(ch) - 64)
    return struct.pack(">H", v)


def _dtd(clk_khz: int, ha: int, hb: int, va: int, vb: int, hso: int, hsw: int, vso: int, vsw: int,
         hmm: int, vmm: int) -> bytes:
    return bytes([
        (clk_khz // 10) & 0xFF, (clk_khz // 10) >> 8, ha & 0xFF, hb & 0xFF, ((ha >> 8) << 4) | (hb >> 8),
        va & 0xFF, vb & 0xFF, ((va >> 8) << 4) | (vb >> 8), hso & 0xFF, hsw & 0xFF, ((vso & 0xF) << 4) | (vsw & 0xF),
        ((hso >> 8) << 6) | ((hsw >> 8) << 4) | ((vso >> 4) << 2) | (vsw >> 4), hmm & 0xFF, vmm & 0xFF,
        ((hmm >> 8) << 4) | (vmm >> 8), 0, 0, 0x1E])


def _text(tag: int, s: str, terminate: bool = True) -> bytes:
    body = s.encode()[:13]
    if len(body) < 13 and terminate:
        body += b"\n"
    return bytes([0, 0, 0, tag, 0]) + body.ljust(13, b" ")


def _sum(block: bytearray, fault: bool) -> None:
    block[127] = (-sum(block[:127]) + (5 if fault else 0)) & 0xFF


def edid(rng: random.Random, name: str, faults: set[str]) -> bytes:
    b = bytearray(128)
    b[0:8] = bytes([0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0]) if "header" not in faults else bytes([0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0])
    b[8:10] = _mfg("LTH")
    b[10:12] = struct.pack("<H", rng.randint(0x1000, 0x9FFF))
    b[12:16] = struct.pack("<I", rng.randint(1, 2 ** 31))
    b[16] = rng.randint(1, 52)
    b[17] = (2041 if "year" in faults else 2021) - 1990
    b[18], b[19] = 1, 4
    b[20], b[21], b[22], b[23], b[24] = 0xA5, 34, 19, 120, 0x06
    b[25:35] = bytes([0xEE, 0x91, 0xA3, 0x54, 0x4C, 0x99, 0x26, 0x0F, 0x50, 0x54])
    b[35:38] = bytes([0x21, 0x08, 0x00])
    std = [0x8180, 0x8140, 0x714F, 0xD1C0] + [0x0101] * 4
    b[38:54] = b"".join(struct.pack(">H", s) for s in std)
    if "timing" in faults:
        d1 = _dtd(148500, 1920, 0, 1080, 45, 88, 44, 4, 5, 344, 194)        # no horizontal blanking
    else:
        d1 = _dtd(148500, 1920, 280, 1080, 45, 88, 44, 4, 5, 344, 194)
    b[54:72] = d1
    b[72:90] = bytes([0, 0, 0, 0xFD, 0, 48, 75, 30, 83, 17, 0x01, 0x0A]) + b" " * 6 if "range" not in faults else \
        bytes([0, 0, 0, 0xFD, 0, 90, 50, 30, 20, 5, 0x01, 0x0A]) + b" " * 6
    b[90:108] = _text(0xFC, name, terminate="name" not in faults)
    b[108:126] = _text(0xFF, f"TND{rng.randint(100000, 999999)}")
    b[126] = 1 if ("cta" in faults or "noext" in faults) else 0
    _sum(b, "checksum" in faults)
    if "cta" not in faults:
        return bytes(b)
    e = bytearray(128)
    vics = bytes([0x90, 4, 3, 16, 31, 19, 2, 1, 95, 97])
    sads = bytes([0x09, 0x07, 0x07, 0x15, 0x07, 0x50])
    blocks = bytes([0x40 | len(vics)]) + vics + bytes([0x20 | len(sads)]) + sads + bytes([0x83, 0x01, 0x00, 0x00]) \
        + bytes([0x65, 0x03, 0x0C, 0x00, 0x10, 0x00])
    e[0], e[1], e[2], e[3] = 2, 3, 4 + len(blocks), 0xF1
    e[4:4 + len(blocks)] = blocks
    p = 4 + len(blocks)
    e[p:p + 18] = _dtd(74250, 1280, 370, 720, 30, 110, 40, 5, 5, 344, 194)
    e[p + 18:p + 36] = _dtd(27000, 720, 138, 480, 45, 16, 62, 9, 6, 344, 194)
    _sum(e, "extsum" in faults)
    return bytes(b) + bytes(e)


def cap_edid(tmp: Path) -> None:
    d = tmp / "edid"
    d.mkdir()
    rng = random.Random(43140)
    sets = {"wheelhouse": {"cta"}, "chartroom": {"checksum", "name"}, "lamp-bench": {"timing", "range", "year"},
            "mast-cam": {"header", "noext"}, "bridge-wing": {"cta", "extsum", "timing"}, "engine-room": set()}
    for nm, faults in sets.items():
        blob = edid(rng, nm.replace("-", " ").title(), faults)
        (d / f"{nm}.bin").write_bytes(blob if "noext" not in faults else blob)
    cap("edid-wheelhouse", "edid-decode wheelhouse.bin; echo EXIT=$?", d, n_edid_decode, timeout=60)
    cap("edid-chartroom", "edid-decode --check chartroom.bin; echo EXIT=$?", d, n_edid_decode, timeout=60)
    cap("edid-lamp-bench", "edid-decode -c lamp-bench.bin; echo EXIT=$?", d, n_edid_decode, timeout=60)
    cap("edid-all", "for f in *.bin; do echo \"== $f\"; edid-decode -c $f; echo EXIT=$?; done", d, n_edid_decode,
        timeout=60)


# ------------------------------------------------------------------ ACPI (iasl)

def asl_device(name: str, k: int, label: str, faults: set[str]) -> str:
    body = f"""        Device ({name})
        {{
            Name (_HID, "TNDR{k:04X}")
            Name (_UID, {k})
            Name (_STR, Unicode ("{label}"))
            OperationRegion (R{name[1:]}, SystemMemory, 0x{0xFED40000 + k * 0x100:08X}, 0x100)
            Field (R{name[1:]}, DWordAcc, NoLock, Preserve)
            {{
                STAT,   32,
                CURR,   16,
                PERI,   16,
                TENS,   32
            }}
            Method (_STA, 0, NotSerialized)
            {{
                If ((STAT & 0x01))
                {{
                    Return (0x0F)
                }}
                Return (0x00)
            }}
            Method (FLSH, 1, Serialized)
            {{
                PERI = Arg0
                Return (CURR)
            }}
"""
    if "undef" in faults:
        body += "            Method (CHK0, 0, NotSerialized)\n            {\n                Return (PERX)\n            }\n"
    if "args" in faults:
        body += "            Method (CHK1, 0, NotSerialized)\n            {\n                Return (FLSH (0x01, 0x02))\n            }\n"
    if "noreturn" in faults:
        body += ("            Method (CHK2, 1, NotSerialized)\n            {\n                If ((Arg0 > 0x05))\n"
                 "                {\n                    Return (TENS)\n                }\n            }\n")
    if "local" in faults:
        body += ("            Method (CHK3, 0, NotSerialized)\n            {\n                Local1 = (Local0 + 0x01)\n"
                 "                Return (Local1)\n            }\n")
    if "hid" in faults:
        body = body.replace(f'"TNDR{k:04X}"', f'"tndr-{k}"')
    return body + "        }\n"


def asl(n: int, rng: random.Random, fault_rate: float, syntax: bool = False) -> str:
    devs = []
    for k in range(1, n + 1):
        kinds_ = {f for f in ("undef", "args", "noreturn", "local", "hid") if rng.random() < fault_rate}
        devs.append(asl_device(f"L{k:03X}"[:4], k, f"{BUOYS[k % len(BUOYS)]} lantern", kinds_))
    src = ('DefinitionBlock ("", "SSDT", 2, "TENDER", "LANTERNS", 0x00001000)\n{\n    Scope (\\_SB)\n    {\n'
           + "".join(devs) + "    }\n}\n")
    if syntax:
        src = src.replace("Return (CURR)", "Return (CURR", 1)
    return src


def cap_acpi(tmp: Path) -> None:
    d = tmp / "acpi"
    d.mkdir()
    rng = random.Random(43150)
    (d / "lanterns.asl").write_text(asl(6, rng, 0.35))
    (d / "buoys.asl").write_text(asl(40, rng, 0.15))
    (d / "chains.asl").write_text(asl(10, rng, 0.2, syntax=True))
    (d / "quiet.asl").write_text(asl(8, rng, 0.0))
    (d / "fleet.asl").write_text(asl(60, rng, 0.0))
    cap("iasl-lanterns", "iasl lanterns.asl; echo EXIT=$?", d, n_iasl, timeout=60)
    cap("iasl-buoys", "iasl -vi buoys.asl; echo EXIT=$?", d, n_iasl, timeout=60)
    cap("iasl-chains", "iasl chains.asl; echo EXIT=$?; iasl quiet.asl; echo EXIT=$?", d, n_iasl, timeout=60)
    cm.run("iasl quiet.asl; iasl fleet.asl; iasl -d quiet.aml; iasl -d fleet.aml", cwd=d, timeout=120)
    cap("dsl-quiet", "cat quiet.dsl", d, n_acpi_dsl, timeout=30)
    cap("dsl-fleet", "cat fleet.dsl", d, n_acpi_dsl, timeout=30)


# ------------------------------------------------------------------ u-boot images (mkimage -l)

def cap_uboot(tmp: Path) -> None:
    d = tmp / "uboot"
    d.mkdir()
    rng = random.Random(43160)
    for nm, size in [("lantern-ctl", 6000), ("chain-mon", 20000), ("buoy-gps", 9000), ("fog-horn", 3000)]:
        (d / f"{nm}.bin").write_bytes(firmware(rng, size))
    mk = "mkimage -A arm -O linux -C none"
    cm.run(f"{mk} -T firmware -a 0x20000000 -e 0x20000400 -n 'lantern-ctl v3.2' -d lantern-ctl.bin lantern.uimg; "
           f"{mk} -T kernel -a 0x80008000 -e 0x80008000 -n 'chain-mon 5.10.44' -d chain-mon.bin chain.uimg; "
           f"{mk} -T multi -a 0x80008000 -e 0x80008000 -n 'tender bundle' -d chain-mon.bin:buoy-gps.bin:fog-horn.bin bundle.uimg; "
           f"{mk} -T ramdisk -n 'buoy rootfs' -d buoy-gps.bin ramdisk.uimg; "
           f"mkimage -A arm -O linux -C gzip -T kernel -a 0x80008000 -e 0x80008000 -n 'fog-horn (not gzip)' -d fog-horn.bin foghorn.uimg; "
           f"{mk} -T script -n 'boot the lantern' -d lantern-ctl.bin script.uimg", cwd=d, timeout=60)
    for src, dst, off in [("lantern.uimg", "lantern-baddata.uimg", 300), ("chain.uimg", "chain-badhdr.uimg", 40),
                          ("bundle.uimg", "bundle-baddata.uimg", 9000)]:
        blob = bytearray((d / src).read_bytes())
        blob[off] ^= 0x5A
        (d / dst).write_bytes(bytes(blob))
    (d / "chain-short.uimg").write_bytes((d / "chain.uimg").read_bytes()[:5000])
    (d / "notes.uimg").write_text("Gannet Shoal: lantern replaced, chain checked\n" * 5)
    cap("mkimage-l-all", "for f in *.uimg; do echo \"== $f\"; mkimage -l $f; echo EXIT=$?; done", d, n_mkimage,
        timeout=60)
    cap("mkimage-l-bad", "for f in *-bad*.uimg chain-short.uimg bundle.uimg; do echo \"== $f\"; mkimage -l $f; "
        "echo EXIT=$?; done", d, n_mkimage, timeout=60)


# ------------------------------------------------------------------ flashrom on the dummy programmer

def cap_flashrom(tmp: Path) -> None:
    d = tmp / "flash"
    d.mkdir()
    rng = random.Random(43170)
    (d / "lantern-512k.bin").write_bytes(firmware(rng, 512 * 1024))
    (d / "lantern-300k.bin").write_bytes(firmware(rng, 300 * 1024))
    (d / "chain-8m.bin").write_bytes(firmware(rng, 8 * 1024 * 1024))
    p = "flashrom -p dummy:emulate=SST25VF040.REMS,image=sst.img"
    cap("flashrom-sst", f"{p} -w lantern-512k.bin; echo EXIT=$?; {p} -v lantern-512k.bin; echo EXIT=$?; "
        f"{p} -c SST25VF040 -w lantern-512k.bin; echo EXIT=$?; {p} -c SST25VF040 -v lantern-512k.bin; echo EXIT=$?; "
        f"{p} -c SST25VF040 -w lantern-300k.bin; echo EXIT=$?; {p} -c SST25VF040 -r back.bin; echo EXIT=$?", d, n_flashrom, timeout=300)
    q = "flashrom -p dummy:emulate=MX25L6436,image=mx.img -c MX25L6436E/MX25L6445E/MX25L6465E/MX25L6473E/MX25L6473F"
    cap("flashrom-mx-verbose", f"{q} -V -w chain-8m.bin 2>&1 | tail -n 400; echo EXIT=$?", d, n_flashrom, timeout=600)
    cap("flashrom-wp", "flashrom -p dummy:emulate=MX25L6436,image=mx.img -w chain-8m.bin; echo EXIT=$?; "
        "flashrom -p dummy:emulate=MX25L6436,image=mx.img,spi_status=0x1c,hwwp=yes -c MX25L6436E/MX25L6445E/MX25L6465E/"
        "MX25L6473E/MX25L6473F -w chain-8m.bin; echo EXIT=$?; "
        f"{q} -v lantern-512k.bin; echo EXIT=$?; flashrom -p dummy:emulate=W25Q999 -r x.bin; echo EXIT=$?; "
        f"flashrom -p dummy:bus=spi -r x.bin; echo EXIT=$?", d, n_flashrom, timeout=600)


# ------------------------------------------------------------------ gputils' gpdasm

PIC_ASM = """        list    p={chip}
        #include <p{chipinc}.inc>
        __config _CP_OFF & _WDT_OFF & _PWRTE_ON & _INTOSC_OSC_NOCLKOUT
        cblock 0x20
        count, phase, period
        endc
        org     0x000
        goto    main
        org     0x004
        retfie
main:
        bsf     STATUS, RP0
        clrf    TRISB
        bcf     STATUS, RP0
{body}
loop:
        goto    loop
        end
"""


def pic_body(rng: random.Random, n: int) -> str:
    out = []
    for k in range(n):
        out.append(f"flash{k}:\n        movlw   0x{rng.randint(1, 255):02X}\n        movwf   period\n"
                   f"        bsf     PORTB, {k % 8}\n        decfsz  period, f\n        goto    flash{k}\n"
                   f"        bcf     PORTB, {k % 8}\n        call    wait{k % 3}\n")
    for w in range(3):
        out.append(f"wait{w}:\n        movlw   0x{40 + w:02X}\n        movwf   count\n        decfsz  count, f\n"
                   f"        goto    $-1\n        return\n")
    return "".join(out)


def cap_gpdasm(tmp: Path) -> None:
    d = tmp / "pic"
    d.mkdir()
    rng = random.Random(43180)
    (d / "lantern.asm").write_text(PIC_ASM.format(chip="16f628a", chipinc="16f628a", body=pic_body(rng, 6)))
    (d / "chainmon.asm").write_text(PIC_ASM.format(chip="16f628a", chipinc="16f628a", body=pic_body(rng, 60)))
    cm.run("gpasm -p 16f628a lantern.asm; gpasm -p 16f628a chainmon.asm", cwd=d, timeout=60)
    # a PIC hex carrying a table of buoy names after the code (data words the disassembler cannot decode)
    code = bytearray((d / "lantern.hex").read_text().encode()) if (d / "lantern.hex").exists() else bytearray()
    table = b"".join(b.encode()[:8].ljust(8, b"\0") for b in BUOYS)
    words = b"".join(struct.pack("<H", 0x3400 | c) for c in table)        # retlw table
    junk = b"".join(struct.pack("<H", rng.choice([0x3FFF, 0x0001, 0x0063, 0x0070, 0x3A7F, 0x2FFF]))
                    for _ in range(40))
    (d / "names.hex").write_text(ihex({0x0400: words, 0x0600: junk}))
    del code
    cap("gpdasm-lantern", "gpdasm -p p16f628a lantern.hex; echo EXIT=$?", d, n_gpdasm, timeout=60)
    cap("gpdasm-chainmon", "gpdasm -n -o -p p16f628a chainmon.hex; echo EXIT=$?", d, n_gpdasm, timeout=60)
    cap("gpdasm-names", "gpdasm -p p16f628a names.hex; echo EXIT=$?; gpdasm -p p18f4520 names.hex | head -n 80; "
        "gpdasm names.hex; echo EXIT=$?", d, n_gpdasm, timeout=60)


# ------------------------------------------------------------------ main

STEPS = [cap_can, cap_srec, cap_gpt, cap_edid, cap_acpi, cap_uboot, cap_flashrom, cap_gpdasm]


def ensure_tools() -> None:
    for tool, pkg in [("log2asc", "can-utils"), ("srec_cmp", "srecord"), ("sgdisk", "gdisk"),
                      ("edid-decode", "edid-decode"), ("iasl", "acpica-tools"), ("mkimage", "u-boot-tools"),
                      ("flashrom", "flashrom"), ("gpdasm", "gputils"), ("mkfs.vfat", "dosfstools")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide431", sys.modules["__main__"])
    main()
