"""Round 280, second samples of round 250's kinds: The Sleuth Kit on an ext4 image with 2 KB blocks of another seeded
evidence tree (every 7th file deleted through debugfs, files then written over the freed inodes, a copy whose group
descriptors are overwritten), a FAT12 floppy image with other deletions, a GPT disk of five partitions with a copy
whose primary GPT header is clobbered, a DOS disk with logical partitions; foremost and scalpel on another carving
image; hashdeep/md5deep auditing another tree (files truncated, renamed into another folder, deleted, added);
ssdeep on other notes and their edited copies; binwalk on another firmware blob; disktype on the
round's images. The needles come from round 250's extractors, imported from capture_wide250_tsk.py and
capture_wide250_hash.py (no new rule). Run through capture_wide280.py."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from capture_more import run
from capture_wide250 import casefiles, memo, smash
from capture_wide250_hash import (SCALPEL_CONF, carve_image, firmware, n_binwalk, n_disktype, n_foremost,
                                  n_hashdeep, n_hashdeep_audit, n_md5deep, n_md5deep_x, n_scalpel, n_ssdeep,
                                  n_ssdeep_match)
from capture_wide250_tsk import n_fls, n_fls_body, n_fsstat, n_ils, n_istat, n_jls, n_mactime, n_mmls
from capture_wide280 import cap


def for_ext(tmp: Path) -> None:
    root = tmp / "ext280"
    root.mkdir()
    files = casefiles(root / "tree", 2801, 300, stamp0=1_705_000_000)
    run("mkfs.ext4 -q -F -b 2048 -N 1536 -L laptop_home -U 28000000-0280-4280-8280-000000000280 -d tree home.img 80M",
        cwd=root)
    rels = sorted(str(p.relative_to(root / "tree")) for p in files)
    gone = rels[5::7]
    cmd = "".join(f"rm /{r}\n" for r in gone)
    (root / "inst.bin").write_bytes(random.Random(2801).randbytes(9000))
    cmd += "".join(f"write inst.bin /home/e.silva/Downloads/installer_{k}.tmp\n" for k in range(5))
    (root / "del.cmd").write_text(cmd)
    run("debugfs -w -f del.cmd home.img", cwd=root)
    shutil.copy(root / "home.img", root / "gdt.img")
    smash(root / "gdt.img", 2048, 2048, 280)  # the group descriptor table (block 1 with 2 KB blocks)
    cap("fsstat-ext-2k", "fsstat home.img", root, n_fsstat)
    cap("fsstat-gdt-broken-exit", "fsstat gdt.img; echo EXIT=$?; fsstat -f ext3 home.img | head -n 25", root,
        n_fsstat)
    cap("fls-ext-grep-v-pictures", "fls -r -p home.img | grep -v '/Pictures/'", root, n_fls)
    dels = re.findall(r"\* (\d+)(?:\(realloc\))?:", run("fls -r -d home.img", cwd=root))
    cap("istat-ext-loop", f"for i in {' '.join(dels[:6])} 8 99999; do echo \"== $i\"; istat home.img $i; done", root,
        n_istat)
    cap("ils-ext-unalloc-tail", "ils -A home.img | head -n 70; ils -a home.img | tail -n 60", root, n_ils)
    cap("jls-ext-tail", "jls home.img | tail -n 150", root, n_jls)
    cap("fls-bodyfile-tail", "fls -r -m /home/ home.img | tail -n 200", root, n_fls_body)
    run("fls -r -m / home.img > body.txt", cwd=root)
    cap("mactime-d-range-tail", "mactime -b body.txt -d -z UTC 2024-06-01..2026-12-31 | tail -n 150", root,
        n_mactime)


def for_fat(tmp: Path) -> None:
    root = tmp / "fat280"
    root.mkdir()
    casefiles(root / "tree", 2802, 45, stamp0=1_712_000_000)
    run("mkfs.fat -C -F 12 -n FLOPPY280 floppy.img 2880 >/dev/null", cwd=root)
    run("for d in tree/home/*; do mcopy -s -i floppy.img \"$d\" ::/ 2>/dev/null; done; true", cwd=root)
    run("mdel -i floppy.img '::/d.tanaka/Documents/*' '::/a.moreau/Downloads/*' ; "
        "mdeltree -i floppy.img ::/f.novak/Pictures", cwd=root)
    cap("fsstat-fat12", "fsstat floppy.img", root, n_fsstat)
    dels = re.findall(r"\* (\d+):", run("fls -r -d floppy.img", cwd=root))
    cap("istat-fat12-deleted", f"for i in {' '.join(dels[:8])} 3; do istat floppy.img $i; done", root, n_istat)


def for_disks(tmp: Path) -> None:
    root = tmp / "disk280"
    root.mkdir()
    casefiles(root / "tree", 2803, 40)
    run("mkfs.ext4 -q -F -b 1024 -L data -d tree p.img 10M", cwd=root)
    run("mkfs.fat -C -F 16 -n EFI280 esp.img 8192 >/dev/null", cwd=root)
    run("truncate -s 80M gpt.img && printf 'label: gpt\\nstart=2048, size=16384, name=\"EFI system\", "
        "type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B\\nstart=20480, size=20480, name=\"boot\", "
        "type=0FC63DAF-8483-4772-8E79-3D69D8477DE4\\nstart=43008, size=40960, name=\"root\", "
        "type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709\\nstart=90112, size=16384, name=\"swap\", "
        "type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F\\nstart=120000, size=20000, name=\"recovery\", "
        "type=DE94BBA4-06D1-4D40-A16A-BFD50179D6AC\\n' | sfdisk -q gpt.img", cwd=root)
    run("dd if=esp.img of=gpt.img bs=512 seek=2048 conv=notrunc status=none && "
        "dd if=p.img of=gpt.img bs=512 seek=20480 conv=notrunc status=none", cwd=root)
    shutil.copy(root / "gpt.img", root / "hdr.img")
    smash(root / "hdr.img", 512, 92, 2803)  # the primary GPT header
    run("truncate -s 56M dos.img && printf 'label: dos\\nstart=2048, size=20480, type=83\\n"
        "start=22528, size=16384, type=b\\nstart=40960, size=70000, type=f\\nstart=43008, size=20000, type=7\\n"
        "start=65536, size=24000, type=83\\n' | sfdisk -q dos.img", cwd=root)
    run("dd if=p.img of=dos.img bs=512 seek=2048 conv=notrunc status=none && "
        "dd if=esp.img of=dos.img bs=512 seek=22528 conv=notrunc status=none", cwd=root)
    cap("mmls-gpt-dos-exit", "mmls gpt.img; mmls dos.img; echo EXIT=$?", root, n_mmls)
    cap("mmls-gpt-header-clobbered", "mmls hdr.img; echo EXIT=$?; mmls -t gpt -a hdr.img; echo EXIT=$?; "
        "mmls -B dos.img", root, n_mmls)
    cap("disktype-disks-280", "disktype gpt.img hdr.img dos.img p.img esp.img", root, n_disktype)


def for_carve(tmp: Path) -> None:
    root = tmp / "carve280"
    root.mkdir()
    carve_image(root, 2804, 75)
    (root / "scalpel.conf").write_text(SCALPEL_CONF)
    cap("foremost-v-tail", "foremost -v -t jpg,gif,pdf,zip -i carve.img -o f1 | tail -n 100", root, n_foremost)
    run("scalpel -c scalpel.conf -o s1 carve.img", cwd=root)
    cap("scalpel-audit-head", "head -n 120 s1/audit.txt", root, n_scalpel)


def for_hash(tmp: Path) -> None:
    root = tmp / "hash280"
    root.mkdir()
    files = casefiles(root / "share", 2805, 280, stamp0=1_720_000_000)
    run("hashdeep -r -l share > known.txt && md5deep -r -l share > known.md5", cwd=root)
    cap("hashdeep-sha256-tail-missing", "hashdeep -c sha256 -r -l share | tail -n 120; hashdeep -r share/nope; "
        "echo EXIT=$?", root, n_hashdeep)
    rnd = random.Random(2805)
    rnd.shuffle(files)
    for p in files[:13]:  # truncated
        data = p.read_bytes()
        p.write_bytes(data[: len(data) // 2])
    for p in files[13:22]:  # moved
        dest = root / "share" / "home" / "archive_old" / p.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(p, dest)
    for p in files[22:33]:  # deleted
        p.unlink()
    for k in range(9):  # new
        (root / "share" / "home" / "archive_old" / f"readme_{k}.txt").write_text(memo(rnd, 8 + k))
    cap("hashdeep-audit-vv-tail", "hashdeep -a -vv -k known.txt -r -l share 2>&1 | tail -n 70; echo EXIT=$?", root,
        n_hashdeep_audit)
    cap("hashdeep-x-known-exit", "hashdeep -x -k known.txt -r -l share; echo EXIT=$?", root, n_hashdeep_audit)
    cap("md5deep-z-head", "md5deep -z -r -l share | head -n 120", root, n_md5deep)
    cap("md5deep-m-known", "md5deep -m known.md5 -r -l share | head -n 90; echo EXIT=$?", root, n_md5deep_x)


def for_fuzzy(tmp: Path) -> None:
    root = tmp / "fuzzy280"
    root.mkdir()
    rnd = random.Random(2806)
    (root / "notes").mkdir()
    (root / "copies").mkdir()
    for i in range(70):
        lines = memo(rnd, rnd.randrange(90, 450)).splitlines(keepends=True)
        (root / "notes" / f"note_{i:02d}.txt").write_text("".join(lines))
        if i % 3 == 0:
            rnd.shuffle(lines[: len(lines) // 4])
            for _ in range(rnd.randrange(3, 14)):
                lines[rnd.randrange(len(lines))] = memo(rnd, 1)
            (root / "copies" / f"copy_{i:02d}.txt").write_text(memo(rnd, 6) + "".join(lines))
        elif i % 5 == 1:
            (root / "copies" / f"misc_{i:02d}.txt").write_text(memo(rnd, rnd.randrange(90, 300)))
    cap("ssdeep-l-r-missing", "ssdeep -l -r notes copies; ssdeep nope.txt; echo EXIT=$?", root, n_ssdeep)
    cap("ssdeep-p-notes-copies", "ssdeep -p -r -l notes copies", root, n_ssdeep_match)


def for_triage(tmp: Path) -> None:
    root = tmp / "triage280"
    root.mkdir()
    casefiles(root / "tree", 2807, 25)
    run("mkfs.ext4 -q -F -b 1024 -L overlay -d tree small.img 2M", cwd=root)
    firmware(root, 2808)
    cap("binwalk-fw-exit", "binwalk firmware.bin; echo EXIT=$?", root, n_binwalk)


STEPS = [for_ext, for_fat, for_disks, for_carve, for_hash, for_fuzzy, for_triage]
