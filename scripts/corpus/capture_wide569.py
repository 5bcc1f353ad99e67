"""Capture round 569 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 524, 531 and 548's pattern), with names from a decoy pond (pipehouse, decoyhut, pipeledger, pondgauge;
ducks taken in the pipes, ducks sold by the brace, the decoymen's dog runs), seed 56910: npm packages awesomplete,
blazy, chocolat, dropzone, feather-icons, flickity, imagesloaded, interactjs, mithril and mixitup installed here
(package JSON from npm view / npm ls / package-lock.json of the pipehouse app with a missing dependency, an invalid
range and an invalid peer put in, jq over them); a venv of ecs-logging, envier, flufl.lock, jinja2-time and ruff (pip
inspect, pip show); a Cargo workspace (decoyhut) for cargo metadata and Cargo.lock; two local Go modules (pipeledger,
and pondgauge with a missing import) for go list -json; a loopback JSON API (ducks taken in pages with timestamps,
duck sales, dog runs) fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with
faults put in; the installed packages' documentation fetched with curl from a loopback server, a minified file
cat'ed; one headless OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

The material is not written anew and round 548's code is not copied: round 548's module is IMPORTED and its builders
(`capture_wide548.build_app`, `build_workspace`, `build_go`, `api_server`, which run round 524's `lockcottage`,
`lengthsmanhut`, `go_modules`, `api_files` and round 531's `rename_tree`) are called with their module globals pointed
at this round's seed, packages, scratch, ports and word lists (round 292's way). No new extractor: each kind's needles
come from the extractor round 524 used for it, imported through `capture_wide524._imports` (NEEDLES.md's "Round 569:
no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide569.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide569.json  as {"version": 2, "items": [...]}, ids prefixed "wide569-".
"""

from __future__ import annotations

import functools
import os
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
import capture_wide548 as w548  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide569-"
DEFAULT_OUT = HERE / "data" / "wide569.json"
TMP = Path("/dev/shm/hm-corpus-wide569")
TOOLS = Path("/dev/shm/hm-corpus-wide569-tools")
PY_PKGS = ["ecs-logging", "envier", "flufl.lock", "jinja2-time", "ruff"]
NPM_PKGS = ["awesomplete", "blazy", "chocolat", "dropzone", "feather-icons", "flickity", "imagesloaded", "interactjs",
            "mithril", "mixitup", "eslint"]
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "flickity"   # round 524's viewerjs: a range the installed 3.x does not satisfy
INVALID_PEER = "mithril"     # round 524's typed.js: the local plate's peer a major above the installed 2.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 56910
PORT_API, PORT_DOCS, PORT_STUB = 18569, 28569, 38569

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "mixitup", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["pipehoop", "dogbook", "decoyman", "reedscreen", "pondwall", "decoyhut"]

# round 548's, 524's, 517's, 506's, 497's and 469's modules, pointed at this round's scratch, ports, seed and members
for _m in (w548, w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w548, w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
# round 524's lock and lengthsmen lists, this round's pipes and decoymen (its api_files reads them)
w524.LOCKS = ["home-pipe", "wood-pipe", "reed-pipe", "sallow-pipe", "north-pipe", "island-pipe"]
w524.LENGTHSMEN = ["Abel Reedman", "Hannah Fowler", "Silas Pipering", "Dora Mallardine", "Jem Netley",
                   "Ruth Tealby"]
w9b.TMP = TMP

# round 524's names for this round's (round 548's lists' shape, its sources, this round's targets): the app's files
# get only NAMES (its lock holds real packages' metadata); the generated trees get PHRASES, NAMES, then WORDS.
NAMES = (
    ("Lock keeper's cottage: balance beams swung, paddles wound, lengthsmen's bank walks",
     "Decoy pond: ducks taken in the pipes, ducks sold by the brace, the decoymen's dog runs"),
    ("Balance-beam name plates and the lengthsmen's painted boards",
     "Pipe name plates and the decoymen's painted screens"),
    ('"viewerjs": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"typed.js": "^4.0.0"', f'"{INVALID_PEER}": "^9.0.0"'),
    ("node cottage.js", "node pond.js"),
    ("lengthsmanhut-ws", "decoyhut-ws"), ("lengthsmanhut", "decoyhut"), ("lockcottage", "pipehouse"),
    ("cottageplate", "dogplate"), ("windlasskit", "reedkit"), ("cottagehut", "dogkennel"),
    ("lock_beams", "pond_pipes"), ("cottagebook", "pipeledger"), ("beamgauge", "pondgauge"),
    ("stopboardkit", "screenkit"), ("stopboard", "screenboard"), ("leakbook", "reedbook"),
    ("stopplank", "reedscreen"), ("cottagewall", "pondwall"), ("beamarm", "pipehoop"),
    ("paddlegear", "dogbook"),
    ("Lengthsman", "Decoyman"), ("lengthsmen", "decoymen"), ("lengthsman", "decoyman"),
)
PHRASES = (
    ("Balance beams, their arms and the heel posts they swing", "Decoy pipes, their hoops and the nets that close them"),
    ("Ground and gate paddles, racks and windlass spindles", "Duck sales, game dealers and the brace prices"),
    ("The lengthsmen's beats and bank-walk rota", "The decoymen's shifts and the dog-run rota"),
    ("Stop planks, their grooves and the dewatering log", "Reed screens, their stakes and the lay-by log"),
    ("The cottage's lock wall, copings and the flood marks", "The pond wall, its banks and the water marks"),
    ("Lock keeper's cottage: beams, paddles and lengthsmen", "Decoy pond: pipes, dogs and decoymen"),
    ("balance beams swung open and shut", "ducks taken in the pipes"),
    ("ground paddles wound with the windlass", "ducks sold by the brace"),
    ("the lengthsmen's beats and bank walks", "the decoymen's shifts and dog runs"),
    ("stop boards dropped in the grooves", "reed screens set along the pipes"),
)
WORDS = (
    ("cottage-beam-swings", "decoy-pipe-takes"), ("beam-swings", "pipe-takes"),
    ("BeamSwingError", "PipeTakeError"), ("heel post", "reed screen"), ("defects book", "catch ledger"),
    ("swung_at", "taken_at"), ("arc_deg", "curve_deg"), ("push_kgf", "haul_kg"), ('"gates"', '"pipes"'),
    ("lock-passages", "duck-sales"), ('"LP-', '"DS-'), ("narrowboat", "mallard"),
    ("widebeam", "teal"), ("butty pair", "wigeon pair"), ("day boat", "pintail"),
    (" through the ", " from the "),
    ("ground paddle jammed half wound: chamber would not fill, passage refunded",
     "pipe net torn at the tail: ducks escaped, sale refunded"),
    ("bank-walks", "dog-runs"), ('"bank"', '"screen"'), ('"B-', '"D-'), ("towpath", "reedside"),
    ("offside", "pondside"), ("seep_lpm", "lag_s"), ("walked_at", "ran_at"),
    ('"sound"', '"keen"'), ('"slipping"', '"slow"'), ('"collapsed"', '"lame"'),
    ("(swing S-", "(take T-"),
    ("heelpost", "screen"), ("heels", "hoops"), ("beams", "pipes"), ("beam", "pipe"), ("swing", "take"),
    ("Swing", "Take"), ("Heel", "Hoop"), ("Arc", "Curve"), ("Wind", "Lure"), ("Rack", "Net"),
    ("Spindle", "Bow"), ("Beat", "Shift"), ("Walk", "Trot"), ("Report", "Tally"), ("Drop", "Lift"),
    ("paddles", "sales"), ("paddle", "sale"), ("chamber", "tail"), ("push", "haul"), ("degree", "bend"),
    ("beat", "shift"), ("walk(", "trot("), ("miles", "yards"), ("pound", "pond"),
)
GENERATED = PHRASES + NAMES + WORDS
w548.NAMES, w548.PHRASES, w548.WORDS, w548.GENERATED = NAMES, PHRASES, WORDS, GENERATED
w548.INVALID_RANGE, w548.INVALID_PEER, w548.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 524's imports (517's, 506's, 497's, 469's, 383's, with the JSON kinds' extractors and the documents')."""
    w524._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w524, name)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_RUNS = "jq -c '.[] | {id, screen, decoyman, status, lag: .lag_s, amount: .cost_cents, ran_at}'"
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "pipehouse")          # round 548's builders write under its own
    ws = w548.build_workspace(tmp).rename(tmp / "decoyhut-ws")   # directory names: moved to this round's
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "dogplate")  # round 548's plate's directory
    cap("npm-view-mixitup-json", "npm view mixitup --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-dropzone-json", "npm view dropzone --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-chocolat-exit", "chain-pkg-exit", "pkg",
          [Part("npm view chocolat --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-npm-view-interactjs-exit", "chain-pkg-exit", "pkg",
          [Part("npm view interactjs --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-devdeps-keys-npm-view-flickity", "npm view flickity --json | jq '.devDependencies | keys'",
        tmp, n_jq_lines, timeout=300)
    cap("jq-versions-npm-view-feather-icons", "npm view feather-icons --json | jq '.versions'", tmp,
        n_jq_lines, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in awesomplete blazy imagesloaded mithril dropzone chocolat; do npm view $p --json "
        "| jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, .dist.tarball]'; done", tmp,
        n_jq_lines, timeout=300)
    cap("cat-package-lock-pipehouse", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-pipehouse", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-pipehouse", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-pipehouse-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-pipehouse", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-pipehouse-exit", "chain-pkg-exit", "pkg",
          [Part("cd pipehouse", None), Part("npm ls 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-pond-venv-head", f"{PIP} inspect 2>/dev/null | head -n 300", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 300")
    cap("pip-show-files-flufl-lock-ecs-logging-envier", f"{PIP} show -f flufl.lock ecs-logging envier", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f flufl.lock ecs-logging envier")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-decoyhut", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd decoyhut-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                              n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-decoyhut", "cat Cargo.lock", ws, n_cargo_lock)
    pipeledger, pondgauge = w548.build_go(tmp)
    pipeledger, pondgauge = pipeledger.rename(tmp / "pipeledger"), pondgauge.rename(tmp / "pondgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-pipeledger", "go list -json ./...", pipeledger, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-pondgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd pondgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "dogkennel", {renamed(k, GENERATED): renamed(v, GENERATED)
                                       for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "pond", {renamed(k, GENERATED): renamed(v, GENERATED)
                                  for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-dogkennel", f"{eslint} -f json . 2>&1", lint / "dogkennel", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-pond-pipes",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json pond_pipes 2>/dev/null",
        lint / "pond", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json pond_pipes 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-pipe-takes-page3-json-tool",
        f"curl -s {base}/pipe-takes/page3.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-pipe-takes-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/pipe-takes/page1.json", n_json_api),
           Part(f"curl -s {base}/pipe-takes/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/pipe-takes/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-duck-sales-json-tool", f"curl -s {base}/duck-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-dog-runs", f"curl -s {base}/dog-runs.json | {JQ_RUNS}", tmp, n_jq_compact)


CURL_MD = [("curl-md-blazy-readme", "blazy/README.md", ""),
           ("curl-md-imagesloaded-readme", "imagesloaded/README.md", ""),
           ("curl-md-feather-icons-readme-head", "feather-icons/README.md", " | head -n 120"),
           ("curl-md-mixitup-mixer-docs", "mixitup/docs/mixitup.Mixer.md", "")]
CURL_HTML = [("curl-html-awesomplete-index", "awesomplete/index.html", "")]
CAT_MIN = [("cat-min-blazy", "blazy/blazy.min.js", ""),
           ("cat-min-imagesloaded-pkgd", "imagesloaded/imagesloaded.pkgd.min.js", "")]


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28569 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; installed minified files printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        chain("chain-curl-md-chocolat-readme-exit", "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/chocolat/readme.md", n_markdown),
               Part(f"curl -sf {base}/chocolat/CHANGELOG.md", None, "&&"),
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


DOCS_MD = [("oc-webfetch-md-flickity-readme", "flickity/README.md"),
           ("oc-webfetch-md-mixitup-sorting-tutorial", "mixitup/tutorials/sorting-with-mixitup.md")]
DOCS_HTML = [("oc-webfetch-html-chocolat-demo", "chocolat/demo/index.html")]
MINIFIED = {"read": ("oc-read-min-awesomplete-js", "awesomplete/awesomplete.min.js"),
            "bash": ("bash-cat-min-mithril", "mithril/mithril.min.js")}


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-pipehouse", n_npm_ls_json, "cd pipehouse && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-mithril", n_jq_lines, "npm view mithril --json | jq '.versions'"),
        B("oc-bash-npm-view-awesomplete", n_npm_view, "npm view awesomplete --json"),
        B("oc-bash-pip-show-jinja2-time-arrow", n_pip_show, "pip show jinja2-time arrow atpublic"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd pipehouse", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List pipehouse's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-pipehouse", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/pipehouse/package-lock.json"}, "json")]
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
                  {"command": f"cat {nm}/{path} | head -c 80000", "description": "Print mithril.min.js"},
                  "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 548's way (531's, 524's, 517's, 506's, 497's, 469's, 463's): capture_opencode's doc server and stub on
    this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/pipehouse pipehouse && cp -r {tmp}/decoyhut-ws decoyhut-ws",
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
    sys.modules.setdefault("capture_wide569", sys.modules["__main__"])
    main()
