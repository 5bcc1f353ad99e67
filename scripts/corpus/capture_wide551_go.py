"""Round 551, Go and shell: a drainage windpump's tally in Go (`marshtally`, a stdlib-only module with bugs put in and
a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `dykegate` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (55110) and words, as rounds
292-544 call it; each kind's extractor is the earlier rounds'. Run through capture_wide551.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide551 import cap

# the names in the generated code table (round 273's beers): drainage windpumps
PUMPS = [
    "Herringfleet",
    "Thurne Dyke",
    "Horsey",
    "St Benets",
    "Boardmans",
    "Clayrack",
    "Stracey Arms",
    "Berney Arms",
    "Hardley",
    "Polkeys",
    "Wicken",
    "Turf Fen",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "marshtally"),
    ("casebook", "dykegate"),
    ("ledger host", "marsh host"),
    ("litres left, days", "acres left, days"),
    ("nothing left to pour", "no water left to lift"),
    ("pour order", "drainage order"),
    ("pour grade", "dyke grade"),
    ("Keg", "Sail"),
    ("keg", "sail"),
    ("Beer", "Pump"),
    ("beer", "pump"),
    ("Cellar", "Marsh"),
    ("cellar", "marsh"),
    ("Pints", "Strokes"),
    ("pints", "strokes"),
)

STEPS = make_steps(cap, "marshtally", "dykegate", 55110, PUMPS, RENAMES)
