"""Round 13, languages the corpus never met, from Debian's packages: Haskell (ghc type errors, a runtime error),
OCaml (ocamlc errors, an uncaught exception), C# on mono (mcs errors, an unhandled exception) and R (Rscript error,
testthat failures, a model summary), each on a small project written here with real bugs in it (Lua, Fortran and
clang's tools are in capture_wide13_langs3.py). Run through capture_wide13.py."""

from __future__ import annotations

import re
from pathlib import Path

from capture_more import add_or_skip as add, groups, have, kind, prev_match, run, write_tree
from capture_wide10 import line_rule
from capture_wide13 import diag_rule

# ================================================================== Haskell

n_ghc = diag_rule(
    "ghc", "build",
    "Rule 1 on ghc: every 'file.hs:L:C: error:' line with the first '• …' message line below it; warnings one needle per (-W flag, file); the '[N of M] Compiling' lines are progress.",
    hit=r"^\S+\.hs:\d+:\d+(-\d+)?: error", loc=r"^\s+• ", ahead=3,
    warn=r"^(\S+\.hs):[\d:()-]+: warning: \[(-W[\w-]+)", key=lambda m: (m.group(2), m.group(1)))
n_ghc_runtime = line_rule(
    "ghc-runtime-error", "log",
    "Rule 1 on a Haskell program dying: the 'prog: message' error line(s) and the 'error, called at file:L:C' / 'CallStack' location lines.",
    hit=r"^\S+: (Prelude\.|.*[Ee]xception|.*error|.*Map\.!|.*divide by zero)|called at \S+\.hs:\d+")

HASKELL = {
    "Inventory.hs": """module Main where

import qualified Data.Map as Map
import Data.List (sortBy, foldl')
import Data.Maybe (fromMaybe)
import Control.Monad (forM_, when)

data Item = Item { sku :: String, qty :: Int, price :: Double } deriving (Show, Eq)

type Stock = Map.Map String Item

addItem :: Stock -> Item -> Stock
addItem st it = Map.insertWith merge (sku it) it st
  where merge new old = old { qty = qty old + qty new }

value :: Stock -> Double
value st = sum [fromIntegral (qty i) * price i | i <- Map.elems st]

restock :: Int -> Stock -> Stock
restock n = Map.map (\\i -> i { qty = qty i + n })

lowStock :: Int -> Stock -> [Item]
lowStock limit st = filter (\\i -> qty i < limit) (Map.elems st)

report :: Stock -> String
report st = unlines [sku i ++ ": " ++ qty i | i <- Map.elems st]

average :: [Item] -> Double
average xs = sum (map price xs) / length xs

parseItem :: String -> Maybe Item
parseItem line = case words line of
  [s, q, p] -> Just (Item s (read q) (read p))
  _ -> Nothing

total :: Stock -> Int
total st = foldl' (+) 0 (map price (Map.elems st))

main :: IO ()
main = do
  let st = foldl addItem Map.empty [Item "A1" 3 2.5, Item "B2" 10 1.0, Item "A1" 2 2.5]
  putStrLn (report st)
  print (value st, lowStock "5" st)
  forM_ (Map.elems st) $ \\i ->
    when (qty i > 4) $ putStrLn (sku i)
""",
    "Crash.hs": """module Main where

import qualified Data.Map as Map

lookupAll :: Map.Map String Int -> [String] -> [Int]
lookupAll m = map (m Map.!)

median :: [Int] -> Int
median [] = error "median: empty sample"
median xs = xs !! (length xs `div` 2)

main :: IO ()
main = do
  let m = Map.fromList [("a", 1), ("b", 2), ("c", 3)]
  mapM_ (\\(k, v) -> putStrLn ("weight " ++ k ++ " = " ++ show v ++ ", running median " ++ show (median (take v [1 .. 9])))) (Map.toList m)
  print (lookupAll m ["a", "b"])
  print (median (lookupAll m ["c", "a"]))
  print (lookupAll m ["a", "d"])
  print (median (filter (> 10) (lookupAll m ["a", "b", "c"])))
""",
}


def cap_haskell(tmp: Path) -> None:
    if not have("ghc", "ghc"):
        return
    d = tmp / "haskell"
    write_tree(d, HASKELL)
    add("ghc-type-errors", "ghc -Wall -fno-code Inventory.hs 2>&1", run("ghc -Wall -fno-code Inventory.hs 2>&1", cwd=d, timeout=300), n_ghc)
    add("runghc-error-callstack", "runghc Crash.hs 2>&1", run("runghc Crash.hs 2>&1", cwd=d, timeout=300), n_ghc_runtime)


# ================================================================== OCaml

n_ocaml_exc = line_rule(
    "ocaml-uncaught", "log",
    "Rule 1 on an OCaml program dying: the 'Fatal error: exception …' / 'Exception: …' line and every 'Raised at / Called from … file \"x\", line N' backtrace line.",
    hit=r"^(Fatal error: exception|Exception:)|^(Raised at|Called from|Re-raised at) ")


@kind("ocamlc", "build")
def n_ocamlc(lines: list[str]) -> list:
    """Rule 1 on the OCaml compiler: every 'Error:' line with its 'File "x", line N, characters …' location above it; warnings ('Warning N [name]: …') one needle per (warning number, file of the location above)."""
    out: list = []
    pairs = []
    for i, ln in enumerate(lines):
        where = prev_match(lines, i, r'^File "[^"]+", line \d+')
        if ln.startswith("Error: "):
            out += [ln, where]
        m = re.match(r"^Warning (\d+)", ln)
        if m:
            f = re.match(r'^File "([^"]+)"', where or "")
            pairs.append(((m.group(1), f.group(1) if f else ""), ln))
    return out + groups(pairs)


OCAML = {
    "ledger.ml": """type entry = { account : string; amount : int; memo : string option }

let parse_line line =
  match String.split_on_char ',' line with
  | [a; n] -> { account = a; amount = int_of_string n; memo = None }
  | [a; n; m] -> { account = a; amount = int_of_string n; memo = Some m }

let balance entries acct =
  List.fold_left (fun acc e -> if e.account = acct then acc + e.amount else acc) 0 entries

let average entries =
  let total = List.fold_left (fun acc e -> acc + e.amount) 0 entries in
  total /. float_of_int (List.length entries)

let describe e =
  let unused = String.length e.account in
  match e.memo with
  | Some m -> e.account ^ ": " ^ m
  | None -> e.account ^ ": " ^ e.amount

let top n entries =
  let sorted = List.sort (fun a b -> compare b.amount a.amount) entries in
  List.filteri (fun i _ -> i < n) sorted

let () =
  let entries = List.map parse_line ["cash,100"; "bank,250,salary"; "cash,-40"] in
  Printf.printf "%d %s\\n" (balance entries "cash") (top 1 entries)
""",
    "util.ml": """let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)

let first = function
  | x :: _ -> x

let describe x = match x with
  | 0 -> "zero"
  | 1 -> "one"
  | n when n < 0 -> "negative"

let unused_helper a b = a

let join sep xs =
  let buf = Buffer.create 16 in
  List.iteri (fun i x -> if i > 0 then Buffer.add_string buf sep; Buffer.add_string buf x) xs;
  Buffer.contents buf

let shadow x = let x = x + 1 in let x = x * 2 in 3

open List
let head_or d l = try hd l with _ -> d
""",
    "crash.ml": """let table = Hashtbl.create 16

let register name price = Hashtbl.replace table name price

let price_of name = Hashtbl.find table name

let rec total = function
  | [] -> 0
  | n :: rest -> price_of n + total rest

let () =
  Printexc.record_backtrace true;
  register "apple" 3;
  register "pear" 4;
  List.iter (fun (n, p) -> register n p; Printf.printf "registered %-8s at %2d (table size %d)\\n" n p (Hashtbl.length table))
    ["kiwi", 5; "fig", 7; "lime", 2; "date", 9; "yuzu", 11; "sloe", 1; "quince", 6; "medlar", 8];
  Printf.printf "apple+pear = %d\\n" (total ["apple"; "pear"]);
  Printf.printf "citrus = %d\\n" (total ["lime"; "yuzu"]);
  Printf.printf "basket = %d\\n" (total ["apple"; "plum"; "pear"])
""",
}


def cap_ocaml(tmp: Path) -> None:
    if not have("ocamlc", "ocamlc"):
        return
    d = tmp / "ocaml"
    write_tree(d, OCAML)
    add("ocamlc-type-errors", "ocamlc -w +a -c util.ml ledger.ml 2>&1", run("ocamlc -w +a -c util.ml ledger.ml 2>&1", cwd=d), n_ocamlc)
    add("ocaml-uncaught-not-found", "ocamlc -g -o crash crash.ml && OCAMLRUNPARAM=b ./crash 2>&1",
        run("ocamlc -g -o crash crash.ml && OCAMLRUNPARAM=b ./crash 2>&1", cwd=d), n_ocaml_exc)


# ================================================================== C# on mono

n_mcs = diag_rule(
    "mcs", "build",
    "Rules 1+3 on mono's C# compiler: every 'file.cs(L,C): error CSnnnn: …' line; warnings one needle per (CS code, file); the 'Compilation failed: N error(s), M warnings' line.",
    hit=r"\): error CS\d+", summary=r"^Compilation (failed|succeeded)",
    warn=r"^(\S+\.cs)\(\d+,\d+\): warning (CS\d+)", key=lambda m: (m.group(2), m.group(1)))
n_mono_exc = line_rule(
    "mono-unhandled-exception", "log",
    "Rule 1 on a mono program dying: the 'Unhandled Exception:' and '[ERROR] FATAL UNHANDLED EXCEPTION' lines, the exception type/message line(s) and the first 'at …' frame below each.",
    hit=r"Unhandled Exception|FATAL UNHANDLED|^\S*System\.\w+(Exception|Error)\b", loc=r"^\s+at ", ahead=3)

CSHARP = {
    "Orders.cs": """using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;

namespace Shop
{
    public class Order
    {
        public string Id { get; set; }
        public decimal Amount { get; set; }
        public DateTime Placed { get; set; }
        public List<string> Tags = new List<string>();
    }

    public static class Orders
    {
        public static decimal Total(IEnumerable<Order> orders)
        {
            int count = 0;
            decimal sum = 0;
            foreach (var o in orders)
                sum += o.Amount;
            return sum;
        }

        public static int Count(List<Order> orders)
        {
            string n = orders.Count;
            return n;
        }

        public static Order Biggest(List<Order> orders)
        {
            return orders.OrderByDescending(o => o.Amount).FirstOrDefault().Id;
        }

        public static IEnumerable<Order> Since(List<Order> orders, DateTime t)
        {
            return orders.Where(o => o.Placed > t).ToList;
        }

        public static void Save(List<Order> orders, string path)
        {
            using (var w = new StreamWriter(path))
            {
                foreach (var o in orders)
                    w.WriteLine($"{o.Id},{o.Amount}");
            }
            try { File.Delete(path + ".bak"); } catch (Exception e) { }
        }

        public static decimal Average(List<Order> orders) => Total(orders) / orders.Lenght;
    }
}
""",
    "Crash.cs": """using System;
using System.Collections.Generic;

class Inventory
{
    Dictionary<string, int> stock = new Dictionary<string, int> { { "apple", 3 }, { "pear", 0 } };

    int Ratio(string a, string b) => stock[a] / stock[b];

    string Label(string k) => stock.ContainsKey(k) ? k.ToUpper() : null;

    static void Main(string[] args)
    {
        var inv = new Inventory();
        foreach (var kv in inv.stock)
            Console.WriteLine($"stock {kv.Key,-8} {kv.Value,3} label={inv.Label(kv.Key)}");
        Console.WriteLine("ratio apple/pear: " + (inv.stock["pear"] == 0 ? "n/a" : inv.Ratio("apple", "pear").ToString()));
        Console.WriteLine("labels: " + inv.Label("apple") + " " + inv.Label("plum"));
        Console.WriteLine("length: " + inv.Label("plum").Length);
    }
}
""",
}


def cap_csharp(tmp: Path) -> None:
    if not have("mcs", "mcs"):
        return
    d = tmp / "csharp"
    write_tree(d, CSHARP)
    add("mcs-compile-errors", "mcs -warn:4 -target:library Orders.cs 2>&1", run("mcs -warn:4 -target:library Orders.cs 2>&1", cwd=d), n_mcs)
    add("mono-null-reference", "mcs Crash.cs && mono --debug Crash.exe 2>&1", run("mcs Crash.cs && mono --debug Crash.exe 2>&1", cwd=d), n_mono_exc)


# ================================================================== R

n_rscript = line_rule(
    "rscript-error", "log",
    "Rule 1 on Rscript: every 'Error in …' / 'Error:' line, the 'Calls:' line after it, every 'Warning message(s):' line with the warning text below it, and 'Execution halted'.",
    hit=r"^Error\b|^Execution halted|^Warning messages?:|^In \S+.*:", loc=r"^Calls: |^\s*\d*:? ?\S", ahead=1)
n_testthat = line_rule(
    "testthat", "test",
    "Rule 2 on testthat: every failure header ('Failure (\'test-x.R:L\'): name' or '── Failure (test-x.R:L:C): name ──'), the first line of its message below it, and the '[ FAIL n | WARN n | SKIP n | PASS n ]' summary.",
    hit=r"^(── )?(Failure|Error|Warning) \(", loc=r"\S", ahead=1, summary=r"\[ FAIL \d+")
n_r_lm = line_rule(
    "r-lm-summary", "table",
    "Rule 5 on R's model prints (summary, anova and confint of lm): the Call line, every term row (a term name followed by numbers: coefficients, ANOVA rows, confidence intervals), the 'Model N:' lines, the residual standard error, R-squared and F-statistic lines.",
    hit=r"^lm\(|^Model \d|^[a-zA-Z_.(][\w.():]*\s+-?\d[\d.e+-]*\s+-?\d|^Residual standard error|R-squared|^F-statistic")

R_FILES = {
    "analysis.R": """sales <- data.frame(
  region = c("north", "south", "east", "west", "north", "south", "east", "west"),
  units = c(12, 30, 7, NA, 15, 28, 9, 11),
  price = c(2.5, 2.0, 3.1, 2.8, 2.5, 2.1, 3.0, 2.9)
)
sales$revenue <- sales$units * sales$price
str(sales)
print(summary(sales))
print(aggregate(revenue ~ region, data = sales, FUN = sum))
ratio <- as.numeric(c("1.5", "2", "n/a", "4"))
print(mean(ratio))
summarise_region <- function(df, r) {
  rows <- df[df$region == r, ]
  stopifnot(nrow(rows) > 0)
  data.frame(region = r, total = sum(rows$revenue), best = max(rows$units))
}
out <- do.call(rbind, lapply(c("north", "south", "central"), function(r) summarise_region(sales, r)))
print(out)
""",
    "model.R": """set.seed(42)
n <- 60
d <- data.frame(size = runif(n, 40, 200), rooms = sample(1:6, n, replace = TRUE), age = runif(n, 0, 80))
d$price <- 1200 * d$size + 15000 * d$rooms - 800 * d$age + rnorm(n, sd = 20000)
fit <- lm(price ~ size + rooms + age, data = d)
print(summary(fit))
print(anova(fit))
print(confint(fit))
fit2 <- lm(price ~ size * rooms + age, data = d)
print(anova(fit, fit2))
""",
    "R/stats.R": """winsorize <- function(x, p = 0.05) {
  lo <- quantile(x, p)
  hi <- quantile(x, 1 - p)
  pmin(pmax(x, lo), hi)
}
zscore <- function(x) (x - mean(x)) / sd(x)
moving_avg <- function(x, k) {
  stopifnot(k >= 1)
  as.numeric(stats::filter(x, rep(1 / k, k), sides = 1))
}
slug <- function(s) tolower(gsub("[^A-Za-z0-9]+", "_", s))
""",
    "tests/testthat/test-stats.R": """source("../../R/stats.R")
test_that("winsorize clips both tails", {
  x <- c(1:98, 500, -500)
  w <- winsorize(x)
  expect_true(max(w) < 500)
  expect_equal(min(w), 1)
})
test_that("zscore has unit sd", {
  expect_equal(sd(zscore(c(2, 4, 6, 8))), 1)
  expect_equal(mean(zscore(c(1, 2, 3))), 0.5)
})
test_that("moving average of a constant is constant", {
  expect_equal(moving_avg(rep(3, 5), 2), rep(3, 5))
})
test_that("slug lowercases and joins", {
  expect_identical(slug("Hello World!"), "hello_world")
  expect_identical(slug("A--B"), "a_b")
})
test_that("k must be positive", {
  expect_error(moving_avg(1:3, 0))
  expect_warning(moving_avg(1:3, 1))
})
test_that("bad input", {
  expect_equal(winsorize("a"), "a")
})
""",
}


def cap_r(tmp: Path) -> None:
    if not have("Rscript", "rscript-error"):
        return
    d = tmp / "r"
    write_tree(d, R_FILES)
    add("rscript-stopifnot-error", "Rscript analysis.R 2>&1", run("Rscript analysis.R 2>&1", cwd=d, timeout=200), n_rscript)
    add("r-lm-summary", "Rscript model.R", run("Rscript model.R 2>&1", cwd=d, timeout=200), n_r_lm)
    cmd = "Rscript -e 'testthat::test_dir(\"tests/testthat\")' 2>&1"
    add("testthat-test-dir", cmd, run(cmd, cwd=d, timeout=300), n_testthat)


STEPS = [cap_haskell, cap_ocaml, cap_csharp, cap_r]
