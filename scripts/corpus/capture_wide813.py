#!/usr/bin/env python3
"""Capture round 813 of the compression corpus: build systems from PyPI and their logs and test drivers in outputs
the corpus lacks, on a brickmaker's small C project written here (`brickworks`: units clamps, moulds, hacks, stools,
brickmakers and, in the larger copies, numbered kilns), built by meson, cmake and scons, with faults put in: a
dependency and a library that do not exist, a bad option value, a source that does not compile, warnings, tests that
fail, abort or time out, variables used before they are set, a symbol declared and never defined.

Kinds (rules in NEEDLES.md's "Round 813" section). NEW: meson-log, meson-testlog, meson-introspect, meson-configure,
ninja-t-compdb, cmake-dev-warnings, cmake-debug-find, scons-debug-time. Kept, extractors imported: meson-setup,
meson-compile, meson-test (capture_wide13_tools), cmake-configure-error, ninja-fail, ctest-output-on-failure
(capture_wide5), scons-explain (capture_wide279). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide813.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide813.json  as {"version": 2, "items": [...]}, ids prefixed "wide813-".
Tools:   meson 1.12.1, ninja 1.13.2 (PyPI's), cmake 4.4.5 and ctest (PyPI's), SCons 4.11.1, in a venv under
         /dev/shm/hm-corpus-wide813; gcc 12.2.0 (/usr/bin/gcc).
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide13_tools import n_meson_compile, n_meson_setup, n_meson_test  # noqa: E402
from capture_wide5 import n_cmake_cfg, n_ctest, n_ninja  # noqa: E402
from capture_wide279 import compiler, n_scons_explain  # noqa: E402

ID_PREFIX = "wide813-"
DEFAULT_OUT = HERE / "data" / "wide813.json"
TMP = Path("/dev/shm/hm-corpus-wide813-run")
TOOLS = Path("/dev/shm/hm-corpus-wide813")
VENV = TOOLS / "venv"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    cm.install_venv(VENV, "scons", ["meson==1.12.1", "ninja", "cmake", "scons==4.11.1"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


# ================================================================== extractors (NEEDLES.md, round 813)

R1 = re.compile(r"error:|ERROR:|CMake Error|^FAILED:|scons: \*\*\*|fatal error|undefined reference|"
                r"Segmentation fault|Aborted")
LOC = re.compile(r"[\w./-]+\.(c|h|build|txt|cmake)(:\d+)+|SConstruct:\d+|SConscript:\d+")
EXIT = re.compile(r"^EXIT=\d+$")


def _rule1(lines):
    """rule 1 shared by the new kinds: error lines (and a location within six), warnings per (flag, file), EXIT=N"""
    out = compiler(lines)
    have = {x for x in out if isinstance(x, str)}
    for i, ln in enumerate(lines):
        if EXIT.match(ln):
            out.append(ln)
        elif R1.search(ln) and ln not in have:
            out.append(ln)
            if not LOC.search(ln):
                out.append(cm.next_match(lines, i, LOC.pattern))
    return out


META_LOG = re.compile(r"^(Build started at|Meson version:|Build type:|Project name:|Project version:|"
                      r"C compiler for the host machine:)")
NO_LOG = re.compile(r"found: NO|: NO\b")


@cm.kind("meson-log", "log")
def n_meson_log(lines):
    """Rules 1+5 on meson-log.txt: Build started/Meson version/Build type/Project name+version/C compiler lines; every check that is NO; every ERROR: line; WARNING: one any per shape; rule 1."""
    out = [ln for ln in lines if META_LOG.match(ln)]
    out += [ln for ln in lines if NO_LOG.search(ln) and not ln.startswith((" ", "\t"))]
    out += [ln for ln in lines if "ERROR:" in ln]
    out += cm.groups((cm.mask(ln.split("WARNING:", 1)[1]), ln) for ln in lines if "WARNING:" in ln)
    return out + _rule1(lines)


SUMMARY_T = re.compile(r"^(Ok|Expected Fail|Fail|Unexpected Pass|Skipped|Timeout):\s+\d+")
FIRST_T = re.compile(r"FAIL|assert|Assertion|expected|error", re.I)


@cm.kind("meson-testlog", "test")
def n_meson_testlog(lines):
    """Rule 2 on testlog.txt: each test whose result is not 'exit status 0': its test: and result: lines, its first FAIL/assert/expected/error output line; the Ok:/Fail:/Timeout:… summary lines."""
    out = []
    starts = [i for i, ln in enumerate(lines) if re.match(r"^=+ \d+/\d+ =+$", ln)] + [len(lines)]
    for a, b in zip(starts, starts[1:]):
        block = lines[a:b]
        test = next((ln for ln in block if ln.startswith("test:")), None)
        res = next((ln for ln in block if ln.startswith("result:")), None)
        if res is None or re.match(r"^result:\s+exit status 0$", res):
            continue
        out += [test, res]
        outs = [i for i, ln in enumerate(block) if re.match(r"^-+ std(out|err) -+$", ln)]
        if outs:
            out.append(next((ln for ln in block[outs[0] + 1:] if FIRST_T.search(ln) and not re.match(r"^=+$", ln)),
                            None))
    out += [ln for ln in lines if SUMMARY_T.match(ln)]
    return out + _rule1(lines)


@cm.kind("meson-introspect", "json")
def n_meson_introspect(lines):
    """Rule 5 on meson introspect -i: every "name" line, each distinct "type" value's line, every "version" line, "timeout" lines whose value is not the commonest; error lines."""
    out = [ln for ln in lines if re.match(r'^\s*"(name|version)": ', ln)]
    seen = set()
    for ln in lines:
        m = re.match(r'^\s*"type": (.*?),?$', ln)
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            out.append(ln)
    tos = [(re.sub(r"\D", "", ln), ln) for ln in lines if re.match(r'^\s*"timeout": ', ln)]
    if tos:
        top = Counter(v for v, _ in tos).most_common(1)[0][0]
        out += [ln for v, ln in tos if v != top]
    return out + _rule1(lines)


CONF_ROWS = re.compile(r"^\s+(buildtype|debug|optimization|warning_level|werror|c_std|b_sanitize|prefix)\s")


@cm.kind("meson-configure", "table")
def n_meson_configure(lines):
    """meson configure: every section header, the first table header row, the rows of buildtype/debug/optimization/warning_level/werror/c_std/b_sanitize/prefix, every row under Project options:, ERROR: lines."""
    out = [ln for ln in lines if re.match(r"^\S.*:$", ln)]
    out.append(next((ln for ln in lines if re.match(r"^\s+Option\s+(Current|Default) Value", ln)), None))
    out += [ln for ln in lines if CONF_ROWS.match(ln)]
    sec = ""
    for ln in lines:
        if re.match(r"^\S.*:$", ln):
            sec = ln
        elif sec == "Project options:" and ln.strip() and not re.match(r"^\s+(Option|-{3,})", ln) \
                and re.match(r"^  \S", ln):
            out.append(ln)
    return out + _rule1(lines)


@cm.kind("ninja-t-compdb", "json")
def n_compdb(lines):
    """Rule 5 on ninja -t compdb: every "file" line, the first "directory" line, every "output" line not ending .o; ninja: error lines."""
    out = [ln for ln in lines if re.match(r'^\s*"file": ', ln)]
    out.append(next((ln for ln in lines if re.match(r'^\s*"directory": ', ln)), None))
    out += [ln for ln in lines if re.match(r'^\s*"output": ', ln) and not re.search(r'\.o",?$', ln)]
    return out + [ln for ln in lines if ln.startswith("ninja: error")] + _rule1(lines)


CM_WARN = re.compile(r"^CMake (Warning|Deprecation Warning)( \([^)]*\))?( at ([^:]+):\d+.*)?:?$")


def _msg_after(lines, i):
    return next((x for x in lines[i + 1:i + 7] if x.strip()), "")


@cm.kind("cmake-dev-warnings", "build")
def n_cmake_dev(lines):
    """cmake --warn-uninitialized -Wdev: CMake Error lines and their message line; CMake Warning [(dev)/(uninitialized)/(author)/(deprecated)]/Deprecation Warning headers one any per (message shape, file); Configuring done/incomplete, Generating done; EXIT=N."""
    out = []
    pairs = []
    for i, ln in enumerate(lines):
        if ln.startswith("CMake Error"):
            out += [ln, _msg_after(lines, i) or None]
        m = CM_WARN.match(ln)
        if m:
            pairs.append(((m.group(1) + (m.group(2) or ""), cm.mask(_msg_after(lines, i).strip()), m.group(4)), ln))
    out += cm.groups(pairs)
    out += [ln for ln in lines if re.match(r"^-- (Configuring done|Configuring incomplete|Generating done)", ln)]
    return out + [ln for ln in lines if EXIT.match(ln)]


@cm.kind("cmake-debug-find", "log")
def n_cmake_find(lines):
    """cmake --debug-find: every CMake Debug Log at file:N (find_x) header, every 'The item was (not) found' line with the next non-blank line, 'find_package considered' / 'The file was found at' lines, CMake Error lines with their message line; EXIT=N."""
    out = [ln for ln in lines if ln.startswith("CMake Debug Log at")]
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith(("The item was not found", "The item was found at", "The file was found at")):
            out.append(ln)
            if "found at" in s:
                out.append(_msg_after(lines, i) or None)
        elif "find_package considered the following locations" in s:
            out.append(ln)
        elif ln.startswith("CMake Error"):
            out += [ln, _msg_after(lines, i) or None]
    return out + [ln for ln in lines if EXIT.match(ln)]


TIME_RE = re.compile(r"^Command execution time: (.*): ([\d.]+) seconds")


@cm.kind("scons-debug-time", "build")
def n_scons_time(lines):
    """scons --debug=time: the four Total … time lines; the Command execution time lines of the largest and smallest time; done building / building terminated; rule 1."""
    out = [ln for ln in lines if re.match(r"^Total (build|SConscript file execution|SCons execution|command "
                                          r"execution) time", ln)]
    ts = [(float(m.group(2)), ln) for ln in lines if (m := TIME_RE.match(ln))]
    if ts:
        out += [max(ts)[1], min(ts)[1]]
    out += [ln for ln in lines if re.search(r"^scons: done building targets|building terminated because of errors",
                                            ln)]
    return out + _rule1(lines)


# ================================================================== material: brickworks

BASE = ["clamps", "moulds", "hacks", "stools", "brickmakers"]


def unit_c(u: str, k: int, faults: set) -> str:
    body = [f'#include "{u}.h"', "#include <stdio.h>", "#include <string.h>", ""]
    body.append(f"int {u}_count(int n)\n{{\n    int r = n * {k} + {k % 5};")
    if "fail" in faults and u in ("moulds", "clamps"):
        body.append("    if (n == 7) r -= 1;  /* a mould short */")
    if "compile" in faults and u == "hacks":
        body.append("    r += undeclared_courses;")
    body.append("    return r;\n}\n")
    body.append(f"double {u}_weight(int bricks)\n{{")
    if "warn" in faults and k % 2 == 0:
        body.append("    int unused_pallets = 3;\n    unsigned int limit = 10;\n    if (bricks < limit) return 0.0;")
    body.append(f"    return bricks * 2.{k % 9}5;\n}}\n")
    body.append(f"const char *{u}_describe(int grade)\n{{\n    static char buf[32];")
    if "warn" in faults and k % 3 == 0:
        body.append(f'    snprintf(buf, sizeof buf, "%d", "{u}");')
    else:
        body.append(f'    snprintf(buf, sizeof buf, "{u}-%d", grade);')
    body.append("    return buf;\n}\n")
    return "\n".join(body)


def unit_h(u: str) -> str:
    g = u.upper() + "_H"
    extra = "void clamps_tighten(int turns);\n" if u == "clamps" else ""
    return (f"#ifndef {g}\n#define {g}\nint {u}_count(int n);\ndouble {u}_weight(int bricks);\n"
            f"const char *{u}_describe(int grade);\n{extra}#endif\n")


def test_c(u: str, k: int, faults: set) -> str:
    s = [f'#include "{u}.h"', "#include <assert.h>", "#include <stdio.h>", "#include <unistd.h>", "",
         "int main(void)\n{\n    int fails = 0;",
         "    for (int n = 0; n < 10; n++) {",
         f"        int want = n * {k} + {k % 5};",
         f"        int got = {u}_count(n);",
         "        if (got != want) {",
         f'            printf("%s:%d: FAIL: {u}_count(%d) expected %d got %d\\n", __FILE__, __LINE__, n, want, got);',
         "            fails++;\n        } else {",
         f'            printf("ok {u}_count(%d) == %d\\n", n, got);',
         "        }\n    }"]
    if "crash" in faults and u == "stools":
        s.append("    assert(stools_count(3) > 100 && \"a stool holds a hundred bricks\");")
    if "hang" in faults and u == "hacks":
        s.append('    printf("drying the hack rows...\\n"); fflush(stdout);\n    sleep(30);')
    s.append(f'    printf("{u}: %d failures\\n", fails);\n    return fails ? 1 : 0;\n}}\n')
    return "\n".join(s)


def main_c(units, faults: set) -> str:
    inc = "".join(f'#include "{u}.h"\n' for u in units)
    calls = "".join(f'    printf("%-12s %4d %8.2f %s\\n", "{u}", {u}_count(n), {u}_weight(n * 100), {u}_describe(n));\n'
                    for u in units)
    link = "    clamps_tighten(3);\n" if "link" in faults else ""
    return (f"#include <stdio.h>\n#include <stdlib.h>\n{inc}\nint main(int argc, char **argv)\n{{\n"
            f"    int n = argc > 1 ? atoi(argv[1]) : 4;\n{calls}{link}    return 0;\n}}\n")


def meson_build(units, faults: set) -> str:
    tests = [u for u in units if u in BASE]
    srcs = ", ".join(f"'src/{u}.c'" for u in units)
    dep = "clay = dependency('clay-1.0', required : get_option('clay'))\n"
    extra = ""
    if "deps" in faults:
        extra = ("kiln = cc.find_library('kiln', required : false)\nif not cc.has_header('firebox.h')\n"
                 "  warning('firebox.h not found: the kilns run cold')\nendif\ncc.has_function('strlcpy')\n"
                 "z = dependency('zlib', required : false)\n")
    tl = "\n".join(f"test('{t}', executable('test_{t}', 'tests/test_{t}.c', link_with : lib, include_directories : "
                   f"inc), suite : '{'yard' if t in ('clamps', 'moulds', 'stools') else 'kiln'}', timeout : "
                   f"{3 if t == 'hacks' else 30})" for t in tests)
    return (f"project('brickworks', 'c', version : '0.8.13', default_options : ['warning_level=2', 'c_std=c11'])\n"
            f"cc = meson.get_compiler('c')\nm = cc.find_library('m', required : false)\n{dep}{extra}"
            f"inc = include_directories('include')\n"
            f"lib = static_library('brickworks', {srcs}, include_directories : inc, dependencies : m)\n"
            f"executable('brickmakers-cli', 'src/main.c', link_with : lib, include_directories : inc)\n"
            f"message('mould size: ' + get_option('mould_size'))\n{tl}\n")


MESON_OPTS = ("option('clay', type : 'feature', value : 'auto', description : 'Use libclay for the clay pits')\n"
              "option('mould_size', type : 'combo', choices : ['small', 'standard', 'large'], value : 'standard',\n"
              "       description : 'Mould size the brickmakers fill')\n"
              "option('stools', type : 'integer', min : 1, max : 12, value : 4, description : 'Moulding stools')\n"
              "option('hack_rows', type : 'array', value : ['north', 'south'], description : 'Drying hacks')\n")


def cmakelists(units, faults: set, minver: str = "3.16") -> str:
    srcs = " ".join(f"src/{u}.c" for u in units)
    tests = [u for u in units if u in BASE]
    s = [f"cmake_minimum_required(VERSION {minver})", "project(brickworks VERSION 0.8.13 LANGUAGES C)",
         'option(BRICK_WITH_CLAY "Use libclay for the clay pits" OFF)',
         "if(BRICK_WITH_CLAY)\n  find_package(Clay 2.1 REQUIRED)\nendif()"]
    if "uninit" in faults:
        s += ['message(STATUS "Stools: ${BRICK_STOOLS} in ${BRICK_YARD_NAME}")',
              'if(BRICK_MOULD_SIZE STREQUAL "large")\n  message(STATUS "large moulds")\nendif()',
              'message(AUTHOR_WARNING "hack rows are set per yard; ${HACK_ROWS} is empty")',
              'message(DEPRECATION "BRICK_LEGACY_KILN is deprecated, use BRICK_KILN")',
              'set(BRICK_FLAGS ${BRICK_EXTRA_FLAGS} -Wall)']
    if "find" in faults:
        s += ["find_library(KILN_LIB kiln)", "find_path(FIREBOX_INCLUDE firebox.h)",
              "find_program(PUGMILL_EXE pugmill)", "find_library(MATH_LIB m)",
              "find_package(ZLIB)", "find_package(Mortar CONFIG)"]
    if "error" in faults:
        s += ['if(NOT KILN_LIB)\n  message(SEND_ERROR "libkiln is required for the firing schedule")\nendif()',
              "add_subdirectory(drying_hacks)"]
    s += [f"add_library(brickworks STATIC {srcs})", "target_include_directories(brickworks PUBLIC include)",
          "target_compile_options(brickworks PRIVATE -Wall -Wextra)",
          "add_executable(brickmakers-cli src/main.c)", "target_link_libraries(brickmakers-cli brickworks m)",
          "enable_testing()"]
    for t in tests:
        s += [f"add_executable(test_{t} tests/test_{t}.c)", f"target_link_libraries(test_{t} brickworks)",
              f"add_test(NAME {t} COMMAND test_{t})"]
    if "hacks" in tests:
        s.append("set_tests_properties(hacks PROPERTIES TIMEOUT 3)")
    return "\n".join(s) + "\n"


def sconstruct(units, faults: set) -> str:
    srcs = ", ".join(f"'src/{u}.c'" for u in units)
    tests = [u for u in units if u in BASE]
    return ("env = Environment(CCFLAGS='-Wall -Wextra -O2', CPPPATH=['include'])\n"
            f"lib = env.StaticLibrary('brickworks', [{srcs}])\n"
            "env.Program('brickmakers-cli', ['src/main.c'], LIBS=[lib, 'm'])\n"
            + "".join(f"env.Program('tests/test_{t}', ['tests/test_{t}.c'], LIBS=[lib])\n" for t in tests))


def project(root: Path, kilns: int, faults: set) -> None:
    units = BASE + [f"kiln{i:02d}" for i in range(kilns)]
    files = {"meson_options.txt": MESON_OPTS, "meson.build": meson_build(units, faults),
             "CMakeLists.txt": cmakelists(units, faults, "3.5" if "oldmin" in faults else "3.16"),
             "SConstruct": sconstruct(units, faults), "src/main.c": main_c(units, faults)}
    for k, u in enumerate(units, 3):
        files[f"src/{u}.c"] = unit_c(u, k, faults)
        files[f"include/{u}.h"] = unit_h(u)
        if u in BASE:
            files[f"tests/test_{u}.c"] = test_c(u, k, faults)
    root.mkdir(parents=True, exist_ok=True)
    for rel, body in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body)


# ================================================================== steps

def _c(item, cmd, cwd, ext, timeout=300):
    cap(item, cmd, TMP / cwd, ext, timeout=timeout)


def step_meson(tmp: Path) -> None:
    project(tmp / "m-small", 0, {"fail", "crash", "hang"})
    project(tmp / "m-deps", 6, {"deps", "warn", "fail"})
    project(tmp / "m-big", 40, {"warn", "fail", "crash", "hang"})
    project(tmp / "m-broken", 12, {"compile", "warn"})
    project(tmp / "m-link", 3, {"link"})
    _c("meson-setup-clay-enabled", "meson setup build -Dclay=enabled 2>&1; echo EXIT=$?", "m-small", n_meson_setup)
    _c("meson-log-clay-enabled", "cat build/meson-logs/meson-log.txt", "m-small", n_meson_log)
    cm.run("rm -rf build", cwd=tmp / "m-small")
    _c("meson-setup-bad-combo", "meson setup build -Dmould_size=giant -Dstools=20 2>&1; echo EXIT=$?", "m-small",
       n_meson_setup)
    cm.run("rm -rf build && meson setup build", cwd=tmp / "m-small")
    _c("meson-log-small", "cat build/meson-logs/meson-log.txt", "m-small", n_meson_log)
    cm.run("meson compile -C build", cwd=tmp / "m-small")
    _c("meson-test-small", "meson test -C build --print-errorlogs 2>&1", "m-small", n_meson_test)
    _c("meson-testlog-small", "cat build/meson-logs/testlog.txt", "m-small", n_meson_testlog)
    _c("meson-introspect-targets-small", "meson introspect build --targets -i", "m-small", n_meson_introspect)
    _c("meson-introspect-tests-small", "meson introspect build --tests -i", "m-small", n_meson_introspect)
    _c("meson-configure-small", "meson configure build", "m-small", n_meson_configure)
    _c("meson-configure-bad", "meson configure build -Dstools=0 -Dbuildtype=release 2>&1; echo EXIT=$?", "m-small",
       n_meson_configure)
    _c("ninja-compdb-small", "ninja -C build -t compdb", "m-small", n_compdb)
    # deps
    _c("meson-setup-deps", "meson setup build --buildtype=debugoptimized 2>&1", "m-deps", n_meson_setup)
    _c("meson-log-deps", "cat build/meson-logs/meson-log.txt", "m-deps", n_meson_log)
    _c("meson-compile-deps-warn", "meson compile -C build 2>&1", "m-deps", n_meson_compile)
    _c("meson-test-deps-suite", "meson test -C build --suite yard --print-errorlogs 2>&1; echo EXIT=$?", "m-deps",
       n_meson_test)
    _c("meson-testlog-deps", "cat build/meson-logs/testlog.txt", "m-deps", n_meson_testlog)
    _c("meson-introspect-deps", "meson introspect build --dependencies --projectinfo -i", "m-deps",
       n_meson_introspect)
    _c("meson-configure-deps", "meson configure build -Dmould_size=large -Dwerror=true && meson configure build",
       "m-deps", n_meson_configure)
    _c("ninja-compdb-deps-rule", "ninja -C build -t compdb c_COMPILER", "m-deps", n_compdb)
    # big
    cm.run("meson setup build -Db_sanitize=address", cwd=tmp / "m-big", timeout=300)
    _c("meson-compile-big", "meson compile -C build -j 2 2>&1", "m-big", n_meson_compile, timeout=600)
    _c("meson-test-big", "meson test -C build -j 2 --print-errorlogs --timeout-multiplier 1 2>&1", "m-big",
       n_meson_test)
    _c("meson-testlog-big", "cat build/meson-logs/testlog.txt", "m-big", n_meson_testlog)
    _c("meson-introspect-targets-big", "meson introspect build --targets -i", "m-big", n_meson_introspect)
    _c("ninja-compdb-big", "ninja -C build -t compdb", "m-big", n_compdb)
    _c("meson-configure-big", "meson configure build", "m-big", n_meson_configure)
    # broken / link
    cm.run("meson setup build", cwd=tmp / "m-broken")
    _c("meson-compile-broken", "meson compile -C build 2>&1; echo EXIT=$?", "m-broken", n_meson_compile)
    _c("ninja-fail-broken-k0", "ninja -C build -k 0 2>&1", "m-broken", n_ninja)
    _c("meson-test-broken", "meson test -C build --print-errorlogs 2>&1; echo EXIT=$?", "m-broken", n_meson_test)
    _c("meson-testlog-broken-rerun", "meson test -C build --no-rebuild >/dev/null 2>&1; "
       "cat build/meson-logs/testlog.txt", "m-broken", n_meson_testlog)
    cm.run("meson setup build", cwd=tmp / "m-link")
    _c("meson-compile-link", "meson compile -C build 2>&1; echo EXIT=$?", "m-link", n_meson_compile)


def step_cmake(tmp: Path) -> None:
    project(tmp / "c-small", 0, {"fail", "crash", "hang", "uninit"})
    project(tmp / "c-find", 8, {"find", "uninit", "warn", "fail"})
    project(tmp / "c-error", 4, {"find", "error", "uninit"})
    project(tmp / "c-old", 2, {"oldmin", "uninit"})
    project(tmp / "c-big", 30, {"warn", "fail", "crash", "hang"})
    _c("cmake-dev-warnings-small", "cmake -S . -B build --warn-uninitialized -Wdev -Wdeprecated 2>&1; echo EXIT=$?",
       "c-small", n_cmake_dev)
    _c("cmake-dev-warnings-find", "cmake -S . -B build -G Ninja --warn-uninitialized -Wdev 2>&1; echo EXIT=$?",
       "c-find", n_cmake_dev)
    _c("cmake-dev-warnings-error", "cmake -S . -B build --warn-uninitialized -Wdev -Wdeprecated 2>&1; echo EXIT=$?",
       "c-error", n_cmake_dev)
    _c("cmake-dev-warnings-old", "cmake -S . -B build --warn-uninitialized -Wdev 2>&1; echo EXIT=$?", "c-old",
       n_cmake_dev)
    _c("cmake-configure-error-old", "cmake -S . -B build2", "c-old", n_cmake_cfg)
    _c("cmake-configure-error-clay", "cmake -S . -B build3 -DBRICK_WITH_CLAY=ON", "c-small", n_cmake_cfg)
    _c("cmake-debug-find-all", "cmake -S . -B build-dbg --fresh --debug-find 2>&1; echo EXIT=$?", "c-find",
       n_cmake_find)
    _c("cmake-debug-find-pkg", "cmake -S . -B build-dbg --fresh --debug-find-pkg=ZLIB,Mortar 2>&1; echo EXIT=$?",
       "c-find", n_cmake_find)
    _c("cmake-debug-find-var", "cmake -S . -B build-dbg --fresh --debug-find-var=KILN_LIB,FIREBOX_INCLUDE 2>&1; "
       "echo EXIT=$?", "c-error", n_cmake_find)
    _c("cmake-debug-find-clay", "cmake -S . -B build-clay --debug-find-pkg=Clay -DBRICK_WITH_CLAY=ON 2>&1; "
       "echo EXIT=$?", "c-small", n_cmake_find)
    cm.run("cmake --build build -j 2", cwd=tmp / "c-small", timeout=300)
    _c("ctest-small", "ctest --test-dir build --output-on-failure 2>&1", "c-small", n_ctest)
    cm.run("cmake --build build -j 2", cwd=tmp / "c-find", timeout=300)
    _c("ninja-compdb-cmake", "ninja -C build -t compdb", "c-find", n_compdb)
    _c("ctest-find-rerun", "ctest --test-dir build --output-on-failure >/dev/null; "
       "ctest --test-dir build --rerun-failed --output-on-failure 2>&1", "c-find", n_ctest)
    cm.run("cmake -S . -B build -G Ninja && cmake --build build -j 2", cwd=tmp / "c-big", timeout=600)
    _c("ctest-big-j2", "ctest --test-dir build -j 2 --output-on-failure 2>&1", "c-big", n_ctest)
    _c("cmake-dev-warnings-big", "cmake -S . -B build --warn-uninitialized -Wdev 2>&1; echo EXIT=$?", "c-big",
       n_cmake_dev)


def step_scons(tmp: Path) -> None:
    project(tmp / "s-small", 0, {"warn"})
    project(tmp / "s-big", 36, {"warn"})
    project(tmp / "s-broken", 10, {"compile", "warn", "link"})
    _c("scons-debug-time-small", "scons --debug=time -j 1 2>&1; echo EXIT=$?", "s-small", n_scons_time)
    _c("scons-debug-time-big", "scons --debug=time -j 2 2>&1; echo EXIT=$?", "s-big", n_scons_time, timeout=600)
    cm.run("sed -i 's/n \\* 7 + 2/n * 7 + 3/' src/kiln02.c 2>/dev/null; touch include/moulds.h", cwd=tmp / "s-big")
    _c("scons-explain-big", "scons --debug=explain -j 2 2>&1; echo EXIT=$?", "s-big", n_scons_explain, timeout=600)
    _c("scons-debug-time-broken", "scons --debug=time -k 2>&1; echo EXIT=$?", "s-broken", n_scons_time)
    _c("scons-debug-time-broken-Q", "scons -Q --debug=time 2>&1; echo EXIT=$?", "s-broken", n_scons_time)
    _c("scons-explain-broken", "scons --debug=explain -k 2>&1; echo EXIT=$?", "s-broken", n_scons_explain)


STEPS = [step_meson, step_cmake, step_scons]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide813", sys.modules["__main__"])
    main()
