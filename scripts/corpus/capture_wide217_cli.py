"""Round 217, statistics packages' own command lines: the seeded `dosewise` study (capture_wide217.study) read by
PSPP syntax files (DESCRIPTIVES, FREQUENCIES, REGRESSION, files that stop on syntax), fitted in JAGS with its chains
summarised by R's coda, regressed in gretl (`gretlcli -b`), summarised and broken by Miller, and grouped by GNU
datamash until a bad field stops it. The extractors are this round's (NEEDLES.md, "Round 217"). Run through
capture_wide217.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import kind
from capture_wide217 import COLUMNS, cap, exit_lines, study, to_csv

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 217")


def _pick(lines, pat: str) -> list[str]:
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


def _next_nonblank(lines, i: int) -> str | None:
    for k in range(i + 1, min(len(lines), i + 4)):
        if lines[k].strip():
            return lines[k]
    return None


def _prev_cmd(lines, i: int, prefix: str, back: int = 6) -> str | None:
    for k in range(i - 1, max(-1, i - 1 - back), -1):
        if lines[k].startswith(prefix):
            return lines[k]
    return None


def _warn_groups(lines, pat: str) -> list:
    return cm.groups((cm.mask(ln), ln) for ln in _pick(lines, pat))


def pspp_diag(lines) -> list:
    """Rule 1 in PSPP: every `error:` line, `warning:` lines one {"any"} per message shape."""
    return _pick(lines, r"\berror:") + _warn_groups(lines, r"\bwarning:")


def pspp_tables(lines) -> list[tuple[str, list[str]]]:
    """(title, its `|` rows) of every PSPP text table."""
    out, i = [], 0
    while i < len(lines) - 1:
        ln = lines[i]
        if ln.strip() not in ("", "--") and not ln.lstrip().startswith(("|", "+")) and lines[i + 1].startswith("+"):
            rows, k = [], i + 1
            while k < len(lines) and lines[k].startswith(("|", "+")):
                if lines[k].startswith("|"):
                    rows.append(lines[k])
                k += 1
            out.append((ln, rows))
            i = k
        else:
            i += 1
    return out


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _num(s: str) -> float | None:
    try:
        return float(s.rstrip("%"))
    except ValueError:
        return None


@kind("pspp-descriptives", "table")
def n_pspp_descriptives(lines):
    """Rule 1+5: every error line, warnings one {"any"} per shape, every table title, each Descriptive Statistics table's header and every variable row, the Valid/Missing N (listwise) rows."""
    out = pspp_diag(lines)
    for title, rows in pspp_tables(lines):
        out.append(title)
        if "Descriptive Statistics" in title:
            out += rows
    return out + exit_lines(lines)


@kind("pspp-frequencies", "table")
def n_pspp_frequencies(lines):
    """Rule 1+4+5: every error line, warnings one {"any"} per shape, every table title, each frequency table's header, Total row, Missing rows, and the rows with the largest and smallest Frequency."""
    out = pspp_diag(lines)
    for title, rows in pspp_tables(lines):
        out.append(title)
        if not rows or "Frequency" not in rows[0]:
            continue
        out.append(rows[0])
        body = []
        for r in rows[1:]:
            c = _cells(r)
            if c[0].startswith("Total") or c[0] == "":
                if c[0].startswith("Total"):
                    out.append(r)
                continue
            if "Missing" in r:
                out.append(r)
            f = _num(c[1]) if len(c) > 1 else None
            if f is not None and "Missing" not in r:
                body.append((f, r))
        if body:
            out.append(max(body, key=lambda t: t[0])[1])
            out.append(min(body, key=lambda t: t[0])[1])
    return out + exit_lines(lines)


@kind("pspp-regression", "table")
def n_pspp_regression(lines):
    """Rule 1+5: every error line, warnings one {"any"} per shape, every table title, the Model Summary's value row, the ANOVA's Regression row, every row of the Coefficients table."""
    out = pspp_diag(lines)
    for title, rows in pspp_tables(lines):
        out.append(title)
        if title.strip().startswith("Model Summary") and rows:
            out.append(rows[-1])
        elif title.strip().startswith("ANOVA"):
            out += [r for r in rows if _cells(r)[0].startswith("Regression")]
        elif title.strip().startswith("Coefficients"):
            out += [r for r in rows if _cells(r)[0]]
    return out + exit_lines(lines)


@kind("pspp-syntax-error", "lint")
def n_pspp_syntax(lines):
    """Rule 1: every error line, warnings one {"any"} per shape, and every table title printed before or between the errors."""
    return pspp_diag(lines) + [t for t, _ in pspp_tables(lines)] + exit_lines(lines)


JAGS_ERR = r"Error|RUNTIME ERROR|Compilation error|syntax error|Unable to|Cannot|Deleting model"


@kind("jags-run", "log")
def n_jags(lines):
    """Rule 1+5: every error line and the non-blank line after it, WARNING lines one {"any"} per shape, the Graph information counts, every Reading data file line, the last Updating line."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(JAGS_ERR, ln):
            out += [ln, _next_nonblank(lines, i)]
    out += _warn_groups(lines, r"WARNING")
    out += _pick(lines, r"Observed stochastic nodes|Unobserved stochastic nodes|Total graph size|^Reading data file")
    upd = _pick(lines, r"^Updating \d+")
    return out + upd[-1:] + exit_lines(lines)


@kind("r-coda-summary", "table")
def n_coda(lines):
    """Rule 5: the Iterations/Thinning/chains/sample size lines, every parameter row of the mean and quantile tables, gelman.diag rows over 1.1 and the multivariate psrf value, the effective sample size value lines, every Error/Warning line."""
    out = _pick(lines, r"^(Iterations|Thinning interval|Number of chains|Sample size per chain) =|Error|Warning")
    section = None
    for i, ln in enumerate(lines):
        if ln.startswith(("1. Empirical mean", "2. Quantiles")):
            section = "table"
        elif ln.startswith("Potential scale reduction"):
            section = "psrf"
        elif ln.startswith("Multivariate psrf"):
            out.append(_next_nonblank(lines, i))
            section = None
        elif ln.startswith("== effective sample size"):
            section = "ess"
        elif ln.startswith(("== ", "Iterations")):
            section = None
        elif section == "table" and re.match(r"^\S+\s+-?\d", ln):
            out.append(ln)
        elif section == "psrf":
            m = re.match(r"^(\S+)\s+([\d.]+)\s+([\d.]+|Inf|NaN)", ln)
            if m and float(m.group(2)) > 1.1:
                out.append(ln)
        elif section == "ess" and re.match(r"^\s*[\d.]+(\s+[\d.]+)*\s*$", ln):
            out.append(ln)
    return out + exit_lines(lines)


GRETL_ERR = (r"is undefined|\bError\b|(?<!std\. )\berror\b(?! is normally)|[Ss]ingular|not positive definite|"
             r"Terminated on error|\bfailed\b")


@kind("gretlcli-batch", "log")
def n_gretl(lines):
    """Rule 1+5: Model and Dependent variable lines, collinearity omissions, every coefficient row, R-squared and F lines, every error line with the `?` command before it, dropped-observation lines, the OpenMP warning box once."""
    out = _pick(lines, r"^Model \d+:|^Dependent variable:|Omitted due to exact collinearity|^R-squared|^F\(|"
                       r"[Mm]issing or incomplete observations dropped|observations? .*dropped")
    for i, ln in enumerate(lines):
        if re.search(GRETL_ERR, ln) and not ln.startswith("? "):
            out += [ln, _prev_cmd(lines, i, "? ")]
        if ln.startswith("Terminated on error") and i and not lines[i - 1].startswith("? "):
            out.append(lines[i - 1])  # gretl prints the error's own message on the line just before
    out += [ln for ln in lines if re.match(r"^  \S+\s+-?\d[\d.e+-]*\s+\d[\d.e+-]*\s+-?\d[\d.e+-]*\s+\d[\d.e+-]*", ln)]
    box = [ln for ln in lines if ln.startswith("*")]
    if box:
        out.append(cm.any_of(box))
    return out + exit_lines(lines)


@kind("mlr-summary", "table")
def n_mlr_summary(lines):
    """Rule 5: the header row and every field's row (type, counts, mean, min, max); transposed, the field_type/null_count/mean/min/max lines."""
    out: list = []
    for i, ln in enumerate(lines):
        if ln.startswith("field_name"):
            out.append(ln)
            if len(ln.split()) > 2:  # one row per field under this header
                for k in range(i + 1, len(lines)):
                    if not lines[k].strip():
                        break
                    out.append(lines[k])
        elif re.match(r"^(field_type|null_count|mean|min|max)\b", ln):
            out.append(ln)
    return out + _pick(lines, r"\bmlr: ") + exit_lines(lines)


@kind("mlr-error", "log")
def n_mlr_error(lines):
    """Rule 1: every mlr: line, Parse error lines and their `at line N column M` line, and the header and last record printed before the error."""
    err = [i for i, ln in enumerate(lines) if re.search(r"\bmlr: ", ln) or "Parse error" in ln or re.search(r"at line \d+ column \d+", ln)]
    out: list = [lines[i] for i in err]
    if err:
        before = [ln for ln in lines[:err[0]] if ln.strip() and not EXIT_LINE.match(ln.strip()) and not ln.startswith("==")]
        if before:
            out += [before[0], before[-1]]
    return out + exit_lines(lines)


EXIT_LINE = re.compile(r"^EXIT=\d+$")


@kind("datamash-error", "log")
def n_datamash_error(lines):
    """Rule 1: every datamash: line, the last output row before the first error, the header row when one was printed."""
    out: list = []
    errs = [i for i, ln in enumerate(lines) if ln.startswith("datamash:")]
    out += [lines[i] for i in errs]
    if errs:
        before = [ln for ln in lines[:errs[0]] if ln.strip() and not EXIT_LINE.match(ln.strip()) and not ln.startswith(("==", "$"))]
        if before:
            if re.search(r"\w\(\w+\)", before[0]):  # datamash's own header: GroupBy(x), mean(y)
                out.append(before[0])
            out.append(before[-1])
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the steps

SPSS_VARS = ("/VARIABLES=id A12 site A3 arm A7 dose F6.2 dose_ug F8.0 age F3.0 sex A1 weight F6.1 sbp F4.0 "
             "resp F6.2 event F1.0 visits F2.0.")


def get_data(csv: str) -> str:
    return f"GET DATA /TYPE=TXT /FILE='{csv}' /ARRANGEMENT=DELIMITED /DELIMITERS=',' /FIRSTCASE=2\n  {SPSS_VARS}\n"


def pspp(tmp: Path) -> None:
    root = tmp / "pspp"
    root.mkdir()
    (root / "study.csv").write_text(to_csv(study(217, 1500)))
    (root / "big.csv").write_text(to_csv(study(2171, 4000)))
    g = get_data("study.csv")
    cm.write_tree(root, {
        "desc.sps": g + "DESCRIPTIVES /VARIABLES=dose dose_ug age weight sbp resp event visits\n"
                        "  /STATISTICS=MEAN STDDEV MIN MAX SEMEAN VARIANCE SKEWNESS.\n"
                        "SORT CASES BY arm.\nSPLIT FILE BY arm.\nDESCRIPTIVES /VARIABLES=dose age weight sbp resp.\n",
        "sites.sps": get_data("big.csv") + "SORT CASES BY site.\nSPLIT FILE BY site.\n"
                     "DESCRIPTIVES /VARIABLES=dose age weight sbp resp visits /STATISTICS=ALL.\n",
        "freq.sps": g + "FREQUENCIES /VARIABLES=site arm sex event visits /STATISTICS=MODE.\n",
        "freq_age.sps": get_data("big.csv") + "FREQUENCIES /VARIABLES=age sbp /STATISTICS=MEAN MEDIAN MIN MAX.\n",
        "freq_weight.sps": get_data("big.csv") + "FREQUENCIES /VARIABLES=weight /STATISTICS=MEAN STDDEV MIN MAX.\n",
        "reg.sps": g + "REGRESSION /VARIABLES=dose age weight sbp /DEPENDENT=resp /STATISTICS=COEFF R ANOVA.\n"
                       "REGRESSION /VARIABLES=dose dose_ug age /DEPENDENT=resp /STATISTICS=COEFF R ANOVA.\n",
        "reg_sites.sps": get_data("big.csv") + "SORT CASES BY site.\nSPLIT FILE BY site.\n"
                         "REGRESSION /VARIABLES=dose age weight /DEPENDENT=resp /STATISTICS=COEFF R ANOVA.\n",
        "clean.sps": g + "DESCRIPTIVES /VARIABLES=dose age weight.\n"
                         "FREQUENCIES /VARIABLES=arm.\n"
                         "RECODE age (LO THRU 39=1) (40 THRU 64=2) (65 THRU HI=3) INTO ageband\n"
                         "FREQUENCIES /VARIABLES=ageband.\n"
                         "DESCRIPTIVES /VARIABLES=resp response.\n"
                         "REGRESION /VARIABLES=dose age /DEPENDENT=resp.\n"
                         "CROSSTABS /TABLES=arm BY sex.\n"
                         "T-TEST /GROUPS=sex('F' 'M') /VARIABLES=resp sbp.\n"
                         "COMPUTE bmi = weight / (height / 100) ** 2.\n"
                         "DESCRIPTIVES /VARIABLES=bmi.\n",
        "recode.sps": g + "COMPUTE logw = LN(weight - 60).\n"
                          "DESCRIPTIVES /VARIABLES=logw.\n"
                          "SELECT IF (arm = 'placebo').\n"
                          "REGRESSION /VARIABLES=dose /DEPENDENT=resp.\n"
                          "FREQUENCIES /VARIABLES=site /FORMAT=DFREQ.\n"
                          "SAVE OUTFILE='/nonexistent/dir/placebo.sav'.\n"
                          "LIST /VARIABLES=id site resp /CASES=FROM 1 TO 5.\n"
                          "EXECUTE\nDESCRIPTIVES /VARIABLES= .\n",
    })
    cap("pspp-desc", "pspp desc.sps", root, n_pspp_descriptives)
    cap("pspp-desc-sites", "pspp sites.sps | head -n 400", root, n_pspp_descriptives)
    cap("pspp-freq", "pspp freq.sps; echo EXIT=$?", root, n_pspp_frequencies)
    cap("pspp-freq-age", "pspp freq_age.sps", root, n_pspp_frequencies)
    cap("pspp-freq-tail", "pspp freq_age.sps | tail -n 120", root, n_pspp_frequencies)
    cap("pspp-freq-weight", "pspp freq_weight.sps", root, n_pspp_frequencies)
    cap("pspp-reg", "pspp reg.sps; echo EXIT=$?", root, n_pspp_regression)
    cap("pspp-reg-sites", "pspp reg_sites.sps", root, n_pspp_regression)
    cap("pspp-clean", "pspp clean.sps; echo EXIT=$?", root, n_pspp_syntax)
    cap("pspp-recode", "pspp recode.sps 2>&1 | tail -n 80; echo EXIT=$?", root, n_pspp_syntax)
    cap("pspp-grep", "for f in clean recode reg; do pspp $f.sps; done 2>&1 | grep -iE -B1 -A3 'error|warning'", root, n_pspp_syntax)


def r_dump(name: str, vals) -> str:
    return f"{name} <- c(" + ", ".join("NA" if v == "" else str(v) for v in vals) + ")\n"


def jags(tmp: Path) -> None:
    root = tmp / "jags"
    root.mkdir()
    rows = study(2172, 600)
    sites = sorted({r["site"] for r in rows})
    (root / "d.R").write_text(
        f"N <- {len(rows)}\nJ <- {len(sites)}\n" + r_dump("y", [r["resp"] for r in rows])
        + r_dump("dose", [r["dose"] for r in rows]) + r_dump("age", [r["age"] for r in rows])
        + r_dump("site", [sites.index(r["site"]) + 1 for r in rows]) + r_dump("event", [r["event"] for r in rows]))
    bad_ev = [r["event"] for r in rows]
    bad_ev[77] = 2
    (root / "d_bad.R").write_text((root / "d.R").read_text().replace(r_dump("event", [r["event"] for r in rows]),
                                                                     r_dump("event", bad_ev)))
    hier = """model {
  for (i in 1:N) {
    y[i] ~ dnorm(mu[i], tau)
    mu[i] <- a + u[site[i]] + b.dose * dose[i] + b.age * (age[i] - 50)
  }
  for (j in 1:J) { u[j] ~ dnorm(0, tau.u) }
  a ~ dnorm(0, 1.0E-4)
  b.dose ~ dnorm(0, 1.0E-4)
  b.age ~ dnorm(0, 1.0E-4)
  tau ~ dgamma(0.01, 0.01)
  tau.u ~ dgamma(0.01, 0.01)
  sigma <- 1 / sqrt(tau)
  sigma.u <- 1 / sqrt(tau.u)
}
"""
    cm.write_tree(root, {
        "hier.bug": hier,
        # not centred, no site term pinned: a and u[] trade off, so the chains wander (a poor mix, on purpose)
        "loose.bug": hier.replace("(age[i] - 50)", "age[i]").replace("dnorm(0, tau.u)", "dnorm(a, tau.u)"),
        "typo.bug": hier.replace("y[i] ~ dnorm(mu[i], tau)", "y[i] ~ dnorm(mu[i] tau)"),
        "undeclared.bug": hier.replace("b.age * (age[i] - 50)", "b.age * (agee[i] - 50)"),
        "logit.bug": """model {
  for (i in 1:N) {
    event[i] ~ dbern(p[i])
    logit(p[i]) <- c0 + c1 * dose[i] + c2 * (age[i] - 50)
  }
  c0 ~ dnorm(0, 0.01)
  c1 ~ dnorm(0, 0.01)
  c2 ~ dnorm(0, 0.01)
}
""",
        "index.bug": hier.replace("for (j in 1:J)", "for (j in 1:(J - 2))"),
    })
    mons = "".join(f"monitor {p}\n" for p in ["a", "b.dose", "b.age", "sigma", "sigma.u", "u"])

    def cmd(name: str, model: str, data: str = "d.R", burn: int = 1000, n: int = 2000, chains: int = 3,
            m: str = mons, stem: str = "") -> None:
        (root / f"{name}.cmd").write_text(
            f"model in {model}\ndata in {data}\ncompile, nchains({chains})\ninitialize\nupdate {burn}\n{m}"
            f"update {n}\ncoda *{', stem(' + stem + ')' if stem else ''}\nexit\n")

    cmd("hier", "hier.bug", stem="hier_")
    cmd("hier_mu", "hier.bug", burn=500, n=1000, m="monitor mu, thin(5)\nmonitor u, thin(5)\n", stem="mu_")
    cmd("loose", "loose.bug", burn=10, n=300, stem="loose_")
    cmd("typo", "typo.bug")
    cmd("undeclared", "undeclared.bug")
    cmd("logit_bad", "logit.bug", data="d_bad.R", m="monitor c1\n")
    cmd("index", "index.bug")
    cap("jags-hier", "jags hier.cmd; echo EXIT=$?; jags hier_mu.cmd", root, n_jags, timeout=900)
    cap("jags-all", "for f in typo undeclared logit_bad index loose; do echo \"== $f\"; jags $f.cmd; done 2>&1; "
        "echo EXIT=$?", root, n_jags, timeout=900)
    coda = ("library(coda)\nstem <- commandArgs(TRUE)[1]\n"
            "ch <- lapply(1:3, function(k) read.coda(sprintf('%%schain%%d.txt', stem, k), sprintf('%%sindex.txt', stem), quiet = TRUE))\n"
            "s <- as.mcmc.list(ch)\nprint(summary(s))\nprint(gelman.diag(s, multivariate = TRUE))\n"
            "cat('== effective sample size\\n')\nprint(round(effectiveSize(s), 1))\n").replace("%%", "%")
    (root / "summ.R").write_text(coda)
    cap("coda-hier", "Rscript summ.R hier_", root, n_coda)
    cap("coda-mu", "Rscript summ.R mu_ | head -n 400", root, n_coda, timeout=900)
    cap("coda-loose", "Rscript summ.R loose_ 2>&1 | tail -n 60", root, n_coda)


def gretl(tmp: Path) -> None:
    root = tmp / "gretl"
    root.mkdir()
    cols = [c for c in COLUMNS if c not in ("id",)]
    (root / "study.csv").write_text(to_csv(study(2173, 900), cols))
    cm.write_tree(root, {
        "ols.inp": "open study.csv --quiet\nseries female = (sex == \"F\")\n"
                   "ols resp const dose age weight sbp female\nols resp const dose dose_ug age\n"
                   "logit event const dose age female\nols visits const resp\nmodtest --white\n",
        "sing.inp": "open study.csv --quiet\nseries dose2 = 2 * dose\nmatrix X = {const, dose, dose2}\n"
                    "matrix XtX = X'X\nprint XtX\nmatrix XtXi = inv(XtX)\nprint XtXi\n",
        "typo.inp": "open study.csv --quiet\nols resp const dose age\nols resp const dose agee\nols resp const dose\n",
        "sys.inp": "open study.csv --quiet\nseries dose2 = dose * 2\n"
                   "ols resp const dose age\nvif\nols sbp const age weight\nols resp const dose --robust\n"
                   "probit event const dose age\n"
                   "ols resp const dose age weight sbp\nomit weight sbp\n"
                   "loop v=1..9\n  smpl visits == v --restrict --replace\n  ols resp const dose age weight\nendloop\n"
                   "smpl full\n"
                   "system method=sur\n  equation resp const dose dose2\n  equation sbp const age\nend system\n",
    })
    cap("gretl-ols", "gretlcli -b ols.inp", root, n_gretl)
    cap("gretl-singular", "gretlcli -b sing.inp; echo EXIT=$?", root, n_gretl)
    cap("gretl-typo", "gretlcli -b typo.inp 2>&1 | tail -n 40; echo EXIT=$?", root, n_gretl)
    cap("gretl-sys", "gretlcli -b sys.inp 2>&1 | tail -n 200", root, n_gretl)


def miller(tmp: Path) -> None:
    root = tmp / "mlr"
    root.mkdir()
    rows = study(2174, 3000)
    (root / "study.csv").write_text(to_csv(rows))
    rnd = random.Random(2174)
    labs = [f"lab{k:02d}" for k in range(1, 41)]
    for r in rows:  # a wide lab panel: 40 assays, some never measured at a site, one left as text
        for k, lab in enumerate(labs):
            r[lab] = "" if rnd.random() < 0.03 * (k % 5) else round(rnd.lognormvariate(k % 7, 0.4), 3)
        if r["site"] == "S07":
            r["lab13"] = ""
    rows[99]["lab21"] = "hemolysed"
    (root / "labs.csv").write_text(to_csv(rows, COLUMNS + labs))
    lines = to_csv(study(2175, 800)).splitlines(keepends=True)
    lines[312] = lines[312].rstrip("\n") + ",extra\n"  # a row with one field too many
    (root / "ragged.csv").write_text("".join(lines))
    cap("mlr-summary", "mlr --icsv --opprint summary study.csv", root, n_mlr_summary)
    cap("mlr-summary-labs", "mlr --icsv --opprint summary labs.csv", root, n_mlr_summary)
    cap("mlr-summary-arm", "for a in placebo low high; do echo \"== $a\"; mlr --icsv --opprint filter '$arm == \"'$a'\"' "
        "then summary -a field_type,null_count,mean,median,minlen,min,max study.csv; done", root, n_mlr_summary)
    cap("mlr-dsl", "mlr --icsv --opprint put '$bmi = $weight / ($height / 100) ** ; $flag = $resp > 10' study.csv; "
        "echo EXIT=$?", root, n_mlr_error)
    cap("mlr-ragged", "mlr --icsv --ocsv cut -f id,site,resp ragged.csv > kept.csv; echo EXIT=$?; wc -l kept.csv; "
        "mlr --icsv --opprint --allow-ragged-csv-input cut -f id,site,resp,4 then tail -n 25 ragged.csv", root,
        n_mlr_error)
    cap("mlr-verb", "mlr --icsv --opprint stats1 -a mean,p50,max -f resp,weight -g site then sort -f site study.csv; "
        "mlr --icsv --opprint stats -a mean -f resp study.csv; echo EXIT=$?", root, n_mlr_error)


def datamash(tmp: Path) -> None:
    root = tmp / "datamash"
    root.mkdir()
    (root / "study.tsv").write_text(to_csv(study(2176, 2500), sep="\t"))
    lines = to_csv(study(2177, 900), sep="\t").splitlines(keepends=True)
    lines[640] = "\t".join(lines[640].rstrip("\n").split("\t")[:9]) + "\n"
    (root / "ragged.tsv").write_text("".join(lines))
    cap("datamash-resp", "datamash -H -s -g site,arm count sbp mean sbp sstdev sbp < study.tsv; "
        "datamash -H -s -g site,arm count resp mean resp sstdev resp < study.tsv; echo EXIT=$?", root,
        n_datamash_error)
    cap("datamash-field", "datamash --header-in -s -g site,sex mean dose median age < study.tsv; "
        "datamash --header-in -s -g site mean dose median age mean arm < study.tsv 2>&1 | tail -n 20; echo EXIT=$?", root, n_datamash_error)
    cap("datamash-check", "datamash check < ragged.tsv; echo EXIT=$?; datamash -H -s -g arm,visits mean dose < ragged.tsv",
        root, n_datamash_error)
    cap("datamash-name", "datamash -H -s -g site,sex q1 age median age q3 age < study.tsv; "
        "datamash -H -s -g sex,arm mean respone q1 resp q3 resp < study.tsv; echo EXIT=$?", root,
        n_datamash_error)


STEPS = [pspp, jags, gretl, miller, datamash]
