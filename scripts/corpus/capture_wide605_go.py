"""Round 605, Go and shell: an ice harvest's tally in Go (`icetally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `icewell` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (60510) and words, as rounds
292-596 call it; each kind's extractor is the earlier rounds'. Run through capture_wide605.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide605 import cap

# the names in the generated code table (round 273's beers): the ice an ice house takes in and sends out
ICES = ["Blackice", "Snowice", "Clearice", "Pondice", "Riverice", "Lakeice", "Slush", "Cakes", "Blocks", "Chips",
        "Shavings", "Sawdust"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "icetally"),
    ("casebook", "icewell"),
    ("ledger host", "ice house"),
    ("litres left, days", "tons left, days"),
    ("nothing left to pour", "no ice left to saw"),
    ("pour order", "sawing order"),
    ("pour grade", "ice grade"),
    ("Keg", "Cake"),
    ("keg", "cake"),
    ("Beer", "Ice"),
    ("beer", "ice"),
    ("Cellar", "Icehouse"),
    ("cellar", "icehouse"),
    ("Pints", "Tons"),
    ("pints", "tons"),
)

STEPS = make_steps(cap, "icetally", "icewell", 60510, ICES, RENAMES)
