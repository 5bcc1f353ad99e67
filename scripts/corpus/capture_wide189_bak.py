"""Round 189: a seeded home directory (`mira`: a project, notes, photos, CSV data) backed up, synced and archived with
restic, borgbackup, rclone (local and crypt remotes), duplicity (file://), rdiff-backup, unison, rsync, tar, 7z, zstd
and par2, all on this machine and all as the user `nobody`, with faults put in between runs (files changed, deleted
and made unreadable; a damaged restic pack, borg segment, 7z/zip archive, zstd frames and par2-protected files; a wrong
password). Extractors are the rules of NEEDLES.md's "Round 189" section. Run through capture_wide189.py."""

from __future__ import annotations

import random
import re
import shlex
import shutil
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, kind, run
from capture_wide189 import add, exit_lines

ASUSER = "setpriv --reuid=65534 --regid=65534 --clear-groups"
WORDS = ("orbit lumen quartz harbor cinder maple velvet tundra saffron ember glacier prism meadow falcon copper "
         "willow basalt cobalt juniper nimbus").split()


def U(tmp: Path, cmd: str, env: dict | None = None, timeout: int = 300) -> str:
    """`cmd` run by bash as nobody in `tmp`, stdout+stderr merged."""
    e = {"HOME": str(tmp / "u"), "XDG_CACHE_HOME": str(tmp / "u" / ".cache"), "XDG_CONFIG_HOME": str(tmp / "u" / ".config")}
    e.update(env or {})
    return run(f"{ASUSER} bash -c {shlex.quote(cmd)}", cwd=tmp, env=e, timeout=timeout)


def own(tmp: Path) -> None:
    run(f"chown -R 65534:65534 {tmp}")


def _text(rng: random.Random, n: int) -> str:
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))) for _ in range(n)) + "\n"


def make_home(root: Path, seed: int = 189) -> None:
    """The user's files: ~230 files, 1-40 KB each."""
    rng = random.Random(seed)
    for i in range(60):
        sub = rng.choice(["core", "io", "cli", "util"])
        (root / "project" / "src" / sub).mkdir(parents=True, exist_ok=True)
        (root / "project" / "src" / sub / f"{rng.choice(WORDS)}_{i:02d}.py").write_text(
            "".join(f"def {rng.choice(WORDS)}_{j}(x):\n    return x * {j}\n\n" for j in range(rng.randint(5, 60))))
    for i in range(40):
        (root / "notes").mkdir(parents=True, exist_ok=True)
        (root / "notes" / f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}-{rng.choice(WORDS)}-{i}.md").write_text(
            f"# {rng.choice(WORDS).title()}\n\n" + _text(rng, rng.randint(5, 80)))
    for i in range(80):
        d = root / "photos" / f"2026-{rng.randint(5, 11):02d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"IMG_{4000 + i}.jpg").write_bytes(rng.randbytes(rng.randint(2_000, 40_000)))
    for i in range(30):
        (root / "data").mkdir(parents=True, exist_ok=True)
        rows = ["ts,sensor,value"] + [f"2026-11-{rng.randint(1, 30):02d}T{rng.randint(0, 23):02d}:00,{rng.choice(WORDS)},"
                                      f"{rng.uniform(-20, 40):.3f}" for _ in range(rng.randint(30, 600))]
        (root / "data" / f"{rng.choice(WORDS)}-{i:02d}.csv").write_text("\n".join(rows) + "\n")
    (root / ".config" / "app").mkdir(parents=True, exist_ok=True)
    (root / ".config" / "app" / "settings.toml").write_text('theme = "dark"\nsync = true\n')


def files_of(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def mutate(root: Path, seed: int, change: int = 8, delete: int = 4, new: int = 6, unreadable: int = 0) -> None:
    """Change, delete and add files; make some unreadable to the user (mode 000)."""
    rng = random.Random(seed)
    fs = [p for p in files_of(root) if p.stat().st_mode & 0o400]
    for p in rng.sample(fs, change):
        with p.open("a") as f:
            f.write(_text(rng, rng.randint(1, 20)))
    for p in rng.sample([p for p in fs if p.exists()], delete):
        if p.exists():
            p.unlink()
    for i in range(new):
        d = rng.choice([root / "notes", root / "data", root / "project" / "src" / "core"])
        (d / f"{rng.choice(WORDS)}-new{seed}-{i}.{'md' if d.name == 'notes' else 'txt'}").write_text(_text(rng, 30))
    for p in rng.sample([p for p in files_of(root)], unreadable):
        p.chmod(0)


def damage(path: Path, seed: int, at: float = 0.5, n: int = 64) -> None:
    """Overwrite `n` bytes in the middle of a file."""
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    off = int(len(data) * at)
    data[off:off + n] = rng.randbytes(min(n, len(data) - off))
    path.write_bytes(bytes(data))


# ------------------------------------------------------------------ extractors

ERR_RE = re.compile(r"Fatal:|ERROR|error:|[Pp]ermission denied|No such file")


def base(lines: list[str]) -> list[str]:
    """Rules 1 and 3 on every kind of the round: EXIT=N lines and error lines."""
    return exit_lines(lines) + [ln for ln in lines if ERR_RE.search(ln)]


def pick(lines, *pats: str, flags: int = 0) -> list[str]:
    rx = re.compile("|".join(pats), flags)
    return [ln for ln in lines if rx.search(ln)]


def rare_rows(rows: list[str], key) -> list[str]:
    """Rule 4: rows whose value occurs in at most 2 rows while the commonest value covers half."""
    vals = {ln: key(ln) for ln in rows}
    c = Counter(vals.values())
    if not c or c.most_common(1)[0][1] * 2 < len(rows):
        return []
    return [ln for ln in rows if c[vals[ln]] <= 2]


@kind("restic-backup", "log")
def n_restic_backup(lines):
    """The `snapshot … saved`, Files:/Dirs:/Added to the repository:/processed lines, every modified and error line."""
    return base(lines) + pick(lines, r"^snapshot \S+ saved", r"^(Files|Dirs):", r"^Added to the repository:",
                              r"^processed \d+ files", r"^modified ", r"can not")


@kind("restic-snapshots", "table")
def n_restic_snapshots(lines):
    """Header row, first and last snapshot rows, rows with a rare host or tags value, the `N snapshots` line."""
    out = base(lines)
    heads = [ln for ln in lines if re.match(r"^ID\s+Time\s+Host", ln)]
    rows = [ln for ln in lines if re.match(r"^[0-9a-f]{8}\s+\d{4}-\d\d-\d\d", ln)]
    if heads:
        h = heads[0]
        out.append(h)
        hp, tp, pp = h.index("Host"), h.index("Tags") if "Tags" in h else h.index("Paths"), h.index("Paths")
        out += rare_rows(rows, lambda ln: ln[hp:tp].strip())
        out += rare_rows(rows, lambda ln: ln[tp:pp].strip())
    out += rows[:1] + rows[-1:]
    return out + pick(lines, r"^\d+ snapshots$")


@kind("restic-check", "log")
def n_restic_check(lines):
    """Every line naming a damaged pack/blob/tree, and the verdict line."""
    return base(lines) + pick(lines, r"Pack ID does not match", r"pack .* contains .* errors?", r"error for tree",
                              r"(?i:invalid)", r"(?i:unexpected)", r"no errors were found",
                              r"repository contains errors")


@kind("restic-diff", "listing")
def n_restic_diff(lines):
    """Every M and - line, + lines (all when at most 20, else first and last), the Files/Dirs/Added/Removed totals."""
    plus = [ln for ln in lines if re.match(r"^\+\s+/", ln)]
    return base(lines) + pick(lines, r"^[MT-]\s+/") + (plus if len(plus) <= 20 else [plus[0], plus[-1]]) + \
        pick(lines, r"^\s*(Files|Dirs|Added|Removed):")


@kind("restic-restore", "log")
def n_restic_restore(lines):
    """Every error line, the `restoring … to …` line, the Summary / verifying closing lines."""
    return base(lines) + pick(lines, r"^restoring ", r"ignoring error", r"^verifying files", r"finished verifying",
                              r"^Summary:", r"^There were \d+ errors", r"(?i:verif\w* .*fail)")


@kind("borg-create", "listing")
def n_borg_create(lines):
    """Every E/M/x file line and error message line, the Archive name / Number of files / This archive / All archives lines."""
    return base(lines) + pick(lines, r"^[EMx] \S", r"\[Errno", r"^(Archive name|Number of files|This archive|All "
                                                                  r"archives):", r"terminating with (warning|error)")


@kind("borg-list", "listing")
def n_borg_list(lines):
    """Archive list: first and last rows; file listing: first and last rows, the largest file, rows of a rare mode."""
    out = base(lines)
    arcs = [ln for ln in lines if re.match(r"^\S+\s+\w{3}, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[[0-9a-f]{64}\]", ln)]
    out += arcs[:1] + arcs[-1:]
    rows = [ln for ln in lines if re.match(r"^[-dlcbps][rwxsStT-]{9} \S+\s+\S+\s+\d+ ", ln)]
    if rows:
        out += rows[:1] + rows[-1:] + [max(rows, key=lambda ln: int(ln.split()[3]))]
        out += rare_rows(rows, lambda ln: ln.split()[0])
    return out


@kind("borg-check", "log")
def n_borg_check(lines):
    """Every line naming a corrupted or missing segment/chunk/object/archive, the closing check lines."""
    return base(lines) + pick(lines, r"(?i:corrupt)", r"(?i:missing)", r"(?i:mismatch)", r"(?i:broken)",
                              r"Data integrity error", r"(?i:check complete)", r"(?i:errors found)",
                              r"Finished .*check")


@kind("borg-prune", "listing")
def n_borg_prune(lines):
    """Every `Would prune:` line and the first `Keeping archive` line of each rule."""
    return base(lines) + pick(lines, r"^Would prune:", r"^Keeping archive \(rule: \S+ #1\)")


@kind("rclone-sync", "log")
def n_rclone_sync(lines):
    """Every ERROR and deletion line, Skipped copy/update lines one {"any"} per operation, the totals lines."""
    out = base(lines) + pick(lines, r"Skipped delete", r": Deleted")
    ops = [(m.group(1), ln) for ln in lines for m in [re.search(r"Skipped (copy|update|move|make directory|"
                                                                r"set directory modification time)", ln)] if m]
    return out + cm.groups(ops) + pick(lines, r"^\s*(Transferred|Checks|Deleted|Errors):")


@kind("rclone-check", "log")
def n_rclone_check(lines):
    """Every ERROR line and every NOTICE totals line."""
    return base(lines) + pick(lines, r"\d+ (differences found|files missing|matching files|hashes could not be checked"
                                     r"|errors while checking|hashes could not be checked)")


@kind("rclone-lsl", "listing")
def n_rclone_lsl(lines):
    """The first row, the smallest/largest size rows, the oldest/newest time rows, every error line."""
    out = base(lines)
    rows = [ln for ln in lines if re.match(r"^\s*\d+ \S", ln)]
    if rows:
        out += rows[:1] + [min(rows, key=lambda ln: int(ln.split()[0])), max(rows, key=lambda ln: int(ln.split()[0]))]
        timed = [ln for ln in rows if re.match(r"^\s*\d+ \d{4}-\d\d-\d\d \d\d:", ln)]
        if timed:
            t = lambda ln: " ".join(ln.split()[1:3])  # noqa: E731
            out += [min(timed, key=t), max(timed, key=t)]
    return out


@kind("duplicity-backup", "log")
def n_duplicity_backup(lines):
    """The Backup Statistics' SourceFiles/NewFiles/DeletedFiles/ChangedFiles/Errors lines, every Error/Warning line."""
    return base(lines) + pick(lines, r"^(SourceFiles|NewFiles|DeletedFiles|ChangedFiles|Errors) ", r"Error ",
                              r"Warning")


@kind("duplicity-status", "listing")
def n_duplicity_status(lines):
    """The chain lines (primary chain, start/end time, set and volume counts), every set row, orphan warnings."""
    return base(lines) + pick(lines, r"Found primary backup chain", r"^Chain (start|end) time:",
                              r"^Number of contained backup sets:", r"^Total number of contained volumes:",
                              r"^\s*(Full|Incremental)\s+\w{3} ", r"(?i:orphan)", r"(?i:incomplete)")


@kind("duplicity-verify", "log")
def n_duplicity_verify(lines):
    """Every `Difference found:` line and the `Verify complete:` line."""
    return base(lines) + pick(lines, r"Difference found:", r"Verify complete:")


@kind("rdiff-backup", "log")
def n_rdiff_backup(lines):
    """Current mirror and increment lines, changed/new/deleted path lines, the Session statistics counts."""
    return base(lines) + pick(lines, r"(?i:current mirror)", r"^\s+increments\.",
                              r"^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} ",
                              r"^(?:[\w ,]*changed|new|deleted|missing): \S",
                              r"^(SourceFiles|ChangedFiles|NewFiles|DeletedFiles|Errors) ")


@kind("unison-batch", "log")
def n_unison_batch(lines):
    """Every conflict, Failed/Error and deleted line, the Synchronization complete/incomplete line."""
    return base(lines) + pick(lines, r"<-\?->", r"(?i:conflict)", r"Failed", r"Error", r"(?i:deleted)",
                              r"Synchronization (complete|incomplete)")


@kind("rsync-itemize", "listing")
def n_rsync_itemize(lines):
    """Every *deleting line and changed-file line, new files as one {"any"}, rsync errors, the --stats counts."""
    new = [ln for ln in lines if re.match(r"^>f\+{9} ", ln)]
    return base(lines) + pick(lines, r"^\*deleting ", r"^>f(?!\+{9})\S{9} ", r"^rsync:", r"^rsync error:",
                              r"^rsync warning:",
                              r"^(Number of files|Number of regular files transferred|Number of deleted files|"
                              r"Total transferred file size):") + ([any_of(new)] if new else [])


@kind("7z-test", "log")
def n_7z_test(lines):
    """Every ERROR/Data Error/CRC Failed/Headers Error/Unexpected end/Can not open line, the closing error counts."""
    return base(lines) + pick(lines, r"ERROR", r"Data Error", r"CRC Failed", r"Headers Error", r"Unexpected end",
                              r"Can not open", r"^Sub items Errors:", r"^Archives with Errors:", r"^Everything is Ok")


@kind("7z-list", "listing")
def n_7z_list(lines):
    """Header row, the smallest/largest Size rows, rows of a rare Attr, the closing totals row."""
    out = base(lines) + pick(lines, r"^\s+Date\s+Time\s+Attr\s+Size")[:1]
    rows = [ln for ln in lines if re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [D.RHSA]{5} +\d+ ", ln)]
    if rows:
        sz = lambda ln: int(ln.split()[3])  # noqa: E731
        out += [min(rows, key=sz), max(rows, key=sz)] + rare_rows(rows, lambda ln: ln.split()[2])
    return out + pick(lines, r"\d+ files(, \d+ folders)?\s*$")


@kind("zstd-test", "log")
def n_zstd_test(lines):
    """Every `zstd: …` error line and each file's closing report line."""
    return base(lines) + pick(lines, r"^zstd: ", r"\.zst\s*: ")


@kind("par2-verify", "log")
def n_par2_verify(lines):
    """Every Target line not `- found.`, the blocks-available lines, the verdict lines."""
    return base(lines) + pick(lines, r'^Target: ".*" - (?!found\.)', r"^You have \d+ (out of \d+ data|recovery) blocks",
                              r"^(Repair is required|Repair is possible|Repair is not possible|Repair complete|"
                              r"All files are correct)")


@kind("tar-diff", "listing")
def n_tar_diff(lines):
    """Every line naming a difference and every `tar:` error line."""
    return base(lines) + pick(lines, r"(Mod time|Size|Mode|Uid|Gid) differs", r"Contents differ", r"Cannot stat",
                              r"Warning: Cannot", r"^tar: ")


# ------------------------------------------------------------------ steps

def home(tmp: Path) -> Path:
    return tmp / "home" / "mira"


def setup(tmp: Path) -> None:
    make_home(home(tmp))
    (tmp / "u").mkdir(parents=True, exist_ok=True)
    (tmp / "repo").mkdir(parents=True, exist_ok=True)
    own(tmp)


RESTIC = {"RESTIC_PASSWORD": "correct-horse-189"}


def cap_restic(tmp: Path) -> None:
    H, R = home(tmp), tmp / "repo" / "restic"
    env = dict(RESTIC, RESTIC_REPOSITORY=str(R))
    U(tmp, "restic init", env)
    cmd = f"restic -r {R} backup -vv {H} --tag daily"
    add("restic-backup-first-vv", cmd, U(tmp, cmd, env), n_restic_backup)
    snaps = 0
    for i, (host, tag) in enumerate([("atlas", "daily")] * 6 + [("atlas", "weekly"), ("lyra", "daily"),
                                                                  ("atlas", "daily"), ("atlas", "daily"),
                                                                  ("atlas", "manual"), ("atlas", "daily")]):
        mutate(H, 1000 + i, change=3, delete=1, new=2)
        own(tmp)
        U(tmp, f"restic -r {R} backup -q {H} --host {host} --tag {tag}", env)
        snaps += 1
    mutate(H, 2000, change=10, delete=5, new=4, unreadable=6)
    own(tmp)
    cmd = f"restic -r {R} backup -v {H} --tag daily ; echo EXIT=$?"
    add("restic-backup-unreadable", cmd, U(tmp, cmd, env), n_restic_backup)
    mutate(H, 2001, change=6, delete=2, new=3, unreadable=1)
    own(tmp)
    cmd = f"restic -r {R} backup -vv {H} --tag daily 2>&1 | grep -vE '^unchanged'"
    add("restic-backup-vv-grep", cmd, U(tmp, cmd, env), n_restic_backup)
    cmd = f"restic -r {R} snapshots"
    add("restic-snapshots", cmd, U(tmp, cmd, env), n_restic_snapshots)
    cmd = f"restic -r {R} snapshots --group-by host,tags ; echo EXIT=$?"
    add("restic-snapshots-grouped", cmd, U(tmp, cmd, env), n_restic_snapshots)
    ids = re.findall(r"^([0-9a-f]{8}) ", U(tmp, f"restic -r {R} snapshots", env), re.M)
    cmd = f"restic -r {R} diff {ids[0]} {ids[-1]}"
    add("restic-diff-first-last", cmd, U(tmp, cmd, env), n_restic_diff)
    cmd = f"restic -r {R} diff {ids[-3]} {ids[-1]} | tail -n 80"
    add("restic-diff-tail", cmd, U(tmp, cmd, env), n_restic_diff)
    # a damaged pack
    packs = sorted((R / "data").rglob("*"), key=lambda p: p.stat().st_size if p.is_file() else 0)
    packs = [p for p in packs if p.is_file()]
    damage(packs[-1], 1, 0.3, 200)
    damage(packs[len(packs) // 2], 2, 0.6, 50)
    cmd = (f"restic -r {R} check --read-data ; echo EXIT=$? ; RESTIC_PASSWORD=correct-horse-198 restic -r {R} "
           "snapshots ; echo EXIT=$?")
    add("restic-check-damaged", cmd, U(tmp, cmd, env), n_restic_check)
    cmd = f"restic -r {R} restore {ids[0]} --target {tmp}/restore --verify ; echo EXIT=$?"
    add("restic-restore-verify", cmd, U(tmp, cmd, env), n_restic_restore)


BORG = {"BORG_PASSPHRASE": "correct-horse-189", "BORG_RELOCATED_REPO_ACCESS_IS_OK": "yes",
        "BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK": "yes"}


def cap_borg(tmp: Path) -> None:
    H, R = home(tmp), tmp / "repo" / "borg"
    env = dict(BORG, BORG_BASE_DIR=str(tmp / "u"))
    U(tmp, f"borg init -e repokey {R}", env)
    cmd = f"borg create --stats --list {R}::atlas-2026-10-01 {H}"
    add("borg-create-first", cmd, U(tmp, cmd + " --timestamp 2026-10-01T03:00:00", env), n_borg_create)
    for d in range(2, 62):
        day = f"2026-{10 + (d - 1) // 31:02d}-{(d - 1) % 31 + 1:02d}"
        if d % 3 == 0:
            mutate(H, 3000 + d, change=2, delete=1, new=1)
            own(tmp)
        U(tmp, f"borg create {R}::atlas-{day} {H} --timestamp {day}T03:00:00", env)
    mutate(H, 3100, change=8, delete=3, new=3, unreadable=2)
    own(tmp)
    cmd = f"borg create --stats --list {R}::atlas-2026-12-01 {H} ; echo EXIT=$?"
    add("borg-create-unreadable", cmd, U(tmp, cmd.replace(" ; echo", " --timestamp 2026-12-01T03:00:00 ; echo"), env),
        n_borg_create)
    cmd = f"borg create --stats --list --filter=AME {R}::atlas-2026-12-02 {H} 2>&1 | tail -n 60"
    add("borg-create-filter-tail", cmd, U(tmp, cmd.replace(f" {H} 2>&1", f" {H} --timestamp 2026-12-02T03:00:00 2>&1"),
                                          env), n_borg_create)
    cmd = f"borg list {R}"
    add("borg-list-archives", cmd, U(tmp, cmd, env), n_borg_list)
    cmd = f"borg list {R}::atlas-2026-12-01"
    add("borg-list-files", cmd, U(tmp, cmd, env), n_borg_list)
    cmd = f"borg prune --dry-run --list --keep-daily 7 --keep-weekly 4 --keep-monthly 3 {R}"
    add("borg-prune-dry-run", cmd, U(tmp, cmd, env), n_borg_prune)
    segs = sorted((p for p in (R / "data").rglob("*") if p.is_file() and p.name.isdigit()), key=lambda p: int(p.name))
    damage(segs[len(segs) // 3], 3, 0.5, 300)
    damage(segs[-2], 4, 0.4, 40)
    cmd = f"borg check -v --verify-data {R} ; echo EXIT=$?"
    add("borg-check-verify-data", cmd, U(tmp, cmd, env, timeout=600), n_borg_check)
    cmd = f"borg check -v --repository-only {R} 2>&1 | tail -n 40"
    add("borg-check-repo-only", cmd, U(tmp, cmd, env), n_borg_check)


def cap_rclone(tmp: Path) -> None:
    H, M, V = home(tmp), tmp / "mnt" / "mirror", tmp / "mnt" / "vault"
    for d in (M, V):
        d.mkdir(parents=True, exist_ok=True)
    own(tmp)
    pw = run("rclone obscure correct-horse-189").strip()
    env = {"RCLONE_CONFIG_VAULT_TYPE": "crypt", "RCLONE_CONFIG_VAULT_REMOTE": str(V),
           "RCLONE_CONFIG_VAULT_PASSWORD": pw, "RCLONE_CONFIG": "/dev/null"}
    U(tmp, f"rclone sync {H} {M} ; rclone sync {H} vault:", env)
    mutate(H, 4000, change=9, delete=5, new=7, unreadable=2)
    mutate(M, 4001, change=3, delete=2, new=2)
    own(tmp)
    cmd = f"rclone sync {H} {M} --dry-run -v"
    add("rclone-sync-dry-run", cmd, U(tmp, cmd, env), n_rclone_sync)
    cmd = f"rclone check {H} {M} ; echo EXIT=$?"
    add("rclone-check", cmd, U(tmp, cmd, env), n_rclone_check)
    cmd = f"rclone check --one-way {H} {M} 2>&1 | tail -n 40"
    add("rclone-check-one-way", cmd, U(tmp, cmd, env), n_rclone_check)
    cmd = f"rclone lsl {M}"
    add("rclone-lsl-mirror", cmd, U(tmp, cmd, env), n_rclone_lsl)
    cmd = f"rclone ls vault: | head -n 100"
    add("rclone-ls-vault-head", cmd, U(tmp, cmd, env), n_rclone_lsl)
    encs = sorted(p for p in V.rglob("*") if p.is_file())
    for i, p in enumerate(encs[5:40:9]):
        damage(p, 40 + i, 0.5, 32)
    encs[-1].unlink()
    cmd = f"rclone cryptcheck {H} vault: ; echo EXIT=$?"
    add("rclone-cryptcheck-vault", cmd, U(tmp, cmd, env), n_rclone_check)


def cap_duplicity(tmp: Path) -> None:
    H, T = home(tmp), tmp / "mnt" / "dup"
    arch = f"--archive-dir {tmp}/u/dupcache --no-encryption"
    cmd = f"duplicity full --no-encryption {H} file://{T}"
    add("duplicity-full", cmd, U(tmp, cmd.replace("--no-encryption", arch)), n_duplicity_backup)
    mutate(H, 5000, change=7, delete=3, new=4, unreadable=2)
    own(tmp)
    cmd = f"duplicity incremental --no-encryption {H} file://{T} ; echo EXIT=$?"
    add("duplicity-incremental", cmd, U(tmp, cmd.replace("--no-encryption", arch)), n_duplicity_backup)
    for i in range(3):
        mutate(H, 5010 + i, change=3, delete=1, new=1)
        own(tmp)
        U(tmp, f"duplicity incremental {arch} {H} file://{T}")
    cmd = f"duplicity collection-status --no-encryption file://{T}"
    add("duplicity-collection-status", cmd, U(tmp, cmd.replace("--no-encryption", arch)), n_duplicity_status)
    mutate(H, 5100, change=30, delete=10, new=5)
    own(tmp)
    cmd = f"duplicity verify --compare-data --no-encryption file://{T} {H} ; echo EXIT=$?"
    add("duplicity-verify-compare", cmd, U(tmp, cmd.replace("--no-encryption", arch)), n_duplicity_verify)


def cap_rdiff(tmp: Path) -> None:
    H, T = home(tmp), tmp / "mnt" / "rdiff"
    U(tmp, f"rdiff-backup backup {H} {T}")
    mutate(H, 6000, change=6, delete=3, new=3, unreadable=2)
    own(tmp)
    cmd = f"rdiff-backup backup --print-statistics {H} {T} ; echo EXIT=$?"
    add("rdiff-backup-stats", cmd, U(tmp, cmd), n_rdiff_backup)
    for i in range(4):
        mutate(H, 6010 + i, change=2, delete=1, new=1)
        own(tmp)
        U(tmp, f"rdiff-backup backup {H} {T}")
    cmd = f"rdiff-backup list increments --size {T}"
    add("rdiff-backup-increments", cmd, U(tmp, cmd), n_rdiff_backup)
    mutate(H, 6100, change=30, delete=12, new=10)
    own(tmp)
    cmd = f"rdiff-backup compare {H} {T} ; echo EXIT=$?"
    add("rdiff-backup-compare", cmd, U(tmp, cmd), n_rdiff_backup)
    cmd = f"rdiff-backup compare --method hash {H} {T} 2>&1 | head -n 100"
    add("rdiff-backup-compare-hash-head", cmd, U(tmp, cmd), n_rdiff_backup)


def cap_unison(tmp: Path) -> None:
    A, B = tmp / "sync" / "laptop", tmp / "sync" / "desk"
    for d in (A, B):
        d.mkdir(parents=True, exist_ok=True)
        for sub in ("notes", "project", "data"):
            shutil.copytree(home(tmp) / sub, d / sub, dirs_exist_ok=True, ignore=shutil.ignore_patterns())
    run(f"chmod -R u+rw {A} {B}")
    env = {"UNISON": str(tmp / "u" / ".unison")}
    own(tmp)
    U(tmp, f"unison {A} {B} -batch", env)
    mutate(A, 7000, change=10, delete=3, new=4)
    mutate(B, 7000, change=10, delete=0, new=0)  # the same files changed on both sides: conflicts
    mutate(B, 7001, change=6, delete=4, new=3, unreadable=2)
    own(tmp)
    cmd = f"unison {A} {B} -batch -times ; echo EXIT=$?"
    add("unison-batch-conflicts", cmd, U(tmp, cmd, env), n_unison_batch)
    mutate(A, 7100, change=5, delete=2, new=2)
    mutate(B, 7100, change=5, delete=0, new=0)
    own(tmp)
    cmd = f"unison {A} {B} -batch -prefer newer -ui text 2>&1 | tail -n 80"
    add("unison-batch-prefer-tail", cmd, U(tmp, cmd, env), n_unison_batch)


def cap_rsync(tmp: Path) -> None:
    H, B = home(tmp), tmp / "mnt" / "rsync-backup"
    B.mkdir(parents=True, exist_ok=True)
    run(f"chmod -R u+r {H}")
    own(tmp)
    U(tmp, f"rsync -a {H}/ {B}/")
    mutate(H, 8000, change=45, delete=20, new=30)
    mutate(B, 8001, change=2, delete=2, new=3)
    for p in random.Random(8002).sample(files_of(H), 3):  # changed, then unreadable: rsync must open them
        with p.open("a") as f:
            f.write("late edit\n")
        p.chmod(0)
    own(tmp)
    cmd = f"rsync -ai --delete --dry-run --stats {H}/ {B}/"
    add("rsync-itemize-dry-run", cmd, U(tmp, cmd), n_rsync_itemize)
    cmd = f"rsync -aic --delete --dry-run {H}/ {B}/ | tail -n 80"
    add("rsync-itemize-checksum-tail", cmd, U(tmp, cmd), n_rsync_itemize)
    cmd = f"rsync -ai --delete --stats {H}/ {B}/ ; echo EXIT=$?"
    add("rsync-itemize-real", cmd, U(tmp, cmd), n_rsync_itemize)


def cap_archives(tmp: Path) -> None:
    H, A = home(tmp), tmp / "mnt" / "archives"
    A.mkdir(parents=True, exist_ok=True)
    run(f"chmod -R u+r {H}")
    own(tmp)
    U(tmp, f"tar -cf {A}/mira.tar -C {H.parent} mira")
    mutate(H, 9000, change=40, delete=15, new=6, unreadable=3)
    own(tmp)
    cmd = f"tar -df {A}/mira.tar -C {H.parent} ; echo EXIT=$?"
    add("tar-diff", cmd, U(tmp, cmd), n_tar_diff)
    cmd = f"tar -dvf {A}/mira.tar -C {H.parent} 2>&1 | head -n 100"
    add("tar-diff-verbose-head", cmd, U(tmp, cmd), n_tar_diff)
    run(f"chmod -R u+r {H}")
    own(tmp)
    U(tmp, f"7z a {A}/mira.7z {H} ; 7z a -tzip {A}/mira.zip {H} ; 7z a -mx=1 -ms=off {A}/photos.7z {H}/photos")
    cmd = f"7z l {A}/mira.7z"
    add("7z-list-mira", cmd, U(tmp, cmd), n_7z_list)
    shutil.copy(A / "mira.zip", A / "mira-copy.zip")
    damage(A / "mira-copy.zip", 91, 0.3, 2000)
    for i, at in enumerate((0.45, 0.55, 0.62, 0.7, 0.8, 0.9)):
        damage(A / "mira-copy.zip", 92 + i, at, 200)
    shutil.copy(A / "photos.7z", A / "photos-copy.7z")
    damage(A / "photos-copy.7z", 93, 0.5, 500)
    shutil.copy(A / "mira.7z", A / "mira-part.7z")
    with open(A / "mira-part.7z", "r+b") as f:
        f.truncate((A / "mira.7z").stat().st_size * 2 // 3)
    own(tmp)
    cmd = f"7z t {A}/mira-copy.zip ; echo EXIT=$?"
    add("7z-test-zip", cmd, U(tmp, cmd), n_7z_test)
    cmd = f"7z t {A}/photos-copy.7z ; 7z t {A}/mira-part.7z ; echo EXIT=$?"
    add("7z-test-7z", cmd, U(tmp, cmd), n_7z_test)
    Z = tmp / "mnt" / "zst"
    Z.mkdir(parents=True, exist_ok=True)
    own(tmp)
    U(tmp, f"cd {H} && for f in data/*.csv notes/*.md; do zstd -q -19 \"$f\" -o {Z}/$(basename \"$f\").zst; done")
    zs = sorted(Z.glob("*.zst"))
    for i, p in enumerate(zs[3::11]):
        damage(p, 95 + i, 0.5, 8)
    for p in zs[7::17]:
        with open(p, "r+b") as f:
            f.truncate(p.stat().st_size // 2)
    own(tmp)
    cmd = f"cd {Z} && zstd -t -v *.zst ; echo EXIT=$?"
    add("zstd-test-verbose", cmd, U(tmp, cmd), n_zstd_test)
    P = tmp / "mnt" / "par"
    shutil.copytree(H / "data", P / "data")
    own(tmp)
    U(tmp, f"cd {P}/data && par2 create -r8 -n2 sensors.par2 *.csv")
    csvs = sorted((P / "data").glob("*.csv"))
    damage(csvs[2], 96, 0.5, 300)
    csvs[9].unlink()
    cmd = f"cd {P}/data && par2 verify sensors.par2 ; echo EXIT=$?"
    add("par2-verify", cmd, U(tmp, cmd), n_par2_verify)
    cmd = f"cd {P}/data && par2 repair sensors.par2 2>&1 | tail -n 60"
    add("par2-repair-tail", cmd, U(tmp, cmd), n_par2_verify)
    for i, p in enumerate(csvs[10:22]):
        damage(p, 200 + i, 0.2, 4000)
    own(tmp)
    cmd = f"cd {P}/data && par2 repair sensors.par2 ; echo EXIT=$?"
    add("par2-repair-impossible", cmd, U(tmp, cmd), n_par2_verify)


STEPS = [setup, cap_restic, cap_borg, cap_rclone, cap_duplicity, cap_rdiff, cap_unison, cap_rsync, cap_archives]
