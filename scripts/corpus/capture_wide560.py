"""Capture round 560 of the compression corpus: front-end checker, linter and build output formats new to the corpus
(svelte-check's machine, machine-verbose and human-verbose outputs, ESLint stylish with eslint-plugin-vue and
eslint-plugin-svelte, vue-tsc --pretty, stylelint's compact / unix / tap formatters, webpack --stats errors-warnings
and detailed, purgecss --rejected through jq) over apps written here for `cloche`, a glasshouse nursery (benches,
propagators, growers; seed 56010) with type, template and style faults put in.

Every kind's extractor is new and lives in capture_wide560_js.py, its docstring's first line the needle rule
(NEEDLES.md's "Round 560"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide560.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide560.json  as {"version": 2, "items": [...]}, ids prefixed "wide560-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide560-"
DEFAULT_OUT = HERE / "data" / "wide560.json"
TMP = Path("/dev/shm/hm-corpus-wide560-run")
TOOLS = Path("/dev/shm/hm-corpus-wide560")
JS = TOOLS / "js"
NPM_PKGS = ["svelte@4", "svelte-check@3", "typescript@5.5", "vue@3", "vue-tsc@2", "eslint@9", "eslint-plugin-vue",
            "eslint-plugin-svelte@2", "svelte-eslint-parser", "vue-eslint-parser", "typescript-eslint", "stylelint@16",
            "webpack@5", "webpack-cli@5", "purgecss@6"]

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "purgecss").exists():  # peer ranges of the plugins disagree: legacy resolution
        cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund --legacy-peer-deps " + " ".join(NPM_PKGS),
               cwd=JS, timeout=900)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide560_js as js
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide560", sys.modules["__main__"])
    main()
