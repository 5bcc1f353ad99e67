"""Round 284, the JVM: a Java library written here, `limekiln` (a lime kiln's charge, burn and draw log), its JUnit 4
and JUnit 5 tests widened by a seeded generator whose expectations come from the unbroken code, bugs then put in; built
with Maven offline against a copy of Debian's /usr/share/maven-repo, with javac directly (errors, -Xlint:all), with
Ant and its junit task, run under the JUnit 5 console launcher and JUnit 4's JUnitCore, checked by checkstyle.
Extractors imported (NEEDLES.md, "Round 284"). Run through capture_wide284.py."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from capture_more import n_javac, run, write_tree
from capture_redund import n_javac_many
from capture_wide19_java import n_junit, n_junit4
from capture_wide24_langs import N_CHECKSTYLE
from capture_wide29_jvm import N_MVN_COMPILE, n_mvn, n_surefire_txt
from capture_wide101_ant import n_ant_javac, n_ant_junit, n_mvn_offline

JARS = Path("/usr/share/java")
CONSOLE = JARS / "junit-platform-console-standalone.jar"
JUNIT4 = f"{JARS}/junit4.jar:{JARS}/hamcrest-core.jar"

CHARGE = """package org.limekiln;

/** What goes into the kiln: limestone and fuel. */
public final class Charge {
    private Charge() {}

    /** Fuel (kg) for a charge of stone at a fuel ratio in percent, rounded up. */
    public static int fuelKg(int stoneKg, int ratioPct) {
        return (stoneKg * ratioPct + 99) / 100;
    }

    /** Quicklime (kg) drawn from a charge: calcium carbonate keeps 56 percent of its mass. */
    public static int quicklimeKg(int stoneKg) {
        return stoneKg * 56 / 100;
    }

    /** Carbon dioxide (kg) driven off. */
    public static int co2Kg(int stoneKg) {
        return stoneKg - quicklimeKg(stoneKg);
    }
}
"""

BURN = """package org.limekiln;

/** The burn: how hot, how long. */
public final class Burn {
    private Burn() {}

    /** The grade of the lime from the peak temperature. */
    public static String grade(int peakC) {
        if (peakC >= 1100) {
            return "hard-burnt";
        }
        if (peakC >= 900) {
            return "good";
        }
        return "under-burnt";
    }

    /** Hours to climb from startC to peakC at ratePerHour, rounded up. */
    public static int hoursToPeak(int startC, int peakC, int ratePerHour) {
        if (ratePerHour <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerHour);
        }
        int rise = Math.max(0, peakC - startC);
        return (rise + ratePerHour - 1) / ratePerHour;
    }
}
"""

DRAW = """package org.limekiln;

import java.util.List;

/** The draw: what comes out at the eye of the kiln. */
public final class Draw {
    private Draw() {}

    /** The draw ticket printed for the carter. */
    public static String ticket(String kiln, int day, int kg) {
        return String.format("%s-D%03d %,d kg", kiln, day, kg);
    }

    /** Total kilograms over a week of draws. */
    public static int weekKg(List<Integer> draws) {
        int sum = 0;
        for (int kg : draws) {
            sum += kg;
        }
        return sum;
    }

    /** The slaked weight (kg) of quicklime: water adds 32 percent. */
    public static int slakedKg(int quicklimeKg) {
        return quicklimeKg * 132 / 100;
    }
}
"""

# the bugs put in after the expectations were made from the code above
BUGS = [
    ("Charge.java", "return (stoneKg * ratioPct + 99) / 100;", "return stoneKg * ratioPct / 100;"),
    ("Charge.java", "return stoneKg * 56 / 100;", "return stoneKg * 54 / 100;"),
    ("Burn.java", "if (peakC >= 900) {", "if (peakC > 900) {"),
    ("Draw.java", '"%s-D%03d %,d kg"', '"%s-D%02d %,d kg"'),
]

KILNS = ["Aberthaw", "Beadnell", "Crindledykes", "Dunmore", "Eskdale", "Froghall", "Glenarm", "Harperley"]


def py_ticket(kiln: str, day: int, kg: int) -> str:
    return f"{kiln}-D{day:03d} {kg:,} kg"


def gen_cases(rnd: random.Random, n: int) -> list[tuple[str, str, str]]:
    """(method name, expression, expected Java literal), expectations from the unbroken code."""
    out = []
    for j in range(n):
        k = rnd.randrange(7)
        if k == 0:
            s, r = rnd.randint(800, 4000), rnd.randint(5, 18)
            out.append((f"fuelKg_{s}_{r}", f"Charge.fuelKg({s}, {r})", str((s * r + 99) // 100)))
        elif k == 1:
            s = rnd.randint(500, 5000)
            out.append((f"quicklimeKg_{s}", f"Charge.quicklimeKg({s})", str(s * 56 // 100)))
        elif k == 2:
            s = rnd.randint(500, 5000)
            out.append((f"co2Kg_{s}", f"Charge.co2Kg({s})", str(s - s * 56 // 100)))
        elif k == 3:
            t = rnd.choice([850, 880, 900, 900, 950, 1000, 1100, 1150])
            g = "hard-burnt" if t >= 1100 else "good" if t >= 900 else "under-burnt"
            out.append((f"grade_{t}", f"Burn.grade({t})", f'"{g}"'))
        elif k == 4:
            a, b, r = rnd.randint(15, 200), rnd.randint(900, 1150), rnd.randint(40, 120)
            out.append((f"hoursToPeak_{a}_{b}_{r}", f"Burn.hoursToPeak({a}, {b}, {r})", str(-(-(b - a) // r))))
        elif k == 5:
            kl, d, kg = rnd.choice(KILNS), rnd.randint(1, 365), rnd.randint(400, 9000)
            out.append((f"ticket_{kl}_{d}", f'Draw.ticket("{kl}", {d}, {kg})', f'"{py_ticket(kl, d, kg)}"'))
        else:
            q = rnd.randint(300, 3000)
            out.append((f"slakedKg_{q}", f"Draw.slakedKg({q})", str(q * 132 // 100)))
    seen, uniq = set(), []
    for name, e, v in out:
        if name not in seen:
            seen.add(name)
            uniq.append((name, e, v))
    return uniq


def test_class(name: str, cases, junit: int) -> str:
    if junit == 4:
        head = ("package org.limekiln;\n\nimport static org.junit.Assert.assertEquals;\n\nimport org.junit.Test;\n\n"
                f"public class {name} {{\n")
        pre = "    @Test\n    public void "
    else:
        head = ("package org.limekiln;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
                f"import org.junit.jupiter.api.Test;\n\nclass {name} {{\n")
        pre = "    @Test\n    void "
    body = [f"{pre}{m}() {{\n        assertEquals({v}, {e});\n    }}\n" for m, e, v in cases]
    return head + "\n".join(body) + "}\n"


def project(root: Path, seed: int, n_classes: int, per_class: int, junit: int, layout: str = "maven") -> Path:
    rnd = random.Random(seed)
    main = "src/main/java/org/limekiln" if layout == "maven" else "src/org/limekiln"
    test = "src/test/java/org/limekiln" if layout == "maven" else "test/org/limekiln"
    files = {f"{main}/Charge.java": CHARGE, f"{main}/Burn.java": BURN, f"{main}/Draw.java": DRAW}
    names = ["ChargeTest", "BurnTest", "DrawTest", "NightShiftTest", "WeekLedgerTest", "CarterTest", "EyeTest",
             "PotTest", "DraughtTest", "QuarryTest"]
    for i in range(n_classes):
        files[f"{test}/{names[i]}.java"] = test_class(names[i], gen_cases(rnd, per_class), junit)
    if root.exists():
        shutil.rmtree(root)
    write_tree(root, files)
    return root


def break_it(root: Path, layout: str = "maven") -> None:
    main = root / ("src/main/java/org/limekiln" if layout == "maven" else "src/org/limekiln")
    for rel, old, new in BUGS:
        p = main / rel
        src = p.read_text()
        assert old in src, (rel, old)
        p.write_text(src.replace(old, new))


# a refactor gone wrong: compile errors and -Xlint:all warnings, widened by a seeded generator
LINT_BITS = [
    "    public java.util.List {m}Loads() {{\n        java.util.List xs = new java.util.ArrayList();\n        xs.add(\"{m}\");\n"
    "        return xs;\n    }}\n",
    "    public int {m}Year() {{\n        return new java.util.Date().getYear();\n    }}\n",
    "    public Integer {m}Boxed(int v) {{\n        return new Integer(v);\n    }}\n",
    "    public String {m}Shift(int v) {{\n        String r = \"\";\n        switch (v) {{\n            case 1: r = \"day\";\n"
    "            case 2: r = \"night\"; break;\n            default: r = \"idle\";\n        }}\n        return r;\n    }}\n",
    "    public Object {m}Cast(Object o) {{\n        return (String) (Object) (String) o;\n    }}\n",
    "    public java.util.Map<String, Integer> {m}Tally(java.util.Map raw) {{\n        return (java.util.Map<String, Integer>) raw;\n    }}\n",
]
ERR_BITS = [
    "    public int {m}Fuel(int stone) {{\n        return Charge.fuelKilos(stone, 9);\n    }}\n",
    "    public int {m}Peak(String t) {{\n        int c = t;\n        return c;\n    }}\n",
    "    public String {m}Grade(int c) {{\n        if (c > 900) {{\n            return Burn.grade(c);\n        }}\n    }}\n",
    "    public void {m}Read(java.nio.file.Path p) {{\n        java.nio.file.Files.readAllLines(p);\n    }}\n",
    "    public Ledger {m}Ledger() {{\n        return new Ledger();\n    }}\n",
]


def gen_shift(rnd: random.Random, i: int, errors: bool) -> str:
    body = []
    for j in range(rnd.randint(3, 6)):
        body.append(rnd.choice(LINT_BITS).format(m=f"s{i}m{j}"))
    if errors and i % 3 == 0:
        body.append(rnd.choice(ERR_BITS).format(m=f"s{i}e"))
    ser = "implements java.io.Serializable " if i % 4 == 0 else ""
    return f"package org.limekiln;\n\npublic class Shift{i:02d} {ser}{{\n" + "\n".join(body) + "}\n"


def refactor(root: Path, seed: int, n: int, errors: bool) -> Path:
    project(root, seed, 0, 0, 4)
    rnd = random.Random(seed)
    main = root / "src/main/java/org/limekiln"
    for i in range(n):
        (main / f"Shift{i:02d}.java").write_text(gen_shift(rnd, i, errors))
    return root


POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.limekiln</groupId>
  <artifactId>limekiln-ledger</artifactId>
  <version>0.7.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.x</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.10.1</version>
      <configuration><showWarnings>true</showWarnings><compilerArgs><arg>-Xlint:all</arg></compilerArgs></configuration></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.0</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>2.22.3</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.3.0</version></plugin>
  </plugins></build>
</project>
"""

BUILD_XML = """<?xml version="1.0" encoding="UTF-8"?>
<project name="limekiln" default="test" basedir=".">
  <description>A lime kiln's charge, burn and draw ledger</description>
  <property name="src" location="src"/>
  <property name="test.src" location="test"/>
  <property name="build" location="build"/>
  <path id="junit.cp">
    <pathelement location="/usr/share/java/junit4.jar"/>
    <pathelement location="/usr/share/java/hamcrest-core.jar"/>
  </path>
  <target name="clean" description="remove the build directory">
    <delete dir="${build}"/>
  </target>
  <target name="compile" description="compile the library">
    <mkdir dir="${build}/classes"/>
    <javac srcdir="${src}" destdir="${build}/classes" includeantruntime="false" release="17">
      <compilerarg value="-Xlint:all"/>
    </javac>
  </target>
  <target name="compile-tests" depends="compile" description="compile the tests">
    <mkdir dir="${build}/test-classes"/>
    <javac srcdir="${test.src}" destdir="${build}/test-classes" includeantruntime="false" release="17">
      <classpath><pathelement location="${build}/classes"/><path refid="junit.cp"/></classpath>
    </javac>
  </target>
  <target name="test" depends="compile-tests" description="run the JUnit 4 tests">
    <mkdir dir="${build}/reports"/>
    <junit printsummary="yes" haltonfailure="no" failureproperty="tests.failed">
      <classpath><pathelement location="${build}/classes"/><pathelement location="${build}/test-classes"/><path refid="junit.cp"/></classpath>
      <formatter type="brief" usefile="false"/>
      <batchtest todir="${build}/reports"><fileset dir="${test.src}" includes="**/*Test.java"/></batchtest>
    </junit>
    <fail if="tests.failed" message="limekiln tests failed"/>
  </target>
</project>
"""


def maven(tmp: Path) -> None:
    from capture_wide284 import cap
    repo = tmp / "m2"
    if not repo.exists():
        # Debian's repository, copied (maven writes its markers there) with its links followed: they are relative
        run(f"cp -rL /usr/share/maven-repo {repo}", timeout=300)
    mvn = f"mvn -o -B -Dstyle.color=never -Dmaven.repo.local={repo}"
    typed = "mvn -o -B -Dmaven.repo.local=/usr/share/maven-repo"
    root = project(tmp / "limekiln-mvn", 28410, 8, 45, 4)
    (root / "pom.xml").write_text(POM)
    break_it(root)
    cap("mvn-test-limekiln", f"{mvn} test", root, n_mvn, timeout=400, typed=f"{typed} test")
    cap("surefire-report-limekiln", "cat target/surefire-reports/*.txt", root, n_surefire_txt)
    cap("mvn-test-two-classes-tail", f"{mvn} test -Dtest='BurnTest,DrawTest' 2>&1 | tail -n 80", root, n_mvn,
        timeout=400, typed=f"{typed} test -Dtest='BurnTest,DrawTest' 2>&1 | tail -n 80")
    cap("surefire-report-burn", "cat target/surefire-reports/org.limekiln.BurnTest.txt", root, n_surefire_txt)
    cap("mvn-test-charge-full-trace", f"{mvn} test -Dtest=ChargeTest -DtrimStackTrace=false", root, n_mvn, timeout=400,
        typed=f"{typed} test -Dtest=ChargeTest -DtrimStackTrace=false")
    cap("mvn-offline-package", f"{mvn} package; echo EXIT=$?", root, n_mvn_offline, timeout=400,
        typed=f"{typed} package; echo EXIT=$?")
    bad = refactor(tmp / "limekiln-refactor", 28411, 14, True)
    (bad / "pom.xml").write_text(POM)
    cap("mvn-compile-refactor", f"{mvn} compile", bad, N_MVN_COMPILE, timeout=400, typed=f"{typed} compile")
    lint = refactor(tmp / "limekiln-lint", 28412, 18, False)
    (lint / "pom.xml").write_text(POM)
    cap("mvn-compile-xlint", f"{mvn} compile 2>&1 | grep -E '^\\[(WARNING|ERROR)\\]|BUILD'", lint, N_MVN_COMPILE,
        timeout=400, typed=f"{typed} compile 2>&1 | grep -E '^\\[(WARNING|ERROR)\\]|BUILD'")


def javac(tmp: Path) -> None:
    from capture_wide284 import cap
    bad = refactor(tmp / "limekiln-javac", 28413, 24, True)
    src = "src/main/java/org/limekiln"
    cap("javac-refactor-errors", f"javac -d out {src}/*.java", bad, n_javac)
    cap("javac-xlint-all", f"javac -Xlint:all -d out {src}/*.java", bad, n_javac_many)
    lint = refactor(tmp / "limekiln-javac-lint", 28414, 40, False)
    cap("javac-xlint-all-clean-build", f"javac -Xlint:all -Xmaxwarns 1000 -d out {src}/*.java; echo EXIT=$?", lint,
        n_javac_many)
    cap("javac-xlint-head", f"javac -Xlint:all -d out {src}/*.java 2>&1 | head -n 120", lint, n_javac_many)


def junit(tmp: Path) -> None:
    from capture_wide284 import cap
    j5 = project(tmp / "limekiln-j5", 28415, 8, 40, 5)
    break_it(j5)
    main, test = "src/main/java/org/limekiln", "src/test/java/org/limekiln"
    run(f"javac -d out {main}/*.java && javac -d out-test -cp out:{CONSOLE} {test}/*.java", cwd=j5, timeout=300)
    base = f"java -jar {CONSOLE} -cp out:out-test --disable-banner"
    cap("junit-console-limekiln", f"{base} --select-class org.limekiln.ChargeTest --select-class org.limekiln.BurnTest "
        "--select-class org.limekiln.DrawTest --details=tree", j5, n_junit, timeout=300)
    small = project(tmp / "limekiln-j5-small", 28420, 2, 8, 5)
    break_it(small)
    run(f"javac -d out {main}/*.java && javac -d out-test -cp out:{CONSOLE} {test}/*.java", cwd=small, timeout=300)
    cap("junit-console-summary-exit", f"{base} --scan-classpath --details=summary; echo EXIT=$?", small, n_junit,
        timeout=300)
    j4 = project(tmp / "limekiln-j4", 28416, 6, 40, 4)
    break_it(j4)
    run(f"javac -d out {main}/*.java && javac -d out-test -cp out:{JUNIT4} {test}/*.java", cwd=j4, timeout=300)
    classes = " ".join(f"org.limekiln.{n}" for n in ["ChargeTest", "BurnTest", "DrawTest", "NightShiftTest",
                                                     "WeekLedgerTest", "CarterTest"])
    cap("junit4-core-limekiln", f"java -cp out:out-test:{JUNIT4} org.junit.runner.JUnitCore {classes}", j4, n_junit4,
        timeout=300)
    cap("junit4-core-two", f"java -cp out:out-test:{JUNIT4} org.junit.runner.JUnitCore org.limekiln.ChargeTest "
        "org.limekiln.BurnTest 2>&1 | head -n 120", j4, n_junit4, timeout=300)


def ant(tmp: Path) -> None:
    from capture_wide284 import cap
    root = project(tmp / "limekiln-ant", 28417, 6, 35, 4, layout="ant")
    (root / "build.xml").write_text(BUILD_XML)
    break_it(root, layout="ant")
    cap("ant-junit-limekiln", "ant test", root, n_ant_junit, timeout=400)
    cap("ant-junit-tail", "ant clean test 2>&1 | tail -n 90; echo EXIT=$?", root, n_ant_junit, timeout=400)
    bad = tmp / "limekiln-ant-refactor"
    refactor(bad, 28418, 16, True)
    shutil.move(str(bad / "src/main/java/org"), str(bad / "src/org"))
    (bad / "test").mkdir(exist_ok=True)
    (bad / "build.xml").write_text(BUILD_XML)
    cap("ant-javac-refactor", "ant compile", bad, n_ant_javac, timeout=400)


CHECKS = """<?xml version="1.0"?>
<!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
  "https://checkstyle.org/dtds/configuration_1_3.dtd">
<module name="Checker">
  <property name="severity" value="warning"/>
  <module name="FileTabCharacter"/>
  <module name="NewlineAtEndOfFile"/>
  <module name="LineLength"><property name="max" value="100"/></module>
  <module name="TreeWalker">
    <module name="MagicNumber"/>
    <module name="JavadocMethod"/>
    <module name="MissingJavadocMethod"/>
    <module name="MethodName"/>
    <module name="NeedBraces"/>
    <module name="FinalParameters"/>
    <module name="MissingSwitchDefault"/>
    <module name="FallThrough"><property name="severity" value="error"/></module>
    <module name="IllegalCatch"><property name="severity" value="error"/></module>
    <module name="EmptyBlock"><property name="severity" value="error"/></module>
    <module name="AvoidStarImport"/>
    <module name="DesignForExtension"/>
    <module name="HiddenField"/>
  </module>
</module>
"""


def checkstyle(tmp: Path) -> None:
    from capture_wide284 import cap
    lint = refactor(tmp / "limekiln-checkstyle", 28419, 12, False)
    (lint / "checks.xml").write_text(CHECKS)
    src = "src/main/java/org/limekiln"
    p = lint / src / "Shift03.java"
    p.write_text(p.read_text().replace("public class Shift03 {", "public class Shift03 {\n    public void tryRead() {\n"
                                       "        try {\n            Integer.parseInt(\"x\");\n        } catch (Exception e) {\n"
                                       "        }\n    }\n"))
    cap("checkstyle-limekiln", f"checkstyle -c checks.xml {src}", lint, N_CHECKSTYLE, timeout=300)
    cap("checkstyle-head", f"checkstyle -c checks.xml {src} 2>&1 | head -n 150; echo EXIT=$?", lint, N_CHECKSTYLE,
        timeout=300)
    cap("checkstyle-sun", f"checkstyle -c /sun_checks.xml {src}/Charge.java {src}/Burn.java {src}/Draw.java", lint,
        N_CHECKSTYLE, timeout=300)


STEPS = [maven, javac, junit, ant, checkstyle]
