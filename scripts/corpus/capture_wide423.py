"""Capture round 423 of the compression corpus: round 415's PHP, Ruby and Perl checker and test-runner kinds a
second time, on new code written here for a bakery (ovens, proving cabinets, bakers) with other faults than round
415's: phpunit --log-junit and --teamcity, phpcs's checkstyle / csv / code reports, rubocop's clang / tap / junit
formatters, minitest through minitest-reporters' SpecReporter, prove with TAP::Formatter::JUnit, perlcritic's verbose
formats and its statistics. No new rule: every extractor is round 415's, imported (NEEDLES.md's "Round 423").
Nothing captured was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide423.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide423.json  as {"version": 2, "items": [...]}, ids prefixed "wide423-".
Tools:   Debian's phpunit, php-codesniffer, rubocop, ruby-minitest-reporters, libperl-critic-perl,
         libtap-formatter-junit-perl (already installed here).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide415 as w415  # noqa: E402  (round 415's extractors, imported by function)

n_phpunit_junit = w415.n_phpunit_junit
n_phpunit_teamcity = w415.n_phpunit_teamcity
n_phpcs_checkstyle = w415.n_phpcs_checkstyle
n_phpcs_csv = w415.n_phpcs_csv
n_phpcs_code = w415.n_phpcs_code
n_rubocop_clang = w415.n_rubocop_clang
n_rubocop_tap = w415.n_rubocop_tap
n_rubocop_junit = w415.n_rubocop_junit
n_minitest_spec = w415.n_minitest_spec
n_prove_junit = w415.n_prove_junit
n_perlcritic_verbose = w415.n_perlcritic_verbose
n_perlcritic_statistics = w415.n_perlcritic_statistics

ID_PREFIX = "wide423-"
DEFAULT_OUT = HERE / "data" / "wide423.json"
TMP = Path("/dev/shm/hm-corpus-wide423")
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

BREADS = ["sourdough", "rye", "baguette", "brioche", "ciabatta", "focaccia", "pumpernickel", "challah", "bagel",
          "spelt", "soda_bread", "pretzel", "fougasse", "stollen"]


# ------------------------------------------------------------------ material: a bakery, PHP

def php_project(root: Path, n: int, seed: int) -> None:
    """Crumbworks\\ classes under strict_types with style faults; PHPUnit tests that fail, error, skip and are risky."""
    rnd = random.Random(seed)
    files = {"src/autoload.php": "<?php\nspl_autoload_register(function ($c) {\n    $p = __DIR__ . '/' . "
             "str_replace('Crumbworks\\\\', '', $c) . '.php';\n    if (is_file($p)) {\n        require $p;\n    }\n});\n"}
    for i in range(n):
        b = rnd.choice(BREADS)
        cls = ["Oven", "ProvingCabinet", "Baker"][i % 3] + str(i)
        body = [f"<?php\ndeclare(strict_types=1);\n\nnamespace Crumbworks;\n\n"
                f"/**\n * {cls}: bakes the {b} of the day.\n */\nclass {cls}\n{{\n"]
        if rnd.random() < 0.5:
            body.append("    var $trays = 4;\n")
        if rnd.random() < 0.4:
            body.append("    const max_temp = 260;\n")
        body.append("    private array $loaves = [];\n    private int $celsius;\n\n"
                    "    public function __construct(int $celsius)\n    {\n        $this->celsius = $celsius;\n    }\n\n"
                    "    public function load(string $bread, int $count): int\n    {\n"
                    "        $this->loaves[$bread] = ($this->loaves[$bread] ?? 0) + $count;\n"
                    "        return $this->loaves[$bread];\n    }\n\n"
                    f"    public function bakeMinutes(int $grams): float\n    {{\n"
                    f"        return round($grams / {rnd.randint(18, 29)} * 220 / $this->celsius, 1);\n    }}\n\n"
                    "    public function loavesPerTray(int $trays): int\n    {\n"
                    "        return intdiv(array_sum($this->loaves), $trays);\n    }\n\n")
        if rnd.random() < 0.6:
            body.append("    public function proofState($minutes)\n    {\n        if ($minutes < 30) {\n"
                        "            return 'underproofed';\n        } else if ($minutes > 90) {\n"
                        "            return 'overproofed';\n        }\n        return NULL;\n    }\n\n")
        if rnd.random() < 0.5:
            body.append("    public function shelf() { $s = array('rack' => 1, 'crate' => 2); return $s; }\n\n")
        if rnd.random() < 0.5:
            body.append("    public function isHot(): bool\n    {\n        if ($this->celsius > 200) { return TRUE; }\n"
                        "        return FALSE;\n    }\n\n")
        if rnd.random() < 0.4:
            body.append(f"    public function scoringPatternForTheMorningBatchOfEveryShape(string $shape = '{b}', "
                        f"int $cuts = 3, bool $diagonal = true): string\n    {{\n"
                        f"        return $shape . ':' . str_repeat($diagonal ? '/' : '|', $cuts) . ' scored by hand "
                        f"before the loaves go onto the deck of the oven';\n    }}\n\n")
        if rnd.random() < 0.3:
            body.append("    function steam($s) { $this->celsius -= $s; $this->celsius += 1; return $this->celsius; }\n\n")
        body.append("    public function celsius(): int\n    {\n        return $this->celsius;\n    }\n} // end\n")
        text = "".join(body)
        if rnd.random() < 0.3:
            text = text.rstrip("\n")
        files[f"src/{cls}.php"] = text
        t = [f"<?php\ndeclare(strict_types=1);\n\nnamespace Crumbworks\\Tests;\n\nuse Crumbworks\\{cls};\n"
             f"use PHPUnit\\Framework\\TestCase;\n\nfinal class {cls}Test extends TestCase\n{{\n"]
        for j in range(rnd.randint(3, 7)):
            g = rnd.randint(200, 1500)
            c = rnd.choice([180, 200, 220, 240])
            f = rnd.random()
            if f < 0.13:
                t.append(f"    public function testBakeMinutes{j}(): void\n    {{\n        $o = new {cls}({c});\n"
                         f"        $this->assertEqualsWithDelta({g // 20}.0, $o->bakeMinutes({g}), 0.5);\n    }}\n\n")
            elif f < 0.21:
                t.append(f"    public function testLoadKey{j}(): void\n    {{\n        $o = new {cls}({c});\n"
                         f"        $o->load('{b}', {g % 9 + 1});\n        $this->assertArrayHasKey('{b}_tin', $o->shelf());\n    }}\n\n"
                         if "shelf()" in text else
                         f"    public function testLoadKey{j}(): void\n    {{\n        $o = new {cls}({c});\n"
                         f"        $this->assertArrayHasKey('{b}', ['rye' => {g}]);\n    }}\n\n")
            elif f < 0.28:
                t.append(f"    public function testTypeOfCount{j}(): void\n    {{\n        $o = new {cls}({c});\n"
                         f"        $this->assertSame(12, $o->load('{b}', '12'));\n    }}\n\n")
            elif f < 0.35:
                t.append(f"    public function testEmptyTrays{j}(): void\n    {{\n        $o = new {cls}({c});\n"
                         f"        $o->load('{b}', {g % 30 + 1});\n        $this->assertSame(0, $o->loavesPerTray(0));\n    }}\n\n")
            elif f < 0.41:
                t.append(f"    public function testRejectsCold{j}(): void\n    {{\n"
                         f"        $this->expectException(\\InvalidArgumentException::class);\n        new {cls}(-{c});\n    }}\n\n")
            elif f < 0.45:
                t.append(f"    public function testCrust{j}(): void\n    {{\n"
                         f"        $this->markTestIncomplete('crust colour for {b} not measured yet');\n    }}\n\n")
            elif f < 0.49:
                t.append(f"    public function testDeckOven{j}(): void\n    {{\n"
                         f"        $this->markTestSkipped('deck oven {i} is being descaled');\n    }}\n\n")
            elif f < 0.54:
                t.append(f"    public function testWarmUp{j}(): void\n    {{\n        $o = new {cls}({c});\n"
                         f"        $o->load('{b}', 1);\n    }}\n\n")
            elif f < 0.6:
                rows = ", ".join(f"'{x}g' => [{x}, {x * 6 // c}]" for x in (g, g + 250, g + 500))
                t.append(f"    public function gramsProvider{j}(): array\n    {{\n        return [{rows}];\n    }}\n\n"
                         f"    /**\n     * @dataProvider gramsProvider{j}\n     */\n"
                         f"    public function testMinutesByWeight{j}(int $grams, int $minutes): void\n    {{\n"
                         f"        $o = new {cls}({c});\n        $this->assertEquals($minutes, (int) $o->bakeMinutes($grams));\n    }}\n\n")
            else:
                t.append(f"    public function testCelsius{j}(): void\n    {{\n"
                         f"        $this->assertSame({c}, (new {cls}({c}))->celsius());\n    }}\n\n")
        t.append("}\n")
        files[f"tests/{cls}Test.php"] = "".join(t)
    cm.write_tree(root, files)


# ------------------------------------------------------------------ material: a bakery, Ruby

def ruby_project(root: Path, n: int, seed: int, syntax_error: bool = False) -> None:
    """provebox: a Ruby library with RuboCop offenses and minitest tests that fail and error."""
    rnd = random.Random(seed)
    files = {"test/test_helper.rb": 'require "minitest/autorun"\nrequire "minitest/reporters"\n'
             'Minitest::Reporters.use! Minitest::Reporters::SpecReporter.new(color: false)\n',
             "test/all.rb": 'Dir[File.join(__dir__, "test_*.rb")].sort.each { |f| require f }\n'}
    for i in range(n):
        b = rnd.choice(BREADS)
        name = ["oven", "cabinet", "baker", "loaf"][i % 4] + str(i)
        cls = name.capitalize()
        src = [f"# frozen_string_literal: true\n\nmodule Provebox\n  # {cls} proves and bakes {b}\n  class {cls}\n"
               f"    attr_reader :celsius, :trays\n\n    def initialize(celsius)\n      @celsius = celsius\n"
               f"      @trays = []\n    end\n\n    def load(bread, count)\n      @trays << [bread, count]\n      self\n    end\n\n"
               f"    def tray(index)\n      @trays[index]\n    end\n\n"
               f"    def bake_minutes(grams)\n      (grams / {rnd.randint(18, 29)}.0 * 220 / @celsius).round(1)\n    end\n"]
        if rnd.random() < 0.5:
            src.append("\n    def is_hot?\n      $oven_on and @celsius > 200\n    end\n")
        if rnd.random() < 0.5:
            src.append("\n    def counts\n      @trays.map { |bread, count| [bread, count] }.each { |bread| bread }\n"
                       "      @trays.sum { |_b, count| count }\n    end\n\n    def counts\n      @trays.size\n    end\n")
        if rnd.random() < 0.5:
            src.append("\n    def proof_state(minutes)\n      unless minutes > 30\n        'underproofed'\n      else\n"
                       "        'proofed ' + minutes.to_s + ' min'\n      end\n    end\n")
        if rnd.random() < 0.4:
            src.append("\n    def safe_bake\n      yield\n    rescue Exception => e\n      puts e.message\n    end\n")
        if rnd.random() < 0.35:
            steps = "".join(f"      log << 'step {k}: fold the {b} dough and rest it'\n" for k in range(14))
            src.append(f"\n    def schedule\n      log = []\n{steps}      log\n    end\n")
        if rnd.random() < 0.3:
            src.append("\n    def score(depth)\n      puts -depth\n      depth.abs\n    end\n")
        src.append("  end\nend\n")
        files[f"lib/provebox/{name}.rb"] = "".join(src)
        if syntax_error and i == n // 2:
            files["lib/provebox/old_rota.rb"] = ("# frozen_string_literal: true\n\ndef rota\n  <<~SHIFT\n    early baker\n"
                                                 "  puts \"night shift\n")
        t = [f'# frozen_string_literal: true\n\nrequire_relative "test_helper"\nrequire_relative "../lib/provebox/{name}"\n\n'
             f"class {cls}Test < Minitest::Test\n"]
        for j in range(rnd.randint(3, 7)):
            g = rnd.randint(200, 1500)
            f = rnd.random()
            if f < 0.12:
                t.append(f"  def test_loaded_{j}\n    o = Provebox::{cls}.new(220).load(:{b}, 3)\n"
                         f"    assert_includes o.trays.map(&:first), :{b}_tin\n  end\n\n")
            elif f < 0.2:
                t.append(f"  def test_cold_oven_{j}\n    assert_raises(ArgumentError) {{ Provebox::{cls}.new(-{g}) }}\n  end\n\n")
            elif f < 0.27:
                t.append(f"  def test_minutes_{j}\n    assert_operator Provebox::{cls}.new(240).bake_minutes({g}), :<, {g // 40}\n  end\n\n")
            elif f < 0.33:
                t.append(f"  def test_tray_weight_{j}\n    assert_equal 3, Provebox::{cls}.new(200).tray(9).last\n  end\n\n")
            elif f < 0.38:
                t.append(f"  def test_label_{j}\n    label = \"{b}\"\n    label << \" loaf\"\n    assert_equal \"{b} loaf\", label\n  end\n\n")
            elif f < 0.43:
                t.append(f"  def test_per_tray_{j}\n    assert_equal {g}, {g} / Provebox::{cls}.new(200).trays.size\n  end\n\n")
            elif f < 0.47:
                t.append(f"  def test_crust_{j}\n    skip \"crust of {b} judged by eye\"\n  end\n\n")
            else:
                t.append(f"  def test_celsius_{j}\n    assert_equal {g % 100 + 150}, Provebox::{cls}.new({g % 100 + 150}).celsius\n  end\n\n")
        t.append("end\n")
        files[f"test/test_{name}.rb"] = "".join(t)
    cm.write_tree(root, files)


# ------------------------------------------------------------------ material: a bakery, Perl

def perl_project(root: Path, n: int, seed: int, parse_error: bool = False) -> None:
    """Bakery::* modules with Perl::Critic violations; t/*.t TAP tests that fail, miscount their plan and die."""
    rnd = random.Random(seed)
    files = {}
    for i in range(n):
        b = rnd.choice(BREADS)
        name = ["Oven", "Cabinet", "Baker"][i % 3] + str(i)
        src = [f"package Bakery::{name};\nuse strict;\nuse warnings;\n\nour $VERSION = '1.{i}';\n\n"
               f"sub new {{\n    my ($class, %args) = @_;\n    return bless {{ celsius => $args{{celsius}} // 220, trays => [] }}, $class;\n}}\n\n"
               f"sub load {{\n    my ($self, $bread, $count) = @_;\n    push @{{ $self->{{trays}} }}, [$bread, $count];\n    return $self;\n}}\n\n"
               f"sub bake_minutes {{\n    my ($self, $grams) = @_;\n"
               f"    return sprintf('%.1f', $grams / {rnd.randint(18, 29)} * 220 / $self->{{celsius}});\n}}\n"]
        if rnd.random() < 0.5:
            src.append("\nsub tray_of {\n    my ($self, $bread) = @_;\n    for my $t (@{ $self->{trays} }) {\n"
                       "        return $t if $t->[0] eq $bread;\n    }\n    return undef;\n}\n")
        if rnd.random() < 0.5:
            src.append("\nsub proof($$) {\n    my ($self, $minutes) = @_;\n    my $state = 'risen' if $minutes > 45;\n"
                       "    return $state || 'flat';\n}\n")
        if rnd.random() < 0.4:
            src.append("\nsub rota {\n    my $who = `whoami`;\n    sub shift_of { return 'early' }\n"
                       "    return $who && shift_of() and 'night';\n}\n")
        if rnd.random() < 0.4:
            src.append("\nsub count_loaves {\n    my $self = shift;\n    my $n = 0;\n"
                       "    for (my $i = 0; $i < @{ $self->{trays} }; $i++) {\n        $n += $self->{trays}[$i][1];\n    }\n"
                       "    $n\n}\n")
        if rnd.random() < 0.4:
            src.append("\nsub vent {\n    my $self = shift;\n    no strict 'refs';\n    my $mode = 0644;\n"
                       "    until ($self->{celsius} < 180) { $self->{celsius} -= 15 }\n"
                       "    unless ($mode) { return 'shut' }\n    return *{\"Bakery::vent_$mode\"};\n}\n")
        if parse_error and i == n // 2:
            src.append("\nsub broken_peel {\n    my ($self = @_;\n    return { peel => $self;\n")
        if rnd.random() < 0.85:
            src.append("\n1;\n")
        files[f"lib/Bakery/{name}.pm"] = "".join(src)
        nt = rnd.randint(4, 10)
        plan = nt + (rnd.choice([0, 0, 0, 2]))
        t = [f"use strict;\nuse warnings;\nuse Test::More tests => {plan};\nuse lib 'lib';\nuse Bakery::{name};\n\n"
             f"my $o = Bakery::{name}->new(celsius => {rnd.choice([180, 200, 220, 240])});\n"]
        for j in range(nt):
            g = rnd.randint(200, 1500)
            f = rnd.random()
            if f < 0.15:
                t.append(f"is($o->bake_minutes({g}), '{g / 20:.1f}', 'minutes for a {g} g {b}');\n")
            elif f < 0.25:
                t.append(f"cmp_ok($o->bake_minutes({g}), '<', {g // 45}, '{b} bakes fast enough');\n")
            elif f < 0.33:
                t.append(f"$o->load('{b}', {g % 12 + 1});\nis_deeply($o->{{trays}}, [['{b}', {g % 12 + 2}]], 'trays after loading {b}');\n")
            elif f < 0.37:
                t.append(f"my $peel{j} = $o->{{peel}}->{{width}} / 0;\nok($peel{j}, 'peel width');\n")
            else:
                t.append(f"ok($o->{{celsius}} >= 180, 'oven {name} is hot');\n")
        files[f"t/{i:02d}-{name.lower()}.t"] = "".join(t)
    cm.write_tree(root, files)


# ------------------------------------------------------------------ steps

def php(tmp: Path) -> None:
    for i, (n, seed) in enumerate([(5, 42310), (14, 42311), (30, 42312), (40, 42313)]):
        root = tmp / f"crumbworks{i}"
        php_project(root, n, seed)
        boot = "--bootstrap src/autoload.php tests"
        if i < 3:
            cap(f"phpunit-log-junit-{i}", f"phpunit {boot} --log-junit build/junit.xml >/dev/null; cat build/junit.xml",
                root, n_phpunit_junit, timeout=300)
        cap(f"phpunit-teamcity-{i}", f"phpunit --teamcity {boot}", root, n_phpunit_teamcity, timeout=300)
        if i < 3:
            std = ["PEAR", "PSR12", "PSR12"][i]
            cap(f"phpcs-checkstyle-{i}", f"phpcs --standard={std} --report=checkstyle src", root, n_phpcs_checkstyle,
                timeout=300)
        cap(f"phpcs-csv-{i}", f"phpcs --standard={['PSR12', 'PEAR', 'PSR12', 'PSR2'][i]} --report=csv src", root,
            n_phpcs_csv, timeout=300)
        if i < 3:
            files = "src" if i == 0 else f"$(ls src/*.php | head -n {[0, 8, 8][i]})"
            cap(f"phpcs-code-{i}", f"phpcs --standard={['PEAR', 'PSR12', 'Squiz'][i]} --report=code --report-width=120 "
                f"{files}", root, n_phpcs_code, timeout=300)


def ruby(tmp: Path) -> None:
    for i, (n, seed, bad) in enumerate([(4, 42320, True), (12, 42321, False), (26, 42322, True), (40, 42323, False)]):
        root = tmp / f"provebox{i}"
        ruby_project(root, n, seed, syntax_error=bad)
        run = "ruby -Ilib -Itest test/all.rb --seed 42310" + (" -v" if i == 2 else "")
        cap(f"minitest-reporters-spec-{i}", run, root, n_minitest_spec, timeout=300)
        if i != 1:
            cap(f"rubocop-clang-{i}", "rubocop --cache false --format clang lib", root, n_rubocop_clang, timeout=300)
        if i != 0:
            cap(f"rubocop-tap-{i}", "rubocop --cache false --format tap lib", root, n_rubocop_tap, timeout=300)
        if i < 3:
            target = "lib" if i != 1 else "lib/provebox/baker2.rb lib/provebox/loaf3.rb"
            only = "" if i == 1 else " --display-only-failed"
            cap(f"rubocop-junit-{i}", f"rubocop --cache false --format junit{only} {target}", root, n_rubocop_junit,
                timeout=300)


def perl(tmp: Path) -> None:
    for i, (n, seed, bad) in enumerate([(5, 42330, True), (12, 42331, False), (26, 42332, True), (40, 42333, False)]):
        root = tmp / f"bakery{i}"
        perl_project(root, n, seed, parse_error=bad)
        if i < 3:
            cap(f"prove-junit-{i}", "prove --formatter TAP::Formatter::JUnit -l t", root, n_prove_junit, timeout=300)
        verb, sev = [(9, 2), (10, 3), (8, 1), (11, 4)][i]
        cap(f"perlcritic-verbose-{i}", f"perlcritic --severity {sev} --verbose {verb} lib", root, n_perlcritic_verbose,
            timeout=300)
        if i == 1:
            cap("perlcritic-verbose-4", "perlcritic --severity 5 --verbose 11 lib", root, n_perlcritic_verbose, timeout=300)
        if i < 3:
            cap(f"perlcritic-statistics-{i}", "perlcritic --statistics-only --severity 2 lib" if i != 2
                else "perlcritic --statistics --severity 4 --verbose 9 lib", root, n_perlcritic_statistics, timeout=300)


STEPS = [php, ruby, perl]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    main()
