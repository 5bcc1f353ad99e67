"""Round 162, round 160's kinds again: `tidecal`, a small C tool of the round's own that reads tide-gauge readings
(`HH:MM height`) and prints the high and low water of the day, packaged for Debian with faults put in: its highest
reading is missed when it is the last of the day (its seeded test cases catch it under dh_auto_test), the .install
files name a man page and data never built, debian/control uses substitution variables nothing sets, upstream files
were edited after the orig tarball was made, an equivs control file has a bad relation, autopkgtest's tests fail under
the null runner; and the archive side on a seeded suite of `ferry-*` packages: reprepro, aptly, apt-ftparchive, minimal
trees from mmdebstrap and debootstrap (runs asking for packages that do not exist), dpkg --audit of a broken install
inside a bootstrapped tree. Needles from round 160's extractors, imported. Run through capture_wide162.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide162 import MIRROR, cap
from capture_wide160_build import (n_autopkgtest, n_dh_install, n_dh_rules, n_dpkg_gencontrol, n_dpkg_source_build,
                                   n_equivs_build)
from capture_wide160_repo import (n_apt_ftparchive_packages, n_apt_ftparchive_release, n_aptly_log, n_aptly_repo_show,
                                  n_aptly_snapshot_diff, n_debootstrap, n_dpkg_audit, n_mmdebstrap, n_reprepro,
                                  n_reprepro_list)

MAINT = "Ferrylink Harbour IT <harbour-it@ferrylink.example.net>"

TIDECAL_C = r'''#include <stdio.h>
#include <string.h>

/* tidecal: read "HH:MM height" lines from a tide gauge and print the day's high and low water. */
int main(void) {
    char line[128], t[16], hi_t[16] = "", lo_t[16] = "";
    double h, hi = -1e9, lo = 1e9, prev_h = 0;
    char prev_t[16] = "";
    int n = 0, have_prev = 0;
    while (fgets(line, sizeof line, stdin)) {
        if (sscanf(line, "%15s %lf", t, &h) != 2) continue;
        n++;
        /* BUG: each reading is compared one step late, so the last reading is never considered */
        if (have_prev) {
            if (prev_h > hi) { hi = prev_h; strcpy(hi_t, prev_t); }
            if (prev_h < lo) { lo = prev_h; strcpy(lo_t, prev_t); }
        }
        prev_h = h; strcpy(prev_t, t); have_prev = 1;
    }
    if (n < 2) { fprintf(stderr, "tidecal: need at least two readings\n"); return 2; }
    printf("readings=%d high=%.2f@%s low=%.2f@%s\n", n, hi, hi_t, lo, lo_t);
    return 0;
}
'''

MAKEFILE = """PREFIX ?= /usr/local
CFLAGS ?= -O2 -Wall
all: tidecal

tidecal: tidecal.c
\t$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $<

check: tidecal
\tsh t/check.sh

install: all
\tinstall -D -m 0755 tidecal $(DESTDIR)$(PREFIX)/bin/tidecal
\tmkdir -p $(DESTDIR)$(PREFIX)/share/tidecal/ports
\tcp ports/*.txt $(DESTDIR)$(PREFIX)/share/tidecal/ports/

clean:
\trm -f tidecal
"""

CHECK_SH = r'''#!/bin/sh
# each t/days/NAME.in holds a day of gauge readings, NAME.want the line tidecal must print
ok=0; bad=0
for f in t/days/*.in; do
    n=$(basename "$f" .in)
    want=$(cat "t/days/$n.want")
    got=$(./tidecal < "$f" 2>&1)
    if [ "$got" = "$want" ]; then
        echo "ok - $n"; ok=$((ok + 1))
    else
        echo "not ok - $n"
        echo "#   want: $want"
        echo "#    got: $got"
        bad=$((bad + 1))
    fi
done
echo "1..$((ok + bad))"
echo "# PASS: $ok"
echo "# FAIL: $bad"
[ "$bad" -eq 0 ]
'''

CONTROL = """Source: tidecal
Section: utils
Priority: optional
Maintainer: {maint}
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: tidecal
Architecture: any
Depends: ${{shlibs:Depends}}, ${{misc:Depends}}{extra_dep}
Description: high and low water from tide-gauge readings
 tidecal reads a day of gauge readings and prints the high and
 low water with their times.
{extra_pkg}"""

RULES = """#!/usr/bin/make -f
%:
\tdh $@

override_dh_auto_install:
\t$(MAKE) install DESTDIR=$(CURDIR)/debian/tmp PREFIX=/usr
"""

PORTS = ["ullapool", "stornoway", "oban", "mallaig", "tarbert", "brodick", "ardrossan", "craignure", "lochboisdale",
         "castlebay", "uig", "kennacraig", "port-askaig", "scrabster", "stromness", "lerwick", "kirkwall", "armadale"]


def tidecal_tree(parent: Path, version: str, seed: int, n_days: int = 100, install: str | None = None,
                 extra_dep: str = "", extra_pkg: str = "", orig: bool = True) -> Path:
    up = version.split("-")[0]
    src = parent / f"tidecal-{up}"
    rng = random.Random(seed)
    files = {"tidecal.c": TIDECAL_C, "Makefile": MAKEFILE, "t/check.sh": CHECK_SH}
    for i in range(n_days):
        port = PORTS[i % len(PORTS)]
        k = rng.randint(4, 14)
        rows = [(f"{6 + j:02d}:{rng.choice(['00', '20', '40'])}", round(rng.uniform(0.3, 5.2), 2)) for j in range(k)]
        hi = max(rows, key=lambda r: r[1])
        lo = min(rows, key=lambda r: r[1])
        files[f"t/days/{i + 1:03d}-{port}.in"] = "".join(f"{a} {b}\n" for a, b in rows)
        files[f"t/days/{i + 1:03d}-{port}.want"] = f"readings={k} high={hi[1]:.2f}@{hi[0]} low={lo[1]:.2f}@{lo[0]}\n"
    for p in PORTS:
        files[f"ports/{p}.txt"] = "".join(f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} {rng.uniform(0, 5):.2f}\n"
                                          for _ in range(12))
    write_tree(src, files)
    if orig:
        run(f"tar -czf tidecal_{up}.orig.tar.gz tidecal-{up}", cwd=parent)
    write_tree(src / "debian", {
        "control": CONTROL.format(maint=MAINT, extra_dep=extra_dep, extra_pkg=extra_pkg),
        "rules": RULES,
        "changelog": f"tidecal ({version}) unstable; urgency=medium\n\n  * Initial release.\n\n -- {MAINT}  "
                     "Tue, 01 Dec 2026 09:00:00 +0000\n",
        "copyright": "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: "
                     "tidecal\n\nFiles: *\nCopyright: 2026 Ferrylink\nLicense: MIT\n",
        "source/format": "3.0 (quilt)\n",
        "tidecal.install": install if install is not None else "usr/bin\nusr/share/tidecal\n",
    })
    run("chmod +x debian/rules t/check.sh", cwd=src)
    return src


def build_step(tmp: Path) -> None:
    d = tmp / "dh"
    d.mkdir(parents=True)
    src = tidecal_tree(d, "1.2-1", 16201, n_days=260)
    cap("dh-rules-binary-tail", "fakeroot debian/rules binary 2>&1 | tail -n 120; echo EXIT=$?", src, n_dh_rules,
        timeout=600)
    run("debian/rules clean", cwd=src)
    cap("dh-rules-build-grep", "debian/rules build 2>&1 | grep -vE '^ok - '; echo EXIT=$?", src, n_dh_rules, timeout=600)
    d = tmp / "dh-install"
    d.mkdir(parents=True)
    rng = random.Random(16202)
    inst = ("usr/bin/tidecal\nusr/bin/tidecal-plot\nusr/share/man/man1/tidecal.1\nusr/share/tidecal/ports\n"
            "usr/share/tidecal/harmonics/*.hcf\netc/tidecal/tidecal.conf\nusr/share/bash-completion/completions/tidecal\n"
            + "".join(f"usr/share/tidecal/almanac/{rng.choice(PORTS)}-{2026 + rng.randint(0, 3)}.tbl\n" for _ in range(30)))
    src = tidecal_tree(d, "1.2-2", 16203, n_days=20, install=inst)
    run("DEB_BUILD_OPTIONS=nocheck fakeroot debian/rules build", cwd=src, timeout=600)
    cap("dh-install-alone", "dh_install; echo EXIT=$?", src, n_dh_install)
    cap("dh-install-grep", "dh_install 2>&1 | grep -E 'Cannot find|error' | head -n 40; echo EXIT=$?",
        src, n_dh_install)
    run("debian/rules clean", cwd=src)
    # substitution variables nothing sets, a relation that does not parse
    d = tmp / "gencontrol"
    d.mkdir(parents=True)
    src = tidecal_tree(d, "1.2-1", 16204, n_days=10,
                       extra_dep=", ${tide:Depends}, ${gauge:Recommends}, libtide1 (>= ${source:Upstream-Version}",
                       extra_pkg="\nPackage: tidecal-data\nArchitecture: all\nDepends: ${misc:Depends}, ${ports:Depends}\n"
                                 "Suggests: ${doc:Suggests}\nDescription: port tables for tidecal\n tables\n")
    run("DEB_BUILD_OPTIONS=nocheck fakeroot debian/rules build", cwd=src, timeout=600)
    cap("dpkg-gencontrol-o", "dpkg-gencontrol -O -ptidecal 2>&1; echo EXIT=$?", src, n_dpkg_gencontrol)
    cap("dpkg-gencontrol-data", "dpkg-gencontrol -O -ptidecal-data 2>&1; echo EXIT=$?", src, n_dpkg_gencontrol)
    # upstream files changed in place and binary files added after the orig tarball
    d = tmp / "source"
    d.mkdir(parents=True)
    src = tidecal_tree(d, "1.2-1", 16205, n_days=90)
    rng = random.Random(16206)
    for p in rng.sample(sorted((src / "t" / "days").glob("*.want")), 31):
        p.write_text(p.read_text().replace("readings=", "n="))
    (src / "tidecal.c").write_text(TIDECAL_C.replace("one step late", "one step late (fixed upstream?)"))
    (src / "ports" / "chart.gif").write_bytes(b"GIF89a" + bytes(rng.randrange(256) for _ in range(2500)))
    (src / "t" / "gauge.bin").write_bytes(bytes(rng.randrange(256) for _ in range(1800)))
    cap("dpkg-source-build", "dpkg-source -b tidecal-1.2 2>&1; echo EXIT=$?", d, n_dpkg_source_build)
    # equivs with a broken relation and a Files: entry that is not there
    d = tmp / "equivs"
    d.mkdir(parents=True)
    (d / "bridge.ctl").write_text(
        "Section: misc\nPriority: optional\nStandards-Version: 4.6.2\n\nPackage: ferrylink-bridge-console\n"
        f"Version: 2026.12+1\nMaintainer: {MAINT}\nDepends: tidecal (>= 1.2), gpsd-clients, python3-serial, "
        "ais-decoder (<< 3, xterm\nArchitecture: all\nFiles: bridge.conf /etc/ferrylink/\n console-start /usr/bin/\n"
        "Description: bridge console metapackage\n Pulls in the bridge console tools.\n")
    (d / "bridge.conf").write_text("vessel = Skerry Queen\n")
    run("equivs-build bridge.ctl", cwd=d, timeout=300)  # 129 characters: too short to keep
    (d / "deck.ctl").write_text(
        "Section: misc\nPriority: optional\nStandards-Version: 4.6.2\n\nPackage: ferrylink-deck-terminal\n"
        f"Version: 1.4\nMaintainer: {MAINT}\nDepends: tidecal, gpsd-clients, python3-serial, minicom | picocom, "
        "socat, jq, curl\nArchitecture: all\nExtra-Files: README.deck\nFiles: deck.conf /etc/ferrylink/\n"
        "Description: deck terminal metapackage\n Pulls in the deck terminal tools.\n")
    (d / "README.deck").write_text("Deck terminals on the ferrylink fleet.\n")
    (d / "deck.conf").write_text("terminal = car-deck-1\n")
    cap("equivs-build-deck", "equivs-build deck.ctl 2>&1; echo EXIT=$?", d, n_equivs_build, timeout=300)


TESTS_CONTROL = """Tests: smoke
Depends:
Restrictions: superficial

Tests: days
Depends:

Tests: last-reading
Depends:

Tests: noisy
Depends:

Tests: gauge-feed
Depends:
Restrictions: needs-internet
"""


def autopkgtest_step(tmp: Path) -> None:
    d = tmp / "apt-test"
    d.mkdir(parents=True)
    src = tidecal_tree(d, "1.2-1", 16207, n_days=140)
    run("make tidecal", cwd=src)
    write_tree(src / "debian" / "tests", {
        "control": TESTS_CONTROL,
        "smoke": "#!/bin/sh\nset -e\nprintf '06:00 1.0\\n07:00 2.0\\n08:00 1.5\\n' | ./tidecal\n",
        "days": "#!/bin/sh\nexec sh t/check.sh\n",
        "last-reading": "#!/bin/sh\nset -e\ngot=$(printf '06:00 1.0\\n07:00 2.0\\n08:00 4.5\\n' | ./tidecal)\n"
                        "case \"$got\" in *high=4.50@08:00*) echo ok;; *) echo \"FAIL: last reading missed: $got\"; "
                        "exit 1;; esac\n",
        "noisy": "#!/bin/sh\n./tidecal < /dev/null\necho 'tidecal: gauge offline, using cached table' >&2\nexit 0\n",
        "gauge-feed": "#!/bin/sh\ncurl -fsS https://gauges.ferrylink.example.net/ullapool/latest\n",
    })
    run("chmod +x debian/tests/*", cwd=src)
    cap("autopkgtest-null", "autopkgtest --no-built-binaries tidecal-1.2/ -- null 2>&1 | tail -n 120; echo EXIT=$?", d,
        n_autopkgtest, timeout=600)


# ------------------------------------------------------------------ the archive side

SUITE = ["ferry-core", "ferry-booking", "ferry-manifest", "ferry-berth", "ferry-crew", "ferry-weather", "ferry-ais",
         "ferry-tickets", "ferry-kiosk", "ferry-gate", "ferry-freight", "ferry-fuel", "ferry-radio", "ferry-cctv",
         "ferry-docs", "ferry-data-routes", "ferry-data-ports", "libferry2", "libferry-dev", "python3-ferry",
         "ferry-sync", "ferry-report", "ferry-alerts", "ferry-backup"]


def make_deb(out: Path, name: str, version: str, arch: str, rng: random.Random, depends: str = "",
             postinst: str | None = None, section: str = "net", n_files: int = 2) -> Path:
    root = out / f"b-{name}-{version}-{arch}"
    files = {"DEBIAN/control": (f"Package: {name}\nVersion: {version}\nArchitecture: {arch}\nMaintainer: {MAINT}\n"
                                f"Section: {section}\nPriority: optional\n" + (f"Depends: {depends}\n" if depends else "")
                                + f"Description: {name} for the ferrylink fleet\n Part of the ferrylink suite.\n")}
    for k in range(n_files):
        files[f"usr/share/{name}/f{k}.dat"] = "".join(f"{rng.randint(0, 99999)}\n" for _ in range(rng.randint(5, 30)))
    if postinst:
        files["DEBIAN/postinst"] = postinst
    write_tree(root, files)
    if postinst:
        (root / "DEBIAN" / "postinst").chmod(0o755)
    deb = out / f"{name}_{version}_{arch}.deb"
    run(f"dpkg-deb --root-owner-group -Zxz -b {root} {deb} >/dev/null && rm -rf {root}")
    return deb


def suite_debs(out: Path, seed: int, n: int) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    debs = []
    for i in range(n):
        name = SUITE[i % len(SUITE)]
        version = f"{2 + i // len(SUITE)}.{rng.randint(0, 12)}-{rng.randint(1, 4)}"
        arch = "all" if name.startswith(("ferry-data", "ferry-docs", "python3")) else "amd64"
        if i in (9, 40):
            arch = "i386"
        dep = "libferry2 (>= 2.0)" if rng.random() < 0.35 and name != "libferry2" else ""
        debs.append(make_deb(out, name, version, arch, rng, depends=dep,
                             section="doc" if name == "ferry-docs" else "libs" if name.startswith("lib") else "net"))
    return debs


def bootstrap_step(tmp: Path) -> None:
    d = tmp / "boot"
    d.mkdir(parents=True)
    cap("mmdebstrap-missing", f"mmdebstrap --variant=apt --include=tidecal,ferry-core,curl bookworm ferry.tar {MIRROR}"
        "; echo EXIT=$?", d, n_mmdebstrap, timeout=900)
    cap("mmdebstrap-essential-verbose-tail", f"mmdebstrap -v --variant=essential bookworm root {MIRROR} 2>&1 "
        "| tail -n 250; echo EXIT=$?", d, n_mmdebstrap, timeout=900)


def debootstrap_step(tmp: Path) -> None:
    d = tmp / "dboot"
    d.mkdir(parents=True)
    # alone the failing run prints 396 characters: the agent then builds the tree without the missing packages
    cmd = (f"debootstrap --verbose --variant=minbase --include=tidecal,ferry-booking bookworm dbs {MIRROR} 2>&1; "
           f"echo EXIT=$?; rm -rf dbs; debootstrap --variant=minbase bookworm dbs {MIRROR} 2>&1 | tail -n 90; echo EXIT=$?")
    cap("debootstrap-missing-then-minbase", cmd, d, n_debootstrap, timeout=1500)
    run("rm -rf dbs", cwd=d)


DISTRIBUTIONS = """Origin: Ferrylink
Label: Ferrylink Fleet
Codename: bookworm
Suite: stable
Architectures: amd64 source
Components: main non-free
Description: ferrylink fleet packages

Origin: Ferrylink
Label: Ferrylink Fleet
Codename: bookworm-staging
Architectures: amd64 i386
Components: main
Description: ferrylink fleet packages (staging)
"""


def reprepro_step(tmp: Path) -> None:
    d = tmp / "reprepro"
    debs = suite_debs(d / "incoming", 16210, 72)
    rng = random.Random(16211)
    clash = make_deb(d / "rebuild", "ferry-booking", debs[1].name.split("_")[1], "amd64", rng, n_files=4)
    write_tree(d / "repo", {"conf/distributions": DISTRIBUTIONS, "conf/options": "verbose\n"})
    cap("reprepro-includedeb-tail", "reprepro -V -b repo includedeb bookworm incoming/*.deb rebuild/*.deb 2>&1 "
        "| tail -n 100; echo EXIT=$?", d, n_reprepro, timeout=600)
    run("reprepro -b repo includedeb bookworm-staging incoming/*.deb", cwd=d, timeout=600)
    cap("reprepro-list-staging", "reprepro -b repo list bookworm-staging; echo EXIT=$?", d, n_reprepro_list)
    pool = sorted((d / "repo" / "pool").rglob("*.deb"))
    for p in rng.sample(pool, 5):
        p.unlink()
    for p in rng.sample(pool, 4):
        if p.exists():
            p.write_bytes(p.read_bytes()[:-150])
    cap("reprepro-checkpool", "reprepro -b repo checkpool; echo EXIT=$?", d, n_reprepro, timeout=600)


def aptly_step(tmp: Path) -> None:
    d = tmp / "aptly"
    debs = suite_debs(d / "incoming", 16220, 60)
    rng = random.Random(16221)
    conf = d / "aptly.conf"
    conf.write_text(json.dumps({"rootDir": str(d / "root"), "architectures": [], "gpgDisableSign": True,
                                "gpgDisableVerify": True}))
    a = f"aptly -config={conf}"
    (d / "incoming" / "ferry-truncated_1.0-1_amd64.deb").write_bytes(debs[5].read_bytes()[:600])
    run(f"{a} repo create -distribution=bookworm -component=main -comment='ferrylink fleet' fleet", cwd=d)
    run(f"{a} repo add fleet incoming/", cwd=d, timeout=600)
    cap("aptly-repo-show", f"{a} repo show -with-packages fleet | head -n 100", d, n_aptly_repo_show)
    run(f"{a} snapshot create fleet-w48 from repo fleet", cwd=d)
    for p in rng.sample(sorted(d.glob("incoming/*.deb")), 7):
        run(f"{a} repo remove fleet {p.name.split('_')[0]}", cwd=d)
    suite_debs(d / "w49", 16222, n=30)
    for k, nm in enumerate(["ferry-lifeboat", "ferry-ballast", "ferry-ramp"]):
        make_deb(d / "w49", nm, f"0.{k + 1}-1", "amd64", rng)
    (d / "w49" / "ferry-notes_1.0_all.deb").write_text("this is not a package\n")
    cap("aptly-repo-add-w49", f"{a} repo add -force-replace fleet w49/ 2>&1; echo EXIT=$?", d, n_aptly_log, timeout=600)
    run(f"{a} snapshot create fleet-w49 from repo fleet", cwd=d)
    cap("aptly-snapshot-diff", f"{a} snapshot diff fleet-w48 fleet-w49; echo EXIT=$?", d, n_aptly_snapshot_diff)


def ftparchive_step(tmp: Path) -> None:
    d = tmp / "ftp"
    debs = suite_debs(d / "pool" / "main", 16230, n=48)
    rng = random.Random(16231)
    for p in rng.sample(debs, 4):
        name, ver, arch = p.stem.split("_")
        make_deb(d / "pool" / "main", name, ver.replace("-", "+hotfix1-"), arch, rng)
    cap("apt-ftparchive-packages-grep", "apt-ftparchive packages pool 2>&1 | grep -E '^(Package|Version|Filename|Size):'"
        "; echo EXIT=$?", d, n_apt_ftparchive_packages)
    dist = d / "dists" / "bookworm" / "main"
    for sub in ("binary-amd64", "binary-i386", "binary-all"):
        (dist / sub).mkdir(parents=True)
    run("for a in amd64 i386 all; do apt-ftparchive -a $a packages pool > dists/bookworm/main/binary-$a/Packages && "
        "gzip -9k dists/bookworm/main/binary-$a/Packages && xz -k dists/bookworm/main/binary-$a/Packages; done && "
        "apt-ftparchive contents pool | gzip -9 > dists/bookworm/main/Contents-amd64.gz", cwd=d)
    cap("apt-ftparchive-release", "apt-ftparchive -o APT::FTPArchive::Release::Origin=Ferrylink "
        "-o APT::FTPArchive::Release::Suite=stable -o APT::FTPArchive::Release::Architectures='amd64 i386' "
        "release dists/bookworm", d, n_apt_ftparchive_release)


def audit_step(tmp: Path) -> None:
    root = tmp / "boot" / "root"
    if not (root / "usr" / "bin" / "dpkg").exists():
        run(f"mmdebstrap --variant=essential bookworm {root} {MIRROR}", timeout=900)
    d = tmp / "audit"
    rng = random.Random(16240)
    fail = "#!/bin/sh\necho \"$DPKG_MAINTSCRIPT_PACKAGE: cannot reach the bridge console\" >&2\nexit 1\n"
    debs = []
    names = SUITE + [f"{n}-{v}" for v in ("skerry", "rona") for n in SUITE[1:10]]
    for k, name in enumerate(names):
        post = fail if k in (2, 7, 19, 28, 36) else None
        dep = "ferry-hsm-driver (>= 1.0)" if k in (4, 13, 31) else ""
        debs.append(make_deb(d, name, f"3.{k}-1", "amd64" if k % 3 else "all", rng, depends=dep, postinst=post))
    run(f"mkdir -p {root}/tmp/debs && cp {d}/*.deb {root}/tmp/debs/")
    run(f"chroot {root} sh -c 'dpkg -i /tmp/debs/*.deb'", timeout=300)
    for p in debs[20:24] + debs[38:42]:
        run(f"chroot {root} dpkg --unpack /tmp/debs/{p.name}")
    for name in SUITE[14:17] + names[25:28]:
        run(f"rm -f {root}/var/lib/dpkg/info/{name}.list")
    cap("dpkg-audit", f"chroot {root} dpkg --audit; echo EXIT=$?", tmp, n_dpkg_audit)


STEPS = [build_step, autopkgtest_step, bootstrap_step, debootstrap_step, reprepro_step, aptly_step, ftparchive_step, audit_step]
