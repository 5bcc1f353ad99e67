"""Round 217, models fitted from scripts: the seeded `dosewise` study (capture_wide217.study) through R's
`R CMD BATCH` (transcripts with model summaries, warnings and an error that halts), R's `summary(glm(...))`
(binomial, Poisson, a singular fit, a separated one), statsmodels' GLM and mixed-model summaries (with convergence
and separation warnings) and scipy.stats' tests, from this round's venv. The extractors are this round's (NEEDLES.md,
"Round 217"). Run through capture_wide217.py."""

from __future__ import annotations

import re
from pathlib import Path

import capture_more as cm
from capture_more import kind
from capture_wide217 import VENV, cap, exit_lines, study, to_csv

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 217")


def _pick(lines, pat: str) -> list[str]:
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


def _after(lines, i: int) -> str | None:
    for k in range(i + 1, min(len(lines), i + 4)):
        if lines[k].strip():
            return lines[k]
    return None


R_COEF = re.compile(r"^(\(Intercept\)|[A-Za-z.][\w.:\[\]]*)\s+(-?\d[\d.]*(e[-+]?\d+)?|NA)\s")


def r_model_lines(lines) -> list:
    """Of any R model summary: the formula line under Call:, every coefficient row, the fit lines."""
    out: list = []
    inside = False
    for i, ln in enumerate(lines):
        if ln.startswith("Call:"):
            out.append(_after(lines, i))
        if ln.startswith("Coefficients:"):
            inside = True
            continue
        if inside:
            if not ln.strip() or ln.startswith("---"):
                inside = False
            elif R_COEF.match(ln):
                out.append(ln)
    out += _pick(lines, r"^Residual standard error|^Multiple R-squared|^F-statistic|deleted due to missingness|"
                        r"not defined because of singularities|^\s*Null deviance|^Residual deviance|^AIC:|"
                        r"^Number of Fisher Scoring iterations|^\(Dispersion parameter for")
    return out


def r_warnings(lines) -> list:
    """R's Error lines (with the line after), Warning message lines with the line after, grouped by shape."""
    out: list = []
    warn_pairs = []
    for i, ln in enumerate(lines):
        if re.match(r"^Error\b", ln):
            out += [ln, _after(lines, i)]
        elif re.match(r"^Warning messages?:", ln):
            out.append(ln)
            nxt = _after(lines, i)
            if nxt:
                warn_pairs.append((cm.mask(nxt), nxt))
        elif re.match(r"^\d+: ", ln) or re.search(r"glm\.fit: ", ln):
            warn_pairs.append((cm.mask(ln), ln))
    return out + cm.groups(warn_pairs)


@kind("r-cmd-batch-rout", "log")
def n_rout(lines):
    """Rule 1+3+5: every Error line and the line after with the `> ` command before it, warnings grouped by shape, Execution halted, the proc.time() values, any model summary's formula, coefficient rows and fit lines."""
    out = r_warnings(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^Error\b", ln):
            for k in range(i - 1, max(-1, i - 7), -1):
                if lines[k].startswith("> "):
                    out.append(lines[k])
                    break
        if re.match(r"^\s+user\s+system\s+elapsed", ln):
            out.append(_after(lines, i))
    out += _pick(lines, r"^Execution halted")
    return out + r_model_lines(lines) + exit_lines(lines)


@kind("r-glm-summary", "table")
def n_r_glm(lines):
    """Rule 1+5: the formula under Call:, the dispersion (family) line, every coefficient row (NA rows included), the singularities line, Null/Residual deviance, AIC, Fisher scoring iterations, missingness, every warning and Error line."""
    return r_model_lines(lines) + r_warnings(lines) + exit_lines(lines)


SM_WARN = re.compile(r"\b\w*Warning: ")
SM_ROW = re.compile(r"^[A-Za-z_(][^\n]*?\s+(-?\d|nan)")
SM_EXC = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception)(: |$)")


def sm_common(lines) -> list:
    """Warnings one {"any"} per (category, message shape), each traceback's exception line."""
    pairs = []
    for ln in lines:
        m = SM_WARN.search(ln)
        if m:
            pairs.append(((m.group(0), cm.mask(ln[m.end():])), ln))
    return cm.groups(pairs) + [ln for ln in lines if SM_EXC.match(ln)]


def sm_coef_rows(lines, head: str) -> list[str]:
    """The coefficient rows of each statsmodels table whose header holds `head`, up to the table's closing rule."""
    out, inside = [], False
    for ln in lines:
        if head in ln and ("std err" in ln or "Std.Err." in ln):
            inside = True
            continue
        if inside:
            if ln.startswith("=") or not ln.strip() or ln.strip() == "--":  # the table's end, or grep's separator
                inside = False
            elif SM_ROW.match(ln) and not SM_WARN.search(ln):
                out.append(ln)
    return out


@kind("statsmodels-glm-summary", "table")
def n_sm_glm(lines):
    """Rule 1+5: the title, the lines holding Dep. Variable/Model Family/Link Function/No. Observations/Deviance/Log-Likelihood/No. Iterations/Pearson chi2/Scale, every coefficient row, numbered notes, warnings per (category, shape), exception lines."""
    out = _pick(lines, r"Generalized Linear Model Regression Results|Dep\. Variable:|Model Family:|Link Function:|"
                       r"No\. Observations:|Deviance:|Log-Likelihood:|No\. Iterations:|Pearson chi2:|Scale:|^\[\d+\]")
    return out + sm_coef_rows(lines, "coef") + sm_common(lines) + exit_lines(lines)


@kind("statsmodels-mixedlm-summary", "table")
def n_sm_mixed(lines):
    """Rule 1+5: the title, the lines holding Model:/No. Groups:/Min. and Max. group size/Log-Likelihood/Method:/Converged:, every coefficient row (Group Var included), warnings per (category, shape), exception lines."""
    out = _pick(lines, r"Mixed Linear Model Regression Results|Model:|No\. Groups:|Min\. group size:|"
                       r"Max\. group size:|Log-Likelihood:|Method:|Converged:")
    return out + sm_coef_rows(lines, "Coef.") + sm_common(lines) + exit_lines(lines)


@kind("scipy-stats-tests", "log")
def n_scipy_stats(lines):
    """Rule 1+5: every line holding pvalue= or statistic=, warnings per (category, shape), exception lines."""
    return _pick(lines, r"pvalue=|statistic=") + sm_common(lines) + exit_lines(lines)


# ------------------------------------------------------------------ the steps

READ = "d <- read.csv('study.csv', stringsAsFactors = TRUE)\n"


def rbatch(tmp: Path) -> None:
    root = tmp / "rbatch"
    root.mkdir()
    (root / "study.csv").write_text(to_csv(study(2178, 1200)))
    cm.write_tree(root, {
        "fit.R": READ + "str(d)\nsummary(d[, c('dose', 'age', 'weight', 'resp')])\n"
                 "m1 <- lm(resp ~ dose + age + weight + sbp, data = d)\nsummary(m1)\n"
                 "m2 <- lm(resp ~ dose + dose_ug + age, data = d)\nsummary(m2)\n"
                 "d$visits_num <- as.numeric(ifelse(d$visits > 8, 'many', d$visits))\n"
                 "table(is.na(d$visits_num))\n"
                 "m3 <- lm(resp ~ dose * arm + bmi, data = d)\nsummary(m3)\n",
        "models.R": READ + "fits <- list()\nfor (s in levels(d$site)) {\n  cat('== site', s, '\\n')\n"
                    "  fits[[s]] <- lm(resp ~ dose + age, data = subset(d, site == s))\n"
                    "  print(summary(fits[[s]]))\n}\n"
                    "anova(lm(resp ~ dose, data = d), lm(resp ~ dose + age + site, data = d))\n",
        "sitewise.R": READ + "summary(d)\nfor (s in levels(d$site)) {\n  cat('== site', s, '\\n')\n"
                      "  g <- glm(event ~ dose + age + sex + weight, family = binomial, data = subset(d, site == s))\n"
                      "  print(summary(g))\n  print(anova(lm(resp ~ arm, data = subset(d, site == s))))\n}\n"
                      "tapply(d$resp, d$arm, mean)\nsessionInfo()\n",
        "glmwarn.R": READ + "d$hi <- as.integer(d$dose > 7)\n"
                     "g <- glm(hi ~ dose + age, family = binomial, data = d)\nsummary(g)\n"
                     "g2 <- glm(visits ~ dose + log(weight - 60), family = poisson, data = d)\nsummary(g2)\n"
                     "predict(g2, newdata = data.frame(dose = 5, weight = 50))\n"
                     "confint.default(g2)\nstopifnot(all(is.finite(coef(g2))))\n",
    })
    cap("rout-fit", "R CMD BATCH --no-save --no-restore fit.R; cat fit.Rout", root, n_rout)
    cap("rout-models", "R CMD BATCH --no-save models.R && cat models.Rout", root, n_rout)
    cap("rout-sitewise", "R CMD BATCH --no-save sitewise.R; cat sitewise.Rout", root, n_rout)
    cap("rout-glmwarn", "R CMD BATCH --no-save glmwarn.R; echo EXIT=$?; tail -n 80 glmwarn.Rout", root, n_rout)


def rglm(tmp: Path) -> None:
    root = tmp / "rglm"
    root.mkdir()
    (root / "study.csv").write_text(to_csv(study(2179, 1500)))
    cm.write_tree(root, {
        "glm_sites.R": READ + "for (s in levels(d$site)) {\n  cat('== site', s, '\\n')\n"
                       "  print(summary(glm(event ~ dose + age + sex, family = binomial, data = subset(d, site == s))))\n}\n",
    })
    cap("rglm-logit", "Rscript -e \"d <- read.csv('study.csv'); summary(glm(event ~ dose + age + sex + weight, "
        "family = binomial, data = d))\"", root, n_r_glm)
    cap("rglm-singular", "Rscript -e \"d <- read.csv('study.csv'); summary(glm(visits ~ dose + dose_ug + arm + age, "
        "family = poisson, data = d)); summary(glm(I(dose > 7) ~ dose + age, family = binomial, data = d))\" 2>&1; "
        "echo EXIT=$?", root, n_r_glm)
    cap("rglm-sites", "Rscript glm_sites.R 2>&1 | head -n 300", root, n_r_glm)


PY_GLM = """import warnings
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

d = pd.read_csv("study.csv")
print(d[["dose", "age", "weight", "resp"]].isna().sum().to_string())
m = smf.glm("event ~ dose + age + C(sex) + weight", data=d, family=sm.families.Binomial()).fit()
print(m.summary())
p = smf.glm("visits ~ dose + dose_ug + C(arm)", data=d, family=sm.families.Poisson()).fit()
print(p.summary())
d["hi"] = (d["dose"] > 7).astype(int)
s = smf.glm("hi ~ dose + age", data=d, family=sm.families.Binomial()).fit(maxiter=25)
print(s.summary())
"""

PY_GLM2 = """import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

d = pd.read_csv("study.csv").dropna()
d = d[d["resp"] > 0]
for fam in ["Gamma", "InverseGaussian"]:
    f = getattr(sm.families, fam)(link=sm.families.links.Log())
    r = smf.glm("resp ~ dose + age + C(site)", data=d, family=f).fit(maxiter=8)
    print(r.summary())
t = smf.glm("resp ~ dose + age", data=d, family=sm.families.Tweedie(var_power=1.5)).fit()
print(t.summary())
print(smf.glm("resp ~ dose + weigth", data=d).fit().summary())
"""

PY_SITES = """import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

d = pd.read_csv("study.csv")
for site, g in d.groupby("site"):
    print("== site", site, "n =", len(g))
    print(smf.glm("event ~ dose + dose_ug + age + C(sex)", data=g, family=sm.families.Binomial()).fit().summary())
"""

PY_MIXED = """import pandas as pd
import statsmodels.formula.api as smf

d = pd.read_csv("study.csv").dropna()
m = smf.mixedlm("resp ~ dose + age + weight", d, groups=d["site"]).fit()
print(m.summary())
r = smf.mixedlm("resp ~ dose + age", d, groups=d["site"], re_formula="~dose + age").fit()
print(r.summary())
"""

PY_MIXED2 = """import pandas as pd
import statsmodels.formula.api as smf

d = pd.read_csv("study.csv")
for arm, g in d.dropna().groupby("arm"):
    print("==", arm)
    print(smf.mixedlm("sbp ~ age + weight", g, groups=g["site"], re_formula="~age").fit(method=["lbfgs"]).summary())
print(smf.mixedlm("resp ~ dose + age", d, groups=d["site"]).fit().summary())
"""

PY_SCIPY = """import numpy as np
import pandas as pd
from scipy import stats

d = pd.read_csv("study.csv")
arms = {a: g["resp"].to_numpy() for a, g in d.groupby("arm")}
print("welch low vs placebo:", stats.ttest_ind(arms["low"], arms["placebo"], equal_var=False))
print("welch high vs placebo (omit nan):", stats.ttest_ind(arms["high"], arms["placebo"], equal_var=False, nan_policy="omit"))
print("anova arms:", stats.f_oneway(*[v[~np.isnan(v)] for v in arms.values()]))
print("kruskal arms:", stats.kruskal(*arms.values(), nan_policy="omit"))
for s, g in d.groupby("site"):
    w = g["weight"].dropna().to_numpy()
    print(f"shapiro weight {s}:", stats.shapiro(w))
    print(f"pearson dose~resp {s}:", stats.pearsonr(g["dose"].fillna(0), g["resp"].fillna(g["resp"].mean())))
print("pearson dose~dose_ug:", stats.pearsonr(d["dose"], d["dose_ug"]))
placebo = d[d["arm"] == "placebo"]
print("spearman placebo dose~resp:", stats.spearmanr(placebo["dose"], placebo["resp"]))
tab = pd.crosstab(d["site"], d["event"])
print("chi2 site x event:", stats.chi2_contingency(tab))
print("fisher S99:", stats.fisher_exact(pd.crosstab(d["site"] == "S99", d["event"]).to_numpy()))
print("mannwhitney sex:", stats.mannwhitneyu(d.loc[d.sex == "F", "sbp"], d.loc[d.sex == "M", "sbp"]))
print("levene:", stats.levene(*[v[~np.isnan(v)] for v in arms.values()]))
print("ttest_rel:", stats.ttest_rel(d["resp"][:100], d["resp"][:99]))
"""


def pystats(tmp: Path) -> None:
    root = tmp / "pystats"
    root.mkdir()
    (root / "study.csv").write_text(to_csv(study(2180, 2000)))
    cm.write_tree(root, {"glm.py": PY_GLM, "glm2.py": PY_GLM2, "mixed.py": PY_MIXED, "mixed2.py": PY_MIXED2,
                         "tests.py": PY_SCIPY,
                         "sites.py": PY_SITES})
    py = f"{VENV}/bin/python"
    cap("sm-glm", f"{py} glm.py", root, n_sm_glm, typed="python glm.py")
    cap("sm-glm-families", f"{py} glm2.py 2>&1; echo EXIT=$?", root, n_sm_glm, typed="python glm2.py 2>&1; echo EXIT=$?")
    cap("sm-glm-grep", f"{py} glm.py 2>&1 | grep -iE -A2 'warning|coef|converge|separation'", root, n_sm_glm,
        typed="python glm.py 2>&1 | grep -iE -A2 'warning|coef|converge|separation'")
    cap("sm-glm-sites", f"{py} sites.py 2>&1", root, n_sm_glm, typed="python sites.py 2>&1")
    cap("sm-mixed", f"{py} mixed.py", root, n_sm_mixed, timeout=900, typed="python mixed.py")
    cap("sm-mixed-arms", f"{py} mixed2.py 2>&1 | tail -n 150; echo EXIT=$?", root, n_sm_mixed, timeout=900,
        typed="python mixed2.py 2>&1 | tail -n 150; echo EXIT=$?")
    cap("scipy-tests", f"{py} tests.py; echo EXIT=$?", root, n_scipy_stats, typed="python tests.py; echo EXIT=$?")
    cap("scipy-tests-warn", f"{py} -W always tests.py 2>&1 | grep -iE -B1 'warning|error|pvalue=nan'", root,
        n_scipy_stats, typed="python -W always tests.py 2>&1 | grep -iE -B1 'warning|error|pvalue=nan'")


STEPS = [rbatch, rglm, pystats]
