"""Round 485, Go and shell: a horse ferry's tow tally in Go (`towtally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `slipwharf` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (48510) and words, as rounds
292-479 call it; each kind's extractor is the earlier rounds'. Run through capture_wide485.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide485 import cap

# the names in the generated code table (round 273's beers): horse ferries and their crossings
FERRIES = [
    "Hampton Loade",
    "Arley",
    "Bablock Hythe",
    "Twyford",
    "Wallingford",
    "Pangbourne",
    "Purton",
    "Littleport",
    "Stoke Lock",
    "Cliveden",
    "Ferry Lane",
    "Burton Wharf",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "towtally"),
    ("casebook", "slipwharf"),
    ("ledger host", "ferryhouse host"),
    ("litres left, days", "tows left, days"),
    ("nothing left to pour", "no horse left to tow"),
    ("pour order", "crossing order"),
    ("pour grade", "tow grade"),
    ("Keg", "Capstan"),
    ("keg", "capstan"),
    ("Beer", "Ferry"),
    ("beer", "ferry"),
    ("Cellar", "Towpath"),
    ("cellar", "towpath"),
    ("Pints", "Fares"),
    ("pints", "fares"),
)

STEPS = make_steps(cap, "towtally", "slipwharf", 48510, FERRIES, RENAMES)
