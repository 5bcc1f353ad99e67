#!/usr/bin/env python3
"""Capture round 279 of the compression corpus: C/C++ build systems and C++ unit-test frameworks, new shapes.
waf (PyPI's waf-build), premake4 then make, qmake (Qt 5) then make, Boost.Build b2, bmake, Perforce jam, SCons's
--debug=explain and --tree=status, and the test frameworks CppUnit (TextUi), Boost.Test (HRF and XML logs), CxxTest
(ErrorPrinter) and QtTest (plain text), run on C/C++ projects of the round's own from a seeded generator, with faults
put in on purpose (compile errors, warnings, a missing header, a link error, failing tests, a crash).

The extractors are this round's (NEEDLES.md, "Round 279"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide279.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide279.json  as {"version": 2, "items": [...]}, ids prefixed "wide279-".
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide224 import exit_lines  # noqa: E402

ID_PREFIX = "wide279-"
DEFAULT_OUT = HERE / "data" / "wide279.json"
TMP = Path(os.environ.get("HM_WIDE279_TMP", "/dev/shm/hm-corpus-wide279"))
VENV = Path("/dev/shm/hm-corpus-wide279-tools/venv")

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 279")

ERR_RE = re.compile(r"\b(fatal )?error:")
LINK_RE = re.compile(r"undefined reference to|multiple definition of|cannot find -l|collect2: error:|ld returned")
WARN_RE = re.compile(r"^(\S+?):\d+(:\d+)?: warning: (.*)$")
MAKE_RE = re.compile(r"^g?make(\[\d+\])?: \*\*\*|No rule to make target")


def compiler(lines):
    """The compiler lines every build kind shares: errors, linker faults, warnings per (flag or shape, file)."""
    out: list = []
    warn: dict = {}
    for ln in lines:
        s = ln.strip()
        if ERR_RE.search(s) or LINK_RE.search(s):
            out.append(ln)
            continue
        m = WARN_RE.match(s)
        if m:
            f = re.search(r"\[(-W[^\]]+)\]\s*$", m.group(3))
            key = (f.group(1) if f else cm.mask(m.group(3)), m.group(1))
            warn.setdefault(key, []).append(ln)
    out += [cm.any_of(v) for v in warn.values()]
    return out + [ln for ln in lines if MAKE_RE.search(ln.strip())]


def _pick(lines, pat):
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


WAF_PAT = (r"-> task in '.*' failed|-> missing file|^Build failed|finished successfully|The configuration failed|"
           r"^Checking for .*: (not found|no|fail)|\bnot found\b")


@cm.kind("waf-build", "build")
def n_waf_build(lines):
    """Rules 1/3: compiler errors/link faults, warnings per (flag, file); failed-task lines, Build failed, 'X' finished successfully; EXIT=."""
    return compiler(lines) + _pick(lines, WAF_PAT) + exit_lines(lines)


@cm.kind("waf-configure", "build")
def n_waf_configure(lines):
    """Rules 1/3: as waf-build, plus Traceback/Error lines and the wscript File line within six; EXIT=."""
    out = compiler(lines) + _pick(lines, WAF_PAT)
    for i, ln in enumerate(lines):
        if re.search(r"Traceback|Error|\berror\b", ln) and not ERR_RE.search(ln):
            out.append(ln)
            pat = r'File ".*wscript", line \d+'
            loc = cm.next_match(lines, i, pat) or cm.prev_match(lines, i, pat)
            if loc:
                out.append(loc)
    return out + exit_lines(lines)


@cm.kind("premake4-make", "build")
def n_premake4_make(lines):
    """Rules 1/3: compiler lines, premake4's Building configurations.../Done./Error:, make faults, the ==== Building header of each failing project; EXIT=."""
    out = compiler(lines) + _pick(lines, r"^Building configurations\.\.\.|^Done\.$|^Error:")
    head = None
    for ln in lines:
        if re.match(r"^==== Building .* ====", ln.strip()):
            head = ln
        elif head and (ERR_RE.search(ln) or LINK_RE.search(ln)):
            out.append(head)
    return out + exit_lines(lines)


@cm.kind("qmake-make", "build")
def n_qmake_make(lines):
    """Rules 1/3: compiler lines, qmake's Project ERROR:/Project WARNING:/WARNING: lines, make faults; EXIT=."""
    return compiler(lines) + _pick(lines, r"Project ERROR:|Project WARNING:|^WARNING:") + exit_lines(lines)


@cm.kind("b2-build", "build")
def n_b2_build(lines):
    """Rules 1/3: compiler lines, every ...failed ACTION TARGET... line, b2's error: lines, the ...found/updating/failed updating/skipped/updated N targets... lines; EXIT=."""
    out = compiler(lines) + _pick(lines, r"^\.\.\.failed |^error:|^\S+\.jam:\d+: |^\.\.\.(found|updating|failed updating|skipped|updated) \d+ ")
    return out + exit_lines(lines)


@cm.kind("bmake-build", "build")
def n_bmake_build(lines):
    """Rules 1/3: compiler lines, *** Error code N / *** [T] Error code N / Stop. / bmake: stopped in / don't know how to make / bmake: fault lines; EXIT=."""
    out = compiler(lines) + _pick(lines, r"\*\*\* (\[.*\] )?Error code|^\s*Stop\.|bmake(\[\d+\])?: stopped in|"
                                         r"don't know how to make|^bmake(\[\d+\])?: ")
    return out + exit_lines(lines)


@cm.kind("jam-build", "build")
def n_jam_build(lines):
    """Rules 1/3: compiler lines, every ...failed ACTION T... and don't know how to make line, the ...found/updating/failed updating/skipped/updated N target(s)... lines; EXIT=."""
    out = compiler(lines) + _pick(lines, r"^\.\.\.failed |don't know how to make|"
                                         r"^\.\.\.(found|updating|failed updating|skipped|updated) \d+ ")
    return out + exit_lines(lines)


SCONS_PAT = r"^scons: \*\*\* |building terminated because of errors|^scons: done building targets"


@cm.kind("scons-explain", "build")
def n_scons_explain(lines):
    """Rules 1/3/4: compiler lines, scons: *** / terminated / done lines; because-lines: first, last, rare reasons; EXIT=."""
    out = compiler(lines) + _pick(lines, SCONS_PAT)
    bec = [(cm.mask(re.sub(r"^.*? because\b", "", ln)), ln) for ln in lines
           if re.match(r"^scons: (re)?building `.*' because\b", ln)]
    if bec:
        out += [bec[0][1], bec[-1][1]]
        c = Counter(k for k, _ in bec)
        if c.most_common(1)[0][1] * 2 >= len(bec):
            out += [ln for k, ln in bec if c[k] <= 2]
    return out + exit_lines(lines)


@cm.kind("scons-tree", "build")
def n_scons_tree(lines):
    """Rules 1/3/4: compiler lines, scons closing lines; the ' E = exists' header, the first tree row, rows of a rare status flag field; EXIT=."""
    out = compiler(lines) + _pick(lines, SCONS_PAT) + _pick(lines, r"^\s*E\s+= exists")
    rows = [(m.group(1), ln) for ln in lines if (m := re.match(r"^(\[[ A-Za-z]{6,}\])\s*[+|]", ln))]
    if rows:
        out.append(rows[0][1])
        c = Counter(k for k, _ in rows)
        if c.most_common(1)[0][1] * 2 >= len(rows):
            out += [ln for k, ln in rows if c[k] <= 2]
    return out + exit_lines(lines)


@cm.kind("cppunit-text", "test")
def n_cppunit_text(lines):
    """Rule 2: every N) test: line and the line after it, progress lines ending in : assertion/: error, !!!FAILURES!!!, OK (N), Run: line; EXIT=."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\d+\) test: ", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.search(r"::\S+ : (assertion|error)\s*$", ln) or re.match(r"^(!!!FAILURES!!!|OK \(\d+\))", ln) \
                or re.match(r"^Run:\s+\d+", ln):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("boost-test-hrf", "test")
def n_boost_test_hrf(lines):
    """Rules 1/2: error: in / fatal error: in lines, unknown location lines, failing test-case lines, *** summary, report lines with failed/aborted, Test module ... has failed/passed with: and its count lines; EXIT=."""
    out = []
    mod = inmod = False
    for ln in lines:
        s = ln.strip()
        count = re.match(r"^\d+ (test cases?|assertions?) out of \d+ ", s)
        if inmod and not count:
            inmod = False
        if re.search(r"(fatal )?error: in \"|unknown location|^\*\*\* (\d+ failures?|No errors)", s) \
                or re.search(r"Test case .* did not run|Leaving test case .*(fail|abort)", s):
            out.append(ln)
        elif re.match(r"^Test module \".*\" has (failed|passed) with:", s):
            out.append(ln)
            mod = inmod = True
        elif inmod and count:
            out.append(ln)
        elif mod and re.search(r"\b(failed|aborted)\b", s):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("boost-test-xml", "test")
def n_boost_test_xml(lines):
    """Rules 1/2: every <Error/<FatalError/<Exception line and the <TestCase name= line above it; report <TestCase/<TestSuite lines with result=failed/aborted; EXIT=."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"<(Error|FatalError|Exception)\b", ln):
            out.append(ln)
            tc = cm.prev_match(lines, i, r"<TestCase name=", back=len(lines))
            if tc:
                out.append(tc)
        elif re.search(r"<(TestCase|TestSuite)\b.*result=\"(failed|aborted)\"", ln):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("cxxtest-errorprinter", "test")
def n_cxxtest(lines):
    """Rule 2: Running cxxtest tests line, every In S::T: line, every FILE:LINE: Error: line, Failed N and Skipped M of T / Success rate / OK! lines; EXIT=."""
    out = _pick(lines, r"^Running cxxtest tests|^In \S+::\S+:|^\S+:\d+: Error:|^Failed \d+ and Skipped|"
                       r"^Success rate:|^OK!")
    return out + exit_lines(lines)


@cm.kind("qtest-txt", "test")
def n_qtest(lines):
    """Rules 1/2: every FAIL!/XPASS/QFATAL line and the Loc: line within six, the Actual line after a Compared values FAIL!, each Totals: and Start testing of line; EXIT=."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(FAIL!|XPASS|QFATAL)\s*:", ln):
            out.append(ln)
            loc = cm.next_match(lines, i, r"^\s+Loc: \[")
            if loc:
                out.append(loc)
            if "Compared values are not the same" in ln:
                a = cm.next_match(lines, i, r"^\s+Actual\s")
                if a:
                    out.append(a)
        elif re.match(r"^Totals: |^\*+ Start testing of ", ln):
            out.append(ln)
    return out + exit_lines(lines)

# ------------------------------------------------------------------ the material: a seeded C project

WARN_BODIES = {
    "unused": "    int scratch_{i} = {n};\n",
    "sign": "    for (int k = 0; k < len; k++) {{ if (k == (unsigned)len + {n}u) break; }}\n",
    "unsigned_cmp": "    unsigned int u_{i} = (unsigned int)len;\n    if (u_{i} < {n}u && u_{i} >= 0) acc += 1;\n",
    "format": "    if (acc == -{n}) printf(\"%d items\\n\", (long)acc);\n",
    "paren": "    if (acc = {n}) acc++;\n",
    "shadow": "    {{ int acc = {n}; (void)acc; }}\n",
}


def gen_c(root: Path, n: int, seed: int, warns: dict, errs: dict, hdr: set, link: set, src="src",
          inc="include") -> list[str]:
    """n modules src/mod_XX.c with include/mod_XX.h and src/main.c; warns {i: [kinds]}, errs {i: kind},
    hdr: modules including a missing header, link: modules calling an undefined function. Returns the .c names."""
    rnd = random.Random(seed)
    (root / src).mkdir(parents=True, exist_ok=True)
    (root / inc).mkdir(parents=True, exist_ok=True)
    words = ["parse", "encode", "decode", "hash", "merge", "split", "scan", "index", "flush", "route", "pack", "rank"]
    names = []
    for i in range(n):
        m = f"mod_{i:02d}"
        fns = [f"{rnd.choice(words)}_{m}_{k}" for k in range(rnd.randint(3, 6))]
        h = [f"#ifndef {m.upper()}_H", f"#define {m.upper()}_H", "#include <stddef.h>"]
        h += [f"long {f}(const int *buf, int len);" for f in fns] + ["#endif", ""]
        (root / inc / f"{m}.h").write_text("\n".join(h))
        c = ["#include <stdio.h>", "#include <string.h>", f'#include "{m}.h"']
        if i in hdr:
            c.append('#include "gen/config_autogen.h"')
        c.append("")
        for k, f in enumerate(fns):
            body = [f"long {f}(const int *buf, int len)", "{", "    long acc = 0;"]
            body.append(f"    for (int j = 0; j < len; j++) acc += buf[j] * {rnd.randint(2, 97)};")
            if k == 0:
                for w in warns.get(i, []):
                    body.append(WARN_BODIES[w].format(i=i, n=rnd.randint(3, 900)).rstrip("\n"))
                e = errs.get(i)
                if e == "undeclared":
                    body.append(f"    acc += total_weight_{i};")
                elif e == "type":
                    body.append(f"    struct {{ int a; }} rec_{i} = {{ 1 }};\n    acc += rec_{i};")
                elif e == "args":
                    body.append(f"    acc += {fns[-1]}(buf);")
                elif e == "semicolon":
                    body.append("    acc *= 2")
                if i in link:
                    body.append(f"    acc += compute_checksum_v2(buf, len);")
            body += ["    return acc;", "}", ""]
            c += body
        if i in link:
            c.insert(3, "long compute_checksum_v2(const int *buf, int len);")
        (root / src / f"{m}.c").write_text("\n".join(c))
        names.append(f"{m}.c")
    mainc = ["#include <stdio.h>"] + [f'#include "mod_{i:02d}.h"' for i in range(n)]
    mainc += ["int main(void)", "{", "    int buf[4] = {1, 2, 3, 4};", "    long t = 0;"]
    for i in range(n):
        first = re.search(r"long (\w+)\(", (root / inc / f"mod_{i:02d}.h").read_text()).group(1)
        mainc.append(f"    t += {first}(buf, 4);")
    mainc += ['    printf("total %ld\\n", t);', "    return 0;", "}", ""]
    (root / src / "main.c").write_text("\n".join(mainc))
    return names + ["main.c"]


def spread_warns(n: int, seed: int, every: int = 2) -> dict:
    rnd = random.Random(seed)
    kinds = list(WARN_BODIES)
    return {i: rnd.sample(kinds, rnd.randint(1, 3)) for i in range(0, n, every)}


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path

# ------------------------------------------------------------------ the build-system steps

WSCRIPT = """
top = '.'
out = 'build'

def options(opt):
    opt.load('compiler_c')

def configure(conf):
    conf.load('compiler_c')
    conf.env.append_value('CFLAGS', ['-Wall', '-Wextra', '-O1'])
{extra}
def build(bld):
    bld.stlib(source=bld.path.ant_glob('src/mod_*.c'), includes='include', target='core')
    bld.program(source='src/main.c', includes='include', use='core', target='app')
"""


def waf(tmp: Path) -> None:
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cases = [
        # id, n modules, seed, errs, hdr, link, extra configure lines, command, extractor
        ("waf-build-clean", 10, 2791, {}, set(), set(), "", "waf configure build -j2", n_waf_build),
        ("waf-build-errors", 64, 2792, {7: "undeclared", 21: "type"}, set(), set(), "",
         "waf configure build -j2 -k; echo EXIT=$?", n_waf_build),
        ("waf-build-link", 90, 2793, {}, set(), {44}, "", "waf configure build -j2 2>&1", n_waf_build),
        ("waf-build-header-tail", 60, 2794, {12: "args"}, {30}, set(), "",
         "waf configure build -j2 -k 2>&1 | tail -n 60", n_waf_build),
        ("waf-build-big", 180, 2795, {66: "semicolon", 140: "undeclared"}, {101}, set(), "",
         "waf configure build -j2 -k; echo EXIT=$?", n_waf_build),
        ("waf-configure-missing-lib", 4, 2796, {}, set(), set(),
         "    conf.check_cc(lib='m', uselib_store='M')\n    conf.check_cc(header_name='stdio.h')\n"
         "    conf.check_cc(lib='zstd_fast9', uselib_store='ZSTD')\n", "waf configure; echo EXIT=$?", n_waf_configure),
        ("waf-configure-wscript-bug", 4, 2797, {}, set(), set(),
         "    conf.check_cc(header_name='stdlib.h')\n    conf.env.DEFINES_APP = ['VERSION=%s' % APP_VERSION]\n",
         "waf configure -v 2>&1; echo EXIT=$?", n_waf_configure),
    ]
    for iid, n, seed, errs, hdr, link, extra, cmd, ext in cases:
        root = fresh(tmp / iid)
        gen_c(root, n, seed, spread_warns(n, seed, 2 if n < 100 else 3), errs, hdr, link)
        (root / "wscript").write_text(WSCRIPT.format(extra=extra))
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=300), ext)


PREMAKE = """
solution "{name}"
   configurations {{ "debug", "release" }}
   includedirs {{ "include" }}
   buildoptions {{ "-Wall", "-Wextra" }}
   project "core"
      kind "StaticLib"
      language "C"
      files {{ "src/mod_*.c" }}
   project "app"
      kind "ConsoleApp"
      language "C"
      files {{ "src/main.c" }}
      links {{ "core" }}
"""


def premake(tmp: Path) -> None:
    cases = [
        ("premake4-make-ok", 14, 2801, {}, set(), set(), "premake4 gmake && make", PREMAKE),
        ("premake4-make-errors", 40, 2802, {9: "type", 31: "undeclared"}, set(), set(),
         "premake4 gmake && make -k -j2; echo EXIT=$?", PREMAKE),
        ("premake4-make-link", 70, 2803, {}, set(), {52}, "premake4 gmake && make config=release 2>&1", PREMAKE),
        ("premake4-make-header-tail", 120, 2804, {}, {77}, set(), "premake4 gmake && make -k 2>&1 | tail -n 40", PREMAKE),
    ]
    for iid, n, seed, errs, hdr, link, cmd, script in cases:
        root = fresh(tmp / iid)
        gen_c(root, n, seed, spread_warns(n, seed), errs, hdr, link)
        (root / "premake4.lua").write_text(script.format(name=iid.replace("-", "_")))
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=300), n_premake4_make)


def qmake(tmp: Path) -> None:
    cases = [
        ("qmake-make-ok", 12, 2811, {}, set(), set(), "", "qmake && make"),
        ("qmake-make-errors", 45, 2812, {3: "args", 28: "undeclared", 40: "type"}, set(), set(), "",
         "qmake && make -k -j2; echo EXIT=$?"),
        ("qmake-make-link-tail", 80, 2813, {}, set(), {61}, "", "qmake app.pro && make 2>&1 | tail -n 50"),
        ("qmake-make-warnings", 110, 2814, {}, set(), set(), "", "qmake && make -j2 2>&1"),
    ]
    for iid, n, seed, errs, hdr, link, extra, cmd in cases:
        root = fresh(tmp / iid)
        files = gen_c(root, n, seed, spread_warns(n, seed), errs, hdr, link)
        (root / "app.pro").write_text(
            "TEMPLATE = app\nTARGET = app\nCONFIG += console warn_on\nCONFIG -= qt app_bundle\n"
            "QMAKE_CFLAGS += -Wextra\nINCLUDEPATH += include\nSOURCES += " + " \\\n    ".join(f"src/{f}" for f in files)
            + "\n" + extra)
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=300, env={"QT_SELECT": "qt5"}), n_qmake_make)


def b2(tmp: Path) -> None:
    cases = [
        ("b2-build-ok", 10, 2821, {}, set(), set(), "", "b2 -j2"),
        ("b2-build-errors", 40, 2822, {11: "undeclared", 33: "semicolon"}, set(), set(), "", "b2 -j2 -q; echo EXIT=$?"),
        ("b2-build-keep-going", 100, 2823, {20: "type"}, {55}, {80}, "", "b2 -j2 2>&1"),
        ("b2-build-release-tail", 130, 2825, {90: "args"}, set(), set(), "", "b2 variant=release -j2 2>&1 | tail -n 70"),
    ]
    for iid, n, seed, errs, hdr, link, extra, cmd in cases:
        root = fresh(tmp / iid)
        gen_c(root, n, seed, spread_warns(n, seed), errs, hdr, link)
        (root / "Jamroot").write_text(
            "using gcc ;\nproject demo : requirements <include>include <warnings>all <cflags>-Wextra ;\n"
            "lib core : [ glob src/mod_*.c ] : <link>static ;\nexe app : src/main.c core ;\n" + extra)
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=300), n_b2_build)


def bmake(tmp: Path) -> None:
    cases = [
        ("bmake-build-errors", 40, 2832, {17: "type"}, set(), set(), "bmake -k; echo EXIT=$?"),
        ("bmake-build-link", 60, 2833, {}, set(), {9}, "bmake -j2 2>&1"),
        ("bmake-build-header-big", 150, 2834, {70: "undeclared"}, {120}, set(), "bmake -k -j2 2>&1 | tail -n 120"),
        ("bmake-build-missing-source", 8, 2835, {}, set(), set(), "bmake; echo EXIT=$?"),
    ]
    for iid, n, seed, errs, hdr, link, cmd in cases:
        root = fresh(tmp / iid)
        files = gen_c(root, n, seed, spread_warns(n, seed), errs, hdr, link)
        objs = [f"src/{f[:-2]}.o" for f in files]
        if iid.endswith("missing-source"):
            objs.append("src/legacy_io.o")
        (root / "Makefile").write_text(
            "CC = cc\nCFLAGS = -Wall -Wextra -O1 -Iinclude\nOBJS = " + " ".join(objs)
            + "\n\nall: app\n\napp: ${OBJS}\n\t${CC} -o ${.TARGET} ${.ALLSRC}\n\n.c.o:\n\t${CC} ${CFLAGS} -c ${.IMPSRC} -o ${.TARGET}\n\n"
            "clean:\n\trm -f app ${OBJS}\n")
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=300), n_bmake_build)


def jam(tmp: Path) -> None:
    cases = [
        ("jam-build-errors", 40, 2842, {4: "undeclared", 29: "args"}, set(), set(), "jam -j2; echo EXIT=$?"),
        ("jam-build-link-header", 90, 2843, {}, {45}, {70}, "jam -j2 2>&1"),
        ("jam-build-missing-source", 6, 2844, {}, set(), set(), "jam -q; echo EXIT=$?"),
        ("jam-build-big-tail", 160, 2845, {150: "type"}, set(), set(), "jam -dx -j2 2>&1 | tail -n 100"),
    ]
    for iid, n, seed, errs, hdr, link, cmd in cases:
        root = fresh(tmp / iid)
        files = gen_c(root, n, seed, spread_warns(n, seed), errs, hdr, link)
        srcs = [f"src/{f}" for f in files]
        if iid.endswith("missing-source"):
            srcs.append("src/legacy_io.c")
        (root / "Jamfile").write_text("CCFLAGS += -Wall -Wextra -O1 ;\nHDRS = include ;\nMain app : "
                                      + " ".join(srcs) + " ;\n")
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=300), n_jam_build)


def scons(tmp: Path) -> None:
    sconstruct = ("env = Environment(CPPPATH=['include'], CCFLAGS=['-Wall', '-Wextra', '-O1'])\n"
                  "core = env.StaticLibrary('core', Glob('src/mod_*.c'))\n"
                  "env.Program('app', ['src/main.c'], LIBS=[core])\n")
    # explain: a first build, then edits, then the explained rebuild
    for iid, n, seed, errs, cmd, tree in [
        ("scons-explain-edits", 50, 2851, {}, "scons --debug=explain -j2", False),
        ("scons-explain-errors", 80, 2852, {60: "undeclared"}, "scons --debug=explain -k 2>&1; echo EXIT=$?", False),
        ("scons-explain-flags-tail", 120, 2853, {}, "scons --debug=explain -j2 2>&1 | tail -n 80", False),
        ("scons-tree-status", 20, 2854, {}, "scons --tree=status -n", True),
        ("scons-tree-status-big", 90, 2856, {}, "scons -Q --tree=status 2>&1 | head -n 900", True),
    ]:
        root = fresh(tmp / iid)
        gen_c(root, n, seed, spread_warns(n, seed, 5), {}, set(), set())
        (root / "SConstruct").write_text(sconstruct)
        cm.run("scons -Q -j2", cwd=root, timeout=300)
        rnd = random.Random(seed)
        edits = rnd.sample(range(n), 3)
        for i in edits:  # touch a few sources with a real change
            p = root / "src" / f"mod_{i:02d}.c"
            p.write_text(p.read_text() + f"/* edited {i} */\n")
        p = root / "include" / f"mod_{edits[0]:02d}.h"
        p.write_text(p.read_text() + "/* header edited */\n")
        if iid == "scons-explain-flags-tail":
            (root / "SConstruct").write_text(sconstruct.replace("'-O1'", "'-O2', '-DNDEBUG'"))
        for i, e in errs.items():
            p = root / "src" / f"mod_{i:02d}.c"
            p.write_text(p.read_text().replace("    return acc;", f"    acc += total_weight_{i};\n    return acc;", 1))
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=300), n_scons_tree if tree else n_scons_explain)


# ------------------------------------------------------------------ the test-framework steps

def _cases(seed: int, n_suites: int, per: int, fail_every: int):
    """Seeded test cases: (suite, name, kind, a, b) with kind ok / eq / true / throw / near."""
    rnd = random.Random(seed)
    out = []
    topics = ["Parser", "Encoder", "Router", "Cache", "Ledger", "Scheduler", "Tokenizer", "Inventory", "Matrix",
              "Codec", "Session", "Billing"]
    k = 0
    for si in range(n_suites):
        suite = f"{topics[si % len(topics)]}{si // len(topics) or ''}Test"
        for ti in range(per):
            k += 1
            name = f"test{rnd.choice(['Parse', 'Encode', 'Merge', 'Lookup', 'Round', 'Split', 'Flush'])}{ti:02d}"
            a = rnd.randint(1, 500)
            kind_ = "ok"
            if k % fail_every == 0:
                kind_ = rnd.choice(["eq", "eq", "true", "throw", "near"])
            out.append((suite, name, kind_, a, a + rnd.randint(1, 9)))
    return out


def cppunit(tmp: Path) -> None:
    for iid, seed, ns, per, every, cmd in [
        ("cppunit-text-dots", 2861, 6, 8, 13, "./run_tests; echo EXIT=$?"),
        ("cppunit-text-brief", 2862, 24, 14, 29, "./run_tests -v 2>&1"),
        ("cppunit-text-brief-tail", 2863, 30, 20, 37, "./run_tests -v 2>&1 | tail -n 60"),
        ("cppunit-text-many-failures", 2864, 12, 10, 7, "./run_tests"),
    ]:
        root = fresh(tmp / iid)
        cases = _cases(seed, ns, per, every)
        src = ["#include <cppunit/extensions/HelperMacros.h>", "#include <cppunit/extensions/TestFactoryRegistry.h>",
               "#include <cppunit/ui/text/TestRunner.h>", "#include <cppunit/BriefTestProgressListener.h>",
               "#include <cppunit/TestResult.h>", "#include <stdexcept>", "#include <cstring>", "#include <string>", ""]
        suites: dict = {}
        for su, nm, kd, a, b in cases:
            suites.setdefault(su, []).append((nm, kd, a, b))
        for su, tests in suites.items():
            src.append(f"class {su} : public CppUnit::TestFixture {{\n  CPPUNIT_TEST_SUITE({su});")
            src += [f"  CPPUNIT_TEST({nm});" for nm, *_ in tests]
            src.append("  CPPUNIT_TEST_SUITE_END();\npublic:")
            for nm, kd, a, b in tests:
                body = {"ok": f"CPPUNIT_ASSERT_EQUAL({a}, {a});",
                        "eq": f"int got = {a} + 0; CPPUNIT_ASSERT_EQUAL({b}, got);",
                        "true": f"std::string s(\"rec-{a}\"); CPPUNIT_ASSERT(s.size() > {a % 7 + 10});",
                        "throw": f"throw std::runtime_error(\"ledger row {a} has no account id\");",
                        "near": f"CPPUNIT_ASSERT_DOUBLES_EQUAL({a}.5, {b}.25, 0.01);"}[kd]
                src.append(f"  void {nm}() {{ {body} }}")
            src.append(f"}};\nCPPUNIT_TEST_SUITE_REGISTRATION({su});\n")
        src.append("int main(int argc, char **argv) {\n  CppUnit::TextUi::TestRunner runner;\n"
                   "  runner.addTest(CppUnit::TestFactoryRegistry::getRegistry().makeTest());\n"
                   "  CppUnit::BriefTestProgressListener brief;\n"
                   "  if (argc > 1 && !std::strcmp(argv[1], \"-v\")) runner.eventManager().addListener(&brief);\n"
                   "  return runner.run(\"\", false, true, argc <= 1) ? 0 : 1;\n}\n")
        (root / "tests.cpp").write_text("\n".join(src))
        cm.run("g++ -O0 -o run_tests tests.cpp -lcppunit", cwd=root, timeout=300)
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=120), n_cppunit_text)


def _boost_src(seed: int, ns: int, per: int, every: int) -> str:
    src = ["#define BOOST_TEST_MODULE ledger_core", "#define BOOST_TEST_DYN_LINK", "#include <boost/test/unit_test.hpp>",
           "#include <stdexcept>", "#include <vector>", ""]
    cur = None
    for su, nm, kd, a, b in _cases(seed, ns, per, every):
        if su != cur:
            if cur:
                src.append("BOOST_AUTO_TEST_SUITE_END()\n")
            src.append(f"BOOST_AUTO_TEST_SUITE({su})")
            cur = su
        body = {"ok": f"BOOST_CHECK_EQUAL({a}, {a});\n    BOOST_TEST({a} < {b});",
                "eq": f"int got = {a};\n    BOOST_CHECK_EQUAL(got, {b});\n    BOOST_CHECK({a} > 0);",
                "true": f"std::vector<int> v({a % 5});\n    BOOST_REQUIRE(v.size() > 5);\n    BOOST_CHECK(v.empty());",
                "throw": f"throw std::runtime_error(\"ledger row {a} has no account id\");",
                "near": f"BOOST_TEST({a}.5 == {b}.25, boost::test_tools::tolerance(0.001));"}[kd]
        src.append(f"BOOST_AUTO_TEST_CASE({nm})\n{{\n    {body}\n}}")
    src.append("BOOST_AUTO_TEST_SUITE_END()\n")
    return "\n".join(src)


def boost_test(tmp: Path) -> None:
    builds = {}
    for key, seed, ns, per, every in [("small", 2871, 4, 6, 9), ("big", 2872, 14, 12, 23)]:
        root = fresh(tmp / f"boost-{key}")
        (root / "test_ledger.cpp").write_text(_boost_src(seed, ns, per, every))
        cm.run("g++ -O0 -o test_ledger test_ledger.cpp -lboost_unit_test_framework", cwd=root, timeout=400)
        builds[key] = root
    for iid, key, cmd, ext in [
        ("boost-test-hrf-suites", "small", "./test_ledger --log_level=test_suite; echo EXIT=$?", n_boost_test_hrf),
        ("boost-test-hrf-all-detailed", "big", "./test_ledger --log_level=all --report_level=detailed 2>&1", n_boost_test_hrf),
        ("boost-test-hrf-short-report", "big", "./test_ledger --report_level=short 2>&1 | tail -n 40", n_boost_test_hrf),
        ("boost-test-hrf-run-suite", "big", "./test_ledger --run_test=Router2Test,CacheTest --log_level=all "
         "--report_level=detailed 2>&1; echo EXIT=$?", n_boost_test_hrf),
        ("boost-test-xml-log", "small", "./test_ledger --log_format=XML --log_level=all --report_level=no "
         "| xmllint --format -", n_boost_test_xml),
        ("boost-test-xml-log-big", "big", "./test_ledger --log_format=XML --log_level=test_suite --report_level=no "
         "| xmllint --format -", n_boost_test_xml),
        ("boost-test-xml-report", "big", "./test_ledger --log_level=nothing --report_format=XML --report_level=detailed "
         "2>&1 | xmllint --format -", n_boost_test_xml),
    ]:
        add(iid, cmd, cm.run(cmd, cwd=builds[key], timeout=120), ext)


def cxxtest(tmp: Path) -> None:
    for iid, seed, ns, per, every, cmd in [
        ("cxxtest-errorprinter-small", 2881, 6, 8, 7, "cxxtestgen --error-printer -o runner.cpp tests/*.h && "
         "g++ -o runner -I. runner.cpp && ./runner; echo EXIT=$?"),
        ("cxxtest-errorprinter-big", 2882, 24, 16, 19, "./runner 2>&1"),
        ("cxxtest-errorprinter-tail", 2883, 12, 12, 11, "./runner 2>&1 | tail -n 40"),
    ]:
        root = fresh(tmp / iid)
        (root / "tests").mkdir()
        suites: dict = {}
        for su, nm, kd, a, b in _cases(seed, ns, per, every):
            suites.setdefault(su, []).append((nm, kd, a, b))
        for su, tests in suites.items():
            src = ["#include <cxxtest/TestSuite.h>", "#include <stdexcept>", "#include <string>", "",
                   f"class {su} : public CxxTest::TestSuite\n{{\npublic:"]
            for nm, kd, a, b in tests:
                body = {"ok": f"TS_ASSERT_EQUALS({a}, {a});",
                        "eq": f"int got = {a}; TS_ASSERT_EQUALS(got, {b});",
                        "true": f"std::string s(\"rec-{a}\"); TS_ASSERT(s.size() > {a % 7 + 10});",
                        "throw": f"throw std::runtime_error(\"ledger row {a} has no account id\");",
                        "near": f"TS_ASSERT_DELTA({a}.5, {b}.25, 0.01);"}[kd]
                src.append(f"    void {nm}() {{ {body} }}")
            src.append("};\n")
            (root / "tests" / f"{su}.h").write_text("\n".join(src))
        if "small" not in iid:
            cm.run("cxxtestgen --error-printer -o runner.cpp tests/*.h && g++ -o runner -I. runner.cpp", cwd=root,
                   timeout=400)
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=400), n_cxxtest)


def qtest(tmp: Path) -> None:
    flags = "$(pkg-config --cflags --libs Qt5Test Qt5Core) -fPIC"
    for iid, seed, rows, cmd in [
        ("qtest-txt-default", 2891, 12, "./tst_ledger; echo EXIT=$?"),
        ("qtest-txt-v2", 2892, 150, "./tst_ledger -v2 2>&1"),
        ("qtest-txt-vs-tail", 2893, 60, "./tst_ledger -vs 2>&1 | tail -n 80"),
        ("qtest-txt-function", 2894, 150, "./tst_ledger parse roundTrip -v1"),
    ]:
        root = fresh(tmp / iid)
        rnd = random.Random(seed)
        data = []
        for r in range(rows):
            a = rnd.randint(1, 900)
            exp = a * 2 if r not in (rows // 3, rows - 2) else a * 2 + rnd.randint(1, 5)
            data.append(f'    QTest::newRow("row-{r:03d}") << {a} << {exp};')
        src = "\n".join([
            "#include <QtTest/QtTest>", "#include <QString>", "",
            "class TestLedger : public QObject\n{\n    Q_OBJECT\nprivate slots:",
            "    void initTestCase() { qDebug(\"opening ledger fixture\"); }",
            "    void parse_data() { QTest::addColumn<int>(\"in\"); QTest::addColumn<int>(\"expected\");",
            *data, "    }",
            "    void parse() { QFETCH(int, in); QFETCH(int, expected); QCOMPARE(in * 2, expected); }",
            "    void roundTrip() { QString s = QString::number(4096, 16); QCOMPARE(s, QString(\"1000\")); }",
            "    void knownBug() { QEXPECT_FAIL(\"\", \"rounding bug #412\", Continue); QCOMPARE(0.1 + 0.2, 0.3); }",
            "    void fixedBug() { QEXPECT_FAIL(\"\", \"bug #377 was fixed\", Continue); QVERIFY(1 + 1 == 2); }",
            "    void platformOnly() { QSKIP(\"needs the ledger service on 127.0.0.1:38279\"); }",
            "    void checkTotals() { qWarning(\"ledger totals drift by %d cents\", 3); QVERIFY2(17 % 5 == 0, \"total 17 not a multiple of 5\"); }",
            "    void cleanupTestCase() {}", "};", "", "QTEST_APPLESS_MAIN(TestLedger)", '#include "tst_ledger.moc"', ""])
        (root / "tst_ledger.cpp").write_text(src)
        cm.run(f"moc tst_ledger.cpp -o tst_ledger.moc && g++ -o tst_ledger tst_ledger.cpp -I. {flags}", cwd=root,
               timeout=400, env={"QT_SELECT": "qt5"})
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=120, env={"QT_SELECT": "qt5", "QT_QPA_PLATFORM": "offscreen"}),
            n_qtest)


def ensure_tools() -> None:
    """The tools from Debian (apt) and waf from PyPI, installed once."""
    for tool, pkg in [("premake4", "premake4"), ("qmake", "qtbase5-dev-tools qtbase5-dev"), ("b2", "libboost-tools-dev"),
                      ("bmake", "bmake"), ("jam", "jam"), ("scons", "scons"), ("cxxtestgen", "cxxtest"),
                      ("xmllint", "libxml2-utils"), ("/usr/include/cppunit/TestCase.h", "libcppunit-dev"),
                      ("/usr/include/boost/test/unit_test.hpp", "libboost-test-dev")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "waf", ["waf-build==2.0.22"])


def steps() -> list:
    return [waf, premake, qmake, b2, bmake, jam, scons, cppunit, boost_test, cxxtest, qtest]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide279", sys.modules["__main__"])
    main()
