"""Round 169, Verilog: the `tidelink` design (a UART transmitter, a synchronous FIFO, a prescaler, an ALU and a bank of
channel modules widened by a seeded generator), with faults put in, run through Yosys (synthesis logs, `stat`,
`check`, failing reads), Icarus's vvp with `$monitor` traces, Verilator's C++ testbench build and its binary,
nextpnr-ice40 and icetime, and the VCD dump printed as text. Extractors are the rules of NEEDLES.md's "Round 169"
section. Run through capture_wide169.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_wide169 import cap, exit_lines

# ------------------------------------------------------------------ the design

UART_TX = """// tidelink: UART transmitter, 8N1
module uart_tx #(parameter CLKS_PER_BIT = 16) (
    input            clk,
    input            rst,
    input      [7:0] data,
    input            start,
    output reg       tx,
    output reg       busy
);
    reg [3:0] bitpos;
    reg [7:0] clkcnt;
    reg [9:0] shifter;
    always @(posedge clk) begin
        if (rst) begin
            tx <= 1'b1; busy <= 1'b0; bitpos <= 0; clkcnt <= 0;
        end else if (start && !busy) begin
            shifter <= {1'b1, data, 1'b0};
            busy <= 1'b1; clkcnt <= 0; bitpos <= 0;
        end else if (busy) begin
            if (clkcnt == CLKS_PER_BIT - 1) begin
                clkcnt <= 0;
                tx <= shifter[bitpos];
                bitpos <= bitpos + 1;
                if (bitpos == 10) busy <= 1'b0;   // one bit too many: the stop bit is sent twice
            end else
                clkcnt <= clkcnt + 1;
        end
    end
endmodule
"""

FIFO = """// tidelink: synchronous FIFO
module fifo #(parameter W = 8, parameter DEPTH = 16) (
    input              clk,
    input              rst,
    input              wr_en,
    input              rd_en,
    input      [W-1:0] din,
    output reg [W-1:0] dout,
    output             full,
    output             empty,
    output reg [4:0]   count
);
    reg [W-1:0] mem [0:DEPTH-1];
    reg [3:0] wp, rp;
    assign empty = (count == 0);
    assign full  = (count == DEPTH - 1);
    always @(posedge clk) begin
        if (rst) begin
            wp <= 0; rp <= 0; count <= 0;
        end else begin
            if (wr_en && !full) begin mem[wp] <= din; wp <= wp + 1; end
            if (rd_en && !empty) begin dout <= mem[rp]; rp <= rp + 1; end
            count <= count + (wr_en && !full) - (rd_en && !empty);
        end
    end
endmodule
"""

ALU = """// tidelink: 8-bit ALU
module alu (
    input      [2:0] op,
    input      [7:0] a,
    input      [7:0] b,
    output reg [7:0] y,
    output reg       carry,
    output           zero
);
    always @* begin
        case (op)
            3'd0: {carry, y} = a + b + (b[7:5] == 3'b101);   // a carry-in left from a debug build
            3'd1: {carry, y} = a - b;
            3'd2: begin y = a & b; carry = 1'b0; end
            3'd3: begin y = a | b; carry = 1'b0; end
            3'd4: y = a ^ b;
            3'd5: {carry, y} = {a, 1'b0};
        endcase
    end
    assign zero = (y == 0);
endmodule
"""

PRESCALER = """// tidelink: tick prescaler
module prescaler (
    input         clk,
    input         rst,
    input  [1:0]  sel,
    output        tick,
    output [3:0]  phase
);
    reg [15:0] cnt;
    wire [3:0] spare;
    always @(posedge clk)
        if (rst) cnt <= 0; else cnt <= cnt + 1;
    assign tick = (sel == 2'd0) ? cnt[3] : (sel == 2'd1) ? cnt[7] : cnt[11];
    assign tick = cnt[15];
    assign phase = spare ^ cnt[15:12];
endmodule
"""

LOOP = """// tidelink: a handshake cell with a combinational loop
module handshake (input req, input ack_in, output ack, output [2:0] state);
    wire a, b;
    assign a = req & ~b;
    assign b = ack_in | a;
    assign ack = b;
    assign state = {a, b, 1'bz};
endmodule
"""


def gen_channel(k: int) -> str:
    rnd = random.Random(16900 + k)
    w = rnd.choice([8, 12, 16])
    taps = sorted(rnd.sample(range(1, w), 3))
    th = rnd.randrange(1 << (w - 2), 1 << (w - 1))
    ops = ["^", "+", "&", "|"]
    mix = " ".join(f"{rnd.choice(ops)} lfsr[{t}:{t - 1}]" for t in taps)
    body = f"""// tidelink: channel {k}
module chan_{k} (
    input             clk,
    input             rst,
    input      [7:0]  din,
    input             en,
    output reg [7:0]  dout,
    output            hit
);
    reg [{w - 1}:0] lfsr;
    reg [{w - 1}:0] acc;
    wire fb = lfsr[{w - 1}] ^ lfsr[{taps[0]}] ^ lfsr[{taps[1]}] ^ lfsr[{taps[2]}];
    always @(posedge clk) begin
        if (rst) begin lfsr <= {w}'d{rnd.randrange(1, 1 << w)}; acc <= 0; dout <= 0; end
        else if (en) begin
            lfsr <= {{lfsr[{w - 2}:0], fb}};
            acc <= acc + din {mix};
            dout <= acc[{w - 1}:{w - 8}] ^ din;
        end
    end
    assign hit = acc > {w}'d{th};
"""
    if k % 4 == 1:  # a width mismatch put in
        body += f"    wire [3:0] narrow = acc;\n"
    body += "endmodule\n"
    return body


def top(n: int) -> str:
    inst = []
    for k in range(n):
        inst.append(f"    chan_{k} u_ch{k} (.clk(clk), .rst(rst), .din(bus[{k}]), .en(tick), .dout(bus[{k + 1}]), "
                    f".hit(hits[{k}]));")
    return f"""// tidelink: top level
module top (
    input        clk,
    input        rst,
    input        btn,
    input  [1:0] sel,
    output       tx,
    output [7:0] led
);
    wire tick;
    wire [3:0] phase;
    wire [7:0] bus [0:{n}];
    wire [{n - 1}:0] hits;
    wire [7:0] q, y;
    wire full, empty, busy, carry, zero;
    wire [4:0] count;
    assign bus[0] = {{phase, sel, btn, tick}};
    prescaler u_pre (.clk(clk), .rst(rst), .sel(sel), .tick(tick), .phase(phase));
{chr(10).join(inst)}
    fifo #(.W(8), .DEPTH(16)) u_fifo (.clk(clk), .rst(rst), .wr_en(|hits), .rd_en(!busy), .din(bus[{n}]),
        .dout(q), .full(full), .empty(empty), .count(count));
    alu u_alu (.op(count[2:0]), .a(q), .b(bus[{n // 2}]), .y(y), .carry(carry), .zero(zero));
    uart_tx #(.CLKS_PER_BIT(104)) u_tx (.clk(clk), .rst(rst), .data(y), .start(!empty), .tx(tx), .busy(busy));
    assign led = {{full, empty, carry, zero, count[3:0]}} ^ hits[7:0];
endmodule
"""


# a clean variant for place and route (the prescaler without its second driver)
PRESCALER_OK = PRESCALER.replace("    assign tick = cnt[15];\n", "").replace("spare ^ ", "")

BAD_SYNTAX = """// tidelink: debouncer, half edited
module debounce (input clk, input btn, output reg clean);
    reg [15:0] cnt
    reg last;
    always @(posedge clk) begin
        if (btn != last) begin cnt <= 0; last <= btn; end
        else if (cnt != 16'hffff) cnt <= cnt + 1;
        else clean <= last;
    end
endmodule
"""

BAD_SV = """// tidelink: packet checker, SystemVerilog read as Verilog-2005
module pktchk (input logic clk, input logic [7:0] b, output logic ok);
    typedef enum logic [1:0] {IDLE, HDR, BODY} st_t;
    st_t st;
    always_ff @(posedge clk) begin
        unique case (st)
            IDLE: if (b == 8'h7e) st <= HDR;
            HDR:  st <= BODY;
            BODY: if (b == 8'h7e) st <= IDLE;
        endcase
    end
    assign ok = (st == IDLE);
endmodule
"""

BAD_UNDECL = """// tidelink: parity unit with a typo
module parity (input [7:0] d, output p, output q);
    assign p = ^d;
    assign q = ^dd & p;
    sub_missing u0 (.a(p));
endmodule
"""

TB_FIFO = """`timescale 1ns/1ps
module tb_fifo;
    reg clk = 0, rst = 1, wr_en = 0, rd_en = 0;
    reg [7:0] din = 0;
    wire [7:0] dout;
    wire full, empty;
    wire [4:0] count;
    integer i, errors = 0;
    reg [7:0] expect_q [0:63];
    integer head = 0, tail = 0;
    fifo #(.W(8), .DEPTH(16)) dut (.clk(clk), .rst(rst), .wr_en(wr_en), .rd_en(rd_en), .din(din),
        .dout(dout), .full(full), .empty(empty), .count(count));
    always #5 clk = ~clk;
    initial begin
        $dumpfile("fifo.vcd");
        $dumpvars(0, tb_fifo);
        $monitor("%0t clk=%b wr=%b rd=%b din=%h dout=%h count=%0d full=%b empty=%b",
                 $time, clk, wr_en, rd_en, din, dout, count, full, empty);
        #12 rst = 0;
        for (i = 0; i < 18; i = i + 1) begin
            @(negedge clk); wr_en = 1; din = 8'h30 + i * 7;
            expect_q[tail] = din; tail = tail + 1;
        end
        @(negedge clk); wr_en = 0;
        for (i = 0; i < 18; i = i + 1) begin
            @(negedge clk); rd_en = 1;
            @(negedge clk); rd_en = 0;
            if (dout !== expect_q[head])
                begin $display("ERROR: read %0d got %h expected %h at %0t", i, dout, expect_q[head], $time);
                errors = errors + 1; end
            head = head + 1;
        end
        if (errors) $display("FAIL: %0d errors in fifo test", errors);
        else $display("PASS: fifo test");
        $finish;
    end
endmodule
"""

TB_UART = """`timescale 1ns/1ps
module tb_uart;
    parameter BYTES = 3;
    reg clk = 0, rst = 1, start = 0;
    reg [7:0] data = 8'h00;
    wire tx, busy;
    integer n, errors = 0;
    uart_tx #(.CLKS_PER_BIT(4)) dut (.clk(clk), .rst(rst), .data(data), .start(start), .tx(tx), .busy(busy));
    always #5 clk = ~clk;
    initial begin
        $dumpfile("uart.vcd");
        $dumpvars(0, tb_uart);
        $monitor("%0t tx=%b busy=%b bitpos=%0d clkcnt=%0d data=%h", $time, tx, busy, dut.bitpos, dut.clkcnt, data);
        #22 rst = 0;
        for (n = 0; n < BYTES; n = n + 1) begin
            @(negedge clk); data = 8'hA5 ^ (n * 8'h1d); start = 1;
            @(negedge clk); start = 0;
            wait (!busy);
            if (dut.bitpos != 10) begin
                $display("MISMATCH: frame %0d ended at bitpos %0d (expected 10)", n, dut.bitpos); errors = errors + 1;
            end
        end
        $display("uart test: %0d frames, %0d errors", BYTES, errors);
        $finish;
    end
endmodule
"""

TB_ALU = """// tidelink: ALU checker for the Verilated C++ testbench
module tb_alu #(parameter LIMIT = 5, parameter CYCLES = 400) (input clk);
    reg [2:0] op = 0;
    reg [7:0] a = 8'h00, b = 8'h00;
    wire [7:0] y;
    wire carry, zero;
    reg [8:0] want;
    integer cyc = 0, errors = 0;
    alu dut (.op(op), .a(a), .b(b), .y(y), .carry(carry), .zero(zero));
    always @(posedge clk) begin
        cyc <= cyc + 1;
        case (op)
            3'd0: want = a + b;
            3'd1: want = a - b;
            3'd2: want = {1'b0, a & b};
            3'd3: want = {1'b0, a | b};
            3'd4: want = {1'b0, a ^ b};
            3'd5: want = {a, 1'b0};
            default: want = {carry, y};   // undefined ops are not checked
        endcase
        if ({carry, y} !== want && op != 3'd4) begin
            $display("MISMATCH cyc=%0d op=%0d a=%h b=%h got=%h want=%h", cyc, op, a, b, {carry, y}, want);
            errors = errors + 1;
        end
        assert (errors < LIMIT) else $error("too many ALU mismatches: %0d by cycle %0d", errors, cyc);
        op <= op + 1;
        a <= a * 8'd37 + 8'd11;
        b <= b ^ (a + 8'd3);
        if (cyc == CYCLES) begin
            $display("SUMMARY: %0d cycles, %0d errors", cyc, errors);
            $finish;
        end
    end
endmodule
"""

TB_MAIN_CPP = """#include <cstdio>
#include "Vtb_alu.h"
#include "verilated.h"

int main(int argc, char **argv) {
    VerilatedContext *ctx = new VerilatedContext;
    ctx->commandArgs(argc, argv);
    Vtb_alu *top = new Vtb_alu{ctx};
    top->clk = 0;
    while (!ctx->gotFinish() && ctx->time() < 100000) {
        ctx->timeInc(5);
        top->clk = !top->clk;
        top->eval();
    }
    top->final();
    std::printf("simulated %lu time units\\n", (unsigned long)ctx->time());
    delete top;
    return 0;
}
"""

TB_MAIN_BAD_CPP = TB_MAIN_CPP.replace("top->clk = !top->clk;", "top->clk = !top->clock;").replace(
    "delete top;", "delete top\n    return ctx->errors;")

PCF = """set_io clk J3
set_io rst B2
set_io btn C3
set_io sel[0] D3
set_io sel[1] E3
set_io tx B12
set_io led[0] B5
set_io led[1] B4
set_io led[2] A2
set_io led[3] A1
set_io led[4] C5
set_io led[5] C4
set_io led[6] B3
set_io led[7] C3
"""

PCF_OK = PCF.replace("set_io btn C3", "set_io btn R2")  # top.pcf puts btn and led[7] on one pin: the fault

# ------------------------------------------------------------------ extractors

WARN_RE = re.compile(r"^(?:[\w./-]+:\d+: )?Warning: ")
ERR_RE = re.compile(r"^(?:[\w./-]+:\d+: )?ERROR: ")


def _yosys_warn_key(ln: str) -> tuple:
    m = re.search(r"(?:module|cell|wire|signal) [\\`']?(?:\$?\w+\.)?\\?([A-Za-z_][\w$]*)", ln)
    f = re.search(r"([\w./-]+\.s?v):\d+", ln)
    return mask(ln), (f.group(1) if f else (m.group(1) if m else ""))


@cm.kind("yosys-synth-log", "build")
def n_yosys_synth(lines):
    """Rule 1/3/5 on Yosys's synthesis log: every ERROR: line, Warning: lines one {any} per (shape, module/file), every Latch inferred line, the problems count line, the last stat block's Number of cells and Chip area lines."""
    out, pairs = [], []
    cells = []
    for ln in lines:
        s = ln.strip()
        if ERR_RE.match(s):
            out.append(ln)
        elif WARN_RE.match(s):
            pairs.append((_yosys_warn_key(s), ln))
        elif s.startswith("Latch inferred for signal"):
            out.append(ln)
        elif re.match(r"Found and reported \d+ problems", s):
            out.append(ln)
        elif s.startswith("Number of cells:"):
            cells.append(ln)
        elif s.startswith("Chip area"):
            out.append(ln)
    if cells:
        last = cells[-1].split()[-1]
        out.append(any_of([c for c in cells if c.split()[-1] == last]))
    return out + groups(pairs) + exit_lines(lines)


@cm.kind("yosys-stat", "table")
def n_yosys_stat(lines):
    """Rule 4/5 on Yosys's stat report: each module's === header ===, Number of wires/cells lines, the cell-type rows with the module's largest and smallest count, the hierarchy's Number of cells line, Chip area lines."""
    out = []
    block: list[tuple[int, str]] = []

    def flush():
        if block:
            hi = max(v for v, _ in block)
            lo = min(v for v, _ in block)
            out.append(any_of([ln for v, ln in block if v == hi]))
            out.append(any_of([ln for v, ln in block if v == lo]))
        block.clear()

    in_cells = False
    for ln in lines:
        s = ln.strip()
        if re.match(r"^=== .+ ===$", s):
            flush()
            out.append(ln)
            in_cells = False
        elif s.startswith("Number of wires:"):
            out.append(ln)
        elif s.startswith("Number of cells:"):
            out.append(ln)
            in_cells = True
        elif s.startswith("design hierarchy"):
            flush()
            in_cells = False
        elif s.startswith("Chip area"):
            out.append(ln)
        elif in_cells and re.match(r"^[\\$\w.:]+\s+\d+$", s):
            block.append((int(s.split()[-1]), ln))
        elif in_cells and not s:
            flush()
            in_cells = False
    flush()
    return out + exit_lines(lines)


@cm.kind("yosys-check", "lint")
def n_yosys_check(lines):
    """Rule 1/5 on Yosys's check pass: every Warning: line of the pass, the driver/loop lines under each one {any}, the problems count line, every ERROR: line."""
    out = []
    in_check = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^\d+(\.\d+)*\. Executing CHECK pass", s):
            in_check = True
            continue
        if re.match(r"^\d+(\.\d+)*\. Executing ", s):
            in_check = False
        if ERR_RE.match(s):
            out.append(ln)
        elif in_check and WARN_RE.match(s):
            out.append(ln)
            under = []
            for k in range(i + 1, min(len(lines), i + 40)):
                t = lines[k].strip()
                if not t or WARN_RE.match(t) or t.startswith("Found and reported"):
                    break
                under.append(lines[k])
            if under:
                out.append(any_of(under))
        elif re.match(r"Found and reported \d+ problems", s):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("yosys-read-error", "build")
def n_yosys_read(lines):
    """Rule 1 on Yosys's failing read: the ERROR: line, the Parsing line of the file that failed, Warning: lines before it one {any} per shape."""
    out, pairs = [], []
    parsing = None
    for ln in lines:
        s = ln.strip()
        if s.startswith("-- Parsing"):
            parsing = ln
        if ERR_RE.match(s):
            if parsing:
                out.append(parsing)
            out.append(ln)
        elif WARN_RE.match(s):
            pairs.append((mask(s), ln))
    return out + groups(pairs) + exit_lines(lines)


TRACE_RE = re.compile(r"^\d+ \w+=")


@cm.kind("vvp-monitor", "test")
def n_vvp_monitor(lines):
    """Rule 1/2/5 on a vvp run with $monitor traces: failure lines, the VCD info line, the first and last trace line, the first trace line where each err/overflow/full/empty flag is 1, the $finish and summary lines."""
    out = []
    traces = [ln for ln in lines if TRACE_RE.match(ln)]
    if traces:
        out += [traces[0], traces[-1]]
    seen = set()
    for ln in traces:
        for flag in ("err", "overflow", "full", "empty"):
            if flag not in seen and re.search(rf"\b{flag}=1\b", ln):
                seen.add(flag)
                out.append(ln)
    for ln in lines:
        if re.search(r"ERROR|FAIL|MISMATCH|\$fatal|ASSERT", ln) and not TRACE_RE.match(ln):
            out.append(ln)
        elif ln.startswith("VCD info:") or re.search(r"\$finish called|^PASS|\d+ errors", ln):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("verilator-build", "build")
def n_verilator_build(lines):
    """Rule 1/3 on Verilator's --cc --exe --build: every %Error line, %Warning-CODE lines one {any} per (code, file), g++ error: lines and make's *** line, the Verilation report, Built from and Walltime lines."""
    out, pairs = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith("%Error"):
            out.append(ln)
        m = re.match(r"^%Warning-(\w+): ([^:\s]+):", s)
        if m:
            pairs.append(((m.group(1), m.group(2)), ln))
        if re.search(r": (fatal )?error: ", s) or re.match(r"make(\[\d+\])?: \*\*\*", s):
            out.append(ln)
        if re.match(r"- V e r i l a t i o n|- Verilator: (Built from|Walltime)", s):
            out.append(ln)
    return out + groups(pairs) + exit_lines(lines)


@cm.kind("verilator-sim", "test")
def n_verilator_sim(lines):
    """Rule 1/2/3 on a Verilated binary's run: every %Error: and %Warning: line, the testbench's failure lines (ERROR/FAIL/MISMATCH), the Simulation report and $finish/end lines, Aborted, the testbench's summary line."""
    out = []
    for ln in lines:
        s = ln.strip()
        if "%Error" in s or "%Warning" in s or re.search(r"ERROR|FAIL|MISMATCH", s):
            out.append(ln)
        elif re.match(r"- S i m u l a t i o n|- Verilator: (\$finish|end)", s) or "Aborted" in s:
            out.append(ln)
        elif re.match(r"^(SUMMARY|PASS)\b|\d+ errors", s):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("nextpnr-ice40-log", "build")
def n_nextpnr(lines):
    """Rule 1/4/5 on nextpnr-ice40's log: ERROR: lines, Warning: lines one {any} per shape, the utilisation header and every non-zero row, the last Max frequency line per clock, critical path headers and their closing logic/routing lines, Program finished and Max delay lines."""
    out, pairs = [], []
    freq: dict = {}
    in_util = False
    cp_open = False
    last_total = None
    for ln in lines:
        s = re.sub(r"^Info:\s*", "", ln.strip())
        if ln.startswith("ERROR:"):
            out.append(ln)
        elif ln.startswith("Warning:"):
            pairs.append((mask(ln), ln))
        if s.startswith("Device utilisation:"):
            out.append(ln)
            in_util = True
            continue
        if in_util:
            m = re.match(r"^([\w]+):\s+(\d+)/\s*(\d+)", s)
            if m:
                if int(m.group(2)):
                    out.append(ln)
                continue
            in_util = False
        m = re.match(r"Max frequency for clock '([^']+)'", s)
        if m:
            freq[m.group(1)] = ln
        if s.startswith("Critical path report for"):
            if cp_open and last_total:
                out.append(last_total)
            out.append(ln)
            cp_open, last_total = True, None
        elif cp_open and re.search(r"ns logic, .*ns routing", s):
            last_total = ln
        elif cp_open and not s.strip():
            pass
        if s.startswith("Program finished normally") or s.startswith("Max delay") \
                or re.match(r"^\d+ warnings?, \d+ errors?$", s):
            out.append(ln)
    if cp_open and last_total:
        out.append(last_total)
    return out + list(freq.values()) + groups(pairs) + exit_lines(lines)


@cm.kind("icetime-report", "build")
def n_icetime(lines):
    """Rule 1/5 on icetime's report: the logic levels and Total path delay lines, every Timing estimate line, the first and last line of the path listing, ERROR/Warning lines, the timing check verdict."""
    out = []
    path = []
    for ln in lines:
        s = ln.strip()
        if s.startswith("Total number of logic levels") or s.startswith("Total path delay"):
            out.append(ln)
        elif s.startswith("// Timing estimate"):
            out.append(ln)
        elif re.search(r"ERROR|Warning|Timing check|This timing report", s):
            out.append(ln)
        if re.match(r"^\d+\.\d+ ns ", s):
            path.append(ln)
    if path:
        out += [path[0], path[-1]]
    return out + exit_lines(lines)


@cm.kind("vcd-text", "doc")
def n_vcd(lines):
    """Rule 5/6 on a VCD dump read as text: the $date/$version value lines, every $scope module and $var line, $enddefinitions, the first and last #time line."""
    out = []
    times = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s in ("$date", "$version") and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(lines[i + 1])
        elif s.startswith(("$date ", "$version ")):
            out.append(ln)
        elif s.startswith("$scope module") or s.startswith("$var ") or s.startswith("$enddefinitions"):
            out.append(ln)
        elif re.match(r"^#\d+$", s):
            times.append(ln)
    if times:
        out += [times[0], times[-1]]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ steps

def project(tmp: Path, n: int = 12) -> Path:
    root = tmp / "tidelink"
    if root.exists():
        return root
    files = {"rtl/uart_tx.v": UART_TX, "rtl/fifo.v": FIFO, "rtl/alu.v": ALU, "rtl/prescaler.v": PRESCALER,
             "rtl/handshake.v": LOOP, "rtl/top.v": top(n), "rtl_ok/prescaler.v": PRESCALER_OK,
             "bad/debounce.v": BAD_SYNTAX, "bad/pktchk.sv": BAD_SV, "bad/parity.v": BAD_UNDECL,
             "tb/tb_fifo.v": TB_FIFO, "tb/tb_uart.v": TB_UART, "tb/tb_alu.v": TB_ALU,
             "tb/main.cpp": TB_MAIN_CPP, "tb/main_bad.cpp": TB_MAIN_BAD_CPP, "top.pcf": PCF, "ok.pcf": PCF_OK}
    for k in range(n):
        files[f"rtl/chan_{k}.v"] = gen_channel(k)
    write_tree(root, files)
    return root


def _chans(n: int) -> str:
    return " ".join(f"rtl/chan_{k}.v" for k in range(n))


def step_yosys(tmp: Path) -> None:
    r = project(tmp)
    core = "rtl/uart_tx.v rtl/fifo.v rtl/alu.v rtl/prescaler.v"
    allv = f"{core} {_chans(12)} rtl/top.v"
    okv = allv.replace("rtl/prescaler.v", "rtl_ok/prescaler.v")
    cap("yosys-synth-alu-fifo", f"yosys -p 'synth -top fifo' rtl/fifo.v rtl/alu.v", r, n_yosys_synth)
    cap("yosys-synth-top-tail-80", f"yosys -p 'synth -top top' {allv} | tail -n 80", r, n_yosys_synth)
    cap("yosys-synth-top-head-1500", f"yosys -p 'synth -top top' {allv} | head -n 1500", r, n_yosys_synth)
    cap("yosys-synth-grep-warn", f"yosys -p 'synth -top top; check' {allv} 2>&1 | grep -E 'Warning|ERROR|Latch|problems'",
        r, n_yosys_synth)
    cap("yosys-synth-ice40-tail-150-echo-exit",
        f"yosys -p 'synth_ice40 -top top -json build/top.json' {okv} 2>&1 | tail -n 150; echo EXIT=$?", r,
        n_yosys_synth)
    cap("yosys-synth-uart-alu", "yosys -p 'read_verilog rtl/uart_tx.v rtl/alu.v; synth -top alu; stat'", r,
        n_yosys_synth)
    cap("yosys-stat-top", f"yosys -p 'synth -top top; stat' {okv} | sed -n '/Printing statistics/,$p'", r, n_yosys_stat)
    cap("yosys-stat-ice40", f"yosys -p 'synth_ice40 -top top; stat' {okv} | tail -n 120", r, n_yosys_stat)
    cap("yosys-stat-fifo-width", "yosys -p 'synth -top fifo; tee -o fifo_stat.txt stat -width' rtl/fifo.v >/dev/null; cat fifo_stat.txt", r, n_yosys_stat)
    cap("yosys-stat-chan-bank-grep", f"yosys -p 'synth -top top -flatten; stat' {okv} | grep -A40 '=== top ==='",
        r, n_yosys_stat)
    cap("yosys-check-prescaler", "yosys -p 'hierarchy -top prescaler; proc; check' rtl/prescaler.v", r, n_yosys_check)
    cap("yosys-check-assert-echo-exit", f"yosys -p 'hierarchy -top top; proc; opt; check -assert' {allv}; echo EXIT=$?",
        r, n_yosys_check)
    cap("yosys-check-handshake-tail", "yosys -p 'hierarchy -top handshake; proc; opt_clean; check' rtl/handshake.v "
        "2>&1 | tail -n 60", r, n_yosys_check)
    cap("yosys-check-top-grep", f"yosys -p 'synth -top top; check' {allv} | grep -E -A3 'Warning|problems'", r,
        n_yosys_check)
    cap("yosys-read-syntax-error", f"yosys -p 'read_verilog {core} {_chans(12)}; read_verilog bad/debounce.v; "
        "synth -top top'", r, n_yosys_read)
    cap("yosys-read-sv-without-sv-echo-exit", "yosys -p 'read_verilog bad/pktchk.sv' 2>&1; echo EXIT=$?", r,
        n_yosys_read)
    cap("yosys-read-undeclared", f"yosys -p 'read_verilog -defer {core} {_chans(12)} bad/parity.v; "
        "hierarchy -check -top parity; proc'", r, n_yosys_read)


def step_vvp(tmp: Path) -> None:
    r = project(tmp)
    run("mkdir -p sim && iverilog -o sim/fifo.vvp tb/tb_fifo.v rtl/fifo.v", cwd=r)
    cap("vvp-monitor-fifo", "cd sim && vvp fifo.vvp", r, n_vvp_monitor)
    cap("vvp-monitor-fifo-grep", "cd sim && vvp fifo.vvp | grep -E 'full=1|ERROR|FAIL|PASS'", r, n_vvp_monitor)
    for nb in (3, 40):
        run(f"iverilog -o sim/uart{nb}.vvp -P tb_uart.BYTES={nb} tb/tb_uart.v rtl/uart_tx.v", cwd=r)
    cap("vvp-monitor-uart-3", "vvp sim/uart3.vvp", r, n_vvp_monitor)
    cap("vvp-monitor-uart-40", "vvp sim/uart40.vvp", r, n_vvp_monitor)
    cap("vcd-uart-40-cat", "cat uart.vcd", r, n_vcd)
    cap("vvp-monitor-uart-40-tail-80", "vvp sim/uart40.vvp | tail -n 80", r, n_vvp_monitor)
    r2 = r / "sim"
    cap("vcd-fifo-head-400", "head -n 400 fifo.vcd", r2, n_vcd)
    cap("vcd-fifo-cat", "cat fifo.vcd", r2, n_vcd)


def step_verilator(tmp: Path) -> None:
    r = project(tmp)
    base = "verilator --cc --exe --build -j 1 -Wall --assert --top-module tb_alu"
    cap("verilator-build-alu-fail", f"{base} -GLIMIT=5 -GCYCLES=400 tb/tb_alu.v rtl/alu.v tb/main.cpp "
        "-Mdir obj_fail", r, n_verilator_build, timeout=900)
    cap("verilator-build-alu-wno-fatal-tail-40", f"{base} -Wno-fatal -GLIMIT=25 -GCYCLES=3000 tb/tb_alu.v rtl/alu.v "
        "tb/main.cpp -Mdir obj_a 2>&1 | tail -n 40", r, n_verilator_build, timeout=900)
    cap("verilator-build-bad-cpp-echo-exit", f"{base} -Wno-fatal -GLIMIT=100 -GCYCLES=50 tb/tb_alu.v rtl/alu.v "
        "tb/main_bad.cpp -Mdir obj_bad 2>&1; echo EXIT=$?", r, n_verilator_build, timeout=900)
    cap("verilator-build-alu-pass", f"{base} -Wno-fatal -Wno-WIDTH -Wno-LATCH -GLIMIT=1000 -GCYCLES=2000 tb/tb_alu.v "
        "rtl/alu.v tb/main.cpp -Mdir obj_b 2>&1 | grep -vE '^(g\\+\\+|make|echo|rm|ar|/usr/bin/python3) '; echo EXIT=$?", r,
        n_verilator_build, timeout=900)
    cap("verilator-sim-alu-assert", "./obj_a/Vtb_alu", r, n_verilator_sim)
    cap("verilator-sim-alu-long-echo-exit", "./obj_b/Vtb_alu; echo EXIT=$?", r, n_verilator_sim)


def step_pnr(tmp: Path) -> None:
    r = project(tmp)
    okv = (f"rtl/uart_tx.v rtl/fifo.v rtl/alu.v rtl_ok/prescaler.v {_chans(12)} rtl/top.v")
    run(f"mkdir -p build && yosys -q -p 'synth_ice40 -top top -json build/top.json' {okv}", cwd=r, timeout=900)
    pnr = "nextpnr-ice40 --hx8k --package ct256 --json build/top.json --pcf top.pcf --seed 169"
    cap("nextpnr-ice40-hx8k-pin-clash", f"{pnr} --freq 48 --asc build/clash.asc", r, n_nextpnr, timeout=900)
    pnr = pnr.replace("top.pcf", "ok.pcf")
    cap("nextpnr-ice40-hx8k-loops", f"{pnr} --freq 48 --asc build/loops.asc 2>&1 | tail -n 120; echo EXIT=$?", r,
        n_nextpnr, timeout=900)
    pnr += " --ignore-loops"
    cap("nextpnr-ice40-hx8k", f"{pnr} --freq 48 --asc build/top.asc", r, n_nextpnr, timeout=900)
    cap("nextpnr-ice40-tail-80", f"{pnr} --freq 120 --asc build/top120.asc 2>&1 | tail -n 80", r, n_nextpnr,
        timeout=900)
    cap("icetime-hx8k", "icetime -d hx8k -P ct256 -p ok.pcf -t build/top.asc", r, n_icetime)
    cap("icetime-hx8k-check-100", "icetime -d hx8k -P ct256 -p ok.pcf -c 100 -mt build/top.asc; echo EXIT=$?", r,
        n_icetime)
    cap("icetime-hx8k-120-mtr", "icetime -d hx8k -P ct256 -p ok.pcf -m -r build/timing.rpt build/top120.asc "
        "&& cat build/timing.rpt", r, n_icetime)


STEPS = [step_yosys, step_vvp, step_verilator, step_pnr]
