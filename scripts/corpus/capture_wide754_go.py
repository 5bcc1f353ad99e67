"""Round 754, Go and shell: an astrolabe maker's tally of plates in Go (`materloft`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go
build errors) and shellcheck over the `sightingbook` app's deploy scripts with faults put in. The material is round
273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed (75410) and words, as
rounds 292-743 call it; each kind's extractor is the earlier rounds'. Run through capture_wide754.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide754 import cap

# the names in the generated code table (round 273's beers): the stars an astrolabe maker sets on a rete
WARES = ["Aldebaran", "Vega", "Capella", "Arcturus", "Sirius", "Rigel", "Altair", "Deneb", "Spica", "Regulus",
         "Procyon", "Antares"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "materloft"),
    ("casebook", "sightingbook"),
    ("ledger host", "astrolabe maker's loft"),
    ("litres left, days", "degrees left, days"),
    ("nothing left to pour", "no star left to sight"),
    ("pour order", "sighting order"),
    ("pour grade", "limb grade"),
    ("Keg", "Plate"),
    ("keg", "plate"),
    ("Beer", "Star"),
    ("beer", "star"),
    ("Cellar", "Rete"),
    ("cellar", "rete"),
    ("Pints", "Degrees"),
    ("pints", "degrees"),
)

STEPS = make_steps(cap, "materloft", "sightingbook", 75410, WARES, RENAMES)
