"""Round 340, the material of a hill-farm cooperative (`hillfold`: flocks heafted to fells, ewes, lambing, fleece
weights, shearing gangs, gathers, fodder) for round 332's tools, with other faults than round 332's put in on purpose.
The extractors are round 332's, imported by module and function from capture_wide332 (NEEDLES.md, "Round 340").
Run through capture_wide340.py. Seeds 34010 and up."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide332 as w  # round 332's extractors (n_plunit, n_swipl_check, … n_gap_test)
from capture_wide340 import cap

FELLS = ["high-raise", "black-combe", "grisedale", "swirl-how", "caw-fell", "pillar", "red-pike", "yewbarrow",
         "haycock", "seatallan", "whin-rigg", "lingmell", "esk-pike", "bowfell", "crinkle", "blea-tarn"]
E = "; echo EXIT=$?"


def wt(p: Path, s: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(s)
    return p


# ------------------------------------------------------------------ SWI-Prolog


def flock_pl(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    s = [":- module(flock, [flock/3, ewes_on/2, fleece_kg/2, gang_for/2, gather_day/2]).", ""]
    for i in range(n):
        s.append(f"flock(f{i}, '{FELLS[i % len(FELLS)]}', {rnd.randint(30, 600)}).")
    s += ["", "ewes_on(Fell, N) :- aggregate_all(sum(E), flock(_, Fell, E), N).", "",
          "fleece_kg(F, Kg) :- flock(F, _, E), Kg is E * 2.3.", "",
          "gang_for(F, small_gang) :- flock(F, _, E), E < 200.", "gang_for(F, big_gang) :- flock(F, _, E), E >= 200.",
          "gang_for(_, contractor).", "",
          "gather_day(F, D) :- flock(F, Fell, _), atom_length(Fell, L), D is L mod 7.", ""]
    return "\n".join(s) + "\n"


def flock_tests(n: int, seed: int, n_bad: int, extra: bool) -> str:
    rnd = random.Random(seed)
    s = [":- use_module(flock).", ":- use_module(library(plunit)).", "", ":- begin_tests(fleece).", ""]
    bad = set(rnd.sample(range(n), n_bad))
    for i in range(n):
        if i in bad and i % 3 == 0:
            s.append(f"test(ewes_f{i}, [N == {rnd.randint(30, 600)}]) :- flock(f{i}, _, N).")
        elif i in bad and i % 3 == 1:
            s.append(f"test(fleece_f{i}, [throws(error(existence_error(flock, f{i}), _))]) :- fleece_kg(f{i}, _).")
        elif i in bad:
            s.append(f"test(gather_f{i}, [fail]) :- gather_day(f{i}, _).")
        else:
            s.append(f"test(fleece_f{i}, [true(Kg > 0)]) :- fleece_kg(f{i}, Kg).")
    s += ["", ":- end_tests(fleece).", "", ":- begin_tests(gangs).", "",
          "test(gang_det) :- gang_for(f0, _).",
          "test(gang_count, [true(L == 1)]) :- findall(G, gang_for(f1, G), Gs), length(Gs, L).",
          "test(fell_total) :- ewes_on('high-raise', N), N > 100000.",
          "test(shear_atom) :- fleece_kg(f2, Kg), atom_length(Kg, _), sub_atom(Kg, 0, 1, _, heavy)."]
    if extra:
        s += ["test(tup_dates, [nondet]) :- gather_day(f3, D), D >= 0.",
              "test(lambing, [true(R =:= 1.5)]) :- R is 3 / 2.0.",
              "test(scanning, [condition(exists_file('/no/such/scan.csv'))]) :- fail.",
              "test(dip, [error(type_error(evaluable, dip/0))]) :- X is dip + 1, X > 0.",
              "test(heaf_ok, [true(F == 'pillar')]) :- flock(f5, F, _)."]
    s += ["", ":- end_tests(gangs)."]
    return "\n".join(s) + "\n"


def gather_pl(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    s = [":- module(gather, [gather/2, route/3]).", ""]
    later = []
    for i in range(n):
        kind = rnd.choice(["ok", "ok", "undef", "split", "ok", "sys"])
        if kind == "undef":
            s.append(f"route(g{i}, Fell, Dogs) :- fell_path_{i % 6}(Fell), dogs_needed(Dogs, g{i}).")
        else:
            s.append(f"route(g{i}, Fell, Dogs) :- member(Fell, [pillar, haycock]), between(1, 4, Dogs).")
        if kind == "split":
            later.append(f"route(g{i}, bowfell, {rnd.randint(1, 5)}).")
        if kind == "sys" and not any("append(" in x for x in s):
            s.append("append(X, Y, Z) :- Z = [X|Y].")
    s += ["", "gather(G, Fells) :- setof(F, D^route(G, F, D), Fells).", ""] + later
    return "\n".join(s) + "\n"


def swipl_steps(tmp: Path) -> None:
    d = tmp / "pl"
    for tag, n, seed, bad, extra in [("small", 14, 34011, 4, False), ("coop", 150, 34012, 18, True),
                                     ("valley", 55, 34013, 8, True)]:
        sub = d / tag
        wt(sub / "flock.pl", flock_pl(n, seed))
        wt(sub / "tests.pl", flock_tests(n, seed, bad, extra))
        cap(f"plunit-{tag}", "swipl -g run_tests -t halt tests.pl" + E, sub, w.n_plunit, timeout=120)
    cap("plunit-gangs", "swipl -g 'run_tests(gangs)' -t halt tests.pl" + E, d / "valley", w.n_plunit, timeout=120)
    for tag, n, seed in [("gather", 70, 34021), ("coop", 380, 34022)]:
        sub = d / f"chk-{tag}"
        wt(sub / "gather.pl", gather_pl(n, seed))
        cap(f"check-{tag}", "swipl -q -g check -t halt gather.pl" + E, sub, w.n_swipl_check, timeout=120)
    sub = d / "chk-load"
    src = gather_pl(45, 34023) + "atom_length(fell, 4).\ndogs_needed(D, _) :- D is 2 * .\n"
    wt(sub / "gather.pl", src)
    cap("check-load", "swipl -q -l gather.pl -g halt" + E, sub, w.n_swipl_check, timeout=120)


# ------------------------------------------------------------------ Maxima test mode


def shear_mac(n: int, seed: int, n_bad: int) -> str:
    rnd = random.Random(seed)
    bad = set(rnd.sample(range(n), n_bad))
    s = []
    for i in range(n):
        a, b, c = rnd.randint(2, 9), rnd.randint(1, 9), rnd.randint(2, 6)
        off = 1 if i in bad else 0
        form = i % 5
        if form == 0:
            s.append(f"/* fleece tally {i} */\nsum(k^2, k, 1, {a + 3});\n{(a + 3) * (a + 4) * (2 * a + 7) // 6 + off};")
        elif form == 1:
            s.append(f"expand((x-{a})*(x+{b}));\nx^2+{b - a + off}*x-{a * b};")
        elif form == 2:
            s.append(f"trigsimp({c}*sin(x)^2+{c}*cos(x)^2);\n{c + off};")
        elif form == 3:
            s.append(f"ratsimp((x^2-{a * a})/(x-{a}));\nx+{a + off};")
        else:
            s.append(f"subst(t={c}, diff({a}*t^3, t));\n{3 * a * c * c + off};")
    return "\n\n".join(s) + "\n"


def maxima_steps(tmp: Path) -> None:
    d = tmp / "mx"
    for tag, n, seed, bad in [("tally", 20, 34031, 5), ("clip", 130, 34032, 12), ("season", 320, 34033, 10)]:
        wt(d / f"rtest_{tag}.mac", shear_mac(n, seed, bad))
        d2 = "" if tag == "clip" else "display2d: false$ "
        cap(f"maxima-rtest-{tag}", f"maxima --very-quiet --batch-string='{d2}batch(\"rtest_{tag}.mac\", test)$'" + E,
            d, w.n_maxima_rtest, timeout=300)
    wt(d / "rtest_gang.mac", shear_mac(24, 34034, 3) + "\nfleece_price(12);\n36;\n\n"
                                                       "taylor(exp(x), x, 0, 2);\n1+x+x^2/2;\n\n1/0;\ninf;\n")
    cap("maxima-rtest-gang", "maxima --very-quiet --batch-string='display2d: false$ batch(\"rtest_gang.mac\", test)$'" + E,
        d, w.n_maxima_rtest, timeout=300)


# ------------------------------------------------------------------ gp2c


def fleece_gp(n: int, globals_: bool, arity: bool = False, stray: bool = False) -> str:
    s = ["/* hillfold: fleece weights and shearing days */",
         "fleece(e) = 2.3 * e;",
         "days(e, g) = ceil(e / (g * 180));"]
    for i in range(n):
        s.append(f"flock{i}(e) = {{ my(f = fleece(e)); [e, f, days(e, {1 + i % 4})]; }}")
        if globals_ and i % 6 == 2:
            s.append(f"gather{i}(v) = {{ my(s = 0); for(j = 1, nmax{i % 3}, s += v[j]); s; }}")
        if arity and i % 9 == 4:
            s.append(f"clip{i}(e) = fleece(e, {i}, 1);")
        if stray and i % 10 == 6:
            s.append(f"tup{i}(e) = {{ my(x = e)); x * 2; }}")  # a stray `)`
    return "\n".join(s) + "\n"


def gp2c_steps(tmp: Path) -> None:
    d = tmp / "gp"
    # gp2c stops at a file's first error: the agent checks each variant in turn
    wt(d / "fleece_arity.gp", fleece_gp(28, False, arity=True))
    wt(d / "fleece_paren.gp", fleece_gp(28, False, stray=True))
    wt(d / "fleece_globals.gp", fleece_gp(40, True))
    wt(d / "fleece_ok.gp", fleece_gp(12, False))
    cap("gp2c-errors", 'for f in fleece_*.gp; do echo "== $f"; gp2c -W $f > ${f%.gp}.c; echo EXIT=$?; done', d,
        w.n_gp2c, timeout=120)
    wt(d / "flocks.gp", fleece_gp(50, False).replace("fleece(e) = 2.3 * e;", "fleece(e) = 2.3 * e * wool_factor;")
       + "lambs(v) = vecsum(v) / #v;\nheaf(n) = binomial(n, -1) + n!;\n")
    wt(d / "calls.gp", "\n".join(f'print("RESULT flock{i} ", flock{i}({120 + i * 17}));' for i in range(0, 50, 5))
       + '\nprint("RESULT lambs ", lambs([]));\nprint("RESULT heaf ", heaf(5));\nquit\n')
    cap("gp2c-run", "GP='gp -q' gp2c-run -g -W flocks.gp < calls.gp" + E, d, w.n_gp2c, timeout=300)
    wt(d / "coop.gp", fleece_gp(170, True))
    cap("gp2c-coop", "gp2c -W coop.gp > coop.c" + E, d, w.n_gp2c, timeout=120)


# ------------------------------------------------------------------ GLPK ranges and Clp


def fodder_mod(n_flocks: int, n_fells: int, seed: int, fault: str) -> str:
    rnd = random.Random(seed)
    flocks = [f"{FELLS[i % len(FELLS)].replace('-', '_')}_{i}" for i in range(n_flocks)]
    fells = [f"fell{j}" for j in range(n_fells)]
    s = ["set F := {" + ", ".join(f'"{f}"' for f in flocks) + "};",
         "set G := {" + ", ".join(f'"{g}"' for g in fells) + "};",
         "param need{F} >= 0;", "param graze{G} >= 0;", "param cost{F, G} >= 0;",
         "var x{F, G} >= 0, <= 400;",
         "minimize hay_cost: sum{f in F, g in G} cost[f, g] * x[f, g];",
         "s.t. fed{f in F}: sum{g in G} x[f, g] >= need[f];",
         "s.t. grass{g in G}: sum{f in F} x[f, g] <= graze[g];"]
    data = ["data;", "param need :="]
    tot_n = 0
    for f in flocks:
        v = rnd.randint(30, 250)
        tot_n += v
        data.append(f"  {f} {v}")
    data[-1] += ";"
    data.append("param graze :=")
    for g in fells:
        data.append(f"  {g} {int(tot_n / n_fells * rnd.uniform(1.2, 2.0))}")
    data[-1] += ";"
    data.append("param cost : " + " ".join(fells) + " :=")
    for f in flocks:
        data.append(f"  {f} " + " ".join(str(rnd.randint(2, 40)) for _ in fells))
    data[-1] += ";"
    data.append("end;")
    if fault == "infeasible":  # equality rows that cannot all hold: every flock fed exactly from fell0's bounded grass
        s[7] = "s.t. fed{f in F}: sum{g in G} x[f, g] = need[f];"
        s.insert(9, "s.t. home{f in F}: x[f, \"fell0\"] = need[f];")
    if fault == "unbounded":  # a free surplus variable in a maximisation
        s[5] = "var x{F, G} >= 0;\nvar surplus;"
        s[6] = "maximize margin: sum{f in F, g in G} cost[f, g] * x[f, g] - surplus;"
        s[8] = "s.t. grass{g in G}: sum{f in F} x[f, g] - surplus <= graze[g];"
    return "\n".join(s + data) + "\n"


def lp_steps(tmp: Path) -> None:
    d = tmp / "lp"
    for tag, nf, ng, seed, fault in [("ranges-small", 7, 3, 34041, ""), ("ranges-coop", 36, 6, 34042, ""),
                                     ("ranges-infeasible", 10, 3, 34043, "infeasible"),
                                     ("ranges-unbounded", 9, 3, 34044, "unbounded"), ("ranges-valley", 18, 5, 34045, "")]:
        wt(d / f"{tag}.mod", fodder_mod(nf, ng, seed, fault))
        cap(f"glpsol-{tag}", f"glpsol --math {tag}.mod --ranges {tag}.txt; cat {tag}.txt" + E, d,
            w.n_glpsol_ranges, timeout=120)
    for tag, nf, ng, seed, fault in [("clp-small", 9, 3, 34051, ""), ("clp-coop", 90, 7, 34052, ""),
                                     ("clp-infeasible", 16, 4, 34053, "infeasible"),
                                     ("clp-unbounded", 12, 3, 34054, "unbounded")]:
        wt(d / f"{tag}.mod", fodder_mod(nf, ng, seed, fault))
        w.cm.run(f"glpsol --math {tag}.mod --check --wfreemps {tag}.mps", cwd=d, timeout=60)
        sense = "-maximize " if fault == "unbounded" else ""  # free MPS carries no objective sense
        cap(tag, f"clp {tag}.mps {sense}-primalsimplex -solution $" + E, d, w.n_clp, timeout=120)
    cap("clp-barrier-coop", "clp clp-coop.mps -barrier -printingOptions all -solution $" + E, d, w.n_clp, timeout=120)
    src = (d / "clp-small.mps").read_text().split("\n")
    out = []
    for j, ln in enumerate(src):  # a hand edit gone wrong: a bound type misspelt, ENDATA lost
        if ln.startswith(" UP ") and j % 5 == 0:
            ln = " UQ " + ln[4:]
        if ln.startswith("ENDATA"):
            continue
        out.append(ln)
    wt(d / "broken.mps", "\n".join(out))
    cap("clp-broken", "clp broken.mps -solve" + E, d, w.n_clp, timeout=120)


# ------------------------------------------------------------------ gnuplot stats


def fleece_csv(n: int, seed: int, bad: int) -> str:
    rnd = random.Random(seed)
    s = ["# hillfold shearing: day,flock,ewe,fleece_kg,lambs,weight_kg"]
    badrows = set(rnd.sample(range(n), bad))
    for i in range(n):
        row = [str(i // 30), str(i % 12), str(1000 + i), f"{rnd.gauss(2.4, 0.5):.2f}", str(rnd.choice([0, 1, 1, 2, 2, 3])),
               f"{rnd.gauss(62, 8):.1f}"]
        if i in badrows:
            row[rnd.randint(3, 5)] = rnd.choice(["", "dagged", "n.r.", "tup", "0x"])
        s.append(",".join(row))
    return "\n".join(s) + "\n"


def gnuplot_steps(tmp: Path) -> None:
    d = tmp / "gp-stats"
    wt(d / "fleece.csv", fleece_csv(260, 34061, 7))
    wt(d / "season.csv", fleece_csv(2600, 34062, 30))
    wt(d / "one.gp", "set datafile separator ','\nstats 'fleece.csv' using 4 name 'F'\n"
                     "print 'RESULT fleece mean ', F_mean\nstats 'fleece.csv' using 4:6\n"
                     "print 'RESULT slope ', STATS_slope\n")
    cap("gnuplot-stats-fleece", "gnuplot one.gp" + E, d, w.n_gnuplot_stats, timeout=120)
    s = ["set datafile separator ','"]
    for c, name in [(4, "fleece"), (5, "lambs"), (6, "weight")]:
        s += [f"stats 'season.csv' using {c} name '{name}'", f"print 'RESULT {name} ', {name}_mean, {name}_max"]
    s += ["stats 'season.csv' using 5:4", "stats 'season.csv' using (log($5)):6",
          "stats 'season.csv' using 11", "print 'RESULT records ', STATS_records"]
    wt(d / "season.gp", "\n".join(s) + "\n")
    cap("gnuplot-stats-season", "gnuplot season.gp" + E, d, w.n_gnuplot_stats, timeout=120)
    wt(d / "flocks.csv", fleece_csv(5000, 34063, 45))
    wt(d / "flocks.gp", "set datafile separator ','\ndo for [f=0:11] {\n  print sprintf('== flock %d', f)\n"
                        "  stats 'flocks.csv' using ($2==f ? $4 : NaN):($2==f ? $6 : NaN)\n"
                        "  print sprintf('RESULT flock %d fleece-weight r=%.3f n=%d', f, STATS_correlation, STATS_records)\n"
                        "}\nstats 'flocks.csv' using 4:($6/0)\n")
    cap("gnuplot-stats-flocks", "gnuplot flocks.gp" + E, d, w.n_gnuplot_stats, timeout=120)
    wt(d / "bad1.gp", "stats 'fleece.csv' using 4\nprint 'RESULT ', STATS_mean\n")
    wt(d / "bad2.gp", "set datafile separator ','\nset yrange [50:70]\nstats 'fleece.csv' using 4:6\n"
                      "stats 'fleece.csv' using 4 name 'W' \nprint 'RESULT ', W_stddev, W_median\nstats [0:1] 'clip.csv'\n")
    cap("gnuplot-stats-loop", "for f in bad1.gp bad2.gp; do echo \"== $f\"; gnuplot $f; echo EXIT=$?; done", d,
        w.n_gnuplot_stats, timeout=120)


# ------------------------------------------------------------------ R


def r_tests(n: int, seed: int, faults: bool) -> str:
    s = [f"set.seed({seed})"]
    for i in range(n):
        f = FELLS[i % len(FELLS)]
        k = i % 6
        if k == 0:
            s.append(f'pre <- rnorm(10, 60, 6); post <- pre - rnorm(10, {1 + i % 3}, 2); '
                     f'print(t.test(pre, post, paired = TRUE))  # {f}')
        elif k == 1:
            s.append(f"print(var.test(rnorm(14, 2.4, 0.5), rnorm(13, 2.4, {0.4 + 0.1 * (i % 4)})))")
        elif k == 2:
            s.append(f"print(mcnemar.test(matrix(c({20 + i % 5}, {3 + i % 4}, {8 + i % 3}, 15), 2)))")
        elif k == 3:
            s.append(f"print(fisher.test(matrix(c({2 + i % 4}, 9, 7, {1 + i % 3}), 2)))")
        elif k == 4:
            s.append(f"print(poisson.test({5 + i % 7}, {10 + i % 3}, r = 0.8))")
        else:
            s.append(f"print(ks.test(round(rnorm(30, 62, 8)), 'pnorm', 62, 8))")
    if faults:
        s += ["print(var.test(c(2.1), c(2.4, 2.6, 2.2)))", "print(t.test(rep(62, 8), mu = 60))",
              "print(mcnemar.test(matrix(c(1, 0, 0, 1), 2)))", "print(binom.test(31, 30))"]
    return "\n".join(s) + "\n"


def r_nls(n: int, seed: int) -> str:
    s = [f"set.seed({seed})", "t <- 1:24"]
    for i in range(n):
        A, b, k = 60 + 5 * (i % 5), 3 + 0.5 * (i % 3), 0.25 + 0.05 * (i % 4)
        s.append(f'cat("\\n== flock {FELLS[i % len(FELLS)]}\\n")')
        if i % 2 == 0:  # Gompertz growth of lamb weight
            s.append(f"y <- {A} * exp(-{b} * exp(-{k} * t)) + rnorm(24, 0, 1.5)")
            if i % 6 == 4:
                s.append("fit <- try(nls(y ~ A * exp(-b * exp(-k * t)), start = list(A = 60, b = 300, k = 3), "
                         "trace = TRUE))")
            else:
                s.append(f"fit <- try(nls(y ~ A * exp(-b * exp(-k * t)), start = list(A = {A - 8}, b = {b + 1}, "
                         f"k = 0.2), trace = TRUE))")
        else:  # exponential decay of fleece grease
            s.append(f"y <- 40 * exp(-{k} * t) + {5 + i % 3} + rnorm(24, 0, 0.8)")
            if i % 6 == 3:
                s.append("fit <- try(nls(y ~ a * exp(-k * t) + c0, start = list(a = 40, k = 0.01, c0 = 5), "
                         "trace = TRUE, control = nls.control(maxiter = 4)))")
            else:
                s.append("fit <- try(nls(y ~ a * exp(-k * t) + c0, start = list(a = 35, k = 0.2, c0 = 4), "
                         "trace = TRUE))")
        s.append('if (!inherits(fit, "try-error")) print(summary(fit))')
    s.append("y[5] <- NA; fit <- nls(y ~ a * exp(-k * t) + c0, start = list(a = 35, k = 0.2, c0 = 4), "
             "na.action = na.fail)")
    return "\n".join(s) + "\n"


def r_steps(tmp: Path) -> None:
    d = tmp / "r"
    for tag, n, seed, faults in [("small", 6, 34071, True), ("fells", 42, 34072, False), ("coop", 170, 34073, True)]:
        wt(d / f"tests_{tag}.R", r_tests(n, seed, faults))
        cap(f"r-htest-{tag}", f"Rscript tests_{tag}.R" + E, d, w.n_r_htest, timeout=300)
    for tag, n, seed in [("few", 5, 34081), ("flocks", 18, 34082), ("coop", 46, 34083)]:
        wt(d / f"fits_{tag}.R", r_nls(n, seed))
        cap(f"r-nls-{tag}", f"Rscript fits_{tag}.R" + E, d, w.n_r_nls, timeout=300)


# ------------------------------------------------------------------ GAP


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def gap_tst(n: int, seed: int, n_bad: int) -> str:
    rnd = random.Random(seed)
    bad = set(rnd.sample(range(n), n_bad))
    s = ["# hillfold gather rota", "gap> START_TEST(\"hill.tst\");"]
    for i in range(n):
        off = 1 if i in bad else 0
        m = 3 + i % 6
        k = i % 4
        if k == 0:
            s += [f"gap> Size(DihedralGroup({2 * m}));", str(2 * m + 2 * off)]
        elif k == 1:
            a, b = rnd.randint(10, 900), rnd.randint(10, 900)
            import math
            s += [f"gap> Gcd({a}, {b});", str(math.gcd(a, b) + off)]
        elif k == 2:
            s += [f"gap> Fibonacci({m + 10});", str(fib(m + 10) + off)]
        else:
            s += [f"gap> Length([{m}..{m * 12}]);", str(m * 12 - m + 1 + off)]
    s += ["gap> STOP_TEST(\"hill.tst\");"]
    return "\n".join(s) + "\n"


def gap_steps(tmp: Path) -> None:
    d = tmp / "gap"
    for tag, n, seed, bad in [("small", 32, 34091, 4), ("rota", 100, 34092, 9), ("coop", 420, 34093, 20)]:
        wt(d / f"{tag}.tst", gap_tst(n, seed, bad))
        wt(d / f"run_{tag}.g", f'r := Test("{tag}.tst");;\nPrint("RESULT ", r, "\\n");\nQUIT;\n')
        cap(f"gap-test-{tag}", f"gap -q -b run_{tag}.g" + E, d, w.n_gap_test, timeout=300)
    wt(d / "errs.tst", gap_tst(24, 34094, 2).replace("gap> STOP_TEST", "gap> flockSize * 2;\n240\n"
                                                     "gap> flocks := [\"pillar\", \"haycock\"];;\n"
                                                     "gap> flocks[4];\n\"bowfell\"\ngap> STOP_TEST"))
    wt(d / "run_errs.g", 'r := Test("errs.tst", rec(width := 60));;\nPrint("RESULT ", r, "\\n");\nQUIT;\n')
    cap("gap-test-errors", "gap -q -b run_errs.g" + E, d, w.n_gap_test, timeout=300)


STEPS = [swipl_steps, maxima_steps, gp2c_steps, lp_steps, gnuplot_steps, r_steps, gap_steps]
