"""Round 268, the scripts and runs: GAP, PARI/GP, Singular, Yacas, bc and dc on scripts of the round's own (some from a
seeded generator for size) with faults put in on purpose. The extractors are capture_wide268.py's (NEEDLES.md,
"Round 268"). Run through capture_wide268.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run
from capture_wide268 import (add, n_bc_results, n_dc_results, n_gap_chartable, n_gap_error, n_gap_results,
                             n_gp_elliptic, n_gp_error, n_gp_factor, n_singular_error, n_singular_groebner,
                             n_yacas_error, n_yacas_results)


def _dir(tmp: Path, name: str) -> Path:
    d = tmp / name
    d.mkdir(parents=True, exist_ok=True)
    return d


# ------------------------------------------------------------------ GAP

def _gap_orders(rng: random.Random, n: int, faults: bool) -> str:
    out = []
    for k in range(n):
        c = rng.choice(["sym", "alt", "cyc", "dih", "gl", "sl", "perm"])
        if c == "sym":
            m = rng.randint(2, 9); e = f"SymmetricGroup({m})"
        elif c == "alt":
            m = rng.randint(3, 9); e = f"AlternatingGroup({m})"
        elif c == "cyc":
            m = rng.randint(2, 5000); e = f"CyclicGroup({m})"
        elif c == "dih":
            m = 2 * rng.randint(2, 400); e = f"DihedralGroup({m})"
        elif c == "gl":
            e = f"GL({rng.randint(2, 3)},{rng.choice([2, 3, 4, 5, 7])})"
        elif c == "sl":
            e = f"SL({rng.randint(2, 3)},{rng.choice([2, 3, 5, 7, 9])})"
        elif c == "small":
            m = rng.choice([8, 12, 16, 24, 32, 48, 60, 64, 96]); e = f"SmallGroup({m},{rng.randint(1, 5)})"
        else:
            a = list(range(1, 9)); rng.shuffle(a); b = list(range(1, 9)); rng.shuffle(b)
            e = f"Group(PermList({a}), PermList({b}))"
        out.append(f'G := {e};; Print("g{k:03d} {c}: ", Size(G), " abelian=", IsAbelian(G), '
                   f'" solvable=", IsSolvableGroup(G), " exponent=", Exponent(G), "\\n");')
        if faults and k in (n // 3, 2 * n // 3):
            out.append(f'Print("h{k:03d}: ", Size(H{k}), "\\n");')
        if faults and k == n // 2:
            out.append('Print("ratio: ", Size(G) / 0, "\\n");')
    return "\n".join(out) + "\nquit;\n"


def gap(tmp: Path) -> None:
    d = _dir(tmp, "gap")
    rng = random.Random(268)
    (d / "orders.g").write_text(_gap_orders(rng, 400, False))
    (d / "orders_bad.g").write_text(_gap_orders(rng, 500, True))
    (d / "orders_small.g").write_text(_gap_orders(rng, 40, True))
    (d / "ct.g").write_text("".join(f'Display(CharacterTable({g}));\n' for g in [
        "AlternatingGroup(5)", "SymmetricGroup(4)", "SymmetricGroup(5)", "DihedralGroup(16)", "PSL(2,7)",
        "AlternatingGroup(6)", "SL(2,3)", "QuaternionGroup(8)"]) + "quit;\n")
    (d / "ct_big.g").write_text("".join(f'Display(CharacterTable({g}));\n' for g in [
        "SymmetricGroup(7)", "SymmetricGroup(6)", "AlternatingGroup(7)", "GL(2,3)", "DihedralGroup(24)"]) + "quit;\n")
    (d / "ct_bad.g").write_text('Display(CharacterTable(AlternatingGroup(7)));\nDisplay(CharacterTable(SmallGroup(24,3)));\n'
                                'Display(CharacterTable(SymmetricGroup(6)));\nt := CharacterTable(Q8);\n'
                                'Display(CharacterTable(CyclicGroup(0)));\nquit;\n')
    (d / "faults.g").write_text("""
# number-theory helpers with faults put in
Print("phi(360): ", Phi(360), "\\n");
Print("sigma(360): ", Sigma(360), "\\n");
y := x + 1;
Print("inverse mod: ", 3^-1 mod 12, "\\n");
L := [2, 3, 5, 7];
Print("fifth prime: ", L[5], "\\n");
f := function(n) local s, i; s := 0; for i in [1..n] do s := s + 1/(i - 5); od; return s; end;;
Print("harmonic: ", f(10), "\\n");
g := function(a, b) return a + b; end;;
Print("sum: ", g(1, "two"), "\\n");
Print("factors: ", Factors(2^67 - 1), "\\n");
w := [1, 2;
h := function(n) return n * undefinedname; end;;
Print("h: ", h(3), "\\n");
Print("order: ", Size(SymmetricGroup(-2)), "\\n");
Print("done\\n");
quit;
""".lstrip())
    lines = []
    for k in range(60):
        lines.append(f"a{k} := {rng.randint(2, 10**6)};; Print(\"gcd{k}: \", Gcd(a{k}, {rng.randint(2, 10**6)}), \"\\n\");")
        if k % 9 == 4:
            lines.append(f"Print(\"bad{k}: \", a{k} / (a{k} - a{k}), \"\\n\");")
        if k % 13 == 7:
            lines.append(f"Print(\"undef{k}: \", b{k} + 1, \"\\n\");")
    (d / "gcd_faults.g").write_text("\n".join(lines) + "\nquit;\n")
    for item, c, fn in [
        ("gap-orders", "gap -q orders.g </dev/null", n_gap_results),
        ("gap-orders-tail", "gap -q orders.g </dev/null | tail -n 80", n_gap_results),
        ("gap-orders-faults", "gap -q < orders_bad.g", n_gap_results),
        ("gap-orders-small", "gap -q < orders_small.g; echo EXIT=$?", n_gap_results),
        ("gap-chartables", "gap -q ct.g </dev/null", n_gap_chartable),
        ("gap-chartables-atlas", "gap -q ct_big.g </dev/null | head -n 300", n_gap_chartable),
        ("gap-chartables-bad", "gap -q < ct_bad.g; echo EXIT=$?", n_gap_chartable),
        ("gap-faults", "gap -q < faults.g; echo EXIT=$?", n_gap_error),
        ("gap-faults-grep", "gap -q < faults.g 2>&1 | grep -iE -A3 'error|warn|fail'", n_gap_error),
        ("gap-gcd-faults", "gap -q < gcd_faults.g", n_gap_error),
        ("gap-timeout", "timeout 4 gap -q -o 256m orders.g < /dev/null > /dev/null; "
                        "echo 'Print(Size(SymmetricGroup(30)), \"\\n\"); Print(Length(AllSmallGroups(1024)), \"\\n\");' "
                        "| timeout 5 gap -q; echo EXIT=$?; gap -q < faults.g 2>&1 | head -n 20", n_gap_error),
    ]:
        add(item, c, run(f"nice {c}" if not c.startswith("timeout") else c, cwd=d, timeout=120), fn)


# ------------------------------------------------------------------ PARI/GP

def gp(tmp: Path) -> None:
    d = _dir(tmp, "gp")
    rng = random.Random(2680)
    fac = []
    for k in range(600):
        n = rng.choice([rng.randint(10**6, 10**12), 2**rng.randint(30, 90) + rng.choice([-1, 1]),
                        rng.randint(10**15, 10**20)])
        fac.append(f'print("n{k:03d} = ", {n}, "  omega=", omega({n}), " bigomega=", bigomega({n}), '
                   f'" largest=", vecmax(factor({n})[,1]))')
    (d / "factor.gp").write_text("\n".join(fac) + "\nquit\n")
    mats = "\n".join(f"factor({rng.randint(10**8, 10**14)})" for _ in range(70))
    (d / "factor_mat.gp").write_text(mats + "\nfactor(0)\nfactor(\"12\")\n1/0\nquit\n")
    nt = []
    for k in range(90):
        p = rng.randint(10**5, 10**9)
        nt.append(f'print("q{k:02d}: nextprime=", nextprime({p}), " eulerphi=", eulerphi({p}), " sigma=", sigma({p}))')
        if k in (30, 60):
            nt.append(f'print("q{k:02d}b: znorder=", znorder(Mod(2, {2 * p})))')
        if k == 45:
            nt.append(f'print("q{k:02d}c: ", chinese(Mod(1, 4), Mod(2, 6)))')
    (d / "nt.gp").write_text("\n".join(nt) + "\nquit\n")
    curves = []
    for k in range(250):
        a = [rng.randint(-3, 3) for _ in range(5)]
        curves.append(f'iferr(E=ellinit({a}); if(E.disc, r=ellglobalred(E); '
                      f'print("E{k:02d} {a} conductor=", r[1], " rank=", ellanalyticrank(E)[1], " torsion=", '
                      f'elltors(E)[1], " disc=", E.disc, " j=", E.j), print("E{k:02d} {a} singular")), err, '
                      f'print("E{k:02d} {a} error: ", err))')
    (d / "ell.gp").write_text("\n".join(curves) + "\nquit\n")
    (d / "ell_small.gp").write_text("\n".join(curves[:20]) + '\nE=ellinit([0,0,0,0,0])\nellglobalred(E)\nquit\n')
    (d / "faults.gp").write_text("""
print("start")
v = vector(10, i, i^2); print("v5 = ", v[5])
print("v11 = ", v[11])
1/0
foo(3)
x = [1,2
vecsum("a")
Mod(2, 6)^-1
alarm(2, factor(2^401 - 1))
print("sqrt = ", sqrt(-1) * I)
M = matrix(2, 2, i, j, i + j); print("det = ", matdet(M)); print(M^-1)
print("done")
""".lstrip())
    (d / "stack.gp").write_text('print("fib = ", #Str(fibonacci(10^5)))\nv = vector(10^8, i, i)\nprint("after")\n'
                                'lift(Mod(3, 7)^(-1))\nprint(1/Mod(0, 7))\n' + "".join(f'print("f{i} = ", #Str(fibonacci(10^({i} % 5 + 1))))\n' for i in range(40)) + 'w = vector(10^8, i, i^2)\nprint("end")\n')
    for item, c, fn in [
        ("gp-factor", "gp -q factor.gp </dev/null", n_gp_factor),
        ("gp-factor-head", "gp -q factor.gp </dev/null | head -n 100", n_gp_factor),
        ("gp-factor-matrices", "gp -q -D colors=no < factor_mat.gp", n_gp_factor),
        ("gp-numtheory", "gp -q nt.gp </dev/null; echo EXIT=$?", n_gp_factor),
        ("gp-elliptic", "gp -q ell.gp </dev/null", n_gp_elliptic),
        ("gp-elliptic-tail", "gp -q ell.gp </dev/null | tail -n 40", n_gp_elliptic),
        ("gp-elliptic-small", "gp -q -D colors=no < ell_small.gp; echo EXIT=$?", n_gp_elliptic),
        ("gp-faults", "gp -q < faults.gp; echo EXIT=$?", n_gp_error),
        ("gp-faults-nocolor", "gp -q -D colors=no < faults.gp 2>&1 | grep -iE -B2 'error|\\*\\*\\*|warn'", n_gp_error),
        ("gp-stack", "gp -q -s 8M -D colors=no < stack.gp; echo EXIT=$?", n_gp_error),
    ]:
        add(item, c, run(f"nice {c}", cwd=d, timeout=120), fn)


# ------------------------------------------------------------------ Singular

def singular(tmp: Path) -> None:
    d = _dir(tmp, "sing")
    rng = random.Random(26800)
    vars_ = ["x", "y", "z", "w"]
    blocks = []
    for k in range(60):
        nv = rng.choice([2, 2, 3])
        vs = vars_[:nv]

        def poly():
            terms = []
            for _ in range(rng.randint(2, 3)):
                mon = "*".join(f"{v}^{rng.randint(1, 2)}" for v in rng.sample(vs, rng.randint(1, nv)))
                terms.append(f"{rng.randint(-5, 5) or 1}*{mon}")
            return " + ".join(terms) + f" + {rng.randint(-4, 4)}"
        ordr = rng.choice(["dp", "lp", "Dp"])
        gens = ", ".join(poly() for _ in range(rng.randint(2, nv)))
        blocks.append(f'ring r{k} = 32003,({",".join(vs)}),{ordr};\nideal i{k} = {gens};\n'
                      f'ideal g{k} = std(i{k});\ng{k};\n"case {k} dim: " + string(dim(g{k}));\n'
                      f'"case {k} size: " + string(size(g{k}));\n')
    (d / "gb.sing").write_text("\n".join(blocks) + "quit;\n")
    bad = list(blocks[:10])
    bad.insert(3, "int q = 1/0;\n")
    bad.insert(6, "poly p = t+1;\n")
    bad.insert(8, "ideal j = x+;\n")
    bad.insert(9, 'int s = "abc";\n')
    (d / "gb_bad.sing").write_text("\n".join(bad) + "quit;\n")
    (d / "errs.sing").write_text("""
ring r = 0,(x,y,z),dp;
ideal i = x2+y2+z2-1, xy-z, x-y+z;
ideal g = std(i); g;
"dim: " + string(dim(g));
int k = 1/0;
poly p = q+1;
ideal j = x+;
matrix m[2][2] = 1,2,3,4;
m[3][1];
list L = 1,2,3; L[7];
proc f(int n) { return(n * undefined); }
f(3);
LIB "nosuchlib.lib";
ring s = 0,(a,b),ds;
map phi = r, a, b;
"end";
quit;
""".lstrip())
    (d / "slow.sing").write_text('ring r = 0,(a,b,c,d,e,f),dp;\nideal i = cyclic(6);\n' if False else
                                 'LIB "poly.lib";\nring r = 0,(a,b,c,d,e,f,g),dp;\nideal i = cyclic(7);\n'
                                 '"start";\nideal g = std(i);\n"size: " + string(size(g));\nquit;\n')
    for item, c, fn in [
        ("singular-groebner", "Singular -q gb.sing </dev/null", n_singular_groebner),
        ("singular-groebner-tail", "Singular -q gb.sing </dev/null | tail -n 120", n_singular_groebner),
        ("singular-groebner-faults", "Singular -q gb_bad.sing </dev/null; echo EXIT=$?", n_singular_groebner),
        ("singular-errors", "Singular -q errs.sing </dev/null; echo EXIT=$?", n_singular_error),
        ("singular-errors-grep", "Singular -q errs.sing </dev/null 2>&1 | grep -E -B1 '\\?|error'", n_singular_error),
        ("singular-timeout", "timeout 4 Singular -q slow.sing </dev/null; echo EXIT=$?; Singular -q errs.sing </dev/null | head -n 25",
         n_singular_error),
    ]:
        add(item, c, run(c if c.startswith("timeout") else f"nice {c}", cwd=d, timeout=40), fn)


# ------------------------------------------------------------------ Yacas

def yacas(tmp: Path) -> None:
    d = _dir(tmp, "yacas")
    rng = random.Random(2681)
    lines = []
    for k in range(500):
        c = rng.choice(["fact", "d", "int", "expand", "gcd", "n", "simp"])
        a, b = rng.randint(2, 30), rng.randint(2, 9)
        lines.append({"fact": f"Factor({rng.randint(10**4, 10**9)});", "d": f"D(x) Sin(x^{b})*x^{a};",
                      "int": f"Integrate(x) x^{b}*Exp({a}*x);", "expand": f"Expand((x+{a})^{b});",
                      "gcd": f"Gcd({rng.randint(10**3, 10**7)}, {rng.randint(10**3, 10**7)});",
                      "n": f"N(Sqrt({a}), {b * 5});", "simp": f"Simplify((x^{b}-1)/(x-1));"}[c])
    (d / "calc.ys").write_text("\n".join(lines) + "\n")
    bad = list(lines[:50])
    bad.insert(10, "1/0;")
    bad.insert(20, "Foo(3)+;")
    bad.insert(30, "Factor(\"abc\");")
    bad.insert(40, "Sin(x;")
    (d / "calc_bad.ys").write_text("\n".join(bad) + "\n")
    (d / "errs.ys").write_text("Factorial(10);\nFactorial(-3);\n1/0;\nFoo(3)+;\nN(Sqrt(2),20);\nSin(x;\n"
                               "Solve(x^2+1==0, x);\nNth({1,2,3}, 7);\nLimit(x,0) 1/x;\nUndefinedThing(1,2);\n" + "\n".join(lines[50:70]) +
                               "\nExpand((x+1)^;\nFactor(0);\nD(3) x^2;\nIntegrate(x, 0) 1/x;\nMod(5, 0);\n")
    for item, c, fn in [
        ("yacas-calc", "yacas -pc < calc.ys", n_yacas_results),
        ("yacas-calc-tail", "yacas -pc < calc.ys | tail -n 60", n_yacas_results),
        ("yacas-calc-faults", "yacas -pc < calc_bad.ys; echo EXIT=$?", n_yacas_results),
        ("yacas-errors", "yacas -pc < errs.ys; echo EXIT=$?", n_yacas_error),
        ("yacas-file-errors", "yacas -pc errs.ys </dev/null; yacas -pc calc_bad.ys </dev/null; echo EXIT=$?", n_yacas_error),
    ]:
        add(item, c, run(f"nice {c}", cwd=d, timeout=120), fn)


# ------------------------------------------------------------------ bc and dc

def bc_dc(tmp: Path) -> None:
    d = _dir(tmp, "bc")
    rng = random.Random(2682)
    bc = ["scale=12"]
    for k in range(1500):
        a, b = rng.randint(1, 10**6), rng.randint(1, 999)
        bc.append(rng.choice([f"{a}/{b}", f"sqrt({a})", f"l({a})", f"e({b % 40})", f"{a}^{b % 7}", f"s({a})*{b}"]))
        if k in (100, 250, 700, 1300):
            bc.append(f"{a}/0")
        if k == 180:
            bc.append(f"{a} +* {b}")
    (d / "calc.bc").write_text("\n".join(bc) + "\nquit\n")
    (d / "small.bc").write_text("\n".join(bc[:60]) + "\nx = 1/0\nsqrt(-4)\nfoo(3)\n2 ^ 1.5\nquit\n")
    dc = []
    for k in range(2000):
        dc.append(f"{rng.randint(1, 10**5)} {rng.randint(1, 300)} {rng.choice('+-*/%')} p")
        if k in (80, 200, 900, 1500):
            dc.append("p +")
        if k == 150:
            dc.append(f"{rng.randint(1, 99)} 0 / p")
    (d / "calc.dc").write_text("\n".join(dc) + "\n")
    for item, c, fn in [
        ("bc-calc", "bc -l calc.bc </dev/null", n_bc_results),
        ("bc-calc-head", "bc -l calc.bc </dev/null 2>&1 | head -n 100", n_bc_results),
        ("bc-small", "bc -lq small.bc </dev/null; echo EXIT=$?", n_bc_results),
        ("dc-calc", "dc calc.dc </dev/null; echo EXIT=$?", n_dc_results),
        ("dc-calc-tail", "dc calc.dc </dev/null 2>&1 | tail -n 80", n_dc_results),
    ]:
        add(item, c, run(f"nice {c}", cwd=d, timeout=120), fn)


STEPS = [gap, gp, singular, yacas, bc_dc]
