"""Round 311's second sample of round 303's kinds (Perl, PHP, Ruby, Lua, Erlang, Hy, Fortran toolchains) on new
material: a cobbler's repair ledger (Perl), a glassworks order system (PHP), a kite club's gem (Ruby), a smokehouse
timer (Lua), a distillery's cask store (Erlang), tea blending programs (Hy), a quarry blast-vibration model (Fortran).
Seeded generators, faults other than round 303's. Every extractor is imported from capture_wide303, none is written
here (NEEDLES.md, "Round 311"). Its steps are run by capture_wide311.py. Nothing captured here was compressed.
"""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide303 import (n_erlang_proper, n_erlang_typer, n_fortran_linter, n_fprettify, n_gem_build,  # noqa: F401
                             n_hy2py, n_hy_error, n_luac_listing, n_luac_syntax, n_perl_b_lint, n_perl_diagnostics,
                             n_perltidy, n_phpcpd, n_phploc, n_rdoc_coverage)

TOOLS = Path("/dev/shm/hm-corpus-wide311-tools")
VENV = TOOLS / "venv"
PLT = TOOLS / "r311.plt"
ERL_BIN = "/usr/lib/erlang/bin"
RUN = "/dev/shm/hm-corpus-wide311/run"
_SIZED = cm.Sized(400, 120_000)

SHOES = ["brogue", "loafer", "oxford", "clog", "boot", "sandal", "derby", "mule", "pump", "wader", "espadrille", "sneaker"]


def cap(item_id, command, cwd, extractor, timeout=300, typed=None):
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout, typed=typed)


# ------------------------------------------------------------------ Perl: a cobbler's repair ledger

def gen_cobbler(rng: random.Random, n_jobs: int, n_subs: int, death: str) -> str:
    kinds = ["nonnum", "useless", "recurse", "splice", "printf_closed", "scalar_slice", "anon_odd", "sprintf_undef",
             "qw_commas", "substr_outside", "negative_repeat", "int_undef"]
    subs, calls = [], []
    for k in range(n_subs):
        what = kinds[k % len(kinds)]
        name = f"{what}_{rng.choice(SHOES)}_{k}"
        body = {
            "nonnum": 'my ($j) = @_; return $j->{heel} + 1;',
            "useless": 'my ($j) = @_; "polish"; return 1;',
            "recurse": 'my ($j, $n) = @_; $n //= 0; return $n if $n > 120; return ' + name + '($j, $n + 1);',
            "splice": 'my ($j) = @_; my @s = (1 .. 3); splice(@s, 9, 0, 4); return scalar @s;',
            "printf_closed": 'my ($j) = @_; open(my $fh, ">", "/dev/null"); close $fh; printf $fh "%s\\n", $j->{id}; return 0;',
            "scalar_slice": 'my ($j) = @_; my @a = (3, 4); my $x = @a[0]; return $x;',
            "anon_odd": 'my ($j) = @_; my $h = { sole => 1, "welt" }; return scalar keys %$h;',
            "sprintf_undef": 'my ($j) = @_; return sprintf("%s-%s", $j->{id}, $j->{lace});',
            "qw_commas": 'my ($j) = @_; my @w = qw(heel, toe, sole); return scalar @w;',
            "substr_outside": 'my ($j) = @_; my $s = substr("awl", 10); return defined $s ? 1 : 0;',
            "negative_repeat": 'my ($j) = @_; my $s = "x" x -1; return length $s;',
            "int_undef": 'my ($j) = @_; return int($j->{eyelets});',
        }[what]
        subs.append(f"sub {name} {{\n    {body}\n}}\n")
        calls.append(name)
    jobs = []
    for i in range(n_jobs):
        heel = rng.choice(["2", "half", "3.5", "re-heel", "1"])
        lace = f'lace => "{rng.choice(["waxed", "flat", "round"])}", ' if rng.random() < 0.6 else ""
        jobs.append(f'    {{ id => "R{i + 100}", shoe => "{rng.choice(SHOES)}", heel => "{heel}", {lace}'
                    f'price => {rng.randint(300, 4500) / 100:.2f} }},')
    return ("use strict;\nuse warnings;\n\n" + "".join(subs) + "\nmy @jobs = (\n" + "\n".join(jobs) + "\n);\n"
            "my $done = 0;\nfor my $j (@jobs) {\n"
            + "".join(f"    $done += ({c}($j) // 0) if substr($j->{{id}}, -1) % {2 + n % 3} == 0;\n"
                      for n, c in enumerate(calls))
            + "}\nprint \"repairs done: $done over \", scalar(@jobs), \" jobs\\n\";\n" + death)


DEATHS = [
    "resole_heel($jobs[0]);\n",
    "my $till = undef;\nprint $till->open_drawer(), \"\\n\";\n",
    "my %stock = (leather => 3);\nmy $n = 10 / ($stock{rubber} // 0);\n",
]


def gen_lintable(rng: random.Random, pkg: str, n: int) -> str:
    parts = [f"package {pkg};\nuse strict;\nuse warnings;\n\nsub new {{ return bless {{ jobs => [] }}, shift }}\n"
             "sub _stitch_count { my $s = shift; return scalar @{ $s->{jobs} } }\n"]
    for k in range(n):
        w = rng.choice(SHOES)
        style = k % 6
        if style == 0:
            parts.append(f"sub total_{w}_{k} {{ my @j = @_; my $t = @j + {k}; return $t }}\n")
        elif style == 1:
            parts.append(f"sub strip_{w}_{k} {{ for (@_) {{ s/^\\s+//; tr/a-z/A-Z/ }} return @_ }}\n")
        elif style == 2:
            parts.append(f"sub stitches_{w}_{k} {{ return Cobbler::Bench->new->_stitch_count }}\n")
        elif style == 3:
            parts.append(f"sub tag_{w}_{k} {{ my $s = shift; $s =~ /({w[:2]})/; return $1 . $' }}\n")
        elif style == 4:
            parts.append(f"sub order_{w}_{k} {{ return fetch_{w}_leather(shift, {k}) }}\n")
        else:
            parts.append(f"sub read_{w}_{k} {{ my @l; while (<>) {{ push @l, split }} return scalar(@l) }}\n")
    return "".join(parts) + "\n1;\n"


def gen_tidy_broken(rng: random.Random, i: int) -> str:
    good = [f"sub ok_{i}_{k} {{\n    my ($p) = @_;\n    return $p + {k};\n}}\n" for k in range(rng.randint(2, 10))]
    fault = [
        "my @tools = qw(awl hammer last\n;\nsub after { 1 }\n",
        "sub heel {\n    my %h = (left => [1, 2], right => [3, 4]]);\n    return %h;\n}\n",
        "sub sole {\n    my $x = shift;\n    return ($x * 2));\n}\n",
        "sub welt {\n    my $x = shift;\n    while ($x < 3 {\n        $x++;\n    }\n}\n",
        "sub lace {\n    my %h;\n    $h{ 'eye' = 2;\n    return \\%h;\n}\n",
        "sub tongue {\n    my @a = (1, 2;\n    my @b = [3, 4));\n    return @a;\n}\n",
    ][i % 6]
    pos = rng.randint(0, len(good))
    return "use strict;\nuse warnings;\n\n" + "".join(good[:pos]) + fault + "".join(good[pos:])


def step_perl(tmp: Path) -> None:
    rng = random.Random(31105)
    d = tmp / "cobbler"
    write_tree(d, {"repairs.pl": gen_cobbler(rng, 45, 12, DEATHS[0]),
                   "repairs_year.pl": gen_cobbler(rng, 700, 36, DEATHS[1]),
                   "stock.pl": gen_cobbler(rng, 20, 8, DEATHS[2])})
    cap("perl-diagnostics-year", "perl -Mdiagnostics repairs_year.pl 2>&1", d, n_perl_diagnostics)
    cap("perl-diagnostics-stock-tail", "perl -Mdiagnostics stock.pl 2>&1 | tail -n 80", d, n_perl_diagnostics)
    lint = tmp / "cobbler-lint"
    files = {f"lib/Cobbler/{name}.pm": gen_lintable(rng, f"Cobbler::{name}", n)
             for name, n in [("Bench", 11), ("Soles", 26), ("Laces", 8), ("Orders", 38)]}
    write_tree(lint, files)
    opts = "Lint,context,implicit-read,implicit-write,dollar-underscore,private-names,undefined-subs,regexp-variables"
    cap("perl-b-lint-soles", f"perl -MO={opts} lib/Cobbler/Soles.pm", lint, n_perl_b_lint)
    cap("perl-b-lint-loop", f"for f in lib/Cobbler/*.pm; do echo \"== $f\"; perl -Ilib -MO={opts} $f; done 2>&1", lint,
        n_perl_b_lint)
    tidy = tmp / "cobbler-tidy"
    write_tree(tidy, {f"lib/bench{i:02d}.pl": gen_tidy_broken(rng, i) for i in range(12)})
    cap("perltidy-se-loop", "for f in lib/*.pl; do perltidy -se -st \"$f\" >/dev/null; done 2>&1", tidy, n_perltidy)
    cap("perltidy-err-files", "perltidy lib/bench0[6-9].pl lib/bench1*.pl; cat lib/*.ERR", tidy, n_perltidy)


# ------------------------------------------------------------------ PHP: a glassworks order system

GLASS = ["vase", "bowl", "pane", "lamp", "bead", "bottle", "goblet", "tile", "lens", "ornament"]


def gen_php(rng: random.Random, ns: str, name: str, n: int, shared: list[str]) -> str:
    meths = []
    for k in range(n):
        if shared and rng.random() < 0.4:
            meths.append(rng.choice(shared).replace("METHOD", f"kiln{k}{rng.choice(GLASS).title()}"))
            continue
        arms = "".join(f"            case {j}: $t += {rng.randint(2, 40)}; break;\n" for j in range(rng.randint(1, 7)))
        meths.append(f"    public function anneal{k}(int $mode): int\n    {{\n        $t = {k};\n"
                     f"        switch ($mode) {{\n{arms}        }}\n        return $t;\n    }}\n")
    consts = "".join(f"    const {rng.choice(GLASS).upper()}_{j} = {rng.randint(1, 900)};\n" for j in range(rng.randint(0, 3)))
    return f"<?php\n\nnamespace {ns};\n\nclass {name}\n{{\n{consts}\n" + "\n".join(meths) + "}\n"


def shared_php(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        body = "".join(f"        $order['{rng.choice(GLASS)}{j}'] = round(($line[{j}] ?? 1) / {rng.randint(2, 7)}, 2);\n"
                       for j in range(rng.randint(7, 14)))
        out.append(f"    public function METHOD(array $line): array\n    {{\n        $order = [];\n{body}"
                   f"        return $order;\n    }}\n")
    return out


def step_php(tmp: Path) -> None:
    rng = random.Random(31106)
    d = tmp / "glassworks"
    shared = shared_php(rng, 4)
    files = {}
    for mod, n_cls in [("Furnace", 7), ("Orders", 12), ("Invoices", 5), ("Kilns", 10)]:
        for c in range(n_cls):
            files[f"src/{mod}/{mod}{c}.php"] = gen_php(rng, f"Glass\\{mod}", f"{mod}{c}", rng.randint(2, 12),
                                                       shared if mod != "Invoices" else [])
    files["src/Orders/Unclosed.php"] = "<?php\nnamespace Glass\\Orders;\nclass Unclosed {\n    public function x() { return [1, 2;\n}\n"
    files["src/Kilns/Trait.php"] = "<?php\nnamespace Glass\\Kilns;\ntrait Glow { function on() { return 1; } }\n"
    files["tests/OrdersTest.php"] = gen_php(rng, "Glass\\Tests", "OrdersTest", 5, [])
    write_tree(d, files)
    cap("phploc-src", "phploc src", d, n_phploc)
    cap("phpcpd-src", "phpcpd --min-lines 6 src", d, n_phpcpd)
    cap("phpcpd-orders-kilns", "phpcpd --min-tokens 40 src/Orders src/Kilns", d, n_phpcpd)


# ------------------------------------------------------------------ Ruby: a kite club's gem

def gen_ruby(rng: random.Random, mod: str, n: int) -> str:
    out = [f"module Kites\n  # The {mod.lower()} records of the kite club.\n  module {mod}\n"]
    for c in range(rng.randint(0, 3)):
        out.append(f"    MAX_{c} = {rng.randint(2, 60)}\n")
    for c in range(n):
        cname = f"{rng.choice(['Spar', 'Bridle', 'Tail', 'Reel', 'Sail', 'Line', 'Keel'])}{c}"
        if rng.random() < 0.4:
            out.append(f"    # A {cname.lower()} of a kite.\n")
        out.append(f"    class {cname}\n")
        for a in range(rng.randint(0, 2)):
            out.append(f"      attr_reader :{rng.choice(['span', 'weight', 'colour', 'knots'])}_{a}\n")
        for m in range(rng.randint(1, 6)):
            if rng.random() < 0.35:
                out.append(f"      # Trim number {m}.\n")
            out.append(f"      def trim_{m}(wind)\n        wind * {rng.randint(2, 9)} / {m + 1}\n      end\n")
        out.append("    end\n")
    out.append("  end\nend\n")
    return "".join(out)


KITE_GEMSPECS = {
    "no_license": '''Gem::Specification.new do |s|
  s.name = "kiteclub-flights"
  s.version = "0.2.0"
  s.authors = ["Kite Club"]
  s.email = "flights@"
  s.summary = "Flight log of the kite club"
  s.homepage = "https://example.invalid/kites"
  s.files = Dir["lib/**/*.rb"]
  s.add_dependency "csv"
  s.add_dependency "json", ">= 0"
end
''',
    "dirs_in_files": '''Gem::Specification.new do |s|
  s.name = "kiteclub-reels"
  s.version = "1.3.0"
  s.authors = ["Kite Club"]
  s.summary = "Reel tension tables"
  s.license = "MIT"
  s.files = ["lib", "lib/kites", "data/tension.csv"] + Dir["lib/**/*.rb"]
end
''',
    "bad_homepage": '''Gem::Specification.new do |s|
  s.name = "kiteclub-sails"
  s.version = "0.0.1"
  s.authors = ["Kite Club"]
  s.summary = "Sail cuts"
  s.description = "Sail cuts"
  s.license = "Kite-Club-Licence"
  s.homepage = "kites dot example"
  s.files = Dir["lib/**/*.rb"]
end
''',
    "bad_name": '''Gem::Specification.new do |s|
  s.name = "kiteclub reels!"
  s.version = "1.0"
  s.authors = ["Kite Club"]
  s.summary = "Bad name"
  s.files = Dir["lib/**/*.rb"]
end
''',
    "ok": '''Gem::Specification.new do |s|
  s.name = "kiteclub-core"
  s.version = "2.4.1"
  s.authors = ["Kite Club"]
  s.summary = "Core records of the kite club"
  s.description = "Spars, bridles, tails and reels of the club's kites"
  s.license = "MIT"
  s.homepage = "https://example.invalid/kites"
  s.files = Dir["lib/**/*.rb"]
  s.add_dependency "json", "~> 2.6"
end
''',
}


def step_ruby(tmp: Path) -> None:
    rng = random.Random(31107)
    d = tmp / "kiteclub"
    files = {f"lib/kites/{m.lower()}.rb": gen_ruby(rng, m, n)
             for m, n in [("Spars", 5), ("Flights", 10), ("Members", 3), ("Repairs", 8), ("Weather", 6), ("Reels", 4)]}
    files["lib/kites/oops.rb"] = "module Kites\n  class Oops\n    def fly\n      [1, 2\n    end\n  end\nend\n"
    for name, body in KITE_GEMSPECS.items():
        files[f"{name}.gemspec"] = body
    write_tree(d, files)
    cap("rdoc-coverage-lib", f"rdoc -C -o {RUN}/rdoc-a lib", d, n_rdoc_coverage, typed="rdoc -C lib")
    cap("rdoc-coverage-two", f"rdoc -C --quiet -o {RUN}/rdoc-b lib/kites/flights.rb lib/kites/oops.rb", d,
        n_rdoc_coverage, typed="rdoc -C --quiet lib/kites/flights.rb lib/kites/oops.rb")
    cap("gem-build-each", "for g in *.gemspec; do echo \"== $g\"; gem build \"$g\"; echo EXIT=$?; done 2>&1", d,
        n_gem_build)


# ------------------------------------------------------------------ Lua: a smokehouse timer

WOODS = ["oak", "hickory", "alder", "beech", "apple", "cherry", "maple", "peat"]


def gen_lua(rng: random.Random, name: str, n: int) -> str:
    out = [f"-- {name}: smokehouse timer\nlocal M = {{}}\nlocal WOOD = {{"
           + ", ".join(f'{w} = {rng.randint(60, 240)}' for w in rng.sample(WOODS, 4)) + "}\n\n"]
    for k in range(n):
        st = k % 5
        if st == 0:
            out.append(f"function M.minutes_{k}(kg, wood)\n  return math.floor(kg * (WOOD[wood] or {rng.randint(90, 180)}))\nend\n\n")
        elif st == 1:
            out.append(f"function M.probe_{k}(temps)\n  local hot = 0\n  for _, t in ipairs(temps) do\n"
                       f"    if t > {rng.randint(60, 95)} then hot = hot + 1 end\n  end\n  return hot\nend\n\n")
        elif st == 2:
            out.append(f"local function clamp_{k}(v)\n  if v < 0 then return 0 elseif v > 100 then return 100 end\n"
                       f"  return v\nend\nM.clamp_{k} = clamp_{k}\n\n")
        elif st == 3:
            out.append(f"M.alarm_{k} = coroutine.wrap(function(limit)\n  for i = 1, limit do coroutine.yield(i * {k}) end\nend)\n\n")
        else:
            out.append(f"function M.label_{k}(batch)\n  return (\"%s-%03d\"):format(batch.fish or \"salmon\", batch.n or {k})\nend\n\n")
    out.append("return M\n")
    return "".join(out)


LUA_FAULTS = [
    "function M.bad()\n  break\nend\n",
    "local s = \"smoke\\q\"\n",
    "local doc = [[\nunfinished long string\n",
    "local function (x) return x end\n",
    "function M.bad()\n  ::top::\n  ::top::\nend\n",
    "function M.bad(x)\n  return x ==\nend\n",
    "local t = {a = 1,, b = 2}\n",
    "function M.bad()\n  local x = 08z\nend\n",
    "function M.bad()\n  repeat local y = 1\nend\n",
]


def step_lua(tmp: Path) -> None:
    rng = random.Random(31108)
    d = tmp / "smokehouse"
    files = {}
    for i in range(72):
        body = gen_lua(rng, f"rack{i:02d}", rng.randint(3, 12))
        if i % 4 == 2:
            body = body.replace("return M\n", LUA_FAULTS[(i // 4) % len(LUA_FAULTS)] + "return M\n")
        files[f"src/rack{i:02d}.lua"] = body
    files["src/curing.lua"] = gen_lua(rng, "curing", 45)
    files["src/brine.lua"] = gen_lua(rng, "brine", 220)
    write_tree(d, files)
    cap("luac-syntax-loop", "for f in src/rack*.lua; do luac5.4 -p \"$f\"; done 2>&1; echo EXIT=$?", d, n_luac_syntax)
    cap("luac-listing-curing", "luac5.4 -l -p src/curing.lua", d, n_luac_listing)
    cap("luac-listing-brine-head", "luac5.4 -l -l -p src/brine.lua | head -n 2600", d, n_luac_listing)


# ------------------------------------------------------------------ Erlang: a distillery's cask store

def gen_erl(rng: random.Random, name: str, n: int) -> str:
    exports, funs = [], []
    for k in range(n):
        st = k % 5
        f = f"{['abv', 'angel_share', 'cask_label', 'rack', 'bottle'][st]}_{k}"
        if st == 0:
            exports.append(f"{f}/2")
            funs.append(f"{f}(Litres, Alcohol) when Litres > 0 -> Alcohol / Litres * 100;\n{f}(_, _) -> 0.0.\n")
        elif st == 1:
            exports.append(f"{f}/1")
            funs.append(f"{f}(Years) -> math:pow(0.98, Years).\n")
        elif st == 2:
            exports.append(f"{f}/2")
            funs.append(f"{f}(Id, Wood) -> iolist_to_binary([Wood, $-, integer_to_list(Id)]).\n")
        elif st == 3:
            exports.append(f"{f}/1")
            funs.append(f"{f}(Casks) -> lists:keysort({rng.randint(1, 2)}, Casks).\n")
        else:
            exports.append(f"{f}/1")
            funs.append(f"{f}(N) when N rem {rng.randint(2, 6)} =:= 0 -> {{ok, N}};\n{f}(N) -> {{error, {{odd, N}}}}.\n")
    return f"-module({name}).\n-export([{', '.join(exports)}]).\n\n" + "\n".join(funs)


CASK_PROPS = '''-module(cask_props).
-include_lib("proper/include/proper.hrl").
-export([prop_append_length/0, prop_abv_below_seventy/0, prop_fill_under_cask/0, prop_keysort_stable/0,
         prop_upper_unchanged/0, prop_max_member/0, prop_split_rejoin/0, prop_angels_small/0, prop_tuple_sum/0]).

prop_append_length() -> ?FORALL({A, B}, {list(integer()), list(integer())}, length(A ++ B) =:= length(A) + length(B)).
prop_abv_below_seventy() -> ?FORALL(P, integer(0, 100), P =< 70).
prop_fill_under_cask() -> ?FORALL(L, list(range(1, 50)), lists:sum(L) < 250).
prop_keysort_stable() -> ?FORALL(L, list({range(1, 3), integer()}), length(lists:keysort(1, L)) =:= length(L)).
prop_upper_unchanged() -> ?FORALL(S, list(range($a, $f)), string:uppercase(S) =:= S).
prop_max_member() -> ?FORALL(L, non_empty(list(integer())), lists:member(lists:max(L), L)).
prop_split_rejoin() -> ?FORALL({L, N}, {list(integer()), range(0, 5)}, N > length(L) orelse
                           begin {A, B} = lists:split(N, L), A ++ B =:= L end).
prop_angels_small() -> ?FORALL(Y, range(0, 40), math:pow(0.98, Y) > 0.5).
prop_tuple_sum() -> ?FORALL({A, B}, {nat(), nat()}, A + B > A).
'''


def step_erlang(tmp: Path) -> None:
    rng = random.Random(31109)
    d = tmp / "distillery"
    files = {f"src/{m}.erl": gen_erl(rng, m, n) for m, n in [("casks", 25), ("warehouse", 14), ("bottling", 33)]}
    files["test/cask_props.erl"] = CASK_PROPS
    write_tree(d, files)
    env_path = f"PATH={ERL_BIN}:$PATH"
    if PLT.exists():
        cap("erlang-typer-two", f"{env_path} typer --plt {PLT} src/warehouse.erl src/bottling.erl", d, n_erlang_typer,
            typed="typer src/warehouse.erl src/bottling.erl")
    else:
        cm.note("skip erlang-typer: no PLT")
    cm.run("mkdir -p ebin && erlc -o ebin test/cask_props.erl", cwd=d)
    run = ("erl -noshell -pa ebin -eval 'R = proper:module(cask_props, [{numtests, N}]), "
           "io:format(\"~p~n\", [R]), halt().'")
    cap("erlang-proper-module", run.replace("N}", "150}"), d, n_erlang_proper)
    cap("erlang-proper-tail", run.replace("N}", "800}") + " 2>&1 | tail -n 50", d, n_erlang_proper)


# ------------------------------------------------------------------ Hy: tea blending

TEAS = ["assam", "darjeeling", "sencha", "oolong", "rooibos", "pu-erh", "ceylon", "jasmine"]


def gen_hy(rng: random.Random, n: int, tail: str) -> str:
    out = ["(import json math)\n\n"]
    for k in range(n):
        st = k % 4
        t = rng.choice(TEAS).replace("-", "")
        if st == 0:
            out.append(f"(defn steep-{t}-{k} [grams ml]\n  \"Steep ratio {k}.\"\n  (/ (* grams 1000) ml))\n\n")
        elif st == 1:
            out.append(f"(defclass Blend{k} []\n  (defn __init__ [self parts]\n    (setv self.parts parts))\n"
                       f"  (defn total [self]\n    (sum (.values self.parts))))\n\n")
        elif st == 2:
            out.append(f"(defn tin-{k} [blends]\n  (dfor b blends b (len b)))\n\n")
        else:
            out.append(f"(defn :async brew-{k} [pot]\n  (await (pot.pour {rng.randint(2, 9)})))\n\n")
    return "".join(out) + tail


def chain(depth: int) -> str:
    return "".join(f"(defn mix-{k} [f #* a]\n  (mix-{k + 1} f #* a))\n\n" for k in range(depth)) + \
        f"(defn mix-{depth} [f #* a]\n  (f #* a))\n\n"


HY_TAILS = {
    "zero": "(defn ratio [blend]\n  (/ (get blend \"assam\") (get blend \"ceylon\")))\n\n" + chain(4)
            + "(print (mix-0 ratio {\"assam\" 3 \"ceylon\" 0}))\n",
    "attr": "(defn label [tin]\n  (.upper tin.name))\n\n" + chain(6) + "(mix-0 label {\"name\" \"breakfast\"})\n",
    "index": "(defn third [parts]\n  (get parts 2))\n\n" + chain(11) + "(print (mix-0 third [\"sencha\" \"jasmine\"]))\n",
}


def step_hy(tmp: Path) -> None:
    rng = random.Random(31110)
    d = tmp / "teahouse"
    files = {f"{n}.hy": gen_hy(rng, rng.randint(3, 10), t) for n, t in HY_TAILS.items()}
    files["blends.hy"] = gen_hy(rng, 110, "(print (steep-assam-0 3 250))\n")
    write_tree(d, files)
    hy, hy2py = VENV / "bin" / "hy", VENV / "bin" / "hy2py"
    for n in ("zero", "index"):
        cap(f"hy-error-{n}", f"{hy} {n}.hy; echo EXIT=$?", d, n_hy_error, typed=f"hy {n}.hy; echo EXIT=$?")
    cap("hy2py-blends", f"{hy2py} blends.hy", d, n_hy2py, typed="hy2py blends.hy")


# ------------------------------------------------------------------ Fortran: a quarry blast-vibration model

def gen_f90(rng: random.Random, name: str, n: int) -> str:
    out = [f"module {name}\nuse iso_fortran_env,only:real64\nimplicit none\ncontains\n"]
    for k in range(n):
        ind = " " * rng.choice([0, 3, 4, 7])
        if k % 3 == 0:
            out.append(f"{ind}pure function ppv{k}(charge,dist) result(v)\nreal(real64),intent(in)::charge,dist\n"
                       f"   real(real64)::v\n{ind}v={rng.randint(500, 1500)}.0_real64*(dist/sqrt(charge))**(-1.6_real64)\n"
                       f"end function ppv{k}\n")
        elif k % 3 == 1:
            out.append(f"subroutine delays{k}(t,n)\ninteger,intent(in)::n\n  real(real64),intent(out)::t(n)\ninteger::i\n"
                       f"  DO i=1,n\n t(i)=i*{rng.randint(8, 42)}.0_real64\n     ENDDO\nend subroutine\n")
        else:
            out.append(f"   subroutine warn{k}(v)\n real(real64),intent(in)::v(:)\n    if(any(v.GT.{rng.randint(5, 25)}.0_real64))then\n"
                       f"write(*,*)'vibration limit exceeded',maxval(v)\n  endif\n   end subroutine warn{k}\n")
    out.append(f"end module {name}\n")
    return "".join(out)


def step_fortran(tmp: Path) -> None:
    rng = random.Random(31111)
    d = tmp / "quarry"
    files = {f"src/{m}.f90": gen_f90(rng, m, n) for m, n in [("ppv", 6), ("delays", 12), ("monitor", 21)]}
    files["src/blast.f90"] = ("program blast\nuse ppv\nimplicit none\nreal(real64)::v\nv=ppv0(25.0_real64,120.0_real64\n"
                              "print*,'ppv',v\nend program blast\n")
    write_tree(d, files)
    fp, fl = VENV / "bin" / "fprettify", VENV / "bin" / "fortran-linter"
    cap("fprettify-diff-all", f"{fp} --diff src/*.f90 2>&1", d, n_fprettify, typed="fprettify --diff src/*.f90 2>&1")
    cap("fprettify-diff-monitor-i4", f"{fp} --diff -i 4 --enable-replacements src/monitor.f90 2>&1", d, n_fprettify,
        typed="fprettify --diff -i 4 --enable-replacements src/monitor.f90 2>&1")
    cap("fortran-linter-delays", f"{fl} --syntax-only src/delays.f90 2>&1", d, n_fortran_linter,
        typed="fortran-linter --syntax-only src/delays.f90 2>&1")
    cap("fortran-linter-blast-ppv", f"{fl} --syntax-only src/blast.f90 src/ppv.f90 2>&1 | head -n 400", d,
        n_fortran_linter, typed="fortran-linter --syntax-only src/blast.f90 src/ppv.f90 2>&1 | head -n 400")


def steps() -> list:
    return [step_perl, step_php, step_ruby, step_lua, step_erlang, step_hy, step_fortran]
