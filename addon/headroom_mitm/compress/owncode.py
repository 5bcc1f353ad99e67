"""The project's own files among the runtime's and the libraries': in a listing, trace or report
where most lines name files under `site-packages`, `node_modules`, the standard library or the
system's lib directories (`python -m trace --listfuncs`, `tsc --explainFiles`, `strace`, a
bundler's verbose log), the few lines naming the user's own files are what the model is asked
about. They stay (past a few dozen, they are kept next, as room allows).
"""

from __future__ import annotations

import re

from .lineindex import LineIndex
from .select import HIGH, LOW, MUST

# Where the runtime, the toolchain and installed packages live (matched in the lowered text).
LIBRARY = (
    "node_modules/", "site-packages/", "dist-packages/", "/lib/python", "/usr/lib/", "/usr/include/",
    "/usr/share/", "/usr/local/lib/", "/lib/x86_64-linux-gnu/", "/lib64/", "/rustc/", "/.cargo/", "/.rustup/",
    "/go/pkg/mod/", "/usr/local/go/", "node:internal", "<frozen ", "/.m2/", "/.gradle/", "/nix/store/",
    "/opt/homebrew/", "/.pyenv/", "/gems/",
)  # fmt: skip
# A file named by its extension (a source, an object, a config file): "src/oven.ts", "gauge.py".
_FILE = re.compile(
    r"[\w.~@+-]*[\w-]\.(?:pyx?|pyi|[cm]?[jt]sx?|rs|go|c|h|cc|cpp|cxx|hpp|java|kts?|scala|rb|php|pl|pm|lua|exs?"
    r"|erl|hs|ml|swift|cs|vue|svelte|sh|so|o|a|json|toml|ya?ml|cfg|ini)\b"
)
_MIN_LIBRARY = 10  # fewer library lines are no bulk the project's lines stand out of
_MUST_OWN = 40  # more own lines are kept next, as room allows (an output of the project's files)


def keep_own_files(index: LineIndex, rank: list[int]) -> None:
    """Lift the lines naming the project's own files where most lines name the libraries'."""
    lines = index.lines
    library = index.hits(LIBRARY)
    if len(library) < _MIN_LIBRARY:
        return
    filled = sum(1 for x in lines if x.strip())
    if len(library) < 0.25 * filled:
        return
    own = [i for i, x in enumerate(lines) if i not in library and rank[i] != LOW and _FILE.search(x)]
    if not own or len(own) > len(library):
        return  # the project's files are the bulk: nothing of them stands out
    level = MUST if len(own) <= _MUST_OWN else HIGH
    for i in own:
        rank[i] = min(rank[i], level)
