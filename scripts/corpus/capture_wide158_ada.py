"""Round 158, Ada: a rail-signalling interlocking (`interlock`) under GNAT 12 and gprbuild 2023, with an AUnit 22
harness and a route-setting program that prints GNAT.Traceback.Symbolic tracebacks, each written here with bugs put
in and widened by a seeded generator. The kinds' rules are NEEDLES.md's "Round 158". Run through
capture_wide158.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide158 import before, cap, status

# ------------------------------------------------------------------ gprbuild


@kind("gprbuild", "build")
def n_gprbuild(lines):
    """Rule 1 on gprbuild: every 'file.adb:L:C: error:' line and GNAT's untagged error lines; warning:/(style)/info: lines one {"any"} per (message shape, file); every gprbuild:/gprbind:/gnatbind: closing line; rule 5 the units named in 'compilation of ... failed' / '"x.adb" compilation error'; the status line."""
    out: list = []
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+\.ad[bsc]):\d+:\d+: (.*)$", ln)
        if m:
            msg = m.group(2)
            if re.match(r"(warning|info|\(style\)|style):?", msg) or msg.startswith("(style)"):
                pairs.append(((m.group(1), mask(re.sub(r"\[-gnat\w+\]$", "", msg))), ln))
            else:
                out.append(ln)
        if re.match(r"^(gprbuild|gprbind|gnatbind|gprlib|gnatmake): ", ln) or "compilation error" in ln \
                or re.search(r"compilation of \S+ failed", ln):
            out.append(ln)
    return out + groups(pairs) + status(lines)


@kind("aunit", "test")
def n_aunit(lines):
    """Rule 2 on an AUnit text report: every FAIL/ERROR result line, the message line under it, every 'at file.adb:N' line of its block (for an ERROR the exception name and 'Exception Message:' lines), and the 'Total Tests Run/Successful Tests/Failed Assertions/Unexpected Errors' lines."""
    out: list = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if re.match(r"^(FAIL|ERROR) ", ln):
            out.append(ln)
            j = i + 1
            if j < len(lines) and lines[j].strip():
                out.append(lines[j])
            while j < len(lines) and lines[j].strip():
                if re.search(r"\bat \S+\.ad[bs]:\d+", lines[j]) or "Exception Message:" in lines[j]:
                    out.append(lines[j])
                j += 1
            i = j
            continue
        if re.match(r"^(Total Tests Run|Successful Tests|Failed Assertions|Unexpected Errors):", ln):
            out.append(ln)
        i += 1
    return out + status(lines)


@kind("gnat-symbolic-traceback", "log")
def n_gnat_symbolic(lines):
    """Rule 1 on a GNAT symbolic traceback: every 'raised ...' / 'Exception name:' / 'Message:' line, every frame naming a source file of the program's own (... at x.adb:N, not the runtime's b__ or a-*.adb), the last line printed before the first exception, the status line."""
    out: list = []
    first = True
    for i, ln in enumerate(lines):
        if re.match(r"^\s*(raised |Exception name:|Message:)", ln):
            out.append(ln)
            if first:
                out.append(before(lines, i))
                first = False
        m = re.search(r"\bat ((\S+)\.ad[bs]):\d+", ln)
        if m and not re.match(r"(b__|a-|s-|g-)", m.group(1)):
            out.append(ln)
    return out + status(lines)


GPR = """with "aunit";
project Interlock is
   for Source_Dirs use ("src", "tests");
   for Object_Dir use "obj";
   for Main use ({mains});
   package Compiler is
      for Default_Switches ("Ada") use ("-g", "-gnata", "-gnatwa"{style});
   end Compiler;
   package Binder is
      for Default_Switches ("Ada") use ("-E");
   end Binder;
end Interlock;
"""

BASE = {
    "src/signals.ads": """package Signals is
   type Aspect is (Danger, Caution, Prelim_Caution, Clear);
   type Signal_Id is range 1 .. 400;
   type Route is record
      From, To : Signal_Id;
      Locked   : Boolean := False;
   end record;
   function Next_Aspect (A : Aspect) return Aspect;
   function Headway (Blocks : Natural; Speed_Kmh : Natural) return Natural;
   function Route_Clear (R : Route; Occupied : Natural) return Boolean;
end Signals;
""",
    "src/signals.adb": """package body Signals is
   function Next_Aspect (A : Aspect) return Aspect is
   begin
      return Aspect'Succ (A);  --  bug: no wrap past Clear
   end Next_Aspect;

   function Headway (Blocks : Natural; Speed_Kmh : Natural) return Natural is
   begin
      return Blocks * 1200 / Speed_Kmh;  --  bug: zero speed
   end Headway;

   function Route_Clear (R : Route; Occupied : Natural) return Boolean is
   begin
      return not R.Locked and Occupied = 1;  --  bug: should be 0
   end Route_Clear;
end Signals;
""",
    "tests/signal_tests.ads": """with AUnit; with AUnit.Test_Cases;
package Signal_Tests is
   type Test is new AUnit.Test_Cases.Test_Case with null record;
   overriding procedure Register_Tests (T : in out Test);
   overriding function Name (T : Test) return AUnit.Message_String;
end Signal_Tests;
""",
    "tests/harness.adb": """with AUnit.Reporter.Text; with AUnit.Run; with AUnit.Test_Suites; use AUnit.Test_Suites;
with Signal_Tests;
procedure Harness is
   function Suite return Access_Test_Suite is
      S : constant Access_Test_Suite := new Test_Suite;
   begin
      S.Add_Test (new Signal_Tests.Test);
      return S;
   end Suite;
   procedure Run is new AUnit.Run.Test_Runner (Suite);
   Reporter : AUnit.Reporter.Text.Text_Reporter;
begin
   Run (Reporter);
end Harness;
""",
}


def signal_tests(n: int, seed: int) -> str:
    rng = random.Random(seed)
    procs, regs = [], []
    for k in range(n):
        c = rng.randrange(5)
        if c == 0:
            a = rng.choice(["Danger", "Caution", "Prelim_Caution", "Clear"])
            nxt = {"Danger": "Caution", "Caution": "Prelim_Caution", "Prelim_Caution": "Clear", "Clear": "Danger"}[a]
            body = f'Assert (Next_Aspect ({a}) = {nxt}, "after {a} comes {nxt}");'
            title = f"Next aspect after {a} #{k}"
        elif c == 1:
            b, s = rng.randint(1, 9), rng.choice([0, 40, 80, 120, 160])
            exp = b * 1200 // s if s else 0
            body = f'Assert (Headway ({b}, {s}) = {exp}, "headway {b} blocks at {s} km/h");'
            title = f"Headway {b} blocks {s} kmh #{k}"
        elif c == 2:
            occ = rng.randint(0, 2)
            body = (f'Assert (Route_Clear ((From => {rng.randint(1, 399)}, To => {rng.randint(1, 399)}, '
                    f'Locked => False), {occ}) = {occ == 0}, "route with {occ} occupied blocks");')
            title = f"Route clear with {occ} occupied #{k}"
        elif c == 3:
            v = rng.randint(380, 420)
            body = f'declare S : constant Signal_Id := {v}; begin Assert (S > 0, "id"); end;'
            title = f"Signal id {v} in range #{k}"
        else:
            body = 'Assert (Aspect\'Pos (Clear) = 3, "four aspects");'
            title = f"Aspect count #{k}"
        procs.append(f"   procedure T{k:03d} (T : in out AUnit.Test_Cases.Test_Case'Class) is\n"
                     f"      pragma Unreferenced (T);\n   begin\n      {body}\n   end T{k:03d};\n")
        regs.append(f'      Register_Routine (T, T{k:03d}\'Access, "{title}");')
    return ("with AUnit.Assertions; use AUnit.Assertions;\nwith Signals; use Signals;\npackage body Signal_Tests is\n"
            "   use AUnit.Test_Cases.Registration;\n" + "\n".join(procs)
            + "   overriding procedure Register_Tests (T : in out Test) is\n   begin\n" + "\n".join(regs)
            + "\n   end Register_Tests;\n   overriding function Name (T : Test) return AUnit.Message_String is\n"
              "      pragma Unreferenced (T);\n   begin\n      return AUnit.Format (\"Interlocking\");\n"
              "   end Name;\nend Signal_Tests;\n")


def lever_units(n: int, seed: int, errors: bool) -> dict:
    """Lever-frame units full of what -gnatwa and -gnaty flag; with `errors`, some carry real compile errors."""
    rng = random.Random(seed)
    files = {}
    for u in range(n):
        name = f"Lever_{u:02d}"
        fn = f"src/lever_{u:02d}.adb"
        lines = [f"with Signals; use Signals;\nwith Ada.Text_IO;\npackage body {name} is"]
        for p in range(rng.randint(4, 9)):
            c = rng.randrange(7)
            if c == 0:
                lines.append(f"   procedure Pull_{p} (L : Integer) is\n      Spare : Integer;\n   begin\n"
                             f"      null;\n   end Pull_{p};")
            elif c == 1:
                lines.append(f"   function Check_{p} (A : Aspect) return Boolean is\n   begin\n"
                             f"      if A = Danger then return True; end if;\n      return False;\n   end Check_{p};")
            elif c == 2:
                lines.append(f"   procedure Lock_{p} (R : in out Route) is\n      X : Integer := 0;\n   begin\n"
                             f"      R.Locked := True;\n   end Lock_{p};")
            elif c == 3:
                lines.append(f"   function  Count_{p}(N:Natural) return Natural is\n   begin\n"
                             f"      return N+1;\n   end;")
            elif c == 4 and errors:
                lines.append(f"   function Speed_{p} (S : Natural) return Natural is\n   begin\n"
                             f"      return S * Gradient;\n   end Speed_{p};")
            elif c == 5 and errors:
                lines.append(f"   procedure Set_{p} (A : out Aspect) is\n   begin\n      A := 3;\n   end Set_{p};")
            else:
                lines.append(f"   procedure Show_{p} (S : Signal_Id) is\n   begin\n"
                             f"      Ada.Text_IO.Put_Line (Signal_Id'Image (S));\n   end Show_{p};")
        body = "\n\n".join(lines) + f"\nend {name};\n"
        spec = [re.match(r"\s+((procedure|function)\s+.*?)( is|$)", chunk.split("\n")[0]).group(1) + ";"
                for chunk in lines[1:]]
        files[fn] = body
        files[f"src/lever_{u:02d}.ads"] = (f"with Signals; use Signals;\npackage {name} is\n   "
                                           + "\n   ".join(spec) + f"\nend {name};\n")
    return files


def interlock(tmp: Path) -> None:
    root = tmp / "interlock"
    files = dict(BASE)
    files["tests/signal_tests.adb"] = signal_tests(36, seed=158)
    files["interlock.gpr"] = GPR.format(mains='"harness.adb"', style="")
    write_tree(root, files)
    cap("gprbuild-harness-warnings", "gprbuild -P interlock.gpr; echo EXIT=$?", root, n_gprbuild)
    cap("aunit-harness-run", "./obj/harness; echo EXIT=$?", root, n_aunit)

    big = tmp / "interlock-big"
    files = dict(BASE)
    files["tests/signal_tests.adb"] = signal_tests(320, seed=1582)
    files["interlock.gpr"] = GPR.format(mains='"harness.adb"', style="")
    write_tree(big, files)
    run("gprbuild -q -P interlock.gpr 2>&1", cwd=big, timeout=900)
    cap("aunit-big-run", "./obj/harness", big, n_aunit)
    cap("aunit-big-grep-fail", "./obj/harness | grep -A4 -E '^(FAIL|ERROR)'", big, n_aunit)

    lev = tmp / "interlock-levers"
    files = dict(BASE)
    files.update(lever_units(30, seed=158, errors=False))
    files["src/frame.adb"] = ("with Signals;\n" + "".join(f"with Lever_{u:02d};\n" for u in range(30))
                              + "procedure Frame is\nbegin\n   null;\nend Frame;\n")
    files["interlock.gpr"] = GPR.format(mains='"frame.adb"', style=', "-gnaty3abcefhiklmnprt"').replace(
        'with "aunit";\n', "").replace('"src", "tests"', '"src"')
    write_tree(lev, files)
    cap("gprbuild-style-wall", "gprbuild -P interlock.gpr; echo EXIT=$?", lev, n_gprbuild, timeout=900)
    run("rm -rf obj", cwd=lev)
    cap("gprbuild-style-wall-tail-80", "gprbuild -P interlock.gpr 2>&1 | tail -n 80", lev, n_gprbuild, timeout=900)

    bad = tmp / "interlock-errors"
    files = dict(BASE)
    files.update(lever_units(16, seed=1583, errors=True))
    files["src/frame.adb"] = ("with Signals;\n" + "".join(f"with Lever_{u:02d};\n" for u in range(16))
                              + "procedure Frame is\nbegin\n   null;\nend Frame;\n")
    files["interlock.gpr"] = GPR.format(mains='"frame.adb"', style="").replace('with "aunit";\n', "").replace(
        '"src", "tests"', '"src"')
    write_tree(bad, files)
    cap("gprbuild-errors-exit", "gprbuild -P interlock.gpr; echo EXIT=$?", bad, n_gprbuild, timeout=900)
    run("rm -rf obj", cwd=bad)
    cap("gprbuild-k-errors", "gprbuild -k -j2 -P interlock.gpr 2>&1; echo EXIT=$?", bad, n_gprbuild, timeout=900)


ROUTER = """with Ada.Text_IO; use Ada.Text_IO;
with Ada.Exceptions; use Ada.Exceptions;
with GNAT.Traceback.Symbolic;
with Ada.Command_Line;
with Signals; use Signals;
procedure Router is
   Mode : constant Natural := Natural'Value (Ada.Command_Line.Argument (1));
   Rows : constant Natural := Natural'Value (Ada.Command_Line.Argument (2));
   type Table is array (Signal_Id range <>) of Aspect;
   Plan : Table (1 .. 40) := (others => Danger);

   procedure Set_Route (From, To : Signal_Id) is
   begin
      for S in From .. To loop
         Plan (S) := Next_Aspect (Plan (S));
      end loop;
   end Set_Route;

   procedure Step (K : Natural) is
      A : Aspect := Danger;
   begin
      for J in 1 .. K mod 4 loop
         A := Next_Aspect (A);
      end loop;
      Put_Line ("lever" & Natural'Image (K) & " aspect " & Aspect'Image (A)
                & " headway" & Natural'Image (Headway (K mod 7 + 1, 40 + K mod 3 * 40)));
   end Step;
begin
   for K in 1 .. Rows loop
      Step (K);
   end loop;
   case Mode is
      when 0 => Put_Line ("headway at standstill" & Natural'Image (Headway (3, 0)));
      when 1 => Set_Route (35, 44);
      when 2 => for K in 1 .. 6 loop Step (K * 5 - 1); Put_Line ("wrap" & Aspect'Image (Next_Aspect (Clear))); end loop;
      when others => raise Program_Error with "unknown mode" & Natural'Image (Mode);
   end case;
exception
   when E : others =>
      Put_Line ("route setting failed");
      Put_Line ("Exception name: " & Exception_Name (E));
      Put_Line ("Message: " & Exception_Message (E));
      Put_Line (GNAT.Traceback.Symbolic.Symbolic_Traceback (E));
      Ada.Command_Line.Set_Exit_Status (2);
end Router;
"""


def router(tmp: Path) -> None:
    root = tmp / "router"
    files = dict(BASE)
    files = {k: v for k, v in files.items() if k.startswith("src/")}
    files["src/router.adb"] = ROUTER
    files["router.gpr"] = GPR.format(mains='"router.adb"', style="").replace('with "aunit";\n', "").replace(
        '"src", "tests"', '"src"').replace("project Interlock", "project Router").replace("end Interlock", "end Router")
    write_tree(root, files)
    out = run("gprbuild -q -P router.gpr 2>&1", cwd=root, timeout=600)
    if "error" in out:
        print(out[-2000:])
    cap("gnat-symbolic-headway-exit", "./obj/router 0 60; echo EXIT=$?", root, n_gnat_symbolic)
    cap("gnat-symbolic-route-index-tail-40", "./obj/router 1 400 2>&1 | tail -n 40", root, n_gnat_symbolic)
    cap("gnat-symbolic-aspect-wrap", "./obj/router 2 120; echo EXIT=$?", root, n_gnat_symbolic)


STEPS = [interlock, router]
