"""Round 158, Nim: a beekeeping-hive ledger (`hives`) under Nim 1.6, its `std/unittest` suites widened by a seeded
generator with failing checks, unhandled defects and unmet `expect`s put in, run with `nim c -r`. The kind's rule is
NEEDLES.md's "Round 158". Run through capture_wide158.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, write_tree
from capture_wide158 import cap, status


@kind("nim-unittest", "test")
def n_nim_unittest(lines):
    """Rule 2 on a Nim std/unittest run: every '[FAILED] name' line, each failure's first 'file.nim(L, C): Check failed/Expect Failed' line and the value lines under it ('x was y'), every 'Unhandled exception:' line, the '[Suite]' header of a suite holding a failure, the closing 'Error: execution of an external program failed' line, compile warnings one {"any"} per ([WarningName], file) (rule 1), the status line."""
    out: list = []
    suite = None
    suite_taken = False
    block_start = 0
    for i, ln in enumerate(lines):
        if re.match(r"^\s*\[Suite\]", ln):
            suite, suite_taken = ln, False
            block_start = i + 1
            continue
        if re.match(r"^\s*\[(OK|SKIPPED)\]", ln):
            block_start = i + 1
            continue
        if re.match(r"^\s*\[FAILED\]", ln):
            out.append(ln)
            if suite and not suite_taken:
                out.append(suite)
                suite_taken = True
            block = lines[block_start:i]
            first = next((k for k, b in enumerate(block) if re.search(r"\.nim\(\d+, \d+\): (Check|Expect) [Ff]ailed",
                                                                      b)), None)
            if first is not None:
                out.append(block[first])
                for b in block[first + 1:]:
                    if re.match(r"^\s+\S.* was ", b):
                        out.append(b)
                    else:
                        break
            out += [b for b in block if "Unhandled exception:" in b]
            block_start = i + 1
            continue
        if ln.startswith("Error: execution of an external program failed"):
            out.append(ln)
    warn = [((m.group(2), m.group(1)), ln) for ln in lines
            for m in [re.match(r"^(\S+\.nim)\(\d+, \d+\) Warning: .*\[(\w+)\]$", ln)] if m]
    return out + groups(warn) + status(lines)


LEDGER = """import std/[math, strutils, tables]

type
  Frame* = object
    honeyKg*: float
    broodCells*: int
  Hive* = object
    name*: string
    frames*: seq[Frame]
    queenYear*: int

proc honey*(h: Hive): float =
  for f in h.frames: result += f.honeyKg
  result = round(result, 1)

proc broodRatio*(h: Hive): float =
  var brood = 0
  for f in h.frames: brood += f.broodCells
  brood / (h.frames.len * 3500)       # bug: divides by zero for an empty hive

proc queenAge*(h: Hive, year: int): int = year - h.queenYear + 1   # bug: off by one

proc harvest*(h: var Hive, keep: float): float =
  let total = h.honey
  if keep > total: raise newException(ValueError, "keep " & $keep & " over stock " & $total)
  result = total - keep
  for f in h.frames.mitems: f.honeyKg = 0     # bug: keeps nothing back

proc frameAt*(h: Hive, i: int): Frame = h.frames[i]

proc label*(h: Hive): string = h.name.toUpperAscii & "-" & $h.frames.len
"""


def suites(n_suites: int, per_suite: int, seed: int) -> str:
    rng = random.Random(seed)
    apiaries = ["meadow", "orchard", "heath", "ridge", "willow", "clover", "lavender", "riverbank", "quarry", "moor"]
    out = ["import std/[unittest, math]", "import ../src/ledger", "",
           "proc mk(name: string, kgs: seq[float], year = 2022): Hive =",
           "  result = Hive(name: name, queenYear: year)",
           "  for k in kgs: result.frames.add Frame(honeyKg: k, broodCells: int(k * 700))", ""]
    for s in range(n_suites):
        ap = apiaries[s % len(apiaries)] + (str(s // len(apiaries)) if s >= len(apiaries) else "")
        out.append(f'suite "apiary {ap}":')
        for t in range(per_suite):
            kgs = [round(rng.uniform(0.2, 3.5), 1) for _ in range(rng.randint(0, 10))]
            tot = round(sum(kgs), 1)
            name = f"hive {ap}-{t:03d}"
            c = rng.randrange(7)
            out.append(f'  test "{name} ' + ["honey total", "brood ratio", "queen age", "harvest keeps reserve",
                                             "frame lookup", "harvest over stock raises", "label"][c] + '":')
            out.append(f'    var h = mk("{ap}{t}", @{kgs!r})'.replace("[", "[").replace("]", "]"))
            if c == 0:
                out.append(f"    check h.honey == {tot}")
            elif c == 1:
                out.append("    check h.broodRatio <= 1.0")
            elif c == 2:
                y = rng.randint(2019, 2023)
                out.append(f"    h.queenYear = {y}")
                out.append(f"    check h.queenAge(2024) == {2024 - y}")
            elif c == 3:
                keep = round(tot / 2, 1)
                out.append(f"    let got = h.harvest({keep})")
                out.append(f"    check got == {round(tot - keep, 1)}")
                out.append(f"    check h.honey == {keep}")
            elif c == 4:
                out.append(f"    check h.frameAt({rng.randint(0, 12)}).honeyKg >= 0.0")
            elif c == 5:
                out.append("    expect ValueError:")
                out.append(f"      discard h.harvest({round(rng.uniform(0, 40), 1)})")
            else:
                out.append(f'    check h.label == "{ap.upper()}{t}-{len(kgs)}"')
        out.append("")
    return "\n".join(out).replace("@[]", "newSeq[float]()") + "\n"


def hives(tmp: Path) -> None:
    root = tmp / "hives"
    write_tree(root, {"src/ledger.nim": LEDGER, "tests/tledger.nim": suites(3, 8, seed=158),
                      "tests/tbig.nim": suites(12, 30, seed=1587), "tests/tmid.nim": suites(5, 14, seed=1588)})
    env = {"XDG_CACHE_HOME": str(tmp / "nimcache")}
    cap("nim-unittest-ledger-exit", "nim c -r --hints:off tests/tledger.nim; echo EXIT=$?", root, n_nim_unittest,
        env=env, timeout=600)
    cap("nim-unittest-ledger-hints", "nim c -r tests/tmid.nim", root, n_nim_unittest, env=env, timeout=600)
    cap("nim-unittest-big", "nim c -r --hints:off tests/tbig.nim 2>&1", root, n_nim_unittest, env=env, timeout=600)
    cap("nim-unittest-big-tail-80", "./tests/tbig 2>&1 | tail -n 80", root, n_nim_unittest, env=env)
    cap("nim-unittest-big-grep", "./tests/tbig 2>&1 | grep -B3 FAILED", root, n_nim_unittest, env=env)
    cap("nim-unittest-filter-suite", "./tests/tbig 'apiary heath::*'; echo EXIT=$?", root, n_nim_unittest, env=env)


STEPS = [hives]
