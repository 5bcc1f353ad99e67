"""Round 216, filesystems on image files: ext4 (e2fsck, dumpe2fs, debugfs, tune2fs), XFS (xfs_repair -n, xfs_db),
btrfs (btrfs check, dump-super) and FAT (fsck.fat, mdir), each made from the seeded `shoebox` photo archive without
mounting (`mkfs.ext4 -d`, `mkfs.xfs -p protofile`, `mkfs.btrfs --rootdir`, `mcopy`), then damaged on purpose. The
extractors are this round's (NEEDLES.md, "Round 216"). Run through capture_wide216.py."""

from __future__ import annotations

import random
import re
import struct
from pathlib import Path

from capture_more import kind, run
from capture_wide216 import cap, exit_lines, first_last, pick, problems, shoebox, smash

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 216")

E2_FIELDS = (r"^(Filesystem volume name|Filesystem UUID|Filesystem magic number|Filesystem state|Filesystem features"
             r"|Inode count|Block count|Free blocks|Free inodes|Block size|Blocks per group|Inodes per group"
             r"|Last write time|Journal size):")


@kind("e2fsck", "lint")
def n_e2fsck(lines):
    """Rule 1+3: every problem line (answered questions, bad magic, corrupt/invalid/error, Inode/Entry lines, bitmap and count differences, checksum, orphan, duplicate blocks), shapes over 3 lines as one any; the closing files/blocks line, FILE SYSTEM WAS MODIFIED, still has errors."""
    pat = (r"\? (no|yes)\b|Fix\?|Clear\?|Bad magic|[Cc]orrupt|[Ii]nvalid|[Ee]rror|bad block|^Inode \d+|Entry '|"
           r"[Bb]itmap differences|count wrong|Padding at end|Superblock|[Gg]roup descriptor|[Cc]hecksum|Unattached|"
           r"[Oo]rphan|Illegal|[Dd]uplicate|multiply-claimed|e2fsck:|Deleted inode|[Uu]nconnected|zero dtime|"
           r"[Ii]node bitmap|WARNING")
    out = problems(lines, pat, skip=r"non-contiguous|FILE SYSTEM WAS MODIFIED")
    out += pick(lines, r"files \(.*non-contiguous\), \d+/\d+ blocks|FILE SYSTEM WAS MODIFIED")
    return out + exit_lines(lines)


@kind("dumpe2fs", "table")
def n_dumpe2fs(lines):
    """Rule 5: the header's volume name, UUID, magic, state, features, inode/block counts, free blocks/inodes, block size, per-group counts, last write time, journal size; every error line; the first and last Group lines."""
    out = pick(lines, E2_FIELDS)
    out += problems(lines, r"dumpe2fs:|Bad magic|Couldn't find valid|[Cc]hecksum|[Cc]orrupt|[Ee]rror")
    return out + first_last(pick(lines, r"^Group \d+:")) + exit_lines(lines)


@kind("debugfs", "table")
def n_debugfs(lines):
    """Rule 4+5: stat's Inode/User-Size/Links lines and the line after EXTENTS/BLOCKS; ls -l rows' largest and smallest, first and last; stats' superblock fields; every error line."""
    out = pick(lines, r"^Inode: \d+|^User: .*Size:|^Links: |" + E2_FIELDS[1:])
    for i, ln in enumerate(lines[:-1]):
        if re.match(r"^(EXTENTS|BLOCKS):", ln) and lines[i + 1].strip():
            out.append(lines[i + 1])
    rows = [ln for ln in lines if re.match(r"^\s*\d+\s+\d{5,6}\s+\(\d+\)\s+\d+\s+\d+\s+\d+\s", ln)]
    if rows:
        size = lambda ln: int(ln.split()[5])  # noqa: E731
        out += first_last(rows) + [max(rows, key=size), min(rows, key=size)]
    out += problems(lines, r"debugfs:| while |not found|Bad magic|[Cc]hecksum|[Cc]orrupt|[Ee]rror", skip=r"^Inode checksum:")
    return out + exit_lines(lines)


@kind("tune2fs-l", "table")
def n_tune2fs(lines):
    """Rule 5: the superblock fields named for dumpe2fs, every tune2fs/error line."""
    out = pick(lines, E2_FIELDS)
    return out + problems(lines, r"^tune2fs|Bad magic|Couldn't find|[Cc]hecksum|[Cc]orrupt|[Ee]rror") + exit_lines(lines)


@kind("xfs-repair", "lint")
def n_xfs_repair(lines):
    """Rule 1+3: every problem line (bad, corrupt, would, error, invalid, mismatch, disconnected, no good, fatal, Sorry, couldn't, unable, CRC, imap claims, entry), shapes over 3 lines as one any; the closing line. Phase lines are progress."""
    pat = (r"\bbad\b|[Cc]orrupt|\bwould\b|[Ee]rror|[Ii]nvalid|mismatch|disconnected|no good|[Ff]atal|Sorry|couldn't"
           r"|[Uu]nable|CRC|imap claims|^entry \"|[Ff]ailed|\bjunk")
    out = problems(lines, pat, skip=r"^Phase \d|^\s+- |No modify flag set")
    out += pick(lines, r"No modify flag set|Exiting now|^done$")
    return out + exit_lines(lines)


@kind("xfs-db", "table")
def n_xfs_db(lines):
    """Rule 5: sb's magicnum/blocksize/dblocks/agcount/agblocks/uuid/icount/ifree/fdblocks/versionnum/inprogress; an inode's core.magic/mode/size/nextents/format; freesp/frag summaries; every error line."""
    pat = (r"^(magicnum|blocksize|dblocks|agcount|agblocks|uuid|icount|ifree|fdblocks|versionnum|inprogress) = |"
           r"^core\.(magic|mode|size|nextents|format) = |total free extents|total free blocks|average free extent|"
           r"fragmentation factor")
    out = pick(lines, pat)
    out += problems(lines, r"xfs_db:|bad magic|[Cc]orruption|CRC|[Ii]nvalid|[Ee]rror")
    return out + exit_lines(lines)


@kind("btrfs-check", "lint")
def n_btrfs_check(lines):
    """Rule 1+3: every error line (ERROR, errors found, bad, corrupt, checksum verify failed, parent transid, could not, mismatch, root N inode N errors, unresolved ref), shapes over 3 lines as one any; the closing found/no error/total lines. [N/7] lines are progress."""
    pat = (r"ERROR|[Ee]rror|\bbad\b|[Cc]orrupt|checksum verify failed|parent transid|[Cc]ould ?n[o']t|mismatch|"
           r"unresolved ref|wanted .* found|[Ff]ailed")
    out = problems(lines, pat, skip=r"^\[\d/\d\]|no error found|error\(s\) found|errors found")
    out += pick(lines, r"^found \d+ bytes used|no error found|error\(s\) found|errors found|^total \w+ bytes")
    return out + exit_lines(lines)


@kind("btrfs-dump-super", "table")
def n_btrfs_super(lines):
    """Rule 5: each superblock bytenr line, the csum line with its match verdict, magic, fsid, label, generation, root, chunk_root, total_bytes, bytes_used, sectorsize, nodesize, num_devices, incompat_flags; every error line."""
    pat = (r"^superblock: bytenr=|^csum\s|^(magic|fsid|label|generation|root|chunk_root|total_bytes|bytes_used"
           r"|sectorsize|nodesize|num_devices|incompat_flags)\s")
    out = pick(lines, pat)
    out += problems(lines, r"ERROR|[Ee]rror|bad magic|DON'T MATCH|[Ii]nvalid", skip=r"^csum\s")
    return out + exit_lines(lines)


@kind("fsck-fat", "lint")
def n_fsck_fat(lines):
    """Rule 1+3: every problem line (shared/free/bad clusters, FATs differ, dirty bit, invalid, illegal, truncated, size, error, has no, starts with, unable, wrong) with the file path line above it; the closing files/clusters line, Leaving filesystem unchanged; -v's FAT width and cluster size lines."""
    pat = (r"share clusters|[Cc]luster|\bbad\b|[Bb]ad |differ|[Dd]irty bit|[Ii]nvalid|[Ii]llegal|[Tt]runcat|\bsize\b|"
           r"[Ee]rror|has no|starts with|[Uu]nable|[Ww]rong|[Cc]ontains|[Dd]rop")
    skip = r"bytes per cluster|data clusters \(|^\d+ bytes per|^Checking|^Starting check|^Reclaiming|^Leaving|files, \d+/\d+ clusters"
    out = problems(lines, pat, skip=skip)
    for i, ln in enumerate(lines[1:], 1):
        if re.search(pat, ln) and ln.startswith("  ") and lines[i - 1].startswith("/"):
            out.append(lines[i - 1])
    out += pick(lines, r"files, \d+/\d+ clusters|Leaving filesystem unchanged|FATs, \d+ bit entries|bytes per cluster")
    return out + exit_lines(lines)


@kind("mdir", "listing")
def n_mdir(lines):
    """Rule 4+5: every Directory for line, each listing's files/bytes line and the bytes free line, the largest file's row, every error line."""
    out = pick(lines, r"^\s?Directory for |^\s+\d+ files?\s+[\d ]+ bytes|bytes free")
    rows = [ln for ln in lines if re.match(r"^\S.{7,12}\s+\d[\d ]*\s+\d{4}-\d\d-\d\d", ln)]
    if rows:
        out.append(max(rows, key=lambda ln: int(re.search(r"\s(\d[\d ]*?)\s+\d{4}-", ln).group(1).replace(" ", ""))))
    out += problems(lines, r"^init|mdir:|Cannot|not found|non DOS|[Ee]rror")
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the steps


def ext(tmp: Path) -> None:
    root = tmp / "ext"
    root.mkdir()
    shoebox(root / "tree", 216, 260)
    for name in ["shoebox", "inodes", "super", "meddled"]:
        run(f"mkfs.ext4 -q -F -b 1024 -N 2048 -L shoebox -U 2160c0de-0216-4216-8216-000000000216 "
            f"-E root_owner=1000:1000 -d tree {name}.img 48M", cwd=root)
    dump = run("dumpe2fs shoebox.img 2>/dev/null", cwd=root)
    m = re.search(r"Inode table at (\d+)-(\d+)", dump)
    start = int(m.group(1)) if m else 300
    for blk in range(start + 3, start + 40, 4):  # inode-table blocks of the first files, overwritten
        smash(root / "inodes.img", blk * 1024 + 128, 512, blk)
    smash(root / "super.img", 1024, 1024, 0, zero=True)  # the primary superblock zeroed
    (root / "meddle.cmd").write_text("freeb 3000 400\nclri <40>\nclri <41>\nunlink /notes/album-03.txt\n"
                                     "sif <50> links_count 7\nsif <60> block[2] 12\nunlink /notes/album-07.txt\n"
                                     "set_super_value free_inodes_count 9\nsif <70> dtime 12345\n"
                                     + "".join(f"sif <{i}> size {i * 7}\n" for i in range(80, 140, 6))
                                     + "".join(f"clri <{i}>\n" for i in range(150, 190, 5))
                                     + "freeb 5200 300\nsif <2> links_count 40\nsif <200> mode 0170644\n")
    run("debugfs -w -f meddle.cmd meddled.img", cwd=root)
    run("mkfs.ext4 -q -F -b 1024 -N 8192 -L archive -d tree big.img 600M", cwd=root)
    dirs = sorted(str(p.relative_to(root / "tree")) for p in (root / "tree").glob("*/*") if p.is_dir())
    (root / "ls.cmd").write_text("".join(f"ls -l /{d}\n" for d in dirs))
    cap("e2fsck-inodes", "e2fsck -fn inodes.img; echo EXIT=$?", root, n_e2fsck)
    cap("e2fsck-super", "e2fsck -fn super.img; echo EXIT=$?; e2fsck -fn -b 8193 -B 1024 super.img 2>&1 | tail -n 40",
        root, n_e2fsck)
    cap("e2fsck-meddled", "e2fsck -fn meddled.img 2>&1 | head -n 100", root, n_e2fsck)
    cap("dumpe2fs-h", "dumpe2fs -h shoebox.img", root, n_dumpe2fs)
    cap("dumpe2fs-groups", "dumpe2fs big.img 2>&1 | head -n 400", root, n_dumpe2fs)
    cap("debugfs-stat", "debugfs -R 'stat <12>' shoebox.img; debugfs -R 'stat <45>' inodes.img; "
        "debugfs -R 'stat /notes/album-03.txt' meddled.img; for i in 50 60 70 86 155 200; do "
        "debugfs -R \"stat <$i>\" meddled.img; done 2>&1", root, n_debugfs)
    cap("debugfs-ls", "debugfs -f ls.cmd shoebox.img", root, n_debugfs)
    cap("tune2fs-l", "tune2fs -l shoebox.img; tune2fs -l super.img; echo EXIT=$?; tune2fs -l meddled.img", root,
        n_tune2fs)


def xfs_proto(tree: Path) -> str:
    """mkfs.xfs's protofile for a tree (files copied from their paths)."""
    def walk(d: Path, depth: int) -> list[str]:
        out = []
        for p in sorted(d.iterdir()):
            pad = " " * depth
            if p.is_dir():
                out += [f"{pad}{p.name} d--755 1000 1000"] + walk(p, depth + 1) + [f"{pad}$"]
            else:
                out.append(f"{pad}{p.name} ---644 1000 1000 {p}")
        return out
    return "\n".join(["/dev/null", "0 0", "d--755 1000 1000", *walk(tree, 1), "$", ""])


def xfs(tmp: Path) -> None:
    root = tmp / "xfs"
    root.mkdir()
    shoebox(root / "tree", 2161, 320)
    (root / "proto").write_text(xfs_proto(root / "tree"))
    for name in ["shoebox", "inodes", "ag"]:
        run(f"truncate -s 320M {name}.img && mkfs.xfs -q -f -L shoebox -p proto {name}.img", cwd=root)
    sb = run("xfs_db -r -c 'sb 0' -c 'p rootino' -c 'p inodesize' -c 'p agblocks' -c 'p blocksize' shoebox.img", cwd=root)
    val = {k: int(v) for k, v in re.findall(r"^(\w+) = (\d+)", sb, re.M)}
    rootino, isz = val.get("rootino", 128), val.get("inodesize", 512)
    for k in range(4, 60, 5):  # inode cores of the first files overwritten
        smash(root / "inodes.img", (rootino + k) * isz + 8, 90, k)
    ag = val.get("agblocks", 20480) * val.get("blocksize", 4096)
    smash(root / "ag.img", ag, 512, 1, zero=True)  # AG 1's superblock
    smash(root / "ag.img", ag + 1024, 1024, 2)  # AG 1's AGI and AGFL
    cap("xfs-repair-inodes", "xfs_repair -n inodes.img; echo EXIT=$?", root, n_xfs_repair)
    cap("xfs-repair-ag", "xfs_repair -n ag.img; echo EXIT=$?", root, n_xfs_repair)
    cap("xfs-db-sb", f"xfs_db -r -c 'sb 0' -c p -c 'inode {rootino + 9}' -c p shoebox.img", root, n_xfs_db)
    cap("xfs-db-bad", f"xfs_db -r -c 'sb 1' -c p -c 'agi 1' -c p ag.img; xfs_db -r -c 'inode {rootino + 9}' -c p "
        "-c 'freesp -s' -c frag inodes.img; echo EXIT=$?", root, n_xfs_db)


def btrfs(tmp: Path) -> None:
    root = tmp / "btrfs"
    root.mkdir()
    shoebox(root / "tree", 2162, 400)
    for name in ["shoebox", "leaves", "super"]:
        run(f"truncate -s 300M {name}.img && mkfs.btrfs -q -f -L shoebox --rootdir tree {name}.img", cwd=root)
    img = root / "leaves.img"
    data = img.read_bytes()
    fsid = data[65536 + 32:65536 + 48]
    nodesize = struct.unpack_from("<I", data, 65536 + 148)[0] or 16384
    blocks: dict[int, list[int]] = {}
    for off in range(0, len(data), nodesize):
        if data[off + 32:off + 48] == fsid and off != 65536:
            bytenr, owner = struct.unpack_from("<Q", data, off + 48)[0], struct.unpack_from("<Q", data, off + 88)[0]
            if owner == 5:  # FS_TREE blocks, every copy
                blocks.setdefault(bytenr, []).append(off)
    rnd = random.Random(2163)
    for bytenr in rnd.sample(sorted(blocks), min(3, len(blocks))):
        for off in blocks[bytenr]:
            smash(img, off + 400, 600, bytenr % 1000)
    smash(root / "super.img", 65536, 64, 3, zero=True)  # the primary superblock's csum and fsid
    cap("btrfs-check-leaves", "btrfs check --readonly leaves.img; echo EXIT=$?", root, n_btrfs_check)
    cap("btrfs-check-super", "btrfs check super.img; echo EXIT=$?; btrfs check --super 1 super.img 2>&1 | tail -n 40",
        root, n_btrfs_check)
    cap("btrfs-dump-super", "btrfs inspect-internal dump-super -f shoebox.img", root, n_btrfs_super)
    cap("btrfs-dump-super-all", "btrfs inspect-internal dump-super -a super.img 2>&1; echo EXIT=$?", root, n_btrfs_super)


def fat(tmp: Path) -> None:
    root = tmp / "fat"
    root.mkdir()
    shoebox(root / "tree", 2164, 300)
    for name in ["shoebox", "crossed", "freed", "differ"]:
        run(f"mkfs.fat -C -F 16 -n SHOEBOX -i 2160216 {name}.img 32768 >/dev/null && "
            f"mcopy -s -i {name}.img tree/* ::/", cwd=root)
    boot = (root / "shoebox.img").read_bytes()[:64]
    bps = struct.unpack_from("<H", boot, 11)[0]
    reserved, nfats, fatsz = struct.unpack_from("<H", boot, 14)[0], boot[16], struct.unpack_from("<H", boot, 22)[0]
    fat0 = reserved * bps
    fatb = fatsz * bps
    data = (root / "shoebox.img").read_bytes()
    entries = [struct.unpack_from("<H", data, fat0 + 2 * i)[0] for i in range(fatb // 2)]
    used = [i for i, e in enumerate(entries) if i >= 2 and e not in (0,)]
    rnd = random.Random(2165)
    def put(name, idx, val, which=(0, 1)):
        with open(root / name, "r+b") as f:
            for k in which:
                if k < nfats:
                    f.seek(fat0 + k * fatb + 2 * idx)
                    f.write(struct.pack("<H", val))
    chains = [i for i in used if entries[i] not in (0xFFFF, 0xFFF8) and entries[i] >= 2]
    for idx in rnd.sample(chains, 14):  # a link pointed into another file's clusters
        put("crossed.img", idx, rnd.choice(used))
    for idx in rnd.sample(chains, 36):  # clusters in use marked free
        put("freed.img", idx, 0)
    for idx in rnd.sample(chains, 8):  # the first FAT alone changed
        put("differ.img", idx, 0xFFF7, which=(0,))
    with open(root / "differ.img", "r+b") as f:  # the dirty bit set
        f.seek(37)
        f.write(b"\x01")
    cap("fsck-fat-crossed", "fsck.fat -n -v crossed.img; echo EXIT=$?", root, n_fsck_fat)
    cap("fsck-fat-freed", "fsck.fat -n freed.img 2>&1 | head -n 100", root, n_fsck_fat)
    cap("fsck-fat-differ", "fsck.fat -n -v differ.img 2>&1 | tail -n 80; echo EXIT=$?; fsck.fat -n shoebox.img",
        root, n_fsck_fat)
    cap("mdir-all", "mdir -i shoebox.img -/ ::/ | head -n 400", root, n_mdir)
    cap("mdir-crossed", "mdir -i crossed.img ::/2019; mdir -i crossed.img -a ::/notes; mdir -i crossed.img ::/nope; "
        "echo EXIT=$?", root, n_mdir)


STEPS = [ext, xfs, btrfs, fat]
