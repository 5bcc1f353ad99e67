"""Capture round 603 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 548, 569 and 588's pattern), with names from a horse fair (horsefair, groomshed, penledger, hoofgauge;
horses shown in the pens, horses sold by the hand, the grooms' rounds), seed 60310: npm packages bootstrap-datepicker,
justgage, ladda, isotope-layout, draggabilly, dragdealer, crossroads, jquery-validation, magnific-popup and balloon-css
installed here (package JSON from npm view / npm ls / package-lock.json of the horsefair app with a missing
dependency, an invalid range and an invalid peer put in, jq over them); a venv of click-log, httmock, fastnumbers,
braceexpand and ruff (pip inspect, pip show); a Cargo workspace (groomshed) for cargo metadata and Cargo.lock; two
local Go modules (penledger, and hoofgauge with a missing import) for go list -json; a loopback JSON API (horses shown
in the pens in pages with timestamps, horse sales, grooms' rounds) fetched with curl, json.tool and jq -c; eslint -f
json and ruff's JSON reporter on code with faults put in; the installed packages' documentation fetched with curl from
a loopback server, minified files cat'ed; one headless OpenCode run (package commands, read, webfetch of installed
documentation, minified JS).

The material is not written anew and no earlier round's code is copied: round 548's module is IMPORTED and its
builders (`capture_wide548.build_app`, `build_workspace`, `build_go`, `api_server`, which run round 524's
`lockcottage`, `lengthsmanhut`, `go_modules`, `api_files` and round 531's `rename_tree`) are called with their module
globals pointed at this round's seed, packages, scratch, ports and word lists (round 292's way, as rounds 569 and 588
did). No new extractor: each kind's needles come from the extractor round 524 used for it, imported through
`capture_wide524._imports` (NEEDLES.md's "Round 603: no new rules"); a chain's from each part's own (round 9b).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide603.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide603.json  as {"version": 2, "items": [...]}, ids prefixed "wide603-".
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

ID_PREFIX = "wide603-"
DEFAULT_OUT = HERE / "data" / "wide603.json"
TMP = Path("/dev/shm/hm-corpus-wide603")
TOOLS = Path("/dev/shm/hm-corpus-wide603-tools")
PY_PKGS = ["click-log", "httmock", "fastnumbers", "braceexpand", "ruff"]
NPM_PKGS = ["bootstrap-datepicker", "justgage", "ladda", "isotope-layout", "draggabilly", "dragdealer", "crossroads",
            "jquery-validation", "magnific-popup", "balloon-css", "eslint"]
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "isotope-layout"    # round 524's viewerjs: a range the installed major does not satisfy
INVALID_PEER = "draggabilly"    # round 524's typed.js: the local plate's peer a major above the installed 3.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 60310
PORT_API, PORT_DOCS, PORT_STUB = 18603, 28603, 38603

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "balloon-css", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["halterhook", "penbook", "groom", "mangerbar", "fairwall", "groomshed"]

# round 548's, 524's, 517's, 506's, 497's and 469's modules, pointed at this round's scratch, ports, seed and members
for _m in (w548, w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w548, w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
# round 524's lock and lengthsmen lists, this round's pens and grooms (its api_files reads them)
w524.LOCKS = ["pony-pen", "cob-pen", "hunter-pen", "shire-pen", "north-lane", "gate-end"]
w524.LENGTHSMEN = ["Tom Halterby", "Ned Farrow", "Jem Stirrup", "Walt Mangerson", "Abel Cobley",
                   "Sam Girthwaite"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB  # OpenCode's doc server on this round's port

# round 524's names for this round's (round 548's lists' shape, its sources, this round's targets): the app's files
# get only NAMES (its lock holds real packages' metadata); the generated trees get PHRASES, NAMES, then WORDS.
NAMES = (
    ("Lock keeper's cottage: balance beams swung, paddles wound, lengthsmen's bank walks",
     "Horse fair: horses shown in the pens, horses sold by the hand, the grooms' rounds"),
    ("Balance-beam name plates and the lengthsmen's painted boards",
     "Pen name plates and the grooms' chalked slates"),
    ('"viewerjs": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"typed.js": "^4.0.0"', f'"{INVALID_PEER}": "^9.0.0"'),
    ("node cottage.js", "node fair.js"),
    ("lengthsmanhut-ws", "groomshed-ws"), ("lengthsmanhut", "groomshed"), ("lockcottage", "horsefair"),
    ("cottageplate", "halterplate"), ("windlasskit", "bridlekit"), ("cottagehut", "saddlerow"),
    ("lock_beams", "fair_pens"), ("cottagebook", "penledger"), ("beamgauge", "hoofgauge"),
    ("stopboardkit", "girthkit"), ("stopboard", "girthboard"), ("leakbook", "foalbook"),
    ("stopplank", "mangerbar"), ("cottagewall", "fairwall"), ("beamarm", "halterhook"),
    ("paddlegear", "penbook"),
    ("Lengthsman", "Groom"), ("lengthsmen", "grooms"), ("lengthsman", "groom"),
)
PHRASES = (
    ("Balance beams, their arms and the heel posts they swing", "Pens, their hurdles and the straw beds they hold"),
    ("Ground and gate paddles, racks and windlass spindles", "Horse sales, dealers and the prices by the hand"),
    ("The lengthsmen's beats and bank-walk rota", "The grooms' rounds and the halter rota"),
    ("Stop planks, their grooves and the dewatering log", "Mangers, their bars and the feed log"),
    ("The cottage's lock wall, copings and the flood marks", "The fair wall, its gates and the mud marks"),
    ("Lock keeper's cottage: beams, paddles and lengthsmen", "Horse fair: pens, dealers and grooms"),
    ("balance beams swung open and shut", "horses shown in the pens"),
    ("ground paddles wound with the windlass", "horses sold by the hand"),
    ("the lengthsmen's beats and bank walks", "the grooms' rounds and halter runs"),
    ("stop boards dropped in the grooves", "straw laid in the pens"),
)
WORDS = (
    ("cottage-beam-swings", "fair-pen-showings"), ("beam-swings", "pen-showings"),
    ("BeamSwingError", "PenShowingError"), ("heel post", "manger bar"), ("defects book", "showing ledger"),
    ("swung_at", "shown_at"), ("arc_deg", "height_hh"), ("push_kgf", "price_gns"), ('"gates"', '"pens"'),
    ("lock-passages", "horse-sales"), ('"LP-', '"HS-'), ("narrowboat", "cob"),
    ("widebeam", "hunter"), ("butty pair", "pony pair"), ("day boat", "shire"),
    (" through the ", " in the "),
    ("ground paddle jammed half wound: chamber would not fill, passage refunded",
     "passport torn at the pen: markings unreadable, sale refunded"),
    ("bank-walks", "groom-rounds"), ('"bank"', '"halter"'), ('"B-', '"G-'), ("towpath", "fairground"),
    ("offside", "ringside"), ("seep_lpm", "late_min"), ("walked_at", "called_at"),
    ('"sound"', '"sold"'), ('"slipping"', '"lame"'), ('"collapsed"', '"withdrawn"'),
    ("(swing S-", "(showing S-"),
    ("heelpost", "mangerbar"), ("heels", "hurdles"), ("beams", "pens"), ("beam", "pen"), ("swing", "show"),
    ("Swing", "Show"), ("Heel", "Hurdle"), ("Arc", "Height"), ("Wind", "Price"), ("Rack", "Halter"),
    ("Spindle", "Bridle"), ("Beat", "Round"), ("Walk", "Call"), ("Report", "Tally"), ("Drop", "Lead"),
    ("paddles", "sales"), ("paddle", "sale"), ("chamber", "pen"), ("push", "price"), ("degree", "hand"),
    ("beat", "round"), ("walk(", "call("), ("miles", "furlongs"), ("pound", "pen"),
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
JQ_ROUNDS = "jq -c '.[] | {id, halter, groom, status, late: .late_min, amount: .cost_cents, called_at}'"
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "horsefair")          # round 548's builders write under its own
    ws = w548.build_workspace(tmp).rename(tmp / "groomshed-ws")  # directory names: moved to this round's
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "halterplate")  # round 548's plate's dir
    cap("npm-view-bootstrap-datepicker-json", "npm view bootstrap-datepicker --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-ladda-json", "npm view ladda --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-dragdealer-exit", "chain-pkg-exit", "pkg",
          [Part("npm view dragdealer --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-npm-view-justgage-exit", "chain-pkg-exit", "pkg",
          [Part("npm view justgage --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-devdeps-keys-npm-view-isotope-layout", "npm view isotope-layout --json | jq '.devDependencies | keys'",
        tmp, n_jq_lines, timeout=300)
    cap("jq-versions-npm-view-magnific-popup", "npm view magnific-popup --json | jq '.versions'", tmp,
        n_jq_lines, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in crossroads draggabilly balloon-css jquery-validation ladda justgage; do npm view $p --json "
        "| jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, .dist.tarball]'; done", tmp,
        n_jq_lines, timeout=300)
    cap("cat-package-lock-horsefair", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-horsefair", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-horsefair", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-horsefair-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-horsefair", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-horsefair-exit", "chain-pkg-exit", "pkg",
          [Part("cd horsefair", None), Part("npm ls 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-fair-venv-head", f"{PIP} inspect 2>/dev/null | head -n 300", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 300")
    cap("pip-show-files-click-log-httmock-braceexpand", f"{PIP} show -f click-log httmock braceexpand", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f click-log httmock braceexpand")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-groomshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd groomshed-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                                 n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-groomshed", "cat Cargo.lock", ws, n_cargo_lock)
    penledger, hoofgauge = w548.build_go(tmp)
    penledger, hoofgauge = penledger.rename(tmp / "penledger"), hoofgauge.rename(tmp / "hoofgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-penledger", "go list -json ./...", penledger, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-hoofgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd hoofgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "saddlerow", {renamed(k, GENERATED): renamed(v, GENERATED)
                                         for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "pens", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-saddlerow", f"{eslint} -f json . 2>&1", lint / "saddlerow", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-fair-pens",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json fair_pens 2>/dev/null",
        lint / "pens", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json fair_pens 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-pen-showings-page1-json-tool",
        f"curl -s {base}/pen-showings/page1.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-pen-showings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/pen-showings/page1.json", n_json_api),
           Part(f"curl -s {base}/pen-showings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/pen-showings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-horse-sales-json-tool", f"curl -s {base}/horse-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-groom-rounds", f"curl -s {base}/groom-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


CURL_MD = [("curl-md-crossroads-readme", "crossroads/README.md", ""),
           ("curl-md-ladda-readme", "ladda/README.md", ""),
           ("curl-md-dragdealer-changelog-head", "dragdealer/CHANGELOG.md", " | head -n 120"),
           ("curl-md-balloon-css-readme", "balloon-css/readme.md", ""),
           ("curl-md-magnific-popup-documentation-head", "magnific-popup/website/documentation.md", " | head -n 400")]
CURL_HTML = [("curl-html-magnific-popup-website-index", "magnific-popup/website/index.html", ""),
             ("curl-html-draggabilly-sandbox", "draggabilly/sandbox/sandbox.html", "")]
CAT_MIN = [("cat-min-crossroads", "crossroads/dist/crossroads.min.js", ""),
           ("cat-min-draggabilly", "draggabilly/dist/draggabilly.pkgd.min.js", ""),
           ("cat-min-magnific-popup", "magnific-popup/dist/jquery.magnific-popup.min.js", "")]


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28603 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; installed minified files printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        chain("chain-curl-md-justgage-readme-exit", "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/justgage/README.md", n_markdown),
               Part(f"curl -sf {base}/justgage/CHANGELOG.md", None, "&&"),
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


DOCS_MD = [("oc-webfetch-md-isotope-layout-readme", "isotope-layout/README.md"),
           ("oc-webfetch-md-jquery-validation-readme", "jquery-validation/README.md")]
DOCS_HTML = [("oc-webfetch-html-magnific-popup-examples", "magnific-popup/website/_includes/examples.html")]
MINIFIED = {"read": ("oc-read-min-justgage", "justgage/dist/justgage.umd.min.js"),
            "bash": ("bash-cat-min-bootstrap-datepicker", "bootstrap-datepicker/dist/js/bootstrap-datepicker.min.js")}


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-horsefair", n_npm_ls_json, "cd horsefair && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-crossroads", n_jq_lines, "npm view crossroads --json | jq '.versions'"),
        B("oc-bash-npm-view-jquery-validation", n_npm_view, "npm view jquery-validation --json"),
        B("oc-bash-pip-show-fastnumbers-click", n_pip_show, "pip show fastnumbers click-log click requests"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd horsefair", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List horsefair's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-horsefair", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/horsefair/package-lock.json"}, "json")]
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
                  {"command": f"cat {nm}/{path} | head -c 80000", "description": "Print bootstrap-datepicker.min.js"},
                  "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 569's way (548's, 531's, 524's, 517's, 506's, 497's, 469's, 463's): capture_opencode's doc server and
    stub on this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/horsefair horsefair && cp -r {tmp}/groomshed-ws groomshed-ws",
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
    sys.modules.setdefault("capture_wide603", sys.modules["__main__"])
    main()
