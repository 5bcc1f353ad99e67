#!/usr/bin/env python3
"""Capture round 574 of the compression corpus: second samples of round 561's JVM kinds (NEEDLES.md's "Round 574").
`papermill`, a hand paper mill written here in Java (vats, felts, vatmen; seeds 57410+), with faults other than
round 561's: a livelock between polite vatmen and couchers, thread-pool starvation among couchers, metaspace
exhaustion by a watermark loader, an unbounded felt-wash queue and a ream buffer past the array limit (heap
OutOfMemoryErrors), a missing module, a split package, a deep recursion through lambdas and streams. Run on openjdk 17
and read with jcmd, jstat, jhsdb, jdeps, `jar tvf` and `java --show-module-resolution`. Every extractor is round 561's,
imported from capture_wide561. Nothing captured here was compressed.

Usage:   nice python3 scripts/corpus/capture_wide574.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide574.json  as {"version": 2, "items": [...]}, ids prefixed "wide574-".
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run, write_tree  # noqa: E402
import capture_wide561 as w561  # noqa: E402  (round 561's extractors, by module and function)

ID_PREFIX = "wide574-"
DEFAULT_OUT = HERE / "data" / "wide574.json"
TMP = Path("/dev/shm/hm-corpus-wide574")
SEED = 57410
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
cap = _SIZED.cap

# ------------------------------------------------------------------ material: papermill

MILL = r'''
package paper.mill;

import java.io.InputStream;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.logging.*;
import java.util.stream.*;

public class Mill {
    static final Random RND = new Random(Long.getLong("paper.seed", 57410L));
    static final String[] SHEETS = {"Foolscap", "Pott", "Crown", "Demy", "Medium", "Royal", "Super Royal", "Imperial",
            "Elephant", "Atlas", "Antiquarian", "Double Elephant", "Colombier", "Post", "Copy", "Large Post"};
    static final String[] VATMEN = {"Whatman", "Balston", "Dickinson", "Hollingworth", "Green", "Portal", "Wookey",
            "Barcham", "Koops", "Montgolfier", "Canson", "Fabriano", "Zanders", "Hahnemuehle", "Amies", "Turkey"};

    static void log(String level, String who, String msg) {
        System.out.printf("%tT.%03d %-7s [%s] paper.mill.%s%n", new Date(), System.currentTimeMillis() % 1000,
                level, Thread.currentThread().getName(), who + " - " + msg);
    }

    // ---- a livelock: each hands the felt to the other while the other is still waiting
    static final class Felt { volatile String holder; final String name; Felt(String n, String h) { name = n; holder = h; } }
    static final class Worker { final String name; volatile boolean waiting = true; Worker(String n) { name = n; } }

    static void politeCouch(Worker me, Worker other, Felt felt) {
        long handovers = 0;
        while (me.waiting) {
            if (!me.name.equals(felt.holder)) {
                try { Thread.sleep(2); } catch (InterruptedException e) { return; }
                continue;
            }
            if (other.waiting) {
                felt.holder = other.name;
                handovers++;
                if (handovers % 2000 == 0) log("WARNING", "Vat", me.name + " handed " + felt.name + " to " + other.name + " " + handovers + " times, no sheet couched");
                continue;
            }
            log("INFO", "Vat", me.name + " couched a sheet on " + felt.name);
            me.waiting = false;
        }
    }

    static void livelock(int pairs) throws Exception {
        for (int i = 0; i < pairs; i++) {
            Worker vatman = new Worker("vatman-" + VATMEN[(2 * i) % VATMEN.length]);
            Worker coucher = new Worker("coucher-" + VATMEN[(2 * i + 1) % VATMEN.length]);
            Felt felt = new Felt("felt-" + (i + 1), vatman.name);
            new Thread(() -> politeCouch(vatman, coucher, felt), vatman.name).start();
            new Thread(() -> politeCouch(coucher, vatman, felt), coucher.name).start();
        }
        log("INFO", "Mill", pairs + " vat pairs at work");
        Thread.sleep(600_000);
    }

    // ---- thread-pool starvation: every post's task waits on a pressing task queued behind it
    static int pressPost(int post) {
        int sheets = 144 + post % 7;
        log("INFO", "Press", "pressed post " + post + " of " + sheets + " sheets");
        return sheets;
    }

    static void starve(int couchers, int posts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(couchers, new ThreadFactory() {
            int n = 0;
            public synchronized Thread newThread(Runnable r) { return new Thread(r, "coucher-pool-" + (++n)); }
        });
        List<Future<Integer>> fs = new ArrayList<>();
        for (int p = 0; p < posts; p++) {
            final int post = p;
            fs.add(pool.submit(() -> {
                log("INFO", "Coucher", "post " + post + " couched, waiting for the press");
                Future<Integer> pressed = pool.submit(() -> pressPost(post));
                return pressed.get();
            }));
        }
        log("INFO", "Mill", posts + " posts queued on " + couchers + " couchers");
        for (Future<Integer> f : fs) {
            try { f.get(600, TimeUnit.SECONDS); } catch (TimeoutException e) { log("SEVERE", "Mill", "post never pressed"); }
        }
    }

    // ---- metaspace: every watermark defined in a fresh loader, every loader kept
    static final class WatermarkLoader extends ClassLoader {
        WatermarkLoader(ClassLoader parent) { super(parent); }
        Class<?> define(byte[] b) { return defineClass("paper.mill.Watermark", b, 0, b.length); }
    }

    static byte[] watermarkBytes() throws Exception {
        try (InputStream in = Mill.class.getResourceAsStream("/paper/mill/Watermark.class")) { return in.readAllBytes(); }
    }

    static int loadWatermarks(boolean keep, int limit) throws Exception {
        byte[] b = watermarkBytes();
        List<Object> kept = new ArrayList<>();
        int n = 0;
        while (limit <= 0 || n < limit) {
            WatermarkLoader l = new WatermarkLoader(Mill.class.getClassLoader());
            Class<?> c = l.define(b);
            c.getMethods();
            if (keep) kept.add(c);
            n++;
            if (keep && n % 100 == 0) log("INFO", "Watermarks", "loaded watermark " + n + " for " + SHEETS[n / 100 % SHEETS.length] + ", " + kept.size() + " loaders kept");
            if (keep && n % 700 == 0) log("WARNING", "Watermarks", "watermark cache never evicted since start; " + kept.size() + " classes pinned");
        }
        return n;
    }

    // ---- an unbounded felt-wash queue fed faster than it is drained
    static void feltwash(int kb) throws Exception {
        BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        Thread washer = new Thread(() -> {
            int n = 0;
            try {
                while (true) {
                    queue.add(new byte[kb * 1024]);
                    n++;
                    if (n % 50 == 0) log("INFO", "Wash", "felt " + n + " queued for washing, queue " + queue.size());
                }
            } catch (OutOfMemoryError e) {
                int left = queue.size();
                queue.clear();
                log("SEVERE", "Wash", "felt feeder out of memory after " + n + " felts; dropped " + left + " unwashed felts");
                throw e;
            }
        }, "felt-feeder");
        Thread drainer = new Thread(() -> {
            try { while (true) { queue.take(); Thread.sleep(20); } } catch (InterruptedException e) { }
        }, "felt-washer");
        drainer.setDaemon(true);
        drainer.start();
        washer.start();
        washer.join();
        log("SEVERE", "Wash", "felt feeder died; " + queue.size() + " felts left in the wash queue");
        System.exit(3);
    }

    // ---- a ream buffer sized past the VM's array limit
    static long[] reamBuffer(int reams) {
        int sheets = reams * 500;
        log("INFO", "Reams", "allocating a buffer for " + reams + " reams (" + sheets + " sheets)");
        return new long[Integer.MAX_VALUE - 1];
    }

    // ---- recursion through lambdas
    static Function<Integer, Long> PRESS;
    static Function<Integer, Long> COUCH;
    static Supplier<Long> DRY;
    static {
        PRESS = post -> COUCH.apply(post + 1) + 1;
        COUCH = post -> post < 0 ? 0L : Optional.of(post).map(p -> PRESS.apply(p)).orElse(0L);
    }

    static long fold(int depth) {
        return IntStream.range(0, 1).mapToLong(i -> fold(depth + 1)).sum() + depth;
    }

    // ---- a busy mill for jcmd / jstat / jhsdb: churn, class churn, exceptions thrown and caught
    static void busy(int seconds, int workers) throws Exception {
        long end = System.currentTimeMillis() + seconds * 1000L;
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> { Thread t = new Thread(r); t.setName("vatman-" + t.getId()); return t; });
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            fs.add(pool.submit(() -> {
                Map<String, List<short[]>> loft = new HashMap<>();
                int n = 0;
                while (System.currentTimeMillis() < end) {
                    String sheet = SHEETS[ThreadLocalRandom.current().nextInt(SHEETS.length)];
                    loft.computeIfAbsent(sheet, k -> new ArrayList<>()).add(new short[128 + ThreadLocalRandom.current().nextInt(1024)]);
                    if (loft.get(sheet).size() > 400) loft.get(sheet).clear();
                    n++;
                    if (n % 300 == 0) Thread.sleep(1);
                    if (n % 20000 == 0) loadWatermarks(false, 40);
                    try {
                        if (n % 6000 == 0) Integer.parseInt(sheet + " gsm");
                        if (n % 8009 == 0) throw new IllegalStateException("felt under " + sheet + " torn at the deckle edge");
                        if (n % 11003 == 0) { Object o = sheet; Long bad = (Long) o; }
                        if (n % 13001 == 0) { int[] a = new int[2]; a[n % 5 + 2] = 1; }
                    } catch (RuntimeException e) {
                        if (n % 24000 == 0) log("WARNING", "Loft", e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                return n;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        log("INFO", "Mill", "day's sheets dried");
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "hello";
        Logger jul = Logger.getLogger("paper.mill");
        switch (mode) {
            case "feltwash": feltwash(Integer.parseInt(args[1])); break;
            case "reams": {
                try {
                    reamBuffer(Integer.parseInt(args[1]));
                } catch (OutOfMemoryError e) {
                    throw new IllegalStateException("ream buffer for " + args[1] + " reams could not be allocated", e);
                }
                break;
            }
            case "watermarks": {
                log("INFO", "Watermarks", "loading watermarks, one loader each");
                loadWatermarks(true, 0);
                break;
            }
            case "watermarks-pool": {
                ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "watermark-loader"));
                Future<Integer> f = pool.submit(() -> loadWatermarks(true, 0));
                try {
                    f.get();
                } catch (ExecutionException e) {
                    jul.log(Level.SEVERE, "watermark loader died", e);
                    throw new IllegalStateException("watermarks missing for the day's moulds", e);
                } finally {
                    pool.shutdownNow();
                }
                break;
            }
            case "press": {
                int post = RND.nextInt(40);
                log("INFO", "Press", "pressing from post " + post);
                System.out.println(PRESS.apply(post));
                break;
            }
            case "fold": {
                log("INFO", "Loft", "folding quires into reams");
                System.out.println(fold(0));
                break;
            }
            case "press-async": {
                List<CompletableFuture<Long>> cfs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    int post = RND.nextInt(40);
                    cfs.add(CompletableFuture.supplyAsync(() -> PRESS.apply(post)));
                }
                try {
                    for (CompletableFuture<Long> cf : cfs) System.out.println(cf.get());
                } catch (ExecutionException e) {
                    log("ERROR", "Press", "pressing failed: " + e.getCause());
                    throw new RuntimeException("the day's posts were not pressed", e);
                }
                break;
            }
            case "livelock": livelock(Integer.parseInt(args[1])); break;
            case "starve": starve(Integer.parseInt(args[1]), Integer.parseInt(args[2])); break;
            case "busy": busy(Integer.parseInt(args[1]), Integer.parseInt(args[2])); break;
            default: log("INFO", "Mill", "papermill ready: " + SHEETS.length + " sheet sizes, " + VATMEN.length + " vatmen");
        }
    }
}
'''


def watermark_java(rnd: random.Random) -> str:
    """A class with many methods (each load costs metaspace)."""
    body = ["package paper.mill;", "", "public class Watermark {"]
    for i in range(60):
        a, b = rnd.randint(2, 97), rnd.randint(2, 97)
        body.append(f"    public static long line{i:02d}(long x) {{ long y = x * {a} + {b}; for (int k = 0; k < {a % 7 + 1}; k++)"
                    f" y ^= (y << {b % 13 + 1}) + k; return y + \"chain-{i}-{a}\".length(); }}")
    body += ["}", ""]
    return "\n".join(body)


SHOPS = ["vats", "moulds", "felts", "posts", "presses", "sizing", "lofts", "reams", "rags", "beaters", "deckles",
         "watermarks"]
JDK_USES = {"java.logging": "java.util.logging.Logger.getLogger(\"mill\").finer(\"sheet\");",
            "java.sql": "try { java.sql.DriverManager.getConnection(\"jdbc:none:vat\"); } catch (Exception e) { }",
            "java.xml": "try { javax.xml.parsers.SAXParserFactory.newInstance().newSAXParser(); } catch (Exception e) { }",
            "java.desktop": "java.awt.Rectangle r = new java.awt.Rectangle(3, 4);",
            "java.prefs": "java.util.prefs.Preferences.userRoot();",
            "java.management": "java.lang.management.ManagementFactory.getMemoryMXBean();",
            "java.naming": "try { new javax.naming.InitialContext(); } catch (Exception e) { }"}


def cls(shop: str, c: int) -> str:
    stem = shop[:-1] if shop.endswith("s") else shop
    return f"{stem.capitalize()}{c:02d}"


def gen_shops(rnd: random.Random) -> dict:
    shops = {}
    for k, shop in enumerate(SHOPS):
        deps = rnd.sample(SHOPS[:k], min(k, rnd.randint(1, 3))) if k else []
        jdk = rnd.sample(sorted(JDK_USES), rnd.randint(1, 2))
        classes = {}
        for c in range(rnd.randint(8, 22)):
            lines = [f"package paper.{shop};", "", f"public class {cls(shop, c)} {{",
                     f"    public static int gsm() {{ return {rnd.randint(45, 640)}; }}", "    public void work() {"]
            lines += [f"        paper.{d}.{cls(d, 0)}.gsm();" for d in deps]
            lines += ["        " + JDK_USES[jdk[c % len(jdk)]], "    }", "}", ""]
            classes[cls(shop, c)] = "\n".join(lines)
        shops[shop] = (deps, jdk, classes)
    return shops


ROOT: list[Path] = []
SHOPS_INFO: dict = {}


def build(tmp: Path) -> Path:
    root = tmp / "papermill"
    rnd = random.Random(SEED)
    write_tree(root, {"src/paper.mill/paper/mill/Mill.java": MILL.lstrip("\n"),
                      "src/paper.mill/paper/mill/Watermark.java": watermark_java(rnd),
                      "src/paper.mill/module-info.java": "module paper.mill {\n    requires java.logging;\n    exports paper.mill;\n}\n"})
    out = run("mkdir -p mods/paper.mill && javac -d mods/paper.mill src/paper.mill/module-info.java "
              "src/paper.mill/paper/mill/*.java && echo OK", cwd=root, timeout=300)
    assert out.strip().endswith("OK"), out[-2000:]
    shops = gen_shops(random.Random(SEED + 1))
    SHOPS_INFO.update(shops)
    files = {}
    for shop, (deps, jdk, classes) in shops.items():
        for name, body in classes.items():
            files[f"shops/{shop}/paper/{shop}/{name}.java"] = body
        files[f"shops/{shop}/paper/{shop}/sheets.properties"] = f"shop={shop}\nseed={SEED}\n"
        reqs = "".join(f"    requires paper.{d};\n" for d in deps) + "".join(f"    requires {j};\n" for j in jdk)
        if shop == "lofts":  # declared, never used
            reqs += "    requires java.compiler;\n    requires java.scripting;\n"
        if shop == "deckles":
            reqs += "    requires java.instrument;\n    requires java.sql.rowset;\n    requires jdk.httpserver;\n"
        files[f"mshops/{shop}/module-info.java"] = f"module paper.{shop} {{\n{reqs}    exports paper.{shop};\n}}\n"
    # a split package: paper.press also holds package paper.felts
    files["split/src/module-info.java"] = "module paper.press {\n    requires java.logging;\n    exports paper.press;\n}\n"
    files["split/src/paper/press/Screw.java"] = "package paper.press;\npublic class Screw { public int turns() { return 7; } }\n"
    files["split/src/paper/felts/Felt99.java"] = "package paper.felts;\npublic class Felt99 { public int nap() { return 3; } }\n"
    write_tree(root, files)
    script = ["set -e", "mkdir -p classes jars mjars mclasses splitm"]
    for shop, (deps, jdk, classes) in shops.items():
        cp = ":".join(f"classes/{d}" for d in deps) or "."
        script.append(f"javac -nowarn -d classes/{shop} -cp {cp} $(find shops/{shop} -name '*.java')")
        script.append(f"cp shops/{shop}/paper/{shop}/sheets.properties classes/{shop}/paper/{shop}/")
        script.append(f"jar --create --file jars/{shop}.jar -C classes/{shop} .")
    for shop in shops:
        script.append(f"mkdir -p mclasses/{shop} && cp -r shops/{shop} mclasses/src-{shop} && "
                      f"cp mshops/{shop}/module-info.java mclasses/src-{shop}/ && "
                      f"(javac -nowarn -d mclasses/{shop} --module-path mjars $(find mclasses/src-{shop} -name '*.java') "
                      f"&& jar --create --file mjars/paper.{shop}.jar -C mclasses/{shop} . || echo MODFAIL {shop})")
    script += ["javac -d mclasses/press $(find split/src -name '*.java') && jar --create --file splitm/paper.press.jar -C mclasses/press .",
               "mkdir -p all && for d in classes/*; do cp -r $d/. all/; done",
               "touch -d '2021-11-02 06:41:17' all/paper/sizing/sheets.properties all/paper/rags/sheets.properties",
               "jar --create --file papermill-all.jar --main-class paper.mill.Mill -C all . -C mods/paper.mill paper",
               "mkdir -p partial && cp mjars/*.jar partial/ && rm partial/paper.sizing.jar",
               "echo OK"]
    (root / "build.sh").write_text("\n".join(script) + "\n")
    out = run("bash build.sh", cwd=root, timeout=900)
    cm.note("build: " + " | ".join(ln for ln in out.splitlines() if "MODFAIL" in ln or "error" in ln)[:400])
    assert out.strip().endswith("OK"), out[-3000:]
    cm.note("deps: " + "; ".join(f"{s}<-{','.join(d)}" for s, (d, _, _) in shops.items()))
    return root


def setup(tmp: Path) -> None:
    ROOT.append(build(tmp))


MM = "-p mods -m paper.mill/paper.mill.Mill"


def runs(tmp: Path) -> None:
    """OutOfMemoryError and StackOverflowError runs, module resolution."""
    root = ROOT[0]
    # who requires paper.sizing (for the missing-module resolution)
    needs = [s for s, (d, _, _) in SHOPS_INFO.items() if "sizing" in d] or ["sizing"]
    items = [
        ("java-oom-feltwash", f"java -Xmx32m {MM} feltwash 48; echo EXIT=$?", w561.n_java_oom),
        ("java-oom-feltwash-heapdump", f"java -Xmx24m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath={TMP}/felts.hprof {MM} feltwash 32 2>&1 | tail -n 50", w561.n_java_oom),
        ("java-oom-reams", f"java -Xmx64m {MM} reams 4294968; echo EXIT=$?", w561.n_java_oom),
        ("java-oom-metaspace", f"java -XX:MaxMetaspaceSize=20m {MM} watermarks", w561.n_java_oom),
        ("java-oom-metaspace-exit", f"java -XX:MaxMetaspaceSize=24m -XX:+ExitOnOutOfMemoryError {MM} watermarks 2>&1 | tail -n 30; echo EXIT=$?", w561.n_java_oom),
        ("java-oom-metaspace-pool", f"java -XX:MaxMetaspaceSize=16m -XX:CompressedClassSpaceSize=8m {MM} watermarks-pool", w561.n_java_oom),
        ("java-soe-press", f"java {MM} press", w561.n_java_soe),
        ("java-soe-press-tail", f"java -Xss384k -Dpaper.seed=57411 {MM} press 2>&1 | tail -n 70; echo EXIT=$?", w561.n_java_soe),
        ("java-soe-fold", f"java {MM} fold", w561.n_java_soe),
        ("java-soe-fold-head", f"java -Xss256k {MM} fold 2>&1 | head -n 160", w561.n_java_soe),
        ("java-soe-async", f"java -XX:MaxJavaStackTraceDepth=120 -Dpaper.seed=57412 {MM} press-async; echo EXIT=$?", w561.n_java_soe),
        ("modres-mill", f"java --show-module-resolution {MM}", w561.n_module_resolution),
        ("modres-all", f"java --show-module-resolution -p mods:mjars --add-modules ALL-MODULE-PATH -m paper.mill/paper.mill.Mill", w561.n_module_resolution),
        ("modres-split", "java --show-module-resolution -p mods:mjars:splitm --add-modules ALL-MODULE-PATH -m paper.mill/paper.mill.Mill; echo EXIT=$?", w561.n_module_resolution),
        ("modres-missing", f"java --show-module-resolution -p mods:partial --add-modules ALL-MODULE-PATH -m paper.mill/paper.mill.Mill 2>&1; echo EXIT=$?", w561.n_module_resolution),
    ]
    cm.note(f"paper.sizing required by: {needs}")
    for item, command, ext in items:
        cap(item, command, root, ext, timeout=240)
    run(f"rm -f {TMP}/felts.hprof", timeout=30)


def jdeps(tmp: Path) -> None:
    root = ROOT[0]
    allj = " ".join(f"jars/{s}.jar" for s in SHOPS)
    nosz = " ".join(f"jars/{s}.jar" for s in SHOPS if s not in ("sizing", "felts", "vats"))
    items = [
        ("jdeps-s-all", f"jdeps -s {allj}", w561.n_jdeps_summary),
        ("jdeps-summary-missing", f"jdeps -summary {nosz}; echo EXIT=$?", w561.n_jdeps_summary),
        ("jdeps-s-modules-r", "jdeps -s -R --module-path mjars:mods -m paper.deckles", w561.n_jdeps_summary),
        ("jdeps-s-mjars", "jdeps -s --multi-release 17 mjars/*.jar splitm/*.jar", w561.n_jdeps_summary),
        ("jdeps-missing-cp", f"jdeps --missing-deps {nosz}", w561.n_jdeps_missing),
        ("jdeps-verbose-pkg-notfound", "jdeps -verbose:package -cp jars/vats.jar:jars/moulds.jar jars/rags.jar jars/lofts.jar jars/deckles.jar jars/watermarks.jar jars/presses.jar | grep -E 'not found|->.*\\.jar$'", w561.n_jdeps_missing),
        ("jdeps-check-lofts", "jdeps --module-path mjars --check paper.lofts", w561.n_jdeps_check),
        ("jdeps-check-deckles", "jdeps --module-path mjars --check paper.deckles; echo EXIT=$?", w561.n_jdeps_check),
        ("jdeps-check-many", "jdeps --module-path mjars --check paper.reams,paper.rags,paper.beaters,paper.watermarks,paper.presses", w561.n_jdeps_check),
        ("jdeps-check-partial", "jdeps --module-path partial --check paper.lofts,paper.deckles 2>&1; echo EXIT=$?", w561.n_jdeps_check),
        ("jar-tvf-all", "jar tvf papermill-all.jar", w561.n_jar_tvf),
        ("jar-tvf-felts", "jar tvf mjars/paper.felts.jar", w561.n_jar_tvf),
        ("jar-tvf-saxon-head", "jar tvf /usr/share/java/Saxon-HE.jar | head -n 1250", w561.n_jar_tvf),
    ]
    for item, command, ext in items:
        cap(item, command, root, ext, timeout=180)


def live(tmp: Path) -> None:
    """jcmd, jstat, jhsdb against running mills."""
    root = ROOT[0]
    g1 = cm.start(["java", "-Xmx192m", "-Xlog:disable", "-p", "mods", "-m", "paper.mill/paper.mill.Mill", "busy", "500", "2"], cwd=root)
    ser = cm.start(["java", "-XX:+UseSerialGC", "-Xmx96m", "-p", "mods", "-m", "paper.mill/paper.mill.Mill", "busy", "500", "2"], cwd=root)
    ll = cm.start(["java", "-Xmx64m", "-p", "mods", "-m", "paper.mill/paper.mill.Mill", "livelock", "3"], cwd=root)
    st = cm.start(["java", "-Xmx64m", "-p", "mods", "-m", "paper.mill/paper.mill.Mill", "starve", "24", "60"], cwd=root)
    time.sleep(10)
    b, s, l, t = g1.pid, ser.pid, ll.pid, st.pid
    items = [
        ("jstat-class", f"jstat -class -t {b} 250 70", w561.n_jstat_class),
        ("jstat-class-serial", f"jstat -class -h 12 {s} 300 40; echo EXIT=$?", w561.n_jstat_class),
        ("jstat-gccap", f"jstat -gccapacity -t {b} 250 70", w561.n_jstat_gccap),
        ("jstat-gccap-serial", f"jstat -gccapacity -h 25 {s} 200 90", w561.n_jstat_gccap),
        ("jcmd-vm-info", f"jcmd {b} VM.info", w561.n_vm_info),
        ("jcmd-vm-info-serial-head", f"jcmd {s} VM.info | head -n 350", w561.n_vm_info),
        ("jcmd-vm-info-starve", f"jcmd {t} VM.info; echo EXIT=$?", w561.n_vm_info),
        ("jcmd-perf", f"jcmd {b} PerfCounter.print", w561.n_perfcounter),
        ("jcmd-perf-grep", f"jcmd {s} PerfCounter.print | grep -E 'sun\\.gc\\.(collector|policy)|java\\.cls|java\\.threads|sun\\.rt'", w561.n_perfcounter),
        ("jcmd-help", f"jcmd {s} help", w561.n_jcmd_help),
        ("jcmd-help-many", f"for c in Thread.print VM.metaspace GC.heap_info JFR.dump VM.native_memory; do jcmd {b} help $c; done", w561.n_jcmd_help),
        ("jcmd-vm-events", f"jcmd {b} VM.events", w561.n_vm_events),
        ("jcmd-vm-events-serial", f"jcmd {s} VM.events | head -n 250", w561.n_vm_events),
        ("jhsdb-jstack-livelock", f"jhsdb jstack --pid {l}", w561.n_jhsdb_jstack),
        ("jhsdb-jstack-starve", f"jhsdb jstack --pid {t}; echo EXIT=$?", w561.n_jhsdb_jstack),
        ("jhsdb-jmap-heap", f"jhsdb jmap --heap --pid {b}", w561.n_jhsdb_heap),
        ("jhsdb-jmap-heap-serial", f"jhsdb jmap --heap --pid {s}", w561.n_jhsdb_heap),
    ]
    for item, command, ext in items:
        cap(item, command, root, ext, timeout=150)
    for pr in (g1, ser, ll, st):
        cm.stop(pr)


STEPS = [setup, runs, jdeps, live]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide574", sys.modules["__main__"])
    main()
