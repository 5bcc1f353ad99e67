"""Round 13, languages the corpus never met (continued): Nim, Free Pascal, Ada (gnatmake), Prolog (swipl),
Scheme (guile) and Erlang (erlc and EUnit), each on a small project written here with real bugs in it (Crystal is in
capture_wide13_langs4.py). Run through capture_wide13.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import add_or_skip as add, have, mask, run, write_tree
from capture_wide10 import line_rule
from capture_wide13 import diag_rule

# ================================================================== Nim

n_nim = diag_rule(
    "nim-compile", "build",
    "Rule 1 on nim c: every 'file.nim(L, C) Error: …' line; 'Warning:' lines one needle per ([WarningName], file); the 'Hint:' progress lines are noise.",
    hit=r"\) Error: |^Error: ",
    warn=r"^(\S+\.nim)\(\d+, \d+\) Warning: .*\[(\w+)\]$", key=lambda m: (m.group(2), m.group(1)))
n_nim_rt = line_rule(
    "nim-unhandled-defect", "log",
    "Rule 1 on a Nim program dying: the 'Error: unhandled exception: … [XDefect]' line and every traceback frame line ('file.nim(L) proc') above it.",
    hit=r"unhandled exception|^\S+\.nim\(\d+\)\s+\w+$")

NIM = {
    "stats.nim": """import std/[strutils, sequtils, tables, math]

type
  Sample = object
    name: string
    values: seq[float]

proc mean(xs: seq[float]): float =
  if xs.len == 0: return 0.0
  result = sum(xs) / xs.len

proc parseSample(line: string): Sample =
  let parts = line.split(':')
  result.name = parts[0]
  result.values = parts[1].split(',').mapIt(parseFloat(it.strip))

proc summary(s: Sample): string =
  let m = mean(s.values)
  result = s.name & ": " & m

proc count(t: Table[string, int], key: string): int =
  var unused = 3
  t.getOrDefault(key, "0")

let s = parseSample("a: 1, 2, 3")
echo summary(s)
echo count(initTable[string, int](), "x")
echo undefinedProc(s)
""",
    "crash.nim": """import std/[strutils, sequtils]

proc pick(xs: seq[int], i: int): int = xs[i]

proc load(): seq[int] =
  for w in "3 1 4 1 5".split(' '):
    result.add parseInt(w)

let xs = load()
for i, x in xs:
  echo "item ", i, " = ", x, " (running sum ", xs[0 .. i].foldl(a + b), ")"
echo "third: ", pick(xs, 2)
echo "ninth: ", pick(xs, 8)
""",
}


def cap_nim(tmp: Path) -> None:
    if not have("nim", "nim"):
        return
    d = tmp / "nim"
    write_tree(d, NIM)
    env = {"XDG_CACHE_HOME": str(tmp / "nim-cache")}
    add("nim-c-type-mismatch", "nim c stats.nim 2>&1", run("nim c stats.nim 2>&1", cwd=d, env=env, timeout=300), n_nim)
    add("nim-check-all-errors", "nim check stats.nim 2>&1", run("nim check stats.nim 2>&1", cwd=d, env=env, timeout=300), n_nim)
    cmd = "nim c -r --hints:off crash.nim 2>&1"
    add("nim-index-defect", cmd, run(cmd, cwd=d, env=env, timeout=300), n_nim_rt)


# ================================================================== Free Pascal

n_fpc = diag_rule(
    "fpc", "build",
    "Rules 1+3 on Free Pascal: every 'file(L,C) Error: …' / 'Fatal: …' line and the closing 'Error: …ppcx64 returned an error exitcode'; warnings and notes one needle per (message shape, file).",
    hit=r"\) (Error|Fatal): |^Fatal: |^Error: ",
    warn=r"^(\S+\.pas)\(\d+,\d+\) (Warning|Note|Hint): (.*)$", key=lambda m: (m.group(2), mask(m.group(3)), m.group(1)))

PASCAL = {
    "ledger.pas": """program Ledger;
{$mode objfpc}{$H+}
uses SysUtils, Classes;

type
  TEntry = record
    Account: string;
    Amount: Integer;
  end;

var
  Entries: array of TEntry;
  I, Total, Unused: Integer;
  Name: string;

function Balance(const Acct: string): Integer;
var J: Integer;
begin
  for J := 0 to High(Entries) do
    if Entries[J].Account = Acct then
      Result := Result + Entries[J].Amount;
end;

procedure AddEntry(const A: string; N: Integer);
begin
  SetLength(Entries, Length(Entries) + 1);
  Entries[High(Entries)].Account := A;
  Entries[High(Entries)].Amount := N;
end;

begin
  AddEntry('cash', 100);
  AddEntry('bank', '250');
  Total := 0;
  for I := 0 to High(Entries) do
    Total := Total + Entries[I].Amount;
  Name := Total;
  WriteLn('cash: ', Balance('cash'), ' total: ', Totl);
end.
""",
}


def cap_pascal(tmp: Path) -> None:
    if not have("fpc", "fpc"):
        return
    d = tmp / "pascal"
    write_tree(d, PASCAL)
    add("fpc-compile-errors", "fpc -vw -vn -vh ledger.pas 2>&1", run("fpc -vw -vn -vh ledger.pas 2>&1", cwd=d), n_fpc)


# ================================================================== Ada

n_gnat = diag_rule(
    "gnatmake", "build",
    "Rules 1+3 on gnatmake: every 'file.adb:L:C: error: …' line (and a bare 'file:L:C: …' line without a level, which GNAT prints for errors); warnings one needle per (message shape, file); the 'gnatmake: \"x\" compilation error' line.",
    hit=r"^\S+\.ad[bs]:\d+:\d+: (error: |(?!warning|\(style\)|info)[^\s(])|compilation error",
    warn=r"^(\S+\.ad[bs]):\d+:\d+: warning: (.*)$", key=lambda m: (mask(m.group(2)), m.group(1)))

ADA = {
    "main.adb": """with Ada.Text_IO; use Ada.Text_IO;
with Accounts;

procedure Main is
   A : Accounts.Account := Accounts.Open ("cash");
   B : Accounts.Account := Accounts.Open ("bank");
   Unused : Integer := 3;
   Rate : Float := 0.05;
   Count : Natural := -1;
   type Day is (Mon, Tue, Wed);
   D : Day := Thu;
begin
   Accounts.Deposit (A, 100);
   Accounts.Deposit (A, "50");
   Accounts.Deposit (B, Rate * 100);
   Put_Line ("Balance:" & Integer'Image (Accounts.Balance (A)));
   Put_Line ("Owner: " & A.Owner);
   Accounts.Close (A);
   for I in 1 .. Count loop
      Put_Line (I);
   end loop;
   if Accounts.Balance (B) > 0 then
      Put_Line ("positive")
   end if;
end Main;
""",
    "accounts.ads": """package Accounts is
   type Account is private;
   function Open (Owner : String) return Account;
   procedure Deposit (A : in out Account; Amount : Natural);
   function Balance (A : Account) return Integer;
private
   type Account is record
      Owner   : String (1 .. 16);
      Balance : Integer := 0;
   end record;
end Accounts;
""",
    "accounts.adb": """package body Accounts is
   function Open (Owner : String) return Account is
      R : Account;
   begin
      R.Owner (1 .. Owner'Length) := Owner;
      return R;
   end Open;

   procedure Deposit (A : in out Account; Amount : Natural) is
   begin
      A.Balance := A.Balance + Amount
   end Deposit;

   function Balance (A : Account) return Integer is
   begin
      return A.Balance;
   end Balance;
end Accounts;
""",
}


def cap_ada(tmp: Path) -> None:
    if not have("gnatmake", "gnatmake"):
        return
    d = tmp / "ada"
    write_tree(d, ADA)
    add("gnatmake-errors", "gnatmake -gnatwa main.adb 2>&1", run("gnatmake -gnatwa main.adb 2>&1", cwd=d, timeout=200), n_gnat)


# ================================================================== Prolog and Scheme

n_swipl = line_rule(
    "swipl", "log",
    "Rule 1 on SWI-Prolog loading and running a file: every 'ERROR:' / 'Warning:' header line naming a file:line, the message line below each, and the goal's 'Warning: … goal (directive) failed' line.",
    hit=r"^(ERROR|Warning): (/|\S+:\d+)|goal \(\w+\) (failed|raised)", loc=r"^(ERROR|Warning):\s+\S", ahead=1)
n_guile = line_rule(
    "guile-error", "log",
    "Rule 1 on guile: every ';;; …: warning:' compile warning line, the 'ERROR: In procedure …' line and the message line after it, the closing 'file.scm:L:C: message' line, and the 'In file.scm:' header of the innermost backtrace frame with the frame below it.",
    hit=r"^;;; .*: warning: |^ERROR: |^In procedure |^\S+\.scm:\d+:\d+:|^In /\S+\.scm:$", loc=r"^\s+\d+:\d+\s+0 ", ahead=1)

PROLOG = {
    "family.pl": """:- module(family, [grandparent/2, ancestor/2, siblings/2]).

parent(tom, bob).
parent(tom, liz).
parent(bob, ann).
parent(bob, pat).
parent(pat, jim).

grandparent(X, Z) :- parent(X, Y), parent(Y, Z).

ancestor(X, Y) :- parent(X, Y).
ancestor(X, Y) :- parent(X, Z), ancestor(Z, Y).

siblings(X, Y) :- parent(P, X), parent(P, Y), X \\== Y.

cousins(X, Y) :- parent(A, X), parent(B, Y), siblings(A, B), Unused = 1.

age(tom, 70).
age(bob, 45).
parent(liz, sue).

older(X, Y) :- age(X, AX), age(Y, AY), AX > AY.

count_desc(X, N) :- findall(D, ancestor(X, D), Ds), length(Ds, N).

price(apple, 3).
price(pear, Cost) :- Cost is 4.
price(plum, _).
basket_total(Items, Total) :- maplist(price, Items, Prices), sum_list(Prices, Total), Extra = 0.
discount(Code, Rate) :- member(Code-Rate, [ten-0.1, half-0.5]), Unused2 = Code.
:- discontiguous price/2.
bad_sum([], 0).
bad_sum([H|T], S) :- bad_sum(T, S0), S is S0 + H.

report :-
    count_desc(tom, N), format("tom has ~w descendants~n", [N]),
    forall(member(P, [tom, bob, pat, liz]), (count_desc(P, K), format("~w: ~w descendants~n", [P, K]))),
    basket_total([apple, pear], T), format("basket ~w~n", [T]),
    catch(basket_total([apple, plum], T2), E, (print_message(error, E), T2 = none)), format("basket2 ~w~n", [T2]),
    bad_sum([1, 2, three], S), format("sum ~w~n", [S]).

:- initialization(report).
:- initialization(older(ann, tom)).
""",
}

SCHEME = {
    "inventory.scm": """(use-modules (srfi srfi-1))

(define stock '((apple . 3) (pear . 0) (plum . 7)))

(define (qty item)
  (cdr (assq item stock)))

(define (total)
  (fold + 0 (map cdr stock)))

(define (ratio a b)
  (/ (qty a) (qty b)))

(define (restock! item n)
  (set! stock (cons (cons item (+ (qty item) n)) stock)))

(display (list 'total (total))) (newline)
(display (list 'apple (qty 'apple) (undefined-helper 'apple))) (newline)
(display (list 'kiwi (qty 'kiwi))) (newline)
""",
}


def cap_prolog_scheme(tmp: Path) -> None:
    d = tmp / "lp"
    write_tree(d, PROLOG | SCHEME)
    if have("swipl", "swipl"):
        add("swipl-load-errors", "swipl -q -t halt family.pl 2>&1", run("swipl -q -t halt family.pl 2>&1", cwd=d), n_swipl)
    if have("guile", "guile"):
        add("guile-backtrace", "guile inventory.scm 2>&1", run("guile inventory.scm 2>&1", cwd=d), n_guile)


# ================================================================== Erlang

n_erlc = diag_rule(
    "erlc", "build",
    "Rule 1 on erlc: every 'file.erl:L:C: message' line that is not a warning (errors carry no level); warnings one needle per (message shape, file).",
    hit=r"^\S+\.erl:\d+:(\d+:)? (?!Warning)",
    warn=r"^(\S+\.erl):\d+:(\d+:)? Warning: (.*)$", key=lambda m: (mask(m.group(3)), m.group(1)))
n_eunit = line_rule(
    "eunit", "test",
    "Rule 2 on EUnit (verbose): every '…*failed*' test line, the first '**error:' / '**exit:' line after it, and the 'Failed: N.  Skipped: M.  Passed: K.' summary.",
    hit=r"\*failed\*|^\*\*(error|exit|throw):|^\s+expected", summary=r"Failed: \d+\.|All \d+ tests passed|There were no tests")

ERLANG = {
    "ledger.erl": """-module(ledger).
-export([new/0, post/4, balance/2, total/1, fee/1, report/1]).

new() -> #{}.

post(L, From, To, Amount) when Amount > 0 ->
    L1 = maps:update_with(From, fun(V) -> V - Amount end, -Amount, L),
    maps:update_with(To, fun(V) -> V + Amount end, Amount, L1).

balance(L, Acct) -> maps:get(Acct, L, 0).

total(L) -> lists:sum(maps:values(L)).

fee(Amount) -> Amount div 100.

report(L) ->
    [io_lib:format("~s: ~p~n", [K, V]) || {K, V} <- maps:to_list(L)].
""",
    "ledger_tests.erl": """-module(ledger_tests).
-include_lib("eunit/include/eunit.hrl").

post_test() ->
    L = ledger:post(ledger:new(), cash, bank, 40),
    ?assertEqual(-40, ledger:balance(L, cash)),
    ?assertEqual(40, ledger:balance(L, bank)).

total_is_zero_test() ->
    L = ledger:post(ledger:post(ledger:new(), a, b, 5), b, c, 3),
    ?assertEqual(0, ledger:total(L)).

fee_rounds_up_test() ->
    ?assertEqual(2, ledger:fee(150)).

negative_rejected_test() ->
    ?assertError(function_clause, ledger:post(ledger:new(), a, b, -1)).

zero_rejected_test() ->
    ?assertEqual(ok, ledger:post(ledger:new(), a, b, 0)).

unknown_balance_test() ->
    ?assertEqual(undefined, ledger:balance(ledger:new(), nobody)).

report_test() ->
    L = ledger:post(ledger:new(), cash, bank, 1),
    ?assertMatch([_, _], ledger:report(L)).
""",
    "broken.erl": """-module(broken).
-export([start/0, parse/1, deposit/2, classify/1]).

start() ->
    Pid = spawn(fun loop/0),
    Pid ! {add, 1},
    Result.

loop() ->
    receive
        {add, N} -> loop(N + Total);
        stop -> ok
    end.

parse(Bin) ->
    case binary:split(Bin, <<",">>) of
        [A, B] -> {A, B};
        _ -> undefined_fun(Bin)
    end.

helper(X) -> X * 2.

-record(account, {id, owner, balance = 0}).

deposit(#account{balance = B} = A, Amount) when Amount > 0 ->
    A#account{balance = B + Amount, currency = eur};
deposit(A, _) ->
    A.

report(Accounts) ->
    Total = lists:sum([A#account.balance || A <- Accounts]),
    io:format("~p accounts, total ~p~n", [length(Accounts)]),
    Unused = 42,
    Total.

classify(N) when N > 100 -> big;
classify(N) when N > 100 -> huge;
classify(_) -> small.
""",
}


def cap_erlang(tmp: Path) -> None:
    if not have("erlc", "erlc"):
        return
    d = tmp / "erlang"
    write_tree(d, ERLANG)
    add("erlc-errors", "erlc broken.erl 2>&1", run("erlc +warn_unused_vars broken.erl 2>&1", cwd=d, timeout=120), n_erlc)
    cmd = "erlc ledger.erl ledger_tests.erl && erl -noshell -eval 'eunit:test(ledger, [verbose])' -s init stop 2>&1"
    add("eunit-verbose", cmd, run(cmd, cwd=d, timeout=200), n_eunit)


STEPS = [cap_nim, cap_pascal, cap_ada, cap_prolog_scheme, cap_erlang]
