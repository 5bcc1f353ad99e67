"""Round 25, PHP, Ruby and Elixir on code written here with real slips: a PHP cart under phpunit, a Ruby invoice under
rspec, an Elixir mix project with compiler warnings and failing ExUnit tests. Each kind's extractor is an earlier
round's. Run through capture_wide25.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide10_langs import n_phpunit, n_rspec
from capture_wide10_langs2 import n_exunit, n_mix_compile
from capture_wide25 import cap

# ------------------------------------------------------------------ PHP, Ruby, Elixir

PHP = {
    "src/Cart.php": '''<?php
declare(strict_types=1);

final class Cart
{
    /** @var array<string, array{price: int, qty: int}> */
    private array $lines = [];

    public function add(string $sku, int $priceCents, int $qty = 1): void
    {
        if ($qty <= 0) {
            throw new InvalidArgumentException("qty must be positive, got $qty");
        }
        $this->lines[$sku] = ['price' => $priceCents, 'qty' => $qty];
    }

    public function remove(string $sku): void
    {
        unset($this->lines[$sku]);
    }

    public function count(): int
    {
        return count($this->lines);
    }

    public function subtotal(): int
    {
        return array_sum(array_map(fn ($l) => $l['price'] * $l['qty'], $this->lines));
    }

    public function discount(string $code): int
    {
        return match ($code) {
            'WELCOME10' => intdiv($this->subtotal(), 10),
            'FREESHIP' => 0,
        };
    }

    public function total(string $code = ''): int
    {
        $shipping = $this->subtotal() > 5000 ? 0 : 495;
        return $this->subtotal() - ($code ? $this->discount($code) : 0) + $shipping;
    }
}
''',
    "tests/CartTest.php": '''<?php
declare(strict_types=1);

use PHPUnit\\Framework\\TestCase;

final class CartTest extends TestCase
{
    public function testAddSameSkuTwiceAddsQuantity(): void
    {
        $c = new Cart();
        $c->add('MUG', 1200);
        $c->add('MUG', 1200, 2);
        $this->assertSame(3600, $c->subtotal());
    }

    public function testCountsDistinctSkus(): void
    {
        $c = new Cart();
        $c->add('MUG', 1200);
        $c->add('TEE', 2500);
        $this->assertSame(2, $c->count());
    }

    public function testRejectsZeroQuantity(): void
    {
        $this->expectException(InvalidArgumentException::class);
        (new Cart())->add('MUG', 1200, 0);
    }

    public function testWelcomeDiscount(): void
    {
        $c = new Cart();
        $c->add('TEE', 2500, 2);
        $this->assertSame(4995, $c->total('WELCOME10'));
    }

    public function testFreeShippingAboveFiftyEuros(): void
    {
        $c = new Cart();
        $c->add('BAG', 5000);
        $this->assertSame(5000, $c->total());
    }

    public function testUnknownCodeIsIgnored(): void
    {
        $c = new Cart();
        $c->add('MUG', 1200);
        $this->assertSame(1695, $c->total('SPRING'));
    }

    public function testRemove(): void
    {
        $c = new Cart();
        $c->add('MUG', 1200);
        $c->remove('MUG');
        $this->assertSame(0, $c->count());
        $this->assertSame(0, $c->total());
    }
}
''',
    "bootstrap.php": "<?php\nrequire __DIR__ . '/src/Cart.php';\n",
}

RUBY = {
    "lib/invoice.rb": '''require "date"

class Invoice
  Line = Struct.new(:desc, :qty, :unit_cents)
  attr_reader :number, :issued, :lines

  def initialize(number:, issued:, terms_days: 30)
    @number, @issued, @terms_days, @lines = number, issued, terms_days, []
  end

  def add(desc, qty, unit_cents)
    @lines << Line.new(desc, qty, unit_cents)
    self
  end

  def net_cents = lines.sum { |l| l.qty * l.unit_cents }
  def vat_cents(rate = 0.21) = (net_cents * rate).floor
  def total_cents = net_cents + vat_cents
  def due_on = issued + @terms_days - 1
  def overdue?(today) = today > due_on

  def to_s
    format("%s  %s  %.2f", number, issued.strftime("%d/%m/%Y"), total_cents / 100)
  end
end
''',
    "spec/invoice_spec.rb": '''require_relative "../lib/invoice"

RSpec.describe Invoice do
  let(:inv) { Invoice.new(number: "INV-0042", issued: Date.new(2026, 2, 10)) }

  describe "#net_cents" do
    it "sums the lines" do
      inv.add("Consulting", 3, 12_000).add("Travel", 1, 4_550)
      expect(inv.net_cents).to eq(40_550)
    end
    it "is zero without lines" do
      expect(inv.net_cents).to eq(0)
    end
  end

  describe "#vat_cents" do
    it "rounds half up" do
      inv.add("Widget", 1, 1_250)
      expect(inv.vat_cents).to eq(263)
    end
    it "takes another rate" do
      inv.add("Book", 2, 1_000)
      expect(inv.vat_cents(0.09)).to eq(180)
    end
  end

  describe "#due_on" do
    it "is thirty days after issue" do
      expect(inv.due_on).to eq(Date.new(2026, 3, 12))
    end
    it "respects other terms" do
      i = Invoice.new(number: "X", issued: Date.new(2026, 1, 1), terms_days: 14)
      expect(i.due_on).to eq(Date.new(2026, 1, 15))
    end
  end

  describe "#overdue?" do
    it "is false on the due date" do
      expect(inv.overdue?(Date.new(2026, 3, 12))).to be(false)
    end
    it "is true the day after" do
      expect(inv.overdue?(Date.new(2026, 3, 13))).to be(true)
    end
  end

  describe "#to_s" do
    it "prints number, date and total" do
      inv.add("Consulting", 1, 10_000)
      expect(inv.to_s).to eq("INV-0042  10/02/2026  121.00")
    end
  end
end
''',
}

ELIXIR_LIB = '''defmodule Roster do
  @moduledoc "Shift rosters for a small clinic."

  def hours(shifts) do
    Enum.reduce(shifts, 0, fn {_who, from, to}, acc -> acc + (to - from) end)
  end

  def by_person(shifts) do
    Enum.group_by(shifts, fn {who, _, _} -> who end, fn {_, from, to} -> to - from end)
    |> Map.new(fn {who, hs} -> {who, Enum.sum(hs)} end)
  end

  def overlaps?({_, a1, a2}, {_, b1, b2}) do
    unused = a1 + b1
    a1 < b2 and b1 < a2 or a1 == b1
  end

  def night?({_who, from, _to}), do: from >= 22 or from < 6

  def fair?(shifts, max_gap) do
    totals = by_person(shifts) |> Map.values()
    Enum.max(totals) - Enum.min(totals) < max_gap
  end

  def label({who, from, to}) do
    "#{who} #{from}:00-#{to}:00"
  end

  def old_api(x), do: String.to_char_list(x)
end
'''

ELIXIR_TEST = '''defmodule RosterTest do
  use ExUnit.Case
  doctest Roster

  @week [{"ana", 8, 16}, {"ben", 16, 24}, {"ana", 9, 17}, {"cy", 22, 30}, {"ben", 8, 12}]

  test "hours sums every shift", do: assert Roster.hours(@week) == 40
  test "by_person totals" do
    assert Roster.by_person(@week) == %{"ana" => 16, "ben" => 12, "cy" => 8}
  end
  test "touching shifts do not overlap" do
    refute Roster.overlaps?({"a", 8, 16}, {"b", 16, 24})
  end
  test "nested shifts overlap", do: assert Roster.overlaps?({"a", 8, 16}, {"b", 9, 10})
  test "night shift", do: assert Roster.night?({"cy", 22, 30})
  test "early shift is night", do: assert Roster.night?({"cy", 5, 9})
  test "fair within gap", do: assert Roster.fair?(@week, 5)
  test "label", do: assert Roster.label({"ana", 8, 16}) == "ana 08:00-16:00"
  test "empty roster is fair", do: assert Roster.fair?([], 1)
end
'''


def scripting(tmp: Path) -> None:
    if have("phpunit", "phpunit"):
        p = tmp / "cart"
        write_tree(p, PHP)
        cap("phpunit-cart-failures", "phpunit --bootstrap bootstrap.php tests 2>&1", p, n_phpunit)
    if have("rspec", "rspec"):
        r = tmp / "invoice"
        write_tree(r, RUBY)
        cap("rspec-invoice-failures", "rspec 2>&1", r, n_rspec)
    if have("mix", "exunit"):
        menv = {"MIX_HOME": str(tmp / "mix"), "HEX_OFFLINE": "1", "MIX_ENV": "test"}
        run("mix new roster", cwd=tmp, env=menv, timeout=120)
        e = tmp / "roster"
        write_tree(e, {"lib/roster.ex": ELIXIR_LIB, "test/roster_test.exs": ELIXIR_TEST})
        cap("mix-compile-force-roster", "mix compile --force 2>&1", e, n_mix_compile, env=menv, timeout=300)
        cap("mix-test-roster-failures", "mix test 2>&1", e, n_exunit, env=menv, timeout=300)


STEPS = [scripting]
