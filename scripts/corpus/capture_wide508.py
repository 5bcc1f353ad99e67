#!/usr/bin/env python3
"""Round 508: second samples of round 496's compiler and runtime dumps (perl -MO=Deparse / -MO=Xref, ruby
--dump=insns, erlc -S, SBCL's disassemble, PHP's ReflectionClass, R's sessionInfo() and str(), gawk
--dump-variables, gfortran -fdump-fortran-original, SWI-Prolog's listing/1) on a drydock's programs (pumps,
caissons, shipwrights; seed 50810) written here, of other sizes and shapes, with other faults. No new rule: every
extractor is round 496's, imported (NEEDLES.md, round 508).

Usage:   .venv/bin/python scripts/corpus/capture_wide508.py
Writes:  scripts/corpus/data/wide508.json, ids prefixed "wide508-".
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide496 as r496  # noqa: E402
from capture_wide496 import (n_erlc_asm, n_gawk_dump, n_gfortran_dump, n_perl_deparse, n_perl_xref,  # noqa: E402
                             n_php_reflection, n_r_sessioninfo, n_r_str, n_ruby_insns, n_sbcl_disassemble,
                             n_swipl_listing)

TMP = Path("/dev/shm/hm-corpus-wide508")
OUT = HERE / "data" / "wide508.json"
SEED = 50810
S = cm.Sized(400, 120_000)

PARTS = ["pump", "caisson", "keelblock", "gate", "sluice", "culvert", "crane", "shore", "capstan", "bollard",
         "fender", "sill", "valve", "impeller", "hull", "cradle", "winch", "stage"]
VERBS = ["flood", "drain", "prime", "seal", "survey", "shore", "lift", "settle", "pump", "vent", "tally", "weld",
         "caulk", "paint"]
w = r496.w


def names(rnd: random.Random, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        s = f"{rnd.choice(PARTS)}_{rnd.choice(VERBS)}"
        if s in out:
            s = f"{s}_{len(out)}"
        out.append(s)
    return out


# ------------------------------------------------------------------ Perl

PERL_PK = ["Drydock::Pump::Bilge", "Drydock::Pump::Main", "Drydock::Caisson::Gate", "Drydock::Caisson::Sill",
           "Drydock::Shipwright", "Drydock::KeelBlock", "Drydock::Crane::Travelling"]


def perl_prog(rnd: random.Random, n: int, npk: int, fault: str) -> str:
    fs = names(rnd, n)
    out = ["#!/usr/bin/perl", "use strict;", "use warnings;", "use Scalar::Util qw(looks_like_number);",
           "use List::Util qw(reduce first);"]
    if fault == "module":
        out.append("use Drydock::Tide::Tables qw(high_water);")
    out.append("")
    per = max(1, n // npk)
    for k, f in enumerate(fs):
        if k % per == 0:
            pk = PERL_PK[(k // per) % len(PERL_PK)]
            out += [f"package {pk} {{", f"    our $VERSION = '0.{k // per + 1}';"]
        a, b = rnd.randint(2, 12), rnd.randint(40, 900)
        body = [f"    sub {f} {{", "        my ($self, %opt) = @_;", f"        my $depth = $opt{{depth}} // {a};",
                f"        my $flow = reduce {{ $a + $b * {a} }} 0, @{{ $opt{{rates}} || [] }};",
                f"        unless (looks_like_number($flow) && $flow < {b}) {{",
                f"            die \"{f}: flow $flow at depth $depth\\n\";", "        }",
                "        my @wet = grep { $_ > $depth } @{ $opt{levels} || [] };",
                "        return { flow => $flow, wet => scalar @wet, first => first { $_ } @wet };", "    }"]
        if fault == "bareword" and k % 6 == 2:
            body[2] = f"        my $depth = $opt{{depth}} // SILL_DEPTH_{k};"
        if fault == "brace" and k == n - 2:
            body[6] = ""
        out += body
        if k % per == per - 1 or k == n - 1:
            out += ["}", ""]
    out += ["package main;", f"my $r = Drydock::Pump::Bilge::{fs[0]}(undef, rates => [4, 7, 9], levels => [1, 5, 8]);",
            "print join(',', map { \"$_=\" . ($r->{$_} // '') } sort keys %$r), \"\\n\";", ""]
    return "\n".join(out)


def step_perl(tmp: Path) -> None:
    rnd = random.Random(SEED)
    d = tmp / "perl"
    for tag, n, npk, fault in [("tiny", 3, 1, ""), ("mid", 45, 5, ""), ("huge", 200, 7, ""),
                               ("module", 14, 3, "module"), ("bareword", 36, 4, "bareword"), ("brace", 20, 3, "brace")]:
        w(d, f"dock_{tag}.pl", perl_prog(rnd, n, npk, fault))
    S.cap("perl-deparse-tiny", "perl -MO=Deparse dock_tiny.pl", d, n_perl_deparse)
    S.cap("perl-deparse-huge", "perl -MO=Deparse dock_huge.pl", d, n_perl_deparse)
    S.cap("perl-deparse-bareword", "perl -MO=Deparse dock_bareword.pl", d, n_perl_deparse)
    S.cap("perl-deparse-brace", "perl -MO=Deparse dock_brace.pl; perl -MO=Deparse,-l dock_tiny.pl", d, n_perl_deparse)
    S.cap("perl-xref-mid", "perl -MO=Xref dock_mid.pl", d, n_perl_xref)
    S.cap("perl-xref-module", "perl -MO=Xref dock_module.pl", d, n_perl_xref)
    S.cap("perl-xref-huge", "perl -MO=Xref dock_huge.pl 2>&1 | head -n 3000", d, n_perl_xref)


# ------------------------------------------------------------------ Ruby

def ruby_prog(rnd: random.Random, n: int, depth: int, fault: str) -> str:
    fs = names(rnd, n)
    mods = ["Drydock", "Caisson", "Gate", "Seal"][:depth]
    out = ["# frozen_string_literal: true", "require 'set'"]
    for i, m in enumerate(mods):
        out.append("  " * i + f"module {m}")
    ind = "  " * len(mods)
    out += [f"{ind}Reading = Struct.new(:tide, :head, keyword_init: true)",
            f"{ind}class Pump", f"{ind}  include Comparable", f"{ind}  attr_accessor :rate, :readings",
            f"{ind}  def initialize(rate) = (@rate, @readings = rate, [])",
            f"{ind}  def <=>(other) = rate <=> other.rate"]
    for k, f in enumerate(fs):
        a, b = rnd.randint(2, 11), rnd.randint(50, 800)
        if k % 3 == 0:
            body = [f"{ind}  def {f}(*levels, tide: {a})",
                    f"{ind}    levels.each_slice(2).with_object(Set.new) do |(lo, hi), seen|",
                    f"{ind}      seen << (hi.to_i - lo.to_i) * tide if lo",
                    f"{ind}    end.to_a.sort.take({b % 9 + 1})", f"{ind}  end"]
        elif k % 3 == 1:
            body = [f"{ind}  def {f}(head)", f"{ind}    case head",
                    f"{ind}    in Integer => h if h > {b} then raise RangeError, \"{f}: #{{h}}\"",
                    f"{ind}    in Integer | Float => h then readings << Reading.new(tide: {a}, head: h)",
                    f"{ind}    else nil", f"{ind}    end", f"{ind}  end"]
        else:
            body = [f"{ind}  def self.{f}(pumps) = pumps.max_by(&:rate)&.rate.to_i * {a}"]
        if fault == "extra" and k == n // 2:
            body.insert(1, f"{ind}    end")
        out += body
    out.append(f"{ind}end")
    for i in reversed(range(len(mods))):
        out.append("  " * i + "end")
    out += ["", f"p {'::'.join(mods)}::Pump.new(12).{fs[0]}(1, 4, 2, 9)", ""]
    return "\n".join(out)


def step_ruby(tmp: Path) -> None:
    rnd = random.Random(SEED + 1)
    d = tmp / "ruby"
    for tag, n, depth, fault in [("tiny", 2, 1, ""), ("deep", 9, 4, ""), ("wide", 40, 2, ""), ("extra", 12, 3, "extra")]:
        w(d, f"dock_{tag}.rb", ruby_prog(rnd, n, depth, fault))
    for tag in ("tiny", "deep", "wide"):
        S.cap(f"ruby-insns-{tag}", f"ruby --dump=insns dock_{tag}.rb", d, n_ruby_insns)
    S.cap("ruby-insns-extra", "ruby --dump=insns dock_extra.rb; echo EXIT=$?; ruby --dump=insns dock_tiny.rb", d,
          n_ruby_insns)


# ------------------------------------------------------------------ Erlang

def erl_prog(rnd: random.Random, n: int, fault: str, mod: str) -> str:
    fs = names(rnd, n)
    exp = [f"{f}/{1 + k % 2}" for k, f in enumerate(fs)]
    if fault == "bad":
        exp.append("flood_basin/3")
    out = [f"-module({mod}).", "-export([" + ", ".join(exp) + "]).",
           "-record(caisson, {name, head = 0, sealed = false}).", ""]
    for k, f in enumerate(fs):
        a, b = rnd.randint(2, 9), rnd.randint(40, 900)
        if k % 2 == 0:
            body = [f"{f}(#caisson{{sealed = true, head = H}} = C) when H > {b} ->",
                    f"    {{drain, C#caisson{{head = H - {a}}}}};",
                    f"{f}(#caisson{{sealed = false}} = C) ->", "    {seal, C#caisson{sealed = true}};",
                    f"{f}(Other) ->", f"    erlang:error({{bad_caisson, Other, {k}}}).", ""]
        else:
            body = [f"{f}(Pumps, Tide) ->",
                    f"    Rates = [R * {a} || {{pump, _, R}} <- Pumps, R > Tide],",
                    "    lists:foldl(fun(R, {N, Sum}) -> {N + 1, Sum + R} end, {0, 0}, Rates).", ""]
        if fault == "bad" and k == 3:
            body[-2] = body[-2].replace("lists:foldl", "shipwright_tally(Rates) + lists:foldl")
        if fault == "bad" and k == 4:
            body[2] = f"{f.replace('_', 'x_', 1)}(#caisson{{sealed = false}} = C) ->"
        out += body
    return "\n".join(out)


def step_erlang(tmp: Path) -> None:
    rnd = random.Random(SEED + 2)
    d = tmp / "erlang"
    for mod, n, fault in [("dock_tiny", 2, ""), ("dock_mid", 16, ""), ("dock_huge", 60, ""), ("dock_bad", 10, "bad")]:
        w(d, f"{mod}.erl", erl_prog(rnd, n, fault, mod))
    for mod in ("dock_tiny", "dock_mid", "dock_huge"):
        S.cap(f"erlc-S-{mod.split('_')[1]}", f"erlc -S {mod}.erl && cat {mod}.S", d, n_erlc_asm)
    S.cap("erlc-S-bad", "erlc -S dock_bad.erl; ls *.S; cat dock_tiny.S", d, n_erlc_asm)


# ------------------------------------------------------------------ SBCL

def lisp_prog(rnd: random.Random, n: int, fault: str) -> tuple[str, list[str]]:
    fs = [f.replace("_", "-") for f in names(rnd, n)]
    out = ["(defpackage :drydock (:use :cl))", "(in-package :drydock)",
           "(defstruct caisson (head 0 :type fixnum) (sealed nil :type boolean))", ""]
    for k, f in enumerate(fs):
        a, b = rnd.randint(2, 9), rnd.randint(50, 900)
        if k % 2 == 0:
            body = f"""(defun {f} (levels)
  (labels ((wet (l) (> l {a}))
           (tally (ls acc) (if ls (tally (cdr ls) (if (wet (car ls)) (1+ acc) acc)) acc)))
    (tally levels 0)))
"""
        else:
            body = f"""(defun {f} (c rate)
  (declare (type caisson c) (type fixnum rate))
  (flet ((drain (h) (max 0 (- h (* rate {a})))))
    (when (> (caisson-head c) {b})
      (setf (caisson-head c) (drain (caisson-head c))))
    c))
"""
        if fault == "bad" and k == 1:
            body = body.replace("(drain (caisson-head c))", "(drain (caisson-head c) rate)")
        if fault == "bad" and k == 2:
            body = body.replace("(tally levels 0)", "(tally levels (shipwright-count levels))")
        out.append(body)
    return "\n".join(out), fs


def step_sbcl(tmp: Path) -> None:
    rnd = random.Random(SEED + 3)
    d = tmp / "sbcl"
    for tag, n, fault, shown in [("tiny", 2, "", 2), ("mid", 20, "", 20), ("huge", 60, "", 34), ("bad", 6, "bad", 4)]:
        src, fs = lisp_prog(rnd, n, fault)
        w(d, f"dock_{tag}.lisp", src)
        calls = " ".join(f"'drydock::{f.upper()}" for f in fs[:shown])
        w(d, f"run_{tag}.lisp", f'(load (compile-file "dock_{tag}.lisp"))\n(dolist (f (list {calls})) (disassemble f))\n'
          + (f'(print (drydock::{fs[2]} (list 1 20 30)))\n' if fault else ""))
        S.cap(f"sbcl-disassemble-{tag}", f"sbcl --script run_{tag}.lisp", d, n_sbcl_disassemble,
              typed=f"sbcl --non-interactive --load run_{tag}.lisp")


# ------------------------------------------------------------------ PHP

def php_prog(rnd: random.Random, n: int, fault: str) -> str:
    fs = [f.title().replace("_", "") for f in names(rnd, n)]
    fs = [f[0].lower() + f[1:] for f in fs]
    out = ["<?php", "declare(strict_types=1);", "namespace Drydock;",
           "enum Tide: string { case High = 'high'; case Low = 'low'; case Slack = 'slack';",
           "    public function label(): string { return ucfirst($this->value); } }",
           "trait Logs { protected array $log = [];",
           "    public function note(string $m): void { $this->log[] = $m; } }",
           "interface Floodable { const MAX_HEAD = 14; public function flood(Tide $t): int; }",
           "final class Caisson implements Floodable {", "    use Logs;",
           "    public function __construct(public readonly string $name, private int $head = 0) {}",
           "    public function flood(Tide $t): int { $this->note($t->label()); return $this->head; }"]
    for k, f in enumerate(fs):
        a = rnd.randint(2, 9)
        vis = rnd.choice(["public", "public", "private", "protected"])
        out.append(f"    {vis} function {f}(Tide $t = Tide::Slack, int ...$rates): int "
                   f"{{ return array_sum($rates) * {a} + $this->head; }}")
    out.append("}")
    if fault == "const":
        out += ["$c = new Caisson('north');", "echo $c->flood(Tide::High), PHP_EOL;", "echo Caisson::SILL_DEPTH;"]
    if fault == "type":
        out += ["$c = new Caisson('south', 3);", "$c->" + fs[0] + "(Tide::Low, 4, '5');"]
    return "\n".join(out) + "\n"


def step_php(tmp: Path) -> None:
    rnd = random.Random(SEED + 4)
    d = tmp / "php"
    for tag, n, fault in [("tiny", 2, ""), ("huge", 300, ""), ("const", 5, "const"), ("type", 7, "type")]:
        w(d, f"dock_{tag}.php", php_prog(rnd, n, fault))
    S.cap("php-refl-tiny", "php -r 'require \"dock_tiny.php\"; echo new ReflectionClass(\"Drydock\\\\Caisson\");'", d,
          n_php_reflection)
    S.cap("php-refl-huge", "php -r 'require \"dock_huge.php\"; echo new ReflectionClass(\"Drydock\\\\Caisson\");'", d,
          n_php_reflection)
    S.cap("php-refl-enum-trait", "php -r 'require \"dock_tiny.php\"; echo new ReflectionClass(\"Drydock\\\\Tide\"), "
          "new ReflectionClass(\"Drydock\\\\Logs\"), new ReflectionClass(\"Drydock\\\\Floodable\");'", d, n_php_reflection)
    S.cap("php-refl-const", "php -d error_reporting=-1 -r 'require \"dock_const.php\"; "
          "echo new ReflectionClass(\"Drydock\\\\Caisson\");'; php -r 'require \"dock_tiny.php\"; "
          "echo new ReflectionClass(\"Drydock\\\\Caisson\");'", d, n_php_reflection)
    S.cap("php-refl-type", "php -r 'echo new ReflectionClass(\"ArrayIterator\"); require \"dock_type.php\";'", d,
          n_php_reflection)


# ------------------------------------------------------------------ R

R_DATA = """set.seed({seed})
n <- {n}
docking <- data.frame(
  vessel = sample(c("MV Kittiwake", "Sea Harrow", "Dunlin", "Orca Bay", "Tern II", "Skerry Star"), n, TRUE),
  dock = factor(sample(c("No1", "No2", "No3"), n, TRUE), levels = c("No1", "No2", "No3")),
  arrived = as.POSIXct("2026-11-02 06:00", tz = "UTC") + cumsum(rexp(n, 1 / 36000)),
  draught_m = round(runif(n, 3.2, 9.8), 2),
  pump_hours = c(rgamma(n - 1, 2, 0.4), NA),
  keel_blocks = rbinom(n, 40, 0.6),
  shipwright = sample(c("Morag", "Tamsin", "Ewan", "Ishbel", NA), n, TRUE),
  sealed = sample(c(TRUE, FALSE, NA), n, TRUE, prob = c(0.7, 0.25, 0.05)),
  stringsAsFactors = TRUE)
"""


def step_r(tmp: Path) -> None:
    d = tmp / "r"
    d.mkdir(parents=True, exist_ok=True)
    S.cap("r-sessioninfo-compiler", "Rscript -e 'library(compiler); library(methods); library(datasets); "
          "invisible(loadNamespace(\"tools\")); print(sessionInfo(), locale = FALSE)'", d, n_r_sessioninfo)
    S.cap("r-sessioninfo-missing", "Rscript -e 'library(stats4); suppressWarnings(library(grid)); "
          "library(drydockPumps); sessionInfo()'; Rscript -e 'library(tcltk); sessionInfo()'", d, n_r_sessioninfo)
    S.cap("r-sessioninfo-toLatex", "Rscript -e 'library(utils); library(splines); si <- sessionInfo(); print(si); "
          "print(si$otherPkgs$splines$Version); toLatex(si)'", d, n_r_sessioninfo)
    w(d, "str_tiny.R", R_DATA.format(seed=50815, n=12) + "str(docking)\n")
    w(d, "str_nested.R", R_DATA.format(seed=50816, n=500) +
      "yard <- list(docks = split(docking, docking$dock), fit = glm(sealed ~ draught_m + keel_blocks, "
      "data = docking, family = binomial), tides = list(high = c(6.1, 6.3), low = c(0.4, 0.2), "
      "slack = NULL), crew = table(docking$shipwright, useNA = 'ifany'))\n"
      "str(yard, max.level = 4, vec.len = 2)\nstr(yard$caissons$north)\nstr(yard$docks$No4$vessel)\n")
    w(d, "str_many.R", R_DATA.format(seed=50817, n=5000) +
      "by_vessel <- split(docking, docking$vessel)\nstr(by_vessel)\nstr(lapply(by_vessel, summary))\n"
      "str(as.list(docking[1:40, ]))\nlog(-1)\n")
    S.cap("r-str-tiny", "Rscript str_tiny.R", d, n_r_str)
    S.cap("r-str-nested", "Rscript str_nested.R", d, n_r_str)
    S.cap("r-str-many", "Rscript str_many.R", d, n_r_str)


# ------------------------------------------------------------------ gawk

AWK_PROG = """BEGIN { FS = "\\t"; OFS = " | "; max_head = 14.5 }
/^#/ { comments++; next }
{
  vessel = $1; dock = $2; head = $3 + 0; hours = $4 + 0
  per_dock[dock] += hours
  visits[vessel]++
  if (head > max_head) { flooded[dock]++; last_flood = NR }
  if (hours > longest) { longest = hours; longest_vessel = vessel }
  {extra}
}
END {
  n = asorti(per_dock, docks)
  for (i = 1; i <= n; i++) print docks[i], per_dock[docks[i]], flooded[docks[i]] + 0
  print "longest", longest_vessel, longest
  {end}
}
"""


def step_gawk(tmp: Path) -> None:
    rnd = random.Random(SEED + 5)
    d = tmp / "gawk"
    d.mkdir(parents=True, exist_ok=True)
    vessels = [f"{p} {s}" for p in ("MV", "FV", "RV", "SV") for s in ("Kittiwake", "Harrow", "Dunlin", "Orca", "Tern",
                                                                       "Skerry", "Gannet", "Fulmar", "Puffin", "Shag")]
    rows = ["# vessel\tdock\thead_m\tpump_hours"] + [
        f"{rnd.choice(vessels)}\tNo{rnd.randint(1, 3)}\t{rnd.uniform(8, 16):.2f}\t{rnd.randint(1, 90)}"
        for _ in range(600)]
    (d / "docking.tsv").write_text("\n".join(rows) + "\n")
    w(d, "dock.awk", AWK_PROG.replace("{extra}", "").replace("{end}", ""))
    # many user globals: one per vessel, so the dump runs long
    many = "\n  ".join(f"tally_{k:03d} += ($2 == \"No{1 + k % 3}\") ? {k % 7 + 1} : 0" for k in range(400))
    w(d, "dock_many.awk", AWK_PROG.replace("{extra}", many).replace("{end}", ""))
    w(d, "dock_lint.awk", AWK_PROG.replace("{extra}", "shores = shores + $7; caulk = $1 substr($2, 0); "
                                                      "if (tide == \"high\") highs++")
      .replace("{end}", "print length(never_set), index(vessel, unknown_mark); close(\"no-such-cmd\")"))
    w(d, "dock_fatal.awk", AWK_PROG.replace("{extra}", "").replace("{end}", "longest[1] = 3"))
    S.cap("gawk-dump-plain", "gawk --dump-variables=/dev/stdout -f dock.awk docking.tsv", d, n_gawk_dump)
    S.cap("gawk-dump-many", "gawk --dump-variables=/dev/stdout -f dock_many.awk docking.tsv", d, n_gawk_dump)
    S.cap("gawk-dump-lint", "gawk --lint --dump-variables=/dev/stdout -f dock_lint.awk docking.tsv 2>&1 | head -n 400",
          d, n_gawk_dump)
    S.cap("gawk-dump-fatal", "gawk --dump-variables=/dev/stdout -f dock_fatal.awk docking.tsv; echo EXIT=$?; "
          "gawk --dump-variables=/dev/stdout -f dock.awk docking.tsv", d,
          n_gawk_dump)


# ------------------------------------------------------------------ gfortran

def f90_prog(rnd: random.Random, n: int, nmod: int, fault: str) -> str:
    fs = names(rnd, n)
    mods = ["dock_kinds", "caissons", "pumps", "shipwrights", "keel_blocks"][:max(2, nmod)]
    out = [f"module {mods[0]}", "  implicit none", "  integer, parameter :: dp = kind(1.0d0)",
           "  type :: caisson_t", "    character(len=16) :: name = ''", "    real(dp) :: head = 0.0_dp",
           "    logical :: sealed = .false.", "  end type caisson_t", f"end module {mods[0]}", ""]
    per = max(1, n // (len(mods) - 1))
    for mi, m in enumerate(mods[1:]):
        chunk = fs[mi * per:(mi + 1) * per] if mi < len(mods) - 2 else fs[mi * per:]
        out += [f"module {m}", f"  use {mods[0]}"] + ([f"  use {mods[mi]}"] if mi else []) + \
               ["  implicit none", "contains"]
        for k, f in enumerate(chunk):
            a = rnd.randint(2, 9)
            if k % 2 == 0:
                body = [f"  pure function {f}(c, rates) result(h)", "    type(caisson_t), intent(in) :: c",
                        "    real(dp), intent(in) :: rates(:)", "    real(dp) :: h", f"    h = c%head - sum(rates) * {a}.0_dp",
                        "    if (h < 0.0_dp) h = 0.0_dp", f"  end function {f}", ""]
            else:
                body = [f"  subroutine {f}(cs, tide)", "    type(caisson_t), intent(inout) :: cs(:)",
                        "    real(dp), intent(in) :: tide", "    integer :: i", "    do i = 1, size(cs)",
                        f"      if (cs(i)%head > tide * {a}) cs(i)%sealed = .true.", "    end do",
                        f"  end subroutine {f}", ""]
            if fault == "bad" and k == 1:
                body[5] = "      call shipwright_inspect(cs(i), tide)"
            if fault == "bad" and k == 2:
                body[4] = f"    h = c%head - sum(rates(1, 1)) * {a}.0_dp"
            out += body
        out += [f"end module {m}", ""]
    out += ["program drydock", f"  use {mods[-1]}", "  implicit none", "  type(caisson_t) :: c",
            "  c%head = 9.5_dp", "  print *, c%head", "end program drydock", ""]
    return "\n".join(out)


def step_fortran(tmp: Path) -> None:
    rnd = random.Random(SEED + 6)
    d = tmp / "fortran"
    for tag, n, nmod, fault in [("tiny", 2, 2, ""), ("mid", 18, 4, ""), ("huge", 50, 5, ""), ("bad", 8, 3, "bad")]:
        w(d, f"dock_{tag}.f90", f90_prog(rnd, n, nmod, fault))
    for tag in ("tiny", "mid", "huge"):
        S.cap(f"gfortran-dump-{tag}", f"gfortran -fdump-fortran-original -fsyntax-only dock_{tag}.f90", d, n_gfortran_dump)
    S.cap("gfortran-dump-bad", "gfortran -Wall -Wextra -fdump-fortran-original -fsyntax-only dock_bad.f90", d,
          n_gfortran_dump)


# ------------------------------------------------------------------ SWI-Prolog

def pl_prog(rnd: random.Random, n: int, fault: str) -> str:
    crew = ["morag", "tamsin", "ewan", "ishbel", "calum", "ruaridh"]
    out = [":- dynamic berth/2.", ":- dynamic pump_log/3.", "",
           "berth(kittiwake, no1).", "berth(harrow, no2).", ""]
    for k in range(n):
        out.append(f"pump_log({rnd.choice(['no1', 'no2', 'no3'])}, {k}, {rnd.randint(1, 90)}).")
        if k % 40 == 39:
            out.append("")
    out += ["", "shipwright(S, Vessel) :- member(S-Vessel, [" +
            ", ".join(f"{rnd.choice(crew)}-{v}" for v in ("kittiwake", "harrow", "dunlin", "orca")) + "]).", "",
            "dock_hours(Dock, Hours) :- aggregate_all(sum(H), pump_log(Dock, _, H), Hours).", "",
            "flooded(Dock) :-", "    dock_hours(Dock, H),", "    H > 2000,", "    \\+ berth(_, Dock).", "",
            "crew_for(Dock, Crew) :-", "    findall(S, (berth(V, Dock), shipwright(S, V)), Crew0),",
            "    sort(Crew0, Crew).", ""]
    if fault == "bad":
        out += ["caisson_sealed(Dock) :- berth(_, Dock), dock_hours(Dock, H) H < 10.", "",
                "berth(dunlin, no3).", "",
                "keel_check(V) :- berth(V, D), pump_log(D, T, _), T > Tide.", ""]
    return "\n".join(out)


def step_prolog(tmp: Path) -> None:
    rnd = random.Random(SEED + 7)
    d = tmp / "prolog"
    for tag, n, fault in [("tiny", 3, ""), ("huge", 2400, ""), ("bad", 20, "bad")]:
        w(d, f"dock_{tag}.pl", pl_prog(rnd, n, fault))
    preds = "listing(shipwright/2), listing(dock_hours/2), listing(flooded/1), listing(crew_for/2), listing(berth/2)"
    S.cap("swipl-listing-tiny", f"swipl -q -g 'consult(dock_tiny), listing(pump_log/3), {preds}' -t halt", d,
          n_swipl_listing)
    S.cap("swipl-listing-huge", f"swipl -q -g 'consult(dock_huge), {preds}, listing(pump_log/3)' -t halt", d,
          n_swipl_listing)
    S.cap("swipl-listing-bad", f"swipl -q -g 'consult(dock_bad), {preds}, listing(keel_check/1), keel_check(dunlin)' "
          "-t halt", d, n_swipl_listing)


STEPS = [step_perl, step_ruby, step_erlang, step_sbcl, step_php, step_r, step_gawk, step_fortran, step_prolog]

if __name__ == "__main__":
    cm.capture_round(__doc__, r496.ensure_tools, lambda: STEPS, "wide508-", OUT, TMP)
