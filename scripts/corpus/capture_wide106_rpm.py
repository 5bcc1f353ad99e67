"""Round 106, RPM and review tools: the tide-table tool `tidewatch` (C, written here with a truncating mean put in,
widened by 300 seeded station tables) packed into tarballs and built by rpmbuild from specs with mistakes (unpackaged
data, a missing file, a failing %check, a compile error) and one that builds, whose RPMs rpm -qlp, rpm -qip and
rpmlint read; diffoscope of two builds of the source tarball; licensecheck over a tree of 520 files with mixed and
missing headers; checkbashisms over scripts with bashisms; desktop-file-validate, appstreamcli validate and
appstream-util validate over metadata with mistakes. The extractors are this round's (NEEDLES.md, "Round 106"). Run
through capture_wide106.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, next_match, run, write_tree
from capture_wide106 import cap, exit_lines

COMPILER_RE = re.compile(r"^\S+\.(c|h):\d+:\d+: (fatal )?error: ")
MAKE_RE = re.compile(r"^make(\[\d+\])?: \*\*\* ")


def _failures(lines: list[str]) -> list:
    """Rules 1-2 on a build's own output: compiler errors, make's stop lines, the test script's FAIL lines and its
    summary."""
    out = []
    for ln in lines:
        s = ln.strip()
        if COMPILER_RE.match(s) or MAKE_RE.match(s) or re.match(r"^FAIL: ", s) or \
                re.match(r"^\d+ tests?, \d+ failed", s) or re.search(r"\bundefined reference to\b", s):
            out.append(ln)
    return out


def _warn_groups(lines: list[str], pat: str) -> list:
    return groups((mask(re.sub(r"^.*?" + pat, "", ln)), ln) for ln in lines if re.search(pat, ln))


@kind("rpmbuild", "build")
def n_rpmbuild(lines):
    """Round 106: every error: line, every file line under `Installed (but unpackaged) file(s) found:` and `RPM build errors:`, that header, the failing step's own failure lines (compiler error, make *** line, FAIL: test line and summary), every Wrote: line; warning: lines one {"any"} per shape; any EXIT= line."""
    out = []
    under = False
    for ln in lines:
        s = ln.strip()
        if re.match(r"^error: ", s) or s == "RPM build errors:":
            out.append(ln)
            under = s.endswith("found:") or s == "RPM build errors:"
            continue
        if under and ln.startswith((" ", "\t")) and s:
            out.append(ln)
            continue
        under = False
        if s.startswith("Wrote: "):
            out.append(ln)
    out += _failures(lines)
    out += _warn_groups([ln for ln in lines if re.match(r"^\s*warning: ", ln)], r"warning: ")
    return out + exit_lines(lines)


@kind("rpm-qlp", "listing")
def n_rpm_qlp(lines):
    """Round 106: the first and last path, every path under bin/ or sbin/, under /etc/, every .so library and systemd unit path, every LICENSE/COPYING path; error: / not installed lines; any EXIT= line."""
    paths = [ln for ln in lines if ln.startswith("/")]
    out = paths[:1] + paths[-1:]
    for ln in paths:
        if re.search(r"/s?bin/[^/]+$", ln) or ln.startswith("/etc/") or re.search(r"\.so(\.\d+)*$", ln) or \
                re.search(r"/systemd/.*\.(service|timer|socket)$", ln) or re.search(r"/(LICENSE|COPYING)[^/]*$", ln):
            out.append(ln)
    out += [ln for ln in lines if re.match(r"^error: ", ln) or "is not installed" in ln]
    return out + exit_lines(lines)


QIP_FIELDS = ("Name", "Version", "Release", "Architecture", "Size", "License", "Source RPM", "URL", "Summary")


@kind("rpm-qip", "doc")
def n_rpm_qip(lines):
    """Round 106: for every package its Name, Version, Release, Architecture, Size, License, Source RPM, URL and Summary lines and the first line under `Description :`; error: lines; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        m = re.match(r"^([A-Z][A-Za-z ]+?)\s*: ", ln)
        if m and m.group(1) in QIP_FIELDS:
            out.append(ln)
        elif ln.startswith("Description"):
            out.append(next_match(lines, i, r"\S", 1))
        elif ln.startswith("error: "):
            out.append(ln)
    return out + exit_lines(lines)


@kind("rpmlint", "lint")
def n_rpmlint(lines):
    """Round 106: every E: line; W: lines one {"any"} per (check name, package); the `N packages and N specfiles checked` line; any EXIT= line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):(?:\d+:)? ([EW]): (\S+)", ln)
        if m and m.group(2) == "E":
            out.append(ln)
        elif m:
            pairs.append(((m.group(1), m.group(3)), ln))
        elif re.search(r"packages? and \d+ specfiles? checked", ln):
            out.append(ln)
    return out + groups(pairs) + exit_lines(lines)


HEAD_RE = re.compile(r"^[│ ]*├── ")


@kind("diffoscope", "git")
def n_diffoscope(lines):
    """Round 106: the top --- and +++ lines, every ├── member heading at any depth with the --- / +++ lines under it, every │┄ comment line, the first @@ hunk header under each heading; any EXIT= line."""
    out = [ln for ln in lines[:3] if ln.startswith(("--- ", "+++ "))]
    want_hunk = False
    for i, ln in enumerate(lines):
        if HEAD_RE.match(ln):
            out.append(ln)
            if re.match(r"^[│ ]*├── \+\+\+ ", ln) and i and re.match(r"^[│ ]*--- ", lines[i - 1]):
                out.append(lines[i - 1])  # members whose names differ: the heading is the +++ line under its ---
            want_hunk = True
            for k in range(i + 1, min(len(lines), i + 3)):
                if re.match(r"^[│ ]*(--- |\+\+\+ )", lines[k]):
                    out.append(lines[k])
        elif "│┄" in ln or ln.startswith("┄"):
            out.append(ln)
        elif want_hunk and re.match(r"^[│ ]*@@ ", ln):
            out.append(ln)
            want_hunk = False
    return out + exit_lines(lines)


@kind("licensecheck", "listing")
def n_licensecheck(lines):
    """Round 106: every file whose licence is UNKNOWN (or no copyright), every line whose licence occurs in at most 2 files, one {"any"} per other licence; any EXIT= line."""
    rows = []
    for ln in lines:
        m = re.match(r"^(.+?): (.+)$", ln)
        if m and "/" in m.group(1):
            rows.append((m.group(2).strip(), ln))
    counts: dict = {}
    for lic, _ in rows:
        counts[lic] = counts.get(lic, 0) + 1
    out, pairs = [], []
    for lic, ln in rows:
        if "UNKNOWN" in lic or "No copyright" in lic or counts[lic] <= 2:
            out.append(ln)
        else:
            pairs.append((lic, ln))
    return out + groups(pairs) + exit_lines(lines)


@kind("checkbashisms", "lint")
def n_checkbashisms(lines):
    """Round 106: one {"any"} per (bashism name, script) of its `possible bashism in` lines; every error: line and every `does not appear to have a #! interpreter line` line; any EXIT= line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^possible bashism in (\S+) line \d+ \((.+?)\):", ln)
        if m:
            pairs.append(((m.group(2), m.group(1)), ln))
        elif re.search(r"\berror:|does not appear to have a #! interpreter line", ln):
            out.append(ln)
    return out + groups(pairs) + exit_lines(lines)


@kind("desktop-file-validate", "lint")
def n_desktop_validate(lines):
    """Round 106: every error: line; warning: lines one {"any"} per (message shape, file); hint: lines one {"any"} per file; any EXIT= line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+): (error|warning|hint): (.*)$", ln)
        if not m:
            continue
        if m.group(2) == "error":
            out.append(ln)
        elif m.group(2) == "warning":
            pairs.append((("w", mask(m.group(3)), m.group(1)), ln))
        else:
            pairs.append((("h", m.group(1)), ln))
    return out + groups(pairs) + exit_lines(lines)


@kind("appstreamcli-validate", "lint")
def n_appstreamcli(lines):
    """Round 106: every E: line, W: lines one {"any"} per (tag, file), I: / P: lines one {"any"} per file, the verdict line; any EXIT= line."""
    out, pairs = [], []
    current = ""
    for ln in lines:
        s = ln.strip()
        m = re.match(r"^([EWIP]): (\S+?):([\w-]+)", s)
        if re.match(r"^[^\s:]+\.(xml|metainfo\.xml|appdata\.xml)(\.in)?:?$", s):
            current = s
        if m and m.group(1) == "E":
            out.append(ln)
        elif m and m.group(1) == "W":
            pairs.append((("W", m.group(3), current or m.group(2)), ln))
        elif m:
            pairs.append((("IP", current or m.group(2)), ln))
        elif re.search(r"Validation (failed|was successful)", s):
            out.append(ln)
    return out + groups(pairs) + exit_lines(lines)


@kind("appstream-util-validate", "lint")
def n_appstream_util(lines):
    """Round 106: every file's verdict line (FAILED: / OK), every • problem line, the closing `Validation of files failed` line; any EXIT= line."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.search(r": (FAILED:|OK)$", s) or s.startswith("•") or "Validation of files failed" in s or \
                re.match(r"^(Failed|Error)", s) or s == "FAILED:" or re.search(r"\.xml:$", s):  # a verdict split by
            # a GLib warning printed between the file name and its FAILED:
            out.append(ln)
    warns = [(mask(re.sub(r"^.*?WARNING \*\*: [\d:.]+: ", "", ln)), ln) for ln in lines if "-WARNING **" in ln]
    return out + groups(warns) + exit_lines(lines)


# ------------------------------------------------------------------ the tidewatch sources

TIDEWATCH_C = r'''#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

static int load(const char *path, double *vals, int cap)
{
    FILE *f = fopen(path, "r");
    int n = 0;
    if (!f) {
        perror(path);
        return -1;
    }
    while (n < cap && fscanf(f, "%lf", &vals[n]) == 1)
        n++;
    fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    static double vals[4096];
    double sum = 0, mx = -1e9;
    int n, i;
    if (argc < 3) {
        fprintf(stderr, "usage: tidewatch mean|max|range FILE\n");
        return 2;
    }
    n = load(argv[2], vals, 4096);
    if (n <= 0)
        return 1;
    for (i = 0; i < n; i++) {
        sum += vals[i];
        if (vals[i] > mx)
            mx = vals[i];
    }
    if (!strcmp(argv[1], "mean"))
        printf("%.2f\n", (double)((int)sum / n));   /* BUG: integer division truncates the mean */
    else if (!strcmp(argv[1], "max"))
        printf("%.2f\n", mx)BROKEN
    else if (!strcmp(argv[1], "range"))
        printf("%d\n", n);
    else {
        fprintf(stderr, "tidewatch: unknown command %s\n", argv[1]);
        return 2;
    }
    return 0;
}
'''

MAKEFILE = """PREFIX ?= /usr/local
CFLAGS ?= -O2 -g
all: tidewatch
tidewatch: tidewatch.c
\t$(CC) $(CFLAGS) -Wall -o $@ tidewatch.c -lm
check: tidewatch
\tsh tests/run.sh
install: tidewatch
\tinstall -D -m 0755 tidewatch $(DESTDIR)$(PREFIX)/bin/tidewatch
\tinstall -D -m 0755 tw-report.sh $(DESTDIR)$(PREFIX)/bin/tw-report
\tinstall -D -m 0644 tidewatch.1 $(DESTDIR)$(PREFIX)/share/man/man1/tidewatch.1
\tinstall -D -m 0644 tidewatch.conf $(DESTDIR)/etc/tidewatch.conf
\tinstall -D -m 0644 tidewatch.desktop $(DESTDIR)$(PREFIX)/share/applications/tidewatch.desktop
\tmkdir -p $(DESTDIR)$(PREFIX)/share/tidewatch/stations
\tcp stations/*.dat $(DESTDIR)$(PREFIX)/share/tidewatch/stations/
\tinstall -D -m 0644 README $(DESTDIR)$(PREFIX)/share/doc/tidewatch/README
clean:
\trm -f tidewatch
"""

RUN_SH = """#!/bin/sh
# runs every case in tests/cases: <name>.cmd holds the command, <name>.out the expected output
total=0; failed=0
for c in tests/cases/*.cmd; do
    name=$(basename "$c" .cmd)
    total=$((total + 1))
    got=$(./tidewatch $(cat "$c") 2>&1)
    want=$(cat "tests/cases/$name.out")
    if [ "$got" = "$want" ]; then
        echo "PASS: $name"
    else
        echo "FAIL: $name: expected '$want', got '$got'"
        failed=$((failed + 1))
    fi
done
echo "$total tests, $failed failed"
[ "$failed" -eq 0 ]
"""

PORTS = ["Kiel", "Wismar", "Rostock", "Sassnitz", "Stralsund", "Greifswald", "Husum", "Buesum", "Cuxhaven", "Emden",
         "Norddeich", "Borkum", "Helgoland", "List", "Dagebuell", "Wyk", "Toenning", "Brunsbuettel", "Flensburg",
         "Eckernfoerde", "Travemuende", "Warnemuende", "Barhoeft", "Koserow", "Ueckermuende"]


def tidewatch_tree(root: Path, version: str, seed: int, n_stations: int = 300, broken: bool = False,
                   n_cases: int = 70) -> None:
    """The tidewatch sources at `version`: the C tool, a report script, a man page, the station tables and the test
    cases (the mean cases whose truncated value differs fail)."""
    rng = random.Random(seed)
    files = {
        "tidewatch.c": TIDEWATCH_C.replace("BROKEN", "" if broken else ";"),
        "Makefile": MAKEFILE,
        "tests/run.sh": RUN_SH,
        "tw-report.sh": "#!/bin/sh\nfor f in /usr/share/tidewatch/stations/*.dat; do\n"
                        "  echo \"$(basename $f .dat) $(tidewatch max $f)\"\ndone\n",
        "tidewatch.1": f'.TH TIDEWATCH 1 "2026" "tidewatch {version}"\n.SH NAME\ntidewatch \\- tide table statistics\n'
                       ".SH SYNOPSIS\n.B tidewatch\nmean|max|range FILE\n",
        "tidewatch.conf": "# tidewatch defaults\nunits = cm\ndatum = NHN\n",
        "tidewatch.desktop": "[Desktop Entry]\nType=Application\nName=Tidewatch\nExec=tidewatch\nTerminal=true\n"
                             "Categories=Science;\n",
        "README": f"tidewatch {version}\n\nReads tide gauge tables and prints statistics.\n",
        "NEWS.old": "nothing\n",
    }
    for i in range(n_stations):
        port = PORTS[i % len(PORTS)]
        vals = [round(rng.gauss(500, 120 + 10 * (i % 7)), 1) for _ in range(rng.randint(24, 96))]
        files[f"stations/{port.lower()}-{i:03d}.dat"] = "\n".join(str(v) for v in vals) + "\n"
    for i in range(n_cases):
        vals = [round(rng.uniform(100, 900), 1) for _ in range(rng.randint(3, 12))]
        op = ["mean", "max", "range"][i % 3]
        name = f"{op}_{i:02d}"
        files[f"tests/cases/{name}.dat"] = "\n".join(str(v) for v in vals) + "\n"
        files[f"tests/cases/{name}.cmd"] = f"{op} tests/cases/{name}.dat\n"
        want = {"mean": f"{sum(vals) / len(vals):.2f}", "max": f"{max(vals):.2f}", "range": str(len(vals))}[op]
        files[f"tests/cases/{name}.out"] = want + "\n"
    write_tree(root, files)


SPEC_HEAD = """Name:           tidewatch
Version:        {version}
Release:        {release}%{{?dist}}
Summary:        Tide table statistics for gauge data
License:        MIT
URL:            https://tidewatch.example.org/
Source0:        tidewatch-%{{version}}.tar.gz
BuildRequires:  gcc, make
%global debug_package %{{nil}}

%description
tidewatch reads tide gauge tables and prints their mean, maximum and
number of readings.
{sub}
%prep
%setup -q

%build
make %{{?_smp_mflags}} CFLAGS="%{{optflags}}"

%install
make install DESTDIR=%{{buildroot}} PREFIX=%{{_prefix}}
{check}
%files
{files}

%changelog
* Mon Nov 30 2026 Harbour Office <ops@tidewatch.example.org> - {version}-{release}
- Rebuilt with the {version} station tables
"""

SUB_DATA = """
%package data
Summary:        Station tables for tidewatch
BuildArch:      noarch

%description data
Tide gauge station tables read by tidewatch.
"""

FILES_OK = """%license README
%{_bindir}/tidewatch
%{_bindir}/tw-report
%{_mandir}/man1/tidewatch.1*
%config(noreplace) %{_sysconfdir}/tidewatch.conf
%{_datadir}/applications/tidewatch.desktop
%{_docdir}/tidewatch/README

%files data
%{_datadir}/tidewatch/"""


def rpm_step(tmp: Path) -> None:
    top = tmp / "rpmbuild"
    for d in ("SOURCES", "SPECS", "BUILD", "RPMS", "SRPMS"):
        (top / d).mkdir(parents=True, exist_ok=True)
    for version, broken, seed in (("1.2", False, 106), ("1.3", True, 107)):
        src = tmp / "src" / f"tidewatch-{version}"
        tidewatch_tree(src, version, seed, broken=broken)
        run(f"tar -czf {top}/SOURCES/tidewatch-{version}.tar.gz tidewatch-{version}", cwd=tmp / "src")
    specs = {
        "tidewatch-unpackaged.spec": SPEC_HEAD.format(version="1.2", release="1", sub="", check="",
                                                      files="%{_bindir}/tidewatch\n%{_mandir}/man1/tidewatch.1*"),
        "tidewatch-missing.spec": SPEC_HEAD.format(
            version="1.2", release="2", sub=SUB_DATA, check="",
            files=FILES_OK.replace("%license README", "%license LICENSE\n%doc NEWS")
            .replace("%{_bindir}/tw-report", "%{_bindir}/tw-report\n%{_bindir}/tidewatch-plot\n"
                     "%{_unitdir}/tidewatch-sync.timer")),
        "tidewatch-check.spec": SPEC_HEAD.format(version="1.2", release="3", sub=SUB_DATA,
                                                 check="\n%check\nmake check\n", files=FILES_OK),
        "tidewatch-broken.spec": SPEC_HEAD.format(version="1.3", release="1", sub=SUB_DATA, check="", files=FILES_OK),
        "tidewatch.spec": SPEC_HEAD.format(version="1.2", release="4", sub=SUB_DATA,
                                           check="\n%check\nmake check || :\n", files=FILES_OK),
    }
    write_tree(top / "SPECS", specs)
    d = top / "SPECS"
    rb = f'rpmbuild --define "_topdir {top}" --nodeps'
    cap("rpmbuild-unpackaged", f"{rb} -bb tidewatch-unpackaged.spec", d, n_rpmbuild, timeout=600)
    cap("rpmbuild-missing-tail", f"{rb} -bb tidewatch-missing.spec 2>&1 | tail -n 60; echo EXIT=$?", d, n_rpmbuild,
        timeout=600)
    cap("rpmbuild-check-tail", f"{rb} -bb tidewatch-check.spec 2>&1 | tail -n 150; echo EXIT=$?", d, n_rpmbuild,
        timeout=600)
    cap("rpmbuild-compile-error", f"{rb} -bb tidewatch-broken.spec; echo EXIT=$?", d, n_rpmbuild, timeout=600)
    cap("rpmbuild-ok", f"{rb} -bb tidewatch.spec", d, n_rpmbuild, timeout=600)
    rpms = top / "RPMS"
    cap("rpm-qlp-data", "rpm -qlp noarch/tidewatch-data-1.2-4.noarch.rpm", rpms, n_rpm_qlp)
    cap("rpm-qlp-all", "for p in x86_64/*.rpm noarch/*.rpm; do echo \"== $p\"; rpm -qlp \"$p\"; done | head -n 120", rpms, n_rpm_qlp)
    cap("rpm-qip-all", "rpm -qip */*.rpm", rpms, n_rpm_qip)
    cap("rpm-qip-missing", "rpm -qip */tidewatch-1.2-4*.rpm */tidewatch-1.2-9*.rpm 2>&1; echo EXIT=$?", rpms,
        n_rpm_qip)
    cap("rpmlint-rpms", "rpmlint */*.rpm ../SPECS/tidewatch.spec", rpms, n_rpmlint, timeout=300)
    cap("rpmlint-specs-grep", "rpmlint ../SPECS/*.spec */*.rpm 2>&1 | grep -E 'E:|W:|checked'", rpms, n_rpmlint,
        timeout=300)


def diffoscope_step(tmp: Path) -> None:
    src = tmp / "dsrc"
    tidewatch_tree(src / "a" / "tidewatch-1.2", "1.2", 106, n_stations=150)
    tidewatch_tree(src / "b" / "tidewatch-1.2", "1.2", 106, n_stations=150)
    rng = random.Random(1061)
    b = src / "b" / "tidewatch-1.2"
    stations = sorted((b / "stations").glob("*.dat"))
    for p in rng.sample(stations, 10):  # re-surveyed tables: a few readings changed
        vals = p.read_text().splitlines()
        for k in rng.sample(range(len(vals)), 3):
            vals[k] = str(round(float(vals[k]) + rng.choice([-12.5, 8.0, 30.1]), 1))
        p.write_text("\n".join(vals) + "\n")
    for p in rng.sample(stations, 3):
        p.unlink()
    (b / "stations" / "dornbusch-300.dat").write_text("512.0\n498.5\n530.2\n")
    (b / "tidewatch.c").write_text((b / "tidewatch.c").read_text().replace("(double)((int)sum / n)", "sum / n"))
    (b / "README").write_text("tidewatch 1.2\n\nReads tide gauge tables and prints statistics.\nFixed the mean.\n")
    run("chmod 0755 tests/run.sh", cwd=b)
    run("tar --mtime=2026-11-01 -cf - tidewatch-1.2 | gzip -n > ../a.tar.gz", cwd=src / "a")
    run("tar --mtime=2026-11-20 -cf - tidewatch-1.2 | gzip -n > ../b.tar.gz", cwd=src / "b")
    cap("diffoscope-tarballs", "diffoscope a.tar.gz b.tar.gz", src, n_diffoscope, timeout=600)
    cap("diffoscope-dirs-tail", "diffoscope --exclude-directory-metadata=yes a/tidewatch-1.2 b/tidewatch-1.2 "
        "2>&1 | tail -n 200; echo EXIT=$?", src, n_diffoscope, timeout=600)


LICENSES = {
    "mit": "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
           "associated documentation files (the \"Software\"), to deal in the Software without restriction",
    "gpl2": "This program is free software; you can redistribute it and/or modify it under the terms of the GNU "
            "General Public License as published by the Free Software Foundation; either version 2 of the License, "
            "or (at your option) any later version.",
    "apache": "Licensed under the Apache License, Version 2.0 (the \"License\"); you may not use this file except in "
              "compliance with the License.",
    "bsd3": "Redistribution and use in source and binary forms, with or without modification, are permitted provided "
            "that the following conditions are met: 1. Redistributions of source code must retain the above copyright "
            "notice, this list of conditions and the following disclaimer. 2. Redistributions in binary form must "
            "reproduce the above copyright notice. 3. Neither the name of the copyright holder nor the names of its "
            "contributors may be used to endorse or promote products derived from this software without specific "
            "prior written permission.",
    "lgpl": "This library is free software; you can redistribute it and/or modify it under the terms of the GNU "
            "Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the "
            "License, or (at your option) any later version.",
    "spdx-isc": "SPDX-License-Identifier: ISC",
    "spdx-mpl": "SPDX-License-Identifier: MPL-2.0",
}


def licensecheck_step(tmp: Path) -> None:
    rng = random.Random(10606)
    root = tmp / "harbourkit"
    files = {}
    dirs = ["src/core", "src/io", "src/net", "src/ui", "lib/compat", "tools", "tests", "contrib/plot", "vendor/minijson"]
    weights = [("mit", 50), ("gpl2", 18), ("apache", 12), ("bsd3", 6), ("lgpl", 4), ("none", 10)]
    for i in range(520):
        d = rng.choice(dirs)
        ext = rng.choice([".c", ".h", ".py", ".sh"])
        lic = rng.choices([w[0] for w in weights], [w[1] for w in weights])[0]
        if d.startswith("vendor"):
            lic = "bsd3"
        if i in (77, 301):
            lic = "spdx-isc"
        if i == 415:
            lic = "spdx-mpl"
        c = "#" if ext in (".py", ".sh") else " *"
        head = "" if lic == "none" else (
            (f"{c} Copyright (C) {rng.randint(2009, 2026)} {rng.choice(['Harbour Office', 'K. Jansen', 'M. Lund'])}\n"
             if rng.random() > 0.05 else "") + "".join(f"{c} {part.strip()}\n" for part in
                                                     re.findall(r".{1,70}(?:\s|$)", LICENSES[lic])))
        if ext in (".c", ".h") and head:
            head = "/*\n" + head + " */\n"
        body = "int f%d(void) { return %d; }\n" % (i, i) if ext in (".c", ".h") else f"x{i} = {i}\n"
        files[f"{d}/mod{i:03d}{ext}"] = head + body
    write_tree(root, files)
    cap("licensecheck-tree", "licensecheck -r .", root, n_licensecheck, timeout=600)
    cap("licensecheck-src-grep", "licensecheck -r --shortname-scheme=debian,spdx src lib | grep -v ': MIT$'; "
        "echo EXIT=$?", root, n_licensecheck, timeout=600)


BASHISMS = [
    'if [[ -f "$cfg" ]]; then echo found; fi\n',
    'function cleanup() {\n  rm -f "$tmpf"\n}\n',
    'echo -e "line\\tone"\n',
    'source ./common.sh\n',
    'if [ "$mode" == "fast" ]; then echo fast; fi\n',
    'n=$RANDOM\n',
    'read -r line <<< "$input"\n',
    'prefix=${name:0:3}\n',
    'make all &> build.log\n',
    'arr=(one two three)\n',
    'let count=count+1\n',
    'cp file.{txt,bak}\n',
    'echo $((x ** 2))\n',
    'trap cleanup ERR\n',
    'printf -v out "%s" "$x"\n',
]


def checkbashisms_step(tmp: Path) -> None:
    rng = random.Random(1066)
    root = tmp / "scripts"
    files = {}
    for i in range(28):
        lines = ["#!/bin/sh\n", "set -e\n"]
        for _ in range(rng.randint(6, 20)):
            lines.append(rng.choice(["echo \"step $i\"\n".replace("$i", str(i)), "cd \"$(dirname \"$0\")\"\n",
                                     "test -d /srv/tide || mkdir -p /srv/tide\n"]))
            if rng.random() < 0.45:
                lines.append(rng.choice(BASHISMS))
        files[f"bin/tw-{['sync', 'fetch', 'rotate', 'plot', 'export', 'check', 'clean'][i % 7]}-{i:02d}.sh"] = \
            "".join(lines)
    files["bin/tw-legacy.sh"] = "echo no interpreter line\nfunction x() { :; }\n"
    write_tree(root, files)
    cap("checkbashisms-bin", "checkbashisms bin/*.sh", root, n_checkbashisms)
    cap("checkbashisms-extra", "checkbashisms -x -p bin/*.sh 2>&1 | head -n 100; echo EXIT=$?", root, n_checkbashisms)


DESKTOPS = {
    "tidewatch.desktop": "[Desktop Entry]\nType=Application\nName=Tidewatch\nExec=tidewatch %f\nIcon=tidewatch\n"
                         "Categories=Science;Geoscience\nMimeType=text/x-tide\n",
    "tw-report.desktop": "[Desktop Entry]\nType=Program\nName=Tide report\nExec=tw-report\nTerminal=yes\n"
                         "Categories=Utility;Foo;\nEncoding=UTF-8\n",
    "tw-plot.desktop": "[Desktop Entry]\nName=Tide plot\nComment=Plots tide tables.\nExec=tw-plot\n"
                       "Categories=Education;Science;Physics;\nOnlyShowIn=GNOME;\nNotShowIn=KDE;\n",
    "tw-sync.desktop": "[Desktop Entry]\nType=Application\nName=Tide sync\nName[de]=Gezeiten-Abgleich\nExec=tw-sync\n"
                       "X-Tide-Server = tide.example.org\nIcon=/opt/tw/icon.png\nCategories=Network\nKeywords=tide\n",
    "tw-export.desktop": "[Desktop Action Export]\nName=Export\nExec=tw-export\n\n[Desktop Entry]\nType=Application\n"
                         "Name=Export\nActions=Export;Print;\nCategories=Office;Spreadsheet;\n",
    "tw-viewer.desktop": "[Desktop Entry]\nType=Link\nName=Tide viewer\nExec=tw-viewer\nDBusActivatable=maybe\n"
                         "StartupNotify=no\nCategories=Graphics;Viewer;\nHidden=false\n",
}


METAINFO = {
    "org.example.Tidewatch.metainfo.xml": """<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>org.example.Tidewatch</id>
  <metadata_license>GPL-2.0+</metadata_license>
  <project_license>MIT</project_license>
  <name>Tidewatch</name>
  <summary>Tide table statistics.</summary>
  <description>
    <p>Reads tide gauge tables.</p>
    <ul><li>Mean and maximum</li><p>nested</p></ul>
  </description>
  <launchable type="desktop-id">tidewatch.desktop</launchable>
  <url type="homepage">tidewatch.example.org</url>
  <screenshots><screenshot type="default"><image>http://example.org/shot.png</image></screenshot></screenshots>
  <releases>
    <release version="1.2" date="2026-13-01"/>
    <release version="1.3" date="2026-11-20"/>
  </releases>
  <content_rating type="oars-1.1"><content_attribute id="violence-fantasy">mild</content_attribute></content_rating>
</component>
""",
    "org.example.TwReport.metainfo.xml": """<?xml version="1.0" encoding="UTF-8"?>
<component type="console-application">
  <id>tw-report</id>
  <metadata_license>CC0-1.0</metadata_license>
  <name>tw-report</name>
  <summary>A tool which prints tide reports for all of the stations that are installed on the system.</summary>
  <provides><binary>tw-report</binary></provides>
  <categories><category>Science</category></categories>
  <developer_name>Harbour Office</developer_name>
</component>
""",
    "org.example.TwPlot.appdata.xml": """<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop">
  <id>org.example.TwPlot.desktop</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>GPLv2</project_license>
  <name>Tide Plot</name>
  <name>Tide Plot again</name>
  <summary>Plots tides</summary>
  <description><p>Plots.</p></description>
  <url type="bugs">https://tidewatch.example.org/bugs</url>
  <update_contact>ops at example dot org</update_contact>
  <kudos><kudo>Fancy</kudo></kudos>
</component>
""",
    "org.example.TwSync.metainfo.xml": """<?xml version="1.0" encoding="UTF-8"?>
<component type="service">
  <id>org.example.TwSync</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT</project_license>
  <name>Tide sync</name>
  <summary>Syncs</summary>
  <description><p>Keeps station tables in sync with the harbour server.</p></description>
  <releases><release version="0.9" timestamp="notatime"><description><p>First.</p></description></release></releases>
  <unknown_tag>x</unknown_tag>
</component>
""",
}


def more_desktops(n: int, seed: int) -> dict:
    """`n` desktop files of the harbour office's tools, built from DESKTOPS' mistakes and seeded variations."""
    rng = random.Random(seed)
    keys = ["Type=Application", "Type=Program", "Name=Tide {i}", "Exec=tw-tool-{i} %f", "Exec=tw-tool-{i} %z",
            "Icon=tw-{i}", "Icon=/opt/tw/{i}.png", "Terminal=false", "Terminal=yes", "Categories=Science;",
            "Categories=Science;Geoscience", "Categories=Education;Science;Physics;", "Categories=Utility;X-Tide;",
            "Categories=Harbour;", "MimeType=text/x-tide", "MimeType=tide", "Keywords=tide;gauge;",
            "StartupNotify=true", "StartupNotify=no", "Encoding=UTF-8", "Comment=Tide tool {i}.", "Version=1.5",
            "Version=2.0", "NoDisplay=maybe", "X-Harbour-Id = {i}", "OnlyShowIn=GNOME;", "NotShowIn=KDE;"]
    out = {}
    for i in range(n):
        lines = ["[Desktop Entry]"] + [k.format(i=i) for k in rng.sample(keys, rng.randint(5, 10))]
        out[f"tw-tool-{i:02d}.desktop"] = "\n".join(lines) + "\n"
    return out


def metadata_step(tmp: Path) -> None:
    root = tmp / "meta"
    write_tree(root, {**{f"applications/{k}": v for k, v in {**DESKTOPS, **more_desktops(34, 10607)}.items()},
                      **{f"metainfo/{k}": v for k, v in METAINFO.items()}})
    cap("desktop-file-validate-all", "desktop-file-validate applications/*.desktop", root, n_desktop_validate)
    cap("desktop-file-validate-loop", "for f in applications/*.desktop; do desktop-file-validate --warn-kde "
        "--no-hints \"$f\" || echo \"FAILED $f\"; done; echo EXIT=$?", root, n_desktop_validate)
    cap("appstreamcli-validate-all", "appstreamcli validate --no-net --explain metainfo/*.xml", root, n_appstreamcli,
        timeout=300)
    cap("appstreamcli-validate-pedantic", "appstreamcli validate --no-net --pedantic metainfo/*.xml; echo EXIT=$?",
        root, n_appstreamcli, timeout=300)
    cap("appstream-util-validate", "appstream-util validate --nonet metainfo/*.xml; echo EXIT=$?", root,
        n_appstream_util, timeout=300)
    cap("appstream-util-validate-strict", "appstream-util validate-strict --nonet metainfo/*.xml 2>&1", root,
        n_appstream_util, timeout=300)


STEPS = [rpm_step, diffoscope_step, licensecheck_step, checkbashisms_step, metadata_step]
