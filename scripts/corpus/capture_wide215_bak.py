"""Round 215, round 189's kinds a third time: `clinic`, a veterinary practice's records share (patient notes, x-ray
images, lab results, invoices, consent-form templates), seeded (215), backed up, synced and archived with restic,
borgbackup, rclone (a local mirror and a crypt remote), duplicity (file://), rdiff-backup, unison, rsync, tar, 7z,
zstd and par2, all on this machine and all as the user `nobody`, with faults of its own put in between runs: files
edited, deleted and made unreadable, modes changed, restic packs deleted and damaged, borg segments damaged, rclone
crypt files damaged and removed, a 7z and a tar.gz damaged, zstd frames damaged and cut, par2-protected x-rays damaged
and removed. Needles come from round 189's extractors, imported from capture_wide189_bak.py (no new rule); the helpers
that run a command as nobody, give the tree to nobody and damage a file are imported from there too. Run through
capture_wide215.py."""

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
from capture_wide215 import add

SPECIES = ["canine", "feline", "equine", "rabbit", "avian", "exotic"]
WORDS = ("vaccination booster dental radiograph bloods suture sedation palpation fluids anaesthesia recovery "
         "discharge lameness dermatitis microchip weight diet follow-up").split()


def _text(rng: random.Random, n: int) -> str:
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 13))) for _ in range(n)) + "\n"


def make_share(root: Path, seed: int = 215) -> None:
    """The share: ~300 files, 1-55 KB each."""
    rng = random.Random(seed)
    for sp in SPECIES:
        base = root / "patients" / sp
        for sub in ("notes", "xray", "lab"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        for i in range(rng.randint(8, 14)):
            (base / "notes" / f"P{rng.randint(10000, 99999)}-{rng.choice(WORDS)}.txt").write_text(
                f"patient {sp} {i}\n" + _text(rng, rng.randint(8, 90)))
        for i in range(rng.randint(5, 10)):
            (base / "xray" / f"XR-{sp[:3].upper()}-{300 + i}.dcm").write_bytes(rng.randbytes(rng.randint(8_000, 55_000)))
        for i in range(rng.randint(3, 7)):
            rows = ["sample,analyte,value,unit,flag"]
            for k in range(rng.randint(15, 120)):
                rows.append(f"S{i:02d}{k:03d},{rng.choice(['ALT', 'ALP', 'BUN', 'CREA', 'GLU', 'PCV'])},"
                            f"{round(rng.uniform(0.5, 180), 1)},{rng.choice(['U/L', 'mmol/L', '%'])},"
                            f"{rng.choice(['', '', 'H', 'L'])}")
            (base / "lab" / f"lab-{sp}-{i:02d}.csv").write_text("\n".join(rows) + "\n")
    inv = root / "accounts" / "invoices" / "2026"
    inv.mkdir(parents=True, exist_ok=True)
    for m in range(1, 11):
        rows = ["invoice,owner,species,item,qty,amount"]
        for k in range(rng.randint(30, 180)):
            q = rng.randint(1, 4)
            rows.append(f"VI-{m:02d}{k:03d},owner-{rng.randint(100, 999)},{rng.choice(SPECIES)},"
                        f"{rng.choice(WORDS)},{q},{q * rng.choice([18, 35, 60, 120])}")
        (inv / f"invoices-2026-{m:02d}.csv").write_text("\n".join(rows) + "\n")
    (root / "forms").mkdir(parents=True, exist_ok=True)
    for name in ("consent-anaesthesia.odt", "consent-euthanasia.odt", "discharge.odt", "estimate.ods",
                 "insurance-claim.pdf", "referral.md"):
        (root / "forms" / name).write_bytes(rng.randbytes(rng.randint(2_000, 14_000)))
    (root / "scans").mkdir(parents=True, exist_ok=True)
    for i in range(20):
        (root / "scans" / f"scan-{rng.randint(1000, 9999)}-{i:02d}.pdf").write_bytes(
            rng.randbytes(rng.randint(6_000, 40_000)))
    (root / ".pms").mkdir(parents=True, exist_ok=True)
    (root / ".pms" / "sync.ini").write_text("[pms]\nhost = pms-01\nport = 5433\n")


def churn(root: Path, seed: int, edit: int = 6, remove: int = 3, new: int = 4, unreadable: int = 0,
          modes: int = 0) -> None:
    """Edit, delete and add files; make some unreadable to the user (mode 000); change some modes."""
    rng = random.Random(seed)
    fs = [p for p in files_of(root) if p.stat().st_mode & 0o400]
    for p in rng.sample(fs, edit):
        with p.open("ab") as f:
            f.write(_text(rng, rng.randint(1, 12)).encode())
    for p in rng.sample(fs, remove):
        if p.exists():
            p.unlink()
    for i in range(new):
        sp = rng.choice(SPECIES)
        d = root / "patients" / sp / rng.choice(["xray", "notes"])
        if d.name == "xray":
            (d / f"XR-{sp[:3].upper()}-{seed % 1000:03d}{i}.dcm").write_bytes(rng.randbytes(rng.randint(5_000, 30_000)))
        else:
            (d / f"P{seed}{i}-admit.txt").write_text(f"admission {seed}-{i}\n" + _text(rng, 18))
    live = [p for p in files_of(root) if p.stat().st_mode & 0o400]
    for p in rng.sample(live, modes):
        p.chmod(rng.choice([0o600, 0o755, 0o640]))
    for p in rng.sample([p for p in files_of(root) if p.stat().st_mode & 0o400], unreadable):
        p.chmod(0)


def share(tmp: Path) -> Path:
    return tmp / "srv" / "clinic"


def setup(tmp: Path) -> None:
    make_share(share(tmp))
    for d in ("u", "repo", "mnt"):
        (tmp / d).mkdir(parents=True, exist_ok=True)
    own(tmp)


RESTIC = {"RESTIC_PASSWORD": "suture-and-splint-215"}


def cap_restic(tmp: Path) -> None:
    S, R = share(tmp), tmp / "repo" / "restic"
    env = dict(RESTIC, RESTIC_REPOSITORY=str(R))
    U(tmp, "restic init", env)
    plan = [("pms-01", "hourly")] * 4 + [("pms-01", "daily"), ("reception-pc", "daily")] + \
        [("pms-01", "hourly")] * 3 + [("pms-01", "daily"), ("surgery-tab", "adhoc"), ("pms-01", "hourly"),
                                      ("pms-01", "daily"), ("pms-01", "hourly"), ("pms-01", "hourly")]
    for i, (host, tag) in enumerate(plan):
        if i:
            churn(S, 2150 + i, edit=4, remove=1, new=2, modes=1)
            own(tmp)
        U(tmp, f"restic -r {R} backup -q {S} --host {host} --tag {tag}", env)
    churn(S, 2180, edit=11, remove=5, new=6, unreadable=4)
    own(tmp)
    cmd = f"restic -r {R} backup -v {S} --host pms-01 --tag daily 2>&1 | tail -n 60 ; echo EXIT=$?"
    add("restic-backup-v-unreadable-tail", cmd, U(tmp, cmd, env), n_restic_backup)
    cmd = f"restic -r {R} snapshots --group-by host"
    add("restic-snapshots-group-by-host", cmd, U(tmp, cmd, env), n_restic_snapshots)
    ids = re.findall(r"^([0-9a-f]{8}) ", U(tmp, f"restic -r {R} snapshots", env), re.M)
    cmd = f"restic -r {R} diff {ids[0]} {ids[-1]} | head -n 150"
    add("restic-diff-first-latest-head", cmd, U(tmp, cmd, env), n_restic_diff)
    packs = sorted((p for p in (R / "data").rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)
    damage(packs[-1], 21501, 0.55, 90)
    damage(packs[len(packs) // 4], 21502, 0.3, 30)
    packs[(2 * len(packs)) // 3].unlink()
    cmd = f"restic -r {R} check --read-data ; echo EXIT=$?"
    add("restic-check-read-data", cmd, U(tmp, cmd, env), n_restic_check)
    (tmp / "restore").mkdir(exist_ok=True)
    own(tmp)
    cmd = f"restic -r {R} restore latest --target {tmp}/restore --include {S}/patients 2>&1 | tail -n 50 ; echo EXIT=$?"
    add("restic-restore-patients-tail", cmd, U(tmp, cmd, env), n_restic_restore)


BORG = {"BORG_PASSPHRASE": "suture-and-splint-215", "BORG_RELOCATED_REPO_ACCESS_IS_OK": "yes",
        "BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK": "yes"}


def cap_borg(tmp: Path) -> None:
    S, R = share(tmp), tmp / "repo" / "borg"
    env = dict(BORG, BORG_BASE_DIR=str(tmp / "u"))
    U(tmp, f"borg init -e repokey {R}", env)
    for d in range(1, 62):
        day = f"2026-{7 + (d - 1) // 31:02d}-{(d - 1) % 31 + 1:02d}"
        if d % 5 == 0:
            churn(S, 4200 + d, edit=3, remove=1, new=1, modes=1)
            own(tmp)
        name = f"clinic-{day}" if d % 9 else f"pre-upgrade-{day}"
        U(tmp, f"borg create --compression zstd,3 {R}::{name} {S} --timestamp {day}T23:15:00", env)
    churn(S, 4300, edit=8, remove=4, new=5, unreadable=3, modes=3)
    own(tmp)
    cmd = f"borg create --stats --list {R}::clinic-2026-09-01 {S} 2>&1 | grep -v '^A ' ; echo EXIT=$?"
    add("borg-create-list-grep-unreadable", cmd,
        U(tmp, cmd.replace(f"{S} 2>&1", f"{S} --timestamp 2026-09-01T23:15:00 2>&1"), env), n_borg_create)
    cmd = f"borg list {R}::clinic-2026-09-01 | tail -n 200"
    add("borg-list-files-tail", cmd, U(tmp, cmd, env), n_borg_list)
    cmd = f"borg prune --dry-run --list --keep-daily 10 --keep-weekly 4 --keep-monthly 3 {R} ; echo EXIT=$?"
    add("borg-prune-dry-run-all", cmd, U(tmp, cmd, env), n_borg_prune)
    segs = sorted((p for p in (R / "data").rglob("*") if p.is_file() and p.name.isdigit()), key=lambda p: int(p.name))
    damage(segs[(2 * len(segs)) // 3], 21503, 0.45, 150)
    damage(segs[2], 21504, 0.25, 48)
    cmd = (f"borg check -v {R} 2>&1 | grep -v '^ID: ' ; echo EXIT=$? ; borg check -v --archives-only --last 3 {R} "
           f"2>&1 | tail -n 25")
    add("borg-check-grep-and-last-three", cmd, U(tmp, cmd, env, timeout=600), n_borg_check)


def cap_rclone(tmp: Path) -> None:
    S, M, V = share(tmp), tmp / "mnt" / "mirror", tmp / "mnt" / "crypt"
    for d in (M, V):
        d.mkdir(parents=True, exist_ok=True)
    run(f"chmod -R u+r {S}")
    own(tmp)
    pw = run("rclone obscure suture-and-splint-215").strip()
    env = {"RCLONE_CONFIG_VAULT_TYPE": "crypt", "RCLONE_CONFIG_VAULT_REMOTE": str(V),
           "RCLONE_CONFIG_VAULT_PASSWORD": pw, "RCLONE_CONFIG": "/dev/null"}
    U(tmp, f"rclone sync {S} {M} ; rclone sync {S} vault:", env)
    churn(S, 5200, edit=10, remove=5, new=7, unreadable=2)
    churn(M, 5201, edit=5, remove=3, new=2)
    own(tmp)
    cmd = f"rclone sync {S} {M} -v 2>&1 ; echo EXIT=$?"
    add("rclone-sync-verbose-unreadable", cmd, U(tmp, cmd, env), n_rclone_sync)
    encs = sorted(p for p in V.rglob("*") if p.is_file())
    for i, p in enumerate(encs[3:80:13]):
        damage(p, 21510 + i, 0.4, 20)
    encs[-5].unlink()
    encs[31].unlink()
    cmd = f"rclone check {S} {M} 2>&1 | tail -n 40 ; rclone cryptcheck {S} vault: 2>&1 | tail -n 40"
    add("rclone-check-mirror-and-vault", cmd, U(tmp, cmd, env), n_rclone_check)
    cmd = f"rclone lsl {M} | head -n 160"
    add("rclone-lsl-mirror-head", cmd, U(tmp, cmd, env), n_rclone_lsl)


def dup(tmp: Path, cmd: str) -> str:
    """A duplicity run 1.5 s after the last (round 196: two runs in one second leave chains 0.8.22 cannot sort)."""
    time.sleep(1.5)
    return U(tmp, cmd)


def cap_duplicity(tmp: Path) -> None:
    S, T = share(tmp), tmp / "mnt" / "dup"
    run(f"chmod -R u+r {S}")
    own(tmp)
    arch = f"--archive-dir {tmp}/u/dupcache --no-encryption"
    dup(tmp, f"duplicity full {arch} {S} file://{T}")
    for i in range(3):
        churn(S, 6200 + i, edit=3, remove=1, new=2)
        own(tmp)
        dup(tmp, f"duplicity incremental {arch} {S} file://{T}")
    churn(S, 6210, edit=7, remove=3, new=4, unreadable=2)
    own(tmp)
    cmd = f"duplicity incremental --no-encryption -v info {S} file://{T} 2>&1 | tail -n 40"
    add("duplicity-backup-info-unreadable-tail", cmd, dup(tmp, cmd.replace("--no-encryption", arch)),
        n_duplicity_backup)
    cmd = f"duplicity collection-status --no-encryption file://{T}"
    add("duplicity-collection-status-one-chain", cmd, dup(tmp, cmd.replace("--no-encryption", arch)),
        n_duplicity_status)
    run(f"chmod -R u+r {S}")
    churn(S, 6300, edit=18, remove=7, new=5)
    own(tmp)
    cmd = f"duplicity verify --compare-data --no-encryption file://{T} {S} ; echo EXIT=$?"
    add("duplicity-verify-compare", cmd, dup(tmp, cmd.replace("--no-encryption", arch)), n_duplicity_verify)


def cap_rdiff(tmp: Path) -> None:
    S, T = share(tmp), tmp / "mnt" / "rdiff"
    run(f"chmod -R u+r {S}")
    own(tmp)
    U(tmp, f"rdiff-backup backup {S} {T}")
    churn(S, 7200, edit=6, remove=2, new=3)
    own(tmp)
    time.sleep(1.5)  # rdiff-backup names increments by the second: a second backup in the same second is refused
    U(tmp, f"rdiff-backup backup {S} {T}")
    churn(S, 7201, edit=14, remove=6, new=7, unreadable=3)
    own(tmp)
    time.sleep(1.5)
    cmd = f"rdiff-backup backup --print-statistics {S} {T} 2>&1 | tail -n 60 ; echo EXIT=$?"
    add("rdiff-backup-backup-statistics-tail", cmd, U(tmp, cmd), n_rdiff_backup)


def cap_unison(tmp: Path) -> None:
    A, B = tmp / "sync" / "pms-01", tmp / "sync" / "branch-surgery"
    run(f"chmod -R u+r {share(tmp)}")
    for d in (A, B):
        d.mkdir(parents=True, exist_ok=True)
        shutil.copytree(share(tmp) / "patients", d / "patients", dirs_exist_ok=True)
        shutil.copytree(share(tmp) / "accounts", d / "accounts", dirs_exist_ok=True)
    env = {"UNISON": str(tmp / "u" / ".unison")}
    own(tmp)
    U(tmp, f"unison {A} {B} -batch", env)
    churn(A, 8200, edit=10, remove=5, new=6)
    churn(B, 8200, edit=10, remove=0, new=0)
    churn(B, 8201, edit=6, remove=4, new=5, unreadable=1)
    own(tmp)
    cmd = f"unison {A} {B} -batch -prefer newer 2>&1 ; echo EXIT=$?"
    add("unison-batch-prefer-newer", cmd, U(tmp, cmd, env), n_unison_batch)


def cap_rsync(tmp: Path) -> None:
    S, B = share(tmp), tmp / "mnt" / "rsync-copy"
    B.mkdir(parents=True, exist_ok=True)
    run(f"chmod -R u+r {S}")
    own(tmp)
    U(tmp, f"rsync -a {S}/ {B}/")
    churn(S, 9200, edit=22, remove=9, new=14, modes=8)
    churn(B, 9201, edit=4, remove=3, new=3)
    for p in random.Random(9202).sample(files_of(S), 3):
        with p.open("ab") as f:
            f.write(b"amended after review\n")
        p.chmod(0)
    own(tmp)
    cmd = f"rsync -aic --delete {S}/ {B}/ 2>&1 | head -n 120 ; echo EXIT=$?"
    add("rsync-itemize-checksum-head", cmd, U(tmp, cmd), n_rsync_itemize)


def cap_archives(tmp: Path) -> None:
    S, A = share(tmp), tmp / "mnt" / "archives"
    A.mkdir(parents=True, exist_ok=True)
    run(f"chmod -R u+r {S}")
    own(tmp)
    U(tmp, f"tar -czf {A}/clinic.tar.gz -C {S.parent} clinic")
    churn(S, 9300, edit=25, remove=10, new=4, unreadable=3, modes=6)
    own(tmp)
    cmd = f"tar --compare -zf {A}/clinic.tar.gz -C {S.parent} 2>&1 ; echo EXIT=$?"
    add("tar-compare-gz", cmd, U(tmp, cmd), n_tar_diff)
    run(f"chmod -R u+r {S}")
    own(tmp)
    U(tmp, f"7z a -mx=5 {A}/patients.7z {S}/patients ; 7z a -tzip {A}/accounts.zip {S}/accounts {S}/forms")
    cmd = f"7z l {A}/patients.7z | tail -n 90"
    add("7z-list-patients-tail", cmd, U(tmp, cmd), n_7z_list)
    shutil.copy(A / "patients.7z", A / "patients-copy.7z")
    damage(A / "patients-copy.7z", 21520, 0.5, 300)
    shutil.copy(A / "accounts.zip", A / "accounts-copy.zip")
    for i, at in enumerate((0.15, 0.4, 0.65, 0.9)):
        damage(A / "accounts-copy.zip", 21522 + i, at, 200)
    own(tmp)
    cmd = f"7z t {A}/accounts-copy.zip 2>&1 | tail -n 50 ; 7z t {A}/patients-copy.7z ; echo EXIT=$?"
    add("7z-test-zip-and-7z-tail", cmd, U(tmp, cmd), n_7z_test)
    Z = tmp / "mnt" / "zst"
    Z.mkdir(parents=True, exist_ok=True)
    own(tmp)
    U(tmp, f"cd {S} && for f in accounts/invoices/2026/*.csv patients/*/lab/*.csv; do zstd -q -9 \"$f\" -o "
           f"{Z}/$(basename \"$f\").zst; done")
    zs = sorted(Z.glob("*.zst"))
    for i, p in enumerate(zs[1::7]):
        damage(p, 21530 + i, 0.5, 8)
    for p in zs[4::11]:
        with open(p, "r+b") as f:
            f.truncate(p.stat().st_size // 2)
    own(tmp)
    cmd = f"cd {Z} && zstd -t *.zst ; echo EXIT=$?"
    add("zstd-test-lab-invoices", cmd, U(tmp, cmd), n_zstd_test)
    P = tmp / "mnt" / "par"
    (P / "xray").mkdir(parents=True, exist_ok=True)
    for sp in ("canine", "equine"):
        for f in (S / "patients" / sp / "xray").glob("*.dcm"):
            shutil.copy(f, P / "xray" / f.name)
    own(tmp)
    U(tmp, f"cd {P}/xray && par2 create -r8 -n4 xray.par2 *.dcm", timeout=600)
    dcms = sorted((P / "xray").glob("*.dcm"))
    damage(dcms[0], 21540, 0.3, 700)
    damage(dcms[6], 21541, 0.7, 80)
    dcms[3].unlink()
    dcms[9].rename(P / "xray" / "renamed.dcm")
    own(tmp)
    cmd = f"cd {P}/xray && par2 verify xray.par2 2>&1 | tail -n 70 ; echo EXIT=$?"
    add("par2-verify-xray-tail", cmd, U(tmp, cmd, timeout=600), n_par2_verify)


STEPS = [setup, cap_restic, cap_borg, cap_rclone, cap_duplicity, cap_rdiff, cap_unison, cap_rsync, cap_archives]
