"""Round 160, the build side: `kelpmon`, a small C tool that summarises kelp-bed survey readings, packaged for Debian
with faults put in: its test suite (cases from a seeded generator) catches a rounding bug under dh_auto_test, a .install
file names files never built, debian/control uses substitution variables nothing sets, the source tree carries an
unrepresentable binary change and upstream edits, an equivs control file has a bad field, and autopkgtest's tests fail
under the null runner. The extractors are this round's (NEEDLES.md, "Round 160"). Run through capture_wide160.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide160 import cap, exit_lines

DH_ERR = re.compile(r"^(dh_[\w-]+|dh|dpkg-[\w-]+|debian/rules): (error|fatal error)\b")
DH_WARN = re.compile(r"^(dh_[\w-]+|dh|dpkg-[\w-]+): warning: ")
TEST_FAIL = re.compile(r"^(FAIL|ERROR|XFAIL|not ok)\b[: ]|^# (TOTAL|PASS|FAIL|ERROR):|^make(\[\d+\])?: \*\*\* ")


def _warn_groups(lines: list[str]) -> list:
    pairs = []
    for ln in lines:
        m = DH_WARN.match(ln.strip())
        if m:
            pairs.append(((m.group(1), mask(ln.strip()[m.end():])), ln))
    return groups(pairs)


@kind("dh-rules", "build")
def n_dh_rules(lines):
    """Round 160: every error: line of dh's tools and dpkg's, the build's own failure lines (FAIL: test line and its first expected/got line, the # TOTAL/# FAIL summary, make *** lines), the last dh_ command echoed before the first error; warning: lines one {"any"} per (tool, shape); any EXIT= line."""
    out = []
    first_err = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if DH_ERR.match(s):
            out.append(ln)
            if first_err is None:
                first_err = i
        elif TEST_FAIL.search(s):
            out.append(ln)
            if s.startswith("FAIL"):
                for k in range(i + 1, min(len(lines), i + 4)):
                    if re.search(r"expected|got|assert", lines[k]):
                        out.append(lines[k])
                        break
    if first_err is not None:
        steps_ = [ln for ln in lines[:first_err] if re.match(r"^\s+(dh_[\w-]+|debian/rules \S+)(\s.*)?$", ln)]
        out += steps_[-1:]
    return out + _warn_groups(lines) + exit_lines(lines)


@kind("dh-install", "build")
def n_dh_install(lines):
    """Round 160: every dh_install `Cannot find (any matches for)` warning line, the `(tried in …)` line under the first, every dh_install error: line; other warning: lines one {"any"} per shape; any EXIT= line."""
    out, other = [], []
    tried = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if "Cannot find (any matches for)" in s:
            out.append(ln)
            if not tried and i + 1 < len(lines) and "tried in" in lines[i + 1]:
                out.append(lines[i + 1])
                tried = True
        elif re.match(r"^dh_install: error: ", s):
            out.append(ln)
        elif DH_WARN.match(s) and "tried in" not in s:
            other.append((mask(s), ln))
    return out + groups(other) + exit_lines(lines)


@kind("dpkg-gencontrol", "build")
def n_dpkg_gencontrol(lines):
    """Round 160: every error: line; warning: lines naming a field or substitution variable, one per distinct variable/field; other warnings one {"any"} per shape; with -O the Package, Version, Architecture, Depends and Installed-Size lines; any EXIT= line."""
    out, pairs = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^dpkg-gencontrol: error: ", s):
            out.append(ln)
        elif re.match(r"^dpkg-gencontrol: warning: ", s):
            m = re.search(r"\$\{[^}]+\}|field [\w-]+|[\w-]+ field", s)
            pairs.append((m.group(0) if m else mask(s), ln))
        elif re.match(r"^(Package|Version|Architecture|Depends|Installed-Size): ", ln):
            out.append(ln)
    return out + groups(pairs) + exit_lines(lines)


@kind("dpkg-source-build", "build")
def n_dpkg_source_build(lines):
    """Round 160: every error: line, every cannot represent / unwanted binary file line, the `local changes detected` line and up to 20 file lines under it; warning: lines one {"any"} per shape; the `building … using existing` / `building … in` info lines; any EXIT= line."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^dpkg-source: error: ", s) or re.search(r"cannot represent change to|unwanted binary file", s):
            out.append(ln)
        elif "local changes detected" in s:
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 21)):
                if lines[k].startswith(" "):
                    out.append(lines[k])
                else:
                    break
        elif re.match(r"^dpkg-source: warning: ", s):
            pairs.append((mask(s), ln))
        elif re.match(r"^dpkg-source: info: building \S+ (using existing|in) ", s):
            out.append(ln)
    return out + groups(pairs) + exit_lines(lines)


@kind("equivs-build", "build")
def n_equivs_build(lines):
    """Round 160: every error:/E: line, warning: lines one {"any"} per shape, the `dpkg-deb: building package` line, the `The package has been created.` line; any EXIT= line."""
    out, pairs = [], []
    for ln in lines:
        s = ln.strip()
        if (re.search(r"\berror\b:|^E: |^equivs-build: |^Error in the build process|^make(\[\d+\])?: \*\*\* ", s, re.I)
                and "warning" not in s):
            out.append(ln)
        elif re.search(r"\bwarning: |^W: ", s):
            pairs.append((mask(s), ln))
        elif re.match(r"^dpkg-deb: building package ", s) or "The package has been created" in s:
            out.append(ln)
    return out + groups(pairs) + exit_lines(lines)


@kind("autopkgtest", "test")
def n_autopkgtest(lines):
    """Round 160: every verdict line of the closing summary (name PASS/FAIL/SKIP …), the `test NAME: - - - results` line of each failing test, the first FAIL/assert line of a failing test's output, the blame: line, every bad stderr line; any EXIT= line."""
    out = []
    summ = next((i for i, ln in enumerate(lines) if re.search(r"@@@@@@@@@@@@+ summary", ln)), None)
    failing = set()
    if summ is not None:
        for ln in lines[summ + 1:]:
            m = re.match(r"^(\S+)\s+(PASS|FAIL|SKIP|FLAKY|XFAIL)\b", ln)
            if m:
                out.append(ln)
                if m.group(2) == "FAIL":
                    failing.add(m.group(1))
    for i, ln in enumerate(lines):
        m = re.search(r"\]: test (\S+):\s+- - - - - - - - - - results", ln)
        if m and m.group(1) in failing:
            out.append(ln)
        if re.search(r"^blame: |bad stderr|^autopkgtest \[[\d:]+\]: ERROR", ln):
            out.append(ln)
    # the first failure line of each failing test's output (between its `[-----` and `-----]` markers)
    starts = {m.group(1) for m in (re.search(r"\]: test (\S+): \[-----", ln) for ln in lines) if m}
    cut_off = [t for t in failing if t not in starts]  # a tail that lost the test's opening marker
    cur = cut_off[0] if len(cut_off) == 1 else None
    done = set()
    for ln in lines:
        m = re.search(r"\]: test (\S+): \[-----", ln)
        if m:
            cur = m.group(1)
            continue
        if re.search(r"\]: test \S+: -----\]", ln):
            cur = None
        if cur in failing and cur not in done and re.search(r"^(FAIL|not ok|AssertionError|assert)|error|Could not|cannot", ln.strip(), re.I):
            out.append(ln)
            done.add(cur)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the package

KELPMON_C = r'''#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* kelpmon: read one survey reading per line (canopy depth in metres, negative below datum) and print
   count, mean and range. */
static double round1(double x) {
    return (double)((long)(x * 10.0 + 0.5)) / 10.0;   /* BUG: wrong for negative values */
}

int main(int argc, char **argv) {
    char buf[256];
    double sum = 0, lo = 1e9, hi = -1e9;
    long n = 0;
    (void)argc; (void)argv;
    while (fgets(buf, sizeof buf, stdin)) {
        char *end;
        double v = strtod(buf, &end);
        if (end == buf) continue;
        sum += v; n++;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
    }
    if (n == 0) { fprintf(stderr, "kelpmon: no readings\n"); return 2; }
    printf("n=%ld mean=%.1f min=%.1f max=%.1f\n", n, round1(sum / n), lo, hi);
    return 0;
}
'''

MAKEFILE = """PREFIX ?= /usr/local
CFLAGS ?= -O2 -Wall
all: kelpmon kelpmon.1.gz

kelpmon: kelpmon.c
\t$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $<

kelpmon.1.gz: kelpmon.1
\tgzip -9n -c kelpmon.1 > $@

check: kelpmon
\tsh tests/run.sh

install: all
\tinstall -D -m 0755 kelpmon $(DESTDIR)$(PREFIX)/bin/kelpmon
\tinstall -D -m 0644 kelpmon.1.gz $(DESTDIR)$(PREFIX)/share/man/man1/kelpmon.1.gz
\tmkdir -p $(DESTDIR)$(PREFIX)/share/kelpmon/beds
\tcp beds/*.csv $(DESTDIR)$(PREFIX)/share/kelpmon/beds/

clean:
\trm -f kelpmon kelpmon.1.gz
"""

RUN_SH = r'''#!/bin/sh
# run every case under tests/cases: feed its readings to kelpmon, compare with the expected line
pass=0; fail=0; total=0
for c in tests/cases/*.in; do
    name=$(basename "$c" .in)
    total=$((total + 1))
    want=$(cat "tests/cases/$name.out")
    got=$(./kelpmon < "$c" 2>&1)
    if [ "$got" = "$want" ]; then
        echo "PASS: $name"; pass=$((pass + 1))
    else
        echo "FAIL: $name"
        echo "  expected: $want"
        echo "       got: $got"
        fail=$((fail + 1))
    fi
done
echo "============================================================================"
echo "# TOTAL: $total"
echo "# PASS:  $pass"
echo "# FAIL:  $fail"
echo "============================================================================"
[ "$fail" -eq 0 ]
'''

CONTROL = """Source: kelpmon
Section: science
Priority: optional
Maintainer: Reef Survey Team <survey@kelpmon.example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Homepage: https://kelpmon.example.org/
Rules-Requires-Root: no

Package: kelpmon
Architecture: any
Depends: ${{shlibs:Depends}}, ${{misc:Depends}}{extra_dep}
Description: summary statistics for kelp-bed survey readings
 kelpmon reads canopy depth readings and prints their count, mean
 and range.
{extra_pkg}"""

RULES = """#!/usr/bin/make -f
%:
\tdh $@

override_dh_auto_install:
\t$(MAKE) install DESTDIR=$(CURDIR)/debian/tmp PREFIX=/usr
"""

CHANGELOG = """kelpmon ({version}) unstable; urgency=medium

  * Initial release.

 -- Reef Survey Team <survey@kelpmon.example.org>  Mon, 30 Nov 2026 10:00:00 +0000
"""

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: kelpmon

Files: *
Copyright: 2026 Reef Survey Team
License: MIT
"""

BEDS = ["otter-point", "north-reef", "carmel-cove", "stillwater", "pescadero", "point-lobos", "soberanes", "monastery",
        "garrapata", "pfeiffer", "anacapa", "santa-cruz-is", "naples-reef", "mohawk", "arroyo-quemado"]


def _r1(x: float) -> str:
    import math
    return f"{math.floor(x * 10 + 0.5) / 10:.1f}"


def kelp_tree(parent: Path, version: str, seed: int, n_cases: int = 120, install: str | None = None,
              extra_dep: str = "", extra_pkg: str = "", native: bool = False) -> Path:
    """The upstream tree and its debian/ dir; the test cases' expected lines use correct rounding."""
    src = parent / f"kelpmon-{version.split('-')[0]}"
    rng = random.Random(seed)
    files = {"kelpmon.c": KELPMON_C, "Makefile": MAKEFILE, "tests/run.sh": RUN_SH,
             "kelpmon.1": ".TH KELPMON 1\n.SH NAME\nkelpmon \\- kelp-bed survey statistics\n"}
    for i in range(n_cases):
        bed = BEDS[i % len(BEDS)]
        below = rng.random() < 0.3  # a third of the beds lie below datum: the rounding bug shows there
        vals = [round(rng.uniform(-9.5, -0.5) if below else rng.uniform(0.2, 14.0), 2) for _ in range(rng.randint(4, 12))]
        mean = sum(vals) / len(vals)
        files[f"tests/cases/{i + 1:03d}-{bed}.in"] = "\n".join(str(v) for v in vals) + "\n"
        files[f"tests/cases/{i + 1:03d}-{bed}.out"] = (f"n={len(vals)} mean={_r1(mean)} min={min(vals):.1f} "
                                                        f"max={max(vals):.1f}\n")
    for b in BEDS:
        files[f"beds/{b}.csv"] = "date,depth_m,cover_pct\n" + "".join(
            f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},{rng.uniform(-8, 14):.2f},{rng.randint(0, 100)}\n"
            for _ in range(20))
    write_tree(src, files)
    if not native:
        run(f"tar -czf kelpmon_{version.split('-')[0]}.orig.tar.gz kelpmon-{version.split('-')[0]}", cwd=parent)
    write_tree(src / "debian", {
        "control": CONTROL.format(extra_dep=extra_dep, extra_pkg=extra_pkg),
        "rules": RULES,
        "changelog": CHANGELOG.format(version=version),
        "copyright": COPYRIGHT,
        "source/format": "3.0 (native)\n" if native else "3.0 (quilt)\n",
        "kelpmon.install": install if install is not None else "usr/bin\nusr/share/man\nusr/share/kelpmon\n",
    })
    run("chmod +x debian/rules tests/run.sh", cwd=src)
    return src


def dh_step(tmp: Path) -> None:
    d = tmp / "dh-test"
    d.mkdir(parents=True)
    src = kelp_tree(d, "0.4-1", 16001, n_cases=120)
    cap("dh-rules-binary-tail", "fakeroot debian/rules binary 2>&1 | tail -n 150; echo EXIT=$?", src,
        n_dh_rules, timeout=600, typed="fakeroot debian/rules binary 2>&1 | tail -n 150; echo EXIT=$?")
    run("debian/rules clean", cwd=src)
    d = tmp / "dh-test-big"
    d.mkdir(parents=True)
    src = kelp_tree(d, "0.4-1", 16002, n_cases=420)
    cap("dh-rules-build", "debian/rules build", src, n_dh_rules, timeout=600)
    cap("dh-rules-test-grep", "dh_auto_test 2>&1 | grep -E 'FAIL|error|Error'; echo EXIT=$?", src, n_dh_rules)
    # the .install file names a data dir and a completion script never built
    d = tmp / "dh-install"
    d.mkdir(parents=True)
    inst = ("usr/bin/kelpmon\nusr/bin/kelpmon-plot\nusr/share/man/man1/kelpmon.1.gz\nusr/share/man/man1/kelpmon-plot.1.gz\n"
            "usr/share/kelpmon/beds\nusr/share/kelpmon/tides/*.dat\nusr/share/bash-completion/completions/kelpmon\n"
            "etc/kelpmon/kelpmon.conf\nusr/lib/*/libkelp.so.*\nusr/share/doc/kelpmon/examples/*.csv\n")
    src = kelp_tree(d, "0.4-2", 16003, n_cases=40, install=inst)
    cap("dh-rules-nocheck-install", "DEB_BUILD_OPTIONS=nocheck fakeroot debian/rules binary; echo EXIT=$?", src,
        n_dh_rules, timeout=600)
    cap("dh-install-alone", "dh_install; echo EXIT=$?", src, n_dh_install)
    # a second binary package whose .install lists a whole tree of files not there
    (src / "debian" / "control").write_text(CONTROL.format(
        extra_dep="", extra_pkg="\nPackage: kelpmon-data\nArchitecture: all\nDepends: ${misc:Depends}\n"
                  "Description: survey data for kelpmon\n Bed tables.\n"))
    rng = random.Random(16004)
    (src / "debian" / "kelpmon-data.install").write_text("".join(
        f"usr/share/kelpmon/surveys/{rng.choice(BEDS)}-{2000 + rng.randint(0, 26)}-{k:03d}.csv\n" for k in range(90)))
    cap("dh-install-data-grep", "dh_install 2>&1 | grep -v 'tried in'; echo EXIT=$?", src, n_dh_install)
    cap("dh-install-verbose", "dh_install -v 2>&1", src, n_dh_install)
    run("debian/rules clean", cwd=src)
    cap("dh-rules-verbose-nocheck", "DH_VERBOSE=1 DEB_BUILD_OPTIONS=nocheck fakeroot debian/rules binary 2>&1; "
        "echo EXIT=$?", src, n_dh_rules, timeout=600)


def gencontrol_step(tmp: Path) -> None:
    d = tmp / "gencontrol"
    d.mkdir(parents=True)
    src = kelp_tree(d, "0.4-1", 16010, n_cases=10,
                    extra_dep=", ${kelp:Depends}, ${python3:Depends}, libkelp (>= ${binary:Version}), ${perl:Depends}",
                    extra_pkg="\nPackage: kelpmon-doc\nArchitecture: all\nDepends: ${misc:Depends}\nRecommends: "
                              "${doc:Recommends}\nBreaks: kelpmon (<< 0.3~\nDescription: kelpmon docs\n manual\n")
    run("DEB_BUILD_OPTIONS=nocheck fakeroot debian/rules binary", cwd=src, timeout=600)
    cap("dpkg-gencontrol-o", "dpkg-gencontrol -O -pkelpmon; echo EXIT=$?", src, n_dpkg_gencontrol)
    cap("dpkg-gencontrol-doc", "dpkg-gencontrol -O -pkelpmon-doc 2>&1; echo EXIT=$?", src, n_dpkg_gencontrol)
    cap("dpkg-gencontrol-nopkg", "dpkg-gencontrol -pkelpmon-utils -Pdebian/kelpmon-utils; echo EXIT=$?", src,
        n_dpkg_gencontrol)
    # a changelog with a malformed trailer line and a version that does not parse
    (src / "debian" / "changelog").write_text(
        "kelpmon (0.4-1~bpo12+1:x) bookworm-backports; urgency=hot\n\n  * Backport.\n\n -- Reef Survey Team "
        "<survey@kelpmon.example.org> 30 Nov 2026\n\n" + CHANGELOG.format(version="0.4-1"))
    cap("dpkg-gencontrol-changelog", "dpkg-gencontrol -O -pkelpmon 2>&1 | head -n 40; echo EXIT=$?", src,
        n_dpkg_gencontrol)


def source_step(tmp: Path) -> None:
    d = tmp / "source"
    d.mkdir(parents=True)
    src = kelp_tree(d, "0.4-1", 16020, n_cases=80)
    # upstream files edited in place after the orig tarball was made, and binary files added and changed
    rng = random.Random(16021)
    cases = sorted((src / "tests" / "cases").glob("*.out"))
    for p in rng.sample(cases, 26):
        p.write_text(p.read_text().replace("n=", "count="))
    (src / "kelpmon.c").write_text(KELPMON_C.replace("(long)(x * 10.0 + 0.5)", "floor(x * 10.0 + 0.5)"))
    (src / "beds" / "otter-point.png").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (src / "tests" / "fixtures.sqlite").write_bytes(b"SQLite format 3\x00" + bytes(rng.randrange(256) for _ in range(4000)))
    cap("dpkg-source-build-changes", "dpkg-source -b kelpmon-0.4; echo EXIT=$?", d, n_dpkg_source_build)
    run("rm -f kelpmon-0.4/beds/otter-point.png kelpmon-0.4/tests/fixtures.sqlite", cwd=d)
    cap("dpkg-source-build-local", "dpkg-source -b kelpmon-0.4 2>&1; echo EXIT=$?", d, n_dpkg_source_build)
    cap("dpkg-source-commit-tail", "EDITOR=true dpkg-source --commit kelpmon-0.4 fix-rounding < /dev/null 2>&1 "
        "| tail -n 60; echo EXIT=$?", d, n_dpkg_source_build, timeout=120)
    cap("dpkg-source-build-after", "dpkg-source -b kelpmon-0.4; echo EXIT=$?", d, n_dpkg_source_build)


EQUIVS_BAD = """Section: misc
Priority: optional
Standards-Version: 4.6.2

Package: reef-survey-workstation
Version: 1:2026.11~rc1
Maintainer: Reef Survey Team <survey@kelpmon.example.org>
Depends: kelpmon (>= 0.4), python3-numpy, gnuplot-nox | gnuplot, gdal-bin (>= 3.6, netcdf-bin
Recommends: qgis
Architecture: amd64
Files: reef.conf /etc/reef/
 survey-sync /usr/bin/
Description: metapackage for reef survey workstations
 Pulls in the survey tools.
"""

EQUIVS_GOOD = """Section: misc
Priority: optional
Standards-Version: 4.6.2

Package: reef-survey-base
Version: 1.0
Maintainer: Reef Survey Team <survey@kelpmon.example.org>
Depends: {deps}
Architecture: all
Copyright: copyright.txt
Changelog: changelog.txt
Extra-Files: README.reef
Description: base metapackage for reef survey hosts
 Pulls in the command-line survey tools.
"""


def equivs_step(tmp: Path) -> None:
    d = tmp / "equivs"
    d.mkdir(parents=True)
    (d / "bad.ctl").write_text(EQUIVS_BAD)
    (d / "reef.conf").write_text("units = metres\n")
    (d / "survey-sync").write_text("#!/bin/sh\nrsync -a /srv/reef/ survey:/srv/reef/\n")
    cap("equivs-build-bad", "equivs-build bad.ctl; echo EXIT=$?", d, n_equivs_build, timeout=300)
    deps = ", ".join(["coreutils", "gawk", "python3", "gnuplot-nox | gnuplot", "sqlite3", "jq", "curl", "rsync",
                      "gdal-bin", "netcdf-bin", "cdo", "nco"])
    (d / "good.ctl").write_text(EQUIVS_GOOD.format(deps=deps))
    (d / "copyright.txt").write_text("Copyright 2026 Reef Survey Team\n")
    (d / "changelog.txt").write_text("reef-survey-base (1.0) unstable; urgency=low\n\n  * First.\n\n -- Reef Survey "
                                     "Team <survey@kelpmon.example.org>  Mon, 30 Nov 2026 10:00:00 +0000\n")
    (d / "README.reef").write_text("Reef survey hosts.\n")
    cap("equivs-build-good", "equivs-build good.ctl 2>&1; echo EXIT=$?", d, n_equivs_build, timeout=300)


TESTS_CONTROL = """Tests: smoke
Depends:
Restrictions: superficial

Tests: cases
Depends:

Tests: rounding
Depends:

Tests: stderr-noise
Depends:

Tests: needs-net
Depends:
Restrictions: needs-internet, isolation-machine
"""


def autopkgtest_step(tmp: Path) -> None:
    d = tmp / "apt-test"
    d.mkdir(parents=True)
    src = kelp_tree(d, "0.4-1", 16030, n_cases=160)
    run("make kelpmon", cwd=src)
    write_tree(src / "debian" / "tests", {
        "control": TESTS_CONTROL,
        "smoke": "#!/bin/sh\nset -e\necho 1.5 | \"$PWD\"/kelpmon\n",
        "cases": "#!/bin/sh\nexec sh tests/run.sh\n",
        "rounding": "#!/bin/sh\nset -e\nfor v in -0.25 -1.25 -2.35 -7.45; do\n  got=$(echo $v | ./kelpmon)\n"
                    "  case \"$got\" in *mean=${v%?}*) echo \"ok $v\";; *) echo \"FAIL: rounding of $v: got $got\"; "
                    "exit 1;; esac\ndone\n",
        "stderr-noise": "#!/bin/sh\n./kelpmon < /dev/null\necho 'warning: no readings is not an error' >&2\nexit 0\n",
        "needs-net": "#!/bin/sh\ncurl -fsS https://kelpmon.example.org/ping\n",
    })
    run("chmod +x debian/tests/*", cwd=src)
    cap("autopkgtest-null", "autopkgtest --no-built-binaries kelpmon-0.4/ -- null 2>&1; echo EXIT=$?", d,
        n_autopkgtest, timeout=600)
    cap("autopkgtest-null-tail", "autopkgtest --no-built-binaries --test-name=cases kelpmon-0.4/ -- null 2>&1 "
        "| tail -n 150; echo EXIT=$?", d, n_autopkgtest, timeout=600)


STEPS = [dh_step, gencontrol_step, source_step, equivs_step, autopkgtest_step]
