"""Round 42, scripting and functional languages: an apiary's hive-monitoring tools, each written here with bugs put in
and widened by a seeded generator: Perl (Devel::Cover's table, `perl -c`, Carp's confess), Elixir (a crash, `mix
format --check-formatted`), an Erlang escript crash, Guile (an SRFI-64 suite, `guild compile` warnings), Lua under
LuaUnit, shell under shunit2, Forth under gforth and Prolog under GNU Prolog. Every kind's rule is NEEDLES.md's
"Round 42" section. Run through capture_wide42.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, mask, run, write_tree
from capture_wide9b import Part, chain
from capture_wide42 import cap
from capture_wide42_native import compiler, ext


# ------------------------------------------------------------------ extractors of the round's script kinds

def _shunit2(lines):
    out = []
    for i, ln in enumerate(lines):
        if "ASSERT:" in ln:
            out.append(ln)
            name = next((lines[k] for k in range(i - 1, -1, -1) if re.match(r"^test\w*$", lines[k].strip())), None)
            out.append(name)
        elif re.search(r"shunit2:(ERROR|FATAL)|^Ran \d+ tests?\.|^FAILED \(|^OK$", ln):
            out.append(ln)
    return out


N_SHUNIT2 = ext("shunit2", "test", "Rule 2: every ASSERT: line with the test name line before it, every "
                "shunit2:ERROR line, the 'Ran N tests.' and 'FAILED (failures=N)' lines.", _shunit2)


def _luaunit(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\d+\) \S+", ln) or re.search(r" \.\.\. (FAIL|ERROR)\s*$", ln):
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
        elif re.match(r"^Ran \d+ tests", ln):
            out.append(ln)
    return out


N_LUAUNIT = ext("luaunit", "test", "Rule 2: every failing / erroring test's id (the 'N) Class.test' entry, the "
                "'… FAIL' / '… ERROR' line), the message line after it, and the 'Ran N tests …' line.", _luaunit)


def _srfi64(lines):
    return [ln for ln in lines if re.search(r"\b(FAIL|XPASS)\b|^# of ", ln)]


N_SRFI64 = ext("guile-srfi64", "test", "Rule 2: every FAIL (and XPASS) line and the '# of …' count lines.", _srfi64)

N_GUILD = ext("guild-compile", "build", "Rule 1: every error line; warning: lines one {any} per (message shape, "
              "file).", compiler(r": error: |^ERROR: |^error: ", r": warning: ", r"^$never",
                                 file_re=r"^\s*(<unknown-location>|[^\s:]+\.scm):"))


def _cover(lines):
    rows = [ln for ln in lines if re.match(r"^(File|Total|\S+\.(pm|pl|t))\s", ln) and not ln.startswith("---")]
    out = [ln for ln in rows if ln.startswith(("File", "Total"))]
    body = [ln for ln in rows if not ln.startswith(("File", "Total"))]
    if body:
        ncol = len(body[0].split()) - 1
        for j in range(1, ncol + 1):
            vals = []
            for ln in body:
                c = ln.split()
                try:
                    vals.append((float(c[j]), ln))
                except (ValueError, IndexError):
                    pass
            if vals:
                out.append(min(vals)[1])
    return out


N_COVER = ext("perl-devel-cover", "test", "Rule 4 as round 31's coverage tables: the header row, the Total row and "
              "the row holding each percentage column's minimum.", _cover)


def _perl_c(lines):
    out, pairs = [], []
    for ln in lines:
        if re.search(r"syntax error|Global symbol|had compilation errors|Execution of .* aborted|"
                     r"Can't locate|Missing right curly|Bareword not allowed", ln):
            out.append(ln)
        elif re.search(r" at \S+ line \d+", ln):
            pairs.append((mask(re.sub(r" at \S+ line \d+.*", "", ln)), ln))
    return out + groups(pairs)


N_PERL_C = ext("perl-c", "lint", "Rule 1: every syntax error / Global symbol / had compilation errors line; warnings "
               "one {any} per message shape.", _perl_c)


def _confess(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.search(r" at \S+ line \d+\.$", ln) and not ln.startswith((" ", "\t")):
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 4)) if "called at" in lines[k]), None)
            out.append(nxt)
    return out


N_CONFESS = ext("perl-confess", "log", "Rule 1: the die message line ('… at file line N.') and the first 'called at' "
                "frame under it.", _confess)


def _first_under(lines, i, pat, ahead=6):
    for k in range(i + 1, min(len(lines), i + 1 + ahead)):
        if re.match(pat, lines[k]):
            return lines[k]
    return None


def _elixir(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*\*\* \(\w[\w.]*\)", ln):
            out += [ln, _first_under(lines, i, r"^\s+(\([\w ._-]+\) )?\S+:\d+: ")]
    return out


N_ELIXIR = ext("elixir-error", "log", "Rule 1: the '** (Error) message' line and the first stack frame line under it "
               "('(app) file:N: Mod.fun/arity' or 'file:N: Mod.fun/arity').", _elixir)


def _escript(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^escript: exception \w+", ln):
            out += [ln, _first_under(lines, i, r"^\s+in ")]
    return out


N_ESCRIPT = ext("escript-error", "log", "Rule 1: the 'escript: exception error: …' line and the first 'in …' frame line "
                "under it.", _escript)


def _mix_format(lines):
    return [ln for ln in lines if re.match(r"^\*\* \(Mix\)|^\s+\* \S+\.exs?$", ln)]


N_MIX_FORMAT = ext("mix-format-check", "lint", "Rule 5: the '** (Mix) … --check-formatted' verdict line and every "
                   "file line it names as not formatted.", _mix_format)


def _gforth(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\S+\.fs:\d+: ", ln):
            out.append(ln)
            out.append(_first_under(lines, i, r".*>>>.*<<<", 2))
        elif ln.startswith("Backtrace:") and i + 1 < len(lines):
            out.append(lines[i + 1])
    return out


N_GFORTH = ext("gforth-error", "log", "Rule 1: the 'file.fs:N: error' line, the '>>>word<<<' line under it, and the "
               "first Backtrace: row.", _gforth)


def _gprolog(lines):
    out, pairs = [], []
    for ln in lines:
        if re.search(r"syntax error|uncaught exception|error\(s\)|compilation failed", ln):
            out.append(ln)
        elif ": warning: " in ln:
            m = re.match(r"^(\S+?):\d", ln)
            pairs.append(((mask(re.sub(r"\S+/\d+", "P/N", ln.split(": warning: ", 1)[1])), m.group(1) if m else ""),
                          ln))
    return out + groups(pairs)


N_GPROLOG = ext("gprolog-consult", "build", "Rule 1: every error line (syntax error, uncaught exception, the error "
                "count and 'compilation failed'); warnings one {any} per (message shape, file).", _gprolog)


# ------------------------------------------------------------------ Perl

def perl_modules(n: int, seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for i in range(n):
        subs = []
        for k in range(rnd.randint(3, 7)):
            th = rnd.randint(10, 90)
            subs.append(f"sub check_{k} {{\n    my ($v, $strict) = @_;\n    return 'low' if $v < {th};\n"
                        f"    if ($strict && $v > {th * 2}) {{ return 'high' }}\n    return $v > {th + 5} || $strict ? 'ok' : 'edge';\n}}\n")
        files[f"lib/Hive/Sensor{i:02d}.pm"] = (f"package Hive::Sensor{i:02d};\nuse strict;\nuse warnings;\n\n"
                                              + "\n".join(subs) + "\n1;\n")
    calls = []
    for i in range(n):
        calls.append(f"use Hive::Sensor{i:02d};")
    for i in range(n):
        for _ in range(rnd.randint(0, 4)):
            calls.append(f"Hive::Sensor{i:02d}::check_0({rnd.randint(0, 120)}, {rnd.randint(0, 1)});")
    files["t/all.t"] = "use strict;\nuse warnings;\nuse lib 'lib';\n" + "\n".join(calls) + "\nprint \"done\\n\";\n"
    return files


PERL_C = """use strict;
use warnings;

my %hives = map { ("hive$_" => $_ * 3) } 1 .. 12;
my $total = 0;
foreach my $r (@readings) { $total += $r }
print "avg: ", $totl / scalar(keys %hives), "\\n";
my @sorted = sort { $hives{$a} <=> $hives{$b} } keys %hives;
print "lightest: $sorted[0]\\n"
print "heaviest: $sorted[-1]\\n";
if ($hives{hive1} == 3 { print "one\\n" }
"""

CONFESS = """use strict;
use warnings;
use Carp qw(confess);

sub parse_weight {
    my ($hive, $s) = @_;
    confess "bad weight '$s' for $hive" unless $s =~ /^\\d+(\\.\\d+)?$/;
    return $s + 0;
}

sub load_day {
    my ($day, @rows) = @_;
    my %w;
    for my $row (@rows) {
        my ($hive, $kg) = split /,/, $row;
        $w{$hive} = parse_weight($hive, $kg);
    }
    return \\%w;
}

my @days = map { sprintf("2026-06-%02d", $_) } 1 .. 30, map { sprintf('2026-07-%02d', $_) } 1 .. 31, map { sprintf('2026-08-%02d', $_) } 1 .. 20;
for my $d (@days) {
    my @rows = map { "hive$_," . (30 + ($_ * 7 + length($d)) % 13) . ".5" } 1 .. 9;
    push @rows, "hive10,3O.2" if $d eq '2026-08-17';
    my $w = load_day($d, @rows);
    printf "%s %s\\n", $d, join(" ", map { "$_=$w->{$_}" } sort keys %$w);
}
"""


def perl_warnings(n: int, seed: int) -> str:
    """A block of hive checks whose lines draw compile-time warnings, put before PERL_C's errors."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        k = i % 4
        if k == 0:
            out.append(f"my @w{i} = ({rnd.randint(1, 9)}, {rnd.randint(1, 9)}); my $first{i} = @w{i}[0];")
        elif k == 1:
            out.append(f"my $v{i} = {rnd.randint(1, 9)}; if ($v{i} = {rnd.randint(1, 9)}) {{ $v{i}++ }}")
        elif k == 2:
            out.append(f"\"hive{i}\";")
        else:
            out.append(f"my %h{i} = (a => 1); my @s{i} = @h{i}{{a}};")
    return "\n".join(out) + "\n"


def perl(tmp: Path) -> None:
    root = tmp / "hivemon-perl"
    write_tree(root, {**perl_modules(90, 4211), "bin/weights.pl": PERL_C.replace("my $total = 0;\n", "my $total = 0;\n" + perl_warnings(60, 4220)), "bin/load.pl": CONFESS})
    run("perl -MDevel::Cover=-silent,1 t/all.t", cwd=root, timeout=300)
    cap("cover-summary", "cover", root, N_COVER)
    cap("cover-report-text-head-120", "cover -report text | head -n 120", root, N_COVER)
    cap("perl-wc-weights", "perl -wc bin/weights.pl", root, N_PERL_C)
    cap("perl-load-confess-echo-exit", "perl bin/load.pl; echo EXIT=$?", root, N_CONFESS)
    chain("perl-wc-then-load-tail", "chain-syntax-check-then-run", "lint",
          [Part("perl -wc bin/weights.pl", N_PERL_C), Part("perl bin/load.pl 2>&1 | tail -n 12", N_CONFESS, ";")], root)


# ------------------------------------------------------------------ Elixir and Erlang

ELIXIR_CRASH = """defmodule Hive.Scale do
  def avg(xs), do: Enum.sum(xs) / length(xs)

  def report(frames) do
    Enum.each(frames, fn {name, xs} ->
      IO.puts(String.pad_trailing(name, 10) <> " " <> :erlang.float_to_binary(avg(xs), decimals: 2))
    end)
  end
end

frames =
  for i <- 1..400 do
    xs = if i == 377, do: [], else: Enum.map(1..(rem(i * 7, 11) + 2), fn k -> rem(k * 13 + i, 40) + 20 end)
    {"hive-#{i}", xs}
  end

Hive.Scale.report(frames)
"""


def elixir_sources(n: int, seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for i in range(n):
        good = i % 3 != 1
        if good:
            body = (f"defmodule Hive.Probe{i} do\n  @moduledoc false\n\n  def read(port) do\n"
                    f"    port |> Integer.parse() |> elem(0) |> Kernel.*({rnd.randint(2, 9)})\n  end\nend\n")
        else:
            body = (f"defmodule Hive.Probe{i} do\n  @moduledoc false\n  def read( port ) do\n"
                    f"      port|>Integer.parse()|>elem(0)|>Kernel.*({rnd.randint(2, 9)})\n  end\nend\n")
        files[f"lib/hive/probe{i}.ex"] = body
    return files


ESCRIPT = """#!/usr/bin/env escript
main(_) ->
    Rows = [{list_to_atom("hive" ++ integer_to_list(N)), 10 + N * 3, N rem 350} || N <- lists:seq(1, 400)],
    lists:foreach(fun({Name, Total, Count}) ->
                          io:format("~-8s ~6.2f~n", [Name, Total / 1 + Total div Count])
                  end, Rows).
"""


def elixir(tmp: Path) -> None:
    root = tmp / "hivemon-ex"
    run("mix new hive_scale", cwd=tmp, timeout=300)
    proj = tmp / "hive_scale"
    write_tree(proj, elixir_sources(160, 4212))
    write_tree(root, {"scale.exs": ELIXIR_CRASH, "tally.escript": ESCRIPT})
    cap("elixir-scale-exs", "elixir scale.exs", root, N_ELIXIR)
    cap("elixir-scale-tail-20-echo-exit", "elixir scale.exs 2>&1 | tail -n 20; echo EXIT=$?", root, N_ELIXIR)
    cap("mix-format-check-formatted", "mix format --check-formatted", proj, N_MIX_FORMAT)
    cap("escript-tally-echo-exit", "escript tally.escript; echo EXIT=$?", root, N_ESCRIPT)


# ------------------------------------------------------------------ Guile

def guile_suite(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["(use-modules (srfi srfi-64))",
           "(define (avg xs) (/ (apply + xs) (length xs)))",
           "(define (swarm-risk w d) (if (> (- w d) 2) 'high 'low))", "(test-begin \"hive-stats\")"]
    for i in range(n):
        xs = [rnd.randint(1, 40) for _ in range(rnd.randint(2, 6))]
        lst = " ".join(map(str, xs))
        if i % 9 == 4:
            out.append(f"(test-equal \"avg-inexact-{i}\" {sum(xs) / len(xs) + 0.5} (avg '({lst})))")
        elif i % 13 == 7:
            out.append(f"(test-eq \"risk-{i}\" 'high (swarm-risk {xs[0]} {xs[0] - 2}))")
        else:
            out.append(f"(test-equal \"avg-{i}\" (/ {sum(xs)} {len(xs)}) (avg '({lst})))")
    out.append("(test-end \"hive-stats\")")
    return "\n".join(out) + "\n"


def guile_lib(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["(define-module (hive report) #:export (report))", "(use-modules (ice-9 format))"]
    for i in range(n):
        k = i % 8
        if k == 1:
            out.append(f"(define (weight-{i} h) (* (hive-mass h) {rnd.randint(2, 9)}))")
        elif k == 3:
            out.append(f"(define (line-{i} h) (format #f \"~a ~a ~a~%\" h {i}))")
        elif k == 5:
            out.append(f"(define (pair-{i} a b) (cons a b))\n(define (use-{i}) (pair-{i} 1))")
        else:
            out.append(f"(define (seg-{i} x) (+ (* x {rnd.randint(2, 9)}) {rnd.randint(1, 99)}))")
    out.append("(define (report) (display (seg-0 1)))")
    return "\n".join(out) + "\n"


def guile(tmp: Path) -> None:
    root = tmp / "hivemon-scm"
    write_tree(root, {"tests/stats.scm": guile_suite(900, 4213), "hive/report.scm": guile_lib(400, 4214)})
    cap("guile-srfi64-stats", "guile --no-auto-compile tests/stats.scm; echo EXIT=$?", root, N_SRFI64)
    cap("guile-srfi64-grep-fail", "guile --no-auto-compile tests/stats.scm | grep -E 'FAIL|^# of'", root, N_SRFI64)
    cap("guild-compile-w-report", "guild compile -Wunbound-variable -Warity-mismatch -Wformat hive/report.scm "
        "-o report.go", root, N_GUILD)


# ------------------------------------------------------------------ Lua

def lua_suite(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["local lu = require('luaunit')",
           "local function avg(t) local s = 0 for _, v in ipairs(t) do s = s + v end return s / #t end",
           "local function clamp(v, lo, hi) if v < lo then return lo elseif v > hi then return lo end return v end",
           "TestHive = {}"]
    for i in range(n):
        xs = [rnd.randint(1, 60) for _ in range(rnd.randint(2, 6))]
        t = "{" + ", ".join(map(str, xs)) + "}"
        k = i % 10
        if k == 3:
            out.append(f"function TestHive:test_clamp_{i}() lu.assertEquals(clamp({xs[0] + 100}, 0, 100), 100) end")
        elif k == 7:
            out.append(f"function TestHive:test_frame_{i}() local f = nil; lu.assertEquals(f.weight, {xs[0]}) end")
        elif k == 5:
            out.append(f"function TestHive:test_near_{i}() lu.assertAlmostEquals(avg({t}), "
                       f"{round(sum(xs) / len(xs)) + 0.3}, 0.01) end")
        else:
            out.append(f"function TestHive:test_avg_{i}() lu.assertEquals(avg({t}), {sum(xs) / len(xs)!r}) end")
    out.append("os.exit(lu.LuaUnit.run())")
    return "\n".join(out) + "\n"


def lua(tmp: Path) -> None:
    root = tmp / "hivemon-lua"
    write_tree(root, {"test_hive.lua": lua_suite(120, 4215)})
    cap("luaunit-hive", "lua5.4 test_hive.lua; echo EXIT=$?", root, N_LUAUNIT)
    cap("luaunit-hive-v-grep", "lua5.4 test_hive.lua -v | grep -v ' Ok$'", root, N_LUAUNIT)


# ------------------------------------------------------------------ shell

def shunit_suite(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = ["#!/bin/bash", "clamp() { local v=$1; [ \"$v\" -gt 100 ] && v=100; [ \"$v\" -lt 0 ] && v=1; echo $v; }",
           "frames() { printf '%s\\n' \"$@\" | grep -c '^F'; }"]
    for i in range(n):
        v = rnd.randint(-40, 160)
        want = min(100, max(0, v))
        if i % 6 == 4:
            out.append(f"test_frames_{i}() {{ assertEquals 'frames {i}' 2 \"$(frames F1 X F3 F{i})\"; }}")
        else:
            out.append(f"test_clamp_{i}() {{ assertEquals 'clamp {v}' {want} \"$(clamp {v})\"; }}")
    out.append(". shunit2")
    return "\n".join(out) + "\n"


def shell(tmp: Path) -> None:
    root = tmp / "hivemon-sh"
    write_tree(root, {"tests/test_clamp.sh": shunit_suite(110, 4216)})
    cap("shunit2-clamp", "bash tests/test_clamp.sh", root, N_SHUNIT2)
    cap("shunit2-clamp-tail-40", "bash tests/test_clamp.sh 2>&1 | tail -n 40", root, N_SHUNIT2)


# ------------------------------------------------------------------ Forth and Prolog

def forth_source(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = [": sq dup * ;", ": row ( n -- ) dup 4 .r  dup sq 8 .r  dup sq * 12 .r cr ;",
           f": table {n} 0 do i row loop ;", "table",
           ": avg ( a b -- n ) + 2 / ;", ": frames ( -- ) " + " ".join(str(rnd.randint(1, 99)) for _ in range(3))
           + " avg . avg . cr ;", "frames"]
    return "\n".join(out) + "\n"


def prolog_source(n: int, seed: int, broken: bool) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        out.append(f"hive(h{i}, {rnd.randint(20, 60)}).")
    for i in range(n // 4):
        if i % 5 == 2:
            out.append(f"heavy_{i}(H, W) :- hive(H, W0), W0 > {rnd.randint(30, 50)}.")
        elif i % 5 == 4:
            out.append(f"weight(h{i}, {rnd.randint(20, 60)}).")
        else:
            out.append(f"heavy_{i}(H, W) :- hive(H, W), W > {rnd.randint(30, 50)}.")
        if i % 7 == 3:
            out.append(f"hive(h{n + i}, {rnd.randint(20, 60)}).")
    if broken:
        out.append("bad(X) :- X is 3 +.")
    out.append("main :- findall(H, heavy_0(H, _), Hs), length(Hs, N), write(N), nl, total(Hs, T), write(T), nl.")
    return "\n".join(out) + "\n"


def forth_prolog(tmp: Path) -> None:
    root = tmp / "hivemon-misc"
    write_tree(root, {"hiveframes.fs": forth_source(400, 4217), "hives.pl": prolog_source(400, 4218, True),
                      "heavy.pl": prolog_source(160, 4219, False)})
    cap("gforth-hiveframes-echo-exit", "gforth hiveframes.fs -e bye; echo EXIT=$?", root, N_GFORTH)
    cap("gprolog-consult-hives", "gprolog --consult-file hives.pl --query-goal main < /dev/null", root, N_GPROLOG)
    cap("gprolog-heavy-main-echo-exit", "gprolog --consult-file heavy.pl --query-goal main < /dev/null; "
        "echo EXIT=$?", root, N_GPROLOG)


STEPS = [perl, elixir, guile, lua, shell, forth_prolog]
