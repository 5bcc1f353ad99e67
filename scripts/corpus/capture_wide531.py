"""Capture round 531 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 506, 517 and 524's pattern), with names from a ferry toll house (tollbooth, ferryhut, ferrybooth,
chaingauge; chains hauled, tokens sold, toll clerks' tallies), seed 53110: npm packages a11y-dialog, aos, baffle,
canvas-confetti, chartist, clusterize.js, fitty, granim, jbox and lazysizes installed here (package JSON from npm view
/ npm ls / package-lock.json of the tollbooth app with a missing dependency, an invalid range and an invalid peer put
in, jq over them); a venv of amqp, durationpy, lark-parser, contourpy and ruff (pip inspect, pip show); a Cargo
workspace (ferryhut) for cargo metadata and Cargo.lock; two local Go modules (ferrybooth, and chaingauge with a
missing import) for go list -json; a loopback JSON API (chain hauls in pages with timestamps, token sales, toll
clerks' tallies) fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults
put in; the installed packages' documentation fetched with curl from a loopback server, a minified file cat'ed; one
headless OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

The material is not written anew: round 524's builders (`capture_wide524.lockcottage`, `lengthsmanhut`,
`go_modules`, `api_files`, `COTTAGEHUT_JS`, `LOCK_BEAMS_PY`) are imported, pointed at this round's seed, packages,
scratch and name lists, run into a staging directory, and every file they write goes through
`capture_wide273_go.renamed` with this round's words (round 292's way). No new extractor: each kind's needles come
from the extractor round 524 used for it, imported through `capture_wide524._imports` (NEEDLES.md's "Round 531: no
new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide531.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide531.json  as {"version": 2, "items": [...]}, ids prefixed "wide531-".
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide383 as w383  # noqa: E402
import capture_wide469 as w469  # noqa: E402
import capture_wide497 as w497  # noqa: E402
import capture_wide506 as w506  # noqa: E402
import capture_wide517 as w517  # noqa: E402
import capture_wide524 as w524  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide531-"
DEFAULT_OUT = HERE / "data" / "wide531.json"
TMP = Path("/dev/shm/hm-corpus-wide531")
TOOLS = Path("/dev/shm/hm-corpus-wide531-tools")
PY_PKGS = ["amqp", "durationpy", "lark-parser", "contourpy", "ruff"]
NPM_PKGS = ["a11y-dialog", "aos", "baffle", "canvas-confetti", "chartist", "clusterize.js", "fitty", "granim", "jbox",
            "lazysizes", "eslint"]
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "chartist"      # round 524's viewerjs: a range the installed 1.x does not satisfy
INVALID_PEER = "a11y-dialog"    # round 524's typed.js: the local plate's peer a major above the installed 8.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 53110
PORT_API, PORT_DOCS, PORT_STUB = 18531, 28531, 38531

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "aos", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["hauldrum", "tokenbox", "tollclerk", "slipchain", "fareboard", "ferryhut"]

# rounds 524's, 517's, 506's, 497's and 469's modules, pointed at this round's scratch, ports, seed and members
for _m in (w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
# round 524's crossing and clerk lists, this round's (its api_files reads them)
w524.LOCKS = ["north-slip", "south-slip", "chain-float", "toll-gate", "horse-ramp", "foot-stair"]
w524.LENGTHSMEN = ["Agnes Tollard", "Jacob Chainey", "Rose Ferriby", "Samuel Tokener", "Lydia Boothe",
                   "Isaac Fareham"]
w9b.TMP = TMP

# round 524's names for this round's: the app's files get only NAMES (its lock holds real packages' metadata);
# the generated trees (workspace, Go modules, API answers, lint code) get PHRASES, NAMES, then WORDS.
NAMES = (
    ("Lock keeper's cottage: balance beams swung, paddles wound, lengthsmen's bank walks",
     "Ferry toll house: chains hauled, tokens sold, toll clerks' tallies"),
    ("Balance-beam name plates and the lengthsmen's painted boards",
     "Toll clerks' name plates and the ferry's painted fare boards"),
    ('"viewerjs": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"typed.js": "^4.0.0"', f'"{INVALID_PEER}": "^9.0.0"'),
    ("node cottage.js", "node booth.js"),
    ("lengthsmanhut-ws", "ferryhut-ws"), ("lengthsmanhut", "ferryhut"), ("lockcottage", "tollbooth"),
    ("cottageplate", "clerkplate"), ("windlasskit", "tokenkit"), ("cottagehut", "tollhut"),
    ("lock_beams", "toll_chains"), ("cottagebook", "ferrybooth"), ("beamgauge", "chaingauge"),
    ("stopboardkit", "tokenpress"), ("stopboard", "slipboard"), ("leakbook", "driftbook"),
    ("stopplank", "slipchain"), ("cottagewall", "fareboard"), ("beamarm", "hauldrum"), ("paddlegear", "tokenbox"),
    ("Lengthsman", "TollClerk"), ("lengthsmen", "tollclerks"), ("lengthsman", "tollclerk"),
)
PHRASES = (
    ("Balance beams, their arms and the heel posts they swing", "Haul drums, their chains and the pawls they turn"),
    ("Ground and gate paddles, racks and windlass spindles", "Token boxes, their presses and the brass blanks"),
    ("The lengthsmen's beats and bank-walk rota", "The toll clerks' shifts and the tally rota"),
    ("Stop planks, their grooves and the dewatering log", "Slip chains, their guides and the slack log"),
    ("The cottage's lock wall, copings and the flood marks", "The fare board, its rates and the night tariff"),
    ("Lock keeper's cottage: beams, paddles and lengthsmen", "Ferry toll house: chains, tokens and toll clerks"),
    ("balance beams swung open and shut", "chain drums hauled across and back"),
    ("ground paddles wound with the windlass", "tokens struck in the toll press"),
    ("the lengthsmen's beats and bank walks", "the toll clerks' shifts and tallies"),
    ("stop boards dropped in the grooves", "slip boards laid on the ramp"),
)
WORDS = (
    ("cottage-beam-swings", "ferry-chain-hauls"), ("beam-swings", "chain-hauls"),
    ("BeamSwingError", "ChainHaulError"), ("heel post", "chain link"), ("defects book", "toll ledger"),
    ("swung_at", "hauled_at"), ("arc_deg", "sag_cm"), ("push_kgf", "pull_kgf"), ('"gates"', '"ramps"'),
    ("lock-passages", "token-sales"), ('"LP-', '"TK-'), ("narrowboat", "foot passenger"),
    ("widebeam", "horse and cart"), ("butty pair", "motor car"), ("day boat", "drover's flock"),
    (" through the ", " at the "),
    ("ground paddle jammed half wound: chamber would not fill, passage refunded",
     "token press jammed mid-strike: no token issued, fare refunded"),
    ("bank-walks", "clerk-tallies"), ('"bank"', '"booth"'), ('"B-', '"T-'), ("towpath", "slipside"),
    ("offside", "landside"), ("seep_lpm", "short_gbp"), ("walked_at", "tallied_at"),
    ('"sound"', '"balanced"'), ('"slipping"', '"short"'), ('"collapsed"', '"voided"'),
    ("(swing S-", "(haul H-"),
    ("heelpost", "sprocket"), ("heels", "links"), ("beams", "chains"), ("beam", "chain"), ("swing", "haul"),
    ("Swing", "Haul"), ("Heel", "Link"), ("Arc", "Sag"), ("Wind", "Strike"), ("Rack", "Stack"),
    ("Spindle", "Die"), ("Beat", "Shift"), ("Walk", "Tally"), ("Report", "Ledger"), ("Drop", "Lay"),
    ("paddles", "tokens"), ("paddle", "token"), ("chamber", "fare"), ("push", "pull"), ("degree", "link"),
    ("beat", "shift"), ("walk(", "tally("), ("miles", "fares"), ("pound", "ferry"),
)
GENERATED = PHRASES + NAMES + WORDS


def _imports():
    """Round 524's imports (517's, 506's, 497's, 469's, 383's, with the JSON kinds' extractors and the documents')."""
    w524._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w524, name)


# ---------------------------------------------------------------- material: round 524's builders, renamed

def rename_tree(src: Path, dst: Path, renames: tuple) -> Path:
    """Every file under `src` copied to `dst` with its relative path and text passed through `renamed`."""
    for p in sorted(src.rglob("*")):
        if p.is_file():
            q = dst / renamed(str(p.relative_to(src)), renames)
            q.parent.mkdir(parents=True, exist_ok=True)
            q.write_text(renamed(p.read_text(), renames))
    return dst



def build_app(tmp: Path) -> Path:
    """Round 524's lockcottage with this round's packages, renamed: its package.json, lock and local plate."""
    stage = tmp / "stage"
    old = w524.lockcottage(stage)
    root = tmp / "tollbooth"
    root.mkdir(parents=True, exist_ok=True)
    for f in ("package.json", "package-lock.json"):
        (root / f).write_text(renamed((old / f).read_text(), NAMES))
    plate = old / "node_modules" / "cottageplate"
    rename_tree(plate, root / "node_modules" / "clerkplate", NAMES)
    shutil.rmtree(plate)
    for p in (old / "node_modules").iterdir():
        p.rename(root / "node_modules" / p.name)
    return root


def build_workspace(tmp: Path) -> Path:
    old = w524.lengthsmanhut(tmp / "stage")
    (old / "Cargo.lock").unlink()
    root = rename_tree(old, tmp / "ferryhut-ws", GENERATED)
    cm.run("cargo generate-lockfile --offline", cwd=root, env={"CARGO_TERM_COLOR": "never"})
    return root


def build_go(tmp: Path) -> tuple[Path, Path]:
    a, b = w524.go_modules(tmp / "stage")
    return rename_tree(a, tmp / "ferrybooth", GENERATED), rename_tree(b, tmp / "chaingauge", GENERATED)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_TALLIES = ("jq -c '.[] | {id, booth, tollclerk, status, short: .short_gbp, amount: .cost_cents, "
              "tallied_at}'")
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    stage = tmp / "stage" / "www"
    w524.api_files(stage)
    www = rename_tree(stage, tmp / "www", GENERATED)
    cm.start(f"cd {www} && exec python3 -m http.server {PORT_API} --bind 127.0.0.1")
    time.sleep(1.5)


def packages(tmp: Path) -> None:
    app = build_app(tmp)
    ws = build_workspace(tmp)
    cap("npm-view-chartist-json", "npm view chartist --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-granim-json", "npm view granim --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-aos-exit", "chain-pkg-exit", "pkg",
          [Part("npm view aos --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-npm-view-lazysizes-exit", "chain-pkg-exit", "pkg",
          [Part("npm view lazysizes --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-devdeps-keys-npm-view-granim", "npm view granim --json | jq '.devDependencies | keys'",
        tmp, n_jq_lines, timeout=300)
    cap("jq-devdeps-keys-npm-view-aos", "npm view aos --json | jq '.devDependencies | keys'", tmp,
        n_jq_lines, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in a11y-dialog baffle clusterize.js fitty granim jbox; do npm view $p --json "
        "| jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, .dist.tarball]'; done", tmp,
        n_jq_lines, timeout=300)
    cap("cat-package-lock-tollbooth", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-tollbooth", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-tollbooth", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-tollbooth-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-tollbooth", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-tollbooth-exit", "chain-pkg-exit", "pkg",
          [Part("cd tollbooth", None), Part("npm ls 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-ferryhut-venv-head", f"{PIP} inspect 2>/dev/null | head -n 300", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 300")
    cap("pip-show-files-amqp-durationpy-lark-parser", f"{PIP} show -f amqp durationpy lark-parser", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f amqp durationpy lark-parser")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-ferryhut", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd ferryhut-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                              n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-ferryhut", "cat Cargo.lock", ws, n_cargo_lock)
    ferrybooth, chaingauge = build_go(tmp)
    genv = dict(GO_ENV)
    cap("go-list-json-ferrybooth", "go list -json ./...", ferrybooth, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-chaingauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd chaingauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "tollhut", {renamed(k, GENERATED): renamed(v, GENERATED)
                                     for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "chains", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-tollhut", f"{eslint} -f json . 2>&1", lint / "tollhut", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-toll-chains",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json toll_chains 2>/dev/null",
        lint / "chains", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json toll_chains 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-chain-hauls-page2-json-tool",
        f"curl -s {base}/chain-hauls/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-chain-hauls-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/chain-hauls/page1.json", n_json_api),
           Part(f"curl -s {base}/chain-hauls/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/chain-hauls/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-token-sales-json-tool", f"curl -s {base}/token-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-clerk-tallies", f"curl -s {base}/clerk-tallies.json | {JQ_TALLIES}", tmp, n_jq_compact)


CURL_MD = [("curl-md-aos-readme", "aos/README.md", ""),
           ("curl-md-fitty-readme", "fitty/README.md", ""),
           ("curl-md-lazysizes-changelog-head", "lazysizes/CHANGELOG.md", " | head -n 120")]
CURL_HTML = [("curl-html-granim-docs-index", "granim/docs/index.html", "")]
CAT_MIN = [("cat-min-lazysizes", "lazysizes/lazysizes.min.js", "")]


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28531 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; an installed minified file printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        chain("chain-curl-md-baffle-readme-exit", "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/baffle/README.md", n_markdown),
               Part(f"curl -sf {base}/baffle/CHANGELOG.md", None, "&&"),
               Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    finally:
        srv.terminate()
        srv.wait(timeout=10)
    nm = tmp / "npm-copy"
    for item, path, pipe in CAT_MIN:
        dst = nm / path
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes((JS / "node_modules" / path).read_bytes())
        cap(item, f"cat {path}{pipe}", nm, n_min_js)


DOCS_MD = [("oc-webfetch-md-chartist-readme", "chartist/README.md"),
           ("oc-webfetch-md-canvas-confetti-readme", "canvas-confetti/README.md")]
DOCS_HTML = [("oc-webfetch-html-granim-examples", "granim/docs/examples.html")]
MINIFIED = {"read": ("oc-read-min-jbox-js", "jbox/dist/jBox.min.js"),
            "bash": ("bash-cat-min-a11y-dialog", "a11y-dialog/dist/a11y-dialog.min.js")}


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-tollbooth", n_npm_ls_json, "cd tollbooth && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-lazysizes", n_jq_lines, "npm view lazysizes --json | jq '.versions'"),
        B("oc-bash-npm-view-jbox", n_npm_view, "npm view jbox --json"),
        B("oc-bash-pip-show-contourpy-vine", n_pip_show, "pip show contourpy vine amqp"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd tollbooth", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List tollbooth's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-tollbooth", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/tollbooth/package-lock.json"}, "json")]
    for item, path in DOCS_MD:
        if (JS / "node_modules" / path).is_file():
            O.append(Spec(item, "oc-webfetch-markdown", "doc", "webfetch",
                          {"url": f"{bu}/npm/{path}", "format": "markdown"}, source=f"npm/{path}"))
    for item, path in DOCS_HTML:
        if (JS / "node_modules" / path).is_file():
            O.append(Spec(item, "oc-webfetch-html", "doc", "webfetch", {"url": f"{bu}/npm/{path}", "format": "html"},
                          source=f"npm/{path}"))
    item, path = MINIFIED["read"]
    O.append(Spec(item, "oc-read-minified", "code", "read", {"filePath": f"{nm}/{path}"}, "minified"))
    item, path = MINIFIED["bash"]
    O.append(Spec(item, "bash-cat-minified", "code", "bash",
                  {"command": f"cat {nm}/{path} | head -c 80000", "description": "Print a11y-dialog.min.js"},
                  "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 524's way (517's, 506's, 497's, 469's, 463's): capture_opencode's doc server and stub on this round's
    ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/tollbooth tollbooth && cp -r {tmp}/ferryhut-ws ferryhut-ws",
            "true", {"npm": str(JS / "node_modules")}, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [api_server, packages, api, docs, opencode]


def install() -> None:
    (TOOLS / "src").mkdir(parents=True, exist_ok=True)
    (TOOLS / "src" / "none-sdists").touch()
    TOOLSET.install()


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide531", sys.modules["__main__"])
    main()
