"""Round 169, VHDL: a shift register and a checksum unit of the `tidelink` design with their testbenches (faults put in:
a checksum that drops its carry, a testbench that checks the wrong tap, an index that runs past its range), widened by
a seeded generator of register-file packages, run through GHDL's analysis and its testbench runs. Extractors are the
rules of NEEDLES.md's "Round 169" section. Run through capture_wide169.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import groups, mask, run, write_tree
from capture_wide169 import cap, exit_lines

SHIFTREG = """library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

-- tidelink: serial-in parallel-out shift register
entity shiftreg is
  generic (WIDTH : positive := 8);
  port (
    clk   : in  std_logic;
    rst   : in  std_logic;
    din   : in  std_logic;
    en    : in  std_logic;
    q     : out std_logic_vector(WIDTH - 1 downto 0)
  );
end entity;

architecture rtl of shiftreg is
  signal r : std_logic_vector(WIDTH - 1 downto 0) := (others => '0');
begin
  process (clk)
  begin
    if rising_edge(clk) then
      if rst = '1' then
        r <= (others => '0');
      elsif en = '1' then
        r <= r(WIDTH - 2 downto 0) & din;
      end if;
    end if;
  end process;
  q <= r;
end architecture;
"""

CHECKSUM = """library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

-- tidelink: ones'-complement style running checksum (the end-around carry is missing)
entity checksum is
  port (
    clk   : in  std_logic;
    rst   : in  std_logic;
    valid : in  std_logic;
    d     : in  std_logic_vector(7 downto 0);
    sum   : out std_logic_vector(7 downto 0)
  );
end entity;

architecture rtl of checksum is
  signal acc : unsigned(7 downto 0) := (others => '0');
begin
  process (clk)
  begin
    if rising_edge(clk) then
      if rst = '1' then
        acc <= (others => '0');
      elsif valid = '1' then
        acc <= acc + unsigned(d);
      end if;
    end if;
  end process;
  sum <= std_logic_vector(acc);
end architecture;
"""

TB_CHECKSUM = """library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

entity tb_checksum is
end entity;

architecture sim of tb_checksum is
  signal clk, rst, valid : std_logic := '0';
  signal d, sum : std_logic_vector(7 downto 0) := (others => '0');
  signal sr_q : std_logic_vector(7 downto 0);
  constant N : integer := NBYTES;
  type bytes_t is array (0 to 63) of integer;
begin
  clk <= not clk after 5 ns;
  dut : entity work.checksum port map (clk => clk, rst => rst, valid => valid, d => d, sum => sum);
  sr : entity work.shiftreg generic map (WIDTH => 8) port map (clk => clk, rst => rst, din => d(0), en => valid, q => sr_q);

  stim : process
    variable model : integer := 0;
    variable data : bytes_t;
    variable errors : integer := 0;
  begin
    for i in 0 to 63 loop
      data(i) := (i * 53 + 17) mod 64;
    end loop;
    rst <= '1';
    wait until rising_edge(clk);
    wait until rising_edge(clk);
    rst <= '0';
    for i in 0 to N - 1 loop
      d <= std_logic_vector(to_unsigned(data(i), 8));
      valid <= '1';
      wait until rising_edge(clk);
      model := model + data(i);
      if model > 255 then
        model := model - 255;
      end if;
      wait for 1 ns;
      -- the model follows the DUT between bytes: only a byte whose addition carries can mismatch
      report "byte " & integer'image(i) & " = " & integer'image(data(i)) & " sum " &
             integer'image(to_integer(unsigned(sum))) severity note;
      if to_integer(unsigned(sum)) /= model then
        errors := errors + 1;
      end if;
      assert to_integer(unsigned(sum)) = model
        report "checksum mismatch after byte " & integer'image(i) & ": got " &
               integer'image(to_integer(unsigned(sum))) & " expected " & integer'image(model)
        severity error;
      model := to_integer(unsigned(sum));
      assert sr_q(0) = d(0)
        report "shift register tap 0 lags din at byte " & integer'image(i) severity warning;
    end loop;
    valid <= '0';
    report "done: " & integer'image(N) & " bytes, " & integer'image(errors) & " checksum errors" severity note;
    assert errors = 0 report "checksum test FAILED" severity failure;
    std.env.finish;
    wait;
  end process;
end architecture;
"""

TB_BOUNDS = """library ieee;
use ieee.std_logic_1164.all;

entity tb_bounds is
end entity;

architecture sim of tb_bounds is
  type lut_t is array (0 to 255) of integer;
  signal clk : std_logic := '0';
begin
  clk <= not clk after 5 ns;
  process
    variable lut : lut_t;
    variable idx : integer := 0;
  begin
    for i in 0 to 255 loop
      lut(i) := i * i;
    end loop;
    for step in 0 to 300 loop
      wait until rising_edge(clk);
      report "step " & integer'image(step) & " lut(" & integer'image(idx) & ") = " & integer'image(lut(idx));
      idx := idx + 1;   -- wraps at 256 in the spec, not here
    end loop;
    std.env.finish;
    wait;
  end process;
end architecture;
"""

BAD_SYNTAX = """library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

entity crc8 is
  port (
    clk : in std_logic;
    d   : in std_logic_vector(7 downto 0);
    crc : out std_logic_vector(7 downto 0)
  );
end entity;

architecture rtl of crc8 is
  signal c : std_logic_vector(7 downto 0) := x"00"
begin
  process (clk)
    variable v : std_logic_vector(7 downto 0);
  begin
    if rising_edge(clk) then
      v := c xor d;
      for i in 0 to 7 loop
        if v(7) = '1' then
          v := (v(6 downto 0) & '0') xor x"07";
        else
          v := v(6 downto 0) & '0';
        end if
      end loop;
      c <= v;
    end if;
  end process;
  crc <= c;
end architecture;
"""

BAD_TYPES = """library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

entity framer is
  port (
    clk   : in  std_logic;
    rst   : in  std_logic;
    b     : in  std_logic_vector(7 downto 0);
    start : out std_logic;
    len   : out unsigned(5 downto 0)
  );
end entity;

architecture rtl of framer is
  signal cnt : unsigned(5 downto 0);
  signal state : integer range 0 to 3;
begin
  process (clk)
  begin
    if rising_edge(clk) then
      if rst = '1' then
        cnt <= 0;
        state <= IDLE;
      elsif b = x"7E" then
        start <= 1;
        cnt <= cnt + b;
        len <= cnt(6 downto 0);
      end if;
    end if;
  end process;
  undeclared_sig <= start;
end architecture;
"""


def gen_regfile(k: int) -> str:
    rnd = random.Random(16950 + k)
    regs = []
    for j in range(rnd.randint(10, 18)):
        w = rnd.choice([8, 16, 32])
        regs.append((f"R{k}_{rnd.choice(['CTRL', 'STAT', 'BAUD', 'MASK', 'DATA', 'CFG'])}{j}", w,
                     rnd.randrange(1 << min(w, 16))))
    consts = "\n".join(f"  constant {n}_ADDR : natural := {4 * j};\n"
                       f"  constant {n}_RESET : std_logic_vector({w - 1} downto 0) := "
                       f"std_logic_vector(to_unsigned({v}, {w}));" for j, (n, w, v) in enumerate(regs))
    bad = ""
    if k % 3 == 2:  # a width mismatch put in
        n, w, v = regs[0]
        bad = f"\n  constant {n}_SHADOW : std_logic_vector(7 downto 0) := {n}_RESET;"
    if k % 4 == 3:  # a type error put in
        n, w, v = regs[-1]
        bad += f"\n  constant {n}_MIRROR : std_logic_vector({w - 1} downto 0) := {n}_ADDR;"
    return f"""library ieee;
use ieee.std_logic_1164.all;
use ieee.numeric_std.all;

package regs_{k} is
{consts}{bad}
  function reg_name(addr : natural) return string;
end package;

package body regs_{k} is
  function reg_name(addr : natural) return string is
    variable scratch : integer;
    variable last_addr : natural := {4 * len(regs)};
  begin
    case addr is
{chr(10).join(f'      when {4 * j} => return "{n}";' for j, (n, _, _) in enumerate(regs))}
      when others => return "UNKNOWN";
    end case;
  end function;
end package body;
"""


# ------------------------------------------------------------------ extractors

@cm.kind("ghdl-analyze", "build")
def n_ghdl_analyze(lines):
    """Rule 1 on GHDL's analysis: every file:line:col:error: line, warning: lines one {any} per (message shape, file), ghdl:error: and compilation error lines."""
    out, pairs = [], []
    for ln in lines:
        s = ln.strip()
        # GHDL 2.0 prints its errors as `file:line:col: message` (no tag) and its warnings as `…:warning: …`
        m = re.match(r"^([^:\s]+):\d+:\d+:(warning:|note:|error:)? ?(.*)$", s)
        if m and m.group(2) == "warning:":
            pairs.append(((mask(re.sub(r"\[-W[\w-]+\]", "", m.group(3))), m.group(1)), ln))
        elif m and m.group(2) != "note:":
            out.append(ln)
        elif re.match(r"^\S*ghdl[\w-]*:error:", s) or "compilation error" in s:
            out.append(ln)
    return out + groups(pairs) + exit_lines(lines)


@cm.kind("ghdl-run", "test")
def n_ghdl_run(lines):
    """Rule 1/2 on a GHDL testbench run: every (assertion error|failure) and (report error|failure) line, ghdl:error: lines, (assertion warning) lines one {any} per (file, shape), the last (report note) line."""
    out, pairs = [], []
    notes = []
    for ln in lines:
        s = ln.strip()
        if re.search(r"\((assertion|report) (error|failure)\)", s) or re.match(r"^\S*ghdl[\w-]*:error:", s) \
                or re.search(r"bound check failure|overflow detected|index out of range|out of bounds", s):
            out.append(ln)
        elif "(assertion warning)" in s:
            f = re.match(r"^([^:\s]+):", s)
            pairs.append(((f.group(1) if f else "", mask(s.split("(assertion warning):", 1)[-1])), ln))
        elif "(report note)" in s:
            notes.append(ln)
    if notes:
        out.append(notes[-1])
    return out + groups(pairs) + exit_lines(lines)


# ------------------------------------------------------------------ steps

def step_ghdl(tmp: Path) -> None:
    root = tmp / "tidelink-vhdl"
    files = {"src/shiftreg.vhd": SHIFTREG, "src/checksum.vhd": CHECKSUM, "bad/crc8.vhd": BAD_SYNTAX,
             "bad/framer.vhd": BAD_TYPES, "tb/tb_bounds.vhd": TB_BOUNDS}
    for nb in (60,):
        files[f"tb/tb_checksum_{nb}.vhd"] = TB_CHECKSUM.replace("NBYTES", str(nb)).replace(
            "tb_checksum", f"tb_checksum_{nb}")
    for k in range(24):
        files[f"src/regs_{k}.vhd"] = gen_regfile(k)
    write_tree(root, files)
    regs = " ".join(f"src/regs_{k}.vhd" for k in range(24))
    cap("ghdl-a-each-file", "for f in bad/*.vhd src/*.vhd; do ghdl -a --std=08 -Wunused $f; done", root,
        n_ghdl_analyze)
    cap("ghdl-a-regs-wall", f"ghdl -a --std=08 -Wunused {regs} bad/framer.vhd bad/crc8.vhd 2>&1", root,
        n_ghdl_analyze)
    cap("ghdl-a-all-grep-error", f"for f in {regs} bad/*.vhd; do ghdl -a --std=93 -Wunused $f; done 2>&1 | grep -E "
        "'error|warning' | head -n 60", root, n_ghdl_analyze)
    run("ghdl -a --std=08 src/shiftreg.vhd src/checksum.vhd tb/*.vhd", cwd=root)
    cap("ghdl-r-checksum-60-echo-exit", "ghdl --elab-run --std=08 tb_checksum_60 2>&1; echo EXIT=$?", root, n_ghdl_run,
        timeout=120)
    cap("ghdl-r-checksum-60-grep", "ghdl -r --std=08 tb_checksum_60 2>&1 | grep -vE 'report note'", root,
        n_ghdl_run, timeout=120)
    cap("ghdl-r-checksum-60-tail-30", "ghdl -r --std=08 tb_checksum_60 --assert-level=none --stop-time=2us "
        "2>&1 | tail -n 30", root, n_ghdl_run, timeout=120)
    cap("ghdl-r-bounds", "ghdl --elab-run --std=08 tb_bounds", root, n_ghdl_run, timeout=120)


STEPS = [step_ghdl]
