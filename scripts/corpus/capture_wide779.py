"""Capture round 779 of the compression corpus: Java toolchain outputs in forms the corpus lacked (javac -Xlint:all
-Werror, javac -XDrawDiagnostics, surefire's XML reports, mvn dependency:analyze and dependency:tree -Dverbose, jdeps
--list-deps / --list-reduced-deps / --print-module-deps and -dotoutput, JDK 25's jcmd Thread.dump_to_file
-format=json, jcmd GC.class_histogram, JDK 25's jfr view, ZGC and Shenandoah -Xlog:gc* logs) beside kinds it has
(jstack on a deadlock, mvn test, javac -Xdiags:verbose, jshell errors), on a shipwright's yard written here (keels,
ribs, planks, caulkers, treenails, slipway; seed 77910) with faults put in. Needle rules: NEEDLES.md's "Round 779"
section; the new kinds' extractors are below, the others imported from their rounds.

Usage:   .venv/bin/python scripts/corpus/capture_wide779.py
Writes:  scripts/corpus/data/wide779.json, ids prefixed "wide779-".
Tools:   OpenJDK 17.0.15 (Debian: javac, java, jar, jdeps, jcmd, jstack, jshell), Temurin 25.0.3
         (/usr/lib/jvm/temurin-25-jdk-amd64: jcmd Thread.dump_to_file -format=json, jfr view, ZGC, Shenandoah),
         Apache Maven 3.8.7 offline (-o) from ~/.m2 (surefire 3.2.5 with JUnit Jupiter 5.10.2,
         maven-dependency-plugin 3.6.1)."""

from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import any_of, groups, kind, mask, run, start  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide29_jvm import n_jstack, n_mvn  # noqa: E402
from capture_wide8_lang import n_javac_verbose, n_jshell  # noqa: E402
from capture_wide561 import n_java_oom  # noqa: E402

ID_PREFIX = "wide779-"
DEFAULT_OUT = HERE / "data" / "wide779.json"
TMP = Path("/dev/shm/hm-corpus-wide779-run")
SEED = 77910
T25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
OWN = "org.shipyard."

# ------------------------------------------------------------------ extractors (fixed before capture)


def _c200(s):
    return s[:200]


def _counts(lines):
    return [ln for ln in lines if re.match(r"^\d+ (errors?|warnings?)$", ln)]


@kind("javac-werror", "build")
def n_javac_werror(lines):
    """Rules 1+3: every file:line: error: line and the -Werror line; warning: [key] lines one {"any"} per (key, file),
    keyless warnings per (shape, file); the count lines."""
    out, warn = [], []
    for ln in lines:
        m = re.match(r"^(\S+\.java):\d+: (error|warning): (.*)", ln)
        if m and m.group(2) == "error":
            out.append(ln)
        elif m:
            k = re.match(r"\[([\w-]+)\]", m.group(3))
            warn.append(((k.group(1) if k else mask(m.group(3)), m.group(1)), ln))
        elif ln.startswith("error: warnings found and -Werror specified") or re.match(r"^error: ", ln):
            out.append(ln)
    return out + groups(warn) + _counts(lines)


@kind("javac-rawdiagnostics", "build")
def n_javac_raw(lines):
    """Rules 1+3: every compiler.err. line; compiler.warn. lines one {"any"} per (key, file); - compiler.note. lines one
    {"any"} per key; the count lines."""
    out, warn = [], []
    for ln in lines:
        m = re.match(r"^(?:(\S+?):\d+:\d+: |- )compiler\.(err|warn|note)\.([\w.]+)", ln)
        if not m:
            continue
        if m.group(2) == "err":
            out.append(ln)
        else:
            warn.append(((m.group(2), m.group(3), m.group(1) if m.group(2) == "warn" else ""), ln))
    return out + groups(warn) + _counts(lines)


@kind("surefire-report-xml", "test")
def n_surefire_xml(lines):
    """Rule 2: every <testsuite opening, every failing <testcase line and its <failure/<error line (first 200 chars)."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*<testsuite\b", ln):
            out.append(_c200(ln))
        if re.match(r"^\s*<testcase\b", ln):
            if re.search(r"<(failure|error)\b", ln):
                out.append(_c200(ln))
                continue
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), "")
            if re.match(r"^\s*<(failure|error)\b", nxt):
                out += [_c200(ln), _c200(nxt)]
    return out


@kind("mvn-dependency-analyze", "pkg")
def n_mvn_analyze(lines):
    """Rules 1+3+5: the analyze section headers and every dependency line under them, [ERROR] lines, the BUILD line."""
    out, insec = [], False
    for ln in lines:
        if re.search(r"(Used undeclared|Unused declared|Non-test scoped test only) dependencies found:", ln):
            insec = True
            out.append(ln)
        elif insec and re.match(r"^\[(WARNING|INFO)\]\s{3,}\S+:\S+:\S+", ln):
            out.append(ln)
        else:
            insec = False
        if ln.startswith("[ERROR]") and ln.strip() != "[ERROR]":
            out.append(ln)
        if re.search(r"BUILD (SUCCESS|FAILURE)", ln):
            out.append(ln)
    return out


@kind("mvn-dependency-tree-verbose", "pkg")
def n_mvn_tree_verbose(lines):
    """Rule 5: the root line, every depth-1 line, every omitted/managed line, [ERROR] lines, the BUILD line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"--- (maven-)?dependency(-plugin)?:", ln) and i + 1 < len(lines):
            out.append(lines[i + 1])
        if re.match(r"^\[INFO\] [+\\]- ", ln):
            out.append(ln)
        if re.search(r"omitted for (conflict|duplicate)|version managed", ln):
            out.append(ln)
        if ln.startswith("[ERROR]") and ln.strip() != "[ERROR]":
            out.append(ln)
        if re.search(r"BUILD (SUCCESS|FAILURE)", ln):
            out.append(ln)
    return out


@kind("jdeps-list-deps", "pkg")
def n_jdeps_list(lines):
    """Rule 5: every module line, JDK internal / not found lines, print-module-deps lists, error lines, == headers."""
    out = []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if (ln.startswith("== ") or re.match(r"^\s+[a-z][\w.]*(/[\w.]+)?$", ln) or "JDK removed internal API" in ln
                or "not found" in ln or re.match(r"^[a-z][\w.]*(,[a-z][\w.]*)+$", s)
                or re.search(r"Error|Exception|^Warning", ln)):
            out.append(ln)
    return out


@kind("jdeps-dot", "pkg")
def n_jdeps_dot(lines):
    """Rule 5: every digraph line, every edge to a not found target, every edge of summary.dot, error lines."""
    out, insum = [], False
    for ln in lines:
        if re.match(r'^digraph "', ln):
            out.append(ln)
            insum = 'summary' in ln
        elif "->" in ln and ("not found" in ln or insum):
            out.append(ln)
        elif re.search(r"Error|Exception", ln):
            out.append(ln)
    return out


@kind("jcmd-thread-dump-json", "log")
def n_thread_json(lines):
    """Rules 1+5: runtimeVersion/processId lines; per thread with an own frame its name/tid any and first own frame;
    every line saying BLOCKED, blockedOn, waitingOn, owner or locks (first 200 chars)."""
    out = [ln for ln in lines if re.search(r'"(runtimeVersion|processId)"', ln)]
    cur, done = [], False
    for ln in lines:
        if re.search(r'"tid":', ln):
            cur, done = [ln], False
        elif re.search(r'"name":', ln) and cur:
            cur.append(ln)
        elif not done and cur and OWN in ln:
            out += [any_of(cur), _c200(ln)]
            done = True
        if re.search(r'BLOCKED|"blockedOn"|"waitingOn"|"owner"|"locks"|"parkBlocker"', ln):
            out.append(_c200(ln))
    return out


def _histo(lines):
    hdr = next((ln for ln in lines if re.match(r"^\s*num\s+#instances", ln)), None)
    rows = [(ln, m) for ln in lines if (m := re.match(r"^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", ln))]
    top = sorted(rows, key=lambda r: -int(r[1].group(2)))[:3]
    low = min(int(r[1].group(2)) for r in rows) if rows else 0
    bottom = [r[0] for r in rows if int(r[1].group(2)) == low]
    out = [hdr] + [r[0] for r in top] + ([any_of(bottom)] if bottom else [])
    out += [r[0] for r in rows if r[1].group(3).startswith(OWN) or r[1].group(3).startswith("[L" + OWN)]
    return out + [ln for ln in lines if ln.startswith("Total")] + [ln for ln in lines if re.search(r"Exception|rror", ln)]


@kind("jcmd-class-histogram", "table")
def n_class_histogram(lines):
    """Rules 4+5: header, three largest rows by bytes and the smallest, own classes' rows, Total."""
    return _histo(lines)


@kind("jfr-view", "table")
def n_jfr_view(lines):
    """Rules 4+5: title line, column header, first and last data row, own-class rows; form views every Key: line."""
    out = []
    blocks, cur = [], []
    for ln in lines:
        if ln.startswith("== "):
            if cur:
                blocks.append(cur)
            out.append(ln)
            cur = []
        else:
            cur.append(ln)
    if cur:
        blocks.append(cur)
    for b in blocks:
        nb = [ln for ln in b if ln.strip()]
        if not nb:
            continue
        out.append(nb[0])  # title
        dash = next((i for i, ln in enumerate(nb) if re.match(r"^[-\s]+$", ln) and "--" in ln), None)
        if dash is not None and dash >= 1:
            out.append(nb[dash - 1])
            data = [ln for ln in nb[dash + 1:] if not re.match(r"^[-=\s]+$", ln)]
            if data:
                out += [data[0], data[-1]]
            out += [ln for ln in data if OWN in ln]
        else:
            out += [ln for ln in nb[1:] if re.match(r"^\s*[A-Z][\w /()-]*: ", ln)]
        out += [ln for ln in nb if re.search(r"\b(Error|error:|Exception in)", ln)]
    return out


def _gc_new(lines, using):
    out = [ln for ln in lines if re.search(using, ln)]
    out += [ln for ln in lines if re.search(r"OutOfMemoryError|Allocation Stall|Exception|Degenerated GC", ln)
            and "Pause" not in ln]
    pauses = [(ln, float(m.group(1))) for ln in lines for m in [re.search(r"\bPause\b.* (\d+(?:\.\d+)?)ms$", ln)] if m]
    if pauses:
        lo = min(p[1] for p in pauses)
        hi = max(p[1] for p in pauses)
        out.append(any_of([p[0] for p in pauses if p[1] == lo]))
        out.append(any_of([p[0] for p in pauses if p[1] == hi]))
    out += [ln for ln in lines if "Pause Full" in ln or "Pause Degenerated" in ln]
    oom = next((i for i, ln in enumerate(lines) if "OutOfMemoryError" in ln), len(lines))
    heap = [ln for ln in lines[:oom] if re.search(r"\b(Capacity|Used|Heap)\b.*[0-9]+M", ln)]
    if heap:
        out.append(heap[-1])
    return out + [ln for ln in lines if ln.startswith("EXIT=")]


@kind("java-xlog-gc-zgc", "log")
def n_gc_zgc(lines):
    """Rules 1+5: Using line, OOM/stall/exception lines, longest and shortest Pause lines, Pause Full, last heap line, EXIT."""
    return _gc_new(lines, r"Using The Z Garbage Collector|Using ZGC|Initializing The Z Garbage Collector")


@kind("java-xlog-gc-shenandoah", "log")
def n_gc_shen(lines):
    """Rules 1+5: Using line, OOM/degenerated/exception lines, longest and shortest Pause lines, Pause Full, EXIT."""
    return _gc_new(lines, r"Using Shenandoah")


# ------------------------------------------------------------------ material: a shipwright's yard

PKGS = ["keels", "ribs", "planks", "caulk", "treenails"]
WOODS = ["oak", "elm", "larch", "pine", "teak", "ash", "beech", "cedar"]
PARTS = {"keels": ["Keel", "Keelson", "Hog", "Deadwood", "Stem", "Sternpost", "Scarf", "Garboard"],
         "ribs": ["Rib", "Frame", "Futtock", "Floor", "Knee", "Bevel", "Mould", "Rising"],
         "planks": ["Plank", "Strake", "Sheer", "Wale", "Bilge", "Butt", "Hood", "Spile"],
         "caulk": ["Caulker", "Oakum", "Pitch", "Seam", "Iron", "Mallet", "Reefing", "Paying"],
         "treenails": ["Treenail", "Wedge", "Auger", "Trunnel", "Dowel", "Spike", "Bolt", "Clench"]}
LINTS = ["rawtypes", "deprecation", "fallthrough", "cast", "static", "divzero", "empty", "finally", "serial", "try",
         "removal"]
EXTRA_IMPORTS = {"keels": "java.sql.Timestamp", "ribs": "java.util.logging.Logger", "planks": "java.awt.Point",
                 "caulk": "javax.xml.parsers.DocumentBuilderFactory", "treenails": "java.rmi.Remote"}


def write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)


def java_class(rng: random.Random, pkg: str, cls: str, lints: list[str], errors: list[str], uses: list[str]) -> str:
    wood = rng.choice(WOODS)
    imp = ["java.util.ArrayList", "java.util.List", "java.util.Date", EXTRA_IMPORTS[pkg]] + uses
    body = [f"    private final String wood = \"{wood}\";", f"    private int length = {rng.randint(8, 90)};",
            f"    static int count{cls}() {{ return {rng.randint(1, 9)}; }}"]
    ex = EXTRA_IMPORTS[pkg].rsplit(".", 1)[1]
    body.append(f"    {ex} marker() {{ return null; }}")
    for u in uses:
        c = u.rsplit(".", 1)[1]
        body.append(f"    String see{c}({c} x) {{ return String.valueOf(x); }}")
    for j, lint in enumerate(lints):
        n = f"{lint}{j}"
        if lint == "rawtypes":
            body.append(f"    List {n}() {{ List rows = new ArrayList(); rows.add(wood); return rows; }}")
        elif lint == "deprecation":
            body.append(f"    Date {n}() {{ return new Date({rng.randint(90, 120)}, 1, {rng.randint(1, 28)}); }}")
        elif lint == "removal":
            body.append(f"    Integer {n}() {{ return new Integer({rng.randint(1, 500)}); }}")
        elif lint == "fallthrough":
            body.append(f"    int {n}(int k) {{ int r = 0; switch (k) {{ case 1: r += length; case 2: r += 2; break; "
                        "default: r = -1; } return r; }")
        elif lint == "cast":
            body.append(f"    int {n}() {{ return (int) length; }}")
        elif lint == "static":
            body.append(f"    int {n}() {{ {cls} other = this; return other.count{cls}(); }}")
        elif lint == "divzero":
            body.append(f"    int {n}() {{ return length / 0; }}")
        elif lint == "empty":
            body.append(f"    void {n}() {{ if (length > 3); }}")
        elif lint == "finally":
            body.append(f"    int {n}() {{ try {{ return length; }} finally {{ return -1; }} }}")
        elif lint == "serial":
            body.append(f"    static class {cls}Split{j} extends RuntimeException {{ {cls}Split{j}(String m) "
                        "{ super(m); } }")
        elif lint == "try":
            body.append(f"    void {n}() throws Exception {{ try (AutoCloseable c = () -> {{}}) {{ length++; }} }}")
    for j, err in enumerate(errors):
        n = f"{err}{j}"
        if err == "symbol":
            body.append(f"    Object {n}() {{ return new {cls}Jig(wood); }}")
        elif err == "types":
            body.append(f"    int {n}() {{ int fathoms = \"{wood} fathoms\"; return fathoms; }}")
        elif err == "return":
            body.append(f"    int {n}(int k) {{ if (k > {rng.randint(1, 9)}) return length; }}")
        elif err == "args":
            body.append(f"    int {n}() {{ return fit{cls}(\"{wood}\", {rng.randint(1, 9)}); }}")
            body.append(f"    int fit{cls}(int width, String grain, boolean green) {{ return width; }}")
        elif err == "method":
            body.append(f"    String {n}() {{ return wood.trimAll(); }}")
    return (f"package org.shipyard.{pkg};\n\n" + "".join(f"import {i};\n" for i in imp)
            + f"\n/** A {cls.lower()} of {wood}. */\npublic class {cls} {{\n" + "\n".join(body) + "\n}\n")


def yard_sources(root: Path, seed: int, nper: int, lint_rate: float, err_rate: float) -> list[str]:
    rng = random.Random(seed)
    files = []
    for k, pkg in enumerate(PKGS):
        for cls in PARTS[pkg][:nper]:
            lints = [x for x in LINTS if rng.random() < lint_rate]
            errs = [x for x in ["symbol", "types", "return", "args", "method"] if rng.random() < err_rate]
            uses = [f"org.shipyard.{PKGS[k - 1]}.{PARTS[PKGS[k - 1]][0]}"] if k else []
            rel = f"src/main/java/org/shipyard/{pkg}/{cls}.java"
            write(root / rel, java_class(rng, pkg, cls, lints, errs, uses))
            files.append(rel)
    return files


YARD = r'''package org.shipyard.slipway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** The slipway: launches hulls, and two caulkers who deadlock. */
public class Yard {
    static final Object KEEL_LOCK = new Object();
    static final Object PLANK_LOCK = new Object();
    static final ReentrantLock TAR_POT = new ReentrantLock();
    static final ReentrantLock OAKUM_BALE = new ReentrantLock();
    static final List<Object> HULL = new ArrayList<>();

    static final class Rib { final double[] bevels; final String wood; Rib(int n, String w) { bevels = new double[n]; wood = w; } }
    static final class Plank { final byte[] grain; final Rib rib; Plank(int n, Rib r) { grain = new byte[n]; rib = r; } }
    static final class Treenail { final long bore; Treenail(long b) { bore = b; } }
    static final class CaulkException extends RuntimeException { CaulkException(String m) { super(m); } }

    static void sleep(long ms) { try { Thread.sleep(ms); } catch (InterruptedException e) { throw new RuntimeException(e); } }

    static void caulkFore() { synchronized (KEEL_LOCK) { sleep(200); synchronized (PLANK_LOCK) { HULL.add("fore"); } } }
    static void caulkAft() { synchronized (PLANK_LOCK) { sleep(200); synchronized (KEEL_LOCK) { HULL.add("aft"); } } }
    static void driveTreenail(int i) { synchronized (KEEL_LOCK) { HULL.add(new Treenail(i)); } }
    static void tarSeam() { TAR_POT.lock(); try { sleep(200); OAKUM_BALE.lock(); try { HULL.add("tar"); } finally { OAKUM_BALE.unlock(); } } finally { TAR_POT.unlock(); } }
    static void rollOakum() { OAKUM_BALE.lock(); try { sleep(200); TAR_POT.lock(); try { HULL.add("oakum"); } finally { TAR_POT.unlock(); } } finally { OAKUM_BALE.unlock(); } }

    static void frame(int ribs) {
        for (int i = 0; i < ribs; i++) {
            Rib r = new Rib(64 + i % 32, i % 3 == 0 ? "oak" : "larch");
            HULL.add(r);
            HULL.add(new Plank(256, r));
            HULL.add(new Treenail(i));
        }
    }

    static void deadlock(int drivers, boolean locks) {
        frame(4000);
        new Thread(Yard::caulkFore, "caulker-fore").start();
        new Thread(Yard::caulkAft, "caulker-aft").start();
        if (locks) {
            new Thread(Yard::tarSeam, "tar-boiler").start();
            new Thread(Yard::rollOakum, "oakum-spinner").start();
        }
        sleep(400);
        for (int i = 0; i < drivers; i++) { final int k = i; new Thread(() -> driveTreenail(k), "treenail-driver-" + i).start(); }
        new Thread(() -> { while (true) sleep(1000); }, "sawpit-idle").start();
        sleep(600000);
    }

    static long adze(long x) { long s = 0; for (int i = 0; i < 2000; i++) s += (x * 31 + i) % 97; return s; }

    static void work(int seconds) {
        long end = System.currentTimeMillis() + seconds * 1000L;
        List<Plank> stack = new ArrayList<>();
        long total = 0;
        int throwsLeft = 0;
        Runnable contend = () -> { while (System.currentTimeMillis() < end) { synchronized (KEEL_LOCK) { adze(7); sleep(2); } } };
        for (int t = 0; t < 3; t++) new Thread(contend, "shipwright-" + t).start();
        while (System.currentTimeMillis() < end) {
            total += adze(total);
            Rib r = new Rib(128, "oak");
            stack.add(new Plank(512, r));
            if (stack.size() > 20000) stack.subList(0, 15000).clear();
            try { if (++throwsLeft % 50 == 0) throw new CaulkException("seam " + throwsLeft + " open"); }
            catch (CaulkException e) { total ^= e.getMessage().length(); }
            synchronized (KEEL_LOCK) { total++; }
        }
        System.out.println("worked " + total + " planks=" + stack.size());
    }

    static void launch(int hulls, int keep) {
        List<Object> dock = new ArrayList<>();
        for (int h = 0; h < hulls; h++) {
            List<Plank> hull = new ArrayList<>();
            for (int i = 0; i < 400; i++) hull.add(new Plank(2048, new Rib(32, "elm")));
            if (h % keep == 0) dock.add(hull);
            if (h % 5 == 0) System.out.println("hull " + h + " on the slipway, " + dock.size() + " kept");
        }
        System.out.println("launched " + hulls + " hulls, " + dock.size() + " in dock");
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "launch";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        switch (mode) {
            case "deadlock": deadlock(n, args.length > 2); break;
            case "work": work(n); break;
            case "launch": launch(n, args.length > 2 ? Integer.parseInt(args[2]) : 1); break;
            default: throw new IllegalArgumentException("no such yard task: " + mode);
        }
    }
}
'''


def junit_test(rng: random.Random, pkg: str, cls: str, n: int, fails: int) -> str:
    tests = []
    for i in range(n):
        nm = f"{cls.lower()}{['Fits', 'Bends', 'Seals', 'Holds', 'Dries', 'Trims'][i % 6]}{i}"
        a, b = rng.randint(2, 40), rng.randint(2, 40)
        if i < fails and i % 3 == 0:
            body = f"assertEquals({a * b}, {a} * {b} + 1, \"{cls} {pkg} bevel\");"
        elif i < fails and i % 3 == 1:
            body = f"Object seam = null; assertTrue(seam.toString().isEmpty());"
        elif i < fails:
            body = f"assertTrue({a} > {a + b}, \"{cls} strake too short: {a}\");"
        else:
            body = f"assertEquals({a + b}, {a} + {b});"
        tests.append(f"    @Test\n    void {nm}() {{\n        {body}\n    }}\n")
    return (f"package org.shipyard.{pkg};\n\nimport org.junit.jupiter.api.Test;\n"
            "import static org.junit.jupiter.api.Assertions.*;\n\n"
            f"class {cls}Test {{\n" + "\n".join(tests) + "}\n")


POM = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.shipyard</groupId>
  <artifactId>{art}</artifactId>
  <version>1.4.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.source>17</maven.compiler.source>
    <maven.compiler.target>17</maven.compiler.target>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
{deps}
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter-api</artifactId><version>5.10.2</version><scope>test</scope></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter-engine</artifactId><version>5.10.2</version><scope>test</scope></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.11.0</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>{dep_plugin}</version></plugin>
    </plugins>
  </build>
</project>
'''


def dep(g, a, v, scope=""):
    return (f"    <dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version>"
            + (f"<scope>{scope}</scope>" if scope else "") + "</dependency>")


MVN_DEPS = {
    "hull": [dep("org.apache.commons", "commons-text", "1.10.0"), dep("commons-io", "commons-io", "2.11.0"),
             dep("commons-digester", "commons-digester", "2.1"), dep("commons-logging", "commons-logging", "1.2"),
             dep("commons-codec", "commons-codec", "1.15")],
    "rigging": [dep("commons-beanutils", "commons-beanutils", "1.8.3"),
                dep("commons-digester", "commons-digester", "1.8"), dep("com.google.guava", "guava", "31.1-jre"),
                dep("commons-cli", "commons-cli", "1.9.0"), dep("org.slf4j", "slf4j-api", "1.7.36", "test")],
}
MVN_DEPS["deck"] = MVN_DEPS["hull"]
MVN_USE = {
    "hull": ("import org.apache.commons.lang3.StringUtils;\nimport org.apache.commons.text.WordUtils;\n"
             "import org.apache.commons.beanutils.PropertyUtils;\n",
             "    public static String label(String s) { return WordUtils.capitalize(StringUtils.trim(s)); }\n"
             "    public static Object prop(Object b, String p) throws Exception { return PropertyUtils.getProperty(b, p); }\n"),
    "rigging": ("import com.google.common.collect.ImmutableList;\nimport org.apache.commons.logging.LogFactory;\n"
                "import org.apache.commons.collections.CollectionUtils;\n",
                "    public static java.util.List<String> lines() { LogFactory.getLog(\"rig\").info(\"x\"); return ImmutableList.of(\"a\"); }\n"
                "    public static boolean none(java.util.List<?> l) { return CollectionUtils.isEmpty(l); }\n"),
}
MVN_USE["deck"] = MVN_USE["hull"]


def maven_project(tmp: Path, art: str, seed: int, nper: int, fails: int, dep_plugin: str) -> Path:
    root = tmp / f"mvn-{art}"
    rng = random.Random(seed)
    yard_sources(root, seed, nper, 0.0, 0.0)
    imps, body = MVN_USE[art]
    write(root / "src/main/java/org/shipyard/slipway/Rigging.java",
          f"package org.shipyard.slipway;\n\n{imps}\npublic class Rigging {{\n{body}}}\n")
    for pkg in PKGS:
        for j, cls in enumerate(PARTS[pkg][:nper]):
            f = fails if j % 2 == 0 else 0
            write(root / f"src/test/java/org/shipyard/{pkg}/{cls}Test.java",
                  junit_test(rng, pkg, cls, rng.randint(4, 9), f))
    write(root / "pom.xml", POM.format(art=f"shipyard-{art}", deps="\n".join(MVN_DEPS[art]), dep_plugin=dep_plugin))
    return root


# ------------------------------------------------------------------ steps

JV = {"lint": (4, 0.45, 0.0, 1), "lintbig": (8, 0.6, 0.0, 2), "broken": (4, 0.3, 0.35, 3),
      "brokenbig": (7, 0.25, 0.3, 4), "clean": (5, 0.2, 0.0, 5), "few": (2, 0.5, 0.5, 6)}
SRC = "$(find src -name '*.java' | sort)"


def yard(tmp: Path, t: str) -> Path:
    nper, lr, er, s = JV[t]
    root = tmp / f"yard-{t}"
    yard_sources(root, SEED + s, nper, lr, er)
    return root


def javac_steps(tmp: Path) -> None:
    r = {t: yard(tmp, t) for t in JV}
    cap("javac-werror-lint", f"javac -Xlint:all -Werror -d out {SRC}", r["lint"], n_javac_werror)
    cap("javac-werror-lintbig", f"javac -Xlint:all -Werror -Xmaxwarns 1000 -d out {SRC}; echo EXIT=$?",
        r["lintbig"], n_javac_werror)
    cap("javac-werror-some-keys", "javac -Xlint:deprecation,removal,rawtypes,unchecked,fallthrough -Werror -d out "
        f"{SRC} 2>&1 | head -n 80", r["lintbig"], n_javac_werror)
    cap("javac-werror-broken", f"javac -Xlint:all -Werror -d out {SRC}", r["broken"], n_javac_werror)
    cap("javac-werror-clean", f"javac -Xlint:all,-serial -Werror -d out {SRC}; echo EXIT=$?", r["clean"],
        n_javac_werror)
    cap("javac-raw-lint", f"javac -XDrawDiagnostics -Xlint:all -d out {SRC}", r["lint"], n_javac_raw)
    cap("javac-raw-broken", f"javac -XDrawDiagnostics -d out {SRC}; echo EXIT=$?", r["broken"], n_javac_raw)
    cap("javac-raw-brokenbig-lint", f"javac -XDrawDiagnostics -Xlint:all -Xmaxerrs 500 -Xmaxwarns 500 -d out {SRC}",
        r["brokenbig"], n_javac_raw)
    cap("javac-raw-few", f"javac -XDrawDiagnostics -Xlint:all -d out {SRC} 2>&1 | tail -n 60", r["few"],
        n_javac_raw)
    cap("javac-xdiags-few", f"javac -Xdiags:verbose -Xlint:all -d out {SRC}; echo EXIT=$?", r["few"], n_javac_verbose)
    cap("javac-xdiags-brokenbig", f"javac -Xdiags:verbose -d out {SRC} 2>&1 | head -n 150", r["brokenbig"],
        n_javac_verbose)


def runtime_root(tmp: Path) -> Path:
    root = yard(tmp, "clean")
    write(root / "src/main/java/org/shipyard/slipway/Yard.java", YARD)
    run(f"javac -nowarn -d out {SRC}", cwd=root, timeout=300)
    run("mkdir -p jars && for p in keels ribs planks caulk treenails slipway; do "
        "jar cf jars/$p.jar -C out org/shipyard/$p; done", cwd=root, timeout=200)
    return root


def jdeps_steps(root: Path) -> None:
    cap("jdeps-list-deps-each", "for j in jars/*.jar; do echo \"== $j\"; jdeps --list-deps $j; done 2>&1", root,
        n_jdeps_list)
    cap("jdeps-print-module-deps", "for j in keels ribs planks caulk treenails slipway; do echo \"== $j\"; "
        "jdeps --print-module-deps jars/$j.jar; echo EXIT=$?; jdeps --print-module-deps --ignore-missing-deps "
        "jars/$j.jar; done 2>&1", root, n_jdeps_list)
    cap("jdeps-list-deps-all", "jdeps --list-deps jars/*.jar; jdeps --print-module-deps -R -cp 'jars/*' "
        "jars/slipway.jar jars/treenails.jar; jdeps --list-deps out 2>&1", root, n_jdeps_list)
    cap("jdeps-dot-summary", "jdeps -dotoutput dot jars/*.jar >/dev/null; cat dot/*.dot", root, n_jdeps_dot)
    cap("jdeps-dot-class", "jdeps -dotoutput dot2 -verbose:class jars/ribs.jar jars/planks.jar jars/caulk.jar "
        ">/dev/null; cat dot2/*.dot", root, n_jdeps_dot)
    cap("jdeps-dot-package", "jdeps -dotoutput dot3 -verbose:package jars/treenails.jar jars/keels.jar 2>&1; "
        "for f in dot3/*.dot; do echo \"// $f\"; cat $f; done", root, n_jdeps_dot)


JSH = {
    "frames": """import org.shipyard.keels.*;
import org.shipyard.ribs.*;
var k = new Keel();
k.countKeel()
Keel.countKeel() + 1
var r = new Rib();
r.seeKeel(k)
int fathoms = "deep";
r.seeKeel(null).length()
String s = null; s.length()
new Frame().marker()
var w = new Windlass();
Rib.count()
Object o = r; ((Keel) o).marker()
/exit
""",
    "yard": """import org.shipyard.slipway.Yard;
Yard.adze(7)
Yard.main(new String[]{"sail", "3"})
Yard.main(new String[]{"launch", "x"})
int[] strakes = new int[3]; strakes[5] = 1;
Yard.launch(2, 0)
void caulk(int seams) { if (seams < 0) throw new IllegalStateException("seams " + seams); }
caulk(-2)
caulk("four")
List<String> nails = List.of("oak", "elm"); nails.add("ash");
undefinedTreenail + 1
/exit
""",
}


def jshell_steps(root: Path) -> None:
    for t, body in JSH.items():
        write(root / f"{t}.jsh", body)
    cap("jshell-frames", "jshell -q --class-path out < frames.jsh", root, n_jshell)
    cap("jshell-yard", "jshell --feedback normal --class-path out < yard.jsh 2>&1", root, n_jshell)


YCP = "-cp out org.shipyard.slipway.Yard"


def gc_steps(root: Path) -> None:
    j = f"{T25}/java"
    cap("java-oom-launch", f"java -Xmx24m {YCP} launch 400 1; echo EXIT=$?", root, n_java_oom)
    cap("zgc-oom", f"{j} -XX:+UseZGC -Xmx32m -Xlog:gc*:stdout {YCP} launch 200 1 2>&1 | tail -n 400; echo EXIT=$?",
        root, n_gc_zgc, timeout=300)
    cap("zgc-plain", f"{j} -XX:+UseZGC -Xmx64m -Xlog:gc {YCP} launch 600 8; echo EXIT=$?", root, n_gc_zgc,
        timeout=300)
    cap("zgc-star-heap", f"{j} -XX:+UseZGC -Xmx48m -Xlog:gc*,gc+heap=debug:stdout:uptime,level,tags {YCP} launch "
        "300 6 2>&1 | grep -v -e 'gc,task' -e 'gc,phases' | tail -n 600", root, n_gc_zgc, timeout=300)
    cap("shenandoah-oom", f"{j} -XX:+UseShenandoahGC -Xmx32m -Xlog:gc*:stdout {YCP} launch 200 1 2>&1 | tail -n 400; "
        "echo EXIT=$?", root, n_gc_shen, timeout=300)
    cap("shenandoah-plain", f"{j} -XX:+UseShenandoahGC -Xmx64m -Xlog:gc {YCP} launch 600 8; echo EXIT=$?", root,
        n_gc_shen, timeout=300)
    cap("shenandoah-star", f"{j} -XX:+UseShenandoahGC -Xmx48m -Xlog:gc*:stdout:uptime,level,tags {YCP} launch 300 4 "
        "2>&1 | tail -n 500", root, n_gc_shen, timeout=300)


def live_steps(root: Path) -> None:
    for tag, java, jcmd, args in [("17", "java", "jcmd", "deadlock 6 locks"),
                                  ("25", f"{T25}/java", f"{T25}/jcmd", "deadlock 3 locks")]:
        p = start(f"exec {java} -Xmx256m {YCP} {args}", cwd=root)
        try:
            time.sleep(5)
            pid = p.pid
            if tag == "17":
                cap("jstack-l-caulkers", f"jstack -l {pid}", root, n_jstack, timeout=60)
                cap("class-histogram-caulkers", f"jcmd {pid} GC.class_histogram", root, n_class_histogram, timeout=60)
            else:
                cap("jstack-25", f"{T25}/jstack {pid}", root, n_jstack, timeout=60)
                cap("thread-dump-json", f"{jcmd} {pid} Thread.dump_to_file -format=json -overwrite td.json "
                    ">/dev/null; cat td.json", root, n_thread_json, timeout=60)
                cap("thread-dump-json-grep", f"{jcmd} {pid} Thread.dump_to_file -format=json -overwrite td2.json "
                    ">/dev/null; grep -n -A12 'caulker\\|tar-boiler\\|oakum' td2.json | head -n 200", root,
                    n_thread_json, timeout=60)
                cap("class-histogram-25", f"{jcmd} {pid} GC.class_histogram | head -n 120", root, n_class_histogram,
                    timeout=60)
        finally:
            p.kill()
            p.wait(timeout=30)
    p = start(f"exec {T25}/java -Xmx128m {YCP} work 8", cwd=root)
    try:
        time.sleep(4)
        cap("thread-dump-json-work", f"{T25}/jcmd {p.pid} Thread.dump_to_file -format=json -overwrite tw.json "
            ">/dev/null; cat tw.json", root, n_thread_json, timeout=60)
        cap("class-histogram-work", f"jcmd {p.pid} GC.class_histogram", root, n_class_histogram, timeout=60)
    finally:
        p.wait(timeout=30)


def jfr_steps(root: Path) -> None:
    run(f"{T25}/java -XX:StartFlightRecording=filename=rec.jfr,settings=profile -Xmx96m {YCP} work 8", cwd=root,
        timeout=120)
    run(f"{T25}/java -XX:StartFlightRecording=filename=oom.jfr -Xmx32m {YCP} launch 200 1", cwd=root, timeout=120)
    jfr = f"{T25}/jfr"
    for views, rec, tag in [("hot-methods allocation-by-class", "rec", "hot-alloc"),
                            ("exception-by-type exception-by-site contention-by-site", "rec", "exc-contention"),
                            ("gc-pauses gc", "oom", "gc-oom"), ("thread-allocation allocation-by-site", "rec", "thread"),
                            ("jvm-information gc-configuration", "rec", "forms"),
                            ("object-statistics memory-leaks-by-class", "oom", "objects")]:
        cap(f"jfr-view-{tag}", f"for v in {views}; do echo \"== $v\"; {jfr} view --width 140 $v {rec}.jfr; done 2>&1",
            root, n_jfr_view, timeout=120)


def maven_steps(tmp: Path) -> None:
    for art, nper, fails, s in [("hull", 3, 3, 21), ("rigging", 5, 2, 22), ("deck", 5, 2, 23)]:
        r = maven_project(tmp, art, SEED + s, nper, fails, "3.6.1")
        cap(f"mvn-test-{art}", "mvn -o -B test 2>&1 | tail -n 120", r, n_mvn, timeout=400)
        cap(f"surefire-xml-all-{art}", "cat target/surefire-reports/TEST-*.xml", r, n_surefire_xml)
        cap(f"surefire-xml-ribs-caulk-{art}", "cat target/surefire-reports/TEST-org.shipyard.ribs.*.xml target/surefire-reports/TEST-org.shipyard.caulk.*.xml", r,
            n_surefire_xml)
        if art == "deck":
            cap(f"surefire-xml-keels-{art}", "cat target/surefire-reports/TEST-org.shipyard.keels.*.xml", r,
                n_surefire_xml)
        cap(f"surefire-xml-grep-{art}", "grep -h -B1 -A3 '<failure\\|<error' target/surefire-reports/TEST-*.xml "
            "| head -n 150", r, n_surefire_xml)


_ROOT: dict = {}


def _root(tmp: Path) -> Path:
    if "r" not in _ROOT:
        _ROOT["r"] = runtime_root(tmp)
    return _ROOT["r"]


def jdeps_s(tmp: Path) -> None:
    jdeps_steps(_root(tmp))


def jshell_s(tmp: Path) -> None:
    jshell_steps(_root(tmp))


def live_s(tmp: Path) -> None:
    live_steps(_root(tmp))


def jfr_s(tmp: Path) -> None:
    jfr_steps(_root(tmp))


def gc_s(tmp: Path) -> None:
    gc_steps(_root(tmp))


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [javac_steps, jdeps_s, jshell_s, live_s, jfr_s, gc_s, maven_steps], ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    main()
