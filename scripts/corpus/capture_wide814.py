#!/usr/bin/env python3
"""Capture round 814 of the compression corpus: C and C++ test frameworks in outputs the corpus lacks, on a printer's
composing room written here (`composing`: a C library of formes, quoins, galleys, chases, compositors, sorts, leading
and furniture, sources in capture_wide814_src.py) with faults put in: an off-by-one in a galley's line count, a quoin
that opens instead of closing, a point-to-millimetre rounding error, a forme as deep as its chase that does not fit, a
compositor's hours rounded down, a first letter skipped when counting sorts, a NULL compositor dereferenced, a wait that
never returns (a Check timeout); tests generated in several sizes (12 to 240 cases).

Kinds (rules in NEEDLES.md's "Round 814" section). NEW: gtest-json, gtest-xml, gtest-list-tests, catch2-compact,
catch2-junit, libcheck, cunit-basic, doctest-cpp, cmocka-tap. Held already (extractors imported): gtest and catch2
(round 29), cmocka (round 120). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide814.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide814.json  as {"version": 2, "items": [...]}, ids prefixed "wide814-".
Tools:   Debian bookworm's g++/gcc 12.2.0, libgtest-dev 1.12.1, catch2 2.13.10 (single header), check 0.15.2,
         libcunit1-dev 2.1-3, doctest-dev 2.4.9, libcmocka-dev 1.1.5 (apt-get install, run as root).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide29_native import n_catch2, n_gtest  # noqa: E402
from capture_wide120_mcu import n_cmocka  # noqa: E402
import capture_wide814_src as src  # noqa: E402

ID_PREFIX = "wide814-"
DEFAULT_OUT = HERE / "data" / "wide814.json"
TMP = Path("/dev/shm/hm-corpus-wide814-run")
TOOLS = Path("/dev/shm/hm-corpus-wide814")
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
HEADERS = ["/usr/include/gtest/gtest.h", "/usr/include/catch2/catch.hpp", "/usr/include/check.h",
           "/usr/include/CUnit/Basic.h", "/usr/include/doctest/doctest.h", "/usr/include/cmocka.h"]


def ensure_tools() -> None:
    TOOLS.mkdir(parents=True, exist_ok=True)
    missing = [h for h in HEADERS if not Path(h).exists()]
    if missing:
        cm.run("apt-get install -y --no-install-recommends libgtest-dev catch2 check libcunit1-dev doctest-dev "
               "libcmocka-dev", timeout=600)
    assert shutil.which("g++") and shutil.which("gcc"), "g++/gcc not found"


# ================================================================== extractors (NEEDLES.md, round 814)

EXIT = re.compile(r"^EXIT=\d+$")
RT_ERR = re.compile(r":\d+(:\d+)?: (fatal )?error:|Segmentation fault|Aborted|terminate called|core dumped")
LOC = r"[\w./-]+\.(c|cc|cpp|h|hpp)[:(]\d+"


def _common(lines):
    """EXIT=N lines; compiler/runtime error lines with a location within six lines (rule 1)"""
    out = []
    for i, ln in enumerate(lines):
        if EXIT.match(ln):
            out.append(ln)
        elif RT_ERR.search(ln):
            out.append(ln)
            if not re.search(LOC, ln):
                out.append(cm.next_match(lines, i, LOC))
    return out


def _jval(ln):
    m = re.match(r'^\s*"(\w+)": (.*?),?$', ln)
    return (m.group(1), m.group(2)) if m else (None, None)


@cm.kind("gtest-json", "json")
def n_gtest_json(lines):
    """root tests/failures/disabled/errors lines; failing suites' and testcases' name lines; first failure line each;
    result lines not COMPLETED"""
    out, firsts = [], set()
    for ln in lines:
        k, v = _jval(ln)
        if k in ("tests", "failures", "disabled", "errors") and k not in firsts and not v.startswith("["):
            firsts.add(k)
            out.append(ln)
        if k == "result" and v.strip('"') != "COMPLETED":
            out.append(ln)
    # suites: a "name" line followed (before the next "name") by "failures": N>0
    name = None
    for i, ln in enumerate(lines):
        k, v = _jval(ln)
        if k == "name":
            name = ln
        elif k == "failures" and name is not None:
            if v.isdigit() and int(v) > 0:
                out.append(name)
            elif v.startswith("["):  # a failing testcase
                out.append(name)
                fl = cm.next_match(lines, i, r'^\s*"failure": ', 4)
                if fl:
                    out.append(fl)
            name = None if not v.startswith("[") else name
    return out + _common(lines)


@cm.kind("gtest-xml", "test")
def n_gtest_xml(lines):
    """<testsuites root line; <testsuite lines with failures != 0; <testcase lines holding <failure and that line;
    <skipped lines"""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("<testsuites "):
            out.append(ln)
        elif s.startswith("<testsuite ") and not re.search(r'\bfailures="0"', s):
            out.append(ln)
        elif s.startswith("<testcase ") and not s.endswith("/>"):
            nxt = cm.next_match(lines, i, r"^\s*<(failure|skipped|/testcase)", 8)
            if nxt and "<failure" in nxt:
                out += [ln, nxt]
        elif s.startswith("<skipped"):
            out.append(ln)
    return out + _common(lines)


@cm.kind("gtest-list-tests", "test")
def n_gtest_list(lines):
    """every Suite. line at column 0 and every indented test line under it"""
    out, in_suite = [], False
    for ln in lines:
        if re.match(r"^[A-Za-z_][\w/]*\.\s*(#.*)?$", ln):
            in_suite = True
            out.append(ln)
        elif in_suite and re.match(r"^  [A-Za-z_]\w*(/\d+)?\s*(#.*)?$", ln):
            out.append(ln)
        else:
            in_suite = False
    return out + _common(lines)


@cm.kind("catch2-compact", "test")
def n_catch2_compact(lines):
    """every `failed:` line, every `: error:`/exception line; the closing Failed/Passed line"""
    out = []
    for ln in lines:
        if re.search(r"\bfailed:|: error:|exception", ln, re.I) or \
                re.match(r"^(Failed \d+ test cases?|Passed (all )?\d+ test cases?|Passed \w+ \d+ test)", ln) or \
                re.match(r"^(Failed|Passed) (all|both|\d+)", ln):
            out.append(ln)
    return out + _common(lines)


@cm.kind("catch2-junit", "test")
def n_catch2_junit(lines):
    """<testsuite line; <testcase lines holding <failure/<error, that line, and its `at file:line` line"""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("<testsuite "):
            out.append(ln)
        elif s.startswith("<testcase ") and not s.endswith("/>"):
            nxt = cm.next_match(lines, i, r"^\s*<(failure|error|/testcase)", 8)
            if nxt and re.search(r"<(failure|error)", nxt):
                out.append(ln)
        if re.match(r"^\s*<(failure|error)\b", ln):
            out.append(ln)
            at = cm.next_match(lines, i, r"^at \S+:\d+|^\S+\.(cpp|cc|hpp):\d+", 6)
            if at:
                out.append(at)
    return out + _common(lines)


CK_RES = re.compile(r"^\S+:\d+:([A-Z]):[^:]+:[^:]+:\d+: ")


@cm.kind("libcheck", "test")
def n_libcheck(lines):
    """Running suite(s) lines; every result line whose status is not P; every N%: Checks: summary line"""
    out = []
    for ln in lines:
        m = CK_RES.match(ln)
        if ln.startswith("Running suite") or re.match(r"^\d+%: Checks: \d+", ln) or (m and m.group(1) != "P"):
            out.append(ln)
    return out + _common(lines)


@cm.kind("cunit-basic", "test")
def n_cunit(lines):
    """each ...FAILED test line with its Suite: line; the first numbered failure line under each; Run Summary header
    and suites/tests/asserts rows; Elapsed time"""
    out, suite = [], None
    for i, ln in enumerate(lines):
        if re.match(r"^Suite: ", ln):
            suite = ln
        if re.search(r"Test: .*\.\.\.FAILED", ln):
            if suite:
                out.append(suite)
            out.append(ln)
            fl = cm.next_match(lines, i, r"^\s+1\. \S+:\d+", 4)
            if fl:
                out.append(fl)
        if re.match(r"^Run Summary:", ln) or re.match(r"^\s+(suites|tests|asserts)\s+\d+", ln) or \
                ln.startswith("Elapsed time"):
            out.append(ln)
    return out + _common(lines)


DT_ERR = re.compile(r"^\S+(\(\d+\)|:\d+): (FATAL )?ERROR: ")
DT_WARN = re.compile(r"^(\S+?)(\(\d+\)|:\d+): WARNING: (.*)")


@cm.kind("doctest-cpp", "test")
def n_doctest(lines):
    """TEST CASE: lines; ERROR:/FATAL ERROR: lines and the values: line after each; [doctest] summary lines;
    WARNING: lines one any per (message shape, file)"""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^TEST CASE:", ln) or re.match(r"^\[doctest\] (test cases|assertions|Status):", ln):
            out.append(ln)
        elif DT_ERR.match(ln):
            out.append(ln)
            v = cm.next_match(lines, i, r"^\s+values: ", 6)
            if v:
                out.append(v)
        else:
            w = DT_WARN.match(ln)
            if w:
                warns.append(((cm.mask(re.sub(r"\(.*\)", "()", w.group(3))), w.group(1)), ln))
    return out + cm.groups(warns) + _common(lines)


@cm.kind("cmocka-tap", "test")
def n_cmocka_tap(lines):
    """the 1..N plan; every not ok line and the first # line after it; the # lines after the last test"""
    out = [ln for ln in lines if re.match(r"^\d+\.\.\d+", ln)]
    last = max((i for i, ln in enumerate(lines) if re.match(r"^(not )?ok \d+", ln)), default=len(lines))
    for i, ln in enumerate(lines):
        if re.match(r"^not ok \d+", ln):
            out.append(ln)
            d = cm.next_match(lines, i, r"^#\s*\S", 6)
            if d and not re.match(r"^(not )?ok \d+", d):
                out.append(d)
    out += [ln for ln in lines[last + 1:] if re.match(r"^#\s*\S", ln)]
    return out + _common(lines)


# ================================================================== steps

SIZES = {"s": 12, "m": 60, "l": 240}


def _d(tmp: Path, name: str) -> Path:
    return tmp / f"composing-{name}"


def _build(tmp: Path, name: str, files: dict, cmd: str, timeout: int = 400) -> Path:
    d = _d(tmp, name)
    cm.write_tree(d, {"composing.h": src.COMPOSING_H, "composing.c": src.COMPOSING_C, **files})
    cm.run("nice gcc -O0 -g -c composing.c -o composing.o && nice " + cmd, cwd=d, timeout=timeout)
    return d


def step_gtest(tmp: Path) -> None:
    for sz, n in SIZES.items():
        _build(tmp, f"gtest-{sz}", {"chases_test.cc": src.gtest_src(n)},
               "g++ -std=c++17 -O0 -o chases_test chases_test.cc composing.o -lgtest -lgtest_main -pthread")
    d = lambda sz: _d(tmp, f"gtest-{sz}")  # noqa: E731
    cap("gtest-json-s", "./chases_test --gtest_output=json:report.json >/dev/null 2>&1; cat report.json", d("s"),
        n_gtest_json)
    cap("gtest-json-m", "./chases_test --gtest_output=json:report.json >/dev/null 2>&1; echo EXIT=$?; "
        "cat report.json", d("m"), n_gtest_json)
    cap("gtest-json-m-jq", "./chases_test --gtest_filter='-*SortsCounted*' --gtest_output=json >/dev/null 2>&1; "
        "python3 -m json.tool test_detail.json", d("m"), n_gtest_json)
    cap("gtest-json-filter", "./chases_test --gtest_filter='Quoin*:Chase*:Compositor*:Furniture*' "
        "--gtest_also_run_disabled_tests=0 --gtest_output=json:q.json >/dev/null; cat q.json", d("m"), n_gtest_json)
    cap("gtest-json-repeat", "./chases_test --gtest_filter='GalleyTest.*:PointsTest.*' --gtest_repeat=2 "
        "--gtest_output=json:r.json >/dev/null; cat r.json", d("s"), n_gtest_json)
    cap("gtest-xml-s", "./chases_test --gtest_output=xml:report.xml >/dev/null 2>&1; cat report.xml", d("s"),
        n_gtest_xml)
    cap("gtest-xml-m", "./chases_test --gtest_output=xml >/dev/null 2>&1; echo EXIT=$?; cat test_detail.xml",
        d("m"), n_gtest_xml)
    cap("gtest-xml-l-lines", "./chases_test --gtest_filter='*LinesFill*:Quoin*' --gtest_output=xml:out/ "
        ">/dev/null 2>&1; cat out/chases_test.xml", d("l"),
        n_gtest_xml)
    cap("gtest-xml-filter-shuffle", "./chases_test --gtest_shuffle --gtest_random_seed=814 "
        "--gtest_filter='-*GalleyCase*' --gtest_output=xml:f.xml >/dev/null; cat f.xml", d("m"), n_gtest_xml)
    cap("gtest-list-s", "./chases_test --gtest_list_tests", d("s"), n_gtest_list)
    cap("gtest-list-l", "./chases_test --gtest_list_tests", d("l"), n_gtest_list)
    cap("gtest-list-filter", "./chases_test --gtest_list_tests --gtest_filter='*Sorts*:Compositor*'", d("m"),
        n_gtest_list)
    cap("gtest-list-m-disabled", "./chases_test --gtest_list_tests --gtest_also_run_disabled_tests", d("m"),
        n_gtest_list)
    cap("gtest-console-shuffle", "./chases_test --gtest_shuffle --gtest_random_seed=814 2>&1; echo EXIT=$?", d("m"),
        n_gtest)
    cap("gtest-console-brief-l", "./chases_test --gtest_brief=1 2>&1", d("l"), n_gtest)


def step_catch(tmp: Path) -> None:
    main = tmp / "catch-main"
    cm.write_tree(main, {"catch_main.cpp": "#define CATCH_CONFIG_MAIN\n#include <catch2/catch.hpp>\n"})
    if not (main / "catch_main.o").exists():
        cm.run("nice g++ -std=c++17 -O0 -c catch_main.cpp -o catch_main.o", cwd=main, timeout=500)
    for sz, n in SIZES.items():
        _build(tmp, f"catch-{sz}", {"galleys_catch.cpp": src.catch_src(n)},
               f"g++ -std=c++17 -O0 -o galleys_catch galleys_catch.cpp composing.o {main}/catch_main.o")
    d = lambda sz: _d(tmp, f"catch-{sz}")  # noqa: E731
    cap("catch2-compact-s", "./galleys_catch -r compact 2>&1; echo EXIT=$?", d("s"), n_catch2_compact)
    cap("catch2-compact-m", "./galleys_catch -r compact 2>&1", d("m"), n_catch2_compact)
    cap("catch2-compact-l-success", "./galleys_catch -r compact -s '[galley]' 2>&1 | head -n 400", d("l"),
        n_catch2_compact)
    cap("catch2-compact-tags", "./galleys_catch -r compact '[quoin],[chase],[compositor],[furniture],[proof]' 2>&1; "
        "echo EXIT=$?", d("m"), n_catch2_compact)
    cap("catch2-junit-s", "./galleys_catch -r junit 2>&1", d("s"), n_catch2_junit)
    cap("catch2-junit-m", "./galleys_catch -r junit -o junit.xml; echo EXIT=$?; cat junit.xml", d("m"),
        n_catch2_junit)
    cap("catch2-junit-l", "./galleys_catch -r junit 2>&1", d("l"), n_catch2_junit)
    cap("catch2-junit-abort", "./galleys_catch -r junit -a '~[gen]' 2>&1; echo EXIT=$?", d("m"), n_catch2_junit)
    cap("catch2-console-m", "./galleys_catch 2>&1; echo EXIT=$?", d("m"), n_catch2)


def step_doctest(tmp: Path) -> None:
    for sz, n in SIZES.items():
        _build(tmp, f"doctest-{sz}", {"formes_doctest.cpp": src.doctest_src(n)},
               "g++ -std=c++17 -O0 -o formes_doctest formes_doctest.cpp composing.o")
    d = lambda sz: _d(tmp, f"doctest-{sz}")  # noqa: E731
    cap("doctest-s", "./formes_doctest 2>&1; echo EXIT=$?", d("s"), n_doctest)
    cap("doctest-m", "./formes_doctest 2>&1", d("m"), n_doctest)
    cap("doctest-l", "./formes_doctest --no-colors 2>&1", d("l"), n_doctest)
    cap("doctest-success-s", "./formes_doctest --success --test-case='quoin*,forme*,leading' 2>&1; echo EXIT=$?",
        d("s"), n_doctest)
    cap("doctest-abort-after", "./formes_doctest --abort-after=5 --duration 2>&1", d("l"), n_doctest)


def step_check(tmp: Path) -> None:
    lib = "-pthread -lcheck_pic -lrt -lm -lsubunit"
    for sz, n in SIZES.items():
        _build(tmp, f"check-{sz}", {"check_quoins.c": src.check_src(n, timeout_case=sz != "l")},
               f"gcc -O0 -g -o check_quoins check_quoins.c composing.o {lib}")
    d = lambda sz: _d(tmp, f"check-{sz}")  # noqa: E731
    cap("libcheck-verbose-s", "CK_VERBOSITY=verbose ./check_quoins 2>&1; echo EXIT=$?", d("s"), n_libcheck, timeout=60)
    cap("libcheck-normal-m", "./check_quoins 2>&1; echo EXIT=$?", d("m"), n_libcheck, timeout=60)
    cap("libcheck-verbose-m", "CK_VERBOSITY=verbose ./check_quoins 2>&1", d("m"), n_libcheck, timeout=60)
    cap("libcheck-verbose-l", "CK_VERBOSITY=verbose ./check_quoins 2>&1; echo EXIT=$?", d("l"), n_libcheck,
        timeout=60)
    cap("libcheck-suite-compositor", "CK_RUN_SUITE=Compositor CK_VERBOSITY=verbose ./check_quoins 2>&1; "
        "echo EXIT=$?", d("m"), n_libcheck, timeout=60)


def step_cunit(tmp: Path) -> None:
    for sz, n in SIZES.items():
        _build(tmp, f"cunit-{sz}", {"galley_cunit.c": src.cunit_src(n)},
               "gcc -O0 -g -o galley_cunit galley_cunit.c composing.o -lcunit")
    _build(tmp, "cunit-crash", {"galley_cunit.c": src.cunit_src(30, crash=True)},
           "gcc -O0 -g -o galley_cunit galley_cunit.c composing.o -lcunit")
    d = lambda sz: _d(tmp, f"cunit-{sz}")  # noqa: E731
    cap("cunit-s", "./galley_cunit 2>&1; echo EXIT=$?", d("s"), n_cunit)
    cap("cunit-m", "./galley_cunit 2>&1", d("m"), n_cunit)
    cap("cunit-l", "./galley_cunit 2>&1; echo EXIT=$?", d("l"), n_cunit)
    cap("cunit-crash", "./galley_cunit 2>&1; echo EXIT=$?", d("crash"), n_cunit)


def step_cmocka(tmp: Path) -> None:
    for sz, n in SIZES.items():
        _build(tmp, f"cmocka-{sz}", {"test_furniture.c": src.cmocka_src(n)},
               "gcc -O0 -g -o test_furniture test_furniture.c composing.o -lcmocka")
    d = lambda sz: _d(tmp, f"cmocka-{sz}")  # noqa: E731
    cap("cmocka-tap-s", "CMOCKA_MESSAGE_OUTPUT=TAP ./test_furniture 2>&1; echo EXIT=$?", d("s"), n_cmocka_tap)
    cap("cmocka-tap-m", "CMOCKA_MESSAGE_OUTPUT=tap ./test_furniture 2>&1", d("m"), n_cmocka_tap)
    cap("cmocka-tap-l", "CMOCKA_MESSAGE_OUTPUT=TAP ./test_furniture 2>&1; echo EXIT=$?", d("l"), n_cmocka_tap)
    cap("cmocka-tap-filter", "CMOCKA_MESSAGE_OUTPUT=TAP CMOCKA_TEST_ABORT=0 ./test_furniture 2>&1 | grep -v '^ok '",
        d("l"), n_cmocka_tap)
    cap("cmocka-console-m", "./test_furniture 2>&1; echo EXIT=$?", d("m"), n_cmocka)


STEPS = [step_gtest, step_catch, step_doctest, step_check, step_cunit, step_cmocka]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide814", sys.modules["__main__"])
    main()
