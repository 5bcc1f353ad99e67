"""Round 185, round 169's kinds on `kilnbus`, a pottery kiln controller of the round's own: Verilog (a PWM heater
driver, an SPI thermocouple reader, a moving-average filter, a relay interlock, generated firing zones) and VHDL (a
ramp generator, generated segment tables), with faults put in. Needles come from round 169's extractors, imported.
Run through capture_wide185.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide169_rtl import (n_icetime, n_nextpnr, n_vcd, n_verilator_build, n_verilator_sim, n_vvp_monitor,
                                 n_yosys_check, n_yosys_read, n_yosys_stat, n_yosys_synth)
from capture_wide169_vhdl import n_ghdl_analyze, n_ghdl_run
from capture_wide185 import cap

PWM = """// kilnbus: heater PWM, one output per element
module pwm #(parameter W = 10) (
    input clk, input rst, input [W-1:0] duty, output reg out, output reg [W-1:0] phase, output wrap
);
    assign wrap = (phase == {W{1'b1}});
    always @(posedge clk) begin
        if (rst) begin phase <= 0; out <= 0; end
        else begin
            phase <= phase + 1'b1;
            out <= (phase <= duty);   // fault: on for duty+1 counts
        end
    end
endmodule
"""

PWM_OK = PWM.replace("(phase <= duty);   // fault: on for duty+1 counts", "(phase < duty);")

SPI = """// kilnbus: SPI reader for a MAX31855-style thermocouple converter (32-bit frame)
module spi_tc #(parameter DIV = 4) (
    input clk, input rst, input start, input miso,
    output reg sclk, output reg cs_n, output reg [31:0] frame, output reg done, output fault
);
    reg [7:0] div;
    reg [5:0] nbit;
    reg [13:0] temp;
    assign fault = frame[16];
    always @(posedge clk) begin
        if (rst) begin sclk <= 0; cs_n <= 1; div <= 0; nbit <= 0; done <= 0; frame <= 0; end
        else begin
            done <= 0;
            if (cs_n && start) begin cs_n <= 0; nbit <= 0; div <= 0; end
            else if (!cs_n) begin
                div <= div + 1;
                if (div == DIV - 1) begin
                    div <= 0;
                    sclk <= ~sclk;
                    if (sclk) begin
                        frame <= {frame[30:0], miso};
                        nbit <= nbit + 1;
                        if (nbit == 31) begin cs_n <= 1; done <= 1; end
                    end
                end
            end
            temp <= frame[31:18];
        end
    end
endmodule
"""

FILTER = """// kilnbus: moving average over 4 samples with a mode select
module tfilter (input clk, input rst, input [1:0] mode, input [13:0] sample, input valid,
                output reg [13:0] avg, output reg [15:0] acc, output reg hot);
    reg [13:0] s0, s1, s2, s3;
    reg [13:0] pick;
    always @(posedge clk) begin
        if (rst) begin s0 <= 0; s1 <= 0; s2 <= 0; s3 <= 0; acc <= 0; end
        else if (valid) begin
            s3 <= s2; s2 <= s1; s1 <= s0; s0 <= sample;
            acc <= s0 + s1 + s2 + s3;   // fault: the window one sample late
        end
    end
    always @* begin
        case (mode)            // fault: no default and no 2'b11 arm
            2'b00: pick = acc[15:2];
            2'b01: pick = s0;
            2'b10: pick = (s0 > s1) ? s0 : s1;
        endcase
    end
    always @(posedge clk) begin
        avg <= pick;
        hot <= pick > 14'd1300;
    end
endmodule
"""

FILTER_OK = FILTER.replace("            2'b10: pick = (s0 > s1) ? s0 : s1;\n",
                           "            2'b10: pick = (s0 > s1) ? s0 : s1;\n            default: pick = s3;\n")

RELAY = """// kilnbus: relay interlock, lid switch and over-temperature
module relay_ctl (input clk, input rst, input lid_open, input over_temp, input want, output reg relay, output reg [3:0] trips);
    wire enable;
    assign enable = want & ~lid_open;
    assign enable = ~over_temp;          // fault: a second driver on enable
    always @(posedge clk) begin
        if (rst) begin relay <= 0; trips <= 0; end
        else begin
            relay <= enable;
            if (over_temp) trips <= trips + 1;
        end
    end
endmodule
"""

RELAY_OK = RELAY.replace("    assign enable = ~over_temp;          // fault: a second driver on enable\n", "").replace(
    "want & ~lid_open", "want & ~lid_open & ~over_temp")


def gen_zone(k: int) -> str:
    r = random.Random(18500 + k)
    w = r.choice([8, 10, 12])
    steps = r.randint(3, 7)
    hold = [r.randint(20, 250) for _ in range(steps)]
    arms = "\n".join(f"            {k2}: begin target <= {w}'d{r.randrange(1 << w)}; limit <= 16'd{h}; end"
                     for k2, h in enumerate(hold))
    trunc = f"\n    assign spare = timer;   // 16 bits into {w - 4}" if k % 3 == 1 else ""
    return f"""// kilnbus: firing zone {k}, {steps} segments
module zone_{k} (input clk, input rst, input go, input [{w - 1}:0] temp, output reg heat, output reg [{w - 1}:0] target,
                 output reg [3:0] seg, output reg done{", output [" + str(w - 5) + ":0] spare" if trunc else ""});
    reg [15:0] timer, limit;{trunc}
    always @(posedge clk) begin
        if (rst) begin seg <= 0; timer <= 0; done <= 0; heat <= 0; target <= 0; limit <= 0; end
        else if (go && !done) begin
            case (seg)
{arms}
            default: done <= 1;
            endcase
            heat <= temp < target;
            if (temp >= target) timer <= timer + 1;
            if (timer == limit) begin timer <= 0; seg <= seg + 1; end
        end
    end
endmodule
"""


def top(n: int) -> str:
    zones = "\n".join(
        f"    wire h{k}; wire [11:0] t{k}; wire [3:0] s{k}; wire d{k};\n"
        f"    zone_{k} z{k} (.clk(clk), .rst(rst), .go(go), .temp(avg[13:2]), .heat(h{k}), .target(t{k}), .seg(s{k}), .done(d{k}));"
        for k in range(n))
    heats = " | ".join(f"h{k}" for k in range(n))
    dones = " & ".join(f"d{k}" for k in range(n))
    return f"""// kilnbus: top level, {n} zones
module top (input clk, input rst, input go, input miso, input lid, input [1:0] mode,
            output sclk, output cs_n, output heater, output relay, output [4:0] led);
    wire [31:0] frame; wire done, tc_fault, wrap, hot; wire [13:0] avg; wire [15:0] acc; wire [9:0] phase; wire [3:0] trips;
    wire pwm_out;
    reg [19:0] tick;
    always @(posedge clk) tick <= tick + 1;
    spi_tc #(.DIV(8)) tc (.clk(clk), .rst(rst), .start(tick == 0), .miso(miso), .sclk(sclk), .cs_n(cs_n),
        .frame(frame), .done(done), .fault(tc_fault));
    tfilter f (.clk(clk), .rst(rst), .mode(mode), .sample(frame[31:18]), .valid(done), .avg(avg), .acc(acc), .hot(hot));
{zones}
    pwm #(.W(10)) p (.clk(clk), .rst(rst), .duty({{avg[9:0]}}), .out(pwm_out), .phase(phase), .wrap(wrap));
    relay_ctl rc (.clk(clk), .rst(rst), .lid_open(lid), .over_temp(hot | tc_fault), .want({heats}), .relay(relay), .trips(trips));
    assign heater = pwm_out & relay;
    assign led = {{tc_fault, hot, {dones}, trips[1:0]}};
endmodule
"""


BAD_SYNTAX = """// kilnbus: door lock, half edited
module door_lock (input clk, input req, output reg locked);
    reg [3:0] hold
    always @(posedge clk) begin
        if (req) hold <= 4'hF;
        else if (hold != 0) hold <= hold - 1;
        locked <= hold != 0;
    end
endmodule
"""

BAD_SV = """// kilnbus: cone table, SystemVerilog read as Verilog-2005
typedef enum logic [1:0] {IDLE, RAMP, SOAK} state_t;
module cone_table (input logic clk, input logic [3:0] cone, output logic [11:0] peak);
    state_t st;
    always_ff @(posedge clk) begin
        unique case (cone)
            4'd6: peak <= 12'd1222;
            4'd10: peak <= 12'd1285;
            default: peak <= 12'd1000;
        endcase
    end
endmodule
"""

BAD_UNDECL = """// kilnbus: vent fan, a renamed net
module vent (input clk, input [11:0] temp, output reg fan);
    wire warm = temp > 12'd600;
    always @(posedge clk) fan <= warm | purge_req;
endmodule
"""

TB_PWM = """`timescale 1ns/1ps
module tb_pwm;
    parameter PERIODS = 4;
    reg clk = 0, rst = 1;
    reg [5:0] duty = 6'd0;
    wire out, wrap;
    wire [5:0] phase;
    integer p, ones, errors = 0;
    pwm #(.W(6)) dut (.clk(clk), .rst(rst), .duty(duty), .out(out), .phase(phase), .wrap(wrap));
    always #5 clk = ~clk;
    initial begin
        $dumpfile("pwm.vcd");
        $dumpvars(0, tb_pwm);
        $monitor("%0t rst=%b duty=%0d phase=%0d out=%b wrap=%b", $time, rst, duty, phase, out, wrap);
        #17 rst = 0;
        for (p = 0; p < PERIODS; p = p + 1) begin
            duty = (p * 13 + 5) % 64;
            ones = 0;
            @(posedge wrap);
            repeat (64) begin @(posedge clk); #1 ones = ones + out; end
            if (ones != duty) begin
                $display("ERROR: period %0d duty %0d gave %0d high cycles", p, duty, ones); errors = errors + 1;
            end
        end
        if (errors) $display("FAIL: %0d of %0d periods wrong", errors, PERIODS);
        else $display("PASS: pwm %0d periods", PERIODS);
        $finish;
    end
endmodule
"""

TB_SPI = """`timescale 1ns/1ps
module tb_spi;
    parameter FRAMES = 2;
    reg clk = 0, rst = 1, start = 0;
    reg [31:0] word;
    wire sclk, cs_n, done, fault;
    wire [31:0] frame;
    reg miso = 0;
    integer n, errors = 0;
    spi_tc #(.DIV(2)) dut (.clk(clk), .rst(rst), .start(start), .miso(miso), .sclk(sclk), .cs_n(cs_n),
        .frame(frame), .done(done), .fault(fault));
    always #5 clk = ~clk;
    always @(negedge sclk or negedge cs_n) if (!cs_n) begin miso <= word[31]; word <= {word[30:0], 1'b0}; end
    initial begin
        $dumpfile("spi.vcd");
        $dumpvars(0, tb_spi);
        $monitor("%0t cs_n=%b sclk=%b miso=%b nbit=%0d frame=%h done=%b fault=%b", $time, cs_n, sclk, miso, dut.nbit, frame, done, fault);
        #23 rst = 0;
        for (n = 0; n < FRAMES; n = n + 1) begin
            word = (n == FRAMES - 1) ? 32'h4B0_1_0001 : 32'h3E80_0000 + n * 32'h0004_0000;
            @(negedge clk); start = 1; @(negedge clk); start = 0;
            @(posedge done);
            if (fault) begin $display("ERROR: frame %0d thermocouple fault bit set (%h)", n, frame); errors = errors + 1; end
        end
        $display("spi test: %0d frames, %0d errors", FRAMES, errors);
        $finish;
    end
endmodule
"""

TB_FILTER = """// kilnbus: filter checker for the Verilated C++ testbench
module tb_filter #(parameter LIMIT = 4, parameter CYCLES = 300) (input clk);
    reg rst = 1, valid = 0;
    reg [1:0] mode = 0;
    reg [13:0] sample = 0;
    wire [13:0] avg; wire [15:0] acc; wire hot;
    reg [13:0] h0 = 0, h1 = 0, h2 = 0, h3 = 0;
    integer cyc = 0, errors = 0;
    tfilter dut (.clk(clk), .rst(rst), .mode(mode), .sample(sample), .valid(valid), .avg(avg), .acc(acc), .hot(hot));
    always @(posedge clk) begin
        cyc <= cyc + 1;
        if (cyc == 2) rst <= 0;
        valid <= cyc[0];
        sample <= (sample * 14'd29 + 14'd101) % 14'd1600;
        if (valid && !rst) begin h3 <= h2; h2 <= h1; h1 <= h0; h0 <= sample; end
        if (cyc > 8 && cyc[0] == 1'b0 && acc != h0 + h1 + h2 + h3) begin
            $display("MISMATCH cyc=%0d acc=%0d want=%0d", cyc, acc, h0 + h1 + h2 + h3);
            errors = errors + 1;
        end
        assert (errors < LIMIT) else $error("filter sum off %0d times by cycle %0d", errors, cyc);
        if (cyc % 50 == 0) mode <= mode + 1;
        if (cyc == CYCLES) begin
            $display("SUMMARY: %0d cycles, %0d errors", cyc, errors);
            $finish;
        end
    end
endmodule
"""

TB_MAIN_CPP = """#include <cstdio>
#include "Vtb_filter.h"
#include "verilated.h"

int main(int argc, char **argv) {
    VerilatedContext *ctx = new VerilatedContext;
    ctx->commandArgs(argc, argv);
    Vtb_filter *top = new Vtb_filter{ctx};
    top->clk = 0;
    while (!ctx->gotFinish() && ctx->time() < 200000) {
        ctx->timeInc(5);
        top->clk = !top->clk;
        top->eval();
    }
    top->final();
    std::printf("kilnbus filter sim: %lu time units\\n", (unsigned long)ctx->time());
    delete top;
    return 0;
}
"""

TB_MAIN_BAD_CPP = TB_MAIN_CPP.replace('#include "Vtb_filter.h"', '#include "Vtb_filter.h"\n#include "Vtb_filter___024root.h"') \
    .replace("top->eval();", "top->eval();\n        if (top->rootp->tb_filter__DOT__errors > 2) top->rst = 1;")

# iCEstick-like HX1K in TQ144: clk on 21
PCF = """set_io clk 21
set_io rst 78
set_io go 79
set_io miso 80
set_io lid 81
set_io mode[0] 87
set_io mode[1] 88
set_io sclk 90
set_io cs_n 91
set_io heater 62
set_io relay 61
set_io led[0] 99
set_io led[1] 98
set_io led[2] 97
set_io led[3] 96
set_io led[4] 95
"""

PCF_BAD = PCF.replace("set_io relay 61", "set_io relay 161").replace("set_io lid 81", "set_io lid 180")


def project(tmp: Path, n: int = 6) -> Path:
    root = tmp / "kilnbus"
    if root.exists():
        return root
    files = {"rtl/pwm.v": PWM, "rtl/spi_tc.v": SPI, "rtl/tfilter.v": FILTER, "rtl/relay_ctl.v": RELAY,
             "rtl/top.v": top(n), "fix/pwm.v": PWM_OK, "fix/tfilter.v": FILTER_OK, "fix/relay_ctl.v": RELAY_OK,
             "bad/door_lock.v": BAD_SYNTAX, "bad/cone_table.sv": BAD_SV, "bad/vent.v": BAD_UNDECL,
             "tb/tb_pwm.v": TB_PWM, "tb/tb_spi.v": TB_SPI, "tb/tb_filter.v": TB_FILTER, "tb/main.cpp": TB_MAIN_CPP,
             "tb/main_bad.cpp": TB_MAIN_BAD_CPP, "kiln.pcf": PCF, "kiln_bad.pcf": PCF_BAD}
    for k in range(n):
        files[f"rtl/zone_{k}.v"] = gen_zone(k)
    write_tree(root, files)
    return root


def _zones(n: int = 6) -> str:
    return " ".join(f"rtl/zone_{k}.v" for k in range(n))


def step_yosys(tmp: Path) -> None:
    r = project(tmp)
    allv = f"rtl/pwm.v rtl/spi_tc.v rtl/tfilter.v rtl/relay_ctl.v {_zones()} rtl/top.v"
    okv = f"fix/pwm.v rtl/spi_tc.v fix/tfilter.v fix/relay_ctl.v {_zones()} rtl/top.v"
    cap("yosys-synth-kiln-top-tail-700", f"yosys -p 'synth -top top' {allv} | tail -n 700", r, n_yosys_synth)
    cap("yosys-synth-filter-grep", "yosys -p 'synth -top tfilter' rtl/tfilter.v 2>&1 | grep -E 'Latch|Warning|ERROR|cells'",
        r, n_yosys_synth)
    cap("yosys-stat-kiln-ice40-tail-100", f"yosys -p 'synth_ice40 -top top; stat' {okv} | tail -n 100", r, n_yosys_stat)
    cap("yosys-stat-kiln-hier", f"yosys -p 'synth -top top; stat' {okv} | sed -n '/Printing statistics/,$p'", r,
        n_yosys_stat)
    cap("yosys-check-kiln-assert-echo-exit",
        f"yosys -p 'hierarchy -top top; proc; opt; check -assert' {allv} 2>&1 | tail -n 60; echo EXIT=$?", r,
        n_yosys_check)
    cap("yosys-check-relay", "yosys -p 'hierarchy -top relay_ctl; proc; check' rtl/relay_ctl.v", r, n_yosys_check)
    cap("yosys-read-door-lock", f"yosys -p 'read_verilog {allv} bad/door_lock.v; synth -top top'; echo EXIT=$?", r,
        n_yosys_read)
    cap("yosys-read-cone-sv", "yosys -p 'read_verilog bad/cone_table.sv bad/vent.v; hierarchy -check -top vent' 2>&1",
        r, n_yosys_read)


def step_vvp(tmp: Path) -> None:
    r = project(tmp)
    run("mkdir -p sim && iverilog -o sim/pwm.vvp -P tb_pwm.PERIODS=5 tb/tb_pwm.v rtl/pwm.v", cwd=r)
    run("iverilog -o sim/spi.vvp -P tb_spi.FRAMES=3 tb/tb_spi.v rtl/spi_tc.v", cwd=r)
    cap("vvp-monitor-pwm", "cd sim && vvp pwm.vvp", r, n_vvp_monitor)
    cap("vvp-monitor-spi-head-150", "cd sim && vvp spi.vvp | head -n 150", r, n_vvp_monitor)
    cap("vcd-spi-head-300", "head -n 300 sim/spi.vcd", r, n_vcd)
    cap("vcd-pwm-sed", "sed -n '1,/#2000$/p' sim/pwm.vcd", r, n_vcd)


def step_verilator(tmp: Path) -> None:
    r = project(tmp)
    base = "verilator --cc --exe --build -j 1 -Wall --assert --top-module tb_filter"
    cap("verilator-build-filter-latch", f"{base} -GCYCLES=300 tb/tb_filter.v rtl/tfilter.v tb/main.cpp -Mdir obj_f",
        r, n_verilator_build, timeout=900)
    cap("verilator-build-filter-bad-cpp-echo-exit", f"{base} -Wno-fatal -GCYCLES=300 tb/tb_filter.v fix/tfilter.v "
        "tb/main_bad.cpp -Mdir obj_bad 2>&1 | tail -n 50; echo EXIT=$?", r, n_verilator_build, timeout=900)
    run(f"{base} -Wno-fatal -GLIMIT=1000 -GCYCLES=600 tb/tb_filter.v fix/tfilter.v tb/main.cpp -Mdir obj_ok", cwd=r,
        timeout=900)
    cap("verilator-sim-filter-echo-exit", "./obj_ok/Vtb_filter; echo EXIT=$?", r, n_verilator_sim)
    run(f"{base} -Wno-fatal -GLIMIT=6 -GCYCLES=600 tb/tb_filter.v fix/tfilter.v tb/main.cpp -Mdir obj_lim", cwd=r,
        timeout=900)
    cap("verilator-sim-filter-limit", "./obj_lim/Vtb_filter; echo EXIT=$?; ./obj_lim/Vtb_filter +verilator+seed+7 | tail -n 3", r,
        n_verilator_sim)


def step_pnr(tmp: Path) -> None:
    r = project(tmp)
    okv = f"fix/pwm.v rtl/spi_tc.v fix/tfilter.v fix/relay_ctl.v {_zones()} rtl/top.v"
    run(f"mkdir -p build && yosys -q -p 'synth_ice40 -top top -json build/kiln.json' {okv}", cwd=r, timeout=900)
    pnr = "nextpnr-ice40 --hx1k --package tq144 --json build/kiln.json --seed 185"
    cap("nextpnr-ice40-hx1k-bad-pins-echo-exit", f"{pnr} --pcf kiln_bad.pcf --asc build/bad.asc; echo EXIT=$?; {pnr} --pcf kiln.pcf --freq 90 --asc build/k90.asc 2>&1 | tail -n 40", r,
        n_nextpnr, timeout=900)
    cap("nextpnr-ice40-hx1k", f"{pnr} --pcf kiln.pcf --freq 60 --asc build/kiln.asc", r, n_nextpnr, timeout=900)
    cap("icetime-hx1k-check-90", "icetime -d hx1k -P tq144 -p kiln.pcf -c 90 -mt build/kiln.asc; echo EXIT=$?", r,
        n_icetime)
    cap("icetime-hx1k-rpt", "icetime -d hx1k -P tq144 -p kiln.pcf -m -r build/kiln.rpt build/kiln.asc && "
        "head -n 80 build/kiln.rpt", r, n_icetime)


# ------------------------------------------------------------------ VHDL

RAMP = """library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

-- kilnbus: setpoint ramp, degrees per minute in tenths
entity ramp is
  port (clk, rst, tick : in std_logic;
        rate : in unsigned(7 downto 0);
        goal : in unsigned(11 downto 0);
        sp : out unsigned(11 downto 0);
        at_goal : out std_logic);
end entity;

architecture rtl of ramp is
  signal acc : unsigned(15 downto 0) := (others => '0');
  signal cur : unsigned(11 downto 0) := (others => '0');
begin
  process (clk)
  begin
    if rising_edge(clk) then
      if rst = '1' then
        acc <= (others => '0'); cur <= (others => '0');
      elsif tick = '1' and cur < goal then
        acc <= acc + rate;
        if acc + rate >= 10 then
          cur <= cur + resize((acc + rate) / 10, 12);
          acc <= (acc + rate) mod 10;
        end if;
      end if;
    end if;
  end process;
  sp <= cur;
  at_goal <= '1' when cur = goal else '0';   -- fault: never true when the ramp steps past the goal
end architecture;
"""

TB_RAMP = """library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

entity tb_ramp_NSEG is end entity;

architecture sim of tb_ramp_NSEG is
  signal clk, rst, tick, at_goal : std_logic := '0';
  signal rate : unsigned(7 downto 0);
  signal goal, sp : unsigned(11 downto 0);
  type seg_t is record r : natural; g : natural; end record;
  type segs_t is array (natural range <>) of seg_t;
  constant SEGS : segs_t := (SEGLIST);
begin
  dut : entity work.ramp port map (clk, rst, tick, rate, goal, sp, at_goal);
  clk <= not clk after 5 ns;
  process
    variable waited : natural;
  begin
    rst <= '1'; wait for 20 ns; rst <= '0';
    for i in SEGS'range loop
      rate <= to_unsigned(SEGS(i).r, 8); goal <= to_unsigned(SEGS(i).g, 12);
      waited := 0;
      while at_goal = '0' and waited < 400 loop
        tick <= '1'; wait until rising_edge(clk); tick <= '0'; wait until rising_edge(clk);
        waited := waited + 1;
      end loop;
      report "segment " & integer'image(i) & " sp=" & integer'image(to_integer(sp)) & " after " & integer'image(waited) & " ticks";
      assert at_goal = '1' report "segment " & integer'image(i) & " never reached goal " & integer'image(SEGS(i).g) &
        " (sp=" & integer'image(to_integer(sp)) & ")" severity error;
      assert waited < 300 report "segment " & integer'image(i) & " slow: " & integer'image(waited) & " ticks" severity warning;
    end loop;
    report "ramp test done: " & integer'image(SEGS'length) & " segments";
    std.env.finish;
  end process;
end architecture;
"""

TB_TABLE = """library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

entity tb_table is end entity;

architecture sim of tb_table is
  type cone_tab is array (0 to 11) of natural;
  constant PEAK : cone_tab := (1000, 1040, 1060, 1080, 1100, 1120, 1150, 1180, 1200, 1220, 1240, 1285);
  signal idx : integer := 0;
begin
  process
    variable total : natural := 0;
  begin
    for c in 0 to 14 loop
      idx <= c;
      wait for 10 ns;
      report "cone " & integer'image(c) & " peak " & integer'image(PEAK(idx));
      total := total + PEAK(idx);
    end loop;
    report "table sum " & integer'image(total);
    wait;
  end process;
end architecture;
"""


def gen_segtab(k: int) -> str:
    r = random.Random(18560 + k)
    segs = [(f"Z{k}_{r.choice(['BISQUE', 'GLAZE', 'CANDLE', 'SOAK', 'COOL', 'VENT'])}{j}", r.randint(20, 250),
             r.randint(100, 1300)) for j in range(r.randint(8, 16))]
    body = "\n".join(f"  constant {n}_RATE : natural := {rt};\n  constant {n}_GOAL : unsigned(11 downto 0) := "
                     f"to_unsigned({g}, 12);" for n, rt, g in segs)
    bad = ""
    if k % 3 == 0:
        n = segs[0][0]
        bad += f"\n  constant {n}_WIDE : unsigned(7 downto 0) := {n}_GOAL;"
    if k % 4 == 1:
        n = segs[-1][0]
        bad += f"\n  constant {n}_SUM : natural := {n}_RATE + {n}_GOAL;"
    if k % 5 == 2:
        bad += f"\n  constant Z{k}_LAST : natural := {len(segs)}"
    return f"""library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

package segtab_{k} is
{body}{bad}
  function seg_count return natural;
end package;

package body segtab_{k} is
  function seg_count return natural is
    variable unused_v : integer;
  begin
    return {len(segs)};
  end function;
end package body;
"""


def step_ghdl(tmp: Path) -> None:
    root = tmp / "kilnbus-vhdl"
    r = random.Random(1856)
    files = {"src/ramp.vhd": RAMP, "tb/tb_table.vhd": TB_TABLE}
    for nseg in (6, 40):
        segl = ", ".join(f"({r.randint(15, 90)}, {r.randint(200, 1280)})" for _ in range(nseg))
        files[f"tb/tb_ramp_{nseg}.vhd"] = TB_RAMP.replace("NSEG", str(nseg)).replace("SEGLIST", segl)
    for k in range(20):
        files[f"src/segtab_{k}.vhd"] = gen_segtab(k)
    write_tree(root, files)
    tabs = " ".join(f"src/segtab_{k}.vhd" for k in range(20))
    cap("ghdl-a-segtabs", f"for f in {tabs}; do ghdl -a --std=08 -Wunused $f; done; echo EXIT=$?", root, n_ghdl_analyze)
    cap("ghdl-a-each-grep", f"for f in {tabs}; do ghdl -a --std=93 $f; done 2>&1 | grep -v warning | head -n 60",
        root, n_ghdl_analyze)
    run("ghdl -a --std=08 src/ramp.vhd tb/*.vhd", cwd=root)
    cap("ghdl-r-ramp-40", "ghdl --elab-run --std=08 tb_ramp_40", root, n_ghdl_run, timeout=300)
    cap("ghdl-r-table-bounds", "ghdl --elab-run --std=08 tb_table 2>&1 | tail -n 20", root, n_ghdl_run, timeout=120)


STEPS = [step_yosys, step_vvp, step_verilator, step_pnr, step_ghdl]
