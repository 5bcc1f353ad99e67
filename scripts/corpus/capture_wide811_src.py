"""Round 811's material: a skep maker's Erlang application (`skeppers`) and Elixir project (`skepwork`), written here
with faults put in, and a seeded generator that widens both (more modules, more tests) for the larger items.
Imported by capture_wide811.py; nothing here runs a tool."""

from __future__ import annotations

import random

# ------------------------------------------------------------------ Erlang: skeppers

SKEPS = r"""%% @doc Skeps: coiled-straw hives, weighed and counted.
%% @author a skepper
-module(skeps).
-export([weigh/1, straw_rounds/2, coil/1, grade/1, tally/1, main/0, report/1]).

%% @doc Weigh a skep from its label, e.g. "12".
%% @spec weigh(string()) -> integer()
weigh(Label) ->
    list_to_integer(Label) * 3.

%% @doc Straw per round of a skep of `Height' rounds.
%% @returns number
straw_rounds(Straw, Rounds) ->
    Straw div Rounds.

%% @doc Coil a skep: only rye and wheat straw coil.
coil(rye) -> {ok, tight};
coil(wheat) -> {ok, loose}.

grade(W) when W > 40 -> heavy;
grade(W) when W > 20 -> middling;
grade(_W) -> light;
grade(0) -> empty.

tally(Skeps) ->
    Unused = length(Skeps),
    lists:foldl(fun({_Name, W}, Acc) -> Acc + W end, 0, Skeps).

report(Skeps) ->
    [io_lib:format("~s ~p~n", [N, grade(W)]) || {N, W} <- Skeps].

main() ->
    {ok, Count} = count_hackles([a, b, c]),
    io:format("hackles: ~p~n", [Count]).

count_hackles(L) when length(L) > 5 -> {ok, length(L)};
count_hackles(L) -> {short, length(L)}.

old_weight(S) -> S * 2.
"""

HACKLES = r"""%% @doc Hackles: the straw caps that keep rain off a skep.
-module(hackles).
-export([fit/2, shed/1, thatch/1, price/1]).
-record(hackle, {skep, straw = rye, rounds = 0}).

%% @doc Fit a hackle to a skep.
%% @throws {no_skep, term()}
fit(Skep, Rounds) ->
    #hackle{skep = Skep, rounds = Rounds}.

shed(#hackle{rounds = R} = H) when R > 3 ->
    H#hackle{rounds = R - 1};
shed(H) ->
    H.

thatch(Hs) ->
    [{ok, First} | _] = [check(H) || H <- Hs],
    First.

check(#hackle{rounds = 0}) -> {error, bare};
check(H) -> {ok, H}.

price(#hackle{straw = rye, rounds = R}) -> R * 4;
price(#hackle{straw = Straw, rounds = R}) ->
    Unused = Straw,
    R * 5.
"""

BEE_BOLES = r"""%% @doc Bee boles: wall niches that shelter skeps; a gen_server whose mailbox fills.
-module(bee_boles).
-behaviour(gen_server).
-export([start/0, start_link/0, flood/1, niche/1, stop/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).

start() -> gen_server:start({local, bee_boles}, ?MODULE, [], []).
start_link() -> gen_server:start_link({local, bee_boles}, ?MODULE, [], []).

%% Floods a slow keeper with N messages it reads one a second.
flood(N) ->
    Keeper = spawn(fun() -> register(bole_keeper, self()), slow_keeper() end),
    [Keeper ! {skep, I, lists:duplicate(40, I)} || I <- lists:seq(1, N)],
    Hoard = spawn(fun() -> register(straw_hoard, self()), hoard(lists:seq(1, 20000)) end),
    Hoard ! wake,
    ok.

slow_keeper() -> receive never -> ok after 60000 -> slow_keeper() end.
hoard(L) -> receive wake -> hoard([length(L) | L]); _ -> ok end.

niche(N) -> gen_server:call(bee_boles, {niche, N}).
stop() -> gen_server:stop(bee_boles).

init([]) -> {ok, #{niches => 12}}.
handle_call({niche, N}, _From, S = #{niches := M}) when N =< M -> {reply, {ok, N}, S};
handle_call({niche, N}, _From, S) -> {reply, {error, {no_niche, N}}, S}.
handle_cast(_Msg, S) -> {noreply, S}.
handle_info({wall, Stone}, S) -> {noreply, S#{stone => Stone * 2}}.
"""

SWARMS = r"""%% @doc Swarms: cast swarms hived into skeps by worker processes; some workers crash.
-module(swarms).
-export([fly/1, hive/1, catch_swarm/2, settle/1]).

fly(N) ->
    Parent = self(),
    Pids = [spawn(fun() -> Parent ! {self(), hive(I)} end) || I <- lists:seq(1, N)],
    collect(Pids, []).

collect([], Acc) -> lists:reverse(Acc);
collect(Pids, Acc) ->
    receive
        {Pid, R} -> collect(lists:delete(Pid, Pids), [R | Acc])
    after 200 -> {partial, length(Acc), length(Pids)}
    end.

hive(I) when I rem 7 =:= 0 -> 10 div (I rem 7);
hive(I) when I rem 11 =:= 0 -> {ok, _} = catch_swarm(I, cast);
hive(I) -> {hived, I, catch_swarm(I, prime)}.

catch_swarm(I, prime) -> {ok, I * 2};
catch_swarm(I, cast) -> {lost, I}.

settle(Swarm) ->
    case Swarm of
        {hived, I, _} -> I;
        {lost, I} -> -I
    end.
"""

SKEPPERS_SUP = r"""-module(skeppers_sup).
-behaviour(supervisor).
-export([start_link/0, init/1]).

start_link() -> supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    Flags = #{strategy => one_for_one, intensity => 2, period => 5},
    Children = [#{id => bee_boles, start => {bee_boles, start_link, []}},
                #{id => skep_counter, start => {skep_counter, start_link, [straw]}}],
    {ok, {Flags, Children}}.
"""

SKEP_COUNTER = r"""-module(skep_counter).
-behaviour(gen_server).
-export([start_link/1, init/1, handle_call/3, handle_cast/2, bump/0]).

start_link(Straw) -> gen_server:start_link({local, ?MODULE}, ?MODULE, Straw, []).
bump() -> gen_server:cast(?MODULE, bump).

init(straw) -> {ok, 0};
init(Straw) -> {ok, length(Straw)}.

handle_call(count, _From, N) -> {reply, N, N}.
handle_cast(bump, N) when N < 2 -> {noreply, N + 1};
handle_cast(bump, N) -> {noreply, N + undefined}.
"""

SKEPPERS_APP = r"""-module(skeppers_app).
-behaviour(application).
-export([start/2, stop/1]).

start(_Type, _Args) -> skeppers_sup:start_link().
stop(_State) -> ok.
"""

APP_FILE = """{application, skeppers,
 [{description, "A skep maker's yard"},
  {vsn, "0.8.11"},
  {modules, [skeppers_app, skeppers_sup, bee_boles, skep_counter, skeps, hackles, swarms]},
  {registered, [skeppers_sup, bee_boles, skep_counter]},
  {applications, [kernel, stdlib]},
  {mod, {skeppers_app, []}}]}.
"""

SKEPS_TESTS = r"""-module(skeps_tests).
-include_lib("eunit/include/eunit.hrl").

weigh_test() -> ?assertEqual(36, skeps:weigh("12")).
weigh_label_test() -> ?assertEqual(30, skeps:weigh("ten")).
straw_rounds_test() -> ?assertEqual(4, skeps:straw_rounds(12, 3)).
straw_rounds_zero_test() -> ?assertError(badarith, skeps:straw_rounds(12, 1)).
coil_rye_test() -> ?assertMatch({ok, tight}, skeps:coil(rye)).
coil_oat_test() -> ?assertMatch({ok, _}, skeps:coil(oat)).
grade_test_() ->
    [?_assertEqual(heavy, skeps:grade(41)),
     ?_assertEqual(middling, skeps:grade(21)),
     ?_assertEqual(empty, skeps:grade(0)),
     ?_assertEqual(light, skeps:grade(5))].
tally_test() -> ?assertEqual(9, skeps:tally([{a, 4}, {b, 4}])).
report_test() -> ?assert(length(skeps:report([{"bell", 30}])) =:= 2).
"""

HACKLES_TESTS = r"""-module(hackles_tests).
-include_lib("eunit/include/eunit.hrl").
-record(hackle, {skep, straw = rye, rounds = 0}).

fit_test() -> ?assertEqual(#hackle{skep = bell, rounds = 3}, hackles:fit(bell, 3)).
shed_test() -> ?assertMatch(#hackle{rounds = 4}, hackles:shed(#hackle{rounds = 5})).
thatch_test() -> ?assertEqual(ok, hackles:thatch([#hackle{rounds = 0}])).
price_test() -> ?assertEqual(20, hackles:price(#hackle{straw = wheat, rounds = 4})).
price_rye_test() -> ?assertNotEqual(12, hackles:price(#hackle{rounds = 3})).
slow_test_() -> {timeout, 1, fun() -> timer:sleep(1500) end}.
throws_test() -> ?assertThrow(no_skep, hackles:fit(none, 0)).
"""

ORDER_PARSER = r"""%% A skep order sheet: "order 3 skeps rye; order 2 hackles;"
Nonterminals sheet orders entry item qty material.
Terminals 'order' 'skeps' 'hackles' 'boles' int word ';' 'of' 'and'.
Rootsymbol sheet.

sheet -> orders : '$1'.
orders -> entry : ['$1'].
orders -> entry orders : ['$1' | '$2'].
entry -> 'order' qty item material ';' : {order, '$2', '$3', '$4'}.
entry -> 'order' qty item ';' : {order, '$2', '$3', rye}.
entry -> 'order' qty item 'and' item ';' : {order, '$2', ['$3', '$5'], rye}.
qty -> int : value('$1').
qty -> int int : value('$1') * 10 + value('$2').
qty -> '$empty' : 1.
item -> 'skeps' : skep.
item -> 'hackles' : hackle.
item -> 'boles' : bole.
item -> item 'and' item : ['$1', '$3'].
material -> word : value('$1').
material -> 'of' word : value('$2').
material -> '$empty' : rye.

Erlang code.
value({_, _, V}) -> V.
"""

BAD_PARSER = r"""Nonterminals sheet entry item swarm.
Terminals 'order' 'skeps' int ';'.
Rootsymbol sheet.

sheet -> entry : '$1'.
sheet -> sheet entry : ['$2' | '$1'].
entry -> 'order' int item ';' : {order, '$2', '$3'}.
item -> 'skeps' : skep.
item -> straw : '$1'.
entry -> 'order' int hackle : {order, '$2', '$3'}.

Erlang code.
"""

ORDER_LEXER = r"""%% Scanner for skep order sheets.
Definitions.
D = [0-9]
L = [a-z]
WS = [\s\t\n]
UNUSED = [A-Z]

Rules.
{D}+ : {token, {int, TokenLine, list_to_integer(TokenChars)}}.
order|skeps|hackles|boles|of|and : {token, {list_to_atom(TokenChars), TokenLine}}.
{L}+ : {token, {word, TokenLine, list_to_atom(TokenChars)}}.
; : {token, {';', TokenLine}}.
{WS}+ : skip_token.
#.* : skip_token.

Erlang code.
"""

BAD_LEXER = r"""Definitions.
D = [0-9]
Rules.
{D}+ : {token, {int, TokenLine, list_to_integer(TokenChars)}}.
[a-z+ : {token, {word, TokenLine, TokenChars}}.
{STRAW}+ : skip_token.
"( : {token, {open, TokenLine}}.
Erlang code.
"""

BAD_LEXER2 = r"""%% A scanner whose actions do not parse.
Definitions.
D = [0-9]
L = [a-z]
Rules.
{D}+ : {token, {int, TokenLine list_to_integer(TokenChars)}}.
{L}+ : {token, {word, TokenLine, TokenChars}.
; : {end_token, {';', TokenLine}}.
Erlang code.
"""

ESCRIPT = r"""#!/usr/bin/env escript
%%! -pa ebin
main(Args) ->
    io:format("tallying ~p skeps~n", [length(Args)]),
    Weights = [skeps:weigh(A) || A <- Args],
    io:format("total ~p~n", [lists:sum(Weights)]),
    Rounds = skeps:straw_rounds(lists:sum(Weights), length(Args) - length(Args)),
    io:format("rounds ~p~n", [Rounds]).
"""

ESCRIPT_UNDEF = r"""#!/usr/bin/env escript
%%! -pa ebin
main(_) ->
    io:format("hiving swarms~n"),
    R = swarms:fly(5),
    io:format("~p~n", [R]),
    bee_boles:wall_up(R).
"""

BROKEN = r"""-module(bee_broken).
-export([niche/1, wall/2]).

niche(N) ->
    case N of
        1 -> top;
        2 -> middle
    end
    bottom.

wall(Stones, Mortar) ->
    lists:map(fun(S) -> S + Mortar end, Stone).

-spec cap(integer()) -> atom().
"""


def erl_gen_modules(n: int, seed: int) -> dict[str, str]:
    """n generated skep-yard modules, each with a few warnings (and every 9th an error)."""
    rnd = random.Random(seed)
    words = ["bell", "beehive", "cap", "eke", "ringing", "straw", "bramble", "withy", "rush", "cloam"]
    out = {}
    for i in range(n):
        w = rnd.choice(words)
        body = [f"-module(skep_{i:02d}).", f"-export([rounds/1, weigh_{w}/2, coil/1]).", ""]
        body.append(f"rounds(N) -> Spare = {rnd.randint(2, 9)}, N * {rnd.randint(2, 30)}.")
        body.append(f"weigh_{w}(Skep, Straw) -> Skep + {rnd.randint(1, 50)}.")
        body.append("coil(rye) -> tight;")
        body.append("coil(_) -> loose;")
        body.append("coil(wheat) -> loose.")
        if rnd.random() < 0.5:
            body.append(f"helper_{w}(X) -> X.")
        if rnd.random() < 0.4:
            body.append(f"shift(X) -> <<X:8/float>>.")
        if i % 9 == 4:
            body.append(f"broken(X) -> X + undefined_{w}(X).")
            body[1] = body[1].replace("coil/1]", "coil/1, broken/1]")
        out[f"src/gen/skep_{i:02d}.erl"] = "\n".join(body) + "\n"
    return out


def erl_gen_tests(n: int, seed: int) -> str:
    """One EUnit module of n generated tests on skeps, about a fifth failing."""
    rnd = random.Random(seed)
    lines = ["-module(yard_tests).", '-include_lib("eunit/include/eunit.hrl").', ""]
    for i in range(n):
        w = rnd.randint(1, 60)
        r = rnd.randint(1, 9)
        shape = rnd.random()
        if shape < 0.08:
            lines.append(f'label_{i:03d}_test() -> ?assertEqual({w * 3}, skeps:weigh("{w}x")).')
        elif shape < 0.16:
            lines.append(f"rounds_{i:03d}_test() -> ?assertEqual({w // r + 1}, skeps:straw_rounds({w}, {r})).")
        elif shape < 0.20:
            lines.append(f"coil_{i:03d}_test() -> ?assertMatch({{ok, _}}, skeps:coil(oat)).")
        else:
            lines.append(f"weigh_{i:03d}_test() -> ?assertEqual({w * 3}, skeps:weigh(\"{w}\")).")
    return "\n".join(lines) + "\n"


def erl_gen_grammar(n: int, seed: int) -> str:
    """A widened order grammar: n item kinds and optional quantities, with conflicts and an unused terminal."""
    rnd = random.Random(seed)
    items = [f"item_{i}" for i in range(n)]
    terms = " ".join(f"'{t}'" for t in items)
    lines = ["Nonterminals sheet orders entry item qty material remark.",
             f"Terminals 'order' int word ';' 'of' 'and' 'note' 'unused_straw' {terms}.",
             "Rootsymbol sheet.", "",
             "sheet -> orders : '$1'.", "orders -> entry : ['$1'].", "orders -> entry orders : ['$1' | '$2'].",
             "orders -> orders entry : ['$2' | '$1'].",
             "entry -> 'order' qty item material ';' : {order, '$2', '$3', '$4'}.",
             "entry -> 'order' qty item remark ';' : {order, '$2', '$3', '$4'}.",
             "remark -> 'note' word : '$2'.", "remark -> '$empty' : none.",
             "qty -> int : '$1'.", "qty -> '$empty' : 1.", "qty -> qty int : '$1'.",
             "material -> word : '$1'.", "material -> 'of' word : '$2'.", "material -> '$empty' : rye."]
    for t in items:
        lines.append(f"item -> '{t}' : {t}.")
        if rnd.random() < 0.3:
            lines.append(f"item -> '{t}' 'and' item : ['{t}' | '$3'].")
    lines.append("item -> item 'and' item : ['$1', '$3'].")
    return "\n".join(lines) + "\n\nErlang code.\n"


# ------------------------------------------------------------------ Elixir: skepwork

EX_SKEP = r"""defmodule Skepwork.Skep do
  @moduledoc "A coiled-straw skep."
  defstruct [:name, rounds: 0, straw: :rye]

  alias Skepwork.Hackle
  import Enum, only: [map: 2, sum: 1]

  def weigh(%__MODULE__{rounds: r}), do: r * 3
  def weigh(label) when is_binary(label), do: String.to_integer(label) * 3

  def grade(w) when w > 40, do: :heavy
  def grade(w) when w > 20, do: :middling
  def grade(_w), do: :light
  def grade(0), do: :empty

  def tally(skeps) do
    unused = length(skeps)
    Enum.reduce(skeps, 0, fn s, acc -> acc + weigh(s) end)
  end

  def coil(:rye), do: {:ok, :tight}
  def coil(:wheat), do: {:ok, :loose}

  def capped(skep), do: Skepwork.Hackle.fit(skep, 3) |> Skepwork.Hackle.shedd()

  defp spare(x), do: x
end
"""

EX_HACKLE = r"""defmodule Skepwork.Hackle do
  @moduledoc "A straw cap for a skep."
  defstruct [:skep, rounds: 0]

  def fit(skep, rounds), do: %__MODULE__{skep: skep, rounds: rounds}

  def shed(%__MODULE__{rounds: r} = h) when r > 3, do: %{h | rounds: r - 1}
  def shed(h), do: h

  def price(%__MODULE__{rounds: r}, straw) do
    case straw do
      :rye -> r * 4
      :wheat -> r * 5
      _ -> r * 5
      :oat -> r * 6
    end
  end

  def thatch(hs) do
    [{:ok, first} | _] = Enum.map(hs, &check/1)
    first
  end

  defp check(%__MODULE__{rounds: 0}), do: {:error, :bare}
  defp check(h), do: {:ok, h}
end
"""

EX_BOLE = r"""defmodule Skepwork.Bole do
  @moduledoc "A bee bole in a wall."
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)
  def init(n), do: {:ok, %{niches: n}}
  def handle_call({:niche, i}, _from, %{niches: n} = s) when i <= n, do: {:reply, {:ok, i}, s}
  def handle_call({:niche, i}, _from, s), do: {:reply, {:error, {:no_niche, i}}, s}
  def handle_cast({:wall, stone}, s), do: {:noreply, Map.put(s, :stone, stone * 2)}
  def niche(i), do: GenServer.call(__MODULE__, {:niche, i})
end
"""

EX_BROKEN_TOKEN = r"""defmodule Skepwork.Swarm do
  def fly(n) do
    Enum.map(1..n, fn i ->
      if rem(i, 7) == 0 do
        {:lost, i}
      else
        {:hived, i}
    end)
  end
end
"""

EX_BROKEN_UNDEF = r"""defmodule Skepwork.Skepper do
  alias Skepwork.Skep

  def make(name) do
    skep = %Skep{name: name, rounds: 12}
    coil_straw(skep, :rye)
  end

  def sell(skep, price) do
    receipt(skep, price, vat)
  end

  defp receipt(skep, price), do: {skep.name, price}
end
"""

EX_TEST = r"""ExUnit.start(seed: 811)

defmodule Skepwork.SkepTest do
  use ExUnit.Case, async: false
  alias Skepwork.{Skep, Hackle}

  test "weighs a skep by rounds" do
    assert Skep.weigh(%Skep{rounds: 4}) == 12
  end

  test "weighs a skep from its label" do
    assert Skep.weigh("ten") == 30
  end

  test "grades an empty skep" do
    assert Skep.grade(0) == :empty
  end

  test "tallies skeps" do
    assert Skep.tally([%Skep{rounds: 2}, %Skep{rounds: 3}]) == 16
  end

  test "coils oat straw" do
    assert {:ok, _} = Skep.coil(:oat)
  end

  test "caps a skep" do
    assert %Hackle{rounds: 3} = Skep.capped(%Skep{name: "bell"})
  end

  test "thatches bare hackles" do
    assert Hackle.thatch([%Hackle{rounds: 0}]) == :ok
  end

  test "prices wheat hackles" do
    assert Hackle.price(%Hackle{rounds: 4}, :wheat) == 20
  end

  test "prices oat hackles" do
    assert Hackle.price(%Hackle{rounds: 4}, :oat) == 24
  end

  test "sheds rounds" do
    refute Hackle.shed(%Hackle{rounds: 5}).rounds == 4
  end
end
"""

MIX_EXS = r"""defmodule Skepwork.MixProject do
  use Mix.Project

  def project do
    [app: :skepwork, version: "0.8.11", elixir: "~> 1.14", deps: []]
  end

  def application, do: [extra_applications: [:logger]]
end
"""

IEX_SESSION = """alias Skepwork.{Skep, Hackle}
s = %Skep{name: "bell", rounds: 14}
Skep.weigh(s)
Skep.weigh("twelve")
Skep.grade(Skep.weigh(s))
Hackle.thatch([%Hackle{rounds: 0}, %Hackle{rounds: 2}])
Skep.coil(:oat)
{:ok, pid} = Skepwork.Bole.start_link(6)
Skepwork.Bole.niche(4)
Skepwork.Bole.niche(9)
Enum.map(1..5, &Skep.weigh(%Skep{rounds: &1}))
Skep.tally([s, %Skep{rounds: 3}])
"""

IEX_SESSION_BIG = IEX_SESSION.replace("Skepwork.Bole.start_link(6)", "GenServer.start(Skepwork.Bole, 6, name: Skepwork.Bole)") + """Enum.map(1..40, fn i -> {i, Skep.grade(i)} end)
Enum.chunk_every(1..60, 6) |> Enum.map(&Enum.sum/1)
Hackle.price(%Hackle{rounds: 4}, :oat)
1 / 0
String.to_atom(12)
for i <- 1..30, into: %{}, do: {"skep_#{i}", %Skep{name: "skep_#{i}", rounds: i}}
Map.fetch!(%{bell: 1}, :cap)
Skepwork.Bole.niche(3)
GenServer.cast(Skepwork.Bole, {:wall, :stone})
:timer.sleep(100)
Skepwork.Bole.niche(2)
Enum.sum(for i <- 1..100, do: Skep.weigh(%Skep{rounds: i}))
"""


def ex_gen_modules(n: int, seed: int) -> dict[str, str]:
    """n generated Elixir modules with warnings of several shapes."""
    rnd = random.Random(seed)
    words = ["bell", "cap", "eke", "ring", "straw", "bramble", "withy", "rush"]
    out = {}
    for i in range(n):
        w = rnd.choice(words)
        lines = [f"defmodule Skepwork.Yard{i:02d} do"]
        if rnd.random() < 0.5:
            lines.append("  alias Skepwork.Hackle")
        lines.append(f"  def rounds_{w}(n) do\n    spare = {rnd.randint(2, 9)}\n    n * {rnd.randint(2, 30)}\n  end")
        lines.append(f"  def weigh(skep, straw), do: skep + {rnd.randint(1, 40)}")
        if rnd.random() < 0.5:
            lines.append(f"  defp helper_{w}(x), do: x")
        if rnd.random() < 0.4:
            lines.append(f"  def sell(s), do: Skepwork.Skep.sel(s, {i})")
        if rnd.random() < 0.3:
            lines.append("  def coil(:rye), do: :tight\n  def coil(_), do: :loose\n  def coil(:wheat), do: :loose")
        lines.append("end")
        out[f"lib/yard/yard_{i:02d}.ex"] = "\n".join(lines) + "\n"
    return out


def ex_gen_tests(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    lines = ["ExUnit.start(seed: 0)", "", "defmodule Skepwork.YardTest do", "  use ExUnit.Case",
             "  alias Skepwork.Skep", ""]
    for i in range(n):
        r = rnd.randint(1, 40)
        x = rnd.random()
        if x < 0.1:
            lines.append(f'  test "yard {i:03d} weighs label" do\n    assert Skep.weigh("{r}s") == {r * 3}\n  end')
        elif x < 0.2:
            lines.append(f'  test "yard {i:03d} grades" do\n    assert Skep.grade({r}) == :heavy\n  end')
        else:
            lines.append(f'  test "yard {i:03d} weighs rounds" do\n    assert Skep.weigh(%Skep{{rounds: {r}}}) == {r * 3}\n  end')
    lines.append("end")
    return "\n".join(lines) + "\n"


def erlang_tree() -> dict[str, str]:
    t = {"src/skeps.erl": SKEPS, "src/hackles.erl": HACKLES, "src/bee_boles.erl": BEE_BOLES, "src/swarms.erl": SWARMS,
         "src/skeppers_sup.erl": SKEPPERS_SUP, "src/skep_counter.erl": SKEP_COUNTER,
         "src/skeppers_app.erl": SKEPPERS_APP, "ebin/skeppers.app": APP_FILE, "test/skeps_tests.erl": SKEPS_TESTS,
         "test/hackles_tests.erl": HACKLES_TESTS, "test/yard_tests.erl": erl_gen_tests(260, 811),
         "grammar/order_parser.yrl": ORDER_PARSER, "grammar/bad_parser.yrl": BAD_PARSER,
         "grammar/yard_parser.yrl": erl_gen_grammar(40, 811), "grammar/order_lexer.xrl": ORDER_LEXER,
         "grammar/bad_lexer.xrl": BAD_LEXER, "grammar/bad_lexer2.xrl": BAD_LEXER2, "tally.escript": ESCRIPT, "hive.escript": ESCRIPT_UNDEF,
         "broken/bee_broken.erl": BROKEN}
    t.update(erl_gen_modules(36, 811))
    return t


def elixir_tree() -> dict[str, str]:
    t = {"mix.exs": MIX_EXS, "lib/skepwork/skep.ex": EX_SKEP, "lib/skepwork/hackle.ex": EX_HACKLE,
         "lib/skepwork/bole.ex": EX_BOLE, "broken/swarm.ex": EX_BROKEN_TOKEN, "broken/skepper.ex": EX_BROKEN_UNDEF,
         "test_scripts/skep_test.exs": EX_TEST, "test_scripts/yard_test.exs": ex_gen_tests(180, 811),
         "session.txt": IEX_SESSION, "session_big.txt": IEX_SESSION_BIG}
    t.update(ex_gen_modules(28, 811))
    return t
