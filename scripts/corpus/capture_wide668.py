"""Capture round 668 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 648, 656 and 661's pattern), with names from a milliner's workroom (millinery, hatblockshed, boaterbook,
buckramgauge; boaters blocked on the hat blocks, hatpins sold by the card, the milliners' rounds), seed 66817: npm
packages cronstrue, polylabel, delaunator, concaveman, geokdbush, bezier-js, culori, tinygradient, gradient-parser,
wcag-contrast, iso8601-duration, nerdamer and d3-format installed here (package JSON from npm view / npm ls /
package-lock.json of the millinery app with a missing dependency, an invalid range and an invalid peer put in, jq over
them); a venv of contractions, quantulum3, phonenumberslite, emoji-country-flag, wonderwords and ruff (pip inspect,
pip show); a Cargo workspace (hatblockshed) for cargo metadata and Cargo.lock; two local Go modules (boaterbook, and
buckramgauge with a missing import) for go list -json; a loopback JSON API fetched with curl, json.tool and jq -c;
eslint -f json and ruff's JSON reporter on code with faults put in; the installed packages' documentation fetched
with curl from a loopback server, minified files cat'ed; one headless OpenCode run (package commands, read, webfetch
of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 661's module is IMPORTED (with round 656's,
648's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 661's with their right-hand sides renamed through one table
(japannery -> millinery). No new extractor: each kind's needles come from the extractor round 661 used for it,
imported through `capture_wide661._imports` (NEEDLES.md's "Round 668: no new rules"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide668.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide668.json  as {"version": 2, "items": [...]}, ids prefixed "wide668-".
"""

from __future__ import annotations

import functools
import os
import sys
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
import capture_wide615 as w615  # noqa: E402
import capture_wide628 as w628  # noqa: E402
import capture_wide635 as w635  # noqa: E402
import capture_wide648 as w648  # noqa: E402
import capture_wide656 as w656  # noqa: E402
import capture_wide661 as w661  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide668-"
DEFAULT_OUT = HERE / "data" / "wide668.json"
TMP = Path("/dev/shm/hm-corpus-wide668")
TOOLS = Path("/dev/shm/hm-corpus-wide668-tools")
PY_VERSIONS = {"contractions": "0.1.73", "quantulum3": "0.10.0", "phonenumberslite": "9.0.42",
               "emoji-country-flag": "2.1.0", "wonderwords": "3.0.1", "ruff": "0.17.6"}
NPM_VERSIONS = {"cronstrue": "3.39.0", "polylabel": "2.1.0", "delaunator": "5.1.0", "concaveman": "2.0.0",
                "geokdbush": "2.1.0", "bezier-js": "6.1.4", "culori": "4.0.2", "tinygradient": "2.0.1",
                "gradient-parser": "1.2.0", "wcag-contrast": "3.0.0", "iso8601-duration": "2.1.4",
                "nerdamer": "1.1.13", "d3-format": "3.1.3", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "culori"     # a range (^0.11.0) the installed 4.x does not satisfy
INVALID_PEER = "cronstrue"   # the local plate's peer (^5.0.0) above the installed 3.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 66817
PORT_API, PORT_DOCS, PORT_STUB = 18668, 28668, 38668

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "d3-format",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["boaterhook", "buckrambook", "milliner", "hatpinbar", "blockwall", "hatblockshed"]

for _m in (w661, w656, w648, w635, w628, w615, w603, w548, w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w661, w656, w648, w635, w628, w615, w603, w548, w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["blocking-room", "steaming-bench", "buckram-press", "straw-loft", "trimming-table", "bandbox-room"]
w524.LENGTHSMEN = ["Tabitha Boatwright", "Ebenezer Buckram", "Lettice Hatfield", "Obadiah Pinner",
                   "Hephzibah Strawson", "Jabez Ribbonhurst"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 661's word lists, their right-hand sides (the japannery's words) renamed to the millinery's, in this order.
MILLINERY = (
    ('"simple-statistics": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"chrono-node": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("tray blistered in the stove: snuffboxes scrapped, sale refunded",
     "boater warped on the block: hatpins scrapped, sale refunded"),
    ("Japannery: trays flatted at the stoves, snuffboxes sold by the gross, the japanners' rounds",
     "Millinery: boaters blocked on the hat blocks, hatpins sold by the card, the milliners' rounds"),
    ("Stove name plates and the japanners' chalked boards", "Block name plates and the milliners' chalked boards"),
    ("Stoves, their pumice and the blackplate heaps they hold", "Blocks, their pins and the buckram heaps they hold"),
    ("Snuffbox sales, hawkers and the prices by the gross", "Hatpin sales, hawkers and the prices by the card"),
    ("The japanners' rounds and the pontypool rota", "The milliners' rounds and the sinamay rota"),
    ("Canisters, their lids and the stoving log", "Bandboxes, their lids and the steaming log"),
    ("The stove wall, its gates and the chalk marks", "The block wall, its gates and the chalk marks"),
    ("Japannery: stoves, hawkers and japanners", "Millinery: blocks, hawkers and milliners"),
    ("trays flatted at the stoves", "boaters blocked on the hat blocks"),
    ("snuffboxes sold by the gross", "hatpins sold by the card"),
    ("the japanners' rounds and pontypool runs", "the milliners' rounds and sinamay runs"),
    ("blackplate laid on the stoves", "buckram laid on the blocks"),
    ("japannery-stove-flattings", "millinery-block-steamings"), ("stove-flattings", "block-steamings"),
    ("StoveFlattingError", "BlockSteamingError"), ("canister bar", "bandbox bar"),
    ("flatting ledger", "steaming ledger"), ("flatted_at", "steamed_at"), ('"JP-', '"ML-'),
    ("blackplate", "buckram"), ("snuffbox pair", "hatpin pair"), ("gilded", "trimmed"),
    ("tray-rounds", "boater-rounds"), ('"pontypool"', '"sinamay"'), ("flattingyard", "steamingyard"),
    ("stoveside", "blockside"), ("(flatting S-", "(steaming S-"), ("snuffbox-sales", "hatpin-sales"),
    ("node japannery.js", "node millinery.js"), ("stovingshed", "hatblockshed"), ("japannery", "millinery"),
    ("varnishplate", "ribbonplate"), ("traykit", "boaterkit"), ("canisterstove", "hatpinblock"),
    ("japanner_trays", "milliner_boaters"), ("traybook", "boaterbook"), ("pontypoolgauge", "buckramgauge"),
    ("varnishkit", "sinamaykit"), ("varnishboard", "ribbonboard"), ("Varnishcord", "Ribboncord"),
    ("flatbook", "brimbook"), ("canisterbar", "hatpinbar"), ("stovewall", "blockwall"),
    ("trayhook", "boaterhook"), ("pontypoolbook", "buckrambook"),
    ("Japannery", "Millinery"), ("Japanner", "Milliner"), ("japanners", "milliners"), ("japanner", "milliner"),
    ("Snuffboxes", "Hatpins"), ("snuffboxes", "hatpins"), ("Snuffbox", "Hatpin"), ("snuffbox", "hatpin"),
    ("Stoves", "Blocks"), ("stoves", "blocks"), ("Stove", "Block"), ("stove", "block"),
    ("Flatting", "Steaming"), ("flatting", "steaming"), ("flatted", "steamed"), ("flats", "pins"),
    ("Flat", "Steam"), ("flat", "steam"), ("Canisters", "Bandboxes"), ("canisters", "bandboxes"),
    ("Canister", "Bandbox"), ("canister", "bandbox"), ("Pontypool", "Sinamay"), ("pontypool", "sinamay"),
    ("Tray", "Boater"), ("tray", "boater"), ("Varnish", "Ribbon"), ("varnish", "ribbon"),
    ("by the gross", "by the card"),
)
LEFTOVER = ("japann", "stov", "snuff", "pontypool", "varnish", "canister", "flatt", "tray", "blackplate", "pumice")


def _millinery(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, MILLINERY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _millinery(w661.NAMES), _millinery(w661.PHRASES), _millinery(w661.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"japannery words left after the renaming: {_left[:8]}"
for _m in (w548, w603, w615, w628, w635, w648, w656, w661):
    _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
    _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 661's imports (656's, 648's, ...: the JSON kinds' extractors and the documents')."""
    w661._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w661, name)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_ROUNDS = renamed(w661.JQ_ROUNDS, MILLINERY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
w615.GO_ENV = w628.GO_ENV = w635.GO_ENV = w648.GO_ENV = w656.GO_ENV = w661.GO_ENV = GO_ENV


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "millinery")
    ws = w548.build_workspace(tmp).rename(tmp / "hatblockshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "ribbonplate")
    cap("npm-view-nerdamer-json", "npm view nerdamer --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-culori-exit", "chain-pkg-exit", "pkg",
          [Part("npm view culori --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in cronstrue polylabel delaunator concaveman geokdbush bezier-js gradient-parser iso8601-duration; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-millinery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-millinery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-millinery", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-millinery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-millinery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-millinery-exit", "chain-pkg-exit", "pkg",
          [Part("cd millinery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-milliner-venv-head", f"{PIP} inspect 2>/dev/null | head -n 200", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 200")
    cap("pip-show-files-quantulum3-contractions", f"{PIP} show -f quantulum3 contractions", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f quantulum3 contractions")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-hatblockshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-hatblockshed", "cat Cargo.lock", ws, n_cargo_lock)
    boaterbook, gauge = w548.build_go(tmp)
    boaterbook, gauge = boaterbook.rename(tmp / "boaterbook"), gauge.rename(tmp / "buckramgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-boaterbook", "go list -json ./...", boaterbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-buckramgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd buckramgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "hatpinblock", {renamed(k, GENERATED): renamed(v, GENERATED)
                                         for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "blocks", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-hatpinblock", f"{eslint} -f json . 2>&1", lint / "hatpinblock", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-milliner-boaters",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json milliner_boaters 2>/dev/null",
        lint / "blocks", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json milliner_boaters 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-block-steamings-page2-json-tool",
        f"curl -s {base}/block-steamings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-block-steamings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/block-steamings/page1.json", n_json_api),
           Part(f"curl -s {base}/block-steamings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/block-steamings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-hatpin-sales-json-tool", f"curl -s {base}/hatpin-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-boater-rounds", f"curl -s {base}/boater-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
CURL_MD = [("curl-md-cronstrue-readme", "cronstrue/README.md", ""),
           ("curl-md-nerdamer-readme", "nerdamer/README.md", ""),
           ("curl-md-delaunator-readme", "delaunator/README.md", ""),
           ("curl-md-gradient-parser-readme", "gradient-parser/README.md", ""),
           ("curl-md-qified-readme", "qified/README.md", ""),
           ("curl-md-hashery-readme", "hashery/README.md", ""),
           ("curl-md-hookified-readme", "hookified/README.md", "")]
CURL_HTML: list = []  # nerdamer's index.html, the one page the packages ship, gave no needle by html-cat's rule
CAT_MIN = [("cat-min-culori", "culori/bundled/culori.min.js", ""),
           ("cat-min-cronstrue", "cronstrue/dist/cronstrue.min.js", ""),
           ("cat-min-delaunator", "delaunator/delaunator.min.js", ""),
           ("cat-min-d3-format", "d3-format/dist/d3-format.min.js", ""),
           ("cat-min-nerdamer-all-head", "nerdamer/all.min.js", " | head -c 90000")]
CURL_CHAIN = ("chain-curl-md-polylabel-readme-exit", "polylabel/README.md", "polylabel/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-iso8601-duration-readme", "iso8601-duration/README.md"),
           ("oc-webfetch-md-wcag-contrast-readme", "wcag-contrast/README.md"),
           ("oc-webfetch-md-bezier-js-readme", "bezier-js/README.md")]
DOCS_HTML: list = []  # nerdamer's index.html gave no needle by html-cat's rule (run 1)
MINIFIED = {"read": ("oc-read-min-cronstrue-locale-de", "cronstrue/locales/de.min.js"),
            "bash": ("bash-cat-min-cronstrue-i18n", "cronstrue/dist/cronstrue-i18n.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-millinery", "n_npm_ls_json", "cd millinery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-cronstrue", "n_jq_lines", "npm view cronstrue --json | jq '.versions'"),
    ("oc-bash-npm-view-cronstrue", "n_npm_view", "npm view cronstrue --json"),
    ("oc-bash-pip-show-contractions-wonderwords", "n_pip_show",
     "pip show contractions quantulum3 phonenumberslite emoji-country-flag wonderwords ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as round 661 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd millinery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List millinery's dependency tree")
    lock = w469.Spec("oc-read-lock-millinery", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/millinery/package-lock.json"}, "json")
    swap = {chain_id: mine, "oc-read-lock-glovery": (lock, w469.oc_ext(lock.kind, lock.family, lock))}
    return [swap.get(s[0].id, s) for s in S]


def opencode(tmp: Path) -> None:
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/millinery millinery && cp -r {tmp}/hatblockshed-ws hatblockshed-ws",
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
    sys.modules.setdefault("capture_wide668", sys.modules["__main__"])
    main()
