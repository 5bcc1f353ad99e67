"""Round 129, the running JVM: `silo`, a grain-silo ledger written here (Java 17) with faults put in: a ticket cache
that is never evicted (`Leak`: `-Xlog:gc*` under Parallel and G1 up to `OutOfMemoryError: Java heap space`, a Full GC
storm; `jcmd GC.heap_info` while it grows), a lock-order deadlock between the weigh-in and the ledger audit
(`Intake`: `jcmd Thread.print`, `jcmd VM.flags -all`), a drying model whose call site turns polymorphic and a report
class missing from its jar (`Hot`: `-XX:+PrintCompilation`, `-verbose:class`, `-Xlog:class+load,class+unload`,
`NoClassDefFoundError`); `-XX:+PrintFlagsFinal`. The extractors are this round's (NEEDLES.md, "Round 129"). Run
through capture_wide129.py."""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, kind, mask, next_match, run, write_tree
from capture_wide129 import add, cap, exit_lines

# ------------------------------------------------------------------ extractors

ERR_RE = re.compile(r"OutOfMemoryError|Exception|\berror\b|\bError\b")
APP_EXCLUDE = re.compile(r"^(java|jdk|sun|com\.sun|javax)\.")


@kind("java-xlog-gc-star-parallel", "log")
def n_gc_star_parallel(lines):
    """Round 129: the Using line; every OutOfMemoryError/exception/error line; the Pause lines of min and max duration; the first and last Pause Full lines; the last PSYoungGen/ParOldGen/garbage-first heap line before the OOM; any EXIT= line."""
    return _gc_star(lines)


@kind("java-xlog-gc-star-g1", "log")
def n_gc_star_g1(lines):
    """Round 129: the Using line; every OutOfMemoryError/exception/error line; the Pause lines of min and max duration; the first and last Pause Full lines; the last PSYoungGen/ParOldGen/garbage-first heap line before the OOM; any EXIT= line."""
    return _gc_star(lines)


def _gc_star(lines):
    out = [ln for ln in lines if re.search(r"\]\s*Using (Parallel|G1|Serial)", ln)]
    out += [ln for ln in lines if ERR_RE.search(ln) and "Pause" not in ln]
    pauses = [(ln, float(m.group(1))) for ln in lines for m in [re.search(r"\bPause .* (\d+\.\d+)ms$", ln)] if m]
    if pauses:
        out.append(min(pauses, key=lambda p: p[1])[0])
        out.append(max(pauses, key=lambda p: p[1])[0])
    full = [ln for ln in lines if re.search(r"Pause Full .*ms$", ln)]
    if full:
        out += [full[0], full[-1]]
    oom = next((i for i, ln in enumerate(lines) if "OutOfMemoryError" in ln), len(lines))
    heap = [ln for ln in lines[:oom] if re.search(r"PSYoungGen|ParOldGen|garbage-first heap", ln)]
    if heap:
        out.append(heap[-1])
    return out + exit_lines(lines)


@kind("jcmd-gc-heap-info", "table")
def n_heap_info(lines):
    """Round 129: the pid line; every heap or generation line with total and used, the region size line; the Metaspace and class space lines; any error line; any EXIT= line."""
    out = [ln for ln in lines if re.match(r"^\d+:$", ln)]
    out += [ln for ln in lines if re.search(r"total \d+K, used \d+K|region size \d+K|^\s*(Metaspace|class space)\s+used",
                                            ln)]
    out += [ln for ln in lines if re.search(r"Exception|error|not found|Could not", ln, re.I)]
    return out + exit_lines(lines)


def _flags(lines):
    out = [ln for ln in lines if re.match(r"^\d+:$", ln)]
    out += [ln for ln in lines if re.search(r"\{command line\}|\{ergonomic\}", ln)]
    out += [ln for ln in lines if re.search(r"\b(MaxHeapSize|InitialHeapSize|MaxMetaspaceSize)\s+=", ln)]
    out += [ln for ln in lines if re.search(r"\bUse\w*GC\s+= true", ln)]
    out += [ln for ln in lines if re.search(r"Unrecognized VM option|^Error|Could not create", ln)]
    return out + exit_lines(lines)


@kind("jcmd-vm-flags-all", "table")
def n_vm_flags_all(lines):
    """Round 129: the pid line; every flag set {command line} or {ergonomic}; the MaxHeapSize, InitialHeapSize, MaxMetaspaceSize lines and the Use*GC flag that is true; Unrecognized VM option / Error lines; any EXIT= line."""
    return _flags(lines)


@kind("java-printflagsfinal", "table")
def n_printflagsfinal(lines):
    """Round 129: every flag set {command line} or {ergonomic}; the MaxHeapSize, InitialHeapSize, MaxMetaspaceSize lines and the Use*GC flag that is true; Unrecognized VM option / Error lines; any EXIT= line."""
    return _flags(lines)


LOAD_RE = re.compile(r"(?:\[class,load\s*\]\s*|\[Loaded )?(\S+) source: (.+?)\]?$")


@kind("java-class-load-log", "log")
def n_class_load(lines):
    """Round 129: the first and last class-load lines; every load of a class from neither the shared archive nor jrt:/ (one {"any"} per source holding more than 3); unload lines one {"any"} per loader; error/exception lines with the first at line within six; any EXIT= line."""
    loads = [(ln, m.group(2)) for ln in lines for m in [re.search(r"\bclass,load\b.*? (\S+) source: (.+)$", ln)] if m]
    out = []
    if loads:
        out += [loads[0][0], loads[-1][0]]
    app = [(src, ln) for ln, src in loads if "shared objects file" not in src and not src.startswith("jrt:/")]
    per = Counter(src for src, _ in app)
    for src, n in per.items():
        rows = [ln for s, ln in app if s == src]
        out += [any_of(rows)] if n > 3 else rows
    # an unload line names no loader: the lines one collection printed together (same uptime) are one loader's
    unl = [(re.match(r"^\S*?\]", ln).group(0) if re.match(r"^\S*?\]", ln) else "", ln) for ln in lines
           if "class,unload" in ln]
    out += groups(unl)
    for i, ln in enumerate(lines):
        if re.search(r"(Error|Exception)\b", ln) and "source:" not in ln:
            out.append(ln)
            out.append(next_match(lines, i, r"^\s+at "))
    return out + exit_lines(lines)


COMP_RE = re.compile(r"^\s*\d+\s+\d+\s+([%sbn! ]{0,6})\s*(\d)?\s+(\S+::\S+|\S+\.\S+::\S+)")


@kind("java-printcompilation", "log")
def n_printcompilation(lines):
    """Round 129: one {"any"} per application method over its compile lines, one per application method over its made-not-entrant lines; every COMPILE SKIPPED line; every OSR (%) line of an application method; any EXIT= line."""
    comp, nent, out = [], [], []
    for ln in lines:
        m = re.search(r"\s(\S+::\S+)", ln)
        if not m or not re.match(r"^\s*\d+\s+\d+\s", ln):
            continue
        meth = m.group(1)
        if APP_EXCLUDE.match(meth):
            continue
        if "made not entrant" in ln or "made zombie" in ln:
            nent.append((meth, ln))
        else:
            comp.append((meth, ln))
            if re.match(r"^\s*\d+\s+\d+\s+%", ln):
                out.append(ln)
    out += [ln for ln in lines if "COMPILE SKIPPED" in ln]
    return groups(comp) + groups(nent) + out + exit_lines(lines)


@kind("jcmd-thread-print-deadlock", "log")
def n_thread_print_deadlock(lines):
    """Round 129: the Found one Java-level deadlock and Found N deadlock lines; every thread name line of the deadlock section with the waiting-to-lock line after it; the first application at line under each deadlocked thread in the section after; any EXIT= line."""
    out = []
    start = next((i for i, ln in enumerate(lines) if ln.startswith("Found one Java-level deadlock")), None)
    if start is None:
        return [ln for ln in lines if re.search(r"Exception|error", ln, re.I)] + exit_lines(lines)
    out.append(lines[start])
    out += [ln for ln in lines if re.match(r"^Found \d+ deadlocks?\.", ln)]
    names = []
    java_sec = next((i for i in range(start, len(lines)) if lines[i].startswith("Java stack information")), len(lines))
    for i in range(start, java_sec):
        m = re.match(r'^"([^"]+)":$', lines[i])
        if m:
            names.append(m.group(1))
            out.append(lines[i])
            out.append(next_match(lines, i, r"waiting to lock", ahead=2))
    for i in range(java_sec, len(lines)):
        m = re.match(r'^"([^"]+)":$', lines[i])
        if m and m.group(1) in names:
            for j in range(i + 1, min(len(lines), i + 30)):
                if re.match(r"^\s+at (?!java\.|jdk\.|sun\.)", lines[j]):
                    out.append(lines[j])
                    break
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the programs

LEAK = """import java.util.*;

public class Leak {
    record Ticket(long id, String farm, int tonnes, byte[] sample) {}

    // the fault: weigh-bridge tickets are cached by id and never evicted
    static final Map<Long, Ticket> CACHE = new HashMap<>();

    public static void main(String[] a) throws Exception {
        int rate = Integer.parseInt(a.length > 0 ? a[0] : "64");
        boolean slow = a.length > 1 && a[1].equals("slow");
        Random rnd = new Random(129);
        String[] farms = {"Aldwick", "Brome", "Cottesmore", "Dunmow", "Elsham", "Fotherby"};
        long id = 0, sum = 0;
        while (true) {
            for (int i = 0; i < 200; i++) {
                byte[] scratch = new byte[2048 + rnd.nextInt(4096)];
                sum += scratch.length;
            }
            Ticket t = new Ticket(id++, farms[rnd.nextInt(farms.length)], rnd.nextInt(40), new byte[rate * 16]);
            CACHE.put(t.id(), t);
            if (id % 20000 == 0) System.out.println("tickets=" + id + " cached=" + CACHE.size());
            if (slow && id % 40 == 0) Thread.sleep(4);
        }
    }
}
"""

INTAKE = """import java.util.*;

public class Intake {
    static final class Bin { final String name; Bin(String n) { name = n; } }
    static final class Ledger { final List<String> rows = new ArrayList<>(); }
    static final Bin BIN = new Bin("B7");
    static final Ledger LEDGER = new Ledger();

    static void weighIn(int ticket) throws InterruptedException {
        synchronized (BIN) {
            Thread.sleep(300);
            postTicket(ticket);
        }
    }

    static void postTicket(int ticket) {
        synchronized (LEDGER) { LEDGER.rows.add("t" + ticket); }
    }

    // the fault: the audit takes the ledger first, then the bin
    static void audit() throws InterruptedException {
        synchronized (LEDGER) {
            Thread.sleep(300);
            checkBin();
        }
    }

    static void checkBin() {
        synchronized (BIN) { LEDGER.rows.add("checked " + BIN.name); }
    }

    public static void main(String[] a) throws Exception {
        int conveyors = Integer.parseInt(a.length > 0 ? a[0] : "4");
        for (int i = 0; i < conveyors; i++) {
            Thread c = new Thread(() -> {
                while (true) {
                    try { Thread.sleep(1000); } catch (InterruptedException e) { return; }
                }
            }, "conveyor-" + i);
            c.setDaemon(true);
            c.start();
        }
        Thread w = new Thread(() -> { try { weighIn(1); } catch (InterruptedException e) { } }, "weigh-in");
        Thread au = new Thread(() -> { try { audit(); } catch (InterruptedException e) { } }, "ledger-audit");
        w.start();
        au.start();
        w.join();
    }
}
"""

HOT = """package silo;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

public class Hot {
    public interface Grain { double moisture(int day); }

    static final class Wheat implements Grain {
        final int lot; Wheat(int lot) { this.lot = lot; }
        public double moisture(int day) { return 14.5 - day * 0.01 + (lot % 7) * 0.1; }
    }

    static final class Barley implements Grain {
        final int lot; Barley(int lot) { this.lot = lot; }
        public double moisture(int day) { return 15.2 - day * 0.012 + (lot % 5) * 0.1; }
    }

    static final class Oats implements Grain {
        final int lot; Oats(int lot) { this.lot = lot; }
        public double moisture(int day) { return 13.9 - day * 0.008 + (lot % 3) * 0.1; }
    }

    static double dry(Grain g, int days) {
        double m = 0;
        for (int d = 0; d < days; d++) m += g.moisture(d) * 0.97;
        return m;
    }

    public static void main(String[] a) throws Exception {
        int rounds = Integer.parseInt(a[0]);
        String mode = a.length > 1 ? a[1] : "";
        double total = 0;
        for (int i = 0; i < rounds; i++) total += dry(new Wheat(i), 50);
        // the call site in dry() turns polymorphic here: its compiled code is thrown away
        for (int i = 0; i < rounds; i++) total += dry(i % 2 == 0 ? new Barley(i) : new Oats(i), 50);
        int lots = Integer.parseInt(System.getProperty("silo.lots", "0"));
        for (int i = 0; i < lots; i++) {
            Grain g = (Grain) Class.forName("silo.lots.Lot" + i).getDeclaredConstructor().newInstance();
            total += dry(g, 10);
        }
        if (mode.equals("unload")) {
            for (int r = 0; r < 3; r++) {
                try (URLClassLoader cl = new URLClassLoader("lots-" + r, new URL[]{Path.of("lots.jar").toUri().toURL()},
                        Hot.class.getClassLoader())) {
                    for (int i = 0; i < 12; i++) {
                        Object o = cl.loadClass("silo.lots.extra.Extra" + i).getDeclaredConstructor().newInstance();
                        total += o.hashCode() % 3;
                    }
                }
                System.gc();
            }
            System.gc();
        }
        if (mode.equals("report")) System.out.println(Report.render(total));
        System.out.printf("dried %d lots, moisture sum %.1f%n", rounds * 2, total);
    }
}
"""

REPORT = """package silo;

public class Report {
    static String render(double total) {
        Ledger2 l = new Ledger2();
        return l.line("moisture", total);
    }
}
"""

LEDGER2 = """package silo;

public class Ledger2 {
    String line(String k, double v) { return k + "=" + v; }
}
"""


def lot_sources(rnd: random.Random, n: int, pkg: str, name: str, grain: bool) -> dict[str, str]:
    files = {}
    for i in range(n):
        impl = " implements silo.Hot.Grain" if grain else ""
        body = (f"    public double moisture(int day) {{ return {rnd.uniform(12, 16):.2f} - day * "
                f"{rnd.uniform(0.005, 0.02):.4f}; }}\n" if grain else
                f"    public int hashCode() {{ return {rnd.randint(1, 9999)}; }}\n")
        files[f"{pkg.replace('.', '/')}/{name}{i}.java"] = (f"package {pkg};\n\npublic class {name}{i}{impl} {{\n"
                                                           f"{body}}}\n")
    return files


def setup(tmp: Path) -> Path:
    root = tmp / "silo"
    if (root / "hot.jar").exists():
        return root
    rnd = random.Random(129)
    files = {"Leak.java": LEAK, "Intake.java": INTAKE, "src/silo/Hot.java": HOT, "src/silo/Report.java": REPORT,
             "src/silo/Ledger2.java": LEDGER2}
    files.update({"src/" + k: v for k, v in lot_sources(rnd, 60, "silo.lots", "Lot", True).items()})
    files.update({"extra/" + k: v for k, v in lot_sources(rnd, 12, "silo.lots.extra", "Extra", False).items()})
    write_tree(root, files)
    run("javac -d . Leak.java Intake.java", cwd=root)
    run("mkdir -p classes xclasses && javac -d classes $(find src -name '*.java') && "
        "javac -d xclasses $(find extra -name '*.java')", cwd=root)
    # the fault: Ledger2 is left out of the jar Report needs it from
    run("rm classes/silo/Ledger2.class && jar --create --file hot.jar -C classes . && "
        "jar --create --file lots.jar -C xclasses .", cwd=root)
    return root


# ------------------------------------------------------------------ steps

def gc_logs(tmp: Path) -> None:
    root = setup(tmp)
    cap("gc-star-parallel-oom-exit", "java -XX:+UseParallelGC -Xmx32m -Xlog:gc*:stdout Leak 256; echo EXIT=$?", root,
        n_gc_star_parallel, timeout=120)
    cap("gc-star-parallel-storm-tail1400", "java -XX:+UseParallelGC -Xmx32m -Xlog:gc*:stdout Leak 64 | tail -n 1400",
        root, n_gc_star_parallel, timeout=120)
    cap("gc-star-parallel-tail80", "java -XX:+UseParallelGC -Xmx48m -Xlog:gc*:stdout Leak 96 2>&1 | tail -n 80", root,
        n_gc_star_parallel, timeout=120)
    cap("gc-star-g1-oom", "java -XX:+UseG1GC -Xmx32m -Xlog:gc*:stdout Leak 256", root, n_gc_star_g1, timeout=120)
    cap("gc-star-g1-grep-v-phases-exit", "java -XX:+UseG1GC -Xmx64m -Xlog:gc*:stdout Leak 128 2>&1 | "
        "grep -v -e 'gc,phases' -e 'gc,task'; echo EXIT=$?", root, n_gc_star_g1, timeout=120)
    cap("gc-star-g1-safepoint-file-tail", "java -XX:+UseG1GC -Xmx48m "
        "-Xlog:gc*,safepoint:file=gc.log:uptime,level,tags Leak 512 > run.out 2>&1; tail -n 300 gc.log", root,
        n_gc_star_g1, timeout=120)


def jcmd_runs(tmp: Path) -> None:
    root = setup(tmp)
    procs = []
    try:
        par = cm.start(["java", "-XX:+UseParallelGC", "-Xms64m", "-Xmx512m", "-Dsilo.site=Elsham", "Leak", "64",
                        "slow"], cwd=root)
        g1 = cm.start(["java", "-XX:+UseG1GC", "-Xmx384m", "-XX:MaxMetaspaceSize=96m", "-XX:NativeMemoryTracking=summary",
                       "Intake", "6"], cwd=root)
        dl = cm.start(["java", "-XX:+UseSerialGC", "-Xmx128m", "Intake", "24"], cwd=root)
        procs = [par, g1, dl]
        time.sleep(4)
        for item, command, ext in [
            ("jcmd-heap-info-parallel-loop", "for i in 1 2 3 4; do jcmd {par} GC.heap_info; sleep 2; done",
             n_heap_info),
            ("jcmd-heap-info-g1-twice", "jcmd {g1} GC.heap_info; sleep 1; jcmd {g1} GC.heap_info; echo EXIT=$?",
             n_heap_info),
            ("jcmd-thread-print-deadlock-g1", "jcmd {g1} Thread.print", n_thread_print_deadlock),
            ("jcmd-thread-print-l-deadlock-tail", "jcmd {dl} Thread.print -l | tail -n 120", n_thread_print_deadlock),
            ("jcmd-vm-flags-all-g1", "jcmd {g1} VM.flags -all", n_vm_flags_all),
            ("jcmd-vm-flags-all-parallel-grep", "jcmd {par} VM.flags -all | grep -E 'Heap|GC|Metaspace|Threads'; "
             "echo EXIT=$?", n_vm_flags_all),
        ]:
            # the pid differs between runs: the command records it as printed
            c = command.format(par=par.pid, g1=g1.pid, dl=dl.pid)
            add(item, c, run(c, cwd=root, timeout=90), ext)
    finally:
        for p in procs:
            cm.stop(p)


def flags(tmp: Path) -> None:
    root = setup(tmp)
    cap("printflagsfinal-g1-whole", "java -XX:+UseG1GC -Xmx2g -XX:MaxRAMPercentage=40 -XX:+PrintFlagsFinal -version",
        root, n_printflagsfinal, timeout=60)
    cap("printflagsfinal-grep-heap-gc", "java -XX:+UseParallelGC -Xms256m -Xmx1g -XX:+PrintFlagsFinal -version | "
        "grep -Ei 'heap|gc|ratio'", root, n_printflagsfinal, timeout=60)
    cap("printflagsfinal-unrecognized-exit", "java -XX:+UseConcMarkSweepGC -XX:+UseParallelOldGC -XX:+PrintFlagsFinal "
        "-version 2>&1 | head -n 40; java -XX:+UseSerialGC -XX:CICompilerCount=2 -XX:+PrintFlagsFinal -version 2>&1 | "
        "grep -E 'Compil|Serial|Tiered'; echo EXIT=$?", root, n_printflagsfinal, timeout=60)


def class_loading(tmp: Path) -> None:
    root = setup(tmp)
    cap("verbose-class-grep-v-shared", "java -verbose:class -Dsilo.lots=60 -cp hot.jar silo.Hot 2000 | "
        "grep -v 'shared objects file'", root, n_class_load, timeout=90)
    cap("xlog-class-load-report-tail-exit", "java -Xlog:class+load -cp hot.jar silo.Hot 2000 report 2>&1 | "
        "tail -n 120; echo EXIT=$?", root, n_class_load, timeout=90)
    cap("xlog-class-load-unload", "java -Xlog:class+load,class+unload -cp hot.jar silo.Hot 500 unload | "
        "grep -v 'source: shared'", root, n_class_load, timeout=90)
    cap("verbose-class-whole", "java -verbose:class -Dsilo.lots=24 -cp hot.jar silo.Hot 500", root, n_class_load,
        timeout=90)


def compilation(tmp: Path) -> None:
    root = setup(tmp)
    cap("printcompilation-whole", "java -XX:+PrintCompilation -Dsilo.lots=30 -cp hot.jar silo.Hot 200000", root,
        n_printcompilation, timeout=120)
    cap("printcompilation-grep-silo", "java -XX:+PrintCompilation -Dsilo.lots=60 -cp hot.jar silo.Hot 400000 | "
        "grep -E 'silo|made not entrant|COMPILE SKIPPED'", root, n_printcompilation, timeout=120)
    cap("printcompilation-c2-only-tail", "java -XX:-TieredCompilation -XX:+PrintCompilation -cp hot.jar silo.Hot "
        "300000 2>&1 | tail -n 100", root, n_printcompilation, timeout=120)


STEPS = [gc_logs, jcmd_runs, flags, class_loading, compilation]
