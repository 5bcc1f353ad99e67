"""Fidelity rules of round 8 (issue #11), found on the tuning part of wide8.json (kinds nobody
tuned for): each test names the rule, holds for outputs never seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.settings import CompressionSettings

from tests.support import RULES, lossy_rendering

S = RULES


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def _profile_rows(n: int) -> list[str]:
    parts = ["grid", "cell", "flow", "heat", "mesh", "wave", "body", "wind", "tide"]
    names = [f"{a}_{b}" for a in parts for b in parts if a != b][:n]
    return [f"{(n - k) * 9173:>9,} ({(n - k) * 0.031:5.2f}%)  src/engine/{name.split('_')[0]}.c:{name} [/srv/sim/bin/sim]"
            for k, name in enumerate(names)]


def test_a_total_line_is_a_summary_wherever_it_sits() -> None:
    # A profile prints its total over its rows, far from the last lines.
    lines = [
        "-" * 60,
        "Profile data file 'sim.prof' (creator: simprof-2.1)",
        "-" * 60,
        *[f"{key}:  {value}" for key, value in [("Events recorded", "Cycles"), ("Events shown", "Cycles"),
                                                ("Event sort order", "Cycles"), ("Thresholds", "99"),
                                                ("Include dirs", "src/engine"), ("User annotated", "main.c"),
                                                ("Auto-annotation", "on"), ("Timerange", "Basic block 0 - 9812221"),
                                                ("Trigger", "Program termination"), ("Profiled target", "./sim --steps 4000")]],
        "",
        "-" * 60,
        "Cycles",
        "-" * 60,
        "48,211,907 (100.0%)  PROGRAM TOTALS",
        "",
        "-" * 60,
        "Cycles            file:function",
        "-" * 60,
        *_profile_rows(70),
        "",
        *[f"  src/engine/{name}.c" for name in ("grid", "cell", "flow", "heat", "mesh", "wave", "body", "wind", "tide")],
        "",
        "913,226 (1.89%)  events annotated",
    ]
    # Cut from 2 KB: this profile is under the default size at which cutting starts.
    out = lossy_rendering("\n".join(lines) + "\n", CompressionSettings(min_lossy_chars=2048, min_ranked_chars=2048))[1]
    assert "48,211,907 (100.0%)  PROGRAM TOTALS" in out


def test_a_name_holding_total_is_no_total_line() -> None:
    from headroom_mitm.compress.lineindex import LineIndex
    from headroom_mitm.compress.verdicts import keep_totals

    lines = ["ledger/book_01.py:16 in public function `total_12`:", "    int unused_total = 3;", "total 48", "Total: 12 files"]
    rank = [4] * len(lines)
    keep_totals(LineIndex("\n".join(lines)), rank)
    assert rank == [4, 4, 0, 0]


def _script_with_profile() -> str:
    verbs = ["load", "parse", "merge", "skip", "index", "flush", "check", "write"]
    nouns = ["orders", "invoices", "customers", "refunds", "ledgers"]
    funcs = [f"ingest/{n}.py:{(i * 37) % 400 + 3}({v}_{n})" if i % 3 else f"{{method '{v}' of '{n}' objects}}"
             for i, (v, n) in enumerate((v, n) for v in verbs for n in nouns)]
    head = ["Sun Mar  2 10:04:11 2026    ingest.prof", "",
            "         412903 function calls (409711 primitive calls) in 1.884 seconds", "",
            "   Ordered by: internal time", "   List reduced from 311 to 40 due to restriction <40>", ""]
    stats = [
        "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)",
        *[f"{98211 if k == 17 else (k + 1) * 37:>9}    {0.9 / (k + 1):.3f}    0.000    {1.2 / (k + 1):.3f}    0.000 {f}"
          for k, f in enumerate(funcs)],
        "", "",
        "   Ordered by: internal time", "",
        "Function                                          was called by...",
    ]
    callers = []
    for k, f in enumerate(funcs):  # each function over the callers it was called by
        callers.append(f.ljust(50) + f"<- {k + 3:>6}    0.00{k % 10}    0.0{k % 7}1  {funcs[(k * 7 + 3) % 40]}")
        callers += [" " * 53 + f"{j + 1:>6}    0.000    0.00{j}  {funcs[(k + j * 5) % 40]}" for j in range(k % 4)]
    return "\n".join(head + stats + callers) + "\n"


def test_column_titles_among_other_lines_stay_with_their_first_row() -> None:
    # A profile's table inside a log: what each number means, and the top of what it sorts by.
    out = _lossy(_script_with_profile())
    assert "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)" in out
    assert "       37    0.900    0.000    1.200    0.000 {method 'load' of 'orders' objects}" in out
    # and its rows ranked as a table's: the most calls
    assert next(x for x in _script_with_profile().split("\n") if x.startswith("    98211 ")) in out


def test_notes_under_an_error_are_told_apart_by_what_they_quote() -> None:
    # Every overload candidate g++ lists says why the call did not match: one per candidate.
    lines = ["render.cpp: In function ‘int main()’:",
             "render.cpp:41:9: error: no matching function for call to ‘draw(Canvas&, const char [4])’",
             "   41 |     draw(canvas, \"red\");",
             "      |     ~~~~^~~~~~~~~~~~~~~"]
    kinds = ["Circle", "Square", "Polygon<3>", "Polygon<4>", "Path", "Text", "Image", "Group", "Layer", "Sprite"]
    for k, kind in enumerate(kinds):
        lines += [
            f"/usr/include/gfx/draw.hpp:{100 + 9 * k}:6: note: candidate: ‘void gfx::draw(Canvas&, const {kind}&)’",
            f"  {100 + 9 * k} | void draw(Canvas& c, const {kind}& s);",
            "      |      ^~~~",
            f"/usr/include/gfx/draw.hpp:{100 + 9 * k}:6: note:   no known conversion for argument 2 from ‘const char [4]’ to ‘const {kind}&’",
        ]
    lines += [f"render.cpp:{50 + k}:5: warning: unused variable ‘tmp{k}’ [-Wunused-variable]" for k in range(30)]
    lines += ["make: *** [Makefile:12: render.o] Error 1"]
    out = _lossy("\n".join(lines) + "\n")
    for kind in kinds:
        assert f"note: candidate: ‘void gfx::draw(Canvas&, const {kind}&)’" in out, kind


def test_the_slowest_and_the_fastest_timed_lines_stay() -> None:
    # A duration is a log's numeric column: its extremes survive sampling, as a table's do, also
    # where services interleave their lines (no one table).
    paths = ["/api/cart", "/api/items", "/api/user", "/healthz", "/api/search"]
    lines = []
    for k in range(300):
        stamp = f"2026-03-02T10:{k // 60:02d}:{k % 60:02d}.{k * 7 % 1000:03d}Z"
        extra = ["", " cache=miss", " user=svc-report", "", " upstream=b retry=1"][k % 5]
        took = {131: 99, 197: 1}.get(k, k * 37 % 40 + 3)  # alike the others but for the number
        lines.append(f"api-1     | {stamp} INFO {['GET', 'POST'][k % 2]} {paths[k % 5]}/{k * 13 % 97} 200 {took}ms{extra}")
        if k % 3 == 0:
            lines.append(f"worker-1  | {stamp} picked job {k} from queue default (attempt {k % 3 + 1})")
        if k % 7 == 0:
            lines.append(f"db-1      | {stamp} LOG:  checkpoint starting: time")
    slowest = next(x for x in lines if " 200 99ms" in x)
    fastest = next(x for x in lines if " 200 1ms" in x)
    out = _lossy("\n".join(lines) + "\n")
    assert slowest in out and fastest in out


def test_a_stamp_or_a_word_is_no_duration() -> None:
    from headroom_mitm.compress.durations import keep_duration_extremes
    from headroom_mitm.compress.lineindex import LineIndex

    lines = ["[9.345s][info][gc] Using G1", "fed 10 sheep in 3ms", "sent 12msgs in 4ms", "took=1.2s", "(5 ms)", "ok  pkg/a 0.02s"]
    rank = [4] * len(lines)
    keep_duration_extremes(LineIndex("\n".join(lines)), rank)
    assert rank == [4, 0, 4, 0, 4, 4]  # 3 ms and 1.2 s: not the stamp's 9.3 s, nor 10 s of sheep, nor 12 ms of msgs


def test_a_place_with_no_message_is_no_finding() -> None:
    # addr2line -f prints a function and the place of each address: answers, not warnings to
    # keep one of per file (which would drop every other place in hot.c as a repeat, for ever).
    pairs = [("checksum", "/srv/bench/hot.c:6"), ("checksum", "/srv/bench/hot.c:6 (discriminator 3)"),
             ("make", "/srv/bench/hot.c:7"), ("cmp", "/srv/bench/hot.c:5"), ("main", "/srv/bench/hot.c:14"),
             ("main", "/srv/bench/hot.c:15 (discriminator 2)"), ("??", "??:0")]
    lines = []
    for k in range(60):
        lines += list(pairs[k * 5 % len(pairs)]) if k not in (23, 24) else []
    out = _lossy("\n".join(lines) + "\n")
    assert "[warnings left out" not in out


def test_a_small_directory_among_large_ones_is_listed_whole() -> None:
    # dpkg -L of a package: its few commands in bin/ beside hundreds of docs and data files.
    words = ["alpha", "bravo", "coast", "delta", "ember", "fjord", "glade", "harbor", "inlet", "jetty",
             "kelp", "lagoon", "marsh", "north", "ocean"]
    lines = ["/.", "/usr", "/usr/bin", "/usr/share", "/usr/share/doc", "/usr/share/doc/mapkit"]
    lines += [f"/usr/share/mapkit/styles/{a}-{b}.json" for a in words for b in words if a != b]
    commands = ["/usr/bin/mapkit", "/usr/bin/mapkit-render-offline", "/usr/bin/mapkit-serve-tiles",
                "/usr/bin/mapkit-import-shapefile", "/usr/bin/mapkit-export-geojson", "/usr/bin/mapkit-check-styles"]
    lines[120:120] = commands
    out = _lossy("\n".join(lines) + "\n")
    for c in commands:
        assert c in out


def test_a_tree_of_small_directories_only_is_still_sampled() -> None:
    lines = [f"./src/mod{k:02d}/{name}.py" for k in range(40) for name in ("api", "core", "util", "views", "models")]
    out = _lossy("\n".join(lines) + "\n")
    assert "./src/mod20/views.py" not in out
