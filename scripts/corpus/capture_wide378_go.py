"""Round 378, Go and shell: a slate quarry's slate and block tally in Go (`slatetally`, a stdlib-only module with bugs
put in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over
a file of vet findings, go build errors) and shellcheck over the rivenport app's deploy scripts with faults put in.
The material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed
(37810) and words, as rounds 292-364 call it; each kind's extractor is the earlier rounds' (go test / go build from
capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own
(round 9b). Run through capture_wide378.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide378 import cap

# the names in the generated code table (round 273's beers): a slate quarry's slates, veins and tools
GRAINS = [
    "Duchess Blue",
    "Countess Grey",
    "Wide Lady",
    "Princess Purple",
    "Rag Block",
    "Clog Slab",
    "Chert Vein",
    "Riven Heather",
    "Dressed Queen",
    "Splitting Chisel",
    "Waste Tip",
    "Incline Wagon",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "slatetally"),
    ("casebook", "rivenport"),
    ("ledger host", "quarry host"),
    ("litres left, days", "tonnes left, days"),
    ("nothing left to pour", "nothing left to split"),
    ("pour order", "splitting order"),
    ("pour grade", "dressing grade"),
    ("Keg", "Block"),
    ("keg", "block"),
    ("Beer", "Slate"),
    ("beer", "slate"),
    ("Cellar", "Quarry"),
    ("cellar", "quarry"),
    ("Pints", "Stacks"),
    ("pints", "stacks"),
)

STEPS = make_steps(cap, "slatetally", "rivenport", 37810, GRAINS, RENAMES)
