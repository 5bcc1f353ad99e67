"""Round 101, Gradle: the yard library (`yardplan`, capture_wide101_ant.py's generator) built by Debian's Gradle 4.4.1
offline, with the `java` plugin and junit4 from /usr/share/java through a flatDir repository: a failing compile,
failing tests, a lint build, the task listing. The extractors are this round's (NEEDLES.md, "Round 101", Gradle).
Run through capture_wide101.py."""

from __future__ import annotations

import re
from pathlib import Path

from capture_more import kind, next_match, run
from capture_wide101 import cap, exit_lines
from capture_wide101_ant import _javac_lines, make_yard


@kind("gradle-build", "build")
def n_gradle_build(lines):
    """Round 101: javac error lines, warnings one {"any"} per (shape, file), failing test lines with the first exception line under them, the tests completed line, FAILURE / What went wrong / Execution failed lines, BUILD … in and actionable tasks lines; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r" > .* FAILED$", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"\S", ahead=2))
        elif re.search(r"\d+ tests? completed, \d+ failed", ln) or ln.startswith("FAILURE: ") \
                or re.search(r"Execution failed for task", ln) or re.match(r"BUILD (FAILED|SUCCESSFUL) in ", ln) \
                or re.match(r"\d+ actionable tasks?:", ln):
            out.append(ln)
        elif ln.startswith("* What went wrong:"):
            out.append(next_match(lines, i, r"\S", ahead=2))
    return out + _javac_lines(lines) + exit_lines(lines)


@kind("gradle-tasks", "build")
def n_gradle_tasks(lines):
    """Round 101: every group header (`… tasks` over a dashed rule) and every task line (name - description)."""
    out = []
    for i, ln in enumerate(lines):
        if i + 1 < len(lines) and re.match(r"^-{3,}$", lines[i + 1]) and ln.strip() and not ln.startswith("All tasks"):
            out.append(ln)
        elif re.match(r"^[a-z][\w:]*( - .*)?$", ln) and not ln.startswith(("To see", "BUILD")):
            out.append(ln)
    return out + exit_lines(lines)


BUILD_GRADLE = """apply plugin: 'java'

description = 'Rail freight yard planning: sidings, trains, tariffs.'
sourceCompatibility = 17

repositories {
    flatDir { dirs '/usr/share/java' }
}

dependencies {
    testCompile name: 'junit4'
    testCompile name: 'hamcrest-core'
}
%s
task manifest(group: 'yard', description: 'Writes the depot manifest of every siding class') {
    doLast { println 'manifest' }
}

task deployToton(group: 'yard', description: 'Copies the jar to the Toton signal box') {
    dependsOn jar
}
"""
LINT = """
tasks.withType(JavaCompile) {
    options.compilerArgs << '-Xlint:all'
}
"""


def gradle(tmp: Path) -> None:
    env = {"GRADLE_USER_HOME": str(tmp / "gradle-home")}
    broken, small, big = tmp / "gr-broken", tmp / "gr-yard", tmp / "gr-big"
    make_yard(broken, 10, 10113, broken=True)
    make_yard(small, 6, 10114, sidings_tests=6)
    make_yard(big, 30, 10115, sidings_tests=20)
    (broken / "build.gradle").write_text(BUILD_GRADLE % LINT)
    (small / "build.gradle").write_text(BUILD_GRADLE % "")
    (big / "build.gradle").write_text(BUILD_GRADLE % LINT)
    g = "gradle --offline --no-daemon"
    cap("gradle-compile-broken", f"{g} compileJava", broken, n_gradle_build, env=env, timeout=400)
    cap("gradle-test-failing", f"{g} test", small, n_gradle_build, env=env, timeout=400)
    cap("gradle-build-lint-tail", f"{g} build 2>&1 | tail -n 60; echo EXIT=$?", big, n_gradle_build, env=env,
        timeout=600)
    cap("gradle-tasks-all", f"{g} tasks --all", small, n_gradle_tasks, env=env, timeout=400)
    run("rm -rf build .gradle", cwd=small)


STEPS = [gradle]
