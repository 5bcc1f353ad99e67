"""Round 657, Go and shell: a signwriter's tally of boards in Go (`signyard`, a stdlib-only module with bugs put in and
a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `letterloft` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (65710) and words, as rounds
292-641 call it; each kind's extractor is the earlier rounds'. Run through capture_wide657.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide657 import cap

# the names in the generated code table (round 273's beers): what a signwriter letters, gilds and hangs
WARES = ["Fascia", "Signboard", "Goldleaf", "Mahlstick", "Serif", "Varnish", "Primer", "Hanger", "Panel", "Quill",
         "Gilt", "Scroll"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "signyard"),
    ("casebook", "letterloft"),
    ("ledger host", "sign shop office"),
    ("litres left, days", "leaves left, days"),
    ("nothing left to pour", "no leaf left to lay"),
    ("pour order", "lettering order"),
    ("pour grade", "leaf grade"),
    ("Keg", "Board"),
    ("keg", "board"),
    ("Beer", "Sign"),
    ("beer", "sign"),
    ("Cellar", "Loft"),
    ("cellar", "loft"),
    ("Pints", "Letters"),
    ("pints", "letters"),
)

STEPS = make_steps(cap, "signyard", "letterloft", 65710, WARES, RENAMES)
