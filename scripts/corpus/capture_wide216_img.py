"""Round 216, images and volumes: squashfs (mksquashfs, unsquashfs), ISO 9660 (isoinfo, xorriso), partition tables
on image files (sfdisk, parted), LUKS headers (cryptsetup luksDump) and qcow2 disks (qemu-img info, check, compare),
made from the seeded `shoebox` photo archive, then damaged on purpose (a truncated image, overwritten bytes, a torn
GPT header, overlapping MBR entries, a wiped keyslot area, zeroed and doubled L2 entries). The extractors are this
round's (NEEDLES.md, "Round 216"). Run through capture_wide216.py."""

from __future__ import annotations

import random
import re
import struct
from pathlib import Path

from capture_more import kind, run
from capture_wide216 import cap, exit_lines, first_last, pick, problems, shoebox, smash, truncate

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 216")


@kind("mksquashfs", "build")
def n_mksquashfs(lines):
    """Rule 1+3+5: every error/warning line, the summary's filesystem, size, inode table and Number of files/fragments/directories/inodes/duplicates/ids lines; -info's first and last file lines."""
    out = problems(lines, r"FATAL ERROR|[Ff]ailed|Cannot|[Ww]arning|Unrecognised|Could not")
    out += pick(lines, r"^Squashfs \d\.\d filesystem|^Filesystem size|^Inode table size|^Number of (files|fragments|"
                       r"directories|inodes|duplicate files found|ids)")
    out += first_last(pick(lines, r"^file .*, uncompressed size|^mksquashfs: file "))
    return out + exit_lines(lines)


@kind("unsquashfs", "listing")
def n_unsquashfs(lines):
    """Rule 1+4+5: -s's superblock, creation time, size, compression, block size, fragments/inodes/ids lines; a listing's first and last rows; inodes-to-write and created lines; every error line."""
    out = pick(lines, r"Found a valid .*SQUASHFS|^Creation or last append time|^Filesystem size|^Compression|"
                      r"^Block size|^Number of (fragments|inodes|ids)|inodes \(\d+ blocks\) to write|^created \d+")
    out += problems(lines, r"FATAL ERROR|read_block|[Ff]ailed|Can't find a SQUASHFS|read_fs_bytes|[Ee]rror|[Cc]orrupt")
    out += first_last([ln for ln in lines if re.search(r"(^|\s)squashfs-root", ln)])
    return out + exit_lines(lines)


@kind("isoinfo", "listing")
def n_isoinfo(lines):
    """Rule 4+5: -d's volume id, volume size, block size, Rock Ridge/Joliet/El Torito lines; every Directory listing line and the largest file's row; every error line."""
    out = pick(lines, r"^Volume id:|^Volume size is:|^Logical block size is:|Rock Ridge|Joliet|El Torito|"
                      r"^Directory listing of ")
    rows = [ln for ln in lines if re.match(r"^[-d][-rwxsStT]{9}\s+\d+\s+\d+\s+\d+\s+\d+ ", ln)]
    if rows:
        out.append(max(rows, key=lambda ln: int(ln.split()[4])))
    out += problems(lines, r"isoinfo:|Read error|Seek error|[Uu]nable|[Ee]rror")
    return out + exit_lines(lines)


@kind("xorriso", "listing")
def n_xorriso(lines):
    """Rule 1+4+5: every FAILURE/SORRY/WARNING/FATAL/MISHAP line, the start report's Volume id/Media current/status/summary/Boot record lines, each listing's first and last rows, Valid ISO nodes lines, -check_md5 verdicts, -du's last line."""
    out = problems(lines, r": (FAILURE|SORRY|WARNING|FATAL|MISHAP) :|MD5 MISMATCH|[Mm]ismatch")
    out += pick(lines, r"^Volume id|^Media current|^Media status|^Media summary|^Boot record|Valid ISO nodes found|"
                       r"MD5 tag range|matching|^Volume Set Id|^Volume Id")
    block: list[str] = []
    for ln in lines + [""]:
        if re.match(r"^([-dl][-rwxsStT]{9}\s|'[^']*'$)", ln):
            block.append(ln)
        elif block:
            out += first_last(block)
            block = []
    du = [ln for ln in lines if re.match(r"^\d+k\s+'", ln)]
    return out + du[-1:] + exit_lines(lines)


@kind("sfdisk", "table")
def n_sfdisk(lines):
    """Rule 1+4+5: label/label-id/device/unit/first-lba/last-lba lines, every partition line, -l's Disk and Disklabel type lines, every error or warning line."""
    out = pick(lines, r"^(label|label-id|device|unit|first-lba|last-lba|sector-size):|^\S+\d+ : start=|^Disk /?\S+: |"
                      r"^Disklabel type:|^Device\s+(Boot\s+)?Start")
    out += [ln for ln in lines if re.match(r"^\S+\.img\d+\s", ln)]
    out += problems(lines, r"sfdisk:|does not contain a recognized|mismatch|corrupt|[Oo]verlap|does not start|"
                           r"Remaining \d+ unallocated|[Ww]arning|[Ee]rror|[Ii]nvalid")
    return out + exit_lines(lines)


@kind("parted-print", "table")
def n_parted(lines):
    """Rule 1+4+5: Model/Disk/Sector size/Partition Table/Disk Flags lines, the column header, every partition row, every Error/Warning line and the line after it."""
    out = pick(lines, r"^Model:|^Disk \S+:|^Sector size|^Partition Table:|^Disk Flags:|^Number\s+Start")
    out += [ln for ln in lines if re.match(r"^\s*\d+\s+\d+\S*\s+\d+\S*\s+\d+", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^(Error|Warning):", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    out += problems(lines, r"corrupt|unrecognised disk label|Not all of the space|overlap|outside the disk|[Ee]rror")
    return out + exit_lines(lines)


@kind("luks-dump", "table")
def n_luks(lines):
    """Rule 1+5: Version/UUID/Label lines, keyslot heading rows, each keyslot's Cipher/Cipher key/PBKDF lines, digest and segment entry rows with offset/length/cipher; every error line."""
    out = pick(lines, r"^(Version|UUID|Label|Cipher name|Cipher mode|Hash spec|Payload offset|MK bits):|"
                      r"^\s+\d+: (luks2|pbkdf2|crypt|argon2)|^Key Slot \d+: |^\s+(Cipher|Cipher key|PBKDF|offset|length|"
                      r"cipher):")
    out += problems(lines, r"not a valid|[Ff]ailed|[Cc]hecksum|[Cc]orrupt|[Ii]nvalid|Unsupported|[Ee]rror|"
                           r"Device .* is not")
    return out + exit_lines(lines)


@kind("qemu-img-info", "json")
def n_qemu_info(lines):
    """Rule 5: image/file format/virtual size/disk size/cluster_size/backing file/corrupt/compat lines, or JSON's filename/format/virtual-size/actual-size/cluster-size/backing-filename/corrupt/dirty-flag lines; every qemu-img error line."""
    out = pick(lines, r"^(image|file format|virtual size|disk size|cluster_size|backing file|backing file format):|"
                      r"^\s+(corrupt|compat):|\"(filename|format|virtual-size|actual-size|cluster-size|backing-filename|"
                      r"corrupt|dirty-flag)\":")
    out += problems(lines, r"^qemu-img:|[Ee]rror|[Ff]ailed")
    return out + exit_lines(lines)


@kind("qemu-img-check", "lint")
def n_qemu_check(lines):
    """Rule 1+3: every ERROR/Leaked cluster/Warning/Repairing line, shapes over 3 lines as one any; the errors/leaked/no errors/image end offset/allocated summary lines, JSON's corruptions/leaks/check-errors/image-end-offset; qemu-img lines."""
    out = problems(lines, r"ERROR|Leaked cluster|[Ww]arning|Rebuilding|Repairing|^qemu-img:")
    out += pick(lines, r"errors? were found on the image|leaked clusters? were found|No errors were found|"
                       r"^Image end offset:|allocated, .*fragmented|\"(corruptions|leaks|check-errors|"
                       r"image-end-offset|corruptions-fixed|leaks-fixed)\":")
    return out + exit_lines(lines)


@kind("qemu-img-compare", "lint")
def n_qemu_compare(lines):
    """Rule 1+3: Content mismatch / Images are identical / image size mismatch lines, every qemu-img error line."""
    out = pick(lines, r"Content mismatch at offset|Images are identical|[Ss]ize mismatch|^qemu-img:|[Ee]rror")
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the steps


def squash(tmp: Path) -> None:
    root = tmp / "squash"
    root.mkdir()
    shoebox(root / "tree", 2166, 500, big=2)
    run("cp -r tree/2019 tree/2019-dup", cwd=root)  # duplicates for the dedup count
    run("mksquashfs tree shoebox.sqfs -noappend -no-progress -comp gzip >/dev/null 2>&1 && "
        "cp shoebox.sqfs cut.sqfs && cp shoebox.sqfs torn.sqfs", cwd=root)
    truncate(root / "cut.sqfs", 0.6)
    size = (root / "torn.sqfs").stat().st_size
    for k, off in enumerate(range(size - 60_000, size - 2_000, 7_000)):  # the metadata tables at the end
        smash(root / "torn.sqfs", off, 300, k)
    run("mksquashfs tree out.sqfs -noappend -no-progress -comp xz -b 256K", cwd=root)
    cap("mksquashfs-info", "mksquashfs tree info.sqfs -noappend -info -comp lzo 2>&1 | tail -n 120", root, n_mksquashfs)
    cap("mksquashfs-bad", "mksquashfs tree missing/ shoebox.sqfs -comp zstdx; echo EXIT=$?; "
        "mksquashfs tree nope/x.sqfs -noappend; echo EXIT=$?; mksquashfs tree shoebox.sqfs -no-progress -e notes",
        root, n_mksquashfs)
    cap("unsquashfs-s", "unsquashfs -s shoebox.sqfs; unsquashfs -s out.sqfs", root, n_unsquashfs)
    cap("unsquashfs-ll", "unsquashfs -ll shoebox.sqfs | head -n 300", root, n_unsquashfs)
    cap("unsquashfs-cut", "unsquashfs -s cut.sqfs; unsquashfs -d out-cut cut.sqfs 2>&1 | tail -n 60; echo EXIT=$?; "
        "unsquashfs -l cut.sqfs | tail -n 40", root, n_unsquashfs)
    cap("unsquashfs-torn", "unsquashfs -s torn.sqfs; unsquashfs -l torn.sqfs 2>&1 | head -n 100; echo EXIT=$?", root,
        n_unsquashfs)


def iso(tmp: Path) -> None:
    root = tmp / "iso"
    root.mkdir()
    shoebox(root / "tree", 2167, 360)
    run("genisoimage -quiet -R -J -V SHOEBOX_2019 -o shoebox.iso tree && cp shoebox.iso cut.iso", cwd=root)
    run("xorriso -outdev md5.iso -volid SHOEBOX_MD5 -md5 on -map tree / >/dev/null 2>&1 && cp md5.iso torn.iso",
        cwd=root)
    truncate(root / "cut.iso", 0.5)
    size = (root / "torn.iso").stat().st_size
    for k in range(6):  # file data blocks in the middle
        smash(root / "torn.iso", size // 3 + k * 200_000, 4096, k)
    cap("isoinfo-l", "isoinfo -l -R -i shoebox.iso | head -n 500", root, n_isoinfo)
    cap("isoinfo-cut", "isoinfo -l -J -i cut.iso 2>&1 | tail -n 80; isoinfo -x '/NOTES/ALBUM_03.TXT;1' -i cut.iso | "
        "head -n 5; isoinfo -d -i missing.iso; echo EXIT=$?", root, n_isoinfo)
    cap("xorriso-ls", "xorriso -indev shoebox.iso -lsl /2018 /notes -du /2019 2>&1", root, n_xorriso)
    cap("xorriso-find", "xorriso -indev md5.iso -find / -type f -name '*.cr2' -exec lsdl -- 2>&1 | head -n 100", root,
        n_xorriso)
    cap("xorriso-md5", "xorriso -md5 on -indev torn.iso -check_md5_r SORRY / -- 2>&1 | tail -n 80; echo EXIT=$?", root,
        n_xorriso)
    cap("xorriso-cut", "xorriso -indev cut.iso -ls / -- -ls /notes -- -lsl /2020/0* -- 2>&1; echo EXIT=$?", root, n_xorriso)


GPT = """label: gpt
label-id: 2160A11C-0216-4216-8216-C0FFEE000216
first-lba: 2048
start=2048, size=65536, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="EFI system"
start=67584, size=262144, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="root"
start=329728, size=131072, type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F, name="swap"
start=460800, size=65536, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="photos"
start=526336, size=40960, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="scratch"
"""
MBR = """label: dos
label-id: 0x02160216
start=2048, size=204800, type=83, bootable
start=206848, size=204800, type=82
start=411648, size=400000, type=5
start=413696, size=100000, type=83
start=515744, size=120000, type=83
"""


def parts(tmp: Path) -> None:
    root = tmp / "parts"
    root.mkdir()
    (root / "gpt.txt").write_text(GPT)
    (root / "mbr.txt").write_text(MBR)
    run("truncate -s 300M gpt.img && sfdisk -q gpt.img < gpt.txt && cp gpt.img torn.img && cp gpt.img cut.img && "
        "truncate -s 400M mbr.img && sfdisk -q mbr.img < mbr.txt && cp mbr.img overlap.img", cwd=root)
    smash(root / "torn.img", 512 + 16, 8, 1)  # the primary GPT header's CRC field
    truncate(root / "cut.img", 0.8)  # the backup GPT is gone
    with open(root / "overlap.img", "r+b") as f:  # MBR entry 2 made to start inside entry 1, entry 4 past the disk
        f.seek(446 + 16 + 8)
        f.write(struct.pack("<I", 150000))
        f.seek(446 + 48 + 8)
        f.write(struct.pack("<II", 900000, 50000))
    cap("sfdisk-l", "for f in gpt.img mbr.img; do sfdisk -d $f; sfdisk -l $f; sfdisk -V $f; done", root, n_sfdisk)
    cap("sfdisk-torn", "for f in torn.img cut.img overlap.img; do sfdisk -V $f; sfdisk -l $f; sfdisk -d $f; "
        "echo EXIT=$?; done 2>&1", root, n_sfdisk)
    cap("parted-print", "parted -s gpt.img unit s print free; parted -s mbr.img unit MiB print free; "
        "parted -s -m gpt.img unit B print; parted -s gpt.img align-check optimal 5", root, n_parted)
    cap("parted-torn", "for f in torn.img cut.img overlap.img blank.img; do parted -s $f unit s print; echo EXIT=$?; "
        "done 2>&1; truncate -s 10M blank.img; parted -s blank.img print; echo EXIT=$?", root, n_parted)


def luks(tmp: Path) -> None:
    root = tmp / "luks"
    root.mkdir()
    (root / "key1").write_bytes(random.Random(1).randbytes(64))
    (root / "key2").write_bytes(random.Random(2).randbytes(64))
    (root / "token.json").write_text('{"type": "shoebox-tpm", "keyslots": [], "pcrs": [0, 7], "created": "2026-03-01"}')
    fast = "--pbkdf pbkdf2 --pbkdf-force-iterations 1000"
    run(f"truncate -s 24M vault2.img && cryptsetup luksFormat -q --type luks2 {fast} --label shoebox-vault "
        f"--uuid 2160c0de-0216-4216-8216-00000000a216 --key-file key1 vault2.img && "
        f"cryptsetup luksAddKey -q {fast} --key-file key1 vault2.img key2 && "
        f"truncate -s 8M vault1.img && cryptsetup luksFormat -q --type luks1 {fast} --key-file key1 vault1.img && "
        f"cryptsetup luksAddKey -q {fast} --key-file key1 vault1.img key2 && "
        f"cp vault2.img torn2.img && cp vault1.img torn1.img", cwd=root)
    for k in range(3, 9):
        (root / f"key{k}").write_bytes(random.Random(k).randbytes(64))
        run(f"cryptsetup luksAddKey -q {fast} --key-file key1 vault2.img key{k}", cwd=root)
    run(f"cryptsetup luksKillSlot -q --key-file key1 vault2.img 4 && cryptsetup token import --json-file token.json "
        f"--key-slot 2 vault2.img", cwd=root)
    smash(root / "torn2.img", 0, 8, 1)  # the primary header's magic
    smash(root / "torn2.img", 16384, 8, 2)  # and the secondary's
    smash(root / "torn1.img", 168, 32, 3)  # luks1's key digest and salt
    cap("luks-dump2", "cryptsetup luksDump vault2.img", root, n_luks)
    cap("luks-dump1", "cryptsetup luksDump vault1.img; cryptsetup luksDump --dump-json-metadata vault2.img", root, n_luks)
    cap("luks-dump-torn", "cryptsetup luksDump torn2.img; echo EXIT=$?; cryptsetup luksDump torn1.img; "
        "cryptsetup open --test-passphrase --key-file key1 torn1.img; echo EXIT=$?", root, n_luks)


def qemu(tmp: Path) -> None:
    root = tmp / "qemu"
    root.mkdir()
    shoebox(root / "tree", 2168, 200)
    run("mkfs.ext4 -q -F -b 4096 -d tree disk.raw 64M && qemu-img convert -f raw -O qcow2 -o cluster_size=65536 "
        "disk.raw disk.qcow2 && qemu-img create -q -f qcow2 -b disk.qcow2 -F qcow2 over.qcow2 && "
        "qemu-io -c 'write -P 0xab 1M 256k' -c 'write -P 0x21 40M 64k' over.qcow2 >/dev/null && "
        "cp disk.qcow2 leaked.qcow2 && cp disk.qcow2 doubled.qcow2 && cp disk.qcow2 cut.qcow2 && "
        "qemu-img convert -O vmdk disk.qcow2 disk.vmdk && qemu-img convert -O vdi disk.qcow2 disk.vdi", cwd=root)

    def l2_entries(path: Path) -> list[tuple[int, int]]:
        data = path.read_bytes()
        l1_size, l1_off = struct.unpack_from(">IQ", data, 36)
        out = []
        for i in range(l1_size):
            l2 = struct.unpack_from(">Q", data, l1_off + 8 * i)[0] & 0x00FFFFFFFFFFFE00
            if l2:
                for j in range(65536 // 8):
                    e = struct.unpack_from(">Q", data, l2 + 8 * j)[0]
                    if e & 0x00FFFFFFFFFFFE00:
                        out.append((l2 + 8 * j, e))
        return out

    ents = l2_entries(root / "leaked.qcow2")
    rnd = random.Random(2169)
    with open(root / "leaked.qcow2", "r+b") as f:  # L2 entries zeroed: their clusters leak
        for pos, _ in rnd.sample(ents, min(140, len(ents))):
            f.seek(pos)
            f.write(bytes(8))
    with open(root / "doubled.qcow2", "r+b") as f:  # L2 entries pointed at another entry's cluster
        picks = rnd.sample(ents, min(120, len(ents)))
        for (pos, _), (_, e) in zip(picks[::2], picks[1::2]):
            f.seek(pos)
            f.write(struct.pack(">Q", e))
    truncate(root / "cut.qcow2", 0.7)
    (root / "changed.raw").write_bytes((root / "disk.raw").read_bytes())
    smash(root / "changed.raw", 5_000_000, 4096, 4)
    cap("qemu-img-info-json", "qemu-img info --output=json --backing-chain over.qcow2; "
        "for f in disk.vmdk disk.vdi cut.qcow2; do qemu-img info --output=json $f; done; echo EXIT=$?", root, n_qemu_info)
    cap("qemu-img-check-leaked", "qemu-img check leaked.qcow2; echo EXIT=$?", root, n_qemu_check)
    cap("qemu-img-check-doubled", "qemu-img check doubled.qcow2 2>&1 | head -n 100; "
        "qemu-img check --output=json doubled.qcow2", root, n_qemu_check)
    cap("qemu-img-check-cut", "qemu-img check cut.qcow2 2>&1 | tail -n 60; echo EXIT=$?; "
        "cp leaked.qcow2 fix.qcow2 && qemu-img check -r leaks fix.qcow2", root, n_qemu_check)
    cap("qemu-img-compare", "for f in disk.qcow2 disk.vmdk disk.vdi changed.raw leaked.qcow2 doubled.qcow2 cut.qcow2 "
        "over.qcow2; do echo \"== $f\"; qemu-img compare disk.raw $f; echo EXIT=$?; done 2>&1; "
        "qemu-img compare -s over.qcow2 disk.qcow2; echo EXIT=$?", root, n_qemu_compare)


STEPS = [squash, iso, parts, luks, qemu]
