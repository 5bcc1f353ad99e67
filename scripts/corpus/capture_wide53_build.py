"""Round 53, build systems and packaging: `tidelog` (a tide-gauge logging library in C, written here with mistakes put
in and widened by a seeded generator) through CMake, ctest and Ninja; a tiny autotools project through autoreconf and
./configure; a Makefile with undefined variables; Debian package trees through dpkg-deb --build; an npm package
through npm publish --dry-run; a Python package whose setup.py fails through pip wheel. The extractors apply NEEDLES.md's
"Round 53" rules, written before capture. Run through capture_wide53.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, n_pip_wheel, named, next_match, run, write_tree
from capture_wide4 import n_npm_pack
from capture_wide53 import VENV, cap


def _exit(lines):
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


def _cmake_diag(lines, loc_pat=r"(CMakeLists\.txt|\.cmake):\d+"):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^CMake (Error|Warning|Deprecation Warning)\b(?: at (\S+?):\d+)?", ln)
        if not m:
            continue
        if m.group(1) == "Error":
            out.append(ln)
            if not m.group(2):
                loc = next_match(lines, i, loc_pat)
                if loc:
                    out.append(loc)
        else:
            pairs.append((m.group(2) or "", ln))
    return out + groups(pairs)


@kind("cmake-trace-expand", "build")
def n_cmake_trace_expand(lines):
    """Rules 1+5: every CMake Error line (warnings one {"any"} per file), and every trace line of the project's own CMakeLists.txt calling project/add_library/add_executable/find_package/message."""
    own = [ln for ln in lines if re.match(r"^(?!/usr/)\S*CMakeLists\.txt\(\d+\):\s+"
                                          r"(project|add_library|add_executable|find_package|message)\(", ln)]
    return _cmake_diag(lines) + own + _exit(lines)


@kind("cmake-script-error", "build")
def n_cmake_script(lines):
    """Rules 1+5: every CMake Error line with its script.cmake:N location, every message() output line before it."""
    out = _cmake_diag(lines)
    first = next((i for i, ln in enumerate(lines) if ln.startswith("CMake Error")), len(lines))
    out += [ln for ln in lines[:first] if ln.strip()]
    return out + _exit(lines)


CMAKE_OWN = {"all", "clean", "depend", "edit_cache", "rebuild_cache", "install", "install/local", "install/strip",
             "list_install_components", "test"}


@kind("cmake-target-help", "build")
def n_cmake_help(lines):
    """Rule 5: every '... name' target line naming a target the project defines (not cmake's own)."""
    out = []
    for ln in lines:
        m = re.match(r"^\.\.\. (\S+)", ln)
        if m and m.group(1) not in CMAKE_OWN and not m.group(1).endswith((".o", ".i", ".s")):
            out.append(ln)
    return out + _exit(lines)


@kind("cmake-install", "build")
def n_cmake_install(lines):
    """Rules 1+5: the '-- Install configuration:' line, every '-- Installing:' line, every CMake Error line with its location."""
    out = [ln for ln in lines if ln.startswith(("-- Install configuration:", "-- Installing:"))]
    return _cmake_diag(lines) + out + _exit(lines)


@kind("ctest-N", "test")
def n_ctest_n(lines):
    """Rule 5: the first and last 'Test #N:' lines and the 'Total Tests: N' line."""
    tests = [ln for ln in lines if re.match(r"^\s*Test\s+#\d+:", ln)]
    return tests[:1] + tests[-1:] + [ln for ln in lines if ln.startswith("Total Tests:")] + _exit(lines)


@kind("ninja-d-explain", "build")
def n_ninja_explain(lines):
    """Rules 1+3+5: one {"any"} per reason shape of 'ninja explain:' lines, the last [N/M] line, every FAILED: line and error line (+ location), 'ninja: build stopped'."""
    pairs, out = [], []
    prog = [ln for ln in lines if re.match(r"^\[\d+/\d+\]", ln)]
    for i, ln in enumerate(lines):
        m = re.match(r"^ninja explain: (.*)$", ln)
        if m:
            shape = re.sub(r"\S*/\S*|\d+", "#", m.group(1))
            pairs.append((shape, ln))
        elif ln.startswith("FAILED:") or re.search(r"\berror:", ln) or ln.startswith("ninja: build stopped"):
            out.append(ln)
    return groups(pairs) + prog[-1:] + out + _exit(lines)


@kind("ninja-t-commands", "build")
def n_ninja_commands(lines):
    """Rule 5: the first and last command line and every link line ('-o' with no '-c')."""
    cmds = [ln for ln in lines if ln.strip()]
    link = [ln for ln in cmds if " -o " in ln and " -c " not in ln]
    return cmds[:1] + cmds[-1:] + link


@kind("ninja-t-query", "build")
def n_ninja_query(lines):
    """Rule 5: every target line (not indented) and every 'input:' / 'outputs:' header line."""
    return [ln for ln in lines if ln.strip() and (not ln[0].isspace() or ln.strip() in ("outputs:",)
                                                   or ln.strip().startswith("input:"))]


@kind("autoreconf-error", "build")
def n_autoreconf(lines):
    """Rule 1: every line holding 'error' and every 'autoreconf: … failed' line; warnings one {"any"} per (file, message shape)."""
    out, pairs = [], []
    for ln in lines:
        if re.search(r"error", ln, re.I) or re.match(r"^autoreconf: .*failed", ln):
            out.append(ln)
        elif re.search(r"warning:", ln):
            m = re.match(r"^([^:\s]+):", ln)
            pairs.append(((m.group(1) if m else "", mask(ln.split("warning:", 1)[1])), ln))
    return out + groups(pairs) + _exit(lines)


@kind("configure-error", "build")
def n_configure(lines):
    """Rules 1+5: every 'configure: error:' line, WARNING lines one {"any"} per message shape, every 'checking … no' line."""
    out, pairs = [], []
    for ln in lines:
        if ln.startswith("configure: error:"):
            out.append(ln)
        elif ln.startswith("configure: WARNING:"):
            pairs.append((mask(ln), ln))
        elif ln.startswith("checking ") and re.search(r"\.\.\. no$", ln):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("make-warn-undefined", "build")
def n_make_undef(lines):
    """Rules 1+3: one {"any"} per undefined variable name, every 'make: *** …' line and every Error/error: line of the recipe's tools."""
    pairs, out = [], []
    for ln in lines:
        m = re.search(r"warning: undefined variable [`'‘](\w+)", ln)
        if m:
            pairs.append((m.group(1), ln))
        elif re.search(r"\*\*\*", ln) or re.search(r"\b(Error|error:)", ln):
            out.append(ln)
    return groups(pairs) + out + _exit(lines)


@kind("dpkg-deb-build", "pkg")
def n_dpkg_build(lines):
    """Rules 1+5: every 'dpkg-deb: error:' line, warnings one {"any"} per message shape, every 'building package' line."""
    out, pairs = [], []
    for ln in lines:
        if "dpkg-deb: error:" in ln or "building package" in ln:
            out.append(ln)
        elif "warning:" in ln:
            pairs.append((mask(ln), ln))
    return out + groups(pairs) + _exit(lines)


@kind("npm-publish-dry-run", "pkg")
def n_npm_publish(lines):
    """Rules 1+3+5: npm-pack-dry-run's values, every 'npm error'/'npm ERR!' line, npm warn lines one {"any"} per shape, the '+ name@version' line."""
    out, pairs = list(n_npm_pack(lines)), []
    for ln in lines:
        if ln.startswith(("npm error", "npm ERR!")) or re.match(r"^\+ \S+@\S+$", ln):
            out.append(ln)
        elif ln.startswith(("npm warn", "npm WARN")):
            pairs.append((mask(ln), ln))
    return out + groups(pairs) + _exit(lines)


def _pip_wheel_setup(lines):
    exc = [ln for ln in lines if re.match(r"^\s*\w+(Error|Exception): ", ln)]
    return n_pip_wheel(lines) + exc + _exit(lines)


n_pip_wheel_setup = named("pip-wheel-setup-error", "pkg", "Rule 1: the pip-wheel-cext rule (every error:/ERROR:/×/╰─>/"
                          "Failed to build line) and each traceback's exception line.", _pip_wheel_setup)


@kind("cmake-graphviz", "build")
def n_cmake_graphviz(lines):
    """Rule 5: every node line ("nodeN" [ label = ...) and every edge line whose source is one of the project's own executables."""
    nodes = [ln for ln in lines if re.match(r'^\s*"node\d+" \[ label = ', ln)]
    exe = {m.group(1) for ln in nodes for m in [re.match(r'^\s*"(node\d+)" \[ label = .*shape = (egg|house)', ln)] if m}
    edges = [ln for ln in lines if re.match(r'^\s*"(node\d+)" -> ', ln) and re.match(r'^\s*"(node\d+)"', ln).group(1) in exe]
    return nodes + edges


@kind("ninja-t-deps", "build")
def n_ninja_deps(lines):
    """Rule 5: every STALE target header line, the first and last target header line."""
    heads = [ln for ln in lines if ln and not ln[0].isspace() and "#deps" in ln]
    return heads[:1] + heads[-1:] + [ln for ln in heads if "STALE" in ln] + _exit(lines)


@kind("cpack", "pkg")
def n_cpack(lines):
    """Rules 1+3: every CPack Error / CPack Warning line and every 'CPack: - package: ... generated.' line."""
    return [ln for ln in lines if re.match(r"^CPack (Error|Warning)", ln) or
            re.match(r"^CPack: - package: .* generated\.", ln)] + _exit(lines)


@kind("pkg-config-print-errors", "pkg")
def n_pkg_config(lines):
    """Rules 1+5: every line naming a package not found, a missing requirement or a malformed .pc file, and every flags line."""
    return [ln for ln in lines if re.search(r"not found|required by|[Mm]alformed|parse|Consider adjusting|"
                                             r"No package|^-[ILl]|^-D|\S+\.pc", ln) or ln.startswith("--- ")] + _exit(lines)


@kind("systemd-analyze-security", "table")
def n_sd_security(lines):
    """Rules 4+5: the header row, every ✗ row with exposure >= 0.3, the '→ Overall exposure level' line."""
    out = [ln for ln in lines if ln.strip().startswith("NAME ")][:1]
    for ln in lines:
        m = re.match(r"^✗ .*\s(\d+\.\d+)$", ln)
        if m and float(m.group(1)) >= 0.3:
            out.append(ln)
    return out + [ln for ln in lines if "Overall exposure level" in ln] + _exit(lines)


@kind("python-build", "pkg")
def n_python_build(lines):
    """Rules 1+3: every ERROR/error: line, each traceback's exception line, the '* Building' step lines, 'Successfully built'."""
    return [ln for ln in lines if re.search(r"\bERROR\b|\berror:", ln) or re.match(r"^\s*\w+(Error|Exception): ", ln)
            or ln.startswith("* Building") or ln.startswith("Successfully built")] + _exit(lines)


@kind("ctest-show-only-json", "test")
def n_ctest_json(lines):
    """Rule 5: the "kind" / "version" lines and the "name" line of the first and last test."""
    names = [ln for ln in lines if re.match(r'^\s{6}"name" : ', ln)]
    head = [ln for ln in lines if re.match(r'^\s*"kind" : "ctestInfo"', ln) or re.match(r'^\s{2}"version" :', ln)]
    return head + names[:1] + names[-1:]

# ------------------------------------------------------------------ tidelog: CMake, ctest, Ninja

TIDE_H = """#ifndef TIDELOG_H
#define TIDELOG_H
#include <stddef.h>
typedef struct { long t; double level_m; int station; } tide_sample;
int tide_parse(const char *line, tide_sample *out);
double tide_mean(const tide_sample *s, size_t n);
#endif
"""

CORE_C = """#include <stdio.h>
#include <stdlib.h>
#include "tidelog.h"
int tide_parse(const char *line, tide_sample *out) {
    return sscanf(line, "%ld,%lf,%d", &out->t, &out->level_m, &out->station) == 3 ? 0 : -1;
}
double tide_mean(const tide_sample *s, size_t n) {
    double acc = 0;
    for (size_t i = 0; i < n; i++) acc += s[i].level_m;
    return n ? acc / n : 0;
}
"""

MAIN_C = """#include <stdio.h>
#include "tidelog.h"
int main(int argc, char **argv) {
    tide_sample s[4];
    int n = 0;
    for (int i = 1; i < argc && n < 4; i++) if (tide_parse(argv[i], &s[n]) == 0) n++;
    printf("%d samples, mean %.3f m\\n", n, tide_mean(s, n));
    return n == 0;
}
"""


def gen_station(k: int) -> str:
    rnd = random.Random(5300 + k)
    fns = []
    for j in range(rnd.randint(3, 6)):
        fns.append(f"double station_{k}_filter_{j}(const tide_sample *s, size_t n) {{\n"
                   f"    double lim = {rnd.uniform(0.5, 9.0):.2f}, acc = 0;\n"
                   f"    for (size_t i = 0; i < n; i++) if (s[i].level_m < lim) acc += s[i].level_m * {rnd.randint(2, 9)};\n"
                   f"    return acc;\n}}\n")
    return '#include <stddef.h>\n#include "tidelog.h"\n\n' + "\n".join(fns)


def tidelog_cmake(n_st: int, extra: str = "") -> str:
    srcs = " ".join(f"src/station_{k}.c" for k in range(n_st))
    tests = "\n".join(f"add_test(NAME tide_{k:02d}_{w} COMMAND tidectl \"{1700000000 + k},{k * 0.37:.2f},{k % 7}\")"
                      for k, w in zip(range(40), random.Random(53).choices(["parse", "mean", "flood", "ebb"], k=40)))
    return f"""cmake_minimum_required(VERSION 3.13)
project(tidelog VERSION 0.4.2 LANGUAGES C)
message(STATUS "tidelog ${{PROJECT_VERSION}}: {n_st} station filters")
add_library(tidelog STATIC src/core.c {srcs})
target_include_directories(tidelog PUBLIC include)
add_executable(tidectl src/main.c)
target_link_libraries(tidectl PRIVATE tidelog)
add_executable(tidedump src/dump.c)
target_link_libraries(tidedump PRIVATE tidelog)
enable_testing()
{tests}
install(TARGETS tidelog tidectl tidedump ARCHIVE DESTINATION lib RUNTIME DESTINATION bin)
install(FILES include/tidelog.h DESTINATION include)
install(DIRECTORY share/ DESTINATION share/tidelog)
{extra}"""


def tidelog(tmp: Path) -> None:
    root = tmp / "tidelog"
    n_st = 14
    files = {"CMakeLists.txt": tidelog_cmake(n_st), "include/tidelog.h": TIDE_H, "src/core.c": CORE_C,
             "src/main.c": MAIN_C, "src/dump.c": MAIN_C.replace("samples", "dumped")}
    for k in range(n_st):
        files[f"src/station_{k}.c"] = gen_station(k)
    for k in range(12):
        files[f"share/stations/st{k:03d}.csv"] = "t,level_m,station\n"
    write_tree(root, files)
    run("cmake -G Ninja -S . -B build -DCMAKE_BUILD_TYPE=Release && ninja -C build", cwd=root)
    run("cmake -S . -B build-make", cwd=root)
    cap("cmake-target-help", "cmake --build build-make --target help", root, n_cmake_help)
    cap("ctest-N", "cd build && ctest -N", root, n_ctest_n)
    cap("ctest-show-only-json", "ctest --test-dir build --show-only=json-v1", root, n_ctest_json)
    cap("cmake-graphviz-cat", "cmake --graphviz=deps.dot build-make >/dev/null && cat deps.dot", root, n_cmake_graphviz)
    cap("ninja-t-deps-head", "ninja -C build -t deps | head -n 90", root, n_ninja_deps)
    cap("cmake-install-prefix", f"cmake --install build --prefix {tmp}/stage", root, n_cmake_install)
    cap("ninja-t-query", "ninja -C build -t query tidectl libtidelog.a", root, n_ninja_query)
    cap("ninja-t-commands-tail", "ninja -C build -t commands tidedump | tail -n 30", root, n_ninja_commands)
    # the header touched, one station broken: what is rebuilt and why
    run("sleep 1 && touch include/tidelog.h", cwd=root)
    (root / "src/station_6.c").write_text(gen_station(6) + "\ndouble station_6_bad(tide_sample *s) {\n"
                                          "    return s->depth_m * 2;\n}\n")
    cap("ninja-t-deps-stale", "ninja -C build -t deps CMakeFiles/tidelog.dir/src/core.c.o "
        "CMakeFiles/tidelog.dir/src/station_6.c.o CMakeFiles/tidectl.dir/src/main.c.o", root, n_ninja_deps)
    cap("ninja-d-explain", "ninja -C build -d explain 2>&1 | head -n 120; echo EXIT=$?", root, n_ninja_explain)
    # a second project whose configure fails: the trace as agents cut it
    bad = tmp / "tidelog-bad"
    files["CMakeLists.txt"] = tidelog_cmake(n_st, "find_package(NetCDF 4.9 REQUIRED)\n").replace(
        "cmake_minimum_required(VERSION 3.13)", "cmake_minimum_required(VERSION 2.8)").replace(
        "add_executable(tidedump src/dump.c)", "add_executable(tidedump src/dump.c src/export_netcdf.c)")
    write_tree(bad, files)
    cap("cmake-trace-expand-grep-head-min-2-8", "cmake --trace-expand -S . -B build 2>&1 | grep -v '^/usr/share/cmake' | "
        "head -n 200", bad, n_cmake_trace_expand)
    bad2 = tmp / "tidelog-bad2"
    files["CMakeLists.txt"] = tidelog_cmake(n_st, "find_package(NetCDF 4.9 REQUIRED)\n").replace(
        "add_executable(tidedump src/dump.c)", "add_executable(tidedump src/dump.c src/export_netcdf.c)")
    write_tree(bad2, files)
    cap("cmake-trace-expand-grep-tail", "cmake --trace-expand -S . -B build 2>&1 | grep -v '^/usr/share/cmake' | "
        "tail -n 120", bad2, n_cmake_trace_expand)
    # cpack on the tree whose station_6.c is broken
    write_tree(root, {"CMakeLists.txt": tidelog_cmake(n_st, 'set(CPACK_PACKAGE_CONTACT "ops@tide.example")\n'
                                                            'include(CPack)\n')})
    run("cmake -S . -B build-make && cmake --build build-make -j2", cwd=root, timeout=300)
    cap("cpack-verbose-echo-exit", "cd build-make && cpack -G 'TGZ;DEB' --verbose; echo EXIT=$?", root, n_cpack)
    script = ["cmake_minimum_required(VERSION 3.13)", 'set(STATIONS "")']
    for k in range(18):
        script.append(f'list(APPEND STATIONS "st{k:03d}")')
    script += ["foreach(st IN LISTS STATIONS)", '  message(STATUS "checking station ${st}")',
               '  if(NOT EXISTS "${CMAKE_CURRENT_LIST_DIR}/share/stations/${st}.csv")',
               '    message(WARNING "station file ${st}.csv missing")', "  endif()", "endforeach()",
               'file(READ "${CMAKE_CURRENT_LIST_DIR}/share/calibration.json" CAL)',
               'string(JSON OFFSET GET "${CAL}" offset_m)', 'message(STATUS "offset ${OFFSET}")']
    write_tree(root, {"check_stations.cmake": "\n".join(script) + "\n"})
    cap("cmake-P-script-echo-exit", "cmake -P check_stations.cmake; echo EXIT=$?", root, n_cmake_script)


# ------------------------------------------------------------------ autotools

CONFIGURE_AC = """AC_INIT([gaugectl], [1.3.0], [ops@tide.example])
AM_INIT_AUTOMAKE([foreign -Wall])
AC_PROG_CC
AC_CHECK_HEADERS([stdio.h stdlib.h string.h termios.h modbus/modbus.h sys/ioctl.h])
AC_CHECK_FUNCS([clock_gettime strlcpy cfmakeraw])
AC_CHECK_LIB([m], [sqrt])
AC_CHECK_LIB([modbus], [modbus_new_rtu], [], [AC_MSG_ERROR([libmodbus is required to talk to the gauge])])
AC_CONFIG_FILES([Makefile])
AC_OUTPUT
"""


def autotools(tmp: Path) -> None:
    broken = tmp / "gaugectl-broken"
    write_tree(broken, {
        "configure.ac": CONFIGURE_AC.replace("AC_CONFIG_FILES([Makefile])",
                                             "AM_CONDITIONAL([WITH_GPS], [test x$with_gps = xyes])\n"
                                             "AC_CONFIG_FILES([Makefile src/Makefile doc/Makefile])"),
        "Makefile.am": "SUBDIRS = src doc\nlib_LTLIBRARIES = libgauge.la\nlibgauge_la_SOURCES = gauge.c\n"
                       "if WITH_SERIAL\nbin_PROGRAMS = gaugectl\nendif\n",
        "src/Makefile.am": "bin_PROGRAMS = gaugectl\ngaugectl_SOURCES = main.c $(GPS_SRC)\n"
                           "gaugectl_CFLAGS = -DVERSION=\\\"$(VERSION)\\\"\n",
        "gauge.c": "int gauge(void) { return 0; }\n", "src/main.c": "int main(void) { return 0; }\n"})
    cap("autoreconf-fi-echo-exit", "autoreconf -fi; echo EXIT=$?", broken, n_autoreconf)
    ok = tmp / "gaugectl"
    write_tree(ok, {"configure.ac": CONFIGURE_AC, "Makefile.am": "bin_PROGRAMS = gaugectl\ngaugectl_SOURCES = main.c\n",
                    "main.c": "int main(void) { return 0; }\n"})
    run("autoreconf -fi", cwd=ok)
    cap("configure-missing-lib", "./configure; echo EXIT=$?", ok, n_configure)


# ------------------------------------------------------------------ make with undefined variables

MAKEFILE_UNDEF = """PREFIX ?= /usr/local
CC = gcc
CFLAGS = -O2 -Wall $(CFLAGS_EXTRA) $(GAUGE_DEFS)
STATIONS = $(wildcard stations/*.c)
OBJS = $(STATIONS:.c=.o)

all: gauge report install-check

gauge: $(OBJS)
\t$(CC) $(CFLAGS) -o $@ $(OBJS) $(LDLIBS_GAUGE)

%.o: %.c
\t$(CC) $(CFLAGS) $(CPPFLAGS_LOCAL) -c $< -o $@

report: gauge
\t./gauge --report $(REPORT_DIR)/tides.csv > $(REPORT_DIR)/summary.txt

install-check:
\t@test -d $(DESTDIR)$(PREFIX)/share/$(PKGNAME) || echo "Error: $(DESTDIR)$(PREFIX)/share/$(PKGNAME) missing"
\t@test -n "$(SIGNING_KEY)" || (echo "Error: SIGNING_KEY not set"; exit 2)
"""


def make_undef(tmp: Path) -> None:
    root = tmp / "gauge-make"
    files = {"Makefile": MAKEFILE_UNDEF}
    for k in range(9):
        files[f"stations/st{k}.c"] = f"int st{k}(void) {{ return {k}; }}\n" + (
            "int main(void) { return 0; }\n" if k == 0 else "")
    files["stations/st4.c"] = "int st4(void) { return undefined_level; }\n"
    write_tree(root, files)
    cap("make-warn-undefined-k-echo-exit", "make --warn-undefined-variables -k 2>&1; echo EXIT=$?", root, n_make_undef)


# ------------------------------------------------------------------ dpkg-deb --build

def control(name, version="1.3.0", arch="all", depends="libc6 (>= 2.31)", extra=""):
    lines = [f"Package: {name}"] + ([f"Version: {version}"] if version else []) + [
        f"Architecture: {arch}", "Maintainer: Tide Ops <ops@tide.example>", f"Depends: {depends}",
        f"Description: {name} for tide gauges", " Part of the tidelog tools."]
    return "\n".join(lines) + "\n" + extra


def debs(tmp: Path) -> None:
    root = tmp / "debs"
    trees = {
        "tidelog-common": control("tidelog-common"),
        "tidelog-tools": control("tidelog-tools", depends="tidelog-common (= 1.3.0), libmodbus5"),
        "TideLog-Web": control("TideLog-Web"),
        "tidelog-gauge": control("tidelog-gauge", version=""),
        "tidelog-sync": control("tidelog-sync", depends="python3 (>= 3.9, rsync"),
        "tidelog-doc": control("tidelog-doc", version="1.3.0~rc1"),
        "tidelog-agent": control("tidelog-agent", arch="amd64"),
        "tidelog-dbg": control("tidelog-dbg", version="1.3-0-x_y"),
    }
    for name, body in trees.items():
        write_tree(root / name, {"DEBIAN/control": body, f"usr/share/doc/{name}/README": f"{name}\n",
                                 f"usr/bin/{name}": "#!/bin/sh\necho tide\n"})
    write_tree(root / "tidelog-agent", {"DEBIAN/postinst": "#!/bin/sh\nsystemctl enable tidelog-agent\n"})
    run("chmod 0644 tidelog-agent/DEBIAN/postinst && mkdir -p out", cwd=root)
    cap("dpkg-deb-build-loop", "for d in tidelog-*/ TideLog-*/; do dpkg-deb --build --root-owner-group \"$d\" out/; "
        "done 2>&1", root, n_dpkg_build)


# ------------------------------------------------------------------ npm publish --dry-run

def npm_publish(tmp: Path) -> None:
    root = tmp / "tide-chart"
    files = {"package.json": """{
  "name": "tide-chart-widget",
  "version": "2.1.0",
  "description": "Tide level chart widget",
  "main": "dist/index.js",
  "bin": {"tide-chart": "bin/cli.js"},
  "repository": "github:tide-example/tide-chart",
  "scripts": {"build": "echo build"},
  "license": "MIT"
}
""", "README.md": "# tide-chart\n", "bin/cli.js": "console.log('tide')\n", ".env": "TOKEN=placeholder\n"}
    rnd = random.Random(5353)
    for k in range(26):
        files[f"dist/{rnd.choice(['chart', 'axis', 'legend', 'series'])}_{k}.js"] = "x".join(
            ["// generated\n"] * rnd.randint(1, 400))
    files["dist/index.js"] = "module.exports = {}\n"
    write_tree(root, files)
    cap("npm-publish-dry-run-offline", "npm publish --dry-run --registry http://127.0.0.1:9/ 2>&1; echo EXIT=$?",
        root, n_npm_publish, env={"npm_config_cache": str(tmp / "npm-cache")})


# ------------------------------------------------------------------ pip wheel of a broken setup.py

SETUP_PY = """import json
from pathlib import Path
from setuptools import setup, find_packages

here = Path(__file__).parent
meta = json.loads((here / "tidesync" / "meta.json").read_text())
setup(
    name="tidesync",
    version=meta["version"],
    packages=find_packages(),
    install_requires=[line.strip() for line in open(here / "requirements.txt")],
)
"""


def pip_wheel(tmp: Path) -> None:
    root = tmp / "tidesync"
    write_tree(root, {"setup.py": SETUP_PY, "tidesync/__init__.py": "", "tidesync/meta.json": '{"name": "tidesync",}\n',
                      "requirements.txt": "requests>=2\n"})
    cap("pip-wheel-setup-error-tail", "python3 -m pip wheel . --no-deps --no-build-isolation -w dist 2>&1 | "
        "tail -n 40", root, n_pip_wheel_setup, env={"PIP_CONFIG_FILE": "/dev/null"})


# ------------------------------------------------------------------ pkg-config, systemd units, python -m build

PCS = {
    "tidelog.pc": "prefix=/opt/tide\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: tidelog\n"
                  "Description: tide gauge logging\nVersion: 0.4.2\nRequires: libmodbus >= 3.1, netcdf\n"
                  "Libs: -L${libdir} -ltidelog\nCflags: -I${includedir}\n",
    "tidecore.pc": "prefix=/opt/tide\n\nName: tidecore\nDescription: core\nVersion: 1.0\nLibs: -L${prefix}/lib -ltidecore\n"
                   "Cflags: -I${prefix}/include/tidecore -DTIDE_CORE=1\n",
    "tidegps.pc": "prefix=/opt/tide\nName: tidegps\nVersion: 0.9\nLibs: -L${prefix}/lib -ltidegps\n"
                  "Requires: tidecore >= 2.0\n",
    "tideweb.pc": "prefix=/opt/tide\nName: tideweb\nDescription: web\nVersion: 0.2\nLibs: -L${libdirr} -ltideweb\n"
                  "Cflags: -I${prefix}/include ${undefined_flags\n",
}


def pkgconfig(tmp: Path) -> None:
    root = tmp / "pc"
    write_tree(root, PCS)
    cap("pkg-config-print-errors-loop", "for p in tidecore tidelog tidegps tideweb zlib libmodbus; do echo \"--- $p\"; "
        "pkg-config --print-errors --cflags --libs $p; done 2>&1", root, n_pkg_config,
        env={"PKG_CONFIG_PATH": str(root)})


UNIT = """[Unit]
Description=Tide gauge uploader
After=network-online.target

[Service]
Type=simple
ExecStart=/opt/tide/bin/tide-upload --station 7
Restart=on-failure
{extra}
[Install]
WantedBy=multi-user.target
"""


def units(tmp: Path) -> None:
    root = tmp / "units"
    write_tree(root, {"tide-upload.service": UNIT.format(extra=""),
                      "tide-gauge.service": UNIT.format(extra="User=tide\nProtectSystem=strict\nProtectHome=yes\n"
                                                              "PrivateTmp=yes\nNoNewPrivileges=yes\n"
                                                              "ReadWritePaths=/var/lib/tide\n")})
    cap("systemd-analyze-security-offline", "systemd-analyze security --offline=true tide-upload.service", root,
        n_sd_security)
    cap("systemd-analyze-security-hardened-tail", "systemd-analyze security --offline=true tide-gauge.service "
        "2>&1 | tail -n 45", root, n_sd_security)


def pybuild(tmp: Path) -> None:
    root = tmp / "tidesync-build"
    write_tree(root, {"pyproject.toml": '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = '
                                        '"setuptools.build_meta"\n\n[project]\nname = "tidesync"\nversion = "0.3.0"\n'
                                        'license = {file = "LICENSE.txt"}\nreadme = "README.md"\n'
                                        'dependencies = ["requests>=2", "pyserial >=3.5;"]\n',
                      "tidesync/__init__.py": "", "README.md": "# tidesync\n"})
    cap("python-m-build-no-isolation", f"{VENV}/bin/python -m build --no-isolation; echo EXIT=$?", root,
        n_python_build, typed="python -m build --no-isolation; echo EXIT=$?")


# ------------------------------------------------------------------ second samples, on the trees the steps above left

def seconds(tmp: Path) -> None:
    tide, gauge, ok = tmp / "tidelog", tmp / "gauge-make", tmp / "gaugectl"
    cap("ctest-N-R-flood", "ctest --test-dir build -N -R 'flood|ebb'", tide, n_ctest_n)
    cap("ninja-t-query-objects", "ninja -C build -t query CMakeFiles/tidelog.dir/src/core.c.o all tidedump", tide,
        n_ninja_query)
    cap("ninja-t-commands-head", "ninja -C build -t commands | head -n 25", tide, n_ninja_commands)
    cap("ninja-d-explain-n-tail", "ninja -C build -d explain -n 2>&1 | tail -n 40", tide, n_ninja_explain)
    cap("cmake-install-broken-build-echo-exit", f"cmake --install build-make --prefix {tmp}/stage2; echo EXIT=$?",
        tide, n_cmake_install)
    cap("cmake-P-define-tail", "cmake -DSTATION=st019 -P check_stations.cmake 2>&1 | tail -n 20", tide,
        n_cmake_script)
    cap("make-warn-undefined-n-head", "make --warn-undefined-variables -n 2>&1 | head -n 40", gauge, n_make_undef)
    cap("configure-with-gps-tail", "./configure --with-gps --prefix=/opt/tide 2>&1 | tail -n 25", ok, n_configure)
    cap("autoreconf-fiv-tail", "autoreconf -fiv 2>&1 | tail -n 50", tmp / "gaugectl-broken", n_autoreconf)
    cap("cpack-source-config", "cpack --config build-make/CPackSourceConfig.cmake -G 'TGZ;ZIP' 2>&1; echo EXIT=$?",
        tide, n_cpack)
    cap("cmake-graphviz-ninja-head", "cmake --graphviz=g.dot build >/dev/null && head -n 40 g.dot", tide,
        n_cmake_graphviz)
    cap("pkg-config-static-modversion-echo-exit", "for p in tidelog tidegps; do pkg-config --print-errors --static "
        "--libs $p; done; pkg-config --print-errors --modversion tidecore tideweb zlib; echo EXIT=$?", tmp / "pc",
        n_pkg_config, env={"PKG_CONFIG_PATH": str(tmp / "pc")})
    cap("python-m-build-sdist-tail", f"{VENV}/bin/python -m build --sdist --no-isolation 2>&1 | tail -n 20",
        tmp / "tidesync-build", n_python_build, typed="python -m build --sdist --no-isolation 2>&1 | tail -n 20")
    write_tree(tmp / "units", {"tide-web.service": UNIT.format(extra="DynamicUser=yes\nPrivateDevices=yes\n"
                                                                     "CapabilityBoundingSet=CAP_NET_BIND_SERVICE\n")})
    cap("systemd-analyze-security-grep-x", "systemd-analyze security --offline=true tide-web.service 2>&1 | "
        "grep -v '^✓'", tmp / "units", n_sd_security)


STEPS = [tidelog, autotools, make_undef, debs, npm_publish, pip_wheel, pkgconfig, units, pybuild, seconds]
