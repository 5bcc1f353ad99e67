"""Round 95's language projects: a tide-gauge library in Zig, a beam-deflection toolbox in GNU Octave, an Emacs
package for a bell-ringing method library, and a Clojure library of tram timetables, written here with bugs put in
and widened by seeded generators, with the extractors of NEEDLES.md's "Round 95" rules. Run through capture_wide95.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, next_match, write_tree
from capture_wide95 import ZIG, cap

EXIT = r"^EXIT=\d+"


def _exit(lines):
    return [ln for ln in lines if re.match(EXIT, ln)]


def _own(lines, i, pat, ahead=12):
    """the first line after i (within `ahead`) naming the project's own file"""
    return next_match(lines, i, pat, ahead=ahead)


# ------------------------------------------------------------------ extractors: Zig

ZIG_OWN = r"/tmp/hm-corpus-wide95/\S+\.zig:\d+|^(?:src/)?\w+\.zig:\d+"


def _zig_errors(lines):
    out, notes = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\.zig:\d+:\d+: error: ", ln) or re.match(r"error: ", ln):
            out.append(ln)
        elif re.search(r"\.zig:\d+:\d+: note: ", ln):
            f = re.match(r"(\S+?\.zig):", ln)
            notes.append(((mask(ln.split(": note: ", 1)[1]), f.group(1) if f else ""), ln))
        elif re.match(r"(thread \d+ )?panic: ", ln):
            out.append(ln)
            own = _own(lines, i, ZIG_OWN)
            if own:
                out.append(own)
    return out + groups(notes)


@kind("zig-build", "build")
def n_zig_build(lines):
    """every error: line; note: lines one any per (shape, file); a panic: line and its first own trace line; EXIT="""
    return _zig_errors(lines) + _exit(lines)


@kind("zig-test", "test")
def n_zig_test(lines):
    """each failing test's FAIL line, its first expected/found line and first own stack line; panic; N passed; M failed; compile errors"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\.\.\.FAIL \(|' failed|\bFAIL \(\w+\)", ln):
            head = ln if re.match(r"\d+/\d+ \S", ln) else None
            for k in range(i - 1, max(-1, i - 40), -1):  # the `N/M file.test.name...` line names the test
                if head or re.search(r"FAIL \(", lines[k]):
                    break
                if re.match(r"\d+/\d+ \S.*\.\.\.", lines[k]):
                    head = lines[k]
            if head:
                out.append(head)
            out.append(ln)
            own = _own(lines, i, ZIG_OWN, ahead=40)
            if own:
                out.append(own)
        if re.search(r"expected .*, found |^\s*found:|slices differ|first difference occurs", ln, re.I):
            prev = out[-1] if out else ""
            if not re.search(r"expected .*, found |slices differ|first difference", prev, re.I):
                out.append(ln)
        if re.search(r"\d+ passed; \d+ skipped; \d+ failed\.|All \d+ tests passed|^\d+ passed|test command failed", ln):
            out.append(ln)
    return out + _zig_errors(lines) + _exit(lines)


@kind("zig-fmt-check", "lint")
def n_zig_fmt(lines):
    """every file name it lists; a parse error: line with its location; EXIT="""
    out = [ln for ln in lines if re.match(r"\S+\.zig$", ln.strip())]
    return out + _zig_errors(lines) + _exit(lines)


# ------------------------------------------------------------------ Zig: a tide-gauge library

ZIG_LIB = r'''const std = @import("std");

pub const Reading = struct {
    station: u16,
    minute: u32,
    level_mm: i32,
};

pub const Ring = struct {
    buf: [64]Reading = undefined,
    head: usize = 0,
    len: usize = 0,

    pub fn push(self: *Ring, r: Reading) void {
        self.buf[(self.head + self.len) % self.buf.len] = r;
        if (self.len < self.buf.len) {
            self.len += 1;
        } else {
            self.head = (self.head + 1) % self.buf.len;
        }
    }

    pub fn mean(self: *const Ring) i32 {
        if (self.len == 0) return 0;
        var total: i64 = 0;
        var i: usize = 0;
        // bug put in: skips the last reading
        while (i + 1 < self.len) : (i += 1) total += self.buf[(self.head + i) % self.buf.len].level_mm;
        return @intCast(@divTrunc(total, @as(i64, @intCast(self.len))));
    }
};

pub fn parseLevel(text: []const u8) !i32 {
    // "+1234" / "-56" / "1234" in mm; bug put in: the sign of "-" is lost for values over 999
    if (text.len == 0) return error.Empty;
    const neg = text[0] == '-';
    const digits = if (text[0] == '-' or text[0] == '+') text[1..] else text;
    const v = try std.fmt.parseInt(i32, digits, 10);
    if (neg and v < 1000) return -v;
    return v;
}

pub fn highWater(levels: []const i32) i32 {
    var best: i32 = 0; // bug put in: an all-negative series reports 0
    for (levels) |l| {
        if (l > best) best = l;
    }
    return best;
}

pub fn surge(predicted: i32, observed: i32) u16 {
    // bug put in: a negative surge does not fit u16 (checked at run time)
    return @intCast(observed - predicted);
}
'''


def zig_tests(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ['const std = @import("std");', 'const g = @import("gauge.zig");', ""]
    for i in range(n):
        k = rnd.choice(["parse", "parse_neg", "high", "mean", "surge", "surge_neg", "ring"])
        name = f"{k} case {i:03d}"
        v = rnd.randint(1, 4000)
        if k == "parse":
            body = f'try std.testing.expectEqual(@as(i32, {v}), try g.parseLevel("+{v}"));'
        elif k == "parse_neg":
            body = f'try std.testing.expectEqual(@as(i32, -{v}), try g.parseLevel("-{v}"));'
        elif k == "high":
            vals = [rnd.randint(-900, 900) for _ in range(5)]
            if rnd.random() < 0.3:
                vals = [-abs(x) - 1 for x in vals]
            body = f"const xs = [_]i32{{ {', '.join(map(str, vals))} }};\n    try std.testing.expectEqual(@as(i32, {max(vals)}), g.highWater(&xs));"
        elif k == "mean":
            vals = [rnd.randint(100, 900) for _ in range(rnd.randint(1, 4))]
            pushes = "\n    ".join(f"r.push(.{{ .station = 7, .minute = {j}, .level_mm = {x} }});" for j, x in enumerate(vals))
            body = f"var r = g.Ring{{}};\n    {pushes}\n    try std.testing.expectEqual(@as(i32, {int(sum(vals) / len(vals))}), r.mean());"
        elif k == "surge":
            body = f"try std.testing.expectEqual(@as(u16, {v}), g.surge(100, {100 + v}));"
        elif k == "surge_neg":
            continue
        else:
            body = f'var r = g.Ring{{}};\n    var j: u32 = 0;\n    while (j < {v % 200}) : (j += 1) r.push(.{{ .station = 1, .minute = j, .level_mm = 5 }});\n    try std.testing.expectEqual(@as(usize, {min(64, v % 200)}), r.len);'
        out += [f'test "{name}" {{', f"    {body}", "}", ""]
    out += ['test "station names" {', '    try std.testing.expectEqualStrings("Avonmouth", "Avonmouth ");', "}", ""]
    out += ['test "window slice" {', '    const a = [_]i32{ 1, 2, 3, 4 };', '    try std.testing.expectEqualSlices(i32, &[_]i32{ 1, 2, 3, 4 }, a[0..3]);', "}", ""]
    return "\n".join(out)


ZIG_MAIN_BROKEN = r'''const std = @import("std");
const g = @import("gauge.zig");

const Station = struct {
    id: u16,
    name: []const u8,
    datum_mm: i32,
};

fn describe(s: Station) []const u8 {
    return s.label;
}

fn offset(s: Station, level: i64) i32 {
    return level - s.datum_mm;
}

pub fn main() !void {
    var count: usize = 0;
    const stations = [_]Station{
        .{ .id = 1, .name = "Avonmouth", .datum_mm = 6500 },
        .{ .id = 2, .name = "Newport", .datum_mm = 5800, .depth = 3 },
    };
    for (stations) |s| {
        std.debug.print("{s} {d}\n", .{ describe(s), offset(s, 7000) });
    }
    const r: g.Reading = .{ .station = 70000, .minute = 0, .level_mm = 1 };
    _ = r;
    const lvl = g.parseLevel("12") catch |err| switch (err) {
        error.Empty => 0,
    };
    _ = lvl;
}
'''

ZIG_MAIN_PANIC = r'''const std = @import("std");
const g = @import("gauge.zig");

pub fn main() void {
    const predicted = [_]i32{ 5200, 5350, 5400, 5380, 5300, 5100 };
    const observed = [_]i32{ 5260, 5400, 5470, 5390, 5210, 5000 };
    var i: usize = 0;
    while (i < predicted.len) : (i += 1) {
        const s = g.surge(predicted[i], observed[i]);
        std.debug.print("hour {d}: surge {d} mm\n", .{ i, s });
    }
}
'''


def zig_unformatted(n: int, seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for i in range(n):
        name = f"src/stations/{rnd.choice(['avon', 'severn', 'usk', 'wye', 'taff', 'tawe', 'neath'])}_{i:03d}.zig"
        if rnd.random() < 0.45:
            body = f'const std=@import("std");\npub fn datum()i32{{return {rnd.randint(4000, 7000)};}}\n'
        else:
            body = f'const std = @import("std");\n\npub fn datum() i32 {{\n    return {rnd.randint(4000, 7000)};\n}}\n'
        if i == n // 3:
            body = 'pub fn datum() i32 {\n    return 5000\n}\n'
        files[name] = body
    return files


def zig(tmp: Path) -> None:
    z = f"{ZIG} "
    a = tmp / "tidegauge"
    write_tree(a, {"src/gauge.zig": ZIG_LIB, "src/gauge_test.zig": zig_tests(110, 9501),
                   "src/main.zig": ZIG_MAIN_BROKEN, "src/panic.zig": ZIG_MAIN_PANIC})
    cap("zig-test-gauge", z + "test src/gauge_test.zig", a, n_zig_test, typed="zig test src/gauge_test.zig")
    cap("zig-test-gauge-tail-80", z + "test src/gauge_test.zig 2>&1 | tail -n 80", a, n_zig_test,
        typed="zig test src/gauge_test.zig 2>&1 | tail -n 80")
    cap("zig-build-exe-main", z + "build-exe src/main.zig -femit-bin=/tmp/hm-corpus-wide95/tg-main 2>&1; echo EXIT=$?", a,
        n_zig_build, typed="zig build-exe src/main.zig 2>&1; echo EXIT=$?")
    cap("zig-run-surge-panic", z + "run src/panic.zig 2>&1; echo EXIT=$?", a, n_zig_build,
        typed="zig run src/panic.zig 2>&1; echo EXIT=$?")
    write_tree(a, zig_unformatted(160, 9502))
    cap("zig-fmt-check-stations", z + "fmt --check src/ ; echo EXIT=$?", a, n_zig_fmt, typed="zig fmt --check src/ ; echo EXIT=$?")


STEPS_ZIG = [zig]


# ------------------------------------------------------------------ extractors: Octave

OCT_FAIL = r"^!!!!! (test|error|warning) failed|^!!!!! (known )?(bug|failure)"


def _oct_tests(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(OCT_FAIL, ln):
            prev = next((lines[k] for k in range(i - 1, max(-1, i - 3), -1) if lines[k].startswith("***** ")), None)
            if prev:
                out.append(prev)  # the test's own line: its id as the runner prints it
            out.append(ln)
            first = next_match(lines, i, r"^ASSERT errors for:|^Expected <|expected .* but got|^error: ", ahead=3)
            if first:
                out.append(first)
            row = next_match(lines, i, r"^\s+\(\S*\)\s+\S", ahead=6)
            if row:
                out.append(row)
        elif re.match(r"\s*PASSES \d+ out of \d+", ln) or re.match(r"Summary:|\s*(PASS|FAIL)\s+\d+\s*$", ln) \
                or re.match(r"\s*XFAIL|\s*Failure Summary", ln):
            out.append(ln)
    return out


def _oct_errors(lines):
    out, warns = [], []
    for i, ln in enumerate(lines):
        if re.match(r"(error|parse error)( near line \d+ of file \S+)?:", ln) and not ln.startswith("error: called from"):
            out.append(ln)
            loc = next_match(lines, i, r"^\s+\S+ at line \d+ column \d+|^\s*>>> ", ahead=4)
            if loc:
                out.append(loc)
        elif ln.startswith("warning: ") and not ln.startswith("warning: called from"):
            where = next_match(lines, i, r"^\s+\S+ at line \d+", ahead=2)
            fn = where.split()[0] if where else ""
            warns.append(((mask(ln), fn), ln))
    return out + groups(warns)


@kind("octave-error", "log")
def n_octave_error(lines):
    """every error: line with its first called-from frame; warning: lines one any per (shape, function); parse errors with >>>; EXIT="""
    return _oct_errors(lines) + _exit(lines)


@kind("octave-test", "test")
def n_octave_test(lines):
    """every !!!!! test/error failed line with its ***** test line, first ASSERT/expected line and first Observed row; PASSES N out of M"""
    return _oct_tests(lines) + _oct_errors(lines) + _exit(lines)


@kind("octave-runtests", "test")
def n_octave_runtests(lines):
    """failing files' lines (name …… PASS n/m FAIL k); failure lines as octave-test; the closing summary"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"\s+\S+\.m \.+", ln):
            tail = None
            for k in range(i, min(len(lines), i + 3)):
                if k > i and re.match(r"\s+\S+\.m \.+", lines[k]):
                    break  # the next file's line: this one passed
                if re.search(r"\bFAIL\s+\d+", lines[k]):
                    tail = lines[k]
                    break
            if tail:
                out.append(ln)
                out.append(tail)
    return out + _oct_tests(lines) + [ln for ln in lines if re.match(r"(Processing files in|The following files in .* have no tests)", ln)] \
        + _oct_errors(lines) + _exit(lines)


# ------------------------------------------------------------------ Octave: a beam-deflection toolbox

OCT_FUNCS = {
    "cantilever_tip": ("P, L, E, I", "P * L^3 / (3 * E * I)", lambda P, L, E, I: P * L ** 3 / (3 * E * I)),
    "simply_mid": ("P, L, E, I", "P * L^3 / (48 * E * I)", lambda P, L, E, I: P * L ** 3 / (48 * E * I)),
    "udl_mid": ("w, L, E, I", "5 * w * L^4 / (348 * E * I)", lambda w, L, E, I: 5 * w * L ** 4 / (384 * E * I)),  # bug: 348
    "fixed_mid": ("P, L, E, I", "P * L^3 / (192 * E * I)", lambda P, L, E, I: P * L ** 3 / (192 * E * I)),
    "rect_inertia": ("b, h, ~, ~", "b * h^2 / 12", lambda b, h, _a, _b: b * h ** 3 / 12),  # bug: h^2
    "tube_inertia": ("D, d, ~, ~", "pi * (D^4 - d^4) / 64", lambda D, d, _a, _b: 3.141592653589793 * (D ** 4 - d ** 4) / 64),
}


def octave_toolbox(root: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    files = {}
    names = list(OCT_FUNCS)
    for i in range(n):
        base = names[i % len(names)]
        fn = f"{base}_{i:02d}"
        args, expr, py = OCT_FUNCS[base]
        lines_ = [f"function d = {fn} ({args})", f"  %% {fn}: {base.replace('_', ' ')} of a steel section",
                  "  if nargin < 2", f'    error ("{fn}: need at least two arguments");', "  endif"]
        if rnd.random() < 0.15:
            lines_.append(f'  warning ("beam:units", "{fn}: length %g looks like millimetres", {args.split(",")[1].strip()});')
        lines_ += [f"  d = {expr};", "endfunction", ""]
        for _t in range(rnd.randint(3, 7)):
            a = [rnd.choice([500, 1000, 2500]), rnd.choice([1.5, 2, 3]), 200e9, rnd.choice([8e-6, 1.2e-5])]
            if base.endswith("inertia"):
                a = [rnd.choice([0.1, 0.2]), rnd.choice([0.05, 0.3]), 0, 0]
            want = py(*a)
            if rnd.random() < 0.08:
                want *= 1.1  # a wrong expectation in the test itself
            lines_.append(f"%!assert ({fn} ({', '.join(repr(x) for x in a)}), {want:.6g}, {abs(want) * 1e-4:.3g})")
        lines_.append(f"%!error <need at least two> {fn} (1)")
        if rnd.random() < 0.2:
            lines_.append(f"%!error <positive> {fn} (-1, 2, 3, 4)")
        if rnd.random() < 0.15:
            lines_ += ["%!test", f"%! x = {fn} ([1 2 3], 2, 1, 1);", "%! assert (size (x), [1 3])", "%! assert (x(2), 0, eps)"]
        files[f"inst/{fn}.m"] = "\n".join(lines_) + "\n"
    # a script whose call chain ends in an error, and one with a parse error
    chain = ["span_check", "load_case", "member_forces", "section_check", "stress_at", "interpolate_table"]
    for k, c in enumerate(chain):
        nxt = chain[k + 1] if k + 1 < len(chain) else None
        body = [f"function r = {c} (x)"]
        if k == 2:
            body.append('  warning ("beam:approx", "member_forces: shear deformation ignored for span %d", numel (x));')
        if nxt:
            body.append(f"  r = {nxt} (x * 2) + 1;")
        else:
            body.append("  tbl = [0 0.1 0.2 0.3];")
            body.append("  r = tbl(x(end) + 1);")
        body.append("endfunction")
        files[f"inst/{c}.m"] = "\n".join(body) + "\n"
    files["scripts/design_run.m"] = ("addpath ('../inst');\nspans = [3 4.5 6];\nfor s = spans\n"
                                     "  printf ('span %.1f m: tip %.3g m\\n', s, cantilever_tip_00 (1000, s * 1000, 200e9, 8e-6));\nend\n"
                                     "r = span_check ([1 2 3]);\n")
    files["run_tests.m"] = ("files = dir ('inst/*.m');\nfor k = 1:numel (files)\n"
                            "  [~, name] = fileparts (files(k).name);\n  if isempty (regexp (name, '_\\d\\d$', 'once'))\n    continue;\n  end\n"
                            "  test (name, 'quiet', stdout);\nend\n")
    write_tree(root, files)


def octave(tmp: Path) -> None:
    a = tmp / "beamtools"
    octave_toolbox(a, 42, 9511)
    cap("octave-test-loop-quiet-stdout", "octave-cli --no-gui --path inst run_tests.m", a, n_octave_test)
    cap("octave-test-one", "octave-cli --no-gui --path inst --eval 'test udl_mid_02 verbose'; echo EXIT=$?", a, n_octave_test)
    cap("octave-oruntests-inst", "octave-cli --no-gui --path inst --eval 'oruntests inst' 2>&1", a, n_octave_runtests)
    cap("octave-runtests-tail-80", "octave-cli --no-gui --path inst --eval 'runtests inst' 2>&1 | tail -n 80", a, n_octave_runtests)
    cap("octave-design-run-error", "cd scripts && octave-cli --no-gui design_run.m; echo EXIT=$?", a, n_octave_error,
        typed="cd scripts && octave-cli design_run.m; echo EXIT=$?")



# ------------------------------------------------------------------ extractors: Emacs

EL_LOC = r"^\S+\.el:\d+:\d+: "


@kind("emacs-byte-compile", "lint")
def n_emacs_byte_compile(lines):
    """Error: lines with their file.el:line:col location; Warning: lines one any per (message with its symbol, file); compiler-macro errors; Done (Total of …) line; EXIT="""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if m := re.match(r"(\S+\.el):\d+:\d+: Warning: (.*)", ln):
            msg = m.group(2)
            for k in range(i + 1, min(len(lines), i + 4)):  # a long message wraps onto indented lines
                if not lines[k].startswith("    "):
                    break
                msg += " " + lines[k].strip()
            warns.append(((re.sub(r"\d+", "N", msg), m.group(1)), ln))
        elif re.match(EL_LOC + r"Error: ", ln) or re.match(r"(Error|Compiler-macro error|Debugger entered)", ln) \
                or re.search(r"\berror: ", ln):
            out.append(ln)
            loc = None if re.match(EL_LOC, ln) else next_match(lines, i, EL_LOC, ahead=6)
            if loc:
                out.append(loc)
        elif re.match(r"Done \(Total of \d+ files? compiled", ln):
            out.append(ln)
    return out + groups(warns) + _exit(lines)


@kind("emacs-ert", "test")
def n_emacs_ert(lines):
    """every FAILED <test> line under N unexpected results; each failure's Test <name> condition: line and its first (ert-test-failed form line; Ran N tests closing line; EXIT="""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"\d+ unexpected results?:", ln):
            out.append(ln)
        elif re.match(r"\s+FAILED\s+\S+$", ln):  # the list under `N unexpected results:` (no N/M, no time)
            out.append(ln)
        elif re.match(r"Test \S+ condition:", ln):
            out.append(ln)
            first = next_match(lines, i, r"^\s+\(", ahead=2)
            if first:
                out.append(first)
        elif re.match(r"Ran \d+ tests?, \d+ results? as expected", ln) or re.match(r"Aborted: Ran \d+", ln):
            out.append(ln)
    return out + _exit(lines)


@kind("emacs-checkdoc", "lint")
def n_emacs_checkdoc(lines):
    """file.el:line: messages one any per (message shape, file); Error/Warning summary lines; EXIT="""
    pairs = []
    for ln in lines:
        if m := re.match(r"(\S+\.el):\d+: (.*)", ln):
            pairs.append(((mask(m.group(2)), m.group(1)), ln))
    return groups(pairs) + [ln for ln in lines if re.match(r"(Error|Debugger entered)", ln)] + _exit(lines)


# ------------------------------------------------------------------ Emacs: a change-ringing package

METHODS = ["plain-bob", "grandsire", "stedman", "kent-treble-bob", "cambridge-surprise", "yorkshire-surprise",
           "london-surprise", "bristol-surprise", "little-bob", "double-norwich"]
STAGES = ["minor", "triples", "major", "caters", "royal", "cinques", "maximus"]


def carillon(root: Path, n: int, seed: int, parse_error: bool) -> None:
    rnd = random.Random(seed)
    hdr = ";;; {f} --- {d}  -*- lexical-binding: t -*-\n\n;; Copyright (C) 2024 The Belfry\n\n"
    core = (hdr.format(f="carillon-core.el", d="Core of the change-ringing library") +
            ";;; Commentary:\n\n;; Rows, places and changes.\n\n;;; Code:\n\n"
            "(defvar carillon-stage 8\n  \"Number of bells.\")\n\n"
            "(defun carillon-rounds (n)\n  \"Return rounds on N bells.\"\n  (number-sequence 1 n))\n\n"
            "(defun carillon-apply-change (row places)\n  \"Apply the change making PLACES to ROW.\"\n"
            "  (let ((out (copy-sequence row)) (i 0))\n    (while (< i (1- (length row)))\n"
            "      (if (memq (1+ i) places)\n          (setq i (1+ i))\n"
            "        (let ((a (nth i out)))\n          (setf (nth i out) (nth (1+ i) out))\n"
            "          (setf (nth (1+ i) out) a))\n        (setq i (+ i 2))))\n    out))\n\n"
            "(provide 'carillon-core)\n;;; carillon-core.el ends here\n")
    body = [hdr.format(f="carillon-methods.el", d="Method library"), ";;; Code:\n", "(require 'carillon-core)\n"]
    tests = [hdr.format(f="carillon-tests.el", d="ERT tests"), ";;; Code:\n", "(require 'ert)\n(require 'carillon-core)\n"
             "(require 'carillon-methods)\n"]
    for i in range(n):
        m, st = rnd.choice(METHODS), rnd.choice(STAGES)
        fn = f"carillon-{m}-{st}-{i:03d}"
        doc = rnd.choice([f'"Ring a plain course of {m.replace("-", " ").title()} {st.title()}."',
                          f'"ring {m} on {st}"', f'"Return the lead end of {m.replace("-", " ")} {st} for ROW.\nIt uses the place notation."'])
        kind_ = rnd.random()
        lines_ = [f"(defun {fn} (row)", f"  {doc}"]
        if kind_ < 0.22:
            lines_.append(f"  (setq carillon--last-{m} row)")  # free variable
        elif kind_ < 0.38:
            lines_.append(f"  (carillon-{rnd.choice(['call-bob', 'call-single', 'dodge', 'make-place'])}-{st} row)")  # unknown fn
        elif kind_ < 0.5:
            lines_.append("  (let ((lead-head (car row)) (count 0))\n    (ignore count))")  # unused lexical
        elif kind_ < 0.58:
            lines_.append("  (string-as-unibyte (format \"%S\" row))")  # obsolete
        elif kind_ < 0.64:
            lines_.append("  (carillon-apply-change row)")  # wrong number of args
        lines_.append(f"  (carillon-apply-change row '({rnd.randint(1, 8)} {rnd.randint(1, 8)})))\n")
        body.append("\n".join(lines_))
        if i % 4 == 0:
            want = rnd.choice(["(2 1 4 3 6 5 8 7)", "(1 2 3 4 5 6 7 8)", "(2 1 3 5 4 7 6 8)"])
            tests.append(f"(ert-deftest {fn}-test ()\n  \"Lead end of {fn}.\"\n"
                         f"  (should (equal ({fn} (carillon-rounds 8)) '{want})))\n")
    tests.append("(ert-deftest carillon-rounds-length ()\n  (should (= (length (carillon-rounds 12)) 12)))\n")
    tests.append("(ert-deftest carillon-stage-default ()\n  (should (eq carillon-stage 'major)))\n")
    body.append("(provide 'carillon-methods)\n;;; carillon-methods.el ends here\n")
    tests.append("(provide 'carillon-tests)\n;;; carillon-tests.el ends here\n")
    files = {"carillon-core.el": core, "carillon-methods.el": "\n".join(body), "carillon-tests.el": "\n".join(tests)}
    if parse_error:
        files["carillon-ui.el"] = (hdr.format(f="carillon-ui.el", d="Touch display") + ";;; Code:\n\n"
                                   "(defun carillon-ui-show (touch)\n  \"Show TOUCH.\"\n  (with-current-buffer (get-buffer-create \"*touch*\")\n"
                                   "    (insert (format \"%s\" touch)))\n\n(defun carillon-ui-next ()\n  (interactive)\n  (forward-line 1)\n")
    write_tree(root, files)


def emacs(tmp: Path) -> None:
    a = tmp / "carillon"
    carillon(a, 230, 9521, parse_error=True)
    cap("emacs-byte-compile-methods", "emacs -Q --batch -L . -f batch-byte-compile carillon-methods.el", a,
        n_emacs_byte_compile)
    cap("emacs-byte-compile-all-exit", "emacs --batch -L . -f batch-byte-compile *.el 2>&1; echo EXIT=$?", a,
        n_emacs_byte_compile)
    cap("emacs-byte-compile-tail-80", "emacs -Q --batch -L . -f batch-byte-compile carillon-methods.el 2>&1 | tail -n 80",
        a, n_emacs_byte_compile)
    cap("emacs-ert-batch", "emacs -Q --batch -L . -l ert -l carillon-tests.el -f ert-run-tests-batch-and-exit", a, n_emacs_ert)
    cap("emacs-ert-tail-60", "emacs -Q --batch -L . -l ert -l carillon-tests.el -f ert-run-tests-batch-and-exit 2>&1 | tail -n 60; "
        "echo EXIT=$?", a, n_emacs_ert)
    cap("emacs-checkdoc-methods", "emacs -Q --batch --eval '(checkdoc-file \"carillon-methods.el\")'", a, n_emacs_checkdoc)
    b = tmp / "carillon-small"
    carillon(b, 24, 9522, parse_error=False)
    cap("emacs-checkdoc-small-grep", "emacs -Q --batch --eval '(checkdoc-file \"carillon-methods.el\")' 2>&1 | grep -v '^Warning (emacs)'",
        b, n_emacs_checkdoc)
    cap("emacs-byte-compile-small", "emacs -Q --batch -L . -f batch-byte-compile carillon-core.el carillon-methods.el; echo EXIT=$?",
        b, n_emacs_byte_compile)



# ------------------------------------------------------------------ extractors: Clojure

CLJ_OWN = r"\btram[\./_$]"


@kind("clojure-exception", "log")
def n_clojure_exception(lines):
    """Execution/Syntax error line and the message under it; Caused by / Exception in thread lines; Full report at: line; the first frame in the project's own namespace; EXIT="""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"(Execution|Syntax) error", ln) or re.search(r'^\s*"?(Execution|Syntax) error \(', ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.match(r"(Caused by: |Exception in thread )", ln) or re.match(r"Full report at:", ln):
            out.append(ln)
    own = [ln for ln in lines if re.search(CLJ_OWN, ln) and re.search(r"\.clj\"? ?:?\d+|\(\w+\.clj:\d+\)|\"\w+\.clj\" \d+", ln)]
    if own:
        out.append(own[0])
    return out + _exit(lines)


@kind("clojure-test", "test")
def n_clojure_test(lines):
    """every FAIL in / ERROR in line with its expected: and actual: lines; Ran N tests containing M assertions; K failures, E errors; EXIT="""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"(FAIL|ERROR) in \(", ln):
            out.append(ln)
            for pat in (r"^expected: ", r"^\s+actual: "):
                hit = next_match(lines, i, pat, ahead=4)
                if hit:
                    out.append(hit)
        elif re.match(r"Ran \d+ tests containing \d+ assertions", ln) or re.match(r"\d+ failures, \d+ errors", ln):
            out.append(ln)
    return out + _exit(lines)


# ------------------------------------------------------------------ Clojure: tram timetables

CLJ_CORE = r"""(ns tram.core
  (:require [clojure.string :as str]))

(defn parse-time
  "\"08:15\" -> minutes after midnight."
  [s]
  (let [[h m] (str/split s #":")]
    (+ (* 60 (Integer/parseInt h)) (Integer/parseInt m))))

(defn headways
  "Minutes between consecutive departures."
  [times]
  (map - (rest times) times))

(defn mean [xs]
  (/ (reduce + xs) (count xs)))

(defn route-report
  "Mean headway of a route's departures, in minutes."
  [{:keys [route stops departures]}]
  (let [ts (map parse-time departures)]
    {:route route :stops (count stops) :mean-headway (mean (headways ts))}))

(defn stop-index
  "Index of stop-name on a route; throws when the stop is not served."
  [route stop-name]
  (or (first (keep-indexed (fn [i s] (when (= s stop-name) i)) (:stops route)))
      (throw (ex-info (str "stop not on route " (:route route)) {:route (:route route) :stop stop-name}))))

(defn travel-time [route from to]
  (* 2 (- (stop-index route to) (stop-index route from))))
"""


def clj_routes(n: int, seed: int, bad: bool) -> str:
    rnd = random.Random(seed)
    stops = ["Piccadilly", "Market Street", "Shudehill", "Victoria", "Deansgate", "Cornbrook", "Pomona", "Exchange Quay",
             "Salford Quays", "Anchorage", "Harbour City", "MediaCityUK", "Broadway", "Langworthy", "Weaste", "Eccles"]
    out = ["(ns tram.routes)", "", "(def routes", "  ["]
    for i in range(n):
        k = rnd.randint(4, 9)
        st = rnd.sample(stops, k)
        t = rnd.randint(5 * 60, 7 * 60)
        deps = []
        for _ in range(rnd.randint(6, 14)):
            t += rnd.choice([6, 6, 12, 12, 20])
            deps.append(f"{t // 60:02d}:{t % 60:02d}")
        if bad and i == n - 3:
            deps[4] = deps[4].replace(":", "h")
        out.append(f"   {{:route \"R{i:02d}\" :stops {st!r} :departures {deps!r}}}".replace("'", '"').replace("[\"", "[\"")
                   .replace("', '", '" "').replace('", "', '" "'))
    out += ["  ])", ""]
    return "\n".join(out)


def clj_tests(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["(ns tram.core-test", "  (:require [clojure.test :refer [deftest is testing]]", "            [tram.core :as t]))", ""]
    for i in range(n):
        k = rnd.choice(["parse", "headway", "mean", "travel", "report"])
        if k == "parse":
            h, m = rnd.randint(5, 23), rnd.randint(0, 59)
            want = h * 60 + m + (1 if rnd.random() < 0.15 else 0)
            out.append(f'(deftest parse-time-{i:02d}\n  (is (= {want} (t/parse-time "{h:02d}:{m:02d}"))))')
        elif k == "headway":
            xs = sorted(rnd.sample(range(300, 600), 4))
            want = [b - a for a, b in zip(xs, xs[1:])]
            if rnd.random() < 0.2:
                want[-1] += 1
            out.append(f"(deftest headways-{i:02d}\n  (is (= {want!r} (t/headways {xs!r}))))".replace(",", ""))
        elif k == "mean":
            xs = [rnd.choice([6, 12, 20]) for _ in range(4)]
            out.append(f"(deftest mean-{i:02d}\n  (is (= {sum(xs) // len(xs)} (t/mean {xs!r}))))".replace(",", ""))
        elif k == "travel":
            out.append(f'(deftest travel-{i:02d}\n  (testing "stops not on the route"\n'
                       f'    (is (= 4 (t/travel-time {{:route "R9" :stops ["Eccles" "Weaste" "Langworthy"]}} "Eccles" "{rnd.choice(["Langworthy", "Broadway"])}")))))')
        else:
            out.append(f'(deftest report-{i:02d}\n  (is (= {{:route "R1" :stops 2 :mean-headway 6}}\n'
                       f'         (t/route-report {{:route "R1" :stops ["A" "B"] :departures ["06:00" "06:06" "06:1{rnd.choice([2, 3])}"]}}))))')
        out.append("")
    return "\n".join(out)


CLJ_MAIN = r"""(ns tram.main
  (:require [tram.core :as t]
            [tram.routes :refer [routes]]))

(defn -main [& args]
  (doseq [r routes]
    (let [rep (t/route-report r)]
      (println (:route rep) (:stops rep) "stops, mean headway" (double (:mean-headway rep)) "min"))))
"""

CLJ_THREAD = r"""(ns tram.feed
  (:require [tram.core :as t]
            [tram.routes :refer [routes]]))

(defn poll-feed [r]
  (println "polling" (:route r))
  (t/travel-time r (first (:stops r)) "Altrincham"))

(defn -main [& args]
  (let [th (Thread. (fn [] (doseq [r (take 3 routes)] (poll-feed r))) "feed-poller")]
    (.start th)
    (.join th)
    (println "feed poller stopped")))
"""


def clojure(tmp: Path) -> None:
    a = tmp / "tramtimes"
    write_tree(a, {"src/tram/core.clj": CLJ_CORE, "src/tram/routes.clj": clj_routes(40, 9531, bad=True),
                   "src/tram/main.clj": CLJ_MAIN, "src/tram/feed.clj": CLJ_THREAD,
                   "test/tram/core_test.clj": clj_tests(60, 9532)})
    cap("clojure-main-number-format", "clojure -cp src -m tram.main; echo EXIT=$?", a, n_clojure_exception)
    cap("clojure-main-report-stderr", "java -Dclojure.main.report=stderr -cp /usr/share/java/clojure.jar:src clojure.main -m tram.main",
        a, n_clojure_exception)
    cap("clojure-main-full-report-cat", "clojure -cp src -m tram.main 2>&1 | tee /tmp/hm-corpus-wide95/clj.out; "
        "cat $(grep -o '/tmp/clojure-[0-9]*\\.edn' /tmp/hm-corpus-wide95/clj.out)", a, n_clojure_exception,
        typed="clojure -cp src -m tram.main 2>&1 | tee /tmp/clj.out; cat $(grep -o '/tmp/clojure-[0-9]*\\.edn' /tmp/clj.out)")
    cap("clojure-thread-uncaught", "clojure -cp src -m tram.feed 2>&1; echo EXIT=$?", a, n_clojure_exception)
    cap("clojure-test-run", "clojure -cp src:test -e \"(require 'tram.core-test) (clojure.test/run-tests 'tram.core-test)\"",
        a, n_clojure_test)
    cap("clojure-test-tail-80", "clojure -cp src:test -e \"(require 'tram.core-test) (let [r (clojure.test/run-tests 'tram.core-test)] "
        "(System/exit (if (clojure.test/successful? r) 0 1)))\" 2>&1 | tail -n 80; echo EXIT=$?", a, n_clojure_test)

STEPS = [zig, octave, emacs, clojure]
