"""Round 743, Go and shell: an organ builder's tally of pipes in Go (`organloft`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go
build errors) and shellcheck over the `stopknobbook` app's deploy scripts with faults put in. The material is round
273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed (74310) and words, as
rounds 292-735 call it; each kind's extractor is the earlier rounds'. Run through capture_wide743.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide743 import cap

# the names in the generated code table (round 273's beers): the stops an organ builder voices
WARES = ["Diapason", "Principal", "Bourdon", "Gedackt", "Flute", "Trumpet", "Oboe", "Cornet", "Mixture", "Tierce",
         "Nazard", "Krummhorn"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "organloft"),
    ("casebook", "stopknobbook"),
    ("ledger host", "organ builder's loft"),
    ("litres left, days", "pipes left, days"),
    ("nothing left to pour", "no wind left to blow"),
    ("pour order", "voicing order"),
    ("pour grade", "reed grade"),
    ("Keg", "Rank"),
    ("keg", "rank"),
    ("Beer", "Stop"),
    ("beer", "stop"),
    ("Cellar", "Chest"),
    ("cellar", "chest"),
    ("Pints", "Pipes"),
    ("pints", "pipes"),
)

STEPS = make_steps(cap, "organloft", "stopknobbook", 74310, WARES, RENAMES)
