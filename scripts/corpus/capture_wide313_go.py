"""Round 313, Go and shell: a boatyard's tar and pitch barrel tally in Go (`tarbarrel`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a file of
vet findings, go build errors) and shellcheck over the coraclehire app's deploy scripts with faults put in. The material
is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed and words, as
rounds 292, 297 and 305 call it; each kind's extractor is the earlier rounds' (go test / go build from capture_wide15_langs,
go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own (round 9b). Run through
capture_wide313.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide313 import cap

# the names in the generated code table (round 273's beers): tars, pitches and oils of a boatyard
GRAINS = [
    "Stockholm Tar",
    "Archangel Tar",
    "Pine Pitch",
    "Black Varnish",
    "Boiled Linseed",
    "Raw Linseed",
    "Red Lead",
    "Oakum Oil",
    "Spar Varnish",
    "Coal Tar",
    "Tallow Blend",
    "Rosin Pitch",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "tarbarrel"),
    ("casebook", "coraclehire"),
    ("ledger host", "slipway host"),
    ("litres left, days", "gallons left, days"),
    ("nothing left to pour", "nothing left to pay on"),
    ("pour order", "paying order"),
    ("pour grade", "tar grade"),
    ("Keg", "Barrel"),
    ("keg", "barrel"),
    ("Beer", "Pitch"),
    ("beer", "pitch"),
    ("Cellar", "Yard"),
    ("cellar", "yard"),
    ("Pints", "Quarts"),
    ("pints", "quarts"),
)

STEPS = make_steps(cap, "tarbarrel", "coraclehire", 31350, GRAINS, RENAMES)
