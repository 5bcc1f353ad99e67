"""Round 272, second samples of round 248's kinds: Algol 68 Genie, GNU Modula-2, Icon, Regina REXX, Jsonnet, bwBASIC,
yabasic and GnuCOBOL on programs of this round's own (a parts inventory sorted and binned, a histogram, a word counter,
an invoice run, a rota generator) and on programs made by round 248's generators at this round's seeds, sizes and
faults. Every extractor is round 248's, imported (NEEDLES.md, "Round 272"). Run through capture_wide272.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide248_conf import (JSONNET_LIB, JSONNET_MAIN, basic_payroll, cobol_payroll, jsonnet_services,
                                  n_bwbasic, n_cobc_listing, n_jsonnet_error, n_jsonnet_manifest, n_libcob,
                                  n_libcob_trace, n_yabasic)
from capture_wide248_old import (M2_LIB, a68_matrix, icon_bad, m2_module, n_a68g_error, n_a68g_runtime, n_gm2,
                                 n_gm2_runtime, n_icont, n_iconx, n_rexx_error, n_rexx_trace)
from capture_wide272 import add

# ------------------------------------------------------------------ Algol 68 Genie: a parts inventory

A68_SORT = """BEGIN
  INT n = {n};
  [1:n] INT qty;
  INT seed := {seed};
  FOR i TO n DO seed := (seed * 75 + 74) MOD 65537; qty[i] := seed MOD 500 OD;
  PROC sort = (REF [] INT a) VOID:
    FOR i FROM LWB a TO UPB a DO
      FOR j FROM LWB a TO UPB a - i DO
        IF a[j] > a[j + 1] THEN INT t = a[j]; a[j] := a[j + 1]; a[j + 1] := t FI
      OD
    OD;
  PROC bin = (INT q) INT: q OVER {width} + 1;
  [1:{bins}] INT count;
  FOR b TO {bins} DO count[b] := 0 OD;
  FOR i TO n DO
    print(("part ", whole(i, 4), " qty ", whole(qty[i], 4), " bin ", whole(bin(qty[i]), 3), newline));
    count[bin(qty[i])] +:= 1
  OD;
  sort(qty);
  FOR b TO {bins} DO print(("bin ", whole(b, 3), " holds ", whole(count[b], 4), newline)) OD
END
"""

A68_STATS = """BEGIN
  PROC mean = ([] REAL xs) REAL:
    BEGIN REAL s := 0; FOR i FROM LWB xs TO UPB xs DO s +:= xs[i] OD; s / (UPB xs - LWB xs + 1) END;
  PROC spread = ([] REAL xs, INT k) REAL:
    IF k = 0 THEN 0 ELSE mean(xs) / (k - {hole}) + spread(xs, k - 1) FI;
  [1:{n}] REAL xs;
  FOR i TO {n} DO xs[i] := i * 1.5; print(("x", whole(i, 4), " = ", fixed(xs[i], 9, 2), newline)) OD;
  INT ks := {k};
  print(("spread ", fixed(spread(xs, ks), 14, 5), newline))
END
"""


def a68(tmp: Path) -> None:
    d = tmp / "a68"
    rnd = random.Random(2721)
    faults = {k: rnd.choice(["undeclared", "type", "int", "bool"]) for k in rnd.sample(range(150), 45)}
    cm.write_tree(d, {
        "bins.a68": a68_matrix(2722, 150, faults),
        "bins_small.a68": a68_matrix(2723, 24, {3: "bool", 9: "type", 17: "int", 20: "undeclared"}),
        "parts.a68": A68_SORT.format(n=260, seed=2724, width=40, bins=12),
        "stats.a68": A68_STATS.format(n=300, hole=7, k=40),
    })

    def go(item, cmd, ext):
        add(item, cmd, run(f"nice {cmd}", cwd=d, timeout=120), ext)

    go("a68g-error-bins-tail", "a68g bins.a68 2>&1 | tail -n 120", n_a68g_error)
    go("a68g-error-bins-small", "a68g --pedantic bins_small.a68; echo EXIT=$?", n_a68g_error)
    go("a68g-runtime-parts", "a68g --backtrace parts.a68; echo EXIT=$?", n_a68g_runtime)
    go("a68g-runtime-stats-tail", "a68g --backtrace stats.a68 2>&1 | tail -n 90", n_a68g_runtime)


# ------------------------------------------------------------------ GNU Modula-2: a histogram

M2_HIST = """MODULE Hist;
FROM StrIO IMPORT WriteString, WriteLn;
FROM NumberIO IMPORT WriteCard;
CONST Buckets = {buckets};
VAR counts: ARRAY [0..Buckets-1] OF CARDINAL;
    i, v, seed: CARDINAL;
BEGIN
  seed := {seed};
  FOR i := 0 TO Buckets-1 DO counts[i] := 0 END;
  FOR i := 1 TO {n} DO
    seed := (seed * 75 + 74) MOD 65537;
    v := seed MOD Buckets;
    IF i = {bad} THEN v := Buckets + {over} END;
    WriteString("sample "); WriteCard(i, 5); WriteString(" value "); WriteCard(v, 4); WriteLn;
    INC(counts[v])
  END;
  FOR i := 0 TO Buckets-1 DO WriteString("bucket "); WriteCard(i, 3); WriteCard(counts[i], 6); WriteLn END
END Hist.
"""


def gm2(tmp: Path) -> None:
    d = tmp / "gm2"
    files = {"Parts.mod": m2_module("Parts", 2725, 60, {"unknown", "type", "call"}),
             "Hist.mod": M2_HIST.format(buckets=16, seed=2726, n=400, over=3, bad=371)}
    for j, f in enumerate([{"call"}, {"unknown", "type"}, {"missing", "call"}, {"type"}, {"unknown"}, set()]):
        files[f"lib/Bin{j}.mod"] = m2_module(f"Bin{j}", 2730 + j, 10 + 4 * j, f)
    cm.write_tree(d, files)

    def go(item, cmd, ext, timeout=240):
        add(item, cmd, run(cmd, cwd=d, timeout=timeout), ext)

    go("gm2-parts", "nice gm2 -c Parts.mod 2>&1 | head -n 100; echo EXIT=$?", n_gm2)
    go("gm2-bins-loop", "for m in lib/Bin*.mod; do echo \"== $m\"; nice gm2 -c -o /dev/null $m; done 2>&1", n_gm2)
    run(f"nice gm2 -g -fsoft-check-all Hist.mod -o hist {M2_LIB}", cwd=d, timeout=240)
    go("gm2-runtime-hist", "./hist; echo EXIT=$?", n_gm2_runtime)


# ------------------------------------------------------------------ Icon: a word counter

ICON_COUNT = r"""procedure main()
   local t, w, k, seed, words, order
   t := table(0)
   seed := {seed}
   words := ["alder", "birch", "cedar", "damson", "elm", "fir", "gorse", "hazel", "ivy", "juniper"]
   every k := 1 to {n} do {
      seed := (seed * 75 + 74) % 65537
      w := words[seed % *words + 1]
      t[w] +:= 1
      write("token ", right(k, 5), " ", w, " running ", t[w])
   }
   order := sort(t, 2)
   every k := 1 to *order do
      write(left(order[k][1], 10), right(order[k][2], 6), right(1000 / (k - {over}), 6))
end
"""


def icon(tmp: Path) -> None:
    d = tmp / "icon"
    cm.write_tree(d, {
        "count.icn": ICON_COUNT.replace("{seed}", "2727").replace("{n}", "700").replace("{over}", "7"),
        "count_small.icn": ICON_COUNT.replace("{seed}", "2728").replace("{n}", "40").replace("{over}", "4"),
        **{f"src/wrap{k}.icn": icon_bad(2740 + k, 10 + 4 * k) for k in range(10)},
    })

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=120), ext)

    go("icont-wrap-loop", 'for f in src/wrap*.icn; do echo "== $f"; icont -s $f; done 2>&1', n_icont)
    run("icont -s -o count count.icn && icont -s -o count_small count_small.icn", cwd=d)
    go("iconx-runtime-count-tail", "./count 2>&1 | tail -n 70", n_iconx)
    go("iconx-runtime-count-small", "./count_small; echo EXIT=$?", n_iconx)


# ------------------------------------------------------------------ Regina REXX: an invoice run

REXX_INVOICE = """/* invoice run */
n = {n}
seed = {seed}
do i = 1 to n
  seed = (seed * 75 + 74) // 65537
  qty.i = 1 + seed // 12
  price.i = 5 + seed // 90
  if i = {bad_at} then price.i = 'n/a'
end
sum = 0
do i = 1 to n
  line = qty.i * price.i
  sum = sum + line
  say 'INV' || right(i, 5, '0') right(qty.i, 3) right(price.i, 5) right(line, 7)
end
say 'invoice total' sum
"""

REXX_ROTA = """/* rota generator under trace */
trace {mode}
staff = 'ann bo cal dee eli'
slot = 0
do day = 1 to {days}
  who = word(staff, 1 + day // words(staff))
  slot = slot + length(who)
  if slot > {cap} then slot = slot - {cap}
end
say 'last' who slot
call shift who, slot
exit
shift: procedure
  parse arg name, s
  return name + s
"""


def rexx(tmp: Path) -> None:
    d = tmp / "rexx"
    cm.write_tree(d, {
        "invoice.rexx": REXX_INVOICE.format(n=420, seed=2729, bad_at=388),
        "invoice_small.rexx": REXX_INVOICE.format(n=30, seed=2730, bad_at=21),
        "rota.rexx": REXX_ROTA.format(mode="r", days=70, cap=18),
        "rota_i.rexx": REXX_ROTA.format(mode="i", days=40, cap=11),
    })

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=120), ext)

    go("regina-rexx-invoice-tail", "rexx ./invoice.rexx 2>&1 | tail -n 100; echo EXIT=$?", n_rexx_error)
    go("regina-rexx-invoice-small", "rexx ./invoice_small.rexx", n_rexx_error)
    go("regina-rexx-trace-rota", "rexx ./rota.rexx; echo EXIT=$?", n_rexx_trace)
    go("regina-rexx-trace-rota-i-head", "rexx ./rota_i.rexx 2>&1 | head -n 150", n_rexx_trace)


# ------------------------------------------------------------------ Jsonnet: a rota of services per region

JSONNET_REGIONS = """local lib = import 'lib.libsonnet';
local svcs = import 'svcs.json';
local regions = ['ap-1', 'ap-2', 'us-3'];
{
  [r]: {
    services: [{ name: s.name, host: lib.host(s, r), port: lib.port(s) + {shift}, replicas: lib.replicas(s, 1500) }
               for s in svcs if s.tier != 'batch'],
    budget: std.parseInt({budget}),
  }
  for r in regions
}
"""


def jsonnet(tmp: Path) -> None:
    d = tmp / "jsonnet"
    cm.write_tree(d, {
        "lib.libsonnet": JSONNET_LIB,
        "svcs.json": jsonnet_services(2731, 120, {}),
        "svcs_bad.json": jsonnet_services(2732, 90, {66: "nocap"}),
        "regions.jsonnet": JSONNET_REGIONS.replace("{shift}", "100").replace("{budget}", "'4000'"),
        "regions_bad.jsonnet": JSONNET_REGIONS.replace("{shift}", "'100'").replace("{budget}", "'4k'"),
        "fleet.jsonnet": JSONNET_MAIN.format(data="svcs.json", zone="ap-1", load=3100, extra=""),
        "fleet_bad.jsonnet": JSONNET_MAIN.format(data="svcs_bad.json", zone="ap-2", load=3100, extra=""),
    })

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=120), ext)

    go("jsonnet-error-regions", "jsonnet regions_bad.jsonnet; echo EXIT=$?", n_jsonnet_error)
    go("jsonnet-error-fleet", "jsonnet fleet_bad.jsonnet 2>&1 | head -n 40", n_jsonnet_error)
    go("jsonnet-manifest-regions", "jsonnet regions.jsonnet", n_jsonnet_manifest)
    go("jsonnet-manifest-fleet-tail", "jsonnet fleet.jsonnet | tail -n 150", n_jsonnet_manifest)


# ------------------------------------------------------------------ bwBASIC and yabasic

YAB_INVENTORY = """// stock levels by shelf
n = {n}
dim stock(n)
seed = {seed}
for i = 1 to n
  seed = mod(seed * 75 + 74, 65537)
  stock(i) = mod(seed, 80)
next i
total = 0
for i = 1 to n + {over}
  total = total + stock(i)
  print "shelf ", i, " stock ", stock(i), " running ", total
next i
print "total ", total
"""


def basic(tmp: Path) -> None:
    d = tmp / "basic"
    cm.write_tree(d, {
        "wages.bas": basic_payroll(2733, 320, "dim"),
        "wages_zero.bas": basic_payroll(2734, 90, "zero"),
        "stock.yab": YAB_INVENTORY.format(n=300, seed=2735, over=2),
    })

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=60), ext)

    go("bwbasic-wages-tail", "bwbasic wages.bas </dev/null 2>&1 | tail -n 80", n_bwbasic)
    go("bwbasic-wages-zero", "bwbasic wages_zero.bas </dev/null; echo EXIT=$?", n_bwbasic)
    go("yabasic-stock", "yabasic stock.yab; echo EXIT=$?", n_yabasic)


# ------------------------------------------------------------------ GnuCOBOL: a payrun at other sizes


def cobol(tmp: Path) -> None:
    d = tmp / "cobol"
    cm.write_tree(d, {
        "wages.cob": cobol_payroll(2737, 180, 30, 30),
        "wages_over.cob": cobol_payroll(2738, 45, 25, 38),
    })

    def go(item, cmd, ext, env=None):
        add(item, cmd, run(cmd, cwd=d, timeout=180, env=env), ext)

    go("cobc-listing-wages-head", "cobc -fsyntax-only -t - -Xref wages.cob | head -n 200", n_cobc_listing)
    run("nice cobc -x -debug wages_over.cob", cwd=d, timeout=240)
    run("nice cobc -x -ftraceall -debug -o wages_trace wages_over.cob", cwd=d, timeout=240)
    go("libcob-runtime-wages-over", "./wages_over 2>&1 | tail -n 30; echo EXIT=$?", n_libcob)
    go("libcob-trace-wages", "COB_SET_TRACE=Y ./wages_trace 2>&1 | head -n 200", n_libcob_trace)


STEPS = [a68, gm2, icon, rexx, jsonnet, basic, cobol]
