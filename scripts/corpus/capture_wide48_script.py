"""Round 48, scripting and lint tools: the tide-gauge station's Haskell plotting code through hlint (plain and
--json), its R analysis through Rscript (warnings, a stop()), its PHP dashboard (warnings, notices, deprecations, an
uncaught TypeError), its Ruby exporters through `ruby -wc`, its Common Lisp calibration code through CLISP and ECL
(compile-file, runtime errors), and its bc, dc, m4 and gawk helpers; each written here with bugs put in and widened by
a seeded generator. Every kind's rule is NEEDLES.md's "Round 48" section. Run through capture_wide48.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import groups, mask, write_tree
from capture_wide42_native import ext
from capture_wide48 import cap


def _sym(s: str) -> str:
    """A Lisp message shape: quoted names, numbers and upper-case symbols masked."""
    return re.sub(r"\b[A-Z][A-Z0-9*+/-]*[A-Z0-9*]\b", "<S>", mask(s))


# ------------------------------------------------------------------ extractors (NEEDLES.md, round 48)

def _hlint(lines):
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+:\d+(?:-\d+)?(?:[:(][^ ]*)?: (Warning|Suggestion|Error|Ignore): (.*)$", ln)
        if m:
            if m.group(2) == "Error":
                out.append(ln)
            else:
                pairs.append(((m.group(3), m.group(1)), ln))
        if re.match(r"^\d+ hints?$|^No hints$", ln):
            out.append(ln)
    return out + groups(pairs)


N_HLINT = ext("hlint", "lint", "Rule 1: every Error: hint line; the other hints' location lines one {any} per (hint, "
              "file); the 'N hints' line.", _hlint)


def _hlint_json(lines):
    out, pairs = [], []
    for ln in lines:
        s = ln.strip()
        if not s.startswith(("[{", ",{")):
            continue
        try:
            rec = json.loads(s.lstrip("[,").rstrip("]"))
        except ValueError:
            continue
        if rec.get("severity") == "Error":
            out.append(ln)
        else:
            pairs.append(((rec.get("hint"), rec.get("file")), ln))
    return out + groups(pairs)


N_HLINT_JSON = ext("hlint-json", "lint", "Rule 1 on hlint --json: every Error record's line; the other records one "
                   "{any} per (hint, file).", _hlint_json)


def _rscript(lines):
    out, pairs, count = [], [], []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if re.match(r"^Error( in .*)?:", ln):
            out.append(ln)
            if ln.rstrip().endswith(":") and i + 1 < len(lines):
                out.append(lines[i + 1])
        elif re.match(r"^Warning in (.+?) :\s*(.*)$", ln):  # options(warn = 1): each warning as it happens
            msg, grp = re.match(r"^Warning in (.+?) :\s*(.*)$", ln).group(2), [ln]
            if not msg and i + 1 < len(lines):
                msg, grp = lines[i + 1].strip(), [ln, lines[i + 1]]
            pairs.append((mask(msg), grp))
        elif re.match(r"^There (were|was) \d+ warnings?", ln):
            count.append(ln)
        elif re.match(r"^Warning messages?:$", ln):
            k = i + 1
            first = True
            while k < len(lines):
                s = lines[k]
                m = re.match(r"^(?:\d+: )?In (.+?) :\s*(.*)$", s)
                if m:
                    msg, grp = m.group(2), [s]
                    if not msg and k + 1 < len(lines):
                        msg, grp = lines[k + 1].strip(), [s, lines[k + 1]]
                        k += 1
                    pairs.append((mask(msg), grp))
                elif re.match(r"^(\d+: )?\S", s) and first:
                    pairs.append((mask(re.sub(r"^\d+: ", "", s)), [s]))
                elif not (s.startswith(" ") and s.strip()):
                    break
                first = False
                k += 1
            i = k
            continue
        i += 1
    g: dict = {}
    for key, lns in pairs:
        g.setdefault(key, []).extend(lns)
    from capture_more import any_of
    return out + count + [any_of(v) for v in g.values()]


def _r_install(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(Error|ERROR)\b|WARNING", ln) or re.match(r"^\* (DONE|removing)", ln):
            out.append(ln)
            m = re.search(r":(\d+):\d+: ", ln)
            if not m and ln.rstrip().endswith(":") and i + 1 < len(lines):
                m = re.search(r":(\d+):\d+: ", lines[i + 1])  # the location printed on the next line
                if m:
                    out.append(lines[i + 1])
            if m:
                out.append(next((s for s in lines[i + 1:i + 8] if s.startswith(m.group(1) + ":")), None))
    return out


N_R_INSTALL = ext("r-cmd-install", "build", "Rule 1: every Error / ERROR: / WARNING line, the source line numbered as "
                  "the error's file:line:col names, and the '* DONE' / '* removing' line.", _r_install)


N_RSCRIPT = ext("rscript-warnings", "log", "Rule 1: every Error line (with its message line when the call line ends "
                "in ':'); warnings one {any} per message shape (the 'In f(x) :' line and the message line); the "
                "'There were N warnings' line.", _rscript)


def _php(lines):
    out, pairs = [], []
    for ln in lines:
        if re.search(r"(Fatal|Parse) error:|Uncaught ", ln):
            out.append(ln)
            continue
        m = re.match(r"^(?:PHP )?(Warning|Notice|Deprecated):\s+(.*) in (\S+) on line \d+", ln)
        if m:
            pairs.append(((m.group(1), mask(m.group(2)), m.group(3)), ln))
    return out + groups(pairs)


N_PHP = ext("php-warnings", "log", "Rule 1: every Fatal error / Uncaught line; Warning / Notice / Deprecated lines one "
            "{any} per (level, message shape, file).", _php)


def _ruby_c(lines):
    out, pairs = [], []
    for ln in lines:
        if re.search(r"syntax error|SyntaxError|^Syntax OK$", ln):
            out.append(ln)
            continue
        m = re.match(r"^(\S+?):\d+: warning: (.*)$", ln)
        if m:
            pairs.append(((mask(m.group(2)), m.group(1)), ln))
    return out + groups(pairs)


N_RUBY_C = ext("ruby-syntax-check", "lint", "Rule 1: every syntax error line and SyntaxError line, 'Syntax OK' when "
               "printed; warning: lines one {any} per (message shape, file).", _ruby_c)


def _clisp_compile(lines):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^(\*\*\* - |ERROR\b)", ln):
            out.append(ln)
        elif ln.startswith("WARNING"):
            msg = ln.split(" : ", 1)[-1]
            grp = [ln]
            if i + 1 < len(lines) and lines[i + 1].startswith("         "):
                grp.append(lines[i + 1])
            pairs.append((_sym(msg), grp))
        if re.match(r"^\d+ errors?, \d+ warnings?", ln):
            out.append(ln)
    g: dict = {}
    for key, lns in pairs:
        g.setdefault(key, []).extend(lns)
    from capture_more import any_of
    return out + [any_of(v) for v in g.values()]


N_CLISP_COMPILE = ext("clisp-compile", "build", "Rule 1: every ERROR / '*** -' line; WARNING lines (with their "
                      "continuation line) one {any} per message shape; the 'N errors, N warnings' line.", _clisp_compile)


def _ecl_compile(lines):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^;;; (Error|Warning|Style warning):", ln)
        if m:
            block = []
            for k in range(i + 1, min(len(lines), i + 8)):
                if not lines[k].startswith(";;;   "):
                    break
                block.append(lines[k])
            msg = [s for s in block if re.match(r"^;;;   [!*] ", s)]
            loc = [s for s in block if "in file" in s]
            if m.group(1) == "Error":
                out += [ln] + loc[:1] + msg[:1]
            elif msg:
                pairs.append((_sym(msg[0]), msg[0]))
        if re.match(r"^;;; Finished compiling|^Condition of type|^An error occurred", ln):
            out.append(ln)
    return out + groups(pairs)


N_ECL_COMPILE = ext("ecl-compile", "build", "Rule 1: every ';;; Error:' block's header, 'in file …, position N' and "
                    "message lines; warning messages one {any} per shape; the ';;; Finished compiling' line.",
                    _ecl_compile)


def _lisp_error(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\*\*\* - ", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].startswith("      "):
                out.append(lines[i + 1])
        elif re.match(r"^(Condition of type:|An error occurred during initialization:|Unhandled )", ln):
            out.append(ln)
            block = []
            for k in range(i + 1, min(len(lines), i + 6)):
                if not lines[k].strip() or lines[k].startswith("Available restarts"):
                    break
                block.append(lines[k])
            if block:
                out.append(block[-1])
    return out


N_CLISP_ERROR = ext("clisp-error", "log", "Rule 1: the '*** - condition' line and its continuation line.",
                    _lisp_error)
N_ECL_ERROR = ext("ecl-error", "log", "Rule 1: the 'Condition of type:' / 'An error occurred during initialization:' "
                  "line and the message line closing its block.", _lisp_error)


def _small(err: str, warn: str):
    def fn(lines):
        out, pairs = [], []
        for ln in lines:
            if re.search(err, ln):
                out.append(ln)
            elif warn and re.search(warn, ln):
                pairs.append((mask(re.split(warn, ln, maxsplit=1)[-1]), ln))
        return out + groups(pairs)
    return fn


N_BC = ext("bc-error", "log", "Rule 1: every Runtime error / syntax error / error line; '(Warning)' lines one {any} "
           "per message shape.", _small(r"Runtime error|syntax error|[Ee]rror|Fatal", r"\(Warning\) "))
N_DC = ext("dc-error", "log", "Rule 1: every 'dc: …' error line.", _small(r"^dc: ", ""))
N_M4 = ext("m4-error", "log", "Rule 1: every m4:file:N: error line; 'Warning:' lines one {any} per message shape.",
           _small(r"^m4:(?!.*: Warning: )", r"^m4:\S+: Warning: "))
N_GAWK = ext("gawk-fatal", "log", "Rule 1: every fatal: / error: line; warning: lines one {any} per (message shape).",
             _small(r"^gawk: .*(fatal|error): ", r"^gawk: \S+ warning: |^gawk: \S+:\d+: warning: "))


# ------------------------------------------------------------------ Haskell (hlint)

HS_SNIPPETS = [
    "total{i} :: [Int] -> Int\ntotal{i} xs = foldr (\\x acc -> x + acc) 0 xs\n",
    "levels{i} :: [Double] -> [Double]\nlevels{i} xs = map (\\x -> x * 0.01) xs\n",
    "isEmpty{i} :: [a] -> Bool\nisEmpty{i} xs = if length xs == 0 then True else False\n",
    "printAll{i} :: [Int] -> IO ()\nprintAll{i} xs = mapM_ (\\x -> print x) xs\n",
    "joined{i} :: [Int] -> String\njoined{i} xs = concat (map show xs)\n",
    "peak{i} :: [Int] -> Int\npeak{i} xs = head (reverse (sort xs))\n",
    "lookupAll{i} :: M.Map String Int -> [String] -> [Maybe Int]\nlookupAll{i} m ks = map (\\k -> M.lookup k m) ks\n",
    "report{i} :: Int -> IO ()\nreport{i} n = do\n  putStrLn $ (show n)\n  return ()\n",
    "safe{i} :: Maybe Int -> Int\nsafe{i} m = case m of\n  Just x -> x\n  Nothing -> 0\n",
    "clean{i} :: [Maybe Int] -> [Int]\nclean{i} xs = map (\\(Just x) -> x) (filter (/= Nothing) xs)\n",
    "scaled{i} :: Int -> Int\nscaled{i} x = (x * 2)\n",
]


def hs_module(name: str, n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = [f"module {name} where", "", "import Data.List", "import qualified Data.Map as M", ""]
    for i in range(n):
        out.append(rnd.choice(HS_SNIPPETS).format(i=i))
    return "\n".join(out) + "\n"


def haskell(tmp: Path) -> None:
    root = tmp / "tidegauge" / "plot"
    files = {f"src/Plot/{m}.hs": hs_module(f"Plot.{m}", n, 4811 + k)
             for k, (m, n) in enumerate((("Axis", 40), ("Series", 60), ("Legend", 25), ("Export", 35)))}
    write_tree(root, files)
    cap("hlint-src", "hlint src", root, N_HLINT)
    cap("hlint-series-tail-80", "hlint src/Plot/Series.hs 2>&1 | tail -n 80", root, N_HLINT)
    cap("hlint-json-legend", "hlint --json src/Plot/Legend.hs", root, N_HLINT_JSON)


# ------------------------------------------------------------------ R

def r_analysis(n: int, seed: int, fail: bool) -> str:
    rnd = random.Random(seed)
    out = ["set.seed(48)", "gauges <- data.frame(id = 1:%d, level = round(runif(%d, -1, 5), 2), "
           "raw = sample(c(as.character(1:90), 'n/a', 'bad'), %d, replace = TRUE))" % (n, n, n)]
    for i in range(n // 10):
        k = rnd.randint(0, 4)
        if k == 0:
            out.append(f"cat('gauge {i} log level', log(gauges$level[{i + 1}]), '\\n')")
        elif k == 1:
            out.append(f"cat('gauge {i} raw', as.numeric(gauges$raw[{i + 1}:{i + 6}]), '\\n')")
        elif k == 2:
            out.append(f"cat('gauge {i} mean', mean(gauges$raw[{i + 1}:{i + 4}]), '\\n')")
        elif k == 3:
            out.append(f"cat('gauge {i} pair', head(1:{rnd.randint(3, 5)} + 1:2), '\\n')")
        else:
            out.append(f"cat('gauge {i} sqrt', sqrt(gauges$level[{i + 1}] - 2), '\\n')")
    if fail:
        out += ["fit <- lm(level ~ gain, data = gauges)"]
    return "\n".join(out) + "\n"


def rlang(tmp: Path) -> None:
    root = tmp / "tidegauge" / "R"
    write_tree(root, {"levels.R": r_analysis(600, 4815, False), "fit.R": r_analysis(400, 4816, True),
                      "warn.R": "options(warn = 1)\n" + r_analysis(300, 4817, False)})
    cap("rscript-levels", "Rscript levels.R", root, N_RSCRIPT)
    cap("rscript-fit-echo-exit", "Rscript fit.R; echo EXIT=$?", root, N_RSCRIPT)
    cap("rscript-warn1-tail-80", "Rscript warn.R 2>&1 | tail -n 80", root, N_RSCRIPT)
    pkg = tmp / "tidegauge" / "rpkg"
    files = {"tidegauge/DESCRIPTION": "Package: tidegauge\nVersion: 0.1.0\nTitle: Harbour Tide Gauge Levels\n"
             "Description: Reads and smooths tide gauge levels.\nLicense: MIT + file LICENSE\nAuthor: Ada L\n"
             "Maintainer: Ada L <ada@example.com>\nImports: stats\n",
             "tidegauge/NAMESPACE": "export(level)\nexport(smooth_levels)\nexport(station_report)\n"}
    rnd = random.Random(4832)
    for k in range(6):
        body = []
        for j in range(12):
            body.append(f"level_{k}_{j} <- function(x, offset = {rnd.randint(-3, 3)}) {{\n  x * 0.01 + offset\n}}\n")
        if k == 4:
            body.append("smooth_levels <- function(x, k = 3) {\n  if (length(x) < k {\n    return(x)\n  }\n"
                        "  stats::filter(x, rep(1 / k, k))\n}\n")
        files[f"tidegauge/R/levels_{k}.R"] = "\n".join(body)
    write_tree(pkg, files)
    (pkg / "lib").mkdir(exist_ok=True)
    cap("r-cmd-build-install", "R CMD build tidegauge && R CMD INSTALL -l lib tidegauge_0.1.0.tar.gz; echo EXIT=$?",
        pkg, N_R_INSTALL)


# ------------------------------------------------------------------ PHP

def php_dashboard(n: int, seed: int, fatal: bool) -> str:
    rnd = random.Random(seed)
    out = ["<?php", "function level_of(array $row) { return $row['level'] * 0.01 + $row['offset']; }",
           "function label_of($row) { return strtoupper($row['name']) . ' ' . $row['unit']; }",
           "$rows = ["]
    for i in range(n):
        row = {"name": f"gauge-{i}", "level": rnd.randint(0, 900), "offset": rnd.randint(-3, 3), "unit": "m"}
        if i % 9 == 4:
            del row["offset"]
        if i % 13 == 7:
            row["level"] = f"{rnd.randint(1, 9)}0cm"
        if i % 17 == 5:
            del row["unit"]
        out.append("  " + "[" + ", ".join(f"'{k}' => " + (f"'{v}'" if isinstance(v, str) else str(v))
                                          for k, v in row.items()) + "],")
    out += ["];", "foreach ($rows as $i => $row) {",
            "  printf(\"%-10s %8.2f %s\\n\", $row['name'], level_of($row), label_of($row));",
            "  if ($i % 50 == 3) { echo str_repeat('-', 40) . strlen(null) . \"\\n\"; }",
            "}", "echo 'total ' . count($rows) . ' gauges, last ' . $last_gauge . \"\\n\";"]
    if fatal:
        out.append("echo 'sum ' . array_sum($rows) + 'm' . \"\\n\";")
    return "\n".join(out) + "\n"


def php(tmp: Path) -> None:
    root = tmp / "tidegauge" / "web"
    write_tree(root, {"dash.php": php_dashboard(160, 4818, False), "board.php": php_dashboard(420, 4819, True)})
    cap("php-dash-e-all", "php -d error_reporting=E_ALL -d display_errors=stderr dash.php", root, N_PHP)
    cap("php-board-tail-60", "php -d error_reporting=E_ALL board.php 2>&1 | tail -n 60", root, N_PHP)
    cap("php-board-grep-warn", "php -d error_reporting=E_ALL -d display_errors=1 board.php 2>&1 | "
        "grep -E 'Warning|Deprecated|Fatal' | head -n 120; echo EXIT=$?", root, N_PHP)


# ------------------------------------------------------------------ Ruby

def ruby_exporter(n: int, seed: int, broken: bool) -> str:
    rnd = random.Random(seed)
    out = ["# frozen_string_literal: true", "require 'csv'", "", "module Exporter"]
    for i in range(n):
        out += [f"  def self.export_{i}(rows, io)", "    count = 0"]
        if i % 5 == 2:
            out.append(f"    unused_{i} = rows.size")
        out += ["    rows.each do |row|", f"      io.puts [row[:id], row[:level] * {rnd.randint(1, 9)}].join(',')",
                "      count += 1", "    end"]
        if i % 7 == 4:
            out.append("    puts (count)")
        if broken and i == n - 3:
            out.append("    if count > 0")
        if i % 6 == 1:
            out.append("      count")
        out += ["    count", "  end", ""]
    out.append("end")
    return "\n".join(out) + "\n"


def ruby(tmp: Path) -> None:
    root = tmp / "tidegauge" / "export"
    files = {f"lib/export_{k}.rb": ruby_exporter(n, 4820 + k, k in (1, 3)) for k, n in enumerate((30, 45, 20, 60))}
    write_tree(root, files)
    cap("ruby-wc-export-1", "ruby -wc lib/export_1.rb", root, N_RUBY_C)
    cap("ruby-wc-loop-all", "for f in lib/*.rb; do ruby -wc $f; done; echo EXIT=$?", root, N_RUBY_C)


# ------------------------------------------------------------------ Common Lisp (CLISP, ECL)

def lisp_calib(n: int, seed: int, runtime: bool, arity_bug: bool = True) -> str:
    rnd = random.Random(seed)
    out = ["(defun avg (xs) (/ (reduce #'+ xs) (length xs)))"]
    for i in range(n):
        k = i % 6
        if k == 0:
            out.append(f"(defun gain-{i} (x y) (let ((z {rnd.randint(1, 9)})) (* x {rnd.randint(2, 7)})))")
        elif k == 1:
            out.append(f"(defun offset-{i} (x) (+ x drift-{i}))")
        elif k == 2:
            out.append(f"(defun level-{i} (xs) (avg (mapcar (lambda (v) (* v 0.01)) xs)))")
        elif k == 3:
            out.append(f"(defun first-{i} (xs) (car xs {rnd.randint(1, 3)}))" if i % 4 == 3 and arity_bug else
                       f"(defun first-{i} (xs) (car xs))")
        elif k == 4:
            out.append(f"(defun scale-{i} (x) (calibrate-{i} x {rnd.randint(2, 5)}))")
        else:
            out.append(f"(defun tide-{i} (xs) (format t \"tide ~a ~a~%\" {i} (avg xs)))")
    if runtime:
        for i in range(5, n, 6):
            out.append(f"(tide-{i} '({rnd.randint(1, 99)} {rnd.randint(1, 99)} {rnd.randint(1, 99)}))")
        out.append("(tide-5 nil)")
    return "\n".join(out) + "\n"


def lisp(tmp: Path) -> None:
    root = tmp / "tidegauge" / "calib"
    write_tree(root, {"calib.lisp": lisp_calib(90, 4824, False), "run.lisp": lisp_calib(240, 4825, True),
                      "ecl/calib.lisp": lisp_calib(60, 4826, False),
                      "ecl/run.lisp": lisp_calib(300, 4827, True, arity_bug=False)})
    cap("clisp-c-calib", "clisp -q -c calib.lisp", root, N_CLISP_COMPILE)
    cap("clisp-c-calib-tail-echo", "clisp -q -c run.lisp 2>&1 | tail -n 40; echo EXIT=$?", root, N_CLISP_COMPILE)
    cap("clisp-run", "clisp -q run.lisp", root, N_CLISP_ERROR)
    cap("ecl-compile-file-calib", "ecl --norc --eval '(compile-file \"calib.lisp\")' --eval '(quit)'", root / "ecl",
        N_ECL_COMPILE)
    cap("ecl-load-run", "ecl --norc --load run.lisp --eval '(quit)'", root / "ecl", N_ECL_ERROR)
    cap("ecl-shell-run-tail", "ecl --norc --shell run.lisp 2>&1 | tail -n 30", root / "ecl", N_ECL_ERROR)


# ------------------------------------------------------------------ bc, dc, m4, gawk

def bc_script(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["scale=4", "define tide(h, a) {", "  return (h * 0.01 + a)", "}"]
    for i in range(n):
        h, a = rnd.randint(0, 900), rnd.randint(-3, 3)
        k = i % 9
        if k == 3:
            out.append(f"tide({h}, {a}) / ({a} - {a})")
        elif k == 5:
            out.append(f"sqrt(tide({h}, {a}) - 100)")
        elif k == 7 and i % 4 == 3:
            out.append(f"tide({h}, {a} * )")
        else:
            out.append(f"tide({h}, {a})")
    out.append("quit")
    return "\n".join(out) + "\n"


def dc_script(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["4 k"]
    for i in range(n):
        a, b = rnd.randint(1, 999), rnd.randint(0, 30)
        k = i % 8
        if k == 2:
            out.append(f"{a} {b % 3 - 1 if b % 3 == 1 else 0} / p")
        elif k == 5:
            out.append(f"{a} _{b + 1} v p")
        elif k == 6:
            out.append("+ p")
        else:
            out.append(f"{a} {b} + 100 / p")
    return "\n".join(out) + "\n"


def m4_template(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["define(`GAUGE', `gauge $1 at level eval($2 / $3) m')dnl", "define(`STATION', `[$1] $2')dnl"]
    for i in range(n):
        k = i % 10
        if k == 2:
            out.append(f"GAUGE({i}, {rnd.randint(1, 900)}, 0)")
        elif k == 5:
            out.append(f"STATION(st{i}, incr(level{i}))")
        elif k == 7 and i % 3 == 1:
            out.append(f"include(`stations/st{i}.m4')")
        elif k == 8 and i % 4 == 0:
            out.append(f"GAUGE({i}, {rnd.randint(1, 900)} +, 7)")
        else:
            out.append(f"GAUGE({i}, {rnd.randint(1, 900)}, {rnd.randint(1, 9)})")
    return "\n".join(out) + "\n"


def gauges_csv(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    rows = ["id,station,level_cm,offset"]
    for i in range(n):
        rows.append(f"{i},st{rnd.randint(1, 30)},{rnd.randint(0, 900)},{rnd.randint(-3, 3)}")
    return "\n".join(rows) + "\n"


AWK_REPORT = """BEGIN { FS = ","; getline header }
{ lvl = $3 / 100 + $4; sum[$2] += lvl; n[$2]++
  printf "%-6s %-5s %7.2f\\n", $1, $2, lvl
  if ($1 == CUTOFF) { ratio = lvl / ($4 - $4) }
  if ($1 == DUMP) { print $0 > "/nonexistent/dump/" $2 ".csv" }
}
END { for (s in sum) printf "%s mean %.2f\\n", s, sum[s] / n[s] }
"""


def small_tools(tmp: Path) -> None:
    root = tmp / "tidegauge" / "tools"
    write_tree(root, {"tide.bc": bc_script(700, 4828), "calib.dc": dc_script(900, 4829),
                      "station.m4": m4_template(500, 4830), "gauges.csv": gauges_csv(900, 4831),
                      "report.awk": AWK_REPORT})
    cap("bc-l-tide", "bc -l tide.bc", root, N_BC)
    cap("bc-w-tide-tail-echo", "bc -w -l tide.bc 2>&1 | tail -n 80; echo EXIT=$?", root, N_BC)
    cap("dc-calib", "dc calib.dc", root, N_DC)
    cap("m4-station", "m4 station.m4", root, N_M4)
    cap("m4-station-grep", "m4 station.m4 2>&1 >/dev/null | head -n 50; echo EXIT=$?", root, N_M4)
    cap("gawk-report-fatal", "gawk -v CUTOFF=700 -v DUMP=820 -f report.awk gauges.csv", root, N_GAWK)
    cap("gawk-lint-report-tail", "gawk --lint -v CUTOFF=300 -v DUMP=2000 -f report.awk gauges.csv 2>&1 | tail -n 60",
        root, N_GAWK)


STEPS = [haskell, rlang, php, ruby, lisp, small_tools]
