"""Round 666, Go and shell: a thatcher's tally of roofs in Go (`yelmyard`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `ridgeloft` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (66610) and words, as rounds
292-657 call it; each kind's extractor is the earlier rounds'. Run through capture_wide666.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide666 import cap

# the names in the generated code table (round 273's beers): what a thatcher cuts, drives and lays
WARES = ["Reed", "Spar", "Ligger", "Yelm", "Ridge", "Eave", "Wad", "Bundle", "Course", "Netting", "Straw", "Gable"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "yelmyard"),
    ("casebook", "ridgeloft"),
    ("ledger host", "thatch yard office"),
    ("litres left, days", "bundles left, days"),
    ("nothing left to pour", "no reed left to lay"),
    ("pour order", "laying order"),
    ("pour grade", "reed grade"),
    ("Keg", "Roof"),
    ("keg", "roof"),
    ("Beer", "Thatch"),
    ("beer", "thatch"),
    ("Cellar", "Barn"),
    ("cellar", "barn"),
    ("Pints", "Bundles"),
    ("pints", "bundles"),
)

STEPS = make_steps(cap, "yelmyard", "ridgeloft", 66610, WARES, RENAMES)
