"""Round 227, round 216's kinds on new material: images made from the seeded `fieldnotes` survey archive without
mounting (`mkfs.ext4 -d`, `mkfs.xfs -p protofile`, `mkfs.btrfs --rootdir`, `mcopy` into FAT32, `mksquashfs`,
`genisoimage` with an El Torito record, `sfdisk` scripts, `cryptsetup luksFormat` on plain files, `qemu-img convert`)
and damaged in other places than round 216 damaged its images. Every extractor is round 216's, imported (NEEDLES.md,
"Round 227"). Run through capture_wide227.py."""

from __future__ import annotations

import random
import re
import struct
from pathlib import Path

from capture_more import run
from capture_wide216 import smash, truncate
from capture_wide216_fs import (n_btrfs_check, n_btrfs_super, n_debugfs, n_dumpe2fs, n_e2fsck, n_fsck_fat, n_mdir,
                                n_tune2fs, n_xfs_db, n_xfs_repair, xfs_proto)
from capture_wide216_img import (n_isoinfo, n_luks, n_mksquashfs, n_parted, n_qemu_check, n_qemu_compare,
                                 n_qemu_info, n_sfdisk, n_unsquashfs, n_xorriso)
from capture_wide227 import cap, fieldnotes


def ext(tmp: Path) -> None:
    root = tmp / "ext"
    root.mkdir()
    fieldnotes(root / "tree", 2271, 280)
    for name in ["notes", "gdt", "dirs"]:
        run(f"mkfs.ext4 -q -F -b 1024 -N 3072 -L fieldnotes -U 2270c0de-0227-4227-8227-000000000227 "
            f"-d tree {name}.img 56M", cwd=root)
    run("mkfs.ext4 -q -F -b 1024 -N 16384 -L survey-2026 -d tree big.img 220M", cwd=root)
    smash(root / "gdt.img", 2048, 1024, 2271, zero=True)  # the primary group descriptor table zeroed
    smash(root / "gdt.img", 8193 * 1024 + 2048, 256, 2272)  # and group 1's backup descriptors garbled
    dirs = sorted(str(p.relative_to(root / "tree")) for p in (root / "tree").glob("*/*") if p.is_dir())
    rnd = random.Random(2273)
    victims = rnd.sample(dirs, 6)
    files = sorted(str(p.relative_to(root / "tree")) for p in (root / "tree").rglob("*") if p.is_file())
    (root / "meddle.cmd").write_text(
        f"clri /{victims[0]}\nclri /{victims[1]}\nsif /{victims[2]} mode 0100644\nsif /{victims[3]} links_count 9\n"
        + "".join(f"freei /{f}\n" for f in rnd.sample(files, 7))
        + "".join(f"sif /{f} size {rnd.randrange(1, 900)}\n" for f in rnd.sample(files, 5))
        + "setb 30000 250\nfreeb 4000 120\nset_super_value free_blocks_count 77\n"
        + f"unlink /{victims[4]}\nsif /reference links_count 0\n")
    run("debugfs -w -f meddle.cmd dirs.img", cwd=root)
    (root / "probe.cmd").write_text("".join(f"ls -l /{d}\n" for d in dirs[:4]) + f"stat /{victims[2]}\n"
                                    f"stat /{victims[3]}\nls -l /{victims[0]}\nstat /{files[10]}\nstat <{11}>\n"
                                    f"ls -l /{victims[4]}\n")
    cap("e2fsck-gdt", "e2fsck -fn gdt.img; echo EXIT=$?; e2fsck -fn dirs.img 2>&1 | head -n 150", root, n_e2fsck)
    cap("e2fsck-dirs-fy", "cp dirs.img fix.img && e2fsck -fy fix.img 2>&1 | tail -n 120; echo EXIT=$?; "
        "e2fsck -fn fix.img", root, n_e2fsck)
    cap("dumpe2fs-big", "dumpe2fs -h gdt.img; echo EXIT=$?; dumpe2fs big.img 2>/dev/null | tail -n 90", root, n_dumpe2fs)
    cap("debugfs-probe", "debugfs -f probe.cmd dirs.img 2>&1", root, n_debugfs)
    cap("tune2fs-l", "tune2fs -l big.img; tune2fs -l gdt.img; echo EXIT=$?", root, n_tune2fs)


def xfs(tmp: Path) -> None:
    root = tmp / "xfs"
    root.mkdir()
    fieldnotes(root / "tree", 2274, 300)
    (root / "proto").write_text(xfs_proto(root / "tree"))
    for name in ["notes", "agf"]:
        run(f"truncate -s 360M {name}.img && mkfs.xfs -q -f -L fieldnotes -p proto {name}.img", cwd=root)
    sb = run("xfs_db -r -c 'sb 0' -c 'p rootino' -c 'p inodesize' -c 'p agblocks' -c 'p blocksize' notes.img", cwd=root)
    val = {k: int(v) for k, v in re.findall(r"^(\w+) = (\d+)", sb, re.M)}
    rootino, isz = val.get("rootino", 128), val.get("inodesize", 512)
    ag = val.get("agblocks", 23040) * val.get("blocksize", 4096)
    smash(root / "agf.img", 2 * ag + 512, 512, 7)  # AG 2's AGF garbled
    smash(root / "agf.img", 3 * ag + 1536, 512, 8, zero=True)  # AG 3's AGFL zeroed
    for k in (1, 2, 3):  # the first directories' inode cores under the root
        smash(root / "agf.img", (rootino + k) * isz + 96, 40, 20 + k)
    cap("xfs-repair-agf", "xfs_repair -n agf.img 2>&1 | tail -n 100; echo EXIT=$?", root, n_xfs_repair)
    cap("xfs-db-notes", f"xfs_db -r -c 'sb 0' -c p -c 'freesp -s' -c frag -c 'inode {rootino}' -c p notes.img; "
        f"xfs_db -r -c 'agf 2' -c p agf.img; echo EXIT=$?", root, n_xfs_db)


def btrfs(tmp: Path) -> None:
    root = tmp / "btrfs"
    root.mkdir()
    fieldnotes(root / "tree", 2275, 380)
    for name in ["notes", "extents", "label", "data"]:
        run(f"truncate -s 320M {name}.img && mkfs.btrfs -q -f -L fieldnotes --rootdir tree {name}.img", cwd=root)
    img = root / "extents.img"
    data = img.read_bytes()
    fsid = data[65536 + 32:65536 + 48]
    nodesize = struct.unpack_from("<I", data, 65536 + 148)[0] or 16384
    blocks: dict[int, list[int]] = {}
    for off in range(0, len(data), nodesize):
        if data[off + 32:off + 48] == fsid and off != 65536:
            bytenr, owner = struct.unpack_from("<Q", data, off + 48)[0], struct.unpack_from("<Q", data, off + 88)[0]
            if owner == 2:  # EXTENT_TREE blocks, every copy
                blocks.setdefault(bytenr, []).append(off)
    rnd = random.Random(2276)
    for bytenr in rnd.sample(sorted(blocks), min(2, len(blocks))):
        for off in blocks[bytenr]:
            smash(img, off + 700, 400, bytenr % 997)
    for k in range(40):  # 4 KiB stretches across the data chunk's first part (file contents)
        smash(root / "data.img", 12 * 2**20 + k * 350_000, 4096, 2300 + k)
    smash(root / "label.img", 65536 + 0x12B, 12, 2277)  # the primary superblock's label, its csum left stale
    cap("btrfs-check-extents", "btrfs check --readonly extents.img; echo EXIT=$?; "
        "btrfs check --readonly --check-data-csum data.img 2>&1 | head -n 120; echo EXIT=$?", root, n_btrfs_check)
    cap("btrfs-dump-super-label", "btrfs inspect-internal dump-super -a label.img; echo EXIT=$?", root, n_btrfs_super)


def fat(tmp: Path) -> None:
    root = tmp / "fat"
    root.mkdir()
    fieldnotes(root / "tree", 2278, 320)
    for name in ["notes", "loops"]:
        run(f"mkfs.fat -C -F 32 -s 1 -n FIELDNOTES -i 2270227 {name}.img 65536 >/dev/null && "
            f"mcopy -s -i {name}.img tree/* ::/", cwd=root)
    boot = (root / "notes.img").read_bytes()[:64]
    bps = struct.unpack_from("<H", boot, 11)[0]
    reserved, nfats, fatsz = struct.unpack_from("<H", boot, 14)[0], boot[16], struct.unpack_from("<I", boot, 36)[0]
    fat0, fatb = reserved * bps, fatsz * bps
    data = (root / "notes.img").read_bytes()
    entries = [struct.unpack_from("<I", data, fat0 + 4 * i)[0] & 0x0FFFFFFF for i in range(fatb // 4)]
    chains = [i for i, e in enumerate(entries) if i >= 3 and 2 <= e < 0x0FFFFFF0]
    rnd = random.Random(2279)

    def put(idx: int, val: int, which=(0, 1)) -> None:
        with open(root / "loops.img", "r+b") as f:
            for k in which:
                if k < nfats:
                    f.seek(fat0 + k * fatb + 4 * idx)
                    f.write(struct.pack("<I", val))
    picks = rnd.sample(chains, 40)
    for idx in picks[:10]:  # a chain pointed back at itself
        put(idx, idx)
    for idx in picks[10:22]:  # clusters in use marked bad
        put(idx, 0x0FFFFFF7)
    for idx in picks[22:34]:  # a link into a free cluster far out
        put(idx, len(entries) - 50 - rnd.randrange(400))
    for idx in picks[34:]:  # the second FAT alone changed
        put(idx, 0, which=(1,))
    cap("fsck-fat-loops", "fsck.fat -n -v loops.img 2>&1 | head -n 160; echo EXIT=$?", root, n_fsck_fat)
    cap("mdir-regions", "mdir -i notes.img -/ ::/engadin; mdir -i notes.img -a ::/reference; mdir -i notes.img ::/sahara; "
        "echo EXIT=$?", root, n_mdir)


def squash(tmp: Path) -> None:
    root = tmp / "squash"
    root.mkdir()
    fieldnotes(root / "tree", 2280, 520, big=3)
    run("cp -r tree/reference tree/reference-copy", cwd=root)
    run("mksquashfs tree notes.sqfs -noappend -no-progress -comp gzip -b 64K >/dev/null 2>&1 && "
        "cp notes.sqfs torn.sqfs && cp notes.sqfs cut.sqfs", cwd=root)
    smash(root / "torn.sqfs", 64, 8, 2281)  # the superblock's inode table start
    smash(root / "torn.sqfs", 80, 8, 2282)  # and its directory table start
    truncate(root / "cut.sqfs", 0.9)
    cap("mksquashfs-zstd", "mksquashfs tree zstd.sqfs -noappend -no-progress -info -comp zstd -b 128K -e reference-copy | tail -n 90; "
        "mksquashfs tree lz5.sqfs -comp lz5; echo EXIT=$?", root, n_mksquashfs)
    cap("unsquashfs-lln", "unsquashfs -s notes.sqfs; unsquashfs -lln notes.sqfs | tail -n 250", root, n_unsquashfs)
    cap("unsquashfs-torn", "unsquashfs -s torn.sqfs; unsquashfs -d out torn.sqfs 2>&1 | head -n 60; echo EXIT=$?; "
        "unsquashfs -d out2 cut.sqfs 2>&1 | tail -n 40; echo EXIT=$?", root, n_unsquashfs)


def iso(tmp: Path) -> None:
    root = tmp / "iso"
    root.mkdir()
    fieldnotes(root / "tree", 2283, 340)
    (root / "tree" / "boot").mkdir()
    (root / "tree" / "boot" / "boot.bin").write_bytes(random.Random(2283).randbytes(2048))
    run("genisoimage -quiet -J -joliet-long -r -V FIELDNOTES_2026 -b boot/boot.bin -c boot/boot.cat -no-emul-boot "
        "-o notes.iso tree", cwd=root)
    run("xorriso -outdev md5.iso -volid FIELDNOTES_MD5 -md5 on -map tree / >/dev/null 2>&1 && cp md5.iso torn.iso",
        cwd=root)
    size = (root / "torn.iso").stat().st_size
    for k in range(9):  # file data blocks over the image's second half
        smash(root / "torn.iso", size // 2 + k * 150_000, 2048, 40 + k)
    cap("isoinfo-d-l", "isoinfo -d -i notes.iso; isoinfo -l -J -i notes.iso | head -n 300", root, n_isoinfo)
    cap("xorriso-lsl", "xorriso -indev notes.iso -lsl /jura/T01 /jura/T02 /jura/T05 -- -du /wallis -- 2>&1 | head -n 200", root, n_xorriso)
    cap("xorriso-md5-torn", "xorriso -md5 on -indev torn.iso -check_md5_r FAILURE / -- 2>&1 | tail -n 60; "
        "echo EXIT=$?", root, n_xorriso)


GPT = """label: gpt
label-id: 2270A11C-0227-4227-8227-C0FFEE000227
first-lba: 2048
start=2048, size=131072, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="esp"
start=133120, size=409600, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="system"
start=542720, size=65536, type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F, name="swap"
start=608256, size=204800, type=933AC7E1-2EB4-4F13-B844-0E14E2AEF915, name="home"
start=813056, size=98304, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="recordings"
start=911360, size=32768, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="tracks"
"""
MBR = """label: dos
label-id: 0x02270227
start=2048, size=262144, type=c, bootable
start=264192, size=600000, type=f
start=266240, size=200000, type=83
start=468288, size=150000, type=83
start=620336, size=100000, type=82
start=864192, size=150000, type=83
"""


def parts(tmp: Path) -> None:
    root = tmp / "parts"
    root.mkdir()
    (root / "gpt.txt").write_text(GPT)
    (root / "mbr.txt").write_text(MBR)
    run("truncate -s 480M gpt.img && sfdisk -q gpt.img < gpt.txt && cp gpt.img backup.img && "
        "truncate -s 520M mbr.img && sfdisk -q mbr.img < mbr.txt", cwd=root)
    size = (root / "backup.img").stat().st_size
    smash(root / "backup.img", size - 512 + 16, 8, 2284)  # the backup GPT header's CRC
    smash(root / "backup.img", 1024 + 128 * 3 + 32, 16, 2285)  # partition 4's entry in the primary array only
    cap("sfdisk-lv", "for f in gpt.img backup.img mbr.img; do sfdisk -l $f; sfdisk -V $f; echo EXIT=$?; done 2>&1; "
        "sfdisk -d mbr.img", root, n_sfdisk)
    cap("parted-backup", "parted -s backup.img unit MiB print free; echo EXIT=$?; parted -s mbr.img unit s print; "
        "parted -s -m gpt.img unit GB print; parted -s gpt.img unit s print free", root, n_parted)


def luks(tmp: Path) -> None:
    root = tmp / "luks"
    root.mkdir()
    for k in range(1, 7):
        (root / f"key{k}").write_bytes(random.Random(2286 + k).randbytes(48))
    fast = "--pbkdf pbkdf2 --pbkdf-force-iterations 1000"
    run(f"truncate -s 32M field2.img && cryptsetup luksFormat -q --type luks2 {fast} --cipher aes-xts-plain64 "
        f"--key-size 512 --hash sha512 --sector-size 4096 --label fieldnotes-vault --subsystem survey "
        f"--uuid 2270c0de-0227-4227-8227-00000000b227 --key-file key1 field2.img && "
        f"cp field2.img json.img && "
        f"truncate -s 6M field1.img && cryptsetup luksFormat -q --type luks1 {fast} --cipher aes-cbc-essiv:sha256 "
        f"--key-size 256 --hash sha1 --key-file key1 field1.img", cwd=root)
    for k in range(2, 7):
        run(f"cryptsetup luksAddKey -q {fast} --key-file key1 field2.img key{k}", cwd=root)
    run("cryptsetup luksKillSlot -q --key-file key1 field2.img 2", cwd=root)
    run(f"cryptsetup luksAddKey -q {fast} --key-file key1 field1.img key3", cwd=root)
    smash(root / "json.img", 4096 + 40, 64, 2290)  # the primary header's JSON area
    smash(root / "json.img", 16384 + 4096 + 40, 64, 2291)  # and the secondary's
    cap("luks-dump-field", "cryptsetup luksDump field2.img; cryptsetup luksDump field1.img; cryptsetup luksDump json.img; "
        "echo EXIT=$?", root, n_luks)


def qemu(tmp: Path) -> None:
    root = tmp / "qemu"
    root.mkdir()
    fieldnotes(root / "tree", 2292, 220)
    run("mkfs.ext4 -q -F -b 4096 -d tree disk.raw 48M && qemu-img convert -f raw -O qcow2 -o cluster_size=4096 "
        "disk.raw disk.qcow2 && qemu-img create -q -f qcow2 -o cluster_size=4096 -b disk.qcow2 -F qcow2 over.qcow2 && "
        "qemu-io -c 'write -P 0x5a 2M 128k' -c 'write -P 0x3c 30M 8k' over.qcow2 >/dev/null && "
        "cp disk.qcow2 leaked.qcow2 && cp disk.qcow2 refc.qcow2 && qemu-img convert -O vhdx disk.qcow2 disk.vhdx && "
        "qemu-img convert -O qcow2 -c disk.raw packed.qcow2 && qemu-img create -q -f qcow2 grown.qcow2 64M && "
        "qemu-img convert -n -O qcow2 disk.raw grown.qcow2", cwd=root)
    data = (root / "leaked.qcow2").read_bytes()
    csize = 1 << struct.unpack_from(">I", data, 20)[0]
    l1_size, l1_off = struct.unpack_from(">IQ", data, 36)
    ents = []
    for i in range(l1_size):
        l2 = struct.unpack_from(">Q", data, l1_off + 8 * i)[0] & 0x00FFFFFFFFFFFE00
        if l2:
            for j in range(csize // 8):
                e = struct.unpack_from(">Q", data, l2 + 8 * j)[0]
                if e & 0x00FFFFFFFFFFFE00:
                    ents.append(l2 + 8 * j)
    rnd = random.Random(2293)
    with open(root / "leaked.qcow2", "r+b") as f:  # L2 entries zeroed: their clusters leak
        for pos in rnd.sample(ents, min(60, len(ents))):
            f.seek(pos)
            f.write(bytes(8))
    rt_off = struct.unpack_from(">Q", data, 48)[0]
    rb = struct.unpack_from(">Q", data, rt_off)[0]
    smash(root / "refc.qcow2", rb + 1200, 600, 2294, zero=True)  # a stretch of the first refcount block zeroed
    cap("qemu-img-info-chain", "qemu-img info --backing-chain over.qcow2; qemu-img info disk.vhdx; "
        "qemu-img info gone.qcow2; echo EXIT=$?", root, n_qemu_info)
    cap("qemu-img-check-refc", "qemu-img check refc.qcow2 2>&1 | tail -n 60; echo EXIT=$?; "
        "qemu-img check --output=json leaked.qcow2", root, n_qemu_check)
    cap("qemu-img-compare", "for f in over.qcow2 disk.vhdx packed.qcow2 grown.qcow2 leaked.qcow2 refc.qcow2 missing.qcow2; "
        "do echo \"-- disk.raw vs $f\"; qemu-img compare -f raw disk.raw $f; echo EXIT=$?; done 2>&1; "
        "qemu-img compare -s disk.qcow2 grown.qcow2; echo EXIT=$?", root, n_qemu_compare)


STEPS = [ext, xfs, btrfs, fat, squash, iso, parts, luks, qemu]
