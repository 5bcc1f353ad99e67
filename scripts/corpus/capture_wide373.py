#!/usr/bin/env python3
"""Capture round 373 of the compression corpus: JVM tools beyond javac, JUnit and Maven, on small programs written
here with faults put in (`org.bellcast`, a bell foundry's casting book): the JVM's fatal error report and the
crashing run's console (a read through `sun.misc.Unsafe` at a near-null address), jdb sessions, jcmd's
VM.metaspace, VM.classloader_stats and Compiler.codecache, jstat -gc / -class, jpackage with broken inputs, the
Eclipse compiler (ecj), the ANTLR 4 tool, ProGuard, TestNG, Rhino, `-Xlog:exceptions=info` and `jdeps
-jdkinternals`. Debian 12's OpenJDK 17 and its ecj, antlr4, proguard-cli, testng and rhino packages.

The extractors are this round's own (NEEDLES.md, "Round 373"), fixed before the capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide373.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide373.json  as {"version": 2, "items": [...]}, ids prefixed "wide373-".
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import any_of, groups, kind, mask, next_match, note, run, write_tree  # noqa: E402

ID_PREFIX = "wide373-"
DEFAULT_OUT = HERE / "data" / "wide373.json"
TMP = Path("/dev/shm/hm-corpus-wide373")
APT_PKGS = ["ecj", "antlr4", "proguard-cli", "testng", "rhino"]
JAVA = "/usr/share/java"
JDK = Path("/usr/lib/jvm/java-17-openjdk-amd64")

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines):
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's ecj, antlr4, proguard-cli, testng and rhino (OpenJDK 17 is the machine's)."""
    if not all(shutil.which(t) for t in ("ecj", "antlr4", "proguard", "rhino")) \
            or not Path(f"{JAVA}/testng.jar").exists():
        run("apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends " + " ".join(APT_PKGS),
            env={"DEBIAN_FRONTEND": "noninteractive"}, timeout=900)
    cm.PATH_PREFIX[:0] = [str(JDK / "bin")]


# ================================================================== extractors (fixed before capture)

EXC_RE = re.compile(r"\b[\w$.]*(Exception|Error)\b")
SIG_RE = re.compile(r"SIGSEGV|SIGBUS|SIGFPE|SIGILL|EXCEPTION_")
FRAME_RE = re.compile(r"^[jJvVC]\s{1,2}\S")


@kind("hs-err-log", "log")
def n_hs_err(lines):
    """Round 373: the opening # block's signal line(s), the # JRE version line, # Problematic frame: and the frame line after it; Current thread; siginfo:; the first frame under Java frames: and every j frame outside java./jdk./sun.; Command Line:; any EXIT= line."""
    out = []
    head = True
    for i, ln in enumerate(lines):
        if head and ln.strip() and not ln.startswith("#"):
            head = False
        if head and ln.startswith("#") and SIG_RE.search(ln):
            out.append(ln)
        if ln.startswith("# JRE version:"):
            out.append(ln)
        if ln.startswith("# Problematic frame:"):
            out += [ln, next_match(lines, i, r"\S", 1)]
        if ln.startswith("Current thread ("):
            out.append(ln)
        if ln.startswith("siginfo:"):
            out.append(ln)
        if ln.startswith("Command Line:"):
            out.append(ln)
        if ln.startswith("Java frames:"):
            out.append(next_match(lines, i, r"^[jJvVC]\s", 3))
        m = re.match(r"^j\s+([\w$.]+)", ln)
        if m and not re.match(r"(java|jdk|sun)\.", m.group(1)):
            out.append(ln)
    return out + exit_lines(lines)


@kind("java-crash-console", "log")
def n_crash_console(lines):
    """Round 373: every # line naming the signal, # JRE version, # Problematic frame: with the frame line after it, the # An error report file ... saved as: line with the path line after it; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("#") and SIG_RE.search(ln):
            out.append(ln)
        if ln.startswith("# JRE version:"):
            out.append(ln)
        if ln.startswith("# Problematic frame:"):
            out += [ln, next_match(lines, i, r"\S", 1)]
        if "An error report file with more information is saved as" in ln:
            out += [ln, next_match(lines, i, r"\S", 1)]
    return out + exit_lines(lines)


@kind("jdb-session", "log")
def n_jdb(lines):
    """Round 373: every Exception occurred: / uncaught exception line; every Breakpoint hit: line; the first [1] frame of every where listing; every name = value line (one {"any"} per name printed more than 3 times); failed-command lines; The application exited; any EXIT= line."""
    out, vals = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if "Exception occurred:" in ln or re.search(r"\(uncaught\)|uncaught exception", ln, re.I):
            out.append(ln)
        if "Breakpoint hit:" in ln:
            out.append(ln)
        if re.search(r"(^|\s)\[1\] \S", ln) and (i == 0 or not re.search(r"\[\d+\] \S", lines[i - 1])):
            out.append(ln)
        m = re.match(r"^(?:\S+\[\d+\] |> )?\s*([\w.$\[\]()\"]+(?:\.[\w$]+\([^)]*\))?) = (.+)$", s)
        if m:
            vals.append((m.group(1), ln))
        if re.search(r"not found|Unable to set|No such|is not a valid|ParseException|not a known|Not a|"
                     r"No (local|frame|thread)", ln):
            out.append(ln)
        if "The application exited" in ln:
            out.append(ln)
    per = Counter(k for k, _ in vals)
    for k, n in per.items():
        rows = [ln for kk, ln in vals if kk == k]
        out += [any_of(rows)] if n > 3 else rows
    return out + exit_lines(lines)


ERRLN_RE = re.compile(r"\b(Exception|Error|error|failed|not found|Could not|Unable)\b")


@kind("jcmd-vm-metaspace", "table")
def n_metaspace(lines):
    """Round 373: the pid line; every Total Usage line; the Non-class space:, Class space:, Both:, Virtual space: lines with the first size line after each; the MaxMetaspaceSize/CompressedClassSpaceSize/MetaspaceSize/InitialBootClassLoader settings lines; every Waste total line; error lines; any EXIT= line."""
    out = [ln for ln in lines if re.match(r"^\d+:$", ln)]
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Total Usage"):
            out.append(ln)
        if re.match(r"^(Non-class space|Class space|Both|Virtual space):", s):
            out += [ln, next_match(lines, i, r"\d+(\.\d+)?\s*[KMG]B", 4)]
        if re.match(r"^(MaxMetaspaceSize|CompressedClassSpaceSize|MetaspaceSize|InitialBootClassLoader\w*)\s*:", s):
            out.append(ln)
        if re.search(r"-total-|^Waste", s):
            out.append(ln)
        if ERRLN_RE.search(ln):
            out.append(ln)
    return out + exit_lines(lines)


def _table_rows(lines, header_i):
    """The rows after a header: lines with as many whitespace fields as the header, until a blank line."""
    ncol = len(lines[header_i].split())
    rows = []
    for ln in lines[header_i + 1:]:
        if not ln.strip():
            if rows:
                break
            continue
        rows.append(ln)
    return ncol, rows


def _num(s):
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


@kind("jcmd-classloader-stats", "table")
def n_classloader_stats(lines):
    """Round 373: the ClassLoader header row; the rows with the min and max Classes and ChunkSz; every row whose Type occurs in at most 2 rows when the commonest type covers half; the Total = lines; error lines; any EXIT= line."""
    out = []
    hi = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ClassLoader")), None)
    if hi is not None:
        hdr = lines[hi].split()
        out.append(lines[hi])
        rows = []
        for ln in lines[hi + 1:]:
            f = ln.split()
            if len(f) >= 6 and re.match(r"^0x[0-9a-f]+$", f[0]):
                rows.append((ln, f))
        for col in ("Classes", "ChunkSz"):
            if col in hdr and rows:
                k = hdr.index(col)
                vals = [(r[0], _num(r[1][k])) for r in rows if len(r[1]) > k and _num(r[1][k]) is not None]
                if vals:
                    out.append(min(vals, key=lambda v: v[1])[0])
                    out.append(max(vals, key=lambda v: v[1])[0])
        types = [(" ".join(f[6:]) if len(f) > 6 else f[-1], ln) for ln, f in rows]
        cnt = Counter(t for t, _ in types)
        if cnt and cnt.most_common(1)[0][1] * 2 >= len(types):
            out += [ln for t, ln in types if cnt[t] <= 2]
    out += [ln for ln in lines if re.search(r"Total\s*=", ln)]
    out += [ln for ln in lines if ERRLN_RE.search(ln)]
    return out + exit_lines(lines)


@kind("jcmd-compiler-codecache", "table")
def n_codecache(lines):
    """Round 373: every CodeHeap '...' line, every total_blobs= line, the compilation: line, the stopped_count= line, error lines; any EXIT= line."""
    out = [ln for ln in lines if re.search(r"CodeHeap '|total_blobs=|^\s*compilation:|stopped_count=", ln)]
    out += [ln for ln in lines if ERRLN_RE.search(ln)]
    return out + exit_lines(lines)


@kind("jstat-gc", "table")
def n_jstat(lines):
    """Round 373: the header row; for each numeric column the rows holding its minimum and maximum (first on ties); any line that is not a row (an error); any EXIT= line."""
    out = []
    hi = next((i for i, ln in enumerate(lines) if re.match(r"^\s*[A-Za-z]", ln) and len(ln.split()) >= 3
               and not EXIT_RE.match(ln.strip())), None)
    if hi is None:
        return [ln for ln in lines if ln.strip()]
    hdr = lines[hi].split()
    out.append(lines[hi])
    rows = []
    for ln in lines[hi + 1:]:
        f = ln.split()
        if not f:
            continue
        if len(f) == len(hdr) and all(_num(x) is not None or x == "-" for x in f):
            rows.append((ln, f))
        elif f != hdr and not EXIT_RE.match(ln.strip()):
            out.append(ln)
    for k in range(len(hdr)):
        vals = [(ln, _num(f[k])) for ln, f in rows if _num(f[k]) is not None]
        if vals:
            out.append(min(vals, key=lambda v: v[1])[0])
            out.append(max(vals, key=lambda v: v[1])[0])
    out += [ln for ln in lines[:hi] if ln.strip()]
    return out + exit_lines(lines)


AT_RE = r"^\s+at "


@kind("jpackage-error", "build")
def n_jpackage(lines):
    """Round 373: every line with Error:/error/Exception/failed/not found/does not exist/Bundler ... skipped, with the first at line within six of an exception line; Warning lines one {"any"} per shape; the last non-blank line; any EXIT= line."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        if re.search(r"Error:|\berror\b|Exception|\bfailed\b|not found|does not exist|Bundler.*skipped", ln,
                     re.I) and not re.match(AT_RE, ln):
            out.append(ln)
            if "Exception" in ln:
                out.append(next_match(lines, i, AT_RE))
        elif re.search(r"\bWarning\b", ln, re.I):
            warn.append((mask(ln), ln))
    last = [ln for ln in lines if ln.strip() and not EXIT_RE.match(ln.strip())]
    return out + groups(warn) + last[-1:] + exit_lines(lines)


@kind("ecj", "build")
def n_ecj(lines):
    """Round 373: every N. ERROR in FILE (at line L) header and the message line after its caret line; WARNING/INFO headers one {"any"} per (file, masked message); the closing N problems / N errors line; any EXIT= line."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^\d+\. (ERROR|WARNING|INFO) in (.+?) \(at line \d+\)", ln)
        if m:
            msg = None
            for k in range(i + 1, min(len(lines), i + 8)):
                if re.match(r"^\s*\^+\s*$", lines[k]):
                    msg = next_match(lines, k, r"\S", 2)
                    break
                if lines[k].startswith("-----"):
                    break
            if m.group(1) == "ERROR":
                out += [ln, msg]
            else:
                warn.append(((m.group(2), mask(msg or "")), ln))
    out += [ln for ln in lines if re.match(r"^\d+ (problems?|errors?|warnings?)\b", ln.strip())]
    out += [ln for ln in lines if re.search(r"Exception|^error:|invalid", ln) and not re.match(AT_RE, ln)
            and not re.match(r"^\d+\. ", ln)]
    return out + groups(warn) + exit_lines(lines)


@kind("antlr4-tool", "build")
def n_antlr(lines):
    """Round 373: every error(N): line; warning(N): lines one {"any"} per (code, file); every exception line with the first at line within six; any EXIT= line."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\berror\(\d+\):", ln):
            out.append(ln)
        m = re.search(r"\bwarning\((\d+)\):\s*(\S+?):", ln)
        if m:
            warn.append(((m.group(1), m.group(2)), ln))
        if EXC_RE.search(ln) and not re.match(AT_RE, ln) and "error(" not in ln and "warning(" not in ln:
            out += [ln, next_match(lines, i, AT_RE)]
    return out + groups(warn) + exit_lines(lines)


@kind("proguard", "build")
def n_proguard(lines):
    """Round 373: every Error: line and exception line (first at line within six); every Warning:/Note: there were N summary; other Warning: lines one {"any"} per (masked message, first class); other Note: lines one {"any"} per masked message; the Writing output... / Preparing output jar line; any EXIT= line."""
    out, warn, notes = [], [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(Warning|Note):\s+there (were|was) \d+", s):
            out.append(ln)
        elif s.startswith("Error:") or (EXC_RE.search(ln) and not re.match(AT_RE, ln)
                                         and not s.startswith(("Warning:", "Note:"))):
            out += [ln, next_match(lines, i, AT_RE)]
        elif s.startswith("Warning:"):
            m = re.search(r"Warning:\s*([\w$.]+)", s)
            warn.append(((mask(s), m.group(1) if m else ""), ln))
        elif s.startswith("Note:"):
            notes.append((mask(s), ln))
        if s.startswith(("Writing output...", "Preparing output jar")):
            out.append(ln)
    return out + groups(warn) + groups(notes) + exit_lines(lines)


@kind("testng", "test")
def n_testng(lines):
    """Round 373: every FAILED:/SKIPPED:/FAILED CONFIGURATION: line with the first exception/assertion line within six; every Total tests run: line and Tests run: line; launcher errors (Cannot find class, Exception in thread); any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*(FAILED|SKIPPED|FAILED CONFIGURATION|SKIPPED CONFIGURATION):", ln):
            out.append(ln)
            if ln.lstrip().startswith("FAILED"):
                out.append(next_match(lines, i, r"Exception|Error|expected", 6))
        if re.search(r"Total tests run:|^\s*Tests run:", ln):
            out.append(ln)
        if re.search(r"Cannot find class|Exception in thread|TestNGException", ln):
            out.append(ln)
    return out + exit_lines(lines)


JS_ERR_RE = re.compile(r"\b(TypeError|ReferenceError|SyntaxError|RangeError|EvaluatorException|JavaScriptException|"
                       r"WrappedException|InternalError|URIError)\b")


@kind("rhino-shell", "test")
def n_rhino(lines):
    """Round 373: every js: line with line N or exception; every line naming a JS error type with the first at line within six; every FAIL line and the N passed, N failed line the script prints; warning lines one {"any"} per shape; any EXIT= line."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\bwarning\b", ln, re.I):
            warn.append((mask(ln), ln))
            continue
        if "js: " in ln and re.search(r"line \d+|exception", ln, re.I):
            out.append(ln)
        if JS_ERR_RE.search(ln) and not re.match(AT_RE, ln):
            out += [ln, next_match(lines, i, AT_RE)]
        if re.search(r"\bFAIL\b", ln) or re.search(r"\d+ passed, \d+ failed", ln):
            out.append(ln)
    return out + groups(warn) + exit_lines(lines)


@kind("java-xlog-exceptions", "log")
def n_xlog_exc(lines):
    """Round 373: per exception class thrown (<a 'java/.../X'), its lines one {"any"} when thrown more than 2 times, else every line; the Exception in thread line with the first at line after it; every Caused by: line; any EXIT= line."""
    thrown = []
    out = []
    for i, ln in enumerate(lines):
        m = re.search(r"<a '([\w/$]+)'", ln)
        if m and "exceptions" in ln:
            thrown.append((m.group(1), ln))
        if ln.startswith("Exception in thread"):
            out += [ln, next_match(lines, i, AT_RE)]
        if ln.lstrip().startswith("Caused by:"):
            out.append(ln)
    per = Counter(c for c, _ in thrown)
    for c in per:
        rows = [ln for cc, ln in thrown if cc == c]
        out += [any_of(rows)] if len(rows) > 2 else rows
    return out + exit_lines(lines)


@kind("jdeps-jdkinternals", "lint")
def n_jdeps_int(lines):
    """Round 373: every -> line naming a JDK internal API; every Warning:/error: line; the Suggested Replacement header and every row of that table; any EXIT= line."""
    out = [ln for ln in lines if "->" in ln and "JDK internal API" in ln]
    out += [ln for ln in lines if re.search(r"^Warning:|\berror:|Error:", ln)]
    hi = next((i for i, ln in enumerate(lines) if "Suggested Replacement" in ln), None)
    if hi is not None:
        out.append(lines[hi])
        for ln in lines[hi + 1:]:
            if not ln.strip() or EXIT_RE.match(ln.strip()):
                break
            if re.match(r"^-+\s+-+", ln.strip()):
                continue
            out.append(ln)
    return out + exit_lines(lines)


# ================================================================== material

PKG = "src/org/bellcast"

CRASH = """\
package org.bellcast;

import java.lang.reflect.Field;

/** Reads a bell's tuning offset from a table it never allocated (the fault). */
public class Crash {
    static sun.misc.Unsafe U;

    static long tuneOffset(String bell, int depth) {
        if (depth > 0) {
            return tuneOffset(bell, depth - 1) + 1;
        }
        return U.getLong(16L + bell.length());
    }

    static long castRing(String[] bells, int depth) {
        long sum = 0;
        for (String b : bells) {
            sum += b.length();
        }
        return sum + tuneOffset(bells[bells.length - 1], depth);
    }

    public static void main(String[] args) throws Exception {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        U = (sun.misc.Unsafe) f.get(null);
        String[] bells = {"Treble", "Second", "Third", "Fourth", "Fifth", "Tenor"};
        for (String b : bells) {
            System.out.println("casting " + b);
        }
        int depth = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.println("offset " + castRing(bells, depth));
    }
}
"""

FOUNDRY = """\
package org.bellcast;

import java.util.ArrayList;
import java.util.List;

public class Foundry {
    record Bell(String name, int weightKg, String note) {}

    static List<Bell> parse(List<String> rows) {
        List<Bell> out = new ArrayList<>();
        for (String r : rows) {
            String[] f = r.split(",");
            int w = Integer.parseInt(f[1].trim()); // PARSE
            out.add(new Bell(f[0].trim(), w, f.length > 2 ? f[2].trim() : null));
        }
        return out;
    }

    static int tenorIndex(List<Bell> bells) {
        int best = 0;
        for (int i = 1; i <= bells.size(); i++) {
            Bell b = bells.get(i); // TENOR
            if (b.weightKg() > bells.get(best).weightKg()) {
                best = i;
            }
        }
        return best;
    }

    static String tuning(Bell b) {
        String n = b.note(); // TUNING
        return n.toUpperCase() + " (" + b.weightKg() + " kg)";
    }

    public static void main(String[] args) {
        List<String> rows = new ArrayList<>(List.of("Treble, 310, e", "Second, 342, d", "Third, 388, c#",
                "Fourth, 455, b", "Fifth, 540, a", "Sixth, 610, g", "Seventh, 820, f#", "Tenor, 1210, e"));
        String mode = args.length > 0 ? args[0] : "tune";
        if (mode.equals("parse")) {
            rows.add(3, "Fourth, 4o5, b");
        }
        if (mode.equals("tune")) {
            rows.set(5, "Sixth, 610");
        }
        List<Bell> bells = parse(rows);
        int total = 0;
        for (Bell b : bells) {
            total += b.weightKg();
        }
        System.out.println("ring of " + bells.size() + ", " + total + " kg"); // TOTAL
        if (!mode.equals("tenor")) {
            for (Bell b : bells) {
                System.out.println(b.name() + " " + tuning(b));
            }
        }
        System.out.println("tenor is bell " + tenorIndex(bells));
    }
}
"""


def line_of(src: str, marker: str) -> int:
    return next(i for i, ln in enumerate(src.splitlines(), 1) if marker in ln)


def compile_java(tmp: Path, files: dict[str, str], extra: str = "") -> None:
    write_tree(tmp, files)
    srcs = " ".join(files)
    out = run(f"javac -g -nowarn -XDignore.symbol.file {extra} -d out {srcs}", cwd=tmp, timeout=300)
    if "error" in out:
        note(f"javac: {out[:400]}")


# ------------------------------------------------------------------ crash

def step_crash(tmp: Path) -> None:
    d = tmp / "crash"
    d.mkdir()
    compile_java(d, {f"{PKG}/Crash.java": CRASH})
    runs = [("xint", "-Xint -XX:+UseSerialGC", "3"), ("c1", "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC", "12"),
            ("g1", "-XX:+UseG1GC -Xmx256m", "40")]
    for name, opts, depth in runs:
        rd = d / name
        rd.mkdir()
        cmd = (f"java -XX:-CreateCoredumpOnCrash {opts} -cp ../out org.bellcast.Crash {depth}; echo EXIT=$?")
        add(f"crash-console-{name}", cmd, run(cmd, cwd=rd, timeout=120), n_crash_console)
        logs = sorted(rd.glob("hs_err_pid*.log"))
        if not logs:
            note(f"no hs_err in {rd}")
            continue
        text = logs[0].read_text(errors="replace")
        add(f"hs-err-{name}", f"cat {logs[0].name}", text, n_hs_err)
        if name == "g1":
            add("hs-err-head-g1", f"head -n 120 {logs[0].name}", "".join(text.splitlines(True)[:120]), n_hs_err)


# ------------------------------------------------------------------ jdb

def jdb_session(d: Path, args: str, cmds: list) -> tuple[str, str]:
    """Feed `cmds` to jdb with pauses (a float is a pause in seconds); returns (command as typed, output)."""
    feed = ["sleep 2"]
    for c in cmds:
        feed.append(f"sleep {c}" if isinstance(c, float) else f"echo '{c}'")
    feed.append("sleep 2")
    (d / "feed.sh").write_text("\n".join(feed) + "\n")
    shown = "; ".join(c for c in cmds if isinstance(c, str))
    cmd = f"sh feed.sh | jdb -sourcepath src -classpath out org.bellcast.Foundry {args}"
    typed = f"jdb -sourcepath src -classpath out org.bellcast.Foundry {args}   # typed: {shown}"
    return typed, run(cmd, cwd=d, timeout=120)


def step_jdb(tmp: Path) -> None:
    d = tmp / "jdb"
    d.mkdir()
    compile_java(d, {f"{PKG}/Foundry.java": FOUNDRY})
    tenor, parse, total = line_of(FOUNDRY, "// TENOR"), line_of(FOUNDRY, "// PARSE"), line_of(FOUNDRY, "// TOTAL")
    s1 = ["stop in org.bellcast.Foundry.tuning", "catch java.lang.NullPointerException", "run", 3.0, "where",
          "locals", "print b", "cont", 1.5, "print b.name()", "print b.note()", "cont", 1.0, "cont", 1.0, "cont", 1.0,
          "cont", 1.0, "cont", 1.0, "where", "locals", "print b", "print n", "cont", 2.0]
    typed, out = jdb_session(d, "tune", s1)
    add("jdb-tune-npe", typed, out, n_jdb)
    s2 = [f"stop at org.bellcast.Foundry:{tenor}", "catch java.lang.IndexOutOfBoundsException", "run", 3.0,
          "print i", "print best", "print bells.size()", "cont", 1.0, "print i", "print best", "cont", 1.0,
          "print i", "print b", "clear org.bellcast.Foundry:" + str(tenor), "cont", 2.0, "where", "print i",
          "print bells.size()", "print nosuchvar", "stop at org.bellcast.Nowhere:12", "locals", "cont", 2.0]
    typed, out = jdb_session(d, "tenor", s2)
    add("jdb-tenor-index", typed, out, n_jdb)
    s3 = ["catch java.lang.NumberFormatException", f"stop at org.bellcast.Foundry:{total}", "run", 3.0, "where",
          "print r", "print f[1]", "dump f", "up", "locals", "print rows.size()", "threads", "cont", 2.0,
          "print total", "cont", 2.0]
    typed, out = jdb_session(d, "parse", s3)
    add("jdb-parse-nfe", typed, out, n_jdb)


# ------------------------------------------------------------------ jcmd / jstat on a running JVM

WORKER = """\
package org.bellcast;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Keeps a ring of loaders and a growing pile of castings alive for the tools to look at. */
public class Worker {
    static final List<Object> KEEP = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int loaders = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        URL[] urls = {new File(args[2]).toURI().toURL()};
        for (int i = 0; i < loaders; i++) {
            URLClassLoader l = new URLClassLoader("bellloader-" + i, urls, null);
            for (String c : new String[] {"org.bellcast.Foundry", "org.bellcast.Crash", "org.bellcast.Foundry$Bell"}) {
                if (i % 3 == 0 || !c.endsWith("Crash")) {
                    KEEP.add(l.loadClass(c));
                }
            }
            KEEP.add(l);
        }
        List<IntUnaryOperator> ops = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            final int k = i;
            ops.add(x -> x * 31 + k);
        }
        System.out.println("ready");
        System.out.flush();
        long end = System.currentTimeMillis() + seconds * 1000L;
        long acc = 0;
        List<byte[]> pile = new ArrayList<>();
        while (System.currentTimeMillis() < end) {
            for (IntUnaryOperator op : ops) {
                acc += op.applyAsInt((int) acc);
            }
            pile.add(new byte[4096 + (int) (acc & 1023)]);
            if (pile.size() > 20000) {
                pile.subList(0, 15000).clear();
            }
            if ((acc & 0xff) == 7) {
                Thread.sleep(1);
            }
        }
        System.out.println("done " + acc + " " + KEEP.size());
    }
}
"""


def _start_worker(d: Path, name: str, opts: str, loaders: int, seconds: int):
    log = open(d / f"{name}.log", "wb")
    p = cm.start(f"exec java {opts} -cp out org.bellcast.Worker {loaders} {seconds} {d / 'out'}", cwd=d, log=log)
    for _ in range(120):
        if b"ready" in (d / f"{name}.log").read_bytes():
            break
        time.sleep(0.5)
    time.sleep(2)
    return p


def step_jcmd(tmp: Path) -> None:
    d = tmp / "jcmd"
    d.mkdir()
    compile_java(d, {f"{PKG}/Foundry.java": FOUNDRY, f"{PKG}/Crash.java": CRASH, f"{PKG}/Worker.java": WORKER})
    for name, opts, loaders in [("g1", "-Xmx192m -XX:+UseG1GC", 24), ("serial", "-Xmx96m -XX:+UseSerialGC", 6)]:
        p = _start_worker(d, name, opts, loaders, 40)
        pid = p.pid
        add(f"jcmd-metaspace-{name}", f"jcmd {pid} VM.metaspace", run(f"jcmd {pid} VM.metaspace", timeout=60),
            n_metaspace)
        if name == "g1":
            c = f"jcmd {pid} VM.metaspace show-loaders by-chunktype"
            add("jcmd-metaspace-loaders-g1", c, run(c, timeout=60), n_metaspace)
        add(f"jcmd-cl-stats-{name}", f"jcmd {pid} VM.classloader_stats",
            run(f"jcmd {pid} VM.classloader_stats", timeout=60), n_classloader_stats)
        add(f"jcmd-codecache-{name}", f"jcmd {pid} Compiler.codecache",
            run(f"jcmd {pid} Compiler.codecache", timeout=60), n_codecache)
        if name == "g1":
            c = f"jstat -gc -t {pid} 250 16; echo EXIT=$?"
            add("jstat-gc-t-g1", c, run(c, timeout=60), n_jstat)
            c = f"jstat -class {pid} 500 6"
            add("jstat-class-g1", c, run(c, timeout=60), n_jstat)
        else:
            c = f"jstat -gc {pid} 200 30"
            add("jstat-gc-serial", c, run(c, timeout=60), n_jstat)
        cm.stop(p)
    c = "jstat -gcnew 999999 250 4; echo EXIT=$?"
    add("jstat-gc-nopid", c, run(c, timeout=60), n_jstat)


# ------------------------------------------------------------------ jpackage

def step_jpackage(tmp: Path) -> None:
    d = tmp / "jpkg"
    d.mkdir()
    compile_java(d, {f"{PKG}/Foundry.java": FOUNDRY})
    (d / "lib").mkdir()
    run("jar --create --file lib/bellcast.jar -C out .", cwd=d, timeout=120)
    base = "jpackage --name bellcast --dest dist --verbose"
    cmds = [
        ("noinput", f"{base} --type app-image --input nosuch-lib --main-jar bellcast.jar "
                    "--main-class org.bellcast.Foundry; echo EXIT=$?"),
        ("nojar", f"{base} --type app-image --input lib --main-jar bellcast-1.2.jar "
                  "--main-class org.bellcast.Foundry; echo EXIT=$?"),
        ("pkgname", f"{base} --type deb --input lib --main-jar bellcast.jar --main-class org.bellcast.Foundry "
                    "--linux-package-name 'Bell_Cast 2' --app-version 1.2; echo EXIT=$?"),
        ("rpm", f"{base} --type rpm --input lib --main-jar bellcast.jar --main-class org.bellcast.Foundry "
                "--app-version 1.2; echo EXIT=$?"),
        ("icon", f"{base} --type app-image --input lib --main-jar bellcast.jar --main-class org.bellcast.Foundry "
                 "--icon art/bell.png --add-modules java.base,jdk.nosuch; echo EXIT=$?"),
    ]
    for name, c in cmds:
        add(f"jpackage-{name}", c, run(c, cwd=d, timeout=90), n_jpackage)
        shutil.rmtree(d / "dist", ignore_errors=True)


# ------------------------------------------------------------------ ecj

ECJ_FAULTS = [
    "        List raw = new ArrayList();\n        raw.add(name);\n",
    "        String unused{k} = \"clapper\";\n",
    "        int weight = \"{k}\";\n",
    "        Object o = null;\n        if (depth > 3) {{ o.toString(); }}\n",
    "        return;\n",
    "        new java.util.Date().getYear();\n",
    "        stroke{k}(depth);\n",
    "        if (false) {{ depth++; }}\n",
    "        String s = null;\n        s.length();\n",
    "        long cast = (long) depth;\n",
]


def ecj_tree(root: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    files = {}
    for k in range(n):
        body = []
        for m in range(rnd.randint(2, 5)):
            faults = "".join(rnd.choice(ECJ_FAULTS).format(k=k * 10 + m) for _ in range(rnd.randint(0, 2)))
            body.append(f"    private int unusedField{m};\n\n    int peal{m}(String name, int depth) {{\n"
                        f"        int changes = depth * {m + 2};\n{faults}"
                        f"        return changes + name.length();\n    }}\n")
        imports = "import java.util.*;\nimport java.io.File;\n" if k % 2 else "import java.util.ArrayList;\nimport java.util.List;\n"
        files[f"src/org/bellcast/ring/Bell{k:02d}.java"] = (
            f"package org.bellcast.ring;\n\n{imports}\npublic class Bell{k:02d} {{\n" + "\n".join(body) + "}\n")
    write_tree(root, files)


def step_ecj(tmp: Path) -> None:
    for name, n, seed, opts in [("small", 3, 37301, "-17"), ("mid", 14, 37302, "-17 -warn:+unused,+null,+deadCode"),
                                ("large", 45, 37303, "-17 -proceedOnError -warn:+unused,+null,+deadCode,+raw")]:
        d = tmp / f"ecj-{name}"
        ecj_tree(d, n, seed)
        c = f"ecj {opts} -proc:none -d out src; echo EXIT=$?"
        add(f"ecj-{name}", c, run(c, cwd=d, timeout=300), n_ecj)


# ------------------------------------------------------------------ antlr4

G_SYNTAX = """\
grammar Peal;

peal : change+ EOF ;
change : ROW (',' ROW)* CALL? ;
CALL : 'Bob' | 'Single' | 'That's all'
ROW : [1-8]+ ;
lead : change change change change change change change change
WS : [ \\t\\r\\n]+ -> skip ;
"""

G_REFS = """\
grammar Ring;

ring : tower bell+ footer EOF ;
tower : 'tower' NAME location ;
bell : NAME weight note? hanging ;
weight : INT KG ;
note : NOTE | NOTE SHARP ;
hanging : 'frame' frameKind | 'dead' ;
footer : 'end' | ;
frameKind : 'oak' | 'iron' | 'steel' | 'oak' ;
caster : NAME | NAME ;
founder : 'cast' 'by' caster year ;
year : INT | INT '-' INT | century ;
clapper : 'clapper' material? length ;
material : 'iron' | 'wood' | alloy ;
stay : 'stay' | 'slider' | STAY ;
rope : 'rope' INT? sally ;
KG : 'kg' ;
SHARP : '#' ;
KG : 'kilos' ;
INT : '0x' [0-9a-f]+ ;
NAME : [A-Z][a-z]+ ;
NOTE : [A-G] ;
LETTER : [A-Z] ;
INT : [0-9]+ ;
WS : [ \\t\\r\\n]+ -> skip ;
WS : ' ' -> skip ;
"""


def g_large(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    rules = ["grammar Foundry;", "", "book : entry+ EOF ;",
             "entry : " + " | ".join(f"r{i}" for i in range(n)) + " ;"]
    for i in range(n):
        kind_ = rnd.randrange(6)
        if kind_ == 0:
            rules.append(f"r{i} : 'cast' ID{i} NUM ;")  # ID{i} never defined: implicit token warning
        elif kind_ == 1:
            rules.append(f"r{i} : r{(i + 1) % n} 'tune' | 'tune' ;")
        elif kind_ == 2:
            rules.append(f"r{i} : undefinedRule{i} NUM ;")
        elif kind_ == 3:
            rules.append(f"r{i} : ('a' | 'b')? * ;")
        elif kind_ == 4:
            rules.append(f"r{i} : label=NUM label=STR ;")
        else:
            rules.append(f"r{i} : NUM STR? ;")
    rules += ["NUM : [0-9]+ ;", "STR : '\"' .*? '\"' ;", "WS : [ \\t\\r\\n]+ -> skip ;", "NUM : [0-9]+ ;"]
    return "\n".join(rules) + "\n"


def step_antlr(tmp: Path) -> None:
    d = tmp / "antlr"
    write_tree(d, {"Peal.g4": G_SYNTAX, "Ring.g4": G_REFS, "Foundry.g4": g_large(60, 37304),
                   "big/Foundry.g4": g_large(260, 37305)})
    for name, c in [("syntax", "antlr4 -o gen Peal.g4; echo EXIT=$?"), ("refs", "antlr4 -o gen Ring.g4"),
                    ("large", "antlr4 -o gen -visitor Foundry.g4; echo EXIT=$?"),
                    ("xl", "antlr4 -Werror -o gen2 big/Foundry.g4; echo EXIT=$?")]:
        add(f"antlr4-{name}", c, run(c, cwd=d, timeout=300), n_antlr)


# ------------------------------------------------------------------ proguard

STUBS = {
    "stub/org/apache/commons/lang3/StringUtils.java":
        "package org.apache.commons.lang3;\npublic class StringUtils {\n"
        "  public static String capitalize(String s) { return s; }\n"
        "  public static boolean isBlank(CharSequence s) { return s == null; }\n}\n",
    "stub/org/slf4j/Logger.java":
        "package org.slf4j;\npublic interface Logger { void info(String m); void warn(String m, Object a); }\n",
    "stub/org/slf4j/LoggerFactory.java":
        "package org.slf4j;\npublic class LoggerFactory { public static Logger getLogger(Class<?> c) { return null; } }\n",
}


def pg_app(n: int) -> dict:
    files = {}
    for k in range(n):
        files[f"app/org/bellcast/pg/Caster{k}.java"] = (
            "package org.bellcast.pg;\n\nimport org.apache.commons.lang3.StringUtils;\nimport org.slf4j.Logger;\n"
            "import org.slf4j.LoggerFactory;\n\n"
            f"public class Caster{k} implements java.io.Serializable {{\n"
            f"    private static final Logger LOG = LoggerFactory.getLogger(Caster{k}.class);\n"
            f"    public String name(String s) {{\n        LOG.info(\"casting\");\n"
            f"        if (StringUtils.isBlank(s)) {{ LOG.warn(\"blank {{}}\", s); }}\n"
            f"        return StringUtils.capitalize(s);\n    }}\n"
            f"    public Object load() throws Exception {{\n"
            f"        return Class.forName(\"org.bellcast.pg.Caster\" + {(k + 1) % n}).getDeclaredConstructor().newInstance();\n"
            f"    }}\n"
            f"    public Object field() throws Exception {{ return getClass().getDeclaredField(\"LOG\"); }}\n}}\n")
    files["app/org/bellcast/pg/Main.java"] = (
        "package org.bellcast.pg;\n\npublic class Main {\n    public static void main(String[] a) throws Exception {\n"
        + "".join(f"        System.out.println(new Caster{k}().name(\"bell{k}\"));\n" for k in range(n))
        + "    }\n}\n")
    return files


def step_proguard(tmp: Path) -> None:
    d = tmp / "pg"
    write_tree(d, {**STUBS, **pg_app(9)})
    app = " ".join(f"app/org/bellcast/pg/Caster{k}.java" for k in range(9)) + " app/org/bellcast/pg/Main.java"
    run("javac --release 8 -nowarn -d stubout stub/org/apache/commons/lang3/StringUtils.java stub/org/slf4j/*.java"
        " && jar cf stubs.jar -C stubout .", cwd=d, timeout=300)
    run(f"javac --release 8 -nowarn -cp stubs.jar -d out8 {app} && jar cf bellcast8.jar -C out8 .", cwd=d, timeout=300)
    run(f"javac -nowarn -cp stubs.jar -d out17 {app} && jar cf bellcast17.jar -C out17 .", cwd=d, timeout=300)
    base = f"-libraryjars {JDK}/jmods/java.base.jmod'(!**.jar;!module-info.class)' -outjars dist/app.jar"
    out = "-outjars dist/app.jar"
    keep = "-keep 'public class org.bellcast.pg.Main { public static void main(java.lang.String[]); }'"
    cmds = [
        ("jmod17", f"proguard -injars bellcast8.jar {base} {keep}; echo EXIT=$?"),
        ("no-jdk", f"proguard -injars bellcast8.jar -libraryjars stubs.jar {out} {keep}; echo EXIT=$?"),
        ("no-libs", f"proguard -injars bellcast8.jar {out} {keep}; echo EXIT=$?"),
        ("ignore-verbose", f"proguard -verbose -ignorewarnings -injars bellcast8.jar -libraryjars stubs.jar {out}"
                           f" {keep} -printmapping dist/mapping.txt; echo EXIT=$?"),
        ("java17", f"proguard -verbose -injars bellcast17.jar -libraryjars stubs.jar {out} {keep}; echo EXIT=$?"),
    ]
    for name, c in cmds:
        (d / "dist").mkdir(exist_ok=True)
        add(f"proguard-{name}", c, run(c, cwd=d, timeout=300), n_proguard)


# ------------------------------------------------------------------ testng

TNG_CAST = """\
package org.bellcast.test;

import static org.testng.Assert.*;
import org.testng.annotations.*;

public class CastingTest {
    static int shrink(int mouldMm) { return mouldMm - mouldMm / 80; }
    static int bronzeKg(int bellKg) { return bellKg * 110 / 100; }

    @Test public void treblePour() { assertEquals(bronzeKg(310), 341); }
    @Test public void tenorPour() { assertEquals(bronzeKg(1210), 1321, "tenor metal"); }
    @Test public void shrinkage() { assertEquals(shrink(800), 790); }
    @Test public void shrinkSmall() { assertEquals(shrink(79), 78); }
    @Test(dependsOnMethods = "tenorPour") public void tenorTune() { assertTrue(true); }
    @Test(expectedExceptions = IllegalStateException.class) public void crackedMould() { shrink(10); }
    @Test(timeOut = 50) public void slowCooling() throws Exception { Thread.sleep(400); }
}
"""

TNG_TUNE = """\
package org.bellcast.test;

import static org.testng.Assert.*;
import org.testng.annotations.*;

public class TuningTest {
    static double hz(String note) {
        switch (note) {
            case "e": return 659.3;
            case "d": return 587.3;
            case "c#": return 554.4;
            case "b": return 493.9;
            default: throw new IllegalArgumentException("no such note: " + note);
        }
    }

    @DataProvider(name = "ring")
    public Object[][] ring() {
        return new Object[][] {{"Treble", "e", 659.3}, {"Second", "d", 587.3}, {"Third", "c#", 554.4},
            {"Fourth", "b", 493.9}, {"Fifth", "a", 440.0}, {"Sixth", "g", 392.0}, {"Tenor", "e", 329.6}};
    }

    @Test(dataProvider = "ring")
    public void strikeNote(String bell, String note, double want) { assertEquals(hz(note), want, 0.5, bell); }
}
"""

TNG_HANG = """\
package org.bellcast.test;

import static org.testng.Assert.*;
import org.testng.annotations.*;

public class HangingTest {
    private int[] frame;

    @BeforeClass public void buildFrame() { frame = new int[6]; frame[6] = 1; }
    @Test public void headstock() { assertNotNull(frame); }
    @Test public void clapper() { assertEquals(frame.length, 6); }
}
"""

TNG_XML = """\
<!DOCTYPE suite SYSTEM "http://testng.org/testng-1.0.dtd">
<suite name="Bellcast" verbose="{v}">
  <test name="foundry">
    <classes>
{classes}
    </classes>
  </test>
</suite>
"""


def step_testng(tmp: Path) -> None:
    d = tmp / "tng"
    write_tree(d, {"t/org/bellcast/test/CastingTest.java": TNG_CAST, "t/org/bellcast/test/TuningTest.java": TNG_TUNE,
                   "t/org/bellcast/test/HangingTest.java": TNG_HANG})
    cp = f"{JAVA}/testng.jar:{JAVA}/jcommander.jar:{JAVA}/bsh.jar"
    run(f"javac -nowarn -cp {cp} -d out t/org/bellcast/test/*.java", cwd=d, timeout=300)
    cls = lambda names: "\n".join(f'      <class name="org.bellcast.test.{n}"/>' for n in names)  # noqa: E731
    (d / "all.xml").write_text(TNG_XML.format(v=2, classes=cls(["CastingTest", "TuningTest", "HangingTest"])))
    (d / "quiet.xml").write_text(TNG_XML.format(v=1, classes=cls(["CastingTest", "TuningTest"])))
    (d / "bad.xml").write_text(TNG_XML.format(v=2, classes=cls(["CastingTest", "RopeTest"])))
    tcp = f"out:{cp}"
    cmds = [
        ("verbose2", f"java -cp {tcp} org.testng.TestNG -d test-output -verbose 2 -testclass "
                     "org.bellcast.test.CastingTest,org.bellcast.test.TuningTest,org.bellcast.test.HangingTest;"
                     " echo EXIT=$?"),
        ("suite-xml", f"java -cp {tcp} org.testng.TestNG -d test-output all.xml; echo EXIT=$?"),
        ("quiet", f"java -cp {tcp} org.testng.TestNG -d test-output quiet.xml 2>&1 | tail -n 40"),
        ("missing-class", f"java -cp {tcp} org.testng.TestNG -d test-output bad.xml; echo EXIT=$?"),
    ]
    for name, c in cmds:
        add(f"testng-{name}", c, run(c, cwd=d, timeout=300), n_testng)


# ------------------------------------------------------------------ rhino

JS_TESTS = """\
// a bell ring's checks, run under Rhino
var passed = 0, failed = 0;
function check(name, got, want) {
  if (got === want) { passed++; print("ok   " + name); }
  else { failed++; print("FAIL " + name + ": got " + got + ", want " + want); }
}
function bronze(kg) { return Math.floor(kg * 1.1); }
function note(bell) { return bell.note.toUpperCase(); }
var ring = [
  {name: "Treble", kg: 310, note: "e"}, {name: "Second", kg: 342, note: "d"},
  {name: "Third", kg: 388, note: "c#"}, {name: "Fourth", kg: 455},
  {name: "Fifth", kg: 540, note: "a"}, {name: "Sixth", kg: 610, note: "g"},
  {name: "Seventh", kg: 820, note: "f#"}, {name: "Tenor", kg: 1210, note: "e"}
];
function shrink(mm) { return mm - Math.floor(mm / 80); }
check("shrink 800", shrink(800), 790);
check("shrink 79", shrink(79), 78);
check("shrink 1600", shrink(1600), 1580);
for (var i = 0; i < ring.length; i++) {
  check("bronze " + ring[i].name, bronze(ring[i].kg), Math.round(ring[i].kg * 1.1));
}
check("ring size", ring.length, 8);
check("tenor weight", ring[7].kg, 1210);
check("tenor note", ring[7].note, "e");
check("heaviest", Math.max.apply(null, ring.map(function (b) { return b.kg; })), 1210);
print(passed + " passed, " + failed + " failed");
for (var j = 0; j < ring.length; j++) {
  print(ring[j].name + " " + note(ring[j]));
}
"""

JS_SYNTAX = """\
var ring = ["Treble", "Second", "Third"];
function peal(n) {
  var rows = [];
  for (var i = 0; i < n; i++ {
    rows.push(ring.slice(i).concat(ring.slice(0, i)));
  }
  return rows;
}
var x = ;
print(peal(3).join("\\n"));
"""

JS_JAVA = """\
var weights = ["310", "342", "38 8", "455"];
var total = 0;
for (var i = 0; i < weights.length; i++) {
  total += java.lang.Integer.parseInt(weights[i]);
  print("bell " + i + " total " + total);
}
"""

JS_STRICT = """\
function casting(bell) {
  var ring = {treble: 310, tenor: 1210};
  if (ring.second == undefined) print("no second");
  weightTotal = ring.treble + ring.tenor;
  return ring[bell].toFixed(1);
}
function peal(rows) {
  with (Math) { total = floor(rows * 1.5); }
  var changes = 0;
  for (i = 0; i < rows; i++) { changes += i; }
  if (changes = 0) print("no changes");
  return changes;
}
function tower(name) {
  var bells = 8;
  var bells = 10;
  return name + ": " + bells + " bells";
  print("unreachable");
}
print(tower("St Mary"));
print(peal(5040));
print(casting("treble"));
print(casting("tenor"));
print(casting("fourth"));
"""


def step_rhino(tmp: Path) -> None:
    d = tmp / "rhino"
    write_tree(d, {"ring_test.js": JS_TESTS, "peal.js": JS_SYNTAX, "weights.js": JS_JAVA, "casting.js": JS_STRICT})
    for name, c in [("tests", "rhino ring_test.js; echo EXIT=$?"), ("syntax", "rhino peal.js; echo EXIT=$?"),
                    ("java-interop", "rhino weights.js; echo EXIT=$?"),
                    ("strict", "rhino -w -strict casting.js; echo EXIT=$?")]:
        add(f"rhino-{name}", c, run(c, cwd=d, timeout=120), n_rhino)


# ------------------------------------------------------------------ -Xlog:exceptions

LEDGER = """\
package org.bellcast;

import java.io.FileReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

public class Ledger {
    static int weight(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String readNotes(String path) {
        try (FileReader r = new FileReader(path)) {
            return "notes";
        } catch (IOException e) {
            return "";
        }
    }

    static void balance(List<Integer> ws) {
        try {
            int t = 0;
            for (int w : ws) {
                if (w < 0) {
                    throw new IllegalArgumentException("negative weight in ledger");
                }
                t += w;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ledger does not balance", e);
        }
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        List<Integer> ws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String row = (i % 7 == 3) ? "4o" + i : (i % 11 == 5) ? " " : String.valueOf(300 + i);
            ws.add(weight(row));
            if (i % 25 == 0) {
                readNotes("notes/bell-" + i + ".txt");
            }
        }
        System.out.println("rows " + ws.size());
        balance(ws);
    }
}
"""


def step_xlog(tmp: Path) -> None:
    d = tmp / "xlog"
    d.mkdir()
    compile_java(d, {f"{PKG}/Ledger.java": LEDGER})
    for name, n, extra in [("small", 12, ""), ("mid", 90, "-XX:+UseSerialGC "), ("large", 290, "")]:
        c = f"java {extra}-Xlog:exceptions=info -cp out org.bellcast.Ledger {n}; echo EXIT=$?"
        add(f"xlog-exceptions-{name}", c, run(c, cwd=d, timeout=120), n_xlog_exc)


# ------------------------------------------------------------------ jdeps -jdkinternals

INTERNALS = {
    f"{PKG}/internal/Weights.java": """\
package org.bellcast.internal;

public class Weights {
    static final sun.misc.Unsafe U = null;
    public long at(long addr) { return U.getLong(addr); }
    public boolean direct(java.nio.ByteBuffer b) { return b instanceof sun.nio.ch.DirectBuffer; }
}
""",
    f"{PKG}/internal/Signer.java": """\
package org.bellcast.internal;

public class Signer {
    public Object who(String dn) throws Exception { return new sun.security.x509.X500Name(dn); }
    public String enc(byte[] b) { return sun.security.util.Debug.toHexString(new java.math.BigInteger(b)); }
    public Object reflect() { return sun.reflect.ReflectionFactory.getReflectionFactory(); }
}
""",
    f"{PKG}/internal/Boot.java": """\
package org.bellcast.internal;

public class Boot {
    public boolean booted() { return jdk.internal.misc.VM.isBooted(); }
    public Object access() { return jdk.internal.access.SharedSecrets.getJavaLangAccess(); }
    public Object perf() { return sun.misc.Signal.class; }
}
""",
}


def step_jdeps(tmp: Path) -> None:
    d = tmp / "jdeps"
    d.mkdir()
    exports = " ".join(f"--add-exports java.base/{p}=ALL-UNNAMED" for p in
                       ("sun.nio.ch", "sun.security.x509", "sun.security.util", "jdk.internal.misc",
                        "jdk.internal.access"))
    compile_java(d, {**INTERNALS, f"{PKG}/Foundry.java": FOUNDRY, f"{PKG}/Crash.java": CRASH}, extra=exports)
    run("jar --create --file bellcast-internal.jar -C out .", cwd=d, timeout=120)
    for name, c in [("jar", "jdeps -jdkinternals bellcast-internal.jar; echo EXIT=$?"),
                    ("dir", "jdeps --jdk-internals out"),
                    ("jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/jdeps -jdkinternals bellcast-internal.jar;"
                              " echo EXIT=$?"),
                    ("missing", "jdeps -jdkinternals -cp nosuch.jar bellcast-internal.jar bellcast-old.jar;"
                                " echo EXIT=$?")]:
        add(f"jdeps-internals-{name}", c, run(c, cwd=d, timeout=120), n_jdeps_int)


STEPS = [step_crash, step_jdb, step_jcmd, step_jpackage, step_ecj, step_antlr, step_proguard, step_testng,
         step_rhino, step_xlog, step_jdeps]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide373", sys.modules["__main__"])
    main()
