"""Round 196, round 189's kinds again: `studio`, an architecture studio's file share (projects with drawings, specs
and site photos, invoices, renders, templates), seeded (196), backed up, synced and archived with restic, borgbackup,
rclone (a local mirror and a crypt remote), duplicity (file://), rdiff-backup, unison, rsync, tar, 7z, zstd and par2,
all on this machine and all as the user `nobody`, with faults of its own put in between runs: files edited, deleted
and made unreadable, modes changed, a restic pack deleted and another damaged, borg segments damaged, rclone crypt
files damaged and removed, a solid 7z and a zip damaged, zstd frames damaged and cut, par2-protected drawings damaged
and removed. Needles come from round 189's extractors, imported from capture_wide189_bak.py (no new rule); the
helpers that run a command as nobody, give the tree to nobody and damage a file are imported from there too. Run
through capture_wide196.py."""

from __future__ import annotations

import random
import re
import shutil
import time
from pathlib import Path

from capture_more import run
from capture_wide189_bak import (U, damage, files_of, n_7z_list, n_7z_test, n_borg_check, n_borg_create, n_borg_list,
                                 n_borg_prune, n_duplicity_backup, n_duplicity_status, n_duplicity_verify,
                                 n_par2_verify, n_rclone_check, n_rclone_lsl, n_rclone_sync, n_rdiff_backup,
                                 n_restic_backup, n_restic_check, n_restic_diff, n_restic_restore,
                                 n_restic_snapshots, n_rsync_itemize, n_tar_diff, n_unison_batch, n_zstd_test, own)
from capture_wide196 import add

PROJECTS = ["harbour-library", "mill-lofts", "school-annex", "orchard-houses", "ferry-terminal"]
WORDS = ("beam slab facade glazing truss soffit parapet lintel mullion plinth atrium cladding joist render "
         "elevation section stair ramp canopy louvre").split()


def _text(rng: random.Random, n: int) -> str:
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))) for _ in range(n)) + "\n"


def make_share(root: Path, seed: int = 196) -> None:
    """The share: ~270 files, 1-60 KB each."""
    rng = random.Random(seed)
    for p in PROJECTS:
        base = root / "projects" / p
        for sub in ("drawings", "specs", "site-photos"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        for i in range(rng.randint(10, 16)):
            (base / "drawings" / f"{p[:3].upper()}-{rng.choice(['GA', 'DT', 'EL', 'SE'])}-{100 + i}.dwg").write_bytes(
                rng.randbytes(rng.randint(6_000, 60_000)))
        for i in range(rng.randint(5, 9)):
            (base / "specs" / f"{rng.choice(WORDS)}-spec-{i:02d}.md").write_text(
                f"# {p} {rng.choice(WORDS)} specification\n\n" + _text(rng, rng.randint(10, 120)))
        for i in range(rng.randint(8, 14)):
            (base / "site-photos" / f"DSC{7100 + i:05d}.jpg").write_bytes(rng.randbytes(rng.randint(3_000, 45_000)))
    inv = root / "office" / "invoices" / "2026"
    inv.mkdir(parents=True, exist_ok=True)
    for m in range(1, 12):
        rows = ["invoice,client,project,hours,rate,amount"]
        for k in range(rng.randint(20, 200)):
            h = rng.randint(1, 80)
            r = rng.choice([85, 95, 120, 140])
            rows.append(f"INV-{m:02d}{k:03d},{rng.choice(['council', 'trust', 'private', 'developer'])},"
                        f"{rng.choice(PROJECTS)},{h},{r},{h * r}")
        (inv / f"invoices-2026-{m:02d}.csv").write_text("\n".join(rows) + "\n")
    (root / "renders").mkdir(parents=True, exist_ok=True)
    for i in range(24):
        name = f"{rng.choice(PROJECTS)}-view{i:02d}.png"
        (root / "renders" / name).write_bytes(rng.randbytes(rng.randint(8_000, 50_000)))
    (root / "templates").mkdir(parents=True, exist_ok=True)
    for name in ("title-block.dwt", "sheet-a1.dwt", "sheet-a3.dwt", "letterhead.dotx", "fee-proposal.md"):
        (root / "templates" / name).write_bytes(rng.randbytes(rng.randint(2_000, 12_000)))
    (root / ".studio").mkdir(parents=True, exist_ok=True)
    (root / ".studio" / "plotters.conf").write_text("[plotter]\nname = hp-t830\npaper = A1\n")


def churn(root: Path, seed: int, edit: int = 6, remove: int = 3, new: int = 4, unreadable: int = 0,
          modes: int = 0) -> None:
    """Edit, delete and add files; make some unreadable to the user (mode 000); change some modes."""
    rng = random.Random(seed)
    fs = [p for p in files_of(root) if p.stat().st_mode & 0o400]
    for p in rng.sample(fs, edit):
        with p.open("ab") as f:
            f.write(_text(rng, rng.randint(1, 15)).encode())
    for p in rng.sample(fs, remove):
        if p.exists():
            p.unlink()
    for i in range(new):
        proj = rng.choice(PROJECTS)
        d = root / "projects" / proj / rng.choice(["drawings", "specs"])
        if d.name == "drawings":
            name = f"{proj[:3].upper()}-SK-{seed % 1000:03d}{i}.dwg"
            (d / name).write_bytes(rng.randbytes(rng.randint(4_000, 30_000)))
        else:
            (d / f"rfi-{seed}-{i}.md").write_text(f"# RFI {seed}-{i}\n\n" + _text(rng, 20))
    live = [p for p in files_of(root) if p.stat().st_mode & 0o400]
    for p in rng.sample(live, modes):
        p.chmod(rng.choice([0o600, 0o755, 0o640]))
    for p in rng.sample([p for p in files_of(root) if p.stat().st_mode & 0o400], unreadable):
        p.chmod(0)


def share(tmp: Path) -> Path:
    return tmp / "srv" / "studio"


def setup(tmp: Path) -> None:
    make_share(share(tmp))
    for d in ("u", "repo", "mnt"):
        (tmp / d).mkdir(parents=True, exist_ok=True)
    own(tmp)


RESTIC = {"RESTIC_PASSWORD": "plinth-and-parapet-196"}


def cap_restic(tmp: Path) -> None:
    S, R = share(tmp), tmp / "repo" / "restic"
    env = dict(RESTIC, RESTIC_REPOSITORY=str(R))
    U(tmp, "restic init", env)
    plan = [("nas-01", "nightly")] * 5 + [("nas-01", "pre-deadline"), ("laptop-kf", "nightly")] + \
        [("nas-01", "nightly")] * 4 + [("nas-01", "weekly"), ("nas-01", "nightly"), ("nas-01", "nightly")]
    for i, (host, tag) in enumerate(plan):
        if i:
            churn(S, 1960 + i, edit=3, remove=1, new=2, modes=1)
            own(tmp)
        U(tmp, f"restic -r {R} backup -q {S} --host {host} --tag {tag}", env)
    churn(S, 1980, edit=9, remove=4, new=5, unreadable=5)
    own(tmp)
    cmd = f"restic -r {R} backup -vv {S} --host nas-01 --tag nightly 2>&1 | grep -v '^unchanged' ; echo EXIT=$?"
    add("restic-backup-vv-unreadable-grep", cmd, U(tmp, cmd, env), n_restic_backup)
    cmd = f"restic -r {R} snapshots ; echo EXIT=$?"
    add("restic-snapshots-studio", cmd, U(tmp, cmd, env), n_restic_snapshots)
    ids = re.findall(r"^([0-9a-f]{8}) ", U(tmp, f"restic -r {R} snapshots", env), re.M)
    cmd = f"restic -r {R} diff {ids[2]} {ids[-1]}"
    add("restic-diff-third-latest", cmd, U(tmp, cmd, env), n_restic_diff)
    packs = sorted((p for p in (R / "data").rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)
    damage(packs[-2], 19601, 0.4, 120)
    damage(packs[len(packs) // 3], 19602, 0.7, 40)
    packs[len(packs) // 2].unlink()
    cmd = f"restic -r {R} check --read-data 2>&1 | tail -n 60 ; echo EXIT=$?"
    add("restic-check-read-data-tail", cmd, U(tmp, cmd, env), n_restic_check)
    (tmp / "restore").mkdir(exist_ok=True)
    own(tmp)
    cmd = f"restic -r {R} restore latest --target {tmp}/restore --include {S}/projects --verify ; echo EXIT=$?"
    add("restic-restore-latest-verify", cmd, U(tmp, cmd, env), n_restic_restore)


BORG = {"BORG_PASSPHRASE": "plinth-and-parapet-196", "BORG_RELOCATED_REPO_ACCESS_IS_OK": "yes",
        "BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK": "yes"}


def cap_borg(tmp: Path) -> None:
    S, R = share(tmp), tmp / "repo" / "borg"
    env = dict(BORG, BORG_BASE_DIR=str(tmp / "u"))
    U(tmp, f"borg init -e repokey-blake2 {R}", env)
    for d in range(1, 50):
        day = f"2026-{9 + (d - 1) // 30:02d}-{(d - 1) % 30 + 1:02d}"
        if d % 4 == 0:
            churn(S, 4000 + d, edit=2, remove=1, new=1, modes=1)
            own(tmp)
        name = f"studio-{day}" if d % 11 else f"adhoc-{day}-handover"
        U(tmp, f"borg create --compression lz4 {R}::{name} {S} --timestamp {day}T02:30:00", env)
    churn(S, 4100, edit=7, remove=3, new=4, unreadable=3, modes=4)
    own(tmp)
    cmd = f"borg create --stats --list --filter=AMEx {R}::studio-2026-11-01 {S} ; echo EXIT=$?"
    add("borg-create-filter-unreadable", cmd, U(tmp, cmd.replace(" ; echo", " --timestamp 2026-11-01T02:30:00 ; echo"),
                                                env), n_borg_create)
    cmd = f"borg list {R}::studio-2026-11-01 | head -n 220"
    add("borg-list-files-head", cmd, U(tmp, cmd, env), n_borg_list)
    cmd = (f"borg prune --dry-run --list --keep-daily 6 --keep-weekly 3 --keep-monthly 2 --glob-archives 'studio-*' "
           f"{R}")
    add("borg-prune-dry-run-studio", cmd, U(tmp, cmd, env), n_borg_prune)
    segs = sorted((p for p in (R / "data").rglob("*") if p.is_file() and p.name.isdigit()), key=lambda p: int(p.name))
    damage(segs[len(segs) // 2], 19603, 0.3, 200)
    damage(segs[1], 19604, 0.6, 64)
    cmd = f"borg check -v {R} ; echo EXIT=$? ; borg check -v --archives-only --last 2 {R} 2>&1 | tail -n 20"
    add("borg-check-repo-and-last", cmd, U(tmp, cmd, env, timeout=600), n_borg_check)


def cap_rclone(tmp: Path) -> None:
    S, M, V = share(tmp), tmp / "mnt" / "mirror", tmp / "mnt" / "crypt"
    for d in (M, V):
        d.mkdir(parents=True, exist_ok=True)
    run(f"chmod -R u+r {S}")
    own(tmp)
    pw = run("rclone obscure plinth-and-parapet-196").strip()
    env = {"RCLONE_CONFIG_OFFSITE_TYPE": "crypt", "RCLONE_CONFIG_OFFSITE_REMOTE": str(V),
           "RCLONE_CONFIG_OFFSITE_PASSWORD": pw, "RCLONE_CONFIG": "/dev/null"}
    U(tmp, f"rclone sync {S} {M} ; rclone sync {S} offsite:", env)
    churn(S, 5000, edit=8, remove=6, new=6, unreadable=3)
    churn(M, 5001, edit=4, remove=2, new=3)
    own(tmp)
    cmd = f"rclone sync {S} {M} --dry-run -v 2>&1 | tail -n 80"
    add("rclone-sync-dry-run-tail", cmd, U(tmp, cmd, env), n_rclone_sync)
    encs = sorted(p for p in V.rglob("*") if p.is_file())
    for i, p in enumerate(encs[4:60:11]):
        damage(p, 19610 + i, 0.5, 24)
    encs[-3].unlink()
    encs[20].unlink()
    cmd = f"rclone cryptcheck {S} offsite: ; echo EXIT=$?"
    add("rclone-cryptcheck-offsite", cmd, U(tmp, cmd, env), n_rclone_check)
    cmd = f"rclone lsl {M}/projects"
    add("rclone-lsl-mirror-projects", cmd, U(tmp, cmd, env), n_rclone_lsl)


def dup(tmp: Path, cmd: str) -> str:
    """A duplicity run, a second after the last: duplicity names its volumes by the second, and two runs in one
    second leave chains its collection code cannot sort (0.8.22 stops with an AssertionError)."""
    time.sleep(1.5)
    return U(tmp, cmd)


def cap_duplicity(tmp: Path) -> None:
    S, T = share(tmp), tmp / "mnt" / "dup"
    run(f"chmod -R u+r {S}")
    own(tmp)
    arch = f"--archive-dir {tmp}/u/dupcache --no-encryption"
    dup(tmp, f"duplicity full {arch} {S} file://{T}")
    for i in range(2):
        churn(S, 6000 + i, edit=3, remove=1, new=2)
        own(tmp)
        dup(tmp, f"duplicity incremental {arch} {S} file://{T}")
    churn(S, 6010, edit=6, remove=4, new=5, unreadable=3)
    own(tmp)
    cmd = f"duplicity incremental --no-encryption {S} file://{T} ; echo EXIT=$?"
    add("duplicity-incremental-unreadable", cmd, dup(tmp, cmd.replace("--no-encryption", arch)), n_duplicity_backup)
    run(f"chmod -R u+r {S}")
    own(tmp)
    dup(tmp, f"duplicity full {arch} {S} file://{T}")
    for i in range(3):
        churn(S, 6020 + i, edit=2, remove=1, new=1)
        own(tmp)
        dup(tmp, f"duplicity incremental {arch} {S} file://{T}")
    cmd = f"duplicity collection-status --no-encryption file://{T} ; echo EXIT=$?"
    add("duplicity-collection-status-two-chains", cmd, dup(tmp, cmd.replace("--no-encryption", arch)),
        n_duplicity_status)
    churn(S, 6100, edit=25, remove=9, new=6)
    own(tmp)
    cmd = f"duplicity verify --compare-data --no-encryption file://{T} {S} 2>&1 | tail -n 70"
    add("duplicity-verify-compare-tail", cmd, dup(tmp, cmd.replace("--no-encryption", arch)), n_duplicity_verify)


def cap_rdiff(tmp: Path) -> None:
    S, T = share(tmp), tmp / "mnt" / "rdiff"
    run(f"chmod -R u+r {S}")
    own(tmp)
    U(tmp, f"rdiff-backup backup {S} {T}")
    churn(S, 7000, edit=20, remove=8, new=9, unreadable=2)
    own(tmp)
    cmd = f"rdiff-backup compare {S} {T} ; echo EXIT=$?"
    add("rdiff-backup-compare-studio", cmd, U(tmp, cmd), n_rdiff_backup)


def cap_unison(tmp: Path) -> None:
    A, B = tmp / "sync" / "office", tmp / "sync" / "site-laptop"
    run(f"chmod -R u+r {share(tmp)}")
    for d in (A, B):
        d.mkdir(parents=True, exist_ok=True)
        shutil.copytree(share(tmp) / "projects", d / "projects", dirs_exist_ok=True)
        shutil.copytree(share(tmp) / "office", d / "office", dirs_exist_ok=True)
    env = {"UNISON": str(tmp / "u" / ".unison")}
    own(tmp)
    U(tmp, f"unison {A} {B} -batch", env)
    churn(A, 8000, edit=12, remove=4, new=5)
    churn(B, 8000, edit=12, remove=0, new=0)  # the same files edited on both sides: conflicts
    churn(B, 8001, edit=5, remove=5, new=4, unreadable=2)
    own(tmp)
    cmd = f"unison {A} {B} -batch -times 2>&1 | tail -n 90"
    add("unison-batch-conflicts-tail", cmd, U(tmp, cmd, env), n_unison_batch)


def cap_rsync(tmp: Path) -> None:
    S, B = share(tmp), tmp / "mnt" / "rsync-copy"
    B.mkdir(parents=True, exist_ok=True)
    run(f"chmod -R u+r {S}")
    own(tmp)
    U(tmp, f"rsync -a {S}/ {B}/")
    churn(S, 9000, edit=30, remove=14, new=20, modes=6)
    churn(B, 9001, edit=3, remove=2, new=4)
    for p in random.Random(9002).sample(files_of(S), 4):  # edited, then unreadable: rsync must open them
        with p.open("ab") as f:
            f.write(b"revision C\n")
        p.chmod(0)
    own(tmp)
    cmd = f"rsync -ai --delete --dry-run --stats {S}/ {B}/ ; echo EXIT=$?"
    add("rsync-itemize-dry-run-stats", cmd, U(tmp, cmd), n_rsync_itemize)


def cap_archives(tmp: Path) -> None:
    S, A = share(tmp), tmp / "mnt" / "archives"
    A.mkdir(parents=True, exist_ok=True)
    run(f"chmod -R u+r {S}")
    own(tmp)
    U(tmp, f"tar -cf {A}/studio.tar -C {S.parent} studio")
    churn(S, 9100, edit=35, remove=12, new=5, unreadable=4, modes=5)
    own(tmp)
    cmd = f"tar -df {A}/studio.tar -C {S.parent} 2>&1 | head -n 120 ; echo EXIT=$?"
    add("tar-diff-head", cmd, U(tmp, cmd), n_tar_diff)
    run(f"chmod -R u+r {S}")
    own(tmp)
    U(tmp, f"7z a {A}/drawings.7z {S}/projects ; 7z a -tzip {A}/office.zip {S}/office {S}/templates ; "
           f"7z a -mx=3 {A}/renders.7z {S}/renders")
    cmd = f"7z l {A}/drawings.7z"
    add("7z-list-drawings", cmd, U(tmp, cmd), n_7z_list)
    shutil.copy(A / "drawings.7z", A / "drawings-copy.7z")
    damage(A / "drawings-copy.7z", 19620, 0.35, 400)
    damage(A / "drawings-copy.7z", 19621, 0.8, 100)
    shutil.copy(A / "office.zip", A / "office-copy.zip")
    for i, at in enumerate((0.2, 0.5, 0.75)):
        damage(A / "office-copy.zip", 19622 + i, at, 300)
    own(tmp)
    cmd = f"7z t {A}/office-copy.zip ; 7z t {A}/drawings-copy.7z ; echo EXIT=$?"
    add("7z-test-zip-and-solid", cmd, U(tmp, cmd), n_7z_test)
    Z = tmp / "mnt" / "zst"
    Z.mkdir(parents=True, exist_ok=True)
    own(tmp)
    U(tmp, f"cd {S} && for f in office/invoices/2026/*.csv projects/*/specs/*.md; do zstd -q -12 \"$f\" -o "
           f"{Z}/$(basename \"$f\").zst; done")
    zs = sorted(Z.glob("*.zst"))
    for i, p in enumerate(zs[2::9]):
        damage(p, 19630 + i, 0.6, 6)
    for p in zs[5::13]:
        with open(p, "r+b") as f:
            f.truncate(p.stat().st_size * 2 // 3)
    own(tmp)
    cmd = f"cd {Z} && zstd -t -v *.zst 2>&1 | tail -n 70"
    add("zstd-test-verbose-tail", cmd, U(tmp, cmd), n_zstd_test)
    P = tmp / "mnt" / "par"
    shutil.copytree(S / "projects" / "ferry-terminal" / "drawings", P / "drawings")
    own(tmp)
    U(tmp, f"cd {P}/drawings && par2 create -r6 -n3 drawings.par2 *.dwg", timeout=600)
    dwgs = sorted((P / "drawings").glob("*.dwg"))
    damage(dwgs[1], 19640, 0.5, 500)
    damage(dwgs[4], 19641, 0.2, 50)
    dwgs[7].unlink()
    own(tmp)
    cmd = f"cd {P}/drawings && par2 verify drawings.par2 ; echo EXIT=$?"
    add("par2-verify-drawings", cmd, U(tmp, cmd, timeout=600), n_par2_verify)


STEPS = [setup, cap_restic, cap_borg, cap_rclone, cap_duplicity, cap_rdiff, cap_unison, cap_rsync, cap_archives]
