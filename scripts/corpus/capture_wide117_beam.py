"""Round 117, the BEAM: a marina's berth-booking service in Elixir (`moorings`, written here with bugs put in and
widened by a seeded generator: 400 ExUnit tests with failures of several shapes, compile warnings, a GenServer and a
Supervisor that crash) run through `mix test --trace` / `--slowest`, `mix compile --warnings-as-errors`, `mix xref
trace`, `mix profile.eprof` / `cprof` and `mix run`; a tide-gauge poller in Erlang (`tidegauge`) run under
SASL, through common_test (its suite.log read) and rebar3 (compile, xref). The extractors are this round's
(NEEDLES.md, "Round 117"). Run through capture_wide117.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide117 import cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 117")

EX_HDR = re.compile(r"^\s+\d+\) (test|doctest|property) ")
EX_FIRST = r"Assertion with|Assertion failed|\*\* \(|^\s+code:|Doctest failed|Expected (truthy|false)|match \(=\) failed"
EX_COUNTS = re.compile(r"^\d+ (tests?|doctests?|properties)\b.*\d+ failures?")


def _exunit_failures(lines: list[str]) -> list[str]:
    out = []
    for i, ln in enumerate(lines):
        if EX_HDR.match(ln):
            out.append(ln)
            first = cm.next_match(lines, i, EX_FIRST, 8)
            if first:
                out.append(first)
        elif "ExUnit.TimeoutError" in ln and ln not in out:
            out.append(ln)
        elif EX_COUNTS.match(ln.strip()) or ln.startswith("Finished in "):
            out.append(ln)
    return out


@cm.kind("exunit-trace", "test")
def n_exunit_trace(lines):
    """Rule 2 on mix test --trace: every failure header, the first assertion / ** ( / code: / Doctest failed line after it, every ExUnit.TimeoutError line, the Finished in line and the counts line; EXIT=N."""
    return _exunit_failures(lines) + exit_lines(lines)


@cm.kind("exunit-slowest", "test")
def n_exunit_slowest(lines):
    """Rules 2+5 on mix test --slowest N: the failures as exunit-trace, the counts line, the 'Top N slowest' header and every test line under it; EXIT=N."""
    out = _exunit_failures(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^Top \d+ slowest", ln):
            out.append(ln)
            for nxt in lines[i + 1:]:
                if not nxt.strip():
                    if len(out) and out[-1] != ln:
                        break
                    continue
                if re.match(r"^\s+\* ", nxt) or re.search(r"\(\d[\d.]*ms\)", nxt):
                    out.append(nxt)
                else:
                    break
    return out + exit_lines(lines)


@cm.kind("mix-compile-warnings-as-errors", "build")
def n_mix_wae(lines):
    """Rule 1 on mix compile --warnings-as-errors: every warning: / error: / ** (CompileError) line with the location line below it, and the 'Compilation failed due to warnings' line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"^\s*(warning|error): |\*\* \(\w+Error\)", ln):
            out.append(ln)
            loc = cm.next_match(lines, i, r"(└─ |^\s+)\S+\.exs?:\d+", 6)
            if loc:
                out.append(loc)
        elif "Compilation failed due to warnings" in ln:
            out.append(ln)
    return out + exit_lines(lines)


XREF_TRACE = re.compile(r"^(\S+\.exs?:\d+): (call|alias|import|require|struct|macro) (\S+) \((compile|export|runtime)\)")


@cm.kind("mix-xref-trace", "listing")
def n_xref_trace(lines):
    """Rule 5 on mix xref trace: every (compile) and (export) line, the (runtime) lines one {"any"} per called module; EXIT=N."""
    out, runtime = [], []
    for ln in lines:
        m = XREF_TRACE.match(ln.strip())
        if not m:
            if re.search(r"\*\* \(|error", ln):
                out.append(ln)
            continue
        if m.group(4) in ("compile", "export"):
            out.append(ln)
        else:
            target = m.group(3).rsplit(".", 1)[0] if m.group(2) in ("call", "macro") else m.group(3)
            runtime.append((target, ln))
    return out + cm.groups(runtime) + exit_lines(lines)


@cm.kind("elixir-genserver-crash-log", "log")
def n_genserver_log(lines):
    """Rule 1 on Logger's crash reports: every [error] line, each ** (Exception) reason line and the first stack line under it, every Last message line, every Supervisor line naming a child that terminated / failed to start / shut the supervisor down; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if "[error]" in ln or s.startswith("Last message") or re.search(r"(terminated|failed to start|shutdown: reached_max_restart_intensity|Supervisor .* (had|failed))", ln) and ("Child" in ln or "Supervisor" in ln or "Application" in ln):
            out.append(ln)
        elif s.startswith("** ("):
            out.append(ln)
            st = cm.next_match(lines, i, r"^\s+\(\S+ [\d.]+\) \S+:\d+:|^\s+\S+\.exs?:\d+:", 3)
            if st:
                out.append(st)
    return out + exit_lines(lines)


@cm.kind("erlang-sasl-report", "log")
def n_sasl(lines):
    """Rules 1+5 on SASL reports: every =CRASH REPORT / =SUPERVISOR REPORT / =ERROR REPORT header, under each the initial call:, exception, errorContext:, reason:, supervisor: lines and the child id line; every progress report's application: line; EXIT=N."""
    out, block = [], None
    for ln in lines:
        s = ln.strip()
        m = re.match(r"^=(\w+ REPORT)====", ln)
        if m:
            block = m.group(1)
            if block != "PROGRESS REPORT" and block != "INFO REPORT":
                out.append(ln)
            continue
        if block in ("CRASH REPORT", "SUPERVISOR REPORT", "ERROR REPORT"):
            if re.match(r"^(initial call|exception \w+|errorContext|reason|supervisor|Reason|Error in process|\*\* )", s) \
                    or re.match(r"^\[?\{?id,", s) or re.search(r"\{id,\S", s) and block == "SUPERVISOR REPORT":
                out.append(ln)
        elif block == "PROGRESS REPORT" and s.startswith("application:"):
            out.append(ln)
    return out + exit_lines(lines)


def _profile_rows(lines, hdr_pat, total_pat, col):
    """Round 24's profile rule: the header / totals lines and every row costing at least 10% of the total."""
    out, rows, total = [], [], None
    for ln in lines:
        if re.search(hdr_pat, ln):
            out.append(ln)
        m = re.search(total_pat, ln)
        if m:
            out.append(ln)
            try:
                total = float(m.group(1))
            except (IndexError, ValueError):
                pass
    for ln in lines:
        v = col(ln)
        if v is not None:
            rows.append((ln, v))
    if total is None and rows:
        total = sum(v for _, v in rows)
    if total:
        out += [ln for ln, v in rows if v >= 0.1 * total and ln not in out]
    return out


@cm.kind("mix-profile-eprof", "code")
def n_eprof(lines):
    """Round 24's profile rule on eprof: the column header and Total: line, every function row costing at least 10% of the total time; EXIT=N."""
    def col(ln):
        m = re.match(r"^(\S.*?)\s+(\d+)\s+([\d.]+)\s+(\d+)\s+([\d.]+)\s*$", ln)
        return float(m.group(4)) if m and not ln.startswith(("Total", "#")) else None
    return _profile_rows(lines, r"^#\s+CALLS\s+%\s+TIME|^\s*#?\s*(FUNCTION|Profile results of)", r"^Total:\s+\d+\s+[\d.]+\s+(\d+)", col) + exit_lines(lines)


@cm.kind("mix-profile-cprof", "code")
def n_cprof(lines):
    """Round 24's profile rule on cprof: the CNT header and Total line, every module / function row holding at least 10% of the total calls; EXIT=N."""
    def col(ln):
        m = re.match(r"^\s*(\S.*?)\s+(\d+)\s*(<--)?\s*$", ln)
        return float(m.group(2)) if m and not ln.strip().startswith("Total") and "CNT" not in ln else None
    out = _profile_rows(lines, r"^\s*CNT\s*$|^\s*\S*\s+CNT\b", r"^Total\s+(\d+)", col)
    return out + exit_lines(lines)


@cm.kind("ct-suite-log", "test")
def n_ct_suite_log(lines):
    """Rule 2 on common_test's suite.log: every =case line whose =result is not ok with that =result line, and the closing =successful / =failed / =skipped / =user_skipped / =auto_skipped lines; EXIT=N."""
    out, case = [], None
    for ln in lines:
        if ln.startswith("=case"):
            case = ln
        elif ln.startswith("=result") and case:
            if not ln.startswith("=result        ok") and not re.match(r"^=result\s+ok\b", ln):
                if not re.match(r"^=case\s+(init_per_suite|end_per_suite)\s*$", case) or "fail" in ln or "skip" in ln:
                    out += [case, ln]
            case = None
        elif re.match(r"^=(successful|failed|skipped|user_skipped|auto_skipped)\s", ln):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("rebar3-compile", "build")
def n_rebar3_compile(lines):
    """Rule 1 on rebar3 compile: every error line (file:N:C: without Warning:), every ===> line reporting a failure, warnings one {"any"} per (message shape, file); EXIT=N."""
    out, warns = [], []
    for ln in lines:
        m = re.match(r"^(\S+\.[ehx]rl):\d+:(\d+:)? (Warning: )?(.*)$", ln.strip())
        if m:
            if m.group(3) or m.group(4).startswith("Warning"):
                warns.append(((cm.mask(m.group(4)), m.group(1)), ln))
            else:
                out.append(ln)
        elif ln.startswith("===>") and re.search(r"fail|error|Error|abort|unable|Unable", ln):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("rebar3-xref", "lint")
def n_rebar3_xref(lines):
    """Rule 1 on rebar3 xref: every line naming a call to an undefined function, unused exports and locals one {"any"} per file, the ===> lines reporting an error or the verdict; EXIT=N."""
    out, unused = [], []
    for ln in lines:
        s = ln.strip()
        if re.search(r"undefined (function|module)", s):
            out.append(ln)
        elif re.search(r"is unused (export|local function)|exported but not used", s):
            f = s.replace("===> ", "").split(":", 1)[0]
            unused.append((f, ln))
        elif ln.startswith("===>") and re.search(r"fail|error|Error|abort", ln):
            out.append(ln)
    return out + cm.groups(unused) + exit_lines(lines)


# ------------------------------------------------------------------ the Elixir project

MIX_EXS = """defmodule Moorings.MixProject do
  use Mix.Project

  def project do
    [app: :moorings, version: "0.4.0", elixir: "~> 1.14", start_permanent: false, deps: []]
  end

  def application, do: [extra_applications: [:logger], mod: {Moorings.Application, []}]
end
"""

TIDES = '''defmodule Moorings.Tides do
  @moduledoc """
  Tide tables for the harbour.

      iex> Moorings.Tides.depth_at(12, 4.5)
      6.0

      iex> Moorings.Tides.depth_at(6, 4.5)
      3.0

      iex> Moorings.Tides.clearance(3.2, 1.8)
      1.4

      iex> Moorings.Tides.window([1.0, 2.5, 3.1, 2.0], 2.4)
      [1, 2]
  """

  def depth_at(hour, chart_depth) do
    chart_depth + 1.5 * :math.cos((hour - 12) / 12.4 * 2 * :math.pi())
  end

  def clearance(depth, draught), do: Float.round(depth - draught, 1)

  def window(levels, min) do
    levels |> Enum.with_index() |> Enum.filter(fn {l, _} -> l > min end) |> Enum.map(&elem(&1, 1))
  end
end
'''

BOOKING = '''defmodule Moorings.Booking do
  alias Moorings.{Berth, Tides}

  defstruct [:boat, :berth, :nights, :length_m, paid: false]

  def price(%__MODULE__{nights: n, length_m: len}, rate) do
    base = n * len * rate
    if n >= 7, do: base * 0.9, else: base
  end

  def fits?(%__MODULE__{length_m: len}, %Berth{max_length: max}), do: len < max

  def draught_ok?(depth, draught), do: Tides.clearance(depth, draught) > 0.5

  def parse(line) do
    [boat, berth, nights, len] = String.split(line, ",")
    %__MODULE__{boat: boat, berth: berth, nights: String.to_integer(nights), length_m: String.to_float(len)}
  end

  def confirm(%__MODULE__{paid: true} = b), do: {:ok, b}
  def confirm(%__MODULE__{} = b), do: {:error, {:unpaid, b.boat}}

  def unused_helper(booking, extra) do
    booking
  end
end
'''

BERTH = '''defmodule Moorings.Berth do
  defstruct [:id, :pontoon, :max_length, :depth, occupied: false]

  def new(id, pontoon, max_length, depth), do: %__MODULE__{id: id, pontoon: pontoon, max_length: max_length, depth: depth}

  def label(%__MODULE__{pontoon: p, id: id}), do: "#{p}-#{String.pad_leading(to_string(id), 2, "0")}"

  def free(berths), do: Enum.reject(berths, & &1.occupied)
end
'''

HARBOUR = '''defmodule Moorings.Harbour do
  use GenServer
  require Logger
  alias Moorings.{Berth, Booking}

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: Keyword.get(opts, :name, __MODULE__))

  def book(server \\\\ __MODULE__, booking), do: GenServer.call(server, {:book, booking})
  def release(server \\\\ __MODULE__, berth_id), do: GenServer.cast(server, {:release, berth_id})
  def occupancy(server \\\\ __MODULE__), do: GenServer.call(server, :occupancy)

  @impl true
  def init(opts) do
    berths = for i <- 1..Keyword.get(opts, :berths, 24), into: %{}, do: {i, Berth.new(i, Enum.at(~w(A B C), rem(i, 3)), 8 + rem(i, 7) * 2, 2.5 + rem(i, 4))}
    {:ok, %{berths: berths, bookings: []}}
  end

  @impl true
  def handle_call({:book, %Booking{berth: id} = b}, _from, state) do
    berth = Map.fetch!(state.berths, id)
    if Booking.fits?(b, berth) do
      {:reply, :ok, %{state | berths: Map.put(state.berths, id, %{berth | occupied: true}), bookings: [b | state.bookings]}}
    else
      {:reply, {:error, :too_long}, state}
    end
  end

  def handle_call(:occupancy, _from, state) do
    taken = Enum.count(state.berths, fn {_, b} -> b.occupied end)
    {:reply, taken / map_size(state.berths) * 100, state}
  end

  @impl true
  def handle_cast({:release, id}, state) do
    {:noreply, update_in(state.berths[id].occupied, fn _ -> false end)}
  end

  @impl true
  def handle_info({:tide, level}, state) when level < 0 do
    Logger.warning("negative tide level #{level}")
    {:noreply, state}
  end
end
'''

APPLICATION = '''defmodule Moorings.Application do
  use Application

  @impl true
  def start(_type, _args) do
    Supervisor.start_link([], strategy: :one_for_one, name: Moorings.Supervisor)
  end
end
'''

XREF_USER = '''defmodule Moorings.Report do
  require Logger
  import Moorings.Tides, only: [clearance: 2]
  alias Moorings.{Berth, Booking, Harbour}

  @default_rate Moorings.Rates.nightly(:summer)

  def nightly(bookings) do
    for %Booking{} = b <- bookings do
      {b.boat, Booking.price(b, @default_rate), clearance(3.0, 1.2)}
    end
  end

  def summary(server) do
    occ = Harbour.occupancy(server)
    Logger.info("occupancy #{occ}")
    %{occupancy: occ, free: Berth.free([]) |> length(), label: Berth.label(%Berth{id: 1, pontoon: "A"})}
  end

  def csv(lines), do: Enum.map(lines, &Booking.parse/1)
end
'''

RATES = '''defmodule Moorings.Rates do
  def nightly(:summer), do: 2.4
  def nightly(:winter), do: 1.1
  def nightly(_), do: 1.8
end
'''

CRASH_EXS = '''require Logger
Logger.configure(level: :info)
defmodule Moorings.Pump do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: :"pump_#{id}")
  def init(id), do: {:ok, %{id: id, litres: 0, readings: []}}
  def handle_cast({:run, secs}, s), do: {:noreply, %{s | litres: s.litres + div(secs * 12, s.id - 3)}}
  def handle_call(:reading, _from, s), do: {:reply, hd(s.readings), s}
  def handle_info(:overflow, s), do: {:stop, {:overflow, s.litres}, s}
end

defmodule Moorings.PumpSup do
  use Supervisor
  def start_link(n), do: Supervisor.start_link(__MODULE__, n, name: __MODULE__)
  def init(n) do
    children = for i <- 1..n, do: Supervisor.child_spec({Moorings.Pump, i}, id: {:pump, i})
    Supervisor.init(children, strategy: :one_for_one, max_restarts: 3, max_seconds: 5)
  end
end

Process.flag(:trap_exit, true)
{:ok, sup} = Moorings.PumpSup.start_link(6)
for i <- 1..6, do: GenServer.cast(:"pump_#{i}", {:run, 30 + i})
Process.sleep(100)
for i <- [1, 2, 4] do
  try do
    GenServer.call(:"pump_#{i}", :reading)
  catch
    :exit, reason -> Logger.error("reading from pump #{i} failed: #{inspect(reason, limit: 5)}")
  end
  Process.sleep(50)
end
send(:"pump_5", :overflow)
Process.sleep(300)
Logger.info("pumps alive: #{inspect(Supervisor.count_children(sup))}")
receive do
  {:EXIT, ^sup, reason} -> Logger.error("pump supervisor exited: #{inspect(reason)}")
after
  500 -> Logger.info("supervisor still up")
end
'''

CRASH2_EXS = '''require Logger
defmodule Moorings.Gate do
  use GenServer
  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: __MODULE__)
  def init(opts) do
    port = Keyword.fetch!(opts, :port)
    if port > 1024, do: {:ok, %{port: port, open: false}}, else: {:stop, {:bad_port, port}}
  end
  def handle_call({:open, code}, _from, s) do
    true = String.length(code) == 4
    {:reply, :ok, %{s | open: true}}
  end
end

defmodule Moorings.Ledger do
  use Agent
  def start_link(_), do: Agent.start_link(fn -> %{} end, name: __MODULE__)
  def add(boat, amount), do: Agent.update(__MODULE__, &Map.update(&1, boat, amount, fn v -> v + amount end))
end

Process.flag(:trap_exit, true)
children = [Moorings.Ledger, {Moorings.Gate, port: 4100}]
{:ok, sup} = Supervisor.start_link(children, strategy: :rest_for_one, max_restarts: 2, max_seconds: 10)
Moorings.Ledger.add("Kestrel", 40)
for code <- ["1234", "99", "4321", "7"] do
  try do
    GenServer.call(Moorings.Gate, {:open, code})
  catch
    :exit, r -> Logger.error("gate open #{code} failed: #{inspect(elem(r, 0), limit: 3)}")
  end
  Process.sleep(60)
end
Agent.update(Moorings.Ledger, fn m -> Map.fetch!(m, "Osprey") end)
Process.sleep(200)
{:error, reason} = Supervisor.start_link([{Moorings.Gate, port: 80}], strategy: :one_for_one)
Logger.error("second gate supervisor: #{inspect(reason)}")
Process.sleep(100)
IO.puts("done, supervisor alive? #{Process.alive?(sup)}")
'''

BENCH = '''defmodule Moorings.Bench do
  alias Moorings.{Booking, Tides}
  def run do
    bookings = for i <- 1..3000, do: %Booking{boat: "b#{i}", berth: rem(i, 24) + 1, nights: rem(i, 9) + 1, length_m: 6.0 + rem(i, 11)}
    prices = Enum.map(bookings, &Booking.price(&1, 2.4))
    depths = for h <- 0..23, b <- 1..200, do: Tides.depth_at(h, 2.0 + rem(b, 5))
    windows = for _ <- 1..200, do: Tides.window(Enum.take(depths, 48), 2.6)
    labels = for i <- 1..4000, do: Moorings.Berth.label(%Moorings.Berth{id: rem(i, 40), pontoon: "C"})
    {Enum.sum(prices), length(windows), length(labels)}
  end
end
'''


def gen_tests(seed: int, n_files: int, per_file: int, bad: dict) -> dict[str, str]:
    """ExUnit test files for generated berth modules; `bad` maps (file, test) to a failure shape put in."""
    rnd = random.Random(seed)
    files = {}
    for k in range(n_files):
        mod = f"Moorings.Pontoon{k}"
        body = [f"defmodule {mod}Test do", "  use ExUnit.Case, async: true", f"  alias Moorings.{{Booking, Berth, Tides}}", ""]
        if k == 0:
            body += ["  doctest Moorings.Tides", ""]
        body += [f'  describe "pontoon {chr(65 + k % 26)}{k}" do']
        for t in range(per_file):
            nights, length, rate = rnd.randint(1, 12), rnd.randint(5, 18), rnd.choice([1.8, 2.4, 3.0])
            expected = nights * length * rate * (0.9 if nights >= 7 else 1)
            shape = bad.get((k, t))
            name = f"{rnd.choice(['prices', 'charges', 'bills', 'quotes'])} a {length} m boat for {nights} nights at {rate} (#{t})"
            if shape == "eq":
                expected += rnd.choice([1.0, 2.4, -3.6])
            if shape == "timeout":
                body += ["    @tag timeout: 60", f'    test "{name} while the harbour is busy" do', "      Process.sleep(400)", "    end", ""]
            elif shape == "raise":
                body += [f'    test "{name} from a csv line" do',
                         f'      b = Booking.parse("boat{t},{k},{nights},{length}")', "      assert b.nights == " + str(nights), "    end", ""]
            elif shape == "match":
                body += [f'    test "{name} confirms" do', f"      b = %Booking{{boat: \"b{t}\", nights: {nights}, length_m: {length}.0}}",
                         "      assert {:ok, _} = Booking.confirm(b)", "    end", ""]
            elif shape == "truthy":
                body += [f'    test "{name} fits its berth" do',
                         f"      assert Booking.fits?(%Booking{{length_m: {length}.0}}, Berth.new(1, \"A\", {length}, 3.0))", "    end", ""]
            elif shape == "enum":
                body += [f'    test "{name} finds the tide window" do',
                         f"      assert Tides.window([1.0, 2.0, 3.0, 2.9], 2.9) == [2, 3]", "    end", ""]
            else:
                body += [f'    test "{name}" do',
                         f"      b = %Booking{{boat: \"b{t}\", nights: {nights}, length_m: {length}}}",
                         f"      assert_in_delta Booking.price(b, {rate}), {expected!r}, 0.001" if shape != "eq" else
                         f"      assert Float.round(Booking.price(b, {rate}), 2) == {round(expected, 2)!r}", "    end", ""]
        body += ["  end", "end", ""]
        files[f"test/pontoon_{k}_test.exs"] = "\n".join(body)
    return files


BAD = {(1, 3): "eq", (2, 7): "raise", (3, 1): "timeout", (4, 10): "match", (5, 5): "truthy", (6, 2): "eq",
       (7, 9): "enum", (8, 0): "raise", (9, 12): "eq", (10, 4): "timeout", (11, 8): "match", (12, 6): "truthy",
       (13, 11): "eq"}


def elixir_project(root: Path) -> None:
    files = {"mix.exs": MIX_EXS, "lib/moorings/tides.ex": TIDES, "lib/moorings/booking.ex": BOOKING,
             "lib/moorings/berth.ex": BERTH, "lib/moorings/harbour.ex": HARBOUR,
             "lib/moorings/application.ex": APPLICATION, "lib/moorings/report.ex": XREF_USER,
             "lib/moorings/rates.ex": RATES, "lib/moorings/bench.ex": BENCH, "test/test_helper.exs": "ExUnit.start()\n",
             "scripts/pumps.exs": CRASH_EXS, "scripts/gate.exs": CRASH2_EXS,
             "test/harbour_test.exs": HARBOUR_TEST,
             "config/config.exs": "import Config\nconfig :logger, handle_sasl_reports: true\n"}
    files.update(gen_tests(11700, 14, 28, BAD))  # 14 x 28 = 392 tests + 3 doctests + the harbour's
    write_tree(root, files)


HARBOUR_TEST = '''defmodule Moorings.HarbourTest do
  use ExUnit.Case
  alias Moorings.{Booking, Harbour}

  setup do
    {:ok, pid} = Harbour.start_link(name: nil, berths: 12)
    %{h: pid}
  end

  test "books a berth", %{h: h} do
    assert :ok = Harbour.book(h, %Booking{boat: "Kestrel", berth: 3, length_m: 7.5})
  end

  test "occupancy is a percentage", %{h: h} do
    :ok = Harbour.book(h, %Booking{boat: "Tern", berth: 2, length_m: 6.0})
    assert Harbour.occupancy(h) == 8
  end

  test "rejects an unknown berth", %{h: h} do
    assert {:error, :unknown_berth} = Harbour.book(h, %Booking{boat: "Gull", berth: 99, length_m: 6.0})
  end

  test "release frees the berth", %{h: h} do
    :ok = Harbour.book(h, %Booking{boat: "Auk", berth: 5, length_m: 6.0})
    Harbour.release(h, 5)
    assert Harbour.occupancy(h) == 0.0
  end
end
'''

WARN_MODS = {
    "lib/moorings/fees.ex": '''defmodule Moorings.Fees do
  def harbour_dues(length_m, nights, season) do
    rate = if season == :summer, do: 2.4, else: 1.1
    discount = 0.1
    length_m * nights * 2.4
  end

  def electricity(kwh, tariff), do: kwh * 0.32

  def water(litres) when litres > 0, do: litres * 0.004
  def water(0), do: 0
  def water(litres) when litres > 0, do: :never

  def late_fee(days), do: Moorings.Rates.penalty(days)
end
''',
    "lib/moorings/crane.ex": '''defmodule Moorings.Crane do
  require Logger
  @max_tonnes 25

  def lift(boat, tonnes) do
    case tonnes do
      t when t > @max_tonnes -> {:error, :too_heavy}
      t -> {:ok, boat}
      _ -> {:error, :unreachable}
    end
  end

  def schedule(boats) do
    Enum.map(boats, fn boat -> Logger.warn("lifting #{boat}") end)
  end

  defp unused_private(x), do: x * 2
end
''',
    "lib/moorings/fuel.ex": '''defmodule Moorings.Fuel do
  def price(litres, :diesel), do: litres * 1.62
  def price(litres, :petrol), do: litres * 1.79
  def receipt(boat, litres, kind) do
    total = price(litres, kind)
    "#{boat}: #{litres} l #{kind} = #{total}"
    String.upcase(boat)
  end
  def pump(id), do: Moorings.Pumps.status(id, :now)
end
''',
}


def beam_elixir(tmp: Path) -> None:
    root = tmp / "moorings"
    elixir_project(root)
    env = {"MIX_ENV": "test", "HOME": str(tmp / "home"), "ERL_AFLAGS": None}
    run("mix compile 2>&1 | tail -n 3", cwd=root, env=env, timeout=300)
    cap("mix-test-trace-all", "mix test --trace --seed 117", root, n_exunit_trace, env=env, timeout=600)
    cap("mix-test-trace-tail-80", "mix test --trace --seed 42 2>&1 | tail -n 80", root, n_exunit_trace, env=env)
    cap("mix-test-trace-harbour-echo", "mix test --trace test/harbour_test.exs test/pontoon_0_test.exs; echo EXIT=$?",
        root, n_exunit_trace, env=env)
    cap("mix-test-slowest-10", "mix test --slowest 10 --seed 7", root, n_exunit_slowest, env=env)
    cap("mix-test-slowest-25-pontoons", "mix test --slowest 25 test/pontoon_1_test.exs test/pontoon_3_test.exs "
        "test/pontoon_10_test.exs test/pontoon_12_test.exs 2>&1; echo EXIT=$?", root, n_exunit_slowest, env=env)
    cap("mix-xref-trace-report", "mix xref trace lib/moorings/report.ex", root, n_xref_trace, env=env)
    cap("mix-profile-eprof-bench", "mix profile.eprof -e 'Moorings.Bench.run()'", root, n_eprof, env={**env, "MIX_ENV": "dev"})
    cap("mix-profile-cprof-bench", "mix profile.cprof -e 'Moorings.Bench.run()' 2>&1 | head -n 120", root, n_cprof,
        env={**env, "MIX_ENV": "dev"})
    cap("mix-run-pumps-crash", "mix run --no-start scripts/pumps.exs", root, n_genserver_log, env={**env, "MIX_ENV": "dev"})
    cap("mix-run-gate-crash-echo", "mix run --no-start scripts/gate.exs 2>&1; echo EXIT=$?", root, n_genserver_log,
        env={**env, "MIX_ENV": "dev"})
    write_tree(root, WARN_MODS)
    cap("mix-compile-wae-force", "mix compile --force --warnings-as-errors", root, n_mix_wae, env={**env, "MIX_ENV": "dev"})


# ------------------------------------------------------------------ the Erlang project

GAUGE_APP = """{application, tidegauge,
 [{description, "Tide gauge poller"}, {vsn, "0.3.1"}, {registered, [tidegauge_sup]},
  {applications, [kernel, stdlib, sasl]}, {mod, {tidegauge_app, []}}, {env, [{stations, 7}]}]}.
"""

GAUGE_APP_ERL = """-module(tidegauge_app).
-behaviour(application).
-export([start/2, stop/1, demo/0]).

start(_Type, _Args) -> tidegauge_sup:start_link(application:get_env(tidegauge, stations, 8)).
stop(_State) -> ok.

demo() ->
    ok = application:ensure_started(sasl),
    {ok, _} = application:ensure_all_started(tidegauge),
    {error, _} = supervisor:start_child(tidegauge_sup, #{id => {station, 8}, start => {tidegauge_worker, start_link, [8]}}),
    [tidegauge_worker:reading(N, Level) || {N, Level} <- [{1, 3.2}, {2, -0.4}, {3, 2.9}, {5, bad}, {6, 1.1}]],
    timer:sleep(200),
    catch tidegauge_worker:calibrate(4, 0),
    timer:sleep(100),
    [catch tidegauge_worker:reading(7, X) || X <- [nan, nan, nan, nan]],
    timer:sleep(300),
    io:format("stations left: ~p~n", [catch supervisor:count_children(tidegauge_sup)]),
    application:stop(tidegauge).
"""

GAUGE_SUP = """-module(tidegauge_sup).
-behaviour(supervisor).
-export([start_link/1, init/1]).

start_link(N) -> supervisor:start_link({local, ?MODULE}, ?MODULE, N).

init(N) ->
    Children = [#{id => {station, I}, start => {tidegauge_worker, start_link, [I]}, restart => permanent}
                || I <- lists:seq(1, N)],
    {ok, {#{strategy => one_for_one, intensity => 3, period => 5}, Children}}.
"""

GAUGE_WORKER = """-module(tidegauge_worker).
-behaviour(gen_server).
-export([start_link/1, reading/2, calibrate/2, init/1, handle_call/3, handle_cast/2]).

start_link(N) -> gen_server:start_link({local, name(N)}, ?MODULE, N, []).
name(N) -> list_to_atom("station_" ++ integer_to_list(N)).

reading(N, Level) -> gen_server:cast(name(N), {reading, Level}).
calibrate(N, Factor) -> gen_server:call(name(N), {calibrate, Factor}).

init(8) -> {error, {no_serial_port, "/dev/ttyUSB8"}};
init(N) -> {ok, #{station => N, levels => [], offset => 0.0}}.

handle_cast({reading, Level}, S = #{levels := Ls, offset := Off}) when Level > -1.0 ->
    {noreply, S#{levels := [Level + Off | Ls]}};
handle_cast({reading, Level}, S) ->
    error_logger:warning_msg("station ~p: level ~p below datum~n", [maps:get(station, S), Level]),
    {noreply, S}.

handle_call({calibrate, Factor}, _From, S = #{levels := Ls}) ->
    Mean = lists:sum(Ls) / length(Ls),
    {reply, Mean / Factor, S}.
"""


def gen_suite(seed: int, n: int, bad: set) -> str:
    rnd = random.Random(seed)
    cases, bodies = [], []
    for i in range(n):
        name = f"{rnd.choice(['spring', 'neap', 'surge', 'ebb', 'flood'])}_tide_{i}"
        cases.append(name)
        a, b = rnd.randint(1, 40), rnd.randint(1, 40)
        if i in bad:
            kind = rnd.choice(["match", "badarith", "timeout", "skip"])
            if kind == "match":
                body = f"    {{ok, {a + b}}} = tide_sum({a}, {b} + 1)"
            elif kind == "badarith":
                body = f"    Levels = [{a}, {b}],\n    {a} = lists:sum(Levels) div (length(Levels) - 2)"
            elif kind == "timeout":
                body = "    ct:sleep(3000)"
            else:
                body = '    {skip, "gauge offline"}'
        else:
            body = f"    {{ok, {a + b}}} = tide_sum({a}, {b})"
        bodies.append(f"{name}(_Config) ->\n{body}.\n")
    return ("-module(tidegauge_SUITE).\n-compile(export_all).\n-compile(nowarn_export_all).\n\n"
            "all() -> [" + ", ".join(cases) + "].\n\n"
            "suite() -> [{timetrap, {seconds, 1}}].\n\n"
            "init_per_testcase(surge_tide_13, _Config) -> exit(no_gauge_fixture);\n"
            "init_per_testcase(_, Config) -> Config.\nend_per_testcase(_, _Config) -> ok.\n\n"
            "tide_sum(A, B) -> {ok, A + B}.\n\n" + "\n".join(bodies))


REBAR_SRC = {
    "rebar.config": "{erl_opts, [debug_info, warn_unused_vars]}.\n{deps, []}.\n"
                    "{xref_checks, [undefined_function_calls, undefined_functions, locals_not_used, exports_not_used, deprecated_function_calls]}.\n",
    "src/harbourlog.app.src": "{application, harbourlog, [{description, \"harbour log\"}, {vsn, \"0.1.0\"}, "
                              "{applications, [kernel, stdlib]}, {env, []}]}.\n",
}


def gen_rebar_modules(seed: int, n: int, broken: bool) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for k in range(n):
        fns, exports = [], []
        for j in range(rnd.randint(3, 6)):
            fn = f"{rnd.choice(['log', 'tally', 'moor', 'berth', 'fee'])}_{j}"
            exports.append(f"{fn}/2")
            kind = rnd.random()
            if kind < 0.2:
                fns.append(f"{fn}(Boat, Nights) ->\n    Unused = Nights * 2,\n    {{Boat, Nights}}.\n")
            elif kind < 0.35:
                fns.append(f"{fn}(Boat, Nights) ->\n    harbour_{(k + 1) % n}:missing_{j}(Boat, Nights).\n")
            elif kind < 0.45:
                fns.append(f"{fn}(Boat, Nights) ->\n    tidegauge:level(Boat, Nights).\n")
            else:
                fns.append(f"{fn}(Boat, Nights) ->\n    {{ok, Boat, Nights * {rnd.randint(2, 9)}}}.\n")
        if k == 3:
            fns.append("helper(X) -> X + 1.\n")
        if broken and k in (2, 5):
            fns.append("broken(B) ->\n    case B of\n        1 -> one;\n        _ -> Other\n    end.\n")
            exports.append("broken/1")
        if broken and k == 7:
            fns.append("bad_record(R) -> R#berth.length.\n")
        files[f"src/harbour_{k}.erl"] = (f"-module(harbour_{k}).\n-export([{', '.join(exports)}]).\n\n" + "\n".join(fns))
    return files


def beam_erlang(tmp: Path) -> None:
    root = tmp / "tidegauge"
    write_tree(root, {"ebin/tidegauge.app": GAUGE_APP, "src/tidegauge_app.erl": GAUGE_APP_ERL,
                      "src/tidegauge_sup.erl": GAUGE_SUP, "src/tidegauge_worker.erl": GAUGE_WORKER,
                      "test/tidegauge_SUITE.erl": gen_suite(11717, 60, {4, 9, 13, 21, 30, 38, 44, 51, 57})})
    run("erlc -o ebin src/*.erl", cwd=root)
    cap("erl-sasl-demo", "erl -noshell -pa ebin -kernel logger_level info -eval 'tidegauge_app:demo()' -s init stop",
        root, n_sasl)
    cap("erl-sasl-demo-tail-60-echo", "erl -noshell -pa ebin -eval 'tidegauge_app:demo()' -s init stop 2>&1 | "
        "tail -n 60; echo EXIT=$?", root, n_sasl)
    run("mkdir -p logs && ct_run -noshell -pa ebin -dir test -logdir logs > ct.out 2>&1", cwd=root, timeout=300)
    cap("ct-suite-log-cat", "cat logs/ct_run.*/*/run.*/suite.log", root, n_ct_suite_log)
    if not cm.have("rebar3", "rebar3-compile"):
        return
    rb = tmp / "harbourlog"
    write_tree(rb, {**REBAR_SRC, **gen_rebar_modules(11718, 14, True)})
    env = {"HOME": str(tmp / "home"), "REBAR_OFFLINE": "1"}
    cap("rebar3-compile-broken", "rebar3 compile", rb, n_rebar3_compile, env=env)
    cap("rebar3-compile-broken-echo", "rm -rf _build && rebar3 compile 2>&1 | tail -n 40; echo EXIT=$?", rb, n_rebar3_compile, env=env)
    write_tree(rb, gen_rebar_modules(11718, 14, False))
    cap("rebar3-compile-warnings", "rebar3 compile", rb, n_rebar3_compile, env=env)
    cap("rebar3-xref", "rebar3 xref", rb, n_rebar3_xref, env=env)


STEPS = [beam_elixir, beam_erlang]
