"""Round 158, D: a tide-table library (`tides`) under LDC 1.30 and dub 1.27, its modules widened by a seeded
generator with unittest failures and compile errors put in: ldc2's own error output, `dub test` and `dub build`
(offline: the package has no dependencies). The kinds' rules are NEEDLES.md's "Round 158". Run through
capture_wide158.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide158 import cap, status


def _ldc_lines(lines) -> list:
    """ldc2's lines by NEEDLES.md's ldc2-error rule."""
    out: list = []
    pairs = []
    in_error = False
    for ln in lines:
        m = re.match(r"^(\S+\.d)\(\d+(?:,\d+)?\): (Error|Deprecation|Warning): (.*)$", ln)
        if m:
            in_error = m.group(2) == "Error"
            if in_error:
                out.append(ln)
            else:
                pairs.append(((m.group(1), m.group(2), mask(m.group(3))), ln))
            continue
        m = re.match(r"^(\S+\.d)\(\d+(?:,\d+)?\):\s{2,}(.*)$", ln)
        if m and in_error and not m.group(1).startswith("/usr/"):
            out.append(ln)  # a supplemental line in the project's own file: a candidate, an instantiation
            continue
        if not m:
            in_error = in_error and ln.startswith(" ")
    return out + groups(pairs)


@kind("ldc2-error", "build")
def n_ldc2(lines):
    """Rule 1 on ldc2: every 'file.d(L,C): Error:' line, every supplemental line under it in the project's own files (candidates, instantiations), Deprecation:/Warning: lines one {"any"} per (message shape, file), the status line; rule 5 the 'did you mean' suggestions (on their error lines)."""
    return _ldc_lines(lines) + status(lines)


def _dub_lines(lines) -> list:
    return [ln for ln in lines if re.search(r"^Building package |: building configuration \"|^(Error )?Program exited "
                                            r"with code|^(Error )?\S+ failed with exit code|^\S+ ~\S+: building", ln)]


@kind("dub-test", "test")
def n_dub_test(lines):
    """Rule 2 on dub test: every 'file.d(N): [unittest] ...' and '...Error@file(N): ...' line, the 'N/M modules FAILED unittests' / 'All unittests passed' line, dub's '[Error ]Program exited with code N' line; rule 5 the package/configuration line being built; the status line."""
    out = [ln for ln in lines if re.search(r"^\S+\.d\(\d+\): \[unittest\]|^[\w.]+(Error|Exception)@\S+\(\d+\)|"
                                           r"modules FAILED unittests|unittests passed|^\d+ modules passed", ln)]
    return out + _ldc_lines(lines) + _dub_lines(lines) + status(lines)


@kind("dub-build", "build")
def n_dub_build(lines):
    """Rule 1 on dub build: the compiler's lines as ldc2-error reads them, dub's '[Error ]ldc2 failed with exit code N.' line; rule 5 the package/configuration line being built; the status line."""
    return _ldc_lines(lines) + _dub_lines(lines) + status(lines)


TIDES = """module tides.core;
import std.math : sin, cos, PI, abs;

/// height of the tide above chart datum after `hours`, a single M2 constituent
double height(double hours, double amp, double phase = 0) {
    return amp * sin(2 * PI * hours / 12.42 + phase);
}

/// hours to the next high water from `hours`
double nextHigh(double hours) {
    immutable period = 12.42;
    return period / 4 - (hours % period);   // bug: negative past the first peak
}

/// the range between high and low water
double tidalRange(double[] heights) {
    double lo = heights[0], hi = heights[0];
    foreach (h; heights[1 .. $ - 1]) {     // bug: skips the last sample
        if (h < lo) lo = h;
        if (h > hi) hi = h;
    }
    return hi - lo;
}
"""


def port_module(k: int, rng: random.Random, broken: str | None) -> str:
    """A port's harmonic constants and their unittests; some expectations are wrong."""
    name = f"port{k:02d}"
    amp = round(rng.uniform(0.4, 4.5), 2)
    tests = []
    for t in range(rng.randint(3, 6)):
        c = rng.randrange(4)
        if c == 0:
            tests.append(f"unittest {{ assert(abs(height(0, {amp})) < 1e-9, \"{name}: datum at t0\"); }}")
        elif c == 1:
            h = round(rng.uniform(0, 12), 2)
            tests.append(f"unittest {{ assert(nextHigh({h}) >= 0, \"{name}: next high after {h}h is in the future\"); }}")
        elif c == 2:
            n = rng.randint(4, 30)
            tests.append(f"unittest {{\n    double[] hs;\n    foreach (i; 0 .. {n}) hs ~= height(i * 0.5, {amp});\n"
                         f"    assert(tidalRange(hs) > {amp * 1.5:.2f}, \"{name}: spring range over {n} samples\");\n}}")
        else:
            tests.append(f"unittest {{ assert(height(3.105, {amp}) <= {amp} + 1e-9); }}")
    body = "\n".join(tests)
    extra = ""
    if broken == "undef":
        extra = f"\ndouble surge{k}(double h) {{ return h * windSetup; }}\n"
    elif broken == "type":
        extra = f"\nint meanLevel{k}() {{ double m = {amp}; return m; }}\n"
    elif broken == "typo":
        extra = f"\ndouble peak{k}() {{ return heigth(3.1, {amp}); }}\n"
    elif broken == "call":
        extra = f"\ndouble low{k}() {{ return height(\"09:30\", {amp}); }}\n"
    elif broken == "tmpl":
        extra = (f"\ndouble avg{k}() {{\n    import std.algorithm : map, sum;\n"
                 f"    return [1, 2, 3].map!(x => x.metres).sum / 3.0;\n}}\n")
    elif broken == "const":
        extra = f"\nvoid reset{k}() {{ amplitude = 0; }}\n"
    elif broken == "depr":
        extra = f"\ndeprecated(\"use height\") double oldHeight{k}(double h) {{ return h; }}\n" \
                f"double lvl{k}() {{ return oldHeight{k}(1.0); }}\n"
    return (f"module tides.{name};\nimport tides.core;\nimport std.math : abs;\n\nenum amplitude = {amp};\n"
            f"{extra}\n{body}\n")


def tides_pkg(root: Path, n_ports: int, seed: int, broken: dict | None = None) -> None:
    rng = random.Random(seed)
    broken = broken or {}
    files = {"dub.json": '{"name": "tides", "description": "tide tables", "license": "MIT", "targetType": "library"}\n',
             "source/tides/core.d": TIDES}
    for k in range(n_ports):
        files[f"source/tides/port{k:02d}.d"] = port_module(k, rng, broken.get(k))
    write_tree(root, files)


def tides(tmp: Path) -> None:
    root = tmp / "tides"
    tides_pkg(root, 14, seed=158)
    cap("dub-test-ldc2-exit", "dub test --compiler=ldc2; echo EXIT=$?", root, n_dub_test, timeout=600)
    big = tmp / "tides-big"
    tides_pkg(big, 60, seed=1584)
    cap("dub-test-big", "dub test --compiler=ldc2 2>&1", big, n_dub_test, timeout=900)
    cap("dub-test-big-tail-80", "dub test --compiler=ldc2 2>&1 | tail -n 80", big, n_dub_test, timeout=900)
    cap("dub-test-big-grep-unittest", "dub test --compiler=ldc2 2>&1 | grep -E 'Error@|unittests|exited'", big,
        n_dub_test, timeout=900)

    bad = tmp / "tides-broken"
    tides_pkg(bad, 24, seed=1585, broken={2: "undef", 5: "type", 7: "typo", 9: "call", 11: "depr", 14: "undef",
                                          17: "typo", 20: "type", 22: "depr"})
    cap("dub-build-errors-exit", "dub build --compiler=ldc2; echo EXIT=$?", bad, n_dub_build, timeout=600)
    wall = tmp / "tides-wall"
    rng = random.Random(15850)
    tides_pkg(wall, 90, seed=1586, broken={k: rng.choice(["undef", "type", "typo", "call", "depr", "tmpl", "const"])
                                            for k in range(90) if rng.random() < 0.6})
    cap("ldc2-errors-all-modules", "ldc2 -c -o- -Isource -wi -vcolumns source/tides/*.d; echo EXIT=$?", wall,
        n_ldc2)
    cap("ldc2-errors-verrors-0", "ldc2 -c -o- -Isource -verrors=0 source/tides/*.d 2>&1; echo EXIT=$?", wall,
        n_ldc2)
    cap("ldc2-errors-de-head-60", "ldc2 -c -o- -Isource -de -verrors=0 source/tides/*.d 2>&1 | head -n 60", wall,
        n_ldc2)


STEPS = [tides]
