"""Capture round 573 of the compression corpus: second samples of round 560's front-end checker, linter and build
output formats (svelte-check's machine, machine-verbose and human-verbose outputs, ESLint stylish with
eslint-plugin-vue and eslint-plugin-svelte, vue-tsc --pretty, stylelint's compact / unix / tap formatters, webpack
--stats errors-warnings and detailed, purgecss --rejected through jq) over apps written here for `rackhouse`, a cider
press (pomace, racks, pressers; seeds 57310-57314) with faults other than round 560's put in.

No extractor is written here: every kind's needles come from round 560's extractor, imported from capture_wide560_js
by module and function (NEEDLES.md's "Round 573"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide573.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide573.json  as {"version": 2, "items": [...]}, ids prefixed "wide573-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide573-"
DEFAULT_OUT = HERE / "data" / "wide573.json"
TMP = Path("/dev/shm/hm-corpus-wide573-run")
TOOLS = Path("/dev/shm/hm-corpus-wide573")
JS = TOOLS / "js"
# round 560's tools, the same major versions (its notes: installed with --legacy-peer-deps)
NPM_PKGS = ["svelte@4", "svelte-check@3", "typescript@5.5", "vue@3", "vue-tsc@2", "eslint@9", "eslint-plugin-vue",
            "eslint-plugin-svelte@2", "svelte-eslint-parser", "vue-eslint-parser", "typescript-eslint", "stylelint@16",
            "webpack@5", "webpack-cli@5", "purgecss@6"]

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "purgecss").exists():
        cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund --legacy-peer-deps " + " ".join(NPM_PKGS),
               cwd=JS, timeout=900)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide573_js as js
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide573", sys.modules["__main__"])
    main()
