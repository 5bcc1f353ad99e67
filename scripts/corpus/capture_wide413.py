#!/usr/bin/env python3
"""Capture round 413 of the compression corpus: second samples of round 400's C and C++ build-plumbing kinds
(autoreconf -fi -Wall warnings, config.log excerpts, make distcheck, libtool links, pkg-config --debug, conan 2
create/install on local recipes, ccache statistics, ld --verbose and --trace, ar tv, lddtree, objcopy/strip, CMake
presets) on new projects of a printing works (platens, formes, compositors) written here, with other faults than
round 400's and several long outputs. No new rules: every extractor is round 400's, imported from capture_wide400
by function (NEEDLES.md's "Round 413"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide413.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide413.json  as {"version": 2, "items": [...]}, ids prefixed "wide413-".
Tools:   Debian's autoconf, automake, libtool, ccache, pax-utils (lddtree), binutils, pkgconf, cmake, ninja, gcc
         (all present); conan 2 in a venv of its own under the tools dir (no remote is used).
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide400 import (n_ar, n_autoreconf, n_ccache, n_config_log, n_conan_create,  # noqa: E402
                             n_conan_install, n_distcheck, n_ld_trace, n_ld_verbose, n_lddtree, n_libtool,
                             n_objcopy, n_pkgconfig, n_presets)

ID_PREFIX = "wide413-"
DEFAULT_OUT = HERE / "data" / "wide413.json"
TMP = Path(os.environ.get("HM_WIDE413_TMP", "/dev/shm/hm-corpus-wide413-run"))
TOOLS = Path(os.environ.get("HM_WIDE413_TOOLS", "/dev/shm/hm-corpus-wide413-tools"))
VENV = TOOLS / "venv"

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ------------------------------------------------------------------ material: a printing works

PARTS = ["platen", "forme", "compositor", "galley", "chase", "quoin", "roller", "fount", "kern", "leading",
         "furniture", "stick", "tympan", "frisket", "bed", "inkdisc", "typecase", "slug", "matrix", "proof",
         "imposition", "register", "gripper", "fly", "treadle", "flywheel", "brayer", "reglet", "sort", "ligature"]
FACES = ["caslon", "baskerville", "bodoni", "garamond", "didot", "clarendon", "gill", "plantin", "jenson", "futura"]


def sources(names, seed, n_fn, prefix_inc=""):
    files = {}
    for i, nm in enumerate(names):
        rng = random.Random(seed + i)
        faces = [rng.choice(FACES) for _ in range(n_fn)]
        files[f"{nm}.h"] = "".join(f"double {nm}_{f}_{k}(double pica);\n" for k, f in enumerate(faces))
        files[f"{nm}.c"] = f'#include "{prefix_inc}{nm}.h"\n\n' + "\n".join(
            f"double {nm}_{f}_{k}(double pica)\n{{\n    return pica * {k + 3} / 72.0 + {i}.25;\n}}\n"
            for k, f in enumerate(faces))
    return files


def pick(seed, n, pre):
    pool = PARTS if n <= len(PARTS) else [f"{p}_{f}" for p in PARTS for f in FACES]
    return [f"{pre}_{p}" for p in random.Random(seed).sample(pool, n)]


# ------------------------------------------------------------------ autotools

def cap_autoreconf(tmp: Path) -> None:
    if not cm.have("autoreconf", "autoreconf-warnings"):
        return
    # platens: obsolete macros, a _SOURCES of a program not built, a user variable overridden
    root = tmp / "platens"
    names = pick(41310, 4, "platen")
    files = {f"src/{k}": v for k, v in sources(names, 41310, 5).items()}
    files["configure.ac"] = ("AC_INIT([platens], [1.3], [press@example.com])\nAM_INIT_AUTOMAKE([-Wall foreign])\n"
                             "AM_CONFIG_HEADER([config.h])\nAC_PROG_CC\nAC_PROG_LIBTOOL\n"
                             "AC_TRY_COMPILE([#include <stdio.h>], [fputs(\"proof\", stdout);], [], "
                             "[AC_MSG_WARN([no fputs])])\nAC_HEADER_STDC\nAC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
    files["Makefile.am"] = ("ACLOCAL_AMFLAGS = -I m4\nlib_LTLIBRARIES = libplaten.la\n"
                            "libplaten_la_SOURCES = " + " ".join(f"src/{n}.c" for n in names) + "\n"
                            "CPPFLAGS = -I$(srcdir)/src\nbin_PROGRAMS = press\npress_SOURCES = src/press.c\n"
                            "impose_SOURCES = src/impose.c\nimpose_LDADD = libplaten.la\n")
    files["src/press.c"] = "int main(void) { return 0; }\n"
    cm.write_tree(root, files)
    add("autoreconf-platens", "autoreconf -fi -Wall", cm.run("autoreconf -fi -Wall", cwd=root, timeout=300),
        n_autoreconf)
    # compositors: many modules in subdirs, GNU make only constructs, a macro no m4 file defines
    root = tmp / "compositors"
    files = {}
    mk = []
    for d, seed in (("caster", 41311), ("galley", 41312), ("imposer", 41313), ("proofing", 41314)):
        names = pick(seed, 7, d)
        files.update({f"{d}/{k}": v for k, v in sources(names, seed, 3).items()})
        mk.append((d, names))
    files["configure.ac"] = ("AC_INIT([compositors], [4.1])\nAC_CONFIG_AUX_DIR([build-aux])\n"
                             "AC_CONFIG_MACRO_DIR([m4])\nAM_INIT_AUTOMAKE([-Wall foreign])\nAC_PROG_CC\n"
                             "AM_PROG_AR\nLT_INIT\nAX_CHECK_COMPILE_FLAG([-fstack-protector-strong])\n"
                             "AX_PTHREAD\nAC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
    files["Makefile.am"] = ("ACLOCAL_AMFLAGS = -I m4\nlib_LTLIBRARIES = " + " ".join(f"lib{d}.la" for d, _ in mk) + "\n"
                            + "".join(f"lib{d}_la_SOURCES = " + " ".join(f"{d}/{n}.c" for n in ns) + "\n" for d, ns in mk)
                            + "FONTS = $(wildcard fonts/*.afm)\n%.afm.o: %.afm\n\tcp $< $@\n"
                            + "proof.ps: $(FONTS)\n\tcat $^ > $@\n")
    cm.write_tree(root, files)
    (root / "m4").mkdir(exist_ok=True)
    add("autoreconf-compositors", "autoreconf -fi -Wall", cm.run("autoreconf -fi -Wall", cwd=root, timeout=300),
        n_autoreconf)
    # formes: autoreconf -v -Wall on a larger project with subdir sources, obsolete macros and a missing NEWS
    root = tmp / "formes"
    files = {}
    srcs = []
    for d, seed in (("chase", 41315), ("quoin", 41316), ("furniture", 41317), ("reglet", 41318), ("lockup", 41319)):
        names = pick(seed, 8, d)
        files.update({f"{d}/{k}": v for k, v in sources(names, seed, 2).items()})
        srcs += [f"{d}/{n}.c" for n in names]
    files["configure.ac"] = ("AC_INIT([formes], [0.8])\nAM_INIT_AUTOMAKE([-Wall gnu])\nAC_PROG_CC\nAC_PROG_RANLIB\n"
                             "AC_C_CONST\nAC_TYPE_SIGNAL\nAC_CHECK_HEADERS([sys/time.h])\nAC_HEADER_TIME\n"
                             "AC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
    files["Makefile.am"] = ("noinst_LIBRARIES = libformes.a\nlibformes_a_SOURCES = " + " \\\n\t".join(srcs) + "\n"
                            "lockup_CFLAGS = -O2\nINCLUDES = -I$(srcdir)\n")
    cm.write_tree(root, files)
    add("autoreconf-formes-verbose", "autoreconf -fiv -Wall",
        cm.run("autoreconf -fiv -Wall", cwd=root, timeout=300), n_autoreconf)


def cap_libtool(tmp: Path) -> None:
    if not cm.have("libtoolize", "libtool-link"):
        return
    for seed, n_mod, fault in ((41320, 12, "no-undefined"), (41321, 18, "multiple"), (41322, 30, "version")):
        root = tmp / f"rollers{seed}"
        names = pick(seed, n_mod, "roller")
        files = {f"src/{k}": v for k, v in sources(names, seed, 4).items()}
        ldflags = ""
        if fault == "no-undefined":
            files[f"src/{names[2]}.c"] += "extern double ink_viscosity(int);\ndouble roller_ink(int t) { return ink_viscosity(t) * 2; }\n"
            ldflags = "-no-undefined -version-info 4:0:1"
        elif fault == "multiple":
            for nm in names[:3]:
                files[f"src/{nm}.c"] += "int sheets_fed = 0;\ndouble platen_pressure(double p) { return p * 1.1; }\n"
            ldflags = "-version-info 1:2:0"
        else:
            ldflags = "-version-info 2:0:3"
        files["src/press.c"] = ('#include <stdio.h>\nextern double tympan_pack(double);\n'
                                'int main(void) { printf("%f\\n", tympan_pack(12.0)); return 0; }\n')
        files["configure.ac"] = (f"AC_INIT([rollers], [0.{seed % 100}])\nAC_CONFIG_MACRO_DIR([m4])\n"
                                 "AM_INIT_AUTOMAKE([foreign subdir-objects])\nAC_PROG_CC\nAM_PROG_AR\nLT_INIT\n"
                                 "AC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
        files["Makefile.am"] = ("ACLOCAL_AMFLAGS = -I m4\nlib_LTLIBRARIES = libroller.la libtympan.la\n"
                                "libroller_la_SOURCES = " + " ".join(f"src/{n}.c" for n in names) + "\n"
                                f"libroller_la_LDFLAGS = {ldflags}\n"
                                "libtympan_la_SOURCES = src/" + names[0] + ".c\nlibtympan_la_LIBADD = -lfrisket\n"
                                "bin_PROGRAMS = press\npress_SOURCES = src/press.c\npress_LDADD = libroller.la\n")
        cm.write_tree(root, files)
        (root / "m4").mkdir(exist_ok=True)
        cm.run("autoreconf -fi && ./configure -q", cwd=root, timeout=300)
        add(f"libtool-make-v1-rollers-{seed}", "make -j1 V=1", cm.run("make -j1 V=1", cwd=root, timeout=400), n_libtool)


def cap_config_log(tmp: Path) -> None:
    if not cm.have("autoconf", "config-log"):
        return
    cases = {
        41323: ("AC_RUN_IFELSE([AC_LANG_PROGRAM([[#include <stdio.h>]], [[FILE *f = fopen(\"/nonexistent/galley.proof\", \"r\"); "
                "return f == NULL;]])], [], [AC_MSG_ERROR([galley proofs cannot be opened: cannot run the proof test])])\n",
                "tail -n 140 config.log"),
        41324: ("AC_SEARCH_LIBS([fount_open], [fount typecase caslon hotmetal], [], "
                "[AC_MSG_ERROR([no library provides fount_open])])\n", "grep -n -B 40 -A 10 'no library provides' config.log"),
        41325: ("AC_CHECK_TYPES([struct platen_bed, kern_pair_t], [], [], [[#include <stdio.h>]])\n"
                "AC_CHECK_DECLS([ligature_table, strlcpy], [], [], [[#include <string.h>]])\n"
                "AC_CHECK_SIZEOF([long double])\nAC_CHECK_SIZEOF([off_t])\n"
                "AC_CHECK_HEADERS([" + " ".join(["stdio.h", "stdlib.h", "string.h", "unistd.h", "fcntl.h",
                                                 "sys/mman.h", "sys/stat.h", "linotype/slug.h", "monotype/caster.h",
                                                 "ink/roller.h", "termios.h", "pwd.h", "grp.h", "locale.h", "iconv.h",
                                                 "wchar.h", "langinfo.h", "fnmatch.h", "glob.h", "regex.h"]) + "])\n"
                "AC_CHECK_FUNCS([" + " ".join(["strtod", "strtoul", "memmem", "strcasestr", "getopt_long",
                                               "iconv_open", "nl_langinfo", "setlocale", "wcwidth"]
                                              + [f"impose_{p}" for p in PARTS[:14]]) + "])\n"
                "AC_CHECK_PROG([GHOSTSCRIPT], [gs-proof], [yes], [no])\n"
                "AS_IF([test \"x$GHOSTSCRIPT\" != xyes], [AC_MSG_ERROR([gs-proof is required to render proofs])])\n",
                "cat config.log"),
    }
    for seed, (body, typed) in cases.items():
        root = tmp / f"galleys{seed}"
        cm.write_tree(root, {"configure.ac": (f"AC_INIT([galleys], [1.{seed % 100}])\nAC_PROG_CC\n"
                                              "AC_CHECK_LIB([m], [floor])\n" + body + "AC_OUTPUT\n")})
        cm.run("autoconf && ./configure CFLAGS='-O1 -DGALLEY=1'", cwd=root, timeout=300)
        add(f"config-log-galleys-{seed}", typed, cm.run(typed, cwd=root, timeout=60), n_config_log)


def distcheck_project(root: Path, seed: int, n_tests: int, n_mod: int, fault: str) -> None:
    rng = random.Random(seed)
    names = pick(seed, n_mod, "proof")
    files = {f"src/{k}": v for k, v in sources(names, seed, 3).items()}
    files["src/pull.c"] = ('#include <stdio.h>\n#include <stdlib.h>\n' + ('#include "glyphs.inc"\n' if fault == "inc" else "")
                           + 'int main(int argc, char **argv)\n{\n    int pt = argc > 1 ? atoi(argv[1]) : 12;\n'
                           '    printf("%d\\n", pt);\n    if (pt == 99) return 99;\n    if (pt == 77) return 77;\n'
                           '    return pt > 72;\n}\n')
    if fault == "inc":
        files["src/glyphs.inc"] = "static const char glyphs[] = \"abcdefghij\";\n"
    tests = []
    for k in range(n_tests):
        pt = rng.choice([6, 8, 10, 12, 14, 18, 24])
        if fault == "hard" and k in (2, 5):
            pt = 99
        if fault == "hard" and k in (1, 4, 7):
            pt = 77
        if fault == "xpass" and k == 0:
            pt = 10
        t = f"tests/pull_{k:02d}.sh"
        tests.append(t)
        files[t] = f"#!/bin/sh\n./src/pull {pt} > /dev/null\n"
        if fault == "srcdir" and k % 5 == 2:
            files[t] = f"#!/bin/sh\n./src/pull {pt} > \"$srcdir/tests/pull_{k:02d}.proof\"\n"
    files["configure.ac"] = (f"AC_INIT([proofs], [2.{seed % 100}])\nAM_INIT_AUTOMAKE([foreign subdir-objects])\n"
                             "AC_PROG_CC\nAC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n")
    files["Makefile.am"] = ("bin_PROGRAMS = src/pull\nsrc_pull_SOURCES = src/pull.c "
                            + " ".join(f"src/{n}.c" for n in names) + "\n"
                            + "noinst_HEADERS = " + " ".join(f"src/{n}.h" for n in names) + "\n"
                            + "TESTS = " + " ".join(tests) + "\nEXTRA_DIST = $(TESTS)\n"
                            + "AM_TESTS_ENVIRONMENT = srcdir='$(srcdir)'; export srcdir;\n"
                            + ("XFAIL_TESTS = tests/pull_00.sh tests/pull_03.sh\n" if fault == "xpass" else "")
                            + ("install-data-local:\n\tmkdir -p /dev/shm/hm-corpus-wide413-outside\n"
                               "\tcp $(srcdir)/src/pull.c /dev/shm/hm-corpus-wide413-outside/\n"
                               "\tmkdir -p $(DESTDIR)$(datadir)/proofs\n\techo sheet > $(DESTDIR)$(datadir)/proofs/sheet.txt\n"
                               if fault == "uninstall" else ""))
    cm.write_tree(root, files)
    for t in tests:
        (root / t).chmod(0o755)


def cap_distcheck(tmp: Path) -> None:
    if not cm.have("autoreconf", "make-distcheck"):
        return
    for seed, n_tests, n_mod, fault in ((41326, 16, 4, "srcdir"), (41327, 12, 3, "hard"), (41328, 10, 3, "xpass"),
                                        (41329, 6, 3, "uninstall"), (41330, 8, 5, "inc"), (41331, 240, 56, "ok")):
        root = tmp / f"distcheck{seed}"
        distcheck_project(root, seed, n_tests, n_mod, fault)
        cm.run("autoreconf -fi && ./configure -q", cwd=root, timeout=300)
        add(f"distcheck-proofs-{seed}-{fault}", "make distcheck", cm.run("make -j1 distcheck", cwd=root, timeout=600),
            n_distcheck)
    cm.run("rm -rf /dev/shm/hm-corpus-wide413-outside")


# ------------------------------------------------------------------ pkg-config

PC_A = {
    "typecase.pc": "prefix=/opt/press\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: typecase\n"
                   "Description: Type case layouts\nVersion: 3.2.0\nLibs: -L${libdir} -ltypecase\n"
                   "Cflags: -I${includedir}/typecase\n",
    "fount.pc": "prefix=/opt/press\nName: fount\nDescription: Founts of hot metal type\nVersion 1.0\n"
                "Libs: -L${prefix}/lib -lfount\n",
    "compositor.pc": "prefix=/opt/press\nlibdir=${prefix}/lib\nName: compositor\nDescription: Hand compositor\n"
                     "Version: 2.4\nRequires: typecase >= 3\nRequires.private: kerning >= 1.1, leading\n"
                     "Libs: -L${libdir} -lcompositor\nLibs.private: -lm\nCflags: -I${prefix}/include\n",
    "galley.pc": "prefix=/opt/press\nName: galley\nDescription: Galley proofs\nVersion: 1.1\n"
                 "Requires: imposition\nLibs: -lgalley\n",
    "imposition.pc": "prefix=/opt/press\nName: imposition\nDescription: Imposition schemes\nVersion: 0.7\n"
                     "Requires: galley\nLibs: -limposition\n",
    "leading.pc": "prefix=/opt/press\nName: leading\nDescription: Lead strips\nVersion: 0.3\nLibs: -lleading\n",
    "platen.pc": "prefix=/opt/press\nfontdir=${prefix}/share/founts\nName: platen\nDescription: Platen press driver\n"
                 "Version: 5.0.1\nRequires: typecase\nLibs: -L${prefix}/lib -lplaten\nCflags: -I${prefix}/include -DFONTDIR=${fontdir}\n",
}
PC_B = {
    "typecase.pc": "prefix=/usr/local/press\nName: typecase\nDescription: Type case layouts (old)\nVersion: 2.9.1\n"
                   "Libs: -L${prefix}/lib -ltypecase\nCflags: -I${prefix}/include\n",
    "platen.pc": "prefix=/usr/local/press\nName: platen\nDescription: Platen press driver (old)\nVersion: 4.2\n"
                 "Libs: -lplaten\n",
}


def cap_pkgconfig(tmp: Path) -> None:
    if not cm.have("pkg-config", "pkg-config-debug"):
        return
    a, b = tmp / "pkgconfig" / "a", tmp / "pkgconfig" / "b"
    cm.write_tree(a, PC_A)
    cm.write_tree(b, PC_B)
    env = {"PKG_CONFIG_LIBDIR": f"{b}:{a}", "PKG_CONFIG_PATH": None}
    typed_env = "PKG_CONFIG_LIBDIR=$PWD/pkgconfig/b:$PWD/pkgconfig/a"
    for name, args in (("static-compositor", "--debug --print-errors --static --libs compositor"),
                       ("fount-colon", "--debug --print-errors --cflags --libs fount typecase"),
                       ("two-dirs", "--debug --print-errors --modversion platen typecase; "
                                    "pkg-config --debug --print-errors --atleast-version=5 platen"),
                       ("cycle-define", "--debug --print-errors --libs galley; pkg-config --debug --print-errors "
                                        "--define-variable=prefix=/srv/press --cflags platen")):
        cmd = f"pkg-config {args}"
        add(f"pkg-config-debug-{name}", f"{typed_env} {cmd}", cm.run(cmd, cwd=tmp, env=env, timeout=60), n_pkgconfig)


# ------------------------------------------------------------------ ccache

def cap_ccache(tmp: Path) -> None:
    if not cm.have("ccache", "ccache-stats"):
        return
    root = tmp / "ccache"
    names = pick(41332, 24, "sort")
    files = sources(names, 41332, 3)
    files["broken_kern.c"] = "int kern(void) { return missing_pair * ; }\n"
    cm.write_tree(root, files)
    env = {"CCACHE_DIR": str(root / ".ccache"), "CCACHE_CONFIGPATH": str(root / "ccache.conf")}
    (root / "ccache.conf").write_text("max_size = 20M\ncompression = true\ncompression_level = 3\n")
    script = ("for r in 1 2; do for f in sort_*.c; do ccache gcc -O2 -c $f -o ${f%.c}.o; done; done; "
              "ccache -z >/dev/null; CCACHE_NODIRECT=1 sh -c 'for f in sort_*.c; do ccache gcc -O2 -c $f -o ${f%.c}.o; done'; "
              "for f in sort_*.c; do ccache gcc -O0 -g -c $f -o ${f%.c}.g.o; done; "
              "ccache gcc -c broken_kern.c; ccache gcc -E sort_platen.c -o /dev/null; ccache gcc sort_*.o -o case_all; "
              "ccache gcc -c sort_kern.c sort_slug.c; ccache gcc -c no_such_sort.c; "
              "ccache gcc -c -x c - </dev/null -o stdin.o; touch *.h; for f in sort_*.c; do ccache gcc -O2 -c $f; done")
    cm.run(script, cwd=root, env=env, timeout=400)
    for name, cmd in (("sv", "ccache -sv"), ("svv", "ccache -svv"), ("print-stats", "ccache --print-stats"),
                      ("x-sv", "ccache -x; ccache -sv")):
        add(f"ccache-{name}", cmd, cm.run(cmd, cwd=root, env=env, timeout=120), n_ccache)


# ------------------------------------------------------------------ ld, ar, lddtree, objcopy/strip

def cap_binutils(tmp: Path) -> None:
    root = tmp / "bin"
    rng = random.Random(41333)
    names = sorted(f"type_{p}_{f}" for p in PARTS for f in rng.sample(FACES, 4))  # 120 objects
    files = sources(names, 41333, 3)
    files["forme.hpp"] = ("struct Forme {\n  virtual ~Forme();\n  virtual double lockup(double pica);\n"
                          "  double quoin_pressure() const;\n};\n")
    files["forme.cpp"] = '#include "forme.hpp"\ndouble Forme::lockup(double p) { return p * 2; }\n'
    files["press.cpp"] = ('#include "forme.hpp"\n#include <iostream>\nextern "C" double type_platen_caslon_0(double);\n'
                          'int main() { Forme f; std::cout << f.lockup(3) << f.quoin_pressure() << std::endl; }\n')
    files["main.c"] = ('#include <stdio.h>\nextern double chase_width(double);\nextern int sheets;\n'
                       'int main(void) { printf("%f %d\\n", chase_width(1.0), sheets); return 0; }\n')
    files["chase.c"] = "int sheets = 3;\ndouble chase_width(double m) { return m * 4; }\n"
    files["chase2.c"] = "int sheets = 4;\ndouble chase_depth(double m) { return m * 5; }\n"
    cm.write_tree(root, files)
    cm.run("for f in *.c; do gcc -fPIC -c $f; done; g++ -fPIC -c forme.cpp press.cpp; "
           "ar rcU libtype.a type_*.o && ar qU libtype.a type_kern.o type_slug.o type_matrix.o && "
           "ar rcU libchase.a chase.o chase2.o", cwd=root, timeout=300)
    # ld --verbose: a C++ link with an undefined method, a missing vtable (the key function undefined), a missing lib
    cmd = "g++ -o press press.o forme.o -L. -ltype -lformes -Wl,--verbose"
    add("ld-verbose-cxx-formes", cmd, cm.run(cmd, cwd=root, timeout=120), n_ld_verbose)
    cmd = "g++ -o press press.o forme.o -L. -ltype -Wl,--verbose"
    add("ld-verbose-cxx-vtable", cmd, cm.run(cmd, cwd=root, timeout=120), n_ld_verbose)
    # ld --trace over many objects, and --trace-symbol
    objs = " ".join(f"{n}.o" for n in names)
    cmd = f"gcc -o setall main.o chase.o {objs} -L. -ltype -lchase -lm -Wl,--trace"
    add("ld-trace-many", "gcc -o setall main.o chase.o type_*.o -L. -ltype -lchase -lm -Wl,--trace",
        cm.run(cmd, cwd=root, timeout=120), n_ld_trace)
    cmd = ("gcc -o setall main.o chase.o chase2.o -L. -Wl,--whole-archive -ltype -Wl,--no-whole-archive -lchase "
           "-Wl,--trace -Wl,--trace-symbol=sheets -Wl,--trace-symbol=chase_width")
    add("ld-trace-symbol", cmd, cm.run(cmd, cwd=root, timeout=120), n_ld_trace)
    # ar
    for f in [f"{n}.o" for n in names[5:120:60]]:
        if (root / f).exists():
            (root / f).chmod(0o640)
    cm.run("ar rU libtype.a type_*.o; ar rcT libthin.a chase.o chase2.o main.o; cp main.c libnotar.a; "
           "ar rcU libbig.a type_*.o chase.o chase2.o && ar qU libbig.a chase.o " + names[7] + ".o " + names[7] + ".o", cwd=root, timeout=60)
    add("ar-tv-big", "ar tv libbig.a", cm.run("ar tv libbig.a", cwd=root, timeout=60), n_ar)
    cmd = ("ar tv libthin.a; ar tv libtype.a; ar x libtype.a type_monotype_caslon.o; ar tv libnotar.a; "
           "ar p libchase.a chase3.o; ar tv libmissing.a")
    add("ar-tv-thin-broken", cmd, cm.run(cmd, cwd=root, timeout=60), n_ar)
    # lddtree: a DT_RUNPATH to a missing dir, a soname version not there
    if cm.have("lddtree", "lddtree"):
        cm.run("mkdir -p lib/v1 opt/lib && gcc -shared -o lib/v1/libforme.so.1 chase.o -Wl,-soname,libforme.so.1 && "
               "gcc -shared -o lib/libforme.so.2 chase.o -Wl,-soname,libforme.so.2 && ln -sf libforme.so.2 lib/libforme.so && "
               "gcc -shared -o opt/lib/libtype.so type_*.o -Wl,--enable-new-dtags -Wl,-rpath,/srv/press/lib && "
               "gcc -o pull main.o -Wl,--no-as-needed -L lib -lforme -L opt/lib -ltype -Wl,--enable-new-dtags "
               "-Wl,-rpath,$PWD/opt/lib:/srv/press/lib && rm lib/libforme.so.2 && "
               "ln -s v1/libforme.so.1 lib/libforme.so.1 && "
               "gcc -o pull_ok main.o lib/libforme.so.1 -Wl,-rpath,$PWD/lib && "
               "g++ -o press_ok press.o forme.o -x c++ - -Wl,--no-as-needed -L opt/lib -ltype -Wl,-rpath,$PWD/opt/lib <<'EOF'\n"
               "#include \"forme.hpp\"\nForme::~Forme() {}\ndouble Forme::quoin_pressure() const { return 1.5; }\nEOF\n",
               cwd=root, timeout=120)
        for name, cmd in (("three", "lddtree pull pull_ok press_ok"),
                          ("loop", 'for b in pull pull_ok press_ok opt/lib/libtype.so lib/v1/libforme.so.1; do '
                                   'echo "== $b"; lddtree -a $b; done')):
            add(f"lddtree-{name}", cmd, cm.run(cmd, cwd=root, timeout=60, env={"PATH": "/usr/bin:/bin"}), n_lddtree)
    # objcopy / strip
    cm.run("mkdir -p ro && cp chase.o pull_ok ro/ && chmod 555 ro", cwd=root, timeout=30)
    cmds = [("debuglink", "objcopy --add-gnu-debuglink=press.debug press_ok press_linked; "
                          "objcopy --redefine-syms=renames.txt chase.o chase_r.o; "
                          "objcopy -I binary -O elf64-x86-64 -B sparc main.c blob.o; "
                          "objcopy -v -I binary -O elf64-x86-64 -B i386:x86-64 main.c blob.o; "
                          "objcopy --remove-section .tympan -v pull_ok pull_nt; objcopy --only-section=.nothing -v chase.o x.o; "
                          "objcopy --update-section .text=main.c chase.o y.o; objcopy --set-start=0xzz chase.o z.o; "
                          "for f in type_p*.o; do objcopy -v --add-gnu-debuglink=${f%.o}.dbg $f ${f%.o}.linked.o; done"),
            ("strip-ro-many", "strip -v --strip-debug type_*.o chase.o chase2.o main.o press.o forme.o; strip -v ro/chase.o ro/pull_ok; strip -v libnotar.a")]
    for name, cmd in cmds:
        add(f"objcopy-strip-{name}", cmd, cm.run(cmd, cwd=root, timeout=120), n_objcopy)
    cm.run("chmod 755 ro", cwd=root, timeout=30)


# ------------------------------------------------------------------ CMake presets

def presets_project(root: Path, presets: str, n_src: int, extra: dict | None = None) -> None:
    names = pick(41334, n_src, "case")
    files = sources(names, 41334, 3)
    files["CMakeLists.txt"] = ("cmake_minimum_required(VERSION 3.21)\nproject(pressroom C)\n"
                               "add_library(cases " + " ".join(f"{n}.c" for n in names) + ")\n"
                               "if(PRESS_PROOF)\n  message(FATAL_ERROR \"PRESS_PROOF: imposition scheme ${PRESS_PROOF} is not defined\")\nendif()\n"
                               "enable_testing()\nadd_test(NAME proof_sheet COMMAND false)\n")
    files["CMakePresets.json"] = presets
    files.update(extra or {})
    cm.write_tree(root, files)


def _p(name, **kw):
    return json.dumps({"name": name, **kw})


def cap_presets(tmp: Path) -> None:
    if not cm.have("cmake", "cmake-presets"):
        return
    base_cfg = [_p("base", hidden=True, generator="Ninja", binaryDir="${sourceDir}/build/${presetName}")]
    many = []
    for k, f in enumerate(FACES):
        for bt in ("Debug", "Release"):
            many.append(_p(f"{f}-{bt.lower()}", inherits="base", displayName=f"{f.title()} face ({bt})",
                           description=f"Set {f} type in {bt} mode", cacheVariables={"CMAKE_BUILD_TYPE": bt}))
    head = '{\n "version": 6,\n'

    def doc(cfg, builds=(), tests=(), wf=(), include=None):
        s = head + (f' "include": {json.dumps(include)},\n' if include else "")
        s += ' "configurePresets": [\n  ' + ",\n  ".join(cfg) + "\n ]"
        if builds:
            s += ',\n "buildPresets": [\n  ' + ",\n  ".join(builds) + "\n ]"
        if tests:
            s += ',\n "testPresets": [\n  ' + ",\n  ".join(tests) + "\n ]"
        if wf:
            s += ',\n "workflowPresets": [\n  ' + ",\n  ".join(wf) + "\n ]"
        return s + "\n}\n"

    builds = [_p(f"{f}-debug", configurePreset=f"{f}-debug") for f in FACES] + [_p("proof", configurePreset="proofing")]
    tests = [_p(f"{f}-debug", configurePreset=f"{f}-debug", output={"outputOnFailure": True}) for f in FACES[:4]]
    wf = [_p("sheet", steps=[{"type": "configure", "name": "caslon-debug"}, {"type": "build", "name": "caslon-debug"},
                             {"type": "test", "name": "caslon-debug"}])]
    cases = {
        "list-all": (doc(base_cfg + many, builds[:-1], tests, wf), "cmake --list-presets=all", None),
        "cycle": (doc(base_cfg + many[:4] + [_p("loop-a", inherits="loop-b"), _p("loop-b", inherits="loop-a")]),
                  "cmake --list-presets", None),
        "missing-configure": (doc(base_cfg + many[:6], builds), "cmake --build --preset proof", None),
        "hidden": (doc(base_cfg + many[:4]), "cmake --preset base; cmake --preset nosuch-face", None),
        "condition": (doc(base_cfg + many[:4] + [_p("windows-only", inherits="base",
                                                    condition={"type": "equals", "lhs": "${hostSystemName}", "rhs": "Windows"})]),
                      "cmake --preset windows-only", None),
        "include-missing": (doc(base_cfg + many[:2], include=["presets/fonts.json", "presets/press.json"]),
                            "cmake --list-presets", {"presets/fonts.json": '{"version": 6, "configurePresets": [' + _p("fonts", inherits="base") + "]}\n"}),
        "workflow": (doc(base_cfg + many[:4] + [_p("strict", inherits="caslon-debug", cacheVariables={"PRESS_PROOF": "octavo"})],
                         builds[:1], tests[:1], wf + [_p("strict-sheet", steps=[{"type": "configure", "name": "strict"}])]),
                     "cmake --workflow --preset sheet; cmake --workflow --preset strict-sheet", None),
    }
    base = tmp / "presets"
    for i, (name, (body, cmd, extra)) in enumerate(cases.items()):
        presets_project(base / name, body, 4 + i, extra)
        if name in ("list-all", "hidden", "workflow"):
            add(f"cmake-presets-{name}", cmd, cm.run(cmd, cwd=base / name, timeout=400), n_presets)
    loop = ('for d in cycle missing-configure include-missing condition hidden; do echo "== $d"; '
            '(cd "$d" && cmake --preset windows-only; cmake --preset caslon-debug; cmake --build --preset proof); done')
    add("cmake-presets-configure-loop", loop, cm.run(loop, cwd=base, timeout=400), n_presets)
    loop = 'for d in */; do echo "== $d"; (cd "$d" && cmake --list-presets=all); done'
    add("cmake-presets-list-loop", loop, cm.run(loop, cwd=base, timeout=300), n_presets)


# ------------------------------------------------------------------ conan 2, local recipes only

RECIPE = '''
from conan import ConanFile
from conan.errors import ConanInvalidConfiguration


class {cls}(ConanFile):
    name = "{name}"
    version = "{version}"
    settings = "os", "compiler", "build_type", "arch"
    exports_sources = {exports!r}
{requires}{extra}
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


class TestPress(ConanFile):
    settings = "os", "compiler", "build_type", "arch"

    def requirements(self):
        self.requires(self.tested_reference_str)

    def test(self):
        self.run("echo proof pulled: {msg}")
'''


def conan_lib(root: Path, name: str, version: str, n_src: int, seed: int, requires: list[str],
              exports=("*.c", "*.h"), extra: str = "", test_pkg: str | None = None, extra_files=None) -> None:
    names = pick(seed, n_src, name)
    files = sources(names, seed, 4)
    req = "".join(f'    requires = "{r}"\n' for r in requires[:1]) + \
        ("    def requirements(self):\n" + "".join(f'        self.requires("{r}")\n' for r in requires[1:])
         if len(requires) > 1 else "")
    files["conanfile.py"] = RECIPE.format(cls=name.title().replace("_", ""), name=name, version=version,
                                          exports=list(exports), requires=req, extra=extra,
                                          srcs=[f"{n}.c" for n in names])
    files.update(extra_files or {})
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
    conan_lib(root / "typecase", "typecase", "3.2", 5, 41335, [], test_pkg="typecase 3.2 sorted")
    # the build includes kerning.inc, which exports_sources does not name
    conan_lib(root / "fount", "fount", "1.0", 4, 41336, ["typecase/3.2"], exports=("*.c", "*.h"),
              extra_files={"kerning.inc": "static const int kern_pairs = 42;\n"})
    p = root / "fount"
    first = sorted(p.glob("fount_*.c"))[0]
    first.write_text('#include "kerning.inc"\n' + first.read_text())
    conan_lib(root / "platen", "platen", "5.0", 3, 41337, ["typecase/3.2"],
              extra='    def validate(self):\n        if self.settings.build_type == "Debug":\n'
                    '            raise ConanInvalidConfiguration("platen: the treadle timing tables are not built in Debug")\n')
    conan_lib(root / "compositor", "compositor", "2.4", 36, 41338, ["typecase/[>=3.0 <4]"], test_pkg="stick emptied")
    conan_lib(root / "galley", "galley", "1.1", 3, 41339, ["typecase/[>=4.0]", "leading/0.3"])
    steps = [
        ("create", "typecase", f"{c} create typecase", "conan create typecase"),
        ("create", "fount-missing-inc", f"{c} create fount --build=missing", "conan create fount --build=missing"),
        ("create", "platen-validate", f"{c} create platen -s build_type=Debug --build=missing",
         "conan create platen -s build_type=Debug --build=missing"),
        ("create", "compositor-many", f"{c} create compositor --build=missing", "conan create compositor --build=missing"),
        ("install", "compositor-option-ignored", f"{c} install --requires=compositor/2.4 -o 'compositor/*:shared=True'",
         "conan install --requires=compositor/2.4 -o 'compositor/*:shared=True'"),
        ("install", "galley-range", f"{c} install galley --build=missing", "conan install galley --build=missing"),
        ("install", "no-binary", f"{c} install --requires=compositor/2.4 -s build_type=Debug",
         "conan install --requires=compositor/2.4 -s build_type=Debug"),
        ("install", "generators", f"{c} install --requires=compositor/2.4 --requires=typecase/3.2 -g CMakeDeps "
                                  "-g CMakeToolchain -g PkgConfigDeps -of out",
         "conan install --requires=compositor/2.4 --requires=typecase/3.2 -g CMakeDeps -g CMakeToolchain -g PkgConfigDeps -of out"),
    ]
    for verb, name, cmd, typed in steps:
        ext = n_conan_create if verb == "create" else n_conan_install
        add(f"conan-{verb}-{name}", typed, cm.run(cmd, cwd=root, env=env, timeout=500), ext)


STEPS = [cap_pkgconfig, cap_ccache, cap_binutils, cap_presets, cap_autoreconf, cap_config_log, cap_libtool,
         cap_distcheck, cap_conan]


def ensure_tools() -> None:
    cm.install_venv(VENV, "conan", ["conan"])
    for t in ("autoreconf", "libtoolize", "ccache", "lddtree", "pkg-config", "cmake", "ar", "objcopy"):
        cm.have(t, t)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
