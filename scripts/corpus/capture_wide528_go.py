"""Round 528, Go and shell: a sail loft's tally in Go (`sailtally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `clewgate` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (52810) and words, as rounds
292-520 call it; each kind's extractor is the earlier rounds'. Run through capture_wide528.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide528 import cap

# the names in the generated code table (round 273's beers): sail lofts
LOFTS = [
    "Ratsey",
    "Lapthorn",
    "Sobstad",
    "Cranfield",
    "Jeckells",
    "Gowen",
    "Sadler",
    "Penrose",
    "Crusader",
    "Arun",
    "Dolphin",
    "Elvstrom",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "sailtally"),
    ("casebook", "clewgate"),
    ("ledger host", "loft host"),
    ("litres left, days", "metres left, days"),
    ("nothing left to pour", "no rope left to sew"),
    ("pour order", "sewing order"),
    ("pour grade", "rope grade"),
    ("Keg", "Rope"),
    ("keg", "rope"),
    ("Beer", "Loft"),
    ("beer", "loft"),
    ("Cellar", "Bench"),
    ("cellar", "bench"),
    ("Pints", "Metres"),
    ("pints", "metres"),
)

STEPS = make_steps(cap, "sailtally", "clewgate", 52810, LOFTS, RENAMES)
