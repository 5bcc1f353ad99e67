#!/usr/bin/env python3
"""Capture round 387 of the compression corpus: round 373's JVM kinds a second time, on new material written here
(`org.signalbox`, a signal box: a lever frame with interlocking, block bells, a train register) with other faults
than round 373's. Debian 12's OpenJDK 17 and its ecj, antlr4, proguard-cli, testng and rhino packages.

No rule and no extractor is new: every kind's needles come from round 373's extractor, imported from
`capture_wide373` by function (NEEDLES.md, "Round 387"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide387.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide387.json  as {"version": 2, "items": [...]}, ids prefixed "wide387-".
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import note, run, write_tree  # noqa: E402
import capture_wide373 as w373  # noqa: E402  (round 373's extractors, imported by function)

ID_PREFIX = "wide387-"
DEFAULT_OUT = HERE / "data" / "wide387.json"
TMP = Path("/dev/shm/hm-corpus-wide387")
JAVA = w373.JAVA
JDK = w373.JDK

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

n_hs_err, n_crash_console, n_jdb = w373.n_hs_err, w373.n_crash_console, w373.n_jdb
n_metaspace, n_classloader_stats, n_codecache = w373.n_metaspace, w373.n_classloader_stats, w373.n_codecache
n_jstat, n_jpackage, n_ecj, n_antlr = w373.n_jstat, w373.n_jpackage, w373.n_ecj, w373.n_antlr
n_proguard, n_testng, n_rhino = w373.n_proguard, w373.n_testng, w373.n_rhino
n_xlog_exc, n_jdeps_int = w373.n_xlog_exc, w373.n_jdeps_int


def ensure_tools() -> None:
    w373.ensure_tools()


PKG = "src/org/signalbox"


def line_of(src: str, marker: str) -> int:
    return next(i for i, ln in enumerate(src.splitlines(), 1) if marker in ln)


def compile_java(d: Path, files: dict[str, str], extra: str = "") -> None:
    write_tree(d, files)
    out = run(f"javac -g -nowarn -XDignore.symbol.file {extra} -d out {' '.join(files)}", cwd=d, timeout=300)
    if "error" in out:
        note(f"javac: {out[:600]}")


# ------------------------------------------------------------------ crash

FRAME = """\
package org.signalbox;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/** A lever frame: one thread per block section waits on its bell; lever 17 writes its state through a stale address. */
public class Frame {
    static sun.misc.Unsafe U;
    static final Object BELL = new Object();
    static final List<long[]> REGISTER = new ArrayList<>();

    static void pull(int lever, long addr, int depth) {
        if (depth > 0) {
            pull(lever, addr + 8, depth - 1);
            return;
        }
        U.putLong(addr, 0x5151L * lever); // CRASH
    }

    public static void main(String[] args) throws Exception {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        U = (sun.misc.Unsafe) f.get(null);
        int sections = Integer.parseInt(args[0]);
        String mode = args[1];
        for (int i = 0; i < sections; i++) {
            Thread t = new Thread(() -> {
                synchronized (BELL) {
                    try {
                        BELL.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "block-section-" + (100 + i));
            t.setDaemon(true);
            t.start();
        }
        System.out.println("frame of " + sections + " sections manned");
        Thread.sleep(500);
        if (mode.equals("oom")) {
            for (int k = 0; ; k++) {
                REGISTER.add(new long[65536]);
                if (k % 100 == 0) {
                    System.out.println("register page " + k);
                }
            }
        }
        Thread lever = new Thread(() -> pull(17, 0x40L, 6), "lever-17");
        lever.start();
        lever.join();
        System.out.println("lever 17 pulled");
    }
}
"""


def step_crash(tmp: Path) -> None:
    d = tmp / "crash"
    d.mkdir()
    compile_java(d, {f"{PKG}/Frame.java": FRAME})
    runs = [("serial-24", "-XX:+UseSerialGC -Xint", "24 pull"), ("g1-120", "-XX:+UseG1GC -Xmx128m", "120 pull"),
            ("oom", "-Xmx24m -XX:+CrashOnOutOfMemoryError -XX:+UseParallelGC", "40 oom")]
    for name, opts, args in runs:
        rd = d / name
        rd.mkdir()
        cmd = f"java -XX:-CreateCoredumpOnCrash {opts} -cp ../out org.signalbox.Frame {args}; echo EXIT=$?"
        add(f"crash-console-{name}", cmd, run(cmd, cwd=rd, timeout=180), n_crash_console)
        logs = sorted(rd.glob("hs_err_pid*.log"))
        if not logs:
            note(f"no hs_err in {rd}")
            continue
        text = logs[0].read_text(errors="replace")
        add(f"hs-err-{name}", f"cat {logs[0].name}", text, n_hs_err)
        if name == "g1-120":
            add("hs-err-head-g1-120", f"head -n 200 {logs[0].name}", "".join(text.splitlines(True)[:200]), n_hs_err)


# ------------------------------------------------------------------ jdb

BOX = """\
package org.signalbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Box {
    static Map<String, Object> bellCodes() {
        Map<String, Object> m = new HashMap<>();
        m.put("call attention", 1);
        m.put("is line clear express", "4");
        m.put("is line clear stopping", 31);
        m.put("train entering section", 2);
        m.put("obstruction danger", 6);
        return m;
    }

    static int beats(Map<String, Object> codes, String signal) {
        Integer n = (Integer) codes.get(signal); // CAST
        return n;
    }

    static int headway(int minutes, int trains) {
        int h = minutes / trains; // DIV
        return h;
    }

    static List<String> clearSections(List<String> sections) {
        for (String s : sections) {
            if (s.endsWith("occupied")) {
                sections.remove(s); // CME
            }
        }
        return sections;
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "cast";
        Map<String, Object> codes = bellCodes();
        System.out.println("box open, " + codes.size() + " codes");
        if (mode.equals("cast")) {
            for (String s : new String[] {"call attention", "is line clear stopping", "is line clear express"}) {
                System.out.println(s + ": " + beats(codes, s) + " beats");
            }
        }
        if (mode.equals("div")) {
            int[] trains = {6, 4, 3, 0, 2};
            for (int t : trains) {
                System.out.println("headway " + headway(60, t));
            }
        }
        if (mode.equals("cme")) {
            List<String> secs = new ArrayList<>(List.of("up main clear", "up main occupied", "down main clear",
                    "down relief occupied", "goods loop clear"));
            System.out.println(clearSections(secs));
        }
    }
}
"""


def jdb_session(d: Path, args: str, cmds: list) -> tuple[str, str]:
    """Feed `cmds` to jdb with pauses (a float is a pause in seconds); returns (command as typed, output)."""
    feed = ["sleep 2"]
    for c in cmds:
        feed.append(f"sleep {c}" if isinstance(c, float) else f"echo '{c}'")
    feed.append("sleep 2")
    (d / "feed.sh").write_text("\n".join(feed) + "\n")
    shown = "; ".join(c for c in cmds if isinstance(c, str))
    cmd = f"sh feed.sh | jdb -sourcepath src -classpath out org.signalbox.Box {args}"
    typed = f"jdb -sourcepath src -classpath out org.signalbox.Box {args}   # typed: {shown}"
    return typed, run(cmd, cwd=d, timeout=120)


def step_jdb(tmp: Path) -> None:
    d = tmp / "jdb"
    d.mkdir()
    compile_java(d, {f"{PKG}/Box.java": BOX})
    cast, div, cme = line_of(BOX, "// CAST"), line_of(BOX, "// DIV"), line_of(BOX, "// CME")
    s1 = ["catch java.lang.ClassCastException", f"stop at org.signalbox.Box:{cast}", "run", 3.0, "print signal",
          "locals", "cont", 1.0, "print signal", "print codes.get(signal)", "cont", 1.0, "print signal", "where",
          "cont", 2.0, "where", "print signal", "print codes.size()", "cont", 2.0]
    typed, out = jdb_session(d, "cast", s1)
    add("jdb-cast-cce", typed, out, n_jdb)
    s2 = ["catch java.lang.ArithmeticException", "stop in org.signalbox.Box.headway", "run", 3.0, "locals", "cont",
          1.0, "print trains", "cont", 1.0, "print minutes / trains", "cont", 1.0, "locals", "cont", 2.0, "where",
          "print trains", "up", "print t", "dump trains", "stop at org.signalbox.Lever:9", "cont", 2.0]
    typed, out = jdb_session(d, "div", s2)
    add("jdb-div-arith", typed, out, n_jdb)
    s3 = ["catch java.util.ConcurrentModificationException", f"stop at org.signalbox.Box:{cme}", "run", 3.0,
          "print s", "print sections.size()", "print sections", "cont", 2.0, "print s", "cont", 2.0, "where",
          "locals", "print sections.get(9)", "threads", "cont", 2.0]
    typed, out = jdb_session(d, "cme", s3)
    add("jdb-cme-sections", typed, out, n_jdb)


# ------------------------------------------------------------------ jcmd / jstat on a running interlocking

LEVER = """\
package org.signalbox;

public interface Lever {
    int number();

    boolean locked(int other);
}
"""

INTERLOCK = """\
package org.signalbox;

import java.io.File;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** An interlocking kept running: a thread per block section, a loader per lever frame, proxies for the levers. */
public class Interlock {
    static final List<Object> KEEP = new ArrayList<>();
    static final AtomicLong BEATS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int frames = Integer.parseInt(args[0]);
        int sections = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        URL[] urls = {new File(args[3]).toURI().toURL()};
        for (int i = 0; i < frames; i++) {
            URLClassLoader l = new URLClassLoader("frame-" + (char) ('A' + i % 26) + i, urls, null);
            Class<?> lever = l.loadClass("org.signalbox.Lever");
            KEEP.add(l.loadClass("org.signalbox.Box"));
            if (i % 4 == 0) {
                KEEP.add(l.loadClass("org.signalbox.Frame"));
            }
            final int fi = i;
            for (int k = 0; k < 1 + i % 3; k++) {
                KEEP.add(Proxy.newProxyInstance(l, new Class<?>[] {lever}, (p, m, a) -> m.getName().equals("number") ? fi : false));
            }
            KEEP.add(l);
        }
        for (int s = 0; s < sections; s++) {
            final int sec = s;
            Thread t = new Thread(() -> {
                List<int[]> pile = new ArrayList<>();
                while (true) {
                    pile.add(new int[512 + sec % 7 * 64]);
                    if (pile.size() > 3000) {
                        pile.subList(0, 2500).clear();
                    }
                    BEATS.incrementAndGet();
                    if ((BEATS.get() & 63) == 0) {
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "block-" + (sec % 2 == 0 ? "up" : "down") + "-" + sec);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(seconds * 1000L);
        System.out.println("done " + BEATS.get() + " " + KEEP.size());
    }
}
"""


def _start(d: Path, name: str, opts: str, frames: int, sections: int, seconds: int):
    log = open(d / f"{name}.log", "wb")
    p = cm.start(f"exec nice java {opts} -cp out org.signalbox.Interlock {frames} {sections} {seconds} {d / 'out'}",
                 cwd=d, log=log)
    for _ in range(120):
        if b"ready" in (d / f"{name}.log").read_bytes():
            break
        time.sleep(0.5)
    time.sleep(2)
    return p


def step_jcmd(tmp: Path) -> None:
    d = tmp / "jcmd"
    d.mkdir()
    compile_java(d, {f"{PKG}/Lever.java": LEVER, f"{PKG}/Box.java": BOX, f"{PKG}/Frame.java": FRAME,
                     f"{PKG}/Interlock.java": INTERLOCK})
    for name, opts, frames, sections in [("g1", "-Xmx160m -XX:+UseG1GC", 90, 40),
                                         ("parallel", "-Xmx64m -XX:+UseParallelGC", 12, 8)]:
        p = _start(d, name, opts, frames, sections, 75)
        pid = p.pid
        for item, c, ext in [
                (f"jcmd-metaspace-{name}", f"jcmd {pid} VM.metaspace", n_metaspace),
                (f"jcmd-cl-stats-{name}", f"jcmd {pid} VM.classloader_stats", n_classloader_stats),
                (f"jcmd-codecache-{name}", f"jcmd {pid} Compiler.codecache", n_codecache)]:
            add(item, c, run(c, timeout=60), ext)
        if name == "g1":
            c = f"jcmd {pid} VM.metaspace show-loaders show-classes"
            add("jcmd-metaspace-classes-g1", c, run(c, timeout=60), n_metaspace)
            c = f"jstat -gc -t {pid} 100 320; echo EXIT=$?"
            add("jstat-gc-t-g1-long", c, run(c, timeout=90), n_jstat)
        else:
            c = f"jstat -gc {pid} 150 120"
            add("jstat-gc-parallel", c, run(c, timeout=60), n_jstat)
            c = f"jstat -gcutil -h 20 {pid} 100 100; echo EXIT=$?"
            add("jstat-gcutil-parallel", c, run(c, timeout=60), n_jstat)
        cm.stop(p)


# ------------------------------------------------------------------ jpackage

def step_jpackage(tmp: Path) -> None:
    d = tmp / "jpkg"
    d.mkdir()
    compile_java(d, {f"{PKG}/Box.java": BOX})
    (d / "lib").mkdir()
    run("jar --create --file lib/signalbox.jar -C out .", cwd=d, timeout=120)
    base = "jpackage --name signalbox --dest dist --verbose"
    cmds = [
        ("bad-type", f"{base} --type msi --input lib --main-jar signalbox.jar --main-class org.signalbox.Box;"
                     " echo EXIT=$?"),
        ("no-runtime", f"{base} --type app-image --runtime-image /opt/jre-nosuch --input lib --main-jar signalbox.jar"
                       " --main-class org.signalbox.Box; echo EXIT=$?"),
        ("no-content", f"{base} --type app-image --input lib --main-jar signalbox.jar --main-class org.signalbox.Box"
                       " --app-content docs-nosuch --license-file LICENSE-nosuch; echo EXIT=$?"),
        ("bad-launcher", f"{base} --type app-image --input lib --main-jar signalbox.jar --main-class org.signalbox.Box"
                         " --add-launcher registers=launchers/nosuch.properties --java-options -Xmx64m; echo EXIT=$?"),
        ("bad-version", f"{base} --type app-image --input lib --main-jar signalbox.jar --main-class org.signalbox.Box"
                        " --app-version 'two.0' --resource-dir res-nosuch; echo EXIT=$?"),
    ]
    for name, c in cmds:
        add(f"jpackage-{name}", c, run(c, cwd=d, timeout=120), n_jpackage)
        shutil.rmtree(d / "dist", ignore_errors=True)


# ------------------------------------------------------------------ ecj

ECJ_FAULTS = [
    "        return {k};\n        pulls++;\n",
    "        String aspect = (String) (Object) Integer.valueOf({k});\n",
    "        java.util.List<String> l = (java.util.List<String>) new java.util.ArrayList();\n",
    "        boolean clear = \"off\";\n",
    "        Thread.currentThread().stop();\n",
    "        int pulls = {k};\n",
    "        if (pulls == pulls) {{ pulls = pulls; }}\n",
    "        Integer boxed = {k};\n        if (boxed == null) {{ }}\n",
    "        while (true) {{ }}\n",
    "        lock{k}.release();\n",
]


def ecj_tree(root: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    files = {}
    for k in range(n):
        body = []
        for m in range(rnd.randint(2, 5)):
            faults = "".join(rnd.choice(ECJ_FAULTS).format(k=k * 10 + m) for _ in range(rnd.randint(0, 2)))
            ret = "" if rnd.random() < 0.15 else "        return pulls + route.length();\n"
            body.append(f"    private String spare{m};\n\n    int lever{m}(String route, int pulls) {{\n{faults}{ret}    }}\n")
        files[f"src/org/signalbox/frame/Lever{k:02d}.java"] = (
            "package org.signalbox.frame;\n\nimport java.util.*;\nimport java.util.concurrent.locks.Lock;\n\n"
            f"public class Lever{k:02d} {{\n" + "\n".join(body) + "}\n")
    write_tree(root, files)


def step_ecj(tmp: Path) -> None:
    for name, n, seed, opts in [("small", 5, 38710, "-17"),
                                ("mid", 22, 38711, "-17 -warn:+unused,+unchecked,+deprecation"),
                                ("large", 46, 38712, "-17 -proceedOnError -warn:+unused,+null,+unchecked,+boxing")]:
        d = tmp / f"ecj-{name}"
        ecj_tree(d, n, seed)
        c = f"ecj {opts} -proc:none -d out src; echo EXIT=$?"
        add(f"ecj-{name}", c, run(c, cwd=d, timeout=300), n_ecj)


# ------------------------------------------------------------------ antlr4

G_LEFTREC = """\
grammar Bells;

register : entry+ EOF ;
entry : signal | offer ;
signal : offer BEAT | PAUSE ;
offer : signal DASH BEAT | BEAT ;
code : code '-' code | code PAUSE | BEAT+ ;
BEAT : '1' ;
DASH : '-' ;
PAUSE : '_' ;
WS : [ \\t\\r\\n]+ -> skip ;
"""

G_LEXER = """\
grammar Levers;

frame : lever+ EOF ;
lever : NUM COLOUR state ;
state : 'normal' | 'reverse' ;
NUM : [0-9]+ -> channel(LEVERS) ;
COLOUR : ('red' | 'yellow' | 'black' | 'blue' | 'white') -> type(KIND) ;
OPEN : '{' -> pushMode(INSIDE) ;
mode INSIDE;
CLOSE : '}' -> popMode ;
WS : [ \\t\\r\\n]+ -> skip, bogus ;
"""


def g_bells(n: int, seed: int) -> str:
    """Bell codes as rules, many of them left-recursive through a partner rule (the fault)."""
    rnd = random.Random(seed)
    rules = [G_LEFTREC.rstrip("\n").replace("register : entry+ EOF ;",
                                             "register : (entry | " + " | ".join(f"b{i}" for i in range(n)) + ")+ EOF ;")]
    for i in range(n):
        k = rnd.randrange(4)
        if k == 0:
            rules.append(f"b{i} : b{(i + 1) % n} BEAT | PAUSE ;")
        elif k == 1:
            rules.append(f"b{i} : b{i} DASH b{i} | BEAT ;")
        elif k == 2:
            rules.append(f"b{i} : BEAT+ PAUSE? bell{i} ;")
        else:
            rules.append(f"b{i} : BEAT DASH BEAT ;")
    return "\n".join(rules) + "\n"


def g_levers(n: int, seed: int) -> str:
    """Lever tokens with lexer commands, some bad (the faults), and parser rules over them."""
    rnd = random.Random(seed)
    rules = [G_LEXER.rstrip("\n").replace("grammar Levers;\n\nframe : lever+ EOF ;\nlever : NUM COLOUR state ;\n"
                                           "state : 'normal' | 'reverse' ;\n", "lexer grammar Levers;\n")]
    cmds = ["-> skip", "-> channel(HIDDEN)", "-> channel(POINTS)", "-> type(LEVER)", "-> pushMode(NOSUCH)",
            "-> more", "-> skip, more", "-> mode(INSIDE)", "-> popMode", "-> pull"]
    for i in range(n):
        rules.append(f"L{i} : 'lever{i}' ' '? [0-9]* {rnd.choice(cmds)} ;")
    return "\n".join(rules) + "\n"


def g_large(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    rules = ["grammar Register;", "", "book : line+ EOF ;",
             "line : " + " | ".join(f"t{i}" for i in range(n)) + " ;"]
    for i in range(n):
        k = rnd.randrange(6)
        if k == 0:
            rules.append(f"t{i} : TIME 'offered' Box{i} ;")
        elif k == 1:
            rules.append(f"t{i} : t{i} 'accepted' | TIME ;")
        elif k == 2:
            rules.append(f"t{i} : headcode{i} TIME ;")
        elif k == 3:
            rules.append(f"t{i} : x=TIME x+=HEAD ;")
        elif k == 4:
            rules.append(f"t{i} : TIME {{ int beats{i} = 0; }} HEAD? ;")
        else:
            rules.append(f"t{i} : HEAD TIME ;")
    rules += ["TIME : [0-9][0-9] ':' [0-9][0-9] ;", "HEAD : [0-9][A-Z][0-9][0-9] ;", "WS : [ \\t\\r\\n]+ -> skip ;",
              "HEAD : 'ECS' ;"]
    return "\n".join(rules) + "\n"


def step_antlr(tmp: Path) -> None:
    d = tmp / "antlr"
    write_tree(d, {"Bells.g4": g_bells(50, 38715), "Levers.g4": g_levers(45, 38716), "Register.g4": g_large(80, 38713),
                   "big/Register.g4": g_large(300, 38714)})
    for name, c in [("leftrec", "antlr4 -o gen Bells.g4; echo EXIT=$?"), ("lexer", "antlr4 -o gen Levers.g4"),
                    ("register", "antlr4 -o gen -no-listener -visitor Register.g4; echo EXIT=$?"),
                    ("register-xl", "antlr4 -Werror -o gen2 big/Register.g4; echo EXIT=$?")]:
        add(f"antlr4-{name}", c, run(c, cwd=d, timeout=300), n_antlr)


# ------------------------------------------------------------------ proguard

STUBS = {
    "stub/com/google/common/base/Strings.java":
        "package com.google.common.base;\npublic class Strings {\n"
        "  public static boolean isNullOrEmpty(String s) { return s == null || s.isEmpty(); }\n"
        "  public static String padStart(String s, int n, char c) { return s; }\n}\n",
    "stub/org/slf4j/Logger.java":
        "package org.slf4j;\npublic interface Logger { void info(String m); void error(String m, Throwable t); }\n",
    "stub/org/slf4j/LoggerFactory.java":
        "package org.slf4j;\npublic class LoggerFactory { public static Logger getLogger(String n) { return null; } }\n",
}


def pg_app(n: int) -> dict:
    files = {}
    for k in range(n):
        files[f"app/org/signalbox/pg/Section{k}.java"] = (
            "package org.signalbox.pg;\n\nimport com.google.common.base.Strings;\nimport org.slf4j.Logger;\n"
            "import org.slf4j.LoggerFactory;\n\n"
            f"public class Section{k} implements Runnable {{\n"
            f"    private static final Logger LOG = LoggerFactory.getLogger(\"section{k}\");\n"
            f"    public void run() {{\n        LOG.info(Strings.padStart(\"{k}\", 3, '0'));\n    }}\n"
            f"    public String berth(String s) {{ return Strings.isNullOrEmpty(s) ? \"vacant\" : s; }}\n"
            f"    public Object next() throws Exception {{\n"
            f"        return Class.forName(\"org.signalbox.pg.Section\" + {(k + 1) % n}).getMethod(\"run\");\n    }}\n}}\n")
    files["app/org/signalbox/pg/Main.java"] = (
        "package org.signalbox.pg;\n\npublic class Main {\n    public static void main(String[] a) throws Exception {\n"
        + "".join(f"        new Section{k}().run();\n" for k in range(n)) + "    }\n}\n")
    return files


def step_proguard(tmp: Path) -> None:
    d = tmp / "pg"
    write_tree(d, {**STUBS, **pg_app(14)})
    app = " ".join(f"app/org/signalbox/pg/Section{k}.java" for k in range(14)) + " app/org/signalbox/pg/Main.java"
    run("javac --release 8 -nowarn -d stubout stub/com/google/common/base/Strings.java stub/org/slf4j/*.java"
        " && jar cf stubs.jar -C stubout . && jar cf slf4j.jar -C stubout org", cwd=d, timeout=300)
    run(f"javac --release 8 -nowarn -cp stubs.jar -d out8 {app} && jar cf signalbox8.jar -C out8 .", cwd=d,
        timeout=300)
    (d / "badkeep.pro").write_text(
        "-injars signalbox8.jar\n-outjars dist/app.jar\n-libraryjars stubs.jar\n"
        "-keep public class org.signalbox.pg.Mian { public static void main(java.lang.String[]); }\n"
        "-keepclassmembers class org.signalbox.pg.Berth* { *; }\n"
        "-keep class org.signalbox.pg.Section1 { public void pull(); }\n"
        "-keep class org.signalbox.points.** { *; }\n")
    (d / "partial.pro").write_text(
        "-injars signalbox8.jar\n-outjars dist/app.jar\n-libraryjars slf4j.jar\n-dontwarn org.slf4j.**\n"
        "-keep public class org.signalbox.pg.Main { public static void main(java.lang.String[]); }\n"
        "-keepnames class org.signalbox.pg.Section*\n")
    cmds = [
        ("bad-keep", "proguard -verbose @badkeep.pro; echo EXIT=$?"),
        ("partial-dontwarn", "proguard @partial.pro; echo EXIT=$?"),
        ("partial-verbose", "proguard -verbose @partial.pro -dontnote -printseeds dist/seeds.txt; echo EXIT=$?"),
    ]
    for name, c in cmds:
        (d / "dist").mkdir(exist_ok=True)
        add(f"proguard-{name}", c, run(c, cwd=d, timeout=300), n_proguard)


# ------------------------------------------------------------------ testng

TNG_BELLS = """\
package org.signalbox.test;

import static org.testng.Assert.*;
import org.testng.annotations.*;

public class BellCodeTest {
    static int beats(String code) {
        int n = 0;
        for (String part : code.split("-")) {
            n += Integer.parseInt(part);
        }
        return n;
    }

    @DataProvider(name = "codes")
    public Object[][] codes() {
        return new Object[][] {{"call attention", "1", 1}, {"express", "4", 4}, {"stopping", "3-1", 4},
            {"entering section", "2", 2}, {"obstruction", "6", 6}, {"cancel", "3-5", 8}, {"blocking back", "3-3", 5},
            {"train out of section", "2-1", 3}, {"shunt", "3-3-2", 8}, {"testing", "1x16", 16}};
    }

    @DataProvider(name = "broken")
    public Object[][] broken() { throw new IllegalStateException("bell book page missing"); }

    @Test(dataProvider = "codes", groups = "bells")
    public void beatCount(String name, String code, int want) { assertEquals(beats(code), want, name); }

    @Test(dataProvider = "broken", groups = "bells")
    public void brokenBook(String code) { assertNotNull(code); }

    @Test(invocationCount = 6, groups = "bells")
    public void bellRepeats() {
        long t = System.nanoTime();
        assertTrue(t % 3 != 0, "bell rang on a third");
    }
}
"""

TNG_LEVERS = """\
package org.signalbox.test;

import static org.testng.Assert.*;
import java.util.*;
import org.testng.annotations.*;

public class InterlockingTest {
    private Map<Integer, Set<Integer>> locks;

    @BeforeMethod(groups = "levers")
    public void frame() {
        locks = new HashMap<>();
        locks.put(1, Set.of(4, 5));
        locks.put(2, Set.of(7));
        locks.put(4, Set.of(1, 1));
    }

    @Test(groups = "levers") public void lever1Locks4() { assertTrue(locks.get(1).contains(4)); }
    @Test(groups = "levers") public void lever2Locks3() { assertTrue(locks.get(2).contains(3), "lever 2 locks 3"); }
    @Test(groups = "levers", dependsOnGroups = "bells") public void afterBells() { assertEquals(locks.size(), 3); }
}
"""

TNG_REG = """\
package org.signalbox.test;

import static org.testng.Assert.*;
import java.util.*;
import org.testng.annotations.*;

public class RegisterTest {
    private List<String> lines = new ArrayList<>();

    @BeforeMethod public void open() { lines.add("08:14 2C41 offered"); }
    @AfterMethod public void close() { if (lines.size() > 2) throw new IllegalStateException("register not signed"); }
    @Test public void offered() { assertEquals(lines.get(0).substring(6), "2C41 offered"); }
    @Test public void accepted() { assertTrue(lines.get(0).endsWith("accepted"), "not accepted"); }
    @Test public void entered() { assertEquals(lines.size(), 3); }
    @Test public void outOfSection() { assertEquals(lines.get(5), "08:20 2C41 out"); }
}
"""

TNG_XML = """\
<!DOCTYPE suite SYSTEM "http://testng.org/testng-1.0.dtd">
<suite name="Signalbox" verbose="{v}">
  <test name="box">
    <groups><run><include name="bells"/><include name="levers"/></run></groups>
    <classes>
{classes}
    </classes>
  </test>
</suite>
"""


def step_testng(tmp: Path) -> None:
    d = tmp / "tng"
    write_tree(d, {"t/org/signalbox/test/BellCodeTest.java": TNG_BELLS,
                   "t/org/signalbox/test/InterlockingTest.java": TNG_LEVERS,
                   "t/org/signalbox/test/RegisterTest.java": TNG_REG})
    cp = f"{JAVA}/testng.jar:{JAVA}/jcommander.jar:{JAVA}/bsh.jar"
    run(f"javac -nowarn -cp {cp} -d out t/org/signalbox/test/*.java", cwd=d, timeout=300)
    cls = "\n".join(f'      <class name="org.signalbox.test.{n}"/>' for n in ["BellCodeTest", "InterlockingTest"])
    (d / "groups.xml").write_text(TNG_XML.format(v=2, classes=cls))
    tcp = f"out:{cp}"
    cmds = [
        ("verbose2", f"java -cp {tcp} org.testng.TestNG -d test-output -verbose 2 -testclass "
                     "org.signalbox.test.BellCodeTest,org.signalbox.test.InterlockingTest,"
                     "org.signalbox.test.RegisterTest; echo EXIT=$?"),
        ("groups-xml", f"java -cp {tcp} org.testng.TestNG -d test-output groups.xml; echo EXIT=$?"),
        ("register", f"java -cp {tcp} org.testng.TestNG -d test-output -verbose 3 -testclass "
                     "org.signalbox.test.RegisterTest; echo EXIT=$?"),
    ]
    for name, c in cmds:
        add(f"testng-{name}", c, run(c, cwd=d, timeout=300), n_testng)


# ------------------------------------------------------------------ rhino

JS_TESTS = """\
// the train register's checks, run under Rhino
var passed = 0, failed = 0;
function check(name, got, want) {
  if (got === want) { passed++; print("ok   " + name); }
  else { failed++; print("FAIL " + name + ": got " + got + ", want " + want); }
}
function beats(code) { return code.split("-").reduce(function (a, b) { return a + parseInt(b, 10); }, 0); }
var codes = {"call attention": "1", "express": "4", "stopping": "3-1", "entering": "2", "obstruction": "6",
             "cancel": "3-5", "blocking back": "3-3", "out of section": "2-1", "shunt": "3-3-2", "testing": "16"};
var want = {"call attention": 1, "express": 4, "stopping": 4, "entering": 2, "obstruction": 6, "cancel": 8,
            "blocking back": 5, "out of section": 3, "shunt": 8, "testing": 16};
for (var k in codes) { check("beats " + k, beats(codes[k]), want[k]); }
check("headway", (60 / 4).toFixed(0), 15);
check("lever count", [1, 2, 3, 4, 5].length, 5);
print(passed + " passed, " + failed + " failed");
for (var j = 0; j < 12; j++) { print("page " + j + " " + (j * 17 % 40) + " lines"); }
var pages = new Array(-1);
print("pages " + pages.length);
"""

JS_DEEP = """\
function route(box, depth) {
  return depth === 0 ? box : route(box + ">", depth - 1);
}
print(route("Ashby", 100).length);
print(route("Ashby", 200000).length);
"""

JS_JSON = """\
for (var i = 0; i < 60; i++) {
  print("register " + (800 + i) + " " + (1 + i % 3) + "ABCDE".charAt(i % 5) + (10 + i) + " " + ["offered", "accepted", "entered", "out"][i % 4]);
}
var register = '[{"time": "08:14", "head": "2C41", "event": "offered"},' +
  ' {"time": "08:15", "head": "2C41", "event": "accepted"}, {time: "08:19", "head": "1A07"}]';
var ok = JSON.parse('[{"time": "08:14"}]');
print("first " + ok[0].time);
var rows = JSON.parse(register);
print(rows.length + " rows");
"""

JS_ADAPTER = """\
for (var i = 1; i <= 36; i++) {
  print("lever " + i + " " + (i % 5 === 0 ? "reverse" : "normal") + " locks " + ((i * 7) % 36 + 1));
}
var bell = new java.lang.Runnable({ run: function () { print("ding"); } });
bell.run();
var t = new java.lang.Thread(bell, "block-bell");
t.start(); t.join();
var lever = new JavaAdapter(java.util.Comparator);
print(lever.compare(1, 2));
var list = new java.util.ArrayList();
list.add("up main");
print(list.get(3));
"""


def step_rhino(tmp: Path) -> None:
    d = tmp / "rhino"
    write_tree(d, {"register_test.js": JS_TESTS, "route.js": JS_DEEP, "register_json.js": JS_JSON,
                   "bell.js": JS_ADAPTER})
    for name, c in [("tests", "rhino register_test.js; echo EXIT=$?"), ("deep", "rhino route.js; echo EXIT=$?"),
                    ("json", "rhino register_json.js; echo EXIT=$?"), ("adapter", "rhino -w bell.js; echo EXIT=$?")]:
        add(f"rhino-{name}", c, run(c, cwd=d, timeout=120), n_rhino)


# ------------------------------------------------------------------ -Xlog:exceptions

REGISTER = """\
package org.signalbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class Register {
    static int headway(int minutes, int trains) {
        try {
            return minutes / trains;
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    static String head(Object o) {
        try {
            return (String) o;
        } catch (ClassCastException e) {
            return "????";
        }
    }

    static void sign(List<String> page, String who) {
        try {
            page.add(who);
        } catch (UnsupportedOperationException e) {
            // the page is closed
        }
    }

    static void close(List<String> page, int n) {
        try {
            if (page.size() != n) {
                throw new IllegalArgumentException("register page has " + page.size() + " lines, expected " + n);
            }
        } catch (IllegalArgumentException e) {
            throw new RuntimeException("register cannot be closed", new IllegalStateException("page unsigned", e));
        }
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        List<String> page = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object h = (i % 9 == 4) ? Integer.valueOf(i) : String.format("%d%c%02d", 1 + i % 3, 'A' + i % 5, i % 100);
            page.add(head(h) + " " + headway(60, i % 6));
            if (i % 13 == 7) {
                sign(Collections.unmodifiableList(page), "relief signalman");
            }
        }
        System.out.println("page of " + page.size());
        close(page, n + 1);
    }
}
"""


def step_xlog(tmp: Path) -> None:
    d = tmp / "xlog"
    d.mkdir()
    compile_java(d, {f"{PKG}/Register.java": REGISTER})
    for name, n, extra in [("small", 10, ""), ("mid", 70, "-XX:+UseSerialGC "), ("large", 240, "-Xint ")]:
        c = f"java {extra}-Xlog:exceptions=info -cp out org.signalbox.Register {n}; echo EXIT=$?"
        add(f"xlog-exceptions-{name}", c, run(c, cwd=d, timeout=120), n_xlog_exc)


# ------------------------------------------------------------------ jdeps --jdk-internals

INTERNALS = {
    f"{PKG}/internal/Wire.java": """\
package org.signalbox.internal;

public class Wire {
    public String path(java.net.URL u) { return sun.net.www.ParseUtil.decode(u.getPath()); }
    public Object cleaner(Object o) { return jdk.internal.ref.CleanerFactory.cleaner(); }
    public Object charset() { return sun.nio.cs.UTF_8.INSTANCE; }
}
""",
    f"{PKG}/internal/Token.java": """\
package org.signalbox.internal;

public class Token {
    public Object rng() { return new sun.security.provider.SecureRandom(); }
    public Object sig() { return new sun.misc.Signal("HUP"); }
    public String os() { return jdk.internal.util.StaticProperty.userHome(); }
}
""",
}


def step_jdeps(tmp: Path) -> None:
    d = tmp / "jdeps"
    d.mkdir()
    exports = " ".join(f"--add-exports java.base/{p}=ALL-UNNAMED" for p in
                       ("sun.net.www", "jdk.internal.ref", "sun.nio.cs", "sun.security.provider", "jdk.internal.util"))
    compile_java(d, {**INTERNALS, f"{PKG}/Box.java": BOX, f"{PKG}/Frame.java": FRAME}, extra=exports)
    run("jar --create --file signalbox-wire.jar -C out .", cwd=d, timeout=120)
    for name, c in [("jar", "jdeps --jdk-internals signalbox-wire.jar; echo EXIT=$?"),
                    ("dir", "jdeps -jdkinternals out"),
                    ("jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/jdeps --jdk-internals out; echo EXIT=$?")]:
        add(f"jdeps-internals-{name}", c, run(c, cwd=d, timeout=120), n_jdeps_int)


STEPS = [step_crash, step_jdb, step_jcmd, step_jpackage, step_ecj, step_antlr, step_proguard, step_testng,
         step_rhino, step_xlog, step_jdeps]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide387", sys.modules["__main__"])
    main()
