"""Round 250, carving, hashing and triage on files made here: foremost and scalpel carving a raw image with files
planted at sector offsets (some cut short or overwritten), hashdeep and md5deep hashing the seeded `casefiles` tree and
auditing a copy with files changed, moved, deleted and added against the known hashes, ssdeep fuzzy-hashing memo
drafts and their edited copies, binwalk scanning a firmware-shaped blob and the carving image, disktype naming the
round's images. The extractors are this round's (NEEDLES.md, "Round 250"). Run through capture_wide250.py."""

from __future__ import annotations

import gzip
import io
import lzma
import random
import re
import shutil
import tarfile
from pathlib import Path

from capture_more import kind, run
from capture_wide250 import (cap, casefiles, exit_lines, extremes, first_last, gif_bytes, jpeg_bytes, memo,
                             pdf_bytes, pick, png_bytes, problems, smash, zip_bytes)
from capture_wide250_tsk import n_mmls

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 250")


@kind("foremost-audit", "table")
def n_foremost(lines):
    """Rule 4+5: version, invocation, output dir, config, opening and File/Length lines; the file table's header, its largest and smallest size rows and every row with a comment; the FILES EXTRACTED line, each type count line, Finish; every error line."""
    out = pick(lines, r"^Foremost version|^Invocation:|^Output directory:|^Configuration file:|^Opening |^File: |"
                      r"^Length: |^Num\s+Name \(bs=|FILES EXTRACTED|^\w+:= \d+|^Finish: ")
    rows = [ln for ln in lines if re.match(r"^\d+:\s+\S+\s+\d+ [KMG]?B\s+\d+", ln)]
    size = lambda r: float(r.split()[2]) * {"B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9}[r.split()[3]]  # noqa: E731
    out += extremes(rows, size)
    out += [r for r in rows if len(r.split("\t")) > 1 and re.search(r"\d+\s+\S.*$", r)
            and len(re.split(r"\s{2,}|\t", r.strip())) > 4 and re.split(r"\s{2,}|\t", r.strip())[-1].strip()
            and not re.fullmatch(r"\d+", re.split(r"\s{2,}|\t", r.strip())[-1].strip())]
    out += problems(lines, r"ERROR|[Ee]rror|[Cc]annot|[Ii]nvalid")
    return out + exit_lines(lines)


@kind("scalpel-audit", "table")
def n_scalpel(lines):
    """Rule 4+5: version, opening, output dir, config lines; the table header, its largest and smallest length rows and every Chop YES row; Completed at, files carved and per-type count lines; every error line."""
    out = pick(lines, r"^Scalpel version|^Opening target|^Output directory:|^Configuration file:|^File\s+Start\s+Chop|"
                      r"^Completed at|files carved|^\w+ with header .* --> \d+ files|^\w+ \(\w+\): \d+|^Scalpel is done")
    rows = [ln for ln in lines if re.match(r"^\S+\.\w+\s+\d+\s+(YES|NO)\s+\d+\s+\S", ln)]
    out += extremes(rows, lambda r: int(r.split()[3]))
    out += [r for r in rows if r.split()[2] == "YES"]
    out += problems(lines, r"ERROR|[Ee]rror", skip=r"^\S+\.\w+\s+\d+\s+(YES|NO)")
    return out + exit_lines(lines)


HD_ERR = r"^(hashdeep|md5deep|ssdeep): |No such file|Permission denied|Is a directory|[Ee]rror"


@kind("hashdeep", "listing")
def n_hashdeep(lines):
    """Rule 4+5: the %%%% header lines, the Invoked from and invocation lines, the rows of the largest and smallest files, every error line."""
    out = pick(lines, r"^%%%% |^## Invoked from:|^## [$#] \S*deep")
    rows = [ln for ln in lines if re.match(r"^\d+,[0-9a-f]{32}", ln)]
    out += extremes(rows, lambda r: int(r.split(",")[0]))
    out += problems(lines, HD_ERR)
    return out + exit_lines(lines)


@kind("hashdeep-audit", "lint")
def n_hashdeep_audit(lines):
    """Rule 1+3+5: the Audit passed/failed verdict, every count line, every per-file problem line (No match, Moved from, Known file not used, partial, collision), every path -x/-m printed, every error line."""
    out = pick(lines, r"Audit (passed|failed)|^\s*(Input files examined|Known files expecting|Files matched|Files partially "
                      r"matched|Files moved|New files found|Known files not found):")
    out += pick(lines, r": (No match|Moved from|Known file not used|Partial match|Hash collision)|partial")
    out += [ln for ln in lines if re.match(r"^[.\w/-]+\.\w+$", ln.strip()) and "/" in ln]
    out += problems(lines, HD_ERR, skip=r"Audit (passed|failed)")
    return out + exit_lines(lines)


@kind("md5deep", "listing")
def n_md5deep(lines):
    """Rule 4+5: the first and last rows, the largest and smallest size with -z, every row printed by -x/-m (the command says which), every error line."""
    rows = [ln for ln in lines if re.match(r"^\s*(\d+\s+)?[0-9a-f]{32}\s+\S", ln)]
    out = first_last(rows)
    sized = [r for r in rows if re.match(r"^\s*\d+\s+[0-9a-f]{32}", r)]
    out += extremes(sized, lambda r: int(r.split()[0]))
    out += problems(lines, HD_ERR)
    return out + exit_lines(lines)


def n_md5deep_x(lines):
    """Rule 5: every row -x/-m printed, every error line."""
    out = [ln for ln in lines if re.match(r"^\s*(\d+\s+)?[0-9a-f]{32}\s+\S", ln) or re.match(r"^[.\w/-]+\.\w+$", ln.strip())]
    return out + problems(lines, HD_ERR) + exit_lines(lines)


n_md5deep_x.kind = "md5deep"


@kind("ssdeep", "listing")
def n_ssdeep(lines):
    """Rule 4+5: the ssdeep,1.1 header, the rows with the largest and smallest blocksize, the first and last rows, every error line."""
    out = pick(lines, r"^ssdeep,1\.1--blocksize")
    rows = [ln for ln in lines if re.match(r"^\d+:\S*:\S*,\"", ln)]
    out += extremes(rows, lambda r: int(r.split(":")[0])) + first_last(rows)
    out += problems(lines, HD_ERR)
    return out + exit_lines(lines)


@kind("ssdeep-match", "lint")
def n_ssdeep_match(lines):
    """Rule 4+5: each left-hand file's best-scoring match line, the highest and lowest scoring lines overall, -g's cluster headers, every error line."""
    rows = [ln for ln in lines if re.search(r" matches .* \(\d+\)$", ln)]
    score = lambda r: int(re.search(r"\((\d+)\)$", r).group(1))  # noqa: E731
    best: dict[str, str] = {}
    for r in rows:
        left = r.split(" matches ")[0]
        if left not in best or score(r) > score(best[left]):
            best[left] = r
    out = list(best.values()) + extremes(rows, score)
    out += pick(lines, r"^\*\* Cluster size")
    out += problems(lines, HD_ERR)
    return out + exit_lines(lines)


@kind("binwalk", "table")
def n_binwalk(lines):
    """Rule 4+5: Scan Time, Target File, MD5 Checksum, Signatures lines, the DECIMAL header, each file's first and last rows, every row whose signature type occurs in at most 2 rows, every error or warning line."""
    out = pick(lines, r"^(Scan Time|Target File|MD5 Checksum|Signatures):|^DECIMAL\s+HEXADECIMAL\s+DESCRIPTION")
    tables: list[list[str]] = [[]]
    for ln in lines:
        if re.match(r"^DECIMAL\s+HEXADECIMAL", ln):
            tables.append([])
        elif re.match(r"^\d+\s+0x[0-9A-Fa-f]+\s+\S", ln):
            tables[-1].append(ln)
    rows = [r for t in tables for r in t]
    for t in tables:
        out += first_last(t)
    typ = lambda r: re.split(r"\s{2,}", r.strip(), maxsplit=2)[2].split()[0].rstrip(",")  # noqa: E731
    counts: dict[str, int] = {}
    for r in rows:
        counts[typ(r)] = counts.get(typ(r), 0) + 1
    out += [r for r in rows if counts[typ(r)] <= 2]
    out += problems(lines, r"WARNING|[Ee]rror|Exception|[Cc]annot|[Ff]ailed|Extractor")
    return out + exit_lines(lines)


@kind("disktype", "table")
def n_disktype(lines):
    """Rule 5: every --- FILE header, the Regular file/Block device line, partition map lines, Partition N lines and the Type line under each, file system lines, Volume name/UUID/Volume size/Label lines, Blank disk, every error line."""
    out = pick(lines, r"^--- |^Regular file|^Block device|partition map|^\s*Partition \d+:|file system|Volume name|UUID|"
                      r"Volume size|Label|Blank disk")
    for i, ln in enumerate(lines[:-1]):
        if re.match(r"^\s*Partition \d+:", ln) and re.match(r"^\s*Type ", lines[i + 1]):
            out.append(lines[i + 1])
    out += problems(lines, r"^disktype: |[Ee]rror|Can't|unknown")
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the steps


def carve_image(root: Path, seed: int, n: int) -> None:
    """A raw 6 MB image: seeded noise and zero runs with files planted at sector offsets; some cut short (their
    footer overwritten) and two overlapping."""
    rnd = random.Random(seed)
    size = 6 * 1024 * 1024
    img = bytearray(size)
    for off in range(0, size, 65536):
        if rnd.random() < 0.4:
            img[off:off + 65536] = bytes(b & 0x3F for b in rnd.randbytes(65536))  # noise without JPEG/GIF markers
    pos = 4096
    for i in range(n):
        t = rnd.choice(["jpg", "jpg", "png", "gif", "pdf", "zip"])
        body = {"jpg": lambda: jpeg_bytes(rnd, rnd.randrange(4_000, 60_000)),
                "png": lambda: png_bytes(rnd, rnd.randrange(10, 60), rnd.randrange(10, 60)),
                "gif": lambda: gif_bytes(rnd, rnd.randrange(1_000, 12_000)),
                "pdf": lambda: pdf_bytes(rnd, f"case-{i}"),
                "zip": lambda: zip_bytes(rnd, [f"part_{k}.txt" for k in range(3)])}[t]()
        if i % 7 == 3:
            body = body[: len(body) * 2 // 3]  # cut short: no footer
        if pos + len(body) >= size:
            break
        img[pos:pos + len(body)] = body
        pos += len(body) + rnd.choice([512, 1024, 4096, 20480]) + (-len(body)) % 512
        pos -= pos % 512
    (root / "carve.img").write_bytes(bytes(img))


SCALPEL_CONF = """\
jpg	y	200000	\\xff\\xd8\\xff\\xe0\\x00\\x10	\\xff\\xd9
png	y	200000	\\x89PNG\\x0d\\x0a\\x1a\\x0a	IEND\\xae\\x42\\x60\\x82
gif	y	50000	\\x47\\x49\\x46\\x38\\x39\\x61	\\x00\\x3b
pdf	y	100000	%PDF	%%EOF\\x0a	REVERSE
zip	y	100000	PK\\x03\\x04	\\x3c\\xac
"""


def carving(tmp: Path) -> None:
    root = tmp / "carve"
    root.mkdir()
    carve_image(root, 250, 90)
    casefiles(root / "tree", 2503, 120)
    run("mkfs.fat -C -F 16 -n CARVEFAT fat.img 16384 >/dev/null && mcopy -s -i fat.img tree/home ::/ && "
        "mdel -i fat.img '::/home/c.lindqvist/Pictures/*' '::/home/a.moreau/Desktop/*'", cwd=root)
    smash(root / "fat.img", 3 * 1024 * 1024, 200_000, 7)  # a run of data clusters overwritten
    (root / "scalpel.conf").write_text(SCALPEL_CONF)
    cap("foremost-v", "foremost -v -T -t jpg,png,gif,pdf,zip -i carve.img -o out1", root, n_foremost)
    run("foremost -t all -i fat.img -o out2", cwd=root)
    cap("foremost-audit-fat", "cat out2/audit.txt", root, n_foremost)
    run("foremost -q -t jpg,gif -i carve.img -o out3", cwd=root)
    cap("foremost-audit-tail", "cat out3/audit.txt | tail -n 80", root, n_foremost)
    cap("scalpel-run", "scalpel -c scalpel.conf -o sc1 carve.img; echo EXIT=$?", root, n_scalpel)
    cap("scalpel-audit", "cat sc1/audit.txt", root, n_scalpel)
    run("scalpel -c scalpel.conf -o sc2 fat.img", cwd=root)
    cap("scalpel-audit-fat", "head -n 100 sc2/audit.txt", root, n_scalpel)


def hashing(tmp: Path) -> None:
    root = tmp / "hash"
    root.mkdir()
    files = casefiles(root / "evidence", 2504, 520)
    run("hashdeep -r -l evidence > known.txt && md5deep -r -l evidence > known.md5", cwd=root)
    cap("hashdeep-r", "hashdeep -r -l evidence", root, n_hashdeep)
    rnd = random.Random(250)
    rels = [p for p in files]
    rnd.shuffle(rels)
    for p in rels[:24]:  # changed
        with open(p, "ab") as f:
            f.write(b"\nedited after seizure\n")
    for p in rels[24:38]:  # moved
        dest = root / "evidence" / "home" / "shared" / p.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(p, dest)
    for p in rels[38:52]:  # deleted
        p.unlink()
    for k in range(14):  # new
        (root / "evidence" / "home" / "shared" / f"dropped_{k}.txt").write_text(memo(rnd, 30 + k))
    shutil.copy(rels[60], root / "evidence" / "home" / "shared" / ("copy_of_" + rels[60].name))
    cap("hashdeep-c-md5", "hashdeep -c md5 -r -l evidence | head -n 100; hashdeep -r evidence/nope; echo EXIT=$?",
        root, n_hashdeep)
    cap("hashdeep-audit-vv", "hashdeep -a -vv -k known.txt -r -l evidence; echo EXIT=$?", root, n_hashdeep_audit)
    cap("hashdeep-audit-v", "hashdeep -a -v -k known.txt -r -l evidence 2>&1 | grep -iE 'audit|match|moved|found|not'"
        "; hashdeep -x -k known.txt -r -l evidence", root, n_hashdeep_audit)
    cap("hashdeep-m", "hashdeep -m -k known.txt -r -l evidence | head -n 60; echo EXIT=$?", root, n_hashdeep_audit)
    cap("md5deep-z", "md5deep -r -l -z evidence | tail -n 80", root, n_md5deep)
    cap("md5deep-x", "md5deep -x known.md5 -r -l -z evidence; md5deep -X known.md5 -r -l evidence | head -n 40",
        root, n_md5deep_x)


def fuzzy(tmp: Path) -> None:
    root = tmp / "fuzzy"
    root.mkdir()
    rnd = random.Random(2505)
    for d in ("drafts", "seized"):
        (root / d).mkdir()
    for i in range(150):
        lines = memo(rnd, rnd.randrange(80, 500)).splitlines(keepends=True)
        (root / "drafts" / f"memo_{i:02d}.txt").write_text("".join(lines))
        if i % 3 == 0:  # an edited copy: a block cut, some lines changed, a block appended
            a = rnd.randrange(0, len(lines) // 2)
            cut = lines[:a] + lines[a + len(lines) // rnd.choice([5, 8, 12]):]
            for _ in range(rnd.randrange(1, 8)):
                cut[rnd.randrange(len(cut))] = memo(rnd, 1)
            (root / "seized" / f"doc_{i:02d}_v{rnd.randrange(2, 5)}.txt").write_text("".join(cut) + memo(rnd, 10))
        elif i % 3 == 1:
            (root / "seized" / f"unrelated_{i:02d}.txt").write_text(memo(rnd, rnd.randrange(80, 400)))
    run("ssdeep -r -l drafts > drafts.ssd", cwd=root)
    cap("ssdeep-r", "ssdeep -r -l drafts seized", root, n_ssdeep)
    cap("ssdeep-m", "ssdeep -m drafts.ssd -r -l seized; echo EXIT=$?", root, n_ssdeep_match)
    cap("ssdeep-d", "ssdeep -d -r -l drafts seized", root, n_ssdeep_match)
    cap("ssdeep-p", "ssdeep -p -r -l drafts seized | head -n 100", root, n_ssdeep_match)


def firmware(root: Path, seed: int) -> None:
    """A firmware-shaped blob: a header, then gzip, a tar, an xz stream, a PNG, a zip, an ELF and a small ext4 image,
    each at a 4 KB boundary, with noise between."""
    rnd = random.Random(seed)
    parts = [b"FWHDR\x00\x02\x50" + rnd.randbytes(248)]
    parts.append(gzip.compress(memo(rnd, 200).encode(), mtime=1_650_000_000))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for k in range(4):
            data = memo(rnd, 30).encode()
            ti = tarfile.TarInfo(f"etc/config_{k}.conf")
            ti.size, ti.mtime = len(data), 1_650_000_000
            tf.addfile(ti, io.BytesIO(data))
    parts.append(buf.getvalue())
    parts.append(lzma.compress(memo(rnd, 300).encode()))
    parts.append(png_bytes(rnd, 32, 32))
    parts.append(zip_bytes(rnd, ["boot/cmdline.txt", "boot/version.txt"]))
    parts.append(Path("/bin/true").read_bytes())
    parts.append(jpeg_bytes(rnd, 5000))
    parts.append(pdf_bytes(rnd, "fw-notes"))
    parts.append((root / "small.img").read_bytes())
    out = bytearray()
    for p in parts:
        out += p
        out += bytes(b & 0x3F for b in rnd.randbytes((-len(out)) % 4096 + 4096))
    (root / "firmware.bin").write_bytes(bytes(out))


def triage(tmp: Path) -> None:
    root = tmp / "triage"
    root.mkdir()
    casefiles(root / "tree", 2506, 40)
    run("mkfs.ext4 -q -F -b 1024 -L fwroot -d tree small.img 2M", cwd=root)
    firmware(root, 2506)
    carve_image(root, 2507, 70)
    cap("binwalk-fw", "binwalk firmware.bin", root, n_binwalk)
    cap("binwalk-carve", "binwalk carve.img | head -n 100", root, n_binwalk)
    cap("binwalk-v", "binwalk -v firmware.bin small.img carve.img", root, n_binwalk)
    cap("binwalk-extract", "binwalk -e -C extracted firmware.bin; echo EXIT=$?; "
        "binwalk --run-as=root -e -C extracted firmware.bin 2>&1 | tail -n 60", root, n_binwalk)
    cap("binwalk-tree", "binwalk tree/home/*/Downloads/* 2>&1 | tail -n 120", root, n_binwalk)
    casefiles(root / "t2", 2508, 60)
    run("mkfs.fat -C -F 16 -n TRIAGE fat.img 8192 >/dev/null && mcopy -s -i fat.img t2/home ::/ && "
        "mkfs.ext4 -q -F -b 1024 -L userdata -d t2 part2.img 12M", cwd=root)
    run("truncate -s 40M disk.img && printf 'label: dos\\nstart=2048, size=16384, type=6\\nstart=20480, size=24576, "
        "type=83\\nstart=47104, size=20000, type=82\\n' | sfdisk -q disk.img && "
        "dd if=fat.img of=disk.img bs=512 seek=2048 conv=notrunc status=none && "
        "dd if=part2.img of=disk.img bs=512 seek=20480 conv=notrunc status=none", cwd=root)
    run("truncate -s 48M gpt.img && printf 'label: gpt\\nstart=2048, size=16384, name=\"esp\", "
        "type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B\\nstart=20480, size=24576, name=\"root\"\\n' | sfdisk -q gpt.img && "
        "dd if=fat.img of=gpt.img bs=512 seek=2048 conv=notrunc status=none && "
        "dd if=part2.img of=gpt.img bs=512 seek=20480 conv=notrunc status=none", cwd=root)
    shutil.copy(root / "disk.img", root / "torn.img")
    smash(root / "torn.img", 446, 64, 9)  # the partition entries overwritten
    run("truncate -s 4M blank.img", cwd=root)
    cap("disktype-images", "disktype disk.img gpt.img torn.img small.img fat.img blank.img firmware.bin", root,
        n_disktype)
    cap("mmls-torn", "mmls torn.img; echo EXIT=$?; mmls -t dos disk.img; mmls -t gpt gpt.img", root, n_mmls)
    cap("disktype-files", "disktype tree/home/*/*/* 2>&1 | head -n 150", root, n_disktype)


STEPS = [carving, hashing, fuzzy, triage]
