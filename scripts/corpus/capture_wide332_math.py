"""Round 332, the material of a seaweed farm (`kelpline`: longline plots, harvest yields, drying racks, boat rota,
nutrient samples) for mathematical, statistical and optimisation tools from Debian 12, with faults put in on purpose:
plunit suites with failing tests, Prolog files with singletons and undefined predicates, Maxima test files with wrong
expected results, gp2c scripts with errors, LP/MIP models (infeasible, unbounded), gnuplot stats on data with bad
rows, R hypothesis tests and nls fits that do not converge, GAP test files with wrong outputs. The extractors are
capture_wide332.py's (NEEDLES.md, "Round 332"). Run through capture_wide332.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_wide332 import cap
import capture_wide332 as w

PLOTS = ["north-reef", "south-reef", "mussel-gap", "deep-line", "shallows", "skerry", "inlet", "sound",
         "headland", "cove", "bar", "channel", "point", "wrack-bay", "sealoch", "narrows"]
E = "; echo EXIT=$?"


def wt(p: Path, s: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(s)
    return p


# ------------------------------------------------------------------ SWI-Prolog


def kelp_pl(n_plots: int, seed: int) -> str:
    rnd = random.Random(seed)
    s = [":- module(kelp, [yield_kg/2, dry_weight/2, boat_for/2, rack_space/2, plot/3]).", ""]
    for i in range(n_plots):
        s.append(f"plot(p{i}, '{PLOTS[i % len(PLOTS)]}-{i}', {rnd.randint(40, 400)}).")
    s += ["", "yield_kg(P, Kg) :- plot(P, _, Metres), Kg is Metres * 3.", "",
          "dry_weight(Wet, Dry) :- Wet > 0, Dry is Wet / 8.", "",
          "boat_for(P, skiff) :- plot(P, _, M), M < 150, !.", "boat_for(P, barge) :- plot(P, _, M), M >= 150.", "",
          "rack_space(Kg, Racks) :- Racks is ceiling(Kg / 40).", ""]
    return "\n".join(s) + "\n"


def plunit_tests(n_plots: int, seed: int, n_bad: int, extra: bool) -> str:
    rnd = random.Random(seed)
    s = [":- use_module(kelp).", ":- use_module(library(plunit)).", "", ":- begin_tests(yield).", ""]
    bad = set(rnd.sample(range(n_plots), n_bad))
    for i in range(n_plots):
        if i in bad and i % 3 == 0:
            s.append(f"test(yield_p{i}, [true(K =:= {rnd.randint(100, 999)})]) :- yield_kg(p{i}, K).")
        elif i in bad and i % 3 == 1:
            s.append(f"test(boat_p{i}) :- boat_for(p{i}, hovercraft).")
        elif i in bad:
            s.append(f"test(dry_p{i}, [K == {rnd.randint(5, 50)}]) :- yield_kg(p{i}, W), dry_weight(W, K).")
        else:
            s.append(f"test(yield_p{i}, [true(K > 0)]) :- yield_kg(p{i}, K).")
    s += ["", ":- end_tests(yield).", "", ":- begin_tests(racks).", "",
          "test(zero_wet, [fail]) :- dry_weight(0, _).",
          "test(rack_round) :- rack_space(81, R), assertion(R == 2).",
          "test(rack_div, [error(evaluation_error(zero_divisor))]) :- X is 1 / 0, X > 0.",
          "test(rack_type) :- rack_space(heavy, _).",
          "test(nondet_boat) :- member(P, [p0, p1]), boat_for(P, _)."]
    if extra:
        s += ["test(tide_window, [fixme(tide_tables_missing)]) :- fail.",
              "test(winch, [blocked(winch_broken)]) :- true.",
              "test(all_boats, [all(B == [skiff, barge, skiff])]) :- member(P, [p0, p1, p2]), boat_for(P, B).",
              "test(sampler, [setup(open('/no/such/nutrients.csv', read, S)), cleanup(close(S))]) :- read(S, _).",
              "test(timeout_loop, [forall(between(1, 3, X))]) :- X < 3."]
    s += ["", ":- end_tests(racks)."]
    return "\n".join(s) + "\n"


def check_pl(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    s = [":- module(rota, [rota/2, shift/3]).", ""]
    for i in range(n):
        kind = rnd.choice(["ok", "ok", "singleton", "undef", "ok", "disc"])
        if kind == "singleton":
            s.append(f"shift(b{i}, Day, Crew) :- crew_size(Crew, Size), Day = mon.")
        elif kind == "undef":
            s.append(f"shift(b{i}, Day, Crew) :- tide_ok_{i % 5}(Day), crew_for(Crew, b{i}).")
        else:
            s.append(f"shift(b{i}, Day, Crew) :- member(Day, [mon, wed, fri]), crew_size(Crew, 3).")
        if kind == "disc":
            s.append(f"crew_size(c{i}, {rnd.randint(2, 5)}).")
    s += ["crew_size(c, 3).", "", "rota(Boat, Days) :- findall(D, shift(Boat, D, _), Days).", ""]
    return "\n".join(s) + "\n"


def swipl_steps(tmp: Path) -> None:
    d = tmp / "pl"
    for tag, n, seed, bad, extra in [("small", 12, 33201, 3, False), ("fleet", 140, 33202, 14, True),
                                     ("mid", 48, 33203, 7, True)]:
        sub = d / tag
        wt(sub / "kelp.pl", kelp_pl(n, seed))
        wt(sub / "tests.pl", plunit_tests(n, seed, bad, extra))
        cap(f"plunit-{tag}", "swipl -g run_tests -t halt tests.pl" + E, sub, w.n_plunit, timeout=120)
    cap("plunit-racks", "swipl -g 'run_tests(racks)' -t halt tests.pl" + E, d / "mid", w.n_plunit, timeout=120)
    for tag, n, seed in [("rota", 60, 33211), ("fleet", 400, 33212)]:
        sub = d / f"chk-{tag}"
        wt(sub / "rota.pl", check_pl(n, seed))
        cap(f"check-{tag}", "swipl -q -g check -t halt rota.pl" + E, sub, w.n_swipl_check, timeout=120)
    sub = d / "chk-syntax"
    src = check_pl(40, 33213).replace("shift(b7, ", "shift(b7 ").replace("crew_size(c, 3).", "crew_size(c, 3)")
    src += "drying(Rack) :- rack(Rack), Rack =< 12 ,.\nweigh(X, Y) :- Y is X * 1.2 +.\n"
    wt(sub / "rota.pl", src)
    cap("check-syntax", "swipl -q -g check -t halt rota.pl" + E, sub, w.n_swipl_check, timeout=120)


# ------------------------------------------------------------------ Maxima test mode


def rtest_mac(n: int, seed: int, n_bad: int) -> str:
    rnd = random.Random(seed)
    bad = set(rnd.sample(range(n), n_bad))
    s = []
    for i in range(n):
        a, b, c = rnd.randint(2, 9), rnd.randint(1, 9), rnd.randint(1, 5)
        form = i % 6
        if form == 0:
            s.append(f"/* growth of line {i} */\nintegrate({a}*t^{c}, t);\n{a}*t^{c + 1}/{c + 1 + (1 if i in bad else 0)};")
        elif form == 1:
            s.append(f"expand((L{i}+{b})^2);\nL{i}^2+{2 * b + (1 if i in bad else 0)}*L{i}+{b * b};")
        elif form == 2:
            s.append(f"solve(x^2-{a * a}=0, x);\n[x = -{a}, x = {a + (1 if i in bad else 0)}];")
        elif form == 3:
            s.append(f"diff({a}*exp(-{b}*t), t);\n-{a * b + (1 if i in bad else 0)}*%e^-({b}*t);")
        elif form == 4:
            s.append(f"limit(({a}*n+{b})/(n+{c}), n, inf);\n{a + (1 if i in bad else 0)};")
        else:
            if i in bad:
                s.append(f"matrix([{a},{b}],[{2 * a},{2 * b}])^^-1;\nmatrix([1,0],[0,1]);")
            else:
                s.append(f"determinant(matrix([{a},{b}],[{c},1]));\n{a - b * c};")
    return "\n\n".join(s) + "\n"


def maxima_steps(tmp: Path) -> None:
    d = tmp / "mx"
    for tag, n, seed, bad in [("yield", 18, 33221, 4), ("growth", 120, 33222, 11), ("harvest", 300, 33223, 9)]:
        wt(d / f"rtest_{tag}.mac", rtest_mac(n, seed, bad))
        d2 = "" if tag == "yield" else "display2d: false$ "  # one run in Maxima's 2-D display, the rest 1-D
        cap(f"maxima-rtest-{tag}", f"maxima --very-quiet --batch-string='{d2}batch(\"rtest_{tag}.mac\", test)$'" + E,
            d, w.n_maxima_rtest, timeout=300)
    wt(d / "rtest_broken.mac", rtest_mac(20, 33224, 2) + "\nintegrate(1/(x-1), x, 0, 2);\nlog(2);\n\n"
                                                          "rack_share(10, 0);\n5;\n\n(a+b;\na+b;\n")
    cap("maxima-rtest-broken", "maxima --very-quiet --batch-string='display2d: false$ batch(\"rtest_broken.mac\", test)$'" + E,
        d, w.n_maxima_rtest, timeout=300)


# ------------------------------------------------------------------ gp2c


def gp_script(n: int, seed: int, faults: bool, syntax: bool = True) -> str:
    rnd = random.Random(seed)
    s = ["/* kelpline: longline yields and rack packing */",
         "yield(m) = 3 * m;",
         "drywt(w) = w / 8.;",
         "racks(kg) = ceil(kg / 40);"]
    for i in range(n):
        s.append(f"plot{i}(m) = {{ my(w = yield(m), d); d = drywt(w); [w, d, racks(w)]; }}")
        if faults and i % 7 == 3:
            s.append(f"tide{i}(h) = {{ local(t); t = h * {rnd.randint(2, 9)}; lvl{i} + t; }}")
        if faults and syntax and i % 11 == 5:
            s.append(f"batch{i}(v) = {{ my(s = 0); for(j = 1, #v, s += v[j]; return(s); }}")
    return "\n".join(s) + "\n"


def gp2c_steps(tmp: Path) -> None:
    d = tmp / "gp"
    wt(d / "kelp.gp", gp_script(30, 33231, True))
    cap("gp2c-errors", "gp2c kelp.gp > kelp.c" + E, d, w.n_gp2c, timeout=120)
    wt(d / "lines.gp", gp_script(60, 33232, False).replace("yield(m) = 3 * m;", "yield(m) = 3 * m + bonus;")
       + "pack(v) = vecsort(v, , 4);\nshare(a, b) = a \\ b;\n")
    wt(d / "calls.gp", "\n".join(f'print("RESULT plot{i} ", plot{i}({40 + i * 13}));' for i in range(0, 60, 6))
       + '\nprint("RESULT share ", share(10, 0));\nprint("RESULT pack ", pack([3,1,2]));\nquit\n')
    cap("gp2c-run", "GP='gp -q' gp2c-run -g -W lines.gp < calls.gp" + E, d, w.n_gp2c, timeout=300)
    wt(d / "big.gp", gp_script(160, 33233, True, syntax=False))
    cap("gp2c-big", "gp2c -W big.gp > big.c" + E, d, w.n_gp2c, timeout=120)


# ------------------------------------------------------------------ GLPK ranges and Clp


def harvest_mod(n_plots: int, n_boats: int, seed: int, fault: str, integer: bool) -> str:
    rnd = random.Random(seed)
    plots = [f"{PLOTS[i % len(PLOTS)].replace('-', '_')}{i}" for i in range(n_plots)]
    boats = [f"boat{j}" for j in range(n_boats)]
    s = [f"set P := {{{', '.join(repr(p).replace(chr(39), chr(34)) for p in plots)}}};",
         f"set B := {{{', '.join(chr(34) + b + chr(34) for b in boats)}}};",
         "param yield{P} >= 0;", "param cap{B} >= 0;", "param cost{P, B} >= 0;", "param need >= 0;",
         f"var x{{P, B}} >= 0{', integer' if integer else ''};",
         "minimize total: sum{p in P, b in B} cost[p, b] * x[p, b];",
         "s.t. avail{p in P}: sum{b in B} x[p, b] <= yield[p];",
         "s.t. hold{b in B}: sum{p in P} x[p, b] <= cap[b];",
         "s.t. demand: sum{p in P, b in B} x[p, b] >= need;"]
    tot_y = 0
    data = ["data;", "param yield :="]
    for p in plots:
        y = rnd.randint(20, 200)
        tot_y += y
        data.append(f"  {p} {y}")
    data[-1] += ";"
    data.append("param cap :=")
    tot_c = 0
    for b in boats:
        c = rnd.randint(100, 600)
        tot_c += c
        data.append(f"  {b} {c}")
    data[-1] += ";"
    need = int(min(tot_y, tot_c) * 0.6)
    if fault == "infeasible":
        need = tot_y + 500
    data.append(f"param need := {need};")
    data.append("param cost : " + " ".join(boats) + " :=")
    for p in plots:
        data.append(f"  {p} " + " ".join(str(rnd.randint(1, 30)) for _ in boats))
    data[-1] += ";"
    data.append("end;")
    if fault == "unbounded":
        s[7] = "maximize total: sum{p in P, b in B} cost[p, b] * x[p, b];"
        s[8] = "s.t. avail{p in P}: sum{b in B} x[p, b] >= yield[p];"
        s[9] = "s.t. hold{b in B}: sum{p in P} x[p, b] >= 0;"
    return "\n".join(s + data) + "\n"


def lp_steps(tmp: Path) -> None:
    d = tmp / "lp"
    runs = [("ranges-small", 6, 3, 33241, "", False), ("ranges-fleet", 40, 6, 33242, "", False),
            ("ranges-mip", 10, 3, 33243, "", True), ("ranges-infeasible", 12, 3, 33244, "infeasible", False),
            ("ranges-wide", 25, 8, 33245, "", False)]
    for tag, np_, nb, seed, fault, integer in runs:
        wt(d / f"{tag}.mod", harvest_mod(np_, nb, seed, fault, integer))
        cap(f"glpsol-{tag}", f"glpsol --math {tag}.mod --ranges {tag}.txt; cat {tag}.txt" + E, d,
            w.n_glpsol_ranges, timeout=120)
    for tag, np_, nb, seed, fault in [("clp-small", 8, 3, 33251, ""), ("clp-fleet", 80, 8, 33252, ""),
                                      ("clp-infeasible", 20, 4, 33253, "infeasible"),
                                      ("clp-unbounded", 15, 3, 33254, "unbounded")]:
        wt(d / f"{tag}.mod", harvest_mod(np_, nb, seed, fault, False))
        w.cm.run(f"glpsol --math {tag}.mod --check --wfreemps {tag}.mps", cwd=d, timeout=60)
        sense = "-maximize " if fault == "unbounded" else ""  # free MPS carries no objective sense
        cap(f"{tag}", f"clp {tag}.mps {sense}-dualsimplex -solution $" + E, d, w.n_clp, timeout=120)
    cap("clp-primal-fleet", "clp clp-fleet.mps -presolve off -primalsimplex -printingOptions all -solution $" + E,
        d, w.n_clp, timeout=120)
    src = (d / "clp-small.mps").read_text().split("\n")
    for j, ln in enumerate(src):  # a hand edit gone wrong: a coefficient typed with a comma, a row name misspelt
        if ln.startswith(" x[") and j % 9 == 0:
            src[j] = ln.rstrip() + ",5"
        if ln.startswith(" x[") and j % 13 == 0:
            src[j] = ln.replace("avail", "avial")
    wt(d / "broken.mps", "\n".join(src))
    cap("clp-broken", "clp broken.mps -solve; clp missing.mps -solve" + E, d, w.n_clp, timeout=120)


# ------------------------------------------------------------------ gnuplot stats


def samples_dat(n: int, seed: int, bad: int) -> str:
    rnd = random.Random(seed)
    s = ["# kelpline nutrient samples: day plot nitrate phosphate temp wet_kg"]
    badrows = set(rnd.sample(range(n), bad))
    for i in range(n):
        if i and i % 60 == 0:
            s.append("")
        row = [str(i // 4), str(i % 16), f"{rnd.uniform(0.5, 9.5):.2f}", f"{rnd.uniform(0.05, 1.2):.3f}",
               f"{rnd.gauss(11, 2):.1f}", f"{rnd.uniform(10, 400):.1f}"]
        if i in badrows:
            row[rnd.randint(2, 5)] = rnd.choice(["NaN", "n/a", "-", "9e999", "?"])
        s.append(" ".join(row))
    return "\n".join(s) + "\n"


def gnuplot_steps(tmp: Path) -> None:
    d = tmp / "gp-stats"
    wt(d / "samples.dat", samples_dat(240, 33261, 6))
    wt(d / "season.dat", samples_dat(2400, 33262, 25))
    wt(d / "one.gp", "stats 'samples.dat' using 3 name 'N'\nprint 'RESULT nitrate mean ', N_mean\n"
                     "stats 'samples.dat' using 3:4\nprint 'RESULT correlation ', STATS_correlation\n")
    cap("gnuplot-stats-samples", "gnuplot one.gp" + E, d, w.n_gnuplot_stats, timeout=120)
    s = []
    for c, name in [(3, "nitrate"), (4, "phosphate"), (5, "temp"), (6, "wet")]:
        s += [f"stats 'season.dat' using {c} name '{name}'", f"print 'RESULT {name} ', {name}_mean, {name}_stddev"]
    s += ["stats 'season.dat' using 5:6", "stats 'season.dat' index 3 using 3",
          "stats 'season.dat' using 9", "print 'RESULT after ', STATS_records"]
    wt(d / "season.gp", "\n".join(s) + "\n")
    cap("gnuplot-stats-season", "gnuplot season.gp" + E, d, w.n_gnuplot_stats, timeout=120)
    wt(d / "broken.gp", "set datafile missing 'n/a'\nstats 'samples.dat' using 3:(log($4)) nooutput\n"
                        "print 'RESULT ', STATS_mean_x, STATS_mean_y\nstats 'nosuch.dat' using 1\n")
    wt(d / "range.gp", "set xrange [2:4]\nstats 'samples.dat' using 3:6\nstats 'samples.dat' using 3 name 'X' prefix\n"
                       "print 'RESULT ', X_min\nstats 'samples.dat' matrix\n")
    wt(d / "plots.dat", samples_dat(6000, 33263, 40))
    wt(d / "plots.gp", "do for [p=0:15] {\n  print sprintf('== plot %d', p)\n"
                       "  stats 'plots.dat' using ($2==p ? $3 : NaN):($2==p ? $6 : NaN)\n"
                       "  print sprintf('RESULT plot %d nitrate-wet r=%.3f n=%d', p, STATS_correlation, STATS_records)\n"
                       "}\nstats 'plots.dat' using 3:7\n")
    cap("gnuplot-stats-plots", "gnuplot plots.gp" + E, d, w.n_gnuplot_stats, timeout=120)
    cap("gnuplot-stats-loop", "for f in broken.gp range.gp; do echo \"== $f\"; gnuplot $f; echo EXIT=$?; done", d,
        w.n_gnuplot_stats, timeout=120)


# ------------------------------------------------------------------ R


def r_tests(n: int, seed: int, faults: bool) -> str:
    s = [f"set.seed({seed})", "plots <- c(" + ", ".join(f'"{p}"' for p in PLOTS) + ")"]
    for i in range(n):
        p = PLOTS[i % len(PLOTS)]
        k = i % 7
        if k == 0:
            s.append(f'a <- rnorm(12, 30 + {i % 5}, 4); b <- rnorm(11, 32, 5); print(t.test(a, b))  # {p}')
        elif k == 1:
            s.append(f"print(wilcox.test(rpois(15, {4 + i % 3}), rpois(14, 6), exact = FALSE))")
        elif k == 2:
            s.append(f"m <- matrix(c({3 + i % 4}, 2, 1, {5 + i % 3}), 2); print(chisq.test(m))")
        elif k == 3:
            s.append(f"print(shapiro.test(rexp(20, 1 / {2 + i % 5})))")
        elif k == 4:
            s.append(f"x <- runif(25, 0, 10); print(cor.test(x, x * {0.1 * (i % 4)} + rnorm(25)))")
        elif k == 5:
            s.append(f"print(prop.test(c({10 + i % 6}, 18), c(40, 42)))")
        else:
            s.append(f"g <- factor(rep(1:3, each = 6)); print(kruskal.test(rnorm(18) + as.numeric(g) * {i % 3}, g))")
    if faults:
        s += ["print(t.test(c(4.2)))", "print(fisher.test(matrix(c(3, 1, 1, 3), 2)))",
              "print(t.test(rep(5, 10), mu = 5))", "print(binom.test(7, 20, p = 0.5))"]
    return "\n".join(s) + "\n"


def r_nls(n: int, seed: int) -> str:
    s = [f"set.seed({seed})", "t <- 1:20"]
    for i in range(n):
        K, r, t0 = 300 + 40 * (i % 5), 0.4 + 0.05 * (i % 4), 8 + i % 4
        s.append(f'cat("\\n== plot {PLOTS[i % len(PLOTS)]}\\n")')
        s.append(f"y <- {K} / (1 + exp(-{r} * (t - {t0}))) + rnorm(20, 0, 8)")
        if i % 4 == 3:
            s.append("fit <- try(nls(y ~ K / (1 + exp(-r * (t - t0))), start = list(K = 1, r = 0, t0 = 0), "
                     "trace = TRUE))")
        elif i % 4 == 2:
            s.append("fit <- try(nls(y ~ K / (1 + exp(-r * (t - t0))), start = list(K = 300, r = 5, t0 = 40), "
                     "trace = TRUE, control = nls.control(maxiter = 8)))")
        else:
            s.append(f"fit <- try(nls(y ~ K / (1 + exp(-r * (t - t0))), start = list(K = {K - 50}, r = 0.3, "
                     f"t0 = {t0 - 2}), trace = TRUE))")
        s.append('if (!inherits(fit, "try-error")) print(summary(fit))')
    s.append("fit <- nls(y ~ a * t^b, start = list(a = 0, b = 0))")
    return "\n".join(s) + "\n"


def r_steps(tmp: Path) -> None:
    d = tmp / "r"
    for tag, n, seed, faults in [("small", 5, 33271, True), ("plots", 40, 33272, False), ("season", 160, 33273, True)]:
        wt(d / f"tests_{tag}.R", r_tests(n, seed, faults))
        cap(f"r-htest-{tag}", f"Rscript tests_{tag}.R" + E, d, w.n_r_htest, timeout=300)
    for tag, n, seed in [("few", 4, 33281), ("lines", 16, 33282), ("all", 48, 33283)]:
        wt(d / f"fits_{tag}.R", r_nls(n, seed))
        cap(f"r-nls-{tag}", f"Rscript fits_{tag}.R" + E, d, w.n_r_nls, timeout=300)


# ------------------------------------------------------------------ GAP


def gap_tst(n: int, seed: int, n_bad: int) -> str:
    rnd = random.Random(seed)
    bad = set(rnd.sample(range(n), n_bad))
    s = ["# kelpline rota symmetries", "gap> START_TEST(\"kelp.tst\");"]
    for i in range(n):
        k = i % 5
        m = 3 + i % 4
        if k == 0:
            v = [1, 1, 2, 6, 24, 120, 720][m]
            s += [f"gap> Size(SymmetricGroup({m}));", str(v + (1 if i in bad else 0))]
        elif k == 1:
            s += [f"gap> Factors({rnd.randint(100, 9999)} * 2);", "?"]
        elif k == 2:
            s += [f"gap> IsAbelian(CyclicGroup({m + 1}));", "false" if i in bad else "true"]
        elif k == 3:
            s += [f"gap> Binomial({m + 4}, 2);", str((m + 4) * (m + 3) // 2 + (2 if i in bad else 0))]
        else:
            s += [f"gap> Sum([1..{m * 10}]);", str(m * 10 * (m * 10 + 1) // 2)]
    s += ["gap> STOP_TEST(\"kelp.tst\");"]
    return "\n".join(s) + "\n"


def gap_factors(txt: str, seed: int) -> str:
    """Factors' expected outputs, computed here in Python (a wrong one for about one in ten)."""
    out, rnd = [], random.Random(seed + 1)
    lines = txt.split("\n")
    for j, ln in enumerate(lines):
        if ln == "?":
            num = int(lines[j - 1].split("(")[1].split(" ")[0]) * 2
            f, x, p = [], num, 2
            while x > 1:
                while x % p == 0:
                    f.append(p)
                    x //= p
                p += 1
            if rnd.random() < 0.1:
                f[-1] += 1
            ln = "[ " + ", ".join(map(str, f)) + " ]"
        out.append(ln)
    return "\n".join(out)


def gap_steps(tmp: Path) -> None:
    d = tmp / "gap"
    for tag, n, seed, bad in [("small", 30, 33291, 3), ("rota", 90, 33292, 8), ("season", 400, 33294, 21)]:
        wt(d / f"{tag}.tst", gap_factors(gap_tst(n, seed, bad), seed))
        wt(d / f"run_{tag}.g", f'r := Test("{tag}.tst");;\nPrint("RESULT ", r, "\\n");\nQUIT;\n')
        cap(f"gap-test-{tag}", f"gap -q -b run_{tag}.g" + E, d, w.n_gap_test, timeout=300)
    wt(d / "errs.tst", gap_factors(gap_tst(20, 33293, 2), 33293).replace("gap> STOP_TEST", "gap> RackCount(12);\n12\n"
                                                     "gap> Size(SymmetricGroup(3);\n6\ngap> [1,2,3][5];\n0\n"
                                                     "gap> STOP_TEST"))
    wt(d / "run_errs.g", 'r := Test("errs.tst", rec(compareFunction := "uptowhitespace"));;\nPrint("RESULT ", r, "\\n");\nQUIT;\n')
    cap("gap-test-errors", "gap -q -b run_errs.g" + E, d, w.n_gap_test, timeout=300)


STEPS = [swipl_steps, maxima_steps, gp2c_steps, lp_steps, gnuplot_steps, r_steps, gap_steps]
