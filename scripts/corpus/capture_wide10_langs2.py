"""Round 10, languages the corpus barely has, from Debian's packages (continued): Elixir (mix test with ExUnit
failures, mix compile warnings) and Lua (busted), each on a small project written here with real bugs in it. Run
through capture_wide10.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import add_or_skip as add, have, run, write_tree
from capture_wide10 import line_rule

# ================================================================== Elixir

n_exunit = line_rule(
    "exunit", "test",
    "Rule 2 on mix test (ExUnit): every failure header ('  1) test … (Module)'), the first assertion line of each ('Assertion with == failed' / '** (Error)'), and the 'N tests, M failures' summary.",
    hit=r"^\s+\d+\) test |Assertion with|\*\* \(\w+", summary=r"\d+ (tests?|doctests?|properties).*\d+ failures?")
n_mix_compile = line_rule(
    "mix-compile", "build",
    "Rules 1+3 on mix compile: every 'warning:' / 'error:' / '** (CompileError)' line with its '└─ lib/x.ex:N' (or 'lib/x.ex:N:') location line below (each warning here names its own variable or function, so each is its own message), and the 'Compiling N files' line.",
    hit=r"warning: |error: |\*\* \(\w+Error\)|^Compiling \d+ files?", loc=r"(└─ |^\s+)\S+\.exs?:\d+")

ELIXIR = {
    "mix.exs": """defmodule Ledger.MixProject do
  use Mix.Project
  def project, do: [app: :ledger, version: "0.1.0", elixir: "~> 1.14", deps: []]
  def application, do: [extra_applications: [:logger]]
end
""",
    "lib/ledger.ex": """defmodule Ledger do
  @moduledoc "A tiny double-entry ledger."

  def new, do: %{accounts: %{}, journal: []}

  def post(ledger, from, to, amount) when amount > 0 do
    ledger
    |> update_in([:accounts, Access.key(from, 0)], &(&1 - amount))
    |> update_in([:accounts, Access.key(to, 0)], &(&1 + amount))
    |> Map.update!(:journal, &[{from, to, amount} | &1])
  end

  def balance(ledger, account), do: Map.get(ledger.accounts, account, 0)

  def total(ledger) do
    ledger.accounts |> Map.values() |> Enum.sum()
  end

  def history(ledger, account) do
    for {from, to, amt} <- ledger.journal, from == account or to == account, do: amt
  end

  def fee(amount, unused_rate) do
    div(amount, 100)
  end

  def parse("+" <> n), do: String.to_integer(n)
  def parse("-" <> n), do: -String.to_integer(n)
end
""",
    "test/ledger_test.exs": """defmodule LedgerTest do
  use ExUnit.Case, async: true
  doctest Ledger

  setup do
    {:ok, l: Ledger.new() |> Ledger.post(:cash, :bank, 500) |> Ledger.post(:bank, :rent, 300)}
  end

  test "balances move", %{l: l} do
    assert Ledger.balance(l, :bank) == 200
    assert Ledger.balance(l, :rent) == 300
  end

  test "books balance to zero", %{l: l} do
    assert Ledger.total(l) == 0
  end

  test "history is chronological", %{l: l} do
    assert Ledger.history(l, :bank) == [500, 300]
  end

  test "negative amounts are refused", %{l: l} do
    assert_raise ArgumentError, fn -> Ledger.post(l, :a, :b, -1) end
  end

  test "fee is one percent" do
    assert Ledger.fee(12_345, 0.01) == 124
  end

  test "parse signs" do
    assert Enum.map(["+5", "-3", "7"], &Ledger.parse/1) == [5, -3, 7]
  end

  for n <- 1..8 do
    test "post #{n} times keeps the total", %{l: l} do
      l2 = Enum.reduce(1..unquote(n), l, fn _, acc -> Ledger.post(acc, :a, :b, 10) end)
      assert Ledger.total(l2) == 0
    end
  end
end
""",
    "test/test_helper.exs": "ExUnit.start()\n",
}

ELIXIR_WARN = """defmodule Ledger.Report do
  require Logger

  def summary(ledger, opts) do
    width = Keyword.get(opts, :width, 40)
    unused = Enum.count(ledger.journal)
    for {account, bal} <- ledger.accounts do
      line = String.pad_trailing(to_string(account), 20) <> Integer.to_string(bal)
      Logger.warn("rendering " <> line)
      line
    end
  end

  def totals(ledger), do: Ledger.total(ledger)
  def totals(_ledger), do: 0

  def export(ledger, :csv), do: Enum.map_join(ledger.journal, "\\n", &Tuple.to_list/1)
  def export(ledger, format) when is_atom(format), do: Ledger.Exporter.run(ledger, format)

  defp old_helper(x), do: x * 2
end
"""

ELIXIR_IMPORT = """defmodule Ledger.Import do
  alias Ledger.Report
  import Enum, only: [map: 2, reduce: 3]

  def from_csv(text, opts \\\\ []) do
    strict = Keyword.get(opts, :strict, false)
    lines = String.split(text, "\\n", trim: true)
    header = hd(lines)
    Enum.reduce(tl(lines), Ledger.new(), fn line, acc ->
      [from, to, amount] = String.split(line, ",")
      Ledger.post(acc, String.to_atom(from), String.to_atom(to), String.to_integer(amount))
    end)
  end

  def from_rows(rows) do
    for {from, to, amount, memo} <- rows, reduce: Ledger.new() do
      acc -> Ledger.post(acc, from, to, amount)
    end
  end

  def check(ledger) do
    case Ledger.total(ledger) do
      0 -> :ok
      n when is_integer(n) -> {:error, n}
      other -> {:error, other}
    end
  end

  def legacy(x), do: Ledger.Legacy.convert(x) |> Ledger.Import.missing()
end
"""


def cap_elixir(tmp: Path) -> None:
    if not have("mix", "exunit"):
        return
    d = tmp / "ledger"
    write_tree(d, ELIXIR)
    env = {"MIX_HOME": str(tmp / ".mix"), "HEX_OFFLINE": "1", "MIX_ENV": "test"}
    write_tree(d, {"lib/ledger/report.ex": ELIXIR_WARN, "lib/ledger/import.ex": ELIXIR_IMPORT})
    add("mix-compile-warnings", "mix compile --force", run("mix compile --force", cwd=d, env=env, timeout=300), n_mix_compile)
    add("mix-test-exunit", "mix test", run("mix test --seed 0", cwd=d, env=env, timeout=300), n_exunit)
    add("mix-test-trace", "mix test --trace", run("mix test --trace --seed 0", cwd=d, env=env, timeout=300), n_exunit)


# ================================================================== Lua

n_busted = line_rule(
    "busted", "test",
    "Rule 2 on busted: every 'Failure → spec/x_spec.lua @ N' / 'Error → …' header with the description line under it, the first 'Expected …' / error line of each, and the 'N successes / M failures / K errors' summary.",
    hit=r"^(Failure|Error) (→|->) |: Expected objects|attempt to", loc=r"^\S.*\S$", ahead=1, summary=r"\d+ successe?s? / \d+ failures?")

LUA = {
    "src/slug.lua": """local M = {}

function M.slugify(s)
  s = s:lower():gsub("[^%w%s-]", ""):gsub("%s+", "-")
  return s
end

function M.truncate(s, n)
  if #s <= n then return s end
  return s:sub(1, n - 1) .. "…"
end

function M.words(s)
  local out = {}
  for w in s:gmatch("%a+") do out[#out + 1] = w end
  return out
end

return M
""",
    "spec/slug_spec.lua": """package.path = "src/?.lua;" .. package.path
local slug = require("slug")

describe("slugify", function()
  local cases = { {"Hello World", "hello-world"}, {"  padded  ", "padded"}, {"Crème brûlée", "crme-brle"},
                  {"a--b", "a-b"}, {"Lua 5.4!", "lua-54"}, {"MiXeD_case", "mixed_case"} }
  for _, c in ipairs(cases) do
    it("slugifies '" .. c[1] .. "'", function()
      assert.are.equal(c[2], slug.slugify(c[1]))
    end)
  end
end)

describe("truncate", function()
  it("keeps short strings", function() assert.are.equal("abc", slug.truncate("abc", 5)) end)
  it("cuts long ones", function() assert.are.equal("abcd…", slug.truncate("abcdefgh", 5)) end)
  it("handles nil", function() assert.are.equal("", slug.truncate(nil, 3)) end)
end)

describe("words", function()
  it("splits", function() assert.are.same({"a", "b", "c"}, slug.words("a b  c")) end)
  it("keeps digits", function() assert.are.same({"v2", "beta"}, slug.words("v2 beta")) end)
  for i, s in ipairs({"one two", "x_y z", "tab\tsep", "dash-ed word", "CAPS lock", "émoji 🎉 ok"}) do
    it("counts words in case " .. i, function() assert.are.equal(#s:gsub("[^%s]+", "") + 1, #slug.words(s)) end)
  end
end)

describe("slugify long input", function()
  for n = 1, 6 do
    it("stays under 60 chars for " .. n * 20 .. " chars", function()
      assert.is_true(#slug.slugify(string.rep("word ", n * 4)) <= 60)
    end)
  end
end)
""",
}


def cap_lua(tmp: Path) -> None:
    if not have("busted", "busted"):
        return
    d = tmp / "lua"
    write_tree(d, LUA)
    add("busted-utf", "busted -o utfTerminal spec", run("busted -o utfTerminal spec", cwd=d, timeout=120), n_busted)
    add("busted-plain", "busted -o plainTerminal spec", run("busted -o plainTerminal spec", cwd=d, timeout=120), n_busted)


STEPS = [cap_elixir, cap_lua]
