"""Round 42, compiled languages: an embedded sensor board's firmware pieces, each written here with bugs put in and
widened by a seeded generator: x86-64 assembly through nasm, an ALU in Verilog through iverilog and its testbench
through vvp, a COBOL payroll through cobc, a D telemetry decoder through gdc (compile errors, unittests, an
out-of-bounds crash), a Vala tray applet through valac, Standard ML through Poly/ML, Common Lisp through SBCL
(compile-file warnings, an unhandled error) and a CHICKEN Scheme script through csi. Every kind's rule is NEEDLES.md's
"Round 42" section. Run through capture_wide42.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, mask, named, next_match, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide42 import cap

LOC = r"[\w./-]+\.\w+(:\d+|\(\d+\))"


def ext(name: str, family: str, doc: str, fn):
    """`fn`'s needles, plus what every round-42 kind shares: the `EXIT=N` line an agent printed (round 9b's
    shell-status)."""
    def full(lines: list[str]) -> list:
        out = list(fn(lines))
        out += [ln for ln in lines if re.match(r"^EXIT=\d+$", ln)]
        return [n for n in out if n is None or isinstance(n, dict) or len(n.strip()) > 2]
    return named(name, family, doc, full)


def compiler(err: str, warn: str, summary: str, file_re: str = r"^\s*([^\s:(]+\.\w+)[:(.]"):
    """Rule 1 in gcc's layout: every error line (its location line when printed apart), warnings one {"any"} per
    (message shape, file), and the closing count / verdict line."""
    def fn(lines: list[str]) -> list:
        out, pairs = [], []
        for i, ln in enumerate(lines):
            if re.search(err, ln):
                out.append(ln)
                if not re.search(LOC, ln):
                    out.append(next_match(lines, i, LOC))
            elif re.search(warn, ln):
                m = re.match(file_re, ln)
                msg = re.split(warn, ln, maxsplit=1)[-1]
                pairs.append(((mask(msg), m.group(1) if m else ""), ln))
            if re.search(summary, ln):
                out.append(ln)
        return out + groups(pairs)
    return fn


N_NASM = ext("nasm", "build", "Rule 1: every error: line; warning: lines one {any} per (message shape, file).",
             compiler(r": error: ", r": warning: ", r"^$never"))
N_IVERILOG = ext("iverilog", "build", "Rule 1: every error line; warnings one {any} per (message shape, file); the "
                 "'N error(s) during elaboration' line and the missing-modules lines.",
                 compiler(r": error: |syntax error|I give up", r": warning: ",
                          r"error\(s\) during elaboration|referenced \d+ times"))
N_COBC = ext("cobc", "build", "Rule 1: every error: line; warning: lines one {any} per (message shape, file).",
             compiler(r": error: ", r": warning: ", r"^$never"))
N_GDC = ext("gdc", "build", "Rule 1: every error: line; warning: lines one {any} per (message shape, file).",
            compiler(r": error: |Error: ", r": warning: |Warning: ", r"^$never"))
N_VALAC = ext("valac", "build", "Rule 1: every error: line; warnings one {any} per (message shape, file); the "
              "'Compilation failed: N error(s), N warning(s)' line.",
              compiler(r": error: ", r": warning: ", r"^Compilation (failed|succeeded)"))


def _vvp(lines):
    out = []
    for ln in lines:
        if re.search(r"\bERROR\b|\bFAIL|\$fatal|^FATAL|^SUMMARY|\$finish called", ln):
            out.append(ln)
    return out


N_VVP = ext("vvp-testbench", "test", "Rule 2: every ERROR / FAIL / FATAL line the testbench prints, its SUMMARY line "
            "and the $finish / $fatal line.", _vvp)


def _d_unittest(lines):
    return [ln for ln in lines if re.search(r"\[unittest\]|AssertError@|modules (FAILED|passed) unittests", ln)]


N_D_UNITTEST = ext("d-unittest", "test", "Rule 2: every failing unittest line (file(N): [unittest] message, "
                   "AssertError@file(N)) and the 'N/M modules FAILED unittests' line.", _d_unittest)


def _d_exc(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(core|std|object)\.[\w.]*(Error|Exception)@", ln):
            out.append(ln)
            j = next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].startswith("-----")), None)
            if j is not None and j + 1 < len(lines):
                out.append(lines[j + 1])
    return out


N_D_EXC = ext("d-runtime-exception", "log", "Rule 1: the core.exception.…Error@file(N) line and the first frame "
              "line under its '----------------'.", _d_exc)


def _polyml(lines):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.search(r": error: |^Exception- ", ln):
            out.append(ln)
            if ": error: " in ln:
                k = next((k for k in range(i + 1, min(len(lines), i + 12)) if lines[k].strip().startswith("Reason:")),
                         None)
                if k is not None:
                    out.append(lines[k])
                    if lines[k].strip() == "Reason:" and k + 1 < len(lines):
                        out.append(lines[k + 1])
        elif ": warning: " in ln:
            pairs.append((mask(ln.split(": warning: ", 1)[1]), ln))
    return out + groups(pairs)


N_POLYML = ext("polyml", "build", "Rule 1: every error: line with the first Reason: line under it (and the reason "
               "printed on the line after a bare 'Reason:'); warnings one {any} per message shape; Exception- lines.",
               _polyml)


def _sbcl_compile(lines):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^; caught (ERROR|WARNING|STYLE-WARNING):", ln)
        if m:
            msg = lines[i + 1] if i + 1 < len(lines) else None
            if m.group(1) == "STYLE-WARNING":
                if msg:
                    pairs.append((mask(msg), msg))
            else:
                out += [ln, msg]
        if re.match(r"^; compilation unit (finished|aborted)|^;\s+caught \d+ ", ln):
            out.append(ln)
    return out + groups(pairs)


N_SBCL_COMPILE = ext("sbcl-compile-file", "build", "Rule 1: every 'caught ERROR' / 'caught WARNING' line with its "
                     "message line; STYLE-WARNING messages one {any} per shape; the compilation unit / 'caught N' "
                     "lines.", _sbcl_compile)


def _sbcl_error(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(Unhandled \S+|debugger invoked on)", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 6)):
                s = lines[k].strip()
                if s and not s.startswith("{") and not s.endswith(">:"):
                    out.append(lines[k])
                    break
        if re.match(r"^0: \(", ln):
            out.append(ln)
    return out


N_SBCL_ERROR = ext("sbcl-error", "log", "Rule 1: the 'Unhandled CONDITION' line with its message line under it, and "
                   "the backtrace's frame 0.", _sbcl_error)


def _chicken_csi(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^Error: ", ln):
            out.append(ln)
            tail = next((k for k in range(i + 1, len(lines)) if lines[k].rstrip().endswith("<--")), None)
            if tail is not None:
                out.append(lines[tail])
    return out


N_CSI = ext("chicken-csi-error", "log", "Rule 1: the 'Error: (proc) …' line and the last '<--' line of its Call "
            "history.", _chicken_csi)


# ------------------------------------------------------------------ nasm

def asm_source(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["; sensor board: sample readers, one per channel", "bits 64", "section .data"]
    for i in range(n // 2):
        out.append(f"  cal_{i}: dw {rnd.randint(0, 4000)}, {rnd.randint(0, 4000)}")
    out += ["section .text", "global _start", "_start:", "  call sensor_read_0", "  mov eax, 60", "  syscall"]
    for i in range(n):
        out += [f"sensor_read_{i}:", f"  mov rax, [cal_{i % (n // 2)}]", f"  add rax, {rnd.randint(1, 99)}"]
        if i % 13 == 6:
            out.append("  mov ax, [bx+cx]")
        elif i % 9 == 1:
            out.append(f"retry_{i}")
        elif i % 17 == 3:
            out.append("  mov [rsi+rdi*3+rbp], eax")
        out += [f"  cmp rax, {rnd.randint(100, 900)}", f"  jb .ok_{i}", f"  shr rax, {rnd.randint(1, 3)}", f".ok_{i}:",
                "  ret"]
    return "\n".join(out) + "\n"


def asm(tmp: Path) -> None:
    root = tmp / "board"
    write_tree(root, {"fw/sensors.asm": asm_source(260, 4201), "fw/boot.asm": asm_source(90, 4202)})
    cap("nasm-elf64-wall-sensors", "nasm -f elf64 -w+all fw/sensors.asm -o sensors.o", root, N_NASM)
    cap("nasm-boot-echo-exit", "nasm -f elf64 -w+all fw/boot.asm -o boot.o 2>&1 | head -40; echo EXIT=$?", root,
        N_NASM)


# ------------------------------------------------------------------ Verilog

ALU_V = """module alu(input [7:0] a, input [7:0] b, input [2:0] op, output reg [7:0] y, output zero);
  assign zero = (y == 0);
  always @(*) begin
    case (op)
      3'd0: y = a + b;
      3'd1: y = a - b;
      3'd2: y = a & b;
      3'd3: y = a | b;
      3'd4: y = a ^ a;
      3'd5: y = a << 1;
      3'd6: y = a >> 2;
      default: y = 8'h00;
    endcase
  end
endmodule
"""

TB_V = """module tb;
  reg [7:0] a, b; reg [2:0] op; wire [7:0] y; wire z;
  integer i, errors, checks; reg [7:0] exp;
  alu dut(.a(a), .b(b), .op(op), .y(y), .zero(z));
  initial begin
    errors = 0; checks = 0;
    for (i = 0; i < 420; i = i + 1) begin
      a = $random; b = $random; op = i % 7;
      #1;
      case (op) 0: exp = a + b; 1: exp = a - b; 2: exp = a & b; 3: exp = a | b; 4: exp = a ^ b; 5: exp = a << 1;
        6: exp = a >> 1; endcase
      checks = checks + 1;
      if (y !== exp) begin
        errors = errors + 1;
        $display("ERROR: t=%0t op=%0d a=%h b=%h got %h expected %h", $time, op, a, b, y, exp);
      end else $display("ok    t=%0t op=%0d a=%h b=%h y=%h zero=%b", $time, op, a, b, y, z);
    end
    $display("SUMMARY: %0d checks, %0d errors", checks, errors);
    if (errors) $fatal(1, "alu testbench FAILED");
    $finish;
  end
endmodule
"""


def verilog_top(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        out += [f"module lane{i}(input clk, input rst, input [7:0] din, output [7:0] dout);",
                "  wire [7:0] sum;", "  reg [7:0] acc;",
                f"  alu u{i}(.a(acc), .b(din), .op(3'd{rnd.randint(0, 6)}), .y(sum), .zero(zf{i}));",
                f"  always @(posedge clk) acc <= rst ? 0 : sum;"]
        if i % 6 == 2:
            out.append(f"  filter{i} f{i}(.clk(clk), .x(acc));")
        if i % 5 == 4:
            out.append(f"  assign dout = acc + step_{i};")
        else:
            out.append("  assign dout = acc;")
        out += ["endmodule", ""]
    return "\n".join(out)


def verilog(tmp: Path) -> None:
    root = tmp / "board" / "rtl"
    write_tree(root, {"alu.v": ALU_V, "tb.v": TB_V, "lanes.v": verilog_top(160, 4203)})
    cap("iverilog-wall-lanes", "iverilog -Wall -o lanes.vvp alu.v lanes.v", root, N_IVERILOG)
    cap("iverilog-lanes-tail-echo-exit", "iverilog -o lanes.vvp alu.v lanes.v 2>&1 | tail -n 30; echo EXIT=$?", root,
        N_IVERILOG)
    cap("vvp-alu-tb", "iverilog -o tb.vvp alu.v tb.v && vvp tb.vvp", root, N_VVP)
    cap("vvp-alu-tb-tail-80", "vvp tb.vvp 2>&1 | tail -n 80", root, N_VVP)
    cap("vvp-alu-tb-grep-n", "vvp tb.vvp | grep -n -E 'ERROR|SUMMARY|FATAL'", root, N_VVP)


# ------------------------------------------------------------------ COBOL

def cobol_source(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    ws = ["       01 WS-TOTAL      PIC 9(7)V99 VALUE 0.", "       01 WS-RATE       PIC 9(3)V99 VALUE 12.5.",
          "       01 WS-NAME       PIC X(10).", "       01 WS-COUNT      PIC 9(4) VALUE 0."]
    for i in range(n):
        ws.append(f"       01 WS-HOURS-{i:02d}   PIC 9(3) VALUE {rnd.randint(1, 160)}.")
    proc = ["       MAIN-PARA."]
    for i in range(n):
        proc.append(f"           PERFORM CALC-{i:02d}")
    proc += ["           DISPLAY \"TOTAL \" WS-TOTAL", "           STOP RUN."]
    for i in range(n):
        proc.append(f"       CALC-{i:02d}.")
        if i % 7 == 3:
            proc.append(f"           ADD WS-HOURS-{i:02d} TO WS-TOTL")
        elif i % 9 == 5:
            proc.append("           MOVE \"EMPLOYEE-NUMBER-" + str(i) + "\" TO WS-NAME")
        elif i % 11 == 8:
            proc.append(f"           PERFORM ROUND-{i:02d}")
        else:
            proc.append(f"           COMPUTE WS-TOTAL = WS-TOTAL + WS-HOURS-{i:02d} * WS-RATE")
        proc.append("           ADD 1 TO WS-COUNT.")
    head = ["       IDENTIFICATION DIVISION.", "       PROGRAM-ID. PAYROLL.", "       DATA DIVISION.",
            "       WORKING-STORAGE SECTION."]
    return "\n".join(head + ws + ["       PROCEDURE DIVISION."] + proc) + "\n"


def cobol(tmp: Path) -> None:
    root = tmp / "payroll"
    write_tree(root, {"payroll.cob": cobol_source(260, 4204), "shifts.cob": cobol_source(60, 4205)})
    cap("cobc-x-wall-payroll", "cobc -x -Wall payroll.cob", root, N_COBC)
    cap("cobc-fsyntax-shifts-echo-exit", "cobc -fsyntax-only -Wall shifts.cob; echo EXIT=$?", root, N_COBC)


# ------------------------------------------------------------------ D

def d_source(n: int, seed: int, broken: bool) -> str:
    rnd = random.Random(seed)
    out = ["module telemetry;", "import std.stdio;", "import std.conv : to;", "",
           "struct Frame { ubyte id; ushort[] samples; double temp; }", ""]
    for i in range(n):
        out += [f"double decode{i}(const ushort[] raw)", "{", "    double acc = 0;",
                "    foreach (r; raw) acc += r;"]
        if broken and i % 8 == 3:
            out.append(f"    return acc / raw.lenght;")
        elif broken and i % 11 == 6:
            out.append(f"    string label = acc;")
            out.append("    return acc;")
        elif broken and i % 13 == 9:
            out.append(f"    return scale{i}(acc);")
        else:
            out.append(f"    return acc * {rnd.randint(1, 9)}.{rnd.randint(0, 99)} / (raw.length + 1);")
        out += ["}", ""]
    return "\n".join(out) + "\n"


D_UNITTEST = """module ringbuf;

struct Ring(T, size_t N)
{
    T[N] buf;
    size_t head, count;

    void push(T v) { buf[(head + count) % N] = v; if (count < N) count++; else head = (head + 1) % N; }
    T pop() { auto v = buf[head]; head = (head + 1) % N; count--; return v; }
    T[] items() { T[] r; foreach (i; 0 .. count) r ~= buf[(head + i) % N]; return r; }
    double mean() { double s = 0; foreach (v; items()) s += v; return s / N; }
}
@TESTS@
"""


def d_tests(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        k = rnd.randint(2, 9)
        vals = [rnd.randint(1, 50) for _ in range(k)]
        if i % 4 == 1:  # mean() divides by the capacity, not the count
            out.append(f"unittest {{ Ring!(int, 16) r; foreach (v; {vals}) r.push(v); "
                       f"assert(r.mean() == {sum(vals) / k!r}, \"mean of {k} readings\"); }}")
        else:
            out.append(f"unittest {{ Ring!(int, 4) r; foreach (v; {vals}) r.push(v); "
                       f"assert(r.items() == {vals[-4:]}, \"last four of {k}\"); }}")
    return "\n".join(out)


D_CRASH = """import std.stdio;
import std.conv : to;

struct Channel { string name; int[] samples; }

int peak(const int[] xs, size_t window)
{
    int best = 0;
    foreach (i; 0 .. xs.length)
    {
        int s = 0;
        foreach (j; 0 .. window) s += xs[i + j];
        if (s > best) best = s;
    }
    return best;
}

void main()
{
    Channel[] chans;
    foreach (c; 0 .. 160)
    {
        int[] xs;
        foreach (k; 0 .. 30) xs ~= (c * 37 + k * 11) % 97;
        chans ~= Channel("ch" ~ c.to!string, xs);
    }
    foreach (ch; chans)
        writefln("%-6s samples=%d first=%d last=%d", ch.name, ch.samples.length, ch.samples[0], ch.samples[$ - 1]);
    stdout.flush();
    foreach (ch; chans)
        writefln("%s peak %d", ch.name, peak(ch.samples, 4));
}
"""


def dlang(tmp: Path) -> None:
    root = tmp / "telemetry"
    write_tree(root, {"source/telemetry.d": d_source(90, 4206, True),
                      "source/ringbuf.d": D_UNITTEST.replace("@TESTS@", d_tests(40, 4207)), "source/app.d": D_CRASH})
    cap("gdc-wall-telemetry", "gdc -Wall -c source/telemetry.d -o telemetry.o", root, N_GDC)
    cap("gdc-telemetry-head-40", "gdc -c source/telemetry.d 2>&1 | head -n 40", root, N_GDC)
    cap("gdc-funittest-ringbuf", "gdc -funittest -fmain source/ringbuf.d -o ut && ./ut; echo EXIT=$?", root,
        N_D_UNITTEST)
    cap("gdc-app-run-crash", "gdc -g source/app.d -o app && ./app", root, N_D_EXC)
    chain("cd-gdc-unittest-run-echo-exit", "chain-cd-compile-unittest", "test",
          [Part("cd telemetry"), Part("gdc -funittest -fmain source/ringbuf.d -o ut", N_GDC), Part("./ut", N_D_UNITTEST),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


# ------------------------------------------------------------------ Vala

def vala_source(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["using GLib;", "", "public class Tray : Object {", "    public int level { get; set; }", ""]
    for i in range(n):
        out += [f"    public double sensor_{i} (int raw) {{"]
        if i % 7 == 2:
            out.append(f"        int count = \"{rnd.choice(['three', 'ten', 'many'])}\";")
        elif i % 9 == 4:
            out.append(f"        var l = new List<string> ();\n        l.append ({rnd.randint(1, 99)});")
        elif i % 10 == 7:
            out.append(f"        stdout.printf (\"%d\\n\", total_{i});")
        elif i % 6 == 5:
            out.append("        int unused;")
        out += [f"        return raw * {rnd.randint(1, 9)}.{rnd.randint(0, 9)};", "    }", ""]
    out += ["}", "", "int main (string[] args) {", "    var t = new Tray ();", "    print (\"%f\\n\", t.sensor_0 (3));",
            "    return 0;", "}"]
    return "\n".join(out) + "\n"


def vala(tmp: Path) -> None:
    root = tmp / "tray"
    write_tree(root, {"src/tray.vala": vala_source(70, 4208)})
    cap("valac-tray", "valac src/tray.vala -o tray", root, N_VALAC)
    cap("valac-tray-grep-error", "valac src/tray.vala -o tray 2>&1 | grep -E 'error|failed'", root, N_VALAC)


# ------------------------------------------------------------------ Standard ML

SML_FILES = {
    "stats.sml": "fun mean xs = foldl op+ 0 xs div length xs;\nval r = mean [1.0, 2.0, 4.5];\n",
    "label.sml": "fun label (n:int) = \"bin-\" ^ n;\nval _ = print (label 3);\n",
    "ring.sml": "datatype 'a ring = Ring of 'a list * int;\nfun push (Ring (xs, n)) x = Ring (x :: xs, n + 1);\n"
                "fun peek (Ring (x :: _, _)) = x;\nval r = push (Ring ([], 0)) 3;\nval _ = print (Int.toString (peek r));\n"
                "val _ = print (Int.toString (peek (Ring ([], 0))));\n",
    "parse.sml": "fun parse s = case Int.fromString s of SOME n => n;\nval total = parse \"12\" + parse \"x9\";\n",
    "units.sml": "type celsius = real;\nfun toF (c: celsius) = c * 9 / 5 + 32;\nval _ = toF 21.5;\n",
    "queue.sml": "structure Q = struct\n  fun enqueue (q, x) = q @ [x]\n  fun dequeue (x :: q) = (x, q)\nend;\n"
                 "val (a, rest) = Q.dequeue (Q.enqueue ([1, 2], \"three\"));\n",
    "window.sml": "fun window k xs = if length xs < k then [] else List.take (xs, k) :: window k (tl xs);\n"
                  "val w = window 3 [1, 2, 3, 4, 5];\nval _ = List.app (fn l => print (Int.toString (foldl op+ 0 l) ^ \"\\n\")) w;\n"
                  "val _ = print (Int.toString (List.nth (w, 7) |> hd));\n",
}


def sml(tmp: Path) -> None:
    root = tmp / "smlstats"
    write_tree(root, {f"src/{k}": v for k, v in SML_FILES.items()})
    cap("poly-script-each-src", "for f in src/*.sml; do echo \"== $f\"; poly --script \"$f\"; done", root, N_POLYML)


# ------------------------------------------------------------------ Common Lisp

def lisp_source(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["(defpackage :kiln (:use :cl))", "(in-package :kiln)", ""]
    for i in range(n):
        k = i % 10
        if k == 2:
            out.append(f"(defun ramp-{i} (start end steps) (* (- end start) {rnd.randint(2, 9)}))")
        elif k == 4:
            out.append(f"(defun scale-{i} (x) (+ x \"{rnd.randint(1, 9)}\"))")
        elif k == 6:
            out.append(f"(defun probe-{i} (x) (read-thermocouple-{i} x))")
        elif k == 8:
            out.append(f"(defun avg-{i} (xs) (/ (reduce #'+ xs) (length xs)))\n(defun use-{i} () (avg-{i} 1 2 3))")
        else:
            out.append(f"(defun seg-{i} (x) (+ (* x {rnd.randint(2, 9)}) {rnd.randint(1, 99)}))")
    return "\n".join(out) + "\n"


CRASH_LISP = """(defun parse-reading (s)
  (let ((n (parse-integer s)))
    (if (> n 1200) (error "reading ~a out of range for thermocouple ~a" n s) n)))
(defun segment-report (readings)
  (loop for r in readings for i from 1 do (format t "segment ~3d  ~6d C~%" i (parse-reading r))))
(segment-report (loop for i from 0 below 40 collect (format nil "~d" (+ 200 (* i 29)))))
"""


def lisp(tmp: Path) -> None:
    root = tmp / "kiln"
    write_tree(root, {"src/kiln.lisp": lisp_source(120, 4209), "src/report.lisp": CRASH_LISP})
    cap("sbcl-compile-file-kiln", "sbcl --non-interactive --eval '(compile-file \"src/kiln.lisp\")'", root,
        N_SBCL_COMPILE)
    cap("sbcl-compile-file-tail-60", "sbcl --noinform --non-interactive --eval '(compile-file \"src/kiln.lisp\")' "
        "2>&1 | tail -n 60", root, N_SBCL_COMPILE)
    cap("sbcl-load-report-crash", "sbcl --noinform --non-interactive --load src/report.lisp; echo EXIT=$?", root,
        N_SBCL_ERROR)


# ------------------------------------------------------------------ CHICKEN Scheme

def scheme_source(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["(import (chicken format))", "(define (avg xs) (/ (apply + xs) (length xs)))",
           "(define (label n) (string-append \"bin-\" n))"]
    for i in range(n):
        xs = " ".join(str(rnd.randint(1, 90)) for _ in range(rnd.randint(3, 8)))
        out.append(f"(printf \"bin ~a avg ~a~%\" {i} (avg '({xs})))")
    out.append(f"(printf \"~a~%\" (label {n}))")
    return "\n".join(out) + "\n"


def chicken(tmp: Path) -> None:
    root = tmp / "bins"
    write_tree(root, {"bins.scm": scheme_source(600, 4210)})
    cap("csi-s-bins", "csi -s bins.scm", root, N_CSI)


STEPS = [asm, verilog, cobol, dlang, vala, sml, lisp, chicken]
