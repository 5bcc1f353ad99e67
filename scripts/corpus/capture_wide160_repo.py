"""Round 160, the archive side: minimal trees bootstrapped from the Debian mirror with mmdebstrap and debootstrap (one
run asking for packages that do not exist), ~90 small packages of a reef-survey suite made by a seeded generator and put
through reprepro (includes with a clashing rebuild and an architecture the distribution lacks, list, check and
checkpool after pool files went missing), aptly (repo add with a truncated .deb, repo show, two snapshots and their
diff, publish) and apt-ftparchive (packages with a partial override file, release), and a bootstrapped tree in which
some of them were installed with failing maintainer scripts and missing dependencies, for dpkg --audit. The extractors
are this round's (NEEDLES.md, "Round 160"). Run through capture_wide160.py."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide160 import MIRROR, cap, exit_lines


def _first_last(lines: list[str], pat: str) -> list[str]:
    hits = [ln for ln in lines if re.search(pat, ln)]
    return hits[:1] + hits[-1:]


@kind("mmdebstrap", "log")
def n_mmdebstrap(lines):
    """Round 160: every E: line, W: lines one {"any"} per shape, apt's error lines (Unable to locate package, no installation candidate, is not available), the chroot-architecture / chosen-format I: line, the `I: success in` line, the first and last Unpacking and Setting up lines; any EXIT= line."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^E: ", s) or re.search(r"Unable to locate package|has no installation candidate|"
                                             r"Package \S+ is not available", s):
            out.append(ln)
        elif re.match(r"^W: ", s):
            warns.append((mask(s), ln))
        elif re.match(r"^I: (chroot architecture|automatically chosen format|success in)", s):
            out.append(ln)
    out += _first_last(lines, r"^Unpacking ") + _first_last(lines, r"^Setting up ")
    return out + groups(warns) + exit_lines(lines)


@kind("debootstrap", "log")
def n_debootstrap(lines):
    """Round 160: every E: line, W: lines one {"any"} per shape, the `I: Retrieving Release` and `I: Base system installed successfully.` lines, the first and last `I: Unpacking` and `I: Configuring` lines, every Couldn't find these debs line; any EXIT= line."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^E: ", s) or "Couldn't find these debs" in s:
            out.append(ln)
        elif re.match(r"^W: ", s):
            warns.append((mask(s), ln))
        elif re.match(r"^I: (Retrieving (In)?Release\b|Base system installed successfully)", s):
            out.append(ln)
    out += _first_last(lines, r"^I: Unpacking ") + _first_last(lines, r"^I: Configuring ")
    return out + groups(warns) + exit_lines(lines)


@kind("reprepro", "pkg")
def n_reprepro(lines):
    """Round 160: every ERROR/Error/error: line and the line after it, every Skipping inclusion / Already existing / already registered with different checksums line, every There have been errors! line; warnings one {"any"} per shape; the Exporting indices... line; any EXIT= line."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.search(r"\bERROR\b|^Error\b|\berror:", s):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.search(r"^Missing file |^WRONG CHECKSUMS of |Skipping inclusion of|Already existing|already registered with different checksums|"
                       r"There have been errors!|^Exporting indices", s):
            out.append(ln)
        elif re.search(r"^Warning\b|\bwarning:", s, re.I):
            warns.append((mask(s), ln))
    return out + groups(warns) + exit_lines(lines)


ROW_RE = re.compile(r"^(\S+)\|(\S+)\|(\S+): (\S+) (\S+)$")


@kind("reprepro-list", "listing")
def n_reprepro_list(lines):
    """Round 160: the first and last row, every row whose component or architecture occurs in at most 2 rows, every row of a package listed with more than one version; any EXIT= line."""
    rows = [(ln, ROW_RE.match(ln.strip())) for ln in lines]
    rows = [(ln, m) for ln, m in rows if m]
    out = [r[0] for r in rows[:1] + rows[-1:]]
    comp = Counter(m.group(2) for _, m in rows)
    arch = Counter(m.group(3) for _, m in rows)
    vers: dict = {}
    for _, m in rows:
        vers.setdefault(m.group(4), set()).add(m.group(5))
    for ln, m in rows:
        if comp[m.group(2)] <= 2 or arch[m.group(3)] <= 2 or len(vers[m.group(4)]) > 1:
            out.append(ln)
    return out + [ln for ln in lines if re.search(r"\bERROR\b|error:", ln)] + exit_lines(lines)


@kind("aptly-repo-show", "listing")
def n_aptly_repo_show(lines):
    """Round 160: the Name, Comment, Default Distribution, Default Component and Number of packages lines, the first and last package key, every package whose architecture occurs in at most 2 rows; any ERROR: line; any EXIT= line."""
    out = [ln for ln in lines if re.match(r"^(Name|Comment|Default Distribution|Default Component|Number of packages):",
                                          ln) or "ERROR:" in ln]
    keys = [ln for ln in lines if re.match(r"^\s+\S+_\S+_\S+$", ln)]
    out += keys[:1] + keys[-1:]
    arch = Counter(ln.strip().rsplit("_", 1)[1] for ln in keys)
    out += [ln for ln in keys if arch[ln.strip().rsplit("_", 1)[1]] <= 2]
    return out + exit_lines(lines)


@kind("aptly-snapshot-diff", "git")
def n_aptly_snapshot_diff(lines):
    """Round 160: the header line (Arch | Package | Version in A | Version in B), every !, + and - row; any ERROR: line; any EXIT= line."""
    out = [ln for ln in lines if re.match(r"^\s*Arch\s+\|\s+Package", ln) or re.match(r"^\s*[!+-]\s+\S", ln)
           or "ERROR:" in ln]
    return out + exit_lines(lines)


@kind("aptly-log", "pkg")
def n_aptly_log(lines):
    """Round 160: every ERROR: / [!] line, every Unable to … line, the `Some files were skipped due to errors:` line and the file lines under it, every successfully created / published line, the first and last [+] … added line; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.search(r"ERROR:|^\[!\]|Unable to |successfully (created|published)|has been successfully", s):
            out.append(ln)
        elif s.startswith("Some files were skipped due to errors:"):
            out.append(ln)
            for k in range(i + 1, len(lines)):
                if lines[k].startswith(" "):
                    out.append(lines[k])
                else:
                    break
    out += _first_last(lines, r"^\[\+\] .* added")
    return out + exit_lines(lines)


@kind("apt-ftparchive-packages", "pkg")
def n_apt_ftparchive_packages(lines):
    """Round 160: every E: line, W: lines one {"any"} per shape, every stanza's Package: and Version: lines, the Filename: line of any package listed more than once; any EXIT= line."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith("E:"):
            out.append(ln)
        elif s.startswith("W:"):
            warns.append((mask(s), ln))
        elif re.match(r"^(Package|Version): ", ln):
            out.append(ln)
    pkg, counts, files = None, Counter(), []
    for ln in lines:
        if ln.startswith("Package: "):
            pkg = ln.split(": ", 1)[1]
            counts[pkg] += 1
        elif ln.startswith("Filename: ") and pkg:
            files.append((pkg, ln))
    out += [ln for p, ln in files if counts[p] > 1]
    return out + groups(warns) + exit_lines(lines)


@kind("apt-ftparchive-release", "pkg")
def n_apt_ftparchive_release(lines):
    """Round 160: the Date: line, every field header line (MD5Sum:, SHA256: …), under SHA256: every line naming a Packages / Sources / Contents index; W:/E: lines; any EXIT= line."""
    out = [ln for ln in lines if ln.startswith("Date: ") or re.match(r"^[A-Za-z0-9-]+:\s*$", ln)
           or re.match(r"^[WE]: ", ln)]
    sec = ""
    for ln in lines:
        if re.match(r"^[A-Za-z0-9-]+:", ln):
            sec = ln.split(":")[0]
        elif sec == "SHA256" and re.search(r"/(Packages|Sources|Contents)[^/]*$|\bContents-\S+$", ln):
            out.append(ln)
    return out + exit_lines(lines)


@kind("dpkg-audit", "pkg")
def n_dpkg_audit(lines):
    """Round 160: every section header and every package line under it; dpkg's error: lines; any EXIT= line."""
    out = [ln for ln in lines if ln.strip() and not EXIT_ONLY.match(ln.strip())]
    return out + exit_lines(lines)


EXIT_ONLY = re.compile(r"^EXIT=\d+$")

# ------------------------------------------------------------------ the packages

SUITE = ["reef-core", "reef-cli", "reef-sync", "reef-plot", "reef-export", "reef-tides", "reef-gps", "reef-sonar",
         "reef-camera", "reef-qc", "reef-db", "reef-web", "reef-alerts", "reef-docs", "reef-data-north",
         "reef-data-south", "reef-data-channel", "reef-calib", "reef-units", "reef-geo", "libreef1", "libreef-dev",
         "python3-reef", "reef-mqtt", "reef-logger", "reef-archive", "reef-report", "reef-kiosk", "reef-firmware",
         "reef-tools"]


def make_deb(out: Path, name: str, version: str, arch: str, rng: random.Random, depends: str = "",
             postinst: str | None = None, section: str = "science", n_files: int = 3) -> Path:
    root = out / f"build-{name}-{version}-{arch}"
    files = {"DEBIAN/control": (f"Package: {name}\nVersion: {version}\nArchitecture: {arch}\nMaintainer: Reef Survey Team "
                                f"<survey@kelpmon.example.org>\nSection: {section}\nPriority: optional\n"
                                + (f"Depends: {depends}\n" if depends else "")
                                + f"Description: {name} for reef surveys\n Part of the reef survey suite.\n")}
    for k in range(n_files):
        files[f"usr/share/{name}/part{k}.txt"] = "".join(f"{rng.random():.6f}\n" for _ in range(rng.randint(5, 40)))
    if postinst:
        files["DEBIAN/postinst"] = postinst
    write_tree(root, files)
    if postinst:
        (root / "DEBIAN" / "postinst").chmod(0o755)
    deb = out / f"{name}_{version}_{arch}.deb"
    run(f"dpkg-deb --root-owner-group -Zxz -b {root} {deb} >/dev/null && rm -rf {root}")
    return deb


def suite_debs(out: Path, seed: int, n: int = 90) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    debs = []
    for i in range(n):
        name = SUITE[i % len(SUITE)]
        version = f"{1 + i // len(SUITE)}.{rng.randint(0, 9)}-{rng.randint(1, 3)}"
        arch = "all" if name.startswith(("reef-data", "reef-docs", "python3")) else "amd64"
        if i in (17, 53):
            arch = "arm64"
        dep = "libreef1 (>= 1.0)" if rng.random() < 0.4 and name != "libreef1" else ""
        debs.append(make_deb(out, name, version, arch, rng, depends=dep,
                             section="doc" if name == "reef-docs" else "libs" if name.startswith("lib") else "science"))
    return debs


def bootstrap_step(tmp: Path) -> None:
    d = tmp / "boot"
    d.mkdir(parents=True)
    cap("mmdebstrap-verbose-tail", f"mmdebstrap -v --variant=apt --include=ca-certificates bookworm apt.tar {MIRROR} "
        "2>&1 | tail -n 150; echo EXIT=$?", d, n_mmdebstrap, timeout=900)
    cap("mmdebstrap-minbase-verbose", f"mmdebstrap -v --variant=minbase bookworm min.tar {MIRROR} 2>&1 | tail -n 1000",
        d, n_mmdebstrap, timeout=900)
    run("rm -f min.tar", cwd=d)
    cap("mmdebstrap-missing", f"mmdebstrap --variant=minbase --include=kelpmon,python3-reef,libreef1 bookworm "
        f"reef.tar {MIRROR}; echo EXIT=$?", d, n_mmdebstrap, timeout=900)
    cap("mmdebstrap-missing-verbose-tail", f"mmdebstrap -v --variant=minbase --include=kelpmon,reef-core bookworm "
        f"reef2.tar {MIRROR} 2>&1 | tail -n 200; echo EXIT=$?", d, n_mmdebstrap, timeout=900)
    cap("mmdebstrap-essential-dir", f"mmdebstrap --variant=essential --include=dpkg-dev bookworm root {MIRROR} 2>&1",
        d, n_mmdebstrap, timeout=900)
    cap("debootstrap-minbase", f"debootstrap --variant=minbase bookworm dbs {MIRROR}", d, n_debootstrap, timeout=1200)
    run("rm -rf dbs apt.tar", cwd=d)
    cap("debootstrap-missing", f"debootstrap --variant=minbase --include=kelpmon,reef-core,libreef1 bookworm dbs2 "
        f"{MIRROR}; echo EXIT=$?", d, n_debootstrap, timeout=1200)
    run("rm -rf dbs2", cwd=d)


DISTRIBUTIONS = """Origin: Reef
Label: Reef Survey
Codename: bookworm
Suite: stable
Architectures: amd64 source
Components: main contrib
Description: reef survey packages

Origin: Reef
Label: Reef Survey
Codename: trixie
Architectures: amd64 arm64
Components: main
Description: reef survey packages (testing)
"""


def reprepro_step(tmp: Path) -> None:
    d = tmp / "reprepro"
    debs = suite_debs(d / "incoming", 16040)
    rng = random.Random(16041)
    # a rebuild of an already-included version with different contents
    clash = make_deb(d / "rebuild", "reef-core", debs[0].name.split("_")[1], "amd64", rng, n_files=5)
    write_tree(d / "repo", {"conf/distributions": DISTRIBUTIONS, "conf/options": "verbose\n"})
    cap("reprepro-includedeb", "reprepro -V -b repo includedeb bookworm incoming/*.deb rebuild/*.deb; echo EXIT=$?", d,
        n_reprepro, timeout=600)
    cap("reprepro-includedeb-trixie-tail", "reprepro -b repo -C main includedeb trixie incoming/reef-[a-m]*.deb "
        "incoming/lib*.deb 2>&1 | tail -n 60; echo EXIT=$?", d, n_reprepro, timeout=600)
    cap("reprepro-includedeb-trixie-arm", "reprepro -V -b repo -A arm64 includedeb trixie incoming/*.deb; echo EXIT=$?",
        d, n_reprepro, timeout=600)
    run(f"reprepro -b repo -C contrib includedeb bookworm {clash}", cwd=d)
    cap("reprepro-list", "reprepro -b repo list bookworm", d, n_reprepro_list)
    cap("reprepro-list-trixie", "reprepro -b repo list trixie; echo EXIT=$?", d, n_reprepro_list)
    pool = sorted((d / "repo" / "pool").rglob("*.deb"))
    for p in rng.sample(pool, 6):
        p.unlink()
    for p in rng.sample(pool, 3):
        if p.exists():
            p.write_bytes(p.read_bytes()[:-200])
    cap("reprepro-checkpool", "reprepro -b repo checkpool 2>&1 | tail -n 40; echo EXIT=$?", d, n_reprepro, timeout=600)


def aptly_step(tmp: Path) -> None:
    d = tmp / "aptly"
    debs = suite_debs(d / "incoming", 16050)
    rng = random.Random(16051)
    conf = d / "aptly.conf"
    conf.write_text(json.dumps({"rootDir": str(d / "root"), "architectures": [], "gpgDisableSign": True,
                                "gpgDisableVerify": True}))
    a = f"aptly -config={conf}"
    bad = d / "incoming" / "reef-broken_0.9-1_amd64.deb"
    bad.write_bytes(debs[3].read_bytes()[:700])
    (d / "incoming" / "reef-notes_1.0_all.deb").write_text("not a debian package\n")
    run(f"{a} repo create -distribution=bookworm -component=main -comment='reef survey suite' reef", cwd=d)
    cap("aptly-repo-add", f"{a} repo add reef incoming/; echo EXIT=$?", d, n_aptly_log, timeout=600)
    cap("aptly-repo-show", f"{a} repo show -with-packages reef", d, n_aptly_repo_show)
    run(f"{a} snapshot create reef-2026-11 from repo reef", cwd=d)
    # December: new versions of a third of the suite, six packages dropped, a few new ones
    newer = suite_debs(d / "december", 16052, n=40)
    for p in rng.sample(sorted(d.glob("incoming/*.deb")), 8):
        name = p.name.split("_")[0]
        run(f"{a} repo remove reef {name}", cwd=d)
    for k, nm in enumerate(["reef-buoy", "reef-ctd", "reef-drone", "reef-ml"]):
        make_deb(d / "december", nm, f"0.{k + 1}-1", "amd64", rng)
    cap("aptly-repo-add-dec-tail", f"{a} repo add -force-replace reef december/ 2>&1 | tail -n 120; echo EXIT=$?", d,
        n_aptly_log, timeout=600)
    run(f"{a} snapshot create reef-2026-12 from repo reef", cwd=d)
    cap("aptly-snapshot-diff", f"{a} snapshot diff reef-2026-11 reef-2026-12", d, n_aptly_snapshot_diff)
    cap("aptly-snapshot-diff-latest", f"{a} snapshot diff -only-matching reef-2026-11 reef-2026-12; echo EXIT=$?", d,
        n_aptly_snapshot_diff)
    cap("aptly-publish", f"{a} publish snapshot -skip-signing -distribution=bookworm reef-2026-12; echo EXIT=$?", d,
        n_aptly_log, timeout=600)
    del newer


def ftparchive_step(tmp: Path) -> None:
    d = tmp / "ftp"
    debs = suite_debs(d / "pool" / "main", 16060, n=60)
    rng = random.Random(16061)
    # a second upload of some packages at a later version, kept next to the first
    for p in rng.sample(debs, 5):
        name, ver, arch = p.stem.split("_")
        make_deb(d / "pool" / "main", name, ver.replace("-", ".1-"), arch, rng)
    (d / "override").write_text("".join(f"{n} optional science\n" for n in SUITE[:12]) + "reef-docs optional doc\n"
                                "libreef1 important libs\n")
    cap("apt-ftparchive-packages", "apt-ftparchive packages pool override; echo EXIT=$?", d, n_apt_ftparchive_packages)
    cap("apt-ftparchive-packages-grep", "apt-ftparchive packages pool/main 2>&1 | grep -E "
        "'^(Package|Version|Filename|Depends):' | head -n 150; echo EXIT=$?", d, n_apt_ftparchive_packages)
    dist = d / "dists" / "bookworm" / "main"
    (dist / "binary-amd64").mkdir(parents=True)
    (dist / "binary-all").mkdir(parents=True)
    (dist / "source").mkdir(parents=True)
    run("apt-ftparchive -a amd64 packages pool > dists/bookworm/main/binary-amd64/Packages && "
        "gzip -9k dists/bookworm/main/binary-amd64/Packages && xz -k dists/bookworm/main/binary-amd64/Packages && "
        "apt-ftparchive -a all packages pool > dists/bookworm/main/binary-all/Packages && "
        "gzip -9k dists/bookworm/main/binary-all/Packages && "
        "apt-ftparchive contents pool | gzip -9 > dists/bookworm/main/Contents-amd64.gz && "
        ": > dists/bookworm/main/source/Sources && gzip -9k dists/bookworm/main/source/Sources", cwd=d)
    cap("apt-ftparchive-release", "apt-ftparchive -o APT::FTPArchive::Release::Origin=Reef "
        "-o APT::FTPArchive::Release::Codename=bookworm release dists/bookworm; echo EXIT=$?", d,
        n_apt_ftparchive_release)


def audit_step(tmp: Path) -> None:
    root = tmp / "boot" / "root"
    if not (root / "usr" / "bin" / "dpkg").exists():
        run(f"mmdebstrap --variant=essential bookworm {root} {MIRROR}", timeout=900)
    d = tmp / "audit"
    rng = random.Random(16070)
    fail = "#!/bin/sh\necho \"configuring $DPKG_MAINTSCRIPT_PACKAGE: calibration table missing\" >&2\nexit 1\n"
    debs = []
    names = SUITE[:24] + [f"{n}-{site}" for site in ("north", "south") for n in SUITE[1:15]]
    for k, name in enumerate(names):
        post = fail if k in (3, 9, 14, 33, 47) else None
        dep = "reef-firmware-blobs (>= 2.0)" if k in (5, 11, 40) else ""
        debs.append(make_deb(d, name, f"1.{k}-1", "amd64" if k % 4 else "all", rng, depends=dep, postinst=post))
    run(f"mkdir -p {root}/tmp/debs && cp {d}/*.deb {root}/tmp/debs/")
    run(f"chroot {root} sh -c 'dpkg -i /tmp/debs/*.deb'", timeout=300)
    for p in debs[16:21] + debs[44:50]:
        run(f"chroot {root} dpkg --unpack /tmp/debs/{p.name}")
    for name in SUITE[21:24] + names[30:34]:
        run(f"rm -f {root}/var/lib/dpkg/info/{name}.list")
    cap("dpkg-audit", f"chroot {root} dpkg --audit", tmp, n_dpkg_audit,
        )
    cap("dpkg-C", f"chroot {root} dpkg -C; echo EXIT=$?", tmp, n_dpkg_audit)


STEPS = [bootstrap_step, reprepro_step, aptly_step, ftparchive_step, audit_step]
