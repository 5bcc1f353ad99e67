"""Round 321, the JVM: round 284's Java library generator (capture_wide284_jvm: `project`, `gen_cases`, `test_class`,
`refactor`, `break_it`, its build.xml and checkstyle texts), imported and run with this round's seeds, clamp sites and
faults, its trees copied in this round's words: `clampfire`, a charcoal burner's clamp (stack, smoulder and rake).
Built with Maven offline against ~/.m2 (surefire 3, JUnit 5), with javac directly (errors, -Xlint:all), with Ant and
its junit task, run under the JUnit 5 console launcher and JUnit 4's JUnitCore, checked by checkstyle. Extractors
imported (NEEDLES.md, "Round 321"). Run through capture_wide321.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import capture_wide284_jvm as g284
from capture_more import n_javac, run
from capture_redund import n_javac_many
from capture_wide19_java import n_junit, n_junit4
from capture_wide24_langs import N_CHECKSTYLE
from capture_wide29_jvm import N_MVN_COMPILE, n_mvn, n_surefire_txt
from capture_wide101_ant import n_ant_javac, n_ant_junit, n_mvn_offline

M2 = Path.home() / ".m2" / "repository"
CONSOLE = Path("/usr/share/java/junit-platform-console-standalone.jar")
JUNIT4 = f"{M2}/junit/junit/4.13.2/junit-4.13.2.jar:{M2}/org/hamcrest/hamcrest-core/1.3/hamcrest-core-1.3.jar"
MAIN, TEST = "src/main/java/org/clampfire", "src/test/java/org/clampfire"

# clamp sites of the Weald and the Forest of Dean (round 284's KILNS, this round's)
SITES = ["Ashdown", "Bewl", "Cannop", "Danegate", "Edenbridge", "Flimwell", "Goudhurst", "Hawkhurst", "Parkend"]

# this round's faults, put in (in round 284's words, before the copy) after the expectations were made
FAULTS = [
    ("Charge.java", "return stoneKg - quicklimeKg(stoneKg);", "return stoneKg - quicklimeKg(stoneKg) - 1;"),
    ("Burn.java", "if (peakC >= 1100) {", "if (peakC > 1100) {"),
    ("Burn.java", "return (rise + ratePerHour - 1) / ratePerHour;", "return rise / ratePerHour;"),
    ("Draw.java", "return quicklimeKg * 132 / 100;", "return quicklimeKg * 123 / 100;"),
    ("Draw.java", '"%s-D%03d %,d kg"', '"%s-D%03d %,d kg %s"'),
]

# round 284's words, then this round's (applied in order to paths and texts)
RENAMES = (
    ("A lime kiln's charge, burn and draw ledger", "A charcoal clamp's stack, smoulder and rake tally"),
    ("limekiln-ledger", "clampfire-tally"),
    ("limekiln", "clampfire"),
    ("limestone and fuel", "cordwood and turf"),
    ("Quicklime", "Charcoal"),
    ("quicklime", "charcoal"),
    ("calcium carbonate keeps 56 percent of its mass", "the cordwood keeps 56 percent of its mass"),
    ("Carbon dioxide", "Smoke"),
    ("co2Kg", "smokeKg"),
    ("stoneKg", "woodKg"),
    ("of stone", "of wood"),
    ("int stone", "int wood"),
    ("(stone,", "(wood,"),
    ("fuelKilos", "turfKilos"),
    ("fuelKg", "turfKg"),
    ("Fuel", "Turf"),
    ("fuel", "turf"),
    ("slakedKg", "baggedKg"),
    ("slaked weight", "bagged weight"),
    ("water adds 32 percent", "the sacks add 32 percent"),
    ("hoursToPeak", "hoursToGlow"),
    ("ticket", "tally"),
    ("carter", "collier"),
    ("Carter", "Collier"),
    ("eye of the kiln", "foot of the clamp"),
    ("EyeTest", "VentTest"),
    ("PotTest", "HearthTest"),
    ("QuarryTest", "CoppiceTest"),
    ("DraughtTest", "TurfStackTest"),
    ("WeekLedger", "WeekTally"),
    ("Ledger", "Tally"),
    ("Shift", "Watch"),
    ("Charge", "Stack"),
    ("Burn", "Smoulder"),
    ("Draw", "Rake"),
    ("The burn", "The smoulder"),
    ("The draw", "The rake"),
    ("draws", "rakes"),
    ("Kiln", "Clamp"),
    ("kiln", "clamp"),
)

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.clampfire</groupId>
  <artifactId>clampfire-tally</artifactId>
  <version>0.4.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.10.2</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version>
      <configuration><showWarnings>true</showWarnings><compilerArgs><arg>-Xlint:all</arg></compilerArgs></configuration></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.1</version></plugin>
  </plugins></build>
</project>
"""


def stage_of(dest: Path) -> Path:
    return dest.parent / (dest.name + "-stage")


def project(dest: Path, seed: int, n_classes: int, per_class: int, junit: int, layout: str = "maven") -> Path:
    """Round 284's project with this round's sites, seed and faults, copied in this round's words."""
    from capture_wide321 import copy_renamed
    g284.KILNS, g284.BUGS = SITES, FAULTS
    st = g284.project(stage_of(dest), seed, n_classes, per_class, junit, layout)
    g284.break_it(st, layout)
    return copy_renamed(st, dest, RENAMES)


def refactor(dest: Path, seed: int, n: int, errors: bool, edit=None) -> Path:
    """Round 284's refactor gone wrong (compile errors, -Xlint warnings), this round's seed, in this round's words."""
    from capture_wide321 import copy_renamed
    g284.KILNS = SITES
    st = g284.refactor(stage_of(dest), seed, n, errors)
    if edit:
        edit(st)
    return copy_renamed(st, dest, RENAMES)


def maven(tmp: Path) -> None:
    from capture_wide321 import cap
    mvn = "mvn -o -B -Dstyle.color=never"
    typed = "mvn -o -B"
    root = project(tmp / "clampfire-mvn", 32110, 7, 18, 5)
    (root / "pom.xml").write_text(POM)
    cap("mvn-test-clampfire", f"{mvn} test", root, n_mvn, timeout=500, typed=f"{typed} test")
    cap("surefire-report-clampfire", "cat target/surefire-reports/*.txt", root, n_surefire_txt)
    cap("mvn-test-rake-stack-tail", f"{mvn} test -Dtest='RakeTest,StackTest' 2>&1 | tail -n 90", root, n_mvn,
        timeout=500, typed=f"{typed} test -Dtest='RakeTest,StackTest' 2>&1 | tail -n 90")
    cap("surefire-report-smoulder", "cat target/surefire-reports/org.clampfire.SmoulderTest.txt", root,
        n_surefire_txt)
    cap("mvn-test-smoulder-full-trace", f"{mvn} test -Dtest=SmoulderTest -DtrimStackTrace=false", root, n_mvn,
        timeout=500, typed=f"{typed} test -Dtest=SmoulderTest -DtrimStackTrace=false")
    cap("mvn-test-quiet-head", f"{mvn} -q test 2>&1 | head -n 120", root, n_mvn, timeout=500,
        typed=f"{typed} -q test 2>&1 | head -n 120")
    cap("mvn-test-collier-grep", f"{mvn} test -Dtest='Collier*,Vent*' 2>&1 | grep -E 'Tests run|FAIL|ERROR'", root,
        n_mvn, timeout=500, typed=f"{typed} test -Dtest='Collier*,Vent*' 2>&1 | grep -E 'Tests run|FAIL|ERROR'")
    cap("mvn-offline-package", f"{mvn} package; echo EXIT=$?", root, n_mvn_offline, timeout=500,
        typed=f"{typed} package; echo EXIT=$?")
    bad = refactor(tmp / "clampfire-refactor", 32111, 15, True)
    (bad / "pom.xml").write_text(POM)
    cap("mvn-compile-refactor", f"{mvn} compile", bad, N_MVN_COMPILE, timeout=500, typed=f"{typed} compile")
    lint = refactor(tmp / "clampfire-lint", 32112, 20, False)
    (lint / "pom.xml").write_text(POM)
    cap("mvn-compile-xlint-grep", f"{mvn} compile 2>&1 | grep -E '^\\[(WARNING|ERROR)\\]|BUILD'", lint,
        N_MVN_COMPILE, timeout=500, typed=f"{typed} compile 2>&1 | grep -E '^\\[(WARNING|ERROR)\\]|BUILD'")


def javac(tmp: Path) -> None:
    from capture_wide321 import cap
    bad = refactor(tmp / "clampfire-javac", 32113, 22, True)
    cap("javac-refactor-errors", f"javac -d out {MAIN}/*.java", bad, n_javac)
    cap("javac-xlint-all-errors", f"javac -Xlint:all -d out {MAIN}/*.java", bad, n_javac_many)
    lint = refactor(tmp / "clampfire-javac-lint", 32114, 36, False)
    cap("javac-xlint-all-exit", f"javac -Xlint:all -Xmaxwarns 1000 -d out {MAIN}/*.java; echo EXIT=$?", lint,
        n_javac_many)
    cap("javac-xlint-head", f"javac -Xlint:all -d out {MAIN}/*.java 2>&1 | head -n 140", lint, n_javac_many)


def junit(tmp: Path) -> None:
    from capture_wide321 import cap
    j5 = project(tmp / "clampfire-j5", 32115, 8, 38, 5)
    run(f"javac -d out {MAIN}/*.java && javac -d out-test -cp out:{CONSOLE} {TEST}/*.java", cwd=j5, timeout=300)
    base = f"java -jar {CONSOLE} -cp out:out-test --disable-banner"
    cap("junit-console-clampfire", f"{base} --select-class org.clampfire.StackTest --select-class "
        "org.clampfire.SmoulderTest --select-class org.clampfire.RakeTest --details=tree", j5, n_junit, timeout=300)
    small = project(tmp / "clampfire-j5-small", 32116, 2, 9, 5)
    run(f"javac -d out {MAIN}/*.java && javac -d out-test -cp out:{CONSOLE} {TEST}/*.java", cwd=small, timeout=300)
    cap("junit-console-summary-exit", f"{base} --scan-classpath --details=summary; echo EXIT=$?", small, n_junit,
        timeout=300)
    j4 = project(tmp / "clampfire-j4", 32117, 7, 36, 4)
    run(f"javac -d out {MAIN}/*.java && javac -d out-test -cp out:{JUNIT4} {TEST}/*.java", cwd=j4, timeout=300)
    classes = " ".join(f"org.clampfire.{n}" for n in ["StackTest", "SmoulderTest", "RakeTest", "NightWatchTest",
                                                      "WeekTallyTest", "CollierTest", "VentTest"])
    cap("junit4-core-clampfire", f"java -cp out:out-test:{JUNIT4} org.junit.runner.JUnitCore {classes}", j4, n_junit4,
        timeout=300)
    cap("junit4-core-rake-head", f"java -cp out:out-test:{JUNIT4} org.junit.runner.JUnitCore org.clampfire.RakeTest "
        "org.clampfire.CollierTest 2>&1 | head -n 130", j4, n_junit4, timeout=300)


def ant(tmp: Path) -> None:
    from capture_wide321 import cap
    root = project(tmp / "clampfire-ant", 32118, 6, 33, 4, layout="ant")
    (root / "build.xml").write_text(_renamed_build_xml())
    cap("ant-junit-clampfire", "ant test", root, n_ant_junit, timeout=500)
    cap("ant-junit-clean-tail", "ant clean test 2>&1 | tail -n 100; echo EXIT=$?", root, n_ant_junit, timeout=500)

    def to_ant_layout(st: Path) -> None:
        shutil.move(str(st / "src/main/java/org"), str(st / "src/org"))
        (st / "test").mkdir(exist_ok=True)
        (st / "test" / ".keep").write_text("")

    bad = refactor(tmp / "clampfire-ant-refactor", 32119, 17, True, edit=to_ant_layout)
    (bad / "build.xml").write_text(_renamed_build_xml())
    cap("ant-javac-refactor", "ant compile", bad, n_ant_javac, timeout=500)


def _renamed_build_xml() -> str:
    from capture_wide321 import renamed
    return renamed(g284.BUILD_XML, RENAMES)


def checkstyle(tmp: Path) -> None:
    from capture_wide321 import cap

    def catch_all(st: Path) -> None:
        p = st / "src/main/java/org/limekiln/Shift05.java"
        p.write_text(p.read_text().replace("public class Shift05 {", "public class Shift05 {\n    private int depth;\n\n"
                                           "    public void stack(int depth) {\n        try {\n"
                                           "            this.depth = Integer.parseInt(\"x\" + depth);\n"
                                           "        } catch (Throwable t) {\n        }\n    }\n"))

    lint = refactor(tmp / "clampfire-checkstyle", 32120, 13, False, edit=catch_all)
    (lint / "checks.xml").write_text(g284.CHECKS)
    cap("checkstyle-clampfire", f"checkstyle -c checks.xml {MAIN}", lint, N_CHECKSTYLE, timeout=300)
    cap("checkstyle-tail-exit", f"checkstyle -c checks.xml {MAIN} 2>&1 | tail -n 160; echo EXIT=$?", lint,
        N_CHECKSTYLE, timeout=300)
    cap("checkstyle-google", f"checkstyle -c /google_checks.xml {MAIN}/Stack.java {MAIN}/Smoulder.java "
        f"{MAIN}/Rake.java {MAIN}/Watch05.java", lint, N_CHECKSTYLE, timeout=300)


STEPS = [maven, javac, junit, ant, checkstyle]
