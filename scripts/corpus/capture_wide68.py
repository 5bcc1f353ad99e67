#!/usr/bin/env python3
"""Capture round 68 of the compression corpus: JavaScript framework builds, checkers, dev servers and watchers the
corpus did not hold (the kinds of /tmp/s12/kinds.txt excluded), captured blind on small apps written here with bugs
put in (a type error, a missing import, a bad prop, a route that throws, an unused CSS selector, an a11y problem):
next build / next lint / next dev, svelte-check and vite build of a Svelte app, vue-tsc and vite build of a Vue app,
astro check / astro build, a vite dev server's log, nodemon after a crash, tsc --watch and webpack --watch after an
edit, ESLint's React and jsx-a11y plugins, postcss and tailwindcss. Some command lines are typed as agents type them
(`2>&1 | tail -n 80`, `; echo EXIT=$?`).

The needles come from the rules of NEEDLES.md "Round 68", committed before anything here was captured. Nothing
captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide68.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide68.json  as {"version": 2, "items": [...]}, ids prefixed "wide68-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide68-"
DEFAULT_OUT = HERE / "data" / "wide68.json"
TMP = Path("/tmp/hm-corpus-wide68")
TOOLS = Path("/tmp/hm-corpus-wide68-tools")
# one npm project per framework (their peer ranges clash); each app links the node_modules of its own
NPM = {
    "next": ["next@15", "react@19", "react-dom@19", "typescript@5", "@types/react", "@types/node", "eslint@9",
             "eslint-config-next@15"],
    "svelte": ["svelte@5", "@sveltejs/vite-plugin-svelte", "vite", "svelte-check", "typescript@5"],
    "vue": ["vue", "vue-tsc", "typescript@5", "@vitejs/plugin-vue", "vite"],
    "astro": ["astro@5", "@astrojs/check", "typescript@5"],
    "misc": ["nodemon", "webpack", "webpack-cli", "typescript@5", "eslint@9", "eslint-plugin-react",
             "eslint-plugin-jsx-a11y", "globals", "postcss", "postcss-cli", "tailwindcss@3", "autoprefixer"],
}

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Each framework's npm project, installed once (Node 20 here: astro 5, not 6, which wants Node 22)."""
    for name, pkgs in NPM.items():
        d = TOOLS / name
        d.mkdir(parents=True, exist_ok=True)
        if not (d / "node_modules" / ".bin").exists():
            cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund --legacy-peer-deps "
                   + " ".join(pkgs), cwd=d, timeout=900)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide68_js as js
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide68", sys.modules["__main__"])
    main()
