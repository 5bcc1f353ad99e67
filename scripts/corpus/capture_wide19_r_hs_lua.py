"""Round 19, R, Haskell and Lua: a statistics package in R (testthat, a stopifnot failure, R CMD check), a job queue
in Haskell (ghc type errors, a runghc failure) and a CSV reader in Lua (busted, a runtime error), each with real bugs
put in. Run through capture_wide19.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import run, write_tree
from capture_wide10 import line_rule
from capture_wide10_langs2 import n_busted
from capture_wide13_langs import n_ghc, n_ghc_runtime, n_rscript, n_testthat
from capture_wide13_langs3 import n_lua_error
from capture_wide19 import cap

# R CMD check: every ERROR / WARNING / NOTE verdict with the text under it, the test failure lines of the log tail it
# quotes, and the closing 'Status:' line
n_r_check = line_rule(
    "r-cmd-check", "build",
    "Rules 1+3 on R CMD check: every '* checking … ... ERROR' / 'WARNING' / 'NOTE' verdict (on its own line when the step printed more) with the first line of its explanation under it, every 'Error in …' / 'Error:' line and the testthat '[ FAIL n | …]' line of the quoted test log, and the closing 'Status: N ERRORs, M WARNINGs, K NOTEs' line.",
    hit=r"\.\.\. (ERROR|WARNING|NOTE)$|^\s*(ERROR|WARNING|NOTE)$|^\s*(── )?(Failure|Error) \(|^\s*Error( in |: )|\[ FAIL \d+",
    loc=r"\S", ahead=1, summary=r"^Status: ")


R_FILES = {
    "DESCRIPTION": """Package: tidystats
Title: Small Summary Statistics
Version: 0.2.0
Authors@R: person("Ada", "Lovelace", email = "ada@example.com", role = c("aut", "cre"))
Description: Summary statistics for grouped numeric data with trimming and robust scales.
License: MIT + file LICENSE
Encoding: UTF-8
Suggests: testthat (>= 3.0.0)
Config/testthat/edition: 3
""",
    "LICENSE": "YEAR: 2026\nCOPYRIGHT HOLDER: tidystats authors\n",
    "NAMESPACE": "export(trimmed_mean)\nexport(robust_scale)\nexport(group_summary)\nexport(zscores)\n",
    "R/summary.R": """#' Trimmed mean
#' @param x numeric vector
#' @param trim fraction trimmed from each end
trimmed_mean <- function(x, trim = 0.1) {
  stopifnot(is.numeric(x), trim >= 0, trim < 0.5)
  x <- sort(x)
  k <- floor(length(x) * trim)
  mean(x[(k + 1):(length(x) - k)])
}

robust_scale <- function(x) {
  m <- median(x)
  s <- mad(x)
  (x - m) / s
}

zscores <- function(x) (x - mean(x)) / sd(x)

group_summary <- function(df, value, group) {
  stopifnot(is.data.frame(df), value %in% names(df), group %in% names(df))
  parts <- split(df[[value]], df[[group]])
  data.frame(group = names(parts), n = vapply(parts, length, 1L), mean = vapply(parts, mean, 1),
             trimmed = vapply(parts, trimmed_mean, 1), row.names = NULL)
}

helper_unused <- function(x) {
  y <- undefined_total + x
  y
}
""",
    "tests/testthat.R": "library(testthat)\nlibrary(tidystats)\ntest_check(\"tidystats\")\n",
    "tests/testthat/test-summary.R": """test_that("trimmed mean drops the ends", {
  expect_equal(trimmed_mean(c(1, 2, 3, 4, 100), trim = 0.2), 3)
  expect_equal(trimmed_mean(1:10), 5.5)
})

test_that("trimmed mean of NA is NA", {
  expect_true(is.na(trimmed_mean(c(1, NA, 3))))
})

test_that("robust scale centres on the median", {
  expect_equal(median(robust_scale(c(1, 2, 3, 4, 50))), 0)
})

test_that("robust scale of a constant vector is zero", {
  expect_equal(robust_scale(c(2, 2, 2)), c(0, 0, 0))
})

test_that("zscores have unit sd", {
  expect_equal(sd(zscores(c(3, 9, 4, 1, 8))), 1)
})

test_that("group summary counts rows per group", {
  df <- data.frame(g = c("a", "a", "b", "c", "c", "c"), v = c(1, 3, 5, 2, 4, 6))
  s <- group_summary(df, "v", "g")
  expect_equal(s$n, c(2L, 1L, 3L))
  expect_equal(s$mean, c(2, 5, 4))
  expect_equal(s$group, c("a", "b", "c"))
})

test_that("group summary rejects a missing column", {
  df <- data.frame(g = "a", v = 1)
  expect_error(group_summary(df, "value", "g"), "not all TRUE")
})
""" + "".join(f"""
test_that("trimmed mean of 1:{n} is its median", {{
  expect_equal(trimmed_mean(seq_len({n}), trim = 0.25), {(n + 1) / 2})
}})
""" for n in (4, 8, 12, 16, 20)),
    "scripts/report.R": """source("R/summary.R")
scores <- read.csv("data/scores.csv")
scores$score <- as.numeric(scores$score)
scores <- scores[!is.na(scores$score), ]
cat("rows:", nrow(scores), "\\n")
print(group_summary(scores, "score", "class"))
for (cl in unique(scores$class)) {
  s <- scores$score[scores$class == cl]
  stopifnot("every class needs at least three scores" = length(s) >= 3)
  cat(sprintf("%-6s trimmed mean %6.2f  robust max %6.2f\\n", cl, trimmed_mean(s), max(robust_scale(s))))
}
""",
}


def cap_r(tmp: Path) -> None:
    d = tmp / "tidystats"
    classes = ["red", "blue", "green", "teal", "olive", "coral", "ivory", "plum", "sand", "slate", "rose", "mint",
               "navy", "gold", "jade", "ruby", "onyx", "pearl", "rust", "moss"]
    rows = [f"{c},{(k * 37 + 11) % 60 + 40}" for k, c in enumerate(classes * 4)]
    rows += ["teal,absent", "coral,n/a", "amber,84", "amber,79", "amber,absent"]
    write_tree(d, {**R_FILES, "data/scores.csv": "class,score\n" + "\n".join(rows) + "\n"})
    cap("testthat-tidystats", "Rscript -e 'testthat::test_local()'", d, n_testthat, timeout=300)
    cap("rscript-stopifnot-report", "Rscript scripts/report.R", d, n_rscript, timeout=300)
    run("R CMD build --no-build-vignettes --no-manual tidystats >/dev/null 2>&1", cwd=tmp, timeout=300)
    cap("r-cmd-check-tidystats", "R CMD check --no-manual tidystats_0.2.0.tar.gz", tmp, n_r_check, timeout=600,
        env={"_R_CHECK_FORCE_SUGGESTS_": "false"})


# ================================================================== Haskell

HS_TYPES = """module Queue.Types where

data Job = Job { jobId :: Int, priority :: Int, name :: String, retries :: Int } deriving (Show, Eq)

data Queue = Queue { pending :: [Job], done :: [Int] } deriving Show

emptyQueue :: Queue
emptyQueue = Queue [] []
"""

HS_OPS = """module Queue.Ops where

import Data.List (sortBy, insertBy)
import Data.Ord (comparing, Down(..))
import qualified Data.Map as M
import Queue.Types

push :: Job -> Queue -> Queue
push j q = q { pending = insertBy (comparing (Down . priority)) j (pending q) }

pop :: Queue -> (Job, Queue)
pop q = (head (pending q), q { pending = tail (pending q) })

complete :: Job -> Queue -> Queue
complete j q = q { done = jobId j : done q }

retry :: Job -> Queue -> Queue
retry j q
  | retries j >= 3 = q
  | otherwise = push j { retries = retries j + 1, priority = priority j - 1 } q

byName :: Queue -> M.Map String Int
byName q = M.fromListWith (+) [(name j, 1) | j <- pending q]

summary :: Queue -> String
summary q = show (length (pending q)) ++ " pending, " ++ length (done q) ++ " done"

averagePriority :: Queue -> Double
averagePriority q = sum (map priority (pending q)) / length (pending q)

lookupJob :: Int -> Queue -> Maybe Job
lookupJob i q = filter ((== i) . jobId) (pending q)

bump :: Int -> Queue -> Queue
bump i q = q { pending = map (\\j -> if jobId j == i then j { priority = priority j + "1" } else j) (pending q) }
"""

HS_MAIN = """module Main where

import qualified Data.Map as M
import Queue.Types
import Queue.Ops

main :: IO ()
main = do
  let jobs = [Job i (i `mod` 4) ("task-" ++ show (i `mod` 3)) 0 | i <- [1 .. 9]]
      q = foldr push emptyQueue jobs
  putStrLn (summary q)
  print (byName q)
  let (j, q') = pop q
  putStrLn ("running " ++ name j)
  let counts = byName q'
  print (counts M.! "task-7")
"""

HS_RUN = """module Main where

import qualified Data.Map as M
import Data.List (foldl')

data Job = Job { jobId :: Int, priority :: Int, name :: String } deriving Show

schedule :: [Job] -> [Job]
schedule = foldr insert []
  where insert j [] = [j]
        insert j (x:xs) | priority j >= priority x = j : x : xs
                        | otherwise = x : insert j xs

weights :: [Job] -> M.Map String Int
weights = foldl' (\\m j -> M.insertWith (+) (name j) (priority j) m) M.empty

main :: IO ()
main = do
  let jobs = [Job i (i * 7 `mod` 5) ("task-" ++ show (i `mod` 3)) | i <- [1 .. 120]]
  mapM_ (\\j -> putStrLn (show (jobId j) ++ "\\t" ++ name j ++ "\\tp" ++ show (priority j))) (schedule jobs)
  let w = weights jobs
  putStrLn ("weights: " ++ show (M.toList w))
  putStrLn ("ratio: " ++ show (w M.! "task-0" `div` (w M.! "task-1" - w M.! "task-2" - 3)))
  let late = head (filter ((> 9) . priority) jobs)
  late `seq` putStrLn ("late: " ++ name late)
"""


def cap_haskell(tmp: Path) -> None:
    d = tmp / "jobqueue"
    write_tree(d, {"src/Queue/Types.hs": HS_TYPES, "src/Queue/Ops.hs": HS_OPS, "app/Main.hs": HS_MAIN,
                   "scripts/Schedule.hs": HS_RUN})
    (d / "build").mkdir()
    cap("ghc-type-errors", "ghc -isrc -outputdir build -Wall app/Main.hs -o build/jobqueue", d, n_ghc, timeout=600)
    cap("runghc-schedule", "runghc scripts/Schedule.hs", d, n_ghc_runtime, timeout=600)


# ================================================================== Lua

LUA_SRC = {
    "src/csv.lua": """local M = {}

-- Splits one CSV line; quoted fields may hold commas.
function M.split(line)
  local out, field, quoted = {}, "", false
  for c in line:gmatch(".") do
    if c == '"' then quoted = not quoted
    elseif c == "," and not quoted then out[#out + 1] = field; field = ""
    else field = field .. c end
  end
  out[#out + 1] = field
  return out
end

function M.parse(text)
  local rows, header = {}, nil
  for line in text:gmatch("[^\\n]+") do
    local f = M.split(line)
    if not header then header = f
    else
      local row = {}
      for i, h in ipairs(header) do row[h] = f[i] end
      rows[#rows + 1] = row
    end
  end
  return rows, header
end

return M
""",
    "src/stats.lua": """local M = {}

function M.sum(xs) local s = 0; for _, x in ipairs(xs) do s = s + x end; return s end

function M.mean(xs) return M.sum(xs) / #xs end

function M.median(xs)
  local t = {}
  for i, x in ipairs(xs) do t[i] = x end
  table.sort(t)
  local n = #t
  if n % 2 == 1 then return t[(n + 1) / 2] end
  return (t[n / 2] + t[n / 2 + 1]) / 2
end

function M.column(rows, name)
  local out = {}
  for _, r in ipairs(rows) do out[#out + 1] = tonumber(r[name]) end
  return out
end

return M
""",
    "spec/csv_spec.lua": """package.path = "src/?.lua;" .. package.path
local csv = require("csv")

describe("csv.split", function()
  it("splits plain fields", function() assert.are.same({"a", "b", "c"}, csv.split("a,b,c")) end)
  it("keeps quoted commas", function() assert.are.same({"x", "1,5"}, csv.split('x,"1,5"')) end)
  it("keeps an empty last field", function() assert.are.same({"a", ""}, csv.split("a,")) end)
  it("unescapes doubled quotes", function() assert.are.same({[[say "hi"]]}, csv.split([["say ""hi""]] .. [["]])) end)
end)

describe("csv.parse", function()
  local rows, header = csv.parse("name,qty\\nbolt,4\\nnut,9\\n")
  it("reads the header", function() assert.are.same({"name", "qty"}, header) end)
  it("reads two rows", function() assert.are.equal(2, #rows) end)
  it("maps by header", function() assert.are.equal("9", rows[2].qty) end)
  it("skips blank lines", function() assert.are.equal(1, #csv.parse("a\\n\\n1\\n")) end)
  it("trims spaces around fields", function() assert.are.same({"a", "b"}, csv.split(" a , b ")) end)
  it("handles CRLF line ends", function() assert.are.equal("4", csv.parse("n,q\\r\\nbolt,4\\r\\n")[1].q) end)
  it("rejects nil input", function() assert.has_error(function() csv.split(nil) end, "line must be a string") end)
end)
""",
    "spec/stats_spec.lua": """package.path = "src/?.lua;" .. package.path
local stats = require("stats")

describe("stats", function()
""" + "".join(f"""  it("sums 1..{n}", function() local t = {{}}; for i = 1, {n} do t[i] = i end; assert.are.equal({n * (n + 1) // 2}, stats.sum(t)) end)
""" for n in range(1, 13)) + """  it("means", function() assert.are.equal(2.5, stats.mean({1, 2, 3, 4})) end)
  it("median of odd", function() assert.are.equal(3, stats.median({5, 1, 3})) end)
  it("median of even", function() assert.are.equal(2.5, stats.median({4, 1, 3, 2})) end)
  it("mean of empty is zero", function() assert.are.equal(0, stats.mean({})) end)
  it("column skips non-numbers", function()
    assert.are.same({1, 3}, stats.column({{v = "1"}, {v = "x"}, {v = "3"}}, "v"))
  end)
  it("median of strings", function() assert.are.equal(2, stats.median({"3", 1, 2})) end)
end)
""",
    "report.lua": """package.path = "src/?.lua;" .. package.path
local csv, stats = require("csv"), require("stats")

local f = assert(io.open("data/orders.csv"))
local rows = csv.parse(f:read("*a"))
f:close()
print(("%d orders"):format(#rows))
local by = {}
for _, r in ipairs(rows) do
  print(("order %3s  %-6s %8s  %s"):format(r.id, r.region, r.total, r.customer))
  by[r.region] = by[r.region] or {}
  table.insert(by[r.region], tonumber(r.total))
end
for region, totals in pairs(by) do
  print(("%-6s n=%d mean=%.2f median=%.2f"):format(region, #totals, stats.mean(totals), stats.median(totals)))
end
print("top customer: " .. rows[1].customer:upper() .. " in " .. rows[1].country:lower())
""",
}


def cap_lua(tmp: Path) -> None:
    d = tmp / "luacsv"
    orders = "".join(f"{i},{['north', 'south', 'east'][i % 3]},{i * 13 % 97}.5,cust{i}\n" for i in range(1, 30))
    write_tree(d, {**LUA_SRC, "data/orders.csv": "id,region,total,customer\n" + orders})
    cap("busted-luacsv", "busted -o plainTerminal spec", d, n_busted, timeout=300)
    cap("lua-report-error", "lua report.lua", d, n_lua_error)


STEPS = [cap_r, cap_haskell, cap_lua]
