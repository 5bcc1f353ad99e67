"""Round 465, Go and shell: a rope ferry's crossing tally in Go (`crossingtally`, a stdlib-only module with bugs put in
and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `pontoonwharf` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (46510) and words, as rounds
292-453 call it; each kind's extractor is the earlier rounds'. Run through capture_wide465.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide465 import cap

# the names in the generated code table (round 273's beers): a rope ferry's ferries and chains
FERRIES = [
    "King Harry",
    "Sandbanks",
    "Torpoint",
    "Dartmouth Higher",
    "Reedham",
    "Cowes Floating",
    "Windermere",
    "Hampton Loade",
    "Wheatley",
    "Chain Link",
    "Stud Link",
    "Short Link",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "crossingtally"),
    ("casebook", "pontoonwharf"),
    ("ledger host", "tollhouse host"),
    ("litres left, days", "links left, days"),
    ("nothing left to pour", "no crossings left"),
    ("pour order", "crossing order"),
    ("pour grade", "chain grade"),
    ("Keg", "Pontoon"),
    ("keg", "pontoon"),
    ("Beer", "Ferry"),
    ("beer", "ferry"),
    ("Cellar", "Slipway"),
    ("cellar", "slipway"),
    ("Pints", "Links"),
    ("pints", "links"),
)

STEPS = make_steps(cap, "crossingtally", "pontoonwharf", 46510, FERRIES, RENAMES)
