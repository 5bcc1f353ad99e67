"""Fidelity rules of round 4 (issue #11), found on the tuning part of wide4.json: each test names
the rule and fails without it."""

from __future__ import annotations


from tests.support import RULES, lossy_rendering

S = RULES


def _lossy(text: str) -> tuple[str, str]:
    return lossy_rendering(text, S)


def _node_failure(k: int) -> list[str]:
    return [
        f"✖ computes invoice total #{k} ({k / 7:.6f}ms)",
        "  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
        "  ",
        f"  {k * 2} !== {k * 2 + 1}",
        "  ",
        f"      at TestContext.<anonymous> (/srv/app/test/m{k}.test.js:{k + 3}:10)",
        "      at Test.runInAsyncScope (node:async_hooks:206:9)",
        "      at Test.run (node:internal/test_runner/test:796:25)",
        "      at Test.processPendingSubtests (node:internal/test_runner/test:526:18)",
        "      at Test.postRun (node:internal/test_runner/test:889:19)",
        "      at Test.run (node:internal/test_runner/test:835:12)",
        "      at async Test.processPendingSubtests (node:internal/test_runner/test:526:7) {",
        "    generatedMessage: true,",
        "    code: 'ERR_ASSERTION',",
        f"    actual: {k * 2},",
        f"    expected: {k * 2 + 1},",
        "    operator: 'strictEqual'",
        "  }",
    ]


def test_a_heavy_cross_marks_a_failing_test() -> None:
    # node --test's reporters mark a failing test "✖ name": the test's id, kept with every failure
    dots = ["." * 13 + "X" + "." * 6] + ["." * 20] * 5
    fails = [13, 37, 41]
    lines = [*dots, "", "", "Failed tests:", ""]
    for k in fails:
        lines += _node_failure(k)
        if k == 13:
            lines += ["✖ parses header #22 (0.243791ms)", "  SyntaxError [Error]: Unexpected end of JSON input",
                      "      at JSON.parse (<anonymous>)"] + _node_failure(22)[5:12] + ["  }"]
    _, out = _lossy("\n".join(lines) + "\n")
    for k in fails:
        assert f"✖ computes invoice total #{k} (" in out


def test_a_tab_before_the_last_cell_does_not_hide_the_whitespace_columns() -> None:
    # git ls-tree -r -l: "mode type sha size<TAB>path"; split at the tab, mode and size are one cell
    import hashlib

    rows = []
    for k in range(90):
        mode = "100755" if k == 41 else "100644"
        size = 7 if k == 30 else 98_765 if k == 55 else 300 + (k * 37) % 900
        sha = hashlib.sha1(str(k).encode()).hexdigest()
        rows.append(f"{mode} blob {sha} {size:>7}\tsrc/pkg{k % 5}/f{k:02d}.py")
    _, out = _lossy("\n".join(rows) + "\n")
    for k in (30, 41, 55):
        assert rows[k] in out


def test_each_packages_verdict_is_kept_among_passing_lines() -> None:
    # go test -bench ./...: per package a header, benchmark rows, PASS and "ok <package> <time>";
    # the ok lines read like passing tests but each is a package's verdict
    lines: list[str] = []
    pkgs = ["cart", "price", "ship", "stock", "tax", "user"]
    for k, p in enumerate(pkgs):
        lines += ["goos: linux", "goarch: amd64", f"pkg: example.com/shop/{p}", "cpu: AMD EPYC"]
        lines += [f"BenchmarkF{j}-2   \t    2000\t        {3 + (j * 7 + k) % 40}.{j}1 ns/op\t       0 B/op\t       0 allocs/op"
                  for j in range(k + 3)]
        lines += ["PASS", f"ok  \texample.com/shop/{p}\t0.0{k + 1}9s"]
    _, out = _lossy("\n".join(lines) + "\n")
    for p in pkgs:
        assert f"ok  \texample.com/shop/{p}\t" in out


def test_each_packages_verdict_record_is_lifted_from_the_passing_records() -> None:
    # go test -json ./...: per test "run", "output" and "pass" records, then the package's own
    # "pass" or "fail" record, which names no test: the JSON form of "ok  <package>  0.03s"
    import json

    from headroom_mitm.compress.lineindex import LineIndex
    from headroom_mitm.compress import verdicts
    from headroom_mitm.compress.select import HIGH, LOW

    lines: list[str] = []
    units: list[int] = []
    for k, p in enumerate(["cart", "price", "ship"]):
        pkg = f"example.com/shop/{p}"
        for j in range(5):
            lines += [json.dumps({"Time": f"2026-11-30T16:13:38.{k}{j}1Z", "Action": a, "Package": pkg,
                                  "Test": f"TestCase{j}"}, separators=(",", ":")) for a in ("run", "pass")]
        units.append(len(lines))
        lines.append(json.dumps({"Time": f"2026-11-30T16:13:38.{k}99Z", "Action": "fail" if k == 1 else "pass",
                                 "Package": pkg, "Elapsed": 0.03}, separators=(",", ":")))
    rank = [LOW] * len(lines)
    verdicts.keep_unit_verdicts(LineIndex("\n".join(lines)), rank)
    assert [i for i, r in enumerate(rank) if r == HIGH] == units


def test_per_test_passes_named_twice_are_not_verdicts() -> None:
    from headroom_mitm.compress import verdicts
    from headroom_mitm.compress.lineindex import LineIndex
    from headroom_mitm.compress.select import LOW

    text = "\n".join(f"PASS src/a.test.js ({k}.1 s)" for k in range(12))
    rank = [LOW] * 12
    verdicts.keep_unit_verdicts(LineIndex(text), rank)
    assert rank == [LOW] * 12


def test_where_a_phase_wrote_its_output_is_kept() -> None:
    # cmake's configure phase ends with where it wrote the build files; the build's warnings follow
    src = "/srv/imgtool/src"
    enter, leave = "make[2]: Entering directory '/srv/imgtool/build'", "make[2]: Leaving directory '/srv/imgtool/build'"
    lines = [
        "-- The C compiler identification is GNU 12.2.0",
        "-- Detecting C compiler ABI info",
        "-- Detecting C compiler ABI info - done",
        "-- Check for working C compiler: /usr/bin/cc - skipped",
        "-- Detecting C compile features",
        "-- Detecting C compile features - done",
        "-- Configuring done",
        "-- Generating done",
        "-- Build files have been written to: /srv/imgtool/build",
        "make: Entering directory '/srv/imgtool/build'",
        "make[1]: Entering directory '/srv/imgtool/build'",
        enter, leave, enter,
    ]
    flags = ["sign-compare", "use-after-free", "shadow", "unused-variable", "unused-label", "format-extra-args",
             "unused-parameter", "stringop-overflow="]
    for k, flag in enumerate(flags):
        if k % 3 == 0:
            lines += [f"[{k * 12:3d}%] Building C object CMakeFiles/img.dir/src/part{k}.c.o",
                      f"{src}/part{k}.c: In function ‘fill_{k}’:"]
        lines += [
            f"{src}/part{k}.c:{k + 20}:23: warning: something about ‘v{k}’ in this statement [-W{flag}]",
            f"   {k + 20} |     for (int i = 0; i <= n; i++) im->px[i] = v{k};",
            "      |                       ^~",
            f"{src}/part{k}.c:{k + 10}:5: note: declared here",
            f"   {k + 10} |     int v{k} = 0;",
            "      |     ^~~~~~~~",
        ]
        if k % 3 == 2:
            lines += [f"[{k * 12:3d}%] Linking C static library libimg{k}.a", leave, f"[{k * 12:3d}%] Built target img{k}",
                      enter, leave, enter]
    lines += [
        f"{src}/bench.c:6:5: error: expected ‘,’ or ‘;’ before ‘for’",
        "    6 |     for (int i = 0; i < 100; i++) blur(im, i % 5);",
        "      |     ^~~",
        f"{src}/bench.c:8:12: error: ‘missing_symbol’ undeclared (first use in this function)",
        "    8 |     return missing_symbol;",
        "      |            ^~~~~~~~~~~~~~",
        "make[2]: *** [CMakeFiles/imgbench.dir/build.make:76: CMakeFiles/imgbench.dir/src/bench.c.o] Error 1",
        "make[2]: Target 'CMakeFiles/imgbench.dir/build' not remade because of errors.",
        leave,
        "make[1]: *** [CMakeFiles/Makefile2:139: CMakeFiles/imgbench.dir/all] Error 2",
        "make: *** [Makefile:91: all] Error 2",
        "make: Leaving directory '/srv/imgtool/build'",
    ]
    _, out = _lossy("\n".join(lines) + "\n")
    assert "-- Build files have been written to: /srv/imgtool/build" in out
