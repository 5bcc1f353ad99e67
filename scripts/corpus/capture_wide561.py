#!/usr/bin/env python3
"""Capture round 561 of the compression corpus: the JVM's run-time and tool diagnostics the corpus did not hold.
`bellworks`, a bell foundry written here in Java (moulds, clappers, founders, tuning; seed 56110), with faults put in
(a lock-order deadlock between founders, a casting ledger that keeps every pour, a tuning recursion with no base case,
a module requiring one that is absent, jars with a dependency left out), run on openjdk 17 and read with jcmd
(VM.info, PerfCounter.print, help, VM.events), jstat (-class, -gccapacity), jhsdb (jstack, jmap --heap), jdeps (-s,
--missing-deps, --check), `jar tvf` and `java --show-module-resolution`; plus the runs that end in
OutOfMemoryError and StackOverflowError.

The needles come from the rules NEEDLES.md's "Round 561" section fixed before capture, applied by the extractors
below. Nothing captured here was compressed.

Usage:   nice python3 scripts/corpus/capture_wide561.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide561.json  as {"version": 2, "items": [...]}, ids prefixed "wide561-".
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import any_of, kind, run, write_tree  # noqa: E402

ID_PREFIX = "wide561-"
DEFAULT_OUT = HERE / "data" / "wide561.json"
TMP = Path("/dev/shm/hm-corpus-wide561")
SEED = 56110
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")
ERR_LEVEL = re.compile(r"\b(ERROR|SEVERE)\b")


def exit_lines(lines):
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def next_at(lines, i, ahead=6):
    return cm.next_match(lines, i, r"^\s*at \S", ahead)


# ------------------------------------------------------------------ extractors (NEEDLES.md, round 561)

HEADING_VMINFO = re.compile(r"^-{3,}\s+\S.*\s-{3,}$")
VMINFO_PREFIX = ("# JRE version:", "# Java VM:", "Command Line:", "Host:", "Time:", "vm_info:", "jvm_args:",
                 "java_command:")


@kind("jcmd-vm-info", "log")
def n_vm_info(lines):
    """Round 561: section headings, # JRE version / # Java VM, Command Line/Host/Time/vm_info/jvm_args/java_command lines, the line after each Heap: line; EXIT= lines."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if HEADING_VMINFO.match(s) or s.startswith(VMINFO_PREFIX):
            out.append(ln)
        elif s == "Heap:" and i + 1 < len(lines):
            out.append(lines[i + 1])
    return out + exit_lines(lines)


PERF_RE = re.compile(r"^(sun\.gc\.collector\.\d+\.(name|invocations|time)|java\.cls\.(loaded|unloaded)Classes"
                     r"|java\.threads\.(live|daemon|livePeak)|sun\.rt\.javaCommand|java\.rt\.vmArgs|sun\.gc\.policy\.name"
                     r"|sun\.rt\.safepoints|java\.property\.java\.vm\.version)=")


@kind("jcmd-perfcounter", "table")
def n_perfcounter(lines):
    """Round 561: the counters a question asks for (gc collectors' name/invocations/time, loaded/unloaded classes, live/daemon/peak threads, javaCommand, vmArgs, gc policy, safepoints, vm version); EXIT= lines."""
    return [ln for ln in lines if PERF_RE.match(ln.strip())] + exit_lines(lines)


@kind("jcmd-help", "doc")
def n_jcmd_help(lines):
    """Round 561: every command name line; for a command's help its Syntax, Impact: and argument/option lines; the For more information line; EXIT= lines."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.fullmatch(r"[A-Z][A-Za-z]*\.[A-Za-z_]+|help", s) or s.startswith(("Syntax", "Impact:",
                                                                                  "For more information")) \
                or re.match(r"^\S+ : ", s):
            out.append(ln)
    return out + exit_lines(lines)


EXC_CLASS = re.compile(r"\b((?:[a-z_$][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error))\b")


@kind("jcmd-vm-events", "log")
def n_vm_events(lines):
    """Round 561: every event-log heading (... (N events):), one {"any"} per exception or error class named in the log."""
    out = [ln for ln in lines if re.search(r"\(\d+ events\):\s*$", ln)]
    pairs = []
    for ln in lines:
        for m in EXC_CLASS.finditer(ln):
            pairs.append((m.group(1), ln))
    return out + cm.groups(pairs) + exit_lines(lines)


def _num(tok: str):
    try:
        return float(tok)
    except ValueError:
        return None


def n_jstat(lines):
    """Round 561: the header row, the first row holding each numeric column's minimum and each one's maximum; EXIT= lines."""
    header = None
    rows = []
    for ln in lines:
        toks = ln.split()
        if not toks:
            continue
        if all(_num(t) is None for t in toks) and header is None and len(toks) > 2:
            header = ln
        elif header is not None and len(toks) == len(header.split()) and toks != header.split():
            rows.append((ln, [_num(t) for t in toks]))
    out = [header] if header else []
    if rows:
        for c in range(len(rows[0][1])):
            vals = [r[1][c] for r in rows]
            if any(v is None for v in vals):  # not a numeric column (Parallel GC's CGC is `-`)
                continue
            lo, hi = min(vals), max(vals)
            out.append(next(r[0] for r in rows if r[1][c] == lo))
            out.append(next(r[0] for r in rows if r[1][c] == hi))
    return out + exit_lines(lines)


n_jstat_class = cm.named("jstat-class", "table", n_jstat.__doc__, n_jstat)
n_jstat_gccap = cm.named("jstat-gccapacity", "table", n_jstat.__doc__, n_jstat)


@kind("jhsdb-jstack", "log")
def n_jhsdb_jstack(lines):
    """Round 561: Deadlock Detection:, Found one / Found a total / No deadlocks lines, quoted thread lines in the deadlock report, BLOCKED threads' header lines with their first waiting to lock line; EXIT= lines."""
    out = []
    in_dl = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Deadlock Detection:") or s.startswith(("Found one Java-level deadlock", "Found a total of",
                                                                  "No deadlocks found")):
            out.append(ln)
            in_dl = s.startswith("Found one")
            continue
        if in_dl and re.match(r'^"[^"]*":', s):
            out.append(ln)
        if re.match(r'^"[^"]*" #\d+', s):
            in_dl = False
            st = cm.next_match(lines, i, r"java\.lang\.Thread\.State:", 3)
            if st and "BLOCKED" in st:
                out.append(ln)
                out.append(cm.next_match(lines, i, r"- waiting to lock", 12))
    return out + exit_lines(lines)


HEAP_KEYS = re.compile(r"^\s*(MaxHeapSize|NewSize|MaxNewSize|OldSize|MetaspaceSize|MaxMetaspaceSize|G1HeapRegionSize)\s*=")


@kind("jhsdb-jmap-heap", "table")
def n_jhsdb_heap(lines):
    """Round 561: the collector line (GC with N thread(s)), unindented headings ending in :, the Max/New/Old/Metaspace/region size lines, every % used line; EXIT= lines."""
    out = []
    for ln in lines:
        if re.search(r"GC with \d+ thread", ln) or (ln and not ln[0].isspace() and ln.rstrip().endswith(":")) \
                or HEAP_KEYS.match(ln) or "% used" in ln:
            out.append(ln)
    return out + exit_lines(lines)


DIAG = re.compile(r"^\s*(Error|Warning|error|warning):|Exception\b")


@kind("jdeps-summary", "build")
def n_jdeps_summary(lines):
    """Round 561: every dependency line (a -> b); every Error:/Warning: line; EXIT= lines."""
    return [ln for ln in lines if re.match(r"^\s*\S+\s+->\s+\S", ln) or DIAG.search(ln)] + exit_lines(lines)


@kind("jdeps-missing-deps", "build")
def n_jdeps_missing(lines):
    """Round 561: every line naming something not found, every Error:/Warning: line; EXIT= lines."""
    return [ln for ln in lines if "not found" in ln or DIAG.search(ln)] + exit_lines(lines)


@kind("jdeps-check", "build")
def n_jdeps_check(lines):
    """Round 561: bracketed headings, module lines, requires lines in the declared or the suggested descriptor but not both, Error:/Warning:/Exception lines; EXIT= lines."""
    out = []
    blocks: dict[str, list[str]] = {}
    cur = None
    for ln in lines:
        s = ln.strip()
        if s.startswith("[") and s.endswith("]"):
            out.append(ln)
            cur = "declared" if s.startswith("[Module descriptor") else "suggested" if s.startswith("[Suggested") else None
            continue
        if s.startswith("module "):
            out.append(ln)
            cur = None if cur is None else cur
        if DIAG.search(ln):
            out.append(ln)
        if cur and s.startswith("requires "):
            blocks.setdefault(cur, []).append(ln)
        if not s:
            cur = None
    dec = {ln.strip(): ln for ln in blocks.get("declared", [])}
    sug = {ln.strip(): ln for ln in blocks.get("suggested", [])}
    out += [ln for k, ln in dec.items() if k not in sug] + [ln for k, ln in sug.items() if k not in dec]
    return out + exit_lines(lines)


JAR_ROW = re.compile(r"^\s*(\d+)\s+(\w{3} \w{3} \d\d \d\d:\d\d:\d\d \S+ \d{4})\s+(\S.*)$")


@kind("jar-tvf", "listing")
def n_jar_tvf(lines):
    """Round 561: rows with the size minimum and maximum, rows whose timestamp occurs in at most 2 rows while the most common covers half, the META-INF/MANIFEST.MF row; EXIT= lines."""
    rows = [(ln, JAR_ROW.match(ln)) for ln in lines]
    rows = [(ln, m) for ln, m in rows if m]
    out = []
    if rows:
        sizes = [int(m.group(1)) for _, m in rows]
        out.append(rows[sizes.index(min(sizes))][0])
        out.append(rows[sizes.index(max(sizes))][0])
        cnt = Counter(m.group(2) for _, m in rows)
        if cnt.most_common(1)[0][1] * 2 >= len(rows):
            out += [ln for ln, m in rows if cnt[m.group(2)] <= 2]
        out += [ln for ln, m in rows if m.group(3).strip() == "META-INF/MANIFEST.MF"]
    return out + exit_lines(lines)


OOM_RE = re.compile(r"OutOfMemoryError|Exception in thread|Caused by:|Terminating due to")


@kind("java-oom", "log")
def n_java_oom(lines):
    """Round 561: every OutOfMemoryError / Exception in thread / Caused by: / Terminating due to line with the first at frame within six, Dumping heap to and Heap dump file created lines, ERROR/SEVERE lines; EXIT= lines."""
    out = []
    for i, ln in enumerate(lines):
        if OOM_RE.search(ln):
            out += [ln, next_at(lines, i)]
        elif "Dumping heap to" in ln or "Heap dump file created" in ln or ERR_LEVEL.search(ln):
            out.append(ln)
    return out + exit_lines(lines)


@kind("java-stackoverflowerror", "log")
def n_java_soe(lines):
    """Round 561: StackOverflowError / Exception in thread / Caused by: lines with the first at frame after each, the first 12 distinct frame lines, ERROR/SEVERE lines; EXIT= lines."""
    out = []
    frames: list[str] = []
    for i, ln in enumerate(lines):
        if re.search(r"StackOverflowError|Exception in thread|Caused by:", ln):
            out += [ln, next_at(lines, i)]
        elif ERR_LEVEL.search(ln):
            out.append(ln)
        if re.match(r"^\s*at \S", ln) and ln.strip() not in {f.strip() for f in frames}:
            frames.append(ln)
    return out + frames[:12] + exit_lines(lines)


@kind("java-show-module-resolution", "log")
def n_module_resolution(lines):
    """Round 561: every root line, every line whose first word is a module not java.*/jdk.*, every Error/Exception/error: line with the next line when it names a module; EXIT= lines."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        w = s.split()[0] if s.split() else ""
        if s.startswith("root "):
            out.append(ln)
        elif re.search(r"Error|Exception|error:", ln):
            out.append(ln)
            if i + 1 < len(lines) and re.search(r"[Mm]odule", lines[i + 1]):
                out.append(lines[i + 1])
        elif re.match(r"^[a-z]\w*(\.\w+)+$", w) and not w.startswith(("java.", "jdk.")):
            out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ material: bellworks

WORKS = r'''
package bell.works;

import java.util.*;
import java.util.concurrent.*;
import java.util.logging.*;

public class Foundry {
    static final Random RND = new Random(Long.getLong("bell.seed", 56110L));
    static final String[] BELLS = {"Treble", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Tenor",
            "Great Tom", "Big Ben", "Sebastopol", "Emmanuel", "Pummerin", "Gloriosa", "Maria Dolens", "Savoyarde"};
    static final String[] FOUNDERS = {"Whitechapel", "Taylor", "Mears", "Rudhall", "Warner", "Petit", "Eijsbouts",
            "Paccard", "Rincker", "Perner", "Grassmayr", "Bachert", "Fritsen", "Hemony", "Bilbie", "Penning"};

    static void log(String level, String who, String msg) {
        System.out.printf("%tT.%03d %-7s [%s] bell.works.%s%n", new Date(), System.currentTimeMillis() % 1000,
                level, Thread.currentThread().getName(), who + " - " + msg);
    }

    // ---- a casting ledger that keeps every pour (heap exhaustion)
    static void pourForever(int kbPerPour) {
        List<byte[]> LEDGER = new ArrayList<>();
        int n = 0;
        while (true) {
            String bell = BELLS[RND.nextInt(BELLS.length)];
            int kg = 80 + RND.nextInt(4000);
            LEDGER.add(new byte[kbPerPour * 1024]);
            n++;
            if (n % 40 == 0) log("INFO", "Ledger", "pour #" + n + " " + bell + " " + kg + " kg, ledger holds " + LEDGER.size() + " castings");
            if (n % 170 == 0) log("WARNING", "Ledger", "ledger not archived since pour #" + (n - 170) + "; keeping all castings in memory");
        }
    }

    // ---- the tuning recursion: clapper and mould call each other with no base case
    static double tuneClapper(String bell, int partial, double hz) {
        return resonateMould(bell, partial + 1, hz * 1.0009) - 0.01;
    }

    static double resonateMould(String bell, int partial, double hz) {
        double hum = hz / 2.0;
        if (partial < 0) return hum;     // never: partial only grows
        return tuneClapper(bell, partial, hum * 2.0 + 0.0001);
    }

    // ---- founders taking a mould and the furnace in opposite orders (deadlock)
    static final class Mould { final String name; Mould(String n) { name = n; } }
    static final class Furnace { final String name; Furnace(String n) { name = n; } }

    static void cast(Object first, Object second, String what, CountDownLatch ready) {
        synchronized (first) {
            log("INFO", "Founder", "holds " + what + ", waiting for the other");
            ready.countDown();
            try { ready.await(); Thread.sleep(200); } catch (InterruptedException e) { return; }
            synchronized (second) {
                log("INFO", "Founder", "poured " + what);
            }
        }
    }

    static void deadlock(int pairs, int idle) throws Exception {
        for (int i = 0; i < pairs; i++) {
            Mould m = new Mould(BELLS[i % BELLS.length] + " mould");
            Furnace f = new Furnace("furnace-" + (i + 1));
            CountDownLatch ready = new CountDownLatch(2);
            new Thread(() -> cast(m, f, m.name, ready), "founder-" + FOUNDERS[(2 * i) % FOUNDERS.length]).start();
            new Thread(() -> cast(f, m, f.name, ready), "founder-" + FOUNDERS[(2 * i + 1) % FOUNDERS.length]).start();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, idle));
        for (int i = 0; i < idle; i++) pool.submit(() -> { Thread.sleep(600_000); return null; });
        log("INFO", "Foundry", pairs + " casting pairs started, " + idle + " polishers idle");
        Thread.sleep(600_000);
    }

    // ---- a busy foundry: churn, exceptions thrown and caught, for jcmd/jstat/jhsdb
    static void busy(int seconds) throws Exception {
        long end = System.currentTimeMillis() + seconds * 1000L;
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> { Thread t = new Thread(r); t.setName("caster-" + t.getId()); return t; });
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            fs.add(pool.submit(() -> {
                Map<String, List<int[]>> yard = new HashMap<>();
                int n = 0;
                while (System.currentTimeMillis() < end) {
                    String bell = BELLS[ThreadLocalRandom.current().nextInt(BELLS.length)];
                    yard.computeIfAbsent(bell, k -> new ArrayList<>()).add(new int[256 + ThreadLocalRandom.current().nextInt(2048)]);
                    if (yard.get(bell).size() > 300) yard.get(bell).clear();
                    n++;
                    try {
                        if (n % 5000 == 0) Integer.parseInt(bell + " weight");
                        if (n % 7001 == 0) throw new IllegalStateException("clapper of " + bell + " cracked at the crown staple");
                        if (n % 9999 == 0) { Object o = bell; Integer bad = (Integer) o; }
                    } catch (RuntimeException e) {
                        if (n % 20000 == 0) log("WARNING", "Caster", e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                return n;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        log("INFO", "Foundry", "day's casting done");
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "hello";
        Logger jul = Logger.getLogger("bell.works");
        switch (mode) {
            case "oom": {
                log("INFO", "Foundry", "opening the casting ledger, " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB of heap");
                pourForever(Integer.parseInt(args[1]));
                break;
            }
            case "oom-pool": {
                ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "ledger-writer"));
                Future<?> f = pool.submit(() -> pourForever(Integer.parseInt(args[1])));
                try {
                    f.get();
                } catch (ExecutionException e) {
                    jul.log(Level.SEVERE, "ledger writer died", e);
                    throw new IllegalStateException("casting ledger lost for the day's pours", e);
                } finally {
                    pool.shutdownNow();
                }
                break;
            }
            case "overflow": {
                String bell = BELLS[RND.nextInt(BELLS.length)];
                log("INFO", "Tuning", "tuning " + bell + " from 440.0 Hz");
                System.out.println(tuneClapper(bell, 0, 440.0));
                break;
            }
            case "overflow-pool": {
                ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "tuner"));
                List<Future<Double>> fs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String bell = BELLS[RND.nextInt(BELLS.length)];
                    fs.add(pool.submit(() -> tuneClapper(bell, 0, 220.0)));
                }
                try {
                    for (Future<Double> f : fs) System.out.println(f.get());
                } catch (ExecutionException e) {
                    log("ERROR", "Tuning", "tuning failed: " + e.getCause());
                    throw new RuntimeException("tuning run aborted", e);
                } finally {
                    pool.shutdownNow();
                }
                break;
            }
            case "deadlock": deadlock(Integer.parseInt(args[1]), Integer.parseInt(args[2])); break;
            case "busy": busy(Integer.parseInt(args[1])); break;
            default: log("INFO", "Foundry", "bellworks ready: " + BELLS.length + " bells, " + FOUNDERS.length + " founders");
        }
    }
}
'''

WORKSHOPS = ["moulds", "clappers", "founders", "tuning", "ledger", "furnace", "yokes", "crowns", "inscriptions",
             "headstocks", "wheels", "ropes"]
JDK_USES = {"java.logging": "java.util.logging.Logger.getLogger(\"x\").fine(\"y\");",
            "java.sql": "try { java.sql.DriverManager.getConnection(\"jdbc:none\"); } catch (Exception e) { }",
            "java.xml": "try { javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder(); } catch (Exception e) { }",
            "java.desktop": "java.awt.Point p = new java.awt.Point(1, 2);",
            "java.net.http": "java.net.http.HttpClient c = null;",
            "java.management": "java.lang.management.ManagementFactory.getRuntimeMXBean();"}


def gen_shops(rnd: random.Random):
    """Each workshop: a package bell.<shop> with N classes, each using a few classes of earlier shops and a JDK module."""
    shops = {}
    for k, shop in enumerate(WORKSHOPS):
        deps = rnd.sample(WORKSHOPS[:k], min(k, rnd.randint(1, 3))) if k else []
        jdk = rnd.sample(sorted(JDK_USES), rnd.randint(1, 2))
        classes = {}
        n = rnd.randint(6, 18)
        for c in range(n):
            name = f"{shop.capitalize()[:-1] if shop.endswith('s') else shop.capitalize()}{c:02d}"
            body = [f"package bell.{shop};", "", f"public class {name} {{",
                    f"    public static int weightKg() {{ return {rnd.randint(40, 4000)}; }}",
                    "    public void work() {"]
            for d in deps:
                body.append(f"        bell.{d}.{classes_name(d, 0)}.weightKg();")
            body.append("        " + JDK_USES[jdk[c % len(jdk)]])
            body += ["    }", "}", ""]
            classes[name] = "\n".join(body)
        shops[shop] = (deps, jdk, classes)
    return shops


def classes_name(shop: str, c: int) -> str:
    return f"{shop.capitalize()[:-1] if shop.endswith('s') else shop.capitalize()}{c:02d}"


def build(tmp: Path) -> Path:
    root = tmp / "bellworks"
    write_tree(root, {"src/bell.works/bell/works/Foundry.java": WORKS.lstrip("\n"),
                      "src/bell.works/module-info.java": "module bell.works {\n    requires java.logging;\n    exports bell.works;\n}\n"})
    out = run("mkdir -p mods/bell.works && javac -d mods/bell.works src/bell.works/module-info.java "
              "src/bell.works/bell/works/Foundry.java && jar --create --file works.jar -C mods/bell.works . && echo OK",
              cwd=root, timeout=300)
    assert out.strip().endswith("OK"), out[-2000:]
    # the workshops, as plain jars (classpath) and as modules
    rnd = random.Random(SEED)
    shops = gen_shops(rnd)
    files = {}
    for shop, (deps, jdk, classes) in shops.items():
        for name, body in classes.items():
            files[f"shops/{shop}/bell/{shop}/{name}.java"] = body
        files[f"shops/{shop}/bell/{shop}/bells.properties"] = f"shop={shop}\nseed={SEED}\n"
        reqs = "".join(f"    requires bell.{d};\n" for d in deps) + "".join(f"    requires {j};\n" for j in jdk)
        # faults: tuning and crowns declare modules they never use
        if shop == "tuning":
            reqs += "    requires java.sql;\n    requires java.compiler;\n    requires java.prefs;\n"
        if shop == "crowns":
            reqs += "    requires java.naming;\n    requires java.scripting;\n"
        files[f"mshops/{shop}/module-info.java"] = f"module bell.{shop} {{\n{reqs}    exports bell.{shop};\n}}\n"
    write_tree(root, files)
    script = ["set -e", "mkdir -p classes jars mjars mclasses"]
    for shop, (deps, jdk, classes) in shops.items():
        cp = ":".join(f"classes/{d}" for d in deps) or "."
        script.append(f"javac -nowarn -d classes/{shop} -cp {cp} $(find shops/{shop} -name '*.java')")
        script.append(f"cp shops/{shop}/bell/{shop}/bells.properties classes/{shop}/bell/{shop}/")
        script.append(f"jar --create --file jars/{shop}.jar -C classes/{shop} .")
    for shop, (deps, jdk, classes) in shops.items():
        mp = "mjars" if deps else "mjars"
        script.append(f"mkdir -p mclasses/{shop} && cp shops/{shop} -r mclasses/src-{shop} && "
                      f"cp mshops/{shop}/module-info.java mclasses/src-{shop}/ && "
                      f"(javac -nowarn -d mclasses/{shop} --module-path {mp} $(find mclasses/src-{shop} -name '*.java') "
                      f"&& jar --create --file mjars/bell.{shop}.jar -C mclasses/{shop} . || echo MODFAIL {shop})")
    # all workshops in one jar; two entries from an older release (a rare timestamp)
    script += ["mkdir -p all && for d in classes/*; do cp -r $d/. all/; done",
               "touch -d '2019-03-14 09:26:53' all/bell/tuning/bells.properties all/bell/ledger/bells.properties",
               "jar --create --file bellworks-all.jar --main-class bell.moulds.Mould00 -C all . -C mods/bell.works bell",
               "echo OK"]
    (root / "build.sh").write_text("\n".join(script) + "\n")
    out = run("bash build.sh", cwd=root, timeout=900)
    cm.note("build: " + " | ".join(ln for ln in out.splitlines() if "MODFAIL" in ln or "error" in ln)[:400])
    assert out.strip().endswith("OK"), out[-3000:]
    return root


ROOT: list[Path] = []


def setup(tmp: Path) -> None:
    ROOT.append(build(tmp))


def runs(tmp: Path) -> None:
    """OutOfMemoryError and StackOverflowError runs, module resolution."""
    root = ROOT[0]
    cp = "-p mods -m bell.works/bell.works.Foundry"
    items = [
        ("java-oom-plain", f"java -Xmx24m {cp} oom 64", n_java_oom),
        ("java-oom-heapdump", f"java -Xmx32m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/dev/shm/hm-corpus-wide561/ledger.hprof {cp} oom 48; echo EXIT=$?", n_java_oom),
        ("java-oom-exit", f"java -Xmx20m -XX:+ExitOnOutOfMemoryError {cp} oom 32 2>&1 | tail -n 60; echo EXIT=$?", n_java_oom),
        ("java-oom-pool", f"java -Xmx28m {cp} oom-pool 16", n_java_oom),
        ("java-oom-pool-tail", f"java -Xmx40m -Dbell.seed=56111 {cp} oom-pool 96 2>&1 | tail -n 40", n_java_oom),
        ("java-soe-main-tail", f"java {cp} overflow 2>&1 | tail -n 50; echo EXIT=$?", n_java_soe),
        ("java-soe-main-head", f"java -Xss512k {cp} overflow 2>&1 | head -n 120", n_java_soe),
        ("java-soe-depth", f"java -XX:MaxJavaStackTraceDepth=300 {cp} overflow", n_java_soe),
        ("java-soe-pool", f"java -XX:MaxJavaStackTraceDepth=1500 -Dbell.seed=56112 {cp} overflow-pool; echo EXIT=$?", n_java_soe),
        ("java-soe-pool-grep", f"java {cp} overflow-pool 2>&1 | grep -v 'at bell.works.Foundry.resonateMould' | head -n 200", n_java_soe),
        ("modres-ok", f"java --show-module-resolution {cp}", n_module_resolution),
        ("modres-shops", "java --show-module-resolution -p mods:mjars --add-modules ALL-MODULE-PATH -m bell.works/bell.works.Foundry", n_module_resolution),
        ("modres-missing", "mkdir -p partial && cp mjars/bell.tuning.jar mjars/bell.moulds.jar partial/ && "
                           "java --show-module-resolution -p mods:partial --add-modules bell.tuning -m bell.works/bell.works.Foundry; echo EXIT=$?", n_module_resolution),
        ("modres-javase-head", f"java --show-module-resolution --add-modules java.se {cp} 2>&1 | head -n 300", n_module_resolution),
    ]
    for item, command, ext in items:
        cap(item, command, root, ext, timeout=180)
    run("rm -f /dev/shm/hm-corpus-wide561/ledger.hprof", timeout=30)


def jdeps(tmp: Path) -> None:
    root = ROOT[0]
    allj = " ".join(f"jars/{s}.jar" for s in WORKSHOPS)
    nojl = " ".join(f"jars/{s}.jar" for s in WORKSHOPS if s not in ("ledger", "moulds"))
    items = [
        ("jdeps-s-all", f"jdeps -s {allj}", n_jdeps_summary),
        ("jdeps-summary-missing", f"jdeps -summary {nojl}", n_jdeps_summary),
        ("jdeps-s-fat", "jdeps -s bellworks-all.jar; echo EXIT=$?", n_jdeps_summary),
        ("jdeps-s-modules", "jdeps -s --module-path mjars:mods -m bell.tuning", n_jdeps_summary),
        ("jdeps-s-modules-r", "jdeps -s -R --module-path mjars:mods -m bell.ropes", n_jdeps_summary),
        ("jdeps-s-cp-r", "jdeps -s -R -cp 'jars/*' jars/ropes.jar", n_jdeps_summary),
        ("jdeps-s-mjars", "jdeps -s --multi-release 17 mjars/*.jar", n_jdeps_summary),
        ("jdeps-missing-cp", f"jdeps --missing-deps {nojl}; echo EXIT=$?", n_jdeps_missing),
        ("jdeps-missing-tuning", "jdeps --missing-deps -cp jars/crowns.jar jars/tuning.jar jars/headstocks.jar jars/wheels.jar jars/ropes.jar", n_jdeps_missing),
        ("jdeps-verbose-notfound", f"jdeps -verbose:class {nojl} | grep 'not found'", n_jdeps_missing),
        ("jdeps-check-tuning", "jdeps --module-path mjars --check bell.tuning", n_jdeps_check),
        ("jdeps-check-crowns", "jdeps --module-path mjars --check bell.crowns; echo EXIT=$?", n_jdeps_check),
        ("jdeps-check-many", "jdeps --module-path mjars --check bell.ropes,bell.wheels,bell.headstocks,bell.inscriptions", n_jdeps_check),
        ("jar-tvf-all", "jar tvf bellworks-all.jar", n_jar_tvf),
        ("jar-tvf-tuning", "jar tvf jars/tuning.jar", n_jar_tvf),
        ("jar-tvf-ant", "jar tvf /usr/share/java/ant-1.10.13.jar | head -n 400", n_jar_tvf),
    ]
    for item, command, ext in items:
        cap(item, command, root, ext, timeout=180)


def live(tmp: Path) -> None:
    """jcmd, jstat, jhsdb against the running foundry."""
    root = ROOT[0]
    busy = cm.start(["java", "-Xmx256m", "-Xlog:disable", "-p", "mods", "-m", "bell.works/bell.works.Foundry",
                     "busy", "400"], cwd=root)
    par = cm.start(["java", "-XX:+UseParallelGC", "-Xmx128m", "-p", "mods", "-m", "bell.works/bell.works.Foundry",
                    "busy", "400"], cwd=root)
    dl = cm.start(["java", "-Xmx64m", "-p", "mods", "-m", "bell.works/bell.works.Foundry", "deadlock", "3", "6"],
                  cwd=root)
    time.sleep(8)
    b, p, d = busy.pid, par.pid, dl.pid
    items = [
        ("jstat-class", f"jstat -class -t {b} 250 60", n_jstat_class),
        ("jstat-class-h", f"jstat -class -h 15 {p} 200 45; echo EXIT=$?", n_jstat_class),
        ("jstat-gccap", f"jstat -gccapacity -t {b} 250 60", n_jstat_gccap),
        ("jstat-gccap-par", f"jstat -gccapacity -h 20 {p} 200 80", n_jstat_gccap),
        ("jcmd-vm-info", f"jcmd {b} VM.info", n_vm_info),
        ("jcmd-vm-info-par-head", f"jcmd {p} VM.info | head -n 400", n_vm_info),
        ("jcmd-vm-info-deadlock", f"jcmd {d} VM.info; echo EXIT=$?", n_vm_info),
        ("jcmd-perf", f"jcmd {b} PerfCounter.print", n_perfcounter),
        ("jcmd-perf-grep", f"jcmd {p} PerfCounter.print | grep -E 'sun\\.gc|java\\.cls|java\\.threads'", n_perfcounter),
        ("jcmd-help", f"jcmd {b} help", n_jcmd_help),
        ("jcmd-help-heapdump", f"jcmd {b} help GC.heap_dump", n_jcmd_help),
        ("jcmd-help-all", f"for c in Thread.print VM.log JFR.start Compiler.CodeHeap_Analytics; do jcmd {b} help $c; done", n_jcmd_help),
        ("jcmd-vm-events", f"jcmd {b} VM.events", n_vm_events),
        ("jcmd-vm-events-par", f"jcmd {p} VM.events | head -n 300", n_vm_events),
        ("jhsdb-jstack-deadlock", f"jhsdb jstack --pid {d}", n_jhsdb_jstack),
        ("jhsdb-jstack-busy", f"jhsdb jstack --pid {b}; echo EXIT=$?", n_jhsdb_jstack),
        ("jhsdb-jmap-heap", f"jhsdb jmap --heap --pid {b}", n_jhsdb_heap),
        ("jhsdb-jmap-heap-par", f"jhsdb jmap --heap --pid {p}", n_jhsdb_heap),
        ("jhsdb-jmap-heap-deadlock", f"jhsdb jmap --heap --pid {d}", n_jhsdb_heap),
    ]
    for item, command, ext in items:
        cap(item, command, root, ext, timeout=120)
    for pr in (busy, par, dl):
        cm.stop(pr)


STEPS = [setup, runs, jdeps, live]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide561", sys.modules["__main__"])
    main()
