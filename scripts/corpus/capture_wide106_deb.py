"""Round 106, Debian packaging: the tide-table tool `tidewatch` (capture_wide106_rpm.py's sources, 150 seeded station
tables) packaged for Debian with mistakes put in: build-dependencies that are not installed, tests that fail under
dh_auto_test, a .install file that leaves most of debian/tmp behind (dh_missing), helper binaries linked against a
private library dpkg-shlibdeps cannot find; two good versions (1.2-1 and 1.3-1) whose .debs and .dscs debdiff and
diffoscope compare and whose build debuild runs with lintian; a quilt series of 80 patches made with quilt itself, one
of which stops applying after an upstream edit. The extractors are this round's (NEEDLES.md, "Round 106"). Run through
capture_wide106.py."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from capture_more import groups, kind, mask, next_match, run, write_tree
from capture_wide106 import cap, exit_lines
from capture_wide106_rpm import _failures, n_diffoscope, tidewatch_tree

ERR_RE = re.compile(r"^(dpkg-[\w-]+|dh_?[\w-]*|debuild|dpkg-buildpackage|dpkg-source|dpkg-checkbuilddeps|"
                    r"dpkg-gencontrol|dpkg-shlibdeps|dpkg-deb): (error|fatal error)\b|^debuild: fatal error")
WARN_RE = re.compile(r"^(dpkg-[\w-]+|dh_[\w-]+|debuild): warning: ")
MISSING_RE = re.compile(r"exists in debian/tmp but is not installed to anywhere")


def _dpkg_lines(lines: list[str]) -> list:
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^dpkg-buildpackage: info: source (package|version) ", s) or ERR_RE.match(s) or \
                MISSING_RE.search(s):
            out.append(ln)
        elif WARN_RE.match(s):
            warns.append((mask(WARN_RE.sub("", s)), ln))
    return out + _failures(lines) + groups(warns)


@kind("dpkg-buildpackage", "build")
def n_dpkg_buildpackage(lines):
    """Round 106: the `source package` / `source version` info lines, every error: line of dpkg's tools and debhelper, the build's own failure lines (compiler error, FAIL: test and summary, make *** line), every dh_missing `exists in debian/tmp but is not installed` line; warning: lines one {"any"} per shape; any EXIT= line."""
    return _dpkg_lines(lines) + exit_lines(lines)


@kind("debuild", "build")
def n_debuild(lines):
    """Round 106: as dpkg-buildpackage, and lintian's E: lines, its W: lines one {"any"} per tag; any EXIT= line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^([EW]): (\S+?)(?: \w+)?: ([\w-]+)", ln)
        if m and m.group(1) == "E":
            out.append(ln)
        elif m:
            pairs.append((m.group(3), ln))
    return _dpkg_lines(lines) + out + groups(pairs) + exit_lines(lines)


@kind("dpkg-shlibdeps", "build")
def n_dpkg_shlibdeps(lines):
    """Round 106: every error: line; warning: lines one {"any"} per (message shape, binary); the shlibs:Depends= line; any EXIT= line."""
    out, pairs = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^dpkg-shlibdeps: error: ", s) or s.startswith("shlibs:Depends="):
            out.append(ln)
        elif re.match(r"^dpkg-shlibdeps: warning: ", s):
            binary = re.search(r"debian/\S+", s)
            pairs.append(((mask(s), binary.group(0) if binary else ""), ln))
    return out + groups(pairs) + exit_lines(lines)


@kind("dh-missing", "build")
def n_dh_missing(lines):
    """Round 106: every `exists in debian/tmp but is not installed to anywhere` line, the `dh_missing: error: missing files, aborting` line; any EXIT= line."""
    out = [ln for ln in lines if MISSING_RE.search(ln) or re.match(r"^\s*dh_missing: error: ", ln)]
    return out + exit_lines(lines)


@kind("debdiff", "git")
def n_debdiff(lines):
    """Round 106: .deb: every section header, every file line under the Files in … sections, every control line with a [-…-] / {+…+} change; .dsc: every file header and the first hunk header under each; any EXIT= line."""
    out = []
    section = ""
    hunk_wanted = False
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(\[The following lists|Files in (first|second) \.deb|Control files|No differences were "
                     r"encountered|Control files of package)", s):
            out.append(ln)
            section = s
            continue
        if section.startswith("Files in") and s and not s.startswith("---"):
            out.append(ln)
        elif section.startswith("Control files") and ("[-" in s or "{+" in s):
            out.append(ln)
        if re.match(r"^(diff -Nru |--- |\+\+\+ )", ln) and not re.match(r"^--- *$", ln):
            out.append(ln)
            hunk_wanted = True
        elif hunk_wanted and ln.startswith("@@ "):
            out.append(ln)
            hunk_wanted = False
    warns = [(mask(ln.split("warning:", 1)[1]), ln) for ln in lines if re.match(r"^[\w-]+: warning: ", ln)]
    return out + groups(warns) + exit_lines(lines)


@kind("quilt-push", "build")
def n_quilt_push(lines):
    """Round 106: the Applying patch line of a patch that failed (the last one when the push stops), every Hunk #N FAILED and N out of M hunks FAILED line, the does not apply line, the Now at patch line; Hunk succeeded (offset/fuzz) lines one {"any"} per file; any EXIT= line."""
    out, pairs = [], []
    applying = [i for i, ln in enumerate(lines) if ln.startswith("Applying patch ")]
    current_file = ""
    for i, ln in enumerate(lines):
        s = ln.strip()
        m = re.match(r"^(patching|checking) file (\S+)", s)
        if m:
            current_file = m.group(2)
        if re.search(r"FAILED|does not apply|can be reverse-applied|^Now at patch|No patches (applied|in series)|"
                     r"File series fully applied", s):
            out.append(ln)
            if "does not apply" in s or "FAILED" in s:
                before = [k for k in applying if k < i]
                if before:
                    out.append(lines[before[-1]])
        elif re.match(r"^Hunk #\d+ succeeded", s):
            pairs.append((current_file, ln))
    return out + groups(pairs) + exit_lines(lines)


@kind("quilt-series", "listing")
def n_quilt_series(lines):
    """Round 106: the first and last patch listed; with -v the top `= ` line and the first unapplied line after it; the fully applied / no patches / no series lines; any EXIT= line."""
    pats = [ln for ln in lines if re.search(r"\.(patch|diff)$", ln.strip())]
    out = pats[:1] + pats[-1:]
    top = next((i for i, ln in enumerate(pats) if ln.startswith("= ")), None)
    if top is not None:
        out.append(pats[top])
        if top + 1 < len(pats):
            out.append(pats[top + 1])
    out += [ln for ln in lines if re.search(r"fully applied|No patches|No series file|not in series", ln)]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the Debian packaging

CONTROL = """Source: tidewatch
Section: science
Priority: optional
Maintainer: Harbour Office <ops@tidewatch.example.org>
Build-Depends: debhelper-compat (= 13){extra}
Standards-Version: 4.6.2
Homepage: https://tidewatch.example.org/
Rules-Requires-Root: no

Package: tidewatch
Architecture: any
Depends: ${{shlibs:Depends}}, ${{misc:Depends}}
Description: tide table statistics for gauge data
 tidewatch reads tide gauge tables and prints their mean, maximum and
 number of readings.
"""

RULES = """#!/usr/bin/make -f
%:
\tdh $@

override_dh_auto_install:
\t$(MAKE) install DESTDIR=$(CURDIR)/debian/tmp PREFIX=/usr
"""

CHANGELOG = """tidewatch ({version}) unstable; urgency=medium

  * {what}

 -- Harbour Office <ops@tidewatch.example.org>  {date}
"""

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: tidewatch

Files: *
Copyright: 2026 Harbour Office
License: MIT
"""

INSTALL_ALL = "usr/bin\nusr/share/man\nusr/share/tidewatch\nusr/share/applications\nusr/share/doc\netc\n"


def deb_tree(parent: Path, upstream: str, debver: str, seed: int, extra_bd: str = "", install: str = INSTALL_ALL,
             fixed: bool = False, n_stations: int = 150, tweak=None, broken: bool = False, n_cases: int = 70) -> Path:
    src = parent / f"tidewatch-{upstream}"
    tidewatch_tree(src, upstream, seed, n_stations=n_stations, broken=broken, n_cases=n_cases)
    if fixed:
        c = src / "tidewatch.c"
        c.write_text(c.read_text().replace("(double)((int)sum / n));   /* BUG: integer division truncates the mean */",
                                           "sum / n);"))
    if tweak:
        tweak(src)
    run(f"tar -czf tidewatch_{upstream}.orig.tar.gz tidewatch-{upstream}", cwd=parent)
    write_tree(src / "debian", {
        "control": CONTROL.format(extra=extra_bd),
        "rules": RULES,
        "changelog": CHANGELOG.format(version=debver, what="New upstream release." if fixed else "Initial release.",
                                      date="Mon, 30 Nov 2026 10:00:00 +0000" if not fixed
                                      else "Fri, 20 Nov 2026 09:00:00 +0000"),
        "copyright": COPYRIGHT,
        "source/format": "3.0 (quilt)\n",
        "tidewatch.install": install,
    })
    run("chmod +x debian/rules tests/run.sh tw-report.sh", cwd=src)
    return src


def build_step(tmp: Path) -> None:
    d = tmp / "deb-builddep"
    d.mkdir(parents=True)
    src = deb_tree(d, "1.2", "1.2-1", 106, extra_bd=", libtidecalc-dev (>= 2.1), python3-pytest (>= 7.0), "
                   "gfortran, libnetcdf-dev (>= 1:4.9)")
    cap("dpkg-buildpackage-builddep", "dpkg-buildpackage -us -uc -b; echo EXIT=$?", src, n_dpkg_buildpackage,
        timeout=600)
    d = tmp / "deb-tests"
    d.mkdir(parents=True)
    src = deb_tree(d, "1.2", "1.2-1", 106, n_cases=330)
    cap("dpkg-buildpackage-tests", "dpkg-buildpackage -us -uc -b 2>&1", src, n_dpkg_buildpackage, timeout=900)
    d = tmp / "deb-broken"
    d.mkdir(parents=True)
    src = deb_tree(d, "1.3", "1.3-1", 107, broken=True)
    cap("dpkg-buildpackage-compile-grep", "dpkg-buildpackage -us -uc -b 2>&1 | grep -E 'error|warning|Error'; "
        "echo EXIT=$?", src, n_dpkg_buildpackage, timeout=900)
    d = tmp / "deb-missing"
    d.mkdir(parents=True)
    src = deb_tree(d, "1.2", "1.2-2", 106, install="usr/bin/tidewatch\nusr/share/man\n")
    cap("dpkg-buildpackage-missing-tail", "DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b 2>&1 | tail -n 60;"
        " echo EXIT=$?", src, n_dpkg_buildpackage, timeout=900)
    cap("dh-missing-list", "dh_missing --list-missing 2>&1; echo EXIT=$?", src, n_dh_missing)
    cap("dh-missing-fail", "dh_missing --fail-missing", src, n_dh_missing)


PRIVATE_LIB = r'''double tc_mean(const double *v, int n) { double s = 0; int i; for (i = 0; i < n; i++) s += v[i]; return s / n; }
'''
TOOL_C = r'''#include <stdio.h>
#include <math.h>
#include <pthread.h>
double tc_mean(const double *v, int n);
int main(void) { double v[3] = {1, 2, %d}; printf("%%f\n", tc_mean(v, 3)); return 0; }
'''


def good_step(tmp: Path) -> None:
    d = tmp / "deb-good"
    d.mkdir(parents=True)
    a = deb_tree(d, "1.2", "1.2-1", 106)
    rng = random.Random(10601)

    def resurvey(b: Path) -> None:  # 1.3's station tables: 38 dropped, 26 new, a few readings changed
        stations = sorted((b / "stations").glob("*.dat"))
        for p in rng.sample(stations, 38):
            p.unlink()
        for i in range(26):
            (b / "stations" / f"dornbusch-{300 + i}.dat").write_text("\n".join(
                str(round(rng.gauss(480, 90), 1)) for _ in range(30)) + "\n")
        for p in rng.sample(sorted((b / "stations").glob("*.dat")), 5):
            rows = p.read_text().splitlines()
            rows[3] = str(round(float(rows[3]) + 21.5, 1))
            p.write_text("\n".join(rows) + "\n")
    b = deb_tree(d, "1.3", "1.3-1", 106, fixed=True, tweak=resurvey)
    (b / "debian" / "control").write_text((b / "debian" / "control").read_text()
                                          .replace("Depends: ${shlibs:Depends}, ${misc:Depends}",
                                                   "Depends: ${shlibs:Depends}, ${misc:Depends}, gnuplot\n"
                                                   "Recommends: python3"))
    run("DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc", cwd=a, timeout=900)
    run("DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc", cwd=b, timeout=900)
    cap("debdiff-debs", "debdiff tidewatch_1.2-1_amd64.deb tidewatch_1.3-1_amd64.deb; echo EXIT=$?", d, n_debdiff)
    cap("debdiff-dsc-head", "debdiff tidewatch_1.2-1.dsc tidewatch_1.3-1.dsc 2>&1 | head -n 400", d, n_debdiff,
        timeout=300)
    cap("diffoscope-debs", "diffoscope tidewatch_1.2-1_amd64.deb tidewatch_1.3-1_amd64.deb", d, n_diffoscope,
        timeout=600)
    cap("debuild-lintian-tail", "DEB_BUILD_OPTIONS=nocheck debuild -us -uc -b 2>&1 | tail -n 80; echo EXIT=$?", b,
        n_debuild, timeout=900)
    # helper tools linked against a private library dpkg-shlibdeps cannot find, and against libm they do not use
    lib = tmp / "deb-good" / "privlib"
    lib.mkdir()
    (lib / "tc.c").write_text(PRIVATE_LIB)
    run("gcc -shared -fPIC -Wl,-soname,libtidecalc.so.1 -o libtidecalc.so.1 tc.c && ln -s libtidecalc.so.1 "
        "libtidecalc.so", cwd=lib)
    bindir = a / "debian" / "tidewatch" / "usr" / "bin"
    for i, name in enumerate(["tw-mean", "tw-max", "tw-plot", "tw-sync", "tw-export", "tw-rotate"]):
        (lib / f"{name}.c").write_text(TOOL_C % i)
        link = f"-L{lib} -ltidecalc" if i % 2 == 0 else f"{lib}/tc.c"
        run(f"gcc -o {bindir}/{name} {name}.c {link} -lm -lpthread", cwd=lib)
    cap("dpkg-shlibdeps-two", "dpkg-shlibdeps -O debian/tidewatch/usr/bin/tw-mean debian/tidewatch/usr/bin/tw-sync "
        "debian/tidewatch/usr/bin/tidewatch 2>&1; echo EXIT=$?", a, n_dpkg_shlibdeps)
    cap("dpkg-shlibdeps-private", "dpkg-shlibdeps -O -v debian/tidewatch/usr/bin/*; echo EXIT=$?", a,
        n_dpkg_shlibdeps)


def quilt_step(tmp: Path) -> None:
    d = tmp / "deb-quilt"
    d.mkdir(parents=True)
    src = deb_tree(d, "1.2", "1.2-3", 106, n_stations=60)
    env = {"QUILT_PATCHES": "debian/patches", "QUILT_REFRESH_ARGS": "-p ab --no-timestamps --no-index"}
    rng = random.Random(10666)
    stations = sorted(p.name for p in (src / "stations").glob("*.dat"))
    topics = ["fix-mean-rounding", "station-renames", "datum-nhn", "man-page-typos", "makefile-ldflags", "hardening",
              "desktop-categories", "readme-usage", "conf-units", "cross-build"]
    for i in range(80):
        name = f"{i + 1:04d}-{topics[i % len(topics)]}-{i // len(topics) + 1}.patch"
        picks = rng.sample(stations[6:], 2) if i != 47 else ["../tidewatch.c", stations[5]]
        files = " ".join(f"stations/{p}" if not p.startswith("..") else "tidewatch.c" for p in picks)
        run(f"quilt new {name} && quilt add {files}", cwd=src, env=env)
        for f in files.split():
            p = src / f
            rows = p.read_text().splitlines()
            for k in rng.sample(range(2, len(rows) - 2), min(3, len(rows) - 4)):
                rows[k] = rows[k] + (" /* clamp */" if f.endswith(".c") else ".0")
            p.write_text("\n".join(rows) + "\n")
        run("quilt refresh", cwd=src, env=env)
    run("quilt pop -a", cwd=src, env=env)
    c = src / "tidewatch.c"  # upstream reworked the file: patch 48's context is gone
    c.write_text(c.read_text().replace("    FILE *f = fopen(path, \"r\");\n    int n = 0;",
                                       "    FILE *f;\n    int n = 0;\n\n    f = fopen(path, \"r\");")
                 .replace("    static double vals[4096];", "    static double vals[8192];  /* raised for 1-min data */")
                 .replace("    for (i = 0; i < n; i++) {", "    for (i = 0; i < n; ++i) {"))
    (src / "stations" / stations[5]).write_text("\n".join(str(round(rng.gauss(500, 100), 1))
                                                         for _ in range(40)) + "\n")
    cap("quilt-push-all", "quilt push -a", src, n_quilt_push, env=env, typed="QUILT_PATCHES=debian/patches quilt push -a")
    cap("quilt-series-v", "quilt series -v", src, n_quilt_series, env=env,
        typed="QUILT_PATCHES=debian/patches quilt series -v")
    cap("quilt-applied-unapplied", "quilt applied; echo ---; quilt unapplied; echo EXIT=$?", src, n_quilt_series,
        env=env, typed="export QUILT_PATCHES=debian/patches; quilt applied; echo ---; quilt unapplied; echo EXIT=$?")
    run("quilt pop -a", cwd=src, env=env)
    cap("quilt-push-verbose-tail", "quilt push -a -v 2>&1 | tail -n 80; echo EXIT=$?", src, n_quilt_push, env=env,
        typed="QUILT_PATCHES=debian/patches quilt push -a -v 2>&1 | tail -n 80; echo EXIT=$?")
    cap("dpkg-source-quilt-tail", "dpkg-buildpackage -us -uc -S 2>&1 | tail -n 60; echo EXIT=$?", src,
        n_dpkg_buildpackage, timeout=600)


STEPS = [build_step, good_step, quilt_step]
