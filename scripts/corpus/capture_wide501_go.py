"""Round 501, Go and shell: a slate quarry's dressing-shed tally in Go (`dresstally`, a stdlib-only module with bugs
put in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet,
go build errors) and shellcheck over the `tipgate` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (50110) and words, as rounds
292-491 call it; each kind's extractor is the earlier rounds'. Run through capture_wide501.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide501 import cap

# the names in the generated code table (round 273's beers): slate quarries
QUARRIES = [
    "Penrhyn",
    "Dinorwic",
    "Oakeley",
    "Llechwedd",
    "Cwt y Bugail",
    "Delabole",
    "Honister",
    "Burlington",
    "Collyweston",
    "Ballachulish",
    "Easdale",
    "Moelwyn",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "dresstally"),
    ("casebook", "tipgate"),
    ("ledger host", "drumhouse host"),
    ("litres left, days", "blocks left, days"),
    ("nothing left to pour", "no rock left to split"),
    ("pour order", "split order"),
    ("pour grade", "slate grade"),
    ("Keg", "Incline"),
    ("keg", "incline"),
    ("Beer", "Quarry"),
    ("beer", "quarry"),
    ("Cellar", "Gallery"),
    ("cellar", "gallery"),
    ("Pints", "Slates"),
    ("pints", "slates"),
)

STEPS = make_steps(cap, "dresstally", "tipgate", 50110, QUARRIES, RENAMES)
