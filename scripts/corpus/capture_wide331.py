#!/usr/bin/env python3
"""Capture round 331 of the compression corpus: Debian packaging and distribution tooling as a packager meets it,
offline (dpkg-gensymbols, dpkg-parsechangelog, dpkg-scanpackages, dpkg-checkbuilddeps, apt-get build-dep -s,
apt-cache showpkg/show/unmet, dpkg-source -x, dpkg-buildflags, update-alternatives --query/--display, dpkg -S), on
`tidepool`, a made-up tide-gauge library packaged here with faults put in, and on this machine's own apt cache and
dpkg database. Twelve new kinds, each with its extractor below (NEEDLES.md's "Round 331"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide331.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide331.json  as {"version": 2, "items": [...]}, ids prefixed "wide331-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, rule4  # noqa: E402
from capture_more import groups, kind, mask, run, write_tree  # noqa: E402

ID_PREFIX = "wide331-"
DEFAULT_OUT = HERE / "data" / "wide331.json"
TMP = Path(os.environ.get("HM_WIDE331_TMP", "/dev/shm/hm-corpus-wide331"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the shared rule-1 part ("diag")

ERR = re.compile(r"(?i)\b(error|fatal|failed|failure|cannot|unable)\b|^E: ")
WARN = re.compile(r"(?i)\bwarning\b|^[WN]: ")
LOC = re.compile(r"\S+:\d+|\(l\d+\)|LINE:")
EXIT = re.compile(r"\bEXIT=(\d+)")


def diag(lines: list[str]) -> list:
    """Rule 1 and 3: error lines (with a location line within six), warning shapes, non-zero EXIT= lines."""
    out: list = []
    warn: list = []
    for i, ln in enumerate(lines):
        m = EXIT.search(ln)
        if m and m.group(1) != "0":
            out.append(ln)
        if ERR.search(ln):
            out.append(ln)
            if not LOC.search(ln):
                loc = cm.next_match(lines, i, LOC.pattern)
                if loc:
                    out.append(loc)
        elif WARN.search(ln):
            warn.append((mask(ln), ln))
    return out + groups(warn)


@kind("dpkg-gensymbols", "build")
def n_gensymbols(lines):
    """diag; the symbols diff's ---/+++ headers and every removed or added line (a symbol lost, new or #MISSING)."""
    out = diag(lines)
    for ln in lines:
        if ln.startswith(("--- ", "+++ ")):
            out.append(ln)
        elif re.match(r"^[-+](?![-+]{2} )\s*\S", ln):
            out.append(ln)
    return out


FIELDS_TOP = ("Source:", "Version:", "Distribution:", "Urgency:", "Maintainer:", "Date:")


@kind("dpkg-parsechangelog", "pkg")
def n_parsechangelog(lines):
    """diag; the first Source/Version/Distribution/Urgency/Maintainer/Date lines; every entry heading in Changes."""
    out = diag(lines)
    seen = set()
    for ln in lines:
        for f in FIELDS_TOP:
            if ln.startswith(f) and f not in seen:
                seen.add(f)
                out.append(ln)
        if re.match(r"^ [a-z0-9][a-z0-9.+-]+ \([^)]+\) [^;]+; *urgency=", ln):
            out.append(ln)
    return out


@kind("dpkg-scanpackages", "pkg")
def n_scanpackages(lines):
    """diag; every indented line right after a warning (a package it lists); the Wrote N entries line; Filename lines."""
    out = diag(lines)
    listing = False
    for ln in lines:
        if WARN.search(ln):
            listing = True
            continue
        if listing and re.match(r"^\s+\S", ln):
            out.append(ln)
            continue
        listing = False
        if re.search(r"Wrote \d+ entries", ln) or ln.startswith("Filename:"):
            out.append(ln)
    return out


@kind("dpkg-checkbuilddeps", "build")
def n_checkbuilddeps(lines):
    """diag alone (each unmet build dependencies / build conflicts line, first 200 chars)."""
    return diag(lines)


@kind("apt-get-build-dep-s", "pkg")
def n_build_dep(lines):
    """diag; every line under 'have unmet dependencies:' up to the next unindented line; the N upgraded summary."""
    out = diag(lines)
    under = False
    for ln in lines:
        if "have unmet dependencies:" in ln:
            under = True
            continue
        if under and re.match(r"^\s+\S", ln):
            out.append(ln)
            continue
        under = False
        if re.match(r"^\d+ upgraded, \d+ newly installed", ln):
            out.append(ln)
    return out


@kind("apt-cache-showpkg", "pkg")
def n_showpkg(lines):
    """diag; every Package: line; under Versions: every version line; under Dependencies: its first line."""
    out = diag(lines)
    sect = None
    first_dep = False
    for ln in lines:
        if ln.startswith("Package:"):
            out.append(ln)
            sect = None
            continue
        if re.match(r"^[A-Z][A-Za-z ]+:\s*$", ln):
            sect = ln.rstrip(":").strip()
            first_dep = sect == "Dependencies"
            continue
        if sect == "Versions" and re.match(r"^\S+ \(/", ln):
            out.append(ln)
        elif sect == "Dependencies" and first_dep and ln.strip():
            out.append(ln)
            first_dep = False
    return out


SHOW_FIELDS = ("Package:", "Version:", "Depends:", "Pre-Depends:", "Conflicts:", "Breaks:", "Provides:")


@kind("apt-cache-show", "pkg")
def n_show(lines):
    """diag; every Package/Version/Depends/Pre-Depends/Conflicts/Breaks/Provides line."""
    return diag(lines) + [ln for ln in lines if ln.startswith(SHOW_FIELDS)]


@kind("apt-cache-unmet", "pkg")
def n_unmet(lines):
    """diag; a block with Depends/PreDepends gives header + those lines; other blocks one {any} of headers per field."""
    out = diag(lines)
    blocks: list[tuple[str, list[str]]] = []
    for ln in lines:
        if re.match(r"^Package \S+ version \S+ has an unmet dep", ln):
            blocks.append((ln, []))
        elif blocks and re.match(r"^\s+\S", ln):
            blocks[-1][1].append(ln)
    other: list = []
    for head, body in blocks:
        hard = [b for b in body if re.match(r"^\s*(Depends|PreDepends|Pre-Depends):", b)]
        if hard:
            out.append(head)
            out.extend(hard)
        elif body:
            m = re.match(r"^\s*([A-Za-z-]+):", body[0])
            other.append((m.group(1) if m else body[0].strip(), head))
    return out + groups(other)


@kind("dpkg-source-extract", "build")
def n_source_x(lines):
    """diag; every info: extracting ... in ... line."""
    return diag(lines) + [ln for ln in lines if re.search(r"info: extracting \S+ in \S+", ln)]


@kind("dpkg-buildflags", "build")
def n_buildflags(lines):
    """diag; every line defining or reporting CFLAGS/CPPFLAGS/CXXFLAGS/LDFLAGS; every features: status line."""
    out = diag(lines)
    for ln in lines:
        if re.match(r"^(export )?(CFLAGS|CPPFLAGS|CXXFLAGS|LDFLAGS)=", ln) or \
                re.search(r"status: (CFLAGS|CPPFLAGS|CXXFLAGS|LDFLAGS) \[", ln) or "features:" in ln:
            out.append(ln)
    return out


@kind("update-alternatives-query", "listing")
def n_alternatives(lines):
    """diag; Status/Best/Value and mode/best/currently lines; per name the alternative of min and max priority."""
    out = diag(lines)
    alts: list[tuple[str, dict]] = []

    def flush():
        if alts:
            out.extend(rule4(list(alts), nums=("prio",)))
            alts.clear()
    pending = None
    for ln in lines:
        if ln.startswith(("Status:", "Best:", "Value:")) or re.search(
                r" - (auto|manual) mode|best version is|currently points to", ln):
            out.append(ln)
        if ln.startswith("Name:") or re.search(r" - (auto|manual) mode", ln):
            flush()
        if ln.startswith("Alternative:"):
            pending = ln
        m = re.match(r"^Priority: (-?\d+)", ln)
        if m and pending:
            alts.append((pending, {"prio": int(m.group(1))}))
            pending = None
        m = re.match(r"^\S+ - priority (-?\d+)", ln)
        if m:
            alts.append((ln, {"prio": int(m.group(1))}))
    flush()
    return out


@kind("dpkg-S", "search")
def n_dpkg_s(lines):
    """diag + every 'no path found matching' line; one {any} per package named; every 'diversion by' line."""
    out = diag(lines)
    pk: list = []
    for ln in lines:
        if "no path found matching" in ln or ln.startswith("diversion by"):
            out.append(ln)
        elif re.match(r"^[a-z0-9][a-z0-9.+:, -]*: /", ln):
            pk.append((ln.split(": ", 1)[0], ln))
    return out + groups(pk)


# ------------------------------------------------------------------ material: tidepool

WORDS = ["tide", "gauge", "surge", "ebb", "flood", "datum", "harmonic", "station", "level", "berth", "chart",
         "spring", "neap", "swell", "current", "estuary", "basin", "pier", "buoy", "sounding"]


def funcs(rng: random.Random, n: int) -> list[str]:
    names = set()
    while len(names) < n:
        names.add(f"tp_{rng.choice(WORDS)}_{rng.choice(WORDS)}_{rng.randint(0, 99)}")
    return sorted(names)


def lib_source(names: list[str]) -> str:
    return "".join(f"int {n}(int x) {{ return x * {i + 3} + {len(n)}; }}\n" for i, n in enumerate(names))


CONTROL = """Source: tidepool
Section: science
Priority: optional
Maintainer: Tide Team <tide@example.org>
Build-Depends: {bdeps}
Standards-Version: 4.6.2

Package: libtidepool1
Architecture: amd64
Depends: ${{shlibs:Depends}}, ${{misc:Depends}}
Description: tide gauge library
 Harmonic tide prediction and gauge readings.
"""

CHANGELOG_OK = """tidepool ({v}) unstable; urgency=medium

  * Release {v}.

 -- Tide Team <tide@example.org>  Mon, 02 Oct 2023 10:00:00 +0000
"""


def so_package(d: Path, names: list[str], version: str) -> None:
    pkg = d / "debian" / "libtidepool1" / "usr" / "lib" / "x86_64-linux-gnu"
    run(f"rm -rf {pkg}")  # the previous build's library goes, as a clean rebuild would
    pkg.mkdir(parents=True, exist_ok=True)
    (d / "tp.c").write_text(lib_source(names))
    run(f"gcc -shared -fPIC -O0 -Wl,-soname,libtidepool.so.1 -o {pkg}/libtidepool.so.1.{version} tp.c "
        f"&& ln -sf libtidepool.so.1.{version} {pkg}/libtidepool.so.1", cwd=d, timeout=120)


def gensym_tree(d: Path, rng: random.Random, n: int, drop: int, add_new: int, ver: str) -> None:
    names = funcs(rng, n)
    write_tree(d, {"debian/control": CONTROL.format(bdeps="debhelper-compat (= 13)"),
                   "debian/changelog": CHANGELOG_OK.format(v=ver + "-1")})
    so_package(d, names, "0.0")
    run("dpkg-gensymbols -plibtidepool1 -Pdebian/libtidepool1 -v1.0 -Odebian/libtidepool1.symbols >/dev/null 2>&1",
        cwd=d)
    gone = set(rng.sample(names, drop))
    new = funcs(random.Random(rng.random()), add_new)
    new = [f"{x}_v2" for x in new]
    so_package(d, [x for x in names if x not in gone] + new, "1.0")


def cap_gensymbols(tmp: Path) -> None:
    d = tmp / "gensym-a"
    gensym_tree(d, random.Random(33101), 60, 4, 0, "1.1")
    cap("gensymbols-lost", "dpkg-gensymbols -plibtidepool1 -Pdebian/libtidepool1 -c4; echo EXIT=$?", d, n_gensymbols)
    d = tmp / "gensym-b"
    gensym_tree(d, random.Random(33102), 150, 9, 12, "1.2")
    cap("gensymbols-lost-new", "dpkg-gensymbols -plibtidepool1 -Pdebian/libtidepool1 -c4; echo EXIT=$?", d,
        n_gensymbols)
    d = tmp / "gensym-c"
    gensym_tree(d, random.Random(33103), 900, 3, 25, "2.0")
    cap("gensymbols-print-c2", "dpkg-gensymbols -plibtidepool1 -Pdebian/libtidepool1 -c2 -O; echo EXIT=$?", d,
        n_gensymbols)
    d = tmp / "gensym-e"
    gensym_tree(d, random.Random(33105), 220, 6, 8, "1.4")
    cap("gensymbols-default-level", "dpkg-gensymbols -plibtidepool1 -Pdebian/libtidepool1; echo EXIT=$?", d,
        n_gensymbols)
    d = tmp / "gensym-d"
    gensym_tree(d, random.Random(33104), 40, 0, 30, "1.3")
    cap("gensymbols-new-only", "dpkg-gensymbols -plibtidepool1 -Pdebian/libtidepool1 -c4; echo EXIT=$?", d,
        n_gensymbols)


DISTS = ["unstable", "unstable", "unstable", "experimental", "bookworm-backports"]


def changelog(rng: random.Random, n: int, bad: dict[int, str]) -> str:
    out = []
    for i in range(n):
        v = f"{n - i // 3}.{(n - i) % 7}-{i % 3 + 1}"
        head = f"tidepool ({v}) {rng.choice(DISTS)}; urgency={rng.choice(['medium', 'low', 'high'])}"
        trail = f" -- Tide Team <tide@example.org>  Mon, {1 + i % 28:02d} Oct 2022 10:{i % 60:02d}:00 +0000"
        body = "".join(f"  * {rng.choice(WORDS).title()} {rng.choice(WORDS)} fix (Closes: #{rng.randint(900000, 1099999)}).\n"
                       for _ in range(rng.randint(1, 5)))
        fault = bad.get(i)
        if fault == "head":
            head = f"tidepool {v} unstable urgency=medium"
        elif fault == "trailer":
            trail = " -- Tide Team tide@example.org Mon Oct 2022"
        elif fault == "date":
            trail = f" -- Tide Team <tide@example.org>  Moonday, 32 Oct 2022 25:00:00 +0000"
        elif fault == "indent":
            body = body.replace("  * ", "* ", 1)
        elif fault == "version":
            head = f"tidepool (:{v}~bad) unstable; urgency=medium"
        out.append(f"{head}\n\n{body}\n{trail}\n")
    return "\n".join(out)


def cap_changelog(tmp: Path) -> None:
    d = tmp / "chlog"
    d.mkdir(parents=True)
    (d / "changelog.a").write_text(changelog(random.Random(33111), 30, {4: "head", 9: "trailer", 15: "date", 21: "indent"}))
    cap("parsechangelog-all", "dpkg-parsechangelog -l changelog.a --all", d, n_parsechangelog)
    (d / "changelog.b").write_text(changelog(random.Random(33112), 260, {3: "date", 40: "head", 41: "head",
                                                                          120: "version", 200: "trailer"}))
    cap("parsechangelog-rfc822-all", "dpkg-parsechangelog -l changelog.b --format rfc822 --all", d, n_parsechangelog)
    (d / "changelog.c").write_text(changelog(random.Random(33113), 12, {0: "version"}))
    cap("parsechangelog-top-bad", "dpkg-parsechangelog -l changelog.c; echo EXIT=$?; "
        "dpkg-parsechangelog -l changelog.c -S Version; echo EXIT=$?", d, n_parsechangelog)
    (d / "changelog.d").write_text(changelog(random.Random(33114), 80, {10: "trailer", 11: "indent", 55: "date"}))
    cap("parsechangelog-since", "dpkg-parsechangelog -l changelog.d -v 70.1-1 ; echo EXIT=$?", d, n_parsechangelog)


def mkdeb(root: Path, pool: Path, name: str, version: str, arch: str = "all", depends: str = "",
          maint: str = "Tide Team <tide@example.org>") -> None:
    b = root / f"{name}_{version}"
    (b / "DEBIAN").mkdir(parents=True, exist_ok=True)
    (b / "usr" / "share" / "doc" / name).mkdir(parents=True, exist_ok=True)
    (b / "usr" / "share" / "doc" / name / "README").write_text(f"{name} {version}\n")
    dep = f"Depends: {depends}\n" if depends else ""
    (b / "DEBIAN" / "control").write_text(
        f"Package: {name}\nVersion: {version}\nArchitecture: {arch}\nMaintainer: {maint}\n{dep}"
        f"Section: science\nPriority: optional\nDescription: {name} of tidepool\n tide gauges.\n")
    pool.mkdir(parents=True, exist_ok=True)
    run(f"dpkg-deb -Zgzip -z1 --build {b} {pool}/{name}_{version}_{arch}.deb >/dev/null", timeout=60)


def cap_scanpackages(tmp: Path) -> None:
    rng = random.Random(33121)
    d = tmp / "repo"
    stage = tmp / "stage"
    names = sorted({f"tidepool-{rng.choice(WORDS)}-{rng.choice(WORDS)}" for _ in range(40)})
    override = []
    for i, n in enumerate(names):
        mkdeb(stage, d / "pool" / "main", n, f"1.{i}-1", depends="libc6 (>= 2.36)" if i % 3 else "")
        if i % 4:
            m = "Old Maintainer <old@example.org>" if i % 7 == 0 else "Tide Team <tide@example.org>"
            override.append(f"{n} optional science {m} => Tide Team <tide@example.org>" if i % 7 == 0 else
                            f"{n} optional science")
    for n in names[:6]:
        mkdeb(stage, d / "pool" / "main", n, "0.9-1", maint="Someone Else <else@example.org>")
    (d / "override").write_text("\n".join(override + ["tidepool-ghost optional science"]) + "\n")
    cap("scanpackages-override", "dpkg-scanpackages pool override", d, n_scanpackages)
    cap("scanpackages-multiversion", "dpkg-scanpackages -m pool /dev/null 2>&1 | head -n 400", d, n_scanpackages)
    e = tmp / "repo2"
    for n in names[:14]:
        mkdeb(stage, e / "pool" / "good", n, "2.0-1", arch="amd64")
    for n in names[20:24]:
        mkdeb(stage, e / "pool" / "good", n, "2.0-1", arch="arm64")
    (e / "pool" / "broken_1.0_all.deb").write_text("not an ar archive\n")
    cap("scanpackages-broken-deb", "dpkg-scanpackages -a amd64 pool/good; echo EXIT=$?; "
        "dpkg-scanpackages pool; echo EXIT=$?", e, n_scanpackages)


MISSING = ["libtidegauge-dev (>= 2.1)", "python3-harmonica", "libswell++-dev", "dh-sequence-tidal",
           "libneap0-dev [amd64]", "ocaml-datum (>= 4.14)", "libestuary-dev | libbasin-dev", "r-cran-tides"]
PRESENT = ["gcc", "make", "libc6-dev", "perl", "dpkg-dev", "python3", "bash (>= 5)", "coreutils"]


def cap_checkbuilddeps(tmp: Path) -> None:
    rng = random.Random(33131)
    root = tmp / "cbd"
    dirs = []
    for i in range(8):
        d = root / f"tidepool-{i}"
        deps = rng.sample(PRESENT, 4) + rng.sample(MISSING, rng.randint(1 if i else 0, 4))
        if i == 5:
            deps.append("gcc (>= 99)")
        ctl = CONTROL.format(bdeps=", ".join(deps))
        if i == 3:
            ctl = ctl.replace("Standards-Version", "Build-Conflicts: perl, make\nStandards-Version")
        if i == 6:
            ctl = ctl.replace("Build-Depends: ", "Build-Depends: libfoo (>= , ")
        write_tree(d, {"debian/control": ctl, "debian/changelog": CHANGELOG_OK.format(v=f"1.{i}-1")})
        dirs.append(d.name)
    cap("checkbuilddeps-loop", "for d in tidepool-*; do echo \"== $d\"; (cd $d && dpkg-checkbuilddeps); "
        "echo EXIT=$?; done", root, n_checkbuilddeps)
    cap("checkbuilddeps-arch-indep", "for d in tidepool-1 tidepool-3 tidepool-6; do (cd $d && dpkg-checkbuilddeps -A "
        "&& dpkg-checkbuilddeps -B -a arm64); echo \"$d EXIT=$?\"; done", root, n_checkbuilddeps)


def cap_build_dep(tmp: Path) -> None:
    root = tmp / "bdep"
    spec = {"missing": ["debhelper-compat (= 13)", "libssl-dev", "libtidegauge-dev (>= 2.1)", "python3-harmonica",
                        "libsqlite3-dev (>= 9.0)", "pkgconf"],
            "ok": ["debhelper-compat (= 13)", "libssl-dev", "libsqlite3-dev", "pkgconf", "libcurl4-openssl-dev",
                   "python3-dev", "libgdal-dev"],
            "conflict": ["libcurl4-openssl-dev", "libcurl4-gnutls-dev", "libssl-dev (<< 1.0)"]}
    for name, deps in spec.items():
        d = root / name
        write_tree(d, {"debian/control": CONTROL.format(bdeps=", ".join(deps)),
                       "debian/changelog": CHANGELOG_OK.format(v="1.0-1")})
        cap(f"build-dep-s-{name}", "apt-get build-dep -s ./; echo EXIT=$?", d, n_build_dep, timeout=300)


def cap_apt_cache(tmp: Path) -> None:
    for name, pkgs in [("zlib", "zlib1g"), ("python3-tidepool", "python3-venv python3-tidepool libssl3"),
                       ("perl-base", "perl-base libsqlite3-0")]:
        cap(f"showpkg-{name}", f"apt-cache showpkg {pkgs}", tmp, n_showpkg, timeout=120)
    for name, pkgs in [("build-tools", "dpkg-dev debhelper pkgconf libtidegauge-dev"),
                       ("libssl", "libssl-dev libssl3 openssl"),
                       ("python3-all", "python3-numpy python3-scipy python3-pandas python3-matplotlib")]:
        cap(f"show-{name}", f"apt-cache show {pkgs}", tmp, n_show, timeout=120)
    cap("unmet-important", "apt-cache unmet -i | head -n 1200", tmp, n_unmet, timeout=300)
    cap("unmet-pkgs", "apt-cache unmet webext-mailmindr webext-eas4tbsync webext-quicktext webext-tbsync "
        "console-setup-freebsd libasync-http-client-java python3 perl gcc-12 dpkg-dev", tmp, n_unmet, timeout=300)
    cap("show-versions-missing", "apt-cache show libc6 libtidepool1 tzdata; echo EXIT=$?", tmp, n_show, timeout=120)
    cap("unmet-all", "apt-cache unmet 2>&1 | tail -n 700", tmp, n_unmet, timeout=300)


def cap_source(tmp: Path) -> None:
    root = tmp / "src"
    rng = random.Random(33141)
    for v in ("1.0", "1.1", "1.2", "1.3"):
        up = root / f"tidepool-{v}"
        write_tree(up, {"tp.c": lib_source(funcs(rng, 20)), "Makefile": "all:\n\tcc -c tp.c\n",
                        "debian/control": CONTROL.format(bdeps="debhelper-compat (= 13)"),
                        "debian/changelog": CHANGELOG_OK.format(v=f"{v}-1"),
                        "debian/source/format": "3.0 (quilt)\n", "debian/rules": "#!/usr/bin/make -f\n%:\n\tdh $@\n",
                        "debian/patches/series": "01-fix-datum.patch\n02-swell.patch\n",
                        "debian/patches/01-fix-datum.patch":
                            "--- a/Makefile\n+++ b/Makefile\n@@ -1,2 +1,2 @@\n all:\n-\tcc -c tp.c\n+\tcc -O2 -c tp.c\n",
                        "debian/patches/02-swell.patch":
                            "--- a/swell.c\n+++ b/swell.c\n@@ -0,0 +1 @@\n+int swell(void) { return 1; }\n"})
        run(f"tar --exclude=debian -czf tidepool_{v}.orig.tar.gz tidepool-{v}", cwd=root)
        run(f"dpkg-source -b tidepool-{v} >/dev/null 2>&1; rm -rf tidepool-{v}", cwd=root)
    # faults: 1.0's .dsc sha1 edited, 1.1's debian.tar truncated, 1.2's orig tarball re-rolled upstream with another
    # Makefile (checksums and the patch no longer match), 1.3's orig tarball missing
    run("head -c 300 tidepool_1.1-1.debian.tar.xz > t && mv t tidepool_1.1-1.debian.tar.xz; "
        "sed -i '0,/^ [0-9a-f]\\{40\\} /s// 0000000000000000000000000000000000000000 /' tidepool_1.0-1.dsc; "
        "mkdir -p re/tidepool-1.2 && printf 'all:\\n\\tgcc -c tidal.c\\n' > re/tidepool-1.2/Makefile && "
        "tar -C re -czf tidepool_1.2.orig.tar.gz tidepool-1.2 && rm -rf re; rm -f tidepool_1.3.orig.tar.gz", cwd=root)
    cap("source-x-loop", "for f in *.dsc; do echo \"== $f\"; dpkg-source -x $f; echo EXIT=$?; done; ls", root,
        n_source_x)
    run("rm -rf tidepool-1.0 tidepool-1.1 tidepool-1.2 tidepool-1.3", cwd=root)
    cap("source-x-no-check", "dpkg-source --no-check -x tidepool_1.2-1.dsc; echo EXIT=$?; dpkg-source --no-check "
        "--skip-patches -x tidepool_1.2-1.dsc skip; echo EXIT=$?; dpkg-source --no-check -x tidepool_1.0-1.dsc; "
        "echo EXIT=$?; dpkg-source -x tidepool_1.3-1.dsc; echo EXIT=$?", root, n_source_x)


def cap_buildflags(tmp: Path) -> None:
    cap("buildflags-status", "DEB_BUILD_MAINT_OPTIONS='hardening=+all,-bogus optimize=-lto qa=+bug future=+lfs' "
        "DEB_CFLAGS_MAINT_APPEND='-Wall -Werror' DEB_LDFLAGS_MAINT_STRIP='-Wl,-z,relro' dpkg-buildflags --status",
        tmp, n_buildflags)
    cap("buildflags-export-query", "DEB_BUILD_OPTIONS='noopt nostrip parallel=2' DEB_BUILD_MAINT_OPTIONS="
        "'hardening=+pie,-stackprotector reproducible=-fixfilepath' dpkg-buildflags --export=sh; "
        "dpkg-buildflags --query; dpkg-buildflags --get FFLAGZ; echo EXIT=$?", tmp, n_buildflags)
    cap("buildflags-cross", "for a in amd64 arm64 armhf i386 riscv64; do echo \"== $a\"; DEB_HOST_ARCH=$a "
        "DEB_BUILD_MAINT_OPTIONS='hardening=+all,+branch' dpkg-buildflags --status 2>&1 | grep -v '^dpkg-buildflags: "
        "status: [A-Z]*FLAGS '; done", tmp, n_buildflags)


def cap_alternatives(tmp: Path) -> None:
    root = tmp / "alt"
    alt, adm, bin_, opt = root / "etc-alt", root / "admin", root / "bin", root / "opt"
    for p in (alt, adm, bin_, opt):
        p.mkdir(parents=True)
    rng = random.Random(33151)
    ua = f"update-alternatives --altdir {alt} --admindir {adm}"
    cmds = []
    for name in ("tidepredict", "gaugeview", "surgecalc", "chartgen"):
        for j in range(rng.randint(3, 7)):
            t = opt / f"{name}-{j}"
            t.write_text("#!/bin/sh\n")
            cmds.append(f"{ua} --install {bin_}/{name} {name} {t} {rng.randint(-20, 120)} "
                        f"--slave {bin_}/{name}.1 {name}.1 {opt}/{name}-{j}.1")
    cmds.append(f"{ua} --set gaugeview {opt}/gaugeview-1")
    run(" >/dev/null 2>&1; ".join(cmds) + " >/dev/null 2>&1", timeout=120)
    run(f"rm -f {opt}/tidepredict-0 {opt}/surgecalc-2 {opt}/chartgen-1")
    cap("alternatives-query", f"for n in tidepredict gaugeview surgecalc chartgen nosuch; do {ua} --query $n; "
        "echo EXIT=$?; done", root, n_alternatives, typed="for n in tidepredict gaugeview surgecalc chartgen nosuch; "
        "do update-alternatives --altdir etc-alt --admindir admin --query $n; echo EXIT=$?; done")
    cap("alternatives-display", f"for n in tidepredict gaugeview surgecalc chartgen; do {ua} --display $n; done; "
        f"{ua} --config nosuch </dev/null; echo EXIT=$?", root, n_alternatives,
        typed="for n in tidepredict gaugeview surgecalc chartgen; do update-alternatives --altdir etc-alt "
        "--admindir admin --display $n; done; update-alternatives --altdir etc-alt --admindir admin --config nosuch")
    cap("alternatives-system", "update-alternatives --display editor; update-alternatives --display pager; "
        "update-alternatives --query awk; update-alternatives --display cc; echo EXIT=$?", root, n_alternatives)


def cap_dpkg_s(tmp: Path) -> None:
    cap("dpkg-S-mixed", "dpkg -S bin/ls /usr/bin/tidepredict libz.so.1 /etc/tidepool.conf '*/libssl*' "
        "/usr/bin/awk; echo EXIT=$?", tmp, n_dpkg_s)
    cap("dpkg-S-python", "dpkg -S 'python3.11/json/*' 'python3.11/asyncio/*.py' /usr/lib/python3/dist-packages/tidepool "
        "2>&1 | head -n 600", tmp, n_dpkg_s)
    cap("dpkg-S-libdir", "dpkg -S /usr/lib/x86_64-linux-gnu/ 'x86_64-linux-gnu/*.so.*' 2>&1 | sort | head -n 900", tmp,
        n_dpkg_s)


def cap_dpkg_s_divert(tmp: Path) -> None:
    cap("dpkg-S-diverted", "dpkg -S $(dpkg-divert --list | awk '{print $3}') /usr/bin/tidepool-gauge; echo EXIT=$?",
        tmp, n_dpkg_s)


STEPS = [cap_gensymbols, cap_changelog, cap_scanpackages, cap_checkbuilddeps, cap_build_dep, cap_apt_cache,
         cap_source, cap_buildflags, cap_alternatives, cap_dpkg_s,
         cap_dpkg_s_divert]


def ensure_tools() -> None:
    pass


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide331", sys.modules["__main__"])
    main()
