"""Round 101, builds: a rail freight yard's planning code (`yardplan`, Java, written here with bugs put in and widened
by seeded siding classes) built with Debian's Apache Ant (javac through ant, the junit and junitlauncher tasks,
-verbose, -projecthelp), Maven offline against /usr/share/maven-repo and javadoc -Xdoclint:all. The extractors are this round's (NEEDLES.md, "Round 101"). Run through capture_wide101.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import any_of, groups, kind, mask, next_match, prev_match, run, write_tree
from capture_wide101 import add, cap, exit_lines

# ------------------------------------------------------------------ extractors

JAVAC_ERR = re.compile(r"\S+\.java:\d+: error:")
JAVAC_WARN = re.compile(r"(\S+\.java):\d+: warning:\s*(.*)")


def _javac_lines(lines: list[str]) -> list:
    """javac's lines (bare or behind ant's `[javac]`): errors, warnings grouped, count lines."""
    out, warn = [], []
    for ln in lines:
        if JAVAC_ERR.search(ln):
            out.append(ln)
        else:
            m = JAVAC_WARN.search(ln)
            if m:
                warn.append(((mask(m.group(2)), m.group(1)), ln))
            elif re.search(r"^\s*(\[javac\]\s*)?(\d+ errors?|\d+ warnings?)$", ln):
                out.append(ln)
            elif re.search(r"\[javac\] warning: \[|^warning: \[", ln):
                warn.append(((mask(ln.split("warning:", 1)[1]), ""), ln))
    return out + groups(warn)


def _ant_end(lines: list[str]) -> list:
    """BUILD FAILED / SUCCESSFUL, the build.xml:N: lines saying why, the header of the target that failed."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"BUILD (FAILED|SUCCESSFUL)", ln):
            out.append(ln)
            if ln.startswith("BUILD FAILED"):
                out.append(prev_match(lines, i, r"^[\w.-]+:$", back=400))
        elif re.search(r"build\.xml:\d+:", ln):
            out.append(ln)
    return out


@kind("ant-javac", "build")
def n_ant_javac(lines):
    """Round 101: every `[javac] file:line: error:` line, warnings one {"any"} per (message shape, file), the N errors / N warnings lines, BUILD FAILED/SUCCESSFUL with the build.xml:N: line and the failing target's header, any EXIT= line."""
    return _javac_lines(lines) + _ant_end(lines) + exit_lines(lines)


@kind("ant-junit", "test")
def n_ant_junit(lines):
    """Round 101: every `Testcase: …: FAILED` / `Caused an ERROR` line with the line after it, every `Tests run:` line with failures or errors (and its Testsuite line), every `Test … FAILED` line, BUILD FAILED and build.xml:N:, any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"Testcase: .*(FAILED|Caused an ERROR)", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.search(r"Tests run: \d+, Failures: (\d+), Errors: (\d+)", ln):
            m = re.search(r"Failures: (\d+), Errors: (\d+)", ln)
            if m.group(1) != "0" or m.group(2) != "0":
                out.append(ln)
                out.append(prev_match(lines, i, r"Testsuite: ", back=3))
        elif re.search(r"\bTest \S+ FAILED", ln):
            out.append(ln)
    return out + _javac_lines(lines) + _ant_end(lines) + exit_lines(lines)


@kind("ant-junitlauncher", "test")
def n_ant_junitlauncher(lines):
    """Round 101: every line naming a failing test with the first assertion/exception line after it, every `Tests run:` line with failures/errors/aborted not 0, BUILD FAILED / build.xml:N: / BUILD SUCCESSFUL and the failure property's echo, any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"Testcase: .*(FAILED|Caused an ERROR)|\b(FAILED|ABORTED)\b|Test \S+ FAILED", ln) \
                and "Tests run:" not in ln and not ln.startswith("BUILD"):
            out.append(ln)
            if "Testcase:" in ln and i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
            else:
                out.append(next_match(lines, i, r"(Error|Exception|Failure)\b.*:", ahead=3))
        elif "Tests run:" in ln:
            nums = re.findall(r"(Failures|Errors|Aborted|failed|aborted): (\d+)", ln)
            if any(v != "0" for _, v in nums):
                out.append(ln)
        elif re.search(r"\[echo\].*(fail|FAIL)", ln):
            out.append(ln)
    return out + _javac_lines(lines) + _ant_end(lines) + exit_lines(lines)


@kind("ant-verbose", "build")
def n_ant_verbose(lines):
    """Round 101: the Buildfile: line, the `Build sequence for target(s)` line, every target header line, every `[javac] Compiling N source files` line, ant-javac's lines, BUILD and Total time lines."""
    out = []
    for ln in lines:
        if re.match(r"Buildfile: |Build sequence for target|Total time:", ln) or re.match(r"^[\w.-]+:$", ln) \
                or re.search(r"\[javac\] Compiling \d+ source file", ln):
            out.append(ln)
    return out + _javac_lines(lines) + _ant_end(lines) + exit_lines(lines)


@kind("ant-projecthelp", "build")
def n_ant_projecthelp(lines):
    """Round 101: the Buildfile: line, the Main targets / Other targets headers, every target line, the Default target line."""
    out, inside = [], False
    for ln in lines:
        if re.match(r"Buildfile: |Default target:", ln):
            out.append(ln)
        elif re.match(r"(Main|Other|Sub) targets:", ln):
            out.append(ln)
            inside = True
        elif inside and re.match(r"^ \S", ln):
            out.append(ln)
    return out + exit_lines(lines)


MVN_BOILER = re.compile(r"^\[ERROR\] -> \[Help 1\]$|To see the full stack trace|Re-run Maven using|For more information about"
                        r"|\[Help 1\] http|^\[ERROR\]\s*$")


@kind("mvn-offline", "build")
def n_mvn_offline(lines):
    """Round 101: every [ERROR] line that says something (not Maven's boilerplate), [WARNING] lines one {"any"} per message shape, BUILD FAILURE/SUCCESS, any Tests run: totals line, any EXIT= line."""
    out, warn = [], []
    for ln in lines:
        if ln.startswith("[ERROR]") and not MVN_BOILER.search(ln):
            out.append(ln)
        elif ln.startswith("[WARNING]") and ln[9:].strip():
            warn.append((mask(ln[9:]), ln))
        elif re.match(r"\[INFO\] BUILD (FAILURE|SUCCESS)|\[\w+\] Tests run:", ln):
            out.append(ln)
    return out + groups(warn) + exit_lines(lines)


@kind("javadoc-doclint", "doc")
def n_javadoc_doclint(lines):
    """Round 101: every file:line: error: line, warning: lines one {"any"} per (message shape, file), the N errors / N warnings lines, javadoc: error lines, any EXIT= line."""
    out = [ln for ln in lines if re.match(r"javadoc: error", ln)]
    return out + _javac_lines(lines) + exit_lines(lines)


# ------------------------------------------------------------------ the project: yardplan

WAGON = """package org.yardplan;

import java.io.Serializable;

/**
 * A freight wagon standing in the yard.
 */
public class Wagon implements Serializable {
    private final String id;
    private final int tareKg;
    private int loadKg;
    private final String kind;

    /**
     * A wagon.
     * @param id the wagon number
     * @param tareKg empty weight
     */
    public Wagon(String id, int tareKg, String kind) {
        this.id = id;
        this.tareKg = tareKg;
        this.kind = kind;
    }

    public String getId() { return id; }

    /** @return the gross weight in kg */
    public int grossKg() { return tareKg + loadKg; }

    /**
     * Loads the wagon.
     * @param kg how much
     * @throws IllegalStateException when over the axle limit
     * @throws java.io.IOException never
     */
    public void load(int kg) {
        if (kg < 0) throw new IllegalArgumentException("negative load " + kg);
        loadKg += kg;
    }

    /** The wagon's kind, <b>upper-case. */
    public String kind() { return kind; }
}
"""

TRAIN = """package org.yardplan;

import java.util.ArrayList;
import java.util.List;

/**
 * A train made up on a departure road.
 *
 * <p>See {@link Yard#depart(Train)} and {@link Timetable}.</p>
 */
public class Train {
    private final String headcode;
    private final List<Wagon> wagons = new ArrayList<>();
    private final int maxLengthM;

    public Train(String headcode, int maxLengthM) {
        this.headcode = headcode;
        this.maxLengthM = maxLengthM;
    }

    /** @param w the wagon to attach */
    public void attach(Wagon w) {
        if (wagons.size() * 15 > maxLengthM) {
            throw new IllegalStateException("train " + headcode + " too long");
        }
        wagons.add(w);
    }

    /** @return the train's gross tonnes */
    public int tonnes() {
        int kg = 0;
        for (Wagon w : wagons) kg += w.grossKg();
        return kg / 1000;
    }

    public int size() { return wagons.size(); }

    public String headcode() { return headcode; }
}
"""

TARIFF = """package org.yardplan;

/**
 * Shunting and siding charges.
 */
public final class Tariff {
    private Tariff() {}

    /**
     * Charge for standing on a siding.
     * @param hours hours stood
     * @param wagons number of wagons
     * @return the charge in cents
     */
    public static long standing(int hours, int wagons) {
        int free = 4;
        if (hours <= free) return 0;
        return (hours - free) * wagons * 350;
    }

    /**
     * Shunt moves charged per move, cheaper at night.
     * @param moves number of moves
     * @param night whether between 22 and 6
     * @return cents
     */
    public static long shunt(int moves, boolean night) {
        long per = night ? 900 : 1200;
        return moves * per - (moves > 10 ? 1000 : 0) * 2;
    }

    /**
     * Weight class of a wagon.
     * @param grossKg gross weight
     * @return A, B or C
     */
    public static char weightClass(int grossKg) {
        if (grossKg < 20000) return 'A';
        if (grossKg < 60000) return 'B';
        return 'B';
    }
}
"""

YARD = """package org.yardplan;

import java.util.HashMap;
import java.util.Map;

/**
 * The yard: its roads and the trains on them.
 */
public class Yard {
    private final Map<String, Train> roads = new HashMap<>();

    /**
     * Puts a train on a road.
     * @param road the road
     * @param t the train
     */
    public void place(String road, Train t) {
        if (roads.containsKey(road)) throw new IllegalStateException("road " + road + " occupied");
        roads.put(road, t);
    }

    /**
     * Departs a train.
     * @param t the train
     * @return the road it left
     */
    public String depart(Train t) {
        for (Map.Entry<String, Train> e : roads.entrySet()) {
            if (e.getValue() == t) {
                return e.getKey();
            }
        }
        return null;
    }

    public int occupied() { return roads.size(); }
}
"""

# bugs put in for the failing compile: each a javac error
BROKEN = {
    "src/main/java/org/yardplan/Timetable.java": """package org.yardplan;

import java.util.List;
import java.util.ArrayList;

public class Timetable {
    private final List<String> slots = new ArrayList<>();

    public int add(String headcode, int minute) {
        if (minute > 1440) return "late";
        slots.add(headcode + "@" + minute);
        return slots.size();
    }

    public String first() {
        return slot.get(0);
    }

    public int count() {
        int n = slots.size();
        return n + slots.length;
    }
}
""",
    "src/main/java/org/yardplan/Hump.java": """package org.yardplan;

public class Hump {
    public int speed(Wagon w) {
        int kmh = w.grossKg() / 4000;
        if (kmh > 15) {
            return 15;
        }
    }

    public void push(Train t) {
        t.detach(0);
        Wagon w = new Wagon("X1", 22000);
    }
}
""",
}

LINT_BITS = [
    # (field/method source using a seeded number k); each one gives a -Xlint warning
    "    public java.util.List raw{k}() {{ java.util.List l = new java.util.ArrayList(); l.add(\"w{k}\"); return l; }}\n",
    "    public Integer boxed{k}() {{ return new Integer({k}); }}\n",
    "    public int fall{k}(int x) {{ int r = 0; switch (x) {{ case 1: r += {k}; case 2: r += 2; break; default: r = -1; }} return r; }}\n",
    "    public int cast{k}(int x) {{ return (int) x + {k}; }}\n",
    "    public int div{k}() {{ return {k} / 0; }}\n",
    "    public boolean empty{k}(int x) {{ if (x > {k}); return x > 0; }}\n",
    "    @Deprecated public void old{k}() {{ }}\n    public void callOld{k}() {{ new java.util.Date(2020, 1, {k}); }}\n",
    "    public void finalize() {{ }}\n",
]


def siding_class(rnd: random.Random, i: int, doc: bool) -> str:
    """A seeded siding class with -Xlint warnings (raw types, deprecation, fallthrough, casts, divzero) and, when
    `doc`, javadoc comments missing @param / @return or with bad HTML."""
    name = f"Siding{i:03d}"
    body = [f"package org.yardplan.sidings;\n\nimport java.io.Serializable;\n\n"]
    if doc:
        body.append(f"/**\n * Siding {i}, {rnd.choice(['north', 'south', 'east', 'west'])} fan.\n */\n")
    body.append(f"public class {name} implements Serializable {{\n")
    length = rnd.randint(180, 900)
    body.append(f"    private int lengthM = {length};\n")
    picks = rnd.sample(range(len(LINT_BITS)), rnd.randint(2, 4))
    for p in picks:
        k = rnd.randint(1, 97)
        if doc:
            style = rnd.choice(["ok", "noparam", "noreturn", "html", "none", "link"])
            if style == "ok":
                body.append("    /**\n     * Helper.\n     * @return a value\n     */\n")
            elif style == "noreturn":
                body.append("    /**\n     * Helper without its return tag.\n     */\n")
            elif style == "html":
                body.append("    /**\n     * Helper <p/> with <tt>old</tt> & bad html.\n     * @return x\n     */\n")
            elif style == "link":
                body.append(f"    /**\n     * See {{@link Siding{i + 1000:04d}}}.\n     * @return x\n     */\n")
            elif style == "noparam":
                body.append("    /**\n     * Helper.\n     * @param y not a parameter\n     * @return x\n     */\n")
        body.append(LINT_BITS[p].format(k=k))
    body.append(f"    public int capacity(int wagonLengthM) {{ return lengthM / wagonLengthM; }}\n}}\n")
    return "".join(body)


TEST4 = """package org.yardplan;

import static org.junit.Assert.*;
import org.junit.Test;

public class TariffTest {
    @Test public void freeHours() { assertEquals(0, Tariff.standing(3, 10)); }
    @Test public void standingCharge() { assertEquals(7000L, Tariff.standing(6, 10)); }
    @Test public void nightShunt() { assertEquals(9000L, Tariff.shunt(10, true)); }
    @Test public void bulkDiscount() { assertEquals(13200L, Tariff.shunt(12, false)); }
    @Test public void heavyClass() { assertEquals('C', Tariff.weightClass(80000)); }
}
"""

TEST4_TRAIN = """package org.yardplan;

import static org.junit.Assert.*;
import org.junit.Test;

public class TrainTest {
    @Test public void tonnes() {
        Train t = new Train("6M45", 600);
        Wagon w = new Wagon("W1", 22000, "box");
        w.load(40000);
        t.attach(w);
        assertEquals(62, t.tonnes());
    }
    @Test public void tooLong() {
        Train t = new Train("6M46", 30);
        for (int i = 0; i < 4; i++) t.attach(new Wagon("W" + i, 20000, "flat"));
        fail("a 30 m road took 4 wagons");
    }
    @Test public void negativeLoad() {
        new Wagon("W9", 20000, "tank").load(-5);
    }
    @Test public void departUnknown() {
        Yard y = new Yard();
        assertNotNull("unknown train departs from a road", y.depart(new Train("0Z00", 100)));
    }
}
"""


def test4_siding(rnd: random.Random, i: int) -> str:
    """A seeded junit4 test class over one siding; about one in three has a failing expectation."""
    cls = f"Siding{i:03d}"
    tests = []
    for j in range(rnd.randint(3, 7)):
        wl = rnd.choice([12, 15, 18, 20])
        bad = rnd.random() < 0.12
        tests.append(f"    @Test public void capacity{j}() {{\n"
                     f"        {cls} s = new {cls}();\n"
                     f"        assertTrue(\"capacity for {wl} m wagons\", s.capacity({wl}) {'>' if not bad else '<'} 0);\n"
                     f"    }}\n")
    if rnd.random() < 0.1:
        tests.append(f"    @Test public void zeroLength() {{ new {cls}().capacity(0); }}\n")
    return (f"package org.yardplan.sidings;\n\nimport static org.junit.Assert.*;\nimport org.junit.Test;\n\n"
            f"public class {cls}Test {{\n" + "".join(tests) + "}\n")


TEST5 = """package org.yardplan;

import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YardJupiterTest {
    @Test void placeTwiceFails() {
        Yard y = new Yard();
        y.place("R1", new Train("1A01", 300));
        assertThrows(IllegalStateException.class, () -> y.place("R1", new Train("1A02", 300)));
    }

    @Test void departReturnsRoad() {
        Yard y = new Yard();
        Train t = new Train("4L22", 500);
        y.place("R7", t);
        assertEquals("R8", y.depart(t), "road the train left");
    }

    @ParameterizedTest(name = "class of {0} kg is {1}")
    @CsvSource({"10000, A", "30000, B", "70000, C", "90000, C"})
    void weightClasses(int kg, char expected) {
        assertEquals(expected, Tariff.weightClass(kg));
    }

    @Test void timeoutShunt() {
        assertTimeout(java.time.Duration.ofMillis(50), () -> Thread.sleep(200));
    }

    @Test @Disabled("hump not wired yet") void hump() { }

    @Test void assumptionAborts() {
        Assumptions.assumeTrue(System.getenv("YARD_LIVE") != null, "no live yard");
    }

    @Nested class Charges {
        @Test void standingIsLinear() {
            assertAll("standing",
                () -> assertEquals(350L, Tariff.standing(5, 1)),
                () -> assertEquals(3500L, Tariff.standing(5, 10)),
                () -> assertEquals(0L, Tariff.standing(5, 0)));
        }
        @Test void nightShuntCheaper() {
            assertTrue(Tariff.shunt(12, true) < Tariff.shunt(12, false) - 5000, "night saving over 50.00");
        }
    }
}
"""

BUILD_XML = """<?xml version="1.0" encoding="UTF-8"?>
<project name="yardplan" default="jar" basedir=".">
  <description>Rail freight yard planning: sidings, trains, tariffs.</description>
  <property name="src" location="src/main/java"/>
  <property name="test.src" location="src/test/java"/>
  <property name="test5.src" location="src/test5/java"/>
  <property name="build" location="build"/>
  <property name="lint" value="-Xlint:all"/>
  <path id="junit4.path">
    <pathelement location="/usr/share/java/junit4.jar"/>
    <pathelement location="/usr/share/java/hamcrest-core.jar"/>
  </path>
  <path id="junit5.path">
    <fileset dir="/usr/share/java" includes="junit-jupiter-api.jar junit-jupiter-engine.jar junit-jupiter-params.jar
      junit-platform-commons.jar junit-platform-engine.jar junit-platform-launcher.jar opentest4j.jar apiguardian-api.jar"/>
  </path>

  <target name="init">
    <mkdir dir="${build}/classes"/>
    <mkdir dir="${build}/test-classes"/>
    <mkdir dir="${build}/test5-classes"/>
  </target>

  <target name="compile" depends="init" description="compile the yard's sources">
    <javac srcdir="${src}" destdir="${build}/classes" includeantruntime="false" debug="true" release="17">
      <compilerarg value="${lint}"/>
      <compilerarg value="-Xmaxwarns"/>
      <compilerarg value="2000"/>
    </javac>
  </target>

  <target name="compile-tests" depends="compile">
    <javac srcdir="${test.src}" destdir="${build}/test-classes" includeantruntime="false" debug="true">
      <classpath><pathelement location="${build}/classes"/><path refid="junit4.path"/></classpath>
    </javac>
  </target>

  <target name="compile-tests5" depends="compile">
    <javac srcdir="${test5.src}" destdir="${build}/test5-classes" includeantruntime="false" debug="true">
      <classpath><pathelement location="${build}/classes"/><path refid="junit5.path"/></classpath>
    </javac>
  </target>

  <target name="test" depends="compile-tests" description="run the junit4 tests">
    <junit printsummary="yes" haltonfailure="no" failureproperty="tests.failed" fork="yes">
      <classpath>
        <pathelement location="${build}/classes"/><pathelement location="${build}/test-classes"/>
        <path refid="junit4.path"/>
      </classpath>
      <formatter type="${junit.formatter}" usefile="false"/>
      <batchtest><fileset dir="${test.src}" includes="**/*Test.java"/></batchtest>
    </junit>
    <fail if="tests.failed" message="junit tests failed"/>
  </target>

  <target name="test5" depends="compile-tests5" description="run the JUnit 5 tests through junitlauncher">
    <junitlauncher haltOnFailure="${halt5}" printSummary="true" failureproperty="tests5.failed">
      <classpath>
        <pathelement location="${build}/classes"/><pathelement location="${build}/test5-classes"/>
        <path refid="junit5.path"/>
      </classpath>
      <testclasses outputdir="${build}">
        <fileset dir="${build}/test5-classes" includes="**/*Test.class"/>
        <listener type="${listener5}" sendSysOut="true" useLegacyReportingName="${legacy5}"/>
      </testclasses>
    </junitlauncher>
    <echo message="junit5 failures: ${tests5.failed}"/>
  </target>

  <target name="jar" depends="compile" description="package the yard library">
    <jar destfile="${build}/yardplan.jar" basedir="${build}/classes"/>
  </target>

  <target name="javadoc" depends="init" description="API documentation">
    <javadoc sourcepath="${src}" destdir="${build}/api" additionalparam="-Xdoclint:all" failonerror="true"/>
  </target>

  <target name="dist" depends="jar,javadoc" description="jar and docs into dist/">
    <mkdir dir="dist"/>
    <copy file="${build}/yardplan.jar" todir="dist"/>
  </target>

  <target name="clean" description="remove the build">
    <delete dir="${build}"/><delete dir="dist"/>
  </target>
  <property name="junit.formatter" value="plain"/>
  <property name="listener5" value="legacy-plain"/>
  <property name="legacy5" value="true"/>
  <property name="halt5" value="false"/>
</project>
"""


def make_yard(root: Path, n_sidings: int, seed: int, broken: bool = False, doc: bool = True,
              sidings_tests: int = 0) -> None:
    rnd = random.Random(seed)
    files = {
        "build.xml": BUILD_XML,
        "src/main/java/org/yardplan/Wagon.java": WAGON,
        "src/main/java/org/yardplan/Train.java": TRAIN,
        "src/main/java/org/yardplan/Tariff.java": TARIFF,
        "src/main/java/org/yardplan/Yard.java": YARD,
        "src/test/java/org/yardplan/TariffTest.java": TEST4,
        "src/test/java/org/yardplan/TrainTest.java": TEST4_TRAIN,
        "src/test5/java/org/yardplan/YardJupiterTest.java": TEST5,
    }
    if broken:
        files.update(BROKEN)
    else:
        files["src/main/java/org/yardplan/Timetable.java"] = (
            "package org.yardplan;\n\n/** Departure slots. */\npublic class Timetable {\n"
            "    /** @return slots per day */\n    public int slotsPerDay() { return 96; }\n}\n")
    for i in range(n_sidings):
        files[f"src/main/java/org/yardplan/sidings/Siding{i:03d}.java"] = siding_class(rnd, i, doc)
    for i in range(sidings_tests):
        files[f"src/test/java/org/yardplan/sidings/Siding{i:03d}Test.java"] = test4_siding(rnd, i)
    write_tree(root, files)


DEPLOY_XML_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<project name="yardplan-deploy" default="deploy-all" basedir=".">
  <description>Deploys the yard planner to the depots' signal boxes.</description>
  <target name="check-env"><echo message="checking"/></target>
"""


def deploy_xml(rnd: random.Random, n: int) -> str:
    """A seeded deployment build file: one target per depot, some with descriptions, some internal."""
    depots = ["Tinsley", "Toton", "Wembley", "Mossend", "Doncaster", "Carlisle", "Bescot", "Hither Green",
              "Warrington", "Whitemoor", "Temple Mills", "Millerhill", "Eastleigh", "Tyne", "Crewe Basford"]
    parts, names = [DEPLOY_XML_HEAD], []
    for i in range(n):
        d = depots[i % len(depots)]
        name = f"deploy-{d.lower().replace(' ', '-')}-{i // len(depots) + 1}"
        names.append(name)
        desc = f' description="push yardplan to {d} box {i // len(depots) + 1} ({rnd.choice(["night", "day", "weekend"])} window)"' \
            if rnd.random() < 0.7 else ""
        parts.append(f'  <target name="{name}" depends="check-env"{desc}><echo message="{d}"/></target>\n')
        if rnd.random() < 0.3:
            parts.append(f'  <target name="-verify-{name[7:]}"><echo message="verify"/></target>\n')
    parts.append(f'  <target name="deploy-all" depends="{",".join(names[:8])}" description="every depot in turn"/>\n'
                 '  <target name="rollback" description="restore the previous jar on every box"/>\n</project>\n')
    return "".join(parts)


def ant(tmp: Path) -> None:
    big, small, broken = tmp / "yard-big", tmp / "yard", tmp / "yard-broken"
    make_yard(big, 48, 10101, sidings_tests=60)
    make_yard(small, 6, 10102, sidings_tests=6)
    make_yard(broken, 12, 10103, broken=True)
    (small / "deploy.xml").write_text(deploy_xml(random.Random(10104), 44))
    nolint = "-Dlint=-Xlint:none"
    # javac through ant
    cap("ant-compile-lint-48-sidings", "ant compile", big, n_ant_javac)
    run("ant -q clean", cwd=big)
    cap("ant-compile-grep-warning", "ant compile 2>&1 | grep -i warning", big, n_ant_javac)
    cap("ant-compile-broken", "ant compile", broken, n_ant_javac)
    cap("ant-jar-broken-tail", "ant jar 2>&1 | tail -n 40; echo EXIT=$?", broken, n_ant_javac)
    run("ant -q clean", cwd=small)
    cap("ant-compile-small-lint-tail", "ant compile 2>&1 | tail -n 80", small, n_ant_javac)
    # ant -verbose
    run("ant -q clean", cwd=small)
    cap("ant-verbose-compile", f"ant -verbose {nolint} compile", small, n_ant_verbose)
    cap("ant-verbose-jar-tail", "ant -verbose jar 2>&1 | tail -n 120", small, n_ant_verbose)
    run("ant -q clean", cwd=broken)
    cap("ant-verbose-broken-tail", "ant -verbose compile 2>&1 | tail -n 150; echo EXIT=$?", broken, n_ant_verbose)
    # -projecthelp
    cap("ant-projecthelp", "ant -projecthelp", small, n_ant_projecthelp)
    cap("ant-p-deploy", "ant -p -f deploy.xml", small, n_ant_projecthelp)
    (small / "deploy-all.xml").write_text(deploy_xml(random.Random(10110), 130))
    cap("ant-projecthelp-130-depots-head", "ant -projecthelp -f deploy-all.xml | head -n 120", small, n_ant_projecthelp)
    # the junit task (junit4)
    run(f"ant -q {nolint} compile-tests", cwd=big)
    cap("ant-junit-plain-60-classes", f"ant {nolint} test", big, n_ant_junit)
    cap("ant-junit-brief-tail", f"ant {nolint} -Djunit.formatter=brief test 2>&1 | tail -n 80; echo EXIT=$?", big,
        n_ant_junit)
    cap("ant-junit-small-brief", f"ant {nolint} -Djunit.formatter=brief test", small, n_ant_junit)
    cap("ant-junit-small-grep", f"ant {nolint} test 2>&1 | grep -E 'Tests run|FAILED|ERROR'", small, n_ant_junit)
    # the junitlauncher task (junit5)
    cap("ant-junitlauncher-plain-report", f"ant {nolint} test5; cat build/TEST-org.yardplan.YardJupiterTest.txt",
        small, n_ant_junitlauncher)
    cap("ant-junitlauncher-brief-halt",
        f"ant {nolint} -Dlistener5=legacy-brief -Dhalt5=true test5; echo EXIT=$?; cat build/TEST-*.txt | head -n 60",
        small, n_ant_junitlauncher)


POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.yardplan</groupId>
  <artifactId>yardplan-core</artifactId>
  <version>0.4.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
{deps}    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.x</version><scope>test</scope></dependency>
  </dependencies>
</project>
"""
GUAVA = "    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>debian</version></dependency>\n" \
        "    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.7</version></dependency>\n"


def maven(tmp: Path) -> None:
    repo = tmp / "m2"
    run(f"cp -a /usr/share/maven-repo {repo}")  # Debian's repository, copied: maven writes its markers there
    mvn = f"mvn -o -B -Dstyle.color=never -Dmaven.repo.local={repo}"
    deps, nodeps, bad = tmp / "mvn-deps", tmp / "mvn-core", tmp / "mvn-broken"
    make_yard(deps, 8, 10105)
    make_yard(nodeps, 8, 10106)
    make_yard(bad, 8, 10107, broken=True)
    (deps / "pom.xml").write_text(POM.format(deps=GUAVA))
    (nodeps / "pom.xml").write_text(POM.format(deps=""))
    (bad / "pom.xml").write_text(POM.format(deps=""))
    typed = "mvn -o -B -Dmaven.repo.local=/usr/share/maven-repo"
    cap("mvn-offline-deps-unresolved", f"{mvn} compile", deps, n_mvn_offline, typed=f"{typed} compile")
    cap("mvn-offline-package-plugins", f"{mvn} package; echo EXIT=$?", nodeps, n_mvn_offline,
        typed=f"{typed} package; echo EXIT=$?")
    cap("mvn-offline-compiler-compile-broken", f"{mvn} compiler:compile", bad, n_mvn_offline,
        typed=f"{typed} compiler:compile")
    cap("mvn-offline-dependency-tree", f"{mvn} dependency:tree; echo EXIT=$?", deps, n_mvn_offline,
        typed=f"{typed} dependency:tree; echo EXIT=$?")


def javadoc(tmp: Path) -> None:
    big, small = tmp / "doc-big", tmp / "doc-small"
    make_yard(big, 90, 10108)
    make_yard(small, 10, 10109)
    jd = "javadoc -Xdoclint:all -d build/api -sourcepath src/main/java -subpackages org.yardplan"
    cap("javadoc-doclint-90-sidings", f"{jd} -quiet", big, n_javadoc_doclint)
    cap("javadoc-doclint-grep-warning", f"{jd} 2>&1 | grep -i warning | head -n 150", big, n_javadoc_doclint)
    cap("javadoc-doclint-small-tail", f"{jd} 2>&1 | tail -n 60; echo EXIT=$?", small, n_javadoc_doclint)
    cap("javadoc-doclint-missing-only", "javadoc -Xdoclint:all,-missing -d build/api2 -sourcepath src/main/java "
        "-subpackages org.yardplan -quiet; echo EXIT=$?", small, n_javadoc_doclint)
    cap("ant-javadoc-target", "ant javadoc 2>&1 | tail -n 100", small, n_javadoc_doclint)


STEPS = [ant, maven, javadoc]
