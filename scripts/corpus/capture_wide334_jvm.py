"""Round 334, the JVM: round 284's Java library generator (capture_wide284_jvm: `project`, `gen_cases`, `test_class`,
`refactor`, `break_it`, its build.xml and checkstyle texts), imported and run with this round's seeds, salt towns and
faults, its trees copied in this round's words by round 321's `copy_renamed` (imported): `saltern`, a salt works
(brine, boiling pans and rakers). Built with Maven offline against ~/.m2 (surefire 3, JUnit 5), with javac directly
(errors, -Xlint:all), with Ant and its junit task, run under the JUnit 5 console launcher and JUnit 4's JUnitCore,
checked by checkstyle. Extractors imported (NEEDLES.md, "Round 334"). Run through capture_wide334.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import capture_wide284_jvm as pans  # round 284's generators
from capture_more import n_javac, note, run
from capture_redund import n_javac_many
from capture_wide19_java import n_junit, n_junit4
from capture_wide24_langs import N_CHECKSTYLE
from capture_wide29_jvm import N_MVN_COMPILE, n_mvn, n_surefire_txt
from capture_wide101_ant import n_ant_javac, n_ant_junit, n_mvn_offline
from capture_wide321 import copy_renamed as rake_into, renamed as brine_words  # round 321's renaming copy

M2 = Path.home() / ".m2" / "repository"
CONSOLE = Path("/usr/share/java/junit-platform-console-standalone.jar")
JUNIT4 = f"{M2}/junit/junit/4.13.2/junit-4.13.2.jar:{M2}/org/hamcrest/hamcrest-core/1.3/hamcrest-core-1.3.jar"
MAIN, TEST = "src/main/java/org/saltern", "src/test/java/org/saltern"

# salt towns (round 284's KILNS, this round's)
TOWNS = ["Droitwich", "Nantwich", "Northwich", "Middlewich", "Lymington", "Maldon", "Saltcoats", "Prestonpans",
         "Shields"]

# this round's faults, put in (in round 284's words, before the copy) after the expectations were made
FAULTS = [
    ("Charge.java", "return (stoneKg * ratioPct + 99) / 100;", "return (stoneKg * ratioPct + 90) / 100;"),
    ("Charge.java", "return stoneKg * 56 / 100;", "return stoneKg / 100 * 56;"),
    ("Burn.java", "if (ratePerHour <= 0) {", "if (ratePerHour < 50) {"),
    ("Burn.java", 'return "hard-burnt";', "return null;"),
    ("Draw.java", '"%s-D%03d %,d kg"', '"%s-D%03d %d kg"'),
]

# round 284's words, then this round's (applied in order to paths and texts)
RENAMES = (
    ("A lime kiln's charge, burn and draw ledger", "A salt works' brine, boiling and lump book"),
    ("limekiln-ledger", "saltern-book"),
    ("limekiln", "saltern"),
    ("limestone and fuel", "brine and coal"),
    ("for a charge of", "for a panful of"),
    ("Quicklime", "Salt"),
    ("quicklime", "salt"),
    ("drawn from a charge", "drawn from a panful"),
    ("calcium carbonate keeps 56 percent of its mass", "the brine leaves 56 percent of its weight"),
    ("Carbon dioxide", "Steam"),
    ("co2Kg", "steamKg"),
    ("stoneKg", "brineKg"),
    ("of stone", "of brine"),
    ("int stone", "int brine"),
    ("(stone,", "(brine,"),
    ("fuelKilos", "coalKilos"),
    ("fuelKg", "coalKg"),
    ("Fuel", "Coal"),
    ("fuel", "coal"),
    ("slakedKg", "stovedKg"),
    ("slaked weight", "stoved weight"),
    ("water adds 32 percent", "the moulds add 32 percent"),
    ("hoursToPeak", "hoursToBoil"),
    ("grade of the lime", "grade of the salt"),
    ("hard-burnt", "coarse"),
    ("under-burnt", "fine"),
    ('"good"', '"common"'),
    ("ticket", "docket"),
    ("carter", "raker"),
    ("Carter", "Raker"),
    ("eye of the kiln", "lip of the pan"),
    ("EyeTest", "WichTest"),
    ("PotTest", "PanHouseTest"),
    ("QuarryTest", "BrinePitTest"),
    ("DraughtTest", "HothouseTest"),
    ("WeekLedger", "WeekBook"),
    ("Ledger", "Book"),
    ("Shift", "Turn"),
    ("Charge", "Brine"),
    ("Burn", "Boil"),
    ("Draw", "Lump"),
    ("The burn", "The boil"),
    ("The draw", "The lumping"),
    ("draws", "lumps"),
    ("Kiln", "Pan"),
    ("kiln", "pan"),
)

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.saltern</groupId>
  <artifactId>saltern-book</artifactId>
  <version>1.2.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>%(jupiter)s</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>%(compiler)s</version>
      <configuration><showWarnings>true</showWarnings><compilerArgs><arg>-Xlint:all</arg></compilerArgs></configuration></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>%(surefire)s</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>%(jar)s</version></plugin>
  </plugins></build>
</project>
"""
VERSIONS = {"jupiter": "5.11.4", "compiler": "3.14.0", "surefire": "3.5.2", "jar": "3.4.2"}
FALLBACK = {"jupiter": "5.10.2", "compiler": "3.13.0", "surefire": "3.2.5", "jar": "3.4.1"}  # round 321's


def stage_of(dest: Path) -> Path:
    return dest.parent / (dest.name + "-stage")


def project(dest: Path, seed: int, n_classes: int, per_class: int, junit: int, layout: str = "maven") -> Path:
    """Round 284's project with this round's towns, seed and faults, copied in this round's words."""
    pans.KILNS, pans.BUGS = TOWNS, FAULTS
    st = pans.project(stage_of(dest), seed, n_classes, per_class, junit, layout)
    pans.break_it(st, layout)
    return rake_into(st, dest, RENAMES)


def refactor(dest: Path, seed: int, n: int, errors: bool, edit=None) -> Path:
    """Round 284's refactor gone wrong (compile errors, -Xlint warnings), this round's seed, in this round's words."""
    pans.KILNS = TOWNS
    st = pans.refactor(stage_of(dest), seed, n, errors)
    if edit:
        edit(st)
    return rake_into(st, dest, RENAMES)


def pom() -> str:
    """The POM with this round's plugin versions; each that does not resolve offline (a one-test probe project run
    to `package`) is replaced by round 321's, one at a time."""
    probe = Path("/dev/shm/hm-corpus-wide334-probe")
    chosen = dict(VERSIONS)
    for key in [None, "surefire", "jar", "compiler", "jupiter"]:
        if key:
            chosen[key] = FALLBACK[key]
        if probe.exists():
            shutil.rmtree(probe)
        (probe / "src/main/java/p").mkdir(parents=True)
        (probe / "src/test/java/p").mkdir(parents=True)
        (probe / "src/main/java/p/A.java").write_text("package p;\npublic class A {}\n")
        (probe / "src/test/java/p/ATest.java").write_text(
            "package p;\nclass ATest {\n    @org.junit.jupiter.api.Test\n    void a() {}\n}\n")
        (probe / "pom.xml").write_text(POM % chosen)
        out = run("mvn -o -B -Dstyle.color=never package", cwd=probe, timeout=300)
        shutil.rmtree(probe)
        if "BUILD SUCCESS" in out:
            break
    note(f"maven plugin versions: {chosen}")
    return POM % chosen


def maven(tmp: Path) -> None:
    from capture_wide334 import cap
    text = pom()
    mvn = "mvn -o -B -Dstyle.color=never"
    typed = "mvn -o -B"
    root = project(tmp / "saltern-mvn", 33410, 6, 16, 5)
    (root / "pom.xml").write_text(text)
    cap("mvn-test-saltern", f"{mvn} test", root, n_mvn, timeout=500, typed=f"{typed} test")
    cap("surefire-report-saltern", "cat target/surefire-reports/*.txt", root, n_surefire_txt)
    cap("mvn-test-boil-lump-tail", f"{mvn} test -Dtest='BoilTest,LumpTest' 2>&1 | tail -n 70", root, n_mvn,
        timeout=500, typed=f"{typed} test -Dtest='BoilTest,LumpTest' 2>&1 | tail -n 70")
    cap("surefire-report-lump", "cat target/surefire-reports/org.saltern.LumpTest.txt", root, n_surefire_txt)
    cap("surefire-report-boil", "cat target/surefire-reports/org.saltern.BoilTest.txt", root, n_surefire_txt)
    cap("mvn-test-brine-full-trace", f"{mvn} test -Dtest=BrineTest -DtrimStackTrace=false", root, n_mvn,
        timeout=500, typed=f"{typed} test -Dtest=BrineTest -DtrimStackTrace=false")
    cap("mvn-test-raker-grep", f"{mvn} test -Dtest='Raker*,NightTurn*' 2>&1 | grep -E 'Tests run|FAIL|ERROR'", root,
        n_mvn, timeout=500, typed=f"{typed} test -Dtest='Raker*,NightTurn*' 2>&1 | grep -E 'Tests run|FAIL|ERROR'")
    cap("mvn-test-quiet-head", f"{mvn} -q test 2>&1 | head -n 100", root, n_mvn, timeout=500,
        typed=f"{typed} -q test 2>&1 | head -n 100")
    cap("mvn-offline-verify-exit", f"{mvn} verify; echo EXIT=$?", root, n_mvn_offline, timeout=500,
        typed=f"{typed} verify; echo EXIT=$?")
    bad = refactor(tmp / "saltern-refactor", 33411, 13, True)
    (bad / "pom.xml").write_text(text)
    cap("mvn-compile-refactor", f"{mvn} compile", bad, N_MVN_COMPILE, timeout=500, typed=f"{typed} compile")
    lint = refactor(tmp / "saltern-lint", 33412, 19, False)
    (lint / "pom.xml").write_text(text)
    cap("mvn-compile-xlint-grep", f"{mvn} compile 2>&1 | grep -E 'WARNING|ERROR|BUILD'", lint,
        N_MVN_COMPILE, timeout=500, typed=f"{typed} compile 2>&1 | grep -E 'WARNING|ERROR|BUILD'")


def javac(tmp: Path) -> None:
    from capture_wide334 import cap
    bad = refactor(tmp / "saltern-javac", 33413, 21, True)
    cap("javac-refactor-errors", f"javac -d out {MAIN}/*.java", bad, n_javac)
    cap("javac-xlint-all-errors", f"javac -Xlint:all -d out {MAIN}/*.java", bad, n_javac_many)
    lint = refactor(tmp / "saltern-javac-lint", 33414, 34, False)
    cap("javac-xlint-all-exit", f"javac -Xlint:all -Xmaxwarns 1000 -d out {MAIN}/*.java; echo EXIT=$?", lint,
        n_javac_many)
    cap("javac-xlint-some-head", f"javac -Xlint:deprecation,unchecked,rawtypes,removal -d out {MAIN}/*.java 2>&1 "
        "| head -n 110", lint, n_javac_many)


def junit(tmp: Path) -> None:
    from capture_wide334 import cap
    j5 = project(tmp / "saltern-j5", 33415, 8, 34, 5)
    run(f"javac -d out {MAIN}/*.java && javac -d out-test -cp out:{CONSOLE} {TEST}/*.java", cwd=j5, timeout=300)
    base = f"java -jar {CONSOLE} -cp out:out-test --disable-banner"
    cap("junit-console-saltern", f"{base} --select-class org.saltern.BrineTest --select-class "
        "org.saltern.BoilTest --select-class org.saltern.WichTest --details=tree", j5, n_junit, timeout=300)
    small = project(tmp / "saltern-j5-small", 33416, 2, 10, 5)
    run(f"javac -d out {MAIN}/*.java && javac -d out-test -cp out:{CONSOLE} {TEST}/*.java", cwd=small, timeout=300)
    cap("junit-console-summary-exit", f"{base} --scan-classpath --details=summary; echo EXIT=$?", small, n_junit,
        timeout=300)
    j4 = project(tmp / "saltern-j4", 33417, 7, 32, 4)
    run(f"javac -d out {MAIN}/*.java && javac -d out-test -cp out:{JUNIT4} {TEST}/*.java", cwd=j4, timeout=300)
    classes = " ".join(f"org.saltern.{n}" for n in ["BrineTest", "BoilTest", "LumpTest", "NightTurnTest",
                                                    "WeekBookTest", "RakerTest", "WichTest"])
    cap("junit4-core-saltern", f"java -cp out:out-test:{JUNIT4} org.junit.runner.JUnitCore {classes}", j4, n_junit4,
        timeout=300)
    cap("junit4-core-lump-head", f"java -cp out:out-test:{JUNIT4} org.junit.runner.JUnitCore org.saltern.LumpTest "
        "org.saltern.RakerTest 2>&1 | head -n 110", j4, n_junit4, timeout=300)


def ant(tmp: Path) -> None:
    from capture_wide334 import cap
    root = project(tmp / "saltern-ant", 33418, 6, 30, 4, layout="ant")
    (root / "build.xml").write_text(brine_words(pans.BUILD_XML, RENAMES))
    cap("ant-junit-saltern", "ant test", root, n_ant_junit, timeout=500)
    cap("ant-junit-clean-tail", "ant clean test 2>&1 | tail -n 80", root, n_ant_junit, timeout=500)

    def to_ant_layout(st: Path) -> None:
        shutil.move(str(st / "src/main/java/org"), str(st / "src/org"))
        (st / "test").mkdir(exist_ok=True)
        (st / "test" / ".keep").write_text("")

    bad = refactor(tmp / "saltern-ant-refactor", 33419, 16, True, edit=to_ant_layout)
    (bad / "build.xml").write_text(brine_words(pans.BUILD_XML, RENAMES))
    cap("ant-javac-refactor", "ant compile", bad, n_ant_javac, timeout=500)


def checkstyle(tmp: Path) -> None:
    from capture_wide334 import cap

    def swallow(st: Path) -> None:
        p = st / "src/main/java/org/limekiln/Shift07.java"
        p.write_text(p.read_text().replace("public class Shift07 {", "public class Shift07 {\n    private String pan;\n\n"
                                           "    public int depthOf(String pan) {\n        try {\n"
                                           "            return Integer.parseInt(pan) * 12;\n"
                                           "        } catch (RuntimeException e) {\n        }\n        return 0;\n"
                                           "    }\n"))

    lint = refactor(tmp / "saltern-checkstyle", 33420, 14, False, edit=swallow)
    (lint / "checks.xml").write_text(pans.CHECKS)
    cap("checkstyle-saltern", f"checkstyle -c checks.xml {MAIN}", lint, N_CHECKSTYLE, timeout=300)
    cap("checkstyle-head-exit", f"checkstyle -c checks.xml {MAIN} 2>&1 | head -n 140; echo EXIT=$?", lint,
        N_CHECKSTYLE, timeout=300)
    cap("checkstyle-sun", f"checkstyle -c /sun_checks.xml {MAIN}/Boil.java {MAIN}/Lump.java {MAIN}/Turn07.java", lint,
        N_CHECKSTYLE, timeout=300)


STEPS = [maven, javac, junit, ant, checkstyle]
