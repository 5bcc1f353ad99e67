#!/usr/bin/env python3
"""Capture round 430 of the compression corpus: the JDK's own tools beyond the corpus's (javap -c, jmod describe and
list, jps -lv, jinfo, serialver, jcmd VM.class_hierarchy and VM.classloaders, jfr print --json, -Xlog:safepoint,
-XX:+PrintInlining, jarsigner signing, keytool -list) over a ropeway written here (`org.ropeway`: cabins,
bullwheels, towers, grips, a haul rope; seeds 43010+), with faults put in. Debian 12's OpenJDK 17.

Every extractor is new and follows NEEDLES.md, "Round 430" (fixed before capture). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide430.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide430.json  as {"version": 2, "items": [...]}, ids prefixed "wide430-".
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
from capture_more import kind, note, run, write_tree  # noqa: E402

ID_PREFIX = "wide430-"
DEFAULT_OUT = HERE / "data" / "wide430.json"
TMP = Path("/dev/shm/hm-corpus-wide430")
JDK = Path("/usr/lib/jvm/java-17-openjdk-amd64")

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ------------------------------------------------------------------ rule 1, shared by every kind

ERR = re.compile(r"\bError:|\berror:|^Exception in thread|^Caused by:|^[\w.$]*(Exception|Error)(:|$)|\bnot found\b")


def errs(lines: list[str]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ERR.search(ln.strip())]


def err_needles(lines: list[str]) -> list:
    return [lines[i] for i in errs(lines)]


# ------------------------------------------------------------------ extractors


@kind("javap-c", "code")
def n_javap_c(lines):
    """every Compiled from line, class/interface declaration line, method definition line (followed by Code:), Error: lines"""
    out = []
    for i, ln in enumerate(lines):
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if ln.startswith("Compiled from"):
            out.append(ln)
        elif ln and not ln[0].isspace() and ln.rstrip().endswith("{"):
            out.append(ln)
        elif ln.startswith("  ") and not ln.startswith("   ") and ln.rstrip().endswith(";") and nxt == "Code:":
            out.append(ln.strip())
    return out + err_needles(lines)


@kind("jmod-describe", "doc")
def n_jmod_describe(lines):
    """first line (name@version); requires/uses/provides/main-class/platform/hashes lines; unqualified exports (all if <=30, else first and last); errors"""
    body = [ln for ln in lines if ln.strip()]
    out = body[:1]
    exports = []
    for ln in body:
        s = ln.strip()
        if re.match(r"(requires|uses|provides|main-class|platform|hashes)\b", s):
            out.append(s)
        elif s.startswith("exports "):
            exports.append(s)
    out += exports if len(exports) <= 30 else [exports[0], exports[-1]]
    return out + err_needles(lines)


@kind("jmod-list", "listing")
def n_jmod_list(lines):
    """first and last line; every line not under classes/; every module-info.class line; errors"""
    body = [ln for ln in lines if ln.strip()]
    out = [body[0], body[-1]] if body else []
    for ln in body:
        s = ln.strip()
        if not s.startswith("classes/") or s.endswith("module-info.class"):
            out.append(s)
    return out + err_needles(lines)


@kind("jps-lv", "table")
def n_jps_lv(lines):
    """every row's pid and main class (first two fields); rows with no main class or 'process information unavailable'"""
    out = []
    for ln in lines:
        f = ln.split()
        if not f or not f[0].isdigit():
            continue
        if len(f) < 2 or f[1].startswith("-") or "process information unavailable" in ln:
            out.append(ln)
        else:
            out.append(f"{f[0]} {f[1]}")
    return out + err_needles(lines)


@kind("jinfo", "doc")
def n_jinfo(lines):
    """headings; jvm_args/java_command/java_class_path lines; java.version, java.vm.version, user.dir, file.encoding; ropeway.* properties; errors"""
    out = []
    for ln in lines:
        s = ln.strip()
        if s in ("Java System Properties:", "VM Flags:"):
            out.append(s)
        elif re.match(r"(jvm_args:|java_command:|java_class_path \(initial\):)", s):
            out.append(s)
        elif re.match(r"(java\.version|java\.vm\.version|user\.dir|file\.encoding|ropeway\.[\w.]*)=", s):
            out.append(s)
    return out + err_needles(lines)


@kind("serialver", "listing")
def n_serialver(lines):
    """every serialVersionUID line and every line saying a class is not Serializable or not found"""
    out = [ln for ln in lines if "serialVersionUID" in ln or "not Serializable" in ln or "not found" in ln]
    return out + err_needles(lines)


def pid_line(lines):
    return [ln for ln in lines[:3] if re.match(r"^\d+:$", ln.strip())]


@kind("jcmd-class-hierarchy", "listing")
def n_class_hierarchy(lines):
    """the pid line; every line naming a class of org.ropeway; errors"""
    return pid_line(lines) + [ln.strip() for ln in lines if "org.ropeway" in ln] + err_needles(lines)


@kind("jcmd-vm-classloaders", "listing")
def n_classloaders(lines):
    """the pid line; every loader line (+-- ...); every line naming a class of org.ropeway; errors"""
    out = pid_line(lines)
    for ln in lines:
        if "+--" in ln:
            out.append(ln[ln.index("+--"):].strip())
        elif "org.ropeway" in ln:
            out.append(ln.strip(" |"))
    return out + err_needles(lines)


@kind("jfr-print-json", "json")
def n_jfr_json(lines):
    """one any per distinct event type; every non-null "message" line; distinct lines naming org.ropeway, also JSON-escaped org\\/ropeway (first 40); errors"""
    types: dict[str, list[str]] = {}
    out: list = []
    app: list[str] = []
    for ln in lines:
        s = ln.strip()
        m = re.search(r'"type":\s*"([^"]+)"', s)
        if m:
            types.setdefault(m.group(1), []).append(s)
        if '"message":' in s and "null" not in s.split('"message":', 1)[1]:
            out.append(s)
        if ("org.ropeway" in s or "org\\/ropeway" in s) and s not in app and len(app) < 40:
            app.append(s)
    return [{"any": v} for v in types.values()] + out + app + err_needles(lines)


def after_at(lines, i, ahead=6):
    for j in range(i + 1, min(len(lines), i + 1 + ahead)):
        if lines[j].strip().startswith("at "):
            return lines[j].strip()
    return None


def program_errors(lines):
    out = []
    for i in errs(lines):
        out += [lines[i], after_at(lines, i)]
    return out


@kind("java-xlog-safepoint", "log")
def n_safepoint(lines):
    """first/last Safepoint line; lines of rare operations; max Total and max Reaching safepoint lines; program exceptions and first at line"""
    sp = [(i, ln) for i, ln in enumerate(lines) if 'Safepoint "' in ln]
    out: list = []
    if sp:
        out += [sp[0][1], sp[-1][1]]
        ops = [re.search(r'Safepoint "([^"]+)"', ln).group(1) for _, ln in sp]
        c = Counter(ops)
        if c.most_common(1)[0][1] * 2 >= len(ops):
            out += [ln for (_, ln), op in zip(sp, ops) if c[op] <= 2]
        for pat in (r"Total: (\d+) ns", r"Reaching safepoint: (\d+) ns"):
            vals = [(int(m.group(1)), ln) for _, ln in sp if (m := re.search(pat, ln))]
            if vals:
                out.append(max(vals, key=lambda v: v[0])[1])
    return out + program_errors(lines)


INLINE_OK = {"inline (hot)", "intrinsic", "accessor", "inline"}


@kind("java-printinlining", "log")
def n_inlining(lines):
    """one any per (org.ropeway method, failed reason) of its lines; program exceptions"""
    groups: dict[tuple[str, str], list[str]] = {}
    for ln in lines:
        m = re.search(r"(org\.ropeway\.\S+::\S+)\s+\((\d+) bytes\)\s*(.*)$", ln)
        if not m:
            continue
        reason = m.group(3).strip()
        if reason in INLINE_OK or not reason:
            continue
        groups.setdefault((m.group(1), reason), []).append(ln.strip())
    return [{"any": v} for v in groups.values()] + program_errors(lines)


@kind("jarsigner-sign", "build")
def n_jarsigner(lines):
    """jarsigner error lines; every line of the Warning: block; closing jar signed line; first and last signing: line"""
    out = [ln for ln in lines if "jarsigner error:" in ln]
    inwarn = False
    for ln in lines:
        if ln.strip().startswith("Warning:"):
            inwarn = True
            out.append(ln)
            continue
        if inwarn:
            if not ln.strip():
                inwarn = False
            else:
                out.append(ln)
    out += [ln for ln in lines if ln.strip().startswith("jar signed")]
    signing = [ln.strip() for ln in lines if ln.strip().startswith("signing:")]
    if signing:
        out += [signing[0], signing[-1]]
    return out + err_needles(lines)


@kind("keytool-list", "table")
def n_keytool_list(lines):
    """Keystore type and entry-count lines; entry lines of rare entry types; Warning: lines and the line after; keytool error lines"""
    out = [ln for ln in lines if ln.startswith("Keystore type:") or ln.startswith("Your keystore contains")]
    ent = [(ln, m.group(1)) for ln in lines if (m := re.match(r"^.+?, .+?, (\w+Entry),", ln))]
    c = Counter(t for _, t in ent)
    if ent and c.most_common(1)[0][1] * 2 >= len(ent):
        out += [ln for ln, t in ent if c[t] <= 2]
    for i, ln in enumerate(lines):
        if ln.startswith("Warning:"):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        if "keytool error:" in ln:
            out.append(ln)
    return out + err_needles(lines)


# ------------------------------------------------------------------ material: a ropeway

PKG = "src/org/ropeway"

BASE = {
    f"{PKG}/OverloadException.java": """\
package org.ropeway;

public class OverloadException extends RuntimeException {
    public OverloadException(String m) { super(m); }
}
""",
    f"{PKG}/GripSlipException.java": """\
package org.ropeway;

public class GripSlipException extends Exception {
    public GripSlipException(String m) { super(m); }
}
""",
    f"{PKG}/Cabin.java": """\
package org.ropeway;

import java.io.Serializable;

public class Cabin implements Serializable {
    private static final long serialVersionUID = 43010L;
    final int id;
    final int capacity;
    int riders;
    double massKg;

    public Cabin(int id, int capacity) { this.id = id; this.capacity = capacity; this.massKg = 620.0; }

    public void board(int n) {
        if (riders + n > capacity) {
            throw new OverloadException("cabin " + id + " overloaded: " + (riders + n) + " > " + capacity);
        }
        riders += n;
        massKg += n * 80.0;
    }

    public void alight() { massKg -= riders * 80.0; riders = 0; }
    public double weight() { return massKg * 9.81; }
    public int getId() { return id; }
    @Override public String toString() { return "Cabin#" + id + "(" + riders + "/" + capacity + ")"; }
}
""",
    f"{PKG}/Bullwheel.java": """\
package org.ropeway;

import java.io.Serializable;

public class Bullwheel implements Serializable {
    double diameterM;
    double rpm;
    boolean braked;

    public Bullwheel(double d, double rpm) { this.diameterM = d; this.rpm = rpm; }
    public double ropeSpeed() { return Math.PI * diameterM * rpm / 60.0; }
    public void brake() { braked = true; rpm = 0; }
}
""",
    f"{PKG}/Tower.java": """\
package org.ropeway;

public class Tower {
    final int index;
    final double heightM;

    public Tower(int index, double heightM) { this.index = index; this.heightM = heightM; }

    /** Sag of the span after this tower, refined recursively (the depth is never bounded: a fault). */
    public double sag(double span, int depth) {
        if (span < 0.001) return 0;
        return span * span / (8 * heightM) + 0.5 * sag(span * 0.999, depth + 1);
    }
}
""",
    f"{PKG}/Grip.java": """\
package org.ropeway;

public class Grip {
    final double limitN;
    double forceN;

    public Grip(double limitN) { this.limitN = limitN; }

    public void clamp(double force) throws GripSlipException {
        forceN = force;
        if (force > limitN) throw new GripSlipException("grip slips: " + force + " N over limit " + limitN + " N");
    }
}
""",
    f"{PKG}/HaulRope.java": """\
package org.ropeway;

public class HaulRope {
    final Tower[] towers;

    public HaulRope(int n) {
        towers = new Tower[n];
        for (int i = 0; i < n; i++) towers[i] = new Tower(i, 18 + (i * 7) % 23);
    }

    public double tension(int i) { return towers[i].heightM * 1200.0; }

    public double total() {
        double t = 0;
        for (int i = 0; i <= towers.length; i++) t += tension(i);  // one past the end: a fault
        return t;
    }
}
""",
    f"{PKG}/Station.java": """\
package org.ropeway;

public interface Station {
    String name();
    default boolean isTerminal() { return true; }
}
""",
    f"{PKG}/Terminal.java": """\
package org.ropeway;

public record Terminal(String name, double altitudeM) implements Station {}
""",
    f"{PKG}/Section.java": """\
package org.ropeway;

public abstract class Section {
    public abstract double load(double[] masses);
    public abstract String label();
}
""",
    f"{PKG}/PluginLoader.java": """\
package org.ropeway;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

public class PluginLoader extends URLClassLoader {
    public PluginLoader(String name, Path dir) throws Exception {
        super(name, new URL[] { dir.toUri().toURL() }, PluginLoader.class.getClassLoader());
    }
}
""",
}


def section_src(n: int, rng: random.Random) -> str:
    """A generated section with a hot short method and a long one (too big to inline)."""
    terms = "\n".join(f"        acc += masses[{k} % masses.length] * {rng.uniform(0.5, 3):.3f} "
                      f"+ Math.sqrt(Math.abs(acc) + {rng.randint(1, 90)});" for k in range(rng.randint(20, 60)))
    return f"""\
package org.ropeway;

public class Section{n:02d} extends Section {{
    private final double factor = {rng.uniform(0.8, 1.3):.4f};

    public double load(double[] masses) {{
        double acc = 0;
        for (double m : masses) acc += scale(m);
        return acc + settle(masses);
    }}

    private double scale(double m) {{ return m * factor; }}

    double settle(double[] masses) {{
        double acc = 0;
{terms}
        return acc;
    }}

    public String label() {{ return "section-{n:02d}"; }}
}}
"""


MAIN = """\
package org.ropeway;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class Line {
    static final List<Object> keep = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "run";
        int iters = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int nSections = Integer.parseInt(System.getProperty("ropeway.sections", "8"));
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < nSections; i++) {
            sections.add((Section) Class.forName(String.format("org.ropeway.Section%02d", i)).getDeclaredConstructor().newInstance());
        }
        String plugins = System.getProperty("ropeway.plugins");
        if (plugins != null) {
            PluginLoader pl = new PluginLoader("ropeway-plugins", Path.of(plugins));
            keep.add(pl);
            keep.add(pl.loadClass("org.ropeway.plugin.Anemometer").getDeclaredConstructor().newInstance());
            keep.add(pl.loadClass("org.ropeway.plugin.IcingAlarm").getDeclaredConstructor().newInstance());
        }
        Cabin[] cabins = new Cabin[24];
        for (int i = 0; i < cabins.length; i++) cabins[i] = new Cabin(i + 1, 8);
        Bullwheel drive = new Bullwheel(4.8, 11.5);
        Grip grip = new Grip(Double.parseDouble(System.getProperty("ropeway.grip.limit", "9000")));
        double total = 0;
        int overloads = 0, slips = 0;
        for (int it = 0; it < iters; it++) {
            Cabin c = cabins[it % cabins.length];
            try {
                c.board(1 + (it * 7) % 5);
            } catch (OverloadException e) {
                overloads++;
                if (overloads % 250 == 1) System.err.println("WARN " + e.getMessage());
                c.alight();
            }
            double[] masses = new double[64];
            for (int k = 0; k < masses.length; k++) masses[k] = cabins[k % cabins.length].weight();
            for (Section s : sections) total += s.load(masses);
            try {
                grip.clamp(c.weight() * 1.3);
            } catch (GripSlipException e) {
                slips++;
                if (slips % 400 == 1) { System.err.println("ERROR grip at cabin " + c.getId()); e.printStackTrace(); }
            }
            keep.add(new byte[2048]);
            if (keep.size() > 4000) keep.subList(8, keep.size()).clear();
            if (it % 5000 == 4999) {
                ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
            }
            if (mode.equals("serve")) Thread.sleep(50);
        }
        System.out.printf("ran %d iterations, total %.1f, rope speed %.2f m/s, %d overloads, %d slips%n",
                iters, total, drive.ropeSpeed(), overloads, slips);
        if (mode.equals("gc")) System.gc();
        if (mode.equals("sag")) {
            Tower t = new Tower(3, 21.0);
            System.out.println("sag " + t.sag(350.0, 0));
        }
        if (mode.equals("fail") || mode.equals("gc")) {
            HaulRope rope = new HaulRope(5 + iters % 7);
            System.out.println("tension " + rope.total());
        }
    }
}
"""

PLUGINS = {
    "plugins-src/org/ropeway/plugin/Anemometer.java": """\
package org.ropeway.plugin;

public class Anemometer {
    public double gustKmh() { return 41.5; }
}
""",
    "plugins-src/org/ropeway/plugin/IcingAlarm.java": """\
package org.ropeway.plugin;

public class IcingAlarm {
    public boolean armed() { return true; }
}
""",
}


def build(tmp: Path, seed: int, n_sections: int) -> Path:
    d = tmp / f"rw{seed}"
    rng = random.Random(seed)
    files = dict(BASE)
    files[f"{PKG}/Line.java"] = MAIN
    for n in range(n_sections):
        files[f"{PKG}/Section{n:02d}.java"] = section_src(n, rng)
    write_tree(d, files)
    write_tree(d, PLUGINS)
    srcs = " ".join(k for k in files)
    out = run(f"nice javac -g -d out {srcs} && nice javac -d plugins plugins-src/org/ropeway/plugin/*.java",
              cwd=d, timeout=300)
    if out.strip():
        note(f"javac: {out[:600]}")
    return d


def java_cmd(extra: str, args: str, sections: int) -> str:
    return f"java {extra} -Dropeway.sections={sections} -cp out org.ropeway.Line {args}"


# ------------------------------------------------------------------ steps

STATE: dict[str, Path] = {}


def step_build(tmp: Path) -> None:
    for seed, n in [(43010, 6), (43011, 14), (43012, 30)]:
        STATE[str(seed)] = build(tmp, seed, n)


def step_javap(tmp: Path) -> None:
    d = STATE["43010"]
    c = "javap -c -p -cp out org.ropeway.Cabin org.ropeway.Grip org.ropeway.Tower"
    add("javap-c-cabin-grip-tower", c, run(f"nice {c}", cwd=d), n_javap_c)
    c = "javap -c -p -cp out org.ropeway.Line org.ropeway.HaulRope org.ropeway.Bullwheel org.ropeway.Cableway"
    add("javap-c-line-missing", c, run(f"nice {c}", cwd=d), n_javap_c)
    d = STATE["43011"]
    c = ("javap -c -p out/org/ropeway/{Cabin,Bullwheel,Grip,HaulRope,Line,PluginLoader,Terminal,Station,Section,"
         "Tower,OverloadException,GripSlipException,Section13}.class")
    add("javap-c-many-43011", c, run(f"nice bash -c '{c}'", cwd=d), n_javap_c)
    d = STATE["43012"]
    c = "javap -c -p -cp out org.ropeway.Section0{0,1,2} org.ropeway.Terminal org.ropeway.Station"
    add("javap-c-sections-43012", c, run(f"nice bash -c '{c}'", cwd=d), n_javap_c)


def step_jmod(tmp: Path) -> None:
    d = STATE["43011"]
    write_tree(d, {"modsrc/module-info.java": """\
module org.ropeway {
    requires java.logging;
    requires java.management;
    requires jdk.jfr;
    requires static java.sql;
    exports org.ropeway;
    uses java.util.logging.Handler;
    provides java.lang.Runnable with org.ropeway.Heartbeat;
}
""", "modsrc/org/ropeway/Heartbeat.java": """\
package org.ropeway;

public class Heartbeat implements Runnable {
    public void run() { System.out.println("beat"); }
}
"""})
    out = run("cp -r src/org modsrc/ && "
              "nice javac -d modout $(find modsrc -name '*.java') && "
              "nice jmod create --class-path modout --main-class org.ropeway.Line --module-version 4.3.0 "
              "--target-platform linux-amd64 --config plugins-src ropeway.jmod", cwd=d, timeout=300)
    if out.strip():
        note(f"jmod create: {out[:600]}")
    jm = JDK / "jmods"
    for name, c in [("ropeway", "jmod describe ropeway.jmod"),
                    ("java-base", f"jmod describe {jm}/java.base.jmod"),
                    ("java-sql", f"jmod describe {jm}/java.sql.jmod"),
                    ("jdk-jfr", f"jmod describe {jm}/jdk.jfr.jmod"),
                    ("java-desktop", f"jmod describe {jm}/java.desktop.jmod"),
                    ("missing", f"jmod describe {jm}/java.base.jmod ropeway.jmod cableway.jmod")]:
        add(f"jmod-describe-{name}", c, run(f"nice {c}", cwd=d), n_jmod_describe)
    for name, c in [("ropeway", "jmod list ropeway.jmod"),
                    ("java-sql", f"jmod list {jm}/java.sql.jmod"),
                    ("jdk-jfr", f"jmod list {jm}/jdk.jfr.jmod"),
                    ("java-base-head", f"jmod list {jm}/java.base.jmod | head -n 1200"),
                    ("jdk-management", f"jmod list {jm}/jdk.management.jmod")]:
        add(f"jmod-list-{name}", c, run(f"nice bash -c '{c}'", cwd=d), n_jmod_list)


def step_jvm_views(tmp: Path) -> None:
    """Three long-running ropeway JVMs, then jps, jinfo, serialver and the jcmd class views."""
    procs = []
    specs = [("43010", "-Xmx96m -XX:+UseSerialGC -Dropeway.grip.limit=7000 -Dropeway.mode=night", 6),
             ("43011", "-Xmx128m -XX:+UseParallelGC -Dropeway.line=Gondola-East -Dropeway.plugins=plugins "
                       "-Dfile.encoding=ISO-8859-1", 14),
             ("43012", "-Xms32m -Xmx160m -XX:MaxMetaspaceSize=64m -Dropeway.line=Chair-North "
                       "-Dropeway.plugins=plugins -XX:+HeapDumpOnOutOfMemoryError", 30)]
    for seed, extra, n in specs:
        procs.append(cm.start(f"exec nice {java_cmd(extra, 'serve 6000', n)}", cwd=STATE[seed]))
    time.sleep(8)
    pids = {seed: p.pid for (seed, _, _), p in zip(specs, procs)}
    try:
        for name, c in [("lv", "jps -lv"), ("lmv", "jps -lmv"), ("v", "jps -v")]:
            add(f"jps-{name}", c, run(c, timeout=60), n_jps_lv)
        for seed in ("43010", "43011", "43012"):
            c = f"jinfo {pids[seed]}"
            add(f"jinfo-{seed}", c, run(c, timeout=60), n_jinfo)
        c = f"jinfo -sysprops {pids['43012']}"
        add("jinfo-sysprops-43012", c, run(c, timeout=60), n_jinfo)
        c = f"jinfo -flags {pids['43011']}"
        add("jinfo-flags-43011", c, run(c, timeout=60), n_jinfo)
        p = pids["43011"]
        for name, c in [("full", f"jcmd {p} VM.class_hierarchy"),
                        ("section-subclasses", f"jcmd {p} VM.class_hierarchy -i -s org.ropeway.Section"),
                        ("runtimeexception", f"jcmd {p} VM.class_hierarchy -i -s java.lang.RuntimeException"),
                        ("exception-43012", f"jcmd {pids['43012']} VM.class_hierarchy -s java.lang.Exception")]:
            add(f"jcmd-class-hierarchy-{name}", c, run(c, timeout=120), n_class_hierarchy)
        for name, c in [("plain-43011", f"jcmd {p} VM.classloaders"),
                        ("classes-43012", f"jcmd {pids['43012']} VM.classloaders show-classes"),
                        ("verbose-43011", f"jcmd {p} VM.classloaders show-classes verbose"),
                        ("fold-43010", f"jcmd {pids['43010']} VM.classloaders verbose fold=false")]:
            add(f"jcmd-vm-classloaders-{name}", c, run(c, timeout=120), n_classloaders)
    finally:
        for pr in procs:
            cm.stop(pr)
    d = STATE["43012"]
    classes = " ".join(["org.ropeway.Cabin", "org.ropeway.Bullwheel", "org.ropeway.Tower", "org.ropeway.Terminal",
                        "org.ropeway.OverloadException", "org.ropeway.GripSlipException", "org.ropeway.Grip",
                        "org.ropeway.Cableway", "org.ropeway.HaulRope", "java.util.ArrayList", "java.lang.Thread"]
                       + [f"org.ropeway.Section{n:02d}" for n in range(0, 30, 3)])
    c = f"serialver -classpath out {classes}"
    add("serialver-mixed-43012", c, run(f"nice {c}", cwd=d), n_serialver)
    c = ("for c in java.util.HashMap java.util.Date java.lang.Exception org.ropeway.Cabin "
         "java.util.concurrent.ConcurrentHashMap org.ropeway.Section java.math.BigDecimal org.ropeway.Cableway "
         "java.net.URL java.time.Duration org.ropeway.Bullwheel org.ropeway.Tower; "
         "do serialver -classpath out $c; done")
    add("serialver-loop-43012", c, run(f"nice bash -c '{c}'", cwd=d), n_serialver)


def step_jfr(tmp: Path) -> None:
    d = STATE["43011"]
    out = run("nice " + java_cmd("-Xmx64m -XX:StartFlightRecording=filename=rec.jfr,settings=profile "
                                 "-Xss512k", "sag 30000", 14), cwd=d, timeout=300)
    note(f"jfr run: {out[-400:]}")
    for name, c in [("errors-gc", "jfr print --json --events jdk.JavaErrorThrow,jdk.GarbageCollection,"
                                  "jdk.GCHeapSummary rec.jfr | head -n 2500"),
                    ("samples", "jfr print --json --events jdk.ExecutionSample rec.jfr | head -n 3000"),
                    ("flags-sysprops", "jfr print --json --events jdk.InitialSystemProperty,jdk.JVMInformation "
                                       "rec.jfr"),
                    ("alloc", "jfr print --json --events jdk.ObjectAllocationSample rec.jfr | head -n 1800"),
                    ("classload", "jfr print --json --events jdk.ClassDefine,jdk.ThreadStart,"
                                  "jdk.ExceptionStatistics rec.jfr | head -n 2200")]:
        add(f"jfr-print-json-{name}", c, run(f"nice bash -c '{c}'", cwd=d, timeout=200), n_jfr_json)


def step_safepoint(tmp: Path) -> None:
    for seed, args, extra, n in [("43010", "gc 6000", "-Xmx24m -XX:+UseSerialGC", 6),
                                 ("43011", "fail 12000", "-Xmx32m -XX:+UseG1GC", 14),
                                 ("43012", "run 15000", "-Xmx48m -XX:+UseParallelGC", 30)]:
        c = java_cmd(f"-Xlog:safepoint {extra}", args, n)
        add(f"java-xlog-safepoint-{seed}", c, run(f"nice {c}", cwd=STATE[seed], timeout=300), n_safepoint)


def step_inlining(tmp: Path) -> None:
    for seed, args, n, filt in [("43010", "run 8000", 6, ""),
                                ("43011", "fail 6000", 14, " | grep -E 'org.ropeway|Exception|at ' | head -n 1500"),
                                ("43012", "sag 4000", 30, " | grep -v 'java\\.\\|jdk\\.\\|sun\\.' | head -n 1500")]:
        c = java_cmd("-Xss512k -XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining", args, n) + " 2>&1" + filt
        raw = run(f"nice bash -c \"{c}\"", cwd=STATE[seed], timeout=300)
        if not filt:
            raw_lines = raw.splitlines(keepends=True)
            raw = "".join(raw_lines[:900])
            c += " | head -n 900"
        add(f"java-printinlining-{seed}", c, raw, n_inlining)


def step_keys(tmp: Path) -> None:
    d = STATE["43011"]
    kt = "keytool -storepass ropeway43 -keypass ropeway43"
    cmds = []
    for i, who in enumerate(["drive-station", "return-station", "tower-03", "tower-07", "bullwheel-ctl",
                             "cabin-telemetry", "grip-monitor", "ops-console"]):
        cmds.append(f"{kt} -genkeypair -keystore ops.p12 -alias {who} -keyalg EC -groupname secp256r1 "
                    f"-dname 'CN={who}, OU=Lift 4, O=Ropeway' -validity {300 + 61 * i}")
    cmds += [f"{kt} -genkeypair -keystore ops.p12 -alias legacy-plc -keyalg RSA -keysize 1024 -sigalg SHA1withRSA "
             "-dname 'CN=legacy-plc, O=Ropeway' -validity 3650",
             f"{kt} -genkeypair -keystore ops.p12 -alias expired-anemometer -keyalg RSA -keysize 2048 "
             "-startdate -400d -validity 30 -dname 'CN=anemometer, O=Ropeway'",
             f"{kt} -genseckey -keystore ops.p12 -alias rope-hmac -keyalg HmacSHA256 -keysize 256",
             f"{kt} -exportcert -keystore ops.p12 -alias drive-station -file drive.cer",
             f"{kt} -exportcert -keystore ops.p12 -alias legacy-plc -file legacy.cer",
             f"{kt} -importcert -noprompt -keystore ops.p12 -alias trust-drive -file drive.cer",
             f"{kt} -genkeypair -keystore old.jks -storetype JKS -alias plc-dsa -keyalg DSA -keysize 1024 "
             "-dname 'CN=plc-dsa, O=Ropeway' -validity 900",
             f"{kt} -genkeypair -keystore old.jks -storetype JKS -alias expired-grip -keyalg RSA -keysize 2048 "
             "-startdate -90d -validity 10 -dname 'CN=grip, O=Ropeway'",
             f"{kt} -importcert -noprompt -keystore old.jks -storetype JKS -alias trust-legacy -file legacy.cer"]
    for i in range(12):
        cmds.append(f"{kt} -genkeypair -keystore old.jks -storetype JKS -alias cabin-{i + 1:02d} -keyalg EC "
                    f"-groupname secp256r1 -dname 'CN=cabin-{i + 1:02d}, O=Ropeway' -validity 700")
    for c in cmds:
        o = run(f"nice {c}", cwd=d, timeout=120)
        if "error" in o.lower():
            note(f"keytool: {o[:300]}")
    for name, c in [("p12", "keytool -list -keystore ops.p12 -storepass ropeway43"),
                    ("jks", "keytool -list -keystore old.jks -storepass ropeway43"),
                    ("jks-rfc-head", "keytool -list -rfc -keystore old.jks -storepass ropeway43 | head -n 120"),
                    ("cacerts", f"keytool -list -cacerts -storepass changeit | head -n 140"),
                    ("wrongpass", "keytool -list -keystore old.jks -storepass ropeway44; "
                                  "keytool -list -keystore ops.p12 -storepass ropeway43")]:
        add(f"keytool-list-{name}", c, run(f"nice bash -c '{c}'", cwd=d, timeout=120), n_keytool_list)
    run("jar --create --file ropeway.jar -C out . && jar --create --file ropeway-plugins.jar -C plugins . && "
        "cp ropeway.jar ropeway-b.jar && cp ropeway.jar ropeway-c.jar", cwd=d, timeout=120)
    js = "jarsigner -verbose -storepass ropeway43 -keystore"
    for name, c in [("ec", f"{js} ops.p12 ropeway.jar drive-station"),
                    ("weak-sha1", f"{js} ops.p12 -sigalg SHA1withRSA -digestalg SHA-1 ropeway-b.jar legacy-plc"),
                    ("expired", f"{js} ops.p12 ropeway-c.jar expired-anemometer"),
                    ("jks-dsa", f"{js} old.jks ropeway-plugins.jar plc-dsa"),
                    ("no-alias", f"{js} ops.p12 ropeway-plugins.jar tower-99"),
                    ("tsa-jks", f"{js} old.jks -tsa http://127.0.0.1:18430/tsa ropeway-b.jar expired-grip")]:
        add(f"jarsigner-sign-{name}", c, run(f"nice {c}", cwd=d, timeout=120), n_jarsigner)


STEPS = [step_build, step_javap, step_jmod, step_jvm_views, step_jfr, step_safepoint, step_inlining, step_keys]


def ensure_tools() -> None:
    for t in ("javac", "javap", "jmod", "jps", "jinfo", "jcmd", "serialver", "jfr", "jarsigner", "keytool"):
        cm.have(t, t)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide430", sys.modules["__main__"])
    main()
