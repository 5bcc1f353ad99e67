"""Round 592, Go and shell: a needle mill's tally in Go (`needletally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `pointgate` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (59210) and words, as rounds
292-577 call it; each kind's extractor is the earlier rounds'. Run through capture_wide592.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide592 import cap

# the names in the generated code table (round 273's beers): the needles a needle mill makes
NEEDLES = [
    "Sharps",
    "Betweens",
    "Straws",
    "Darners",
    "Chenilles",
    "Tapestry",
    "Bodkins",
    "Glovers",
    "Sailmakers",
    "Beading",
    "Quilting",
    "Upholstery",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "needletally"),
    ("casebook", "pointgate"),
    ("ledger host", "mill host"),
    ("litres left, days", "gross left, days"),
    ("nothing left to pour", "no wire left to point"),
    ("pour order", "scouring order"),
    ("pour grade", "eye grade"),
    ("Keg", "Scourer"),
    ("keg", "scourer"),
    ("Beer", "Needle"),
    ("beer", "needle"),
    ("Cellar", "Eyeshop"),
    ("cellar", "eyeshop"),
    ("Pints", "Gross"),
    ("pints", "gross"),
)

STEPS = make_steps(cap, "needletally", "pointgate", 59210, NEEDLES, RENAMES)
