"""Round 29, the JVM: `mvn test` (surefire failures) and `mvn compile` (compiler errors and -Xlint warnings) on a small
parcel-depot library written here with bugs put in, its tests widened by a seeded generator; the surefire reports
printed with cat; jstack and jmap -histo on a running depot simulator that deadlocks. Maven runs offline (-o) from
this machine's local repository, the plugins' versions pinned. Rules: NEEDLES.md ("Round 29"). Run through
capture_wide29.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from capture_data import rule4
from capture_more import groups, kind, mask, run, start, write_tree
from capture_data import stop
from capture_wide24 import table
from capture_wide29 import add, cap

POM = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example.depot</groupId>
  <artifactId>parcel-depot</artifactId>
  <version>0.4.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.10.2</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version>
      <configuration><showWarnings>true</showWarnings><compilerArgs><arg>-Xlint:all</arg></compilerArgs></configuration></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version></plugin>
  </plugins></build>
</project>
'''

PARCEL = '''package depot;

import java.util.Objects;

public final class Parcel {
    private final String id;
    private final int grams;
    private final String zone;

    public Parcel(String id, int grams, String zone) {
        if (grams < 0) throw new IllegalArgumentException("negative weight for " + id);
        this.id = Objects.requireNonNull(id);
        this.grams = grams;
        this.zone = zone;
    }

    public String id() { return id; }
    public int grams() { return grams; }
    public String zone() { return zone; }
}
'''

TARIFF = '''package depot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

public final class Tariff {
    private static final Map<String, BigDecimal> BASE = Map.of(
        "A", new BigDecimal("3.20"), "B", new BigDecimal("4.10"), "C", new BigDecimal("5.75"), "D", new BigDecimal("7.90"));

    /** Price of a parcel: the zone's base plus 0.45 per started 500 g above the first 500 g. */
    public static BigDecimal price(Parcel p) {
        BigDecimal base = BASE.get(p.zone());            // unknown zone -> NullPointerException
        int extra = (p.grams() - 500) / 500;               // bug: rounds down, "started" blocks are lost
        if (extra < 0) extra = 0;
        return base.add(new BigDecimal("0.45").multiply(BigDecimal.valueOf(extra))).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal discount(BigDecimal total, int parcels) {
        if (parcels > 10) return total.multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_UP);
        return total;                                      // bug: the 5..10 tier (5%) is missing
    }
}
'''

ROUTER = '''package depot;

import java.util.ArrayList;
import java.util.List;

public final class Router {
    private final List<String> lanes = new ArrayList<>();

    public Router(int lanes) { for (int i = 0; i < lanes; i++) this.lanes.add("L" + i); }

    /** Lane for a parcel: heavy parcels (over 20 kg) go to the last lane, the rest by zone. */
    public String lane(Parcel p) {
        if (p.grams() > 20000) return lanes.get(lanes.size());   // bug: off by one
        int k = p.zone().charAt(0) - 'A';
        return lanes.get(k % lanes.size());
    }
}
'''


def gen_tests(rng: random.Random) -> dict[str, str]:
    """Seeded test classes: prices, discounts and lanes over generated parcels (the bugs fail some)."""
    files = {}
    zones = "ABCD"
    base = {"A": 3.20, "B": 4.10, "C": 5.75, "D": 7.90}
    for c in range(6):
        body = ["package depot;", "", "import java.math.BigDecimal;", "import org.junit.jupiter.api.Test;",
                "import static org.junit.jupiter.api.Assertions.*;", "", f"class Tariff{c}Test {{"]
        for t in range(rng.randint(8, 14)):
            z = rng.choice(zones + ("E" if rng.random() < 0.08 else ""))
            g = rng.choice([120, 480, 500, 750, 1000, 1499, 2600, 4100])
            blocks = max(0, -(-(g - 500) // 500))
            want = round(base.get(z, 0) + 0.45 * blocks, 2)
            body += [f"    @Test void price_{z.lower()}_{g}g_{t}() {{",
                     f'        assertEquals(new BigDecimal("{want:.2f}"), Tariff.price(new Parcel("P{c}{t:02d}", {g}, "{z}")));',
                     "    }"]
        body += ["    @Test void discountMid() {",
                 '        assertEquals(new BigDecimal("95.00"), Tariff.discount(new BigDecimal("100.00"), 6));', "    }",
                 "}", ""]
        files[f"src/test/java/depot/Tariff{c}Test.java"] = "\n".join(body)
    body = ["package depot;", "", "import org.junit.jupiter.api.Test;", "import static org.junit.jupiter.api.Assertions.*;",
            "", "class RouterTest {", "    private final Router r = new Router(4);"]
    for t, (g, z, lane) in enumerate([(300, "A", "L0"), (300, "C", "L2"), (25000, "B", "L3"), (900, "D", "L3"),
                                      (21000, "A", "L3"), (1000, "B", "L1")]):
        body += [f"    @Test void lane{t}() {{ assertEquals(\"{lane}\", r.lane(new Parcel(\"R{t}\", {g}, \"{z}\"))); }}"]
    body += ["    @Test void negativeWeight() { assertThrows(IllegalStateException.class, () -> new Parcel(\"X\", -5, \"A\")); }",
             "}", ""]
    files["src/test/java/depot/RouterTest.java"] = "\n".join(body)
    return files


def depot_project(root: Path, seed: int) -> Path:
    files = {"pom.xml": POM, "src/main/java/depot/Parcel.java": PARCEL, "src/main/java/depot/Tariff.java": TARIFF,
             "src/main/java/depot/Router.java": ROUTER}
    files.update(gen_tests(random.Random(seed)))
    write_tree(root, files)
    return root


@kind("mvn-test", "test")
def n_mvn(lines):
    """Rules 1-3: every <<< FAILURE!/ERROR! line and the line after it, the failing tests of the Results section, every [ERROR] .java:[l,c] line, [WARNING] compiler lines one {"any"} per (shape, file), the Tests run totals, BUILD FAILURE, Failed to execute goal."""
    out, pairs, results = [], [], False
    for i, ln in enumerate(lines):
        if "<<< FAILURE!" in ln or "<<< ERROR!" in ln:
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
        if re.match(r"^\[(ERROR|WARNING)\] (Failures|Errors):\s*$", ln):
            results = True
        elif results and re.match(r"^\[(ERROR|WARNING)\]\s{3}\S", ln):
            out.append(ln)
        elif results and not re.match(r"^\[(ERROR|WARNING)\]\s{3,}", ln):
            results = False
        if re.match(r"^\[ERROR\] /\S+\.java:\[\d+,\d+\]", ln):
            out.append(ln)
        m = re.match(r"^\[WARNING\] (/\S+\.java):\[\d+,\d+\] (.*)", ln)
        if m:
            pairs.append(((m.group(1), mask(m.group(2))), ln))
        if re.match(r"^\[\w+\] Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+\s*$", ln):
            out.append(ln)
        if "BUILD FAILURE" in ln or "Failed to execute goal" in ln or "COMPILATION ERROR" in ln:
            out.append(ln)
    return out + groups(pairs)


N_MVN_COMPILE = kind("mvn-compile", "build")(lambda lines: n_mvn(lines))
N_MVN_COMPILE.__doc__ = ("Rules 1+3: every [ERROR] .java:[l,c] line, [WARNING] compiler lines one {\"any\"} per (shape, file), "
                         "COMPILATION ERROR, BUILD FAILURE and the Failed to execute goal line.")


@kind("surefire-report-txt", "test")
def n_surefire_txt(lines):
    """Rule 2: every Test set: and Tests run: line, every <<< FAILURE!/ERROR! line and the line after it."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Test set:") or ln.startswith("Tests run:"):
            out.append(ln)
        if "<<< FAILURE!" in ln or "<<< ERROR!" in ln:
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
    return out


def maven(tmp: Path) -> None:
    root = depot_project(tmp / "parcel-depot", 29)
    cap("mvn-test-depot", "mvn -B -o test", root, n_mvn, timeout=300)
    cap("surefire-report-depot", "cat target/surefire-reports/*.txt", root, n_surefire_txt)
    cap("mvn-test-depot-router", "mvn -B -o test -Dtest='RouterTest,Tariff2Test' -DtrimStackTrace=false", root, n_mvn,
        timeout=300)
    # a second checkout, mid-refactor: a renamed accessor, a missing import, raw types and a deprecated call
    broken = depot_project(tmp / "parcel-depot-refactor", 31)
    src = broken / "src/main/java/depot"
    (src / "Router.java").write_text(ROUTER.replace("p.zone().charAt(0)", "p.getZone().charAt(0)")
                                     .replace("private final List<String> lanes = new ArrayList<>();",
                                              "private final List lanes = new ArrayList();")
                                     .replace("return lanes.get(k % lanes.size());",
                                              "return (String) lanes.get(k % lanes.size());"))
    (src / "Manifest.java").write_text('''package depot;

import java.util.ArrayList;
import java.util.Date;

public class Manifest implements java.io.Serializable {
    private final List<Parcel> parcels = new ArrayList<>();
    private final Date created = new Date(2026, 11, 1);

    public void add(Parcel p) { parcels.add(p); }

    public int totalGrams() {
        int sum = 0;
        for (Parcel p : parcels) sum += p.grams;
        return sum;
    }

    public long weightKg() { return totalGrams() / 1000.0; }

    @Override protected void finalize() { parcels.clear(); }
}
''')
    (src / "Labels.java").write_text('''package depot;

import java.util.ArrayList;
import java.util.List;

public class Labels {
    public static List render(List parcels) {
        List out = new ArrayList();
        for (Object o : parcels) {
            Parcel p = (Parcel) o;
            out.add(String.format("%s %5d g zone %s", p.id(), p.grams(), p.zone()));
        }
        return out;
    }

    public static String first(List<String> labels) {
        return labels.get(0).substring(0, 12).trim();
    }
}
''')
    cap("mvn-compile-refactor", "mvn -B -o compile", broken, N_MVN_COMPILE, timeout=300)


SIM = '''package sim;

import java.util.*;
import java.util.concurrent.*;

public class DepotSim {
    static final Object belt = new Object();
    static final Object scanner = new Object();
    record Label(String id, int grams, String zone, byte[] payload) {}
    static final List<Label> labels = new ArrayList<>();
    static final Map<String, List<Label>> byZone = new HashMap<>();

    public static void main(String[] args) throws Exception {
        Random rng = new Random(29);
        for (int i = 0; i < 60000; i++) {
            Label l = new Label("P" + i, rng.nextInt(25000), "ABCD".substring(i % 4, i % 4 + 1), new byte[32 + rng.nextInt(96)]);
            labels.add(l);
            byZone.computeIfAbsent(l.zone(), z -> new ArrayList<>()).add(l);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> { Thread t = new Thread(r); t.setName("sorter-" + t.getId()); return t; });
        for (int i = 0; i < 4; i++) pool.submit(() -> { List<byte[]> keep = new ArrayList<>(); while (true) { synchronized (labels) { labels.size(); } keep.add(new byte[1 << 16]); if (keep.size() > 400) keep.clear(); Thread.sleep(4); } });
        Thread loader = new Thread(() -> { synchronized (belt) { pause(); synchronized (scanner) { System.out.println("loaded"); } } }, "belt-loader");
        Thread reader = new Thread(() -> { synchronized (scanner) { pause(); synchronized (belt) { System.out.println("scanned"); } } }, "scan-reader");
        Thread audit = new Thread(() -> { pause(); synchronized (belt) { System.out.println("audited"); } }, "nightly-audit");
        loader.start(); reader.start(); audit.start();
        System.out.println("depot simulator running");
        Thread.sleep(600000);
    }

    static void pause() { try { Thread.sleep(300); } catch (InterruptedException e) { throw new RuntimeException(e); } }
}
'''


JSTAT_COLS = ["S0", "S1", "E", "O", "M", "CCS", "YGC", "YGCT", "FGC", "FGCT", "CGC", "CGCT", "GCT"]


@kind("jstack", "log")
def n_jstack(lines):
    """Rule 5: the deadlock block's thread and waiting-to-lock lines, every BLOCKED thread's header, Found N deadlock."""
    out, inblock = [], False
    for i, ln in enumerate(lines):
        if ln.startswith("Found one Java-level deadlock"):
            inblock = True
            out.append(ln)
        elif ln.startswith("Java stack information for the threads listed above"):
            inblock = False
        elif inblock and (ln.startswith('"') or "waiting to lock" in ln):
            out.append(ln)
        if "java.lang.Thread.State: BLOCKED" in ln and i and lines[i - 1].startswith('"'):
            out.append(lines[i - 1])
        if re.match(r"^Found \d+ deadlocks?\.", ln):
            out.append(ln)
    return out


@kind("jmap-histo", "table")
def n_jmap(lines):
    """Rules 4+5: the header, the three largest rows by bytes, every row of the application's own classes, the Total line."""
    hdr = next((ln for ln in lines if re.match(r"^\s*num\s+#instances", ln)), None)
    rows = [(ln, m) for ln in lines if (m := re.match(r"^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", ln))]
    top = sorted(rows, key=lambda r: -int(r[1].group(2)))[:3]
    out = [hdr] + [r[0] for r in top] + [r[0] for r in rows if r[1].group(3).startswith("sim.")]
    return out + [ln for ln in lines if ln.startswith("Total")]


def jvm_tools(tmp: Path) -> None:
    root = tmp / "depot-sim"
    write_tree(root, {"src/sim/DepotSim.java": SIM})
    run("javac -d classes src/sim/DepotSim.java", cwd=root, timeout=120)
    p = start("exec java -Xmx256m -cp classes sim.DepotSim", cwd=root)
    try:
        time.sleep(4)
        cap("jstack-depot-sim", f"jstack {p.pid}", root, n_jstack, timeout=60)
        raw = run(f"jmap -histo:live {p.pid}", cwd=root, timeout=60)
        add("jmap-histo-depot-sim", f"jmap -histo:live {p.pid}", raw, n_jmap)
        cap("jstat-gcutil-depot-sim", f"jstat -gcutil {p.pid} 250 24", root, N_JSTAT, timeout=60)
    finally:
        stop(p)


N_JSTAT = table("jstat-gcutil", "table", "Rule 4: the header and, per column, the rows with its minimum and maximum.",
                header=r"^\s*S0\s+S1\s+E\s+O", names=JSTAT_COLS, nums=JSTAT_COLS, row=r"^\s*[\d.-]+\s+[\d.-]+\s")


@kind("keytool-list-v", "listing")
def n_keytool(lines):
    """Rule 5: Keystore type, the entry count, each entry's Alias name, Entry type, Owner and Valid from ... until lines."""
    return [ln for ln in lines if re.match(r"^(Keystore type|Your keystore contains|Alias name|Entry type|Owner|Valid from)", ln)]


def keystore(tmp: Path) -> None:
    root = tmp / "keys"
    root.mkdir()
    ks = "-keystore depot.p12 -storetype PKCS12 -storepass changeit -keypass changeit"
    for alias, dname, extra in [("depot-web", "CN=depot.example.invalid, OU=Web, O=Parcel Depot, C=NO", "-keyalg RSA -keysize 2048 -validity 397"),
                                ("depot-api", "CN=api.depot.example.invalid, O=Parcel Depot, C=NO", "-keyalg EC -groupname secp256r1 -validity 90"),
                                ("legacy-sftp", "CN=sftp.depot.example.invalid, O=Parcel Depot, C=NO", "-keyalg RSA -keysize 1024 -startdate -400d -validity 365"),
                                ("signing-2026", "CN=Depot Release Signing, O=Parcel Depot, C=NO", "-keyalg RSA -keysize 3072 -validity 730 -ext KeyUsage=digitalSignature")]:
        run(f"keytool -genkeypair -alias {alias} -dname '{dname}' {extra} {ks}", cwd=root, timeout=60)
    run(f"keytool -exportcert -alias depot-web -file web.crt {ks} && keytool -importcert -noprompt -alias partner-ca "
        f"-file web.crt -keystore trust.p12 -storetype PKCS12 -storepass changeit", cwd=root, timeout=60)
    cap("keytool-list-v-depot", "keytool -list -v -keystore depot.p12 -storepass changeit", root, n_keytool)


STEPS = [maven, jvm_tools, keystore]
