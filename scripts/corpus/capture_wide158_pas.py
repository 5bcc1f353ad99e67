"""Round 158, Pascal, Vala and Crystal: a library-loans system in Free Pascal 3.2.2 (`loans`: an FPCUnit console
runner in plain and XML formats, `-vwnh` hints/notes walls), a weather-station applet in Vala 0.56 built by meson and
ninja (`wxstation`), and a freight-rate table in Crystal 1.6 (`freight`: `crystal spec -v`, `crystal tool format
--check`), each written here with bugs put in and run. The kinds' rules are NEEDLES.md's "Round 158". Run through
capture_wide158.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, note, run, write_tree
from capture_wide158 import cap, status

# ------------------------------------------------------------------ Free Pascal: hints walls


@kind("fpc-hints", "build")
def n_fpc_hints(lines):
    """Rule 1 on an fpc hints/notes wall: every Error:/Fatal: line; Warning:, Note: and Hint: lines one {"any"} per (message shape, file), the first 40 groups; the 'N lines compiled' line, the 'N warning(s)/hint(s)/note(s) issued' lines, the status line."""
    out: list = []
    pairs = []
    for ln in lines:
        if re.search(r"\) (Error|Fatal): |^(Error|Fatal): ", ln):
            out.append(ln)
        m = re.match(r"^(\S+)\(\d+,\d+\) (Warning|Note|Hint): (.*)$", ln)
        if m:
            pairs.append(((m.group(1), m.group(2), mask(m.group(3))), ln))
        if re.search(r"^\d+ lines compiled|^\d+ (warning|hint|note)\(s\) issued", ln):
            out.append(ln)
    return out + groups(pairs)[:40] + status(lines)


PROC_SNIPPETS = [
    # each one draws its own hint, note or warning from fpc -vwnh
    "function {n}(a, b: integer): integer;\nvar tmp: integer;\nbegin\n  if a > {k} then result := tmp;\nend;\n",
    "procedure {n}(const who: string; days: integer);\nvar unused{k}: string;\nbegin\n  writeln(who);\nend;\n",
    "function {n}(fee: currency): longint;\nvar w: word; v: longint;\nbegin\n  v := -{k}; w := v;\n"
    "  result := w + round(fee);\nend;\n",
    "function {n}(p: pointer): ptruint;\nbegin\n  result := ptruint(p) + {k};\nend;\n",
    "function {n}(count: byte): boolean;\nbegin\n  result := count > 300;\nend;\n",
    "function {n}(title: string): integer;\nvar i, j: integer;\nbegin\n  for i := 1 to length(title) do\n"
    "    if title[i] = ' ' then exit(i);\nend;\n",
    "procedure {n}(var shelf: array of integer);\nvar k: integer;\nbegin\n  k := {k};\n  shelf[0] := shelf[0];\nend;\n",
    "function {n}(a: longword; b: integer): int64;\nbegin\n  result := a + b;\nend;\n",
    "function {n}(s: string): shortstring;\nvar ws: widestring;\nbegin\n  ws := s;\n  result := ws;\nend;\n",
]


def loans_units(root: Path, n_units: int, per_unit: int, seed: int, broken: int | None = None) -> list[str]:
    """`n_units` units of `per_unit` routines, each drawn from PROC_SNIPPETS; unit `broken` gets a real error."""
    rng = random.Random(seed)
    names = ["catalog", "patron", "fines", "holds", "shelves", "barcode", "renewals", "branches", "overdue",
             "receipts", "reports", "inventory", "transfers", "ebooks", "audit", "calendar", "notices", "ledger",
             "acquis", "serials", "staff", "zones", "isbn", "marc", "search", "session", "sync", "export"]
    files = {}
    units = []
    for u in range(n_units):
        un = names[u % len(names)] + (str(u // len(names)) if u >= len(names) else "")
        units.append(un)
        body = []
        heads = []
        for p in range(per_unit):
            snip = rng.choice(PROC_SNIPPETS)
            name = f"{un.capitalize()}Op{p}"
            text = snip.format(n=name, k=rng.randint(2, 90))
            heads.append(text.split("\n")[0])
            body.append(text)
        if broken == u:
            body.append("function BrokenTotal(x: integer): integer;\nbegin\n  result := x + undefinedRate;\nend;\n")
            heads.append("function BrokenTotal(x: integer): integer;")
        files[f"src/{un}.pas"] = (f"unit {un};\n{{$mode objfpc}}{{$H+}}\ninterface\nuses sysutils, classes;\n\n"
                                  + "\n".join(heads) + "\n\nimplementation\n\n" + "\n".join(body) + "\nend.\n")
    uses = ", ".join(units)
    files["loans.pas"] = (f"program loans;\n{{$mode objfpc}}{{$H+}}\nuses {uses};\nbegin\n  writeln('loans ok');\n"
                          "end.\n")
    write_tree(root, files)
    return units


def fpc_walls(tmp: Path) -> None:
    root = tmp / "loans-wall"
    loans_units(root, 24, 9, seed=158)
    run("mkdir -p out", cwd=root)
    cap("fpc-vwnh-loans-wall", "fpc -vwnh -Fusrc -FUout loans.pas; echo EXIT=$?", root, n_fpc_hints)
    run("rm -rf out; mkdir -p out", cwd=root)
    cap("fpc-vwnh-grep-v-hint", "fpc -vwnh -Fusrc -FUout loans.pas 2>&1 | grep -v Hint", root, n_fpc_hints)
    big = tmp / "loans-big"
    loans_units(big, 56, 14, seed=1580)
    run("mkdir -p out", cwd=big)
    cap("fpc-vwnh-loans-big-wall", "fpc -vwnh -Fusrc -FUout loans.pas; echo EXIT=$?", big, n_fpc_hints)
    late = tmp / "loans-late"
    loans_units(late, 18, 8, seed=15801, broken=13)
    run("mkdir -p out", cwd=late)
    cap("fpc-vh-late-error-log-tail", "fpc -vwnh -Fusrc -FUout loans.pas > build.log 2>&1; echo EXIT=$?; "
        "tail -n 80 build.log", late, n_fpc_hints)


# ------------------------------------------------------------------ Free Pascal: FPCUnit console runner


@kind("fpcunit-plain", "test")
def n_fpcunit_plain(lines):
    """Rule 2 on FPCUnit's plain report: every failing/erroring test's line ('00.000  TestX  Failed: ...' / 'Error: EClass') and the first 'Exception:' line under it, every 'Message:' line of the lists of errors and failures, the 'Number of run tests/errors/failures' lines."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s+\d\d\.\d{3}\s+\S+\s+(Failed|Error):", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 4)):
                if lines[k].strip().startswith("Exception:"):
                    out.append(lines[k])
                    break
        if re.match(r"^\s+Message:\s", ln) or re.match(r"^Number of (run tests|errors|failures):", ln):
            out.append(ln)
    return out + status(lines)


@kind("fpcunit-xml", "test")
def n_fpcunit_xml(lines):
    """Rule 2 on FPCUnit's XML report: every <Test ... Result="Failed"/"Error"> line and its <Message>, <ExceptionClass> and <ExceptionMessage> lines, the <NumberOfRunTests>/<NumberOfErrors>/<NumberOfFailures> lines; rule 5 the <TotalElapsedTime> line."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r'<Test Name="[^"]*" Result="(Failed|Error)"', ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 5)):
                if re.search(r"<(Message|ExceptionClass|ExceptionMessage)>", lines[k]):
                    out.append(lines[k])
        if re.search(r"<(NumberOfRunTests|NumberOfErrors|NumberOfFailures|TotalElapsedTime)>", ln):
            out.append(ln)
    return out + status(lines)


LOANS_LIB = """unit loanlib;
{$mode objfpc}{$H+}
interface
uses sysutils, classes;
type
  ELoanError = class(Exception);
function FineFor(daysLate: integer; rateCents: integer): integer;
function DueDate(start: TDateTime; weeks: integer): TDateTime;
function Renewals(used, limit: integer): integer;
function ShelfCode(const isbn: string): string;
function HoldPosition(queue: TStrings; const patron: string): integer;
implementation
function FineFor(daysLate: integer; rateCents: integer): integer;
begin
  if daysLate <= 1 then exit(0);          { bug: the first late day is free }
  result := daysLate * rateCents;
  if result > 2000 then result := 2000;
end;
function DueDate(start: TDateTime; weeks: integer): TDateTime;
begin
  result := start + weeks * 7 - 1;        { bug: off by one day }
end;
function Renewals(used, limit: integer): integer;
begin
  if used > limit then raise ELoanError.CreateFmt('renewals %d over limit %d', [used, limit]);
  result := limit - used;
end;
function ShelfCode(const isbn: string): string;
begin
  result := UpperCase(Copy(isbn, 1, 3)) + '-' + Copy(isbn, 11, 3);
end;
function HoldPosition(queue: TStrings; const patron: string): integer;
begin
  result := queue.IndexOf(patron);        { bug: 0-based, the desk says 1-based }
end;
end.
"""


def loans_tests(n_classes: int, per_class: int, seed: int) -> str:
    rng = random.Random(seed)
    classes = []
    for c in range(n_classes):
        cname = f"TTest{['Fines', 'Due', 'Renew', 'Shelf', 'Holds', 'Branch', 'Patron', 'Audit'][c % 8]}{c}"
        tests = []
        for t in range(per_class):
            kind_ = rng.randrange(6)
            d, r = rng.randint(0, 40), rng.choice([10, 25, 50])
            if kind_ == 0:
                exp = 0 if d <= 0 else min(d * r, 2000)
                body = f"AssertEquals('fine {d} days at {r}', {exp}, FineFor({d}, {r}));"
            elif kind_ == 1:
                w = rng.randint(1, 6)
                body = f"AssertEquals('due after {w} weeks', 45000 + {w * 7}.0, DueDate(45000, {w}), 0.001);"
            elif kind_ == 2:
                u, lim = rng.randint(0, 6), rng.randint(2, 5)
                body = f"AssertEquals('renewals left', {max(lim - u, 0)}, Renewals({u}, {lim}));"
            elif kind_ == 3:
                body = "AssertEquals('shelf code', '978-123', ShelfCode('9781234567123'));"
            elif kind_ == 4:
                body = ("q := TStringList.Create; try q.Add('ann'); q.Add('bo'); q.Add('cy');\n"
                        "    AssertEquals('hold position of bo', 2, HoldPosition(q, 'bo')); finally q.Free; end;")
            else:
                body = f"AssertTrue('fine never negative', FineFor({d}, {r}) >= 0);"
            tests.append((f"Test{t:03d}", body))
        decl = "\n".join(f"    procedure {n};" for n, _ in tests)
        impl = "\n".join(f"procedure {cname}.{n};\nvar q: TStringList;\nbegin\n  q := nil;\n  {b}\nend;"
                         for n, b in tests)
        classes.append((cname, decl, impl))
    return ("program loantests;\n{$mode objfpc}{$H+}\nuses classes, sysutils, consoletestrunner, fpcunit, "
            "testregistry, loanlib;\ntype\n"
            + "\n".join(f"  {c} = class(TTestCase)\n  published\n{d}\n  end;" for c, d, _ in classes)
            + "\n\n" + "\n\n".join(i for _, _, i in classes)
            + "\n\nvar app: TTestRunner;\nbegin\n"
            + "".join(f"  RegisterTest({c});\n" for c, _, _ in classes)
            + "  app := TTestRunner.Create(nil);\n  app.Initialize;\n  app.Title := 'loans';\n  app.Run;\n"
              "  app.Free;\nend.\n")


def fpcunit(tmp: Path) -> None:
    root = tmp / "loans-tests"
    write_tree(root, {"loanlib.pas": LOANS_LIB, "loantests.pas": loans_tests(4, 12, seed=158),
                      "big/loanlib.pas": LOANS_LIB, "big/loantests.pas": loans_tests(8, 40, seed=1581)})
    out = run("fpc -g -gl loantests.pas 2>&1 && cd big && fpc -g -gl loantests.pas 2>&1", cwd=root, timeout=600)
    if "Fatal" in out or "Error:" in out:
        print(out[-3000:])
    cap("fpcunit-plain-all-exit", "./loantests --all --format=plain; echo EXIT=$?", root, n_fpcunit_plain)
    cap("fpcunit-plain-big-tail-120", "./loantests --all --format=plain | tail -n 120", root / "big",
        n_fpcunit_plain)
    cap("fpcunit-plain-big-suite", "./loantests --suite=TTestHolds4 --format=plain; echo EXIT=$?", root / "big",
        n_fpcunit_plain)
    cap("fpcunit-xml-all", "./loantests --all", root, n_fpcunit_xml)
    cap("fpcunit-xml-big", "./loantests -a --format=xml", root / "big", n_fpcunit_xml)

# ------------------------------------------------------------------ Vala under meson and ninja


@kind("ninja-valac", "build")
def n_ninja_valac(lines):
    """Rule 1 on ninja/meson building Vala: every valac 'error:' line, warnings (valac's and the C compiler's) one {"any"} per (message shape, file), the 'Compilation failed: N error(s), M warning(s)' line (and rule 3's 'Compilation succeeded - N warning(s)'), ninja's 'FAILED:' line, 'ninja: build stopped' line, the status line."""
    out: list = []
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+\.(?:vala|vapi|c|h)):[\d.:-]+:? (error|warning): (.*)$", ln)
        if m:
            if m.group(2) == "error":
                out.append(ln)
            else:
                pairs.append(((m.group(1), mask(m.group(3))), ln))
            continue
        if re.match(r"^(FAILED: |ninja: build stopped|Compilation (failed|succeeded)\b|error: )", ln):
            out.append(ln)
    return out + groups(pairs) + status(lines)


VALA_SNIPPETS = [
    "    public double {n} (int hour) {{\n        int spare = {k};\n        return hour * 1.5;\n    }}\n",
    "    public int {n} (int x) {{\n        return x + {k};\n        x = 0;\n    }}\n",
    "    [Version (deprecated = true, replacement = \"read_{k}\")]\n    public int {n} () {{\n        return {k};\n    }}\n"
    "    public int use_{n} () {{\n        return {n} ();\n    }}\n",
    "    public string {n} (Kind k) {{\n        switch (k) {{\n        case Kind.RAIN: return \"rain\";\n"
    "        case Kind.WIND: return \"wind\";\n        }}\n        return \"?\";\n    }}\n",
    "    public double {n} (double[] xs) {{\n        double t = 0;\n        foreach (var x in xs) t += x;\n"
    "        return t / xs.length;\n    }}\n",
    "    public void {n} () throws IOError {{\n        throw new IOError.FAILED (\"sensor {k} offline\");\n    }}\n"
    "    public void call_{n} () {{\n        {n} ();\n    }}\n",
]

VALA_ERRORS = [
    "    public double err_{k} (int hour) {{\n        return hour * 1.5 + offset_{k};\n    }}\n",
    "    public string err_{k} () {{\n        string t = reading_{k} ();\n        return t;\n    }}\n"
    "    public double reading_{k} () {{ return {k}.5; }}\n",
    "    public int err_{k} () {{\n        return Kind.HAIL;\n    }}\n",
]


def wx_tree(root: Path, n_files: int, per_file: int, seed: int, n_errors: int) -> None:
    rng = random.Random(seed)
    files = {"meson.build": "project('wxstation', 'vala', 'c')\ndeps = [dependency('glib-2.0'), "
                            "dependency('gobject-2.0'), dependency('gio-2.0')]\nexecutable('wxstation', "
                            + ", ".join(["'src/main.vala'", "'src/kind.vala'"]
                                        + [f"'src/station{i:02d}.vala'" for i in range(n_files)])
                            + ", dependencies: deps)\n",
             "src/kind.vala": "public enum Kind { RAIN, WIND, SUN, FROST }\n",
             "src/main.vala": "int main (string[] args) {\n    stdout.printf (\"wxstation\\n\");\n    return 0;\n}\n"}
    bad = set(rng.sample(range(n_files), n_errors)) if n_errors else set()
    for i in range(n_files):
        body = [rng.choice(VALA_SNIPPETS).format(n=f"probe_{p}", k=rng.randint(2, 99)) for p in range(per_file)]
        if i in bad:
            body.append(rng.choice(VALA_ERRORS).format(k=i))
        files[f"src/station{i:02d}.vala"] = (f"namespace Wx {{\npublic class Station{i:02d} : Object {{\n"
                                             + "\n".join(body) + "}\n}\n")
    write_tree(root, files)


def wxstation(tmp: Path) -> None:
    for name, n_files, per, seed, errs in [("wx-warn", 24, 7, 158, 0), ("wx-err", 14, 5, 1589, 5),
                                           ("wx-big", 60, 9, 15890, 0)]:
        root = tmp / name
        wx_tree(root, n_files, per, seed, errs)
        run("meson setup build", cwd=root, timeout=300)
    cap("ninja-valac-warnings", "ninja -C build; echo EXIT=$?", tmp / "wx-warn", n_ninja_valac, timeout=900)
    run("ninja -C build -t clean", cwd=tmp / "wx-warn")
    cap("ninja-valac-warnings-tail-40", "ninja -C build 2>&1 | tail -n 40", tmp / "wx-warn", n_ninja_valac,
        timeout=900)
    cap("ninja-valac-errors-meson-compile", "meson compile -C build; echo EXIT=$?", tmp / "wx-err", n_ninja_valac,
        timeout=900)
    cap("ninja-valac-errors-grep", "meson compile -C build 2>&1 | grep -E 'error|FAILED|failed'", tmp / "wx-err",
        n_ninja_valac, timeout=900)
    cap("ninja-valac-big-warnings", "meson compile -C build 2>&1 | grep -v 'warning: .* declared but never used'",
        tmp / "wx-big", n_ninja_valac, timeout=1200)


# ------------------------------------------------------------------ Crystal


@kind("crystal-spec-verbose", "test")
def n_crystal_spec_v(lines):
    """Rule 2 on crystal spec -v: every numbered failure header, its first 'Expected:' / exception line, every 'crystal spec file:L # name' rerun line, the 'N examples, M failures, K errors, P pending' summary; rule 5 the 'Finished in' line; the status line."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s+\d+\) \S", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 8)):
                if re.search(r"^\s+Expected\b|Expected:|\(\w+(Error|Exception)\)|^\s+\w*(Error|Exception)\b",
                             lines[k]) and "Failure/Error:" not in lines[k]:
                    out.append(lines[k])
                    break
        if re.match(r"^crystal spec \S+:\d+", ln) or re.search(r"^\d+ examples?, \d+ failures?", ln) \
                or ln.startswith("Finished in "):
            out.append(ln)
    return out + status(lines)


@kind("crystal-format-check", "lint")
def n_crystal_format(lines):
    """Rule 1 on crystal tool format --check: every line naming a badly formatted file, the closing Error:/count line, any 'Syntax error in file:L:C' line, the status line."""
    return [ln for ln in lines if re.search(r"\.cr\b|^Error|[Ss]yntax error", ln)] + status(lines)


FREIGHT = """module Freight
  ZONES = {1 => 0.8, 2 => 1.1, 3 => 1.55, 4 => 2.2}

  class UnknownZone < Exception
  end

  def self.rate(kg : Float64, zone : Int32) : Float64
    per = ZONES[zone]? || raise UnknownZone.new("zone #{zone}")
    (kg * per).round(2)
  end

  def self.volumetric(l : Int32, w : Int32, h : Int32) : Float64
    l * w * h / 5000          # bug: integer division
  end

  def self.chargeable(kg : Float64, l : Int32, w : Int32, h : Int32) : Float64
    {kg, volumetric(l, w, h)}.max
  end

  def self.fuel_surcharge(amount : Float64, pct : Int32) : Float64
    (amount * pct / 100).floor   # bug: floors the cents away
  end
end
"""


def freight_specs(n_groups: int, per_group: int, seed: int) -> str:
    rng = random.Random(seed)
    rates = {1: 0.8, 2: 1.1, 3: 1.55, 4: 2.2}
    out = ['require "spec"', 'require "../src/freight"', ""]
    for g in range(n_groups):
        lane = rng.choice(["Rotterdam", "Hamburg", "Antwerp", "Gdansk", "Le Havre", "Felixstowe", "Bilbao", "Genoa"])
        out.append(f'describe "lane {lane} #{g}" do')
        for t in range(per_group):
            kg = round(rng.uniform(0.5, 80), 1)
            c = rng.randrange(4)
            if c == 0:
                z = rng.choice([1, 2, 3, 4, 5])
                exp = round(kg * rates.get(z, 0), 2)
                out.append(f'  it "rates {kg} kg in zone {z}" do\n    Freight.rate({kg}, {z}).should eq {exp}\n  end')
            elif c == 1:
                l, w, h = rng.randint(10, 120), rng.randint(10, 80), rng.randint(5, 60)
                out.append(f'  it "volumetric weight of {l}x{w}x{h}" do\n'
                           f'    Freight.volumetric({l}, {w}, {h}).should be_close({l * w * h / 5000:.4f}, 0.01)\n  end')
            elif c == 2:
                amt, pct = round(rng.uniform(10, 900), 2), rng.choice([7, 12, 15, 18])
                out.append(f'  it "fuel surcharge {pct}% on {amt}" do\n'
                           f'    Freight.fuel_surcharge({amt}, {pct}).should be_close({amt * pct / 100:.4f}, 0.001)\n'
                           f'  end')
            else:
                out.append(f'  it "chargeable weight of {kg} kg" do\n'
                           f'    Freight.chargeable({kg}, 30, 20, 10).should be >= {kg}\n  end')
        out.append("end\n")
    return "\n".join(out)


def freight(tmp: Path) -> None:
    root = tmp / "freight"
    write_tree(root, {"src/freight.cr": FREIGHT, "spec/lanes_spec.cr": freight_specs(4, 9, seed=158),
                      "big/src/freight.cr": FREIGHT, "big/spec/lanes_spec.cr": freight_specs(16, 22, seed=1590)})
    env = {"CRYSTAL_CACHE_DIR": str(tmp / "crystal-cache")}
    cap("crystal-spec-v-lanes-exit", "crystal spec -v; echo EXIT=$?", root, n_crystal_spec_v, env=env, timeout=900)
    cap("crystal-spec-v-big", "crystal spec -v --no-color", root / "big", n_crystal_spec_v, env=env, timeout=900)
    cap("crystal-spec-v-big-tail-80", "crystal spec -v 2>&1 | tail -n 80", root / "big", n_crystal_spec_v, env=env,
        timeout=900)
    fmt = tmp / "freight-fmt"
    write_tree(fmt, {"canon/freight.cr": FREIGHT})
    run("crystal tool format canon/freight.cr", cwd=fmt, env=env)
    canon = (fmt / "canon" / "freight.cr").read_text()
    run("rm -rf canon", cwd=fmt)
    rng = random.Random(1591)
    files = {}
    for k in range(40):
        src = canon.replace("module Freight", f"module Freight{k}")
        if rng.random() < 0.4:
            src = src.replace("  def self.rate(kg : Float64, zone : Int32) : Float64",
                              "  def self.rate( kg : Float64,zone : Int32 ) : Float64")
            src = src.replace("    (kg * per).round(2)", "      (kg*per).round(2)")
        files[f"src/lane{k:02d}.cr"] = src
    write_tree(fmt, files)
    cap("crystal-format-check-exit", "crystal tool format --check src; echo EXIT=$?", fmt, n_crystal_format, env=env)
    write_tree(fmt, {"src/lane03.cr": canon.replace("  def self.volumetric", "  def self.volumetric(\n")})
    cap("crystal-format-check-syntax", "crystal tool format --check; echo EXIT=$?", fmt, n_crystal_format, env=env)


STEPS = [fpc_walls, fpcunit, wxstation, freight]
