"""Round 259, second samples of round 250's kinds: The Sleuth Kit on an ext4 image of another seeded evidence tree
(other size, block size and inode count, every 9th file deleted through debugfs, files then written over the freed
inodes), a FAT32 image with other deletions, a DOS disk with another layout and a clobbered backup table; foremost
and scalpel on another carving image; hashdeep/md5deep auditing another tree with other changes; ssdeep on other
drafts; binwalk and disktype on another firmware blob and the round's images. The needles come from round 250's
extractors, imported from capture_wide250_tsk.py and capture_wide250_hash.py (no new rule). Run through
capture_wide259.py."""

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
from capture_wide259 import cap


def for_ext(tmp: Path) -> None:
    root = tmp / "ext259"
    root.mkdir()
    files = casefiles(root / "tree", 2591, 260, stamp0=1_680_000_000)
    run("mkfs.ext4 -q -F -b 1024 -N 1024 -L seized_usb -U 25900000-0259-4259-8259-000000000259 -d tree usb.img 96M",
        cwd=root)
    rels = sorted(str(p.relative_to(root / "tree")) for p in files)
    gone = rels[2::9]
    cmd = "".join(f"rm /{r}\n" for r in gone)
    (root / "over.txt").write_text("scrubbed by cleanup tool\n" * 250)
    cmd += "".join(f"write over.txt /home/b.okafor/Documents/cleanup_{k}.log\n" for k in range(4))
    (root / "del.cmd").write_text(cmd)
    run("debugfs -w -f del.cmd usb.img", cwd=root)
    cap("fsstat-ext-1k", "fsstat usb.img", root, n_fsstat)
    cap("fls-ext-deleted-echo-exit", "fls -r -p -d usb.img; echo EXIT=$?", root, n_fls)
    dels = re.findall(r"\* (\d+)(?:\(realloc\))?:", run("fls -r -d usb.img", cwd=root))
    cap("istat-ext-deleted", f"for i in {' '.join(dels[:7])} 12 2048; do echo \"== $i\"; istat usb.img $i; done", root,
        n_istat)
    cap("ils-ext-e-head", "ils usb.img; ils -e usb.img | head -n 100", root, n_ils)
    cap("jls-ext-head-200", "jls usb.img | head -n 200", root, n_jls)
    cap("fls-bodyfile-grep-deleted", "fls -r -m / usb.img | grep -E 'deleted|cleanup|Pictures'", root, n_fls_body)
    run("fls -r -m / usb.img > body.txt", cwd=root)
    cap("mactime-range-tail", "mactime -b body.txt -d -z UTC 2023-06-01..2023-12-31 | tail -n 120", root, n_mactime)


def for_fat(tmp: Path) -> None:
    root = tmp / "fat259"
    root.mkdir()
    casefiles(root / "tree", 2592, 110, stamp0=1_690_000_000)
    run("mkfs.fat -C -F 32 -n SDCARD32 sd.img 70000 >/dev/null", cwd=root)
    run("mcopy -s -i sd.img tree/home ::/", cwd=root)
    run("mdel -i sd.img '::/home/a.moreau/Pictures/*' '::/home/f.novak/Documents/*.csv' ; "
        "mdeltree -i sd.img ::/home/c.lindqvist/Desktop", cwd=root)
    cap("fls-fat32-all", "fls -r -p sd.img", root, n_fls)
    casefiles(root / "t2", 2593, 50)
    run("mkfs.ext4 -q -F -b 1024 -L home -d t2 p2.img 16M", cwd=root)
    run("truncate -s 64M disk.img && printf 'label: dos\\nstart=2048, size=70000, type=c\\n"
        "start=73728, size=32768, type=83\\nstart=110000, size=12000, type=82\\n' | sfdisk -q disk.img", cwd=root)
    run("dd if=sd.img of=disk.img bs=512 seek=2048 conv=notrunc status=none && "
        "dd if=p2.img of=disk.img bs=512 seek=73728 conv=notrunc status=none", cwd=root)
    shutil.copy(root / "disk.img", root / "bad.img")
    smash(root / "bad.img", 73728 * 512 + 1024, 512, 259)  # the ext superblock of partition 2
    cap("mmls-dos-then-gpt-echo-exit", "mmls disk.img; mmls -t gpt disk.img; echo EXIT=$?", root, n_mmls)
    cap("fsstat-part2-bad-echo-exit", "fsstat -o 73728 disk.img | head -n 40; fsstat -o 73728 bad.img; echo EXIT=$?",
        root, n_fsstat)
    cap("disktype-disks", "disktype disk.img bad.img sd.img p2.img", root, n_disktype)


def for_carve(tmp: Path) -> None:
    root = tmp / "carve259"
    root.mkdir()
    carve_image(root, 2594, 60)
    (root / "scalpel.conf").write_text(SCALPEL_CONF)
    run("foremost -q -t all -i carve.img -o o2", cwd=root)
    cap("foremost-audit-head-90", "head -n 90 o2/audit.txt", root, n_foremost)
    run("scalpel -c scalpel.conf -o s1 carve.img", cwd=root)
    cap("scalpel-audit-cat", "cat s1/audit.txt", root, n_scalpel)


def for_hash(tmp: Path) -> None:
    root = tmp / "hash259"
    root.mkdir()
    files = casefiles(root / "share", 2595, 330, stamp0=1_700_000_000)
    run("hashdeep -c md5,sha1 -r -l share > known.hd && md5deep -r -l share > known.md5", cwd=root)
    cap("hashdeep-md5-sha1-head", "hashdeep -c md5,sha1 -r -l share | head -n 150", root, n_hashdeep)
    rnd = random.Random(2595)
    rnd.shuffle(files)
    for p in files[:11]:
        with open(p, "r+b") as f:
            f.seek(3)
            f.write(b"XX")
    for p in files[11:20]:
        dest = root / "share" / "home" / "quarantine" / p.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(p, dest)
    for p in files[20:29]:
        p.unlink()
    for k in range(7):
        (root / "share" / "home" / "quarantine" / f"note_{k}.txt").write_text(memo(rnd, 12 + k))
    cap("hashdeep-audit-vv-grep", "hashdeep -c md5,sha1 -a -vv -k known.hd -r -l share 2>&1 | "
        "grep -vE ': Ok$'", root, n_hashdeep_audit)
    cap("md5deep-x-known", "md5deep -x known.md5 -r -l share; echo EXIT=$?", root, n_md5deep_x)


def for_fuzzy(tmp: Path) -> None:
    root = tmp / "fuzzy259"
    root.mkdir()
    rnd = random.Random(2596)
    (root / "orig").mkdir()
    (root / "leak").mkdir()
    for i in range(90):
        lines = memo(rnd, rnd.randrange(60, 420)).splitlines(keepends=True)
        (root / "orig" / f"report_{i:02d}.txt").write_text("".join(lines))
        if i % 4 == 0:
            a = rnd.randrange(0, len(lines) // 3)
            cut = lines[a:a + len(lines) * 2 // 3]
            for _ in range(rnd.randrange(2, 10)):
                cut[rnd.randrange(len(cut))] = memo(rnd, 1)
            (root / "leak" / f"paste_{i:02d}.txt").write_text("".join(cut))
        elif i % 4 == 1:
            (root / "leak" / f"other_{i:02d}.txt").write_text(memo(rnd, rnd.randrange(60, 300)))
    run("ssdeep -r -l orig > orig.ssd", cwd=root)
    cap("ssdeep-r-b", "ssdeep -r -b orig leak missing_dir; echo EXIT=$?", root, n_ssdeep)
    cap("ssdeep-m-leak", "ssdeep -m orig.ssd -r -l leak", root, n_ssdeep_match)
    cap("ssdeep-d-orig-leak", "ssdeep -d -r -l orig leak", root, n_ssdeep_match)


def for_triage(tmp: Path) -> None:
    root = tmp / "triage259"
    root.mkdir()
    casefiles(root / "tree", 2597, 30)
    run("mkfs.ext4 -q -F -b 1024 -L rootfs -d tree small.img 3M", cwd=root)
    firmware(root, 2597)
    cap("binwalk-fw-259", "binwalk firmware.bin", root, n_binwalk)
    carve_image(root, 2598, 45)
    cap("binwalk-carve-tail", "binwalk -B carve.img | tail -n 90", root, n_binwalk)


STEPS = [for_ext, for_fat, for_carve, for_hash, for_fuzzy, for_triage]
