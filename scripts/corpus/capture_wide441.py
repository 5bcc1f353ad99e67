#!/usr/bin/env python3
"""Capture round 441 of the compression corpus: second samples of round 430's JDK kinds (javap -c, jmod describe and
list, jps -lv, jinfo, serialver, jcmd VM.class_hierarchy and VM.classloaders, jfr print --json, -Xlog:safepoint,
-XX:+PrintInlining, keytool -list, jarsigner signing) and of round 432's translation and text kinds (pybabel extract /
update / compile, i18nspector, po4a, isutf8, uchardet, msgattrib, pogrep, junitmsgfmt, sphinx-lint, pymarkdown), on
new material written here: a ropewalk museum's ticket office (`org.tarhouse` in Java 17: turnstiles, guides, exhibits,
tickets, a till; the kiosk's Python project `tarhouse` and its larger sibling `hemphall` with PO catalogs, visitor
guides in Markdown and reST, visitor notes in mixed encodings; seeds 44110+), with faults other than those rounds'.

No rule is new and no extractor is written: every kind's extractor is imported from capture_wide430 / capture_wide432
(NEEDLES.md, "Round 441", fixed before capture). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide441.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide441.json  as {"version": 2, "items": [...]}, ids prefixed "wide441-".
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide430 as w430  # noqa: E402
import capture_wide432 as w432  # noqa: E402
from capture_more import note, run, write_tree  # noqa: E402

ID_PREFIX = "wide441-"
DEFAULT_OUT = HERE / "data" / "wide441.json"
TMP = Path("/dev/shm/hm-corpus-wide441")
TOOLS = Path("/dev/shm/hm-corpus-wide441-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["Babel", "sphinx-lint", "pymarkdownlnt", "translate-toolkit"]
JDK = w430.JDK

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap


# ------------------------------------------------------------------ the imported extractors, read for org.tarhouse

def as_ropeway(fn):
    """Round 430's extractor `fn` with this round's package read as the application's (NEEDLES.md, round 441): the
    lines it reads have `tarhouse` mapped to `ropeway`, its needles are mapped back; the item's text is untouched."""
    def ext(lines):
        fwd = [ln.replace("tarhouse", "ropeway") for ln in lines]
        out = []
        for n in fn(fwd):
            if n is None:
                out.append(n)
            elif isinstance(n, dict):
                out.append({"any": [s.replace("ropeway", "tarhouse") for s in n["any"]]})
            else:
                out.append(n.replace("ropeway", "tarhouse"))
        return out
    ext.__doc__ = fn.__doc__
    ext.kind = fn.kind
    return ext


n_jinfo = as_ropeway(w430.n_jinfo)
n_class_hierarchy = as_ropeway(w430.n_class_hierarchy)
n_classloaders = as_ropeway(w430.n_classloaders)
n_jfr_json = as_ropeway(w430.n_jfr_json)
n_inlining = as_ropeway(w430.n_inlining)
n_safepoint = w430.n_safepoint
n_javap_c, n_jmod_describe, n_jmod_list = w430.n_javap_c, w430.n_jmod_describe, w430.n_jmod_list
n_jps_lv, n_serialver, n_keytool_list, n_jarsigner = w430.n_jps_lv, w430.n_serialver, w430.n_keytool_list, w430.n_jarsigner


# ================================================================== Java material: org.tarhouse

PKG = "src/org/tarhouse"

JAVA = {
    f"{PKG}/TurnstileJamException.java": """\
package org.tarhouse;

public class TurnstileJamException extends Exception {
    public TurnstileJamException(String m, Throwable cause) { super(m, cause); }
}
""",
    f"{PKG}/Turnstile.java": """\
package org.tarhouse;

/** A gate counter; the count is an int started near its end (a fault): addExact overflows. */
public class Turnstile {
    final String gate;
    int count;

    public Turnstile(String gate, int start) { this.gate = gate; this.count = start; }

    public void pass(int visitors) throws TurnstileJamException {
        try {
            count = Math.addExact(count, visitors);
        } catch (ArithmeticException e) {
            count = 0;
            throw new TurnstileJamException("turnstile " + gate + " jammed at the counter's end", e);
        }
    }
}
""",
    f"{PKG}/Tour.java": """\
package org.tarhouse;

public record Tour(String title, int minutes) {}
""",
    f"{PKG}/Guide.java": """\
package org.tarhouse;

public class Guide {
    final String name;
    Tour tour;

    public Guide(String name, Tour tour) { this.name = name; this.tour = tour; }

    public String describe() { return name + " leads " + tour.title() + " (" + tour.minutes() + " min)"; }
}
""",
    f"{PKG}/Exhibit.java": """\
package org.tarhouse;

import java.io.Serializable;

/** Serializable without an explicit serialVersionUID. */
public class Exhibit implements Serializable {
    final String label;
    final int hall;
    double insuredEur;

    public Exhibit(String label, int hall, double insuredEur) { this.label = label; this.hall = hall; this.insuredEur = insuredEur; }
    public String label() { return label; }
}
""",
    f"{PKG}/Ticket.java": """\
package org.tarhouse;

import java.io.Serializable;

public class Ticket implements Serializable {
    private static final long serialVersionUID = 44110L;
    final long number;
    final String kind;
    final int priceCents;

    public Ticket(long number, String kind, int priceCents) { this.number = number; this.kind = kind; this.priceCents = priceCents; }
    public int price() { return priceCents; }
}
""",
    f"{PKG}/Till.java": """\
package org.tarhouse;

public class Till {
    long balanceCents;

    public void take(Ticket t) { balanceCents += t.price(); }

    public void refund(int cents) {
        if (cents < 0) throw new IllegalStateException("till refuses a negative refund of " + cents + " cents");
        balanceCents -= cents;
    }
}
""",
    f"{PKG}/Hall.java": """\
package org.tarhouse;

public class Hall {
    final int number;
    final double lengthM;

    public Hall(int number, double lengthM) { this.number = number; this.lengthM = lengthM; }

    /** The route through the halls after this one: no base case (a fault). */
    public double route(double walked, int step) {
        Hall next = new Hall(number + 1, lengthM * 0.98);
        return lengthM + next.route(walked + lengthM, step + 1);
    }
}
""",
    f"{PKG}/Kiosk.java": """\
package org.tarhouse;

public interface Kiosk {
    String greeting();
    default int languages() { return 12; }
}
""",
    f"{PKG}/ExhibitRoom.java": """\
package org.tarhouse;

public abstract class ExhibitRoom {
    public abstract double footfall(double[] visitors);
    public abstract String room();
}
""",
    f"{PKG}/AudioLoader.java": """\
package org.tarhouse;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

public class AudioLoader extends URLClassLoader {
    public AudioLoader(String name, Path dir) throws Exception {
        super(name, new URL[] { dir.toUri().toURL() }, AudioLoader.class.getClassLoader());
    }
}
""",
}


def room_src(n: int, rng: random.Random) -> str:
    terms = "\n".join(f"        acc += visitors[{k} % visitors.length] * {rng.uniform(0.2, 2.5):.3f} "
                      f"- Math.log1p(Math.abs(acc) + {rng.randint(2, 70)});" for k in range(rng.randint(25, 70)))
    return f"""\
package org.tarhouse;

public class Room{n:02d} extends ExhibitRoom {{
    private final double weight = {rng.uniform(0.7, 1.4):.4f};

    public double footfall(double[] visitors) {{
        double acc = 0;
        for (double v : visitors) acc += count(v);
        return acc + appraise(visitors);
    }}

    private double count(double v) {{ return v * weight; }}

    double appraise(double[] visitors) {{
        double acc = 0;
{terms}
        return acc;
    }}

    public String room() {{ return "room-{n:02d}"; }}
}}
"""


OFFICE = """\
package org.tarhouse;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class Office {
    static final List<Object> keep = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "run";
        int iters = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int nRooms = Integer.parseInt(System.getProperty("tarhouse.rooms", "8"));
        List<ExhibitRoom> rooms = new ArrayList<>();
        for (int i = 0; i < nRooms; i++) {
            rooms.add((ExhibitRoom) Class.forName(String.format("org.tarhouse.Room%02d", i)).getDeclaredConstructor().newInstance());
        }
        String audio = System.getProperty("tarhouse.audio");
        if (audio != null) {
            AudioLoader al = new AudioLoader("tarhouse-audioguides", Path.of(audio));
            keep.add(al);
            keep.add(al.loadClass("org.tarhouse.audio.Narration").getDeclaredConstructor().newInstance());
            keep.add(al.loadClass("org.tarhouse.audio.Headset").getDeclaredConstructor().newInstance());
        }
        Turnstile[] gates = { new Turnstile("north", Integer.parseInt(System.getProperty("tarhouse.turnstile.start", "2147480000"))),
                              new Turnstile("river", 0), new Turnstile("yard", 2147483000) };
        Guide[] guides = { new Guide("Ilse", new Tour("Tar kettles", 40)), new Guide("Bram", null),
                           new Guide("Oona", new Tour("Spinning the yarn", 55)) };
        List<Exhibit> exhibits = new ArrayList<>();
        for (int i = 0; i < 40; i++) exhibits.add(new Exhibit("exhibit-" + i, i % 6, 1000.0 * (i + 1)));
        Till till = new Till();
        double total = 0;
        int jams = 0, npes = 0;
        for (int it = 0; it < iters; it++) {
            Turnstile g = gates[it % gates.length];
            try {
                g.pass(1 + (it * 13) % 9);
            } catch (TurnstileJamException e) {
                jams++;
                if (jams % 50 == 1) { System.err.println("ERROR " + e.getMessage()); e.printStackTrace(); }
            }
            try {
                if (it % 97 == 5) total += guides[it % guides.length].describe().length();
            } catch (NullPointerException e) {
                npes++;
                if (npes % 20 == 1) System.err.println("WARN guide without a tour: " + e.getMessage());
            }
            till.take(new Ticket(it, it % 3 == 0 ? "family" : "adult", 1450));
            double[] visitors = new double[48];
            for (int k = 0; k < visitors.length; k++) visitors[k] = (it + k) % 17;
            for (ExhibitRoom r : rooms) total += r.footfall(visitors);
            keep.add(new byte[1536]);
            if (keep.size() > 5000) keep.subList(8, keep.size()).clear();
            if (it % 4000 == 3999) ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
            if (mode.equals("serve")) Thread.sleep(50);
        }
        System.out.printf("served %d visitors, footfall %.1f, till %d cents, %d jams, %d guides without tour%n",
                iters, total, till.balanceCents, jams, npes);
        if (mode.equals("gc")) { System.gc(); till.refund(-250); }
        if (mode.equals("route")) System.out.println("route " + new Hall(1, 330.0).route(0, 0));
        if (mode.equals("fail")) {
            for (Exhibit e : exhibits) {
                if (e.hall == 3) exhibits.remove(e);
            }
        }
    }
}
"""

AUDIO = {
    "audio-src/org/tarhouse/audio/Narration.java": """\
package org.tarhouse.audio;

public class Narration {
    public String track() { return "hall-1-de.ogg"; }
}
""",
    "audio-src/org/tarhouse/audio/Headset.java": """\
package org.tarhouse.audio;

public class Headset {
    public int battery() { return 87; }
}
""",
}

STATE: dict[str, Path] = {}


def build(tmp: Path, seed: int, n_rooms: int) -> Path:
    d = tmp / f"th{seed}"
    rng = random.Random(seed)
    files = dict(JAVA)
    files[f"{PKG}/Office.java"] = OFFICE
    for n in range(n_rooms):
        files[f"{PKG}/Room{n:02d}.java"] = room_src(n, rng)
    write_tree(d, files)
    write_tree(d, AUDIO)
    out = run(f"nice javac -g -d out {' '.join(files)} && nice javac -d audio audio-src/org/tarhouse/audio/*.java",
              cwd=d, timeout=300)
    if out.strip():
        note(f"javac: {out[:600]}")
    return d


def java_cmd(extra: str, args: str, rooms: int) -> str:
    return f"java {extra} -Dtarhouse.rooms={rooms} -cp out org.tarhouse.Office {args}"


def step_build(tmp: Path) -> None:
    for seed, n in [(44110, 8), (44111, 18), (44112, 36)]:
        STATE[str(seed)] = build(tmp, seed, n)


def step_javap(tmp: Path) -> None:
    d = STATE["44110"]
    c = "javap -c -p -cp out org.tarhouse.Turnstile org.tarhouse.Guide org.tarhouse.Till org.tarhouse.Hall"
    add("javap-c-turnstile-guide-till", c, run(f"nice {c}", cwd=d), n_javap_c)
    d = STATE["44112"]
    c = ("javap -c -p -cp out org.tarhouse.Office org.tarhouse.Cloakroom org.tarhouse.Exhibit org.tarhouse.Ticket "
         "org.tarhouse.Tour org.tarhouse.Kiosk org.tarhouse.Room0{0,1,2}")
    add("javap-c-office-rooms-44112", c, run(f"nice bash -c '{c}'", cwd=d), n_javap_c)


def step_jmod(tmp: Path) -> None:
    d = STATE["44111"]
    write_tree(d, {"modsrc/module-info.java": """\
module org.tarhouse {
    requires java.logging;
    requires java.management;
    requires transitive java.net.http;
    requires static jdk.httpserver;
    exports org.tarhouse;
    exports org.tarhouse.chime to java.logging;
    opens org.tarhouse.chime;
    uses org.tarhouse.Kiosk;
    provides java.util.function.Supplier with org.tarhouse.chime.Chime;
}
""", "modsrc/org/tarhouse/chime/Chime.java": """\
package org.tarhouse.chime;

public class Chime implements java.util.function.Supplier<String> {
    public String get() { return "closing in ten minutes"; }
}
""", "native/lib/libtarhouse-till.so": "not a real library\n", "native/lib/tarhouse.properties": "till.currency=EUR\n",
        "native/bin/tarhouse-kiosk": "#!/bin/sh\nexec java -m org.tarhouse/org.tarhouse.Office \"$@\"\n",
        "native/include/tarhouse_till.h": "int tarhouse_till_open(void);\n",
        "native/legal/LICENSE": "Ropewalk museum ticket office, for the corpus only.\n",
        "native/legal/ADDITIONAL_NOTICE": "Tar kettle icons drawn by the museum.\n",
        "native/conf/gates.conf": "north=1\nriver=2\nyard=3\n"})
    out = run("cp -r src/org modsrc/ && nice javac -d modout $(find modsrc -name '*.java') && "
              "nice jmod create --class-path modout --main-class org.tarhouse.Office --module-version 4.4.1 "
              "--target-platform linux-amd64 --libs native/lib --cmds native/bin --header-files native/include "
              "--legal-notices native/legal --config native/conf tarhouse.jmod", cwd=d, timeout=300)
    if out.strip():
        note(f"jmod create: {out[:600]}")
    jm = JDK / "jmods"
    for name, c in [("tarhouse-and-http", f"jmod describe tarhouse.jmod; jmod describe {jm}/java.net.http.jmod; "
                                          f"jmod describe {jm}/jdk.httpserver.jmod"),
                    ("java-xml", f"jmod describe {jm}/java.xml.jmod"),
                    ("missing", f"jmod describe {jm}/java.naming.jmod; jmod describe museum.jmod; "
                                f"jmod describe {jm}/java.logging.jmod")]:
        add(f"jmod-describe-{name}", c, run(f"nice bash -c '{c}'", cwd=d), n_jmod_describe)
    for name, c in [("tarhouse", "jmod list tarhouse.jmod"),
                    ("java-xml-head", f"jmod list {jm}/java.xml.jmod | head -n 1500")]:
        add(f"jmod-list-{name}", c, run(f"nice bash -c '{c}'", cwd=d), n_jmod_list)


def step_jvm_views(tmp: Path) -> None:
    procs = []
    specs = [("44110", "-Xmx80m -XX:+UseSerialGC -Dtarhouse.turnstile.start=2147482000 -Dtarhouse.museum=Tarhouse", 8),
             ("44111", "-Xmx112m -XX:+UseParallelGC -Dtarhouse.audio=audio -Dtarhouse.till.currency=EUR "
                       "-Duser.language=nl -Dfile.encoding=Cp1252", 18),
             ("44112", "-Xms24m -Xmx144m -XX:+UseG1GC -XX:MaxMetaspaceSize=72m -Dtarhouse.audio=audio "
                       "-Dtarhouse.gates=north,river,yard -XX:+ExitOnOutOfMemoryError", 36)]
    for seed, extra, n in specs:
        procs.append(cm.start(f"exec nice {java_cmd(extra, 'serve 8000', n)}", cwd=STATE[seed]))
    time.sleep(9)
    pids = {seed: p.pid for (seed, _, _), p in zip(specs, procs)}
    try:
        for name, c in [("lv", "jps -lv")]:
            add(f"jps-{name}", c, run(c, timeout=60), n_jps_lv)
        c = f"jinfo {pids['44111']}"
        add("jinfo-44111", c, run(c, timeout=60), n_jinfo)
        p = pids["44112"]
        for name, c in [("rooms", f"jcmd {p} VM.class_hierarchy -i -s org.tarhouse.ExhibitRoom"),
                        ("object-head", f"jcmd {p} VM.class_hierarchy | head -n 1500")]:
            add(f"jcmd-class-hierarchy-{name}", c, run(f"bash -c '{c}'", timeout=120), n_class_hierarchy)
        for name, c in [("classes-44112", f"jcmd {p} VM.classloaders show-classes"),
                        ("verbose-44111", f"jcmd {pids['44111']} VM.classloaders show-classes verbose")]:
            add(f"jcmd-vm-classloaders-{name}", c, run(c, timeout=120), n_classloaders)
    finally:
        for pr in procs:
            cm.stop(pr)
    d = STATE["44112"]
    classes = " ".join(["org.tarhouse.Exhibit", "org.tarhouse.Ticket", "org.tarhouse.Tour", "org.tarhouse.Till",
                        "org.tarhouse.Cloakroom", "org.tarhouse.TurnstileJamException", "org.tarhouse.Guide",
                        "org.tarhouse.Hall", "java.util.LinkedList", "java.time.LocalDate", "java.lang.Record"]
                       + [f"org.tarhouse.Room{n:02d}" for n in range(0, 36, 4)])
    c = f"serialver -classpath out {classes}"
    add("serialver-mixed-44112", c, run(f"nice {c}", cwd=d), n_serialver)


def step_jfr(tmp: Path) -> None:
    d = STATE["44111"]
    out = run("nice " + java_cmd("-Xmx64m -Xss600k -XX:StartFlightRecording=filename=rec.jfr,settings=profile",
                                 "route 20000", 18), cwd=d, timeout=300)
    note(f"jfr run: {out[-300:]}")
    for name, c in [("errors-cpu", "jfr print --json --events jdk.JavaErrorThrow,jdk.CPULoad,jdk.ThreadCPULoad rec.jfr "
                                   "| head -n 2600"),
                    ("samples", "jfr print --json --events jdk.ExecutionSample rec.jfr | head -n 3200")]:
        add(f"jfr-print-json-{name}", c, run(f"nice bash -c '{c}'", cwd=d, timeout=200), n_jfr_json)


def step_safepoint(tmp: Path) -> None:
    for seed, args, extra, n in [("44110", "gc 8000", "-Xmx20m -XX:+UseSerialGC", 8),
                                 ("44112", "fail 9000", "-Xmx40m -XX:+UseParallelGC", 36)]:
        c = java_cmd(f"-Xlog:safepoint {extra}", args, n)
        add(f"java-xlog-safepoint-{seed}", c, run(f"nice {c}", cwd=STATE[seed], timeout=300), n_safepoint)


def step_inlining(tmp: Path) -> None:
    for seed, args, n, filt in [("44111", "fail 7000", 18, " | grep -E 'org.tarhouse|Exception|at ' | head -n 1400"),
                                ("44112", "gc 5000", 36, " | grep -v 'java\\.\\|jdk\\.\\|sun\\.' | head -n 1600")]:
        c = java_cmd("-XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining", args, n) + " 2>&1" + filt
        add(f"java-printinlining-{seed}", c, run(f"nice bash -c \"{c}\"", cwd=STATE[seed], timeout=300), n_inlining)


def step_keys(tmp: Path) -> None:
    d = STATE["44111"]
    kt = "keytool -storepass tarhouse44 -keypass tarhouse44"
    cmds = []
    for i, who in enumerate(["north-turnstile", "river-turnstile", "yard-turnstile", "ticket-till", "audio-guide",
                             "guide-roster", "exhibit-catalog"]):
        cmds.append(f"{kt} -genkeypair -keystore office.p12 -alias {who} -keyalg EC -groupname secp384r1 "
                    f"-dname 'CN={who}, OU=Ticket Office, O=Tarhouse Ropewalk Museum' -validity {200 + 73 * i}")
    cmds += [f"{kt} -genkeypair -keystore office.p12 -alias future-kiosk -keyalg RSA -keysize 2048 "
             "-startdate +30d -validity 365 -dname 'CN=future-kiosk, O=Tarhouse'",
             f"{kt} -genkeypair -keystore office.p12 -alias old-till -keyalg RSA -keysize 1024 -sigalg SHA1withRSA "
             "-dname 'CN=old-till, O=Tarhouse' -validity 4000",
             f"{kt} -genkeypair -keystore office.p12 -alias lapsed-donations -keyalg EC -startdate -200d -validity 20 "
             "-dname 'CN=donations, O=Tarhouse'",
             f"{kt} -genseckey -keystore office.p12 -alias locker-hmac -keyalg HmacSHA384 -keysize 384",
             f"{kt} -genseckey -keystore office.p12 -alias turnstile-aes -keyalg AES -keysize 128",
             f"{kt} -exportcert -keystore office.p12 -alias ticket-till -file till.cer",
             f"{kt} -exportcert -keystore office.p12 -alias old-till -file oldtill.cer",
             f"{kt} -importcert -noprompt -keystore office.p12 -alias trust-till -file till.cer",
             "keytool -storepass tarhouse44 -keypass hemp-key-9 -genkeypair -keystore desk.jks -storetype JKS "
             "-alias cash-desk -keyalg RSA -keysize 2048 -dname 'CN=cash-desk, O=Tarhouse' -validity 500",
             "keytool -storepass tarhouse44 -keypass tarhouse44 -genkeypair -keystore desk.jks -storetype JKS "
             "-alias gift-shop-dsa -keyalg DSA -keysize 1024 -dname 'CN=gift-shop, O=Tarhouse' -validity 800",
             "keytool -storepass tarhouse44 -importcert -noprompt -keystore desk.jks -storetype JKS "
             "-alias trust-old-till -file oldtill.cer"]
    for i in range(14):
        cmds.append(f"keytool -storepass tarhouse44 -keypass tarhouse44 -genkeypair -keystore desk.jks -storetype JKS "
                    f"-alias locker-{i + 1:02d} -keyalg EC -dname 'CN=locker-{i + 1:02d}, O=Tarhouse' -validity 600")
    for c in cmds:
        o = run(f"nice {c}", cwd=d, timeout=120)
        if "error" in o.lower():
            note(f"keytool: {o[:300]}")
    for name, c in [("p12", "keytool -list -keystore office.p12 -storepass tarhouse44"),
                    ("missing-then-jks", "keytool -list -keystore museum.p12 -storepass tarhouse44; "
                                         "keytool -list -keystore desk.jks -storepass tarhouse44")]:
        add(f"keytool-list-{name}", c, run(f"nice bash -c '{c}'", cwd=d, timeout=120), n_keytool_list)
    run("jar --create --file tarhouse.jar -C out . && jar --create --file tarhouse-audio.jar -C audio . && "
        "cp tarhouse.jar tarhouse-b.jar && cp tarhouse.jar tarhouse-c.jar && cp tarhouse.jar tarhouse-d.jar",
        cwd=d, timeout=120)
    js = "jarsigner -verbose -storepass tarhouse44 -keystore"
    for name, c in [("not-yet-valid", f"{js} office.p12 tarhouse.jar future-kiosk"),
                    ("resign", f"{js} office.p12 tarhouse-b.jar ticket-till && {js} office.p12 tarhouse-b.jar old-till"),
                    ("missing-keystore", f"{js} museum.p12 tarhouse-c.jar ticket-till; "
                                         f"{js} office.p12 tarhouse-c.jar lapsed-donations"),
                    ("jks-wrong-keypass", f"{js} desk.jks -keypass tarhouse44 tarhouse-audio.jar cash-desk; "
                                          f"{js} desk.jks tarhouse-d.jar gift-shop-dsa")]:
        add(f"jarsigner-sign-{name}", c, run(f"nice bash -c '{c}'", cwd=d, timeout=120), n_jarsigner)


JDK_STEPS = [step_build, step_javap, step_jmod, step_jvm_views, step_jfr, step_safepoint, step_inlining, step_keys]


# ================================================================== translation material: the kiosk's project

NOUNS = ["turnstile", "guide", "exhibit", "ticket", "till", "audio guide", "cloakroom", "gift shop", "hemp hall",
         "tar kettle", "spinning wheel", "rope walk", "school group", "season pass", "family ticket", "locker",
         "museum map", "donation box", "guided tour", "ramp"]
ADJ = ["closed", "full", "late", "sold out", "out of order", "free today", "half price", "busy", "reserved", "wet"]
VERBS = ["opened", "was cancelled", "starts soon", "is delayed", "was refunded", "needs a supervisor",
         "was printed twice", "ran out of paper", "was moved to hall 3", "is ready"]


def msg_pool(rng: random.Random, n: int) -> list[str]:
    pool = set()
    while len(pool) < n:
        a, b, c = rng.choice(NOUNS), rng.choice(VERBS), rng.choice(ADJ)
        form = rng.randrange(6)
        if form == 0:
            m = f"The {c} {a} %s {b}"
        elif form == 1:
            m = f"%(count)d visitors passed the {a} at gate %(gate)s, {b}"
        elif form == 2:
            m = f"Guide {{name}} starts the {a} tour at {{time}}"
        elif form == 3:
            m = f"Ticket %(ticket)s for the {a} costs %(price).2f EUR"
        elif form == 4:
            m = f"The {a} is {c}"
        else:
            m = f"Hall %d: {a} {b}"
        pool.add(m)
    return sorted(pool)


def make_sources(root: Path, n_mod: int, seed: int, faults: bool = True) -> None:
    rng = random.Random(seed)
    pool = msg_pool(rng, n_mod * 5)
    files = {"tarhouse/__init__.py": '"""Tarhouse ticket office kiosk."""\n',
             "tarhouse/i18n.py": "import gettext\n_ = gettext.gettext\nngettext = gettext.ngettext\n"
                                 "def N_(s):\n    return s\nlazy_gettext = N_\n"}
    for i in range(n_mod):
        noun = NOUNS[i % len(NOUNS)].replace(" ", "_")
        body = [f'"""The {noun.replace("_", " ")} desk {i} of the ticket office."""',
                "from tarhouse.i18n import _, ngettext, N_, lazy_gettext", ""]
        for j in range(5):
            m = pool[(i * 5 + j) % len(pool)]
            kw = rng.choice(["_", "_", "_", "N_", "lazy_gettext"])
            body.append(f"def show_{noun}_{j}(count, gate, name, time, ticket, price, hall, what, show):")
            if "%(" in m:
                args = "{" + ", ".join(f'"{k}": {k}' for k in sorted(set(re.findall(r"%\((\w+)\)", m)))) + "}"
                body.append(f'    show({kw}("{m}") % {args})')
            elif "{name}" in m:
                body.append(f'    show({kw}("{m}").format(name=name, time=time))')
            elif "%d" in m:
                body.append(f'    show({kw}("{m}") % hall)')
            elif "%s" in m:
                body.append(f'    show({kw}("{m}") % what)')
            else:
                body.append(f'    show({kw}("{m}"))')
            body.append("")
        a = NOUNS[(i + 7) % len(NOUNS)]
        body += ["def count_waiting(n, show):",
                 f'    show(ngettext("%(num)d visitor waits at the {a}", "%(num)d visitors wait at the {a}", n) '
                 '% {"num": n})', ""]
        if faults and i % 10 == 3:  # concatenation inside the call: not a literal
            body += ["def price_tag(kind, show):", '    show(_("Ticket price for " + kind))', ""]
        if faults and i % 12 == 7:  # a keyword given a call with too few arguments for ngettext
            body += ["def lockers(show, n):", '    show(ngettext("%d locker free", n))', ""]
        if faults and i % 14 == 9:  # a translator comment with an empty message
            body += ["def nothing(show):", "    # NOTE: the kiosk shows nothing here", '    show(N_(""))', ""]
        files[f"tarhouse/desk_{i:03d}_{noun}.py"] = "\n".join(body) + "\n"
    cm.write_tree(root, files)


def po_faults(path: Path, seed: int, rate: float, charset: str | None = None, drop_form: int = 0) -> None:
    """This round's catalog faults: `%(count)d` read as `%(count)s`, `{name}` renamed, a plural form dropped, the
    header's charset."""
    rng = random.Random(seed)
    txt = path.read_text()
    out = []
    for ln in txt.split("\n"):
        if ln.startswith("msgstr") and rng.random() < rate:
            if "%(count)d" in ln:
                ln = ln.replace("%(count)d", "%(count)s")
            elif "{name}" in ln:
                ln = ln.replace("{name}", "{nom}")
            elif "%(price).2f" in ln:
                ln = ln.replace("%(price).2f", "%(prix).2f")
        if drop_form and ln.startswith("msgstr[1]") and rng.random() < 0.5:
            drop_form -= 1
            continue
        out.append(ln)
    txt = "\n".join(out)
    if charset:
        txt = re.sub(r"charset=[\w-]+", f"charset={charset}", txt, count=1)
    path.write_text(txt)


def guide_md(rng: random.Random, title: str, n_sec: int, faults: bool) -> str:
    lines = [f"# {title}", ""]
    for s in range(n_sec):
        noun = rng.choice(NOUNS)
        if faults and s % 4 == 2:
            lines += [f"#{noun.capitalize()} at the desk {s + 1}", ""]  # no space after the hash
        else:
            lines += [f"## {noun.capitalize()} at the desk {s + 1}", ""]
        for _ in range(rng.randint(1, 3)):
            sent = " ".join(f"The {rng.choice(NOUNS)} {rng.choice(VERBS)} near hall {rng.randint(1, 9)}."
                            for _ in range(rng.randint(2, 5)))
            if faults and rng.random() < 0.2:
                sent = "* " + sent
            lines += [sent, ""]
        if faults and s % 5 == 1:
            lines += ["```", "ticket --print --gate north", "```", ""]  # no language on the fence
        if faults and s % 3 == 0:
            lines += ["- Open the till", "+ Count the float", "- Unlock the turnstiles", ""]
        if faults and s % 6 == 4:
            lines += [f"## {noun.capitalize()} at the desk {s + 1}", "", "Repeated heading.", "", "", ""]
        if faults and s % 7 == 5:
            lines += ["<b>Opening hours</b> change in winter.", ""]
    return "\n".join(lines) + "\n"


def guide_rst(rng: random.Random, title: str, n_sec: int, faults: bool) -> str:
    lines = [title, "=" * len(title), ""]
    for s in range(n_sec):
        h = f"{rng.choice(NOUNS).capitalize()} rules {s + 1}"
        lines += [h, "-" * len(h), ""]
        for _ in range(rng.randint(1, 3)):
            sent = " ".join(f"The {rng.choice(NOUNS)} {rng.choice(VERBS)}." for _ in range(rng.randint(2, 4)))
            if faults:
                f = rng.randrange(10)
                if f == 0:
                    sent += " See :doc:`tickets`and the map."
                elif f == 1:
                    sent += " Visit `the shop<http://tarhouse.example/shop>`_ first."
                elif f == 2:
                    sent += " Press ``print`` twice if the till jams."
                elif f == 3:
                    sent += " Use :py:func:`tarhouse.desk.open` ."
                elif f == 4:
                    sent = "  " + sent
                elif f == 5:
                    sent += " The *guided tour*is free."
                elif f == 6:
                    sent += " Children go **free**today."
            lines += [sent, ""]
        if faults and s % 4 == 1:
            lines += [".. warning:: ", "", "   Tar is hot.", ""]
        if faults and s % 5 == 3:
            lines += [".. code-block::python", "", "   desk.open()", ""]
        if faults and s % 6 == 2:
            lines += ["..note::", "", "   Lockers take a coin.", ""]
    return "\n".join(lines) + "\n"


A = TMP / "tarhouse"
B = TMP / "hemphall"
LOCS_A = ["de", "fr", "nl", "da", "sv", "pl", "cs", "es", "it", "hu", "uk", "ja"]
LOCS_B = LOCS_A + ["pt_BR", "fi", "tr", "ro"]
PYB = "pybabel"
KW = "-k lazy_gettext"


def sh(cmd: str, cwd: Path, timeout: int = 300) -> str:
    return cm.run(cmd, cwd=cwd, timeout=timeout)


def step_i18n_material(tmp: Path) -> None:
    make_sources(A, 40, 44120)
    make_sources(B, 160, 44121)
    (B / "babel.cfg").write_text("[python: tarhouse/**.py]\n[extractors]\n")
    (B / "babel-js.cfg").write_text("[python: tarhouse/**.py]\n[javascript: kiosk/**.js]\n[mako: kiosk/**.mako]\n")
    cm.write_tree(B, {"kiosk/screen.js": "var msg = gettext('Welcome to the ropewalk');\n"
                                         "var n = ngettext('One ticket', '%d tickets', count);\nalert(gettext(`Hall ${n}`));\n",
                      "kiosk/board.mako": "<p>${_('Today')}</p>\n"})
    cm.write_tree(A, {"broken/tarhouse/bad_desk.py":
                      'from tarhouse.i18n import _\n\ndef show(s):\n    s(_("Cloakroom \'closed\'))\n'
                      '    s(_("Locker %d free" % n)\n'})


def step_extract(tmp: Path) -> None:
    cap("extract-tarhouse", f"{PYB} extract {KW} --add-comments=NOTE --project=tarhouse --version=4.4 "
        "-o messages.pot tarhouse", A, w432.n_pybabel_extract)
    cap("extract-hemphall-js", f"{PYB} extract -F babel-js.cfg {KW} -o hh.pot . 2>&1 | tail -n 80; echo EXIT=$?", B,
        w432.n_pybabel_extract)
    cap("extract-broken-and-ok", f"{PYB} extract -o broken.pot broken; echo EXIT=$?; "
        f"{PYB} extract {KW} -o messages.pot tarhouse 2>&1 | tail -n 12", A, w432.n_pybabel_extract)


def step_catalogs(tmp: Path) -> None:
    sh(f"{PYB} extract -F babel.cfg {KW} --project=hemphall --version=1.2 -o messages.pot .", B)
    rng = random.Random(44122)
    for root, locs in ((A, LOCS_A), (B, LOCS_B)):
        for k, loc in enumerate(locs):
            sh(f"{PYB} init -i messages.pot -d locale -l {loc}", root)
            po = root / "locale" / loc / "LC_MESSAGES" / "messages.po"
            w432.fill_po(po, loc, 44123 + k, untrans=rng.choice([0.0, 0.04, 0.12, 0.35, 0.6]),
                         fuzzy=rng.choice([0.0, 0.02, 0.08, 0.2]), bad=0.0)
            po_faults(po, 44140 + k, rate=rng.choice([0.0, 0.03, 0.1]),
                      charset={"hu": "CHARSET", "uk": "KOI8-R", "da": "ISO-8859-1"}.get(loc),
                      drop_form=(4 if loc in ("pl", "cs", "ro") else 0))
    make_sources(A, 48, 44124)
    make_sources(B, 175, 44125)
    sh(f"{PYB} extract {KW} -o messages.pot tarhouse", A)
    sh(f"{PYB} extract -F babel.cfg {KW} -o messages.pot .", B)


def step_update_compile(tmp: Path) -> None:
    cap("update-hemphall-nofuzzy", f"{PYB} update -i messages.pot -d locale -N --no-wrap; echo EXIT=$?", B,
        w432.n_pybabel_update)
    cap("update-tarhouse-missing-pot", f"{PYB} update -i messages.pot -d locale -l de -l fr; "
        f"{PYB} update -i missing.pot -d locale; echo EXIT=$?", A, w432.n_pybabel_update)
    sh(f"{PYB} update -i messages.pot -d locale", A)
    cap("compile-tarhouse", f"{PYB} compile -d locale --statistics; echo EXIT=$?", A, w432.n_pybabel_compile)
    cap("compile-hemphall-f", f"{PYB} compile -d locale --statistics -f; echo EXIT=$?", B, w432.n_pybabel_compile)


def step_checks(tmp: Path) -> None:
    cap("i18nspector-tarhouse", "i18nspector locale/*/LC_MESSAGES/messages.po", A, w432.n_i18nspector)
    cap("i18nspector-hemphall-mo", "i18nspector -l uk locale/*/LC_MESSAGES/messages.mo locale/uk/LC_MESSAGES/messages.po "
        "locale/hu/LC_MESSAGES/messages.po messages.pot", B, w432.n_i18nspector)
    cap("msgattrib-fuzzy-hemphall", "msgattrib --only-fuzzy --no-obsolete locale/sv/LC_MESSAGES/messages.po", B,
        w432.n_msgattrib)
    cap("msgattrib-obsolete-nl", "msgattrib --only-obsolete locale/nl/LC_MESSAGES/messages.po; "
        "msgattrib --only-fuzzy locale/nl/LC_MESSAGES/messages.po", A, w432.n_msgattrib)
    cap("pogrep-turnstile", "pogrep --search=source -i locale/fr/LC_MESSAGES/messages.po 'turnstile'", B, w432.n_pogrep)
    cap("pogrep-target-cs", "pogrep --search=target -I -e -i locale/cs/LC_MESSAGES/messages.po 'č|ř'", A, w432.n_pogrep)
    cap("junitmsgfmt-hemphall", "junitmsgfmt --untranslated locale/[d-p]*/LC_MESSAGES/messages.po", B,
        w432.n_junitmsgfmt)


D = TMP / "visitor-manual"
DOC_LANGS = ["de", "fr", "nl", "da", "pl", "cs", "es"]


def step_docs(tmp: Path) -> None:
    rng = random.Random(44130)
    names = ["tickets", "turnstiles", "guides", "exhibits", "lockers", "accessibility", "groups"]
    files = {f"doc/{n}.md": guide_md(rng, f"Visitor manual: {n.capitalize()}", rng.randint(4, 9), faults=False)
             for n in names}
    cfg = ["[po4a_langs] " + " ".join(DOC_LANGS), "[po4a_paths] po/visitor.pot $lang:po/$lang.po",
           "[options] opt:\"-k 75\""]
    for f in sorted(files):
        cfg.append(f"[type: text] {f} $lang:build/$lang/{Path(f).name} opt:\"-o markdown\"")
    files["po4a.cfg"] = "\n".join(cfg) + "\n"
    files["po4a-bad.cfg"] = files["po4a.cfg"].replace("[type: text] doc/lockers.md", "[type: markdwn] doc/lockers.md") \
        .replace("[po4a_langs] ", "[po4a_langs] xx_YY ")
    cm.write_tree(D, files)
    sh("po4a --no-translations po4a.cfg", D)
    for k, lang in enumerate(DOC_LANGS):
        p = D / "po" / f"{lang}.po"
        if p.exists():
            w432.fill_po(p, lang, 44131 + k, untrans=[0.0, 0.2, 0.45, 0.1, 0.8, 0.3, 0.02][k], fuzzy=0.06, bad=0.0)
    cap("po4a-visitor", "po4a po4a.cfg; echo EXIT=$?", D, w432.n_po4a)
    cap("po4a-bad-config", "po4a -v po4a-bad.cfg; echo EXIT=$?", D, w432.n_po4a)
    cap("po4a-translate-k", "for l in de fr nl da pl cs es; do for d in doc/*.md; do po4a-translate -f text "
        "-o markdown -m $d -p po/$l.po -l build/$l/$(basename $d) -k 50 2>&1; done; done", D, w432.n_po4a)
    rng = random.Random(44135)
    big = {}
    for k in range(44):
        slug = NOUNS[k % 20].replace(" ", "-")
        big[f"docs/md/{slug}-{k:02d}.md"] = guide_md(rng, f"{NOUNS[k % 20].capitalize()} {k}", rng.randint(3, 11),
                                                     faults=k % 4 != 0)
        big[f"docs/rst/{slug}-{k:02d}.rst"] = guide_rst(rng, f"{NOUNS[k % 20].capitalize()} {k}", rng.randint(3, 11),
                                                        faults=k % 3 != 0)
    cm.write_tree(B, big)
    cm.write_tree(A, {f"docs/part{k}.rst": guide_rst(rng, f"Tarhouse part {k}", 7, faults=True) for k in range(5)})
    cm.write_tree(A, {f"docs/part{k}.md": guide_md(rng, f"Tarhouse part {k}", 8, faults=True) for k in range(5)})


def step_linters(tmp: Path) -> None:
    cap("sphinx-lint-hemphall-all", "sphinx-lint --enable all --disable line-too-long docs/rst", B, w432.n_sphinx_lint)
    cap("pymarkdown-tarhouse", "pymarkdown scan docs", A, w432.n_pymarkdown)
    cap("pymarkdown-hemphall", "pymarkdown -d md013 scan docs/md/[a-s]*", B, w432.n_pymarkdown)
    cap("pymarkdown-strict-config", "pymarkdown --strict-config --set 'plugins.md007.indent=$#x3' scan docs/md/t*.md; "
        "echo EXIT=$?", B, w432.n_pymarkdown)


def step_encodings(tmp: Path) -> None:
    rng = random.Random(44136)
    notes = TMP / "notes"
    notes.mkdir(exist_ok=True)
    texts = ["Führung um 14 Uhr, Teerkessel geöffnet, Eintritt 14,50 €", "Visite guidée à 15 h, corderie fermée",
             "Rondleiding: lijnbaan open, kaartjes € 12", "Экскурсия по канатной мастерской в 16:00",
             "Sjömanskurs: repslageri öppet, biljett 120 kr"]
    encs = ["utf8"] * 15 + ["ascii"] * 3 + ["latin1", "latin1", "cp1252", "cp1252", "macroman", "koi8r", "utf16",
                                             "broken", "broken"]
    for k in range(80):
        t = "\n".join(f"{rng.choice(texts)} - {rng.choice(NOUNS)} {rng.choice(VERBS)} (hall {rng.randint(1, 9)})."
                      for _ in range(rng.randint(6, 30))) + "\n"
        enc = rng.choice(encs)
        name = notes / f"visitor-{k:03d}-{rng.choice(NOUNS).replace(' ', '_')}.txt"
        if enc == "utf8":
            data = t.encode()
        elif enc == "ascii":
            data = t.encode("ascii", "replace")
        elif enc == "latin1":
            data = t.replace("€", "EUR").encode("latin-1", "replace")
        elif enc == "cp1252":
            data = t.encode("cp1252", "replace")
        elif enc == "macroman":
            data = t.encode("mac_roman", "replace")
        elif enc == "koi8r":
            data = t.encode("koi8_r", "replace")
        elif enc == "utf16":
            data = t.encode("utf-16")
        else:
            b = bytearray(t.encode())
            pos = rng.randrange(len(b) // 3, len(b))
            b[pos:pos] = rng.choice([b"\xc3", b"\xe2\x80", b"\xf8\x88\x80\x80\x80", b"\xc1\xbf", b"\xef\xbf"])
            data = bytes(b)
        name.write_bytes(data)
    cap("isutf8-visitor-notes", "isutf8 notes/*.txt; echo EXIT=$?", TMP, w432.n_isutf8)
    cap("isutf8-invert", "isutf8 -v notes/visitor-0[0-4]*.txt; echo EXIT=$?", TMP, w432.n_isutf8)
    cap("uchardet-notes", "uchardet notes/*.txt", TMP, w432.n_uchardet)


I18N_STEPS = [step_i18n_material, step_extract, step_catalogs, step_update_compile, step_checks, step_docs,
              step_linters, step_encodings]


def ensure_tools() -> None:
    w430.ensure_tools()
    for t in ("i18nspector", "po4a", "isutf8", "uchardet", "msgattrib"):
        cm.have(t, t)
    cm.install_venv(VENV, "sphinx-lint", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: JDK_STEPS + I18N_STEPS, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide441", sys.modules["__main__"])
    main()
