#!/usr/bin/env python3
"""Round 496: a drawbridge's programs (winches, counterweights, bridgemen, leaves; seed 49610) in Perl, Ruby, Erlang,
Common Lisp, PHP, R, gawk, Fortran and Prolog, seen through their compilers' and runtimes' dumps: perl -MO=Deparse,
perl -MO=Xref, ruby --dump=insns, erlc -S, SBCL's disassemble, PHP's ReflectionClass, R's sessionInfo() and str(),
gawk --dump-variables, gfortran -fdump-fortran-original, SWI-Prolog's listing/1. Faults put in so diagnostics sit
among the dumps. Eleven new kinds, each with its own extractor (`n_*` below), fixed before capture: NEEDLES.md,
round 496.

Usage:   .venv/bin/python scripts/corpus/capture_wide496.py
Writes:  scripts/corpus/data/wide496.json, ids prefixed "wide496-".
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, kind, mask, prev_match  # noqa: E402

TMP = Path("/dev/shm/hm-corpus-wide496")
OUT = HERE / "data" / "wide496.json"
SEED = 49610
S = cm.Sized(400, 120_000)

PARTS = ["winch", "counterweight", "bridgeman", "leaf", "pawl", "brake", "trunnion", "pinion", "rack", "gate",
         "horn", "sheave", "chain", "lock", "bascule", "signal"]
VERBS = ["load", "raise", "lower", "check", "balance", "tension", "release", "inspect", "grease", "log", "count", "align"]


def names(rnd: random.Random, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        s = f"{rnd.choice(PARTS)}_{rnd.choice(VERBS)}"
        if s not in out:
            out.append(s)
        elif len(out) >= len(PARTS) * len(VERBS) - 1:
            out.append(f"{s}_{len(out)}")
    return out


# ------------------------------------------------------------------ extractors (fixed before capture)

ERR_PERL = re.compile(r"syntax error|had compilation errors|Global symbol|requires explicit package name|"
                      r"\bat \S+ line \d+|Can't locate|BEGIN failed|Bareword|Execution of")


@kind("perl-deparse", "code")
def n_perl_deparse(lines):
    """every `package` line and `sub NAME {` line; every error line (`at FILE line N`, syntax error, compilation errors); the `syntax OK` line"""
    out = []
    for ln in lines:
        if re.match(r"\s*package [\w:]+;", ln) or re.match(r"\s*sub [\w:]+ \{", ln) or ERR_PERL.search(ln) \
                or re.search(r"syntax OK$", ln):
            out.append(ln)
    return out


@kind("perl-xref", "listing")
def n_perl_xref(lines):
    """every `File` line; in the script's own File section every `Subroutine` header and every `&name sN` definition line; rule-1 error lines"""
    out, own, defs = [], False, False
    script = None
    for ln in lines:
        m = re.match(r"File (\S+)", ln)
        if m:
            out.append(ln)
            f = m.group(1)
            if script is None and not f.startswith("/"):
                script = f
            own = f == script
            defs = False
            continue
        if ERR_PERL.search(ln):
            out.append(ln)
            continue
        if not own:
            continue
        if re.match(r"\s+Subroutine ", ln):
            out.append(ln)
            defs = "(definitions)" in ln
        elif defs and re.match(r"\s+&\w+\s+s\d+", ln):
            out.append(ln)
    return out


@kind("ruby-dump-insns", "code")
def n_ruby_insns(lines):
    """every `== disasm: #<ISeq:…>` line; every syntax error line and the `FILE:N:` line naming its place"""
    out = []
    for ln in lines:
        if ln.startswith("== disasm: ") or re.search(r"syntax error|SyntaxError", ln) or re.match(r"\S+\.rb:\d+: ", ln):
            out.append(ln)
    return out


@kind("erlc-asm", "code")
def n_erlc_asm(lines):
    """the `{module, …}.` and `{exports, …}.` lines, every `{function, Name, Arity, Label}.` line; every error line; warnings one any per (shape, file)"""
    out, warns = [], []
    for ln in lines:
        if re.match(r"\{(module|exports|function),", ln):
            out.append(ln)
        m = re.match(r"(\S+\.erl):\d+(?::\d+)?: (.*)", ln)
        if m:
            if m.group(2).startswith("Warning:"):
                warns.append(((m.group(1), mask(m.group(2))), ln))
            else:
                out.append(ln)
    return out + groups(warns)


@kind("sbcl-disassemble", "code")
def n_sbcl_disassemble(lines):
    """every `; disassembly for` and `; Size:` line; every caught ERROR/WARNING with its first message line, Unhandled conditions; STYLE-WARNINGs one any per shape"""
    out, style = [], []
    for i, ln in enumerate(lines):
        if ln.startswith("; disassembly for") or ln.startswith("; Size:"):
            out.append(ln)
        elif re.search(r"caught (ERROR|WARNING):", ln) or re.search(r"Unhandled \w", ln):
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 7)) if lines[k].strip(" ;")), None)
            if nxt:
                out.append(nxt)
        elif "caught STYLE-WARNING:" in ln:
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 7)) if lines[k].strip(" ;")), None)
            if nxt:
                style.append((mask(nxt), nxt))
    return out + groups(style)


@kind("php-reflection-class", "code")
def n_php_reflection(lines):
    """every `Class [` / `Interface [` / `Trait [` line, every `Method [` and `Constant [` line; every PHP error/warning/deprecation line"""
    out = []
    for ln in lines:
        if re.match(r"\s*(Class|Interface|Trait|Method|Constant) \[", ln) or \
                re.search(r"(Fatal error|Warning|Deprecated|Parse error):", ln):
            out.append(ln)
    return out


@kind("r-sessioninfo", "listing")
def n_r_sessioninfo(lines):
    """the `R version`, `Platform:` and `Running under:` lines; every package line under attached / other attached / loaded via a namespace; error lines"""
    out, inpk = [], False
    for ln in lines:
        if ln.startswith("R version") or ln.startswith("Platform:") or ln.startswith("Running under:") \
                or re.match(r"Error( in|:)", ln):
            out.append(ln)
        if re.match(r"(attached base packages|other attached packages|loaded via a namespace)", ln):
            inpk = True
            continue
        if inpk:
            if re.match(r"\s*\[\d+\]", ln):
                out.append(ln)
            else:
                inpk = False
    return out


@kind("r-str", "table")
def n_r_str(lines):
    """every header line (`'data.frame':`, `List of N`, `Classes`) and every top-level ` $ ` element line; Error/Warning message lines and the line after each"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"('data\.frame':|List of \d+|Classes )", ln) or re.match(r" \$ ", ln):
            out.append(ln)
        elif re.match(r"(Error|Warning message)", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out


@kind("gawk-dump-variables", "listing")
def n_gawk_dump(lines):
    """every dump line naming a user variable (lowercase name); every fatal line; warning shapes one any per (shape, file); the source line quoted after an error"""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if re.match(r"[a-z_]\w*: ", ln) and not ln.startswith("gawk:"):
            out.append(ln)
        m = re.match(r"gawk: (?:cmd\. line|(\S+?)):(\d+): (?:\(FILENAME=\S* FNR=\d+\) )?(fatal|warning|error)?:?\s*(.*)", ln)
        if m:
            if m.group(3) == "warning":
                warns.append(((m.group(1), mask(m.group(4))), ln))
            else:
                out.append(ln)
                if m.group(3) is None and i + 1 < len(lines) and lines[i + 1].startswith("gawk:"):
                    out.append(lines[i + 1])
    return out + groups(warns)


@kind("gfortran-dump-original", "code")
def n_gfortran_dump(lines):
    """every `procedure name = NAME` line; every `Error:` line with the `FILE:L:C:` line above it; warnings one any per (shape, file)"""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if re.match(r"\s*procedure name = ", ln):
            out.append(ln)
        elif re.match(r"(Fatal )?Error: ", ln):
            out.append(ln)
            out.append(prev_match(lines, i, r"^\S+\.f90:\d+:\d+:"))
        elif ln.startswith("Warning: "):
            loc = prev_match(lines, i, r"^\S+\.f90:\d+:\d+:") or ""
            warns.append(((loc.split(":")[0], mask(ln)), ln))
    return out + groups(warns)


@kind("swipl-listing", "code")
def n_swipl_listing(lines):
    """every `:- dynamic` line and each predicate's first line after a blank line; every ERROR line; Warning shapes one any per shape"""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if ln.startswith(":- dynamic"):
            out.append(ln)
        elif ln.strip() and i > 0 and not lines[i - 1].strip() and re.match(r"[a-z]\w*(\(|\s*:-|\.)", ln):
            out.append(ln)
        elif re.match(r"ERROR:", ln):
            out.append(ln)
        elif re.match(r"Warning:", ln):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            warns.append((mask(nxt), ln))
    return out + groups(warns)


# ------------------------------------------------------------------ the drawbridge's programs, per language

def w(d: Path, name: str, text: str) -> None:
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_text(text)


def perl_prog(rnd: random.Random, n: int, fault: str) -> str:
    pk = ["Drawbridge::Winch", "Drawbridge::Counterweight", "Drawbridge::Bridgeman", "Drawbridge::Leaf"]
    fs = names(rnd, n)
    out = ["#!/usr/bin/perl", "use strict;", "use warnings;", "use List::Util qw(sum max min);",
           "use POSIX qw(floor ceil);", ""]
    for k, f in enumerate(fs):
        if k % max(1, n // 4) == 0:
            out += [f"package {pk[(k // max(1, n // 4)) % 4]};", ""]
        a, b = rnd.randint(2, 9), rnd.randint(100, 1500)
        body = [f"sub {f} {{", "    my ($self, @loads) = @_;", f"    my $total = sum(0, map {{ $_ * {a} }} @loads);",
                f"    if ($total > {b}) {{", f"        warn \"{f}: load $total over {b}\\n\";", "        return floor($total / 2);",
                "    }", f"    my %seen = map {{ $_ => 1 }} @loads;", "    return max(scalar(keys %seen), $total);", "}", ""]
        if fault == "strict" and k % 7 == 3:
            body[2] = f"    $tension_{k} = sum(0, map {{ $_ * {a} }} @loads);"
        if fault == "syntax" and k == n // 2:
            body[3] = f"    if ($total > {b} {{"
        out += body
    out += ["package main;", "my @shift = (3, 5, 8, 13);",
            f"print Drawbridge::Winch::{fs[0]}(undef, @shift), \"\\n\";", ""]
    return "\n".join(out)


def step_perl(tmp: Path) -> None:
    rnd = random.Random(SEED)
    d = tmp / "perl"
    for tag, n, fault in [("small", 8, ""), ("large", 120, ""), ("strict", 30, "strict"), ("syntax", 24, "syntax")]:
        w(d, f"bridge_{tag}.pl", perl_prog(rnd, n, fault))
    S.cap("perl-deparse-small", "perl -MO=Deparse bridge_small.pl", d, n_perl_deparse)
    S.cap("perl-deparse-large", "perl -MO=Deparse bridge_large.pl", d, n_perl_deparse)
    S.cap("perl-deparse-strict", "perl -MO=Deparse bridge_strict.pl", d, n_perl_deparse)
    S.cap("perl-deparse-syntax", "perl -MO=Deparse,-p bridge_syntax.pl", d, n_perl_deparse)
    S.cap("perl-xref-small", "perl -MO=Xref bridge_small.pl", d, n_perl_xref)
    S.cap("perl-xref-large", "perl -MO=Xref bridge_large.pl 2>&1 | head -n 2500", d, n_perl_xref)
    S.cap("perl-xref-strict", "perl -MO=Xref,-d bridge_strict.pl", d, n_perl_xref)


def ruby_prog(rnd: random.Random, n: int, fault: str) -> str:
    fs = names(rnd, n)
    out = ["# frozen_string_literal: true", "module Drawbridge"]
    for k, f in enumerate(fs):
        if k % max(1, n // 3) == 0:
            if k:
                out.append("  end")
            out += [f"  class {['Winch', 'Counterweight', 'Bridgeman', 'Leaf'][(k // max(1, n // 3)) % 4]}{k}",
                    "    attr_reader :loads", "    def initialize(loads) = @loads = loads"]
        a, b = rnd.randint(2, 9), rnd.randint(100, 1500)
        body = [f"    def {f}(factor = {a})", f"      total = @loads.sum {{ |l| l * factor }}",
                f"      raise ArgumentError, \"{f}: #{{total}} over {b}\" if total > {b}",
                "      @loads.each_with_index.map { |l, i| [i, l * factor] }.to_h", "    end"]
        if fault == "syntax" and k == n // 2:
            body[4] = "    en"
        out += body
    out += ["  end", "end", "", "w = Drawbridge::Winch0.new([3, 5, 8])", f"p w.{fs[0]}", ""]
    return "\n".join(out)


def step_ruby(tmp: Path) -> None:
    rnd = random.Random(SEED + 1)
    d = tmp / "ruby"
    for tag, n, fault in [("small", 5, ""), ("mid", 15, ""), ("large", 34, ""), ("syntax", 20, "syntax")]:
        w(d, f"bridge_{tag}.rb", ruby_prog(rnd, n, fault))
    for tag in ("small", "mid", "large"):
        S.cap(f"ruby-insns-{tag}", f"ruby --dump=insns bridge_{tag}.rb", d, n_ruby_insns)
    S.cap("ruby-insns-syntax", "for f in bridge_syntax.rb bridge_small.rb; do ruby --dump=insns $f; done", d, n_ruby_insns)


def erl_prog(rnd: random.Random, n: int, fault: str, mod: str) -> str:
    fs = names(rnd, n)
    out = [f"-module({mod}).", "-export([" + ", ".join(f"{f}/2" for f in fs) + "]).", ""]
    for k, f in enumerate(fs):
        a, b = rnd.randint(2, 9), rnd.randint(100, 1500)
        body = [f"{f}(Loads, Bridgeman) when is_list(Loads) ->",
                f"    Total = lists:sum([L * {a} || L <- Loads]),",
                "    case Total of",
                f"        T when T > {b} -> {{error, {{overload, Bridgeman, T}}}};",
                "        T -> {ok, maps:from_list(lists:zip(lists:seq(1, length(Loads)), Loads)), T}",
                "    end.", ""]
        if fault == "bad" and k % 5 == 2:
            body[1] = f"    Total = lists:sum([L * {a} || L <- Loads]) + Tension{k},"
        if fault == "bad" and k % 6 == 4:
            body[0] = f"{f}(Loads, Bridgeman) when is_list(Loads) -> Unused{k} = {k},"
        if fault == "bad" and k == 1:
            body[2] = "    case counterweight:balance(Total) + pawl_check(Total) of"
        out += body
    return "\n".join(out)


def step_erlang(tmp: Path) -> None:
    rnd = random.Random(SEED + 2)
    d = tmp / "erlang"
    for mod, n, fault in [("bridge_small", 4, ""), ("bridge_mid", 25, ""), ("bridge_large", 50, ""), ("bridge_bad", 20, "bad")]:
        w(d, f"{mod}.erl", erl_prog(rnd, n, fault, mod))
    for mod in ("bridge_small", "bridge_mid", "bridge_large"):
        S.cap(f"erlc-S-{mod.split('_')[1]}", f"erlc -S {mod}.erl && cat {mod}.S", d, n_erlc_asm)
    S.cap("erlc-S-bad", "erlc -S bridge_bad.erl; cat bridge_bad.S", d, n_erlc_asm)


def lisp_prog(rnd: random.Random, n: int, fault: str) -> tuple[str, list[str]]:
    fs = [f.replace("_", "-") for f in names(rnd, n)]
    out = ["(defpackage :drawbridge (:use :cl))", "(in-package :drawbridge)",
           "(defstruct leaf (angle 0 :type fixnum) (load 0 :type fixnum))", ""]
    for k, f in enumerate(fs):
        a, b = rnd.randint(2, 9), rnd.randint(100, 1500)
        body = f"""(defun {f} (loads &optional (factor {a}))
  (declare (type list loads) (type fixnum factor))
  (let ((total (reduce #'+ (mapcar (lambda (l) (* l factor)) loads))))
    (if (> total {b})
        (error "{f}: load ~a over {b}" total)
        (make-leaf :angle (min 90 (floor total 10)) :load total))))
"""
        if fault == "bad" and k % 4 == 1:
            body = body.replace("(reduce #'+", f"(+ tension-{k} (reduce #'+").replace("loads))))", "loads)))))", 1)
        if fault == "bad" and k % 5 == 3:
            body = body.replace("(min 90 (floor total 10))", '(min 90 "ninety")')
        out.append(body)
    return "\n".join(out), fs


def step_sbcl(tmp: Path) -> None:
    rnd = random.Random(SEED + 3)
    d = tmp / "sbcl"
    for tag, n, fault, shown in [("small", 3, "", 3), ("mid", 12, "", 12), ("large", 40, "", 18), ("bad", 10, "bad", 5)]:
        src, fs = lisp_prog(rnd, n, fault)
        w(d, f"bridge_{tag}.lisp", src)
        calls = " ".join(f"'drawbridge::{f.upper()}" for f in fs[:shown])
        w(d, f"run_{tag}.lisp", f'(load (compile-file "bridge_{tag}.lisp"))\n(dolist (f (list {calls})) (disassemble f))\n'
          + ('(print (drawbridge::' + fs[0] + ' (list 900 800 700)))\n' if fault else ""))
        S.cap(f"sbcl-disassemble-{tag}", f"sbcl --script run_{tag}.lisp", d, n_sbcl_disassemble,
              typed=f"sbcl --non-interactive --load run_{tag}.lisp")


def php_prog(rnd: random.Random, n: int, fault: str) -> str:
    fs = [f.title().replace("_", "") for f in names(rnd, n)]
    fs = [f[0].lower() + f[1:] for f in fs]
    out = ["<?php", "declare(strict_types=1);", "interface Liftable {", "    public function raise(int $deg): bool;",
           "    public function lower(int $deg): bool;", "}", "abstract class BridgeMachine implements Liftable {",
           "    public const MAX_LOAD = 1200;", "    protected array $loads = [];", "    abstract public function name(): string;",
           "    public function raise(int $deg): bool { return $deg <= 90; }",
           "    public function lower(int $deg): bool { return $deg >= 0; }", "}",
           "class Winch extends BridgeMachine {"]
    for k in range(4):
        out.append(f"    public const {['PAWL', 'BRAKE', 'SHEAVE', 'CHAIN'][k]}_LIMIT = {rnd.randint(10, 900)};")
    out.append("    public function name(): string { return 'winch'; }")
    for k, f in enumerate(fs):
        a = rnd.randint(2, 9)
        vis = rnd.choice(["public", "public", "protected", "private"])
        stat = "static " if k % 6 == 5 else ""
        out.append(f"    {vis} {stat}function {f}(int $factor = {a}, ?string $bridgeman = null): int|float "
                   f"{{ return array_sum($this->loads ?? []) * $factor; }}")
    out.append("}")
    if fault == "abstract":
        out += ["class Counterweight extends BridgeMachine {", "    public function balance(): int { return 0; }", "}"]
    if fault == "dyn":
        out += ["$w = new Winch();", "$w->tension = 40;", "echo $w->undefinedTension;", "$x = [1, 2][5];"]
    return "\n".join(out) + "\n"


def step_php(tmp: Path) -> None:
    rnd = random.Random(SEED + 4)
    d = tmp / "php"
    for tag, n, fault in [("small", 6, ""), ("large", 160, ""), ("abstract", 8, "abstract"), ("dyn", 10, "dyn")]:
        w(d, f"bridge_{tag}.php", php_prog(rnd, n, fault))
    S.cap("php-refl-small", "php -r 'require \"bridge_small.php\"; echo new ReflectionClass(\"Winch\");'", d, n_php_reflection)
    S.cap("php-refl-large", "php -r 'require \"bridge_large.php\"; echo new ReflectionClass(\"Winch\");'", d, n_php_reflection)
    S.cap("php-refl-iface", "php -r 'require \"bridge_small.php\"; echo new ReflectionClass(\"BridgeMachine\"), "
          "new ReflectionClass(\"Liftable\");'", d, n_php_reflection)
    w(d, "counterweight.php", "<?php\nclass Counterweight extends BridgeMachine {\n    public function balance(): int { return 0; }\n}\n")
    S.cap("php-refl-abstract", "php -r 'require \"bridge_small.php\"; echo new ReflectionClass(\"Winch\"); "
          "require \"counterweight.php\"; echo new ReflectionClass(\"Counterweight\");'", d, n_php_reflection)
    S.cap("php-refl-dyn", "php -d error_reporting=-1 -r 'require \"bridge_dyn.php\"; echo new ReflectionClass(\"Winch\");'",
          d, n_php_reflection)


R_DATA = """set.seed(49610)
n <- {n}
shifts <- data.frame(
  date = as.Date("2026-10-01") + seq_len(n) - 1,
  bridgeman = sample(c("Ada Pawl", "Bert Sheave", "Clara Trunnion", "Dick Winch", "Elsie Leaf"), n, TRUE),
  leaf = factor(sample(c("north", "south"), n, TRUE)),
  winch_load_kN = round(rnorm(n, 420, 60), 1),
  counterweight_t = sample(c(118, 120, 122, NA), n, TRUE),
  openings = rpois(n, 7),
  fault = sample(c("none", "none", "none", "pawl slip", "brake fade"), n, TRUE),
  stringsAsFactors = FALSE)
"""


def step_r(tmp: Path) -> None:
    d = tmp / "r"
    d.mkdir(parents=True, exist_ok=True)
    S.cap("r-sessioninfo-base", "Rscript -e 'sessionInfo()'", d, n_r_sessioninfo)
    S.cap("r-sessioninfo-attached", "Rscript -e 'library(stats4); library(splines); library(tools); library(parallel); "
          "sessionInfo()'", d, n_r_sessioninfo)
    S.cap("r-sessioninfo-missing", "Rscript -e 'library(splines); library(grid); x <- try(library(drawbridgeR)); "
          "sessionInfo()'", d, n_r_sessioninfo)
    w(d, "str_small.R", R_DATA.format(n=40) + "str(shifts)\n")
    w(d, "str_nested.R", R_DATA.format(n=300) + "bridge <- list(leaves = split(shifts, shifts$leaf), "
      "model = lm(winch_load_kN ~ openings + counterweight_t, data = shifts), "
      "meta = list(seed = 49610L, bridge = 'Tollgate Bascule', winches = 1:4))\nstr(bridge, max.level = 3)\n"
      "str(undefined_tension)\n")
    w(d, "str_wide.R", R_DATA.format(n=2000) + "wide <- lapply(1:30, function(k) shifts[sample(nrow(shifts), 50), ])\n"
      "names(wide) <- paste0('shift_', 1:30)\nstr(wide)\nas.numeric('ninety')\n")
    S.cap("r-str-small", "Rscript str_small.R", d, n_r_str)
    S.cap("r-str-nested", "Rscript str_nested.R", d, n_r_str)
    S.cap("r-str-wide", "Rscript str_wide.R", d, n_r_str)


AWK_PROG = """BEGIN { FS = ","; limit = 1200 }
NR == 1 { header = $0; next }
{
  load[$2] += $4
  openings[$3]++
  if ($4 > limit) { over++; worst = ($4 > worst ? $4 : worst) }
  total += $4
  if ($5 == "pawl slip") slips[$2]++
  {extra}
}
END {
  for (b in load) printf "%-16s %10.1f\\n", b, load[b]
  printf "mean %.2f over %d rows, %d over limit\\n", total / (NR - 1), NR - 1, over
  {end}
}
"""


def step_gawk(tmp: Path) -> None:
    rnd = random.Random(SEED + 5)
    d = tmp / "gawk"
    d.mkdir(parents=True, exist_ok=True)
    men = ["ada", "bert", "clara", "dick", "elsie", "fred"]
    rows = ["date,bridgeman,leaf,load,fault"] + [
        f"2026-10-{1 + k % 28:02d},{rnd.choice(men)},{rnd.choice(['north', 'south'])},{rnd.randint(300, 1400)},"
        f"{rnd.choice(['none', 'none', 'none', 'pawl slip'])}" for k in range(400)]
    (d / "shifts.csv").write_text("\n".join(rows) + "\n")
    (d / "empty.csv").write_text("date,bridgeman,leaf,load,fault\n")
    w(d, "bridge.awk", AWK_PROG.replace("{extra}", "").replace("{end}", ""))
    w(d, "bridge_lint.awk", AWK_PROG.replace("{extra}", "tension = tension + $9; seen[$2] = $1 $2 ; x = y + 1")
      .replace("{end}", "print substr(header, 0, 10), length(unset_array); gsub(\"a\", \"b\", 5)"))
    w(d, "bridge_fatal.awk", AWK_PROG.replace("{extra}", "").replace("{end}", "printf \"%d\\n\", total / (openings[\"east\"] + 0)"))
    S.cap("gawk-dump-plain", "gawk --dump-variables=/dev/stdout -f bridge.awk shifts.csv", d, n_gawk_dump)
    S.cap("gawk-dump-lint", "gawk --lint --dump-variables=/dev/stdout -f bridge_lint.awk shifts.csv", d, n_gawk_dump)
    S.cap("gawk-dump-fatal", "gawk --dump-variables=/dev/stdout -f bridge_fatal.awk shifts.csv; echo EXIT=$?; "
          "gawk --dump-variables=/dev/stdout -f bridge.awk shifts.csv; "
          "gawk --dump-variables=/dev/stdout -f bridge.awk empty.csv", d, n_gawk_dump)


def f90_prog(rnd: random.Random, n: int, fault: str) -> str:
    fs = names(rnd, n)
    out = ["module drawbridge", "  implicit none", "  integer, parameter :: max_load = 1200",
           "  type :: leaf_t", "    integer :: angle = 0", "    real :: load = 0.0", "  end type leaf_t", "contains"]
    for k, f in enumerate(fs):
        a = rnd.randint(2, 9)
        body = [f"  function {f}(loads, n) result(total)", "    integer, intent(in) :: n",
                "    real, intent(in) :: loads(n)", "    real :: total", "    integer :: i", "    total = 0.0",
                "    do i = 1, n", f"      total = total + loads(i) * {a}.0", "    end do",
                "    if (total > max_load) total = max_load", f"  end function {f}", ""]
        if fault == "bad" and k % 4 == 1:
            body[7] = f"      total = total + loads(i) * tension{k}"
        if fault == "bad" and k % 5 == 2:
            body[5] = "    total = 'heavy'"
        if fault == "bad" and k % 3 == 0:
            body.insert(5, f"    integer :: unused{k}")
        out += body
    out += ["end module drawbridge", "", "program bridge", "  use drawbridge", "  implicit none",
            "  real :: l(3) = [300.0, 400.0, 500.0]", f"  print *, {fs[0]}(l, 3)", "end program bridge", ""]
    return "\n".join(out)


def step_fortran(tmp: Path) -> None:
    rnd = random.Random(SEED + 6)
    d = tmp / "fortran"
    for tag, n, fault in [("small", 3, ""), ("mid", 14, ""), ("large", 40, ""), ("bad", 12, "bad")]:
        w(d, f"bridge_{tag}.f90", f90_prog(rnd, n, fault))
    for tag in ("small", "mid", "large"):
        S.cap(f"gfortran-dump-{tag}", f"gfortran -fdump-fortran-original -fsyntax-only bridge_{tag}.f90", d, n_gfortran_dump)
    S.cap("gfortran-dump-bad", "gfortran -Wall -fdump-fortran-original -fsyntax-only bridge_bad.f90", d, n_gfortran_dump)


def pl_prog(rnd: random.Random, n: int, fault: str) -> str:
    men = ["ada", "bert", "clara", "dick", "elsie"]
    out = [":- dynamic opening/3.", ""]
    for k in range(n):
        out.append(f"shift({rnd.choice(men)}, {rnd.choice(['north', 'south'])}, {rnd.randint(300, 1400)}).")
    out += ["", "opening(1, north, 35).", "opening(2, south, 42).", "",
            "overload(Man, Load) :- shift(Man, _, Load), Load > 1200.",
            "leaf_total(Leaf, Total) :- aggregate_all(sum(L), shift(_, Leaf, L), Total).",
            "bridgeman_loads(Man, Loads) :- findall(L, shift(Man, _, L), Loads).",
            "balanced(Leaf) :- leaf_total(Leaf, T), counterweight(Leaf, C), abs(T - C) < 500.",
            "counterweight(north, 118000).", "counterweight(south, 120000).", ""]
    if fault == "bad":
        out += ["pawl_check(Man, Leaf, Load) :- shift(Man, Lef, Load), Load > 900.",
                "brake_fade(X) :- shift(X, Leaf, _), winch_temp(Leaf, T), T > 80.", ""]
    return "\n".join(out)


def step_prolog(tmp: Path) -> None:
    rnd = random.Random(SEED + 7)
    d = tmp / "prolog"
    for tag, n, fault in [("small", 12, ""), ("large", 1500, ""), ("bad", 30, "bad")]:
        w(d, f"bridge_{tag}.pl", pl_prog(rnd, n, fault))
    preds = "listing(overload/2), listing(leaf_total/2), listing(bridgeman_loads/2), listing(balanced/1), listing(opening/3)"
    S.cap("swipl-listing-small", f"swipl -q -g 'consult(bridge_small), listing(shift/3), {preds}' -t halt", d, n_swipl_listing)
    S.cap("swipl-listing-large", f"swipl -q -g 'consult(bridge_large), listing(shift/3), {preds}' -t halt", d, n_swipl_listing)
    S.cap("swipl-listing-bad", f"swipl -q -g 'consult(bridge_bad), {preds}, listing(pawl_check/3), brake_fade(ada)' -t halt",
          d, n_swipl_listing)


def ensure_tools() -> None:
    for t in ("perl", "ruby", "erlc", "sbcl", "php", "Rscript", "gawk", "gfortran", "swipl"):
        cm.have(t, t)


STEPS = [step_perl, step_ruby, step_erlang, step_sbcl, step_php, step_r, step_gawk, step_fortran, step_prolog]

if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, "wide496-", OUT, TMP)
