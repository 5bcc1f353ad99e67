"""Round 161, round 158's kinds on material of the round's own, widened by seeded generators: an orbital-pass
predictor in D (`dub test`, `dub build`, ldc2), a canal-lock keeper in Ada (gprbuild, AUnit, symbolic tracebacks), a
bakery-batch planner in Nim (`std/unittest`), a stargazing log in Free Pascal (`-vwnh` walls, FPCUnit plain and XML)
and a ferry timetable in Crystal (`crystal spec -v`, `crystal tool format --check`). Every kind's needles come from
round 158's extractors, imported from its capture modules. Run through capture_wide161.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide158_ada import GPR, n_aunit, n_gnat_symbolic, n_gprbuild
from capture_wide158_d import n_dub_build, n_dub_test, n_ldc2
from capture_wide158_nim import n_nim_unittest
from capture_wide158_pas import (n_crystal_format, n_crystal_spec_v, n_fpc_hints, n_fpcunit_plain, n_fpcunit_xml,
                                 n_ninja_valac)
from capture_wide161 import cap

# ------------------------------------------------------------------ D: orbital passes

ORBIT = """module orbit.core;
import std.math : sqrt, PI, abs, floor;

enum double MU = 398600.4418;   // km^3/s^2
enum double RE = 6378.137;

/// orbital period in minutes for a circular orbit `altKm` above the surface
double periodMin(double altKm) {
    immutable a = RE + altKm;
    return 2 * PI * sqrt(a * a * a / MU) / 60;
}

/// passes per day, rounded down
int passesPerDay(double altKm) {
    return cast(int)(1440 / periodMin(altKm)) + 1;   // bug: rounds up
}

/// elevation mask: true when the satellite is visible above `maskDeg`
bool visible(double elevDeg, double maskDeg) {
    return elevDeg > maskDeg + 0.5;                 // bug: adds a margin
}

/// ground track longitude shift per orbit in degrees
double trackShift(double altKm) {
    return periodMin(altKm) * 0.25;                  // 360 deg / 1440 min
}
"""


def sat_module(k: int, rng: random.Random, broken: bool) -> str:
    alt = rng.randint(350, 1400)
    p = 2 * 3.141592653589793 * ((6378.137 + alt) ** 3 / 398600.4418) ** 0.5 / 60
    out = [f"module orbit.sat{k:02d};", "import orbit.core;", "import std.math : isClose;", ""]
    out.append(f"enum double ALT = {alt};")
    out.append(f'string satName() {{ return "SAT-{k:02d}"; }}')
    if broken:
        c = rng.randrange(3)
        if c == 0:
            out.append("int orbitsIn(int days) { return days * passesPerDai(ALT); }")
        elif c == 1:
            out.append('double shiftOf(string alt) { return trackShift(alt); }')
        else:
            out.append("int rounded() { int x = periodMin(ALT); return x; }")
    out.append("")
    out.append("unittest {")
    out.append(f"    assert(isClose(periodMin(ALT), {p:.4f}, 1e-4));")
    c = rng.randrange(3)
    if c == 0:
        out.append(f"    assert(passesPerDay(ALT) == {int(1440 // p)}, \"passes per day\");")
    elif c == 1:
        e = rng.randint(5, 15)
        out.append(f"    assert(visible({e}.2, {e}), \"visible just above the mask\");")
    else:
        out.append(f"    assert(isClose(trackShift(ALT), {p * 0.25:.4f}, 1e-4));")
    out.append("}")
    return "\n".join(out) + "\n"


def orbit_pkg(root: Path, n: int, seed: int, broken: set[int] | None = None) -> None:
    rng = random.Random(seed)
    files = {"dub.json": '{"name": "orbit", "description": "pass predictor", "license": "MIT", '
                         '"targetType": "library"}\n', "source/orbit/core.d": ORBIT}
    for k in range(n):
        files[f"source/orbit/sat{k:02d}.d"] = sat_module(k, rng, k in (broken or set()))
    write_tree(root, files)


def orbit(tmp: Path) -> None:
    root = tmp / "orbit"
    orbit_pkg(root, 24, seed=161)
    cap("dub-test-orbit-exit", "dub test --compiler=ldc2; echo EXIT=$?", root, n_dub_test, timeout=900)
    big = tmp / "orbit-big"
    orbit_pkg(big, 90, seed=1611)
    cap("dub-test-orbit-big-grep", "dub test --compiler=ldc2 2>&1 | grep -v '^ *Linking\\|^ *Running'", big,
        n_dub_test, timeout=900)
    bad = tmp / "orbit-bad"
    orbit_pkg(bad, 30, seed=1612, broken={3, 7, 11, 12, 19, 25, 28})
    cap("dub-build-orbit-errors-exit", "dub build --compiler=ldc2 2>&1; echo EXIT=$?", bad, n_dub_build, timeout=900)
    cap("ldc2-orbit-errors-wi-tail-60", "ldc2 -c -o- -Isource -wi -vcolumns -verrors=0 source/orbit/*.d 2>&1 | "
        "tail -n 60", bad, n_ldc2, timeout=900)

# ------------------------------------------------------------------ Ada: canal locks

LOCKS_ADS = """package Locks is
   type Gate is (Upper, Lower);
   type Chamber_Id is range 1 .. 60;
   type Level_Cm is range 0 .. 900;
   function Fill_Minutes (Rise : Level_Cm; Flow_Lps : Natural) return Natural;
   function Can_Open (G : Gate; Inside, Outside : Level_Cm) return Boolean;
   function Next_Chamber (C : Chamber_Id) return Chamber_Id;
end Locks;
"""
LOCKS_ADB = """package body Locks is
   function Fill_Minutes (Rise : Level_Cm; Flow_Lps : Natural) return Natural is
   begin
      return Natural (Rise) * 420 / Flow_Lps / 60;  --  bug: zero flow
   end Fill_Minutes;

   function Can_Open (G : Gate; Inside, Outside : Level_Cm) return Boolean is
   begin
      return abs (Integer (Inside) - Integer (Outside)) <= 5 and G = Upper;  --  bug: lower gate never
   end Can_Open;

   function Next_Chamber (C : Chamber_Id) return Chamber_Id is
   begin
      return C + 1;  --  bug: no wrap at the last chamber
   end Next_Chamber;
end Locks;
"""
LOCK_TESTS_ADS = """with AUnit; with AUnit.Test_Cases;
package Lock_Tests is
   type Test is new AUnit.Test_Cases.Test_Case with null record;
   overriding procedure Register_Tests (T : in out Test);
   overriding function Name (T : Test) return AUnit.Message_String;
end Lock_Tests;
"""
HARNESS = """with AUnit.Reporter.Text; with AUnit.Run; with AUnit.Test_Suites; use AUnit.Test_Suites;
with Lock_Tests;
procedure Harness is
   function Suite return Access_Test_Suite is
      S : constant Access_Test_Suite := new Test_Suite;
   begin
      S.Add_Test (new Lock_Tests.Test);
      return S;
   end Suite;
   procedure Run is new AUnit.Run.Test_Runner (Suite);
   Reporter : AUnit.Reporter.Text.Text_Reporter;
begin
   Run (Reporter);
end Harness;
"""


def lock_tests(n: int, seed: int) -> str:
    rng = random.Random(seed)
    procs, regs = [], []
    for k in range(n):
        c = rng.randrange(4)
        if c == 0:
            r, f = rng.randint(50, 800), rng.choice([0, 35, 70, 140])
            exp = r * 420 // f // 60 if f else 0
            body = f'Assert (Fill_Minutes ({r}, {f}) = {exp}, "fill {r} cm at {f} l/s");'
            title = f"Fill {r} cm at {f} lps #{k}"
        elif c == 1:
            g, i, o = rng.choice(["Upper", "Lower"]), rng.randint(100, 400), rng.randint(100, 400)
            i = o + rng.randint(-4, 4) if rng.random() < 0.6 else i
            body = f'Assert (Can_Open ({g}, {i}, {o}) = {abs(i - o) <= 5}, "{g} gate at {i}/{o} cm");'
            title = f"{g} gate {i} vs {o} #{k}"
        elif c == 2:
            ch = rng.choice([1, 12, 30, 59, 60])
            body = f'Assert (Next_Chamber ({ch}) = {ch % 60 + 1}, "chamber after {ch}");'
            title = f"Chamber after {ch} #{k}"
        else:
            body = 'Assert (Gate\'Pos (Lower) = 1, "two gates");'
            title = f"Gate count #{k}"
        procs.append(f"   procedure T{k:03d} (T : in out AUnit.Test_Cases.Test_Case'Class) is\n"
                     f"      pragma Unreferenced (T);\n   begin\n      {body}\n   end T{k:03d};\n")
        regs.append(f'      Register_Routine (T, T{k:03d}\'Access, "{title}");')
    return ("with AUnit.Assertions; use AUnit.Assertions;\nwith Locks; use Locks;\npackage body Lock_Tests is\n"
            "   use AUnit.Test_Cases.Registration;\n" + "\n".join(procs)
            + "   overriding procedure Register_Tests (T : in out Test) is\n   begin\n" + "\n".join(regs)
            + "\n   end Register_Tests;\n   overriding function Name (T : Test) return AUnit.Message_String is\n"
              "      pragma Unreferenced (T);\n   begin\n      return AUnit.Format (\"Canal locks\");\n"
              "   end Name;\nend Lock_Tests;\n")


def keeper_units(n: int, seed: int) -> dict:
    """Keeper units with unused variables, missing overriding and two real errors for gprbuild -k."""
    rng = random.Random(seed)
    files = {}
    for u in range(n):
        procs = []
        for p in range(rng.randint(3, 7)):
            c = rng.randrange(5)
            if c == 0:
                procs.append((f"procedure Log_{p} (C : Chamber_Id)", "      Unused : Natural;\n   begin\n      null;"))
            elif c == 1:
                procs.append((f"function Level_{p} (L : Level_Cm) return Level_Cm",
                              "      Tmp : Integer := 1;\n   begin\n      return L;"))
            elif c == 2 and u % 5 == 2:
                procs.append((f"function Rate_{p} (F : Natural) return Natural",
                              "   begin\n      return F * Sluice_Factor;"))
            elif c == 3 and u % 7 == 3:
                procs.append((f"procedure Set_{p} (G : out Gate)", "   begin\n      G := 2;"))
            else:
                procs.append((f"procedure Cycle_{p} (C : in out Chamber_Id)", "   begin\n      C := Next_Chamber (C);"))
        name = f"Keeper_{u:02d}"
        files[f"src/keeper_{u:02d}.ads"] = (f"with Locks; use Locks;\npackage {name} is\n"
                                            + "".join(f"   {s};\n" for s, _ in procs) + f"end {name};\n")
        files[f"src/keeper_{u:02d}.adb"] = (f"package body {name} is\n" + "\n".join(
            f"   {s} is\n{b}\n   end {s.split()[1]};" for s, b in procs) + f"\nend {name};\n")
    return files


ALMANAC = """with Ada.Text_IO; use Ada.Text_IO;
with Ada.Exceptions; use Ada.Exceptions;
with GNAT.Traceback.Symbolic;
with Ada.Command_Line;
with Locks; use Locks;
procedure Almanac is
   Mode : constant Natural := Natural'Value (Ada.Command_Line.Argument (1));
   Days : constant Natural := Natural'Value (Ada.Command_Line.Argument (2));
   procedure Day (D : Natural) is
      C : Chamber_Id := Chamber_Id (D mod 50 + 1);
   begin
      C := Next_Chamber (C);
      Put_Line ("day" & Natural'Image (D) & " chamber" & Chamber_Id'Image (C)
                & " fill" & Natural'Image (Fill_Minutes (Level_Cm (D mod 800), 35 + D mod 4 * 35)));
   end Day;
   procedure Season (Flow : Natural) is
   begin
      Put_Line ("season fill" & Natural'Image (Fill_Minutes (620, Flow)));
   end Season;
begin
   for D in 1 .. Days loop
      Day (D);
   end loop;
   case Mode is
      when 0 => Season (0);
      when others => for D in 55 .. 70 loop Put_Line ("next" & Chamber_Id'Image (Next_Chamber (Chamber_Id (D)))); end loop;
   end case;
exception
   when E : others =>
      Put_Line ("almanac stopped");
      Put_Line ("Exception name: " & Exception_Name (E));
      Put_Line ("Message: " & Exception_Message (E));
      Put_Line (GNAT.Traceback.Symbolic.Symbolic_Traceback (E));
      Ada.Command_Line.Set_Exit_Status (3);
end Almanac;
"""


def _gpr(mains: str, aunit: bool, dirs: str = '"src", "tests"') -> str:
    g = GPR.format(mains=mains, style="").replace('"src", "tests"', dirs)
    g = g.replace("project Interlock", "project Canal").replace("end Interlock", "end Canal")
    return g if aunit else g.replace('with "aunit";\n', "")


def canal(tmp: Path) -> None:
    root = tmp / "canal"
    write_tree(root, {"src/locks.ads": LOCKS_ADS, "src/locks.adb": LOCKS_ADB, "tests/lock_tests.ads": LOCK_TESTS_ADS,
                      "tests/harness.adb": HARNESS, "tests/lock_tests.adb": lock_tests(140, seed=161),
                      "canal.gpr": _gpr('"harness.adb"', True)})
    run("gprbuild -q -P canal.gpr 2>&1", cwd=root, timeout=900)
    cap("aunit-canal-run-exit", "./obj/harness; echo EXIT=$?", root, n_aunit)
    cap("aunit-canal-tail-60", "./obj/harness | tail -n 60", root, n_aunit)
    kp = tmp / "canal-keepers"
    files = {"src/locks.ads": LOCKS_ADS, "src/locks.adb": LOCKS_ADB, "canal.gpr": _gpr('"keep.adb"', False, '"src"')}
    files.update(keeper_units(24, seed=161))
    files["src/keep.adb"] = ("".join(f"with Keeper_{u:02d};\n" for u in range(24))
                             + "procedure Keep is\nbegin\n   null;\nend Keep;\n")
    write_tree(kp, files)
    cap("gprbuild-keepers-k-exit", "gprbuild -k -j2 -P canal.gpr 2>&1; echo EXIT=$?", kp, n_gprbuild, timeout=900)
    al = tmp / "canal-almanac"
    write_tree(al, {"src/locks.ads": LOCKS_ADS, "src/locks.adb": LOCKS_ADB, "src/almanac.adb": ALMANAC,
                    "canal.gpr": _gpr('"almanac.adb"', False, '"src"')})
    run("gprbuild -q -P canal.gpr 2>&1", cwd=al, timeout=600)
    cap("gnat-symbolic-almanac-flow-exit", "./obj/almanac 0 90; echo EXIT=$?", al, n_gnat_symbolic)
    cap("gnat-symbolic-almanac-chamber-tail-30", "./obj/almanac 1 40 2>&1 | tail -n 30", al, n_gnat_symbolic)

# ------------------------------------------------------------------ Nim: bakery batches

BAKERY = """import std/math

proc hydration*(waterG, flourG: float): float =
  ## percent of water to flour
  round(waterG / flourG * 100, 1)

proc scaleRecipe*(grams: seq[float], factor: float): seq[float] =
  for g in grams:
    result.add round(g * factor)      # bug: drops the decimals

proc proofMinutes*(tempC: int): int =
  if tempC <= 0: raise newException(ValueError, "dough frozen at " & $tempC)
  result = 180 - (tempC - 20) * 8     # bug: goes negative above 42
"""


def bakery_suites(n_suites: int, per: int, seed: int) -> str:
    rng = random.Random(seed)
    out = ["import std/unittest", "import ../src/bakery", ""]
    for s in range(n_suites):
        bread = rng.choice(["sourdough", "rye", "brioche", "ciabatta", "baguette", "focaccia", "pumpernickel"])
        out.append(f'suite "{bread} batch {s}":')
        for t in range(per):
            c = rng.randrange(3)
            if c == 0:
                w, f = rng.randint(300, 900), rng.randint(500, 1000)
                out += [f'  test "hydration {w}/{f} #{t}":',
                        f"    check hydration({w}.0, {f}.0) == {round(w / f * 100, 2)}"]
            elif c == 1:
                gs = [round(rng.uniform(1, 500), 1) for _ in range(3)]
                fac = rng.choice([0.5, 1.5, 2.0, 3.0])
                exp = [round(g * fac, 1) for g in gs]
                out += [f'  test "scale x{fac} #{t}":', f"    let got = scaleRecipe(@{gs}, {fac})",
                        f"    check got == @{exp}"]
            else:
                tc = rng.choice([-2, 18, 24, 30, 45])
                out += [f'  test "proof at {tc} C #{t}":', f"    check proofMinutes({tc}) > 0"]
        out.append("")
    return "\n".join(out) + "\n"


def bakery(tmp: Path) -> None:
    root = tmp / "bakery"
    write_tree(root, {"src/bakery.nim": BAKERY, "tests/tbatch.nim": bakery_suites(4, 10, seed=161),
                      "tests/tweek.nim": bakery_suites(14, 24, seed=1613)})
    env = {"XDG_CACHE_HOME": str(tmp / "nimcache")}
    cap("nim-unittest-batch-exit", "nim c -r --hints:off tests/tbatch.nim; echo EXIT=$?", root, n_nim_unittest,
        env=env, timeout=600)
    run("nim c --hints:off tests/tweek.nim 2>&1", cwd=root, env=env, timeout=600)
    cap("nim-unittest-week-head-300", "./tests/tweek 2>&1 | head -n 300", root, n_nim_unittest, env=env)

# ------------------------------------------------------------------ Free Pascal: stargazing log

SNIPS = [
    "function {n}(mag: double): integer;\nvar unused{k}: integer;\nbegin\n  result := round(mag * {k});\nend;\n",
    "procedure {n}(const s: string);\nvar i: integer;\nbegin\n  writeln(s);\nend;\n",
    "function {n}(ra, dec: double): double;\nvar tmp: double;\nbegin\n  if ra > {k} then tmp := ra;\n"
    "  result := tmp + dec;\nend;\n",
    "function {n}(list: TStrings): integer;\nbegin\n  result := list.Count * {k};\nend;\n",
    "procedure {n}(var seeing: integer);\nvar b: byte;\nbegin\n  b := seeing;\n  seeing := b + {k};\nend;\n",
]


def star_units(root: Path, n_units: int, per: int, seed: int) -> None:
    rng = random.Random(seed)
    names = ["messier", "ngc", "planets", "comets", "variables", "doubles", "meteors", "seeing", "eyepiece",
             "mounts", "filters", "sketches", "sessions", "sites", "almanac", "charts", "catalog", "moon"]
    files, units = {}, []
    for u in range(n_units):
        un = names[u % len(names)] + (str(u // len(names)) if u >= len(names) else "")
        units.append(un)
        heads, body = [], []
        for p in range(per):
            t = rng.choice(SNIPS).format(n=f"{un.capitalize()}Fn{p}", k=rng.randint(2, 99))
            heads.append(t.split("\n")[0])
            body.append(t)
        files[f"src/{un}.pas"] = (f"unit {un};\n{{$mode objfpc}}{{$H+}}\ninterface\nuses sysutils, classes;\n\n"
                                  + "\n".join(heads) + "\n\nimplementation\n\n" + "\n".join(body) + "\nend.\n")
    files["starlog.pas"] = (f"program starlog;\n{{$mode objfpc}}{{$H+}}\nuses {', '.join(units)};\nbegin\n"
                            "  writeln('clear skies');\nend.\n")
    write_tree(root, files)


STARLIB = """unit starlib;
{$mode objfpc}{$H+}
interface
uses sysutils, math;
type
  EStarError = class(Exception);
function LimitingMag(apertureMm: integer): double;
function Bortle(sqm: double): integer;
function ExitPupil(apertureMm, focal, eyepiece: integer): double;
implementation
function LimitingMag(apertureMm: integer): double;
begin
  result := 2.7 + 5 * log10(apertureMm);   { bug: 2.7 should be 2.1 }
end;
function Bortle(sqm: double): integer;
begin
  if sqm > 22 then raise EStarError.CreateFmt('sqm %.2f beyond the scale', [sqm]);
  if sqm >= 21.7 then exit(1);
  if sqm >= 21.5 then exit(2);
  if sqm >= 21.3 then exit(3);
  if sqm >= 20.4 then exit(4);
  if sqm >= 19.1 then exit(5);
  result := 7;                              { bug: skips 6 }
end;
function ExitPupil(apertureMm, focal, eyepiece: integer): double;
begin
  result := apertureMm / (focal div eyepiece);  { bug: integer division }
end;
end.
"""


def star_tests(n_classes: int, per: int, seed: int) -> str:
    import math
    rng = random.Random(seed)
    classes = []
    for c in range(n_classes):
        cname = f"TTest{['Mag', 'Bortle', 'Pupil', 'Sky'][c % 4]}{c}"
        tests = []
        for t in range(per):
            k = rng.randrange(3)
            if k == 0:
                a = rng.choice([50, 80, 102, 127, 200, 254])
                body = f"AssertEquals('limiting mag at {a} mm', {2.1 + 5 * math.log10(a):.4f}, LimitingMag({a}), 0.01);"
            elif k == 1:
                s = rng.choice([22.3, 21.8, 21.4, 20.9, 19.5, 18.6])
                exp = (1 if s >= 21.7 else 2 if s >= 21.5 else 3 if s >= 21.3 else 4 if s >= 20.4
                       else 5 if s >= 19.1 else 6)
                body = f"AssertEquals('bortle at sqm {s}', {exp}, Bortle({s}));"
            else:
                a, f, e = rng.choice([80, 130, 200]), rng.choice([600, 900, 1200]), rng.choice([7, 9, 13, 25])
                body = f"AssertEquals('exit pupil {a}/{f}/{e}', {a / (f / e):.4f}, ExitPupil({a}, {f}, {e}), 0.001);"
            tests.append((f"Test{t:03d}", body))
        decl = "\n".join(f"    procedure {n};" for n, _ in tests)
        impl = "\n".join(f"procedure {cname}.{n};\nbegin\n  {b}\nend;" for n, b in tests)
        classes.append((cname, decl, impl))
    return ("program startests;\n{$mode objfpc}{$H+}\nuses classes, sysutils, consoletestrunner, fpcunit, "
            "testregistry, starlib;\ntype\n"
            + "\n".join(f"  {c} = class(TTestCase)\n  published\n{d}\n  end;" for c, d, _ in classes)
            + "\n\n" + "\n\n".join(i for _, _, i in classes)
            + "\n\nvar app: TTestRunner;\nbegin\n" + "".join(f"  RegisterTest({c});\n" for c, _, _ in classes)
            + "  app := TTestRunner.Create(nil);\n  app.Initialize;\n  app.Title := 'stars';\n  app.Run;\n"
              "  app.Free;\nend.\n")


def stars(tmp: Path) -> None:
    wall = tmp / "stars-wall"
    star_units(wall, 30, 10, seed=161)
    run("mkdir -p out", cwd=wall)
    cap("fpc-vwnh-starlog-exit", "fpc -vwnh -Fusrc -FUout starlog.pas; echo EXIT=$?", wall, n_fpc_hints)
    run("rm -rf out; mkdir -p out", cwd=wall)
    cap("fpc-vwnh-starlog-grep-warn-note", "fpc -vwnh -Fusrc -FUout starlog.pas 2>&1 | grep -E 'Warning|Note|"
        "compiled|issued'", wall, n_fpc_hints)
    root = tmp / "stars-tests"
    write_tree(root, {"starlib.pas": STARLIB, "startests.pas": star_tests(4, 14, seed=161),
                      "big/starlib.pas": STARLIB, "big/startests.pas": star_tests(8, 30, seed=1614)})
    out = run("fpc -g -gl startests.pas 2>&1 && cd big && fpc -g -gl startests.pas 2>&1", cwd=root, timeout=600)
    if "Fatal" in out or "Error:" in out:
        print(out[-3000:])
    cap("fpcunit-plain-stars-exit", "./startests --all --format=plain; echo EXIT=$?", root, n_fpcunit_plain)
    cap("fpcunit-plain-big-head-150", "./startests -a --format=plain | head -n 150", root / "big", n_fpcunit_plain)
    cap("fpcunit-xml-big", "./startests --all --format=xml", root / "big", n_fpcunit_xml)
    cap("fpcunit-xml-stars-default", "./startests --all", root, n_fpcunit_xml)

# ------------------------------------------------------------------ Crystal: ferry timetable

FERRY = """module Ferry
  class NoCrossing < Exception; end

  ROUTES = {"north" => 35, "south" => 50, "islands" => 95}

  def self.crossing(route : String) : Int32
    ROUTES[route]? || raise NoCrossing.new("no route #{route}")
  end

  def self.arrival(depart_min : Int32, route : String) : Int32
    (depart_min + crossing(route)) % 1440 + 1   # bug: one minute late
  end

  def self.fare(adults : Int32, children : Int32) : Float64
    adults * 12.5 + children * 12.5 / 2       # ok
  end

  def self.cars_fit(deck_m : Int32, car_m : Float64) : Int32
    (deck_m / car_m).round.to_i               # bug: rounds, should floor
  end
end
"""


def ferry_specs(n_groups: int, per: int, seed: int) -> str:
    rng = random.Random(seed)
    routes = {"north": 35, "south": 50, "islands": 95}
    out = ['require "spec"', 'require "../src/ferry"', ""]
    for g in range(n_groups):
        port = rng.choice(["Brodick", "Oban", "Mallaig", "Stornoway", "Ullapool", "Tarbert", "Craignure"])
        out.append(f'describe "{port} sailings #{g}" do')
        for t in range(per):
            c = rng.randrange(3)
            if c == 0:
                d, r = rng.randint(300, 1430), rng.choice(["north", "south", "islands", "west"])
                if r in routes:
                    out.append(f'  it "arrives from {d} on {r}" do\n    Ferry.arrival({d}, "{r}").should eq '
                               f'{(d + routes[r]) % 1440}\n  end')
                else:
                    out.append(f'  it "arrives from {d} on {r}" do\n    Ferry.arrival({d}, "{r}").should be > 0\n  end')
            elif c == 1:
                a, ch = rng.randint(1, 6), rng.randint(0, 4)
                out.append(f'  it "fare for {a}+{ch}" do\n'
                           f'    Ferry.fare({a}, {ch}).should be_close({a * 12.5 + ch * 6.25}, 0.01)\n  end')
            else:
                deck, car = rng.randint(40, 160), rng.choice([4.2, 4.6, 5.1])
                out.append(f'  it "fits cars on {deck} m at {car} m" do\n    Ferry.cars_fit({deck}, {car}).should eq '
                           f'{int(deck // car)}\n  end')
        out.append("end\n")
    return "\n".join(out)


def ferry(tmp: Path) -> None:
    root = tmp / "ferry"
    write_tree(root, {"src/ferry.cr": FERRY, "spec/sailings_spec.cr": ferry_specs(12, 18, seed=161)})
    env = {"CRYSTAL_CACHE_DIR": str(tmp / "crystal-cache")}
    cap("crystal-spec-v-sailings-exit", "crystal spec -v --no-color; echo EXIT=$?", root, n_crystal_spec_v, env=env,
        timeout=900)
    cap("crystal-spec-v-sailings-tail-80", "crystal spec -v 2>&1 | tail -n 80", root, n_crystal_spec_v, env=env,
        timeout=900)
    fmt = tmp / "ferry-fmt"
    rng = random.Random(1615)
    files = {}
    for k in range(30):
        src = FERRY.replace("module Ferry", f"module Ferry{k}")
        if rng.random() < 0.35:
            src = src.replace("  def self.fare(adults : Int32, children : Int32) : Float64",
                              "  def self.fare(adults : Int32,children : Int32) : Float64")
        if rng.random() < 0.2:
            src = src.replace('"north" => 35, ', '"north"=>35, ')
        files[f"src/pier{k:02d}.cr"] = src
    write_tree(fmt, files)
    cap("crystal-format-check-piers-exit", "crystal tool format --check src; echo EXIT=$?", fmt, n_crystal_format,
        env=env)


# ------------------------------------------------------------------ Vala: beehive scale under meson and ninja

HIVE_SNIPS = [
    "    public double {n} (double grams) {{\n        int tare = {k};\n        return grams / 1000.0;\n    }}\n",
    "    public int {n} (int frames) {{\n        if (frames > {k}) return frames;\n        return {k};\n"
    "        frames = 0;\n    }}\n",
    "    public string {n} (Season s) {{\n        switch (s) {{\n        case Season.SPRING: return \"flow\";\n"
    "        case Season.WINTER: return \"cluster\";\n        }}\n        return \"?\";\n    }}\n",
    "    public double {n} (double[] kg) {{\n        double d = 0;\n        for (int i = 1; i < kg.length; i++) "
    "d += kg[i] - kg[i - 1];\n        return d;\n    }}\n",
    "    public void {n} () throws IOError {{\n        throw new IOError.TIMED_OUT (\"load cell {k} silent\");\n"
    "    }}\n    public void poll_{n} () {{\n        {n} ();\n    }}\n",
]
HIVE_ERRORS = [
    "    public double bad_{k} (double g) {{\n        return g * calibration_{k};\n    }}\n",
    "    public int bad_{k} () {{\n        string w = weight_{k} ();\n        return w.length;\n    }}\n"
    "    public double weight_{k} () {{ return {k}.25; }}\n",
    "    public Season bad_{k} () {{\n        return 3;\n    }}\n",
]


def hive_tree(root: Path, n_files: int, per: int, seed: int, n_errors: int) -> None:
    rng = random.Random(seed)
    srcs = ["'src/main.vala'", "'src/season.vala'"] + [f"'src/scale{i:02d}.vala'" for i in range(n_files)]
    files = {"meson.build": "project('hivescale', 'vala', 'c')\ndeps = [dependency('glib-2.0'), "
                            "dependency('gobject-2.0'), dependency('gio-2.0')]\nexecutable('hivescale', "
                            + ", ".join(srcs) + ", dependencies: deps)\n",
             "src/season.vala": "public enum Season { SPRING, SUMMER, AUTUMN, WINTER }\n",
             "src/main.vala": "int main (string[] args) {\n    stdout.printf (\"hives\\n\");\n    return 0;\n}\n"}
    bad = set(rng.sample(range(n_files), n_errors)) if n_errors else set()
    for i in range(n_files):
        body = [rng.choice(HIVE_SNIPS).format(n=f"scale_{p}", k=rng.randint(2, 99)) for p in range(per)]
        if i in bad:
            body.append(rng.choice(HIVE_ERRORS).format(k=i))
        files[f"src/scale{i:02d}.vala"] = (f"namespace Hive {{\npublic class Scale{i:02d} : Object {{\n"
                                           + "\n".join(body) + "}\n}\n")
    write_tree(root, files)


def hives(tmp: Path) -> None:
    for name, n_files, per, seed, errs in [("hive-warn", 30, 8, 161, 0), ("hive-err", 18, 6, 1616, 6)]:
        hive_tree(tmp / name, n_files, per, seed, errs)
        run("meson setup build", cwd=tmp / name, timeout=300)
    cap("ninja-valac-hive-warnings-exit", "ninja -C build 2>&1; echo EXIT=$?", tmp / "hive-warn", n_ninja_valac,
        timeout=900)
    cap("ninja-valac-hive-errors-tail-50", "meson compile -C build 2>&1 | tail -n 50", tmp / "hive-err",
        n_ninja_valac, timeout=900)


STEPS = [orbit, canal, bakery, stars, ferry, hives]
