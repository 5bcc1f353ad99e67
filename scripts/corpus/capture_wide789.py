"""Capture round 789 of the compression corpus: compilers and runtimes of Fortran, Ada, Pascal, Common Lisp, Scheme,
D and Tcl in forms the corpus lacked (gfortran's -fopt-info vectorizer report, GNAT style checks, -gnatl listings,
gnatbind elaboration failures, -gnatR representation clauses, SBCL's trace output, sb-rt tests, ASDF load-system
failures, Guile's compiler warnings as `guild compile -W3` prints them) beside kinds it has (gfortran, Fortran runtime
errors, gnatmake, GNAT runtime errors, fpc, fpc runtime errors, SBCL compile-file and errors, guile errors, gdc, D
runtime exceptions, Tcl errorInfo), on a lime kiln's programs written here (`limeworks`: kilns, draw holes,
quicklime, slaking, limeburners; seed 78910) with faults put in.
Needle rules: NEEDLES.md's "Round 789" section; new kinds' extractors below, the others imported.

Usage:   .venv/bin/python scripts/corpus/capture_wide789.py
Writes:  scripts/corpus/data/wide789.json, ids prefixed "wide789-".
Tools:   Debian bookworm packages (apt-get install gfortran gnat fp-compiler sbcl guile-3.0 gdc): GNU Fortran 12.2.0,
         GNAT 12.2.0 (gnatmake, gnatbind), Free Pascal 3.2.2, SBCL 2.2.9.debian (with ASDF and the sb-rt contrib),
         GNU Guile 3.0.8 (its `(scripts compile)`, which Debian's guild in guile-3.0-dev runs), gdc 12.2.0,
         tclsh 8.6.13."""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import groups, kind, mask  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide13_langs3 import n_gfortran, n_fortran_rt  # noqa: E402
from capture_wide13_langs2 import n_gnat, n_fpc, n_guile  # noqa: E402
from capture_wide42_native import N_SBCL_COMPILE, N_SBCL_ERROR, N_GDC, N_D_EXC  # noqa: E402
from capture_wide48_native import N_GNAT_RT, N_FPC_RT  # noqa: E402
from capture_wide8_lang import n_tcl  # noqa: E402

ID_PREFIX = "wide789-"
DEFAULT_OUT = HERE / "data" / "wide789.json"
TMP = Path("/dev/shm/hm-corpus-wide789-run")
SEED = 78910
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
ENV = {"XDG_CACHE_HOME": str(TMP / "cache"), "HOME": str(TMP / "home")}

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

ERR_LOC_F = r"^\S+\.f\d*:\d+:\d+:"


@kind("gfortran-opt-info", "build")
def n_opt_info(lines):
    """Rule 5: every 'optimized:' line; 'missed:' / 'note:' lines one {any} per (message shape, file); rule 1: every Error: line with its location line above."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.search(r"^\S+:\d+:\d+: optimized: ", ln):
            out.append(ln)
        m = re.match(r"^(\S+?):\d+:\d+: (missed|note): (.*)$", ln)
        if m:
            pairs.append(((m.group(2), mask(m.group(3)), m.group(1)), ln))
        if re.match(r"^(Error|Fatal Error): ", ln):
            out += [ln, cm.prev_match(lines, i, ERR_LOC_F, 6)]
    return out + groups(pairs)


ADA_MSG = re.compile(r"^(\S+\.ad[bs]):\d+:\d+: (.*)$")


@kind("gnat-style-check", "lint")
def n_gnat_style(lines):
    """Rule 1: every error line (file:L:C: error: or a bare message) and 'compilation error' line; (style) lines and warning: lines one {any} per (message shape, file)."""
    out, pairs = [], []
    for ln in lines:
        m = ADA_MSG.match(ln)
        if m:
            msg = m.group(2)
            if msg.startswith("(style)"):
                pairs.append((("style", mask(msg), m.group(1)), ln))
            elif msg.startswith("warning:"):
                pairs.append((("warning", mask(msg), m.group(1)), ln))
            elif not msg.startswith("info:"):
                out.append(ln)
        elif "compilation error" in ln:
            out.append(ln)
    return out + groups(pairs)


@kind("gnat-listing", "build")
def n_gnat_listing(lines):
    """Rule 1: each '>>> error:' (or level-less) line with the numbered source line above it; '>>> warning:' / '>>> (style)' one {any} per (message shape, file); rule 3: every 'N lines: …' summary line."""
    out, pairs = [], []
    cur, src = "?", None
    for ln in lines:
        m = re.match(r"^Compiling: (\S+)", ln)
        if m:
            cur = m.group(1)
            continue
        if re.match(r"^\s+\d+\. ", ln):
            src = ln
            continue
        m = re.match(r"^\s+>>> (.*)$", ln)
        if m:
            msg = m.group(1)
            if msg.startswith(("warning:", "(style)")):
                pairs.append(((msg.split()[0], mask(msg), cur), ln))
            elif not msg.startswith("info:"):
                out += [ln, src]
            continue
        if re.match(r"^\s*\d+ lines: ", ln) or "compilation error" in ln:
            out.append(ln)
    return out + groups(pairs)


@kind("gnatbind-error", "build")
def n_gnatbind(lines):
    """Rule 1: every error: line the binder prints, every info: line naming a unit, every gnatbind:/gnatmake: fatal line; compile warnings one {any} per (message shape, file)."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+\.ad[bs]):\d+:\d+: warning: (.*)$", ln)
        if m:
            pairs.append(((mask(m.group(2)), m.group(1)), ln))
        elif re.match(r"^(\S+: )?error: ", ln) or (ln.startswith("info:") and 'unit "' in ln):
            out.append(ln)
        elif re.match(r"^(gnatbind|gnatmake): ", ln) and "warning" not in ln:
            out.append(ln)
    return out + groups(pairs)


@kind("gnat-repinfo", "code")
def n_repinfo(lines):
    """Rule 5: every 'Representation information for unit' line, every "for X'Size use N;" line, every 'for T use record' line; rule 1 every error line."""
    return [ln for ln in lines if re.match(r"^Representation information for unit", ln)
            or re.match(r"^\s*for \S+'Size use \d+;", ln) or re.match(r"^\s*for \S+ use record", ln)
            or re.search(r"\.ad[bs]:\d+:\d+: (error: |(?!warning|\(style\)|info)[^\s(])", ln)]


@kind("sbcl-trace", "log")
def n_sbcl_trace(lines):
    """Rule 5: every depth-0 trace call line and depth-0 'returned' line; rule 1: every 'exited non-locally' line, the Unhandled line with its message line and the backtrace's frame 0."""
    out = [ln for ln in lines if re.match(r"^\s*0: (\(|\S+ returned)", ln) or "exited non-locally" in ln]
    return out + N_SBCL_ERROR(lines)


def _rt_condition(lines, i):
    """The condition report sb-rt prints under a failure whose actual value is a condition object (`arithmetic error
    DIVISION-BY-ZERO signalled`, `Invalid index …`): the first line after the Actual value line and its indented
    continuation that is not blank, not a memory-dump row and not the next test's output."""
    k = next((k for k in range(i + 1, min(len(lines), i + 8)) if re.match(r"^\s*Actual value", lines[k])), None)
    if k is None or "#<" not in lines[k]:
        return None
    for j in range(k + 1, min(len(lines), k + 8)):
        ln = lines[j]
        if not ln.strip() or re.match(r"^\s", ln):
            if not ln.strip():
                return None
            continue
        if re.match(r"^[0-9A-F]{8,}: ", ln) or re.search(r"\bTest \S+ failed|total tests", ln):
            return None
        return ln
    return None


@kind("sbcl-sb-rt", "test")
def n_sb_rt(lines):
    """Rule 2: every 'Test X failed' line with its first Form:, Expected value and Actual value lines and any error line in the failure; rule 3: the 'Doing N pending tests' line and the closing failed / 'No tests failed.' line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\bTest \S+ failed", ln):
            out.append(ln)
            for pat in (r"^\s*Form: ", r"^\s*Expected value", r"^\s*Actual value", r"Unexpected error"):
                out.append(cm.next_match(lines, i, pat, 8))
            out.append(_rt_condition(lines, i))
        if re.search(r"Doing \d+ pending tests? of \d+ tests? total|\d+ out of \d+ total tests? failed|"
                     r"No tests failed\.", ln):
            out.append(ln)
    return out


@kind("sbcl-asdf-load", "build")
def n_asdf_load(lines):
    """Rule 1: every caught ERROR / WARNING message line with its '; in:' line and the '; compiling file' line of its file; STYLE-WARNING messages one {any} per (message shape, file); the Unhandled line, its message line and frame 0; rule 3: compilation unit and 'caught N … condition' lines."""
    out, pairs = [], []
    compiling, cur = None, "?"
    for i, ln in enumerate(lines):
        m = re.match(r'^; compiling file "([^"]+)"', ln)
        if m:
            compiling, cur = ln, m.group(1)
            continue
        m = re.match(r"^; caught (ERROR|WARNING|STYLE-WARNING):", ln)
        if m:
            msg = cm.next_match(lines, i, r"^;\s{3}\S", 3)
            if m.group(1) == "STYLE-WARNING":
                if msg:
                    pairs.append(((mask(msg), cur), msg))
            else:
                out += [msg, cm.prev_match(lines, i, r"^; in: ", 8), compiling]
        if re.match(r"^; compilation unit (finished|aborted)|^;\s+caught \d+ .*condition", ln):
            out.append(ln)
    return out + N_SBCL_ERROR(lines) + groups(pairs)


@kind("guild-compile", "lint")
def n_guild_compile(lines):
    """Rule 1: every error line (ERROR:, error:, Syntax error:, a level-less file:L:C: line, Unbound variable) with the location line within six; warning: lines one {any} per (message shape, file); rule 3: every 'wrote' line."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^(\S+?)(?::\d+:\d+)?: warning: (.*)$", ln)
        if m:
            pairs.append(((mask(m.group(2)), m.group(1)), ln))
            continue
        if re.search(r"^ERROR: |\berror: |Syntax error|[Uu]nbound variable|^\S+\.scm:\d+:\d+: (?!warning)", ln):
            out += [ln, cm.next_match(lines, i, r"\S+\.scm:\d+:\d+", 6)]
        if re.match(r"^wrote `", ln):
            out.append(ln)
    return out + groups(pairs)


# ------------------------------------------------------------------ material


def write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)


KILNS = ["Ballast", "Castle", "Chimney", "Dunmore", "Eastgate", "Furrow", "Gallows", "Harbour", "Ivy", "Jolly",
         "Kestrel", "Longbarrow", "Moorside", "Netherby", "Oakhanger", "Pike", "Quarryhead", "Ravensgill"]
BURNERS = ["abel", "bryony", "caddick", "dorcas", "ellis", "fenna", "gideon", "hester", "ivo", "jessamy", "kit",
           "lettice", "micah", "nell", "obadiah", "prue"]


def fortran(rng: random.Random, d: Path) -> None:
    # warnings (-Wall -Wextra): unused variables and dummies, conversions, real equality, implicit interfaces
    subs = []
    for k, name in enumerate(KILNS):
        n = name.lower()
        subs.append(f"""  subroutine heat_{n}(charge, t_in, t_out, fuel, q)
    real(dp), intent(in) :: charge(:), t_in
    real(dp), intent(out) :: t_out
    real, intent(in) :: fuel
    real(dp), intent(out) :: q
    integer :: i, layers, spare_{k}
    real :: loss
    layers = size(charge) * 1.5
    q = 0.0_dp
    do i = 1, size(charge)
      q = q + charge(i) * {rng.uniform(0.7, 1.3):.3f}_dp * (t_in - {rng.randint(800, 1100)}.0_dp)
    end do
    loss = q / {rng.randint(3, 9)}.0
    if (loss == 0.0) loss = 1.0
    t_out = t_in - q / max(1, layers)
  end subroutine heat_{n}
""")
    write(d / "heat.f90", "module heat\n  implicit none\n  integer, parameter :: dp = kind(1.0d0)\ncontains\n"
          + "".join(subs) + "end module heat\n")
    write(d / "heat_small.f90", "module heat_small\n  implicit none\n  integer, parameter :: dp = kind(1.0d0)\n"
          "contains\n" + "".join(subs[:3]) + "end module heat_small\n")
    write(d / "calcine_bad.f90", """module calcine
  implicit none
  integer, parameter :: dp = kind(1.0d0)
contains
  function co2_released(mass_caco3) result(co2)
    real(dp), intent(in) :: mass_caco3
    real(dp) :: co2
    co2 = mass_caco3 * 44.01_dp / 100.09_dp
    quicklime = mass_caco3 - co2
  end function co2_released
  subroutine burn(kiln, hours)
    character(len=*), intent(in) :: kiln
    integer, intent(in) :: hours
    real(dp) :: t
    t = co2_released(hours)
    call report(kiln, t, 3
  end subroutine burn
  subroutine slake(lime, water)
    real(dp), intent(inout) :: lime
    logical :: water
    lime = lime + water
  end subroutine slake
end module calcine
""")
    # runtime faults (-fcheck=all -g -fbacktrace)
    write(d / "draw.f90", """program draw
  implicit none
  integer, parameter :: nholes = 6
  real :: load(nholes)
  integer :: h, shift
  load = 0.0
  do shift = 1, 3
    do h = 1, nholes + shift
      load(h) = load(h) + 1.25 * shift
      print '(a,i2,a,i2,a,f8.2)', 'shift ', shift, ' draw hole ', h, ' load ', load(h)
    end do
  end do
end program draw
""")
    write(d / "slaking.f90", """module slaking
  implicit none
contains
  subroutine slake_batch(lime, ratio)
    real, allocatable, intent(inout) :: lime(:)
    real, intent(in) :: ratio(:)
    integer :: i
    do i = 1, size(ratio)
      lime(i) = lime(i) * ratio(i) / (ratio(i) - 1.0)
    end do
    print *, 'slaked', sum(lime)
  end subroutine slake_batch
  subroutine mix(a, b, c)
    real, intent(in) :: a(:), b(:)
    real, intent(out) :: c(:)
    c = a + b
  end subroutine mix
end module slaking

program slake
  use slaking
  implicit none
  real, allocatable :: lime(:), water(:)
  real :: ratio(4) = [2.0, 3.0, 4.0, 1.5], out(3)
  allocate(lime(4))
  lime = [10.0, 12.5, 9.0, 11.0]
  call slake_batch(lime, ratio)
  allocate(water(4))
  water = 0.5
  call mix(lime, water, out)
  print *, out
end program slake
""")
    # vectorizer material: generated loops, some with carried dependencies
    loops = []
    for k in range(44):
        n = KILNS[k % len(KILNS)].lower()
        shape = k % 4
        if shape == 0:
            body = f"    do i = 1, n\n      a(i) = a(i) + {k + 1}.0 * b(i)\n    end do\n"
        elif shape == 1:
            body = f"    do i = 2, n\n      a(i) = a(i-1) * b(i) + {k}.5\n    end do\n"
        elif shape == 2:
            body = f"    do i = 1, n\n      if (b(i) > {k}.0) a(i) = sqrt(b(i))\n    end do\n"
        else:
            body = f"    do i = 1, n\n      a(idx(i)) = a(idx(i)) + b(i)\n    end do\n"
        loops.append(f"  subroutine kiln_{n}_{k}(a, b, idx, n)\n    integer, intent(in) :: n, idx(n)\n"
                     f"    real, intent(inout) :: a(n)\n    real, intent(in) :: b(n)\n    integer :: i\n{body}"
                     f"  end subroutine kiln_{n}_{k}\n")
    write(d / "vec.f90", "module vec\n  implicit none\ncontains\n" + "".join(loops) + "end module vec\n")
    write(d / "vec_small.f90", "module vec_small\n  implicit none\ncontains\n" + "".join(loops[:6])
          + "end module vec_small\n")


ADA = {
    "kilns.ads": """package Kilns is
   type Kiln_Id is range 1 .. 8;
   type Temperature is delta 0.5 range 0.0 .. 1_400.0;
   type Kiln is record
      Id      : Kiln_Id;
      Heat    : Temperature;
      Charged : Boolean;
      Tonnes  : Float;
      Holes   : Natural;
   end record;
   type Kiln_Array is array (Kiln_Id) of Kiln;
   type Draw_Hole is record
      Open   : Boolean;
      Rate   : Integer range 0 .. 255;
      Burner : String (1 .. 8);
   end record;
   type Hole_Array is array (1 .. 4) of Draw_Hole;
   procedure Charge (K : in out Kiln; Tonnes : Float);
   function Draw (K : Kiln; Hole : Positive) return Float;
end Kilns;
""",
    "kilns.adb": """with Ada.Text_IO; use Ada.Text_IO;
package body Kilns is
   procedure Charge (K : in out Kiln; Tonnes : Float) is
      Unused_Total : Float := 0.0;
   begin
      K.Tonnes := K.Tonnes + Tonnes;
      K.Charged := true;
      Put_Line ("charged" & Kiln_Id'Image (K.Id));
   end Charge;

   function Draw (K : Kiln; Hole : Positive) return Float is
      Share : Float;
   begin
      if K.Holes = 0 then
         return 0.0;
      end if;
      Share := K.Tonnes / Float (K.Holes);
      return Share;
   end Draw;
end Kilns;
""",
    "schedule.adb": """with Ada.Text_IO; use Ada.Text_IO;
with Kilns; use Kilns;
procedure Schedule is
   Works : Kiln_Array;
   Total : Float := 0.0;
   Shift : Integer;
begin
   for I in Works'Range loop
      Works (I) := (Id => I, Heat => 900.0, Charged => False, Tonnes => 0.0, Holes => Natural (I) - 1);
      Charge (Works (I), 12.5);
      Total := Total + Draw (Works (I), 2)
   end loop;
   Put_Line ("total" & Float'Image (Total));
   Shift := Total;
   Put_Line (Quicklime_Yield (Works));
end Schedule;
""",
    "drawrun.adb": """with Ada.Text_IO; use Ada.Text_IO;
procedure Drawrun is
   type Rates is array (1 .. 5) of Natural;
   R : Rates := (40, 35, 30, 25, 20);
   Hole : Integer := 1;
   procedure Draw_Shift (Step : Integer) is
   begin
      for S in 1 .. 7 loop
         Hole := Hole + Step;
         R (Hole) := R (Hole) - 10;
         Put_Line ("hole" & Integer'Image (Hole) & " rate" & Natural'Image (R (Hole)));
      end loop;
   end Draw_Shift;
begin
   Draw_Shift (1);
end Drawrun;
""",
}


def ada_style_pkg(rng: random.Random, n: int) -> str:
    procs = []
    for k in range(n):
        b = BURNERS[k % len(BURNERS)]
        procs.append(f"""   procedure log_{b}_{k}(x : integer; y: in Float) is
      tmp : integer := x*2;
   begin
      if(x > {rng.randint(1, 90)}) then
         Total:=Total+Float(tmp)+y ;
      end if;
   end log_{b}_{k};
""")
    return ("with Ada.Text_IO;\npackage body Burners is\n   Total : Float := 0.0;\n" + "".join(procs)
            + "end Burners;\n")


def ada_style_spec(n: int) -> str:
    return "package Burners is\n" + "".join(
        f"   procedure log_{BURNERS[k % len(BURNERS)]}_{k}(x : integer; y: in Float);\n" for k in range(n)) + \
        "end Burners;\n"


def ada_cycle(d: Path, units: list[str], elab_all: bool) -> None:
    """A ring of packages whose spec initialisers call into the next unit: an elaboration circularity."""
    for i, u in enumerate(units):
        nxt = units[(i + 1) % len(units)]
        pragma = f"pragma Elaborate_All ({nxt});\n" if elab_all else ""
        write(d / f"{u.lower()}.ads", f"package {u} is\n   function Level return Integer;\n"
              f"   Stock : Integer := Level;\nend {u};\n")
        write(d / f"{u.lower()}.adb", f"with {nxt};\n{pragma}package body {u} is\n"
              f"   function Level return Integer is begin return {nxt}.Stock + {i + 1}; end Level;\n"
              f"begin\n   Stock := {nxt}.Level;\nend {u};\n")
    write(d / "main.adb", "".join(f"with {u}; " for u in units) + "\nprocedure Main is\n   T : Integer := 0;\n"
          "begin\n" + "".join(f"   T := T + {u}.Stock;\n" for u in units) + "   null;\nend Main;\n")


PASCAL_LEDGER = """program ledger;
{$mode objfpc}
uses SysUtils;
type
  TBurn = record
    kiln: string;
    tonnes: real;
    quicklime: real;
  end;
var
  burns: array[1..6] of TBurn;
  i, unusedcount: integer;
  total: real;
  yield: integer;
function LimeFrom(t: real): real;
var ratio: real;
begin
  LimeFrom := t * 0.56;
end;
begin
  for i := 1 to 6 do
  begin
    burns[i].kiln := 'K' + IntToStr(i);
    burns[i].tonnes := 10.0 + i;
    burns[i].quicklime := LimeFrom(burns[i].tonnes);
    total := total + burns[i].quicklime
  end;
  yield := total;
  writeln('total quicklime ', total:0:2);
  writeln(Slaked(total));
  burns[7].kiln := 'K7'
end.
"""


def pascal_notes(n: int) -> str:
    fns = []
    for k in range(n):
        b = BURNERS[k % len(BURNERS)]
        fns.append(f"""function Shift_{b}_{k}(hours: integer; rate: real): real;
var spare_{k}: integer;
    waste: real;
    count: longint;
begin
  count := hours * {k + 2};
  Shift_{b}_{k} := rate * hours
end;
""")
    return "program roster;\n{$mode objfpc}\nuses SysUtils, Classes;\n" + "".join(fns) + \
        "var s: integer;\nbegin\n  writeln(Shift_abel_0(8, 1.5):0:2);\nend.\n"


PASCAL_RT = """program drawholes;
{$mode objfpc}{$R+}{$Q+}
type THoles = array[1..4] of integer;
var holes: THoles; i, k: integer;
procedure Open(var h: THoles; n: integer);
begin
  h[n] := h[n] + 1;
end;
begin
  for i := 1 to 4 do holes[i] := 0;
  for k := 1 to 6 do
  begin
    writeln('opening hole ', k);
    Open(holes, k);
  end;
end.
"""

PASCAL_DIV = """program slakeratio;
{$mode objfpc}
uses SysUtils;
function Ratio(lime, water: integer): integer;
begin
  Ratio := lime div water;
end;
var w: integer;
begin
  for w := 3 downto 0 do
    writeln('water ', w, ' ratio ', Ratio(56, w));
end.
"""

LISP_SLAKE = """(defpackage :slaking (:use :cl))
(in-package :slaking)

(defparameter *burners* '(abel bryony caddick dorcas))

(defun heat-of-slaking (kg)
  (* kg 1155))

(defun slake (lime water)
  (let ((ratio (/ water lime))
        (unused 0))
    (if (> ratio 0.32)
        (heat-of-slaking lime)
        (heat-of-slaking))))

(defun draw-shift (holes)
  (loop for h in holes
        sum (slake h (* h 0.4) 7)))

(defun total-quicklime (kilns)
  (reduce #'+ (mapcar #'tonnes-of kilns)))

(defun report ()
  (format t "~a burners, ~a kJ~%" (length *burners*) (slake 10 undefined-water)))
"""


def lisp_trace_prog(rng: random.Random, n_calls: int, fail: bool) -> str:
    calls = "".join(f"(burn-kiln {rng.randint(2, 5)} {rng.randint(800, 1000)})\n" for _ in range(n_calls))
    tail = "(burn-kiln 3 :hot)\n" if fail else ""
    return f"""(defun calcine (tonnes temp)
  (if (< temp 850) 0 (* tonnes 0.56)))
(defun layer-heat (layer temp)
  (+ temp (* layer 15)))
(defun burn-kiln (layers temp)
  (if (zerop layers)
      0
      (+ (calcine 1 (layer-heat layers temp)) (burn-kiln (1- layers) temp))))
(trace burn-kiln calcine layer-heat)
{calls}{tail}"""


def lisp_rt_prog(rng: random.Random, n: int, with_error: bool) -> str:
    tests = []
    for k in range(n):
        b = BURNERS[k % len(BURNERS)]
        t = rng.randint(2, 30)
        want = round(t * 0.56, 2)
        if k % 5 == 3:
            want = round(want + 1, 2)
        tests.append(f"(sb-rt:deftest {b}-yield-{k} (yield {t}) {want})\n")
    if with_error:
        tests.append("(sb-rt:deftest slake-by-zero (slake-ratio 56 0) 0)\n")
        tests.append("(sb-rt:deftest draw-hole-aref (aref #(1 2 3) 5) 3)\n")
    return ("(require :sb-rt)\n(defun yield (tonnes) (/ (round (* tonnes 56)) 100.0))\n"
            "(defun slake-ratio (lime water) (/ lime water))\n" + "".join(tests) + "(sb-rt:do-tests)\n")


GUILE_ROSTER = """(use-modules (ice-9 format) (srfi srfi-1))

(define burners '(abel bryony caddick dorcas ellis))

(define (shift-hours burner)
  (case burner
    ((abel bryony) 8)
    ((caddick) 10)
    (else 6)))

(define (roster)
  (map (lambda (b) (cons b (shift-hours b extra))) burners))

(define (total-lime kilns)
  (fold + 0 (map tonnes kilns)))

(define (report)
  (format #t "~a burners, ~a hours~%" (length burners)))

(define (draw hole)
  (let ((rate 12) (unused 3))
    (* hole rat)))

(display (draw 2))
(newline)
"""


def guile_big(rng: random.Random, n: int) -> str:
    out = ["(use-modules (ice-9 format))\n"]
    for k in range(n):
        b = BURNERS[k % len(BURNERS)]
        kind_ = k % 4
        if kind_ == 0:
            out.append(f"(define ({b}-{k} x) (+ x {b}-missing-{k}))\n")
        elif kind_ == 1:
            out.append(f"(define ({b}-{k} x y) (format #f \"~a ~a ~a\" x y))\n")
        elif kind_ == 2:
            out.append(f"(define ({b}-{k} x) (let ((spare {k})) (* x 2)))\n")
        else:
            out.append(f"(define ({b}-{k} x) ({BURNERS[(k + 1) % len(BURNERS)]}-{k - 1} x 1 2))\n")
    return "".join(out)


GUILE_SYNTAX = """(define (kiln-load tonnes)
  (let ((lime (* tonnes 0.56))
    (if (> lime 10) 'full 'part)))

(define (draw holes)
  (map (lambda (h) (* h 2) holes))
"""

GUILE_RUN = """(use-modules (srfi srfi-1))
(define kilns '((ballast . 12) (castle . 9) (chimney . 0) (dunmore . 14)))
(define (yield-per-hole kiln holes) (/ (cdr kiln) holes))
(define (report)
  (for-each (lambda (k)
              (display (car k)) (display " ")
              (display (yield-per-hole k (cdr (assq (car k) '((ballast . 3) (castle . 2) (dunmore . 4))))))
              (newline))
            kilns))
(report)
"""

D_BAD = """module sensors;
import std.stdio;
import std.conv : to;

struct Reading { string kiln; double celsius; int hole; }

double average(Reading[] rs) {
    double total = 0;
    foreach (r; rs) total += r.celsius;
    return total / rs.length;
}

int hottest(Reading[] rs) {
    int best = 0;
    foreach (i, r; rs) if (r.celsius > rs[best].celsius) best = i;
    return best;
}

void main() {
    Reading[] rs = [Reading("Ballast", 912.5, 1), Reading("Castle", "880", 2)];
    writeln(average(rs));
    string s = hottest(rs);
    undefinedReport(rs);
    immutable int limit = 1000;
    limit = 1100;
}
"""

D_RANGE = """import std.stdio;
struct Reading { string kiln; double celsius; }
double drawRate(double[] holes, size_t k) {
    assert(k > 0, "draw hole numbers start at 1");
    return holes[k] * 0.56;
}
void main(string[] args) {
    double[] holes = [12.0, 9.5, 14.25];
    foreach (k; 1 .. 5)
        writeln("hole ", k, " rate ", drawRate(holes, k));
}
"""

D_ASSERT = """import std.stdio;
import std.exception : enforce;
double slakeHeat(double lime, double water)
in (water > 0, "no water to slake with")
{
    return lime * 1155 / water;
}
void main() {
    foreach (w; [3.0, 1.5, 0.0])
        writeln("water ", w, " heat ", slakeHeat(56, w));
}
"""

D_LOG = """module sensorlog;
import std.algorithm : map, sum;

struct Probe(T) { T value; string kiln; }

T peak(T)(Probe!T[] ps) {
    T best = ps[0].value;
    foreach (p; ps) if (p.value > best) best = p.value;
    return best;
}

int logReadings(double[] temps) {
    int total = temps.sum;
    writefln("%s readings", temps.length);
    return total;
    total += 1;
}

void main() {
    auto ps = [Probe!double(912.5, "Ballast"), Probe!double(880.0, "Castle")];
    int hot = peak(ps);
    auto names = ps.map!(p => p.kilnName);
    peak!string(ps);
}
"""

TCL_REPORT = """proc tonnes {kiln} {
    set loads {ballast 12 castle 9 dunmore 14 eastgate 11 furrow 8 gallows 13 harbour 10 ivy 7 jolly 12 kestrel 9}
    return [dict get $loads $kiln]
}
proc quicklime {kiln} {
    expr {[tonnes $kiln] * 0.56}
}
proc report {kilns} {
    foreach k $kilns {
        puts [format "%-10s %6.2f" $k [quicklime $k]]
    }
}
puts [format "%-10s %6s" kiln quicklime]
report {ballast castle dunmore eastgate furrow gallows harbour ivy jolly kestrel chimney}
"""

TCL_SHIFT = """proc hours {burner} {
    array set shifts {abel 8 bryony 8 caddick 10}
    return $shifts($burner)
}
proc rate {burner lime} {
    set h [hours $burner]
    return [expr {$lime / ($h - 8)}]
}
proc roster {} {
    foreach b {caddick abel} {
        puts "$b [rate $b 56]"
    }
}
if {[catch {roster} msg opts]} {
    puts "roster failed: $msg"
    puts [dict get $opts -errorinfo]
}
puts [rate dorcas 12]
"""


def material(tmp: Path) -> Path:
    rng = random.Random(SEED)
    root = tmp / "limeworks"
    fortran(rng, root / "fortran")
    for rel, body in ADA.items():
        write(root / "ada" / rel, body)
    write(root / "ada-style" / "burners.ads", ada_style_spec(6))
    write(root / "ada-style" / "burners.adb", ada_style_pkg(rng, 6))
    write(root / "ada-style-big" / "burners.ads", ada_style_spec(40))
    write(root / "ada-style-big" / "burners.adb", ada_style_pkg(rng, 40))
    ada_cycle(root / "ada-cycle2", ["Kiln", "Hole"], False)
    ada_cycle(root / "ada-cycle5", ["Ballast", "Castle", "Chimney", "Dunmore", "Eastgate"], False)
    ada_cycle(root / "ada-cycle-ea", ["Quicklime", "Slaking", "Burners"], True)
    write(root / "pascal" / "ledger.pas", PASCAL_LEDGER)
    write(root / "pascal" / "roster.pas", pascal_notes(24))
    write(root / "pascal" / "drawholes.pas", PASCAL_RT)
    write(root / "pascal" / "slakeratio.pas", PASCAL_DIV)
    write(root / "lisp" / "slaking.lisp", LISP_SLAKE)
    write(root / "lisp" / "trace_small.lisp", lisp_trace_prog(rng, 2, False))
    write(root / "lisp" / "trace_big.lisp", lisp_trace_prog(rng, 14, False))
    write(root / "lisp" / "trace_fail.lisp", lisp_trace_prog(rng, 3, True))
    write(root / "lisp" / "rt_small.lisp", lisp_rt_prog(rng, 14, False))
    write(root / "lisp" / "rt_big.lisp", lisp_rt_prog(rng, 60, False))
    write(root / "lisp" / "rt_err.lisp", lisp_rt_prog(rng, 12, True))
    write(root / "lisp" / "report_run.lisp", "(defun tonnes (k) (cdr (assoc k '((ballast . 12) (castle . 9)))))\n"
          "(defun per-hole (k holes) (/ (tonnes k) holes))\n"
          "(format t \"~a~%\" (per-hole 'ballast 3))\n(format t \"~a~%\" (per-hole 'chimney 2))\n")
    # ASDF systems
    sysd = root / "lisp" / "systems"
    write(sysd / "limeburners" / "limeburners.asd", '(defsystem "limeburners" :serial t\n'
          '  :components ((:file "package") (:file "kiln") (:file "slaking")))\n')
    write(sysd / "limeburners" / "package.lisp", "(defpackage :limeburners (:use :cl))\n")
    write(sysd / "limeburners" / "kiln.lisp", "(in-package :limeburners)\n(defun heat (layers temp)\n"
          "  (let ((spare 0)) (* layers temp)))\n(defun draw (kiln) (heat kiln))\n")
    write(sysd / "limeburners" / "slaking.lisp", "(in-package :limeburners)\n(defun slake (lime) (* lime 1155))\n")
    write(sysd / "quicklime" / "quicklime.asd", '(defsystem "quicklime" :serial t\n'
          '  :components ((:file "package") (:file "yield")))\n')
    write(sysd / "quicklime" / "package.lisp", "(defpackage :quicklime (:use :cl))\n")
    write(sysd / "quicklime" / "yield.lisp", "(in-package :quicklime)\n(defun yield (tonnes)\n"
          "  (let ((ratio 0.56) (waste 0.1)) (* tonnes ratio)))\n(defun yields (xs) (mapcar #'yield xs))\n"
          "(defun report (xs) (format t \"~a ~a~%\" (yields xs)))\n(defun bad-read (x) (+ x 1)\n")
    write(sysd / "kilnworks" / "kilnworks.asd", '(defsystem "kilnworks" :depends-on ("limekiln-sensors")\n'
          '  :components ((:file "main")))\n')
    write(sysd / "kilnworks" / "main.lisp", "(defun main () 0)\n")
    write(root / "guile" / "roster.scm", GUILE_ROSTER)
    write(root / "guile" / "burners_big.scm", guile_big(rng, 48))
    write(root / "guile" / "syntax.scm", GUILE_SYNTAX)
    write(root / "guile" / "run.scm", GUILE_RUN)
    write(root / "d" / "sensors.d", D_BAD)
    write(root / "d" / "range.d", D_RANGE)
    write(root / "d" / "sensorlog.d", D_LOG)
    write(root / "d" / "assert.d", D_ASSERT)
    write(root / "tcl" / "report.tcl", TCL_REPORT)
    write(root / "tcl" / "shift.tcl", TCL_SHIFT)
    (TMP / "cache").mkdir(parents=True, exist_ok=True)
    (TMP / "home").mkdir(parents=True, exist_ok=True)
    return root


# ------------------------------------------------------------------ steps

def steps() -> list:
    return [fortran_step, ada_step, pascal_step, lisp_step, guile_step, d_tcl_step]


def fortran_step(tmp: Path) -> None:
    root = material(tmp)
    f = root / "fortran"
    cap("gfortran-wall-heat", "gfortran -Wall -Wextra -c heat.f90 2>&1", f, n_gfortran)
    cap("gfortran-wall-calcine-small", "gfortran -Wall -Wextra -c calcine_bad.f90 heat_small.f90 2>&1", f, n_gfortran)
    cap("fortran-fcheck-draw", "gfortran -g -fcheck=all -fbacktrace -o draw draw.f90 && ./draw 2>&1", f, n_fortran_rt)
    cap("fortran-fcheck-slake", "gfortran -g -fcheck=all -fbacktrace -o slake slaking.f90 && ./slake 2>&1", f,
        n_fortran_rt)
    cap("opt-info-vec-small", "gfortran -O3 -c -fopt-info-vec-optimized -fopt-info-vec-missed vec_small.f90 2>&1", f,
        n_opt_info)
    cap("opt-info-vec-all", "gfortran -O3 -c -fopt-info-vec-optimized -fopt-info-vec-missed vec.f90 2>&1", f,
        n_opt_info)
    cap("opt-info-loop-heat", "gfortran -O3 -march=x86-64-v2 -c -fopt-info-loop-optimized -fopt-info-vec-missed "
        "heat.f90 2>&1 | head -n 400", f, n_opt_info)


def ada_step(tmp: Path) -> None:
    root = tmp / "limeworks"
    a = root / "ada"
    cap("gnatmake-schedule", "gnatmake -gnatwa schedule.adb 2>&1", a, n_gnat)
    cap("gnat-style-kilns", "for f in kilns.adb drawrun.adb schedule.adb; do gcc -c -gnatwa -gnaty3abcefhiklmnprt $f; "
        "done 2>&1", a, n_gnat_style)
    cap("gnat-style-burners", "gcc -c -gnatwa -gnatyy burners.adb 2>&1", root / "ada-style", n_gnat_style)
    cap("gnat-style-burners-big", "gcc -c -gnatwa -gnaty3abcefhiklmnprtM100 burners.adb 2>&1",
        root / "ada-style-big", n_gnat_style)
    cap("gnat-listing-schedule", "gcc -c -gnatl -gnatwa schedule.adb 2>&1", a, n_gnat_listing)
    cap("gnat-listing-burners-style", "gcc -c -gnatl -gnatwa -gnatyy burners.adb 2>&1", root / "ada-style",
        n_gnat_listing)
    cap("gnatbind-cycle2", "gnatmake main.adb 2>&1; echo EXIT=$?", root / "ada-cycle2", n_gnatbind)
    cap("gnatbind-cycle5", "gnatmake -gnatwa main.adb 2>&1; echo EXIT=$?", root / "ada-cycle5", n_gnatbind)
    cap("gnatbind-elaborate-all", "gnatmake -c main.adb 2>&1 && gnatbind -d_C main.ali 2>&1; echo EXIT=$?",
        root / "ada-cycle-ea", n_gnatbind)
    cap("gnat-repinfo-kilns", "gcc -c -gnatR2 kilns.adb 2>&1", a, n_repinfo)
    cap("gnat-repinfo3-drawrun-kilns", "gcc -c -gnatR3 drawrun.adb 2>&1; gcc -c -gnatR3 kilns.ads 2>&1", a,
        n_repinfo)
    cap("gnat-runtime-drawrun", "gnatmake -f -g drawrun.adb -bargs -E 2>&1; ./drawrun 2>&1; echo EXIT=$?", a,
        N_GNAT_RT)


def pascal_step(tmp: Path) -> None:
    p = tmp / "limeworks" / "pascal"
    cap("fpc-ledger", "fpc -vwnh ledger.pas 2>&1", p, n_fpc)
    cap("fpc-roster-notes", "fpc -vwnh roster.pas 2>&1", p, n_fpc)
    cap("fpc-runtime-drawholes-slakeratio", "for p in drawholes slakeratio; do fpc -gl -Cr -Ci $p.pas >/dev/null && "
        "./$p; echo EXIT=$?; done 2>&1", p, N_FPC_RT)


def lisp_step(tmp: Path) -> None:
    d = tmp / "limeworks" / "lisp"
    sb = "sbcl --noinform --non-interactive"
    cap("sbcl-compile-slaking", f"{sb} --eval '(compile-file \"slaking.lisp\")' 2>&1", d, N_SBCL_COMPILE, env=ENV)
    cap("sbcl-error-report", f"{sb} --load report_run.lisp 2>&1; echo EXIT=$?", d, N_SBCL_ERROR, env=ENV)
    cap("sbcl-trace-small", f"{sb} --load trace_small.lisp 2>&1", d, n_sbcl_trace, env=ENV)
    cap("sbcl-trace-big", f"{sb} --load trace_big.lisp 2>&1", d, n_sbcl_trace, env=ENV)
    cap("sbcl-trace-fail", f"{sb} --load trace_fail.lisp 2>&1; echo EXIT=$?", d, n_sbcl_trace, env=ENV)
    cap("sb-rt-small", f"{sb} --load rt_small.lisp 2>&1", d, n_sb_rt, env=ENV)
    cap("sb-rt-big", f"{sb} --load rt_big.lisp 2>&1", d, n_sb_rt, env=ENV)
    cap("sb-rt-errors", f"{sb} --load rt_err.lisp 2>&1", d, n_sb_rt, env=ENV)
    reg = f"--eval '(require :asdf)' --eval '(push #p\"{d}/systems/{{s}}/\" asdf:*central-registry*)'"
    for s, idn in (("limeburners", "asdf-limeburners"), ("quicklime", "asdf-quicklime"),
                   ("kilnworks", "asdf-kilnworks")):
        cap(idn, f"{sb} {reg.format(s=s)} --eval '(asdf:load-system \"{s}\")' 2>&1; echo EXIT=$?", d,
            n_asdf_load, env=ENV)


GUILD = "guile --no-auto-compile -c '(apply (@ (scripts compile) compile) (cdr (command-line)))'"


def guile_step(tmp: Path) -> None:
    g = tmp / "limeworks" / "guile"
    cap("guild-compile-roster", f"{GUILD} -W3 -o roster.go roster.scm 2>&1", g, n_guild_compile,
        typed="guild compile -W3 -o roster.go roster.scm")
    cap("guild-compile-burners-big", f"{GUILD} -W3 -o burners_big.go burners_big.scm 2>&1", g, n_guild_compile,
        typed="guild compile -W3 -o burners_big.go burners_big.scm")
    cap("guild-compile-syntax-roster", f"{GUILD} -Wunbound-variable -Warity-mismatch -Wformat -o syntax.go "
        "syntax.scm 2>&1; " + f"{GUILD} -Wunused-variable -o roster.go roster.scm 2>&1", g, n_guild_compile,
        typed="guild compile -Wunbound-variable -Warity-mismatch -Wformat -o syntax.go syntax.scm; "
              "guild compile -Wunused-variable -o roster.go roster.scm")
    cap("guile-error-run", "guile run.scm 2>&1", g, n_guile, env=ENV)
    cap("guile-error-roster", "guile roster.scm 2>&1", g, n_guile, env=ENV)


def d_tcl_step(tmp: Path) -> None:
    d = tmp / "limeworks" / "d"
    cap("gdc-sensors", "gdc -Wall -c sensors.d -o sensors.o 2>&1", d, N_GDC)
    cap("gdc-sensorlog", "gdc -Wall -Wextra -fsyntax-only sensorlog.d range.d assert.d 2>&1", d, N_GDC)
    cap("d-range-contract-errors", "gdc -g range.d -o range && ./range; echo EXIT=$?; gdc -g assert.d -o assertd && "
        "./assertd; echo EXIT=$?", d, N_D_EXC)
    t = tmp / "limeworks" / "tcl"
    cap("tcl-report", "tclsh report.tcl 2>&1", t, n_tcl)
    cap("tcl-shift", "tclsh shift.tcl 2>&1", t, n_tcl)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide789", sys.modules["__main__"])
    main()
