"""Round 19, PHP and Perl: a currency library in PHP (phpunit, php -l, a fatal error among warnings) and an inventory
parser in Perl (prove, perl -w), each with real bugs put in. Run through capture_wide19.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import write_tree
from capture_wide import n_prove
from capture_wide4 import n_perl
from capture_wide10_langs import n_php_fatal, n_php_lint, n_phpunit
from capture_wide19 import cap

PHP = {
    "composer.json": '{"name": "acme/rates", "autoload": {"psr-4": {"Acme\\\\": "src/"}}, "require-dev": {"phpunit/phpunit": "^9"}}\n',
    "src/Money.php": """<?php
declare(strict_types=1);

namespace Acme;

final class Money
{
    public function __construct(public readonly int $cents, public readonly string $currency = 'EUR') {}

    public static function parse(string $s): self
    {
        [$amount, $cur] = explode(' ', trim($s)) + [1 => 'EUR'];
        return new self((int) round((float) $amount * 100), $cur);
    }

    public function add(Money $o): self
    {
        if ($o->currency !== $this->currency) {
            throw new \\InvalidArgumentException("currency mismatch: {$this->currency} vs {$o->currency}");
        }
        return new self($this->cents + $o->cents, $this->currency);
    }

    public function allocate(int $n): array
    {
        $base = intdiv($this->cents, $n);
        $parts = array_fill(0, $n, $base);
        for ($i = 0; $i < $this->cents % $n - 1; $i++) {
            $parts[$i]++;
        }
        return array_map(fn ($c) => new self($c, $this->currency), $parts);
    }

    public function format(): string
    {
        return number_format($this->cents / 100, 2) . ' ' . $this->currency;
    }
}
""",
    "src/RateTable.php": """<?php
declare(strict_types=1);

namespace Acme;

final class RateTable
{
    /** @var array<string, float> */
    private array $rates = [];

    public function set(string $pair, float $rate): void { $this->rates[strtoupper($pair)] = $rate; }

    public function convert(Money $m, string $to): Money
    {
        if ($m->currency === $to) {
            return $m;
        }
        $rate = $this->rates["{$m->currency}/{$to}"] ?? 1 / $this->rates["{$to}/{$m->currency}"];
        return new Money((int) floor($m->cents * $rate), $to);
    }

    public static function fromCsv(string $path): self
    {
        $t = new self();
        foreach (file($path, FILE_IGNORE_NEW_LINES) as $i => $line) {
            [$pair, $rate] = explode(',', $line);
            $t->set(trim($pair), (float) $rate);
        }
        return $t;
    }
}
""",
    "tests/MoneyTest.php": """<?php
declare(strict_types=1);

use Acme\\Money;
use Acme\\RateTable;
use PHPUnit\\Framework\\TestCase;

final class MoneyTest extends TestCase
{
    public static function parses(): array
    {
        return [['1.00', 100], ['19.99', 1999], ['0.1', 10], ['1,5', 150], ['1e2', 10000], ['  3.50 ', 350],
                ['1234.567', 123457], ['0', 0], ['-2.25', -225], ['4.005', 401]];
    }

    /** @dataProvider parses */
    public function testParse(string $in, int $cents): void
    {
        $this->assertSame($cents, Money::parse($in)->cents);
    }

    public static function allocations(): array
    {
        return [[100, 3, [34, 33, 33]], [10, 4, [3, 3, 2, 2]], [5, 5, [1, 1, 1, 1, 1]], [7, 2, [4, 3]], [0, 3, [0, 0, 0]]];
    }

    /** @dataProvider allocations */
    public function testAllocate(int $cents, int $n, array $want): void
    {
        $got = array_map(fn (Money $m) => $m->cents, (new Money($cents))->allocate($n));
        $this->assertSame($want, $got);
    }

    public function testAddRejectsOtherCurrency(): void
    {
        $this->expectException(InvalidArgumentException::class);
        (new Money(1, 'EUR'))->add(new Money(1, 'USD'));
    }

    public function testFormat(): void { $this->assertSame('1,234.50 EUR', (new Money(123450))->format()); }

    public function testConvertInverse(): void
    {
        $t = new RateTable();
        $t->set('eur/usd', 1.25);
        $this->assertSame(80, $t->convert(new Money(100, 'USD'), 'EUR')->cents);
    }

    public function testConvertUnknownPair(): void
    {
        $t = new RateTable();
        $this->assertSame(100, $t->convert(new Money(100, 'GBP'), 'JPY')->cents);
    }
}
""",
    "bin/convert.php": """<?php
declare(strict_types=1);

require __DIR__ . '/../vendor/autoload.php';

use Acme\\Money;
use Acme\\RateTable;

$table = RateTable::fromCsv($argv[1]);
foreach (array_slice($argv, 2) as $arg) {
    $m = Money::parse($arg);
    printf("%-14s = %s\\n", $m->format(), $table->convert($m, 'EUR')->format());
}
""",
    "vendor/autoload.php": """<?php
spl_autoload_register(function (string $class): void {
    $file = __DIR__ . '/../src/' . str_replace(['Acme\\\\', '\\\\'], ['', '/'], $class) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
""",
    "phpunit.xml": """<?xml version="1.0" encoding="UTF-8"?>
<phpunit bootstrap="vendor/autoload.php" colors="false">
  <testsuites><testsuite name="unit"><directory>tests</directory></testsuite></testsuites>
</phpunit>
""",
}

# files with syntax errors for php -l: a missing semicolon, an unclosed brace, a stray token, a bad arrow fn
PHP_BAD = {
    "src/Ledger.php": "<?php\nnamespace Acme;\n\nfinal class Ledger\n{\n    private array $rows = []\n\n    public function add(Money $m): void { $this->rows[] = $m; }\n}\n",
    "src/Invoice.php": "<?php\nnamespace Acme;\n\nfinal class Invoice\n{\n    public function total(array $lines): int\n    {\n        return array_sum(array_map(fn ($l) => $l['qty'] * $l['price'], $lines);\n    }\n}\n",
    "src/Report.php": "<?php\nnamespace Acme;\n\nfinal class Report\n{\n    public function rows(array $r): string\n    {\n        foreach ($r as $k => $v) {\n            echo \"$k: $v\\n\";\n        \n    }\n}\n",
    "src/Tax.php": "<?php\nnamespace Acme;\n\nenum Tax: int\n{\n    case Full = 19;\n    case Reduced = 7;\n    case Zero = 0\n}\n",
}

PHP_RATES = ("EUR/USD,1.08\nEUR/GBP,0.86\nEUR/CHF\nEUR/JPY,162.4\nSEK/EUR,0.087\nEUR/PLN\nEUR/DKK,7.46\n"
             "EUR/CZK;25.3\nEUR/HUF,395.2\nEUR/RON\nEUR/NOK 11.7\nEUR/ISK\nEUR/BGN,1.9558\nEUR/TRY\n"
             "EUR/AUD,1.66\nEUR/CAD\nEUR/SGD,1.45\nEUR/MXN\nEUR/ZAR,20.1\n")


def cap_php(tmp: Path) -> None:
    d = tmp / "rates"
    write_tree(d, {**PHP, "data/rates.csv": PHP_RATES})
    cap("phpunit-rates", "phpunit", d, n_phpunit, timeout=300)
    cap("php-fatal-convert", "php bin/convert.php data/rates.csv '12.50 USD' '3 GBP' '2500 JPY' '7.46 DKK' '900 SEK' "
        "'64.20 USD' '1500 HUF' '0.99 GBP' '8 USD' '12 DKK' '700 SEK' '45.10 PLN' '20 CHF'", d, n_php_fatal)
    write_tree(d, PHP_BAD)
    write_tree(d, {f"src/Model/{n}.php": f"<?php\nnamespace Acme\\Model;\n\nfinal class {n}\n{{\n    public function __construct(public readonly int $id) {{}}\n}}\n"
                   for n in ["Account", "Budget", "Category", "Currency", "Customer", "Entry", "Journal", "Payee",
                             "Period", "Rate", "Rule", "Split", "Statement", "Transfer", "Vendor"]})
    cap("php-l-src", 'for f in src/*.php src/Model/*.php; do php -l "$f"; done', d, n_php_lint)


# ================================================================== Perl

PERL_LIB = """package Inventory::Parse;
use strict;
use warnings;
use Exporter 'import';
our @EXPORT_OK = qw(parse_line parse_qty trim normalize_sku);

sub trim { my $s = shift; $s =~ s/^\\s+|\\s+$//g; return $s }

sub parse_qty {
    my $q = shift;
    return undef unless defined $q && $q =~ /^(\\d+)\\s*(pcs|box|kg)?$/;
    my ($n, $unit) = ($1, $2 // 'pcs');
    return $unit eq 'box' ? $n * 12 : $n;
}

sub normalize_sku {
    my $sku = uc trim(shift);
    $sku =~ s/[^A-Z0-9]//g;
    return $sku;
}

sub parse_line {
    my ($line) = @_;
    my ($sku, $name, $qty, $price) = split /;/, $line;
    return { sku => normalize_sku($sku), name => trim($name), qty => parse_qty($qty), price => $price + 0 };
}

1;
"""

PERL_TESTS = {
    "t/01-trim.t": "use strict; use warnings;\nuse Test::More;\nuse lib 'lib';\nuse Inventory::Parse qw(trim);\n\n"
    + "".join(f"is(trim('{pad}word{i}{pad}'), 'word{i}', 'trim case {i}');\n" for i, pad in
              enumerate([" ", "  ", "\\t", " \\n", ""] * 3)) + "done_testing;\n",
    "t/02-qty.t": """use strict; use warnings;
use Test::More;
use lib 'lib';
use Inventory::Parse qw(parse_qty);

is(parse_qty('4'), 4, 'bare number');
is(parse_qty('4 pcs'), 4, 'pieces');
is(parse_qty('2 box'), 24, 'boxes of twelve');
is(parse_qty('3kg'), 3, 'kilograms');
is(parse_qty('1.5 kg'), 1.5, 'fractional kilograms');
is(parse_qty(' 7 '), 7, 'padded');
ok(!defined parse_qty('seven'), 'words are rejected');
ok(!defined parse_qty(undef), 'undef is rejected');
is(parse_qty('0 box'), 0, 'empty box');
done_testing;
""",
    "t/03-sku.t": "use strict; use warnings;\nuse Test::More;\nuse lib 'lib';\nuse Inventory::Parse qw(normalize_sku);\n\n"
    + "".join(f"is(normalize_sku('{raw}'), '{want}', 'sku {raw}');\n" for raw, want in
              [("ab-12", "AB12"), (" x 9 ", "X9"), ("k.k.1", "KK1"), ("Zz_7", "ZZ_7"), ("q-1-2", "Q12"), ("ü-5", "5")]) +
    "done_testing;\n",
    "t/04-line.t": """use strict; use warnings;
use Test::More tests => 6;
use lib 'lib';
use Inventory::Parse qw(parse_line);

my $r = parse_line('ab-1; Hex bolt ;2 box;0.35');
is($r->{sku}, 'AB1', 'sku normalized');
is($r->{name}, 'Hex bolt', 'name trimmed');
is($r->{qty}, 24, 'qty in pieces');
is($r->{price}, 0.35, 'price numeric');
is_deeply(parse_line('c-3;Nut;5;0.10'), { sku => 'C3', name => 'Nut', qty => 5, price => '0.1' }, 'whole record');
is(parse_line('d-4;Washer;;0.02')->{qty}, 0, 'missing qty counts as zero');
""",
    "t/05-load.t": """use strict; use warnings;
use Test::More;
use lib 'lib';
use Inventory::Parse qw(parse_line);

open my $fh, '<', 'data/stock.txt' or die "cannot open data/stock.txt: $!";
my @rows = map { chomp; parse_line($_) } grep { /\\S/ } <$fh>;
is(scalar @rows, 8, 'eight rows');
cmp_ok($rows[-1]{price}, '>', 0, 'last price positive');
done_testing;
""",
}

# perl -w: a report script with undefined values, a numeric comparison of strings, a reused variable, a missing file
PERL_REPORT = """#!/usr/bin/perl
use lib 'lib';
use Inventory::Parse qw(parse_line);

my %total;
my $count;
open(IN, "data/stock.txt") || die "cannot open: $!";
while (my $line = <IN>) {
    chomp $line;
    my $r = parse_line($line);
    $total{$r->{sku}} += $r->{qty} * $r->{price};
    $count++;
}
close(IN);
my $count = scalar keys %total;
foreach my $sku (sort keys %total) {
    printf "%-8s %8.2f\\n", $sku, $total{$sku};
    print "  low value\\n" if $total{$sku} == "none";
}
my @top = sort { $total{$b} <=> $total{$a} } keys %total;
print "top: $top[0], runner-up: $top[1], third: $top[10]\\n";
my $avg = $total{ALL} / $count;
print "average: $avg\\n";
open(OUT, "<", "data/missing.txt") or die "Can't open data/missing.txt: $!";
"""


def cap_perl(tmp: Path) -> None:
    d = tmp / "perlinv"
    stock = ["ab-1; Hex bolt ;2 box;0.35", "c-3;Nut;5;0.10", "d-4;Washer;;0.02", "e 5;Spring;12 pcs;0.50",
             "f-6;Gasket;three;1.20", "g-7;Pin;40;", "h-8;Rivet;3 box;0.07", "j-9;Shim;1kg;4.00",
             "k-10;Clip;6;0.15", "m-11;Seal;2 dozen;0.90", "n-12;Bracket;4;", "p-13;Hinge;;2.40", "q-14;Latch;1 box;"]
    write_tree(d, {"lib/Inventory/Parse.pm": PERL_LIB, **PERL_TESTS, "bin/report.pl": PERL_REPORT,
                   "data/stock.txt": "\n".join(stock) + "\n"})
    cap("prove-inventory", "prove -l t/", d, n_prove)
    cap("perl-w-report", "perl -w bin/report.pl", d, n_perl)


STEPS = [cap_php, cap_perl]
