"""Round 13, languages the corpus never met (continued): Crystal from Debian's packages (a build error with its
trace, crystal spec with failures), on a small project written here with real bugs in it. Run through
capture_wide13.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import add_or_skip as add, have, run, write_tree
from capture_wide10 import line_rule

# ================================================================== Crystal

n_crystal_build = line_rule(
    "crystal-build", "build",
    "Rule 1 on crystal build: every 'Error: …' line and the 'In file.cr:L:C' location line above it (the error trace's frames are 'In' lines too: all of them).",
    hit=r"^Error: |^In \S+\.cr:\d+:\d+")
n_crystal_spec = line_rule(
    "crystal-spec", "test",
    "Rule 2 on crystal spec: every numbered failure header ('  1) Ledger rounds the fee up'), its first 'Expected:' / exception line, every 'crystal spec file:L # name' rerun line, and the 'N examples, M failures, K errors, P pending' summary.",
    hit=r"^\s+\d+\) |^crystal spec \S+:\d+", loc=r"Expected:|\(\w+Error\)|\(\w+Exception\)", ahead=4,
    summary=r"\d+ examples?, \d+ failures?")

CRYSTAL = {
    "inventory.cr": """record Item, sku : String, qty : Int32, price : Float64

class Inventory
  @items = {} of String => Item

  def add(item : Item)
    @items[item.sku] = item
  end

  def total : Int32
    @items.values.sum { |i| i.qty * i.price }
  end

  def low(limit)
    @items.values.select { |i| i.qty < limit }
  end
end

inv = Inventory.new
inv.add(Item.new("a", 1, 2.0))
inv.add(Item.new("b", 2, 3.0))
puts inv.total
puts inv.low(3).map(&.sku).join(", ")
""",
    "src/ledger.cr": """module Ledger
  def self.balance(entries : Array(Tuple(String, Int32)), account : String) : Int32
    entries.select { |e| e[0] == account }.sum { |e| e[1] }
  end

  def self.fee(amount : Int32) : Int32
    amount // 100
  end

  def self.parse(line : String) : Tuple(String, Int32)
    name, value = line.split(",")
    {name, value.to_i}
  end
end
""",
    "spec/ledger_spec.cr": """require "spec"
require "../src/ledger"

describe Ledger do
  it "sums an account" do
    Ledger.balance([{"cash", 10}, {"bank", 5}, {"cash", -3}], "cash").should eq 7
  end
  it "rounds the fee up" do
    Ledger.fee(150).should eq 2
  end
  it "parses a line" do
    Ledger.parse("cash,12").should eq({"cash", 12})
  end
  it "rejects a bad number" do
    Ledger.parse("cash,x").should eq({"cash", 0})
  end
  it "is zero for an unknown account" do
    Ledger.balance([] of Tuple(String, Int32), "x").should eq 1
  end
  pending "handles currencies"
end
""",
}


def cap_crystal(tmp: Path) -> None:
    if not have("crystal", "crystal"):
        return
    d = tmp / "crystal"
    write_tree(d, CRYSTAL)
    cmd = "crystal build --no-codegen --error-trace inventory.cr 2>&1"
    add("crystal-build-error-trace", cmd, run(cmd.replace("crystal build", "crystal build --no-color"), cwd=d, timeout=300), n_crystal_build)
    add("crystal-spec-failures", "crystal spec 2>&1", run("crystal spec --no-color 2>&1", cwd=d, timeout=300), n_crystal_spec)


STEPS = [cap_crystal]
