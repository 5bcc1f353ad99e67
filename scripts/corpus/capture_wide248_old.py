"""Round 248, the older languages: Algol 68 Genie on a matrix routine and a payroll (compile-time faults: undeclared
names, type mismatches; run-time faults: an index out of bounds, a division by zero deep in a recursion, shown with
`--backtrace`), GNU Modula-2 on an inventory (unknown symbols, a missing definition module, type mismatches, Debian
12's link failure without the ISO library, a range error under `-fsoft-check-all`), Icon on a text formatter
(translation errors, undeclared identifiers under `-u`, run-time errors with their traceback) and Regina REXX on a
payroll (errors with their `+++` call lines, `trace r` and `trace i`). Seeded generators for size. The extractors are
this round's (NEEDLES.md, "Round 248"). Run through capture_wide248.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import exit_lines, pick, shaped
from capture_wide248 import add

# ------------------------------------------------------------------ shared readings


def last_output(lines: list[str], stop: int, skip: str) -> list[str]:
    """The program's own last output line before line `stop` (diagnostic lines matching `skip` passed over)."""
    rx = re.compile(skip)
    for ln in reversed(lines[:stop]):
        if ln.strip() and not rx.search(ln) and not ln.startswith("EXIT="):
            return [ln]
    return []


def first_index(lines: list[str], pat: str) -> int | None:
    rx = re.compile(pat)
    return next((i for i, ln in enumerate(lines) if rx.search(ln)), None)


# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 248")

A68_MARK = re.compile(r"^\s+[\d\s-]+$")
A68_SRC = re.compile(r"^\d+\s+\S")


def a68_source_above(lines: list[str], i: int) -> str | None:
    k = i - 1
    while k >= 0 and (A68_MARK.match(lines[k]) or lines[k].startswith("a68g:")):
        k -= 1
    return lines[k] if k >= 0 and A68_SRC.match(lines[k]) else None


@kind("a68g-error", "build")
def n_a68g_error(lines):
    """Rule 1+3: every a68g: error / syntax error line with the source line printed above it, warning lines (one {"any"} per shape past 3), EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"a68g: (syntax )?error:", ln):
            out += [ln, a68_source_above(lines, i)]
    warn = pick(lines, r"a68g: warning:")
    return out + shaped(warn) + exit_lines(lines)


@kind("a68g-runtime-error", "build")
def n_a68g_runtime(lines):
    """Rule 1+5: the a68g: runtime error line and the source line above it; under Stack backtrace its heading, the innermost frame's and the outermost procedure frame's source lines; the last output line before; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if "a68g: runtime error:" in ln:
            out += [ln, a68_source_above(lines, i)]
    bt = first_index(lines, r"^Stack backtrace")
    if bt is not None:
        out.append(lines[bt])
        src = [(i, ln) for i, ln in enumerate(lines[bt + 1:], bt + 1) if A68_SRC.match(ln)]
        if src:
            out.append(src[0][1])
        proc = [i for i, ln in enumerate(lines) if ln.startswith("Procedure frame=yes")]
        if proc:
            above = [ln for j, ln in src if j < proc[-1]]
            if above:
                out.append(above[-1])
        stop = bt
    else:
        err = first_index(lines, r"a68g: runtime error:")
        stop = err if err is not None else len(lines)
        while stop > 0 and (A68_MARK.match(lines[stop - 1]) or "a68g:" in lines[stop - 1]):
            stop -= 1
        stop = max(stop - 1, 0)  # the source line itself
    out += last_output(lines, stop, r"^a68g:|^Stack|^\s*$")
    return out + exit_lines(lines)


@kind("gm2", "build")
def n_gm2(lines):
    """Rule 1+3: every error: line with its file:line:col; warning: lines one {"any"} per (shape, file); linker undefined-reference lines one {"any"} per shape; the collect2: error: line; EXIT=."""
    out: list = pick(lines, r"\berror:")
    out = [ln for ln in out if "undefined reference" not in ln]
    warn = pick(lines, r"\bwarning:")
    out += cm.groups((cm.mask(re.sub(r"^\S+?:\d+:\d+:", "", ln)) + "|" + ln.split(":", 1)[0], ln) for ln in warn)
    undef = pick(lines, r"undefined reference to")
    out += cm.groups((re.sub(r"`[^']*'", "<sym>", cm.mask(ln)), ln) for ln in undef)
    return out + exit_lines(lines)


@kind("gm2-runtime-error", "build")
def n_gm2_runtime(lines):
    """Rule 1+5: every line naming the fault (:line:col: lines, In program module / In procedure lines, out of bounds / overflow / division by zero / exception / Aborted / terminate), the last output line before; EXIT=."""
    rx = (r"^\S*:\d+:\d+:|In program module|In procedure|out of bounds|overflow|division by zero|[Ee]xception"
          r"|Aborted|terminate")
    out: list = pick(lines, rx)
    first = first_index(lines, rx)
    if first is not None:
        out += last_output(lines, first, rx)
    return out + exit_lines(lines)


@kind("icont-error", "build")
def n_icont(lines):
    """Rule 1+3: every File F; Line N # ... line, other warning lines one {"any"} per (shape, file), the N errors count line, EXIT=."""
    out: list = pick(lines, r"^File \S+; Line \d+ #")
    warn = [ln for ln in pick(lines, r"undeclared|[Ww]arning") if ln not in out]
    out += cm.groups((cm.mask(ln), ln) for ln in warn)
    out += pick(lines, r"^\d+ errors?\b|errors?$")
    return out + exit_lines(lines)


@kind("iconx-runtime-error", "build")
def n_iconx(lines):
    """Rule 1+5: the Run-time error N line, the File/Line line, the message and offending value lines, the outermost and innermost Traceback frames, the last output line before; EXIT=."""
    out: list = []
    i = first_index(lines, r"^Run-time error \d+")
    if i is None:
        return exit_lines(lines)
    out.append(lines[i])
    for ln in lines[i + 1:i + 5]:
        if ln.startswith("File ") or ln.startswith("offending value") or (ln and not ln.startswith("Traceback")):
            if ln.startswith("Traceback"):
                break
            out.append(ln)
    t = first_index(lines, r"^Traceback:")
    if t is not None:
        frames = [ln for ln in lines[t + 1:] if ln.strip() and not ln.startswith("EXIT=")]
        if frames:
            out += [frames[0], frames[-1]]
    out += last_output(lines, i, r"^Run-time error")
    return out + exit_lines(lines)


REXX_ERR = re.compile(r"^Error \d+(\.\d+)?")


@kind("regina-rexx-error", "build")
def n_rexx_error(lines):
    """Rule 1: every Error N running "F", line N: line and its Error N.M detail line, the +++ source lines above them; EXIT=."""
    out: list = pick(lines, r"^Error \d+(\.\d+)?[ :]") + pick(lines, r"^\s*\d+ \+\+\+ ")
    return out + exit_lines(lines)


@kind("regina-rexx-trace", "log")
def n_rexx_trace(lines):
    """Rule 1+5: the Error lines and +++ lines; the last *-* clause before the first error; the first and last *-* clause; the >V>/>>> lines of a variable the error line names; EXIT=."""
    out: list = pick(lines, r"^Error \d+(\.\d+)?[ :]") + pick(lines, r"^\s*\d+ \+\+\+ ")
    clauses = [(i, ln) for i, ln in enumerate(lines) if re.match(r"^\s*\d* \*-\* ", ln)]
    if clauses:
        out += [clauses[0][1], clauses[-1][1]]
    err = first_index(lines, r"^Error \d+")
    if err is not None:
        before = [ln for i, ln in clauses if i < err]
        if before:
            out.append(before[-1])
        names = set(re.findall(r"variable \"?([A-Za-z_.][\w.]*)", lines[err]))
        for ln in lines:
            if names and re.search(r">[VL>]>", ln) and any(n in ln for n in names):
                out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ Algol 68 Genie: a matrix routine and a payroll


def a68_matrix(seed: int, n: int, faults: dict[int, str]) -> str:
    rnd = random.Random(seed)
    out = ["BEGIN", "  INT dim = 6;", "  [1:dim, 1:dim] REAL m;",
           "  FOR i TO dim DO FOR j TO dim DO m[i, j] := (i * j) / (i + j) OD OD;"]
    for k in range(n):
        f = faults.get(k)
        body = [f"  PROC row sum{k} = ([,]REAL a, INT r) REAL:",
                "    BEGIN",
                "      REAL s := 0;",
                f"      FOR c FROM 2 LWB a TO 2 UPB a DO s +:= a[r, c] * {rnd.randint(1, 9)}.{rnd.randint(0, 9)} OD;"]
        if f == "undeclared":
            body.append(f"      s := s + scale{k} * 2;")
        elif f == "type":
            body.append(f'      REAL label{k} := "row{k}";')
        elif f == "int":
            body.append(f"      INT n{k} := s;")
        elif f == "bool":
            body.append(f"      IF s THEN s := 0 FI;")
        body += ["      s", "    END;"]
        out += body
    out.append("  FOR i TO dim DO print((fixed(row sum0(m, i), 10, 3), newline)) OD")
    out.append("END")
    return "\n".join(out) + "\n"


A68_TRANSPOSE = """BEGIN
  INT dim = {dim};
  [1:dim, 1:dim] REAL m;
  FOR i TO dim DO FOR j TO dim DO m[i, j] := (i * 10 + j) / 7 OD OD;
  PROC show = ([,]REAL a) VOID:
    FOR i FROM 1 LWB a TO 1 UPB a DO
      FOR j FROM 2 LWB a TO 2 UPB a DO print((fixed(a[i, j], 9, 3))) OD;
      print(newline)
    OD;
  PROC transpose = ([,]REAL a) [,]REAL:
    BEGIN
      [1:2 UPB a, 1:1 UPB a] REAL t;
      FOR i TO 1 UPB a DO FOR j TO 2 UPB a + 1 DO t[j, i] := a[i, j] OD OD;
      t
    END;
  PROC trace of = ([,]REAL a) REAL:
    BEGIN REAL s := 0; FOR i TO 1 UPB a DO s +:= a[i, i] OD; s END;
  show(m);
  print(("trace ", fixed(trace of(m), 12, 4), newline));
  show(transpose(m))
END
"""

A68_RECUR = """BEGIN
  INT depth = {depth};
  PROC weight = (INT level, REAL acc) REAL:
    BEGIN
      INT spread := depth - level - {hole};
      IF level = depth THEN acc
      ELSE
        REAL share := acc / {n_branch};
        print(("level ", whole(level, 3), " share ", fixed(share, 14, 6), " slot ", whole(100 % spread, 5), newline));
        weight(level + 1, share + level)
      FI
    END;
  print(("total ", fixed(weight(0, 1000), 14, 6), newline))
END
"""


def a68_payroll(seed: int, n: int, zero_at: int) -> str:
    rnd = random.Random(seed)
    names = [f'"{rnd.choice(["ADA", "BOB", "CY", "DEE", "EVA", "FLO", "GUS", "HAL"])}{i:03d}"' for i in range(n)]
    hours = [0 if i == zero_at else rnd.randint(20, 48) for i in range(n)]
    pay = [rnd.randint(900, 4200) for _ in range(n)]
    return f"""BEGIN
  []STRING name = ({", ".join(names)});
  []INT hours = ({", ".join(map(str, hours))});
  []INT gross = ({", ".join(map(str, pay))});
  INT total := 0;
  FOR e TO UPB name DO
    INT rate = gross[e] % hours[e];
    total +:= gross[e];
    print((name[e], "  hours ", whole(hours[e], 3), "  gross ", whole(gross[e], 6), "  rate ", whole(rate, 5), newline))
  OD;
  print(("payroll total ", whole(total, 9), newline))
END
"""


def a68(tmp: Path) -> None:
    d = tmp / "a68"
    rnd = random.Random(2481)
    faults = {k: rnd.choice(["undeclared", "type", "int", "bool"]) for k in rnd.sample(range(220), 70)}
    cm.write_tree(d, {
        "matrix.a68": a68_matrix(2482, 220, faults),
        "rowsum.a68": a68_matrix(2483, 30, {4: "undeclared", 11: "int", 19: "type"}),
        "transpose.a68": A68_TRANSPOSE.format(dim=9),
        "weights.a68": A68_RECUR.format(depth=60, hole=8, n_branch=3),
        "weights_small.a68": A68_RECUR.format(depth=20, hole=5, n_branch=2),
        "payroll.a68": a68_payroll(2484, 420, 377),
        **{f"src/rowsum{k}.a68": a68_matrix(2470 + k, 12 + 4 * k,
                                          {j: rnd.choice(["undeclared", "type", "int", "bool"])
                                           for j in rnd.sample(range(12 + 4 * k), 2 + k % 4)}) for k in range(9)},
    })

    def go(item, cmd, ext):
        add(item, cmd, run(f"nice {cmd}" if not cmd.startswith("for") else cmd, cwd=d, timeout=120), ext)

    go("a68g-error-matrix", "a68g matrix.a68; echo EXIT=$?", n_a68g_error)
    go("a68g-error-rowsum-pedantic", "a68g --pedantic rowsum.a68", n_a68g_error)
    go("a68g-error-src-loop", 'for f in src/*.a68; do echo "== $f"; a68g $f; done 2>&1', n_a68g_error)
    go("a68g-runtime-transpose", "a68g --backtrace transpose.a68; echo EXIT=$?", n_a68g_runtime)
    go("a68g-runtime-weights-backtrace", "a68g --backtrace weights.a68", n_a68g_runtime)
    go("a68g-runtime-weights-tail", "a68g --backtrace weights_small.a68 2>&1 | tail -n 80", n_a68g_runtime)
    go("a68g-runtime-payroll", "a68g payroll.a68; echo EXIT=$?", n_a68g_runtime)


# ------------------------------------------------------------------ GNU Modula-2: an inventory

M2_LIB = "-L/usr/lib/gcc/x86_64-linux-gnu/12/m2/m2iso -lm2iso"


def m2_module(name: str, seed: int, n: int, faults: set[str]) -> str:
    rnd = random.Random(seed)
    imports = ["FROM StrIO IMPORT WriteString, WriteLn;", "FROM NumberIO IMPORT WriteCard;"]
    if "missing" in faults:
        imports.append("FROM StockLedger IMPORT Post;")
    out = [f"MODULE {name};"] + imports
    out += ["CONST Slots = 8;", "TYPE Item = RECORD sku, qty, price: CARDINAL END;",
            "VAR stock: ARRAY [0..Slots-1] OF Item; i, total: CARDINAL; ratio: REAL;"]
    for k in range(n):
        body = [f"PROCEDURE Restock{k}(VAR it: Item; n: CARDINAL);", "VAR extra: CARDINAL;", "BEGIN",
                f"  extra := n * {rnd.randint(2, 9)};", "  it.qty := it.qty + extra;"]
        if "unknown" in faults and k % 3 == 1:
            body.append(f"  reorder{k} := it.qty;")
        if "type" in faults and k % 4 == 2:
            body.append(f"  ratio := it.qty;")
        if "call" in faults and k % 5 == 3:
            body.append(f"  WriteCard(it, 6);")
        body.append(f"END Restock{k};")
        out += body
    out += ["BEGIN", "  total := 0;", "  FOR i := 0 TO Slots - 1 DO",
            "    stock[i].sku := 1000 + i; stock[i].qty := i * 3; stock[i].price := 250 + i * 17;",
            "    Restock0(stock[i], i);", "    total := total + stock[i].qty * stock[i].price", "  END;",
            "  WriteString('total value '); WriteCard(total, 10); WriteLn", f"END {name}."]
    return "\n".join(out) + "\n"


M2_RANGE = """MODULE Shelves;
FROM StrIO IMPORT WriteString, WriteLn;
FROM NumberIO IMPORT WriteCard;
CONST Rows = {rows};
VAR bin: ARRAY [1..Rows] OF CARDINAL; r, k, load: CARDINAL;

PROCEDURE Fill(row: CARDINAL; amount: CARDINAL);
BEGIN
  bin[row] := bin[row] + amount
END Fill;

BEGIN
  FOR r := 1 TO Rows DO bin[r] := 0 END;
  FOR k := 1 TO {loops} DO
    r := (k * 7) MOD Rows + 1;
    Fill(r, k);
    WriteString('shelf '); WriteCard(r, 3); WriteString(' load '); WriteCard(bin[r], 7); WriteLn
  END;
  load := 0;
  FOR r := 1 TO Rows + 1 DO
    load := load + bin[r];
    WriteString('running load '); WriteCard(load, 8); WriteLn
  END
END Shelves.
"""

M2_DIV = """MODULE Ratio;
FROM StrIO IMPORT WriteString, WriteLn;
FROM NumberIO IMPORT WriteCard;
VAR k, units, per: CARDINAL;
BEGIN
  FOR k := 1 TO {n} DO
    units := {n} - k;
    per := 100000 DIV units;
    WriteString('batch '); WriteCard(k, 4); WriteString(' per unit '); WriteCard(per, 8); WriteLn
  END
END Ratio.
"""


def gm2(tmp: Path) -> None:
    d = tmp / "gm2"
    files = {"Inventory.mod": m2_module("Inventory", 2485, 40, {"unknown", "type", "call"}),
             "Shelves.mod": M2_RANGE.format(rows=24, loops=160),
             "Ratio.mod": M2_DIV.format(n=120)}
    for j, f in enumerate([{"unknown"}, {"type"}, {"missing"}, {"call", "type"}, set(), {"unknown", "call"},
                           {"missing", "unknown"}, {"type", "unknown", "call"}]):
        files[f"src/Store{j}.mod"] = m2_module(f"Store{j}", 2490 + j, 12 + 3 * j, f)
    cm.write_tree(d, files)

    def go(item, cmd, ext, timeout=240):
        add(item, cmd, run(cmd, cwd=d, timeout=timeout), ext)

    go("gm2-inventory", "nice gm2 -c Inventory.mod; echo EXIT=$?", n_gm2)
    go("gm2-stores-loop", "for m in src/Store*.mod; do nice gm2 -c -o /dev/null $m; done 2>&1 | head -n 100", n_gm2)
    go("gm2-shelves-link", "nice gm2 -g Shelves.mod -o shelves; echo EXIT=$?", n_gm2)
    run(f"nice gm2 -g -fsoft-check-all Shelves.mod -o shelves {M2_LIB}", cwd=d, timeout=240)
    run(f"nice gm2 -g -fsoft-check-all Ratio.mod -o ratio {M2_LIB}", cwd=d, timeout=240)
    go("gm2-runtime-shelves", "./shelves; echo EXIT=$?", n_gm2_runtime)
    go("gm2-runtime-ratio", "./ratio; echo EXIT=$?", n_gm2_runtime)


# ------------------------------------------------------------------ Icon: a text formatter

ICON_FMT = r"""procedure main(args)
   local text, lines, width
   width := 28
   text := ""
   every text ||:= !words() || " "
   lines := wrap(text, width)
   every i := 1 to *lines do write(right(i, 4), ": ", justify(lines[i], width))
   write("longest word: ", longest(lines))
   write("hyphen points: ", hyphens(lines, {depth}))
end

procedure words()
   local L, seed
   L := []
   seed := {seed}
   every 1 to {nwords} do {
      seed := (seed * 1103515245 + 12345) % 2147483648
      put(L, ["alpha", "beta", "gamma", "delta", "ledger", "matrix", "payroll", "quantum", "zephyr"][seed % 9 + 1])
   }
   return L
end

procedure wrap(s, w)
   local out, line, word
   out := []
   line := ""
   s ? while tab(upto(&letters)) do {
      word := tab(many(&letters))
      if *line + *word > w then { put(out, line); line := "" }
      line ||:= word || " "
   }
   put(out, line)
   return out
end

procedure justify(line, w)
   local gaps
   gaps := w - *trim(line)
   return trim(line) || repl(".", gaps)
end

procedure longest(lines)
   local best
   best := ""
   every l := !lines do l ? while tab(upto(&letters)) do {
      w := tab(many(&letters))
      if *w > *best then best := w
   }
   return best
end

procedure hyphens(lines, n)
   if n = 0 then return lines[1] + 1
   return hyphens(lines, n - 1) + 1
end
"""


def icon_bad(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        fault = rnd.choice(["paren", "end", "brace", "op", "none", "none", "assign"])
        out.append(f"procedure col{k}(s, w)")
        out.append("   local r")
        if fault == "paren":
            out.append(f'   r := left(s, w || "|"')
        elif fault == "brace":
            out.append("   if *s > w then { r := s[1:w]")
        elif fault == "op":
            out.append("   r := s || * w")
        elif fault == "assign":
            out.append("   3 := r")
        else:
            out.append("   r := left(s, w)")
        out.append("   return r")
        if fault != "end":
            out.append("end")
    out += ["procedure main()", '   write(col0("abc", 5))', "end"]
    return "\n".join(out) + "\n"


def icon_undeclared(seed: int, n: int) -> str:
    """A valid formatter library whose procedures leave their locals undeclared (icont -u names each one)."""
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        v = rnd.sample(["acc", "col", "pad", "width", "cut", "gap", "mark", "tally"], 3)
        out += [f"procedure pad{k}(s)", f"   {v[0]} := *s", f"   {v[1]} := {v[0]} + {k % 7}",
                f"   every {v[2]} := 1 to {v[1]} do s ||:= \" \"", "   return s", "end"]
    out += ["procedure main()", "   every k := 1 to 5 do write(pad0(\"x\"), k)", "end"]
    return "\n".join(out) + "\n"


def icon(tmp: Path) -> None:
    d = tmp / "icon"
    cm.write_tree(d, {
        "fmt.icn": ICON_FMT.replace("{depth}", "40").replace("{seed}", "2486").replace("{nwords}", "900"),
        "fmt_small.icn": ICON_FMT.replace("{depth}", "6").replace("{seed}", "2487").replace("{nwords}", "120"),
        "columns.icn": icon_bad(2488, 160),
        "columns_small.icn": icon_bad(2489, 25),
        "padlib.icn": icon_undeclared(2490, 140),
        **{f"src/col{k}.icn": icon_bad(2600 + k, 8 + 3 * k) for k in range(12)},
    })

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=120), ext)

    go("icont-src-loop", "for f in src/col*.icn; do icont -s $f; done; echo EXIT=$?", n_icont)
    go("icont-columns-small", "icont columns_small.icn 2>&1 | head -n 100", n_icont)
    go("icont-padlib-undeclared", "icont -u padlib.icn; echo EXIT=$?", n_icont)
    go("icont-padlib-undeclared-grep", "icont -u padlib.icn 2>&1 | grep -v 'procedure pad1' | tail -n 80", n_icont)
    run("icont -s -o fmt fmt.icn", cwd=d)
    run("icont -s -o fmt_small fmt_small.icn", cwd=d)
    go("iconx-runtime-fmt", "./fmt; echo EXIT=$?", n_iconx)
    go("iconx-runtime-fmt-tail", "./fmt 2>&1 | tail -n 60", n_iconx)
    go("iconx-runtime-fmt-small", "./fmt_small", n_iconx)


# ------------------------------------------------------------------ Regina REXX: a payroll

REXX_PAYROLL = """/* payroll: weekly run */
n = {n}
seed = {seed}
total = 0
do e = 1 to n
  seed = (seed * 75 + 74) // 65537
  hours.e = 1 + seed // 45
  if e = {zero_at} then hours.e = 0
  gross.e = 400 + seed // 3000
  name.e = 'EMP' || right(e, 4, '0')
end
do e = 1 to n
  rate = hourly(gross.e, hours.e)
  total = total + gross.e
  say left(name.e, 10) right(hours.e, 3) right(gross.e, 6) format(rate, 5, 2)
end
say 'total' total
exit 0

hourly: procedure
  parse arg g, h
  return ratio(g, h)

ratio: procedure
  parse arg a, b
  return a / b
"""

REXX_SYNTAX = """/* config loader */
parse arg file
count = 0
do i = 1 to 5
  key.i = 'opt' || i
  val.i = i * 3
  count = count + 1
end
say 'loaded' count 'options
if count > 3 then do
  say 'many'
end
"""

REXX_TRACE = """/* inventory reorder under trace */
trace {mode}
stock = 0
do k = 1 to {n}
  stock = stock + k // 7
  if stock > {limit} then stock = stock - {limit}
  reorder = (k // 5 = 0)
end
say 'stock' stock
level = 'low' + stock
say level
"""


def rexx(tmp: Path) -> None:
    d = tmp / "rexx"
    cm.write_tree(d, {
        "payroll.rexx": REXX_PAYROLL.format(n=600, seed=2491, zero_at=541),
        "payroll_small.rexx": REXX_PAYROLL.format(n=40, seed=2492, zero_at=33),
        "loader.rexx": REXX_SYNTAX,
        "reorder.rexx": REXX_TRACE.format(mode="r", n=120, limit=40),
        "reorder_i.rexx": REXX_TRACE.format(mode="i", n=60, limit=25),
    })

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=120), ext)

    go("regina-rexx-payroll", "rexx ./payroll.rexx; echo EXIT=$?", n_rexx_error)
    go("regina-rexx-payroll-small", "rexx ./payroll_small.rexx", n_rexx_error)
    go("regina-rexx-loader-payroll", "rexx ./loader.rexx settings.cfg; rexx ./payroll_small.rexx | tail -n 12",
       n_rexx_error)
    go("regina-rexx-trace-r", "rexx ./reorder.rexx; echo EXIT=$?", n_rexx_trace)
    go("regina-rexx-trace-i-tail", "rexx ./reorder_i.rexx 2>&1 | tail -n 120", n_rexx_trace)


STEPS = [a68, gm2, icon, rexx]
