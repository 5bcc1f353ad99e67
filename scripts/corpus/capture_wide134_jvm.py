"""Round 134, JVM (round 129's kinds, its extractors imported): `kiln`, a pottery's firing scheduler in Java. A
glaze-sample cache that is never evicted fills the heap under the Parallel and G1 collectors (-Xlog:gc*); firing
curves are plug-in classes loaded by name from a jar, one of them missing (class loading logs); two kiln threads take
the shelf and the logbook in opposite orders (jcmd Thread.print); a legacy jar of tariff code calls deprecated and
removed APIs (jdeprscan). Run through capture_wide134.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide129_jvm import n_class_load, n_gc_star_g1, n_gc_star_parallel, n_thread_print_deadlock
from capture_wide129_tools import n_jdeprscan
from capture_wide134 import add, cap

GLAZE = """import java.util.*;

public class Glaze {
    record Sample(int batch, String oxide, double cone, int[] spectrum) {}

    // the fault: every firing's samples are kept in a list nobody trims
    static final List<Sample> HISTORY = new ArrayList<>();

    public static void main(String[] a) throws Exception {
        int width = Integer.parseInt(a.length > 0 ? a[0] : "48");
        int pause = a.length > 1 ? Integer.parseInt(a[1]) : 0;
        Random rnd = new Random(134);
        String[] oxides = {"iron", "cobalt", "copper", "tin", "rutile", "chrome", "manganese"};
        int batch = 0;
        long touched = 0;
        while (true) {
            for (int i = 0; i < 120; i++) {
                int[] tmp = new int[256 + rnd.nextInt(1024)];
                touched += tmp.length;
            }
            HISTORY.add(new Sample(batch++, oxides[rnd.nextInt(oxides.length)], 6 + rnd.nextDouble() * 4,
                                   new int[width * 8]));
            if (batch % 25000 == 0) System.out.println("batch=" + batch + " kept=" + HISTORY.size());
            if (pause > 0 && batch % 50 == 0) Thread.sleep(pause);
        }
    }
}
"""

FIRING = """import java.util.*;

public class Firing {
    static final Object SHELF = new Object();
    static final Object LOGBOOK = new Object();

    static void loadShelf(String kiln) throws InterruptedException {
        synchronized (SHELF) {
            Thread.sleep(250);
            writeLog(kiln);
        }
    }

    static void writeLog(String kiln) {
        synchronized (LOGBOOK) { System.out.println(kiln + " logged"); }
    }

    // the fault: the cooling pass writes the logbook first and then wants the shelf
    static void coolDown(String kiln) throws InterruptedException {
        synchronized (LOGBOOK) {
            Thread.sleep(250);
            unloadShelf(kiln);
        }
    }

    static void unloadShelf(String kiln) {
        synchronized (SHELF) { System.out.println(kiln + " unloaded"); }
    }

    public static void main(String[] a) throws Exception {
        int burners = Integer.parseInt(a.length > 0 ? a[0] : "3");
        for (int i = 0; i < burners; i++) {
            Thread b = new Thread(() -> {
                while (true) { try { Thread.sleep(700); } catch (InterruptedException e) { return; } }
            }, "burner-" + i);
            b.setDaemon(true);
            b.start();
        }
        Thread f = new Thread(() -> { try { loadShelf("anagama"); } catch (InterruptedException e) { } }, "kiln-fire");
        Thread c = new Thread(() -> { try { coolDown("anagama"); } catch (InterruptedException e) { } }, "kiln-cool");
        f.start();
        c.start();
        f.join();
    }
}
"""

CURVES = """package kiln;

public class Curves {
    public interface Curve { double at(int minute); }

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            // the fault: curve 17 was renamed in the jar and is looked up by its old name
            String name = i == 17 && a.length > 1 ? "kiln.curves.Reduction17" : "kiln.curves.Cone" + i;
            Curve c = (Curve) Class.forName(name).getDeclaredConstructor().newInstance();
            for (int m = 0; m < 600; m += 10) sum += c.at(m);
        }
        System.out.printf("curves=%d heat=%.1f%n", n, sum);
    }
}
"""

DEPRECATED = [
    ("boxed", "return new Integer({n});", "Integer"),
    ("boxedL", "return new Long({n}L);", "Long"),
    ("boxedD", "return new Double({n}.5);", "Double"),
    ("date", "return new java.util.Date(2019, 4, {d}).getYear();", "int"),
    ("hours", "return new java.util.Date().getHours();", "int"),
    ("runfin", "Runtime.runFinalizersOnExit(true); return 0;", "int"),
    ("stop", "Thread.currentThread().stop(); return 0;", "int"),
    ("suspend", "Thread.currentThread().suspend(); return 0;", "int"),
    ("sec", "return System.getSecurityManager() == null ? 0 : 1;", "int"),
    ("inst", "try {{ return Object.class.newInstance().hashCode(); }} catch (Exception e) {{ return 0; }}", "int"),
    ("url", "return java.net.URLDecoder.decode(\"{c}%20{n}\");", "String"),
    ("bigd", "return new java.math.BigDecimal({n}).setScale(2, java.math.BigDecimal.ROUND_HALF_UP).intValue();", "int"),
]


def legacy(rnd: random.Random, n: int) -> dict[str, str]:
    files = {}
    for i in range(n):
        pkg = f"pottery.tariff.t{i % 5}"
        uses = rnd.sample(DEPRECATED, 3)
        meths = "".join(f"    static {ret} {name}{j}() {{ "
                        f"{body.format(n=rnd.randint(10, 999), d=rnd.randint(1, 28), c='abc'[j])} }}\n"
                        for j, (name, body, ret) in enumerate(uses))
        fin = "    @Override protected void finalize() {}\n" if rnd.random() < 0.25 else ""
        files[f"legacy/{pkg.replace('.', '/')}/Rate{i}.java"] = (
            f"package {pkg};\n\n@SuppressWarnings(\"all\")\npublic class Rate{i} {{\n{meths}{fin}}}\n")
    return files


def setup(tmp: Path) -> Path:
    root = tmp / "kiln"
    if (root / "curves.jar").exists():
        return root
    rnd = random.Random(1340)
    files = {"Glaze.java": GLAZE, "Firing.java": FIRING, "src/kiln/Curves.java": CURVES}
    for i in range(90):
        files[f"src/kiln/curves/Cone{i}.java"] = (
            f"package kiln.curves;\n\npublic class Cone{i} implements kiln.Curves.Curve {{\n"
            f"    public double at(int m) {{ return {rnd.uniform(800, 1300):.1f} * Math.min(1.0, m / "
            f"{rnd.randint(200, 500)}.0); }}\n}}\n")
    files.update(legacy(rnd, 64))
    write_tree(root, files)
    run("javac -d . Glaze.java Firing.java && mkdir -p classes out/legacy && javac -d classes $(find src -name '*.java')"
        " && javac --release 8 -nowarn -XDsuppressNotes -d out/legacy $(find legacy -name '*.java') 2>/dev/null;"
        " jar --create --file curves.jar -C classes . && jar --create --file kiln-tariff.jar -C out/legacy .",
        cwd=root, timeout=600)
    return root


def gc_logs(tmp: Path) -> None:
    root = setup(tmp)
    cap("gc-star-parallel-oom-tail-150", "java -XX:+UseParallelGC -Xmx40m -Xlog:gc*:stdout Glaze 160 2>&1 | "
        "tail -n 150; echo EXIT=$?", root, n_gc_star_parallel, timeout=120)
    cap("gc-star-parallel-head-400", "java -XX:+UseParallelGC -Xms16m -Xmx24m -Xlog:gc*:stdout Glaze 32 | head -n 400",
        root, n_gc_star_parallel, timeout=120)
    cap("gc-star-g1-oom-tail-200", "java -XX:+UseG1GC -Xmx40m -Xlog:gc*:stdout Glaze 200 2>&1 | tail -n 200", root,
        n_gc_star_g1, timeout=120)
    cap("gc-star-g1-grep-v-cpu-exit", "java -XX:+UseG1GC -Xmx24m -Xlog:gc*:stdout Glaze 96 2>&1 | "
        "grep -v 'gc,cpu'; echo EXIT=$?", root, n_gc_star_g1, timeout=120)
    cap("gc-star-g1-whole-small", "java -XX:+UseG1GC -Xmx16m -Xlog:gc*:stdout Glaze 64", root, n_gc_star_g1,
        timeout=120)
    cap("gc-star-parallel-file-tail-250", "java -XX:+UseParallelGC -Xmx32m -Xlog:gc*:file=gc.log:uptime,level,tags "
        "Glaze 128 > run.out 2>&1; tail -n 250 gc.log", root, n_gc_star_parallel, timeout=120)


def class_loading(tmp: Path) -> None:
    root = setup(tmp)
    cap("xlog-class-load-missing-tail-exit", "java -Xlog:class+load -cp curves.jar kiln.Curves 40 old 2>&1 | "
        "tail -n 90; echo EXIT=$?", root, n_class_load, timeout=90)
    cap("verbose-class-grep-kiln", "java -verbose:class -cp curves.jar kiln.Curves 90 | grep -v 'shared objects file'"
        " | head -n 300", root, n_class_load, timeout=90)


def thread_dump(tmp: Path) -> None:
    root = setup(tmp)
    p = cm.start(["java", "-XX:+UseSerialGC", "-Xmx64m", "Firing", "10"], cwd=root)
    try:
        time.sleep(4)
        c = f"jcmd {p.pid} Thread.print -l; echo EXIT=$?"
        add("jcmd-thread-print-l-deadlock-exit", c, run(c, cwd=root, timeout=90), n_thread_print_deadlock)
    finally:
        cm.stop(p)


def deprscan(tmp: Path) -> None:
    root = setup(tmp)
    cap("jdeprscan-tariff-jar-release-11", "jdeprscan --release 11 kiln-tariff.jar 2>&1 | head -n 250", root,
        n_jdeprscan, timeout=180)
    cap("jdeprscan-for-removal-exit", "jdeprscan --for-removal kiln-tariff.jar; echo EXIT=$?", root, n_jdeprscan,
        timeout=180)


STEPS = [gc_logs, class_loading, thread_dump, deprscan]
