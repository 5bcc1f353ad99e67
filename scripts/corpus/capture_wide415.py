"""Capture round 415 of the compression corpus: PHP, Ruby and Perl checkers and test runners in formats the corpus
lacks, on projects written here with faults put in (a cider press's names: apples, pomace, vats, batches):
phpunit --log-junit and --teamcity, phpcs's checkstyle / csv / code reports, rubocop's clang / tap / junit formatters,
minitest run through minitest-reporters' SpecReporter, prove with TAP::Formatter::JUnit, perlcritic's verbose formats
and its statistics. Every kind's extractor is new here (NEEDLES.md's "Round 415"), fixed before capture.
Nothing captured was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide415.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide415.json  as {"version": 2, "items": [...]}, ids prefixed "wide415-".
Tools:   Debian's phpunit, php-codesniffer, rubocop, ruby-minitest-reporters, libperl-critic-perl,
         libtap-formatter-junit-perl (apt-get install -y ... once).
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide415-"
DEFAULT_OUT = HERE / "data" / "wide415.json"
TMP = Path("/dev/shm/hm-corpus-wide415")
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


# ------------------------------------------------------------------ extractors (fixed before capture)

def _attr(ln: str, name: str) -> str | None:
    m = re.search(rf"\b{name}=(\"([^\"]*)\"|'([^']*)')", ln)
    return (m.group(2) if m.group(2) is not None else m.group(3)) if m else None


@cm.kind("phpunit-log-junit", "test")
def n_phpunit_junit(lines):
    """first <testsuite line (totals), every <testcase line followed within 3 lines by <failure/<error, that element's first line"""
    out = [next((ln for ln in lines if re.match(r"^\s*<testsuite\b", ln)), None)]
    for i, ln in enumerate(lines):
        if re.match(r"^\s*<testcase\b", ln):
            for k in range(i + 1, min(len(lines), i + 4)):
                if re.match(r"^\s*<(failure|error)\b", lines[k]):
                    out += [ln, lines[k]]
                    break
    return out


@cm.kind("phpunit-teamcity", "test")
def n_phpunit_teamcity(lines):
    """every ##teamcity[testFailed line, the closing FAILURES!/ERRORS!/OK/Tests: summary lines"""
    return [ln for ln in lines if ln.startswith("##teamcity[testFailed")
            or re.match(r"^(FAILURES!|ERRORS!|OK \(|OK, but|Tests: \d+, Assertions:)", ln)]


@cm.kind("phpcs-checkstyle", "lint")
def n_phpcs_checkstyle(lines):
    """every severity=error element with its <file name= line; warnings one any per (source, file)"""
    out, pairs, cur = [], [], None
    for ln in lines:
        if re.match(r"^\s*<file name=", ln):
            cur = ln
        elif re.match(r"^\s*<error\b", ln):
            if _attr(ln, "severity") == "error":
                out += [cur, ln]
            else:
                pairs.append(((_attr(ln, "source"), cur), ln))
    return out + cm.groups(pairs)


@cm.kind("phpcs-csv", "lint")
def n_phpcs_csv(lines):
    """header row; every row of Type error; warning rows one any per (Source, File)"""
    out, pairs = [], []
    for ln in lines:
        if ln.startswith("File,Line,Column,Type"):
            out.append(ln)
            continue
        try:
            row = next(csv.reader([ln]))
        except Exception:
            continue
        if len(row) < 6:
            continue
        if row[3] == "error":
            out.append(ln)
        elif row[3] == "warning":
            pairs.append(((row[5], row[0]), ln))
    return out + cm.groups(pairs)


@cm.kind("phpcs-code", "lint")
def n_phpcs_code(lines):
    """every LINE n: ERROR line with its FILE: header; LINE n: WARNING lines one any per (sniff code, file)"""
    out, pairs, cur = [], [], None
    for ln in lines:
        if ln.startswith("FILE: "):
            cur = ln
        elif re.match(r"^LINE\s+\d+:\s+ERROR", ln):
            out += [cur, ln]
        elif re.match(r"^LINE\s+\d+:\s+WARNING", ln):
            m = re.findall(r"\(([\w.]+)\)", ln)
            pairs.append(((m[-1] if m else cm.mask(ln), cur), ln))
    return out + cm.groups(pairs)


RUBOCOP_OFFENSE = re.compile(r"^(?:# )?(.+?):(\d+):(\d+): ([CWREFI]): (?:\[[\w ]+\] )?([A-Z][\w]*/[\w/]+|[\w/]+):")


def _rubocop_offenses(lines, out, pairs):
    for ln in lines:
        m = RUBOCOP_OFFENSE.match(ln)
        if not m:
            continue
        if m.group(4) in "EF":
            out.append(ln)
        else:
            pairs.append(((m.group(5), m.group(1)), ln))


@cm.kind("rubocop-clang", "lint")
def n_rubocop_clang(lines):
    """every E:/F: offense line; other offenses one any per (cop, file); the N files inspected summary"""
    out, pairs = [], []
    _rubocop_offenses(lines, out, pairs)
    out += [ln for ln in lines if re.search(r"\d+ files? inspected", ln)]
    return out + cm.groups(pairs)


@cm.kind("rubocop-tap", "lint")
def n_rubocop_tap(lines):
    """every not ok line; E:/F: offense lines; other offenses one any per (cop, file); the N files inspected summary"""
    out = [ln for ln in lines if ln.startswith("not ok")]
    pairs: list = []
    _rubocop_offenses(lines, out, pairs)
    out += [ln for ln in lines if re.search(r"\d+ files? inspected", ln)]
    return out + cm.groups(pairs)


@cm.kind("rubocop-junit", "lint")
def n_rubocop_junit(lines):
    """the <testsuite line; every Lint/Syntax <failure line; other <failure lines one any per (cop, testcase classname)"""
    out = [ln for ln in lines if re.match(r"^\s*<testsuite\b", ln)]
    pairs, cls = [], None
    for ln in lines:
        if "<testcase" in ln:
            cls = _attr(ln, "classname")
        if "<failure" in ln:
            cop = _attr(ln, "type")
            if cop == "Lint/Syntax":
                out.append(ln)
            else:
                pairs.append(((cop, cls), ln))
    return out + cm.groups(pairs)


@cm.kind("minitest-reporters-spec", "test")
def n_minitest_spec(lines):
    """every test line marked FAIL or ERROR with the first non-blank line after it; Finished in and counts lines"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\s(FAIL|ERROR) \(\d", ln):
            out.append(ln)
            nxt = next((x for x in lines[i + 1:] if x.strip()), None)
            out.append(nxt)
        elif ln.startswith("Finished in") or re.match(r"^\d+ tests, \d+ assertions", ln):
            out.append(ln)
    return out


@cm.kind("prove-junit", "test")
def n_prove_junit(lines):
    """every <testsuite line with failures or errors not 0, every <failure/<error line with its <testcase line above"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*<testsuite\b", ln) and (_attr(ln, "failures") not in (None, "0")
                                                  or _attr(ln, "errors") not in (None, "0")):
            out.append(ln)
        if re.search(r"<(failure|error)\b", ln):
            out.append(ln)
            if "<testcase" not in ln:
                out.append(cm.prev_match(lines, i, r"<testcase\b", 3))
    return out


def _perlcritic_violations(lines):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.search(r"Problem while critiquing|Can't parse", ln):
            out.append(ln)
        m = re.search(r"Severity: (\d)", ln)
        if not m:
            continue
        sev = int(m.group(1))
        two_line = re.match(r"^\s+([\w:]+) \(Severity: \d\)", ln)
        msg = lines[i - 1] if two_line and i > 0 else ln
        if two_line:
            pol = two_line.group(1)
        else:
            pm = re.search(r"\[([\w:]+)\]", ln)
            pol = pm.group(1) if pm else cm.mask(ln)
        fm = re.match(r"^(\S+?\.(?:pm|pl|t|PL)): ", msg)
        f = fm.group(1) if fm else ""
        if sev >= 4:
            out.append(ln)
            if two_line:
                out.append(msg)
        else:
            pairs.append(((pol, f), ln))
    return out, pairs


@cm.kind("perlcritic-verbose", "lint")
def n_perlcritic_verbose(lines):
    """severity 4-5 violations (the Severity line, and the message line above in formats 10/11); severity 1-3 one any per (policy, file); parse errors"""
    out, pairs = _perlcritic_violations(lines)
    return out + cm.groups(pairs)


@cm.kind("perlcritic-statistics", "lint")
def n_perlcritic_statistics(lines):
    """every line of the statistics block holding a number; violations above it by perlcritic-verbose's rule"""
    start = next((i for i, ln in enumerate(lines) if re.match(r"^\s*\d+ files?\.", ln)), len(lines))
    out, pairs = _perlcritic_violations(lines[:start])
    out += [ln for ln in lines[start:] if re.search(r"\d", ln)]
    return out + cm.groups(pairs)


# ------------------------------------------------------------------ material: a cider press

VARIETIES = ["bramley", "kingston_black", "dabinett", "yarlington_mill", "foxwhelp", "ellis_bitter", "tremletts",
             "browns", "harry_masters", "michelin", "sweet_coppin", "stoke_red"]


def php_project(root: Path, n: int, seed: int) -> None:
    """A PHP project CiderPress\\ of n classes with style faults and tests that fail and error."""
    rnd = random.Random(seed)
    files = {"src/autoload.php": "<?php\nspl_autoload_register(function ($c) {\n    $p = __DIR__ . '/' . "
             "str_replace('CiderPress\\\\', '', $c) . '.php';\n    if (is_file($p)) {\n        require $p;\n    }\n});\n"}
    for i in range(n):
        v = rnd.choice(VARIETIES)
        cls = f"Vat{i}" if i % 3 == 0 else (f"Pomace{i}" if i % 3 == 1 else f"Batch{i}")
        body = [f"<?php\nnamespace CiderPress;\n\nuse InvalidArgumentException;\n\n"]
        body.append(f"/**\n * {cls}: the {v} line of the press.\n */\nclass {cls}\n{{\n    private $litres;\n"
                    f"    private $apples = [];\n\n    public function __construct(float $litres)\n    {{\n"
                    f"        $this->litres = $litres;\n    }}\n\n")
        body.append(f"    public function addApples(string $variety, int $kg): void\n    {{\n        if ($kg < 0) {{\n"
                    f"            throw new InvalidArgumentException(\"negative kg for $variety\");\n        }}\n"
                    f"        $this->apples[$variety] = ($this->apples[$variety] ?? 0) + $kg;\n    }}\n\n")
        body.append(f"    public function juiceYield(): float\n    {{\n        $kg = array_sum($this->apples);\n"
                    f"        return round($kg * 0.{rnd.randint(55, 72)}, 2);\n    }}\n\n")
        if rnd.random() < 0.6:
            body.append(f"    public function press_pomace($ratio){{\n        $pomace=array_sum($this->apples)*$ratio;\n"
                        f"        if($pomace>100) return $pomace/0;\n        return $pomace;\n    }}\n\n")
        if rnd.random() < 0.5:
            body.append(f"    public function describeTheWholeBatchForTheCellarBookIncludingEveryVarietyAndItsWeight(): string "
                        f"{{ return implode(', ', array_map(fn($k, $v) => \"$k=$v\", array_keys($this->apples), $this->apples)); }}\n\n")
        if rnd.random() < 0.4:
            body.append("\tpublic function fill($x) {\n\t\t$this->litres += $x; return $this->litres;\n\t}\n\n")
        if rnd.random() < 0.4:
            body.append("    function sugar_gravity() { $sg = 1.050; return $sg; }\n\n")
        body.append("    public function litres(): float\n    {\n        return $this->litres;\n    }\n}\n")
        if rnd.random() < 0.3:
            body.append("?>\n\n")
        files[f"src/{cls}.php"] = "".join(body)
        t = [f"<?php\nnamespace CiderPress\\Tests;\n\nuse CiderPress\\{cls};\nuse PHPUnit\\Framework\\TestCase;\n\n"
             f"final class {cls}Test extends TestCase\n{{\n"]
        for j in range(rnd.randint(3, 7)):
            kg = rnd.randint(5, 400)
            fault = rnd.random()
            if fault < 0.2:
                exp = round(kg * 0.6, 2)
                t.append(f"    public function testYield{j}(): void\n    {{\n        $v = new {cls}({kg * 0.7});\n"
                         f"        $v->addApples('{v}', {kg});\n        $this->assertEquals({exp}, $v->juiceYield());\n    }}\n\n")
            elif fault < 0.3:
                t.append(f"    public function testNegative{j}(): void\n    {{\n        $v = new {cls}(10);\n"
                         f"        $v->addApples('{v}', -{kg});\n        $this->assertSame(0.0, $v->juiceYield());\n    }}\n\n")
            elif fault < 0.4:
                t.append(f"    public function testCellar{j}(): void\n    {{\n        $v = new {cls}(10);\n"
                         f"        $this->assertStringContainsString('{v}', $v->cellarLabel());\n    }}\n\n")
            elif fault < 0.5:
                t.append(f"    public function testVarieties{j}(): void\n    {{\n        $v = new {cls}(10);\n"
                         f"        $v->addApples('{v}', {kg});\n        $this->assertCount(2, (array) $v);\n    }}\n\n")
            elif fault < 0.55:
                t.append(f"    public function testWarn{j}(): void\n    {{\n        $rows = [];\n"
                         f"        $this->assertNull($rows['{v}']);\n    }}\n\n")
            else:
                t.append(f"    public function testLitres{j}(): void\n    {{\n        $v = new {cls}({kg});\n"
                         f"        $this->assertSame({float(kg)}, $v->litres());\n    }}\n\n")
        t.append("}\n")
        files[f"tests/{cls}Test.php"] = "".join(t)
    cm.write_tree(root, files)


def ruby_project(root: Path, n: int, seed: int, syntax_error: bool = False) -> None:
    """A Ruby library cidervat of n files with RuboCop offenses and minitest tests that fail and error."""
    rnd = random.Random(seed)
    files = {"test/test_helper.rb": 'require "minitest/autorun"\nrequire "minitest/reporters"\n'
             'Minitest::Reporters.use! Minitest::Reporters::SpecReporter.new(color: false)\n',
             "test/all.rb": 'Dir[File.join(__dir__, "test_*.rb")].sort.each { |f| require f }\n'}
    for i in range(n):
        v = rnd.choice(VARIETIES)
        name = ["vat", "pomace", "press", "barrel"][i % 4] + str(i)
        cls = name.capitalize()
        src = [f"# frozen_string_literal: true\n\nmodule Cidervat\n  # {cls} holds the {v} juice\n  class {cls}\n"
               f"    attr_reader :litres\n\n    def initialize(litres)\n      @litres = litres\n      @apples = {{}}\n    end\n\n"
               f"    def add_apples(variety, kg)\n      raise ArgumentError, \"negative kg for #{{variety}}\" if kg.negative?\n\n"
               f"      @apples[variety] = @apples.fetch(variety, 0) + kg\n    end\n\n"
               f"    def juice_yield\n      (@apples.values.sum * 0.{rnd.randint(55, 72)}).round(2)\n    end\n"]
        if rnd.random() < 0.6:
            src.append("\n    def pressPomace(ratio)\n      pomace = @apples.values.sum * ratio\n      unused = 3\n"
                       "      return pomace / 0 if pomace > 100\n      return pomace\n    end\n")
        if rnd.random() < 0.5:
            src.append('\n    def label\n      eval("\\"#{@litres} litres\\"")\n    end\n')
        if rnd.random() < 0.4:
            src.append("\n    def describe_the_whole_batch_for_the_cellar_book(include_weights = true, include_varieties = true)\n"
                       "      @apples.map { |k, v| include_weights ? \"#{k}=#{v}\" : k.to_s }.join(', ') if include_varieties\n    end\n")
        if rnd.random() < 0.3:
            src.append("\n    def ferment(days)\n      if days > 10 then :dry else :sweet end\n    end\n")
        src.append("  end\nend\n")
        files[f"lib/cidervat/{name}.rb"] = "".join(src)
        if syntax_error and i == n // 2:  # a file the tests do not load, so only rubocop meets it
            files["lib/cidervat/legacy_press.rb"] = "# frozen_string_literal: true\n\ndef broken_press(x\n  x +\nend\n"
        t = [f'require_relative "test_helper"\nrequire_relative "../lib/cidervat/{name}"\n\n'
             f"class {cls}Test < Minitest::Test\n"]
        for j in range(rnd.randint(3, 7)):
            kg = rnd.randint(5, 400)
            fault = rnd.random()
            if fault < 0.2:
                t.append(f"  def test_yield_{j}\n    v = Cidervat::{cls}.new({kg})\n    v.add_apples(:{v}, {kg})\n"
                         f"    assert_equal {round(kg * 0.6, 2)}, v.juice_yield\n  end\n\n")
            elif fault < 0.3:
                t.append(f"  def test_negative_{j}\n    v = Cidervat::{cls}.new(10)\n    v.add_apples(:{v}, -{kg})\n"
                         f"    assert_in_delta 0.0, v.juice_yield\n  end\n\n")
            elif fault < 0.4:
                t.append(f"  def test_cellar_{j}\n    v = Cidervat::{cls}.new(10)\n    assert_match(/{v}/, v.cellar_label)\n  end\n\n")
            elif fault < 0.45:
                t.append(f"  def test_skip_{j}\n    skip \"{v} not harvested yet\"\n  end\n\n")
            else:
                t.append(f"  def test_litres_{j}\n    assert_equal {kg}, Cidervat::{cls}.new({kg}).litres\n  end\n\n")
        t.append("end\n")
        files[f"test/test_{name}.rb"] = "".join(t)
    cm.write_tree(root, files)


def perl_project(root: Path, n: int, seed: int, parse_error: bool = False) -> None:
    """Perl modules Cider::* with Perl::Critic violations and t/*.t TAP tests that fail."""
    rnd = random.Random(seed)
    files = {}
    for i in range(n):
        v = rnd.choice(VARIETIES)
        name = ["Press", "Vat", "Pomace", "Cellar"][i % 4] + str(i)
        src = [f"package Cider::{name};\n"]
        if rnd.random() < 0.7:
            src.append("use strict;\nuse warnings;\n")
        src.append(f"\nour $VERSION = '0.{i}';\n\nsub new {{\n    my ($class, %args) = @_;\n"
                   f"    return bless {{ litres => $args{{litres}} || 0, apples => {{}} }}, $class;\n}}\n\n"
                   f"sub add_apples {{\n    my ($self, $variety, $kg) = @_;\n    die \"negative kg for $variety\\n\" if $kg < 0;\n"
                   f"    $self->{{apples}}{{$variety}} += $kg;\n    return $self;\n}}\n\n"
                   f"sub juice_yield {{\n    my $self = shift;\n    my $kg = 0;\n    $kg += $_ for values %{{ $self->{{apples}} }};\n"
                   f"    return sprintf('%.2f', $kg * 0.{rnd.randint(55, 72)});\n}}\n")
        if rnd.random() < 0.6:
            src.append(f"\nsub load_ledger {{\n    my $file = shift;\n    open(LEDGER, $file) or return;\n    my @rows = <LEDGER>;\n"
                       f"    close LEDGER;\n    return @rows;\n}}\n")
        if rnd.random() < 0.5:
            src.append(f"\nsub gravity {{\n    my $expr = shift;\n    return eval \"$expr\";\n}}\n")
        if rnd.random() < 0.4:
            src.append(f"\nsub label {{\n    my $self = shift;\n    local $_ = '{v}';\n    s/_/ /g;\n    return ucfirst $_ unless !$self->{{litres}};\n}}\n")
        if rnd.random() < 0.3:
            src.append("\nsub sort_casks { my @c = sort { $a <=> $b } @_; return wantarray ? @c : \\@c }\n")
        if parse_error and i == n // 2:
            src.append("\nsub broken {\n    my $x = shift\n    return $x +;\n")
        src.append("\n1;\n")
        files[f"lib/Cider/{name}.pm"] = "".join(src)
        t = [f"use strict;\nuse warnings;\nuse Test::More;\nuse lib 'lib';\nuse Cider::{name};\n\n"
             f"my $v = Cider::{name}->new(litres => {rnd.randint(50, 900)});\n"]
        for j in range(rnd.randint(4, 10)):
            kg = rnd.randint(5, 400)
            fault = rnd.random()
            if fault < 0.2:
                t.append(f"$v->add_apples('{v}', {kg});\nis($v->juice_yield, '{kg * 0.6:.2f}', 'yield after {kg} kg of {v}');\n")
            elif fault < 0.3:
                t.append(f"is_deeply([sort keys %{{ $v->{{apples}} }}], ['{v}', 'foxwhelp'], 'varieties in the vat');\n")
            elif fault < 0.37:
                t.append(f"ok(eval {{ $v->add_apples('{v}', -{kg}); 1 }}, 'negative {v} rejected quietly') or diag $@;\n")
            elif fault < 0.42:
                t.append(f"like($v->label, qr/{v.upper()}/, 'label names {v}');\n")
            else:
                t.append(f"ok($v->{{litres}} > 0, 'vat {name} has juice');\n")
        t.append("done_testing();\n" if rnd.random() < 0.85 else "")
        files[f"t/{i:02d}-{name.lower()}.t"] = "".join(t)
    cm.write_tree(root, files)


# ------------------------------------------------------------------ steps

def php(tmp: Path) -> None:
    for i, (n, seed) in enumerate([(4, 41510), (12, 41511), (30, 41512), (40, 41513)]):
        root = tmp / f"press{i}"
        php_project(root, n, seed)
        boot = "--bootstrap src/autoload.php tests"
        if i < 3:
            cap(f"phpunit-log-junit-{i}", f"phpunit {boot} --log-junit build/junit.xml >/dev/null; cat build/junit.xml",
                root, n_phpunit_junit, timeout=300)
        cap(f"phpunit-teamcity-{i}", f"phpunit --teamcity {boot}", root, n_phpunit_teamcity, timeout=300)
        std = "PSR12" if i % 2 == 0 else "PEAR"
        if i < 3:
            cap(f"phpcs-checkstyle-{i}", f"phpcs --standard={std} --report=checkstyle src", root, n_phpcs_checkstyle, timeout=300)
        cap(f"phpcs-csv-{i}", f"phpcs --standard={'PSR12' if i != 2 else 'PEAR'} --report=csv src", root, n_phpcs_csv, timeout=300)
        if i < 3:
            files = "src" if i == 0 else f"$(ls src/*.php | head -n {[0, 6, 20][i]})"
            cap(f"phpcs-code-{i}", f"phpcs --standard={'PSR12' if i != 1 else 'Squiz'} --report=code --report-width=120 {files}", root, n_phpcs_code, timeout=300)


def ruby(tmp: Path) -> None:
    for i, (n, seed, bad) in enumerate([(3, 41520, False), (10, 41521, True), (24, 41522, False), (40, 41523, True)]):
        root = tmp / f"cidervat{i}"
        ruby_project(root, n, seed, syntax_error=bad)
        cap(f"minitest-reporters-spec-{i}", "ruby -Ilib -Itest test/all.rb --seed 41510 -v" if i == 1 else "ruby -Ilib -Itest test/all.rb --seed 41510",
            root, n_minitest_spec, timeout=300)
        cap(f"rubocop-clang-{i}", "rubocop --cache false --format clang lib", root, n_rubocop_clang, timeout=300)
        cap(f"rubocop-tap-{i}", "rubocop --cache false --format tap lib", root, n_rubocop_tap, timeout=300)
        if i < 3:
            only = "" if i == 0 else " --display-only-failed"
            target = "lib/cidervat/vat0.rb" if i == 0 else "lib"
            cap(f"rubocop-junit-{i}", f"rubocop --cache false --format junit{only} {target}", root, n_rubocop_junit, timeout=300)


def perl(tmp: Path) -> None:
    for i, (n, seed, bad) in enumerate([(4, 41530, False), (10, 41531, True), (24, 41532, False), (44, 41533, True)]):
        root = tmp / f"ciderpl{i}"
        perl_project(root, n, seed, parse_error=bad)
        if i < 3:
            cap(f"prove-junit-{i}", "prove --formatter TAP::Formatter::JUnit -l t", root, n_prove_junit, timeout=300)
        verb, sev = [(8, 3), (11, 3), (10, 5), (9, 1)][i]
        cap(f"perlcritic-verbose-{i}", f"perlcritic --severity {sev} --verbose {verb} lib", root, n_perlcritic_verbose, timeout=300)
        if i == 0:
            cap("perlcritic-verbose-4", "perlcritic --severity 2 --verbose 9 lib", root, n_perlcritic_verbose, timeout=300)
        if i < 3:
            cap(f"perlcritic-statistics-{i}", "perlcritic --statistics-only --severity 1 lib" if i != 1
                else "perlcritic --statistics --severity 3 --verbose 8 lib", root, n_perlcritic_statistics, timeout=300)


STEPS = [php, ruby, perl]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    main()
