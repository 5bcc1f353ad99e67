"""Round 48, compiled and hardware languages: a harbour tide-gauge station's pieces, each written here with bugs put in
and widened by a seeded generator: the station's statistics in Racket (rackunit through `raco test`, a module that
does not compile through `raco make`, runtime errors), its sample buffer in Ada (GNAT, an unhandled
CONSTRAINT_ERROR), its averaging filter in Free Pascal (a range-check runtime error, an unhandled exception) and its
sensor front end in Verilog linted by verilator. Every kind's rule is NEEDLES.md's "Round 48" section. Run through
capture_wide48.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, write_tree
from capture_wide42_native import ext
from capture_wide48 import cap

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 48)


def _raco_test(lines):
    out = []
    for i, ln in enumerate(lines):
        if ln in ("FAILURE", "ERROR"):
            out.append(ln)
            prev = lines[i - 1] if i else ""
            if prev.strip() and not prev.startswith("-----"):
                out.append(prev)  # the enclosing test-case's name
            first = None
            for k in range(i + 1, len(lines)):
                s = lines[k]
                if s.startswith("-----"):
                    break
                if s.startswith(("location:", "name:")):
                    out.append(s)
                elif first is None and s.strip() and (s.startswith(("message:", "actual:"))
                                                      or (not s[0].isspace() and not re.match(r"^[\w-]+:\s", s))):
                    first = s
            out.append(first)
        if re.match(r"^\d+/\d+ test failures?$|^\d+ tests? passed$", ln):
            out.append(ln)
    return out


N_RACO_TEST = ext("raco-test", "test", "Rule 2: every FAILURE / ERROR block's header, its test-case name line, its "
                  "name: and location: lines and first message / actual line; the 'N/M test failures' line.",
                  _raco_test)


def _racket_error(lines):
    out = []
    for i, ln in enumerate(lines):
        if ln and not ln[0].isspace() and i + 1 < len(lines) and \
                re.match(r"^  (in|expected|given|index|context\.\.\.|[\w ]+):", lines[i + 1]) and ": " in ln:
            out.append(ln)
            for k in range(i + 1, len(lines)):
                s = lines[k]
                if s and not s[0].isspace():
                    break
                if re.match(r"^\s+(expected|given):", s):
                    out.append(s)
                if s.strip() in ("context...:", "errortrace...:") and k + 1 < len(lines):
                    out.append(lines[k + 1])
                    break
    return out


N_RACO_MAKE = ext("raco-make", "build", "Rule 1: the error line (file:line:col: name: message), its expected: / "
                  "given: lines and the first line under context...:.", _racket_error)
N_RACKET_ERRORTRACE = ext("racket-errortrace", "log", "Rule 1: the error line (name: message), its expected: / "
                          "given: lines and the first line under errortrace...:.", _racket_error)
N_RACKET_ERROR = ext("racket-error", "log", "Rule 1: the error line (name: message), its expected: / given: lines "
                     "and the first line under context...:.", _racket_error)


def _gnat_rt(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^raised [A-Z_.]+", ln) or "terminated by unhandled exception" in ln:
            out.append(ln)
        if ln.startswith("Call stack traceback locations:") and i + 1 < len(lines):
            out.append(lines[i + 1])
    return out


N_GNAT_RT = ext("gnat-runtime-error", "log", "Rule 1: the 'raised CONSTRAINT_ERROR : file.adb:N …' line, the "
                "'terminated by unhandled exception' line and the first traceback line.", _gnat_rt)


def _fpc_rt(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^Runtime error \d+ at", ln) or "An unhandled exception occurred" in ln:
            out.append(ln)
            if "An unhandled" in ln and i + 1 < len(lines):
                out.append(lines[i + 1])
            k = next((k for k in range(i + 1, min(len(lines), i + 8)) if re.search(r"line \d+ of \S+", lines[k])),
                     None)
            if k is not None:
                out.append(lines[k])
    return out


N_FPC_RT = ext("fpc-runtime-error", "log", "Rule 1: the 'Runtime error N at $…' / 'An unhandled exception occurred' "
               "line (with the exception line under it) and the first frame naming a source line.", _fpc_rt)


def _verilator(lines):
    out, pairs = [], []
    for ln in lines:
        if ln.startswith("%Error"):
            out.append(ln)
        m = re.match(r"^%Warning-(\w+): ([^:\s]+):", ln)
        if m:
            pairs.append(((m.group(1), m.group(2)), ln))
    return out + groups(pairs)


N_VERILATOR = ext("verilator-lint", "lint", "Rule 1: every %Error line (the 'Exiting due to' line among them); "
                  "%Warning-CODE lines one {any} per (code, file).", _verilator)


# ------------------------------------------------------------------ Racket

STATS_RKT = """#lang racket/base
(provide mean clamp median spread tide-level smooth)
(require racket/list)
(define (mean xs) (/ (apply + xs) (length xs)))
(define (clamp x lo hi) (max lo (min x hi)))
(define (median xs)
  (define s (sort xs <))
  (list-ref s (quotient (length s) 2)))
(define (spread xs) (- (apply max xs) (apply min xs) 1))
(define (tide-level raw offset) (+ (* raw 0.01) offset))
(define (smooth xs k)
  (for/list ([i (in-range (- (length xs) k))])
    (mean (take (drop xs i) k))))
"""


def rackunit_tests(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ['#lang racket/base', '(require rackunit "stats.rkt")', ""]
    for i in range(n):
        xs = [rnd.randint(0, 400) for _ in range(rnd.randint(3, 7))]
        lst = " ".join(map(str, xs))
        kind = i % 6
        if kind == 0:
            out.append(f'(test-case "mean of gauge {i}" (check-equal? (mean \'({lst})) {sum(xs)}/{len(xs)}))')
        elif kind == 1:
            med = sorted(xs)[(len(xs) - 1) // 2] if i % 4 == 1 else sorted(xs)[len(xs) // 2]
            out.append(f'(test-case "median of gauge {i}" (check-equal? (median \'({lst})) {med}))')
        elif kind == 2:
            out.append(f'(check-equal? (spread \'({lst})) {max(xs) - min(xs)} "spread of gauge {i}")')
        elif kind == 3:
            hi = rnd.randint(50, 300)
            out.append(f'(test-case "clamp {i}" (check-equal? (clamp {xs[0]} 0 {hi}) {min(xs[0], hi)}))')
        elif kind == 4:
            off = rnd.randint(-5, 5)
            out.append(f'(check-= (tide-level {xs[0]} {off}) {xs[0] * 0.01 + off:.3f} 0.0001)')
        else:
            k = rnd.randint(2, 3)
            want = len(xs) - k + 1
            out.append(f'(test-case "smooth window {i}" (check-equal? (length (smooth \'({lst}) {k})) {want}))')
        if i % 23 == 11:
            out.append(f'(test-case "empty gauge {i}" (check-equal? (mean \'()) 0))')
    return "\n".join(out) + "\n"


def racket_module(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["#lang racket/base", '(require "stats.rkt")', ""]
    for i in range(n):
        out.append(f"(define (station-{i} readings)")
        if i == n // 2:
            out.append(f"  (mean (map (lambda (r) (tide-level r offset-{i})) readings)))")
        else:
            out.append(f"  (mean (map (lambda (r) (tide-level r {rnd.randint(-3, 3)})) readings)))")
    return "\n".join(out) + "\n"


def racket_run(n: int, seed: int, crash: str) -> str:
    rnd = random.Random(seed)
    out = ["#lang racket/base", '(require racket/format "stats.rkt")', "(define readings (vector",
           "  " + " ".join(str(rnd.randint(100, 900)) for _ in range(n)) + "))",
           "(for ([i (in-range (+ (vector-length readings) 3))])",
           '  (printf "gauge ~a level ~a m\\n" (~a i #:min-width 4) (tide-level (vector-ref readings i) 2)))']
    if crash == "contract":
        out = out[:4] + ["(for ([i (in-range (vector-length readings))])",
                         '  (printf "gauge ~a level ~a m\\n" i (tide-level (vector-ref readings i) 2)))',
                         '(define labels (for/list ([i (in-range 5)]) (format "g~a" i)))',
                         '(printf "report: ~a\\n" (string-append "levels " (mean (vector->list readings))))']
    return "\n".join(out) + "\n"


def racket(tmp: Path) -> None:
    root = tmp / "tidegauge" / "rkt"
    write_tree(root, {"stats.rkt": STATS_RKT, "stats-test.rkt": rackunit_tests(140, 4801),
                      "quick-test.rkt": rackunit_tests(30, 4802), "stations.rkt": racket_module(120, 4803),
                      "levels.rkt": racket_run(300, 4804, "index"), "report.rkt": racket_run(400, 4805, "contract")})
    cap("raco-test-stats", "raco test stats-test.rkt", root, N_RACO_TEST)
    cap("raco-test-quick-tail-80", "raco test quick-test.rkt 2>&1 | tail -n 80", root, N_RACO_TEST)
    cap("raco-make-stations", "raco make -v stations.rkt", root, N_RACO_MAKE)
    cap("raco-make-stations-echo-exit", "raco make stations.rkt; echo EXIT=$?", root, N_RACO_MAKE)
    cap("racket-levels-index", "racket levels.rkt", root, N_RACKET_ERROR)
    cap("racket-report-contract-grep", "racket report.rkt 2>&1 | grep -v -E '^gauge [0-9]+ level'; echo EXIT=$?", root,
        N_RACKET_ERROR)
    cap("racket-errortrace-report", "racket -l errortrace -t report.rkt", root, N_RACKET_ERRORTRACE)
    cap("racket-errortrace-levels-echo-exit", "racket -l errortrace -t levels.rkt; echo EXIT=$?", root,
        N_RACKET_ERRORTRACE)


# ------------------------------------------------------------------ Ada

def ada_buffer(n: int, seed: int, bug: str) -> str:
    rnd = random.Random(seed)
    vals = ", ".join(str(rnd.randint(0, 90)) for _ in range(n))
    body = ["with Ada.Text_IO; use Ada.Text_IO;", "procedure Buffer is",
            "   subtype Percent is Integer range 0 .. 100;",
            f"   type Samples is array (1 .. {n}) of Integer;",
            f"   S : constant Samples := ({vals});", "   Fill : Percent := 0;",
            "   Ring : array (1 .. 64) of Integer := (others => 0);", "   Head : Integer := 1;", "begin",
            "   for I in S'Range loop"]
    if bug == "range":
        body += ["      Fill := Fill + S (I) / 40;"]
    else:
        body += ["      Fill := (I * 100) / S'Length;", "      Ring (Head) := S (I);", "      Head := Head + 1;"]
    body += ['      Put_Line ("sample" & Integer\'Image (I) & " value" & Integer\'Image (S (I)) & " fill"'
             ' & Integer\'Image (Fill) & "%");', "   end loop;", "end Buffer;"]
    return "\n".join(body) + "\n"


def ada(tmp: Path) -> None:
    from capture_more import run
    for name, bug, n in (("range", "range", 180), ("index", "index", 500)):
        root = tmp / "tidegauge" / f"ada-{name}"
        write_tree(root, {"buffer.adb": ada_buffer(n, 4806 + n, bug)})
        run("gnatmake -q -g buffer.adb -bargs -E", cwd=root)
    cap("gnat-buffer-range-run", "./buffer", tmp / "tidegauge" / "ada-range", N_GNAT_RT)
    cap("gnat-buffer-index-run-tail", "./buffer 2>&1 | tail -n 60",
        tmp / "tidegauge" / "ada-index", N_GNAT_RT)


# ------------------------------------------------------------------ Free Pascal

def pascal_filter(n: int, seed: int, bug: str) -> str:
    rnd = random.Random(seed)
    vals = ", ".join(str(rnd.randint(0, 999)) for _ in range(n))
    out = ["program filter;", "{$mode objfpc}{$R+}", "uses SysUtils;",
           f"const Raw: array[1..{n}] of integer = ({vals});", "var Win: array[1..8] of integer;",
           "  i, k: integer; acc: longint; s: string;",
           "procedure Push(pos, v: integer);", "begin", "  Win[pos] := v;", "end;", "begin",
           "  for i := 1 to High(Raw) do begin", "    acc := 0;"]
    if bug == "range":
        out += ["    Push((i mod 9) + 1, Raw[i]);"]
    else:
        out += ["    Push((i mod 8) + 1, Raw[i]);"]
    out += ["    for k := 1 to 8 do acc := acc + Win[k];",
            "    writeln('sample ', i:4, ' raw ', Raw[i]:4, ' avg ', acc div 8:5);"]
    if bug == "convert":
        out += ["    if i = High(Raw) - 3 then begin", "      s := 'gauge-' + IntToStr(Raw[i]);",
                "      writeln('offset ', StrToInt(s));", "    end;"]
    out += ["  end;", "end."]
    return "\n".join(out) + "\n"


def pascal(tmp: Path) -> None:
    from capture_more import run
    root = tmp / "tidegauge" / "pas"
    write_tree(root, {"range/filter.pas": pascal_filter(400, 4807, "range"),
                      "conv/filter.pas": pascal_filter(900, 4808, "convert")})
    for d in ("range", "conv"):
        run("fpc -gl filter.pas", cwd=root / d)
    cap("fpc-filter-range-run", "./filter; echo EXIT=$?", root / "range", N_FPC_RT)
    cap("fpc-filter-convert-tail", "./filter 2>&1 | tail -n 50", root / "conv", N_FPC_RT)


# ------------------------------------------------------------------ Verilog (verilator)

def frontend_v(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        w = rnd.choice([8, 12, 16])
        out += [f"module chan{i}(input clk, input rst, input [{w - 1}:0] adc, output [7:0] level, output ready);",
                f"  reg [{w - 1}:0] acc;", "  reg [3:0] cnt;"]
        if i % 4 == 1:
            out.append(f"  wire [7:0] spare{i};")
        out.append(f"  always @(posedge clk) acc <= rst ? 0 : acc + adc + {rnd.randint(1, 9)};")
        if i % 3 == 0:
            out.append("  always @(posedge clk) cnt <= cnt + 1'b1 + 4'd0 + 5'd1;")
        else:
            out.append("  always @(posedge clk) cnt <= rst ? 4'd0 : cnt + 4'd1;")
        out.append(f"  assign level = acc[{w - 1}:{w - 8}];" if i % 5 else "  assign level = acc;")
        if i % 7 == 3:
            out.append("  assign ready = cnt == 4'd15;\n  always @(*) begin if (rst) acc = 0; end")
        else:
            out.append("  assign ready = cnt == 4'd15;")
        if i % 11 == 6:
            out.append(f"  filt{i} f(.x(acc));")
        out += ["endmodule", ""]
    return "\n".join(out)


def verilog(tmp: Path) -> None:
    root = tmp / "tidegauge" / "rtl"
    write_tree(root, {"front.v": frontend_v(60, 4809), "small.v": frontend_v(10, 4810)})
    cap("verilator-lint-wall-front", "verilator --lint-only -Wall front.v", root, N_VERILATOR)
    cap("verilator-lint-front-head-60", "verilator --lint-only -Wall front.v 2>&1 | head -n 60", root, N_VERILATOR)
    cap("verilator-lint-small-nowarn-echo", "verilator --lint-only -Wno-fatal -Wall --top-module chan1 small.v; "
        "echo EXIT=$?", root, N_VERILATOR)


STEPS = [racket, ada, pascal, verilog]
