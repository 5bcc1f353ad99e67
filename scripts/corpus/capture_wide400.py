#!/usr/bin/env python3
"""Capture round 400 of the compression corpus: the plumbing of C and C++ builds, kinds new to the corpus
(autoreconf -fi -Wall warnings, config.log excerpts, make distcheck, libtool links, pkg-config --debug, conan 2
create/install on local recipes, ccache statistics, ld --verbose and --trace, ar tv and broken archives, lddtree on
broken rpaths, objcopy/strip errors, CMake presets), on small projects of a bell foundry written here with real
faults put in. The needle rules are NEEDLES.md's "Round 400", fixed before capture and applied by the extractors
below. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide400.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide400.json  as {"version": 2, "items": [...]}, ids prefixed "wide400-".
Tools:   Debian's autoconf, automake, libtool, ccache, pax-utils (lddtree), binutils, pkgconf, cmake, ninja, gcc
         (apt-get install -y autoconf automake libtool ccache pax-utils); conan 2 in a venv of its own under the
         tools dir (no remote is ever used: the recipes are local, CONAN_HOME is the round's scratch).
"""

from __future__ import annotations

import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import rule4  # noqa: E402

ID_PREFIX = "wide400-"
DEFAULT_OUT = HERE / "data" / "wide400.json"
TMP = Path(os.environ.get("HM_WIDE400_TMP", "/dev/shm/hm-corpus-wide400-run"))
TOOLS = Path(os.environ.get("HM_WIDE400_TOOLS", "/dev/shm/hm-corpus-wide400-tools"))
VENV = TOOLS / "venv"

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ------------------------------------------------------------------ shared pieces of the rules

ERR = re.compile(r"(?i)error|fail|fatal|cannot|can't|not found|undefined reference|multiple definition|no such|"
                 r"invalid|unable|malformed|not recognized")
WARN = re.compile(r"(?i)\bwarn")
FILE_AT = re.compile(r"^\s*([^\s:]+):\d+[:.]")


def shape(s: str) -> str:
    s = re.sub(r"\"[^\"]*\"|'[^']*'|`[^']*'|‘[^’]*’", "Q", s)
    return " ".join(re.sub(r"\d+", "N", s).split())


def errs(lines, skip=None):
    return [ln for ln in lines if ERR.search(ln) and not (skip and skip.search(ln))]


def fkey(ln: str) -> str:
    m = FILE_AT.match(ln)
    return m.group(1) if m else ""


def warn_groups(lines, key=fkey):
    """Warnings one any per (message shape, file); lines that are errors are not warnings."""
    return cm.groups((shape(ln) + "\0" + key(ln), ln) for ln in lines if WARN.search(ln) and not ERR.search(ln))


def last_nonblank(lines):
    nb = [ln for ln in lines if ln.strip()]
    return nb[-1:] if nb else []


def errs_with_location(lines, loc=r"\S+:\d+"):
    out = []
    for i, ln in enumerate(lines):
        if ERR.search(ln):
            out.append(ln)
            if not re.search(loc, ln):
                at = cm.next_match(lines, i, loc)
                if at:
                    out.append(at)
    return out


# ------------------------------------------------------------------ extractors


@cm.kind("autoreconf-warnings", "build")
def n_autoreconf(lines):
    """every error line, warnings one any per (shape, file), every `installing '…'` line, the last non-blank line"""
    return errs(lines) + warn_groups(lines) + [ln for ln in lines if re.search(r"installing '", ln)] \
        + last_nonblank(lines)


@cm.kind("config-log", "log")
def n_config_log(lines):
    """every error line, every `result: no` line and the `checking` line within 6 before it, the `$ ./configure` line, `configure: exit N`"""
    out = errs(lines)
    for i, ln in enumerate(lines):
        if re.search(r"result: no\b", ln):
            out.append(ln)
            c = cm.prev_match(lines, i, r"checking ")
            if c:
                out.append(c)
        if re.match(r"\s*(\d+[:-])?\s*\$ \S*configure", ln) or re.search(r"configure: exit \d+", ln):
            out.append(ln)
    return out


@cm.kind("make-distcheck", "build")
def n_distcheck(lines):
    """every error line and the path:line line within 6 after, warnings one any per (shape, file), the harness's # TOTAL/PASS/FAIL/ERROR/XFAIL/SKIP lines, `archives ready for distribution:` and the archive after, the last non-blank line"""
    out = errs_with_location(lines) + warn_groups(lines)
    out += [ln for ln in lines if "No rule to make target" in ln]
    for i, ln in enumerate(lines):
        if re.match(r"^# (TOTAL|PASS|FAIL|ERROR|XFAIL|XPASS|SKIP):", ln):
            out.append(ln)
        if "archives ready for distribution:" in ln:
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out + last_nonblank(lines)


@cm.kind("libtool-link", "build")
def n_libtool(lines):
    """every error line, every `in function` line, warnings one any per shape (libtool: warning: included), the last non-blank line"""
    return errs(lines) + [ln for ln in lines if "in function" in ln and not ERR.search(ln)] \
        + warn_groups(lines, key=lambda ln: "") + last_nonblank(lines)


PC_EXTRA = re.compile(r"No package|Requested|conflict|required by")


@cm.kind("pkg-config-debug", "build")
def n_pkgconfig(lines):
    """every error line (and No package/Requested/conflict/required by lines), every line naming a .pc file that holds found/reading/parsing/load/trying, warnings one any per shape, the last non-blank line"""
    out = [ln for ln in lines if ERR.search(ln) or PC_EXTRA.search(ln)]
    out += [ln for ln in lines if re.search(r"\.pc\b", ln) and re.search(r"(?i)found|reading|parsing|load|trying", ln)]
    return out + warn_groups(lines, key=lambda ln: "") + last_nonblank(lines)


def _conan(lines):
    out = errs_with_location(lines, loc=r"\S+:\d+")
    out += cm.groups((shape(ln), ln) for ln in lines if (WARN.search(ln)) and not ERR.search(ln))
    under = False
    for ln in lines:
        if ln.strip() in ("Requirements", "Test requirements", "Build requirements", "Python requires"):
            under = True
            continue
        if under and ln.startswith((" ", "\t")) and ln.strip():
            out.append(ln)
            continue
        under = False
    out += [ln for ln in lines if re.search(r"Package '[^']+' created", ln)]
    return out + last_nonblank(lines)


@cm.kind("conan-create", "build")
def n_conan_create(lines):
    """every error line and the path:line within 6 after, warnings (WARN:) one any per shape, the indented lines under Requirements/Test requirements/Build requirements/Python requires, `Package '…' created`, the last non-blank line"""
    return _conan(lines)


@cm.kind("conan-install", "pkg")
def n_conan_install(lines):
    """every error line and the path:line within 6 after, warnings (WARN:) one any per shape, the indented lines under Requirements/Test requirements/Build requirements/Python requires, `Package '…' created`, the last non-blank line"""
    return _conan(lines)


@cm.kind("ccache-stats", "table")
def n_ccache(lines):
    """every error line, every statistics line whose first number is not 0, the Cache directory/Config file/Max size/Cache size lines"""
    out = []
    for ln in lines:
        if re.search(r"Cache directory|Config file|Max size|Cache size|max_size|cache_size", ln):
            out.append(ln)
            continue
        m = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)", ln)
        if m and float(m.group(1)) != 0:
            out.append(ln)
        elif ERR.search(ln) and not m:
            out.append(ln)
    return out


FAILED_OPEN = re.compile(r"attempt to open .* failed")


@cm.kind("ld-verbose", "build")
def n_ld_verbose(lines):
    """the GNU ld version line, `using internal linker script:`, every `attempt to open … succeeded` line, every error line but the `attempt to open … failed` ones, the OUTPUT_FORMAT( line, warnings one any per shape, the last non-blank line"""
    out = [ln for ln in lines if ln.startswith("GNU ld") or "using internal linker script:" in ln
           or re.search(r"attempt to open .* succeeded", ln) or ln.startswith("OUTPUT_FORMAT(")]
    return out + errs(lines, skip=FAILED_OPEN) + warn_groups(lines, key=lambda ln: "") + last_nonblank(lines)


@cm.kind("ld-trace", "build")
def n_ld_trace(lines):
    """every error line, every input line naming a file outside /usr and /lib, the `in function` lines, warnings one any per shape"""
    out = errs(lines)
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(/usr|/lib)", s) or ERR.search(ln) or not s:
            continue
        if re.match(r"^\S+\.(o|a|so)(\(\S+\))?$", s) or re.match(r"^\S+\.a\(\S+\)$", s) or "in function" in ln:
            out.append(ln)
    return out + warn_groups(lines, key=lambda ln: "")


AR_ROW = re.compile(r"^([r-][w-][x-][r-][w-][x-][r-][w-][x-])\s+(\d+/\d+)\s+(\d+)\s+(\w{3}\s+\d+\s+\d\d:\d\d\s+\d{4})\s+(\S+)$")


@cm.kind("ar-tv", "listing")
def n_ar(lines):
    """every error line; rule 4 on ar tv rows (mode, owner rare; min/max size); every row whose member name occurs twice or more"""
    out = errs(lines)
    rows = []
    for ln in lines:
        m = AR_ROW.match(ln.strip())
        if m:
            rows.append((ln, {"mode": m.group(1), "owner": m.group(2), "size": int(m.group(3)), "name": m.group(5)}))
    if rows:
        out += rule4(rows, cat=("mode", "owner"), nums=("size",))
        names = Counter(r[1]["name"] for r in rows)
        out += [r[0] for r in rows if names[r[1]["name"]] >= 2]
    return out


@cm.kind("lddtree", "listing")
def n_lddtree(lines):
    """every error line (=> not found included), the first line, every line whose => path is outside /lib, /usr, /lib64"""
    out = errs(lines)
    nb = [ln for ln in lines if ln.strip()]
    out += nb[:1]
    for ln in lines:
        m = re.search(r"=>\s+(\S+)", ln)
        if m and m.group(1).startswith("/") and not re.match(r"/(lib|usr|lib64)/", m.group(1)):
            out.append(ln)
    return out


@cm.kind("objcopy-strip", "build")
def n_objcopy(lines):
    """every error line, warnings one any per shape, every `copy from` line"""
    return errs(lines) + warn_groups(lines, key=lambda ln: "") + [ln for ln in lines if "copy from" in ln]


@cm.kind("cmake-presets", "build")
def n_presets(lines):
    """every error line and the location line (CMakeLists.txt:N, CMakePresets.json) within 6 after, CMake Warning lines one any per shape, every quoted preset line under `Available … presets:`, the last non-blank line"""
    out = []
    for i, ln in enumerate(lines):
        if ERR.search(ln):
            out.append(ln)
            at = cm.next_match(lines, i, r"CMakeLists\.txt:\d+|CMakePresets\.json|CMakeUserPresets\.json")
            if at:
                out.append(at)
    out += cm.groups((shape(ln), ln) for ln in lines if "CMake Warning" in ln)
    under = False
    for ln in lines:
        if re.match(r"^Available .*presets:", ln):
            under = True
            continue
        if under and re.match(r'^\s+"', ln):
            out.append(ln)
            continue
        if under and ln.strip():
            under = False
    return out + last_nonblank(lines)


# ------------------------------------------------------------------ material (a bell foundry)

BELLS = ["tenor", "treble", "bourdon", "carillon", "sanctus", "angelus", "curfew", "passing", "ship", "hand",
         "sheep", "cow", "sleigh", "tubular", "church", "school", "fire", "dinner", "wind", "temple"]
ALLOYS = ["bronze", "tin", "copper", "brass", "bellmetal", "nickel", "zinc", "lead"]


def sources(names, seed, n_fn):
    files = {}
    for i, nm in enumerate(names):
        rng = random.Random(seed + i)
        alloys = [rng.choice(ALLOYS) for _ in range(n_fn)]
        files[f"{nm}.h"] = "".join(f"double {nm}_{a}_{k}(double mass);\n" for k, a in enumerate(alloys))
        files[f"{nm}.c"] = f'#include "{nm}.h"\n\n' + "\n".join(
            f"double {nm}_{a}_{k}(double mass)\n{{\n    return mass * {k + 2} / 100.0 + {i}.5;\n}}\n"
            for k, a in enumerate(alloys))
    return files


# ------------------------------------------------------------------ autotools: autoreconf, config.log, distcheck, libtool

def autotools_moulds(root: Path, seed: int, n_mod: int) -> list[str]:
    rng = random.Random(seed)
    names = [f"mould_{b}" for b in rng.sample(BELLS, n_mod)]
    files = {f"src/{k}": v for k, v in sources(names, seed, 6).items()}
    files["src/foundry.c"] = ('#include <stdio.h>\n' + "".join(f'#include "{n}.h"\n' for n in names)
                              + "double pour_bell(double);\n"
                              + "int main(void)\n{\n"
                              + '    printf("%f\\n", pour_bell(2.5));\n    return 0;\n}\n')
    files["configure.ac"] = ("AC_INIT([moulds], [0.%d], [foundry@example.com])\n" % seed
                             + "AM_INIT_AUTOMAKE([-Wall foreign])\nAC_PROG_CC\nLT_INIT\n"
                             + "AC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
    files["Makefile.am"] = ("lib_LTLIBRARIES = libmould.la\n"
                            + "libmould_la_SOURCES = " + " ".join(f"src/{n}.c" for n in names) + "\n"
                            + ("libmould_la_LIBADD = -lclapperfit\n" if seed == 40010 else "")
                            + "INCLUDES = -I$(srcdir)/src\nCFLAGS = -O2 -g\n"
                            + "bin_PROGRAMS = foundry\nfoundry_SOURCES = src/foundry.c\nfoundry_LDADD = libmould.la\n")
    cm.write_tree(root, files)
    return names


def cap_autotools(tmp: Path) -> None:
    if not (cm.have("autoreconf", "autoreconf-warnings") and cm.have("libtoolize", "libtool-link")):
        return
    # moulds: automake warnings, then a libtool library whose link fails
    for seed, n_mod in ((40010, 3), (40011, 9)):
        root = tmp / f"moulds{seed}"
        autotools_moulds(root, seed, n_mod)
        add(f"autoreconf-moulds-{seed}", "autoreconf -fi -Wall", cm.run("autoreconf -fi -Wall", cwd=root, timeout=300),
            n_autoreconf)
        cm.run("./configure -q", cwd=root, timeout=300)
        add(f"libtool-make-moulds-{seed}", "make -j1", cm.run("make -j1", cwd=root, timeout=300), n_libtool)
    # clappers: subdir sources without subdir-objects, missing AM_PROG_AR, a TESTS list with a missing script
    root = tmp / "clappers"
    rng = random.Random(40012)
    names = [f"clapper_{b}" for b in rng.sample(BELLS, 5)]
    files = {f"lib/{k}": v for k, v in sources(names, 40012, 4).items()}
    files["configure.ac"] = ("AC_INIT([clappers], [1.4])\nAC_CONFIG_AUX_DIR([build-aux])\n"
                             "AM_INIT_AUTOMAKE([-Wall -Werror foreign])\nAC_PROG_CC\nAC_PROG_RANLIB\n"
                             "AC_CHECK_HEADERS([bronze/alloy.h])\nAC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
    files["Makefile.am"] = ("noinst_LIBRARIES = libclapper.a\nlibclapper_a_SOURCES = "
                            + " ".join(f"lib/{n}.c" for n in names) + "\n"
                            "bin_PROGRAMS = ring\nring_SOURCES = ring.c\nring_LDADD = libclapper.a\n"
                            "ring_CPPFLAGS = -I lib\nEXTRA_DIST = README.tuning\n"
                            "dist_man_MANS = ring.1\n")
    files["ring.c"] = "int main(void) { return 0; }\n"
    cm.write_tree(root, files)
    add("autoreconf-clappers", "autoreconf -fi -Wall", cm.run("autoreconf -fi -Wall", cwd=root, timeout=300),
        n_autoreconf)

    # libtool by hand: relative rpath, a non-libtool object, a missing library
    root = tmp / "moulds40010"
    if (root / "libtool").exists():
        cmds = ("./libtool --mode=link gcc -o libtuner.la mould_*.lo -rpath lib/foundry; "
                "./libtool --mode=link gcc -o libtuner.la tuner_missing.lo -rpath /usr/local/lib; "
                "./libtool --mode=link gcc -o libtuner.la *.lo -rpath /usr/local/lib -lhammerstrike -version-info 3:1:4; "
                "./libtool --mode=link gcc -o libtuner.la *.lo -rpath /usr/local/lib -version-info 2:0:5; "
                "./libtool --mode=link gcc -o foundry src/foundry.o libclapper.la; "
                "./libtool --mode=compile gcc -c src/mould_bell_missing.c; "
                "./libtool --mode=link gcc -o libtuner.la *.lo -rpath /usr/local/lib -version-info 1:x:0; "
                "./libtool --mode=link gcc -o libtuner.a *.lo -rpath /usr/local/lib -version-info 1:0:0; "
                "./libtool --mode=install cp libmould.la /nonexistent/foundry/lib/libmould.la; "
                "./libtool --mode=link gcc -module -o tuner-plugin.la *.lo -rpath /usr/local/lib/foundry -lm")
        add("libtool-by-hand-moulds", cmds, cm.run(cmds, cwd=root, timeout=300), n_libtool)

    # configure failures, read through config.log
    for seed, body in ((40013, "AC_CHECK_LIB([clapperfit], [clapper_fit_init], [], "
                               "[AC_MSG_ERROR([libclapperfit is required to build the tuner])])\n"),
                       (40014, "AC_CHECK_HEADERS([bronze/alloy.h bronze/temper.h], [], "
                               "[AC_MSG_ERROR([bronze headers not found])])\n"),
                       (40015, "AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#include <math.h>]], "
                               "[[double f = strike_frequency(440.0) return f > 0;]])], [], "
                               "[AC_MSG_FAILURE([the compiler cannot build strike_frequency checks])])\n")):
        root = tmp / f"tuners{seed}"
        funcs = "sqrt pow hypot" if seed != 40015 else " ".join(
            ["sqrt", "pow", "hypot", "fmod", "floor", "ceil", "strtod", "strndup", "getline", "mmap", "munmap",
             "posix_memalign", "clock_gettime", "nanosleep", "sigaction", "pipe2", "dup3", "accept4", "memrchr",
             "strlcpy", "strlcat", "reallocarray", "arc4random", "getentropy", "explicit_bzero", "qsort_r"]
            + [f"bell_{b}_strike" for b in BELLS[:12]] + [f"tune_{a}_partial" for a in ALLOYS])
        cm.write_tree(root, {"configure.ac": (f"AC_INIT([tuners], [2.{seed % 100}])\nAC_PROG_CC\n"
                                              f"AC_CHECK_FUNCS([{funcs}])\nAC_CHECK_LIB([m], [cos])\n"
                                              + body + "AC_OUTPUT\n")})
        cm.run("autoconf && ./configure CFLAGS='-O2 -DBELL_TUNER=1'", cwd=root, timeout=300)
        if seed == 40013:
            typed = "tail -n 120 config.log"
        elif seed == 40014:
            typed = "grep -n -B 30 -A 12 'error: bronze' config.log"
        else:
            typed = "cat config.log"
        add(f"config-log-tuners-{seed}", typed, cm.run(typed, cwd=root, timeout=60), n_config_log)


def distcheck_project(root: Path, seed: int, n_tests: int, fault: str) -> None:
    rng = random.Random(seed)
    names = [f"tuner_{b}" for b in rng.sample(BELLS, 4)]
    files = {f"src/{k}": v for k, v in sources(names, seed, 5).items()}
    files["src/tune.c"] = ('#include <stdio.h>\n#include <stdlib.h>\n#include "partials.h"\n'
                           'int main(int argc, char **argv)\n{\n    double hz = argc > 1 ? atof(argv[1]) : 440.0;\n'
                           '    printf("%.2f\\n", hum_of(hz));\n    return hz > 1000.0;\n}\n')
    files["src/partials.h"] = "#define hum_of(hz) ((hz) / 2.0)\n"
    tests = []
    for k in range(n_tests):
        hz = rng.choice([220, 330, 440, 523, 880] if fault in ("ok", "leftover") else [220, 330, 440, 523, 880, 1320, 1760])
        t = f"tests/strike_{k:02d}.sh"
        tests.append(t)
        files[t] = f"#!/bin/sh\n./src/tune {hz} > /dev/null\n"
        if fault == "leftover" and k % 7 == 3:
            files[t] = f"#!/bin/sh\n./src/tune {hz} > strike_{k:02d}.hum\n"
    files["configure.ac"] = (f"AC_INIT([tuners], [3.{seed % 100}])\nAM_INIT_AUTOMAKE([foreign subdir-objects])\n"
                             "AC_PROG_CC\nAC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
    hdrs = "" if fault == "header" else "noinst_HEADERS = src/partials.h " + " ".join(f"src/{n}.h" for n in names)
    if fault == "header":
        hdrs = "noinst_HEADERS = " + " ".join(f"src/{n}.h" for n in names)
    files["Makefile.am"] = ("bin_PROGRAMS = src/tune\nsrc_tune_SOURCES = src/tune.c "
                            + " ".join(f"src/{n}.c" for n in names) + "\n" + hdrs + "\n"
                            + "TESTS = " + " ".join(tests) + "\n"
                            + ("EXTRA_DIST = $(TESTS)\n" if fault != "tests-missing" else "")
                            + ("XFAIL_TESTS = tests/strike_00.sh\n" if fault == "xfail" else ""))
    cm.write_tree(root, files)
    for t in tests:
        (root / t).chmod(0o755)


def cap_distcheck(tmp: Path) -> None:
    if not cm.have("autoreconf", "make-distcheck"):
        return
    for seed, n_tests, fault in ((40016, 14, "fail"), (40017, 6, "header"), (40018, 40, "tests-missing"),
                                 (40019, 24, "xfail"), (40021, 30, "leftover"), (40022, 260, "ok")):
        root = tmp / f"distcheck{seed}"
        distcheck_project(root, seed, n_tests, fault)
        cm.run("autoreconf -fi && ./configure -q", cwd=root, timeout=300)
        add(f"distcheck-tuners-{seed}", "make distcheck", cm.run("make -j1 distcheck", cwd=root, timeout=600),
            n_distcheck)


# ------------------------------------------------------------------ pkg-config

PC = {
    "bronze.pc": "prefix=/opt/foundry\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: bronze\n"
                 "Description: Bell bronze alloy tables\nVersion: 2.1.0\nLibs: -L${libdir} -lbronze\n"
                 "Cflags: -I${includedir}/bronze\n",
    "clapper.pc": "prefix=/opt/foundry\nlibdir=${prefix}/lib\n\nName: clapper\nDescription: Clapper dynamics\n"
                  "Version: 1.4.2\nRequires: bronze >= 3.0\nLibs: -L${libdir} -lclapper\nCflags: -I${prefix}/include\n",
    "tuner.pc": "prefix=/opt/foundry\nName: tuner\nDescription: Bell tuning partials\nVersion: 0.9\n"
                "Requires: clapper, temper\nRequires.private: hammer >= 1\nLibs: -L${prefix}/lib -ltuner\n",
    "mould.pc": "prefix=/opt/foundry\nName: mould\nDescription: Loam mould geometry\n"
                "Libs: -L${prefix}/lib -lmould\nCflags: -I${undefined_dir}/mould\n",
    "carillon.pc": "prefix=/opt/foundry\nName: carillon\nDescription: Carillon keyboard\nVersion: 5.0\n"
                   "Requires: bronze\nConflicts: bronze < 2.5\nLibs: -lcarillon\n",
    "sanctus.pc": "prefix=/opt/foundry\nName: sanctus\nDescription: small bells\nVersion: 1.0\n"
                  "Requires: bronze >= 2.0 clapper = 1.4.2\nLibs: -L${prefix}/lib -lsanctus\n",
}


def cap_pkgconfig(tmp: Path) -> None:
    if not cm.have("pkg-config", "pkg-config-debug"):
        return
    pcdir = tmp / "pkgconfig"
    cm.write_tree(pcdir, PC)
    env = {"PKG_CONFIG_LIBDIR": str(pcdir), "PKG_CONFIG_PATH": None}
    for name, args in (("tuner", "--debug --print-errors --cflags --libs tuner"),
                       ("carillon", "--debug --print-errors --libs carillon"),
                       ("mould-sanctus", "--debug --print-errors --cflags mould sanctus"),
                       ("bell-missing", "--debug --print-errors --exists 'bellrope >= 2.0' bronze")):
        cmd = f"pkg-config {args}"
        add(f"pkg-config-debug-{name}", f"PKG_CONFIG_LIBDIR=$PWD/pkgconfig {cmd}", cm.run(cmd, cwd=tmp, env=env, timeout=60),
            n_pkgconfig)


# ------------------------------------------------------------------ ccache

def cap_ccache(tmp: Path) -> None:
    if not cm.have("ccache", "ccache-stats"):
        return
    root = tmp / "ccache"
    names = [f"strike_{b}" for b in BELLS[:12]]
    files = sources(names, 40020, 5)
    files["broken_tenor.c"] = "int tenor(void) { return undefined_partial + ; }\n"
    cm.write_tree(root, files)
    env = {"CCACHE_DIR": str(root / ".ccache"), "CCACHE_MAXSIZE": "50M", "CCACHE_CONFIGPATH": str(root / "ccache.conf")}
    (root / "ccache.conf").write_text("max_size = 50M\nsloppiness = time_macros\n")
    script = ("for r in 1 2 3; do for f in strike_*.c; do ccache gcc -O2 -c $f -o ${f%.c}.o; done; done; "
              "ccache gcc -c broken_tenor.c -o broken_tenor.o; ccache gcc -E strike_tenor.c -o /dev/null; "
              "ccache gcc strike_*.o -o ring_all 2>&1; ccache gcc -c strike_treble.c -M -o /dev/null; "
              "sed -i 's/100.0/99.0/' strike_ship.c strike_hand.c; for f in strike_*.c; do ccache gcc -O2 -c $f; done; "
              "ccache gcc -c -x c - </dev/null -o stdin.o; ccache gcc -c missing_bell.c")
    cm.run(script, cwd=root, env=env, timeout=300)
    for name, cmd in (("sv", "ccache -sv"), ("svv", "ccache -svv"), ("print-stats", "ccache --print-stats")):
        add(f"ccache-{name}", cmd, cm.run(cmd, cwd=root, env=env, timeout=60), n_ccache)
    env2 = {"CCACHE_DIR": str(root / ".ccache-small"), "CCACHE_MAXSIZE": "400K", "CCACHE_CONFIGPATH": str(root / "small.conf")}
    (root / "small.conf").write_text("max_size = 400K\n")
    cm.run("for g in 0 1 2 3; do for f in strike_*.c; do ccache gcc -g$g -O1 -c $f -o ${f%.c}.o; done; done; "
           "for f in strike_*.c; do ccache gcc -g3 -O1 -c $f -o ${f%.c}.o; done; ccache gcc -c broken_tenor.c; "
           "ccache gcc --version >/dev/null; ccache gcc -c strike_tenor.c strike_ship.c", cwd=root, env=env2, timeout=300)
    for name, cmd in (("small-sv", "ccache -sv"), ("small-s-x", "ccache -s; ccache -x")):
        add(f"ccache-{name}", cmd, cm.run(cmd, cwd=root, env=env2, timeout=60), n_ccache)


# ------------------------------------------------------------------ ld, ar, lddtree, objcopy/strip

def cap_binutils(tmp: Path) -> None:
    root = tmp / "bin"
    names = [f"partial_{b}" for b in BELLS[:8]]
    files = sources(names, 40030, 4)
    files["hum.c"] = "double partial_tenor_bronze_0(double m) { return m; }\nint common_strikes;\n"
    files["prime.c"] = ("int common_strikes;\nextern double quint_ratio(double);\n"
                        "double prime(double m) { return quint_ratio(m) * 2; }\n")
    files["tune.cpp"] = ('#include <iostream>\n#include <cmath>\nextern "C" double prime(double);\n'
                         'int main() { std::cout << std::sqrt(prime(2.0)) << std::endl; }\n')
    files["main.c"] = ('#include <stdio.h>\nextern double prime(double);\nextern double tierce_of(int);\n'
                       'int main(void) { printf("%f %f\\n", prime(1.0), tierce_of(3)); return 0; }\n')
    cm.write_tree(root, files)
    cm.run("for f in *.c; do gcc -fcommon -fPIC -c $f; done; "
           "ar rcU libpartials.a partial_*.o && ar qU libpartials.a partial_tenor.o partial_treble.o && "
           "ar rcU libhum.a hum.o prime.o", cwd=root, timeout=200)
    # ld --verbose
    for name, cmd in (("undefined", "gcc -o ring main.o -L. -lpartials -lhum -Wl,--verbose"),
                      ("missing-lib", "gcc -o ring main.o prime.o -L. -lpartials -lbellrope -lm -Wl,--verbose")):
        add(f"ld-verbose-{name}", cmd, cm.run(cmd, cwd=root, timeout=120), n_ld_verbose)
    # ld --trace
    for name, cmd in (("multiple", "gcc -o ring main.o hum.o partial_tenor.o prime.o -L. -lpartials -Wl,--trace -Wl,--warn-common"),
                      ("archives", "gcc -o ring main.o -L. -Wl,--whole-archive -lpartials -Wl,--no-whole-archive -lhum -lm -Wl,--trace")):
        add(f"ld-trace-{name}", cmd, cm.run(cmd, cwd=root, timeout=120), n_ld_trace)
    # ar
    for f in ("partial_bourdon.o", "partial_curfew.o"):
        (root / f).chmod(0o600)
    cm.run("ar rU libpartials.a partial_bourdon.o partial_curfew.o; head -c 1500 libpartials.a > libtruncated.a; "
           "printf '!<arch>\\nnot a member header at all\\n' > libbogus.a; cp hum.c libhumc.a", cwd=root, timeout=60)
    add("ar-tv-partials", "ar tv libpartials.a", cm.run("ar tv libpartials.a", cwd=root, timeout=60), n_ar)
    cmd = ("ar tv libpartials.a; ar tv libtruncated.a; ar t libbogus.a; ranlib libhumc.a; "
           "ar x libpartials.a partial_ship.o; ar d libhum.a quint.o; ar tv libhum.a")
    add("ar-tv-broken", cmd, cm.run(cmd, cwd=root, timeout=60), n_ar)
    # lddtree on broken rpaths
    if cm.have("lddtree", "lddtree"):
        cm.run("mkdir -p lib opt/lib && gcc -shared -o lib/libpartials.so partial_*.o && "
               "gcc -shared -o opt/lib/libhum.so hum.o prime.o -Wl,-rpath,/opt/foundry/lib -L lib -lpartials && "
               "gcc -shared -o lib/libquint.so -x c - <<'EOF'\ndouble quint_ratio(double m){return m*1.5;}\n"
               "double tierce_of(int n){return n*1.2;}\nEOF\n"
               "gcc -o ring main.o -L opt/lib -L lib -lhum -lquint -lpartials -Wl,-rpath,'$ORIGIN/../libs' && "
               "gcc -o ring_ok main.o -L opt/lib -L lib -lhum -lquint -lpartials -lm "
               "-Wl,-rpath,$PWD/lib:$PWD/opt/lib && "
               "g++ -o tune_cxx tune.cpp -L opt/lib -L lib -lhum -lquint -lpartials -lm "
               "-Wl,-rpath,/opt/foundry/lib:$PWD/lib -Wl,--enable-new-dtags", cwd=root, timeout=120)
        for name, cmd in (("three", "lddtree ring ring_ok tune_cxx"), ("all-cxx", "lddtree -a tune_cxx opt/lib/libhum.so"),
                          ("loop", 'for b in ring ring_ok tune_cxx opt/lib/libhum.so lib/libquint.so; do echo "== $b"; lddtree -a $b; done')):
            add(f"lddtree-{name}", cmd, cm.run(cmd, cwd=root, timeout=60, env={"PATH": "/usr/bin:/bin"}), n_lddtree)
    # objcopy / strip on wrong inputs
    cmds = [("strip-mixed", "for f in *.o hum.c ring_ok missing_clapper.o libbogus.a ring.c; do strip -v --strip-debug $f; done"),
            ("objcopy-wrong", "objcopy -v --only-keep-debug hum.c hum.debug; objcopy -O elf99-bell ring_ok ring.bin; "
                              "objcopy --add-section .tuning=tuning.bin ring_ok ring_tuned; "
                              "objcopy -v --rename-section .text ring_ok ring_renamed; "
                              "objcopy -v --strip-debug libpartials.a libpartials-stripped.a; "
                              "objcopy --set-section-flags .bss=alloc,rom,weird ring_ok out.o"),
            ("strip-archive", "strip -v --strip-unneeded libpartials.a libtruncated.a; strip -K quint_ratio -v -o /nonexistent/dir/ring ring_ok")]
    for name, cmd in cmds:
        add(f"objcopy-strip-{name}", cmd, cm.run(cmd, cwd=root, timeout=120), n_objcopy)


# ------------------------------------------------------------------ CMake presets

def presets_project(root: Path, presets: str, n_src: int) -> None:
    names = [f"bell_{b}" for b in BELLS[:n_src]]
    files = sources(names, 40040, 3)
    files["CMakeLists.txt"] = ("cmake_minimum_required(VERSION 3.20)\nproject(carillon C)\n"
                               "add_library(bells " + " ".join(f"{n}.c" for n in names) + ")\n"
                               "if(NOT DEFINED TUNING_TABLE)\n  message(WARNING \"TUNING_TABLE not set, using equal temperament\")\nendif()\n"
                               "if(FOUNDRY_STRICT)\n  message(FATAL_ERROR \"FOUNDRY_STRICT: tuning table ${TUNING_TABLE} not found\")\nendif()\n")
    files["CMakePresets.json"] = presets
    cm.write_tree(root, files)


def _preset(name, **kw):
    import json as _j
    d = {"name": name, **kw}
    return _j.dumps(d)


def cap_presets(tmp: Path) -> None:
    if not cm.have("cmake", "cmake-presets"):
        return
    good = []
    for k, b in enumerate(BELLS[:14]):
        good.append(_preset(f"{b}-{'rel' if k % 2 else 'dbg'}", displayName=f"{b.title()} bell ({'Release' if k % 2 else 'Debug'})",
                            generator="Ninja" if k % 3 else "Unix Makefiles", binaryDir="${sourceDir}/build/${presetName}",
                            cacheVariables={"CMAKE_BUILD_TYPE": "Release" if k % 2 else "Debug",
                                            "TUNING_TABLE": f"tables/{b}.csv"}))
    good.append(_preset("strict", inherits="tenor-dbg", cacheVariables={"FOUNDRY_STRICT": "ON"}))
    builds = [_preset("tenor-dbg", configurePreset="tenor-dbg"), _preset("strict", configurePreset="strict")]
    tests = [_preset("tenor-dbg", configurePreset="tenor-dbg", output={"outputOnFailure": True})]
    head = '{\n "version": 6,\n "cmakeMinimumRequired": {"major": 3, "minor": 21, "patch": 0},\n'
    ok = head + ' "configurePresets": [\n  ' + ",\n  ".join(good) + '\n ],\n "buildPresets": [\n  ' + \
        ",\n  ".join(builds) + '\n ],\n "testPresets": [\n  ' + ",\n  ".join(tests) + "\n ]\n}\n"
    cases = {
        # version 6 needs CMake 3.25: a list that works, and a configure that fails in CMakeLists
        "list-ok": (ok, "cmake --list-presets=all"),
        "strict-fatal": (ok, "cmake --preset strict"),
        "inherits-unknown": (head.replace('"version": 6', '"version": 3') + ' "configurePresets": [\n  '
                             + ",\n  ".join(good[:5] + [_preset("treble-asan", inherits="treble-dbug",
                                                                cacheVariables={"CMAKE_C_FLAGS": "-fsanitize=address"})])
                             + "\n ]\n}\n", "cmake --list-presets"),
        "duplicate": (head + ' "configurePresets": [\n  ' + ",\n  ".join(good[:4] + good[2:3]) + "\n ]\n}\n",
                      "cmake --preset tenor-dbg"),
        "version-too-new": (head.replace('"version": 6', '"version": 11') + ' "configurePresets": [\n  '
                            + ",\n  ".join(good[:3]) + "\n ]\n}\n", "cmake --list-presets"),
        "no-such-build": (ok, "cmake --build --preset sanctus-rel; cmake --preset ship-dbg -DTUNING_TABLE= && "
                              "cmake --build --preset tenor-dbg"),
        "bad-json": (ok.replace('"binaryDir"', 'binaryDir', 1), "cmake --preset tenor-dbg"),
    }
    base = tmp / "presets"
    for i, (name, (body, cmd)) in enumerate(cases.items()):
        presets_project(base / name, body, 3 + 2 * i)
    for name in ("list-ok", "strict-fatal", "no-such-build"):
        add(f"cmake-presets-{name}", cases[name][1], cm.run(cases[name][1], cwd=base / name, timeout=300), n_presets)
    loop = 'for d in */; do echo "== $d"; (cd "$d" && cmake --list-presets); done'
    add("cmake-presets-list-loop", loop, cm.run(loop, cwd=base, timeout=300), n_presets)
    loop = 'for d in bad-json duplicate inherits-unknown version-too-new list-ok; do echo "== $d"; (cd "$d" && cmake --preset tenor-dbg); done'
    add("cmake-presets-configure-loop", loop, cm.run(loop, cwd=base, timeout=300), n_presets)


# ------------------------------------------------------------------ conan 2, local recipes only

CONANFILE_LIB = '''
from conan import ConanFile


class {cls}(ConanFile):
    name = "{name}"
    version = "{version}"
    settings = "os", "compiler", "build_type", "arch"
    exports_sources = "*.c", "*.h"
{requires}
    def build(self):
        for src in {srcs!r}:
            self.run(f"gcc -O2 -fPIC -c {{self.source_folder}}/{{src}} -I{{self.source_folder}}")
        self.run("ar rcs lib{name}.a *.o")

    def package(self):
        from conan.tools.files import copy
        copy(self, "*.h", self.source_folder, self.package_folder + "/include")
        copy(self, "*.a", self.build_folder, self.package_folder + "/lib")

    def package_info(self):
        self.cpp_info.libs = ["{name}"]
'''

TEST_PKG = '''
from conan import ConanFile


class TestBell(ConanFile):
    settings = "os", "compiler", "build_type", "arch"

    def requirements(self):
        self.requires(self.tested_reference_str)

    def test(self):
        self.run("false  # ring test: {msg}")
'''


def conan_lib(root: Path, name: str, version: str, n_src: int, seed: int, requires: list[str], broken: bool = False,
              test_pkg: str | None = None) -> None:
    names = [f"{name}_{b}" for b in random.Random(seed).sample(BELLS, n_src)]
    files = sources(names, seed, 6)
    if broken:
        files[f"{names[0]}.c"] += "\ndouble cast_{0}(double t) {{ return t * pour_temperature( ; }}\n".format(name)
        files[f"{names[-1]}.c"] += "\nstatic int unused_riser;\nint vent(int x) { return x + undeclared_vents; }\n"
    req = "".join(f'    requires = "{r}"\n' for r in requires[:1]) + \
        ("    def requirements(self):\n" + "".join(f'        self.requires("{r}")\n' for r in requires[1:]) if len(requires) > 1 else "")
    files["conanfile.py"] = CONANFILE_LIB.format(cls=name.title().replace("_", ""), name=name, version=version,
                                                 requires=req, srcs=[f"{n}.c" for n in names])
    if test_pkg:
        files["test_package/conanfile.py"] = TEST_PKG.format(msg=test_pkg)
    cm.write_tree(root, files)


def cap_conan(tmp: Path) -> None:
    conan = VENV / "bin" / "conan"
    if not conan.exists():
        cm.note("skip conan: not installed")
        return
    home = tmp / "conan-home"
    env = {"CONAN_HOME": str(home), "PATH": f"{VENV}/bin:" + os.environ.get("PATH", "")}
    cm.run(f"{conan} profile detect && {conan} remote remove conancenter", cwd=tmp, env=env, timeout=120)
    c = str(conan)
    root = tmp / "conan"
    conan_lib(root / "bellmetal", "bellmetal", "1.0", 4, 40050, [])
    conan_lib(root / "bellmetal11", "bellmetal", "1.1", 2, 40051, [])
    conan_lib(root / "clapper", "clapper", "0.3", 5, 40052, ["bellmetal/1.0"], broken=True)
    conan_lib(root / "yoke", "yoke", "2.0", 3, 40053, ["bellmetal/1.1"], test_pkg="yoke bolts loose")
    conan_lib(root / "carillon", "carillon", "5.0", 16, 40055, ["bellmetal/1.0"])
    conan_lib(root / "tuner", "tuner", "0.9", 8, 40054, ["bellmetal/[>=1.0 <2]", "clapper/0.3", "wheel/4.2"])
    steps = [
        ("create", "bellmetal", f"{c} create bellmetal", "conan create bellmetal"),
        ("create", "bellmetal11", f"{c} create bellmetal11 -s build_type=Debug", "conan create bellmetal11 -s build_type=Debug"),
        ("create", "clapper", f"{c} create clapper --build=missing", "conan create clapper --build=missing"),
        ("create", "yoke", f"{c} create yoke --build=missing", "conan create yoke --build=missing"),
        ("create", "carillon", f"{c} create carillon --build=missing -s build_type=RelWithDebInfo",
         "conan create carillon --build=missing -s build_type=RelWithDebInfo"),
        ("install", "wheel-missing", f"{c} install --requires=wheel/4.2 --requires=carillon/5.0",
         "conan install --requires=wheel/4.2 --requires=carillon/5.0"),
        ("install", "tuner", f"{c} install tuner --build=missing", "conan install tuner --build=missing"),
        ("install", "conflict", f"{c} install --requires=yoke/2.0 --requires=bellmetal/1.0 --build=missing",
         "conan install --requires=yoke/2.0 --requires=bellmetal/1.0 --build=missing"),
        ("install", "bellmetal-1.0", f"{c} install --requires=bellmetal/1.0 -g CMakeDeps -g PkgConfigDeps -of out",
         "conan install --requires=bellmetal/1.0 -g CMakeDeps -g PkgConfigDeps -of out"),
    ]
    for verb, name, cmd, typed in steps:
        ext = n_conan_create if verb == "create" else n_conan_install
        add(f"conan-{verb}-{name}", typed, cm.run(cmd, cwd=root, env=env, timeout=400), ext)


STEPS = [cap_pkgconfig, cap_ccache, cap_binutils, cap_presets, cap_autotools, cap_distcheck, cap_conan]


def ensure_tools() -> None:
    if not (VENV / "bin" / "conan").exists():
        cm.run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q conan", env=cm.PIP_ENV, timeout=900)
    for t in ("autoreconf", "libtoolize", "ccache", "lddtree", "pkg-config", "cmake", "ar", "objcopy"):
        cm.have(t, t)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide400", sys.modules["__main__"])
    main()
