"""Round 563, Go and shell: a cooperage's tally in Go (`coopertally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `caskgate` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (56310) and words, as rounds
292-551 call it; each kind's extractor is the earlier rounds'. Run through capture_wide563.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide563 import cap

# the names in the generated code table (round 273's beers): casks a cooperage raises
CASKS = [
    "Butt",
    "Puncheon",
    "Hogshead",
    "Barrique",
    "Tierce",
    "Kilderkin",
    "Firkin",
    "Pin",
    "Tun",
    "Rundlet",
    "Quarter Cask",
    "Octave",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "coopertally"),
    ("casebook", "caskgate"),
    ("ledger host", "cooperage host"),
    ("litres left, days", "staves left, days"),
    ("nothing left to pour", "no staves left to raise"),
    ("pour order", "raising order"),
    ("pour grade", "stave grade"),
    ("Keg", "Hoop"),
    ("keg", "hoop"),
    ("Beer", "Cask"),
    ("beer", "cask"),
    ("Cellar", "Shop"),
    ("cellar", "shop"),
    ("Pints", "Staves"),
    ("pints", "staves"),
)

STEPS = make_steps(cap, "coopertally", "caskgate", 56310, CASKS, RENAMES)
