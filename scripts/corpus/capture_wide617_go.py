"""Round 617, Go and shell: an alum works' tally in Go (`alumtally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `alumwell` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (61710) and words, as rounds
292-605 call it; each kind's extractor is the earlier rounds'. Run through capture_wide617.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide617 import cap

# the names in the generated code table (round 273's beers): what an alum works burns, steeps and sends out
ALUMS = ["Shale", "Calcine", "Liquor", "Mother", "Roche", "Potash", "Urine", "Kelp", "Flour", "Crystal",
         "Meal", "Rock"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "alumtally"),
    ("casebook", "alumwell"),
    ("ledger host", "alum house"),
    ("litres left, days", "tuns left, days"),
    ("nothing left to pour", "no liquor left to steep"),
    ("pour order", "steeping order"),
    ("pour grade", "alum grade"),
    ("Keg", "Pit"),
    ("keg", "pit"),
    ("Beer", "Alum"),
    ("beer", "alum"),
    ("Cellar", "Alumhouse"),
    ("cellar", "alumhouse"),
    ("Pints", "Tuns"),
    ("pints", "tuns"),
)

STEPS = make_steps(cap, "alumtally", "alumwell", 61710, ALUMS, RENAMES)
