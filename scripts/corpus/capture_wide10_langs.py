"""Round 10, languages the corpus barely has, from Debian's packages: PHP (phpunit, php -l, an uncaught fatal
error) and Ruby (rspec, rubocop), each on a small project written here with real bugs in it (Elixir and Lua are in
capture_wide10_langs2.py). Run through capture_wide10.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import add_or_skip as add, have, mask, run, write_tree
from capture_wide10 import grouped_rule, line_rule

# ================================================================== PHP

n_phpunit = line_rule(
    "phpunit", "test",
    "Rule 2 on phpunit (default and --testdox): every failure header ('1) CartTest::testTotal with data set #2' / ' ✘ Total with data set #2'), the first 'Failed asserting …' / exception line of each, and the closing 'Tests: N, Assertions: M, Failures: K' line (and 'FAILURES!' / 'ERRORS!').",
    hit=r"^\d+\) \w+|^\s*✘ |^(\s*│ )?Failed asserting|^(\s*│ )?(\w+\\)*\w*(Error|Exception): |^FAILURES!|^ERRORS!", summary=r"^Tests: \d+")
n_php_lint = line_rule(
    "php-lint", "lint",
    "Rules 1+3 on php -l over many files: every 'PHP Parse error: … in file on line N' / 'Errors parsing file' line.",
    hit=r"Parse error|Fatal error|Errors parsing")
n_php_fatal = grouped_rule(
    "php-fatal", "log",
    "Rule 1 on an uncaught PHP error: the 'PHP Fatal error:  Uncaught …' line and the '#0 file(line)' stack line; 'PHP Warning:' / 'PHP Deprecated:' lines as one needle per (message shape, file).",
    warn=r"PHP (Warning|Deprecated|Notice):\s+(.*) in (\S+) on line", key=lambda m: (mask(m.group(2)), m.group(3)),
    hit=r"Fatal error|^#0 ")

PHP = {
    "src/Cart.php": """<?php
declare(strict_types=1);

namespace Shop;

final class Cart
{
    /** @var array<string, array{price:int, qty:int}> */
    private array $lines = [];

    public function add(string $sku, int $price, int $qty = 1): void
    {
        if ($qty < 0) {
            throw new \\InvalidArgumentException("qty must be >= 0, got $qty");
        }
        $this->lines[$sku] = ['price' => $price, 'qty' => ($this->lines[$sku]['qty'] ?? 0) + $qty];
    }

    public function total(): int
    {
        $t = 0;
        foreach ($this->lines as $l) {
            $t += $l['price'] * $l['qty'];
        }
        return $t > 10000 ? (int) round($t * 0.95) : $t;
    }

    public function count(): int
    {
        return count($this->lines);
    }

    public function discount(string $code): int
    {
        return match ($code) {
            'TEN' => intdiv($this->total(), 10),
            'HALF' => intdiv($this->total(), 2),
        };
    }
}
""",
    "tests/CartTest.php": """<?php
declare(strict_types=1);

use PHPUnit\\Framework\\TestCase;
use Shop\\Cart;

final class CartTest extends TestCase
{
    public static function totals(): array
    {
        return [[1, 100, 100], [3, 250, 750], [10, 1000, 10000], [11, 1000, 10450], [2, 6000, 11000], [0, 99, 0],
                [12, 1000, 10800], [15, 1000, 14250], [20, 500, 9000], [9, 2000, 17100], [5, 3000, 14250], [1, 99999, 94999],
                [4, 2500, 10000], [7, 1500, 9975], [100, 101, 9595]];
    }

    /** @dataProvider totals */
    public function testTotal(int $qty, int $price, int $want): void
    {
        $c = new Cart();
        $c->add('A', $price, $qty);
        $this->assertSame($want, $c->total());
    }

    public function testCountsDistinctSkus(): void
    {
        $c = new Cart();
        $c->add('A', 1);
        $c->add('A', 1);
        $c->add('B', 1);
        $this->assertSame(3, $c->count());
    }

    public function testNegativeQty(): void
    {
        $this->expectException(InvalidArgumentException::class);
        (new Cart())->add('A', 1, -1);
    }

    public function testUnknownCode(): void
    {
        $c = new Cart();
        $c->add('A', 500, 2);
        $this->assertSame(0, $c->discount('BOGUS'));
    }

    public function testTenPercent(): void
    {
        $c = new Cart();
        $c->add('A', 500, 2);
        $this->assertSame(100, $c->discount('TEN'));
    }
}
""",
    "bootstrap.php": "<?php\nrequire __DIR__ . '/src/Cart.php';\n",
    "report.php": """<?php
require __DIR__ . '/src/Cart.php';

function load_orders(string $path): array
{
    $rows = [];
    foreach (file($path, FILE_IGNORE_NEW_LINES) as $i => $line) {
        [$sku, $price, $qty] = explode(',', $line);
        if ($price > 1000) {
            $note = strlen(null) . $line;
        }
        $rows[] = ['sku' => $sku, 'price' => $price, 'qty' => $qty];
    }
    return $rows;
}

function build_cart(array $rows): Shop\\Cart
{
    $cart = new Shop\\Cart();
    foreach ($rows as $r) {
        $cart->add($r['sku'], (int) $r['price'], $r['qty'] === '' ? 1 : (int) $r['qty']);
    }
    return $cart;
}

$rows = load_orders(__DIR__ . '/orders.csv');
$cart = build_cart($rows);
printf("lines=%d total=%d\\n", $cart->count(), $cart->total());
printf("discount=%d\\n", $cart->discount($argv[1] ?? 'NONE'));
""",
}


def cap_php(tmp: Path) -> None:
    if not have("phpunit", "phpunit"):
        return
    d = tmp / "php"
    write_tree(d, PHP)
    add("phpunit-cart", "phpunit --bootstrap bootstrap.php tests", run("phpunit --bootstrap bootstrap.php tests", cwd=d, timeout=120), n_phpunit)
    add("phpunit-testdox-cart", "phpunit --testdox --bootstrap bootstrap.php tests",
        run("phpunit --testdox --bootstrap bootstrap.php tests", cwd=d, timeout=120), n_phpunit)
    (d / "orders.csv").write_text("".join(f"SKU-{i},{100 + i * 37}" + ("" if i % 9 == 4 else f",{i % 4}") + "\n" for i in range(60)))
    add("php-uncaught-match-error", "php -d error_reporting=E_ALL report.php SPRING", run("php -d error_reporting=E_ALL report.php SPRING", cwd=d), n_php_fatal)
    bad = {f"lib/Model{i}.php": f"<?php\nnamespace Lib;\n\nclass Model{i}\n{{\n    public function id(): int\n    {{\n        return {i};\n    }}\n}}\n"
           for i in range(24)}
    bad["lib/Model7.php"] = "<?php\nnamespace Lib;\n\nclass Model7\n{\n    public function id(): int\n    {\n        return 7\n    }\n}\n"
    bad["lib/Model15.php"] = "<?php\nnamespace Lib;\n\nclass Model15\n{\n    public function id(): int {\n        return [1, 2;\n    }\n}\n"
    bad["lib/Model19.php"] = "<?php\nnamespace Lib;\n\nclass Model19 extends\n{\n}\n"
    write_tree(d, bad)
    add("php-l-many-files", "for f in lib/*.php; do php -l \"$f\"; done",
        run("for f in lib/*.php; do php -l \"$f\"; done", cwd=d, timeout=120), n_php_lint)


# ================================================================== Ruby

n_rspec = line_rule(
    "rspec", "test",
    "Rule 2 on rspec: every 'rspec ./spec/x_spec.rb:N # description' rerun line, every numbered failure header ('  1) Invoice totals …'), the first 'expected …' / 'Failure/Error:' line of each, and the 'N examples, M failures' summary.",
    hit=r"^rspec \./|^\s+\d+\) |Failure/Error:", summary=r"\d+ examples?, \d+ failures?")
n_rubocop = grouped_rule(
    "rubocop", "lint",
    "Rules 1+3 on rubocop (default formatter): error/fatal offenses ('file:L:C: E: …' / 'F: …') each; the other offenses ('C:'/'W:') one needle per (cop, file) group; and the 'N files inspected, M offenses detected' line.",
    warn=r"^(\S+\.rb):\d+:\d+: [CW]: (\[Correctable\] )?([\w/]+):", key=lambda m: (m.group(3), m.group(1)),
    hit=r"^\S+\.rb:\d+:\d+: [EF]: ", summary=r"files? inspected")

RUBY = {
    "lib/invoice.rb": """class Invoice
  attr_reader :lines

  def initialize(currency = 'EUR')
    @currency = currency
    @lines = []
  end

  def add(desc, cents, qty = 1)
    raise ArgumentError, "qty must be positive, got #{qty}" if qty <= 0
    @lines << { desc: desc, cents: cents, qty: qty }
    self
  end

  def subtotal
    @lines.sum { |l| l[:cents] * l[:qty] }
  end

  def tax(rate = 0.2)
    (subtotal * rate).floor
  end

  def total
    subtotal + tax
  end

  def to_s
    format('%s %.2f', @currency, total / 100)
  end
end
""",
    "spec/invoice_spec.rb": """require_relative '../lib/invoice'

RSpec.describe Invoice do
  subject(:inv) { described_class.new }

  describe '#subtotal' do
    it 'is zero when empty' do
      expect(inv.subtotal).to eq(0)
    end

    [[1, 100, 100], [3, 250, 750], [2, 999, 1998]].each do |qty, cents, want|
      it "sums #{qty} x #{cents}" do
        expect(inv.add('x', cents, qty).subtotal).to eq(want)
      end
    end
  end

  describe '#tax' do
    it 'rounds half up' do
      expect(inv.add('x', 333).tax).to eq(67)
    end

    it 'accepts a custom rate' do
      expect(inv.add('x', 1000).tax(0.055)).to eq(55)
    end
  end

  describe '#add' do
    it 'rejects zero qty' do
      expect { inv.add('x', 1, 0) }.to raise_error(ArgumentError, /positive/)
    end

    it 'chains' do
      expect(inv.add('a', 1).add('b', 2).lines.map { |l| l[:desc] }).to eq(%w[a b])
    end
  end

  describe '#to_s' do
    it 'formats cents' do
      expect(inv.add('x', 1050).to_s).to eq('EUR 12.60')
    end

    it 'keeps the currency' do
      expect(Invoice.new('GBP').to_s).to match(/^GBP /)
    end
  end

  describe '#lines' do
    it 'is frozen to callers' do
      expect { inv.lines << {} }.to raise_error(FrozenError)
    end
  end
end
""",
    "lib/report.rb": """require 'json'
require 'set'

module Report
  def self.render(invoices, format)
    data = invoices.map { |i| { total: i.total, lines: i.lines.length } }
    if format == 'json' then
      return JSON.generate(data)
    elsif format == "csv"
      out = ""
      data.each { |d| out = out + "#{d[:total]},#{d[:lines]}\\n" }
      return out
    else
      unused = 42
      raise "unknown format #{format}"
    end
  end

  def self.biggest(invoices)
    invoices.sort { |a, b| b.total <=> a.total }.first
  end

  def self.seen?(ids, id)
    ids.include?(id) == true
  end
end
""",
}


def cap_ruby(tmp: Path) -> None:
    if not have("rspec", "rspec"):
        return
    d = tmp / "ruby"
    write_tree(d, RUBY)
    add("rspec-progress", "rspec", run("rspec", cwd=d, timeout=120), n_rspec)
    add("rspec-documentation", "rspec --format documentation", run("rspec --format documentation", cwd=d, timeout=120), n_rspec)
    if have("rubocop", "rubocop"):
        add("rubocop-default", "rubocop lib spec", run("rubocop --cache false lib spec", cwd=d, timeout=200), n_rubocop)


STEPS = [cap_php, cap_ruby]
