"""Round 101, the running JVM and scripts: a yard simulator (`YardSim`, Java, written here: hot shunting loops, a
seeded stream of wagons, allocation, exceptions thrown and caught) recorded by Java Flight Recorder and read back
with `jfr summary` / `jfr print`; jcmd (native memory tracking, system properties) and `jinfo -sysprops` against it
while it runs; Groovy scripts of the yard's tooling with bugs put in (compile errors, runtime exceptions, power
assertions). The extractors are this round's (NEEDLES.md, "Round 101"). Run through capture_wide101.py."""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, kind, next_match, run, write_tree
from capture_wide101 import add, cap, exit_lines

# ------------------------------------------------------------------ extractors


@kind("jfr-summary", "table")
def n_jfr_summary(lines):
    """Round 101: the Version, Chunks, Start, Duration lines, the event table's header and the rows holding the maximum Count and Size (bytes); any EXIT= line."""
    out = [ln for ln in lines if re.match(r"\s*(Version|Chunks|Start|Duration):", ln)]
    hdr = next((i for i, ln in enumerate(lines) if re.search(r"Event Type\s+Count\s+Size", ln)), None)
    if hdr is not None:
        out.append(lines[hdr])
        rows = [ln for ln in lines[hdr + 1:] if re.match(r"\s*[\w.]+\s+\d+\s+\d+\s*$", ln)]
        if rows:
            out.append(max(rows, key=lambda ln: int(ln.split()[1])))
            out.append(max(rows, key=lambda ln: int(ln.split()[2])))
    out += [ln for ln in lines if re.search(r"^(jfr|Error)\b|could not|not a valid", ln, re.I)]
    return out + exit_lines(lines)


UNIT_NS = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9, "min": 60e9, "h": 3600e9}


def _dur(ln: str) -> float:
    m = re.search(r"duration = ([\d.]+) (ns|us|ms|s|min|h)\b", ln)
    return float(m.group(1)) * UNIT_NS[m.group(2)] if m else -1.0


@kind("jfr-print", "log")
def n_jfr_print(lines):
    """Round 101: event-type lines of types printed at most twice while the commonest covers half, the longest duration line, top frames of at least 10% of execution samples, every thrownClass/message line of exception events, error lines; any EXIT= line."""
    out = []
    heads = [(i, ln) for i, ln in enumerate(lines) if re.match(r"^jdk\.\w+ \{$", ln)]
    c = Counter(ln for _, ln in heads)
    if c and c.most_common(1)[0][1] * 2 >= len(heads):
        out += [ln for ln, n in c.items() if n <= 2]
    durs = [ln for ln in lines if "duration = " in ln]
    if durs:
        out.append(max(durs, key=_dur))
    tops = []
    for i, (k, ln) in enumerate(heads):
        if ln != "jdk.ExecutionSample {":
            continue
        m = next((j for j in range(k + 1, min(len(lines), k + 12)) if "stackTrace = [" in lines[j]), None)
        if m is not None and m + 1 < len(lines):
            tops.append(lines[m + 1].strip())
    if tops:
        tc = Counter(re.sub(r"\s+line: \d+.*$", "", t) for t in tops)
        for meth, n in tc.items():
            if n * 10 >= len(tops):
                out.append(any_of([t for t in tops if t.startswith(meth)]))
    inside_exc = False
    for ln in lines:
        if re.match(r"^jdk\.\w+ \{$", ln):
            inside_exc = ln.startswith(("jdk.JavaExceptionThrow", "jdk.JavaErrorThrow"))
        elif inside_exc and re.match(r"\s*(thrownClass|message) = ", ln):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"^(jfr|Error|error)\b.*(not|could|invalid|error)", ln)]
    return out + exit_lines(lines)


@kind("jcmd-native-memory", "table")
def n_jcmd_nmt(lines):
    """Round 101: the pid line, the Total: reserved/committed line, every category header line, the category holding the maximum committed size; any EXIT= line."""
    out = [ln for ln in lines if re.match(r"^\d+:$", ln) or re.match(r"\s*Total: reserved=", ln)]
    cats = [ln for ln in lines if re.match(r"^-\s+\S.*\(reserved=\d+\w*, committed=\d+\w*\)", ln)]
    out += cats

    def committed(ln: str) -> int:
        return int(re.search(r"committed=(\d+)", ln).group(1))
    if cats:
        out.append(max(cats, key=committed))
    out += [ln for ln in lines if re.search(r"not enabled|Exception|error", ln, re.I)]
    return out + exit_lines(lines)


@kind("jcmd-system-properties", "table")
def n_jcmd_props(lines):
    """Round 101: the pid line, the java.version, java.home, java.class.path, user.dir, file.encoding and os.name lines, every property the program set with -D (yard.*); any EXIT= line."""
    keys = ("java.version", "java.home", "java.class.path", "user.dir", "file.encoding", "os.name")
    out = [ln for ln in lines if re.match(r"^\d+:$", ln)]
    out += [ln for ln in lines if re.match(r"\s*(%s)\s*[=:]" % "|".join(map(re.escape, keys)), ln)]
    out += [ln for ln in lines if re.match(r"\s*yard\.", ln)]
    out += [ln for ln in lines if re.search(r"Exception|error|not found", ln, re.I) and "=" not in ln]
    return out + exit_lines(lines)


@kind("groovy-error", "build")
def n_groovy(lines):
    """Round 101: startup failed, every compile-error line, the N error(s) line; Caught: lines with the first .groovy at line within six; Assertion failed: with its assert line; Exception in thread lines; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"(org\.codehaus\.groovy\.control\.MultipleCompilationErrorsException: )?startup failed:", ln) \
                or re.match(r"^\S+\.groovy: \d+: ", ln) or re.match(r"^\d+ errors?$", ln) \
                or ln.startswith("Exception in thread"):
            out.append(ln)
        elif ln.startswith("Caught: "):
            out.append(ln)
            out.append(next_match(lines, i, r"\.groovy:\d+\)"))
        elif ln.startswith("Assertion failed:"):
            out.append(ln)
            out.append(next_match(lines, i, r"^assert ", ahead=3))
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the simulator

SIM = """import java.util.*;

public class YardSim {
    record Wagon(String id, int kg, String dest) {}

    static long hump(List<Wagon> cut) {
        long acc = 0;
        for (int pass = 0; pass < 40; pass++) {
            for (int i = 0; i < cut.size(); i++) {
                Wagon w = cut.get(i);
                acc += (w.kg() * 31L + w.dest().hashCode()) % 977;
            }
        }
        return acc;
    }

    static List<Wagon> sortRoads(List<Wagon> cut) {
        List<Wagon> s = new ArrayList<>(cut);
        s.sort(Comparator.comparing(Wagon::dest).thenComparingInt(Wagon::kg));
        return s;
    }

    static String manifest(List<Wagon> cut) {
        StringBuilder sb = new StringBuilder();
        for (Wagon w : cut) sb.append(w.id()).append(';').append(w.kg()).append(';').append(w.dest()).append('\\n');
        return sb.toString();
    }

    static int tariffCheck(Wagon w) {
        if (w.kg() > 90000) throw new IllegalStateException("overweight " + w.id() + " " + w.kg() + " kg");
        if (w.dest().equals("Tyne")) throw new UnsupportedOperationException("no tariff for Tyne");
        return w.kg() / 1000;
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        Random rnd = new Random(10111);
        String[] dests = {"Tinsley", "Toton", "Wembley", "Mossend", "Doncaster", "Tyne", "Bescot"};
        long end = System.currentTimeMillis() + seconds * 1000;
        List<String> manifests = new ArrayList<>();
        long total = 0; int rejected = 0;
        while (System.currentTimeMillis() < end) {
            List<Wagon> cut = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                cut.add(new Wagon("W" + rnd.nextInt(99999), 12000 + rnd.nextInt(82000), dests[rnd.nextInt(dests.length)]));
            }
            total += hump(sortRoads(cut));
            manifests.add(manifest(cut));
            if (manifests.size() > 300) manifests.subList(0, 150).clear();
            for (Wagon w : cut.subList(0, 20)) {
                try { total += tariffCheck(w); } catch (RuntimeException e) { rejected++; }
            }
            if (args.length > 1) Thread.sleep(5);
        }
        System.out.println("yard sim done: " + total + " rejected=" + rejected);
    }
}
"""


def jvm_setup(tmp: Path) -> Path:
    root = tmp / "yardsim"
    write_tree(root, {"YardSim.java": SIM})
    run("javac -d . YardSim.java", cwd=root)
    jfc = Path("/usr/lib/jvm/java-17-openjdk-amd64/lib/jfr/profile.jfc")
    found = list(Path("/usr/lib/jvm").glob("*/lib/jfr/profile.jfc"))
    text = (jfc if jfc.exists() else found[0]).read_text()
    text = re.sub(r'(<event name="jdk.JavaExceptionThrow">\s*<setting name="enabled"[^>]*>)false', r"\1true", text)
    (root / "exceptions.jfc").write_text(text)
    return root


def jfr(tmp: Path) -> None:
    root = jvm_setup(tmp)
    run("java -XX:StartFlightRecording=filename=profile.jfr,settings=profile YardSim 8", cwd=root, timeout=120)
    run("java -XX:StartFlightRecording=filename=default.jfr YardSim 4 slow", cwd=root, timeout=120)
    run("java -XX:StartFlightRecording=filename=exc.jfr,settings=exceptions.jfc YardSim 2", cwd=root, timeout=120)
    cap("jfr-summary-profile", "jfr summary profile.jfr", root, n_jfr_summary)
    cap("jfr-summary-default", "jfr summary default.jfr", root, n_jfr_summary)
    cap("jfr-print-execution-samples-head", "jfr print --events jdk.ExecutionSample profile.jfr | head -n 1400", root,
        n_jfr_print)
    cap("jfr-print-execution-samples-depth3", "jfr print --events ExecutionSample --stack-depth 3 profile.jfr | tail -n 1800",
        root,
        n_jfr_print)
    cap("jfr-print-sleep-gc-start", "jfr print --events ThreadSleep,GarbageCollection,ThreadStart default.jfr",
        root, n_jfr_print)
    cap("jfr-print-exceptions-tail", "jfr print --events JavaExceptionThrow --stack-depth 4 exc.jfr | tail -n 400",
        root, n_jfr_print)


def jcmd(tmp: Path) -> None:
    root = tmp / "yardsim"
    if not (root / "YardSim.class").exists():
        jvm_setup(tmp)
    p = cm.start(["java", "-XX:NativeMemoryTracking=summary", "-Xmx256m", "-Dyard.depot=Toton", "-Dyard.shift=night",
                  "-Dyard.humpSpeedKmh=14", "YardSim", "60", "slow"], cwd=root)
    time.sleep(4)
    pid = p.pid
    try:
        for item, command, ext in [
            ("jcmd-nmt-summary", "jcmd {pid} VM.native_memory summary", n_jcmd_nmt),
            ("jcmd-nmt-summary-mb", "jcmd {pid} VM.native_memory summary scale=MB", n_jcmd_nmt),
            ("jcmd-system-properties", "jcmd {pid} VM.system_properties", n_jcmd_props),
            ("jinfo-sysprops", "jinfo -sysprops {pid}", n_jcmd_props),
            ("jcmd-system-properties-grep", "jcmd {pid} VM.system_properties | grep -E '^(java|yard|user|os)\\.'; "
             "echo EXIT=$?", n_jcmd_props),
        ]:
            # the pid differs between runs: the command records it as printed
            out = run(command.format(pid=pid), cwd=root, timeout=60)
            add(item, command.format(pid=pid), out, ext)
    finally:
        cm.stop(p) if hasattr(cm, "stop") else p.kill()


# ------------------------------------------------------------------ groovy

GROOVY_COMPILE = """import org.yardplan.Wagon
import groovy.json.JsonSlurper

class Manifest {
    List<Wagon> wagons = []
    RoadPlan plan

    int totalKg() {
        wagons.sum { it.kg } ?: 0
    }

    String summary() {
        "${wagons.size()} wagons, ${totalKg()} kg"
    }
}

def slurper = new JsonSlurper()
def m = new Manifest()
Depot d = new Depot("Toton")
println m.summary()
"""

GROOVY_RUNTIME = """def wagons = [
    [id: 'W101', kg: 22000, dest: 'Toton'],
    [id: 'W102', kg: 81000, dest: 'Tinsley'],
    [id: 'W103', kg: 64000, dest: null],
]

def byDest = wagons.groupBy { it.dest }
byDest.each { dest, ws ->
    println "${dest.toUpperCase()}: ${ws*.id.join(', ')}"
}
"""

GROOVY_MISSING = """class Road {
    String name
    int lengthM
}

def roads = (1..6).collect { new Road(name: "R$it", lengthM: 200 + it * 50) }
def longest = roads.max { it.lengthM }
println "longest road: ${longest.name} (${longest.length} m)"
"""

GROOVY_ASSERT = """def tariff = { int hours, int wagons -> hours <= 4 ? 0 : (hours - 4) * wagons * 350 }
def shunt = { int moves, boolean night -> moves * (night ? 900 : 1200) - (moves > 10 ? 2000 : 0) }

assert tariff(3, 10) == 0
assert tariff(6, 10) == 7000
assert shunt(10, true) == 8000
assert shunt(12, false) == 13400 : "bulk discount for 12 day moves"
println 'all tariffs ok'
"""


def groovy_many(rnd: random.Random, n: int) -> str:
    """A seeded yard-tooling script whose classes refer to types that do not exist: one compile error each."""
    parts = ["// yard tooling, generated per depot\n"]
    for i in range(n):
        t = rnd.choice(["SidingPlan", "HumpProfile", "RoadMap", "TariffBook", "CrewRoster"])
        parts.append(f"class Depot{i:02d} {{\n    {t}{rnd.randint(1, 9)} plan\n    int roads = {rnd.randint(4, 40)}\n"
                     f"    def describe() {{ \"depot {i}: $roads roads\" }}\n}}\n")
    parts.append("println new Depot00().describe()\n")
    return "".join(parts)


def groovy(tmp: Path) -> None:
    root = tmp / "groovy"
    write_tree(root, {"manifest.groovy": GROOVY_COMPILE, "by_dest.groovy": GROOVY_RUNTIME,
                      "roads.groovy": GROOVY_MISSING, "tariffs.groovy": GROOVY_ASSERT,
                      "depots.groovy": groovy_many(random.Random(10112), 70)})
    cap("groovy-compile-unresolved", "groovy manifest.groovy", root, n_groovy, timeout=120)
    cap("groovy-runtime-npe-exit", "groovy by_dest.groovy; echo EXIT=$?", root, n_groovy, timeout=120)
    cap("groovy-missing-property", "groovy roads.groovy", root, n_groovy, timeout=120)
    cap("groovy-power-assert-tail", "groovy tariffs.groovy 2>&1 | tail -n 40; echo EXIT=$?", root, n_groovy,
        timeout=120)
    cap("groovy-70-depots-unresolved", "groovy depots.groovy", root, n_groovy, timeout=120)


STEPS = [jfr, jcmd, groovy]
