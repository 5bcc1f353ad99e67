"""Round 19, Java: an inventory library (javac errors and -Xlint warnings, the JUnit 5 console launcher, JUnit 4's
JUnitCore, a stack trace with 'Caused by' chains) with real bugs put in. Run through capture_wide19.py."""

from __future__ import annotations

from pathlib import Path

from capture_diagnostics import needles_junit
from capture_more import n_javac, run, write_tree
from capture_redund import n_javac_many
from capture_wide import n_java
from capture_wide6 import reuse
from capture_wide10 import line_rule
from capture_wide19 import cap

JARS = Path("/usr/share/java")
CONSOLE = JARS / "junit-platform-console-standalone.jar"
JUNIT4 = f"{JARS}/junit4.jar:{JARS}/hamcrest-core.jar"

n_junit = reuse("junit-console", "test", needles_junit, (needles_junit.__doc__ or "").strip().splitlines()[0])
# JUnit 4's text runner: 'N) name(Class)' headers, the exception line under each, and the closing counts
n_junit4 = line_rule(
    "junit4-core", "test",
    "Rule 2 on JUnit 4's JUnitCore: every failure header ('1) testName(pkg.Class)') with the exception / assertion line under it, and the 'FAILURES!!!' and 'Tests run: N,  Failures: M' lines (or 'OK (N tests)').",
    hit=r"^\d+\) \w+\(|^FAILURES!!!", loc=r"\S", ahead=1, summary=r"^Tests run: \d+|^OK \(\d+ tests?\)")

# ================================================================== Java

JAVA_SRC = {
    "src/inv/Item.java": """package inv;

public record Item(String sku, String name, int qty, long priceCents) {
    public Item {
        if (qty < 0) throw new IllegalArgumentException("negative qty for " + sku);
    }
    public long value() { return qty * priceCents; }
}
""",
    "src/inv/Inventory.java": """package inv;

import java.util.*;

public class Inventory {
    private final Map<String, Item> items = new LinkedHashMap<>();

    public void put(Item it) { items.merge(it.sku(), it, (a, b) -> new Item(a.sku(), a.name(), a.qty() + b.qty(), b.priceCents())); }
    public Optional<Item> get(String sku) { return Optional.ofNullable(items.get(sku)); }
    public int size() { return items.size(); }

    public long totalValue() {
        long t = 0;
        for (Item it : items.values()) t += it.value();
        return t;
    }

    /** Items whose quantity is at or below the threshold, by sku. */
    public List<Item> lowStock(int threshold) {
        List<Item> out = new ArrayList<>();
        for (Item it : items.values()) if (it.qty() < threshold) out.add(it);
        out.sort(Comparator.comparing(Item::sku));
        return out;
    }

    public Item take(String sku, int n) {
        Item it = items.get(sku);
        Item left = new Item(sku, it.name(), it.qty() - n, it.priceCents());
        items.put(sku, left);
        return left;
    }
}
""",
    "src/inv/Pricing.java": """package inv;

public final class Pricing {
    private Pricing() {}

    /** Applies a percentage discount, rounding half up to the cent. */
    public static long discount(long cents, int percent) {
        return cents - (cents * percent) / 100;
    }

    public static long withVat(long cents, String country) {
        int rate = switch (country) {
            case "DE" -> 19;
            case "FR" -> 20;
            case "NL" -> 21;
            default -> 0;
        };
        return cents + cents * rate / 100;
    }

    public static String format(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
""",
    "src/inv/CsvLoader.java": """package inv;

import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.IntStream;

public class CsvLoader {
    public static class LoadException extends RuntimeException {
        public LoadException(String msg, Throwable cause) { super(msg, cause); }
    }

    public Inventory load(Path file) {
        try {
            return parse(Files.readAllLines(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Inventory parse(List<String> lines, String name) {
        Inventory inv = new Inventory();
        IntStream.range(1, lines.size()).filter(i -> !lines.get(i).isBlank()).mapToObj(i -> {
            try {
                return row(lines.get(i));
            } catch (RuntimeException e) {
                throw new LoadException(name + ": bad row " + (i + 1), e);
            }
        }).sorted(Comparator.comparing(Item::sku)).forEach(inv::put);
        return inv;
    }

    Item row(String line) {
        String[] f = line.split(",");
        try {
            return new Item(f[0], f[1], Integer.parseInt(f[2].trim()), Math.round(Double.parseDouble(f[3]) * 100));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cannot read quantity or price in '" + line + "'", e);
        }
    }
}
""",
    "src/inv/Main.java": """package inv;

import java.nio.file.Path;

public class Main {
    public static void main(String[] args) {
        Inventory inv = new CsvLoader().load(Path.of(args[0]));
        System.out.println(inv.size() + " items, value " + Pricing.format(inv.totalValue()));
        for (Item it : inv.lowStock(5)) System.out.println("low: " + it.sku() + " " + it.qty());
    }
}
""",
}

JAVA_TESTS = {
    "test/inv/InventoryTest.java": """package inv;

import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.*;

class InventoryTest {
    Inventory inv;

    @BeforeEach void setUp() {
        inv = new Inventory();
        inv.put(new Item("A-1", "bolt", 40, 12));
        inv.put(new Item("B-2", "nut", 5, 4));
        inv.put(new Item("C-3", "washer", 2, 1));
    }

    @Test void mergesSameSku() { inv.put(new Item("A-1", "bolt", 10, 12)); assertEquals(50, inv.get("A-1").get().qty()); }
    @Test void totalValue() { assertEquals(40 * 12 + 5 * 4 + 2, inv.totalValue()); }
    @Test void lowStockIncludesThreshold() { assertEquals(2, inv.lowStock(5).size(), "B-2 (qty 5) and C-3 (qty 2)"); }
    @Test void takeReducesQty() { assertEquals(35, inv.take("A-1", 5).qty()); }
    @Test void takeUnknownSkuThrows() { assertThrows(IllegalArgumentException.class, () -> inv.take("Z-9", 1)); }
    @Test void takeTooMany() { assertThrows(IllegalArgumentException.class, () -> inv.take("C-3", 3)); }
    @Test void sizeCountsSkus() { assertEquals(3, inv.size()); }
""" + "".join(f'    @Test void getsSku{i}() {{ inv.put(new Item("S-{i}", "part {i}", {i}, {i * 3})); '
              f'assertEquals({i}, inv.get("S-{i}").orElseThrow().qty()); }}\n' for i in range(12)) + "}\n",
    "test/inv/PricingTest.java": """package inv;

import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingTest {
    @ParameterizedTest(name = "{0} cents less {1}% = {2}")
    @CsvSource({"1000,10,900", "999,10,899", "1999,15,1699", "50,50,25", "1,50,1", "100000,0,100000", "333,33,223"})
    void discount(long cents, int pct, long want) { assertEquals(want, Pricing.discount(cents, pct)); }

    @ParameterizedTest(name = "VAT {1} on {0}")
    @CsvSource({"1000,DE,1190", "1000,FR,1200", "1000,NL,1210", "1000,US,1000", "999,DE,1189"})
    void vat(long cents, String country, long want) { assertEquals(want, Pricing.withVat(cents, country)); }

    @Test void formatsNegative() { assertEquals("-0.05", Pricing.format(-5)); }
    @Test void formatsWhole() { assertEquals("12.00", Pricing.format(1200)); }
}
""",
    "test/inv/CsvLoaderTest.java": """package inv;

import static org.junit.jupiter.api.Assertions.*;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLoaderTest {
    CsvLoader loader = new CsvLoader();

    @Test void readsRows() {
        Inventory inv = loader.parse(List.of("sku,name,qty,price", "A-1,bolt,4,0.12", "B-2,nut,7,0.04"), "t.csv");
        assertEquals(2, inv.size());
    }
    @Test void priceInCents() { assertEquals(1999, loader.row("X,thing,1,19.99").priceCents()); }
    @Test void quotedNameWithComma() { assertEquals("nut, hex", loader.row("B-2,\\"nut, hex\\",7,0.04").name()); }
    @Test void badRowNamesLine() {
        var e = assertThrows(CsvLoader.LoadException.class, () -> loader.parse(List.of("h", "A,b,x,1"), "t.csv"));
        assertEquals("t.csv: bad row 2", e.getMessage());
    }
}
""",
}

JAVA_LEGACY_TEST = """package inv;

import static org.junit.Assert.*;
import org.junit.Test;

public class LegacyPricingTest {
""" + "".join(f"    @Test public void discount{p}() {{ assertEquals({1000 - 10 * p}L, Pricing.discount(1000, {p})); }}\n"
              for p in range(0, 100, 3)) + """    @Test public void roundsHalfUp() { assertEquals("995 less 10%", 896L, Pricing.discount(995, 10)); }
    @Test public void vatUnknownCountry() { assertEquals(1000L, Pricing.withVat(1000, "de")); }
    @Test public void vatLowercase() { assertEquals(1190L, Pricing.withVat(1000, "de")); }
    @Test public void formatCents() { assertEquals("0.07", Pricing.format(7)); }
    @Test public void itemValueOverflow() { assertTrue(new Item("Q", "q", 3_000_000, 1_000_000L).value() > 0); }
    @Test(expected = IllegalArgumentException.class) public void negativeQty() { new Item("N", "n", -1, 1); }
    @Test public void formatNegative() { assertEquals("-0.05", Pricing.format(-5)); }
    @Test public void discountRoundsHalfUp() { assertEquals(1700L, Pricing.discount(1999, 15)); }
}
"""

JAVA_LEGACY_INV = """package inv;

import static org.junit.Assert.*;
import org.junit.*;

public class LegacyInventoryTest {
    private Inventory inv;

    @Before public void setUp() {
        inv = new Inventory();
        for (int i = 0; i < 20; i++) inv.put(new Item("K-" + i, "kit " + i, i, 100 + i));
    }
""" + "".join(f"    @Test public void hasKit{i}() {{ assertTrue(inv.get(\"K-{i}\").isPresent()); }}\n" for i in range(20)) + """    @Test public void takeMissingSku() { assertNull(inv.take("K-99", 1)); }
    @Test public void lowStockAtThreshold() { assertEquals(4, inv.lowStock(3).size()); }
}
"""

# -Xlint:all findings: raw types, unchecked, deprecation, fallthrough, a missing serialVersionUID, a redundant cast
JAVA_LINT = """package inv;

import java.util.*;

public class Legacy {
    static class Snapshot extends ArrayList<Item> {}

    public List loadRaw(List rows) {
        List out = new ArrayList();
        for (Object r : rows) out.add(r);
        return out;
    }

    @SuppressWarnings("deprecation")
    public Integer boxed(int v) { return new Integer(v); }

    public Long boxedLong(long v) { return new Long(v); }

    public Date legacyDate(int y) { return new Date(y, 1, 1); }

    public int weight(char size) {
        int w = 0;
        switch (size) {
            case 'S': w += 1;
            case 'M': w += 2;
            case 'L': w += 4; break;
            default: w = 0;
        }
        return w;
    }

    public List<Item> cast(Object o) { return (List<Item>) o; }

    public String name(Item it) { return (String) it.name(); }

    public Map<String, List<Item>> group(Collection items) {
        Map<String, List<Item>> m = new HashMap();
        for (Object o : items) m.computeIfAbsent(((Item) o).sku(), k -> new ArrayList()).add((Item) o);
        return m;
    }
}
"""

JAVA_BROKEN = """package inv;

import java.util.*;
import java.util.stream.Collectors;

public class Report {
    private final Inventory inv;

    public Report(Inventory inv) { this.inv = inv; }

    public String lines() {
        return inv.lowStock(10).stream().map(it -> it.sku + ": " + it.qty()).collect(Collectors.joining("\\n"));
    }

    public long value(String sku) {
        Item it = inv.get(sku);
        return it.value();
    }

    public int count() {
        int n = inv.size();
        return n + extra;
    }

    public List<String> skus() {
        List<String> out = new ArrayList<>();
        for (Item it : inv.lowStock(0)) out.add(it.priceCents());
        return out;
    }

    public String money(long c) { return Pricing.fmt(c); }

    public void print() {
        System.out.println(lines());
        Collections.sort(inv.lowStock(1), Comparator.comparing(Item::title));
    }
}
"""


def cap_java(tmp: Path) -> None:
    d = tmp / "inventory"
    write_tree(d, {**JAVA_SRC, **JAVA_TESTS, "test/inv/LegacyPricingTest.java": JAVA_LEGACY_TEST,
                   "test/inv/LegacyInventoryTest.java": JAVA_LEGACY_INV,
                   "data/stock.csv": "sku,name,qty,price\n" + "".join(f"P-{i},part {i},{i % 9},{i * 1.25:.2f}\n"
                                                                       for i in range(1, 40)) + "P-40,gasket,seven,2.10\n"})
    cp = f"{CONSOLE}:{JUNIT4}"
    run(f"javac -d build/main $(find src -name '*.java') && javac -d build/test -cp build/main:{cp} $(find test -name '*.java')",
        cwd=d, timeout=300)
    cap("junit-console-inventory",
        f"java -jar {CONSOLE} -cp build/main:build/test --scan-classpath --disable-banner --disable-ansi-colors", d, n_junit,
        timeout=300)
    cap("junit4-core-legacy", f"java -cp build/main:build/test:{JUNIT4} org.junit.runner.JUnitCore inv.LegacyPricingTest inv.LegacyInventoryTest",
        d, n_junit4, timeout=300)
    cap("java-stacktrace-csv", "java -cp build/main inv.Main data/stock.csv", d, n_java, timeout=300)
    (d / "src/inv/Legacy.java").write_text(JAVA_LINT)
    cap("javac-xlint-all", "javac -Xlint:all -d build/main $(find src -name '*.java')", d, n_javac_many, timeout=300)
    (d / "src/inv/Report.java").write_text(JAVA_BROKEN)
    cap("javac-errors-report", "javac -d build/main $(find src -name '*.java')", d, n_javac, timeout=300)


STEPS = [cap_java]
