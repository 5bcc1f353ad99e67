"""Round 250, The Sleuth Kit on images made here: an ext4 image of the seeded `casefiles` tree with files deleted
through debugfs (some inodes then reused), a FAT16 image with files deleted through mtools and clusters overwritten,
a DOS-partitioned and a GPT disk holding both, a torn partition table and a clobbered superblock. mmls, fsstat, fls,
fls -m, istat, ils, jls and mactime. The extractors are this round's (NEEDLES.md, "Round 250"). Run through
capture_wide250.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from capture_more import kind, run
from capture_wide250 import cap, casefiles, exit_lines, extremes, first_last, pick, problems, smash

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 250")


@kind("mmls", "table")
def n_mmls(lines):
    """Rule 4+5: the table type line, Offset Sector, Units line, column header, every partition row (not Unallocated or table metadata), the largest Unallocated row, every error line."""
    out = pick(lines, r"^[A-Z][\w/ ]* Partition Table( \(EFI\))?$|^Offset Sector:|^Units are in|^\s+Slot\s+Start")
    rows = [ln for ln in lines if re.match(r"^\d{3}:\s", ln)]
    meta = r"Unallocated|Primary Table|Safety Table|GPT Header|Partition Table"
    out += [r for r in rows if not re.search(meta, r)]
    un = [r for r in rows if "Unallocated" in r]
    if un:
        out.append(max(un, key=lambda r: int(r.split()[4])))
    out += problems(lines, r"Cannot determine|[Ii]nvalid|[Ee]rror|^mmls: ")
    return out + exit_lines(lines)


FSSTAT = (r"^(File System Type|Volume Name|Volume ID|Volume Serial Number|OEM Name|Last Written at|Last Checked at"
          r"|Last Mounted at|Source OS|Inode Range|Root Directory|Free Inodes|Free Blocks|Block Range|\* ?Total Range"
          r"|Total Range|Total Cluster Range|Block Size|Sector Size|Cluster Size|Number of Block Groups"
          r"|Inodes per group|Blocks per group|Compat Features|InCompat Features|Read Only Compat Features):"
          r"|^Unmounted (properly|Improperly)")


@kind("fsstat", "table")
def n_fsstat(lines):
    """Rule 5: the file system's type, name, id, OEM, times, mount state, source OS, inode/block/cluster ranges and sizes, free counts, group counts and feature lines; ext's first and last Group lines; FAT's first and last FAT-contents run rows and every run pointing at BAD; every error line."""
    out = pick(lines, FSSTAT)
    out += first_last(pick(lines, r"^Group: \d+:"))
    runs = pick(lines, r"^\d+-\d+ \(\d+\) -> ")
    out += first_last(runs) + [r for r in runs if "BAD" in r]
    out += problems(lines, r"Cannot determine|[Ii]nvalid magic|[Ee]rror|[Cc]orrupt|^fsstat: |[Ii]nvalid")
    return out + exit_lines(lines)


FLS_ROW = r"^[-+ ]*[-a-z]/[-a-z] (\* )?[\d-]+(\(realloc\))?:\t"


@kind("fls", "listing")
def n_fls(lines):
    """Rule 4+5: every row of a deleted entry (a * after the type), the first and last rows, every error line."""
    rows = pick(lines, FLS_ROW)
    out = [r for r in rows if re.match(r"^[-+ ]*[-a-z]/[-a-z] \* ", r)]
    out += first_last(rows)
    out += problems(lines, r"^fls: |[Ee]rror|[Cc]annot|[Ii]nvalid")
    return out + exit_lines(lines)


@kind("fls-bodyfile", "listing")
def n_fls_body(lines):
    """Rule 4+5: every row naming a (deleted) entry, the rows with the largest and smallest size among the others, the first and last rows, every error line."""
    rows = [ln for ln in lines if ln.count("|") == 10]
    out = [r for r in rows if "(deleted" in r]
    out += extremes([r for r in rows if "(deleted" not in r], lambda r: int(r.split("|")[6]))
    out += first_last(rows)
    out += problems(lines, r"^fls: |[Ee]rror|[Cc]annot|[Ii]nvalid")
    return out + exit_lines(lines)


@kind("istat", "table")
def n_istat(lines):
    """Rule 5: ext's inode/allocation/group/mode/size/links/name lines, every time line, Direct Blocks and the line after; FAT's Directory Entry/allocation/attributes/size/name/time lines, Sectors and the line after; every error line."""
    pat = (r"^inode: \d+|^(Not )?Allocated$|^Group: \d+$|^mode: |^size: |^num of links: |^Name: |^(Accessed|File Modified"
           r"|Inode Modified|Deleted|Created|File Created|Written):|^Directory Entry: |^File Attributes: |^Size: ")
    out = pick(lines, pat)
    for i, ln in enumerate(lines[:-1]):
        if re.match(r"^(Direct Blocks|Sectors):", ln) and lines[i + 1].strip():
            out += [ln, lines[i + 1]]
    out += problems(lines, r"[Ee]rror|[Ii]nvalid|^istat: |Inode value is too")
    return out + exit_lines(lines)


@kind("ils", "table")
def n_ils(lines):
    """Rule 4: the class and st_ino header lines, rows with a rare st_alloc value, the largest and smallest st_size, the first and last rows, every error line."""
    out = pick(lines, r"^class\|host|^st_ino\|st_alloc")
    rows = [ln for ln in lines if re.match(r"^\d+\|[af]\|", ln)]
    if rows:
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.split("|")[1]] = counts.get(r.split("|")[1], 0) + 1
        top = max(counts.values())
        if top * 2 >= len(rows):
            out += [r for r in rows if counts[r.split("|")[1]] <= 2]
        out += extremes(rows, lambda r: int(r.split("|")[10])) + first_last(rows)
    out += problems(lines, r"^ils: |[Ee]rror|[Cc]annot|[Ii]nvalid")
    return out + exit_lines(lines)


@kind("jls", "table")
def n_jls(lines):
    """Rule 4+5: the JBlk header, the Superblock rows, the first and last rows, Unallocated rows (a shape over 3 rows as one any) and rows of other block kinds, every error line."""
    out = pick(lines, r"^JBlk\s+Description|Superblock \(seq|^sb ")
    rows = [ln for ln in lines if re.match(r"^\d+:\s", ln)]
    out += first_last(rows)
    out += problems(lines, r"^\d+:\s+Unallocated")
    out += [r for r in rows if not re.search(r"Unallocated|Superblock", r)][:40]
    out += problems(lines, r"^jls: |[Ee]rror|[Ii]nvalid|[Cc]annot")
    return out + exit_lines(lines)


@kind("mactime", "listing")
def n_mactime(lines):
    """Rule 4+5: the header, the first and last timeline rows, every row naming a (deleted) entry (one any per file name on several rows), every error line."""
    out = pick(lines, r"^Date,Size,Type,Mode")
    rows = [ln for ln in lines if re.search(r"[\s,][mac.b]{4}[ ,]", ln) and re.search(r"\d", ln)]
    out += first_last(rows)
    names: dict[str, list[str]] = {}
    for r in rows:
        m = re.search(r"(\S+) \((deleted(?:-realloc)?)\)", r)
        if m:
            names.setdefault(m.group(1).strip('"'), []).append(r)
    for group in names.values():
        out += [group[0]] if len(group) == 1 else [{"any": group}]
    out += problems(lines, r"[Ee]rror|[Ii]nvalid|^mactime: ")
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the images


def ext_image(tmp: Path) -> Path:
    root = tmp / "ext"
    root.mkdir()
    files = casefiles(root / "tree", 250, 420)
    run("mkfs.ext4 -q -F -b 1024 -N 2048 -L evidence -U 25000000-0250-4250-8250-000000000250 -d tree case.img 160M",
        cwd=root)
    rels = sorted(str(p.relative_to(root / "tree")) for p in files)
    gone = rels[3::13]  # every 13th file deleted
    cmd = "".join(f"rm /{r}\n" for r in gone)
    (root / "new.txt").write_text("replacement notes\n" * 400)
    cmd += "".join(f"write new.txt /home/f.novak/Desktop/wipe_note_{k}.txt\n" for k in range(3))
    (root / "del.cmd").write_text(cmd)
    run("debugfs -w -f del.cmd case.img", cwd=root)
    shutil.copy(root / "case.img", root / "broken.img")
    smash(root / "broken.img", 1024, 1024, 250)  # the primary superblock overwritten
    return root


def ext(tmp: Path) -> None:
    root = ext_image(tmp)
    cap("fsstat-ext", "fsstat case.img", root, n_fsstat)
    cap("fsstat-broken", "fsstat broken.img; echo EXIT=$?; fls -r -p broken.img; echo EXIT=$?; "
        "fsstat -f ext4 case.img | head -n 30", root, n_fsstat)
    cap("fls-ext", "fls -r -p case.img", root, n_fls)
    cap("fls-ext-deleted", "fls -r -p -d case.img; echo EXIT=$?", root, n_fls)
    dels = re.findall(r"\* (\d+)(?:\(realloc\))?:", run("fls -r -d case.img", cwd=root))
    pick_ino = " ".join(dels[:9] + ["15", "40", "77"])
    cap("istat-ext", f"for i in {pick_ino}; do echo \"== $i\"; istat case.img $i; done", root, n_istat)
    cap("ils-ext", "ils case.img; ils -a case.img | head -n 60", root, n_ils)
    cap("ils-ext-all", "ils -e case.img | head -n 150", root, n_ils)
    cap("jls-ext", "jls case.img | head -n 300", root, n_jls)
    cap("fls-bodyfile", "fls -r -m / case.img", root, n_fls_body)
    run("fls -r -m / case.img > body.txt", cwd=root)
    cap("mactime-d", "mactime -b body.txt -d -z UTC 2022-01-01..2023-12-31", root, n_mactime)
    cap("mactime-range", "mactime -b body.txt -z UTC 2022-09-01..2023-03-31 | tail -n 80", root, n_mactime)


def fat_image(root: Path, tree: Path) -> None:
    run("mkfs.fat -C -F 16 -n CASEFAT fat.img 20480 >/dev/null", cwd=root)
    run(f"mcopy -s -i fat.img {tree}/home ::/", cwd=root)
    run("mdel -i fat.img '::/home/b.okafor/Documents/*.txt' '::/home/d.tanaka/Pictures/*' ; "
        "mdeltree -i fat.img ::/home/e.silva/Downloads", cwd=root)


def fat(tmp: Path) -> None:
    root = tmp / "fat"
    root.mkdir()
    casefiles(root / "tree", 2501, 150)
    fat_image(root, root / "tree")
    cap("fsstat-fat", "fsstat fat.img", root, n_fsstat)
    cap("fls-fat", "fls -r -p fat.img | head -n 100", root, n_fls)
    cap("fls-fat-all", "fls -r -p fat.img", root, n_fls)
    dels = re.findall(r"\* (\d+):", run("fls -r -d fat.img", cwd=root))
    cap("istat-fat", f"for i in {' '.join(dels[:10])} 5; do istat fat.img $i; echo EXIT=$?; done", root, n_istat)
    cap("ils-fat", "ils -A fat.img; ils -e fat.img | head -n 120", root, n_ils)


def disks(tmp: Path) -> None:
    root = tmp / "disk"
    root.mkdir()
    casefiles(root / "tree", 2502, 90)
    fat_image(root, root / "tree")
    run("mkfs.ext4 -q -F -b 1024 -L userdata -d tree part2.img 24M", cwd=root)
    run("truncate -s 72M disk.img && printf 'label: dos\\nstart=2048, size=40960, type=6\\n"
        "start=45056, size=49152, type=83\\nstart=100000, size=40000, type=5\\nstart=102048, size=8000, type=83\\n"
        "start=114096, size=6000, type=82\\n' | sfdisk -q disk.img", cwd=root)
    run("dd if=fat.img of=disk.img bs=512 seek=2048 conv=notrunc status=none && "
        "dd if=part2.img of=disk.img bs=512 seek=45056 conv=notrunc status=none", cwd=root)
    run("truncate -s 96M gpt.img && printf 'label: gpt\\nstart=2048, size=40960, type=EBD0A0A2-B9E5-4433-87C0-68B6B72699C7,"
        " name=\"casefat\"\\nstart=45056, size=49152, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=\"userdata\"\\n"
        "start=96256, size=40960, type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F, name=\"swap\"\\n"
        "start=145408, size=30000, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=\"scratch\"\\n' | sfdisk -q gpt.img",
        cwd=root)
    run("dd if=part2.img of=gpt.img bs=512 seek=45056 conv=notrunc status=none", cwd=root)
    shutil.copy(root / "disk.img", root / "torn.img")
    smash(root / "torn.img", 510, 2, 0, zero=True)  # the MBR signature gone
    cap("mmls-dos", "mmls disk.img; echo EXIT=$?", root, n_mmls)
    cap("mmls-gpt", "mmls gpt.img; mmls -B torn.img; echo EXIT=$?", root, n_mmls)
    cap("fls-disk", "fls -o 45056 -r -p disk.img | tail -n 80; fls -o 2048 -r -p -d disk.img", root, n_fls)
    cap("fsstat-disk", "fsstat -o 45056 gpt.img | head -n 60; fsstat -o 96256 gpt.img; echo EXIT=$?", root, n_fsstat)


STEPS = [ext, fat, disks]
