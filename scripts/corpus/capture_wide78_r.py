"""Round 78's R captures: `hivestat`, a small apiary-statistics package written here with real bugs put in (an
off-by-one growth exponent, a mite load divided the wrong way round, forage days counted with `>` where the spec says
`>=`, honey yield in grams, and a seeded set of scaled-reading helpers of which about a third divide by n - 1), widened
by a seeded generator; run through testthat's TAP / JUnit / summary / location reporters, lintr, roxygen2,
`tools::checkRd`, covr, `R CMD build`, an rlang error and base R's `traceback()`. Needles follow NEEDLES.md's
"Round 78" section (written and committed before capture).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree

import capture_wide78 as w78

cap = w78.cap
_exits = w78.exits

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 78)

LINTR = re.compile(r"^(\S+?):(\d+):(\d+): (error|warning|style): \[(\w+)\]")


@kind("lintr", "lint")
def n_lintr(lines):
    """Rule 1 + round 78: lintr's error findings alone; warning/style one {"any"} per (linter, file); EXIT=N."""
    out, pairs = [], []
    for ln in lines:
        m = LINTR.match(ln)
        if m and m.group(4) == "error":
            out.append(ln)
        elif m:
            pairs.append(((m.group(5), m.group(1)), ln))
        elif re.match(r"^\S+:\d+:\d+: error:", ln):
            out.append(ln)
    return out + groups(pairs) + _exits(lines)


@kind("r-cmd-build", "build")
def n_r_cmd_build(lines):
    """Rules 1+3 + round 78: step lines with ERROR/WARNING/NOTE, every Error/ERROR/Execution halted line, the building line."""
    out, pairs = [], []
    for ln in lines:
        if ln.startswith("* ") and re.search(r"\b(ERROR|WARNING|NOTE)\b", ln):
            out.append(ln)
        elif re.search(r"\bError\b|\bERROR\b|Execution halted", ln):
            out.append(ln)
        elif re.match(r"^\* building ['‘]", ln):
            out.append(ln)
        elif ln.startswith("Warning: "):
            f = re.search(r"([\w.-]+\.(?:Rd|R|Rnw))\b", ln)
            pairs.append(((mask(re.sub(r"\S+:\d+:", "", ln)), f.group(1) if f else ""), ln))
    return out + groups(pairs) + _exits(lines)


@kind("testthat-tap", "test")
def n_testthat_tap(lines):
    """Round 78: every `not ok N` line, the first Error/Failure/not equal/not TRUE/isn't line after it, the 1..N plan."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^not ok \d+", ln):
            out.append(ln)
            for nx in lines[i + 1:i + 12]:
                if re.match(r"^(not )?ok \d+", nx):
                    break
                if re.search(r"Error|Failure|not equal|not TRUE|isn't", nx):
                    out.append(nx)
                    break
        elif re.match(r"^1\.\.\d+", ln):
            out.append(ln)
        elif re.search(r"^Error|Execution halted", ln):
            out.append(ln)
    return out + _exits(lines)


@kind("testthat-junit", "test")
def n_testthat_junit(lines):
    """Round 78: every <testcase line with a <failure/<error child (or the child's line), its message fragment, the <testsuites line."""
    out = []
    for i, ln in enumerate(lines):
        if "<testsuites" in ln:
            out.append(ln)
        if re.search(r"<(failure|error)\b", ln):
            m = re.search(r'message="[^"]{0,150}', ln)
            if "<testcase" in ln:
                out.append(ln)
            else:
                tc = next((lines[j] for j in range(i - 1, max(-1, i - 4), -1) if "<testcase" in lines[j]), None)
                out.append(tc if tc else ln)
            if m:
                out.append(m.group(0))
    return out + _exits(lines)


@kind("testthat-summary", "test")
def n_testthat_summary(lines):
    """Round 78: every numbered failure/error header, the first message line under it, the DONE / [ FAIL N … ] lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^── \d+\. (Failure|Error|Warning)", ln) or re.match(r"^── (Failure|Error) \(", ln):
            out.append(ln)
            nx = next((x for x in lines[i + 1:i + 6] if x.strip()), None)
            if nx:
                out.append(nx)
        elif re.match(r"^══ DONE", ln) or re.search(r"\[ FAIL \d+ \| WARN \d+ \| SKIP \d+ \| PASS \d+ \]", ln):
            out.append(ln)
        elif re.match(r"^(Error|Execution halted)", ln):
            out.append(ln)
    return out + _exits(lines)


@kind("testthat-location", "test")
def n_testthat_location(lines):
    """Round 78: every line naming a failing or erroring expectation with its file#line, the closing counts line."""
    out = []
    for ln in lines:
        if re.search(r"\S+\.R[#:]\d+", ln) and re.search(r"\[(failure|error)\]|Failure|Error", ln, re.I):
            out.append(ln)
        elif re.search(r"\[ FAIL \d+ \| WARN \d+ \| SKIP \d+ \| PASS \d+ \]", ln) or re.match(r"^(Error|Execution halted)", ln):
            out.append(ln)
    return out + _exits(lines)


@kind("rlang-error", "log")
def n_rlang_error(lines):
    """Round 78: the Error line, every `!` and `Caused by error` line, the first bullet under each, the last Backtrace frame."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(Error in |Error:|Error$)", ln) or ln.startswith("! ") or ln.startswith("Caused by error"):
            out.append(ln)
            if ln.startswith("! "):
                for nx in lines[i + 1:i + 6]:
                    if re.match(r"^\s*(ℹ|✖|x|i|\*|•) ", nx):
                        out.append(nx)
                        break
                    if nx.startswith(("Caused by", "Backtrace", "Error")):
                        break
    if any(ln.startswith("Backtrace:") for ln in lines):
        k = max(i for i, ln in enumerate(lines) if ln.startswith("Backtrace:"))
        frames = [ln for ln in lines[k + 1:] if re.search(r"\d+\. ", ln)]
        if frames:
            out.append(frames[-1])
    return out + [ln for ln in lines if ln.startswith("Execution halted")] + _exits(lines)


@kind("r-traceback", "log")
def n_r_traceback(lines):
    """Round 78: the Error in line (and the wrapped message under it), the innermost frame, every frame naming `at file#N`."""
    out = []
    frame_re = re.compile(r"^(\d+): ")
    for i, ln in enumerate(lines):
        if ln.startswith("Error in ") or ln.startswith("Error: "):
            out.append(ln)
            if ln.rstrip().endswith(":") and i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    frames = [(int(m.group(1)), ln) for ln in lines if (m := frame_re.match(ln))]
    if frames:
        out.append(max(frames)[1])
    out += [ln for _, ln in frames if re.search(r"at \S+#\d+", ln)]
    return out + _exits(lines)


@kind("roxygen2", "build")
def n_roxygen2(lines):
    """Round 78: problem lines, errors alone, others one {"any"} per (shape, file); NAMESPACE and Rd Writing lines (first/last when >10)."""
    out, pairs = [], []
    for ln in lines:
        if re.search(r"\bError\b", ln):
            out.append(ln)
        elif re.match(r"^\s*(✖|x|Warning|!)\s", ln) or re.search(r"@\w+ .*(not|requires|must|failed|unknown|Skipping)", ln) \
                or "is not a known tag" in ln:
            f = re.search(r"([\w./-]+\.R)(:\d+)?", ln)
            pairs.append(((mask(re.sub(r"[\w./-]+\.R(:\d+)?", "", ln)), f.group(1) if f else ""), ln))
    writes = [ln for ln in lines if re.search(r"Writing '?[^ ]+\.Rd'?", ln)]
    ns = [ln for ln in lines if re.search(r"Writing '?NAMESPACE'?", ln)]
    out += ns + (writes if len(writes) <= 10 else [writes[0], writes[-1]])
    return out + groups(pairs) + _exits(lines)


@kind("covr", "test")
def n_covr(lines):
    """Round 78: the package's total Coverage: line and every file line (R/x.R: NN.NN%)."""
    out = [ln for ln in lines if re.search(r"Coverage: [\d.]+%", ln) or re.match(r"^\S+\.R: [\d.]+%", ln)]
    return out + [ln for ln in lines if re.match(r"^(Error|Execution halted)", ln)] + _exits(lines)


@kind("r-checkrd", "lint")
def n_r_checkrd(lines):
    """Round 78: every Rd problem line one {"any"} per (message shape, file); lines holding Error alone."""
    out, pairs = [], []
    for ln in lines:
        if re.search(r"\bError\b", ln):
            out.append(ln)
            continue
        m = re.search(r"([\w.-]+\.Rd):\d+:", ln)
        if m:
            pairs.append(((mask(ln[m.end():]), m.group(1)), ln))
    return out + groups(pairs) + _exits(lines)


# ------------------------------------------------------------------ the package

DESCRIPTION = """Package: hivestat
Title: Apiary Colony Statistics
Version: 0.3.1
Authors@R: person("Ines", "Varga", email = "ines@apiary.example", role = c("aut", "cre"))
Description: Colony growth, honey yield, forage days and varroa mite load
    summaries for a small apiary's weekly inspections.
License: MIT + file LICENSE
Encoding: UTF-8
LazyData: true
Imports: rlang
Suggests: testthat (>= 3.0.0)
Config/testthat/edition: 3
Roxygen: list(markdown = TRUE)
RoxygenNote: 7.2.3
"""

CORE = {
    "R/colony.R": """#' Project a colony's size
#'
#' @param n0 bees at the start
#' @param rate daily growth rate (0.02 is 2 percent a day)
#' @param days number of days to project
#' @return the projected number of bees after `days` days
#' @export
colony_growth <- function(n0, rate, days) {
  n0 * (1 + rate)^(days - 1)
}

#' Days until a colony reaches a target size
#'
#' @param n0 bees at the start
#' @param rate daily growth rate
#' @param target the size to reach
#' @return whole days, rounded up
#' @export
days_to_target <- function(n0, rate, target) {
  if (target <= n0) return(0)
  ceiling(log(target / n0) / log(1 + rate))
}
""",
    "R/varroa.R": """#' Varroa mite load, in mites per 100 bees
#'
#' @param mites mites counted in the wash
#' @param bees bees in the sample
#' @return mites per 100 bees, two decimals
#' @export
mite_load <- function(mites, bees) {
  stopifnot(bees > 0)
  round(100 * bees / mites, 2)
}

#' Does a mite load call for treatment?
#'
#' @param load mites per 100 bees
#' @param threshold the treatment threshold
#' @export
needs_treatment <- function(load, threshold = 3) {
  load > threshold
}
""",
    "R/forage.R": """#' Forage days in a season
#'
#' Counts the days warm enough to fly: a day counts when its high is at least `min_temp`.
#'
#' @param temps daily highs, in degrees C
#' @param min_temp the flying threshold
#' @return the number of forage days
#' @export
forage_days <- function(temps, min_temp = 12) {
  sum(temps > min_temp, na.rm = TRUE)
}
""",
    "R/honey.R": """#' Honey yield of a super, in kilograms
#'
#' @param frames capped frames
#' @param kg_per_frame kilograms of honey a capped frame holds
#' @retrun the yield in kilograms
#' @export
honey_yield <- function(frames, kg_per_frame = 2.2) {
  frames * kg_per_frame * 1000
}

#' Split a harvest between hives
#'
#' @param total kilograms harvested
#' @param weights a named vector of hive weights
#' @param hive unused
#' @inheritParams not_a_topic
#' @return a named vector of kilograms
#' @export
split_harvest <- function(total, weights) {
  total * weights / sum(weights)
}
""",
    "R/report.R": """#' Validate one hive's inspection rows
#'
#' @param df a data frame of inspections
#' @param hive the hive id
#' @keywords internal
validate_hive <- function(df, hive) {
  need <- c("hive", "date", "frames", "mites", "bees")
  missing <- setdiff(need, names(df))
  if (length(missing) > 0) {
    rlang::abort(
      c(paste0("Column `", missing[[1]], "` is missing from the inspections of hive ", hive, "."),
        i = paste0("Columns present: ", paste(names(df), collapse = ", ")),
        x = "The report needs hive, date, frames, mites and bees."),
      class = "hivestat_missing_column")
  }
  if (any(df$bees <= 0)) rlang::abort("Every inspection needs a positive bee count.")
  invisible(df)
}

summarise_hive <- function(df, hive) {
  rows <- df[df$hive == hive, , drop = FALSE]
  validate_hive(rows, hive)
  data.frame(hive = hive, load = mite_load(sum(rows$mites), sum(rows$bees)),
             honey = honey_yield(sum(rows$frames)))
}

#' An apiary report: one row per hive
#'
#' @param df a data frame of inspections
#' @return a data frame
#' @export
apiary_report <- function(df) {
  hives <- unique(df$hive)
  out <- lapply(hives, function(h) {
    rlang::try_fetch(summarise_hive(df, h), error = function(cnd) {
      rlang::abort(paste0("Could not summarise hive ", h, "."), parent = cnd)
    })
  })
  do.call(rbind, out)
}
""",
}

CORE_TESTS = {
    "tests/testthat.R": "library(testthat)\nlibrary(hivestat)\n\ntest_check(\"hivestat\")\n",
    "tests/testthat/test-colony.R": """test_that("a colony grows by its daily rate", {
  expect_equal(colony_growth(10000, 0.02, 1), 10200)
  expect_equal(colony_growth(10000, 0.02, 0), 10000)
  expect_equal(round(colony_growth(20000, 0.01, 30)), 26957)
})

test_that("days to target rounds up", {
  expect_equal(days_to_target(10000, 0.02, 12000), 10)
  expect_equal(days_to_target(10000, 0.02, 9000), 0)
})
""",
    "tests/testthat/test-varroa.R": """test_that("mite load is mites per 100 bees", {
  expect_equal(mite_load(9, 300), 3)
  expect_equal(mite_load(0, 300), 0)
  expect_true(needs_treatment(mite_load(12, 300)))
  expect_false(needs_treatment(mite_load(3, 300)))
})

test_that("a sample without bees is an error", {
  expect_error(mite_load(3, 0), "bees > 0")
})
""",
    "tests/testthat/test-forage.R": """test_that("a day at the threshold counts", {
  expect_equal(forage_days(c(11, 12, 13, 20)), 3)
  expect_equal(forage_days(c(12, 12, 12), min_temp = 12), 3)
  expect_equal(forage_days(c(NA, 15, 9)), 1)
})
""",
    "tests/testthat/test-honey.R": """test_that("a super's yield is in kilograms", {
  expect_equal(honey_yield(8), 17.6)
  expect_equal(honey_yield(10, kg_per_frame = 2), 20)
})

test_that("a harvest splits by weight", {
  expect_equal(split_harvest(30, c(a = 1, b = 2)), c(a = 10, b = 20))
  expect_equal(sum(split_harvest(50, c(a = 1, b = 1, c = 3))), 50)
})
""",
    "tests/testthat/test-report.R": """test_that("the report has a row per hive", {
  df <- data.frame(hive = c("H1", "H1", "H2"), date = "2024-05-01", frames = c(4, 3, 6),
                   mites = c(3, 6, 1), bees = c(300, 300, 300))
  r <- apiary_report(df)
  expect_equal(nrow(r), 2)
  expect_equal(r$load[[1]], 1.5)
})

test_that("a missing column names the hive", {
  df <- data.frame(hive = "H3", date = "2024-05-01", mites = 2, bees = 300)
  expect_error(apiary_report(df), class = "hivestat_missing_column")
  expect_snapshot(apiary_report(df), error = TRUE)
})
""",
}

WORDS = ["brood", "comb", "super", "queen", "drone", "nectar", "pollen", "propolis", "swarm", "frame", "wax", "cell"]


def metric_file(rng: random.Random, m: int) -> tuple[str, str, list[str]]:
    """One generated R file of scaled-reading helpers (lint-heavy, about a third buggy) and its tests."""
    src, tests, names = [], [], []
    for k in range(1, 7):
        w = rng.choice(WORDS)
        name = f"{w}Metric_{m}_{k}"
        names.append(name)
        buggy = rng.random() < 0.34
        denom = "(length(x) - 1)" if buggy else "length(x)"
        flag = rng.choice(["T", "F", "TRUE"])
        src.append(f"""#' Scaled {w} reading {m}.{k}
#'
#' @param x numeric readings from the {w} sensor
#' @param w weight applied to the mean
#' @param na_rm drop missing readings
""" + (f"#' @param {rng.choice(['y', 'scale'])}\n" if rng.random() < 0.25 else "")
            + ("#' @retrun the weighted mean\n" if rng.random() < 0.15 else "#' @return the weighted mean\n")
            + f"""#' @export
{name} = function(x, w = 1, na_rm = {flag}) {{
  if(na_rm) x <- x[!is.na(x)]
  if (length(x)==0) return(NA_real_)
  total <- sum(x)*w
  # result <- total / length(x)
  result = total / {denom}
  return (result)
}}
""")
        a = [rng.randint(1, 40) for _ in range(rng.randint(3, 7))]
        wt = rng.choice([1, 2, 0.5])
        mean = sum(a) * wt / len(a)
        b = [rng.randint(100, 900) for _ in range(4)]
        tests.append(f"""test_that("{name} is the weighted mean", {{
  expect_equal({name}(c({', '.join(map(str, a))}), w = {wt}), {mean!r})
  expect_equal({name}(c({', '.join(map(str, b))})), {sum(b) / 4!r})
}})
""")
    return "\n".join(src), "\n".join(tests), names


def make_package(root: Path, n_files: int = 12, seed: int = 78) -> Path:
    pkg = root / "hivestat"
    rng = random.Random(seed)
    files = {"DESCRIPTION": DESCRIPTION, "LICENSE": "YEAR: 2024\nCOPYRIGHT HOLDER: Ines Varga\n",
             "NAMESPACE": "# Generated by roxygen2: do not edit by hand\n\nexportPattern(\"^[^\\\\.]\")\n"}
    files.update(CORE)
    files.update(CORE_TESTS)
    for m in range(1, n_files + 1):
        src, tests, _ = metric_file(rng, m)
        files[f"R/metrics_{m:02d}.R"] = src
        files[f"tests/testthat/test-metrics-{m:02d}.R"] = tests
    write_tree(pkg, files)
    return pkg


BROKEN_LINT = """season <- function(df) {
  df$yield = df$frames * 2.2
  if (nrow(df) > 0 {
    print(df)
  }
}
"""

TRACE_SCRIPT = """inspect_frame <- function(hive, frame, cells) {
  if (cells[[frame]] < 0) stop(sprintf("frame %d of hive %s has a negative cell count (%d)", frame, hive, cells[[frame]]))
  cells[[frame]] / 3500
}

walk_frames <- function(hive, cells, i, acc = 0) {
  if (i > length(cells)) return(acc)
  walk_frames(hive, cells, i + 1, acc + inspect_frame(hive, i, cells))
}

inspect_box <- function(hive, cells) {
  walk_frames(hive, cells, 1)
}

season_totals <- function(inspections) {
  lapply(names(inspections), function(h) sum(inspect_box(h, inspections[[h]])))
}

set.seed(78)
inspections <- list(H01 = sample(1000:3500, 30), H02 = sample(1000:3500, 30),
                    H03 = c(sample(1000:3500, 23), -40L, sample(1000:3500, 6)))
totals <- season_totals(inspections)
print(totals)
"""

RLANG_SCRIPT = """pkgload::load_all(".", quiet = TRUE)
inspections <- read.csv("inst/extdata/inspections.csv")
report <- apiary_report(inspections)
print(report)
"""

VIGNETTE = r"""%\VignetteIndexEntry{Getting started with hivestat}
\documentclass{article}
\begin{document}
\section{Colony growth}
<<growth>>=
library(hivestat)
colony_growth(10000, 0.02, 30)
@
\section{Mite load}
<<load>>=
mite_load(9, 300)
stopifnot(needs_treatment(mite_load(9, 300)))
@
\end{document}
"""

LEGACY_RD = [
    ("legacy_weights.Rd", "\\name{legacy_weights}\n\\alias{legacy_weights}\n\\title{Legacy hive weights}\n"
     "\\usage{legacy_weights(x)}\n\\arguments{\\item{x}{weights in kg}}\n\\arguement{y}\n\\value{a vector}\n"),
    ("legacy_scale.Rd", "\\name{legacy_scale}\n\\alias{legacy_scale}\n\\usage{legacy_scale(x, k)}\n"
     "\\arguments{\\item{x}{readings}\\item{k}{factor}}\n\\description{Scale readings by 100% of k.}\n"),
    ("legacy_queen.Rd", "\\name{legacy_queen}\n\\alias{legacy_queen}\n\\title{Queen age {in months}\n"
     "\\description{Months since the queen was marked.}\n\\usage{legacy_queen(marked)}\n"),
    ("legacy_swarm.Rd", "\\name{legacy_swarm}\n\\alias{legacy_swarm}\n\\title{Swarm risk}\n"
     "\\description{\\item{risk}{a score}}\n\\usage{legacy_swarm(cells)}\n\\value{\\code{TRUE} or \\fnord{FALSE}}\n"),
]


def step_r(tmp: Path) -> None:
    root = tmp / "r"
    pkg = make_package(root)
    rs = "Rscript -e"
    # roxygen2 first (it writes man/ and NAMESPACE), then the Rd checks on hand-written legacy pages
    cap("roxygen2-roxygenise", f"{rs} 'roxygen2::roxygenise()' 2>&1", pkg, n_roxygen2)
    cap("roxygen2-rerun-tail", f"{rs} 'roxygen2::roxygenise()' 2>&1 | tail -n 40", pkg, n_roxygen2)
    # covr on a driver script (the tests fail, so coverage is measured on code that exercises the package)
    drive = "\n".join([f"try(colony_growth(10000, 0.02, {d}))" for d in (1, 10, 30)] +
                      ["try(mite_load(9, 300))", "try(forage_days(c(10, 14, 20)))", "try(honey_yield(8))",
                       "for (f in ls(asNamespace('hivestat'), pattern = 'Metric_[1-6]_')) try(get(f, asNamespace('hivestat'))(c(1, 2, 3)))"])
    write_tree(pkg, {"inst/drive.R": drive + "\n"})
    cap("covr-package-driver", f"{rs} 'print(covr::package_coverage(type = \"none\", code = readLines(\"inst/drive.R\"), "
        "quiet = FALSE))' 2>&1", pkg, n_covr, timeout=600)
    cap("covr-zero-coverage", f"{rs} 'cov <- covr::package_coverage(type = \"none\", code = readLines(\"inst/drive.R\")); "
        "print(cov); print(covr::zero_coverage(cov)[, c(\"filename\", \"functions\", \"line\")])' 2>&1",
        pkg, n_covr, timeout=600)
    for name, body in LEGACY_RD:
        write_tree(pkg, {f"man/{name}": body})
    cap("r-checkrd-man", f"{rs} 'for (f in Sys.glob(\"man/*.Rd\")) {{ r <- tools::checkRd(f); if (length(r)) print(r) }}' 2>&1",
        pkg, n_r_checkrd)
    # lintr
    write_tree(pkg, {"scripts/season.R": BROKEN_LINT, "scripts/trace.R": TRACE_SCRIPT, "scripts/report.R": RLANG_SCRIPT})
    cap("lintr-package", f"{rs} 'lintr::lint_package()' 2>&1", pkg, n_lintr, timeout=900)
    cap("lintr-package-tail-80", f"{rs} 'lintr::lint_package()' 2>&1 | tail -n 80", pkg, n_lintr, timeout=900)
    cap("lintr-dir-head-120", f"{rs} 'lintr::lint_dir(\"R\", linters = lintr::linters_with_defaults("
        "line_length_linter = lintr::line_length_linter(100), object_name_linter = NULL))' 2>&1 | head -n 120",
        pkg, n_lintr, timeout=900)
    cap("lintr-one-file-exit", f"{rs} 'print(lintr::lint(\"R/metrics_03.R\"))'; echo EXIT=$?", pkg, n_lintr)
    cap("lintr-core-files", f"{rs} 'for (f in c(\"R/colony.R\", \"R/honey.R\", \"R/report.R\", \"R/varroa.R\", "
        "\"scripts/season.R\", \"scripts/trace.R\")) print(lintr::lint(f))' 2>&1", pkg, n_lintr)
    # testthat's other reporters
    for rep, fn, tail in (("tap", n_testthat_tap, ""), ("junit", n_testthat_junit, ""),
                          ("summary", n_testthat_summary, ""), ("location", n_testthat_location, ""),
                          ("summary", n_testthat_summary, " 2>&1 | tail -n 80"), ("tap", n_testthat_tap, "; echo EXIT=$?")):
        item = f"testthat-{rep}" + ("-tail-80" if "tail" in tail else "-exit" if "EXIT" in tail else "")
        cap(item, f"{rs} 'testthat::test_local(reporter = \"{rep}\")'" + (tail or " 2>&1"), pkg, fn, timeout=600)
    cap("testthat-junit-one-file", f"{rs} 'testthat::test_file(\"tests/testthat/test-metrics-05.R\", reporter = \"junit\")' "
        "2>&1", pkg, n_testthat_junit)
    # an rlang error, base R's traceback()
    write_tree(pkg, {"inst/extdata/inspections.csv": "hive,date,frame_count,mites,bees\nH01,2024-05-01,6,4,300\n"
                     "H02,2024-05-01,5,11,310\n"})
    cap("rlang-error-report", "Rscript scripts/report.R", pkg, n_rlang_error)
    cap("rlang-error-full-trace", "Rscript -e 'options(rlang_backtrace_on_error = \"full\"); source(\"scripts/report.R\")' 2>&1",
        pkg, n_rlang_error)
    cap("rlang-error-branch-exit", "Rscript -e 'options(rlang_backtrace_on_error = \"branch\"); source(\"scripts/report.R\")'; "
        "echo EXIT=$?", pkg, n_rlang_error)
    cap("r-traceback-season", "Rscript -e 'options(keep.source = TRUE, error = function() { traceback(3); quit(status = 1) }); "
        "source(\"scripts/trace.R\")' 2>&1", pkg, n_r_traceback)
    cap("r-traceback-no-srcref-exit", "Rscript -e 'options(error = function() { traceback(2); quit(status = 1) }); "
        "source(\"scripts/trace.R\", keep.source = FALSE)'; echo EXIT=$?", pkg, n_r_traceback)
    # R CMD build: clean, with a vignette whose chunk fails, with a malformed DESCRIPTION
    run("rm -rf scripts inst/drive.R", cwd=pkg)
    cap("r-cmd-build-no-vignettes", "R CMD build --no-build-vignettes hivestat", root, n_r_cmd_build)
    write_tree(pkg, {"vignettes/intro.Rnw": VIGNETTE, "inst/extdata/empty/.keep": ""})
    run("rm -f hivestat_*.tar.gz", cwd=root)
    cap("r-cmd-build-vignette-exit", "R CMD build hivestat 2>&1; echo EXIT=$?", root, n_r_cmd_build, timeout=600)
    run("rm -f hivestat_*.tar.gz man/legacy_*.Rd", cwd=root)
    run("rm -f man/legacy_*.Rd", cwd=pkg)
    cap("r-cmd-build-vignette-chunk", "R CMD build hivestat 2>&1 | tail -n 60", root, n_r_cmd_build, timeout=600)


STEPS = [step_r]
