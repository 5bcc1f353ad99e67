#!/usr/bin/env python3
"""Capture round 791 of the compression corpus: GNU build-system tools in forms the corpus lacks (automake
--add-missing and autoconf -Wall run by hand, autoconf --trace, ifnames, libtool --mode=compile / --mode=install run by
hand, libtool --config / --features, pkg-config --modversion loops, pkg-config --validate, make -d excerpts, m4
--debug/--trace), beside kinds it has (autoreconf-warnings, config-log, configure-error, libtool-link, make-trace,
m4-error, pkg-config-print-errors), on `tinsmiths`, a tinsmith's shop in C (tinplate, seams, snips, solder) written
here with real faults put in. The needle rules are NEEDLES.md's "Round 791", fixed before capture and applied by the
extractors below. Nothing captured here was compressed.

Tools:   Debian's autoconf 2.71, automake 1.16.5, libtool 2.4.7 (libtool + libtool-bin), pkgconf 1.8.1 (as
         pkg-config), GNU m4 1.4.19, GNU make 4.3, gcc 12.2.0
         (apt-get install -y autoconf automake libtool libtool-bin pkg-config m4).
Usage:   .venv/bin/python scripts/corpus/capture_wide791.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide791.json, ids prefixed "wide791-".
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
from capture_data import rule4  # noqa: E402
from capture_wide400 import ERR, WARN, errs, last_nonblank, n_autoreconf, n_config_log, n_libtool, shape  # noqa: E402
from capture_wide53_build import n_configure, n_pkg_config  # noqa: E402
from capture_wide34_native import N_MAKE_TRACE  # noqa: E402
from capture_wide48_script import N_M4  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide791-"
DEFAULT_OUT = HERE / "data" / "wide791.json"
TMP = Path(os.environ.get("HM_WIDE791_TMP", "/dev/shm/hm-corpus-wide791-run"))
TOOLS = Path(os.environ.get("HM_WIDE791_TOOLS", "/dev/shm/hm-corpus-wide791"))

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ================================================================== extractors (NEEDLES.md, round 791)

FILE_AT = re.compile(r"^\s*([^\s:]+):\d+[:.]")


def _exit(lines):
    return [ln for ln in lines if re.match(r"^(EXIT|rc)=\d+$", ln.strip())]


def _fkey(ln):
    m = FILE_AT.match(ln)
    return m.group(1) if m else ""


def _warns(lines, key=_fkey):
    return cm.groups((shape(ln) + "\0" + key(ln), ln) for ln in lines if WARN.search(ln) and not ERR.search(ln))


@cm.kind("automake-add-missing", "build")
def n_automake(lines):
    """every error line (required file … not found included), warnings one any per (shape, file), every `installing '…'` line, the last non-blank line"""
    out = [ln for ln in lines if ERR.search(ln) or re.search(r"required file .* not found", ln)]
    return out + _warns(lines) + [ln for ln in lines if "installing '" in ln] + last_nonblank(lines) + _exit(lines)


@cm.kind("autoconf-wall", "build")
def n_autoconf_wall(lines):
    """every error line and the configure.ac:N: location within 6 after when it names none, warnings one any per (shape, file), the last non-blank line"""
    out = []
    for i, ln in enumerate(lines):
        if ERR.search(ln):
            out.append(ln)
            if not re.search(r"\S+\.(ac|m4|in):\d+", ln):
                at = cm.next_match(lines, i, r"\S+\.(ac|m4|in):\d+")
                if at:
                    out.append(at)
    return out + _warns(lines) + last_nonblank(lines) + _exit(lines)


TRACE_KEEP = re.compile(r"\b(AC_INIT|AC_CONFIG_FILES|AC_CONFIG_HEADERS|AC_CONFIG_SRCDIR|AC_CONFIG_MACRO_DIRS?|"
                        r"AM_INIT_AUTOMAKE|LT_INIT|PKG_CHECK_MODULES|AC_CHECK_LIB)\b")
TRACE_LINE = re.compile(r"^[^:\s]+:\d+:([A-Za-z_][A-Za-z0-9_]*)")


@cm.kind("autoconf-trace", "listing")
def n_autoconf_trace(lines):
    """every line tracing AC_INIT/AC_CONFIG_FILES/AC_CONFIG_HEADERS/AC_CONFIG_SRCDIR/AC_CONFIG_MACRO_DIR(S)/AM_INIT_AUTOMAKE/LT_INIT/PKG_CHECK_MODULES/AC_CHECK_LIB; other traced macros one any per macro name; every error line"""
    out, pairs = [], []
    for ln in lines:
        m = TRACE_LINE.match(ln)
        if m and TRACE_KEEP.fullmatch(m.group(1)):
            out.append(ln)
        elif m:
            pairs.append((m.group(1), ln))
    return errs(lines) + out + cm.groups(pairs) + _exit(lines)


CONFIG_ID = re.compile(r"^(HAVE_|ENABLE_|WITH_|USE_|TIN_|SIZEOF_|STDC_|_GNU_SOURCE)")


@cm.kind("ifnames", "listing")
def n_ifnames(lines):
    """every line whose identifier looks like a configure result (HAVE_/ENABLE_/WITH_/USE_/TIN_/SIZEOF_/STDC_/_GNU_SOURCE); rule 4 on the number of files: the lines with the fewest and the most"""
    rows = []
    for ln in lines:
        parts = ln.split()
        if len(parts) >= 2 and re.match(r"^[A-Za-z_]\w*$", parts[0]):
            rows.append((ln, {"files": len(parts) - 1}))
    out = [ln for ln, _ in rows if CONFIG_ID.match(ln)]
    return errs(lines) + out + (rule4(rows, nums=("files",)) if rows else []) + _exit(lines)


@cm.kind("libtool-mode-compile", "build")
def n_lt_compile(lines):
    """every error line with its file:line:col (on it or within 6 after), warnings one any per (shape, file), the `libtool: compile:` line nearest above each error, the last non-blank line"""
    out = []
    for i, ln in enumerate(lines):
        if ERR.search(ln):
            out.append(ln)
            if not re.search(r"\S+:\d+:\d+", ln):
                at = cm.next_match(lines, i, r"\S+:\d+:\d+")
                if at:
                    out.append(at)
            for k in range(i - 1, -1, -1):
                if lines[k].startswith("libtool: compile:"):
                    out.append(lines[k])
                    break
    return out + _warns(lines) + last_nonblank(lines) + _exit(lines)


@cm.kind("libtool-mode-install", "build")
def n_lt_install(lines):
    """every error line, warnings one any per shape, every `libtool: install:` line installing a .la/.so*/.a, `Libraries have been installed in:` and the directory after, the last non-blank line"""
    out = errs(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("libtool: install:") and re.search(r"\.(la|a)\b|\.so(\.\d+)*\b", ln):
            out.append(ln)
        if "Libraries have been installed in:" in ln:
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out + _warns(lines, key=lambda ln: "") + last_nonblank(lines) + _exit(lines)


LT_VARS = re.compile(r"^(host|build_libtool_libs|build_old_libs|pic_flag|objdir|shlibpath_var|library_names_spec|"
                     r"soname_spec|macro_version|CC|LTCC)=")


@cm.kind("libtool-config", "listing")
def n_lt_config(lines):
    """the host/build_libtool_libs/build_old_libs/pic_flag/objdir/shlibpath_var/library_names_spec/soname_spec/macro_version/CC/LTCC lines, every enable|disable shared|static line, the `host:` line of --features, every error line"""
    out = [ln for ln in lines if LT_VARS.match(ln.strip()) or re.match(r"^(enable|disable) (shared|static)", ln.strip())
           or re.match(r"^host:", ln.strip())]
    return errs(lines) + out + _exit(lines)


PC_EXTRA = re.compile(r"No package|Requested|required by|conflict")


@cm.kind("pkg-config-modversion", "pkg")
def n_pc_modversion(lines):
    """every error line (and No package/Requested/required by/conflict lines), every bare version line and flags line with the `== ` header above it, the EXIT=/rc= lines"""
    out = [ln for ln in lines if ERR.search(ln) or PC_EXTRA.search(ln)]
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.fullmatch(r"\d+(\.\w+)*", s) or re.match(r"^-[lLID]\S", s):
            out.append(ln)
            h = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].startswith("== ")), None)
            if h:
                out.append(h)
    return out + _exit(lines)


PC_PROBLEM = re.compile(r"(?i)missing|duplicate|has no|is not|parse|error|invalid|not found")


@cm.kind("pkg-config-validate", "pkg")
def n_pc_validate(lines):
    """every error line and every line naming a .pc problem (missing/duplicate/has no/is not/parse), warnings one any per shape, every `== ` header directly followed by a problem line"""
    out = [ln for ln in lines if ERR.search(ln) or (PC_PROBLEM.search(ln) and not ln.startswith("== "))]
    for i, ln in enumerate(lines):
        if ln.startswith("== ") and i + 1 < len(lines) and PC_PROBLEM.search(lines[i + 1]) \
                and not lines[i + 1].startswith("== "):
            out.append(ln)
    return out + _warns(lines, key=lambda ln: "") + _exit(lines)


@cm.kind("make-d", "build")
def n_make_d(lines):
    """every error line (*** …, No rule to make target, error:), every `Must remake target` and `Prerequisite … is newer than target` line, the GNU Make version line, the last non-blank line"""
    out = [ln for ln in lines if ERR.search(ln) or "*** " in ln or "No rule to make target" in ln
           or re.search(r"Must remake target '", ln) or re.search(r"Prerequisite '.*' is newer than target", ln)
           or ln.startswith("GNU Make ")]
    return out + last_nonblank(lines) + _exit(lines)


M4TRACE = re.compile(r"^m4trace:(?:[^:\s]*:)?(?:\d+:)?\s*-(\d+)- (\w+)")


@cm.kind("m4-debug-trace", "log")
def n_m4_trace(lines):
    """every m4:file:N: error line, Warning: lines one any per shape, one any per traced macro over its m4trace: lines, the m4trace: lines at the greatest depth -N- (first 5)"""
    out = [ln for ln in lines if re.match(r"^m4:", ln) and "Warning:" not in ln]
    out += cm.groups((shape(ln), ln) for ln in lines if re.match(r"^m4:", ln) and "Warning:" in ln)
    pairs, depth = [], []
    for ln in lines:
        m = M4TRACE.match(ln)
        if m:
            pairs.append((m.group(2), ln))
            depth.append((int(m.group(1)), ln))
    out += cm.groups(pairs)
    if depth:
        top = max(d for d, _ in depth)
        out += [ln for d, ln in depth if d == top][:5]
    return out + _exit(lines)


# ================================================================== material: a tinsmith's shop

MODULES = ["tinplate", "seams", "snips", "solder", "gauge", "ledger", "rivets", "flux", "crimper", "stakes",
           "burrs", "lanterns", "funnels", "cups", "pails", "ovens"]
WARES = ["cup", "pail", "funnel", "lantern", "sconce", "grater", "sieve", "colander", "canister", "scoop",
         "dipper", "kettle", "teapot", "tray", "box", "mould"]


def c_module(name: str, seed: int, n_fn: int, fault: str = "") -> tuple[str, str]:
    rng = random.Random(seed)
    hdr = f"#ifndef TIN_{name.upper()}_H\n#define TIN_{name.upper()}_H\n"
    src = (f'#ifdef HAVE_CONFIG_H\n#include <config.h>\n#endif\n#include <stdio.h>\n#include <math.h>\n'
           f'#ifdef HAVE_TIN_FLUX_H\n#include <tin/flux.h>\n#endif\n#include "{name}.h"\n\n')
    for k in range(n_fn):
        ware = rng.choice(WARES)
        fn = f"{name}_{ware}_{k}"
        hdr += f"double {fn}(double gauge, int seams);\n"
        body = f"    double area = gauge * {rng.randint(2, 40)}.0 + seams;\n"
        if k % 3 == 1:
            body += f"#ifdef ENABLE_{name.upper()}_LOG\n    fprintf(stderr, \"{fn} %f\\n\", area);\n#endif\n"
        if k % 4 == 2:
            body += f"#if defined(USE_SOLDER_{ware.upper()}) && SIZEOF_LONG > 4\n    area *= 1.5;\n#endif\n"
        if fault == "warn" and k % 3 == 0:
            body += f"    int offcut_{k} = seams * 2;\n    unsigned snip = gauge;\n    if (snip < 0) area = 0;\n"
        if fault == "error" and k == n_fn // 2:
            body += f"    area += solder_joint_strength(seams)\n"
        if fault == "error" and k == n_fn - 1:
            body += f"    area += tinplate_gauge_{k};\n"
        src += f"double {fn}(double gauge, int seams)\n{{\n{body}    return sqrt(area);\n}}\n\n"
    hdr += "#endif\n"
    return hdr, src


def project(root: Path, seed: int, n_mod: int, n_fn: int, faults: dict) -> list[str]:
    """A tinsmiths autotools tree; `faults` names module faults ({'seams': 'error'}) and configure.ac/Makefile.am ones."""
    rng = random.Random(seed)
    mods = MODULES[:n_mod]
    files = {}
    for i, m in enumerate(mods):
        h, c = c_module(m, seed + i, n_fn, faults.get(m, ""))
        files[f"src/{m}.h"], files[f"src/{m}.c"] = h, c
    files["src/tinsmith.c"] = ('#include <stdio.h>\n' + "".join(f'#include "{m}.h"\n' for m in mods)
                               + "#ifdef HAVE_UNISTD_H\n#include <unistd.h>\n#endif\n"
                               + "int main(void)\n{\n"
                               + "".join(f'    printf("%f\\n", {m}_{random.Random(seed + i).choice(WARES)}_0(0.5, 2));\n'
                                         for i, m in enumerate(mods[:1])) + "    return 0;\n}\n")
    ac = [f"AC_INIT([tinsmiths], [1.{seed % 100}], [shop@tinsmiths.example])",
          "AC_CONFIG_SRCDIR([src/tinplate.c])", "AC_CONFIG_AUX_DIR([build-aux])", "AC_CONFIG_MACRO_DIR([m4])",
          "AM_INIT_AUTOMAKE([-Wall %s])" % faults.get("strictness", "foreign"), "AC_PROG_CC"]
    ac += faults.get("ac_extra", [])
    if faults.get("header_macro") == "obsolete":
        ac.append("AM_CONFIG_HEADER([config.h])")
    else:
        ac.append("AC_CONFIG_HEADERS([config.h])")
    if not faults.get("no_lt"):
        ac += ["AM_PROG_AR", "LT_INIT"]
    ac += ["AC_CHECK_HEADERS([unistd.h tin/flux.h])", "AC_CHECK_LIB([m], [sqrt])"]
    ac += faults.get("ac_late", [])
    ac += ["AC_CONFIG_FILES([Makefile])", "AC_OUTPUT"]
    files["configure.ac"] = "\n".join(ac) + "\n"
    am = ["ACLOCAL_AMFLAGS = -I m4", "lib_LTLIBRARIES = libtinplate.la",
          "libtinplate_la_SOURCES = " + " ".join(f"src/{m}.c src/{m}.h" for m in mods),
          "libtinplate_la_LDFLAGS = -version-info 3:1:0", "bin_PROGRAMS = tinsmith",
          "tinsmith_SOURCES = src/tinsmith.c", "tinsmith_LDADD = libtinplate.la -lm"]
    am += faults.get("am_extra", [])
    files["Makefile.am"] = "\n".join(am) + "\n"
    (root / "m4").mkdir(parents=True, exist_ok=True)
    cm.write_tree(root, files)
    return mods


# ------------------------------------------------------------------ steps

AUTOMAKE = ("aclocal -I m4 2>&1; libtoolize -qc 2>&1; autoconf 2>&1; autoheader 2>&1; "
            "automake --add-missing --copy -Wall{g} 2>&1; echo EXIT=$?")


def step_automake(tmp: Path) -> None:
    cases = [
        ("shop-small", 79101, 3, 4, {"am_extra": ["INCLUDES = -I$(srcdir)/src", "CFLAGS = -O2"]}, ""),
        ("shop-gnu", 79102, 5, 4, {"strictness": "gnu"}, " --gnu"),
        ("shop-obsolete", 79103, 4, 3, {"header_macro": "obsolete",
                                        "am_extra": ["noinst_PROGRAMS = seamtest", "seamtest_SOURCES = tests/seamtest.c",
                                                     "dist_man_MANS = tinsmith.1", "EXTRA_DIST = README.tinplate"]}, ""),
        ("shop-nolt", 79104, 8, 5, {"no_lt": True, "am_extra": ["check_PROGRAMS = gauge_check",
                                                                 "gauge_check_SOURCES = tests/gauge_check.c",
                                                                 "TESTS = gauge_check tests/seam_pull.sh",
                                                                 "INCLUDES = -I src", "LDADD = -lm"]}, ""),
    ]
    for name, seed, n_mod, n_fn, faults, g in cases:
        root = tmp / name
        project(root, seed, n_mod, n_fn, faults)
        add(f"automake-{name}", AUTOMAKE.format(g=g),
            cm.run(AUTOMAKE.format(g=g), cwd=root, timeout=300), n_automake)


def step_autoconf(tmp: Path) -> None:
    cases = [
        ("solder-undef", 79111, 3, 3, {"ac_extra": ["AC_HEADER_STDC", "AC_PROG_LIBTOOL"], "ac_late": ["AX_CHECK_SOLDER_FLUX([rosin], [], [AC_MSG_WARN([no rosin])])",
                                                    "TIN_ENABLE_SNIPS"]}, "autoconf -Wall"),
        ("seams-obsolete", 79112, 4, 3, {"ac_extra": ["AC_HEADER_STDC", "AC_HEADER_TIME", "AC_TYPE_SIGNAL",
                                                       "AC_TRY_COMPILE([#include <math.h>], [double g = sqrt(2.0);], [seams_ok=yes], [seams_ok=no])",
                                                       "AC_TRY_LINK([], [return 0;], [], [])",
                                                       "AC_PROG_LIBTOOL", "AC_CANONICAL_SYSTEM"]},
         "autoconf -Wall"),
        ("ledger-both", 79113, 6, 3, {"ac_extra": ["AC_HEADER_STDC", "AC_TRY_RUN([int main(void){return 0;}], [], [], [])",
                                                    "AC_CHECKING([for a tinsmith's bench])", "AC_WARN([gauge unset])",
                                                    "AC_ISC_POSIX", "AC_LANG_C", "AC_OUTPUT_COMMANDS([echo done])"],
                                      "ac_late": ["TIN_CHECK_LEDGER", "AX_PTHREAD([], [AC_MSG_ERROR([threads])])"]},
         "autoconf -Wall -Wobsolete"),
    ]
    for name, seed, n_mod, n_fn, faults, cmd in cases:
        root = tmp / name
        project(root, seed, n_mod, n_fn, faults)
        cm.run("aclocal -I m4 >/dev/null 2>&1; libtoolize -qc >/dev/null 2>&1; aclocal -I m4 >/dev/null 2>&1", cwd=root,
               timeout=200)
        typed = f"{cmd} 2>&1; echo EXIT=$?"
        add(f"autoconf-wall-{name}", typed, cm.run(typed, cwd=root, timeout=200), n_autoconf_wall)


TRACE = ("autoconf --trace=AC_INIT --trace=AC_CONFIG_FILES --trace=AC_CONFIG_HEADERS --trace=AC_CONFIG_SRCDIR "
         "--trace=AM_INIT_AUTOMAKE --trace=LT_INIT --trace=AC_CHECK_LIB --trace=AC_CHECK_HEADERS --trace=AC_SUBST{x}")


def step_trace_ifnames(tmp: Path) -> None:
    for name, seed, n_mod, n_fn, x in (("trace-small", 79121, 3, 3, ""),
                                       ("trace-mid", 79122, 7, 4, " --trace=AC_DEFINE_TRACE_LITERAL"),
                                       ("trace-big", 79123, 12, 5, " --trace=AC_DEFINE_TRACE_LITERAL --trace=AC_REQUIRE_AUX_FILE --trace=AM_CONDITIONAL --trace=_AM_SUBST_NOTMAKE")):
        root = tmp / name
        faults = {"ac_late": ["PKG_CHECK_MODULES([FLUX], [tinflux >= 2.1])", "AM_CONDITIONAL([WITH_LANTERNS], [test x = y])",
                              "AC_CHECK_LIB([solderjoint], [solder_joint_strength])"]} if seed != 79121 else {}
        project(root, seed, n_mod, n_fn, faults)
        cm.run("aclocal -I m4 >/dev/null 2>&1; libtoolize -qc >/dev/null 2>&1; aclocal -I m4 >/dev/null 2>&1", cwd=root,
               timeout=200)
        typed = TRACE.format(x=x) + "; echo EXIT=$?"
        add(f"autoconf-trace-{name}", typed, cm.run(typed, cwd=root, timeout=200), n_autoconf_trace)
        files = "src/*.c src/*.h" if seed != 79121 else "src/*.c src/*.h /usr/include/stdio.h /usr/include/math.h"
        add(f"ifnames-{name}", f"ifnames {files}", cm.run(f"ifnames {files}", cwd=root, timeout=60), n_ifnames)


def step_libtool(tmp: Path) -> None:
    for name, seed, n_mod, n_fn, faults in (
            ("snips", 79131, 3, 4, {"snips": "error"}),
            ("seams", 79132, 6, 5, {"seams": "warn", "gauge": "error", "ledger": "warn"}),
            ("burrs", 79133, 12, 6, {"seams": "warn", "solder": "error", "rivets": "error", "burrs": "warn",
                                     "lanterns": "warn"})):
        root = tmp / f"lt-{name}"
        mods = project(root, seed, n_mod, n_fn, faults)
        cmd = ("for f in " + " ".join(f"src/{m}.c" for m in mods)
               + "; do libtool --mode=compile gcc -Wall -Wextra -O2 -DHAVE_UNISTD_H -c $f; done; echo EXIT=$?")
        add(f"libtool-compile-{name}", cmd, cm.run(cmd, cwd=root, timeout=300), n_lt_compile)
        link = "libtool --mode=link gcc -o libtinplate.la *.lo -rpath /usr/local/lib -version-info 3:1:0 -lm"
        if name == "burrs":
            link = ("libtool --mode=link gcc -no-undefined -o libtinplate.la *.lo -rpath /usr/local/lib "
                    "-version-info 3:1:0 -lsolderjoint; " + link + "; libtool --mode=link gcc -o tinsmith "
                    "src/tinsmith.c libtinplate.la -lm; libtool --mode=link gcc -o tinsmith-static -static "
                    "src/tinsmith.c libtinplate.la libflux.la; echo EXIT=$?")
            add(f"libtool-link-{name}", link, cm.run(link, cwd=root, timeout=300), n_libtool)
        else:
            cm.run(link, cwd=root, timeout=300)
        # install into a scratch prefix
        dest = tmp / f"dest-{name}"
        inst = (f"libtool --mode=install install -c libtinplate.la {dest}/usr/local/lib/libtinplate.la; "
                f"libtool --mode=install install -c src/tinplate.lo {dest}/usr/local/lib/; "
                f"libtool --mode=install install -c libmissing_flux.la {dest}/usr/local/lib/libmissing_flux.la; "
                f"libtool --mode=finish {dest}/usr/local/lib; echo EXIT=$?")
        if name != "snips":
            (dest / "usr/local/lib").mkdir(parents=True, exist_ok=True)
        add(f"libtool-install-{name}", inst, cm.run(inst, cwd=root, timeout=200),
            n_lt_install)


def step_configure(tmp: Path) -> None:
    # a configure failing on a missing library: its output and its config.log
    root = tmp / "cfg-flux"
    project(root, 79141, 5, 3, {"ac_late": ["AC_CHECK_LIB([tinflux], [flux_apply], [], "
                                            "[AC_MSG_ERROR([libtinflux is required for soldering seams])])"]})
    cm.run("autoreconf -fi >/dev/null 2>&1", cwd=root, timeout=400)
    typed = "./configure --prefix=/opt/tinsmiths CFLAGS='-O2 -DTIN_SHOP=1' 2>&1; echo EXIT=$?"
    add("configure-flux", typed, cm.run(typed, cwd=root, timeout=400), n_configure)
    typed = "sed -n '/checking for flux_apply/,/Cache variables/p' config.log"
    add("config-log-flux-sed", typed, cm.run(typed, cwd=root), n_config_log)
    # a pkg-config check that fails with a version conflict
    root = tmp / "cfg-lantern"
    project(root, 79142, 4, 3, {"ac_late": ["PKG_CHECK_MODULES([FLUX], [tinflux >= 2.1 lanternglass])"]})
    pcdir = tmp / "pc"
    write_pc(pcdir)
    cm.run("autoreconf -fi >/dev/null 2>&1", cwd=root, timeout=400)
    typed = f"PKG_CONFIG_LIBDIR={pcdir}/good ./configure 2>&1; echo EXIT=$?"
    add("configure-lantern", typed,
        cm.run(typed, cwd=root, timeout=400), n_configure)
    typed = "grep -n -B 40 -A 20 'Package requirements' config.log"
    add("config-log-lantern-grep", typed, cm.run(typed, cwd=root), n_config_log)
    # autoreconf -Wall on a subdir tree with obsolete bits (existing kind)
    for name, seed, n_mod in (("ar-rivets", 79143, 6), ("ar-ovens", 79144, 14)):
        root = tmp / name
        project(root, seed, n_mod, 3, {"am_extra": ["INCLUDES = -I src", "noinst_LIBRARIES = libscrap.a",
                                                    "libscrap_a_SOURCES = scrap/offcut.c"],
                                       "ac_extra": ["AC_PROG_RANLIB", "AC_HEADER_STDC"]})
        add(f"autoreconf-{name}", "autoreconf -fi -Wall", cm.run("autoreconf -fi -Wall", cwd=root, timeout=400),
            n_autoreconf)
    # a configured tree built with make --trace / make -d, and its ./libtool --config
    root = tmp / "build-stakes"
    project(root, 79145, 7, 4, {"seams": "warn", "solder": "error", "stakes": "error"})
    cm.run("autoreconf -fi >/dev/null 2>&1 && ./configure -q --disable-shared >/dev/null 2>&1", cwd=root, timeout=500)
    for item, cmd, ext in (
            ("libtool-config-stakes", "./libtool --config | grep -E '^[a-z_]*(host|build|pic|objdir|shlib|spec|version|CC|LD|link_all|runpath)[a-z_]*='", n_lt_config),
            ("libtool-features-stakes", "./libtool --features; ./libtool --config | head -n 80", n_lt_config),
            ("make-trace-stakes", "make --trace -k 2>&1; echo EXIT=$?", N_MAKE_TRACE),
            ("make-d-stakes-grep", "make -d -k 2>&1 | grep -E 'Must remake|is newer than|\\*\\*\\*|error' ; echo EXIT=$?",
             n_make_d)):
        add(item, cmd, cm.run(cmd, cwd=root, timeout=400), ext)
    add("libtool-config-system", "libtool --config", cm.run("libtool --config", timeout=60), n_lt_config)


MAKEFILE = """\
CC = gcc
CFLAGS = -O2 -Wall
OBJS = {objs}

all: tinsmith manual.txt

tinsmith: $(OBJS)
\t$(CC) -o $@ $(OBJS) -lm

%.o: src/%.c src/%.h
\t$(CC) $(CFLAGS) -c $< -o $@

manual.txt: doc/manual.in
\tsed -e 's/@GAUGE@/28/' $< > $@

check: tinsmith
\t./tinsmith > seams.out
\tgrep -q lantern seams.out

clean:
\trm -f *.o tinsmith manual.txt
"""


def step_make_d(tmp: Path) -> None:
    for name, seed, n_mod, faults, cmd in (
            ("mk-cups", 79151, 3, {"cups": "error"}, "make -d -r 2>&1 | head -n 400; echo EXIT=$?"),
            ("mk-pails", 79152, 6, {"snips": "error", "flux": "warn"},
             "make -d -k check 2>&1 | grep -v '^ *Considering target file\\|^ *Trying \\|^ *Looking for\\|^ *Avoiding\\|"
             "^ *Rejecting\\|^ *No implicit rule\\|^ *Pruning\\|^ *Finished prerequisites\\|^ *No need' | tail -n 220"),
            ("mk-kettles", 79153, 10, {"solder": "error", "crimper": "error", "stakes": "warn"},
             "make -d -r -k -j1 2>&1 | tail -n 400; echo EXIT=$?")):
        root = tmp / name
        mods = project(root, seed, n_mod, 3, faults)
        if name != "mk-pails":
            mods = [m for m in mods]
        cm.write_tree(root, {"Makefile": MAKEFILE.format(objs=" ".join(f"{m}.o" for m in mods) + " tinsmith_main.o"),
                             "src/tinsmith_main.c": "int main(void) { return 0; }\n",
                             "src/tinsmith_main.h": "\n"})
        if name == "mk-cups":
            (root / "doc").mkdir(exist_ok=True)
        else:
            cm.write_tree(root, {"doc/manual.in": "Gauge @GAUGE@ tinplate.\n"})
        add(f"make-d-{name}", cmd, cm.run(cmd, cwd=root, timeout=300), n_make_d)
        if name == "mk-kettles":
            add("make-trace-kettles", "make --trace -k 2>&1; echo EXIT=$?",
                cm.run("make clean >/dev/null; make --trace -k 2>&1; echo EXIT=$?", cwd=root, timeout=300), N_MAKE_TRACE)


def write_pc(d: Path) -> None:
    pcs = {
        "good/tinflux.pc": "prefix=/opt/tin\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: tinflux\n"
                           "Description: rosin flux tables\nVersion: 1.9.3\nLibs: -L${libdir} -ltinflux\n"
                           "Cflags: -I${includedir}/tin\n",
        "good/tinplate.pc": "prefix=/opt/tin\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: tinplate\n"
                            "Description: tinplate sheet gauges\nVersion: 3.1.0\nRequires: tinflux >= 1.5\n"
                            "Requires.private: zlibtin\nLibs: -L${libdir} -ltinplate\nCflags: -I${includedir} -DTIN_GAUGE=28\n",
        "good/seams.pc": "prefix=/opt/tin\n\nName: seams\nDescription: folded and soldered seams\nVersion: 0.12\n"
                         "Requires: tinplate >= 3.0, solder\nLibs: -L${prefix}/lib -lseams\nCflags: -I${prefix}/include\n",
        "good/solder.pc": "prefix=/opt/tin\n\nName: solder\nDescription: solder alloys\nVersion: 2.4.1\n"
                          "Conflicts: tinflux < 2.0\nLibs: -L${prefix}/lib -lsolder -lm\n",
        "good/snips.pc": "prefix=/opt/tin\n\nName: snips\nDescription: aviation snips\nVersion: 1.0\n"
                         "Libs: -L${prefix}/lib -lsnips\nCflags: -I${prefix}/include/snips\n",
        "bad/lantern.pc": "prefix=/opt/tin\n\nName: lantern\nVersion: 0.3\nLibs: -L${prefix}/lib -llantern\n",
        "bad/rivets.pc": "prefix=/opt/tin\nName: rivets\nDescription: rivets\nVersion: 1.2\nVersion: 1.3\n"
                         "Libs: -L${libdir} -lrivets\nCflags: -I${includedir\n",
        "bad/crimper.pc": "Name: crimper\nDescription: crimper\nVersion 4.0\nLibs -lcrimper\nRequires: seams >=\n",
        "bad/funnel.pc": "prefix=/opt/tin\nprefix=/opt/other\nName: funnel\nDescription: funnels\nVersion: 2.0\n"
                         "Requires: tinplate > 9.0, cups\nLibs: -lfunnel\n",
        "bad/empty.pc": "\n",
    }
    cm.write_tree(d, pcs)


def step_pkgconfig(tmp: Path) -> None:
    d = tmp / "pc"
    write_pc(d)
    env = {"PKG_CONFIG_LIBDIR": f"{d}/good:{d}/bad", "PKG_CONFIG_PATH": None}
    lp = "PKG_CONFIG_LIBDIR=$PWD/good:$PWD/bad "
    loops = [
        ("modversion-few", "for p in tinflux tinplate seams lanterns; do echo \"== $p\"; pkg-config --print-errors "
                           "--modversion $p; pkg-config --print-errors --libs $p; echo rc=$?; done"),
        ("modversion-libs", "for p in tinplate seams solder snips funnel rivets crimper lantern ovens; do "
                            "echo \"== $p\"; pkg-config --print-errors --modversion $p; pkg-config --print-errors --libs "
                            "--cflags $p; echo rc=$?; done"),
        ("atleast", "for p in 'tinflux 2.0' 'tinflux 1.9' 'tinplate 3.0' 'tinplate 3.2' 'seams 0.2' 'seams 0.11' 'solder 2.4.1' 'snips 1.1' 'funnel 1.0' 'cups 1'; do set -- $p; "
                    "echo \"== $1 >= $2\"; pkg-config --print-errors --atleast-version=$2 $1; echo rc=$?; "
                    "pkg-config --modversion $1; done; pkg-config --print-errors --libs --static 'tinplate >= 4' "
                    "solder; echo EXIT=$?"),
        ("modversion-all", "for p in tinflux tinplate seams solder snips funnel rivets crimper lantern empty "
                           "ovens pails; do echo \"== $p\"; pkg-config --print-errors --modversion $p; "
                           "pkg-config --print-errors --print-requires --print-requires-private $p; "
                           "pkg-config --print-errors --static --libs $p; echo rc=$?; done"),
    ]
    for name, cmd in loops:
        add(f"pkg-config-{name}", lp + cmd, cm.run(cmd, cwd=d, env=env, timeout=60), n_pc_modversion)
    vals = [
        ("validate-bad", "for f in bad/*.pc; do echo \"== $f\"; pkg-config --validate $f; echo rc=$?; done"),
        ("validate-debug", "for f in bad/rivets.pc bad/crimper.pc good/seams.pc; do echo \"== $f\"; "
                           "pkg-config --validate --debug $f 2>&1 | grep -v '^Adding\\|^Cannot open directory'; "
                           "echo rc=$?; done"),
    ]
    for name, cmd in vals:
        add(f"pkg-config-{name}", lp + cmd, cm.run(cmd, cwd=d, env=env, timeout=60), n_pc_validate)
    cmd = "pkg-config --print-errors --cflags --libs tinplate seams funnel crimper 'snips >= 2' pails; echo EXIT=$?"
    add("pkg-config-print-errors-shop", lp + cmd, cm.run(cmd, cwd=d, env=env, timeout=60), n_pkg_config)


M4_SRC = {
    "shop.m4": """divert(-1)
define(`GAUGE', `28')
define(`WARE', `$1 of $2 gauge tinplate, $3 seams')
define(`SEAMS', `ifelse(`$1', `0', `none', `$1 folded')')
define(`LIST', `ifelse(`$#', `0', , `$#', `1', `WARE(`$1', GAUGE, SEAMS(2))', `WARE(`$1', GAUGE, SEAMS(2))
LIST(shift($@))')')
define(`COUNT', `ifelse(`$1', `0', `0', `incr(COUNT(decr($1)))')')
divert(0)dnl
Shop price list
LIST(`cup', `pail', `funnel', `lantern', `sconce', `grater', `sieve', `colander')
Seams counted: COUNT(6)
Solder: SOLDER(lead, tin)
eval(`GAUGE / 0')
include(`rivets.m4')
incr(`tin')
substr(`tinplate', `x')
""",
    "ledger.m4": """define(`ROW', `$1,$2,eval($2 * $3)')dnl
define(`TOTAL', `eval($1 + $2')dnl
ROW(cup, 12, 3)
ROW(pail, 4, 17)
ROW(funnel, 9, 5)
TOTAL(3, 4)
define(`LOOP', `LOOP')dnl
patsubst(`seams', `[')
regexp(`snips', `\\(')
format(`%d', `tin')
undefine(`NOSUCH')
""",
}


def step_m4(tmp: Path) -> None:
    root = tmp / "m4shop"
    cm.write_tree(root, M4_SRC)
    for name, cmd, ext in (
            ("trace-shop", "m4 --debug=aeqlt shop.m4 2>&1; echo EXIT=$?", n_m4_trace),
            ("trace-list", "m4 -daeq --trace=LIST --trace=WARE --trace=SEAMS shop.m4 2>&1; echo EXIT=$?", n_m4_trace),
            ("trace-ledger", "m4 --debug=aeqfl --trace=ROW --trace=TOTAL --trace=eval ledger.m4 2>&1; echo EXIT=$?",
             n_m4_trace),
            ("error-ledger", "m4 -L 50 ledger.m4 2>&1 | tail -n 40; m4 shop.m4 2>&1; echo EXIT=$?", N_M4)):
        add(f"m4-{name}", cmd, cm.run(cmd, cwd=root, timeout=60), ext)


STEPS = [step_automake, step_autoconf, step_trace_ifnames, step_libtool, step_pkgconfig, step_m4, step_make_d,
         step_configure]


def ensure_tools() -> None:
    cm.ensure_apt("libtool", "libtool-bin")
    for t in ("autoconf", "automake", "m4", "pkg-config"):
        cm.ensure_apt(t, t)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide791", sys.modules["__main__"])
    main()
