#!/usr/bin/env python3
"""Capture round 195 of the compression corpus: front-end application frameworks' command lines, shapes new to the
corpus. The round writes its own apps with faults put in (a type error in a component, a template binding to a
property that does not exist, a missing import, a route to a module that is not there, a failing unit test, a broken
story, a monorepo project whose build fails, a packaging config with unknown keys) and runs the Angular CLI (build,
test on Debian's chromium, lint with angular-eslint, generate / new dry runs, version), Nuxt's nuxi (build,
typecheck), Storybook's build, React Router's framework mode (build, routes), Rush (install, build, check, list),
Capacitor's CLI (doctor, sync), Stencil's build and electron-builder over them, every tool from the npm registry.
About half the command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -E …`,
`; echo EXIT=$?`). The needles come from the rules NEEDLES.md's "Round 195" section fixed before capture, applied by
the extractors in capture_wide195_ng.py and capture_wide195_js.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide195.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide195.json  as {"version": 2, "items": [...]}, ids prefixed "wide195-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide195-"
DEFAULT_OUT = HERE / "data" / "wide195.json"
TMP = Path(os.environ.get("HM_WIDE195_TMP", "/dev/shm/hm-corpus-wide195"))
TOOLS = Path(os.environ.get("HM_WIDE195_TOOLS", "/dev/shm/r195"))
NPM_CACHE = TOOLS / "npm-cache"
NG, RR = "21.2.24", "7.18.4"  # one release of each family, so that npm's peer checks agree
NPM_SETS = {
    "ng": [f"@angular/{p}@{NG}" for p in ("cli", "build", "core", "common", "compiler", "compiler-cli",
                                           "platform-browser", "router", "forms")]
    + ["rxjs", "tslib", "zone.js", "karma", "karma-jasmine", "karma-chrome-launcher", "karma-jasmine-html-reporter",
       "karma-coverage", "jasmine-core", "@types/jasmine", f"angular-eslint@{NG.split('.')[0]}", "@eslint/js@9",
       "eslint@9", "typescript-eslint"],
    "nuxt": ["nuxt", "vue", "vue-router", "vue-tsc", "typescript"],
    "rr": [f"react-router@{RR}", f"@react-router/dev@{RR}", f"@react-router/node@{RR}", f"@react-router/serve@{RR}",
           "isbot", "react", "react-dom", "vite", "typescript", "@types/react", "@types/react-dom"],
    "sb": ["storybook", "@storybook/react-vite", "react", "react-dom", "vite", "@vitejs/plugin-react", "typescript"],
    "misc": ["@capacitor/cli", "@capacitor/core", "@stencil/core", "electron-builder", "@ionic/cli"],
    "rush": ["@microsoft/rush"],
}
MARKERS = {"ng": "@angular/cli", "nuxt": "nuxt", "rr": "@react-router/dev", "sb": "storybook", "misc": "@stencil/core",
           "rush": "@microsoft/rush"}
NPM_ENV = {"npm_config_cache": str(NPM_CACHE), "NUXT_TELEMETRY_DISABLED": "1", "STORYBOOK_DISABLE_TELEMETRY": "1",
           "NG_CLI_ANALYTICS": "false", "CHROME_BIN": "/usr/bin/chromium", "RUSH_ALLOW_UNSUPPORTED_NODEJS": "1",
           "CAPACITOR_TELEMETRY": "false", "NO_UPDATE_NOTIFIER": "1", "CI": "1"}

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add
EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def tool_env(name: str, extra: dict | None = None) -> dict:
    """The environment a command of tool set `name` runs in: its node_modules/.bin first on PATH."""
    env = dict(NPM_ENV)
    env["PATH"] = os.pathsep.join([str(TOOLS / name / "node_modules" / ".bin"), os.environ.get("PATH", "")])
    env.update(extra or {})
    return env


def cap(item_id: str, command: str, cwd: Path, extractor, tools: str, timeout: int = 600, env: dict | None = None,
        typed: str | None = None) -> None:
    """Run `command` in `cwd` with tool set `tools` on PATH and add its merged output."""
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout, env=tool_env(tools, env), typed=typed)


def link_modules(app: Path, tools: str) -> None:
    """The app's node_modules: the tool set's, linked (installed once under TOOLS)."""
    nm = app / "node_modules"
    if not nm.exists():
        nm.symlink_to(TOOLS / tools / "node_modules")


def ensure_tools() -> None:
    """Each tool set's npm project under TOOLS, installed once from the registry (its marker package says it is
    there); chromium from Debian for Karma."""
    cm.ensure_apt("chromium", "chromium")
    for name, pkgs in NPM_SETS.items():
        d = TOOLS / name
        if (d / "node_modules" / MARKERS[name]).exists():
            continue
        d.mkdir(parents=True, exist_ok=True)
        (d / "package.json").write_text('{"name": "%s-tools", "version": "1.0.0", "private": true}\n' % name)
        cm.run("npm install --no-audit --no-fund " + " ".join(pkgs), cwd=d, env=NPM_ENV, timeout=1500)


def steps() -> list:
    import capture_wide195_js as js  # nuxi, storybook, react-router, rush, capacitor, stencil, electron-builder
    import capture_wide195_ng as ng  # the Angular CLI
    return ng.STEPS + js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide195", sys.modules["__main__"])
    main()
