"""Round 227, round 217's kinds on new material: the seeded `fieldtrial` wheat trial (capture_wide227.fieldtrial)
read by PSPP syntax files, fitted in JAGS with R's coda summarising the chains, regressed in gretl, summarised and
broken by Miller, grouped by GNU datamash until a field stops it, fitted by R (`R CMD BATCH`, `glm`), statsmodels and
scipy.stats. Every extractor is round 217's, imported (NEEDLES.md, "Round 227"). Run through capture_wide227.py."""

from __future__ import annotations

from pathlib import Path

import capture_more as cm
from capture_wide217_cli import (n_coda, n_datamash_error, n_gretl, n_jags, n_mlr_error, n_mlr_summary,
                                 n_pspp_descriptives, n_pspp_frequencies, n_pspp_regression, n_pspp_syntax)
from capture_wide217_r import n_r_glm, n_rout, n_scipy_stats, n_sm_glm, n_sm_mixed
from capture_wide227 import TRIAL_COLUMNS, VENV, cap, fieldtrial, trial_csv

SPSS_VARS = ("/VARIABLES=plot A10 block A2 variety A8 nrate F6.1 n_g F8.0 rain F4.0 height F6.1 grain F6.2 "
             "lodged F1.0 disease F2.0 tillers F3.0.")


def get_data(csv: str) -> str:
    return f"GET DATA /TYPE=TXT /FILE='{csv}' /ARRANGEMENT=DELIMITED /DELIMITERS=',' /FIRSTCASE=2\n  {SPSS_VARS}\n"


def pspp(tmp: Path) -> None:
    root = tmp / "pspp"
    root.mkdir()
    (root / "trial.csv").write_text(trial_csv(fieldtrial(227, 1800)))
    (root / "big.csv").write_text(trial_csv(fieldtrial(2271, 5000)))
    g = get_data("trial.csv")
    cm.write_tree(root, {
        "freq.sps": g + "FREQUENCIES /VARIABLES=block variety lodged disease /STATISTICS=MODE MEAN.\n",
        "freq_rain.sps": get_data("big.csv") + "FREQUENCIES /VARIABLES=rain tillers /STATISTICS=MEAN MEDIAN MIN MAX.\n",
        "desc.sps": get_data("big.csv") + "SORT CASES BY variety.\nSPLIT FILE BY variety.\n"
                    "DESCRIPTIVES /VARIABLES=nrate rain height grain disease tillers /STATISTICS=ALL.\n",
        "reg.sps": g + "REGRESSION /VARIABLES=nrate rain height disease /DEPENDENT=grain /STATISTICS=COEFF R ANOVA.\n"
                       "REGRESSION /VARIABLES=nrate n_g rain /DEPENDENT=grain /STATISTICS=COEFF R ANOVA.\n"
                       "REGRESSION /VARIABLES=nrate height /DEPENDENT=tillers /STATISTICS=COEFF R ANOVA.\n",
        "check.sps": g + "DESCRIPTIVES /VARIABLES=grain height rain.\n"
                         "FREQUENCIES /VARIABLES=variety.\n"
                         "CROSSTABS /TABLES=variety BY lodged.\n"
                         "DESCRIPTIVES /VARIABLES=grain soil_ph.\n"
                         "ONEWAY grain BY block /STATISTICS=DESCRIPTIVES.\n"
                         "FREQUENCIES /VARIABLES=disease /FORMAT=NOTABLE /HISTOGRAMM.\n"
                         "EXAMINE /VARIABLES=grain BY variety /PLOT=BOXPLOT.\n"
                         "COMPUTE ratio = grain / (nrate - ) .\n"
                         "DESCRIPTIVES /VARIABLES=ratio.\n",
        "clean.sps": g + "SELECT IF (rain > 0).\n"
                         "COMPUTE ykg = grain * 1000.\n"
                         "DESCRIPTIVES /VARIABLES=ykg.\n"
                         "T-TEST /GROUPS=lodged(0 1) /VARIABLES=grain height.\n"
                         "AGGREGATE /OUTFILE=* /BREAK=variety /myield=MEAN(grain) /n=N.\n"
                         "LIST.\n"
                         "SAVE OUTFILE='/no/such/dir/trial.sav'.\n"
                         "REGRESSION /VARIABLES=nrate /DEPENDENT=myield.\n"
                         "RECODE grain (LO THRU 4=1) (4 THRU HI=2) INTO yband.\n",
    })
    cap("pspp-freq", "pspp freq.sps; echo EXIT=$?", root, n_pspp_frequencies)
    cap("pspp-freq-rain", "pspp freq_rain.sps | head -n 260", root, n_pspp_frequencies)
    cap("pspp-desc-variety", "pspp desc.sps", root, n_pspp_descriptives)
    cap("pspp-reg", "pspp reg.sps", root, n_pspp_regression)
    cap("pspp-check", "pspp check.sps; echo EXIT=$?", root, n_pspp_syntax)
    cap("pspp-clean-grep", "pspp clean.sps 2>&1 | grep -iE -B2 -A4 'error|warning|^ *[A-Z][A-Za-z -]+$'", root,
        n_pspp_syntax)


def r_dump(name: str, vals) -> str:
    return f"{name} <- c(" + ", ".join("NA" if v == "" else str(v) for v in vals) + ")\n"


def jags(tmp: Path) -> None:
    root = tmp / "jags"
    root.mkdir()
    rows = fieldtrial(2272, 480)
    vs = sorted({r["variety"] for r in rows})
    base = (f"N <- {len(rows)}\nV <- {len(vs)}\n" + r_dump("y", [r["grain"] for r in rows])
            + r_dump("nrate", [r["nrate"] for r in rows]) + r_dump("rain", [r["rain"] for r in rows])
            + r_dump("variety", [vs.index(r["variety"]) + 1 for r in rows]))
    lod = [r["lodged"] for r in rows]
    (root / "d.R").write_text(base + r_dump("lodged", lod))
    lod[201] = 3
    (root / "d_bad.R").write_text(base + r_dump("lodged", lod))
    model = """model {
  for (i in 1:N) {
    y[i] ~ dnorm(mu[i], tau)
    mu[i] <- a + v[variety[i]] + b.n * nrate[i] / 100 + b.rain * (rain[i] - 600) / 100
  }
  for (j in 1:V) { v[j] ~ dnorm(0, tau.v) }
  a ~ dnorm(0, 1.0E-3)
  b.n ~ dnorm(0, 1.0E-3)
  b.rain ~ dnorm(0, 1.0E-3)
  tau ~ dgamma(0.01, 0.01)
  tau.v ~ dgamma(0.01, 0.01)
  sigma <- 1 / sqrt(tau)
  sigma.v <- 1 / sqrt(tau.v)
}
"""
    cm.write_tree(root, {
        "trial.bug": model,
        "dist.bug": model.replace("dgamma(0.01, 0.01)\n  tau.v", "dgama(0.01, 0.01)\n  tau.v"),
        "twice.bug": model.replace("  sigma <- 1 / sqrt(tau)\n", "  sigma <- 1 / sqrt(tau)\n  sigma <- sqrt(1 / tau)\n"),
        "short.bug": model.replace("for (i in 1:N)", "for (i in 1:(N + 5))"),
        "lodge.bug": """model {
  for (i in 1:N) {
    lodged[i] ~ dbern(p[i])
    logit(p[i]) <- c0 + c1 * nrate[i] / 100
  }
  c0 ~ dnorm(0, 0.1)
  c1 ~ dnorm(0, 0.1)
}
""",
    })
    mons = "".join(f"monitor {p}\n" for p in ["a", "b.n", "b.rain", "sigma", "sigma.v", "v"])

    def cmd(name: str, model: str, data: str = "d.R", burn: int = 1000, n: int = 2500, m: str = mons,
            stem: str = "") -> None:
        (root / f"{name}.cmd").write_text(
            f"model in {model}\ndata in {data}\ncompile, nchains(3)\ninitialize\nupdate {burn}\n{m}"
            f"update {n}\ncoda *{', stem(' + stem + ')' if stem else ''}\nexit\n")

    cmd("trial", "trial.bug", stem="trial_")
    cmd("dist", "dist.bug")
    cmd("twice", "twice.bug")
    cmd("short", "short.bug")
    cmd("lodge", "lodge.bug", data="d_bad.R", m="monitor c1\n")
    cap("jags-runs", "for f in trial dist twice short lodge; do echo \"### $f\"; jags $f.cmd; echo EXIT=$?; done 2>&1",
        root, n_jags, timeout=900)
    coda = ("library(coda)\nstem <- commandArgs(TRUE)[1]\n"
            "ch <- lapply(1:3, function(k) read.coda(sprintf('%schain%d.txt', stem, k), sprintf('%sindex.txt', stem), quiet = TRUE))\n"
            "s <- as.mcmc.list(ch)\nprint(summary(s))\nprint(gelman.diag(s, multivariate = TRUE))\n"
            "cat('effective sample size:\\n')\nprint(round(effectiveSize(s), 1))\n"
            "print(HPDinterval(s[[1]], prob = 0.9))\n")
    (root / "summ.R").write_text(coda)
    cap("coda-trial", "Rscript summ.R trial_ 2>&1", root, n_coda)


def gretl(tmp: Path) -> None:
    root = tmp / "gretl"
    root.mkdir()
    cols = [c for c in TRIAL_COLUMNS if c != "plot"]
    (root / "trial.csv").write_text(trial_csv(fieldtrial(2273, 1100), cols))
    cm.write_tree(root, {
        "fit.inp": "open trial.csv --quiet\n"
                   "ols grain const nrate rain height disease\nmodtest --normality\n"
                   "ols grain const nrate n_g rain\n"
                   "logit lodged const nrate height\n"
                   "poisson disease const nrate rain\n"
                   "loop d=0..3\n  smpl disease == d --restrict --replace\n  ols grain const nrate rain\nendloop\n"
                   "smpl full\nols tillers const nrate height --robust\n",
        "bad.inp": "open trial.csv --quiet\nols grain const nrate rain\n"
                   "matrix X = {const, nrate, n_g}\nmatrix C = cholesky(X'X)\nprint C\n"
                   "ols grain const nrate rainfall\nols grain const nrate\n",
    })
    cap("gretl-fit", "gretlcli -b fit.inp 2>&1 | head -n 400", root, n_gretl)
    cap("gretl-bad", "gretlcli -b bad.inp; echo EXIT=$?", root, n_gretl)


def miller(tmp: Path) -> None:
    root = tmp / "mlr"
    root.mkdir()
    rows = fieldtrial(2274, 2600)
    (root / "trial.csv").write_text(trial_csv(rows))
    import random
    rnd = random.Random(2274)
    soil = [f"soil_{k:02d}" for k in range(1, 29)]
    for r in rows:  # a soil panel: 28 measures, some never taken in one block, one keyed as text
        for k, s in enumerate(soil):
            r[s] = "" if rnd.random() < 0.025 * (k % 4) else round(rnd.gauss(10 + k, 1 + k % 5), 2)
        if r["block"] == "B5":
            r["soil_17"] = ""
    rows[57]["soil_09"] = "n/a"
    (root / "soil.csv").write_text(trial_csv(rows, ["plot", "block", "variety"] + soil))
    cap("mlr-summary-trial", "mlr --icsv --opprint summary trial.csv", root, n_mlr_summary)
    cap("mlr-summary-soil", "mlr --icsv --opprint summary --transpose -a field_type,count,null_count,mean,min,max "
        "soil.csv", root, n_mlr_summary)
    cap("mlr-errors", "mlr --icsv --ocsv put '$h = asserting_not_empty($height)' then cut -f plot,height,h trial.csv "
        "| tail -n 6; echo EXIT=$?; mlr --icsv --opprint put '$eff = $grain / ($nrate +) ' trial.csv; echo EXIT=$?",
        root, n_mlr_error)


def datamash(tmp: Path) -> None:
    root = tmp / "datamash"
    root.mkdir()
    (root / "trial.tsv").write_text(trial_csv(fieldtrial(2275, 2200), sep="\t"))
    lines = trial_csv(fieldtrial(2276, 700), sep="\t").splitlines(keepends=True)
    lines[455] = "\t".join(lines[455].rstrip("\n").split("\t")[:7]) + "\n"
    (root / "ragged.tsv").write_text("".join(lines))
    cap("datamash-grain", "datamash -H -s -g variety,block count nrate mean nrate max rain < trial.tsv; "
        "datamash -H -s -g variety count grain mean grain sstdev grain < trial.tsv; echo EXIT=$?", root,
        n_datamash_error)
    cap("datamash-ragged", "datamash -H --narm -g variety count nrate max grain < ragged.tsv | tail -n 15; "
        "datamash transpose < ragged.tsv > /dev/null; echo EXIT=$?; datamash -H sum 4 max 14 < trial.tsv; echo EXIT=$?",
        root, n_datamash_error)


READ = "d <- read.csv('trial.csv', stringsAsFactors = TRUE)\n"


def rbatch(tmp: Path) -> None:
    root = tmp / "rbatch"
    root.mkdir()
    (root / "trial.csv").write_text(trial_csv(fieldtrial(2277, 1400)))
    cm.write_tree(root, {
        "fit.R": READ + "summary(d[, c('nrate', 'rain', 'height', 'grain')])\n"
                 "m1 <- lm(grain ~ nrate + rain + height + disease, data = d)\nsummary(m1)\n"
                 "m2 <- lm(grain ~ nrate + n_g + rain, data = d)\nsummary(m2)\n"
                 "summary(aov(grain ~ variety + block, data = d))\n"
                 "m3 <- lm(grain ~ nrate + soil_ph, data = d)\nsummary(m3)\n",
        "blocks.R": READ + "d$lograin <- log(d$rain)\n"
                    "for (b in levels(d$block)) {\n  cat('## block', b, '\\n')\n"
                    "  print(summary(lm(grain ~ nrate + lograin, data = subset(d, block == b))))\n}\n"
                    "g <- glm(lodged ~ nrate * height, family = binomial, data = d)\nprint(summary(g))\n"
                    "d$tiller_class <- as.numeric(ifelse(d$tillers > 600, 'dense', d$tillers))\n"
                    "print(table(is.na(d$tiller_class)))\n",
    })
    cap("rout-fit", "R CMD BATCH --no-save --no-restore fit.R; echo EXIT=$?; cat fit.Rout", root, n_rout)
    cap("rout-blocks", "R CMD BATCH --no-save blocks.R && tail -n 150 blocks.Rout", root, n_rout)


def rglm(tmp: Path) -> None:
    root = tmp / "rglm"
    root.mkdir()
    (root / "trial.csv").write_text(trial_csv(fieldtrial(2278, 1600)))
    cap("rglm-disease", "Rscript -e \"d <- read.csv('trial.csv'); summary(glm(disease ~ nrate + n_g + variety + rain, "
        "family = poisson, data = d)); summary(glm(I(grain > 5) ~ grain + nrate, family = binomial, data = d)); "
        "summary(glm(lodged ~ nrate + height + variety, family = binomial, data = d))\" 2>&1; "
        "echo EXIT=$?", root, n_r_glm)


PY_GLM = """import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

d = pd.read_csv("trial.csv")
print(d[["nrate", "height", "grain"]].describe().to_string())
nb = smf.glm("disease ~ nrate + rain + C(variety)", data=d, family=sm.families.NegativeBinomial(alpha=0.5)).fit()
print(nb.summary())
lg = smf.glm("lodged ~ nrate + height", data=d, family=sm.families.Binomial()).fit()
print(lg.summary())
g = smf.glm("grain ~ nrate + n_g + rain", data=d.dropna(), family=sm.families.Gaussian()).fit()
print(g.summary())
"""

PY_BLOCKS = """import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

d = pd.read_csv("trial.csv")
for b, g in d.groupby("block"):
    print("## block", b, "plots:", len(g))
    print(smf.glm("lodged ~ nrate + height + I(grain > 4)", data=g, family=sm.families.Binomial()).fit().summary())
print(smf.glm("disease ~ nrate + tiler", data=d, family=sm.families.Poisson()).fit().summary())
"""

PY_MIXED = """import pandas as pd
import statsmodels.formula.api as smf

d = pd.read_csv("trial.csv").dropna()
m = smf.mixedlm("grain ~ nrate + rain + disease", d, groups=d["block"]).fit()
print(m.summary())
r = smf.mixedlm("grain ~ nrate + rain", d, groups=d["variety"], re_formula="~nrate + rain").fit()
print(r.summary())
"""

PY_SCIPY = """import numpy as np
import pandas as pd
from scipy import stats

d = pd.read_csv("trial.csv")
v = {k: g["grain"].to_numpy() for k, g in d.groupby("variety")}
print("welch Nara vs Arina:", stats.ttest_ind(v["Nara"], v["Arina"], equal_var=False))
print("welch Levis vs Arina (omit):", stats.ttest_ind(v["Levis"], v["Arina"], equal_var=False, nan_policy="omit"))
print("anova varieties:", stats.f_oneway(*[x[~np.isnan(x)] for x in v.values()]))
print("kruskal varieties:", stats.kruskal(*v.values(), nan_policy="omit"))
for b, g in d.groupby("block"):
    print(f"shapiro height {b}:", stats.shapiro(g["height"].dropna()))
    print(f"spearman nrate~disease {b}:", stats.spearmanr(g["nrate"], g["disease"]))
print("pearson nrate~n_g:", stats.pearsonr(d["nrate"], d["n_g"]))
print("chi2 variety x lodged:", stats.chi2_contingency(pd.crosstab(d["variety"], d["lodged"])))
print("fisher Probus:", stats.fisher_exact(pd.crosstab(d["variety"] == "Probus", d["lodged"]).to_numpy()))
print("mannwhitney lodged height:", stats.mannwhitneyu(d.loc[d.lodged == 1, "height"], d.loc[d.lodged == 0, "height"]))
print("bartlett:", stats.bartlett(*[x[~np.isnan(x)] for x in v.values()]))
print("wilcoxon:", stats.wilcoxon(d["grain"][:50], d["grain"][50:99]))
"""


def pystats(tmp: Path) -> None:
    root = tmp / "pystats"
    root.mkdir()
    (root / "trial.csv").write_text(trial_csv(fieldtrial(2279, 2000)))
    cm.write_tree(root, {"glm.py": PY_GLM, "blocks.py": PY_BLOCKS, "mixed.py": PY_MIXED, "tests.py": PY_SCIPY})
    py = f"{VENV}/bin/python"
    cap("sm-glm", f"{py} glm.py 2>&1", root, n_sm_glm, typed="python glm.py 2>&1")
    cap("sm-glm-blocks", f"{py} blocks.py 2>&1 | tail -n 220; echo EXIT=$?", root, n_sm_glm,
        typed="python blocks.py 2>&1 | tail -n 220; echo EXIT=$?")
    cap("sm-mixed", f"{py} mixed.py 2>&1", root, n_sm_mixed, timeout=900, typed="python mixed.py 2>&1")
    cap("scipy-tests", f"{py} -W always tests.py 2>&1; echo EXIT=$?", root, n_scipy_stats,
        typed="python -W always tests.py 2>&1; echo EXIT=$?")


STEPS = [pspp, jags, gretl, miller, datamash, rbatch, rglm, pystats]
