"""Capture round 383 of the compression corpus (issue #11's document and package kinds as OpenCode's tools hand them
over, after rounds 324, 341, 348, 356, 360 and 365's pattern), with names from a windmill (brakewheel, windshaft,
sails, stones, millers): npm packages axios, dompurify, dexie, chart.js, bowser, cropperjs, flatpickr, crypto-js and
animate.css installed here (README/CHANGELOG served on loopback for webfetch, minified dist JS/CSS read and printed,
package JSON from npm view / npm ls / package-lock.json of the brakewheel app, with a missing and an invalid dependency
put in); cl-alexandria's HTML manual (webfetch html/text, curl); a venv of bleach, dill, distro, easydict and
et_xmlfile (pip inspect, pip list --format json); bleach's sdist (CHANGES); a Cargo workspace (windshaft) for cargo
metadata. Most items come from ONE headless run of the real OpenCode (round 191's driver, round 35's doc server and
stub on this round's ports, round 365's way).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 383: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide383.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide383.json  as {"version": 2, "items": [...]}, ids prefixed "wide383-".
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide383-"
DEFAULT_OUT = HERE / "data" / "wide383.json"
TMP = Path("/dev/shm/hm-corpus-wide383")
TOOLS = Path("/dev/shm/hm-corpus-wide383-tools")
PY_PKGS = ["bleach", "dill", "distro", "easydict", "et_xmlfile"]
PY_SDISTS = ["bleach"]
NPM_PKGS = ["dompurify", "axios", "flatpickr", "animate.css", "dexie", "bowser", "chart.js", "cropperjs", "crypto-js"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 38310
PORT_CURL, PORT_DOCS, PORT_STUB = 18383, 28383, 38383

TOOLSET = cm.Toolset(TOOLS, "distro", PY_PKGS, "bleach-*", PY_SDISTS, "axios", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def _imports():
    """The earlier rounds' extractors and drivers (imported late: some modules set round 9b's chain dir)."""
    global capture_opencode, Spec, Part, chain, n_status_echo, n_html, n_min_js, n_min_css, n_npm_view, n_lock
    global n_npm_ls, n_pip_json, n_cargo_meta, n_ps_aux, n_npm_ls_json, n_pip_inspect, oc_ext, B, C, run_round
    import capture_opencode  # noqa: F401
    from capture_opencode import Spec
    from capture_wide9b import Part, chain, n_status_echo
    from capture_wide11_files import n_html
    from capture_wide11 import n_min_js, n_min_css
    from capture_wide15_data import n_npm_view, n_lock, n_npm_ls, n_pip_json, n_cargo_meta, n_ps_aux
    from capture_wide9a_more import n_npm_ls_json
    from capture_wide6_new2 import n_pip_inspect
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C, run_round
    w9b.TMP = TMP


# ---------------------------------------------------------------- material: the brakewheel app, windshaft workspace

def brakewheel(tmp: Path) -> Path:
    """The app: package.json names the nine installed packages, plus `fuse.js` (not installed: missing) and a
    `bowser` range the installed 2.x does not satisfy (invalid); its lock is the installed tree's, renamed."""
    root = tmp / "brakewheel"
    root.mkdir(parents=True, exist_ok=True)
    pkg = json.loads((JS / "package.json").read_text())
    deps = dict(pkg["dependencies"])
    deps["bowser"] = "^1.9.4"
    deps["fuse.js"] = "^7.1.0"
    (root / "package.json").write_text(json.dumps({
        "name": "brakewheel", "version": "0.3.2", "private": True,
        "description": "Windmill tally: sails, stones and millers' shifts",
        "scripts": {"start": "node server.js"}, "dependencies": deps}, indent=2) + "\n")
    lock = json.loads((JS / "package-lock.json").read_text())
    lock["name"], lock["version"] = "brakewheel", "0.3.2"
    lock["packages"][""].update({"name": "brakewheel", "version": "0.3.2"})
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    if not (root / "node_modules").exists():
        os.symlink(JS / "node_modules", root / "node_modules")
    return root


CARGO_WS = '[workspace]\nmembers = ["windshaft", "sailbar", "tailpole", "fantail"]\nresolver = "2"\n'


def crate(name: str, desc: str, deps: dict[str, str], kind: str = "lib") -> dict[str, str]:
    toml = (f'[package]\nname = "{name}"\nversion = "0.{len(name) % 5}.{len(desc) % 9}"\nedition = "2021"\n'
            f'description = "{desc}"\nlicense = "MIT"\n\n[dependencies]\n'
            + "".join(f'{d} = {{ path = "../{d}" }}\n' for d in deps))
    src = {"lib": "src/lib.rs", "bin": "src/main.rs"}[kind]
    body = "fn main() {}\n" if kind == "bin" else "pub fn turns() -> u32 { 4 }\n"
    return {f"{name}/Cargo.toml": toml, f"{name}/{src}": body}


def windshaft(tmp: Path) -> Path:
    root = tmp / "windshaft-ws"
    files = {"Cargo.toml": CARGO_WS}
    files.update(crate("sailbar", "Sail bars and shutters of a tower mill", {}))
    files.update(crate("fantail", "Fantail gearing that winds the cap into the wind", {"sailbar": "0.2.4"}))
    files.update(crate("tailpole", "Tail pole luffing for a post mill", {"sailbar": "0.2.4"}))
    files.update(crate("windshaft", "Windshaft, brake wheel and wallower: the millers' tally",
                       {"sailbar": "0.2.4", "fantail": "0.2.7", "tailpole": "0.3.0"}, "bin"))
    cm.write_tree(root, files)
    return root


# ---------------------------------------------------------------- steps

def packages(tmp: Path) -> None:
    app = brakewheel(tmp)
    ws = windshaft(tmp)
    cap("npm-view-dompurify-json", "npm view dompurify --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-axios-json", "npm view axios --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-dexie-exit", "chain-pkg-exit", "pkg",
          [Part("npm view dexie --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("cat-package-lock-brakewheel", "cat package-lock.json", app, n_lock)
    chain("chain-npm-ls-json-brakewheel-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-all-brakewheel", "npm ls --all 2>&1", app, n_npm_ls, timeout=300)
    cap("pip-inspect-millers-venv", f"{VENV}/bin/pip inspect 2>/dev/null", tmp, n_pip_inspect, timeout=300,
        typed="pip inspect 2>/dev/null")
    cap("pip-list-json-system-python", "/usr/bin/python3 -m pip list --format json 2>/dev/null", tmp, n_pip_json,
        timeout=300)
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-windshaft", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-min-css-animate", "cat node_modules/animate.css/animate.min.css", app, n_min_css)
    cap("cat-min-js-dompurify", "cat node_modules/dompurify/dist/purify.min.js", app, n_min_js)
    srv = cm.start(f"cd /usr/share/doc/cl-alexandria && exec python3 -m http.server {PORT_CURL} --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-alexandria-head-900",
            f"curl -s http://127.0.0.1:{PORT_CURL}/alexandria.html | head -n 900", tmp, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


DOCS = {"npm": "{JS}/node_modules", "alexandria": "/usr/share/doc/cl-alexandria"}


def specs(root: Path, env: dict) -> list:
    nm = "brakewheel/node_modules"
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list = [
        B("oc-bash-npm-view-bowser-json", n_npm_view, "npm view bowser --json"),
        B("oc-bash-npm-view-chartjs-json", n_npm_view, "npm view chart.js --json 2>&1"),
        B("oc-bash-npm-ls-json-brakewheel", n_npm_ls_json, "cd brakewheel && npm ls --json 2>/dev/null"),
        B("oc-bash-cat-package-lock-brakewheel", n_lock, "cat brakewheel/package-lock.json"),
        B("oc-bash-pip-list-json-system", n_pip_json, "/usr/bin/python3 -m pip list --format json"),
        B("oc-bash-pip-inspect-head", n_pip_inspect, "pip inspect 2>/dev/null | head -n 700"),
        B("oc-bash-ps-aux-cpu-head-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("oc-bash-cat-min-js-cropper", n_min_js, f"cat {nm}/cropperjs/dist/cropper.min.js"),
        B("oc-bash-cargo-metadata-oneline", n_cargo_meta,
          "cd windshaft-ws && cargo metadata --format-version 1 --offline --no-deps"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd brakewheel", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List brakewheel's dependency tree"))
    S.append(C("oc-bash-chain-npm-view-flatpickr", "chain-pkg-exit", "pkg",
               [Part("npm view flatpickr --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")],
               root, env, "Show flatpickr's registry data"))
    S.append(C("oc-bash-chain-cargo-metadata-exit", "chain-pkg-exit", "pkg",
               [Part("cd windshaft-ws", None),
                Part("cargo metadata --format-version 1 --offline", n_cargo_meta, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")],
               root, env, "Show windshaft's workspace metadata"))
    bu = "{BASE}"
    O = [
        Spec("oc-webfetch-md-axios-readme", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/npm/axios/README.md", "format": "markdown"}, source="npm/axios/README.md"),
        Spec("oc-webfetch-md-axios-changelog", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/npm/axios/CHANGELOG.md", "format": "markdown"}, source="npm/axios/CHANGELOG.md"),
        Spec("oc-webfetch-md-axios-migration", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/npm/axios/MIGRATION_GUIDE.md", "format": "markdown"},
             source="npm/axios/MIGRATION_GUIDE.md"),
        Spec("oc-webfetch-md-dompurify-readme", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/npm/dompurify/README.md", "format": "markdown"}, source="npm/dompurify/README.md"),
        Spec("oc-webfetch-md-dexie-readme", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/npm/dexie/README.md", "format": "markdown"}, source="npm/dexie/README.md"),
        Spec("oc-webfetch-md-bowser-readme", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/npm/bowser/README.md", "format": "markdown"}, source="npm/bowser/README.md"),
        Spec("oc-webfetch-md-flatpickr-readme", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/npm/flatpickr/README.md", "format": "markdown"}, source="npm/flatpickr/README.md"),
        Spec("oc-webfetch-md-alexandria-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/alexandria/alexandria.html", "format": "markdown"}, source="alexandria/alexandria.html"),
        Spec("oc-webfetch-html-alexandria-manual", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/alexandria/alexandria.html", "format": "html"}, source="alexandria/alexandria.html"),
        Spec("oc-webfetch-text-alexandria-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{bu}/alexandria/alexandria.html", "format": "text"}, source="alexandria/alexandria.html"),
        Spec("oc-read-min-flatpickr-js", "oc-read-minified", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/flatpickr/dist/flatpickr.min.js"}, "minified"),
        Spec("oc-read-min-dexie-js", "oc-read-minified", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/dexie/dist/dexie.min.js"}, "minified"),
        Spec("oc-read-min-flatpickr-css", "oc-read-minified", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/flatpickr/dist/flatpickr.min.css"}, "minified"),
        Spec("bash-cat-min-chartjs-umd", "bash-cat-minified", "code", "bash",
             {"command": f"cat {nm}/chart.js/dist/chart.umd.min.js | head -c 90000",
              "description": "Print chart.umd.min.js"}, "minified"),
        Spec("bash-cat-min-bowser-es5", "bash-cat-minified", "code", "bash",
             {"command": f"cat {nm}/bowser/es5.js", "description": "Print bowser's es5.js"}, "minified"),
        Spec("oc-read-js-crypto-js-core", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/crypto-js/core.js"}, "js"),
        Spec("oc-read-py-distro", "oc-read-long", "code", "read", {"filePath": "{SP}/distro/distro.py"}, "python"),
        Spec("oc-read-py-bleach-sanitizer", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/bleach-src/bleach/sanitizer.py"}, "python"),
        Spec("oc-read-doc-bleach-changes", "oc-read-doc", "doc", "read", {"filePath": "{ROOT}/bleach-src/CHANGES"},
             "markdown"),
        Spec("oc-read-lock-brakewheel", "oc-read-lockfile", "json", "read",
             {"filePath": "{ROOT}/brakewheel/package-lock.json"}, "json"),
        Spec("oc-grep-axios-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w+|new AxiosError\(", "path": f"{nm}/axios/lib"}),
        Spec("oc-grep-dill-def-class", "oc-grep", "search", "grep",
             {"pattern": r"^(def|class) \w+", "path": "{SP}/dill", "include": "*.py"}),
        Spec("oc-glob-chartjs-dts", "oc-glob", "listing", "glob", {"pattern": "**/*.d.ts", "path": f"{nm}/chart.js"}),
        Spec("oc-glob-crypto-js", "oc-glob", "listing", "glob", {"pattern": "**/*.js", "path": f"{nm}/crypto-js"}),
    ]
    import glob as _glob
    spdir = _glob.glob(sp)[0]
    for spec in O:
        for key in ("filePath", "path"):
            if key in spec.args:
                spec.args[key] = spec.args[key].replace("{ROOT}", str(root)).replace("{SP}", spdir)
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode's doc server on the round's own loopback port (round 360's way)."""
    handler = functools.partial(capture_opencode._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT_DOCS), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    oco = capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    docs = {k: v.replace("{JS}", str(JS)) for k, v in DOCS.items()}
    try:
        run_round(
            tmp,
            f"cp -r {tmp}/brakewheel brakewheel && cp -r {tmp}/windshaft-ws windshaft-ws && "
            f"cp -r {tmp}/bleach-6.4.0 bleach-src",
            "find . -name __pycache__ -prune -exec rm -rf {} + ; true",
            docs, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [TOOLSET.unpack, packages, opencode]


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide383", sys.modules["__main__"])
    main()
