"""Round 237, round 216's kinds on a third material: images made from the seeded `manifests` cargo archive without
mounting (`mkfs.ext4 -d`, `mkfs.xfs -p protofile`, `mkfs.btrfs --rootdir`, `mcopy` into FAT16, `mksquashfs`,
`genisoimage`/`xorriso`, `sfdisk` scripts, `cryptsetup luksFormat` on plain files, `qemu-img convert`) and damaged in
other places than rounds 216 and 227 damaged theirs (an inode table's blocks, the root directory's block, an AG's AGI
and superblock copy, a chunk-tree leaf, both FATs disagreeing and a cut directory, a squashfs fragment table, an ISO's
path table, a primary GPT's entries, a LUKS2 keyslot area, a qcow2 L1 table). Every extractor is round 216's,
imported (NEEDLES.md, "Round 237"). Run through capture_wide237.py."""

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
from capture_wide237 import cap, manifests


def ext(tmp: Path) -> None:
    root = tmp / "ext"
    root.mkdir()
    manifests(root / "tree", 2371, 320)
    for name in ["cargo", "itable", "rootdir"]:
        run(f"mkfs.ext4 -q -F -b 4096 -N 2048 -L cargo -U 2370c0de-0237-4237-8237-000000000237 "
            f"-d tree {name}.img 80M", cwd=root)
    run("mkfs.ext4 -q -F -b 2048 -g 4096 -N 8192 -L harbour-2026 -O ^has_journal -d tree many.img 120M", cwd=root)
    stat = run("dumpe2fs cargo.img 2>/dev/null | grep -m1 -E 'Inode table at'", cwd=root)
    m = re.search(r"Inode table at (\d+)", stat)
    it = int(m.group(1)) if m else 36
    smash(root / "itable.img", (it + 1) * 4096, 4096 * 2, 2372)  # inode table blocks 1-2 of group 0 garbled
    root_blk = run("debugfs -R 'blocks /' cargo.img 2>/dev/null", cwd=root).split()
    rb = int(root_blk[0]) if root_blk and root_blk[0].isdigit() else 0
    if rb:
        smash(root / "rootdir.img", rb * 4096 + 24, 900, 2373)  # the root directory's block
    files = sorted(str(p.relative_to(root / "tree")) for p in (root / "tree").rglob("*") if p.is_file())
    rnd = random.Random(2374)
    (root / "probe.cmd").write_text("stats\n" + "".join(f"stat /{f}\n" for f in rnd.sample(files, 3))
                                    + "ls -l /customs\nls -l /ferry\nncheck 12 13 14 15 99999\nicheck 1000 2000 99999999\n"
                                    "testi /customs/coffee.tariff\nffb 8\nffi 4\nstat /no/such/file\n")
    cap("e2fsck-itable", "e2fsck -fn itable.img 2>&1 | head -n 200; echo EXIT=$?", root, n_e2fsck)
    cap("e2fsck-rootdir-fy", "cp rootdir.img fix.img && e2fsck -fy fix.img; echo EXIT=$?; e2fsck -fn fix.img; "
        "echo EXIT=$?", root, n_e2fsck)
    cap("dumpe2fs-many", "dumpe2fs many.img 2>/dev/null | head -n 160", root, n_dumpe2fs)
    cap("debugfs-probe", "debugfs -f probe.cmd cargo.img 2>&1 | head -n 300", root, n_debugfs)
    cap("tune2fs-l-many", "tune2fs -l many.img; echo EXIT=$?; tune2fs -l itable.img | grep -iE 'state|count|error'",
        root, n_tune2fs)


def xfs(tmp: Path) -> None:
    root = tmp / "xfs"
    root.mkdir()
    manifests(root / "tree", 2375, 360)
    (root / "proto").write_text(xfs_proto(root / "tree"))
    for name in ["cargo", "agi"]:
        run(f"truncate -s 400M {name}.img && mkfs.xfs -q -f -d agcount=6 -L cargo -p proto {name}.img", cwd=root)
    sb = run("xfs_db -r -c 'sb 0' -c 'p rootino' -c 'p inodesize' -c 'p agblocks' -c 'p blocksize' cargo.img", cwd=root)
    val = {k: int(v) for k, v in re.findall(r"^(\w+) = (\d+)", sb, re.M)}
    ag = val.get("agblocks", 16384) * val.get("blocksize", 4096)
    smash(root / "agi.img", 1 * ag + 1024, 512, 2376)  # AG 1's AGI garbled
    smash(root / "agi.img", 4 * ag, 512, 2377)  # AG 4's superblock copy garbled
    smash(root / "agi.img", 0 * ag + 1024 + 16, 64, 2378, zero=True)  # AG 0's AGI counters zeroed
    cap("xfs-repair-agi", "xfs_repair -n agi.img 2>&1 | head -n 150; echo EXIT=$?", root, n_xfs_repair)
    cap("xfs-db-cargo", "xfs_db -r -c 'sb 0' -c p -c 'freesp -s' -c 'agi 1' -c p cargo.img; "
        "xfs_db -r -c 'agi 1' -c p agi.img; echo EXIT=$?", root, n_xfs_db)


def btrfs(tmp: Path) -> None:
    root = tmp / "btrfs"
    root.mkdir()
    manifests(root / "tree", 2379, 420)
    for name in ["cargo", "fstree", "super"]:
        run(f"truncate -s 300M {name}.img && mkfs.btrfs -q -f -L cargo --rootdir tree {name}.img", cwd=root)
    img = root / "fstree.img"
    data = img.read_bytes()
    fsid = data[65536 + 32:65536 + 48]
    nodesize = struct.unpack_from("<I", data, 65536 + 148)[0] or 16384
    blocks: dict[int, list[int]] = {}
    for off in range(0, len(data), nodesize):
        if data[off + 32:off + 48] == fsid and off != 65536:
            bytenr, owner = struct.unpack_from("<Q", data, off + 48)[0], struct.unpack_from("<Q", data, off + 88)[0]
            level = data[off + 100]
            if owner == 5 and level == 0:  # FS_TREE leaves, every copy
                blocks.setdefault(bytenr, []).append(off)
    rnd = random.Random(2380)
    for bytenr in rnd.sample(sorted(blocks), min(3, len(blocks))):
        for off in blocks[bytenr]:
            smash(img, off + 1200, 300, bytenr % 991)
    smash(root / "super.img", 65536 + 0x70, 8, 2381)  # the primary superblock's generation, csum stale
    cap("btrfs-check-fstree", "btrfs check --readonly fstree.img 2>&1 | head -n 160; echo EXIT=$?", root,
        n_btrfs_check)
    cap("btrfs-dump-super-all", "btrfs inspect-internal dump-super -f super.img; echo EXIT=$?; "
        "btrfs inspect-internal dump-super -s 1 super.img | head -n 40", root, n_btrfs_super)


def fat(tmp: Path) -> None:
    root = tmp / "fat"
    root.mkdir()
    manifests(root / "tree", 2382, 200)
    for name in ["cargo", "split"]:
        run(f"mkfs.fat -C -F 16 -s 4 -n CARGO -i 2370237 {name}.img 40960 >/dev/null && "
            f"mcopy -s -i {name}.img tree/* ::/", cwd=root)
    boot = (root / "cargo.img").read_bytes()[:64]
    bps = struct.unpack_from("<H", boot, 11)[0]
    reserved, nfats, fatsz = struct.unpack_from("<H", boot, 14)[0], boot[16], struct.unpack_from("<H", boot, 22)[0]
    fat0, fatb = reserved * bps, fatsz * bps
    data = (root / "cargo.img").read_bytes()
    entries = [struct.unpack_from("<H", data, fat0 + 2 * i)[0] for i in range(fatb // 2)]
    used = [i for i, e in enumerate(entries) if i >= 3 and 2 <= e < 0xFFF0]
    rnd = random.Random(2383)
    with open(root / "split.img", "r+b") as f:
        for idx in rnd.sample(used, 30):  # FAT 1 changed alone: the two FATs differ
            f.seek(fat0 + fatb + 2 * idx)
            f.write(struct.pack("<H", 0))
        for idx in rnd.sample(used, 14):  # chains cut short in both FATs
            for k in range(nfats):
                f.seek(fat0 + k * fatb + 2 * idx)
                f.write(struct.pack("<H", 0xFFFF))
        root_dir = fat0 + nfats * fatb
        f.seek(root_dir + 32 * 2 + 26)  # the third root entry's first cluster pointed past the end
        f.write(struct.pack("<H", 0xFFEE))
    cap("fsck-fat-split", "fsck.fat -n -v split.img 2>&1 | tail -n 150; echo EXIT=$?", root, n_fsck_fat)
    cap("mdir-terminals", "mdir -i cargo.img ::/; mdir -i cargo.img -/ ::/reefer; mdir -i split.img ::/customs; "
        "mdir -i cargo.img ::/airport; echo EXIT=$?", root, n_mdir)


def squash(tmp: Path) -> None:
    root = tmp / "squash"
    root.mkdir()
    manifests(root / "tree", 2384, 600, big=2)
    run("mksquashfs tree cargo.sqfs -noappend -no-progress -comp xz -b 256K >/dev/null 2>&1 && "
        "cp cargo.sqfs frag.sqfs && cp cargo.sqfs cut.sqfs", cwd=root)
    truncate(root / "cut.sqfs", 0.75)
    sq = (root / "cargo.sqfs").read_bytes()
    frag_start = struct.unpack_from("<Q", sq, 80 + 8)[0] if len(sq) > 100 else 0
    smash(root / "frag.sqfs", 88, 8, 2385)  # the superblock's fragment table start
    if frag_start:
        smash(root / "frag.sqfs", max(frag_start - 4096, 0), 2048, 2386)
    cap("mksquashfs-info", "mksquashfs tree lzo.sqfs -noappend -no-progress -info -comp lzo -no-fragments "
        "-e customs 2>&1 | head -n 120; mksquashfs tree bad.sqfs -b 3M; echo EXIT=$?", root, n_mksquashfs)
    cap("unsquashfs-ll", "unsquashfs -s cargo.sqfs; unsquashfs -ll cargo.sqfs | head -n 260", root, n_unsquashfs)
    cap("unsquashfs-frag", "unsquashfs -s frag.sqfs; unsquashfs -d out frag.sqfs 2>&1 | tail -n 80; echo EXIT=$?; "
        "unsquashfs -d out2 cut.sqfs 2>&1 | tail -n 60; echo EXIT=$?", root, n_unsquashfs)


def iso(tmp: Path) -> None:
    root = tmp / "iso"
    root.mkdir()
    manifests(root / "tree", 2387, 380)
    run("genisoimage -quiet -J -r -V CARGO_2026_Q1 -A HARBOUR -p 'port authority' -o cargo.iso tree && "
        "cp cargo.iso ptab.iso", cwd=root)
    smash(root / "ptab.iso", 18 * 2048 + 40, 600, 2388)  # the path tables after the volume descriptors
    run("xorriso -outdev md5.iso -volid CARGO_MD5 -md5 on -map tree / >/dev/null 2>&1 && cp md5.iso cut.iso", cwd=root)
    truncate(root / "cut.iso", 0.8)
    cap("isoinfo-ptab", "isoinfo -d -i ptab.iso; isoinfo -p -i ptab.iso | head -n 60; isoinfo -f -R -i cargo.iso "
        "| head -n 250", root, n_isoinfo)
    cap("xorriso-find", "xorriso -indev cargo.iso -find /reefer -type f -size +20k -exec lsdl -- -- 2>&1 "
        "| tail -n 5; echo EXIT=$?; xorriso -indev cargo.iso -find /reefer -type f -exec lsdl -- 2>&1 | tail -n 150", root, n_xorriso)
    cap("xorriso-md5-cut", "xorriso -md5 on -indev cut.iso -check_md5_r FAILURE / -- 2>&1 | tail -n 70; "
        "echo EXIT=$?", root, n_xorriso)


GPT = """label: gpt
label-id: 2370A11C-0237-4237-8237-C0FFEE000237
first-lba: 2048
start=2048, size=204800, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="EFI"
start=206848, size=204800, type=BC13C2FF-59E6-4262-A352-B275FD6F7172, name="xboot"
start=411648, size=262144, type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, name="root-a"
start=673792, size=262144, type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, name="root-b"
start=935936, size=32768, type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F, name="swap"
start=968704, size=98304, type=3B8F8425-20E0-4F3B-907F-1A25A76F98E8, name="srv-manifests"
start=1067008, size=40960, type=CA7D7CCB-63ED-4C53-861C-1742536059CC, name="vault"
"""


def parts(tmp: Path) -> None:
    root = tmp / "parts"
    root.mkdir()
    (root / "gpt.txt").write_text(GPT)
    run("truncate -s 560M gpt.img && sfdisk -q gpt.img < gpt.txt && cp gpt.img prim.img && cp gpt.img overlap.img",
        cwd=root)
    smash(root / "prim.img", 1024 + 128 * 1, 128 * 2, 2389)  # primary entries 2-3 garbled
    (root / "overlap.txt").write_text("label: dos\nstart=2048, size=300000, type=83\nstart=200000, size=300000, "
                                      "type=83\nstart=600000, size=900000, type=7\n")
    run("sfdisk -q --no-reread --force overlap.img < overlap.txt", cwd=root)
    cap("sfdisk-prim", "for f in gpt.img prim.img overlap.img; do echo \"== $f\"; sfdisk -l $f; sfdisk -V $f; "
        "echo EXIT=$?; done 2>&1; sfdisk -J gpt.img", root, n_sfdisk)
    cap("parted-prim", "parted -s prim.img unit MiB print; echo EXIT=$?; parted -s overlap.img unit s print free; "
        "parted -s gpt.img unit MB print free", root, n_parted)


def luks(tmp: Path) -> None:
    root = tmp / "luks"
    root.mkdir()
    for k in range(1, 6):
        (root / f"key{k}").write_bytes(random.Random(2390 + k).randbytes(64))
    fast = "--pbkdf pbkdf2 --pbkdf-force-iterations 1000"
    run(f"truncate -s 40M vault.img && cryptsetup luksFormat -q --type luks2 {fast} --cipher aes-xts-plain64 "
        f"--key-size 256 --hash sha256 --label manifests-vault --luks2-metadata-size 64k "
        f"--luks2-keyslots-size 2m --uuid 2370c0de-0237-4237-8237-00000000b237 --key-file key1 vault.img && "
        f"cp vault.img slots.img", cwd=root)
    for k in range(2, 6):
        run(f"cryptsetup luksAddKey -q {fast} --key-file key1 vault.img key{k}", cwd=root)
    run("cryptsetup token import --json-file /dev/stdin --token-id 3 vault.img <<'J'\n"
        '{"type":"harbour-hsm","keyslots":["1"],"serial":"HSM-0237"}\nJ', cwd=root)
    smash(root / "slots.img", 2 * 65536 + 4096, 8192, 2396)  # the keyslot area's first stretch
    cap("luks-dump-vault", "cryptsetup luksDump vault.img; cryptsetup luksDump --dump-json-metadata slots.img "
        "| head -c 3000; echo; cryptsetup luksDump nothere.img; echo EXIT=$?", root, n_luks)


def qemu(tmp: Path) -> None:
    root = tmp / "qemu"
    root.mkdir()
    manifests(root / "tree", 2397, 180)
    run("mkfs.ext4 -q -F -b 4096 -d tree disk.raw 40M && qemu-img convert -f raw -O qcow2 -o cluster_size=8192 "
        "disk.raw disk.qcow2 && cp disk.qcow2 l1.qcow2 && qemu-img convert -O vmdk disk.raw disk.vmdk && "
        "qemu-img convert -O vpc disk.raw disk.vhd && qemu-img create -q -f qcow2 -b disk.qcow2 -F qcow2 snap.qcow2 && "
        "qemu-io -c 'write -P 0x77 1M 64k' -c 'discard 8M 1M' snap.qcow2 >/dev/null && "
        "qemu-img snapshot -c before-customs disk.qcow2", cwd=root)
    data = (root / "l1.qcow2").read_bytes()
    l1_size, l1_off = struct.unpack_from(">IQ", data, 36)
    with open(root / "l1.qcow2", "r+b") as f:  # two L1 entries pointed at unaligned offsets past the end
        for i in (0, 1):
            f.seek(l1_off + 8 * i)
            f.write(struct.pack(">Q", 0x8000000000000000 | (len(data) * 4 + 512 * (i + 1))))
    cap("qemu-img-info-snap", "qemu-img info --backing-chain snap.qcow2; qemu-img info disk.vmdk; "
        "qemu-img info --output=json disk.vhd; echo EXIT=$?", root, n_qemu_info)
    cap("qemu-img-check-l1", "qemu-img check l1.qcow2 2>&1 | head -n 80; echo EXIT=$?; qemu-img check snap.qcow2; "
        "qemu-img check -r leaks disk.qcow2", root, n_qemu_check)
    cap("qemu-img-compare", "for f in disk.qcow2 disk.vmdk disk.vhd snap.qcow2 l1.qcow2; do echo \"-- disk.raw vs $f\"; "
        "qemu-img compare -f raw disk.raw $f; echo EXIT=$?; done 2>&1", root, n_qemu_compare)


STEPS = [ext, xfs, btrfs, fat, squash, iso, parts, luks, qemu]
