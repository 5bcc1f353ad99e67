"""Capture round 417 of the compression corpus (issue #11's document and package kinds as OpenCode's tools hand them
over, after rounds 341, 365 and 383's pattern), with names from a tide mill (sluicegate, millpond, sluice, undershot,
tailrace, ebb and flood tides): npm packages handlebars, highlight.js, js-cookie, jszip, katex, leaflet, localforage,
luxon and moment installed here (README/CHANGELOG/release notes served on loopback for webfetch, minified dist JS/CSS
read and printed, package JSON from npm view / npm ls / package-lock.json of the sluicegate app, with a missing and an
invalid dependency put in); libxml-perl's `sax-2.0-adv.html` (webfetch markdown/html/text); libsqlite3-0's
`changelog.html` (curl through head); a venv of gitdb, immutables, logzero, loguru and jellyfish (pip inspect);
loguru's sdist (CHANGELOG.rst, _logger.py); a Cargo workspace (millpond) for cargo metadata. Most items come from ONE
headless run of the real OpenCode (round 191's driver, round 35's doc server and stub on this round's ports through
round 383's `_doc_server`).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported through round
383's `_imports` (NEEDLES.md's "Round 417: no new rules"); a chain's from each part's own (round 9b). Nothing captured
here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide417.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide417.json  as {"version": 2, "items": [...]}, ids prefixed "wide417-".
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide383 as w383  # noqa: E402

ID_PREFIX = "wide417-"
DEFAULT_OUT = HERE / "data" / "wide417.json"
TMP = Path("/dev/shm/hm-corpus-wide417")
TOOLS = Path("/dev/shm/hm-corpus-wide417-tools")
PY_PKGS = ["gitdb", "immutables", "logzero", "loguru", "jellyfish"]
PY_SDISTS = ["loguru"]
NPM_PKGS = ["handlebars", "highlight.js", "js-cookie", "jszip", "katex", "leaflet", "localforage", "luxon", "moment"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 41710
PORT_CURL, PORT_DOCS, PORT_STUB = 18417, 28417, 38417

TOOLSET = cm.Toolset(TOOLS, "pip", PY_PKGS, "loguru-*", PY_SDISTS, "moment", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# round 383's module, pointed at this round's scratch and ports (its _doc_server reads PORT_DOCS at call time)
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB


def _imports():
    """Round 383's imports of the earlier rounds' extractors and drivers, taken into this module."""
    w383._imports()
    w9b.TMP = TMP
    g = globals()
    for name in ("capture_opencode", "Spec", "Part", "chain", "n_status_echo", "n_html", "n_min_js", "n_min_css",
                 "n_npm_view", "n_lock", "n_npm_ls", "n_pip_json", "n_cargo_meta", "n_ps_aux", "n_npm_ls_json",
                 "n_pip_inspect", "oc_ext", "B", "C", "run_round"):
        g[name] = getattr(w383, name)


# ---------------------------------------------------------------- material: the sluicegate app, millpond workspace

def sluicegate(tmp: Path) -> Path:
    """The app: package.json names the nine installed packages, plus `hammerjs` (not installed: missing) and a
    `moment` range the installed 2.x does not satisfy (invalid); its lock is the installed tree's, renamed."""
    root = tmp / "sluicegate"
    root.mkdir(parents=True, exist_ok=True)
    pkg = json.loads((JS / "package.json").read_text())
    deps = dict(pkg["dependencies"])
    deps["moment"] = "^1.7.2"
    deps["hammerjs"] = "^2.0.8"
    (root / "package.json").write_text(json.dumps({
        "name": "sluicegate", "version": "1.4.0", "private": True,
        "description": "Tide mill tally: ebb and flood, millpond levels and millers' shifts",
        "scripts": {"start": "node tide.js"}, "dependencies": deps}, indent=2) + "\n")
    lock = json.loads((JS / "package-lock.json").read_text())
    lock["name"], lock["version"] = "sluicegate", "1.4.0"
    lock["packages"][""].update({"name": "sluicegate", "version": "1.4.0"})
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    if not (root / "node_modules").exists():
        os.symlink(JS / "node_modules", root / "node_modules")
    return root


CARGO_WS = '[workspace]\nmembers = ["millpond", "sluice", "undershot", "tailrace"]\nresolver = "2"\n'


def millpond(tmp: Path) -> Path:
    root = tmp / "millpond-ws"
    files = {"Cargo.toml": CARGO_WS}
    files.update(w383.crate("sluice", "Sluice gates that hold the flood tide in the millpond", {}))
    files.update(w383.crate("undershot", "Undershot wheel driven by the ebb through the tailrace", {"sluice": ""}))
    files.update(w383.crate("tailrace", "Tailrace levels and the turn of the tide", {"sluice": ""}))
    files.update(w383.crate("millpond", "Millpond, wheel pit and millstones: the tide millers' tally",
                            {"sluice": "", "undershot": "", "tailrace": ""}, "bin"))
    cm.write_tree(root, files)
    return root


# ---------------------------------------------------------------- steps

def packages(tmp: Path) -> None:
    app = sluicegate(tmp)
    ws = millpond(tmp)
    cap("npm-view-handlebars-json", "npm view handlebars --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-luxon-json", "npm view luxon --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-katex-exit", "chain-pkg-exit", "pkg",
          [Part("npm view katex --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("cat-package-lock-sluicegate", "cat package-lock.json", app, n_lock)
    chain("chain-npm-ls-json-sluicegate-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-all-sluicegate", "npm ls --all 2>&1", app, n_npm_ls, timeout=300)
    cap("pip-inspect-tide-venv", f"{VENV}/bin/pip inspect 2>/dev/null", tmp, n_pip_inspect, timeout=300,
        typed="pip inspect 2>/dev/null")
    cap("pip-list-json-system-python", "/usr/bin/python3 -m pip list --format json 2>/dev/null", tmp, n_pip_json,
        timeout=300)
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-millpond", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-min-css-katex", "cat node_modules/katex/dist/katex.min.css", app, n_min_css)
    cap("cat-min-js-moment", "cat node_modules/moment/min/moment.min.js", app, n_min_js)
    srv = cm.start(f"cd {TOOLS}/sqlite && exec python3 -m http.server {PORT_CURL} --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-sqlite-changelog-head-700",
            f"curl -s http://127.0.0.1:{PORT_CURL}/changelog.html | head -n 700", tmp, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


def sqlite_changelog() -> None:
    """libsqlite3-0's installed changelog.html.gz, unpacked once for the curl'd page."""
    out = TOOLS / "sqlite" / "changelog.html"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        cm.run(f"zcat /usr/share/doc/libsqlite3-0/changelog.html.gz > {out}")


DOCS = {"npm": "{JS}/node_modules", "perlsax": "/usr/share/doc/libxml-perl"}


def specs(root: Path, env: dict) -> list:
    nm = "sluicegate/node_modules"
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list = [
        B("oc-bash-npm-view-leaflet-json", n_npm_view, "npm view leaflet --json"),
        B("oc-bash-npm-view-jszip-json", n_npm_view, "npm view jszip --json 2>&1"),
        B("oc-bash-npm-ls-json-sluicegate", n_npm_ls_json, "cd sluicegate && npm ls --json 2>/dev/null"),
        B("oc-bash-cat-package-lock-sluicegate", n_lock, "cat sluicegate/package-lock.json"),
        B("oc-bash-pip-list-json-system", n_pip_json, "/usr/bin/python3 -m pip list --format json"),
        B("oc-bash-pip-inspect-head", n_pip_inspect, "pip inspect 2>/dev/null | head -n 600"),
        B("oc-bash-ps-aux-mem-head-50", n_ps_aux, "ps aux --sort=-%mem | head -n 50"),
        B("oc-bash-cat-min-js-js-cookie", n_min_js, f"cat {nm}/js-cookie/dist/js.cookie.min.js"),
        B("oc-bash-cargo-metadata-oneline", n_cargo_meta,
          "cd millpond-ws && cargo metadata --format-version 1 --offline --no-deps"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd sluicegate", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List sluicegate's dependency tree"))
    S.append(C("oc-bash-chain-npm-view-localforage", "chain-pkg-exit", "pkg",
               [Part("npm view localforage --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")],
               root, env, "Show localforage's registry data"))
    S.append(C("oc-bash-chain-cargo-metadata-exit", "chain-pkg-exit", "pkg",
               [Part("cd millpond-ws", None),
                Part("cargo metadata --format-version 1 --offline", n_cargo_meta, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")],
               root, env, "Show millpond's workspace metadata"))
    bu = "{BASE}"

    def md(item: str, path: str) -> "Spec":
        return Spec(item, "oc-webfetch-markdown", "doc", "webfetch", {"url": f"{bu}/{path}", "format": "markdown"},
                    source=path)
    O = [
        md("oc-webfetch-md-handlebars-release-notes", "npm/handlebars/release-notes.md"),
        md("oc-webfetch-md-highlightjs-readme", "npm/highlight.js/README.md"),
        md("oc-webfetch-md-highlightjs-v11-upgrade", "npm/highlight.js/VERSION_11_UPGRADE.md"),
        md("oc-webfetch-md-jszip-changes", "npm/jszip/CHANGES.md"),
        md("oc-webfetch-md-js-cookie-readme", "npm/js-cookie/README.md"),
        md("oc-webfetch-md-localforage-readme", "npm/localforage/README.md"),
        md("oc-webfetch-md-moment-changelog", "npm/moment/CHANGELOG.md"),
        md("oc-webfetch-md-katex-readme", "npm/katex/README.md"),
        md("oc-webfetch-md-perlsax-adv", "perlsax/sax-2.0-adv.html"),
        Spec("oc-webfetch-html-perlsax-adv", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/perlsax/sax-2.0-adv.html", "format": "html"}, source="perlsax/sax-2.0-adv.html"),
        Spec("oc-webfetch-text-perlsax-adv", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{bu}/perlsax/sax-2.0-adv.html", "format": "text"}, source="perlsax/sax-2.0-adv.html"),
        Spec("oc-read-min-leaflet-js", "oc-read-minified", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/leaflet/dist/leaflet.js"}, "minified"),
        Spec("oc-read-min-jszip-js", "oc-read-minified", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/jszip/dist/jszip.min.js"}, "minified"),
        Spec("oc-read-min-localforage-js", "oc-read-minified", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/localforage/dist/localforage.min.js"}, "minified"),
        Spec("oc-read-min-highlightjs-nord-css", "oc-read-minified", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/highlight.js/styles/nord.min.css"}, "minified"),
        Spec("bash-cat-min-handlebars", "bash-cat-minified", "code", "bash",
             {"command": f"cat {nm}/handlebars/dist/handlebars.min.js | head -c 80000",
              "description": "Print handlebars.min.js"}, "minified"),
        Spec("bash-cat-min-katex-js", "bash-cat-minified", "code", "bash",
             {"command": f"cat {nm}/katex/dist/katex.min.js | head -c 70000",
              "description": "Print katex.min.js"}, "minified"),
        Spec("oc-read-js-luxon-interval", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/luxon/src/interval.js"}, "js"),
        Spec("oc-read-py-loguru-logger", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/loguru-src/loguru/_logger.py"}, "python"),
        Spec("oc-read-py-logzero", "oc-read-source", "code", "read", {"filePath": "{SP}/logzero/__init__.py"},
             "python"),
        Spec("oc-read-doc-loguru-readme", "oc-read-doc", "doc", "read",
             {"filePath": "{ROOT}/loguru-src/README.md"}, "markdown"),
        Spec("oc-read-lock-sluicegate", "oc-read-lockfile", "json", "read",
             {"filePath": "{ROOT}/sluicegate/package-lock.json"}, "json"),
        Spec("oc-grep-luxon-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w+", "path": f"{nm}/luxon/src"}),
        Spec("oc-grep-gitdb-def-class", "oc-grep", "search", "grep",
             {"pattern": r"^(def|class) \w+", "path": "{SP}/gitdb", "include": "*.py"}),
        Spec("oc-glob-highlightjs-languages", "oc-glob", "listing", "glob",
             {"pattern": "es/languages/*.js", "path": f"{nm}/highlight.js"}),
        Spec("oc-glob-katex-contrib", "oc-glob", "listing", "glob", {"pattern": "**/*.js", "path": f"{nm}/katex"}),
    ]
    import glob as _glob
    spdir = _glob.glob(sp)[0]
    for spec in O:
        for key in ("filePath", "path"):
            if key in spec.args:
                spec.args[key] = spec.args[key].replace("{ROOT}", str(root)).replace("{SP}", spdir)
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 383's way: capture_opencode's doc server (round 383's `_doc_server`) and stub on this round's ports."""
    oco = capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    docs = {k: v.replace("{JS}", str(JS)) for k, v in DOCS.items()}
    sdist = next(p for p in tmp.glob("loguru-*") if p.is_dir())
    try:
        run_round(
            tmp,
            f"cp -r {tmp}/sluicegate sluicegate && cp -r {tmp}/millpond-ws millpond-ws && "
            f"cp -r {sdist} loguru-src",
            "find . -name __pycache__ -prune -exec rm -rf {} + ; true",
            docs, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [TOOLSET.unpack, packages, opencode]


def install() -> None:
    TOOLSET.install()
    sqlite_changelog()


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide417", sys.modules["__main__"])
    main()
