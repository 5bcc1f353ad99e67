"""Round 596, Go and shell: a tin mine's tally in Go (`tintally`, a stdlib-only module with bugs put in and a seeded
generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build errors) and
shellcheck over the `wheal` app's deploy scripts with faults put in. The material is round 273's generator
(capture_wide273_go.make_steps), imported and given this round's names, seed (59610) and words, as rounds 292-592 call
it; each kind's extractor is the earlier rounds'. Run through capture_wide596.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide596 import cap

# the names in the generated code table (round 273's beers): the ores and tin a mine sends to the smelter
ORES = ["Cassiterite", "Wolfram", "Mispickel", "Blacktin", "Whitetin", "Slimes", "Roughs", "Heads", "Middlings",
        "Tailings", "Leavings", "Gossan"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "tintally"),
    ("casebook", "wheal"),
    ("ledger host", "count house"),
    ("litres left, days", "tons left, days"),
    ("nothing left to pour", "no ore left to stamp"),
    ("pour order", "stamping order"),
    ("pour grade", "tin grade"),
    ("Keg", "Adit"),
    ("keg", "adit"),
    ("Beer", "Ore"),
    ("beer", "ore"),
    ("Cellar", "Stamps"),
    ("cellar", "stamps"),
    ("Pints", "Tons"),
    ("pints", "tons"),
)

STEPS = make_steps(cap, "tintally", "wheal", 59610, ORES, RENAMES)
