"""Round 540, Go and shell: a ropery's tally in Go (`strandtally`, a stdlib-only module with bugs put in and a seeded
generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build errors) and
shellcheck over the `layergate` app's deploy scripts with faults put in. The material is round 273's generator
(capture_wide273_go.make_steps), imported and given this round's names, seed (54010) and words, as rounds 292-520
call it; each kind's extractor is the earlier rounds'. Run through capture_wide540.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide540 import cap

# the names in the generated code table (round 273's beers): roperies and ropewalks
ROPERIES = [
    "Chatham",
    "Hawkhill",
    "Castleton",
    "Bridport",
    "Hull",
    "Portsmouth",
    "Plymouth",
    "Rochefort",
    "Karlskrona",
    "Woolwich",
    "Deptford",
    "Swansea",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "strandtally"),
    ("casebook", "layergate"),
    ("ledger host", "ropewalk host"),
    ("litres left, days", "fathoms left, days"),
    ("nothing left to pour", "no hemp left to spin"),
    ("pour order", "lay order"),
    ("pour grade", "yarn grade"),
    ("Keg", "Whirl"),
    ("keg", "whirl"),
    ("Beer", "Ropery"),
    ("beer", "ropery"),
    ("Cellar", "Walk"),
    ("cellar", "walk"),
    ("Pints", "Fathoms"),
    ("pints", "fathoms"),
)

STEPS = make_steps(cap, "strandtally", "layergate", 54010, ROPERIES, RENAMES)
