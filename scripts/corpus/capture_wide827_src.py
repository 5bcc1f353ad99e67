"""Material for round 827 (capture_wide827.py): `withy`, a basket weaver's workshop in Ruby, Perl, PHP and Lua, written
here with faults put in (see the round's docstring). Generators take a size so each kind gets several sizes."""

from __future__ import annotations

NAMES = ["rod", "stake", "slew", "waling", "border", "upsett", "pairing", "randing", "fitch", "scallom", "bye-stake",
         "handle", "lid", "foot", "siding", "cramming", "trac", "plait", "hoop", "skein"]
WEAVERS = ["Ada Rushby", "Tom Osier", "Mabel Withers", "Seth Skepton", "Nell Creel", "Amos Frail", "Hetty Cane",
           "Jonah Willow"]


def cls(s: str) -> str:
    return "".join(p.capitalize() for p in s.replace("-", "_").split("_"))


def ident(s: str) -> str:
    return s.replace("-", "_")


# ------------------------------------------------------------------ Ruby: gemspecs

GEMSPEC_WARN = '''Gem::Specification.new do |s|
  s.name        = "withy"
  s.version     = "0.3.1"
  s.summary     = "Rods, stakes and slews for basketmakers"
  s.description = "Rods, stakes and slews for basketmakers"
  s.authors     = ["Ada Rushby"]
  s.email       = "ada@withy.invalid"
  s.files       = Dir["lib/**/*.rb"]
  s.add_dependency "rake"
  s.add_dependency "json", ">= 2.0"
  s.add_development_dependency "minitest"
end
'''

GEMSPEC_MISSING_FILE = '''Gem::Specification.new do |s|
  s.name        = "withy-slew"
  s.version     = "1.0.0"
  s.summary     = "Slewing for basketmakers"
  s.authors     = ["Tom Osier"]
  s.license     = "MIT"
  s.homepage    = "https://withy.invalid/slew"
  s.files       = ["lib/withy.rb", "lib/withy/slew.rb", "lib/withy/missing_waling.rb"]
  s.required_ruby_version = ">= 2.7"
  s.add_dependency "json", "~> 2.6"
end
'''

GEMSPEC_NO_SUMMARY = '''Gem::Specification.new do |s|
  s.name        = "withy-border"
  s.version     = "0.0.9"
  s.authors     = ["Mabel Withers"]
  s.files       = Dir["lib/**/*.rb"]
  s.license     = "MIT"
end
'''

GEMSPEC_BAD_VERSION = '''Gem::Specification.new do |s|
  s.name        = "withy-waling"
  s.version     = "2.0.0-beta 1"
  s.summary     = "Waling patterns"
  s.authors     = ["Seth Skepton"]
  s.files       = Dir["lib/**/*.rb"]
end
'''

GEMSPEC_SYNTAX = '''Gem::Specification.new do |s|
  s.name        = "withy-stake"
  s.version     = "0.1.0"
  s.summary     = "Staking up"
  s.authors     = ["Nell Creel"
  s.files       = Dir["lib/**/*.rb"]
end
'''

GEMSPEC_OK = '''Gem::Specification.new do |s|
  s.name        = "withy-rods"
  s.version     = "1.4.2"
  s.summary     = "Grading willow rods by length"
  s.description = "Sorts bolts of willow rods into lengths and counts them for each basketmaker."
  s.authors     = ["Hetty Cane", "Jonah Willow"]
  s.email       = "hetty@withy.invalid"
  s.homepage    = "https://withy.invalid/rods"
  s.license     = "MIT"
  s.files       = Dir["lib/**/*.rb"]
  s.required_ruby_version = ">= 3.0"
  s.add_dependency "json", "~> 2.6"
  s.add_development_dependency "minitest", ">= 5"
  s.metadata["rubygems_mfa_required"] = "true"
end
'''


def ruby_lib(n: int) -> dict[str, str]:
    files = {"lib/withy.rb": "module Withy\n  VERSION = '0.3.1'\nend\n",
             "lib/withy/slew.rb": "module Withy\n  def self.slew(rods) = rods.each_slice(3).to_a\nend\n"}
    for i in range(n):
        nm = ident(NAMES[i % len(NAMES)]) + str(i)
        files[f"lib/withy/{nm}.rb"] = f"module Withy\n  class {cls(nm)}\n    def count = {i}\n  end\nend\n"
    return files


# ------------------------------------------------------------------ Ruby: files for the parser trace

RB_MISSING_END = '''class Border
  def initialize(stakes)
    @stakes = stakes
  end

  def trac(n)
    @stakes.each do |s|
      puts "trac #{s} behind #{n}"
  end
end
'''

RB_BAD_TOKEN = '''rods = [12, 14, 9]
total = rods.sum +* 2
puts total
'''

RB_WARN_OK = '''def waling(rods)
  count = 0
  rods.each { |r| puts r if (r > 10) }
  x = 1
  rods.size
end
p waling([3, 14])
'''


def rb_weave(n: int, fault: bool) -> str:
    out = ["module Withy", "  class Weave"]
    for i in range(n):
        nm = ident(NAMES[i % len(NAMES)]) + str(i)
        out += [f"    def {nm}(rods, stakes)", f"      rods.map {{ |r| r * {i + 1} + stakes }}.sum", "    end"]
        if fault and i == n * 2 // 3:
            out += [f"    def broken_{nm}(rods", "      rods.first", "    end"]
    out += ["  end", "end", ""]
    return "\n".join(out)


# ------------------------------------------------------------------ Perl: Benchmark

def perl_bench(n: int, seconds: str, style: str = "") -> str:
    subs = []
    for i in range(n):
        nm = ident(NAMES[i % len(NAMES)])
        if i == 1:  # the slow slewing routine: string concatenation in a loop with a regex each time
            body = 'my $s = ""; for my $r (1..400) { $s .= "rod$r,"; $s =~ /rod(\\d+),$/; } length $s'
        elif i % 3 == 0:
            body = f'my @r = map {{ $_ * {i + 2} }} 1..200; my $t = 0; $t += $_ for @r; $t'
        elif i % 3 == 1:
            body = f'join ",", map {{ "stake$_" }} 1..{60 + 10 * i}'
        else:
            body = f'my %h; $h{{$_ % 17}}++ for 1..{150 + i * 5}; scalar keys %h'
        subs.append(f"    {nm} => sub {{ {body} }},")
    style_arg = f", '{style}'" if style else ""
    return ("use strict;\nuse warnings;\nuse Benchmark qw(cmpthese timethese);\n\n"
            f"cmpthese({seconds}, {{\n" + "\n".join(subs) + f"\n}}{style_arg});\n")


PERL_TIMETHESE = '''use strict;
use warnings;
use Benchmark qw(timethese cmpthese);

my $r = timethese(20, {
    slew_pairs => sub { my @p; push @p, [$_, $_ + 1] for 1..50; scalar @p },
    waling_sum => sub { my $t = 0; $t += $_ for 1..80; $t },
    border_str => sub { my $b = join "-", ("trac") x 30; length $b },
});
cmpthese($r);
'''


# ------------------------------------------------------------------ Perl: regex debug

PERL_RE_SMALL = '''use strict;
use warnings;
my @labels = ("stake-12", "rod_14", "slew-3x");
for my $l (@labels) {
    use re 'debug';
    if ($l =~ /^(stake|rod|slew)-(\\d+)$/) { print "label $1 number $2\\n" }
    else { print "no match for $l\\n" }
}
'''


def perl_re(n: int) -> str:
    rows = []
    for i in range(n):
        nm = NAMES[i % len(NAMES)]
        lab = f"{nm}-{i}" if i % 4 else f"{nm.upper()}_{i}x"
        rows.append(f'"{lab}"')
    return ('use strict;\nuse warnings;\nuse re qw(Debug EXECUTE);\n'
            f'my @labels = ({", ".join(rows)});\nmy $bad = 0;\n'
            'for my $l (@labels) {\n'
            '    if ($l =~ /^([a-z-]+)-(\\d+)$/) { next }\n'
            '    $bad++;\n    print "bad label: $l\\n";\n}\n'
            'print "checked ", scalar(@labels), " labels, $bad bad\\n";\n')


# ------------------------------------------------------------------ Perl: Test2::V0

PERL_LIB = '''package Withy::Basket;
use strict;
use warnings;

sub new {
    my ($class, %a) = @_;
    return bless { stakes => $a{stakes} // 24, rods => $a{rods} // [], maker => $a{maker} }, $class;
}

# fault: counts one rod short (off by one)
sub rod_count { my $s = shift; return scalar(@{ $s->{rods} }) - 1 }

sub waling {
    my $s = shift;
    # fault: the 'rows' key is missing, 'row' is there instead
    return { stakes => $s->{stakes}, row => 3, pattern => 'three-rod' };
}

sub border {
    my $s = shift;
    my @b = map { "trac-$_" } 1 .. ($s->{stakes} / 4);
    push @b, 'trac-extra';    # fault: one extra border row
    return \\@b;
}

sub slew { my ($s, $n) = @_; die "no rods to slew\\n" unless @{ $s->{rods} }; return int(@{ $s->{rods} } / $n) }
1;
'''

PERL_T2_SMALL = '''use Test2::V0;
use Withy::Basket;

my $b = Withy::Basket->new(stakes => 16, rods => [1 .. 10], maker => 'Ada Rushby');
is($b->rod_count, 10, 'rod count');
is($b->waling, { stakes => 16, rows => 3, pattern => 'three-rod' }, 'waling hash');
is($b->border, [map { "trac-$_" } 1 .. 4], 'border rows');
like($b->{maker}, qr/Rushby/, 'maker');
ok(lives { $b->slew(3) }, 'slews');
done_testing;
'''


def perl_t2(n: int) -> str:
    out = ["use Test2::V0;", "use Withy::Basket;", ""]
    for i in range(n):
        stakes = 8 + 4 * (i % 6)
        nm = NAMES[i % len(NAMES)]
        maker = WEAVERS[i % len(WEAVERS)]
        out.append(f"subtest '{nm} basket {i}' => sub {{")
        out.append(f"    my $b = Withy::Basket->new(stakes => {stakes}, rods => [1 .. {i + 3}], maker => '{maker}');")
        if i % 5 == 0:
            out.append(f"    is($b->rod_count, {i + 3}, 'rod count');")
        else:
            out.append(f"    is($b->rod_count, {i + 2}, 'rod count');")
        if i % 4 == 1:
            out.append(f"    is($b->waling, hash {{ field stakes => {stakes}; field rows => 3; etc; }}, 'waling');")
        else:
            out.append(f"    is($b->waling, hash {{ field stakes => {stakes}; field row => 3; etc; }}, 'waling');")
        if i % 6 == 2:
            out.append(f"    is($b->border, array {{ item 'trac-1'; etc; }}, 'border starts');")
        elif i % 6 == 3:
            out.append(f"    is($b->border, [map {{ \"trac-$_\" }} 1 .. {stakes // 4}], 'border rows');")
        out.append(f"    is($b->slew({1 + i % 3}), {(i + 3) // (1 + i % 3)}, 'slew');")
        if i == n - 2:
            out.append("    my $e = Withy::Basket->new(rods => []);")
            out.append("    $e->slew(2);")
        out.append("};")
    out += ["", "done_testing;", ""]
    return "\n".join(out)


# ------------------------------------------------------------------ PHP

PHP_DEPRECATED = '''<?php
class Basket {
    public string $maker;
    public function __construct(string $maker) { $this->maker = $maker; }
}

function grade(int $length = 10, $bolt) { return $length * count($bolt); }

$b = new Basket("Ada Rushby");
$b->stakes = 24;                          // dynamic property: deprecated in 8.2
$name = "rods";
echo "Counting ${name} for {$b->maker}\\n";  // ${} interpolation: deprecated
echo strlen(null), "\\n";                   // null to non-nullable internal parameter
echo utf8_encode("slew"), "\\n";
$rows = ["waling" => 3];
echo $rows["border"], "\\n";                // undefined array key
echo $undefinedStake, "\\n";
echo grade(12, [1, 2, 3]), "\\n";
'''

PHP_FATAL = '''<?php
declare(strict_types=1);

final class Slew {
    public function __construct(private array $rods) {}
    public function pairs(int $n): array {
        if ($n < 1) {
            throw new InvalidArgumentException("cannot slew with $n rods");
        }
        return array_chunk($this->rods, $n);
    }
}

function weave(Slew $s, int $n): int {
    return count($s->pairs($n));
}

echo weave(new Slew([1, 2, 3, 4]), 2), "\\n";
echo weave(new Slew([5, 6]), 0), "\\n";
'''

PHP_TYPE_ERROR = '''<?php
declare(strict_types=1);
function border(int $stakes): string { return str_repeat("trac ", $stakes); }
echo border(4), "\\n";
echo border("16"), "\\n";
'''


def php_rows(n: int, zero: bool = False) -> str:
    rows = []
    for i in range(n):
        nm = NAMES[i % len(NAMES)]
        if i % 11 == 7:
            rows.append(f'    ["name" => "{nm}-{i}", "stakes" => {8 + i % 9}]')           # no length key
        elif i % 13 == 5:
            rows.append(f'    ["name" => "{nm}-{i}", "length" => "{90 + i % 40}cm", "stakes" => {8 + i % 9}]')
        else:
            rows.append(f'    ["name" => "{nm}-{i}", "length" => {90 + i % 40}, "stakes" => {8 + i % 9}]')
    if zero:
        rows.append('    ["name" => "lid-0", "length" => 40, "stakes" => 0]')
    return ('<?php\n$bolts = [\n' + ",\n".join(rows) + '\n];\n$total = 0;\n'
            'foreach ($bolts as $i => $b) {\n'
            '    $per = $b["length"] / $b["stakes"];\n'
            '    $total += $per;\n'
            '    if ($b["stakes"] % 2) { $odd[] = $b["name"] . " " . $b["colour"]; }\n'
            '}\n'
            'printf("graded %d bolts, %.1f cm per stake\\n", count($bolts), $total / count($bolts));\n')


def php_classes(n: int) -> str:
    out = ["<?php", "declare(strict_types=1);", "", "namespace Withy;", ""]
    for i in range(n):
        nm = cls(ident(NAMES[i % len(NAMES)])) + str(i)
        out += [f"final class {nm}", "{", "    private array $rods = [];",
                "    public function add(int $length): void", "    {",
                "        if ($length <= 0) {", f'            throw new \\RangeException("{nm}: bad rod $length");',
                "        }", "        $this->rods[] = $length;", "    }", "",
                "    public function total(): int", "    {", "        $t = 0;",
                "        foreach ($this->rods as $r) {", f"            $t += $r * {i + 1};", "        }",
                "        return $t;", "    }", "}", ""]
    out += [f"$w = new {cls(ident(NAMES[0]))}0();", "$w->add(12);", "$w->add(14);",
            'echo "total ", $w->total(), "\\n";', ""]
    return "\n".join(out)


# ------------------------------------------------------------------ Lua

LUA_WARN_SMALL = '''warn("@on")
local rods = {12, 14, 0, 9, -3}
local total = 0
for i, r in ipairs(rods) do
  if r <= 0 then
    warn("rod ", tostring(i), " has length ", tostring(r), "; skipped")
  else
    total = total + r
  end
end
print("total " .. total)
'''


def lua_warn(n: int, fail: bool) -> str:
    out = ['warn("@on")', "local woven, skipped = 0, 0",
           "local Basket = {}", "Basket.__index = Basket",
           "Basket.__gc = function(b) if b.stakes % 2 == 1 then error('odd stakes in ' .. b.name) end end",
           "local function new(name, stakes) return setmetatable({name = name, stakes = stakes}, Basket) end",
           "local baskets = {}"]
    for i in range(n):
        nm = NAMES[i % len(NAMES)]
        out.append(f'baskets[#baskets + 1] = new("{nm}-{i}", {8 + (i * 5) % 11})')
    out += ["for _, b in ipairs(baskets) do",
            "  if b.stakes < 10 then",
            "    warn('basket ', b.name, ' has only ', tostring(b.stakes), ' stakes')",
            "    skipped = skipped + 1",
            "  else woven = woven + 1 end",
            "end",
            "baskets = nil",
            "collectgarbage()",
            "print(('woven %d baskets, skipped %d'):format(woven, skipped))"]
    if fail:
        out += ["local function border(b) return b.trac .. ' border' end",
                "local function finish(b) return border(b) end",
                "print(finish({name = 'lid'}))"]
    return "\n".join(out) + "\n"


def lua_module(i: int, faults: bool) -> str:
    nm = ident(NAMES[i % len(NAMES)]) + str(i)
    out = [f"--- Weaving the {nm.replace('_', ' ')} of a basket.", f"-- @module withy.{nm}", "",
           "local M = {}", ""]
    if faults and i % 3 == 0:
        out += ["--- Count the rods.", "-- @param rods list of rod lengths", "-- @param stake the stake count",
                "-- @retrun number total", "function M.count(rods)", "  local total = 0",
                "  for i, r in ipairs(rods) do", "    total = total + r", "  end", "  return totl", "end", ""]
    else:
        out += ["--- Count the rods.", "-- @tparam {number,...} rods list of rod lengths",
                "-- @treturn number total", "function M.count(rods)", "  local total = 0",
                "  for _, r in ipairs(rods) do", "    total = total + r", "  end", "  return total", "end", ""]
    if faults and i % 3 == 1:
        out += ["--- Slew a bolt.", "-- @tparam Bolt bolt the bolt", "-- @see withy.nowhere",
                "function M.slew(bolt, n)", "  local unused = 3", "  result = bolt.rods / n", "  return result",
                "end", ""]
    else:
        out += ["--- Slew a bolt.", "-- @param bolt the bolt", "-- @param n rods per slew",
                "function M.slew(bolt, n)", "  return bolt.rods / n", "end", ""]
    if faults and i % 4 == 2:
        out += ["function M.waling(stakes)", "  local stakes = stakes or 24", "  if stakes = 0 then return nil end",
                "  return stakes * 3", "end", ""]
    elif faults and i % 3 == 2:
        out += ["--- Waling rows.", "-- @param stakes", "-- @param rows number of rows",
                "function M.waling(stakes)", "  local stakes = stakes or 24", "  return stakes * 3", "end", ""]
    else:
        out += ["--- Waling rows.", "-- @param stakes the stake count", "function M.waling(stakes)",
                "  return (stakes or 24) * 3", "end", ""]
    out += ["return M", ""]
    return "\n".join(out)
