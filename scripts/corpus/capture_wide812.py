#!/usr/bin/env python3
"""Capture round 812 of the compression corpus: Debian package-manager and packaging outputs the corpus lacks, on a
farrier's binary packages written and built here (`farrier-shoes`, `farrier-clenches`, `farrier-nailholes`,
`farrier-rasps`, `farrier-anvil`, the metapackage `farriers`; `dpkg-deb --build --root-owner-group`) with faults put
in: no copyright or changelog, a binary under /usr/local, a script without a shebang, a world-writable file, a bad
maintainer address, a long synopsis, a dependency on a version nobody ships, a postinst that exits 1, a file two
packages ship, a conffile changed and a file removed after installation. The packages are installed with dpkg into a
throwaway root (`dpkg --root=forge --force-script-chrootless`), never into this machine's dpkg database; apt's
simulations (`-s`) read this machine's real package lists.

Kinds (rules in NEEDLES.md's "Round 812" section): NEW lintian-info, dpkg-install, dpkg-verify, debsums-s,
apt-get-upgrade-s, apt-get-remove-s, apt-cache-madison, dpkg-status, apt-list-upgradable; and lintian (round 29),
dpkg-audit (round 160), apt-cache-policy (round 5), their extractors imported. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide812.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide812.json  as {"version": 2, "items": [...]}, ids prefixed "wide812-".
Tools:   lintian 2.116.3+deb12u1 and debsums 3.0.2.1 (apt-get install --no-install-recommends), dpkg 1.21.22,
         dpkg-deb 1.21.22, apt 2.6.1 (Debian 12), run as root; apt's lists from `apt-get update`.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide5 import n_apt_policy  # noqa: E402
from capture_wide29_sys import n_lintian  # noqa: E402
from capture_wide160_repo import n_dpkg_audit  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide812-"
DEFAULT_OUT = HERE / "data" / "wide812.json"
TMP = Path("/dev/shm/hm-corpus-wide812-run")
TOOLS = Path("/dev/shm/hm-corpus-wide812")
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
ENV = {"DEBIAN_FRONTEND": "noninteractive", "LC_ALL": "C"}


def ensure_tools() -> None:
    TOOLS.mkdir(parents=True, exist_ok=True)
    for t in ("lintian", "debsums", "dpkg", "dpkg-deb", "apt-get", "apt-cache"):
        if not shutil.which(t):
            cm.run("apt-get install -y --no-install-recommends lintian debsums", env=ENV, timeout=600)
            break
    assert shutil.which("lintian") and shutil.which("debsums"), "lintian/debsums not installed"


# ================================================================== extractors (NEEDLES.md, round 812)

EXIT = re.compile(r"^EXIT=\d+$")


def _exits(lines):
    return [ln for ln in lines if EXIT.match(ln.strip())]


def _apt_msgs(lines, skip_cli=True):
    return [ln for ln in lines if re.match(r"^[EWN]: ", ln)
            and not (skip_cli and "does not have a stable CLI interface" in ln)]


@cm.kind("lintian-info", "lint")
def n_lintian_info(lines):
    """every E: line; W:/I:/P:/X:/O:/C: lines one any per (level, tag, package); lintian's own warning/error lines"""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^([EWIPXOC]): (\S+?)(?: \w+)?: ([\w./+-]+)", ln)
        if m and m.group(1) == "E":
            out.append(ln)
        elif m:
            pairs.append(((m.group(1), m.group(3), m.group(2)), ln))
        elif re.search(r"^(warning|error|internal error)\b|^lintian: |Lintian: .*(error|fail)", ln, re.I) \
                and not ln.startswith("N:"):
            out.append(ln)
    return out + cm.groups(pairs) + _exits(lines)


DPKG_HEAD = re.compile(r"^dpkg: (error|dependency problems|regarding|considering)")


@cm.kind("dpkg-install", "pkg")
def n_dpkg_install(lines):
    """dpkg: error/dependency problems/regarding/considering lines and the indented reason lines after each; Errors were encountered and its package lines; maintainer-script error lines; Setting up lines; dpkg: warning: one any per shape"""
    out, warns = [], []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if DPKG_HEAD.match(ln):
            out.append(ln)
            j = i + 1
            while j < len(lines) and lines[j].startswith((" ", "\t")) and lines[j].strip():
                out.append(lines[j])
                j += 1
            i = j
            continue
        if ln.startswith("Errors were encountered while processing:"):
            out.append(ln)
            j = i + 1
            while j < len(lines) and lines[j].startswith((" ", "\t")) and lines[j].strip():
                out.append(lines[j])
                j += 1
            i = j
            continue
        if ln.startswith("dpkg: warning:"):
            warns.append((cm.mask(ln), ln))
        elif ln.startswith("Setting up "):
            out.append(ln)
        elif re.search(r"error|fail|cannot|missing", ln, re.I) and not ln.startswith("dpkg") \
                and not EXIT.match(ln.strip()):
            out.append(ln)
        i += 1
    return out + cm.groups(warns) + _exits(lines)


@cm.kind("dpkg-verify", "pkg")
def n_dpkg_verify(lines):
    """every result line (changed or missing file with its flags); every dpkg: warning/error line"""
    out = [ln for ln in lines if re.match(r"^(\?|[.?\dSMUGTLDmugtld5]{9} |missing\s|dpkg(-query)?: )", ln)
           or re.match(r"^[.?SM5DLUGTP]{8,9}\s+[cdglr]?\s*/", ln)]
    return out + _exits(lines)


@cm.kind("debsums-s", "pkg")
def n_debsums_s(lines):
    """every changed file / missing file line and every bare path line; other debsums: lines one any per shape"""
    out, pairs = [], []
    for ln in lines:
        s = ln.strip()
        if re.search(r"\b(changed|missing) file\b", s) or s.startswith("/"):
            out.append(ln)
        elif s.startswith("debsums:"):
            pairs.append((cm.mask(re.sub(r"\bfor \S+", "for X", s)), ln))
    return out + cm.groups(pairs) + _exits(lines)


HEADER = re.compile(r"^The following .*:$|^WARNING: ")


def _sections(lines):
    """(header line, [package lines under it]) for apt's `The following …:` blocks"""
    secs = []
    for i, ln in enumerate(lines):
        if HEADER.match(ln):
            body = []
            for k in range(i + 1, len(lines)):
                if k == i + 1 and lines[k].startswith("This should NOT be done"):
                    continue  # apt's caution line between the essential-packages WARNING and its packages
                if lines[k].startswith("  "):
                    body.append(lines[k])
                else:
                    break
            secs.append((ln, body))
    return secs


def _summary(lines):
    return [ln for ln in lines if re.match(r"^\d+ upgraded, \d+ newly installed, \d+ to remove", ln)]


@cm.kind("apt-get-upgrade-s", "pkg")
def n_apt_upgrade(lines):
    """E:/W: lines; section headers; package lines under kept back/NEW/REMOVED; Remv lines; Inst lines with a rare origin; first and last Inst; the summary"""
    out = _apt_msgs(lines, skip_cli=False)
    for head, body in _sections(lines):
        out.append(head)
        if re.search(r"kept back|NEW|REMOVED|held", head):
            out += body
    out += [ln for ln in lines if ln.startswith("Remv ")]
    inst = [ln for ln in lines if ln.startswith("Inst ")]
    origin = {}
    for ln in inst:
        m = re.search(r"\((\S+) (.*?)\)", ln)
        origin[ln] = m.group(2) if m else ""
    c = Counter(origin.values())
    if c and c.most_common(1)[0][1] * 2 >= len(inst):
        out += [ln for ln in inst if c[origin[ln]] <= 2]
    out += inst[:1] + inst[-1:]
    return out + _summary(lines) + _exits(lines)


@cm.kind("apt-get-remove-s", "pkg")
def n_apt_remove(lines):
    """E:/W: lines; the essential-packages WARNING and its package lines; section headers; Remv/Purg lines (at most 40, else first and last); the summary"""
    out = _apt_msgs(lines, skip_cli=False)
    for head, body in _sections(lines):
        out.append(head)
        if "essential" in head:
            out += body
    rm = [ln for ln in lines if re.match(r"^(Remv|Purg) ", ln)]
    out += rm if len(rm) <= 40 else rm[:1] + rm[-1:]
    return out + _summary(lines) + _exits(lines)


@cm.kind("apt-cache-madison", "pkg")
def n_madison(lines):
    """each package's first and last row; rows with a rare archive (rule 4); N:/E:/W: lines"""
    rows = [ln for ln in lines if re.match(r"^\s*\S+ \| \S+ \| ", ln)]
    byp: dict = {}
    for ln in rows:
        byp.setdefault(ln.split("|")[0].strip(), []).append(ln)
    out = []
    for rs in byp.values():
        out += rs[:1] + rs[-1:]
    arch = {ln: ln.split("|")[2].strip().split(" ", 1)[-1] for ln in rows}
    c = Counter(arch.values())
    if c and c.most_common(1)[0][1] * 2 >= len(rows):
        out += [ln for ln in rows if c[arch[ln]] <= 2]
    return out + _apt_msgs(lines) + _exits(lines)


@cm.kind("dpkg-status", "pkg")
def n_dpkg_status(lines):
    """per stanza the Package/Status/Version/Depends/Pre-Depends/Conflicts/Breaks/Replaces lines; obsolete conffile lines; dpkg-query: error lines"""
    out = [ln for ln in lines if re.match(r"^(Package|Status|Version|Depends|Pre-Depends|Conflicts|Breaks|Replaces):", ln)
           or (ln.startswith(" /") and ln.rstrip().endswith("obsolete"))
           or re.match(r"^dpkg(-query)?: ", ln)]
    return out + _exits(lines)


@cm.kind("apt-list-upgradable", "listing")
def n_apt_list_upg(lines):
    """first and last row; rows with a rare suite or architecture (rule 4); E:/W:/N: lines but the CLI warning"""
    rows = [ln for ln in lines if re.match(r"^\S+/\S+ \S+ \S+", ln)]
    out = rows[:1] + rows[-1:]
    for col in (lambda r: r.split(" ")[0].split("/", 1)[1], lambda r: r.split(" ")[2]):
        vals = {r: col(r) for r in rows}
        c = Counter(vals.values())
        if c and c.most_common(1)[0][1] * 2 >= len(rows):
            out += [r for r in rows if c[vals[r]] <= 2]
    return out + _apt_msgs(lines) + _exits(lines)


# ================================================================== the farrier's packages

def control(pkg, ver, desc, depends="", extra=""):
    dep = f"Depends: {depends}\n" if depends else ""
    return (f"Package: {pkg}\nVersion: {ver}\nArchitecture: all\nMaintainer: {extra or 'Farrier Works <works@farriers.example.org>'}\n"
            f"Section: misc\nPriority: optional\n{dep}Installed-Size: 40\nDescription: {desc}\n"
            f" The {pkg} package holds a farrier's {pkg.split('-')[-1]}: the records of a forge that shoes\n"
            f" horses, rasps hooves and sets clenches.\n")


def build(tmp: Path, pkg: str, ver: str, files: dict[str, str], ctrl: str, scripts: dict[str, str] | None = None,
          conffiles=(), modes: dict[str, int] | None = None, md5=True) -> Path:
    root = tmp / "src" / f"{pkg}_{ver}"
    shutil.rmtree(root, ignore_errors=True)
    cm.write_tree(root, files)
    (root / "DEBIAN").mkdir(parents=True, exist_ok=True)
    (root / "DEBIAN/control").write_text(ctrl)
    for name, body in (scripts or {}).items():
        (root / "DEBIAN" / name).write_text(body)
        (root / "DEBIAN" / name).chmod(0o755)
    if conffiles:
        (root / "DEBIAN/conffiles").write_text("".join(c + "\n" for c in conffiles))
    for rel, m in (modes or {}).items():
        (root / rel).chmod(m)
    if md5:
        cm.run("find . -type f ! -path './DEBIAN/*' -printf '%P\\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums",
               cwd=root)
    out = tmp / "debs" / f"{pkg}_{ver}_all.deb"
    out.parent.mkdir(exist_ok=True)
    cm.run(f"dpkg-deb --build --root-owner-group {root} {out}", cwd=tmp, timeout=120)
    return out


COPYRIGHT = ("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: {p}\n\n"
             "Files: *\nCopyright: 2026 Farrier Works\nLicense: MIT\n Permission is hereby granted, free of charge.\n")
HORSES = ["Bramble", "Cobalt", "Dunmore", "Ember", "Foxglove", "Gorse", "Hazel", "Ironside", "Juniper", "Kestrel",
          "Larch", "Marram", "Nettle", "Oakapple", "Pippin", "Quince", "Rowan", "Sorrel", "Teasel", "Umber"]


def shoe_rows(n: int, seed: int) -> str:
    import random
    r = random.Random(seed)
    rows = ["horse,hoof,shoe,size,nails,clenches,farrier"]
    for i in range(n):
        rows.append(f"{r.choice(HORSES)},{r.choice(['LF', 'RF', 'LH', 'RH'])},{r.choice(['keg', 'bar', 'egg-bar', 'heart-bar'])},"
                    f"{r.randint(0, 6)},{r.choice([6, 7, 8])},{r.choice([6, 7, 8])},{r.choice(['Ada', 'Bryn', 'Cai'])}")
    return "\n".join(rows) + "\n"


def make_debs(tmp: Path, nfiles: int = 24) -> dict[str, Path]:
    debs = {}
    doc = "usr/share/doc/{p}/"
    p = "farrier-anvil"
    debs[p] = build(tmp, p, "2.4-1", {
        "usr/bin/anvil-ring": "#!/bin/sh\necho \"anvil rings at $1 Hz\"\n",
        doc.format(p=p) + "copyright": COPYRIGHT.format(p=p),
        "usr/share/farrier/anvil/horn.txt": "horn, face, heel, hardy hole, pritchel hole\n"},
        control(p, "2.4-1", "anvil tables for a farrier's forge"), modes={"usr/bin/anvil-ring": 0o755})
    p = "farrier-shoes"
    files = {"usr/bin/shoe-fit": "echo fitting shoe $1\n",  # no shebang
             "usr/local/bin/shoe-size": "#!/bin/sh\necho size $1\n",
             "etc/farrier/shoes.conf": "forge = north\nnails = 8\nclench = hammered\n",
             "usr/share/farrier/shoes/README": "shoe records\n"}
    for i in range(nfiles):
        files[f"usr/share/farrier/shoes/pattern-{i:02d}.dat"] = shoe_rows(12 + i, 812 + i)
    debs[p] = build(tmp, p, "1.4-1", files,
                    control(p, "1.4-1", "shoe patterns, sizes, nail counts and clench records for every horse the "
                            "forge has ever shod, by hoof", depends="farrier-anvil (>= 2.0)",
                            extra="Jo the farrier <jo at forge>"),
                    scripts={"postinst": "#!/bin/sh\necho 'shoes: patterns registered'\n"},
                    conffiles=["/etc/farrier/shoes.conf"],
                    modes={"usr/bin/shoe-fit": 0o755, "usr/local/bin/shoe-size": 0o755,
                           "usr/share/farrier/shoes/pattern-03.dat": 0o666})
    p = "farrier-nailholes"
    debs[p] = build(tmp, p, "0.9-1", {
        "usr/share/farrier/shoes/pattern-01.dat": shoe_rows(5, 9),  # also in farrier-shoes
        "usr/share/farrier/nailholes/punch.txt": "stamp, pritchel, fuller\n",
        doc.format(p=p) + "copyright": COPYRIGHT.format(p=p)},
        control(p, "0.9-1", "nail hole punch records"), md5=False)
    p = "farrier-rasps"
    debs[p] = build(tmp, p, "1.1-1", {
        "usr/share/farrier/rasps/grades.txt": "coarse\nfine\nfinishing\n",
        doc.format(p=p) + "copyright": COPYRIGHT.format(p=p)},
        control(p, "1.1-1", "rasp grades and hoof dressing notes", depends="farrier-anvil"),
        scripts={"postinst": "#!/bin/sh\nset -e\nif [ ! -f \"$DPKG_ROOT/etc/farrier/rasps.conf\" ]; then\n"
                 "  echo \"rasps: cannot read /etc/farrier/rasps.conf: missing\" >&2\n  exit 1\nfi\n"})
    p = "farrier-clenches"
    debs[p] = build(tmp, p, "1.0-1", {
        "usr/share/farrier/clenches/turns.txt": "clench turned and rasped flush\n",
        doc.format(p=p) + "copyright": COPYRIGHT.format(p=p)},
        control(p, "1.0-1", "clench records", depends="farrier-anvil (>= 3.0), libfarrier-hoof1 (>= 1.2)"))
    p = "farriers"
    debs[p] = build(tmp, p, "1.0", {doc.format(p=p) + "copyright": COPYRIGHT.format(p=p)},
                    control(p, "1.0", "metapackage for a farrier's forge",
                            depends="farrier-shoes, farrier-clenches, farrier-nailholes, farrier-rasps, farrier-hoofpick"))
    return debs


def forge_root(tmp: Path, name: str = "forge") -> Path:
    root = tmp / name
    shutil.rmtree(root, ignore_errors=True)
    adm = root / "var/lib/dpkg"
    for d in ("info", "updates", "triggers"):
        (adm / d).mkdir(parents=True, exist_ok=True)
    (adm / "available").write_text("")
    status = cm.run("dpkg-query -s dpkg libc6 perl-base bash coreutils debconf tar gzip 2>/dev/null", env=ENV)
    (adm / "status").write_text(status.rstrip("\n") + "\n\n")
    for p in ("dpkg", "libc6:amd64", "perl-base", "bash", "coreutils"):
        (adm / "info" / f"{p}.list").write_text("")
    # three small packages come with their files, lists and md5sums (one file edited afterwards)
    for p in ("gzip", "tar", "debconf"):
        for suffix in ("list", "md5sums", "conffiles"):
            src = Path(f"/var/lib/dpkg/info/{p}.{suffix}")
            if src.exists():
                shutil.copy(src, adm / "info" / src.name)
        cm.run(f"dpkg -L {p} | while read f; do [ -f \"$f\" ] && echo \"${{f#/}}\"; done | "
               f"tar -C / -cf - -T - | tar -C {root} -xf -", env=ENV, timeout=120)
    return root


DPKG = "dpkg --root=$PWD/forge --force-script-chrootless"


def _c(item, command, ext, cwd=None, timeout=600):
    cap(item, command, cwd or TMP, ext, timeout=timeout, env=ENV)


def step_lintian(tmp: Path) -> None:
    make_debs(tmp)
    li = "nice lintian --info --display-level '>=pedantic' --tag-display-limit 0"
    _c("lintian-info-shoes", f"{li} debs/farrier-shoes_1.4-1_all.deb; echo EXIT=$?", n_lintian_info)
    _c("lintian-info-nailholes-rasps", f"{li} debs/farrier-nailholes_0.9-1_all.deb debs/farrier-rasps_1.1-1_all.deb; "
       "echo EXIT=$?", n_lintian_info)
    _c("lintian-info-anvil-E", "nice lintian --info -E --display-level '>=info' debs/farrier-anvil_2.4-1_all.deb; "
       "echo EXIT=$?", n_lintian_info)
    _c("lintian-info-all", f"{li} --display-experimental debs/*.deb; echo EXIT=$?", n_lintian_info, timeout=900)
    _c("lintian-info-clenches-farriers", "nice lintian -i -I --pedantic debs/farrier-clenches_1.0-1_all.deb "
       "debs/farriers_1.0_all.deb 2>&1; echo EXIT=$?", n_lintian_info)
    _c("lintian-shoes-plain", "nice lintian --no-tag-display-limit debs/farrier-shoes_1.4-1_all.deb",
       n_lintian)


def step_dpkg(tmp: Path) -> None:
    if not (tmp / "debs").exists():
        make_debs(tmp)
    forge_root(tmp)
    d = "debs/"
    _c("dpkg-i-anvil-shoes-clenches", f"{DPKG} -i {d}farrier-anvil_2.4-1_all.deb {d}farrier-shoes_1.4-1_all.deb "
       f"{d}farrier-clenches_1.0-1_all.deb; echo EXIT=$?", n_dpkg_install)
    _c("dpkg-i-rasps", f"{DPKG} -i {d}farrier-rasps_1.1-1_all.deb; echo EXIT=$?", n_dpkg_install)
    _c("dpkg-i-nailholes-farriers", f"{DPKG} -i {d}farrier-nailholes_0.9-1_all.deb {d}farriers_1.0_all.deb; "
       "echo EXIT=$?", n_dpkg_install)
    _c("dpkg-audit-forge", f"{DPKG} --audit; echo EXIT=$?", n_dpkg_audit)
    _c("dpkg-status-forge", f"{DPKG} -s farrier-rasps farrier-clenches farrier-shoes farriers farrier-hoofpick; "
       "echo EXIT=$?", n_dpkg_status)
    _c("dpkg-configure-a", f"{DPKG} --configure -a; echo EXIT=$?", n_dpkg_install)
    _c("dpkg-r-anvil", f"{DPKG} -r farrier-anvil; echo EXIT=$?; {DPKG} -P farrier-nailholes farrier-hoofpick; "
       "echo EXIT=$?", n_dpkg_install)
    _c("dpkg-i-force-overwrite", f"{DPKG} --force-overwrite -i {d}farrier-nailholes_0.9-1_all.deb; echo EXIT=$?; "
       f"{DPKG} --configure farriers farrier-clenches; echo EXIT=$?", n_dpkg_install)
    # after the installs: a conffile changed, a pattern removed, a script edited
    f = tmp / "forge"
    (f / "etc/farrier/shoes.conf").write_text("forge = south\nnails = 7\nclench = hammered\n")
    for n in ("07", "15", "19"):
        (f / f"usr/share/farrier/shoes/pattern-{n}.dat").unlink()
    with open(f / "usr/share/farrier/shoes/pattern-20.dat", "a") as fh:
        fh.write("Gorse,RH,bar,0,6,7,Ada\n")
    cm.run("sed -i 's/Debconf::/DebConf::/' $(ls forge/usr/share/perl5/Debconf/Element/*.pm | head -n 14); "
           "rm -f forge/usr/share/locale/de/LC_MESSAGES/tar.mo forge/usr/share/locale/fr/LC_MESSAGES/tar.mo "
           "forge/usr/share/locale/es/LC_MESSAGES/tar.mo", cwd=tmp)
    with open(f / "usr/share/farrier/shoes/pattern-11.dat", "a") as fh:
        fh.write("Bramble,LF,keg,9,8,8,Cai\n")
    (f / "usr/bin/anvil-ring").write_text("#!/bin/sh\necho \"anvil rings at ${1:-440} Hz\"\n")
    with open(f / "usr/share/perl5/Debconf/Log.pm", "a") as fh:
        fh.write("# farrier: debug left on\n")
    (f / "bin/zcat").unlink()
    with open(f / "etc/debconf.conf", "a") as fh:
        fh.write("# forge: Frontend: readline\n")
    _c("dpkg-verify-shoes", f"{DPKG} -V farrier-shoes farrier-anvil; echo EXIT=$?; {DPKG} --verify --verify-format "
       "rpm debconf gzip; echo EXIT=$?", n_dpkg_verify)
    _c("dpkg-verify-rpm-all", f"{DPKG} --verify --verify-format rpm 2>&1 | head -n 1500; echo EXIT=$?", n_dpkg_verify)
    _c("dpkg-verify-dpkg-bash", f"{DPKG} -V bash dpkg tar farrier-shoes; echo EXIT=$?; {DPKG} -V farrier-hoofpick; "
       "echo EXIT=$?", n_dpkg_verify)

    _c("debsums-s-shoes", "debsums --root=forge -s farrier-shoes farrier-anvil farrier-rasps; echo EXIT=$?",
       n_debsums_s)
    _c("debsums-ce-c-forge", "debsums --root=forge -ce; echo EXIT=$?; debsums --root=forge -c farrier-shoes gzip tar "
       "debconf farrier-anvil; echo EXIT=$?; debsums --root=forge -s farrier-nailholes bash; echo EXIT=$?", n_debsums_s)
    _c("debsums-c-all", "debsums --root=forge -c -a 2>&1 | head -n 800; echo EXIT=$?", n_debsums_s)
    _c("debsums-s-all", "debsums --root=forge -s -a 2>&1; echo EXIT=$?", n_debsums_s)
    _c("dpkg-status-forge-after", f"{DPKG} -s farrier-shoes farrier-anvil farrier-rasps libc6; echo EXIT=$?",
       n_dpkg_status)


def step_apt(tmp: Path) -> None:
    _c("apt-get-s-upgrade", "apt-get -s upgrade 2>&1; echo EXIT=$?", n_apt_upgrade)
    _c("apt-get-s-upgrade-V", "apt-get -s -V upgrade 2>&1 | grep -v '^Conf ' | tail -n 150; echo EXIT=$?", n_apt_upgrade)
    held = tmp / "held.status"
    st = Path("/var/lib/dpkg/status").read_text()
    for p in ("perl-base", "bash", "openssl", "base-files"):
        st = re.sub(rf"(Package: {p}\n(?:[^\n]+\n)*?)Status: install ok installed", r"\1Status: hold ok installed", st)
    held.write_text(st)
    _c("apt-get-s-upgrade-held", f"apt-get -s -o Dir::State::status=$PWD/{held.name} upgrade 2>&1 | grep -v '^Conf '; "
       "echo EXIT=$?", n_apt_upgrade)
    _c("apt-get-s-dist-upgrade-versions", "apt-get -s dist-upgrade -o APT::Get::Show-Versions=1 2>&1 | "
       "grep -v '^Conf '; echo EXIT=$?", n_apt_upgrade)
    _c("apt-get-s-remove-perl-base", "apt-get -s remove perl-base 2>&1; echo EXIT=$?", n_apt_remove)
    _c("apt-get-s-purge-python3", "apt-get -s purge python3 2>&1; echo EXIT=$?", n_apt_remove)
    _c("apt-get-s-autoremove", "apt-get -s remove lintian 2>&1; apt-get -s autoremove 2>&1; echo EXIT=$?",
       n_apt_remove)
    _c("apt-get-s-remove-gcc-make", "apt-get -s remove gcc make libssl-dev 2>&1; apt-get -s remove farrier-shoes 2>&1; "
       "echo EXIT=$?",
       n_apt_remove)
    _c("apt-cache-madison-core", "apt-cache madison perl libc6 openssl tzdata apt bash farrier-shoes 2>&1",
       n_madison)
    _c("apt-cache-madison-upgradable", "apt-cache madison $(apt list --upgradable 2>/dev/null | sed -n "
       "'2,60s,/.*,,p') 2>&1", n_madison)
    _c("apt-cache-madison-lintian-deps", "apt-cache madison lintian debsums dpkg-dev libperl5.36 perl-base "
       "libapt-pkg6.0 python3 python3-minimal 2>&1", n_madison)
    _c("apt-list-upgradable", "apt list --upgradable", n_apt_list_upg)
    _c("apt-list-upgradable-all", "apt list --upgradable -a 2>/dev/null", n_apt_list_upg)
    _c("apt-list-upgradable-lib", "apt list --upgradable 'lib*' 2>&1 | head -n 40", n_apt_list_upg)
    _c("dpkg-status-system", "dpkg -s perl-base libc6 apt dpkg lintian 2>&1", n_dpkg_status)
    _c("dpkg-query-status-missing", "dpkg-query -s debsums farrier-shoes tzdata nonesuch; echo EXIT=$?",
       n_dpkg_status)
    _c("apt-cache-policy-forge", "apt-cache policy perl libc6 openssl lintian debsums farrier-shoes 2>&1",
       n_apt_policy)


STEPS = [step_lintian, step_dpkg, step_apt]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide812", sys.modules["__main__"])
    main()
