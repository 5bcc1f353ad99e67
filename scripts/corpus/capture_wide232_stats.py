"""Round 232, round 217's kinds on new material: the seeded `apiary` survey (capture_wide232.apiary) read by PSPP
syntax files, fitted in JAGS with R's coda summarising the chains, regressed in gretl, summarised and broken by
Miller, grouped by GNU datamash until a field stops it, fitted by R (`R CMD BATCH`, `glm`), statsmodels and
scipy.stats. Every extractor is round 217's, imported (NEEDLES.md, "Round 232"). Run through capture_wide232.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_wide217_cli import (n_coda, n_datamash_error, n_gretl, n_jags, n_mlr_error, n_mlr_summary,
                                 n_pspp_descriptives, n_pspp_frequencies, n_pspp_regression, n_pspp_syntax)
from capture_wide217_r import n_r_glm, n_rout, n_scipy_stats, n_sm_glm, n_sm_mixed
from capture_wide232 import APIARY_COLUMNS, VENV, apiary, apiary_csv, cap

SPSS_VARS = ("/VARIABLES=hive A10 site A3 breed A12 frames F3.0 temp F5.1 temp_f F6.2 humid F3.0 varroa F3.0 "
             "honey F8.1 swarmed F1.0 queen_age F1.0.")


def get_data(csv: str) -> str:
    return f"GET DATA /TYPE=TXT /FILE='{csv}' /ARRANGEMENT=DELIMITED /DELIMITERS=',' /FIRSTCASE=2\n  {SPSS_VARS}\n"


def pspp(tmp: Path) -> None:
    root = tmp / "pspp"
    root.mkdir()
    (root / "hives.csv").write_text(apiary_csv(apiary(232, 2400)))
    (root / "big.csv").write_text(apiary_csv(apiary(2321, 6000)))
    g = get_data("hives.csv")
    cm.write_tree(root, {
        "freq.sps": g + "FREQUENCIES /VARIABLES=site breed frames swarmed queen_age varroa /STATISTICS=MODE MEAN "
                        "STDDEV.\n",
        "freq_humid.sps": get_data("big.csv") + "FREQUENCIES /VARIABLES=humid honey /FORMAT=AVALUE "
                          "/STATISTICS=MEDIAN MIN MAX.\n",
        "desc.sps": get_data("big.csv") + "SORT CASES BY site.\nSPLIT FILE BY site.\n"
                    "DESCRIPTIVES /VARIABLES=frames temp humid varroa honey /STATISTICS=MEAN STDDEV MIN MAX SKEWNESS "
                    "KURTOSIS.\n",
        "reg.sps": g + "REGRESSION /VARIABLES=frames temp varroa queen_age /DEPENDENT=honey /STATISTICS=COEFF R "
                       "ANOVA.\nREGRESSION /VARIABLES=temp temp_f humid /DEPENDENT=honey /STATISTICS=COEFF R ANOVA.\n"
                       "REGRESSION /VARIABLES=queen_age frames /DEPENDENT=varroa /STATISTICS=COEFF R ANOVA.\n"
                       "REGRESSION /VARIABLES=frames /DEPENDENT=swarmed /STATISTICS=COEFF R ANOVA.\n",
        "check.sps": g + "FILTER BY honey.\nDESCRIPTIVES /VARIABLES=honey varroa.\n"
                         "FREQUENCIES /VARIABLES=breed /ORDER=BYFREQ.\n"
                         "CROSSTABS /TABLES=breed BY swarmed /STATISTICS=CHISQ.\n"
                         "DESCRIPTIVES /VARIABLES=honey mite_load.\n"
                         "T-TEST /GROUPS=swarmed(0 1) /VARIABLES=honey frames.\n"
                         "ONEWAY honey BY site /POSTHOC=TUKEY.\n"
                         "COMPUTE per_frame = honey / frames) .\n"
                         "CORRELATIONS /VARIABLES=temp temp_f honey /PRINT=TWOTAIL.\n"
                         "GRAPH /HISTOGRAM=varroa /TITLE='mites'.\n"
                         "LOGISTIC REGRESSION swarmed WITH frames queen_age varroa.\n",
    })
    cap("pspp-freq", "pspp freq.sps | head -n 320; echo EXIT=$?", root, n_pspp_frequencies)
    cap("pspp-freq-humid", "pspp freq_humid.sps | head -n 260", root, n_pspp_frequencies)
    cap("pspp-desc-site", "pspp desc.sps", root, n_pspp_descriptives)
    cap("pspp-reg", "pspp reg.sps; echo EXIT=$?", root, n_pspp_regression)
    cap("pspp-check", "pspp check.sps 2>&1; echo EXIT=$?", root, n_pspp_syntax)


def r_dump(name: str, vals) -> str:
    return f"{name} <- c(" + ", ".join("NA" if v == "" else str(v) for v in vals) + ")\n"


def jags(tmp: Path) -> None:
    root = tmp / "jags"
    root.mkdir()
    rows = apiary(2322, 420)
    sites = sorted({r["site"] for r in rows})
    (root / "d.R").write_text(
        f"N <- {len(rows)}\nS <- {len(sites)}\n" + r_dump("varroa", [r["varroa"] for r in rows])
        + r_dump("qa", [r["queen_age"] for r in rows]) + r_dump("frames", [max(r["frames"], 1) for r in rows])
        + r_dump("site", [sites.index(r["site"]) + 1 for r in rows]))
    model = """model {
  for (i in 1:N) {
    varroa[i] ~ dpois(lambda[i])
    log(lambda[i]) <- b0 + u[site[i]] + b.qa * (qa[i] - 2.5) + b.fr * (frames[i] - 12) / 4
  }
  for (s in 1:S) { u[s] ~ dnorm(0, tau.u) }
  b0 ~ dnorm(0, 0.01)
  b.qa ~ dnorm(0, 0.01)
  b.fr ~ dnorm(0, 0.01)
  tau.u ~ dgamma(0.1, 0.1)
  sd.u <- 1 / sqrt(tau.u)
}
"""
    cm.write_tree(root, {
        "mites.bug": model,
        "bad_index.bug": model.replace("u[site[i]]", "u[site[i] + 1]"),
        "bad_link.bug": model.replace("log(lambda[i])", "logg(lambda[i])"),
        "undeclared.bug": model.replace("b.fr * (frames[i] - 12) / 4", "b.fr * (frames[i] - 12) / 4 + b.h * humid[i]"),
    })
    mons = "".join(f"monitor {p}\n" for p in ["b0", "b.qa", "b.fr", "sd.u", "u"])

    def cmd(name: str, model: str, burn: int = 800, n: int = 2000, stem: str = "") -> None:
        (root / f"{name}.cmd").write_text(
            f"model in {model}\ndata in d.R\ncompile, nchains(2)\ninitialize\nupdate {burn}\n{mons}"
            f"update {n}\ncoda *{', stem(' + stem + ')' if stem else ''}\nexit\n")

    cmd("mites", "mites.bug", stem="mites_")
    cmd("bad_index", "bad_index.bug")
    cmd("bad_link", "bad_link.bug")
    cmd("undeclared", "undeclared.bug")
    cap("jags-runs", "for f in mites bad_index bad_link undeclared; do echo \"=== $f\"; jags $f.cmd 2>&1 | "
        "tail -n 25; echo EXIT=$?; done", root, n_jags, timeout=900)
    (root / "summ.R").write_text(
        "library(coda)\n"
        "ch <- lapply(1:2, function(k) read.coda(sprintf('mites_chain%d.txt', k), 'mites_index.txt', quiet = TRUE))\n"
        "s <- as.mcmc.list(ch)\nprint(summary(s, quantiles = c(0.05, 0.5, 0.95)))\nprint(gelman.diag(s))\n"
        "print(geweke.diag(s[[1]]))\nprint(autocorr.diag(s[, c('b0', 'b.qa', 'b.fr')]))\n"
        "print(raftery.diag(s[[2]], q = 0.5, r = 0.5))\n")
    cap("coda-mites", "Rscript summ.R 2>&1; echo EXIT=$?", root, n_coda)


def gretl(tmp: Path) -> None:
    root = tmp / "gretl"
    root.mkdir()
    cols = [c for c in APIARY_COLUMNS if c not in ("hive", "site", "breed")]
    (root / "hives.csv").write_text(apiary_csv(apiary(2323, 1500), cols))
    cm.write_tree(root, {
        "fit.inp": "open hives.csv --quiet\nsummary honey varroa frames --simple\n"
                   "ols honey const frames temp varroa queen_age\nmodtest --white\nmodtest --normality\n"
                   "ols honey const temp temp_f humid\n"
                   "probit swarmed const frames queen_age varroa\n"
                   "negbin varroa const queen_age frames\n"
                   "loop q=1..4\n  smpl queen_age == q --restrict --replace\n  ols honey const frames varroa\n"
                   "endloop\nsmpl full\n",
        "bad.inp": "open hives.csv --quiet\nseries ratio = honey / frames\nols ratio const temp\n"
                   "ols honey const frames mite_load\ngenr z = log(frames\nmatrix M = {temp, temp_f}\n"
                   "matrix I = inv(M'M)\nprint I\nlogit honey const frames\nols honey const\n",
    })
    cap("gretl-fit", "gretlcli -b fit.inp 2>&1 | tail -n 380", root, n_gretl)
    cap("gretl-bad", "gretlcli -b bad.inp 2>&1; echo EXIT=$?", root, n_gretl)


def miller(tmp: Path) -> None:
    root = tmp / "mlr"
    root.mkdir()
    rows = apiary(2324, 3000)
    (root / "hives.csv").write_text(apiary_csv(rows))
    rnd = random.Random(2324)
    weeks = [f"w{k:02d}" for k in range(14, 40)]
    for r in rows:  # weekly hive-scale weights, some weeks missed at one site, one keyed with a unit
        for k, w in enumerate(weeks):
            r[w] = "" if rnd.random() < 0.02 * (k % 5) else round(rnd.gauss(30 + 0.8 * k, 2 + k % 3), 1)
        if r["site"] == "S04":
            r["w27"] = ""
    rows[113]["w31"] = "41.2kg"
    (root / "scale.csv").write_text(apiary_csv(rows, ["hive", "site", "breed"] + weeks))
    cap("mlr-summary-hives", "mlr --icsv --opprint summary -x lof,lif,uif,uof,minlen,maxlen hives.csv", root,
        n_mlr_summary)
    cap("mlr-summary-scale", "mlr --icsv --oxtab summary -a field_type,null_count,distinct_count,mean,stddev,minlen,"
        "maxlen scale.csv | head -n 260", root, n_mlr_summary)
    cap("mlr-errors", "mlr --icsv --opprint stats1 -a mean,p50 -f w31 -g site scale.csv; echo EXIT=$?; "
        "mlr --icsv --ojson put '$t = strptime($w20, \"%Y\")' then head -n 2 scale.csv; echo EXIT=$?; "
        "mlr --icsv --opprint sort -nr honey then head -n 5 then cut -f hive,honey,frames hives.csv; "
        "mlr --icsv --ocsv put -q 'tee > $site.\".csv\", $*' /nonexistent/hives.csv; echo EXIT=$?; "
        "mlr --icsv --opprint put '$yield_per_frame = $honey // $frames' then head -n 4 hives.csv; "
        "mlr --c2p filter '$varroa >' hives.csv; echo EXIT=$?", root, n_mlr_error)


def datamash(tmp: Path) -> None:
    root = tmp / "datamash"
    root.mkdir()
    (root / "hives.tsv").write_text(apiary_csv(apiary(2325, 2600), sep="\t"))
    lines = apiary_csv(apiary(2326, 900), sep="\t").splitlines(keepends=True)
    lines[612] = "\t".join(lines[612].rstrip("\n").split("\t")[:6]) + "\n"
    lines[700] = lines[700].replace("\t", " ", 2)
    (root / "ragged.tsv").write_text("".join(lines))
    cap("datamash-site", "sed 's/\\t\\t/\\tNA\\t/g' hives.tsv | datamash -H --narm -s -g site,breed count honey mean honey median varroa "
        "max frames; "
        "datamash -H -s -g queen_age mean varroa pstdev varroa q1 honey q3 honey < hives.tsv; echo EXIT=$?",
        root, n_datamash_error)
    cap("datamash-ragged", "datamash -H -s -g breed count honey mean temp < ragged.tsv | head -n 20; "
        "datamash -H check < ragged.tsv; echo EXIT=$?; datamash -H -g site mean 9 < ragged.tsv | tail -n 4; "
        "datamash -H --narm mean 5 < hives.tsv; datamash -H mean 3 < hives.tsv; echo EXIT=$?", root,
        n_datamash_error)


READ = "d <- read.csv('hives.csv', stringsAsFactors = TRUE)\n"


def rbatch(tmp: Path) -> None:
    root = tmp / "rbatch"
    root.mkdir()
    (root / "hives.csv").write_text(apiary_csv(apiary(2327, 1700)))
    cm.write_tree(root, {
        "fit.R": READ + "str(d)\nsummary(d[, c('frames', 'temp', 'varroa', 'honey')])\n"
                 "m1 <- lm(honey ~ frames + I((temp - 34.5)^2) + varroa + breed, data = d)\nsummary(m1)\n"
                 "anova(m1)\nm2 <- lm(honey ~ temp + temp_f + humid, data = d)\nsummary(m2)\n"
                 "kruskal.test(varroa ~ site, data = d)\n"
                 "m3 <- lm(honey ~ frames + mite_load, data = d)\nsummary(m3)\n",
        "sites.R": READ + "for (s in levels(d$site)) {\n  cat('## site', s, '\\n')\n"
                   "  print(coef(summary(lm(honey ~ frames + varroa, data = subset(d, site == s)))))\n}\n"
                   "t.test(honey ~ swarmed, data = d)\n"
                   "chisq.test(table(d$breed, d$swarmed))\n"
                   "d$lv <- log(d$varroa)\nprint(summary(lm(honey ~ lv, data = d)))\n",
    })
    cap("rout-fit", "R CMD BATCH --no-save --no-restore fit.R; echo EXIT=$?; cat fit.Rout", root, n_rout)
    cap("rout-sites", "R CMD BATCH --vanilla sites.R; tail -n 120 sites.Rout; echo EXIT=$?", root, n_rout)


def rglm(tmp: Path) -> None:
    root = tmp / "rglm"
    root.mkdir()
    (root / "hives.csv").write_text(apiary_csv(apiary(2328, 1900)))
    cap("rglm-varroa", "Rscript -e \"d <- read.csv('hives.csv'); print(summary(glm(varroa ~ queen_age + frames + "
        "breed, family = quasipoisson, data = d))); print(summary(glm(swarmed ~ frames + queen_age + varroa + site, "
        "family = binomial, data = d))); print(summary(glm(swarmed ~ honey, family = binomial(link = 'probit'), "
        "data = d)))\" 2>&1 | head -n 150; echo EXIT=$?", root, n_r_glm)


PY_GLM = """import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

d = pd.read_csv("hives.csv")
print(d[["frames", "temp", "varroa", "honey"]].describe().to_string())
po = smf.glm("varroa ~ queen_age + frames + C(site)", data=d, family=sm.families.Poisson()).fit()
print(po.summary())
sw = smf.glm("swarmed ~ frames + queen_age + varroa + C(breed)", data=d, family=sm.families.Binomial()).fit()
print(sw.summary())
ga = smf.glm("honey ~ frames + temp + temp_f", data=d.dropna().query("honey > 0"),
             family=sm.families.Gamma(link=sm.families.links.Log())).fit()
print(ga.summary())
"""

PY_QA = """import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

d = pd.read_csv("hives.csv")
for q, g in d.groupby("queen_age"):
    print("## queen age", q, "visits:", len(g))
    print(smf.glm("swarmed ~ frames + varroa", data=g, family=sm.families.Binomial()).fit().summary())
print(smf.glm("varroa ~ frames + mite_load", data=d, family=sm.families.Poisson()).fit().summary())
"""

PY_MIXED = """import pandas as pd
import statsmodels.formula.api as smf

d = pd.read_csv("hives.csv").dropna()
d = d[(d.honey < 500) & (d.frames > 0)]
m = smf.mixedlm("honey ~ frames + varroa + queen_age", d, groups=d["site"]).fit()
print(m.summary())
r = smf.mixedlm("honey ~ frames + varroa", d, groups=d["breed"], re_formula="~frames").fit(method="lbfgs")
print(r.summary())
"""

PY_SCIPY = """import numpy as np
import pandas as pd
from scipy import stats

d = pd.read_csv("hives.csv")
b = {k: g["honey"].to_numpy() for k, g in d.groupby("breed")}
print("t Buckfast vs Carnica:", stats.ttest_ind(b["Buckfast"], b["Carnica"]))
print("t Mellifera vs Carnica (omit):", stats.ttest_ind(b["Mellifera"], b["Carnica"], nan_policy="omit"))
print("anova breeds:", stats.f_oneway(*[x[~np.isnan(x)] for x in b.values()]))
print("levene breeds:", stats.levene(*[x[~np.isnan(x)] for x in b.values()]))
for s, g in d.groupby("site"):
    print(f"normaltest honey {s}:", stats.normaltest(g["honey"].dropna()))
    print(f"kendalltau queen_age~varroa {s}:", stats.kendalltau(g["queen_age"], g["varroa"]))
print("pearson temp~temp_f:", stats.pearsonr(d["temp"].fillna(34.5), d["temp_f"]))
print("chi2 site x swarmed:", stats.chi2_contingency(pd.crosstab(d["site"], d["swarmed"])))
print("fisher Sahariensis:", stats.fisher_exact(pd.crosstab(d["breed"] == "Sahariensis", d["swarmed"]).to_numpy()))
print("ks varroa vs poisson:", stats.kstest(d["varroa"], "poisson", args=(d["varroa"].mean(),)))
print("brunnermunzel:", stats.brunnermunzel(d.loc[d.swarmed == 1, "frames"], d.loc[d.swarmed == 0, "frames"]))
print("anderson honey:", stats.anderson(d["honey"].dropna()))
print("friedman:", stats.friedmanchisquare(d["frames"][:40], d["varroa"][:40], d["queen_age"][:30]))
"""


def pystats(tmp: Path) -> None:
    root = tmp / "pystats"
    root.mkdir()
    (root / "hives.csv").write_text(apiary_csv(apiary(2329, 2200)))
    cm.write_tree(root, {"glm.py": PY_GLM, "qa.py": PY_QA, "mixed.py": PY_MIXED, "tests.py": PY_SCIPY})
    py = f"{VENV}/bin/python"
    cap("sm-glm", f"{py} glm.py 2>&1; echo EXIT=$?", root, n_sm_glm, typed="python glm.py 2>&1; echo EXIT=$?")
    cap("sm-glm-queen", f"{py} qa.py 2>&1 | tail -n 160", root, n_sm_glm, typed="python qa.py 2>&1 | tail -n 160")
    cap("sm-mixed", f"{py} mixed.py 2>&1", root, n_sm_mixed, timeout=900, typed="python mixed.py 2>&1")
    cap("scipy-tests", f"{py} -W always tests.py 2>&1; echo EXIT=$?", root, n_scipy_stats,
        typed="python -W always tests.py 2>&1; echo EXIT=$?")


STEPS = [pspp, jags, gretl, miller, datamash, rbatch, rglm, pystats]
