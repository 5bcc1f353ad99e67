"""Capture round 615 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 569, 588 and 603's pattern), with names from a goose fair (goosefair, herdshed, goosebook, webgauge;
geese shown in the pens, geese sold by the score, the gooseherds' drives), seed 61510: npm packages tom-select,
fullcalendar, packery, air-datepicker, slick-carousel, basiclightbox, filepond, medium-editor, gridjs and
tabulator-tables installed here (package JSON from npm view / npm ls / package-lock.json of the goosefair app with a
missing dependency, an invalid range and an invalid peer put in, jq over them); a venv of phonenumbers, price-parser,
py-moneyed, python-benedict, coolname and ruff (pip inspect, pip show); a Cargo workspace (herdshed) for cargo
metadata and Cargo.lock; two local Go modules (goosebook, and webgauge with a missing import) for go list -json; a
loopback JSON API (geese shown in the pens in pages with timestamps, goose sales, the gooseherds' drives) fetched with
curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in; the installed packages'
documentation fetched with curl from a loopback server, minified files cat'ed; one headless OpenCode run (package
commands, read, webfetch of installed documentation, minified JS).

The material is not written anew and no earlier round's code is copied: round 603's module is IMPORTED (its module
code points rounds 548's, 524's, 517's, 506's, 497's and 469's globals at round 603's; everything is pointed again
below at this round's seed, packages, scratch, ports and members), and this round's word lists are round 603's with
their right-hand sides renamed through one table (horse fair -> goose fair), so round 548's builders
(`capture_wide548.build_app`, `build_workspace`, `build_go`, `api_server`, over round 524's `lockcottage`,
`lengthsmanhut`, `go_modules`, `api_files` and round 531's `rename_tree`) write goose-fair files. No new extractor:
each kind's needles come from the extractor round 603 used for it, imported through `capture_wide603._imports`
(NEEDLES.md's "Round 615: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide615.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide615.json  as {"version": 2, "items": [...]}, ids prefixed "wide615-".
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
import capture_wide548 as w548  # noqa: E402
import capture_wide603 as w603  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide615-"
DEFAULT_OUT = HERE / "data" / "wide615.json"
TMP = Path("/dev/shm/hm-corpus-wide615")
TOOLS = Path("/dev/shm/hm-corpus-wide615-tools")
PY_PKGS = ["phonenumbers", "price-parser", "py-moneyed", "python-benedict", "coolname", "ruff"]
NPM_PKGS = ["tom-select", "fullcalendar", "packery", "air-datepicker", "slick-carousel", "basiclightbox", "filepond",
            "medium-editor", "gridjs", "tabulator-tables", "eslint"]
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "packery"    # round 524's viewerjs: a range (^0.11.0) the installed 3.x does not satisfy
INVALID_PEER = "filepond"    # round 524's typed.js: the local plate's peer (^9.0.0) a major above the installed 4.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 61510
PORT_API, PORT_DOCS, PORT_STUB = 18615, 28615, 38615

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "tabulator-tables", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["crookhook", "scorebook", "gooseherd", "troughbar", "greenwall", "herdshed"]

for _m in (w603, w548, w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w603, w548, w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["gander-pen", "grey-pen", "gosling-pen", "embden-pen", "green-lane", "toll-gate"]
w524.LENGTHSMEN = ["Amos Ganderby", "Ruth Quillard", "Eli Featherstone", "Hannah Greylag", "Silas Webley",
                   "Dorcas Pinfold"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB  # OpenCode's doc server on this round's port

# Round 603's word lists, their right-hand sides (the horse fair's words) renamed to the goose fair's, in this order.
GOOSE = (
    ("isotope-layout", INVALID_RANGE), ("draggabilly", INVALID_PEER),
    ("Horse fair", "Goose fair"), ("horse fair", "goose fair"), ("horsefair", "goosefair"),
    ("Horse", "Goose"), ("horses", "geese"), ("horse", "goose"),
    ("groomshed", "herdshed"), ("groom-rounds", "herd-drives"), ("grooms' rounds", "gooseherds' drives"),
    ("Groom", "Gooseherd"), ("groom", "gooseherd"),
    ("halter", "crook"), ("Halter", "Crook"), ("bridle", "tar"), ("Bridle", "Tarboot"),
    ("saddlerow", "stallrow"), ("fair_pens", "goose_pens"), ("penledger", "goosebook"), ("hoofgauge", "webgauge"),
    ("girth", "feather"), ("foal", "gosling"), ("manger", "trough"), ("Manger", "Trough"),
    ("fairwall", "greenwall"), ("penbook", "scorebook"), ("by the hand", "by the score"), ("hand", "score"),
    ("price_gns", "price_d"), ("height_hh", "weight_lb"), ("Height", "Weight"), ("furlongs", "yards"),
    ("cob", "gander"), ("hunter", "greylag"), ("pony", "goose"), ("shire", "embden"), ('"HS-', '"GS-'),
    ("passport torn at the pen", "leg ring lost at the pen"), ("dealers", "higglers"),
)


def _goose(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, GOOSE)) for old, new in pairs)


NAMES, PHRASES, WORDS = _goose(w603.NAMES), _goose(w603.PHRASES), _goose(w603.WORDS)
GENERATED = PHRASES + NAMES + WORDS
w548.NAMES, w548.PHRASES, w548.WORDS, w548.GENERATED = NAMES, PHRASES, WORDS, GENERATED
w548.INVALID_RANGE, w548.INVALID_PEER, w548.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS
w603.NAMES, w603.PHRASES, w603.WORDS, w603.GENERATED = NAMES, PHRASES, WORDS, GENERATED
w603.INVALID_RANGE, w603.INVALID_PEER, w603.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 603's imports (524's, 517's, 506's, 497's, 469's, 383's: the JSON kinds' extractors and the documents')."""
    w603._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w603, name)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_DRIVES = renamed(w603.JQ_ROUNDS, GOOSE)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "goosefair")          # round 548's builders write under its own
    ws = w548.build_workspace(tmp).rename(tmp / "herdshed-ws")   # directory names: moved to this round's
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "crookplate")  # round 548's plate's dir
    cap("npm-view-tom-select-json", "npm view tom-select --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-fullcalendar-json", "npm view fullcalendar --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-filepond-exit", "chain-pkg-exit", "pkg",
          [Part("npm view filepond --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in tom-select packery air-datepicker slick-carousel basiclightbox gridjs filepond medium-editor; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-goosefair", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-goosefair", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-goosefair", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-goosefair-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-goosefair", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-goosefair-exit", "chain-pkg-exit", "pkg",
          [Part("cd goosefair", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-goose-venv-head", f"{PIP} inspect 2>/dev/null | head -n 400", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 400")
    cap("pip-show-files-price-parser-moneyed-benedict",
        f"{PIP} show -f price-parser py-moneyed python-benedict coolname python-slugify", tmp,
        n_pip_show, timeout=300, env=PIP_ENV,
        typed="pip show -f price-parser py-moneyed python-benedict coolname python-slugify")
    cap("pip-show-files-phonenumbers-babel", f"{PIP} show -f phonenumbers babel", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f phonenumbers babel")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-herdshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd herdshed-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                              n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-herdshed", "cat Cargo.lock", ws, n_cargo_lock)
    goosebook, webgauge = w548.build_go(tmp)
    goosebook, webgauge = goosebook.rename(tmp / "goosebook"), webgauge.rename(tmp / "webgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-goosebook", "go list -json ./...", goosebook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-webgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd webgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "stallrow", {renamed(k, GENERATED): renamed(v, GENERATED)
                                      for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "pens", {renamed(k, GENERATED): renamed(v, GENERATED)
                                  for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-stallrow", f"{eslint} -f json . 2>&1", lint / "stallrow", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-goose-pens",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json goose_pens 2>/dev/null",
        lint / "pens", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json goose_pens 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-pen-showings-page2-json-tool",
        f"curl -s {base}/pen-showings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-pen-showings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/pen-showings/page1.json", n_json_api),
           Part(f"curl -s {base}/pen-showings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/pen-showings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-goose-sales-json-tool", f"curl -s {base}/goose-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-herd-drives", f"curl -s {base}/herd-drives.json | {JQ_DRIVES}", tmp, n_jq_compact)


CURL_MD = [("curl-md-medium-editor-readme", "medium-editor/README.md", ""),
           ("curl-md-medium-editor-options", "medium-editor/OPTIONS.md", ""),
           ("curl-md-filepond-changelog-head", "filepond/CHANGELOG.md", " | head -n 700"),
           ("curl-md-slick-carousel-readme", "slick-carousel/README.markdown", "")]
CURL_HTML = [("curl-html-packery-test-index", "packery/test/index.html", "")]
CAT_MIN = [("cat-min-gridjs", "gridjs/dist/gridjs.production.min.js", ""),
           ("cat-min-slick-carousel", "slick-carousel/slick/slick.min.js", ""),
           ("cat-min-packery", "packery/dist/packery.pkgd.min.js", ""),
           ("cat-min-medium-editor", "medium-editor/dist/js/medium-editor.min.js", "")]


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28615 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; installed minified files printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        chain("chain-curl-md-tom-select-readme-exit", "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/tom-select/README.md", n_markdown),
               Part(f"curl -sf {base}/tom-select/CHANGELOG.md", None, "&&"),
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


DOCS_MD = [("oc-webfetch-md-filepond-readme", "filepond/README.md"),
           ("oc-webfetch-md-medium-editor-custom-events", "medium-editor/CUSTOM-EVENTS.md")]
DOCS_HTML = [("oc-webfetch-html-medium-editor-static-toolbar", "medium-editor/demo/static-toolbar.html")]
MINIFIED = {"read": ("oc-read-min-basiclightbox", "basiclightbox/dist/basicLightbox.min.js"),
            "bash": ("bash-cat-min-tom-select-complete", "tom-select/dist/js/tom-select.complete.min.js")}


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-goosefair", n_npm_ls_json, "cd goosefair && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-fullcalendar", n_jq_lines, "npm view fullcalendar --json | jq '.versions'"),
        B("oc-bash-npm-view-slick-carousel", n_npm_view, "npm view slick-carousel --json"),
        B("oc-bash-pip-show-babel-phonenumbers", n_pip_show,
          "pip show babel phonenumbers price-parser py-moneyed python-benedict python-slugify text-unidecode"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd goosefair", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List goosefair's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-goosefair", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/goosefair/package-lock.json"}, "json")]
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
                  {"command": f"cat {nm}/{path} | head -c 80000", "description": "Print tom-select.complete.min.js"},
                  "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 603's way (569's, 548's, 531's, 524's, 517's, 506's, 497's, 469's, 463's): capture_opencode's doc server
    and stub on this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/goosefair goosefair && cp -r {tmp}/herdshed-ws herdshed-ws",
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
    sys.modules.setdefault("capture_wide615", sys.modules["__main__"])
    main()
