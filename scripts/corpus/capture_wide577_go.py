"""Round 577, Go and shell: a brewery's tally in Go (`brewtally`, a stdlib-only module with bugs put in and a seeded
generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build errors) and
shellcheck over the `wortgate` app's deploy scripts with faults put in. The material is round 273's generator
(capture_wide273_go.make_steps), imported and given this round's names, seed (57710) and words, as rounds 292-563 call
it; each kind's extractor is the earlier rounds'. Run through capture_wide577.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide577 import cap

# the names in the generated code table (round 273's beers): the malts and adjuncts a brewery's grist is made of
GRISTS = [
    "Pale Malt",
    "Crystal Malt",
    "Amber Malt",
    "Brown Malt",
    "Chocolate Malt",
    "Black Malt",
    "Mild Ale Malt",
    "Wheat Malt",
    "Flaked Oats",
    "Torrefied Wheat",
    "Invert Sugar",
    "Roast Barley",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "brewtally"),
    ("casebook", "wortgate"),
    ("ledger host", "brewhouse host"),
    ("litres left, days", "barrels left, days"),
    ("nothing left to pour", "no wort left to run off"),
    ("pour order", "mash order"),
    ("pour grade", "grist grade"),
    ("Keg", "Copper"),
    ("keg", "copper"),
    ("Beer", "Grist"),
    ("beer", "grist"),
    ("Cellar", "Tunroom"),
    ("cellar", "tunroom"),
    ("Pints", "Barrels"),
    ("pints", "barrels"),
)

STEPS = make_steps(cap, "brewtally", "wortgate", 57710, GRISTS, RENAMES)
