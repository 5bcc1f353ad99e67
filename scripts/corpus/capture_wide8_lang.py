"""Round 8, language toolchains: Java (javac -Xdiags:verbose, jshell, a JUnit-console-style tree, javap -v, jar tf,
jdeps, -XshowSettings, -Xlog:gc), Ruby (rake --trace, gem env), Perl (podchecker), Tcl (errorInfo), C/C++ (gcc -M,
size, strings, addr2line, gcov, a g++ template error, readelf -d, callgrind_annotate, ms_print) and build tools
(cmake --build --verbose, ctest -V, ninja -t, make --debug=b, pkg-config). Each extractor's docstring is its rule.
The capture functions are in capture_wide8_lang_caps.py; run through capture_wide8.py."""

from __future__ import annotations

import re

from capture_data import rule4
from capture_more import kind, next_match
from capture_wide8 import diagnostics, table

JAVA_LOC = r"^\S+\.java:\d+"


@kind("javac-xdiags-verbose", "build")
def n_javac_verbose(lines):
    """Rules 1+3 on javac -Xdiags:verbose: every 'X.java:N: error:' line and the 'required:/found:/reason:' lines (the first 40); one {"any"} per warning shape and file; the 'N errors' line."""
    out = [ln for ln in lines if re.search(r"\.java:\d+: error:", ln)]
    out += [ln for ln in lines if re.match(r"^\s+(required|found|reason):", ln)][:40]
    return out + diagnostics(lines, err=r"^$x", warn=r"\.java:\d+: warning:", summary=r"^\d+ (errors?|warnings?)$")


@kind("jshell-errors", "code")
def n_jshell(lines):
    """Rule 1 on a jshell session: every 'Error:' line and the line after it (the message); every exception line ('Exception java.…')."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\|\s+Error:", ln):
            out += [ln, lines[i + 1] if i + 1 < len(lines) else None]
        if re.search(r"\|\s+Exception \S+", ln):
            out.append(ln)
    return out


@kind("junit-console-tree", "test")
def n_junit_tree(lines):
    """Rule 2 on a JUnit-console-style tree: every failed test line (✘), the first expectation line under it, and the summary counts lines."""
    out = []
    for i, ln in enumerate(lines):
        if "✘" in ln:
            out += [ln, next_match(lines, i, r"(?i)expected|assert|exception")]
    return out + [ln for ln in lines if re.search(r"\[\s+\d+ tests (successful|failed|found)\s+\]", ln)]


@kind("javap-v", "code")
def n_javap(lines):
    """Rule 6 on javap -v: the class declaration line and the first line of every method/field declaration (the unindented-by-two signature lines)."""
    return [ln for ln in lines if re.match(r"^(public |final |abstract )*(class|interface) ", ln) or re.match(r"^  (public|private|protected|static|final|[\w.<>\[\]]+ )[^=]*\(.*\);$", ln)]


@kind("jar-tf", "listing")
def n_jar(lines):
    """Rule 5 on jar tf: the first entry under every distinct directory and the META-INF/MANIFEST.MF line."""
    seen: dict[str, str] = {}
    for ln in lines:
        seen.setdefault(ln.rsplit("/", 1)[0] if "/" in ln.rstrip("/") else "", ln)
    return list(seen.values())


@kind("jdeps-verbose", "pkg")
def n_jdeps(lines):
    """Rule 5 on jdeps -verbose:package: every dependency on a 'not found' or JDK-internal target; one line per distinct target module."""
    out = [ln for ln in lines if re.search(r"not found|JDK internal", ln)]
    mods: dict[str, str] = {}
    for ln in lines:
        m = re.search(r"->\s+\S+\s+(\S+)$", ln)
        if m:
            mods.setdefault(m.group(1), ln)
    return out + list(mods.values())


@kind("java-showsettings", "doc")
def n_showsettings(lines):
    """Rule 5 on java -XshowSettings:all: every section heading ('VM settings:', 'Property settings:' …) and the java.version, java.home, os.name, file.encoding and max heap lines."""
    return [ln for ln in lines if re.match(r"^\S.*settings:$|^Operating System Metrics:$", ln)
            or re.match(r"^\s+(java\.version|java\.home|os\.name|file\.encoding|Max\. Heap Size.*|Default locale) = ", ln)]


@kind("java-xlog-gc", "log")
def n_xlog_gc(lines):
    """Rules 1+4 on -Xlog:gc*: every error/OutOfMemory line; the Pause lines of min and max duration; the 'Using G1' header line."""
    pauses = [(ln, {"ms": m.group(1)}) for ln in lines for m in [re.search(r"Pause .* (\d+\.\d+)ms$", ln)] if m]
    return diagnostics(lines, err=r"(?i)OutOfMemory|error|exception") + rule4(pauses, nums=("ms",)) + \
        [ln for ln in lines if re.search(r"\] Using ", ln)]


@kind("rake-trace", "build")
def n_rake(lines):
    """Rules 1+3 on rake --trace: the 'rake aborted!' line, the error message after it and the first Rakefile location; rule 5: every '** Invoke' of a task whose '** Execute' never came."""
    out = diagnostics(lines, err=r"rake aborted!|Error|error:", loc=r"Rakefile:\d+")
    inv = {m.group(1): ln for ln in lines for m in [re.match(r"^\*\* Invoke (\S+)", ln)] if m}
    ex = {m.group(1) for ln in lines for m in [re.match(r"^\*\* Execute (\S+)", ln)] if m}
    return out + [ln for t, ln in inv.items() if t not in ex]


@kind("gem-env", "doc")
def n_gem_env(lines):
    """Rule 5 on gem env: the RUBYGEMS VERSION, RUBY VERSION, INSTALLATION DIRECTORY, RUBY EXECUTABLE and the GEM PATHS heading lines."""
    return [ln for ln in lines if re.match(r"^\s+- (RUBYGEMS VERSION|RUBY VERSION|INSTALLATION DIRECTORY|RUBY EXECUTABLE|GEM PATHS|USER INSTALLATION DIRECTORY)", ln)]


@kind("podchecker", "lint")
def n_podchecker(lines):
    """Rules 1+3 on podchecker: every '*** ERROR:' line; one {"any"} per WARNING shape and file; every 'pod syntax OK'/'does not contain' summary line."""
    return diagnostics(lines, err=r"\*\*\* ERROR", warn=r"\*\*\* WARNING", summary=r"pod syntax OK|has \d+ pod syntax error|does not contain any pod")


@kind("tcl-errorinfo", "code")
def n_tcl(lines):
    """Rule 1 on a Tcl error trace: the error message (the line before '    while executing') and every '(procedure "x" line N)' location."""
    return [lines[i - 1] for i, ln in enumerate(lines) if i and ln.strip() == "while executing"] + [ln for ln in lines if re.search(r'\((procedure|file) "[^"]+" line \d+\)', ln)]


@kind("gcc-M-deps", "build")
def n_gcc_m(lines):
    """Rule 5 on gcc -M: every rule target line ('x.o: x.c …') and every line naming a header given by a relative path (the project's own headers)."""
    out = [ln for ln in lines if re.match(r"^\S+\.o:", ln)]
    return out + [ln for ln in lines if any(t.endswith(".h") and not t.startswith("/") for t in ln.split())]


@kind("size-berkeley", "table")
def n_size(lines):
    """Rule 4 on size (Berkeley format): the header; the rows of min and max text, data, bss and dec."""
    return table(lines, r"^\s*text\s+data\s+bss", ["text", "data", "bss", "dec", "hex", "file"], nums=("text", "data", "bss", "dec"))


@kind("strings-binary", "listing")
def n_strings(lines):
    """Rule 5 on strings -n 6 of a binary: the first 60 lines naming an error/usage/version/copyright string (what a question on the binary asks)."""
    return [ln for ln in lines if re.search(r"(?i)^usage:|error|invalid|version|copyright", ln)][:60]


@kind("addr2line-f", "code")
def n_addr2line(lines):
    """Rule 5 on addr2line -f -C: every function-name line and every 'file:line' location line ('??' included)."""
    return [ln for ln in lines if ln.strip()]


@kind("gcov-report", "test")
def n_gcov(lines):
    """Rules 3+5 on gcov -b and its .gcov file: every 'Lines executed'/'Branches executed'/'Taken at least once'/'Calls executed' summary; every never-executed line ('#####:')."""
    return [ln for ln in lines if re.search(r"^(Lines executed|Branches executed|Taken at least once|Calls executed|File ')", ln)
            or re.match(r"^\s+#####:", ln)]


@kind("gpp-template-error", "build")
def n_gpp(lines):
    """Rule 1 on a g++ template error: every 'file:line:col: error:' line, every 'required from here' line, and one {"any"} per note shape (the first 20 shapes)."""
    out = [ln for ln in lines if re.search(r":\d+:\d+: error:|required from here", ln)]
    return out + diagnostics(lines, err=r"^$x", warn=r":\d+:\d+: note:")[:20]


@kind("readelf-d", "table")
def n_readelf_d(lines):
    """Rule 5 on readelf -d: every NEEDED, SONAME, RPATH/RUNPATH and FLAGS entry, and the 'Dynamic section' header."""
    return [ln for ln in lines if re.search(r"\((NEEDED|SONAME|RPATH|RUNPATH|FLAGS|FLAGS_1)\)|^Dynamic section", ln)]


@kind("callgrind-annotate", "table")
def n_callgrind(lines):
    """Rules 3+4 on callgrind_annotate: the totals line ('PROGRAM TOTALS'); the header; the rows of max Ir (the top function) and every row of the program's own source."""
    out = [ln for ln in lines if "PROGRAM TOTALS" in ln or re.match(r"^\s*Ir\b", ln)]
    rows = [(ln, {"ir": ln.split()[0].replace(",", "")}) for ln in lines if re.match(r"^\s*[\d,]+ \(", ln)]
    return out + rule4(rows, nums=("ir",))[1::2] + [ln for ln in lines if "hot.c:" in ln and re.match(r"^\s*[\d,]+", ln)]


@kind("ms-print", "table")
def n_ms_print(lines):
    """Rule 4 on ms_print: the 'MB'/'KB' peak line of the graph header, the snapshot table header and the snapshot rows of min and max total bytes; every '(peak)' line."""
    rows = [(ln, {"total": ln.split()[2]}) for ln in lines if re.match(r"^\s+\d+\s+[\d,]+\s+[\d,]+\s+[\d,]+", ln)]
    hdr = [ln for ln in lines if re.match(r"^\s+n\s+time\(i\)", ln)][:1]
    return hdr + rule4(rows, nums=("total",)) + [ln for ln in lines if "(peak)" in ln]


@kind("cmake-build-verbose", "build")
def n_cmake_verbose(lines):
    """Rules 1+3 on cmake --build --verbose: every error line with its location; one {"any"} per warning shape and file; the make Error and 'Built target' lines."""
    return diagnostics(lines, err=r": error:|\*\*\* \[|Error \d", warn=r": warning:", summary=r"Built target|\[100%\]")


@kind("ctest-verbose", "test")
def n_ctest_v(lines):
    """Rule 2 on ctest -V: every '***Failed'/'Not Run' test line, the first failure message line of each, and the 'tests passed' summary and failed-list lines."""
    out = [ln for ln in lines if re.search(r"\*\*\*(Failed|Exception)|Not Run|tests passed|^\s+\d+ - \S+ \(Failed\)", ln)]
    return out + [ln for ln in lines if re.match(r"^\d+: (FAIL|Assertion)", ln)]


@kind("ninja-t-targets", "build")
def n_ninja_targets(lines):
    """Rule 4 on ninja -t targets all (target: rule): every target of a rare rule while one rule covers half; the first target of each rule."""
    rows = [(ln, {"rule": ln.rsplit(": ", 1)[-1]}) for ln in lines if ": " in ln]
    firsts: dict[str, str] = {}
    for ln, r in rows:
        firsts.setdefault(r["rule"], ln)
    return rule4(rows, cat=("rule",)) + list(firsts.values())


@kind("make-debug-b", "build")
def n_make_debug(lines):
    """Rules 1+3+5 on make --debug=b: every error line; every 'Must remake target' line (what will be rebuilt)."""
    return diagnostics(lines, err=r"\*\*\*|[Ee]rror \d") + [ln for ln in lines if "Must remake target" in ln]


@kind("pkg-config-list-all", "pkg")
def n_pkgconfig(lines):
    """Rule 5 on pkg-config --list-all: the rows of the packages a C build would ask for (zlib, libpng, openssl, libffi, sqlite3, python3), first and last rows."""
    return [ln for ln in lines if re.match(r"^(zlib|libpng|openssl|libffi|sqlite3|python3|libcurl|libxml-2\.0)\s", ln)] + lines[:1] + [lines[-1]]

